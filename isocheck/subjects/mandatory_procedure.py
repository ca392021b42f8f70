"""Subject kind ``mandatory_procedure``: one of the six documented procedures TCVN ISO 9001:2008 requires — issued,
and operated — and, on a QMS on TCVN ISO 9001:2015, the five processes an agency keeps as documented information in
their place (control of records, internal audit, nonconforming outputs, corrective action, risks and opportunities;
control of documents is judged as a whole there: subject kind ``judged``). Each has the inspector's judgement of it
being built and operated as written."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from isocheck.facts.criteria import criterion
from isocheck.facts.model import MANDATORY_PROCEDURES_2008, MandatoryProcedure
from isocheck.subjects import judgements as j
from isocheck.subjects.context import Derivation, SubjectFacts
from isocheck.subjects.registry import Derived, SubjectKind, derived_field

KIND = SubjectKind(
    "mandatory_procedure",
    title=(
        "mỗi thủ tục bắt buộc (2008), quá trình tương ứng (2015)",
        "each mandatory procedure (2008) or process (2015)",
    ),
    display={
        "procedure_vi": "the procedure's name in Vietnamese, with its clause in the agency's edition",
        "procedure_en": "its name in English",
        "code": "its document code ('' if not given; absent when it is not listed)",
        "judgement_note": "the inspector's note on it ('' if none)",
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
# on a QMS on TCVN ISO 9001:2015 the same processes, kept as documented information (document control: judged
# as a whole, criterion document_control.as_written)
NAMES_2015 = {
    "record_control": (
        "Kiểm soát hồ sơ — thông tin dạng văn bản được lưu giữ (§7.5.3)",
        "Control of records — retained documented information (§7.5.3)",
    ),
    "internal_audit": ("Đánh giá nội bộ (§9.2)", "Internal audit (§9.2)"),
    "nonconforming_output": ("Kiểm soát đầu ra không phù hợp (§8.7)", "Control of nonconforming outputs (§8.7)"),
    "corrective_action": (
        "Sự không phù hợp và hành động khắc phục (§10.2)",
        "Nonconformity and corrective action (§10.2)",
    ),
    "preventive_action": (
        "Hành động giải quyết rủi ro và cơ hội, thay cho hành động phòng ngừa (§6.1)",
        "Actions to address risks and opportunities, in place of preventive action (§6.1)",
    ),
}
_LIST = "qms.mandatory_procedures"
_CRITERION = "mandatory_procedure.as_written"


class MandatoryProcedureFacts(SubjectFacts):
    """Procedure ``kind``: ``listed`` is None when the list is unknown, ``entry`` its (index, entry) if listed."""

    def __init__(self, d: Derivation, kind: str, listed: bool | None, entry: tuple[int, MandatoryProcedure] | None):
        self.listed = listed
        self.entry = entry
        vi, en = (NAMES if d.agency.agency.standard == 2008 else NAMES_2015)[kind]
        super().__init__(d, kind, {"vi": vi, "en": en})

    def display(self) -> dict[str, Any]:
        shown: dict[str, Any] = {"procedure_vi": self.label["vi"], "procedure_en": self.label["en"]}
        if self.entry is not None:
            shown["code"] = self.entry[1].code or ""
        shown["judgement_note"] = j.note_of(j.find(self.d, _CRITERION, self.id))
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
    standard = d.agency.agency.standard
    present, listed = d.qms_item("mandatory_procedures")
    by_kind = {p.kind: (i, p) for i, p in enumerate(listed or [])}
    judged_elsewhere = criterion(_CRITERION).items_not_for.get(standard, ())
    for kind in MANDATORY_PROCEDURES_2008:
        if kind not in judged_elsewhere:
            yield MandatoryProcedureFacts(d, kind, present, by_kind.get(kind))


@derived_field(
    "mandatory_procedure",
    "built",
    "bool",
    sources=[_LIST, f"{_LIST}[].built"],
    en="the documented procedure has been issued",
)
def built(p: MandatoryProcedureFacts) -> Derived:
    return p.value("built", False)


@derived_field(
    "mandatory_procedure",
    "operated",
    "str",
    sources=[_LIST, f"{_LIST}[].operated"],
    en="yes | no | not_triggered",
)
def operated(p: MandatoryProcedureFacts) -> Derived:
    return p.value("operated", "no")


@derived_field(
    "mandatory_procedure",
    "judgement",
    "str",
    sources=["judgements", "judgements[].judgement"],
    en="judgement: the procedure is built and operated as written (mandatory_procedure.as_written)",
)
def judgement(p: MandatoryProcedureFacts) -> Derived:
    return j.judged(p.d, _CRITERION, p.id)
