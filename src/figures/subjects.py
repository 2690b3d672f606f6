"""What a figure is about: its subject (a place, a person, the event) and a narrower location.

A place after the figure ("1,602 people have died in Syria"), a place in subject position
before it, a place in the claimant's title ("the Syrian government confirmed"), the place the
paragraph named last, else the article's main place. Properties of the event (magnitude,
depth) are about the event.

Places beyond the gazetteer are read from how news names them (``data/place_words.tsv``): a
capitalised name after a locative ("killed near Kaura Namoda"), after a settlement, area or part
noun ("the city of Derna", "west of El Fasher"), before a region noun ("Santa Catarina state") or
in an apposition ("Goma, the capital of North Kivu"); "the city" is the last city named.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache

from figures.attribution import SUBORDINATORS, last_organisation, resolve_name
from figures.context import BUSINESS_NOUNS, THE_CITY, Claimant, Context, org_kinds, unglued
from figures.lexicon import (AUXILIARIES, CHANGE_VERBS, COPULA, EVENT_NOUNS, REGION_NOUNS, STOP, TIME_WORDS, Vocabulary,
                             data_lines, org_words, title_words, vocabulary)
from figures.tokens import Tok, join_words, tokenise


def _place_mentions(vocab: Vocabulary, toks: list[Tok]) -> list[tuple[int, int, str, str]]:
    """(first token, end token, canonical name, kind) of every place named in ``toks``."""
    out = []
    i = 0
    n = len(toks)
    while i < n:
        t = toks[i]
        if not (t.word and t.cap) or t.text.rstrip(".").replace("’", "'") not in vocab.place_first:
            head = unglued(vocab, t.text) if t.word and t.cap else None
            if head and (head,) in vocab.places:  # "A Paristhe police headquarters": Paris, with a typo
                out.append((i, i + 1, *vocab.places[(head,)]))
            i += 1
            continue
        hit = None
        for k in (4, 3, 2, 1):
            if i + k > n:
                continue
            key = tuple(x.text.replace("’", "'").rstrip(".") for x in toks[i:i + k])
            if key in vocab.places:
                canonical, kind = vocab.places[key]
                hit = (i, i + k, canonical, kind)
                break
            if key in vocab.aliases:
                hit = (i, i + k, vocab.aliases[key], "demonym")
                break
        if hit:
            out.append(hit)
            i = hit[1]
        else:
            i += 1
    return out


@dataclass(slots=True)
class Place:
    first: int
    end: int
    name: str
    kind: str
    in_claimant: bool = False


def find_places(ctx: Context, toks: list[Tok]) -> list[Place]:
    """The places a sentence names, in order: listed and unlisted names, "the capital", "the city",
    "the North", "both countries", coordinated pairs, "the country"."""
    found = _named_places(ctx, toks)
    if ctx.capital:  # "In the capital, ...": the capital the article names
        for i in range(1, len(toks)):
            if toks[i].low == "capital" and toks[i - 1].low == "the" and (
                    i + 1 == len(toks) or (toks[i + 1].low != "of" and not toks[i + 1].cap)):
                found.append(Place(i - 1, i + 1, ctx.capital, "city"))
    # "the North" / "the South": the last "North ..."/"South ..." place of the article
    for i, t in enumerate(toks):
        if t.text in ("North", "South") and i > 0 and toks[i - 1].low == "the" and (
                i + 1 == len(toks) or not toks[i + 1].cap):
            target = ctx.main_subject if (ctx.main_subject or "").startswith(t.text) else None
            if target:
                found.append(Place(i, i + 1, target, "alias"))
    # "killed west of the city", "shelling in the town", "in the province": the last city (region) named before
    for i in range(1, len(toks)):
        kind = "city" if toks[i].low in _CITY_NOUNS else "region" if toks[i].low in _REGION_ANAPHORS else None
        if kind and toks[i - 1].low == "the" and (
                i + 1 == len(toks) or (toks[i + 1].low != "of" and not toks[i + 1].cap)):
            named = _named_before(ctx, toks[i].start, kind)
            if named:
                found.append(Place(i - 1, i + 1, named, kind))
    found.extend(_group_phrases(ctx, toks))
    found = _coordinate(ctx, toks, sorted(found, key=lambda p: p.first))
    return sorted(found + _country_references(toks, found), key=lambda p: p.first)


_CITY_NOUNS = frozenset(("city", "town", "village"))
_REGION_ANAPHORS = frozenset(("province", "region", "district", "county", "governorate", "oblast", "prefecture"))


def _named_before(ctx: Context, at: int, kind: str) -> str | None:
    """The city or town (``kind`` "city") or region the article named last before offset ``at``: what
    "the city", "the province" refer to. The article's names are read once, on the first need."""
    if ctx.cities is None:
        text = ctx.article.text
        toks = tokenise(text, 0, len(text), [])
        ctx.cities = [(toks[p.first].start, _scene(ctx, toks, p).name, "region" if p.kind == "region" else "city")
                      for p in _named_places(ctx, toks) if p.kind in ("city", "capital", "unknown", "region")]
    k = bisect_left(ctx.cities, (at,)) - 1
    while k >= 0 and ctx.cities[k][2] != kind:
        k -= 1
    return ctx.cities[k][1] if k >= 0 else None


