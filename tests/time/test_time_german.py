"""German temporal expressions: finding, typing and normalising against the publication date."""

from __future__ import annotations

import pickle

import pytest

from lagebild.model import Article
from lagebild.time import TimeStage, find_timexes

DCT = "2021-12-30"  # a Thursday


def tag(text: str, dct: str | None = DCT) -> dict[str, tuple[str, str | None]]:
    return {t.text: (t.type, t.value) for t in find_timexes(text, dct, "de")}


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("Am Dienstag hatte Putin mit Biden telefoniert.", "Dienstag", ("DATE", "2021-12-28")),
        ("Am kommenden Dienstag wird er nach Genf reisen.", "kommenden Dienstag", ("DATE", "2022-01-04")),
        ("Am heutigen Donnerstag sprach er.", "heutigen Donnerstag", ("DATE", "2021-12-30")),
        ("Donnerstagabend telefonierten sie.", "Donnerstagabend", ("TIME", "2021-12-30TEV")),
        ("Gestern war es ruhig.", "Gestern", ("DATE", "2021-12-29")),
        ("Das war vor zwei Wochen.", "zwei Wochen", ("DURATION", "P2W")),
        ("In zwei Stunden beginnt die Sitzung.", "zwei Stunden", ("DURATION", "PT2H")),
        ("Vor rund drei Jahren kam er.", "rund drei Jahren", ("DURATION", "P3Y")),
        ("Zu Pfingsten 2010 kamen viele.", "Pfingsten 2010", ("DATE", "2010-05-23")),
        ("Ostern wird er wieder kommen.", "Ostern", ("DATE", "2022-04-17")),
        ("Am Karfreitag war es still.", "Karfreitag", ("DATE", "2021-04-02")),
        ("Das LEBEN GEHT WEITER BIS 27. FEBRUAR 2022.", "27. FEBRUAR 2022", ("DATE", "2022-02-27")),
        ("Der Starke von heute ist der Schwache von morgen.", "heute", ("DATE", "PRESENT_REF")),
        ("Der Starke von heute ist der Schwache von morgen.", "morgen", ("DATE", "FUTURE_REF")),
        ("Es war ein knappes Jahr voller Arbeit.", "ein knappes Jahr", ("DURATION", "P1Y")),
        ("Dort starben 500 Menschen im Jahr.", "im Jahr", ("SET", "P1Y")),
        ("Die Gespräche sollen am 10. Januar beginnen.", "10. Januar", ("DATE", "2022-01-10")),
        ("Die Gespräche sind für Januar anberaumt.", "Januar", ("DATE", "2022-01")),
        ("Das Abkommen von 1997 gilt.", "1997", ("DATE", "1997")),
        ("In den 90er Jahren war das anders.", "den 90er Jahren", ("DATE", "199")),
        ("In den fünfziger Jahren war das anders.", "den fünfziger Jahren", ("DATE", "195")),
        ("Stand: 30.12.2021.", "30.12.2021", ("DATE", "2021-12-30")),
        ("Im Herbst 1998 trat er zurück.", "Herbst 1998", ("DATE", "1998-FA")),
        ("Die Sitzung war zweistündig.", "zweistündig", ("DURATION", "PT2H")),
        ("Die Übung dauerte drei Tage.", "drei Tage", ("DURATION", "P3D")),
        ("Seit mehr als zehn Jahren streiten sie.", "mehr als zehn Jahren", ("DURATION", "P10Y")),
        ("Jeden Montag trifft sich der Rat.", "Jeden Montag", ("SET", "XXXX-WXX-1")),
        ("Der Bericht erscheint täglich.", "täglich", ("SET", "P1D")),
        ("Jetzt muss gehandelt werden.", "Jetzt", ("DATE", "PRESENT_REF")),
        ("Damals war alles anders.", "Damals", ("DATE", "PAST_REF")),
        ("Das wird sich in Zukunft ändern.", "Zukunft", ("DATE", "FUTURE_REF")),
        ("Zu dieser Zeit war das anders.", "dieser Zeit", ("DATE", "PAST_REF")),
        ("Eine Statistik aus dem Jahre 1910 galt.", "dem Jahre 1910", ("DATE", "1910")),
        ("Im vergangenen Jahr stieg die Zahl.", "vergangenen Jahr", ("DATE", "2020")),
        ("Nächste Woche tritt sie an.", "Nächste Woche", ("DATE", "2022-W01")),
        ("Ende nächsten Jahres soll es fertig sein.", "Ende nächsten Jahres", ("DATE", "2022")),
        ("Im Vorjahr waren es weniger.", "Vorjahr", ("DATE", "2020")),
        ("Das 20. Jahrhundert war blutig.", "20. Jahrhundert", ("DATE", "19")),
    ],
)
def test_constructions(text: str, surface: str, expected: tuple[str, str]) -> None:
    assert tag(text).get(surface) == expected


