"""What a figure is about: its subject (a place, a person, the event) and a narrower location.

A place after the figure ("1,602 people have died in Syria"), a place in subject position
before it, a place in the claimant's title ("the Syrian government confirmed"), the place the
paragraph named last, else the article's main place. Properties of the event (magnitude,
depth) are about the event. This module holds the order of the rules and the place rules; the
places a sentence names come from ``places``, the person and company rules from ``people_subjects``.
"""
from __future__ import annotations

import re
from collections import Counter
from bisect import bisect_left, bisect_right
from functools import cache

from figures.attribution import resolve_name
from figures.context import CONTROL_SUFFIXES, INSTITUTIONS, THE_CITY, Claimant, Context
from figures.counted_nouns import REGION_PLURALS
from figures.lexicon import (AUXILIARIES, CHANGE_VERBS, COPULA, EVENT_NOUNS, REGION_NOUNS, STOP, TIME_WORDS, data_map,
                             org_words, title_words, vocabulary)
from figures.people_subjects import acting_company, age_holder, company_subject, people_of, person_subject
from figures.places import (SETTING, Place, is_jurisdiction, may_open_name, modifies_speaker, named_before,
                            named_places, place_mentions, place_words, preposition, scene, speaker_after, surface,
                            where_after)
from figures.sentence_scan import SentenceScan, scan_sentence
from figures.tokens import Tok, join_words, tokenise
from figures.word_classes import word_class


def _name_start(toks: list[Tok], end: int) -> int:
    """Where the capitalised name of up to three words that ends before token ``end`` starts
    (``end`` when there is none): "Khyber Pakhtunkhwa" in "..., Khyber Pakhtunkhwa 303"."""
    first = end
    while first > 0 and end - first < 3 and toks[first - 1].word and toks[first - 1].cap:
        first -= 1
    return first


def _parenthesised(ctx: Context, toks: list[Tok], ti: int) -> Place | None:
    """"Lyon (22,000 to 55,000), Brest (20,000 to 40,000)": a figure that opens a parenthesis right
    after a name is that name's; a known place gives its canonical name."""
    if ti >= 2 and toks[ti - 1].low == "to" and toks[ti - 2].fig >= 0:
        ti -= 2  # "Bologna (from 9,000 to 21,000)": the second figure shares the first's parenthesis
    k = ti - 1
    if k >= 0 and toks[k].low in ("from", "about", "some", "around", "nearly", "almost", "over", "up"):
        k -= 1
    if k < 1 or toks[k].text != "(":
        return None
    end = k
    first = _name_start(toks, end)
    while first < end and toks[first].low in STOP:
        first += 1
    if first == end:
        return None
    known = next((p for p in place_mentions(ctx.vocab, toks[first:end]) if p[:2] == (0, end - first)), None)
    if known:
        return scene(ctx, toks, Place(first, end, known[2], known[3]))
    if toks[end - 1].low in TIME_WORDS or toks[end - 1].low in org_words() or toks[end - 1].text.isupper() or (
            first > 0 and toks[first - 1].low in ("the", "a", "an")):
        return None  # "on Saturday (300,000)", "the CGT (81,000)": a day or an organisation, not a scene
    return Place(first, end, surface(toks, Place(first, end, "", "")), "unknown")


def _with_figure(ctx: Context, toks: list[Tok], ti: int, places: list[Place]) -> Place | None:
    """"1,293 died in Al Haouz, and Taroudant, with 452": an item of a list of places that ", with"
    follows owns the figure (not an object: "to support Russia, with 1,500 already there")."""
    if ti < 4 or toks[ti - 1].low != "with" or toks[ti - 2].text != ",":
        return None
    end = ti - 2
    first = _name_start(toks, end)
    if first == end or first == 0 or toks[first - 1].low not in (",", "and") or not may_open_name(toks[first]):
        return None
    known = next((p for p in places if p.first == first and p.end == end), None)
    if known:
        return scene(ctx, toks, known) if known.kind != "demonym" else None
    return Place(first, end, join_words(toks[first:end]), "unknown")


def _item_place(ctx: Context, toks: list[Tok], ti: int, places: list[Place]) -> Place | None:
    """"... reported 638, Punjab 303, Khyber Pakhtunkhwa (KPK) 278 and Sindh 191", "by province:
    Sindh 500, Punjab 300": a listed place right before a bare figure (an acronym in brackets
    between) is the place of that item of the breakdown."""
    k = ti
    if k >= 3 and toks[k - 1].text == ")" and toks[k - 3].text == "(":
        k -= 3
    known = next((p for p in places if p.end == k), None)
    if known is not None:
        if known.kind in ("demonym", "group") or known.first == 0 or toks[known.first - 1].low not in _ITEM_OPENERS:
            return None
        return scene(ctx, toks, known)
    first = _name_start(toks, k)
    # a name the gazetteer does not know counts only inside a breakdown of a count: a figure before it
    if first == k or first == 0 or toks[first - 1].low not in _ITEM_OPENERS or not may_open_name(toks[first]) \
            or not any(t.fig >= 0 for t in toks[:first]) or ctx.figures[toks[ti].fig].unit is not None:
        return None
    return Place(first, k, join_words(toks[first:k]), "unknown")


