"""Word lists for quotation finding: speech verbs (cues), pronouns, prepositions, Konjunktiv forms, role nouns."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from lagebild.language.resources import data, merged


@dataclass(frozen=True)
class Speech:
    """The speech-event lexicon of one language (``language/<code>/speech.json``); lists a language lacks are
    empty, so the rules that read them do not fire for it."""

    language: str
    cues: frozenset[str]
    clause_only: frozenset[str]
    separable: Mapping[str, tuple[str, ...]]
    particle_only: frozenset[str]
    claim_nouns: frozenset[str]
    opinion_nouns: frozenset[str]
    question_nouns: frozenset[str]
    mention_nouns: frozenset[str]
    report_before: frozenset[str]
    report_after: frozenset[str]
    report_phrases: frozenset[str]
    lautet: frozenset[str]
    lower_case_cues: frozenset[str]
    pronouns: frozenset[str]
    subject_pronouns: frozenset[str]
    substantive_pronouns: frozenset[str]
    finite_aux: frozenset[str]
    konjunktiv_i: frozenset[str]
    konjunktiv_ii: frozenset[str]
    indicative_subjects: frozenset[str]
    possessive_genitive: frozenset[str]
    possessive_determiners: frozenset[str]


@cache
def speech(language: str) -> Speech:
    """The speech lexicon of ``language`` (read once)."""
    lexicon = data(language)

    def words(group: str) -> frozenset[str]:
        return lexicon.words("speech", group)

    cues = set(words("strong_verb_forms"))
    for stem in lexicon.forms("speech", "weak_verb_stems"):
        cues |= _weak_forms(stem)
    cues = frozenset(cues - words("not_cues"))
    clause_only = set(words("clause_only_forms"))
    for stem in lexicon.forms("speech", "clause_only_weak_stems"):
        clause_only |= _weak_forms(stem)
    separable = lexicon.table("speech").get("separable_verbs", {})
    return Speech(
        language=language,
        cues=cues,
        clause_only=frozenset(clause_only - cues),
        separable={form: tuple(particles) for form, particles in separable.items()},
        particle_only=words("particle_only"),
        claim_nouns=words("claim_nouns"),
        opinion_nouns=words("opinion_nouns"),
        question_nouns=words("question_nouns"),
        mention_nouns=words("mention_nouns"),
        report_before=words("report_before"),
        report_after=words("report_after"),
        report_phrases=words("report_phrases"),
        lautet=words("lautet"),
        lower_case_cues=words("lower_case_cues"),
        pronouns=words("pronouns"),
        subject_pronouns=words("subject_pronouns"),
        substantive_pronouns=words("substantive_pronouns"),
        finite_aux=words("finite_aux"),
        konjunktiv_i=words("konjunktiv_i"),
        konjunktiv_ii=words("konjunktiv_ii"),
        indicative_subjects=words("indicative_subjects"),
        possessive_genitive=lexicon.words("determiners", "possessive_genitive"),
        possessive_determiners=lexicon.words("determiners", "possessive", "possessive_other_persons"),
    )


PRONOUNS = merged("speech", "pronouns")
"""Subject pronouns of every language."""
FIRST_PERSON = merged("speech", "first_person")
POSSESSIVE_PRONOUNS = data("de").words(
    "determiners", "possessive_genitive", "possessive", "possessive_other_persons"
)
"""German possessives, which refer to a speaker as pronouns do."""
"""First-person subjects and possessives: never resolved to an antecedent."""

DETERMINERS = merged(
    "determiners", "definite", "indefinite", "possessive", "negative", "demonstrative", "quantifier"
)
NOMINATIVE_DETERMINERS = merged("determiners", "nominative")
GENITIVE_LINKS = {"des", "der", "von", "of", "aus", "for"}

PREPOSITIONS = merged("prepositions", "all") | {"last", "this", "that", "than", "als", "wie"}
# Words that stop a speaker noun phrase.
STOP_WORDS = PREPOSITIONS | {
    "und",
    "oder",
    "aber",
    "dass",
    "daß",
    "ob",
    "weil",
    "denn",
    "auch",
    "noch",
    "bereits",
    "schon",
    "heute",
    "gestern",
    "morgen",
    "nun",
    "jetzt",
    "dann",
    "zudem",
    "außerdem",
    "nicht",
    "so",
    "es",
    "sich",
    "ihm",
    "ihr",
    "ihnen",
    "uns",
    "mir",
    "dabei",
    "dazu",
    "damit",
    "darauf",
    "hier",
    "dort",
    "and",
    "or",
    "but",
    "that",
    "on",
    "today",
    "yesterday",
    "also",
    "wenn",
    "da",
    "deshalb",
    "darum",
    "trotzdem",
    "jedoch",
    "doch",
    "sondern",
    "nur",
    "gerade",
    "immer",
    "vielleicht",
    "natürlich",
    "hierzu",
    "daher",
    "deswegen",
    "danach",
    "warum",
    "wieso",
    "weshalb",
    "was",
    "seitdem",
    "sowohl",
    "genau",
    "lange",
    "zuvor",
    "inzwischen",
    "mittlerweile",
    "bisher",
    "stattdessen",
    "dennoch",
    "offenbar",
    "tatsächlich",
    "vielmehr",
    "zwar",
    "schließlich",
    "immerhin",
    "zunächst",
    "zugleich",
    "gleichzeitig",
    "if",
    "when",
    "mit",
    "hin",
    "zurück",
    "bekannt",
    "klar",
    "hinzu",
    "ein",
    "vor",
    "an",
}
WEEKDAYS = merged("weekdays") | {"abend", "morgen", "nachmittag", "vormittag"}

ROLE_SUFFIX = re.compile(
    r"(?i)(sprecher(in)?|minister(in)?|präsident(in)?|kanzler(in)?|chef(in)?|leiter(in)?|botschafter(in)?"
    r"|berater(in)?|vorsitzende[rn]?|general|diplomat(in)?|abgeordnete[rn]?|bürgermeister(in)?|gouverneur(in)?"
    r"|kommandeur|senator(in)?|direktor(in)?|generalsekretär(in)?|beauftragte[rn]?|experte|expertin|anwalt|"
    r"anwältin|spokes(wo)?man|minister|president|chancellor|secretary|ambassador|envoy|official|adviser|advisor"
    r"|chief|leader|premier|staatssekretär(in)?|koordinator(in)?|vize)$"
)


def _weak_forms(stem: str) -> set[str]:
    e = "e" if stem.endswith(("t", "d")) else ""
    forms = {
        stem + e + "t",
        stem + e + "te",
        stem + e + "ten",
        stem + "en",
        stem + "e",
        stem + "n" if stem.endswith(("er", "el")) else stem + "en",
    }
    inseparable = stem.startswith(("be", "er", "ver", "ent", "zer", "ge", "miss", "wider")) or stem.endswith(
        "ier"
    )
    forms.add((stem if inseparable else "ge" + stem) + e + "t")
    return forms


def cue_words(language: str = "de") -> frozenset[str]:
    """Lower-cased word forms that can head a speech event."""
    return speech(language).cues


def is_role_noun(word: str) -> bool:
    """True for nouns naming a function (Sprecher, Kreml-Sprecher, Außenminister, spokesman, ...)."""
    return bool(ROLE_SUFFIX.search(word.replace("-", "")))


def role_key(word: str) -> str:
    """Normalised role noun: "Kreml-Sprecher" and "Kremlsprecher" share one key."""
    return re.sub(r"[^a-zäöüß]", "", word.lower())
