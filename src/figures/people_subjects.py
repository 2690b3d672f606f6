"""Subjects that are people or companies rather than places.

A person the sentence is about ("Rwandan President Paul Kagame has been re-elected with 99.18%",
"where he secured 98.79%"), the holder of an age ("Elon Musk, 52,"), a company that owns the
figure's noun or states it ("Tesla's revenue rose 2%"), and the people of a place ("4 million
Texans"). The subject reader tries them among its place rules.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from figures.attribution import last_organisation, resolve_name
from figures.context import Claimant, Context, org_kinds
from figures.lexicon import AUXILIARIES, STOP, title_words
from figures.places import Place
from figures.sentence_scan import SentenceScan
from figures.tokens import Tok


def age_holder(ctx: Context, toks: list[Tok], ti: int) -> str | None:
    """Whose age it is: "Elon Musk, 52," -> Elon Musk; "the 66-year-old president" -> the president
    named in the article; "a 17-year-old Jane Doe" -> Jane Doe."""
    if toks[ti - 1].text == ",":
        k = ti - 2
        while k >= 0 and toks[k].word and toks[k].cap:
            k -= 1
        words = toks[k + 1:ti - 1]
    else:
        j = ti + 1 + (ti + 1 < len(toks) and toks[ti + 1].low == "old")
        if j < len(toks) and toks[j].low in ctx.titled:
            return ctx.titled[toks[j].low]
        k = j
        while k < len(toks) and toks[k].word and toks[k].cap:
            k += 1
        words = toks[j:k]
    if not words or any(w.low in STOP for w in words):
        return None
    name = resolve_name(ctx, words)
    return name if any(name == full for _, full in ctx.people) or len(words) >= 2 else None


def people_of(ctx: Context, toks: list[Tok], ti: int) -> Place | None:
    """"More than 4 million Texans lost power": the figure counts the people of a place."""
    j = ti + 1
    while j < len(toks) and toks[j].low in ("more", "other", "fellow"):
        j += 1
    for size in (2, 1):
        words = toks[j:j + size]
        if len(words) == size and all(w.cap for w in words) and words[-1].text.endswith("s"):
            key = tuple(w.text for w in words[:-1]) + (words[-1].text[:-1],)
            if key in ctx.vocab.aliases:
                return Place(j, j + size, ctx.vocab.aliases[key], "people")
    return None


def company_subject(ctx: Context, toks: list[Tok], ti: int, claimants: list[str], scan: SentenceScan) -> Place | None:
    """"Tesla's second-quarter revenue rose 2%", "Acme said it would cut 1,000 jobs": a company that
    owns the figure's noun or that states it is what the figure is about."""
    for first, end, name in scan.owned:  # in text order, the longest name first: a few steps at most
        if first == ti + 2 and toks[ti + 1].low == "of":
            return Place(first, end, ctx.company_names.get(name, name), "company")  # "3,700 of Twitter's employees"
        if first >= ti:
            break
        if end < ti:
            return Place(first, end, ctx.company_names.get(name, name), "company")
    said = next((c for c in claimants if c in scan.companies), None)
    if said:
        return Place(0, 0, ctx.company_names.get(said, said), "company")
    for first, end in ((ti + 1, ti + 4), (0, min(ti, 3))):
        # "3,700 Twitter employees": the company the counted noun is of; "Acme had 7,500 employees":
        # the company the sentence opens with
        for k in range(min(end, len(toks)), first, -1):
            name = " ".join(t.text for t in toks[first:k])
            if name in scan.companies and (first == 0 or (k < len(toks) and toks[k].word and not toks[k].cap)) and not (
                    name in ctx.company_names and k < len(toks) and toks[k].cap and toks[k].word):  # "United" of "United States"
                return Place(first, k, ctx.company_names.get(name, name), "company")
    # "Its shares rose 1.5%", "the retailer's sales": the company last named; the first owner whose
    # business noun stands before the figure
    at = bisect_right(scan.owner_reach, -ti)
    owner = scan.owners[at] if at < len(scan.owners) else None
    if owner is not None:
        name = last_organisation(ctx, "company", toks[owner].start)
        if name:
            return Place(owner, owner + 1, name, "company")
    return None


