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
"""
from __future__ import annotations

from figures.context import Context
from figures.lexicon import (
    AUXILIARIES, BE, CHANGE_NOUNS, CHANGE_VERBS, COPULA, DETERMINERS, GENERIC_COUNTS, MONEY_NOUNS, Measure,
    NOT_NOUNS, PEOPLE, PERSON_NOUNS, RATE_HEADS, STOP, TIME_UNITS, TIME_WORDS, TRANSPARENT, Vocabulary, vocabulary,
)
from figures.numbers import Figure
from figures.tokens import Tok, join_words


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


def _measure_at(vocab: Vocabulary, toks: list[Tok], i: int) -> tuple[Measure | None, int]:
    """The measure cue starting at token i (longest first) and how many tokens it takes."""
    if toks[i].low not in vocab.measure_first:
        return None, 0
    for k in (4, 3, 2, 1):
        if i + k <= len(toks):
            key = tuple(t.low for t in toks[i:i + k])
            m = vocab.measures.get(key)
            if m:
                return m, k
    return None, 0


def read_entity(ctx: Context, toks: list[Tok], ti: int, f: Figure, lo: int, hi: int,
                entities: dict[int, str | None]) -> tuple[str | None, str | None, str | None]:
    """(entity, measure, measure kind) for the figure at token ti.

    The measure is the normalised predicate the comparator groups on; the entity is what a
    fact-checker would write for the figure. For money that is what the money is for or of
    ("spent £1.5m on legal costs" -> "legal costs"), read from the words around the figure,
    while the measure stays the one its verb or noun gives (spent, paid, cost).
    """
    entity, measure, kind = _read_entity(ctx, toks, ti, f, lo, hi, entities)
    if f.unit and is_money(f.unit) and measure in _SPENDING and not is_conversion(ctx, toks, ti):
        purpose = _money_purpose(toks, ti) or _money_of(toks, ti)
        if not purpose and ti >= 2 and toks[ti - 1].low in ("to", "of", "at") and toks[ti - 2].low == "total":
            purpose = "total"  # "bringing total to £290 million": the running total, whatever its parts
        if purpose:
            per = "" if " per " in purpose else _rate(toks, ti)
            entity = purpose + per
    if measure == "jobs" and entity and " in " not in entity and "revision" not in entity:
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
    listed = _listed(ctx, toks, ti, f, entities)
    if listed:
        return listed
    revision = _revision(toks, ti)
    if revision:
        last = ctx.last_entity
        measure = _measure_near(vocab, toks, ti, lo, hi) or (last[2] if last and last[3] == unit else None)
        return revision, measure, None
    # "7.7 and 7.6 magnitudes": the first of two coordinated figures shares the second's entity
    if ti + 2 < n and toks[ti + 1].low in ("and", "or", "to") and toks[ti + 2].fig >= 0 and unit is None:
        return _read_entity(ctx, toks, ti + 2, ctx.figures[toks[ti + 2].fig], lo, hi, entities)
    if unit == "dimensionless":
        found = _measure_left(ctx, toks, ti, need_copula=False)
        noun = _measure_noun_text(toks, ti)
        return ("increase factor of the " + noun if noun else "increase factor"), "multiplier", None
    # a verb right before the figure: "killed 9,000", "displaced 2,000", "killed at least 35 people"
    if ti >= 1 and toks[ti - 1].fig < 0:
        m, _ = _measure_at(vocab, toks, ti - 1)
        if m and m.kind == "verb" and m.entity and (ti + 1 >= n or not toks[ti + 1].word or toks[ti + 1].low in STOP
                                                     or toks[ti + 1].low in PEOPLE):
            return m.entity, m.measure, m.kind
    # 1. a property the figure is the value of: "a depth of 17.9km", "magnitude 7.8", "7.8 magnitude"
    for j in (ti - 1, ti - 2, ti + 1):
        if 0 <= j < n and toks[j].fig < 0:
            m, _ = _measure_at(vocab, toks, j)
            if m and m.kind == "event" and (j != ti - 2 or toks[ti - 1].low == "of"):
                ev = ctx.event
                return (f"{ev} {m.entity}" if ev and m.measure == "magnitude" else m.entity), m.measure, m.kind
    if ti >= 2 and toks[ti - 1].low == "of" and toks[ti - 2].word and toks[ti - 2].low not in STOP \
            and toks[ti - 2].low not in TRANSPARENT:
        m, _ = _measure_at(vocab, toks, ti - 2)
        noun = toks[ti - 2].low
        if m and m.kind == "noun":
            return m.entity, m.measure, m.kind
        if unit and not _is_time(unit) and noun not in ("tens", "hundreds", "thousands", "millions", "dozens"):
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
    if unit == "percent":
        if ti >= 1 and (toks[ti - 1].low in ("up", "down") or toks[ti - 1].low in CHANGE_VERBS) and not (
                ti + 1 < n and toks[ti + 1].low == "of"):
            prev = _previous_entity(toks, ti, entities)  # "delivered 466,140 vehicles, up 83%"
            if prev:
                return f"change in {prev}", "change", None
            found = _measure_left(ctx, toks, ti, need_copula=False)
            if found:
                return found  # "shares of the company fell 12%": a change in the share price
        if ti + 1 < n and toks[ti + 1].low == "of":
            np = _np_words(toks, ti + 2)
            if np:
                return "share of " + np, "share", None
        found = _measure_left(ctx, toks, ti) or _rate_noun(vocab, toks, ti)
        if found:
            return found
        np = _copula_subject(toks, ti)
        if np in ("it", "this", "that", "they"):
            return _previous_entity(toks, ti, entities, ctx.figures, "percent") or "share", "share", None
        if np:
            return np, "share", None
        return _previous_entity(toks, ti, entities, ctx.figures, "percent") or "share", "share", None
    # 3. the noun phrase after the figure, with what happened to it
    np_end, np = _np_after_figure(toks, ti)
    if np and _claimant_follows(vocab, toks, np_end):
        # "far above the 190,000 economists had expected": the noun is who expects, the figure
        # counts what the previous figure counts
        prev = _previous_entity(toks, ti, entities)
        if prev:
            j = max(j for j in entities if j < ti and entities[j] == prev)
            return prev, ctx.measures.get(j), ctx.kinds.get(j)
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
    j = np_end
    while j < n and j < np_end + 6 and toks[j].fig < 0 and (toks[j].low in AUXILIARIES or toks[j].low in (
            "confirmed", "reported", "to", "have", "been", "being", "already", "still", "now", "listed", "as",
            "believed", "feared", "thought", "said", "presumed", "officially", "others", "more", "people")
            or (toks[j].low.endswith("ly") and j > np_end)):  # "have so far been publicly identified"
        if toks[j].low in ("people", "others") and not words:
            words = ["people"]
        j += 1
    if j < n and toks[j].fig < 0:
        participle, _ = _measure_at(vocab, toks, j)
        if participle and participle.kind not in ("verb",):
            participle = None
    if m_in and m_in.kind == "noun" and m_in.entity and not participle \
            and m_in.measure not in ("deployed", "cost", "paid", "share price"):
        # "7,600 injuries" -> "injuries"; "1,200 protesters were arrested" goes on to the verb
        return m_in.entity, m_in.measure, m_in.kind
    if participle and words and words[-1].lower() in ("people", "others", "persons", "individuals"):
        return participle.entity or f"people {toks[j].low}", participle.measure, participle.kind
    if participle and words:
        return f"{np} {_participle_text(toks[j])}", participle.measure, participle.kind
    # a participle right before the figure: "destroyed 300 homes" -> "homes destroyed"
    if words and unit is None and ti >= 1 and toks[ti - 1].fig < 0 and toks[ti - 1].low.endswith("ed"):
        before, _ = _measure_at(vocab, toks, ti - 1)
        if before and before.kind == "verb":
            # "has publicly identified 55 people" -> "people publicly identified"
            adverb = toks[ti - 2].low + " " if ti >= 2 and toks[ti - 2].word and toks[ti - 2].low.endswith("ly") \
                and toks[ti - 2].low not in STOP else ""
            return f"{np} {adverb}{_participle_text(toks[ti - 1])}", before.measure, before.kind
    if words and unit is None and words[-1].lower() in GENERIC_COUNTS:
        found = _measure_left(ctx, toks, ti)  # "the list of people missing ... down to 66 names"
        if found:
            return found
    if words and unit is None:
        if words[-1].lower() in ("others", "more"):
            words[-1] = "people"
        return " ".join(words), (m_in.measure if m_in else _measure_near(vocab, toks, ti, lo, hi)), None
    if participle and not words:
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
        found = _money_cue(vocab, toks, ti)
        if found:
            return found[0] + per, found[1], found[2]
        if per:
            return "cost" + per, "cost", None
        if any(t.low == "total" for t in toks[max(0, ti - 4):ti]):
            return "total", "amount", None
        return np or "amount", "amount", None
    if unit and _is_time(unit):
        if ti + 1 < n and toks[ti + 1].low == "later" and ctx.event:
            return "time", "duration", "event"  # "About 12 hours later, a second tremor hit": between events
        return _duration_entity(toks, ti, hi), "duration", None
    if unit and unit not in ("percent", "dimensionless", "fraction") and not is_money(unit):
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
    return None, _measure_near(vocab, toks, ti, lo, hi), None


_FALL_VERBS = frozenset("fell fall falls fallen dropped drop drops declined decline declines slipped slid "
                        "plunged plunge lost cut cuts lowered reduced shrank shrink shrinks contracted tumbled "
                        "sank dipped".split())
_STANDS = frozenset("stands stood stand remains remained remain is was sits".split())


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


def _claimant_follows(vocab: Vocabulary, toks: list[Tok], j: int) -> bool:
    """The noun phrase ending before token j is the subject of an active claimant verb."""
    if j == 0 or not (toks[j - 1].cap or toks[j - 1].low in vocab.claimant_nouns):
        return False
    while j < len(toks) and toks[j].low in AUXILIARIES and toks[j].low not in BE:
        j += 1
    return j < len(toks) and toks[j].low in vocab.claimant_verbs


_PER = frozenset({"per", "each", "every", "a", "an"})


def _rate(toks: list[Tok], ti: int) -> str:
    """" per person" for "£2m per asylum seeker", "for each migrant", "£1m a year"; else ""."""
    n = len(toks)
    j = ti + 1
    if j < n and toks[j].low == "for" and j + 1 < n and toks[j + 1].low in ("each", "every"):
        j += 1
    if j + 1 < n and toks[j].low in _PER and toks[j + 1].word and toks[j + 1].low not in STOP:
        if toks[j].low in ("a", "an") and toks[j + 1].low not in ("year", "month", "week", "day", "person", "head"):
            return ""
        words = [toks[j + 1].text]
        if j + 2 < n and toks[j + 2].word and toks[j + 2].low not in STOP and not toks[j + 2].low.endswith("ed") \
                and toks[j + 2].low not in TIME_WORDS:
            words.append(toks[j + 2].text)
        return " per " + " ".join(words).removesuffix("'s").removesuffix("’s")
    return ""


# verbs that hand money to someone: "£50m will be given to Rwanda" -> "payment to Rwanda"
_GIVE = frozenset("given gave give giving paid pay paying sent send handed hand transferred pledged donated "
                  "promised owed".split())
# words between an amount and what it is spent on: "£1.5m has been spent on legal costs"
_MONEY_LINK = frozenset("spent spend spending paid given earmarked allocated set aside due be out wasted "
                        "committed pledged used invested invest investing costing allocate earmark provide "
                        "provided raised raise borrowed borrow".split())
# kinds of money an amount is "in": "$3bn in damage", "£3bn in subsidies"
_MONEY_KINDS = frozenset("damage damages loss losses subsidies subsidy taxes tax fines fees grants loans investment "
                         "cash debt compensation bonuses wages donations".split())
_OWNER_PREP = frozenset({"to", "for", "of"})
_NEEDED = frozenset("needed required used spent set aside earmarked allocated".split())
# verbs whose "for" gives a reason, not a purpose: "fined £20m for failures"
_PENALTY = frozenset("fined fine penalised penalized sued ordered".split())
# nouns for a whole programme: money "on the scheme" is its spending, not a purpose within it
_PROGRAMME = frozenset("scheme schemes policy policies plan plans programme programmes program programs project "
                       "projects initiative initiatives partnership deal agreement strategy".split())


def _money_purpose(toks: list[Tok], ti: int) -> str | None:
    """What the amount at token ti is for or of, from the words after it: "£28m on set-up
    costs" -> "set-up costs", "£11,000 for each asylum seeker's plane ticket" -> "plane ticket per
    asylum seeker", "£120m in payments to Rwanda" -> "payments to Rwanda", "£50m will be given to
    Rwanda" -> "payment to Rwanda"; None when the words after it say nothing of the kind."""
    n = len(toks)
    j = ti + 1
    if j + 2 < n and toks[j].text == "(" and toks[j + 1].fig >= 0 and toks[j + 2].text == ")":
        j += 3  # "£10bn ($13bn) on the policy"
    if j + 1 < n and toks[j].low == "for" and toks[j + 1].low in ("each", "every"):
        k, owner = j + 2, []
        while k < n and toks[k].word and toks[k].low not in STOP and len(owner) < 3:
            owner.append(toks[k].text)
            k += 1
        if owner and k < n and toks[k].low == "'s":
            thing, _ = _purpose_np(toks, k + 1)
            if thing:
                return f"{thing} per {' '.join(owner)}"
        return None
    if j + 1 < n and toks[j].low in ("per", "a", "an", "each") and toks[j + 1].word:
        j += 2  # "£20,000 per individual for ...", "£1m a year on staff costs"
        if j < n and toks[j].word and toks[j].low not in STOP:
            j += 1
    if j + 2 < n and toks[j].low in _MONEY_OF and toks[j + 1].low in ("of", "for"):
        thing, last = _purpose_np(toks, j + 2)  # "a $6bn bill for storm damage"
        if not thing or last in _PROGRAMME:
            return None
        return f"{'cost' if toks[j].low == 'costs' else toks[j].low} {toks[j + 1].low} {thing}"
    verb = None
    while j < n and j < ti + 8 and toks[j].fig < 0 and (
            toks[j].low in AUXILIARIES or toks[j].low in _MONEY_LINK or toks[j].low in _GIVE
            or toks[j].low in _NEEDED or (toks[j].low == "to" and j + 1 < n and toks[j + 1].low == "be")):
        if toks[j].low in _GIVE or toks[j].low in _MONEY_LINK or toks[j].low in _NEEDED:
            verb = toks[j].low
        j += 1
    if j + 1 >= n:
        return None
    prep = toks[j].low
    if prep == "to" and toks[j + 1].cap and toks[j + 1].word and (verb in _GIVE or _give_before(toks, ti)):
        name = _name_at(toks, j + 1)  # "£50m will be given to Rwanda", "fork out £50m to Rwanda"
        return f"payment to {name} {_per_after(toks, j + 1 + len(name.split()))}".strip()
    if prep == "to" and verb in _NEEDED and toks[j + 1].word and toks[j + 1].low not in STOP:
        thing, _ = _purpose_np(toks, j + 1)  # "$5.5bn will be needed to repair damaged areas"
        return f"cost to {thing}" if thing else None
    if prep not in ("on", "for", "in"):
        return None
    if prep == "for" and (toks[j + 1].cap or toks[j + 1].fig >= 0 or (ti >= 1 and toks[ti - 1].low in _PENALTY)):
        return None  # "£50m for Rwanda", "for five years", "fined £20m for failures": not a purpose
    if prep == "in" and (toks[j + 1].cap or toks[j + 1].fig >= 0 or toks[j + 1].low[:1].isdigit()):
        return None  # "£2m in 2023", "£5m in London", "£81bn in 2019 prices"
    thing, last = _purpose_np(toks, j + 1)
    if not thing or last in _PROGRAMME:
        return None  # "£10bn on the scheme": the whole programme, which "spending" already says
    if prep == "in" and last not in MONEY_NOUNS and last.rstrip("s") not in MONEY_NOUNS and last not in _MONEY_KINDS \
            and not (
            verb or (ti >= 1 and (toks[ti - 1].low in _GIVE or toks[ti - 1].low in _MONEY_LINK))):
        return None  # "£120m in payments", "paid £3bn in subsidies" pass
    if prep == "in" and (last.rstrip("s") in TIME_UNITS or last in ("quarter", "period", "total", "prices", "terms")):
        return None  # "spent £100m in the 2023-24 financial year"
    return thing