_ITEM_OPENERS = frozenset((",", "and", ":", ";"))


def _owned_place(toks: list[Tok], places: list[Place], p: Place, before: int | None = None) -> Place:
    """"Turkey's Hatay province", "in Pakistan's Jacobabad district": the place a possessive place
    owns is the narrower one meant; else ``p`` itself."""
    if p.end + 1 >= len(toks) or toks[p.end].low != "'s":
        return p
    return next((q for q in places if q.first == p.end + 1 and (before is None or q.end <= before)), p)


def _apposed(toks: list[Tok], ti: int, places: list[Place]) -> Place | None:
    """"Goma, a city of 2 million people, fell": an apposition that gives a place's size is about it."""
    k = ti - 1
    if k < 4 or toks[k].low != "of" or toks[k - 1].low not in place_words()["settlement"]:
        return None
    k -= 2
    if toks[k].word and not toks[k].cap and toks[k].low not in ("a", "an", "the"):
        k -= 1  # "a coastal city of"
    if k < 2 or toks[k].low not in ("a", "an", "the") or toks[k - 1].text != ",":
        return None
    end = k - 1
    known = next((p for p in places if p.end == end and p.kind != "demonym"), None)
    if known:
        return known
    first = _name_start(toks, end)
    if first == end or not may_open_name(toks[first]) or (first > 0 and toks[first - 1].word):
        return None
    return Place(first, end, join_words(toks[first:end]), "unknown")


# the places before a figure that may be its scene: no real sentence names more; a bound, so that a
# sentence of thousands of places and figures costs a constant per figure, not a rescan
_PLACES_BACK = 12


