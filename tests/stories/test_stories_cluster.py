from __future__ import annotations

import math
from collections import Counter

from lagebild.stories import ClusterParams, StoryClusterer
from lagebild.stories.cluster import StoryState
from lagebild.stories.text import (
    FEATURES,
    DocumentFrequencies,
    article_language,
    article_terms,
    cosine,
    minhash,
    tokens,
)
from stories_helpers import CALL, ELECTION, FLOOD, FOLLOW_UP, article, event, wire_copy


def _stream() -> list:
    consult = [event("CONSULT", ["RUS"], ["USA"], "2021-12-07")]
    return [
        article("a1", CALL, "2021-12-07", "tagesschau", "Putin und Biden", ("RUS", "USA"), consult),
        article("a2", FLOOD, "2021-12-07", "spiegel", "Hochwasser im Ahrtal"),
        article(
            "a3", wire_copy(CALL, "zeit"), "2021-12-07", "zeit", "Putin und Biden sprechen", ("RUS", "USA")
        ),
        article("a4", wire_copy(CALL, "faz"), "2021-12-08", "faz", None, ("RUS", "USA")),
        article("a5", ELECTION, "2021-12-09", "nos"),
        article("a6", FOLLOW_UP, "2021-12-30", "welt", "Neues Telefonat", ("RUS", "USA"), consult),
    ]


def test_tokens_drop_function_words_and_numbers_and_stem() -> None:
    assert tokens("Der Präsident und die 12 Berater sagten: Nato!", "de") == [
        "prasident",
        "berat",
        "sagt",
        "nato",
    ]
    # inflected forms of one word share a token
    assert tokens("Präsidenten", "de") == tokens("Präsident", "de")
    assert tokens("The senators testified", "en") == ["senat", "testifi"]


def test_stop_words_follow_the_language() -> None:
    # "war" is a German function word but an English content word
    assert tokens("Der Krieg war lang", "de") == ["krieg", "lang"]
    assert "war" in tokens("The war in the north", "en")
    # Russian stop words go, so two unrelated Russian texts do not match on them
    assert tokens("это можно для рецепт", "ru") == ["рецепт"]


def test_language_is_detected_when_unknown() -> None:
    assert tokens("Die Präsidenten und die Berater der Regierung sagten nicht, was sie wollen.") == tokens(
        "Die Präsidenten und die Berater der Regierung sagten nicht, was sie wollen.", "de"
    )
    assert tokens("w00001x w00002x") == ["w00001x", "w00002x"]
    assert article_language(article("g1", FLOOD, "2021-07-15", "x")) == "de"
    undetermined = article("g2", "Der Regen und die Flut in dem Tal", "2021-07-15", "x")
    undetermined.language = None
    assert article_language(undetermined) == "de"


def test_article_terms_match_across_inflections() -> None:
    df = DocumentFrequencies()
    one = article("t1", "Die Präsidenten verhandelten über Sicherheitsgarantien.", "2021-12-07", "x")
    two = article("t2", "Der Präsident verhandelt über die Sicherheitsgarantie.", "2021-12-08", "y")
    terms = [article_terms(one), article_terms(two)]
    for t in terms:
        df.add(list(t))
    assert cosine(df.vector(terms[0]), df.vector(terms[1])) > 0.9


def test_minhash_near_duplicates_are_similar_and_distinct_texts_are_not() -> None:
    a, b, c = minhash(CALL), minhash(wire_copy(CALL, "zeit")), minhash(FLOOD)
    assert a is not None and b is not None and c is not None
    assert a.jaccard(b) > 0.7
    assert a.jaccard(c) < 0.1
    assert minhash("zu kurz") is None


def test_cosine_of_sparse_vectors() -> None:
    assert cosine({1: 1.0}, {1: 2.0}) == 1.0
    assert cosine({1: 1.0}, {2: 1.0}) == 0.0


def test_wire_copies_are_duplicates_and_stories_separate() -> None:
    clusterer = StoryClusterer()
    results = {a.id: clusterer.assign(a) for a in _stream()}
    call = results["a1"].story_id
    assert results["a1"].new_story
    assert results["a3"].copy_of == "a1" and results["a3"].story_id == call
    assert results["a4"].copy_of == "a1" and results["a4"].story_id == call
    assert results["a2"].story_id != call and results["a5"].story_id not in {call, results["a2"].story_id}
    # the follow-up three weeks later joins the story of the video call
    assert results["a6"].story_id == call and results["a6"].copy_of is None


