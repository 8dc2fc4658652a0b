from __future__ import annotations

from lagebild.model import EVENT_TYPES
from lagebild.stories import GOLDSTEIN, EventReport, merge_events
from lagebild.stories.events import entry_score
from stories_helpers import event


def test_every_plover_type_has_a_goldstein_weight_in_range() -> None:
    assert set(GOLDSTEIN) == set(EVENT_TYPES)
    assert all(-10 <= w <= 10 for w in GOLDSTEIN.values())
    assert GOLDSTEIN["ASSAULT"] < GOLDSTEIN["THREATEN"] < 0 < GOLDSTEIN["CONSULT"] < GOLDSTEIN["AGREE"]


def test_same_event_from_several_articles_is_one_entry() -> None:
    reports = [
        EventReport("a1", event("CONSULT", ["RUS"], ["USA"], "2021-12-07"), "2021-12-07", "tagesschau"),
        EventReport(
            "a2", event("CONSULT", ["RUS"], ["USA"], "2021-12-08"), "2021-12-08", "zeit", copy_of="a1"
        ),
        EventReport("a3", event("CONSULT", ["RUS", "USA"], ["USA"], "2021-12-07"), "2021-12-09", "faz"),
        # a later article recalls the same earlier call: same date, links to the same entry
        EventReport("a4", event("CONSULT", ["RUS"], ["USA"], "2021-12-07"), "2021-12-30", "welt"),
        # the follow-up call three weeks later is a different event
        EventReport("a4", event("CONSULT", ["RUS"], ["USA"], "2021-12-30"), "2021-12-30", "welt"),
        EventReport("a1", event("THREATEN", ["USA"], ["RUS"], "2021-12-07", "threatened"), "2021-12-07", "x"),
    ]
    entries = merge_events(reports)
    assert [(e.date, e.event["type"]) for e in entries] == [
        ("2021-12-07", "CONSULT"),
        ("2021-12-07", "THREATEN"),
        ("2021-12-30", "CONSULT"),
    ]
    first = entries[0]
    assert first.reported_by == ["a1", "a2", "a3", "a4"]
    assert first.event["independent_reports"] == 3  # a2 copies a1
    assert first.event["outlets"] == ["faz", "tagesschau", "welt", "zeit"]
    assert first.event["source"] == ["RUS", "USA"]
    assert entry_score(entries[1]) == GOLDSTEIN["THREATEN"] * 0.5


def test_different_actors_or_far_dates_are_kept_apart() -> None:
    reports = [
        EventReport("a1", event("ACCUSE", ["RUS"], ["UKR"], "2022-01-10"), None, None),
        EventReport("a2", event("ACCUSE", ["DEU"], ["UKR"], "2022-01-10"), None, None),
        EventReport("a3", event("ACCUSE", ["RUS"], ["UKR"], "2022-01-14"), None, None),
    ]
    assert len(merge_events(reports)) == 3
    assert len(merge_events(reports, tolerance=5)) == 2


def test_event_without_date_falls_back_to_publication() -> None:
    ev = event("AID", ["DEU"], ["UKR"], "")
    ev.date = None
    entries = merge_events([EventReport("a1", ev, "2022-03-01T10:00:00", "x")])
    assert entries[0].date == "2022-03-01"
    assert merge_events([]) == []
