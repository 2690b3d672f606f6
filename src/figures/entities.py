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

This module decides which reading applies (``read_entity``); the readings live in
``counted_nouns`` (the noun phrase and cue at a token), ``measure_cues`` (the measure noun a figure
is the value of), ``money_purposes`` (what money is for or of) and ``parallel_entities`` (an entity
shared with an earlier figure).
"""
from __future__ import annotations

from functools import cache

from figures.context import Context
from figures.counted_nouns import (
    _bare_verb, _claimant_follows, _cue_participle, _ing_clause, is_money, is_participle, _is_time, _measure_at, _np_after_figure, _np_words,
    _participle_text, _rate, _subject_before,
)
from figures.lexicon import (data_map, AUXILIARIES, BE, CHANGE_NOUNS, CHANGE_VERBS, DETERMINERS, GENERIC_COUNTS, PEOPLE,
                             PERSON_NOUNS, STOP, TIME_WORDS, TRANSPARENT)
from figures.measure_cues import (
    _COPULA_LINK, _copula_subject, _measure_left, _measure_near, _measure_noun_text, _money_cue, _rate_noun,
    measure_named_in,
)
from figures.money_purposes import _money_of, _money_purpose, _purpose_np, _SPENDING
from figures.numbers import Figure
from figures.parallel_entities import _antecedent_noun, _doers, _listed, _previous_entity, _restated, bracketed_category
from figures.tokens import Tok
from figures.word_classes import word_class

__all__ = ["is_apposed_age", "is_conversion", "is_money", "read_entity"]


def is_conversion(ctx: Context, toks: list[Tok], ti: int) -> bool:
    """A bracketed amount in another currency right after an amount: "£10bn ($13bn)"."""
    if ti < 2 or toks[ti - 1].text != "(" or toks[ti - 2].fig < 0:
        return False
    a, b = ctx.figures[toks[ti - 2].fig].unit, ctx.figures[toks[ti].fig].unit
    return bool(a and b and a != b and is_money(a) and is_money(b))


def is_apposed_age(toks: list[Tok], ti: int, f: Figure | None = None) -> bool:
    """A whole number from 1 to 120 between commas right after a name or a person noun."""
    if not (2 <= ti < len(toks) - 1 and toks[ti - 1].text == "," and toks[ti + 1].text == ","):
        return False
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
    entity, measure, kind = _read_entity(ctx, toks, ti, f, lo, hi, entities)
    if measure in (None, "share") and _change_started_from(toks, ti):
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
    doing = (_sector_doing(toks, ti) or bracketed_category(toks, ti)) if jobs else None
    if doing:  # "while construction added 12,000": its own sector, not the one the jobs noun came from
        entity = f"{entity.split(' in ')[0]} in {doing}"
    elif measure == "jobs" and entity and " in " not in entity and "revision" not in entity:
        sector = _sector(toks, ti)
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
    one_of = _one_of(toks, ti) if unit is None else None
    if one_of:
        return one_of, _measure_near(vocab, toks, ti, lo, hi), None
    listed = _listed(ctx, toks, ti, f, entities)
    if listed:
        return listed
    revision = _revision(toks, ti)
    if revision:
        last = ctx.last_entity
        measure = _measure_near(vocab, toks, ti, lo, hi) or (last[2] if last and last[3] == unit else None)
        return revision, measure, None
    misstated = _misstatement(ctx, toks, ti)
    if misstated:
        return misstated
    forecast = _forecast(vocab, toks, ti) if unit == "percent" else None
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
            changed = _change_of(toks, ti)  # "exports rose threefold"
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
        share = _share_of(vocab, toks, ti)
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
            change = _change_of(toks, ti)
            if change:
                return change, None, None  # "exports jumped 12%": a change in exports
        share = _share_of(vocab, toks, ti)
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
        changed = _change_of(toks, ti, reach=5)
        if changed:
            return changed, None, None  # "support for the party fell five points to 31%"
        return "share", "share", None
    # 3. the noun phrase after the figure, with what happened to it
    np_end, np = _np_after_figure(toks, ti)
    group = _group_of(toks, np_end) if np and np.split()[-1].lower() in _MEMBERS else None
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
            and np.split()[-1].lower() in _POPULACE:
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
    j = verb_at = _past_aside(toks, np_end)
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
    if done_to and done_to.kind == "verb" and done_to.measure in _DONE_TO_PEOPLE and not participle:
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
        return f"{np} {_participle_text(toks[j])}", participle.measure, participle.kind
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
    part = _part_of_whole(ctx, toks, ti, np_end, words, entities) if unit is None else None
    if part:
        return part, None, None  # "45 were killed, 20 of whom were children" -> children killed
    shared = _shared_verb(ctx, toks, ti, entities) if words and unit is None else None
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
    if words and unit is None and words[-1].lower() in GENERIC_COUNTS:
        found = _measure_left(ctx, toks, ti)  # "the list of people missing ... down to 66 names"
        if found:
            return found
    if words and unit is None:
        if words[-1].lower() in ("others", "more"):
            words[-1] = "people"
        return " ".join(words) + _np_tail(toks, np_end, words[-1].lower()), \
            (m_in.measure if m_in else _measure_near(vocab, toks, ti, lo, hi)), None
    if not words and unit is None and np_end + 1 < n and toks[np_end].low == "without" and toks[np_end + 1].word:
        return "people" + _np_tail(toks, np_end, "people"), None, None  # "left 250,000 without power"
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
        return _duration_entity(ctx, toks, ti, hi, entities), "duration", None
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
        if ti >= 1 and toks[ti - 1].fig < 0 and toks[ti - 1].low.endswith("ed") and f.unit_end:
            unit_word = ctx.article.text[f.number_end or f.start:f.unit_end].split()[-1:]
            if unit_word and unit_word[0].isalpha():  # "has burned 12,000 acres" -> "acres burned"
                return f"{unit_word[0].lower()} {toks[ti - 1].low}", _measure_near(vocab, toks, ti, lo, hi), None
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
        if same or not _time_entity(prev):
            return same or prev, _measure_near(vocab, toks, ti, lo, hi), None
    restated = _restated(ctx, toks, ti, f)
    if restated:
        return restated
    if ti >= 1 and toks[ti - 1].low == "by":
        found = _measure_left(ctx, toks, ti, need_copula=False)
        if found:
            return found  # "raised interest rates by 25 basis points": the change of the rate
        changed = _change_of(toks, ti)
        if changed:
            return changed, None, None  # "the gap widened by 2 percentage points"
    if unit is None and not words and ti >= 1 and toks[ti - 1].low in _COUNTING:
        cue = _sentence_verb_cue(vocab, toks, ti)
        if cue:  # "hundreds of thousands marched in Paris, where police counted 57,000"
            return cue.entity, cue.measure, cue.kind
    return None, _measure_near(vocab, toks, ti, lo, hi), None


_FALL_VERBS = word_class("entity_words.tsv", "fall_verb")
_CONTRAST = word_class("entity_words.tsv", "contrast_word")
_UP_DOWN = frozenset(("up", "down"))
_BEFORE_OLD_VALUE = frozenset(("the", "a", "an", "'s")) | TIME_WORDS  # "from January's 10.1%"


def _change_started_from(toks: list[Tok], ti: int) -> bool:
    """The figure follows "from" after a change in its sentence ("fell to 8.7% in April from
    10.1%", "up from 9.4%"), and no "to" + figure follows it (that is a "from A to B" range)."""
    k = ti - 1
    while k > 0 and toks[k].low in _BEFORE_OLD_VALUE:
        k -= 1
    if k < 1 or toks[k].low != "from" or (ti + 2 < len(toks) and toks[ti + 1].low == "to" and toks[ti + 2].fig >= 0):
        return False
    return toks[k - 1].low in _UP_DOWN or any(t.low in CHANGE_VERBS for t in toks[max(0, k - 8):k])
_COMPASS = word_class("entity_words.tsv", "compass_word")
_OVERSTATE = word_class("entity_words.tsv", "overstate_word")
_UNDERSTATE = word_class("entity_words.tsv", "understate_word")
_FORECAST_NOUNS = word_class("entity_words.tsv", "forecast_noun")
_FORECAST_VERBS = word_class("entity_words.tsv", "forecast_verb")


_POPULACE = frozenset({"people", "residents", "inhabitants", "citizens", "population"})


def _share_of(vocab, toks: list[Tok], ti: int) -> str | None:
    """"75% of the hardest-hit areas" -> "share of the hardest-hit areas"; "70 percent of those
    displaced" -> "share of displaced people"; "a quarter of Sudan's 48 million people" -> "share of
    Sudan's population"; None when no "of" and noun phrase follow."""
    n = len(toks)
    if not (ti + 1 < n and toks[ti + 1].low == "of"):
        return None
    np = _np_words(toks, ti + 2)
    if not np:
        return None
    words = np.split()
    k = ti + 2
    while k < n and k < ti + 8 and toks[k].fig < 0 and (toks[k].word or toks[k].low == "'s") \
            and not (toks[k].low in STOP and toks[k].low not in DETERMINERS):
        k += 1  # the token after the noun phrase
    if words[-1].endswith(("'s", "’s")) and k + 1 < n and toks[k].fig >= 0 and toks[k + 1].low in _POPULACE:
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
    return _np_tail(toks, k, "")


def _change_of(toks: list[Tok], ti: int, reach: int = 0) -> str | None:
    """"Exports jumped 12%" -> "exports", "house prices fell by 2%" -> "house prices": the subject of
    the change verb right before the figure (the claim records the change itself); None when it is
    a name or nothing."""
    v = ti - 2 if toks[ti - 1].low == "by" else ti - 1
    for _ in range(reach):  # "fell five points to 31%": past the change to the verb
        if v >= 1 and not _changes(toks[v]) and (toks[v].fig >= 0 or toks[v].low in (
                "to", "from", "by", "points", "point", "percentage", "basis")):
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


_CONTAINERS = word_class("entity_words.tsv", "container_noun")
_STATES = word_class("entity_words.tsv", "state_phrase")


def _phrase_at(toks: list[Tok], i: int) -> str | None:
    """A short noun phrase from token i, ending before a determiner inside it ("measles this year")."""
    words = (_np_words(toks, i) or "").split()
    cut = next((k for k in range(1, len(words)) if words[k].lower() in DETERMINERS), len(words))
    words = words[:cut]
    return " ".join(words) if words and words[-1].lower() not in DETERMINERS else None


def _np_tail(toks: list[Tok], j: int, head: str) -> str:
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


def _whole_participle(ctx: Context, toks: list[Tok], ti: int, entities: dict[int, str | None]) -> str | None:
    """What happened to the whole a part is of: the participle ending the previous figure's entity
    ("45 people killed"), or the cue of an opening "Of the dead," -> "killed"."""
    for j in range(ti - 1, -1, -1):
        if j in entities and entities[j]:
            last = entities[j].split()[-1].lower()
            cue = ctx.vocab.measures.get((last,))
            return last if ctx.kinds.get(j) == "verb" and cue and cue.kind == "verb" else None
    if len(toks) > 3 and toks[0].low == "of" and toks[1].low == "the":
        cue, _ = _measure_at(ctx.vocab, toks, 2)
        if cue and cue.kind == "verb":
            return _cue_participle(cue, toks[2])
    return None


_WHOLE_PRONOUNS = frozenset(("whom", "them", "which", "those"))


def _past_aside(toks: list[Tok], j: int) -> int:
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


def _part_of_whole(ctx: Context, toks: list[Tok], ti: int, np_end: int, words: list[str],
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


def _shared_verb(ctx: Context, toks: list[Tok], ti: int,
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


_MEMBERS = word_class("entity_words.tsv", "member_noun")
_PRICED_UNITS = word_class("entity_words.tsv", "priced_unit")
_COUNTING = word_class("entity_words.tsv", "counting_verb")
_MORE_CHANGE_VERBS = word_class("entity_words.tsv", "change_verb")
# "the £700m figure she quoted", "the real number was £300m": an amount that restates the article's last one
_RESTATING = word_class("entity_words.tsv", "restating_noun")


def _group_of(toks: list[Tok], j: int) -> str | None:
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


def _sentence_verb_cue(vocab, toks: list[Tok], ti: int):
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


def _one_of(toks: list[Tok], ti: int) -> str | None:
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


def _changes(tok: Tok) -> bool:
    return tok.low in CHANGE_VERBS or tok.low in _MORE_CHANGE_VERBS


def _misstatement(ctx: Context, toks: list[Tok], ti: int) -> tuple[str, str | None, None] | None:
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


def _forecast(vocab, toks: list[Tok], ti: int) -> tuple[str, str | None, None] | None:
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
# "some estimates of 150,000", "a 15-month high of 3.5%": the noun before "of" is a value, not what is counted
_VALUE_NOUNS = word_class("entity_words.tsv", "value_noun")


_TOOK = word_class("entity_words.tsv", "took_verb")


@cache
def _lasting() -> dict[str, str]:
    """data/durations.tsv: a word before "for <duration>" -> what that duration is of."""
    return data_map("durations.tsv")


@cache
def _money_verbs() -> dict[str, str]:
    """data/money_verbs.tsv: a verb right before an amount -> what the amount is."""
    return data_map("money_verbs.tsv")


def _money_verb(toks: list[Tok], ti: int) -> str | None:
    """What an amount is by the verb right before it or before its recipient: "bet Morgan £1,000" ->
    "bet", "fined the bank $2bn" -> "fine", "sent Rwanda £220m" -> "payment"; else None."""
    if ti >= 2 and (two := _money_verbs().get(f"{toks[ti - 2].low} {toks[ti - 1].low}")):
        return two  # "valued at $80bn"
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


def _duration_entity(ctx: Context, toks: list[Tok], ti: int, hi: int, entities: dict[int, str | None]) -> str:
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


# measures whose money value belongs to the noun before it, not to a payment or spending
_PRICE_MEASURES = word_class("entity_words.tsv", "price_measure")
_REVISE = word_class("entity_words.tsv", "revise_word")
# measures of what is done to people, whose verb before a counted noun outweighs the noun's own measure
_DONE_TO_PEOPLE = word_class("entity_words.tsv", "person_measure")
_SECTOR_NOUNS = word_class("entity_words.tsv", "sector_noun")
_NOT_SECTOR = word_class("entity_words.tsv", "not_sector")
_JOBS_VERBS = word_class("entity_words.tsv", "jobs_verb")
_WHOLE_ECONOMY = word_class("entity_words.tsv", "whole_economy")


def _revision(toks: list[Tok], ti: int) -> str | None:
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


def _sector(toks: list[Tok], ti: int) -> str | None:
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


def _sector_doing(toks: list[Tok], ti: int) -> str | None:
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


def _time_entity(entity: str | None) -> bool:
    """An entity that only says a stretch of time ("time", "duration of the strike")."""
    return bool(entity) and (entity == "time" or entity.startswith("duration"))
