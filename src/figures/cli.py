"""The command line: parse arguments, make one library call, print. The only module that prints.

Exit codes: 0 done, 1 done but some input was rejected (or a FiguresError), 2 usage error.
"""
from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from figures import formats
from figures.api import CLAIM_EXTRA_FIELDS, CLAIM_FIELDS, Parsed, Tracker, claim_dict, flag_dict
from figures.config import Settings
from figures.errors import FiguresError
from figures.ingest import ArticleDefaults
from figures.parallel import IngestOptions
from figures.records import Rejection
from figures.report import ReportOptions

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  rich_markup_mode=None, help="figures: track numeric claims across articles and flag conflicting figures.")

DbOption = Annotated[Optional[str], typer.Option("--db", help="SQLAlchemy URL (default: $FIGURES_DB or sqlite:///db/figures.db)", show_default=False)]
SinceOption = Annotated[Optional[str], typer.Option("--since", help="first publication date, YYYY-MM-DD")]
UntilOption = Annotated[Optional[str], typer.Option("--until", help="last publication date, YYYY-MM-DD")]
OutletOption = Annotated[Optional[str], typer.Option("--outlet", help="outlet for articles that name none")]
PublishedOption = Annotated[Optional[str], typer.Option("--published", help="publication date (YYYY-MM-DD) for articles that give none")]
Paths = Annotated[list[str], typer.Argument(help="files, folders, '-' for standard input, or http(s) URLs")]


class ClaimFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


class FlagFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


