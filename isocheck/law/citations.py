"""Citations of the law: the model every rule, parameter and overlay uses, how a citation reads in each
language, and the check that its quote is the law's own words.

A citation is either a legal text (instrument, article, clause, point and a verbatim ``quote_vi``) or
the standard TCVN ISO 9001 (its clause number per edition, never its wording). Legal citations of a text
shipped in ``law/`` are checked against that text: the quote must be a whitespace-normalised substring
of the cited article, clause or point, where "…" marks each cut and the pieces appear in order.
A standard citation is shown in the agency's own edition ("TCVN ISO 9001:2008 mục 8.2.2 «Đánh giá nội bộ»").
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from isocheck.base.errors import InputError
from isocheck.facts.parse import path_text, position_of
from isocheck.facts.types import Bool, Date, Ident, Int, Str
from isocheck.law.standards import EDITIONS, STANDARD, load_standards
from isocheck.law.texts import Library, load_library, normalise
from isocheck.text.problems import Problem

CUT = "…"
MIN_QUOTE = 12  # characters of law a quote must carry, cuts aside
_WORDS = {"vi": ("Điều", "khoản", "điểm", "mục"), "en": ("Art.", "cl.", "pt.", "§")}


class Text(BaseModel):
    """A text in Vietnamese (full diacritics) and English."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    vi: Str = Field(min_length=1)
    en: Str = Field(min_length=1)

    def get(self, lang: str) -> str:
        return self.vi if lang == "vi" else self.en


class Citation(BaseModel):
    """One legal basis of a rule: a unit of a legal text with its quote, or a clause of TCVN ISO 9001."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    instrument: Str = Field(min_length=1, description="Full name: 'Quyết định 19/2014/QĐ-TTg', 'TCVN ISO 9001'.")
    article: Int | None = Field(None, ge=1)
    clause: Int | None = Field(None, ge=1)
    point: Str | None = Field(None, pattern=r"^[a-zđ]$")
    clauses: dict[int, Str] | None = Field(
        None,
        description="TCVN ISO 9001 only: the clause number in each edition, e.g. {'2015': '9.2', '2008': '8.2.2'}.",
    )
    quote_vi: Str | None = Field(None, min_length=1, description="Verbatim Vietnamese words of the cited unit.")
    note: Text | None = Field(None, description="Where the words come from when the text is not shipped.")

    @model_validator(mode="after")
    def _shape(self) -> Citation:
        if self.instrument.startswith(STANDARD) and self.instrument != STANDARD:
            raise ValueError(Problem("citation.standard_name", standard=STANDARD))
        if self.instrument == STANDARD or self.clauses is not None:
            if self.instrument != STANDARD:
                raise ValueError(Problem("citation.clauses_not_standard", standard=STANDARD))
            if not self.clauses:
                raise ValueError(Problem("citation.standard_needs_clauses"))
            if any(v is not None for v in (self.article, self.clause, self.point, self.quote_vi)):
                raise ValueError(Problem("citation.standard_no_quote"))
            for edition in self.clauses:
                if edition not in EDITIONS:
                    raise ValueError(Problem("citation.edition", value=edition))
            for number in self.clauses.values():
                if not number.replace(".", "").isdigit() or number.startswith(".") or ".." in number:
                    raise ValueError(Problem("citation.clause_number", value=number))
            return self
        if self.quote_vi is None:
            raise ValueError(Problem("citation.needs_quote"))
        if (self.clause is not None or self.point is not None) and self.article is None:
            raise ValueError(Problem("citation.needs_article"))
        return self

    @property
    def is_standard(self) -> bool:
        return self.clauses is not None

    @property
    def by_edition(self) -> dict[int, str]:
        """The standard's clause per edition (empty for a legal text)."""
        return {int(e): n for e, n in (self.clauses or {}).items()}

    @property
    def section(self) -> str | None:
        """The standard's clause numbers as one text (None for a legal text)."""
        if self.clauses is None:
            return None
        return " / ".join(f"{e}: {n}" for e, n in sorted(self.by_edition.items(), reverse=True))

    def editions(self, standard: int | None = None) -> list[int]:
        """The editions to show: the agency's own when it has a clause there, else every cited one."""
        cited = [e for e in EDITIONS if e in self.by_edition]
        return [standard] if standard in cited else cited

    def format(self, lang: str, standard: int | None = None) -> str:
        """The citation as reports print it: "điểm b khoản 4 Điều 4 QĐ 19/2014/QĐ-TTg", "TCVN ISO 9001:2015 §9.2"."""
        words = _WORDS[lang]
        if self.clauses is not None:
            clauses = self.by_edition
            first, *others = self.editions(standard)
            text = _standard_clause(first, clauses[first], lang)
            if others:
                rest = "; ".join(f"{e}: {words[3]}{' ' if lang == 'vi' else ''}{clauses[e]}" for e in others)
                text += f" ({rest})"
            return text
        name = short_name(self.instrument)
        parts = [
            f"{word} {value}"
            for word, value in zip(words, (self.article, self.clause, self.point), strict=False)
            if value is not None
        ]
        if lang == "vi":
            return " ".join([*parts[::-1], name])
        return ", ".join([name, *parts])

    def quote(self, lang: str, standard: int | None = None) -> str:
        """The words shown with the citation: the law's own (Vietnamese) or the standard's clause title."""
        if self.clauses is None:
            return self.quote_vi or ""
        standards = load_standards()
        shown = self.editions(standard)
        labels = [(e, standards.label(e, self.by_edition[e], lang)) for e in shown]
        if len(labels) == 1:
            return labels[0][1]
        return "; ".join(f"{e}: {label}" for e, label in labels if label)

    def record(self, lang: str, standard: int | None = None) -> dict[str, Any]:
        """The citation as data (JSON, explain, HTML): its fields, how it reads, and the cited text when shipped."""
        data = self.model_dump(mode="json", exclude_none=True)
        data["text"] = self.format(lang, standard)
        data["quote"] = self.quote(lang, standard)
        if self.note is not None:
            data["note"] = self.note.get(lang)
        law = law_text(self)
        if law is not None:
            data["law"] = law
        return data