def read_subject(ctx: Context, toks: list[Tok], ti: int, lo: int, hi: int, places: list[Place],
             claimants: list[Claimant], kind: str | None, paragraph: int) -> tuple[str | None, str | None]:
    """(subject, location): the place the figure is about and a narrower scope inside it.

    In order: a place after the figure ("1,602 people have died in Syria"); a place before it in
    subject position ("North Korea has decided to send", "In Syria, the toll rose"); a place in the
    claimant's name ("the Syrian government confirmed 812 dead"); the article's main place.
    Properties of the event (magnitude, depth) are about the event.
    """
    location = _location(toks, ti, hi)
    if kind == "age":
        holder = age_holder(ctx, toks, ti)
        if holder:
            return holder, location
    if kind == "event" and ctx.event:
        return ctx.event, location
    names = [c.name for c in claimants]
    scan = scan_sentence(ctx, toks, places)
    best = listed = (_labelled(ctx, toks, places) or _parenthesised(ctx, toks, ti) or _with_figure(ctx, toks, ti, places)
                     or _apposed(toks, ti, places) or _item_place(ctx, toks, ti, places) or _nationals(ctx, toks, ti, places))
    if best is None and ctx.named_event and ctx.measures.get(ti) not in _STATISTICS \
            and _across_regions(toks, ti, hi, places):
        return _named_event_in(ctx, toks, ti) or ctx.named_event, location
    # the clause after the figure, across a coordinated figure ("12,391 killed and 62,914 injured in Turkey")
    at = bisect_right(scan.stops, ti)
    end = scan.stops[at] if at < len(scan.stops) else len(toks)
    for p in places[bisect_right(scan.firsts, ti):] if best is None else ():
        if p.first > end:
            break
        if p.first <= end and p.kind != "demonym" and (p.kind == "group" or _places_figure(toks, p)):
            p = _destination(toks, places, p, end)  # "crossed from Karabakh to Armenia": where they arrived
            best = scene(ctx, toks, _owned_place(toks, places, p))  # "in Paris" is the city; "Pyongyang said" acts
            break
    if best is None:
        best = acting_company(ctx, toks, ti, scan)  # "Delta canceled 1,200 flights" (a place after it is where)
    if best is None and end < len(toks):
        best = _share_of(toks, places, end)
    if best is None:
        # "Marseille, where the prefecture counted 40,000": the nearest place before the figure, when a
        # "where" clause opens after it, is where the figure was counted
        last = next((p for p in reversed(places[:bisect_left(scan.firsts, ti)]) if p.end <= ti), None)
        if last and where_after(toks, last.end) and last.kind != "demonym":
            best = listed = scene(ctx, toks, last)
    if best is None:
        best = people_of(ctx, toks, ti)
    if best is None:
        best = _the_country(places, lo, ti)
    if best is None:
        best = person_subject(ctx, toks, ti, claimants, scan)
    if best is None:
        before = bisect_left(scan.firsts, ti)
        for p in reversed(places[max(0, before - _PLACES_BACK):before]):
            if p.end <= ti and p.kind != "demonym" and (p.first == 1 or not _clause_between(scan, p.end, ti)) and (
                    not _inside_claimant(toks, p, names)) and not is_jurisdiction(ctx, toks, p) and not modifies_speaker(
                    ctx, toks, p) and (
                    (p.first >= lo and _subject_position(toks, p)) or _opening_scene(toks, p, scan)
                    or _opening_relative(toks, p)
                    or (p.kind == "city" and preposition(toks, p) == "in")):  # "the record in the capital ..., with 700,000"
                best = scene(ctx, toks, _owned_place(toks, places, p, ti))  # "Turkey's Hatay province lost 20,000"
                break
    if best is None:
        best = _main_clause_place(toks, places, lo, scan)
        best = best and scene(ctx, toks, best)
    if best is None:
        best = _demonym_subject(ctx, toks, ti, lo, places, scan)
    if best is None:
        best = _owner_subject(ctx, toks, ti, lo, scan)
    if best is None:
        # "the Syrian government confirmed", "Turkish officials said": a place in a claimant's title;
        # "the Paris police headquarters": a capital in a local authority's name is the city
        for p, speaker, jurisdiction in scan.speakers:
            if p.end <= ti and jurisdiction:
                best = Place(p.first, p.end, scene(ctx, toks, p).name, "speaker")  # "Police in Hawaii said"
                break
            if speaker and (_inside_claimant(toks, p, names) or (p.end <= ti and (
                    p.kind in ("capital", "city") or speaker > p.end))) and not _place_between(
                    places, scan, speaker, ti):
                best = Place(p.first, p.end, scene(ctx, toks, p).name, "speaker")
                break
    if best is None:
        best = company_subject(ctx, toks, ti, names, scan)
    if best is None and lo > 0 and toks[lo - 1].text == ";":
        # "Thousands rallied in Tbilisi; police detained 300": the scene of the clause before a semicolon
        best = next((scene(ctx, toks, p) for p in reversed(places[:bisect_left(scan.firsts, lo)])
                     if p.kind not in ("demonym", "group") and preposition(toks, p) in SETTING
                     and not _inside_claimant(toks, p, names) and not _clause_between(scan, p.end, ti)), None)
    if best is None or (ctx.group and best.name in ctx.group.split(" and ")):
        # "the combined death toll": both places, unless the clause names one of them as where it was counted
        if ctx.group and any(t.low == "combined" for t in toks[lo:hi + 1]) and not (
                best and best.first >= lo and best.end <= hi + 1):
            best = Place(0, 0, ctx.group, "group")
    if best is None and ctx.group and ctx.group == ctx.main_subject:
        # a multi-country story: a national official's figure with no place is about their country
        home = next((ctx.nationality[c.name] for c in claimants if c.name in ctx.nationality), None)
        if home and home in ctx.group.split(" and "):
            best = Place(0, 0, home, "country")
    if ctx.named_event and best is None and ctx.measures.get(ti) not in _STATISTICS and (
            ctx.main_subject is None or ctx.main_subject in ctx.vocab.countries
            or any(t.cap and t.text in ctx.named_events for t in toks)):
        # "the death toll from Mira rose to 150": with no place of its own, a figure in a story about
        # a named event is the event's, not the country's; a state's paper keeps its state unless the
        # sentence names the event or counts across several regions ("23 dead in four states")
        # (a storm named in a jobs report is not what jobs are of)
        return _named_event_in(ctx, toks, ti) or ctx.named_event, location
    if ctx.event_place and ctx.measures.get(ti) in _WHOLE_EVENT and (
            best is None or best.name in ctx.event_names or best.kind == "speaker"):
        # "the death toll in the town of Lahaina", "850 missing, Hawaii officials said": the count of
        # the whole local event is one quantity, named by where it is counted
        return ctx.event_place, location
    whole = best is None and _grand_total(toks, ti)  # "the total reported so far by multiple countries"
    if best is None and toks and not whole:
        best = _scene_before(ctx, toks[0].start, paragraph)
    if best is None and ctx.para_subject and ctx.para_subject[0] == paragraph and not _whole_event(toks, lo, ti) \
            and not whole:
        return ctx.para_subject[1], location  # the place the paragraph's last sentence named
    if best is None and toks and ctx.headings and not whole:
        k = bisect_left(ctx.headings, (toks[0].start,)) - 1  # the section heading the figure stands under
        best = Place(0, 0, ctx.headings[k][1], "heading") if k >= 0 else None
    if best is not None and best.kind != "company" and best is not listed and not _part_opened(toks, ti):
        # a company speaks for itself, and one item of a list ("Lyon (22,000), Brest (20,000)") or a
        # "where" clause's place for itself, not for the paragraph
        ctx.para_subject = (paragraph, best.name)
        ctx.para_at = toks[0].start if toks else -1
    if location is None and best is not None and best.kind not in ("company", "person"):
        location = _held_by(toks, best)  # "in rebel-held northwestern Syria": who holds the part counted
    # nothing placed: the article's main subject; for a local event, the place it is counted in
    if best is None and not ctx.event_place and not ctx.main_subject and not ctx.title_read:
        ctx.main_subject = _title_place(ctx)
    return (best.name if best else ctx.event_place or ctx.main_subject or _main_company(ctx)
            or _body_country(ctx, claimants)), location


