"""A news site on the loopback interface (127.0.0.1 only) for the watcher's tests and benchmark.

It serves an RSS feed, a news sitemap (and an index of sitemaps), robots.txt and article pages with ETag and
Last-Modified, plus the pages a polite fetcher must survive: slow pages, redirect loops, 404 and 500 answers, a huge
body and a binary one. Every request is logged with its time, and each article records when it was first served.
"""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

PEOPLE = [
    ("Der russische Präsident Wladimir Putin", "Putin"),
    ("US-Präsident Joe Biden", "Biden"),
    ("Bundeskanzler Olaf Scholz", "Scholz"),
    ("Der ukrainische Präsident Wolodymyr Selenskyj", "Selenskyj"),
    ("Frankreichs Präsident Emmanuel Macron", "Macron"),
    ("Der chinesische Staatschef Xi Jinping", "Xi"),
]
ACTIONS = [
    ("kritisierte am {day} scharf {target}", "Die Vorwürfe wiegen schwer"),
    ("traf sich am {day} in Berlin mit {target}", "Beide vereinbarten weitere Gespräche"),
    ("drohte am {day} {target} mit Sanktionen", "Die Drohung sorgte für Unruhe an den Märkten"),
    ("lobte am {day} die Zusammenarbeit mit {target}", "Man wolle enger kooperieren"),
    ("forderte am {day} von {target} Sicherheitsgarantien", "Eine Antwort steht noch aus"),
]
TARGETS = ["der NATO", "Russland", "der Ukraine", "Frankreich", "China", "der Europäischen Union"]
DAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag"]
PLACES = ["Moskau", "Washington", "Berlin", "Kiew", "Paris", "Peking", "Brüssel", "Wien", "Genf", "Rom"]