def test_follow_up_outside_the_window_starts_a_new_story() -> None:
    clusterer = StoryClusterer(ClusterParams(window_days=10, revive_days=10))
    stream = _stream()
    results = {a.id: clusterer.assign(a) for a in stream}
    assert results["a6"].story_id != results["a1"].story_id


def test_dormant_story_is_revived_only_by_a_close_follow_up() -> None:
    # the follow-up comes 23 days after the call: outside a 10-day window, inside a 60-day revival range
    close = _assign_stream(ClusterParams(window_days=10, revive_days=60, revive_threshold=0.3))
    assert close["a6"].story_id == close["a1"].story_id and not close["a6"].new_story
    strict = _assign_stream(ClusterParams(window_days=10, revive_days=60, revive_threshold=0.95))
    assert strict["a6"].new_story
    too_late = _assign_stream(ClusterParams(window_days=10, revive_days=20, revive_threshold=0.3))
    assert too_late["a6"].new_story


def _assign_stream(params: ClusterParams) -> dict:
    clusterer = StoryClusterer(params)
    return {a.id: clusterer.assign(a) for a in _stream()}


def test_clustering_is_deterministic_for_the_same_order() -> None:
    first = _assign_all(_stream())
    again = _assign_all(_stream())
    assert [(r.story_id, r.copy_of, round(r.score, 9)) for r in first] == [
        (r.story_id, r.copy_of, round(r.score, 9)) for r in again
    ]


def _assign_all(articles: list) -> list:
    clusterer = StoryClusterer()
    return [clusterer.assign(a) for a in articles]


def test_empty_and_undated_articles_do_not_fail() -> None:
    clusterer = StoryClusterer()
    empty = clusterer.assign(article("e1", "", "", "x"))
    undated = clusterer.assign(article("e2", FLOOD, "unbekannt", "x"))
    assert empty.new_story and undated.new_story


def test_an_article_joins_only_at_the_threshold_even_without_a_rival_story() -> None:
    report = article("j1", ELECTION, "2021-12-09", "nos")
    counts = article_terms(report)
    frequencies = DocumentFrequencies()
    frequencies.add(list(counts))  # what the clusterer's frequencies will be when it scores the report
    key, weight = min(frequencies.vector(counts).items(), key=lambda kv: (-kv[1], kv[0]))  # first query term
    for similarity, joins in ((0.12, False), (0.2, True)):
        clusterer = StoryClusterer(ClusterParams(threshold=0.16))
        # the only candidate shares the report's heaviest term, scaled to the wanted cosine
        spread = math.sqrt((weight / similarity) ** 2 - 1)
        clusterer.add_story(StoryState(id="only", seq=0, centroid={key: 1.0, FEATURES: spread}))
        assignment = clusterer.assign(report)
        assert (assignment.story_id == "only") is joins
        assert abs(assignment.score - similarity) < 1e-9 or not joins


def test_copies_are_only_detected_within_duplicate_days() -> None:
    clusterer = StoryClusterer(ClusterParams(duplicate_days=5))
    clusterer.assign(article("a1", CALL, "2021-12-07", "tagesschau", None, ("RUS", "USA")))
    near = clusterer.assign(article("a2", wire_copy(CALL, "zeit"), "2021-12-10", "zeit"))
    far = clusterer.assign(article("a3", wire_copy(CALL, "faz"), "2021-12-20", "faz"))
    assert near.copy_of == "a1"
    assert far.copy_of is None and far.story_id == near.story_id


def test_candidates_are_ranked_by_partial_cosine_not_by_shared_term_count() -> None:
    clusterer = StoryClusterer(ClusterParams(max_candidates=1, query_terms=2))
    # "broad" shares both query terms but weakly; "focused" shares only the heavier one, strongly
    clusterer.add_story(StoryState(id="broad", seq=0, centroid={1: 0.1, 2: 0.1, 99: 1.0}))
    clusterer.add_story(StoryState(id="focused", seq=1, centroid={1: 1.0}))
    best, score = clusterer._best_story({1: 0.8, 2: 0.6}, None)
    assert best == "focused" and abs(score - 0.8) < 1e-9


def test_shared_actors_and_events_add_nothing_beyond_the_text() -> None:
    # the actors count only as terms of the vector (by their IDF): a story that shares the article's actors and
    # event type but none of its terms scores nothing, so a commonly named actor cannot pull reports together
    clusterer = StoryClusterer()
    story = StoryState(
        id="s", seq=0, n=3, centroid={1: 1.0}, actors=Counter({"DEU.GOV": 3}), events={"PROTEST||"}, norm=1.0
    )
    assert clusterer.score(story, {2: 1.0}, None) == 0.0
    assert clusterer.score(story, {1: 1.0}, None) == 1.0
