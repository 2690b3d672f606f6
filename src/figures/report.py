"""Flags + claims -> the weekly discrepancy report: Markdown, HTML, CSV and JSON.

Three steps, each testable alone:

* ``gather`` reads one period (and the period before it) from the store and runs the
  comparator over every claim published up to the end of each;
* ``build`` turns that into a ``Report``: plain, sorted, immutable rows;
* ``write`` renders the report in the asked formats into ``<reports>/<period label>/``.

Every string that came from an article is escaped for the format it lands in: HTML through
Jinja's autoescape, Markdown through ``figures.markdown``, CSV through ``figures.formats.csv_cell``.
The same database gives the same bytes: nothing here reads the clock.
"""
from __future__ import annotations

import functools
import json
import logging
import operator
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import quote, urlsplit

import pandas as pd
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from figures.charts import claimant_colours, drawing
from figures.formats import columns_to_csv, columns_to_csv_lines, escape_line_breaks, plain
from figures.compare import CLOSING_VERDICTS, Comparison  # a closed flag leaves the list, shown as resolved
from figures.config import Settings
from figures.errors import ConfigError
from figures.markdown import md_cell, md_text
from figures.period import Period
from figures.records import FLAG_KINDS, Flag, FlagClaim, IngestResult, Related, Repeat
from figures.store import Store

log = logging.getLogger(__name__)

FORMATS = ("md", "html", "csv", "json")
Comparator = Callable[[pd.DataFrame, Settings], Comparison]

KIND_LABELS = {
    "cross_source": "sources disagree",
    "revision": "figure revised",
    "within_article": "article contradicts itself",
    "monotonic": "cumulative figure went down",
}
CARDS = 12  # figures shown side by side per flag; every claim is in flags.csv and report.json
BRIEF_FIGURES = 6  # figures per row of the further-flags table
# Rows a reader can use in the page and the Markdown, per section of changes, drops, repeats and
# related figures (the first by flag order, the most repeated first); every row is in report.json.
SHOWN_ROWS = 50
REPEAT_OUTLETS = 10  # outlets named per repeated figure in the page and the Markdown
STATUS_LABELS = {"new": "new this period", "ongoing": "seen before", "resolved": "no longer flagged"}

FLAG_CSV_COLUMNS = ["flag_id", "status", "kind", "subject", "entity", "measure", "severity", "verdict",
                    "claim_id", "article_id", "start", "end", "span", "value", "low", "high", "outlet",
                    "published", "attributed_to", "as_of", "url", "sentence"]


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
class Quote:
    """A flagged claim as the report shows it: the sentence split around the figure."""

    claim: FlagClaim
    before: str
    figure: str
    after: str
    link: str | None  # the article URL, only when it is http(s)
    interval: str
    colour: str  # the claimant's colour in the chart
    repeats: tuple[FlagClaim, ...] = ()  # later claims of the same figure by the same claimant


@dataclass(frozen=True, slots=True)
class FlagView:
    flag: Flag
    status: str  # new | ongoing
    title: str
    quotes: tuple[Quote, ...]
    chart: str  # inline SVG; "" for a flag listed in the short table
    detailed: bool = True
    number: int = 0  # its place in the report, from 1


@dataclass(frozen=True, slots=True)
class Change:
    """One step of a revised (or falling cumulative) figure: old -> new."""

    flag_id: str
    title: str
    old: FlagClaim
    new: FlagClaim


@dataclass(frozen=True, slots=True)
class SourceRow:
    outlet: str
    articles: int
    claims: int
    flags: int
    claimants: int
    reliability: float | None


@dataclass(frozen=True, slots=True)
class ClaimantRow:
    attributed_to: str
    claims: int
    weight: float | None
    low: float | None
    high: float | None


@dataclass(frozen=True)
class Report:
    period: Period
    previous_period: Period | None
    summary: dict
    flags: tuple[FlagView, ...]
    changes: tuple[Change, ...]
    drops: tuple[Change, ...]
    repeats: tuple[Repeat, ...]
    related: tuple[Related, ...]
    sources: tuple[SourceRow, ...]
    claimants: tuple[ClaimantRow, ...]
    mentions: tuple[tuple[str, int], ...]  # (reason, count), most frequent first
    resolved: tuple[Flag, ...]
    verdicts: tuple[tuple[Flag, str], ...]  # (flag, status) for every flag with a verdict
    claims: pd.DataFrame = field(repr=False, compare=False, default_factory=pd.DataFrame)


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


