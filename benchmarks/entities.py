"""Entities benchmark: German NER (exact-span, CoNLL-style P/R/F1 by type) and actor resolution, one table.

    python benchmarks/entities.py [--data ../shared/data/german-ner]

NER sets: GermEval 2014 test sentences 3001-5100 (outer chunks; -deriv/-part types are not entities here, OTH is
MISC) and German Europarl test, also scored with its lower-case MISC adjectives ("europäischen") removed from the
gold, as GermEval and the model's training do not count them as entities. Systems: the packaged CRF, the shipped
stage path (model + actor gazetteer), the gazetteer alone, and any other German NER that can run offline (spaCy
German pipelines, flair, stanza: each is tried and reported).
Actor resolution, precision/recall of actor ids: benchmarks/data/actors_news.jsonl, every PER/ORG/LOC name mention of
79 SmartData news documents (gold NER spans of the corpus; dev and held-out test halves by document), each labelled
with the dictionary actor it refers to or as not in the dictionary, so recall also counts names the dictionary lacks;
rows for names (including names inside compounds, "CDU-Chefin") and for all forms (also nominal mentions such as "der
Konzern" and adjectives such as "Schweizer"). The systems run on whole documents. "unknown resolved" counts mentions
of actors the dictionary lacks that got an id anyway. Learned actors: the persons ``learn_batch`` learns from each
half, scored against the distinct persons the dictionary lacks (a learned person is correct when its name is the gold
name). Also benchmarks/data/actors_dev.jsonl (GermEval sentences outside the NER test range, dictionary-matched
mentions plus random others; CC BY 4.0).
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
from lagebild.actors.dictionary import slug  # noqa: E402
from lagebild.actors.learning import learn_batch  # noqa: E402
from lagebild.entities.crf import load_crf  # noqa: E402
from lagebild.entities.stage import EntityStage  # noqa: E402
from lagebild.ingest import make_article  # noqa: E402
from lagebild.language import split_sentences  # noqa: E402
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


def _row(dataset: str, system: str, kind: str, tp: int, n_pred: int, n_gold: int, speed: str) -> list[str]:
    p, r, f = prf(tp, n_pred, n_gold)
    return ["actors", dataset, system, kind, f"{p:.3f}", f"{r:.3f}", f"{f:.3f}", str(n_gold), speed]


def actor_rows(path: Path) -> list[list[str]]:
    """Sentence gold (one mention per line): the entity stage on the sentence, and lookup of the gold span."""
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    stage = EntityStage()

    def in_context(item: dict) -> str | None:
        article = stage(Article(id="dev", text=item["text"], language="de"))
        return actor_at(article, item["start"], item["end"])

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
        rows.append(_row(path.name, system, "ids", tp, n_pred, n_gold, f"{speed:,.0f}"))
    return rows


def actor_at(article: Article, start: int, end: int) -> str | None:
    """The actor of the entity on exactly ``start:end``, else of the first entity overlapping it."""
    best = [e for e in article.entities if e.start == start and e.end == end]
    best = best or [e for e in article.entities if e.start < end and start < e.end]
    return best[0].actor if best else None


def by_name(item: dict) -> str | None:
    actor = shipped().lookup(item["mention"])
    return actor.id if actor else None


def news_article(doc: dict) -> Article:
    """A gold document as the entity stage sees it after ingest and the language stage (text kept as is)."""
    url = doc["id"].removeprefix("smartdata-v1:").split("@", 1)[0]
    article = make_article(doc["text"], "text", url=url, published=doc["published"][:10], language="de")
    article.text = doc["text"]
    article.published = doc["published"][:10]
    article.sentences = split_sentences(doc["text"], "de")
    return article


def news_actor_rows(path: Path) -> list[list[str]]:
    """Document gold with every name mention: resolution per half and form, and the persons learned per half."""
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = []
    for half in ("dev", "test"):
        part = [d for d in docs if d["split"] == half]
        dataset = f"{path.stem} {half}"
        stage = EntityStage()
        start = time.perf_counter()
        articles = [stage(news_article(d)) for d in part]
        speed = sum(len(d["mentions"]) for d in part) / max(time.perf_counter() - start, 1e-9)
        staged = [
            actor_at(a, m["start"], m["end"])
            for a, d in zip(articles, part, strict=True)
            for m in d["mentions"]
        ]
        named = [by_name(m) for d in part for m in d["mentions"]]
        mentions = [m for d in part for m in d["mentions"]]
        for system, preds, rate in (
            ("EntityStage (NER + context)", staged, f"{speed:,.0f}"),
            ("lookup(mention) on gold span", named, ""),
        ):
            for kind, forms in (("ids, names", ("name", "part")), ("ids, all forms", None)):
                pairs = [
                    (m, p)
                    for m, p in zip(mentions, preds, strict=True)
                    if forms is None or m["form"] in forms
                ]
                tp = sum(1 for m, p in pairs if p is not None and p == m["gold"])
                n_pred = sum(p is not None for _, p in pairs)
                n_gold = sum(m["gold"] is not None for m, _ in pairs)
                rows.append(
                    _row(dataset, system, kind, tp, n_pred, n_gold, rate if kind == "ids, names" else "")
                )
                if forms is None:
                    unknown = [p for m, p in pairs if m["gold"] is None]
                    wrong = sum(p is not None for p in unknown)
                    rows.append(
                        [
                            "actors",
                            dataset,
                            system,
                            "unknown resolved",
                            "",
                            "",
                            "",
                            f"{wrong}/{len(unknown)}",
                            "",
                        ]
                    )
        rows.append(learned_row(dataset, part, articles))
    return rows


def learned_row(dataset: str, docs: list[dict], articles: list[Article]) -> list[str]:
    """Persons learned from one half against the distinct persons of its gold that the dictionary lacks."""
    gold = {
        f"per.{slug(m['name'])}"
        for d in docs
        for m in d["mentions"]
        if m["gold"] is None and m["type"] == "PER" and m["form"] == "name" and len(m["name"].split()) > 1
    }
    learned = {actor.id for actor in learn_batch(articles, shipped())}
    return _row(
        dataset, "learn_batch (learned persons)", "persons", len(learned & gold), len(learned), len(gold), ""
    )


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


def ner_and_sentence_rows(data: Path) -> tuple[list[list[str]], list[str]]:
    """NER rows of every system on GermEval test 3001-5100 and Europarl test, sentence splitting rows; peer notes."""
    systems: dict[str, Callable[[list[str]], list[Spans]]] = {
        "lagebild CRF": crf_spans,
        "EntityStage (CRF+gazetteer)": stage_spans,
        "gazetteer only": gazetteer_spans,
    }
    peers, notes = peer_systems()
    systems.update(peers)
    crf_spans(["Warmlauf in Berlin."])  # load once before timing
    crf_spans(["Warmlauf in Berlin."])
    _, germeval_test = germeval_split(data / "germeval2014")
    rows = ner_rows("GermEval14 test 3001-5100", germeval_test, systems)
    europarl_test = list(read_europarl(data / "europarl" / "test.tsv"))
    rows += ner_rows("Europarl test", europarl_test, systems)
    rows += ner_rows("Europarl test, adj. not MISC", [germeval_convention(s) for s in europarl_test], systems)
    rows += sentence_rows(germeval_test)
    return rows, notes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "german-ner")
    parser.add_argument("--actors-dev", type=Path, default=ROOT / "benchmarks" / "data" / "actors_dev.jsonl")
    parser.add_argument(
        "--actors-news", type=Path, default=ROOT / "benchmarks" / "data" / "actors_news.jsonl"
    )
    parser.add_argument("--actors-only", action="store_true", help="only the actor rows (no NER model runs)")
    args = parser.parse_args()

    if load_crf() is None:
        raise SystemExit("missing NER model: run python -m training.entities_ner first")
    rows, notes = ([], []) if args.actors_only else ner_and_sentence_rows(args.data)
    rows += actor_rows(args.actors_dev)
    rows += news_actor_rows(args.actors_news)

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
