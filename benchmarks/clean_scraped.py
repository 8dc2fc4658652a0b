"""Benchmark: line-level boilerplate removal on scraped German news text (the ``clean_scraped`` test set).

The articles are SmartData v1 news scrapes (../shared/data/smartdata-de, one article per outlet), rebuilt here from
``--data`` by id (their text does not ship); every line was labelled by reading (``benchmarks/data/
clean_scraped.SOURCE.md``). Into each scrape the set splices boilerplate of three kinds at fixed places: headlines of
other articles of the set (teasers), captions with credits and dates, and legal or financial disclaimers from
``clean_scraped_pool.json``; the held-out half draws from a pool that shares no wording with the tuning half's or with
the lines the disclaimer model learned from. A line counts as kept when it is in the cleaned body (peers: when its text
is in their output). Reported per half: P/R/F1 of the kept body lines and of the removed boilerplate lines, the share
of each label removed, and for spliced lines the share removed with their own reason.

    python benchmarks/clean_scraped.py [--data ../shared/data] [--half test|tune|both] [--peers]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from lagebild.clean import clean_article
from lagebild.model import Article, Raw, Source

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "benchmarks" / "data"
SPLICED = ("teaser", "caption", "disclaimer")
# The pool stores each text cut off after a fixed length: a last body line that stops without closing punctuation is
# the corpus's cut, not the page's; it is labelled ``cut`` and not scored.
_CLOSED = re.compile(r"[.!?:;…\"“”»«')\]]\s*$")


@dataclass
class Scrape:
    """A rebuilt scraped text: its lines, each line's gold label and, for spliced lines, the reason expected."""

    id: str
    half: str
    lines: list[str]
    labels: list[str]


def _lines(text: str) -> list[str]:
    return [line for line in (" ".join(part.split()) for part in text.splitlines()) if line]


def load(data: Path) -> list[Scrape]:
    """The test set's scrapes, rebuilt from the SmartData pool under ``data`` and the splice pool."""
    path = data / "smartdata-de" / "smartdata_v1_pool.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        texts = {doc["id"]: _lines(doc["text"]) for doc in map(json.loads, handle)}
    pool = json.loads((DATA / "clean_scraped_pool.json").read_text())
    rows = [json.loads(line) for line in (DATA / "clean_scraped.jsonl").read_text().splitlines() if line]
    scrapes = []
    for row in rows:
        lines = texts.get(row["id"])
        if lines is None or hashlib.sha1("\n".join(lines).encode()).hexdigest()[:16] != row["sha1"]:
            sys.exit(f"clean_scraped: article {row['id']} is missing or changed in {path}")
        if len(lines) != len(row["labels"]):
            sys.exit(f"clean_scraped: labels of {row['id']} do not match its lines")
        inserts: dict[int, list[tuple[str, str]]] = {}
        for splice in row["splices"]:
            kind = splice["kind"]
            if kind == "teaser":
                added = [texts[splice["doc"]][splice["line"]]]
            else:
                entry = pool[row["half"]][kind][splice["pool"]]
                added = entry if isinstance(entry, list) else [entry]
            inserts.setdefault(splice["after"], []).extend((line, kind) for line in added)
        labels = list(row["labels"])
        if labels[-1] == "body" and not _CLOSED.search(lines[-1]):
            labels[-1] = "cut"
        out_lines, out_labels = [], []
        for i, (line, label) in enumerate(zip(lines, labels, strict=True)):
            out_lines.append(line)
            out_labels.append(label)
            for added, kind in inserts.get(i, []):
                out_lines.append(added)
                out_labels.append(f"+{kind}")
        scrapes.append(Scrape(row["id"], row["half"], out_lines, out_labels))
    return scrapes


def lagebild_verdicts(scrape: Scrape) -> list[str | None]:
    """Per line: None when kept in the body, else the reason it was removed with (``title`` for the headline)."""
    url = scrape.id.split("@", 1)[0]
    article = Article(
        id="s",
        source=Source(url=url, domain=urlparse(url).netloc.lower().removeprefix("www.")),
        raw=Raw(content="\n".join(scrape.lines), kind="text"),
    )
    clean_article(article)
    body = article.text.split("\n\n") if article.text else []
    reasons: dict[str, list[str]] = {}
    for removed in article.removed:
        reasons.setdefault(removed.text, []).append(removed.reason)
    verdicts: list[str | None] = []
    at = 0
    for line in scrape.lines:
        if at < len(body) and body[at] == line:
            verdicts.append(None)
            at += 1
        elif reasons.get(line):
            verdicts.append(reasons[line].pop(0))
        else:
            verdicts.append("title" if line == article.title else "other")
    return verdicts


