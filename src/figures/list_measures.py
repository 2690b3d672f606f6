"""Counts that take their measure from the list or breakdown they stand in, when they name none of
their own: "14 Malaysians, 165 Indonesians and 98 Indians have died" (the verb after the list),
"That figure included 323 Egyptians and 60 Jordanians" (the figure before, restated), "23 people
in Ohio and 11 in Iowa" (the count the item is coordinated with), and a bulleted list under a
heading line ("Here's the breakdown of deaths by state:" then "- Ohio: 56 people").
"""
from __future__ import annotations

import re

from figures.context import Context
from figures.counted_nouns import _measure_at
from figures.lexicon import AUXILIARIES, STOP, Measure, Vocabulary
from figures.tokens import Tok
from figures.word_classes import word_class

__all__ = ["shared_measure"]


def shared_measure(ctx: Context, toks: list[Tok], ti: int, sentence_start: int,
                   entities: dict[int, str | None]) -> tuple[str, str | None] | None:
    """(measure, entity or None) the count at ``ti`` shares with its list, else None."""
    last = ctx.last_entity
    if last and last[2] and _restated_includes(toks, ti):
        return last[2], None  # "Some 550 pilgrims died. That figure included 323 Egyptians"
    coordinated = _coordinated_measure(ctx, toks, ti)
    if coordinated:
        return coordinated, None
    listed = _list_verb(ctx.vocab, toks, ti)
    if listed:
        return listed.measure, None
    intro = _list_intro_cue(ctx.vocab, ctx.article.text, sentence_start)
    if intro:
        return intro.measure, intro.entity
    return None


def _coordinated_measure(ctx: Context, toks: list[Tok], ti: int) -> str | None:
    """"included 323 Egyptians and 60 Jordanians", "23 people in Ohio and 11 in Iowa": a count
    coordinated after another (its noun or place between) counts what that one counted."""
    if ti < 3 or toks[ti - 1].low not in ("and", ","):
        return None
    k = next((k for k in range(ti - 2, max(-1, ti - 9), -1) if toks[k].fig >= 0), None)
    if k is None or not all(t.word for t in toks[k + 1:ti - 1]) or ctx.figures[toks[k].fig].unit is not None:
        return None
    return ctx.measures.get(k)


_INCLUDES = frozenset("include includes included including".split())
_RESTATING_NOUNS = word_class("claimant_words.tsv", "number_noun") | frozenset({"number", "tally"})


def _list_verb(vocab: Vocabulary, toks: list[Tok], ti: int) -> Measure | None:
    """The verb cue after a list of counts that the figure at ``ti`` opens or continues ("at least 41
    Jordanians, 35 Tunisians, and 11 Iranians have passed away"), else None."""
    n, k, items = len(toks), ti + 1, 1
    while k < n:
        nouns = 0
        while k < n and nouns < 3 and toks[k].word and toks[k].fig < 0 and toks[k].low not in STOP \
                and toks[k].low not in AUXILIARIES and _measure_at(vocab, toks, k)[0] is None:
            k, nouns = k + 1, nouns + 1
        if nouns == 0:
            break
        j = k + (k < n and toks[k].text == ",")
        j += j < n and toks[j].low in ("and", "or")
        if j < n and j > k and toks[j].fig >= 0:
            k, items = j + 1, items + 1
            continue
        break
    if items < 2:
        return None
    while k < n and (toks[k].low in AUXILIARIES or toks[k].low in ("also", "all", "reportedly")):
        k += 1
    m = _measure_at(vocab, toks, k)[0] if k < n else None
    return m if m and m.kind == "verb" else None


_BULLETS = ("-", "•", "*", "–", "·")


def _list_intro_cue(vocab: Vocabulary, text: str, start: int) -> Measure | None:
    """The noun cue of the line ending in ":" that opens the bulleted list a sentence at ``start``
    is an item of ("Here's the breakdown of deaths by state:"), else None."""
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start:start + 2].lstrip().startswith(_BULLETS):
        return None
    at = line_start
    for _ in range(30):  # back over the list's earlier items to its heading
        if at <= 0:
            return None
        prev_start = text.rfind("\n", 0, at - 1) + 1
        line = text[prev_start:at].strip()
        if line and not line.startswith(_BULLETS):
            if not line.endswith(":"):
                return None
            words = re.findall(r"[a-z]+(?: toll)?", line.lower())
            return next((m for w in words if (m := vocab.measures.get(tuple(w.split()))) and m.kind == "noun"
                         and m.entity), None)
        at = prev_start
    return None


def _restated_includes(toks: list[Tok], ti: int) -> bool:
    """"That figure included 323 Egyptians", "the total includes 60": a restating noun (figure, total,
    number, tally) whose verb is "include", right before the figure."""
    return ti >= 2 and toks[ti - 1].low in _INCLUDES and toks[ti - 2].low in _RESTATING_NOUNS
