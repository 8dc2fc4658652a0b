"""Boilerplate spliced into the body: disclaimers by content, teasers by topic shift, outlet repeats."""

from __future__ import annotations

from lagebild.clean import SourceProfiles
from lagebild.clean.disclaimer import DisclaimerModel, line_terms, shipped_disclaimer_model
from lagebild.clean.inserts import mark_disclaimers
from lagebild.clean.lines import classify_lines, make_line

BODY = [
    "Der Autobauer hat im dritten Quartal deutlich mehr Fahrzeuge verkauft als ein Jahr zuvor, teilte das Unternehmen "
    "am Dienstag in Wolfsburg mit.",
    "Vor allem in China sei die Nachfrage nach Elektroautos gestiegen, sagte ein Sprecher des Konzerns den Reportern.",
    "Die Aktie des Unternehmens legte nach der Mitteilung an der Frankfurter Börse um mehr als drei Prozent zu.",
    "Analysten hatten mit einem schwächeren Ergebnis gerechnet, weil die Lieferketten weiterhin gestört sind.",
]


def reasons(lines: list[str], **kwargs) -> dict[str, str]:
    return {r.text: r.reason for r in classify_lines(lines, **kwargs).removed}


def test_shipped_disclaimer_model_separates_a_notice_from_news() -> None:
    model = shipped_disclaimer_model()
    assert model is not None
    notice = "Der Betreiber übernimmt keine Haftung für Verluste, die aus Anlageentscheidungen auf Grundlage dieser Seite entstehen."
    news = BODY[2]
    assert model.score(make_line(notice).tokens, notice.lower()) >= model.block_threshold
    assert model.score(make_line(news).tokens, news.lower()) < model.block_threshold


def test_two_paragraph_disclaimer_closing_the_body_is_removed_with_its_reason() -> None:
    disclaimer = [
        "Haftungsausschluss: Die Inhalte dieses Angebots dienen nur der Information und sind keine Aufforderung zum Kauf "
        "oder Verkauf von Wertpapieren. Für die Richtigkeit und Vollständigkeit der Angaben wird keine Gewähr übernommen, "
        "und jede Anlageentscheidung erfolgt auf eigenes Risiko des Lesers.",
        "Der Herausgeber und die Autoren übernehmen keine Haftung für Verluste, die aus der Verwendung dieser "
        "Informationen entstehen, und haften auch nicht für Schäden durch verspätete oder fehlerhafte Kursangaben.",
    ]
    lines = [*BODY, *disclaimer]
    result = classify_lines(lines)
    assert result.body == BODY
    assert [reasons(lines)[line] for line in disclaimer] == ["disclaimer", "disclaimer"]


def test_block_threshold_reaches_the_neighbour_of_a_disclaimer() -> None:
    weights = {"cue:liability": 3.5, "cue:information": 1.2}
    model = DisclaimerModel(weights=weights, intercept=-1.0, threshold=0.9, block_threshold=0.5)
    texts = [
        BODY[0],
        "Keine Haftung für Inhalte externer Seiten wird übernommen.",
        "Zur Richtigkeit der Angaben auf dieser Seite unten.",
        BODY[1],
    ]
    lines = [make_line(text) for text in texts]
    for line in lines:
        line.keep = True
    scores = [model.score(line.tokens, line.text.lower()) for line in lines]
    assert scores[1] >= 0.9 > scores[2] >= 0.5
    mark_disclaimers(lines, model)
    assert [line.reason for line in lines] == [None, "disclaimer", "disclaimer", None]
    assert [line.keep for line in lines] == [True, False, False, True]


def test_terms_carry_compounds_and_cue_families() -> None:
    text = "haftungsausschluss für anlageentscheidungen"
    terms = line_terms(text.split(), text)
    assert {"<haftu", ">hluss", "cue:liability", "cue:finance"} <= terms


def test_headline_of_another_article_between_paragraphs_is_a_teaser() -> None:
    teaser = "Unwetter in Bayern: Feuerwehr rettet Urlauber aus überfluteter Ferienwohnung"
    lines = ["Autobauer verkauft mehr Elektroautos in China", BODY[0], BODY[1], teaser, BODY[2], BODY[3]]
    result = classify_lines(lines)
    assert reasons(lines)[teaser] == "teaser"
    assert result.body == BODY


def test_subheading_that_continues_the_article_is_kept() -> None:
    subheading = "Nachfrage nach Elektroautos in China"
    lines = ["Autobauer verkauft mehr Elektroautos", BODY[0], subheading, BODY[1], BODY[2], BODY[3]]
    assert subheading in classify_lines(lines).body


def test_headline_repeated_inside_the_body_is_not_body() -> None:
    title = "Autobauer verkauft mehr Elektroautos in China"
    result = classify_lines([title, BODY[0], BODY[1], title, BODY[2], BODY[3]])
    assert result.title == title
    assert result.body == BODY


def test_outlet_profile_removes_repeated_lines_with_outlet_repeat() -> None:
    banner = "Unsere Redaktion empfiehlt Ihnen heute die folgenden Beiträge aus der Region und aus aller Welt"
    profiles = SourceProfiles()
    for n in range(3):
        profiles.observe("zeitung.example", [banner, f"Artikel Nummer {n} mit eigenem Text"])
    lines = [BODY[0], banner, BODY[1], BODY[2]]
    assert reasons(lines, source="zeitung.example", profiles=profiles)[banner] == "outlet-repeat"
    assert reasons(lines, source="andere.example", profiles=profiles).get(banner) != "outlet-repeat"