_MONEY_OF = frozenset("cost costs bill price".split())
# measures of money spent or owed, whose entity names what for; not a price, revenue or profit
_SPENDING = frozenset({"cost", "spent", "paid", "amount", "budget", "funding", "aid", None})


def _money_of(toks: list[Tok], ti: int) -> str | None:
    """"the cost of rebuilding Lahaina is estimated at $6bn" -> "cost of rebuilding Lahaina";
    "the new stadium will cost $1.2bn" -> "cost of new stadium"."""
    v = ti - 2 if ti >= 3 and toks[ti - 1].cap and toks[ti - 1].word else ti - 1  # "the war has cost Russia $200bn"
    if v >= 1 and toks[v].low in ("cost", "costs", "costing"):
        j = v - 1
        while j >= 0 and toks[j].low in AUXILIARIES:
            j -= 1
        subject = _subject_before(toks, j + 1)
        if subject and subject.split()[-1].lower() not in _PROGRAMME and not subject[:1].isupper():
            words = subject.split()
            if words[0] in DETERMINERS:
                words = words[1:]
            return "cost of " + " ".join(words) if words else None
        return None
    for j in range(ti - 1, max(-1, ti - 14), -1):
        t = toks[j]
        if t.fig >= 0 or t.text in (";", ":", ","):
            return None
        if t.low in _MONEY_OF and j + 2 < ti and toks[j + 1].low in ("of", "for"):
            thing, last = _purpose_np(toks, j + 2)
            if not thing or last in _PROGRAMME:
                return None  # "the cost of the scheme": the programme's own cost
            return f"{'cost' if t.low == 'costs' else t.low} {toks[j + 1].low} {thing}"
    return None