def _main_company(ctx: Context) -> str | None:
    """The company a business story with no place is about: the one it names as a company most often."""
    counts = Counter(name for _, name, kind in ctx.orgs if kind == "company")
    return max(counts, key=lambda c: (counts[c], c)) if counts else None


@cache
def _body_countries() -> dict[str, str]:
    """body name (lower case) -> its country (``data/body_countries.tsv``)."""
    return {k.lower(): v for k, v in data_map("body_countries.tsv").items()}


def _body_country(ctx: Context, claimants: list[Claimant]) -> str | None:
    """"The Bureau of Labor Statistics said payrolls rose": in an article that names no place, the
    country of the national body that states the figure, else of one the article names."""
    bodies = _body_countries()
    for name in [c.name for c in claimants] + [name for _, name, _ in ctx.orgs]:
        low = name.lower()
        country = bodies.get(low) or next((v for k, v in bodies.items() if low.startswith(k + " (")
                                           or low.endswith(" " + k) or low.endswith("(" + k + ")")), None)
        if country:
            return country
    return None


_STATISTICS = word_class("claimant_words.tsv", "statistic_word")  # "jobs", "inflation": measures of an economy


def _destination(toks: list[Tok], places: list[Place], p: Place, end: int) -> Place:
    """"76,407 people crossed from Karabakh to Armenia": of a move from one place to another, the
    place they reached, whose authorities count the arrivals; else ``p``."""
    if preposition(toks, p) != "from":
        return p
    return next((q for q in places if p.end <= q.first <= end and q.kind != "demonym"
                 and preposition(toks, q) in ("to", "into")), p)


def _nationals(ctx: Context, toks: list[Tok], ti: int, places: list[Place]) -> Place | None:
    """"14 Jordanian pilgrims died in Mecca", "49 Tunisians have died": a figure that counts the
    nationals of a country is about that country, wherever they were counted; not when they are
    "among" a place's dead ("three Americans were among those killed in Turkey": Turkey's toll)."""
    if any(t.low == "among" for t in toks[ti + 1:ti + 6]):
        return None
    j = ti + 1
    while j < len(toks) and toks[j].low in ("more", "other", "fellow"):
        j += 1
    p = next((p for p in places if p.first == j), None)
    if p and p.kind == "demonym" and p.end < len(toks) and toks[p.end].word and not toks[p.end].cap \
            and toks[p.end].low not in STOP:
        return Place(p.first, p.end, p.name, "country")
    return people_of(ctx, toks, ti) or _nationals_before(toks, ti, places)


_TOLL_NOUNS = frozenset("death deaths dead toll casualties fatalities victims".split())


def _nationals_before(toks: list[Tok], ti: int, places: list[Place]) -> Place | None:
    """"The death toll among Tunisian pilgrims ... has risen to 53", "Egyptian deaths reached 658":
    a toll of a country's nationals, wherever they died."""
    for p in places:
        if p.kind != "demonym" or p.end >= ti or ti - p.end > 12 or p.end >= len(toks):
            continue
        after = toks[p.end].low
        among = p.first >= 2 and toks[p.first - 1].low in ("among", "of") and toks[p.first - 2].low in _TOLL_NOUNS \
            and toks[p.end].word and not toks[p.end].cap
        if among or after in _TOLL_NOUNS:
            return Place(p.first, p.end, p.name, "country")
    return None


