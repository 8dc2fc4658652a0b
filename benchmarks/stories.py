"""Story clustering benchmark: BCubed and pairwise P/R/F1 against TF-IDF baselines, and streaming throughput.

Labelled set (built at run time from openly licensed text in ``--data``, nothing is copied into the repository):
every base article, English bodies of the zyte article-extraction ground truth (MIT) and German KRAUTS texts
(CC BY-NC 4.0, Die Zeit and Dolomiten with their creation dates), becomes one story of up to three reports:
(1) its first half of paragraphs from outlet A, (2) a re-publication of (1) by outlet B with portal boilerplate and the
last paragraph cut, (3) its second half of paragraphs from outlet C, published 1-20 days later. (1) and (3) share no
sentence, so joining them needs topical similarity; (2) tests near-duplicate detection. The labels are therefore
derived by construction, not annotated multi-outlet stories: they measure how well articles on one topic are kept
together and apart from many other topics in one stream, and they are easier than real follow-up coverage.

The clusterer's parameters were tuned on the even-numbered gold stories only; the table reports the whole set and
both halves (even: tuning, odd: held out), each clustered as its own stream.

Throughput: synthetic articles (about 2,500 characters, actors, dated in order) are written to a DuckDB store in
steps, and ``update_stories`` is timed after each step, so the rate is that of incremental clustering as the store
grows.

Run: .venv/bin/python benchmarks/stories.py [--data ../shared/data] [--sizes 10000,50000,100000]
"""

from __future__ import annotations

import argparse
import random
import re
import tempfile
import time
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table
from sklearn.cluster import HDBSCAN, AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer

from lagebild.model import Article, Entity, Source
from lagebild.store import Store
from lagebild.stories import StoryClusterer, update_stories

ROOT = Path(__file__).resolve().parents[1]


# -- labelled set --------------------------------------------------------------------------------------------
def _paragraphs(text: str) -> list[str]:
    parts = [p.strip() for p in re.split(r"\n\s*\n|\n", text) if len(p.strip().split()) >= 5]
    return parts


def _krauts(data: Path) -> list[tuple[str, str, str]]:
    docs = []
    for folder in ("KRAUTS_DieZeit", "KRAUTS_Dolomiten-42"):
        for path in sorted((data / "krauts" / folder).glob("*.tml")):
            raw = path.read_text(encoding="utf-8")
            dct = re.search(r'functionInDocument="CREATION_TIME"[^>]*value="(\d{4}-\d{2}-\d{2})"', raw)
            title = re.search(r"<TITLE>(.*?)</TITLE>", raw, re.S)
            body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
            if dct and body:
                text = re.sub(r"<[^>]+>", "", body.group(1))
                docs.append((title.group(1).strip() if title else "", text, dct.group(1)))
    return docs


def _zyte(data: Path) -> list[tuple[str, str, str]]:
    import json

    truth = json.loads((data / "zyte-article-extraction" / "ground-truth.json").read_text(encoding="utf-8"))
    rng = random.Random(11)
    start = date(2019, 10, 1)
    docs = []
    for key in sorted(truth):
        body = truth[key].get("articleBody") or ""
        day = start + timedelta(days=rng.randrange(120))
        docs.append(("", body, day.isoformat()))
    return docs


