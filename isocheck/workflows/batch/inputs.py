"""Which files a batch checks, and the stable identity of each agency in it.

Folders named on the command line are searched recursively in name order. Inside them a symbolic link
is followed only when it stays inside the folders given (a link to ``/etc/passwd`` named ``x.yaml`` is
skipped); links to folders are never walked (their files are reached through the real folder, and a link
cannot make a loop). Anything that cannot be a fact file although its name says so — a FIFO (reading it
would block), a device, a socket, a folder named ``*.yaml``, a folder that cannot be listed — is skipped
and reported once. A file named explicitly is the user's choice and is checked even through a link.

An agency's identity across runs (baselines) is its file's path relative to the folder given (a file
named explicitly: its name), so it survives moving the folder and does not depend on the agency's
display name, which two files may share. The fact model has no agency code; when it gets one, this is
the place to prefer it. When two folders given hold the same relative path, the folder as written is
put in front of it.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from isocheck.base.errors import InputError

FACT_SUFFIXES = (".yaml", ".yml", ".json")


@dataclass(frozen=True)
class FactFile:
    path: Path  # as found, for messages and reports
    id: str  # stable identity (see the module docstring)


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str  # link_outside | fifo | device | socket | folder | unreadable


def is_fact_name(name: str) -> bool:
    return name.lower().endswith(FACT_SUFFIXES)


def collect_files(paths: list[str]) -> tuple[list[FactFile], list[Skipped]]:
    """The fact files to check (deterministic order, each real file once) and the entries skipped."""
    found: list[tuple[Path, str, str]] = []  # (path, id, the root as written)
    skipped: list[Skipped] = []
    roots = []
    for raw in paths:
        if os.path.isdir(raw):
            roots.append(os.path.realpath(raw))
    for raw in paths:
        path = Path(raw)
        try:
            st = path.stat()
        except OSError:
            raise InputError.of(raw, "batch.no_such_path") from None
        if stat.S_ISDIR(st.st_mode):
            _walk(path, path, roots, found, skipped, raw)
        elif stat.S_ISREG(st.st_mode):
            found.append((path, path.name, ""))
        else:
            skipped.append(Skipped(raw, _kind(st.st_mode)))
    files = _unique(found)
    if not files:
        raise InputError.of(", ".join(paths), "batch.no_files", {"suffixes": ", ".join(FACT_SUFFIXES)})
    return files, skipped


def _walk(root: Path, folder: Path, roots: list[str], found: list, skipped: list[Skipped], written: str) -> None:
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError:
        skipped.append(Skipped(str(folder), "unreadable"))
        return
    for entry in entries:
        path = folder / entry.name
        try:
            if entry.is_symlink():
                _link(root, path, roots, found, skipped, written)
            elif entry.is_dir(follow_symlinks=False):
                if is_fact_name(entry.name):
                    skipped.append(Skipped(str(path), "folder"))
                _walk(root, path, roots, found, skipped, written)
            elif is_fact_name(entry.name):
                mode = entry.stat(follow_symlinks=False).st_mode
                if stat.S_ISREG(mode):
                    found.append((path, _relative(path, root), written))
                else:
                    skipped.append(Skipped(str(path), _kind(mode)))
        except OSError:
            skipped.append(Skipped(str(path), "unreadable"))


def _link(root: Path, path: Path, roots: list[str], found: list, skipped: list[Skipped], written: str) -> None:
    target = os.path.realpath(path)
    inside = any(os.path.commonpath([target, r]) == r for r in roots)
    try:
        st = os.stat(target)
    except OSError:
        if is_fact_name(path.name):
            skipped.append(Skipped(str(path), "unreadable"))
        return
    if stat.S_ISDIR(st.st_mode):
        if not inside:
            skipped.append(Skipped(str(path), "link_outside"))
        return  # a folder inside is walked as itself
    if not is_fact_name(path.name):
        return
    if not inside:
        skipped.append(Skipped(str(path), "link_outside"))
    elif stat.S_ISREG(st.st_mode):
        found.append((path, _relative(path, root), written))
    else:
        skipped.append(Skipped(str(path), _kind(st.st_mode)))


def _relative(path: Path, root: Path) -> str:
    return PurePosixPath(*path.relative_to(root).parts).as_posix()


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISDIR(mode):
        return "folder"
    return "unreadable"


def _unique(found: list[tuple[Path, str, str]]) -> list[FactFile]:
    """Each real file once (the first way it was reached), and ids made unique by their folder."""
    seen: set[str] = set()
    kept = []
    for path, ident, written in found:
        real = os.path.realpath(path)
        if real not in seen:
            seen.add(real)
            kept.append((path, ident, written))
    counts: dict[str, int] = {}
    for _, ident, _ in kept:
        counts[ident] = counts.get(ident, 0) + 1
    return [
        FactFile(path, ident if counts[ident] == 1 else PurePosixPath(written or str(path.parent), ident).as_posix())
        for path, ident, written in kept
    ]