def _named_event_in(ctx: Context, toks: list[Tok], ti: int) -> str | None:
    """The named event the sentence names last before the figure ("the worst since Hurricane
    Oskar, which killed 300"), or else after it; None when it names none."""
    before = next((ctx.named_events[t.text] for t in reversed(toks[:ti]) if t.cap and t.text in ctx.named_events), None)
    return before or next((ctx.named_events[t.text] for t in toks[ti:] if t.cap and t.text in ctx.named_events), None)


def _title_place(ctx: Context) -> str | None:
    """The place a title names in the ways news names places ("Hurricane kills 27 in Acapulco"), for an
    article whose title and lead name no listed place; read once."""
    ctx.title_read = True
    title = ctx.article.title or ""
    toks = tokenise(title, 0, len(title), [])
    # in a title in Title Case, which capitalises every word ("In Latest Round of Job Cuts, ..."), an
    # unlisted name counts only if the text writes it too
    long_words = [t for t in toks if t.word and len(t.text) > 3]
    title_case = len(long_words) > 3 and sum(t.cap for t in long_words) > 0.6 * len(long_words)
    places = [p for p in named_places(ctx, toks) if p.kind != "unknown" or not title_case
              or re.search(rf"(?<![\w-]){re.escape(p.name)}(?![\w-])", ctx.article.text)]
    place = next((p.name for p in places if p.kind != "demonym"), None)
    # "British inflation falls": a demonym before a measure stands for its country ("Israeli
    # strikes kill 30" names who acted, so only a measure counts)
    measured = next((p.name for p in places if p.kind == "demonym" and p.end < len(toks)
                     and (toks[p.end].low,) in ctx.vocab.measures), None)
    return place or measured or _title_name(ctx, toks)


def _title_name(ctx: Context, toks: list[Tok]) -> str | None:
    """"Tesla deliveries fall 9%", "Acme Corp Posts Record Profit": in an article that names no place,
    the name the title opens on, as the text writes it, is what its figures are about."""
    first = next((i for i, t in enumerate(toks[:3]) if t.word and t.cap and t.low not in STOP
                  and t.low not in title_words()), None)
    if first is None:
        return None
    text = ctx.article.text
    best = None
    for end in range(first + 1, min(len(toks), first + 4) + 1):
        words = toks[first:end]
        if not all(w.word and w.cap for w in words):
            break
        name = join_words(words)
        if end < len(toks) and toks[end].low == "of" and words[-1].low in INSTITUTIONS:
            return None  # "Bank of Japan raises ...": an institution of a place, not a company
        if end < len(toks) and toks[end].text == ":":
            return None  # "Amnesty International: 24 died": who says it, as headlines credit a source
        if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            best = name
    return best


def _opening_scene(toks: list[Tok], p: Place, scan: SentenceScan) -> bool:
    """"In Syria, ...", "In the western region of Lviv, 2 people ...", "...; in neighbouring Argentina,
    3 died": a place in the phrase that opens the sentence or a clause after a semicolon with "In",
    up to the phrase's comma, is that clause's scene."""
    at = bisect_left(scan.stops, p.first) - 1
    start = scan.stops[at] + 1 if at >= 0 else 0
    if start >= len(toks) or toks[start].low != "in" or (start > 0 and toks[start - 1].text != ";"):
        return False
    return at + 1 >= len(scan.stops) or p.end <= scan.stops[at + 1]


def _clause_between(scan: SentenceScan, a: int, b: int) -> bool:
    """A subordinate clause opens between tokens ``a`` and ``b``."""
    at = bisect_left(scan.openers, a)
    return at < len(scan.openers) and scan.openers[at] < b


_SEVERAL = frozenset("several multiple many various".split())


_COMPASS_REGIONS = frozenset("south north east west southeast southwest northeast northwest midwest".split())


def _across_regions(toks: list[Tok], ti: int, hi: int, places: list[Place]) -> bool:
    """"at least 23 in four states", "56 killed across several provinces", "201 deaths across
    Florida, Georgia and Virginia", "across the Southeast, the storm caused 215 deaths": a total over
    regions, so no one of them (nor the story's main place) is what it is about."""
    n = len(toks)
    for j in [*range(ti + 1, min(n - 1, hi + 1)), 0]:  # after the figure, or opening the sentence
        if toks[j].low not in ("in", "across", "throughout"):
            continue
        nxt = toks[j + 1]
        if j + 2 < n and (nxt.fig >= 0 or nxt.low in _SEVERAL) and toks[j + 2].low in REGION_PLURALS:
            return True
        if toks[j].low != "in" and nxt.low == "the" and j + 2 < n and toks[j + 2].cap and \
                toks[j + 2].low.replace("-", "") in _COMPASS_REGIONS:
            return True  # "across the Southeast"
        listed = [p for p in places if j < p.first <= j + 8 and p.kind != "demonym"]
        if toks[j].low != "in" and len(listed) >= 2 and listed[0].first == j + 1:
            return True  # "across Florida, Georgia and Virginia"
    return False


