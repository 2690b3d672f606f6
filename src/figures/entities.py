"""What a figure counts: its entity and measure.

The noun phrase after the figure ("12,000 special forces troops"), the participle that says
what happened to it ("6,217 buildings have collapsed" -> "buildings collapsed"), the measure
noun it is the value of ("the death toll ... stands at 3,000" -> "people killed"), the noun it
measures ("a depth of 17.9km" -> "depth"), what money is for or of ("spent £1.5m on legal costs"
-> "legal costs", "the cost of rebuilding X"), what a duration is of ("it took two minutes for
the shaking to stop"), or the previous figure's entity (ellipsis: "with 1,500 already positioned").

The entity is what a fact-checker would write; the measure is the normalised predicate the
comparator groups on, so a richer entity leaves the measure as it was (though words such as "per" or
"increase in" in an entity still mark the quantity for the comparator).

This module decides which reading applies and in what order (``read_entity``); the readings
live in ``counted_nouns`` (the noun phrase and cue at a token), ``measure_cues`` (the measure noun
a figure is the value of), ``entity_phrases`` (the noun phrase after a figure and what happened to
it), ``share_entities`` (shares and changes), ``revision_entities`` (revisions, misstatements and
forecasts of a figure), ``money_purposes`` (what money is for or of), ``duration_entities`` (what
a duration is of), ``job_sectors`` (the sector of a jobs figure) and ``parallel_entities`` (an
entity shared with an earlier figure).
"""
from __future__ import annotations

from functools import cache

from figures.context import Context
from figures.counted_nouns import (
    _bare_verb, _claimant_follows, _cue_participle, _ing_clause, is_money, is_participle, _is_time, _measure_at, _np_after_figure, _np_words,
    _participle_text, _rate, regions_counted,
)
from figures.duration_entities import duration_entity, is_time_entity
from figures.entity_phrases import (
    group_of, np_tail, one_of_entity, part_of_whole, past_aside, sentence_verb_cue, shared_verb,
)
from figures.job_sectors import jobs_sector, sector_doing
from figures.lexicon import (data_map, AUXILIARIES, BE, CHANGE_NOUNS, CHANGE_VERBS, DETERMINERS, GENERIC_COUNTS, PEOPLE,
                             PERSON_NOUNS, STOP, TRANSPARENT, Vocabulary)
from figures.measure_cues import (
    _COPULA_LINK, _COPULA_VERBS, _copula_subject, _measure_left, _measure_near, _measure_noun_text, _money_cue, _rate_noun,
    measure_named_in,
)
from figures.money_purposes import _money_of, _money_purpose, _SPENDING
from figures.numbers import Figure
from figures.parallel_entities import (
    PERSON_MEASURES, _antecedent_noun, _doers, _listed, _previous_entity, _restated, bracketed_category,
)
from figures.revision_entities import forecast_entity, misstatement_entity, revision_entity
from figures.share_entities import POPULACE, change_of, change_started_from, share_of
from figures.tokens import Tok
from figures.units import dimension
from figures.word_classes import word_class

__all__ = ["is_apposed_age", "is_conversion", "is_money", "read_entity"]


def is_conversion(ctx: Context, toks: list[Tok], ti: int) -> bool:
    """A bracketed amount in another currency right after an amount: "£10bn ($13bn)"."""
    if ti < 2 or toks[ti - 1].text != "(" or toks[ti - 2].fig < 0:
        return False
    a, b = ctx.figures[toks[ti - 2].fig].unit, ctx.figures[toks[ti].fig].unit
    return bool(a and b and a != b and is_money(a) and is_money(b))


def is_apposed_age(toks: list[Tok], ti: int, f: Figure | None = None) -> bool:
    """A whole number from 1 to 120 between commas (or a comma and a semicolon) right after a name or a person noun."""
    if not (2 <= ti < len(toks) - 1 and toks[ti - 1].text == "," and toks[ti + 1].text in (",", ";")):
        return False  # "Elon Musk, 52, said"; "Ana Ruiz, 35; Jo Lind, 26, and ...": a list of people
    if f is not None and not (f.value is not None and f.value == int(f.value) and 1 <= f.value <= 120
                              and f.qualifier == "exact"):
        return False
    before = toks[ti - 2]
    return before.word and (before.cap or before.low in PERSON_NOUNS)


