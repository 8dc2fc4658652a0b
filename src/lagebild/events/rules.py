"""Rule-based decisions: which triggers become events, with which status, actors and dates."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lagebild.actors import ActorIndex
from lagebild.actors.mentions import UNKNOWN_COUNTRY, Mention
from lagebild.events.candidates import Candidate, candidates
from lagebild.events.chooser import choose, load_chooser
from lagebild.events.depth import depths
from lagebild.events.features import SentenceFeatures, Trigger, is_passive
from lagebild.events.resources import lexicon
from lagebild.language.resources import merged, trait
from lagebild.model import Event, Span

# Triggers whose complement describes a further event whose realisation is not (yet) reported.
_GOVERNING = frozenset({"AGREE", "REQUEST", "THREATEN", "REJECT"})
_ATTRIBUTION = re.compile(
    r"(?<!\w)(?:said|says|reported|told|according to|quoted|announced|sagte|sagt|berichtete\w*|teilte\w* (?:\w+ ){0,6}mit|"
    r"erklärte|zufolge|hieß es)(?!\w)",
    re.IGNORECASE,
)
_SYMMETRIC = frozenset({"AGREE", "CONSULT", "COOPERATE"})
_PREPS_DE = "von|vom|durch|gegen|an|gegenüber|mit|nach|in|im|aus|bei|zu|zur|zum|für|auf|zwischen|um|über|wegen|seit|laut"
_PREPS_EN = "by|against|to|with|from|in|at|on|of|for|toward|towards|into|between|about|over"
_PREP_BEFORE = (
    re.compile(  # the last preposition before a name, with an article and up to two lower-case words
        rf"^.*(?:^|\s)(?P<prep>{_PREPS_EN})\s+(?:(?:the|its|their|a|an)\s+)?(?-i:[a-z][\w-]*\s+){{0,2}}$",
        re.IGNORECASE | re.DOTALL,
    )
)
_PREP_BEFORE_CAPITALISED = (
    re.compile(  # German capitalises nouns: any two words may sit between preposition and name
        rf"^.*(?:^|\s)(?P<prep>{_PREPS_DE})\s+(?:(?:der|die|das|den|dem|des)\s+)?"
        r"(?:(?-i:[A-ZÄÖÜ][\w-]*|[a-zäöüß][\w-]*(?:e|en|er|es|em))\s+){0,2}$",
        re.IGNORECASE | re.DOTALL,
    )
)
_AGENT_PREPS = merged("prepositions", "agent")
_LOCATIVE_PREPS = merged("prepositions", "place")
_WHERE_PREPS = merged("prepositions", "venue")
"""Prepositions that make a named place (a ``loc.`` actor, not a state) the venue of a meeting."""
_SUBORDINATE = re.compile(
    r"^[\s,;:]*(?:falls|wenn|sofern|dass|weil|ob|um|ohne|if|unless|that)\b|^[\s,;:]*(?:\S+\s+){0,3}?(?:es|sie|er|they|it|he|she)\b",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"\b(?:es|sie|er|they|it|he|she)\b", re.IGNORECASE)
_INFINITIVE = re.compile(r"(?:\w+zu\w+en|\bzu\s+\w+en)$", re.IGNORECASE)
_DATELINE = re.compile(r"\s*(?:,\s*\d|\(\s*[A-Za-z]+\s*\)|\s-\s|\s*\u2013)")
_DATELINE_WORDS = 3  # a dateline place: "Berlin", "New York", "Rio de Janeiro"
_COORD = (
    re.compile(  # a conjunction or comma joins two actors; an article alone starts a new phrase (the object)
        r"^\s*(?:(?:,|und|sowie|als auch|wie auch|and|as well as|&|or|oder|noch|nor|,\s*and)\s*"
        r"(?:(?:der|die|das|den|dem|the)\s+)?)?$",
        re.I,
    )
)


@dataclass
class _Group:
    """Coordinated actor mentions (``Putin und Biden``) and the preposition introducing them, if any."""

    mentions: list[Mention]
    prep: str | None

    @property
    def start(self) -> int:
        return self.mentions[0].start

    @property
    def end(self) -> int:
        return self.mentions[-1].end

    @property
    def generic(self) -> bool:
        """Only sector nouns (``die Polizei``): a named actor is the likelier target."""
        return all(m.actor.startswith(UNKNOWN_COUNTRY) for m in self.mentions)

    @property
    def actors(self) -> list[str]:
        return list(dict.fromkeys(m.actor for m in self.mentions))


def _groups(features: SentenceFeatures) -> list[_Group]:
    """The sentence's actor groups without those inside an apposition."""
    groups = _all_groups(features)
    inside = _apposition_members(features.text, features.end, groups)
    return [g for i, g in enumerate(groups) if i not in inside]


