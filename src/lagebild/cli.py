"""The command line: ``lagebild process | report | export``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from lagebild.store import DEFAULT_DB, Store, StoreError, export_jsonl, export_parquet

app = typer.Typer(
    help="lagebild: turn noisy multi-outlet news into a structured, provenance-backed record of events.",
    no_args_is_help=True,
    add_completion=False,
)
console = Console()
err = Console(stderr=True)

DbOption = Annotated[Path, typer.Option("--db", help="DuckDB store file.")]


def _open(db: Path, read_only: bool = False) -> Store:
    try:
        return Store(db, read_only=read_only)
    except StoreError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc


@app.command()
def process(
    inputs: Annotated[
        list[str], typer.Argument(help="Files or folders (.txt .html .json .jsonl .warc[.gz]); - for stdin.")
    ],
    db: DbOption = Path(DEFAULT_DB),
    out: Annotated[
        Path | None, typer.Option("--out", help="Write articles/actors/stories.jsonl here.")
    ] = None,
    source: Annotated[str | None, typer.Option("--source", help="Outlet name for all inputs.")] = None,
    workers: Annotated[
        int | None, typer.Option("--workers", min=1, help="Processes (default: all cores).")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", help="No progress bar.")] = False,
) -> None:
    """Ingest INPUTS, run the pipeline, store the articles and optionally export them."""
    from lagebild.executors import LocalExecutor
    from lagebild.process import process as run

    with _open(db) as store, LocalExecutor(workers) as executor:
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
                out=out,
                on_progress=lambda n: progress.advance(task, n),
            )
    table = Table(title=f"Run {summary.run_id}", show_header=False)
    table.add_row("documents in", str(summary.documents_in))
    table.add_row("articles out", str(summary.articles_out))
    table.add_row("already stored", str(summary.skipped))
    table.add_row("failures", str(len(summary.failures)))
    table.add_row("time", f"{summary.seconds:.1f} s ({summary.articles_per_second:.1f} articles/s)")
    for stage, seconds in summary.stage_seconds.most_common():
        table.add_row(f"  stage {stage}", f"{seconds:.2f} s")
    table.add_row("store", str(db))
    for name, count in summary.exports.items():
        table.add_row(f"export {name}", f"{out / name} ({count})")  # type: ignore[operator]
    console.print(table)
    if summary.failures:
        failed = Table(title="Failures")
        for col in ("path", "stage", "reason"):
            failed.add_column(col, overflow="fold")
        for path, stage, reason in summary.failures[:50]:
            failed.add_row(path, stage, reason)
        console.print(failed)
        if len(summary.failures) > 50:
            console.print(f"... and {len(summary.failures) - 50} more (table 'failures' in the store)")
        raise typer.Exit(1)


@app.command()
def report(
    db: DbOption = Path(DEFAULT_DB),
    story: Annotated[str | None, typer.Option("--story", help="Print this story's timeline only.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=1000, help="Rows per table.")] = 10,
) -> None:
    """Print the situation report: stories, timelines, top actors, events and quotes."""
    from lagebild.report import print_report

    with _open(db, read_only=True) as store:
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
        raise typer.Exit(2)
    with _open(db, read_only=True) as store:
        counts = export_jsonl(store, out) if format == "jsonl" else export_parquet(store, out)
    for name, count in counts.items():
        console.print(f"{out / name}: {count}")


if __name__ == "__main__":
    app()
