"""The situation report printed in the terminal: stories with timelines, top actors, events and quotes."""

from __future__ import annotations

from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from lagebild.model import Story
from lagebild.store import Store, queries


def actor_names(store: Store) -> dict[str, str]:
    """Every actor's name, also of the codes without a stored record."""
    return {
        **queries.actor_names(store.con, queries.missing_actor_ids(store.con)),
        **queries.actor_names(store.con),
    }


def _names(ids: list[str] | None, names: dict[str, str]) -> str:
    return ", ".join(names.get(i, i) for i in ids or []) or "-"


def print_report(store: Store, console: Console, story_id: str | None = None, limit: int = 10) -> None:
    """Print the whole situation report, or one story's timeline when ``story_id`` is given."""
    names = actor_names(store)
    if story_id is not None:
        story = store.get_story(story_id)
        if story is None:
            console.print(f"[red]No story {story_id!r} in {store.path}[/red]")
            return
        print_story(story, names, console)
        return
    counts = queries.overview(store.con)
    console.print(
        Panel.fit(
            f"[bold]{counts['articles']}[/bold] articles from [bold]{counts['outlets']}[/bold] outlets, "
            f"published {counts['first'] or '?'} .. {counts['last'] or '?'}\n"
            f"{counts['entities']} entity mentions, {counts['quotes']} quotes, {counts['events']} events",
            title="lagebild situation report",
        )
    )
    stories = list(store.iter_stories())
    if stories:
        table = Table(title=f"Stories ({len(stories)})", show_lines=False)
        for col in ("story", "title", "articles", "outlets", "from", "to", "timeline"):
            table.add_column(col)
        ranked = sorted(stories, key=lambda s: (-len(s.articles), s.id))
        for s in ranked[:limit]:
            table.add_row(
                s.id,
                (s.title or "")[:70],
                str(len(s.articles)),
                str(len(s.sources)),
                s.first or "-",
                s.last or "-",
                str(len(s.timeline)),
            )
        console.print(table)
        for s in ranked[:3]:
            if s.timeline:
                print_story(s, names, console, limit=limit)
    _top_actors(store, names, console, limit)
    _top_events(store, names, console, limit)
    _top_quotes(store, names, console, limit)
    _articles(store, console, limit)


def print_story(story: Story, names: dict[str, str], console: Console, limit: int | None = None) -> None:
    table = Table(title=f"Timeline of story {story.id}: {story.title or ''}")
    for col in ("date", "event", "status", "source", "target", "reported by"):
        table.add_column(col, no_wrap=col in ("date", "event", "status"))
    entries = story.timeline if limit is None else story.timeline[:limit]
    for entry in entries:
        event = entry.event
        table.add_row(
            entry.date or "-",
            str(event.get("type", "")),
            str(event.get("status", "")),
            _names(event.get("source"), names),
            _names(event.get("target"), names),
            str(len(entry.reported_by)),
        )
    console.print(table)


def _top_actors(store: Store, names: dict[str, str], console: Console, limit: int) -> None:
    rows = queries.top_actors(store.con, limit)
    if not rows:
        return
    table = Table(title="Top actors")
    table.add_column("actor")
    table.add_column("id")
    table.add_column("mentions", justify="right")
    for actor, n in rows:
        table.add_row(names.get(actor, actor), actor, str(n))
    console.print(table)


def _top_events(store: Store, names: dict[str, str], console: Console, limit: int) -> None:
    rows = queries.latest_events_with_actors(store.con, limit)
    if not rows:
        return
    table = Table(title="Latest events with a known actor")
    for col in ("date", "type", "status", "source", "target", "outlet", "evidence"):
        table.add_column(col, overflow="fold")
    for date, etype, status, src, tgt, outlet, evidence in rows:
        table.add_row(
            date or "-",
            etype,
            status,
            _names(src, names),
            _names(tgt, names),
            outlet or "-",
            (evidence or "").replace("\n", " "),
        )
    console.print(table)


def _top_quotes(store: Store, names: dict[str, str], console: Console, limit: int) -> None:
    rows = queries.attributed_quotes(store.con, limit)
    if not rows:
        return
    table = Table(title="Quotes")
    table.add_column("speaker", max_width=30)
    table.add_column("kind", no_wrap=True)
    table.add_column("quote", overflow="fold")
    for who, kind, text in rows:
        table.add_row(names.get(who, who), kind, text[:160].replace("\n", " "))
    console.print(table)


def _articles(store: Store, console: Console, limit: int) -> None:
    rows = queries.latest_articles(store.con, limit)
    table = Table(title="Latest articles")
    for col in ("published", "outlet", "title (or opening words)", "chars"):
        table.add_column(col, overflow="fold")
    for published, outlet, title, chars in rows:
        table.add_row(published or "-", outlet or "-", (title or "")[:90], str(chars))
    console.print(table)
