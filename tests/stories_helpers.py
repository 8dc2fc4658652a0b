"""Articles built by hand for the stories tests."""

from __future__ import annotations

from lagebild.model import Article, Entity, Event, Quote, Source, Span, Speaker

CALL = (
    "Der russische Präsident Wladimir Putin und US-Präsident Joe Biden haben in einer Videoschalte über die Lage "
    "an der ukrainischen Grenze gesprochen. Putin forderte rechtlich verbindliche Sicherheitsgarantien von der "
    "Nato. Biden drohte mit harten Wirtschaftssanktionen, falls Russland die Ukraine angreife. Beide Präsidenten "
    "vereinbarten, dass ihre Berater Konsultationen über Sicherheitsgarantien und Truppenbewegungen aufnehmen. "
    "Kremlsprecher Dmitri Peskow nannte das Gespräch offen und sachlich."
)
FOLLOW_UP = (
    "Wladimir Putin und Joe Biden haben erneut telefoniert, diesmal über die Sicherheitsgarantien für Russland "
    "und die Truppen an der ukrainischen Grenze. Die Präsidenten hatten bereits in einer Videoschalte gesprochen. "
    "Biden warnte Putin erneut vor Sanktionen gegen Russland bei einem Angriff auf die Ukraine. Der Kreml "
    "bezeichnete das Telefonat über die Sicherheitsgarantien als konstruktiv."
)
FLOOD = (
    "Nach tagelangem Starkregen sind im Ahrtal mehrere Orte überflutet worden. Feuerwehr und Technisches "
    "Hilfswerk retteten Bewohner von Dächern, Straßen und Brücken wurden vom Hochwasser weggerissen. Der "
    "Wetterdienst warnt vor weiteren Unwettern in Rheinland-Pfalz und Nordrhein-Westfalen, die Pegel steigen."
)
ELECTION = (
    "Bei der Parlamentswahl in den Niederlanden hat die liberale Partei von Mark Rutte die meisten Sitze "
    "gewonnen. Die Koalitionsverhandlungen dürften nach Einschätzung von Beobachtern Monate dauern, weil die "
    "Sozialdemokraten und die Grünen deutliche Verluste hinnehmen mussten und das Parlament zersplittert ist."
)


def article(
    aid: str,
    text: str,
    published: str,
    outlet: str,
    title: str | None = None,
    actors: tuple[str, ...] = (),
    events: list[Event] | None = None,
    quotes: list[Quote] | None = None,
) -> Article:
    entities = [Entity(0, 1, a, "PER", actor=a) for a in actors]
    return Article(
        id=aid,
        source=Source(name=outlet, domain=f"{outlet}.example"),
        language="de",
        title=title,
        published=published,
        text=text,
        entities=entities,
        events=events or [],
        quotes=quotes or [],
    )


def event(kind: str, source: list[str], target: list[str], date: str, status: str = "occurred") -> Event:
    return Event(type=kind, status=status, source=source, target=target, date=date, evidence=Span(0, 20))


def quote(text: str, speaker: str | None) -> Quote:
    return Quote(0, len(text), text, "direct", cue="sagte", speaker=Speaker(text=speaker, actor=speaker))


def wire_copy(text: str, outlet: str) -> str:
    """A re-published wire text: portal boilerplate around the same body."""
    return f"{text}\n\nMehr zum Thema auf {outlet}: Newsletter abonnieren."