def test_clock_times_carry_their_zone() -> None:
    found = tag("Das Gespräch begann um 23:30 Uhr Moskauer Zeit (21:30 MEZ).")
    assert found["23:30 Uhr Moskauer Zeit"] == ("TIME", "2021-12-30T23:30+03:00")
    assert found["21:30 MEZ"] == ("TIME", "2021-12-30T21:30+01:00")


def test_clock_time_hangs_on_the_day_just_mentioned() -> None:
    found = tag("Am Donnerstag, 25. Februar 2010, um 20.30 Uhr beginnt der Vortrag.")
    assert found["Donnerstag, 25. Februar 2010"] == ("DATE", "2010-02-25")
    assert found["20.30 Uhr"] == ("TIME", "2010-02-25T20:30")


def test_ranges_give_both_ends() -> None:
    found = tag("Geöffnet von 14-18 Uhr, die Messe läuft vom 5. bis 22. November.")
    assert found["14"] == ("TIME", "2021-12-30T14:00")
    assert found["18 Uhr"] == ("TIME", "2021-12-30T18:00")
    assert found["5."][0] == "DATE" and found["22. November"][0] == "DATE"
    assert found["5."][1][5:] == "11-05"


def test_no_false_hits_on_numbers_and_function_words() -> None:
    found = tag("SNA, 1920, 30.12.2021. Das Bild ist 1920 Pixel breit und kostet 2000 Euro. Er kam nun an.")
    assert "1920" not in found
    assert "2000" not in found
    assert "nun" not in found
    assert found["30.12.2021"] == ("DATE", "2021-12-30")


def test_ages_are_not_periods() -> None:
    assert tag("Der 44-Jährige und die fünfzehnjährige Tochter.") == {}
    assert tag("Wahlberechtigt ab 16 Jahren, er fährt ein drei Jahre altes Auto.") == {}


def test_counts_after_quantifiers_are_not_years() -> None:
    found = tag("Es fehlen rund 1200 Unterschriften und fast 2000 Mitarbeiter, anders als etwa 1930 damals.")
    assert "1200" not in found and "2000" not in found
    assert found["1930"] == ("DATE", "1930")


def test_ago_and_ahead_keep_the_point_they_lead_to() -> None:
    found = {t.text: t.anchor for t in find_timexes("Vor drei Jahren kam er, in zwei Wochen geht er.", DCT)}
    assert found == {"drei Jahren": "2018", "zwei Wochen": "2022-W02"}
    assert all(t.anchor is None for t in find_timexes("Seit drei Tagen regnet es.", DCT))


def test_without_dct_expressions_are_found_and_typed() -> None:
    found = tag("Am Dienstag, gestern und vor zwei Wochen, im Jahr 1997, drei Tage lang.", dct=None)
    assert found["Dienstag"] == ("DATE", None)
    assert found["gestern"] == ("DATE", None)
    assert found["zwei Wochen"] == ("DURATION", "P2W")
    assert found["Jahr 1997"] == ("DATE", "1997")
    assert found["drei Tage lang"] == ("DURATION", "P3D")


def test_offsets_point_into_the_text() -> None:
    text = "Bereits gestern, am 29. Dezember, hatte er gesprochen."
    for t in find_timexes(text, DCT):
        assert text[t.start : t.end] == t.text


