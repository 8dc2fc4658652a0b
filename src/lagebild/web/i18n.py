"""German and English interface strings. German is the default."""

from __future__ import annotations

from datetime import date

LANGUAGES = ("de", "en")
DEFAULT_LANGUAGE = "de"

DATE_FORMATS: dict[str, tuple[str, str]] = {
    "de": ("TT.MM.JJJJ", "%d.%m.%Y"),
    "en": ("YYYY-MM-DD", "%Y-%m-%d"),
}
"""Per interface language: the date format as shown to the user, and as ``strftime`` writes it."""

STRINGS: dict[str, dict[str, str]] = {
    "app": {"de": "Lagebild", "en": "Lagebild"},
    "stories": {"de": "Geschichten", "en": "Stories"},
    "articles": {"de": "Artikel", "en": "Articles"},
    "actors": {"de": "Akteure", "en": "Actors"},
    "outlets": {"de": "Medienvergleich", "en": "Outlet comparison"},
    "outlet": {"de": "Medium", "en": "Outlet"},
    "all_outlets": {"de": "alle Medien", "en": "all outlets"},
    "search": {"de": "Suche", "en": "Search"},
    "search_placeholder": {"de": "Volltextsuche …", "en": "Full-text search …"},
    "from": {"de": "von", "en": "from"},
    "to": {"de": "bis", "en": "to"},
    "apply": {"de": "Anwenden", "en": "Apply"},
    "no_stories": {"de": "Keine Geschichten gefunden.", "en": "No stories found."},
    "no_articles": {"de": "Keine Artikel gefunden.", "en": "No articles found."},
    "no_events": {"de": "Keine Ereignisse.", "en": "No events."},
    "no_quotes": {"de": "Keine Zitate.", "en": "No quotes."},
    "latest_articles": {"de": "Neueste Artikel", "en": "Latest articles"},
    "search_hits": {"de": "Treffer in Artikeln", "en": "Matching articles"},
    "title": {"de": "Titel", "en": "Title"},
    "period": {"de": "Zeitraum", "en": "Period"},
    "sources": {"de": "Quellen", "en": "Sources"},
    "timeline": {"de": "Ticker", "en": "Live ticker"},
    "newest_first": {"de": "Neueste zuerst", "en": "Newest first"},
    "oldest_first": {"de": "Älteste zuerst", "en": "Oldest first"},
    "reported_by": {"de": "berichtet von", "en": "reported by"},
    "quotes_by_speaker": {"de": "Zitate nach Sprecher", "en": "Quotes by speaker"},
    "events_per_day": {"de": "Ereignisse pro Tag nach Typ", "en": "Events per day by type"},
    "dyad_curve": {"de": "Konflikt/Kooperation der Dyade", "en": "Dyad conflict/cooperation"},
    "dyad_note": {
        "de": "Tagessumme gewichteter Ereignisse zwischen beiden Akteuren in allen Artikeln, Meldungen mehrerer"
        " Artikel zusammengeführt (positiv: Kooperation, negativ: Konflikt).",
        "en": "Daily sum of weighted events between the two actors across all articles, reports of several articles"
        " merged (positive: cooperation, negative: conflict).",
    },
    "outlet_coverage": {"de": "Berichterstattung je Medium", "en": "Coverage by outlet"},
    "coverage_note": {
        "de": "Ereignisse der Zeitleiste und Zitate, die das Medium gebracht hat, von allen der Geschichte.",
        "en": "Timeline events and quotes the outlet carried, out of all in the story.",
    },
    "no_dyad": {"de": "Keine Dyade mit Ereignissen.", "en": "No dyad with events."},
    "text": {"de": "Text", "en": "Text"},
    "legend": {"de": "Legende", "en": "Legend"},
    "entity": {"de": "Entität", "en": "Entity"},
    "timex": {"de": "Zeitangabe", "en": "Date/time"},
    "quote": {"de": "Zitat", "en": "Quote"},
    "event": {"de": "Ereignis", "en": "Event"},
    "entities": {"de": "Entitäten", "en": "Entities"},
    "timexes": {"de": "Zeitangaben", "en": "Dates and times"},
    "quotes": {"de": "Zitate", "en": "Quotes"},
    "events": {"de": "Ereignisse", "en": "Events"},
    "removed": {"de": "Entfernte Textteile", "en": "Removed boilerplate"},
    "reason": {"de": "Grund", "en": "Reason"},
    "captions": {"de": "Bildunterschriften", "en": "Captions"},
    "published": {"de": "Veröffentlicht", "en": "Published"},
    "language": {"de": "Sprache", "en": "Language"},
    "story": {"de": "Geschichte", "en": "Story"},
    "type": {"de": "Typ", "en": "Type"},
    "status": {"de": "Status", "en": "Status"},
    "source_actor": {"de": "Akteur (Quelle)", "en": "Source actor"},
    "target_actor": {"de": "Ziel", "en": "Target"},
    "as_source": {"de": "als Quelle", "en": "as source"},
    "as_target": {"de": "als Ziel", "en": "as target"},
    "date": {"de": "Datum", "en": "Date"},
    "speaker": {"de": "Sprecher", "en": "Speaker"},
    "unknown_speaker": {"de": "unbekannter Sprecher", "en": "unknown speaker"},
    "country": {"de": "Land", "en": "Country"},
    "sector": {"de": "Sektor", "en": "Sector"},
    "kind": {"de": "Art", "en": "Kind"},
    "name": {"de": "Name", "en": "Name"},
    "count": {"de": "Anzahl", "en": "Count"},
    "events_over_time": {"de": "Ereignisse im Zeitverlauf", "en": "Events over time"},
    "role": {"de": "Rolle", "en": "Role"},
    "counterpart": {"de": "Gegenüber", "en": "Counterpart"},
    "n_articles": {"de": "Artikel", "en": "Articles"},
    "n_stories": {"de": "Geschichten", "en": "Stories"},
    "n_events": {"de": "Ereignisse", "en": "Events"},
    "events_per_article": {"de": "Ereignisse/Artikel", "en": "Events/article"},
    "n_quotes": {"de": "Zitate", "en": "Quotes"},
    "n_actors": {"de": "Akteure", "en": "Actors"},
    "top_type": {"de": "Häufigster Typ", "en": "Most frequent type"},
    "conflict_share": {"de": "Konfliktanteil", "en": "Conflict share"},
    "avg_length": {"de": "Ø Länge (Zeichen)", "en": "Avg. length (chars)"},
    "previous": {"de": "Zurück", "en": "Previous"},
    "next": {"de": "Weiter", "en": "Next"},
    "not_found": {"de": "Nicht gefunden", "en": "Not found"},
    "error": {"de": "Fehler", "en": "Error"},
    "outlets_chart_note": {
        "de": "Je Medium: Anteil der Ereignisse und Zitate seiner Geschichten, die es gebracht hat (dunkel), und "
        "was es weggelassen hat (hell); nur Geschichten mit mehreren Medien.",
        "en": "Per outlet: the share of the events and quotes of its stories that it carried (dark) and what it "
        "left out (light); stories with several outlets only.",
    },
    "status_occurred": {"de": "eingetreten", "en": "occurred"},
    "status_planned": {"de": "geplant", "en": "planned"},
    "status_threatened": {"de": "angedroht", "en": "threatened"},
    "status_denied": {"de": "bestritten", "en": "denied"},
    "status_hypothetical": {"de": "hypothetisch", "en": "hypothetical"},
    "alerts": {"de": "Meldungen", "en": "Alerts"},
    "alert": {"de": "Beobachtung", "en": "Watch"},
    "all_alerts": {"de": "alle Beobachtungen", "en": "all watches"},
    "noticed": {"de": "Bemerkt", "en": "Noticed"},
    "no_alerts": {
        "de": "Keine Meldungen. Beobachtungen stehen als [[alert]] in der Quellendatei von lagebild watch.",
        "en": "No alerts. Watches are [[alert]] entries in the sources file of lagebild watch.",
    },
    "error_405": {"de": "Methode nicht erlaubt", "en": "Method not allowed"},
    "error_422": {"de": "Ungültige Angaben in der Anfrage", "en": "Invalid request parameters"},
    "error_503": {
        "de": "Datenbestand gerade nicht lesbar – bitte gleich erneut laden",
        "en": "Store not readable right now – please reload shortly",
    },
    "api": {"de": "API", "en": "API"},
    "export": {"de": "Export", "en": "Export"},
    "untrusted_note": {
        "de": "Artikelinhalte werden als reiner Text angezeigt.",
        "en": "Article content is shown as plain text.",
    },
}


def format_day(iso: str | None, lang: str) -> str:
    """A ``YYYY-MM-DD`` day in the interface language's date format ('' for none)."""
    if not iso:
        return ""
    try:
        return date.fromisoformat(iso).strftime(DATE_FORMATS[pick_language(lang)][1])
    except ValueError:
        return iso


def pick_language(value: str | None) -> str:
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def translator(lang: str):  # noqa: ANN201 - a small closure for templates
    """``t(key)`` for templates; unknown keys fall back to the key itself."""

    def t(key: str) -> str:
        entry = STRINGS.get(key)
        return entry.get(lang, entry[DEFAULT_LANGUAGE]) if entry else key

    return t
