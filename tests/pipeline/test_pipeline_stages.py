"""Declared stages, the one error policy and the time budget of the pipeline."""

from __future__ import annotations

import contextlib
import time
from dataclasses import fields

from lagebild.ingest import make_article
from lagebild.model import Article
from lagebild.pipeline import (
    INGEST_FIELDS,
    ArticlePipeline,
    Budget,
    article_stages,
    corpus_stages,
    run_stages,
)

ARTICLE_FIELDS = {f.name for f in fields(Article)}
TEXT = "Berlin (dpa) - Bundeskanzler Olaf Scholz hat am Dienstag mit Wladimir Putin telefoniert. " * 3


def test_every_stage_declares_what_it_needs_and_gives():
    available = set(INGEST_FIELDS)
    for stage in article_stages():
        assert stage.name and stage.resources
        assert set(stage.requires) <= ARTICLE_FIELDS and set(stage.assigns) <= ARTICLE_FIELDS
        missing = set(stage.requires) - available
        assert not missing, f"{stage.name} requires {missing} before any stage assigns it"
        available |= set(stage.assigns)
    batch, run = corpus_stages()
    assert [s.name for s in batch] == ["source profiles", "learned actors"]
    assert [s.name for s in run] == ["stories", "actor records"]
    for stage in batch + run:
        assert stage.assigns and isinstance(stage.requires, tuple)


class Explode:
    name = "explode"
    requires = ("text",)
    assigns = ("entities", "language")
    resources = ()

    def __call__(self, article: Article) -> Article:
        article.language = "xx"  # half-done work must not survive the failure
        article.entities = []
        raise RuntimeError("kaputt")


class Sleep:
    name = "sleep"
    requires = ()
    assigns = ("events",)
    resources = ()

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def __call__(self, article: Article) -> Article:
        deadline = time.monotonic() + self.seconds
        while time.monotonic() < deadline:
            with contextlib.suppress(Exception):  # swallowing every Exception cannot swallow the budget
                time.sleep(0.01)
        return article


def _article() -> Article:
    return make_article(TEXT, "text", path="doc.txt", published="2021-12-28")


def test_a_failing_stage_is_recorded_and_the_article_keeps_earlier_work():
    stages = article_stages()
    clean, language, entity = stages[:3]
    outcome = run_stages([clean, language, entity, Explode(), stages[3]], _article())
    assert outcome.failure is not None
    stage, reason = outcome.failure
    assert stage == "explode" and "RuntimeError: kaputt" in reason
    article = outcome.article
    assert article is not None and article.raw is None
    assert article.text.startswith("Berlin (dpa)") and article.language == "de"  # restored, not "xx"
    assert article.entities, "the entity stage's output survives the later failure"
    assert article.timexes == [] and "time" not in outcome.timings  # later stages are skipped


def test_a_stage_over_its_budget_is_stopped_with_a_reason():
    started = time.perf_counter()
    outcome = ArticlePipeline([Sleep(5.0)], Budget(stage_seconds=0.3, document_seconds=10))(_article())
    assert time.perf_counter() - started < 2.0
    assert outcome.failure is not None and outcome.failure[0] == "sleep"
    assert "time budget exceeded" in outcome.failure[1] and "0.3 s" in outcome.failure[1]
    outcome = ArticlePipeline([Sleep(0.2), Sleep(0.2), Sleep(5.0)], Budget(1.0, 0.5))(_article())
    assert outcome.failure is not None and "document limit of 0.5 s" in outcome.failure[1]


def test_long_unpunctuated_text_becomes_bounded_pseudo_sentences():
    from lagebild.language import LanguageStage
    from lagebild.language.sentences import MAX_SENTENCE_CHARS

    article = _article()
    article.text = " ".join(["Regierung", "Minister", "Verhandlungen"] * 2000)
    article = LanguageStage()(article)
    assert len(article.sentences) > 10
    assert all(s.end - s.start <= MAX_SENTENCE_CHARS for s in article.sentences)
    joined = " ".join(article.text[s.start : s.end] for s in article.sentences)
    assert joined == article.text


def test_html_deeper_than_the_parser_limit_still_gives_text():
    from lagebild.clean import CleanStage

    page = "<html><body>" + "<div>" * 50_000 + f"<p>{TEXT}</p><script>x()</script>" + "</div>" * 50_000
    article = CleanStage()(make_article(page, "html", path="deep.html"))
    assert article.text.startswith("Berlin (dpa) - Bundeskanzler") and "x()" not in article.text
