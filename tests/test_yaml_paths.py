"""One meaning for a YAML file: the fast path (yaml-rs) and the strict path (PyYAML, YAML 1.1) give the
identical value or the identical error — same message key, line, column and words — on a corpus of
the cases where YAML readers differ, on every committed YAML file, and on generated documents; and
the meaning chosen (YAML 1.1 as PyYAML reads it, minus the numbers 1.1 and 1.2 read differently)
is pinned case by case."""

from __future__ import annotations

import datetime as dt
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml
from fuzzing import fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from isocheck.base.errors import InputError
from isocheck.facts import yaml_fast
from isocheck.facts.yaml_alike import reads_alike, words_alike
from isocheck.facts.yaml_strict import load_yaml
from tests.strategies import agencies

ROOT = Path(__file__).resolve().parent.parent
FILES = (
    sorted(ROOT.glob("fixtures/**/*.yaml"))
    + sorted(ROOT.glob("tests/cases/*.yaml"))
    + sorted(ROOT.glob("rules/**/*.yaml"))
    + sorted(ROOT.glob("rubrics/*.yaml"))
)

_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
pytestmark = pytest.mark.skipif(yaml_fast.yaml_rs is None, reason="yaml-rs not installed")


def _outcome(read, text: str) -> tuple:
    """What a reader makes of ``text``: the value (its repr, so 1, 1.0 and true differ) or the error."""
    try:
        data, _ = read(text, "x.yaml")
    except InputError as exc:
        return ("error", exc.detail.key, exc.line, exc.column, exc.text("en"), exc.text("vi"))
    return ("value", repr(data))


