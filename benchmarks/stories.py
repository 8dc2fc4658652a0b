"""Story clustering benchmark on real multi-outlet German news: BCubed and pairwise P/R/F1, and streaming throughput.

Gold: ``benchmarks/data/stories_news.jsonl``, 657 German news articles (the news documents of the DFKI SmartData pool,
Nov 2015 - Jul 2016, about 300 outlets; KRAUTS Die Zeit and Dolomiten) with their publication dates, grouped into
stories by reading them under the guideline in ``benchmarks/data/stories_news.SOURCE.md`` before any system was run on
them. The file holds article keys, dates and story labels only; the texts are read from ``--data`` at run time.
Stories were split into a tune and a held-out half before any system output was looked at; every setting chosen on
this gold (the single-link threshold here, clusterer parameters in ``lagebild.stories``) was chosen on the tune half,
and the held-out half is the figure to report. Each half is clustered as its own stream, in publication order.

Systems, side by side in one run:

- lagebild's streaming clusterer, on the articles after its language, entity and event stages (actors and events
  take part in the similarity), and on the bare texts;
- TF-IDF + HDBSCAN (cosine distance, minimum cluster size 2; noise points are singletons);
- TF-IDF + single-link agglomerative clustering, cut at the cosine distance that gives the best BCubed F1 on the
  tune half;
- every article its own story, the floor: most gold stories are single articles, so BCubed rewards doing nothing,
  and pairwise F1 (zero for this row) is the measure of how well reports of one story are joined.

``--agreement`` prints the agreement between the gold and a second, independent grouping of 50 of its articles
(``benchmarks/data/stories_news_second.jsonl``). Throughput: synthetic articles (about 2,500 characters, actors, dated
in order) are written to a DuckDB store in steps, and ``update_stories`` is timed after each step.

Run: .venv/bin/python benchmarks/stories.py [--data ../shared/data] [--sizes 10000,50000,100000] [--agreement]
(``--sizes ''`` skips the throughput rows)
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import random
import re
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

import numpy as np
from rich.console import Console
from rich.table import Table
from sklearn.cluster import HDBSCAN, AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer

from lagebild.model import Article, Entity, Source
from lagebild.store import Store
from lagebild.stories import StoryClusterer, update_stories

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "benchmarks" / "data" / "stories_news.jsonl"
SECOND = ROOT / "benchmarks" / "data" / "stories_news_second.jsonl"
SMARTDATA = Path("smartdata-de") / "smartdata_v1_pool.jsonl.gz"
KRAUTS_OUTLETS = {"KRAUTS_DieZeit": "Die Zeit", "KRAUTS_Dolomiten-42": "Dolomiten"}
SINGLE_LINK_GRID = [round(0.30 + 0.05 * k, 2) for k in range(13)]
"""Cosine distances tried for the single-link cut on the tune half (0.30 ... 0.90)."""


# -- gold ----------------------------------------------------------------------------------------------------
class GoldArticle(NamedTuple):
    """One labelled article: its key in the source corpus, publication date, story label and half."""

    key: str
    published: str
    story: str
    half: str


def load_gold(path: Path = GOLD) -> list[GoldArticle]:
    """The labelled articles of ``path`` (lines with ``excluded`` are the pages left out, see the SOURCE note)."""
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        if "excluded" in row:
            continue
        missing = {"article", "published", "story", "half"} - row.keys()
        if missing:
            raise ValueError(f"{path.name}:{number}: missing {sorted(missing)}")
        if row["half"] not in ("tune", "heldout"):
            raise ValueError(f"{path.name}:{number}: half must be tune or heldout, not {row['half']!r}")
        out.append(GoldArticle(row["article"], row["published"], row["story"], row["half"]))
    return out


def _outlet(url: str) -> str:
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.").lower()


def smartdata_articles(data: Path, ids: set[str]) -> dict[str, Article]:
    """The SmartData pool's documents among ``ids`` as articles (outlet: the page's host), by document id."""
    path = data / SMARTDATA
    found = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            doc = json.loads(line)
            if doc["id"] in ids:
                found[doc["id"]] = Article(
                    id=f"smartdata:{doc['id']}", source=Source(name=_outlet(doc["id"])), text=doc["text"]
                )
    return found


def _krauts(data: Path, name: str) -> Article:
    """A KRAUTS TimeML file as an article: title and the text with its temporal markup removed."""
    folder = name.split("/", 1)[0]
    raw = (data / "krauts" / name).read_text(encoding="utf-8")
    title = re.search(r"<TITLE>(.*?)</TITLE>", raw, re.S)
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    if body is None:
        raise ValueError(f"krauts/{name}: no TEXT element")
    return Article(
        id=f"krauts:{name}",
        source=Source(name=KRAUTS_OUTLETS.get(folder, folder)),
        title=re.sub(r"<[^>]+>", "", title.group(1)).strip() if title else None,
        text=re.sub(r"<[^>]+>", "", body.group(1)).strip(),
    )


def labelled_stream(gold: Sequence[GoldArticle], data: Path) -> tuple[list[Article], list[GoldArticle]]:
    """The gold articles with their texts from ``data``, in publication order (ties by key), and their labels.
    A key that ``data`` lacks is an error, so a changed corpus is noticed."""
    smart_ids = {g.key.split(":", 1)[1] for g in gold if g.key.startswith("smartdata:")}
    smart = smartdata_articles(data, smart_ids)
    missing = sorted(smart_ids - smart.keys())
    if missing:
        raise KeyError(f"{len(missing)} SmartData documents not in {data / SMARTDATA}, e.g. {missing[0]}")
    pairs = []
    for item in sorted(gold, key=lambda g: (g.published, g.key)):
        corpus, name = item.key.split(":", 1)
        if corpus == "smartdata":
            article = smart[name]
        elif corpus == "krauts":
            article = _krauts(data, name)
        else:
            raise ValueError(f"unknown corpus in {item.key!r}")
        article.published = item.published
        pairs.append((article, item))
    return [a for a, _ in pairs], [g for _, g in pairs]


def annotate(articles: Sequence[Article]) -> list[Article]:
    """The articles after lagebild's language, entity and event stages (what the store clusters in production)."""
    from lagebild.entities import EntityStage
    from lagebild.events import EventStage
    from lagebild.language import LanguageStage

    stages = [LanguageStage(), EntityStage(), EventStage()]
    out = []
    for article in articles:
        copy = Article(
            id=article.id,
            source=article.source,
            title=article.title,
            published=article.published,
            text=article.text,
        )
        for stage in stages:
            copy = stage(copy)
        out.append(copy)
    return out


