"""The shipped actor dictionary (``actors.jsonl``) and the name forms it is indexed by.

Id scheme: persons ``per.<slug>``, organisations ``org.<slug>``, state actors ``<ISO3>.<SECTOR>``
(``RUS.GOV`` for "Russland", "der Kreml", "Moskau" as a government), places ``loc.<slug>``.
Records may carry ``roles`` (``{"role", "of", "from", "to"}``, ISO dates, ``to`` exclusive or open) and state
records ``adjectives`` (German adjective stems such as ``russisch``). Everything here is read-only; the
:class:`~lagebild.actors.index.ActorIndex` combines it with learned actors.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from lagebild.language.lexicon import DETERMINERS
from lagebild.model import Actor

FINAL_SUFFIXES = ("s", "es", "n", "en", "ns", "'")
PERSON_SUFFIXES = ("", "s", "'")
"""Endings a person's name takes: only the genitive -s ("Rutten" is not Rutte)."""
_ADJ_END = re.compile(r"(?<=\w{3})(?:e|en|er|es|em)$")
_TRANSLITERATION = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)


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


@dataclass(frozen=True)
class Record:
    """One line of the shipped dictionary: the actor, its offices and (for states) its adjective stems."""

    actor: Actor
    roles: tuple[Role, ...]
    adjectives: tuple[str, ...]


def fold(text: str) -> str:
    """Case-, diacritics- and punctuation-insensitive form: ``"Weißes Haus"`` -> ``"weisses haus"``."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", stripped).split())


def adjective_stem(word: str) -> str:
    """A folded word without its adjective ending ("russischen" -> "russisch")."""
    return _ADJ_END.sub("", word)


def name_tokens(text: str) -> list[str]:
    """The folded words of a name without leading determiners ("der Kreml" -> ["kreml"])."""
    tokens = fold(text).split()
    while len(tokens) > 1 and tokens[0] in DETERMINERS:
        tokens = tokens[1:]
    return tokens


def index_key(tokens: list[str]) -> str:
    """Index key: inflectional endings of all but the last token trimmed (adjectives: "russischen" -> "russisch")."""
    return " ".join([adjective_stem(t) for t in tokens[:-1]] + tokens[-1:])


def suffixed_keys(text: str) -> list[tuple[str, str]]:
    """(index key, case ending removed) pairs for a mention: the exact form first, then without German endings."""
    tokens = name_tokens(text)
    if not tokens:
        return []
    keys = [(index_key(tokens), "")]
    last = tokens[-1]
    for suffix in FINAL_SUFFIXES:
        if last.endswith(suffix) and len(last) - len(suffix) >= 2:
            keys.append((index_key(tokens[:-1] + [last[: -len(suffix)]]), suffix))
    return keys


def name_keys(text: str) -> list[str]:
    """Candidate index keys for a mention, the exact form first, then with German case endings removed."""
    return [key for key, _ in suffixed_keys(text)]


def slug(name: str) -> str:
    """The id slug of a name, as the dictionary's ids use it: ``"Markus Söder"`` -> ``"markus-soeder"``."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_TRANSLITERATION))
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")


@cache
def records() -> tuple[Record, ...]:
    """Every record of the shipped dictionary, in file order."""
    path = resources.files(__package__).joinpath("actors.jsonl")
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        data = json.loads(line)
        actor = Actor.from_dict(data)
        roles = tuple(
            Role(actor.id, r["role"], r["of"], r.get("from"), r.get("to")) for r in data.get("roles") or []
        )
        out.append(Record(actor, roles, tuple(data.get("adjectives") or ())))
    return tuple(out)


@cache
def packaged_actors() -> dict[str, Actor]:
    """The actors of the shipped dictionary alone, by id."""
    return {record.actor.id: record.actor for record in records()}


def name_index(actors: list[Actor] | tuple[Actor, ...]) -> dict[str, list[str]]:
    """Index key -> ids of the actors answering to it (in the given order), over every name and variant."""
    index: dict[str, list[str]] = {}
    for actor in actors:
        for name in [actor.name, *actor.variants]:
            tokens = name_tokens(name)
            if not tokens:
                continue
            ids = index.setdefault(index_key(tokens), [])
            if actor.id not in ids:
                ids.append(actor.id)
    return index


@cache
def shipped_name_index() -> dict[str, tuple[str, ...]]:
    """The name index of the shipped dictionary."""
    return {k: tuple(v) for k, v in name_index([r.actor for r in records()]).items()}


@cache
def all_roles() -> tuple[Role, ...]:
    """Every role of every shipped actor."""
    return tuple(role for record in records() for role in record.roles)


@cache
def adjective_countries() -> dict[str, str]:
    """German adjective stem (folded) -> ISO3, e.g. ``"russisch"`` -> ``"RUS"``."""
    out: dict[str, str] = {}
    for record in records():
        for adj in record.adjectives:
            if record.actor.country:
                out.setdefault(fold(adj), record.actor.country)
    return out
