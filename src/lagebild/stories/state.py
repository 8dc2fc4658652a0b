"""Persisted clustering state in the store (tables created by the store's schema, version 2).

``story_clusters`` keeps each story's centroid, actors, event keys and day range; ``story_articles`` keeps each
assigned article's story, the article it copies (near-duplicates) and its MinHash signature; ``story_df`` keeps the
document frequencies of the hashed feature space. Loading only the stories active within the time window of the new
articles keeps an update independent of the size of the archive.
"""

from __future__ import annotations

import json
import zlib
from collections import Counter

import numpy as np
import pyarrow as pa

from lagebild.store import Store, queries
from lagebild.stories.cluster import StoryClusterer, StoryState
from lagebild.stories.text import FEATURES, MINHASH_DTYPE, DocumentFrequencies, minhash_from_bytes


def load_clusterer(clusterer: StoryClusterer, store: Store, since_day: int | None) -> None:
    """Fill ``clusterer`` with the document frequencies and the stories still joinable from ``since_day`` on."""
    row = queries.story_frequencies(store.con)
    if row:
        df = np.frombuffer(zlib.decompress(row[1]), dtype=np.int32).copy()
        if len(df) == FEATURES:
            clusterer.df = DocumentFrequencies(df, int(row[0]))
    reach = max(clusterer.params.window_days, clusterer.params.revive_days)
    horizon = -(10**9) if since_day is None else since_day - reach
    stories = queries.active_story_clusters(store.con, horizon)
    for sid, seq, first, last, n, centroid, actors, events in stories:
        clusterer.add_story(
            StoryState(
                id=sid,
                seq=seq,
                first_day=first,
                last_day=last,
                n=n,
                centroid={int(k): w for k, w in json.loads(centroid)},
                actors=Counter(json.loads(actors)),
                events=set(json.loads(events)),
            )
        )
    # only articles that a new one can still copy (within ``duplicate_days``) are needed for duplicate detection
    copy_horizon = -(10**9) if since_day is None else since_day - clusterer.params.duplicate_days
    rows = queries.story_signatures(store.con, horizon, copy_horizon)
    for article_id, story_id, canonical, blob, day in rows:
        signature = None
        if blob is not None:
            signature = minhash_from_bytes(blob)
        clusterer.add_signature(article_id, story_id, canonical, signature, day)


def save_clusterer(
    clusterer: StoryClusterer,
    store: Store,
    touched: set[str],
    articles: list[tuple[str, str, str | None, int | None]],
) -> None:
    """Write the touched stories, the newly assigned articles (id, story, copy_of, day) and the frequencies."""
    stories = [clusterer.stories[s] for s in sorted(touched) if s in clusterer.stories]
    if stories:
        table = pa.table(
            {
                "story_id": [s.id for s in stories],
                "seq": pa.array([s.seq for s in stories], pa.int64()),
                "first_day": pa.array([s.first_day for s in stories], pa.int32()),
                "last_day": pa.array([s.last_day for s in stories], pa.int32()),
                "n": pa.array([s.n for s in stories], pa.int32()),
                "centroid": [json.dumps([[k, round(w, 6)] for k, w in s.centroid.items()]) for s in stories],
                "actors": [json.dumps(dict(s.actors), sort_keys=True) for s in stories],
                "events": [json.dumps(sorted(s.events)) for s in stories],
            }
        )
        store.upsert_story_rows("story_clusters", table)
    if articles:
        signatures = [clusterer.signatures.get(a[0]) for a in articles]
        table = pa.table(
            {
                "article_id": [a[0] for a in articles],
                "story_id": [a[1] for a in articles],
                "copy_of": [a[2] for a in articles],
                "day": pa.array([a[3] for a in articles], pa.int32()),
                "signature": pa.array(
                    [None if s is None else s.hashvalues.astype(MINHASH_DTYPE).tobytes() for s in signatures],
                    pa.binary(),
                ),
            }
        )
        store.upsert_story_rows("story_articles", table)
    blob = zlib.compress(clusterer.df.df.astype(np.int32).tobytes(), 1)
    store.save_story_frequencies(clusterer.df.docs, blob)
