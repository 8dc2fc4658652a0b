"""HTTP details of the web app: HEAD, 405 with Allow, HTML errors for browsers and JSON for the API, bidi isolation."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from lagebild.model import Article, Source
from lagebild.store import Store
from lagebild.web import create_app
from lagebild.web.app import isolate_bidi
from web_helpers import make_store


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    db = make_store(tmp_path_factory.mktemp("protocol") / "store.duckdb")
    return TestClient(create_app(db))


@pytest.mark.parametrize(
    "path", ["/", "/api/articles", "/stories/s1", "/api/export/events.csv", "/static/app.css"]
)
def test_head_is_answered_like_get_without_a_body(client: TestClient, path: str) -> None:
    get, head = client.get(path), client.head(path)
    assert head.status_code == get.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]
    assert head.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"])
def test_other_methods_get_405_with_allow(client: TestClient, method: str) -> None:
    response = client.request(method, "/api/articles")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, HEAD"


def test_errors_are_html_for_browsers_and_json_for_the_api(client: TestClient) -> None:
    page = client.get("/stories/nope", params={"lang": "en"})
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "Not found" in page.text
    assert client.get("/api/stories/nope").json() == {"detail": "no such story"}
    invalid = client.get("/actors", params={"page": "0"})
    assert invalid.status_code == 422 and invalid.headers["content-type"].startswith("text/html")
    assert "Ungültige Angaben" in invalid.text
    api_invalid = client.get("/api/articles", params={"limit": 0})
    assert api_invalid.status_code == 422 and api_invalid.json()["detail"][0]["loc"] == ["query", "limit"]


def test_a_missing_store_is_a_503_page_or_json(tmp_path: Path) -> None:
    client = TestClient(create_app(tmp_path / "none.duckdb"))
    page = client.get("/")
    assert page.status_code == 503 and page.headers["content-type"].startswith("text/html")
    assert page.headers["retry-after"]
    assert client.get("/api/articles").json() == {"detail": "store unavailable"}


def test_an_unclosed_override_stays_inside_its_value(tmp_path: Path) -> None:
    assert isolate_bidi("plain") == "plain"
    assert isolate_bidi("evil\u202eexe.html") == "\u2068evil\u202eexe.html\u2069"
    article = Article(
        id="rtl",
        title="Titel \u202eohne Ende",
        text="Ein Text.",
        source=Source(name="Bote", url="https://example.org/\u202egnp.exe"),
    )
    with Store(tmp_path / "s.duckdb") as store:
        store.save_batch([article])
    page = TestClient(create_app(tmp_path / "s.duckdb")).get("/articles/rtl").text
    assert "\u2068https://example.org/\u202egnp.exe\u2069" in page
    assert "\u2068Titel \u202eohne Ende\u2069" in page


def test_long_tokens_wrap(client: TestClient) -> None:
    css = client.get("/static/app.css").text
    assert "overflow-wrap: anywhere" in css and "unicode-bidi: isolate" in css
