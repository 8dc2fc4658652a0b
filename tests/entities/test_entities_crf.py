"""The CRF tagger: sentences of tokens, features, BIO handling, a tiny training run, the packaged model."""

from pathlib import Path

from lagebild.entities.crf import (
    LEXICON_FILE,
    MODEL_FILE,
    CrfTagger,
    FeatureExtractor,
    Lexicon,
    bio,
    chunks,
    load_crf,
    sentence_token_ranges,
    shape,
)
from lagebild.language.tokens import token_spans
from lagebild.model import ENTITY_LABELS
from training.conll import Sentence
from training.entities_crf import fit


def test_sentences_cut_before_capitals_and_at_newlines():
    text = "Er kam am 3. Mai. Sie ging.\nNeu hier"
    tokens = token_spans(text)
    parts = [" ".join(text[s:e] for s, e in tokens[a:b]) for a, b in sentence_token_ranges(text, tokens)]
    assert parts == ["Er kam am 3 . Mai .", "Sie ging .", "Neu hier"]


def test_shape_and_bio_roundtrip():
    assert shape("EU-Staaten") == "X-Xx"
    assert shape("2014") == "d"
    spans = [(0, 2, "PER"), (2, 3, "LOC"), (5, 6, "ORG")]
    assert chunks(bio(7, spans)) == spans
    assert chunks(["I-PER", "I-PER", "O", "B-LOC", "I-ORG"]) == [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "ORG")]


def test_lexicon_longest_match_and_json_roundtrip():
    lexicon = Lexicon(
        {("Olaf", "Scholz"): "PER", ("Scholz",): "PER", ("Berlin",): "LOC"}, {"Olaf": ["fn"]}, {}
    )
    assert lexicon.match(["Olaf", "Scholz", "in", "Berlin"]) == [(0, 2, "PER"), (3, 4, "LOC")]
    again = Lexicon.from_json(lexicon.to_json())
    assert again.phrases == lexicon.phrases and again.words == lexicon.words
    feats = FeatureExtractor(lexicon)(["Olaf", "Scholz"])
    assert "g=B-PER" in feats[0] and "nl=fn" in feats[0] and "g=I-PER" in feats[1] and "BOS" in feats[0]


def test_tiny_training_run_learns_context(tmp_path: Path):
    people, places = ["Anna", "Ben", "Carl", "Dora"], ["Rom", "Oslo", "Paris", "Wien"]
    sentences = [
        Sentence(["Gestern", "sagte", p, "in", c, "etwas", "."], [(2, 3, "PER"), (4, 5, "LOC")])
        for p in people
        for c in places
    ]
    lexicon = Lexicon({}, {}, {})
    fit(sentences, lexicon, tmp_path / MODEL_FILE, {"max_iterations": 50})
    (tmp_path / LEXICON_FILE).write_text(lexicon.to_json(), encoding="utf-8")
    tagger = CrfTagger(tmp_path)
    text = "Gestern sagte Ben in Oslo etwas."
    assert [(text[s:e], label) for s, e, label in tagger.recognise(text)] == [("Ben", "PER"), ("Oslo", "LOC")]
    assert tagger.recognise("") == []


def test_packaged_crf_finds_entities_with_offsets():
    tagger = load_crf()
    assert tagger is not None
    text = "Bundeskanzler Olaf Scholz traf in Paris den französischen Präsidenten Emmanuel Macron."
    spans = tagger.recognise(text)
    found = {text[s:e]: label for s, e, label in spans}
    assert found.get("Olaf Scholz") == "PER"
    assert found.get("Paris") == "LOC"
    assert all(label in ENTITY_LABELS for _, _, label in spans)
