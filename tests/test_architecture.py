"""The tree is the architecture: each stage package imports only the stages below it.

The stages, lowest first (docs/architecture.md draws them): interface texts, shared base, facts, the
law as data, subjects, the rule pack, the engine, workflows, explanations, reports, generated
documents, the library facade and the command line. A module may import its own package and any package
listed before it, never one listed after it, so that the flow facts → subjects → engine → findings →
workflows → reports runs one way only.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "isocheck"
LAYERS = [
    "text",
    "base",
    "facts",
    "law",
    "subjects",
    "pack",
    "engine",
    "workflows",
    "explain",
    "report",
    "docs",
    "api",
    "serve",  # the web page: at the level of the command line, imported by cli/serve.py alone
    "cli",
    "__main__",
]


def _stage(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else parts[0].removesuffix(".py")


def _imports(path: Path) -> set[str]:
    """The isocheck stages ``path`` imports (at module level or inside functions)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "isocheck" and len(parts) > 1:
                found.add(parts[1])
    return found


def test_every_module_belongs_to_a_stage():
    stages = {_stage(p) for p in PACKAGE.rglob("*.py")} - {"__init__"}
    assert stages <= set(LAYERS), f"not in LAYERS: {sorted(stages - set(LAYERS))}"


def test_a_stage_never_imports_a_later_one():
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        stage = _stage(path)
        if stage == "__init__":
            continue
        for imported in _imports(path):
            if imported in LAYERS and LAYERS.index(imported) > LAYERS.index(stage):
                wrong.append(f"{path.relative_to(PACKAGE)} imports isocheck.{imported}")
    assert wrong == []


def test_only_the_engine_module_imports_durable_rules():
    importers = [
        p.relative_to(PACKAGE).as_posix()
        for p in PACKAGE.rglob("*.py")
        if any(
            isinstance(n, (ast.Import, ast.ImportFrom))
            and "durable"
            in (
                [a.name.split(".")[0] for a in n.names]
                if isinstance(n, ast.Import)
                else [(n.module or "").split(".")[0]]
            )
            for n in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
        )
    ]
    assert importers == ["engine/durable.py"]


def test_only_the_serve_command_imports_the_web_page():
    """The web page sits at the command line's level: nothing but ``cli/serve.py`` uses it."""
    importers = sorted(
        p.relative_to(PACKAGE).as_posix()
        for p in PACKAGE.rglob("*.py")
        if "serve" in _imports(p) and _stage(p) != "serve"
    )
    assert importers == ["cli/serve.py"]


# -- sizes ------------------------------------------------------------------------------------------------

MAX_MODULE_LINES = 400
MAX_CLASS_LINES = 150


def _modules() -> list[tuple[str, Path]]:
    return [(p.relative_to(PACKAGE).as_posix(), p) for p in sorted(PACKAGE.rglob("*.py"))]


def test_no_module_is_over_the_size_limit():
    sizes = {name: len(p.read_text(encoding="utf-8").splitlines()) for name, p in _modules()}
    too_long = {n: lines for n, lines in sizes.items() if lines > MAX_MODULE_LINES}
    assert too_long == {}, too_long


def test_no_class_is_over_the_size_limit():
    too_long = [
        f"{name}: {node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for name, path in _modules()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ClassDef) and node.end_lineno - node.lineno + 1 > MAX_CLASS_LINES
    ]
    assert too_long == []