def _all_groups(features: SentenceFeatures) -> list[_Group]:
    """The sentence's actor groups (dateline places left out), each with the preposition before it."""
    text = features.text
    prep_before = _PREP_BEFORE_CAPITALISED if trait(features.language, "capitalised_nouns") else _PREP_BEFORE
    groups: list[_Group] = []
    cut = _attribution_start(features)
    for mention in features.mentions:
        if _is_dateline(text, features.start, mention, features.actors):
            continue  # "Berlin, 13.01.2009: ..." names the place of writing, not an actor
        if (
            groups
            and _COORD.match(text[groups[-1].end : mention.start])
            and not groups[-1].end <= cut <= mention.start  # "..., the ministry said": a new phrase
        ):
            groups[-1].mentions.append(mention)
            continue
        previous = (
            groups[-1].end if groups else features.start
        )  # an earlier actor ends the preposition's reach
        lead = text[max(features.start, previous, mention.start - 40) : mention.start]
        match = prep_before.search(lead)
        prep = match.group("prep").lower() if match else None
        if prep == "to" and _ACCORDING.search(lead, 0, match.start("prep")):
            prep = "according to"
        elif _ZUFOLGE.match(text, mention.end):
            prep = "zufolge"
        groups.append(_Group([mention], prep))
    return groups


_ACCORDING = re.compile(r"\baccording\s+$", re.IGNORECASE)
_ZUFOLGE = re.compile(r"\s*zufolge\b", re.IGNORECASE)
_SOURCE_OF_REPORT = frozenset({"laut", "according to", "zufolge"})
"""``laut X``, ``according to X``, ``X zufolge`` name who reports the event, not one who takes part in it."""


_APPOSITION = re.compile(
    r"\s*,\s*(?:a|an|the|one of the|ein|eine|einer|der|die|das)\s+[^,;:()]{1,90}?,", re.I
)


def _apposition_members(text: str, end: int, groups: list[_Group]) -> frozenset[int]:
    """Indexes of the groups inside an apposition: they describe the named actor before it (``Pakistan, a key
    U.S. ally in the war against terrorism, has refused ...``) and are neither source nor target."""
    inside: set[int] = set()
    skip_until = -1
    for index, group in enumerate(groups):
        if group.start < skip_until:
            inside.add(index)
            continue
        if group.generic:
            continue
        apposition = _APPOSITION.match(text, group.end, end)
        if (
            apposition
            and apposition.end() < end
            and any(g.start >= group.end and g.end <= apposition.end() for g in groups)
        ):
            skip_until = apposition.end()
    return frozenset(inside)


def _is_dateline(text: str, sentence_start: int, mention: Mention, actors: ActorIndex) -> bool:
    """A place name opening the sentence before a date, agency or dash; a person with a party in brackets
    (``Verteidigungsminister Franz Josef Jung ( CDU ) ...``) is the subject, not a dateline."""
    if text[sentence_start : mention.start].strip() or not _DATELINE.match(text, mention.end):
        return False
    sector = actors.cameo_code(mention.actor)[1]
    return (
        not mention.actor.startswith("per.")
        and sector in (None, "GOV")  # a place (``Berlin``: the government); a titled person has a sector
        and len(mention.text.split()) <= _DATELINE_WORDS
    )


def _attribution_start(features: SentenceFeatures) -> int:
    """Start of a trailing attribution (``..., the ministry said Monday.``; ``..., teilte die Bahn mit.``; a
    closing ``according to a report ...`` phrase without a comma)."""
    matches = list(_ATTRIBUTION.finditer(features.text, features.start, features.end))
    if not matches:
        return features.end
    starts = [m.start() for m in matches]
    if matches[-1].group().lower() == "according to" and not features.text[
        features.start : starts[-1]
    ].rstrip().endswith(","):
        return starts[-1] if features.text[features.start : starts[-1]].strip() else features.end
    comma = features.text.rfind(",", features.start, starts[-1])
    return comma if comma != -1 else features.end


