"""The report's rows, and how a value in them is written.

``report.build`` makes a ``Report`` of these immutable rows and every renderer reads it
(``report_pages``: Markdown and HTML; ``report_data``: CSV and JSON). They live here, below
both, so ``report`` can call the renderers without the renderers importing ``report``; and the
few ways a figure, an interval, a link or a title is written are here once, so every format
says the same thing.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import quote, urlsplit

import pandas as pd

from figures.period import Period
from figures.records import Flag, FlagClaim, Related, Repeat


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
    """The report's content, sorted: what ``report.build`` makes and every renderer reads."""

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


# -- writing a value ---------------------------------------------------------------------

def timeline_key(c: FlagClaim) -> tuple:
    """A claim's place in its quantity's timeline: by the date it refers to, then publication."""
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


def flag_title(flag: Flag) -> str:
    """What a flag is about: "subject — entity (measure)"."""
    head = " — ".join(s for s in (flag.subject, flag.entity) if s) or "unnamed quantity"
    return f"{head} ({flag.measure})" if flag.measure else head


def claimant_name(c: FlagClaim) -> str:
    """Who states the claim: the claimant, else the outlet."""
    return c.attributed_to or c.outlet or "unattributed"
