"""Batch inputs: links that leave the folders given, FIFOs and folders named like fact files are skipped
and reported once; identity is the file's path, so two agencies with one name stay apart."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from isocheck.base.errors import InputError
from isocheck.cli import cli
from isocheck.workflows.batch.inputs import collect_files

ROOT = Path(__file__).resolve().parent.parent
FACT = ROOT / "fixtures" / "phuong-duc-thuan-2021.yaml"
OTHER = ROOT / "fixtures" / "huyen-van-2008.yaml"


def _run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_links_out_fifos_and_folders_are_skipped_and_reported_once(tmp_path):
    batch = tmp_path / "batch"
    (batch / "sub").mkdir(parents=True)
    shutil.copy(FACT, batch / "a.yaml")
    outside = tmp_path / "secret.yaml"
    outside.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    (batch / "passwd.yaml").symlink_to(outside)
    (batch / "sub" / "inside.yaml").symlink_to(batch / "a.yaml")  # the same file again: checked once
    (batch / "up").symlink_to(tmp_path)  # a folder link out
    os.mkfifo(batch / "pipe.yaml")
    (batch / "folder.yaml").mkdir()
    shutil.copy(OTHER, batch / "folder.yaml" / "b.yaml")
    files, skipped = collect_files([str(batch)])
    assert [f.id for f in files] == ["a.yaml", "folder.yaml/b.yaml"]
    assert sorted((Path(s.path).name, s.reason) for s in skipped) == [
        ("folder.yaml", "folder"),
        ("passwd.yaml", "link_outside"),
        ("pipe.yaml", "fifo"),
        ("up", "link_outside"),
    ]
    result = _run("batch", str(batch), "--as-of", "2021-11-16", "--format", "json", "--no-cache", "--lang", "vi")
    doc = json.loads(result.stdout)
    assert "root:x" not in result.stdout and len(doc["agencies"]) == 2
    warnings = result.stderr.splitlines()
    assert len(warnings) == 4 and all(w.startswith("isocheck: cảnh báo: bỏ qua ") for w in warnings)
    assert any("passwd.yaml: liên kết trỏ ra ngoài các thư mục được chỉ định" in w for w in warnings)
    assert sorted(s["reason"] for s in doc["skipped"]) == ["fifo", "folder", "link_outside", "link_outside"]


def test_a_link_inside_the_folders_given_is_followed(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "links").mkdir()
    shutil.copy(FACT, tmp_path / "real" / "a.yaml")
    (tmp_path / "links" / "b.yaml").symlink_to(tmp_path / "real" / "a.yaml")
    with pytest.raises(InputError, match="no fact files found"):  # alone, the link leads out of the folder
        collect_files([str(tmp_path / "links")])
    files, skipped = collect_files([str(tmp_path / "links"), str(tmp_path / "real")])
    assert [f.id for f in files] == ["b.yaml"] and skipped == []


def test_two_agencies_with_one_name_are_two_agencies_and_a_rerun_on_its_own_baseline_is_quiet(tmp_path):
    batch = tmp_path / "batch"
    (batch / "huyen-a").mkdir(parents=True)
    (batch / "huyen-b").mkdir()
    shutil.copy(OTHER, batch / "huyen-a" / "ubnd.yaml")
    shutil.copy(OTHER, batch / "huyen-b" / "ubnd.yaml")
    shutil.copy(FACT, batch / "phuong.yaml")
    args = ("batch", str(batch), "--as-of", "2021-11-16", "--format", "json", "--no-cache", "--lang", "en")
    first = _run(*args)
    doc = json.loads(first.stdout)
    assert [a["id"] for a in doc["agencies"]] == ["huyen-a/ubnd.yaml", "huyen-b/ubnd.yaml", "phuong.yaml"]
    assert "the agency name 'Phòng Tư pháp huyện Lệ Thủy' is in 2 files" in first.stderr
    baseline = tmp_path / "before.json"
    baseline.write_text(first.stdout, encoding="utf-8")
    again = json.loads(_run(*args, "--baseline", str(baseline)).stdout)
    totals = again["summary"]["baseline"]
    assert totals["new"] == 0 and totals["resolved"] == 0 and totals["remaining"] > 0
    assert totals["agencies_not_in_baseline"] == 0


def test_an_old_baseline_without_ids_is_matched_by_name(tmp_path):
    batch = tmp_path / "batch"
    batch.mkdir()
    shutil.copy(OTHER, batch / "huyen.yaml")
    args = ("batch", str(batch), "--as-of", "2021-11-16", "--format", "json", "--no-cache")
    doc = json.loads(_run(*args).stdout)
    for a in doc["agencies"]:
        del a["id"]
    baseline = tmp_path / "old.json"
    baseline.write_text(json.dumps(doc), encoding="utf-8")
    again = json.loads(_run(*args, "--baseline", str(baseline)).stdout)
    assert again["summary"]["baseline"]["new"] == 0 and again["summary"]["baseline"]["remaining"] > 0
