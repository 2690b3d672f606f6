"""Flags + claims -> the weekly discrepancy report: Markdown, HTML, CSV and JSON.

Three steps, each testable alone:

* ``gather`` reads one period (and the period before it) from the store and runs the
  comparator over every claim published up to the end of each;
* ``build`` turns that into a ``Report`` (``figures.report_rows``): plain, sorted, immutable rows;
* ``write`` renders the report in the asked formats into ``<reports>/<period label>/``, by
  ``figures.report_pages`` (Markdown, HTML) and ``figures.report_data`` (CSV, JSON), which
  escape every article string for the format it lands in.

The same database gives the same bytes: nothing here reads the clock.
"""
from __future__ import annotations

import logging
import operator
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

from figures.charts import claimant_colours, drawing
from figures.compare import CLOSING_VERDICTS, Comparison  # a closed flag leaves the list, shown as resolved
from figures.config import Settings
from figures.errors import ConfigError
from figures.period import Period
from figures.records import FLAG_KINDS, Flag, FlagClaim, IngestResult
from figures.report_data import render_claims_csv, render_flags_csv, render_json
from figures.report_pages import render_html, render_markdown
from figures.report_rows import (Change, ClaimantRow, FlagView, Quote, Report, SourceRow, claimant_name, flag_title,
                                 interval, safe_link, split_sentence, timeline_key)
from figures.store import Store

log = logging.getLogger(__name__)

FORMATS = ("md", "html", "csv", "json")
Comparator = Callable[[pd.DataFrame, Settings], Comparison]


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """What to report on and where: one object, not a growing list of keyword arguments."""

    week: str | None = None  # "2024-W43"
    since: date | None = None
    until: date | None = None
    out_dir: Path | None = None  # the reports folder; the period's folder is made inside it
    formats: tuple[str, ...] = FORMATS
    today: date | None = None  # pinned by tests; the default period is the week before it
    sources: tuple[str, ...] = ()  # paths or URLs to ingest first
    detail: int = 100  # flags shown in full (quotes and chart), the most severe first; the rest in a table
    workers: int = 0  # processes drawing charts; 0 = one per CPU core

    def __post_init__(self) -> None:
        unknown = [f for f in self.formats if f not in FORMATS]
        if unknown or not self.formats:
            raise ConfigError(f"unknown report format {','.join(unknown) or '(none)'} — use a comma-separated subset of {','.join(FORMATS)}")
        if self.week and (self.since or self.until):
            raise ConfigError("--week and --since/--until exclude each other — give one of them")


@dataclass(frozen=True, slots=True)
class ReportInputs:
    """Everything a report is made from, read once from the store."""

    period: Period
    previous_period: Period | None
    claims: pd.DataFrame  # claims published in the period (Store.claims_frame columns)
    articles: pd.DataFrame  # articles published in the period
    mentions: pd.DataFrame  # unparsed mentions in those articles
    comparison: Comparison  # over every claim published up to period.until
    previous: Comparison | None  # over every claim published up to previous_period.until


@dataclass(frozen=True, slots=True)
class ReportResult:
    period: Period
    paths: tuple[Path, ...]
    ingest: IngestResult | None = None  # when sources were ingested first


# -- choosing the period -------------------------------------------------------------------

def choose_period(options: ReportOptions, today: date, has_articles: Callable[[Period], bool],
                  latest: date | None, given: tuple[date, date] | None = None) -> Period:
    """The asked period; else, when articles were given to report on, the weeks they were
    published in; else the last complete ISO week before ``today``, else (when that week is
    empty) the latest week with articles — with a note that says so."""
    if options.week:
        return Period.week(options.week)
    if options.since or options.until:
        return Period.between(options.since, options.until)
    if given is not None:
        first, last = Period.containing(given[0]), Period.containing(given[1])
        if first == last:
            return first
        return replace(Period.between(first.since, last.until),
                       note=f"This report covers the articles given, published {given[0]} to {given[1]}.")
    period = Period.last_complete_week(today)
    if has_articles(period):
        return period
    if latest is None:
        return replace(period, note=f"The database holds no dated articles; {period.label} is the last complete week.")
    fallback = Period.containing(latest)
    return replace(fallback, note=f"{period.label}, the last complete week, has no articles; "
                                  f"this report covers {fallback.label}, the latest week that has.")