def _named_places(ctx: Context, toks: list[Tok]) -> list[Place]:
    """Places named in ``toks``: listed places and demonyms, and unlisted names a preposition, a
    settlement noun, a region noun, a "where" clause or an apposition marks as places."""
    found = [Place(a, b, c, k) for a, b, c, k in _place_mentions(ctx.vocab, toks)]
    area = place_words()["area"]
    for p in found:
        if p.kind == "capital" and p.end < len(toks) and toks[p.end].low in area:
            # "Khartoum state", "Kabul province": the region a city names, not the city or its country
            p.name, p.kind, p.end = _surface(toks, p), "region", p.end + 1
    covered = {i for p in found for i in range(p.first, p.end)}
    words = place_words()
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        if i in covered or not _may_open_name(t):
            i += 1
            continue
        end = _name_end(toks, i, covered)
        after = toks[end] if end < n else None
        if after is not None and (after.low in REGION_NOUNS or after.low in words["area"]) and after.low not in _NOT_REGION:
            # "Hatay province", "Rio Grande do Sul state", "North Darfur State": a name with a region noun
            found.append(Place(i, end + 1, join_words(toks[i:end]), "region"))
            i = end + 1
            continue
        named_as = _named_as(toks, i, words)
        if named_as and _ends_name(toks, end):
            # "killed in Port Harcourt", "the eastern city of Derna", "west of El Fasher": a name a
            # locative preposition or a settlement noun introduces is a place ("in Aleppo, Latakia" is
            # a list of places, each left alone); "in Region 5": the number is part of the name
            while end < n and toks[end].fig < 0 and toks[end].text.isdigit():
                end += 1
            kind = "region" if named_as == "area" else "city" if named_as == "settlement" else "unknown"
            found.append(Place(i, end, _whole_of_part(ctx, toks, i, end), kind))
        elif _where_after(toks, end) and (i == 0 or toks[i - 1].low not in ("the", "a", "an")):
            # "Marseille, where the prefecture counted 40,000": a name that a "where" clause describes is a scene
            found.append(Place(i, end, join_words(toks[i:end]), "unknown"))
        elif _capital_apposition(toks, end, words):
            found.append(Place(i, end, join_words(toks[i:end]), "city"))  # "Goma, the capital of North Kivu"
        i = end
    for p in found:
        if p.kind == "demonym" and ctx.vocab.places.get((p.name,), ("", ""))[1] == "capital":
            p.kind = "city"  # "the Parisian procession": a city's demonym names the city, not its country
        elif p.kind in ("demonym", "country", "alias") and p.end < n and toks[p.end].low in words["seat"] \
                and p.name in _capitals():
            # "the Georgian capital", "the Kenyan capital": the country's capital city
            p.name, p.kind, p.end = _capitals()[p.name], "city", p.end + 1
    return sorted(found, key=lambda p: p.first)


@cache
def _capitals() -> dict[str, str]:
    """country -> its capital's name (``data/places.tsv``)."""
    out: dict[str, str] = {}
    for words, (country, kind) in vocabulary().places.items():
        if kind == "capital":
            out.setdefault(country, " ".join(words))
    return out


@cache
def place_words() -> dict[str, frozenset[str]]:
    """class -> words (``data/place_words.tsv``): locative prepositions, name particles, settlement,
    area and part nouns, and the nouns of armed force that a demonym only names the actor of."""
    classes: dict[str, set[str]] = {}
    for line in data_lines("place_words.tsv"):
        word, cls = line.split("\t")
        classes.setdefault(cls, set()).add(word)
    return {cls: frozenset(ws) for cls, ws in classes.items()}


_NOT_REGION = frozenset(("north", "south", "east", "west", "capital", "coast"))


def _place_modifier(low: str) -> bool:
    """"southern", "rebel-held", "central": a word between a preposition and the place it modifies."""
    return low.endswith(("ern", "-held", "-controlled", "-torn", "-hit", "-ravaged", "-stricken")) \
        or low in place_words()["modifier"]


