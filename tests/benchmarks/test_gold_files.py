"""The hand-labelled gold under benchmarks/data stays consistent: spans match their text, actor ids exist."""

from __future__ import annotations

import json
from pathlib import Path

from lagebild.actors.dictionary import packaged_actors

DATA = Path(__file__).resolve().parents[2] / "benchmarks" / "data"
FORMS = {"name", "part", "nominal", "adjective"}


def _rows(name: str) -> list[dict]:
    return [
        json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def test_actor_news_gold_spans_ids_and_halves() -> None:
    docs = _rows("actors_news.jsonl")
    known = packaged_actors()
    halves = {"dev": 0, "test": 0}
    for doc in docs:
        halves[doc["split"]] += len(doc["mentions"])
        for m in doc["mentions"]:
            assert doc["text"][m["start"] : m["end"]] == m["mention"], (doc["id"], m)
            assert m["type"] in {"PER", "ORG", "LOC"} and m["form"] in FORMS
            if m["gold"] is None:
                assert m["name"] and m["description"], m
            else:
                assert m["gold"] in known, m["gold"]
    assert sum(halves.values()) >= 400 and min(halves.values()) >= 200
    assert len({d["id"] for d in docs}) == len(docs)


def test_actor_sentence_gold_holds_no_ner_test_sentence() -> None:
    for item in _rows("actors_dev.jsonl"):
        file, number = item["source"].split("#")
        assert not (file.endswith("test.tsv") and int(number) > 3000), item["source"]
        assert item["text"][item["start"] : item["end"]] == item["mention"]


def test_quote_gold_spans_match_their_text() -> None:
    rows = _rows("quotes_de_news.jsonl")
    assert {r["split"] for r in rows} == {"tune", "test"}
    for row in rows:
        for q in row["quotes"]:
            assert row["text"][q["start"] : q["end"]] == q["text"], row["id"]
            assert q["kind"] in {"direct", "indirect"}
            if q["speaker"] is not None:
                assert row["text"][q["speaker_start"] : q["speaker_end"]] == q["speaker"], row["id"]
