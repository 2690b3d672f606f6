"""Flags a reviewer confirmed -> schema.org ClaimReview JSON-LD, one review per claim.

A flag holds several claims (12,000 from one claimant, 10,000 from another); a ClaimReview
reviews one claim, so each distinct (claimant, figure) of a confirmed flag gets its own review,
rated against the other figures of the flag. Ids are content hashes: stable across runs.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from figures.formats import to_json
from figures.records import Flag, FlagClaim, content_id
from figures.report_rows import safe_link

# The verdict (figures.compare.VERDICTS) that means "a reviewer checked it: the discrepancy is real".
CONFIRMED_VERDICTS = frozenset({"confirmed"})
# What the rating says, per kind of flag.
RATINGS = {
    "cross_source": "Disputed: other sources give a different figure",
    "revision": "Outdated: the figure was later revised",
    "within_article": "Inconsistent: the same article gives another figure",
    "monotonic": "Inconsistent: a cumulative figure went down",
}
# Words that make a claimant an organisation rather than a person (lower case, whole words).
ORGANISATION_WORDS = frozenset("""
agency agencies ministry office department police government council authority authorities
service services organization organisation committee commission bureau institute university
company corporation group agency's army forces military navy command court parliament
congress senate administration officials spokesperson union bank fund un who nato eu
""".split())
CONTEXT = "https://schema.org"


def is_confirmed(flag: Flag) -> bool:
    return (flag.verdict or "").strip().casefold() in CONFIRMED_VERDICTS


def _author(name: str, outlets: set[str]) -> dict:
    words = {w.strip(".,'()").casefold() for w in name.split()}
    kind = "Organization" if name in outlets or words & ORGANISATION_WORDS else "Person"
    return {"@type": kind, "name": name}


def _appearance(c: FlagClaim) -> dict:
    item: dict = {"@type": "CreativeWork"}
    link = safe_link(c.url)
    if link:
        item["url"] = link
    if c.published:
        item["datePublished"] = c.published.isoformat()
    if c.outlet:
        item["publisher"] = {"@type": "Organization", "name": c.outlet}
    return item


def _order(c: FlagClaim) -> tuple:
    return (c.published or date.max, c.as_of or date.max, c.claim_id)


def claim_reviews(flags: Iterable[Flag]) -> list[dict]:
    """One ClaimReview per distinct (claimant, figure) of each confirmed flag, sorted by @id."""
    reviews = []
    for flag in flags:
        if not is_confirmed(flag):
            continue
        outlets = {c.outlet for c in flag.claims if c.outlet}
        groups: dict[tuple, list[FlagClaim]] = {}
        for c in sorted(flag.claims, key=_order):
            groups.setdefault((c.attributed_to or c.outlet or "", c.value), []).append(c)
        for (claimant, value), claims in groups.items():
            first = claims[0]
            others = [c for c in flag.claims if (c.attributed_to or c.outlet or "", c.value) != (claimant, value)]
            against = "; ".join(f"{c.span} ({c.attributed_to or c.outlet or 'unattributed'}, {c.outlet or 'unknown outlet'}, "
                                f"{c.published or 'undated'})" for c in sorted(others, key=_order))
            about = " — ".join(s for s in (flag.subject, flag.entity) if s)
            item: dict = {"@type": "Claim", "appearance": [_appearance(c) for c in claims],
                          "firstAppearance": _appearance(first)}
            if claimant:
                item["author"] = _author(claimant, outlets)
            if first.published:
                item["datePublished"] = first.published.isoformat()
            explanation = (flag.explanation + " " if flag.explanation else "") + (f"Other figures: {against}." if against else "")
            review = {
                "@type": "ClaimReview",
                "@id": f"urn:figures:claimreview:{content_id('claimreview', flag.id, claimant, value)}",
                "claimReviewed": first.sentence or f"{first.span} {about}".strip(),
                "itemReviewed": item,
                "reviewRating": {"@type": "Rating", "alternateName": RATINGS.get(flag.kind, "Inconsistent figures"),
                                 "ratingExplanation": explanation.strip()},
                "identifier": flag.id,
            }
            if about:
                review["about"] = about
            if flag.verdict_note:
                review["reviewBody"] = flag.verdict_note
            reviews.append(review)
    return sorted(reviews, key=lambda r: r["@id"])


def claimreview_jsonld(flags: Iterable[Flag]) -> str:
    """The JSON-LD document: ``{"@context": "https://schema.org", "@graph": [...]}``."""
    return to_json({"@context": CONTEXT, "@graph": claim_reviews(flags)})