def _labelled(ctx: Context, toks: list[Tok], places: list[Place]) -> Place | None:
    """"Georgia: Gov. Kemp said 11 had died", "- Florida: 15 people": a line labelled with a place
    is about that place."""
    k = 0
    while k < len(toks) and not toks[k].word:
        k += 1  # a list's bullet
    p = next((p for p in places if p.first == k), None)
    if p and p.kind != "demonym" and p.end < len(toks) and toks[p.end].text == ":":
        return scene(ctx, toks, p)
    return None


_TOTAL_WORDS = frozenset("total overall combined".split())


def _grand_total(toks: list[Tok], ti: int) -> bool:
    """"The new deaths bring the total reported by multiple countries to 577", "ten countries have
    reported a total of 1,081 deaths", "all told, ...": a total over the places a paragraph lists,
    not the last place it named."""
    before = toks[max(0, ti - 14):ti + 1]
    if any(t.low in _TOTAL_WORDS for t in before) or any(
            a.low == "all" and b.low == "told" for a, b in zip(toks[:ti], toks[1:ti + 1])):
        return True
    return any(toks[k].low == "countries" and (toks[k - 1].fig >= 0 or toks[k - 1].low in _SEVERAL)
               for k in range(1, min(len(toks), ti + 6)))


def _whole_event(toks: list[Tok], lo: int, ti: int) -> bool:
    """"The conflict has driven 11 million ...", "the quake killed 2,000": the clause's subject is the
    whole event, so the figure is the story's, not the paragraph's last place's."""
    whole = place_words()["whole"]
    return any(toks[k].low == "the" and (toks[k + 1].low in whole or toks[k + 1].low in EVENT_NOUNS)
               for k in range(lo, ti - 1))


def _scene_before(ctx: Context, at: int, paragraph: int) -> Place | None:
    """The scene a figure-less sentence set ("First in Paris.") earlier in the paragraph, after the
    last place a figure's sentence named."""
    k = bisect_left(ctx.scenes, (at,)) - 1
    if k >= 0 and ctx.scenes[k][1] == paragraph and (
            ctx.para_subject is None or ctx.para_subject[0] != paragraph or ctx.scenes[k][0] > ctx.para_at):
        name = ctx.scenes[k][2] if ctx.scenes[k][2] != THE_CITY else named_before(ctx, ctx.scenes[k][0], "city")
        return Place(0, 0, name, "city") if name else None
    return None


# measures that count the whole event: one quantity for the event, whichever part of it a sentence names
_WHOLE_EVENT = frozenset({"killed", "missing", "identified", "casualties", "injured"})


def _main_clause_place(toks: list[Tok], places: list[Place], lo: int, scan: SentenceScan) -> Place | None:
    """"The quake struck southern Turkey, killing 2,000", "an attack west of the city, killing 60
    militants", "Valencia was hit hardest, with 216 deaths": a figure in a participial or "with"
    clause counts what happened in the main clause's scene."""
    if lo < 2 or toks[lo - 1].text != "," or not (toks[lo].low.endswith("ing") or toks[lo].low == "with") \
            or toks[lo].low in place_words()["aside"]:
        return None
    at = bisect_left(scan.stops, lo - 1) - 1
    start = scan.stops[at] + 1 if at >= 0 else 0
    impact = place_words()["impact"]
    for p in reversed(places[bisect_left(scan.firsts, start):bisect_left(scan.firsts, lo)]):
        if p.kind != "demonym" and (_subject_position(toks, p) or preposition(toks, p) in impact):
            return p
    return None


def _demonym_subject(ctx: Context, toks: list[Tok], ti: int, lo: int, places: list[Place],
                     scan: SentenceScan) -> Place | None:
    """"British inflation rose to 3.5%", "UK inflation fell to 2.3%", "the Turkish lira fell 2%": a
    demonym or a place name that modifies what the figure's clause measures (the noun a change or level verb follows) stands for its country; not
    one that names a speaker ("Turkish officials said"), an armed force ("Israeli strikes killed
    30") or an actor ("British taxpayers would give ..."), which says who acted."""
    force = place_words()["force"]
    for p in places[bisect_left(scan.firsts, lo):bisect_left(scan.firsts, ti)]:
        if p.kind not in _MODIFYING or p.first < lo or p.end >= ti or speaker_after(ctx, toks, p):
            continue
        k = p.end
        while k < ti and k < p.end + 3 and toks[k].word and not toks[k].cap and toks[k].low not in force \
                and toks[k].low not in STOP and toks[k].low not in AUXILIARIES and not _changes(toks[k].low):
            k += 1  # the measured noun: "inflation", "consumer prices", "shilling"
        if k == p.end or k >= ti:
            continue
        if toks[k].low in AUXILIARIES and k + 1 < ti:
            k += 1  # "has risen", "will fall"
        if _changes(toks[k].low):
            return Place(p.first, p.end, p.name, "country") if p.kind == "demonym" else scene(ctx, toks, p)
    return None


