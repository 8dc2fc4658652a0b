"""WARC input is streamed: memory stays bounded by one record, and cut-off files report what they lost."""

from __future__ import annotations

import io
import tracemalloc
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from lagebild.ingest import IngestFailure, read_paths
from lagebild.model import Article

PAGE = "<html><body><article><p>Seite {n}. Die Regierung in Berlin hat am Dienstag beraten.</p></article></body></html>"


def write_warc(path: Path, records: list[tuple[str, bytes]], gzip: bool) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        for n, (ctype, body) in enumerate(records):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                f"https://example.org/{n}", "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)


def pages(count: int) -> list[tuple[str, bytes]]:
    return [("text/html; charset=utf-8", PAGE.format(n=n).encode()) for n in range(count)]


def test_large_warc_streams_in_bounded_memory(tmp_path):
    """A 170 MB WARC: 40 images of 3 MB, a 50 MB page (too large) and small pages between them."""
    image = b"\xff\xd8\xff" + bytes(3 * 1024 * 1024)
    records: list[tuple[str, bytes]] = []
    for n in range(40):
        records.append(("image/jpeg", image))
        records.append(pages(n + 1)[n])
    records.insert(41, ("text/html", b"<html><body><p>" + b"x" * (50 * 1024 * 1024) + b"</p></body></html>"))
    path = tmp_path / "big.warc"
    write_warc(path, records, gzip=False)
    assert path.stat().st_size > 160 * 1024 * 1024
    ok, reasons = 0, []
    tracemalloc.start()
    try:
        for item in read_paths([str(path)]):
            if isinstance(item, IngestFailure):
                reasons.append(item.reason)
            else:
                ok += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert ok == 40
    assert reasons == ["too large"]
    # one record is read at most up to the 20 MB document limit; the file itself is 170 MB
    assert peak < 64 * 1024 * 1024, peak


def test_warc_cut_inside_a_payload_reports_that_record(tmp_path):
    cut = tmp_path / "cut.warc"
    plain = tmp_path / "plain.warc"
    write_warc(plain, pages(5), gzip=False)
    raw = plain.read_bytes()
    cut.write_bytes(raw[: raw.rindex(b"Seite 4") + 3])
    items = list(read_paths([str(cut)]))
    arts = [i for i in items if isinstance(i, Article)]
    fails = [i for i in items if isinstance(i, IngestFailure)]
    assert len(arts) == 4 and [a.source.url for a in arts][-1] == "https://example.org/3"
    assert len(fails) == 1 and fails[0].path.endswith("cut.warc#5") and "truncated" in fails[0].reason
    assert len([i for i in read_paths([str(plain)]) if isinstance(i, Article)]) == 5


def test_warc_cut_inside_a_header_reports_the_file(tmp_path):
    plain = tmp_path / "plain.warc"
    write_warc(plain, pages(3), gzip=False)
    raw = plain.read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(raw[: raw.rindex(b"WARC/1.0") + 30])
    items = list(read_paths([str(cut)]))
    assert len([i for i in items if isinstance(i, Article)]) == 2
    fails = [i for i in items if isinstance(i, IngestFailure)]
    assert len(fails) == 1 and fails[0].path.endswith("cut.warc") and "after 2 records" in fails[0].reason


def test_gzipped_warc_cut_at_a_member_start_reports_the_file(tmp_path):
    full = tmp_path / "full.warc.gz"
    write_warc(full, pages(1), gzip=True)
    one = full.read_bytes()
    write_warc(full, pages(3), gzip=True)
    data = full.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(one) + 40])  # the first record whole, then 40 bytes of the second member
    items = list(read_paths([str(cut)]))
    assert len([i for i in items if isinstance(i, Article)]) == 1
    assert [i.path.rsplit("/", 1)[-1] for i in items if isinstance(i, IngestFailure)] == ["cut.warc.gz"]
