"""A province overlay: the province's own file beside the national pack, never a copy of it.

Modelled on Chef InSpec's ``include_controls … skip_control`` and XCCDF tailoring: the overlay names the
national pack it extends and, each with the provincial decision it rests on (number, date, issuer) and a
reason, it can skip a rule, change a rule's severity, set a parameter no national text sets
(:data:`isocheck.law.parameters.PROVINCIAL`: the yearly report deadline, the satisfaction-survey method) and
add criteria of its own (rules named ``<overlay id>.<name>``). This module reads and checks the file; the pack
stage (:mod:`isocheck.pack.tailoring`) applies it to the rules. A change takes effect from its decision's date
in force; before that the national pack applies unchanged.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from isocheck.base.errors import InputError
from isocheck.base.shipped import resolve, shipped_dir
from isocheck.facts.parse import load_document, path_text, position_of
from isocheck.facts.types import Bool, Ident, Int, Str
from isocheck.facts.validation import validation_error
from isocheck.law.citations import Decision, Text
from isocheck.law.parameters import PROVINCIAL, ParameterValue, kind_error
from isocheck.text.problems import Found, Problem

Severity = Literal["major", "minor", "observation"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Skip(_Strict):
    rule: Ident = Field(min_length=1, description="Id of the national rule the province does not apply.")
    decision: Ident = Field(min_length=1, description="Key of the decision under 'decisions'.")
    reason: Text


class SeverityChange(_Strict):
    rule: Ident = Field(min_length=1)
    to: Severity
    decision: Ident = Field(min_length=1)
    reason: Text


class ParameterSetting(_Strict):
    name: Ident = Field(min_length=1, description="A parameter no national text sets, e.g. yearly_report_due.")
    value: Text | Str | Int
    decision: Ident = Field(min_length=1)
    reason: Text


class AddedRule(_Strict):
    """A criterion of the province: the rule (the national rule schema, id ``<overlay>.<name>``) and its basis."""

    decision: Ident = Field(min_length=1)
    reason: Text
    rule: dict[str, Any] = Field(description="A rule, written exactly as a rules/<area>/<name>.yaml file.")


class Overlay(_Strict):
    # Str, not Ident: an Ident's own pattern would take the place of this one, which refuses invisible characters too
    overlay: Str = Field(pattern=r"^[a-z][a-z0-9-]*$", description="Id; the rules it adds are '<id>.<name>'.")
    version: Str = Field(pattern=r"^\d+\.\d+\.\d+$")
    province: Str = Field(min_length=1)
    title: Text
    extends: Str = Field(min_length=1, description="Name of the national pack (rules/pack.yaml 'name').")
    example: Bool = Field(False, description="True for a shipped example a province must adapt before use.")
    note: Text | None = None
    decisions: dict[str, Decision] = Field(min_length=1)
    skip: list[Skip] = []
    severity: list[SeverityChange] = []
    parameters: list[ParameterSetting] = []
    rules: list[AddedRule] = []


@dataclass(frozen=True)
class LoadedOverlay:
    """An overlay file read and checked, with what is needed to point at its lines later."""

    overlay: Overlay
    file: str
    lines: dict

    def error(self, key: str, params: dict[str, Any], loc: tuple) -> InputError:
        line, column = position_of(self.lines, loc, value=True)
        return InputError.of(self.file, key, params, field=path_text(loc), line=line, column=column)

    def parameter_values(self) -> dict[str, list[ParameterValue]]:
        """The dated parameter values the overlay sets, each in force from its decision's date."""
        values: dict[str, list[ParameterValue]] = {}
        for p in self.overlay.parameters:
            decision = self.overlay.decisions[p.decision]
            values.setdefault(p.name, []).append(ParameterValue(p.value, decision.in_force, decision=decision))
        return values


def shipped_overlays_dir() -> Path:
    return shipped_dir("_overlays", "overlays")


def load_overlay(path: str | Path) -> LoadedOverlay:
    """Read an overlay file (or a shipped one by name, e.g. ``ha-tinh.example``) and check everything that does
    not need the pack: its schema, that every change names a decision of the file, and every parameter's name
    and value. Raises :class:`InputError`."""
    path = resolve(path, shipped_overlays_dir())
    data, lines = load_document(path)
    file = str(path)
    if not isinstance(data, dict):
        what = Problem("what.overlay")
        line, column = position_of(lines, ())
        raise InputError.of(file, "doc.not_mapping", {"what": what, "found": Found(data)}, line=line, column=column)
    try:
        overlay = Overlay.model_validate(data)
    except ValidationError as exc:
        raise validation_error(exc, file, lines, Overlay) from None
    loaded = LoadedOverlay(overlay, file, lines)
    lists: dict[str, list[Any]] = {
        "skip": overlay.skip,
        "severity": overlay.severity,
        "parameters": overlay.parameters,
        "rules": overlay.rules,
    }
    for name, items in lists.items():
        for i, item in enumerate(items):
            _known_decision(loaded, item.decision, (name, i, "decision"))
    for i, setting in enumerate(overlay.parameters):
        _check_parameter(loaded, setting, i)
    return loaded


def _known_decision(loaded: LoadedOverlay, key: str, loc: tuple) -> None:
    if key not in loaded.overlay.decisions:
        close = difflib.get_close_matches(key, list(loaded.overlay.decisions), n=1)
        hint = Problem("field.did_you_mean", close=close[0]) if close else ""
        raise loaded.error("overlay.unknown_decision", {"key": key, "hint": hint}, loc)


def _check_parameter(loaded: LoadedOverlay, setting: ParameterSetting, i: int) -> None:
    if setting.name not in PROVINCIAL:
        close = difflib.get_close_matches(setting.name, list(PROVINCIAL), n=1)
        hint = Problem("field.did_you_mean", close=close[0]) if close else ""
        names = ", ".join(PROVINCIAL)
        raise loaded.error("overlay.unknown_parameter", {"name": setting.name, "hint": hint, "names": names},
                           ("parameters", i, "name"))  # fmt: skip
    problem = kind_error(setting.name, setting.value)
    if problem is not None:
        line, column = position_of(loaded.lines, ("parameters", i, "value"), value=True)
        raise InputError(loaded.file, problem, field=f"parameters[{i}].value", line=line, column=column)
