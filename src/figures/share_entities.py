"""Shares and changes, for the entity reader.

What a percentage or fraction is a share of ("75% of the hardest-hit areas" -> "share of the
hardest-hit areas"), what a change is a change in ("exports jumped 12%" -> "exports"), and whether
a figure is the value a change started from ("rose to 10.4% from 10.1%"). Kept apart from
``entities`` so its rule order reads on one screen.
"""
from __future__ import annotations

from figures.counted_nouns import _cue_participle, _measure_at, _np_words, _subject_before
from figures.entity_phrases import np_tail
from figures.lexicon import AUXILIARIES, CHANGE_VERBS, DETERMINERS, STOP, TIME_WORDS
from figures.tokens import Tok
from figures.word_classes import word_class


POPULACE = frozenset({"people", "residents", "inhabitants", "citizens", "population"})
_MORE_CHANGE_VERBS = word_class("entity_words.tsv", "change_verb")
_UP_DOWN = frozenset(("up", "down"))
_BEFORE_OLD_VALUE = frozenset(("the", "a", "an", "'s")) | TIME_WORDS  # "from January's 10.1%"


_WHOLE_WORDS = frozenset(("all", "both", "every", "each"))


def share_of(vocab, toks: list[Tok], ti: int) -> str | None:
    """"75% of the hardest-hit areas" -> "share of the hardest-hit areas"; "70 percent of those
    displaced" -> "share of displaced people"; "a quarter of Sudan's 48 million people" -> "share of
    Sudan's population"; None when no "of" and noun phrase follow."""
    n = len(toks)
    if not (ti + 1 < n and toks[ti + 1].low == "of"):
        return None
    start = ti + 3 if ti + 3 < n and toks[ti + 2].low in _WHOLE_WORDS else ti + 2  # "half of all nurses"
    np = _np_words(toks, start)
    if not np:
        return None
    k = _after_phrase(toks, start, ti + 8)  # the token after the noun phrase
    while k + 1 < n and toks[k].low in ("and", "or") and toks[k + 1].word and toks[k + 1].fig < 0 \
            and (more := _np_words(toks, k + 1)):
        np, k = f"{np} {toks[k].low} {more}", _after_phrase(toks, k + 1, k + 7)  # "nursery and primary school teachers"
    words = np.split()
    if words[-1].endswith(("'s", "’s")) and k + 1 < n and toks[k].fig >= 0 and toks[k + 1].low in POPULACE:
        # "a quarter of Sudan's 48 million people have been forced to flee"
        return f"share of {np} population{_share_predicate(vocab, toks, k + 2)}"
    if len(words) >= 2 and words[0].lower() == "those" and (
            (cue := vocab.measures.get((words[1].lower(),))) and cue.kind == "verb" or words[1].lower().endswith("ed")):
        return f"share of {words[1]} people"  # "70 percent of those displaced" -> displaced people
    cut = next((i for i in range(1, len(words)) if words[i].lower().endswith("ed")
                and words[i - 1].lower() not in DETERMINERS), len(words))
    if cut < len(words):
        return "share of " + " ".join(words[:cut])  # "40% of voters backed the plan": the verb is not the noun
    return f"share of {np}{_share_predicate(vocab, toks, k)}"


def _after_phrase(toks: list[Tok], k: int, limit: int) -> int:
    while k < len(toks) and k < limit and toks[k].fig < 0 and (toks[k].word or toks[k].low == "'s") \
            and not (toks[k].low in STOP and toks[k].low not in DETERMINERS):
        k += 1
    return k


def _share_predicate(vocab, toks: list[Tok], k: int) -> str:
    """What a share's whole is said to be or have undergone, from token k: " displaced" for "...
    have been forced to flee", " destroyed" for "... were destroyed", " in need of aid"; else ""."""
    n = len(toks)
    while k < n and toks[k].fig < 0 and (toks[k].low in AUXILIARIES or toks[k].low.endswith("ly")):
        k += 1
    if k >= n or toks[k].fig >= 0:
        return ""
    cue, _ = _measure_at(vocab, toks, k)
    if cue and cue.kind == "verb":
        done = _cue_participle(cue, toks[k])
        return f" {done}" if done else ""
    return np_tail(toks, k, "")


def change_of(toks: list[Tok], ti: int, reach: int = 0) -> str | None:
    """"Exports jumped 12%" -> "exports", "house prices fell by 2%" -> "house prices": the subject of
    the change verb right before the figure (the claim records the change itself); None when it is
    a name or nothing."""
    v = ti - 2 if toks[ti - 1].low == "by" else ti - 1
    for _ in range(reach):  # "fell five points to 31%", "fell 3.2% year on year to $250bn": back to the verb
        if v >= 1 and not _changes(toks[v]) and (toks[v].fig >= 0 or toks[v].low in _PAST_THE_CHANGE):
            v -= 1
    if v < 1 or not _changes(toks[v]):
        return None
    j = v
    while j >= 1 and toks[j - 1].low in AUXILIARIES:
        j -= 1
    subject = _subject_before(toks, j)
    if not subject:
        return None
    words = subject.split()
    if words[0].lower() in DETERMINERS:
        words = words[1:]
    if not words:
        return None
    return " ".join(words).lower()


_PAST_THE_CHANGE = frozenset("to from by points point percentage basis year on month quarter".split())


def _changes(tok: Tok) -> bool:
    return tok.low in CHANGE_VERBS or tok.low in _MORE_CHANGE_VERBS


def change_started_from(toks: list[Tok], ti: int) -> bool:
    """The figure follows "from" after a change in its sentence ("fell to 8.7% in April from
    10.1%", "up from 9.4%"), and no "to" + figure follows it (that is a "from A to B" range)."""
    k = ti - 1
    while k > 0 and toks[k].low in _BEFORE_OLD_VALUE:
        k -= 1
    if k < 1 or toks[k].low != "from" or (ti + 2 < len(toks) and toks[ti + 1].low == "to" and toks[ti + 2].fig >= 0):
        return False
    return toks[k - 1].low in _UP_DOWN or any(t.low in CHANGE_VERBS for t in toks[max(0, k - 8):k])
