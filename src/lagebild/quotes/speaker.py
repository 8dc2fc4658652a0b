"""Speaker noun phrases around a cue, and their resolution (pronouns, role nouns, actors)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lagebild.language.resources import trait
from lagebild.language.tokens import Token
from lagebild.quotes import lexicon as lx
from lagebild.quotes.tokens import QUOTE_TOKEN

_AGE_NOUN = re.compile(r"\d+-[A-ZÄÖÜ]\w")
_BOUNDARY = {",", ";", ":", "(", ")", "–", "—", "-", ".", "!", "?"}


@dataclass(frozen=True, slots=True)
class Mention:
    """A speaker mention: tokens ``[first, last]`` of a sentence, with its character span and text."""

    start: int
    end: int
    text: str

    @property
    def words(self) -> list[str]:
        return self.text.split()


def title_like(content: str) -> bool:
    """A short quoted name or title: every content word capitalised ("Spiegel", "Sturm der Liebe")."""
    words = [w.strip(".,;:!?()") for w in content.split()]
    words = [w for w in words if w]
    if not words or len(words) > 4:
        return False
    content_words = [w for w in words if w.lower() not in lx.DETERMINERS | lx.STOP_WORDS]
    return bool(content_words) and all(w[:1].isupper() or w[:1].isdigit() for w in content_words)


def quoted_name(token: Token, text: str) -> bool:
    """True for a quotation token that holds a name or title, as an outlet in "laut „Wired“"."""
    return token.text == QUOTE_TOKEN and title_like(text[token.start + 1 : token.end - 1])


def _adjective(token: Token) -> bool:
    return token.text.islower() and token.lower.endswith(("e", "en", "er", "es", "ische", "ischen"))


def noun_phrase(
    tokens: list[Token], i: int, text: str, language: str = "de", any_case: bool = False
) -> tuple[Mention, int] | None:
    """The speaker-like noun phrase starting at token ``i`` and the index after it, or None.

    Without ``any_case`` only nominative determiners may open it (the subject of a speech verb).
    """
    if i >= len(tokens):
        return None
    first = tokens[i]
    sp = lx.speech(language)
    if first.lower in sp.pronouns and first.lower not in {"es", "it"}:
        return Mention(first.start, first.end, first.text), i + 1
    j = i
    has_determiner = False
    if tokens[j].lower in lx.DETERMINERS:
        if tokens[j].lower not in lx.NOMINATIVE_DETERMINERS and not any_case:
            return None
        has_determiner = True
        j += 1
        if j < len(tokens) and tokens[j].lower in sp.substantive_pronouns:
            return Mention(
                first.start, tokens[j].end, text[first.start : tokens[j].end]
            ), j + 1  # "die einen"
        while j < len(tokens) and _adjective(tokens[j]):
            j += 1
    head = j
    if (
        j < len(tokens) and (has_determiner or any_case) and quoted_name(tokens[j], text)
    ):  # "dem „Spiegel“", "laut "Wired""
        return Mention(first.start, tokens[j].end, text[first.start : tokens[j].end]), j + 1
    while j < len(tokens) and _name_like(tokens[j], language):
        j += 1
    if (
        j == head and has_determiner and not trait(language, "capitalised_nouns")
    ):  # "the ministry", "a senior official"
        while (
            j < len(tokens)
            and j - head < 4
            and tokens[j].text.isalpha()
            and tokens[j].lower not in lx.STOP_WORDS
        ):
            j += 1
    if j == head:
        return None
    if has_determiner or lx.is_role_noun(tokens[j - 1].text):
        j = _genitive(tokens, j, text, language)
    return Mention(tokens[i].start, tokens[j - 1].end, text[tokens[i].start : tokens[j - 1].end]), j


def _name_like(token: Token, language: str) -> bool:
    if token.lower in lx.STOP_WORDS or token.lower in lx.WEEKDAYS or token.text in _BOUNDARY:
        return False
    if token.lower in lx.cue_words(language) or token.lower in lx.DETERMINERS:
        return False
    if not trait(language, "capitalised_nouns") and lx.is_role_noun(token.text):
        return True
    if _AGE_NOUN.match(token.text):  # "der 56-Jährige"
        return True
    return token.is_upper_initial and token.text[:1].isalpha()


def _genitive(tokens: list[Token], j: int, text: str, language: str) -> int:
    """Extend "ein Sprecher" by "des Ministeriums" / "der Regierung" / "of the ministry"."""
    if j < len(tokens) and tokens[j].lower in lx.GENITIVE_LINKS:
        k = j + 1
        while k < len(tokens) and (tokens[k].lower in lx.DETERMINERS or _adjective(tokens[k])):
            k += 1
        if k < len(tokens) and quoted_name(tokens[k], text):  # "ein Bericht der „Post“"
            return k + 1
        end = k
        while end < len(tokens) and _name_like(tokens[end], language):
            end += 1
        if end == k and not trait(language, "capitalised_nouns") and k > j + 1:  # "of the ministry"
            while end < len(tokens) and tokens[end].text.isalpha() and tokens[end].lower not in lx.STOP_WORDS:
                end += 1
        if end > k:
            return end
    return j


def is_pronoun(mention: Mention) -> bool:
    low = mention.text.lower()
    return low in lx.PRONOUNS or low in lx.POSSESSIVE_PRONOUNS


def is_first_person(mention: Mention) -> bool:
    return mention.text.lower() in lx.FIRST_PERSON


def role_and_name(mention: Mention) -> tuple[str | None, str | None]:
    """Split "Kremlsprecher Dmitri Peskow" into its role key and name; either may be None."""
    words = [w for w in mention.words if w.lower() not in lx.DETERMINERS]
    roles = [i for i, w in enumerate(words) if lx.is_role_noun(w)]
    if not roles:
        return None, " ".join(words) or None
    last = roles[-1]
    name = " ".join(w for w in words[last + 1 :] if w[:1].isupper()) or None
    return lx.role_key(words[last]), name
