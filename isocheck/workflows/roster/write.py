"""Writes the fact files of an imported roster: YAML through PyYAML's emitter, all files or none.

Every row is converted and validated first; the files are then written into a temporary folder beside
(or inside) the output folder and moved into place only when all of them were written, so a full disk
or any other failure leaves the output folder as it was. Values reach the file only through the YAML
emitter (quoted and escaped as needed); the comment header carries the roster's file name with every
line break and control character escaped, so no text from the roster can start a line of its own.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from isocheck.base.errors import InputError
from isocheck.base.output import output_error, umask
from isocheck.workflows.roster.cells import duty_unknown, roster_to_facts
from isocheck.workflows.roster.columns import HEADER_COMMENT, RosterRow, fold
from isocheck.workflows.roster.dropped import Warn


class _Dumper(yaml.SafeDumper):
    """Block style with indented lists, and never an anchor or alias (equal dates are written out)."""

    def increase_indent(self, flow: bool = False, indentless: bool = False):
        return super().increase_indent(flow, False)

    def ignore_aliases(self, data: Any) -> bool:
        return True


def fact_file_text(row: RosterRow, facts: dict, lang: str = "vi") -> str:
    """The YAML text of one fact file: the comment header, then the facts in the model's order."""
    body = yaml.dump(facts, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1000)
    return HEADER_COMMENT[lang].format(file=_comment_safe(Path(row.file).name), line=row.line) + body


# line breaks of YAML 1.1 and 1.2 (a comment ends at any of them) and every other control character
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


def _comment_safe(text: str) -> str:
    """Text for a ``#`` comment line: line breaks and control characters written as escapes."""
    return _UNSAFE.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text)


def slug(name: str) -> str:
    """An ASCII file-name stem: 'UBND xã Thạch Hà' → 'ubnd-xa-thach-ha'."""
    ascii_text = fold(name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "don-vi"


def _stems(rows: list[RosterRow]) -> list[str]:
    """The file stem of each row: its name's slug; the parent's slug added when one name is used under two
    parents (``van-phong--so-y-te``); a number added when that is still not unique."""
    names = [slug(row.cells["name"]) for row in rows]
    parents: dict[str, set[str]] = {}
    for name, row in zip(names, rows, strict=True):
        parents.setdefault(name, set()).add(slug(row.cells.get("parent", "")) if row.cells.get("parent") else "")
    stems: list[str] = []
    taken: set[str] = set()
    for name, row in zip(names, rows, strict=True):
        stem = name
        if len(parents[name]) > 1 and row.cells.get("parent"):
            stem = f"{name}--{slug(row.cells['parent'])}"
        n = 1
        while (f"{stem}-{n}" if n > 1 else stem) in taken:
            n += 1
        stems.append(f"{stem}-{n}" if n > 1 else stem)
        taken.add(stems[-1])
    return stems


def write_fact_files(
    rows: list[RosterRow],
    out_dir: str | Path,
    lang: str = "vi",
    *,
    force: bool = False,
    warn: Warn | None = None,
    step: Callable[[], None] | None = None,
    duty: dict | None = None,
) -> list[tuple[Path, str]]:
    """Convert and validate every row, then write one YAML file per agency into ``out_dir``; ``step`` is called
    once per row converted (a progress bar's hook).

    Returns ``(path, status)`` per row that became a fact file (a row whose version is unknown does not; it is
    ``warn``-ed), status ``written`` | ``overwritten`` | ``unchanged``. Nothing is written when a row is bad,
    when a file exists with other content and ``force`` is not given, or when writing fails (:func:`_write_all`)."""
    written = write_fact_files_of(rows, out_dir, lang, force=force, warn=warn, step=step, duty=duty)
    return [(w.path, w.status) for w in written]


class Written(NamedTuple):
    """One fact file of an import: where, what happened to it, the row it was made from, and whether it leaves
    the agency's duty to apply a QMS unknown (:func:`~isocheck.workflows.roster.cells.duty_unknown`)."""

    path: Path
    status: str
    row: RosterRow
    duty_unknown: bool


def write_fact_files_of(
    rows: list[RosterRow],
    out_dir: str | Path,
    lang: str = "vi",
    *,
    force: bool = False,
    warn: Warn | None = None,
    step: Callable[[], None] | None = None,
    duty: dict | None = None,
) -> list[Written]:
    """:func:`write_fact_files`, each result with the row it was made from and whether its duty is unknown."""
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise InputError.of(str(out), "output.import_not_folder")
    planned: list[tuple[Path, str]] = []
    made: list[tuple[RosterRow, bool]] = []
    converted = []
    for row in rows:
        converted.append((row, roster_to_facts(row, warn, duty)))
        if step is not None:
            step()
    kept = [(row, facts) for row, facts in converted if facts is not None]
    for (row, facts), stem in zip(kept, _stems([row for row, _ in kept]), strict=True):
        planned.append((out / f"{stem}.yaml", fact_file_text(row, facts, lang)))
        made.append((row, duty_unknown(facts)))
    statuses = []
    for path, text in planned:
        old = path.read_text(encoding="utf-8") if path.is_file() else None
        if path.exists() and old is None:
            raise InputError.of(str(path), "output.import_not_file")
        if old is not None and old != text and not force:
            raise InputError.of(str(path), "output.import_differs")
        statuses.append("written" if old is None else "unchanged" if old == text else "overwritten")
    _write_all(
        out, [(path, text) for (path, text), status in zip(planned, statuses, strict=True) if status != "unchanged"]
    )
    return [
        Written(path, status, row, unknown)
        for (path, _), status, (row, unknown) in zip(planned, statuses, made, strict=True)
    ]


def _write_all(out: Path, files: list[tuple[Path, str]]) -> None:
    """Write every file into a temporary folder, then move them into ``out``: all of them or none."""
    if not files:
        return
    created = _missing_parents(out)
    mode = 0o666 & ~umask()
    staging: Path | None = None
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fresh = not out.exists()
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.import-", dir=out.parent if fresh else out))
        for path, text in files:
            target = staging / path.name
            target.write_text(text, encoding="utf-8")
            os.chmod(target, mode)
        if fresh:
            os.chmod(staging, 0o777 & ~umask())
            os.rename(staging, out)  # the whole folder appears at once
            staging = None
        else:
            for path, _ in files:
                os.replace(staging / path.name, path)
    except OSError as exc:
        for folder in reversed(created):
            with contextlib.suppress(OSError):
                os.rmdir(folder)
        raise output_error(out, exc) from None
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)


def _missing_parents(out: Path) -> list[Path]:
    """The folders above ``out`` that do not exist yet (removed again when the import fails)."""
    missing = []
    for folder in out.absolute().parents:
        if folder.exists():
            break
        missing.append(folder)
    return missing[::-1]
