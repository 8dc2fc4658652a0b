"""German NER as a feature-rich linear-chain CRF (python-crfsuite), in the style of non-neural GermEval 2014 systems.

Token features: word identity and lower case, prefixes/suffixes 1-4, word shape, capitalisation (also sentence
initial), position, a +-2 window (the direct neighbours also with their cased word, name-list tags and coarse
cluster), gazetteer tags from the actor dictionary (multi-token names, longest match), names labelled in the
training sentences, name lists (first names, surnames, cities, countries) stored with the model, distributional
word clusters and a capitalisation ratio (how often a word is capitalised inside sentences) learned from unlabeled
text by ``training.entities_ner``. Texts are tokenised by a regex that keeps character offsets, so predicted
spans index straight into the input text."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

from lagebild.language.sentences import split_sentences
from lagebild.language.tokens import token_spans

MODEL_FILE = "crf.bin"  # ".bin" is packaged as data
LEXICON_FILE = "crf_lexicon.json"
MAX_GAZETTEER_TOKENS = 6
MAX_SENTENCE_TOKENS = 150
Span = tuple[int, int, str]


def sentence_token_ranges(
    text: str, tokens: Sequence[tuple[int, int]], language: str = "de"
) -> list[tuple[int, int]]:
    """Token-index ranges of the sentences of ``text`` (``lagebild.language``'s splitter), each cut into pieces
    of at most ``MAX_SENTENCE_TOKENS`` tokens."""
    out: list[tuple[int, int]] = []
    i = 0
    for span in split_sentences(text, language):
        first = i
        while i < len(tokens) and tokens[i][0] < span.end:
            i += 1
        out.extend((a, min(i, a + MAX_SENTENCE_TOKENS)) for a in range(first, i, MAX_SENTENCE_TOKENS))
    if i < len(tokens):
        out.append((i, len(tokens)))
    return out


def shape(word: str) -> str:
    """Compressed word shape: ``"EU-Staaten"`` -> ``"X-Xx"``, ``"2014"`` -> ``"d"``."""
    out: list[str] = []
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


class Lexicon:
    """Gazetteers and word clusters used as features: ``phrases`` maps token tuples to a label; ``words`` maps a
    word to its name-list tags (``fn`` first name, ``ln`` surname, ``city``, ``country``); ``clusters`` maps a
    lower-cased word to cluster ids (coarse and fine); ``caps`` maps it to a capitalisation bucket ``0``-``4``;
    ``seen`` maps names labelled in the training sentences to their usual label."""

    def __init__(
        self,
        phrases: dict[tuple[str, ...], str],
        words: dict[str, list[str]],
        clusters: dict[str, list[str]],
        caps: dict[str, str] | None = None,
        seen: dict[tuple[str, ...], str] | None = None,
    ) -> None:
        self.phrases = phrases
        self.words = words
        self.clusters = clusters
        self.caps = caps or {}
        self.seen = seen or {}

    def to_json(self) -> str:
        return json.dumps(
            {
                "phrases": [[list(k), v] for k, v in sorted(self.phrases.items())],
                "words": self.words,
                "clusters": self.clusters,
                "caps": self.caps,
                "seen": [[list(k), v] for k, v in sorted(self.seen.items())],
            },
            ensure_ascii=False,
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> Lexicon:
        data = json.loads(text)
        return cls(
            {tuple(k): v for k, v in data["phrases"]},
            data["words"],
            data.get("clusters", {}),
            data.get("caps"),
            {tuple(k): v for k, v in data.get("seen", [])},
        )

    def match(
        self, words: Sequence[str], phrases: dict[tuple[str, ...], str] | None = None
    ) -> list[tuple[int, int, str]]:
        """Longest, left-to-right, non-overlapping gazetteer phrases as token spans ``(start, end, label)``;
        ``phrases`` defaults to the actor-dictionary names."""
        phrases = self.phrases if phrases is None else phrases
        starts = _phrase_starts(phrases)
        out, i, n_words = [], 0, len(words)
        while i < n_words:
            longest = starts.get(words[i])
            if longest is not None:
                for n in range(min(longest, n_words - i), 0, -1):
                    label = phrases.get(tuple(words[i : i + n]))
                    if label is not None:
                        out.append((i, i + n, label))
                        i += n
                        break
                else:
                    i += 1
            else:
                i += 1
        return out


_STARTS: dict[int, tuple[dict[tuple[str, ...], str], dict[str, int]]] = {}


def _phrase_starts(phrases: dict[tuple[str, ...], str]) -> dict[str, int]:
    """First word -> longest phrase length (capped) starting with it; cached per phrase dictionary."""
    hit = _STARTS.get(id(phrases))
    if hit is None or hit[0] is not phrases:
        starts: dict[str, int] = {}
        for key in phrases:
            if key:
                starts[key[0]] = max(starts.get(key[0], 0), min(len(key), MAX_GAZETTEER_TOKENS))
        if len(_STARTS) > 16:
            _STARTS.clear()
        hit = _STARTS[id(phrases)] = (phrases, starts)
    return hit[1]


def _word_features(word: str, low: str, shp: str, lexicon: Lexicon) -> list[str]:
    feats = [
        "w=" + word,
        "lw=" + low,
        "sh=" + shp,
        "len=" + str(min(len(word), 8)),
    ]
    feats += ["p" + str(k) + "=" + low[:k] for k in range(1, 5) if len(low) >= k]
    feats += ["s" + str(k) + "=" + low[-k:] for k in range(1, 5) if len(low) >= k]
    if word[:1].isupper():
        feats.append("title")
    if word.isupper() and len(word) > 1:
        feats.append("caps")
    if any(ch.isdigit() for ch in word):
        feats.append("digit")
    if "-" in word:
        feats.append("hyph")
        head, _, tail = word.rpartition("-")
        feats += ["hh=" + head.lower(), "ht=" + tail.lower()]
    for tag in lexicon.words.get(word, ()):
        feats.append("nl=" + tag)
    for cluster in lexicon.clusters.get(low, ()):
        feats.append("c" + cluster)
    if lexicon.caps:
        feats.append(_caps_feature(word, low, lexicon))
    return feats


def _caps_feature(word: str, low: str, lexicon: Lexicon) -> str:
    """How often the word is capitalised inside sentences of the unlabeled text, and whether it is here."""
    return "cr=" + lexicon.caps.get(low, "u") + ("T" if word[:1].isupper() else "l")


class FeatureExtractor:
    """Turns token sequences into crfsuite feature lists; word-intrinsic features are cached per word."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._cache: dict[str, tuple[list[str], str, dict[int, list[str]]]] = {}

    def _word(self, word: str) -> tuple[list[str], str, dict[int, list[str]]]:
        """The word's own features, its lower case, and the features it gives a token ``d`` positions away."""
        hit = self._cache.get(word)
        if hit is None:
            if len(self._cache) > 200_000:
                self._cache.clear()
            low = word.lower()
            clusters = self.lexicon.clusters.get(low) or [""]
            near = ["w=" + word, "c=" + clusters[0], "s3=" + low[-3:]]
            near += ["nl=" + t for t in self.lexicon.words.get(word, ())]
            if self.lexicon.caps:
                near.append(_caps_feature(word, low, self.lexicon))
            shp = shape(word)
            window = ["lw=" + low, "sh=" + shp, "c=" + clusters[-1]]
            neighbour = {
                d: [f"{d}{x}" for x in window + (near if d in (-1, 1) else [])] for d in (-2, -1, 1, 2)
            }
            hit = (_word_features(word, low, shp, self.lexicon), low, neighbour)
            self._cache[word] = hit
        return hit

    def __call__(self, words: Sequence[str]) -> list[list[str]]:
        info = [self._word(w) for w in words]
        n = len(words)
        gaz = bio(n, self.lexicon.match(words))
        seen = bio(n, self.lexicon.match(words, self.lexicon.seen)) if self.lexicon.seen else None
        out = []
        for i in range(n):
            feats = [*info[i][0], "g=" + gaz[i]]
            if seen is not None:
                feats += [
                    "sg=" + seen[i],
                    "-1sg=" + (seen[i - 1] if i else "^"),
                    "1sg=" + (seen[i + 1] if i + 1 < n else "$"),
                ]
            if i == 0:
                feats += ["BOS", "first_title=" + str(words[0][:1].isupper())]
            if i == n - 1:
                feats.append("EOS")
            if i < 3:
                feats.append("pos=" + str(i))
            low = info[i][1]
            for d in (-2, -1, 1, 2):
                j = i + d
                if 0 <= j < n:
                    feats += info[j][2][d]
                    feats.append(f"{d}g={gaz[j]}")
                    if d in (-1, 1):
                        feats.append(f"{d}lw|lw={info[j][1]}|{low}")
                else:
                    feats.append(f"{d}pad")
            out.append(feats)
        return out


def bio(n_tokens: int, spans: Iterable[Span]) -> list[str]:
    """BIO tags for token spans."""
    tags = ["O"] * n_tokens
    for s, e, label in spans:
        tags[s] = "B-" + label
        for k in range(s + 1, e):
            tags[k] = "I-" + label
    return tags


def chunks(tags: Sequence[str]) -> list[Span]:
    """Token spans from BIO tags (a stray ``I-`` opens a span)."""
    spans: list[Span] = []
    start, label = None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        if label is not None and (tag == "O" or prefix == "B" or kind != label):
            spans.append((start, i, label))
            start, label = None, None
        if tag != "O" and label is None:
            start, label = i, kind
    return spans


class CrfTagger:
    """A trained CRF with its lexicon: ``tag(words)`` gives token spans, ``recognise(text)`` character spans."""

    def __init__(self, folder: Path) -> None:
        import pycrfsuite

        self.lexicon = Lexicon.from_json((folder / LEXICON_FILE).read_text(encoding="utf-8"))
        self.features = FeatureExtractor(self.lexicon)
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(folder / MODEL_FILE))

    def tag(self, words: Sequence[str]) -> list[Span]:
        if not words:
            return []
        return chunks(self._tagger.tag(self.features(words)))

    def recognise(self, text: str) -> list[Span]:
        """Entity spans as character offsets into ``text``."""
        tokens = token_spans(text)
        out: list[Span] = []
        for a, b in sentence_token_ranges(text, tokens):
            words = [text[s:e] for s, e in tokens[a:b]]
            for s, e, label in self.tag(words):
                out.append((tokens[a + s][0], tokens[a + e - 1][1], label))
        return out

    def gazetteer(self, text: str) -> list[Span]:
        """Dictionary names in ``text`` as character spans (longest match over the regex tokens)."""
        tokens = token_spans(text)
        words = [text[s:e] for s, e in tokens]
        return [(tokens[s][0], tokens[e - 1][1], label) for s, e, label in self.lexicon.match(words)]


@cache
def load_crf(path: str | None = None) -> CrfTagger | None:
    """The packaged CRF tagger, loaded once per process; None when no CRF model is packaged."""
    from lagebild.entities.ner import model_dir

    folder = Path(path) if path else model_dir()
    if not (folder / MODEL_FILE).exists() or not (folder / LEXICON_FILE).exists():
        return None
    return CrfTagger(folder)
