"""Legal and financial disclaimers, terms of use, copyright and risk notices, recognised by what a line says.

A logistic model over the line's words (and the first and last five letters of long words, which carry German
compounds such as "Haftungsausschluss" or "Anlageentscheidung" over to unseen ones) learned from lines labelled across
many outlets (``training/clean_disclaimer.py``); stored as plain JSON (``disclaimer_model.json``). A line scoring at least
``threshold`` is a disclaimer; a line next to one, at least ``block_threshold`` (the second paragraph of a notice,
which need not name liability itself).
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from lagebild.language.resources import merged

MODEL_PATH = Path(__file__).with_name("disclaimer_model.json")
MIN_WORDS = 6  # shorter lines are left to the patterns (a copyright line, a link row)
MAX_WORDS = 120  # a notice's paragraph is shorter; a longer line is article text
AFFIX = 5
LONG_WORD = 8
WORD_SCALE = 0.5


_WEEKDAYS = "|".join(sorted(merged("weekdays"), key=len, reverse=True))
# What notices talk about, German and English (matched in the lower-cased line, stems inside compounds too):
# each family found becomes a term ("cue:liability"), so that a notice in new words still shares its families with
# the labelled ones. News signals (reported speech, money amounts, dates) are a family of their own.
CUES: dict[str, tuple[str, ...]] = {
    "liability": (
        r"haft(?:ung|et|en|bar)",
        r"gewähr",
        r"verantwort",
        r"schadens?ersatz",
        r"schäden",
        r"\bliab",
        r"warrant",
        r"responsib",
        r"\bdamages?\b",
        r"indemn",
        r"accepts? no\b",
        r"unberührt",
    ),
    "advice": (
        r"beratung",
        r"empfehlung",
        r"aufforderung",
        r"\bangebot zum",
        r"kauf oder verkauf",
        r"\badvice",
        r"recommend",
        r"solicit",
        r"\boffer to (?:buy|sell)",
        r"endorse",
        r"handlungsempfehlung",
    ),
    "risk": (
        r"risik",
        r"\brisk",
        r"verlust",
        r"\bloss",
        r"speculat",
        r"volatil",
    ),
    "finance": (
        r"anlage",
        r"anleger",
        r"investi",
        r"wertpapier",
        r"finanzinstrument",
        r"kapital",
        r"\btrading",
        r"differenzkontrakt",
        r"\bcfds?\b",
        r"derivat",
    ),
    "rights": (
        r"urheber",
        r"copyright",
        r"vervielfält",
        r"nachdruck",
        r"verbreitung",
        r"reproduc",
        r"redistribut",
        r"rights reserved",
        r"rechte vorbehalten",
        r"genehmigung",
        r"permission",
        r"zustimmung",
        r"consent",
        r"einwilligung",
        r"lizenz",
        r"licen[cs]",
        r"trademark",
        r"eingetragene marke",
    ),
    "terms": (
        r"nutzungsbedingung",
        r"\bagb\b",
        r"datenschutz",
        r"privacy",
        r"cookie",
        r"\bterms\b",
        r"\bpolicy\b",
        r"richtlinie",
        r"impressum",
    ),
    "affiliate": (
        r"provision",
        r"affiliate",
        r"commission",
        r"partnerprogramm",
        r"associates? program",
        r"sponsor",
        r"\bwerbung",
        r"advertis",
    ),
    "information": (
        r"informationszweck",
        r"informational",
        r"\binformation",
        r"richtigkeit",
        r"vollständigkeit",
        r"\baccura",
        r"redaktionell",
        r"geprüft",
        r"automatisch",
        r"ersetz",
        r"substitute",
    ),
    "reader": (
        r"\bsie\b",
        r"\bihre?[nmrs]?\b",
        r"\byou(?:r|rs)?\b",
        r"\bnutzer",
        r"\busers?\b",
        r"besucher",
        r"visitor",
    ),
    "site": (
        r"\bdies(?:e|er|es) (?:seite|website|webseite|internetseite|plattform|portal|artikel|beitrag|meldung|inhalt)",
        r"\bthis (?:site|website|page|article|content|material|service|publication)",
        r"betreiber",
        r"herausgeber",
        r"publisher",
        r"\bder autor",
        r"\bthe authors?\b",
        r"\bdie redaktion",
        r"\bverlag",
    ),
    "generic": (
        r"\bkönnen\b",
        r"\bkann\b",
        r"\bsollten\b",
        r"\bdürfen\b",
        r"grundsätzlich",
        r"jederzeit",
        r"ausschließlich",
        r"\bmay\b",
        r"\bshould\b",
        r"\bany\b",
        r"at any time",
        r"solely",
    ),
    "news": (
        r"\bsagte\b",
        r"\bsagt\b",
        r"teilte",
        r"erklärte",
        r"\bsaid\b",
        r"\btold\b",
        r"according to",
        r"zufolge",
        r"[„“”\"]",
        r"\d+(?:[.,]\d+)? ?(?:%|prozent|euro|dollar|millionen|milliarden)",
        rf"\b(?:{_WEEKDAYS})\b",
    ),
}
_NOT_NOTICE = frozenset({"news", "reader", "generic"})
_CUE = re.compile("|".join(f"(?P<{name}>{'|'.join(stems)})" for name, stems in CUES.items()))


def cue_terms(lower: str) -> set[str]:
    """The cue families a lower-cased line names ("cue:risk"), and "cue2:..." for a family named twice."""
    counts: dict[str, int] = {}
    for match in _CUE.finditer(lower):
        name = match.lastgroup or ""
        counts[name] = counts.get(name, 0) + 1
    terms = {f"cue:{name}" for name in counts}
    terms.update(f"cue2:{name}" for name, n in counts.items() if n >= 2)
    notice = sum(1 for name in counts if name not in _NOT_NOTICE)
    terms.update(
        f"cuen:{k}" for k in range(1, min(notice, 5) + 1)
    )  # at least k families a notice talks about
    return terms


def notice_families(lower: str) -> int:
    """How many of the things notices talk about (liability, advice, risk, rights, terms, ...) a lower-cased line
    names."""
    return sum(1 for name in {m.lastgroup for m in _CUE.finditer(lower)} if name not in _NOT_NOTICE)


def line_terms(tokens: Iterable[str], lower: str | None = None) -> set[str]:
    """The model's terms of a lower-cased line: its words (numbers as "0"), for long words their first and last
    ``AFFIX`` letters, and with the line's text (``lower``) its cue families."""
    terms: set[str] = cue_terms(lower) if lower is not None else set()
    for token in tokens:
        token = "0" if token.isdigit() else token
        terms.add(token)
        if len(token) >= LONG_WORD:
            terms.add("<" + token[:AFFIX])
            terms.add(">" + token[-AFFIX:])
    return terms


