"""The store's read model: every read query of the web pages, the REST API, the report and the story views.

Functions take a DuckDB connection (or a cursor of one) and return plain rows; every value travels as a bound
parameter and table names never come from input.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

import duckdb
import pyarrow as pa

from lagebild.model import Story

Con = duckdb.DuckDBPyConnection


@dataclass
class Filter:
    """A WHERE clause built from optional conditions with their parameters."""

    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    @property
    def sql(self) -> str:
        return " WHERE " + " AND ".join(self.clauses) if self.clauses else ""


def rows(con: Con, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    cur = con.execute(sql, params or [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def scalar(con: Con, sql: str, params: list[Any] | None = None) -> Any:
    found = con.execute(sql, params or []).fetchall()
    return found[0][0] if found else None


def outlets(con: Con) -> list[str]:
    return [
        r[0]
        for r in con.execute(
            "SELECT DISTINCT source_name FROM articles WHERE source_name IS NOT NULL ORDER BY 1"
        ).fetchall()
    ]


def actor_names(con: Con, ids: list[str] | set[str] | None = None) -> dict[str, str]:
    """Actor id -> display name (all actors when ``ids`` is None); a country or sector code without a stored
    record is named by :func:`lagebild.actors.codes.code_actor`."""
    from lagebild.actors.codes import code_actor  # noqa: PLC0415

    if ids is None:
        found = con.execute("SELECT id, name FROM actors").fetchall()
        wanted: list[str] = []
    else:
        wanted = sorted({i for i in ids if i})
        if not wanted:
            return {}
        found = con.execute("SELECT id, name FROM actors WHERE list_contains(?, id)", [wanted]).fetchall()
    names = {i: n or i for i, n in found}
    for actor_id in wanted:
        if actor_id not in names and (coded := code_actor(actor_id)) is not None:
            names[actor_id] = coded.name
    return names


def missing_actor_ids(con: Con) -> list[str]:
    """Ids that entities, quotes or events refer to but that have no record in ``actors``."""
    return [
        r[0]
        for r in con.execute(
            """SELECT DISTINCT ref FROM (
                   SELECT actor AS ref FROM entities UNION ALL SELECT speaker_actor FROM quotes
                   UNION ALL SELECT unnest(source) FROM events UNION ALL SELECT unnest(target) FROM events)
               WHERE ref IS NOT NULL AND ref NOT IN (SELECT id FROM actors) ORDER BY ref"""
        ).fetchall()
    ]


# -- articles --------------------------------------------------------------------------------------------------
ARTICLE_COLUMNS = "id, source_name AS source, domain, url, language, title, published, story"
_LEAD = "substr(text, 1, 1000) AS lead"
HEADLINE_CHARS = 140
LEAD_WORDS = 6


def headline(title: str | None, text: str | None, language: str | None = None) -> str | None:
    """The title, else the lead sentence of ``text`` (cut at a word before :data:`HEADLINE_CHARS`)."""
    from lagebild.language.sentences import split_sentences  # noqa: PLC0415 - only for untitled articles

    if title and title.strip():
        return " ".join(title.split())
    if not text or not text.strip():
        return None
    spans = split_sentences(text, language) or []
    while len(spans) > 1 and len(text[spans[0].start : spans[0].end].split()) < 3:
        spans = spans[1:]  # a dateline ("Bozen (dpa).") is no headline
    end = len(text)
    for span in spans:  # a short first sentence goes on with the next
        end = span.end
        if len(text[spans[0].start : end].split()) >= LEAD_WORDS:
            break
    lead = " ".join(text[spans[0].start if spans else 0 : end].split())
    if len(lead) <= HEADLINE_CHARS:
        return lead
    return lead[: HEADLINE_CHARS - 1].rsplit(" ", 1)[0] + " …"


def _with_headlines(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for row in found:
        row["headline"] = headline(row["title"], row.pop("lead", None), row.get("language"))
    return found


def article_filter(
    outlet: str | None = None,
    language: str | None = None,
    story: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    ids: list[str] | None = None,
) -> Filter:
    f = Filter()
    if outlet:
        f.add("source_name = ?", outlet)
    if language:
        f.add("language = ?", language)
    if story:
        f.add("story = ?", story)
    if date_from:
        f.add("substr(published, 1, 10) >= ?", date_from)
    if date_to:
        f.add("substr(published, 1, 10) <= ?", date_to)
    if ids is not None:
        f.add("list_contains(?, id)", ids)
    return f


def list_articles(con: Con, f: Filter, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
    total = int(scalar(con, f"SELECT count(*) FROM articles{f.sql}", f.params) or 0)
    items = rows(
        con,
        f"SELECT {ARTICLE_COLUMNS}, {_LEAD} FROM articles{f.sql} ORDER BY published DESC NULLS LAST, seq "
        "LIMIT ? OFFSET ?",
        [*f.params, limit, offset],
    )
    return _with_headlines(items), total


def article_json(con: Con, article_id: str) -> dict[str, Any] | None:
    data = scalar(con, "SELECT data FROM articles WHERE id = ?", [article_id])
    return json.loads(data) if data else None


def article_meta(con: Con, ids: list[str]) -> dict[str, dict[str, Any]]:
    if not ids:
        return {}
    found = rows(
        con, f"SELECT {ARTICLE_COLUMNS}, {_LEAD} FROM articles WHERE list_contains(?, id)", [sorted(set(ids))]
    )
    return {r["id"]: r for r in _with_headlines(found)}


def story_headlines(con: Con, stories: list[Story]) -> dict[str, str]:
    """Story id -> its title, else the headline of its first article (title or lead sentence)."""
    out = {s.id: s.title for s in stories if s.title}
    first = {s.id: s.articles[0] for s in stories if not s.title and s.articles}
    heads = article_meta(con, list(first.values()))
    for story_id, article_id in first.items():
        if article_id in heads and heads[article_id]["headline"]:
            out[story_id] = heads[article_id]["headline"]
    return out


def article_texts(con: Con, ids: list[str]) -> dict[str, tuple[str | None, str | None]]:
    """Article id -> (title, text) for ``ids``."""
    if not ids:
        return {}
    found = con.execute("SELECT id, title, text FROM articles WHERE list_contains(?, id)", [sorted(set(ids))])
    return {i: (title, text) for i, title, text in found.fetchall()}


# -- stories ---------------------------------------------------------------------------------------------------
def list_stories(
    con: Con,
    outlet: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    text: str | None = None,
    article_ids: set[str] | None = None,
) -> list[dict[str, Any]]:
    """Stories overlapping the date range, reported by ``outlet``, whose title contains ``text`` or that hold one
    of ``article_ids`` (the full-text hits); newest first."""
    f = Filter()
    if date_from:
        f.add("(last IS NULL OR substr(last, 1, 10) >= ?)", date_from)
    if date_to:
        f.add("(first IS NULL OR substr(first, 1, 10) <= ?)", date_to)
    chosen = []
    for r in rows(
        con,
        f"SELECT id, title, first, last, data FROM stories{f.sql} ORDER BY last DESC NULLS LAST, id",
        f.params,
    ):
        story = Story.from_dict(json.loads(r["data"]))
        if outlet and outlet not in story.sources:
            continue
        if text is not None or article_ids is not None:
            in_title = bool(text) and text.casefold() in (story.title or "").casefold()
            if not in_title and not (article_ids and article_ids.intersection(story.articles)):
                continue
        chosen.append(story)
    heads = story_headlines(con, chosen)
    out = []
    for story in chosen:
        out.append(
            {
                "id": story.id,
                "title": story.title,
                "headline": heads.get(story.id),
                "first": story.first,
                "last": story.last,
                "articles": len(story.articles),
                "sources": story.sources,
                "events": len(story.timeline),
            }
        )
    return out


def get_story(con: Con, story_id: str) -> Story | None:
    data = scalar(con, "SELECT data FROM stories WHERE id = ?", [story_id])
    return Story.from_dict(json.loads(data)) if data else None


def story_article_ids(con: Con, story: Story) -> list[str]:
    """The story's articles: its own list and any article the store assigns to it."""
    assigned = [r[0] for r in con.execute("SELECT id FROM articles WHERE story = ?", [story.id]).fetchall()]
    return list(dict.fromkeys([*story.articles, *assigned]))