def previous_period(period: Period) -> Period | None:
    """The period just before: last week for a week, the same number of days otherwise."""
    if period.since <= date(1900, 1, 1) or period.until >= date(2999, 12, 31):  # open-ended: nothing before it
        return None
    if re.fullmatch(r"\d{4}-W\d{2}", period.label):
        return Period.containing(period.since - timedelta(days=7))
    days = (period.until - period.since).days + 1
    return Period.between(period.since - timedelta(days=days), period.since - timedelta(days=1))


# -- reading -------------------------------------------------------------------------------

def _published_between(frame: pd.DataFrame, since: date, until: date) -> pd.Series:
    published = frame["published"]
    return published.notna() & (published >= since) & (published <= until)  # type: ignore[operator]


def gather(store: Store, period: Period, settings: Settings, comparator: Comparator) -> ReportInputs:
    """Read the period and compare every claim published up to its end (revisions need the
    history), and likewise up to the end of the period before, to tell new flags from old.

    The second comparison cannot be read off the first: a claim of this period can end a flag
    (a corrected figure), join a group (a new flag id) or move a time window, so last week's
    flags are those of last week's claims. It is skipped only when nothing was published after
    the previous period, when the two comparisons are of the same claims."""
    history = store.claims_frame(until=period.until)
    comparison = comparator(history, settings)
    before = previous_period(period)
    previous = None
    if before is not None:
        published = history["published"]
        earlier = (published.notna() & (published <= before.until)).to_numpy()  # type: ignore[operator]
        previous = comparison if earlier.all() else comparator(history[earlier].reset_index(drop=True), settings)
    claims = history[_published_between(history, period.since, period.until)].reset_index(drop=True)
    articles = store.articles_frame(period.since, period.until)
    mentions = store.mentions_frame(period.since, period.until)
    return ReportInputs(period, before, claims, articles, mentions, comparison, previous)


# -- building ------------------------------------------------------------------------------

def _in(period: Period | None, claims: Iterable[FlagClaim]) -> bool:
    return period is not None and any(isinstance(c.published, date) and period.since <= c.published <= period.until
                                      for c in claims)


def _key(flag: Flag) -> tuple:
    """What a flag is about, so a flag that gained a claim (and so a new id) is still known."""
    return (flag.kind, *((s or "").casefold().strip() for s in (flag.subject, flag.entity, flag.measure)))


def _quotes(claims: Sequence[FlagClaim]) -> tuple[Quote, ...]:
    """One quote per distinct figure of each claimant (its first appearance), with its repeats."""
    colours = claimant_colours(claims)
    groups: dict[tuple, list[FlagClaim]] = {}
    for c in sorted(claims, key=timeline_key):
        groups.setdefault((claimant_name(c), c.value, c.low, c.high), []).append(c)
    return tuple(Quote(c, *split_sentence(c.sentence, c.span), safe_link(c.url), interval(c), colours[claimant_name(c)],
                       tuple(rest)) for c, *rest in groups.values())


def _steps(flag: Flag, down_only: bool) -> list[Change]:
    ordered = sorted((c for c in flag.claims if c.value is not None), key=timeline_key)
    steps = []
    for old, new in zip(ordered, ordered[1:]):
        if new.value != old.value and (not down_only or new.value < old.value):  # type: ignore[operator]
            steps.append(Change(flag.id, flag_title(flag), old, new))
    return steps


def _sort_flags(flags: Iterable[Flag]) -> list[Flag]:
    order = {k: i for i, k in enumerate(FLAG_KINDS)}
    return sorted(flags, key=lambda f: (order.get(f.kind, len(order)), -f.severity, f.id))


def _sources(claims: pd.DataFrame, articles: pd.DataFrame, flags: Sequence[Flag],
             reliability: pd.DataFrame) -> tuple[SourceRow, ...]:
    weights = {}
    if not reliability.empty and {"attributed_to", "weight"} <= set(reliability.columns):
        weights = {str(k).casefold(): float(v) for k, v in zip(reliability["attributed_to"], reliability["weight"])
                   if k is not None and pd.notna(v)}
    flag_counts: Counter[str] = Counter()
    for f in flags:
        flag_counts.update({c.outlet for c in f.claims if c.outlet})
    outlets = sorted({o for o in articles["outlet"] if isinstance(o, str)})
    n_articles = articles["outlet"].value_counts().to_dict()
    by_outlet = claims.groupby("outlet")["attributed_to"]  # one grouping, not a filter per outlet
    n_claims, n_claimants = by_outlet.size().to_dict(), by_outlet.nunique().to_dict()
    return tuple(SourceRow(outlet, int(n_articles[outlet]), int(n_claims.get(outlet, 0)), flag_counts[outlet],
                           int(n_claimants.get(outlet, 0)), weights.get(outlet.casefold())) for outlet in outlets)


