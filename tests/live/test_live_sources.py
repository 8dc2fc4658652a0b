"""Sources files: TOML and YAML, defaults, alerts and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.live import SourcesError, load_sources


def test_toml_with_defaults_and_alerts(tmp_path: Path) -> None:
    path = tmp_path / "sources.toml"
    path.write_text(
        '[defaults]\ninterval = 60\ndelay = 2\n\n[[source]]\nurl = "https://example.org/feed.xml"\nname = "Beispiel"\n'
        'country = "DE"\nlanguage = "de"\n\n[[source]]\nurl = "https://example.org/sitemap.xml"\ninterval = 600\n'
        'kind = "sitemap"\n\n[[alert]]\ndyad = ["RUS", "UKR"]\n\n[[alert]]\nname = "S"\nsearch = "Sanktionen"\n'
    )
    config = load_sources(path)
    assert [(s.interval, s.delay, s.kind) for s in config.sources] == [
        (60.0, 2.0, "auto"),
        (600.0, 2.0, "sitemap"),
    ]
    assert config.sources[0].language == "de" and config.sources[0].name == "Beispiel"
    assert [(a.name, a.dyad, a.search) for a in config.alerts] == [
        ("RUS~UKR", ("RUS", "UKR"), None),
        ("S", None, "Sanktionen"),
    ]


def test_yaml(tmp_path: Path) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text(
        "sources:\n  - url: http://127.0.0.1:8080/feed.xml\n    name: Lokal\n    language: en\nalerts:\n  - actor: RUS\n"
    )
    config = load_sources(path)
    assert config.sources[0].url.endswith("/feed.xml") and config.alerts[0].actor == "RUS"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[source]]\nurl = "ftp://x/feed"\n', "'url' must be an http(s) URL"),
        ('[[source]]\nurl = "https://x/feed"\ncountry = "Atlantis"\n', "unknown country"),
        ('[[source]]\nurl = "https://x/feed"\ninterval = 0\n', "'interval' must be a number >= 1"),
        (
            '[[source]]\nurl = "https://x/feed"\nlanguage = "<b>de</b>"\n',
            "'language' must be an ISO 639 code",
        ),
        ('[[source]]\nurl = "https://x/feed"\ncolour = "red"\n', "unknown key(s) colour"),
        ('[[source]]\nurl = "https://x/feed"\n[[alert]]\nactor = "A"\nsearch = "b"\n', "exactly one of"),
        ("[defaults]\ninterval = 5\n", "no sources"),
        ("[[source]\n", "not valid TOML"),
    ],
)
def test_errors_say_what_and_where(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "sources.toml"
    path.write_text(text)
    with pytest.raises(SourcesError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_sources(path)