def events_of_articles(con: Con, ids: list[str]) -> list[dict[str, Any]]:
    """Per-article events of ``ids`` with their evidence text and outlet."""
    if not ids:
        return []
    return rows(
        con,
        """SELECT e.article_id, e.idx, e.type, e.mode, e.status, e.source, e.target, e.date, e.quote,
                  a.source_name AS outlet, a.published,
                  CASE WHEN e.evidence_start IS NOT NULL AND e.evidence_end > e.evidence_start
                       THEN substr(a.text, e.evidence_start + 1, least(e.evidence_end - e.evidence_start, 600))
                  END AS evidence
           FROM events e JOIN articles a ON a.id = e.article_id
           WHERE list_contains(?, e.article_id) ORDER BY e.date NULLS LAST, e.article_id, e.idx""",
        [ids],
    )


def evidence_for(
    entry_event: dict[str, Any], reported_by: list[str], raw: list[dict[str, Any]]
) -> str | None:
    """Evidence text for a merged timeline event: the best matching per-article event of a reporting article."""
    best, best_score = None, -1
    for ev in raw:
        if ev["article_id"] not in reported_by or ev["type"] != entry_event.get("type") or not ev["evidence"]:
            continue
        score = (ev["date"] == entry_event.get("date")) + (
            list(ev["source"] or []) == entry_event.get("source")
        )
        score += list(ev["target"] or []) == entry_event.get("target")
        if score > best_score:
            best, best_score = ev["evidence"], score
    return best


