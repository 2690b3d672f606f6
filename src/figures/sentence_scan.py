"""The subject reader's one pass over a sentence: where its clauses end (past short asides and
dashes), where a person's clause ends, where its places start, which companies own what, which
subordinators open a clause and which places name a speaker, kept for all the sentence's figures.
"""
from __future__ import annotations

from dataclasses import dataclass

from figures.attribution import SUBORDINATORS
from figures.context import BUSINESS_NOUNS, Context, org_kinds
from figures.places import Place, is_jurisdiction, place_words, speaker_after
from figures.tokens import Tok


_CLAUSE_STOPS = frozenset((",", ";", ":", "(", "—", "–"))
_DASHES = frozenset(("—", "–"))


@dataclass(slots=True)
class SentenceScan:
    """What the subject reader looks up for every figure of a sentence, found once per sentence, so
    a sentence of many figures costs a bisect per figure, not a rescan."""

    stops: list[int]  # punctuation that ends the clause after a figure
    breaks: list[int]  # punctuation, subordinators and "that": where a person's clause ends
    firsts: list[int]  # Place.first of the sentence's places, in order
    owned: list[tuple[int, int, str]]  # (first, end, company) of "Tesla's ...": a company before "'s"
    owners: list[int]  # tokens "its" / "the retailer's" that own a business noun ...
    owner_reach: list[int]  # ... -(the earliest business noun they own so far), for a bisect
    companies: frozenset[str]
    openers: list[int]  # "as", "while", "because" opening a clause of their own: "..., as Maui's police chief said"
    speakers: list[tuple[Place, int, bool]]  # places that name a speaker: (place, speaking noun, "officials in X")


_OPENERS = frozenset("as while whereas although though because".split())


def _opens_clause(toks: list[Tok], k: int) -> bool:
    """"as the police chief said", "while Syria reported": a subordinator before a new subject (not
    "as many as", "as of Monday", "such as Aleppo")."""
    if toks[k].low not in _OPENERS or k + 1 >= len(toks) or (k > 0 and toks[k - 1].low == "such"):
        return False
    nxt = toks[k + 1]
    return (nxt.word and nxt.cap) or nxt.low in ("the", "its", "their", "his", "her")  # not "as a result"


def _clause_stops(toks: list[Tok]) -> list[int]:
    """Punctuation that ends the clause after a figure; a short aside in brackets with no figure
    ("the Rapid Support Forces (RSF) were killed in ...") does not."""
    out = []
    skip_to = -1
    for i, t in enumerate(toks):
        if i <= skip_to or t.text not in _CLAUSE_STOPS:
            continue
        if t.text == "(":
            close = next((j for j in range(i + 1, min(len(toks), i + 6)) if toks[j].text == ")"), None)
            if close is not None and all(toks[j].fig < 0 for j in range(i + 1, close)):
                skip_to = close
                continue
        elif t.text == "," and i + 1 < len(toks) and toks[i + 1].low in place_words()["aside_opener"]:
            # "40 others injured, including women, in shelling in the city", "21,200 personnel, including
            # soldiers, gendarmes, and police, are working in Hatay": the aside does not end the clause
            close = _aside_end(toks, i)
            if close is not None:
                skip_to = close
                continue
        elif t.text in _DASHES:  # "3.7 million people – over a third of all the displaced – fled Khartoum"
            close = next((j for j in range(i + 1, min(len(toks), i + 16)) if toks[j].text in _DASHES), None)
            if close is not None:
                skip_to = close
                continue
        out.append(i)
    return out


def _aside_end(toks: list[Tok], i: int) -> int | None:
    """The comma that closes an aside opened at comma ``i`` (", including A, B, and C,"), if one does."""
    def next_stop(j: int, span: int) -> int | None:
        return next((k for k in range(j, min(len(toks), j + span)) if toks[k].text in _CLAUSE_STOPS), None)

    c = next_stop(i + 2, 7)
    while c is not None and toks[c].text == "," and all(toks[k].fig < 0 for k in range(i + 1, c)):
        item_end = next_stop(c + 1, 5)
        if c + 1 < len(toks) and toks[c + 1].low in ("and", "or"):
            return item_end if item_end is not None and toks[item_end].text == "," else None
        if item_end is None or toks[item_end].text != "," or not all(t.word for t in toks[c + 1:item_end]):
            return c
        c = item_end
    return None


def scan_sentence(ctx: Context, toks: list[Tok], places: list[Place]) -> SentenceScan:
    """The sentence's scan, made on its first figure and kept on ``ctx`` for the others."""
    if ctx.scan and ctx.scan[0] is toks and ctx.scan[1] is places:
        return ctx.scan[2]
    companies = frozenset([name for _, name, kind in ctx.orgs if kind == "company"] + list(ctx.company_names))
    owned = []
    if companies:
        for k, t in enumerate(toks):
            if t.cap:
                for size in (3, 2, 1):
                    if k + size < len(toks) and toks[k + size].low == "'s" and \
                            " ".join(x.text for x in toks[k:k + size]) in companies:
                        owned.append((k, k + size, " ".join(x.text for x in toks[k:k + size])))
    owners, reach, nearest = [], [], len(toks)
    for k in range(len(toks) - 1):
        if toks[k].low == "its" or (toks[k + 1].low == "'s" and org_kinds().get(toks[k].low) == "company"
                                    and not toks[k].cap):
            noun = next((j for j in range(k + 1, min(len(toks), k + 5)) if toks[j].low in BUSINESS_NOUNS), None)
            if noun is not None:
                nearest = min(nearest, noun)
                owners.append(k)
                reach.append(-nearest)
    scan = SentenceScan(
        stops=_clause_stops(toks),
        breaks=[i for i, t in enumerate(toks) if t.text in (",", ";", ":") or t.low in SUBORDINATORS or t.low == "that"],
        firsts=[p.first for p in places], owned=owned, owners=owners, owner_reach=reach, companies=companies,
        openers=[k for k, t in enumerate(toks) if t.low in _OPENERS and _opens_clause(toks, k)],
        speakers=[(p, speaker, jurisdiction) for p in places
                  if (speaker := speaker_after(ctx, toks, p)) | (jurisdiction := is_jurisdiction(ctx, toks, p))])
    ctx.scan = (toks, places, scan)
    return scan
