"""Benchmark: main-text extraction on HTML and on naively scraped text, lagebild.clean vs peers, one table.

Datasets: trafilatura-eval (snippets: a "with" snippet found is a true positive, missing a false negative; a
"without" snippet found is a false positive; P/R/F1 over all snippets) and zyte article-extraction (token
P/R/F1 per document against the ground-truth body, averaged over documents). Each page is scored twice: as HTML
and as the naive scrape (every visible text line of the page in document order, as plain text; peers get it as
one ``<p>`` per line). Speed: documents/second on the HTML pages of both sets, same run. The line classifier ships
trained on zyte only, so lagebild's zyte text figure uses models trained without each page's fold (``--folds``,
document level); trafilatura-eval is never trained on. trafilatura-eval is also reported per half (a fixed hash of
the URL, ``tuning_half``): rules were adjusted looking at the tuning half only.

    python benchmarks/clean.py [--data ../shared/data] [--limit N] [--folds 5]
"""

from __future__ import annotations

import argparse
import gzip
import html as html_lib
import json
import logging
import re
import sys
import time
import zlib
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlparse

# the training scripts: the cross-validation retrains the line model
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lagebild.clean import SourceProfiles, clean_article, lines_for_profile  # noqa: E402
from lagebild.clean.html import visible_lines  # noqa: E402
from lagebild.clean.linemodel import LineModel  # noqa: E402
from lagebild.model import Article, Raw, Source  # noqa: E402
from training.clean_lines import Doc, cross_validate  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
_WS = re.compile(r"\s+")


def tuning_half(url: str) -> bool:
    """The stable half of trafilatura-eval that rules were tuned on (the other half is held out)."""
    return zlib.crc32(url.encode("utf-8")) % 2 == 0


def load_html(path: Path) -> str:
    data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        return str(best) if best is not None else data.decode("utf-8", "replace")


def load_sets(data: Path, limit: int | None) -> dict[str, list[dict]]:
    """{"trafilatura-eval": [...], "zyte": [...]}, each doc: url, html, and with/without or gold."""
    te_dir = data / "trafilatura-eval"
    evaldata = json.loads((te_dir / "evaldata.json").read_text())
    te = []
    for url, entry in evaldata.items():
        path = te_dir / "html" / (entry["file"] + ".gz")
        if not path.exists():
            path = te_dir / "html" / entry["file"]
        if path.exists():
            te.append(
                {"url": url, "html": load_html(path), "with": entry["with"], "without": entry["without"]}
            )
    zy_dir = data / "zyte-article-extraction"
    truth = json.loads((zy_dir / "ground-truth.json").read_text())
    zy = []
    for key, entry in sorted(truth.items()):
        path = zy_dir / "html" / f"{key}.html.gz"
        if path.exists():
            zy.append(
                {"key": key, "url": entry.get("url"), "html": load_html(path), "gold": entry["articleBody"]}
            )
    return {"trafilatura-eval": te[:limit], "zyte": zy[:limit]}


def norm(text: str) -> str:
    return _WS.sub(" ", text).strip()


def snippet_counts(output: str, doc: dict) -> Counter:
    out = norm(output)
    counts: Counter = Counter()
    for snippet in doc["with"]:
        counts["tp" if norm(snippet) in out else "fn"] += 1
    for snippet in doc["without"]:
        counts["fp" if norm(snippet) in out else "tn"] += 1
    return counts


def snippet_prf(outputs: list[str], docs: list[dict]) -> tuple[float, float, float]:
    total: Counter = Counter()
    for output, doc in zip(outputs, docs, strict=True):
        total += snippet_counts(output, doc)
    p = total["tp"] / max(1, total["tp"] + total["fp"])
    r = total["tp"] / max(1, total["tp"] + total["fn"])
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def token_prf(outputs: list[str], docs: list[dict]) -> tuple[float, float, float]:
    ps, rs = [], []
    for output, doc in zip(outputs, docs, strict=True):
        pred, gold = Counter(output.split()), Counter(doc["gold"].split())
        overlap = sum((pred & gold).values())
        ps.append(overlap / sum(pred.values()) if pred else 0.0)
        rs.append(overlap / sum(gold.values()) if gold else 1.0)
    p, r = sum(ps) / len(ps), sum(rs) / len(rs)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def text_as_html(lines: list[str]) -> str:
    body = "".join(f"<p>{html_lib.escape(line)}</p>\n" for line in lines)
    return f"<html><head><meta charset='utf-8'></head><body>\n{body}</body></html>"


