"""Subject kind ``consultant``: one contract with a consulting organisation, which must be certified
and whose experts must hold cards, and whose departures from the consulting plan the agency reports
(TT 26/2014/TT-BKHCN Điều 41 khoản 2, 5), and whose certificate and cards the agency keeps checking on the
standards body's website throughout the engagement (khoản 4)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from isocheck.facts.model import ConsultantContract, is_known
from isocheck.facts.records import ConsultantDeviation
from isocheck.law.lead_units import units
from isocheck.subjects.context import Derivation, SubjectFacts, labelled
from isocheck.subjects.registry import Derived, SubjectKind, derived_field
from isocheck.text.ui import LANGS

KIND = SubjectKind(
    "consultant",
    display={
        "consultant": "the consulting organisation",
        "contract_date": "the date the contract was signed",
        "certificate": "the number of its certificate of eligibility ('' if none)",
        "certificate_valid_until": "the date the certificate expires (None: no end date)",
        "unreported": "the departures from the plan not reported in writing to both units, joined with '; '",
        "engagement_until": "the last day of the engagement considered: its end, or the as-of date while it goes on",
        "last_check": "the date of the last check of the certificate and cards during the engagement (None: none)",
        "lead_unit_vi": "the agency's supervising unit on the as-of date (law/administration/lead-units.yaml)",
        "lead_unit_en": "the same in English",
        "directorate_vi": "the national standards body under its name on the as-of date",
        "directorate_en": "the same in English",
    },
    fact_list="consultants",
)


class ConsultantFacts(SubjectFacts):
    def __init__(self, d: Derivation, index: int, contract: ConsultantContract):
        self.contract = contract
        self.src = f"consultants[{index}]"
        name = contract.consultant
        super().__init__(d, f"{name} ({contract.contract_date.isoformat()})", labelled("consultant", name=name))

    def unreported(self) -> list[ConsultantDeviation] | None:
        """The departures recorded by the as-of date and not reported in writing by then to both the supervising
        unit and the national standards body (TT 26 Điều 41 khoản 5); None when the departures are unknown."""
        if self.contract.deviations is None:
            return None
        as_of = self.d.as_of
        noted = [x for x in self.contract.deviations if x.noted_on <= as_of]
        sent = [(x.reported_to_lead_unit_on, x.reported_to_directorate_on) for x in noted]
        return [x for x, (a, b) in zip(noted, sent, strict=True) if a is None or a > as_of or b is None or b > as_of]

    def engagement_until(self):
        """The engagement's last day up to the as-of date (its end, or the as-of date while it goes on)."""
        ended = self.contract.ended_on
        return ended if ended is not None and ended <= self.d.as_of else self.d.as_of

    def checks_during(self) -> list | None:
        """The checks of the certificate and cards made between the contract date and the end of the engagement
        (up to the as-of date); None when the checks are unknown (left out)."""
        listed = self.contract.validity_checks
        if listed is None:
            return None
        until = self.engagement_until()
        return sorted(x.checked_on for x in listed if self.contract.contract_date <= x.checked_on <= until)

    def display(self) -> dict[str, Any]:
        c = self.contract
        ident, as_of = self.d.agency.agency, self.d.as_of
        u = units()
        shown: dict[str, Any] = {
            "consultant": c.consultant,
            "contract_date": c.contract_date,
            "certificate": c.certificate or "",
            "certificate_valid_until": c.certificate_valid_until,
            **{f"lead_unit_{lang}": u.lead_unit(ident.level, ident.province, as_of, lang) for lang in LANGS},
            **{f"directorate_{lang}": u.directorate(as_of, lang) for lang in LANGS},
        }
        checks = self.checks_during()
        shown["engagement_until"] = self.engagement_until()
        shown["last_check"] = checks[-1] if checks else None
        missing = self.unreported()
        if missing is not None:
            shown["unreported"] = "; ".join(f"{x.description} ({x.noted_on:%d/%m/%Y})" for x in missing)
        return shown


@KIND.subjects
def _each_contract(d: Derivation) -> Iterator[ConsultantFacts]:
    listed = d.agency.consultants or []
    for contract in d.consultants or []:
        yield ConsultantFacts(d, listed.index(contract), contract)


@derived_field(
    "consultant",
    "certified",
    "bool",
    sources=["consultants[].certificate", "consultants[].certificate_valid_until"],
    en="the consultant held a valid certificate of eligibility on the contract date",
)
def certified(c: ConsultantFacts) -> Derived:
    contract, src = c.contract, c.src
    if not is_known(contract, "certificate"):
        return Derived(None, [f"{src}.certificate"])
    valid = contract.certificate is not None and (
        contract.certificate_valid_until is None or contract.certificate_valid_until >= contract.contract_date
    )
    return Derived(valid, [f"{src}.certificate", f"{src}.certificate_valid_until"])


@derived_field(
    "consultant",
    "experts_have_cards",
    "bool",
    sources=["consultants[].experts_have_cards"],
    en="every consulting expert holds a valid expert card",
)
def experts_have_cards(c: ConsultantFacts) -> Derived:
    return Derived(c.contract.experts_have_cards, [f"{c.src}.experts_have_cards"])


@derived_field(
    "consultant",
    "departures_unreported",
    "int",
    sources=["consultants[].deviations"],
    en="departures of the consultant from the plan the agency has not reported in writing to the supervising unit "
    "and to the national standards body",
)
def departures_unreported(c: ConsultantFacts) -> Derived:
    missing = c.unreported()
    return Derived(None if missing is None else len(missing), [f"{c.src}.deviations"])


@derived_field(
    "consultant",
    "departures",
    "int",
    sources=["consultants[].deviations"],
    en="departures of the consultant from the plan without good reason (by the as-of date)",
)
def departures(c: ConsultantFacts) -> Derived:
    listed = c.contract.deviations
    count = None if listed is None else sum(1 for x in listed if x.noted_on <= c.d.as_of)
    return Derived(count, [f"{c.src}.deviations"])


@derived_field(
    "consultant",
    "validity_checks_during",
    "int",
    sources=["consultants[].validity_checks"],
    en="checks of the consultant's certificate and expert cards on www.tcvn.gov.vn during the engagement (by the "
    "as-of date)",
)
def validity_checks_during(c: ConsultantFacts) -> Derived:
    checks = c.checks_during()
    return Derived(None if checks is None else len(checks), [f"{c.src}.validity_checks"])
