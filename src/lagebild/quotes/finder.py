"""Find direct and indirect quotations in a text and attribute each to its speaker."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from lagebild.language.resources import data, merged, rules_language, trait
from lagebild.language.sentences import paragraph_bounds, split_sentences
from lagebild.language.tokens import Token, tokenize
from lagebild.model import Entity, Quote, Speaker
from lagebild.quotes import lexicon as lx
from lagebild.quotes.marks import MarkedSpan, find_marked
from lagebild.quotes.speaker import (
    Mention,
    is_first_person,
    is_pronoun,
    noun_phrase,
    role_and_name,
    title_like,
)
from lagebild.quotes.tokens import QUOTE_TOKEN

_CLAUSE_BREAK = {",", ";", ":", QUOTE_TOKEN, "(", ")", "–", "—", "-"}  # a lone "-" is a dash
_END_PUNCT = ".!?;:,–—-"
_SUBORDINATORS = {"wie", "als", "dass", "daß", "ob", "weil", "as", "while"}
_RELATIVES = merged("pronouns", "relative_subject")
_CONJUNCTIONS = {"und", "aber", "doch", "denn", "sondern", "oder", "and", "but"}
# Words that may stand between a cue verb and its postponed subject: "sagte am Freitag deshalb auch der Minister".
_INTERVENING = {
    "am",
    "heute",
    "gestern",
    "jetzt",
    "nun",
    "dann",
    "deshalb",
    "daher",
    "auch",
    "jedoch",
    "aber",
    "dazu",
    "zudem",
    "später",
    "bereits",
    "schon",
    "außerdem",
    "allerdings",
    "ebenfalls",
    "weiter",
    "noch",
    "damals",
    "abschließend",
    "derweil",
    "unterdessen",
    "indes",
    "zuletzt",
    "erneut",
    "dagegen",
    "hingegen",
    "also",
}
# Speech verbs that take a person as accusative object ("fragte sie"): a following "sie" may be that object.
_PERSON_OBJECT_STEMS = (
    "frag",
    "bat",
    "bitt",
    "warn",
    "mahn",
    "ermahn",
    "erinner",
    "forder",
    "kritisier",
    "lob",
    "informier",
    "überzeug",
    "beschwor",
    "beschwör",
    "dräng",
    "rief",
    "ruf",
)
_PASSIVE_AUX = {"wurde", "wurden", "worden", "wird", "werden"}

Resolver = Callable[[str], str | None]


@dataclass
class _Frame:
    """One or more sentences joined because a quotation runs across them."""

    start: int
    end: int
    para: int
    quotes: list[MarkedSpan]
    narration: list[Token]  # tokens outside quotations; each quotation is one QUOTE_TOKEN


@dataclass
class _Cue:
    index: int  # narration index of the cue word
    text: str
    speaker: Mention | None
    kind: str  # "verb" (speech verbs, "so X", "hieß es") or "report" (laut/zufolge/nach Angaben/according to)
    end: int  # narration index after the whole cue construction (speaker included when it follows)
    clause_only: bool = (
        False  # a cue only with a content clause: "wir wissen, dass ...", "die Forderung, dass"
    )
    particle: int | None = None  # narration index of a separable particle closing the cue ("rief ... auf")
    fixed: bool = False  # the construction itself gives the speaker (or none): "Meine Frage lautet: ..."


@dataclass
class _Context:
    text: str
    language: str
    entities: list[Entity]
    resolver: Resolver | None
    roles: list[tuple[int, str, Speaker]] = field(default_factory=list)
    last_named: Speaker | None = None
    last_speaker: Speaker | None = None
    last_frame: int = -10
    last_kind: str | None = None
    pending: tuple[int, _Cue] | None = (
        None  # a cue closing its frame with a colon: the next frame is its message
    )
    claimed_until: int = -1  # text offset up to which a quotation already covers the text


def find_quotes(
    text: str,
    language: str = "de",
    entities: Sequence[Entity | dict[str, Any]] | None = None,
    sentences: Sequence[tuple[int, int]] | None = None,
    resolver: Resolver | None = None,
) -> list[Quote]:
    """Direct and indirect quotations of ``text``, each with cue and speaker, in text order."""
    if not text or not text.strip():
        return []
    language = rules_language(language)
    ents = sorted((_entity(e) for e in entities or ()), key=lambda e: e.start)
    ctx = _Context(text, language, ents, resolver)
    _register_roles(ctx)
    frames = _frames(
        text, list(sentences) if sentences else [(s.start, s.end) for s in split_sentences(text, language)]
    )
    quotes: list[Quote] = []
    for n, frame in enumerate(frames):
        following = frames[n + 1] if n + 1 < len(frames) else None
        quotes.extend(_frame_quotes(ctx, n, frame, following))
    quotes.sort(key=lambda q: (q.start, q.end))
    return quotes


def _entity(e: Entity | dict[str, Any]) -> Entity:
    return e if isinstance(e, Entity) else Entity.from_dict(e)


def _frames(text: str, sentences: list[tuple[int, int]]) -> list[_Frame]:
    marked = find_marked(text)
    paragraphs = [p[0] for p in paragraph_bounds(text)]
    spans: list[list[int]] = []
    for start, end in sorted(sentences):
        if spans and start < spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    for q in marked:  # join sentences that one quotation spans
        first = next((k for k, s in enumerate(spans) if s[1] > q.outer_start), None)
        if first is None:
            continue
        last = first
        while last + 1 < len(spans) and spans[last + 1][0] < q.outer_end:
            last += 1
        if last > first:
            spans[first : last + 1] = [[spans[first][0], spans[last][1]]]
    frames = []
    for start, end in spans:
        inside = [q for q in marked if q.outer_start >= start and q.outer_end <= end]
        frames.append(
            _Frame(
                start,
                end,
                bisect.bisect_right(paragraphs, start) - 1,
                inside,
                _narration(text, start, end, inside),
            )
        )
    return frames


def _narration(text: str, start: int, end: int, quotes: list[MarkedSpan]) -> list[Token]:
    tokens: list[Token] = []
    pos = start
    for q in quotes:
        tokens.extend(tokenize(text, pos, q.outer_start))
        tokens.append(Token(QUOTE_TOKEN, q.outer_start, q.outer_end))
        pos = q.outer_end
    tokens.extend(tokenize(text, pos, end))
    return tokens


# ---- cues ---------------------------------------------------------------------------------------------------


def _find_cues(nar: list[Token], text: str, language: str) -> list[_Cue]:
    cues: list[_Cue] = []
    sp = lx.speech(language)
    words, clause_only = sp.cues, sp.clause_only
    for i, tok in enumerate(nar):
        low = tok.lower
        if i + 1 < len(nar) and (phrase := f"{low} {nar[i + 1].lower}") in sp.report_phrases:
            found = noun_phrase(nar, i + 2, text, language, any_case=True)
            cues.append(_Cue(i, phrase, found[0] if found else None, "report", found[1] if found else i + 2))
        elif low in sp.report_before:
            found = noun_phrase(nar, i + 1, text, language, any_case=True)
            if found:
                cues.append(_Cue(i, tok.text, found[0], "report", found[1]))
        elif low in sp.report_after:
            mention = _phrase_before(nar, i, text, language)
            if mention:
                cues.append(_Cue(i, tok.text, mention, "report", i + 1))
        elif (
            low == "nach"
            and i + 1 < len(nar)
            and nar[i + 1].lower in sp.opinion_nouns
            and not (i > 0 and nar[i - 1].lower in sp.possessive_genitive | lx.DETERMINERS)
        ):
            found = noun_phrase(nar, i + 2, text, language, any_case=True)
            if found is None and i + 2 < len(nar) and nar[i + 2].lower in {"von", "aus"}:
                found = noun_phrase(nar, i + 3, text, language, any_case=True)
            if found is not None or nar[i + 1].lower == "angaben":
                cue_text = f"nach {nar[i + 1].text}"
                cues.append(
                    _Cue(i, cue_text, found[0] if found else None, "report", found[1] if found else i + 2)
                )
        elif (
            sp.opinion_nouns
            and (low == "aus" or low in sp.possessive_genitive)
            and (cue := _opinion_phrase(nar, i, text, sp)) is not None
        ):
            cues.append(cue)
        elif (
            low in sp.claim_nouns
            and tok.is_upper_initial
            and i + 2 < len(nar)
            and nar[i + 1].text == ","
            and _content_clause(nar, i + 2)
        ):
            owner = nar[i - 1] if i > 0 and nar[i - 1].lower in sp.possessive_determiners else None
            speaker = Mention(owner.start, owner.end, owner.text) if owner else None
            cues.append(_Cue(i, tok.text, speaker, "verb", i + 1, clause_only=True))
        elif low in sp.lautet and (cue := _claim_lautet(nar, i, text, sp)) is not None:
            cues.append(cue)
        elif low in clause_only and not _is_attributive(nar, i):
            cues.append(_Cue(i, tok.text, None, "verb", i + 1, clause_only=True))
        elif low == "so" and i > 0 and nar[i - 1].text in {",", QUOTE_TOKEN}:
            found = noun_phrase(nar, i + 1, text, language, any_case=True)
            if found:
                cues.append(_Cue(i, tok.text, found[0], "verb", found[1]))
        elif low == "hieß" and i + 1 < len(nar) and nar[i + 1].lower == "es":
            j = i + 2
            if j < len(nar) and nar[j].lower in {"aus", "von", "bei", "im", "in", "seitens"}:
                j += 1
            found = noun_phrase(nar, j, text, language, any_case=True)
            cues.append(_Cue(i, "hieß es", found[0] if found else None, "verb", found[1] if found else i + 2))
        elif (
            (low in words or tok.text in sp.lower_case_cues)
            and low not in sp.particle_only
            and not _is_attributive(nar, i)
        ):
            particle = _particle(nar, i, sp)
            cue_text = f"{tok.text} ... {nar[particle].text}" if particle is not None else tok.text
            cues.append(_Cue(i, cue_text, None, "verb", i + 1, particle=particle))
        elif low in sp.particle_only:
            particle = _particle(nar, i, sp)
            if particle is not None:
                cue_text = f"{tok.text} ... {nar[particle].text}"
                cues.append(_Cue(i, cue_text, None, "verb", i + 1, particle=particle))
    return cues


_GERMAN = lx.speech("de")  # German word lists the finder also applies to text in other languages


def _claim_lautet(nar: list[Token], i: int, text: str, sp: lx.Speech) -> _Cue | None:
    """ "Meine Frage lautet: ...", "Die Botschaft der Regierung lautet: ...": a claim noun's content after a colon.

    The speaker is the noun's owner (possessive or genitive phrase); a noun with no owner gives no speaker.
    """
    if i + 1 >= len(nar) or nar[i + 1].text != ":":
        return None
    start = _clause_start(nar, i)
    nouns = [
        k
        for k in range(start, i)
        if nar[k].is_upper_initial and nar[k].lower in sp.claim_nouns | sp.question_nouns
    ]
    if not nouns:
        return None
    k = nouns[0]
    speaker: Mention | None = None
    if k > start and nar[k - 1].lower in sp.possessive_determiners:
        speaker = Mention(nar[k - 1].start, nar[k - 1].end, nar[k - 1].text)
    elif k + 1 < i and nar[k + 1].lower in lx.GENITIVE_LINKS:
        found = noun_phrase(nar, k + 1, text, sp.language, any_case=True)
        speaker = found[0] if found is not None and found[1] <= i else None
    return _Cue(i, nar[i].text, speaker, "verb", i + 1, clause_only=True, fixed=True)


def _opinion_phrase(nar: list[Token], i: int, text: str, sp: lx.Speech) -> _Cue | None:
    """ "meiner Meinung nach", "meines Erachtens", "aus Sicht der Opposition", "aus unserer Sicht"."""
    low = nar[i].lower
    nxt = nar[i + 1].lower if i + 1 < len(nar) else ""
    if low in sp.possessive_genitive:
        owner = Mention(nar[i].start, nar[i].end, nar[i].text)
        if nxt == "erachtens":
            return _Cue(i, f"{nar[i].text} Erachtens", owner, "report", i + 2)
        if nxt in sp.opinion_nouns and i + 2 < len(nar) and nar[i + 2].lower == "nach":
            return _Cue(i, f"{nar[i].text} {nar[i + 1].text} nach", owner, "report", i + 3)
        return None
    if low != "aus":
        return None
    if nxt == "sicht":
        found = noun_phrase(nar, i + 2, text, sp.language, any_case=True)
        if found is None and i + 2 < len(nar) and nar[i + 2].lower == "von":
            found = noun_phrase(nar, i + 3, text, sp.language, any_case=True)
        if found is not None:
            return _Cue(i, "aus Sicht", found[0], "report", found[1])
    elif nxt in sp.possessive_genitive and i + 2 < len(nar) and nar[i + 2].lower == "sicht":
        owner = Mention(nar[i + 1].start, nar[i + 1].end, nar[i + 1].text)
        return _Cue(i, f"aus {nar[i + 1].text} Sicht", owner, "report", i + 3)
    return None


def _content_clause(nar: list[Token], k: int) -> bool:
    """True when a content clause starts at ``k``: dass/ob, or a clause with a Konjunktiv verb."""
    if k >= len(nar):
        return False
    if nar[k].lower in {"dass", "daß", "ob"}:
        return True
    for j in range(k + 1, min(len(nar), k + 12)):
        word = nar[j].lower
        if nar[j].text in _CLAUSE_BREAK or nar[j].text in ".!?":
            return False
        if word in _GERMAN.konjunktiv_i or word in _GERMAN.konjunktiv_ii:
            return nar[j - 1].lower not in _GERMAN.indicative_subjects or word in _GERMAN.konjunktiv_ii
    return False


def _is_attributive(nar: list[Token], i: int) -> bool:
    """Participles used as adjectives/nouns or in passive declarations are no cues.

    "die genannte Zahl", "das Gesagte", "die erklärte Ausgliederung", "genauer gesagt", "wurde zum Feind erklärt",
    "Vieles spricht dafür".
    """
    before = nar[i - 1].lower if i > 0 else ""
    after = nar[i + 1] if i + 1 < len(nar) else None
    if before in lx.DETERMINERS and nar[i].text[:1].isupper():
        return True
    if (
        before in lx.DETERMINERS
        and before not in {"das", "dies", "this", "that"}
        and _clause_start(nar, i) < i - 1
        and after is not None
        and after.is_upper_initial
    ):
        return True
    if before in {"genauer", "besser", "anders", "ehrlich", "offen", "kurz", "grob"}:
        return True
    if (
        nar[i].lower in {"spricht", "sprechen", "sprach", "sprachen"}
        and after is not None
        and after.lower in {"dafür", "dagegen", "für", "gegen", "von", "mit", "über"}
    ):
        return True
    if after is None or after.text in {",", ".", ";", "!", "?"}:
        start = _clause_start(nar, i)
        reflexive = before == "sich" or (before == "selbst" and i >= 2 and nar[i - 2].lower == "sich")
        if any(t.lower in _PASSIVE_AUX for t in nar[start:i]) or reflexive:
            return True
    return False


def _particle(nar: list[Token], i: int, sp: lx.Speech) -> int | None:
    particles = sp.separable.get(nar[i].lower, ())
    for j in range(i + 1, min(len(nar), i + 25)):
        if nar[j].text in {".", "!", "?", ";"}:
            return None
        if nar[j].lower in particles and (
            j + 1 == len(nar) or nar[j + 1].text in {",", ".", ":", ";", "!", "?"}
        ):
            return j
    return None


def _phrase_before(nar: list[Token], i: int, text: str, language: str) -> Mention | None:
    for k in range(max(0, i - 8), i):
        found = noun_phrase(nar, k, text, language, any_case=True)
        if found and found[1] == i:
            return found[0]
    return None


def _clause_start(nar: list[Token], i: int) -> int:
    b = i - 1
    while b >= 0 and nar[b].text not in _CLAUSE_BREAK:
        b -= 1
    return b + 1


def _subject(
    nar: list[Token], cue: _Cue, text: str, language: str, entities: Sequence[Entity] = ()
) -> Mention | None:
    """The speaker of a verb cue: before it (Peskow sagte), after it (sagte Peskow) or in a relative clause."""
    c = cue.index
    start = _clause_start(nar, c)
    if start == c and c >= 2 and nar[c - 1].text == QUOTE_TOKEN and nar[c - 2].text not in _CLAUSE_BREAK:
        start = _clause_start(
            nar, c - 1
        )  # a quoted word inside the clause: "Ich habe nur „skeptisch“ gesagt"
    if 2 <= start <= c and nar[start - 1].text == ")":  # "Henry Tesch (CDU) berichtete"
        opening = next((k for k in range(start - 2, max(-1, start - 6), -1) if nar[k].text == "("), None)
        start = _clause_start(nar, opening) if opening is not None else start
    if start < c and nar[start].lower in _CONJUNCTIONS:
        start += 1
    while start < c - 1 and nar[start].lower in _INTERVENING:
        start += 1
    after = _postponed_subject(nar, c + 1, text, language)
    if start == c and c >= 2 and nar[c - 1].text == "," and _after_relative_clause(nar, c):
        return _phrase_before(nar, _clause_start(nar, c - 1) - 1, text, language)
    if start == c:
        head = _head_before_apposition(nar, c, text, language)
        if head is not None:
            return head
        if after:
            cue.end = after[1]
            return after[0]
        return _shared_subject(nar, c, text, language)
    first = nar[start].lower
    if first in _SUBORDINATORS and start + 1 < c:
        found = noun_phrase(nar, start + 1, text, language)
        return found[0] if found else (after[0] if after else None)
    if first in _RELATIVES and start >= 2 and nar[start - 1].text == ",":
        return _phrase_before(nar, start - 1, text, language)
    if (
        trait(language, "subject_after_quote_verb")
        and after
        and start < c
        and nar[c - 1].text in {QUOTE_TOKEN, ","}
    ):
        return after[0]
    found = noun_phrase(nar, start, text, language)
    if found and found[1] == c == start + 1 and trait(language, "verb_second"):
        pronoun = _pronoun_after_verb(nar, c, entities)
        if pronoun is not None:
            return pronoun
    if found and found[1] <= c:
        return found[0]
    if after:
        cue.end = after[1]
        return after[0]
    if trait(
        language, "verb_second"
    ):  # subject after a fronted adverbial or modal: "Deshalb will ich hier sagen: ..."
        sp = lx.speech(language)
        inner = next((k for k in range(start + 1, c) if nar[k].lower in sp.subject_pronouns), None)
        if inner is not None:
            return Mention(nar[inner].start, nar[inner].end, nar[inner].text)
        if (
            nar[start].lower in sp.finite_aux
        ):  # subject after a fronted auxiliary: "„…“, hat der Minister gesagt"
            oblique = start + 1 < c and nar[start + 1].lower in {"dem", "den", "einem", "einen", "ihm", "ihr"}
            owner = start + 1 < c and nar[start + 1].lower in sp.possessive_determiners  # "meine Kinder"
            found = None if oblique else noun_phrase(nar, start + 1 + owner, text, language, any_case=True)
            if found and found[1] <= c:
                first = nar[start + 1].start
                return Mention(first, found[0].end, text[first : found[0].end]) if owner else found[0]
    return None


def _pronoun_after_verb(nar: list[Token], c: int, entities: Sequence[Entity]) -> Mention | None:
    """The subject pronoun right after the verb when one word stands before it ("Charmant sagt sie").

    German puts exactly one phrase before the finite verb; with a nominative pronoun after the verb that phrase is an
    adverbial, not the subject. "sie" may also be an object ("Merkel fragte sie"), so it wins only after verbs that
    take no person object and when the word before the verb is no known name.
    """
    if c + 1 >= len(nar) or nar[c + 1].lower not in _GERMAN.subject_pronouns:
        return None
    before = nar[c - 1]
    if any(e.start <= before.start < e.end and e.label in {"PER", "ORG"} for e in entities):
        return None
    pronoun = nar[c + 1]
    if pronoun.lower == "sie" and nar[c].lower.startswith(_PERSON_OBJECT_STEMS):
        return None
    return Mention(pronoun.start, pronoun.end, pronoun.text)


def _head_before_apposition(nar: list[Token], c: int, text: str, language: str) -> Mention | None:
    """ "Turan Buzgan, Leiter der Dienste, sagte ...": the name before a role apposition is the subject."""
    if c < 4 or nar[c - 1].text != ",":
        return None
    middle = _clause_start(nar, c - 1)
    if middle < 2 or nar[middle - 1].text != "," or not lx.is_role_noun(nar[middle].text):
        return None
    found = noun_phrase(nar, _clause_start(nar, middle - 1), text, language)
    return found[0] if found and found[1] == middle - 1 else None


def _shared_subject(nar: list[Token], c: int, text: str, language: str) -> Mention | None:
    """ "Schulte bestätigte ..., betonte jedoch, er habe ...": a coordinated verb shares the sentence's subject."""
    found = noun_phrase(nar, 0, text, language)
    if found is None or found[1] >= c or found[1] >= len(nar) or not nar[found[1]].text.islower():
        return None
    return found[0] if not is_pronoun(found[0]) or nar[0].text != "Sie" else None


