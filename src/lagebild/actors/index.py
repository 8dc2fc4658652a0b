"""The one actor resource of a batch: the shipped dictionary plus the persons the store has learned, read-only.

An :class:`ActorIndex` is built by the driver for each batch and handed to the stages that resolve names (entities,
time, quotes, events). It never changes once built; lookups it has answered are remembered inside it. Pickling it
sends only the learned persons: the shipped dictionary is loaded once per process, and a worker that receives the
same learned persons again (every chunk of a batch) reuses the index it built for them, with what it remembers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable
from functools import cache, lru_cache

from lagebild.actors import dictionary
from lagebild.actors.dictionary import PERSON_SUFFIXES, Role, fold, index_key, name_tokens, suffixed_keys
from lagebild.actors.roles import resolve_role
from lagebild.model import Actor

LearnedRow = tuple[str, str, tuple[str, ...], str | None, str | None]
"""A learned person as the index keeps it: ``(id, name, variants, country, sector)``."""
_MEMO_LIMIT = 65536
_STATE_ID = re.compile(r"([A-Z]{3})\.([A-Z]{3})")


class ActorIndex:
    """Actors by id and by name, offices with dates, nationality adjectives; learned persons after the dictionary.

    Learned persons (``per.`` ids the dictionary lacks) are looked up after the dictionary's own actors and never
    replace one; a name key several learned persons share (a common surname) is left out.
    """

    def __init__(self, learned: Iterable[Actor] = ()) -> None:
        packaged = dictionary.packaged_actors()
        rows = sorted(
            {
                (a.id, a.name, tuple(a.variants), a.country, a.sector)
                for a in learned
                if a.id.startswith("per.") and a.id not in packaged
            }
        )
        self.rows: tuple[LearnedRow, ...] = tuple(rows)
        self.learned: dict[str, Actor] = {
            i: Actor(i, name, list(variants), country, sector, "person")
            for i, name, variants, country, sector in rows
        }
        learned_actors = list(self.learned.values())
        self.actors: dict[str, Actor] = {**packaged, **self.learned} if self.learned else packaged
        index = dictionary.name_index(learned_actors)
        self._learned_index = {k: (v[0],) for k, v in index.items() if len(v) == 1}
        self.learned_phrases: dict[tuple[str, ...], str] = _name_phrases(learned_actors, self._learned_index)
        """The learned names as gazetteer phrases (word tuple -> ``PER``) for the entity stage."""
        self._memo: dict[Hashable, object] = {}

    def __reduce__(self) -> tuple[Callable[..., ActorIndex], tuple[tuple[LearnedRow, ...]]]:
        return _rebuild, (self.rows,)

    def __repr__(self) -> str:
        return f"ActorIndex({len(self.actors)} actors, {len(self.learned)} learned)"

    # --- the dictionary ----------------------------------------------------------------------------------------

    @property
    def learned_ids(self) -> frozenset[str]:
        return frozenset(self.learned)

    def candidates(self, name: str) -> list[Actor]:
        """All actors whose name or a variant matches ``name`` (first matching key wins), in dictionary order, the
        dictionary's own actors before learned ones."""
        index, actors, learned = dictionary.shipped_name_index(), self.actors, self._learned_index
        for key, suffix in suffixed_keys(name):
            found = [actors[i] for i in index.get(key, ())]
            if learned:
                found += [actors[i] for i in learned.get(key, ())]
            if suffix not in PERSON_SUFFIXES:
                found = [a for a in found if a.kind != "person"]
            if found:
                return found
        return []

    def lookup(self, name: str, date: str | None = None, *, kind: str | None = None) -> Actor | None:
        """The actor a name refers to: variant match first, then a role phrase ("US-Präsident") read on ``date``.

        Without ``kind``, actors are preferred over places ("Moskau" -> ``RUS.GOV``); ``kind="place"`` asks for the
        place.
        """
        found = self.candidates(name)
        if kind is not None:
            found = [a for a in found if a.kind == kind]
        else:
            found = sorted(found, key=lambda a: a.kind == "place")
        if found:
            return found[0]
        if kind in (None, "person"):
            return resolve_role(name, date, self)
        return None

    def roles_of(self, actor_id: str) -> list[Role]:
        """The offices an actor holds or held."""
        return list(_roles_by_actor().get(actor_id, ()))

    def holders(self, role: str, of: str, date: str | None = None) -> list[Actor]:
        """Actors holding ``role`` of ``of`` on ``date`` (current holders when ``date`` is None)."""
        return [
            self.actors[r.actor]
            for r in dictionary.all_roles()
            if r.role == role and r.of == of and r.holds_on(date)
        ]

    @staticmethod
    def adjective_countries() -> dict[str, str]:
        """German adjective stem (folded) -> ISO3, e.g. ``"russisch"`` -> ``"RUS"``."""
        return dictionary.adjective_countries()

    def actor_code(self, actor_id: str | None) -> tuple[str | None, str | None]:
        """(country ISO3, sector) of an actor id; state ids are read directly (``"UKR.MIL"`` -> ``("UKR", "MIL")``)."""
        if not actor_id:
            return None, None
        actor = self.actors.get(actor_id)
        if actor is not None:
            return actor.country, actor.sector
        match = _STATE_ID.fullmatch(actor_id)
        if match:
            return match.group(1), match.group(2)
        return None, None

    # --- lookups as event coding asks them (remembered: names repeat) ------------------------------------------

    def lookup_id(self, name: str, date: str | None = None) -> str | None:
        """The id of :meth:`lookup` for a name on a date, or None."""
        return self._remembered(("id", name, date), lambda: _id_of(self.lookup(name, date=date)))

    def cameo_code(self, actor_id: str) -> tuple[str | None, str | None]:
        """(country, sector) of an actor id as CAMEO codes it: international organisations have the country
        ``IGO``, ``org.`` ids the dictionary lacks too; ``CCC`` and ``CCC.SECTOR`` ids are read directly."""
        return self._remembered(("code", actor_id), lambda: self._cameo_code(actor_id))

    def _cameo_code(self, actor_id: str) -> tuple[str | None, str | None]:
        country, sector = self.actor_code(actor_id)
        if country or sector:
            if country is None and sector == "IGO":
                return "IGO", None
            return country, sector
        if actor_id.startswith("org."):
            return "IGO", None
        head, _, tail = actor_id.partition(".")
        if re.fullmatch(r"[A-Z]{3}", head):
            return head, (tail or None)
        return None, None

    def acting_for(self, actor_id: str, date: str | None = None) -> str:
        """The organisation a person speaks for when the office they hold is an international organisation's.

        CAMEO codes a UN Secretary-General or NATO Secretary-General as the organisation, not their home country.
        The office is the one held on ``date``; failing that (no date, or between offices), the latest one begun by
        then. A person without such an office keeps their own id.
        """
        if not actor_id.startswith("per."):
            return actor_id
        return self._remembered(("acting", actor_id, date), lambda: self._acting_for(actor_id, date))

    def _acting_for(self, actor_id: str, date: str | None) -> str:
        roles = self.roles_of(actor_id)
        day = date[:10] if date else None
        held = [r for r in roles if day and r.holds_on(day)]
        if not held:
            begun = [r for r in roles if day is None or (r.start or "") <= day]
            held = [max(begun, key=lambda r: r.start or "")] if begun else []
        igos = _igo_ids()
        if held and all(r.of in igos for r in held):
            return igos[held[0].of]
        return actor_id

    def adjective_country(self, word: str) -> str | None:
        """Country of a nationality adjective in any inflection (``finnischen`` -> FIN)."""
        if not word[:1].islower():
            return None
        return dictionary.adjective_countries().get(fold(_INFLECTION.sub("", word)))

    def _remembered(self, key: Hashable, compute: Callable[[], object]) -> object:
        memo = self._memo
        if key in memo:
            return memo[key]
        if len(memo) >= _MEMO_LIMIT:
            memo.clear()
        value = memo[key] = compute()
        return value