def test_stage_fills_article_and_pickles() -> None:
    stage = pickle.loads(pickle.dumps(TimeStage()))
    art = Article(id="a", language="de", published=DCT, text="Gestern traf er ihn.")
    out = stage(art)
    assert [(t.text, t.value) for t in out.timexes] == [("Gestern", "2021-12-29")]


@pytest.mark.parametrize("text", ["", "   ", "\x00\x01", "x" * 100_000, "日本語のテキスト 2021年"])
def test_stage_never_raises(text: str) -> None:
    art = Article(id="b", language="ja", published="not a date", text=text)
    assert isinstance(TimeStage()(art).timexes, list)


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # present tense speaks of the coming days; a past cue keeps the weekday behind the DCT
        ("MONTAG fliege ich nach Berlin zurück.", "MONTAG", ("DATE", "2022-01-03")),
        ("Am Montag blieb der Platz leer.", "Montag", ("DATE", "2021-12-27")),
        ("Im dritten Quartal 2010 stieg der Umsatz.", "dritten Quartal 2010", ("DATE", "2010-Q3")),
        ("Im vergangenen Quartal sank der Umsatz.", "vergangenen Quartal", ("DATE", "2021-Q3")),
        (
            "Im ersten Halbjahr des vergangenen Jahres",
            "ersten Halbjahr des vergangenen Jahres",
            ("DATE", "2020-H1"),
        ),
        ("EIN ERBE DES VORIGEN JAHRHUNDERTS", "VORIGEN JAHRHUNDERTS", ("DATE", "19")),
        ("Zu Beginn des 19. Jahrhunderts", "Beginn des 19. Jahrhunderts", ("DATE", "18")),
        ("Weder die Sonne noch der Sommer schmücken uns.", "Sommer", ("DATE", "XXXX-SU")),
        ("Im Sommer wird gebaut.", "Sommer", ("DATE", "2021-SU")),
        ("In den Sommermonaten ist die Insel voll.", "Sommermonaten", ("SET", "P1SU")),
        ("In diesen Tagen stehen Verhandlungen an.", "diesen Tagen", ("DURATION", "PXD")),
        ("Das war in der vergangenen Zeit anders.", "der vergangenen Zeit", ("DATE", "PAST_REF")),
        ("Es war ein Wochenende zum Vergessen.", "ein Wochenende", ("DURATION", "P1WE")),
        ("Ende 2010 soll es fertig sein.", "Ende 2010", ("DATE", "2010")),
        ("Ende des Jahres 2010 soll es fertig sein.", "Ende des Jahres 2010", ("DATE", "2010")),
    ],
)
def test_more_constructions(text: str, surface: str, expected: tuple[str, str]) -> None:
    assert tag(text).get(surface) == expected


def test_season_after_kein_is_no_timex() -> None:
    assert "Frühling" not in tag("Wenn das Blatt gefallen ist, kommt kein Frühling mehr.")


def test_day_without_year_takes_the_year_last_written_in_a_narrative() -> None:
    text = (
        "Im März 1992 begann die Arbeit. Die erste Sitzung fiel auf den 5. März. Darin sahen wir ein Zeichen."
    )
    assert tag(text, "2001-08-23")["5. März"] == ("DATE", "1992-03-05")


def test_ordinal_weeks_count_from_the_day_last_named() -> None:
    text = (
        "Start war am 1. Juli. Basteln hieß es in der ersten Woche. Wandern ging es in der Woche darauf. "
        "Schwimmen war das Motto der dritten Woche."
    )
    found = tag(text, "2013-09-13")
    assert found["der ersten Woche"] == ("DATE", "2013-W27")
    assert found["der Woche darauf"] == ("DATE", "2013-W28")
    assert found["der dritten Woche"] == ("DATE", "2013-W29")


