"""The gettext catalogs of the interface texts (isocheck/locale/): complete, consistent, compiled, asked for.

Every msgid has a Vietnamese msgstr that is neither empty nor fuzzy; the placeholders of the two agree; the
committed .mo is a fresh compile of the .po and the .pot is a fresh extract (scripts/catalogs check); every
key the code asks for by name is in the catalog; the .po parses with Babel and passes ``msgfmt --check``
when GNU gettext is on the machine.
"""

from __future__ import annotations

import ast
import gettext
import importlib.machinery
import importlib.util
import shutil
import string
import subprocess
from pathlib import Path

import pytest

from isocheck.text import catalog
from isocheck.text.problems import MESSAGES
from isocheck.text.ui import _UI

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "isocheck" / "locale"
PO = LOCALE / "vi" / "LC_MESSAGES" / "isocheck.po"
MO = LOCALE / "vi" / "LC_MESSAGES" / "isocheck.mo"
POT = LOCALE / "isocheck.pot"


def _read(path: Path):
    pofile = pytest.importorskip("babel.messages.pofile", reason="Babel (the test extra) reads the catalogs")
    with path.open("rb") as fp:
        return pofile.read_po(fp, locale="vi" if path.suffix == ".po" else None)


def _names(text: str) -> set[str]:
    return {name.split("!")[0].split(":")[0] for _, name, _, _ in string.Formatter().parse(text) if name}


def _comments(context: str) -> list[str]:
    return next(m.auto_comments for m in _read(PO) if m.context == context)


