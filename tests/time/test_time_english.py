"""English temporal expressions: the basic news constructions."""

from __future__ import annotations

from lagebild.model import Article
from lagebild.time import TimeStage, find_timexes

DCT = "2021-12-30"  # a Thursday


def tag(text: str, dct: str | None = DCT) -> dict[str, tuple[str, str | None]]:
    return {t.text: (t.type, t.value) for t in find_timexes(text, dct, "en")}


def test_relative_days_and_weekdays() -> None:
    found = tag(
        "On Tuesday, Putin said talks had failed. Yesterday evening he left. Next Monday he will return."
    )
    assert found["Tuesday"] == ("DATE", "2021-12-28")
    assert found["Yesterday evening"] == ("TIME", "2021-12-29TEV")
    assert found["Next Monday"] == ("DATE", "2022-01-03")


def test_dates_roll_over_new_year() -> None:
    assert tag("Talks will start on January 10.")["January 10"] == ("DATE", "2022-01-10")
    assert tag("It was signed on 5 March 2019.")["5 March 2019"] == ("DATE", "2019-03-05")


def test_offsets_durations_sets_and_vague() -> None:
    found = tag("Two weeks ago the exercise lasted three days; it is held every Monday and now daily.")
    assert found["Two weeks ago"] == ("DATE", "2021-W50")
    assert found["three days"] == ("DURATION", "P3D")
    assert found["every Monday"] == ("SET", "XXXX-WXX-1")
    assert found["daily"] == ("SET", "P1D")
    assert found["now"] == ("DATE", "PRESENT_REF")


def test_clock_with_zone_years_and_decades() -> None:
    found = tag("At 11:30 p.m. GMT, as in the 1990s and in 2019, it cost 1920 dollars.")
    assert found["11:30 p.m. GMT"] == ("TIME", "2021-12-30T23:30+00:00")
    assert found["the 1990s"] == ("DATE", "199")
    assert found["2019"] == ("DATE", "2019")
    assert "1920" not in found


def test_stage_uses_article_language() -> None:
    art = Article(id="e", language="en", published=DCT, text="Last week the council met.")
    assert [(t.text, t.value) for t in TimeStage()(art).timexes] == [("Last week", "2021-W51")]
