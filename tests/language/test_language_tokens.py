"""The tokenizer: offsets, compounds, abbreviations, numbers, punctuation."""

from lagebild.language.tokens import Token, token_spans, tokenize, words


def test_tokenize_keeps_offsets_and_compounds():
    text = "Die EU-Staaten trafen sich z.B. in Berlin, sagte Dr. Müller (CDU)."
    assert [text[s:e] for s, e in token_spans(text)] == [
        "Die",
        "EU-Staaten",
        "trafen",
        "sich",
        "z.B.",
        "in",
        "Berlin",
        ",",
        "sagte",
        "Dr.",
        "Müller",
        "(",
        "CDU",
        ")",
        ".",
    ]


def test_tokens_carry_offsets_into_the_whole_text():
    text = "Er sagte: 3,5 Mio. Euro."
    tokens = tokenize(text, 3)
    assert tokens[0] == Token("sagte", 3, 8)
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert [t.text for t in tokens] == ["sagte", ":", "3,5", "Mio.", "Euro", "."]


def test_words_are_the_tokens_with_letters():
    assert words("Am 12. Mai 2021 kam Nord-Korea's Chef, sagte er.") == [
        "Am",
        "Mai",
        "kam",
        "Nord-Korea's",
        "Chef",
        "sagte",
        "er",
    ]
