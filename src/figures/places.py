"""The places a sentence names, and how it names them.

Listed places and demonyms come from the gazetteer (``data/places.tsv``). Places beyond it are read
from how news names them (``data/place_words.tsv``): a capitalised name after a locative ("killed
near Kaura Namoda"), after a settlement, area or part noun ("the city of Derna", "west of El
Fasher"), before a region noun ("Santa Catarina state") or in an apposition ("Goma, the capital of
North Kivu"); "the city" is the last city named. Whether a place is a scene or an actor ("in Paris"
against "Pyongyang said") and whether it only names a speaker ("Turkish officials", "police in
Hawaii") is read here too; which place a figure is about is the subject reader's question.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from figures.context import APPOINTED_SUFFIXES, CONTROL_SUFFIXES, MASTHEADS, Context, in_institution_name, unglued
from figures.lexicon import (AUXILIARIES, REGION_NOUNS, STOP, TIME_WORDS, Vocabulary, data_lines, org_words,
                             title_words, vocabulary)
from figures.tokens import Tok, join_words, tokenise


def place_mentions(vocab: Vocabulary, toks: list[Tok]) -> list[tuple[int, int, str, str]]:
    """(first token, end token, canonical name, kind) of every place named in ``toks``."""
    out = []
    i = 0
    n = len(toks)
    while i < n:
        t = toks[i]
        longest = vocab.place_lengths.get(t.text.rstrip(".").replace("’", "'"), 0) if t.word and t.cap else 0
        if not longest:
            head = unglued(vocab, t.text) if t.word and t.cap else None
            if head and (head,) in vocab.places:  # "A Paristhe police headquarters": Paris, with a typo
                out.append((i, i + 1, *vocab.places[(head,)]))
            i += 1
            continue
        hit = None
        for k in range(min(longest, n - i), 0, -1):
            key = tuple(x.text.replace("’", "'").rstrip(".") for x in toks[i:i + k])
            if key in vocab.places:
                canonical, kind = vocab.places[key]
                hit = (i, i + k, canonical, kind)
                break
            if key in vocab.aliases:
                hit = (i, i + k, vocab.aliases[key], "demonym")
                break
        if hit and (in_institution_name([x.text for x in toks[max(0, i - 2):i]]) or (
                hit[1] < n and toks[hit[1]].cap and toks[hit[1]].low in MASTHEADS)):
            i = hit[1]  # "the Bank of England", "The New York Times": a name, not a place of the sentence
        elif hit:
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
    found = named_places(ctx, toks)
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
            named = named_before(ctx, toks[i].start, kind)
            if named:
                found.append(Place(i - 1, i + 1, named, kind))
    found.extend(_group_phrases(ctx, toks))
    found = _coordinate(ctx, toks, sorted(found, key=lambda p: p.first))
    return sorted(found + _country_references(toks, found), key=lambda p: p.first)


_CITY_NOUNS = frozenset(("city", "town", "village"))
_REGION_ANAPHORS = frozenset(("province", "region", "district", "county", "governorate", "oblast", "prefecture"))


def named_before(ctx: Context, at: int, kind: str) -> str | None:
    """The city or town (``kind`` "city") or region the article named last before offset ``at``: what
    "the city", "the province" refer to. The article's names are read once, on the first need."""
    if ctx.cities is None:
        text = ctx.article.text
        toks = tokenise(text, 0, len(text), [])
        ctx.cities = [(toks[p.first].start, scene(ctx, toks, p).name, "region" if p.kind == "region" else "city")
                      for p in named_places(ctx, toks) if p.kind in ("city", "capital", "unknown", "region")]
    k = bisect_left(ctx.cities, (at,)) - 1
    while k >= 0 and ctx.cities[k][2] != kind:
        k -= 1
    return ctx.cities[k][1] if k >= 0 else None


