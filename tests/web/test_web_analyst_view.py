"""What an analyst sees first: headlines instead of ids, named code actors, translated status words, real time
axes, the outlets chart and dates in the interface language."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from lagebild.model import Article, Event, Source, Span, Story, TimelineEntry
from lagebild.store import Store, export_jsonl, queries
from lagebild.web import create_app
from lagebild.web.charts import events_per_day
from lagebild.web.deps import clean_date
from web_helpers import make_store

TEXT = "Bozen (dpa). Die Richter in Rom haben Deutschland am Montag scharf kritisiert. Danach war Ruhe."


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    db = tmp_path_factory.mktemp("analyst") / "s.duckdb"
    event = Event(
        "ACCUSE",
        source=["ITA.JUD"],
        target=["DEU"],
        status="threatened",
        date="2001-03-01",
        evidence=Span(13, 76),
    )
    articles = [
        Article(id="u1", text=TEXT, language="de", source=Source(name="Bote"), events=[event], story="st"),
        Article(
            id="u2",
            text="Später mehr.",
            language="de",
            source=Source(name="Bote"),
            events=[
                Event("ACCUSE", source=["ITA.JUD"], target=["DEU"], date="2007-06-01"),
                Event("AGREE", source=["DEU"], target=["ITA"], date="2009-01-01"),
            ],
            story="st",
        ),
    ]
    timeline = [TimelineEntry(e.date, e.to_dict(), ["u1"]) for e in articles[0].events + articles[1].events]
    with Store(db) as store:
        store.save_batch(articles)
        store.save_stories([Story(id="st", articles=["u1", "u2"], sources=["Bote"], timeline=timeline)])
    return TestClient(create_app(db))


def test_untitled_stories_and_articles_get_their_lead_sentence(client: TestClient) -> None:
    lead = "Die Richter in Rom haben Deutschland am Montag scharf kritisiert."
    listed = client.get("/api/stories").json()["items"][0]
    assert listed["title"] is None and listed["headline"] == lead  # the dateline is skipped
    assert f"<h1>{lead}</h1>" in client.get("/stories/st").text
    assert f'<h1 id="article-title">{lead}</h1>' in client.get("/articles/u1").text
    articles = {a["id"]: a["headline"] for a in client.get("/api/articles").json()["items"]}
    assert articles == {"u1": lead, "u2": "Später mehr."}
    assert (
        queries.headline(None, "Wort " * 60).endswith("…")
        and len(queries.headline(None, "Wort " * 60)) <= 142
    )


def test_code_actors_have_names_on_pages_and_in_the_export(client: TestClient, tmp_path: Path) -> None:
    page = client.get("/stories/st").text
    assert "Justiz (Italien)" in page and "Deutschland" in page
    actor = client.get("/api/actors/ITA.JUD").json()["actor"]
    assert actor["name"] == "Justiz (Italien)" and actor["sector"] == "JUD"
    with Store(client.app.state.db_path, read_only=True) as store:
        export_jsonl(store, tmp_path)
    exported = {
        json.loads(line)["id"]: json.loads(line)["name"] for line in (tmp_path / "actors.jsonl").open()
    }
    assert exported == {"DEU": "Deutschland", "ITA": "Italien", "ITA.JUD": "Justiz (Italien)"}


def test_status_words_follow_the_interface_language(client: TestClient) -> None:
    assert '<span class="status">angedroht</span>' in client.get("/stories/st").text
    assert '<span class="status">threatened</span>' in client.get("/stories/st", params={"lang": "en"}).text


def test_time_axes_are_proportional_to_time() -> None:
    chart = events_per_day([("2001-03-01", "ACCUSE"), ("2007-06-01", "ACCUSE"), ("2009-01-01", "AGREE")])
    x = [r.x + r.w / 2 for r in chart.rects]
    assert (x[1] - x[0]) / (x[2] - x[1]) == pytest.approx(2284 / 580, rel=0.01)  # days between the dates
    assert [label.text for label in chart.xlabels][:2] == ["2002", "2003"]


def test_the_outlets_page_charts_what_each_outlet_carried(tmp_path: Path) -> None:
    html = TestClient(create_app(make_store(tmp_path / "w.duckdb"))).get("/outlets").text
    titles = re.findall(r'<rect class="cov-(?:in|out)"[^>]*><title>([^<]*)</title>', html)
    assert "Weltbote: 1 of 3 events" in titles and "Weltbote: 2 of 2 quotes left out" in titles


def test_dates_in_the_interface_language(client: TestClient) -> None:
    assert clean_date("7.12.2021") == "2021-12-07" and clean_date("2021-12-07") == "2021-12-07"
    assert clean_date("31.02.2021") is None and clean_date("07/12/2021") is None
    german = client.get("/", params={"date_from": "1.3.2001"}).text
    assert 'placeholder="TT.MM.JJJJ"' in german and 'value="01.03.2001"' in german
    english = client.get("/", params={"date_from": "2001-03-01", "lang": "en"}).text
    assert 'placeholder="YYYY-MM-DD"' in english and 'value="2001-03-01"' in english