def _give_before(toks: list[Tok], ti: int) -> bool:
    """A giving verb just before the amount, or before its recipient: "paid £5m", "fork out £5m",
    "sent Rwanda £220m"."""
    j = ti - 1
    if j >= 0 and toks[j].cap and toks[j].word:
        j -= 1
    if j >= 0 and toks[j].low == "out":
        return True
    return j >= 0 and toks[j].low in _GIVE


def _name_at(toks: list[Tok], i: int) -> str:
    """The capitalised words from token i: "Rwanda", "Rwandan Government"."""
    name = []
    while i < len(toks) and toks[i].word and toks[i].cap and len(name) < 3:
        name.append(toks[i].text)
        i += 1
    return " ".join(name)


def _purpose_np(toks: list[Tok], i: int) -> tuple[str | None, str]:
    """A short noun phrase from token i (leading articles dropped, at most six words), with a
    name it is paid to ("payments to Rwanda") and a per-person rate after it ("costs for each
    asylum seeker" -> "costs per asylum seeker"); and its last word, lower case."""
    n = len(toks)
    while i < n and toks[i].low in DETERMINERS:
        i += 1
    out: list[str] = []
    j = i
    while j < n and len(out) < 6 and toks[j].fig < 0:
        t = toks[j]
        if t.low in ("and", "or") and out and j + 1 < n and toks[j + 1].word and toks[j + 1].low not in STOP:
            out.append(t.low)  # "processing and operational costs"
            j += 1
            continue
        if t.low in ("each", "every") and out and j + 1 < n and toks[j + 1].word and toks[j + 1].low not in STOP:
            out.append(t.low)  # "deporting each migrant"
            j += 1
            continue
        if t.low == "'s" and out:
            out[-1] += "'s"  # "Rishi Sunak's Rwanda scheme"
            j += 1
            continue
        if t.low in COPULA or t.low in CHANGE_VERBS:
            break  # "the costs of the scheme rose from ..."
        if t.low in ("last", "next") and j + 1 < n and toks[j + 1].low.rstrip("s") in TIME_UNITS:
            break  # "road repairs last year"
        if not t.word or t.low in STOP or t.low in TIME_WORDS or t.low.endswith("ly"):
            break
        if out and t.low.endswith("ed") and not (j + 1 < n and toks[j + 1].word and toks[j + 1].low not in STOP):
            break  # "charter flights used for ...": a participle after the noun; "damaged areas" goes on
        out.append(t.text)
        j += 1
    while out and out[-1] in ("and", "or"):
        out.pop()
    if not out or (len(out) == 1 and out[0].lower() in TRANSPARENT):
        return None, ""
    last = out[-1].lower()
    if j + 2 < n and toks[j].text == "," and toks[j + 1].fig < 0 and any(
            t.low in ("and", "or") for t in toks[j + 1:j + 10] if t.fig < 0):
        return None, ""  # "on unused charter flights, payments to Rwanda and ...": a list, not one purpose
    if j + 1 < n and toks[j].low in _OWNER_PREP and toks[j + 1].cap and toks[j + 1].word:
        out += [toks[j].low, _name_at(toks, j + 1)]  # "payments to Rwanda"
    else:
        out.append(_per_after(toks, j))
    return " ".join(out).strip(), last