def named_places(ctx: Context, toks: list[Tok]) -> list[Place]:
    """Places named in ``toks``: listed places and demonyms, and unlisted names a preposition, a
    settlement noun, a region noun, a "where" clause or an apposition marks as places."""
    found = [Place(a, b, c, k) for a, b, c, k in place_mentions(ctx.vocab, toks)]
    area = place_words()["area"]
    for p in found:
        if p.kind == "capital" and p.end < len(toks) and toks[p.end].low in area:
            # "Khartoum state", "Kabul province": the region a city names, not the city or its country
            p.name, p.kind, p.end = surface(toks, p), "region", p.end + 1
    covered = {i for p in found for i in range(p.first, p.end)}
    words = place_words()
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        if i in covered or not may_open_name(t):
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
        elif where_after(toks, end) and (i == 0 or toks[i - 1].low not in ("the", "a", "an")):
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
    return low.endswith(("ern", "-torn", "-hit", "-ravaged", "-stricken") + CONTROL_SUFFIXES) \
        or low in place_words()["modifier"]


def may_open_name(t: Tok) -> bool:
    """A capitalised word that may start a place's name: not a function word, a day or month, an
    organisation's word, a title or an acronym ("RSF artillery")."""
    return t.word and t.cap and t.low not in STOP and t.low not in TIME_WORDS and t.low not in org_words() \
        and t.low not in title_words() and t.text != "May" and not (t.text.isupper() and len(t.text) > 1) \
        and not t.low.endswith(CONTROL_SUFFIXES + APPOINTED_SUFFIXES)  # "in Russian-held territory"


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
    if toks[k].low == "from" and k > 0 and (toks[k - 1].fig >= 0 or toks[k - 1].low == "each"):
        return "locative"  # "17 from Nairobi, four from Uasin Gishu": where a count's people are from
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
            names = [surface(toks, p) if p.kind in ("capital", "unknown") else p.name for p in (a, b)]
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


def surface(toks: list[Tok], p: Place) -> str:
    return " ".join(t.text for t in toks[p.first:p.end])


def where_after(toks: list[Tok], j: int) -> bool:
    """Token ``j`` opens a "where" clause: "Marseille, where ...", "Marseille where ..."."""
    if j < len(toks) and toks[j].text == ",":
        j += 1
    return j < len(toks) and toks[j].low == "where"


def scene(ctx: Context, toks: list[Tok], p: Place) -> Place:
    """A capital named as where something happened ("in Paris", "the Paris police headquarters") is
    the city; a capital that acts ("Pyongyang said", "Moscow has decided") stands for its country."""
    if p.kind != "capital":
        return p
    after = toks[p.end].low if p.end < len(toks) else ""
    if preposition(toks, p) in SETTING:
        pass  # "Protesters in Nairobi said": a scene, whatever follows it
    elif after in ctx.vocab.claimant_verbs or after in AUXILIARIES or after == "'s" or (
            after.endswith("ed") and toks[p.end].word and not toks[p.end].cap):
        return p
    return Place(p.first, p.end, unglued(ctx.vocab, toks[p.first].text) or surface(toks, p), "city")


# prepositions that make a place before the figure its setting ("Floods near X killed"), not an object
SETTING = frozenset("in across within from near around outside through throughout inside".split())


def preposition(toks: list[Tok], p: Place) -> str:
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
    if k > 0 and toks[k].low == "the" and (noun or p.kind in ("city", "region", "country")):
        k -= 1  # "in the Parisian procession", "in the capital", "in the Marseille city", "in the DRC"
    return toks[k].low if k >= 0 else ""


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


def speaker_after(ctx: Context, toks: list[Tok], p: Place) -> int:
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


def is_jurisdiction(ctx: Context, toks: list[Tok], p: Place) -> bool:
    """"Police in Hawaii have revised", "officials in Hatay said": the place only says where the speakers serve."""
    return p.first >= 2 and toks[p.first - 1].low == "in" and toks[p.first - 2].low in ctx.vocab.claimant_nouns \
        and p.end < len(toks) and (toks[p.end].low in ctx.vocab.claimant_verbs or toks[p.end].low in AUXILIARIES)


def modifies_speaker(ctx: Context, toks: list[Tok], p: Place) -> bool:
    """"Hawaii's governor", "Maui County police": the place only names who is speaking."""
    j = p.end + (1 if p.end < len(toks) and toks[p.end].low == "'s" else 0)
    return j < len(toks) and toks[j].word and (toks[j].low in ctx.vocab.claimant_nouns or toks[j].low in title_words())
