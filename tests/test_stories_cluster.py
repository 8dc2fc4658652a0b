from __future__ import annotations

from lagebild.stories import ClusterParams, StoryClusterer
from lagebild.stories.text import cosine, minhash, tokens
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


def test_tokens_drop_function_words_and_numbers() -> None:
    assert tokens("Der Präsident und die 12 Berater sagten: Nato!") == [
        "präsident",
        "berater",
        "sagten",
        "nato",
    ]


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
    clusterer = StoryClusterer(ClusterParams(window_days=10))
    stream = _stream()
    results = {a.id: clusterer.assign(a) for a in stream}
    assert results["a6"].story_id != results["a1"].story_id


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


def test_joins_below_threshold_only_when_the_best_story_stands_out() -> None:
    clusterer = StoryClusterer(ClusterParams(threshold=0.5, floor=0.1, margin=3.0))
    assert clusterer._joins(0.6, 0.5)  # above the threshold
    assert clusterer._joins(0.3, 0.05)  # clear winner above the floor
    assert not clusterer._joins(0.3, 0.2)  # runner-up too close
    assert not clusterer._joins(0.08, 0.0)  # below the floor


def test_copies_are_only_detected_within_duplicate_days() -> None:
    clusterer = StoryClusterer(ClusterParams(duplicate_days=5))
    clusterer.assign(article("a1", CALL, "2021-12-07", "tagesschau", None, ("RUS", "USA")))
    near = clusterer.assign(article("a2", wire_copy(CALL, "zeit"), "2021-12-10", "zeit"))
    far = clusterer.assign(article("a3", wire_copy(CALL, "faz"), "2021-12-20", "faz"))
    assert near.copy_of == "a1"
    assert far.copy_of is None and far.story_id == near.story_id
