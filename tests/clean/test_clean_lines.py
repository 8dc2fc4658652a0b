"""Line classifier: one test per removal reason, captions with credits, body selection."""

from __future__ import annotations

import pytest

from lagebild.clean import SourceProfiles
from lagebild.clean.captions import parse_caption
from lagebild.clean.lines import classify_lines

BODY = [
    "Der Kreml hat am Donnerstag erneut vor einer Ausweitung der Nato nach Osten gewarnt, wie ein Sprecher sagte.",
    "Putin und Biden wollen am Freitag telefonieren, um über die Lage an der Grenze zu sprechen, hieß es.",
    "Die Gespräche in Genf sollen im Januar fortgesetzt werden, und zwar auf allen Ebenen, sagte der Sprecher.",
]


def reasons(lines: list[str], **kwargs) -> dict[str, str]:
    return {r.text: r.reason for r in classify_lines(lines, **kwargs).removed}


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Die Inhalte dieser Seite stellen keine Anlageberatung dar.", "disclaimer"),
        ("source site-20", "disclaimer"),
        ("Neueste oben", "ui"),
        ("loader", "ui"),
        ("Live", "ui"),
        ("Jetzt registrieren und weiterlesen", "ui"),
        ("Subscribe now for unlimited access", "ui"),
        ("Загрузка...", "foreign-script"),
        ("Lesen Sie auch: Nato-Gipfel in Brüssel", "teaser"),
        ("Mehr Themen: Energie, Klima, Verkehr", "teaser"),
        ("Follow us on Twitter and Instagram for the latest news from the region.", "ui"),
        ("If you enjoyed reading this post, please consider supporting our independent journalism.", "ui"),
        ("Pour lire la suite de cet article, abonnez-vous.", "ui"),
        (
            "This post contains affiliate links. We may receive a commission when you buy through them.",
            "disclaimer",
        ),
        (
            "LE PUEDE INTERESAR: La ficha del expresidente en el tribunal de Nueva York y lo que dice el expediente",
            "teaser",
        ),
        (
            "Dowiedz się więcej: Kto jak głosował ws. unijnych funduszy? Jeden z polityków wyłamał się",
            "teaser",
        ),
        ("Sie möchten mehr davon? Schauen Sie mal in unseren Musiknewsletter!", "ui"),
        ("Puede escribirnos a redaccion@example.org o suscribirse aquí a nuestra newsletter.", "ui"),
        ("Tú también puedes hacer periodismo incómodo. Cancela cuando quieras.", "ui"),
        ("Mit diesem Button kannst Du diese Episode zu deiner Liste hinzufügen.", "ui"),
        ("Weitere Informationen zum Coronavirus in Thüringen:", "teaser"),
        ("Originalpublikation", "teaser"),
        ("Über diese Reihe", "teaser"),
    ],
)
def test_removal_reason_between_body_paragraphs(line: str, reason: str) -> None:
    lines = [BODY[0], line, BODY[1], BODY[2]]
    result = classify_lines(lines)
    assert reasons(lines)[line] == reason
    assert result.body == BODY


@pytest.mark.parametrize("credit", ["© Reuters", "Foto: dpa", "aja/PAP"])
def test_photo_credit_before_the_article(credit: str) -> None:
    lines = [credit, *BODY]
    assert reasons(lines)[credit] == "credit"
    assert classify_lines(lines).body == BODY


def test_line_before_a_photo_credit_between_paragraphs_is_its_caption() -> None:
    lines = [BODY[0], "Demonstranten vor dem Kreml in Moskau.", "Foto: Pavel Golovkin/dpa", BODY[1], BODY[2]]
    result = classify_lines(lines)
    assert reasons(lines)[lines[1]] == "caption"
    assert reasons(lines)[lines[2]] == "credit"
    assert result.body == BODY
    assert [(c.text, c.credit) for c in result.captions] == [(lines[1], "Pavel Golovkin/dpa")]


@pytest.mark.parametrize(
    ("line", "text", "credit", "date"),
    [
        (
            "Der Außenminister bei einem Treffen in Minsk, 9. September 2021 - SNA",
            "Der Außenminister bei einem Treffen in Minsk, 9. September 2021",
            "SNA",
            "2021-09-09",
        ),
        (
            "Der Hafen von Odessa, 14. Februar 2022. REUTERS/Max Mustermann",
            "Der Hafen von Odessa, 14. Februar 2022",
            "REUTERS/Max Mustermann",
            "2022-02-14",
        ),
        (
            "Protesters gather outside the ministry in Lima, November 19, 2019 / AFP",
            "Protesters gather outside the ministry in Lima, November 19, 2019",
            "AFP",
            "2019-11-19",
        ),
    ],
)
def test_caption_with_a_date_before_its_agency(line: str, text: str, credit: str, date: str) -> None:
    lines = [BODY[0], line, BODY[1], BODY[2]]
    result = classify_lines(lines)
    assert reasons(lines)[line] == "caption"
    assert [(c.text, c.credit) for c in result.captions] == [(text, credit)]
    assert result.caption_date == date
    assert result.body == BODY


