"""REST API and server-rendered pages over a small store, through FastAPI's TestClient."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient

from lagebild.store import Store
from lagebild.web import create_app
from lagebild.web.charts import dyad_curve, events_per_day
from lagebild.web.highlight import Mark, segments
from lagebild.web.search import match_expression
from web_helpers import make_store


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    db = make_store(tmp_path_factory.mktemp("web") / "store.duckdb")
    return TestClient(create_app(db))


def test_articles_filters_and_paging(client: TestClient) -> None:
    body = client.get("/api/articles").json()
    assert body["total"] == 3 and [a["id"] for a in body["items"]] == ["evil", "b1", "a1"]
    assert client.get("/api/articles", params={"outlet": "Weltbote"}).json()["total"] == 1
    dated = client.get("/api/articles", params={"date_from": "2021-12-08", "date_to": "2021-12-08"}).json()
    assert [a["id"] for a in dated["items"]] == ["b1"]
    paged = client.get("/api/articles", params={"limit": 1, "offset": 1}).json()
    assert paged["total"] == 3 and [a["id"] for a in paged["items"]] == ["b1"]
    assert client.get("/api/articles", params={"q": "garantien"}).json()["items"][0]["id"] == "a1"


def test_page_size_and_dates_are_bounded(client: TestClient) -> None:
    assert client.get("/api/articles", params={"limit": 201}).status_code == 422
    assert client.get("/api/events", params={"offset": -1}).status_code == 422
    assert client.get("/api/articles", params={"date_from": "2021-12-08' OR 1=1"}).status_code == 422


def test_article_is_the_contract_record(client: TestClient) -> None:
    data = client.get("/api/articles/a1").json()
    assert data["title"] == "Putin fordert Garantien"
    assert data["quotes"][0]["speaker"]["actor"] == "peskow"
    assert client.get("/api/articles/missing").status_code == 404


def test_stories_events_quotes_actors(client: TestClient) -> None:
    stories = client.get("/api/stories", params={"q": "Sanktionen"}).json()
    assert stories["items"][0]["id"] == "s1" and stories["items"][0]["events"] == 3
    assert client.get("/api/stories", params={"outlet": "Nirgendwo"}).json()["total"] == 0
    assert client.get("/api/stories", params={"date_from": "2022-01-01"}).json()["total"] == 0
    assert len(client.get("/api/stories/s1").json()["timeline"]) == 3
    nato = client.get("/api/events", params={"actor": "nato"}).json()
    assert sorted(e["type"] for e in nato["items"]) == ["ACCUSE", "REQUEST"]
    assert client.get("/api/events", params={"source": "biden", "type": "THREATEN"}).json()["total"] == 1
    assert client.get("/api/events", params={"story": "s1"}).json()["total"] == 3
    quotes = client.get("/api/quotes", params={"speaker": "peskow"}).json()
    assert [q["text"] for q in quotes["items"]] == ['"Wir brauchen Garantien"']
    actors = client.get("/api/actors", params={"country": "RUS"}).json()
    assert {a["id"] for a in actors["items"]} == {"putin", "rus-gov", "peskow"}
    assert client.get("/api/actors", params={"q": "bid"}).json()["items"][0]["id"] == "biden"
    assert client.get("/api/actors", params={"q": "%"}).json()["total"] == 0
    assert [e["role"] for e in client.get("/api/actors/rus-gov").json()["events"]] == ["target"]


def test_search_folds_diacritics_and_marks_matches(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "begrusste"}).json()
    assert body["total"] == 0  # a different word: no stemming
    body = client.get("/api/search", params={"q": "begrüßte ukraine"}).json()
    assert body["total"] == 1 and body["items"][0]["id"] == "b1"
    assert "Ukraine" in body["items"][0]["matches"]
    assert client.get("/api/search", params={"q": 'NEAR(" OR *'}).json()["total"] == 0


def test_match_expression_quotes_every_word() -> None:
    assert match_expression('Putin" OR title:x*') == '"Putin" "OR" "title" "x"*'
    assert match_expression("  ;; ") is None


def test_outlet_comparison(client: TestClient) -> None:
    rows = {r["outlet"]: r for r in client.get("/api/outlets").json()}
    assert rows["Tagesblatt"]["events"] == 1 and rows["Tagesblatt"]["quotes"] == 1
    assert rows["Weltbote"]["top_type"] == "THREATEN" and rows["Weltbote"]["conflict_share"] == 1.0
    assert rows["Tagesblatt"]["conflict_share"] == 1.0  # REQUEST counts as (mild) conflict


def test_story_outlets_and_dyad_come_from_stories(client: TestClient) -> None:
    coverage = client.get("/api/stories/s1/outlets").json()
    by_outlet = {c["outlet"]: c for c in coverage["outlets"]}
    assert by_outlet["Tagesblatt"]["events"] == [0] and by_outlet["Tagesblatt"]["missed_events"] == [1, 2]
    assert by_outlet["Weltbote"]["quotes"] == [] and len(coverage["quotes"]) == 2
    assert client.get("/api/stories/none/outlets").status_code == 404
    dyad = client.get("/api/dyad", params={"a": "nato", "b": "putin"}).json()
    assert [(d["date"], d["score"]) for d in dyad["days"]] == [("2021-12-07", -1.0)]
    assert dyad["days"][0]["events"][0]["event"]["direction"] == "b->a"
    assert client.get("/api/dyad", params={"a": "nato", "b": "nobody"}).json()["days"] == []
    assert client.get("/api/dyad", params={"a": "nato"}).status_code == 422


def test_exports(client: TestClient) -> None:
    lines = client.get("/api/export/articles.jsonl").text.splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["a1", "b1", "evil"]
    table = list(csv.DictReader(io.StringIO(client.get("/api/export/events.csv").text)))
    assert {r["type"] for r in table} == {"REQUEST", "THREATEN", "ACCUSE"}
    assert next(r for r in table if r["type"] == "THREATEN")["target"] == "rus-gov"
    response = client.get("/api/export/quotes.parquet")
    assert response.headers["content-disposition"].endswith('"quotes.parquet"')
    assert pq.read_table(io.BytesIO(response.content)).num_rows == 2
    assert client.get("/api/export/runs.csv").status_code == 404
    assert client.get("/api/export/articles.xml").status_code == 404


def test_read_only_and_security_headers(client: TestClient) -> None:
    response = client.get("/")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert client.post("/api/articles", json={}).status_code == 405
    assert client.delete("/api/articles/a1").status_code == 405


def test_pages_render_in_both_languages(client: TestClient) -> None:
    de = client.get("/").text
    assert "Geschichten" in de and "Ukraine-Krise: Garantien und Sanktionen" in de
    en = client.get("/", params={"lang": "en"}).text
    assert "Stories" in en and 'lang="en"' in en and "/stories/s1?lang=en" in en
    assert client.get("/", params={"lang": "xx"}).text.count('lang="de"') == 1
    hits = client.get("/", params={"q": "Sanktionen", "date_from": "", "outlet": ""}).text
    assert "<mark>Sanktionen</mark>" in hits
    assert (
        "Keine Geschichten" in client.get("/", params={"outlet": "Weltbote", "date_from": "2022-01-01"}).text
    )


def test_story_page_ticker_charts_quotes(client: TestClient) -> None:
    html = client.get("/stories/s1").text
    ticks = re.findall(r'<li class="tick" data-date="([^"]*)"', html)
    assert ticks == ["2021-12-09", "2021-12-08", "2021-12-07"]  # newest first by default
    oldest = re.findall(r'<li class="tick" data-date="([^"]*)"', client.get("/stories/s1?order=oldest").text)
    assert oldest == sorted(oldest)
    assert "Putin forderte am Dienstag Sicherheitsgarantien" in html  # evidence of the merged event
    assert html.count('<rect class="bar t-') == 3 and '<polyline class="curve"' in html
    assert "Dmitri Peskow" in html and "Tagesblatt" in html
    coverage = re.findall(
        r'<td class="num">(\d+/\d+)</td>', html.split('id="coverage"')[1].split("</table>")[0]
    )
    assert coverage == ["1/3", "1/2", "1/3", "1/2", "1/3", "0/2"]  # Evil, Tagesblatt, Weltbote (no quote)
    assert "<title>2021-12-07: -1</title>" in client.get("/stories/s1", params={"dyad": "nato~putin"}).text
    assert client.get("/stories/none").status_code == 404


def test_article_page_highlights_and_removed(client: TestClient) -> None:
    html = client.get("/articles/a1").text
    assert re.search(
        r'<span class="hl hl-ent hl-ent-PER[^"]*" title="PER → Wladimir Putin[^"]*">Putin</span>', html
    )
    assert re.search(r'class="hl [^"]*hl-tmx[^"]*"[^>]*>am Dienstag<', html)
    assert "hl-quote" in html and "hl-event" in html
    assert '<span class="reason">ui</span></td><td class="removed-text">Jetzt abonnieren!' in html


def test_actor_and_outlet_pages(client: TestClient) -> None:
    html = client.get("/actors/putin").text
    assert "Wladimir Putin" in html and "REQUEST" in html and "NATO" in html
    assert client.get("/actors/nobody").status_code == 404
    assert "Weltbote" in client.get("/outlets", params={"lang": "en"}).text


def test_empty_stories_table_falls_back_to_article_events(tmp_path: Path) -> None:
    client = TestClient(create_app(make_store(tmp_path / "s.duckdb", with_story=False)))
    front = client.get("/").text
    assert "Keine Geschichten gefunden" in front and "Neueste Artikel" in front and "/articles/b1" in front
    assert client.get("/api/stories").json() == {"items": [], "total": 0, "limit": 50, "offset": 0}
    assert "Garantien" in client.get("/articles/a1").text


def test_story_without_timeline_uses_article_events(tmp_path: Path) -> None:
    db = make_store(tmp_path / "s.duckdb", with_story=False)
    from lagebild.model import Story

    with Store(db) as store:
        store.save_stories([Story(id="s1", title="Nur Artikel", articles=["a1", "b1"])])
    html = TestClient(create_app(db)).get("/stories/s1?order=oldest").text
    # the store assigns all three articles to s1, so their own events make the ticker
    assert re.findall(r'<li class="tick" data-date="([^"]*)"', html) == [
        "2021-12-07",
        "2021-12-08",
        "2021-12-09",
    ]


def test_empty_store_and_missing_store(tmp_path: Path) -> None:
    with Store(tmp_path / "empty.duckdb"):
        pass
    client = TestClient(create_app(tmp_path / "empty.duckdb"))
    for url in (
        "/",
        "/?q=x",
        "/outlets",
        "/actors",
        "/api/articles",
        "/api/search?q=x",
        "/api/export/events.csv",
    ):
        assert client.get(url).status_code == 200, url
    missing = TestClient(create_app(tmp_path / "none.duckdb"))
    assert missing.get("/api/articles").status_code == 503
    assert missing.get("/api/export/articles.jsonl").status_code == 503


def test_chart_geometry() -> None:
    chart = events_per_day(
        [("2021-12-01", "AGREE"), ("2021-12-01", "ASSAULT"), ("2021-12-03", "AGREE"), (None, "AID")]
    )
    assert len(chart.rects) == 3 and chart.legend == ["AGREE", "ASSAULT"]
    tallest = max(r.h for r in chart.rects)
    assert sum(r.h for r in chart.rects if r.title.startswith("2021-12-01")) == pytest.approx(2 * tallest)
    curve = dyad_curve([("2021-12-01", 3.0), ("2021-12-02", -9.0)])
    assert [p.css for p in curve.points] == ["pt coop", "pt conflict"]
    assert curve.points[0].y < curve.zero_y < curve.points[1].y
    assert events_per_day([]).empty and dyad_curve([("bad", 1.0)]).empty


def test_segments_cover_text_once() -> None:
    text = "Putin sagte am Dienstag etwas."
    marks = [
        Mark(0, 5, "entity", "e", "PER"),
        Mark(0, 30, "event", "v", "X"),
        Mark(12, 23, "timex", "t", "D"),
    ]
    parts = segments(text, marks)
    assert "".join(p.text for p in parts) == text
    assert [p.css for p in parts if p.text == "am Dienstag"] == ["v t"]


def test_csv_export_neutralises_formulas():
    from lagebild.web.api import _cell

    assert [_cell(v) for v in ("=1+1", "+49 30", "-2", "@SUM(A1)", "\tx", "Putin", 3, -2)] == [
        "'=1+1",
        "'+49 30",
        "'-2",
        "'@SUM(A1)",
        "'\tx",
        "Putin",
        3,
        -2,
    ]
    assert _cell(["=a", "b"]) == "'=a;b"