def _tool():
    pytest.importorskip("babel", reason="scripts/catalogs needs Babel (the test extra)")
    loader = importlib.machinery.SourceFileLoader("catalogs_tool", str(ROOT / "scripts" / "catalogs"))
    spec = importlib.util.spec_from_loader("catalogs_tool", loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def _tool_on_copies(tmp_path: Path, monkeypatch):
    """scripts/catalogs working on copies of the .po, .pot and .mo in ``tmp_path``."""
    tool = _tool()
    for name in ("PO", "POT", "MO"):
        copy = tmp_path / getattr(tool, name).name
        copy.write_bytes(getattr(tool, name).read_bytes())
        monkeypatch.setattr(tool, name, copy)
    return tool


def test_every_text_has_a_confirmed_vietnamese_translation():
    po = _read(PO)
    messages = [m for m in po if m.id]
    assert len(messages) > 600
    untranslated = [
        (m.context, m.id) for m in messages if not (m.string if isinstance(m.string, str) else all(m.string))
    ]
    fuzzy = [(m.context, m.id) for m in messages if m.fuzzy]
    assert untranslated == [] and fuzzy == []
    assert all(m.context for m in messages), "every entry has its key as msgctxt"
    contexts = [m.context for m in messages if catalog.kind(m.context) not in catalog.WORDS]
    assert sorted(c for c in set(contexts) if contexts.count(c) > 1) == [], "a key is in the catalog once"


def test_the_placeholders_of_english_and_vietnamese_agree():
    for message in _read(PO):
        if not message.id:
            continue
        kind = catalog.kind(message.context)
        if kind not in ("ui", "problem", "click", "words"):  # texts the code does not format
            continue
        if kind == "words" and "no-python-brace-format" in message.flags:  # a form of its own in Vietnamese
            continue
        english = message.id if isinstance(message.id, str) else message.id[-1]
        vietnamese = message.string if isinstance(message.string, str) else message.string[0]
        if kind == "click":  # the Vietnamese may leave out what click fills in English (click_messages.py)
            singular = message.id if isinstance(message.id, str) else message.id[0]
            assert _names(vietnamese) <= _names(english) | _names(singular), message.context
        else:
            assert _names(vietnamese) == _names(english), message.context
            assert "python-brace-format" in message.flags or not _names(english), message.context


def test_the_committed_mo_and_pot_are_what_scripts_catalogs_writes(capsys):
    tool = _tool()
    assert tool.compiled(tool.read(PO)) == MO.read_bytes(), "isocheck.mo is stale: run scripts/catalogs"
    assert tool.check() == 0, capsys.readouterr().err


def test_the_runtime_tables_are_the_catalog():
    po = [m for m in _read(PO) if m.id]
    words = {m.context: {"vi": m.string, "en": m.id} for m in po if catalog.kind(m.context) == "ui"}
    problems = {m.context[8:]: {"vi": m.string, "en": m.id} for m in po if m.context.startswith("problem:")}
    assert words == _UI
    assert problems == MESSAGES


class _Asked(ast.NodeVisitor):
    """The keys the code asks for by name: ui("…"), Problem("…"), InputError.of(file, "…"); f-string prefixes."""

    def __init__(self) -> None:
        self.ui: list[tuple[str, ast.AST]] = []
        self.problem: list[tuple[str, ast.AST]] = []

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        index = 1 if name == "of" else 0
        table = self.ui if name == "ui" else self.problem if name in ("Problem", "of") else None
        if table is not None and len(node.args) > index:
            table.append((name, node.args[index]))
        self.generic_visit(node)


def _asked() -> tuple[list[tuple[str, str, bool]], list[tuple[str, str, bool]]]:
    found: tuple[list[tuple[str, str, bool]], list[tuple[str, str, bool]]] = ([], [])
    for path in sorted((ROOT / "isocheck").rglob("*.py")):
        visitor = _Asked()
        visitor.visit(ast.parse(path.read_text(encoding="utf-8")))
        for out, calls in zip(found, (visitor.ui, visitor.problem), strict=True):
            for _, arg in calls:
                where = str(path.relative_to(ROOT))
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    out.append((where, arg.value, False))
                elif isinstance(arg, ast.JoinedStr) and isinstance(arg.values[0], ast.Constant):
                    out.append((where, str(arg.values[0].value), True))
    return found


def test_every_key_the_code_asks_for_is_in_the_catalog():
    ui_asked, problems_asked = _asked()
    assert len(ui_asked) > 100 and len(problems_asked) > 150

    def missing(asked: list[tuple[str, str, bool]], keys: set[str]) -> list[tuple[str, str]]:
        return [
            (where, key)
            for where, key, prefix in asked
            if not (any(k.startswith(key) for k in keys) if prefix else key in keys)
        ]

    assert missing(ui_asked, set(_UI)) == []
    assert missing(problems_asked, set(MESSAGES)) == []


def test_a_key_missing_from_the_catalog_fails_loudly():
    from isocheck.text.problems import Problem
    from isocheck.text.ui import ui

    with pytest.raises(KeyError):
        ui("no.such.word", "vi")
    with pytest.raises(KeyError):
        Problem("no.such.problem")


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext's msgfmt is not on this machine")
def test_msgfmt_accepts_the_catalog(tmp_path):
    result = subprocess.run(
        ["msgfmt", "--check", "-o", str(tmp_path / "vi.mo"), str(PO)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    result = subprocess.run(
        ["msgfmt", "--check-format", "-o", "/dev/null", str(POT)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_a_leftover_table_moves_into_the_catalog(tmp_path, monkeypatch):
    tool = _tool_on_copies(tmp_path, monkeypatch)
    module = tmp_path / "leftover_ui.py"
    left = (
        '{"batch.col.province": {"vi": "Tỉnh, thành phố", "en": "Province"}, "batch.col.no": {"vi": "STT", "en": "#"}}'
    )
    module.write_text(f'"""The words of the provincial layout."""\n\nLEFT = {left}\n', encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(tool, "ROOT", tmp_path)
    tool.extract(["leftover_ui:LEFT"], "")
    tool.update()
    assert tool.compile_mo() == 0
    with tool.MO.open("rb") as fp:
        translations = gettext.GNUTranslations(fp)
    assert translations.pgettext("batch.col.province", "Province") == "Tỉnh, thành phố"
    assert translations.pgettext("outcome.fail", "Nonconformity") == "Không phù hợp"  # the rest is kept
    assert translations.pgettext("batch.col.no", "#") == "STT"  # a key whose words changed: replaced, not doubled
    po = _read(tool.PO)
    assert [(m.id, m.auto_comments) for m in po if m.context == "batch.col.no"] == [("#", _comments("batch.col.no"))]
    assert po.get("Province", "batch.col.province").auto_comments == ["The words of the provincial layout."]
    assert _read(tool.POT).get("Province", "batch.col.province") is not None


@pytest.mark.skipif(shutil.which("msgmerge") is None, reason="GNU gettext's msgmerge is not on this machine")
def test_msgmerge_of_the_template_into_the_catalog_keeps_every_translation(tmp_path):
    merged = tmp_path / "merged.po"
    subprocess.run(["msgmerge", "--no-fuzzy-matching", "-q", "-o", str(merged), str(PO), str(POT)], check=True)
    result = subprocess.run(
        ["msgfmt", "--statistics", "-o", "/dev/null", str(merged)], capture_output=True, text=True, check=True
    )
    count = sum(1 for m in _read(PO) if m.id)
    assert f"{count} translated messages." in result.stderr


# -- texts whose English is in the code: what fact fields and derived fields mean -------------------------


def test_every_field_the_code_declares_has_its_vietnamese_and_the_codes_english_in_the_catalog():
    tool = _tool()
    declared = list(tool.code_texts())
    kinds = {context.partition(":")[0] for context, _, _ in declared}
    assert kinds == {"fact", "title", "field"} and len(declared) > 250
    po = {m.context: m for m in _read(PO) if m.id and m.context.startswith(("fact:", "title:", "field:"))}
    untranslated = [c for c, _, _ in declared if c not in po or not po[c].string or po[c].fuzzy]
    assert untranslated == [], "translate them in isocheck.po (scripts/catalogs adds the entries)"
    stale = [(c, po[c].id, english) for c, english, _ in declared if po[c].id != english]
    assert stale == [], "the English changed in the code: run scripts/catalogs and confirm the Vietnamese"
    assert sorted(set(po) - {c for c, _, _ in declared}) == [], "entries for fields the code no longer declares"


def test_the_fields_read_their_vietnamese_from_the_catalog():
    from isocheck.facts.meaning import catalog_entries, meaning_of
    from isocheck.facts.model import Agency
    from isocheck.subjects.fields import KINDS

    vi = {m.context: m.string for m in _read(PO) if m.id}
    for context, _, _ in catalog_entries():
        kind, _, key = context.partition(":")
        name, _, field = key.partition(".")
        model = next(m for m in _models() if m.__name__ == name)
        texts = meaning_of(model, field)
        assert texts is not None
        assert (texts.vi if kind == "fact" else texts.title and texts.title[0]) == vi[context], context
    for kind in KINDS.values():
        for field in kind.fields.values():
            assert field.meaning("vi") == vi[f"field:{kind.name}.{field.name}"]
    assert meaning_of(Agency, "qms").title == ("Hệ thống quản lý chất lượng", "Quality management system")


def _models() -> list[type]:
    import importlib

    from isocheck.facts.meaning import MODULES

    found = []
    for name in MODULES:
        module = importlib.import_module(f"isocheck.facts.{name}")
        found += [m for m in vars(module).values() if isinstance(m, type) and "meanings" in m.__dict__]
    return found


def test_a_vietnamese_text_written_in_a_meanings_table_is_refused():
    from isocheck.facts.meaning import Meaning, Meanings

    with pytest.raises(TypeError, match=r"isocheck\.po"):
        Meanings(name="Tên chính thức.")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Meaning("Tên chính thức.")  # type: ignore[misc]


def test_a_field_whose_english_changes_comes_back_fuzzy_and_a_new_one_untranslated(tmp_path, monkeypatch):
    tool = _tool_on_copies(tmp_path, monkeypatch)
    monkeypatch.setattr(tool, "ROOT", tmp_path)
    declared = list(tool.code_texts())
    changed = next(c for c, _, _ in declared if c == "field:legal_document.built_in")
    new = ("fact:Agency.a_new_field", "A field added to the model.", "What the field a_new_field means.")
    reworded = [
        (c, "the change has been written into the procedures" if c == changed else e, m) for c, e, m in declared
    ]
    monkeypatch.setattr(tool, "code_texts", lambda: iter([*reworded, new]))
    tool.extract([], "")
    tool.update()
    po = _read(tool.PO)
    entry = po.get("the change has been written into the procedures", changed)
    assert entry is not None and entry.fuzzy and entry.string == "đã cập nhật vào quy trình"
    assert po.get(new[1], new[0]).string == ""
    assert tool.compile_mo() == 1  # refused until the translator confirms and translates


# click's messages that no isocheck user can reach: errors in declaring commands (a programmer's), editing
# with click.edit, colours, Choice's repr, deprecation of commands isocheck does not deprecate, and the names
# of path types (read once at import, outside a run, and left out of the Vietnamese path messages)
CLICK_DEVELOPER_ONLY = {
    "{editor}: Editing failed",
    "{editor}: Editing failed: {e}",
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}",
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}",
    "Name '{name}' defined twice",
    "Boolean option {decl!r} cannot use the same flag for true/false.",
    "Could not determine name for option with declarations {decls!r}",
    "No options defined but a name was passed ({name}). Did you mean to declare an argument instead? Did you mean"
    " to pass '--{name}'?",
    "Arguments take exactly one parameter declaration, got {length}: {decls}.",
    "Unknown color {colour!r}",
    "Choice({choices})",
    "file",
    "directory",
    "path",
    "Unknown standard stream '{name}'",
}


def test_every_click_message_a_user_can_reach_has_its_vietnamese():
    import os

    import click

    from isocheck.text.click_messages import GETTEXT_VI, NGETTEXT_VI

    extract = pytest.importorskip("babel.messages.extract", reason="Babel (the test extra) reads click's sources")
    found = {
        message[0] if isinstance(message, tuple) else message
        for _, _, message, _, _ in extract.extract_from_dir(
            os.path.dirname(click.__file__), [("**.py", "python")], {"_": None, "ngettext": (1, 2)}
        )
    }
    assert len(found) > 60
    assert sorted(found - CLICK_DEVELOPER_ONLY - set(GETTEXT_VI) - set(NGETTEXT_VI)) == []
    assert found >= CLICK_DEVELOPER_ONLY, "a message click no longer has: take it off the list"


def test_the_progress_bar_and_shell_completion_speak_vietnamese_in_a_vietnamese_run():
    import sys

    from isocheck.cli import language
    from isocheck.cli.settings import load_settings

    language.lazily("_termui_impl")
    language.lazily("shell_completion")
    token = language._RUN.set((load_settings(), "vi"))
    try:
        assert sys.modules["click._termui_impl"]._("d") == " ngày"  # "2 ngày 01:02:03" left
        assert (
            sys.modules["click.shell_completion"]
            ._("Couldn't detect Bash version, shell completion is not supported.")
            .startswith("Không xác định được phiên bản Bash")
        )
    finally:
        language._RUN.reset(token)
    assert sys.modules["click._termui_impl"]._("d") == "d"  # outside an isocheck run: click's English