def _both(text: str) -> tuple[tuple, tuple]:
    return _outcome(yaml_fast.fast_yaml, text), _outcome(load_yaml, text)


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# text -> the value both paths give (a Python value), or the message key of the error both raise
CORPUS: dict[str, object] = {
    # numbers YAML 1.1 and 1.2 read differently: refused, or read as YAML 1.1 does
    "a: 010\n": "yaml.octal",
    "a: -010\n": "yaml.octal",
    "010: x\n": "yaml.octal",
    '{"a":010}\n': "yaml.octal",
    "a: 00\n": {"a": 0},
    "a: 07\n": {"a": 7},
    "a: 08\n": {"a": "08"},
    "a: 0o17\n": {"a": "0o17"},
    "a: 0X1F\n": {"a": "0X1F"},
    "a: 0x1F\n": {"a": 31},
    "a: 0b101\n": {"a": 5},
    "a: 12e3\n": {"a": "12e3"},
    "a: 1e3\n": {"a": "1e3"},
    "a: 1.5e+3\n": {"a": 1500.0},
    "a: +.5\n": {"a": "+.5"},
    "a: _1\n": {"a": "_1"},
    "a: 1_000\n": {"a": 1000},
    "a: 1:20\n": "yaml.base60",
    "a: 10:30\n": "yaml.base60",
    "a: '10:30'\n": {"a": "10:30"},
    "a: .inf\n": {"a": float("inf")},
    "a: -.inf\n": {"a": float("-inf")},
    "a: .iNf\n": {"a": ".iNf"},
    "a: 123456789012345678901234567890\n": {"a": 123456789012345678901234567890},
    "a: 0x" + "f" * 1_001 + "\n": "doc.long_number",
    " 010: x\n": "yaml.octal",  # a number at the start of the text after one blank
    " 1.5: x\n": "key.not_text",
    "a: 1.001193\n": {"a": 1.001193},
    "a: '1.001193'\n": {"a": "1.001193"},
    "a: 1.001193.000.00.00.H42\n": {"a": "1.001193.000.00.00.H42"},
    "scope: TCVN ISO 9001:2015\n": {"scope": "TCVN ISO 9001:2015"},
    # tags
    "a: !!binary aGVsbG8=\n": {"a": b"hello"},
    "a: !!str 1\n": {"a": "1"},
    "a: !!set {x}\n": {"a": {"x": None}},
    "a: !foo x\n": "yaml.invalid",
    "a: &x 1\nb: *x\n": {"a": 1, "b": 1},
    "<<: {b: 1}\n": {"b": 1},
    "a: =\n": "yaml.invalid",
    # booleans and nulls as YAML 1.1 defines them
    "a: yes\n": {"a": True},
    "a: No\n": {"a": False},
    "a: on\n": {"a": True},
    "a: OFF\n": {"a": False},
    "a: 'yes'\n": {"a": "yes"},
    "a: y\n": {"a": "y"},
    "a: True\n": {"a": True},
    "a: ~\n": {"a": None},
    "note: no announcement on record\n": {"note": "no announcement on record"},
    # keys that are not text
    "true: x\n": "key.not_text",
    "no: x\n": "key.not_text",
    "~: x\n": "key.not_text",
    "1.5: a\n": "key.not_text",
    "2021-01-01: a\n": "key.not_text",
    ": x\n": "yaml.invalid",
    "a: [0, :]\n": "yaml.invalid",
    "a: [no:, x]\n": "yaml.invalid",
    "a: [2021:]\n": "yaml.invalid",
    "a: {b: |2 x}\n": "yaml.invalid",  # '|' or '>' after ':' in a flow collection: yaml-rs reads text
    "a: {'b': |}\n": "yaml.invalid",
    "a: {b: c, d: >-}\n": "yaml.invalid",
    "a: [b: >x]\n": "yaml.invalid",
    "a: {b: '|'}\nc: |\n  x\n": {"a": {"b": "|"}, "c": "x\n"},
    "1: a\n": {1: "a"},
    "{}: \nz: 1\n": "key.not_text",
    "[a, b]: x\n": "key.not_text",
    # dates
    "a: 2021-11-16\n": {"a": dt.date(2021, 11, 16)},
    "a: '2021-11-16'\n": {"a": "2021-11-16"},
    'a: "2021-11-16"\n': {"a": "2021-11-16"},
    "a:\n  - '2021-11-16'\n": {"a": ["2021-11-16"]},
    "a: 2021-02-30\n": "value.impossible_date",
    "a: [2021-02-29]\n": "value.impossible_date",
    "a: 0999-01-01\n": {"a": dt.date(999, 1, 1)},
    "a: 2021-11-16 10:00:00\n": {"a": dt.datetime(2021, 11, 16, 10, 0)},
    "a: 2021-11-16 10:00\n": {"a": "2021-11-16 10:00"},
    "a: 2021-1-1\n": {"a": "2021-1-1"},
    # characters
    "a: x\x07y\n": "yaml.invalid",
    'a: "\\x07"\n': {"a": "\x07"},
    "a: x\x7f\n": "yaml.invalid",
    "a: \x1b[31m\n": "yaml.invalid",
    "a: 'x\x85y'\n": {"a": "x y"},
    "a: \u2028\n": {"a": None},
    "\ufeffa: 1\n": {"a": 1},
    "a: \ufeffx\n": {"a": "\ufeffx"},
    'a: "e\\u0301"\n': {"a": "é"},
    _nfd("tỉnh: Hà Tĩnh\n"): {"tỉnh": "Hà Tĩnh"},
    "tỉnh: 1\n" + _nfd("tỉnh: 2\n"): "key.duplicate",
    # tabs, line breaks, block scalars, documents
    "a:\t1\n": {"a": 1},
    "\ta: 1\n": "yaml.invalid",
    "a: x\ty\n": {"a": "x\ty"},
    "a: 1\r\nb: 2\r\n": {"a": 1, "b": 2},
    "a: 1\rb: 2\r": {"a": 1, "b": 2},
    "...\r~:...~:": "yaml.invalid",
    "a: |\n  x\n  y": {"a": "x\ny"},
    "a: |\n  x\n  y\n": {"a": "x\ny\n"},
    "a: >\n  x\n  y\n": {"a": "x y\n"},
    "a: |2\n": {"a": ""},
    "a: |-\n  2021-11-16\n": {"a": "2021-11-16"},
    "TRUE: x\n": "key.not_text",
    "a: >\n   \n   \r\n": {"a": ""},
    "a: 1\na: 2\n": "key.duplicate",
    "'a': 1\n\"a\": 2\n": "key.duplicate",
    "a: 1\n---\nb: 2\n": "yaml.invalid",
    "a: 1\n---\n": "yaml.invalid",
    "---\na: 1\n": {"a": 1},
    "a: 1\n...\n": {"a": 1},
    "%YAML 1.1\n---\na: 1\n": {"a": 1},
    "a: [unclosed\n": "yaml.invalid",
    "- a\n- b\n": ["a", "b"],
}


