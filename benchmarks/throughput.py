"""Throughput of the whole per-article pipeline: articles/second on 1 and 2 processes and on a local Ray instance,
with peak memory per worker and the time per stage; one table.

The corpus is real German news (KRAUTS raw texts: Die Zeit, Dolomiten) cut into articles of about 500 words, with
their publication dates. The stages are ``lagebild.pipeline.article_stages()`` as they are when the benchmark runs.

    .venv/bin/python benchmarks/throughput.py [--data ../shared/data/krauts] [--articles 400] [--no-ray]
"""

from __future__ import annotations

import argparse
import copy
import html
import os
import re
import resource
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from lagebild.executors import LocalExecutor  # noqa: E402
from lagebild.ingest import make_article  # noqa: E402
from lagebild.model import Article  # noqa: E402
from lagebild.pipeline import article_stages, stage_name  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
WORDS_PER_ARTICLE = 500
_DCT = re.compile(r'<DCT>.*?value="([^"]+)"', re.S)
_TITLE = re.compile(r"<TITLE>(.*?)</TITLE>", re.S)
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_TAG = re.compile(r"<[^>]+>")


def load_documents(data: Path) -> list[tuple[str, str | None, str]]:
    """(title, publication date, body) of every KRAUTS raw-text document under ``data``."""
    docs = []
    for path in sorted(data.glob("*_raw-text/*.tml")):
        raw = path.read_text(encoding="utf-8")
        dct, title, body = _DCT.search(raw), _TITLE.search(raw), _TEXT.search(raw)
        if body is None:
            continue
        text = html.unescape(_TAG.sub("", body.group(1))).strip()
        docs.append(
            (html.unescape(title.group(1)).strip() if title else "", dct.group(1) if dct else None, text)
        )
    return docs


def make_corpus(docs: list[tuple[str, str | None, str]], count: int) -> list[Article]:
    """``count`` articles of about 500 words: consecutive paragraphs of the documents, cycled, each made unique."""
    pieces: list[tuple[str, str | None, str]] = []
    for title, dct, text in docs:
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
        chunk: list[str] = []
        words = 0
        for paragraph in paragraphs:
            chunk.append(paragraph)
            words += len(paragraph.split())
            if words >= WORDS_PER_ARTICLE:
                pieces.append((title, dct, "\n\n".join(chunk)))
                chunk, words = [], 0
        if words >= WORDS_PER_ARTICLE // 2:
            pieces.append((title, dct, "\n\n".join(chunk)))
    if not pieces:
        raise SystemExit(f"no documents under {docs!r}")
    articles = []
    for n in range(count):
        title, dct, body = pieces[n % len(pieces)]
        content = f"{title} ({n // len(pieces) + 1})\n\n{body}\n"
        articles.append(make_article(content, "text", path=f"krauts/{n}", source="KRAUTS", published=dct))
    return articles


def worker_peak() -> tuple[int, int]:
    """(pid, peak resident memory in KiB) of the calling process."""
    time.sleep(0.2)  # keep this worker busy so the other probes land on the other workers
    return os.getpid(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def run(executor: object, articles: list[Article], profile: str = "fast") -> tuple[float, Counter, int, int]:
    """(seconds, seconds per stage, articles done, failures) of one timed map after a warm-up map."""
    stages = article_stages(profile=profile)
    warm = copy.deepcopy(articles[:8])
    for _ in executor.map(stages, warm):  # type: ignore[attr-defined]
        pass
    batch = copy.deepcopy(articles)
    started = time.perf_counter()
    stage_seconds: Counter = Counter()
    done = failed = 0
    for outcome in executor.map(stages, batch):  # type: ignore[attr-defined]
        stage_seconds.update(outcome.timings)
        done += outcome.article is not None
        failed += outcome.failure is not None
    return time.perf_counter() - started, stage_seconds, done, failed


def local_peaks(executor: LocalExecutor) -> list[int]:
    if executor.workers == 1 or executor._pool is None:
        return [worker_peak()[1]]
    futures = [executor._pool.submit(worker_peak) for _ in range(executor.workers * 2)]
    return list(dict(f.result() for f in futures).values())


def ray_peaks(workers: int) -> list[int]:
    import ray

    probe = ray.remote(worker_peak)
    return list(dict(ray.get([probe.remote() for _ in range(workers * 2)])).values())


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "krauts")
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--no-ray", action="store_true", help="Skip the Ray run.")
    parser.add_argument("--profile", choices=("fast", "accurate"), default="fast", help="Analysis profile.")
    parser.add_argument("--workers", type=int, nargs="*", default=[1, 2], help="Local process counts to run.")
    args = parser.parse_args()
    articles = make_corpus(load_documents(args.data), args.articles)
    words = sum(len(a.raw.content.split()) for a in articles) / len(articles)  # type: ignore[union-attr]
    stage_names = [stage_name(s) for s in article_stages()]
    rows = []
    for workers in args.workers:
        with LocalExecutor(workers=workers, chunksize=8) as executor:
            seconds, per_stage, done, failed = run(executor, articles, args.profile)
            peaks = local_peaks(executor)
        rows.append(
            (
                f"local, {workers} process{'es' if workers > 1 else ''}",
                seconds,
                per_stage,
                done,
                failed,
                peaks,
            )
        )
    if not args.no_ray:
        try:
            import ray
        except ImportError:
            ray = None
        if ray is not None:
            from lagebild.executors.ray_executor import RayExecutor

            with RayExecutor(None, num_cpus=2, chunk_size=16) as executor:
                seconds, per_stage, done, failed = run(executor, articles, args.profile)
                peaks = ray_peaks(2)
            rows.append(("local Ray, 2 CPUs", seconds, per_stage, done, failed, peaks))

    print(
        f"Throughput of the full per-article pipeline, profile {args.profile} ({' -> '.join(stage_names)}) on "
        f"{len(articles)} KRAUTS "
        f"articles of {words:.0f} words on average; stage columns: ms per article (CPU time summed over workers)"
    )
    header = ["executor", "articles/s", "seconds", "ok", "failed", "peak MiB/worker"] + [
        f"{n} ms" for n in stage_names
    ]
    table = [header]
    for name, seconds, per_stage, done, failed, peaks in rows:
        table.append(
            [
                name,
                f"{len(articles) / seconds:.1f}",
                f"{seconds:.2f}",
                str(done),
                str(failed),
                f"{max(peaks) / 1024:.0f}",
            ]
            + [f"{1000 * per_stage.get(n, 0.0) / len(articles):.1f}" for n in stage_names]
        )
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    for i, row in enumerate(table):
        print(
            "  ".join(
                cell.ljust(w) if j == 0 else cell.rjust(w)
                for j, (cell, w) in enumerate(zip(row, widths, strict=True))
            )
        )
        if i == 0:
            print("  ".join("-" * w for w in widths))


if __name__ == "__main__":
    main()
