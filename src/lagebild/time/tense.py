"""Clause-level tense: is the clause around a temporal expression about the past, the present or the future?

German: Präteritum morphology (weak ``-te``/``-ten`` endings with guards, strong and irregular stems from a
compact lexicon, with separable or inseparable prefixes glued on), perfect and pluperfect (a form of haben/sein
plus a participle), future and intention (werden, the present of wollen/sollen/können/müssen + infinitive,
"zu" + infinitive, "geplant"). English: did/was/-ed/irregular pasts and have + participle against
will/shall/going to. The finite verb right after a fronted expression ("Am Dienstag beginnt der Gipfel") is
read first; otherwise the nearest cue in the clause, then in the sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lagebild.language.resources import data, rules_language, trait
from lagebild.language.tokens import Token, tokenize, words

PAST, PRESENT, FUTURE = -1, 0, 1


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- German ------------------------------------------------------------------------------------------------------

# Präteritum singular stems of strong and irregular verbs (plural and other persons add -en/-st/-t/-e).
_STRONG_STEMS = """
aß band bat befahl barg biss blieb blies bog bot brach brannte brachte briet buk dachte drang durfte empfahl
erlosch erschrak fand fiel fing floh flog floss floß fraß fror fuhr gab galt gelang genas genoss geriet geschah
gann gewann ging glich glitt grub griff hatte hielt hieß hing hob half kam kannte klang kroch konnte lag las litt lief ließ
lieh log lud maß mied mochte musste nahm nannte pfiff pries quoll rang rann rannte rief riet riss ritt roch sah
sandte sang sank saß schied schien schlief schlich schloss schloß schlug schmolz schnitt schob scholl schoss
schrie schrieb schritt schwamm schwand schwieg schwor schwur sprang sprach spross stach stahl stand starb stieg
stieß stob strich stritt sann tat traf trank trat trieb trog trug verdarb vergaß verlor wandte war warb warf
wich wies wog wuchs wurde wusch wusste zog zwang
"""
_PREFIXES = (
    "ab an auf aus bei da dar durch ein entgegen fest fort her heran herauf heraus herbei herein hervor hin hinaus"
    " hinein hinzu los mit nach nieder statt teil über um unter vor voran vorbei weg weiter wieder zu zurück"
    " zusammen be emp ent er ge miss ver zer"
)
_PREFIX = f"(?:{'|'.join(sorted(_PREFIXES.split(), key=len, reverse=True))})*"
_STRONG = re.compile(
    rf"{_PREFIX}(?:{'|'.join(sorted(_STRONG_STEMS.split(), key=len, reverse=True))})(?:n|en|st|t|et)?"
)
# verbs whose stem ends in -t: their infinitive and present plural end in -ten like a weak Präteritum plural
_T_STEMS = """
halten stalten walten spalten schalten arbeiten warten starten achten trachten richten fürchten leisten kosten
testen leiten breiten streiten gleiten reiten deuten bieten bitten raten treten beten retten wetten töten mieten
hüten gelten werten stiften lichten flüchten pachten leuchten ernten rüsten lasten tasten fasten husten trösten
posten listen haften heften dichten fechten flechten schlachten bluten fluten wüten
"""
_T_STEM = re.compile(rf"{_PREFIX}(?:{'|'.join(_T_STEMS.split())})")
_PARTICIPLE_SHAPE = re.compile(rf"{_PREFIX}ge\w+")
# lower-case words ending like a weak Präteritum that are not verbs (adjectives, ordinals, adverbs)
_WEAK_GUARD = _words(
    """
    bitte heute mitte weite breite seite leute beste erste letzte nächste meiste rechte linke gute alte harte
    echte leichte späte weitere ersten zweiten dritten vierten fünften sechsten siebten achten neunten zehnten
    letzten nächsten meisten besten guten alten harten rechten linken leichten späten weiten breiten echten
    konkreten direkten absoluten perfekten privaten totalen dichten festen stillen netten satten schlechten
    sechste siebte achte neunte zehnte zweite dritte vierte fünfte konkrete direkte private totale
    dichte feste stille nette schlechte halbe halbtote
    """
)
# words after which a "-te"/"-ten" word is an adjective or noun, not a weak Präteritum
_ADJECTIVE_CONTEXT = _words(
    """
    der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner dies diese diesen
    diesem dieser jene jenen jener sein seine seinen seinem seiner ihr ihre ihren ihrem ihrer unser unsere
    unseren mein meine meinen welche welchen im am zum zur vom beim ins aufs alle allen beiden mit von für nach
    aus bei in an auf über unter vor seit gegen ohne um durch bis wegen trotz während zwischen sehr so viele
    vielen mehrere mehreren einige einigen zwei drei vier fünf zehn als wie besonders
    """
)
_AUX_PRESENT = _words("hat haben habe hast habt ist sind bin bist seid")
_AUX_PAST = _words("hatte hatten hattest hattet war waren warst wart wurde wurden wurdest")
_FUTURE_FINITE = _words(
    """
    wird werden werde wirst werdet will wollen wollt willst soll sollen sollst sollt kann können kannst könnt
    muss müssen musst müsst darf dürfen möchte möchten plant planen beabsichtigt beabsichtigen würde würden
    """
)
_FUTURE_WORDS = _words(
    """
    morgen übermorgen künftig demnächst bald geplant vorgesehen angesetzt anberaumt bevorsteht bevorstehen
    erwartet kommenden nächsten
    """
)
_PAST_WORDS = _words("gestern vorgestern damals einst zuvor vergangenen letzten vorigen jüngst")
# infinitives and other words that look like a ge- participle
_NOT_PARTICIPLE = _words(
    """
    gegen gehen geben gelten gewinnen genießen geschehen gehören gefallen gelingen gestehen gewähren gewöhnen
    gestern genug gerade gern gesamt gesamten gemeinsam gemeinsamen gewesen geht gibt gilt genau geheim geheimen
    gebracht gegenüber insgesamt entgegen eigentlich gestalten gefährden genehmigen gelangen geraten gewährleisten gebrauchen
    """
)
_PARTICIPLE = re.compile(
    r"(?:\w{2,12}?)?ge\w{2,}(?:t|en)|(?:be|emp|ent|er|ver|zer|miss)\w{3,}(?:t|en)|\w{3,}iert"
)
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]–—]|\s-\s|\b(?:und|oder|aber|doch|sondern|and|but|or)\b")


_MODALS = _words("will wollen soll sollen kann können muss müssen darf dürfen dürfte dürften mag")


def _has_perfect_infinitive(words: list[str]) -> bool:
    """A participle followed by "sein"/"haben" ("geflüchtet sein", "gestohlen haben"): with a modal, an
    inference about the past."""
    return any(w in ("sein", "haben") and i and _is_participle(words[i - 1]) for i, w in enumerate(words))


def _is_participle(word: str) -> bool:
    """A past participle standing alone (not an inflected adjective such as "geplanten", "gewählte")."""
    if word in _NOT_PARTICIPLE or not _PARTICIPLE.fullmatch(word):
        return False
    if word.endswith("enen"):
        return False
    return not word.endswith("ten") or bool(_T_STEM.fullmatch(word)) or word.endswith("itten")


@lru_cache(maxsize=65_536)
def _german_word(word: str, previous: str) -> int | None:
    """The tense a single German word signals (capitalised words, marked "^", are nouns), or ``None``."""
    if word.startswith("^"):
        return None
    previous = previous.lstrip("^")
    if word in _AUX_PAST or word in _PAST_WORDS:
        return PAST
    if word in _FUTURE_FINITE or word in _FUTURE_WORDS:
        return FUTURE
    if _STRONG.fullmatch(word):
        return PAST
    if len(word) < 5 or word in _WEAK_GUARD or previous in _ADJECTIVE_CONTEXT:
        return None
    if word.endswith("te") or (word.endswith("ten") and not _T_STEM.fullmatch(word)):
        # weak Präteritum: sagte, machten, arbeitete; not superlatives (besten) nor participle adjectives
        if word.endswith(("ste", "sten", "stet")) and not word.endswith(("sste", "ssten")):
            return None
        if _PARTICIPLE_SHAPE.fullmatch(word) or word.endswith(("itte", "itten")):
            return None
        return PAST
    return None


def _german_clause(words: list[str], focus: int) -> tuple[int, int] | None:
    """(distance, tense) of the strongest cue in a clause's lower-case words, ``focus`` the expression's index."""
    has_participle = any(_is_participle(w) for w in words)
    has_worden = "worden" in words or "gewesen" in words
    perfect_infinitive = _has_perfect_infinitive(words)
    best: tuple[int, int] | None = None
    for i, w in enumerate(words):
        if w in _AUX_PRESENT:
            if has_participle or has_worden:
                signal = PAST
            elif w in ("ist", "sind") and "zu" in words:
                signal = FUTURE  # "ist am Montag zu erwarten"
            else:
                continue
        elif (w in ("wird", "werden", "werde") and has_worden) or (w in _MODALS and perfect_infinitive):
            signal = PAST  # "soll/wird ... verhaftet worden sein", "soll ... geflüchtet sein": a perfect infinitive
        else:
            found = _german_word(w, words[i - 1] if i else "")
            if found is None:
                continue
            signal = found
        distance = abs(i - focus)
        if best is None or distance < best[0] or (distance == best[0] and signal == PAST):
            best = (distance, signal)
    if best is None and "zu" in words:
        return (len(words), FUTURE)  # "..., am Montag nach Berlin zu reisen": an intention
    if (
        best is None
        and ("wie" in words or "^wie" in words)
        and any(w.endswith("t") and _is_participle(w) for w in words)
    ):
        return (len(words), PAST)  # "wie am Montag berichtet": a participle with its auxiliary left out
    return best


# --- English -----------------------------------------------------------------------------------------------------

_EN_PAST = _words(
    """
    was were had did said told went came took met held made gave got left began became brought bought fought
    found kept knew lost led meant paid put ran saw sent set sat sold spoke spent stood struck thought won wrote
    yesterday ago last earlier previously
    """
)
_EN_FUTURE = _words("will 'll shall going gonna tomorrow next upcoming coming scheduled planned plans")
_EN_PERFECT = _words("has have")
_EN_NOT_PAST = _words("need needed speed feed bed red seed shed indeed hundred weed")


def _english_word(word: str) -> int | None:
    if word in _EN_PAST:
        return PAST
    if word in _EN_FUTURE or word.endswith("'ll"):
        return FUTURE
    if len(word) > 4 and word.endswith("ed") and word not in _EN_NOT_PAST:
        return PAST
    return None


def _english_clause(words: list[str], focus: int) -> tuple[int, int] | None:
    best: tuple[int, int] | None = None
    for i, w in enumerate(words):
        signal = _english_word(w)
        if (
            signal is None
            and w in _EN_PERFECT
            and any(_english_word(x) == PAST for x in words[i + 1 : i + 4])
        ):
            signal = PAST
        if signal is None:
            continue
        distance = abs(i - focus)
        if best is None or distance < best[0]:
            best = (distance, signal)
    return best


# --- clause reading ----------------------------------------------------------------------------------------------


def _tokens(text: str, language: str = "de") -> list[str]:
    """Lower-cased words; in German a capitalised word (a noun, or a sentence opener) gets a "^" mark."""
    if not trait(language, "capitalised_nouns"):
        return [w.lower() for w in words(text)]
    return [w if w[0].islower() else "^" + w.lower() for w in words(text)]


def _fronted_verb(text: str, start: int, end: int, sentence_start: int) -> str | None:
    """The word right after an expression that opens its sentence (after at most a preposition): the finite
    verb in German verb-second order."""
    head = text[sentence_start:start].strip(" \t\"„“»«'")
    if len(words(head)) > 1:
        return None
    after = _word_from(text, end)
    return after.text if after and after.start - end < 4 else None


def _word_from(text: str, start: int) -> Token | None:
    """The first word token at or after ``start`` (within the next 80 characters)."""
    return next((t for t in tokenize(text, start, min(len(text), start + 80)) if t.is_word), None)


_ARTICLE = data("de").words("determiners", "definite", "indefinite")
# participles used as adjectives that point ahead ("die für Montag geplante Sitzung")
_PLANNED = re.compile(r"(?:geplant|vorgesehen|angesetzt|anberaumt|angekündigt|erwartet|terminisiert)e[nmrs]?")
_ATTRIBUTIVE = re.compile(rf"(?:{_PARTICIPLE.pattern})e[nmrs]?")  # a participle with an adjective ending


def _framing_cue(text: str, start: int, end: int, before: list[str], after: list[str]) -> int | None:
    """Cues that frame the expression itself and outrank the clause's verb: "seit Montag" (the last one),
    "bis/ab Montag" in a clause without a past-tense verb (the next one: "ist bis Sonntag geöffnet"), and an
    attributive participle after it ("die am Montag vorgestellte Studie": done by then)."""
    head = before[-1].lstrip("^") if before else ""
    second = before[-2].lstrip("^") if len(before) > 1 else ""
    if head == "seit":
        return PAST
    if head in ("bis", "ab") or (head == "zum" and second == "bis"):
        words = before + after
        preterite = any(
            w not in _AUX_PRESENT and _german_word(w, words[i - 1] if i else "") == PAST
            for i, w in enumerate(words)
        )
        has_perfect = any(w in ("hat", "haben", "habe") for w in words) and any(
            _is_participle(w) for w in words
        )
        return PAST if preterite or has_perfect else FUTURE
    if head in ("am", "vom") and second in _ARTICLE and after:
        following = _word_from(text, end + 1) if text[end : end + 1] == " " else None
        word = following.text if following and following.start == end + 1 else ""
        if word and word[0].islower() and _ATTRIBUTIVE.fullmatch(word) and not _PLANNED.fullmatch(word):
            return PAST
    return None


def classify(text: str, start: int, end: int, sentence: tuple[int, int], language: str) -> int | None:
    """PAST, PRESENT or FUTURE for the expression at ``[start, end)`` of ``text``, or ``None`` when the clause
    and the sentence hold no cue at all."""
    s, e = sentence
    clause_cue = _CLAUSE_CUES[rules_language(language)]
    left = [m.end() for m in _CLAUSE_BREAK.finditer(text, s, start)]
    right = _CLAUSE_BREAK.search(text, end, e)
    c_start, c_end = (left[-1] if left else s), (right.start() if right else e)
    before, after = _tokens(text[c_start:start], language), _tokens(text[end:c_end], language)
    cue = clause_cue(before + after, len(before))
    if trait(language, "verb_second"):
        framed = _framing_cue(text, start, end, before, after)
        if framed is not None:
            return framed
        verb = _fronted_verb(text, start, end, s)
        if verb is not None and (verb[0].islower() or verb.isupper()):
            verb = verb.lower()
            if verb in _AUX_PRESENT:
                return PAST if cue and cue[1] == PAST else PRESENT
            direct = _german_word(verb, "")
            if verb in _MODALS and _has_perfect_infinitive(after):
                return PAST  # "Am Montag soll der Täter geflüchtet sein"
            if direct is not None:
                return direct
            return cue[1] if cue and cue[1] != PAST else PRESENT  # "Am Dienstag beginnt der Gipfel"
    if (
        cue is None
        and trait(language, "verb_final_subordinate_clauses")
        and _present_subordinate(before, after)
    ):
        return PRESENT  # "..., die am 1. Mai stattfindet, ...": its own verb is in the present
    if cue is None:
        before, after = _tokens(text[s:start], language), _tokens(text[end:e], language)
        cue = clause_cue(before + after, len(before))
    return cue[1] if cue else None


_SUBORDINATOR = _words(
    "der die das dem den deren dessen denen dass wenn weil ob wo wie sobald bevor ehe solange falls sofern damit"
)


def _present_subordinate(before: list[str], after: list[str]) -> bool:
    """A subordinate clause (opened by a relative pronoun or a conjunction) whose final word, its finite verb
    in German word order, is a present-tense form (the clause held no past or future cue)."""
    words = before + after
    if len(words) < 3 or words[0] not in _SUBORDINATOR or not after:
        return False
    last = words[-1]
    return (
        not last.startswith("^")
        and len(last) > 3
        and last.endswith(("t", "en"))
        and not _PARTICIPLE_SHAPE.fullmatch(last)
    )


def document_tense(text: str, language: str) -> int:
    """PAST when past-tense cues outnumber present and future ones across the text (a report), else PRESENT."""
    words = _tokens(text[:20_000], language)
    word_signal = _WORD_SIGNALS[rules_language(language)]
    past = other = 0
    for i, w in enumerate(words):
        signal = word_signal(w, words[i - 1] if i else "")
        if signal == PAST:
            past += 1
        elif signal is not None:
            other += 1
    return PAST if past > other else PRESENT


def _german_signal(word: str, previous: str) -> int | None:
    signal = _german_word(word, previous)
    return PRESENT if signal is None and word in _AUX_PRESENT else signal


def _english_signal(word: str, previous: str) -> int | None:
    signal = _english_word(word)
    return PRESENT if signal is None and word in ("is", "are", "has", "have") else signal


_WORD_SIGNALS = {"de": _german_signal, "en": _english_signal}
"""The tense a single word signals, by language (a report counts them over its text)."""
_CLAUSE_CUES = {"de": _german_clause, "en": _english_clause}
"""The tense cue of a clause's words, by language."""
