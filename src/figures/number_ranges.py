"""Joining read numbers: ranges ("between 1,100 and 1,300", "£10m-£12m", "four to five thousand"),
bound pairs, proportions ("one in three"), a change and a level ("rose from 99 to 101" is two
figures), and the qualifier a conversion in brackets inherits."""
from __future__ import annotations

import dataclasses
import re

from figures.number_patterns import (
    _BOUND_PAIR_GAP, _CHANGE_GAP, _GAP_RANGE, _LIST_GAP, _LIST_ITEM_BEFORE, _PAREN_GAP, _RATIO_GAP,
    _SCALE_IN_WORDS, _SCALE_WORD_END, _TWO_WORDS_BEFORE, _word_before, _WORDS,
)
from figures.number_reading import _Atom
from figures.number_vocabulary import _CONTEXT, _CURRENCY_CODES


def _combine(text: str, atoms: list[_Atom]) -> list[_Atom]:
    """Join ranges ("between 1,100 and 1,300", "£10m-£12m", "three- and four-storey") and pass a
    qualifier on to a conversion in brackets ("at least £600m ($775m)")."""
    out: list[_Atom] = []
    i = 0
    level_chain = False  # the last atom was the level a change reached ("from $10 to $20"): "to $30" is another
    while i < len(atoms):
        a = atoms[i]
        if i + 3 < len(atoms) and _revised_range(text, atoms[i:i + 4]):
            # "cut its forecast from 5 to 7 per cent to 3 to 5 per cent": an old range and a new one
            out += [_range(atoms[i], atoms[i + 1]), _range(atoms[i + 2], atoms[i + 3])]
            i += 4
            level_chain = False
            continue
        if i + 1 < len(atoms):
            b = atoms[i + 1]
            gap = text[a.end:b.num_start]
            if level_chain and _CHANGE_GAP.match(gap):
                out.append(a)  # "rose from $10 to $20 to $30": each is a level, none a range
                i += 1
                continue
            if b.qualifier is None and _GAP_RANGE.match(gap) and (a2 := _share_word_scale(text, a, b)):
                if _is_range(text, a2, b, gap):  # "four to five thousand": 4,000 to 5,000
                    a = a2
            up_to = (b.qualifier == "up_to" and not text[a.end:b.start].strip() and a.qualifier is None
                     and _between_from(text, a)
                     and _is_range(text, a, b, " to "))  # "sizes from 450 sq ft up to 900 sq ft"
            if up_to or (b.qualifier is None and _is_range(text, a, b, gap)):
                joined = _range(a, b)
                intro = _between_from(text, a)
                if intro and not (_is_dash(gap) and _change_from(text, intro, a, b)):
                    joined.start = intro.start("w")  # not "from 2-3%" in "cut from 2-3% to 1-2%": that is a change's
                out.append(joined)
                i += 2
                level_chain = False
                continue
            level_chain = bool(_CHANGE_GAP.match(gap))
            if _BOUND_PAIR_GAP.match(text, a.end, b.start) and {a.reading, b.reading} == {"above", "under"}:
                lo, hi = (a, b) if a.reading == "above" else (b, a)
                if lo.value < hi.value:  # "above 1,000 and below 1,500", "at most 100 and at least 20"
                    joined = _range(lo, hi)
                    joined.start, joined.end, joined.num_start = a.start, b.end, a.num_start
                    out.append(joined)
                    i += 2
                    continue
            if _CHANGE_GAP.match(gap) and a.unit is None and a.scale == 1.0 and b.qualifier is None:
                end = _closing_end(text, atoms, i + 1)  # "from 24.2 to 33-35 billion": the range's end
                if end.scale > 1 and end.raw / 10 <= a.raw <= end.raw * 10:  # "from 10 to 12 million"
                    a.value, a.scale, a.place = a.raw * end.scale, end.scale, a.place * end.scale
                if end.unit and end.unit not in _CURRENCY_CODES:  # "from 4.8 to 4.7 percent"
                    a.unit = end.unit
            if (_RATIO_GAP.match(text, a.end, b.start) and a.unit is None and b.unit is None and b.qualifier is None
                    and a.qualifier in (None, "exact", "about") and 0 < a.value < b.value <= 1000):
                # "one in three adults", "9 out of 10": a proportion
                out.append(_Atom(start=a.start, end=b.end, num_start=a.num_start, num_end=b.num_end,
                                 value=a.value / b.value, raw=a.value / b.value, scale=1.0, place=0.001,
                                 unit="fraction", unit_end=b.end, qualifier=a.qualifier, reading=a.reading))
                i += 2
                continue
            if _PAREN_GAP.match(gap) and b.qualifier is None and a.qualifier:
                b.qualifier, b.reading = a.qualifier, a.reading
        if a.unit is not None and out and _LIST_GAP.match(text[out[-1].end:a.num_start]):
            _share_unit_back(text, out, a)  # "8-, 10- or 12-inch sizes": every item is in inches
        out.append(a)
        i += 1
    return out