def read_entity(ctx: Context, toks: list[Tok], ti: int, f: Figure, lo: int, hi: int,
                entities: dict[int, str | None]) -> tuple[str | None, str | None, str | None]:
    """(entity, measure, measure kind) for the figure at token ti.

    The measure is the normalised predicate the comparator groups on; the entity is what a
    fact-checker would write for the figure. For money that is what the money is for or of
    ("spent £1.5m on legal costs" -> "legal costs"), read from the words around the figure,
    while the measure stays the one its verb or noun gives (spent, paid, cost).
    """
    regions = regions_counted(toks, ti) if f.unit is None else None
    if regions:
        return regions, None, None  # "killed people in six US states": the figure counts states, not the dead
    entity, measure, kind = _read_entity(ctx, toks, ti, f, lo, hi, entities)
    if entity in (None, "amount") and ti >= 2 and toks[ti - 1].low == "to":
        level = change_of(toks, ti, reach=8)  # "Exports fell 3.2% year on year to $250 billion": exports
        if level:
            entity = level
    if measure == "deployed" and entity and entity.split()[0].lower() in PEOPLE and _protest_named(toks):
        measure = "protesters"  # "the day of demonstrations mobilized 1.12 million people": a crowd, not troops
    if measure in (None, "share") and change_started_from(toks, ti):
        # "rose to 10.4% in February from January's 10.1%", "up from 9.4%": the value a change
        # started from, named by nothing of its own, is the quantity the change reached
        same = _previous_entity(toks, ti, entities, ctx.figures, f.unit)
        if same:
            j = max(j for j in entities if j < ti and entities[j] == same)
            entity, measure, kind = same, ctx.measures.get(j), ctx.kinds.get(j)
    if f.unit and is_money(f.unit) and measure in _SPENDING and not is_conversion(ctx, toks, ti):
        purpose = _money_purpose(toks, ti) or _money_of(toks, ti)
        if not purpose and ti >= 2 and toks[ti - 1].low in ("to", "of", "at") and toks[ti - 2].low == "total":
            purpose = "total"  # "bringing total to £290 million": the running total, whatever its parts
        if purpose:
            per = "" if " per " in purpose else _rate(toks, ti)
            entity = purpose + per
    jobs = entity and "revision" not in entity and (measure or measure_named_in(ctx.vocab, entity)) == "jobs"
    doing = (sector_doing(toks, ti) or bracketed_category(toks, ti)) if jobs else None
    if doing:  # "while construction added 12,000": its own sector, not the one the jobs noun came from
        entity = f"{entity.split(' in ')[0]} in {doing}"
    elif measure == "jobs" and entity and " in " not in entity and "revision" not in entity:
        sector = jobs_sector(toks, ti)
        if sector:
            entity = f"{entity} in {sector}"  # "employment in food services rose by 69,000"
    return entity, measure, kind


