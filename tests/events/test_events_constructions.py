"""One test per construction the event coder must get right (German news phrasing, some English)."""

from __future__ import annotations

import pickle

import pytest

from events_helpers import ents
from lagebild.events import EventStage, code_sentence, trigger_features
from lagebild.events.features import sentence_features
from lagebild.model import Article, Quote, Span, Speaker, Timex

PUBLISHED = "2021-12-30"


def code(text: str, *pairs: tuple[str, str], timexes=(), language: str = "de"):
    return code_sentence(text, language, ents(text, *pairs), list(timexes), PUBLISHED)


def of_type(events, etype):
    return [e for e in events if e.type == etype]


def test_demand_for_security_guarantees_is_request_russia_to_usa():
    text = "Russland fordert von den USA rechtsverbindliche Sicherheitsgarantien."
    events = code(text, ("Russland", "RUS.GOV"), ("USA", "USA.GOV"))
    (request,) = of_type(events, "REQUEST")
    assert request.source == ["RUS.GOV"] and request.target == ["USA.GOV"]
    assert request.status == "occurred"
    assert request.evidence.slice(text) == text


def test_sanctions_threat_with_condition_is_threaten_not_sanction():
    text = "Die USA drohen Russland mit harten Sanktionen, falls es die Ukraine angreift."
    events = code(text, ("USA", "USA.GOV"), ("Russland", "RUS.GOV"), ("Ukraine", "UKR.GOV"))
    (threat,) = of_type(events, "THREATEN")
    assert threat.status == "threatened" and threat.mode == "sanctions"
    assert threat.source == ["USA.GOV"] and threat.target == ["RUS.GOV"]
    assert not of_type(events, "SANCTION")
    assert all(e.status != "occurred" for e in of_type(events, "ASSAULT"))


def test_conditional_sanctions_without_threat_verb_are_threatened():
    text = "Die EU werde Sanktionen verhängen, wenn Russland in die Ukraine einmarschiert."
    events = code(text, ("EU", "org.eu"), ("Russland", "RUS.GOV"), ("Ukraine", "UKR.GOV"))
    assert events[0].type == "THREATEN" and events[0].status == "threatened"
    assert events[0].source == ["org.eu"]


def test_presidents_agree_on_consultations_agree_plus_planned_consult():
    text = "Putin und Biden vereinbarten, dass ihre Vertreter Konsultationen abhalten."
    events = code(text, ("Putin", "per.wladimir-putin"), ("Biden", "per.joe-biden"))
    (agree,) = of_type(events, "AGREE")
    (consult,) = of_type(events, "CONSULT")
    assert agree.status == "occurred"
    assert set(agree.source) == {"per.wladimir-putin", "per.joe-biden"}
    assert consult.status == "planned"


def test_video_call_between_leaders_is_consult_with_its_date():
    text = "Putin und Biden führten am Dienstag ein Videogespräch."
    start = text.index("am Dienstag")
    timex = Timex(start, start + len("am Dienstag"), "am Dienstag", "DATE", "2021-12-07")
    events = code(text, ("Putin", "per.wladimir-putin"), ("Biden", "per.joe-biden"), timexes=[timex])
    (consult,) = of_type(events, "CONSULT")
    assert consult.date == "2021-12-07" and consult.date_from == "timex"
    assert consult.mode == "video" and consult.status == "occurred"


def test_phone_call_english_is_consult():
    text = "Putin and Biden held a phone call on Thursday."
    start = text.index("Thursday")
    timex = Timex(start, start + 8, "Thursday", "DATE", "2021-12-30")
    events = code(
        text, ("Putin", "per.wladimir-putin"), ("Biden", "per.joe-biden"), timexes=[timex], language="en"
    )
    (consult,) = of_type(events, "CONSULT")
    assert consult.mode == "phone" and consult.date == "2021-12-30"


def test_denied_intention_to_attack_is_no_occurred_assault():
    text = "Russland bestreitet jegliche Absicht, die Ukraine anzugreifen."
    events = code(text, ("Russland", "RUS.GOV"), ("Ukraine", "UKR.GOV"))
    assaults = of_type(events, "ASSAULT")
    assert assaults, "the denied attack is still coded, with status denied"
    assert all(e.status == "denied" for e in assaults)
    assert assaults[0].source == ["RUS.GOV"] and assaults[0].target == ["UKR.GOV"]


def test_destructive_line_is_accuse_against_kyiv():
    text = "Moskau wirft Kiew eine destruktive Linie vor."
    events = code(text, ("Moskau", "RUS.GOV"), ("Kiew", "UKR.GOV"))
    (accuse,) = of_type(events, "ACCUSE")
    assert accuse.source == ["RUS.GOV"] and accuse.target == ["UKR.GOV"]


def test_draft_treaty_sent_to_washington_and_nato_is_request():
    text = "Russland hat einen Vertragsentwurf an Washington und die Nato übermittelt."
    events = code(text, ("Russland", "RUS.GOV"), ("Washington", "USA.GOV"), ("Nato", "org.nato"))
    (request,) = of_type(events, "REQUEST")
    assert request.source == ["RUS.GOV"] and request.target == ["USA.GOV", "org.nato"]