def _per_after(toks: list[Tok], j: int) -> str:
    """"per asylum seeker" for "for every asylum seeker relocated" at token j, else ""."""
    n = len(toks)
    if not (j + 2 < n and toks[j].low == "for" and toks[j + 1].low in ("each", "every") and toks[j + 2].word):
        return ""
    k, owner = j + 2, []
    while k < n and toks[k].word and toks[k].low not in STOP and not toks[k].low.endswith("ed") and len(owner) < 3:
        owner.append(toks[k].text)
        k += 1
    return "per " + " ".join(owner)


def _participle_text(tok: Tok) -> str:
    return {"died": "killed", "dead": "killed", "die": "killed", "wounded": "injured"}.get(tok.low, tok.low)


def _previous_entity(toks: list[Tok], ti: int, entities: dict[int, str | None],
                     figures: list[Figure] | None = None, unit: str | None = None) -> str | None:
    """The entity of the nearest earlier figure in the sentence (with the same unit, when given)."""
    for j in range(ti - 1, -1, -1):
        if j in entities and entities[j] and (figures is None or figures[toks[j].fig].unit == unit):
            return entities[j]
    return None


def _np_after_figure(toks: list[Tok], ti: int) -> tuple[int, str | None]:
    """The noun phrase right after the figure: "12,000 special forces troops" -> special forces troops."""
    n = len(toks)
    j = ti + 1
    if j < n and toks[j].low == "of" and j + 1 < n and toks[j + 1].low in ("the", "them", "those", "these"):
        j += 2 if toks[j + 1].low == "the" else 1
        if j < n and toks[j].fig >= 0:
            j += 1  # "74 of the 97 victims": the part counts what the whole counts
    while j < n and toks[j].low in ("more", "other", "additional", "extra", "new", "-"):
        j += 1
    start = j
    # "2,200 damaged or destroyed structures": participles before the noun
    while j + 1 < n and toks[j].low.endswith("ed") and (
            toks[j + 1].low in ("or", "and") and j + 3 < n and toks[j + 2].low.endswith("ed")
            and toks[j + 3].word and toks[j + 3].low not in STOP):
        j += 3
    if j > start:
        stop = j + 1
        return stop, " ".join(t.text for t in toks[start:stop])
    while j < n and j < start + 5 and toks[j].fig < 0 and (toks[j].word or toks[j].text in ("-",)) and (
            toks[j].low not in STOP or toks[j].low in ("others",)) and not toks[j].low.endswith("ly"):
        low = toks[j].low
        if low in NOT_NOUNS:
            break  # "1.27 million according to the ministry", "700,000 put forward by the union"
        if low in ("last", "next", "this") and j + 1 < n and (toks[j + 1].low in TIME_WORDS
                                                              or toks[j + 1].low.rstrip("s") in TIME_UNITS):
            break  # "48,000 demonstrators last Saturday"
        if j > start and toks[j - 1].low in PEOPLE and _measure_at(vocabulary(), toks, j)[0] is not None:
            break  # "37,000 people beat the pavement": the verb after the people counted
        if low.endswith(("ed", "ing")) and j > start and low not in ("wounded",) and low not in _NOUN_ING:
            break  # a participle after the noun: "buildings destroyed", "buildings containing"
        if low in TIME_WORDS or low in AUXILIARIES:
            break
        if j > start and toks[j].cap and not toks[j - 1].cap:
            break  # "24,400 service personnel Emergency aid ...": a new phrase starts
        if j == start and low.endswith("ed") and (m := vocabulary().measures.get((low,))) and m.kind == "verb":
            break  # "1.2 million marched": the verb, not a noun
        if low in ("dead", "injured", "wounded", "missing", "killed", "displaced", "homeless", "died",
                   "destroyed", "damaged", "collapsed", "positioned", "deployed", "arrested", "identified"):
            break
        if low in ("dollars", "pounds", "euros", "percent", "degrees", "km", "kilometers", "kilometres", "miles"):
            break
        j += 1
        if low in ("others",):
            break
    if j == start:
        return start, None
    return j, " ".join(t.text for t in toks[start:j])


