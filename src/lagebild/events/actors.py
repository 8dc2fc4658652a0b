"""Actor mentions in a sentence and their resolution to actor ids and (country, sector) codes.

Resolved entities on the article come first. Unresolved entity mentions and names the entity stage missed go
through ``lagebild.entities.actors`` when that module is present, else through the fallback gazetteer, whose ids
have the form ``CCC`` or ``CCC.SECTOR`` (countries) and ``org.<slug>`` (international organisations).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from lagebild.events.resources import gazetteer
from lagebild.model import Entity

_NAME = re.compile(r"(?<![\w-])[A-ZÄÖÜ][\w'’-]+(?:\s+[A-ZÄÖÜ][\w'’-]+){0,2}")
_STOP_CAPS = frozenset({"Die", "Der", "Das", "The", "In", "Am", "Im", "Auf", "Nach", "Mit"})
_SECTOR_WINDOW = 3  # tokens after an adjective or before a name in which a sector noun is looked for


@dataclass(frozen=True)
class Mention:
    """An actor mention: absolute character offsets into the text and the actor id it resolves to."""

    start: int
    end: int
    text: str
    actor: str


@cache
def _actor_api() -> Any | None:
    try:
        from lagebild.entities import actors  # noqa: PLC0415 - optional sibling module, loaded lazily
    except Exception:  # noqa: BLE001 - any failure means: work without the actor dictionary
        return None
    return actors


def lookup_actor(name: str, date: str | None = None) -> str | None:
    """Actor id for a name via the project's actor dictionary, if it is available."""
    api = _actor_api()
    if api is None:
        return None
    try:
        actor = api.lookup(name, date=date)
    except Exception:  # noqa: BLE001
        return None
    return getattr(actor, "id", None) if actor is not None else None


@cache
def actor_code(actor_id: str) -> tuple[str | None, str | None]:
    """(country, sector) of an actor id: from the actor dictionary when it knows the id, else parsed from the id."""
    api = _actor_api()
    if api is not None:
        try:
            country, sector = api.actor_code(actor_id)
            if country or sector:
                if country is None and sector == "IGO":
                    return "IGO", None
                return country, sector
        except Exception:  # noqa: BLE001
            pass
    if actor_id.startswith("org."):
        return "IGO", None
    head, _, tail = actor_id.partition(".")
    if re.fullmatch(r"[A-Z]{3}", head):
        return head, (tail or None)
    return None, None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "org"


def _sector_near(text: str, start: int, end: int) -> str | None:
    """A sector noun inside the mention or right after it (adjective + noun) or right before it (noun + name)."""
    after = " ".join(text[end:].split()[:_SECTOR_WINDOW])
    before = " ".join(text[:start].split()[-1:])
    for window in (text[start:end], after, before):
        for sector, regex in gazetteer().sectors:
            if regex.search(window):
                return sector
    return None


def gazetteer_actor(text: str, start: int, end: int) -> str | None:
    """Fallback actor id for ``text[start:end]`` from the gazetteer (country plus a nearby sector noun)."""
    surface = text[start:end]
    for regex, code in gazetteer().place_codes:
        if regex.fullmatch(surface) or (code != "IGO" and _word_search(regex, surface)):
            if code == "IGO":
                return f"org.{_slug(surface)}"
            sector = _sector_near(text, start, end)
            return f"{code}.{sector}" if sector else code
    return None


def _word_search(regex: re.Pattern[str], surface: str) -> bool:
    """The pattern matches a whole word (or compound head) inside a longer name (``Bundesverband deutscher Banken``)."""
    return any(
        (m.start() == 0 or not surface[m.start() - 1].isalnum())
        and (m.end() == len(surface) or not surface[m.end()].isalnum())
        for m in regex.finditer(surface)
    )


def resolve(text: str, start: int, end: int, date: str | None = None) -> str | None:
    """Actor id for the name at ``text[start:end]``: actor dictionary (also a compound's head), then gazetteer."""
    surface = text[start:end]
    found = lookup_actor(surface, date)
    if not found and "-" in surface:
        found = lookup_actor(surface.split("-", 1)[0], date)
    return found or gazetteer_actor(text, start, end)


def find_mentions(
    text: str, start: int, end: int, entities: Iterable[Entity] = (), date: str | None = None
) -> list[Mention]:
    """Actor mentions in ``text[start:end]``, ordered by position, without overlaps."""
    found: list[Mention] = []
    given = False
    for ent in entities:
        given = True
        if ent.start < start or ent.end > end or ent.label not in ("PER", "ORG", "LOC", "MISC"):
            continue
        actor = ent.actor or resolve(text, ent.start, ent.end, date)
        if actor:
            found.append(Mention(ent.start, ent.end, text[ent.start : ent.end], actor))
    taken = [(m.start, m.end) for m in found]
    for match in gazetteer().places.finditer(text, start, end):
        s, e = match.span()
        if any(s < te and ts < e for ts, te in taken):
            continue
        actor = resolve(text, s, e, date)
        if actor:
            found.append(Mention(s, e, match.group(0), actor))
            taken.append((s, e))
    if given:
        found.sort(key=lambda m: m.start)
        return found
    # no entity stage ran: ask the actor dictionary about capitalised names
    for match in _NAME.finditer(text, start, end):
        s, e = match.span()
        if (
            any(s < te and ts < e for ts, te in taken)
            or match.start() == start
            and match.group(0) in _STOP_CAPS
        ):
            continue
        actor = lookup_actor(match.group(0), date)
        if actor:
            found.append(Mention(s, e, match.group(0), actor))
            taken.append((s, e))
    found.sort(key=lambda m: m.start)
    return found
