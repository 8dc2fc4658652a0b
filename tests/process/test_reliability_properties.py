"""Property-based tests: the clean, time and quote stages never raise on arbitrary text, and their spans hold."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lagebild import clean, quotes, time
from lagebild.ingest import make_article
from lagebild.model import Article

BOUNDED = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# text with the characters these stages react to: quotes, dashes, digits, month names, cue verbs, line breaks
WORDS = st.sampled_from(
    [
        "sagte",
        "erklärte",
        "said",
        "Putin",
        "der Kreml",
        "am Dienstag",
        "30. Dezember 2021",
        "2021-12-07",
        "gestern",
        "next week",
        "um 18 Uhr",
        "seit drei Jahren",
        "jeden Montag",
        "MOSKAU (Reuters) -",
        "„",
        "“",
        '"',
        "»",
        "«",
        "'",
        ":",
        ",",
        ".",
        "\n\n",
        "\n",
        " ",
        "–",
    ]
)
TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(WORDS, st.text(max_size=8)), max_size=80).map(" ".join),
)
DATES = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()), st.text(max_size=12))


def _check_spans(text: str, spans) -> None:
    for span in spans:
        assert 0 <= span.start <= span.end <= len(text), (span, len(text))
        assert text[span.start : span.end] == span.text, span


def _article(text: str, kind: str = "text", published: str | None = None, language: str = "de") -> Article:
    article = make_article(text, kind, path="prop", published=published, language=language)
    return article


@BOUNDED
@given(text=TEXT, html=st.booleans())
def test_clean_never_raises_and_keeps_text_consistent(text, html):
    raw = f"<html><body><p>{text}</p><script>{text}</script></body></html>" if html else text
    article = clean.clean_article(_article(raw, "html" if html else "text"))
    assert isinstance(article.text, str)
    if raw.strip() and not article.text.strip():  # the stage reports a document without article text
        with pytest.raises(clean.NoArticleText):
            clean.CleanStage()(_article(raw, "html" if html else "text"))
    for removed in article.removed:
        assert isinstance(removed.text, str)
    if article.title is not None:
        assert isinstance(article.title, str)


@BOUNDED
@given(text=TEXT, dct=DATES, language=st.sampled_from(["de", "en", "xx"]))
def test_time_finder_never_raises_and_spans_hold(text, dct, language):
    timexes = time.find_timexes(text, dct, language)
    _check_spans(text, timexes)
    for timex in timexes:
        assert timex.type in {"DATE", "TIME", "DURATION", "SET"}
    article = _article(text, published=dct, language=language)
    article.text = text
    article.published = dct
    _check_spans(text, time.TimeStage()(article).timexes)


@BOUNDED
@given(text=TEXT, language=st.sampled_from(["de", "en", "fr"]))
def test_quote_finder_never_raises_and_spans_hold(text, language):
    found = quotes.find_quotes(text, language)
    _check_spans(text, found)
    for quote in found:
        assert quote.kind in {"direct", "indirect"}
        speaker = quote.speaker
        if speaker is not None and speaker.start is not None and speaker.end is not None:
            assert 0 <= speaker.start <= speaker.end <= len(text)
            if speaker.text is not None:
                assert text[speaker.start : speaker.end] == speaker.text
    article = _article(text, language=language)
    article.text = text
    _check_spans(text, quotes.QuoteStage()(article).quotes)