def _read_entity(ctx: Context, toks: list[Tok], ti: int, f: Figure, lo: int, hi: int,
                 entities: dict[int, str | None]) -> tuple[str | None, str | None, str | None]:
    vocab = ctx.vocab
    n = len(toks)
    unit = f.unit
    surface = toks[ti].low
    if unit == "magnitude":
        return (f"{ctx.event} magnitude" if ctx.event else "magnitude"), "magnitude", "event"
    if unit and _is_time(unit) and (surface.endswith("-old") or (ti + 1 < n and toks[ti + 1].low == "old")):
        return "age", "age", "age"
    if unit is None and is_apposed_age(toks, ti, f):
        return "age", "age", "age"  # "Elon Musk, 52, said", "the teenager, 17, was shot"
    one_of = one_of_entity(toks, ti) if unit is None else None
    if one_of:
        return one_of, _measure_near(vocab, toks, ti, lo, hi), None
    listed = _listed(ctx, toks, ti, f, entities)
    if listed:
        return listed
    revision = revision_entity(toks, ti)
    if revision:
        last = ctx.last_entity
        measure = _measure_near(vocab, toks, ti, lo, hi) or (last[2] if last and last[3] == unit else None)
        return revision, measure, None
    misstated = misstatement_entity(ctx, toks, ti)
    if misstated:
        return misstated
    forecast = forecast_entity(vocab, toks, ti) if unit == "percent" else None
    if forecast:
        return forecast  # "against 4.8% expected by analysts"
    # "reported as 3.5% instead of 3.4%": the alternative counts what the figure before it counts
    if ti >= 2 and toks[ti - 1].low in ("of", "than", "with", "to") and toks[ti - 2].low in _CONTRAST or \
            ti >= 1 and toks[ti - 1].low in _CONTRAST:
        same = _previous_entity(toks, ti, entities, ctx.figures, unit)
        if same:
            j = max(j for j in entities if j < ti and entities[j] == same)
            return same, ctx.measures.get(j), ctx.kinds.get(j)
    # "7.7 and 7.6 magnitudes": the first of two coordinated figures shares the second's entity
    if ti + 2 < n and toks[ti + 1].low in ("and", "or", "to") and toks[ti + 2].fig >= 0 and unit is None:
        return _read_entity(ctx, toks, ti + 2, ctx.figures[toks[ti + 2].fig], lo, hi, entities)
    if unit == "dimensionless":
        found = _measure_left(ctx, toks, ti, need_copula=False)
        noun = _measure_noun_text(toks, ti)
        if not noun:
            changed = change_of(toks, ti)  # "exports rose threefold"
            return ("increase factor of " + changed if changed else "increase factor"), "multiplier", None
        return "increase factor of the " + noun, "multiplier", None
    # a verb right before the figure: "killed 9,000", "displaced 2,000", "killed at least 35 people"
    if ti >= 1 and toks[ti - 1].fig < 0:
        m, _ = _measure_at(vocab, toks, ti - 1)
        if m and m.kind == "verb" and m.entity and (ti + 1 >= n or not toks[ti + 1].word or toks[ti + 1].low in STOP
                                                     or toks[ti + 1].low in PEOPLE):
            noun = None if ti + 1 < n and toks[ti + 1].low in PEOPLE else _antecedent_noun(
                ctx, toks, ti, entities, m.measure)  # "killing 60 militants and injuring 52 others"
            done = _cue_participle(m, toks[ti - 1])
            if noun and done:
                return f"{noun} {done}", m.measure, m.kind
            return m.entity, m.measure, m.kind
    # 1. a property the figure is the value of: "a depth of 17.9km", "magnitude 7.8", "7.8 magnitude"
    for j in (ti - 1, ti - 2, ti + 1):
        if 0 <= j < n and toks[j].fig < 0:
            m, _ = _measure_at(vocab, toks, j)
            if m and m.kind == "event" and (j != ti - 2 or toks[ti - 1].low == "of"):
                ev = ctx.event
                return (f"{ev} {m.entity}" if ev and m.measure == "magnitude" else m.entity), m.measure, m.kind
    if ti >= 4 and toks[ti - 1].low == "of" and toks[ti - 2].text.isdigit() and len(toks[ti - 2].text) == 4 \
            and toks[ti - 3].low in ("in", "for") and toks[ti - 4].word and toks[ti - 4].low not in STOP:
        m, _ = _measure_at(vocab, toks, ti - 4)  # "premiums in 2022 of £6bn": the noun before the year
        return (m.entity, m.measure, m.kind) if m and m.kind == "noun" else (toks[ti - 4].low, None, None)
    if ti >= 2 and toks[ti - 1].low == "of" and toks[ti - 2].word and toks[ti - 2].low not in STOP \
            and toks[ti - 2].low not in TRANSPARENT and toks[ti - 2].low not in _VALUE_NOUNS:
        m, _ = _measure_at(vocab, toks, ti - 2)
        noun = toks[ti - 2].low
        if m and m.kind == "noun":
            return m.entity, m.measure, m.kind
        if unit and not _is_time(unit) and noun not in ("tens", "hundreds", "thousands", "millions", "dozens"):
            k = ti - 3
            while k >= 0 and ti - 3 - k < 2 and toks[k].word and toks[k].fig < 0 and not toks[k].cap \
                    and toks[k].low not in STOP and toks[k].low not in CHANGE_VERBS and not toks[k].low.endswith("ed"):
                noun = f"{toks[k].low} {noun}"  # "a net loss of $1.2bn", "a trade deficit of £20bn"
                k -= 1
            return noun, None, None
        if unit is None and ti >= 3 and toks[ti - 3].low in DETERMINERS and _np_after_figure(toks, ti)[1] is None:
            return noun, None, None  # "a family of 4", "a fleet of 12": the members counted
        if unit is None and noun.rstrip("s") in CHANGE_NOUNS and _np_after_figure(toks, ti)[1] is None:
            words = [toks[ti - 2].low]  # "the sector's average monthly gain of 14,000"
            k = ti - 3
            while k >= 0 and toks[k].word and toks[k].low not in STOP and len(words) < 4:
                words.insert(0, toks[k].low)
                k -= 1
            return " ".join(words), _measure_near(vocab, toks, ti, lo, hi), None
    if unit is None and ti >= 2 and toks[ti - 1].low == "by" and toks[ti - 2].low in CHANGE_VERBS:
        noun = _measure_noun_text(toks, ti)
        m = vocab.measures.get(tuple(noun.lower().split())) if noun else None
        if noun and m:  # "the death toll has increased by one" -> "increase in death toll"
            fall = toks[ti - 2].low in _FALL_VERBS
            if m.measure == "jobs":  # "employment rose by 69,000": jobs added (read_entity adds the sector)
                return ("jobs lost" if fall else "jobs added"), m.measure, m.kind
            return f"{'decrease' if fall else 'increase'} in {noun.lower()}", m.measure, m.kind
    # a parenthesised conversion "(11 miles)" or a restatement shares the previous figure's entity
    if ti >= 1 and toks[ti - 1].text == "(" and ti - 2 in entities:
        return entities[ti - 2], None, ctx.kinds.get(ti - 2)
    # 2. percentages: "75% of the hardest-hit areas" -> "share of the hardest-hit areas"
    if unit == "fraction":
        share = share_of(vocab, toks, ti)
        if share:
            return share, "share", None  # "a third of the population"
    if unit == "percent":
        if ti >= 1 and (toks[ti - 1].low in ("up", "down") or toks[ti - 1].low in CHANGE_VERBS or (
                ti >= 2 and toks[ti - 1].low == "by" and toks[ti - 2].low in CHANGE_VERBS)) and not (
                ti + 1 < n and toks[ti + 1].low == "of"):
            prev = _previous_entity(toks, ti, entities)  # "delivered 466,140 vehicles, up 83%"
            if prev:
                return f"change in {prev}", "change", None
            found = _measure_left(ctx, toks, ti, need_copula=False)
            if found:
                return found  # "shares of the company fell 12%": a change in the share price
            change = change_of(toks, ti)
            if change:
                return change, None, None  # "exports jumped 12%": a change in exports
        share = share_of(vocab, toks, ti)
        if share:
            return share, "share", None
        found = _measure_left(ctx, toks, ti) or _rate_noun(vocab, toks, ti)
        if found:
            return found
        np = _copula_subject(toks, ti)
        if np in ("it", "this", "that", "they"):
            same = _previous_entity(toks, ti, entities, ctx.figures, "percent")
            if same:
                j = max(j for j in entities if j < ti and entities[j] == same)
                return same, ctx.measures.get(j) or "share", None
            noun = _measure_noun_text(toks, ti, past_figures=True)
            m = vocab.measures.get(tuple(noun.lower().split())) if noun else None
            if m and m.kind == "noun" and m.entity:
                return m.entity, m.measure, None  # "CPI was overstated ... it should have been 3.4%"
            last = ctx.last_entity
            if last and last[3] == "percent" and last[2] not in (None, "share"):
                return last[1], last[2], None  # "it should have been 3.4%": the rate the article reported last
            return "share", "share", None
        if np:
            return np, "share", None
        same = _previous_entity(toks, ti, entities, ctx.figures, "percent")
        if same:
            return same, "share", None
        changed = change_of(toks, ti, reach=5)
        if changed:
            return changed, None, None  # "support for the party fell five points to 31%"
        return "share", "share", None
    done = _area_participle(vocab, toks, ti) if unit and _is_area(unit) else None
    if done is not None:  # "3.3 million hectares burned", "47,000 sq km (18,000 sq mi) have been scorched"
        cue = vocab.measures.get((toks[done].low,))
        of = [t.low for t in toks[ti + 2:done] if t.word and t.low not in AUXILIARIES and t.low not in _AREA_ADVERBS] \
            if toks[ti + 1].low == "of" else []
        land = " ".join(of) or "area"  # "hectares of land burnt", "hectares of boreal forest were scorched"
        return f"{land} {toks[done].low}", (cue.measure if cue else toks[done].low), None
    # 3. the noun phrase after the figure, with what happened to it
    np_end, np = _np_after_figure(toks, ti)
    group = group_of(toks, np_end) if np and np.split()[-1].lower() in _MEMBERS else None
    if group:
        np = f"{group} {np}"  # "60 militants from the paramilitary Rapid Support Forces (RSF)" -> RSF militants
    if np and _claimant_follows(vocab, toks, np_end):
        # "far above the 190,000 economists had expected": the noun is who expects, the figure
        # counts what the previous figure counts
        prev = _previous_entity(toks, ti, entities)
        if prev:
            j = max(j for j in entities if j < ti and entities[j] == prev)
            return prev, ctx.measures.get(j), ctx.kinds.get(j)
    if np and unit is None and ti >= 2 and toks[ti - 1].low == "'s" and toks[ti - 2].cap \
            and np.split()[-1].lower() in POPULACE:
        return np, "population", None  # "a quarter of Sudan's 48 million people have fled": the whole population
    m_in, participle = None, None
    words = np.split() if np else []
    if words:
        m_in = vocab.measures.get((words[-1].lower(),)) or vocab.measures.get(tuple(w.lower() for w in words[-2:]))
    if words and unit is None and ti >= 3 and toks[ti - 1].low == "the" and toks[ti - 2].low == "of" \
            and toks[ti - 3].fig >= 0:
        # "74 of the 97 victims have been identified": the verb is the part's; the whole counts
        # the noun as such
        return " ".join(words), (m_in.measure if m_in else None), (m_in.kind if m_in else None)
    # participle or verb right after: "people were injured", "buildings have collapsed", "1,000 are confirmed to have died"
    j = verb_at = past_aside(toks, np_end)
    while j < n and j < verb_at + 6 and toks[j].fig < 0 and (toks[j].low in AUXILIARIES or toks[j].low in (
            "confirmed", "reported", "to", "have", "been", "being", "already", "still", "now", "listed", "as",
            "believed", "feared", "thought", "said", "presumed", "officially", "others", "more", "people")
            or (toks[j].low.endswith("ly") and j > verb_at)):  # "have so far been publicly identified"
        if toks[j].low in ("people", "others") and not words:
            words = ["people"]
        j += 1
    if j < n and toks[j].fig < 0:
        participle, _ = _measure_at(vocab, toks, j)
        if participle and participle.kind not in ("verb",):
            participle = None
    done_to = vocab.measures.get((toks[ti - 1].low,)) if ti >= 1 and m_in and m_in.kind == "noun" else None
    if done_to and done_to.kind == "verb" and done_to.measure in PERSON_MEASURES and not participle:
        # "police killed 23 protesters", "officers detained 52 demonstrators": what was done to the
        # counted people is the measure, not what the noun names them by (a crowd's size)
        return f"{np} {toks[ti - 1].low}", done_to.measure, done_to.kind
    if m_in and m_in.kind == "noun" and m_in.entity and not participle \
            and m_in.measure not in ("deployed", "cost", "paid", "share price"):
        # "7,600 injuries" -> "injuries"; "1,200 protesters were arrested" goes on to the verb
        return m_in.entity, m_in.measure, m_in.kind
    if participle and words and words[-1].lower() in ("people", "others", "persons", "individuals"):
        noun = _antecedent_noun(ctx, toks, ti, entities, participle.measure) if words[-1].lower() == "others" else None
        if noun:  # "five civilians were killed and 40 others injured": civilians injured
            return f"{noun} {_cue_participle(participle, toks[j])}", participle.measure, participle.kind
        return participle.entity or f"people {toks[j].low}", participle.measure, participle.kind
    if participle and words:
        done = _cue_participle(participle, toks[j]) if " " in participle.cue else None  # "passed away" -> killed
        return f"{np} {done or _participle_text(toks[j])}", participle.measure, participle.kind
    if words and unit is None and j > np_end and j < n and is_participle(toks[j]) and toks[j - 1].low in BE \
            and not (j + 1 < n and toks[j + 1].low == "to") and toks[j].low not in vocab.claimant_verbs:
        # "1,500 flights were cancelled" (a passive: "had suffered damage" is not what happened to them)
        return f"{np} {toks[j].low}", toks[j].low, None  # the verb is its own predicate, not the clause's other measure
    if not words and unit is None and np_end < n and not participle and _bare_verb(toks, np_end) \
            and toks[np_end].low not in vocab.claimant_verbs:
        return f"{_doers(ctx, toks, ti, entities)} {toks[np_end].low}", toks[np_end].low, None
    if not words and unit is None and np_end < n and not participle and _ing_clause(toks, np_end) and (
            doing := _np_words(toks, np_end)):  # "with more than two million crossing international borders"
        k = np_end + len(doing.split())
        if k + 1 < n and toks[k].low in ("in", "at", "on", "across", "from", "into", "to", "outside") and \
                (rest := _np_words(toks, k + 1)) and rest.split()[-1].lower() not in DETERMINERS:
            doing = f"{doing} {toks[k].low} {rest}"  # "living in camps"
        return f"{_doers(ctx, toks, ti, entities)} {doing}", _measure_near(vocab, toks, ti, lo, hi), None
    part = part_of_whole(ctx, toks, ti, np_end, words, entities) if unit is None else None
    if part:
        return part, None, None  # "45 were killed, 20 of whom were children" -> children killed
    shared = shared_verb(ctx, toks, ti, entities) if words and unit is None else None
    if shared:
        return f"{np} {shared[0]}", shared[1], "verb"  # "destroyed 45 tanks and 30 armoured vehicles"
    # a verb right before the figure: "destroyed 300 homes" -> "homes destroyed", "killing 60 fighters"
    if words and unit is None and ti >= 1 and toks[ti - 1].fig < 0:
        before, _ = _measure_at(vocab, toks, ti - 1)
        at = ti - 1
        if not before and ti >= 2 and toks[ti - 2].fig < 0:
            before, size = _measure_at(vocab, toks, ti - 2)  # "shot down 30 drones"
            before, at = (before, ti - 2) if size == 2 else (None, at)
        done = _cue_participle(before, toks[at]) if before and before.kind == "verb" else None
        if done:
            # "has publicly identified 55 people" -> "people publicly identified"
            adverb = toks[ti - 2].low + " " if ti >= 2 and toks[ti - 2].word and toks[ti - 2].low.endswith("ly") \
                and toks[ti - 2].low not in STOP else ""
            return f"{np} {adverb}{done}", before.measure, before.kind
    if words and unit is None and words[-1].lower() in _VALUE_NOUNS and ti >= 1 and toks[ti - 1].low == "the":
        found = _measure_left(ctx, toks, ti, need_copula=False)  # "the toll could cross the 9,000 mark"
        if found and found[0] in {m.entity for m in vocab.measures.values()}:  # a lexicon entity, not loose words
            return found
    if words and unit is None and words[-1].lower() in GENERIC_COUNTS:
        found = _measure_left(ctx, toks, ti)  # "the list of people missing ... down to 66 names"
        if found:
            return found
    if words and unit is None:
        if words[-1].lower() in ("others", "more"):
            words[-1] = "people"
        return " ".join(words) + np_tail(toks, np_end, words[-1].lower()), \
            (m_in.measure if m_in else _measure_near(vocab, toks, ti, lo, hi)), None
    if not words and unit is None and np_end + 1 < n and toks[np_end].low == "without" and toks[np_end + 1].word:
        return "people" + np_tail(toks, np_end, "people"), None, None  # "left 250,000 without power"
    if participle and not words:
        noun = _antecedent_noun(ctx, toks, ti, entities, participle.measure)
        if noun:  # "85 civilians have been killed and over 110 injured": civilians injured
            return f"{noun} {_cue_participle(participle, toks[j])}", participle.measure, participle.kind
        if participle.entity:
            return participle.entity, participle.measure, participle.kind
        prev = _previous_entity(toks, ti, entities)
        if prev:
            words_prev = prev.split()
            last = vocab.measures.get((words_prev[-1].lower(),))
            if len(words_prev) > 1 and last and last.kind == "verb":
                # "2,200 structures have been destroyed and another 500 damaged"
                return f"{' '.join(words_prev[:-1])} {_participle_text(toks[j])}", \
                    participle.measure, participle.kind
            return prev, participle.measure, participle.kind  # "with 1,500 already positioned"
        return None, participle.measure, participle.kind
    # 4. money: "£50 million cost", "spent £700m", "paid Kigali £220 million"
    if unit and is_money(unit):
        per = _rate(toks, ti)
        if words and words[-1].lower() in {"cost", "costs", "bill", "payment", "payments", "price", "fee", "fine",
                                           "deal", "loan", "budget", "package", "fund", "grant", "contract"}:
            m = vocab.measures.get((words[-1].lower(),))
            return (m.entity if m and m.entity else np) + per, (m.measure if m else "cost"), None
        found = _measure_left(ctx, toks, ti, need_copula=False)
        if found and found[1] in _PRICE_MEASURES:
            return found  # "average hourly pay rose 14 cents to $35.21"
        verb = _money_verb(toks, ti)
        if verb:
            return verb + per, ("paid" if verb == "payment" else verb), None  # "bet Morgan £1,000"
        found = _money_cue(vocab, toks, ti)
        if found:
            return found[0] + per, found[1], found[2]
        if per:
            priced = per.split()[-1].lower() in _PRICED_UNITS
            return ("price" if priced else "cost") + per, "cost", None  # "$84 a barrel", "£1m a year"
        if any(t.low == "total" for t in toks[max(0, ti - 4):ti]):
            return "total", "amount", None
        subject = _copula_subject(toks, ti)
        b = ti - 1
        while b >= 1 and ti - b <= 4 and (toks[b].low in _COPULA_LINK or toks[b].low in (
                "closer", "nearer", "near", "around", "about", "nearly", "just", "shy", "of", "was", "is")):
            b -= 1  # "the real number was closer to £20m"
        restated = ti + 1 < n and toks[ti + 1].low in _RESTATING or (
            b < ti - 1 and toks[b + 1].low in BE and toks[b].low in _RESTATING)
        last = ctx.last_entity
        if restated and last and last[3] == unit and last[1] not in ("amount", None):
            return last[1], last[2], None  # "the £700m figure she quoted", "the real number was £300m"
        if not np and subject and subject.lower() not in ("it", "this", "that", "they") and not subject[:1].isupper():
            return subject.lower(), "amount", None  # "the deficit widened to £20bn"
        return np or "amount", "amount", None
    if unit and _is_time(unit):
        if ti + 1 < n and toks[ti + 1].low == "later" and ctx.event:
            return "time", "duration", "event"  # "About 12 hours later, a second tremor hit": between events
        return duration_entity(ctx, toks, ti, hi, entities), "duration", None
    if unit and unit not in ("percent", "dimensionless", "fraction") and not is_money(unit):
        if ti + 1 < n and toks[ti + 1].low == "away":
            return "distance", "distance", None  # "felt 300km away"
        k = ti + 1
        if k < n and toks[k].low in _COMPASS:
            k += 1  # "40km north of the capital"
        if k + 1 < n and toks[k].low in ("from", "of") and (k > ti + 1 or toks[k].low == "from"):
            place = _np_words(toks, k + 1)
            if place:
                return f"distance from {place}", "distance", None
        if ti + 2 < n and toks[ti + 1].low == "of" and toks[ti + 2].word and toks[ti + 2].low not in STOP:
            return toks[ti + 2].low, _measure_near(vocab, toks, ti, lo, hi), None  # "744.8 mm of rain"
        if ti >= 1 and toks[ti - 1].fig < 0 and toks[ti - 1].low.endswith("ed") and f.unit_end \
                and toks[ti - 1].low not in _COPULA_VERBS:  # "exports totalled 12m tonnes": not "tonnes totalled"
            unit_word = ctx.article.text[f.number_end or f.start:f.unit_end].split()[-1:]
            if unit_word and unit_word[0].isalpha():  # "has burned 12,000 acres" -> "area burned"; "12 tonnes lost"
                verb = toks[ti - 1].low
                if _is_area(unit):  # "wildfires have consumed 8.8 million hectares": the area burned
                    cue = vocab.measures.get((verb,))
                    return f"area {verb}", (cue.measure if cue else "burned" if verb in _BURNING else verb), None
                return f"{unit_word[0].lower()} {verb}", _measure_near(vocab, toks, ti, lo, hi), None
    # 5. the measure noun the figure is the value of: "the death toll ... stands at 3,000"
    found = _measure_left(ctx, toks, ti)
    if found and (not words or words[-1].lower() in ("people", "persons")):
        return found
    if words:
        return " ".join(words), _measure_near(vocab, toks, ti, lo, hi), None
    prev = _previous_entity(toks, ti, entities)
    if prev and prev.startswith(("increase in ", "decrease in ")) and ti >= 1 and toks[ti - 1].low == "to":
        noun = prev.split(" in ", 1)[1]  # "has increased by one, to 99": 99 is the level, not the change
        m = vocab.measures.get(tuple(noun.split()))
        if m:
            return m.entity or noun, m.measure, m.kind
    if prev and "revision" in prev and ti >= 1 and toks[ti - 1].low in ("from", "to"):
        # "revised ... by 72,000, changing July's total from 89,000 to 144,000": levels, not revisions
        j = max(j for j in entities if j < ti and entities[j] == prev)
        m = vocab.measures.get((ctx.measures.get(j) or "",))
        if m and m.entity:
            return m.entity, m.measure, m.kind
        return None, ctx.measures.get(j), None
    if prev:
        # "seventeen times less than the 280,000 put forward": the nearest figure with the same unit
        same = _previous_entity(toks, ti, entities, ctx.figures, unit)
        if same or not is_time_entity(prev):
            copied = same or prev
            j = max(j for j in entities if j < ti and entities[j] == copied)
            # "3.5 million took to the streets, while police counted 1.28 million": what the
            # earlier figure measured, unless a measure word of the figure's own says otherwise
            return copied, _measure_near(vocab, toks, ti, lo, hi) or ctx.measures.get(j), None
    restated = _restated(ctx, toks, ti, f)
    if restated:
        return restated
    if ti >= 1 and toks[ti - 1].low == "by":
        found = _measure_left(ctx, toks, ti, need_copula=False)
        if found:
            return found  # "raised interest rates by 25 basis points": the change of the rate
        changed = change_of(toks, ti)
        if changed:
            return changed, None, None  # "the gap widened by 2 percentage points"
    if unit is None and not words and ti >= 1 and toks[ti - 1].low in _COUNTING:
        cue = sentence_verb_cue(vocab, toks, ti)
        if cue:  # "hundreds of thousands marched in Paris, where police counted 57,000"
            return cue.entity, cue.measure, cue.kind
    named = _linked_noun(toks, ti) if not words else None
    if named:
        return named, _measure_near(vocab, toks, ti, lo, hi), None  # "net migration was 745,000"
    return None, _measure_near(vocab, toks, ti, lo, hi), None


