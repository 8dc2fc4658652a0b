"""The start-up check: every library a command needs must load, else the command stops at once with the reason.

A broken install (trafilatura missing, lxml without its html-clean part, a DuckDB built for another Python) would
otherwise show up only as failures of every document, or worse as empty articles.
"""

from __future__ import annotations

import importlib
import importlib.util

PROCESS_MODULES: tuple[str, ...] = (
    "charset_normalizer",
    "ftfy",
    "warcio",
    "lxml.etree",
    "lxml.html",
    "lxml_html_clean",
    "justext",
    "trafilatura",
    "duckdb",
    "pyarrow",
    "pyarrow.parquet",
    "somajo",
    "py3langid",
    "pycrfsuite",
    "numpy",
    "snowballstemmer",
    "Stemmer",
    "stop_words",
    "pycountry",
)
"""What ``lagebild process`` loads: ingest, cleaning (trafilatura uses jusText, which needs lxml_html_clean),
language, entities, events and the store."""

PROCESS_LATER: tuple[str, ...] = ("datasketch", "sklearn")
"""What the story stage loads at the end of a run: only looked up (importing them takes seconds)."""

SERVE_MODULES: tuple[str, ...] = ("duckdb", "pyarrow", "fastapi", "uvicorn", "jinja2")


class MissingDependency(RuntimeError):
    """A required library cannot be loaded; the message lists each with the reason."""


def check(modules: tuple[str, ...], later: tuple[str, ...] = ()) -> None:
    """Import ``modules`` and look ``later`` up; raise :class:`MissingDependency` naming each one that fails and
    why."""
    problems = [f"{name}: not installed" for name in later if importlib.util.find_spec(name) is None]
    for name in modules:
        try:
            importlib.import_module(name)
        except Exception as exc:  # noqa: BLE001 - any failure to load is reported, with its reason
            problems.append(f"{name}: {type(exc).__name__}: {exc}"[:300])
    if problems:
        raise MissingDependency(
            "required libraries cannot be loaded (reinstall lagebild with its dependencies):\n  "
            + "\n  ".join(problems)
        )
