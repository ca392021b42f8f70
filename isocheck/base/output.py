"""Writes output files atomically, never over an input, with the user's umask, and says why when it cannot.

A file is written into a temporary file in the target's folder and renamed over the target only when
everything was written: a failure half-way (a full disk, Ctrl-C, an error) leaves no half-written file
and keeps the file that was there. The file gets mode ``0666 & ~umask`` (``mkstemp`` alone makes it
0600, unreadable to colleagues on a shared folder). An output that is one of the inputs (the same file,
also through a symbolic or hard link) is refused before anything is written, and every operating-system
error becomes one :class:`InputError` (exit code 2 in the CLI) naming the output.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from isocheck.base.errors import InputError

_PROBLEM = {
    errno.ENOENT: "output.no_folder",
    errno.ENOTDIR: "output.not_a_folder",
    errno.EACCES: "output.no_permission",
    errno.EPERM: "output.no_permission",
    errno.EROFS: "output.no_permission",
    errno.ENOSPC: "output.disk_full",
    errno.EDQUOT: "output.disk_full",
    errno.EFBIG: "output.disk_full",
    errno.EISDIR: "output.is_folder",
}


def umask() -> int:
    """The process's umask (read by setting it and putting it back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def output_error(path: str | Path, exc: OSError) -> InputError:
    """The one message for an operating-system error while writing ``path``."""
    key = _PROBLEM.get(exc.errno or 0)
    if key is not None:
        return InputError.of(str(path), key)
    return InputError.of(str(path), "output.failed", {"reason": exc.strerror or str(exc)})


def refuse_inputs(path: str | Path, inputs: Iterable[str | Path]) -> None:
    """Raise when the output ``path`` is one of ``inputs`` (same file, through any link)."""
    try:
        target = os.stat(path)
    except OSError:
        return  # nothing there yet: it cannot be an input
    if os.path.isdir(path):
        raise InputError.of(str(path), "output.is_folder")
    for item in inputs:
        try:
            st = os.stat(item)
        except OSError:
            continue
        if (st.st_dev, st.st_ino) == (target.st_dev, target.st_ino):
            raise InputError.of(str(path), "output.is_input", {"input": str(item)})


class AtomicFile:
    """A binary file written to a temporary name beside ``path``; :meth:`commit` renames it into place."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        directory = self.path.parent if str(self.path.parent) else Path(".")
        try:
            if self.path.is_dir():
                raise IsADirectoryError(errno.EISDIR, "is a folder")
            fd, self.tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=directory)
            os.fchmod(fd, 0o666 & ~umask())
        except OSError as exc:
            raise output_error(path, exc) from None
        self.handle: IO[bytes] = os.fdopen(fd, "wb")

    def commit(self) -> None:
        try:
            self.handle.close()
            os.replace(self.tmp, self.path)
        except OSError as exc:
            self.discard()
            raise output_error(self.path, exc) from None

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.handle.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.tmp)


@contextlib.contextmanager
def output_stream(path: str | Path | None, inputs: Iterable[str | Path] = ()) -> Iterator[IO[bytes]]:
    """A binary stream to ``path`` (atomically, see :class:`AtomicFile`) or to standard output."""
    if path is None:
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    refuse_inputs(path, inputs)
    sink = AtomicFile(path)
    try:
        yield sink.handle
    except OSError as exc:
        sink.discard()
        raise output_error(path, exc) from None
    except BaseException:
        sink.discard()
        raise
    sink.commit()


def write_atomic(path: str | Path, text: str | bytes, inputs: Iterable[str | Path] = ()) -> None:
    """Write ``text`` (UTF-8 with ``\\n`` line ends) or ``bytes`` (as they are) to ``path`` atomically."""
    with output_stream(path, inputs) as out:
        out.write(text if isinstance(text, bytes) else text.encode("utf-8"))
