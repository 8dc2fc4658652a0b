"""Live ingestion under load: a watcher ingests pages from a news site on the loopback interface while clients browse
the web UI and API of the same process (``serve --watch``: one writer, a read cursor per request).

Reports server errors, lost and duplicated articles (every published page must be stored exactly once), the time from
a page being fetched to its article being visible through the API (median and maximum), and how many stored pages a
restarted watcher fetches again (must be 0). Only 127.0.0.1 is ever contacted.

    .venv/bin/python benchmarks/live.py [--pages 1000] [--clients 10] [--workers 2] [--think 1.0] [--timeout 1200]
"""

from __future__ import annotations

import argparse
import random
import shutil
import socket
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import httpx  # noqa: E402
import uvicorn  # noqa: E402

from lagebild.executors import LocalExecutor  # noqa: E402
from lagebild.live import PoliteClient, WatchConfig, WatchedSource, Watcher  # noqa: E402
from lagebild.store import Store  # noqa: E402
from lagebild.web import create_app  # noqa: E402
from lagebild.web.sources import OwnedStore  # noqa: E402
from loopback_site import LoopbackSite  # noqa: E402

BROWSE = [
    "/",
    "/api/articles",
    "/api/stories",
    "/actors",
    "/outlets",
    "/alerts",
    "/api/events",
    "/api/search?q=Sanktionen",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Browser(threading.Thread):
    """A client that keeps browsing lists, then a random story and article it found, until stopped."""

    def __init__(self, base: str, stop: threading.Event, seed: int, think: float) -> None:
        super().__init__(daemon=True)
        self.base, self.stop, self.random, self.think = base, stop, random.Random(seed), think
        self.statuses: Counter[int] = Counter()
        self.failures: list[str] = []

    def run(self) -> None:
        with httpx.Client(base_url=self.base, timeout=60) as client:
            while not self.stop.is_set():
                path = self.random.choice(BROWSE)
                try:
                    response = client.get(path)
                    self.statuses[response.status_code] += 1
                    if path == "/api/stories" and response.status_code == 200 and response.json()["items"]:
                        story = self.random.choice(response.json()["items"])["id"]
                        self.statuses[client.get(f"/stories/{story}").status_code] += 1
                    if path == "/api/articles" and response.status_code == 200 and response.json()["items"]:
                        article = self.random.choice(response.json()["items"])["id"]
                        self.statuses[client.get(f"/articles/{article}").status_code] += 1
                except httpx.HTTPError as exc:
                    self.failures.append(f"{path}: {type(exc).__name__}")
                self.stop.wait(self.random.uniform(0, 2 * self.think))


class Monitor(threading.Thread):
    """Records when each article URL first becomes visible through the API."""

    def __init__(self, base: str, stop: threading.Event) -> None:
        super().__init__(daemon=True)
        self.base, self.stop = base, stop
        self.visible: dict[str, float] = {}
        self.total = 0
        self.failures: list[str] = []

    def run(self) -> None:
        with httpx.Client(base_url=self.base, timeout=60) as client:
            while not self.stop.is_set():
                offset, total = 0, None
                while total is None or offset < total:
                    try:
                        body = client.get("/api/articles", params={"limit": 200, "offset": offset}).json()
                    except httpx.HTTPError as exc:
                        self.failures.append(type(exc).__name__)
                        break
                    now = time.time()
                    total = body["total"]
                    for item in body["items"]:
                        if item["url"]:
                            self.visible.setdefault(item["url"], now)
                    offset += 200
                self.total = total or 0
                self.stop.wait(0.5)


def run(pages: int, clients: int, workers: int, timeout: float, think: float) -> dict[str, object]:
    folder = Path(tempfile.mkdtemp(prefix="lagebild-live-"))
    with LoopbackSite() as site:
        site.publish(range(pages))
        config = WatchConfig(
            sources=[
                WatchedSource(
                    url=site.base + "/feed.xml",
                    name="Loopback",
                    country="DE",
                    language="de",
                    interval=5.0,
                    delay=0.0,
                    max_pages=pages,
                )
            ]
        )
        store = Store(folder / "live.duckdb")
        port = free_port()
        server = uvicorn.Server(
            uvicorn.Config(
                create_app(store.path, OwnedStore(store)), host="127.0.0.1", port=port, log_level="warning"
            )
        )
        threading.Thread(target=server.run, daemon=True).start()
        while not server.started:
            time.sleep(0.05)
        base = f"http://127.0.0.1:{port}"
        stop_clients, stop_watch = threading.Event(), threading.Event()
        browsers = [Browser(base, stop_clients, seed, think) for seed in range(clients)]
        monitor = Monitor(base, stop_clients)
        for thread in (*browsers, monitor):
            thread.start()
        writer = store.writer()
        started = time.time()
        with LocalExecutor(workers) as executor:
            watcher = Watcher(config, writer, executor=executor, client=PoliteClient(timeout=10))
            thread = threading.Thread(target=watcher.run, args=(stop_watch,), daemon=True)
            thread.start()
            deadline = time.monotonic() + timeout
            while len(monitor.visible) < pages and time.monotonic() < deadline:
                time.sleep(0.5)
            ingest_seconds = time.time() - started
            time.sleep(1.0)
            stop_watch.set()
            thread.join()
            stop_clients.set()
            for browser in browsers:
                browser.join()
            monitor.join()
            hits_before = len(site.hits("/articles/"))
            restarted = Watcher(config, writer, executor=executor, client=PoliteClient(timeout=10))
            restarted.recover()
            restarted.poll_due()
            refetched = len(site.hits("/articles/")) - hits_before
        urls = [r[0] for r in store.con.execute("SELECT url FROM articles").fetchall()]
        server.should_exit = True
        writer.close()
        store.close()
        shutil.rmtree(folder, ignore_errors=True)
        published = {f"{site.base}/articles/{n}" for n in range(pages)}
        counts = Counter(urls)
        delays = [
            monitor.visible[site.base + path] - served
            for path, served in site.state.served.items()
            if site.base + path in monitor.visible
        ]
    statuses: Counter[int] = Counter()
    failures = []
    for browser in browsers:
        statuses.update(browser.statuses)
        failures.extend(browser.failures)
    failures.extend(monitor.failures)
    return {
        "pages published": pages,
        "articles stored": len(urls),
        "lost": len(published - set(counts)),
        "duplicated": sum(n - 1 for n in counts.values() if n > 1) + len(set(counts) - published),
        "client requests": sum(statuses.values()),
        "server errors (5xx)": sum(n for code, n in statuses.items() if code >= 500),
        "other non-200": sum(n for code, n in statuses.items() if code != 200 and code < 500),
        "client failures": len(failures),
        "fetch to visible, median s": round(statistics.median(delays), 2) if delays else None,
        "fetch to visible, max s": round(max(delays), 2) if delays else None,
        "ingest wall time s": round(ingest_seconds, 1),
        "articles/s": round(len(urls) / ingest_seconds, 2) if ingest_seconds else None,
        "pages refetched after restart": refetched,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2, help="pipeline processes of the watcher")
    parser.add_argument("--timeout", type=float, default=1200.0, help="seconds to wait for every page")
    parser.add_argument("--think", type=float, default=1.0, help="mean seconds a client pauses between pages")
    args = parser.parse_args()
    result = run(args.pages, args.clients, args.workers, args.timeout, args.think)
    width = max(map(len, result))
    print(
        f"live ingestion: {args.pages} loopback pages, {args.clients} browsing clients (pausing {args.think} s on "
        f"average), {args.workers} pipeline worker(s)"
    )
    for key, value in result.items():
        print(f"  {key:<{width}}  {value}")


if __name__ == "__main__":
    main()
