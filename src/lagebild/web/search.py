"""Full-text search over article titles and texts with SQLite FTS5, as a side index built from the store.

DuckDB's ``fts`` extension is not bundled with the Python package and would have to be downloaded at run time, so the
index lives in an in-memory SQLite FTS5 table (``unicode61`` tokenizer with diacritics folded, so "Präsident" also
matches "Prasident"). Articles added since the last query are indexed then; the index is rebuilt when articles
were removed.
User input never reaches FTS5 syntax: words are extracted and each is quoted as a phrase.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from dataclasses import dataclass

import duckdb

from lagebild.language.tokens import search_terms
from lagebild.store import queries

_MARK_ON, _MARK_OFF = "\x02", "\x03"
MAX_TERMS = 12


@dataclass
class Hit:
    article_id: str
    title: str | None
    source: str | None
    published: str | None
    snippet: list[tuple[str, bool]]  # (text, is_match) pieces, rendered escaped


def match_expression(query: str) -> str | None:
    """FTS5 expression for free user text: every word must occur; the last word also matches as a prefix."""
    words = [w for w in search_terms(query or "") if w][:MAX_TERMS]
    if not words:
        return None
    parts = [f'"{w}"' for w in words]
    parts[-1] += "*"
    return " ".join(parts)


class SearchIndex:
    """A thread-safe in-memory FTS5 index over a store's articles."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._key: tuple[int, int] | None = None

    def _refresh(self, con: duckdb.DuckDBPyConnection) -> None:
        key = queries.article_version(con)
        if key == self._key:
            return
        db = self._db
        if self._key is not None and key[1] > self._key[1]:
            added = queries.searchable_articles(con, after_seq=self._key[1]).fetchall()
            if self._key[0] + len(added) == key[0]:  # articles were only added: index just those
                self._insert(added)
                self._key = key
                return
        db.execute("DROP TABLE IF EXISTS fts")
        db.execute(
            "CREATE VIRTUAL TABLE fts USING fts5(id UNINDEXED, source UNINDEXED, published UNINDEXED, "
            "title, text, tokenize = 'unicode61 remove_diacritics 2')"
        )
        cur = queries.searchable_articles(con)
        while rows := cur.fetchmany(1000):
            self._insert(rows)
        self._key = key

    def _insert(self, rows: list) -> None:
        self._db.executemany(
            "INSERT INTO fts VALUES (?, ?, ?, ?, ?)",
            [(i, s, p, _plain(t), _plain(x)) for i, s, p, t, x in rows],
        )
        self._db.commit()

    def search(
        self, con: duckdb.DuckDBPyConnection, query: str, limit: int = 20, offset: int = 0
    ) -> tuple[list[Hit], int]:
        """Ranked hits (BM25, titles weighted up) with a highlighted snippet, and the total number of hits."""
        expression = match_expression(query)
        if expression is None:
            return [], 0
        with self._lock:
            self._refresh(con)
            total = self._db.execute("SELECT count(*) FROM fts WHERE fts MATCH ?", [expression]).fetchone()[0]
            rows = self._db.execute(
                "SELECT id, title, source, published, "
                f"snippet(fts, 4, '{_MARK_ON}', '{_MARK_OFF}', ' … ', 24) "
                "FROM fts WHERE fts MATCH ? ORDER BY bm25(fts, 0, 0, 0, 5.0, 1.0) LIMIT ? OFFSET ?",
                [expression, limit, offset],
            ).fetchall()
        return [Hit(r[0], r[1], r[2], r[3], _pieces(r[4])) for r in rows], int(total)

    def matching_ids(self, con: duckdb.DuckDBPyConnection, query: str, limit: int = 5000) -> set[str]:
        """Ids of all articles matching ``query`` (up to ``limit``)."""
        expression = match_expression(query)
        if expression is None:
            return set()
        with self._lock:
            self._refresh(con)
            rows = self._db.execute(
                "SELECT id FROM fts WHERE fts MATCH ? LIMIT ?", [expression, limit]
            ).fetchall()
        return {r[0] for r in rows}


def _plain(value: str | None) -> str:
    return (value or "").replace(_MARK_ON, " ").replace(_MARK_OFF, " ")


def _pieces(snippet: str) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    for i, part in enumerate(re.split(f"[{_MARK_ON}{_MARK_OFF}]", snippet or "")):
        if part:
            out.append((part, i % 2 == 1))
    return out
