"""HTML path: the fallback gate around trafilatura, byte cleaning before parsing, the fast script checks."""

from __future__ import annotations

import trafilatura
from lxml import etree

from lagebild.clean import fallback_gate
from lagebild.clean import patterns as pt
from lagebild.clean.html import _clean_bytes, extract_html, lead_paragraph, meta_tags, parse
from lagebild.clean.lines import classify_lines
from lagebild.clean.profiles import SourceProfiles

SENTENCE = (
    "Die Delegationen aus beiden Ländern trafen sich am Montag in Genf zu Gesprächen über die Sicherheitslage "
    "in Europa, wie Vertreter nach der ersten Runde des Treffens mitteilten. "
)
ARTICLE = (
    "<html><head><title>Gespräche in Genf</title></head><body><nav><a href='/'>Start</a></nav><article>"
    "<h1>Gespräche in Genf</h1>"
    + "".join(f"<p>{i}. {SENTENCE * 2}</p>" for i in range(6))
    + "</article><footer><p>Impressum</p></footer></body></html>"
)
SHORT = "<html><body><article><h1>Kurz</h1><p>" + SENTENCE + "</p></article></body></html>"


def _body(html: str) -> etree._Element:
    doc = trafilatura.bare_extraction(parse(html), with_metadata=False)
    return doc.body, doc.text


def test_clearly_article_needs_length_and_paragraphs() -> None:
    body, text = _body(ARTICLE)
    assert len(text) >= fallback_gate.MIN_CHARS and fallback_gate.clearly_article(body, text)
    short_body, short_text = _body(SHORT)
    assert not fallback_gate.clearly_article(short_body, short_text)
    tables = etree.Element("body")
    for _ in range(4):
        etree.SubElement(tables, "table")
    etree.SubElement(tables, "p")
    assert not fallback_gate.clearly_article(tables, "x" * 5000)


def test_gate_skips_only_the_comparison_and_only_inside_the_block(monkeypatch) -> None:
    import trafilatura.core as core

    assert fallback_gate.installed()
    calls: list[int] = []
    original = core.compare_extraction
    monkeypatch.setattr(core, "compare_extraction", lambda *a: calls.append(1) or original(*a))
    plain = trafilatura.bare_extraction(parse(ARTICLE), with_metadata=False).text
    assert calls  # outside the block trafilatura compares as usual
    calls.clear()
    with fallback_gate.gated() as active:
        gated = trafilatura.bare_extraction(parse(ARTICLE), with_metadata=False).text
    assert active and not calls and gated == plain


def test_extract_html_gets_the_article_and_the_short_page() -> None:
    lines = extract_html(ARTICLE).lines
    assert lines[0] == "Gespräche in Genf" and len(lines) == 7 and "Impressum" not in lines
    assert lines[1].startswith("0. Die Delegationen") and lines[6].startswith("5. Die Delegationen")
    assert any(line.startswith("Die Delegationen") for line in extract_html(SHORT).lines)


def test_clean_bytes_drops_what_xml_cannot_hold() -> None:
    assert _clean_bytes("a\x00b\x07c\x7fd\ufffee\uffff\ud800ü") == "abcdeü".encode()
    assert _clean_bytes("  \n") == b"<html/>" and _clean_bytes("\x01\x02") == b"<html/>"
    assert parse("<p>x\x0by</p>") is not None


def test_only_latin_and_dominant_script() -> None:
    assert pt.only_latin("Grüße aus Łódź – „schön“ € …") and pt.dominant_script("Grüße …") == "LATIN"
    assert not pt.only_latin("Привет") and pt.dominant_script("Привет, мир") == "CYRILLIC"
    assert not pt.only_latin("µ") and pt.dominant_script("123 …") is None
    assert pt.dominant_script("東京大学 ab") == "CJK"


def test_profiles_skip_sources_without_repeats() -> None:
    profiles = SourceProfiles()
    profiles.observe("a.de", ["Kopfzeile", "Text eins"])
    profiles.observe("a.de", ["Kopfzeile", "Text zwei"])
    assert not profiles.is_repeated("a.de", "Kopfzeile")
    profiles.observe("a.de", ["Kopfzeile", "Text drei"])
    assert profiles.is_repeated("a.de", "kopfzeile") and not profiles.is_repeated("a.de", "Text eins")
    rebuilt = SourceProfiles.from_rows(profiles.rows())
    assert rebuilt.is_repeated("a.de", "Kopfzeile") and profiles.repeated(["a.de"]).is_repeated(
        "a.de", "Kopfzeile"
    )
    result = classify_lines(["Kopfzeile", "Text eins"], source="a.de", profiles=profiles, select_body=False)
    assert [r.reason for r in result.removed] == ["outlet-repeat"]


LEAD = (
    "Nach zwei Tagen in Genf gibt es erste Ergebnisse. Beide Seiten wollen weiter verhandeln, "
    "auch über Abrüstung."
)


def _page(description: str, lead_html: str) -> str:
    return (
        f"<html><head><meta property='og:description' content='{description}'></head><body>"
        f"<header><h1>Gespräche in Genf</h1>{lead_html}</header><article>"
        + "".join(f"<p>{i}. {SENTENCE * 2}</p>" for i in range(6))
        + "</article></body></html>"
    )


def _lead(html: str, main_text: str = SENTENCE) -> str | None:
    tree = parse(html)
    return lead_paragraph(tree, meta_tags(tree), main_text, html)


def test_lead_paragraph_from_the_meta_description_when_the_extraction_lacks_it() -> None:
    page = _page(LEAD, f"<div class='intro'><p>{LEAD}</p></div>")
    assert _lead(page) == LEAD
    assert _lead(page, main_text=LEAD) is None  # already extracted
    truncated = _page(LEAD[:70] + " …", f"<div class='intro'><p>{LEAD}</p></div>")
    assert _lead(truncated) == LEAD  # a description cut short with an ellipsis still finds the paragraph


def test_no_lead_from_subtitles_links_or_text_not_in_the_page() -> None:
    subtitle = "Beide Seiten wollen nach den Gesprächen in Genf weiter über Abrüstung verhandeln"
    assert _lead(_page(subtitle, f"<p class='dek'>{subtitle}</p>")) is None  # one sentence: a subtitle
    assert _lead(_page(LEAD, f"<h2>{LEAD}</h2>")) is None  # a heading
    assert _lead(_page(LEAD, f"<ul><li><a href='/x'>{LEAD}</a></li></ul>")) is None  # a link teaser
    assert _lead(_page(LEAD, "")) is None  # only in the meta tag
    assert _lead(_page("Zu kurz.", "<p>Zu kurz.</p>")) is None


def test_extract_html_puts_the_dropped_lead_before_the_body() -> None:
    extract = extract_html(_page(LEAD, f"<div class='intro'><p>{LEAD}</p></div>"))
    assert extract.lead == LEAD and extract.lines.count(LEAD) == 1
    assert extract.lines[0] == LEAD and extract.lines[1].startswith("0. Die Delegationen")


def test_an_unclosed_iframe_does_not_turn_the_rest_of_the_page_into_text() -> None:
    page = (
        '<html><body><iframe src="x">Fallback <script>var hidden = "SCRIPTTEXT";</script>'
        "<p>Die Regierung kündigte am Dienstag neue Gespräche an.</p></body></html>"
    )
    assert b"<iframe" not in _clean_bytes(page)
    assert b"<iframe" in _clean_bytes('<iframe src="x"></iframe><p>Text</p>')
    extract = extract_html(page)
    assert not any("SCRIPTTEXT" in line for line in extract.lines + extract.visible)
