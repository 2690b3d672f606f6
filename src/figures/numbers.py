"""Figures in text: "12,000", "1.2m", "$3.5bn", "twelve thousand", "about", "more than", ranges
-> value + logical interval + pragmatic interval + unit.

``find_figures(text)`` returns every figure in text order and, separately, the numbers it passed
over with the reason (``NonFigure``). ``text[f.start:f.end]`` is the figure's surface: qualifier
words, sign, currency symbol, number, scale and unit ("more than 3,000", "£140m", "about 12
hours"), never the counted noun. ``number_start``/``number_end`` bound the number itself (with
currency symbol and scale), ``unit_end`` the unit word when one follows.

What is read
  digits with thousands separators and decimals, thousands grouped by spaces ("816 000",
  U+00A0, U+202F, U+2009) and Indian grouping ("1,00,000", "12,34,567.89"); signs (+, -,
  U+2212, "minus", "negative"); scale words and suffixes ("1.2 million", "1.2m", "$3.5bn", "800
  thousand", "half a million", "£700million", "Rs 500 crore", "₹2 lakh", "US$ 1MM"); scaled ISO
  codes ("30 MUSD", "MSEK 120", "75 USD million"); spoken decimals ("five point five percent");
  scientific notation ("1.5e6", "1.5×10^6", "2.48×10−5", "3×10⁶"); spelled-out and hyphenated
  numbers ("twelve thousand", "12-thousand", "four-thousand-100", "a dozen", "two-and-a-half")
  through text2num, with a small fold for mixed digit/word forms; fractions ("two-thirds", "a
  quarter of", "half of", "⅔", "grew by a fifth", "cut by half", "... a tenth.", and slash
  fractions "1/4 of", "a 2/3 majority", "3/4") and proportions ("one in three", "9 out of 10")
  -> unit "fraction"; half of a unit ("half an hour", "half a percentage point"); multipliers
  ("eightfold", "8-fold", "eight times higher", "double the", "twice as many", "a doubling of";
  not the verb "doubled") -> unit "dimensionless"; percentages ("percent") and percentage points; currencies by symbol, code or
  name -> ISO 4217 code (a bare "$" is USD); measured quantities through the unit spellings of
  ``data/units.txt`` (see ``figures.units``), including ages ("66-year-old" -> year) and glued
  temperatures ("1.1C"); "magnitude 7.8" -> unit "magnitude" (the span is the number).

Qualifiers (``data/qualifiers.tsv``) give the qualifier and two intervals:
  logical   what the words strictly allow; None is unbounded. exact [v, v]; about (None, None);
            nearly/almost (None, v]; more than/over/at least [v, None); less than/up to/at
            most (None, v]; range [low, high].
  pragmatic what a reader takes the words to mean, from the written precision: ``r`` is half a
            unit of the last significant digit ("3,000" -> 500, "3,162" -> 0.5, "£1.5m" ->
            50,000) and ``tol = max(r, 10 % of v)``. exact [v-r, v+r]; about [v-tol, v+tol];
            nearly [v-tol, v]; more than [v, v+tol]; up to [v-tol, v]; range [low-r, high+r].
  Ranges: "between A and B", "A-B", "A to B", "from A to B" with no verb or after "ranged",
  "A or B" when close ("three or four"), "three- and four-storey", and bound pairs ("above
  1,000 and below 1,500"). A range's ``value`` is its low end (the gold corpus's convention).
  "rose from 99 to 101" and "rose $1.20 to $84.50" are a change and a level: two figures; so is
  each level of a chain ("rose from $10 to $12 to $15"). Inside a change a range stays a range:
  "cut from 2-3% to 1-2%", "revised from 5 to 7 per cent to 3 to 5 per cent" are an old range
  and a new one.
  A conversion in brackets takes the qualifier of the figure it converts ("at least £600m
  ($775m)"). "over" before a duration is a period ("over five years"), not a bound.

Not figures (returned as ``NonFigure`` with a reason): "date" (calendar dates, "Thursday (9)"),
"year" (years and year spans, "2022-23"; a four-digit number in 1800-2100 is a year unless a
bound, unit or currency goes with it, or a counted plural noun follows it with no year word
before it: "1950 homes were destroyed" is a figure, "in 2000 people", "the 2015 attacks" are
years), "decade" ("1990s", "the 80s", "mid-2000s"), "time" (clock times), "ordinal" ("3rd"),
"identifier" (numbers inside names: "G7", "COVID-19", "Article 5", "Boeing 737", "S&P 500",
"Big 12 Conference", URLs, IP addresses; and a short number right after a capitalised name with
nothing counted after it: "HIV 2", "Covid 19 pandemic", "Ligue 1.", "Chapter 11 bankruptcy",
"Boeing's own 787"; "Labour 412 seats", "Texas 40 were" are counts), "pronoun" (a bare "one"
with no unit, qualifier or "by"/"to" before it: "one of the", "one expert said"; "at least one
camp" and "one more rate cut" are amounts), "reference" (a
small spelled number that re-identifies things: "the two countries"), "idiom" ("ground zero"),
"window" (a statistic's window: "three-month average"), "bracket" (the age bracket that defines
a group: "60% of men aged 18 to 34"; but "the victims were aged 18 to 34" is a figure), "score" (a
high-low pair of small numbers or one before win/draw/vote: "2-1 win", "219-212", "drew 3-3."), "slash" ("9/11", "24/7", "on 3/4",
"the 1/6 committee": slash forms that are not a proper fraction with "of", a unit, a bound or a
denominator up to 10), "phone", "too large" (more digits than any news figure; a float would
overflow).

Vague amounts ("hundreds", "tens of thousands", "several hundred", "dozens", "millions more")
are NOT figures: they come back as ``NonFigure(reason="vague")`` whose ``low``/``high`` hold the
reading ("hundreds" -> [200, 999]). The annotation rules say they are not claims and the scorer
leaves them out; the claims layer may keep them as unparsed mentions.

Durations written as amounts ("12 hours", "two weeks") are figures with a time unit.

Not read (deliberately; see tests/data/research/out_of_scope.tsv): powers of bases other than
ten ("2^10"), compound amounts ("5 ft 2 in", "3 dollars 50 cents").
"""
from __future__ import annotations

