"""The sector a jobs figure is in, for the entity reader: "employment in food services rose by
69,000", "construction employment", "while construction added 12,000" (its own sector, unless the
words name the whole economy or an actor).
"""
from __future__ import annotations

from figures.lexicon import STOP
from figures.money_purposes import _purpose_np
from figures.tokens import Tok
from figures.word_classes import word_class


_SECTOR_NOUNS = word_class("entity_words.tsv", "sector_noun")
_NOT_SECTOR = word_class("entity_words.tsv", "not_sector")
_JOBS_VERBS = word_class("entity_words.tsv", "jobs_verb")
_WHOLE_ECONOMY = word_class("entity_words.tsv", "whole_economy")


def jobs_sector(toks: list[Tok], ti: int) -> str | None:
    """The sector a jobs figure is in: "employment in food services rose by 69,000", "construction
    employment rose ...", "in the food and drinking services sector"; else None."""
    n = len(toks)
    for k in range(max(0, ti - 14), min(n, ti + 8)):
        t = toks[k]
        if t.text in (";", ":") or (t.fig >= 0 and k != ti and k < ti):
            continue
        if t.low == "employment":
            if k + 1 < n and toks[k + 1].low == "in":
                thing, _ = _purpose_np(toks, k + 2)
                if thing:
                    return thing
            if k >= 1 and toks[k - 1].word and toks[k - 1].low not in STOP and toks[k - 1].low not in _NOT_SECTOR \
                    and not (toks[k - 1].cap and k >= 2 and toks[k - 2].word):
                return toks[k - 1].low  # "Construction employment"
        if t.low in _SECTOR_NOUNS and k >= 2 and toks[k - 1].word and toks[k - 1].low not in STOP:
            words: list[str] = []
            b = k - 1
            while b >= 0 and toks[b].word and (toks[b].low not in STOP or toks[b].low == "and") and len(words) < 5:
                words.insert(0, toks[b].low)
                b -= 1
            while words and words[0] == "and":
                words.pop(0)
            if words and b >= 0 and toks[b].low in ("the", "in"):
                return " ".join(words)
    return None


def sector_doing(toks: list[Tok], ti: int) -> str | None:
    """"Health care added 41,000 jobs", "while construction shed 12,000": the common noun phrase
    right before a jobs verb is the sector that gained or lost them, unless it names the whole
    economy ("employers added", "the economy lost") or an actor (a name, a pronoun)."""
    if ti < 2 or toks[ti - 1].low not in _JOBS_VERBS:
        return None
    words: list[Tok] = []
    b = ti - 2
    while b >= 0 and toks[b].word and len(words) < 4 and (toks[b].low not in STOP or toks[b].low == "and"):
        words.insert(0, toks[b])
        b -= 1
    while words and words[0].low == "and":
        words.pop(0)
    if not words or words[-1].low in _WHOLE_ECONOMY or any(w.low in _WHOLE_ECONOMY or w.low in _NOT_SECTOR for w in words):
        return None
    # a capital letter only where a sentence opens, and there on a sector's kind of word: "Health
    # care added", "Manufacturing lost", not "Amazon added"
    opening = b < 0 or toks[b].text in (".", "\u201c", '"')
    if any(w.cap and not (i == 0 and opening) for i, w in enumerate(words)) or (
            words[0].cap and len(words) == 1 and not words[0].low.endswith("ing")):
        return None
    return " ".join(w.low for w in words)
