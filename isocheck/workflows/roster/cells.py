"""One roster row → the facts of one agency (see :mod:`isocheck.workflows.roster` for the conventions).

:class:`_Cells` reads a row's cells (marks, dates, decision references); :class:`_Dated` the dated events
(audits and their nonconformities, reviews) and the marks of the year; :class:`_RowFacts` the announcement and
the yearly report. What cannot become a fact is handed to ``warn`` as a
:class:`~isocheck.workflows.roster.dropped.Dropped` (the import summarises them once).
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path
from typing import Any

from isocheck.base.errors import InputError
from isocheck.facts.model import validate_agency
from isocheck.law.levels import encouraged_levels
from isocheck.workflows.roster.columns import (
    BY_KEY,
    DATE,
    LEVELS,
    NO_FOLDED,
    PREFIX,
    STANDARD_NOTE,
    UNKNOWN_STANDARD_FOLDED,
    YES_FOLDED,
    RosterRow,
    fold,
    header_key,
)
from isocheck.workflows.roster.dropped import Dropped, Warn


def duty_unknown(facts: dict) -> bool:
    """True when a fact file made from a roster leaves its agency's duty to apply a QMS unknown — a level QĐ 19
    Điều 2 khoản 2 only encourages, no decision binding it (``--mandated-by``), no announcement — so that every
    rule of that agency is not evaluable."""
    agency = facts.get("agency") or {}
    return agency.get("level") in encouraged_levels() and "qms_duty" not in agency and not facts.get("announcements")


def roster_to_facts(row: RosterRow, warn: Warn | None = None, duty: dict | None = None) -> dict | None:
    """The fact-file mapping of one row, validated and in the fact model's key order; None when the row cannot
    become a fact file (its version unknown). Raises :class:`InputError`; facts that cannot be made from a cell
    are left out and ``warn``-ed. ``duty``: the province's decision that binds the bodies QĐ 19 Điều 2 khoản 2
    only encourages (communes, public service units…), written as ``agency.qms_duty`` of those rows."""
    cells = _RowFacts(row, warn or _stderr)
    identity = cells.identity()
    if identity is None:
        return None
    if duty is not None and identity.get("level") in encouraged_levels():
        identity["qms_duty"] = dict(duty)
    data: dict[str, Any] = {"agency": identity, "records_since": dt.date(row.year, 1, 1)}
    qms = cells.qms()
    if qms:
        data["qms"] = qms
    for key, value in (
        ("internal_audits", cells.audits()),
        ("management_reviews", cells.dates("management_reviews")),
        ("announcements", cells.announcements(identity["standard"])),
        ("reports", cells.reports()),
    ):
        if value is not _UNKNOWN:
            data[key] = value
    if cells.marks:
        data["marks"] = [{"year": row.year, "source": cells.source(), **cells.marks}]
    agency = validate_agency(data, row.file, {(): row.line})
    return agency.model_dump(exclude_unset=True)


_UNKNOWN = object()
_MARKED = {"internal_audits": "internal_audit", "management_reviews": "management_review"}  # column → YearMarks


def _stderr(dropped: Dropped) -> None:
    print(f"isocheck: warning: {dropped.text('en')}", file=sys.stderr)


class _Cells:
    """Reads one row's cells: each method returns a fact value or ``_UNKNOWN`` (left out)."""

    def __init__(self, row: RosterRow, warn: Warn):
        self.row, self.warn_to = row, warn
        self.marks: dict[str, bool] = {}  # the roster year's duties marked without dates (YearMarks fields)

    def source(self) -> str:
        """Where the marks come from, as a fact file keeps it (the roster and its row)."""
        return f"bảng tổng hợp {Path(self.row.file).name}, dòng {self.row.line}"

    def text(self, key: str) -> str:
        return self.row.cells.get(key, "")

    def header(self, key: str) -> str:
        return self.row.headers.get(key, BY_KEY[key].vi)

    def error(self, key: str, problem: str, value: str) -> InputError:
        return InputError.of(self.row.file, problem, {"value": value}, field=self.header(key), line=self.row.line)

    def warn(self, key: str, reason: str, *, kept: bool = False) -> None:
        self.warn_to(Dropped(self.row.file, self.row.line, self.header(key), reason, kept=kept))

    def unused(self, key: str, problem: str) -> None:
        """A cell whose value has nothing to attach to: its format is still checked, then a warning."""
        if self.mark(key) is None:
            if key in ("posted_at_premises", "published_on_website"):
                self.bool(key)
            elif key in ("head_confirmed_on", "corrected_on", "report_due_on"):
                self.date(key, self.text(key))
            else:
                self.reference(key, self.text(key))
        self.warn(key, problem)

    def mark(self, key: str) -> bool | None:
        """True / False for a yes / no mark, None for a blank cell or any other text."""
        word = fold(self.text(key)).rstrip(".")
        return True if word in YES_FOLDED else False if word in NO_FOLDED else None

    def bool(self, key: str):
        if not self.text(key):
            return _UNKNOWN
        if self.mark(key) is None:
            raise self.error(key, "roster.not_mark", self.text(key))
        return self.mark(key)

    def date(self, key: str, text: str) -> dt.date:
        match = DATE.fullmatch(re.sub(r"^(?:ngày|ngay)\s+", "", text.strip(), flags=re.I))
        if match is None:
            raise self.error(key, "roster.not_date", text.strip())
        return self._day(key, match)

    def _day(self, key: str, match: re.Match) -> dt.date:
        d, m, y = (match.group(1), match.group(2), match.group(3)) if match.group(1) else match.group(6, 5, 4)
        try:
            return dt.date(int(y), int(m), int(d))
        except ValueError:
            raise self.error(key, "roster.not_real_date", match.group(0)) from None

    def reference(self, key: str, text: str) -> tuple[str | None, dt.date | None]:
        """'132/QĐ-UBND ngày 20/05/2020' → ('132/QĐ-UBND', 2020-05-20); either part may be missing."""
        matches = list(DATE.finditer(text))
        if len(matches) > 1 or (matches and text[matches[0].end() :].strip(" .")):
            raise self.error(key, "roster.not_reference", text)
        day = self._day(key, matches[0]) if matches else None
        number = text[: matches[0].start()] if matches else text
        number = PREFIX.sub("", number.strip())
        number = re.sub(r"[\s,;:-]*(?:ngày|ngay)?[\s,;:-]*$", "", number, flags=re.I)
        if number and fold(number) in YES_FOLDED:
            number = ""
        if number and not re.search(r"\d", number):
            raise self.error(key, "roster.not_reference", text)
        return number or None, day

    # -- agency and QMS ---------------------------------------------------------------------------

    def identity(self) -> dict | None:
        """The agency block; None when the row's TCVN ISO 9001 version is not known (the row is not imported)."""
        ident: dict[str, Any] = {}
        for key in ("name", "level", "province", "standard"):
            if not self.text(key):
                raise InputError.of(self.row.file, "roster.required_blank", field=self.header(key), line=self.row.line)
        if fold(self.text("standard")).rstrip(".") in UNKNOWN_STANDARD_FOLDED:
            params = {"value": self.text("standard")}
            self.warn_to(Dropped(self.row.file, self.row.line, None, "drop.standard_unknown", params, row_level=True))
            return None
        ident["name"] = " ".join(self.text("name").split())
        level = LEVELS.get(header_key(self.text("level")))
        if level is None:
            raise self.error("level", "roster.unknown_level", self.text("level"))
        ident["level"] = level
        ident["province"] = " ".join(self.text("province").split())
        versions = re.findall(r"(?<!\d)(2008|2015)(?!\d)", self.text("standard"))
        if len(set(versions)) != 1 or not re.fullmatch(r"[\w\s.:]*", self.text("standard")):
            raise self.error("standard", "roster.unknown_standard", self.text("standard"))
        ident["standard"] = int(versions[0])
        if self.text("parent"):
            ident["parent"] = " ".join(self.text("parent").split())
        website = self.bool("has_website")
        if website is not _UNKNOWN:
            ident["has_website"] = website
        return ident

    def qms(self) -> dict:
        qms: dict[str, Any] = {}
        for key in ("quality_policy", "steering_committee", "documents_approved"):
            value = self.decision(key)
            if value is not _UNKNOWN:
                qms[key] = value
        for key, field in (("quality_objectives", "quality_objectives"), ("maintenance_plan", "maintenance_plans")):
            value = self.decision(key)
            if value is not _UNKNOWN:
                qms[field] = [] if value is None else [{"year": self.row.year, **value}]
        return qms

    def decision(self, key: str):
        """A decision: blank → unknown, no → None, yes → {} (exists, details unknown), else number/date."""
        text = self.text(key)
        if not text or self.mark(key) is not None:
            return _UNKNOWN if not text else ({} if self.mark(key) else None)
        number, day = self.reference(key, text)
        return {k: v for k, v in (("number", number), ("issued_on", day)) if v is not None}


