"""The sources file of ``lagebild watch``: feeds and sitemaps to poll, with outlet, country, language and interval.

TOML::

    [defaults]
    interval = 300        # seconds between polls of a source
    delay = 1.0           # seconds between requests to one host (robots.txt's Crawl-delay may ask for more)

    [[source]]
    url = "https://example.org/feed.xml"
    name = "Example Zeitung"
    country = "DE"
    language = "de"

    [[alert]]
    name = "Sanktionen"
    search = "Sanktionen Russland"   # or: actor = "RUS", or: dyad = ["RUS", "UKR"]

YAML has the same keys (``defaults``, ``sources`` or ``source``, ``alerts`` or ``alert``).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from lagebild.ingest.country import country_code

KINDS = ("auto", "feed", "sitemap")
MIN_INTERVAL = 1.0


class SourcesError(ValueError):
    """The sources file cannot be read or holds an invalid entry (the message says which and why)."""


@dataclass(frozen=True)
class WatchedSource:
    """One feed or sitemap to poll."""

    url: str
    name: str | None = None
    country: str | None = None
    language: str | None = None
    interval: float = 300.0
    delay: float = 1.0
    kind: str = "auto"
    max_pages: int = 1000
    """At most this many new pages are fetched per poll (the rest wait for the next one)."""


@dataclass(frozen=True)
class AlertRule:
    """A watched search, actor or dyad: new events matching it are alerts."""

    name: str
    search: str | None = None
    actor: str | None = None
    dyad: tuple[str, str] | None = None


@dataclass
class WatchConfig:
    sources: list[WatchedSource] = field(default_factory=list)
    alerts: list[AlertRule] = field(default_factory=list)


def load_sources(path: str | Path) -> WatchConfig:
    """Read and check a TOML (``.toml``) or YAML (``.yaml``/``.yml``) sources file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourcesError(f"cannot read sources file {path}: {exc}") from exc
    is_yaml = path.suffix.lower() in (".yaml", ".yml")
    try:
        data = (yaml.safe_load(text) or {}) if is_yaml else tomllib.loads(text)
    except (tomllib.TOMLDecodeError, yaml.YAMLError) as exc:
        raise SourcesError(f"{path}: not valid {'YAML' if is_yaml else 'TOML'}: {exc}") from exc
    if not isinstance(data, dict):
        raise SourcesError(f"{path}: expected a table of 'source' entries")
    defaults = _table(data.get("defaults", {}), "defaults")
    entries = data.get("source", data.get("sources", []))
    rules = data.get("alert", data.get("alerts", []))
    if not isinstance(entries, list) or not isinstance(rules, list):
        raise SourcesError(f"{path}: 'source' and 'alert' must be lists of entries")
    config = WatchConfig(
        sources=[_source({**defaults, **_table(e, f"source {i + 1}")}, i + 1) for i, e in enumerate(entries)],
        alerts=[_alert(_table(r, f"alert {i + 1}"), i + 1) for i, r in enumerate(rules)],
    )
    if not config.sources:
        raise SourcesError(f"{path}: no sources")
    return config


def _table(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise SourcesError(f"{where}: expected a table of keys")
    return value


def _source(entry: dict[str, Any], number: int) -> WatchedSource:
    where = f"source {number}"
    allowed = {"url", "name", "country", "language", "interval", "delay", "kind", "max_pages"}
    unknown = set(entry) - allowed
    if unknown:
        raise SourcesError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    url = entry.get("url")
    if (
        not isinstance(url, str)
        or urlsplit(url).scheme not in ("http", "https")
        or not urlsplit(url).hostname
    ):
        raise SourcesError(f"{where}: 'url' must be an http(s) URL, got {url!r}")
    country = _text(entry.get("country"), where, "country")
    if country is not None and country_code(country) is None:
        raise SourcesError(f"{where}: unknown country {country!r}")
    language = _text(entry.get("language"), where, "language")
    if language is not None and not (language.isascii() and language.isalpha() and 2 <= len(language) <= 3):
        raise SourcesError(f"{where}: 'language' must be an ISO 639 code such as de or en, got {language!r}")
    kind = entry.get("kind", "auto")
    if kind not in KINDS:
        raise SourcesError(f"{where}: 'kind' must be one of {', '.join(KINDS)}")
    return WatchedSource(
        url=url,
        name=_text(entry.get("name"), where, "name"),
        country=country,
        language=language.lower() if language else None,
        interval=_number(entry.get("interval", 300), where, "interval", MIN_INTERVAL),
        delay=_number(entry.get("delay", 1.0), where, "delay", 0.0),
        kind=kind,
        max_pages=int(_number(entry.get("max_pages", 1000), where, "max_pages", 1)),
    )


def _alert(entry: dict[str, Any], number: int) -> AlertRule:
    where = f"alert {number}"
    unknown = set(entry) - {"name", "search", "actor", "dyad"}
    if unknown:
        raise SourcesError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    search = _text(entry.get("search"), where, "search")
    actor = _text(entry.get("actor"), where, "actor")
    dyad = entry.get("dyad")
    if dyad is not None:
        if isinstance(dyad, str) and "~" in dyad:
            dyad = dyad.split("~", 1)
        if not (isinstance(dyad, list) and len(dyad) == 2 and all(isinstance(a, str) and a for a in dyad)):
            raise SourcesError(f'{where}: \'dyad\' must be two actor ids, e.g. ["RUS", "UKR"]')
        dyad = (dyad[0], dyad[1])
    if sum(x is not None for x in (search, actor, dyad)) != 1:
        raise SourcesError(f"{where}: give exactly one of 'search', 'actor' or 'dyad'")
    name = _text(entry.get("name"), where, "name") or search or actor or "~".join(dyad)  # type: ignore[arg-type]
    return AlertRule(name=name, search=search, actor=actor, dyad=dyad)


def _text(value: Any, where: str, key: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise SourcesError(f"{where}: '{key}' must be text")
    return value.strip() or None


def _number(value: Any, where: str, key: str, minimum: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < minimum:
        raise SourcesError(f"{where}: '{key}' must be a number >= {minimum:g}, got {value!r}")
    return float(value)
