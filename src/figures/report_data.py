"""The report as data: ``flags.csv`` and ``claims.csv`` for spreadsheets, ``report.json`` for
programs.

Every string that came from an article is escaped for the format it lands in: CSV cells through
``figures.formats.csv_cell`` (by way of ``columns_to_csv``), so a spreadsheet never runs one as
a formula; JSON through the encoder, with the line separators it leaves raw escaped by
``escape_line_breaks``.
"""
from __future__ import annotations

import json
import operator
from collections.abc import Iterable
from datetime import date

from figures.formats import columns_to_csv, columns_to_csv_lines, escape_line_breaks, plain
from figures.records import Flag, FlagClaim
from figures.report_rows import Change, Report, timeline_key

FLAG_CSV_COLUMNS = ["flag_id", "status", "kind", "subject", "entity", "measure", "severity", "verdict",
                    "claim_id", "article_id", "start", "end", "span", "value", "low", "high", "outlet",
                    "published", "attributed_to", "as_of", "url", "sentence"]


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
            "verdict_note": f.verdict_note, "claim_ids": _claim_ids(sorted(f.claims, key=timeline_key))}


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
    held = [sorted(v.flag.claims, key=timeline_key) for v in report.flags]
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
