"""The inspection particulars of the minutes (``isocheck minutes --inspection inspection.yaml``).

The fact file says what the agency has; this small file says who inspected it, under which decision,
where and when the minutes are signed, and who signed for the agency. Every field is optional: what
is left out is printed as a dotted blank to fill in by hand, never guessed. Validated strictly like
every input file (unknown fields, wrong types, impossible dates: one bilingual message with line and
column, exit code 2)::

    inspecting_body: Chi cục Tiêu chuẩn Đo lường Chất lượng tỉnh Hà Tĩnh   # đơn vị kiểm tra
    number: 15/BB-ĐKT                                  # số biên bản
    decision: {number: 45/QĐ-TĐC, issued_on: 2021-11-01}   # quyết định thành lập đoàn (issued_by: default
                                                            # the inspecting body)
    plan: {number: 10/KH-SKHCN, issued_on: 2021-01-15, issued_by: Sở Khoa học và Công nghệ tỉnh Hà Tĩnh}
    place: Hà Tĩnh                                     # địa danh of the date line
    venue: Trụ sở UBND xã Thạch Hạ                     # where the inspection took place
    signed_on: 2021-11-16                              # the 2-month corrective-action period starts here
    team:
      - {name: Nguyễn Văn An, position: Phó Chi cục trưởng, role: head}
      - {name: Lê Thị Hoa, position: Chuyên viên, role: member}
    agency_representatives:
      - {name: Phan Văn Bình, position: Chủ tịch UBND xã}
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from isocheck.base.errors import InputError
from isocheck.facts.model_files import load_model
from isocheck.text.problems import Problem

_WHAT = Problem("what.inspection")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Person(_Strict):
    name: str = Field(min_length=1, description="Full name, e.g. 'Nguyễn Văn An'.")
    position: str = Field(min_length=1, description="Position, e.g. 'Phó Chi cục trưởng'.")


class Member(Person):
    role: Literal["head", "member", "secretary"] = Field("member", description="head | member | secretary")


class Document(_Strict):
    """A numbered decision or plan."""

    number: str = Field(min_length=1, description="e.g. '45/QĐ-TĐC'.")
    issued_on: dt.date
    issued_by: str | None = Field(None, min_length=1, description="Default: the inspecting body.")


class Inspection(_Strict):
    inspecting_body: str | None = Field(None, min_length=1, description="Đơn vị kiểm tra.")
    number: str | None = Field(None, min_length=1, description="Number of the minutes, e.g. '15/BB-ĐKT'.")
    decision: Document | None = Field(None, description="The decision establishing the inspection team.")
    plan: Document | None = Field(None, description="The approved inspection plan (TT26 Điều 34).")
    place: str | None = Field(None, min_length=1, description="Place name of the date line, e.g. 'Hà Tĩnh'.")
    venue: str | None = Field(None, min_length=1, description="Where the inspection took place.")
    signed_on: dt.date | None = Field(None, description="Date the minutes are signed.")
    team: list[Member] = Field(default_factory=list)
    agency_representatives: list[Person] = Field(default_factory=list)

    @field_validator("signed_on")
    @classmethod
    def _after_decision(cls, value: dt.date | None, info: ValidationInfo) -> dt.date | None:
        decision = info.data.get("decision")
        if value is not None and decision is not None and value < decision.issued_on:
            raise ValueError(Problem("minutes.signed_before_decision", signed_on=value, decision=decision.issued_on))
        return value

    @field_validator("team")
    @classmethod
    def _one_head(cls, value: list[Member]) -> list[Member]:
        heads = sum(1 for m in value if m.role == "head")
        if value and heads != 1:
            raise ValueError(Problem("minutes.one_head", heads=heads))
        return value

    @property
    def head(self) -> Member | None:
        return next((m for m in self.team if m.role == "head"), None)


def load_inspection(path: str | Path, as_of: dt.date) -> Inspection:
    """Load and validate an inspection file; the minutes cannot be signed before the as-of date of the facts."""
    inspection = load_model(path, Inspection, _WHAT)  # type: ignore[arg-type]
    if inspection.signed_on is not None and inspection.signed_on < as_of:
        raise InputError(
            str(path),
            Problem("minutes.signed_before_as_of", signed_on=inspection.signed_on, as_of=as_of),
            field="signed_on",
        )
    return inspection
