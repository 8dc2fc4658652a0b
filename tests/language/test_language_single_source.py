"""Word lists, the tokenizer and the sentence splitter are defined once: in ``lagebild.language``."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from lagebild.language.resources import merged

SRC = Path(__file__).resolve().parents[2] / "src" / "lagebild"
LANGUAGE = SRC / "language"

_MONTHS = merged("months", "names")
_WEEKDAYS = merged("weekdays")
_ARTICLES = (frozenset({"der", "die", "das", "den", "dem", "des"}), frozenset({"the", "a", "an"}))
_CASE_CLASS = re.compile(r"\[(\w)\w\]")  # "[Mm]ontag" -> "Montag"


def _strings(node: ast.AST) -> list[str]:
    """The string elements of a literal collection (set, list, tuple, dict keys)."""
    if isinstance(node, (ast.Set, ast.List, ast.Tuple)):
        items = node.elts
    elif isinstance(node, ast.Dict):
        items = [k for k in node.keys if k is not None]
    else:
        return []
    return [i.value.lower() for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)]


def _names_in(text: str, names: frozenset[str]) -> set[str]:
    words = set(re.findall(r"[^\W\d_]+", _CASE_CLASS.sub(r"\1", text).lower()))
    return words & names


def word_list_copies(source: str) -> list[str]:
    """What in ``source`` restates a month, weekday or article list: literal collections, and strings (regexes)
    that spell out three or more month or weekday names."""
    found = []
    tree = ast.parse(source)
    docstrings = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr)}
    for node in ast.walk(tree):
        words = set(_strings(node))
        for label, names in (("months", _MONTHS), ("weekdays", _WEEKDAYS)):
            if len(words & names) >= 3:
                found.append(f"line {node.lineno}: {label} {sorted(words & names)}")
        for articles in _ARTICLES:
            if len(words & articles) >= 3:
                found.append(f"line {node.lineno}: determiners {sorted(words & articles)}")
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            for label, names in (("months", _MONTHS), ("weekdays", _WEEKDAYS)):
                if len(hits := _names_in(node.value, names)) >= 3:
                    found.append(f"line {node.lineno}: {label} in a string {sorted(hits)}")
    return found


_SPLITTER_NAME = re.compile(r"(?:^|_)(?:WORDS?|TOKENS?|TOKEN_RE|SENTENCE_END|SENTENCES?)$")
_SPLITTER_FUNCTION = re.compile(r"^_?(?:tokeni[sz]e\w*|split_sentences\w*|sentences_of|paragraph_bounds)$")
# the word pieces of clean's trained line model (their vocabulary: other tokens mean retraining them)
_KEPT_SPLITTERS = {"clean/lines.py:_WORD"}


def splitter_copies(source: str) -> list[str]:
    """Tokenizers and sentence splitters defined in ``source``: functions named like one, and module-level
    compiled regexes named like one (``_WORD``, ``_TOKEN``, ``_SENTENCE_END``) that the module scans text with."""
    tree = ast.parse(source)
    found = [
        f"def {node.name}"
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and _SPLITTER_FUNCTION.match(node.name)
    ]
    for node in tree.body:
        if not (isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)):
            continue
        if getattr(node.value.func, "attr", "") != "compile":
            continue
        for target in node.targets:
            scanned = re.search(rf"\b{getattr(target, 'id', '')}\.(?:finditer|findall|split)\(", source)
            if isinstance(target, ast.Name) and _SPLITTER_NAME.search(target.id) and scanned:
                found.append(target.id)
    return found


def _modules() -> list[Path]:
    return [p for p in sorted(SRC.rglob("*.py")) if LANGUAGE not in p.parents]


def test_word_lists_live_only_in_the_language_data():
    copies = {
        str(p.relative_to(SRC)): found for p in _modules() if (found := word_list_copies(p.read_text()))
    }
    assert copies == {}


def test_tokenizers_and_sentence_splitters_live_only_in_the_language_package():
    copies = {
        f"{p.relative_to(SRC)}:{name}"
        for p in _modules()
        for name in splitter_copies(p.read_text())
        if f"{p.relative_to(SRC)}:{name}" not in _KEPT_SPLITTERS
    }
    assert copies == set()


def test_the_scan_finds_a_tokenizer_or_splitter():
    assert splitter_copies('import re\n_WORD = re.compile(r"\\w+")\nwords = _WORD.findall(text)') == ["_WORD"]
    assert splitter_copies("def split_sentences(text):\n    return []") == ["def split_sentences"]
    assert splitter_copies('import re\n_WORD = re.compile(r"\\w+")\nok = _WORD.fullmatch(text)') == []
    assert "tokenize" in {
        n.removeprefix("def ") for n in splitter_copies((LANGUAGE / "tokens.py").read_text())
    }


def test_the_scan_finds_a_restated_list():
    assert word_list_copies('M = {"januar": 1, "februar": 2, "märz": 3}')
    assert word_list_copies('W = r"(?P<wd>[Mm]ontag|[Dd]ienstag|[Mm]ittwoch)"')
    assert word_list_copies('D = ("the", "a", "an")')
    assert word_list_copies('D = frozenset({"der", "die", "das"})')
    assert not word_list_copies('X = {"der", "von", "zu"}')
    assert not word_list_copies('def f():\n    """Januar, Februar, März."""')


def test_the_language_data_has_the_lists():
    assert {"januar", "jänner", "january"} <= _MONTHS
    assert {"montag", "sonnabend", "sunday"} <= _WEEKDAYS
    assert {"der", "eines", "the", "an"} <= merged("determiners")
