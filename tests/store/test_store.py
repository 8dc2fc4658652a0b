import json

import duckdb
import pytest

from lagebild.model import Actor, Article, Entity, Event, Quote, Source, Span, Speaker, Story
from lagebild.store import Store, StoreError, export_jsonl, export_parquet
from lagebild.store.schema import SCHEMA_VERSION


def article(i: int) -> Article:
    text = f"Putin sprach mit Biden Nummer {i}."
    return Article(
        id=f"id{i}",
        source=Source(name="Test"),
        language="de",
        text=text,
        published="2021-12-07",
        entities=[Entity(0, 5, "Putin", "PER", "per.wladimir-putin")],
        quotes=[Quote(0, 5, "Putin", "direct", "sagte", Speaker("Putin", "per.wladimir-putin"))],
        events=[
            Event("CONSULT", None, "occurred", ["RUS.GOV"], ["USA.GOV"], "2021-12-07", Span(0, len(text)))
        ],
    )


def test_schema_versioned_and_reopen(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        assert store.schema_version() == SCHEMA_VERSION
    with Store(db, read_only=True) as store:
        assert store.count_articles() == 0


def test_newer_schema_is_refused(tmp_path):
    db = tmp_path / "s.duckdb"
    Store(db).close()
    con = duckdb.connect(str(db))
    con.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(StoreError):
        Store(db)


def test_save_is_idempotent_and_children_stored(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        assert store.save_batch([article(1), article(2), article(1)]) == 2
        assert store.save_batch([article(1), article(3)]) == 1
        assert store.count_articles() == 3
        assert store.one("SELECT count(*) FROM events")[0] == 3
        assert store.one("SELECT source FROM events WHERE article_id = 'id3'")[0] == ["RUS.GOV"]
        assert [a.id for a in store.iter_articles(batch=2)] == ["id1", "id2", "id3"]
        assert store.get_article("id2") == article(2)


def test_failed_batch_rolls_back(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.save_batch([article(1)])
        bad = article(2)
        bad.entities[0].start = "not a number"  # type: ignore[assignment]
        with pytest.raises(Exception):  # noqa: B017 - any arrow/duckdb error
            store.save_batch([bad], failures=[("p", "ingest", "r")])
        assert store.count_articles() == 1
        assert store.failures() == []


def test_profiles_and_failures_persist(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        store.save_batch(
            [], profiles=[("Test", "anmelden", 2)], failures=[("a.txt", "ingest", "empty document")]
        )
        store.save_batch([], profiles=[("Test", "anmelden", 3)])
    with Store(db) as store:
        assert store.load_profiles() == [("Test", "anmelden", 3)]
        assert store.failures() == [("a.txt", "ingest", "empty document")]


def test_exports(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.save_batch([article(1), article(2)])
        store.save_actors([Actor("per.wladimir-putin", "Wladimir Putin", ["Putin"], "RUS", "GOV", "person")])
        store.save_stories([Story("s1", "Telefonat", ["id1", "id2"], ["Test"], "2021-12-07", "2021-12-07")])
        store.set_story({"id1": "s1", "id2": "s1"})
        counts = export_jsonl(store, tmp_path / "out")
        # the event's actors RUS.GOV and USA.GOV have no stored record: they are exported from the dictionary
        assert counts == {"articles.jsonl": 2, "actors.jsonl": 3, "stories.jsonl": 1}
        lines = (tmp_path / "out" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
        first = Article.from_json(lines[0])
        assert first.story == "s1" and first.events[0].source == ["RUS.GOV"]
        actors = (tmp_path / "out" / "actors.jsonl").read_text(encoding="utf-8").splitlines()
        assert [(a["id"], a["name"], a["country"]) for a in map(json.loads, actors)] == [
            ("per.wladimir-putin", "Wladimir Putin", "RUS"),
            ("RUS.GOV", "Russland", "RUS"),
            ("USA.GOV", "Vereinigte Staaten", "USA"),
        ]
        parquet = export_parquet(store, tmp_path / "pq")
        assert parquet["articles.parquet"] == 2 and parquet["events.parquet"] == 2
        rows = duckdb.sql(
            f"SELECT id, story FROM '{tmp_path / 'pq' / 'articles.parquet'}' ORDER BY id"
        ).fetchall()
        assert rows == [("id1", "s1"), ("id2", "s1")]
