"""A batch survives its faults: a worker killed at any moment, the parent killed, Ctrl-C.

In-process runs (CliRunner) fork their workers from the test process, so a fault planted with
monkeypatch before the batch starts is inherited by the workers. Runs that kill the parent or press
Ctrl-C start ``isocheck batch`` as a subprocess of its own session over generated agencies."""

from __future__ import annotations

import concurrent.futures.process as cf_process
import json
import multiprocessing
import os
import random
import signal
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from isocheck.cli import cli

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    from generate import write

    target = tmp_path_factory.mktemp("generated") / "facts"
    write(target, 240)
    return target


def _batch_json(*args: str) -> dict:
    result = CliRunner().invoke(cli, ["batch", *args, "--format", "json", "--no-cache"], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)


def _verdicts(doc: dict) -> dict[str, tuple[str, str]]:
    return {a["id"]: (a["status"], a["verdict"]) for a in doc["agencies"]}


def test_a_worker_killed_right_after_sending_a_result_loses_nothing(folder, monkeypatch):
    """The third result is sent, then its worker is killed: that result is kept, the agencies queued on
    the dead pool are checked by fresh workers, the whole batch is written."""
    clean = _verdicts(_batch_json(str(folder), "--as-of", "2021-11-16", "--workers", "2"))
    sent = multiprocessing.Value("i", 0)
    real = cf_process._sendback_result

    def send_then_die(result_queue, work_id, result=None, exception=None, **kw):
        real(result_queue, work_id, result=result, exception=exception, **kw)
        with sent.get_lock():
            sent.value += 1
            mine = sent.value
        if mine == 3:
            os.kill(os.getpid(), signal.SIGKILL)

    monkeypatch.setattr(cf_process, "_sendback_result", send_then_die)
    doc = _batch_json(str(folder), "--as-of", "2021-11-16", "--workers", "2")
    assert sent.value >= 3
    assert _verdicts(doc) == clean
    assert doc["summary"]["by_level"]["total"]["agencies"] == 7


def test_a_worker_killed_while_sending_a_result_loses_nothing(folder, monkeypatch):
    """Half of the third result is written to the result pipe, then its worker is killed: the executor's
    thread would wait for the rest of that message for ever. The pool notices the dead worker, the
    agencies of the cut result are checked again, the whole batch is written."""
    clean = _verdicts(_batch_json(str(folder), "--as-of", "2021-11-16", "--workers", "2"))
    sent = multiprocessing.Value("i", 0)
    real = cf_process._sendback_result

    def cut_then_die(result_queue, work_id, result=None, exception=None, **kw):
        with sent.get_lock():
            sent.value += 1
            mine = sent.value
        if mine == 3:
            os.write(result_queue._writer.fileno(), struct.pack("!i", 1 << 20) + b"\x80\x04")
            os.kill(os.getpid(), signal.SIGKILL)
        real(result_queue, work_id, result=result, exception=exception, **kw)

    monkeypatch.setattr(cf_process, "_sendback_result", cut_then_die)
    doc = _batch_json(str(folder), "--as-of", "2021-11-16", "--workers", "2")
    assert sent.value >= 3
    assert _verdicts(doc) == clean


def test_a_worker_killed_while_checking_loses_only_that_agency(folder, monkeypatch, tmp_path):
    """SIGKILL while Thạch Hạ's file is being read: it is reported as crashed with its file name and the
    signal; every other agency is reported; the output file is written."""
    from isocheck.workflows import batch

    real = batch.load_document

    def load(path, *a, **kw):
        if Path(path).name == "xa-chua-san-sang-cong-bo.yaml":
            os.kill(os.getpid(), signal.SIGKILL)
        return real(path, *a, **kw)

    monkeypatch.setattr(batch, "load_document", load)
    out = tmp_path / "out.json"
    result = CliRunner().invoke(
        cli,
        ["batch", str(folder), "--as-of", "2021-11-16", "--format", "json", "--no-cache", "-o", str(out)],
        catch_exceptions=False,
    )
    assert result.exit_code == 1
    doc = json.loads(out.read_text(encoding="utf-8"))
    status = {a["id"]: a["status"] for a in doc["agencies"]}
    assert status.pop("xa-chua-san-sang-cong-bo.yaml") == "crashed"
    assert set(status.values()) == {"checked"} and len(status) == 6
    crashed = next(a for a in doc["agencies"] if a["status"] == "crashed")
    assert crashed["file"].endswith("xa-chua-san-sang-cong-bo.yaml") and "SIGKILL" in crashed["error"]


