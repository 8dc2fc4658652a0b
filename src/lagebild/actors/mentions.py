"""Actor mentions in a sentence and their resolution to actor ids and (country, sector) codes, as CAMEO codes them.

Resolved entities on the article come first. Unresolved entity mentions and names the entity stage missed go
through the :class:`~lagebild.actors.index.ActorIndex`, then through the gazetteer, whose ids have the form ``CCC``
or ``CCC.SECTOR`` (countries) and ``org.<slug>`` (international organisations). Functions that take ``actors``
read names through that index; without one, the shipped dictionary alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from lagebild.actors.dictionary import slug
from lagebild.actors.gazetteer import gazetteer
from lagebild.actors.index import ActorIndex, shipped
from lagebild.language.lexicon import DETERMINERS as _DETERMINERS
from lagebild.language.resources import LANGUAGES, data, merged
from lagebild.language.tokens import tokenize
from lagebild.model import Entity

_NAME = re.compile(r"(?<![\w-])[A-ZÄÖÜ][\w'’-]+(?:\s+[A-ZÄÖÜ][\w'’-]+){0,2}")
_POSSESSIVE = re.compile(r"['’]s?$")  # "Reagan's", "Bush'", "Arafat’s"
_STOP_CAPS = frozenset(w for code in LANGUAGES for w in data(code).forms("sentence_openers"))
_SECTOR_WINDOW = 3  # tokens after an adjective or before a name in which a sector noun is looked for


@dataclass(frozen=True)
class Mention:
    """An actor mention: absolute character offsets into the text and the actor id it resolves to."""

    start: int
    end: int
    text: str
    actor: str


def _sector_near(text: str, start: int, end: int) -> str | None:
    """A sector noun inside the mention or right after it (adjective + noun) or right before it (noun + name)."""
    after = " ".join(text[end:].split()[:_SECTOR_WINDOW])
    before = " ".join(text[:start].split()[-1:])
    for window in (text[start:end], after, before):
        sector = _sector_in(window)
        if sector:
            return sector
    return None


def gazetteer_actor(text: str, start: int, end: int) -> str | None:
    """Fallback actor id for ``text[start:end]`` from the gazetteer (country plus a nearby sector noun)."""
    surface = text[start:end]
    code = _place_code(surface)
    if code is None:
        return None
    if code == "IGO":
        return f"org.{slug(surface) or 'org'}"
    sector = _sector_near(text, start, end)
    return f"{code}.{sector}" if sector else code


@lru_cache(maxsize=65536)
def _place_code(surface: str) -> str | None:
    """The gazetteer code a name is, or has as a whole word inside it (IGOs only as the whole name)."""
    for regex, code in gazetteer().place_codes:
        if regex.fullmatch(surface) or (code != "IGO" and _word_search(regex, surface)):
            return code
    return None


def _word_search(regex: re.Pattern[str], surface: str) -> bool:
    """The pattern matches a whole word (or compound head) inside a longer name (``Bundesverband deutscher Banken``)."""
    return any(
        (m.start() == 0 or not surface[m.start() - 1].isalnum())
        and (m.end() == len(surface) or not surface[m.end()].isalnum())
        for m in regex.finditer(surface)
    )


def resolve(text: str, start: int, end: int, date: str | None, actors: ActorIndex) -> str | None:
    """Actor id for the name at ``text[start:end]``: actor dictionary (also a compound's head), then gazetteer."""
    surface = text[start:end]
    found = actors.lookup_id(surface, date)
    if not found and "-" in surface:
        found = actors.lookup_id(surface.split("-", 1)[0], date)
    if found and _place_code(surface) == "IGO" and actors.cameo_code(found)[0] not in ("IGO", "NGO"):
        found = None  # an office of an organisation (``UN-Generalsekretär``) acts for it, not for its holder's country
    return found or gazetteer_actor(text, start, end)


def find_mentions(
    text: str,
    start: int,
    end: int,
    entities: Iterable[Entity] = (),
    date: str | None = None,
    language: str | None = None,
    home: str | None = None,
    actors: ActorIndex | None = None,
) -> list[Mention]:
    """Actor mentions in ``text[start:end]``, ordered by position, without overlaps.

    A person or organisation the dictionary does not know is coded from its noun phrase
    (:func:`lagebild.events.context.context_actor`); the country and title words of that phrase then belong to
    the mention rather than standing as actors of their own.
    """
    actors = actors or shipped()
    entities = list(entities)
    given = bool(entities)
    found, unresolved = _named_mentions(text, start, end, entities, date, actors)
    taken = [(m.start, m.end) for m in found]
    if given:
        found = code_noun_phrases(text, start, found, entities, unresolved, language, home, actors)
        found = sector_mentions(text, start, end, found, date, actors)
        return ethnic_groups(text, _in_office(found, date, actors), actors)
    # no entity stage ran: ask the actor dictionary about capitalised names
    for match in _NAME.finditer(text, start, end):
        s, e = match.span()
        if (
            any(s < te and ts < e for ts, te in taken)
            or match.start() == start
            and match.group(0) in _STOP_CAPS
        ):
            continue
        hit = _known_tail(text, s, e, date, actors)
        if hit:
            s = hit[0]
            found.append(Mention(s, e, text[s:e], hit[1]))
            taken.append((s, e))
    found = sector_mentions(text, start, end, found, date, actors)
    return ethnic_groups(text, _in_office(found, date, actors), actors)


def _named_mentions(
    text: str, start: int, end: int, entities: list[Entity], date: str | None, actors: ActorIndex
) -> tuple[list[Mention], list[Entity]]:
    """Mentions of the entities (and gazetteer place names) in ``text[start:end]`` that resolve to an actor, and the
    person and organisation entities that do not."""
    found: list[Mention] = []
    unresolved: list[Entity] = []
    for ent in entities:
        if ent.start < start or ent.end > end or ent.label not in ("PER", "ORG", "LOC", "MISC"):
            continue
        actor = ent.actor or resolve(text, ent.start, ent.end, date, actors)
        if actor:
            found.append(Mention(ent.start, ent.end, text[ent.start : ent.end], actor))
        elif ent.label in ("PER", "ORG"):
            unresolved.append(ent)
    taken = [(m.start, m.end) for m in found]
    for match in gazetteer().places.finditer(text, start, end):
        s, e = match.span()
        if any(s < te and ts < e for ts, te in taken):
            continue
        actor = resolve(text, s, e, date, actors)
        if actor:
            found.append(Mention(s, e, match.group(0), actor))
            taken.append((s, e))
    return found, unresolved


_ETHNIC = re.compile(r"(?<!\w)(?:ethnic|ethnisch\w*)\s+$", re.IGNORECASE)
_RESIDENT_OF = re.compile(r"\s+of\s+(?:the\s+)?(?:(?-i:[a-z][\w-]*)\s+)?")  # "Albanians of southern Serbia"
_ETHNIC_REACH = 14  # characters before a nationality word in which "ethnic" is looked for


def ethnic_groups(text: str, mentions: list[Mention], actors: ActorIndex | None = None) -> list[Mention]:
    """Code an ethnic group by the state it lives in, as CAMEO does: ``ethnic Albanians`` in a sentence about
    Macedonia act for Macedonia, ``the Albanians of southern Serbia`` for Serbia. The state is the one named right
    after ``of``, else (after ``ethnic``) the first other state of the sentence."""
    actors = actors or shipped()
    out: list[Mention] = []
    for index, mention in enumerate(mentions):
        own = _country(mention, actors) if _is_country_word(mention, actors) else None
        if own is None:
            out.append(mention)
            continue
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        home = None
        if following is not None and _RESIDENT_OF.fullmatch(text, mention.end, following.start):
            home = _country(following, actors)
        elif _ETHNIC.search(text, max(0, mention.start - _ETHNIC_REACH), mention.start):
            home = next(
                (
                    c
                    for m in mentions
                    if m is not mention
                    and (c := _country(m, actors)) not in (None, own)
                    and not _ETHNIC.search(text, max(0, m.start - _ETHNIC_REACH), m.start)
                ),
                None,
            )
        if home and home != own:
            sector = actors.cameo_code(mention.actor)[1]
            mention = Mention(
                mention.start, mention.end, mention.text, f"{home}.{sector}" if sector else home
            )
        out.append(mention)
    return out


def _in_office(mentions: list[Mention], date: str | None, actors: ActorIndex) -> list[Mention]:
    """Mentions in text order, a person holding an international organisation's office coded as that organisation,
    and a nationality right before an ethnic group (``Bosnian Serbs``, ``Iraqi Kurds``) taking the group in."""
    out = [Mention(m.start, m.end, m.text, actors.acting_for(m.actor, date)) for m in mentions]
    out.sort(key=lambda m: m.start)
    return _residents(out, actors)


def _residents(mentions: list[Mention], actors: ActorIndex) -> list[Mention]:
    """``Bosnian Serbs`` are Bosnia's: two country words separated by one space are one actor of the first country."""
    out: list[Mention] = []
    for mention in mentions:
        previous = out[-1] if out else None
        if (
            previous is not None
            and mention.start - previous.end == 1
            and mention.text[:1].isupper()
            and _is_country_word(previous, actors)
            and _is_country_word(mention, actors)
        ):
            out[-1] = Mention(previous.start, mention.end, f"{previous.text} {mention.text}", previous.actor)
            continue
        out.append(mention)
    return out


def _is_country_word(mention: Mention, actors: ActorIndex) -> bool:
    """A single-word state mention (``Bosnian``, ``Serbs``), not a person or an organisation."""
    return (
        " " not in mention.text
        and not mention.actor.startswith(("per.", "org.", UNKNOWN_COUNTRY))
        and _code_of(mention.actor, actors)[0] not in (None, "IGO", "NGO")
    )


def _known_tail(
    text: str, start: int, end: int, date: str | None, actors: ActorIndex
) -> tuple[int, str] | None:
    """The longest tail of a capitalised word run the actor dictionary knows (``President Obama`` -> ``Obama``)."""
    offsets = [0] + [m.end() for m in re.finditer(r"\s+", text[start:end])]
    for offset in offsets:
        s = start + offset
        actor = actors.lookup_id(_POSSESSIVE.sub("", text[s:end]), date)
        if actor:
            return s, actor
    return None


UNKNOWN_COUNTRY = "---"  # CAMEO's mark for an actor whose country the phrase does not say
_SECTOR_DETERMINER = re.compile(
    r"(?:^|\s)(?:der|die|das|den|dem|des|the|\d[\d.,]*|mehrere\w*|zahlreiche\w*|hunderte|tausende|dozens of|"
    r"hundreds of|thousands of|several|some)\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)


_TITLED_NAME = re.compile(
    r"(?:\s+[A-Z][\w.'’-]+){1,3}"
)  # "President Omar al-Bashir", "Judge Alejandro Rivera"


_PLACE_OF = re.compile(  # "rebels in the Ivory Coast", "security forces in Guinea", "die Polizei in Tiflis"
    r"\s+(?:in|of|from|aus|in|im)\s+(?:(?:the|der|dem|den)\s+)?(?:(?-i:[a-zäöüß][\w-]*)\s+)?", re.IGNORECASE
)
_ADJOINING = re.compile(r"\s+(?:(?-i:[a-z][\w-]*)\s+)?")  # "Afghan civilians", "Turkish riot police"


def sector_mentions(
    text: str,
    start: int,
    end: int,
    taken: list[Mention],
    date: str | None = None,
    actors: ActorIndex | None = None,
) -> list[Mention]:
    """``taken`` plus generic actors named by a sector noun (``die Polizei``, ``the rebels``, ``200 Journalisten``).

    A sector noun with a place (``rebels in the Ivory Coast``) becomes one ``CCC.SECTOR`` mention spanning both; a
    title before a known name (``President Obama``) takes the name's actor; a sector noun right after a country
    adjective (``Afghan civilians``) belongs to that adjective's mention. Other sector nouns get the id
    ``---.SECTOR``: the decision code gives them the country of the event's other party or of the place named in
    the sentence, as CAMEO codes domestic actors.
    """
    actors = actors or shipped()
    out = list(taken)
    for sector, regex in gazetteer().sectors:
        for match in regex.finditer(text, start, end):
            s, e = match.span()
            titled = _TITLED_NAME.match(text, e, end) if text[s].isupper() else None
            leading = text[s].isupper() and not text[start:s].strip(" \"'„“«")
            if not (titled or leading or _SECTOR_DETERMINER.search(text[max(start, s - 40) : s])):
                continue
            if any(s >= m.end and _ADJOINING.fullmatch(text, m.end, s) and _country(m, actors) for m in out):
                continue
            actor = f"{UNKNOWN_COUNTRY}.{sector}"
            place = _place_after(text, e, out, actors)
            if place is not None and not titled:
                out.remove(place)
                e, actor = place.end, f"{_country(place, actors)}.{sector}"
            elif titled:
                e = titled.end()
                known = actors.lookup_id(_POSSESSIVE.sub("", text[titled.start() : e].strip()), date)
                actor = known or actor
            if any(s < m.end and m.start < e for m in out):
                continue
            out.append(Mention(s, e, text[s:e], actor))
    return out


def _country(mention: Mention, actors: ActorIndex) -> str | None:
    country = actors.cameo_code(mention.actor)[0]
    return country if country and country not in (UNKNOWN_COUNTRY, "IGO", "NGO") else None


def _place_after(text: str, end: int, mentions: list[Mention], actors: ActorIndex) -> Mention | None:
    """A country mention joined to a sector noun by ``in`` / ``of`` / ``from`` (``aus``, ``in``)."""
    link = _PLACE_OF.match(text, end)
    if link is None:
        return None
    return next((m for m in mentions if m.start == link.end() and _country(m, actors)), None)


# --- actors coded from their noun phrase -------------------------------------------------------------------------

_NP_STOP = re.compile(r"[,;:!?()\[\]\"«»„“”]")
_NP_MAX_TOKENS = 5
_ADJECTIVE = re.compile(
    r"(?:\w+(?:isch|ig|lich|end|ell|al|iv|är|ant|ent|ierte|malig)(?:e|en|er|es|em)?|neue[nrsm]?|frühere[nrsm]?"
    r"|alte[nrsm]?|former|new|then|deputy|acting|senior|top)",
    re.IGNORECASE,
)
_PREPOSITIONS = merged("prepositions", "all")
_FEDERAL = {"de": re.compile(r"(?<![\w])Bundes[a-zäöüß]{3,}")}  # a compound naming the federal level
_LANGUAGE_HOME = {"de": "DEU"}  # the press of a language, when the outlet's own country is not known
_FEDERAL_STATES = frozenset({"DEU", "AUT", "CHE"})  # where a ``Bundes-`` compound names the federal level


def home_country(language: str | None, outlet_country: str | None = None) -> str | None:
    """The country of a domestic person the text does not place: the outlet's, else that of the language's press."""
    return outlet_country or _LANGUAGE_HOME.get(language or "")


_POSSESSIVE_LINK = frozenset({"des", "der"})  # genitive articles inside a phrase: "der Sprecher des Kremls"


def _np_window(text: str, sentence_start: int, start: int) -> int:
    """Start of the noun phrase in front of a name: titles, adjectives, articles; not prepositions or verbs."""
    window_start = start
    tokens = [t for t in tokenize(text, max(sentence_start, start - 120), start) if t.text[:1].isalnum()]
    for count, token in enumerate(reversed(tokens)):
        if (
            count
            and tokens[-count].text.lower() in _DETERMINERS
            and not (tokens[-count].text.lower() in _POSSESSIVE_LINK and token.text[:1].isupper())
        ):
            break  # an article is the phrase's left edge, unless it links a genitive ("Sprecher des Kremls")
        gap = text[token.end : window_start]
        word = token.text
        if count >= _NP_MAX_TOKENS or _NP_STOP.search(gap) or word.lower() in _PREPOSITIONS:
            break
        if word[:1].islower() and word.lower() not in _DETERMINERS and not _ADJECTIVE.fullmatch(word):
            break
        window_start = token.start
    return window_start


def _code_of(actor_id: str, actors: ActorIndex) -> tuple[str | None, str | None]:
    country, sector = actors.cameo_code(actor_id)
    if country is None and sector in ("IGO", "NGO"):
        return sector, None
    return country, sector


def _sector_in(text: str) -> str | None:
    for sector, regex in gazetteer().sectors:
        if regex.search(text):
            return sector
    return None


def context_actor(
    text: str,
    window_start: int,
    end: int,
    window: list[Mention],
    label: str,
    language: str | None,
    foreign: bool,
    home: str | None,
    actors: ActorIndex,
) -> str | None:
    """Actor id (``CCC`` / ``CCC.SECTOR``) of an unknown person or organisation from its noun phrase.

    The country comes from a known actor in the phrase (``der österreichische Bundeskanzler``,
    ``CSU-Fraktionsvorsitzender``, ``EU-Außenbeauftragter``, ``Jung (CDU)``), from a ``Bundes-`` compound
    (the federal level of the outlet's country, else Germany's), or, for a person in the domestic press whose
    sentence names no foreign actor, from ``home`` (:func:`home_country`). The sector comes from a sector noun in
    the phrase, else from the actor.
    """
    code = phrase_code(text, window_start, end, end, window, label, language, foreign, home, actors)
    if code is None:
        return None
    if code.country in ("IGO", "NGO"):
        return code.country
    return f"{code.country}.{code.sector}" if code.sector else code.country


@dataclass(frozen=True)
class PhraseCode:
    """What a noun phrase says of the person or organisation it names.

    ``country`` and ``sector`` code the actor (the outlet's home country standing in for an unplaced domestic
    person); ``title_sector`` is the sector the words before the name, a known actor in the phrase or a bracket
    give; ``placed`` tells whether the phrase itself gave the country, not just the home country.
    """

    country: str
    sector: str | None
    title_sector: str | None
    placed: bool


def phrase_code(
    text: str,
    window_start: int,
    name_start: int,
    end: int,
    window: list[Mention],
    label: str,
    language: str | None,
    foreign: bool,
    home: str | None,
    actors: ActorIndex,
) -> PhraseCode | None:
    """The code of the phrase ``text[window_start:end]`` whose name starts at ``name_start``, as
    :func:`context_actor` reads it; None when no country can be given."""
    home = home_country(language, home)
    phrase = text[window_start:end]
    sector = _sector_in(phrase)
    title_sector = _sector_in(text[window_start:name_start]) if sector else None
    country = None
    for mention in window:
        country, own_sector = _code_of(mention.actor, actors)
        if country:
            sector = sector or own_sector
            title_sector = title_sector or own_sector
            break
    if country is None:
        country = next((c for word in phrase.split() if (c := actors.adjective_country(word))), None)
    if country is None and (federal := _FEDERAL.get(language or "")) and federal.search(phrase):
        country, sector = (home if home in _FEDERAL_STATES else "DEU"), sector or "GOV"
        title_sector = title_sector or "GOV"
    placed = country is not None
    if country is None and label == "PER" and not foreign:
        country = home
    if country is None:
        return None
    return PhraseCode(country, sector, title_sector, placed)


def _names_foreign_state(mentions: Iterable[Mention], home: str | None, actors: ActorIndex) -> bool:
    """A mention codes a country other than ``home`` (organisations without a country do not count)."""
    return any(_code_of(m.actor, actors)[0] not in (None, home, "IGO", "NGO") for m in mentions)


def code_noun_phrases(
    text: str,
    sentence_start: int,
    found: list[Mention],
    entities: Iterable[Entity],
    unresolved: list[Entity],
    language: str | None,
    home: str | None,
    actors: ActorIndex,
) -> list[Mention]:
    """Fold the title words and country adjectives of a person's or organisation's noun phrase into its mention.

    Known names keep their actor; unknown ones are coded by :func:`context_actor`. A party or body in brackets
    right after a name (``Jung ( CDU )``) also belongs to the name.
    """
    out = list(found)
    home = home_country(language, home)
    foreign = _names_foreign_state(found, home, actors)
    for ent in entities:
        if ent.label not in ("PER", "ORG") or ent.start < sentence_start:
            continue
        own = next((m for m in out if m.start == ent.start and m.end == ent.end), None)
        if own is None and ent not in unresolved:
            continue
        window_start, window, after = _phrase_of(text, sentence_start, ent, out)
        if own is None:
            actor = context_actor(
                text, window_start, ent.end, window + after, ent.label, language, foreign, home, actors
            )
            if actor is None:
                continue
        else:
            actor = own.actor
            out.remove(own)
        for mention in window + after:
            out.remove(mention)
        out.append(Mention(window_start, ent.end, text[window_start : ent.end], actor))
    return out


def _phrase_of(
    text: str, sentence_start: int, ent: Entity, mentions: list[Mention]
) -> tuple[int, list[Mention], list[Mention]]:
    """The noun phrase of an entity: where it starts, the mentions inside it before the name, and a mention in
    brackets right after the name (``Jung ( CDU )``)."""
    window_start = _np_window(text, sentence_start, ent.start)
    window_start = max(
        [window_start] + [m.end for m in mentions if m.start < window_start < m.end and m.end <= ent.start]
    )  # the phrase does not reach into another actor's mention
    window = [m for m in mentions if window_start <= m.start and m.end <= ent.start]
    bracket = re.match(r"\s*\(\s*", text[ent.end :])
    after = [
        m
        for m in mentions
        if bracket and m.start == ent.end + bracket.end() and re.match(r"\s*\)", text[m.end :])
    ]
    return window_start, window, after


def person_phrases(
    text: str,
    start: int,
    end: int,
    entities: Iterable[Entity],
    date: str | None = None,
    language: str | None = None,
    home: str | None = None,
    actors: ActorIndex | None = None,
) -> list[tuple[Entity, PhraseCode, int]]:
    """The persons of ``text[start:end]`` no actor is known for, each with the code of its noun phrase (as
    :func:`code_noun_phrases` reads it) and the phrase's start; persons whose phrase gives no country are left out."""
    actors = actors or shipped()
    entities = list(entities)
    found, unresolved = _named_mentions(text, start, end, entities, date, actors)
    home = home_country(language, home)
    foreign = _names_foreign_state(found, home, actors)
    out: list[tuple[Entity, PhraseCode, int]] = []
    for ent in unresolved:
        if ent.label != "PER":
            continue
        window_start, window, after = _phrase_of(text, start, ent, found)
        code = phrase_code(
            text, window_start, ent.start, ent.end, window + after, "PER", language, foreign, home, actors
        )
        if code is not None:
            out.append((ent, code, window_start))
    return out
