"""Hostile and broken input never crashes a run: each bad document is a reported failure, the rest is stored."""

from __future__ import annotations

import gzip
import json
import random
import re
import subprocess
import sys
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from lagebild.store import Store

BODY = (
    "Berlin (dpa) - Die Bundesregierung hat am Dienstag neue Hilfen für die Ukraine beschlossen. "
    "Das sagte Regierungssprecher Steffen Hebestreit nach der Sitzung des Kabinetts. "
) * 8
BIG = 200 * 1024 * 1024


def _warc(path: Path, pages: int) -> bytes:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for n in range(pages):
            html = f"<html><body><article><p>Seite {n}. {BODY}</p></article></body></html>".encode()
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(
                    f"https://example.org/{n}", "response", payload=_bytes_io(html), http_headers=headers
                )
            )
    return path.read_bytes()


def _bytes_io(data: bytes):
    import io

    return io.BytesIO(data)


def build_hostile(folder: Path) -> tuple[set[str], set[str]]:
    """Write hostile inputs into ``folder``; returns (paths that must fail, names of files that must yield text)."""
    rng = random.Random(3)
    bad: set[str] = set()
    good: set[str] = set()

    def put(name: str, data: bytes, fails: bool) -> Path:
        path = folder / name
        path.write_bytes(data)
        (bad if fails else good).add(name)
        return path

    put("binary.html", bytes(rng.randrange(256) for _ in range(4096)), True)
    put("empty.txt", b"", True)
    put("blank.txt", b" \n\t\r\n" * 100, True)
    with (folder / "huge.txt").open("wb") as handle:  # sparse: 200 MB of NUL bytes in no time
        handle.truncate(BIG)
    bad.add("huge.txt")
    with (folder / "huge.jsonl").open("wb") as handle:  # one good line, a 200 MB line, one good line
        handle.write(json.dumps({"text": "Erste Zeile. " + BODY}).encode() + b"\n")
        handle.seek(BIG)
        handle.write(b"\n" + json.dumps({"text": "Letzte Zeile. " + BODY}).encode() + b"\n")
    bad.add("huge.jsonl:2")
    good.add("huge.jsonl:1")
    good.add("huge.jsonl:3")
    nested = "<html><body>" + "<div>" * 100_000 + f"<p>{BODY}</p>" + "</div>" * 100_000 + "</body></html>"
    put("deep.html", nested.encode(), False)
    put("deep_unclosed.html", ("<html><body>" + "<span><b><i>" * 50_000 + BODY).encode(), False)
    bomb = (
        f"<html><body><script>{'var x=1;' * 500_000}</script><p>{BODY}</p><style>{'a{b:c}' * 300_000}</style>"
    )
    put("script_bomb.html", bomb.encode(), False)
    put("malformed.html", f"<<html><<body><p <p>>{BODY}</b></td><!-- open comment <p>{BODY}".encode(), False)
    put("cp1252.txt", ("„Grüße“ – sagte Müller. " + BODY).encode("cp1252"), False)
    put("latin1.txt", ("Grüße aus Köln. " + BODY).encode("latin-1"), False)
    put("bom.txt", b"\xef\xbb\xbf" + ("Straße. " + BODY).encode(), False)
    put("mojibake.txt", ("Grüße aus Kiew. " + BODY).encode().decode("latin-1").encode(), False)
    put("utf16.txt", ("Grüße. " + BODY).encode("utf-16"), False)
    put("mixed.txt", ("Grüße. " + BODY).encode() + ("Köln. " + BODY).encode("cp1252"), False)
    put("controls.txt", b"\x1b[31m" + BODY.encode() + b"\x07\x08", False)
    whole = gzip.compress("\n".join(json.dumps({"text": f"Nr. {i}. {BODY}"}) for i in range(40)).encode())
    put("truncated.jsonl.gz", whole[: len(whole) // 2], True)
    put("notgzip.txt.gz", b"this is not gzip at all", True)
    five = len(_warc(folder / "full.warc.gz", 5))
    full = _warc(folder / "full.warc.gz", 6)
    (folder / "full.warc.gz").unlink()
    # cut in the middle of the sixth record's gzip member (a cut at a fixed fraction of the file can land on a member
    # boundary, which leaves a valid, shorter WARC)
    put("truncated.warc.gz", full[: (five + len(full)) // 2], True)
    put("garbage.warc", b"WARC/1.0\r\nthis is no header\r\n\r\n" + bytes(range(256)) * 10, True)
    lines = [
        json.dumps({"text": "Gut. " + BODY}),
        "{broken",
        "[1, 2]",
        '"a string"',
        json.dumps({"title": "no body"}),
        json.dumps({"text": 42}),
        "\x00\x01\x02",
    ]
    put("lines.jsonl", "\n".join(lines).encode(), False)
    bad.update(f"lines.jsonl:{n}" for n in range(2, 8))
    return bad, good


def test_hostile_inputs_are_reported_not_fatal(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    must_fail, must_pass = build_hostile(folder)
    db = tmp_path / "store.duckdb"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "lagebild.cli",
            "process",
            str(folder),
            "--db",
            str(db),
            "--workers",
            "1",
            "--quiet",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 1, run.stderr[-2000:]
    assert "Traceback" not in run.stderr
    with Store(db) as store:
        failures = store.failures()
        rows = store.con.execute("SELECT json_extract_string(data, '$.text') FROM articles").fetchall()
    # record-level failures are named path#record, path@offset or path:line
    failed = {re.sub(r"@\d+$", "", path.rsplit("/", 1)[-1]) for path, _, _ in failures}
    reasons = {re.sub(r"@\d+$", "", path.rsplit("/", 1)[-1]): reason for path, _, reason in failures}
    assert all(reason for reason in reasons.values())
    for name in must_fail:
        assert name in failed, f"{name} was not reported"
    assert not {f for f in failed if f.split(":")[0].split("#")[0] in must_pass and f not in must_fail}
    assert "too large" in reasons["huge.txt"] and "too large" in reasons["huge.jsonl:2"]
    assert "binary" in reasons["binary.html"]
    texts = [t for (t,) in rows]
    assert any(t.startswith("Erste Zeile.") for t in texts) and any(
        t.startswith("Letzte Zeile.") for t in texts
    )
    assert any("„Grüße“ – sagte Müller." in t for t in texts)
    assert any(t.startswith("Grüße aus Köln.") for t in texts)
    assert any(t.startswith("Grüße aus Kiew.") for t in texts)
    assert any(t.startswith("Straße.") for t in texts)
    assert sum("Bundesregierung" in t for t in texts) >= 15
    assert sum(t.startswith("Berlin (dpa) - Die Bundesregierung") for t in texts) >= 2  # the deep pages
    assert "failures" in run.stdout.lower() and "huge.txt" in run.stdout