def _when(c: FlagClaim) -> tuple:
    return (c.as_of or c.published or date.min, c.published or date.min, c.article_id, c.start, c.claim_id)


def number(value: float | None) -> str:
    """12000 -> "12,000"; 2.5 -> "2.5"; None -> "?"."""
    if value is None:
        return "?"
    if float(value).is_integer() and abs(value) < 1e18:
        return f"{int(value):,}"
    return f"{value:,.6g}" if abs(value) >= 1 else f"{value:.6g}"


def interval(c: FlagClaim) -> str:
    """The interval the wording allows, e.g. "12,000", "≥ 1,000", "9,000–11,000"."""
    if c.low is None and c.high is None:
        return "unbounded" if c.value is None else number(c.value)
    if c.low is None:
        return f"≤ {number(c.high)}"
    if c.high is None:
        return f"≥ {number(c.low)}"
    if c.low == c.high:
        return number(c.low)
    return f"{number(c.low)}–{number(c.high)}"


@functools.lru_cache(maxsize=8192)
def safe_link(url: str | None) -> str | None:
    """The URL when it is http(s) with a host; anything else (javascript:, data:, files) is not linked."""
    if not isinstance(url, str) or not url.strip():
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        return None
    return quote(url, safe=":/?#@!$&'*+,;=%-._~")  # no spaces, quotes, brackets or parentheses


def split_sentence(sentence: str, span: str) -> tuple[str, str, str]:
    """The sentence as (before, figure, after) around the first occurrence of the span."""
    sentence = sentence or ""
    at = sentence.find(span) if span else -1
    if at < 0:
        return (sentence + " " if sentence else ""), span, ""
    return sentence[:at], span, sentence[at + len(span):]


def _title(flag: Flag) -> str:
    head = " — ".join(s for s in (flag.subject, flag.entity) if s) or "unnamed quantity"
    return f"{head} ({flag.measure})" if flag.measure else head


def _claimant(c: FlagClaim) -> str:
    return c.attributed_to or c.outlet or "unattributed"


def _quotes(claims: Sequence[FlagClaim]) -> tuple[Quote, ...]:
    """One quote per distinct figure of each claimant (its first appearance), with its repeats."""
    colours = claimant_colours(claims)
    groups: dict[tuple, list[FlagClaim]] = {}
    for c in sorted(claims, key=_when):
        groups.setdefault((_claimant(c), c.value, c.low, c.high), []).append(c)
    return tuple(Quote(c, *split_sentence(c.sentence, c.span), safe_link(c.url), interval(c), colours[_claimant(c)],
                       tuple(rest)) for c, *rest in groups.values())


def _steps(flag: Flag, down_only: bool) -> list[Change]:
    ordered = sorted((c for c in flag.claims if c.value is not None), key=_when)
    steps = []
    for old, new in zip(ordered, ordered[1:]):
        if new.value != old.value and (not down_only or new.value < old.value):  # type: ignore[operator]
            steps.append(Change(flag.id, _title(flag), old, new))
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
    jobs = [(f.claims, f.id, _title(f)) for f in current if f.id in detailed]
    with drawing(jobs, workers) as drawn:  # the quotes are made while the charts are drawn
        quotes = [_quotes(f.claims) for f in current]
        charts = dict(zip((f.id for f in current if f.id in detailed), drawn()))
    views = []
    for f, said in zip(current, quotes):
        status = "ongoing" if (f.id in seen or _key(f) in seen) else "new"
        views.append(FlagView(f, status, _title(f), said, charts.get(f.id, ""), f.id in detailed, len(views) + 1))
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


# -- rendering -----------------------------------------------------------------------------

def _claim_json(c: FlagClaim) -> dict:
    return {"claim_id": c.claim_id, "article_id": c.article_id, "start": c.start, "end": c.end, "span": c.span,
            "value": c.value, "low": c.low, "high": c.high, "outlet": c.outlet,
            "published": c.published.isoformat() if c.published else None, "attributed_to": c.attributed_to,
            "as_of": c.as_of.isoformat() if c.as_of else None, "url": c.url, "sentence": c.sentence}


