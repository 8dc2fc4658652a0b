"""The DuckDB schema and its migrations. ``SCHEMA_VERSION`` is stored in ``meta``; each migration moves one step."""

from __future__ import annotations

SCHEMA_VERSION = 3

MIGRATIONS: dict[int, list[str]] = {
    1: [
        """CREATE TABLE IF NOT EXISTS articles (
            id VARCHAR PRIMARY KEY,
            seq BIGINT NOT NULL,
            source_name VARCHAR,
            domain VARCHAR,
            url VARCHAR,
            fetched VARCHAR,
            language VARCHAR,
            title VARCHAR,
            published VARCHAR,
            story VARCHAR,
            text VARCHAR,
            data JSON NOT NULL,
            run_id BIGINT,
            ingested_at TIMESTAMP DEFAULT current_timestamp
        )""",
        """CREATE TABLE IF NOT EXISTS entities (
            article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, start_pos INTEGER, end_pos INTEGER,
            text VARCHAR, label VARCHAR, actor VARCHAR
        )""",
        """CREATE TABLE IF NOT EXISTS timexes (
            article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, start_pos INTEGER, end_pos INTEGER,
            text VARCHAR, type VARCHAR, value VARCHAR
        )""",
        """CREATE TABLE IF NOT EXISTS quotes (
            article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, start_pos INTEGER, end_pos INTEGER,
            text VARCHAR, kind VARCHAR, cue VARCHAR, speaker_text VARCHAR, speaker_actor VARCHAR
        )""",
        """CREATE TABLE IF NOT EXISTS events (
            article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, type VARCHAR, mode VARCHAR, status VARCHAR,
            source VARCHAR[], target VARCHAR[], date VARCHAR, evidence_start INTEGER, evidence_end INTEGER,
            quote INTEGER, data JSON
        )""",
        """CREATE TABLE IF NOT EXISTS actors (
            id VARCHAR PRIMARY KEY, name VARCHAR, country VARCHAR, sector VARCHAR, kind VARCHAR, data JSON NOT NULL
        )""",
        """CREATE TABLE IF NOT EXISTS stories (
            id VARCHAR PRIMARY KEY, title VARCHAR, first VARCHAR, last VARCHAR, data JSON NOT NULL
        )""",
        """CREATE TABLE IF NOT EXISTS source_profiles (
            source VARCHAR NOT NULL, line_key VARCHAR NOT NULL, documents INTEGER NOT NULL,
            PRIMARY KEY (source, line_key)
        )""",
        """CREATE TABLE IF NOT EXISTS runs (
            id BIGINT PRIMARY KEY, started TIMESTAMP, finished TIMESTAMP, documents_in BIGINT,
            articles_out BIGINT, skipped BIGINT, failures BIGINT, seconds DOUBLE
        )""",
        """CREATE TABLE IF NOT EXISTS failures (
            run_id BIGINT, path VARCHAR, stage VARCHAR, reason VARCHAR, logged_at TIMESTAMP DEFAULT current_timestamp
        )""",
        "CREATE INDEX IF NOT EXISTS entities_article ON entities (article_id)",
        "CREATE INDEX IF NOT EXISTS timexes_article ON timexes (article_id)",
        "CREATE INDEX IF NOT EXISTS quotes_article ON quotes (article_id)",
        "CREATE INDEX IF NOT EXISTS events_article ON events (article_id)",
    ],
    2: [
        # Story clustering state (lagebild.stories.state): centroids, assignments with MinHash signatures, document
        # frequencies of the hashed feature space.
        """CREATE TABLE IF NOT EXISTS story_clusters (
            story_id VARCHAR PRIMARY KEY, seq BIGINT, first_day INTEGER, last_day INTEGER, n INTEGER,
            centroid JSON, actors JSON, events JSON
        )""",
        """CREATE TABLE IF NOT EXISTS story_articles (
            article_id VARCHAR PRIMARY KEY, story_id VARCHAR, copy_of VARCHAR, day INTEGER, signature BLOB
        )""",
        "CREATE TABLE IF NOT EXISTS story_df (id INTEGER PRIMARY KEY, docs BIGINT, df BLOB)",
    ],
    3: [
        # The watcher's memory (lagebild.live): every page URL it settled (stored, duplicate or refused for good),
        # and the validators of each feed or sitemap for conditional requests (with the child sitemaps of an index).
        """CREATE TABLE IF NOT EXISTS watched_pages (
            url VARCHAR PRIMARY KEY, source VARCHAR, status VARCHAR NOT NULL, content_hash VARCHAR,
            article_id VARCHAR, reason VARCHAR, fetched_at DOUBLE, settled_at TIMESTAMP DEFAULT current_timestamp
        )""",
        """CREATE TABLE IF NOT EXISTS watched_feeds (
            url VARCHAR PRIMARY KEY, etag VARCHAR, last_modified VARCHAR, children VARCHAR[], checked_at TIMESTAMP
        )""",
    ],
}
