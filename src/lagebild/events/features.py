"""Feature extraction for event coding: triggers, actor mentions, cues and dates of one sentence.

Nothing here decides what an event is; :mod:`lagebild.events.rules` does that from these features, and a
statistical classifier can use :func:`trigger_features` as its input instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from lagebild.actors import ActorIndex, shipped
from lagebild.actors.mentions import Mention, find_mentions
from lagebild.events.resources import lexicon
from lagebild.language.resources import rules_language
from lagebild.model import Entity, Quote, Timex

_CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014]|\s-\s|\s(?:und|aber|doch|sondern|and|but|while|whereas)\s")
_PASSIVE = re.compile(
    r"(?<!\w)(?:wurden?|worden|wird|werden|was|were|been|being|is|are)(?!\w)", re.IGNORECASE
)
_DATE_VALUE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?")


@dataclass(frozen=True)
class Trigger:
    """A lexicon hit: the event type it signals and its absolute span."""

    type: str
    start: int
    end: int
    text: str
    priority: int
    mode: str | None = None


@dataclass
class SentenceFeatures:
    """Everything the decision code looks at for one sentence (absolute offsets into ``text``)."""

    text: str
    start: int
    end: int
    language: str
    published: str | None
    triggers: list[Trigger]
    mentions: list[Mention]
    dates: list[tuple[int, int, str]]
    cues: dict[str, list[tuple[int, int]]]
    quote: int | None = None
    speaker: str | None = None
    clauses: list[tuple[int, int]] = field(default_factory=list)
    actors: ActorIndex = field(default_factory=shipped)
    """The actor index the mentions were resolved with; the decision code reads their codes from it."""

    def clause_of(self, pos: int) -> tuple[int, int]:
        for lo, hi in self.clauses:
            if lo <= pos < hi:
                return lo, hi
        return self.start, self.end

    def cue_in(self, name: str, lo: int, hi: int) -> bool:
        return any(lo <= s and e <= hi for s, e in self.cues.get(name, ()))


def find_triggers(text: str, start: int, end: int, language: str | None) -> list[Trigger]:
    """Trigger hits in ``text[start:end]``; overlapping hits keep the higher priority, then the longer one."""
    lex = lexicon()
    lang = rules_language(language)
    patterns = lex.triggers[lang]
    hits: list[tuple[int, int, int, int, str]] = []
    for number in lex.trigger_index[lang].candidates(text, start, end):
        pattern = patterns[number]
        for match in pattern.regex.finditer(text, start, end):
            hits.append((match.start(), match.end(), pattern.priority, -pattern.order, pattern.type))
    hits = _most_specific(text, _outside_idioms(text, start, end, lang, hits))
    hits.sort(key=lambda h: (-h[2], -(h[1] - h[0]), h[3], h[0]))
    chosen: list[Trigger] = []
    for s, e, priority, _order, etype in hits:
        if any(_clash(text, (s, e), (t.start, t.end), etype == t.type) for t in chosen):
            continue
        chosen.append(Trigger(etype, s, e, text[s:e], priority))
    chosen.sort(key=lambda t: t.start)
    return [_anchored(_with_mode(text, start, end, t)) for t in chosen]


def _most_specific(
    text: str, hits: list[tuple[int, int, int, int, str]]
) -> list[tuple[int, int, int, int, str]]:
    """Drop hits lying inside a longer phrase of another type: ``handed over 700 kg of medicine`` is aid, not the
    retreat a bare ``handed over`` signals; ``trained ... hackers`` is mobilisation, not hacking. An event word in
    the gap of a discontinuous verb (``rief zu einem Generalstreik auf``) is the verb's complement and stays."""
    return [
        h
        for h in hits
        if not any(
            o[4] != h[4]
            and o[0] <= h[0]
            and h[1] <= o[1]
            and o[1] - o[0] > h[1] - h[0]
            and not _in_gap(text, (h[0], h[1]), (o[0], o[1]))
            for o in hits
        )
    ]


def _outside_idioms(
    text: str, start: int, end: int, lang: str, hits: list[tuple[int, int, int, int, str]]
) -> list[tuple[int, int, int, int, str]]:
    """Drop hits at the first or last word of a non-event phrase of the lexicon: ``Vorbereitungen ... treffen``
    is no meeting, ``bei dem Unfall ... ums Leben`` no assault. An event word in the phrase's gap stays."""
    if not hits:
        return hits
    lex = lexicon()
    patterns = lex.non_events[lang]
    phrases = [
        m.span()
        for number in lex.non_event_index[lang].candidates(text, start, end)
        for m in patterns[number].finditer(text, start, end)
    ]
    if not phrases:
        return hits
    return [
        h
        for h in hits
        if not any(
            lo <= h[0] and h[1] <= hi and not _in_gap(text, (h[0], h[1]), (lo, hi)) for lo, hi in phrases
        )
    ]