# --- tools: (html, url, lang, text_lines | None) -> main text -------------------------------------------------


def make_lagebild(profiles: SourceProfiles) -> Callable:
    def run(
        html: str, url: str | None, lang: str, lines: list[str] | None, line_model: LineModel | None = None
    ) -> str:
        raw = (
            Raw(content="\n".join(lines), kind="text")
            if lines is not None
            else Raw(content=html, kind="html")
        )
        article = Article(id="b", source=Source(url=url, domain=_domain(url)), raw=raw)
        return clean_article(article, profiles, line_model=line_model).text

    return run


def _domain(url: str | None) -> str | None:
    return urlparse(url).netloc.lower().removeprefix("www.") if url else None


def peer_tools() -> tuple[dict[str, Callable], list[str]]:
    tools: dict[str, Callable] = {}
    skipped: list[str] = []
    try:
        import trafilatura

        logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

        def run_trafilatura(html: str, url: str | None, lang: str) -> str:
            return trafilatura.extract(html, url=url, include_comments=False) or ""

        tools["trafilatura"] = run_trafilatura
    except ImportError:
        skipped.append("trafilatura")
    try:
        import justext

        def run_justext(html: str, url: str | None, lang: str) -> str:
            stoplist = justext.get_stoplist("German" if lang == "de" else "English")
            paragraphs = justext.justext(html.encode("utf-8"), stoplist, encoding="utf-8")
            return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)

        tools["jusText"] = run_justext
    except ImportError:
        skipped.append("jusText")
    try:
        import lxml.html
        from readability import Document

        def run_readability(html: str, url: str | None, lang: str) -> str:
            summary = Document(html).summary(html_partial=True)
            return lxml.html.fromstring(summary).text_content() if summary.strip() else ""

        tools["readability-lxml"] = run_readability
    except ImportError:
        skipped.append("readability-lxml")
    try:
        from boilerpy3 import extractors

        extractor = extractors.ArticleExtractor(raise_on_failure=False)

        def run_boilerpy3(html: str, url: str | None, lang: str) -> str:
            return extractor.get_content(html) or ""

        tools["boilerpy3"] = run_boilerpy3
    except ImportError:
        skipped.append("boilerpy3")
    try:
        from resiliparse.extract.html2text import extract_plain_text

        def run_resiliparse(html: str, url: str | None, lang: str) -> str:
            return extract_plain_text(html, main_content=True)

        tools["resiliparse"] = run_resiliparse
    except ImportError:
        skipped.append("resiliparse")
    return tools, skipped


def _html_only(fn: Callable) -> Callable:
    """A peer takes HTML only; the scraped-text variant reaches it wrapped as HTML."""
    return lambda html, url, lang, lines: fn(html, url, lang)


