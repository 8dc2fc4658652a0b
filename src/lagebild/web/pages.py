"""The server-rendered HTML pages (Jinja2, autoescaped), as a router like the API's: stories with their ticker,
articles with highlights, actors and the outlet comparison."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote, urlencode

import jinja2
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from lagebild.live.alerts import read_alerts
from lagebild.model import Article
from lagebild.store import Store, queries
from lagebild.stories import OutletComparison, dyad_timeline, outlet_comparison
from lagebild.web import charts
from lagebild.web.deps import clean_date, clean_text, open_store
from lagebild.web.highlight import article_marks, segments
from lagebild.web.i18n import DATE_FORMATS, DEFAULT_LANGUAGE, LANGUAGES, format_day, pick_language, translator
from lagebild.web.search import SearchIndex

STORIES_PER_PAGE = 25
HITS_PER_PAGE = 10
ACTORS_PER_PAGE = 50

router = APIRouter(include_in_schema=False)
StoreDep = Annotated[Store, Depends(open_store)]
Lang = Annotated[str | None, Query(max_length=5)]
Param = Annotated[str | None, Query(max_length=200)]
PageNo = Annotated[int, Query(ge=1, le=10_000)]


class Page:
    """Renders a template with the language, translations and link helpers of one request."""

    def __init__(self, request: Request, lang: str | None) -> None:
        self.request = request
        self.lang = pick_language(lang)

    def link(self, path: str, **params: Any) -> str:
        """A local URL with query parameters (empty ones dropped) and the current language."""
        if self.lang != DEFAULT_LANGUAGE:
            params.setdefault("lang", self.lang)
        query = urlencode({k: v for k, v in params.items() if v not in (None, "")})
        return f"{path}?{query}" if query else path

    def lang_link(self, lang: str) -> str:
        params = dict(self.request.query_params)
        params["lang"] = lang
        return f"{self.request.url.path}?{urlencode(params)}"

    def render(self, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        env: jinja2.Environment = self.request.app.state.templates
        t = translator(self.lang)
        html = env.get_template(name).render(
            t=t,
            status_word=lambda value: _status_word(t, value),
            date_format=DATE_FORMATS[self.lang][0],
            format_day=lambda iso: format_day(iso, self.lang),
            lang=self.lang,
            languages=LANGUAGES,
            link=self.link,
            lang_link=self.lang_link,
            story_url=lambda i: self.link("/stories/" + quote(str(i), safe="")),
            article_url=lambda i: self.link("/articles/" + quote(str(i), safe="")),
            actor_url=lambda i: self.link("/actors/" + quote(str(i), safe="")),
            **context,
        )
        return HTMLResponse(html, status_code=status)

    def not_found(self) -> HTMLResponse:
        return self.render("not_found.html", status=404)

    def error(self, status: int, detail: str) -> HTMLResponse:
        """An error page in the request's language (``detail`` is shown as text, escaped)."""
        return self.render("error.html", status=status, code=status, detail=detail)