def test_workers_that_cannot_start_stop_the_batch_with_one_message(folder, monkeypatch, tmp_path):
    from isocheck.workflows import batch

    monkeypatch.setattr(batch, "after_fork", lambda: os._exit(3))
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(
        cli, ["batch", str(folder), "--as-of", "2021-11-16", "--no-cache", "--lang", "vi", "-o", str(out)]
    )
    assert result.exit_code == 1 and not out.exists()
    assert result.stderr == (
        "isocheck: lỗi: các tiến trình kiểm tra bị dừng đột ngột 3 lần liên tiếp trước khi kiểm tra được cơ quan nào; "
        "không ghi tệp kết quả\n"
    )


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(delays=st.lists(st.floats(min_value=0.0, max_value=2.5), min_size=1, max_size=3), seed=st.integers(0, 99))
def test_workers_killed_at_random_moments_lose_at_most_the_agencies_they_were_checking(generated, delays, seed):
    """A generated batch in which workers are SIGKILLed at random moments: every agency is reported once,
    at most one per kill is lost (crashed, with its file), every other one has its clean verdict."""
    clean = _CLEAN.get(generated) or _CLEAN.setdefault(
        generated, _verdicts(_batch_json(str(generated), "--as-of", "2021-11-16", "--workers", "2"))
    )
    rng = random.Random(seed)
    kills: list[int] = []
    stop = threading.Event()

    def killer() -> None:
        for delay in sorted(delays):
            if stop.wait(delay / len(delays)):
                return
            children = [p.pid for p in multiprocessing.active_children() if p.pid]
            if children:
                pid = rng.choice(children)
                try:
                    os.kill(pid, signal.SIGKILL)
                    kills.append(pid)
                except ProcessLookupError:
                    pass

    thread = threading.Thread(target=killer)
    thread.start()
    try:
        doc = _batch_json(str(generated), "--as-of", "2021-11-16", "--workers", "2")
    finally:
        stop.set()
        thread.join()
    got = _verdicts(doc)
    assert set(got) == set(clean)
    crashed = {ident for ident, (status, _) in got.items() if status == "crashed"}
    assert len(crashed) <= len(kills)
    assert {k: v for k, v in got.items() if k not in crashed} == {k: v for k, v in clean.items() if k not in crashed}
    for a in doc["agencies"]:
        if a["status"] == "crashed":
            assert a["file"].endswith(a["id"]) and a["error"]


_CLEAN: dict = {}


# -- the parent killed, Ctrl-C ----------------------------------------------------------------------


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.add(int(entry.name))
    return found


def _alive(pids: set[int]) -> set[int]:
    alive = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.add(pid)
    return alive


BATCH = (sys.executable, "-m", "isocheck", "batch", "--workers", "2")


def _start(generated: Path, out: Path, lang: str = "en") -> tuple[subprocess.Popen, set[int]]:
    process = subprocess.Popen(
        [
            *BATCH,
            str(generated),
            "--as-of",
            "2021-11-16",
            "--format",
            "json",
            "--no-cache",
            "--lang",
            lang,
            "-o",
            str(out),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 30
    workers: set[int] = set()
    while time.monotonic() < deadline and len(workers) < 2:
        workers = _children(process.pid)
        time.sleep(0.05)
    assert len(workers) >= 2, "the workers did not start"
    time.sleep(0.3)
    return process, workers


def _gone_within(pids: set[int], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not _alive(pids):
            return True
        time.sleep(0.05)
    return False


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_no_worker_outlives_its_parent(generated, tmp_path, sig):
    out = tmp_path / "out.json"
    process, workers = _start(generated, out)
    process.send_signal(sig)
    process.wait(timeout=30)
    assert _gone_within(workers, 5), f"workers still alive after the parent got {sig.name}"
    assert not out.exists()
    if sig == signal.SIGTERM:  # handled: the temporary file is removed too (SIGKILL cannot be handled)
        assert process.returncode == 128 + signal.SIGTERM and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "lang, words", [("vi", "đã dừng theo yêu cầu (Ctrl-C)"), ("en", "stopped on request (Ctrl-C)")]
)
def test_ctrl_c_exits_130_with_one_line_and_leaves_nothing(generated, tmp_path, lang, words):
    out = tmp_path / "out.json"
    process, workers = _start(generated, out, lang)
    os.killpg(process.pid, signal.SIGINT)  # the terminal sends it to the whole process group
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 130
    assert stderr.count("\n") == 1 and words in stderr and "Traceback" not in stderr, stderr
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == []
    assert _gone_within(workers, 5)


def test_a_reader_that_goes_away_stops_the_batch_quietly(generated):
    """``isocheck batch … | head -1``: exit 141 (SIGPIPE), no traceback, no worker left."""
    process = subprocess.Popen(
        [*BATCH, str(generated), "--as-of", "2021-11-16", "--format", "csv", "--no-cache"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stdout.readline()
    workers = _children(process.pid)
    process.stdout.close()
    assert process.wait(timeout=60) == 128 + signal.SIGPIPE
    assert process.stderr is not None and process.stderr.read() == b""
    assert _gone_within(workers, 5)