_NOUN_ING = frozenset("building buildings housing funding spending training clothing".split())


def _np_words(toks: list[Tok], i: int) -> str | None:
    j = i
    out = []
    while j < len(toks) and j < i + 6 and toks[j].fig < 0 and (toks[j].word or toks[j].low == "'s"):
        if toks[j].low in STOP and toks[j].low not in DETERMINERS and out:
            break
        if toks[j].low in STOP and toks[j].low not in DETERMINERS:
            break
        out.append(toks[j])
        j += 1
    return join_words(out) if out else None


def _measure_noun_text(toks: list[Tok], ti: int) -> str | None:
    """The words of the nearest measure noun left of the figure: "the death toll" -> "death toll"."""
    vocab = vocabulary()
    for j in range(ti - 1, max(-1, ti - 16), -1):
        if toks[j].fig >= 0:
            break
        for k in (3, 2, 1):
            if j - k + 1 >= 0:
                key = tuple(t.low for t in toks[j - k + 1:j + 1])
                m = vocab.measures.get(key)
                if m and m.kind == "noun":
                    return " ".join(t.text for t in toks[j - k + 1:j + 1])
    return None


def _measure_left(ctx: Context, toks: list[Tok], ti: int,
                  need_copula: bool = True) -> tuple[str, str, str] | None:
    """The measure noun a figure is the value of, looking left in the sentence (skipping commas)."""
    vocab = ctx.vocab
    best = None
    j = ti - 1
    limit = max(0, ti - 16)
    while j >= limit:
        t = toks[j]
        if t.fig >= 0 and j == ti - 2 and toks[ti - 1].low in ("to", "and", "or"):
            j -= 1
            continue  # "risen from 99 to 101"
        if t.fig >= 0 or t.text in (";", ":"):
            break
        m = _longest_cue(vocab, toks, j)
        if m and m.kind in ("noun", "event"):
            ent = m.entity or t.low
            if m.kind == "event" and m.measure == "magnitude" and ctx.event:
                ent = f"{ctx.event} magnitude"
            best = (ent, m.measure, m.kind)
            break
        if t.low in TRANSPARENT and j + 1 < ti and toks[j + 1].low == "of":
            np = _np_words(toks, j + 2)
            if np:
                mm = vocab.measures.get((np.split()[-1].lower(),))
                if np.lower() in ("those", "people") or not mm:
                    # "the list of those who remain unaccounted for", "the number of people missing"
                    for k in range(j + 3, min(ti, j + 8)):
                        cue, _ = _measure_at(vocab, toks, k)
                        if cue and cue.kind == "verb" and cue.entity:
                            mm = cue
                            break
                best = ((mm.entity if mm and mm.entity else np), mm.measure if mm else None, "noun")
                break
        j -= 1
    if best and (not need_copula or toks[ti].text[:1].isalpha() or any(
            toks[x].low in COPULA or toks[x].low in AUXILIARIES for x in range(max(j, 0), ti))):
        return best
    return None


