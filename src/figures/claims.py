"""Sentences -> Claims: the figure, its interval, entity, subject, claimant, as-of, modality, span.

Rule-based, for speed (a full spaCy pipeline parses about 290 sentences/s; this runs several
thousand). Per article: split sentences, find figures once (``numbers.find_figures``, article
offsets), tokenise each sentence with the figures as single tokens (``tokens``), then read
around each figure. The readers, one module per question:

- ``context``: article-wide facts (main place, event, people, acronyms) and shared state;
- ``attribution``: who says it (claimants, pronouns, relay chains; the outlet when nobody is named);
- ``entities``: what it counts (entity, measure);
- ``subjects``: what it is about (subject, location);
- ``dating``: when it holds (as-of);
- ``modality``: how it is claimed, and whether it is a change;
- ``lexicon``: the vocabulary tables in ``data/`` they all read.

Numbers the extractor saw but did not make claims of come back as ``Mention`` records with the
reason (vague amounts, digits the figure parser did not read, identifiers before a name, a
report's window such as "its 24-hour report"), so recall gaps can be counted.
"""
from __future__ import annotations

import logging
import re
from bisect import bisect_right
from dataclasses import dataclass

from figures.article_dates import news_day
from figures.attribution import attribute, cue_pattern, find_claimants, inherit_quoted
from figures.context import Claimant, Context, Read, read_article
from figures.dating import dates_statement, not_after, read_as_of
from figures.entities import is_conversion, read_entity
from figures.list_measures import shared_measure
from figures.lexicon import DETERMINERS, Vocabulary, vocabulary
from figures.measure_cues import _copula_subject, measure_named_in
from figures.modality import claimed_by, is_change, read_modality
from figures.numbers import Figure, find_figures
from figures.places import Place, find_places
from figures.records import Article, Claim, Mention, Rejection
from figures.sentences import Sentence, split_sentences
from figures.subjects import read_subject
from figures.timeref import TimeRef, find_time_refs
from figures.tokens import Tok, clause_bounds, tokenise


log = logging.getLogger(__name__)  # the library logs; only the CLI prints


@dataclass(frozen=True, slots=True)
class Extraction:
    claims: tuple[Claim, ...]
    mentions: tuple[Mention, ...] = ()


VAGUE = re.compile(r"\b(?:hundreds|thousands|dozens|millions|billions|scores|tens of thousands|"
                   r"hundreds of thousands)\b", re.IGNORECASE)


def extract_claims(article: Article) -> Extraction:
    """Every quantified claim in the article, in text order, and the numbers left unparsed."""
    text = article.text
    vocab = vocabulary()
    sentences = split_sentences(text)
    figures, non_figures = find_figures(text)
    starts = [s.start for s in sentences]
    by_sentence: dict[int, list[int]] = {}
    for i, f in enumerate(figures):
        by_sentence.setdefault(max(0, bisect_right(starts, f.start) - 1), []).append(i)
    ctx = Context(article, article.published, vocab, None, {}, figures)
    read_article(ctx, sentences)

    # pass 1: tokens, claimants (in order, so pronouns find the last named speaker) and dates
    reads: list[Read] = []
    cue = cue_pattern()
    for si, sent in enumerate(sentences):
        idxs = by_sentence.get(si, [])
        figs = [(figures[i].start, min(max(figures[i].end, figures[i].unit_end or 0), sent.end), i) for i in idxs
                if figures[i].start < sent.end]
        if not figs and not cue.search(text, sent.start, sent.end):
            reads.append(Read(sent, idxs, [], [], []))  # nothing to read: no figure, nobody speaking
            continue
        toks = tokenise(text, sent.start, sent.end, _non_overlapping(figs))
        claimants = find_claimants(ctx, toks)
        times = find_time_refs(text, article.published, sent.start, sent.end) if (
            article.published and (figs or claimants)) else []
        starts_t = [t.start for t in times]
        for c in claimants:
            lo_t = bisect_right(starts_t, c.start - 40)
            near = [t for t in times[lo_t:lo_t + 8] if t.role == "point" and dates_statement(text, c.start, t)]
            if near:
                c.day = not_after(near[0], article.published)
        reads.append(Read(sent, idxs, toks, claimants, times))
    inherit_quoted(ctx, reads)
    ctx.news_day = news_day(article.published, reads)

    claims: list[Claim] = []
    mentions: list[Mention] = []
    for sent, idxs, toks, claimants, times in reads:
        if not idxs:
            continue
        places = find_places(ctx, toks)
        entities: dict[int, str | None] = {}
        ctx.kinds, ctx.measures = {}, {}
        for ti, tok in enumerate(toks):
            if tok.fig < 0:
                continue
            f = figures[tok.fig]
            reason = "vague amount with no point value" if f.value is None else _not_a_claim(vocab, toks, ti, f)
            if reason:
                mentions.append(Mention(article.id, f.start, f.end, text[f.start:f.end], reason))
                continue
            claims.append(_claim(ctx, sent, toks, ti, f, claimants, times, places, entities))
    for sent, idxs, *_ in reads:
        mentions.extend(_unparsed(article, sent, figures, idxs, non_figures))
    log.debug("%s: %d sentences, %d claims, %d unparsed mentions", article.id, len(sentences), len(claims),
              len(mentions))
    return Extraction(tuple(claims), tuple(mentions))


