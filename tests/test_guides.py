"""The user guides hold the tool's real output: CI fails when a committed example is stale."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_guides_match_what_the_tool_prints_now():
    result = subprocess.run(
        [sys.executable, str(ROOT / "docs" / "make_guides.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr + "\nregenerate with: python docs/make_guides.py"
