"""The streaming batch: the same bytes whatever the number of workers, the grid tables laid out as
tabulate lays them out, one valid JSON document, only what the format needs from the workers, and the
cache of validated agencies."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import example, given, settings
from hypothesis import strategies as st
from tabulate import tabulate

from isocheck import __version__
from isocheck.cli import cli
from isocheck.report.batch.grid import Widths, grid_rows
from isocheck.workflows import batch
from isocheck.workflows.batch import BatchConfig, _Loader, check_one
from isocheck.workflows.batch.cache import FILE_NAME, AgencyCache
from isocheck.workflows.batch.inputs import FactFile

ROOT = Path(__file__).resolve().parent.parent
PROVINCE = ROOT / "fixtures" / "province-ha-tinh-2021" / "facts"
FACT = ROOT / "fixtures" / "phuong-duc-thuan-2021.yaml"


def _run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.mark.parametrize("fmt", ["table", "md", "csv", "json", "html"])
def test_the_output_does_not_depend_on_the_number_of_workers(fmt):
    args = ("batch", str(PROVINCE), "--as-of", "2021-12-20", "--year", "2021", "--format", fmt, "--no-cache")
    one, two = _run(*args, "--workers", "1"), _run(*args, "--workers", "2")
    assert one.exit_code == two.exit_code == 1
    assert one.stdout_bytes == two.stdout_bytes


cells = st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyạảấầẩẫậ ÀỆỒ-/.0123456789", max_size=70)


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(st.lists(cells, min_size=3, max_size=3), min_size=1, max_size=6))
@example(rows=[["1", "0" * 38 + "-00", "x"]])  # a long word with a hyphen: tabulate fills the line
def test_the_streamed_grid_is_laid_out_as_tabulate_lays_it_out(rows):
    rows = [[" ".join(c.split()) for c in row] for row in rows]  # tabulate collapses what it wraps
    headers = ["TT", "Tên đơn vị", "Kết luận"]
    widths = Widths(headers, [None, 40])
    for row in rows:
        widths.add(row)
    ours = "\n".join(grid_rows(widths, rows))
    theirs = tabulate(rows, headers, tablefmt="simple_grid", disable_numparse=True, maxcolwidths=[None, 40])
    assert ours == theirs


def test_json_is_one_document_with_the_agencies_in_file_order():
    out = _run("batch", str(PROVINCE), "--as-of", "2021-12-20", "--year", "2021", "--format", "json", "--no-cache")
    doc = json.loads(out.stdout)
    head = ["tool", "version", "as_of", "year", "profile", "rules_version", "lang"]
    assert list(doc) == [*head, "agencies", "skipped", "summary"]
    ids = [a["id"] for a in doc["agencies"]]
    assert ids == sorted(p.name for p in PROVINCE.glob("*.yaml"))
    assert all(a["results"] and a["results"][0]["citations"] for a in doc["agencies"])
    assert doc["summary"]["by_level"]["total"]["agencies"] == 32
    assert out.stdout == json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def test_the_worker_renders_results_only_for_formats_that_show_them(pack):
    fact = FactFile(FACT, FACT.name)
    table = check_one(fact, BatchConfig(as_of=dt.date(2021, 11, 16)), pack)
    assert "results" not in table and table["verdict"] == "conforms"
    json_entry = check_one(fact, BatchConfig(as_of=dt.date(2021, 11, 16), results=True), pack)
    assert len(json_entry["results"]) == sum(table["counts"]["outcomes"].values())


def test_a_cached_agency_is_not_read_again_until_its_file_changes(tmp_path, monkeypatch, pack):
    path = tmp_path / "a.yaml"
    shutil.copy(FACT, path)
    os.utime(path, (1_600_000_000, 1_600_000_000))  # not just written: it may be cached
    cache = AgencyCache(tmp_path / "cache", __version__, pack.version)
    loader = _Loader(cache)
    first = loader.agency(path, dt.date(2021, 11, 16))
    assert stat.S_IMODE((tmp_path / "cache").stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "cache" / FILE_NAME).stat().st_mode) == 0o600

    def no_reading(*a, **kw):
        raise AssertionError("read again")

    monkeypatch.setattr(batch, "load_document", no_reading)
    again = _Loader(AgencyCache(tmp_path / "cache", __version__, pack.version)).agency(path, dt.date(2021, 11, 16))
    assert again == first and again.model_fields_set == first.model_fields_set
    other_pack = _Loader(AgencyCache(tmp_path / "cache", __version__, "9.9.9"))
    with pytest.raises(AssertionError, match="read again"):
        other_pack.agency(path, dt.date(2021, 11, 16))
    path.write_text(path.read_text(encoding="utf-8").replace("UBND phường Đức Thuận", "UBND phường Đức Thuận mới"))
    os.utime(path, (1_600_000_000, 1_600_000_000))  # same times, same size or not: the change time moved
    with pytest.raises(AssertionError, match="read again"):
        _Loader(AgencyCache(tmp_path / "cache", __version__, pack.version)).agency(path, dt.date(2021, 11, 16))


def test_a_batch_with_the_cache_gives_the_same_output(tmp_path, monkeypatch):
    monkeypatch.setenv("ISOCHECK_CACHE_DIR", str(tmp_path / "cache"))
    facts = tmp_path / "facts"
    shutil.copytree(PROVINCE, facts)
    for path in facts.iterdir():
        os.utime(path, (1_600_000_000, 1_600_000_000))
    args = ("batch", str(facts), "--as-of", "2021-12-20", "--year", "2021", "--format", "json")
    cold = _run(*args)
    with sqlite3.connect(tmp_path / "cache" / FILE_NAME) as db:  # every worker committed its entries
        assert db.execute("SELECT COUNT(*) FROM agencies").fetchone() == (32,)
    warm, bypass = _run(*args), _run(*args, "--no-cache")
    assert cold.stdout == warm.stdout == bypass.stdout


def test_a_cache_folder_others_can_write_is_not_used(tmp_path, pack):
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o777)
    assert AgencyCache(folder, __version__, pack.version).db is None