def _postponed_subject(nar: list[Token], k: int, text: str, language: str) -> tuple[Mention, int] | None:
    """The subject after a cue verb, past adverbs and weekday phrases ("sagte am Freitag der Minister")."""
    found = noun_phrase(nar, k, text, language)
    if found or not trait(language, "verb_second"):
        return found
    j = k
    while j < len(nar) and j - k < 4 and (nar[j].lower in _INTERVENING or nar[j].lower in lx.WEEKDAYS):
        j += 1
    if j > k:
        return noun_phrase(nar, j, text, language)
    # an adverbial adjective between verb and subject: "sagt diplomatisch Weiland"
    if k < len(nar) and _adverb_like(nar[k]):
        return noun_phrase(nar, k + 1, text, language)
    return None


def _adverb_like(token: Token) -> bool:
    """A lower-case word that can only be an adverb or adjective here (no article, pronoun or preposition)."""
    word = token.text
    return (
        word.isalpha()
        and word.islower()
        and word not in lx.STOP_WORDS
        and word not in lx.DETERMINERS
        and word not in _GERMAN.pronouns
        and word not in _GERMAN.subject_pronouns
    )


# ---- frames -------------------------------------------------------------------------------------------------


def _frame_quotes(ctx: _Context, n: int, frame: _Frame, following: _Frame | None) -> list[Quote]:
    text, language, nar = ctx.text, ctx.language, frame.narration
    pending = ctx.pending[1] if ctx.pending is not None and ctx.pending[0] == n - 1 else None
    ctx.pending = None
    words_outside = [t for t in nar if t.text[:1].isalnum()]
    if pending is not None and not frame.quotes and len(words_outside) >= 3:
        return [_continuation(ctx, n, frame, pending)]
    cues = _find_cues(nar, text, language)
    for cue in cues:
        if cue.kind == "verb" and cue.speaker is None and not cue.fixed:
            cue.speaker = _subject(nar, cue, text, language, ctx.entities)
    quotes: list[Quote] = []
    if frame.quotes:
        quotes.extend(_direct(ctx, n, frame, cues, following, bool(words_outside), pending))
    indirect = _indirect(ctx, n, frame, cues)
    # a quoted phrase inside a reported clause is part of that indirect quotation, not a quotation of its own
    quotes = [q for q in quotes if not any(r.start <= q.start and q.end <= r.end for r in indirect)]
    quotes.extend(indirect)
    if not frame.quotes and nar and nar[-1].text == ":":
        ctx.pending = _colon_cue(nar, cues, indirect)
        ctx.pending = (n, ctx.pending) if ctx.pending is not None else None
    if quotes:
        ctx.last_frame, ctx.last_kind = n, quotes[-1].kind
    return quotes


