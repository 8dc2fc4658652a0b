"""Shared request plumbing: a read view of the store per request, input normalisation and page-size bounds."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from fastapi import Request

from lagebild.store import Store

MAX_PAGE = 200
DEFAULT_PAGE = 50
MAX_OFFSET = 1_000_000
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
_DATE = re.compile(DATE_PATTERN)
_GERMAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


def open_store(request: Request) -> Iterator[Store]:
    """A read view of the store for one request, with its own cursor (a missing or unreadable store raises
    :class:`~lagebild.store.StoreError`, answered as 503)."""
    store = request.app.state.source.reader()
    try:
        yield store
    finally:
        store.close()


def clean_date(value: str | None) -> str | None:
    """A ``YYYY-MM-DD`` string or None from a form field in ISO (``2021-12-07``) or German (``7.12.2021``) date
    format (form fields may send empty or malformed values)."""
    value = (value or "").strip()
    if _DATE.match(value):
        day = value
    elif match := _GERMAN_DATE.match(value):
        day = f"{match[3]}-{int(match[2]):02d}-{int(match[1]):02d}"
    else:
        return None
    try:
        return date.fromisoformat(day).isoformat()
    except ValueError:
        return None


def clean_text(value: str | None, limit: int = 200) -> str | None:
    value = (value or "").strip()[:limit]
    return value or None