_PROTEST_WORDS = word_class("entity_words.tsv", "protest_word")


def _protest_named(toks: list[Tok]) -> bool:
    """Does the sentence name a protest ("demonstrations", "a strike", "the march")?"""
    return not _PROTEST_WORDS.isdisjoint(t.low for t in toks)


@cache
def _is_area(unit: str) -> bool:
    try:
        return dimension(unit) == "[length] ** 2"
    except Exception:  # pint raises several unrelated types for a unit it does not know
        return False


_AREA_ADVERBS = frozenset(("already", "so", "far", "now", "been"))


def _area_participle(vocab: Vocabulary, toks: list[Tok], ti: int) -> int | None:
    """The token of the participle that says what happened to an area, right after it, past a
    bracketed conversion and auxiliaries ("hectares (9.4 million acres) have been scorched"); else None."""
    n, j = len(toks), ti + 1
    if j < n and toks[j].text == "(":
        while j < n and toks[j].text != ")":
            j += 1
        j += 1
    if j + 1 < n and toks[j].low == "of" and toks[j + 1].word and not toks[j + 1].cap:
        j += 2  # "8.8 million hectares of land have burnt", "of forest"
        if j < n and toks[j].word and not toks[j].cap and toks[j].low not in AUXILIARIES and not is_participle(toks[j]):
            j += 1  # "of boreal forest"
    while j < n and (toks[j].low in AUXILIARIES or toks[j].low in _AREA_ADVERBS):
        j += 1
    cue = vocab.measures.get((toks[j].low,)) if j < n else None
    done = j < n and (is_participle(toks[j]) or (cue is not None and cue.kind == "verb"))  # "burnt"
    return j if done and toks[j].low not in vocab.claimant_verbs else None


