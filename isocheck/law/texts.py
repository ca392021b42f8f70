"""The legal texts shipped in ``law/``: instruments split into articles, clauses and points.

Each ``law/<instrument>.md`` holds a front matter (name, short name, dates), then one section per article
under its original number (``## Điều 4. …``, anchor ``dieu-4``). Structure is indentation, as written by
``scripts/import_law.py``: a clause ``1.`` at the margin, its paragraphs and points ``a)`` indented by the
width of ``1.``, a point's paragraphs and dashes three more; ``>`` lines are notes, not text. The parser is
written by hand because the layout is this project's own (a Markdown library would give a rendering tree,
not the legal units); it is strict, so a damaged file fails loudly instead of quoting the wrong clause.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from isocheck.base.errors import InputError
from isocheck.base.shipped import shipped_dir

_HEADING = re.compile(r"^## Điều (\d+)\. (.+)$")
_ANCHOR = re.compile(r'^<a id="(dieu-\d+)"></a>$')
_CLAUSE = re.compile(r"^(\d+)\. ")
_POINT = re.compile(r"^([a-zđ])\) ")
_POINT_WIDTH = 3  # "a) "
_MARKER = re.compile(r"^(?:\d+\.|[a-zđ]\)|[-+]) ")
_STOP = re.compile(r"[.;:] ")


def normalise(text: str) -> str:
    """Text as quotes are compared: NFC, every run of white space one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


@dataclass
class Unit:
    """An article, a clause or a point: its paragraphs and sub-units in the order of the text."""

    kind: str  # "article" | "clause" | "point"
    number: str
    blocks: list[str | Unit] = field(default_factory=list)

    def child(self, kind: str, number: str) -> Unit | None:
        return next((b for b in self.blocks if isinstance(b, Unit) and b.kind == kind and b.number == number), None)

    def paragraphs(self) -> list[str]:
        out: list[str] = []
        for block in self.blocks:
            out.extend([block] if isinstance(block, str) else block.paragraphs())
        return out

    @functools.cached_property
    def plain(self) -> str:
        """The whole unit as one normalised line (what a quote is searched in)."""
        return self._plain_and_bounds[0]

    @property
    def starts(self) -> frozenset[int]:
        """Offsets in :attr:`plain` where a sentence begins: a paragraph, its text after "1." / "a)" / "-",
        or the words after ". ", "; " or ": "."""
        return self._plain_and_bounds[1]

    @property
    def ends(self) -> frozenset[int]:
        """Offsets in :attr:`plain` where a sentence ends, before or after its closing ".", ";", ":"."""
        return self._plain_and_bounds[2]

    @functools.cached_property
    def _plain_and_bounds(self) -> tuple[str, frozenset[int], frozenset[int]]:
        parts: list[str] = []
        starts: set[int] = set()
        ends: set[int] = set()
        at = 0
        for paragraph in (normalise(p) for p in self.paragraphs()):
            starts.add(at)
            marker = _MARKER.match(paragraph)
            if marker:
                starts.add(at + marker.end())
            for found in _STOP.finditer(paragraph):
                ends.update((at + found.start(), at + found.start() + 1))
                starts.add(at + found.end())
            ends.add(at + len(paragraph))
            if paragraph[-1:] in ".;:,":
                ends.add(at + len(paragraph) - 1)
            parts.append(paragraph)
            at += len(paragraph) + 1
        return " ".join(parts), frozenset(starts), frozenset(ends)

    def lines(self, depth: int = 0) -> list[str]:
        """The unit as display lines: its own first line at ``depth``, the rest and its sub-units under it."""
        out: list[str] = []
        for i, block in enumerate(self.blocks):
            if isinstance(block, str):
                level = depth if (self.kind == "article" or i == 0) else depth + 1
                out.append("   " * level + block)
            else:
                out.extend(block.lines(depth if self.kind == "article" else depth + 1))
        return out

    def text(self) -> str:
        return "\n".join(self.lines())

    def lead(self) -> str | None:
        """The first paragraph (a clause's opening words, which a point continues)."""
        return self.blocks[0] if self.blocks and isinstance(self.blocks[0], str) else None


@dataclass
class Article:
    number: int
    title: str
    anchor: str
    source: str  # the codification's line naming the original article
    notes: list[str]
    body: Unit


@dataclass
class Instrument:
    """One legal instrument: its names, dates and articles."""

    name: str  # as rules cite it: "Quyết định 19/2014/QĐ-TTg"
    short: str  # "QĐ 19/2014/QĐ-TTg"
    en: str  # "Decision 19/2014/QĐ-TTg"
    title: str
    signed: dt.date | None
    in_force: dt.date
    file: Path
    articles: dict[int, Article]

    def unit(self, article: int | None, clause: int | None = None, point: str | None = None) -> Unit | None:
        """The cited article, clause or point, or None when the text has no such unit."""
        if article is None or article not in self.articles:
            return None
        unit: Unit | None = self.articles[article].body
        if clause is not None:
            unit = unit.child("clause", str(clause)) if unit else None
        if point is not None:
            # a point of the clause, or (no clause cited) a point directly under the article
            unit = unit.child("point", point) if unit else None
        return unit

    def excerpt(self, article: int, clause: int | None = None, point: str | None = None) -> str | None:
        """The cited unit as text to show: a point comes with its clause's opening words."""
        unit = self.unit(article, clause, point)
        if unit is None:
            return None
        if point is not None and clause is not None:
            parent = self.unit(article, clause)
            lead = parent.lead() if parent else None
            return "\n".join(([lead] if lead else []) + ["   " + line for line in unit.lines()])
        return unit.text()

    def anchor(self, article: int) -> str:
        return f"{self.file.name}#{self.articles[article].anchor}" if article in self.articles else self.file.name