def test_keyword_windows_find_the_same_matches_as_a_full_scan() -> None:
    from lagebild.time.german import RULES

    text = ("Füller " * 40 + "seit drei Jahren und zweimal täglich, ein zweiwöchiger Kurs. ") * 3
    for rule in RULES.rules:
        if rule.keyword is not None:
            assert [m.span() for m in rule.finditer(text)] == [m.span() for m in rule.pattern.finditer(text)]


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("Am gestrigen Abend kam es zum Unfall.", "gestrigen Abend", ("TIME", "2021-12-29TEV")),
        ("Bei der gestrigen Sitzung wurde beschlossen.", "gestrigen", ("DATE", "2021-12-29")),
        ("In der Nacht auf Sonntag brannte ein Stadel.", "der Nacht auf Sonntag", ("TIME", "2021-12-25TNI")),
        ("Am Abend des 3. Januar wird gefeiert.", "Abend des 3. Januar", ("TIME", "2022-01-03TEV")),
        ("Am 12. und 13. Januar findet das Fest statt.", "12.", ("DATE", "2022-01-12")),
        ("Die Sitzung am 12.01. wird verschoben.", "12.01.", ("DATE", "2022-01-12")),
        ("Bis Jahresende soll alles fertig sein.", "Jahresende", ("DATE", "2021")),
        ("Geöffnet ist von 9 bis 12 Uhr.", "9", ("TIME", "2021-12-30T09:00")),
        ("Um Mitternacht endet die Frist.", "Mitternacht", ("TIME", "2021-12-30T24:00")),
        ("Der Verein trifft sich einmal im Monat.", "einmal im Monat", ("SET", "P1M")),
        ("Zwei Tage später wurde er gefasst.", "Zwei Tage später", ("DURATION", "P2D")),
        ("Jahrzehnte später kam die Wende.", "Jahrzehnte später", ("DURATION", "PXDE")),
        ("Jahrzehntelang wurde gestritten.", "Jahrzehntelang", ("DURATION", "PXDE")),
        ("Den ganzen Tag regnete es.", "Den ganzen Tag", ("DURATION", "P1D")),
        ("Dort waren zwei Sonnentage Pause.", "zwei Sonnentage", ("DURATION", "P2D")),
        ("In den Achtzigerjahren war alles anders.", "den Achtzigerjahren", ("DATE", "198")),
        ("In den 80ern war alles anders.", "den 80ern", ("DATE", "198")),
        ("Im Spätsommer 2008 kam die Krise.", "Spätsommer 2008", ("DATE", "2008-SU")),
        ("Zwischen 1939-1945 starben Millionen.", "1945", ("DATE", "1945")),
    ],
)
def test_compounds_ranges_and_day_references(text: str, surface: str, expected: tuple[str, str]) -> None:
    assert tag(text).get(surface) == expected


def test_days_relative_to_the_day_last_named() -> None:
    found = tag("Am 3. Januar kommt er an, am Tag zuvor reist sie ab, am selben Tag ruft er an.")
    assert found["Tag zuvor"] == ("DATE", "2022-01-02")
    assert found["selben Tag"] == ("DATE", "2022-01-02")


def test_clock_time_hangs_on_the_day_of_a_part_of_day() -> None:
    found = tag("Der Gemeinderat tagte am Dienstagabend um 20 Uhr.")
    assert found["Dienstagabend"] == ("TIME", "2021-12-28TEV")
    assert found["20 Uhr"] == ("TIME", "2021-12-28T20:00")


def test_compounds_naming_occasions_or_institutions_are_not_periods() -> None:
    found = tag(
        "Zwei Landtage stimmten zu. Ein Abenteuertag in Reischach. Drei Geburtstage. Das 80er Ticket."
    )
    assert found == {}


def test_ages_given_with_von_are_not_periods() -> None:
    assert tag("Er starb im Alter von knapp 56 Jahren.") == {}
    assert tag("Sie richteten einen jungen Mann namens K. von knapp über 20 Jahren hin.") == {}
    assert tag("Nach einer Haft von 20 Jahren kam er frei.") == {"20 Jahren": ("DURATION", "P20Y")}


def test_discourse_jetzt_mal_is_no_timex() -> None:
    assert tag("Jetzt mal grundsätzlich: Ich finde das falsch.") == {}
    assert tag("Jetzt kommen neue Materialien ins Spiel.") == {"Jetzt": ("DATE", "PRESENT_REF")}


def test_plural_years_are_a_vague_duration() -> None:
    assert tag("Wir haben all diese Jahre gearbeitet.") == {"all diese Jahre": ("DURATION", "PXY")}
    assert tag("Es ist richtig, dass die Jahre der Politik vorbei sind.") == {
        "die Jahre": ("DURATION", "PXY")
    }
    assert tag("Wir feiern dieses Jahr.") == {"dieses Jahr": ("DATE", "2021")}


