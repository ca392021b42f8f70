"""Every loader, fed random bytes, random YAML tokens (tags, anchors, aliases, merge keys…), random
YAML/JSON documents and mutations of real files (keys dropped or misspelt, values of the wrong type,
impossible or future dates, truncation, duplicated lines, stray bytes, other encodings), either loads
or raises :class:`InputError` whose Vietnamese and English messages are each one non-empty line —
never any other exception.

And the whole pipeline, fed generated agencies (counts beyond 10^20, hostile text, odd but valid
values) and mutated real files: whatever loads is derived and evaluated by both evaluators, which
give identical findings; every single-agency output format (:data:`isocheck.report.FORMATS`) renders
it in both languages and the atomic write stores exactly that text, leaving no temporary file; and
every finding can be explained in both languages.

Loaders that other modules add (rubric, waivers, roster) are included when their module exists.
Bounded: a few seconds in all by default; ``ISOCHECK_FUZZ=large`` searches 25 times longer
(``tests/fuzzing.py``).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from conftest import CASES, FIXTURES, ROOT
from fuzzing import fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from isocheck.base.errors import InputError
from tests.strategies import DAY1, agencies, as_of_dates

AS_OF = dt.date(2021, 11, 16)
SETTINGS = fuzz_settings(100)
RULE = ROOT / "rules" / "maintenance" / "internal-audit-yearly.yaml"
WAIVERS = """waivers:
  - rule: announcement.published-on-website
    agency: UBND xã Thạch Hạ
    subject: "132/QĐ-UBND"
    justification: "Xã chưa có cổng thông tin điện tử riêng; đăng trên cổng của huyện."
    approved_by: "Chi cục TĐC Hà Tĩnh"
    decision: "15/QĐ-TĐC"
    expires_on: 2022-06-30
