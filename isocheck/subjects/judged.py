"""Subject kind ``judged``: the agency as a whole as the inspectors judged it on site — the criteria of the catalogue
(:mod:`isocheck.facts.criteria`) judged once per agency, one derived field each (the judgement, a str: conforms,
partly, does_not_conform, not_yet_due, not_applicable; unknown while not judged).

Its one subject has the id ``agency`` and the agency's name, like the ``agency`` kind: a finding of it is about the
agency. Criteria judged item by item are fields of the item's own kind (``mandatory_procedure``, ``audit``,
``review``, ``procedures``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from isocheck.base.calendar import year_end
from isocheck.facts.criteria import criterion
from isocheck.subjects import judgements as j
from isocheck.subjects.context import Derivation, SubjectFacts
from isocheck.subjects.registry import Derived, SubjectKind, derived_field

# field -> criterion id
CRITERIA = {
    "framework_model": "quality_manual.framework_model",
    "document_control": "document_control.as_written",
    "explained_to_officials": "documents.explained_to_officials",
    "survey_method": "satisfaction_survey.method",
    "complaints": "complaints.handling",
    "improvement": "improvement.activities",
}

KIND = SubjectKind(
    "judged",
    title=("cơ quan, theo nhận định của đoàn kiểm tra", "the agency, as the inspectors judged it"),
    display={
        "framework_basis_vi": "the framework model the agency's edition is judged against, in Vietnamese",
        "framework_basis_en": "the same in English",
        "survey_method_vi": "how the province has the survey done (its overlay's decision), or the default words",
        "survey_method_en": "the same in English",
        "year": "the year under review",
        "year_end": "31 December of that year (when a judgement is not yet due)",
        **{f"{name}_note": f"the inspector's note on {cid} ('' if none)" for name, cid in CRITERIA.items()},
    },
)


class JudgedFacts(SubjectFacts):
    def __init__(self, d: Derivation):
        name = d.agency.agency.name
        super().__init__(d, "agency", {"vi": name, "en": name})

    def display(self) -> dict[str, Any]:
        d = self.d
        standard = d.agency.agency.standard
        framework = criterion(CRITERIA["framework_model"])
        shown: dict[str, Any] = {
            "framework_basis_vi": framework.basis_text(standard, "vi"),
            "framework_basis_en": framework.basis_text(standard, "en"),
            "year": d.year,
            "year_end": year_end(d.year),
            **d.params.survey_method(d.as_of),
        }
        for name, cid in CRITERIA.items():
            shown[f"{name}_note"] = j.note_of(j.find(d, cid))
        return shown

    def due_date(self):
        return year_end(self.d.year)


@KIND.subjects
def _the_agency(d: Derivation) -> Iterator[JudgedFacts]:
    yield JudgedFacts(d)


def _judged(facts: JudgedFacts, name: str) -> Derived:
    return j.judged(facts.d, CRITERIA[name])


@derived_field(
    "judged",
    "framework_model",
    "str",
    sources=["judgements", "judgements[].judgement"],
    en="judgement: the quality manual and documents follow the framework model (quality_manual.framework_model)",
)
def framework_model(facts: JudgedFacts) -> Derived:
    return _judged(facts, "framework_model")


@derived_field(
    "judged",
    "document_control",
    "str",
    sources=["judgements", "judgements[].judgement"],
    en="judgement: control of the documents and procedures (document_control.as_written)",
)
def document_control(facts: JudgedFacts) -> Derived:
    return _judged(facts, "document_control")


@derived_field(
    "judged",
    "explained_to_officials",
    "str",
    sources=["judgements", "judgements[].judgement"],
    en="judgement: the documents explained to every official in scope (documents.explained_to_officials)",
)
def explained_to_officials(facts: JudgedFacts) -> Derived:
    return _judged(facts, "explained_to_officials")


@derived_field(
    "judged",
    "survey_method",
    "str",
    sources=["judgements", "judgements[].judgement"],
    en="judgement: the satisfaction survey's method and form (satisfaction_survey.method)",
)
def survey_method(facts: JudgedFacts) -> Derived:
    return _judged(facts, "survey_method")


@derived_field(
    "judged",
    "complaints",
    "str",
    sources=["judgements", "judgements[].judgement"],
    en="judgement: complaints about the work the QMS covers handled (complaints.handling)",
)
def complaints(facts: JudgedFacts) -> Derived:
    return _judged(facts, "complaints")


@derived_field(
    "judged",
    "improvement",
    "str",
    sources=["judgements", "judgements[].judgement"],
    en="judgement: improvement in the QMS (improvement.activities)",
)
def improvement(facts: JudgedFacts) -> Derived:
    return _judged(facts, "improvement")
