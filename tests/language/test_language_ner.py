"""The encoder NER head: BIO-constrained decoding, word features, and a head file run through the real encoder."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from lagebild.entities.crf import Lexicon
from lagebild.language.ner import (
    N_WORD_FEATURES,
    EncoderTagger,
    allowed_transitions,
    viterbi,
    word_features,
)
from lagebild.language.profiles import PROFILES, check_profile, entity_model

TAGS = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC"]


def test_viterbi_never_opens_with_inside_tag() -> None:
    allowed = allowed_transitions(TAGS)
    assert not allowed[0, TAGS.index("I-PER")]
    assert allowed[1 + TAGS.index("B-PER"), TAGS.index("I-PER")]
    assert not allowed[1 + TAGS.index("B-LOC"), TAGS.index("I-PER")]
    # greedy choice would be I-PER, I-PER; the constraint turns the first into B-PER
    scores = np.log(
        np.array([[0.1, 0.35, 0.45, 0.05, 0.05], [0.1, 0.1, 0.6, 0.1, 0.1], [0.9, 0.02, 0.02, 0.03, 0.03]])
    )
    assert [TAGS[i] for i in viterbi(scores, allowed)] == ["B-PER", "I-PER", "O"]
    assert viterbi(np.zeros((0, 5)), allowed) == []


def test_word_features_mark_shape_gazetteer_and_name_lists() -> None:
    lexicon = Lexicon({("Olaf", "Scholz"): "PER"}, {"Olaf": ["fn"], "Hamburg": ["city"]}, {})
    words = ["Olaf", "Scholz", "besucht", "Hamburg", "."]
    feats = word_features(words, lexicon)
    assert feats.shape == (5, N_WORD_FEATURES)
    assert feats[0, 0] == 1 and feats[0, 4] == 1 and feats[2, 0] == 0 and feats[4, 3] == 1
    assert feats[0, 6] == 1 and feats[1, 6] == 1 and feats[1, 5] == 1 and feats[0, 5] == 0
    assert feats[3, 6:10].sum() == 0
    assert feats[0].sum() > feats[2].sum()
    assert word_features([], None).shape == (0, N_WORD_FEATURES)


def _head(path: Path, dim: int, bias: list[float], hidden: int = 8) -> Path:
    """A head whose output layer ignores the hidden layer: the tag scores are ``bias`` for every word."""
    rng = np.random.default_rng(0)
    np.savez(
        path,
        cut=np.array(2),
        tags=np.array(TAGS),
        hidden_w=rng.normal(0, 0.1, (dim, hidden)).astype(np.float16),
        hidden_b=np.zeros(hidden, dtype=np.float16),
        out_w=np.zeros((hidden, len(TAGS)), dtype=np.float16),
        out_b=np.array(bias),
    )
    return path


def test_tagger_runs_the_encoder_and_decodes(tmp_path: Path) -> None:
    from lagebild.language.encoder import encoder

    enc = encoder()
    dim = 3 * enc.hidden_size + N_WORD_FEATURES
    outside = EncoderTagger(_head(tmp_path / "o.npz", dim, [5, 0, -5, -5, -5]), enc, lexicon=None)
    scores = outside.scores([["Der", "Rat", "tagt", "."], []])
    assert scores[0].shape == (4, len(TAGS)) and scores[1].shape == (0, len(TAGS))
    assert np.allclose(np.exp(scores[0]).sum(axis=1), 1.0, atol=1e-5)
    assert outside.recognise("") == []
    assert outside.recognise("Der Rat tagt in Brüssel.") == []
    # every word B-PER: one span per token, at the token's character offsets, across sentences
    person = EncoderTagger(_head(tmp_path / "p.npz", dim, [0, 5, -5, -5, -5]), enc, lexicon=None)
    text = "Der Rat tagt.\nKiew?"
    assert person.recognise(text) == [
        (0, 3, "PER"),
        (4, 7, "PER"),
        (8, 12, "PER"),
        (12, 13, "PER"),
        (14, 18, "PER"),
        (18, 19, "PER"),
    ]


def test_profiles() -> None:
    assert PROFILES == ("fast", "accurate")
    assert entity_model("fast") == "crf"
    with pytest.raises(ValueError, match="unknown profile"):
        check_profile("turbo")


def test_cli_rejects_an_unknown_profile(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from lagebild.cli import app

    result = CliRunner().invoke(
        app, ["process", str(tmp_path), "--db", str(tmp_path / "x.duckdb"), "--profile", "turbo"]
    )
    assert result.exit_code == 2
    assert not (tmp_path / "x.duckdb").exists()


def test_word_inputs_put_neighbours_beside_each_word() -> None:
    from lagebild.language.ner import word_inputs

    states = np.arange(6, dtype=np.float32).reshape(3, 2)
    x = word_inputs(states, np.ones((3, 1), dtype=np.float32))
    assert x.shape == (3, 7)
    assert x[0].tolist() == [0, 1, 0, 0, 2, 3, 1]
    assert x[2].tolist() == [4, 5, 2, 3, 0, 0, 1]


def test_accurate_profile_runs_the_packaged_head_in_the_entities_stage() -> None:
    from lagebild.entities import EntityStage
    from lagebild.model import Article
    from lagebild.pipeline import article_stages

    stages = {type(s).__name__: s for s in article_stages(profile="accurate")}
    assert stages["EntityStage"].ner == "encoder"
    assert {type(s).__name__: s for s in article_stages()}["EntityStage"].ner == "crf"
    text = "Angela Merkel traf am Montag in Paris den Vorstand der Lufthansa."
    article = EntityStage(roles=False, ner="encoder")(Article(id="a", text=text, language="de"))
    found = {(e.text, e.label) for e in article.entities}
    assert {("Angela Merkel", "PER"), ("Paris", "LOC")} <= found
