from __future__ import annotations

from pathlib import Path

from lagebild.store import Store
from lagebild.stories import ClusterParams, dyad_timeline, outlet_comparison, update_stories
from lagebild.stories.update import unassigned_articles
from stories_helpers import CALL, FLOOD, FOLLOW_UP, article, event, quote, wire_copy


def _first_batch() -> list:
    consult = event("CONSULT", ["RUS"], ["USA"], "2021-12-07")
    threat = event("THREATEN", ["USA"], ["RUS"], "2021-12-07", "threatened")
    peskow = quote("Das Gespräch war offen und sachlich", "RUS_peskow")
    return [
        article(
            "a1",
            CALL,
            "2021-12-07",
            "tagesschau",
            "Putin und Biden",
            ("RUS", "USA"),
            [consult, threat],
            [peskow],
        ),
        article(
            "a2", wire_copy(CALL, "zeit"), "2021-12-07", "zeit", "Videoschalte", ("RUS", "USA"), [consult]
        ),
        article("a3", FLOOD, "2021-12-07", "spiegel", "Hochwasser"),
    ]


def test_update_assigns_saves_stories_and_is_incremental(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.save_batch(_first_batch())
        first = update_stories(store)
        assert first.assigned == 3 and first.duplicates == 1 and len(first.new_stories) == 2
        call = store.get_article("a1").story
        assert call == store.get_article("a2").story != store.get_article("a3").story
        story = store.get_story(call)
        assert story.articles == ["a1", "a2"] and story.sources == ["tagesschau", "zeit"]
        assert story.first == story.last == "2021-12-07"
        consult = [t for t in story.timeline if t.event["type"] == "CONSULT"]
        assert len(consult) == 1 and consult[0].reported_by == ["a1", "a2"]
        assert consult[0].event["independent_reports"] == 1

        assert update_stories(store).assigned == 0  # nothing new, nothing done

        follow = event("CONSULT", ["RUS"], ["USA"], "2021-12-30")
        store.save_batch(
            [article("a4", FOLLOW_UP, "2021-12-30", "welt", "Telefonat", ("RUS", "USA"), [follow])]
        )
        second = update_stories(store)
        assert second.assigned == 1 and second.updated_stories == [call] and not second.new_stories
        story = store.get_story(call)
        assert story.articles == ["a1", "a2", "a4"] and story.last == "2021-12-30"
        assert [t.date for t in story.timeline if t.event["type"] == "CONSULT"] == [
            "2021-12-07",
            "2021-12-30",
        ]


def test_state_survives_reopening_the_store(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.save_batch(_first_batch())
        update_stories(store)
    with Store(path) as store:
        store.save_batch([article("a5", wire_copy(CALL, "faz"), "2021-12-08", "faz", None, ("RUS", "USA"))])
        update = update_stories(store)
        assert update.duplicates == 1
        assert store.get_article("a5").story == store.get_article("a1").story


def test_dyad_timeline_scores_days(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.save_batch(_first_batch())
        update_stories(store)
        timeline = dyad_timeline(store, "USA", "RUS")
        assert len(timeline.days) == 1
        day = timeline.days[0]
        assert day.date == "2021-12-07" and len(day.events) == 2
        assert day.score == 2.0 - 3.0  # CONSULT occurred + THREATEN threatened (half of -6)
        directions = {e.event["type"]: e.event["direction"] for e in day.events}
        assert directions == {"CONSULT": "b->a", "THREATEN": "a->b"}
        assert dyad_timeline(store, "USA", "DEU").days == []


def test_outlet_comparison_lists_reported_and_missed(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.save_batch(_first_batch())
        update_stories(store)
        comparison = outlet_comparison(store, store.get_article("a1").story)
        by_outlet = {c.outlet: c for c in comparison.outlets}
        types = [t.event["type"] for t in comparison.timeline]
        threat = types.index("THREATEN")
        assert threat in by_outlet["tagesschau"].events and threat in by_outlet["zeit"].missed_events
        assert by_outlet["tagesschau"].quotes == [0] and by_outlet["zeit"].missed_quotes == [0]
        assert comparison.quotes[0].speaker == "RUS_peskow"
        assert comparison.to_dict()["story"] == comparison.story
        assert outlet_comparison(store, "no-such-story") is None


def test_unassigned_articles_read_columns_actors_and_events(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.save_batch(_first_batch())
        read = {a.id: a for a in unassigned_articles(store)}
        assert list(read) == ["a1", "a2", "a3"]
        assert read["a1"].text == CALL and read["a1"].title == "Putin und Biden"
        assert read["a1"].published == "2021-12-07"
        assert [e.actor for e in read["a1"].entities] == ["RUS", "USA"]
        assert [(e.type, e.source, e.target) for e in read["a1"].events] == [
            ("CONSULT", ["RUS"], ["USA"]),
            ("THREATEN", ["USA"], ["RUS"]),
        ]
        assert read["a3"].entities == [] and read["a3"].events == []


def test_story_records_and_article_json_stay_in_sync(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.save_batch(_first_batch())
        update_stories(store)
        for aid in ("a1", "a2", "a3"):
            row = store.one(
                "SELECT story, json_extract_string(data, '$.story') FROM articles WHERE id = ?", [aid]
            )
            assert row[0] is not None and row[0] == row[1]
        stories = list(store.iter_stories())
        assert sorted(a for s in stories for a in s.articles) == ["a1", "a2", "a3"]
        row = store.one("SELECT title, first FROM stories WHERE id = ?", [store.get_article("a1").story])
        assert row == ("Putin und Biden", "2021-12-07")


def test_late_copy_beyond_duplicate_days_is_not_a_copy_when_reloaded(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.save_batch(_first_batch())
        update_stories(store)
        store.save_batch([article("a6", wire_copy(CALL, "faz"), "2021-12-30", "faz", None, ("RUS", "USA"))])
        late = update_stories(store)
        assert late.duplicates == 0 and late.assigned == 1
        # still the same story through text similarity
        assert store.get_article("a6").story == store.get_article("a1").story


def test_dormant_story_is_loaded_and_revived_by_a_later_update(tmp_path: Path) -> None:
    params = ClusterParams(window_days=10, revive_days=60, revive_threshold=0.3)
    with Store(tmp_path / "s.duckdb") as store:
        store.save_batch(_first_batch())
        update_stories(store, params)
        call = store.get_article("a1").story
        # 23 days later: outside the window, so only the revival range keeps the story loaded and joinable
        store.save_batch([article("a4", FOLLOW_UP, "2021-12-30", "welt", "Telefonat", ("RUS", "USA"))])
        update = update_stories(store, params)
        assert update.updated_stories == [call] and not update.new_stories
        closed = ClusterParams(window_days=10, revive_days=10)
        store.save_batch([article("a5", FOLLOW_UP, "2022-03-30", "welt", "Telefonat", ("RUS", "USA"))])
        assert update_stories(store, closed).new_stories