def _linked_noun(toks: list[Tok], ti: int) -> str | None:
    """The common noun phrase a linking verb ties the figure to ("net migration was 745,000",
    "wheat exports totalled 12m tonnes"), lower-cased; None for a pronoun or a name ("Smith was 45")."""
    np = _copula_subject(toks, ti)
    if not np or np.lower() in ("it", "this", "that", "they"):
        return None
    words = np.split()
    if all(w[:1].isupper() or not w[:1].isalpha() for w in words):
        return None
    return np.lower()


_FALL_VERBS = word_class("entity_words.tsv", "fall_verb")
_BURNING = word_class("entity_words.tsv", "burning_verb")  # what fire does to an area: "consumed 8.8m hectares"
_CONTRAST = word_class("entity_words.tsv", "contrast_word")
_COMPASS = word_class("entity_words.tsv", "compass_word")
_MEMBERS = word_class("entity_words.tsv", "member_noun")
_COUNTING = word_class("entity_words.tsv", "counting_verb")
# "some estimates of 150,000", "a 15-month high of 3.5%": the noun before "of" is a value, not what is counted
_VALUE_NOUNS = word_class("entity_words.tsv", "value_noun")
_PRICED_UNITS = word_class("entity_words.tsv", "priced_unit")
# measures whose money value belongs to the noun before it, not to a payment or spending
_PRICE_MEASURES = word_class("entity_words.tsv", "price_measure")
# "the £700m figure she quoted", "the real number was £300m": an amount that restates the article's last one
_RESTATING = word_class("entity_words.tsv", "restating_noun")