_COPULA_VERBS = frozenset("is are was were becomes become became stands stood reached rose fell remains "
                          "remained hit".split())


def _copula_subject(toks: list[Tok], ti: int) -> str | None:
    """"The average survival ratio in 24 hours is 74%" -> "average survival ratio"."""
    j = ti - 1
    while j >= 0 and toks[j].low in ("at", "to", "now", "still", "already", "has", "have", "had"):
        j -= 1
    if j < 0 or toks[j].low not in _COPULA_VERBS:
        return None
    j -= 1
    if j >= 0 and toks[j].low in ("it", "this", "that", "they"):
        return toks[j].low
    # skip a trailing prepositional phrase: "ratio in 24 hours"
    for k in range(j, max(-1, j - 5), -1):
        if toks[k].text in (",", ";", ":"):
            break
        if toks[k].low in ("in", "after", "on", "for", "within") and k < j:
            j = k - 1
            break
    words = []
    while j >= 0 and toks[j].word and toks[j].fig < 0 and toks[j].low not in STOP and len(words) < 4:
        words.insert(0, toks[j].text)
        j -= 1
    return " ".join(words) or None


def _measure_near(vocab: Vocabulary, toks: list[Tok], ti: int, lo: int, hi: int) -> str | None:
    best, dist = None, 99
    for j in range(max(0, lo), min(len(toks), hi + 3)):
        if toks[j].fig >= 0:
            continue
        m, _ = _measure_at(vocab, toks, j)
        if m and abs(j - ti) < dist:
            best, dist = m.measure, abs(j - ti)
    return best


