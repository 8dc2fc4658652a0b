"""Reported claims: clause-only verbs, claim nouns, opinion phrases, colon continuations, fronted subjects."""

from __future__ import annotations

from lagebild.quotes import find_quotes
from lagebild.quotes.lexicon import cue_words


def _one(text: str, sentences: list[tuple[int, int]] | None = None):
    (quote,) = find_quotes(text, sentences=sentences)
    return quote


def test_separable_proposal_with_infinitive_clause() -> None:
    quote = _one("Die Ministerin schlug vor, die Steuer auf Heizöl zu senken.")
    assert quote.cue == "schlug ... vor" and quote.kind == "indirect"
    assert quote.text == "die Steuer auf Heizöl zu senken" and quote.speaker.text == "Die Ministerin"


def test_denial_with_dass_clause() -> None:
    quote = _one("Der Konzern bestritt, dass er Daten weitergegeben habe.")
    assert quote.cue == "bestritt" and quote.text == "dass er Daten weitergegeben habe"


def test_weak_verbs_on_t_have_their_preterite() -> None:
    assert {"antwortete", "antworteten", "berichtete"} <= cue_words("de")


def test_knowing_verb_needs_a_content_clause() -> None:
    quote = _one("Die Forscher wissen, dass die Gletscher schneller schmelzen.")
    assert quote.cue == "wissen" and quote.text == "dass die Gletscher schneller schmelzen"
    assert quote.speaker.text == "Die Forscher"
    assert find_quotes("Die Forscher wissen das seit Jahren, denn die Messungen sind eindeutig.") == []


def test_knowing_verb_does_not_attribute_direct_quotes() -> None:
    text = "Wie die Studien zeigen, ist das neu. „Das ist ein Durchbruch“, sagt Fittkau."
    direct = [q for q in find_quotes(text) if q.kind == "direct"]
    assert [q.speaker.text for q in direct] == ["Fittkau"]


def test_speech_verb_wins_over_knowing_verb() -> None:
    text = "Die letzten Wochen hätten gezeigt, dass der Verein gut aufgestellt sei, sagte Jonas Albrecht."
    quote = _one(text)
    assert quote.cue == "sagte" and quote.speaker.text == "Jonas Albrecht"


def test_claim_noun_with_dass_clause() -> None:
    quote = _one("Ich bin der Auffassung, dass die Reform zu spät kommt.")
    assert quote.cue == "Auffassung" and quote.text == "dass die Reform zu spät kommt"
    assert quote.speaker.text == "Ich"


def test_claim_noun_with_konjunktiv_clause_and_possessive_owner() -> None:
    quote = _one("Seine Forderung, die Regierung müsse zurücktreten, fand keine Mehrheit.")
    assert quote.cue == "Forderung" and quote.text.startswith("die Regierung müsse zurücktreten")
    assert quote.speaker.text == "Seine"


def test_claim_noun_without_clause_is_no_quotation() -> None:
    assert find_quotes("Die Forderung nach höheren Löhnen ist alt.") == []


def test_opinion_phrases() -> None:
    quote = _one("Meiner Meinung nach ist das Gesetz verfassungswidrig.")
    assert quote.cue == "Meiner Meinung nach" and quote.speaker.text == "Meiner"
    assert quote.text == "ist das Gesetz verfassungswidrig"
    quote = _one("Aus Sicht der Opposition ist das Gesetz verfassungswidrig.")
    assert quote.cue == "aus Sicht" and quote.speaker.text == "der Opposition"
    quote = _one("Nach Ansicht von Experten steigt die Zahl der Fälle weiter.")
    assert quote.cue == "nach Ansicht" and quote.speaker.text == "Experten"
    assert _one("Unseres Erachtens fehlt dem Entwurf jede Grundlage.").cue == "Unseres Erachtens"


def test_colon_hands_the_message_to_the_next_sentence() -> None:
    text = "Ich sage Ihnen ganz deutlich: Die Reform kommt zu spät."
    quote = _one(text, sentences=[(0, 29), (30, len(text))])
    assert quote.text == "Die Reform kommt zu spät" and quote.cue == "sage" and quote.speaker.text == "Ich"


def test_subject_with_relative_clause() -> None:
    quote = _one("Die Betreuer, die dort arbeiten, berichten mir, dass sie Angst haben.")
    assert quote.text == "dass sie Angst haben" and quote.speaker.text == "Die Betreuer"


def test_pronoun_subject_after_fronted_adverbial() -> None:
    quote = _one("Deshalb will ich hier ganz klar sagen, dass wir das Gesetz ablehnen.")
    assert quote.text == "dass wir das Gesetz ablehnen" and quote.speaker.text == "ich"
