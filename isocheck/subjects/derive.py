"""Derive flat subject facts from a validated Agency, as of a date.

All date arithmetic and "is there any …" questions are answered here, in Python, so that rules only
compare fields of one flat fact (DESIGN.md, "derive before matching"). A value that cannot be known
from the facts given is left unknown, with the fact-file paths that would have told.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from typing import Any

from isocheck.base.calendar import add_months, days_between, year_end
from isocheck.facts.model import MANDATORY_PROCEDURES_2008, Agency, Announcement, is_known
from isocheck.law.parameters import Parameters
from isocheck.subjects.fields import Subject
from isocheck.text.ui import format_value


def derive_subjects(agency: Agency, as_of: dt.date, params: Parameters, year: int | None = None) -> list[Subject]:
    """Every subject of ``agency`` evaluated on ``as_of`` (the review year defaults to as-of's year)."""
    deriver = _Deriver(agency, as_of, params, year or as_of.year)
    return deriver.all()


class _Deriver:
    def __init__(self, agency: Agency, as_of: dt.date, params: Parameters, year: int):
        self.a = agency
        self.as_of = as_of
        self.params = params
        self.year = year
        self.qms = agency.qms
        # events dated after the as-of date have not happened yet on that date
        self.announcements = _until(agency.announcements, "date", as_of)
        self.scope_changes = _until(agency.scope_changes, "date", as_of)
        self.certification_bodies = _until(agency.certification_bodies, "contract_date", as_of)
        self.consultants = _until(agency.consultants, "contract_date", as_of)
        self.approval_date: dt.date | None = None
        self.approval_known = False
        if self.qms is not None and is_known(self.qms, "documents_approved"):
            approved = self.qms.documents_approved
            if approved is None:
                self.approval_known = True
            elif approved.issued_on is not None:
                self.approval_known = True
                self.approval_date = approved.issued_on

    def all(self) -> list[Subject]:
        subjects = [self.agency_subject(), self.year_subject()]
        if self.a.procedures is not None or not is_known(self.a, "procedures"):
            subjects.append(self.procedures_subject())
        subjects += self.legal_document_subjects()
        subjects += self.announcement_subjects()
        subjects += self.scope_change_subjects()
        subjects += self.audit_subjects()
        subjects += self.review_subjects()
        subjects += self.consultant_subjects()
        if self.a.agency.standard == 2008:
            subjects += self.mandatory_procedure_subjects()
        return _unique_ids(subjects)

    # -- helpers ---------------------------------------------------------------------------------

    def _qms_item(self, name: str) -> tuple[bool | None, Any]:
        """(present?, value) for ``qms.<name>``; present is None when unknown."""
        if self.qms is None or not is_known(self.qms, name):
            return None, None
        value = getattr(self.qms, name)
        return value is not None, value

    def _records_cover(self, day: dt.date) -> bool:
        """True when the file's records are complete on ``day`` (no records_since, or day after it)."""
        return self.a.records_since is None or day >= self.a.records_since

    # -- agency ----------------------------------------------------------------------------------

    def agency_subject(self) -> Subject:
        ident = self.a.agency
        s = Subject("agency", "agency", {"vi": ident.name, "en": ident.name})
        s.set("level", ident.level, ["agency.level"])
        s.set("standard", ident.standard, ["agency.standard"])
        s.display.update(name=ident.name, level=ident.level, standard=ident.standard)
        for field, qms_name in (
            ("has_quality_policy", "quality_policy"),
            ("has_steering_committee", "steering_committee"),
            ("has_iso_secretary", "iso_secretary"),
            ("has_quality_manual", "quality_manual"),
            ("has_management_representative", "management_representative"),
        ):
            present, value = self._qms_item(qms_name)
            s.set(field, present, [f"qms.{qms_name}"])
            s.display[qms_name] = _document_text(value)
        announcements = self.announcements
        s.set(
            "announcement_count",
            None if announcements is None and not is_known(self.a, "announcements") else len(announcements or []),
            ["announcements"],
        )
        latest = _latest(announcements or [])
        on_2008 = ident.standard == 2008 or (latest is not None and latest.standard == 2008)
        s.set("on_2008", on_2008, ["agency.standard", "announcements"])
        s.display["announced_standard"] = latest.standard if latest else None
        deadline_entry = self.params.entry("standard_2015_transition_deadline", self.as_of)
        if deadline_entry is not None:
            deadline = deadline_entry.value
            days = days_between(deadline, self.as_of)
            s.set("days_past_transition_deadline", days, ["agency.standard"])
            s.note(
                "days_past_transition_deadline",
                f"hoàn thành chuyển đổi trước ngày {_vi(deadline)} (Công văn 419/BKHCN-TĐC), tức chậm nhất ngày "
                f"{_vi(deadline - dt.timedelta(days=1))}; ngày đánh giá {_vi(self.as_of)}: {_days_vi(days + 1)}",
                f"conversion due before {deadline.isoformat()} (Công văn 419/BKHCN-TĐC), i.e. by "
                f"{deadline - dt.timedelta(days=1)}; as of {self.as_of.isoformat()}: {_days_en(days + 1)}",
            )
            s.display["transition_deadline"] = deadline
            s.display["transition_last_day"] = deadline - dt.timedelta(days=1)  # "trước ngày": the day before
            s.due_date = deadline
        else:
            s.set(
                "days_past_transition_deadline",
                None,
                ["agency.standard"],
                ["no transition deadline in force on the as-of date"],
            )
        forbidden_from = self.params.value("certification_bodies_forbidden_from", self.as_of)
        if is_known(self.a, "certification_bodies"):
            contracts = [
                (self.a.certification_bodies.index(c), c)
                for c in self.certification_bodies or []
                if forbidden_from is not None and c.contract_date >= forbidden_from
            ]
            s.set("certification_body_contracts", len(contracts), ["certification_bodies"])
            s.items["certification_bodies"] = [
                {
                    "body": c.body,
                    "label": c.body,
                    "contract_date": c.contract_date,
                    "purpose": c.purpose or "—",
                    "id": f"{c.body} ({c.contract_date.isoformat()})",
                    "source": f"certification_bodies[{i}]",
                }
                for i, c in contracts
            ]
        else:
            s.set("certification_body_contracts", None, ["certification_bodies"])
        return s

    # -- year ------------------------------------------------------------------------------------

    def year_subject(self) -> Subject:
        y = self.year
        s = Subject("year", str(y), {"vi": f"Năm {y}", "en": f"Year {y}"})
        s.due_date = year_end(y)
        s.display.update(year=y, year_end=year_end(y))
        s.set("year_over", self.as_of > year_end(y), [])
        s.note(
            "year_over",
            f"năm {y} kết thúc ngày {_vi(year_end(y))}; ngày đánh giá {_vi(self.as_of)}",
            f"{y} ends on {year_end(y).isoformat()}; as of {self.as_of.isoformat()}",
        )
        year_start = dt.date(y, 1, 1)
        complete = self._records_cover(year_start)

        def count(items: list | None, field_name: str, source: str) -> int | None:
            if items is None:
                return None if not is_known(self.a, source) else 0
            n = sum(
                1 for item in items if getattr(item, field_name).year == y and getattr(item, field_name) <= self.as_of
            )
            return n if (n > 0 or complete) else None

        audits = count(self.a.internal_audits, "date", "internal_audits")
        s.set("audit_count", audits, ["internal_audits"])
        s.display["audit_dates"] = [
            a.date for a in self.a.internal_audits or [] if a.date.year == y and a.date <= self.as_of
        ]
        s.note(
            "audit_count",
            f"các cuộc đánh giá nội bộ từ 01/01/{y} đến {_vi(min(self.as_of, year_end(y)))}",
            f"internal audits dated {y}-01-01 to {min(self.as_of, year_end(y)).isoformat()}",
        )
        reviews = count(self.a.management_reviews, "date", "management_reviews")
        s.set("review_count", reviews, ["management_reviews"])
        s.display["review_dates"] = [
            r.date for r in self.a.management_reviews or [] if r.date.year == y and r.date <= self.as_of
        ]
        s.note(
            "review_count",
            f"các cuộc xem xét của lãnh đạo từ 01/01/{y} đến {_vi(min(self.as_of, year_end(y)))}",
            f"management reviews dated {y}-01-01 to {min(self.as_of, year_end(y)).isoformat()}",
        )

        present, objectives_list = self._qms_item("quality_objectives")
        # the year's objectives in force on the as-of date: issued by then (or undated), latest revision first
        objectives = sorted(
            (o for o in objectives_list or [] if o.year == y and (o.issued_on is None or o.issued_on <= self.as_of)),
            key=lambda o: o.issued_on or dt.date.min,
            reverse=True,
        )
        src = "qms.quality_objectives"
        if present is None:
            s.set("has_objectives", None, [src])
            s.set("objectives_measurable", None, [src])
            s.set("objectives_have_plan", None, [src])
        else:
            s.set("has_objectives", bool(objectives), [src])
            if objectives:
                o = objectives[0]
                index = objectives_list.index(o)
                s.set("objectives_measurable", o.measurable, [f"{src}[{index}].measurable"])
                s.set("objectives_have_plan", o.has_plan, [f"{src}[{index}].has_plan"])
                s.display["objectives"] = _document_text(o)
            else:
                s.set("objectives_measurable", None, [src], [f"{src} (no objectives for {y})"])
                s.set("objectives_have_plan", None, [src], [f"{src} (no objectives for {y})"])
        present, plans = self._qms_item("maintenance_plans")
        plan = [p for p in plans or [] if p.year == y]
        s.set("has_maintenance_plan", None if present is None else bool(plan), ["qms.maintenance_plans"])
        s.display["maintenance_plan"] = _document_text(plan[0]) if plan else None

        surveys = self.a.satisfaction_surveys
        if surveys is None and not is_known(self.a, "satisfaction_surveys"):
            s.set("survey_held", None, ["satisfaction_surveys"])
        else:
            held = [v for v in surveys or [] if v.year == y and v.held_on is not None and v.held_on <= self.as_of]
            s.set("survey_held", bool(held), ["satisfaction_surveys"])
            planned = [v.planned_on for v in surveys or [] if v.year == y and v.planned_on]
            s.display["survey_planned_on"] = planned[0] if planned else None
        s.display.update(self.params.survey_method(self.as_of))
        self._yearly_report(s, y)
        return s

    def _yearly_report(self, s: Subject, y: int) -> None:
        """The QMS report on year ``y`` the inspecting unit asked for (TT26 Điều 35), if it asked."""
        reports = self.a.reports
        if reports is None:
            for name in ("report_requested", "report_submitted", "report_due_passed", "report_days_late"):
                s.set(name, None, ["reports"])
            return
        matching = [
            (i, r)
            for i, r in enumerate(reports)
            if r.year == y and (r.requested_on is None or r.requested_on <= self.as_of)
        ]
        s.set("report_requested", bool(matching), ["reports"])
        if not matching:
            for name in ("report_submitted", "report_due_passed", "report_days_late"):
                s.set(name, None, ["reports"], [f"reports (no report requested for {y})"])
            return
        i, report = matching[-1]
        src = f"reports[{i}]"
        provincial = self.params.yearly_date("yearly_report_due", y, self.as_of)  # a province overlay's deadline
        due = report.due_on or (provincial[0] if provincial else year_end(y))
        sent = report.submitted_on if report.submitted_on is not None and report.submitted_on <= self.as_of else None
        s.set("report_submitted", sent is not None, [f"{src}.submitted_on"])
        s.set("report_due_passed", self.as_of > due, [f"{src}.due_on"])
        days = days_between(due, sent or self.as_of)
        s.set("report_days_late", days, [f"{src}.due_on", f"{src}.submitted_on"])
        s.display.update(
            report_due_on=due,
            report_submitted_on=sent,
            report_request=report.requested_by or "",
            report_reference=report.reference or "",
        )
        basis_vi = f"hạn {_vi(due)}" + ("" if report.due_on else f" (công văn không ghi hạn: lấy ngày {_vi(due)})")
        basis_en = f"due {due.isoformat()}" + ("" if report.due_on else " (no deadline in the request: 31 December)")
        if not report.due_on and provincial:
            decision = provincial[1].decision
            basis_vi = f"hạn {_vi(due)} (công văn không ghi hạn: hạn theo {decision.format('vi')})"
            basis_en = f"due {due.isoformat()} (no deadline in the request: the deadline of {decision.format('en')})"
        until_vi = f"gửi ngày {_vi(sent)}" if sent else f"chưa gửi đến ngày {_vi(self.as_of)}"
        until_en = f"sent on {sent.isoformat()}" if sent else f"not sent as of {self.as_of.isoformat()}"
        early = sent is not None and days < 0
        s.note(
            "report_days_late",
            f"{basis_vi}; {until_vi}: " + (f"sớm {-days} ngày" if early else _days_vi(days)),
            f"{basis_en}; {until_en}: " + (f"{-days} days early" if early else _days_en(days)),
        )

    # -- procedures (TTHC) ------------------------------------------------------------------------

    def procedures_subject(self) -> Subject:
        s = Subject("procedures", "procedures", {"vi": "Danh mục TTHC", "en": "Administrative procedures"})
        procedures = self.a.procedures
        if procedures is None:
            for name in ("procedure_count", "uncovered_count", "mismatch_count"):
                s.set(name, None, ["procedures"])
            return s
        s.set("procedure_count", len(procedures), ["procedures"])

        def item(i: int, p) -> dict[str, Any]:
            return {
                "id": p.code,
                "label": f"{p.code} ({p.field})",
                "code": p.code,
                "name": p.name,
                "field": p.field,
                "announced_by": p.announced_by or "",
                "source": f"procedures[{i}]",
            }

        uncovered = [item(i, p) for i, p in enumerate(procedures) if p.internal_procedure is False]
        unknown = [item(i, p) for i, p in enumerate(procedures) if p.internal_procedure is None]
        s.items["uncovered"] = uncovered
        s.items["coverage_unknown"] = unknown
        if unknown and not uncovered:
            s.set(
                "uncovered_count",
                None,
                ["procedures"],
                [
                    f"procedures[{i}].internal_procedure"
                    for i, p in enumerate(procedures)
                    if p.internal_procedure is None
                ],
            )
        else:
            s.set("uncovered_count", len(uncovered), ["procedures[*].internal_procedure"])
        covered = [(i, p) for i, p in enumerate(procedures) if p.internal_procedure]
        mismatched = [item(i, p) for i, p in covered if p.matches_one_stop is False]
        mismatch_unknown = [item(i, p) for i, p in covered if p.matches_one_stop is None]
        s.items["mismatched"] = mismatched
        s.items["mismatch_unknown"] = mismatch_unknown
        if mismatch_unknown and not mismatched:
            s.set(
                "mismatch_count",
                None,
                ["procedures"],
                [f"procedures[{i}].matches_one_stop" for i, p in covered if p.matches_one_stop is None],
            )
        else:
            s.set("mismatch_count", len(mismatched), ["procedures[*].matches_one_stop"])
        s.display.update(
            procedure_count=len(procedures), uncovered_count=len(uncovered), mismatch_count=len(mismatched)
        )
        return s

    # -- legal documents -------------------------------------------------------------------------

    def legal_document_subjects(self) -> list[Subject]:
        subjects = []
        months = self.params.value("legal_update_max_months", self.as_of)
        for i, doc in enumerate(self.a.legal_documents or []):
            src = f"legal_documents[{i}]"
            s = Subject(
                "legal_document", doc.number, {"vi": f"Văn bản {doc.number}", "en": f"Legal document {doc.number}"}
            )
            if months is None:  # no legal deadline in force on the as-of date
                s.set("built_in", None, [f"{src}.built_in_on"], ["legal_update_max_months (not in force)"])
                s.set("days_after_deadline", None, [f"{src}.effective_on"], ["legal_update_max_months (not in force)"])
                subjects.append(s)
                continue
            deadline = add_months(doc.effective_on, months)
            s.due_date = deadline
            s.display.update(
                number=doc.number,
                title=doc.title or "",
                effective_date=doc.effective_on,
                deadline=deadline,
                months=months,
                built_in_on=doc.built_in_on,
            )
            if not is_known(doc, "built_in_on"):
                s.set("built_in", None, [f"{src}.built_in_on"])
                s.set(
                    "days_after_deadline", None, [f"{src}.effective_on", f"{src}.built_in_on"], [f"{src}.built_in_on"]
                )
            else:
                s.set("built_in", doc.built_in_on is not None, [f"{src}.built_in_on"])
                end = doc.built_in_on if doc.built_in_on is not None else self.as_of
                days = days_between(deadline, end)
                s.set("days_after_deadline", days, [f"{src}.effective_on", f"{src}.built_in_on"])
                s.display["days_late"] = max(days, 0)
                end_vi = (
                    f"cập nhật ngày {_vi(end)}"
                    if doc.built_in_on
                    else f"chưa cập nhật, tính đến ngày đánh giá {_vi(end)}"
                )
                end_en = (
                    f"built in on {end.isoformat()}"
                    if doc.built_in_on
                    else f"not built in; counted to the as-of date {end.isoformat()}"
                )
                s.note(
                    "days_after_deadline",
                    f"hiệu lực {_vi(doc.effective_on)} + {months} tháng dương lịch = hạn {_vi(deadline)}; "
                    f"{end_vi}: {_days_vi(days)}",
                    f"effective {doc.effective_on.isoformat()} + {months} calendar months = deadline "
                    f"{deadline.isoformat()}; {end_en}: {_days_en(days)}",
                )
            subjects.append(s)
        return subjects

    # -- announcements ---------------------------------------------------------------------------

    def announcement_subjects(self) -> list[Subject]:
        announcements = self.announcements
        if announcements is None:
            return []
        latest = _latest(announcements)
        subjects = [self._announcement(self.a.announcements.index(ann), ann, ann is latest) for ann in announcements]
        if not announcements:
            subjects.append(self._planned_announcement())
        return subjects

    def _planned_announcement(self) -> Subject:
        s = Subject(
            "announcement",
            "planned",
            {
                "vi": f"Dự kiến công bố ngày {self.as_of:%d/%m/%Y}",
                "en": f"Planned announcement on {self.as_of.isoformat()}",
            },
        )
        s.display.update(decision="", date=self.as_of, standard=self.a.agency.standard)
        s.set("is_planned", True, ["announcements"])
        s.set("is_current", True, ["announcements"])
        self._preconditions(s, self.as_of)
        for name in ("notified", "posted", "published"):
            s.set(name, False, ["announcements"])
        s.set("has_website", self.a.agency.has_website, ["agency.has_website"])
        return s

    def _announcement(self, i: int, ann: Announcement, current: bool) -> Subject:
        src = f"announcements[{i}]"
        s = Subject(
            "announcement",
            ann.decision,
            {"vi": f"Quyết định công bố {ann.decision}", "en": f"Announcement {ann.decision}"},
        )
        s.display.update(
            decision=ann.decision,
            date=ann.date,
            standard=ann.standard,
            scope=ann.scope or "",
            notified_dost_on=ann.notified_dost_on,
            notification=ann.notification or "",
            head_confirmed_on=ann.head_confirmed_on,
        )
        s.set("is_planned", False, [src])
        s.set("is_current", current, ["announcements"])
        self._preconditions(s, ann.date)
        if is_known(ann, "head_confirmed_on"):
            s.set(
                "head_confirmed_before",
                ann.head_confirmed_on is not None and ann.head_confirmed_on <= ann.date,
                [f"{src}.head_confirmed_on", f"{src}.date"],
            )
        else:
            s.set("head_confirmed_before", None, [f"{src}.head_confirmed_on"])
        s.set(
            "notified",
            None if not is_known(ann, "notified_dost_on") else ann.notified_dost_on is not None,
            [f"{src}.notified_dost_on"],
        )
        s.set("posted", ann.posted_at_premises, [f"{src}.posted_at_premises"])
        s.set("published", ann.published_on_website, [f"{src}.published_on_website"])
        s.set("has_website", self.a.agency.has_website, ["agency.has_website"])
        return s

    def _preconditions(self, s: Subject, day: dt.date) -> None:
        """Fields for QĐ19 Điều 4 khoản 2 a–d, judged against an announcement on ``day``."""
        if s.id == "planned":
            s.set("head_confirmed_before", None, ["announcements"], ["the head's confirmation (not yet given)"])
        approval_src = ["qms.documents_approved.issued_on"]
        if self.approval_known:
            s.set(
                "documents_approved_before",
                self.approval_date is not None and self.approval_date <= day,
                [*approval_src, "announcement date"],
            )
        else:
            s.set("documents_approved_before", None, approval_src)
        s.display["documents_approved_on"] = self.approval_date
        since = self.approval_date if self.approval_date is not None and self.approval_date <= day else None
        window_covered = self._records_cover(since or day) if since else self._records_cover(dt.date.min)

        window_vi = (f"từ ngày phê duyệt tài liệu {_vi(since)} " if since else "") + f"đến ngày công bố {_vi(day)}"
        window_en = (
            f"from the approval of the documents on {since.isoformat()} " if since else ""
        ) + f"up to the announcement date {day.isoformat()}"
        s.note("audit_before", f"đánh giá nội bộ {window_vi}", f"internal audits {window_en}")
        s.note("review_before", f"xem xét của lãnh đạo {window_vi}", f"management reviews {window_en}")
        s.display["window_start"] = since
        s.display["window_end"] = day

        def held(items, source: str) -> bool | None:
            if items is None:
                return None if not is_known(self.a, source) else False
            found = [x for x in items if x.date <= day and (since is None or x.date >= since)]
            if found:
                return True
            return False if window_covered else None

        audits = self.a.internal_audits
        s.set("audit_before", held(audits, "internal_audits"), ["internal_audits", "qms.documents_approved"])
        before = [a for a in audits or [] if a.date <= day and (since is None or a.date >= since)]
        s.display["audit_dates_before"] = [a.date for a in before]
        open_count = self._open_nonconformities(before, day)
        if (audits is None and not is_known(self.a, "internal_audits")) or (not before and not window_covered):
            open_count = None
        s.set("open_nonconformities_at_date", open_count, ["internal_audits[*].corrective_actions"])
        s.set(
            "review_before",
            held(self.a.management_reviews, "management_reviews"),
            ["management_reviews", "qms.documents_approved"],
        )
        s.display["review_dates_before"] = [
            r.date for r in self.a.management_reviews or [] if r.date <= day and (since is None or r.date >= since)
        ]

    @staticmethod
    def _open_nonconformities(audits: Iterable, day: dt.date) -> int | None:
        total = 0
        for audit in audits:
            if audit.findings is None or audit.corrective_actions is None:
                if audit.findings is not None and audit.findings.major + audit.findings.minor == 0:
                    continue
                return None
            nonconformities = audit.findings.major + audit.findings.minor
            closed = sum(1 for c in audit.corrective_actions if c.closed_on is not None and c.closed_on <= day)
            total += max(nonconformities - closed, 0)
        return total

    # -- scope changes ---------------------------------------------------------------------------

    def scope_change_subjects(self) -> list[Subject]:
        subjects = []
        for change in self.scope_changes or []:
            src = f"scope_changes[{self.a.scope_changes.index(change)}]"
            sid = f"{change.date.isoformat()} {change.kind}"
            s = Subject(
                "scope_change",
                sid,
                {
                    "vi": f"Thay đổi phạm vi ngày {change.date:%d/%m/%Y}",
                    "en": f"Scope change of {change.date.isoformat()}",
                },
            )
            s.display.update(date=change.date, kind=change.kind, description=change.description or "")
            if self.announcements is None:
                s.set("reannounced", None, ["announcements"])
            else:
                after = [a for a in self.announcements if a.date >= change.date]
                s.set("reannounced", bool(after), [f"{src}.date", "announcements"])
                s.display["reannounced_by"] = min(after, key=lambda a: a.date).decision if after else ""
            subjects.append(s)
        return subjects

    # -- internal audits and management reviews --------------------------------------------------

    def audit_subjects(self) -> list[Subject]:
        subjects = []
        for i, audit in enumerate(self.a.internal_audits or []):
            if audit.date > self.as_of:
                continue
            src = f"internal_audits[{i}]"
            s = Subject(
                "audit",
                audit.date.isoformat(),
                {
                    "vi": f"Đánh giá nội bộ ngày {audit.date:%d/%m/%Y}",
                    "en": f"Internal audit of {audit.date.isoformat()}",
                },
            )
            s.display.update(date=audit.date, report=audit.report or "")
            if audit.findings is None:
                for name in ("nonconformity_count", "unresolved_overdue", "open_not_due"):
                    s.set(name, None, [f"{src}.findings"])
                subjects.append(s)
                continue
            ncs = audit.findings.major + audit.findings.minor
            s.set("nonconformity_count", ncs, [f"{src}.findings"])
            s.display.update(
                major=audit.findings.major, minor=audit.findings.minor, observation=audit.findings.observation
            )
            actions = audit.corrective_actions
            if actions is None and ncs > 0:
                s.set("unresolved_overdue", None, [f"{src}.corrective_actions"])
                s.set("open_not_due", None, [f"{src}.corrective_actions"])
            else:
                actions = actions or []
                open_actions = [c for c in actions if c.closed_on is None or c.closed_on > self.as_of]
                overdue = [c for c in open_actions if c.due_on is None or c.due_on < self.as_of]
                not_due = [c for c in open_actions if c.due_on is not None and c.due_on >= self.as_of]
                without_action = max(ncs - len(actions), 0)
                s.set("unresolved_overdue", len(overdue) + without_action, [f"{src}.corrective_actions"])
                s.set("open_not_due", len(not_due), [f"{src}.corrective_actions"])
                due_dates = [c.due_on for c in not_due if c.due_on]
                s.due_date = min(due_dates) if due_dates else None
                s.display["next_due"] = s.due_date
                s.display.update(
                    without_action=without_action,
                    overdue=len(overdue),
                    not_due=len(not_due),
                    overdue_findings="; ".join(c.finding for c in overdue),
                )
            subjects.append(s)
        return subjects

    def review_subjects(self) -> list[Subject]:
        subjects = []
        for i, review in enumerate(self.a.management_reviews or []):
            if review.date > self.as_of:
                continue
            s = Subject(
                "review",
                review.date.isoformat(),
                {
                    "vi": f"Xem xét của lãnh đạo ngày {review.date:%d/%m/%Y}",
                    "en": f"Management review of {review.date.isoformat()}",
                },
            )
            s.display.update(date=review.date, minutes=review.minutes or "")
            s.set(
                "has_minutes",
                None if not is_known(review, "minutes") else review.minutes is not None,
                [f"management_reviews[{i}].minutes"],
            )
            subjects.append(s)
        return subjects

    # -- consultants ------------------------------------------------------------------------------

    def consultant_subjects(self) -> list[Subject]:
        subjects = []
        for c in self.consultants or []:
            src = f"consultants[{self.a.consultants.index(c)}]"
            s = Subject(
                "consultant",
                f"{c.consultant} ({c.contract_date.isoformat()})",
                {"vi": f"Tư vấn {c.consultant}", "en": f"Consultant {c.consultant}"},
            )
            s.display.update(
                consultant=c.consultant,
                contract_date=c.contract_date,
                certificate=c.certificate or "",
                certificate_valid_until=c.certificate_valid_until,
            )
            if not is_known(c, "certificate"):
                s.set("certified", None, [f"{src}.certificate"])
            else:
                valid = c.certificate is not None and (
                    c.certificate_valid_until is None or c.certificate_valid_until >= c.contract_date
                )
                s.set("certified", valid, [f"{src}.certificate", f"{src}.certificate_valid_until"])
            s.set("experts_have_cards", c.experts_have_cards, [f"{src}.experts_have_cards"])
            subjects.append(s)
        return subjects

    # -- 2008 mandatory procedures ---------------------------------------------------------------

    def mandatory_procedure_subjects(self) -> list[Subject]:
        present, listed = self._qms_item("mandatory_procedures")
        by_kind = {p.kind: (i, p) for i, p in enumerate(listed or [])}
        subjects = []
        for kind in MANDATORY_PROCEDURES_2008:
            s = Subject("mandatory_procedure", kind, {"vi": _PROCEDURE_NAMES[kind][0], "en": _PROCEDURE_NAMES[kind][1]})
            s.display.update(procedure_vi=_PROCEDURE_NAMES[kind][0], procedure_en=_PROCEDURE_NAMES[kind][1])
            if present is None:
                s.set("built", None, ["qms.mandatory_procedures"])
                s.set("operated", None, ["qms.mandatory_procedures"])
            elif kind not in by_kind:
                s.set("built", False, ["qms.mandatory_procedures"])
                s.set("operated", "no", ["qms.mandatory_procedures"])
            else:
                i, p = by_kind[kind]
                s.set("built", p.built, [f"qms.mandatory_procedures[{i}].built"])
                s.set("operated", p.operated, [f"qms.mandatory_procedures[{i}].operated"])
                s.display["code"] = p.code or ""
            subjects.append(s)
        return subjects


_PROCEDURE_NAMES = {
    "document_control": ("Thủ tục kiểm soát tài liệu (§4.2.3)", "Control of documents (§4.2.3)"),
    "record_control": ("Thủ tục kiểm soát hồ sơ (§4.2.4)", "Control of records (§4.2.4)"),
    "internal_audit": ("Thủ tục đánh giá nội bộ (§8.2.2)", "Internal audit (§8.2.2)"),
    "nonconforming_output": (
        "Thủ tục kiểm soát sản phẩm không phù hợp (§8.3)",
        "Control of nonconforming product (§8.3)",
    ),
    "corrective_action": ("Thủ tục hành động khắc phục (§8.5.2)", "Corrective action (§8.5.2)"),
    "preventive_action": ("Thủ tục hành động phòng ngừa (§8.5.3)", "Preventive action (§8.5.3)"),
}


_vi = functools.partial(format_value, lang="vi")  # dates as Vietnamese readers write them


def _days_vi(days: int) -> str:
    return f"trễ {days} ngày" if days > 0 else ("đúng hạn" if days == 0 else f"còn {-days} ngày")


def _days_en(days: int) -> str:
    return f"{days} days late" if days > 0 else ("on the deadline" if days == 0 else f"{-days} days to go")


def _unique_ids(subjects: list[Subject]) -> list[Subject]:
    """Make subject ids unique per kind: decision numbers restart every year, so two announcements
    (or legal documents) may share one. Repeats are told apart by their date, else by position."""
    seen: dict[tuple[str, str], int] = {}
    for subject in subjects:
        seen[(subject.kind, subject.id)] = seen.get((subject.kind, subject.id), 0) + 1
    counters: dict[tuple[str, str], int] = {}
    for subject in subjects:
        key = (subject.kind, subject.id)
        if seen[key] == 1:
            continue
        counters[key] = counters.get(key, 0) + 1
        day = subject.display.get("date") or subject.display.get("effective_date")
        subject.id = f"{subject.id} ({day.isoformat()})" if day else f"{subject.id} (#{counters[key]})"
    taken: set[tuple[str, str]] = set()
    for subject in subjects:  # same number and same date: fall back to position
        key = (subject.kind, subject.id)
        n = 1
        while key in taken:
            n += 1
            key = (subject.kind, f"{subject.id} #{n}")
        subject.id = key[1]
        taken.add(key)
    return subjects


def _until(items: list | None, attribute: str, as_of: dt.date) -> list | None:
    """The items dated on or before ``as_of`` (None stays None: unknown)."""
    if items is None:
        return None
    return [item for item in items if getattr(item, attribute) <= as_of]


def _latest(announcements: list[Announcement]) -> Announcement | None:
    """The announcement in force: the latest date; on the same date, the one listed last."""
    if not announcements:
        return None
    return max(enumerate(announcements), key=lambda pair: (pair[1].date, pair[0]))[1]


def _document_text(value: Any) -> str:
    """A short reference for a decision-like fact: 'number (date)' or ''."""
    if value is None:
        return ""
    number = (
        getattr(value, "number", None) or getattr(value, "name", None) or getattr(value, "appointed_by", None) or ""
    )
    day = getattr(value, "issued_on", None) or getattr(value, "appointed_on", None)
    if day:
        return f"{number} ({day:%d/%m/%Y})".strip()
    return str(number)