def _longest_cue(vocab: Vocabulary, toks: list[Tok], j: int) -> Measure | None:
    """The cue at token j, or a longer one that covers it: "stock price" rather than "price"."""
    m, _ = _measure_at(vocab, toks, j)
    if m:
        for b in (j - 2, j - 1):
            if b >= 0 and toks[b].fig < 0:
                longer, k = _measure_at(vocab, toks, b)
                if longer and b + k > j:
                    return longer
    return m


def _money_cue(vocab: Vocabulary, toks: list[Tok], ti: int) -> tuple[str, str, str] | None:
    best, dist = None, 99
    for j in range(0, len(toks)):
        if toks[j].fig >= 0:
            continue
        m = _longest_cue(vocab, toks, j)
        # a cue after the figure counts double its distance: the verb before usually governs it
        d = (ti - j) if j < ti else 2 * (j - ti)
        if m and m.entity in MONEY_NOUNS and d < dist:
            best, dist = (m.entity, m.measure, m.kind), d
    return best


_TOOK = frozenset("took take takes taking lasted last lasts lasting".split())


def _duration_entity(toks: list[Tok], ti: int, hi: int) -> str:
    """"nearly 12 years of civil war" -> "duration of civil war"; "it took two minutes for the
    shaking to stop" -> "duration of the shaking"; "the journey took three hours" -> "duration of
    the journey"; else "time"."""
    n = len(toks)
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


def _subject_before(toks: list[Tok], j: int) -> str | None:
    """The noun phrase ending just before token j, with its article: "the journey"."""
    k = j - 1
    words: list[str] = []
    while k >= 0 and toks[k].word and toks[k].fig < 0 and toks[k].low not in STOP and len(words) < 4:
        words.insert(0, toks[k].text)
        k -= 1
    if not words or words[0][:1].isupper() and k >= 0:
        return None  # nothing, or a name inside a clause ("Smith took"): a person's time, not a thing's
    if k >= 0 and toks[k].low in DETERMINERS:
        words.insert(0, toks[k].low)
    return " ".join(words)


def is_money(unit: str) -> bool:
    return len(unit) == 3 and unit.isupper()


def _is_time(unit: str) -> bool:
    u = unit.lower().rstrip("s")
    return u in TIME_UNITS


