"""Streaming story clustering: each article joins the most similar active story or starts a new one.

The similarity follows Miranda et al. (2018, "Multilingual Clustering of Streaming News"): TF-IDF cosine between the
article and the story centroid, with a penalty for the time gap. Stemmed tokens and resolved actor ids share one
hashed space, so a shared actor counts like a shared word, by its IDF. There is no separate bonus for shared actors or
events: added to the cosine, it joined unrelated reports that name a common actor (the federal government, a city,
the agency credit) or a generic event type (on the tune half of the news gold in ``benchmarks/stories.py`` pairwise
precision fell from .82 without the bonuses to .09 with them). Near-duplicates (MinHash/LSH over word 5-grams) join
the story of the article they copy and are recorded as copies, so a wire story on ten portals counts as one report.
An article joins the best story when its score reaches ``threshold``; there is no lower bar for a story without a
rival candidate, since in real news the only candidate is often an unrelated report that shares one word.

A story quiet for longer than ``window_days`` is dormant, not closed: up to ``revive_days`` it can still be joined,
but only by an article scoring at least ``revive_threshold`` against it (a story that returns after weeks, such as
a deployment reported again when its first months are reviewed or a takeover that resurfaces at the next ruling,
is picked up again; loosely related later news is not).

Candidates come from an inverted index over the centroids' heaviest features that holds each feature's weight in
the unit-length centroid, so the article's heaviest terms accumulate a partial cosine per story and only the best
``max_candidates`` stories within ``revive_days`` are scored in full. Stories beyond that range leave the index.
Cost per article is therefore bounded by the number of recent stories sharing a heavy term, and the whole stream is
clustered in near-linear time. The result is deterministic for the same input order.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from datasketch import MinHash, MinHashLSH

from lagebild.model import Article
from lagebild.stories.text import NUM_PERM, DocumentFrequencies, article_terms, cosine, minhash, norm


@dataclass
class ClusterParams:
    """Tunable weights and limits of the story clusterer."""

    threshold: float = 0.16
    window_days: int = 30
    time_penalty: float = 0.3
    """Fraction of the score lost at a gap of ``window_days`` (linear in the gap)."""
    duplicate_threshold: float = 0.7
    duplicate_days: int = 10
    """Largest gap in days between an article and an earlier one it can be a copy of."""
    query_terms: int = 10
    max_candidates: int = 6
    centroid_terms: int = 150
    vector_terms: int = 60
    """Terms kept per article vector (highest TF-IDF weight)."""
    revive_days: int = 120
    """Stories quiet for longer than ``window_days`` stay joinable up to this gap, but only at ``revive_threshold``.
    Checked on the tune half of the news gold: 30 (no revival) or 60 days split stories whose reports come months
    apart (pairwise F1 .870 and .867 against .891); 240 or 400 days change nothing there."""
    revive_threshold: float = 0.25
    """Score a dormant story (outside ``window_days``, within ``revive_days``) needs to be joined again."""


@dataclass
class StoryState:
    """What the clusterer keeps per story: centroid (sum of article vectors), actors, event keys and dates."""

    id: str
    seq: int
    first_day: int | None = None
    last_day: int | None = None
    n: int = 0
    centroid: dict[int, float] = field(default_factory=dict)
    actors: Counter[str] = field(default_factory=Counter)
    events: set[str] = field(default_factory=set)
    norm: float = 0.0

    def see_day(self, day: int | None) -> None:
        if day is None:
            return
        self.first_day = day if self.first_day is None else min(self.first_day, day)
        self.last_day = day if self.last_day is None else max(self.last_day, day)


@dataclass
class Assignment:
    article_id: str
    story_id: str
    new_story: bool
    copy_of: str | None = None
    score: float = 0.0


def day_number(value: str | None) -> int | None:
    """Proleptic ordinal of an ISO date (or date-time) string; ``None`` when absent or unparsable."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def article_actors(article: Article) -> set[str]:
    found = {e.actor for e in article.entities if e.actor}
    for ev in article.events:
        found.update(ev.source)
        found.update(ev.target)
    return found


def event_keys(article: Article) -> set[str]:
    """Date-free event signatures (type, sources, targets): shared ones tie articles about the same affair."""
    return {f"{ev.type}|{','.join(sorted(ev.source))}|{','.join(sorted(ev.target))}" for ev in article.events}