class _Dated(_Cells):
    """The dated events of a row: internal audits with their nonconformities, management reviews."""

    def dates(self, key: str):
        """A list of events known by date (audits, reviews): blank → unknown, no → [], yes → unknown, and the
        roster year marked held (date unknown)."""
        text = self.text(key)
        if not text or self.mark(key) is False:
            return _UNKNOWN if not text else []
        if self.mark(key):
            self.marks[_MARKED[key]] = True
            self.warn(key, "drop.no_date", kept=True)
            return _UNKNOWN
        return [
            {"date": day} for day in sorted(self.date(key, part) for part in re.split(r"[;\n]", text) if part.strip())
        ]

    def audits(self):
        audits = self.dates("internal_audits")
        counts = self.nonconformities()
        if counts is _UNKNOWN:
            if self.text("corrected_on"):
                self.unused("corrected_on", "drop.count_unknown")
            return audits
        total = counts["major"] + counts["minor"]
        if not audits or audits is _UNKNOWN:
            if total:
                self.warn("nonconformities", "drop.no_audit")
            return audits
        latest = audits[-1]
        latest["findings"] = counts
        closed = self.closed_on(total)
        if closed is not _UNKNOWN:
            grades = ["major"] * counts["major"] + ["minor"] * counts["minor"]
            latest["corrective_actions"] = [
                {"finding": f"Điểm không phù hợp {i}/{len(grades)}", "severity": grade, "closed_on": closed}
                for i, grade in enumerate(grades, start=1)
            ]
        return audits

    def nonconformities(self):
        """{'major': n, 'minor': m}: a plain count is recorded as minor; '1 nặng, 2 nhẹ' splits it."""
        text = fold(self.text("nonconformities"))
        if not text:
            return _UNKNOWN
        if text in NO_FOLDED:
            return {"major": 0, "minor": 0}
        if text.isdigit():
            return {"major": 0, "minor": int(text)}
        parts = re.findall(r"(\d+)\s*(nang|major|nhe|minor)", text)
        if not parts or re.sub(r"(\d+)\s*(nang|major|nhe|minor)|[\s,;]", "", text):
            raise self.error("nonconformities", "roster.not_count", self.text("nonconformities"))
        counts = {"major": 0, "minor": 0}
        for n, grade in parts:
            counts["major" if grade in ("nang", "major") else "minor"] += int(n)
        return counts

    def closed_on(self, total: int):
        """When the audit's nonconformities were closed: a date, None (blank / no = still open)."""
        text = self.text("corrected_on")
        if not total:
            if text and self.mark("corrected_on") is not False:
                self.unused("corrected_on", "drop.nothing_to_close")
            return _UNKNOWN if text and self.mark("corrected_on") is not False else None
        if not text or self.mark("corrected_on") is False:
            return None
        if self.mark("corrected_on"):
            self.warn("corrected_on", "drop.no_date")
            return _UNKNOWN
        return self.date("corrected_on", text)