def safe(fn: Callable, *args) -> str:
    try:
        return fn(*args) or ""
    except Exception:  # noqa: BLE001 - a peer failing on a page scores as empty output
        return ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--limit", type=int, default=None, help="documents per dataset (default: all)")
    parser.add_argument("--folds", type=int, default=5, help="zyte cross-validation folds (1: shipped model)")
    parser.add_argument("--only", default=None, help="comma-separated tool names")
    args = parser.parse_args()
    sets = load_sets(args.data, args.limit)
    langs = {"trafilatura-eval": "de", "zyte": "en"}
    scrapes = {name: [visible_lines(doc["html"]) for doc in docs] for name, docs in sets.items()}

    profiles = SourceProfiles()  # a corpus run: observe every document of the batch, then clean
    for docs in sets.values():
        for doc in docs:
            article = Article(
                id="p", source=Source(url=doc["url"]), raw=Raw(content=doc["html"], kind="html")
            )
            profiles.observe(_domain(doc["url"]) or "", lines_for_profile(article))

    # The shipped line classifier is trained on all zyte pages; score zyte with models trained without the page's
    # fold (document-level cross-validation).
    cv_models: dict[str, dict[str, LineModel]] = {}
    if args.folds > 1 and sets["zyte"]:
        cv_docs = [
            Doc(key=d["key"], lines=lines, gold=d["gold"])
            for d, lines in zip(sets["zyte"], scrapes["zyte"], strict=True)
        ]
        cv_models["zyte"] = cross_validate(cv_docs, args.folds)

    peers, skipped = peer_tools()
    tools: dict[str, Callable] = {"lagebild": make_lagebild(profiles)}
    tools.update({name: _html_only(fn) for name, fn in peers.items()})
    if args.only:
        tools = {k: v for k, v in tools.items() if k in args.only.split(",")}

    rows = []
    for name, tool in tools.items():
        row = {"tool": name}
        html_docs = html_seconds = 0.0
        for set_name, docs in sets.items():
            score = snippet_prf if set_name == "trafilatura-eval" else token_prf
            lang = langs[set_name]
            start = time.perf_counter()
            out_html = [safe(tool, d["html"], d["url"], lang, None) for d in docs]
            html_seconds += time.perf_counter() - start
            html_docs += len(docs)
            if name == "lagebild":
                models = cv_models.get(set_name, {})
                out_text = [
                    safe(tool, "", d["url"], lang, lines, models.get(d.get("key")))
                    for d, lines in zip(docs, scrapes[set_name], strict=True)
                ]
            else:
                out_text = [
                    safe(tool, text_as_html(lines), d["url"], lang, None)
                    for d, lines in zip(docs, scrapes[set_name], strict=True)
                ]
            row[f"{set_name} html"] = score(out_html, docs)
            row[f"{set_name} text"] = score(out_text, docs)
            if set_name == "trafilatura-eval":
                for half, flag in (("tuning", True), ("held-out", False)):
                    pick = [i for i, d in enumerate(docs) if tuning_half(d["url"]) == flag]
                    for variant, outs in (("html", out_html), ("text", out_text)):
                        row[f"{half} {variant}"] = score([outs[i] for i in pick], [docs[i] for i in pick])
        row["docs/s"] = html_docs / html_seconds if html_seconds else 0.0
        rows.append(row)

    sizes = ", ".join(f"{k} {len(v)} docs" for k, v in sets.items())
    print(f"clean benchmark ({sizes}); P/R/F1; text = naive scrape of the same page; docs/s on HTML")
    if cv_models:
        print(f"lagebild zyte text: {args.folds}-fold document-level cross-validation of the line classifier")
    if skipped:
        print("skipped (import failed): " + ", ".join(skipped))
    cols = [f"{s} {v}" for s in sets for v in ("html", "text")]
    print(f"| {'tool':<16} | " + " | ".join(f"{c:<24}" for c in cols) + " | docs/s |")
    print("|" + "-" * 18 + "|" + "|".join("-" * 26 for _ in cols) + "|--------|")
    for row in rows:
        cells = " | ".join(f"{'{:.3f}/{:.3f}/{:.3f}'.format(*row[c]):<24}" for c in cols)
        print(f"| {row['tool']:<16} | {cells} | {row['docs/s']:6.1f} |")
    lagebild = next((row for row in rows if row["tool"] == "lagebild"), None)
    peer_rows = [row for row in rows if row["tool"] != "lagebild"]
    if lagebild and peer_rows:
        margins = []
        for col in cols:
            best = max(peer_rows, key=lambda row: row[col][2])
            margins.append(
                f"{col} {lagebild[col][2] - best[col][2]:+.4f} ({best['tool']} {best[col][2]:.4f})"
            )
        print("\nlagebild F1 minus the best peer's: " + "; ".join(margins))
    half_cols = [f"{h} {v}" for h in ("tuning", "held-out") for v in ("html", "text")]
    if rows and half_cols[0] in rows[0]:
        print(
            "\ntrafilatura-eval by half (rules were adjusted on the tuning half; the line classifier never sees trafilatura-eval); P/R/F1"
        )
        print(f"| {'tool':<16} | " + " | ".join(f"{c:<24}" for c in half_cols) + " |")
        print("|" + "-" * 18 + "|" + "|".join("-" * 26 for _ in half_cols) + "|")
        for row in rows:
            cells = " | ".join(f"{'{:.3f}/{:.3f}/{:.3f}'.format(*row[c]):<24}" for c in half_cols)
            print(f"| {row['tool']:<16} | {cells} |")


if __name__ == "__main__":
    main()
