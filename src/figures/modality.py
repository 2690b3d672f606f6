"""How a figure is claimed (actual, estimated, projected, intended, decided, denied,
hypothetical: ``data/modality.tsv``) and whether it is a change rather than a level."""
from __future__ import annotations

from figures.lexicon import CHANGE_NOUNS, CHANGE_VERBS, STOP, Vocabulary, data_lines
from figures.tokens import Tok
from figures.word_classes import word_class

# participles after a figure that make it a forecast ("205,000 jobs forecast by economists")
FORECAST_PARTICIPLES = word_class("entity_words.tsv", "forecast_verb")


# Words after a figure that open another clause: a cue beyond them is that clause's ("added 254,000
# jobs when economists expected 150,000", "rose to 500 and is expected to climb")
CLAUSE_BREAKS = frozenset("and but while , ; as when whereas than although though because after".split())


def read_modality(vocab: Vocabulary, toks: list[Tok], ti: int, lo: int) -> str:
    n = len(toks)
    # "an estimated 500", "could top 20,000": a cue among the figure's own words comes first
    own = toks[ti].low.split()[:-1]
    for j in range(len(own)):
        for k in (2, 1):
            cue = vocab.modality.get(tuple(own[j:j + k])) if j + k <= len(own) else None
            if cue is not None and cue != "actual":
                return cue
    # "with 1,500 already positioned": a cue right after the figure
    for j in range(ti + 1, min(n, ti + 3)):
        if toks[j].low == "already":
            return "actual"
    # "the 205,000 jobs forecast by economists": a participle with its agent right after the figure
    # says how the figure itself is claimed, whatever the clause's verb ("that was short of")
    for j in range(ti + 1, min(n - 1, ti + 3)):
        if toks[j].low in FORECAST_PARTICIPLES and toks[j + 1].low == "by":
            return "projected"
    best = None
    first = vocab.modality_first
    inside = 0  # words of the cue last read are not read again ("would have been" holds "have been")
    for j in range(max(lo, ti - 10), ti):
        if j < inside or toks[j].low not in first or _month(toks, j):
            continue
        for k in (3, 2, 1):
            key = tuple(t.low for t in toks[j:j + k])
            if len(key) == k and key in vocab.modality:
                # "below expectations of 165,000 and above the revised 89,000": a cue whose own figure
                # ("of 165,000") stands between it and this one is that figure's
                owned = j + k + 1 < ti and toks[j + k].low == "of" and toks[j + k + 1].fig >= 0
                best = None if owned else vocab.modality[key]
                inside = j + k
                break
    if best is None:
        for j in range(ti + 1, min(n, ti + 8)):
            if toks[j].low in CLAUSE_BREAKS:
                break  # "rose to 500 and is expected to climb": the cue is about what comes next
            if toks[j].low not in first or _month(toks, j):
                continue
            for k in (2, 1):
                key = tuple(t.low for t in toks[j:j + k])
                if len(key) == k and key in vocab.modality and vocab.modality[key] in (
                        "projected", "estimated", "hypothetical", "denied"):  # "... 500 dead are false rumours"
                    if _future_change(toks, j + k):
                        return "actual"  # "a toll of 2,100 seemed likely to rise": the figure stands now
                    return vocab.modality[key]
    return best or "actual"


def claimed_by(modality: str, claimant: str | None) -> str:
    """An estimate by those who forecast a statistic ("economists polled by a news agency had
    estimated 150,000") is a forecast of it, not an estimate of what happened."""
    return "projected" if modality == "estimated" and is_forecaster(claimant) else modality


def is_forecaster(claimant: str | None) -> bool:
    """Whether the claimant is one who forecasts statistics ("economists polled by Reuters")."""
    return bool(claimant) and not _FORECASTERS.isdisjoint(claimant.lower().split())


_FORECASTERS = frozenset(data_lines("forecasters.txt"))


# "shot down 24 drones", "picked up 300 survivors": "up"/"down" belongs to the verb, no change
PARTICLE_VERBS = frozenset("shot shoot shoots shooting brought bring took take set put picked pick rounded round "
                           "tracked hunted broke tore turned gave held pulled knocked struck".split())


# "the toll rose above 100", "inflation fell below 3%": the level it crossed, not the size of the move
CROSSING_WORDS = frozenset("above below past beyond under".split())


def _future_change(toks: list[Tok], j: int) -> bool:
    """"... expected to rise", "likely to climb further": the cue is about a change still to come."""
    return j + 1 < len(toks) and toks[j].low == "to" and toks[j + 1].low in CHANGE_VERBS


def _month(toks: list[Tok], j: int) -> bool:
    """"added 339,000 jobs in May": the month, not the modal verb."""
    return toks[j].text == "May" and j > 0


def is_change(toks: list[Tok], ti: int) -> bool:
    """"rose by 5%", "up 300", "a 5% increase": the figure is a change, not a level."""
    prev = toks[ti - 1].low if ti >= 1 else ""
    prev2 = toks[ti - 2].low if ti >= 2 else ""
    nxt = toks[ti + 1].low if ti + 1 < len(toks) else ""
    bare = not (ti + 1 < len(toks) and toks[ti + 1].word and toks[ti + 1].low not in STOP)
    if toks[ti].low.split()[0] in CROSSING_WORDS and prev in CHANGE_VERBS:
        return False
    if (prev in ("up", "down") and prev2 not in PARTICLE_VERBS) or (prev in CHANGE_VERBS and bare):
        return True  # "up 300", "shares fell 4.5%"; not "cut 1,200 jobs", and "rose to 3.9%" is a level
    if prev == "by" and (prev2 in CHANGE_VERBS or any(t.low in CHANGE_VERBS for t in toks[max(0, ti - 5):ti - 2])):
        return True  # "rose by 5%", "raised interest rates by 25 basis points"
    return nxt in CHANGE_NOUNS