def _colon_cue(nar: list[Token], cues: list[_Cue], found: list[Quote]) -> _Cue | None:
    """The cue of a frame that ends with a colon and leaves its message to the next sentence ("Ich sage Ihnen:")."""
    if found and found[-1].end >= nar[-2].start:
        return None
    late = [c for c in cues if len(nar) - c.end <= 7 and c.kind == "verb"]
    return late[-1] if late else None


def _continuation(ctx: _Context, n: int, frame: _Frame, cue: _Cue) -> Quote:
    """The sentence after "Ich sage Ihnen:" as the message of that cue."""
    lo, hi = _trim(frame.narration, 0, len(frame.narration))
    start, end = frame.narration[lo].start, frame.narration[hi - 1].end
    speaker = _speaker(ctx, cue.speaker)
    if speaker is not None:
        ctx.last_speaker = speaker
    ctx.last_frame, ctx.last_kind = n, "indirect"
    return Quote(start, end, ctx.text[start:end], "indirect", cue.text, speaker)


def _nearest(cues: list[_Cue], nar: list[Token], pos: int) -> _Cue | None:
    best, dist = None, None
    for cue in cues:
        d = abs(nar[cue.index].start - pos)
        if dist is None or d < dist:
            best, dist = cue, d
    return best


def _direct(
    ctx: _Context,
    n: int,
    frame: _Frame,
    cues: list[_Cue],
    following: _Frame | None,
    has_narration: bool,
    pending: _Cue | None = None,
) -> list[Quote]:
    out: list[Quote] = []
    speakers = [c.speaker for c in cues if c.speaker is not None]
    for q in frame.quotes:
        if any(m.start <= q.outer_start and q.outer_end <= m.end for m in speakers):
            continue  # a quoted name inside the speaker phrase: "Dem „Spiegel“ zufolge", "laut "Wired""
        end = q.end - 1 if ctx.text[q.end - 1] == "," else q.end
        content = ctx.text[q.start : end]
        n_words = len(content.split())
        cue = _nearest([c for c in cues if not c.clause_only], frame.narration, q.start)
        speaker: Speaker | None = None
        cue_text: str | None = None
        if cue is not None:
            cue_text = cue.text
            speaker = _speaker(ctx, cue.speaker)
        elif not has_narration:
            later = pending or _next_sentence_cue(ctx, following)
            if later is not None:
                cue_text, speaker = later.text, _speaker(ctx, later.speaker)
            elif n - ctx.last_frame <= 2 and ctx.last_speaker is not None:
                speaker = ctx.last_speaker
        if cue is None and speaker is None and (n_words < 5 or has_narration):
            continue  # scare quotes, titles and names in quotation marks
        if has_narration and title_like(content) and _after_article(ctx.text, q.outer_start):
            continue  # "sagte er dem „Spiegel“", the series "Sturm der Liebe"
        if has_narration and _after_mention_noun(frame.narration, q.outer_start):
            continue  # a term or title named, not said: "das Wort „Kindergeld“", "die Studie „Der Weg zum Pass“"
        out.append(Quote(q.start, end, content, "direct", cue_text, speaker))
        if speaker is not None:
            ctx.last_speaker = speaker
    return out