def _between_from(text: str, a: _Atom):
    """"between" or "from" right before ``a`` (the word that opens a range or a change), or None; past
    a determiner or a word of time ("from the current 62 to 64", "from an earlier 3%")."""
    return _OPENER.search(text, max(0, a.start - 30), a.start)


_OPENER = re.compile(r"(?<![\w])(?P<w>between|from)\s+(?:(?:the|an?|its|their)\s+(?:(?:current|present|previous|"
                     r"earlier|initial|original|existing|planned)\s+)?)?$", re.IGNORECASE)


def _share_unit_back(text: str, out: list[_Atom], last: _Atom) -> None:
    """Give the unit written once, on the last item of a suspended-hyphen list, to the items before it."""
    nxt = last
    for item in reversed(out):
        if item.unit is not None or not _LIST_GAP.match(text[item.end:nxt.num_start]):
            return
        item.unit = last.unit
        nxt = item


def _is_dash(gap: str) -> bool:
    """A pair joined by a dash ("2-3%", "10–12") is an interval even where a change follows."""
    return gap.strip() in ("-", "–", "—", "~")


def _closing_end(text: str, atoms: list[_Atom], j: int) -> _Atom:
    """The atom that closes the figure starting at atoms[j]: its partner when the two are a dash-joined
    range ("33-35 billion euros"), else itself."""
    if j + 1 < len(atoms) and _is_dash(text[atoms[j].end:atoms[j + 1].num_start]):
        return atoms[j + 1]
    return atoms[j]


def _change_from(text: str, intro, a: _Atom, b: _Atom) -> bool:
    """Is "from A to B" a change (two figures) rather than an interval? "rose from 99 to 101", "was
    reduced from 44 to 50", "slow slightly from 4.8 to 4.7" are changes; "ranged from", "is from
    200 to 300", "high, from 7 to 10" are intervals."""
    vb = _TWO_WORDS_BEFORE.search(text, max(0, intro.start() - 40), intro.start())
    for w in (vb.group(2), vb.group(1)) if vb else ():
        w = (w or "").lower()
        if w in _CONTEXT["range_verb"]:
            return False
        if w in _CONTEXT["change_verb"] or (w.endswith("ed") and len(w) > 4):
            return True
    # a change verb earlier in the sentence governs a later pair too: "revised up August's numbers
    # by 17,000 jobs, from 142,000 to 166,000"; and a pair written high to low with no range verb
    # is a fall, not an interval ("from 131,000 to 97,000"). A particle counts only in the pair's own
    # clause ("cases shot up in May from 10 to 20"): in "the rules, drawn up in 2019, set fines from
    # $5,000 to $20,000" a comma stands between them, and the pair is an interval.
    lo = max(0, intro.start() - 120)
    words = list(_WORDS.finditer(text, lo, intro.start()))
    sentence = words[max((i + 1 for i, w in enumerate(words) if w.group() == "."), default=0):]
    clause = max(text.rfind(",", lo, intro.start()), text.rfind(";", lo, intro.start()))

    def changes(w: re.Match) -> bool:
        word = w.group().lower()
        if word in _CONTEXT["change_verb"]:
            return w.start() > clause or word not in _CONTEXT["particle"]
        return word in _CONTEXT["change_noun"]

    return b.value < a.value or any(changes(w) for w in sentence)


