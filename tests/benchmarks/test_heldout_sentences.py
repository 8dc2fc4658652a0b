"""No sentence of a benchmark's held-out half appears in src/ or tests/, whole or as a long fragment.

Held-out text: the ``test`` / ``heldout`` halves under benchmarks/data, and, where the data folder is found beside the
repository (``../shared/data``), the test ranges the benchmarks read from it: GermEval 2014 test sentences 3001-5100,
German Europarl NER test, the held-out PLOVER records, the held-out half of trafilatura-eval and the SmartData
articles of the story gold's held-out half. A fragment counts
when ``WINDOW`` consecutive words of a held-out text appear, in that order, in a file under src/ or tests/ (case and
punctuation ignored).
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BENCH_DATA = REPO / "benchmarks" / "data"
SHARED = REPO.parent / "shared" / "data"
WINDOW = 8
_WORD = re.compile(r"\w+")
HELDOUT_SPLITS = {
    "quotes_de_news.jsonl": "test",
    "actors_news.jsonl": "test",
    "events_de.jsonl": "heldout",
    "events_de_news.jsonl": "heldout",
}

Shingle = tuple[str, ...]


def shingles(text: str) -> set[Shingle]:
    """Every run of ``WINDOW`` consecutive words of ``text`` (lower case, punctuation dropped)."""
    words = _WORD.findall(text.casefold())
    return {tuple(words[i : i + WINDOW]) for i in range(len(words) - WINDOW + 1)}


def bundled_heldout() -> Iterator[tuple[str, str]]:
    """(origin, text) of every held-out item in benchmarks/data."""
    for name, split in HELDOUT_SPLITS.items():
        path = BENCH_DATA / name
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip() and (row := json.loads(line)).get("split") == split:
                yield f"{name}:{n}", row["text"]


def _benchmark(name: str):  # noqa: ANN202 - the benchmark script as a module
    spec = importlib.util.spec_from_file_location(f"{name}_benchmark", REPO / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _conll_sentences(path: Path, token_column: int) -> list[str]:
    sentences, tokens = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if tokens:
                sentences.append(" ".join(tokens))
            tokens = []
        elif not line.startswith("#"):
            tokens.append(line.split("\t" if "\t" in line else " ")[token_column])
    if tokens:
        sentences.append(" ".join(tokens))
    return sentences


def shared_heldout(data: Path) -> Iterator[tuple[str, str]]:
    """(origin, text) of the test ranges the benchmarks read from the data folder."""
    germeval = _conll_sentences(data / "german-ner" / "germeval2014" / "test.tsv", 1)
    for n, sentence in enumerate(germeval[3000:], 3001):
        yield f"GermEval 2014 test {n}", sentence
    for n, sentence in enumerate(_conll_sentences(data / "german-ner" / "europarl" / "test.tsv", 0), 1):
        yield f"Europarl NER test {n}", sentence
    english_half = _benchmark("events").english_half
    for record in json.loads((data / "plover-gsr" / "PLOVER_GSR_CAMEO.json").read_text(encoding="utf-8")):
        if record.get("text") and english_half(record["id"]) == "heldout":
            yield record["id"], record["text"]
    tuning_half = _benchmark("clean").tuning_half
    evaldata = json.loads((data / "trafilatura-eval" / "evaldata.json").read_text(encoding="utf-8"))
    for url, entry in evaldata.items():
        if not tuning_half(url):
            for snippet in (entry.get("with") or []) + (entry.get("without") or []):
                yield f"trafilatura-eval {entry.get('file')}", snippet
    stories = _benchmark("stories")
    heldout = {g.key.split(":", 1)[1] for g in stories.load_gold() if g.half == "heldout"}
    for key, article in stories.smartdata_articles(data, heldout).items():
        yield f"story gold {key}", article.text


def project_files() -> Iterator[Path]:
    """The text files under src/ and tests/."""
    for folder in (REPO / "src", REPO / "tests"):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix not in {".bin", ".pyc"}:
                yield path


def leaks(heldout: Iterator[tuple[str, str]]) -> list[str]:
    """'file: origin' for every project file holding a shingle of a held-out text."""
    origin_of: dict[Shingle, str] = {}
    for origin, text in heldout:
        for shingle in shingles(text):
            origin_of.setdefault(shingle, origin)
    found = []
    for path in project_files():
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        hits = {origin_of[s] for s in shingles(text) if s in origin_of}
        found += [f"{path.relative_to(REPO)}: {origin}" for origin in sorted(hits)]
    return found


def test_shingles_ignore_case_and_punctuation_and_need_a_full_window() -> None:
    assert shingles("Eins, zwei; DREI vier fünf sechs sieben acht.") == {
        ("eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht")
    }
    assert shingles("eins zwei drei vier fünf sechs sieben") == set()


def test_a_copied_fragment_is_found(tmp_path, monkeypatch) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "tests").mkdir()
    (tmp_path / "src" / "rules.py").write_text(
        '# "der Vorstand will am Montag in Berlin neue Pläne zeigen"\n'
    )
    monkeypatch.setattr(sys.modules[__name__], "REPO", tmp_path)
    held = [("gold:7", "Wie erwartet sagte er, der Vorstand will am Montag in Berlin neue Pläne zeigen.")]
    assert leaks(iter(held)) == ["src/rules.py: gold:7"]
    assert leaks(iter([("gold:8", "Ganz andere Worte stehen in diesem Satz, nichts davon im Code.")])) == []


def test_no_bundled_heldout_text_in_src_or_tests() -> None:
    assert leaks(bundled_heldout()) == []


def test_no_shared_test_range_text_in_src_or_tests() -> None:
    if not SHARED.is_dir():
        pytest.skip("the data folder is not beside the repository (../shared/data)")
    assert leaks(shared_heldout(SHARED)) == []
