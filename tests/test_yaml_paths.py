"""The fast YAML path (yaml-rs) reads every file exactly as the strict path (PyYAML, duplicate keys
rejected, positions kept) does, and falls back to it whenever the two could differ."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings

from isocheck.facts import parse as yamlio
from tests.strategies import agencies

ROOT = Path(__file__).resolve().parent.parent
FILES = (
    sorted(ROOT.glob("fixtures/**/*.yaml"))
    + sorted(ROOT.glob("tests/cases/*.yaml"))
    + sorted(ROOT.glob("rules/**/*.yaml"))
    + sorted(ROOT.glob("rubrics/*.yaml"))
)

pytestmark = pytest.mark.skipif(yamlio.yaml_rs is None, reason="yaml-rs not installed")


def _both(text: str):
    fast, fast_lines = yamlio._fast_yaml(text, "x.yaml")
    strict, strict_lines = yamlio._load_yaml(text, "x.yaml")
    return fast, fast_lines, strict, strict_lines


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_committed_yaml_reads_the_same_both_ways(path):
    fast, fast_lines, strict, strict_lines = _both(path.read_text(encoding="utf-8"))
    assert fast == strict
    assert dict(fast_lines.items()) == dict(strict_lines.items())
    assert fast_lines.columns == strict_lines.columns and fast_lines.scalars == strict_lines.scalars


def test_the_generated_province_and_bench_files_take_the_fast_path():
    text = (ROOT / "fixtures/province-ha-tinh-2021/facts").glob("*.yaml").__next__().read_text(encoding="utf-8")
    assert isinstance(yamlio._fast_yaml(text, "x")[1], yamlio._LazyLineMap)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(agencies())
def test_generated_agencies_read_the_same_both_ways(agency):
    text = yaml.safe_dump(agency, allow_unicode=True, sort_keys=False)
    fast, _, strict, _ = _both(text)
    assert fast == strict


@pytest.mark.parametrize(
    "text, value",
    [
        ("a: yes\n", True),
        ("a: 'yes'\n", "yes"),
        ("a: No\n", False),
        ("a: on\n", True),
        ("a: '1.001193'\n", "1.001193"),
        ("a: 2021-11-16\n", __import__("datetime").date(2021, 11, 16)),
        ("a: '2021-11-16'\n", "2021-11-16"),
    ],
)
def test_values_a_yaml_1_1_reader_reads_differently_are_read_as_pyyaml_does(text, value):
    assert yamlio._fast_yaml(text, "x")[0] == {"a": value}


@pytest.mark.parametrize(
    "text, message",
    [
        ("a: 1\na: 2\n", "x:2:1: a: duplicate key 'a' (first at line 1; each key may appear once)"),
        ("a: 2021-02-30\n", "x:1:4: a: 2021-02-30 is not a real date: February 2021 has only 28 days"),
    ],
)
def test_errors_come_from_the_strict_path_with_positions(text, message):
    with pytest.raises(yamlio.InputError) as info:
        yamlio._fast_yaml(text, "x")
    assert info.value.text("en") == message
