"""Entities benchmark: German NER (exact-span, CoNLL-style P/R/F1 by type) and actor resolution, one table.

    python benchmarks/entities.py [--data ../shared/data/german-ner]

NER sets: GermEval 2014 test sentences 3001-5100 (outer chunks; -deriv/-part types are not entities here, OTH is
MISC) and German Europarl test, also scored with its lower-case MISC adjectives ("europäischen") removed from the
gold, as GermEval and the model's training do not count them as entities. Systems: the packaged CRF, the shipped
stage path (model + actor gazetteer), the gazetteer alone, and any other German NER that can run offline (spaCy
German pipelines, flair, stanza: each is tried and reported).
Actor resolution: benchmarks/data/actors_dev.jsonl (GermEval sentences, CC BY 4.0), precision/recall of actor ids.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # training/: the gold readers

from lagebild.actors import shipped  # noqa: E402
from lagebild.entities.crf import load_crf  # noqa: E402
from lagebild.entities.stage import EntityStage  # noqa: E402
from lagebild.model import Article  # noqa: E402
from training.conll import Sentence, germeval_split, read_europarl  # noqa: E402
from training.entities_ner import germeval_convention  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TYPES = ("PER", "ORG", "LOC", "MISC")
MODELS = ("lagebild CRF",)
Spans = list[tuple[int, int, str]]


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(gold: list[Spans], pred: list[Spans]) -> dict[str, tuple[float, float, float, int]]:
    """Exact-span P/R/F1 per type and overall ("ALL", micro-averaged), with gold support."""
    tp, npred, ngold = Counter(), Counter(), Counter()
    for g, p in zip(gold, pred, strict=True):
        gs, ps = set(g), set(p)
        for _, _, label in gs:
            ngold[label] += 1
        for span in ps:
            npred[span[2]] += 1
            tp[span[2]] += span in gs
    out = {t: (*prf(tp[t], npred[t], ngold[t]), ngold[t]) for t in TYPES}
    out["ALL"] = (*prf(sum(tp.values()), sum(npred.values()), sum(ngold.values())), sum(ngold.values()))
    return out


def stage_spans(texts: list[str]) -> list[Spans]:
    stage = EntityStage(roles=False)
    return [stage.recognise(t) for t in texts]


def crf_spans(texts: list[str]) -> list[Spans]:
    tagger = load_crf()
    return [tagger.recognise(t) for t in texts]


def gazetteer_spans(texts: list[str]) -> list[Spans]:
    tagger = load_crf()
    return [tagger.gazetteer(t) for t in texts]


def peer_systems() -> tuple[dict[str, Callable[[list[str]], list[Spans]]], list[str]]:
    """Other German NER systems that load without downloading anything; notes for those that do not."""
    systems: dict[str, Callable[[list[str]], list[Spans]]] = {}
    notes = []
    try:
        import spacy
    except ImportError:
        return systems, [
            "spaCy is not installed, so no spaCy German pipeline can run; flair and stanza need downloaded weights"
        ]

    for name in ("de_core_news_lg", "de_core_news_md", "de_core_news_sm", "de_dep_news_trf"):
        try:
            peer = spacy.load(name, disable=["parser", "lemmatizer", "tagger", "morphologizer"])
        except OSError:
            continue

        def run(texts: list[str], peer=peer) -> list[Spans]:  # noqa: ANN001
            return [
                [(e.start_char, e.end_char, e.label_ if e.label_ in TYPES else "MISC") for e in d.ents]
                for d in peer.pipe(texts)
            ]

        systems[f"spaCy {name}"] = run
    if not systems:
        notes.append(
            "spaCy German pipelines (de_core_news_*): not installed, not on PyPI, no download allowed"
        )
    for module in ("flair", "stanza"):
        try:
            __import__(module)
            notes.append(f"{module}: installed, but its German NER weights need a download (not allowed)")
        except ImportError:
            notes.append(f"{module}: not installed (its German NER weights need a download anyway)")
    return systems, notes


def timed(fn: Callable[[list[str]], list[Spans]], texts: list[str]) -> tuple[list[Spans], float]:
    start = time.perf_counter()
    out = fn(texts)
    return out, len(texts) / max(time.perf_counter() - start, 1e-9)


def ner_rows(name: str, sentences: Iterable[Sentence], systems: dict) -> list[list[str]]:
    pairs = [s.text_and_offsets() for s in sentences]
    texts, gold = [p[0] for p in pairs], [p[1] for p in pairs]
    rows = []
    for system, fn in systems.items():
        pred, speed = timed(fn, texts)
        for kind, (p, r, f, n) in score(gold, pred).items():
            if kind == "ALL" or system in MODELS:
                rows.append(
                    [
                        "NER",
                        name,
                        system,
                        kind,
                        f"{p:.3f}",
                        f"{r:.3f}",
                        f"{f:.3f}",
                        str(n),
                        f"{speed:,.0f}" if kind == "ALL" else "",
                    ]
                )
    return rows


def actor_rows(path: Path) -> list[list[str]]:
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    stage = EntityStage()

    def in_context(item: dict) -> str | None:
        article = stage(Article(id="dev", text=item["text"], language="de"))
        best = [e for e in article.entities if e.start == item["start"] and e.end == item["end"]]
        best = best or [e for e in article.entities if e.start < item["end"] and item["start"] < e.end]
        return best[0].actor if best else None

    def by_name(item: dict) -> str | None:
        actor = shipped().lookup(item["mention"])
        return actor.id if actor else None

    rows = []
    for system, fn in (
        ("EntityStage (NER + context)", in_context),
        ("lookup(mention) on gold span", by_name),
    ):
        start = time.perf_counter()
        preds = [fn(item) for item in items]
        speed = len(items) / max(time.perf_counter() - start, 1e-9)
        tp = sum(
            1 for item, pred in zip(items, preds, strict=True) if pred is not None and pred == item["gold"]
        )
        n_pred = sum(pred is not None for pred in preds)
        n_gold = sum(item["gold"] is not None for item in items)
        p, r, f = prf(tp, n_pred, n_gold)
        rows.append(
            [
                "actors",
                path.name,
                system,
                "ids",
                f"{p:.3f}",
                f"{r:.3f}",
                f"{f:.3f}",
                str(n_gold),
                f"{speed:,.0f}",
            ]
        )
    return rows


def sentence_rows(sentences: list[Sentence], group: int = 10) -> list[list[str]]:
    """Sentence-boundary P/R/F1: gold sentences joined into paragraphs of ``group``, split again."""
    from lagebild.language import split_sentences, split_sentences_somajo

    texts, golds = [], []
    for i in range(0, len(sentences), group):
        parts = [s.text_and_offsets()[0] for s in sentences[i : i + group]]
        ends, pos = set(), 0
        for part in parts:
            pos += len(part)
            ends.add(pos)
            pos += 1
        texts.append(" ".join(parts))
        golds.append(ends)
    rows = []
    for system, fn in (("lagebild fast rules", split_sentences), ("SoMaJo 2.x", split_sentences_somajo)):
        start = time.perf_counter()
        preds = [{span.end for span in fn(text, "de")} for text in texts]
        speed = len(sentences) / max(time.perf_counter() - start, 1e-9)
        tp = sum(len(p & g) for p, g in zip(preds, golds, strict=True))
        p, r, f = prf(tp, sum(map(len, preds)), sum(map(len, golds)))
        rows.append(
            [
                "sentences",
                "GermEval14 test 3001-5100",
                system,
                "ends",
                f"{p:.3f}",
                f"{r:.3f}",
                f"{f:.3f}",
                str(sum(map(len, golds))),
                f"{speed:,.0f}",
            ]
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "german-ner")
    parser.add_argument("--actors-dev", type=Path, default=ROOT / "benchmarks" / "data" / "actors_dev.jsonl")
    args = parser.parse_args()

    if load_crf() is None:
        raise SystemExit("missing NER model: run python -m lagebild.entities.train first")
    systems: dict[str, Callable[[list[str]], list[Spans]]] = {
        "lagebild CRF": crf_spans,
        "EntityStage (CRF+gazetteer)": stage_spans,
        "gazetteer only": gazetteer_spans,
    }
    peers, notes = peer_systems()
    systems.update(peers)
    crf_spans(["Warmlauf in Berlin."])  # load once before timing
    crf_spans(["Warmlauf in Berlin."])

    _, germeval_test = germeval_split(args.data / "germeval2014")
    rows = ner_rows("GermEval14 test 3001-5100", germeval_test, systems)
    europarl_test = list(read_europarl(args.data / "europarl" / "test.tsv"))
    rows += ner_rows("Europarl test", europarl_test, systems)
    rows += ner_rows("Europarl test, adj. not MISC", [germeval_convention(s) for s in europarl_test], systems)
    rows += actor_rows(args.actors_dev)
    rows += sentence_rows(germeval_test)

    header = ["task", "dataset", "system", "type", "P", "R", "F1", "gold", "items/s"]
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, ["-" * w for w in widths], *rows]:
        print(
            "  ".join(
                str(c).ljust(w) if i < 4 else str(c).rjust(w)
                for i, (c, w) in enumerate(zip(row, widths, strict=True))
            )
        )
    print(
        "items/s: sentences per second (NER, sentences; one process, one thread); mentions per second (actors)."
    )
    for note in notes:
        print("peer:", note)


if __name__ == "__main__":
    main()
