"""Quotation benchmark on SpkAtt-2023 (German parliamentary speech events) and a German news dev set.

SpkAtt-2023 gives Cue, Source and Message per speech event; benchmarks/data/quotes_de_news.jsonl holds hand-annotated
German sentences (quote span, kind, cue, speaker): the "tune" half (GermEval 2014 news/Wikipedia sentences, read while
writing rules), the held-out "test" half (SmartData news sentences, never read for rules) and "all", the whole set.

Gold: every annotated speech event with a Message. A message counts as "direct" when most of its words stand inside
quotation marks, else "indirect". A predicted quotation matches a gold message exactly when both cover the same words
(punctuation ignored), by overlap when they share a word (one-to-one, best overlap first; among equal overlaps, e.g.
two gold events with one message such as "fordern Sie - ich zitiere - „…“", the pairing whose speaker agrees wins);
"+speaker" also needs the predicted speaker mention to share a word with the gold Source (or both to be empty).
Quotation marks for the direct/indirect split are paired on the text (each opener „ » " with the next closer “ « "),
so a mark glued to a word ("„Cap and Trade“-System") or left unclosed does not turn the rest of a speech "direct". Peers: no German quotation or
speaker-attribution tool with a bundled model installs offline from PyPI; the "marks only" row is the plain
quotation-mark baseline (every quoted span, no speaker).

    python benchmarks/quotes.py [--data ../shared/data/spkatt-2023] [--splits dev train] [--news PATH]
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import dataclass, field
from pathlib import Path

from lagebild.language.tokens import tokenize
from lagebild.model import Article, Quote, Span
from lagebild.quotes import QuoteStage
from lagebild.quotes.marks import find_marked

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "spkatt-2023"
DEFAULT_NEWS = ROOT / "benchmarks" / "data" / "quotes_de_news.jsonl"
NO_SPACE_AFTER = {"„", "»", "‚", "(", "[", "“"}
NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", ")", "]", "“", "«", "‘", "%"}


@dataclass
class Gold:
    message: frozenset[int]
    source: frozenset[int]
    kind: str


@dataclass
class Doc:
    article: Article
    token_spans: list[tuple[int, int]]
    punct: set[int]
    gold: list[Gold] = field(default_factory=list)


def load(path: Path) -> Doc:
    data = json.loads(path.read_text(encoding="utf-8"))
    parts: list[str] = []
    pos = 0
    index: dict[str, int] = {}
    spans: list[tuple[int, int]] = []
    sentences: list[Span] = []
    open_mark = False
    prev = ""
    for sentence in data["Sentences"]:
        sent_start = None
        for t, token in enumerate(sentence["Tokens"]):
            is_closer = token == "“" or (token == '"' and open_mark) or token == "«"
            glue = (
                prev in NO_SPACE_AFTER or (prev == '"' and open_mark) or token in NO_SPACE_BEFORE or is_closer
            )
            if parts and not glue:
                parts.append(" ")
                pos += 1
            index[f"{sentence['SentenceId']}:{t}"] = len(spans)
            spans.append((pos, pos + len(token)))
            sent_start = pos if sent_start is None else sent_start
            parts.append(token)
            pos += len(token)
            if token in {"„", "»"} or (token == '"' and not open_mark):
                open_mark = True
            elif token in {"“", "«"} or token == '"':
                open_mark = False
            prev = token
        if sent_start is not None:
            sentences.append(Span(sent_start, pos))
    text = "".join(parts)
    punct = {i for i, (s, e) in enumerate(spans) if not any(ch.isalnum() for ch in text[s:e])}
    ranges = quoted_ranges(text)
    quoted = [any(a <= (s + e) // 2 < b for a, b in ranges) for s, e in spans]
    article = Article(id=path.stem, language="de", text=text, sentences=sentences)
    doc = Doc(article, spans, punct)
    for ann in data["Annotations"]:
        message = frozenset(index[t] for t in ann["Message"] if t in index) - punct
        if not message:
            continue
        source = frozenset(index[t] for t in ann["Source"] if t in index) - punct
        inside = sum(quoted[i] for i in message)
        doc.gold.append(Gold(message, source, "direct" if inside * 2 > len(message) else "indirect"))
    return doc


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks: each opener („ » or a straight quote) pairs with the next closer
    (“ « or a straight quote); an opener followed by another opener before any closer stays unpaired."""
    ranges: list[tuple[int, int]] = []
    opened: int | None = None
    for i, ch in enumerate(text):
        straight = ch == '"'
        if opened is not None and (ch in "“«" or straight):
            ranges.append((opened, i))
            opened = None
        elif ch in "„»" or straight:
            opened = i + 1
    return ranges