def _claim_ids(claims: Iterable[FlagClaim]) -> list[str]:
    return [c.claim_id for c in claims]


def _flag_json(f: Flag, **extra: object) -> dict:
    return {"id": f.id, "kind": f.kind, **extra, "subject": f.subject, "entity": f.entity, "measure": f.measure,
            "severity": round(f.severity, 4), "explanation": f.explanation, "verdict": f.verdict,
            "verdict_note": f.verdict_note, "claim_ids": _claim_ids(sorted(f.claims, key=_when))}


def _change_json(s: Change) -> dict:
    """A step of a flag's timeline: the flag, and its two claims by id."""
    return {"flag_id": s.flag_id, "title": s.title, "old": s.old.claim_id, "new": s.new.claim_id}


def _claims_once(report: Report) -> list[FlagClaim]:
    """Every claim the report names (in its flags, resolved flags, repeats, related figures),
    once, in publication order: a claim held by several flags is written once."""
    named: dict[str, FlagClaim] = {}
    for group in (*(v.flag for v in report.flags), *report.resolved, *report.repeats, *report.related):
        for c in group.claims:
            named.setdefault(c.claim_id, c)
    return sorted(named.values(), key=lambda c: (c.published is None, c.published or date.min, c.article_id, c.start, c.claim_id))


def render_json(report: Report) -> str:
    """The report as data. ``claims`` holds every claim the report names, each once and in full
    (ids, span, value and interval, outlet, dates, claimant, URL, sentence), in publication
    order; everything else names claims by id: flags (here and in
    ``compared_with_previous.resolved``) and related figures by ``claim_ids``, repeats by the
    ``claim_ids`` where the same claimant's figure appeared, and ``changes`` and
    ``cumulative_drops`` by the flag and its ``old`` and ``new`` claim.
    ``compared_with_previous`` lists the ids of new and ongoing flags."""
    period = lambda p: None if p is None else {"label": p.label, "since": p.since, "until": p.until, "note": p.note}  # noqa: E731
    doc = {
        "period": period(report.period),
        "previous_period": period(report.previous_period),
        "summary": report.summary,
        "flags": [_flag_json(v.flag, status=v.status, title=v.title) for v in report.flags],
        "changes": [_change_json(s) for s in report.changes],
        "cumulative_drops": [_change_json(s) for s in report.drops],
        "repeats": [{"attributed_to": r.attributed_to, "value": r.value, "claim_ids": _claim_ids(r.claims)}
                    for r in report.repeats],
        "related": [{"reason": r.reason, "claim_ids": _claim_ids(r.claims)} for r in report.related],
        "sources": [{"outlet": s.outlet, "articles": s.articles, "claims": s.claims, "flags": s.flags,
                     "claimants": s.claimants, "reliability": s.reliability} for s in report.sources],
        "claimants": [{"attributed_to": c.attributed_to, "claims": c.claims, "weight": c.weight, "low": c.low,
                       "high": c.high} for c in report.claimants],
        "unparsed_mentions": {"total": report.summary["unparsed_mentions"], "by_reason": dict(report.mentions)},
        "compared_with_previous": {
            "new": [v.flag.id for v in report.flags if v.status == "new"],
            "ongoing": [v.flag.id for v in report.flags if v.status == "ongoing"],
            "resolved": [_flag_json(f) for f in report.resolved],
            "verdicts": [{"flag_id": f.id, "status": status, "verdict": f.verdict, "note": f.verdict_note}
                         for f, status in report.verdicts],
        },
        "claims": [_claim_json(c) for c in _claims_once(report)],
    }
    return escape_line_breaks(_json_by_line(doc))


