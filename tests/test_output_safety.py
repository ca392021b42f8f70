"""Output never destroys input, and a failure to write says so (exit 2, one message, nothing half-written)."""

from __future__ import annotations

import errno
import os
import resource
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from isocheck.cli import cli

ROOT = Path(__file__).resolve().parent.parent
FACT = ROOT / "fixtures" / "phuong-duc-thuan-2021.yaml"
ROSTER = ROOT / "fixtures" / "province-ha-tinh-2021" / "roster.csv"


def _run(*args: str):  # these tests read the English messages
    return CliRunner(env={"ISOCHECK_LANG": "en"}).invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def fact(tmp_path) -> Path:
    path = tmp_path / "agency.yaml"
    shutil.copy(FACT, path)
    return path


def _commands(fact: Path, out: Path) -> list[list[str]]:
    return [
        ["check", str(fact), "--as-of", "2021-11-16", "--lang", "en", "-o", str(out)],
        ["report", str(fact), "--as-of", "2021-11-16", "--lang", "en", "-o", str(out)],
        ["explain", str(fact), "--as-of", "2021-11-16", "--lang", "en", "-o", str(out)],
        ["batch", str(fact.parent), "--as-of", "2021-11-16", "--lang", "en", "--no-cache", "-o", str(out)],
    ]


@pytest.mark.parametrize("command", range(4), ids=["check", "report", "explain", "batch"])
@pytest.mark.parametrize("how", ["same", "symlink", "hardlink"])
def test_an_output_that_is_an_input_is_refused_and_the_input_kept(fact, command, how, tmp_path):
    before = fact.read_bytes()
    out = {"same": fact, "symlink": tmp_path / "link.yaml", "hardlink": tmp_path / "hard.yaml"}[how]
    if how == "symlink":
        out.symlink_to(fact)
    elif how == "hardlink":
        os.link(fact, out)
    result = _run(*_commands(fact, out)[command])
    assert result.exit_code == 2, result.output
    assert "is also an input of this command" in result.stderr and "Traceback" not in result.stderr
    assert fact.read_bytes() == before


def test_the_refusal_in_vietnamese(fact):
    result = _run("check", str(fact), "--as-of", "2021-11-16", "--lang", "vi", "-o", str(fact))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"isocheck: lỗi: {fact}: đây cũng là tệp đầu vào của lệnh")


@pytest.mark.parametrize(
    "where, words",
    [
        ("missing/out.txt", "its folder does not exist"),
        ("afile/out.txt", "a part of the path is a file, not a folder"),
    ],
)
def test_an_output_that_cannot_be_written_is_one_message_and_exit_2(fact, tmp_path, where, words):
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    for command in _commands(fact, tmp_path / where):
        result = _run(*command)
        assert result.exit_code == 2, (command, result.output)
        assert result.stderr.count("\n") == 1 and words in result.stderr, result.stderr
        assert "Traceback" not in result.stderr


def test_a_read_only_folder_is_one_message(fact, tmp_path, monkeypatch):
    """The tests run as root, for whom no folder is read-only: the refusal of the system is simulated."""

    def refuse(*a, **kw):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    result = _run("check", str(fact), "--as-of", "2021-11-16", "--lang", "vi", "-o", str(tmp_path / "out.txt"))
    assert result.exit_code == 2
    assert "không có quyền ghi vào thư mục" in result.stderr


BATCH = (sys.executable, "-m", "isocheck", "batch", "--lang", "en")


def _limited(size: int):
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    return limit


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_a_full_disk_keeps_the_existing_file_and_leaves_no_partial_one(fact, tmp_path, fmt):
    """RLIMIT_FSIZE makes the kernel refuse to grow a file past 2 KB, as a full disk would."""
    out = tmp_path / "out" / f"result.{fmt}"
    out.parent.mkdir()
    out.write_text("the previous result\n", encoding="utf-8")
    result = subprocess.run(
        [*BATCH, str(fact), "--as-of", "2021-11-16", "--format", fmt, "--no-cache", "--workers", "1", "-o", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        preexec_fn=_limited(2048),
    )
    assert result.returncode == 2, result.stderr
    assert "the disk is full" in result.stderr and "Traceback" not in result.stderr
    assert out.read_text(encoding="utf-8") == "the previous result\n"
    assert sorted(p.name for p in out.parent.iterdir()) == [out.name]


def test_files_written_with_o_respect_the_umask(fact, tmp_path):
    old = os.umask(0o022)
    try:
        for n, command in enumerate(_commands(fact, tmp_path / "out.txt")):
            out = tmp_path / f"out{n}.txt"
            command[-1] = str(out)
            assert _run(*command).exit_code in (0, 1)
            assert stat.S_IMODE(out.stat().st_mode) == 0o644, command
        assert _run("import", str(ROSTER), "-o", str(tmp_path / "facts")).exit_code == 0
        modes = {stat.S_IMODE(p.stat().st_mode) for p in (tmp_path / "facts").iterdir()}
        assert modes == {0o644}
    finally:
        os.umask(old)


@pytest.mark.parametrize("existing", [False, True])
def test_import_on_a_full_disk_writes_nothing(tmp_path, existing):
    """The roster's fact files are 1.0-1.7 KB; with a 1.4 KB file size limit some fit and some do not:
    nothing at all may be left (a fresh folder is not created; an existing one keeps its content)."""
    out = tmp_path / "facts"
    if existing:
        out.mkdir()
        (out / "keep.txt").write_text("mine", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "isocheck", "import", str(ROSTER), "-o", str(out), "--lang", "en"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        preexec_fn=_limited(1400),
    )
    assert result.returncode == 2, result.stderr
    assert "the disk is full" in result.stderr and "Traceback" not in result.stderr
    if existing:
        assert sorted(p.name for p in out.iterdir()) == ["keep.txt"]
    else:
        assert sorted(p.name for p in tmp_path.iterdir()) == []