def article_html(number: int) -> str:
    """A German news page, different for every ``number``, with a title, a dateline, an event and a quote."""
    who, short = PEOPLE[number % len(PEOPLE)]
    action, coda = ACTIONS[(number // len(PEOPLE)) % len(ACTIONS)]
    target = TARGETS[(number // 7) % len(TARGETS)]
    day = DAYS[number % len(DAYS)]
    place = PLACES[(number // 3) % len(PLACES)]
    body = (
        f"{place.upper()} (dpa) - {who} {action.format(day=day, target=target)}. {coda}, hieß es in {place}. "
        f'"Wir werden die Lage genau beobachten", sagte {short} nach Angaben von Beobachtern. '
        f"Es war die Meldung Nummer {number} dieser Woche, Aktenzeichen {hashlib.sha1(str(number).encode()).hexdigest()[:10]}."
    )
    title = f"{short}: Meldung {number} aus {place}"
    return (
        "<!doctype html><html lang='de'><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title></head><body><nav><a href='/'>Start</a> | <a href='/politik'>Politik</a></nav>"
        f"<article><h1>{escape(title)}</h1><p>{escape(body)}</p>"
        f"<p>{escape(coda)}. Weitere Einzelheiten wurden zunächst nicht bekannt.</p></article>"
        "<footer>Impressum | Datenschutz</footer></body></html>"
    )


@dataclass
class Hit:
    path: str
    status: int
    at: float


@dataclass
class SiteState:
    articles: list[int] = field(default_factory=list)
    """Numbers of the published articles (listed in the feed and sitemap, newest first)."""
    extra_links: list[str] = field(default_factory=list)
    """Further paths the feed and sitemap list (the troublesome pages)."""
    robots: str = "User-agent: *\nDisallow: /private/\n"
    slow_seconds: float = 3.0
    huge_bytes: int = 8 * 1024 * 1024
    served: dict[str, float] = field(default_factory=dict)
    hits: list[Hit] = field(default_factory=list)


class LoopbackSite:
    """The site, served on 127.0.0.1 in a background thread. Use as a context manager."""

    def __init__(self) -> None:
        self.state = SiteState()
        self.lock = threading.Lock()
        handler = _handler(self)
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> LoopbackSite:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def publish(self, numbers: list[int] | range) -> None:
        with self.lock:
            self.state.articles.extend(numbers)

    def hits(self, prefix: str = "") -> list[Hit]:
        with self.lock:
            return [h for h in self.state.hits if h.path.startswith(prefix)]

    def feed(self) -> bytes:
        with self.lock:
            paths = [f"/articles/{n}" for n in reversed(self.state.articles)] + list(self.state.extra_links)
        items = "".join(
            f"<item><title>Meldung {escape(p)}</title><link>{self.base}{escape(p)}</link>"
            f"<pubDate>{formatdate(1638870000 + i * 60, usegmt=True)}</pubDate></item>"
            for i, p in enumerate(paths)
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Loopback</title>'
            f"<link>{self.base}/</link>{items}</channel></rss>"
        ).encode()

    def sitemap(self) -> bytes:
        with self.lock:
            paths = [f"/articles/{n}" for n in reversed(self.state.articles)] + list(self.state.extra_links)
        urls = "".join(
            f"<url><loc>{self.base}{escape(p)}</loc><news:news><news:publication_date>2021-12-07"
            f"</news:publication_date><news:title>Meldung</news:title></news:news></url>"
            for p in paths
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>'
        ).encode()


def _etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:16] + '"'


def _handler(site: LoopbackSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:  # quiet
            pass

        def do_GET(self) -> None:  # noqa: N802 - the http.server API
            path = self.path.split("?", 1)[0]
            try:
                status = self._route(path)
            except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout, size limit)
                status = 499
                self.close_connection = True
            with site.lock:
                site.state.hits.append(Hit(path, status, time.time()))

        def _send(
            self, status: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8", **headers: str
        ) -> int:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for key, value in headers.items():
                self.send_header(key.replace("_", "-"), value)
            self.end_headers()
            if body:
                self.wfile.write(body)
            return status

        def _conditional(self, body: bytes, ctype: str) -> int:
            tag = _etag(body)
            if self.headers.get("If-None-Match") == tag:
                return self._send(304, ETag=tag)
            return self._send(200, body, ctype, ETag=tag, Last_Modified=formatdate(1638870000, usegmt=True))

        def _route(self, path: str) -> int:
            state = site.state
            if path == "/robots.txt":
                return self._send(200, state.robots.encode(), "text/plain")
            if path == "/feed.xml":
                return self._conditional(site.feed(), "application/rss+xml")
            if path == "/sitemap.xml":
                return self._conditional(site.sitemap(), "application/xml")
            if path == "/sitemap-index.xml":
                body = (
                    '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                    f"<sitemap><loc>{site.base}/sitemap.xml</loc></sitemap></sitemapindex>"
                ).encode()
                return self._conditional(body, "application/xml")
            if path.startswith("/articles/") and path[10:].isdigit():
                number = int(path[10:])
                with site.lock:
                    if number not in state.articles:
                        return self._send(404, b"not found")
                    state.served.setdefault(path, time.time())
                return self._conditional(article_html(number).encode(), "text/html; charset=utf-8")
            if path == "/slow":
                time.sleep(state.slow_seconds)
                return self._send(200, article_html(10_001).encode())
            if path in ("/loop-a", "/loop-b"):
                return self._send(302, Location="/loop-b" if path == "/loop-a" else "/loop-a")
            if path == "/moved":
                return self._send(301, Location="/articles/0")
            if path == "/broken":
                return self._send(500, b"server error")
            if path == "/huge":
                return self._send(200, b"<p>" + b"x" * state.huge_bytes + b"</p>")
            if path == "/binary":
                return self._send(200, bytes(range(256)) * 64, "image/png")
            if path == "/binary-as-html":
                return self._send(200, b"\x89PNG\x00\x00\x00" + bytes(range(256)) * 16)
            if path.startswith("/private/"):
                return self._send(200, article_html(10_002).encode())
            return self._send(404, b"not found")

    return Handler
