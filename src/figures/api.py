"""The facade: one object a desk (or the CLI) drives. Each method is one step of
ingest -> claims -> store -> compare -> report."""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pandas as pd

from figures.claims import Extraction, extract_or_reject
from figures.claimreview import claimreview_jsonld
from figures.compare import CLOSING_VERDICTS, VERDICTS, Comparison, apply_verdicts, compare, find_conflicts
from figures.config import Settings
from figures.errors import ConfigError, InputError, NotFoundError
from figures.ingest import ArticleDefaults, read_source
from figures.parallel import IngestOptions, ingest_articles
from figures.records import Article, Claim, Flag, IngestResult, Rejection
from figures.report import ReportOptions, ReportResult, make_report
from figures.store import Store

log = logging.getLogger(__name__)

# The fields of a claim that CONTRACT.md names, in order, then our extras.
CLAIM_FIELDS = ["article_id", "start", "end", "span", "value", "low", "high", "qualifier", "unit",
                "entity", "subject", "attributed_to", "as_of", "sentence"]
CLAIM_EXTRA_FIELDS = ["claim_id", "measure", "modality", "is_change", "claimant_chain", "location",
                      "as_of_precision", "pragmatic_low", "pragmatic_high"]


def claim_dict(claim: Claim) -> dict:
    """A claim as the CLI and the scorer see it."""
    row = {name: getattr(claim, name) for name in CLAIM_FIELDS}
    row.update(claim_id=claim.id, measure=claim.measure, modality=claim.modality, is_change=claim.is_change,
               claimant_chain=" <- ".join(claim.claimant_chain), location=claim.location,
               as_of_precision=claim.as_of_precision, pragmatic_low=claim.pragmatic_low,
               pragmatic_high=claim.pragmatic_high)
    return row


@dataclass(frozen=True, slots=True)
class Parsed:
    article: Article
    extraction: Extraction