@pytest.mark.parametrize("text", list(CORPUS), ids=[repr(t)[:40] for t in CORPUS])
def test_the_corpus_reads_the_same_both_ways_and_as_chosen(text):
    fast, strict = _both(text)
    assert fast == strict
    expected = CORPUS[text]
    if isinstance(expected, str):
        assert strict[:2] == ("error", expected), strict
    else:
        assert strict == ("value", repr(expected))


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_committed_yaml_reads_the_same_both_ways(path):
    text = path.read_text(encoding="utf-8")
    (fast, fast_lines), (strict, strict_lines) = yaml_fast.fast_yaml(text, "x.yaml"), load_yaml(text, "x.yaml")
    assert fast == strict
    assert dict(fast_lines.items()) == dict(strict_lines.items())
    assert fast_lines.columns == strict_lines.columns and fast_lines.scalars == strict_lines.scalars


def test_fact_files_as_people_and_tools_write_them_take_the_fast_path(tmp_path):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import generate

    texts = [p.read_text(encoding="utf-8") for p in generate.write(tmp_path, 20)]  # as the benchmark writes them
    texts += [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("fixtures/province-ha-tinh-2021/facts/*.yaml"))]
    texts += [(ROOT / "fixtures" / name).read_text(encoding="utf-8") for name in ("phuong-duc-thuan-2021.yaml",)]
    for text in texts:
        assert reads_alike(text)
        assert isinstance(yaml_fast.fast_yaml(text, "x")[1], yaml_fast._LazyLineMap)


@pytest.mark.parametrize(
    ("text", "alike"),
    [
        ("a: x\n", True),
        ("a: yes\n", False),  # the walk sees the text 'yes', and so does the scan
        ("a: 'yes'\n", True),  # the walk sees 'yes' too, the scan decides: quoted, text to both
        ("a: [x, 'no']\n", True),
        ("a: [x, no]\n", False),
        ("yes: 1\n", False),
        ("true: 1\n", False),  # a key that is not text
        ("~: 1\n", False),
        ("1: a\n", True),  # a whole number as a key: the scan lets it through, as before
        ("a: =\n", False),
        ("a: x\n<<: {b: 1}\n", False),  # a merge key: always the scan
        ("a: '<<'\n", True),
    ],
)
def test_the_yaml_11_words_are_told_from_what_yaml_rs_read(text, alike):
    assert words_alike(yaml_fast.yaml_rs.loads(text), text) is alike
    assert reads_alike(text, words=False)  # nothing else differs in these texts
    assert _outcome(yaml_fast.fast_yaml, text) == _outcome(load_yaml, text)


# -- generated documents ----------------------------------------------------------------------------