class Decision(BaseModel):
    """A provincial (or ministerial) document a province overlay rests on: number, date, issuer. Its text is
    not shipped, so it is cited, never quoted. ``placeholder`` marks an example that is not a real decision."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    type: Text = Field(description="Kind of document: {vi: Quyết định, en: Decision}, {vi: Kế hoạch, en: Plan}…")
    number: Ident = Field(min_length=1, description="e.g. '2125/QĐ-UBND'")
    date: Date = Field(description="Date signed.")
    issuer: Text = Field(description="e.g. {vi: Ủy ban nhân dân tỉnh Hà Tĩnh, en: Hà Tĩnh People's Committee}")
    subject: Text | None = Field(None, description="What the document is about, as its title says.")
    effective_on: Date | None = Field(None, description="Date it takes effect; default: the date signed.")
    seen_in: Str | None = Field(None, description="Where this project saw the document (e.g. a seed report).")
    placeholder: Bool = Field(False, description="True for an example that is not a real decision.")

    @property
    def in_force(self) -> dt.date:
        return self.effective_on or self.date

    def format(self, lang: str) -> str:
        """ "Quyết định số 2125/QĐ-UBND ngày 17/10/2022 của Ủy ban nhân dân tỉnh Hà Tĩnh"."""
        if lang == "vi":
            text = f"{self.type.vi} số {self.number} ngày {self.date.strftime('%d/%m/%Y')} của {self.issuer.vi}"
        else:
            text = f"{self.type.en} {self.number} of {self.date.isoformat()}, {self.issuer.en}"
        if self.placeholder:
            text += (
                " (ví dụ, không phải văn bản thật)" if lang == "vi" else " (example placeholder, not a real decision)"
            )
        return text

    def record(self, lang: str) -> dict[str, Any]:
        data = self.model_dump(mode="json", exclude_none=True)
        data["text"] = self.format(lang)
        return data


def _standard_clause(edition: int, clause: str, lang: str) -> str:
    return f"{STANDARD}:{edition} {'mục ' if lang == 'vi' else '§'}{clause}"


def short_name(instrument: str, library: Library | None = None) -> str:
    """ "QĐ 19/2014/QĐ-TTg" for a shipped text, the name as written otherwise."""
    found = (library or load_library()).get(instrument)
    return found.short if found is not None else instrument


def law_text(citation: Citation, library: Library | None = None) -> dict[str, str] | None:
    """The whole cited unit of a shipped text: ``text`` (a point with its clause's opening words), ``anchor``
    (``law/<file>#dieu-N``) and ``source`` (the codification's line); None for a text that is not shipped."""
    instrument = (library or load_library()).get(citation.instrument)
    if instrument is None or citation.article is None:
        return None
    if citation.clause is None and citation.point is None:
        text = _paragraph_of(instrument.unit(citation.article), citation.quote_vi or "")
    else:
        text = instrument.excerpt(citation.article, citation.clause, citation.point)
    if text is None:
        return None
    article = instrument.articles[citation.article]
    return {"text": text, "anchor": f"law/{instrument.anchor(citation.article)}", "source": article.source}


def _paragraph_of(article, quote: str) -> str | None:
    """For a citation of a whole article: the paragraph or clause that holds the quote, else the article."""
    if article is None:
        return None
    pieces = [p for p in (normalise(p) for p in quote.split(CUT)) if p]
    for block in article.blocks:
        text = normalise(block) if isinstance(block, str) else block.plain
        if pieces and pieces[0] in text:
            return block if isinstance(block, str) else block.text()
    return article.text()


def check(citation: Citation, library: Library | None = None) -> tuple[str, Problem] | None:
    """Why ``citation`` does not hold, as ``(field, problem)``, or None when it does.

    A standard's clause must be in the clause table; a shipped text's unit must exist and hold the quote.
    An instrument that is not shipped cannot be checked here (its ``note`` says where the words come from).
    """
    if citation.clauses is not None:
        standards = load_standards()
        for edition, clause in citation.clauses.items():
            if not standards.has(edition, clause):
                return f"clauses.{edition}", Problem("citation.unknown_clause", clause=clause, edition=edition)
        return None
    instrument = (library or load_library()).get(citation.instrument)
    if instrument is None:
        return None
    unit = instrument.unit(citation.article, citation.clause, citation.point)
    if unit is None:
        return _missing_unit(citation, instrument)
    quote = normalise(citation.quote_vi or "")
    pieces = [p for p in (normalise(p) for p in quote.split(CUT)) if p]
    if sum(len(p) for p in pieces) < MIN_QUOTE:
        return "quote_vi", Problem("citation.quote_short", least=MIN_QUOTE)
    where = Problem.plain(citation.format("en"), citation.format("vi"))
    at = 0
    for i, piece in enumerate(pieces):
        need_start = i == 0 and not quote.startswith(CUT)
        need_end = i == len(pieces) - 1 and not quote.endswith(CUT)
        found = _find(unit, piece, at, need_start, need_end)
        if found is None:
            if _find(unit, piece, at, False, False) is None:
                return "quote_vi", Problem("citation.quote_not_found", piece=_clip(piece), where=where)
            key = "citation.quote_mid_sentence" if need_start and not need_end else "citation.quote_cut_unmarked"
            return "quote_vi", Problem(key, piece=_clip(piece), where=where)
        at = found + len(piece)
    return None


def _find(unit, piece: str, at: int, need_start: bool, need_end: bool) -> int | None:
    """Where ``piece`` occurs in the unit from ``at`` on, beginning (ending) a sentence when asked."""
    found = unit.plain.find(piece, at)
    while found >= 0:
        if (not need_start or found in unit.starts) and (not need_end or found + len(piece) in unit.ends):
            return found
        found = unit.plain.find(piece, found + 1)
    return None


def _missing_unit(citation: Citation, instrument) -> tuple[str, Problem]:
    if citation.article not in instrument.articles:
        return "article", Problem("citation.no_article", article=citation.article, instrument=instrument.short)
    if citation.clause is not None and instrument.unit(citation.article, citation.clause) is None:
        return "clause", Problem("citation.no_clause", clause=citation.clause, article=citation.article)
    return "point", Problem("citation.no_point", point=citation.point, article=citation.article)


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def verify(citations: list[Citation], file: str, lines: dict, at: tuple, editions: list[int] | None = None) -> None:
    """Raise :class:`InputError` for the first citation of a list that does not hold (:func:`verify_one`).
    ``at`` is the location of the list in the file (``("citations",)``); ``editions`` the TCVN ISO 9001
    editions the rule applies to, each of which a standard citation must give a clause for."""
    for i, citation in enumerate(citations):
        verify_one(citation, file, lines, (*at, i), editions)


def verify_one(citation: Citation, file: str, lines: dict, at: tuple, editions: list[int] | None = None) -> None:
    """Raise :class:`InputError` naming the file, line and field when ``citation`` does not hold (:func:`check`)."""
    problem = check(citation)
    if problem is None and citation.clauses is not None:
        missing = [e for e in editions or () if e not in citation.clauses]
        if missing:
            problem = "clauses", Problem("citation.edition_missing", edition=missing[0])
    if problem is None:
        return
    name, detail = problem
    loc = (*at, *name.split("."))
    line, column = position_of(lines, loc, value=True)
    raise InputError(file, detail, field=path_text(loc), line=line, column=column)
