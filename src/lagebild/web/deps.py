"""Shared request plumbing: a read-only store per request, input normalisation and page-size bounds."""

from __future__ import annotations

import re
from collections.abc import Iterator

from fastapi import HTTPException, Request

from lagebild.store import Store, StoreError

MAX_PAGE = 200
DEFAULT_PAGE = 50
MAX_OFFSET = 1_000_000
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
_DATE = re.compile(DATE_PATTERN)


def open_store(request: Request) -> Iterator[Store]:
    """A read-only store for one request (DuckDB connections are not shared between threads)."""
    try:
        store = Store(request.app.state.db_path, read_only=True)
    except StoreError as exc:
        raise HTTPException(status_code=503, detail="store unavailable") from exc
    try:
        yield store
    finally:
        store.close()


def clean_date(value: str | None) -> str | None:
    """A ``YYYY-MM-DD`` string or None (form fields may send empty or malformed values)."""
    return value if value and _DATE.match(value) else None


def clean_text(value: str | None, limit: int = 200) -> str | None:
    value = (value or "").strip()[:limit]
    return value or None