"""


@dataclass
class Loader:
    """How to call one loader: the file it reads (inside a scratch folder) and the seeds to mutate."""

    name: str
    module: str
    call: Callable[[Path, object], object]  # (path of the file written, the rule pack) -> anything
    target: str  # the file written, relative to the scratch folder
    seeds: Callable[[], list[str]]
    text_only: bool = False  # CSV: mutate the text, not a parsed document


def _facts(path: Path, pack) -> None:
    from isocheck.facts.model import validate_agency
    from isocheck.facts.parse import load_document
    from isocheck.facts.plausibility import check_dates

    data, lines = load_document(path)
    check_dates(validate_agency(data, str(path), lines), AS_OF, str(path), lines)


def _rule(path: Path, pack) -> None:
    from isocheck.pack.rules import load_rule

    load_rule(path, path.parent.parent)


def _pack(path: Path, pack) -> None:
    from isocheck.pack.rules import load_pack

    load_pack(path.parent)


def _parameters(path: Path, pack) -> None:
    from isocheck.law.parameters import load_parameters

    load_parameters(path)


def _rubric(path: Path, pack) -> None:
    from isocheck.workflows.rubric import load_rubric

    load_rubric(path, set(pack.by_id))


def _waivers(path: Path, pack) -> None:
    from isocheck.workflows.waivers import load_waivers

    load_waivers(path, set(pack.by_id))


def _roster(path: Path, pack) -> None:
    from isocheck.workflows.roster import read_roster

    read_roster(path)


def _texts(*paths: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in paths if p.is_file()]


LOADERS = [
    Loader(
        "facts",
        "isocheck.facts.model",
        _facts,
        "agency.yaml",
        lambda: _texts(CASES / "_base.yaml", *sorted(FIXTURES.glob("*.yaml"))),
    ),
    Loader("rule", "isocheck.pack.rules", _rule, "pack/maintenance/internal-audit-yearly.yaml", lambda: _texts(RULE)),
    Loader("pack", "isocheck.pack.rules", _pack, "pack/pack.yaml", lambda: _texts(ROOT / "rules" / "pack.yaml")),
    Loader(
        "parameters",
        "isocheck.law.parameters",
        _parameters,
        "pack/parameters.yaml",
        lambda: _texts(ROOT / "rules" / "parameters.yaml"),
    ),
    Loader(
        "rubric",
        "isocheck.workflows.rubric",
        _rubric,
        "rubric.yaml",
        lambda: _texts(*sorted((ROOT / "rubrics").glob("*.yaml"))),
    ),
    Loader("waivers", "isocheck.workflows.waivers", _waivers, "waivers.yaml", lambda: [WAIVERS]),
    Loader(
        "roster",
        "isocheck.workflows.roster",
        _roster,
        "roster.csv",
        lambda: _texts(FIXTURES / "province-ha-tinh-2021" / "roster.csv"),
        text_only=True,
    ),
]

# -- inputs ------------------------------------------------------------------------------------------

_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.dates(min_value=dt.date(1, 1, 1)),
    st.sampled_from(["2021-02-30", "2021-13-01", "16/11/2021", "0000-01-01", "-1", "yes", ""]),
)
_documents = st.recursive(
    _scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=5)),
    max_leaves=30,
)
_YAML_TOKENS = st.lists(
    st.sampled_from(
        [
            "[",
            "]",
            "{",
            "}",
            ": ",
            "- ",
            "? ",
            "&a ",
            "*a",
            "!!int ",
            "!!timestamp ",
            "!!binary ",
            "!!set ",
            "!!map ",
            "!foo ",
            "<<: ",
            "|",
            ">",
            "'",
            '"',
            "#",
            "%YAML 1.1\n",
            "---\n",
            ",",
            "\n",
            "\n  ",
            "\t",
            " ",
            "agency",
            "name",
            "x",
            "1",
            "2021-02-30",
            "2021-01-01",
            "~",
            "\\",
            "é",
            "\ufeff",
            "\x85",
            "\u2028",
        ]
    ),
    max_size=40,
).map("".join)
_ODD_VALUES = [
    None,
    True,
    -1,
    1.5,
    10**30,
    "",
    "x",
    [],
    {},
    [1, 2],
    {"a": 1},
    "2021-02-30",
    "16/11/2021",
    dt.date(2099, 1, 1),
    dt.date(1900, 1, 1),
    "2021-11-17",
    "\t",
    "a: b",
    "{{x}}",
]


def _dump(data, as_json: bool) -> str:
    if as_json:
        return json.dumps(data, ensure_ascii=False, default=str)
    return yaml.dump(data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True, sort_keys=False)


def _nodes(data, parent=None, key=None):
    """Every (container, key) slot of a parsed document."""
    if parent is not None:
        yield parent, key
    if isinstance(data, dict):
        for k in list(data):
            yield from _nodes(data[k], data, k)
    elif isinstance(data, list):
        for i in range(len(data)):
            yield from _nodes(data[i], data, i)


def _parsed(text: str):
    """The document in ``text`` when it is a readable YAML mapping or list, else None."""
    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (yaml.YAMLError, ValueError):
        return None
    return data if isinstance(data, (dict, list)) else None


def _mutate_data(data, rnd: random.Random) -> None:
    slots = list(_nodes(data))
    if not slots:
        return
    parent, key = rnd.choice(slots)
    action = rnd.choice(["drop", "rename", "retype", "date", "duplicate"])
    if action == "drop":
        del parent[key]
    elif action == "rename" and isinstance(parent, dict):
        name = str(key)
        cut = rnd.randrange(len(name) + 1)
        parent[name[:cut] + rnd.choice(["", "x", "_"]) + name[cut + 1 :]] = parent.pop(key)
    elif action == "date":
        parent[key] = rnd.choice([AS_OF + dt.timedelta(days=rnd.randint(-400, 400)), "2021-02-30", "2021-02-29"])
    elif action == "duplicate" and isinstance(parent, list):
        parent.append(parent[key])
    else:
        parent[key] = rnd.choice(_ODD_VALUES)


def _mutate_text(text: str, rnd: random.Random) -> str:
    lines = text.splitlines(keepends=True) or [""]
    i = rnd.randrange(len(lines))
    action = rnd.choice(["truncate", "insert", "duplicate", "delete", "tab", "swap"])
    if action == "truncate":
        return text[: rnd.randrange(len(text) + 1)]
    if action == "insert":
        at = rnd.randrange(len(text) + 1)
        noise = bytes(rnd.randrange(256) for _ in range(rnd.randint(1, 4))).decode("latin-1")
        return text[:at] + noise + text[at:]
    if action == "duplicate":  # a key line twice: a duplicate key
        lines.insert(i, lines[i])
    elif action == "delete":
        del lines[i]
    elif action == "tab":
        lines[i] = "\t" + lines[i].lstrip(" ")
    else:
        j = rnd.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    return "".join(lines)


@st.composite
def _inputs(draw, loader: Loader) -> bytes:
    """Random bytes, YAML tokens, a random document, or a mutated seed; as the bytes of the file to load."""
    seeds = loader.seeds()
    kind = draw(st.sampled_from(["bytes", "tokens", "document"] + ["mutation"] * 3 * bool(seeds)))
    if kind == "bytes":
        return draw(st.binary(max_size=600))
    if kind == "tokens":
        return draw(_YAML_TOKENS).encode("utf-8")
    as_json = draw(st.booleans())
    if kind == "document":
        return _dump(draw(_documents), as_json).encode("utf-8")
    rnd = draw(st.randoms(use_true_random=False))
    text = draw(st.sampled_from(seeds))
    for _ in range(draw(st.integers(1, 3))):
        data = None if loader.text_only or draw(st.booleans()) else _parsed(text)
        if data is None:
            text = _mutate_text(text, rnd)
        else:
            _mutate_data(data, rnd)
            text = _dump(data, as_json)
    encoding = draw(st.sampled_from(["utf-8"] * 8 + ["utf-16", "latin-1"]))
    return text.encode(encoding, "replace")


def _assert_one_line(exc: InputError) -> None:
    for lang in ("vi", "en"):
        text = exc.text(lang)
        assert text.strip() and len(text.splitlines()) == 1, (lang, text)


def _assert_loads_or_input_error(loader: Loader, path: Path, raw: bytes, pack) -> None:
    path.write_bytes(raw)
    try:
        loader.call(path, pack)
    except InputError as exc:
        _assert_one_line(exc)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    """A folder with a copy of a small rule pack (pack.yaml, parameters.yaml, one rule)."""
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "pack" / "maintenance").mkdir(parents=True)
    for name in ("pack.yaml", "parameters.yaml"):
        shutil.copy(ROOT / "rules" / name, folder / "pack" / name)
    shutil.copy(RULE, folder / "pack" / "maintenance" / RULE.name)
    return folder


@pytest.mark.parametrize("loader", LOADERS, ids=[loader.name for loader in LOADERS])
def test_loader_never_fails_with_anything_but_an_input_error(loader, scratch, pack):
    pytest.importorskip(loader.module)
    path = scratch / loader.target
    original = path.read_bytes() if path.exists() else None

    @SETTINGS
    @given(_inputs(loader))
    def run(raw: bytes) -> None:
        _assert_loads_or_input_error(loader, path, raw, pack)

    try:
        run()
    finally:  # the pack files are shared by the pack, rule and parameters loaders
        if original is not None:
            path.write_bytes(original)


# -- the whole pipeline -------------------------------------------------------------------------------

_HOSTILE = st.sampled_from(
    [
        "<script>alert(1)</script>",
        '=HYPERLINK("http://x")',
        "a | b",
        "\u202eĐảo chiều",
        "{name}",
        "x\ny",
        "Ủy ban nhân dân xã Thạch Hạ, thành phố Hà Tĩnh, tỉnh Hà Tĩnh " * 3,
        "ε",
        "'; DROP TABLE",
    ]
)
_BIG = st.integers(10**20, 10**40)


@st.composite
def _agency_documents(draw) -> dict:
    """A generated agency (tests/strategies.py) with counts beyond 10^20 and hostile text put in."""
    doc = draw(agencies())
    for audit in doc.get("internal_audits") or []:
        if "findings" in audit and draw(st.booleans()):
            audit["findings"][draw(st.sampled_from(["major", "minor", "observation"]))] = draw(_BIG)
    if draw(st.booleans()):
        doc["agency"]["name"] = draw(_HOSTILE)
    for key, field in (("procedures", "name"), ("legal_documents", "title"), ("announcements", "scope")):
        for item in doc.get(key) or []:
            if draw(st.booleans()):
                item[field] = draw(_HOSTILE)
    return doc


@st.composite
def _pipeline_inputs(draw) -> tuple[bytes, str, dt.date, str]:
    """(file content, suffix, as-of date, profile): a generated agency or a mutated real fact file."""
    as_json = draw(st.booleans())
    if draw(st.booleans()):
        doc = draw(_agency_documents())
    else:
        doc = _parsed(draw(st.sampled_from(LOADERS[0].seeds())))
        rnd = draw(st.randoms(use_true_random=False))
        for _ in range(draw(st.integers(0, 2))):
            _mutate_data(doc, rnd)
            if rnd.random() < 0.3:  # a count beyond 10^20 where a number is
                numbers = [(p, k) for p, k in _nodes(doc) if type(p[k]) is int]
                if numbers:
                    parent, key = rnd.choice(numbers)
                    parent[key] = draw(_BIG)
    as_of = draw(st.one_of(st.just(DAY1), st.just(AS_OF), as_of_dates))  # DAY1: no date lies after it
    profile = draw(st.sampled_from(["all", "pre-announcement", "annual", "inspection"]))
    return _dump(doc, as_json).encode("utf-8"), ".json" if as_json else ".yaml", as_of, profile


def _findings(report) -> list[tuple]:
    return [(f.id, f.outcome, f.severity, f.message("vi"), f.message("en")) for f in report.findings]


def _renders_and_writes(report, folder: Path) -> None:
    from isocheck.base.output import write_atomic
    from isocheck.report import FORMATS

    for name, render in FORMATS.items():
        for lang in ("vi", "en"):
            text = render(report, lang)
            assert text.strip(), (name, lang)
            if name == "json":
                assert json.loads(text)["agency"]["name"] == report.agency.agency.name
            out = folder / f"report.{name}"
            write_atomic(out, text)
            assert out.read_bytes().decode("utf-8") == text
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"report.{name}" for name in FORMATS)


def _explains(report, file: str) -> None:
    from isocheck.explain.explanation import explain, render_text

    for lang in ("vi", "en"):
        explanations = [explain(f, file, report.as_of, lang) for f in report.findings]
        json.dumps(explanations, ensure_ascii=False, default=str)
        assert render_text(explanations, lang).strip() or not explanations


def test_the_whole_pipeline_never_fails_with_anything_but_an_input_error(tmp_path_factory, pack):
    from isocheck.api import check_file

    folder = tmp_path_factory.mktemp("pipeline")
    checked = []

    @fuzz_settings(25)
    @given(_pipeline_inputs())
    def run(case: tuple[bytes, str, dt.date, str]) -> None:
        raw, suffix, as_of, profile = case
        path = folder / f"agency{suffix}"
        path.write_bytes(raw)
        try:
            report = check_file(path, as_of, profile, pack=pack, evaluator="durable")
        except InputError as exc:
            _assert_one_line(exc)
            return
        reference = check_file(path, as_of, profile, pack=pack, evaluator="reference")
        assert _findings(report) == _findings(reference)
        out = folder / "out"
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir()
        _renders_and_writes(report, out)
        _explains(report, str(path))
        checked.append(len(report.findings))

    run()
    assert checked and sum(checked) > 0  # the search reached the engine, not only the loaders
