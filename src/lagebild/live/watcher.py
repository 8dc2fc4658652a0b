"""The watcher: polls feeds and sitemaps, fetches new article pages politely and runs them through the pipeline.

Pages are spooled as JSONL (url, html, outlet, country, language, dates) next to the store and handed to
:func:`lagebild.process.process`, the same entry point as ``lagebild process``, in small batches so that a new page is
stored within seconds. A page is settled in the store once it is stored, found to be a duplicate (same canonical URL
or same content) or refused for good (404, too large, binary, robots.txt); settled pages are never fetched again, so a
restart refetches nothing already stored. A spool file left by a crash is processed at the next start.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import html as lxml_html

from lagebild.ingest import BinaryContent, decode_bytes
from lagebild.live.alerts import Alerts
from lagebild.live.discover import Link, canonical_url, discover
from lagebild.live.fetch import Fetched, PoliteClient
from lagebild.live.sources import WatchConfig, WatchedSource
from lagebild.store import Store

log = logging.getLogger("lagebild.watch")

BATCH_PAGES = 16
"""Pages handed to the pipeline at once (fewer when :data:`FLUSH_SECONDS` have passed since the first)."""
FLUSH_SECONDS = 5.0
MAX_SITEMAPS = 20
"""Child sitemaps read per sitemap index and poll."""


@dataclass
class Pending:
    url: str
    source: WatchedSource
    link: Link
    fetched: Fetched
    text: str
    digest: str


@dataclass
class WatchStats:
    """Counts since the watcher started."""

    polls: int = 0
    not_modified: int = 0
    pages_fetched: int = 0
    stored: int = 0
    duplicates: int = 0
    refused: int = 0
    failed: int = 0
    retry_later: int = 0
    alerts: int = 0
    errors: list[str] = field(default_factory=list)


class Watcher:
    """Polls the sources of ``config`` into ``store`` (the one writer of the store in this process)."""

    def __init__(
        self,
        config: WatchConfig,
        store: Store,
        *,
        executor: object,
        client: PoliteClient | None = None,
        spool: str | Path | None = None,
        alerts: Alerts | None = None,
        batch_pages: int = BATCH_PAGES,
        flush_seconds: float = FLUSH_SECONDS,
        on_stored: Callable[[list[str]], None] | None = None,
    ) -> None:
        self.config = config
        self.store = store
        self.executor = executor
        self.client = client or PoliteClient()
        self.spool = Path(spool) if spool else store.path.with_name(store.path.name + ".spool")
        self.alerts = alerts
        self.batch_pages = batch_pages
        self.flush_seconds = flush_seconds
        self.on_stored = on_stored
        self.stats = WatchStats()
        self._due: dict[str, float] = {}
        for source in config.sources:
            self.client.set_delay(source.url, source.delay)
        self._pending: list[Pending] = []
        self._first_pending = 0.0
        self._hashes: set[str] = set()

    # -- running ---------------------------------------------------------------------------------------------
    def run(self, stop: threading.Event) -> None:
        """Poll due sources until ``stop`` is set."""
        self.recover()
        while not stop.is_set():
            self.poll_due()
            wait = min(self._due.values(), default=time.monotonic() + 1.0) - time.monotonic()
            stop.wait(max(0.2, min(wait, 5.0)))

    def poll_due(self) -> int:
        """Poll every source whose interval has passed; returns how many were polled."""
        now = time.monotonic()
        due = [s for s in self.config.sources if self._due.get(s.url, 0.0) <= now]
        for source in due:
            self._due[source.url] = time.monotonic() + source.interval
            self.poll(source)
        return len(due)

    def recover(self) -> None:
        """Process spool files a previous run left behind (it stopped between fetching and storing)."""
        if not self.spool.is_dir():
            return
        for path in sorted(self.spool.glob("*.jsonl")):
            records = []
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                try:
                    records.append(json.loads(line))
                except ValueError:
                    continue
            self._store_spooled(
                path, [r for r in records if isinstance(r, dict) and isinstance(r.get("url"), str)]
            )

    def poll(self, source: WatchedSource) -> None:
        """Read one feed or sitemap and fetch, store and settle its new pages."""
        self.stats.polls += 1
        complete = self._read_document(source, source.url, depth=0)
        self.flush()
        if not complete:
            log.info("%s: some pages will be tried again at the next poll", source.url)

    def flush(self) -> None:
        """Hand the pending pages to the pipeline and settle them."""
        if not self._pending:
            return
        pending, self._pending = self._pending, []
        self.spool.mkdir(parents=True, exist_ok=True)
        path = self.spool / f"{time.time_ns()}.jsonl"
        records = [_record(p) for p in pending]
        with path.open("w", encoding="utf-8") as handle:
            for record in records:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        self._store_spooled(path, records)

    # -- internals -------------------------------------------------------------------------------------------
    def _read_document(self, source: WatchedSource, url: str, depth: int) -> bool:
        """Poll a feed or sitemap (conditional GET); True when every page it lists is settled. The child sitemaps
        of an unchanged sitemap index are still polled (each with its own validators)."""
        etag, modified, known_children = self.store.feed_validators(url)
        doc = self.client.get(url, etag, modified)
        if doc.not_modified:
            self.stats.not_modified += 1
            complete = True
            if depth < 2:
                for child in known_children[:MAX_SITEMAPS]:
                    complete &= self._read_document(source, child, depth + 1)
            return complete
        if not doc.ok:
            self._error(f"{url}: {doc.error}")
            return False
        found = discover(doc.body, url, source.kind)
        complete = True
        if depth < 2:
            for child in found.sitemaps[:MAX_SITEMAPS]:
                complete &= self._read_document(source, child, depth + 1)
        complete &= self._fetch_pages(source, found.links)
        if complete:  # otherwise the next poll reads the document in full again
            self.store.save_feed_validators(url, doc.etag, doc.last_modified, found.sitemaps[:MAX_SITEMAPS])
        return complete

    def _fetch_pages(self, source: WatchedSource, links: list[Link]) -> bool:
        settled = self.store.settled_urls(link.url for link in links)
        fresh = [link for link in links if link.url not in settled and link.url not in self._pending_urls()]
        complete = len(fresh) <= source.max_pages
        for link in fresh[: source.max_pages]:
            complete &= self._fetch_page(source, link)
            if self._pending and (
                len(self._pending) >= self.batch_pages
                or time.monotonic() - self._first_pending >= self.flush_seconds
            ):
                self.flush()
        return complete

    def _pending_urls(self) -> set[str]:
        return {p.url for p in self._pending}

    def _fetch_page(self, source: WatchedSource, link: Link) -> bool:
        page = self.client.get(link.url)
        self.stats.pages_fetched += 1
        if not page.ok:
            if page.permanent:
                self.stats.refused += 1
                self.store.settle_pages(
                    [(link.url, source.name, "refused", None, None, page.error, page.fetched_at)]
                )
                return True
            self.stats.retry_later += 1
            self._error(f"{link.url}: {page.error}")
            return False
        digest = hashlib.sha256(page.body).hexdigest()
        try:
            text = decode_bytes(page.body, page.charset)
        except BinaryContent as exc:
            self.stats.refused += 1
            self.store.settle_pages(
                [(link.url, source.name, "refused", digest, None, str(exc), page.fetched_at)]
            )
            return True
        canonical = _declared_canonical(text, page.final_url) or canonical_url(page.final_url) or link.url
        duplicate = digest in self._hashes or self.store.known_hashes([digest])
        if not duplicate and canonical != link.url:
            duplicate = bool(self.store.settled_urls([canonical])) or canonical in self._pending_urls()
        if duplicate:
            self.stats.duplicates += 1
            self.store.settle_pages(
                [(link.url, source.name, "duplicate", digest, None, f"same as {canonical}", page.fetched_at)]
            )
            return True
        self._hashes.add(digest)
        if not self._pending:
            self._first_pending = time.monotonic()
        self._pending.append(Pending(link.url, source, link, page, text, digest))
        return True

    def _store_spooled(self, path: Path, records: list[dict[str, Any]]) -> None:
        from lagebild.process import process

        summary = process([str(path)], self.store, executor=self.executor)
        failed = {
            p.rsplit(":", 1)[-1]: reason for p, _stage, reason in summary.failures if p.startswith(str(path))
        }
        ids = self.store.article_ids_by_url(r["url"] for r in records)
        rows = []
        stored: list[str] = []
        for number, record in enumerate(records, start=1):
            url = record["url"]
            reason = failed.get(str(number))
            if url in ids:
                status = "stored"
                stored.append(ids[url])
            elif reason:
                status = "failed"
            else:
                status, reason = "duplicate", "same content as a stored article"
            counter = {"stored": "stored", "failed": "failed", "duplicate": "duplicates"}[status]
            setattr(self.stats, counter, getattr(self.stats, counter) + 1)
            rows.append(
                (
                    url,
                    record.get("source"),
                    status,
                    record.get("hash"),
                    ids.get(url),
                    reason,
                    record.get("fetched_at"),
                )
            )
        self.store.settle_pages(rows)
        path.unlink(missing_ok=True)
        if stored and self.alerts is not None:
            self.stats.alerts += len(self.alerts.check(self.store, stored))
        if stored and self.on_stored is not None:
            self.on_stored(stored)

    def _error(self, message: str) -> None:
        log.warning("%s", message)
        self.stats.errors.append(message)
        del self.stats.errors[:-100]


def _record(p: Pending) -> dict[str, Any]:
    return {
        "url": p.url,
        "html": p.text,
        "source": p.source.name,
        "country": p.source.country,
        "language": p.source.language,
        "published": p.link.published,
        "fetched": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(p.fetched.fetched_at)),
        "fetched_at": p.fetched.fetched_at,
        "hash": p.digest,
    }


def _declared_canonical(text: str, base: str) -> str | None:
    """The page's ``<link rel="canonical">``, resolved and normalised."""
    head = text[: 256 * 1024]
    if "canonical" not in head:
        return None
    try:
        tree = lxml_html.fromstring(head)
    except (ValueError, TypeError, lxml_html.etree.ParserError):
        return None
    for href in tree.xpath('//link[translate(@rel, "CANONICAL", "canonical")="canonical"]/@href')[:1]:
        return canonical_url(str(href), base)
    return None
