"""Subject kind ``mandatory_procedure``: one of the six documented procedures TCVN ISO 9001:2008 requires
(judged only on a 2008 system) — issued, and operated."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from isocheck.facts.model import MANDATORY_PROCEDURES_2008, MandatoryProcedure
from isocheck.subjects.context import Derivation, SubjectFacts
from isocheck.subjects.registry import Derived, SubjectKind, derived_field

KIND = SubjectKind(
    "mandatory_procedure",
    title=("mỗi thủ tục bắt buộc (2008)", "each mandatory procedure (2008)"),
    display={
        "procedure_vi": "the procedure's name in Vietnamese",
        "procedure_en": "its name in English",
        "code": "its document code ('' if not given; absent when it is not listed)",
    },
    none_on_record=("Không có thủ tục bắt buộc nào để đánh giá.", "No mandatory procedure to evaluate."),
)

NAMES = {  # kind -> (Vietnamese, English) with the clause of TCVN ISO 9001:2008
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
_LIST = "qms.mandatory_procedures"


class MandatoryProcedureFacts(SubjectFacts):
    """Procedure ``kind``: ``listed`` is None when the list is unknown, ``entry`` its (index, entry) if listed."""

    def __init__(self, d: Derivation, kind: str, listed: bool | None, entry: tuple[int, MandatoryProcedure] | None):
        self.listed = listed
        self.entry = entry
        vi, en = NAMES[kind]
        super().__init__(d, kind, {"vi": vi, "en": en})

    def display(self) -> dict[str, Any]:
        shown: dict[str, Any] = {"procedure_vi": self.label["vi"], "procedure_en": self.label["en"]}
        if self.entry is not None:
            shown["code"] = self.entry[1].code or ""
        return shown

    def value(self, name: str, missing: Any) -> Derived:
        """Field ``name`` of the entry; ``missing`` when the procedure is not in a known list."""
        if self.listed is None:
            return Derived(None, [_LIST])
        if self.entry is None:
            return Derived(missing, [_LIST])
        i, procedure = self.entry
        return Derived(getattr(procedure, name), [f"{_LIST}[{i}].{name}"])


@KIND.subjects
def _each_procedure(d: Derivation) -> Iterator[MandatoryProcedureFacts]:
    if d.agency.agency.standard != 2008:
        return
    present, listed = d.qms_item("mandatory_procedures")
    by_kind = {p.kind: (i, p) for i, p in enumerate(listed or [])}
    for kind in MANDATORY_PROCEDURES_2008:
        yield MandatoryProcedureFacts(d, kind, present, by_kind.get(kind))


@derived_field(
    "mandatory_procedure",
    "built",
    "bool",
    sources=[_LIST, f"{_LIST}[].built"],
    vi="thủ tục đã ban hành",
    en="the documented procedure has been issued",
)
def built(p: MandatoryProcedureFacts) -> Derived:
    return p.value("built", False)


@derived_field(
    "mandatory_procedure",
    "operated",
    "str",
    sources=[_LIST, f"{_LIST}[].operated"],
    vi="thủ tục có được áp dụng không: có, không, hay chưa phát sinh việc cần áp dụng",
    en="yes | no | not_triggered",
)
def operated(p: MandatoryProcedureFacts) -> Derived:
    return p.value("operated", "no")