def _actors(
    features: SentenceFeatures, trigger: Trigger, groups: list[_Group]
) -> tuple[list[str], list[str]]:
    """Source and target actor ids of a trigger from the position of actor groups around it."""
    cut = _attribution_start(features)
    if trigger.start < cut:
        groups = [g for g in groups if g.start < cut]
    groups = [g for g in groups if g.prep not in _SOURCE_OF_REPORT]
    lo, hi = features.clause_of(trigger.start)
    before = [g for g in groups if g.end <= trigger.start]
    after = [g for g in groups if g.start >= trigger.end]
    source: _Group | None = None
    target: _Group | None = None
    agents = [g for g in before + after if g.prep in _AGENT_PREPS]
    if agents and is_passive(features, trigger):
        source = agents[0]
        bare = [g for g in before if g.prep is None] or [g for g in after if g.prep is None]
        target = bare[-1] if bare and bare[-1] is not source else None
        return source.actors, (target.actors if target else [])
    undergoer = _passive_undergoer(features, trigger, before, after) if not agents else None
    if undergoer is not None:
        return [], undergoer.actors
    nominal = _noun_trigger_actors(features, trigger, before, after)
    if nominal is not None:
        return nominal
    bare_before = [g for g in before if g.prep is None]
    in_clause = [g for g in bare_before if g.start >= lo]
    if (
        in_clause
        and _subordinate_object(features, trigger, lo)
        and not _OBJECT_PRONOUN_AFTER.fullmatch(features.text, in_clause[-1].end, trigger.start)
        and not _complementiser_subject(features, in_clause[0], lo)
    ) or (in_clause and _mittelfeld_object(features, in_clause[0], lo)):
        outside = [g for g in bare_before if g.start < lo]
        pronoun = _PRONOUN.search(features.text, lo, trigger.start)
        src = (outside[-1] if pronoun else outside[0]).actors if outside else []
        return src, [a for a in in_clause[-1].actors if a not in src]
    if in_clause:
        source = in_clause[0]
    elif bare_before:
        source = bare_before[-1]
    else:
        bare_after = [g for g in after if g.prep is None and g.start < hi]
        if bare_after:
            source = bare_after[0]
    if source is not None and source.end <= trigger.start:
        inverted = _subject_after_verb(features, trigger, source, after)
        if inverted is not None:
            return inverted.actors, [a for a in source.actors if a not in inverted.actors]
    rest = [
        g for g in after if g is not source and not _relation_parties(g, trigger) and not _venue(g, trigger)
    ]
    if rest:
        target = _target_after(features, trigger, rest)
    elif source is not None:
        earlier = [
            g for g in before if g is not source and g.start > source.end and g.prep not in _LOCATIVE_PREPS
        ]
        target = earlier[-1] if earlier else None
    if target is None:
        target = _fronted_object(features, trigger, before, source)
    src = source.actors if source else []
    tgt = _distinct(target.actors if target else [], src, features.language)
    if len(src) > 1 and trigger.type in _SYMMETRIC and (target is None or target.prep is None):
        tgt = []  # "Putin und Biden vereinbarten ...": the coordinated parties act jointly
    return src, tgt


_COMPLEMENTISER_THEN_PHRASE = re.compile(
    r"[\s,;:]*(?:dass|daß|weil|ob|wenn|falls|sofern|obwohl|nachdem|damit|da)\s+(?:(?:der|die|das)\s+)?",
    re.IGNORECASE,
)
_VORFELD_NOUN_THEN_VERB = re.compile(
    r"[\s,;:]*(?:der|die|das)\s+(?-i:[A-ZÄÖÜ][\w-]*)\s+(?-i:[a-zäöüß]\w*)\s+", re.IGNORECASE
)


def _complementiser_subject(features: SentenceFeatures, group: _Group, clause_start: int) -> bool:
    """German finite subordinate clauses put the subject first after the conjunction (``dass die Linkspartei
    ... tolerieren werde``, ``falls Russland die Ukraine angreift``): that actor is the subject, not an object."""
    return bool(_COMPLEMENTISER_THEN_PHRASE.fullmatch(features.text, clause_start, group.start))


_PASSIVE_AUXILIARY = {"de": re.compile(r"(?<!\w)(?:wurden?|worden|wird|werden|würden?)(?!\w)", re.IGNORECASE)}
_PARTICIPLE = re.compile(
    r"(?:^|^[a-zäöü]{2,8}?)ge[a-zäöüß]+(?:t|en)$|^[a-zäöüß]+(?:t|et|iert)$|"
    r"^(?:be|er|ver|zer|ent|miss|über|unter|wider|hinter)[a-zäöüß]*(?:oss|ieb|iff|og|ot|ung|och|ob|und|ang|ess|org)en$"
)
"""A German past participle: ``(fest)genommen``, ``aufgefordert``, ``verhaftet``, ``kritisiert``, ``erschossen``;
not an infinitive (``angreifen``, ``verhaften``) after a future ``wird``."""
_TARGET_PREPS_FRONTED = frozenset({"gegen", "gegenüber"})


