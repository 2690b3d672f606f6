"""Entities shared across parallel figures: the previous figure's entity (ellipsis: "with 1,500 already
positioned"), a bare figure in a list ("Lyon (22,000 to 55,000)") counting what the list's first
figure counts, and a figure restating the last one ("stands at 115 now")."""
from __future__ import annotations

from figures.context import Context
from figures.counted_nouns import REGION_PLURALS, is_money, _np_after_figure
from figures.lexicon import NOT_NOUNS, STOP, TIME_WORDS
from figures.measure_cues import _longest_cue
from figures.numbers import Figure
from figures.tokens import Tok
from figures.word_classes import word_class


_STANDS = word_class("entity_words.tsv", "stands_verb")


def _restated(ctx: Context, toks: list[Tok], ti: int, f: Figure) -> tuple[str, str | None, None] | None:
    """"Our heartache stands at 115 now" right after "the number of fatalities remains at 115":
    a figure that only follows "stands at" / "remains at" and repeats the article's previous
    figure (same value and unit) counts what that one counted."""
    if not (ti >= 2 and toks[ti - 1].low == "at" and toks[ti - 2].low in _STANDS):
        return None
    last = ctx.last_entity
    fi = toks[ti].fig
    if not last or not last[1] or last[3] != f.unit or fi < 1 or ctx.figures[fi - 1].value != f.value:
        return None
    return last[1], last[2], None


def _previous_entity(toks: list[Tok], ti: int, entities: dict[int, str | None],
                     figures: list[Figure] | None = None, unit: str | None = None) -> str | None:
    """The entity of the nearest earlier figure in the sentence (with the same unit, when given)."""
    for j in range(ti - 1, -1, -1):
        if j in entities and entities[j] and (figures is None or figures[toks[j].fig].unit == unit):
            return entities[j]
    return None


def _listed(ctx: Context, toks: list[Tok], ti: int, f: Figure,
            entities: dict[int, str | None]) -> tuple[str, str | None, None] | None:
    """A bare figure in brackets after a name or a category in a list: "Lyon (22,000 to 55,000)",
    "healthcare (45,000)", "Valenciennes (3,100 according to the police)". It counts what the
    sentence's first figure with a noun of its own counts (or the sentence's measure noun, or
    the article's last count), "in" the category when the label is a common noun."""
    open_at = _bracket_before(toks, ti)
    if open_at is None:
        return None
    if not (f.unit is None or is_money(f.unit)) or _np_after_figure(toks, ti)[1]:
        return None
    if f.unit is None and f.value is not None and 1 <= f.value <= 120 and ti + 1 < len(toks) \
            and toks[ti + 1].text == ")" and open_at == ti - 1 and open_at >= 2 and toks[open_at - 1].cap \
            and toks[open_at - 2].cap and toks[open_at - 2].word \
            and (toks[open_at - 2].text, toks[open_at - 1].text) not in ctx.vocab.places:  # "North Carolina (73)"
        return None  # "Sarah Jones (34) was arrested": a person's age, not a count in a list
    base = _first_counted(ctx, toks, ti, f, entities)
    if not base:
        return None
    if not toks[open_at - 1].low[:1].isalpha():
        return None  # "March 7 (700,000)": a date, not a label
    label = _label_before(toks, open_at)
    return (f"{base[0]} in {label}" if label else base[0]), base[1], None


def _bracket_before(toks: list[Tok], ti: int) -> int | None:
    """The "(" that opens right before the figure after a word ("healthcare (45,000", "Lyon (from
    22,000"), as a token index; else None."""
    open_at = ti - 1
    if open_at >= 1 and toks[open_at].low == "from":
        open_at -= 1
    if open_at < 1 or toks[open_at].text != "(" or toks[open_at - 1].fig >= 0 or not toks[open_at - 1].word:
        return None
    return open_at