def _revised_range(text: str, four: list[_Atom]) -> bool:
    """"from 5 to 7 per cent to 3 to 5 per cent" after a change: two ranges, each written with its unit
    or scale on its second end only (a sequence of levels, "from $10 to $20 to $30 to $40", writes
    each one whole)."""
    a, b, c, d = four
    if not all(_CHANGE_GAP.match(text[x.end:y.num_start]) for x, y in ((a, b), (b, c), (c, d))):
        return False
    intro = _between_from(text, a)
    if not (intro and intro.group("w").lower() == "from" and _change_from(text, intro, a, b)):
        return False
    if any(x.qualifier is not None for x in four):
        return False

    def shares_second_end(lo: _Atom, hi: _Atom) -> bool:
        unit_shared = lo.unit is None and hi.unit is not None
        scale_shared = lo.scale == 1.0 and hi.scale > 1.0 and lo.unit in (None, hi.unit)
        return (unit_shared or scale_shared) and lo.raw * (hi.scale if scale_shared else 1.0) <= hi.value

    return shares_second_end(a, b) and shares_second_end(c, d) and (b.unit, b.scale) == (d.unit, d.scale)


def _share_word_scale(text: str, a: _Atom, b: _Atom) -> _Atom | None:
    """"four to five thousand", "ten to twelve million": the scale that closes the second end applies
    to the first when the first, scaled, is of the same order (4 -> 4,000 before 5,000)."""
    if a.unit is not None or a.scale != 1.0 or not 0 < a.raw < b.value / 50:
        return None
    if not _SCALE_WORD_END.search(text, b.num_start, b.num_end) or _SCALE_IN_WORDS.search(text, a.num_start, a.num_end):
        return None
    k = 100.0
    while a.raw * k * 10 <= b.value:
        k *= 10
    if a.raw * k > b.value:
        return None
    return dataclasses.replace(a, value=a.value * k, place=a.place * k, scale=k)


def _is_range(text: str, a: _Atom, b: _Atom, gap: str) -> bool:
    if not _GAP_RANGE.match(gap):
        return False
    joiner = gap.strip().lower()
    if joiner in ("-to-", "to-"):  # "a 10-to-12-week course": a compound, an interval like "10-12" even after "rose"
        joiner = "-"
    if joiner.startswith("-") and joiner != "-" and _LIST_ITEM_BEFORE.search(text, max(0, a.start - 12), a.start):
        return False  # "four-, five- and six-cylinder": a list of three, not a range of the last two
    intro = _between_from(text, a)
    if joiner == "and":
        return bool(intro and intro.group("w").lower() == "between")
    if intro and intro.group("w").lower() == "from" and not _is_dash(gap) and _change_from(text, intro, a, b):
        return False  # "rose from 99 to 101": a change, two figures; but "from 2-3% to ..." starts with a range
    if joiner == "or":  # "three or four years": an interval when the two are close
        return a.unit in (None, b.unit) and a.qualifier in (None, "exact") and 0 < a.value < b.value <= 2 * a.value + 1
    if joiner == "to" and not intro:
        before = _word_before(text, a.start)
        if before in _CONTEXT["change_verb"]:
            return False  # "rose $1.20 to $84.50": a change and a level, not a range
        if before == "by" and b.value > 2 * abs(a.value) + 1:
            return False  # "rose by £7,000 to £285,000"; but "dropped by 1 to 1.5 degrees" is a range
    if a.qualifier not in (None, "exact", "about") and joiner != "-":
        return False
    lo = a.raw * (b.scale if a.scale == 1.0 and b.scale > 1 else a.scale)
    if a.unit and b.unit and a.unit != b.unit:
        return False
    if a.unit == "percent" and b.unit is None and b.value > 100:
        return False  # "gained 0.7 percent to 6,327.80": a change and an index level
    return lo <= b.value or bool(intro)  # "ranged from -18 to -34": an interval written high to low


def _range(a: _Atom, b: _Atom) -> _Atom:
    scale = b.scale if a.scale == 1.0 and b.scale > 1 and a.raw <= b.raw else a.scale
    lo = a.raw * scale
    unit = a.unit or b.unit
    place = a.place * (scale / a.scale if a.scale else 1.0)
    lo, hi = min(lo, b.value), max(lo, b.value)
    return _Atom(start=a.start, end=b.end, num_start=a.num_start, num_end=b.num_end, value=lo, raw=a.raw,
                 scale=scale, place=min(place, b.place), unit=unit, unit_end=b.unit_end, qualifier="range",
                 reading="range", low=lo, high=hi)
