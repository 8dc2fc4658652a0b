"""The situation report: events without any actor stay out of its event table; untitled articles show their opening."""

from __future__ import annotations

from rich.console import Console

from lagebild.model import Article, Event, Source, Span
from lagebild.report import print_report
from lagebild.store import Store


def _article() -> Article:
    text = "Putin forderte Garantien von der NATO. Der Vorschlag ruft massive Kritik hervor."
    return Article(
        id="x1",
        source=Source(name="Tagesblatt"),
        language="de",
        title=None,
        published="2021-12-07",
        text=text,
        events=[
            Event("REQUEST", source=["putin"], target=["nato"], date="2021-12-07", evidence=Span(0, 38)),
            Event("ACCUSE", date="2021-12-07", evidence=Span(39, len(text))),
        ],
    )


def test_report_hides_actorless_events_and_shows_opening_words(tmp_path):
    with Store(tmp_path / "r.duckdb") as store:
        store.save_batch([_article()])
        console = Console(record=True, width=200)
        print_report(store, console)
    out = console.export_text()
    assert "2 events" in out  # the summary still counts every stored event
    assert "REQUEST" in out and "ACCUSE" not in out
    assert "… Putin forderte Garantien" in out
