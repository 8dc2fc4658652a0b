"""One writer, many readers: a server in another process reads published snapshots and never blocks the writer;
a held store is waited for with a message, never a raw lock error; migrations run in one transaction."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from lagebild.store import Store, StoreBusy, StoreError, schema, snapshot_path
from lagebild.web import create_app
from web_helpers import make_store

WRITER = """
import sys
from lagebild.model import Article, Source
from lagebild.store import Store

with Store(sys.argv[1]) as store:
    store.save_batch([Article(id="new1", title="Neu", text="Ein neuer Artikel.", source=Source(name="Bote"))])
    print("written", flush=True)
    sys.stdin.readline()
"""


def test_a_server_reads_snapshots_while_another_process_writes(tmp_path: Path) -> None:
    db = make_store(tmp_path / "store.duckdb")
    client = TestClient(create_app(db))
    # the server copied the store and marked it served
    assert client.get("/api/articles").json()["total"] == 3
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={"PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")},
    )
    try:
        assert writer.stdout.readline().strip() == "written"  # the writer got the store although it is served
        statuses, total = [], 0
        deadline = time.monotonic() + 20
        while total < 4 and time.monotonic() < deadline:
            response = client.get("/api/articles")
            statuses.append(response.status_code)
            total = response.json()["total"] if response.status_code == 200 else total
            statuses.append(client.get("/").status_code)
            time.sleep(0.1)
        assert total == 4 and set(statuses) == {200}  # the writer's snapshot, while it still holds the store
        with Store(db, read_only=True) as reader:  # a reader of a held store opens the snapshot
            assert reader.snapshot and reader.count_articles() == 4
        with pytest.raises(StoreBusy, match="held by"):
            Store(db, wait=0.3)
        messages: list[str] = []
        with pytest.raises(StoreBusy):
            Store(db, wait=1.5, on_wait=messages.append)
        assert len(messages) == 1 and "waiting up to 2 s" in messages[0]
    finally:
        writer.communicate("\n", timeout=30)
    assert writer.returncode == 0
    with Store(db) as store:  # free again
        assert store.count_articles() == 4
    assert snapshot_path(db).exists()


def test_a_failed_migration_leaves_the_store_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "m.duckdb"
    Store(db).close()
    steps = {
        **schema.MIGRATIONS,
        schema.SCHEMA_VERSION + 1: ["CREATE TABLE half (i INTEGER)", "THIS IS NO SQL"],
    }
    monkeypatch.setattr(schema, "SCHEMA_VERSION", schema.SCHEMA_VERSION + 1)
    monkeypatch.setattr(schema, "MIGRATIONS", steps)
    monkeypatch.setattr("lagebild.store.duck.SCHEMA_VERSION", schema.SCHEMA_VERSION)
    monkeypatch.setattr("lagebild.store.duck.MIGRATIONS", steps)
    with pytest.raises(Exception, match="syntax"):
        Store(db)
    monkeypatch.undo()
    with Store(db) as store:
        assert store.schema_version() == schema.SCHEMA_VERSION
        tables = {
            r[0] for r in store.con.execute("SELECT table_name FROM information_schema.tables").fetchall()
        }
        assert "half" not in tables


def test_a_missing_store_is_an_error_not_a_lock(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store"):
        Store(tmp_path / "none.duckdb", read_only=True)


def test_a_store_in_a_folder_without_room_for_snapshots_is_read_directly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = make_store(tmp_path / "store.duckdb")
    monkeypatch.setattr("lagebild.web.sources.serving_marker", lambda path: tmp_path / "missing" / "marker")
    client = TestClient(create_app(db))
    assert client.get("/api/articles").json()["total"] == 3
    assert not snapshot_path(db).exists()