# -- metrics -------------------------------------------------------------------------------------------------
def bcubed(gold: Sequence[object], pred: Sequence[object]) -> tuple[float, float, float]:
    by_gold: dict[object, set[int]] = defaultdict(set)
    by_pred: dict[object, set[int]] = defaultdict(set)
    for i, (g, p) in enumerate(zip(gold, pred, strict=True)):
        by_gold[g].add(i)
        by_pred[p].add(i)
    precision = recall = 0.0
    for g, p in zip(gold, pred, strict=True):
        common = len(by_gold[g] & by_pred[p])
        precision += common / len(by_pred[p])
        recall += common / len(by_gold[g])
    precision, recall = precision / len(gold), recall / len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)


def _pairs(labels: Sequence[object]) -> float:
    return sum(n * (n - 1) / 2 for n in Counter(labels).values())


def pairwise(gold: Sequence[object], pred: Sequence[object]) -> tuple[float, float, float]:
    """Precision, recall and F1 over article pairs placed in one story (F1 0 when no pair is right)."""
    tp = _pairs(list(zip(gold, pred, strict=True)))
    pred_pairs, gold_pairs = _pairs(pred), _pairs(gold)
    precision = tp / pred_pairs if pred_pairs else 1.0
    recall = tp / gold_pairs if gold_pairs else 1.0
    return precision, recall, (2 * precision * recall / (precision + recall)) if tp else 0.0


