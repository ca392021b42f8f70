"""Folders shipped with the tool (rule pack, law texts, rubrics, overlays): inside an installed wheel they are
``isocheck/_<name>``, in a source checkout the repository's ``<name>/`` folder; a user may name a shipped file
by its name instead of a path."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def shipped_dir(packaged: str, folder: str) -> Path:
    """``isocheck/<packaged>`` when it exists (an installed wheel), else ``<repository>/<folder>``."""
    inside = _PACKAGE / packaged
    return inside if inside.is_dir() else _PACKAGE.parent / folder


def resolve(path: str | Path, folder: Path) -> Path:
    """``path`` when it exists, else the shipped file of that name in ``folder`` (with or without ``.yaml``)."""
    path = Path(path)
    if path.exists():
        return path
    for candidate in (folder / path.name, folder / f"{path.name}.yaml"):
        if candidate.is_file():
            return candidate
    return path
