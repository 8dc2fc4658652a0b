"""The command line: ``lagebild process | report | export | serve``.

Exit status, the same for every command: 0 done; 1 done, but documents failed (``process``) or what was asked for
does not exist (``report --story``); 2 a wrong command line; 3 the store cannot be opened (locked by another
process, not a lagebild store); 4 a required library cannot be loaded.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from lagebild import __version__, cli_help
from lagebild.store import DEFAULT_DB, Store, StoreError, export_jsonl, export_parquet

if TYPE_CHECKING:
    from lagebild.executors import Executor

EXIT_FAILED, EXIT_USAGE, EXIT_STORE, EXIT_DEPENDENCY = 1, 2, 3, 4

cli_help.plain_help()
app = typer.Typer(
    help="lagebild: turn noisy multi-outlet news into a structured, provenance-backed record of events.",
    no_args_is_help=True,
    add_completion=False,
)
console = Console(width=None if Console().is_terminal else 140)
err = Console(stderr=True)

DbOption = Annotated[Path, typer.Option("--db", help="DuckDB store file.")]


def _version(value: bool) -> None:
    if value:
        console.print(f"lagebild {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """lagebild: turn noisy multi-outlet news into a structured, provenance-backed record of events."""


STORE_WAIT = 600.0
"""Seconds a command waits for a store that another process holds."""


def _open(db: Path, read_only: bool = False, wait: float = STORE_WAIT) -> Store:
    try:
        return Store(
            db, read_only=read_only, wait=wait, on_wait=lambda why: err.print(f"[yellow]{why}[/yellow]")
        )
    except StoreError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(EXIT_STORE) from exc


def _require(modules: tuple[str, ...], later: tuple[str, ...] = ()) -> None:
    from lagebild.deps import MissingDependency, check

    try:
        check(modules, later)
    except MissingDependency as exc:
        err.print(f"[red]error:[/red] {exc}", markup=False, highlight=False)
        raise typer.Exit(EXIT_DEPENDENCY) from exc


@app.command()
def process(
    inputs: Annotated[
        list[str],
        typer.Argument(
            metavar="INPUT", help="Files or folders (.txt .html .json .jsonl .warc[.gz]); - for stdin."
        ),
    ],
    db: DbOption = Path(DEFAULT_DB),
    out: Annotated[
        Path | None, typer.Option("--out", help="Write articles/actors/stories.jsonl here.")
    ] = None,
    source: Annotated[str | None, typer.Option("--source", help="Outlet name for all inputs.")] = None,
    country: Annotated[
        str | None,
        typer.Option(
            "--country",
            help="Outlet country (ISO code or English name) for inputs that name none and whose domain has no "
            "country code; event coding places unplaced domestic persons there.",
        ),
    ] = None,
    workers: Annotated[
        int | None, typer.Option("--workers", min=1, help="Processes (default: all cores).")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", help="No progress bar.")] = False,
    ray: Annotated[
        str | None,
        typer.Option(
            "--ray",
            metavar="ADDRESS",
            help="Run the per-article stages on a Ray cluster ('auto', 'ray://HEAD:10001' or HEAD:6379; 'local' "
            "starts a local instance). Every node needs lagebild installed.",
        ),
    ] = None,
    shards: Annotated[
        Path | None,
        typer.Option(
            "--shards",
            help="With --ray: the workers write their results as Parquet shards into this folder (one every node "
            "can reach), and the store and the story stage read them from there.",
        ),
    ] = None,
    commit_every: Annotated[
        int,
        typer.Option(
            "--commit-every",
            min=1,
            help="Commit at least every N documents (a killed run loses at most these).",
        ),
    ] = 64,
    commit_seconds: Annotated[
        float,
        typer.Option("--commit-seconds", min=0.1, help="Commit at least every T seconds."),
    ] = 10.0,
    stage_seconds: Annotated[
        float,
        typer.Option(
            "--stage-seconds",
            min=0.1,
            help="Time budget of each stage per document; a stage over it is recorded as a failure.",
        ),
    ] = 20.0,
) -> None:
    """Ingest INPUTS, run the pipeline, store the articles and optionally export them."""
    from lagebild.deps import PROCESS_LATER, PROCESS_MODULES
    from lagebild.ingest.country import country_code
    from lagebild.pipeline import Budget
    from lagebild.process import CommitPolicy
    from lagebild.process import process as run

    if country is not None and country_code(country) is None:
        raise typer.BadParameter(f"unknown country {country!r}", param_hint="--country")
    if shards is not None and not ray:
        raise typer.BadParameter("--shards needs --ray", param_hint="--shards")
    _require(PROCESS_MODULES, PROCESS_LATER)
    budget = Budget(stage_seconds=stage_seconds, document_seconds=2 * stage_seconds)

    with _open(db) as store, _executor(ray, workers, shards) as executor:
        progress = Progress(
            TextColumn("[bold]processing"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            disable=quiet,
            transient=True,
        )
        with progress:
            task = progress.add_task("documents", total=None)
            summary = run(
                inputs,
                store,
                executor=executor,
                source=source,
                country=country,
                out=out,
                commit=CommitPolicy(documents=commit_every, seconds=commit_seconds),
                budget=budget,
                on_progress=lambda n: progress.advance(task, n),
            )
    table = Table(title=f"Run {summary.run_id}", show_header=False)
    table.add_row("documents in", str(summary.documents_in))
    table.add_row("articles out", str(summary.articles_out))
    table.add_row("already stored", str(summary.skipped))
    table.add_row("failures", str(len(summary.failures)))
    assigned, new_stories, duplicates = summary.stories
    table.add_row("stories", f"{assigned} articles placed, {new_stories} new stories, {duplicates} copies")
    table.add_row("time", f"{summary.seconds:.1f} s ({summary.articles_per_second:.1f} articles/s)")
    for stage, seconds in summary.stage_seconds.most_common():
        table.add_row(f"  stage {stage}", f"{seconds:.2f} s")
    table.add_row("store", str(db))
    for name, count in summary.exports.items():
        table.add_row(f"export {name}", f"{out / name} ({count})")  # type: ignore[operator]
    console.print(table)
    if summary.failures:
        failed = Table(title="Failures", show_header=True)
        for col in ("path", "stage", "reason"):
            failed.add_column(col, overflow="fold")
        for path, stage, reason in summary.failures[:50]:
            failed.add_row(path, stage, reason)
        console.print(failed)
        if len(summary.failures) > 50:
            console.print(f"... and {len(summary.failures) - 50} more (table 'failures' in the store)")
        raise typer.Exit(EXIT_FAILED)


def _executor(ray: str | None, workers: int | None, shards: Path | None) -> Executor:
    if ray:
        try:
            from lagebild.executors.ray_executor import RayExecutor

            return RayExecutor(None if ray == "local" else ray, shards=shards)
        except ImportError as exc:
            err.print("[red]error:[/red] --ray needs Ray: pip install 'lagebild[ray]'")
            raise typer.Exit(EXIT_DEPENDENCY) from exc
    from lagebild.executors import LocalExecutor

    return LocalExecutor(workers)


@app.command()
def report(
    db: DbOption = Path(DEFAULT_DB),
    story: Annotated[str | None, typer.Option("--story", help="Print this story's timeline only.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=1000, help="Rows per table.")] = 10,
) -> None:
    """Print the situation report: stories, timelines, top actors, events and quotes."""
    from lagebild.report import print_report

    with _open(db, read_only=True) as store:
        if story is not None and store.get_story(story) is None:
            err.print(f"[red]error:[/red] no story {story!r} in {db}", highlight=False)
            raise typer.Exit(EXIT_FAILED)
        print_report(store, console, story_id=story, limit=limit)
        console.print(f"store: {db.resolve()}")


@app.command()
def export(
    out: Annotated[Path, typer.Option("--out", help="Folder for the exported files.")],
    db: DbOption = Path(DEFAULT_DB),
    format: Annotated[str, typer.Option("--format", help="jsonl (the contract) or parquet.")] = "jsonl",
) -> None:
    """Export the store as JSONL (articles, actors, stories) or Parquet (one file per table)."""
    if format not in ("jsonl", "parquet"):
        err.print(f"[red]error:[/red] unknown format {format!r} (jsonl or parquet)")
        raise typer.Exit(EXIT_USAGE)
    with _open(db, read_only=True) as store:
        counts = export_jsonl(store, out) if format == "jsonl" else export_parquet(store, out)
    for name, count in counts.items():
        console.print(f"{out / name}: {count}")


SourcesArgument = Annotated[
    Path,
    typer.Argument(help="Sources file (TOML or YAML): feeds and sitemaps with outlet, country, language."),
]
AlertsOption = Annotated[
    Path | None, typer.Option("--alerts", help="Alerts JSONL file (default: the store file + .alerts.jsonl).")
]
WorkersOption = Annotated[
    int | None, typer.Option("--workers", min=1, help="Processes (default: all cores).")
]


def _sources(path: Path):  # noqa: ANN202 - a WatchConfig
    from lagebild.live import SourcesError, load_sources

    try:
        return load_sources(path)
    except SourcesError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(EXIT_USAGE) from exc


@app.command()
def serve(
    db: DbOption = Path(DEFAULT_DB),
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port.")] = 8000,
    watch: Annotated[
        Path | None,
        typer.Option(
            "--watch",
            metavar="SOURCES",
            help="Also watch the feeds and sitemaps of this sources file, in this process, which then writes the "
            "store.",
        ),
    ] = None,
    workers: WorkersOption = None,
    alerts: AlertsOption = None,
) -> None:
    """Serve the web UI and REST API over the store (while other processes may write it), or with --watch, watch
    sources into it at the same time."""
    from lagebild.deps import SERVE_MODULES

    _require(SERVE_MODULES)
    if watch is not None:
        from lagebild.live.run import serve_watching

        config = _sources(watch)
        with _open(db) as store:
            serve_watching(store, config, host=host, port=port, workers=workers, alerts_file=alerts)
        return
    from lagebild.web import serve as run_server

    if not db.exists():
        err.print(f"[red]error:[/red] no store at {db}")
        raise typer.Exit(EXIT_STORE)
    run_server(db, host=host, port=port)


@app.command()
def watch(
    sources: SourcesArgument,
    db: DbOption = Path(DEFAULT_DB),
    once: Annotated[bool, typer.Option("--once", help="Poll every source once, then stop.")] = False,
    workers: WorkersOption = None,
    alerts: AlertsOption = None,
) -> None:
    """Poll feeds and sitemaps, fetch new article pages politely and store them through the pipeline."""
    from lagebild.live.run import watch as run_watch

    config = _sources(sources)
    with _open(db) as store:
        stats = run_watch(store, config, workers=workers, alerts_file=alerts, once=once)
    table = Table(title="Watch", show_header=False)
    for name in ("polls", "not_modified", "pages_fetched", "stored", "duplicates", "refused", "failed"):
        table.add_row(name.replace("_", " "), str(getattr(stats, name)))
    table.add_row("retry later", str(stats.retry_later))
    table.add_row("alerts", str(stats.alerts))
    console.print(table)


if __name__ == "__main__":
    app()