_TITLE_BEFORE = data("de").words("determiners", "definite") | {
    "im",
    "in",
    "vom",
    "von",
    "laut",
    "ARD-Soap",
    "Zeitung",
}


def _after_article(text: str, pos: int) -> bool:
    """True when a definite article or preposition precedes the quotation, as before titles ("dem „Spiegel“")."""
    before = text[max(0, pos - 20) : pos].split()
    return bool(before) and before[-1].lower() in _TITLE_BEFORE


def _after_mention_noun(nar: list[Token], pos: int) -> bool:
    """True when a noun that names a term, title or slogan stands right before the quotation ("Stichwort „…“")."""
    before = [t for t in nar if t.end <= pos]
    return bool(before) and before[-1].lower in _GERMAN.mention_nouns


def _next_sentence_cue(ctx: _Context, following: _Frame | None) -> _Cue | None:
    """ "Das sagte Peskow am Dienstag." right after a quotation gives its speaker."""
    if following is None or following.quotes or len(following.narration) < 3:
        return None
    nar = following.narration
    if nar[0].lower not in {"das", "dies", "so", "this", "that"}:
        return None
    for cue in _find_cues(nar, ctx.text, ctx.language):
        if cue.index == 1 and cue.kind == "verb":
            cue.speaker = cue.speaker or _subject(nar, cue, ctx.text, ctx.language, ctx.entities)
            return cue if cue.speaker else None
    return None


