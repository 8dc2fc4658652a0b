"""Where the web app reads a store from: the writer's own connection, or snapshots published for other processes.

A DuckDB file is written by one process at a time, and a reader in another process would block it. So a server that
does not write reads a snapshot of the store (:func:`lagebild.store.snapshot_path`): it marks the store as served,
copies the file itself while no writer holds it, and otherwise switches to each snapshot the writer publishes after
its commits. A server that writes (``serve --watch``) owns the store and gives each request its own cursor.
"""

from __future__ import annotations

import os
import threading
import time
import uuid
from pathlib import Path
from typing import Protocol

import duckdb

from lagebild.store import Store, StoreError, copy_to_snapshot, serving_marker, snapshot_path
from lagebild.store.schema import SCHEMA_VERSION

CHECK_SECONDS = 0.5
"""How often a snapshot reader looks for a newer snapshot (or a changed store to copy)."""
RETIRE_SECONDS = 120.0
"""How long a replaced snapshot stays open for requests still reading it."""


class StoreSource(Protocol):
    """Gives each request a read view of the store."""

    def reader(self) -> Store: ...

    def close(self) -> None: ...


class OwnedStore:
    """The store of a process that writes it (``serve --watch``): each request reads through its own cursor."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def reader(self) -> Store:
        return self.store.reader()

    def close(self) -> None:
        """The owner closes the store itself."""


class PublishedStore:
    """Reads the latest snapshot of a store that another process may be writing."""

    def __init__(self, path: str | Path, check_seconds: float = CHECK_SECONDS) -> None:
        self.path = Path(path)
        self.check_seconds = check_seconds
        self._lock = threading.Lock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._link: Path | None = None
        self._key: tuple[int, int] | None = None
        self._checked = 0.0
        self._retired: list[tuple[float, duckdb.DuckDBPyConnection, Path]] = []
        self._marked = False
        self._direct: duckdb.DuckDBPyConnection | None = None

    def reader(self) -> Store:
        if self._direct is None and (
            time.monotonic() - self._checked >= self.check_seconds or self._con is None
        ):
            with self._lock:
                try:
                    self._refresh()
                except OSError:  # no snapshot can be written next to the store (a read-only folder): read it
                    self._direct = self._direct or Store(self.path, read_only=True).con
        con = self._direct or self._con
        if con is None:
            raise StoreError(f"store {self.path} is being written and has no snapshot yet; retry shortly")
        return Store.over(con.cursor(), self.path)

    def close(self) -> None:
        with self._lock:
            for _, con, link in self._retired:
                _drop(con, link)
            self._retired.clear()
            if self._con is not None and self._link is not None:
                _drop(self._con, self._link)
            self._con = None
            if self._marked:
                serving_marker(self.path).unlink(missing_ok=True)
                self._marked = False
            if self._direct is not None:
                self._direct.close()
                self._direct = None

    # -- internals -------------------------------------------------------------------------------------------
    def _refresh(self) -> None:
        self._checked = time.monotonic()
        if not self._marked:
            serving_marker(self.path).write_text(str(os.getpid()))
            self._marked = True
        self._copy_if_stale()
        self._switch()
        now = time.monotonic()
        keep = []
        for since, con, link in self._retired:
            if now - since > RETIRE_SECONDS:
                _drop(con, link)
            else:
                keep.append((since, con, link))
        self._retired = keep

    def _copy_if_stale(self) -> None:
        """Copy the store into a fresh snapshot when it changed since the last one and no writer holds it."""
        if not self.path.exists():
            return
        target = snapshot_path(self.path)
        changed = max(_mtime(self.path), _mtime(self.path.with_name(self.path.name + ".wal")))
        if target.exists() and _mtime(target) >= changed:
            return
        copy_to_snapshot(self.path)  # False while a writer holds the store: it publishes the snapshots then

    def _switch(self) -> None:
        """Open the published snapshot when it is not the one being read (each under its own link name, since
        DuckDB keeps one database per path in a process)."""
        target = snapshot_path(self.path)
        try:
            stat = target.stat()
        except FileNotFoundError:
            return
        key = (stat.st_ino, stat.st_mtime_ns)
        if key == self._key and self._con is not None:
            return
        link = target.with_name(f"{target.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}")
        try:
            os.link(target, link)
        except OSError:
            return
        try:
            con = duckdb.connect(str(link), read_only=True)
            version = Store.over(con, link).schema_version()
        except duckdb.Error:
            link.unlink(missing_ok=True)
            return
        if version != SCHEMA_VERSION:
            _drop(con, link)
            return
        if self._con is not None and self._link is not None:
            self._retired.append((time.monotonic(), self._con, self._link))
        self._con, self._link, self._key = con, link, key


def _drop(con: duckdb.DuckDBPyConnection, link: Path) -> None:
    try:
        con.close()
    finally:
        link.unlink(missing_ok=True)


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except FileNotFoundError:
        return 0
