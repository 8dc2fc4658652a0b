"""Sentence splitting with character offsets.

Two splitters: a fast rule-based one (default; SoMaJo's German/English abbreviation lists, German ordinals
such as "am 3. Oktober", initials, quotes and brackets after the full stop, line breaks) and SoMaJo itself
(more thorough tokenisation, about ten times slower).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from lagebild.language.resources import LANGUAGES, rules_language
from lagebild.language.resources import data as language_data
from lagebild.model import Span

_BOUNDARY = re.compile(
    r"""(?P<end>[.!?…]+|[。！？]+)            # terminal punctuation
        (?P<close>[\"'»«“”‘’)\]]*)          # closing quotes or brackets
        (?=\s+[\"'„“‚‘»«(\[]*[\w\d¿¡]|\s*\n) # whitespace then a sentence start
    """,
    re.VERBOSE,
)
_NEWLINES = re.compile(r"\n\s*")
_WORD_BEFORE = re.compile(r"(\S+)$")
_AFTER = re.compile(r"\s+[\"'„“‚‘»«(\[]*(\S+)")
_CJK_END = re.compile(r"[。！？]")
_COLON_BREAK = re.compile(r"[:;][\"'“”»«]?\s+(?=[A-ZÄÖÜ\"„»«])")


@cache
def abbreviations(language: str) -> frozenset[str]:
    """Abbreviations (with their dots) from SoMaJo's lists for ``de`` or ``en``; empty for other languages."""
    if language not in LANGUAGES:
        return frozenset()
    data = resources.files("somajo").joinpath("data")
    out: set[str] = set()
    for name in (f"abbreviations_{language}.txt", f"single_token_abbreviations_{language}.txt"):
        try:
            lines = data.joinpath(name).read_text(encoding="utf-8").splitlines()
        except OSError:
            continue
        out.update(line.strip() for line in lines if line.strip() and not line.startswith("#"))
    out.update(language_data(language).forms("abbreviations"))
    return frozenset(out)


def _is_boundary(text: str, match: re.Match[str], abbrevs: frozenset[str]) -> bool:
    if match.group("end") != ".":
        return True
    before = _WORD_BEFORE.search(text, max(0, match.start() - 80), match.start())
    if before is None:
        return True
    word = before.group(1).lstrip("\"'„“‚‘»«([")
    after = _AFTER.match(text, match.end())
    nxt = after.group(1) if after else ""
    if word + "." in abbrevs or re.fullmatch(r"(?:\w\.)+\w", word):
        return False
    if len(word) == 1 and word.isalpha():  # initials and split abbreviations: "John F. Kennedy", "z. B."
        return False
    if word.isdigit() and len(word) <= 2 and nxt[:1].isalnum():  # German ordinals: "am 3. Oktober"
        return False
    return not nxt[:1].islower()


def split_sentences(text: str, language: str | None = None) -> list[Span]:
    """Sentence spans of ``text`` (leading/trailing whitespace excluded), fast rules."""
    abbrevs = abbreviations(language or "")
    cuts = {0, len(text)}
    for match in _NEWLINES.finditer(text):
        cuts.add(match.start())
    for match in _BOUNDARY.finditer(text):
        if _is_boundary(text, match, abbrevs):
            cuts.add(match.end())
    return _spans(text, sorted(cuts))


def split_at_colons(text: str, spans: list[Span]) -> list[Span]:
    """``spans`` cut further after a colon or semicolon that a capital or an opening quote follows (``ZDF, Samstag,
    17. Januar: "Frau zu sein ..."``, ``Meran: Weihnachtsmarkt ...``): parts that each read as a sentence of
    their own, for readings that must not look across such a break (tense)."""
    out: list[Span] = []
    for span in spans:
        cuts = [span.start, *(m.end() for m in _COLON_BREAK.finditer(text, span.start, span.end)), span.end]
        out.extend(_spans(text, cuts))
    return out


MAX_SENTENCE_CHARS = 1500
"""Longer stretches without a sentence boundary (run-on scrapes, one-line dumps) become pseudo-sentences."""


def bounded(spans: list[Span], text: str, limit: int = MAX_SENTENCE_CHARS) -> list[Span]:
    """``spans`` with every span longer than ``limit`` cut into pseudo-sentences of at most ``limit`` characters,
    at the last whitespace before the limit (a hard cut where there is none), so later stages see bounded input."""
    out: list[Span] = []
    for span in spans:
        start = span.start
        while span.end - start > limit:
            cut = text.rfind(" ", start + limit // 2, start + limit)
            cut = cut if cut > start else start + limit
            out.append(Span(start, cut))
            start = cut
            while start < span.end and text[start].isspace():
                start += 1
        if span.end > start:
            out.append(Span(start, span.end))
    return out


def _spans(text: str, cuts: list[int]) -> list[Span]:
    spans = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append(Span(start, end))
    return spans


_SOMAJO_MODELS = {"de": "de_CMC", "en": "en_PTB"}


@cache
def _somajo(language: str):  # noqa: ANN202 - somajo.SoMaJo
    from somajo import SoMaJo

    return SoMaJo(_SOMAJO_MODELS[language], split_camel_case=False, character_offsets=True)


def split_sentences_somajo(text: str, language: str | None = None) -> list[Span]:
    """Sentence spans from SoMaJo (German or English rules), paragraph by paragraph."""
    spans: list[Span] = []
    tokenizer = _somajo(rules_language(language))
    for paragraph in _spans(text, sorted({0, len(text), *(m.start() for m in _NEWLINES.finditer(text))})):
        chunk = text[paragraph.start : paragraph.end]
        for sentence in tokenizer.tokenize_text([chunk]):
            offsets = [t.character_offset for t in sentence if t.character_offset is not None]
            if offsets:
                spans.append(Span(paragraph.start + offsets[0][0], paragraph.start + offsets[-1][1]))
    return spans


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: blocks separated by a blank line (or a single newline when there is no blank line)."""
    separator = r"\n\s*\n" if re.search(r"\n\s*\n", text) else r"\n"
    cuts = [0, *(i for m in re.finditer(separator, text) for i in m.span()), len(text)]
    return [(s.start, s.end) for s in _spans(text, cuts)]
