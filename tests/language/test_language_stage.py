"""Language stage: detection, sentence spans, robustness."""

import pickle

import pytest

from lagebild.language import LanguageStage, detect_language, split_sentences
from lagebild.model import Article, Raw

GERMAN = (
    "BERLIN (dpa) - Der russische Präsident hat am 3. Oktober erklärt, dass die Nato z. B. keine Rolle spiele. "
    "„Wir werden nicht nachgeben“, sagte er. Dr. Müller widersprach! Die USA u. a. reagierten.\n"
    "Ein neuer Absatz ohne Punkt\nJohn F. Kennedy kam. „Das ist gut.“ Dann ging er."
)


def _texts(text, spans):
    return [s.slice(text) for s in spans]


def test_detects_common_languages():
    assert detect_language("Der Kreml hat die Vorwürfe am Montag zurückgewiesen.") == "de"
    assert detect_language("The Kremlin rejected the accusations on Monday.") == "en"
    assert detect_language("") is None
    assert detect_language("12345 !!!") is None


def test_fast_splitter_handles_abbreviations_ordinals_quotes_and_lines():
    assert _texts(GERMAN, split_sentences(GERMAN, "de")) == [
        "BERLIN (dpa) - Der russische Präsident hat am 3. Oktober erklärt, dass die Nato z. B. keine Rolle spiele.",
        "„Wir werden nicht nachgeben“, sagte er.",
        "Dr. Müller widersprach!",
        "Die USA u. a. reagierten.",
        "Ein neuer Absatz ohne Punkt",
        "John F. Kennedy kam.",
        "„Das ist gut.“",
        "Dann ging er.",
    ]


def test_english_abbreviations():
    text = "Mr. Smith met Gen. Jones in Washington. They talked."
    assert _texts(text, split_sentences(text, "en")) == [
        "Mr. Smith met Gen. Jones in Washington.",
        "They talked.",
    ]


@pytest.mark.parametrize("splitter", ["fast", "somajo"])
def test_stage_sets_language_and_sentences(splitter):
    article = LanguageStage(splitter)(Article(id="a", text=GERMAN))
    assert article.language == "de"
    texts = _texts(GERMAN, article.sentences)
    assert texts[1] == "„Wir werden nicht nachgeben“, sagte er."
    assert "Ein neuer Absatz ohne Punkt" in texts
    assert all(article.sentences[i].end <= article.sentences[i + 1].start for i in range(len(texts) - 1))


def test_stage_keeps_given_language_and_uses_raw_hint():
    assert LanguageStage()(Article(id="a", text="Hello there.", language="de")).language == "de"
    article = Article(id="b", text="Ciao.", raw=Raw(content="Ciao.", language="it"))
    assert LanguageStage()(article).language == "it"


@pytest.mark.parametrize("text", ["", "   \n\n ", "...", "x" * 50_000, "。！？你好。世界！", "a.b.c. d"])
def test_stage_never_raises(text):
    article = LanguageStage()(Article(id="x", text=text))
    for span in article.sentences:
        assert 0 <= span.start < span.end <= len(text)


def test_stage_is_picklable():
    stage = pickle.loads(pickle.dumps(LanguageStage("somajo")))
    assert stage.splitter == "somajo"
    with pytest.raises(ValueError):
        LanguageStage("nope")


def test_function_word_shortcut_and_model_agree_on_long_text():
    german = (
        "Die Regierung hat sich auch mit der Frage befasst, ob die Nato und die EU mehr tun sollten. " * 5
    )
    english = "The government has said that the talks with the United States would continue for a while. " * 5
    french = (
        "Le gouvernement a déclaré que les discussions avec les États-Unis se poursuivraient encore. " * 5
    )
    assert detect_language(german) == "de"
    assert detect_language(english) == "en"
    assert detect_language(french) == "fr"
