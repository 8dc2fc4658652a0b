"""The FastAPI application: the HTML pages and the REST API, read-only over a store.

Errors are HTML pages for browsers and JSON for the API; HEAD is answered like GET without a body; any other method
gets 405 with an ``Allow`` header.
"""

from __future__ import annotations

import re
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from lagebild.model import EVENT_TYPES
from lagebild.store import StoreError, alerts_path
from lagebild.web import api, pages
from lagebild.web.search import SearchIndex
from lagebild.web.sources import PublishedStore, StoreSource

HERE = Path(__file__).parent
ALLOWED_METHODS = "GET, HEAD"

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def create_app(
    db_path: str | Path, source: StoreSource | None = None, alerts_file: str | Path | None = None
) -> FastAPI:
    """A read-only web app over the store at ``db_path``, read through ``source`` (by default the snapshots of
    :class:`~lagebild.web.sources.PublishedStore`, so a writer in another process is never blocked). The alerts
    page lists ``alerts_file`` (by default ``FILE.alerts.jsonl`` next to the store)."""
    source = source or PublishedStore(db_path)

    @asynccontextmanager
    async def lifespan(app: FastAPI):  # noqa: ANN202 - an async generator
        yield
        source.close()

    app = FastAPI(
        title="lagebild",
        description="Stories, timelines, articles, events, quotes and actors from a lagebild store (read-only).",
        openapi_url="/api/openapi.json",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.db_path = str(db_path)
    app.state.source = source
    app.state.alerts_file = Path(alerts_file) if alerts_file else alerts_path(db_path)
    app.state.search = SearchIndex()
    app.state.templates = _environment()

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # noqa: ANN202 - ASGI middleware
        if request.method not in ("GET", "HEAD"):
            headers = {**SECURITY_HEADERS, "Allow": ALLOWED_METHODS}
            return JSONResponse({"detail": "read-only"}, status_code=405, headers=headers)
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.exception_handler(StoreError)
    async def store_unavailable(request: Request, exc: StoreError) -> Response:
        return _error(request, 503, "store unavailable", {"Retry-After": "2"})

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return _error(request, exc.status_code, str(exc.detail), dict(exc.headers or {}))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": jsonable_errors(exc)}, status_code=422)
        return _error(request, 422, "invalid request parameters")

    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    app.add_middleware(HeadAsGet)  # type: ignore[arg-type]
    return app


def jsonable_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    """Validation errors as JSON-safe dicts (the input echoed back only as text)."""
    out = []
    for error in exc.errors():
        item = {k: v for k, v in error.items() if k in ("type", "loc", "msg")}
        item["loc"] = [str(part) for part in item.get("loc", ())]
        out.append(item)
    return out


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def _error(request: Request, status: int, detail: str, headers: dict[str, str] | None = None) -> Response:
    """JSON for the API, an HTML page in the request's language for everything else."""
    headers = dict(headers or {})
    if status == 405:
        headers.setdefault("Allow", ALLOWED_METHODS)
    if _wants_json(request):
        return JSONResponse({"detail": detail}, status_code=status, headers=headers)
    page = pages.Page(request, request.query_params.get("lang"))
    response = page.not_found() if status == 404 else page.error(status, detail)
    response.headers.update(headers)
    return response


class HeadAsGet:
    """Answers HEAD like GET (same status and headers) without sending the body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if not message.get("more_body", False):
                    await send({"type": "http.response.body", "body": b"", "more_body": False})
                return
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_headers_only)


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the app with uvicorn, reading the store's snapshots (a writer may work on the store meanwhile)."""
    import uvicorn

    uvicorn.run(create_app(db_path), host=host, port=port, log_level="info")


def isolate_bidi(value: Any) -> Any:
    """Every printed value as its own bidi isolate when it holds bidi controls, so an unclosed override (U+202E)
    in a title or URL cannot reorder the rest of the line (an isolate ends all embeddings opened inside it)."""
    if isinstance(value, str) and _BIDI_CONTROLS.search(value):
        return "\u2068" + value + "\u2069"
    return value


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=isolate_bidi,
    )
    env.globals["event_types"] = EVENT_TYPES
    return env