_INFLECTION = re.compile(r"(?:e|en|er|es|em)$")


@lru_cache(maxsize=4)
def _rebuild(rows: tuple[LearnedRow, ...]) -> ActorIndex:
    """The index of ``rows`` as unpickled: one per set of learned persons in a process."""
    if not rows:
        return shipped()
    return ActorIndex(
        Actor(i, name, list(variants), country, sector, "person")
        for i, name, variants, country, sector in rows
    )


def _id_of(actor: Actor | None) -> str | None:
    return actor.id if actor is not None else None


@cache
def shipped() -> ActorIndex:
    """The index of the shipped dictionary alone (no learned persons)."""
    return ActorIndex()


@cache
def _roles_by_actor() -> dict[str, tuple[Role, ...]]:
    out: dict[str, list[Role]] = {}
    for role in dictionary.all_roles():
        out.setdefault(role.actor, []).append(role)
    return {k: tuple(v) for k, v in out.items()}


@cache
def _igo_ids() -> dict[str, str]:
    """Office owner code of each international organisation in the dictionary (``NATO`` -> ``org.nato``)."""
    return {
        actor.id.split(".", 1)[1].upper(): actor.id
        for actor in dictionary.packaged_actors().values()
        if actor.kind == "organisation" and actor.sector == "IGO" and actor.country is None
    }


def _name_phrases(actors: Iterable[Actor], index: dict[str, tuple[str, ...]]) -> dict[tuple[str, ...], str]:
    """Word tuples of the learned names (and their genitive -s forms) that the index resolves unambiguously."""
    out: dict[tuple[str, ...], str] = {}
    for actor in actors:
        for name in [actor.name, *actor.variants]:
            words = tuple(name.split())
            if not words or len(words[-1]) < 3 or index.get(index_key(name_tokens(name))) != (actor.id,):
                continue
            out[words] = "PER"
            if not words[-1].endswith(("s", "x", "z")):
                out[(*words[:-1], words[-1] + "s")] = "PER"
    return out
