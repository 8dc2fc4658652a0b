"""Boilerplate vocabulary of the line classifier, repeated lines, and the vocabulary in training."""

from __future__ import annotations

import math

import numpy as np

from clean_helpers import BODY as CENTRAL_BANK
from clean_helpers import FOOTER, NAV
from lagebild.clean.features import STOP_SHARE_KNOWN, line_features, n_features, stop_share
from lagebild.clean.lexicon import WordCounts, known_share, line_score, total
from lagebild.clean.linemodel import LineModel, shipped_model
from lagebild.clean.lines import classify_lines, hand_lines
from training.clean_lines import Doc, fit_pages, prepare, training_set

BODY = CENTRAL_BANK[:4]
GERMAN = [
    "Die Bundesbank hat am Donnerstag den Leitzins um einen halben Prozentpunkt angehoben, so stark wie seit Jahren nicht.",
    "Damit solle die Inflation gebremst werden, die zuletzt auf den höchsten Stand seit vier Jahrzehnten gestiegen sei.",
    "An den Märkten war die Erhöhung erwartet worden, die Kurse stiegen nach der Mitteilung am Nachmittag leicht an.",
    "Mehrere Ökonomen warnten, dass weitere Schritte die Wirtschaft noch in diesem Jahr in eine Rezession treiben könnten.",
]
INDONESIAN = [
    "Bank sentral menaikkan suku bunga acuan sebesar setengah poin persentase pada hari Kamis, kenaikan terbesar.",
    "Menurut para pejabat, keputusan itu bertujuan menekan inflasi yang naik ke tingkat tertinggi dalam empat dekade.",
    "Pasar sudah memperkirakan kenaikan itu, dan saham naik sedikit setelah pengumuman pada sore hari.",
    "Beberapa ekonom memperingatkan bahwa kenaikan berikutnya dapat mendorong ekonomi ke dalam resesi tahun ini.",
]


def _page(*lines: tuple[list[str], int]) -> WordCounts:
    return WordCounts.of_page([tokens for tokens, _ in lines], [label for _, label in lines])


def test_word_counts_and_lexicon_need_several_pages() -> None:
    pages = [
        _page((["share", "this"], 0), (["the", "minister", "said"], 1)),
        _page((["share", "now"], 0), (["the", "court", "said"], 1)),
        _page((["share"], 0), (["the", "police", "said"], 1), (["minister"], 1)),
    ]
    counts = total(pages)
    assert counts.body_lines == 4 and counts.other_lines == 3
    assert counts.body["said"] == 3 and counts.other["share"] == 3 and counts.pages["minister"] == 2
    lexicon = counts.lexicon(min_docs=3)
    assert set(lexicon) == {"share", "the", "said"}  # "minister" is on two pages only
    assert lexicon["share"] < 0 < lexicon["said"]
    assert math.isclose(lexicon["said"], round(math.log(4 / 1) - math.log(5 / 4), 3))
    assert set(counts.lexicon(min_docs=3, words=["share", "minister"])) == {"share"}


def test_removing_a_page_undoes_adding_it() -> None:
    first = _page((["share", "this"], 0), (["said"], 1))
    second = _page((["share"], 0), (["said", "court"], 1))
    counts = total([first, second])
    counts.add(second, -1)
    assert counts.lexicon(min_docs=1) == first.lexicon(min_docs=1)


def test_line_score_mean_share_first_lowest_highest_coverage() -> None:
    lexicon = {"share": -2.0, "said": 1.0}
    assert line_score(["share", "said", "x", "share"], lexicon) == (-0.75, 0.5, -2.0, -2.0, 1.0, 0.75)
    assert line_score([], lexicon) == (0.0,) * 6
    assert line_score(["share"], {}) == (0.0,) * 6