def labelled_set(data: Path) -> tuple[list[Article], list[int]]:
    """Articles in publication order and their gold story labels."""
    rng = random.Random(5)
    items: list[tuple[str, int, Article]] = []
    for story, (title, text, published) in enumerate(_krauts(data) + _zyte(data)):
        paras = _paragraphs(text)
        if len(paras) < 2 or sum(len(p.split()) for p in paras) < 120:
            continue
        half = max(1, len(paras) // 2)
        head, tail = paras[:half], paras[half:]
        day = date.fromisoformat(published)
        outlets = rng.sample(["alpha", "beta", "gamma", "delta", "epsilon", "zeta"], 3)
        variants = [(head, outlets[0], day, title or None)]
        copy = head[:-1] if len(head) > 2 else head
        variants.append(
            ([*copy, f"Mehr von {outlets[1]}: Newsletter abonnieren und folgen."], outlets[1], day, None)
        )
        if sum(len(p.split()) for p in tail) >= 60:
            later = day + timedelta(days=rng.randint(1, 20))
            variants.append((tail, outlets[2], later, None))
        for n, (paras_v, outlet, when, head_title) in enumerate(variants):
            article = Article(
                id=f"s{story}-{n}",
                source=Source(name=outlet),
                title=head_title,
                published=when.isoformat(),
                text="\n\n".join(paras_v),
            )
            items.append((when.isoformat(), len(items), article, story))  # type: ignore[arg-type]
    items.sort(key=lambda t: (t[0], t[1]))
    return [t[2] for t in items], [t[3] for t in items]  # type: ignore[misc]


# -- metrics -------------------------------------------------------------------------------------------------
def bcubed(gold: list[int], pred: list[object]) -> tuple[float, float, float]:
    by_gold: dict[int, set[int]] = defaultdict(set)
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


def pairwise(gold: list[int], pred: list[object]) -> tuple[float, float, float]:
    def pairs(labels: list) -> Counter:
        return Counter(labels)

    joint = Counter(zip(gold, pred, strict=True))
    tp = sum(n * (n - 1) / 2 for n in joint.values())
    pred_pairs = sum(n * (n - 1) / 2 for n in pairs(pred).values())
    gold_pairs = sum(n * (n - 1) / 2 for n in pairs(gold).values())
    precision = tp / pred_pairs if pred_pairs else 1.0
    recall = tp / gold_pairs if gold_pairs else 1.0
    return precision, recall, (2 * precision * recall / (precision + recall)) if tp else 0.0


# -- systems -------------------------------------------------------------------------------------------------
def run_lagebild(articles: list[Article]) -> list[object]:
    clusterer = StoryClusterer()
    return [clusterer.assign(a).story_id for a in articles]


def _tfidf(articles: list[Article]) -> np.ndarray:
    texts = [f"{a.title or ''}\n{a.text}" for a in articles]
    matrix = TfidfVectorizer(sublinear_tf=True, min_df=1, max_df=0.5).fit_transform(texts)
    return matrix


def run_single_link(articles: list[Article], threshold: float) -> list[object]:
    distances = 1.0 - (_tfidf(articles) @ _tfidf(articles).T).toarray()
    model = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="single", distance_threshold=threshold
    )
    return list(model.fit_predict(np.clip(distances, 0, None)))


def run_hdbscan(articles: list[Article]) -> list[object]:
    matrix = _tfidf(articles)
    distances = np.clip(1.0 - (matrix @ matrix.T).toarray(), 0, None)
    labels = HDBSCAN(min_cluster_size=2, metric="precomputed", allow_single_cluster=False).fit_predict(
        distances
    )
    # noise points are singletons
    return [f"n{i}" if label < 0 else int(label) for i, label in enumerate(labels)]


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
        text = " ".join(words)
        out.append(
            Article(
                id=f"syn{n:07d}",
                source=Source(name=f"outlet{n % 50}"),
                published=(base + timedelta(days=n // 400)).isoformat(),
                text=text,
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--sizes", default="10000,50000,100000", help="store sizes for the throughput rows")
    parser.add_argument("--step", type=int, default=5000, help="articles added per incremental update")
    args = parser.parse_args()
    console = Console(width=170)
    articles, gold = labelled_set(args.data)
    stories = len(set(gold))
    table = Table(
        title=f"Story clustering: {len(articles)} articles (German KRAUTS + English zyte), {stories} gold stories"
    )
    for col in (
        "system",
        "gold set",
        "BCubed P",
        "BCubed R",
        "BCubed F1",
        "pair P",
        "pair R",
        "pair F1",
        "clusters",
        "art/s",
    ):
        table.add_column(col, justify="left" if col in ("system", "gold set") else "right")
    systems = [
        ("lagebild stream (MinHash+TF-IDF+actors+time)", run_lagebild),
        ("TF-IDF + single-link (dist 0.6)", lambda a: run_single_link(a, 0.6)),
        ("TF-IDF + single-link (dist 0.8)", lambda a: run_single_link(a, 0.8)),
        ("TF-IDF + HDBSCAN (min size 2)", run_hdbscan),
    ]
    # parameters of the lagebild clusterer were tuned on the even-numbered gold stories only
    subsets = [
        ("all", list(range(len(articles)))),
        ("even (tuning)", [i for i, g in enumerate(gold) if g % 2 == 0]),
        ("odd (held out)", [i for i, g in enumerate(gold) if g % 2 == 1]),
    ]
    for name, system in systems:
        for subset_name, subset in subsets:
            part, part_gold = [articles[i] for i in subset], [gold[i] for i in subset]
            started = time.perf_counter()
            pred = system(part)
            seconds = time.perf_counter() - started
            bp, br, bf = bcubed(part_gold, pred)
            pp, pr, pf = pairwise(part_gold, pred)
            table.add_row(
                name,
                f"{subset_name} ({len(part)})",
                *(f"{v:.3f}" for v in (bp, br, bf, pp, pr, pf)),
                str(len(set(pred))),
                f"{len(part) / seconds:.0f}",
            )
    sizes = [int(s) for s in args.sizes.split(",") if s]
    for size, rate in throughput(sizes, args.step):
        table.add_row(
            f"lagebild update_stories, store at {size:,} synthetic articles", *[""] * 8, f"{rate:.0f}"
        )
    console.print(table)


if __name__ == "__main__":
    main()
