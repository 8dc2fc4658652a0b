"""HTML path: the fallback gate around trafilatura, byte cleaning before parsing, the fast script checks."""

from __future__ import annotations

import trafilatura
from lxml import etree

from lagebild.clean import fallback_gate
from lagebild.clean import patterns as pt
from lagebild.clean.html import _clean_bytes, extract_html, parse
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
    assert [r.reason for r in result.removed] == ["site-repeat"]