def peer_verdicts(tool, scrape: Scrape) -> list[str | None]:
    from clean import norm, safe, text_as_html

    output = norm(safe(tool, text_as_html(scrape.lines), scrape.id.split("@", 1)[0], "de"))
    return [None if norm(line) in output else "removed" for line in scrape.lines]


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(scrapes: list[Scrape], verdicts: list[list[str | None]]) -> dict:
    """Body-line and boilerplate-line P/R/F1, removal share per label, and reason accuracy of spliced lines."""
    counts: Counter = Counter()
    per_label: Counter = Counter()
    removed_label: Counter = Counter()
    right_reason: Counter = Counter()
    for scrape, verdict in zip(scrapes, verdicts, strict=True):
        for label, got in zip(scrape.labels, verdict, strict=True):
            if label == "cut":
                continue
            gold_body = label == "body"
            kept = got is None
            counts[(gold_body, kept)] += 1
            per_label[label] += 1
            removed_label[label] += not kept
            if label.startswith("+") and got == label[1:]:
                right_reason[label] += 1
    body = prf(counts[(True, True)], counts[(False, True)], counts[(True, False)])
    boiler = prf(counts[(False, False)], counts[(True, False)], counts[(False, True)])
    return {
        "body": body,
        "boilerplate": boiler,
        "removed": {label: removed_label[label] / n for label, n in sorted(per_label.items())},
        "reason": {f"+{kind}": right_reason[f"+{kind}"] / max(1, per_label[f"+{kind}"]) for kind in SPLICED},
        "lines": sum(per_label.values()),
        "docs": len(scrapes),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--half", choices=("test", "tune", "both"), default="both")
    parser.add_argument(
        "--peers", action="store_true", help="also score the HTML extractors on the same lines"
    )
    parser.add_argument(
        "--errors", action="store_true", help="print lagebild's wrong lines (tuning half only)"
    )
    args = parser.parse_args()
    scrapes = load(args.data)
    halves = ("tune", "test") if args.half == "both" else (args.half,)
    tools = {"lagebild": lagebild_verdicts}
    if args.peers:
        sys.path.insert(0, str(REPO / "benchmarks"))
        from clean import peer_tools

        peers, _ = peer_tools()
        tools.update({name: (lambda s, fn=fn: peer_verdicts(fn, s)) for name, fn in peers.items()})
    print(
        "clean_scraped: line-level P/R/F1 on scraped German news with spliced teasers, captions, disclaimers"
    )
    print(f"| {'tool':<16} | {'half':<5} | docs | lines | {'body P/R/F1':<18} | {'boilerplate P/R/F1':<18} |")
    print("|" + "-" * 18 + "|-------|------|-------|" + "-" * 20 + "|" + "-" * 20 + "|")
    details = {}
    for name, tool in tools.items():
        for half in halves:
            part = [s for s in scrapes if s.half == half]
            verdicts = [tool(s) for s in part]
            result = score(part, verdicts)
            details[(name, half)] = result
            cells = ["{:.3f}/{:.3f}/{:.3f}".format(*result[k]) for k in ("body", "boilerplate")]
            print(
                f"| {name:<16} | {half:<5} | {result['docs']:>4} | {result['lines']:>5} | {cells[0]:<18} | {cells[1]:<18} |"
            )
            if args.errors and name == "lagebild" and half == "tune":
                for scrape, verdict in zip(part, verdicts, strict=True):
                    for line, label, got in zip(scrape.lines, scrape.labels, verdict, strict=True):
                        if label != "cut" and (label == "body") != (got is None):
                            print(f"   {label:>11} -> {got or 'kept'}: {line[:110]}", file=sys.stderr)
    for half in halves:
        result = details[("lagebild", half)]
        removed = ", ".join(f"{label} {share:.2f}" for label, share in result["removed"].items())
        reasons = ", ".join(f"{label} {share:.2f}" for label, share in result["reason"].items())
        print(f"\nlagebild {half}: share removed by label: {removed}")
        print(f"lagebild {half}: spliced lines removed with their own reason: {reasons}")


if __name__ == "__main__":
    main()
