"""The watcher against a news site on the loopback interface: feeds, sitemaps, robots.txt, ETags, troublesome pages,
restarts, alerts and browsing while it writes."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from live_helpers import LoopbackSite

from lagebild.executors import LocalExecutor
from lagebild.live import AlertRule, Alerts, PoliteClient, WatchConfig, WatchedSource, Watcher
from lagebild.store import Store
from lagebild.web import create_app
from lagebild.web.sources import OwnedStore

TROUBLE = [
    "/slow",
    "/loop-a",
    "/broken",
    "/huge",
    "/binary",
    "/binary-as-html",
    "/private/x",
    "/missing",
    "/moved",
]


def quick_client() -> PoliteClient:
    return PoliteClient(timeout=0.5, retries=1, backoff=0.01, max_bytes=1024 * 1024)


def source(url: str, **kw: object) -> WatchedSource:
    return WatchedSource(url=url, name="Loopback", country="DE", language="de", delay=0.0, **kw)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def watched(tmp_path_factory: pytest.TempPathFactory):
    """One site with five articles and every troublesome page, watched once into a store."""
    folder = tmp_path_factory.mktemp("watch")
    with LoopbackSite() as site:
        site.state.slow_seconds = 1.5
        site.publish(range(5))
        site.state.extra_links = list(TROUBLE)
        config = WatchConfig(
            sources=[source(site.base + "/feed.xml")],
            alerts=[
                AlertRule("putin", actor="per.wladimir-putin"),
                AlertRule("sanktionen", search="Sanktionen"),
            ],
        )
        alerts = Alerts(config.alerts, folder / "alerts.jsonl")
        with Store(folder / "x.duckdb") as store, LocalExecutor(1) as executor:
            watcher = Watcher(config, store, executor=executor, client=quick_client(), alerts=alerts)
            watcher.poll_due()
            first_hits = len(site.hits("/articles/"))
            # a restart: a new watcher on the same store fetches no stored page again
            again = Watcher(config, store, executor=executor, client=quick_client())
            again.poll_due()
            states = dict(store.con.execute("SELECT url, status FROM watched_pages").fetchall())
            reasons = dict(store.con.execute("SELECT url, reason FROM watched_pages").fetchall())
            articles = store.con.execute(
                "SELECT url, source_name, title FROM articles ORDER BY url"
            ).fetchall()
            countries = {a.source.country for a in store.iter_articles()}
        yield {
            "site": site,
            "base": site.base,
            "stats": watcher.stats,
            "again": again.stats,
            "first_hits": first_hits,
            "hits_after_restart": len(site.hits("/articles/")),
            "states": {url.removeprefix(site.base): s for url, s in states.items()},
            "reasons": {url.removeprefix(site.base): r for url, r in reasons.items()},
            "articles": articles,
            "countries": countries,
            "alerts": folder / "alerts.jsonl",
            "db": folder / "x.duckdb",
        }


def test_feed_articles_go_through_the_pipeline_into_the_store(watched) -> None:
    assert [url.removeprefix(watched["base"]) for url, _, _ in watched["articles"]] == [
        f"/articles/{n}" for n in range(5)
    ]
    assert {outlet for _, outlet, _ in watched["articles"]} == {"Loopback"}
    assert all(
        title and title.startswith(("Putin", "Biden", "Scholz", "Selenskyj", "Macron"))
        for *_, title in watched["articles"]
    )
    assert watched["countries"] == {"DEU"}
    assert watched["stats"].stored == 5


def test_troublesome_pages_are_refused_with_a_reason_or_tried_again(watched) -> None:
    states, reasons = watched["states"], watched["reasons"]
    assert reasons["/loop-a"] == "redirect loop"
    assert reasons["/private/x"] == "disallowed by robots.txt"
    assert reasons["/missing"] == "HTTP 404"
    assert reasons["/huge"].startswith("too large")
    assert reasons["/binary"].startswith("not a text document")
    assert reasons["/binary-as-html"] == "binary content"
    assert states["/moved"] == "duplicate"  # redirects to an article already stored: same content
    assert "/slow" not in states and "/broken" not in states  # transient: tried again at the next poll
    assert watched["stats"].retry_later == 2
    assert not any(h.path == "/private/x" for h in watched["site"].hits())  # robots.txt is obeyed


def test_a_restart_fetches_nothing_already_stored(watched) -> None:
    assert watched["first_hits"] == 6  # five articles and the one the redirect led to
    assert watched["hits_after_restart"] == watched["first_hits"]
    assert (
        watched["again"].stored == 0 and watched["again"].pages_fetched == 2
    )  # only /slow and /broken again


def test_alerts_are_appended_for_matching_events(watched) -> None:
    lines = [json.loads(line) for line in watched["alerts"].read_text().splitlines()]
    assert lines and {a["alert"] for a in lines} <= {"putin", "sanktionen"}
    for alert in lines:
        if alert["alert"] == "putin":
            assert "per.wladimir-putin" in alert["source"] + alert["target"]
        assert alert["article_id"] and alert["url"].startswith(watched["base"])


def test_conditional_get_and_news_sitemap_index(tmp_path: Path) -> None:
    with LoopbackSite() as site:
        site.publish(range(3))
        config = WatchConfig(sources=[source(site.base + "/sitemap-index.xml")])
        with Store(tmp_path / "s.duckdb") as store, LocalExecutor(1) as executor:
            watcher = Watcher(config, store, executor=executor, client=quick_client())
            watcher.poll_due()
            watcher._due.clear()
            watcher.poll_due()
            published = {r[0] for r in store.con.execute("SELECT published FROM articles").fetchall()}
            assert store.count_articles() == 3
        statuses = [h.status for h in site.hits("/sitemap")]
        assert statuses == [200, 200, 304, 304]  # index and sitemap, then both not modified
        assert published == {"2021-12-07"}
        site.publish([3])  # a new article changes the sitemap: fetched, only the new page
        with Store(tmp_path / "s.duckdb") as store, LocalExecutor(1) as executor:
            Watcher(config, store, executor=executor, client=quick_client()).poll_due()
            assert store.count_articles() == 4
        assert [h.path for h in site.hits("/articles/")] == [f"/articles/{n}" for n in (2, 1, 0, 3)]


def test_browsing_while_the_watcher_writes(tmp_path: Path) -> None:
    """One process owns the store: the watcher writes through its cursor, every request reads through its own."""
    with LoopbackSite() as site:
        site.publish(range(6))
        config = WatchConfig(sources=[source(site.base + "/feed.xml", interval=1.0)])
        with Store(tmp_path / "live.duckdb") as store, LocalExecutor(1) as executor:
            client = TestClient(create_app(store.path, OwnedStore(store)))
            writer = store.writer()
            watcher = Watcher(config, writer, executor=executor, client=quick_client(), batch_pages=2)
            stop = threading.Event()
            thread = threading.Thread(target=watcher.run, args=(stop,))
            thread.start()
            statuses, seen = [], 0
            deadline = time.monotonic() + 120
            try:
                while seen < 6 and time.monotonic() < deadline:
                    for path in (
                        "/",
                        "/api/articles",
                        "/api/stories",
                        "/outlets",
                        "/alerts",
                        "/api/export/events.csv",
                    ):
                        statuses.append(client.get(path).status_code)
                    seen = client.get("/api/articles").json()["total"]
            finally:
                stop.set()
                thread.join()
                writer.close()
            assert seen == 6
            assert set(statuses) == {200}
            story = client.get("/api/stories").json()["items"]
            assert story and client.get(f"/stories/{story[0]['id']}").status_code == 200
