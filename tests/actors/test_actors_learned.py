"""Learned actors: what an article teaches, and the actor index they form with the shipped dictionary."""

import pickle

from lagebild.actors import ActorIndex, LearnedActor, shipped
from lagebild.actors.dictionary import packaged_actors
from lagebild.actors.learning import learn_batch, learn_from_article, person_name, political_page
from lagebild.entities.stage import EntityStage
from lagebild.events import code_sentence
from lagebild.model import Article, Entity, Source, Span


def news(text: str, names: list[str], *, country="ITA", title="Landesregierung berät", url=None, aid="a1"):
    entities = []
    for name in names:
        start = text.index(name)
        entities.append(Entity(start, start + len(name), name, "PER", None))
    return Article(
        id=aid,
        source=Source(name="Test", country=country, url=url),
        language="de",
        title=title,
        text=text,
        published="2010-03-01",
        entities=entities,
        sentences=[Span(0, len(text))],
    )


def test_office_title_teaches_a_domestic_person():
    article = news(
        "In Bozen sagte Landesrat Richard Theiner am Montag, das Spital bleibe offen.", ["Richard Theiner"]
    )
    [actor] = learn_from_article(article, shipped())
    assert (actor.id, actor.name, actor.variants) == ("per.richard-theiner", "Richard Theiner", ["Theiner"])
    assert (actor.country, actor.sector, actor.kind) == ("ITA", "GOV", "person")
    assert actor.to_dict()["learned"] is True and actor.mentions == 1 and actor.first_seen == "a1"


def test_party_compound_and_bracket_give_country_and_sector():
    compound = news("Am Dienstag kritisierte der CSU-Politiker Max Mustermann den Plan.", ["Max Mustermann"])
    bracket = news(
        "Am Dienstag kritisierte Erika Beispielfrau (SPD) den Plan scharf.", ["Erika Beispielfrau"]
    )
    assert [(a.id, a.country, a.sector) for a in learn_from_article(compound, shipped())] == [
        ("per.max-mustermann", "DEU", "PTY")
    ]
    assert [(a.country, a.sector) for a in learn_from_article(bracket, shipped())] == [("DEU", "PTY")]


def test_adjective_places_a_foreign_minister():
    article = news(
        "Der ungarische Außenminister Peter Probeszki sagte dem Sender, man lehne das ab.",
        ["Peter Probeszki"],
    )
    [actor] = learn_from_article(article, shipped())
    assert (actor.country, actor.sector) == ("HUN", "GOV")


def test_nothing_learned_without_a_telling_phrase_or_from_odd_names():
    bare = news("Am Montag sagte Richard Theiner, das Spital bleibe offen.", ["Richard Theiner"])
    single = news("Am Montag sagte Landesrat Theiner, das Spital bleibe offen.", ["Theiner"])
    place = news("Am Montag sagte Landesrat Paris Mustermann, das sei gut.", ["Paris Mustermann"])
    known = news("Am Montag sagte der Kanzler Olaf Scholz, das sei gut.", ["Olaf Scholz"], country="DEU")
    markup = news("Am Montag sagte Landesrat <b>Max Muster</b>, das sei gut.", ["<b>Max Muster</b>"])
    long_name = "Max " + "Mustermann" * 40
    huge = news(f"Am Montag sagte Landesrat {long_name}, das sei gut.", [long_name])
    for article in (bare, single, place, known, markup, huge):
        assert learn_from_article(article, shipped()) == []
    assert person_name("Dr. Richard Theiners", shipped(), "Theiner sagte") == "Richard Theiner"
    assert person_name("<script>alert(1)</script> Muster", shipped()) is None


def test_sports_pages_teach_nothing_unless_the_title_is_political():
    text = "Trainer Max Mustermann sagte nach dem Spiel, die Saison sei lang und die Liga stark, Tore fielen."
    sport = news(text, ["Max Mustermann"], title="Zwei Tore in der Nachspielzeit")
    by_url = news(
        "Landesrat Max Mustermann lobte das Team.",
        ["Max Mustermann"],
        url="https://x.it/sport/fussball/1",
        title="Ein großer Abend",
    )
    political = news(
        "Landesrat Max Mustermann lobte das Team.", ["Max Mustermann"], title="Landesregierung lobt Team"
    )
    assert not political_page(sport) and learn_from_article(sport, shipped()) == []
    assert learn_from_article(by_url, shipped()) == []
    political.source.url = by_url.source.url
    assert [a.id for a in learn_from_article(political, shipped())] == ["per.max-mustermann"]