def _may_open_name(t: Tok) -> bool:
    """A capitalised word that may start a place's name: not a function word, a day or month, an
    organisation's word, a title or an acronym ("RSF artillery")."""
    return t.word and t.cap and t.low not in STOP and t.low not in TIME_WORDS and t.low not in org_words() \
        and t.low not in title_words() and t.text != "May" and not (t.text.isupper() and len(t.text) > 1)


def _name_end(toks: list[Tok], i: int, covered: set[int]) -> int:
    """End of the capitalised name at token ``i``: "Port Harcourt", "Vina del Mar", "El-Fasher"; at most
    four words, and never into an organisation's word ("Rapid Support Forces") or a known place."""
    particles = place_words()["particle"]
    end = i + 1
    n = len(toks)
    while end < n and end - i < 4 and end not in covered:
        t = toks[end]
        if t.word and t.cap and t.low not in org_words() and t.low not in TIME_WORDS and t.low not in STOP \
                and t.low not in REGION_NOUNS:
            end += 1
        elif t.low in particles and end + 1 < n and end + 1 not in covered and toks[end + 1].word \
                and toks[end + 1].cap and toks[end + 1].low not in org_words():
            end += 2
        else:
            break
    return end


def _whole_of_part(ctx: Context, toks: list[Tok], i: int, end: int) -> str:
    """The name of tokens ``i:end``; "West Maui" in an article about Maui is Maui, as "southern
    Turkey" is Turkey: a compass part of the article's own place is that place."""
    name = join_words(toks[i:end])
    if end - i > 1 and (toks[i].low in place_words()["part"] or toks[i].low.endswith("ern")):
        rest = join_words(toks[i + 1:end])
        if rest in (ctx.main_subject, ctx.event_place):
            return rest
    return name


def _named_as(toks: list[Tok], i: int, words: dict[str, frozenset[str]]) -> str | None:
    """How the words before token ``i`` introduce a name: "locative" ("in", "near", "through" past
    modifiers: "in war-torn X"), "settlement" ("the city of"), "area" ("the province of"), "part"
    ("west of", "the outskirts of"), else None."""
    k = i - 1
    while k >= 0 and i - k <= 2 and toks[k].word and not toks[k].cap and _place_modifier(toks[k].low):
        k -= 1
    if k < 0:
        return None
    if toks[k].low == "the" and k > 0 and toks[k - 1].low in words["locative"]:
        return "locative"  # "in the Sahel"
    if toks[k].low in words["locative"]:
        return "locative" if toks[k].low not in ("at", "from", "for") else None
    if toks[k].low in words["impact"]:
        return "locative"
    if toks[k].low == "of" and k > 0:
        noun = toks[k - 1].low
        for cls in ("settlement", "area", "part"):
            if noun in words[cls]:
                return cls
        if noun in words["seat"]:
            return "area"  # "the capital of X": X is what it governs
    return None


def _ends_name(toks: list[Tok], end: int) -> bool:
    """What follows a name lets it be a place: the end, a lower-case word (not a possessive), a
    closing mark, or a comma that no other capitalised name follows (a list is no scene)."""
    if end >= len(toks):
        return True
    t = toks[end]
    if t.text == ",":
        return end + 1 >= len(toks) or not toks[end + 1].cap
    if t.word:
        return not t.cap and t.low != "'s"
    return t.low != "'s" and t.fig < 0


def _capital_apposition(toks: list[Tok], end: int, words: dict[str, frozenset[str]]) -> bool:
    """"Goma, the capital of North Kivu", "Derna, a coastal city": a name its apposition calls a settlement."""
    if end + 2 >= len(toks) or toks[end].text != "," or toks[end + 1].low not in ("the", "a"):
        return False
    k = end + 2
    if toks[k].word and not toks[k].cap and toks[k].low not in words["settlement"] and toks[k].low not in words["seat"]:
        k += 1  # "the eastern city", "a coastal town"
    return k < len(toks) and (toks[k].low in words["settlement"] or toks[k].low in words["seat"])


# "both countries", "the two nations": the places the article reports on together
_GROUP_NOUNS = frozenset("countries nations states provinces cities islands sides".split())
_LEVEL = {"alias": "country", "capital": "city", "unknown": "city"}


def _group_phrases(ctx: Context, toks: list[Tok]) -> list[Place]:
    """"in both countries", "the two nations", "across the region" -> the article's group of places."""
    if not ctx.group:
        return []
    out = []
    for i in range(len(toks) - 1):
        if toks[i + 1].low in _GROUP_NOUNS and (toks[i].low == "both" or (
                toks[i].low in ("two", "2") and i > 0 and toks[i - 1].low == "the")):
            first = i - 1 if i > 0 and toks[i - 1].low == "the" else i
            out.append(Place(first, i + 2, ctx.group, "group"))
        elif toks[i].low == "across" and i + 2 < len(toks) and toks[i + 1].low == "the" and toks[i + 2].low == "region":
            out.append(Place(i + 1, i + 3, ctx.group, "group"))
    return out