# measures whose money value belongs to the noun before it, not to a payment or spending
_PRICE_MEASURES = frozenset({"wages", "share price"})
_REVISE = frozenset("revised revise revises revising revision revisions".split())
_SECTOR_NOUNS = frozenset("sector sectors industry industries".split())
_NOT_SECTOR = frozenset("total overall nonfarm non-farm private full-time part-time".split())


def _listed(ctx: Context, toks: list[Tok], ti: int, f: Figure,
            entities: dict[int, str | None]) -> tuple[str, str | None, None] | None:
    """A bare figure in brackets after a name or a category in a list: "Lyon (22,000 to 55,000)",
    "healthcare (45,000)", "Valenciennes (3,100 according to the police)". It counts what the
    sentence's first figure with a noun of its own counts (or the sentence's measure noun, or
    the article's last count), "in" the category when the label is a common noun."""
    open_at = ti - 1
    if open_at >= 1 and toks[open_at].low == "from":
        open_at -= 1
    if open_at < 1 or toks[open_at].text != "(" or toks[open_at - 1].fig >= 0 or not toks[open_at - 1].word:
        return None
    if not (f.unit is None or is_money(f.unit)) or _np_after_figure(toks, ti)[1]:
        return None
    if f.unit is None and f.value is not None and 1 <= f.value <= 120 and ti + 1 < len(toks) \
            and toks[ti + 1].text == ")" and open_at == ti - 1 and open_at >= 2 and toks[open_at - 1].cap \
            and toks[open_at - 2].cap and toks[open_at - 2].word:
        return None  # "Sarah Jones (34) was arrested": a person's age, not a count in a list
    base = _first_counted(ctx, toks, ti, f, entities)
    if not base:
        return None
    label: list[str] = []
    k = open_at - 1
    while k >= 0 and toks[k].word and not toks[k].cap and toks[k].low not in STOP and len(label) < 3 \
            and toks[k].low not in TIME_WORDS and toks[k].low not in NOT_NOUNS and toks[k].low[:1].isalpha():
        label.insert(0, toks[k].low)
        k -= 1
    if not toks[open_at - 1].low[:1].isalpha():
        return None  # "March 7 (700,000)": a date, not a label
    if label and toks[open_at - 1].cap:
        label = []
    return (f"{base[0]} in {' '.join(label)}" if label else base[0]), base[1], None


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
        if not np:
            continue
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


def _rate_noun(vocab: Vocabulary, toks: list[Tok], ti: int) -> tuple[str, str | None, None] | None:
    """The rate or growth a percentage is the value of: "4.2% unemployment", "a 2% inflation goal",
    "the unemployment rate ... fell from 4.3% to 4.2%", "the yearly increase from 3.6% to 3.8%"."""
    n = len(toks)
    after: list[Tok] = []
    j = ti + 1
    while j < n and toks[j].word and toks[j].low not in STOP and len(after) < 3:
        after.append(toks[j])
        j += 1
    if after:
        m, _ = _measure_at(vocab, after, len(after) - 1)
        if after[-1].low in RATE_HEADS or (m and m.kind == "noun" and len(after) == 1):
            return _rate_phrase(vocab, after)
    for k in range(ti - 1, max(-1, ti - 16), -1):
        t = toks[k]
        if t.text in (";", ":", ".") or (t.fig >= 0 and toks and t.fig != toks[ti].fig and
                                          toks[k].low[-1:] != "%" and "percent" not in t.low):
            return None
        if t.word and t.low in RATE_HEADS and t.low not in STOP:
            words = [t]
            b = k - 1
            while b >= 0 and toks[b].word and toks[b].low not in STOP and len(words) < 4:
                words.insert(0, toks[b])
                b -= 1
            return _rate_phrase(vocab, words)
    return None


def _rate_phrase(vocab: Vocabulary, words: list[Tok]) -> tuple[str, str | None, None]:
    """(entity, measure) for a rate's words: the measure of a cue they hold when it heads them
    ("unemployment rate" -> unemployment), else the phrase itself ("inflation goal")."""
    text = " ".join(t.low for t in words)
    for b in range(len(words)):
        m = _longest_cue(vocab, words, b)
        if m and m.kind == "noun":
            head_is_cue = b == len(words) - 1 or words[-1].low in ("rate", "rates")
            if len(words) == 1 and m.entity:
                return m.entity, m.measure, None  # "4.2% unemployment" -> unemployment rate
            return text, (m.measure if head_is_cue or m.measure == "wages" else text), None
    return text, text, None


def _time_entity(entity: str | None) -> bool:
    """An entity that only says a stretch of time ("time", "duration of the strike")."""
    return bool(entity) and (entity == "time" or entity.startswith("duration"))