def _indirect(ctx: _Context, n: int, frame: _Frame, cues: list[_Cue]) -> list[Quote]:
    nar = frame.narration
    if len(nar) < 3:
        return []
    out: list[Quote] = []
    # a cue closing the sentence frames all of it, and a speech verb frames a clause of knowing
    for cue in sorted(cues, key=lambda c: (not _closes_sentence(nar, c), c.clause_only)):
        span = _message_span(nar, cue, ctx.language)
        if span is None:
            continue
        lo, hi = span
        if any(q.outer_start <= nar[lo].start and nar[hi - 1].end <= q.outer_end for q in frame.quotes):
            continue
        if frame.quotes and _mostly_quoted(frame, nar[lo].start, nar[hi - 1].end):
            continue
        speaker = _speaker(ctx, cue.speaker)
        start, end = nar[lo].start, nar[hi - 1].end
        inside = speaker is not None and speaker.start is not None and start <= speaker.start < end
        if inside and not start <= nar[cue.index].start < end:
            speaker = None  # the message's own subject is not who said it (an interposed cue is part of it)
        out.append(Quote(start, end, ctx.text[start:end], "indirect", cue.text, speaker))
        if speaker is not None:
            ctx.last_speaker = speaker
        break
    if not out and not cues and not frame.quotes and _reported(nar, n, ctx):
        lo, hi = _trim(nar, 0, len(nar))
        if hi > lo:
            start, end = nar[lo].start, nar[hi - 1].end
            out.append(Quote(start, end, ctx.text[start:end], "indirect", None, ctx.last_speaker))
    return out


