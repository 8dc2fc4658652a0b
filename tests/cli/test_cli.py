import json

from typer.testing import CliRunner

from lagebild.cli import app

runner = CliRunner()


def make_corpus(folder, wire_story):
    folder.mkdir()
    (folder / "a.txt").write_text(wire_story, encoding="utf-8")
    (folder / "b.jsonl").write_text(
        json.dumps(
            {
                "text": wire_story.replace("Dienstag", "Mittwoch"),
                "url": "https://www.example.org/2021/12/08/x",
                "published": "2021-12-08",
            }
        )
        + "\n"
        + "{broken\n",
        encoding="utf-8",
    )
    (folder / "LICENSE.md").write_text("not an input", encoding="utf-8")


def test_process_report_export_end_to_end(tmp_path, wire_story):
    make_corpus(tmp_path / "in", wire_story)
    db, out = tmp_path / "db" / "x.duckdb", tmp_path / "out"
    result = runner.invoke(
        app,
        ["process", str(tmp_path / "in"), "--db", str(db), "--out", str(out), "--workers", "1", "--quiet"],
    )
    assert result.exit_code == 1, result.output  # the broken JSONL line is a reported failure
    assert "invalid JSON line" in result.output
    lines = (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    articles = [json.loads(line) for line in lines]
    assert {a["source"]["name"] for a in articles} == {None, "example.org"}
    assert all("Putin" in a["text"] for a in articles)
    assert (out / "actors.jsonl").exists() and (out / "stories.jsonl").exists()

    again = runner.invoke(
        app, ["process", str(tmp_path / "in"), "--db", str(db), "--workers", "1", "--quiet"]
    )
    assert "already stored" in again.output
    assert (out / "articles.jsonl").read_text(encoding="utf-8").count("\n") == 2

    report = runner.invoke(app, ["report", "--db", str(db)])
    assert report.exit_code == 0, report.output
    assert "situation report" in report.output and "2 articles" in report.output

    exported = runner.invoke(
        app, ["export", "--db", str(db), "--format", "parquet", "--out", str(tmp_path / "pq")]
    )
    assert exported.exit_code == 0, exported.output
    assert (tmp_path / "pq" / "articles.parquet").exists()


def test_process_with_pool_matches_single_process(tmp_path, wire_story):
    make_corpus(tmp_path / "in", wire_story)
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}"
        runner.invoke(
            app,
            [
                "process",
                str(tmp_path / "in"),
                "--db",
                str(tmp_path / f"{workers}.duckdb"),
                "--out",
                str(out),
                "--workers",
                workers,
                "--quiet",
            ],
        )
        lines = (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()
        outputs.append([{k: v for k, v in json.loads(x).items() if k != "source"} for x in lines])
    assert outputs[0] == outputs[1] and len(outputs[0]) == 2


def test_bad_arguments_give_clear_errors(tmp_path):
    result = runner.invoke(app, ["report", "--db", str(tmp_path / "missing.duckdb")])
    assert result.exit_code == 3 and "no store" in result.output
    result = runner.invoke(
        app, ["export", "--out", str(tmp_path), "--format", "xml", "--db", str(tmp_path / "m")]
    )
    assert result.exit_code == 2 and "unknown format" in result.output
    assert runner.invoke(app, ["--help"]).exit_code == 0


def test_process_rejects_an_unknown_country(tmp_path):
    (tmp_path / "a.txt").write_text("Der Landtag tagte am Dienstag.", encoding="utf-8")
    result = runner.invoke(
        app, ["process", str(tmp_path / "a.txt"), "--db", str(tmp_path / "x.duckdb"), "--country", "Atlantis"]
    )
    assert result.exit_code == 2 and "unknown country" in result.output
