"""Entity stage and in-article actor resolution."""

import pickle

import pytest

from lagebild.actors import resolve_mention, shipped
from lagebild.actors.dictionary import packaged_actors
from lagebild.actors.resolve import role_mentions
from lagebild.entities import EntityStage
from lagebild.entities.crf import load_crf
from lagebild.entities.ner import gazetteer_label, gazetteer_patterns
from lagebild.model import ENTITY_LABELS, Article, Entity

NEWS = (
    "Der russische Präsident Wladimir Putin hat am Montag mit Bundeskanzler Olaf Scholz telefoniert. "
    "Putin warf der Nato vor, den Konflikt zu verschärfen. Das Bündnis wies die Vorwürfe zurück. "
    "Der russische Präsident sagte in Moskau, er sei offen. "
    "US-Außenminister Antony Blinken traf seinen russischen Kollegen in Genf."
)


def _article(text="", published="2022-02-10", entities=()):
    return Article(id="t", text=text, language="de", published=published, entities=list(entities))


def test_model_is_packaged_and_loads():
    tagger = load_crf()
    assert tagger is not None
    labels = {label for _, _, label in tagger.recognise("Wladimir Putin sprach in Moskau mit der Nato.")}
    assert labels and labels <= set(ENTITY_LABELS)


def test_stage_finds_and_resolves_actors():
    article = EntityStage()(_article(NEWS))
    by_text = {e.text: e for e in article.entities}
    assert by_text["Wladimir Putin"].actor == "per.wladimir-putin"
    assert by_text["Putin"].actor == "per.wladimir-putin"
    assert by_text["Olaf Scholz"].actor == "per.olaf-scholz"
    assert by_text["Nato"].actor == "org.nato"
    assert by_text["Das Bündnis"].actor == "org.nato"
    assert by_text["Der russische Präsident"].actor == "per.wladimir-putin"
    assert by_text["seinen russischen Kollegen"].actor == "per.sergej-lawrow"
    assert by_text["Moskau"].actor == "loc.moskau"  # a place after "in"
    for entity in article.entities:
        assert article.text[entity.start : entity.end] == entity.text
        assert entity.label in ENTITY_LABELS


def test_role_before_name_is_not_duplicated():
    article = EntityStage()(_article(NEWS))
    assert not any(e.text.startswith("Der russische Präsident Wladimir") for e in article.entities)
    assert not any(e.text == "Bundeskanzler" for e in article.entities)


@pytest.mark.parametrize(
    "text", ["", "   ", "!!!", "x" * 300_000, "Кремль заявил, что Путин не приедет.", "a\x00b"]
)
def test_stage_never_raises(text):
    article = EntityStage()(_article(text))
    assert all(0 <= e.start < e.end <= len(text) for e in article.entities)


def test_stage_is_picklable():
    stage = pickle.loads(pickle.dumps(EntityStage(gazetteer=False)))
    assert stage.gazetteer is False


def test_resolve_mention_uses_date_and_antecedents():
    earlier = [Entity(0, 14, "Antony Blinken", "PER", "per.antony-blinken")]
    article = _article("Antony Blinken traf seinen russischen Kollegen.", entities=earlier)
    assert resolve_mention("seinen russischen Kollegen", article, shipped()) == "per.sergej-lawrow"
    assert resolve_mention("der Außenminister", article, shipped()) == "per.antony-blinken"
    assert resolve_mention("US-Präsident", _article(published="2018-05-01"), shipped()) == "per.donald-trump"
    assert resolve_mention("US-Präsident", _article(published="2021-05-01"), shipped()) == "per.joe-biden"
    assert resolve_mention("der Kreml", _article(), shipped()) == "RUS.GOV"
    assert resolve_mention("Moskau", _article(), shipped()) == "RUS.GOV"
    assert resolve_mention("die Allianz", _article(), shipped()) == "org.nato"
    assert resolve_mention("", _article(), shipped()) is None
    assert resolve_mention("ein Nachbar", _article(), shipped()) is None


def test_short_name_of_unlisted_person_is_not_invented():
    earlier = [Entity(0, 12, "Erika Muster", "PER", None)]
    assert resolve_mention("Muster", _article("Erika Muster sagte.", entities=earlier), shipped()) is None


def test_role_mentions_found():
    text = "Der Präsident der Ukraine traf das Bündnis und seinen US-Kollegen."
    found = [text[s:e] for s, e in role_mentions(text)]
    assert "Der Präsident der Ukraine" in found
    assert "das Bündnis" in found
    assert "seinen US-Kollegen" in found


def test_gazetteer_labels():
    actors = packaged_actors()
    assert gazetteer_label(actors["per.wladimir-putin"], "Putin") == "PER"
    assert gazetteer_label(actors["RUS.GOV"], "Russland") == "LOC"
    assert gazetteer_label(actors["RUS.GOV"], "Kreml") == "ORG"
    assert gazetteer_label(actors["org.nato"], "Nato") == "ORG"
    surfaces = {s for s, _, _ in gazetteer_patterns()}
    assert {"Putins", "Moskau", "Nato"} <= surfaces
    assert "russische Regierung" not in surfaces  # only proper names


def test_dateline_place_is_a_place_and_capital_subject_a_government():
    stage = EntityStage()
    article = stage(_article("BERLIN (dpa) - Moskau wies die Vorwürfe am Montag zurück."))
    actors = {e.text: e.actor for e in article.entities}
    assert actors.get("BERLIN") == "loc.berlin"
    assert actors.get("Moskau") == "RUS.GOV"