class Tracker:
    """figures as a library: ``Tracker(Settings(db_url=...)).ingest(["samples/"])``."""

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings.from_env()
        self._store: Store | None = None

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = Store(self.settings.db_url)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def __enter__(self) -> "Tracker":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def read(self, sources: Iterable[str], defaults: ArticleDefaults = ArticleDefaults()) -> Iterator[Article | Rejection]:
        """Read without extracting. A source that cannot be opened (a missing file, an
        unreachable URL) becomes a Rejection, and the other sources still go in."""
        for source in [sources] if isinstance(sources, (str, Path)) else sources:  # one path, not its letters
            source = str(source)
            try:
                for item in read_source(source, defaults, self.settings):
                    if isinstance(item, Rejection):
                        log.info("rejected %s: %s", item.origin, item.reason)
                    yield item
            except InputError as e:
                log.info("cannot read %s: %s", e.origin, e.reason)
                yield Rejection(e.origin, f"{e.reason} — {e.hint}" if e.hint else e.reason)

    def parse(self, sources: Iterable[str], defaults: ArticleDefaults = ArticleDefaults()) -> Iterator[Parsed | Rejection]:
        """Read and extract without touching the database."""
        for item in self.read(sources, defaults):
            if isinstance(item, Rejection):
                yield item
            else:
                extraction = extract_or_reject(item)
                yield extraction if isinstance(extraction, Rejection) else Parsed(item, extraction)

    def ingest(self, sources: Iterable[str], defaults: ArticleDefaults = ArticleDefaults(),
               on_article: Callable[[Parsed], None] | None = None,
               options: IngestOptions = IngestOptions()) -> IngestResult:
        """Parse every source and store each article with all its claims or not at all.

        ``options`` spreads the parsing over processes or a Dask cluster (figures.parallel);
        what is stored is the same as a serial ingest stores.
        """
        rejections: list[Rejection] = []

        def articles() -> Iterator[Article]:
            for item in self.read(sources, defaults):
                if isinstance(item, Rejection):
                    rejections.append(item)
                else:
                    yield item

        def saved(article: Article, extraction: Extraction, _new: bool) -> None:
            if on_article:
                on_article(Parsed(article, extraction))

        counts = ingest_articles(self.store, articles(), options, saved)
        return replace(counts, rejections=tuple(rejections) + counts.rejections)

    def claims(self, since: date | None = None, until: date | None = None) -> pd.DataFrame:
        return self.store.claims_frame(since, until)

    def conflicts(self, since: date | None = None, until: date | None = None, include_closed: bool = False) -> list[Flag]:
        """Flags with their verdicts, sorted by id. A flag a reviewer closed (not-a-conflict,
        resolved) for the same claims is left out unless ``include_closed``; a new claim in
        its group brings it back, reopened."""
        flags = apply_verdicts(find_conflicts(self.store.claims_frame(since, until), self.settings),
                               self.store.verdicts_frame())
        self.store.save_flags(flags)
        return [f for f in flags if include_closed or f.verdict not in CLOSING_VERDICTS]

    def review(self, flag_id: str, verdict: str, note: str | None = None, reviewer: str | None = None) -> Flag:
        """Record a verdict (confirmed, not-a-conflict, resolved) on a flag, for its current
        claims; the flag with its verdict. ``flag_id`` may be a unique prefix."""
        if verdict not in VERDICTS:
            raise ConfigError(f"unknown verdict {verdict!r} — use one of: {', '.join(VERDICTS)}")
        flags = find_conflicts(self.store.claims_frame(), self.settings)
        self.store.save_flags(flags)
        current = {f.id: f for f in flags if f.id.startswith(flag_id)}
        stored = self.store.stored_flags(flag_id)
        ids = sorted(set(current) | set(stored))
        if len(ids) != 1:
            if not ids:
                raise NotFoundError(f"no flag {flag_id!r} in {self.settings.safe_db_url} — run `python -m figures conflicts` to list flag ids")
            raise NotFoundError(f"flag id {flag_id!r} is ambiguous ({', '.join(ids[:5])}) — give more characters")
        fid = ids[0]
        claim_ids = [c.claim_id for c in current[fid].claims] if fid in current else list(stored[fid][1])
        self.store.add_verdict(fid, claim_ids, verdict, note, reviewer or _user())
        if fid in current:
            return apply_verdicts([current[fid]], self.store.verdicts_frame())[0]
        kind = stored[fid][0]
        return Flag(id=fid, kind=kind, subject=None, entity=None, measure=None, claims=(), verdict=verdict, verdict_note=note)

    def report(self, options: ReportOptions = ReportOptions()) -> ReportResult:
        """Ingest ``options.sources`` (if any), then write the period's report (Markdown, HTML, CSV,
        JSON) under ``options.out_dir or settings.reports_dir``. The default period is the weeks
        the given articles were published in; with none given, the last complete ISO week before
        ``options.today`` (default: today)."""
        dates: list[date] = []
        ingested = self.ingest(options.sources, on_article=lambda p: p.article.published and dates.append(p.article.published)) \
            if options.sources else None
        given = (min(dates), max(dates)) if dates else None
        result = make_report(self.store, options, self.settings, self._comparison, options.today or date.today(), given)
        return replace(result, ingest=ingested)

    def export_claimreview(self, out: Path | None = None) -> Path:
        """Write schema.org ClaimReview JSON-LD for the flags a reviewer confirmed; the path."""
        path = out or self.settings.reports_dir / "claimreview.jsonld"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(claimreview_jsonld(self.conflicts()), encoding="utf-8", newline="\n")
        return path

    def _comparison(self, claims: pd.DataFrame, settings: Settings) -> Comparison:
        result = compare(claims, settings)
        return replace(result, flags=tuple(apply_verdicts(result.flags, self.store.verdicts_frame())))


def _user() -> str | None:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in this environment
        return None


def flag_dict(flag: Flag) -> dict:
    """A flag in the shape CONTRACT.md gives for ``conflicts --format json``."""
    return {
        "id": flag.id, "kind": flag.kind, "subject": flag.subject, "entity": flag.entity,
        "measure": flag.measure, "severity": round(flag.severity, 4), "explanation": flag.explanation,
        "verdict": flag.verdict, "verdict_note": flag.verdict_note,
        "claims": [
            {"claim_id": c.claim_id, "article_id": c.article_id, "start": c.start, "end": c.end, "span": c.span,
             "value": c.value, "low": c.low, "high": c.high, "outlet": c.outlet, "published": c.published,
             "attributed_to": c.attributed_to, "as_of": c.as_of, "url": c.url, "sentence": c.sentence}
            for c in flag.claims
        ],
    }
