"""The trigger prefilter only skips patterns that cannot match."""

from __future__ import annotations

import pytest

from lagebild.events.prefilter import HeadIndex, pattern_heads
from lagebild.events.resources import lexicon


def test_heads_of_literals_groups_and_optional_parts() -> None:
    assert pattern_heads(r"droh(?:t|te|ten)") == {"droh"}
    assert pattern_heads(r"(?:abzug|rückzug) (?:\w+ ){0,3}beobachter") == {"abzu", "rück"}
    assert pattern_heads(r"(?:raketen|granaten)?beschuss\w*") == {"rake", "gran", "besc"}
    assert pattern_heads(r"(?<!mit )hilfe\w*") == {"hilf"}
    assert pattern_heads(r"Bat\b") == {"bat"}
    assert pattern_heads(r"vorw(?:urf|ürf)") == {"vorw"}
    assert pattern_heads(r"empf(?:ä|a)ng") == {"empf"}


def test_heads_cut_short_where_a_pattern_cannot_be_listed() -> None:
    assert pattern_heads(r"zu (?:\w+ ){0,3}haft") == {"zu h", "zu "}
    assert pattern_heads(r"ab\w+ung") == {"ab"}
    assert pattern_heads(r"\w+ung") is None
    assert pattern_heads(r"[^a]bc") is None


def test_index_picks_patterns_by_word_heads() -> None:
    index = HeadIndex([r"droh\w*", r"angriff\w*", r"\w+krieg", r"no"])
    text = "Sie drohten mit einem ANGRIFF."
    assert index.candidates(text, 0, len(text)) == [0, 1, 2]
    assert index.candidates(text, 0, 10) == [0, 2]  # "ANGRIFF" lies outside the span
    assert index.candidates("No way", 0, 6) == [2, 3]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Der Kreml warf Kiew am Montag eine destruktive Linie vor und drohte mit Sanktionen."),
        ("de", "Die Regierung lehnte das Angebot ab, Truppen abzuziehen; Demonstranten protestierten."),
        ("de", "Nach dem Treffen sagte Merkel Hilfe zu, die Waffenruhe hielt nicht."),
        ("en", "Russia accused Ukraine of shelling and demanded talks, while NATO warned of sanctions."),
        ("en", "The president met his counterpart; protesters rallied and police arrested dozens."),
    ],
)
def test_prefiltered_hits_equal_running_every_pattern(language: str, text: str) -> None:
    lex = lexicon()
    patterns = lex.triggers[language]
    every = {
        (n, m.span()) for n, p in enumerate(patterns) for m in p.regex.finditer(text) if m.end() > m.start()
    }
    chosen = set(lex.trigger_index[language].candidates(text, 0, len(text)))
    assert every
    assert {hit for hit in every if hit[0] in chosen} == every


def test_without_the_regex_parser_every_pattern_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    from lagebild.events import prefilter

    monkeypatch.setattr(prefilter, "_sre_parse", None)
    assert pattern_heads(r"droh(?:t|te|ten)") is None
    index = HeadIndex([r"droh\w*", r"angriff\w*"])
    assert index.candidates("Kein Treffer hier.", 0, 18) == [0, 1]