def _german_passive(features: SentenceFeatures, trigger: Trigger) -> bool:
    """A German ``werden`` passive of a verb trigger: its roles follow from the grammar (the ``von`` agent is
    the source, the subject the target), which the rules read directly."""
    auxiliary = _PASSIVE_AUXILIARY.get(features.language)
    if auxiliary is None or not trigger.text[:1].islower():
        return False
    lo, _hi = features.clause_of(trigger.start)
    verb = trigger.text.split()[0].lower()
    return bool(_PARTICIPLE.search(verb) and auxiliary.search(features.text, lo, trigger.start))


def _passive_undergoer(
    features: SentenceFeatures, trigger: Trigger, before: list[_Group], after: list[_Group]
) -> _Group | None:
    """The subject of a German agentless passive is the one the act is done to: ``Der Oppositionsführer wurde in
    Moskau verhaftet``, ``Kroatien wurde aufgefordert, ...``. The verb must be a participle (lower-case, not an
    infinitive after a future ``wird``) with a ``werden`` form before it in its clause."""
    if not _german_passive(features, trigger):
        return None
    lo, hi = features.clause_of(trigger.start)
    bare = [g for g in before if g.prep is None and g.start >= lo] or [
        g for g in after if g.prep is None and g.end <= hi
    ]
    return bare[0] if bare else None


def _fronted_object(
    features: SentenceFeatures, trigger: Trigger, before: list[_Group], source: _Group | None
) -> _Group | None:
    """A ``gegen`` / ``gegenüber`` phrase before the verb in its clause is the act's target (``Gegen Russland
    verhängte die EU neue Sanktionen``)."""
    if not trait(features.language, "verb_second"):
        return None
    lo, _hi = features.clause_of(trigger.start)
    fronted = [g for g in before if g.prep in _TARGET_PREPS_FRONTED and g.start >= lo and g is not source]
    return fronted[-1] if fronted else None


def _mittelfeld_object(features: SentenceFeatures, group: _Group, clause_start: int) -> bool:
    """A German V2 clause opened by a noun phrase that names no actor, then the finite verb (``die Welt könne Iran
    nicht trauen``): the phrase in the Vorfeld is the subject, the actor after the verb its object."""
    return trait(features.language, "verb_second") and bool(
        _VORFELD_NOUN_THEN_VERB.fullmatch(features.text, clause_start, group.start)
    )


_NOUN_REACH = 40  # characters after an event noun in which its genitive or prepositional object stands


def _noun_trigger_actors(
    features: SentenceFeatures, trigger: Trigger, before: list[_Group], after: list[_Group]
) -> tuple[list[str], list[str]] | None:
    """Actors of a German event noun inside a phrase: a country adjective right before the noun is its agent
    (``nach dem israelischen Abzug aus dem Gazastreifen``), as is a ``durch`` phrase after it (``der Beschuss
    Israels durch Palästinenser``); the first actor right after the noun is its object. None when neither holds."""
    text = features.text
    if not trait(features.language, "capitalised_nouns") or not trigger.text[:1].isupper():
        return None
    if not text[features.start : trigger.start].strip():
        return None  # a capitalised sentence-initial word need not be a noun
    near = [g for g in after if g.start - trigger.end <= _NOUN_REACH]
    adjective = (
        before[-1]
        if before
        and not text[before[-1].end : trigger.start].strip()  # a preposition there governs the whole phrase
        and before[-1].mentions[-1].text[:1].islower()
        else None
    )
    agent = next((g for g in near if g.prep == "durch"), None)
    source = adjective or agent
    if source is None:
        return None
    objects = [g for g in near if g is not source and g.prep not in _AGENT_PREPS]
    target = objects[0].actors if objects else []
    return source.actors, [a for a in target if a not in source.actors]


def _target_after(features: SentenceFeatures, trigger: Trigger, rest: list[_Group]) -> _Group:
    """The target among the actors after the trigger: one in the trigger's own clause level before one in a deeper
    clause (``strengthened its forces in Lebanon following the discovery of Russian-made rockets``); then a named
    actor without a place preposition, a generic one, a place."""
    levels = depths(
        features.text,
        features.start,
        features.end,
        [trigger.start] + [g.start for g in rest],
        features.language,
    )
    own = levels[0]

    def rank(index: int) -> tuple[bool, bool, bool, int]:
        group = rest[index]
        locative = group.prep in _LOCATIVE_PREPS
        return (levels[index + 1] > own, locative, group.generic and not locative, index)

    return rest[min(range(len(rest)), key=rank)]


