"""The folder ``isocheck serve`` was started in: the only place it reads or writes fact files.

A name from the page is a relative path inside the folder, ending in ``.yaml`` or ``.yml``; an absolute
path, ``..``, a hidden file or folder, a backslash or a control character is refused, and so is a name that
leads out of the folder through a symbolic link (the resolved path must stay inside the resolved folder).
Every refusal is an :class:`~isocheck.base.errors.InputError` in both languages. Writes are atomic
(:func:`isocheck.base.output.write_atomic`): the file is whole or untouched.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

from isocheck.base.errors import InputError
from isocheck.base.output import write_atomic
from isocheck.text.problems import Problem

SUFFIXES = (".yaml", ".yml")
MAX_LISTED = 500  # fact files shown on the start page


class Folder:
    """Fact files inside one folder, by their names relative to it."""

    def __init__(self, root: str | Path):
        self.root = Path(root).resolve(strict=True)

    def path(self, name: str) -> Path:
        """The file ``name`` names inside the folder; :class:`InputError` for any name that is refused."""
        if not name or any(ord(c) < 32 or c in "\\\x7f" for c in name):
            raise InputError(name or "''", Problem("serve.not_a_name"))
        pure = PurePosixPath(name)
        if pure.is_absolute() or name.startswith("~"):
            raise InputError(name, Problem("serve.absolute"))
        if any(part in ("..", ".") or part.startswith(".") for part in pure.parts):
            raise InputError(name, Problem("serve.outside"))
        if pure.suffix.lower() not in SUFFIXES:
            raise InputError(name, Problem("serve.not_yaml"))
        resolved = (self.root / pure).resolve()
        if not resolved.is_relative_to(self.root):
            raise InputError(name, Problem("serve.symlink"))
        return resolved

    def read(self, name: str) -> str:
        """The text of the file ``name`` (UTF-8); empty when it does not exist yet."""
        path = self.path(name)
        if not path.exists():
            return ""
        from isocheck.facts.parse import load_document

        load_document(path)  # size, encoding and YAML syntax, with the command line's messages
        return path.read_text(encoding="utf-8-sig")

    def write(self, name: str, text: str) -> None:
        path = self.path(name)
        if not path.parent.is_dir():
            raise InputError(name, Problem("serve.no_folder"))
        write_atomic(path, text)

    def files(self) -> list[str]:
        """The fact files in the folder and its subfolders (no hidden ones), by name."""
        found: list[str] = []
        for directory, subdirs, names in os.walk(self.root):
            subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
            for file_name in sorted(names):
                relative = (Path(directory) / file_name).relative_to(self.root).as_posix()
                if Path(file_name).suffix.lower() in SUFFIXES and not file_name.startswith("."):
                    try:
                        self.path(relative)
                    except InputError:
                        continue
                    found.append(relative)
                    if len(found) >= MAX_LISTED:
                        return found
        return found
