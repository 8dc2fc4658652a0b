"""The tokenizer every stage uses: words, numbers, abbreviations and punctuation with character offsets.

Initialisms ("U.S.", "z.B.") and common abbreviations before a space ("Dr.", "Nr.") are one token with their
dots; numbers keep their separators ("12.000", "3,5", "12:30") and the words they open a compound with
("56-Jährige", "1:0-Sieg"); words keep inner hyphens, apostrophes,
dots, ampersands and slashes ("EU-Staaten", "d'Arc", "A&B") and a trailing hyphen ("Nord-"); any other
non-space character is a token of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TOKEN_PATTERN = re.compile(
    r"(?:[A-Za-zÄÖÜäöü]\.){2,}"  # initialisms: "U.S.", "z.B."
    r"|(?:Dr|Prof|St|Nr|Abs|Art|Mio|Mrd|bzw|ca|vgl|usw|etc|Jh|Hr|Fr)\.(?=\s)"  # common abbreviations
    r"|\d+(?:[.,:]\d+)*(?:-[^\W\d_]\w*)*"  # numbers, and compounds opening with one ("56-Jährige")
    r"|\w+(?:[-'’.&/]\w+)*-?"  # words, compounds ("EU-Staaten", "Nord-"), "d'Arc"
    r"|\S"
)
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True, slots=True)
class Token:
    """A word, number or punctuation mark at ``[start, end)``."""

    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_upper_initial(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_word(self) -> bool:
        """True for a token with a letter in it (words, compounds, abbreviations; not numbers or punctuation)."""
        return _LETTER.search(self.text) is not None


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    end = len(text) if end is None else end
    return [Token(m.group(), m.start(), m.end()) for m in TOKEN_PATTERN.finditer(text, start, end)]


def token_spans(text: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the tokens of ``text``."""
    return [m.span() for m in TOKEN_PATTERN.finditer(text)]


def words(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """The word tokens of ``text[start:end]`` (those with a letter), as written."""
    end = len(text) if end is None else end
    return [w for w in TOKEN_PATTERN.findall(text, start, end) if _LETTER.search(w)]


_SEARCH_TERM = re.compile(r"\w+")


def search_terms(text: str) -> list[str]:
    """The runs of word characters of ``text``: its terms as SQLite FTS5's ``unicode61`` tokenizer splits them
    (the full-text index's unit, so that a query or a watched search matches what the index holds)."""
    return _SEARCH_TERM.findall(text)
