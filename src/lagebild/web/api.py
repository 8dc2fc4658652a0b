"""The REST API (JSON) and the exports (JSONL, CSV, Parquet). Read-only, bounded pages, bound parameters."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import FileResponse, Response, StreamingResponse
from pydantic import BaseModel
from starlette.background import BackgroundTask

from lagebild.live.alerts import read_alerts
from lagebild.store import Store, queries
from lagebild.stories import dyad_timeline, outlet_comparison
from lagebild.web.charts import CONFLICT_TYPES
from lagebild.web.deps import DATE_PATTERN, DEFAULT_PAGE, MAX_OFFSET, MAX_PAGE, open_store
from lagebild.web.sources import StoreSource


class Detail(BaseModel):
    """An error answer."""

    detail: str


NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": Detail, "description": "not found"}}
router = APIRouter(
    prefix="/api", tags=["api"], responses={503: {"model": Detail, "description": "store unavailable"}}
)

StoreDep = Annotated[Store, Depends(open_store)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"page size, at most {MAX_PAGE}")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
Day = Annotated[str | None, Query(pattern=DATE_PATTERN, description="YYYY-MM-DD")]
Text = Annotated[str | None, Query(max_length=200)]

EXPORT_TABLES = queries.EXPORT_TABLES
EXPORT_FORMATS = ("jsonl", "csv", "parquet")


def page(items: list[dict[str, Any]], total: int, limit: int, offset: int) -> dict[str, Any]:
    return {"items": items, "total": total, "limit": limit, "offset": offset}


@router.get("/articles")
def articles(
    request: Request,
    store: StoreDep,
    q: Text = None,
    outlet: Text = None,
    language: Text = None,
    story: Text = None,
    date_from: Day = None,
    date_to: Day = None,
    limit: Limit = DEFAULT_PAGE,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Articles (metadata only), newest first; ``q`` is a full-text query over titles and texts."""
    ids = None
    if q:
        ids = sorted(request.app.state.search.matching_ids(store.con, q))
    f = queries.article_filter(outlet, language, story, date_from, date_to, ids)
    items, total = queries.list_articles(store.con, f, limit, offset)
    return page(items, total, limit, offset)


@router.get("/articles/{article_id}", responses=NOT_FOUND)
def article(article_id: str, store: StoreDep) -> dict[str, Any]:
    """One article as in the output contract."""
    data = queries.article_json(store.con, article_id)
    if data is None:
        raise HTTPException(404, "no such article")
    return data


@router.get("/search")
def search(
    request: Request,
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=200)],
    limit: Limit = 20,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Ranked full-text hits with a snippet (matched words flagged)."""
    hits, total = request.app.state.search.search(store.con, q, limit, offset)
    items = [
        {
            "id": h.article_id,
            "title": h.title,
            "source": h.source,
            "published": h.published,
            "snippet": "".join(text for text, _ in h.snippet),
            "matches": [text for text, hit in h.snippet if hit],
        }
        for h in hits
    ]
    return page(items, total, limit, offset)


@router.get("/stories")
def stories(
    request: Request,
    store: StoreDep,
    q: Text = None,
    outlet: Text = None,
    date_from: Day = None,
    date_to: Day = None,
    limit: Limit = DEFAULT_PAGE,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Stories, latest first; ``q`` matches story titles and the full text of their articles."""
    ids = request.app.state.search.matching_ids(store.con, q) if q else None
    found = queries.list_stories(store.con, outlet, date_from, date_to, q, ids)
    return page(found[offset : offset + limit], len(found), limit, offset)


@router.get("/stories/{story_id}", responses=NOT_FOUND)
def story(story_id: str, store: StoreDep) -> dict[str, Any]:
    found = queries.get_story(store.con, story_id)
    if found is None:
        raise HTTPException(404, "no such story")
    return found.to_dict()


@router.get("/stories/{story_id}/outlets", responses=NOT_FOUND)
def story_outlets(story_id: str, store: StoreDep) -> dict[str, Any]:
    """What each outlet of a story carried and left out of its timeline events and quotes."""
    found = outlet_comparison(store, story_id)
    if found is None:
        raise HTTPException(404, "no such story")
    return found.to_dict()


@router.get("/dyad")
def dyad(
    store: StoreDep,
    a: Annotated[str, Query(min_length=1, max_length=200, description="actor id")],
    b: Annotated[str, Query(min_length=1, max_length=200, description="actor id")],
    tolerance: Annotated[int, Query(ge=0, le=7, description="days within which reports are merged")] = 1,
) -> dict[str, Any]:
    """Merged events between actors ``a`` and ``b`` (either direction) with a conflict/cooperation score per day."""
    return dyad_timeline(store, a, b, tolerance).to_dict()


