"""Publication dates from URLs, caption tails, datelines and text; pixel widths are not years."""

from __future__ import annotations

from lagebild.clean import parse_dateline
from lagebild.clean.dates import date_from_caption, date_from_url, find_date


def test_date_from_url_paths() -> None:
    assert date_from_url("https://www.example.de/politik/2021/12/30/putin-warnt/") == "2021-12-30"
    assert date_from_url("https://example.com/news/2022-01-05-talks.html") == "2022-01-05"
    assert date_from_url("https://example.com/a/20211207-geneva") == "2021-12-07"
    assert date_from_url("https://example.com/article/123456789") is None
    assert date_from_url("https://2021.example.com/foo") is None


def test_caption_tail_date_not_pixel_width() -> None:
    assert date_from_caption("SNA, 1920, 30.12.2021") == "2021-12-30"
    assert date_from_caption("Putin in Moskau © Sputnik, 1280, 07.01.2022") == "2022-01-07"
    assert date_from_caption("SNA, 1920") is None
    assert find_date("Bildbreite 1920 Pixel") is None


def test_find_date_variants() -> None:
    assert find_date("Stand: 30. Dezember 2021, 14:35 Uhr") == "2021-12-30"
    assert find_date("Published December 7, 2021") == "2021-12-07"
    assert find_date("am 31.02.2021") is None


def test_dateline() -> None:
    dateline, date = parse_dateline("MOSKAU (Reuters) - Der Kreml hat gewarnt.")
    assert (dateline.place, dateline.agency, date) == ("MOSKAU", "Reuters", None)
    dateline, date = parse_dateline("Berlin, 30. Dezember 2021 (dpa) - Die Regierung hat beschlossen.")
    assert (dateline.place, dateline.agency, date) == ("Berlin", "dpa", "2021-12-30")
    assert parse_dateline("Die Regierung (CDU) hat beschlossen - gestern.") == (None, None)