def test_caption_parts() -> None:
    assert parse_caption("Demonstranten vor dem Kreml in Moskau.") == (
        "Demonstranten vor dem Kreml in Moskau.",
        None,
        None,
    )
    assert parse_caption("Teilnehmer einer Kundgebung in Warschau - SNA, 1280, 09.01.2016") == (
        "Teilnehmer einer Kundgebung in Warschau",
        "SNA",
        "2016-01-09",
    )
    assert parse_caption("Der Bahnhof am Morgen (Foto: Jan Woitas/dpa)") == (
        "Der Bahnhof am Morgen",
        "Jan Woitas/dpa",
        None,
    )


def test_caption_with_credit_and_width_date_tail() -> None:
    lines = [
        BODY[0],
        "Wladimir Putin bei einer Pressekonferenz © Sputnik / Michail Klimentjew",
        "SNA, 1920, 30.12.2021",
        BODY[1],
    ]
    result = classify_lines(lines)
    assert reasons(lines)[lines[1]] == "caption"
    assert result.captions[0].text == "Wladimir Putin bei einer Pressekonferenz"
    assert result.captions[0].credit == "Sputnik / Michail Klimentjew"
    assert result.caption_date == "2021-12-30"
    assert len(result.captions) == 1


def test_comments_section_after_body_is_removed() -> None:
    comment = (
        "Ich finde das alles sehr bedenklich und hoffe, dass die Politik endlich etwas unternimmt dagegen."
    )
    lines = [*BODY, "Kommentare", "Um zu kommentieren, melden Sie sich bitte an.", comment]
    got = reasons(lines)
    assert got["Kommentare"] == "comments"
    assert got[comment] == "comments"
    assert classify_lines(lines).body == BODY


@pytest.mark.parametrize(
    "signature",
    [
        "34 responses to “Lynn: We needed to win”",
        "[ 167 comments ]",
        "Top Rated Comments",
        "thelastchargersfan says:",
        "Milan Griffes on September 12, 2018 at 4:47 pm said:",
    ],
)
def test_comment_signature_starts_comments_section(signature: str) -> None:
    comment = "I think we will see the same update next year, and honestly the bezels are far too large."
    lines = [*BODY, signature, comment]
    got = reasons(lines, use_model=False)
    assert got[signature] == "comments"
    assert got[comment] == "comments"


def test_pronoun_says_is_no_comment_signature() -> None:
    lines = [*BODY, "He says:", BODY[0] + " Er sagte das zweimal."]
    assert "He says:" not in reasons(lines, use_model=False)


def test_teaser_headline_spliced_between_paragraphs() -> None:
    lines = [BODY[0], "Ukraine-Krise: Nato warnt Moskau vor neuem Angriff", BODY[1]]
    assert reasons(lines)[lines[1]] == "teaser"


def test_site_repeat_from_profile() -> None:
    banner = (
        "Unabhängiger Journalismus braucht Ihre Unterstützung, jetzt mit einem Beitrag helfen und dabei sein."
    )
    profiles = SourceProfiles()
    for i in range(3):
        profiles.observe("example.org", [banner, f"Artikel {i}"])
    lines = [BODY[0], banner, BODY[1]]
    assert reasons(lines, source="example.org", profiles=profiles)[banner] == "outlet-repeat"
    assert banner in classify_lines(lines, source="other.org", profiles=profiles).body


def test_navigation_outside_body_is_other_and_title_found() -> None:
    lines = ["Politik", "Wirtschaft", "Russland droht der Ukraine mit Konsequenzen", *BODY, "Impressum"]
    result = classify_lines(lines)
    assert result.title == "Russland droht der Ukraine mit Konsequenzen"
    assert reasons(lines)["Wirtschaft"] == "other"
    assert result.body == BODY


def test_subheading_inside_body_is_kept() -> None:
    lines = [BODY[0], "Gespräche im Januar", BODY[1], BODY[2]]
    assert "Gespräche im Januar" in classify_lines(lines).body


def test_empty_and_odd_input() -> None:
    assert classify_lines([]).body == []
    result = classify_lines(["!!!", "12345", "東京で会議が開かれた。"])
    assert isinstance(result.body, list)


def test_byline_is_a_credit_not_the_title():
    from lagebild.clean.lines import make_line, pattern_reason

    for text in ("Autor: Drobinski, Matthias", "Von Peter Müller", "By Jane Doe and John Roe"):
        assert pattern_reason(make_line(text), "LATIN") == "credit", text
    assert pattern_reason(make_line("Von Moskau nach Kiew"), "LATIN") is None


@pytest.mark.parametrize(
    "line",
    [
        "Über den Bewerbungslink im Newsletter gelangen Sie nach erfolgreicher Anmeldung zum Fragebogen.",
        "Weitere Informationen hierzu gibt es in Kürze auf der Website des Verbandes.",
        "Über diese Reihe von Anschlägen hatte die Polizei lange geschwiegen, sagte der Sprecher am Abend.",
    ],
)
def test_reader_prompt_and_appendix_rules_leave_content_alone(line: str) -> None:
    lines = [BODY[0], line, BODY[1], BODY[2]]
    assert line in classify_lines(lines, select_body=False).body
