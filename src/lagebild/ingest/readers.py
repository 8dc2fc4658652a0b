"""Readers: files, folders, JSONL, WARC and stdin to :class:`~lagebild.model.Article` records with raw content.

Every reader streams: a folder is walked lazily, JSONL is read line by line and WARC record by record, so an input of any
size is a normal input. A document that cannot be read becomes an :class:`IngestFailure` with its path and reason; the
other documents of the same input still come through.
"""

from __future__ import annotations

import gzip
import io
import json
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit

from lagebild.ingest.country import outlet_country
from lagebild.ingest.decode import BinaryContent, decode_bytes
from lagebild.ingest.fields import InvalidField, validated
from lagebild.model import Article, Raw, Source, content_id

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
"""Documents larger than this are reported as failures instead of being read into memory."""

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
WARC_SUFFIXES = {".warc", ".arc"}
FOLDER_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | WARC_SUFFIXES
"""Files a folder walk reads (also gzipped); other files in a folder (licences, images) are left alone."""


@dataclass
class IngestFailure:
    """A document that could not be read."""

    path: str
    reason: str


Item = Article | IngestFailure


def domain_of(url: str | None) -> str | None:
    """The host of ``url`` without a leading ``www.``, or None."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def make_article(
    content: str,
    kind: str,
    *,
    path: str | None = None,
    url: str | None = None,
    source: str | None = None,
    published: str | None = None,
    fetched: str | None = None,
    language: str | None = None,
    country: str | None = None,
) -> Article:
    """An article holding raw content and what is known of its origin; later stages fill the rest.

    ``country`` is the outlet's home country (any ISO 3166 code or English name); without it the country-code
    domain of ``url`` gives it, where there is one.
    """
    domain = domain_of(url)
    raw_kind = "html" if kind == "html" else "text"
    return Article(
        id=content_id(content),
        source=Source(
            name=source or domain,
            domain=domain,
            url=url,
            fetched=fetched,
            country=outlet_country(country, domain),
        ),
        language=language,
        raw=Raw(content=content, kind=raw_kind, path=path, published=published, language=language),
    )


def sniff_kind(text: str) -> str:
    """``html`` when the text starts like markup, else ``text``."""
    head = text.lstrip()[:1024].lower()
    markers = ("<!doctype html", "<html", "<head", "<body", "<?xml", "<div", "<article", "<p>", "<p ")
    return "html" if head.startswith(markers) else "text"


def read_paths(inputs: Iterable[str], source: str | None = None) -> Iterator[Item]:
    """Read every input: a file, a folder (walked recursively, sorted) or ``-`` for stdin."""
    for entry in inputs:
        if entry == "-":
            yield from read_stream(sys.stdin.buffer, "<stdin>", source)
            continue
        path = Path(entry)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not child.name.startswith(".") and _readable_suffix(child):
                    yield from read_file(child, source)
        elif path.is_file():
            yield from read_file(path, source)
        else:
            yield IngestFailure(str(path), "no such file or folder")


def _readable_suffix(path: Path) -> bool:
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return bool(suffixes) and suffixes[-1] in FOLDER_SUFFIXES


def read_file(path: Path, source: str | None = None) -> Iterator[Item]:
    """Read one file by its suffix (``.gz`` is looked through)."""
    suffixes = [s.lower() for s in path.suffixes]
    gz = bool(suffixes) and suffixes[-1] == ".gz"
    suffix = suffixes[-2] if gz and len(suffixes) > 1 else (suffixes[-1] if suffixes else "")
    try:
        if suffix in WARC_SUFFIXES:
            yield from read_warc(path, source)
        elif suffix in JSON_SUFFIXES:
            with _open(path, gz) as handle:
                yield from read_jsonl(handle, str(path), source)
        else:
            yield from _read_single(path, gz, suffix, source)
    except (OSError, EOFError, zlib.error) as exc:
        yield IngestFailure(str(path), f"unreadable: {exc}")


def _open(path: Path, gz: bool) -> BinaryIO:
    return gzip.open(path, "rb") if gz else path.open("rb")  # type: ignore[return-value]


def _read_single(path: Path, gz: bool, suffix: str, source: str | None) -> Iterator[Item]:
    if not gz and path.stat().st_size > MAX_DOCUMENT_BYTES:
        yield IngestFailure(str(path), f"too large: {path.stat().st_size} bytes > {MAX_DOCUMENT_BYTES}")
        return
    with _open(path, gz) as handle:
        data = handle.read(MAX_DOCUMENT_BYTES + 1)
    if len(data) > MAX_DOCUMENT_BYTES:
        yield IngestFailure(str(path), f"too large: more than {MAX_DOCUMENT_BYTES} bytes")
        return
    yield from _document_from_bytes(data, str(path), suffix, source, url=None, fetched=_mtime(path))


def _mtime(path: Path) -> str:
    return datetime.fromtimestamp(path.stat().st_mtime, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _document_from_bytes(
    data: bytes,
    path: str,
    suffix: str,
    source: str | None,
    *,
    url: str | None,
    fetched: str | None,
    declared: str | None = None,
) -> Iterator[Item]:
    if not data.strip():
        yield IngestFailure(path, "empty document")
        return
    try:
        text = decode_bytes(data, declared)
    except BinaryContent as exc:
        yield IngestFailure(path, str(exc))
        return
    if suffix in HTML_SUFFIXES:
        kind = "html"
    elif suffix in TEXT_SUFFIXES:
        kind = "text"
    else:
        kind = sniff_kind(text)
    yield make_article(text, kind, path=path, url=url, source=source, fetched=fetched)


def read_stream(stream: BinaryIO, name: str, source: str | None = None) -> Iterator[Item]:
    """Read a byte stream: JSONL when every non-empty line is a JSON object, else one text or HTML document."""
    data = stream.read(MAX_DOCUMENT_BYTES + 1)
    if len(data) > MAX_DOCUMENT_BYTES:
        yield IngestFailure(name, f"too large: more than {MAX_DOCUMENT_BYTES} bytes")
        return
    if data.lstrip().startswith(b"{"):
        yield from read_jsonl(io.BytesIO(data), name, source)
        return
    yield from _document_from_bytes(data, name, "", source, url=None, fetched=None)


def read_jsonl(handle: BinaryIO, name: str, source: str | None = None) -> Iterator[Item]:
    """One document per JSON line (or a JSON array / single object); fields ``text`` or ``html`` and metadata.

    Lines are read with a bound, so a huge line (or a huge file without newlines) costs at most one document's
    worth of memory and becomes a failure; the other lines still come through.
    """
    first = True
    for number, line in enumerate(_bounded_lines(handle), start=1):
        where = f"{name}:{number}"
        if line is None:
            yield IngestFailure(where, f"too large: line longer than {MAX_DOCUMENT_BYTES} bytes")
            continue
        stripped = line.lstrip()
        if not stripped:
            continue
        if first and stripped.startswith(b"["):
            yield from _json_array(stripped + handle.read(MAX_DOCUMENT_BYTES), name, source)
            return
        first = False
        try:
            record = json.loads(decode_bytes(line))
        except (ValueError, BinaryContent) as exc:
            yield IngestFailure(where, f"invalid JSON line: {str(exc)[:200]}")
            continue
        yield from _record(record, where, source)


def _json_array(data: bytes, name: str, source: str | None) -> Iterator[Item]:
    try:
        records = json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        yield IngestFailure(name, f"invalid JSON: {str(exc)[:200]}")
        return
    for number, record in enumerate(records if isinstance(records, list) else [], start=1):
        yield from _record(record, f"{name}#{number}", source)


def _bounded_lines(handle: BinaryIO) -> Iterator[bytes | None]:
    """The lines of ``handle``, never holding more than one document's bytes in memory.

    A line longer than :data:`MAX_DOCUMENT_BYTES` is skipped in pieces and yielded as None.
    """
    while line := handle.readline(MAX_DOCUMENT_BYTES + 1):
        if len(line) > MAX_DOCUMENT_BYTES and not line.endswith(b"\n"):
            while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


def _record(record: Any, where: str, source: str | None) -> Iterator[Item]:
    if not isinstance(record, dict):
        yield IngestFailure(where, "JSON record is not an object")
        return
    html, text = record.get("html"), record.get("text")
    content, kind = (html, "html") if isinstance(html, str) and html.strip() else (text, "text")
    if not isinstance(content, str) or not content.strip():
        yield IngestFailure(where, "record has no 'text' or 'html'")
        return
    if kind == "text" and sniff_kind(content) == "html":
        kind = "html"
    try:
        fields = validated(record)
    except InvalidField as exc:
        yield IngestFailure(where, f"invalid field: {exc}")
        return
    yield make_article(
        decode_bytes(content.encode("utf-8", errors="replace")),
        kind,
        path=where,
        url=fields["url"],
        source=source or fields["source"],
        published=fields["published"],
        fetched=fields["fetched"],
        language=fields["language"],
        country=fields["country"],
    )


def read_warc(path: Path, source: str | None = None) -> Iterator[Item]:
    """Stream the ``response``/``resource``/``conversion`` records of a WARC file with warcio, one at a time.

    Memory stays bounded by one record (at most :data:`MAX_DOCUMENT_BYTES` of it). A record cut off inside its
    payload is a failure of its own; bytes after the last complete record (a file cut off in a record header, or
    garbage) are one failure for the file; the complete records before them still come through.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    size = path.stat().st_size
    with path.open("rb") as handle:
        number = 0
        end = 0
        records = ArchiveIterator(handle)
        try:
            for record in records:
                if record.rec_type in ("response", "resource", "conversion"):
                    number += 1
                    yield from _warc_document(record, f"{path}#{number}", source)
                elif not record.rec_headers.get_header("WARC-Type"):
                    yield IngestFailure(
                        f"{path}@{records.get_record_offset()}", "invalid WARC record: no WARC-Type"
                    )
                end = records.get_record_offset() + records.get_record_length()
        except (ArchiveLoadFailed, EOFError, OSError, zlib.error, ValueError, AttributeError) as exc:
            # warcio reports a record cut off mid-header as an AttributeError on the missing field
            yield IngestFailure(str(path), f"truncated or invalid WARC after {number} records: {exc}"[:500])
            return
        if end < size:
            handle.seek(end)
            if handle.read(1 << 16).strip():
                yield IngestFailure(
                    str(path),
                    f"truncated or invalid WARC: {size - end} bytes after {number} records are no record",
                )


