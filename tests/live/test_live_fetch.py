"""The polite client on its own: robots.txt delays, retries with backoff, conditional requests and limits."""

from __future__ import annotations

import httpx

from lagebild.live import PoliteClient


def mock_client(handler, **kw) -> tuple[PoliteClient, list[float]]:
    waits: list[float] = []
    client = PoliteClient(transport=httpx.MockTransport(handler), sleep=waits.append, **kw)
    return client, waits


def test_crawl_delay_and_host_rate_limit() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(200, text="User-agent: *\nCrawl-delay: 2\n")
        return httpx.Response(200, text="<p>ok</p>", headers={"Content-Type": "text/html"})

    client, waits = mock_client(handler)
    for n in range(3):
        assert client.get(f"http://127.0.0.1/a{n}").ok
    # the sleeps are not real, so each request is scheduled one Crawl-delay after the one before
    assert len(waits) == 2 and 1.5 < waits[0] <= 2.0 and 3.5 < waits[1] <= 4.0


def test_transient_failures_are_retried_with_backoff_and_retry_after() -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        calls.append(request.url.path)
        if len(calls) == 1:
            return httpx.Response(503, headers={"Retry-After": "7"})
        if len(calls) == 2:
            raise httpx.ConnectError("refused")
        return httpx.Response(200, text="<p>ok</p>", headers={"Content-Type": "text/html"})

    client, waits = mock_client(handler, retries=3, backoff=0.5)
    assert client.get("http://127.0.0.1/x").ok
    assert waits == [7.0, 1.0]


def test_conditional_headers_limits_and_refusals() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(403)
        return httpx.Response(304)

    client, _ = mock_client(handler)
    refused = client.get("http://127.0.0.1/x")
    assert refused.error == "disallowed by robots.txt" and refused.permanent

    def handler2(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        if request.url.path == "/feed":
            assert request.headers["If-None-Match"] == '"v1"'
            return httpx.Response(304)
        return httpx.Response(200, content=b"<p>" + b"a" * 5000, headers={"Content-Type": "text/html"})

    client, _ = mock_client(handler2, max_bytes=1000)
    assert client.get("http://127.0.0.1/feed", etag='"v1"').not_modified
    big = client.get("http://127.0.0.1/big")
    assert big.permanent and big.error.startswith("too large")
