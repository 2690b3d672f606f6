"""The noun phrase after a figure and what happened to it, for the entity reader.

What follows a counted noun and belongs to it ("1,200 cases of cholera", "4 million people in
need of food aid"), where the noun's verb stands past an aside, a part of a counted whole ("20 of
whom were children" -> "children killed"), a verb shared with an earlier coordinated figure
("destroyed 45 tanks and 30 armoured vehicles"), the named group members belong to, the group a
subject is "one of", and the sentence's verb for a bare figure. Kept apart from ``entities`` so
its rule order reads on one screen.
"""
from __future__ import annotations

from figures.context import Context
from figures.counted_nouns import REGION_PLURALS, _cue_participle, _measure_at, _np_words
from figures.lexicon import AUXILIARIES, BE, DETERMINERS, STOP
from figures.tokens import Tok
from figures.word_classes import word_class


_CONTAINERS = word_class("entity_words.tsv", "container_noun")
_STATES = word_class("entity_words.tsv", "state_phrase")


def _phrase_at(toks: list[Tok], i: int) -> str | None:
    """A short noun phrase from token i, ending before a determiner inside it ("measles this year")."""
    words = (_np_words(toks, i) or "").split()
    cut = next((k for k in range(1, len(words)) if words[k].lower() in DETERMINERS), len(words))
    words = words[:cut]
    return " ".join(words) if words and words[-1].lower() not in DETERMINERS else None


def np_tail(toks: list[Tok], j: int, head: str) -> str:
    """What follows a counted noun at token j and belongs to it: " of cholera" after "1,200 cases",
    " in need of food aid" after "4 million people", " without power" after "homes"; else ""."""
    n = len(toks)
    if head in _CONTAINERS and j + 1 < n and toks[j].low == "of":
        thing = _phrase_at(toks, j + 1)
        return f" of {thing}" if thing else ""
    for size in (3, 2, 1):
        phrase = " ".join(t.low for t in toks[j:j + size])
        if len(toks[j:j + size]) == size and phrase in _STATES:
            k = j + size
            if k < n and toks[k].low == "of":
                phrase += " of"
                k += 1
            rest = _phrase_at(toks, k) if k < n else None
            if not rest and not phrase.endswith(("need", "hospital", "custody", "detention", "shelters")):
                return ""
            return f" {phrase} {rest}" if rest else f" {phrase}"
    return ""


_WHOLE_PRONOUNS = frozenset(("whom", "them", "which", "those"))


def _whole_participle(ctx: Context, toks: list[Tok], ti: int, entities: dict[int, str | None]) -> str | None:
    """What happened to the whole a part is of: the participle ending the previous figure's entity
    ("45 people killed"), or the cue of an opening "Of the dead," -> "killed"."""
    for j in range(ti - 1, -1, -1):
        if j in entities and entities[j]:
            last = entities[j].split()[-1].lower()
            if last in REGION_PLURALS:
                continue  # "56 killed across five states, including 23 in Ohio": the whole is the 56
            cue = ctx.vocab.measures.get((last,))
            return last if ctx.kinds.get(j) == "verb" and cue and cue.kind == "verb" else None
    if len(toks) > 3 and toks[0].low == "of" and toks[1].low == "the":
        cue, _ = _measure_at(ctx.vocab, toks, 2)
        if cue and cue.kind == "verb":
            return _cue_participle(cue, toks[2])
    return None


def past_aside(toks: list[Tok], j: int) -> int:
    """Where the verb of the noun phrase ending at token j may stand, past what the phrase's own
    subject shares it with: an aside (", including 31 children,", ", among them 12 women,") or a
    coordinated count ("160 people and 23 children have been killed")."""
    n = len(toks)
    if j + 1 < n and toks[j].text == "," and toks[j + 1].low in ("including", "among", "mostly", "most"):
        close = next((k for k in range(j + 2, min(n, j + 9)) if toks[k].text == ","), None)
        return close + 1 if close is not None else j
    if j + 2 < n and toks[j].low == "and" and toks[j + 1].fig >= 0 and toks[j + 2].word:
        k = j + 2
        while k < n and k < j + 5 and toks[k].word and toks[k].low not in AUXILIARIES and toks[k].low not in STOP:
            k += 1
        return k if k < n and toks[k].low in AUXILIARIES else j
    return j


