"""The ``entities`` pipeline stage: NER + gazetteer, then actor resolution within the article."""

from __future__ import annotations

import re

from lagebild.actors import ActorIndex, shipped
from lagebild.actors.resolve import resolve_mention, role_mentions
from lagebild.entities.crf import load_crf
from lagebild.entities.ner import MAX_CHARS
from lagebild.language.tokens import token_spans
from lagebild.model import Article, Entity

_LOCATIVE = re.compile(
    r"(?:\b(?:in|im|nach|aus|bei|nahe|von|vor|um|bis|über|durch|gen|at|to|from)\s+)$", re.I
)
_DATELINE_AFTER = re.compile(r"\s*(?:[/,][^\n(]{0,40}?)?(?:\([^)\n]{1,40}\))?\s*[-–—:]\s")


class EntityStage:
    """Fills ``article.entities`` (PER/ORG/LOC/MISC with actor ids).

    ``gazetteer`` adds dictionary names the model missed; ``roles`` adds resolved role and anaphor phrases
    ("der russische Präsident", "das Bündnis") as PER/ORG entities. ``actors`` is the batch's actor index
    (the shipped dictionary when None); the gazetteer also finds the learned persons' names.
    """

    name = "entity"
    requires = ("text", "language", "published")
    assigns = ("entities",)
    resources = ("CRF model", "actor index")

    def __init__(self, gazetteer: bool = True, roles: bool = True, actors: ActorIndex | None = None) -> None:
        self.gazetteer = gazetteer
        self.roles = roles
        self.actors = actors or shipped()

    def __call__(self, article: Article) -> Article:
        text = article.text or ""
        article.entities = self._entities(article, text[:MAX_CHARS])
        return article

    def _entities(self, article: Article, text: str) -> list[Entity]:
        if not text.strip():
            return []
        spans = self.recognise(text)
        article.entities = []
        entities: list[Entity] = []
        for start, end, label in spans:
            surface = text[start:end]
            actor = self._resolve_named(surface, label, text, start, article)
            entities.append(Entity(start, end, surface, label, actor))
            article.entities = entities
        if self.roles:
            entities = self._add_roles(article, text, entities)
        return entities

    def recognise(self, text: str) -> list[tuple[int, int, str]]:
        """Entity spans from the CRF tagger plus gazetteer names that overlap none of them; none without a model."""
        tagger = load_crf()
        if tagger is None:
            return []
        found = tagger.recognise(text)
        if self.gazetteer:
            found += _uncovered(tagger.gazetteer(text), found, len(text))
            learned = self.actors.learned_phrases
            if learned:
                found += _uncovered(_learned_names(tagger, text, learned), found, len(text))
        return sorted(found)

    def _resolve_named(self, surface: str, label: str, text: str, start: int, article: Article) -> str | None:
        if label in ("LOC", "ORG") and _is_dateline(text, start, start + len(surface)):
            place = self.actors.lookup(surface, kind="place")
            return place.id if place is not None else None
        if label == "LOC" and _LOCATIVE.search(text[max(0, start - 8) : start]):
            place = self.actors.lookup(surface, kind="place")
            if place is not None:
                return place.id
        if label == "MISC":
            return None
        actor_id = resolve_mention(surface, article, self.actors, position=start)
        if actor_id is None:
            return None
        kind = actor_id.split(".", 1)[0]
        if (label == "PER") != (
            kind == "per"
        ):  # "Wagner" the composer is no Wagner group, "Kerry" county no Kerry
            return None
        return actor_id

    def _add_roles(self, article: Article, text: str, entities: list[Entity]) -> list[Entity]:
        taken = [(e.start, e.end) for e in entities]
        added: list[Entity] = []
        for start, end in role_mentions(text):
            mention = text[start:end]
            inside = [s for s, e in taken if start < s and e <= end]
            if inside:  # "der Präsident der Ukraine": the owner keeps its entity, the role gets the head
                end = start + len(re.sub(r"\s+(?:der|des)\s*$", "", text[start : min(inside)].rstrip()))
            if any(s < end and start < e for s, e in taken):
                continue
            following = [e for e in entities if 0 <= e.start - end <= 1 and e.label == "PER"]
            if following:  # "der russische Präsident Wladimir Putin": the name carries the actor
                continue
            article.entities = sorted(entities + added, key=lambda e: e.start)
            actor = resolve_mention(mention, article, self.actors, position=start)
            if actor is None:
                continue
            label = "PER" if actor.startswith("per.") else "ORG"
            added.append(Entity(start, end, text[start:end], label, actor))
        return sorted(entities + added, key=lambda e: (e.start, e.end))


def _learned_names(
    tagger: object, text: str, phrases: dict[tuple[str, ...], str]
) -> list[tuple[int, int, str]]:
    """Spans of learned actors' names (full names and surnames) in ``text``.

    A surname alone after an article or a quantifier is a common noun ("die Fischer protestierten"), not the
    learned person.
    """
    tokens = token_spans(text)
    words = [text[s:e] for s, e in tokens]
    matches = tagger.lexicon.match(words, phrases)  # type: ignore[attr-defined]
    return [
        (tokens[s][0], tokens[e - 1][1], label)
        for s, e, label in matches
        if e - s > 1 or s == 0 or not _NOUN_BEFORE.fullmatch(words[s - 1])
    ]


_NOUN_BEFORE = re.compile(
    r"(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|kein\w*|viele|alle|diese[nmrs]?|jede[nmrs]?)",
    re.IGNORECASE,
)


def _uncovered(
    candidates: list[tuple[int, int, str]], found: list[tuple[int, int, str]], length: int
) -> list[tuple[int, int, str]]:
    """The candidate spans that overlap none of ``found`` (nor each other)."""
    taken = bytearray(length + 1)
    for start, end, _ in found:
        taken[start:end] = b"\x01" * (end - start)
    out = []
    for start, end, label in candidates:
        if not any(taken[start:end]):
            out.append((start, end, label))
            taken[start:end] = b"\x01" * (end - start)
    return out


def _is_dateline(text: str, start: int, end: int) -> bool:
    """ "BERLIN (dpa) - ...": a place name opening a line, followed by an optional agency and a dash."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and _DATELINE_AFTER.match(text, end) is not None