import bisect

from figures.non_figures import (
    _BLOCKERS, _is_age_bound, _is_group_bracket, _is_slash_fraction, _SCORE, _SCORE_WORD, _VAGUE, _vague,
)
from figures.number_patterns import _CORE, _CORE_START, _FRACTION_SLASH, _HAS_NUMBER, _SPACE_IN_DIGITS
from figures.number_ranges import _combine
from figures.number_reading import _Atom, _read
from figures.number_records import Figure, NonFigure

__all__ = ["Figure", "NonFigure", "find_figures"]


def find_figures(text: str) -> tuple[list[Figure], list[NonFigure]]:
    """Every figure in ``text`` in order, and the numbers passed over with the reason."""
    if not text or not _HAS_NUMBER.search(text):
        return [], []
    if "⁄" in text or "∕" in text:  # "1⁄32": the fraction slash and division slash read as "/"; same length
        text = text.translate(_FRACTION_SLASH)
    nonfigs: list[NonFigure] = []
    # spans set aside before reading numbers: disjoint, kept sorted; earlier patterns win
    blocked: list[tuple[int, int]] = []
    starts: list[int] = []

    def block(nf: NonFigure) -> None:
        if not _overlaps_sorted(blocked, starts, nf.start, nf.end):
            i = bisect.bisect_left(starts, nf.start)
            blocked.insert(i, (nf.start, nf.end))
            starts.insert(i, nf.start)
            nonfigs.append(nf)

    for rx, reason in _BLOCKERS:
        for m in rx.finditer(text):
            if reason == "slash" and _is_slash_fraction(text, m.start(), m.end()):
                continue  # "1/4 of the budget", "a 2/3 majority": read below as a fraction
            block(NonFigure(m.start(), m.end(), reason))
    for m in _SCORE.finditer(text):
        if int(m.group(1)) >= int(m.group(2)) or _SCORE_WORD.match(text, m.end()):
            block(NonFigure(m.start(), m.end(), "score"))  # "a 2-1 win", "a 5-4 ruling"
    for m in _VAGUE.finditer(text):
        block(_vague(m))

    atoms: list[_Atom] = []
    pos = 0
    while (m := _core_search(text, pos)) is not None:
        pos = m.end()
        if _overlaps_sorted(blocked, starts, m.start(), m.end()):
            if m.group("digits") and _SPACE_IN_DIGITS.search(m.group("digits")):
                pos = m.start() + 1  # "May 5 200 people": the date is "May 5", the figure 200
            continue
        read = _read(text, m)
        if isinstance(read, NonFigure):
            nonfigs.append(read)
            pos = max(m.start() + 1, read.end)
        elif read is not None:
            pos = max(m.start() + 1, min(pos, read.num_end) if m.group("words") else pos, read.end)
            if atoms and read.num_start < atoms[-1].end:  # a unit or post-qualifier swallowed it
                continue
            if atoms and read.start < atoms[-1].end:  # qualifier words claimed by two figures
                prev = atoms[-1]
                if prev.before_post is not None and read.start >= prev.before_post[0]:
                    # "200 or greater than 190": the words open the next figure, not close this one
                    prev.end, prev.qualifier, prev.reading = prev.before_post
                    prev.before_post = None
                else:
                    read.start, read.qualifier, read.reading = read.num_start, None, "point"
            atoms.append(read)
        elif m.group("words"):
            pos = m.start() + 1
    figures = []
    for a in _combine(text, atoms):
        if a.qualifier == "range" and _is_group_bracket(text, a.start):
            nonfigs.append(NonFigure(a.start, a.end, "bracket"))  # "men aged 18 to 34": who is counted
        elif a.reading in ("below", "above", "under") and a.unit is None and a.start < a.num_start \
                and _is_age_bound(text, a.start, a.end, a.value):
            nonfigs.append(NonFigure(a.start, a.end, "bracket"))  # "children under 15": who is counted
        else:
            figures.append(_figure(a))
    nonfigs.sort(key=lambda n: (n.start, n.end))
    return figures, nonfigs


