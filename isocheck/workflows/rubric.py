"""Self-scoring against a provincial rubric kept as data (``rubrics/*.yaml``).

A rubric lists criteria, each with its maximum points and the rules that feed it. Every finding of
those rules that is a nonconformity (by severity) or not evaluable costs the points the rubric sets;
a criterion never goes below zero. Pending, passing, not-applicable and waived findings cost nothing.
The score says, per criterion, which findings lost which points.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from isocheck.base.shipped import resolve as resolve_shipped
from isocheck.base.shipped import shipped_dir
from isocheck.engine.findings import Finding
from isocheck.facts.model_files import load_model, unknown_rule
from isocheck.facts.types import Bool, Float, Ident, Str
from isocheck.pack.rules import Text
from isocheck.text.problems import Problem

POINT = 0.01  # scores are kept to two decimals, as provinces write them (0,25 / 0,5)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Deductions(_Strict):
    """Points lost per finding of each kind."""

    major: Float = Field(0.5, ge=0)
    minor: Float = Field(0.25, ge=0)
    observation: Float = Field(0.0, ge=0)
    not_evaluable: Float = Field(0.25, ge=0, description="Facts missing: the points cannot be claimed.")

    def cost(self, f: Finding) -> float:
        if f.outcome == "fail":
            return getattr(self, f.severity)
        if f.outcome in ("not_evaluable", "error"):
            return self.not_evaluable
        return 0.0


class Criterion(_Strict):
    id: Ident = Field(min_length=1)
    title: Text
    max: Float = Field(gt=0)
    rules: list[Ident] = Field(min_length=1)
    deductions: Deductions | None = None


class Rubric(_Strict):
    id: Ident = Field(min_length=1)
    title: Text
    note: Text = Field(description="Where the rubric comes from and how a province adapts it.")
    source: Str = Field(min_length=1)
    example: Bool = Field(False, description="True for a shipped example a province must adapt.")
    max: Float = Field(gt=0)
    deductions: Deductions = Deductions()
    criteria: list[Criterion] = Field(min_length=1)

    @model_validator(mode="after")
    def _totals(self) -> Rubric:
        total = round(sum(c.max for c in self.criteria), 2)
        if total != round(self.max, 2):
            raise ValueError(Problem("rubric.maxima", total=f"{total:g}", max=f"{self.max:g}"))
        ids = [c.id for c in self.criteria]
        if len(set(ids)) != len(ids):
            raise ValueError(Problem("rubric.duplicate_ids"))
        return self


def bundled_rubrics_dir() -> Path:
    """The shipped example rubrics: ``isocheck/_rubrics`` in an installed wheel, else ``<repo>/rubrics``."""
    return shipped_dir("_rubrics", "rubrics")


def resolve(path: str | Path) -> Path:
    """A rubric file path, or the name of a shipped rubric (``ha-tinh-7.2.example``)."""
    return resolve_shipped(path, bundled_rubrics_dir())


def load_rubric(path: str | Path, known_rules: set[str] | None = None) -> Rubric:
    path = resolve(path)
    rubric = load_model(path, Rubric, "rubric")
    if known_rules is not None:
        for i, c in enumerate(rubric.criteria):
            for j, rule_id in enumerate(c.rules):
                if rule_id not in known_rules:
                    raise unknown_rule(str(path), rule_id, known_rules, f"criteria[{i}].rules[{j}]")
    return rubric


@dataclass
class Loss:
    finding: Finding
    points: float


@dataclass
class CriterionScore:
    criterion: Criterion
    points: float
    losses: list[Loss]


@dataclass
class Score:
    rubric: Rubric
    criteria: list[CriterionScore]

    @property
    def total(self) -> float:
        return round(sum(c.points for c in self.criteria), 2)

    def to_dict(self, lang: str) -> dict:
        return {
            "rubric": self.rubric.id,
            "title": self.rubric.title.get(lang),
            "example": self.rubric.example,
            "total": self.total,
            "max": self.rubric.max,
            "criteria": [
                {
                    "id": c.criterion.id,
                    "title": c.criterion.title.get(lang),
                    "points": c.points,
                    "max": c.criterion.max,
                    "lost_because": [
                        {
                            "finding": loss.finding.id,
                            "rule_id": loss.finding.rule_id,
                            "subject": loss.finding.subject_id,
                            "outcome": loss.finding.outcome,
                            "severity": loss.finding.severity,
                            "points": loss.points,
                            "message": loss.finding.message(lang),
                        }
                        for loss in c.losses
                    ],
                }
                for c in self.criteria
            ],
        }


def score(rubric: Rubric, findings: list[Finding]) -> Score:
    results = []
    for criterion in rubric.criteria:
        deductions = criterion.deductions or rubric.deductions
        left, losses = criterion.max, []
        for f in findings:
            if f.rule_id not in criterion.rules:
                continue
            cost = min(deductions.cost(f), left)
            if cost > 0:
                losses.append(Loss(f, round(cost, 2)))
                left = round(left - cost, 2)
        results.append(CriterionScore(criterion, round(left, 2), losses))
    return Score(rubric, results)
