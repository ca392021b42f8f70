"""A cache of validated agencies for repeated batch runs over the same folder (``--no-cache`` to skip it).

One SQLite file, ``agencies-v1.sqlite3`` in ``$ISOCHECK_CACHE_DIR``, else ``$XDG_CACHE_HOME/isocheck``, else
``~/.cache/isocheck`` (the XDG rule on Linux, the only system the tool is locked for; two lines do not
need a library). An entry is keyed by the fact file's real path and stamped with its size, modification
and change times, inode, the tool version and the rule-pack version: any change of the file (even one that
keeps its size and modification time, through the change time) or of the tool or pack misses the cache.
A file modified in the last two seconds is not stored (it may still be being written).

The value is the agency as JSON (``model_dump_json(exclude_unset=True)``, compressed), read back through
the fact model, so what was left out stays unknown and a tampered entry is validated like any input —
never a pickle. The folder is created private (0700) and used only when it belongs to the user and nobody
else can write to it. Any problem with the cache (locked, corrupt, read-only) only turns it off: the
batch reads the files as if there were no cache. Each worker process opens its own connection and
writes each entry in its own short transaction (write-ahead log), so workers never wait long for
each other.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import time
import zlib
from pathlib import Path

from pydantic import ValidationError

from isocheck.facts.model import Agency

FILE_NAME = "agencies-v1.sqlite3"
_RECENT_NS = 2_000_000_000


def cache_dir() -> Path:
    """Where the cache lives (see the module docstring)."""
    explicit = os.environ.get("ISOCHECK_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "isocheck"


class AgencyCache:
    """Validated agencies by fact file; ``get`` returns None on a miss, ``put`` stores (committed in batches)."""

    def __init__(self, directory: Path, tool_version: str, pack_version: str):
        self.salt = f"{tool_version}|{pack_version}"
        self.db: sqlite3.Connection | None = None
        with contextlib.suppress(OSError, sqlite3.Error):
            self.db = _open(directory)

    def _stamp(self, st: os.stat_result) -> str:
        return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}:{st.st_dev}:{self.salt}"

    def get(self, key: str, st: os.stat_result) -> Agency | None:
        if self.db is None:
            return None
        try:
            row = self.db.execute("SELECT stamp, data FROM agencies WHERE path = ?", (key,)).fetchone()
            if row is None or row[0] != self._stamp(st):
                return None
            return Agency.model_validate_json(zlib.decompress(row[1]))
        except (sqlite3.Error, zlib.error, ValidationError, ValueError):
            return None

    def put(self, key: str, st: os.stat_result, agency: Agency) -> None:
        if self.db is None or time.time_ns() - st.st_mtime_ns < _RECENT_NS:
            return
        data = zlib.compress(agency.model_dump_json(exclude_unset=True).encode(), 1)
        try:
            self.db.execute(
                "INSERT OR REPLACE INTO agencies (path, stamp, data) VALUES (?, ?, ?)", (key, self._stamp(st), data)
            )
        except sqlite3.Error:
            self.close()

    def close(self) -> None:
        db, self.db = self.db, None
        if db is not None:
            with contextlib.suppress(sqlite3.Error):
                db.close()


def _open(directory: Path) -> sqlite3.Connection | None:
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    st = directory.stat()
    if st.st_uid != os.getuid() or st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return None  # someone else could write entries: not used
    path = directory / FILE_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    os.close(fd)
    db = sqlite3.connect(path, timeout=10, isolation_level=None)  # autocommit: one short transaction per entry
    for _ in range(50):  # two workers opening a new cache at once: one of them waits for the other
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute(
                "CREATE TABLE IF NOT EXISTS agencies (path TEXT PRIMARY KEY, stamp TEXT NOT NULL, data BLOB NOT NULL)"
            )
            return db
        except sqlite3.OperationalError:
            time.sleep(0.05)
    db.close()
    return None
