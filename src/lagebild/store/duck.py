"""The embedded store: one DuckDB file holding articles, their records, actors, stories, profiles and run logs.

Writes are idempotent by article id (a hash of the normalised raw content) and transactional per batch: a batch is
committed whole or not at all, so a killed run loses nothing that was committed and a rerun skips what is stored.

One process writes a store file at a time; readers in the same process take :meth:`Store.reader` views (their own
cursors, each query seeing committed data only). Readers in other processes (``lagebild serve``) read a published
snapshot (``FILE.snapshot``): while a server marks the store as served (``FILE.serving``), the writer publishes a
snapshot after its commits, at most every :data:`PUBLISH_SECONDS`, and when it closes. A store held by another
process is waited for (``wait`` seconds), never reported as a raw lock error.
"""

from __future__ import annotations

import json
import os
import re
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from lagebild.model import Actor, Article, Story
from lagebild.store.schema import MIGRATIONS, SCHEMA_VERSION

DEFAULT_DB = "lagebild.duckdb"
PUBLISH_SECONDS = 2.0
"""A writer publishes a read snapshot for a server at most this often (and always when it closes)."""
_LEARNED_ID = re.compile(r"per\.[a-z0-9]+(?:-[a-z0-9]+)*")


class StoreError(RuntimeError):
    """The store cannot be opened or is newer than this version of lagebild."""


class StoreBusy(StoreError):
    """Another process holds the store file (a writer, or a reader while this one wants to write)."""


def snapshot_path(path: str | Path) -> Path:
    """Where the writer of ``path`` publishes read snapshots for servers in other processes."""
    path = Path(path)
    return path.with_name(path.name + ".snapshot")


def alerts_path(path: str | Path) -> Path:
    """The alerts file of a store (``FILE.alerts.jsonl``), written by its watcher and listed by its server."""
    path = Path(path)
    return path.with_name(path.name + ".alerts.jsonl")


def serving_marker(path: str | Path) -> Path:
    """The file a server writes (its process id) while it serves ``path`` from snapshots."""
    path = Path(path)
    return path.with_name(path.name + ".serving")


def copy_to_snapshot(path: str | Path) -> bool:
    """Copy the store at ``path`` to its snapshot (atomically replaced), reading it without holding it for writing;
    False when a writer holds it or it cannot be copied."""
    path = Path(path)
    target = snapshot_path(path)
    temp = target.with_name(f"{target.name}.{uuid.uuid4().hex}.tmp")
    con = duckdb.connect()
    try:
        con.execute(f"ATTACH '{_sql_literal(path)}' AS main_store (READ_ONLY)")
        con.execute(f"ATTACH '{_sql_literal(temp)}' AS snap")
        con.execute("COPY FROM DATABASE main_store TO snap")
        con.execute("DETACH snap")
        con.execute("DETACH main_store")
        os.replace(temp, target)
        return True
    except duckdb.Error:
        return False
    finally:
        con.close()
        temp.unlink(missing_ok=True)


def _sql_literal(path: Path) -> str:
    return str(path).replace("'", "''")


def is_served(path: str | Path) -> bool:
    """Whether a live process has marked ``path`` as served."""
    try:
        pid = int(serving_marker(path).read_text().strip() or 0)
    except (OSError, ValueError):
        return False
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _is_lock_error(exc: duckdb.Error) -> bool:
    return "lock" in str(exc).lower()


