"""The product under hostile use: every hardening target measured, one table (case, target, measured, verdict).

Cases, each run through the command line or the web app as a user would:

- one-line texts without sentence punctuation (1 MB and 15 MB): processed, or failed with a reason, within 60 s and
  under 1 GiB (resident memory of the whole process tree, sampled every 50 ms);
- HTML nested 100,000 levels deep; ``published`` that is no date; ``language`` that is no code: correct output or a
  recorded failure with a reason;
- a broken install (lxml's html-clean part unloadable): exit status 4 with the reason, before any work;
- ``report --story nope``: a non-zero exit status;
- CSV export of cells starting with ``=``, ``+``, ``-``, ``@``: neutralised;
- the HTML path fuzzed with hypothesis (``fuzz_html``'s page generator, on the stage as the pipeline runs it: a
  recorded failure with a reason counts as handled);
- 20 SIGKILLs at random points of runs over real news (each run resumed on the same store until it finishes):
  no document lost or duplicated against an uninterrupted run, and at each kill at most one commit interval of
  processed documents not yet committed;
- the REST API under schemathesis (every check, ST204 included) against ``lagebild serve``;
- the web UI: HEAD answered, 405 with an Allow header, a U+202E in a URL or title isolated, a very long token
  broken.

    .venv/bin/python benchmarks/hostile.py [--data ../shared/data] [--kills 20] [--fuzz 300] [--schemathesis-examples 20] [--skip NAME ...]
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
sys.path.insert(0, str(SRC))
sys.path.insert(0, str(ROOT / "benchmarks"))

from lagebild.store import Store  # noqa: E402

GIB = 1024**3
TIME_LIMIT = 60.0
WORDS = [
    "Regierung",
    "Minister",
    "sagte",
    "Dienstag",
    "Berlin",
    "Moskau",
    "Kiew",
    "Verhandlungen",
    "Sanktionen",
    "Gipfel",
    "Grenze",
    "Putin",
    "Scholz",
    "die",
    "der",
    "und",
]
BODY = (
    "Berlin (dpa) - Die Bundesregierung hat am Dienstag neue Hilfen für die Ukraine beschlossen. "
    "Das sagte Regierungssprecher Steffen Hebestreit nach der Sitzung des Kabinetts in Berlin. "
) * 4


@dataclass
class Row:
    case: str
    target: str
    measured: str
    ok: bool


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "lagebild.cli", *args]


def environment(extra_path: str | None = None) -> dict[str, str]:
    paths = [p for p in (extra_path, str(SRC), os.environ.get("PYTHONPATH")) if p]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths), "COLUMNS": "200"}


# -- resources of a process tree -------------------------------------------------------------------------------
def _children(pid: int) -> list[int]:
    found = []
    with contextlib.suppress(OSError):
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as handle:
                found += [int(c) for c in handle.read().split()]
    return found


def tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and all its descendants."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        with contextlib.suppress(OSError), open(f"/proc/{current}/statm", encoding="ascii") as handle:
            total += int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        stack += _children(current)
    return total


def run_measured(command: list[str], timeout: float, env: dict[str, str]) -> tuple[int, float, int, str]:
    """(exit status, seconds, peak resident bytes of the process tree, output) of ``command``."""
    started = time.monotonic()
    with tempfile.TemporaryFile("w+") as out:
        proc = subprocess.Popen(
            command, stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True
        )
        peak = 0
        while proc.poll() is None:
            peak = max(peak, tree_rss(proc.pid))
            if time.monotonic() - started > timeout:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
                break
            time.sleep(0.05)
        seconds = time.monotonic() - started
        out.seek(0)
        return proc.returncode, seconds, peak, out.read()


def failures_of(db: Path) -> list[tuple[str, str, str]]:
    with Store(db, read_only=True) as store:
        return store.failures()


def stored_texts(db: Path) -> list[str]:
    with Store(db, read_only=True) as store:
        rows = store.con.execute("SELECT json_extract_string(data, '$.text') FROM articles").fetchall()
    return [r[0] or "" for r in rows]


# -- the cases -----------------------------------------------------------------------------------------------------
def one_line(work: Path, size: int) -> Row:
    rng = random.Random(size)
    words, total = [], 0
    while total < size:
        word = rng.choice(WORDS)
        words.append(word)
        total += len(word) + 1
    path = work / f"one-line-{size}.txt"
    path.write_text(" ".join(words)[:size], encoding="utf-8")
    db = work / f"one-line-{size}.duckdb"
    status, seconds, peak, output = run_measured(
        cli("process", str(path), "--db", str(db), "--workers", "1", "--quiet"), 3 * TIME_LIMIT, environment()
    )
    outcome = "killed at 3x the limit"
    handled = False
    if status in (0, 1) and db.exists():
        failures = failures_of(db)
        texts = stored_texts(db)
        if failures:
            outcome = f"failure recorded: {failures[0][1]}: {failures[0][2][:70]}"
            handled = all(reason for _, _, reason in failures)
        elif texts and len(texts[0]) > size * 0.9:
            outcome, handled = "processed", True
    ok = handled and seconds <= TIME_LIMIT and peak < GIB
    return Row(
        f"{size / 1e6:g} MB one-line text",
        "<= 60 s, < 1 GiB, output or reason",
        f"{seconds:.1f} s, {peak / 2**20:.0f} MiB, exit {status}; {outcome}",
        ok,
    )


def deep_html(work: Path) -> Row:
    folder = work / "deep"
    folder.mkdir()
    page = "<html><body>" + "<div>" * 100_000 + f"<p>{BODY}</p>" + "</div>" * 100_000 + "</body></html>"
    (folder / "deep.html").write_text(page, encoding="utf-8")
    db = work / "deep.duckdb"
    status, seconds, _, _ = run_measured(
        cli("process", str(folder), "--db", str(db), "--workers", "1", "--quiet"), 300, environment()
    )
    texts, failures = stored_texts(db), failures_of(db)
    correct = bool(texts) and texts[0].startswith("Berlin (dpa) - Die Bundesregierung")
    measured = (
        "text extracted"
        if correct
        else (f"failure: {failures[0][2][:80]}" if failures else "empty, no failure")
    )
    return Row(
        "HTML 100,000 levels deep",
        "text or a recorded reason",
        f"{measured} ({seconds:.1f} s)",
        correct or bool(failures),
    )


def bad_fields(work: Path) -> list[Row]:
    rows = []
    for name, record, expect in (
        ("published '<script>...'", {"published": "<script>alert(1)</script>"}, "'published' is not a date"),
        ("language '<b>de</b>'", {"language": "<b>de</b>"}, "'language' is not an ISO 639-1"),
        ("url 'javascript:...'", {"url": "javascript:alert(1)"}, "'url' is not an absolute"),
    ):
        path = work / f"field-{len(rows)}.jsonl"
        path.write_text(json.dumps({"text": BODY, **record}) + "\n", encoding="utf-8")
        db = work / f"field-{len(rows)}.duckdb"
        status, _, _, _ = run_measured(
            cli("process", str(path), "--db", str(db), "--quiet"), 300, environment()
        )
        failures = failures_of(db)
        reason = failures[0][2] if failures else ""
        ok = status == 1 and expect in reason and not stored_texts(db)
        rows.append(
            Row(name, "recorded failure, reason", f"exit {status}; {reason[:80] or 'stored as given'}", ok)
        )
    return rows


def broken_install(work: Path) -> Row:
    site = work / "broken-site"
    site.mkdir()
    (site / "lxml_html_clean.py").write_text(
        "raise ImportError('lxml html-clean is not installed')\n", "utf-8"
    )
    (work / "one.txt").write_text(BODY, encoding="utf-8")
    db = work / "broken.duckdb"
    status, seconds, _, output = run_measured(
        cli("process", str(work / "one.txt"), "--db", str(db), "--quiet"), 120, environment(str(site))
    )
    ok = status == 4 and "lxml_html_clean" in output and not db.exists()
    return Row(
        "broken install (html-clean missing)",
        "exit 4 at start with the reason",
        f"exit {status} in {seconds:.1f} s; {'reason named' if 'lxml_html_clean' in output else 'no reason'}",
        ok,
    )


def demo_store(work: Path) -> Path:
    """A small store with hostile values in titles, URLs and texts (for the report, export and UI cases)."""
    folder = work / "demo"
    folder.mkdir(exist_ok=True)
    long_token = "Donaudampfschifffahrtsgesellschaftskapitän" * 12
    records = [
        {"text": f'=HYPERLINK("http://evil")\n\n{BODY}', "url": "https://example.org/a", "source": "@evil"},
        {"text": f"+491701234567 Kurzmeldung\n\n{BODY.replace('Dienstag', 'Mittwoch')}", "source": "-minus"},
        {
            "text": f"Titel \u202eesrever\n\n{BODY.replace('Dienstag', 'Montag')} {long_token}",
            "source": "bidi",
        },
    ]
    (folder / "hostile.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    db = work / "demo.duckdb"
    subprocess.run(
        cli("process", str(folder), "--db", str(db), "--quiet"), env=environment(), capture_output=True
    )
    with Store(db) as store:  # a URL with a bidi override as a WARC target or an older store may hold
        store.con.execute(
            "UPDATE articles SET data = json_merge_patch(data, ?) WHERE json_extract_string(data, '$.source.name') = 'bidi'",
            [json.dumps({"source": {"url": "https://example.org/\u202eevil/gnp.exe"}})],
        )
    return db


def report_missing_story(db: Path) -> Row:
    run = subprocess.run(
        cli("report", "--db", str(db), "--story", "nope"), env=environment(), capture_output=True, text=True
    )
    return Row("report --story nope", "non-zero exit", f"exit {run.returncode}", run.returncode != 0)


def csv_export(db: Path) -> Row:
    from fastapi.testclient import TestClient

    from lagebild.web import create_app

    client = TestClient(create_app(db))
    dangerous = 0
    cells = 0
    for table in ("articles", "entities", "quotes", "events", "actors", "stories"):
        response = client.get(f"/api/export/{table}.csv")
        if response.status_code != 200:
            continue
        for row in csv.reader(io.StringIO(response.text)):
            cells += len(row)
            dangerous += sum(1 for cell in row if cell[:1] in ("=", "+", "-", "@", "\t", "\r"))
    return Row(
        "CSV export formula cells",
        "0 cells starting = + - @",
        f"{dangerous} of {cells} cells",
        dangerous == 0,
    )


def web_checks(db: Path) -> list[Row]:
    from fastapi.testclient import TestClient
    from lxml import html as lxml_html

    from lagebild.web import create_app

    client = TestClient(create_app(db))
    head = [client.head(path).status_code for path in ("/", "/api/stories", "/api/articles")]
    trace = client.request("TRACE", "/")
    rows = [
        Row("HEAD requests", "200", " ".join(map(str, head)), all(code == 200 for code in head)),
        Row(
            "TRACE answer",
            "405 with Allow",
            f"{trace.status_code}, Allow: {trace.headers.get('allow', '-')}",
            trace.status_code == 405 and bool(trace.headers.get("allow")),
        ),
    ]
    with Store(db, read_only=True) as store:
        bidi_id = store.one(
            "SELECT id FROM articles WHERE json_extract_string(data, '$.source.name') = 'bidi'"
        )
    css = client.get("/static/app.css").text
    isolating = {
        part.strip()
        for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css)
        if re.search(r"unicode-bidi\s*:\s*(isolate|plaintext)", body)
        for part in selectors.split(",")
    }

    def isolates(element) -> bool:  # noqa: ANN001 - an lxml element
        classes = {f".{c}" for c in (element.get("class") or "").split()}
        return (
            element.tag == "bdi"
            or element.get("dir") == "auto"
            or bool(({element.tag} | classes) & isolating)
        )

    isolated = unisolated = 0
    for path in ("/", f"/articles/{bidi_id[0]}", "/stories") if bidi_id else ():
        page = client.get(path)
        if page.status_code != 200 or "\u202e" not in page.text:
            continue
        for node in lxml_html.fromstring(page.text).iter():
            for owner, text in ((node, node.text), (node.getparent(), node.tail)):
                if owner is None or not text or "\u202e" not in text:
                    continue  # attribute values are not displayed
                if closed_within(text) or any(isolates(e) for e in (owner, *owner.iterancestors())):
                    isolated += 1
                else:
                    unisolated += 1
    rows.append(
        Row(
            "U+202E in URL/title",
            "closed in its text or isolated",
            f"{isolated} isolated, {unisolated} not",
            unisolated == 0 and isolated > 0,
        )
    )
    covered: set[str] = set()
    breaking = r"(overflow-wrap|word-wrap)\s*:\s*(anywhere|break-word)|word-break\s*:\s*break-(all|word)"
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        if re.search(breaking, body):
            covered |= {part.strip() for part in selectors.split(",")}
    needed = {"h1", "td"}  # the page title and the story table's cells
    wrapped = needed <= covered or bool({"body", "main", "*"} & covered)
    shown = ", ".join(sorted(covered & (needed | {"body", "main", "*"}))) or "nothing"
    rows.append(Row("very long token", "breaks in title and tables", f"break rules on {shown}", wrapped))
    return rows


def closed_within(text: str) -> bool:
    """Whether every bidi embedding, override and isolate opened in ``text`` is closed in it (an isolate's PDI
    closes what was opened inside it), so none reorders the text around it."""
    stack: list[str] = []
    for char in text:
        if char in "\u202a\u202b\u202d\u202e":
            stack.append("e")
        elif char == "\u202c" and stack and stack[-1] == "e":
            stack.pop()
        elif char in "\u2066\u2067\u2068":
            stack.append("i")
        elif char == "\u2069" and "i" in stack:
            while stack.pop() != "i":
                pass
    return not stack


def fuzz_pages(examples: int) -> Row:
    """fuzz_html's generated pages through the clean stage as the pipeline runs it."""
    from hypothesis import HealthCheck, given, seed, settings
    from hypothesis import strategies as st

    from fuzz_html import ENCODINGS, MARKER, PAGES
    from lagebild.clean import CleanStage
    from lagebild.ingest import BinaryContent, decode_bytes, make_article
    from lagebild.pipeline import run_stages

    counts = {"pages": 0, "text": 0, "reasons": 0, "bad": 0}

    @seed(0)
    @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(page=PAGES, encoding=ENCODINGS, noise=st.binary(max_size=16))
    def fuzz(page: str, encoding: str, noise: bytes) -> None:
        counts["pages"] += 1
        try:
            text = decode_bytes(page.encode(encoding, errors="replace") + noise)
        except BinaryContent:
            counts["reasons"] += 1
            return
        outcome = run_stages([CleanStage()], make_article(text, "html", path="fuzz"))
        if outcome.failure is not None:
            counts["reasons" if outcome.failure[1] else "bad"] += 1
        elif outcome.article is not None and MARKER not in outcome.article.text:
            counts["text"] += 1
        else:
            counts["bad"] += 1

    fuzz()
    return Row(
        "fuzzed HTML pages (fuzz_html)",
        "each: text or a reason",
        f"{counts['pages']} pages: {counts['text']} text, {counts['reasons']} reasons, {counts['bad']} bad",
        counts["bad"] == 0,
    )


