"""Golden outputs of the fixtures: which fixtures, as of which date, and how to render them.

Regenerate after an intended change with ``python tests/golden.py`` and review the diff.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
GOLDEN = HERE / "golden"

# fixture file -> as-of date of the check (the date of the report it is built from)
FIXTURES = {
    "phuong-duc-thuan-2021.yaml": "2021-11-16",
    "so-xay-dung-ha-tinh-2022.yaml": "2022-11-18",
    "bql-kcn-ninh-thuan-2021.yaml": "2021-11-16",
    "xa-chua-san-sang-cong-bo.yaml": "2021-11-16",
    "chi-cuc-thay-doi-pham-vi.yaml": "2021-11-16",
    "huyen-van-2008.yaml": "2021-11-16",
    "so-cap-nhat-van-ban-tre.yaml": "2021-11-16",
    "xa-thieu-thong-tin.yaml": "2021-11-16",
}
RENDERINGS = [("table", "en", "en.txt"), ("table", "vi", "vi.txt"), ("json", "en", "json")]


def render(fixture: str, fmt: str, lang: str) -> tuple[str, int]:
    """The CLI's output and exit code for one fixture (run in-process, as a user would type it)."""
    from click.testing import CliRunner

    from isocheck.cli import cli

    args = ["check", f"fixtures/{fixture}", "--as-of", FIXTURES[fixture], "--format", fmt, "--lang", lang]
    import os

    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(cli, args, catch_exceptions=False)
    finally:
        os.chdir(cwd)
    return result.output, result.exit_code


# the province batches: (golden file, the facts folder or the roster imported first, as-of, year, profile, format, lang)
PROVINCE_2021 = "province-ha-tinh-2021/facts"
ROSTER_2025 = "roster-ha-tinh-2025-marks/roster.csv"
ROSTER_MANDATE = (
    "--mandated-by",
    "01/KH-UBND",
    "--mandated-on",
    "2025-01-02",
    "--mandated-issuer",
    "UBND tỉnh Hà Tĩnh",
)
BATCHES = [
    ("batch-province-ha-tinh-2021.vi.md", PROVINCE_2021, "2021-12-20", "2021", "inspection", "md", "vi"),
    ("batch-province-ha-tinh-2021.en.txt", PROVINCE_2021, "2021-12-20", "2021", "inspection", "table", "en"),
    ("batch-roster-ha-tinh-2025.vi.md", ROSTER_2025, "2026-01-15", "2025", "annual", "md", "vi"),
]  # fmt: skip


def render_batch(
    source: str, as_of: str, year: str, profile: str, fmt: str, lang: str, output: Path | None = None
) -> tuple[str, int]:
    """``isocheck batch`` on a fixture folder (a roster is imported first, as its README does), in-process; with
    ``output``, written there (``-o``)."""
    import tempfile

    from click.testing import CliRunner

    from isocheck.cli import cli

    with tempfile.TemporaryDirectory() as tmp:
        folder = ROOT / "fixtures" / source
        if source.endswith(".csv"):
            facts = Path(tmp) / "facts"
            imported = CliRunner().invoke(cli, ["import", str(folder), "-o", str(facts), *ROSTER_MANDATE])
            assert imported.exit_code == 0, imported.output
            folder = facts
        args = ["batch", str(folder), "--as-of", as_of, "--year", year, "--profile", profile, "--format", fmt]
        args += ["--lang", lang, "--no-cache", "--workers", "1", *(["-o", str(output)] if output else [])]
        result = CliRunner().invoke(cli, args, catch_exceptions=False)
    return result.stdout, result.exit_code


def golden_path(fixture: str, suffix: str) -> Path:
    return GOLDEN / f"{Path(fixture).stem}.{suffix}"


def regenerate() -> None:
    GOLDEN.mkdir(exist_ok=True)
    for fixture in FIXTURES:
        for fmt, lang, suffix in RENDERINGS:
            output, code = render(fixture, fmt, lang)
            golden_path(fixture, suffix).write_text(output, encoding="utf-8")
            print(f"{fixture} {fmt}/{lang}: exit {code}")
    for name, *args in BATCHES:
        output, code = render_batch(*args)
        (GOLDEN / name).write_text(output, encoding="utf-8")
        print(f"{name}: exit {code}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    regenerate()