def _label_before(toks: list[Tok], open_at: int) -> str | None:
    """The category a bracket belongs to when it is a common noun of up to three words
    ("construction (", "transportation and warehousing ("), not a name ("Lyon (")."""
    label: list[str] = []
    k = open_at - 1
    while k >= 0 and toks[k].word and not toks[k].cap and toks[k].low not in STOP and len(label) < 3 \
            and toks[k].low not in TIME_WORDS and toks[k].low not in NOT_NOUNS and toks[k].low[:1].isalpha():
        label.insert(0, toks[k].low)
        k -= 1
    return " ".join(label) if label and not toks[open_at - 1].cap else None


def bracketed_category(toks: list[Tok], ti: int) -> str | None:
    """"retail (31,000 jobs)": the category a figure with a noun of its own counts in."""
    open_at = _bracket_before(toks, ti)
    return _label_before(toks, open_at) if open_at is not None else None


def _first_counted(ctx: Context, toks: list[Tok], ti: int, f: Figure,
                   entities: dict[int, str | None]) -> tuple[str, str | None] | None:
    """(entity, measure) of the first figure near token ti with the same unit and a noun of its own,
    else of the nearest measure noun before it, else of the article's last claim with that unit."""
    vocab = ctx.vocab
    n = len(toks)
    for j in range(max(0, ti - 60), min(n, ti + 60)):
        t = toks[j]
        if t.fig < 0 or j == ti or ctx.figures[t.fig].unit != f.unit or (j >= 1 and toks[j - 1].text == "("):
            continue
        np = _np_after_figure(toks, j)[1]
        if not np or np.split()[-1].lower() in REGION_PLURALS:
            continue  # "Deaths were reported in six states: Ohio (73), ...": the items count deaths, not states
        if j < ti and entities.get(j):
            return entities[j], ctx.measures.get(j)
        m = vocab.measures.get((np.split()[-1].lower(),))
        if m and m.kind == "noun" and m.entity:
            return m.entity, m.measure
    for j in range(ti - 1, max(-1, ti - 40), -1):
        m = _longest_cue(vocab, toks, j) if toks[j].fig < 0 else None
        if m and m.kind == "noun" and m.entity:
            return m.entity, m.measure
    last = ctx.last_entity
    if last and last[1] and last[3] == f.unit:
        return last[1], last[2]
    return None


# measures of what happens to people: a later figure with only such a verb ("and 110 injured",
# "injuring 52 others") counts the people the earlier figure counted, and such a verb before a
# counted noun outweighs the noun's own measure ("police killed 23 protesters")
PERSON_MEASURES = word_class("entity_words.tsv", "person_measure")


def _antecedent_noun(ctx: Context, toks: list[Tok], ti: int, entities: dict[int, str | None],
                     measure: str | None) -> str | None:
    """The people the nearest earlier figure of the sentence counts, for a figure that names none:
    "85 civilians have been killed and over 110 injured" -> "civilians" at 110; None when that
    figure counts no people or either verb is not about people."""
    if measure not in PERSON_MEASURES:
        return None
    for j in range(ti - 1, -1, -1):
        if j in entities and entities[j]:
            if ctx.measures.get(j) not in PERSON_MEASURES or ctx.figures[toks[j].fig].unit is not None:
                return None
            noun = _counted_noun(ctx, entities[j])
            return noun if noun and noun.lower() != "people" else None  # plain people: the verb's own entity
    return None


def _counted_noun(ctx: Context, entity: str) -> str:
    """The noun an entity counts, without what happened to it: "civilians killed" -> "civilians",
    "people who fled" -> "people"."""
    words: list[str] = []
    for w in entity.split():
        cue = ctx.vocab.measures.get((w.lower(),))
        if w.lower() in STOP or w.lower().endswith("ly") or (cue and cue.kind == "verb"):
            break
        words.append(w)
    return " ".join(words)


def _doers(ctx: Context, toks: list[Tok], ti: int, entities: dict[int, str | None]) -> str:
    """Who a bare count followed by an -ing clause counts: the nearest earlier count's noun in the
    sentence ("48 million people ..., with more than two million crossing borders"), else people."""
    for j in range(ti - 1, -1, -1):
        if j in entities and entities[j] and ctx.figures[toks[j].fig].unit is None:
            return _counted_noun(ctx, entities[j]) or "people"
    return "people"
