"""The quotation stage: article in, article with quotes out; entities and odd input."""

from __future__ import annotations

import pickle

from lagebild.model import Article, Entity, Span
from lagebild.quotes import QuoteStage


def test_stage_fills_quotes_and_uses_entity_actors() -> None:
    text = "„Wir wollen keinen Krieg“, sagte Peskow."
    start = text.index("Peskow")
    article = Article(
        id="a1",
        language="de",
        text=text,
        sentences=[Span(0, len(text))],
        entities=[Entity(start, start + 6, "Peskow", "PER", actor="dmitri-peskow")],
    )
    out = QuoteStage()(article)
    assert len(out.quotes) == 1
    assert out.quotes[0].speaker.actor == "dmitri-peskow"
    assert out.to_dict()["quotes"][0]["speaker"]["text"] == "Peskow"


def test_pronoun_falls_back_to_last_person_entity() -> None:
    text = "Wladimir Putin traf Scholz. Er sagte, er wolle verhandeln."
    article = Article(
        id="a2", language="de", text=text, entities=[Entity(0, 14, "Wladimir Putin", "PER", "putin")]
    )
    (quote,) = QuoteStage()(article).quotes
    assert quote.speaker.text == "Wladimir Putin" and quote.speaker.actor == "putin"


def test_stage_is_picklable_and_survives_odd_input() -> None:
    stage = pickle.loads(pickle.dumps(QuoteStage()))
    for text in ["", "   ", "„", '"""', "»«»«", "x" * 5000, "Привет, сказал он.", "„a“ " * 2000]:
        article = stage(Article(id="odd", language=None, text=text))
        assert isinstance(article.quotes, list)
