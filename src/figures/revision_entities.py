"""Figures about another figure's value, for the entity reader: a revision ("revised July's numbers
up by 55,000" -> "upward revision"), a misstatement ("CPI was overstated by 0.1 points" ->
"overstatement of CPI") and a forecast ("the 3.3% consensus forecast"). The entity reader tries
them first, before any noun the figure counts.
"""
from __future__ import annotations

from figures.context import Context
from figures.lexicon import STOP, TRANSPARENT
from figures.measure_cues import _measure_noun_text
from figures.tokens import Tok
from figures.word_classes import word_class


_REVISE = word_class("entity_words.tsv", "revise_word")
_OVERSTATE = word_class("entity_words.tsv", "overstate_word")
_UNDERSTATE = word_class("entity_words.tsv", "understate_word")
_FORECAST_NOUNS = word_class("entity_words.tsv", "forecast_noun")
_FORECAST_VERBS = word_class("entity_words.tsv", "forecast_verb")


def revision_entity(toks: list[Tok], ti: int) -> str | None:
    """"revised July's numbers up by 55,000" -> "upward revision"; "are 72,000 more than previously
    reported" -> "revision"; else None."""
    n = len(toks)
    if ti + 3 < n and toks[ti + 1].low in ("more", "fewer", "less", "higher", "lower") and toks[ti + 2].low == "than" \
            and toks[ti + 3].low in ("previously", "initially", "originally", "first"):
        return "revision"
    j = ti - 1
    if j >= 2 and toks[j].low == "of" and toks[j - 1].low in TRANSPARENT:
        j -= 2  # "by a total of 72,000"
    if j >= 1 and toks[j].low in ("a", "net"):
        j -= 1
    if j < 1 or toks[j].low != "by":
        return None
    for k in range(j - 1, max(-1, j - 10), -1):
        if toks[k].text in (";", ":", ".", ",") or (toks[k].low.endswith("ed") and toks[k].low not in _REVISE):
            return None  # "revised higher, boosted by 12,000": another verb's "by"
        if toks[k].low in _REVISE:
            between = {t.low for t in toks[k:j]}
            if between & {"up", "upward", "upwards"}:
                return "upward revision"
            if between & {"down", "downward", "downwards"}:
                return "downward revision"
            return "revision"
    return None


def misstatement_entity(ctx: Context, toks: list[Tok], ti: int) -> tuple[str, str | None, None] | None:
    """The error of a published figure: "CPI was overstated by 0.1 percentage points" and "the ONS
    overstating inflation by 0.1 points" -> "overstatement of CPI" / "... of inflation"; "RPI
    inflation was 0.1 points too high" -> "overstatement of RPI inflation"."""
    n = len(toks)
    word = None
    if ti + 2 < n and toks[ti + 1].low == "too" and toks[ti + 2].low in ("high", "low"):
        word = "overstatement" if toks[ti + 2].low == "high" else "understatement"
    elif ti >= 2 and toks[ti - 1].low == "by":
        for k in range(ti - 2, max(-1, ti - 10), -1):
            if toks[k].fig >= 0 or toks[k].text in (",", ";", ":"):
                break
            if toks[k].low in _OVERSTATE or toks[k].low in _UNDERSTATE:
                word = "overstatement" if toks[k].low in _OVERSTATE else "understatement"
                break
    if not word:
        return None
    noun = _measure_noun_text(toks, ti)
    if not noun:
        return word, None, None
    m = ctx.vocab.measures.get(tuple(noun.lower().split()))
    return f"{word} of {noun}", (m.measure if m else None), None


def forecast_entity(vocab, toks: list[Tok], ti: int) -> tuple[str, str | None, None] | None:
    """A percentage that is a forecast or target of the clause's measure: "the 3.3% consensus
    forecast" -> "consensus inflation forecast", "3.4% predicted by the bank" -> "inflation
    predicted"; None when no measure noun stands before it."""
    n = len(toks)
    after: list[str] = []
    j = ti + 1
    while j < n and toks[j].word and toks[j].low not in STOP and len(after) < 3:
        after.append(toks[j].low)
        j += 1
    if after and after[-1] in _FORECAST_NOUNS:
        if any(vocab.measures.get((w,)) for w in after):
            return None  # "its 2% inflation target" names its measure itself
        noun = _measure_noun_text(toks, ti)
        m = vocab.measures.get(tuple(noun.lower().split())) if noun else None
        if m and m.kind == "noun":
            return " ".join([*after[:-1], noun, after[-1]]), m.measure, None
        return None
    if after and after[0] in _FORECAST_VERBS and toks[ti + 1].low in _FORECAST_VERBS:
        noun = _measure_noun_text(toks, ti, past_figures=True)
        m = vocab.measures.get(tuple(noun.lower().split())) if noun else None
        if m and m.kind == "noun":
            return f"{noun} {after[0]}", m.measure, None
    return None