def _coordinate(ctx: Context, toks: list[Tok], places: list[Place]) -> list[Place]:
    """"in Turkiye and Syria", "floods in Pakistan and India", "in Paris and Lyon": two places of one
    level joined by "and" are one subject, canonical names in the order written (the article's own
    order when it is the pair it reports on). A longer list ("in Aleppo, Latakia, Hama and Tartus")
    names the places a figure was counted in, not a pair, and is left alone."""
    out: list[Place] = []
    i = 0
    while i < len(places):
        a = places[i]
        b = places[i + 1] if i + 1 < len(places) else None
        if (b is None or b.first != a.end + 1) and a.kind in ("capital", "city", "unknown"):
            b = _unknown_city_after(toks, a) or b
        joined = b is not None and b.first == a.end + 1 and toks[a.end].low in ("and", "&") and a.name != b.name
        if joined and a.kind not in ("demonym", "group", "person", "company") and b.kind not in (
                "demonym", "group") and _LEVEL.get(a.kind, a.kind) == _LEVEL.get(b.kind, b.kind) and not (
                a.first > 0 and toks[a.first - 1].text == ",") and not (b.end < len(toks) and toks[b.end].text == ","
                                                                       and b.end + 1 < len(toks) and toks[b.end + 1].cap):
            names = [_surface(toks, p) if p.kind in ("capital", "unknown") else p.name for p in (a, b)]
            name = f"{names[0]} and {names[1]}"
            if ctx.group and set(ctx.group.split(" and ")) == set(names):
                name = ctx.group
            out.append(Place(a.first, b.end, name, "group"))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def _unknown_city_after(toks: list[Tok], a: Place) -> Place | None:
    """"in Paris and Lyon": an unlisted capitalised name coordinated with a city is a city too."""
    j = a.end + 1
    if j < len(toks) and toks[a.end].low == "and" and toks[j].word and toks[j].cap and toks[j].low not in STOP \
            and toks[j].low not in TIME_WORDS and (j + 1 == len(toks) or not toks[j + 1].cap):
        return Place(j, j + 1, toks[j].text, "unknown")
    return None


def _surface(toks: list[Tok], p: Place) -> str:
    return " ".join(t.text for t in toks[p.first:p.end])


def _where_after(toks: list[Tok], j: int) -> bool:
    """Token ``j`` opens a "where" clause: "Marseille, where ...", "Marseille where ..."."""
    if j < len(toks) and toks[j].text == ",":
        j += 1
    return j < len(toks) and toks[j].low == "where"


def _scene(ctx: Context, toks: list[Tok], p: Place) -> Place:
    """A capital named as where something happened ("in Paris", "the Paris police headquarters") is
    the city; a capital that acts ("Pyongyang said", "Moscow has decided") stands for its country."""
    if p.kind != "capital":
        return p
    after = toks[p.end].low if p.end < len(toks) else ""
    if _preposition(toks, p) in _SETTING:
        pass  # "Protesters in Nairobi said": a scene, whatever follows it
    elif after in ctx.vocab.claimant_verbs or after in AUXILIARIES or after == "'s" or (
            after.endswith("ed") and toks[p.end].word and not toks[p.end].cap):
        return p
    return Place(p.first, p.end, unglued(ctx.vocab, toks[p.first].text) or _surface(toks, p), "city")


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
    first = end
    while first > 0 and end - first < 3 and toks[first - 1].word and toks[first - 1].cap:
        first -= 1
    while first < end and toks[first].low in STOP:
        first += 1
    if first == end:
        return None
    known = next((p for p in _place_mentions(ctx.vocab, toks[first:end]) if p[:2] == (0, end - first)), None)
    if known:
        return _scene(ctx, toks, Place(first, end, known[2], known[3]))
    if toks[end - 1].low in TIME_WORDS or toks[end - 1].low in org_words() or toks[end - 1].text.isupper() or (
            first > 0 and toks[first - 1].low in ("the", "a", "an")):
        return None  # "on Saturday (300,000)", "the CGT (81,000)": a day or an organisation, not a scene
    return Place(first, end, _surface(toks, Place(first, end, "", "")), "unknown")


