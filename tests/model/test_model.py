import json

from lagebild.model import (
    Article,
    Caption,
    Dateline,
    Entity,
    Event,
    Quote,
    Removed,
    Source,
    Span,
    Speaker,
    Story,
    TimelineEntry,
    Timex,
    content_id,
)

CONTRACT_KEYS = [
    "id",
    "source",
    "language",
    "title",
    "dateline",
    "published",
    "published_from",
    "text",
    "removed",
    "captions",
    "entities",
    "timexes",
    "quotes",
    "events",
    "story",
]


def full_article() -> Article:
    text = "Putin sagte: „Wir wollen Garantien.“"
    return Article(
        id="abc",
        source=Source(
            name="Reuters", domain="reuters.com", url="https://reuters.com/x", fetched="2021-12-07T18:00:00Z"
        ),
        language="de",
        title="Titel",
        dateline=Dateline(place="MOSKAU", agency="Reuters"),
        published="2021-12-07",
        published_from="given",
        text=text,
        removed=[Removed("Anmelden", "ui")],
        captions=[Caption("Putin im Kreml", "Reuters")],
        entities=[Entity(0, 5, "Putin", "PER", "per.wladimir-putin")],
        timexes=[Timex(0, 3, "heute", "DATE", "2021-12-07")],
        quotes=[
            Quote(
                13,
                36,
                "Wir wollen Garantien.",
                "direct",
                "sagte",
                Speaker("Putin", "per.wladimir-putin", 0, 5),
            )
        ],
        events=[Event("REQUEST", None, "occurred", ["RUS.GOV"], ["USA.GOV"], "2021-12-07", Span(0, 36), 0)],
        story="s1",
        sentences=[Span(0, len(text))],
    )


def test_round_trip_is_exact():
    article = full_article()
    line = article.to_json()
    again = Article.from_json(line)
    assert again == article
    assert again.to_json() == line


def test_contract_keys_in_order_and_raw_not_exported():
    data = full_article().to_dict()
    assert list(data)[: len(CONTRACT_KEYS)] == CONTRACT_KEYS
    assert "raw" not in data
    assert data["quotes"][0]["speaker"]["actor"] == "per.wladimir-putin"
    assert data["events"][0]["evidence"] == {"start": 0, "end": 36}
    json.dumps(data)


def test_minimal_contract_json_loads():
    data = {
        "id": "x",
        "source": {"name": None, "domain": None, "url": None, "fetched": None},
        "text": "",
        "unknown_extension": 1,
    }
    article = Article.from_dict(data)
    assert article.id == "x" and article.events == [] and article.dateline is None


def test_story_round_trip():
    story = Story(
        "s1",
        "T",
        ["a"],
        ["Reuters"],
        "2021-12-07",
        "2021-12-30",
        [TimelineEntry("2021-12-07", {"type": "CONSULT"}, ["a"])],
    )
    assert Story.from_dict(json.loads(json.dumps(story.to_dict()))) == story


def test_content_id_ignores_whitespace_only_changes():
    assert content_id("a  b\n c") == content_id("a b c")
    assert content_id("a b") != content_id("a c")
