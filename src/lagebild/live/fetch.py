"""Polite HTTP fetching for the watcher: robots.txt, a per-host rate limit, conditional GET, retries with backoff,
timeouts, a size limit, bounded redirects and text-only bodies.

Built on httpx and the standard library's robots.txt parser. Every outcome is a :class:`Fetched` record; nothing
raises for a bad page, so one broken site never stops a poll.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from lagebild import __version__

USER_AGENT = f"lagebild/{__version__} (+https://github.com/lagebild/lagebild)"
MAX_BYTES = 5 * 1024 * 1024
"""Pages and feeds larger than this are refused (the reader's own limit is larger)."""
MAX_REDIRECTS = 5
RETRIES = 3
MAX_BACKOFF = 60.0
ROBOTS_SECONDS = 3600.0
"""robots.txt is read again after this long (after 5 minutes when it could not be read)."""
TEXT_TYPES = ("text/", "application/xhtml", "application/xml", "application/rss", "application/atom", "+xml")


@dataclass
class Fetched:
    """What one request gave: a body, 304 (not modified), or an error with its reason."""

    url: str
    final_url: str
    status: int | None = None
    body: bytes = b""
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
    permanent: bool = False
    """The error will not go away by asking again (4xx, too large, not text, robots.txt)."""
    location: str | None = None
    retry_after: float | None = None
    fetched_at: float = field(default_factory=time.time)

    @property
    def ok(self) -> bool:
        return self.error is None and self.status == 200

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def charset(self) -> str | None:
        """The charset the Content-Type header declares."""
        for part in (self.content_type or "").split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset":
                return value.strip("\"' ") or None
        return None

    def text(self) -> str:
        try:
            return self.body.decode(self.charset or "utf-8", errors="replace")
        except LookupError:
            return self.body.decode("utf-8", errors="replace")


class PoliteClient:
    """One HTTP client for all hosts: waits ``delay`` seconds between requests to a host (or the host's Crawl-delay
    when longer), obeys robots.txt and retries transient failures with exponential backoff."""

    def __init__(
        self,
        *,
        timeout: float = 15.0,
        max_bytes: int = MAX_BYTES,
        retries: int = RETRIES,
        backoff: float = 1.0,
        user_agent: str = USER_AGENT,
        sleep: Callable[[float], None] = time.sleep,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.max_bytes = max_bytes
        self.retries = retries
        self.backoff = backoff
        self.user_agent = user_agent
        self._sleep = sleep
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout),
            follow_redirects=False,
            headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"},
            transport=transport,
        )
        self._robots: dict[str, tuple[float, RobotFileParser | None]] = {}
        self._next: dict[str, float] = {}
        self._delays: dict[str, float] = {}
        self._lock = threading.Lock()
        self.requests = 0

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def set_delay(self, url: str, delay: float) -> None:
        """Seconds between requests to the host of ``url`` (the largest asked for wins)."""
        host = _origin(url)
        self._delays[host] = max(delay, self._delays.get(host, 0.0))

    def allowed(self, url: str) -> bool:
        """Whether robots.txt of the URL's host lets this client fetch it."""
        origin = _origin(url)
        expires, robots = self._robots.get(origin, (0.0, None))
        if time.monotonic() >= expires:
            robots, ttl = self._load_robots(origin)
            self._robots[origin] = (time.monotonic() + ttl, robots)
        return robots is None or robots.can_fetch(self.user_agent, url)

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """GET ``url`` politely: robots.txt, rate limit, conditional headers, bounded redirects, retries."""
        current, seen = url, {url}
        for _ in range(MAX_REDIRECTS + 1):
            if not self.allowed(current):
                return Fetched(url, current, error="disallowed by robots.txt", permanent=True)
            result = self._get_with_retries(url, current, etag, last_modified)
            if result.status is None or result.status not in (301, 302, 303, 307, 308):
                return result
            location = result.location
            if not location:
                return Fetched(url, current, result.status, error="redirect without Location", permanent=True)
            current = urljoin(current, location)
            if urlsplit(current).scheme not in ("http", "https"):
                return Fetched(
                    url, current, result.status, error="redirect to a non-HTTP URL", permanent=True
                )
            if current in seen:
                return Fetched(url, current, result.status, error="redirect loop", permanent=True)
            seen.add(current)
        return Fetched(url, current, error=f"more than {MAX_REDIRECTS} redirects", permanent=True)

    # -- internals -------------------------------------------------------------------------------------------
    def _get_with_retries(self, url: str, current: str, etag: str | None, modified: str | None) -> Fetched:
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if modified:
            headers["If-Modified-Since"] = modified
        result = Fetched(url, current, error="not fetched")
        for attempt in range(self.retries + 1):
            self._wait_turn(current)
            result = self._once(url, current, headers)
            transient = result.error is not None and not result.permanent
            if not transient:
                return result
            if attempt < self.retries:
                self._sleep(min(MAX_BACKOFF, max(self.backoff * 2**attempt, result.retry_after or 0.0)))
        return result

    def _once(self, url: str, current: str, headers: dict[str, str]) -> Fetched:
        self.requests += 1
        try:
            with self._client.stream("GET", current, headers=headers) as response:
                status = response.status_code
                if status in (301, 302, 303, 307, 308):
                    return Fetched(url, current, status, location=response.headers.get("Location"))
                if status == 304:
                    return Fetched(
                        url,
                        current,
                        304,
                        etag=headers.get("If-None-Match"),
                        last_modified=headers.get("If-Modified-Since"),
                    )
                if status == 429 or status >= 500:
                    retry = _seconds(response.headers.get("Retry-After"))
                    return Fetched(url, current, status, error=f"HTTP {status}", retry_after=retry)
                if status != 200:
                    return Fetched(url, current, status, error=f"HTTP {status}", permanent=True)
                ctype = response.headers.get("Content-Type", "")
                if ctype and not any(t in ctype.lower() for t in TEXT_TYPES):
                    return Fetched(
                        url, current, status, error=f"not a text document ({ctype[:80]})", permanent=True
                    )
                declared = response.headers.get("Content-Length")
                if declared and declared.isdigit() and int(declared) > self.max_bytes:
                    return Fetched(url, current, status, error=f"too large: {declared} bytes", permanent=True)
                body = bytearray()
                for chunk in response.iter_bytes():
                    body.extend(chunk)
                    if len(body) > self.max_bytes:
                        return Fetched(
                            url,
                            current,
                            status,
                            error=f"too large: more than {self.max_bytes} bytes",
                            permanent=True,
                        )
                if b"\x00" in body[:4096]:
                    return Fetched(url, current, status, error="binary content", permanent=True)
                return Fetched(
                    url,
                    current,
                    status,
                    bytes(body),
                    ctype or None,
                    response.headers.get("ETag"),
                    response.headers.get("Last-Modified"),
                )
        except httpx.TimeoutException:
            return Fetched(url, current, error="timed out")
        except (httpx.HTTPError, OSError) as exc:
            return Fetched(url, current, error=f"{type(exc).__name__}: {exc}"[:300])

    def _wait_turn(self, url: str) -> None:
        host = _origin(url)
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next.get(host, 0.0))
            self._next[host] = start + self._delays.get(host, 0.0)
        if start > now:
            self._sleep(start - now)

    def _load_robots(self, origin: str) -> tuple[RobotFileParser | None, float]:
        """robots.txt of ``origin`` and how long to keep it: None (everything allowed) when there is none; a parser
        that disallows everything, for a short while, when the server refuses it (401/403) or fails."""
        parser = RobotFileParser(origin + "/robots.txt")
        fetched = self._get_with_retries(origin + "/robots.txt", origin + "/robots.txt", None, None)
        if fetched.status in (401, 403) or (fetched.error and not fetched.permanent):
            parser.parse(["User-agent: *", "Disallow: /"])
            return parser, 300.0
        if not fetched.ok:
            return None, ROBOTS_SECONDS
        parser.parse(fetched.text().splitlines())
        delay = parser.crawl_delay(self.user_agent)
        if delay:
            self._delays[origin] = max(float(delay), self._delays.get(origin, 0.0))
        return parser, ROBOTS_SECONDS


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def _seconds(value: str | None) -> float | None:
    """A Retry-After header in seconds, or None."""
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None
