"""The actor dictionary: canonical actors from ``actors.jsonl`` and tolerant name lookup.

Id scheme: persons ``per.<slug>``, organisations ``org.<slug>``, state actors ``<ISO3>.<SECTOR>``
(``RUS.GOV`` for "Russland", "der Kreml", "Moskau" as a government), places ``loc.<slug>``.
Records may carry ``roles`` (``{"role", "of", "from", "to"}``, ISO dates, ``to`` exclusive or open) and state
records ``adjectives`` (German adjective stems such as ``russisch``), both read by this module.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from lagebild.language.lexicon import DETERMINERS as _DETERMINERS
from lagebild.model import Actor

_FINAL_SUFFIXES = ("s", "es", "n", "en", "ns", "'")
_PERSON_SUFFIXES = ("", "s", "'")
_ADJ_END = re.compile(r"(?<=\w{3})(?:e|en|er|es|em)$")


@dataclass(frozen=True)
class Role:
    """An office held by an actor: ``role`` (e.g. ``head_of_state``) of ``of`` (ISO3 or org code) in a date range."""

    actor: str
    role: str
    of: str
    start: str | None = None
    end: str | None = None

    def holds_on(self, date: str | None) -> bool:
        if date is None:
            return self.end is None
        day = date[:10]
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


def fold(text: str) -> str:
    """Case-, diacritics- and punctuation-insensitive form: ``"Weißes Haus"`` -> ``"weisses haus"``."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", stripped).split())


def _tokens(text: str) -> list[str]:
    tokens = fold(text).split()
    while len(tokens) > 1 and tokens[0] in _DETERMINERS:
        tokens = tokens[1:]
    return tokens


def _key(tokens: list[str]) -> str:
    """Index key: inflectional endings of all but the last token trimmed (adjectives: "russischen" -> "russisch")."""
    return " ".join([_ADJ_END.sub("", t) for t in tokens[:-1]] + tokens[-1:])


def _suffixed_keys(text: str) -> list[tuple[str, str]]:
    tokens = _tokens(text)
    if not tokens:
        return []
    keys = [(_key(tokens), "")]
    last = tokens[-1]
    for suffix in _FINAL_SUFFIXES:
        if last.endswith(suffix) and len(last) - len(suffix) >= 2:
            keys.append((_key(tokens[:-1] + [last[: -len(suffix)]]), suffix))
    return keys


def name_keys(text: str) -> list[str]:
    """Candidate index keys for a mention, the exact form first, then with German case endings removed."""
    return [key for key, _ in _suffixed_keys(text)]


@cache
def load_actors() -> dict[str, Actor]:
    """All actors of the packaged dictionary, by id."""
    return {actor.id: actor for actor, _, _ in _records()}


@cache
def _records() -> tuple[tuple[Actor, tuple[Role, ...], tuple[str, ...]], ...]:
    path = resources.files("lagebild.entities").joinpath("actors.jsonl")
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        data = json.loads(line)
        actor = Actor.from_dict(data)
        roles = tuple(
            Role(actor.id, r["role"], r["of"], r.get("from"), r.get("to")) for r in data.get("roles") or []
        )
        out.append((actor, roles, tuple(data.get("adjectives") or ())))
    return tuple(out)


@cache
def _index() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for actor, _, _ in _records():
        for name in [actor.name, *actor.variants]:
            tokens = _tokens(name)
            if not tokens:
                continue
            ids = index.setdefault(_key(tokens), [])
            if actor.id not in ids:
                ids.append(actor.id)
    return {k: tuple(v) for k, v in index.items()}


@cache
def all_roles() -> tuple[Role, ...]:
    """Every role of every actor."""
    return tuple(role for _, roles, _ in _records() for role in roles)


def roles_of(actor_id: str) -> list[Role]:
    """The roles an actor holds or held."""
    return [r for r in all_roles() if r.actor == actor_id]


@cache
def adjective_countries() -> dict[str, str]:
    """German adjective stem (folded) -> ISO3, e.g. ``"russisch"`` -> ``"RUS"``."""
    out: dict[str, str] = {}
    for actor, _, adjectives in _records():
        for adj in adjectives:
            if actor.country:
                out.setdefault(fold(adj), actor.country)
    return out


def holders(role: str, of: str, date: str | None = None) -> list[Actor]:
    """Actors holding ``role`` of ``of`` on ``date`` (current holders when ``date`` is None)."""
    actors = load_actors()
    return [actors[r.actor] for r in all_roles() if r.role == role and r.of == of and r.holds_on(date)]


def candidates(name: str) -> list[Actor]:
    """All actors whose name or a variant matches ``name`` (first matching key wins), in dictionary order."""
    index, actors = _index(), load_actors()
    for key, suffix in _suffixed_keys(name):
        found = [actors[i] for i in index.get(key, ())]
        if (
            suffix not in _PERSON_SUFFIXES
        ):  # names of persons take only the genitive -s ("Rutten" is not Rutte)
            found = [a for a in found if a.kind != "person"]
        if found:
            return found
    return []


def lookup(name: str, date: str | None = None, *, kind: str | None = None) -> Actor | None:
    """The actor a name refers to: variant match first, then a role phrase ("US-Präsident") read on ``date``.

    Without ``kind``, actors are preferred over places ("Moskau" -> ``RUS.GOV``); ``kind="place"`` asks for the place.
    """
    found = candidates(name)
    if kind is not None:
        found = [a for a in found if a.kind == kind]
    else:
        found = sorted(found, key=lambda a: a.kind == "place")
    if found:
        return found[0]
    if kind in (None, "person"):
        from lagebild.entities.roles import resolve_role

        return resolve_role(name, date)
    return None


def actor_code(actor_id: str | None) -> tuple[str | None, str | None]:
    """(country ISO3, sector) of an actor id; state ids are read directly (``"UKR.MIL"`` -> ``("UKR", "MIL")``)."""
    if not actor_id:
        return None, None
    actor = load_actors().get(actor_id)
    if actor is not None:
        return actor.country, actor.sector
    match = re.fullmatch(r"([A-Z]{3})\.([A-Z]{3})", actor_id)
    if match:
        return match.group(1), match.group(2)
    return None, None
