"""Article data is untrusted: script and event-handler payloads must render as inert text."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

from lagebild.web import create_app
from web_helpers import PAYLOAD, make_store

TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "lagebild" / "web" / "templates"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    return TestClient(create_app(make_store(tmp_path_factory.mktemp("web") / "store.duckdb")))


@pytest.mark.parametrize(
    "url",
    ["/articles/evil", "/stories/s1", "/?q=Harmloser", "/outlets", "/actors/nato", "/?outlet=x"],
)
def test_payloads_render_inert(client: TestClient, url: str) -> None:
    tags = Tags()
    tags.feed(client.get(url).text)
    assert tags.scripts == [{"src": "/static/app.js", "defer": None}]  # only the app's own static script
    assert "img" not in tags.names
    assert not tags.handlers  # no on* attribute on any element
    assert all(not href.lower().startswith(("javascript:", "data:")) for href in tags.hrefs)


class Tags(HTMLParser):
    """Collects what a browser would parse as elements: tag names, script tags, event handlers, link targets."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()
        self.scripts: list[dict[str, str | None]] = []
        self.handlers: list[tuple[str, str]] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.names.add(tag)
        if tag == "script":
            self.scripts.append(dict(attrs))
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append((tag, name))
            if name in ("href", "src", "action") and value:
                self.hrefs.append(value)


def test_article_page_shows_the_payload_as_text(client: TestClient) -> None:
    page = client.get("/articles/evil").text
    assert str(escape(PAYLOAD)) in page  # shown, as text, in title, body, quotes and removed parts
    assert page.count(str(escape(PAYLOAD))) >= 4


def test_hostile_ids_stay_inside_attributes(client: TestClient) -> None:
    page = client.get("/stories/s1").text
    assert '"><script' not in page and "javascript:" not in page.lower()


def test_templates_never_mark_data_safe() -> None:
    for template in TEMPLATES.glob("*.html"):
        source = template.read_text(encoding="utf-8")
        assert "|safe" not in source.replace(" ", ""), template.name
        assert "autoescape false" not in source, template.name
        assert not re.search(r"<script>|\son[a-z]+=", source), template.name  # no inline script or handlers


def test_csp_forbids_inline_script(client: TestClient) -> None:
    csp = client.get("/articles/evil").headers["content-security-policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["script-src"] == "'self'" and directives["default-src"] == "'none'"
    assert directives["base-uri"] == "'none'" and directives["frame-ancestors"] == "'none'"