def _closes_sentence(nar: list[Token], cue: _Cue) -> bool:
    """True for a speech verb after a comma that ends the sentence: "Er habe ... versprochen, ..., sagte er."

    Such a cue frames the whole reported sentence before it, including any speech verb inside that sentence.
    """
    c = cue.index
    if cue.kind != "verb" or cue.clause_only or c < 2 or nar[c - 1].text != "," or _clause_start(nar, c) != c:
        return False
    hi = len(nar)
    while hi > cue.end and nar[hi - 1].text in ".!?":
        hi -= 1
    return not any(t.text in _CLAUSE_BREAK or t.text in ".!?" for t in nar[cue.end : hi])


def _mostly_quoted(frame: _Frame, start: int, end: int) -> bool:
    quoted = sum(
        min(end, q.end) - max(start, q.start) for q in frame.quotes if q.end > start and q.start < end
    )
    return quoted > 0.6 * max(1, end - start)


def _reported(nar: list[Token], n: int, ctx: _Context) -> bool:
    """A Konjunktiv sentence right after a speech event continues that speaker's reported speech."""
    sp = lx.speech(ctx.language)
    if not trait(ctx.language, "reported_speech_mood") or ctx.last_speaker is None:
        return False
    if n - ctx.last_frame > 2:
        return False
    for i, tok in enumerate(nar):
        before = nar[i - 1].lower if i else ""
        after = nar[i + 1].lower if i + 1 < len(nar) else ""
        if (
            tok.lower in sp.konjunktiv_i
            and before not in sp.indicative_subjects
            and after not in {"ich", "wir"}
        ):
            if tok.lower in {"sie"}:
                continue
            return True
        if tok.lower in sp.konjunktiv_ii and ctx.last_kind == "indirect":
            return True
    return False


