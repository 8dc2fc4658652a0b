"""Exports: the contract's JSONL files and Parquet tables."""

from __future__ import annotations

import json
from itertools import chain
from pathlib import Path

from lagebild.actors.codes import code_actor
from lagebild.store import queries
from lagebild.store.duck import Store

PARQUET_TABLES = ("articles", "entities", "timexes", "quotes", "events", "actors", "stories")


def export_jsonl(store: Store, out_dir: str | Path) -> dict[str, int]:
    """Write ``articles.jsonl``, ``actors.jsonl`` and ``stories.jsonl``; return the line count of each. Actors
    referred to by a country or sector code without a stored record are exported with a name as well."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    counts = {"articles.jsonl": 0, "actors.jsonl": 0, "stories.jsonl": 0}
    with (out / "articles.jsonl").open("w", encoding="utf-8") as handle:
        for article in store.iter_articles():
            handle.write(article.to_json() + "\n")
            counts["articles.jsonl"] += 1
    actors = chain(store.iter_actors(), filter(None, map(code_actor, queries.missing_actor_ids(store.con))))
    for name, records in (("actors.jsonl", actors), ("stories.jsonl", store.iter_stories())):
        with (out / name).open("w", encoding="utf-8") as handle:
            for record in records:
                handle.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
                counts[name] += 1
    return counts


def export_parquet(store: Store, out_dir: str | Path) -> dict[str, int]:
    """Write one Parquet file per table (articles with their contract JSON in ``data``); return row counts."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for table in PARQUET_TABLES:
        target = out / f"{table}.parquet"
        order = "seq" if table == "articles" else "1"
        literal = str(target).replace("'", "''")
        store.con.execute(f"COPY (SELECT * FROM {table} ORDER BY {order}) TO '{literal}' (FORMAT PARQUET)")
        counts[f"{table}.parquet"] = int(store.one(f"SELECT count(*) FROM {table}")[0])  # type: ignore[index]
    return counts
