"""``lagebild watch``: a sources file in, pages stored, a summary out; bad sources files fail with the reason."""

from __future__ import annotations

from pathlib import Path

from live_helpers import LoopbackSite
from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.store import Store

runner = CliRunner()


def test_watch_once_from_a_yaml_sources_file(tmp_path: Path) -> None:
    with LoopbackSite() as site:
        site.publish(range(2))
        sources = tmp_path / "sources.yaml"
        sources.write_text(
            f"defaults:\n  delay: 0\nsources:\n  - url: {site.base}/feed.xml\n    name: Lokal\n    country: AT\n"
            "    language: de\n"
        )
        db = tmp_path / "w.duckdb"
        result = runner.invoke(app, ["watch", str(sources), "--db", str(db), "--once", "--workers", "1"])
        assert result.exit_code == 0, result.output
        assert "stored" in result.output and "pages fetched" in result.output
    with Store(db, read_only=True) as store:
        assert store.count_articles() == 2
        assert {a.source.country for a in store.iter_articles()} == {"AUT"}


def test_a_bad_sources_file_is_a_clear_error(tmp_path: Path) -> None:
    sources = tmp_path / "sources.toml"
    sources.write_text('[[source]]\nurl = "file:///etc/passwd"\n')
    result = runner.invoke(app, ["watch", str(sources), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 2 and "'url' must be an http(s) URL" in result.output
