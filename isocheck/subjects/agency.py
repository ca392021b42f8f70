"""Subject kind ``agency``: the agency as a whole — its level, standard, QMS decisions, announcements,
the 2015 transition, contracts with certification bodies and the training of its internal auditors."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

from isocheck.base.calendar import days_between
from isocheck.facts.missing import NOT_IN_FORCE, because
from isocheck.facts.model import CertificationBodyContract
from isocheck.subjects.context import Derivation, SubjectFacts, days_words, document_text, in_words, latest
from isocheck.subjects.registry import Derived, SubjectKind, derived_field

# the QMS decisions and appointments: (qms.<name>, the field saying it exists, its meaning in English — the
# Vietnamese is the catalog's field:agency.<field>); each is also shown in messages as {<name>}
_QMS_ITEMS = (
    ("quality_policy", "has_quality_policy", "a quality policy has been issued"),
    ("steering_committee", "has_steering_committee", "an ISO steering committee has been set up"),
    ("iso_secretary", "has_iso_secretary", "an ISO secretary has been appointed"),
    ("quality_manual", "has_quality_manual", "a quality manual exists (2008 systems)"),
    (
        "management_representative",
        "has_management_representative",
        "a management representative is appointed (2008 systems)",
    ),
)

KIND = SubjectKind(
    "agency",
    display={
        "name": "the agency's official name",
        "level": "its administrative level",
        "standard": "the TCVN ISO 9001 version of its QMS",
        **{name: f"qms.{name} as 'number ngày dd/mm/yyyy' ('number of yyyy-mm-dd'), or ''" for name, *_ in _QMS_ITEMS},
        "announced_standard": "the standard of the announcement in force (None: not announced)",
        "transition_deadline": "the 2015 transition deadline in force on the as-of date (when one is)",
        "transition_last_day": "the day before it: the conversion is due before the deadline (CV 419 'trước ngày')",
        "auditor_training_on": "the day the latest internal-auditor training ended by the as-of date (None: none)",
    },
    items={
        "certification_bodies": ("id", "label", "body", "contract_date", "purpose", "source"),
    },
)


class AgencyFacts(SubjectFacts):
    def __init__(self, d: Derivation):
        self.identity = d.agency.agency
        super().__init__(d, "agency", {"vi": self.identity.name, "en": self.identity.name})
        self.latest_announcement = latest(d.announcements or [])
        # the 2015 transition deadline in force on the as-of date, and where it comes from
        self.transition = d.params.date("standard_2015_transition_deadline", d.as_of)
        entry = d.params.entry("standard_2015_transition_deadline", d.as_of)
        # Công văn 419/BKHCN-TĐC
        self.transition_basis = entry.citation.instrument if entry is not None and entry.citation else ""
        # contracts with certification bodies signed since hiring them was forbidden, with their index
        forbidden_from = d.params.date("certification_bodies_forbidden_from", d.as_of)
        listed = d.agency.certification_bodies or []
        self.contracts: list[tuple[int, CertificationBodyContract]] = [
            (listed.index(c), c)
            for c in d.certification_bodies or []
            if forbidden_from is not None and c.contract_date >= forbidden_from
        ]

    def display(self) -> dict[str, Any]:
        shown: dict[str, Any] = {
            "name": self.identity.name,
            "level": self.identity.level,
            "standard": self.identity.standard,
        }
        for name, *_ in _QMS_ITEMS:
            shown[name] = document_text(self.d.qms_item(name)[1])
        latest_one = self.latest_announcement
        shown["announced_standard"] = latest_one.standard if latest_one else None
        if self.transition is not None:
            shown["transition_deadline"] = self.transition
            shown["transition_last_day"] = self.transition - dt.timedelta(days=1)  # "trước ngày": the day before
        trained = [t.completed_on for t in self.d.agency.auditor_training or [] if t.completed_on <= self.d.as_of]
        shown["auditor_training_on"] = max(trained) if trained else None
        return shown

    def items(self) -> dict[str, list[dict[str, Any]]]:
        if not self.d.known("certification_bodies"):
            return {}
        return {
            "certification_bodies": [
                {
                    "body": c.body,
                    "label": c.body,
                    "contract_date": c.contract_date,
                    "purpose": c.purpose or "—",
                    "id": f"{c.body} ({c.contract_date.isoformat()})",
                    "source": f"certification_bodies[{i}]",
                }
                for i, c in self.contracts
            ]
        }

    def due_date(self) -> dt.date | None:
        return self.transition


@KIND.subjects
def _the_agency(d: Derivation) -> Iterator[AgencyFacts]:
    yield AgencyFacts(d)


@derived_field(
    "agency",
    "level",
    "str",
    sources=["agency.level"],
    en="department | sub_department | district | commune",
)
def level(a: AgencyFacts) -> Derived:
    return Derived(a.identity.level, ["agency.level"])


@derived_field(
    "agency",
    "standard",
    "int",
    sources=["agency.standard"],
    en="TCVN ISO 9001 version of the QMS (2008 or 2015)",
)
def standard(a: AgencyFacts) -> Derived:
    return Derived(a.identity.standard, ["agency.standard"])


def _present(qms_name: str) -> Callable[[AgencyFacts], Derived]:
    def compute(a: AgencyFacts) -> Derived:
        return Derived(a.d.qms_item(qms_name)[0], [f"qms.{qms_name}"])

    return compute


for _qms_name, _field, _en in _QMS_ITEMS:
    derived_field("agency", _field, "bool", sources=[f"qms.{_qms_name}"], en=_en)(_present(_qms_name))


@derived_field(
    "agency",
    "announcement_count",
    "int",
    sources=["announcements"],
    en="number of announcement decisions on record",
)
def announcement_count(a: AgencyFacts) -> Derived:
    announcements = a.d.announcements
    unknown = announcements is None and not a.d.known("announcements")
    return Derived(None if unknown else len(announcements or []), ["announcements"])


@derived_field(
    "agency",
    "on_2008",
    "bool",
    sources=["agency.standard", "announcements"],
    en="the QMS or the announcement in force still refers to TCVN ISO 9001:2008",
)
def on_2008(a: AgencyFacts) -> Derived:
    latest_one = a.latest_announcement
    value = a.identity.standard == 2008 or (latest_one is not None and latest_one.standard == 2008)
    return Derived(value, ["agency.standard", "announcements"])


@derived_field(
    "agency",
    "days_past_transition_deadline",
    "int",
    sources=["agency.standard"],
    en="days from the 2015 transition deadline to the as-of date",
)
def days_past_transition_deadline(a: AgencyFacts) -> Derived:
    if a.transition is None:
        return Derived(None, ["agency.standard"], [because("standard_2015_transition_deadline", NOT_IN_FORCE)])
    deadline, as_of, basis = a.transition, a.d.as_of, a.transition_basis
    days = days_between(deadline, as_of)

    def note() -> tuple[str, str]:  # due *before* the deadline: one day later counts from the day before
        last_day = deadline - dt.timedelta(days=1)
        return in_words(
            "note.transition", deadline=deadline, basis=basis, last_day=last_day, as_of=as_of, days=days_words(days + 1)
        )

    return Derived(days, ["agency.standard"], note=note)


@derived_field(
    "agency",
    "certification_body_contracts",
    "int",
    sources=["certification_bodies"],
    en="contracts with certification bodies since QĐ19 took effect",
)
def certification_body_contracts(a: AgencyFacts) -> Derived:
    if not a.d.known("certification_bodies"):
        return Derived(None, ["certification_bodies"])
    return Derived(len(a.contracts), ["certification_bodies"])


@derived_field(
    "agency",
    "internal_auditors_trained",
    "bool",
    sources=["auditor_training"],
    en="staff of the agency have been trained as internal auditors (by the as-of date)",
)
def internal_auditors_trained(a: AgencyFacts) -> Derived:
    if not a.d.known("auditor_training"):
        return Derived(None, ["auditor_training"])
    done = [t for t in a.d.agency.auditor_training or [] if t.completed_on <= a.d.as_of]
    return Derived(bool(done), ["auditor_training"])
