from __future__ import annotations

from pathlib import Path

from lagebild.store import Store
from lagebild.stories import dyad_timeline, outlet_comparison, update_stories
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