def _json_by_line(doc: dict) -> str:
    """The document with one line per top-level field and per item of a top-level list: quick to
    write (the C encoder) and a reviewable diff (a changed flag is a changed line)."""
    dump = json.JSONEncoder(ensure_ascii=False, default=plain).encode  # one encoder for every item
    parts = []
    for key, value in doc.items():
        if isinstance(value, list) and value:
            items = ",\n".join("    " + dump(item) for item in value)
            parts.append(f"  {dump(key)}: [\n{items}\n  ]")
        elif isinstance(value, dict) and value and key == "compared_with_previous":
            parts.append(f"  {dump(key)}: " + _json_by_line(value).strip().replace("\n", "\n  "))
        else:
            parts.append(f"  {dump(key)}: {dump(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def render_flags_csv(report: Report) -> str:
    """One row per claim of each flag, the flag's fields repeated. A flag's cells and a claim's
    cells are each made once, as parts of a CSV line, and joined per row: a claim held by
    several flags (or a flag's thirty fields per claim) is not turned into text again."""
    flag_cols, claim_cols = FLAG_CSV_COLUMNS[:8], FLAG_CSV_COLUMNS[8:]
    held = [sorted(v.flag.claims, key=_when) for v in report.flags]
    claims = list({c.claim_id: c for mine in held for c in mine}.values())
    flags = [(v.flag.id, v.status, v.flag.kind, v.flag.subject, v.flag.entity, v.flag.measure, round(v.flag.severity, 4),
              v.flag.verdict) for v in report.flags]
    flag_parts = [line[:-1] + "," for line in columns_to_csv_lines(dict(zip(flag_cols, map(list, zip(*flags)))))] if flags else []
    claim_parts = dict(zip((c.claim_id for c in claims), columns_to_csv_lines(
        {name: list(map(operator.attrgetter(name), claims)) for name in claim_cols})))
    header = columns_to_csv({name: [] for name in FLAG_CSV_COLUMNS})
    return header + "".join([part + claim_parts[c.claim_id] for part, mine in zip(flag_parts, held) for c in mine])


def render_claims_csv(report: Report) -> str:
    """The period's claims, one per row, in publication order."""
    frame = report.claims
    ordered = frame.sort_values(["published", "article_id", "start"], kind="stable", na_position="last") if len(frame) else frame
    return columns_to_csv({c: ordered[c].tolist() for c in ordered.columns})


def _md_link(url: str | None, text: str = "article") -> str:
    return f"[{text}]({url})" if url else "–"


def _md_claim_line(c: FlagClaim) -> str:
    return (f"{md_text(c.span)} ({md_text(c.outlet) or 'unknown outlet'}, {c.published or 'undated'}; "
            f"{md_text(_claimant(c))})")


def render_markdown(report: Report, chart_path: Callable[[Flag], str] | None = None) -> str:
    """The report as GitHub-flavoured Markdown; ``chart_path`` gives each flag's chart file."""
    s, p = report.summary, report.period
    out: list[str] = [f"# Discrepancy report {p.label}", "",
                      f"Articles published {p.since} to {p.until}."]
    if p.note:
        out += ["", f"> {md_text(p.note)}"]
    out += ["", "## Summary", "",
            "| articles | outlets | claims | flags | new | seen before | no longer flagged | unparsed mentions |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
            f"| {s['articles']} | {s['outlets']} | {s['claims']} | {s['flags']} | {s['new']} | {s['ongoing']} | "
            f"{s['resolved']} | {s['unparsed_mentions']} |", ""]
    if s["flags_by_kind"]:
        out += ["Flags by kind: " + ", ".join(f"{KIND_LABELS.get(k, md_text(k))} ({_md_code(k)}) {n}"
                                                for k, n in s["flags_by_kind"].items()) + ".", ""]
    out += ["## Flags", ""]
    if not report.flags:
        out += ["No flags in this period.", ""]
    for i, v in enumerate(report.flags, 1):
        if not v.detailed:
            continue
        f = v.flag
        out += [f"### {i}. {md_text(v.title)}", "",
                f"**{KIND_LABELS.get(f.kind, md_text(f.kind))}** ({_md_code(f.kind)}) · {STATUS_LABELS[v.status]} · "
                f"severity {f.severity:.2f} · flag {_md_code(f.id)}"
                + (f" · verdict: **{md_text(f.verdict)}**" + (f" ({md_text(f.verdict_note)})" if f.verdict_note else "")
                   if f.verdict else ""), ""]
        if f.explanation:
            out += [md_text(f.explanation), ""]
        out += ["| figure | interval | outlet | published | claimant | as of | link | repeated in |",
                "| --- | --- | --- | --- | --- | --- | --- | --- |"]
        for q in v.quotes[:CARDS]:
            c = q.claim
            out.append(f"| **{md_cell(c.span)}** | {md_cell(q.interval)} | {md_cell(c.outlet)} | {c.published or '–'} | "
                       f"{md_cell(_claimant(c))} | {c.as_of or '–'} | {_md_link(q.link)} | {md_cell(_also(q))} |")
        out.append("")
        if len(v.quotes) > CARDS:
            out += [f"… and {len(v.quotes) - CARDS} more figures (every claim is in flags.csv).", ""]
        for q in v.quotes[:CARDS]:
            quote_text = _md_quote(q)
            out += [f"> {quote_text}", f"> — {md_text(q.claim.outlet) or 'unknown outlet'}, {q.claim.published or 'undated'}", ""]
        if chart_path is not None:
            out += [f"![timeline of {md_text(v.title)}]({chart_path(f)})", ""]
    brief = [(i, v) for i, v in enumerate(report.flags, 1) if not v.detailed]
    if brief:
        out += ["### Further flags", "", f"The {len(brief)} less severe flags, figures only (all of them are in flags.csv and report.json).", "",
                "| # | quantity | kind | status | figures | flag |", "| ---: | --- | --- | --- | --- | --- |"]
        out += [f"| {i} | {md_cell(v.title)} | {_md_code(v.flag.kind)} | {STATUS_LABELS[v.status]} | "
                + " vs ".join(f"**{md_text(q.claim.span)}** ({md_text(_claimant(q.claim))}, {md_text(q.claim.outlet) or 'unknown outlet'}, "
                              f"{q.claim.published or 'undated'})" for q in v.quotes[:BRIEF_FIGURES])
                + (f" and {len(v.quotes) - BRIEF_FIGURES} more" if len(v.quotes) > BRIEF_FIGURES else "")
                + f" | {_md_code(v.flag.id)} |" for i, v in brief]
        out.append("")
    out += _md_changes("## Figures that changed", report.changes, "No figure was revised in this period.")
    out += _md_changes("## Cumulative figures that went down", report.drops, "No cumulative figure went down in this period.")
    out += ["## Figures repeated across outlets", ""]
    if not report.repeats:
        out += ["No figure was repeated across outlets in this period.", ""]
    for r in report.repeats[:SHOWN_ROWS]:
        first, rest = r.claims[0], r.claims[1:]
        out += [f"- **{md_text(first.span)}** from {md_text(r.attributed_to) or 'an unnamed source'}: first in "
                f"{md_text(first.outlet) or 'unknown outlet'} ({first.published or 'undated'}), repeated by "
                + (", ".join(f"{md_text(c.outlet) or 'unknown outlet'} ({c.published or 'undated'})" for c in rest[:REPEAT_OUTLETS])
                   or "nobody else") + _more(len(rest), REPEAT_OUTLETS)]
    out += _md_more(len(report.repeats), "figures repeated")
    out += [""] if report.repeats else []
    out += ["## Related figures (not conflicts)", ""]
    if not report.related:
        out += ["None in this period.", ""]
    for r in report.related[:SHOWN_ROWS]:
        out += [f"- {md_text(r.reason)}: " + "; ".join(_md_claim_line(c) for c in sorted(r.claims, key=_when))]
    out += _md_more(len(report.related), "related figures")
    out += [""] if report.related else []
    out += ["## Sources", "", "| outlet | articles | claims | flags | claimants | reliability |",
            "| --- | ---: | ---: | ---: | ---: | ---: |"]
    out += [f"| {md_cell(r.outlet)} | {r.articles} | {r.claims} | {r.flags} | {r.claimants} | "
            f"{'–' if r.reliability is None else f'{r.reliability:.2f}'} |" for r in report.sources]
    out.append("")
    if report.claimants:
        out += ["Claimant reliability (from agreement with other sources):", "",
                "| claimant | claims | weight | interval |", "| --- | ---: | ---: | --- |"]
        out += [f"| {md_cell(c.attributed_to)} | {c.claims} | {_fmt(c.weight)} | {_fmt(c.low)}–{_fmt(c.high)} |"
                for c in report.claimants]
        out.append("")
    out += ["## Unparsed mentions", "",
            f"{s['unparsed_mentions']} numbers in this period's articles were seen but not read as claims."]
    if report.mentions:
        out += ["", "| reason | count |", "| --- | ---: |"] + [f"| {md_cell(k)} | {n} |" for k, n in report.mentions]
    out += ["", "## Compared with the previous period", ""]
    if report.previous_period is None:
        out += ["No previous period to compare with.", ""]
    else:
        out += [f"Previous period: {report.previous_period.label}. New flags: {s['new']}; seen before: {s['ongoing']}; "
                f"no longer flagged: {s['resolved']}.", ""]
        out += [f"- no longer flagged: {md_text(_title(f))} ({_md_code(f.kind)}, flag {_md_code(f.id)})" for f in report.resolved]
        out += [""] if report.resolved else []
    out += ["### Reviewer verdicts", ""]
    if not report.verdicts:
        out += ["No verdicts on these flags yet.", ""]
    for f, status in report.verdicts:
        out += [f"- {md_text(_title(f))} (flag {_md_code(f.id)}, {STATUS_LABELS[status]}): **{md_text(f.verdict)}**"
                + (f" — {md_text(f.verdict_note)}" if f.verdict_note else "")]
    out += [""] if report.verdicts else []
    return "\n".join(out).rstrip("\n") + "\n"


def _also(q: Quote, names: int = 5) -> str:
    """Where else the same claimant's figure appeared: "Reuters (2024-10-22), AP (…) and 3 more"."""
    shown = ", ".join(f"{c.outlet or 'unknown outlet'} ({c.published or 'undated'})" for c in q.repeats[:names])
    return shown + (f" and {len(q.repeats) - names} more" if len(q.repeats) > names else "")


def _md_quote(q: Quote) -> str:
    """The sentence with the figure in bold; the spaces around the figure survive escaping."""
    before, after = md_text(q.before), md_text(q.after)
    if before and q.before[-1:].isspace():
        before += " "
    if after and q.after[:1].isspace():
        after = " " + after
    return f"{before}**{md_text(q.figure)}**{after}" if q.figure else before


def _more(total: int, shown: int) -> str:
    return f" and {total - shown} more" if total > shown else ""


def _md_more(total: int, what: str) -> list[str]:
    """The note under a section cut at SHOWN_ROWS rows."""
    if total <= SHOWN_ROWS:
        return []
    return ["", f"… and {total - SHOWN_ROWS} more {what} (all {total} are in report.json).", ""]


def _md_code(value: object) -> str:
    """An inline code span: backslash escapes do not work inside, so backticks are replaced."""
    return "`" + re.sub(r"[`\s]+", lambda m: "'" if "`" in m.group(0) else " ", str(value)).strip() + "`"


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _md_changes(heading: str, steps: Sequence[Change], empty: str) -> list[str]:
    out = [heading, ""]
    if not steps:
        return out + [empty, ""]
    out += ["| quantity | old | new | changed by | outlet | link |", "| --- | --- | --- | --- | --- | --- |"]
    for s in steps[:SHOWN_ROWS]:
        out.append(f"| {md_cell(s.title)} | {md_cell(s.old.span)} ({s.old.as_of or s.old.published or 'undated'}) | "
                   f"{md_cell(s.new.span)} ({s.new.as_of or s.new.published or 'undated'}) | {md_cell(_claimant(s.new))} | "
                   f"{md_cell(s.new.outlet)} | {_md_link(safe_link(s.new.url))} |")
    return out + [""] + _md_more(len(steps), "changes")


@functools.lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(loader=PackageLoader("figures", "templates"), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(number=number, interval=interval, link=safe_link, claimant=_claimant, flagtitle=_title, also=_also)
    env.globals.update(CARDS=CARDS, BRIEF_FIGURES=BRIEF_FIGURES, SHOWN_ROWS=SHOWN_ROWS, REPEAT_OUTLETS=REPEAT_OUTLETS)
    env.globals.update(KIND_LABELS=KIND_LABELS, STATUS_LABELS=STATUS_LABELS, sorted_claims=lambda cs: sorted(cs, key=_when))
    return env


def render_html(report: Report) -> str:
    """One self-contained page: inline CSS and SVG, no scripts, nothing fetched."""
    charts = {v.flag.id: Markup(v.chart) for v in report.flags if v.detailed}  # noqa: S704 - matplotlib escapes the text it draws
    return _environment().get_template("report.html.j2").render(report=report, s=report.summary, charts=charts)


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