def _claimants(claims: pd.DataFrame, reliability: pd.DataFrame) -> tuple[ClaimantRow, ...]:
    if reliability.empty or "attributed_to" not in reliability.columns:
        return ()
    present = set(claims["attributed_to"].dropna())
    rows = []
    for r in reliability.to_dict("records"):
        if r.get("attributed_to") in present:
            get = lambda k: None if r.get(k) is None or pd.isna(r.get(k)) else float(r[k])  # noqa: E731
            rows.append(ClaimantRow(str(r["attributed_to"]), int(r.get("claims") or 0), get("weight"), get("low"), get("high")))
    return tuple(sorted(rows, key=lambda r: (-r.claims, r.attributed_to)))


# The fields a DataFrame row can hand over as NaN or NaT (the ints and ids cannot).
_CLAIM_FIELDS = ("value", "low", "high", "outlet", "published", "attributed_to", "as_of", "sentence", "url", "span")


_claim_fields = operator.attrgetter(*_CLAIM_FIELDS)


def _clean(c: FlagClaim) -> FlagClaim:
    """A claim with pandas' NaN/NaT (from a DataFrame row) as None, so "or" defaults work."""
    fields = _claim_fields(c)
    if isinstance(c.sentence, str) and all(map(operator.eq, fields, fields)):  # the usual case, in C
        return c  # (operator.eq, unlike ==/in on a tuple, does not take a NaN as equal to itself)
    changes = {}
    for name in _CLAIM_FIELDS:
        value = getattr(c, name)
        if value is not None and value != value:  # NaN and NaT are the values not equal to themselves
            changes[name] = None
    if not isinstance(c.sentence, str):
        changes["sentence"] = ""
    return replace(c, **changes) if changes else c


def _clean_comparison(comparison: Comparison) -> Comparison:
    return replace(comparison,
                   flags=tuple(replace(f, claims=tuple(map(_clean, f.claims))) for f in comparison.flags),
                   related=tuple(replace(r, claims=tuple(map(_clean, r.claims))) for r in comparison.related),
                   repeats=tuple(replace(r, claims=tuple(map(_clean, r.claims))) for r in comparison.repeats))


