import gzip
import io
import json

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from lagebild.ingest import IngestFailure, decode_bytes, domain_of, read_paths, read_stream
from lagebild.model import Article

HTML = "<html><head><title>Titel</title></head><body><p>Grüße aus Moskau.</p></body></html>"


def split(items):
    arts = [i for i in items if isinstance(i, Article)]
    fails = [i for i in items if isinstance(i, IngestFailure)]
    return arts, fails


def test_text_and_html_files(tmp_path):
    (tmp_path / "a.txt").write_text("Putin sprach mit Biden.", encoding="utf-8")
    (tmp_path / "b.html").write_text(HTML, encoding="utf-8")
    arts, fails = split(list(read_paths([str(tmp_path)], source="Test")))
    assert not fails
    assert [a.raw.kind for a in arts] == ["text", "html"]
    assert arts[0].source.name == "Test"
    assert arts[0].raw.content == "Putin sprach mit Biden."
    assert arts[0].source.fetched.endswith("Z")


def test_legacy_encodings_and_mojibake(tmp_path):
    (tmp_path / "cp.txt").write_bytes("Grüße „Putin“ – Kreml".encode("cp1252"))
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbfStra\xc3\x9fe")
    (tmp_path / "moji.txt").write_bytes("Grüße aus Kiew".encode().decode("latin-1").encode())
    arts, _ = split(list(read_paths([str(tmp_path)])))
    texts = {a.raw.path.rsplit("/", 1)[-1]: a.raw.content for a in arts}
    assert texts["cp.txt"] == "Grüße „Putin“ – Kreml"
    assert texts["bom.txt"] == "Straße"
    assert texts["moji.txt"] == "Grüße aus Kiew"


def test_jsonl_fields_and_bad_lines(tmp_path):
    lines = [
        json.dumps(
            {
                "text": "Erster Text.",
                "url": "https://www.example.org/a",
                "published": "2021-12-30",
                "fetched": "2021-12-30T10:00:00Z",
                "language": "de",
            }
        ),
        "{not json",
        json.dumps({"html": HTML, "source": "Outlet"}),
        json.dumps({"title": "no body"}),
        "",
    ]
    (tmp_path / "in.jsonl").write_text("\n".join(lines), encoding="utf-8")
    arts, fails = split(list(read_paths([str(tmp_path / "in.jsonl")])))
    assert len(arts) == 2 and len(fails) == 2
    first, second = arts
    assert first.source.name == "example.org" and first.source.domain == "example.org"
    assert first.raw.published == "2021-12-30" and first.language == "de"
    assert second.raw.kind == "html" and second.source.name == "Outlet"
    assert fails[0].path.endswith(":2") and "invalid JSON" in fails[0].reason


def test_gzipped_jsonl(tmp_path):
    with gzip.open(tmp_path / "in.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"text": "Text eins."}) + "\n")
    arts, fails = split(list(read_paths([str(tmp_path / "in.jsonl.gz")])))
    assert len(arts) == 1 and not fails


def write_warc(path, pages):
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, body, ctype in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)


def test_warc_reader_streams_html_and_skips_binary(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(
        path,
        [
            ("https://www.tass.com/a", HTML.encode("cp1252"), "text/html; charset=windows-1252"),
            ("https://example.org/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"),
            ("https://example.org/b", b"Zweiter Text.", "text/plain"),
        ],
    )
    arts, fails = split(list(read_paths([str(path)])))
    assert not fails
    assert [a.source.domain for a in arts] == ["tass.com", "example.org"]
    assert "Grüße" in arts[0].raw.content and arts[0].raw.kind == "html"
    assert arts[1].raw.kind == "text" and arts[0].source.fetched


def test_truncated_warc_keeps_earlier_records(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(
        path, [(f"https://example.org/{i}", f"Text {i} ".encode() * 200, "text/plain") for i in range(3)]
    )
    data = path.read_bytes()
    (tmp_path / "cut.warc.gz").write_bytes(data[: int(len(data) * 0.8)])
    arts, fails = split(list(read_paths([str(tmp_path / "cut.warc.gz")])))
    assert len(arts) >= 1 and len(fails) == 1 and "WARC" in fails[0].reason


def test_binary_empty_and_missing(tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "empty.txt").write_bytes(b"")
    arts, fails = split(list(read_paths([str(tmp_path), str(tmp_path / "missing.txt")])))
    assert not arts
    assert sorted(f.reason.split(" ")[0] for f in fails) == ["binary", "empty", "no"]


def test_stdin_stream_text_and_jsonl():
    arts, _ = split(list(read_stream(io.BytesIO("Ein Text über Kiew.".encode()), "<stdin>")))
    assert arts[0].raw.content == "Ein Text über Kiew."
    arts, _ = split(list(read_stream(io.BytesIO(b'{"text": "A"}\n{"text": "B"}\n'), "<stdin>")))
    assert [a.raw.content for a in arts] == ["A", "B"]


def test_domain_and_decode_helpers():
    assert domain_of("https://www.Example.org:8080/x?y") == "example.org"
    assert domain_of("not a url") is None
    assert decode_bytes("Äpfel".encode("latin-1")) == "Äpfel"


def test_outlet_country_given_or_from_the_country_code_domain(tmp_path):
    records = [
        {"text": "Bozen. Der Landtag tagte.", "country": "Italy"},
        {"text": "Wien. Der Nationalrat tagte.", "url": "https://www.derstandard.at/story/1"},
        {"text": "London. Parliament met.", "url": "https://www.bbc.co.uk/news/1"},
        {
            "text": "Berlin. Der Bundestag tagte.",
            "url": "https://example.com/1",
            "country": "nowhere",
        },  # invalid
        {"text": "Kiew. Das Parlament tagte.", "url": "https://news.tv/1"},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    countries = [a.source.country for a in read_paths([str(path)]) if isinstance(a, Article)]
    assert countries == ["ITA", "AUT", "GBR", None]  # vanity domains say nothing
    failures = [f for f in read_paths([str(path)]) if not isinstance(f, Article)]
    assert len(failures) == 1 and "'country' is no known country" in failures[0].reason
