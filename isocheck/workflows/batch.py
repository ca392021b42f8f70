"""Province batch: check many agency fact files in parallel worker processes.

Each worker loads the rule pack once and checks one agency at a time, each in its own engine session.
A bad fact file becomes an ``input_error`` entry for that agency and the batch goes on (``strict``
stops at the first one instead). A worker that dies (a crash in the engine's C core, an action that
kills its process) is reported against the agency it was checking, and a fresh worker takes over.
Results come back in file order whatever the scheduling, so the output is deterministic.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import os
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import wait
from pathlib import Path
from typing import Any

from isocheck.base.errors import InputError
from isocheck.engine.evaluators import after_fork
from isocheck.pack.rules import RulePack
from isocheck.text.ui import fill, ui
from isocheck.workflows.check import check_file
from isocheck.workflows.matrix import marks, verdict
from isocheck.workflows.recorded import recorded

FACT_SUFFIXES = (".yaml", ".yml", ".json")


class StrictStop(Exception):
    """``strict`` mode met a bad fact file; the message is the input error in the chosen language."""


@dataclass(frozen=True)
class BatchConfig:
    as_of: dt.date
    profile: str = "inspection"
    year: int | None = None
    lang: str = "en"
    evaluator: str = "durable"


def collect_files(paths: list[str]) -> list[Path]:
    """Fact files named on the command line; folders are searched recursively (sorted, deterministic)."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in FACT_SUFFIXES and p.is_file()))
        elif path.is_file():
            files.append(path)
        else:
            raise InputError.of(raw, "batch.no_such_path")
    unique = list(dict.fromkeys(files))
    if not unique:
        raise InputError.of(", ".join(paths), "batch.no_files", {"suffixes": ", ".join(FACT_SUFFIXES)})
    return unique


def check_one(path: Path, config: BatchConfig, pack: RulePack, waivers) -> dict[str, Any]:
    """One agency's batch entry: identity, verdict, matrix marks, counts and rendered results."""
    try:
        report = check_file(
            path, config.as_of, config.profile, pack, config.evaluator, year=config.year, waivers=waivers
        )
    except InputError as exc:
        return failed_entry(path, "input_error", exc.text(config.lang))
    ident = report.agency.agency
    results = [f.render(config.lang) for f in report.findings]
    row = marks(results)
    return {
        "file": str(path),
        "name": ident.name,
        "level": ident.level,
        "province": ident.province,
        "standard": ident.standard,
        "status": "checked",
        "error": None,
        "verdict": verdict(results, row),
        "readiness": report.readiness.to_dict() if report.readiness is not None else None,
        "recorded": recorded(report.agency, report.year, config.as_of),
        "matrix": row,
        "counts": report.summary.to_dict(),
        "results": results,
    }


def failed_entry(path: Path, status: str, error: str) -> dict[str, Any]:
    return {
        "file": str(path),
        "name": None,
        "level": None,
        "province": None,
        "standard": None,
        "status": status,
        "error": error,
        "verdict": "input_error" if status == "input_error" else "error",
        "readiness": None,
        "recorded": None,
        "matrix": None,
        "counts": None,
        "results": [],
    }


def run_batch(
    files: list[Path],
    config: BatchConfig,
    pack: RulePack,
    waivers=None,
    workers: int | None = None,
    strict: bool = False,
) -> list[dict[str, Any]]:
    """Check every file; return one entry per file, in file order."""
    workers = max(1, min(workers or os.cpu_count() or 1, len(files)))
    return _Pool(files, config, pack, waivers, workers, strict).run()


def _worker(conn, config: BatchConfig, pack: RulePack, waivers) -> None:
    after_fork()
    while True:
        item = conn.recv()
        if item is None:
            return
        index, path = item
        conn.send((index, check_one(path, config, pack, waivers)))


class _Pool:
    """Forked workers fed one file at a time over pipes; a pipe that closes early means its worker died."""

    def __init__(self, files, config, pack, waivers, size: int, strict: bool):
        self.todo = deque(enumerate(files))
        self.config, self.pack, self.waivers, self.strict = config, pack, waivers, strict
        self.size = size
        self.results: dict[int, dict[str, Any]] = {}
        self.busy: dict[Any, tuple[mp.Process, tuple[int, Path] | None]] = {}
        self.total = len(files)

    def run(self) -> list[dict[str, Any]]:
        ctx = mp.get_context("fork")  # workers inherit the loaded pack; the engine is built in each worker
        try:
            for _ in range(self.size):
                self._start(ctx)
            while self.busy:
                for conn in wait(list(self.busy)):
                    self._receive(ctx, conn)
        finally:
            for conn, (process, _) in list(self.busy.items()):
                process.kill()
                process.join()
                conn.close()
        return [self.results[i] for i in range(self.total)]

    def _start(self, ctx) -> None:
        if not self.todo:
            return
        parent, child = ctx.Pipe()
        process = ctx.Process(target=_worker, args=(child, self.config, self.pack, self.waivers), daemon=True)
        process.start()
        child.close()
        self.busy[parent] = (process, None)
        self._feed(parent)

    def _feed(self, conn) -> None:
        process, _ = self.busy[conn]
        if self.todo:
            item = self.todo.popleft()
            self.busy[conn] = (process, item)
            conn.send(item)
        else:
            conn.send(None)
            process.join()
            conn.close()
            del self.busy[conn]

    def _receive(self, ctx, conn) -> None:
        process, item = self.busy[conn]
        try:
            index, entry = conn.recv()
        except (EOFError, OSError):  # the worker died while checking ``item``
            process.join()
            del self.busy[conn]
            conn.close()
            if item is not None:
                index, path = item
                self.results[index] = failed_entry(
                    path, "crashed", fill(ui("batch.crashed", self.config.lang), {"code": process.exitcode}, "en")
                )
            self._start(ctx)
            return
        self.results[index] = entry
        if self.strict and entry["status"] == "input_error":
            raise StrictStop(entry["error"])
        self._feed(conn)