def test_talks_on_three_dates_are_three_planned_consults():
    text = "Die Gespräche zwischen Russland und den USA sind am 10., 12. und 13. Januar geplant."
    timexes = []
    for surface, value in (("10.", "2022-01-10"), ("12.", "2022-01-12"), ("13. Januar", "2022-01-13")):
        start = text.index(surface)
        timexes.append(Timex(start, start + len(surface), surface, "DATE", value))
    events = code(text, ("Russland", "RUS.GOV"), ("USA", "USA.GOV"), timexes=timexes)
    consults = of_type(events, "CONSULT")
    assert [e.date for e in consults] == ["2022-01-10", "2022-01-12", "2022-01-13"]
    assert all(e.status == "planned" for e in consults)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Russland hat die Ukraine nicht angegriffen.", "denied"),
        ("Russland will mit der Ukraine verhandeln.", "planned"),
        ("Russland soll mit der Ukraine verhandeln.", "planned"),
        ("Russland würde mit der Ukraine verhandeln.", "hypothetical"),
        ("Russland verhandelt mit der Ukraine.", "occurred"),
    ],
)
def test_negation_and_modality_change_status_not_type(text, status):
    events = code(text, ("Russland", "RUS.GOV"), ("Ukraine", "UKR.GOV"))
    (coded,) = [e for e in events if e.type in ("ASSAULT", "CONSULT")]
    assert coded.status == status
    assert coded.source == ["RUS.GOV"] and coded.target == ["UKR.GOV"]
    # an announced intention is itself coded as AGREE (PLOVER), next to the planned act
    assert all(e.type == "AGREE" and e.status == "occurred" for e in events if e is not coded)


def test_english_obligation_is_request_from_speaker_to_obliged():
    text = "France said on Monday that Mali must release the detained reporters."
    events = code(text, ("France", "FRA.GOV"), ("Mali", "MLI.GOV"), language="en")
    assert events[0].type == "REQUEST"
    assert events[0].source == ["FRA.GOV"] and events[0].target == ["MLI.GOV"]


def test_event_in_quote_carries_quote_index_and_speaker_as_source():
    text = "Peskow sagte: „Wir fordern Garantien.“"
    start = text.index("„")
    quote = Quote(start, len(text), text[start:], "direct", "sagte", Speaker("Peskow", "per.dmitri-peskow"))
    article = Article(
        id="a", text=text, language="de", published=PUBLISHED, quotes=[quote], sentences=[Span(0, len(text))]
    )
    stage = pickle.loads(pickle.dumps(EventStage()))
    events = stage(article).events
    assert events and events[0].type == "REQUEST"
    assert events[0].quote == 0 and events[0].source == ["per.dmitri-peskow"]


def test_stage_survives_odd_input():
    stage = EventStage()
    assert stage(Article(id="x", text="")).events == []
    odd = Article(id="y", text="汉字 " * 5000, language="zh")
    assert stage(odd).events == []


def test_trigger_features_are_a_flat_dict():
    text = "Russland würde die Ukraine nicht angreifen."
    features = sentence_features(text, 0, len(text), "de", ents(text, ("Russland", "RUS.GOV")))
    row = trigger_features(features, features.triggers[0])
    assert row["lexicon_type"] == "ASSAULT" and row["negated"] and row["hypothetical"]


def test_day_list_with_one_timex_gives_three_dates():
    text = "Gespräche mit Russland sind am 10., 12. und 13. Januar geplant."
    start = text.index("13. Januar")
    timex = Timex(start, start + len("13. Januar"), "13. Januar", "DATE", "2022-01-13")
    consults = of_type(code(text, ("Russland", "RUS.GOV"), timexes=[timex]), "CONSULT")
    assert [e.date for e in consults] == ["2022-01-10", "2022-01-12", "2022-01-13"]
    english = "Talks with Russia are scheduled for January 10, 12 and 13."
    start = english.index("January 10")
    timex = Timex(start, start + len("January 10"), "January 10", "DATE", "2022-01-10")
    consults = of_type(code(english, ("Russia", "RUS.GOV"), timexes=[timex], language="en"), "CONSULT")
    assert [e.date for e in consults] == ["2022-01-10", "2022-01-12", "2022-01-13"]
    assert all(e.status == "planned" for e in consults)


def test_event_takes_the_date_a_duration_points_to():
    text = "Putin und Biden führten vor zwei Wochen ein Videogespräch."
    start = text.index("zwei Wochen")
    timex = Timex(start, start + len("zwei Wochen"), "zwei Wochen", "DURATION", "P2W", anchor="2021-W50")
    events = code(text, ("Putin", "per.wladimir-putin"), ("Biden", "per.joe-biden"), timexes=[timex])
    (consult,) = of_type(events, "CONSULT")
    assert consult.date_from == "timex" and consult.date != PUBLISHED


def test_dated_talks_without_parties_stay_undated_meetings_without_parties_go():
    text = "Die Gespräche sind am 10., 12. und 13. Januar geplant."
    start = text.index("13. Januar")
    timex = Timex(start, start + len("13. Januar"), "13. Januar", "DATE", "2022-01-13")
    consults = of_type(code(text, timexes=[timex]), "CONSULT")
    assert [e.date for e in consults] == ["2022-01-10", "2022-01-12", "2022-01-13"]
    assert of_type(code("Nach dem Treffen gingen alle nach Hause."), "CONSULT") == []