def part_of_whole(ctx: Context, toks: list[Tok], ti: int, np_end: int, words: list[str],
                   entities: dict[int, str | None]) -> str | None:
    """A part of a counted whole, named by a noun after a copula or after "including": "20 of whom
    were children", "Of the dead, 12,000 were children", "including 80 children" -> "children"
    with what happened to the whole ("children killed"); None when the figure is not such a part."""
    n = len(toks)
    if words:
        if not (ti >= 1 and toks[ti - 1].low in ("including", "among")):
            return None
        noun = " ".join(words)
    else:
        j = np_end
        if j + 1 < n and toks[j].low == "of" and toks[j + 1].low in _WHOLE_PRONOUNS:
            j += 2
        elif j < n and toks[j].low in _WHOLE_PRONOUNS and toks[j - 1].low == "of":
            j += 1  # the noun phrase reader stopped after "of": "1,300 of | them were children"
        if not (j < n and toks[j].low in BE and j + 1 < n):
            return None
        noun = _phrase_at(toks, j + 1)
        if not noun or noun.split()[0].lower() in DETERMINERS or noun[:1].isupper() or any(
                w.lower().endswith(("ed", "ing", "ly")) or ctx.vocab.measures.get((w.lower(),)) or w.lower() in _STATES
                for w in noun.split()):
            return None  # "40 were injured", "the 40 were Britons": not a part named by a noun
    done = _whole_participle(ctx, toks, ti, entities)
    return f"{noun} {done}" if done and not noun.endswith(done) else noun


def shared_verb(ctx: Context, toks: list[Tok], ti: int,
                 entities: dict[int, str | None]) -> tuple[str, str | None] | None:
    """(participle, measure) of the verb before an earlier figure this one is coordinated with:
    "destroyed 45 tanks and 30 armoured vehicles" -> ("destroyed", "destroyed") at 30."""
    if not (ti >= 3 and toks[ti - 1].low in ("and", "or", ",")):
        return None
    k = ti - 2
    while k >= 0 and ti - k <= 6 and toks[k].fig < 0 and toks[k].word and toks[k].low not in STOP:
        k -= 1  # the earlier figure's noun: "45 tanks"
    if k < 1 or toks[k].fig < 0 or k == ti - 2 or ctx.kinds.get(k) != "verb" or not entities.get(k):
        return None
    before, _ = _measure_at(ctx.vocab, toks, k - 1) if toks[k - 1].fig < 0 else (None, 0)
    done = _cue_participle(before, toks[k - 1]) if before and before.kind == "verb" else None
    if not done or not entities[k].endswith(done):
        return None
    return done, ctx.measures.get(k)


def group_of(toks: list[Tok], j: int) -> str | None:
    """The named group members at token j belong to: "from the paramilitary Rapid Support Forces
    (RSF)" -> "RSF", "of the Wagner group" -> "Wagner group"; else None."""
    n = len(toks)
    if not (j + 1 < n and toks[j].low in ("from", "of")):
        return None
    k = j + 1
    if toks[k].low == "the":
        k += 1
    while k < n and toks[k].word and not toks[k].cap and toks[k].low not in STOP and k < j + 4:
        k += 1  # "the paramilitary ..."
    name = []
    while k < n and toks[k].word and toks[k].cap and len(name) < 4:
        name.append(toks[k].text)
        k += 1
    if not name:
        return None
    while k < n and toks[k].low in ("group", "militia", "movement", "brigade", "army", "forces"):
        name.append(toks[k].low)
        k += 1
    if k + 2 < n and toks[k].text == "(" and toks[k + 1].text.isupper() and toks[k + 2].text == ")":
        return toks[k + 1].text  # the group's own short name
    return " ".join(name)


def one_of_entity(toks: list[Tok], ti: int) -> str | None:
    """"The Lahaina fire was one of four that broke out" -> "fires": a group the subject belongs to,
    named by nothing after the figure, counts things of the subject's kind."""
    n = len(toks)
    if not (ti >= 4 and toks[ti - 1].low == "of" and toks[ti - 2].low == "one" and toks[ti - 3].low in BE):
        return None
    if ti + 1 < n and toks[ti + 1].word and toks[ti + 1].low not in STOP:
        return None  # "one of four fires": the noun is there
    head = toks[ti - 4]
    if not head.word or head.cap or head.low in STOP or head.fig >= 0:
        return None
    w = head.low
    if w.endswith("y") and w[-2:-1] not in "aeiou":
        return w[:-1] + "ies"
    return w + ("es" if w.endswith(("s", "x", "ch", "sh")) else "s")


def sentence_verb_cue(vocab, toks: list[Tok], ti: int):
    """The nearest verb cue of the sentence that names its own entity ("marched" -> people marched), for
    a bare figure that names nothing else; None when there is none."""
    best, dist = None, 99
    for j, t in enumerate(toks):
        if t.fig >= 0 or j == ti:
            continue
        m, _ = _measure_at(vocab, toks, j)
        if m and m.kind == "verb" and m.entity and abs(j - ti) < dist:
            best, dist = m, abs(j - ti)
    return best