# places that can modify a measured noun: "British inflation", "UK inflation", "Texas power demand"
_MODIFYING = frozenset(("demonym", "country", "alias", "state", "capital"))


def _owner_subject(ctx: Context, toks: list[Tok], ti: int, lo: int, scan: SentenceScan) -> Place | None:
    """"Ofgem's energy price cap rose by 6.4%", "Musk's fortune rose to $400bn": a name that owns the
    noun the figure's change or level verb follows is what the figure is about (a place that owns it
    is read as a place; "Sunak's Rwanda plan" holds a place of its own and is left alone)."""
    for k in range(max(lo, 1), ti - 2):
        if toks[k].low != "'s" or not toks[k - 1].cap or not toks[k - 1].word or toks[k - 1].low in TIME_WORDS:
            continue  # "July's job additions": a period's figure, not the month's
        first = k - 1
        while first > lo and k - first < 3 and toks[first - 1].word and toks[first - 1].cap:
            first -= 1
        while first < k and toks[first].low in STOP:
            first += 1
        if first == k or bisect_left(scan.firsts, first) != bisect_left(scan.firsts, ti):
            continue  # the owner or a word after it up to the figure is a place
        j = k + 1
        while j < ti and j < k + 4 and toks[j].word and not toks[j].cap and toks[j].low not in STOP \
                and toks[j].low not in AUXILIARIES and not _changes(toks[j].low):
            j += 1
        if j == k + 1 or j >= ti or any(t.low in ctx.vocab.document_nouns or t.low in ctx.vocab.claimant_nouns
                                        for t in toks[k + 1:j]):
            continue  # "the ONS's figures", "Parliament's spending watchdog": a source, not what is measured
        if toks[j].low in AUXILIARIES and j + 1 < ti:
            j += 1
        if _changes(toks[j].low):
            words = toks[first:k]
            name = resolve_name(ctx, words) if len(words) == 1 else join_words(words)
            return Place(first, k, name, "owner")
    return None


def _changes(low: str) -> bool:
    """A verb that gives a measured thing its level or change: "rose", "stood", "eased", "hit"."""
    return low in CHANGE_VERBS or low in COPULA and low not in STOP or low in place_words()["level"] or (
        low.endswith("ed") and len(low) > 4 and low not in vocabulary().claimant_verbs)


def _part_opened(toks: list[Tok], ti: int) -> bool:
    """"1.12 million demonstrators, including 80,000 in Paris": a part's place is its own, not the
    paragraph's scene for the figures after it."""
    return any(t.low == "including" for t in toks[max(0, ti - 3):ti])


def _share_of(toks: list[Tok], places: list[Place], stop: int) -> Place | None:
    """"Nearly 5 million people, a tenth of Kenya's population, need aid": an apposition right after
    the figure's clause that makes it a share of a place's whole names that place."""
    if toks[stop].text not in (",", "—", "–"):
        return None
    k = stop + 1
    while k < len(toks) and k < stop + 4 and toks[k].low in ("a", "an", "about", "nearly", "almost", "over",
                                                             "roughly", "some", "more", "than", "around"):
        k += 1
    if k + 2 >= len(toks) or not _share_word(toks[k]) or toks[k + 1].low != "of":
        return None
    k += 2 + (toks[k + 2].low == "the")
    place = next((p for p in places if p.first == k), None)
    if place and place.kind != "demonym" and place.end < len(toks) and toks[place.end].low == "'s":
        return place
    return None


def _place_between(places: list[Place], scan: SentenceScan, a: int, b: int) -> bool:
    """A place other than a demonym starts between tokens ``a`` and ``b`` (exclusive)."""
    for q in places[bisect_right(scan.firsts, a):bisect_left(scan.firsts, b)]:
        if q.kind != "demonym":
            return True
    return False


def _subject_position(toks: list[Tok], p: Place) -> bool:
    """A place that is a sentence's subject or its setting, not an object ("to support Russia")."""
    before = preposition(toks, p)
    after = toks[p.end].low if p.end < len(toks) else ""
    return before in SETTING or _after_place_noun(toks, p) or after in AUXILIARIES or after == "'s" or (
        after in vocabulary().claimant_verbs)  # "Israel says 1,200 were killed"


