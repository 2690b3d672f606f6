"""What a duration is of, for the entity reader: "nearly 12 years of civil war" -> "duration of
civil war", "sentenced to 12 years" (data/durations.tsv), "£1m a year over five years" -> "period
of" the money; and whether an entity only says a stretch of time.
"""
from __future__ import annotations

from functools import cache

from figures.context import Context
from figures.counted_nouns import is_money, _np_after_figure, _np_words, _subject_before
from figures.lexicon import data_map, DETERMINERS
from figures.measure_cues import _money_cue
from figures.tokens import Tok
from figures.word_classes import word_class


_TOOK = word_class("entity_words.tsv", "took_verb")
_VALUE_NOUNS = word_class("entity_words.tsv", "value_noun")


@cache
def _lasting() -> dict[str, str]:
    """data/durations.tsv: a word before "for <duration>" -> what that duration is of."""
    return data_map("durations.tsv")


def duration_entity(ctx: Context, toks: list[Tok], ti: int, hi: int, entities: dict[int, str | None]) -> str:
    """"nearly 12 years of civil war" -> "duration of civil war"; "it took two minutes for the
    shaking to stop" -> "duration of the shaking"; "the journey took three hours" -> "duration of
    the journey"; "a battle for two hours" -> "duration of battle"; "stay in Rwanda for five
    years" -> "length of stay"; "£151,000 per person ... over five years" -> "period of payment per
    person"; else "time"."""
    n = len(toks)
    if ti >= 2 and (lasting := _lasting().get(f"{toks[ti - 2].low} {toks[ti - 1].low}")):
        return lasting  # "sentenced to 12 years"
    if ti >= 2 and toks[ti - 1].low == "for":
        k = ti - 2
        if k >= 2 and toks[k].cap and toks[k - 1].low in ("in", "at", "on"):
            k -= 2  # "stay in Rwanda for five years"
        lasting = _lasting().get(toks[k].low)
        if lasting:
            return lasting
    j = ti - 1
    if j >= 3 and toks[j].low == "of" and toks[j - 1].low in ("course", "period", "span") and toks[j - 2].low in (
            "the", "a") and toks[j - 3].low == "over":
        j -= 3  # "over the course of six years"
    if j >= 0 and toks[j].low == "over":
        money = next((entities[k] for k in range(ti - 1, -1, -1) if entities.get(k) and toks[k].fig >= 0
                      and ctx.figures[toks[k].fig].unit and is_money(ctx.figures[toks[k].fig].unit)), None)
        if not money:
            found = _money_cue(ctx.vocab, toks, ti)
            money = found[0] if found else None
        if money and money not in ("amount", "total"):
            return f"period of {money}"  # "£1m a year over five years": the spread of the money
    lasting = _hyphenated_duration_of(toks, ti)
    if lasting:
        return lasting
    if ti + 1 < n and toks[ti + 1].low == "of":
        np = _np_words(toks, ti + 2)
        if np and np.split()[-1].lower() not in DETERMINERS:
            return f"duration of {np}"
    if ti >= 1 and toks[ti - 1].low in _TOOK:
        if ti + 2 < n and toks[ti + 1].low == "for":
            np = _np_words(toks, ti + 2)
            if np and np.split()[-1].lower() not in DETERMINERS:
                return f"duration of {np}"
        subject = _subject_before(toks, ti - 1)
        if subject:
            return f"duration of {subject}"
    return "time"


def _hyphenated_duration_of(toks: list[Tok], ti: int) -> str | None:
    """"a two-day offensive", "the 10-month blockade": a hyphenated duration before a noun is the
    length of what the noun names (not a value noun: "a 15-month high" is a level, not a duration)."""
    if "-" not in toks[ti].text or " " in toks[ti].text or ti + 1 >= len(toks):  # not "two-and-a-half years"
        return None
    np = _np_after_figure(toks, ti)[1]
    if not np or np.split()[-1].lower() in DETERMINERS or np.split()[-1].lower() in _VALUE_NOUNS:
        return None
    return f"duration of {np}"


def is_time_entity(entity: str | None) -> bool:
    """An entity that only says a stretch of time ("time", "duration of the strike")."""
    return bool(entity) and (entity == "time" or entity.startswith("duration"))
