"""The actor dictionary: canonical actors from ``actors.jsonl`` and tolerant name lookup.

Id scheme: persons ``per.<slug>``, organisations ``org.<slug>``, state actors ``<ISO3>.<SECTOR>``
(``RUS.GOV`` for "Russland", "der Kreml", "Moskau" as a government), places ``loc.<slug>``.
Records may carry ``roles`` (``{"role", "of", "from", "to"}``, ISO dates, ``to`` exclusive or open) and state
records ``adjectives`` (German adjective stems such as ``russisch``), both read by this module.

Besides the packaged dictionary, a process may hold an overlay of learned actors (:func:`register_learned`): persons
found in the text, looked up after the dictionary's own actors and never replacing one of them.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from lagebild.language.lexicon import DETERMINERS as _DETERMINERS
from lagebild.model import Actor

_FINAL_SUFFIXES = ("s", "es", "n", "en", "ns", "'")
_PERSON_SUFFIXES = ("", "s", "'")
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


def slug(name: str) -> str:
    """The id slug of a name, as the dictionary's ids use it: ``"Markus Söder"`` -> ``"markus-soeder"``."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_TRANSLITERATION))
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")


@cache
def packaged_actors() -> dict[str, Actor]:
    """The actors of the packaged dictionary alone, by id."""
    return {actor.id: actor for actor, _, _ in _records()}


def load_actors() -> dict[str, Actor]:
    """All actors by id: the packaged dictionary, plus the learned actors registered in this process."""
    return _OVERLAY.actors if _OVERLAY.ids else packaged_actors()


class _Overlay:
    """Learned actors registered in this process: merged id table and their own name index."""

    def __init__(self) -> None:
        self.key: object = None
        self.ids: frozenset[str] = frozenset()
        self.actors: dict[str, Actor] = {}
        self.index: dict[str, tuple[str, ...]] = {}
        self.phrases: dict[tuple[str, ...], str] = {}


_OVERLAY = _Overlay()
_LISTENERS: list[Callable[[], None]] = []


def on_overlay_change(callback: Callable[[], None]) -> None:
    """Call ``callback`` whenever the learned overlay changes (for caches built on lookups)."""
    if callback not in _LISTENERS:
        _LISTENERS.append(callback)


def register_learned(actors: Iterable[Actor], key: object = None) -> None:
    """Make ``actors`` (learned persons) the overlay of this process, replacing the previous one.

    Ids of the packaged dictionary are ignored, so a learned record never shadows a dictionary actor. A name key
    that several learned actors share (a common surname) is dropped from the overlay's index. With ``key``, a call
    with the key already registered does nothing (stages call this once per article).
    """
    if key is not None and key == _OVERLAY.key:
        return
    packaged = packaged_actors()
    learned = {a.id: a for a in actors if a.id not in packaged}
    index: dict[str, list[str]] = {}
    for actor in learned.values():
        for name in [actor.name, *actor.variants]:
            tokens = _tokens(name)
            if tokens:
                ids = index.setdefault(_key(tokens), [])
                if actor.id not in ids:
                    ids.append(actor.id)
    if not learned and not _OVERLAY.ids:
        _OVERLAY.key = key
        return
    _OVERLAY.key = key
    _OVERLAY.ids = frozenset(learned)
    _OVERLAY.actors = {**packaged, **learned} if learned else {}
    _OVERLAY.index = {k: (v[0],) for k, v in index.items() if len(v) == 1}
    _OVERLAY.phrases = _name_phrases(learned.values(), _OVERLAY.index)
    for callback in _LISTENERS:
        callback()


def _name_phrases(actors: Iterable[Actor], index: dict[str, tuple[str, ...]]) -> dict[tuple[str, ...], str]:
    """Word tuples of the learned names (and their genitive -s forms) that the index resolves unambiguously."""
    out: dict[tuple[str, ...], str] = {}
    for actor in actors:
        for name in [actor.name, *actor.variants]:
            words = tuple(name.split())
            if not words or len(words[-1]) < 3 or index.get(_key(_tokens(name))) != (actor.id,):
                continue
            out[words] = "PER"
            if not words[-1].endswith(("s", "x", "z")):
                out[(*words[:-1], words[-1] + "s")] = "PER"
    return out


def learned_phrases() -> dict[tuple[str, ...], str]:
    """The learned names as gazetteer phrases (word tuple -> ``PER``) for the entity stage."""
    return _OVERLAY.phrases


def learned_ids() -> frozenset[str]:
    """Ids of the learned actors registered in this process."""
    return _OVERLAY.ids


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
    """All actors whose name or a variant matches ``name`` (first matching key wins), in dictionary order, the
    dictionary's own actors before learned ones."""
    index, actors, learned = _index(), load_actors(), _OVERLAY.index
    for key, suffix in _suffixed_keys(name):
        found = [actors[i] for i in index.get(key, ())]
        if learned:
            found += [actors[i] for i in learned.get(key, ())]
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