def _message_span(nar: list[Token], cue: _Cue, language: str) -> tuple[int, int] | None:
    """Token range of the reported content of a cue, or None when it has none outside quotation marks."""
    c, size = cue.index, len(nar)
    if cue.kind == "report":
        phrase_start = c if nar[c].lower != "zufolge" else _clause_start(nar, c)
        if cue.speaker is not None and nar[c].lower == "zufolge":
            phrase_start = next(k for k in range(c, -1, -1) if nar[k].start <= cue.speaker.start)
        left = _trim(nar, 0, phrase_start)
        right = _trim(nar, cue.end if nar[c].lower != "zufolge" else c + 1, size)
        best = max(left, right, key=lambda r: r[1] - r[0])
        return best if best[1] - best[0] >= 3 else None
    start = _clause_start(nar, c)
    if _after_quotation(nar, start):
        return None  # the cue frames a direct quotation: „…“, sagte er
    if cue.clause_only and not (nar[start].lower in {"wie", "as"} and start < c):
        return _clause_after(nar, cue.end)
    # cue after its message: "Russland wolle keinen Krieg, sagte Putin." / ", so Peskow."
    if start == c and c >= 2 and nar[c - 1].text == "," and not _after_relative_clause(nar, c):
        later = _clause_after_cue(nar, cue)
        if later is not None:
            return later
        lo = _clause_start(nar, c - 1)
        while 1 < lo <= c - 1 and nar[lo - 1].text == QUOTE_TOKEN:
            lo = _clause_start(nar, lo - 1)  # a quoted phrase inside the reported clause
        lo = 0 if lo > 0 and nar[lo - 1].text == "," else lo
        span = _trim(nar, lo, c - 1)
        return span if span[1] - span[0] >= 3 else None
    # subordinate "wie Putin sagte": the rest of the sentence is the message
    if nar[start].lower in {"wie", "as"} and start < c:
        if start > 0:
            span = _trim(nar, 0, start)
        else:
            comma = next((k for k in range(c, size) if nar[k].text == ","), None)
            span = _trim(nar, comma + 1, size) if comma is not None else (0, 0)
        return span if span[1] - span[0] >= 3 else None
    # cue before its message: "Putin sagte (am Dienstag), er wolle ..." / "..., dass ..." / "said (that) ..."
    # past a separable particle: "rief die Bevölkerung der Regionen im Süden dazu auf, Ruhe zu bewahren"
    begin = max(cue.end, cue.particle + 1) if cue.particle is not None else cue.end
    for k in range(begin, min(size, begin + 10)):
        if nar[k].text == QUOTE_TOKEN and k > 0 and nar[k - 1].lower in _GERMAN.mention_nouns:
            continue  # a quoted title: "sagte dem Magazin „Stern“, sie könne ..."
        if nar[k].text == QUOTE_TOKEN or nar[k].text in ".!?":
            return None
        if nar[k].text in {",", ":"}:
            span = _trim(nar, k + 1, size)
            if span[1] > span[0] and nar[span[0]].lower in lx.cue_words(language):
                return (
                    None  # the next clause is a speech event of its own: "bestätigte ..., betonte, er habe"
                )
            if span[1] - span[0] >= 3 and nar[span[0]].text != QUOTE_TOKEN:
                return span
            return None
        if trait(language, "message_after_verb") and k == cue.end:
            skip = k + 1 if nar[k].lower == "that" else k
            if nar[c].lower in {"told", "tells"}:
                skip = _skip_object(nar, skip)
                if skip < size and nar[skip].lower == "that":
                    skip += 1
            span = _trim(nar, skip, size)
            if span[1] - span[0] >= 3 and nar[span[0]].text != QUOTE_TOKEN:
                return span
            return None
        if nar[k].lower in {"dass", "daß"}:
            span = _trim(nar, k, size)
            return span if span[1] - span[0] >= 3 else None
    return None


def _clause_after_cue(nar: list[Token], cue: _Cue) -> tuple[int, int] | None:
    """The message of a cue that follows a comma but also opens a reported clause.

    Interposed: "Den Vertrag, so Maria Lindholm, habe sie erst am Morgen erhalten." (the whole sentence is the message).
    After an apposition: "Buzgan, Leiter der Dienste, sagte der Agentur, von 28 Proben seien fünf positiv."
    """
    for k in range(cue.end, min(len(nar), cue.end + 8)):
        if nar[k].text == QUOTE_TOKEN or nar[k].text in ".!?;:":
            return None
        if nar[k].text != ",":
            continue
        if k + 1 < len(nar) and (
            nar[k + 1].lower in _GERMAN.konjunktiv_i or nar[k + 1].lower in _GERMAN.konjunktiv_ii
        ):
            span = _trim(nar, 0, len(nar))
        elif _content_clause(nar, k + 1):
            span = _trim(nar, k + 1, len(nar))
        else:
            return None
        return span if span[1] - span[0] >= 3 else None
    return None


def _clause_after(nar: list[Token], k: int) -> tuple[int, int] | None:
    """The content after a clause-only cue: "wissen (alle), dass ...", "finde, die Regierung müsse ...", or after a
    colon ("Wir wissen: ..."), which introduces the content as a dass-clause would; unmarked, it is indirect."""
    for j in range(k, min(len(nar), k + 8)):
        if nar[j].text == ":" and not any(
            t.text == "," for t in nar[k:j]
        ):  # "Wir wissen: Die Lage ist ernst."
            span = _trim(nar, j + 1, len(nar))
            if span[1] - span[0] >= 3 and QUOTE_TOKEN not in {t.text for t in nar[span[0] : span[1]]}:
                return span
            return None
        if nar[j].text == QUOTE_TOKEN or nar[j].text in ".!?;:":
            return None
        if nar[j].lower in {"dass", "daß", "ob"} or (nar[j].text == "," and _content_clause(nar, j + 1)):
            span = _trim(nar, j, len(nar))
            return span if span[1] - span[0] >= 3 else None
    return None