def _with_figure(ctx: Context, toks: list[Tok], ti: int, places: list[Place]) -> Place | None:
    """"1,293 died in Al Haouz, and Taroudant, with 452": an item of a list of places that ", with"
    follows owns the figure (not an object: "to support Russia, with 1,500 already there")."""
    if ti < 4 or toks[ti - 1].low != "with" or toks[ti - 2].text != ",":
        return None
    end = ti - 2
    first = end
    while first > 0 and end - first < 3 and toks[first - 1].word and toks[first - 1].cap:
        first -= 1
    if first == end or first == 0 or toks[first - 1].low not in (",", "and") or not _may_open_name(toks[first]):
        return None
    known = next((p for p in places if p.first == first and p.end == end), None)
    if known:
        return _scene(ctx, toks, known) if known.kind != "demonym" else None
    return Place(first, end, join_words(toks[first:end]), "unknown")


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
    first = end
    while first > 0 and end - first < 3 and toks[first - 1].word and toks[first - 1].cap:
        first -= 1
    if first == end or not _may_open_name(toks[first]) or (first > 0 and toks[first - 1].word):
        return None
    return Place(first, end, join_words(toks[first:end]), "unknown")


# the places before a figure that may be its scene: no real sentence names more; a bound, so that a
# sentence of thousands of places and figures costs a constant per figure, not a rescan
_PLACES_BACK = 12

_CLAUSE_STOPS = frozenset((",", ";", ":", "(", "—", "–"))
_DASHES = frozenset(("—", "–"))


@dataclass(slots=True)
class _Scan:
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