def term_value(term: str, words: float) -> float:
    """A present term's value: 1 for a cue family, else ``words`` (the line's word terms scaled to unit length)."""
    return 1.0 if term.startswith("cue") else words


def word_value(terms: set[str]) -> float:
    """The value of each present word term: the word terms scaled to length ``WORD_SCALE`` (below the cues' 1, so
    that the many words weigh less than the few families)."""
    n = sum(1 for term in terms if not term.startswith("cue"))
    return WORD_SCALE / math.sqrt(n) if n else 0.0


@dataclass(frozen=True)
class DisclaimerModel:
    """Term weights and intercept of the logistic model, and the thresholds for a line alone and next to one."""

    weights: dict[str, float]
    intercept: float
    threshold: float = 0.5
    block_threshold: float = 0.3

    def score(self, tokens: Sequence[str], lower: str | None = None) -> float:
        """Probability that a line (its lower-cased words, and its lower-cased text) is a disclaimer."""
        terms = line_terms(tokens, lower)
        if not terms:
            return 0.0
        words = word_value(terms)
        z = self.intercept + sum(self.weights.get(term, 0.0) * term_value(term, words) for term in terms)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_dict(self) -> dict:
        return {
            "intercept": self.intercept,
            "threshold": self.threshold,
            "block_threshold": self.block_threshold,
            "weights": dict(sorted(self.weights.items())),
        }

    @classmethod
    def from_dict(cls, data: dict) -> DisclaimerModel:
        return cls(
            weights={str(k): float(v) for k, v in data["weights"].items()},
            intercept=float(data["intercept"]),
            threshold=float(data.get("threshold", 0.5)),
            block_threshold=float(data.get("block_threshold", 0.3)),
        )

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_dict(), ensure_ascii=False) + "\n")


@functools.cache
def shipped_disclaimer_model() -> DisclaimerModel | None:
    """The model shipped with the package (None when absent or unreadable: the patterns decide alone)."""
    try:
        return DisclaimerModel.from_dict(json.loads(MODEL_PATH.read_text()))
    except (OSError, ValueError, KeyError):
        return None
