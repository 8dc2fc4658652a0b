"""Training helpers of the line classifier: training matrices and out-of-fold stacking."""

from __future__ import annotations

import numpy as np

from lagebild.clean.linemodel import LineModel
from training.clean_lines import Doc, fit, training_matrices

LINES = [
    "Home",
    "The council voted on Tuesday to close the old bridge for repairs until the spring.",
    "Read also: Ten bridges to see",
    "Work will start next month, a spokesman said.",
]


def test_training_matrices_label_lines_by_the_gold_body() -> None:
    gold_doc = Doc("b", LINES, gold=LINES[1] + " " + LINES[3])
    empty = Doc("c", [], gold="")
    matrices = training_matrices([gold_doc, empty])
    assert len(matrices) == 1
    assert matrices[0][1].tolist() == [0, 1, 0, 1]
    model = fit(matrices * 5)
    assert isinstance(model, LineModel)
    assert model.proba(matrices[0][0]).shape == (len(LINES),)


def test_second_pass_input_is_scored_by_first_passes_trained_without_the_document() -> None:
    from training.clean_lines import _fit_linear, _out_of_fold_scores

    rng = np.random.default_rng(1)
    matrices = []
    for _ in range(6):
        x = rng.normal(size=(30, 4))
        matrices.append((x, (x[:, 0] + 0.3 * rng.normal(size=30) > 0).astype(np.int64)))
    scores = _out_of_fold_scores(matrices, 1.0, 3)
    assert [s.shape for s in scores] == [(30,)] * 6
    # document 0 is in fold 0: its scores come from a first pass trained on the documents of folds 1 and 2 only
    rest = [m for i, m in enumerate(matrices) if i % 3 != 0]
    alone = _fit_linear(np.vstack([m for m, _ in rest]), np.concatenate([y for _, y in rest]), 1.0)
    assert np.allclose(scores[0], alone.proba(matrices[0][0]))


def _page_doc(key: str, body: list[str]) -> Doc:
    nav = ["Home", "World", "Business", "Markets", "Tech", "Opinion", "Sport", "Culture", "Travel", "Video"]
    footer = [
        "About us",
        "Contact",
        "Careers",
        "Advertise with us",
        "Sitemap",
        "Help centre",
        "Accessibility",
    ]
    return Doc(key, nav + ["Council closes the old bridge"] + body + footer, gold=" ".join(body))


BODY = [
    "The council voted on Tuesday to close the old bridge for repairs until the spring, officials said.",
    "Work will start next month, and the city expects traffic delays on the ring road for several weeks.",
    "Engineers found cracks in two of the supporting pillars during an inspection carried out last year.",
    "Residents who cross the river every day will be able to use a temporary ferry from the harbour.",
    "The repairs are expected to cost about four million euros, which the state has agreed to share.",
    "A spokesman for the council said the bridge would reopen before the summer holidays if all goes well.",
]


def test_threshold_is_chosen_by_inner_cross_validation_nearest_the_default_on_ties() -> None:
    from training.clean_lines import THRESHOLD, THRESHOLDS, fit_pages, prepare, tuned_threshold

    pages = [prepare(_page_doc(str(i), BODY[i % 3 :] + BODY[: i % 3])) for i in range(10)]
    # body and boilerplate separate cleanly: every candidate keeps exactly the body, so the default wins the tie
    assert tuned_threshold(pages, 1.0, 5) == THRESHOLD
    model = fit_pages(pages, inner_folds=5)
    assert model.threshold in THRESHOLDS and model.plain is not None and model.plain.threshold == THRESHOLD
    # the blind model's threshold is chosen the same way, every page read without stopwords
    assert tuned_threshold(pages, 1.0, 5, blind=True) == THRESHOLD
    assert model.blind is not None and model.blind.threshold == THRESHOLD