_RELATION_PREPS = frozenset({"between", "zwischen"})


def _venue(group: _Group, trigger: Trigger) -> bool:
    """``talks in Geneva``, ``return to Geneva for talks``: a named place (not a state) where a meeting or
    agreement happens is its venue, not a party."""
    return (
        trigger.type in _SYMMETRIC
        and group.prep in _WHERE_PREPS
        and all(a.startswith("loc.") for a in group.actors)
    )


def _relation_parties(group: _Group, trigger: Trigger) -> bool:
    """``between Russia and Ukraine`` names the parties of a relation (``the gas dispute between ...``): they take
    part in a meeting or cooperation, but are not the target of another act."""
    return group.prep in _RELATION_PREPS and trigger.type not in _SYMMETRIC


_OBJECT_PRONOUN_AFTER = re.compile(r"\s+(?:es|ihn|ihm|ihnen|sich|uns|euch)\s+", re.IGNORECASE)
"""An object pronoun between an actor and the verb (``als die EU es fordere``): the actor is the subject."""
_MEDIA = frozenset({"MED", "JRN"})

_NOMINATIVE_AFTER_VERB = re.compile(r"\s+der\s+(?:(?-i:[a-zäöüß][\w-]*)\s+){0,2}$", re.IGNORECASE)
_ADJACENT = re.compile(r"\s*")
_NOT_NOMINATIVE = re.compile(r"(?:den|dem|die|das)\s", re.IGNORECASE)


def _subject_after_verb(
    features: SentenceFeatures, trigger: Trigger, fronted: _Group, after: list[_Group]
) -> _Group | None:
    """German V2 with a fronted object: ``Die Nato kritisierte der Außenminister`` - ``der`` right after the
    finite verb marks the subject (nominative masculine) when the fronted phrase has no nominative article."""
    if not trait(features.language, "case_marked_articles") or not after or after[0].prep is not None:
        return None
    between = features.text[trigger.end : after[0].start]
    if not (
        _NOMINATIVE_AFTER_VERB.fullmatch(between)
        or _ADJACENT.fullmatch(between)
        and re.match(r"\s*der\s", features.text[after[0].start : after[0].end], re.IGNORECASE)
    ):
        return None
    head = features.text[max(features.start, fronted.start - 4) : fronted.start + 4]
    lead = features.text[features.start : fronted.start].strip()
    return after[0] if not lead and _NOT_NOMINATIVE.search(head) else None


def _attributed_source(
    features: SentenceFeatures, trigger: Trigger, groups: list[_Group], target: list[str]
) -> list[str]:
    """The speaker of a trailing attribution for a subject-less report (``man habe ..., teilte die Bahn mit``;
    ``..., hieß es aus Washington``): the first actor after the attribution verb's clause starts."""
    cut = _attribution_start(features)
    if not trait(features.language, "verb_second") or trigger.start >= cut:
        return []
    after = [g for g in groups if g.start >= cut]
    return [a for a in after[0].actors if a not in target] if after else []


def _status(features: SentenceFeatures, trigger: Trigger, governed_by: Trigger | None) -> str:
    """occurred / planned / threatened / denied / hypothetical from cues around the trigger."""
    lo, hi = features.clause_of(trigger.start)
    if features.cue_in("denial", features.start, trigger.start) or features.cue_in(
        "negation", lo, trigger.start
    ):
        return "denied"
    if trigger.type == "THREATEN":
        return "threatened"
    if features.cue_in("conditional", lo, trigger.start):
        return "hypothetical"
    if features.cue_in("hypothetical", lo, hi):
        return "hypothetical"
    if governed_by is not None or features.cue_in("modal_plan", lo, hi):
        return "planned"
    return "occurred"


def _merge_same_type(triggers: list[Trigger], features: SentenceFeatures) -> list[Trigger]:
    """One event per type and clause chain: ``wirft ... eine destruktive Linie vor`` is one accusation."""
    kept: list[Trigger] = []
    for trigger in triggers:
        if kept and kept[-1].type == trigger.type and not _separate_clause(features, kept[-1], trigger):
            continue
        kept.append(trigger)
    return kept


def _separate_clause(features: SentenceFeatures, first: Trigger, second: Trigger) -> bool:
    return any(
        m.start >= first.end and m.end <= second.start for m in features.mentions
    ) and features.clause_of(first.start) != features.clause_of(second.start)