def pair_agreement(first: Sequence[object], second: Sequence[object]) -> tuple[float, float]:
    """Share of all article pairs on which two groupings agree (same story or not), and Cohen's kappa over them."""
    decisions = [
        (first[i] == first[j], second[i] == second[j])
        for i, j in itertools.combinations(range(len(first)), 2)
    ]
    n = len(decisions)
    observed = sum(a == b for a, b in decisions) / n
    p_first = sum(a for a, _ in decisions) / n
    p_second = sum(b for _, b in decisions) / n
    expected = p_first * p_second + (1 - p_first) * (1 - p_second)
    return observed, (observed - expected) / (1 - expected) if expected < 1 else 1.0


# -- systems -------------------------------------------------------------------------------------------------
def run_lagebild(articles: Sequence[Article]) -> list[object]:
    clusterer = StoryClusterer()
    return [clusterer.assign(a).story_id for a in articles]


def _distances(articles: Sequence[Article]) -> np.ndarray:
    texts = [f"{a.title or ''}\n{a.text}" for a in articles]
    matrix = TfidfVectorizer(sublinear_tf=True, min_df=1, max_df=0.5).fit_transform(texts)
    return np.clip(1.0 - (matrix @ matrix.T).toarray(), 0, None)


def run_single_link(articles: Sequence[Article], threshold: float) -> list[object]:
    model = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="single", distance_threshold=threshold
    )
    return list(model.fit_predict(_distances(articles)))


def run_hdbscan(articles: Sequence[Article]) -> list[object]:
    labels = HDBSCAN(min_cluster_size=2, metric="precomputed", allow_single_cluster=False).fit_predict(
        _distances(articles)
    )
    return [f"n{i}" if label < 0 else int(label) for i, label in enumerate(labels)]


def run_singletons(articles: Sequence[Article]) -> list[object]:
    return [a.id for a in articles]


def best_single_link(articles: Sequence[Article], gold: Sequence[object]) -> float:
    """The single-link cut (from ``SINGLE_LINK_GRID``) with the best BCubed F1 on these articles."""
    return max(SINGLE_LINK_GRID, key=lambda t: (bcubed(gold, run_single_link(articles, t))[2], -t))


