"""isocheck's own limits run before any parser: the messages never depend on a YAML library's version."""

from __future__ import annotations

import pytest

from isocheck.base.errors import InputError
from isocheck.facts.limits import MAX_DEPTH, MAX_DIGITS, long_number, too_deep
from isocheck.facts.parse import load_document

DEEP = "nested more than 100 levels deep; no input file is that deep (a structure that contains itself?)"


def _error(tmp_path, text: str, name: str = "a.yaml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_document(path)
    return info.value.text("en").replace(str(path), "{f}")


@pytest.mark.parametrize("depth", [1_000, 1_001, 5_000, 100_000])
def test_flow_nesting_past_any_parser_limit_gets_isocheck_message(tmp_path, depth):
    # libyaml 0.2.5 stops at 1,000 levels and yaml-rs at 256, each with its own words
    assert _error(tmp_path, "a: " + "[" * depth + "]" * depth + "\n") == "{f}:1:103: " + DEEP


def test_block_nesting_past_libyaml_limit_gets_isocheck_message(tmp_path):
    text = "a:\n" + "".join(" " * (i + 1) + f"k{i}:\n" for i in range(1_200)) + " " * 1_201 + "x: 1\n"
    assert _error(tmp_path, text) == "{f}:100:100: " + DEEP


def test_compact_sequences_past_libyaml_limit(tmp_path):
    assert _error(tmp_path, "a:\n" + "- " * 2_000 + "x\n") == "{f}:2:199: " + DEEP


def test_flow_nesting_inside_block_entries(tmp_path):
    assert _error(tmp_path, "a:\n  - b: " + "{" * 150 + "}" * 150 + "\n") == "{f}:2:105: " + DEEP


def test_brackets_in_quoted_text_and_comments_are_not_nesting(tmp_path):
    text = (
        "agency:\n  name: '" + "[" * 300 + "'\n  note: \"" + "{" * 300 + '"\n  # ' + "[" * 300 + "\n"
        "  plain: it's [a] " + "[" * 5 + "\n"
    )
    assert too_deep(text) is None
    path = tmp_path / "a.yaml"
    path.write_text(text, encoding="utf-8")
    data, _ = load_document(path)
    assert data["agency"]["name"] == "[" * 300 and data["agency"]["note"] == "{" * 300


def test_many_shallow_brackets_are_read_by_the_pure_python_parser_the_same(tmp_path):
    # more brackets than libyaml's scanner limit, but shallow: read, and read the same as a short one
    text = "items:\n" + "".join(f"  - [{i}, {{a: {i}}}]\n" for i in range(1_500))
    assert too_deep(text) is None
    path = tmp_path / "a.yaml"
    path.write_text(text, encoding="utf-8")
    data, lines = load_document(path)
    assert data["items"][1_499] == [1_499, {"a": 1_499}]
    assert lines[("items", 1_499)] == 1_501


def test_the_limit_is_exactly_max_depth():
    # the root mapping is level 1, so MAX_DEPTH - 1 brackets inside it are allowed
    assert too_deep("a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)) is None
    assert too_deep("a: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH) == (1, 3 + MAX_DEPTH)
    assert too_deep("[" * MAX_DEPTH + "]" * MAX_DEPTH) is None
    assert too_deep("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)) == (1, MAX_DEPTH + 1)


@pytest.mark.parametrize(
    "text",
    [
        "a:\n" + "".join(" " * (i + 1) + f"k{i}:\n" for i in range(150)) + " " * 151 + "x: 1\n",
        "a:\n" + "- " * 150 + "x\n",
        "a:\n  - b: " + "{" * 150 + "}" * 150 + "\n",
        "a: " + "[" * 150 + "]" * 150 + "\n",
        "[" * 150 + "]" * 150 + "\n",
    ],
)
def test_the_scan_and_the_strict_composer_point_at_the_same_node(text):
    # the composer is the second line of defence; both must name the same place
    from isocheck.facts import yaml_strict

    loader = yaml_strict._GuardedLoader(text)
    with pytest.raises(yaml_strict._TooDeep) as info:
        yaml_strict._Walker(loader, "f").walk(loader.get_single_node())
    assert too_deep(text) == (info.value.mark.line + 1, info.value.mark.column + 1)


@pytest.mark.parametrize("digits", [MAX_DIGITS - 1, MAX_DIGITS, MAX_DIGITS + 1, 2 * MAX_DIGITS])
@pytest.mark.parametrize("before", [0, 1, 250, 499, 500, 501, 999, 1_000, 1_499])
def test_a_long_run_of_digits_is_found_wherever_it_starts(digits, before):
    """The search only runs where a whole block of digits shows a run may be there: none is missed, at any
    place against the blocks, and a run of exactly the limit is allowed."""
    text = "a: '" + "x" * before + "\n" + "b: " + "7" * digits + "\n"
    found = long_number(text)
    if digits <= MAX_DIGITS:
        assert found is None
    else:
        assert found == (2, 4, digits)


def test_digits_of_other_scripts_are_not_a_long_number():
    assert long_number("a: " + "\u0663" * (2 * MAX_DIGITS) + "\n") is None  # Arabic-Indic three