class Store:
    """A DuckDB-backed store. Use as a context manager; ``read_only`` for reading.

    A store held by another process is retried for ``wait`` seconds (``on_wait`` is told once, with the reason),
    then :class:`StoreBusy` is raised. A read-only store whose file is held by a writer opens the writer's published
    snapshot instead, when there is one (``snapshot`` is then True).
    """

    def __init__(
        self,
        path: str | Path = DEFAULT_DB,
        read_only: bool = False,
        *,
        wait: float = 0.0,
        on_wait: Callable[[str], None] | None = None,
    ) -> None:
        self.path = Path(path)
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        elif not self.path.exists():
            raise StoreError(f"no store at {self.path}")
        self.read_only = read_only
        self.snapshot = False
        self._owner = True
        self._published = 0.0
        self._dirty = False
        self._snapshot_read = False
        self.con = self._connect(wait, on_wait)
        if not read_only:
            self._migrate()
        else:
            version = self.schema_version()
            if version != SCHEMA_VERSION:
                self.con.close()
                raise StoreError(f"store schema {version}, this lagebild reads {SCHEMA_VERSION}")

    def _connect(self, wait: float, on_wait: Callable[[str], None] | None) -> duckdb.DuckDBPyConnection:
        deadline = time.monotonic() + max(0.0, wait)
        delay, told = 0.05, False
        while True:
            try:
                return duckdb.connect(str(self.path), read_only=self.read_only)
            except duckdb.Error as exc:
                if not _is_lock_error(exc):
                    raise StoreError(f"cannot open store {self.path}: {exc}") from exc
                if self.read_only and snapshot_path(self.path).exists():
                    with_snapshot = self._open_snapshot()
                    if with_snapshot is not None:
                        return with_snapshot
                if time.monotonic() >= deadline:
                    raise StoreBusy(_busy_message(self.path, self.read_only)) from exc
                if not told and on_wait is not None and time.monotonic() + 1.0 < deadline:
                    on_wait(f"{_busy_message(self.path, self.read_only)}; waiting up to {wait:.0f} s")
                    told = True
                time.sleep(delay)
                delay = min(delay * 2, 1.0)

    def _open_snapshot(self) -> duckdb.DuckDBPyConnection | None:
        try:
            con = duckdb.connect(str(snapshot_path(self.path)), read_only=True)
        except duckdb.Error:
            return None
        self.snapshot = True
        return con

    @classmethod
    def over(cls, con: duckdb.DuckDBPyConnection, path: str | Path, read_only: bool = True) -> Store:
        """A store over an open connection or cursor (closing it closes only that cursor)."""
        store = cls.__new__(cls)
        store.path = Path(path)
        store.read_only = read_only
        store.snapshot = False
        store._owner = False
        store._published = 0.0
        store._dirty = False
        store._snapshot_read = False
        store.con = con
        return store

    def reader(self) -> Store:
        """A read view with its own cursor, for another thread of this process: all its queries see the same
        committed state (one read transaction, ended when the view is closed), whatever the writer does meanwhile."""
        cursor = self.con.cursor()
        cursor.execute("BEGIN TRANSACTION")
        view = Store.over(cursor, self.path, read_only=True)
        view._snapshot_read = True
        return view

    def writer(self) -> Store:
        """A writing view with its own cursor, for the one writing thread of a process that also serves readers."""
        view = Store.over(self.con.cursor(), self.path, read_only=False)
        view._owner = True
        return view

    # -- lifecycle -------------------------------------------------------------------------------------------
    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._owner and not self.read_only and is_served(self.path):
            # the store itself is committed; on failure a server keeps its previous snapshot
            with suppress(duckdb.Error):
                self.publish()
        if self._snapshot_read:
            with suppress(duckdb.Error):
                self.con.execute("ROLLBACK")
        self.con.close()

    # -- read snapshots --------------------------------------------------------------------------------------
    def publish(self) -> Path:
        """Write a consistent copy of the store to :func:`snapshot_path` (atomically replaced) for servers in
        other processes; returns its path."""
        target = snapshot_path(self.path)
        temp = target.with_name(f"{target.name}.{uuid.uuid4().hex}.tmp")
        alias = "snap_" + uuid.uuid4().hex[:12]
        literal = _sql_literal(temp)
        source = self.one("SELECT current_database()")[0]  # type: ignore[index]
        try:
            self.con.execute(f"ATTACH '{literal}' AS {alias}")
            try:
                self.con.execute(f'COPY FROM DATABASE "{source}" TO {alias}')
            finally:
                self.con.execute(f"DETACH {alias}")
            os.replace(temp, target)
        finally:
            for leftover in (temp, temp.with_name(temp.name + ".wal")):
                leftover.unlink(missing_ok=True)
        self._published = time.monotonic()
        self._dirty = False
        return target

    def _after_commit(self) -> None:
        """Note a committed write; publish a snapshot when a server reads this store and one is due."""
        self._dirty = True
        if self._owner and time.monotonic() - self._published >= PUBLISH_SECONDS and is_served(self.path):
            with suppress(duckdb.Error):  # publishing is best effort; the next commit tries again
                self.publish()

    def one(self, sql: str, params: list[Any] | None = None) -> tuple[Any, ...] | None:
        """The first row of a query, with the result consumed (an open result blocks the connection)."""
        rows = self.con.execute(sql, params or []).fetchall()
        return rows[0] if rows else None

    def schema_version(self) -> int:
        exists = self.one("SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'")
        if not exists or not exists[0]:
            return 0
        row = self.one("SELECT value FROM meta WHERE key = 'schema_version'")
        return int(row[0]) if row else 0

    def _migrate(self) -> None:
        self.con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreError(f"store schema {version} is newer than this lagebild ({SCHEMA_VERSION})")
        for step in range(version + 1, SCHEMA_VERSION + 1):
            with self.transaction():
                for statement in MIGRATIONS[step]:
                    self.con.execute(statement)
                self.con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(step)])

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Run the block as one transaction: committed whole, or rolled back when anything in it raises."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self._after_commit()

    # -- articles --------------------------------------------------------------------------------------------
    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """The subset of ``ids`` already stored."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return set()
        table = pa.table({"id": wanted})
        self.con.register("_wanted", table)
        try:
            rows = self.con.execute("SELECT a.id FROM articles a JOIN _wanted w USING (id)").fetchall()
        finally:
            self.con.unregister("_wanted")
        return {r[0] for r in rows}

    def count_articles(self) -> int:
        row = self.one("SELECT count(*) FROM articles")
        return int(row[0]) if row else 0

    def save_batch(
        self,
        articles: Sequence[Article],
        run_id: int | None = None,
        profiles: list[tuple[str, str, int]] | None = None,
        failures: Sequence[tuple[str, str, str]] = (),
        learned: Iterable[Actor] = (),
    ) -> int:
        """Store new articles with their records, profile counts, failures and learned actors (counted in, see
        :meth:`save_learned_actors`) in one transaction.

        Articles whose id is already stored are skipped. Returns the number of articles written.
        """
        learned = list(learned)
        fresh: list[Article] = []
        seen = self.known_ids(a.id for a in articles)
        for article in articles:
            if article.id not in seen:
                seen.add(article.id)
                fresh.append(article)
        with self.transaction():
            if fresh:
                start = self._next_seq()
                self._insert_articles(fresh, start, run_id)
            if profiles:
                self._upsert_profiles(profiles)
            if failures:
                self._insert_failures(run_id, failures)
            if learned:
                self._upsert_learned(learned)
        return len(fresh)

    def _next_seq(self) -> int:
        row = self.one("SELECT coalesce(max(seq), 0) FROM articles")
        return int(row[0]) + 1 if row else 1

    def _insert_articles(self, articles: Sequence[Article], start: int, run_id: int | None) -> None:
        cols: dict[str, list[Any]] = {k: [] for k in _ARTICLE_COLS}
        children: dict[str, dict[str, list[Any]]] = {
            name: {k: [] for k in c} for name, c in _CHILD_COLS.items()
        }
        for offset, article in enumerate(articles):
            data = article.to_dict()
            row = [
                article.id,
                start + offset,
                article.source.name,
                article.source.domain,
                article.source.url,
                article.source.fetched,
                article.language,
                article.title,
                article.published,
                article.story,
                article.text,
                json.dumps(data, ensure_ascii=False),
                run_id,
            ]
            for key, value in zip(_ARTICLE_COLS, row, strict=True):
                cols[key].append(value)
            for i, e in enumerate(article.entities):
                _append(children["entities"], [article.id, i, e.start, e.end, e.text, e.label, e.actor])
            for i, t in enumerate(article.timexes):
                _append(children["timexes"], [article.id, i, t.start, t.end, t.text, t.type, t.value])
            for i, q in enumerate(article.quotes):
                sp = q.speaker
                _append(
                    children["quotes"],
                    [
                        article.id,
                        i,
                        q.start,
                        q.end,
                        q.text,
                        q.kind,
                        q.cue,
                        sp.text if sp else None,
                        sp.actor if sp else None,
                    ],
                )
            for i, ev in enumerate(article.events):
                evidence = ev.evidence
                _append(
                    children["events"],
                    [
                        article.id,
                        i,
                        ev.type,
                        ev.mode,
                        ev.status,
                        list(ev.source),
                        list(ev.target),
                        ev.date,
                        evidence.start if evidence else None,
                        evidence.end if evidence else None,
                        ev.quote,
                        json.dumps(ev.to_dict(), ensure_ascii=False),
                    ],
                )
        self._insert_columns("articles", cols)
        for name, columns in children.items():
            if columns["article_id"]:
                self._insert_columns(name, columns)

    def _insert_failures(self, run_id: int | None, failures: Sequence[tuple[str, str, str]]) -> None:
        rows = pa.table(
            {
                "run_id": pa.array([run_id] * len(failures), type=pa.int64()),
                "path": pa.array([f[0] for f in failures], type=pa.string()),
                "stage": pa.array([f[1] for f in failures], type=pa.string()),
                "reason": pa.array([f[2] for f in failures], type=pa.string()),
            }
        )
        self.con.register("_failures", rows)
        try:
            self.con.execute(
                "INSERT INTO failures (run_id, path, stage, reason) SELECT run_id, path, stage, reason FROM _failures"
            )
        finally:
            self.con.unregister("_failures")

    def _insert_columns(self, table: str, columns: dict[str, list[Any]]) -> None:
        schema = _ARROW_SCHEMAS[table]
        arrow = pa.table(
            {k: pa.array(v, type=schema.field(k).type) for k, v in columns.items()}, schema=schema
        )
        self.con.register("_batch", arrow)
        try:
            names = ", ".join(columns)
            self.con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM _batch")
        finally:
            self.con.unregister("_batch")

    def get_article(self, article_id: str) -> Article | None:
        row = self.one("SELECT data FROM articles WHERE id = ?", [article_id])
        return Article.from_json(row[0]) if row else None

    def iter_articles(self, batch: int = 500) -> Iterator[Article]:
        """All articles in ingest order."""
        last = 0
        while True:
            rows = self.con.execute(
                "SELECT seq, data FROM articles WHERE seq > ? ORDER BY seq LIMIT ?", [last, batch]
            ).fetchall()
            if not rows:
                return
            for seq, data in rows:
                last = seq
                yield Article.from_json(data)

    def set_story(self, assignments: dict[str, str]) -> None:
        """Record the story of each article (id -> story id), in the column and in the article JSON."""
        if not assignments:
            return
        table = pa.table({"id": list(assignments), "story": list(assignments.values())})
        self.con.register("_stories", table)
        try:
            self.con.execute(
                """UPDATE articles SET story = s.story,
                       data = json_merge_patch(data, json_object('story', s.story))
                   FROM _stories s WHERE articles.id = s.id"""
            )
        finally:
            self.con.unregister("_stories")

    # -- source profiles -------------------------------------------------------------------------------------
    def load_profiles(self) -> list[tuple[str, str, int]]:
        return [
            tuple(r)
            for r in self.con.execute("SELECT source, line_key, documents FROM source_profiles").fetchall()
        ]

    def _upsert_profiles(self, rows: list[tuple[str, str, int]]) -> None:
        table = pa.table(
            {
                "source": [r[0] for r in rows],
                "line_key": [r[1] for r in rows],
                "documents": [r[2] for r in rows],
            }
        )
        self.con.register("_profiles", table)
        try:
            self.con.execute(
                """INSERT INTO source_profiles SELECT source, line_key, documents FROM _profiles
                   ON CONFLICT (source, line_key) DO UPDATE SET documents = excluded.documents"""
            )
        finally:
            self.con.unregister("_profiles")

    # -- actors and stories ----------------------------------------------------------------------------------
    def referenced_actor_ids(self) -> set[str]:
        """Ids of every actor an entity, a quote's speaker or an event's source or target refers to."""
        rows = self.con.execute(
            """SELECT actor FROM entities WHERE actor IS NOT NULL
               UNION SELECT speaker_actor FROM quotes WHERE speaker_actor IS NOT NULL
               UNION SELECT unnest(source) FROM events UNION SELECT unnest(target) FROM events"""
        ).fetchall()
        return {row[0] for row in rows if row[0]}

    def save_actors(self, actors: Iterable[Actor]) -> None:
        rows = [
            (a.id, a.name, a.country, a.sector, a.kind, json.dumps(a.to_dict(), ensure_ascii=False))
            for a in actors
        ]
        if rows:
            self.con.executemany("INSERT OR REPLACE INTO actors VALUES (?, ?, ?, ?, ?, ?)", rows)

    def iter_actors(self) -> Iterator[Actor]:
        """Stored actors by id; learned ones as :class:`~lagebild.actors.learned.LearnedActor`, whose records
        carry ``learned``, ``mentions`` and ``first_seen`` besides the contract's fields."""
        for (data,) in self.con.execute("SELECT data FROM actors ORDER BY id").fetchall():
            record = json.loads(data)
            if record.get("learned") is True:
                from lagebild.actors.learned import from_record  # noqa: PLC0415 - only when there are any

                yield from_record(record)
            else:
                yield Actor.from_dict(record)

    # -- learned actors --------------------------------------------------------------------------------------
    def load_learned_actors(self) -> list[dict[str, Any]]:
        """The JSON records of the learned actors (``learned: true``), by id."""
        rows = self.con.execute(
            "SELECT data FROM actors WHERE json_extract(data, '$.learned') = 'true'::JSON ORDER BY id"
        ).fetchall()
        return [json.loads(data) for (data,) in rows]

    def save_learned_actors(self, actors: Iterable[Actor]) -> int:
        """Count learned actors in (one transaction); returns how many records were written."""
        with self.transaction():
            return self._upsert_learned(list(actors))

    def _upsert_learned(self, actors: Sequence[Actor]) -> int:
        """Insert new learned actors; for a learned actor already stored, its ``mentions`` add up and the rest of
        its record stays. An id held by an actor that is not learned (a dictionary actor) is never touched, nor is
        an id that is not a plain ``per.<slug>``."""
        from lagebild.actors.learned import from_record, merge_learned  # noqa: PLC0415

        records: dict[str, Any] = {}
        for actor in actors:
            if not _LEARNED_ID.fullmatch(actor.id or ""):
                continue
            record = from_record(actor.to_dict())
            records[record.id] = merge_learned(records.get(record.id), record)
        if not records:
            return 0
        stored = {
            row[0]: json.loads(row[1])
            for row in self.con.execute(
                "SELECT id, data FROM actors WHERE id IN (SELECT unnest(?::VARCHAR[]))", [list(records)]
            ).fetchall()
        }
        rows = []
        for actor_id, record in records.items():
            old = stored.get(actor_id)
            if old is not None and old.get("learned") is not True:
                continue  # a dictionary actor keeps its record
            merged = merge_learned(from_record(old) if old is not None else None, record)
            data = json.dumps(merged.to_dict(), ensure_ascii=False)
            rows.append((merged.id, merged.name, merged.country, merged.sector, merged.kind, data))
        if rows:
            self.con.executemany("INSERT OR REPLACE INTO actors VALUES (?, ?, ?, ?, ?, ?)", rows)
        return len(rows)

    def save_stories(self, stories: Iterable[Story]) -> None:
        with self.transaction():
            for s in stories:
                self.con.execute(
                    "INSERT OR REPLACE INTO stories VALUES (?, ?, ?, ?, ?)",
                    [s.id, s.title, s.first, s.last, json.dumps(s.to_dict(), ensure_ascii=False)],
                )

    def iter_stories(self) -> Iterator[Story]:
        for (data,) in self.con.execute("SELECT data FROM stories ORDER BY first NULLS LAST, id").fetchall():
            yield Story.from_dict(json.loads(data))

    def get_story(self, story_id: str) -> Story | None:
        row = self.one("SELECT data FROM stories WHERE id = ?", [story_id])
        return Story.from_dict(json.loads(row[0])) if row else None

    # -- the watcher's memory ---------------------------------------------------------------------------------
    def settled_urls(self, urls: Iterable[str]) -> set[str]:
        """The subset of page ``urls`` the watcher has settled (stored, duplicate, or refused for good)."""
        wanted = list(dict.fromkeys(urls))
        if not wanted:
            return set()
        rows = self.con.execute(
            "SELECT url FROM watched_pages WHERE url IN (SELECT unnest(?::VARCHAR[]))", [wanted]
        ).fetchall()
        return {r[0] for r in rows}

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """The subset of page content ``hashes`` already settled."""
        wanted = list(dict.fromkeys(hashes))
        if not wanted:
            return set()
        rows = self.con.execute(
            "SELECT DISTINCT content_hash FROM watched_pages WHERE content_hash IN (SELECT unnest(?::VARCHAR[]))",
            [wanted],
        ).fetchall()
        return {r[0] for r in rows}

    def article_ids_by_url(self, urls: Iterable[str]) -> dict[str, str]:
        """Stored article id per source URL (the first stored, when several articles share one)."""
        wanted = list(dict.fromkeys(urls))
        if not wanted:
            return {}
        rows = self.con.execute(
            "SELECT url, min_by(id, seq) FROM articles WHERE url IN (SELECT unnest(?::VARCHAR[])) GROUP BY url",
            [wanted],
        ).fetchall()
        return dict(rows)

    def settle_pages(
        self, rows: Sequence[tuple[str, str | None, str, str | None, str | None, str | None, float]]
    ) -> None:
        """Remember pages as settled: (url, source, status, content hash, article id, reason, fetched at)."""
        if not rows:
            return
        with self.transaction():
            self.con.executemany(
                "INSERT OR REPLACE INTO watched_pages (url, source, status, content_hash, article_id, reason, "
                "fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [list(r) for r in rows],
            )

    def feed_validators(self, url: str) -> tuple[str | None, str | None, list[str]]:
        """(ETag, Last-Modified, child sitemaps) of the feed or sitemap at ``url`` from its last complete poll."""
        row = self.one("SELECT etag, last_modified, children FROM watched_feeds WHERE url = ?", [url])
        return (row[0], row[1], list(row[2] or [])) if row else (None, None, [])

    def save_feed_validators(
        self, url: str, etag: str | None, last_modified: str | None, children: Sequence[str] = ()
    ) -> None:
        with self.transaction():
            self.con.execute(
                "INSERT OR REPLACE INTO watched_feeds VALUES (?, ?, ?, ?, current_timestamp)",
                [url, etag, last_modified, list(children)],
            )

    # -- story clustering state ------------------------------------------------------------------------------
    STORY_TABLES = ("stories", "story_clusters", "story_articles")

    def upsert_story_rows(self, table: str, data: pa.Table) -> None:
        """Insert or replace rows of a story table (``stories``, ``story_clusters``, ``story_articles``)."""
        if table not in self.STORY_TABLES:
            raise ValueError(f"not a story table: {table}")
        self.con.register("_story_rows", data)
        try:
            names = ", ".join(data.column_names)
            self.con.execute(f"INSERT OR REPLACE INTO {table} ({names}) SELECT {names} FROM _story_rows")
        finally:
            self.con.unregister("_story_rows")

    def save_story_frequencies(self, documents: int, blob: bytes) -> None:
        """The story clustering's document count and compressed document frequencies."""
        self.con.execute("INSERT OR REPLACE INTO story_df VALUES (0, ?, ?)", [documents, blob])

    # -- runs ------------------------------------------------------------------------------------------------
    def start_run(self) -> int:
        row = self.one("SELECT coalesce(max(id), 0) + 1 FROM runs")
        run_id = int(row[0]) if row else 1
        self.con.execute("INSERT INTO runs (id, started) VALUES (?, current_timestamp)", [run_id])
        return run_id

    def finish_run(
        self, run_id: int, documents_in: int, articles_out: int, skipped: int, failures: int, seconds: float
    ) -> None:
        self.con.execute(
            """UPDATE runs SET finished = current_timestamp, documents_in = ?, articles_out = ?, skipped = ?,
               failures = ?, seconds = ? WHERE id = ?""",
            [documents_in, articles_out, skipped, failures, seconds, run_id],
        )

    def failures(self, run_id: int | None = None) -> list[tuple[str, str, str]]:
        sql = "SELECT path, stage, reason FROM failures"
        params: list[Any] = []
        if run_id is not None:
            sql += " WHERE run_id = ?"
            params.append(run_id)
        return [tuple(r) for r in self.con.execute(sql + " ORDER BY logged_at, path", params).fetchall()]