def _in_gap(text: str, inner: tuple[int, int], outer: tuple[int, int]) -> bool:
    """``inner`` lies between the first and the last word of the multi-word hit ``outer``."""
    first_end = text.find(" ", outer[0], outer[1])
    last_start = text.rfind(" ", outer[0], outer[1]) + 1
    return first_end != -1 and first_end < inner[0] and inner[1] < last_start


def _clash(text: str, a: tuple[int, int], b: tuple[int, int], same_type: bool) -> bool:
    """Two hits overlap, and neither of two types stands in the other's gap."""
    if not (a[0] < b[1] and b[0] < a[1]):
        return False
    return same_type or not (_in_gap(text, a, b) or _in_gap(text, b, a))


def _anchored(trigger: Trigger) -> Trigger:
    """Discontinuous triggers (``wirft Kiew ... vor``) keep their first word as the anchor, so actors inside count."""
    first = trigger.text.split()[0] if " " in trigger.text else trigger.text
    end = trigger.start + len(first)
    return Trigger(trigger.type, trigger.start, end, trigger.text, trigger.priority, trigger.mode)


def _with_mode(text: str, start: int, end: int, trigger: Trigger) -> Trigger:
    table = lexicon().modes.get(trigger.type, ())
    own = text[trigger.start : trigger.end]
    for mode, regex in table:  # the trigger word itself first, then the rest of the sentence
        if regex.search(own):
            return Trigger(trigger.type, trigger.start, trigger.end, trigger.text, trigger.priority, mode)
    window = text[trigger.start : end]
    for mode, regex in table:
        if regex.search(window):
            return Trigger(trigger.type, trigger.start, trigger.end, trigger.text, trigger.priority, mode)
    return trigger


def may_have_events(text: str, start: int, end: int, language: str | None, triggers: list[Trigger]) -> bool:
    """Whether the sentence can yield an event: it has a trigger or an obligation cue (``X must ...``)."""
    if triggers:
        return True
    cue = lexicon().cues["obligation"].get(rules_language(language))
    return bool(cue and cue.search(text, start, end))


def find_cues(text: str, start: int, end: int, language: str | None) -> dict[str, list[tuple[int, int]]]:
    """Status cues (negation, denial, modality, conditionals, threat verbs) with their spans."""
    lang = rules_language(language)
    return {
        name: [m.span() for m in by_lang[lang].finditer(text, start, end)]
        for name, by_lang in lexicon().cues.items()
        if lang in by_lang
    }


def split_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Rough clause spans: breaks at commas, semicolons, colons, dashes, brackets and coordinators."""
    bounds = [start]
    for match in _CLAUSE_BREAK.finditer(text, start, end):
        if match.start() > bounds[-1]:
            bounds.append(match.start())
    bounds.append(end)
    return [(lo, hi) for lo, hi in zip(bounds, bounds[1:], strict=False) if hi > lo]


def date_value(value: str | None) -> str | None:
    """The ISO date prefix (YYYY, YYYY-MM or YYYY-MM-DD) of a timex value, if it has one."""
    if not value:
        return None
    match = _DATE_VALUE.match(value)
    return match.group(0) if match else None


_DAYS_BEFORE = re.compile(r"((?:\d{1,2}\.\s*,\s*)*\d{1,2}\.\s*(?:,|und|sowie|oder)\s*)$")
_DAYS_AFTER = re.compile(
    r"^((?:\s*,\s*\d{1,2}(?:st|nd|rd|th)?)*\s*(?:,|and|or)\s*\d{1,2}(?:st|nd|rd|th)?)(?!\d)"
)
_DAY = re.compile(r"\d{1,2}")


def expand_day_lists(text: str, start: int, dates: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Add the bare days of a coordinated list to a full date: ``am 10., 12. und 13. Januar``, ``January 10, 12 and 13``."""
    out = list(dates)
    for t_start, t_end, value in dates:
        if len(value) != 10:
            continue
        before = _DAYS_BEFORE.search(text, max(start, t_start - 40), t_start)
        after = _DAYS_AFTER.match(text[t_end : t_end + 40])
        spans: list[tuple[int, int]] = []
        if before:
            spans += [
                (m.start() + before.start(), m.end() + before.start()) for m in _DAY.finditer(before.group(1))
            ]
        if after:
            spans += [(m.start() + t_end, m.end() + t_end) for m in _DAY.finditer(after.group(1))]
        for d_start, d_end in spans:
            day = int(text[d_start:d_end])
            if 1 <= day <= 31 and not any(o[0] <= d_start < o[1] for o in out):
                out.append((d_start, d_end, f"{value[:8]}{day:02d}"))
    return sorted(out)


