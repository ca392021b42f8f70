"""The rule pack: loading every rule file, and the checks a rule file must pass beyond its schema.

One rule per file, ``rules/<area>/<requirement>.yaml`` (schema: :mod:`isocheck.pack.schema`); the id must be
``<area>.<requirement>``. ``rules/pack.yaml`` carries the pack version; ``rules/parameters.yaml`` the dated
legal parameters. The schema's names are importable from here too (the pack's public module).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from isocheck.base.errors import InputError
from isocheck.facts.catalogue import Catalogue
from isocheck.facts.model import validation_error
from isocheck.facts.parse import load_document, loc_of
from isocheck.law.citations import Citation, Text, verify
from isocheck.law.parameters import Parameters, load_parameters
from isocheck.pack import conditions as cond
from isocheck.pack.located import RuleLocation, at
from isocheck.pack.names import check_names
from isocheck.pack.schema import PROFILES, SEVERITIES, AppliesTo, Effective, PackInfo, Rule, Severity, TextList
from isocheck.text.problems import Found

__all__ = [
    "PROFILES",
    "SEVERITIES",
    "AppliesTo",
    "Citation",
    "Effective",
    "PackInfo",
    "Rule",
    "RulePack",
    "Severity",
    "Text",
    "TextList",
    "check_rule",
    "default_rules_dir",
    "load_pack",
    "load_rule",
]


class RulePack:
    """Rules (sorted by id), the pack version and the dated parameters; with a province overlay, how it tailored
    them; with the province's TTHC catalogue, the list the agencies' scopes are checked against."""

    def __init__(
        self,
        root: Path,
        info: PackInfo,
        rules: list[Rule],
        parameters: Parameters,
        tailoring: Any = None,
        catalogue: Catalogue | None = None,
    ):
        self.root = root
        self.info = info
        self.rules = sorted(rules, key=lambda r: r.id)
        self.parameters = parameters
        self.by_id = {r.id: r for r in self.rules}
        self.tailoring = tailoring  # the province overlay applied (isocheck.pack.tailoring.Tailoring), or None
        self.catalogue = catalogue  # the province's TTHC catalogue (isocheck.facts.catalogue.Catalogue), or None

    def with_catalogue(self, catalogue: Catalogue | None) -> RulePack:
        """The same rules, checking scopes against ``catalogue``."""
        return RulePack(self.root, self.info, self.rules, self.parameters, self.tailoring, catalogue)

    @property
    def version(self) -> str:
        return self.info.version

    def select(self, profile: str) -> list[Rule]:
        if profile == "all":
            return list(self.rules)
        return [r for r in self.rules if profile in r.profiles]


def default_rules_dir() -> Path:
    """The bundled rule pack: ``isocheck/_rulepack`` in an installed wheel, else ``<repo>/rules``."""
    override = os.environ.get("ISOCHECK_RULES")
    if override:
        return Path(override)
    packaged = Path(__file__).parent.parent / "_rulepack"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "rules"


def load_pack(root: str | Path | None = None) -> RulePack:
    """Load and check every rule file under ``root``. Raises :class:`InputError` on the first problem."""
    root = Path(root) if root is not None else default_rules_dir()
    info_path = root / "pack.yaml"
    data, lines = load_document(info_path)
    try:
        info = PackInfo.model_validate(data)
    except ValidationError as exc:
        raise validation_error(exc, str(info_path), lines, PackInfo) from None
    parameters = load_parameters(root / "parameters.yaml")
    rules: list[Rule] = []
    seen: dict[str, Path] = {}
    for path in sorted(root.glob("*/*.yaml")):
        rule = load_rule(path, root)
        if rule.id in seen:
            raise InputError.of(str(path), "rule.duplicate_id", {"id": rule.id, "other": seen[rule.id]}, field="id")
        seen[rule.id] = path
        rules.append(rule)
    if not rules:
        raise InputError.of(str(root), "rules.none")
    return RulePack(root, info, rules, parameters)


def load_rule(path: Path, root: Path) -> Rule:
    data, lines = load_document(path)
    file = str(path)
    if not isinstance(data, dict):
        raise InputError.of(file, "rule.not_mapping", {"found": Found(data)}, **at(lines, ()))
    try:
        rule = Rule.model_validate(data)
    except ValidationError as exc:
        raise validation_error(exc, file, lines, Rule) from None
    expected_id = f"{path.parent.name}.{path.stem}"
    if rule.id != expected_id:
        raise InputError.of(
            file,
            "rule.id_mismatch",
            {"id": rule.id, "expected": expected_id},
            field="id",
            **at(lines, ("id",), value=True),
        )
    check_rule(rule, file, lines)
    return rule


def check_rule(rule: Rule, file: str, lines: dict, at: tuple = ()) -> None:
    """Everything a validated rule must also satisfy: conditions against the field catalogue, the texts a
    condition needs, every name it uses against its subject (:mod:`isocheck.pack.names`), and citations that
    hold against the law. Raises :class:`InputError` at the rule's own line (``at`` locates the rule inside a
    larger file: a province overlay)."""
    where = RuleLocation(file, lines, at)
    try:
        _ = rule.branches  # parses and checks every condition against the field catalogue
    except cond.ConditionError as exc:
        raise where.error("rule.condition", {"detail": exc.args[0]}, loc_of(exc.path)) from None
    if rule.not_applicable_when is not None and rule.not_applicable_reason is None:
        raise where.error("rule.needs_na_reason", None, ("not_applicable_when",))
    if rule.pending_when is not None and rule.pending_message is None:
        raise where.error("rule.needs_pending_message", None, ("pending_when",))
    check_names(rule, where)
    verify(rule.citations, file, lines, (*at, "citations"), list(rule.applies_to.standards))