KILL_DRIVER = """
import sys
from lagebild.executors import LocalExecutor
from lagebild.process import CommitPolicy, process
from lagebild.store import Store

corpus, db, counter, every, seconds = sys.argv[1:6]


class Counting:
    def __init__(self, inner):
        self.inner = inner
        self.done = 0

    def map(self, pipeline, articles):
        for outcome in self.inner.map(pipeline, articles):
            self.done += 1
            with open(counter, "w") as handle:
                handle.write(str(self.done))
            yield outcome

    def close(self):
        self.inner.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


with Store(db) as store, Counting(LocalExecutor(workers=2)) as executor:
    process([corpus], store, executor=executor, commit=CommitPolicy(int(every), float(seconds)), batch_size=32)
"""


def kill_corpus(work: Path, data: Path, count: int) -> Path:
    from throughput import load_documents, make_corpus

    articles = make_corpus(load_documents(data / "krauts"), count)
    path = work / "kill.jsonl"
    lines = []
    for article in articles:
        words = article.raw.content.split()  # type: ignore[union-attr]
        lines.append(
            json.dumps({"text": " ".join(words[:160]), "source": "KRAUTS", "published": "2021-12-30"})
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _state(db: Path) -> tuple[dict[str, tuple], list[str]]:
    with Store(db, read_only=True) as store:
        rows = store.con.execute(
            "SELECT id, json_extract_string(data, '$.title'), json_extract_string(data, '$.text') FROM articles"
        ).fetchall()
        ids = [r[0] for r in rows]
        return {r[0]: (r[1], r[2]) for r in rows}, ids


def _committed_by_last_run(db: Path) -> int:
    """Articles the store's latest run committed (0 when the run was killed before it started)."""
    with Store(db, read_only=True) as store:
        row = store.one("SELECT count(*) FROM articles WHERE run_id = (SELECT max(id) FROM runs)")
    return int(row[0]) if row else 0


def sigkills(work: Path, data: Path, kills: int, every: int = 8, seconds: float = 2.0) -> list[Row]:
    corpus = kill_corpus(work, data, 48)
    driver = work / "driver.py"
    driver.write_text(KILL_DRIVER, encoding="utf-8")
    env = environment()

    def start(db: Path, counter: Path) -> subprocess.Popen:
        command = [sys.executable, str(driver), str(corpus), str(db), str(counter), str(every), str(seconds)]
        return subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )

    baseline_db = work / "kill-baseline.duckdb"
    started = time.monotonic()
    start(baseline_db, work / "baseline.count").wait()
    baseline_seconds = time.monotonic() - started
    expected, _ = _state(baseline_db)

    rng = random.Random(20)
    losses: list[int] = []
    lost = duplicated = differing = chains = 0
    delivered = 0
    while delivered < kills:
        chains += 1
        db = work / f"kill-{chains}.duckdb"
        while True:
            counter = work / f"kill-{chains}.count"
            counter.unlink(missing_ok=True)
            proc = start(db, counter)
            delay = rng.uniform(0.5, baseline_seconds)
            try:
                proc.wait(timeout=delay)
                break  # the run finished before its kill
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
            delivered += 1
            text = counter.read_text().strip() if counter.exists() else "0"
            if text.isdigit():  # a kill in the middle of writing the count leaves it unreadable
                losses.append(int(text) - (_committed_by_last_run(db) if db.exists() else 0))
            if delivered >= kills:
                proc = start(db, counter)  # finish the chain without further kills
                proc.wait()
                break
        state, ids = _state(db)
        lost += len(set(expected) - set(state))
        duplicated += len(ids) - len(set(ids))
        differing += sum(1 for key, value in state.items() if expected.get(key) != value)
    return [
        Row(
            f"{kills} SIGKILLs at random points",
            "0 documents lost or duplicated",
            f"{lost} lost, {duplicated} duplicated, {differing} differing; {len(expected)} documents, {chains} chains",
            lost == duplicated == differing == 0,
        ),
        Row(
            "loss at a kill before resume",
            f"<= commit interval ({every} docs / {seconds:g} s)",
            f"max {max(losses, default=0)} docs, mean {sum(losses) / max(1, len(losses)):.1f}",
            max(losses, default=0) <= every,
        ),
    ]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def schemathesis_run(db: Path, examples: int) -> Row:
    binary = Path(sys.executable).with_name("schemathesis")
    if not binary.exists():
        return Row("schemathesis (all checks)", "0 failures", "schemathesis not installed", False)
    port = _free_port()
    server = subprocess.Popen(
        cli("serve", "--db", str(db), "--port", str(port)),
        env=environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
                break
            time.sleep(0.2)
        run = subprocess.run(
            [
                str(binary),
                "run",
                f"http://127.0.0.1:{port}/api/openapi.json",
                "--checks",
                "all",
                "--max-examples",
                str(examples),
                "--seed",
                "1",
                "--no-color",
            ],
            capture_output=True,
            text=True,
            timeout=900,
        )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait()
    output = run.stdout + run.stderr
    codes = sorted(set(re.findall(r"\b(ST\d{3})\b", output)))
    summary = next(
        (line.strip() for line in reversed(output.splitlines()) if re.search(r"passed|failed", line)), ""
    )
    failed = re.search(r"(\d+) failures?", output)
    count = int(failed.group(1)) if failed else (0 if run.returncode == 0 else -1)
    measured = f"exit {run.returncode}; {summary[:60]}" + (f"; {' '.join(codes)}" if codes else "")
    return Row(
        "schemathesis (all checks)",
        "0 failures, ST204 included",
        measured,
        run.returncode == 0 and count == 0,
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--data", type=Path, default=ROOT.parent / "shared" / "data", help="Shared data folder."
    )
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--fuzz", type=int, default=300, help="Fuzzed HTML pages.")
    parser.add_argument("--schemathesis-examples", type=int, default=20)
    parser.add_argument(
        "--skip",
        nargs="*",
        default=[],
        choices=["big", "deep", "fields", "install", "web", "fuzz", "kills", "schemathesis"],
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="lagebild-hostile-"))
    rows: list[Row] = []
    try:
        if "big" not in args.skip:
            rows += [one_line(work, 1_000_000), one_line(work, 15_000_000)]
        if "deep" not in args.skip:
            rows.append(deep_html(work))
        if "fields" not in args.skip:
            rows += bad_fields(work)
        if "install" not in args.skip:
            rows.append(broken_install(work))
        if "web" not in args.skip or "schemathesis" not in args.skip:
            db = demo_store(work)
            if "web" not in args.skip:
                rows += [report_missing_story(db), csv_export(db), *web_checks(db)]
            if "schemathesis" not in args.skip:
                rows.append(schemathesis_run(db, args.schemathesis_examples))
        if "fuzz" not in args.skip:
            rows.append(fuzz_pages(args.fuzz))
        if "kills" not in args.skip:
            rows += sigkills(work, args.data, args.kills)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    table = [["case", "target", "measured", "verdict"]] + [
        [r.case, r.target, r.measured, "pass" if r.ok else "FAIL"] for r in rows
    ]
    widths = [max(len(row[i]) for row in table) for i in range(4)]
    print("Hostile use: every hardening target (benchmarks/hostile.py)")
    for i, row in enumerate(table):
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
        if i == 0:
            print("  ".join("-" * w for w in widths))
    passed = sum(r.ok for r in rows)
    print(f"{passed} of {len(rows)} targets met")
    if passed < len(rows):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
