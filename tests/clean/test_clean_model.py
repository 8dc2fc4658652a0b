"""Learned line classifier: shipped model, features, labels, and body selection on a whole-page scrape."""

from __future__ import annotations

import numpy as np

from clean_helpers import BODY, FOOTER, NAV
from lagebild.clean.features import (
    context_features,
    line_features,
    n_features,
    n_page_features,
    page_features,
)
from lagebild.clean.linemodel import LineModel, shipped_model
from lagebild.clean.lines import MODEL_MIN_LINES, classify_lines, hand_lines
from training.clean_lines import line_labels

PAGE = NAV + ["Central bank raises rates by half a point"] + BODY + FOOTER


def test_shipped_model_loads_and_matches_feature_width() -> None:
    model = shipped_model()
    assert model is not None and model.plain is not None
    extra = context_features(np.zeros(1)).shape[1] + n_page_features()
    assert model.blind is not None and not model.blind.lexicon
    for part, width in (
        (model, n_features(lexical=True)),
        (model.plain, n_features()),
        (model.blind, n_features()),
    ):
        assert part.first.coef.shape == (width,)
        assert part.second.coef.shape == (width + extra,)
    assert line_features(hand_lines(PAGE)).shape == (len(PAGE), n_features())


def test_model_round_trip() -> None:
    model = shipped_model()
    assert model is not None
    again = LineModel.from_dict(model.to_dict())
    lines = hand_lines(PAGE)
    assert np.allclose(model.page_proba(lines)[0], again.page_proba(lines)[0])
    assert again.plain is not None and again.min_known == model.min_known
    features = line_features(lines)
    assert np.allclose(model.plain.proba(features), again.plain.proba(features))
    assert (
        model.blind is not None and again.blind is not None and again.blind.threshold == model.blind.threshold
    )
    assert np.allclose(model.blind.proba(features), again.blind.proba(features))


def test_whole_page_scrape_keeps_body_and_drops_navigation() -> None:
    assert len(PAGE) >= MODEL_MIN_LINES
    result = classify_lines(PAGE)
    assert result.body == BODY
    removed = {r.text for r in result.removed}
    assert {"Business", "Careers", "Sitemap"} <= removed
    assert result.title == "Central bank raises rates by half a point"


def test_model_and_hand_rules_alone_agree_on_reasons() -> None:
    page = PAGE[:12] + ["Subscribe now for unlimited access"] + PAGE[12:]
    with_model = {r.text: r.reason for r in classify_lines(page).removed}
    hand_only = {r.text: r.reason for r in classify_lines(page, use_model=False).removed}
    assert (
        with_model["Subscribe now for unlimited access"]
        == "ui"
        == hand_only["Subscribe now for unlimited access"]
    )


def test_line_labels_by_token_overlap() -> None:
    gold = "The bank raised rates. Markets rose."
    labels = line_labels(
        ["The bank raised rates.", "Share this article", "Markets rose.", "The bank raised rates."], gold
    )
    assert labels.tolist() == [1, 0, 1, 0]  # gold tokens are used up once


def test_context_features_shape_and_empty() -> None:
    assert context_features(np.array([0.1, 0.9, 0.8])).shape[0] == 3
    assert context_features(np.zeros(0)).shape[0] == 0
    assert line_features([]).shape == (0, n_features())


def test_japanese_kana_and_kanji_are_one_script_and_sentences_are_good() -> None:
    lines = [
        "報道によると、今回販売されたのは、いわゆる「脱獄」したiPhoneで、男性は容疑を認めているということです。",
        "もちろん、アップル社はこのような改造を認めておらず、利用者には注意を呼びかけています。",
    ]
    result = classify_lines(lines)
    assert result.body == lines
    assert all(line.terminal and line.words >= 8 for line in hand_lines(lines))


def test_page_features_see_runs_and_nearest_body_line() -> None:
    proba = np.array([0.9, 0.1, 0.8, 0.7, 0.6, 0.2])
    rows = page_features(proba)
    assert rows.shape == (6, n_page_features())
    assert np.allclose(
        rows[:, 0], np.log1p([2, 1, 1, 1, 1, 1])
    )  # distance to the nearest other body-like line
    assert rows[:, 1].tolist() == [1.0] * 6  # a run of three body-like lines (2..4)
    assert np.allclose(rows[:, 2], np.log(4))
    assert np.isclose(rows[0, 3], 0.9 - (0.9 + 0.8 + 0.7 + 0.6 + 0.2) / 5)  # score minus the top-5 mean


def test_page_features_without_body_run_and_empty() -> None:
    rows = page_features(np.array([0.9, 0.1, 0.8, 0.1, 0.2]))
    assert rows[:, 1].tolist() == [0.0] * 5  # no three body-like lines in a row
    assert np.allclose(rows[:, 2], np.log(2))
    assert np.allclose(page_features(np.full(4, 0.1))[:, 0], np.log1p(4))  # no body-like line: page length
    assert page_features(np.zeros(0)).shape == (0, n_page_features())
