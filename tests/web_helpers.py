"""A small store for the web tests: two outlets reporting one story, actors, and one hostile article."""

from __future__ import annotations

from pathlib import Path

from lagebild.model import (
    Actor,
    Article,
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
)
from lagebild.store import Store

PAYLOAD = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'

TEXT_A = (
    "Putin forderte am Dienstag Sicherheitsgarantien von der NATO.\n\n"
    '"Wir brauchen Garantien", sagte Peskow in Moskau.'
)
TEXT_B = "Biden drohte Russland am Mittwoch mit Sanktionen. Die Ukraine begrüßte die Warnung."
TEXT_EVIL = f"Harmloser Anfang {PAYLOAD} und ein Ende mit Sanktionen."


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def article_a() -> Article:
    text = TEXT_A
    quote = _span(text, '"Wir brauchen Garantien"')
    return Article(
        id="a1",
        source=Source(name="Tagesblatt", domain="tagesblatt.example", url="https://tagesblatt.example/1"),
        language="de",
        title="Putin fordert Garantien",
        published="2021-12-07",
        text=text,
        removed=[Removed("Jetzt abonnieren!", "ui"), Removed("Foto: dpa", "credit")],
        entities=[
            Entity(*_span(text, "Putin"), "Putin", "PER", "putin"),
            Entity(*_span(text, "NATO"), "NATO", "ORG", "nato"),
            Entity(*_span(text, "Peskow"), "Peskow", "PER", None),
            Entity(*_span(text, "Moskau"), "Moskau", "LOC", "rus-gov"),
        ],
        timexes=[Timex(*_span(text, "am Dienstag"), "am Dienstag", "DATE", "2021-12-07")],
        quotes=[Quote(*quote, text[quote[0] : quote[1]], "direct", "sagte", Speaker("Peskow", "peskow"))],
        events=[
            Event(
                "REQUEST",
                status="occurred",
                source=["putin"],
                target=["nato"],
                date="2021-12-07",
                evidence=Span(0, text.index("\n")),
            )
        ],
        story="s1",
    )


def article_b() -> Article:
    text = TEXT_B
    return Article(
        id="b1",
        source=Source(name="Weltbote", domain="weltbote.example"),
        language="de",
        title="Biden droht mit Sanktionen",
        published="2021-12-08",
        text=text,
        entities=[
            Entity(*_span(text, "Biden"), "Biden", "PER", "biden"),
            Entity(*_span(text, "Russland"), "Russland", "LOC", "rus-gov"),
        ],
        timexes=[Timex(*_span(text, "am Mittwoch"), "am Mittwoch", "DATE", "2021-12-08")],
        events=[
            Event(
                "THREATEN",
                source=["biden"],
                target=["rus-gov"],
                date="2021-12-08",
                evidence=Span(0, text.index(".") + 1),
            )
        ],
        story="s1",
    )


def article_evil() -> Article:
    text = TEXT_EVIL
    return Article(
        id="evil",
        source=Source(name=f"Evil {PAYLOAD}", domain="evil.example"),
        language="de",
        title=f"Titel {PAYLOAD}",
        published="2021-12-09",
        text=text,
        removed=[Removed(f"Weg {PAYLOAD}", "other")],
        entities=[Entity(*_span(text, "Harmloser"), "Harmloser", "PER", f"x{PAYLOAD}")],
        quotes=[Quote(*_span(text, PAYLOAD), PAYLOAD, "direct", PAYLOAD, Speaker(PAYLOAD, None))],
        events=[
            Event("ACCUSE", source=[f"{PAYLOAD}"], target=["nato"], date="2021-12-09", evidence=Span(0, 20))
        ],
        story="s1",
    )


def story() -> Story:
    return Story(
        id="s1",
        title="Ukraine-Krise: Garantien und Sanktionen",
        articles=["a1", "b1", "evil"],
        sources=["Tagesblatt", "Weltbote", f"Evil {PAYLOAD}"],
        first="2021-12-07",
        last="2021-12-09",
        timeline=[
            TimelineEntry(
                "2021-12-07",
                {"type": "REQUEST", "source": ["putin"], "target": ["nato"], "date": "2021-12-07"},
                ["a1"],
            ),
            TimelineEntry(
                "2021-12-08",
                {"type": "THREATEN", "source": ["biden"], "target": ["rus-gov"], "date": "2021-12-08"},
                ["b1"],
            ),
            TimelineEntry(
                "2021-12-09",
                {"type": "ACCUSE", "source": [PAYLOAD], "target": ["nato"], "date": "2021-12-09"},
                ["evil"],
            ),
        ],
    )


ACTORS = [
    Actor("putin", "Wladimir Putin", ["Putin"], "RUS", "GOV", "person"),
    Actor("biden", "Joe Biden", ["Biden"], "USA", "GOV", "person"),
    Actor("nato", "NATO", [], None, "IGO", "organisation"),
    Actor("rus-gov", "Russland (Regierung)", ["Moskau", "Kreml"], "RUS", "GOV", "organisation"),
    Actor("peskow", "Dmitri Peskow", ["Peskow"], "RUS", "GOV", "person"),
]


def make_store(path: Path, with_story: bool = True) -> Path:
    """Fill a fresh store at ``path`` and close it (the app opens it read-only)."""
    with Store(path) as store:
        store.save_batch([article_a(), article_b(), article_evil()], run_id=None)
        store.save_actors(ACTORS)
        if with_story:
            store.save_stories([story()])
    return path
