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
from isocheck.text.ui import words

KIND = SubjectKind(
    "mandatory_procedure",
    display={
        "procedure_vi": "the procedure's name in Vietnamese, with its clause in the agency's edition",
        "procedure_en": "its name in English",
        "code": "its document code ('' if not given; absent when it is not listed)",
        "judgement_note": "the inspector's note on it ('' if none)",
    },
)

# kind -> its name in both languages, with its clause: words:subjects.procedure_2008.<kind> in the gettext catalog,
# and on a QMS on TCVN ISO 9001:2015 the same processes, kept as documented information, procedure_2015.<kind>
# (document control: judged as a whole, criterion document_control.as_written)
_WORDS = words("words:subjects.")
_LIST = "qms.mandatory_procedures"
_CRITERION = "mandatory_procedure.as_written"


class MandatoryProcedureFacts(SubjectFacts):
    """Procedure ``kind``: ``listed`` is None when the list is unknown, ``entry`` its (index, entry) if listed."""

    def __init__(self, d: Derivation, kind: str, listed: bool | None, entry: tuple[int, MandatoryProcedure] | None):
        self.listed = listed
        self.entry = entry
        edition = 2008 if d.agency.agency.standard == 2008 else 2015
        super().__init__(d, kind, _WORDS[f"procedure_{edition}.{kind}"]._asdict())

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