def test_line_features_use_the_lexicon_and_see_repeated_lines() -> None:
    lines = hand_lines(["Share this", BODY[0], "Share this", BODY[1]])
    plain = line_features(lines)
    scored = line_features(lines, {"share": -2.0})
    assert plain.shape == (4, n_features()) and scored.shape == (4, n_features(lexical=True))
    assert np.array_equal(scored[:, : n_features()], plain)  # the plain columns come first, unchanged
    assert scored[:, n_features()].tolist() == [-1.0, 0.0, -1.0, 0.0]  # mean word log-odds
    assert scored[:, -2].tolist() == [0.0, 0.0, 1.0, 0.0]  # the same text earlier on the page
    assert scored[:, -1].tolist() == [1.0, 0.0, 0.0, 0.0]  # the same text again later
    assert line_features([], {}).shape == (0, n_features(lexical=True))


def test_known_share_of_a_page() -> None:
    lexicon = {"the": 0.1, "share": -2.0}
    assert known_share([["the", "share"], ["der", "die", "das", "the"]], lexicon) == 0.5
    assert known_share([], lexicon) == 0.0


def test_vocabulary_is_used_only_where_it_knows_the_words() -> None:
    model = shipped_model()
    assert model is not None and model.plain is not None and not model.plain.lexicon
    english = hand_lines(NAV + BODY + FOOTER)
    german = hand_lines(GERMAN)
    assert known_share((line.tokens for line in english), model.lexicon) >= model.min_known
    assert known_share((line.tokens for line in german), model.lexicon) < model.min_known
    assert model.for_page(english) is model and model.for_page(german) is model.plain
    proba, threshold = model.page_proba(german)
    assert (
        np.array_equal(proba, model.plain.proba(line_features(german))) and threshold == model.plain.threshold
    )


def test_a_page_in_a_language_without_known_stopwords_goes_to_the_blind_model() -> None:
    model = shipped_model()
    assert model is not None and model.plain is not None and model.blind is not None
    indonesian = hand_lines(INDONESIAN)
    assert model.for_page(indonesian) is model.plain
    assert stop_share(indonesian) < STOP_SHARE_KNOWN
    proba, threshold = model.page_proba(indonesian)
    blind = hand_lines(INDONESIAN, stopwords=False)  # the page as the blind model learned it: no stopwords
    assert all(line.stops == 0 for line in blind)
    assert (
        np.array_equal(proba, model.blind.proba(line_features(blind))) and threshold == model.blind.threshold
    )
    german = hand_lines(GERMAN)  # German stopwords are known: the plain model, not the blind one
    assert np.array_equal(model.page_proba(german)[0], model.plain.proba(line_features(german)))


def test_german_page_is_cleaned_as_by_the_plain_model() -> None:
    model = shipped_model()
    assert model is not None and model.plain is not None
    page = NAV + ["Bundesbank erhöht den Leitzins"] + GERMAN + FOOTER
    assert classify_lines(page, model=model).body == classify_lines(page, model=model.plain).body


def test_a_paragraph_repeated_on_the_page_is_kept_once() -> None:
    page = NAV + ["Central bank raises rates by half a point"] + BODY + BODY + FOOTER
    result = classify_lines(page)
    assert result.body == BODY
    assert sum(1 for r in result.removed if r.text == BODY[0]) == 1


def test_shipped_model_carries_its_lexicon() -> None:
    model = shipped_model()
    assert model is not None and model.lexicon
    assert LineModel.from_dict(model.to_dict()).lexicon == model.lexicon


def test_training_features_use_the_other_pages_vocabulary() -> None:
    docs = [
        Doc(str(i), ["Share this", f"Report number {i} said the minister on Monday.", f"only{i}"], gold="")
        for i in range(4)
    ]
    docs = [Doc(d.key, d.lines, gold=d.lines[1]) for d in docs]
    pages = [prepare(doc) for doc in docs]
    matrices, lexicon = training_set(pages)
    assert len(matrices) == 4
    assert "only0" not in lexicon and lexicon["share"] < 0 < lexicon["said"]
    model = fit_pages(pages * 2)
    assert model.lexicon == training_set(pages * 2)[1]
    assert model.proba(line_features(pages[0].lines, model.lexicon)).shape == (3,)
