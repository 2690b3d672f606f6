"""What an amount of money is for or of: "spent £1.5m on legal costs" -> "legal costs", "£50m will be
given to Rwanda" -> "payment to Rwanda", "the cost of rebuilding Lahaina", "$3bn in damage"."""
from __future__ import annotations

from figures.counted_nouns import _subject_before
from figures.lexicon import AUXILIARIES, CHANGE_VERBS, COPULA, DETERMINERS, MONEY_NOUNS, STOP, TIME_UNITS, TIME_WORDS, TRANSPARENT
from figures.tokens import Tok
from figures.word_classes import word_class


# verbs that hand money to someone: "£50m will be given to Rwanda" -> "payment to Rwanda"
_GIVE = word_class("entity_words.tsv", "give_verb")
# words between an amount and what it is spent on: "£1.5m has been spent on legal costs"
_MONEY_LINK = word_class("entity_words.tsv", "money_link")
# kinds of money an amount is "in": "$3bn in damage", "£3bn in subsidies"
_MONEY_KINDS = word_class("entity_words.tsv", "money_kind")
_OWNER_PREP = frozenset({"to", "for", "of"})
_NEEDED = word_class("entity_words.tsv", "needed_verb")
# verbs whose "for" gives a reason, not a purpose: "fined £20m for failures"
_PENALTY = word_class("entity_words.tsv", "penalty_verb")
# nouns for a whole programme: money "on the scheme" is its spending, not a purpose within it
_PROGRAMME = word_class("entity_words.tsv", "programme_noun")


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
    if prep == "for" and (toks[j + 1].cap or toks[j + 1].fig >= 0 or _penalty_before(toks, ti)):
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


_MONEY_OF = word_class("entity_words.tsv", "money_of_noun")
# measures of money spent or owed, whose entity names what for; not a price, revenue or profit
_SPENDING = word_class("entity_words.tsv", "spending_measure") | {None}  # no measure at all


_ADVERBS = frozenset("alone also still already now even just only".split())


def _money_of(toks: list[Tok], ti: int) -> str | None:
    """"the cost of rebuilding Lahaina is estimated at $6bn" -> "cost of rebuilding Lahaina";
    "the new stadium will cost $1.2bn" -> "cost of new stadium"."""
    v = ti - 2 if ti >= 3 and toks[ti - 1].cap and toks[ti - 1].word else ti - 1  # "the war has cost Russia $200bn"
    if v >= 1 and toks[v].low in ("cost", "costs", "costing"):
        j = v - 1
        while j >= 0 and (toks[j].low in AUXILIARIES or toks[j].low in _ADVERBS or (
                toks[j].low.endswith("ly") and not toks[j].cap)):
            j -= 1  # "the closure alone will probably cost $50m": past the adverbs to what costs
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


def _penalty_before(toks: list[Tok], ti: int) -> bool:
    """A penalty verb right before the amount or before the one penalised: "fined £20m",
    "fined Barclays £40m", "fined the bank £40m"."""
    j = ti - 1
    while j >= 1 and ti - j <= 3 and toks[j].word and toks[j].low not in _PENALTY and (
            toks[j].cap or toks[j].low in DETERMINERS or toks[j].low not in STOP):
        j -= 1
    return j >= 0 and toks[j].low in _PENALTY


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