# pieces of YAML where readers differ, and pieces both read alike
ATOMS = [
    *sorted({*(t.strip() for t in CORPUS if len(t) < 30), "x", "a b", "agency", "Hà Tĩnh", "100/QĐ-UBND"}),
    *("\n", "\n  ", "\r\n", "\r", " ", "\t", ": ", "- ", "? ", "[", "]", "{", "}", ",", "'", '"', "#c", " #c"),
    *("|", ">-", "&a ", "*a", "\\", "\ufeff", "\x85", "e\u0301", "2021:", "1.5:", "010", "0.5", "-1", "2015"),
    *("2021-11-16", "2021-02-30"),
]
_tokens = st.lists(st.sampled_from(ATOMS), max_size=30).map("".join)
_scalars = st.one_of(
    st.sampled_from(ATOMS),
    st.text(max_size=8),
    st.integers(-(10**25), 10**25).map(str),
    st.floats().map(str),
    st.dates(min_value=dt.date(1, 1, 1)).map(str),
)
_keys = st.sampled_from(["a", "b", "code", "date", "010", "1", "yes", "true", "2021-01-01", "x y", "é", "e\u0301"])


@st.composite
def _lines(draw) -> str:
    """Block and flow lines of keys and values, block scalars among them."""
    lines = []
    for _ in range(draw(st.integers(1, 8))):
        indent = "  " * draw(st.integers(0, 2))
        key, value = draw(_keys), draw(_scalars)
        kind = draw(st.sampled_from(["pair", "item", "flow mapping", "flow list", "block"]))
        if kind == "pair":
            lines.append(f"{indent}{key}: {value}")
        elif kind == "item":
            lines.append(f"{indent}- {value}")
        elif kind == "flow mapping":
            lines.append(f"{indent}{key}: {{{draw(_keys)}: {value}, {draw(_keys)}: {draw(_scalars)}}}")
        elif kind == "flow list":
            lines.append(f"{indent}{key}: [{value}, {draw(_scalars)}]")
        else:
            style = draw(st.sampled_from(["|", ">", "|-", ">+", "|2", "| #c"]))
            lines.append(f"{indent}{key}: {style}\n{indent}  {value}\n{indent}  {draw(_scalars)}")
    return "\n".join(lines) + draw(st.sampled_from(["\n", "", "\n\n", "\r\n"]))


_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(10**30), 10**30),
        st.floats(),
        st.text(max_size=30),
        st.dates(min_value=dt.date(1, 1, 1)),
        st.datetimes(),
        st.sampled_from(ATOMS),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.one_of(st.text(max_size=10), _keys), inner, max_size=5)
    ),
    max_leaves=25,
)


@st.composite
def _dumped(draw) -> str:
    """A document as PyYAML writes it, in one of its styles."""
    return yaml.dump(
        {"agency": draw(_values), "x": draw(_values)},
        Dumper=_DUMPER,
        allow_unicode=draw(st.booleans()),
        sort_keys=False,
        default_style=draw(st.sampled_from([None, None, "'", '"', "|", ">"])),
        default_flow_style=draw(st.sampled_from([None, False, True])),
        width=draw(st.sampled_from([20, 80, 200])),
        explicit_start=draw(st.booleans()),
        line_break=draw(st.sampled_from(["\n", "\r\n"])),
    )


@st.composite
def _fact_files(draw) -> str:
    """A generated agency as isocheck's tools write it (flow style, as the benchmark generator does) with
    one piece where readers may differ put in at a random place."""
    text = yaml.dump(draw(agencies()), Dumper=_DUMPER, allow_unicode=True, sort_keys=False, default_flow_style=None)
    at = draw(st.integers(0, len(text)))
    return text[:at] + draw(st.sampled_from(ATOMS)) + text[at:]


@fuzz_settings(300)
@given(st.one_of(_tokens, _lines(), _dumped(), _fact_files()))
def test_generated_documents_read_the_same_both_ways(text):
    fast, strict = _both(text)
    assert fast == strict


@fuzz_settings(60)
@given(agencies())
def test_generated_agencies_read_the_same_both_ways_and_fast(agency):
    text = yaml.dump(agency, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, default_flow_style=None, width=200)
    fast, strict = _both(text)
    assert fast == strict
    assert reads_alike(text)