@router.get("/events")
def events(
    store: StoreDep,
    type: Text = None,
    actor: Text = None,
    source: Text = None,
    target: Text = None,
    article: Text = None,
    story: Text = None,
    status: Text = None,
    date_from: Day = None,
    date_to: Day = None,
    limit: Limit = DEFAULT_PAGE,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Per-article events; ``actor`` matches source or target."""
    f = queries.event_filter(type, actor, source, target, article, story, status, date_from, date_to)
    items, total = queries.list_events(store.con, f, limit, offset)
    return page(items, total, limit, offset)


@router.get("/quotes")
def quotes(
    store: StoreDep,
    speaker: Annotated[str | None, Query(max_length=200, description="speaker actor id")] = None,
    article: Text = None,
    story: Text = None,
    kind: Text = None,
    limit: Limit = DEFAULT_PAGE,
    offset: Offset = 0,
) -> dict[str, Any]:
    items, total = queries.list_quotes(store.con, speaker, article, story, kind, limit, offset)
    return page(items, total, limit, offset)


@router.get("/actors")
def actors(
    store: StoreDep,
    q: Text = None,
    country: Text = None,
    sector: Text = None,
    limit: Limit = DEFAULT_PAGE,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Actors with their number of events; ``q`` matches name or id."""
    items, total = queries.list_actors(store.con, q, country, sector, limit, offset)
    return page(items, total, limit, offset)


@router.get("/actors/{actor_id}", responses=NOT_FOUND)
def actor(actor_id: str, store: StoreDep) -> dict[str, Any]:
    found = queries.get_actor(store.con, actor_id)
    events = queries.actor_events(store.con, actor_id)
    if found is None and not events:
        raise HTTPException(404, "no such actor")
    return {"actor": found, "events": events}


@router.get("/alerts")
def alerts(
    request: Request,
    name: Text = None,
    limit: Limit = DEFAULT_PAGE,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Alerts of the watched searches, actors and dyads (newest first), optionally of one alert ``name``."""
    found = read_alerts(request.app.state.alerts_file)
    if name:
        found = [a for a in found if a.get("alert") == name]
    return page(found[offset : offset + limit], len(found), limit, offset)


@router.get("/outlets")
def outlets(store: StoreDep) -> list[dict[str, Any]]:
    """The outlet comparison table."""
    return queries.outlet_comparison(store.con, CONFLICT_TYPES)


EXPORT_RESPONSES: dict[int | str, dict[str, Any]] = {
    **NOT_FOUND,
    200: {
        "description": "the table",
        "content": {
            "application/x-ndjson": {"schema": {"type": "string"}},
            "text/csv": {"schema": {"type": "string"}},
            "application/vnd.apache.parquet": {"schema": {"type": "string", "format": "binary"}},
        },
    },
}


@router.get("/export/{name}", response_class=Response, responses=EXPORT_RESPONSES)
def export(name: str, request: Request) -> Any:
    """Whole tables as ``TABLE.jsonl``, ``TABLE.csv`` or ``TABLE.parquet``."""
    table, _, fmt = name.partition(".")
    if table not in EXPORT_TABLES or fmt not in EXPORT_FORMATS:
        raise HTTPException(404, f"export one of {EXPORT_TABLES} as {EXPORT_FORMATS}")
    source: StoreSource = request.app.state.source
    source.reader().close()  # fail early (503 via the handler) when the store cannot be read
    if fmt == "parquet":
        return _parquet(source, table)
    media = "application/x-ndjson" if fmt == "jsonl" else "text/csv; charset=utf-8"
    body = _jsonl(source, table) if fmt == "jsonl" else _csv(source, table)
    return StreamingResponse(body, media_type=media, headers=_attachment(name))


def _attachment(name: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{name}"'}


def _jsonl(source: StoreSource, table: str) -> Iterator[bytes]:
    with source.reader() as store:
        if table in queries.CONTRACT_TABLES:
            cur = queries.contract_records(store.con, table)
            while batch := cur.fetchmany(500):
                yield "".join(json.dumps(json.loads(d), ensure_ascii=False) + "\n" for (d,) in batch).encode()
            return
        cur = queries.table_rows(store.con, table)
        names = [d[0] for d in cur.description]
        while batch := cur.fetchmany(500):
            lines = (
                json.dumps(dict(zip(names, r, strict=True)), ensure_ascii=False, default=str) for r in batch
            )
            yield "".join(line + "\n" for line in lines).encode()


def _csv(source: StoreSource, table: str) -> Iterator[bytes]:
    with source.reader() as store:
        cur = queries.table_rows(store.con, table)
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow([d[0] for d in cur.description])
        while batch := cur.fetchmany(500):
            writer.writerows([[_cell(v) for v in r] for r in batch])
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate()
        if buffer.tell():
            yield buffer.getvalue().encode()


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    """A CSV cell: lists joined by ";", and text a spreadsheet would run as a formula (a cell starting with = + - @,
    tab or carriage return) prefixed with ``'`` so it stays text."""
    if isinstance(value, list):
        value = ";".join(map(str, value))
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _parquet(source: StoreSource, table: str) -> FileResponse:
    handle, path = tempfile.mkstemp(suffix=".parquet", prefix="lagebild-export-")
    os.close(handle)
    with source.reader() as store:
        queries.table_to_parquet(store.con, table, path)
    return FileResponse(
        path,
        media_type="application/vnd.apache.parquet",
        filename=f"{table}.parquet",
        background=BackgroundTask(os.unlink, path),
    )