def _conditional_threat(features: SentenceFeatures, trigger: Trigger) -> bool:
    """A negative action promised in a main clause while another clause states a condition (``..., falls ...``)."""
    if trigger.type not in lexicon().negative_actions:
        return False
    lo, hi = features.clause_of(trigger.start)
    if features.cue_in("conditional", lo, hi):
        return False
    modal = features.cue_in("modal_plan", lo, hi) or features.cue_in("hypothetical", lo, hi)
    return modal and features.cue_in("conditional", features.start, features.end)


def _refusal(features: SentenceFeatures, trigger: Trigger) -> bool:
    """A refusal stays a rejection when announced or conditional (``will not accept ... if``, ``refuses to``);
    an announced boycott is a threat."""
    end = trigger.start + len(trigger.text)
    return trigger.type == "REJECT" and any(
        s < end and trigger.start < e for s, e in features.cues.get("refusal", ())
    )


def _outside_mentions(features: SentenceFeatures) -> list[Trigger]:
    """Triggers that are not part of an actor's name (``Amnesty International``, ``Economic Cooperation``)."""
    return [
        t
        for t in features.triggers
        if not any(m.start <= t.start and t.end <= m.end for m in features.mentions)
        and not _in_name(features, t)
    ]


def _in_name(features: SentenceFeatures, trigger: Trigger) -> bool:
    """English writes event words in lower case: a capitalised one inside the sentence is part of a name
    (``the Ceasefire Violations Committee``, ``Agency for Development and Cooperation``)."""
    if trait(features.language, "capitalised_nouns") or not trigger.text[:1].isupper():
        return False
    return bool(features.text[features.start : trigger.start].strip(" \t\n\"'“‘({[-"))


def _intent(features: SentenceFeatures, trigger: Trigger) -> bool:
    """An announced intention (``will``, ``wollen``, ``prepared to``) governing the trigger in its clause."""
    lo, _hi = features.clause_of(trigger.start)
    window_start = max(features.start, min(lo, trigger.start - 60))
    return features.cue_in("intent", window_start, trigger.start) and not features.cue_in(
        "conditional", lo, trigger.start
    )


def _obligation_request(features: SentenceFeatures, groups: list[_Group]) -> tuple[int, Event] | None:
    """``X said Y must ...``: a demand by the speaker (or first actor) on the actor that must act."""
    cues = features.cues.get("obligation", [])
    if not cues:
        return None
    cue_start = cues[0][0]
    before = [g for g in groups if g.end <= cue_start and g.prep is None]
    if not before:
        return None
    target = before[-1]
    speakers = [g for g in before[:-1]]
    source = speakers[0].actors if speakers else ([features.speaker] if features.speaker else [])
    if not source:
        return None
    event = Event(
        type="REQUEST", status="occurred", source=source, target=[a for a in target.actors if a not in source]
    )
    return cue_start, event


