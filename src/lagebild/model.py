"""The article model: one article with stand-off spans and the records hung on it.

Every record serialises to and from the output contract (docs/DESIGN.md) with ``to_dict`` / ``from_dict``.
Offsets are character offsets into ``Article.text``, end exclusive. Unknown values are ``None``.
Fields that are not part of the contract's JSON (the raw input) are kept on ``Article.raw`` and never exported.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field, fields
from typing import Any, Literal

RemovedReason = Literal[
    "disclaimer", "ui", "caption", "credit", "teaser", "outlet-repeat", "foreign-script", "comments", "other"
]
REMOVED_REASONS: tuple[str, ...] = (
    "disclaimer",
    "ui",
    "caption",
    "credit",
    "teaser",
    "outlet-repeat",
    "foreign-script",
    "comments",
    "other",
)
ENTITY_LABELS: tuple[str, ...] = ("PER", "ORG", "LOC", "MISC")
TIMEX_TYPES: tuple[str, ...] = ("DATE", "TIME", "DURATION", "SET")
QUOTE_KINDS: tuple[str, ...] = ("direct", "indirect")
EVENT_STATUSES: tuple[str, ...] = ("occurred", "planned", "threatened", "denied", "hypothetical")
EVENT_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
PUBLISHED_FROM: tuple[str, ...] = ("given", "meta", "url", "caption", "dateline", "text")


class _Record:
    """Mixin: dataclass <-> plain dict with the contract's keys, in declaration order."""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):  # type: ignore[arg-type]
            out[f.name] = _dump(getattr(self, f.name))
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]):  # noqa: ANN206 - returns cls
        known = {f.name for f in fields(cls)}  # type: ignore[arg-type]
        return cls(**{k: v for k, v in data.items() if k in known})


def _dump(value: Any) -> Any:
    if isinstance(value, _Record):
        return value.to_dict()
    if isinstance(value, list):
        return [_dump(v) for v in value]
    return value


@dataclass
class Span(_Record):
    """A stand-off span ``[start, end)`` into the article text."""

    start: int
    end: int

    def slice(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass
class Source(_Record):
    name: str | None = None
    domain: str | None = None
    url: str | None = None
    fetched: str | None = None
    country: str | None = None  # ISO 3166 alpha-3 of the outlet's home country, given or read from its domain


@dataclass
class Dateline(_Record):
    place: str | None = None
    agency: str | None = None


@dataclass
class Removed(_Record):
    """A line or block taken out of the article, with the reason it was taken out."""

    text: str
    reason: str = "other"


@dataclass
class Caption(_Record):
    text: str
    credit: str | None = None


@dataclass
class Entity(_Record):
    start: int
    end: int
    text: str
    label: str
    actor: str | None = None


@dataclass
class Timex(_Record):
    start: int
    end: int
    text: str
    type: str
    value: str | None = None
    anchor: str | None = None  # for "vor drei Jahren" (a DURATION in TimeML): the date it points to


@dataclass
class Speaker(_Record):
    text: str | None = None
    actor: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass
class Quote(_Record):
    start: int
    end: int
    text: str
    kind: str
    cue: str | None = None
    speaker: Speaker | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        data = dict(data)
        if isinstance(data.get("speaker"), dict):
            data["speaker"] = Speaker.from_dict(data["speaker"])
        return super().from_dict(data)


@dataclass
class Event(_Record):
    type: str
    mode: str | None = None
    status: str = "occurred"
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    date: str | None = None
    evidence: Span | None = None
    quote: int | None = None
    date_from: str | None = (
        None  # "timex" (from a temporal expression) or "published" (fallback, less precise)
    )

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        data = dict(data)
        if isinstance(data.get("evidence"), dict):
            data["evidence"] = Span.from_dict(data["evidence"])
        return super().from_dict(data)


@dataclass
class Actor(_Record):
    """A canonical actor of the actor dictionary (``actors.jsonl``)."""

    id: str
    name: str
    variants: list[str] = field(default_factory=list)
    country: str | None = None
    sector: str | None = None
    kind: str = "organisation"


@dataclass
class TimelineEntry(_Record):
    date: str | None
    event: dict[str, Any]
    reported_by: list[str] = field(default_factory=list)


@dataclass
class Story(_Record):
    id: str
    title: str | None = None
    articles: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    first: str | None = None
    last: str | None = None
    timeline: list[TimelineEntry] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Story:
        data = dict(data)
        data["timeline"] = [
            t if isinstance(t, TimelineEntry) else TimelineEntry.from_dict(t)
            for t in data.get("timeline") or []
        ]
        return super().from_dict(data)


@dataclass
class Raw:
    """What ingest read, before cleaning. Not exported."""

    content: str
    kind: Literal["text", "html"] = "text"
    path: str | None = None
    published: str | None = None
    language: str | None = None


_LIST_RECORDS: dict[str, type[_Record]] = {
    "removed": Removed,
    "captions": Caption,
    "entities": Entity,
    "timexes": Timex,
    "quotes": Quote,
    "events": Event,
    "sentences": Span,
}


@dataclass
class Article(_Record):
    """One article, as in the output contract. ``sentences`` extends the contract with sentence spans."""

    id: str
    source: Source = field(default_factory=Source)
    language: str | None = None
    title: str | None = None
    dateline: Dateline | None = None
    published: str | None = None
    published_from: str | None = None
    text: str = ""
    removed: list[Removed] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    story: str | None = None
    sentences: list[Span] = field(default_factory=list)
    raw: Raw | None = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        out.pop("raw")
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        data = dict(data)
        data.pop("raw", None)
        data["source"] = Source.from_dict(data.get("source") or {})
        if isinstance(data.get("dateline"), dict):
            data["dateline"] = Dateline.from_dict(data["dateline"])
        for key, record in _LIST_RECORDS.items():
            data[key] = [record.from_dict(item) for item in data.get(key) or []]
        return super().from_dict(data)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_json(cls, line: str) -> Article:
        return cls.from_dict(json.loads(line))

    def span_text(self, start: int, end: int) -> str:
        return self.text[start:end]


def content_id(content: str) -> str:
    """Stable article id: SHA-1 of the NFC-normalised, whitespace-collapsed raw content (16 hex digits)."""
    normalised = re.sub(r"\s+", " ", unicodedata.normalize("NFC", content)).strip()
    return hashlib.sha1(normalised.encode("utf-8")).hexdigest()[:16]