@router.get("/", response_class=HTMLResponse)
def story_list(
    request: Request,
    store: StoreDep,
    lang: Lang = None,
    q: Param = None,
    outlet: Param = None,
    date_from: Param = None,
    date_to: Param = None,
    page: PageNo = 1,
) -> HTMLResponse:
    view = Page(request, lang)
    q, outlet = clean_text(q), clean_text(outlet)
    day_from, day_to = clean_date(date_from), clean_date(date_to)
    index: SearchIndex = request.app.state.search
    ids = index.matching_ids(store.con, q) if q else None
    found = queries.list_stories(store.con, outlet, day_from, day_to, q, ids)
    start = (page - 1) * STORIES_PER_PAGE
    hits, n_hits = index.search(store.con, q, HITS_PER_PAGE, 0) if q else ([], 0)
    recent: list[dict[str, Any]] = []
    if not found and not q:  # no stories (yet): show the latest articles instead of an empty page
        f = queries.article_filter(outlet=outlet, date_from=day_from, date_to=day_to)
        recent = queries.list_articles(store.con, f, STORIES_PER_PAGE, 0)[0]
    return view.render(
        "stories.html",
        stories=found[start : start + STORIES_PER_PAGE],
        total=len(found),
        page=page,
        pages=max(1, -(-len(found) // STORIES_PER_PAGE)),
        hits=hits,
        n_hits=n_hits,
        recent=recent,
        outlets=queries.outlets(store.con),
        form={"q": q or "", "outlet": outlet or "", "date_from": day_from or "", "date_to": day_to or ""},
    )


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(
    story_id: str,
    request: Request,
    store: StoreDep,
    lang: Lang = None,
    order: Param = None,
    dyad: Param = None,
) -> HTMLResponse:
    view = Page(request, lang)
    story = queries.get_story(store.con, story_id)
    if story is None:
        return view.not_found()
    ids = queries.story_article_ids(store.con, story)
    meta = queries.article_meta(store.con, ids)
    raw = queries.events_of_articles(store.con, ids)
    entries = _timeline(story, raw)
    names = queries.actor_names(
        store.con, {a for e in entries for a in (*e["event"]["source"], *e["event"]["target"])}
    )
    newest_first = order != "oldest"
    entries.sort(key=lambda e: (e["date"] is None, e["date"] or ""), reverse=False)
    if newest_first:
        entries.reverse()
    events = [e["event"] for e in entries]
    dyads = queries.top_dyads(events)
    chosen = _pick_dyad(dyad, dyads)
    quote_groups = queries.quotes_by_speaker(store.con, ids)
    names.update(queries.actor_names(store.con, {a for d in dyads for a in d}))
    return view.render(
        "story.html",
        story=story,
        headline=queries.story_headlines(store.con, [story]).get(story.id),
        story_path="/stories/" + quote(story.id, safe=""),
        entries=entries,
        meta=meta,
        names=names,
        newest_first=newest_first,
        per_day=charts.events_per_day([(e["date"], e["event"]["type"]) for e in entries]),
        dyads=dyads,
        dyad=chosen,
        curve=charts.dyad_curve(_dyad_days(store, *chosen)) if chosen else charts.Chart(),
        coverage=_coverage(outlet_comparison(store, story.id)),
        quote_groups=quote_groups,
        article_ids=ids,
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(article_id: str, request: Request, store: StoreDep, lang: Lang = None) -> HTMLResponse:
    view = Page(request, lang)
    data = queries.article_json(store.con, article_id)
    if data is None:
        return view.not_found()
    article = Article.from_dict(data)
    ids = {e.actor for e in article.entities} | {a for ev in article.events for a in (*ev.source, *ev.target)}
    ids |= {q.speaker.actor for q in article.quotes if q.speaker and q.speaker.actor}
    names = queries.actor_names(store.con, {i for i in ids if i})
    story = queries.get_story(store.con, article.story) if article.story else None
    return view.render(
        "article.html",
        article=article,
        headline=queries.headline(article.title, article.text, article.language),
        story_headline=queries.story_headlines(store.con, [story]).get(story.id) if story else None,
        segments=segments(article.text, article_marks(article, names)),
        names=names,
        story=story,
    )


@router.get("/actors", response_class=HTMLResponse)
def actor_list(
    request: Request, store: StoreDep, lang: Lang = None, q: Param = None, page: PageNo = 1
) -> HTMLResponse:
    view = Page(request, lang)
    q = clean_text(q)
    items, total = queries.list_actors(
        store.con, q, None, None, ACTORS_PER_PAGE, (page - 1) * ACTORS_PER_PAGE
    )
    return view.render(
        "actors.html",
        actors=items,
        total=total,
        page=page,
        pages=max(1, -(-total // ACTORS_PER_PAGE)),
        form={"q": q or ""},
    )


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor_page(actor_id: str, request: Request, store: StoreDep, lang: Lang = None) -> HTMLResponse:
    view = Page(request, lang)
    actor = queries.get_actor(store.con, actor_id)
    events = queries.actor_events(store.con, actor_id)
    if actor is None and not events:
        return view.not_found()
    names = queries.actor_names(store.con, {a for e in events for a in (*e["source"], *e["target"])})
    return view.render(
        "actor.html",
        actor=actor or {"id": actor_id, "name": actor_id},
        events=events,
        names=names,
        as_source=charts.events_per_day([(e["date"], e["type"]) for e in events if e["role"] == "source"]),
        as_target=charts.events_per_day([(e["date"], e["type"]) for e in events if e["role"] == "target"]),
    )


@router.get("/outlets", response_class=HTMLResponse)
def outlet_page(request: Request, store: StoreDep, lang: Lang = None) -> HTMLResponse:
    return Page(request, lang).render(
        "outlets.html",
        rows=queries.outlet_comparison(store.con, charts.CONFLICT_TYPES),
        coverage=charts.coverage_bars(_coverage_by_outlet(request, store)),
    )


@router.get("/alerts", response_class=HTMLResponse)
def alert_page(request: Request, store: StoreDep, lang: Lang = None, name: Param = None) -> HTMLResponse:
    """The latest alerts of the watched searches, actors and dyads, newest first."""
    found = read_alerts(request.app.state.alerts_file)
    names = sorted({a.get("alert") for a in found if isinstance(a.get("alert"), str)})
    name = clean_text(name)
    if name:
        found = [a for a in found if a.get("alert") == name]
    actors = {
        x for a in found for x in (*(a.get("source") or []), *(a.get("target") or [])) if isinstance(x, str)
    }
    return Page(request, lang).render(
        "alerts.html",
        alerts=found,
        alert_names=names,
        chosen=name or "",
        names=queries.actor_names(store.con, actors),
    )


def _timeline(story: Any, raw: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Ticker entries from the story's merged timeline, or from its articles' own events when it has none."""
    entries = []
    if story.timeline:
        for item in story.timeline:
            event = dict(item.event)
            event["source"] = list(event.get("source") or [])
            event["target"] = list(event.get("target") or [])
            event.setdefault("type", "?")
            entries.append(
                {
                    "date": item.date or event.get("date"),
                    "event": event,
                    "reported_by": list(item.reported_by),
                    "evidence": queries.evidence_for(event, item.reported_by, raw),
                }
            )
        return entries
    for ev in raw:
        event = {k: ev[k] for k in ("type", "mode", "status", "date")}
        event["source"], event["target"] = list(ev["source"] or []), list(ev["target"] or [])
        entries.append(
            {
                "date": ev["date"],
                "event": event,
                "reported_by": [ev["article_id"]],
                "evidence": ev["evidence"],
            }
        )
    return entries


def _coverage(found: OutletComparison | None) -> list[dict[str, Any]]:
    """Per outlet of a story: articles and how many of the story's events and quotes it carried."""
    if found is None:
        return []
    n_events, n_quotes = len(found.timeline), len(found.quotes)
    return [
        {
            "outlet": c.outlet,
            "articles": len(c.articles),
            "events": len(c.events),
            "n_events": n_events,
            "quotes": len(c.quotes),
            "n_quotes": n_quotes,
        }
        for c in found.outlets
    ]


COVERAGE_STORIES = 300
"""The outlets chart counts the most recent stories with several outlets, at most this many."""


def _coverage_by_outlet(request: Request, store: Store) -> list[tuple[str, int, int, int, int]]:
    """Per outlet, over the recent stories it shares with other outlets: (outlet, events carried, events left out,
    quotes carried, quotes left out), most events first; computed again only when articles or stories changed."""
    key = queries.content_version(store.con)
    cached = getattr(request.app.state, "outlet_coverage", None)
    if cached is not None and cached[0] == key:
        return cached[1]
    found = _count_coverage(store)
    request.app.state.outlet_coverage = (key, found)
    return found


def _count_coverage(store: Store) -> list[tuple[str, int, int, int, int]]:
    totals: dict[str, list[int]] = {}
    shared = [s["id"] for s in queries.list_stories(store.con) if len(s["sources"]) > 1][:COVERAGE_STORIES]
    for story_id in shared:
        found = outlet_comparison(store, story_id)
        for c in found.outlets if found else []:
            row = totals.setdefault(c.outlet, [0, 0, 0, 0])
            for i, n in enumerate((c.events, c.missed_events, c.quotes, c.missed_quotes)):
                row[i] += len(n)
    ranked = sorted(totals.items(), key=lambda kv: (-(kv[1][0] + kv[1][1]), kv[0]))
    return [(outlet, *counts) for outlet, counts in ranked]  # type: ignore[misc]


def _status_word(t: Any, value: str | None) -> str:
    """An event status in the page's language (an unknown status as it is)."""
    if not value:
        return ""
    word = t(f"status_{value}")
    return value if word == f"status_{value}" else word


def _dyad_days(store: Store, a: str, b: str) -> list[tuple[str | None, float]]:
    """(date, score) per day of the merged events between ``a`` and ``b``, as scored by ``stories``."""
    return [(day.date, day.score) for day in dyad_timeline(store, a, b).days]


def _pick_dyad(value: str | None, dyads: list[tuple[str, str]]) -> tuple[str, str] | None:
    """The dyad named as ``a~b`` in the request, else the most frequent one."""
    if value and "~" in value:
        a, _, b = value.partition("~")
        if a and b:
            return (a, b)
    return dyads[0] if dyads else None