def _non_overlapping(figs: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    out: list[tuple[int, int, int]] = []
    for fs, fe, i in sorted(figs):
        if out and fs < out[-1][1]:
            continue
        out.append((fs, fe, i))
    return out


def _claim(ctx: Context, sent: Sentence, toks: list[Tok], ti: int, f: Figure, claimants: list[Claimant],
           times: list[TimeRef], places: list[Place], entities: dict[int, str | None]) -> Claim:
    vocab = ctx.vocab
    text = ctx.article.text
    lo, hi = clause_bounds(toks, ti)
    entity, measure, kind = read_entity(ctx, toks, ti, f, lo, hi, entities)
    if measure is None and ti >= 2 and toks[ti - 1].text == "(" and (ti - 2) in ctx.measures:
        measure = ctx.measures[ti - 2]  # "17.9km (11 miles)": the conversion measures the same thing
    if measure is None:
        measure = measure_named_in(vocab, entity)
    if measure is None and f.unit is None:
        # a count in a list or a breakdown with no measure of its own counts what the list does
        shared = shared_measure(ctx, toks, ti, sent.start, entities)
        if shared:
            measure, named = shared
            if named and (entity is None or entity.lower() in ("people", "persons")):
                entity = named  # "Deaths by state: - Ohio: 56 people": the heading's "people killed"
    if entity is None and ctx.last_entity and f.unit == ctx.last_entity[3] and (measure is None or measure == ctx.last_entity[2]) \
            and (ctx.last_entity[0] == sent.paragraph or _copula_subject(toks, ti) in ("they", "these", "those")):
        # "... 2,000 troops. Some 3,000 are already stationed in Jordan."; "they were 25,000 in Lyon", even
        # in the next paragraph: the pronoun refers back to what was counted last
        entity = ctx.last_entity[1]
    entities[ti] = entity
    ctx.kinds[ti] = kind
    ctx.measures[ti] = measure
    if entity:
        ctx.last_entity = (sent.paragraph, entity, measure, f.unit)
    attributed_to, chain = attribute(ctx, claimants, toks[ti].start)
    if (kind == "age" or is_conversion(ctx, toks, ti)) and ctx.article.outlet:
        # "£700m ($905m)": the outlet's own arithmetic; "Elon Musk, 52,": the outlet's description
        attributed_to, chain = ctx.article.outlet, (ctx.article.outlet,)
    subject, location = read_subject(ctx, toks, ti, lo, hi, places, claimants, kind, sent.paragraph)
    if kind == "age" and subject and subject != ctx.main_subject:
        entity = f"age of {subject}"
    as_of, precision = read_as_of(ctx, toks, ti, times, claimants, kind)
    value, low, high, unit, p_low, p_high = f.value, f.low, f.high, f.unit, f.pragmatic_low, f.pragmatic_high
    if unit == "fraction":
        # "almost a third of staff", "one in five trains": a share, stated in percent as the contract's units
        # are, so that it meets the percentages other reports give for it
        value, low, high, p_low, p_high = (None if v is None else v * 100 for v in (value, low, high, p_low, p_high))
        unit = "percent"
    return Claim(
        article_id=ctx.article.id, start=f.start, end=f.end, span=text[f.start:f.end], sentence=sent.text,
        value=value, low=low, high=high, qualifier=f.qualifier, unit=unit,
        entity=entity, subject=subject, attributed_to=attributed_to or None, claimant_chain=chain,
        as_of=as_of, as_of_precision=precision, measure=measure,
        modality="actual" if kind == "age" else claimed_by(read_modality(vocab, toks, ti, lo), attributed_to),
        is_change=is_change(toks, ti), location=location,
        pragmatic_low=p_low, pragmatic_high=p_high,
    )


_DIGITS = re.compile(r"\d[\d,.]*")


def _unparsed(article: Article, sent: Sentence, figures: list[Figure], idxs: list[int],
              non_figures: list) -> list[Mention]:
    """Numbers in the sentence that neither became a figure nor were set aside with a reason,
    and vague amounts ("hundreds") the number parser did not pick up."""
    covered = [(figures[i].start, max(figures[i].end, figures[i].unit_end or 0)) for i in idxs]
    covered += [(nf.start, nf.end) for nf in non_figures if sent.start <= nf.start < sent.end]
    text = article.text
    out = [Mention(article.id, nf.start, nf.end, text[nf.start:nf.end], "vague amount with no numeral")
           for nf in non_figures if sent.start <= nf.start < sent.end and nf.reason == "vague"]
    covered.sort()
    starts = [a for a, _ in covered]
    for rx, reason in ((_DIGITS, "number the figure parser did not read"), (VAGUE, "vague amount with no numeral")):
        for m in rx.finditer(text, sent.start, sent.end):
            s, e = m.start(), m.end()
            k = bisect_right(starts, e) - 1  # the covered spans that start before this number ends
            if any(a < e and s < b for a, b in covered[max(0, k - 2):k + 1]):
                continue
            out.append(Mention(article.id, s, e, text[s:e], reason))
    return out


_IDENTIFIER = re.compile(r"\d{4,}")
_TIME_MODIFIER = re.compile(r"\S+-(?:second|minute|hour|day|week|month|year)s?", re.IGNORECASE)
# "its 24-hour report", "a 12-month period": a duration that only says which window a thing covers
WINDOW_NOUNS = frozenset("period window cycle average span rolling moving high low".split())


def _not_a_claim(vocab: Vocabulary, toks: list[Tok], ti: int, f: Figure) -> str | None:
    """Why the figure at token ti is no claim, from its context, or None: an identifier before a
    name ("the 12841 Coromandel Express"), a duration naming a document's or a statistic's window
    ("its 24-hour report")."""
    nxt = toks[ti + 1] if ti + 1 < len(toks) else None
    if nxt is None or not nxt.word:
        return None
    surface = toks[ti].text
    if f.unit is None and _IDENTIFIER.fullmatch(surface) and f.value % 100 and nxt.cap and ti > 0 \
            and toks[ti - 1].low in DETERMINERS:
        return "identifier before a name"
    if _TIME_MODIFIER.fullmatch(surface) and (nxt.low in vocab.document_nouns or nxt.low in WINDOW_NOUNS):
        return "duration naming a window, not an amount"
    return None


def extract_or_reject(article: Article) -> Extraction | Rejection:
    """extract_claims, except that a failure on one article becomes a Rejection naming it:
    one article the extractor cannot read never stops the rest of an ingest."""
    try:
        return extract_claims(article)
    except Exception as e:  # noqa: BLE001 — any extractor bug is reported per article, with its traceback logged
        log.exception("extraction failed on article %s (%s)", article.id, article.origin)
        return Rejection(article.origin or article.id,
                         f"the extractor failed on this article ({type(e).__name__}: {e}) — please report it "
                         "with the article; the other articles went in")