class _RowFacts(_Dated):
    """The announcement and the yearly report of a row."""

    def announcements(self, standard: int):
        text = self.text("announcement")
        details = ("head_confirmed_on", "notified_dost_on", "posted_at_premises", "published_on_website")
        if not text or self.mark("announcement") is not None:
            if self.mark("announcement"):
                self.warn("announcement", "drop.announcement_mark")
            for key in details:
                if self.text(key) and self.mark(key) is not False:
                    self.unused(key, "drop.no_announcement")
            return [] if self.mark("announcement") is False else _UNKNOWN
        found = STANDARD_NOTE.search(text)
        number, day = self.reference("announcement", STANDARD_NOTE.sub("", text).strip())
        if number is None or day is None:
            self.warn("announcement", "drop.announcement_incomplete")
            return _UNKNOWN
        ann: dict[str, Any] = {"decision": number, "date": day, "standard": int(found.group(1)) if found else standard}
        confirmed = self.event("head_confirmed_on")
        if confirmed is not _UNKNOWN:
            ann["head_confirmed_on"] = confirmed
        notified = self.text("notified_dost_on")
        if notified and self.mark("notified_dost_on") is None:
            letter, sent = self.reference("notified_dost_on", notified)
            if sent is None:
                self.warn("notified_dost_on", "drop.reference_no_date")
            else:
                ann["notified_dost_on"] = sent
            if letter:
                ann["notification"] = letter
        elif notified:
            notified_on = self.event("notified_dost_on")
            if notified_on is not _UNKNOWN:
                ann["notified_dost_on"] = notified_on
        for key in ("posted_at_premises", "published_on_website"):
            value = self.bool(key)
            if value is not _UNKNOWN:
                ann[key] = value
        return [ann]

    def event(self, key: str):
        """One date: blank → unknown, no → None, yes → unknown + warning."""
        text = self.text(key)
        if not text:
            return _UNKNOWN
        if self.mark(key) is not None:
            if self.mark(key):
                self.warn(key, "drop.no_date")
            return _UNKNOWN if self.mark(key) else None
        return self.date(key, text)

    def reports(self):
        request, due, sent = (self.text(k) for k in ("report_request", "report_due_on", "report_submitted_on"))
        if not (request or due or sent):
            return _UNKNOWN
        if not (request or due) and self.mark("report_submitted_on") is not None:
            # a marks-only roster ("x", "Ko có Bc"): whether the report reached the Department, date unknown
            self.marks["report_received"] = bool(self.mark("report_submitted_on"))
            self.warn("report_submitted_on", "drop.no_date" if self.marks["report_received"] else "drop.not_received",
                      kept=True)  # fmt: skip
            return _UNKNOWN
        if self.mark("report_request") is False:
            for key in ("report_due_on", "report_submitted_on"):
                if self.text(key) and self.mark(key) is not False:
                    self.unused(key, "drop.no_request")
            return []
        report: dict[str, Any] = {"year": self.row.year}
        if request and not self.mark("report_request"):
            number, day = self.reference("report_request", request)
            report.update({k: v for k, v in (("requested_by", number), ("requested_on", day)) if v is not None})
        due_on = self.event("report_due_on")
        if due_on is not _UNKNOWN and due_on is not None:
            report["due_on"] = due_on
        if self.mark("report_submitted_on"):
            self.marks["report_received"] = True
            self.warn("report_submitted_on", "drop.no_date", kept=True)
            return _UNKNOWN
        if sent and self.mark("report_submitted_on") is None:
            reference, day = self.reference("report_submitted_on", sent)
            if day is None:
                self.warn("report_submitted_on", "drop.reference_no_date")
                return _UNKNOWN
            report["submitted_on"] = day
            if reference:
                report["reference"] = reference
        else:
            report["submitted_on"] = None  # blank or "không": not sent
        return [report]