def _busy_message(path: Path, read_only: bool) -> str:
    if is_served(path):
        holder = "a server (lagebild serve --watch writes it itself: add sources there)"
    else:
        holder = "another lagebild process"
    action = "read" if read_only else "write"
    return f"store {path} is held by {holder}; cannot {action} it now"


def _append(columns: dict[str, list[Any]], values: list[Any]) -> None:
    for key, value in zip(columns, values, strict=True):
        columns[key].append(value)


_ARTICLE_COLS = (
    "id",
    "seq",
    "source_name",
    "domain",
    "url",
    "fetched",
    "language",
    "title",
    "published",
    "story",
    "text",
    "data",
    "run_id",
)
_CHILD_COLS: dict[str, tuple[str, ...]] = {
    "entities": ("article_id", "idx", "start_pos", "end_pos", "text", "label", "actor"),
    "timexes": ("article_id", "idx", "start_pos", "end_pos", "text", "type", "value"),
    "quotes": (
        "article_id",
        "idx",
        "start_pos",
        "end_pos",
        "text",
        "kind",
        "cue",
        "speaker_text",
        "speaker_actor",
    ),
    "events": (
        "article_id",
        "idx",
        "type",
        "mode",
        "status",
        "source",
        "target",
        "date",
        "evidence_start",
        "evidence_end",
        "quote",
        "data",
    ),
}
_S, _I, _B = pa.string(), pa.int32(), pa.int64()
_ARROW_SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([(c, _B if c in ("seq", "run_id") else _S) for c in _ARTICLE_COLS]),
    "entities": pa.schema(
        [(c, _I if c in ("idx", "start_pos", "end_pos") else _S) for c in _CHILD_COLS["entities"]]
    ),
    "timexes": pa.schema(
        [(c, _I if c in ("idx", "start_pos", "end_pos") else _S) for c in _CHILD_COLS["timexes"]]
    ),
    "quotes": pa.schema(
        [(c, _I if c in ("idx", "start_pos", "end_pos") else _S) for c in _CHILD_COLS["quotes"]]
    ),
    "events": pa.schema(
        [
            (
                c,
                _I
                if c in ("idx", "evidence_start", "evidence_end", "quote")
                else pa.list_(_S)
                if c in ("source", "target")
                else _S,
            )
            for c in _CHILD_COLS["events"]
        ]
    ),
}
