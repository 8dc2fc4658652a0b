"""Clean: article vs boilerplate for scraped text and HTML; title, dateline, publication date, captions."""

from lagebild.clean.profiles import SourceProfiles, line_key
from lagebild.clean.stage import (
    CleanStage,
    NoArticleText,
    clean_article,
    lines_for_profile,
    parse_dateline,
    source_key,
)

__all__ = [
    "CleanStage",
    "NoArticleText",
    "SourceProfiles",
    "clean_article",
    "line_key",
    "lines_for_profile",
    "parse_dateline",
    "source_key",
]