def _scan(ctx: Context, toks: list[Tok], places: list[Place]) -> _Scan:
    if ctx.scan and ctx.scan[0] is toks and ctx.scan[1] is places:
        return ctx.scan[2]
    companies = frozenset(name for _, name, kind in ctx.orgs if kind == "company")
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
    scan = _Scan(
        stops=_clause_stops(toks),
        breaks=[i for i, t in enumerate(toks) if t.text in (",", ";", ":") or t.low in SUBORDINATORS or t.low == "that"],
        firsts=[p.first for p in places], owned=owned, owners=owners, owner_reach=reach, companies=companies,
        openers=[k for k, t in enumerate(toks) if t.low in _OPENERS and _opens_clause(toks, k)],
        speakers=[(p, speaker, jurisdiction) for p in places
                  if (speaker := _speaker_after(ctx, toks, p)) | (jurisdiction := _jurisdiction(ctx, toks, p))])
    ctx.scan = (toks, places, scan)
    return scan


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
        holder = _age_holder(ctx, toks, ti)
        if holder:
            return holder, location
    if kind == "event" and ctx.event:
        return ctx.event, location
    names = [c.name for c in claimants]
    scan = _scan(ctx, toks, places)
    best = listed = _parenthesised(ctx, toks, ti) or _with_figure(ctx, toks, ti, places) or _apposed(toks, ti, places)
    # the clause after the figure, across a coordinated figure ("12,391 killed and 62,914 injured in Turkey")
    at = bisect_right(scan.stops, ti)
    end = scan.stops[at] if at < len(scan.stops) else len(toks)
    for p in places[bisect_right(scan.firsts, ti):] if best is None else ():
        if p.first > end:
            break
        if p.first <= end and p.kind != "demonym" and (p.kind == "group" or _places_figure(toks, p)):
            best = _scene(ctx, toks, _owned_place(toks, places, p))  # "in Paris" is the city; "Pyongyang said" acts
            break
    if best is None and end < len(toks):
        best = _share_of(toks, places, end)
    if best is None:
        # "Marseille, where the prefecture counted 40,000": the nearest place before the figure, when a
        # "where" clause opens after it, is where the figure was counted
        last = next((p for p in reversed(places[:bisect_left(scan.firsts, ti)]) if p.end <= ti), None)
        if last and _where_after(toks, last.end) and last.kind != "demonym":
            best = listed = _scene(ctx, toks, last)
    if best is None:
        best = _people_of(ctx, toks, ti)
    if best is None:
        best = _the_country(places, lo, ti)
    if best is None:
        best = _person_subject(ctx, toks, ti, claimants, scan)
    if best is None:
        before = bisect_left(scan.firsts, ti)
        for p in reversed(places[max(0, before - _PLACES_BACK):before]):
            if p.end <= ti and p.kind != "demonym" and (p.first == 1 or not _clause_between(scan, p.end, ti)) and (
                    not _inside_claimant(toks, p, names)) and not _jurisdiction(ctx, toks, p) and not _modifies_speaker(
                    ctx, toks, p) and (
                    (p.first >= lo and _subject_position(toks, p)) or _opening_scene(toks, p, scan)
                    or (p.kind == "city" and _preposition(toks, p) == "in")):  # "the record in the capital ..., with 700,000"
                best = _scene(ctx, toks, _owned_place(toks, places, p, ti))  # "Turkey's Hatay province lost 20,000"
                break
    if best is None:
        best = _main_clause_place(toks, places, lo, scan)
        best = best and _scene(ctx, toks, best)
    if best is None:
        best = _demonym_subject(ctx, toks, ti, lo, places, scan)
    if best is None:
        best = _owner_subject(ctx, toks, ti, lo, scan)
    if best is None:
        # "the Syrian government confirmed", "Turkish officials said": a place in a claimant's title;
        # "the Paris police headquarters": a capital in a local authority's name is the city
        for p, speaker, jurisdiction in scan.speakers:
            if p.end <= ti and jurisdiction:
                best = Place(p.first, p.end, _scene(ctx, toks, p).name, "speaker")  # "Police in Hawaii said"
                break
            if speaker and (_inside_claimant(toks, p, names) or (p.end <= ti and (
                    p.kind in ("capital", "city") or speaker > p.end))) and not _place_between(
                    places, scan, speaker, ti):
                best = Place(p.first, p.end, _scene(ctx, toks, p).name, "speaker")
                break
    if best is None:
        best = _company_subject(ctx, toks, ti, names, scan)
    if best is None and lo > 0 and toks[lo - 1].text == ";":
        # "Thousands rallied in Tbilisi; police detained 300": the scene of the clause before a semicolon
        best = next((_scene(ctx, toks, p) for p in reversed(places[:bisect_left(scan.firsts, lo)])
                     if p.kind not in ("demonym", "group") and _preposition(toks, p) in _SETTING
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
    if ctx.named_event and best is None and (ctx.main_subject is None or ctx.main_subject in ctx.vocab.countries):
        # "the death toll from Mira rose to 150": with no place of its own, a figure in a story about
        # a named event is the event's, not the country's (a state's paper keeps its state)
        return _named_event_in(ctx, toks, ti) or ctx.named_event, location
    if ctx.event_place and ctx.measures.get(ti) in _WHOLE_EVENT and (
            best is None or best.name in ctx.event_names or best.kind == "speaker"):
        # "the death toll in the town of Lahaina", "850 missing, Hawaii officials said": the count of
        # the whole local event is one quantity, named by where it is counted
        return ctx.event_place, location
    if best is None and toks:
        best = _scene_before(ctx, toks[0].start, paragraph)
    if best is None and ctx.para_subject and ctx.para_subject[0] == paragraph and not _whole_event(toks, lo, ti):
        return ctx.para_subject[1], location  # the place the paragraph's last sentence named
    if best is not None and best.kind != "company" and best is not listed:
        # a company speaks for itself, and one item of a list ("Lyon (22,000), Brest (20,000)") or a
        # "where" clause's place for itself, not for the paragraph
        ctx.para_subject = (paragraph, best.name)
        ctx.para_at = toks[0].start if toks else -1
    if location is None and best is not None and best.kind not in ("company", "person"):
        location = _held_by(toks, best)  # "in rebel-held northwestern Syria": who holds the part counted
    # nothing placed: the article's main subject; for a local event, the place it is counted in
    if best is None and not ctx.event_place and not ctx.main_subject and not ctx.title_read:
        ctx.main_subject = _title_place(ctx)
    return (best.name if best else ctx.event_place or ctx.main_subject), location


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
    place = next((p.name for p in _named_places(ctx, toks) if p.kind != "demonym"), None)
    return place or _title_name(ctx, toks)


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
        if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            best = name
    return best


def _opening_scene(toks: list[Tok], p: Place, scan: _Scan) -> bool:
    """"In Syria, ...", "In the western region of Lviv, 2 people ...", "...; in neighbouring Argentina,
    3 died": a place in the phrase that opens the sentence or a clause after a semicolon with "In",
    up to the phrase's comma, is that clause's scene."""
    at = bisect_left(scan.stops, p.first) - 1
    start = scan.stops[at] + 1 if at >= 0 else 0
    if start >= len(toks) or toks[start].low != "in" or (start > 0 and toks[start - 1].text != ";"):
        return False
    return at + 1 >= len(scan.stops) or p.end <= scan.stops[at + 1]


def _clause_between(scan: _Scan, a: int, b: int) -> bool:
    """A subordinate clause opens between tokens ``a`` and ``b``."""
    at = bisect_left(scan.openers, a)
    return at < len(scan.openers) and scan.openers[at] < b


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
        name = ctx.scenes[k][2] if ctx.scenes[k][2] != THE_CITY else _named_before(ctx, ctx.scenes[k][0], "city")
        return Place(0, 0, name, "city") if name else None
    return None


# measures that count the whole event: one quantity for the event, whichever part of it a sentence names
_WHOLE_EVENT = frozenset({"killed", "missing", "identified", "casualties", "injured"})


def _age_holder(ctx: Context, toks: list[Tok], ti: int) -> str | None:
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


def _people_of(ctx: Context, toks: list[Tok], ti: int) -> Place | None:
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


def _company_subject(ctx: Context, toks: list[Tok], ti: int, claimants: list[str], scan: _Scan) -> Place | None:
    """"Tesla's second-quarter revenue rose 2%", "Acme said it would cut 1,000 jobs": a company that
    owns the figure's noun or that states it is what the figure is about."""
    for first, end, name in scan.owned:  # in text order, the longest name first: a few steps at most
        if first >= ti:
            break
        if end < ti:
            return Place(first, end, name, "company")
    said = next((c for c in claimants if c in scan.companies), None)
    if said:
        return Place(0, 0, said, "company")
    # "Its shares rose 1.5%", "the retailer's sales": the company last named; the first owner whose
    # business noun stands before the figure
    at = bisect_right(scan.owner_reach, -ti)
    owner = scan.owners[at] if at < len(scan.owners) else None
    if owner is not None:
        name = last_organisation(ctx, "company", toks[owner].start)
        if name:
            return Place(owner, owner + 1, name, "company")
    return None


def _person_subject(ctx: Context, toks: list[Tok], ti: int, claimants: list[Claimant], scan: _Scan) -> Place | None:
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


def _pronoun_person(ctx: Context, toks: list[Tok], ti: int, claimants: list[Claimant], scan: _Scan) -> Place | None:
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


def _main_clause_place(toks: list[Tok], places: list[Place], lo: int, scan: _Scan) -> Place | None:
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
        if p.kind != "demonym" and (_subject_position(toks, p) or _preposition(toks, p) in impact):
            return p
    return None


def _demonym_subject(ctx: Context, toks: list[Tok], ti: int, lo: int, places: list[Place],
                     scan: _Scan) -> Place | None:
    """"British inflation rose to 3.5%", "UK inflation fell to 2.3%", "the Turkish lira fell 2%": a
    demonym or a place name that modifies what the figure's clause measures (the noun a change or level verb follows) stands for its country; not
    one that names a speaker ("Turkish officials said"), an armed force ("Israeli strikes killed
    30") or an actor ("British taxpayers would give ..."), which says who acted."""
    force = place_words()["force"]
    for p in places[bisect_left(scan.firsts, lo):bisect_left(scan.firsts, ti)]:
        if p.kind not in _MODIFYING or p.first < lo or p.end >= ti or _speaker_after(ctx, toks, p):
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
            return Place(p.first, p.end, p.name, "country") if p.kind == "demonym" else _scene(ctx, toks, p)
    return None


# places that can modify a measured noun: "British inflation", "UK inflation", "Texas power demand"
_MODIFYING = frozenset(("demonym", "country", "alias", "state", "capital"))


def _owner_subject(ctx: Context, toks: list[Tok], ti: int, lo: int, scan: _Scan) -> Place | None:
    """"Ofgem's energy price cap rose by 6.4%", "Musk's fortune rose to $400bn": a name that owns the
    noun the figure's change or level verb follows is what the figure is about (a place that owns it
    is read as a place; "Sunak's Rwanda plan" holds a place of its own and is left alone)."""
    for k in range(max(lo, 1), ti - 2):
        if toks[k].low != "'s" or not toks[k - 1].cap or not toks[k - 1].word:
            continue
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


def _speaker_after(ctx: Context, toks: list[Tok], p: Place) -> int:
    """The token of the speaking noun a place names the owner of, else 0: "Turkish officials",
    "Gaza's health ministry", "the Syrian civil defence agency"."""
    j = p.end + (1 if p.end < len(toks) and toks[p.end].low == "'s" else 0)
    for k in range(j, min(len(toks), j + 3)):
        t = toks[k]
        if t.low in ctx.vocab.claimant_nouns:
            return 0 if t.low in place_words()["observer"] else k
        if not t.word or t.cap or t.low in STOP or t.low in AUXILIARIES:
            break
    return 0


def _place_between(places: list[Place], scan: _Scan, a: int, b: int) -> bool:
    """A place other than a demonym starts between tokens ``a`` and ``b`` (exclusive)."""
    for q in places[bisect_right(scan.firsts, a):bisect_left(scan.firsts, b)]:
        if q.kind != "demonym":
            return True
    return False


def _jurisdiction(ctx: Context, toks: list[Tok], p: Place) -> bool:
    """"Police in Hawaii have revised", "officials in Hatay said": the place only says where the speakers serve."""
    return p.first >= 2 and toks[p.first - 1].low == "in" and toks[p.first - 2].low in ctx.vocab.claimant_nouns \
        and p.end < len(toks) and (toks[p.end].low in ctx.vocab.claimant_verbs or toks[p.end].low in AUXILIARIES)


def _modifies_speaker(ctx: Context, toks: list[Tok], p: Place) -> bool:
    """"Hawaii's governor", "Maui County police": the place only names who is speaking."""
    j = p.end + (1 if p.end < len(toks) and toks[p.end].low == "'s" else 0)
    return j < len(toks) and toks[j].word and (toks[j].low in ctx.vocab.claimant_nouns or toks[j].low in title_words())


def _subject_position(toks: list[Tok], p: Place) -> bool:
    """A place that is a sentence's subject or its setting, not an object ("to support Russia")."""
    before = _preposition(toks, p)
    after = toks[p.end].low if p.end < len(toks) else ""
    return before in _SETTING or _after_place_noun(toks, p) or after in AUXILIARIES or after == "'s" or (
        after in vocabulary().claimant_verbs)  # "Israel says 1,200 were killed"


# prepositions that make a place before the figure its setting ("Floods near X killed"), not an object
_SETTING = frozenset("in across within from near around outside through throughout inside".split())


def _after_place_noun(toks: list[Tok], p: Place) -> bool:
    """"the city of X", "the province of X", "west of X": a place a settlement, area or part noun introduces."""
    if p.first < 2 or _preposition(toks, p) != "of":
        return False
    words = place_words()
    noun = toks[p.first - 2].low
    return noun in REGION_NOUNS or noun in words["part"] or noun in words["settlement"] or noun in words["area"]


def _preposition(toks: list[Tok], p: Place) -> str:
    """The word before a place, past up to two lower-case modifiers: "in southern Turkey",
    "in rebel-held northwestern Syria", "across war-torn Gaza" -> the preposition."""
    k = p.first - 1
    if k >= 1 and toks[k].low == "'s" and toks[k - 1].cap:
        k -= 2  # "in Rajasthan's Churu district", "in Turkey's Hatay province": past the owner
        while k >= 0 and p.first - k < 6 and toks[k].word and toks[k].cap:
            k -= 1
    words = place_words()
    named = k
    while k >= 0 and named - k < 2 and (toks[k].low in words["settlement"] or toks[k].low in words["seat"]):
        k -= 1  # "the devastated capital Khartoum", "the port city Hodeidah": the noun the name stands in
    noun = k < named
    while k >= 0 and p.first - k <= 2 + (named - k if noun else 0) and toks[k].word and not toks[k].cap \
            and toks[k].low not in STOP and toks[k].low not in AUXILIARIES and _place_modifier(toks[k].low):
        k -= 1
    if k > 0 and toks[k].low == "the" and (noun or p.kind in ("city", "region")):
        k -= 1  # "in the Parisian procession", "in the capital", "in the Marseille city"
    return toks[k].low if k >= 0 else ""


def _places_figure(toks: list[Tok], p: Place) -> bool:
    """A place after a figure that says where it was counted: after a locative preposition ("killed in
    X", "marched through X"), a part or settlement noun ("west of X", "the city of X"), or as the
    owner of a whole the figure is a share of ("half of X's population", "40% of X's homes"; not
    "the first 14 months of X's war")."""
    before = _preposition(toks, p)
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
            ("ern", "-held", "-controlled", "-torn")):
        k -= 1
    mods = toks[k:p.first]
    if any(t.low.endswith(("-held", "-controlled")) for t in mods):
        return join_words(mods)
    return None


_COUNTRY_NOUNS = frozenset("country nation".split())


def _country_references(toks: list[Tok], places: list[Place]) -> list[Place]:
    """"Turkish President Erdogan said the country's death toll ...": "the country", "the nation's",
    "his country" stand for the country the sentence named last before them (a demonym counts)."""
    out = []
    for k in range(1, len(toks)):
        if toks[k].low in _COUNTRY_NOUNS and toks[k - 1].low in ("the", "his", "her", "its", "their"):
            named = [p for p in places if p.end <= k and p.kind in ("country", "alias", "demonym")]
            if named:
                out.append(Place(k - 1, k + 1, named[-1].name, "the-country"))
    return out


def _the_country(places: list[Place], lo: int, ti: int) -> Place | None:
    """The first "the country" reference in the figure's clause, up to a few words after it."""
    return next((p for p in places if p.kind == "the-country" and lo <= p.first < ti + 8), None)


def _inside_claimant(toks: list[Tok], p: Place, names: list[str]) -> bool:
    """The place is part of a longer claimant name ("Turkey's Disaster ... Authority"), as whole words
    ("Israel says" made "Israeli authorities" names no Israel inside a claimant)."""
    words = " ".join(t.text for t in toks[p.first:p.end])
    return any(words != name and words in name and re.search(rf"\b{re.escape(words)}\b", name) for name in names)


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
            if any(w.low in REGION_NOUNS or w.low.endswith(("-held", "-controlled")) for w in words):
                while words and words[0].low == "the":
                    words.pop(0)
                return join_words(words)
    return None
