"""Crash safety: a run killed with SIGKILL mid-way loses nothing committed, and a rerun resumes without duplicates."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from lagebild.ingest import read_paths
from lagebild.model import Article
from lagebild.store import Store

BATCHES = 16
REAL_PER_BATCH = 8
BATCH_ITEMS = 256


def write_corpus(path: Path) -> tuple[set[str], int]:
    """A JSONL corpus of BATCHES ingest batches, each of a few real articles padded with invalid lines.

    Invalid lines cost no pipeline time but fill the batches, so the run commits many batches quickly. Every fourth
    batch repeats the articles of the batch before it (same content, same id). Returns (unique ids, bad lines).
    """
    rng = random.Random(7)
    words = [
        "Regierung",
        "Minister",
        "sagte",
        "Dienstag",
        "Berlin",
        "Moskau",
        "Kiew",
        "Verhandlungen",
        "Sanktionen",
        "Gipfel",
        "Grenze",
    ]
    lines: list[str] = []
    previous: list[str] = []
    bad = 0
    for batch in range(BATCHES):
        texts = previous if batch % 4 == 3 else []
        if not texts:
            texts = [
                f"Meldung {batch}-{n}\n\n" + " ".join(rng.choice(words) for _ in range(400))
                for n in range(REAL_PER_BATCH)
            ]
        previous = texts
        step = BATCH_ITEMS // REAL_PER_BATCH
        for i in range(BATCH_ITEMS):
            if i % step == 0:
                lines.append(json.dumps({"text": texts[i // step], "source": "Test"}))
            else:
                lines.append(f"{{invalid {batch}-{i}")
                bad += 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ids = {item.id for item in read_paths([str(path)]) if isinstance(item, Article)}
    return ids, bad


def cli(corpus: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "lagebild.cli", "process", str(corpus), "--db", str(db), "--quiet"]


def wal_size(db: Path) -> int:
    try:
        return db.with_name(db.name + ".wal").stat().st_size
    except FileNotFoundError:
        return 0


def test_sigkill_mid_run_then_resume(tmp_path):
    corpus, db = tmp_path / "corpus.jsonl", tmp_path / "store.duckdb"
    expected, bad = write_corpus(corpus)
    assert len(expected) == BATCHES * REAL_PER_BATCH * 3 // 4

    # one committed batch adds about 100 kB to the write-ahead log; kill once at least two are in it
    proc = subprocess.Popen(
        cli(corpus, db), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )
    deadline = time.monotonic() + 60
    while wal_size(db) < 200_000 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the run ended before it could be killed"

    with Store(db) as store:
        committed = {row[0] for row in store.con.execute("SELECT id FROM articles").fetchall()}
        first_failures = len(store.failures(run_id=1))
    assert committed, "no batch was committed before the kill"
    assert committed < expected
    assert first_failures % (BATCH_ITEMS - REAL_PER_BATCH) == 0  # a batch's ingest failures in one commit

    rerun = subprocess.run(cli(corpus, db), capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 1  # the invalid lines are failures
    with Store(db) as store:
        rows = store.con.execute("SELECT id, count(*) FROM articles GROUP BY id").fetchall()
        seqs = store.con.execute("SELECT count(DISTINCT seq), count(*) FROM articles").fetchall()[0]
        run = store.one("SELECT documents_in, articles_out, skipped, failures FROM runs WHERE id = 2")
        failures = store.failures(run_id=2)
    assert {r[0] for r in rows} == expected
    assert all(count == 1 for _, count in rows)
    assert seqs[0] == seqs[1] == len(expected)
    documents_in, articles_out, skipped, failed = run
    assert documents_in == BATCHES * BATCH_ITEMS
    assert articles_out == len(expected) - len(committed)
    assert skipped == BATCHES * REAL_PER_BATCH - articles_out  # every real line is stored or already known
    assert skipped >= len(committed)
    assert failed == bad == len(failures) == len({f[0] for f in failures})
