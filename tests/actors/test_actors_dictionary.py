"""Actor dictionary: loading, tolerant lookup, dated roles, actor codes (through the shipped actor index)."""

import pytest

from lagebild.actors import shipped
from lagebild.actors.dictionary import fold
from lagebild.actors.roles import parse_role

ACTORS = shipped()


def test_dictionary_loads_with_unique_well_formed_ids():
    actors = ACTORS.actors
    assert len(actors) > 400
    for actor_id, actor in actors.items():
        assert actor.id == actor_id
        prefix = actor_id.split(".")[0]
        assert prefix in {"per", "org", "loc"} or (len(prefix) == 3 and prefix.isupper())


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("Putin", "per.wladimir-putin"),
        ("Putins", "per.wladimir-putin"),
        ("Vladimir Putin", "per.wladimir-putin"),
        ("Peskov", "per.dmitri-peskow"),
        ("Moskaus", "RUS.GOV"),
        ("der Kreml", "RUS.GOV"),
        ("des Kremls", "RUS.GOV"),
        ("der Nato", "org.nato"),
        ("NATO", "org.nato"),
        ("OSCE", "org.osce"),
        ("OSZE", "org.osce"),
        ("Kiew", "UKR.GOV"),
        ("Kyiv", "UKR.GOV"),
        ("Weißrussland", "BLR.GOV"),
        ("Weissrussland", "BLR.GOV"),
        ("das Weiße Haus", "USA.GOV"),
        ("des Weißen Hauses", "USA.GOV"),
        ("der russischen Armee", "RUS.MIL"),
        ("Vereinigten Staaten", "USA.GOV"),
        ("Frankreich", "FRA.GOV"),
    ],
)
def test_lookup_is_case_diacritics_and_inflection_tolerant(mention, expected):
    actor = ACTORS.lookup(mention)
    assert actor is not None and actor.id == expected


def test_lookup_unknown_and_empty():
    assert ACTORS.lookup("Zzyzx Quux") is None
    assert ACTORS.lookup("") is None


@pytest.mark.parametrize(
    ("mention", "country", "kind"),
    [
        ("Elfenbeinküste", "CIV", "state"),
        ("der Sowjetunion", "SUN", "state"),
        ("Birma", "MMR", "state"),
        ("Südtirol", "ITA", "place"),
        ("Gazastreifen", "PSE", "place"),
        ("Tschetschenien", "RUS", "place"),
        ("Bayern", "DEU", "place"),
    ],
)
def test_german_exonyms_former_states_and_regions(mention, country, kind):
    actor = ACTORS.lookup(mention)
    assert actor is not None and actor.country == country and actor.kind == kind


def test_capital_as_place_on_request():
    assert ACTORS.lookup("Moskau", kind="place").id == "loc.moskau"
    assert ACTORS.lookup("Moskau").id == "RUS.GOV"


@pytest.mark.parametrize(
    ("phrase", "date", "expected"),
    [
        ("US-Präsident", "2021-03-01", "per.joe-biden"),
        ("US-Präsident", "2018-06-01", "per.donald-trump"),
        ("US-Präsident", "2025-06-01", "per.donald-trump"),
        ("der russische Präsident", "2023-01-01", "per.wladimir-putin"),
        ("Russlands Präsident", "2010-01-01", "per.dmitri-medwedew"),
        ("Kremlsprecher", "2022-01-01", "per.dmitri-peskow"),
        ("Bundeskanzler", "2022-05-01", "per.olaf-scholz"),
        ("die deutsche Außenministerin", "2023-02-01", "per.annalena-baerbock"),
        ("Nato-Generalsekretär", "2020-01-01", "per.jens-stoltenberg"),
        ("Präsident der Ukraine", "2020-01-01", "per.wolodymyr-selenskyj"),
    ],
)
def test_role_phrases_resolve_by_date(phrase, date, expected):
    actor = ACTORS.lookup(phrase, date)
    assert actor is not None and actor.id == expected


def test_role_without_country_is_not_resolved_alone():
    assert ACTORS.lookup("der Präsident", "2021-03-01") is None
    assert parse_role("sein US-Kollege", ACTORS).of == "USA"


def test_roles_and_holders():
    assert {r.role for r in ACTORS.roles_of("per.wladimir-putin")} >= {"head_of_state", "head_of_government"}
    assert [a.id for a in ACTORS.holders("head_of_state", "USA", "2019-01-01")] == ["per.donald-trump"]


def test_actor_code():
    assert ACTORS.actor_code("UKR.MIL") == ("UKR", "MIL")
    assert ACTORS.actor_code("per.wladimir-putin") == ("RUS", "GOV")
    assert ACTORS.actor_code("org.nato") == (None, "IGO")
    assert ACTORS.actor_code(None) == (None, None)
    assert ACTORS.actor_code("nonsense") == (None, None)


def test_fold():
    assert fold("Weißes  Haus!") == "weisses haus"
    assert fold("Selenskyj-Büro") == "selenskyj buro"


def test_english_role_phrases():
    assert ACTORS.lookup("the Russian president", "2022-06-01").id == "per.wladimir-putin"
    assert ACTORS.lookup("the German chancellor", "2022-06-01").id == "per.olaf-scholz"
    assert ACTORS.lookup("Kremlin spokesman", "2022-06-01").id == "per.dmitri-peskow"


def test_person_names_take_only_the_genitive_s():
    assert ACTORS.lookup("Ruttes").id == "per.mark-rutte"
    assert ACTORS.lookup("Rutten") is None
    assert ACTORS.lookup("der Linken").id == "org.linke"
