"""Exit statuses, --version, help texts and the start-up check of the command line."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from typer.testing import CliRunner

from lagebild import __version__
from lagebild.cli import EXIT_DEPENDENCY, EXIT_FAILED, EXIT_STORE, EXIT_USAGE, app

runner = CliRunner()


def test_version_and_help_texts():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output
    for command in ([], ["process"], ["report"], ["export"], ["serve"]):
        text = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "200"}).output
        assert "<bool>" not in text and "{" not in text, text
    assert "INPUT..." in runner.invoke(app, ["process", "--help"], env={"COLUMNS": "200"}).output


def test_exit_statuses(tmp_path, wire_story):
    (tmp_path / "a.txt").write_text(wire_story, encoding="utf-8")
    db = tmp_path / "x.duckdb"
    assert runner.invoke(app, ["process", str(tmp_path / "a.txt"), "--db", str(db), "--quiet"]).exit_code == 0
    result = runner.invoke(app, ["report", "--db", str(db), "--story", "nope"])
    assert result.exit_code == EXIT_FAILED and "no story 'nope'" in result.output
    assert runner.invoke(app, ["report", "--db", str(tmp_path / "none.duckdb")]).exit_code == EXIT_STORE
    assert runner.invoke(app, ["process", "--db", str(db), "--bogus"]).exit_code == EXIT_USAGE
    (tmp_path / "b.jsonl").write_text(
        '{"text": "Der Landtag tagte.", "published": "<script>"}\n', encoding="utf-8"
    )
    result = runner.invoke(app, ["process", str(tmp_path / "b.jsonl"), "--db", str(db), "--quiet"])
    assert result.exit_code == EXIT_FAILED
    assert "'published' is not a date" in result.output
    header = next(line for line in result.output.splitlines() if "path" in line)
    assert "stage" in header and "reason" in header  # the failures table has column headers


def test_a_broken_install_fails_fast_with_the_reason(tmp_path):
    broken = tmp_path / "site"
    broken.mkdir()
    (broken / "lxml_html_clean.py").write_text(
        "raise ImportError('html-clean is missing')\n", encoding="utf-8"
    )
    (tmp_path / "a.txt").write_text("Der Landtag tagte am Dienstag.", encoding="utf-8")
    src = os.path.join(os.path.dirname(__file__), "..", "..", "src")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(broken), src])}
    started = time.monotonic()
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "lagebild.cli",
            "process",
            str(tmp_path / "a.txt"),
            "--db",
            str(tmp_path / "x.db"),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert run.returncode == EXIT_DEPENDENCY, run.stderr[-2000:]
    assert "lxml_html_clean" in run.stderr and "html-clean is missing" in run.stderr
    assert not (tmp_path / "x.db").exists()  # nothing was started
    assert time.monotonic() - started < 60