def _opening_relative(toks: list[Tok], p: Place) -> bool:
    """"Indonesia, which had 240,000 pilgrims, raised its toll to 183": the place that opens the
    sentence with a relative clause on it is the subject of the clause after that one."""
    return p.first == 0 and p.end + 1 < len(toks) and toks[p.end].text == "," and toks[p.end + 1].low in (
        "which", "whose")


def _after_place_noun(toks: list[Tok], p: Place) -> bool:
    """"the city of X", "the province of X", "west of X": a place a settlement, area or part noun introduces."""
    if p.first < 2 or preposition(toks, p) != "of":
        return False
    words = place_words()
    noun = toks[p.first - 2].low
    return noun in REGION_NOUNS or noun in words["part"] or noun in words["settlement"] or noun in words["area"]


def _places_figure(toks: list[Tok], p: Place) -> bool:
    """A place after a figure that says where it was counted: after a locative preposition ("killed in
    X", "marched through X"), a part or settlement noun ("west of X", "the city of X"), or as the
    owner of a whole the figure is a share of ("half of X's population", "40% of X's homes"; not
    "the first 14 months of X's war")."""
    before = preposition(toks, p)
    if before in place_words()["locative"] or before in place_words()["impact"]:
        return True  # "killed in X", "left 17,000 dead as it shook X"
    return before == "of" and (_after_place_noun(toks, p) or (
        p.end < len(toks) and toks[p.end].low == "'s" and _share_word(toks[p.first - 2])))


def _share_word(t: Tok) -> bool:
    """"half", "a third", "40%": a word or figure that makes what follows "of" a whole it is part of."""
    last = t.low.rsplit(None, 1)[-1].rsplit("-", 1)[-1] if t.low.strip() else ""  # "a tenth", "two-thirds"
    return last in place_words()["share"] or (t.fig >= 0 and t.low.endswith(("%", "percent", "per cent")))


def _held_by(toks: list[Tok], p: Place) -> str | None:
    """The modifiers before a place when one says who controls the part meant: "in rebel-held
    northwestern Syria" -> "rebel-held northwestern"; a bare direction ("southern Turkey") is not a scope."""
    k = p.first
    while k > 0 and p.first - k < 2 and toks[k - 1].word and not toks[k - 1].cap and toks[k - 1].low.endswith(
            ("ern", "-torn") + CONTROL_SUFFIXES):
        k -= 1
    mods = toks[k:p.first]
    if any(t.low.endswith(CONTROL_SUFFIXES) for t in mods):
        return join_words(mods)
    return None


def _the_country(places: list[Place], lo: int, ti: int) -> Place | None:
    """The first "the country" reference in the figure's clause, up to a few words after it."""
    return next((p for p in places if p.kind == "the-country" and lo <= p.first < ti + 8), None)


def _inside_claimant(toks: list[Tok], p: Place, names: list[str]) -> bool:
    """The place is part of a longer claimant name ("Turkey's Disaster ... Authority"), as whole words
    ("Israel says" made "Israeli authorities" names no Israel inside a claimant)."""
    words = " ".join(t.text for t in toks[p.first:p.end])
    return any(words != name and words in name and re.search(rf"\b{re.escape(words)}\b", name) for name in names)


def _under_control(toks: list[Tok], k: int) -> int | None:
    """The end of "under Russian control", "under their control", "under rebel control" at k: a
    party holds the area (a fire or a flood brought "under control" holds no place)."""
    for j in (k + 2, k + 3):
        if j < len(toks) and toks[j].low == "control" and all(t.word for t in toks[k + 1:j]) and (
                toks[k + 1].cap or toks[k + 1].low in _CONTROLLERS):
            return j + 1
    return None


_CONTROLLERS = word_class("place_words.tsv", "controller")


def _location(toks: list[Tok], ti: int, hi: int) -> str | None:
    """A narrower scope after the figure: "in Hatay province", "in rebel-held regions in the northwest"."""
    n = len(toks)
    for j in range(ti + 1, min(n, hi + 2)):
        if toks[j].low == "in" and j + 1 < n:
            k = j + 1
            words = []
            while k < n and k < j + 7 and toks[k].fig < 0 and (toks[k].word or toks[k].low == "'s"):
                if toks[k].low in STOP and toks[k].low not in ("the", "of", "in") and words:
                    break
                words.append(toks[k])
                k += 1
            while words and words[-1].low in ("the", "of", "in"):
                words.pop()
            if k + 2 < n and toks[k].low == "under" and (control := _under_control(toks, k)):
                words += toks[k:control]  # "in areas under Russian control"
            if any(w.low in REGION_NOUNS or w.low.endswith(CONTROL_SUFFIXES) for w in words):
                while words and words[0].low == "the":
                    words.pop(0)
                return join_words(words)
    return None
