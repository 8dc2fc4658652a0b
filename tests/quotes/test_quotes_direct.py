"""Direct quotations: quotation-mark styles, paragraph continuation, cue frames and speaker positions."""

from __future__ import annotations

import pytest

from lagebild.quotes import find_quotes
from lagebild.quotes.marks import find_marked


def _only(text: str, language: str = "de"):
    quotes = find_quotes(text, language)
    assert len(quotes) == 1, quotes
    return quotes[0]


def _speaker_text(text: str, quote) -> str:
    return text[quote.speaker.start : quote.speaker.end]


@pytest.mark.parametrize(
    "opening, closing",
    [("„", "“"), ("“", "”"), ("”", "”"), ("»", "«"), ("«", "»"), ('"', '"'), ("‚", "‘")],
)
def test_every_quote_style(opening: str, closing: str) -> None:
    text = f"{opening}Wir wollen keinen Krieg in Europa{closing}, sagte Peskow."
    quote = _only(text)
    assert quote.text == "Wir wollen keinen Krieg in Europa"
    assert quote.kind == "direct" and quote.cue == "sagte"
    assert quote.speaker.text == "Peskow"


def test_quote_continued_in_next_paragraph() -> None:
    text = "„Wir wollen keinen Krieg.\n\n„Aber wir verlangen Garantien“, sagte Peskow."
    quote = _only(text)
    assert quote.text.startswith("Wir wollen") and quote.text.endswith("Garantien")
    assert quote.speaker.text == "Peskow"


def test_unbalanced_mark_is_ignored() -> None:
    assert find_marked("Er sagte „nichts.\n\nDann ging er.") == []


def test_apostrophe_is_no_quotation_mark() -> None:
    assert find_marked("So geht’s nicht, meinte er, und Putin’s Leute lachten.") == []


def test_speaker_after_quote_with_role_noun_phrase() -> None:
    text = (
        "„Das ist eine Provokation“, sagte der russische Außenminister Sergej Lawrow am Dienstag in Moskau."
    )
    assert _speaker_text(text, _only(text)) == "der russische Außenminister Sergej Lawrow"


def test_cue_teilte_mit() -> None:
    text = "„Die Gespräche sind beendet“, teilte das Außenministerium am Montag mit."
    quote = _only(text)
    assert quote.cue == "teilte ... mit"
    assert quote.speaker.text == "das Außenministerium"


@pytest.mark.parametrize("cue", ["erklärte", "betonte"])
def test_other_speech_verbs(cue: str) -> None:
    quote = _only(f"„Wir bleiben bei unserer Position“, {cue} Scholz.")
    assert quote.cue == cue and quote.speaker.text == "Scholz"


def test_so_cue() -> None:
    quote = _only("„Das ist eine Provokation“, so Lawrow.")
    assert quote.cue == "so" and quote.speaker.text == "Lawrow"


def test_hiess_es_aus() -> None:
    quote = _only("„Wir sind zu Gesprächen bereit“, hieß es aus dem Kreml.")
    assert quote.cue == "hieß es" and quote.speaker.text == "dem Kreml"


def test_speaker_before_quote_with_colon() -> None:
    text = "Am Dienstag erklärte Dmitri Peskow in Moskau vor Journalisten: „Wir wollen keinen Krieg.“"
    quote = _only(text)
    assert quote.cue == "erklärte" and quote.speaker.text == "Dmitri Peskow"


def test_speaker_in_next_sentence() -> None:
    text = "„Russland wird die Ukraine nicht angreifen.“ Das sagte Außenminister Sergej Lawrow am Mittwoch."
    quote = _only(text)
    assert quote.cue == "sagte" and "Lawrow" in quote.speaker.text


def test_role_noun_resolves_to_person_named_earlier() -> None:
    text = (
        "Kremlsprecher Dmitri Peskow äußerte sich am Morgen nicht.\n\n"
        "„Die Nato muss uns Garantien geben“, sagte der Kreml-Sprecher später."
    )
    quote = _only(text)
    assert _speaker_text(text, quote) == "der Kreml-Sprecher"
    assert quote.speaker.text == "Dmitri Peskow"


def test_pronoun_resolves_to_previous_speaker() -> None:
    text = "„Wir wollen keinen Krieg“, sagte Peskow. „Aber wir haben rote Linien“, fügte er hinzu."
    first, second = find_quotes(text)
    assert first.speaker.text == "Peskow"
    assert _speaker_text(text, second) == "er" and second.speaker.text == "Peskow"
    assert second.cue == "fügte ... hinzu"


def test_partial_quote_belongs_to_sentence_speaker() -> None:
    text = "Putin warf der Nato eine „zerstörerische Linie“ vor."
    quote = _only(text)
    assert quote.text == "zerstörerische Linie" and quote.speaker.text == "Putin"


def test_scare_quotes_without_speaker_are_dropped() -> None:
    assert find_quotes("Die Pipeline „Nord Stream 2“ ist fertig gebaut.") == []


def test_quote_alone_continues_previous_speaker() -> None:
    text = "„Wir wollen keinen Krieg“, sagte Peskow.\n\n„Wir werden aber unsere Interessen schützen, wenn nötig.“"
    assert [q.speaker.text for q in find_quotes(text)] == ["Peskow", "Peskow"]


def test_english_direct_quotes() -> None:
    text = (
        '"We do not want war," Peskov told reporters. “The talks failed,” said a spokesman for the ministry.'
    )
    first, second = find_quotes(text, "en")
    assert (first.text, first.cue, first.speaker.text) == ("We do not want war", "told", "Peskov")
    assert second.speaker.text == "a spokesman for the ministry"
