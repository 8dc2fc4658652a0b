"""Every optional field of an input record is validated; a bad one fails the record with the reason."""

from __future__ import annotations

import json

import pytest

from lagebild.ingest import IngestFailure, read_paths
from lagebild.ingest.fields import InvalidField, validated
from lagebild.model import Article


def test_good_fields_are_kept_or_normalised():
    fields = validated(
        {
            "published": "30. Dezember 2021",
            "fetched": "2021-12-30T10:00:00Z",
            "language": "en-GB",
            "url": "https://example.org/a?b=1",
            "source": "RIA Nowosti",
            "country": "Austria",
        }
    )
    assert fields["published"] == "2021-12-30" and fields["fetched"] == "2021-12-30T10:00:00Z"
    assert fields["language"] == "en" and fields["url"] == "https://example.org/a?b=1"
    assert validated({"published": "  ", "language": None}) == {name: None for name in fields}


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ({"published": "<script>alert(1)</script>"}, "'published' is not a date"),
        ({"published": 20211230}, "'published' must be a string"),
        ({"language": "<b>de</b>"}, "'language' is not an ISO 639-1 language code"),
        ({"language": "xx"}, "'language' is not an ISO 639-1 language code"),
        ({"url": "javascript:alert(1)"}, "'url' is not an absolute http(s) URL"),
        ({"url": "https://example.org/\u202egnp.exe"}, "'url' contains control or formatting characters"),
        ({"source": "x" * 500}, "'source' is longer than 200 characters"),
        ({"country": "Atlantis"}, "'country' is no known country"),
    ],
)
def test_bad_fields_are_errors_with_a_reason(record, reason):
    with pytest.raises(InvalidField, match=reason.replace("(", r"\(").replace(")", r"\)")):
        validated(record)


def test_a_record_with_a_bad_field_is_a_failure_the_others_pass(tmp_path):
    path = tmp_path / "in.jsonl"
    records = [{"text": "Der Landtag tagte.", "published": "gestern"}, {"text": "Der Landtag tagte wieder."}]
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    items = list(read_paths([str(path)]))
    assert isinstance(items[0], IngestFailure) and "'published' is not a date" in items[0].reason
    assert isinstance(items[1], Article)
