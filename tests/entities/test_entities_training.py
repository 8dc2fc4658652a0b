"""Training helpers of the CRF: unlabeled-text readers, capitalisation buckets, label convention, lexicon JSON."""

import json
from pathlib import Path

from lagebild.entities.crf import LEXICON_FILE, MODEL_FILE, CrfTagger, FeatureExtractor, Lexicon
from training.conll import Sentence
from training.entities_crf import (
    capitalisation,
    fit,
    krauts_sentences,
    seen_entities,
    train_crf,
    unlabeled_sentences,
)
from training.entities_ner import germeval_convention


def test_capitalisation_buckets_ignore_sentence_initial_words():
    corpus = [
        ["Die", "Bank", "und", "die", "Deutsche", "Bank"],
        ["Der", "Mann", "sagte", "die", "Wahrheit"],
        ["Die", "deutsche", "Bank", "die", "deutsche"],
    ]
    caps = capitalisation(corpus)
    assert caps["die"] == "0"  # only "Die" sentence-initial, never capitalised inside
    assert caps["bank"] == "4"
    assert caps["deutsche"] == "2"  # 1 of 3
    assert "mann" not in caps  # seen once


def test_lexicon_keeps_caps_and_features_use_them():
    lexicon = Lexicon({}, {"Anna": ["fn"]}, {"anna": ["64_1", "320_7"]}, {"anna": "4", "sagte": "0"})
    again = Lexicon.from_json(lexicon.to_json())
    assert again.caps == lexicon.caps and again.clusters == lexicon.clusters
    feats = FeatureExtractor(again)(["Gestern", "sagte", "Anna", "etwas"])
    assert "cr=4T" in feats[2] and "cr=0l" in feats[1] and "cr=uT" in feats[0]
    assert "-1nl=fn" in feats[3] and "1nl=fn" in feats[1] and "-1c=64_1" in feats[3]
    assert "1w=Anna" in feats[1]


def test_germeval_convention_drops_adjective_misc():
    sentence = Sentence(
        ["die", "europäischen", "Staaten", "und", "Alzheimer-Krankheit"], [(1, 2, "MISC"), (4, 5, "MISC")]
    )
    assert germeval_convention(sentence).spans == [(4, 5, "MISC")]


def test_unlabeled_readers(tmp_path: Path):
    raw = tmp_path / "krauts" / "KRAUTS_X_raw-text"
    raw.mkdir(parents=True)
    (raw / "a.tml").write_text(
        "<TimeML>Am <TIMEX3 tid='t1'>Montag</TIMEX3> kam Anna nach Bozen.\nkurz</TimeML>", encoding="utf-8"
    )
    speech = tmp_path / "spkatt-2023" / "data" / "train" / "task1"
    speech.mkdir(parents=True)
    sentences = {"Sentences": [{"SentenceId": 0, "Tokens": ["Frau", "Präsidentin", "!"]}]}
    (speech / "s.json").write_text(json.dumps(sentences), encoding="utf-8")
    assert krauts_sentences(tmp_path / "krauts") == [["Am", "Montag", "kam", "Anna", "nach", "Bozen", "."]]
    # only the KRAUTS texts are licensed for adaptation: other folders are never read
    assert unlabeled_sentences(tmp_path) == [["Am", "Montag", "kam", "Anna", "nach", "Bozen", "."]]
    assert unlabeled_sentences(None) == []


def test_seen_entities_majority_label_and_features():
    sentences = [
        Sentence(["Paris", "liegt", "in", "Frankreich"], [(0, 1, "LOC"), (3, 4, "LOC")]),
        Sentence(["Paris", "Hilton", "kam", "nach", "Paris"], [(0, 2, "PER"), (4, 5, "LOC")]),
        Sentence(["die", "europäischen", "Staaten"], [(1, 2, "MISC")]),
    ]
    seen = seen_entities(sentences)
    assert seen == {("Frankreich",): "LOC", ("Paris",): "LOC", ("Paris", "Hilton"): "PER"}
    feats = FeatureExtractor(Lexicon({}, {}, {}, seen=seen))(["Paris", "Hilton", "in", "Paris"])
    assert "sg=B-PER" in feats[0] and "sg=I-PER" in feats[1] and "sg=B-LOC" in feats[3]
    assert "1sg=B-LOC" in feats[2] and "-1sg=^" in feats[0]


def test_fit_with_seen_names_uses_folds(tmp_path: Path):
    names = ["Anna", "Ben", "Carl", "Dora", "Emil"]
    sentences = [Sentence(["Heute", "kam", n, "."], [(2, 3, "PER")]) for n in names * 2]
    lexicon = Lexicon({}, {}, {}, seen=seen_entities(sentences))
    fit(sentences, lexicon, tmp_path / MODEL_FILE, {"max_iterations": 20})
    (tmp_path / LEXICON_FILE).write_text(lexicon.to_json(), encoding="utf-8")
    assert [label for _, _, label in CrfTagger(tmp_path).tag(["Heute", "kam", "Ben", "."])] == ["PER"]


def test_train_crf_tunes_on_held_out_and_writes_model(tmp_path: Path, capsys):
    people, places = ["Anna", "Ben", "Carl", "Dora"], ["Rom", "Oslo", "Paris", "Wien"]
    sentences = [
        Sentence(["Gestern", "sagte", p, "in", c, "etwas", "."], [(2, 3, "PER"), (4, 5, "LOC")])
        for p in people
        for c in places
    ]
    out = train_crf(sentences[4:], tmp_path, None, tune_on=sentences[:4])
    assert capsys.readouterr().out.count("held-out F1=") == 4
    tagger = CrfTagger(out)
    assert tagger.lexicon.seen[("Anna",)] == "PER" and tagger.lexicon.caps
    text = "Gestern sagte Ben in Oslo etwas."
    assert [(text[s:e], label) for s, e, label in tagger.recognise(text)] == [("Ben", "PER"), ("Oslo", "LOC")]