def build(inputs: ReportInputs, detail: int = 100, workers: int = 1) -> Report:
    """The report's content from its inputs; pure. The ``detail`` most severe flags get their
    quotes and a timeline chart (drawn on ``workers`` processes); the others a table row."""
    inputs = replace(inputs, comparison=_clean_comparison(inputs.comparison))  # the previous one only where shown
    period, before = inputs.period, inputs.previous_period
    of_period = [f for f in inputs.comparison.flags if _in(period, f.claims)]
    current = _sort_flags(f for f in of_period if f.verdict not in CLOSING_VERDICTS)
    closed = _sort_flags(f for f in of_period if f.verdict in CLOSING_VERDICTS)
    seen: set = set()
    if inputs.previous is not None:
        for f in inputs.previous.flags:
            seen.update((f.id, _key(f)))
    now_all: set = set()
    for f in inputs.comparison.flags:
        now_all.update((f.id, _key(f)))
    detailed = {f.id for f in sorted(current, key=lambda f: (-f.severity, f.id))[:max(detail, 0)]}
    jobs = [(f.claims, f.id, flag_title(f)) for f in current if f.id in detailed]
    with drawing(jobs, workers) as drawn:  # the quotes are made while the charts are drawn
        quotes = [_quotes(f.claims) for f in current]
        charts = dict(zip((f.id for f in current if f.id in detailed), drawn()))
    views = []
    for f, said in zip(current, quotes):
        status = "ongoing" if (f.id in seen or _key(f) in seen) else "new"
        views.append(FlagView(f, status, flag_title(f), said, charts.get(f.id, ""), f.id in detailed, len(views) + 1))
    vanished = _sort_flags(replace(f, claims=tuple(map(_clean, f.claims)))
                           for f in (inputs.previous.flags if inputs.previous else ())
                           if _in(before, f.claims) and f.id not in now_all and _key(f) not in now_all)
    resolved = closed + vanished
    verdicts = [(v.flag, v.status) for v in views if v.flag.verdict] + [(f, "resolved") for f in resolved if f.verdict]
    changes = [s for f in current if f.kind == "revision" for s in _steps(f, down_only=False)]
    drops = [s for f in current if f.kind == "monotonic" for s in _steps(f, down_only=True)]
    repeats = sorted((r for r in inputs.comparison.repeats if _in(period, r.claims)),
                     key=lambda r: (-len(r.claims), str(r.attributed_to), r.value or 0))
    related = sorted((r for r in inputs.comparison.related if _in(period, r.claims)),
                     key=lambda r: (r.reason, sorted(c.claim_id for c in r.claims)))
    mention_counts = Counter(str(r) for r in inputs.mentions["reason"])
    by_kind = Counter(f.kind for f in current)
    summary = {
        "period": period.label, "since": period.since, "until": period.until,
        "articles": len(inputs.articles), "outlets": int(inputs.articles["outlet"].nunique()),
        "claims": len(inputs.claims), "flags": len(current),
        "flags_by_kind": {k: by_kind[k] for k in FLAG_KINDS if by_kind[k]} | {k: n for k, n in sorted(by_kind.items()) if k not in FLAG_KINDS},
        "new": sum(v.status == "new" for v in views), "ongoing": sum(v.status == "ongoing" for v in views),
        "resolved": len(resolved), "repeats": len(repeats), "related": len(related),
        "unparsed_mentions": len(inputs.mentions),
    }
    return Report(
        period=period, previous_period=before, summary=summary, flags=tuple(views), changes=tuple(changes),
        drops=tuple(drops), repeats=tuple(repeats), related=tuple(related),
        sources=_sources(inputs.claims, inputs.articles, current, inputs.comparison.reliability),
        claimants=_claimants(inputs.claims, inputs.comparison.reliability),
        mentions=tuple(sorted(mention_counts.items(), key=lambda kv: (-kv[1], kv[0]))),
        resolved=tuple(resolved), verdicts=tuple(verdicts), claims=inputs.claims,
    )


# -- writing -------------------------------------------------------------------------------

def _file_name(flag_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", flag_id) or "flag"


def write(report: Report, folder: Path, wanted: Sequence[str] = FORMATS) -> list[Path]:
    """Render the report in each wanted format into ``folder``; the paths written, in order."""
    unknown = [w for w in wanted if w not in FORMATS]
    if unknown:
        raise ConfigError(f"unknown report format {', '.join(unknown)!s} — use a comma-separated subset of {','.join(FORMATS)}")
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def put(name: str, text: str) -> None:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        written.append(path)

    if "md" in wanted:
        put("report.md", render_markdown(report, lambda f: f"charts/{_file_name(f.id)}.svg"))
        for v in report.flags:
            if v.detailed:
                put(f"charts/{_file_name(v.flag.id)}.svg", v.chart)
    if "html" in wanted:
        put("report.html", render_html(report))
    if "csv" in wanted:
        put("flags.csv", render_flags_csv(report))
        put("claims.csv", render_claims_csv(report))
    if "json" in wanted:
        put("report.json", render_json(report))
    return written


def make_report(store: Store, options: ReportOptions, settings: Settings, comparator: Comparator,
                today: date, given: tuple[date, date] | None = None) -> ReportResult:
    """Choose the period, gather, build and write: what ``figures report`` does after ingesting.
    ``given`` is the first and last publication date of the articles just ingested, if any."""
    period = choose_period(options, options.today or today,
                           lambda p: not store.articles_frame(p.since, p.until).empty, store.latest_published(), given)
    log.info("reporting on %s (%s to %s)", period.label, period.since, period.until)
    report = build(gather(store, period, settings, comparator), options.detail, options.workers)
    folder = (options.out_dir or settings.reports_dir) / period.label
    return ReportResult(period, tuple(write(report, folder, options.formats)))