def quotes_by_speaker(con: Con, ids: list[str]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Quotes of ``ids`` grouped by speaker (actor name, else speaker text), largest group first."""
    if not ids:
        return []
    found = rows(
        con,
        """SELECT q.article_id, q.idx, q.text, q.kind, q.cue, q.speaker_text, q.speaker_actor,
                  coalesce(ac.name, q.speaker_actor) AS actor_name, a.source_name AS outlet, a.published
           FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN actors ac ON ac.id = q.speaker_actor
           WHERE list_contains(?, q.article_id) ORDER BY a.published NULLS LAST, q.article_id, q.idx""",
        [ids],
    )
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for q in found:
        groups[q["actor_name"] or q["speaker_text"] or ""].append(q)
    return sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0] == "", kv[0]))


def top_dyads(events: list[dict[str, Any]], n: int = 6) -> list[tuple[str, str]]:
    """The most frequent unordered actor pairs in event dicts with ``source``/``target`` lists."""
    counts: Counter[tuple[str, str]] = Counter()
    for ev in events:
        for s in ev.get("source") or []:
            for t in ev.get("target") or []:
                if s and t and s != t:
                    counts[(min(s, t), max(s, t))] += 1
    return [pair for pair, _ in counts.most_common(n)]


# -- events, quotes, actors ------------------------------------------------------------------------------------
def event_filter(
    type: str | None = None,
    actor: str | None = None,
    source: str | None = None,
    target: str | None = None,
    article: str | None = None,
    story: str | None = None,
    status: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> Filter:
    f = Filter()
    if type:
        f.add("e.type = ?", type)
    if actor:
        f.add("(list_contains(e.source, ?) OR list_contains(e.target, ?))", actor, actor)
    if source:
        f.add("list_contains(e.source, ?)", source)
    if target:
        f.add("list_contains(e.target, ?)", target)
    if article:
        f.add("e.article_id = ?", article)
    if story:
        f.add("a.story = ?", story)
    if status:
        f.add("e.status = ?", status)
    if date_from:
        f.add("substr(e.date, 1, 10) >= ?", date_from)
    if date_to:
        f.add("substr(e.date, 1, 10) <= ?", date_to)
    return f


def list_events(con: Con, f: Filter, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
    base = f"FROM events e JOIN articles a ON a.id = e.article_id{f.sql}"
    total = int(scalar(con, f"SELECT count(*) {base}", f.params) or 0)
    items = rows(
        con,
        f"""SELECT e.article_id, e.idx, e.type, e.mode, e.status, e.source, e.target, e.date,
                   e.evidence_start, e.evidence_end, e.quote, a.source_name AS outlet, a.story
            {base} ORDER BY e.date NULLS LAST, e.article_id, e.idx LIMIT ? OFFSET ?""",
        [*f.params, limit, offset],
    )
    return items, total


def list_quotes(
    con: Con,
    speaker: str | None,
    article: str | None,
    story: str | None,
    kind: str | None,
    limit: int,
    offset: int,
) -> tuple[list[dict[str, Any]], int]:
    f = Filter()
    if speaker:
        f.add("q.speaker_actor = ?", speaker)
    if article:
        f.add("q.article_id = ?", article)
    if story:
        f.add("a.story = ?", story)
    if kind:
        f.add("q.kind = ?", kind)
    base = f"FROM quotes q JOIN articles a ON a.id = q.article_id{f.sql}"
    total = int(scalar(con, f"SELECT count(*) {base}", f.params) or 0)
    items = rows(
        con,
        f"""SELECT q.article_id, q.idx, q.start_pos AS start, q.end_pos AS "end", q.text, q.kind, q.cue,
                   q.speaker_text, q.speaker_actor, a.source_name AS outlet, a.published
            {base} ORDER BY a.published NULLS LAST, q.article_id, q.idx LIMIT ? OFFSET ?""",
        [*f.params, limit, offset],
    )
    return items, total


def list_actors(
    con: Con, q: str | None, country: str | None, sector: str | None, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    f = Filter()
    if q:
        f.add("(ac.name ILIKE ? ESCAPE '\\' OR ac.id ILIKE ? ESCAPE '\\')", f"%{_like(q)}%", f"%{_like(q)}%")
    if country:
        f.add("ac.country = ?", country)
    if sector:
        f.add("ac.sector = ?", sector)
    total = int(scalar(con, f"SELECT count(*) FROM actors ac{f.sql}", f.params) or 0)
    items = rows(
        con,
        f"""WITH n AS (SELECT actor, count(*) AS events
                       FROM (SELECT unnest(list_concat(source, target)) AS actor FROM events) GROUP BY actor)
            SELECT ac.id, ac.name, ac.country, ac.sector, ac.kind, coalesce(n.events, 0) AS events
            FROM actors ac LEFT JOIN n ON n.actor = ac.id{f.sql} ORDER BY events DESC, ac.name LIMIT ? OFFSET ?""",
        [*f.params, limit, offset],
    )
    return items, total


def get_actor(con: Con, actor_id: str) -> dict[str, Any] | None:
    """The stored record of an actor, else the record of a country or sector code."""
    from lagebild.actors.codes import code_actor  # noqa: PLC0415

    data = scalar(con, "SELECT data FROM actors WHERE id = ?", [actor_id])
    if data:
        return json.loads(data)
    coded = code_actor(actor_id)
    return coded.to_dict() if coded else None


def actor_events(con: Con, actor_id: str, limit: int = 500) -> list[dict[str, Any]]:
    """Events with ``actor_id`` as source or target, oldest first, with role and outlet."""
    return rows(
        con,
        """SELECT e.article_id, e.idx, e.type, e.status, e.source, e.target, e.date,
                  a.source_name AS outlet, a.title, a.story,
                  CASE WHEN list_contains(e.source, ?) THEN 'source' ELSE 'target' END AS role
           FROM events e JOIN articles a ON a.id = e.article_id
           WHERE list_contains(e.source, ?) OR list_contains(e.target, ?)
           ORDER BY e.date NULLS LAST, e.article_id, e.idx LIMIT ?""",
        [actor_id, actor_id, actor_id, limit],
    )


def _like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# -- outlets ---------------------------------------------------------------------------------------------------
def outlet_comparison(con: Con, conflict_types: frozenset[str] | set[str]) -> list[dict[str, Any]]:
    """One row per outlet: articles, stories, events, quotes, actors, most frequent event type, and the share of
    its events whose type is one of ``conflict_types``."""
    table = rows(
        con,
        """SELECT a.source_name AS outlet, count(*) AS articles, count(DISTINCT a.story) AS stories,
                  min(substr(a.published, 1, 10)) AS first, max(substr(a.published, 1, 10)) AS last,
                  round(avg(length(a.text))) AS avg_length,
                  coalesce(sum(ev.n), 0) AS events, coalesce(sum(qu.n), 0) AS quotes
           FROM articles a
           LEFT JOIN (SELECT article_id, count(*) AS n FROM events GROUP BY 1) ev ON ev.article_id = a.id
           LEFT JOIN (SELECT article_id, count(*) AS n FROM quotes GROUP BY 1) qu ON qu.article_id = a.id
           GROUP BY 1 ORDER BY articles DESC, outlet NULLS LAST""",
    )
    types = rows(
        con,
        """SELECT a.source_name AS outlet, e.type, count(*) AS n FROM events e JOIN articles a ON a.id = e.article_id
           GROUP BY 1, 2""",
    )
    actors = rows(
        con,
        """SELECT a.source_name AS outlet, count(DISTINCT x.actor) AS n
           FROM (SELECT article_id, unnest(list_concat(source, target)) AS actor FROM events) x
           JOIN articles a ON a.id = x.article_id GROUP BY 1""",
    )
    by_type: dict[Any, Counter[str]] = defaultdict(Counter)
    for r in types:
        by_type[r["outlet"]][r["type"]] += int(r["n"])
    n_actors = {r["outlet"]: int(r["n"]) for r in actors}
    for r in table:
        counts = by_type.get(r["outlet"], Counter())
        total = sum(counts.values())
        r["actors"] = n_actors.get(r["outlet"], 0)
        r["top_type"] = counts.most_common(1)[0][0] if counts else None
        r["conflict_share"] = (
            round(sum(n for t, n in counts.items() if t in conflict_types) / total, 3) if total else None
        )
        r["events_per_article"] = round(int(r["events"]) / int(r["articles"]), 2) if r["articles"] else 0
        r["avg_length"] = int(r["avg_length"] or 0)
        r["events"], r["quotes"] = int(r["events"]), int(r["quotes"])
    return table


# -- report ----------------------------------------------------------------------------------------------------
def overview(con: Con) -> dict[str, Any]:
    """Counts of articles, outlets, entity mentions, quotes and events, and the span of publication dates."""
    articles, outlets_, first, last = con.execute(
        "SELECT count(*), count(DISTINCT source_name), min(published), max(published) FROM articles"
    ).fetchall()[0]
    counts = {t: int(scalar(con, f"SELECT count(*) FROM {t}") or 0) for t in ("events", "quotes", "entities")}
    return {"articles": int(articles), "outlets": int(outlets_), "first": first, "last": last, **counts}


def top_actors(con: Con, limit: int) -> list[tuple[str, int]]:
    """Actors by mentions (entities resolved to them plus event roles)."""
    return [
        (actor, int(n))
        for actor, n in con.execute(
            """SELECT actor, count(*) AS n FROM (
                   SELECT actor FROM entities WHERE actor IS NOT NULL
                   UNION ALL SELECT unnest(source) FROM events UNION ALL SELECT unnest(target) FROM events)
               GROUP BY actor ORDER BY n DESC, actor LIMIT ?""",
            [limit],
        ).fetchall()
    ]


def latest_events_with_actors(con: Con, limit: int, evidence_chars: int = 110) -> list[tuple[Any, ...]]:
    """(date, type, status, source, target, outlet, evidence) of the latest events naming an actor."""
    return con.execute(
        """SELECT e.date, e.type, e.status, e.source, e.target, a.source_name,
                  substr(a.text, e.evidence_start + 1, least(e.evidence_end - e.evidence_start, ?))
           FROM events e JOIN articles a ON a.id = e.article_id
           WHERE len(e.source) + len(e.target) > 0
           ORDER BY e.date DESC NULLS LAST, a.seq, e.idx LIMIT ?""",
        [evidence_chars, limit],
    ).fetchall()


def attributed_quotes(con: Con, limit: int) -> list[tuple[Any, ...]]:
    """(speaker actor or text, kind, text) of quotes with a speaker, in article order."""
    return con.execute(
        """SELECT coalesce(speaker_actor, speaker_text) AS who, kind, text FROM quotes
           WHERE speaker_text IS NOT NULL ORDER BY article_id, idx LIMIT ?""",
        [limit],
    ).fetchall()


def latest_articles(con: Con, limit: int) -> list[tuple[Any, ...]]:
    """(published, outlet, title or opening words, characters) of the latest articles."""
    return con.execute(
        """SELECT published, source_name, coalesce(nullif(trim(title), ''), '… ' || substr(text, 1, 80)), length(text)
           FROM articles ORDER BY published DESC NULLS LAST, seq LIMIT ?""",
        [limit],
    ).fetchall()


# -- story views -----------------------------------------------------------------------------------------------
def dyad_event_rows(con: Con, a: str, b: str) -> list[tuple[Any, ...]]:
    """(article id, event JSON, published, outlet, copy of) of events between ``a`` and ``b``, either direction."""
    return con.execute(
        """SELECT e.article_id, e.data, a.published, coalesce(a.source_name, a.domain), s.copy_of
           FROM events e JOIN articles a ON a.id = e.article_id
           LEFT JOIN story_articles s ON s.article_id = e.article_id
           WHERE (list_contains(e.source, ?) AND list_contains(e.target, ?))
              OR (list_contains(e.source, ?) AND list_contains(e.target, ?))
           ORDER BY a.seq, e.idx""",
        [a, b, b, a],
    ).fetchall()


def story_outlets(con: Con, story_id: str) -> list[tuple[str, str]]:
    """(article id, outlet) of the story's articles in ingest order."""
    return [
        (i, o)
        for i, o in con.execute(
            "SELECT id, coalesce(source_name, domain, '?') FROM articles WHERE story = ? ORDER BY seq",
            [story_id],
        ).fetchall()
    ]


def story_quotes(con: Con, story_id: str) -> list[tuple[Any, ...]]:
    """(article id, text, speaker actor or text) of the story's quotes in ingest order."""
    return con.execute(
        """SELECT q.article_id, q.text, coalesce(q.speaker_actor, q.speaker_text) FROM quotes q
           JOIN articles a ON a.id = q.article_id WHERE a.story = ? ORDER BY a.seq, q.idx""",
        [story_id],
    ).fetchall()


# -- story clustering state -----------------------------------------------------------------------------------
def unassigned_count(con: Con) -> tuple[int, str | None]:
    """(number of articles without a story, their earliest publication date)."""
    n, first = con.execute("SELECT count(*), min(published) FROM articles WHERE story IS NULL").fetchall()[0]
    return int(n), first


def unassigned_rows(con: Con, after_seq: int, limit: int) -> list[tuple[Any, ...]]:
    """(seq, id, title, text, published, language, actor ids, event (type, source, target) structs) of articles
    without a story after ``after_seq``, in ingest order."""
    return con.execute(
        """SELECT a.seq, a.id, a.title, a.text, a.published, a.language,
               (SELECT list(e.actor ORDER BY e.idx) FROM entities e
                WHERE e.article_id = a.id AND e.actor IS NOT NULL),
               (SELECT list(struct_pack(t := v.type, s := v.source, g := v.target) ORDER BY v.idx)
                FROM events v WHERE v.article_id = a.id)
           FROM (SELECT seq, id, title, text, published, language FROM articles
                 WHERE story IS NULL AND seq > ? ORDER BY seq LIMIT ?) a
           ORDER BY a.seq""",
        [after_seq, limit],
    ).fetchall()


def story_frequencies(con: Con) -> tuple[Any, ...] | None:
    """(documents, compressed document frequencies) of the story clustering, or None."""
    found = con.execute("SELECT docs, df FROM story_df WHERE id = 0").fetchall()
    return found[0] if found else None


def active_story_clusters(con: Con, horizon: int) -> list[tuple[Any, ...]]:
    """Cluster state of the stories whose last day is ``horizon`` or later (or unknown), oldest first."""
    return con.execute(
        """SELECT story_id, seq, first_day, last_day, n, centroid, actors, events FROM story_clusters
           WHERE last_day IS NULL OR last_day >= ? ORDER BY seq""",
        [horizon],
    ).fetchall()


def story_signatures(con: Con, horizon: int, copy_horizon: int) -> list[tuple[Any, ...]]:
    """(article, story, canonical article, MinHash signature, day) of the articles a new one may still copy."""
    return con.execute(
        """SELECT a.article_id, a.story_id, coalesce(a.copy_of, a.article_id), a.signature, a.day
           FROM story_articles a JOIN story_clusters c USING (story_id)
           WHERE (c.last_day IS NULL OR c.last_day >= ?) AND (a.day IS NULL OR a.day >= ?)
           ORDER BY a.article_id""",
        [horizon, copy_horizon],
    ).fetchall()


def story_members(con: Con, story_ids: list[str]) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """For ``story_ids``: (story, article, outlet, published, title, copy of) of their articles by date, and
    (story, article, event JSON) of their events in ingest order."""
    con.register("_story_ids", pa.table({"story": story_ids}))
    try:
        articles = con.execute(
            """SELECT a.story, a.id, coalesce(a.source_name, a.domain), a.published, a.title, s.copy_of
               FROM articles a JOIN _story_ids USING (story) LEFT JOIN story_articles s ON s.article_id = a.id
               ORDER BY a.story, a.published NULLS LAST, a.seq"""
        ).fetchall()
        events = con.execute(
            """SELECT a.story, e.article_id, e.data FROM events e JOIN articles a ON a.id = e.article_id
               JOIN _story_ids USING (story) ORDER BY a.seq, e.idx"""
        ).fetchall()
    finally:
        con.unregister("_story_ids")
    return articles, events


# -- whole-table exports ---------------------------------------------------------------------------------------
EXPORT_TABLES = ("articles", "entities", "timexes", "quotes", "events", "actors", "stories")
CONTRACT_TABLES = ("articles", "actors", "stories")
"""Tables whose ``data`` column holds the contract record of each row."""
_EXPORT_ORDER = {"articles": "seq", "actors": "id", "stories": "id"}


def _export_select(table: str) -> str:
    """SQL for one whitelisted table (table names never come from a request unchecked)."""
    if table not in EXPORT_TABLES:
        raise ValueError(f"not an exported table: {table}")
    order = _EXPORT_ORDER.get(table, "article_id, idx")
    columns = "* EXCLUDE (data)" if table == "articles" else "*"
    return f"SELECT {columns} FROM {table} ORDER BY {order}"


def table_rows(con: Con, table: str) -> duckdb.DuckDBPyConnection:
    """A cursor over every row of an exported table (articles without their JSON); fetch in batches."""
    return con.execute(_export_select(table))


def contract_records(con: Con, table: str) -> duckdb.DuckDBPyConnection:
    """A cursor over the contract JSON of every row of ``articles``, ``actors`` or ``stories``."""
    if table not in CONTRACT_TABLES:
        raise ValueError(f"no contract records in {table}")
    return con.execute(f"SELECT data FROM {table} ORDER BY {_EXPORT_ORDER[table]}")


def table_to_parquet(con: Con, table: str, path: str) -> None:
    """Write an exported table to a Parquet file."""
    literal = path.replace("'", "''")
    con.execute(f"COPY ({_export_select(table)}) TO '{literal}' (FORMAT PARQUET)")


# -- search ----------------------------------------------------------------------------------------------------
def article_version(con: Con) -> tuple[int, int]:
    """(number of articles, last sequence number): changes whenever articles are added."""
    n, last = con.execute("SELECT count(*), coalesce(max(seq), 0) FROM articles").fetchall()[0]
    return int(n), int(last)


def content_version(con: Con) -> tuple[int, int, int]:
    """(articles, last sequence number, articles placed in stories): changes whenever articles or stories do."""
    n, last, placed = con.execute(
        "SELECT count(*), coalesce(max(seq), 0), count(story) FROM articles"
    ).fetchall()[0]
    return int(n), int(last), int(placed)


def searchable_articles(con: Con, after_seq: int = 0) -> duckdb.DuckDBPyConnection:
    """A cursor over (id, outlet, published, title, text) of the articles after ``after_seq`` in ingest order;
    fetch in batches."""
    return con.execute(
        "SELECT id, source_name, published, title, text FROM articles WHERE seq > ? ORDER BY seq", [after_seq]
    )
