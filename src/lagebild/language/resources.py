"""Per-language word lists, loaded once per language from the data files in ``language/<code>/``.

Each language is a folder of JSON files (``months.json``, ``weekdays.json``, ``determiners.json``, ...). A file
holds either a list of words, a mapping of words to values (``"Januar": 1``), or named groups of either
(``{"definite": [...], "possessive": [...]}``). Stages read them through :func:`data` (one language) or
:func:`merged` (the union over the languages lagebild knows, for text whose language is not settled); a
language without a folder has empty lists, so rules keyed on a word list simply do not fire for it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

LANGUAGES = ("de", "en")
"""The languages with data files, German first."""


class LanguageData:
    """The word lists of one language; each file is read on first use and kept."""

    def __init__(self, code: str) -> None:
        self.code = code
        self._tables: dict[str, Any] = {}

    def table(self, name: str) -> Any:
        """The parsed content of ``<name>.json`` (read-only views; ``{}`` when the language lacks the file)."""
        if name not in self._tables:
            self._tables[name] = _frozen(_read(self.code, name))
        return self._tables[name]

    def words(self, name: str, *groups: str) -> frozenset[str]:
        """Lower-cased words of a list file, or of the named groups of a grouped file (all groups when none
        are named); the keys where the file maps words to values."""
        content = self.table(name)
        if isinstance(content, Mapping) and _is_grouped(content):
            parts = [content.get(group, ()) for group in (groups or tuple(content))]
        else:
            parts = [content]
        return frozenset(word.lower() for part in parts for word in part)

    def mapping(self, name: str, *groups: str) -> Mapping[str, Any]:
        """Word -> value (lower-cased words) of a mapping file, or of the named groups of a grouped one."""
        content = self.table(name)
        if _is_grouped(content):
            parts = [content.get(group, {}) for group in (groups or tuple(content))]
        else:
            parts = [content]
        return MappingProxyType({word.lower(): value for part in parts for word, value in part.items()})

    def forms(self, name: str, *groups: str) -> tuple[str, ...]:
        """The words of a file or of its named groups as written (case kept), in file order."""
        content = self.table(name)
        if isinstance(content, Mapping) and _is_grouped(content):
            parts = [content.get(group, ()) for group in (groups or tuple(content))]
        else:
            parts = [content]
        return tuple(word for part in parts for word in part)


@cache
def data(language: str | None) -> LanguageData:
    """The word lists of ``language`` (ISO 639-1); an unknown or missing code gets empty lists."""
    return LanguageData(language if language in LANGUAGES else "")


def rules_language(language: str | None) -> str:
    """The language whose rules and word lists read a text: its own where lagebild has them, else German."""
    return language if language in LANGUAGES else LANGUAGES[0]


def trait(language: str | None, name: str) -> bool:
    """A property of the language's grammar from ``grammar.json`` (``verb_second``, ``capitalised_nouns``, ...);
    false where the language does not declare it."""
    return bool(data(language).table("grammar").get(name, False))


def merged(name: str, *groups: str, languages: Iterable[str] = LANGUAGES) -> frozenset[str]:
    """The union of :meth:`LanguageData.words` over ``languages`` (by default every language with data)."""
    return frozenset().union(*(data(code).words(name, *groups) for code in languages))


def merged_mapping(name: str, *groups: str, languages: Iterable[str] = LANGUAGES) -> Mapping[str, Any]:
    """The union of :meth:`LanguageData.mapping` over ``languages``; earlier languages win on shared words."""
    out: dict[str, Any] = {}
    for code in reversed(tuple(languages)):
        out.update(data(code).mapping(name, *groups))
    return MappingProxyType(out)


def _read(code: str, name: str) -> Any:
    if not code:
        return {}
    try:
        text = resources.files("lagebild.language").joinpath(code, f"{name}.json").read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    content = json.loads(text)
    if isinstance(content, dict):
        content.pop("_doc", None)
    return content


def _is_grouped(content: Any) -> bool:
    return isinstance(content, Mapping) and any(
        isinstance(v, (list, tuple, Mapping)) for v in content.values()
    )


def _frozen(content: Any) -> Any:
    if isinstance(content, dict):
        return MappingProxyType({key: _frozen(value) for key, value in content.items()})
    if isinstance(content, list):
        return tuple(_frozen(value) for value in content)
    return content
