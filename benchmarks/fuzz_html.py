"""Fuzz the HTML path (decode -> ingest -> clean) with hypothesis-generated hostile pages; one table.

Pages are random trees of real and made-up tags with attributes, entities, comments, script/style/noscript blocks,
unclosed and stray tags, deep nesting and random bytes in legacy encodings. Every page must come through
``decode_bytes`` and ``clean_article`` (the stage body, without the stage's own safety net) without an exception, and
the clean text must be a string free of markup from script and style blocks. Failures are shrunk to a minimal page.

    .venv/bin/python benchmarks/fuzz_html.py [--examples 2000] [--seed 0]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from lagebild.clean import clean_article  # noqa: E402
from lagebild.ingest import BinaryContent, decode_bytes, make_article  # noqa: E402

TAGS = [
    "html",
    "head",
    "body",
    "div",
    "p",
    "span",
    "article",
    "section",
    "nav",
    "footer",
    "aside",
    "table",
    "tr",
    "td",
    "ul",
    "li",
    "a",
    "b",
    "i",
    "h1",
    "h2",
    "figure",
    "figcaption",
    "br",
    "hr",
    "img",
    "time",
    "meta",
    "title",
    "blockquote",
    "x-widget",
    "svg",
    "iframe",
    "form",
    "button",
    "noscript",
    "template",
]
RAW_BLOCKS = ["script", "style"]
"""Blocks whose content must never reach the clean text (marked with MARKER); noscript/template are in TAGS."""
MARKER = "FUZZMARKERJS"
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40) | st.sampled_from(
    [
        "Die Bundesregierung sagte am Dienstag:",
        "„Wir verhandeln“, erklärte der Kreml.",
        "&amp;",
        "&nbsp;",
        "&#x0;",
        "&unknown;",
        "<",
        ">",
        "]]>",
        "<!--",
        "-->",
        "<![CDATA[",
        "\u202e",
        "\ufeff",
        "\x00",
        "MOSKAU (Reuters) -",
    ]
)
TEXT = TEXT.map(lambda t: t.replace(MARKER, ""))  # hypothesis also draws the module's string constants
ATTRS = st.dictionaries(
    st.sampled_from(
        ["class", "id", "style", "href", "lang", "content", "name", "datetime", "onload", "data-x"]
    ),
    TEXT,
    max_size=3,
)


def _attrs(attrs: dict[str, str]) -> str:
    return "".join(f' {k}="{v.replace(chr(34), "&quot;")}"' for k, v in attrs.items())


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    tree = st.builds(
        lambda tag, attrs, inner, close: (
            f"<{tag}{_attrs(attrs)}>{''.join(inner)}" + (f"</{tag}>" if close else "")
        ),
        st.sampled_from(TAGS),
        ATTRS,
        st.lists(children, max_size=4),
        st.booleans(),
    )
    raw = st.builds(
        lambda tag, body: f"<{tag}>{MARKER}{body}</{tag}>",
        st.sampled_from(RAW_BLOCKS),
        TEXT,
    )
    return tree | raw


NODES = st.recursive(TEXT | st.just("<!-- comment -->") | st.just("</p></div>"), _element, max_leaves=40)
DEEP = st.integers(min_value=0, max_value=3000).map(
    lambda n: "<div>" * n + "<p>tief</p>" + "</div>" * (n // 2)
)
PAGES = st.lists(NODES | DEEP, min_size=1, max_size=6).map("".join)
ENCODINGS = st.sampled_from(["utf-8", "cp1252", "latin-1", "utf-16", "utf-8-sig"])


def check(page: str, encoding: str, noise: bytes) -> None:
    """One page through the HTML path; raises on any violated property."""
    data = page.encode(encoding, errors="replace") + noise
    try:
        text = decode_bytes(data)
    except BinaryContent:
        return
    article = clean_article(make_article(text, "html", path="fuzz"))
    assert isinstance(article.text, str)
    assert MARKER not in article.text, "script/style content leaked into the text"
    assert article.title is None or isinstance(article.title, str)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--examples", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    count = 0

    @seed(args.seed)
    @settings(
        max_examples=args.examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(page=PAGES, encoding=ENCODINGS, noise=st.binary(max_size=16))
    def fuzz(page: str, encoding: str, noise: bytes) -> None:
        nonlocal count
        count += 1
        check(page, encoding, noise)

    started = time.perf_counter()
    failure = ""
    try:
        fuzz()
    except Exception as exc:  # noqa: BLE001 - report the shrunk failing page
        found = exc.exceptions if isinstance(exc, BaseExceptionGroup) else (exc,)
        failure = "\n".join(
            f"{type(e).__name__}: {str(e)[:200]} {' '.join(getattr(e, '__notes__', []))[:400]}" for e in found
        )
    seconds = time.perf_counter() - started
    print("Fuzzing the HTML path (decode_bytes -> clean_article) with hypothesis")
    print(f"{'pages run':<16}{'failures':>10}{'seconds':>10}{'pages/s':>10}")
    print(f"{count:<16}{int(bool(failure)):>10}{seconds:>10.1f}{count / seconds:>10.1f}")
    if failure:
        print(f"first failure (shrunk): {failure}")
        raise SystemExit(1)


if __name__ == "__main__":
    main()
