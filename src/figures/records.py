"""Immutable records handed between the stages. They know nothing of the database or pint.

Data flows one way: ingest makes Articles, claims makes Claims, compare makes Flags.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

QUALIFIERS = ("exact", "about", "at_least", "more_than", "at_most", "less_than", "up_to", "range")
MODALITIES = ("actual", "decided", "intended", "estimated", "projected", "denied", "hypothetical")
FLAG_KINDS = ("cross_source", "revision", "within_article", "monotonic")


def content_id(*parts: object, length: int = 16) -> str:
    """A stable id from content, so re-running an ingest changes nothing."""
    digest = hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:length]


@dataclass(frozen=True, slots=True)
class Article:
    """One article as read from a file, a feed or a URL."""

    id: str
    text: str
    outlet: str | None = None
    published: date | None = None
    url: str | None = None
    title: str | None = None
    author: str | None = None
    origin: str | None = None  # where it was read from: "path:line" or a URL

    @staticmethod
    def make_id(text: str, url: str | None = None) -> str:
        return content_id("article", url or "", text)


@dataclass(frozen=True, slots=True)
class Rejection:
    """Input that could not be read: which file and line, and why. Bad input is data."""

    origin: str  # "path:line" or a URL
    reason: str


@dataclass(frozen=True, slots=True)
class Claim:
    """One quantified claim with its evidence span: ``text[start:end] == span``."""

    article_id: str
    start: int
    end: int
    span: str
    sentence: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str = "exact"
    unit: str | None = None  # pint unit string, ISO 4217 code, "percent", or None for a count
    entity: str | None = None  # what is counted or measured
    subject: str | None = None  # whom or what the figure is about
    attributed_to: str | None = None  # the original claimant; the outlet when nobody is named
    claimant_chain: tuple[str, ...] = ()  # relay chain, original claimant first
    as_of: date | None = None
    as_of_precision: str = "day"  # day, month or year
    measure: str | None = None  # normalised predicate: killed, injured, deployed, cost ...
    modality: str = "actual"
    is_change: bool = False  # "rose by 5%" is a change, not a level
    location: str | None = None  # scope: a region rather than the whole subject
    pragmatic_low: float | None = None  # what a reader takes the wording to mean
    pragmatic_high: float | None = None

    @property
    def id(self) -> str:
        return content_id("claim", self.article_id, self.start, self.end)


@dataclass(frozen=True, slots=True)
class Mention:
    """A number the extractor saw but did not turn into a claim, with the reason (recall gaps)."""

    article_id: str
    start: int
    end: int
    span: str
    reason: str


@dataclass(frozen=True, slots=True)
class FlagClaim:
    """A claim as a flag shows it: the figure plus where it appeared."""

    claim_id: str
    article_id: str
    start: int
    end: int
    span: str
    value: float | None
    low: float | None
    high: float | None
    outlet: str | None
    published: date | None
    attributed_to: str | None
    as_of: date | None
    sentence: str = ""
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Flag:
    """A discrepancy between claims about the same quantity."""

    id: str
    kind: str
    subject: str | None
    entity: str | None
    measure: str | None
    claims: tuple[FlagClaim, ...]
    severity: float = 0.0  # relative gap between the intervals
    explanation: str = ""  # which key fields matched, and why it is flagged
    verdict: str | None = None
    verdict_note: str | None = None

    @staticmethod
    def make_id(kind: str, claim_ids: list[str] | tuple[str, ...]) -> str:
        return content_id("flag", kind, *sorted(claim_ids))


@dataclass(frozen=True, slots=True)
class Related:
    """Figures that look alike but are not a conflict (planned vs deployed, region vs country,
    part vs whole, neighbouring measures): shown in the report, never flagged."""

    claims: tuple[FlagClaim, ...]
    reason: str


@dataclass(frozen=True, slots=True)
class Repeat:
    """One claimant's figure carried by several outlets: one source, many appearances."""

    attributed_to: str | None
    value: float | None
    claims: tuple[FlagClaim, ...]  # first appearance first


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What an ingest did: counts, and every rejection with its origin."""

    articles_read: int = 0
    articles_new: int = 0
    claims_new: int = 0
    rejections: tuple[Rejection, ...] = field(default=())