class Library:
    """Every instrument of the law folder, by the name rules cite it under."""

    def __init__(self, root: Path, instruments: list[Instrument]):
        self.root = root
        self.by_name = {i.name: i for i in instruments}

    def get(self, name: str) -> Instrument | None:
        return self.by_name.get(name)

    def names(self) -> list[str]:
        return sorted(self.by_name)


def default_law_dir() -> Path:
    """The shipped texts: ``isocheck/_law`` in an installed wheel, else ``<repo>/law`` (``ISOCHECK_LAW`` overrides)."""
    override = os.environ.get("ISOCHECK_LAW")
    return Path(override) if override else shipped_dir("_law", "law")


@functools.cache
def load_library(root: Path | None = None) -> Library:
    """Load every ``*.md`` instrument of ``root`` (default: the shipped folder). Raises :class:`InputError`."""
    root = root or default_law_dir()
    files = sorted(p for p in root.glob("*.md") if p.name != "README.md")
    return Library(root, [parse_instrument(p) for p in files])


def parse_instrument(path: Path) -> Instrument:
    lines = path.read_text(encoding="utf-8").splitlines()
    meta, start = _front_matter(path, lines)
    heads: list[tuple[int, int, str, str]] = []  # (line index, number, title, anchor)
    anchor: str | None = None
    for i in range(start, len(lines)):
        found = _ANCHOR.match(lines[i])
        if found:
            anchor = found.group(1)
            continue
        heading = _HEADING.match(lines[i])
        if heading:
            number = int(heading.group(1))
            if anchor != f"dieu-{number}":
                raise _error(path, i, "law.anchor", number=number)
            heads.append((i, number, heading.group(2).strip(), anchor))
            anchor = None
    articles: dict[int, Article] = {}
    for k, (i, number, title, anchor_id) in enumerate(heads):
        if number in articles:
            raise _error(path, i, "law.duplicate_article", number=number)
        end = heads[k + 1][0] if k + 1 < len(heads) else len(lines)
        articles[number] = _article(path, number, title, anchor_id, lines, i + 1, end)
    if not articles:
        raise _error(path, start, "law.no_articles")
    return Instrument(
        name=meta["instrument"],
        short=meta["short"],
        en=meta["en"],
        title=meta["title"],
        signed=_date(meta.get("signed")),
        in_force=_date(meta["in_force"]) or dt.date.min,
        file=path,
        articles=articles,
    )


def _front_matter(path: Path, lines: list[str]) -> tuple[dict[str, str], int]:
    if not lines or lines[0] != "---" or "---" not in lines[1:]:
        raise _error(path, 0, "law.front_matter")
    end = lines.index("---", 1)
    meta = {}
    for line in lines[1:end]:
        key, sep, value = line.partition(": ")
        if not sep:
            raise _error(path, lines.index(line), "law.front_matter")
        meta[key.strip()] = value.strip()
    missing = {"instrument", "short", "en", "title", "in_force"} - set(meta)
    if missing:
        raise _error(path, 0, "law.front_matter")
    return meta, end + 1


def _date(value: str | None) -> dt.date | None:
    return None if value in (None, "", "null") else dt.date.fromisoformat(value)


def _article(path: Path, number: int, title: str, anchor: str, lines: list[str], first: int, end: int) -> Article:
    body = Unit("article", str(number))
    source, notes = "", []
    clause: Unit | None = None
    clause_indent = 0
    point: Unit | None = None
    point_indent = 0
    for i in range(first, end):
        raw = lines[i]
        text = raw.strip()
        if not text or _ANCHOR.match(text):
            continue
        if text.startswith(">"):
            note = text.lstrip("> ").strip()
            if note.startswith("Bộ Pháp điển") and not source:
                source = note
            else:
                notes.append(note)
            continue
        indent = len(raw) - len(raw.lstrip(" "))
        if indent == 0:
            found = _CLAUSE.match(text)
            if found:
                clause, point = Unit("clause", found.group(1), [text]), None
                clause_indent = len(found.group(0))
                body.blocks.append(clause)
            elif _POINT.match(text):
                clause, point = None, Unit("point", text[0], [text])
                point_indent = _POINT_WIDTH
                body.blocks.append(point)
            else:
                clause = point = None
                body.blocks.append(text)
        elif clause is not None and indent == clause_indent:
            if _POINT.match(text):
                point = Unit("point", text[0], [text])
                point_indent = clause_indent + _POINT_WIDTH
                clause.blocks.append(point)
            else:
                point = None
                clause.blocks.append(text)
        elif point is not None and indent == point_indent:
            point.blocks.append(text)
        else:
            raise _error(path, i, "law.indent", number=number)
    return Article(number, title, anchor, source, notes, body)


def _error(path: Path, index: int, key: str, **params) -> InputError:
    return InputError.of(str(path), key, params, line=index + 1)