def _warc_document(record: Any, where: str, source: str | None) -> Iterator[Item]:
    ctype, charset = _content_type(record)
    if ctype and not (ctype.startswith("text/") or "html" in ctype or "xml" in ctype):
        return
    data = record.content_stream().read(MAX_DOCUMENT_BYTES + 1)
    if len(data) > MAX_DOCUMENT_BYTES:
        yield IngestFailure(where, "too large")
        return
    if getattr(record.raw_stream, "limit", 0) > 0:
        yield IngestFailure(where, "truncated WARC record: payload shorter than its Content-Length")
        return
    yield from _document_from_bytes(
        data,
        where,
        ".txt" if ctype == "text/plain" else ".html",
        source,
        url=record.rec_headers.get_header("WARC-Target-URI"),
        fetched=record.rec_headers.get_header("WARC-Date"),
        declared=charset,
    )


def _content_type(record: Any) -> tuple[str | None, str | None]:
    headers = record.http_headers
    raw = headers.get_header("Content-Type") if headers is not None else None
    raw = raw or record.rec_headers.get_header("Content-Type")
    if not raw:
        return None, None
    parts = [p.strip() for p in raw.split(";")]
    charset = next(
        (p.split("=", 1)[1].strip("\"' ") for p in parts[1:] if p.lower().startswith("charset=")), None
    )
    return parts[0].lower(), charset