def _event_date(timex: Timex) -> str | None:
    """The date a timex gives an event: a DATE/TIME's value, or the date a DURATION points to ("vor drei Jahren")."""
    if timex.type in ("DATE", "TIME"):
        return date_value(timex.value)
    return date_value(timex.anchor)


def sentence_features(
    text: str,
    start: int,
    end: int,
    language: str | None,
    entities: Iterable[Entity] = (),
    timexes: Iterable[Timex] = (),
    published: str | None = None,
    quotes: list[Quote] | None = None,
    triggers: list[Trigger] | None = None,
    home: str | None = None,
    actors: ActorIndex | None = None,
) -> SentenceFeatures:
    """Extract the features of the sentence ``text[start:end]`` (``triggers``: its :func:`find_triggers`, when
    already found; ``home``: the outlet's country, see :func:`lagebild.actors.mentions.home_country`; ``actors``:
    the batch's actor index, the shipped dictionary when None)."""
    actors = actors or shipped()
    dates = [
        (t.start, t.end, v) for t in timexes if start <= t.start and t.end <= end and (v := _event_date(t))
    ]
    quote_index, speaker = None, None
    for index, quote in enumerate(quotes or []):
        if quote.start <= start < quote.end or start <= quote.start < end:
            quote_index = index
            speaker = quote.speaker.actor if quote.speaker else None
            break
    if triggers is None:
        triggers = find_triggers(text, start, end, language)
    return SentenceFeatures(
        text=text,
        start=start,
        end=end,
        language=rules_language(language),
        published=published,
        triggers=triggers,
        mentions=_free_event_nouns(
            text, find_mentions(text, start, end, entities, published, language, home, actors), triggers
        ),
        dates=expand_day_lists(text, start, sorted(dates)),
        cues=find_cues(text, start, end, language),
        quote=quote_index,
        speaker=speaker,
        clauses=split_clauses(text, start, end),
        actors=actors,
    )


_GENITIVE_LINK = re.compile(r"\s+(?:der|des)\s+", re.IGNORECASE)


def _free_event_nouns(text: str, mentions: list[Mention], triggers: list[Trigger] | None) -> list[Mention]:
    """An event noun heading an actor's noun phrase (``ein Rüstungsembargo der UNO``, ``der Angriff der Armee``) is
    the event, not part of the actor's name: the mention starts after the genitive article that follows it."""
    out: list[Mention] = []
    for mention in mentions:
        for trigger in triggers or ():
            link = _GENITIVE_LINK.match(text, trigger.end)
            if mention.start <= trigger.start and link and link.end() < mention.end:
                mention = Mention(link.end(), mention.end, text[link.end() : mention.end], mention.actor)
        out.append(mention)
    return out


def is_passive(features: SentenceFeatures, trigger: Trigger) -> bool:
    """A passive auxiliary in the trigger's clause (``wurde ... aufgefordert``, ``was accused``)."""
    lo, hi = features.clause_of(trigger.start)
    return bool(_PASSIVE.search(features.text, lo, hi))


def trigger_features(features: SentenceFeatures, trigger: Trigger) -> dict[str, object]:
    """A flat feature dict for one trigger, the input a statistical classifier would learn from."""
    lo, hi = features.clause_of(trigger.start)
    before = [m for m in features.mentions if m.end <= trigger.start]
    after = [m for m in features.mentions if m.start >= trigger.end]
    return {
        "lang": features.language,
        "trigger": trigger.text.lower(),
        "lexicon_type": trigger.type,
        "mode": trigger.mode,
        "negated": features.cue_in("negation", lo, trigger.start),
        "denied": features.cue_in("denial", features.start, trigger.start),
        "modal_plan": features.cue_in("modal_plan", lo, hi),
        "hypothetical": features.cue_in("hypothetical", lo, hi),
        "conditional_clause": features.cue_in("conditional", lo, min(hi, trigger.start)),
        "threat_verb": features.cue_in("threat_verb", features.start, features.end),
        "passive": is_passive(features, trigger),
        "mentions_before": len(before),
        "mentions_after": len(after),
        "in_quote": features.quote is not None,
        "dates_in_sentence": len(features.dates),
    }
