"""Who says a figure: claimants and relay chains.

"X said", "said X", "according to X", "citing X", "per X", "..., saying"; pronouns resolve to
the last named claimant (or person); "the authority", "the ministry", "the company" to the last
organisation of that kind named (``data/org_kinds.tsv``); a figure right before its claimant is
theirs ("the 190,000 economists had expected"); quoted sentences take the speaker of their
quotation; relay chains put the original claimant first and the outlet last; nobody named -> the
outlet.

This module reads one figure's claimant in its clause (``attribute``) and is the door to the
readers it runs: ``claimants`` (cues and the noun phrases they name), ``name_resolution`` (a
description to the name the article gives) and ``claimant_inheritance`` (claimants across
sentences).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from figures.claimant_inheritance import inherit_quoted
from figures.claimant_phrases import SUBORDINATORS
from figures.claimants import cue_pattern, find_claimants
from figures.context import Claimant, Context
from figures.name_resolution import last_organisation, resolve_name
from figures.timeref import alternation
from figures.lexicon import data_map
from figures.word_classes import word_class

__all__ = ["SUBORDINATORS", "attribute", "cue_pattern", "find_claimants", "inherit_quoted", "last_organisation", "resolve_name"]


def attribute(ctx: Context, claimants: list[Claimant], at: int) -> tuple[str, tuple[str, ...]]:
    """(original claimant, relay chain with the original first) for a figure at offset ``at``."""
    name, chain = _attribute(ctx, claimants, at)
    agency = wire_agency(ctx.article.outlet or "", ctx.article.text)
    if not agency or agency in chain or _in_headline(ctx.article.text, at):
        return name, chain  # (a headline over wire copy is the outlet's own)
    # wire copy: the agency wrote what the outlet relays; nobody else named -> the agency's
    chain = chain[:-1] + (agency, chain[-1]) if chain and chain[-1] == ctx.article.outlet else chain + (agency,)
    return (agency if name == ctx.article.outlet else name), chain


def _own_claimant(claimants: list[Claimant], at: int) -> Claimant | None:
    """The claimant whose own object the figure at ``at`` is. Of two ("the official tally of 41
    reported by the Valdor government"), not the one read from "official": that word before the
    document only says what kind of count it is, and the author named after it says whose."""
    owners = [c for c in claimants if c.object_of == at]
    named = [c for c in owners if c.name.lower() not in OFFICIAL]
    return (named or owners or [None])[0]


# Adjectives that make a document official, naming no author ("the official tally")
OFFICIAL = word_class("claimant_words.tsv", "official")


def _in_headline(text: str, at: int) -> bool:
    """The figure stands in a headline the text opens with: a first line with no closing stop,
    set apart by a blank line, before any dateline."""
    end = text.find("\n")
    if end < 0 or at >= end or not text.startswith("\n", end + 1) and not text[end + 1:end + 2].isspace():
        return False
    line = text[:end].rstrip()
    return bool(line) and line[-1] not in ".!?\"”'’:" and _DATELINE.match(line) is None


_DATELINE = re.compile(r"^[^\n(]{0,60}\(([A-Za-z][\w .&-]{1,30})\)\s*(?:-|—|–|--)")


@lru_cache(maxsize=64)
def wire_agency(outlet: str, text: str) -> str | None:
    """The news agency whose copy an article is: named in parentheses after the outlet ("Lokmat Times
    (IANS)") or in the text's dateline ("LONDON (Reuters) -", "Aug. 16 (UPI) --"); else None."""
    agencies = _agencies()
    for inner in reversed(re.findall(r"\(([^)]*)\)", outlet)):
        if inner.strip() in agencies:
            return agencies[inner.strip()]
    m = _DATELINE.match(text)
    return agencies.get(m.group(1).strip()) if m else None


@lru_cache(maxsize=1)
def _agencies() -> dict[str, str]:
    """spelling -> agency (``data/wire_agencies.tsv``)."""
    return data_map("wire_agencies.tsv")


def _attribute(ctx: Context, claimants: list[Claimant], at: int) -> tuple[str, tuple[str, ...]]:
    outlet = ctx.article.outlet or ""
    if len(claimants) > 12:  # a run-on "sentence" with many speakers: only those near the figure
        claimants = [c for c in claimants if abs(c.start - at) < 600]
    if any(c.for_place for c in claimants) and any(
            c.start > at and c.role == "speaker" and not c.for_place and c.lead_ok
            and (c.is_person or c.name[:1].islower()) for c in claimants):
        # "Pakistan has recorded 58 deaths, a diplomat told AFP": the country is what is counted; the
        # person who tells it speaks (not an outlet passing on the country's own figure)
        claimants = [c for c in claimants if not c.for_place]
    own = _own_claimant(claimants, at)
    if outlet and claimants and (_outlet_arithmetic(ctx.article.text, at) or (
            own is None and _writer_corrects(ctx, claimants, at))):
        return outlet, (outlet,)
    if own:
        return own.name, (own.name, outlet) if outlet and outlet != own.name else (own.name,)
    usable = [c for c in claimants if (c.start <= at or c.lead_ok) and c.object_of < 0]
    if not usable:
        return outlet, ((outlet,) if outlet else ())
    speakers = [c for c in usable if c.role == "speaker"]
    sources = [c for c in usable if c.role == "source"]
    relays = [c for c in usable if c.role in ("relay", "data")]
    main = None
    if speakers:
        before = [c for c in speakers if c.start <= at]
        main = before[-1] if before else speakers[0]
        # "X reported ..., according to Newsweek": a trailing "according to" passes X's words on
        if len(speakers) > 1 and _is_according(ctx, main) and main is speakers[-1]:
            main = speakers[-2]
        # "X claims 2.8 million, against 1.27 million according to Y", "(81,000, according to the
        # prefecture)": a speaker after the figure in the figure's own contrast clause binds it
        bounds = _contrast_bounds(ctx.article.text)
        clause = bisect_right(bounds, at)
        if not any(c.start <= at and bisect_right(bounds, c.start) == clause for c in speakers):
            mine = [c for c in speakers if c.start > at and bisect_right(bounds, c.start) == clause]
            if mine:
                main = mine[0]
        # "963,000 according to the ministry and more than 2.5 million according to the union": an
        # "according to" right after the figure, with no other figure between, is that figure's
        right_after = next((c for c in speakers if c.start > at and _is_according(ctx, c)), None)
        if right_after is not None and main is not right_after and _FIGURE_THEN_WORDS.fullmatch(
                ctx.article.text, at, right_after.start):
            main = right_after
    chain: list[str] = []
    # the speaker of a reported "said" is more original than the source a relay cites
    # ("Officials said 40 died, Reuters reported citing state media"), but "X said ..., citing Y"
    # with no relay between passes Y's figure on: Y is the original
    ordered = ([main] if main else []) + sources + relays
    if main is None or not sources or main.start > max(c.start for c in sources) or not any(
            c.role == "relay" and main.start < c.start < min(o.start for o in sources) for c in relays):
        ordered = sources + ([main] if main else []) + relays
    for c in ordered:
        if c.name not in chain:
            chain.append(c.name)
    if outlet and outlet not in chain:
        chain.append(outlet)
    return chain[0], tuple(chain)


# ", an increase of 20%", ", seventeen times less than ...": the outlet's comparison of the figures
_CHANGE_BEFORE = re.compile(r",\s+(?:that is,?\s+)?(?:an?\s+)?(?:\w+\s+)?(?:increase|rise|drop|fall|decrease|decline|"
                            r"jump|gain|growth|surge|hike)\s+of\s+(?:about\s+|around\s+|nearly\s+|almost\s+)?$")
# "two weeks after the flames", "devastated by nearly 12 years of civil war": the outlet's framing
_BACKGROUND_SPAN = re.compile(r"(?:(?:nearly|almost|about|around|some|more than|over)\s+)?[\w.,-]+\s+"
                              r"(?:hours?|days?|weeks?|months?|years?|decades?)\s+(?:after|of|since|ago|later)\b")
_TIMES_AFTER = re.compile(r"[\w.-]+\s+times\s+(?:less|more|fewer|higher|lower|greater|smaller|larger|bigger)\b")


# ", and a 20-basis-point increase from June", ", a 3% drop on last year": the outlet's comparison
_APPOSED_CHANGE = re.compile(r"[\w.,%-]+(?:\s+(?:percent|per cent|percentage points?|points?|basis points?))?\s+"
                             r"(?:increase|rise|drop|fall|decrease|decline|jump|gain|hike)\s+(?:from|on|over|since)\b")
_APPOSED_CHANGE_BEFORE = re.compile(r"(?:,|\band)\s+an?\s+$")


# "far above the £240m previously thought": a figure once believed, by no one named
_ONCE_BELIEVED = re.compile(r"[£$€]?[\d.,]+\s*(?:[a-z]{1,2}|million|billion|bn|m)?\s+(?:previously|earlier|initially|"
                            r"originally|once)\s+(?:thought|believed|expected|estimated|assumed|feared)\b(?!\s+by\b)")


def _outlet_arithmetic(text: str, at: int) -> bool:
    """A change or ratio put after a claimant's figure, after a comma: the outlet's arithmetic."""
    if _CHANGE_BEFORE.search(text, max(0, at - 60), at) or _BACKGROUND_SPAN.match(text, at) \
            or _ONCE_BELIEVED.match(text, at):
        return True
    if _APPOSED_CHANGE_BEFORE.search(text, max(0, at - 8), at) and _APPOSED_CHANGE.match(text, at):
        return True
    return text[max(0, at - 2):at] == ", " and _TIMES_AFTER.match(text, at) is not None


@lru_cache(maxsize=1)
def _voice_patterns() -> tuple[re.Pattern, re.Pattern]:
    """("in reality", "actually": the writer speaks from here on; ", not" / "instead of" right before
    a figure: the writer's figure against the one reported), from ``data/claimant_words.tsv``."""
    def alternatives(kind: str) -> str:
        return alternation(word_class("claimant_words.tsv", kind))
    return (re.compile(r"\b(?:" + alternatives("writer_voice") + r")\b", re.I),
            re.compile(r"(?:,\s*not|\b(?:" + alternatives("correction_lead") + r"))\s+(?:\w+\s+)?$", re.I))


def _writer_corrects(ctx: Context, claimants: list[Claimant], at: int) -> bool:
    """"X said the rate was 3.5%, not 3.4%", "... – but in reality it was 3.4%": after the claimant's
    words the writer sets the record straight; that figure is the outlet's."""
    voice, correction = _voice_patterns()
    text = ctx.article.text
    if correction.search(text, max(0, at - 30), at) is not None:
        return True
    cues = [c.start for c in claimants if 0 <= c.start <= at and c.object_of < 0]
    return bool(cues) and voice.search(text, max(cues), at) is not None


# Words and marks that open a contrasting clause with its own claimant: "..., against 1.27 million
# according to the ministry", "..., while the CGT claimed 23,000", "(81,000, according to the police)"
_CONTRAST = re.compile(r"\b(?:while|whereas|when|against|versus|vs)\b|[();]")


@lru_cache(maxsize=16)
def _contrast_bounds(text: str) -> tuple[int, ...]:
    """Offsets where a contrasting clause starts (or a parenthesis closes), in order."""
    return tuple(m.start() for m in _CONTRAST.finditer(text))


# a figure and a few words of what it counts, up to the next cue: "2.5 million ", "963,000 people in the street "
_FIGURE_THEN_WORDS = re.compile(r"(?:[A-Za-z]+\s+){0,3}[^\s\d]*[\d.,]+[^\s]*(?:\s+(?:million|billion|thousand|per cent|percent))?"
                                r"(?:\s+[A-Za-z'’-]+){0,5}\s*,?\s+")


def _is_according(ctx: Context, c: Claimant) -> bool:
    return ctx.article.text.startswith("ccording", c.start + 1)
