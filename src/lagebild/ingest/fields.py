"""Validation of the fields an input record gives besides its content: each bad value is an error with a reason.

``published`` and ``fetched`` must be dates (ISO 8601 is kept as given; other date notations are normalised to
``YYYY-MM-DD``), ``language`` an ISO 639-1 code (``de``, ``en-GB`` becomes ``en``), ``country`` a known country,
``url`` an absolute http(s) URL without control or formatting characters, ``source`` a short name without them.
"""

from __future__ import annotations

import unicodedata
from datetime import datetime
from functools import cache
from typing import Any
from urllib.parse import urlsplit

MAX_FIELD_CHARS = {"url": 2048, "source": 200, "published": 64, "fetched": 64, "language": 16, "country": 64}


class InvalidField(ValueError):
    """An input field whose value is not what it must be; the message names the field and the reason."""


def validated(record: dict[str, Any]) -> dict[str, str | None]:
    """The optional fields of ``record`` checked and normalised (absent or empty: None); raises InvalidField."""
    out: dict[str, str | None] = {}
    for name, check in _CHECKS.items():
        value = record.get(name)
        if value is None:
            out[name] = None
            continue
        if not isinstance(value, str):
            raise InvalidField(f"'{name}' must be a string, not {type(value).__name__}")
        value = value.strip()
        if not value:
            out[name] = None
            continue
        if len(value) > MAX_FIELD_CHARS[name]:
            raise InvalidField(f"'{name}' is longer than {MAX_FIELD_CHARS[name]} characters")
        if _has_controls(value):
            raise InvalidField(f"'{name}' contains control or formatting characters: {_show(value)}")
        out[name] = check(name, value)
    return out


def valid_date(name: str, value: str) -> str:
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
        return value
    except ValueError:
        pass
    from lagebild.clean.dates import find_date

    date = find_date(value)
    if date is None or len(value) > 40:
        raise InvalidField(f"'{name}' is not a date: {_show(value)}")
    return date


def valid_language(name: str, value: str) -> str:
    code = value.replace("_", "-").split("-", 1)[0].lower()
    if code not in _language_codes():
        raise InvalidField(f"'{name}' is not an ISO 639-1 language code: {_show(value)}")
    return code


def valid_country(name: str, value: str) -> str:
    from lagebild.ingest.country import country_code

    if country_code(value) is None:
        raise InvalidField(f"'{name}' is no known country: {_show(value)}")
    return value


def valid_url(name: str, value: str) -> str:
    try:
        parts = urlsplit(value)
    except ValueError as exc:
        raise InvalidField(f"'{name}' is not a URL: {exc}") from exc
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or " " in value:
        raise InvalidField(f"'{name}' is not an absolute http(s) URL: {_show(value)}")
    return value


def valid_name(name: str, value: str) -> str:
    return value


_CHECKS = {
    "url": valid_url,
    "source": valid_name,
    "published": valid_date,
    "fetched": valid_date,
    "language": valid_language,
    "country": valid_country,
}


@cache
def _language_codes() -> frozenset[str]:
    import pycountry

    return frozenset(lang.alpha_2 for lang in pycountry.languages if hasattr(lang, "alpha_2"))


def _has_controls(value: str) -> bool:
    return any(unicodedata.category(ch) in ("Cc", "Cf") for ch in value)


def _show(value: str) -> str:
    shown = value.encode("unicode_escape").decode("ascii")
    return repr(shown[:60] + ("…" if len(shown) > 60 else ""))