def decide(
    features: SentenceFeatures, learned: bool = True, trace: list[list[Candidate] | None] | None = None
) -> list[Event]:
    """Events of one sentence, main clause first, then in text order; the first one is the main event.

    Sports reporting (a ``sport`` cue anywhere in the sentence) has no political actors and yields no events.
    With ``learned``, the shipped actor chooser (:mod:`.chooser`) weighs in on the rules' source and target of
    each non-joint event. ``trace``, when given, receives each returned event's candidate actors (None for an
    event coded without a trigger), in the order of the events.
    """
    if features.cues.get("sport"):
        return []
    triggers = _merge_same_type(_outside_mentions(features), features)
    all_groups = _all_groups(features)
    apposition = _apposition_members(features.text, features.end, all_groups)
    groups = [g for i, g in enumerate(all_groups) if i not in apposition]
    model = load_chooser() if learned else None
    cut = _attribution_start(features)
    events: list[Event] = []
    positions: list[int] = []
    traced: list[list[Candidate] | None] = []
    obligation = _obligation_request(features, groups)
    lex = lexicon()
    threat: Trigger | None = None
    governing: tuple[Trigger, list[str], list[str]] | None = None
    for trigger in triggers:
        in_condition = features.cue_in("conditional", features.clause_of(trigger.start)[0], trigger.start)
        if threat is not None and trigger.type in lexicon().negative_actions and not in_condition:
            continue  # the sanctions of "droht mit Sanktionen" are the threat's content, not an event
        etype, mode = trigger.type, trigger.mode
        source, target = _actors(features, trigger, groups)
        options: list[Candidate] = []
        if trace is not None or (model is not None and trigger.type not in _SYMMETRIC):
            options = candidates(features, trigger, all_groups, apposition, cut, source, target)
        if model is not None and trigger.type not in _SYMMETRIC and not _german_passive(features, trigger):
            source, target = choose(
                model, options, source, target, trait(features.language, "same_actor_target")
            )
        intent = _intent(features, trigger) and not features.cue_in("negation", features.start, trigger.start)
        if not _refusal(features, trigger) and (
            _conditional_threat(features, trigger) or (intent and trigger.type in lex.negative_actions)
        ):
            etype, mode = "THREATEN", trigger.mode or trigger.type.lower()
        elif intent and trigger.type in lex.cooperative_actions and governing is None:
            events.append(
                Event(
                    type="AGREE",
                    mode=trigger.type.lower(),
                    status="occurred",
                    source=source,
                    target=[a for a in target if a not in source],
                    evidence=Span(features.start, features.end),
                    quote=features.quote,
                    date=_dates_fallback(features)[0],
                    date_from=_dates_fallback(features)[1],
                )
            )
            positions.append(trigger.start)
            traced.append(options)
            governing = (trigger, source, target)
        governed = governing[0] if governing and etype not in _GOVERNING else None
        if governed is not None and not _own_subject(features, trigger, groups):
            source, target = source or governing[1], target or governing[2]
            if set(source) & set(target) or not target:
                target = [a for a in governing[2] if a not in source]
        if not source:
            source = _attributed_source(features, trigger, groups, target)
        if not source and features.speaker:
            source = [features.speaker]
        status = "threatened" if etype == "THREATEN" else _status(features, trigger, governed)
        dates = _dates(features, trigger)
        for date, date_from in dates:
            if status == "occurred" and date_from == "timex" and _after(date, features.published):
                status = "planned"
            events.append(
                Event(
                    type=etype,
                    mode=mode,
                    status=status,
                    source=source,
                    target=_distinct(target, source, features.language),
                    date=date,
                    evidence=Span(features.start, features.end),
                    quote=features.quote,
                    date_from=date_from,
                )
            )
            positions.append(trigger.start)
            traced.append(options)
        if etype == "THREATEN":
            threat = trigger
        if etype in _GOVERNING:
            governing = (trigger, source, target)
    for event in events:
        _fill_unknown_countries(features, event)
    if obligation is not None and not any(e.type == "REQUEST" for e in events):
        position, request = obligation
        request.evidence = Span(features.start, features.end)
        request.quote = features.quote
        dated = events[0] if events else None
        request.date, request.date_from = (
            (dated.date, dated.date_from) if dated else _dates_fallback(features)
        )
        index = sum(1 for p in positions if p < position)
        events.insert(index, request)
        positions.insert(index, position)
        traced.insert(index, None)
        for event in events[index + 1 :]:
            if event.status == "occurred":
                event.status = "planned"
    kept = [
        i
        for i, event in enumerate(events)
        if not _interview(event, features.actors)
        and not _commercial(event, features.actors)
        and not _nobody_meets(event)
    ]
    order = _main_first(features, [positions[i] for i in kept])
    if trace is not None:
        trace.extend(traced[kept[i]] for i in order)
    return [events[kept[i]] for i in order]


def _distinct(target: list[str], source: list[str], language: str) -> list[str]:
    """The target's actor ids without the source's. English keeps a target group resolving to the source's own
    id: a second mention of the same country is a domestic target (``Iranian authorities pressured workers of
    the ... Company of Tehran``), which CAMEO codes with the country."""
    if trait(language, "same_actor_target"):
        return list(target)
    return [a for a in target if a not in source]


def _interview(event: Event, actors: ActorIndex) -> bool:
    """A "talk" with news media only (``sagte ... im Gespräch mit der dpa``) is an interview, not a CONSULT."""
    return (
        event.type == "CONSULT"
        and bool(event.target)
        and all(actors.cameo_code(actor)[1] in _MEDIA for actor in event.target)
    )


def _nobody_meets(event: Event) -> bool:
    """A meeting or joint work without any identified party and without a date of its own (``nach dem Treffen``,
    ``eine weitere Zusammenarbeit``): meeting words are common outside politics, and a joint act needs its
    participants. Dated talks stay (``Die Gespräche sind am 10., 12. und 13. Januar geplant``): their parties are
    usually named in the sentences before."""
    return event.type in _JOINT and not event.source and not event.target and event.date_from != "timex"


_JOINT = frozenset({"CONSULT", "COOPERATE"})


def _commercial(event: Event, actors: ActorIndex) -> bool:
    """Only companies take part (``Darauf habe man sich mit den Herstellern ... geeinigt, teilte die Bahn mit``):
    business acting commercially is no political event."""
    ids = event.source + event.target
    return bool(ids) and all(actors.cameo_code(actor)[1] == "BUS" for actor in ids)