def test_index_resolves_full_name_surname_and_genitive_and_codes_events():
    learned = LearnedActor("per.richard-theiner", "Richard Theiner", ["Theiner"], "ITA", "GOV")
    index = ActorIndex([learned])
    copy = pickle.loads(pickle.dumps(index))
    assert copy.rows == index.rows and copy.lookup("Theiner").id == "per.richard-theiner"
    assert shipped().lookup("Theiner") is None
    for name in ("Richard Theiner", "Theiner", "Theiners", "Landesrat Theiner"):
        found = index.lookup(name)
        if name != "Landesrat Theiner":
            assert found is not None and found.id == "per.richard-theiner", name
    assert index.actor_code("per.richard-theiner") == ("ITA", "GOV")
    assert "per.richard-theiner" in index.actors and index.learned_ids == {"per.richard-theiner"}
    assert "per.richard-theiner" not in packaged_actors()
    assert index.lookup_id("Theiner") == "per.richard-theiner"
    assert index.cameo_code("per.richard-theiner") == ("ITA", "GOV")
    assert shipped().lookup("Theiner") is None and shipped().lookup_id("Theiner") is None


def test_index_never_shadows_the_dictionary_and_drops_shared_surnames():
    fake_putin = LearnedActor("per.wladimir-putin", "Wladimir Putin", ["Putin"], "ITA", "CVL")
    twins = [
        LearnedActor("per.anna-huber", "Anna Huber", ["Huber"], "AUT", "GOV"),
        LearnedActor("per.karl-huber", "Karl Huber", ["Huber"], "AUT", "LEG"),
    ]
    assert ActorIndex([fake_putin]).rows == ()
    index = ActorIndex([fake_putin, *twins])
    assert index.actor_code("per.wladimir-putin") == ("RUS", "GOV")
    assert index.lookup("Huber") is None
    assert index.lookup("Karl Huber").id == "per.karl-huber"
    assert index.lookup("Scholz").id == "per.olaf-scholz"


def test_stages_read_the_index_they_are_given():
    index = ActorIndex([LearnedActor("per.richard-theiner", "Richard Theiner", ["Theiner"], "ITA", "GOV")])
    text = "Landesrat Theiner kritisierte am Montag die Regierung in Rom scharf."
    article = Article(id="x", text=text, language="de", published="2010-03-01")
    stage = pickle.loads(pickle.dumps(EntityStage(actors=index)))
    assert any(e.actor == "per.richard-theiner" for e in stage(article).entities)
    plain = EntityStage()(Article(id="y", text=text, language="de", published="2010-03-01"))
    assert not any(e.actor == "per.richard-theiner" for e in plain.entities)
    events = code_sentence(text, "de", article.entities, published="2010-03-01", actors=index)
    assert any("per.richard-theiner" in e.source for e in events)


def test_batch_counts_articles_and_sightings_of_known_actors():
    first = news("Landesrat Richard Theiner sagte, das Spital bleibe offen.", ["Richard Theiner"], aid="a1")
    second = news("Richard Theiner kam am Abend nach Meran.", ["Richard Theiner"], aid="a2")
    third = news("Am Abend sprach Theiner in Meran.", ["Theiner"], aid="a3")
    third.entities[0].actor = "per.richard-theiner"
    [actor] = learn_batch([first, second], shipped())
    assert (actor.id, actor.mentions, actor.first_seen) == ("per.richard-theiner", 2, "a1")
    [sighting] = learn_batch([third], ActorIndex([actor]), {actor.id: actor})
    assert (sighting.id, sighting.mentions, sighting.name, sighting.country) == (
        actor.id,
        1,
        actor.name,
        "ITA",
    )


def test_a_learned_surname_after_an_article_is_a_common_noun():
    index = ActorIndex([LearnedActor("per.heinz-fischer", "Heinz Fischer", ["Fischer"], "AUT", "GOV")])
    stage = EntityStage(actors=index)
    spoken = stage(
        Article(id="s", text="Die Lage sei ernst, sagte Fischer am Montag in Wien.", language="de")
    )
    assert any(e.text == "Fischer" and e.actor == "per.heinz-fischer" for e in spoken.entities)
    fishermen = stage(Article(id="f", text="Die Fischer protestierten am Montag im Hafen.", language="de"))
    assert not any(e.actor == "per.heinz-fischer" for e in fishermen.entities)
