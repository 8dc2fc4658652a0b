"""Actor resolution inside one article: names, short names, role nouns and anaphoric organisation nouns."""

from __future__ import annotations

import re
from collections.abc import Sequence

from lagebild.actors import roles as offices
from lagebild.actors.dictionary import fold, name_keys
from lagebild.actors.index import ActorIndex
from lagebild.model import Article, Entity

# anaphoric nouns for an organisation mentioned before (or, failing that, their usual referent)
ANAPHORS: dict[str, str] = {
    "bundnis": "org.nato",
    "militarbundnis": "org.nato",
    "verteidigungsbundnis": "org.nato",
    "allianz": "org.nato",
    "militarallianz": "org.nato",
    "weltorganisation": "org.un",
    "staatengemeinschaft": "org.eu",
}
_ROLE_WORD = "|".join(
    sorted(
        {
            re.escape(k)
            for k in (
                "Präsident",
                "Präsidentin",
                "Staatschef",
                "Staatschefin",
                "Staatsoberhaupt",
                "Kanzler",
                "Kanzlerin",
                "Regierungschef",
                "Regierungschefin",
                "Premierminister",
                "Premierministerin",
                "Ministerpräsident",
                "Ministerpräsidentin",
                "Premier",
                "Außenminister",
                "Außenministerin",
                "Chefdiplomat",
                "Chefdiplomatin",
                "Verteidigungsminister",
                "Verteidigungsministerin",
                "Regierungssprecher",
                "Regierungssprecherin",
                "Sprecher",
                "Sprecherin",
                "Vizepräsident",
                "Vizepräsidentin",
                "Generalsekretär",
                "Generalsekretärin",
                "Kollege",
                "Kollegin",
                "Amtskollege",
                "Amtskollegin",
                "Kremlchef",
                "Kremlsprecher",
                "Bundeskanzler",
                "Bundeskanzlerin",
                "Bundespräsident",
                "Bundespräsidentin",
            )
        },
        key=len,
        reverse=True,
    )
)
ROLE_MENTION = re.compile(
    r"(?:\b(?i:der|die|des|dem|den|sein|seine|seinem|seinen|seines|ihr|ihre|ihrem|ihren|ihres)\s+)?"
    r"(?:\b[a-zäöü]\w+(?:e|en|er|es|em)\s+)?"
    r"(?:\b[A-ZÄÖÜ][\w.]*-)?"
    rf"\b(?:{_ROLE_WORD})(?:s|en|n)?\b"
    r"(?:\s+(?:der|des)\s+[A-ZÄÖÜ]\w+)?"
)
_ANAPHOR_MENTION = re.compile(
    r"\b(?i:das|dem|des|die|der)\s+(?:\w+e[nrsm]?\s+)?(Bündnis|Militärbündnis|Verteidigungsbündnis|Allianz|"
    r"Militärallianz|Weltorganisation|Staatengemeinschaft)(?:ses|es|s)?\b"
)


def _before(entities: Sequence[Entity], position: int | None) -> list[Entity]:
    return [e for e in entities if e.actor and (position is None or e.start < position)]


def _holder_in_context(role: str, date: str | None, earlier: list[Entity], actors: ActorIndex) -> str | None:
    """The most recent earlier person who held ``role`` (of any country) on ``date``."""
    for entity in reversed(earlier):
        if entity.actor.startswith("per.") and any(
            r.role == role and r.holds_on(date) for r in actors.roles_of(entity.actor)
        ):
            return entity.actor
    return None


def _colleague(of: str | None, date: str | None, earlier: list[Entity], actors: ActorIndex) -> str | None:
    """ "sein US-Kollege": the holder, for ``of``, of the office the last person mentioned holds."""
    if of is None:
        return None
    for entity in reversed(earlier):
        if not entity.actor.startswith("per."):
            continue
        for role in actors.roles_of(entity.actor):
            if role.holds_on(date) and role.of != of:
                found = offices.holder(role.role, of, date, actors)
                if found is not None:
                    return found.id
        return None
    return None


def resolve_mention(
    text: str, article: Article, actors: ActorIndex, position: int | None = None
) -> str | None:
    """Actor id for a mention in ``article`` (a speaker, a subject): a name, a short or inflected name, a
    role phrase read on ``article.published``, or an anaphoric noun; earlier resolved entities of the article
    (before ``position`` when given) serve as antecedents. None when nothing fits."""
    if not text or not text.strip():
        return None
    date = article.published
    earlier = _before(article.entities, position)
    direct = actors.lookup(text, date, kind=None)
    if direct is not None:
        return direct.id
    phrase = offices.parse_role(text, actors)
    if phrase is not None:
        if phrase.role == offices.COLLEAGUE:
            return _colleague(phrase.of, date, earlier, actors)
        if phrase.of is None:
            return _holder_in_context(phrase.role, date, earlier, actors)
        found = offices.holder(phrase.role, phrase.of, date, actors)
        return found.id if found else None
    words = fold(text).split()
    if words and words[-1] in ANAPHORS:
        return ANAPHORS[words[-1]]
    return _short_name(words, earlier)


def _short_name(words: list[str], earlier: list[Entity]) -> str | None:
    """A surname (or other tail) of an earlier resolved full name: "Müller" after "Thomas Müller"."""
    if not words:
        return None
    keys = set(name_keys(" ".join(words)))
    for entity in reversed(earlier):
        tail = fold(entity.text).split()
        if len(tail) > 1 and tail[-1] in keys | {words[-1]}:
            return entity.actor
    return None


def role_mentions(text: str) -> list[tuple[int, int]]:
    """Character spans of role and anaphor phrases ("der russische Präsident", "das Bündnis")."""
    spans = [(m.start(), m.end()) for m in ROLE_MENTION.finditer(text)]
    spans += [(m.start(), m.end()) for m in _ANAPHOR_MENTION.finditer(text)]
    return sorted(spans)