def _core_search(text: str, pos: int):
    """``_CORE.search(text, pos)``, tried only where a number can start (``_CORE_START``)."""
    while (c := _CORE_START.search(text, pos)) is not None:
        if (m := _CORE.match(text, c.start())) is not None:
            return m
        pos = c.start() + 1
    return None


def _overlaps_sorted(spans: list[tuple[int, int]], starts: list[int], s: int, e: int) -> bool:
    """Does [s, e) overlap one of the disjoint, sorted spans? Only the last one starting before e can."""
    i = bisect.bisect_left(starts, e)
    return i > 0 and spans[i - 1][1] > s


def _figure(a: _Atom) -> Figure:
    v = a.value
    r = a.place / 2
    tol = max(r, 0.1 * abs(v))
    reading = a.reading
    if a.qualifier == "range":
        low, high, plo, phi = a.low, a.high, a.low - r, a.high + r
    elif reading == "around":
        low, high, plo, phi = None, None, v - tol, v + tol
    elif reading == "below":
        low, high, plo, phi = None, v, v - tol, v
    elif reading == "above":
        low, high, plo, phi = v, None, v, v + tol
    elif reading == "under":
        low, high, plo, phi = None, v, v - tol, v
    else:
        low, high, plo, phi = v, v, v - r, v + r
    return Figure(start=a.start, end=a.end, value=v, low=low, high=high, qualifier=a.qualifier or "exact",
                  unit=a.unit, pragmatic_low=plo, pragmatic_high=phi, unit_end=a.unit_end,
                  number_start=a.num_start, number_end=a.num_end)