def test_title_of_the_year_is_the_report_year() -> None:
    assert tag("Sie wurde Sportlerin des Jahres, dann fuhr sie weiter.") == {"des Jahres": ("DATE", "2021")}
    assert tag("Anfang des Jahres kam er.") == {"Anfang des Jahres": ("DATE", "2021")}
    assert tag("Sie wurde Sportlerin des Jahres.", None) == {"des Jahres": ("DATE", None)}


def test_habitual_part_of_day_is_a_set_of_periods() -> None:
    assert tag("Woran denkt sie nachts?") == {"nachts": ("SET", "PT1NI")}
    assert tag("Er läuft morgens durch den Park.") == {"morgens": ("SET", "XXXX-XX-XXTMO")}


def test_repeated_units_are_sets() -> None:
    found = tag("Jahr für Jahr kamen mehr. Tag um Tag wartete er. Nacht für Nacht blieb er wach.")
    assert found["Jahr für Jahr"] == ("SET", "P1Y")
    assert found["Tag um Tag"] == ("SET", "P1D")
    assert found["Nacht für Nacht"] == ("SET", "PT1NI")


def test_rate_after_a_count_in_its_clause_is_a_set() -> None:
    assert tag("Das kostet zwei Millionen Euro im Jahr.") == {"im Jahr": ("SET", "P1Y")}
    assert tag("Er arbeitet zehn Stunden am Tag.")["am Tag"] == ("SET", "P1D")
    assert tag("Am Tag der Wahl kam er.") == {}
    assert tag("Er kam, am Tag war es still.") == {}


def test_weekday_with_habitual_part_of_day_is_a_set() -> None:
    assert tag("Er kommt montagmorgens ins Büro.") == {"montagmorgens": ("SET", "XXXX-WXX-1TMO")}
    assert tag("Freitag abends trifft sich der Rat.") == {"Freitag abends": ("SET", "XXXX-WXX-5TEV")}
    assert tag("Am Freitagabend traf sich der Rat.") == {"Freitagabend": ("TIME", "2021-12-24TEV")}


def test_present_or_former_name_of_a_place_is_no_time_reference() -> None:
    assert tag("Die Not in Birma (dem heutigen Myanmar) gilt als groß.") == {}
    assert tag("Proteste in Myanmar (früher Birma) dauern an.") == {}
    assert tag("Die heutigen Machthaber schweigen.") == {"heutigen": ("DATE", "2021-12-30")}
    assert tag("Früher war alles besser.") == {"Früher": ("DATE", "PAST_REF")}


def test_am_morgen_is_the_morning_not_tomorrow() -> None:
    assert tag("Er kam am Morgen an.") == {"Morgen": ("TIME", "2021-12-30TMO")}
    assert tag("Am Morgen um 10 Uhr wurde er gefunden.")["10 Uhr"] == ("TIME", "2021-12-30T10:00")
    assert tag("Morgen um 10 Uhr beginnt das Fest.")["Morgen"] == ("DATE", "2021-12-31")
    assert tag("Er kommt morgen wieder.") == {"morgen": ("DATE", "2021-12-31")}


def test_first_number_of_a_range_is_a_period_of_its_own() -> None:
    assert tag("Wir hätten lieber 50 statt 30 Jahre.") == {
        "50": ("DURATION", "P50Y"),
        "30 Jahre": ("DURATION", "P30Y"),
    }
    assert tag("Das dauert zwei bis drei Wochen.")["zwei"] == ("DURATION", "P2W")
    assert tag("Kinder ab 6 bis 10 Jahren zahlen nichts.") == {"10 Jahren": ("DURATION", "P10Y")}


def test_an_ordinal_day_does_not_end_the_sentence() -> None:
    # the verb after "21. Dezember" belongs to the same sentence: a past report, so the date of this year
    found = tag("Am 21. Dezember begann die Sitzung, die er leitete.", "2022-01-14")
    assert found["21. Dezember"] == ("DATE", "2021-12-21")