def acting_company(ctx: Context, toks: list[Tok], ti: int, scan: SentenceScan) -> Place | None:
    """"Delta canceled about 1,200 flights", "Acme Corp will cut 500 jobs in France": a company
    that does what the figure counts, named right before its verb, is what the figure is about
    (a place after the figure is where)."""
    if not scan.companies:
        return None
    for k in range(ti - 1, max(0, ti - 6), -1):
        if toks[k].fig >= 0 or toks[k].text in (";", ":"):
            return None
        if toks[k].text == ",":
            # "Delta Air Lines has been the worst hit airline, canceling over 5,300 flights": the
            # sentence's subject does what the participle says
            if k + 1 < ti and toks[k + 1].low.endswith("ing"):
                return _opening_company(ctx, toks, k, scan)
            return None
        if toks[k].cap or not toks[k].word:
            continue
        if k >= 2 and toks[k - 2].low == "the" and org_kinds().get(toks[k - 1].low) == "company" and not toks[k - 1].cap:
            # "The airline cancelled 6,000 flights": the last company of that kind named
            name = last_organisation(ctx, toks[k - 1].low, toks[k - 1].start)
            return Place(k - 2, k, ctx.company_names.get(name, name), "company") if name else None
        if k >= 1 and toks[k - 1].low == "it" and (k == 1 or not toks[k - 2].word):
            # "On Friday, it canceled 1,200 flights": the company the sentence before named
            name = last_organisation(ctx, "company", toks[k - 1].start)
            at = max((a for a, n, _ in ctx.orgs if n == name), default=-1) if name else -1
            if name and at >= 0 and ctx.article.text.count(". ", at, toks[k - 1].start) <= 1:
                return Place(k - 1, k, name, "company")
            return None
        for size in (3, 2, 1):
            name = " ".join(t.text for t in toks[max(0, k - size):k])
            if k - size >= 0 and name in scan.companies and (k - size == 0 or not toks[k - size - 1].cap):
                return Place(k - size, k, ctx.company_names.get(name, name), "company")
    return None


def _opening_company(ctx: Context, toks: list[Tok], before: int, scan: SentenceScan) -> Place | None:
    """The company a sentence opens with (up to three words), if any, before token ``before``."""
    for size in (3, 2, 1):
        name = " ".join(t.text for t in toks[:size])
        if size < before and name in scan.companies:
            return Place(0, size, ctx.company_names.get(name, name), "company")
    return None


def person_subject(ctx: Context, toks: list[Tok], ti: int, claimants: list[Claimant], scan: SentenceScan) -> Place | None:
    """"Rwandan President Paul Kagame has been re-elected with 99.18%": a person named as the
    sentence's subject, who is not speaking in it, is what the figure is about."""
    pronoun = _pronoun_person(ctx, toks, ti, claimants, scan)
    if pronoun:
        return pronoun
    j = 0
    while j < ti and j <= _NAME_WORDS and toks[j].word and (toks[j].cap or toks[j].low in title_words()):
        j += 1
    if j == 0 or j >= ti or j > _NAME_WORDS or toks[j].low not in AUXILIARIES and toks[j].text != "," and not _acts(ctx, toks[j]):
        return None
    at = bisect_left(scan.breaks, j)
    if at < len(scan.breaks) and scan.breaks[at] < ti:
        return None  # the figure sits in another clause than the person
    if toks[0].low in STOP:
        return None  # "The BLS also revised": a name with an article is an organisation, not a person
    name = resolve_name(ctx, toks[:j])
    if any(c.name == name for c in claimants) or not any(name == full for _, full in ctx.people):
        return None
    return Place(0, j, name, "person")


_NAME_WORDS = 7  # "Rwandan President Paul Kagame": a person with titles; a longer capitalised run is no name


def _acts(ctx: Context, t: Tok) -> bool:
    """A lower-case word after a person's name that is a verb of doing, not of saying ("Sunak bet")."""
    return t.word and not t.cap and t.low not in STOP and t.low not in ctx.vocab.claimant_verbs \
        and t.low not in ctx.vocab.claimant_nouns


def _pronoun_person(ctx: Context, toks: list[Tok], ti: int, claimants: list[Claimant], scan: SentenceScan) -> Place | None:
    """"..., where he secured 98.79% of the vote": "he" or "she" doing something in the figure's clause
    is the person the article named last, unless that person is speaking."""
    at = bisect_left(scan.breaks, ti) - 1
    start = max(scan.breaks[at] + 1 if at >= 0 else 0, ti - 12)  # a few words back: no rescan per figure
    for k in range(start, ti - 1):
        if toks[k].low in ("he", "she") and _acts(ctx, toks[k + 1]):
            i = bisect_left(ctx.people, (toks[k].start,)) - 1
            if i < 0:
                return None
            name = ctx.people[i][1]
            return None if any(c.name == name for c in claimants) else Place(k, k + 1, name, "person")
    return None
