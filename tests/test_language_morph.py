"""Tags and lemmas from the shipped German and English tagger models."""

from lagebild.language.morph import MAX_WORDS, tag


def test_separable_verb_particle_and_lemmas_in_german() -> None:
    text = "Russland warf der Ukraine am Dienstag eine „destruktive Linie“ vor."
    words = tag(text)
    assert [w.text for w in words][:2] == ["Russland", "warf"]
    assert all(text[w.start : w.end] == w.text for w in words)
    warf = words[1]
    assert (warf.lemma, warf.pos, warf.is_finite_verb) == ("werfen", "VV(FIN)", True)
    assert next(w for w in words if w.text == "vor").pos == "PTKVZ"


def test_offsets_of_a_slice_and_english_model() -> None:
    text = "Vorweg. The talks were held in Geneva."
    words = tag(text, 8, language="en")
    assert words[0].text == "The" and words[0].start == 8
    assert next(w for w in words if w.text == "held").lemma == "hold"


def test_unknown_language_empty_text_and_long_input() -> None:
    assert tag("") == []
    assert [w.pos for w in tag("Привет мир", language="ru")] == ["", ""]
    long = " ".join(["Gespräche"] * (MAX_WORDS * 2 + 5))
    assert len(tag(long)) == MAX_WORDS * 2 + 5