def load_news(path: Path) -> dict[str, list[Doc]]:
    """The news dev set as one single-sentence document per line, grouped by split ("tune", "test")."""
    splits: dict[str, list[Doc]] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if not line.strip():
            continue
        item = json.loads(line)
        text = item["text"]
        tokens = tokenize(text)
        spans = [(t.start, t.end) for t in tokens]
        punct = {i for i, t in enumerate(tokens) if not any(ch.isalnum() for ch in t.text)}
        article = Article(id=item.get("id", str(n)), language="de", text=text, sentences=[Span(0, len(text))])
        doc = Doc(article, spans, punct)
        for q in item["quotes"]:
            message = tokens_in(doc, q["start"], q["end"])
            source = (
                tokens_in(doc, q.get("speaker_start"), q.get("speaker_end"))
                if q.get("speaker")
                else frozenset()
            )
            doc.gold.append(Gold(message, source, q["kind"]))
        splits.setdefault(item.get("split", "all"), []).append(doc)
    return splits


def tokens_in(doc: Doc, start: int | None, end: int | None) -> frozenset[int]:
    if start is None or end is None:
        return frozenset()
    return frozenset(
        i for i, (s, e) in enumerate(doc.token_spans) if s < end and start < e and i not in doc.punct
    )


def marks_only(doc: Doc) -> list[Quote]:
    text = doc.article.text
    return [Quote(m.start, m.end, text[m.start : m.end], "direct") for m in find_marked(text)]


@dataclass
class Counts:
    pred: int = 0
    gold: int = 0
    exact: int = 0
    overlap: int = 0
    speaker: int = 0
    kind_ok: int = 0

    def add(self, other: Counts) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def score(doc: Doc, quotes: list[Quote], kind: str | None) -> Counts:
    golds = [g for g in doc.gold if kind is None or g.kind == kind]
    preds = [
        (
            q,
            tokens_in(doc, q.start, q.end),
            tokens_in(doc, q.speaker.start, q.speaker.end) if q.speaker else None,
        )
        for q in quotes
        if kind is None or q.kind == kind
    ]
    preds = [p for p in preds if p[1]]
    counts = Counts(pred=len(preds), gold=len(golds))
    counts.exact = sum(1 for _, words, _ in preds if any(words == g.message for g in golds))
    pairs = sorted(
        (
            (len(w & g.message) / len(w | g.message), speaker_ok(g, sp), -p, -gi)
            for p, (_, w, sp) in enumerate(preds)
            for gi, g in enumerate(golds)
            if w & g.message
        ),
        reverse=True,
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    for _, _, p, gi in pairs:
        p, gi = -p, -gi
        if p in used_p or gi in used_g:
            continue
        used_p.add(p)
        used_g.add(gi)
        quote, _, speaker = preds[p]
        gold = golds[gi]
        counts.overlap += 1
        counts.kind_ok += quote.kind == gold.kind
        counts.speaker += speaker_ok(gold, speaker)
    return counts


def speaker_ok(gold: Gold, speaker: frozenset[int] | None) -> bool:
    """The predicted speaker mention shares a word with the gold Source, or both are empty."""
    return (not gold.source and not speaker) or bool(speaker and speaker & gold.source)


def prf(hit: int, pred: int, gold: int) -> str:
    p = hit / pred if pred else 0.0
    r = hit / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{p:5.2f} {r:5.2f} {f:5.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--splits", nargs="+", default=["dev", "train"])
    parser.add_argument("--news", type=Path, default=DEFAULT_NEWS, help="news dev set (JSON lines)")
    args = parser.parse_args()
    stage = QuoteStage()
    systems = {"lagebild": lambda d: stage(d.article).quotes, "marks only": marks_only}
    header = (
        f"{'system':11} {'data':6} {'split':5} {'subset':8} {'gold':>5} {'pred':>5}  {'exact P/R/F1':17}  "
        f"{'overlap P/R/F1':17}  {'+speaker P/R/F1':17}  {'kind':>5} {'sent/s':>7}"
    )
    print(header)
    print("-" * len(header))
    datasets = [
        ("spkatt", split, [load(p) for p in sorted((args.data / "data" / split / "task1").glob("*.json"))])
        for split in args.splits
    ]
    if args.news.exists():
        news = sorted(load_news(args.news).items(), reverse=True)
        datasets += [("news", split, docs) for split, docs in news]
        datasets.append(("news", "all", [doc for _, docs in news for doc in docs]))  # the whole set
    for data_name, split, docs in datasets:
        n_sentences = sum(len(d.article.sentences) for d in docs)
        for name, system in systems.items():
            began = time.perf_counter()
            outputs = [system(d) for d in docs]
            speed = n_sentences / max(time.perf_counter() - began, 1e-9)
            for subset in (None, "direct", "indirect"):
                total = Counts()
                for doc, quotes in zip(docs, outputs, strict=True):
                    total.add(score(doc, quotes, subset))
                kind = (
                    f"{total.kind_ok / total.overlap:5.2f}" if subset is None and total.overlap else "    -"
                )
                print(
                    f"{name:11} {data_name:6} {split:5} {subset or 'all':8} {total.gold:5d} {total.pred:5d}  "
                    f"{prf(total.exact, total.pred, total.gold)}  {prf(total.overlap, total.pred, total.gold)}  "
                    f"{prf(total.speaker, total.pred, total.gold)}  {kind} {speed:7.0f}"
                )


if __name__ == "__main__":
    main()