@cache
def _money_verbs() -> dict[str, str]:
    """data/money_verbs.tsv: a verb right before an amount -> what the amount is."""
    return data_map("money_verbs.tsv")


def _money_verb(toks: list[Tok], ti: int) -> str | None:
    """What an amount is by the verb right before it or before its recipient: "bet Morgan £1,000" ->
    "bet", "fined the bank $2bn" -> "fine", "sent Rwanda £220m" -> "payment"; else None."""
    if ti >= 2 and (two := _money_verbs().get(f"{toks[ti - 2].low} {toks[ti - 1].low}")):
        return two  # "valued at $80bn"
    if ti >= 3 and toks[ti - 1].low == "for":
        k = ti - 2  # "bought Twitter for $44bn", "sold the unit for £2m": past what was bought
        while k > 0 and ti - 2 - k < 4 and (toks[k].word or toks[k].fig >= 0) and (
                toks[k].cap or toks[k].low in DETERMINERS or toks[k].low not in STOP):
            if (bought := _money_verbs().get(f"{toks[k].low} for")):
                return bought
            k -= 1
    j = ti - 1
    while j >= 1 and toks[j].low in ("another", "further", "extra", "additional", "a", "an"):
        j -= 1  # "put another £120m into the fund"
    recipient = 0
    while j >= 1 and recipient < 3 and toks[j].word and toks[j].fig < 0 and toks[j].low not in _money_verbs() and (
            toks[j].cap or toks[j].low in DETERMINERS or toks[j].low not in STOP):
        j -= 1
        recipient += 1
    if j >= 0 and toks[j].low in _money_verbs() and (recipient == 0 or toks[j + 1].low not in STOP
                                                        or toks[j + 1].low in DETERMINERS):
        return _money_verbs()[toks[j].low]
    return None