def _main_first(features: SentenceFeatures, positions: list[int]) -> list[int]:
    """The order of events (given by their trigger positions) by clause depth, then text order: the first is the
    main clause's event."""
    if len(positions) < 2:
        return list(range(len(positions)))
    levels = depths(features.text, features.start, features.end, positions, features.language)
    return sorted(range(len(positions)), key=lambda i: (levels[i], positions[i]))


def _country_of(actor_id: str, actors: ActorIndex) -> str | None:
    country = actors.cameo_code(actor_id)[0]
    return country if country and country not in (UNKNOWN_COUNTRY, "IGO", "NGO") else None


def _fill_unknown_countries(features: SentenceFeatures, event: Event) -> None:
    """Give sector-only actors (``---.COP``) a country: a target the source's, a source the target's or the place's.

    CAMEO codes domestic actors by the country they act in; with no country in sight the actor is dropped. News
    media are no place: ``..., sagte der Polizeichef der Nachrichtenagentur AFP`` does not make the police French.
    """
    unknown = UNKNOWN_COUNTRY + "."
    places = [
        c
        for m in features.mentions
        if (c := _country_of(m.actor, features.actors))
        and features.actors.cameo_code(m.actor)[1] not in _MEDIA
    ]  # a news agency's home (``AFP``) is not where the event happens

    def first(ids: list[str]) -> str | None:
        return next((c for a in ids if (c := _country_of(a, features.actors))), None)

    def filled(ids: list[str], country: str | None) -> list[str]:
        out = [a.replace(unknown, f"{country}.", 1) if a.startswith(unknown) and country else a for a in ids]
        return list(dict.fromkeys(a for a in out if not a.startswith(unknown)))

    source_country = first(event.source)
    target_country = first(event.target)
    fallback = places[0] if places else None
    event.source = filled(event.source, source_country or target_country or fallback)
    event.target = filled(event.target, first(event.source) or fallback)


def _dates_fallback(features: SentenceFeatures) -> tuple[str | None, str]:
    if features.dates:
        return features.dates[0][2], "timex"
    return (features.published[:10] if features.published else None), "published"


def _own_subject(features: SentenceFeatures, trigger: Trigger, groups: list[_Group]) -> bool:
    lo, _hi = features.clause_of(trigger.start)
    return any(g.prep is None and lo <= g.start and g.end <= trigger.start for g in groups)


def _dates(features: SentenceFeatures, trigger: Trigger) -> list[tuple[str | None, str]]:
    """Dates for a trigger: every date of a coordinated date list near it, else the nearest, else publication."""
    if not features.dates:
        return [(features.published[:10] if features.published else None, "published")]
    lo, hi = features.clause_of(trigger.start)
    in_clause = [d for d in features.dates if lo <= d[0] < hi]
    if trigger.type == "CONSULT" and len(features.dates) > 1:
        listed = _date_list(features)
        if len(listed) > 1:
            return [(value, "timex") for value in listed]
    chosen = in_clause or sorted(features.dates, key=lambda d: abs(d[0] - trigger.start))
    return [(chosen[0][2], "timex")]


def _date_list(features: SentenceFeatures) -> list[str]:
    """Values of dates joined only by commas / und / and (``am 10., 12. und 13. Januar``)."""
    run = [features.dates[0]]
    for date in features.dates[1:]:
        gap = features.text[run[-1][1] : date[0]]
        if _COORD.match(gap) or re.fullmatch(r"\.?\s*(?:,|und|and|sowie|bis|to)?\s*(?:am|on)?\s*", gap, re.I):
            run.append(date)
        else:
            break
    return list(dict.fromkeys(d[2] for d in run))


def _after(date: str | None, published: str | None) -> bool:
    """The event date lies after the publication date (compared at the coarser of both precisions)."""
    if not date or not published:
        return False
    size = min(len(date), len(published[:10]))
    return date[:size] > published[:size]


def _subordinate_object(features: SentenceFeatures, trigger: Trigger, clause_start: int) -> bool:
    """In a verb-final subordinate or infinitive clause the actor before the verb is its object, not its subject."""
    if not trait(features.language, "verb_final_subordinate_clauses") or clause_start == features.start:
        return False
    clause_head = features.text[clause_start : trigger.start]
    word_end = features.text.find(" ", trigger.start)
    verb = features.text[trigger.start : word_end if word_end != -1 else trigger.end].strip(".,;:!?")
    words = features.text[max(clause_start, trigger.start - 4) : trigger.start] + verb
    return bool(_SUBORDINATE.search(clause_head) or _INFINITIVE.search(words.strip()))
