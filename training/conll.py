"""Readers for the German NER gold files (GermEval 2014, German Europarl) as token/label sentences.

Labels are reduced to the four types PER, ORG, LOC, MISC on outer chunks; GermEval ``OTH`` becomes ``MISC`` and
its ``-deriv``/``-part`` types (adjectives such as "deutsche", compounds such as "EU-Staaten") are not entities here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_TYPES = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "OTH": "MISC", "MISC": "MISC"}
_NO_SPACE_BEFORE = frozenset(",.;:!?)]}%'\"")
_NO_SPACE_AFTER = frozenset("([{„")


@dataclass
class Sentence:
    words: list[str]
    spans: list[tuple[int, int, str]]  # token spans [start, end) with label

    def spaces(self) -> list[bool]:
        """Plausible whitespace after each token (the gold files are tokenised without it)."""
        out = []
        for i, word in enumerate(self.words):
            nxt = self.words[i + 1] if i + 1 < len(self.words) else None
            out.append(nxt is not None and nxt not in _NO_SPACE_BEFORE and word not in _NO_SPACE_AFTER)
        return out

    def text_and_offsets(self) -> tuple[str, list[tuple[int, int, str]]]:
        """Detokenised text and the gold spans as character offsets."""
        starts, ends, parts, pos = [], [], [], 0
        for word, space in zip(self.words, self.spaces(), strict=True):
            starts.append(pos)
            parts.append(word + (" " if space else ""))
            pos += len(word)
            ends.append(pos)
            pos += 1 if space else 0
        return "".join(parts), [(starts[s], ends[e - 1], label) for s, e, label in self.spans]


def _chunks(tags: list[str], iob1: bool) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    start, label = None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        mapped = _TYPES.get(kind) if tag != "O" else None
        begins = mapped is not None and (prefix == "B" or mapped != label or (not iob1 and prefix != "I"))
        if label is not None and (mapped is None or begins):
            spans.append((start, i, label))
            start, label = None, None
        if mapped is not None and label is None:
            start, label = i, mapped
    return spans


def read_germeval(path: Path) -> Iterator[Sentence]:
    """Sentences of a GermEval 2014 TSV (id, token, outer tag, inner tag); outer chunks only."""
    yield from _read(path, token_col=1, tag_col=2, iob1=False, skip_comments=True)


def read_europarl(path: Path) -> Iterator[Sentence]:
    """Sentences of the German Europarl NER TSV (token, lemma, POS, chunk, NER in IOB1)."""
    yield from _read(path, token_col=0, tag_col=4, iob1=True, skip_comments=False)


def _read(path: Path, token_col: int, tag_col: int, iob1: bool, skip_comments: bool) -> Iterator[Sentence]:
    words: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in [*fh, "\n"]:
            line = line.rstrip("\n")
            if skip_comments and line.startswith("#"):
                continue
            if not line.strip():
                if words:
                    yield Sentence(words, _chunks(tags, iob1))
                words, tags = [], []
                continue
            cols = line.split("\t")
            words.append(cols[token_col])
            tags.append(cols[tag_col] if len(cols) > tag_col else "O")


def germeval_split(root: Path) -> tuple[list[Sentence], list[Sentence]]:
    """This project's GermEval split: train = dev + test 1-3000, report = test 3001-5100."""
    test = list(read_germeval(root / "test.tsv"))
    return list(read_germeval(root / "dev.tsv")) + test[:3000], test[3000:]