def _date(value: str | None, option: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD", param_hint=option) from None


def _tracker(db: str | None) -> Tracker:
    return Tracker(Settings.from_env(db_url=db))


def _defaults(outlet: str | None, published: str | None) -> ArticleDefaults:
    return ArticleDefaults(outlet=outlet, published=_date(published, "--published"))


def _report_rejections(rejections: list[Rejection] | tuple[Rejection, ...]) -> None:
    for r in rejections:
        typer.echo(f"error: {r.origin}: {r.reason}", err=True)


def _emit_claims(rows: list[dict], fmt: ClaimFormat) -> None:
    if fmt is ClaimFormat.jsonl:
        sys.stdout.write(formats.to_jsonl(rows))
    elif fmt is ClaimFormat.csv:
        sys.stdout.write(formats.to_csv(rows, CLAIM_FIELDS + CLAIM_EXTRA_FIELDS))
    else:
        _table(rows, ["article_id", "span", "value", "qualifier", "unit", "entity", "subject", "attributed_to", "as_of"])


def _table(rows: list[dict], columns: list[str]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(*columns, show_lines=False)
    for r in rows:
        table.add_row(*[formats.terminal_text(r.get(c), 40) for c in columns])
    Console(markup=False, highlight=False, emoji=False).print(table)


@app.callback()
def _root(verbose: Annotated[int, typer.Option("--verbose", "-v", count=True, help="more logging (-v info, -vv debug)")] = 0) -> None:
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


class IngestEngine(str, Enum):
    local = "local"
    dask = "dask"


@contextmanager
def _progress(label: str) -> Iterator[Callable[[Parsed], None] | None]:
    """A live count on a terminal; nothing when stderr is a file or a pipe."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description} {task.completed} articles"), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=None)
        yield lambda _parsed: bar.advance(task)


@app.command()
def ingest(paths: Paths, db: DbOption = None, outlet: OutletOption = None, published: PublishedOption = None,
           workers: Annotated[int, typer.Option("--workers", "-j", min=0, help="processes parsing articles (0 = one per core)")] = 1,
           engine: Annotated[IngestEngine, typer.Option("--engine", help="where parsing runs: local processes or a Dask cluster")] = IngestEngine.local,
           scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local cluster of --workers)")] = None) -> None:
    """Read articles and store them with their claims (re-ingesting stores nothing new)."""
    options = IngestOptions(workers=workers, engine=engine.value, scheduler=scheduler)
    if engine is IngestEngine.dask:
        import distributed  # noqa: F401  (sets its own loggers to INFO on import; -v decides here)

        logging.getLogger("distributed").setLevel(logging.getLogger().level)
    with _tracker(db) as tracker, _progress("ingesting") as on_article:
        result = tracker.ingest(paths, _defaults(outlet, published), on_article=on_article, options=options)
    _report_rejections(result.rejections)
    typer.echo(f"{result.articles_read} articles read, {result.articles_new} new, {result.claims_new} claims stored, "
               f"{len(result.rejections)} rejected", err=True)
    raise typer.Exit(1 if result.rejections else 0)


@app.command()
def extract(paths: Paths, format: Annotated[ClaimFormat, typer.Option("--format", help="output format")] = ClaimFormat.table,
            outlet: OutletOption = None, published: PublishedOption = None, db: DbOption = None) -> None:
    """Print the claims in articles without touching the database."""
    rows, rejections = [], []
    for item in _tracker(db).parse(paths, _defaults(outlet, published)):
        if isinstance(item, Rejection):
            rejections.append(item)
        else:
            rows.extend(claim_dict(c) for c in item.extraction.claims)
    _emit_claims(rows, format)
    _report_rejections(rejections)
    raise typer.Exit(1 if rejections else 0)


@app.command()
def claims(format: Annotated[ClaimFormat, typer.Option("--format", help="output format")] = ClaimFormat.table,
           since: SinceOption = None, until: UntilOption = None, db: DbOption = None) -> None:
    """Print the claims stored in the database."""
    with _tracker(db) as tracker:
        frame = tracker.claims(_date(since, "--since"), _date(until, "--until"))
    rows = frame.to_dict("records")
    _emit_claims(rows, format)


@app.command()
def conflicts(format: Annotated[FlagFormat, typer.Option("--format", help="output format")] = FlagFormat.table,
              since: SinceOption = None, until: UntilOption = None, db: DbOption = None,
              all_: Annotated[bool, typer.Option("--all", help="also show flags a reviewer closed (not-a-conflict, resolved)")] = False) -> None:
    """Print the flags: claims about the same quantity that disagree, with reviewers' verdicts.
    A flag closed as not-a-conflict or resolved is hidden until a new claim joins it (--all shows it)."""
    with _tracker(db) as tracker:
        flags = tracker.conflicts(_date(since, "--since"), _date(until, "--until"), include_closed=all_)
    rows = [flag_dict(f) for f in flags]
    if format is FlagFormat.json:
        sys.stdout.write(formats.to_json(rows))
    elif format is FlagFormat.csv:
        flat = [{"flag_id": f["id"], "kind": f["kind"], "subject": f["subject"], "entity": f["entity"],
                 "verdict": f["verdict"], **c} for f in rows for c in f["claims"]]
        sys.stdout.write(formats.to_csv(flat, ["flag_id", "kind", "subject", "entity", "verdict", "article_id", "span", "value",
                                                "low", "high", "outlet", "published", "attributed_to", "as_of", "url"]))
    else:
        _table([{**f, "figures": " vs ".join(f"{c['span']} ({c['attributed_to']})" for c in f["claims"])} for f in rows],
               ["id", "kind", "subject", "entity", "figures", "verdict"])


class Verdict(str, Enum):
    confirmed = "confirmed"
    not_a_conflict = "not-a-conflict"
    resolved = "resolved"


@app.command()
def review(flag_id: Annotated[str, typer.Argument(help="flag id (or a unique prefix) from `conflicts`")],
           verdict: Annotated[Verdict, typer.Option("--verdict", help="confirmed, not-a-conflict or resolved")],
           note: Annotated[Optional[str], typer.Option("--note", help="why, for the next reviewer")] = None,
           reviewer: Annotated[Optional[str], typer.Option("--reviewer", help="who decides (default: the login name)")] = None,
           db: DbOption = None) -> None:
    """Record a reviewer's verdict on a flag, for the claims it holds now (a new claim reopens it)."""
    with _tracker(db) as tracker:
        flag = tracker.review(flag_id, verdict.value, note, reviewer)
    typer.echo(f"{flag.id} {flag.kind}: {flag.verdict_note or flag.verdict}")


@app.command()
def report(paths: Annotated[Optional[list[str]], typer.Argument(help="articles to ingest first: files, folders, '-' or http(s) URLs", show_default=False)] = None,
           week: Annotated[Optional[str], typer.Option("--week", help="ISO week to report on, YYYY-Www (default: the weeks of the PATHs given, else the last complete week)")] = None,
           since: SinceOption = None, until: UntilOption = None,
           out: Annotated[Optional[Path], typer.Option("--out", help="reports folder (default: $FIGURES_REPORTS or reports/)", show_default=False)] = None,
           format: Annotated[str, typer.Option("--format", help="comma-separated subset of md,html,csv,json")] = "md,html,csv,json",
           today: Annotated[Optional[str], typer.Option("--today", help="take this date (YYYY-MM-DD) as today when choosing the default week")] = None,
           detail: Annotated[int, typer.Option("--detail", help="flags shown with quotes and a chart, most severe first; the rest in a table")] = ReportOptions().detail,
           db: DbOption = None) -> None:
    """Ingest PATHs if given, then write the weekly discrepancy report and print the paths written."""
    options = ReportOptions(week=week, since=_date(since, "--since"), until=_date(until, "--until"), out_dir=out,
                            formats=tuple(f.strip() for f in format.split(",") if f.strip()),
                            today=_date(today, "--today"), sources=tuple(paths or ()), detail=detail)
    with _tracker(db) as tracker:
        result = tracker.report(options)
    rejections = result.ingest.rejections if result.ingest else ()
    _report_rejections(rejections)
    if result.ingest:
        typer.echo(f"{result.ingest.articles_read} articles read, {result.ingest.articles_new} new, "
                   f"{result.ingest.claims_new} claims stored, {len(rejections)} rejected", err=True)
    if result.period.note:
        typer.echo(f"note: {result.period.note}", err=True)
    for path in result.paths:
        typer.echo(str(path))
    raise typer.Exit(1 if rejections else 0)


export_app = typer.Typer(no_args_is_help=True, help="Export reviewed flags for publishing.")
app.add_typer(export_app, name="export")


@export_app.command("claimreview")
def export_claimreview(out: Annotated[Optional[Path], typer.Option("--out", help="file to write (default: reports/claimreview.jsonld)", show_default=False)] = None,
                       db: DbOption = None) -> None:
    """Write schema.org ClaimReview JSON-LD for the flags a reviewer confirmed; print the path."""
    with _tracker(db) as tracker:
        path = tracker.export_claimreview(out)
    typer.echo(str(path))


def main() -> None:
    try:
        app(standalone_mode=True)
    except FiguresError as e:
        typer.echo(f"error: {e}", err=True)
        sys.exit(e.exit_code)