# -- throughput ----------------------------------------------------------------------------------------------
def synthetic(count: int, start: int, seed: int = 3) -> list[Article]:
    """``count`` synthetic articles (about 2,500 characters each), ids from ``start``, 400 articles per day."""
    rng = random.Random(seed + start)
    vocab = [f"w{n:05d}x" for n in range(40000)]
    zipf = np.minimum(np.random.default_rng(seed + start).zipf(1.3, size=count * 400), len(vocab)) - 1
    out = []
    base = date(2020, 1, 1)
    for i in range(count):
        n = start + i
        story = n // 6 + rng.randrange(3)
        topic = random.Random(story).sample(vocab, 40)
        words = [
            topic[rng.randrange(40)] if rng.random() < 0.35 else vocab[zipf[i * 400 + k]] for k in range(330)
        ]
        actors = [f"A{story % 997}", f"A{(story * 7) % 997}"]
        out.append(
            Article(
                id=f"syn{n:07d}",
                source=Source(name=f"outlet{n % 50}"),
                published=(base + timedelta(days=n // 400)).isoformat(),
                text=" ".join(words),
                entities=[Entity(0, 1, a, "ORG", actor=a) for a in actors],
            )
        )
    return out


def throughput(sizes: list[int], step: int) -> list[tuple[int, float]]:
    """Rate of ``update_stories`` (articles/s) over the last ``step`` articles when the store reaches each size."""
    results = []
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "t.duckdb") as store:
        stored = 0
        for size in sizes:
            while stored < size:
                chunk = min(step, size - stored)
                store.save_batch(synthetic(chunk, stored))
                stored += chunk
                update = update_stories(store)
            results.append((size, update.articles_per_second))
    return results


# -- report --------------------------------------------------------------------------------------------------
def agreement_table(gold: Sequence[GoldArticle], path: Path = SECOND) -> Table:
    """BCubed and pairwise agreement between the gold and the second grouping of the articles in ``path``."""
    story = {g.key: g.story for g in gold}
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    unknown = [r["article"] for r in rows if r["article"] not in story]
    if unknown:
        raise KeyError(f"{path.name}: articles not in the gold: {unknown[:3]}")
    first = [story[r["article"]] for r in rows]
    second = [r["group"] for r in rows]
    bp, br, bf = bcubed(first, second)
    pp, pr, pf = pairwise(first, second)
    observed, kappa = pair_agreement(first, second)
    table = Table(title=f"Agreement of two independent groupings of {len(rows)} articles (first = gold)")
    for col in (
        "BCubed P",
        "BCubed R",
        "BCubed F1",
        "pair P",
        "pair R",
        "pair F1",
        "pairs agreeing",
        "kappa",
        "same-story pairs (first / second)",
    ):
        table.add_column(col, justify="right")
    table.add_row(
        *(f"{v:.3f}" for v in (bp, br, bf, pp, pr, pf, observed, kappa)),
        f"{_pairs(first):.0f} / {_pairs(second):.0f}",
    )
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--sizes", default="10000,50000,100000", help="store sizes for the throughput rows")
    parser.add_argument("--step", type=int, default=5000, help="articles added per incremental update")
    parser.add_argument("--agreement", action="store_true", help="also print the double-labelling agreement")
    args = parser.parse_args()
    console = Console(width=190)
    gold = load_gold(args.gold)
    articles, labels = labelled_stream(gold, args.data)
    annotated = annotate(articles)
    halves = {
        "held out": [i for i, g in enumerate(labels) if g.half == "heldout"],
        "tune": [i for i, g in enumerate(labels) if g.half == "tune"],
        "all": list(range(len(labels))),
    }
    tune = halves["tune"]
    cut = best_single_link([articles[i] for i in tune], [labels[i].story for i in tune])
    systems: list[tuple[str, Callable[[Sequence[Article]], list[object]], bool]] = [
        ("lagebild stream (entities, events)", run_lagebild, True),
        ("lagebild stream (text only)", run_lagebild, False),
        ("TF-IDF + HDBSCAN (min size 2)", run_hdbscan, False),
        (f"TF-IDF + single-link (dist {cut:.2f}, tuned)", lambda a: run_single_link(a, cut), False),
        ("every article its own story", run_singletons, False),
    ]
    stories = {name: len({labels[i].story for i in idx}) for name, idx in halves.items()}
    outlets = len({a.source.name for a in articles})
    table = Table(
        title=f"Story clustering on real German news: {len(articles)} articles from {outlets} outlets, "
        + ", ".join(f"{name} {len(idx)} articles / {stories[name]} stories" for name, idx in halves.items()),
        caption="held out: the figure to report; tune: where the single-link cut and clusterer settings were chosen",
    )
    for col in (
        "system",
        "half",
        "BCubed P",
        "BCubed R",
        "BCubed F1",
        "pair P",
        "pair R",
        "pair F1",
        "clusters",
        "art/s",
    ):
        table.add_column(col, justify="left" if col in ("system", "half") else "right")
    for name, system, with_annotations in systems:
        source = annotated if with_annotations else articles
        for half, idx in halves.items():
            part = [source[i] for i in idx]
            part_gold = [labels[i].story for i in idx]
            started = time.perf_counter()
            pred = system(part)
            seconds = time.perf_counter() - started
            bp, br, bf = bcubed(part_gold, pred)
            pp, pr, pf = pairwise(part_gold, pred)
            table.add_row(
                name,
                f"{half} ({len(part)})",
                *(f"{v:.3f}" for v in (bp, br, bf, pp, pr, pf)),
                str(len(set(pred))),
                f"{len(part) / seconds:.0f}" if seconds > 0 else "",
            )
        table.add_section()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    for size, rate in throughput(sizes, args.step):
        table.add_row(
            f"lagebild update_stories, store at {size:,} synthetic articles", *[""] * 8, f"{rate:.0f}"
        )
    console.print(table)
    if args.agreement:
        console.print(agreement_table(gold))


if __name__ == "__main__":
    main()
