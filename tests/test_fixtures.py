"""Golden tests: the table (both languages) and JSON for every fixture, and the province batches, are exactly as
committed."""

from __future__ import annotations

import pytest
from golden import BATCHES, FIXTURES, GOLDEN, RENDERINGS, golden_path, render, render_batch


@pytest.mark.parametrize("fixture", sorted(FIXTURES))
@pytest.mark.parametrize("fmt, lang, suffix", RENDERINGS)
def test_output_matches_golden(fixture, fmt, lang, suffix):
    output, code = render(fixture, fmt, lang)
    assert code in (0, 1)
    expected = golden_path(fixture, suffix).read_text(encoding="utf-8")
    assert output == expected, "regenerate with `python tests/golden.py` if the change is intended"


@pytest.mark.parametrize("name, source, as_of, year, profile, fmt, lang", BATCHES, ids=[b[0] for b in BATCHES])
def test_batch_matches_golden(name, source, as_of, year, profile, fmt, lang):
    """The province matrices in the provincial layout: levels of government, units under their parent, x/N."""
    output, code = render_batch(source, as_of, year, profile, fmt, lang)
    assert code == 1  # both provinces have nonconformities
    assert output == (GOLDEN / name).read_text(encoding="utf-8"), "regenerate with `python tests/golden.py`"