class StoryClusterer:
    """Incremental single-pass clusterer; state can be loaded from and saved to the store (see ``state``)."""

    def __init__(self, params: ClusterParams | None = None, df: DocumentFrequencies | None = None) -> None:
        self.params = params or ClusterParams()
        self.df = df or DocumentFrequencies()
        self.stories: dict[str, StoryState] = {}
        self.index: dict[int, dict[str, float]] = {}
        """Feature -> {story id: the feature's weight in the story's unit-length centroid}."""
        # candidates at a lower threshold (more bands: higher recall), confirmed by the estimated Jaccard
        self.lsh = MinHashLSH(threshold=max(0.3, self.params.duplicate_threshold - 0.2), num_perm=NUM_PERM)
        self.signatures: dict[str, MinHash] = {}
        self.signature_days: dict[str, int | None] = {}
        self.article_story: dict[str, str] = {}
        self.canonical: dict[str, str] = {}
        self.latest_day: int | None = None
        self._next_seq = 0
        self._since_purge = 0

    # -- state ---------------------------------------------------------------------------------------------
    def add_story(self, story: StoryState) -> None:
        story.norm = norm(story.centroid)
        self.stories[story.id] = story
        self._next_seq = max(self._next_seq, story.seq + 1)
        self._post(story)
        if story.last_day is not None and (self.latest_day is None or story.last_day > self.latest_day):
            self.latest_day = story.last_day

    def add_signature(
        self,
        article_id: str,
        story_id: str,
        canonical: str,
        signature: MinHash | None,
        day: int | None = None,
    ) -> None:
        self.article_story[article_id] = story_id
        self.canonical[article_id] = canonical
        if signature is not None and article_id not in self.signatures:
            self.signatures[article_id] = signature
            self.signature_days[article_id] = day
            self.lsh.insert(article_id, signature)

    # -- assignment ----------------------------------------------------------------------------------------
    def assign(self, article: Article) -> Assignment:
        """Place one article: as a copy of an earlier one, into the best active story, or into a new story."""
        day = day_number(article.published)
        if day is not None and (self.latest_day is None or day > self.latest_day):
            self.latest_day = day
        signature = minhash(article.text or "")
        copy = self._duplicate_of(article.id, signature, day)
        if copy is not None:
            story_id = self.article_story[copy]
            story = self.stories.get(story_id)
            if story is not None:
                story.n += 1
                story.see_day(day)
            canonical = self.canonical.get(copy, copy)
            self.add_signature(article.id, story_id, canonical, signature, day)
            return Assignment(article.id, story_id, False, copy_of=canonical, score=1.0)
        counts = article_terms(article)
        self.df.add(list(counts))
        vector = self.df.vector(counts, self.params.vector_terms)
        actors = article_actors(article)
        events = event_keys(article)
        best, best_score = self._best_story(vector, day)
        if best is None or best_score < self.params.threshold:
            story = StoryState(id=f"story-{article.id}", seq=self._next_seq)
            self._next_seq += 1
            self.stories[story.id] = story
            new = True
        else:
            story = self.stories[best]
            new = False
        self._absorb(story, vector, actors, events, day)
        self.add_signature(article.id, story.id, article.id, signature, day)
        self._maybe_purge()
        return Assignment(article.id, story.id, new, score=0.0 if new else best_score)

    def score(self, story: StoryState, vector: dict[int, float], day: int | None) -> float:
        """Cosine of the article to the story centroid, lowered with the gap to the story's days."""
        p = self.params
        value = cosine(vector, story.centroid, 1.0, story.norm or None)
        if day is not None and story.last_day is not None and story.first_day is not None:
            gap = max(story.first_day - day, day - story.last_day, 0)
            value *= 1.0 - p.time_penalty * min(gap, p.window_days) / p.window_days
        return value

    def _best_story(self, vector: dict[int, float], day: int | None) -> tuple[str | None, float]:
        """The story to join (or the best candidate when none qualifies) and its score.

        Active stories (within ``window_days``) compete as usual; a dormant one (within ``revive_days``) wins
        only when its score reaches ``revive_threshold`` and beats the best active story.
        """
        p = self.params
        query = sorted(vector.items(), key=lambda kv: (-kv[1], kv[0]))[: p.query_terms]
        # rank candidates by their partial cosine over the query terms (term-at-a-time accumulation)
        partial: dict[str, float] = {}
        get = partial.get
        for key, weight in query:
            for story_id, share in self.index.get(key, {}).items():
                partial[story_id] = get(story_id, 0.0) + weight * share
        scored = []
        for story_id, _ in sorted(partial.items(), key=lambda kv: (-kv[1], kv[0])):
            story = self.stories[story_id]
            if not self._within(story, day, p.revive_days):
                continue
            if len(scored) == p.max_candidates:
                break
            value = self.score(story, vector, day)
            if not self._within(story, day, p.window_days) and value < p.revive_threshold:
                value = 0.0  # a dormant story only counts once it is similar enough to be revived
            scored.append((-value, story.seq, story_id))
        if not scored:
            return None, 0.0
        best_score, _, best = min(scored)
        return best, max(-best_score, 0.0)

    def _active(self, story: StoryState, day: int | None) -> bool:
        return self._within(story, day, self.params.window_days)

    @staticmethod
    def _within(story: StoryState, day: int | None, days: int) -> bool:
        """Whether ``day`` lies within ``days`` of the story's day range (always for undated ones)."""
        if day is None or story.last_day is None or story.first_day is None:
            return True
        return story.last_day >= day - days and story.first_day <= day + days

    def _absorb(
        self, story: StoryState, vector: dict[int, float], actors: set[str], events: set[str], day: int | None
    ) -> None:
        for key, weight in vector.items():
            story.centroid[key] = story.centroid.get(key, 0.0) + weight
        story.actors.update(actors)
        story.events.update(events)
        story.n += 1
        story.see_day(day)
        limit = self.params.centroid_terms
        if len(story.centroid) > limit:
            kept = sorted(story.centroid.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
            dropped = story.centroid.keys() - {k for k, _ in kept}
            for key in dropped:
                postings = self.index.get(key)
                if postings is not None:
                    postings.pop(story.id, None)
            story.centroid = dict(kept)
        story.norm = norm(story.centroid)
        self._post(story)

    def _post(self, story: StoryState) -> None:
        """Enter (or refresh) the story's centroid weights, scaled to unit length, in the inverted index."""
        scale = 1.0 / (story.norm or 1.0)
        index = self.index
        for key, weight in story.centroid.items():
            postings = index.get(key)
            if postings is None:
                index[key] = postings = {}
            postings[story.id] = weight * scale

    def _duplicate_of(self, article_id: str, signature: MinHash | None, day: int | None) -> str | None:
        if signature is None:
            return None
        candidates = [
            c
            for c in self.lsh.query(signature)
            if c != article_id and c in self.article_story and self._within_copy_gap(c, day)
        ]
        best, best_sim = None, self.params.duplicate_threshold
        for cand in sorted(candidates):
            sim = signature.jaccard(self.signatures[cand])
            if sim > best_sim or (sim == best_sim and best is None):
                best, best_sim = cand, sim
        return best

    def _within_copy_gap(self, candidate: str, day: int | None) -> bool:
        other = self.signature_days.get(candidate)
        return day is None or other is None or abs(day - other) <= self.params.duplicate_days

    def _maybe_purge(self) -> None:
        """Drop stories (and their signatures) that left the time window, so the index stays bounded."""
        self._since_purge += 1
        if self._since_purge < 2000 or self.latest_day is None:
            return
        self._since_purge = 0
        horizon = self.latest_day - max(2 * self.params.window_days, self.params.revive_days)
        stale = [s.id for s in self.stories.values() if s.last_day is not None and s.last_day < horizon]
        if not stale:
            return
        gone = set(stale)
        for key in [k for s in stale for k in self.stories[s].centroid]:
            postings = self.index.get(key)
            if postings is not None:
                for story_id in gone & postings.keys():
                    del postings[story_id]
                if not postings:
                    del self.index[key]
        for story_id in stale:
            del self.stories[story_id]
        for article_id in [a for a, s in self.article_story.items() if s in gone]:
            del self.article_story[article_id]
            self.canonical.pop(article_id, None)
            self.signature_days.pop(article_id, None)
            if self.signatures.pop(article_id, None) is not None:
                self.lsh.remove(article_id)
