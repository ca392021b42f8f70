"""Golden tests: the table (both languages) and JSON for every fixture are exactly as committed."""

from __future__ import annotations

import pytest
from golden import FIXTURES, RENDERINGS, golden_path, render


@pytest.mark.parametrize("fixture", sorted(FIXTURES))
@pytest.mark.parametrize("fmt, lang, suffix", RENDERINGS)
def test_output_matches_golden(fixture, fmt, lang, suffix):
    output, code = render(fixture, fmt, lang)
    assert code in (0, 1)
    expected = golden_path(fixture, suffix).read_text(encoding="utf-8")
    assert output == expected, "regenerate with `python tests/golden.py` if the change is intended"
