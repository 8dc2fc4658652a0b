"""Throughput of the whole per-article pipeline: articles/second on 1 and 2 processes and on a local Ray instance,
with peak memory per worker and the time per stage; then an end-to-end run on real HTML pages; two tables.

The first corpus is real German news (KRAUTS raw texts: Die Zeit, Dolomiten) cut into articles of about 500 words,
with their publication dates. The stages are ``lagebild.pipeline.article_stages()`` as they are when the benchmark
runs.

The end-to-end run is ``lagebild.process.process`` (what ``lagebild process --workers 2`` runs: ingest, batch stages,
per-article stages in a process pool, commits, stories, actor records) over the trafilatura-eval pages into a fresh
store, wall time from start to finish, next to trafilatura alone extracting the same pages in one process in the
same run; it prints articles/s, the ratio of the two, the time per stage and the share of wall time outside the
per-article stages.

    .venv/bin/python benchmarks/throughput.py [--data ../shared/data/krauts] [--articles 400] [--no-ray]
        [--html ../shared/data/trafilatura-eval/html] [--pages N] [--workers 2] [--only-html]
"""

from __future__ import annotations

import argparse
import copy
import gzip
import html
import os
import re
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from lagebild.executors import Executor, LocalExecutor  # noqa: E402
from lagebild.ingest import make_article  # noqa: E402
from lagebild.model import Article  # noqa: E402
from lagebild.pipeline import ArticlePipeline, article_stages, stage_name  # noqa: E402

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


def run(executor: Executor, articles: list[Article]) -> tuple[float, Counter, int, int]:
    """(seconds, seconds per stage, articles done, failures) of one timed map after a warm-up map."""
    stages = ArticlePipeline(article_stages())
    warm = copy.deepcopy(articles[:8])
    for _ in executor.map(stages, warm):
        pass
    batch = copy.deepcopy(articles)
    started = time.perf_counter()
    stage_seconds: Counter = Counter()
    done = failed = 0
    for outcome in executor.map(stages, batch):
        stage_seconds.update(outcome.timings)
        done += outcome.failure is None
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


def trafilatura_alone(pages: list[Path]) -> tuple[float, int]:
    """(seconds, pages with text) of ``trafilatura.extract`` on the raw bytes of ``pages`` in this process (it
    decodes them itself), after importing it."""
    import trafilatura

    trafilatura.extract(b"<html><body><p>warm-up</p></body></html>")
    started = time.perf_counter()
    found = 0
    for page in pages:
        found += bool(trafilatura.extract(gzip.decompress(page.read_bytes())))
    return time.perf_counter() - started, found


def end_to_end(pages: list[Path], workers: int) -> tuple[float, object]:
    """(wall seconds, run summary) of one whole run over ``pages`` into a fresh store."""
    from lagebild.process import process
    from lagebild.store import Store

    with tempfile.TemporaryDirectory(prefix="lagebild-throughput-") as folder:
        started = time.perf_counter()
        with Store(Path(folder) / "x.duckdb") as store, LocalExecutor(workers=workers) as executor:
            summary = process([str(p) for p in pages], store, executor=executor)
        return time.perf_counter() - started, summary


def html_table(pages: list[Path], workers: int) -> None:
    """The end-to-end HTML run next to trafilatura alone, and where the wall time goes."""
    traf_seconds, traf_found = trafilatura_alone(pages)
    wall, summary = end_to_end(pages, workers)
    per_article = [stage_name(s) for s in article_stages()]
    inside = sum(summary.stage_seconds.get(n, 0.0) for n in per_article) / workers
    rate, traf_rate = summary.articles_out / wall, len(pages) / traf_seconds
    print(
        f"\nEnd-to-end HTML run: {len(pages)} trafilatura-eval pages, lagebild process with {workers} worker "
        f"processes (ingest, stages, commits, stories) vs trafilatura.extract alone in one process, same run"
    )
    rows = [
        ["run", "pages", "articles", "failures", "seconds", "articles/s", "ratio"],
        [
            "trafilatura alone",
            str(len(pages)),
            str(traf_found),
            "-",
            f"{traf_seconds:.1f}",
            f"{traf_rate:.1f}",
            "1.00",
        ],
        [
            f"lagebild, {workers} workers",
            str(len(pages)),
            str(summary.articles_out),
            str(len(summary.failures)),
            f"{wall:.1f}",
            f"{rate:.1f}",
            f"{rate / traf_rate:.2f}",
        ],
    ]
    _print_table(rows)
    print(
        f"\nWhere the wall time of the lagebild run goes ({wall:.1f} s; per-article stages: CPU seconds / {workers})"
    )
    rows = [["part", "seconds", "ms/article", "share of wall"]]
    for name in per_article:
        seconds = summary.stage_seconds.get(name, 0.0)
        rows.append(
            [
                f"stage {name}",
                f"{seconds:.1f}",
                f"{1000 * seconds / len(pages):.1f}",
                f"{seconds / workers / wall:.0%}",
            ]
        )
    for name, seconds in summary.stage_seconds.most_common():
        if name not in per_article:
            rows.append(
                [name, f"{seconds:.1f}", f"{1000 * seconds / len(pages):.1f}", f"{seconds / wall:.0%}"]
            )
    rows.append(
        ["outside the per-article stages", f"{wall - inside:.1f}", "-", f"{(wall - inside) / wall:.0%}"]
    )
    _print_table(rows)


def _print_table(table: list[list[str]]) -> None:
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    for i, row in enumerate(table):
        print(
            "  ".join(
                cell.ljust(w) if j == 0 else cell.rjust(w)
                for j, (cell, w) in enumerate(zip(row, widths, strict=True))
            )
        )
        if i == 0:
            print("  ".join("-" * w for w in widths))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "krauts")
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--no-ray", action="store_true", help="Skip the Ray run.")
    parser.add_argument(
        "--html", type=Path, default=ROOT.parent / "shared" / "data" / "trafilatura-eval" / "html"
    )
    parser.add_argument("--pages", type=int, default=None, help="Only the first N pages (sorted by name).")
    parser.add_argument("--workers", type=int, default=2, help="Worker processes of the end-to-end run.")
    parser.add_argument("--only-html", action="store_true", help="Only the end-to-end HTML run.")
    args = parser.parse_args()
    pages = sorted(args.html.glob("*.html.gz"))[: args.pages]
    if not pages:
        raise SystemExit(f"no *.html.gz pages under {args.html}")
    if args.only_html:
        html_table(pages, args.workers)
        return
    articles = make_corpus(load_documents(args.data), args.articles)
    words = sum(len(a.raw.content.split()) for a in articles) / len(articles)  # type: ignore[union-attr]
    stage_names = [stage_name(s) for s in article_stages()]
    rows = []
    for workers in (1, 2):
        with LocalExecutor(workers=workers, chunksize=8) as executor:
            seconds, per_stage, done, failed = run(executor, articles)
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
                seconds, per_stage, done, failed = run(executor, articles)
                peaks = ray_peaks(2)
            rows.append(("local Ray, 2 CPUs", seconds, per_stage, done, failed, peaks))

    print(
        f"Throughput of the full per-article pipeline ({' -> '.join(stage_names)}) on {len(articles)} KRAUTS "
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
    if pages:
        html_table(pages, args.workers)


if __name__ == "__main__":
    main()
