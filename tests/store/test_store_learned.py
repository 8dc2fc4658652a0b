"""Learned actors in the store: counts add up, dictionary actors stay, exports carry the extra keys, and a later
batch of a processing run resolves a learned person's surname."""

import json

from lagebild.actors import LearnedActor
from lagebild.actors.dictionary import packaged_actors
from lagebild.executors import LocalExecutor
from lagebild.model import Actor
from lagebild.process import process
from lagebild.store import Store, export_jsonl


def theiner(mentions=1, first_seen="a1", **changes):
    fields = {"country": "ITA", "sector": "GOV", "variants": ["Theiner"], **changes}
    return LearnedActor(
        "per.richard-theiner", "Richard Theiner", mentions=mentions, first_seen=first_seen, **fields
    )


def test_counts_add_up_across_batches_and_reopen(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        store.save_batch([], learned=[theiner(2)])
        store.save_batch([], learned=[theiner(1, "b7", country="DEU", sector="CVL", variants=["R. Theiner"])])
    with Store(db) as store:
        [record] = store.load_learned_actors()
        assert record["mentions"] == 3 and record["first_seen"] == "a1"
        assert (record["country"], record["sector"]) == ("ITA", "GOV")
        assert record["variants"] == ["Theiner", "R. Theiner"] and record["learned"] is True
        store.save_learned_actors([theiner(4)])
        assert store.load_learned_actors()[0]["mentions"] == 7
        row = store.one("SELECT name, country, sector, kind FROM actors WHERE id = 'per.richard-theiner'")
        assert row == ("Richard Theiner", "ITA", "GOV", "person")


def test_dictionary_actor_is_never_overwritten_and_exports_keep_the_contract(tmp_path):
    putin = Actor("per.wladimir-putin", "Wladimir Putin", ["Putin"], "RUS", "GOV", "person")
    with Store(tmp_path / "s.duckdb") as store:
        store.save_actors([putin])
        fake = LearnedActor("per.wladimir-putin", "Wladimir Putin", ["Putin"], "ITA", "CVL", mentions=5)
        assert store.save_learned_actors([fake, theiner()]) == 1
        assert [a.id for a in store.iter_actors()] == ["per.richard-theiner", "per.wladimir-putin"]
        assert store.one("SELECT country FROM actors WHERE id = 'per.wladimir-putin'") == ("RUS",)
        assert [r["id"] for r in store.load_learned_actors()] == ["per.richard-theiner"]
        export_jsonl(store, tmp_path / "out")
    lines = [json.loads(x) for x in (tmp_path / "out" / "actors.jsonl").read_text().splitlines()]
    contract = ["id", "name", "variants", "country", "sector", "kind"]
    assert list(lines[0]) == [*contract, "learned", "mentions", "first_seen"]
    assert lines[0]["mentions"] == 1 and lines[0]["learned"] is True
    assert list(lines[1]) == contract


def test_hostile_records_are_stored_safely(tmp_path):
    markup = "<script>alert('x')</script>\"; DROP TABLE actors; --"
    long_name = "Ä" * 100_000
    odd = LearnedActor("per.odd-name", markup, [long_name, markup], "ITA", "GOV")
    bad_ids = [LearnedActor(i, "X Y") for i in ("per.<b>", "org.cdu", "per.a b", "RUS.GOV", "per." + "x" * 3)]
    with Store(tmp_path / "s.duckdb") as store:
        assert store.save_learned_actors([odd, *bad_ids]) == 2  # only plain per.<slug> ids are kept
        stored = {r["id"]: r for r in store.load_learned_actors()}
        assert set(stored) == {"per.odd-name", "per.xxx"}
        assert stored["per.odd-name"]["name"] == markup and stored["per.odd-name"]["variants"][0] == long_name
        assert store.one("SELECT count(*) FROM actors")[0] == 2


def write_corpus(path, texts):
    rows = [
        {
            "text": t,
            "source": "Dolomiten",
            "country": "ITA",
            "published": f"2010-03-0{i + 1}",
            "language": "de",
        }
        for i, t in enumerate(texts)
    ]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def test_a_later_batch_resolves_the_surname_and_counts_it(tmp_path):
    corpus = tmp_path / "in.jsonl"
    write_corpus(
        corpus,
        [
            "BOZEN. Landesrat Richard Theiner hat am Montag in Bozen das neue Krankenhaus eröffnet. "
            "Die Landesregierung werde die Pflege stärken, sagte er vor Journalisten.",
            "MERAN. Der Gemeinderat hat am Dienstag über die Pflege beraten. Theiner kündigte an, "
            "die Landesregierung werde zusätzliche Mittel für das Spital in Meran bereitstellen.",
        ],
    )
    with Store(tmp_path / "s.duckdb") as store, LocalExecutor(workers=1) as executor:
        process([str(corpus)], store, executor=executor, batch_size=1)
        [record] = [r for r in store.load_learned_actors() if r["id"] == "per.richard-theiner"]
        assert (record["country"], record["sector"], record["mentions"]) == ("ITA", "GOV", 2)
        second = [a for a in store.iter_articles() if a.text.startswith("MERAN")][0]
        assert any(e.text == "Theiner" and e.actor == "per.richard-theiner" for e in second.entities)
        assert packaged_actors().get("per.richard-theiner") is None