def _after_relative_clause(nar: list[Token], c: int) -> bool:
    """True for "Die Betreuer, die dort arbeiten, berichten, dass ...": the cue's subject carries a relative clause."""
    lo = _clause_start(nar, c - 1)
    return (
        lo >= 2
        and lo < c - 1
        and nar[lo].lower in _RELATIVES
        and nar[lo - 1].text == ","
        and not any(
            t.lower in _GERMAN.konjunktiv_i or t.lower in _GERMAN.konjunktiv_ii for t in nar[lo : c - 1]
        )
        and _postponed_subject(nar, c + 1, "", "de") is None
    )


def _after_quotation(nar: list[Token], start: int) -> bool:
    """True when the cue's clause follows a quotation that stands as a clause of its own: „…“, sagte er."""
    before = [t.text for t in nar[max(0, start - 2) : start]]
    if not before or not (before[-1] == QUOTE_TOKEN or before == [QUOTE_TOKEN, ","]):
        return False
    q = start - 1 if before[-1] == QUOTE_TOKEN else start - 2
    return q == 0 or nar[q - 1].text in _CLAUSE_BREAK or nar[q - 1].lower in _CONJUNCTIONS


_REPORTERS = data("en").words("determiners", "definite", "indefinite") | {"reporters", "journalists"}


def _skip_object(nar: list[Token], k: int) -> int:
    while k < len(nar) and nar[k].lower in _REPORTERS:
        k += 1
    while k < len(nar) and nar[k].text[:1].isupper() and nar[k].lower != "that":
        k += 1
    return k


def _trim(nar: list[Token], lo: int, hi: int) -> tuple[int, int]:
    while lo < hi and nar[lo].text in _END_PUNCT:
        lo += 1
    while hi > lo and nar[hi - 1].text in _END_PUNCT:
        hi -= 1
    return lo, hi


# ---- speakers -----------------------------------------------------------------------------------------------


def _register_roles(ctx: _Context) -> None:
    """Remember "Kremlsprecher Dmitri Peskow" so that a later "der Kreml-Sprecher" resolves to him."""
    tokens = tokenize(ctx.text)
    for i, tok in enumerate(tokens[:-1]):
        if not (tok.is_upper_initial and lx.is_role_noun(tok.text)):
            continue
        j = i + 1
        while (
            j < len(tokens)
            and j - i <= 3
            and tokens[j].is_upper_initial
            and tokens[j].text.isalpha()
            and not (lx.is_role_noun(tokens[j].text) or tokens[j].lower in lx.STOP_WORDS | lx.DETERMINERS)
        ):
            j += 1
        if j - i >= 2:
            start, end = tokens[i + 1].start, tokens[j - 1].end
            name = ctx.text[start:end]
            speaker = Speaker(name, _actor(ctx, name, start, end), start, end)
            ctx.roles.append((tok.start, lx.role_key(tok.text), speaker))


def _speaker(ctx: _Context, mention: Mention | None) -> Speaker | None:
    if mention is None:
        return None
    if is_first_person(mention):
        return Speaker(mention.text, None, mention.start, mention.end)
    if _formal_address(ctx.text, mention):
        return Speaker(mention.text, None, mention.start, mention.end)
    if is_pronoun(mention):
        antecedent = ctx.last_named or _entity_before(ctx, mention.start)
        if antecedent is None:
            return Speaker(mention.text, None, mention.start, mention.end)
        return Speaker(antecedent.text, antecedent.actor, mention.start, mention.end)
    role, name = role_and_name(mention)
    if role is not None and name is None:
        earlier = [s for pos, key, s in ctx.roles if key == role and pos < mention.start]
        if earlier:
            found = earlier[-1]
            speaker = Speaker(found.text, found.actor, mention.start, mention.end)
            ctx.last_named = speaker
            return speaker
    speaker = Speaker(
        mention.text, _actor(ctx, mention.text, mention.start, mention.end), mention.start, mention.end
    )
    ctx.last_named = speaker
    return speaker


def _formal_address(text: str, mention: Mention) -> bool:
    """Capitalised "Sie" inside a sentence addresses the listener ("Sie haben gesagt"); it has no antecedent."""
    if mention.text != "Sie":
        return False
    before = text[max(0, mention.start - 3) : mention.start].strip()
    return bool(before) and before[-1] not in '.!?:„“"»«-–—'


def _entity_before(ctx: _Context, pos: int) -> Speaker | None:
    for e in reversed(ctx.entities):
        if e.end <= pos and e.label == "PER":
            return Speaker(e.text, e.actor, e.start, e.end)
    return None


def _actor(ctx: _Context, name: str, start: int, end: int) -> str | None:
    for e in ctx.entities:
        if e.actor and e.start < end and start < e.end:
            return e.actor
    if ctx.resolver is not None:
        try:
            return ctx.resolver(name)
        except Exception:  # noqa: BLE001 - a failing resolver must not stop quotation finding
            return None
    return None
