"""Skip trafilatura's fallback comparison where its own extraction is clearly an article.

trafilatura runs readability on every page (and jusText on short or unclean results) to compare with its own
extraction, unless told to skip every fallback (``fast=True``, which also drops its rescues for short pages and
keeps teaser blocks). Readability replaces a long, paragraph-built extraction only when it finds twice as much text,
and jusText only looks at short or unclean ones; so for such an extraction the comparison is skipped, and every
other page gets trafilatura's full cascade unchanged. The gate acts only inside ``gated()`` (other callers of
trafilatura in the process are unaffected) and is not installed when trafilatura's internals differ from what it
expects.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import inspect
from collections.abc import Iterator
from copy import copy

from lxml import etree

MIN_CHARS = 1500  # an extraction at least this long ...
MIN_PARAGRAPHS = 3  # ... with at least this many paragraphs, and no more tables than paragraphs, stands

_active: contextvars.ContextVar[bool] = contextvars.ContextVar("fallback_gate_active", default=False)
_EXPECTED = ["cleaned_tree", "cleaned_tree_backup", "tree", "options"]


def clearly_article(body: etree._Element, text: str) -> bool:
    """A long extraction made of paragraphs (not tables or loose text)."""
    if len(text) < MIN_CHARS:
        return False
    paragraphs = sum(1 for _ in body.iter("p"))
    return paragraphs >= MIN_PARAGRAPHS and sum(1 for _ in body.iter("table")) <= paragraphs


@functools.cache
def installed() -> bool:
    """Wrap trafilatura's extract-then-compare step once per process; False when its internals differ."""
    try:
        import trafilatura.core as core
    except ImportError:
        return False
    original = getattr(core, "_extract_and_compare", None)
    extract_content = getattr(core, "extract_content", None)
    compare = getattr(core, "compare_extraction", None)
    if original is None or extract_content is None or compare is None:
        return False
    if list(inspect.signature(original).parameters) != _EXPECTED:
        return False

    @functools.wraps(original)
    def extract_and_compare(cleaned_tree, cleaned_tree_backup, tree, options):  # noqa: ANN001, ANN202
        if not _active.get() or options.fast:
            return original(cleaned_tree, cleaned_tree_backup, tree, options)
        body, text = extract_content(cleaned_tree, options)
        if clearly_article(body, text):
            return body, text
        return compare(cleaned_tree_backup, copy(tree), body, text, options)

    core._extract_and_compare = extract_and_compare
    return True


@contextlib.contextmanager
def gated() -> Iterator[bool]:
    """Within the block, trafilatura skips the comparison for clear articles; yields whether the gate is in place."""
    token = _active.set(installed())
    try:
        yield _active.get()
    finally:
        _active.reset(token)
