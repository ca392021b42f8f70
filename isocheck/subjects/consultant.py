"""Subject kind ``consultant``: one contract with a consulting organisation, which must be certified
and whose experts must hold cards (TT 26/2014/TT-BKHCN)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from isocheck.facts.model import ConsultantContract, is_known
from isocheck.subjects.context import Derivation, SubjectFacts
from isocheck.subjects.registry import Derived, SubjectKind, derived_field

KIND = SubjectKind(
    "consultant",
    title=("mỗi hợp đồng tư vấn", "each consultant contract"),
    display={
        "consultant": "the consulting organisation",
        "contract_date": "the date the contract was signed",
        "certificate": "the number of its certificate of eligibility ('' if none)",
        "certificate_valid_until": "the date the certificate expires (None: no end date)",
    },
    fact_list="consultants",
    none_on_record=("Cơ quan không thuê tư vấn.", "The agency hired no consultant."),
)


class ConsultantFacts(SubjectFacts):
    def __init__(self, d: Derivation, index: int, contract: ConsultantContract):
        self.contract = contract
        self.src = f"consultants[{index}]"
        name = contract.consultant
        super().__init__(
            d, f"{name} ({contract.contract_date.isoformat()})", {"vi": f"Tư vấn {name}", "en": f"Consultant {name}"}
        )

    def display(self) -> dict[str, Any]:
        c = self.contract
        return {
            "consultant": c.consultant,
            "contract_date": c.contract_date,
            "certificate": c.certificate or "",
            "certificate_valid_until": c.certificate_valid_until,
        }


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
    vi="tư vấn có Giấy xác nhận còn hiệu lực ngày ký hợp đồng",
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
    vi="chuyên gia tư vấn đều có thẻ",
    en="every consulting expert holds a valid expert card",
)
def experts_have_cards(c: ConsultantFacts) -> Derived:
    return Derived(c.contract.experts_have_cards, [f"{c.src}.experts_have_cards"])
