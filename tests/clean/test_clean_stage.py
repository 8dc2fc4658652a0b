"""End to end: text and HTML input through the clean stage; profiles round trip; pickling."""

from __future__ import annotations

import pickle

from lagebild.clean import CleanStage, SourceProfiles, clean_article, lines_for_profile
from lagebild.model import Article, Raw, Source

TEXT = """Startseite
Neueste oben
Russland droht der Ukraine mit Konsequenzen
MOSKAU (Reuters) - Der Kreml hat am Donnerstag erneut vor einer Ausweitung der Nato nach Osten gewarnt, wie ein Sprecher sagte.
Putin und Biden wollen am Freitag telefonieren, um über die Lage an der Grenze zu sprechen, hieß es in Moskau.
Wladimir Putin bei einer Pressekonferenz © Sputnik / Michail Klimentjew
SNA, 1920, 30.12.2021
Die Gespräche in Genf sollen im Januar fortgesetzt werden, und zwar auf allen Ebenen, sagte der Sprecher.
Die Inhalte dieser Seite stellen keine Anlageberatung dar.
source site-20
"""

HTML = """<html><head><title>Talks in Geneva | Example News</title>
<meta property="og:title" content="Talks in Geneva">
<meta property="article:published_time" content="2022-01-10T08:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Talks in Geneva</h1>
<p>GENEVA (AP) — Russian and American diplomats met in Geneva on Monday for talks about the security situation
in Europe, officials said after the first round of the meeting had ended.</p>
<p>The two delegations agreed to continue the talks next week in Brussels, where the NATO council will meet with
representatives of the Russian government for the first time in two years.</p>
<p>Both sides described the atmosphere as businesslike, but said that deep differences remained on all of the
central questions that had been raised by the Russian side in December.</p>
</article><footer><p>Subscribe now for unlimited access</p><p>Privacy policy</p></footer></body></html>"""


def test_text_end_to_end() -> None:
    article = Article(id="t", source=Source(url="https://example.de/politik/putin"), raw=Raw(content=TEXT))
    out = CleanStage()(article)
    assert out.title == "Russland droht der Ukraine mit Konsequenzen"
    assert out.dateline is not None and (out.dateline.place, out.dateline.agency) == ("MOSKAU", "Reuters")
    assert out.text.count("\n\n") == 2 and out.text.startswith("MOSKAU (Reuters)")
    assert (out.published, out.published_from) == ("2021-12-30", "caption")
    reasons = {r.reason for r in out.removed}
    assert {"ui", "caption", "disclaimer"} <= reasons
    assert "Anlageberatung" not in out.text and "Sputnik" not in out.text
    assert out.captions[0].credit == "Sputnik / Michail Klimentjew"


def test_given_date_wins_and_url_date() -> None:
    raw = Raw(content=TEXT, published="2021-12-31")
    assert clean_article(Article(id="a", raw=raw)).published_from == "given"
    body = "\n".join(TEXT.splitlines()[3:5])
    out = clean_article(
        Article(id="b", source=Source(url="https://x.de/2021/12/29/a"), raw=Raw(content=body))
    )
    assert (out.published, out.published_from) == ("2021-12-29", "url")


def test_html_end_to_end() -> None:
    article = Article(
        id="h", source=Source(url="https://example.com/world/talks"), raw=Raw(content=HTML, kind="html")
    )
    out = CleanStage()(article)
    assert out.title == "Talks in Geneva"
    assert (out.published, out.published_from) == ("2022-01-10", "meta")
    assert out.text.startswith("GENEVA (AP)") and "Brussels" in out.text
    assert "Subscribe" not in out.text and "Home" not in out.text
    assert out.dateline is not None and out.dateline.agency == "AP"


def test_profiles_rows_round_trip_and_corpus_run() -> None:
    profiles = SourceProfiles()
    docs = [TEXT.replace("Putin", name) for name in ("Putin", "Biden", "Scholz")]
    for i, doc in enumerate(docs):
        profiles.observe("example.de", lines_for_profile(Article(id=str(i), raw=Raw(content=doc))))
    assert profiles.is_repeated("example.de", "Neueste oben")
    assert not profiles.is_repeated("example.de", docs[0].splitlines()[4])
    restored = SourceProfiles.from_rows(profiles.rows())
    assert restored.rows() == profiles.rows()
    article = Article(id="x", source=Source(domain="example.de"), raw=Raw(content=docs[0]))
    out = CleanStage(restored)(article)
    assert any(r.reason == "outlet-repeat" for r in out.removed)


def test_stage_is_picklable_and_never_raises() -> None:
    stage = pickle.loads(pickle.dumps(CleanStage(SourceProfiles())))
    assert stage(Article(id="e", raw=Raw(content=""))).text == ""
    assert stage(Article(id="n")).text == ""
    out = stage(Article(id="b", raw=Raw(content="<<<>>>" * 1000, kind="html")))
    assert isinstance(out.text, str)
    out = stage(Article(id="c", raw=Raw(content="<p>a\x00b\x07c &#1;</p>" + HTML, kind="html")))
    assert "Brussels" in out.text
    assert lines_for_profile(Article(id="c", raw=Raw(content="<p>x\x01y</p>", kind="html"))) == ["xy"]
    out = stage(Article(id="j", raw=Raw(content="東京で会議が開かれた。\nこれは日本語の文章です。")))
    assert isinstance(out.text, str)


def test_a_short_document_without_a_body_block_keeps_its_content():
    fixtures = (
        "Die Paarungen der 11. Runde: A1-Klasse Herren: Jenesien - Burggräfler, Prichsna - Schnals, "
        "St. Georgen - Fugger Sterzing, Kurtatsch - Lana; A-Klasse Damen: Burggräfler - Deutschnofen"
    )
    article = clean_article(Article(id="x", raw=Raw(content=fixtures + "\nAnmelden\n", kind="text")))
    assert article.text == fixtures
    assert [r.reason for r in article.removed] == ["ui"]


def test_visible_lines_of_a_parsed_tree_survive_control_character_references() -> None:
    from lagebild.clean.html import parse, tree_lines

    tree = parse("<div>a&#1;b<script>x()</script> tail</div><p>second &#7;line</p>")
    assert tree is not None
    assert tree_lines(tree) == ["ab tail", "second line"]
