"""Bytes to text: BOM, UTF-8, detected legacy encodings, then mojibake repair."""

from __future__ import annotations

import codecs

import ftfy
from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class BinaryContent(ValueError):
    """Raised for content that is not text in any encoding."""


def looks_binary(data: bytes) -> bool:
    """True when a sample of the bytes has NULs or many control bytes (and no UTF-16/32 BOM)."""
    if any(
        data.startswith(bom) for bom, name in _BOMS if name.startswith("utf-16") or name.startswith("utf-32")
    ):
        return False
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls / len(sample) > 0.05


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode ``data`` to text and repair mojibake; raises :class:`BinaryContent` for binary data."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return fix_text(data[len(bom) :].decode(name, errors="replace"))
    if looks_binary(data):
        raise BinaryContent("binary content (NUL or control bytes)")
    try:
        return fix_text(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return fix_text(data.decode(declared))
        except (LookupError, UnicodeDecodeError):
            pass
    latin = data.decode("cp1252", errors="replace")
    if _mostly_ascii_letters(latin):
        # News in Western European languages: cp1252 (a superset of latin-1's printable range) is the usual legacy
        # encoding, and statistical detection is unreliable on short texts.
        return fix_text(latin)
    best = from_bytes(data[:200_000]).best()
    encoding = best.encoding if best is not None else "cp1252"
    try:
        return fix_text(data.decode(encoding, errors="replace"))
    except LookupError:
        return fix_text(data.decode("cp1252", errors="replace"))


def _mostly_ascii_letters(text: str) -> bool:
    """Latin text in a legacy code page has mostly ASCII letters; Cyrillic or Greek bytes read as cp1252 do not."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return True
    return sum(1 for c in letters if c < "\u0080") / len(letters) >= 0.5


def fix_text(text: str) -> str:
    """Repair mojibake and normalise to NFC without touching quotes, dashes or line breaks."""
    return ftfy.fix_text(
        text,
        uncurl_quotes=False,
        fix_line_breaks=True,
        fix_latin_ligatures=False,
        fix_character_width=False,
        normalization="NFC",
    )
