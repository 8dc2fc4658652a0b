"""Ingest: files, folders, JSONL, WARC and stdin to articles with raw content, encodings repaired."""

from lagebild.ingest.decode import BinaryContent, decode_bytes, fix_text
from lagebild.ingest.readers import IngestFailure, Item, domain_of, make_article, read_paths, read_stream

__all__ = [
    "BinaryContent",
    "IngestFailure",
    "Item",
    "decode_bytes",
    "domain_of",
    "fix_text",
    "make_article",
    "read_paths",
    "read_stream",
]
