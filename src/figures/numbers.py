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
  -> unit "fraction"; multipliers ("eightfold", "8-fold", "eight times higher") -> unit
  "dimensionless"; percentages ("percent") and percentage points; currencies by symbol, code or
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
  "rose from 99 to 101" and "rose $1.20 to $84.50" are a change and a level: two figures.
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
with no unit, qualifier or "by"/"to" before it: "one of the", "one expert said"), "reference" (a
small spelled number that re-identifies things: "the two countries"), "idiom" ("ground zero"),
"window" (a statistic's window: "three-month average"), "score" (a high-low pair of small
numbers or one before win/draw/vote: "2-1 win", "219-212"), "slash" ("9/11", "24/7", "on 3/4",
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
import dataclasses
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from text_to_num import text2num

from figures.units import spellings as unit_spellings

__all__ = ["Figure", "NonFigure", "find_figures"]


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure as written. ``text[start:end]`` is the figure's surface, qualifier words included."""

    start: int
    end: int
    value: float | None  # None for vague amounts with no point value ("tens of thousands")
    low: float | None  # logical interval: what the words strictly allow (None = unbounded)
    high: float | None
    qualifier: str = "exact"
    unit: str | None = None  # pint unit string, ISO 4217 code, "percent", or None for a count
    pragmatic_low: float | None = None  # what a reader takes the words to mean
    pragmatic_high: float | None = None
    unit_end: int | None = None  # where the unit word ends, when it follows the number
    number_start: int | None = None  # where the number itself (with currency symbol) starts
    number_end: int | None = None  # where the number with its scale ends


@dataclass(frozen=True, slots=True)
class NonFigure:
    """A number that is not a claim (a year, a date, an ordinal, part of a name), and why."""

    start: int
    end: int
    reason: str
    low: float | None = None  # for reason "vague": the amounts the words suggest
    high: float | None = None


# ----------------------------------------------------------------------------- vocabulary

_DATA = files("figures") / "data"


def _rows(name: str) -> list[list[str]]:
    out = []
    for line in (_DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(line.split("\t"))
    return out


def _alt(words) -> str:
    """A regex alternation, longest first so "per cent" wins over "per"."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


_QUALIFIERS = {(r[0].lower(), r[2]): (r[1], r[3]) for r in _rows("qualifiers.tsv")}
_SCALES = {r[0]: (float(r[1]), r[2]) for r in _rows("scales.tsv")}
_CURRENCY_PRE = {r[0]: r[1] for r in _rows("number_currencies.tsv")}
_CURRENCY_NEEDS_CONTEXT = {r[0] for r in _rows("number_currencies.tsv") if r[2:3] == ["context"]}
_CONTEXT: dict[str, set[str]] = {}
for _w, _k in _rows("number_context.tsv"):
    _CONTEXT.setdefault(_k, set()).add(_w)

_UNIT_SPELLINGS = unit_spellings()
# spellings never read as a unit after a number: one- and two-letter symbols that are words or
# other things in prose ("10 m" is handled apart), and names that are ordinary words
_UNIT_NOT_AFTER_NUMBER = {"won", "real", "reals", "rand", "rands", "floor", "floors", "mo", "kn", "min", "try",
                          "fraction", "fractions", "ppt", "ppts", "deg", "degs", "sterlings", "quids"}
_UNIT_WORDS = {w: u for w, u in _UNIT_SPELLINGS.items()
               if w not in _UNIT_NOT_AFTER_NUMBER and (len(w) > 1 or w == "%") and not w.startswith("pound ")}
_UNIT_WORDS["pound"] = _UNIT_WORDS["pounds"] = "pound"  # GBP when scaled, else lb (see _read_unit)
_UNIT_WORDS.update({"fold": "dimensionless", "-fold": "dimensionless", "percentage pts": "percentage_point",
                    "per cent": "percent", "percent": "percent"})

_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD_VALUE = {w: i for i, w in enumerate(_ONES)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}
_WORD_SCALE = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_FRACTION_WORDS = {"half": 2, "halves": 2, "fourth": 4, "fourths": 4, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
                   "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8,
                   "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10}
_UNICODE_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125, "⅙": 1 / 6}
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
           "(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?")

# ----------------------------------------------------------------------------- patterns

_W = r"(?:(?=fold\b)|\b)"  # a word number ends at a word boundary, or glued to "fold"
_WTOK = (rf"(?:(?:{'|'.join(_TENS)})(?:[-\s](?:{'|'.join(_ONES[1:10])}))?|{'|'.join(sorted(_ONES, key=len, reverse=True))}"
         rf"|hundred|thousand|million|billion|trillion|dozen){_W}")
_SEP = r"(?:\s+|\s*-\s*)"
_WSEP = r"(?:\s+and\s+|-and-|\s*-\s*|\s+)"
_WSEQ = (rf"(?:(?:a|an|one|half(?:\s+a)?|a\s+half|(?:a\s+)?quarter)[\s-]+(?:dozen|hundred|thousand|million|billion|trillion)\b"
         rf"|{_WTOK})"
         rf"(?:{_WSEP}{_WTOK}|-\d+(?![\d,.])){{0,15}}")  # bounded: a run of number words is read in steps
_SINGULAR_FRACTIONS = "|".join(w for w in _FRACTION_WORDS if not w.endswith("s") and w != "half")
_FRAC = (rf"(?:(?:a|an|one|{'|'.join(_ONES[2:10])})[\s-]+(?:{'|'.join(_FRACTION_WORDS)})(?=\s+of\b)"
         rf"|(?:{'|'.join(_ONES[2:10])})\s*[\s-]\s*(?:{'|'.join(w for w in _FRACTION_WORDS if w.endswith('s'))})\b"
         rf"|one\s*-\s*(?:{'|'.join(w for w in _FRACTION_WORDS if not w.endswith('s'))})\b"
         rf"|half(?=\s+of\b)"
         # without "of": after "by" ("grew by a fifth", "cut by half") or closing a clause ("a tenth.")
         rf"|(?<=\bby\s)(?:(?:a|an|one)[\s-]+(?:{_SINGULAR_FRACTIONS})\b|half\b)"
         rf"|(?:a|one)[\s-]+(?:{_SINGULAR_FRACTIONS})(?=\s*(?:[.,;:!?)]|$)))")
_GROUP_SPACE = "[ \u00a0\u202f\u2009]"  # "816 000", "1 200 000": space, no-break, narrow no-break, thin
_DIGITS = (r"\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?(?![\d,]\d)|"  # Indian grouping: "1,00,000", "12,34,567.89"
           rf"\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?(?![\d,]\d)|\d{{1,3}}(?:{_GROUP_SPACE}\d{{3}})+(?:\.\d+)?(?![\d]|[,.]\d)"
           r"|\d+(?:\.\d+)?|\.\d+")
_SPACE_IN_DIGITS = re.compile(_GROUP_SPACE)
# scientific notation as news writes it: "1.5e6", "1.5×10^6", "1.5 x 10^6", "2.48×10−5", "3×10⁶"
_EXPONENT = (r"[eE][-+]?\d{1,2}(?![\w.])|\s?[×x]\s?10(?:\^|\*\*)\s?[-−+]?\d{1,2}(?!\d)"
             r"|\s?×\s?10[-−]\d{1,2}(?!\d)|\s?[×x]\s?10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_EXPONENT_VALUE = re.compile(r"(?:[eE]|10(?:\^|\*\*)?\s?)([-−+⁻]?[\d⁰¹²³⁴⁵⁶⁷⁸⁹]+)$")
_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻−", "0123456789--")
_DIGIT_WORDS = {w: i for i, w in enumerate(_ONES[:10])} | {"oh": 0, "nought": 0, "naught": 0}
_SPOKEN_DECIMAL = re.compile(rf"\s+point\s+((?:{'|'.join(_DIGIT_WORDS)})(?:[\s-]+(?:{'|'.join(_DIGIT_WORDS)}))*)\b",
                             re.IGNORECASE)
_CORE = re.compile(
    rf"(?P<frac>\b{_FRAC})|(?P<unionly>(?<![\d.,])[½¼¾⅓⅔⅛⅙])"
    rf"|(?P<words>\b{_WSEQ})(?P<half>{_SEP}and{_SEP}a{_SEP}(?:half|quarter)\b)?"
    rf"|(?<![\d.,/])(?P<slash>\d{{1,2}}/\d{{1,3}})(?![\d/]|\.\d)"
    rf"|(?<![\d.,])(?P<digits>{_DIGITS})(?:\s(?P<mixed>\d/\d{{1,2}})(?![\d/])|(?P<uni>[½¼¾⅓⅔⅛])|(?P<exp>{_EXPONENT}))?",
    re.IGNORECASE)
_HAS_NUMBER = re.compile(rf"\d|[½¼¾⅓⅔⅛]|\b(?:{'|'.join(_ONES)}|{'|'.join(_TENS)}|dozen|hundred|thousand|million"
                         rf"|billion|half|third|quarter|fourth|fifth|sixth|seventh|eighth|ninth|tenth)", re.IGNORECASE)

_MONTH = rf"(?:{_MONTHS})"
_STREET = _alt(w.capitalize() for w in _CONTEXT["street"])
_STREET_FIRST = _alt(w.capitalize() for w in _CONTEXT["street_first"])
_BLOCKERS = [
    # URLs and addresses: https://..., www..., 192.168.1.2
    (re.compile(r"\b(?:https?://|www\.)\S+|\b\d{1,3}(?:\.\d{1,3}){3}\b"), "identifier"),
    # street addresses: 10 Downing Street, 9 E 71st St, 16-18 Harbour Avenue; not "30 Wall Street banks"
    (re.compile(rf"(?<![\d.,$£€])\b\d{{1,5}}(?:[-–]\d{{1,5}})?\s+(?:(?:[A-Z][\w'’.]*|\d+(?:st|nd|rd|th))\s+){{1,3}}"
                rf"(?:{_STREET})\b(?!\s+(?!does\b|goes\b)[a-z]{{3,}}s\b)"
                rf"|(?<![\d.,$£€])\b\d{{1,5}}\s+(?:{_STREET_FIRST})\.?\s+(?:(?:de|du|des|la|del)\s+)?[A-Z]\w*"), "identifier"),
    # (808) 555-1234, 808-555-1234, +44 20 7946 0958
    (re.compile(r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{3}\)\s?|\b\d{3}[\s.-])\d{3}[.-]\d{4}\b"
                r"|\+\d{1,3}(?:[\s.-]\d{2,4}){2,4}\b"), "phone"),
    # 6/2/2023, 2023-02-06, 06.02.2023
    (re.compile(r"(?<![\d.,/])\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}(?![\d/])"), "date"),
    # 21 October 2024, Feb. 6, October 21, 2024, March 2024
    (re.compile(rf"\b(?:[0-3]?\d(?:st|nd|rd|th)?(?:\s?[-–]\s?[0-3]?\d(?:st|nd|rd|th)?)?\s+(?:of\s+)?{_MONTH}"
                rf"(?:,?\s+\d{{4}}\b)?"
                rf"|{_MONTH}\s+(?:[0-3]?\d(?:st|nd|rd|th)?(?:\s?[-–]\s?[0-3]?\d\b)?(?![\d,]\d)(?:,?\s+\d{{4}}\b)?"
                rf"|\d{{4}}\b))"), "date"),
    # Thursday (9): a day of the month after a weekday
    (re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s*\(\s*[0-3]?\d\s*\)"), "date"),
    # 4:17 a.m., 16:30, 4pm, 0400 GMT
    (re.compile(r"\b\d{1,2}(?::\d{2}){1,2}(?:\s?[apAP]\.?[mM]\.?)?|\b\d{1,2}(?:[.:]\d{2})?\s?(?:[ap]\.m\.|[apAP][mM]\b)"
                r"|\b\d{4}\s?(?:GMT|UTC|BST|CET|EST|EDT|PST|HST)\b"), "time"),
    # 2022-23, 2022–2023, 1990s, '90s, mid-2023
    (re.compile(r"\b(?:1[89]|20)\d\d\s?[-–—/]\s?(?:(?:1[89]|20)\d\d|\d\d)(?![\d%]|[,.]\d)"), "year"),
    (re.compile(r"\b(?:mid|pre|post|late|early)-(?:1[89]|20)\d\d\b|\b(?:1[89]|20)\d0s\b|(?:'|’|\b)[1-9]0s\b", re.IGNORECASE),
     "decade"),
    # 9/11, 24/7, 1/4: slash forms are dates, slogans or fractions; none is read as a figure
    (re.compile(r"(?<![\d/.,])(?<!\d\s)\d{1,4}/\d{1,4}(?![\d/]|\.\d)"), "slash"),
]
_VAGUE = re.compile(
    r"\b(?:(?P<few>several|a\s+few|a\s+couple(?:\s+of)?|many|few)\s+(?P<fw>dozen|hundred|thousand|million|billion)s?"
    r"|(?P<tens>tens|dozens|hundreds|thousands|millions|billions|scores)"
    r"(?P<of>(?:\s+(?:of|upon)\s+(?:thousands|millions|billions))*))\b(?:\s+more\b)?",
    re.IGNORECASE)
_VAGUE_BASE = {"dozen": 12, "dozens": 12, "scores": 20, "tens": 10, "hundred": 100, "hundreds": 100,
               "thousand": 1e3, "thousands": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9}
_VAGUE_SPREAD = {"several": (3, 9), "a few": (2, 5), "a couple": (2, 3), "a couple of": (2, 3), "many": (3, 99),
                 "few": (2, 5)}

_SCORE = re.compile(r"(?<![\d.,\-–])(\d{1,3})\s?[-–]\s?(\d{1,3})(?![\d.,%]|\s?(?:[-–]|per\b|percent|million"
                    r"|billion|thousand|hundred|years?\b|months?\b|weeks?\b|days?\b|hours?\b))")
_SCORE_WORD = re.compile(r"\s+(?:win|victory|defeat|loss|draw|lead|vote|ruling|decision|scoreline|margin|majority|chance|split|odds)\b",
                         re.IGNORECASE)
_pre_phrases = [p for (p, pos) in _QUALIFIERS if pos == "pre"]
_post_phrases = [p for (p, pos) in _QUALIFIERS if pos == "post"]
_PRE_QUAL = re.compile(rf"(?<![\w-])(?P<q>{_alt(_pre_phrases)})\s*$", re.IGNORECASE)
_POST_QUAL = re.compile(rf"(?:\s*)(?P<q>{_alt(_post_phrases)})(?![\w])", re.IGNORECASE)
_CUR_PRE = re.compile(rf"(?:(?<![\w$])(?P<cur>{_alt(_CURRENCY_PRE)})\s?|(?P<sym>{_alt(k for k in _CURRENCY_PRE if not k.isalpha())}))$")
_SIGN = re.compile(r"(?:^|(?<=[\s(\[]))[+\-−]$")
_SCALE_SUFFIX = re.compile(rf"(?P<s>{_alt(k for k, (_, a) in _SCALES.items() if a in ('suffix', 'both'))})(?![A-Za-z])")
_SCALE_WORD = re.compile(
    rf"(?:\s+|\s*-\s*)(?P<s>{_alt(k.lower() for k, (_, a) in _SCALES.items() if a in ('word', 'both'))})s?\b",
    re.IGNORECASE)
_REDUNDANT_SCALE = re.compile(r"\s*(?:million|billion|thousand|trillion)\b", re.IGNORECASE)
_unit_alt = "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in sorted(_UNIT_WORDS, key=lambda w: (-len(w), w)))
_UNIT_AFTER = re.compile(rf"(?:\s?-\s?|\s)?(?P<u>{_unit_alt})(?![\w])", re.IGNORECASE)
# glued to the digits a few more spellings are units: "3min", "2mins" ("10 min" alone may be a minimum)
_GLUED_ONLY = {"min": "minute", "mins": "minute", "deg": "degree"}
_UNIT_GLUED = re.compile(rf"(?P<u>{_unit_alt}|{_alt(_GLUED_ONLY)})(?![\w])", re.IGNORECASE)
_TIMES = re.compile(r"\s+times\b(?=\s+(?:more|less|fewer|higher|lower|greater|larger|bigger|smaller|as|the|over"
                    r"|that|what)\b|\s*[,.;:)]|\s*$)", re.IGNORECASE)
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)(?![A-Za-z])", re.IGNORECASE)
_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude[\s-]+$", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"(?P<w>[A-Za-z][\w&.'’]*|#)\s*$")
_HYPHEN_WORD_BEFORE = re.compile(r"(?P<w>[A-Za-z]+)-$")
_ONE_PRONOUN_AFTER = re.compile(r"\s+(?:of|another|day|thing|way|time|side|hand|point)\b|-(?:off|time|way)\b",
                                re.IGNORECASE)
_WINDOW_AFTER = re.compile(rf"(?:-|\s)(?:day|week|month|year|quarter)\b(?:-|\s)(?:{'|'.join(_CONTEXT['window'])})\b",
                           re.IGNORECASE)
_GAP_RANGE = re.compile(r"^(?:\s*[-–—~]\s*|\s+(?:to|through|and|or)\s+|\s*-\s+(?:and|or|to)\s+)$", re.IGNORECASE)
_BETWEEN_FROM = re.compile(r"(?<![\w])(?P<w>between|from)\s+$", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s+([A-Za-z][\w]*)")
_NAME_TAIL = re.compile(r"\s*(?:$|[.,;:!?)\]”\"]|\s(?P<w>[a-z][a-z]*)\b(?!-))")
# one letter glued to the digits, case as written: "1.1C", "95F", "50p", "45g", "1.0l", "2L", "65W", "24h";
# "s" only after a decimal ("6.2s"; "in their 50s" is an age)
_GLUED_LETTER = {"C": "degree_Celsius", "F": "degree_Fahrenheit", "p": "penny", "g": "gram", "l": "litre",
                 "L": "litre", "W": "watt", "h": "hour", "s": "second"}
_GLUED_TEMPERATURE = re.compile(rf"([{''.join(_GLUED_LETTER)}])(?![\w])")
_CONVERSION_AFTER = re.compile(r"\s*\(\s*~?[\d.,]+\s*(?:ft|feet|foot|in|inches|yd|yards?)\b")
_WORDS = re.compile(r"[A-Za-z]+|\.(?=\s)")
_TWO_WORDS_BEFORE = re.compile(r"(?:([A-Za-z]+)\s+)?([A-Za-z]+)\s+$")
_CHANGE_GAP = re.compile(r"^\s+to\s+$", re.IGNORECASE)
_ONE_OR_AFTER = re.compile(rf"\s+(?:(?:or|to)\s+(?:two|three|2|3)\b|(?:in|out\s+of)\s+(?:\d|(?:{'|'.join(_ONES[2:])}"
                           rf"|{'|'.join(_TENS)}|a\s+hundred|a\s+thousand|a\s+million)\b))", re.IGNORECASE)
_RATIO_GAP = re.compile(r"\s+(?:in|out\s+of)\s+$", re.IGNORECASE)
_BOUND_PAIR_GAP = re.compile(r"\s*,?\s*(?:and|but)\s+$", re.IGNORECASE)
_PAREN_GAP = re.compile(r"^\s*[(\[]\s*$")
_DURATIONS = {"second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade", "century"}
_SIGN_WORD = re.compile(r"(?<!plus or )(?<!plus/)\b(?:minus|negative)[\s-]+$", re.IGNORECASE)
_CUR_POST = re.compile(rf"\s?(?P<sym>{_alt(k for k in _CURRENCY_PRE if not k.isalpha() and '$' not in k)})")
_RANGE_NEXT = re.compile(r"\s?[-–]\s?(\d{4})(?![\d,])")
_MAX_DIGITS = 24
_NUMBER_NEXT = re.compile(r"\s*[\d$£€]")
_SCALE_IN_WORDS = re.compile(r"million|billion|trillion|thousand", re.IGNORECASE)
_FRACTION_AFTER = re.compile(r"\s+of\b|(?:\s+|\s*-\s*)(?:million|billion|thousand|hundred)\b", re.IGNORECASE)
_ISO_CODES = sorted({c for c in _CURRENCY_PRE.values() if c.isalpha() and c.isupper() and len(c) == 3})
_CODE_SCALE = {"M": 1e6, "K": 1e3, "k": 1e3, "BN": 1e9}
_SCALED_CODE_AFTER = re.compile(rf"\s?(?P<s>M|K|k|BN)(?P<c>{'|'.join(_ISO_CODES)})\b")
_SCALED_CODE_BEFORE = re.compile(rf"(?<![\w$])(?P<s>M|K|k|BN)(?P<c>{'|'.join(_ISO_CODES)})\s?$")
_COUNTED_AFTER = re.compile(r"\s+(?P<n>[a-z][a-z-]*)\b(?:\s+(?P<mod_n>[a-z][a-z-]*)\b)?")
_FRACTION_SLASH = str.maketrans("⁄∕", "//")
_SCALE_WORD_END = re.compile(r"(?:hundred|thousand|million|billion|trillion)$", re.IGNORECASE)
_ERA_BEFORE = re.compile(r"(?:\bA\.D\.|\bAD)\s?$")
_ERA_AFTER = re.compile(r"\s?(?:AD|BCE?|CE|A\.D\.|B\.C\.(?:E\.)?|C\.E\.)(?![\w])")
_YEAR_PAIR_BEFORE = re.compile(r"\b[Bb]etween\s+(?P<era>A\.D\.\s?|AD\s)?(?P<y>\d{3,4})(?:\s?(?:AD|BCE?|CE))?\s+and\s+$")
_YEAR_PAIR_AFTER = re.compile(r"\s+and\s+(\d{4})(?![\d,.])")
_LIKELY_YEAR = re.compile(r"(?:1[89]|20)\d\d|2100")


@dataclass(slots=True)
class _Atom:
    """A number being read: mutable scratch, turned into a Figure at the end."""

    start: int  # with qualifier
    end: int  # with unit and post-qualifier
    num_start: int  # with sign and currency symbol
    num_end: int  # with scale
    value: float
    raw: float  # before the scale
    scale: float
    place: float  # unit of the last significant written digit, scale applied
    unit: str | None
    unit_end: int | None
    qualifier: str | None = None
    reading: str = "point"
    low: float | None = None  # set for ranges
    high: float | None = None


# ----------------------------------------------------------------------------- public


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
    while (m := _CORE.search(text, pos)) is not None:
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
            atoms.append(read)
        elif m.group("words"):
            pos = m.start() + 1
    figures = [_figure(a) for a in _combine(text, atoms)]
    nonfigs.sort(key=lambda n: (n.start, n.end))
    return figures, nonfigs


# ----------------------------------------------------------------------------- reading


def _overlaps_sorted(spans: list[tuple[int, int]], starts: list[int], s: int, e: int) -> bool:
    """Does [s, e) overlap one of the disjoint, sorted spans? Only the last one starting before e can."""
    i = bisect.bisect_left(starts, e)
    return i > 0 and spans[i - 1][1] > s


def _vague(m: re.Match) -> NonFigure:
    if m.group("few"):
        lo, hi = _VAGUE_SPREAD[" ".join(m.group("few").lower().split())]
        base = _VAGUE_BASE[m.group("fw").lower()]
    else:
        base = _VAGUE_BASE[m.group("tens").lower()]
        lo, hi = (2, 9.99) if m.group("tens").lower() != "dozens" else (2, 8.25)
        for word in re.findall(r"thousands|millions|billions", m.group("of") or "", re.IGNORECASE):
            base *= _VAGUE_BASE[word.lower()]
    return NonFigure(m.start(), m.end(), "vague", lo * base, hi * base)


def _plain_digits(s: str) -> str:
    """"12,000" / "816 000" -> "12000"."""
    s = s.replace(",", "")
    return _SPACE_IN_DIGITS.sub("", s) if not s.isascii() or " " in s else s


def _place_of_digits(s: str) -> float:
    s = _plain_digits(s)
    if "." in s:
        return 10.0 ** -len(s.split(".", 1)[1])
    stripped = s.rstrip("0")
    return 10.0 ** (len(s) - len(stripped)) if stripped else 1.0


def _place_of_value(v: float) -> float:
    if v != int(v):
        decimals = len(f"{v:.6f}".rstrip("0").split(".")[1])
        return 10.0 ** -decimals
    n, p = int(abs(v)), 1.0
    while n and n % 10 == 0:
        n //= 10
        p *= 10
    return p


_ONES_1_9 = set(_ONES[1:10])
_SMALL_WORDS = set(_ONES[:10])
_TOKEN = re.compile(r"[A-Za-z]+|\d+")


@lru_cache(maxsize=4096)
def _cardinal(tokens: tuple[str, ...]) -> tuple[int, float]:
    """How many leading tokens make one well-formed cardinal, and its value.

    "five six" -> (1, 5): two numbers side by side; "three and four" -> (1, 3): "and" only
    continues after hundred or a scale; "four thousand 100" -> (3, 4100).
    """
    total, group, factor = 0.0, 0.0, 1.0
    last, last_scale, used, i = None, float("inf"), 0, 0
    words = [t.lower() for t in tokens]
    if words[:2] == ["half", "a"] and len(words) > 2:
        factor, group, last, i = 0.5, 1.0, "small", 2
    elif words[:2] in (["a", "half"], ["a", "quarter"]) and len(words) > 2:
        factor, group, last, i = (0.5 if words[1] == "half" else 0.25), 1.0, "small", 2
    elif words[0] in ("half", "quarter") and len(words) > 1:
        factor, group, last, i = (0.5 if words[0] == "half" else 0.25), 1.0, "small", 1
    elif words[0] in ("a", "an") and len(words) > 1:
        group, last, i = 1.0, "small", 1
    while i < len(words):
        w = words[i]
        if w == "and":
            if last not in ("hundred", "scale"):
                break
            last = "and"
        elif w.isdigit() or w in _WORD_VALUE:
            ok = last in (None, "scale", "and", "hundred") or (last == "tens" and w in _ONES_1_9)
            if not ok:
                break
            group += float(w) if w.isdigit() else _WORD_VALUE[w]
            last = "tens" if w in _TENS else "small"
        elif w == "dozen":
            if last not in (None, "small", "tens"):
                break
            group, last = (group or 1.0) * 12, "small"
        elif w == "hundred":
            if last not in ("small", "tens") or group >= 100:
                break
            group, last = group * 100, "hundred"
        elif w in _WORD_SCALE:
            scale = _WORD_SCALE[w]
            if last not in ("small", "tens", "hundred") or scale >= last_scale:
                break
            total, group, last, last_scale = total + group * scale, 0.0, "scale", scale
        else:
            break
        i += 1
        if last != "and":
            used = i
    if used == 0:
        return 0, 0.0
    return used, (total + group) * factor


def _words_value(tokens: tuple[str, ...]) -> float:
    """A spelled-out cardinal's value: text2num for plain words, the fold for "a dozen",
    "half a million" and mixed digits ("four-thousand-100")."""
    if all(t.isalpha() for t in tokens) and tokens[0].lower() not in ("a", "an", "half", "quarter") and "dozen" not in tokens:
        try:
            return float(text2num(" ".join(t.lower() for t in tokens), "en"))
        except ValueError:
            pass
    return _cardinal(tokens)[1]


def _read(text: str, m: re.Match) -> _Atom | NonFigure | None:
    """One number and what is glued around it: sign, currency, scale, unit, qualifiers."""
    start, end = m.start(), m.end()
    scale, unit, unit_end = 1.0, None, None
    if m.group("unionly"):
        raw = value = _UNICODE_FRACTIONS[m.group("unionly")]
        place = 0.01
    elif m.group("slash"):
        if not _is_slash_fraction(text, start, end):  # not blocked ("3/4 0/0" after a digit) yet no fraction
            return NonFigure(start, end, "slash")
        a, b = m.group("slash").split("/")
        raw = value = int(a) / int(b)  # b > a > 0
        place = 0.01
    elif m.group("frac"):
        words = re.split(r"[\s-]+", m.group("frac").lower())
        if words == ["half"]:
            wb = _WORD_BEFORE.search(text, max(0, start - 20), start)
            if wb and wb.group("w").lower() in _CONTEXT["half_pre"]:
                return NonFigure(wb.start("w"), end, "idiom")  # "the second half of the game": a period
            raw = 0.5
        else:
            num = 1.0 if words[0] in ("a", "an", "one") else float(_WORD_VALUE[words[0]])
            raw = num / _FRACTION_WORDS[words[-1]]
        value, place, unit, unit_end = raw, 0.01, "fraction", end
    elif m.group("words"):
        s0 = m.start("words")
        toks = list(_TOKEN.finditer(m.group("words")))
        used, _ = _cardinal(tuple(t.group() for t in toks))
        if used == 0:
            return None
        start, end = s0, s0 + toks[used - 1].end()
        raw = _words_value(tuple(t.group() for t in toks[:used]))
        if m.group("half") and end == m.end("words"):
            part = 0.5 if m.group("half").lower().endswith("half") else 0.25
            last = toks[used - 1].group().lower()
            raw += part * (_WORD_SCALE[last] if last in _WORD_SCALE and last != "hundred" else 1)
            end = m.end()
        decimals = None
        if raw == int(raw) and (dm := _SPOKEN_DECIMAL.match(text, end)):  # "five point five percent"
            decimals = "".join(str(_DIGIT_WORDS[w]) for w in re.split(r"[\s-]+", dm.group(1).lower()))
            raw, end = float(f"{int(raw)}.{decimals}"), dm.end()
        word = text[start:end].lower()
        if word == "one" and _is_pronoun_one(text, start, end):
            return NonFigure(start, end, "pronoun")
        if word in _SMALL_WORDS or word == "dozen":
            wb = _WORD_BEFORE.search(text, max(0, start - 20), start)
            before = wb.group("w").lower() if wb else ""
            if before in _CONTEXT["reference"] and not _UNIT_AFTER.match(text, end):
                return NonFigure(wb.start("w"), end, "reference")
            if before in _CONTEXT["idiom_pre"]:
                return NonFigure(wb.start("w"), end, "idiom")
        value, place = raw, (_place_of_value(raw) if decimals is None else 10.0 ** -len(decimals))
    else:
        digits = m.group("digits")
        if len(_plain_digits(digits).split(".")[0]) > _MAX_DIGITS:
            return NonFigure(start, end, "too large")  # no news figure has 25 digits; floats would overflow
        raw = float(_plain_digits(digits))
        place = _place_of_digits(digits)
        if m.group("mixed"):
            a, b = m.group("mixed").split("/")
            if float(b) == 0:
                return None
            raw += float(a) / float(b)
            place = 0.01
        elif m.group("uni"):
            raw += _UNICODE_FRACTIONS[m.group("uni")]
            place = 0.01
        elif m.group("exp"):
            power = int(_EXPONENT_VALUE.search(m.group("exp")).group(1).translate(_SUPERSCRIPT))
            raw, place = float(f"{_plain_digits(digits)}e{power}"), place * 10.0 ** power
        value = raw
        before = text[max(0, start - 1):start]
        if before.isalpha() or before == "_":
            # glued to letters: "G7", "MH17", unless a currency code ("USD5", "RM79", "$US5bn", "$A300")
            cm = _currency_before(text, start, end)
            if not (cm and cm.group("cur") and cm.group("cur")[-1].isalpha()):
                return NonFigure(_word_start(text, start), _token_end(text, end), "identifier")
        if before == "-":
            hw = _HYPHEN_WORD_BEFORE.search(text, max(0, start - 30), start)
            if hw and (hw.group(1).lower() in ("minus", "negative") or (hw.group(1).lower() + "-", "pre") in _QUALIFIERS):
                hw = None  # "minus-130 degrees": a sign; "sub-300 sq m": a bound (qualifiers.tsv)
            if hw and hw.start() > 0 and text[hw.start() - 1].isdigit():
                hw = None  # "5k-20k", "10km-12km": the second end of a range
            if hw and not _MAGNITUDE_BEFORE.search(text, max(0, start - 12), start):
                return NonFigure(hw.start(), _token_end(text, end), "identifier")
        if (before == "/" and text[start - 2:start - 1].isdigit()) or (text[end:end + 1] == "/"
                                                                        and text[end + 1:end + 2].isdigit()):
            return NonFigure(start, end, "slash")  # a piece of "2222/2222" or "3/4"
        if before == "#" or re.search(r"\bNo\.\s?$", text[max(0, start - 5):start]):
            return NonFigure(start - 1, end, "identifier")

    # ---- after the number: glued letters (ordinals, suffix scales, glued units) and scale words
    nxt = text[end:end + 1]
    if m.group("digits") and nxt.isalpha():
        if _ORDINAL_SUFFIX.match(text, end):
            return NonFigure(start, _token_end(text, end), "ordinal")
        if not text[end + 1:end + 2].isalnum() and (label := _label_before(text, start, end)) is not None:
            return NonFigure(label, end + 1, "identifier")  # "phase 2b", "Windows 7a": a letter suffix in a name
        sm = _SCALE_SUFFIX.match(text, end)
        um = _UNIT_GLUED.match(text, end)
        if sm and (not um or len(um.group("u")) <= len(sm.group("s"))):
            suffix = sm.group("s")
            if suffix == "m" and not _has_currency(text, start) and _spatial_after(text, sm.end()):
                unit, unit_end, end = "m", sm.end(), sm.end()
            else:
                scale, end = _SCALES[suffix][0], sm.end()
                rm = _REDUNDANT_SCALE.match(text, end)  # "£1.8m million": the same scale written twice
                if rm and _SCALES.get(rm.group().strip().lower(), (0,))[0] == scale:
                    end = rm.end()
        elif um:
            unit, unit_end = _GLUED_ONLY.get(um.group("u").lower()) or _unit_of(um.group("u")), um.end()
            end = unit_end
        elif (tm := _GLUED_TEMPERATURE.match(text, end)) and (tm.group(1) != "s" or "." in m.group("digits")):
            unit, unit_end = _GLUED_LETTER[tm.group(1)], tm.end()
            end = unit_end
        else:
            return NonFigure(_word_start(text, start), _token_end(text, end), "identifier")
    if scale == 1.0 and unit is None:
        sw = _SCALE_WORD.match(text, end)
        has_scale_word = m.group("words") and _SCALE_IN_WORDS.search(text, start, end)
        if sw and not has_scale_word:
            scale, end = _SCALES.get(sw.group("s").lower(), _SCALES.get(sw.group("s"), (1.0,)))[0], sw.end()
            sw2 = _SCALE_WORD.match(text, end)  # "4 hundred million", "7 thousand million": scales multiply
            k2 = _SCALES.get(sw2.group("s").lower(), (1.0,))[0] if sw2 else 1.0
            if k2 > scale:
                scale, end = scale * k2, sw2.end()
    value = raw * scale
    place *= scale
    if not (math.isfinite(value) and math.isfinite(place)):
        return NonFigure(start, end, "too large")

    # ---- before the number: currency, sign
    num_start = start
    currency = None
    cm = _currency_before(text, start, m.end())
    if cm:
        code = cm.group("cur") or cm.group("sym")
        currency = _CURRENCY_PRE[code]
        num_start = cm.start()
    elif scale == 1.0 and (sb := _SCALED_CODE_BEFORE.search(text, max(0, start - 8), start)):
        k = _CODE_SCALE[sb.group("s")]  # "MAUD 60", "MSEK 120"
        value, raw, place, scale, currency, num_start = value * k, raw, place * k, k, sb.group("c"), sb.start()
    sm2 = _SIGN.search(text, max(0, num_start - 1), num_start)
    nm = _SIGN_WORD.search(text, max(0, num_start - 10), num_start)
    if sm2 and (m.group("digits") or m.group("slash")):
        num_start = sm2.start()
        if sm2.group() != "+":
            value, raw = -value, -raw
    elif nm:
        num_start, value, raw = nm.start(), -value, -raw
    num_end = end

    # ---- after: a unit ("12 hours", "7.8 magnitude", "4.2 billion euros", "74%", "eightfold")
    if unit is None:
        um = _UNIT_AFTER.match(text, end)
        sc = _SCALED_CODE_AFTER.match(text, end) if scale == 1.0 and currency is None else None
        if sc:  # "30 MUSD", "120 MEUR": finance shorthand, a scale letter glued to an ISO code
            k = _CODE_SCALE[sc.group("s")]
            value, place, scale = value * k, place * k, k
            currency, unit_end = sc.group("c"), sc.end()
            end = sc.end()
        elif um:
            unit = _unit_of(um.group("u"))
            if unit == "pound":
                scaled = scale > 1 or bool(_SCALE_IN_WORDS.search(text, start, num_end))
                unit = "GBP" if scaled or currency else "lb"
            unit_end = end = um.end()
            if unit in _CURRENCY_CODES and scale == 1.0 and (sw := _SCALE_WORD.match(text, end)):
                k = _SCALES.get(sw.group("s").lower(), _SCALES.get(sw.group("s"), (1.0,)))[0]
                value, place, scale = value * k, place * k, k  # "75 USD million"
                unit_end = end = sw.end()
        elif currency is None and (cp := _CUR_POST.match(text, end)):
            currency, unit_end = _CURRENCY_PRE[cp.group("sym")], cp.end()
            end = cp.end()
        elif _TIMES.match(text, end):
            tm = _TIMES.match(text, end)
            unit, unit_end = "dimensionless", tm.end()
            end = tm.end()
    if unit is None and m.group("slash"):
        unit = "fraction"  # "3/4 of the homes"; "a 1/4 mile track" keeps its unit
    if unit in _CURRENCY_CODES:
        currency, unit = unit, None
    if currency:
        unit = currency
    if unit is None and _MAGNITUDE_BEFORE.search(text, max(0, num_start - 12), num_start):
        unit = "magnitude"

    # ---- not a figure after all?
    if m.group("digits") and scale == 1.0 and unit is None and currency is None:
        digits = m.group("digits")
        if wm := _WINDOW_AFTER.match(text, end):
            return NonFigure(num_start, wm.end(), "window")
        if len(digits) <= 4 and "," not in digits and "." not in digits and _is_year_by_context(text, num_start, end):
            return NonFigure(num_start, end, "year")
        label = _label_before(text, num_start, end)
        if label is not None and "," not in digits and "." not in digits:
            return NonFigure(label, _token_end(text, end), "identifier")  # "ISO 3888-2" whole
        nw = _NEXT_WORD.match(text, end)
        if (nw and nw.group(1)[0].isupper() and nw.group(1).lower() in _CONTEXT["model_after"]
                and "," not in digits and "." not in digits):
            return NonFigure(num_start, nw.end(), "identifier")  # "737 Max jets", "11 Pro"
        nxt_num = _RANGE_NEXT.match(text, end)
        in_range = nxt_num and not _LIKELY_YEAR.fullmatch(nxt_num.group(1))  # "about 2000 - 2500 calories"
        if (len(digits) == 4 and _LIKELY_YEAR.fullmatch(digits) and not _bound_before(text, num_start)
                and not in_range and not _counted_after(text, num_start, end)
                and not _counted_pair_after(text, num_start, end)):
            return NonFigure(num_start, end, "year")
    if unit in ("year", "month", "week", "day") and (wm := _WINDOW_AFTER.match(text, num_end)):
        return NonFigure(num_start, wm.end(), "window")

    atom = _Atom(start=num_start, end=end, num_start=num_start, num_end=num_end, value=value, raw=raw, scale=scale,
                 place=place, unit=unit, unit_end=unit_end)
    _qualify(text, atom)
    return atom


_CURRENCY_CODES = {c for c in _CURRENCY_PRE.values()} | {u for u in _UNIT_SPELLINGS.values() if u.isupper() and len(u) == 3}


def _unit_of(surface: str) -> str:
    key = " ".join(surface.lower().replace("-", " ").split())
    return _UNIT_WORDS.get(key) or _UNIT_WORDS.get(surface.lower()) or key


def _currency_before(text: str, start: int, end: int) -> re.Match | None:
    """The currency symbol or code right before the number; a code that is also a letter ("R15")
    only after a money word ("costs R15") or before a glued scale ("R2bn")."""
    cm = _CUR_PRE.search(text, max(0, start - 6), start)
    if cm and (cm.group("cur") or cm.group("sym")) in _CURRENCY_NEEDS_CONTEXT and not _SCALE_SUFFIX.match(text, end):
        wb = _WORD_BEFORE.search(text, max(0, cm.start() - 20), cm.start())
        if not (wb and wb.group("w").lower() in _CONTEXT["money_pre"]):
            return None
    return cm


def _has_currency(text: str, start: int) -> bool:
    return bool(_CUR_PRE.search(text, max(0, start - 6), start))


def _spatial_after(text: str, pos: int) -> bool:
    if _CONVERSION_AFTER.match(text, pos):  # "37m (121ft)": a length converted to feet
        return True
    m = re.match(r"\s*(?:-\s*)?([A-Za-z]+)|\s*[.,;:)]|\s*$", text[pos:pos + 30])
    if not m:
        return False
    return m.group(1) is None or m.group(1).lower() in _CONTEXT["spatial"]


def _word_start(text: str, pos: int) -> int:
    while pos > 0 and (text[pos - 1].isalnum() or text[pos - 1] in "-_"):
        pos -= 1
    return pos


def _token_end(text: str, pos: int) -> int:
    while pos < len(text) and (text[pos].isalnum() or text[pos] == "-" and pos + 1 < len(text) and text[pos + 1].isalnum()):
        pos += 1
    return pos


def _is_pronoun_one(text: str, start: int, end: int) -> bool:
    """A bare "one" is an amount only with a unit ("one hour"), a qualifier ("only one") or
    after "by"/"to" ("increased by one"); otherwise it is a pronoun or determiner ("one of
    the", "one expert said")."""
    if _ONE_PRONOUN_AFTER.match(text, end):
        return True
    if _ONE_OR_AFTER.match(text, end):
        return False  # "one or two people"
    wb = _WORD_BEFORE.search(text, max(0, start - 20), start)
    before = wb.group("w").lower() if wb else ""
    if before in _CONTEXT["pronoun_pre"]:
        return True
    if before in _CONTEXT["by_prep"] or (before, "pre") in _QUALIFIERS:
        return False
    um = _UNIT_AFTER.match(text, end)
    return not (um or _TIMES.match(text, end))


def _label_before(text: str, pos: int, end: int) -> int | None:
    """Where a label word before the number starts ("Article 5", "Boeing 737"), else None."""
    wb = _WORD_BEFORE.search(text, max(0, pos - 30), pos)
    if not wb or wb.end() != pos or pos == wb.end("w"):
        return None
    word = wb.group("w")
    low = word.lower()
    if low in _CONTEXT["label"] or low.rstrip(".") + "." in _CONTEXT["label"]:
        return wb.start("w")
    if word[0].isupper() and low in _CONTEXT["name_head"]:  # "Game 7", "Apple Watch 5"; "game 7" may count
        return wb.start("w")
    # a number between two capitalised words is part of a name ("Big 12 Conference", "Section 427
    # Row 21"); a capitalised word alone is not enough ("United 8 points", "Labour 412 seats")
    initial = not text[:wb.start("w")].strip() or text[:wb.start("w")].rstrip()[-1] in ".!?\"“‘'•:;"
    after = _NEXT_WORD.match(text, end)
    name_word = (word[0].isupper() and low not in _CONTEXT["not_label"] and (low, "pre") not in _QUALIFIERS
                 and not word.endswith(("'s", "’s")))
    if name_word and not initial and after and after.group(1)[0].isupper():
        return wb.start("w")
    # a short number right after a name with nothing counted after it is part of the name: "HIV 2",
    # "Covid 19 pandemic", "in Ligue 1.", "Chapter 11 bankruptcy"; but "Labour 412 seats", "the
    # Republicans 49" (a plural name), "Texas 40 were killed" and "Gaza 100 killed" are counts
    if (name_word and (not initial or (word.isupper() and len(word) > 1)) and end - pos <= 4
            and not (low.endswith("s") and not word.isupper()) and _names_nothing_after(text, end)):
        return wb.start("w")
    if low == "own":  # "Boeing's own 787": a possessive name, "own", a model number
        pb = _WORD_BEFORE.search(text, max(0, wb.start("w") - 30), wb.start("w"))
        if pb and pb.group("w")[0].isupper() and pb.group("w").endswith(("'s", "’s")) and _names_nothing_after(text, end):
            return pb.start("w")
    return None


def _names_nothing_after(text: str, end: int) -> bool:
    """After the number: the end, punctuation, or a lower-case word that is neither plural, a past
    form, nor a word that makes the number a count ("were", "more", "of", "people")."""
    m = _NAME_TAIL.match(text, end)
    if not m:
        return False
    w = m.group("w")
    plural = len(w or "") > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is"))  # not "is", "crisis"
    return w is None or not (plural or w.endswith("ed") or w in _CONTEXT["count_next"])


def _is_slash_fraction(text: str, start: int, end: int) -> bool:
    """Is "a/b" a fraction rather than a date, slogan or score? Only a proper fraction (0 < a < b
    <= 100), then: with "of", a unit or a scale after it ("1/4 of the budget", "a 1/4 mile"), or a
    bound before it ("more than 1/2"), or a small denominator (<= 10) with no date word before it
    ("3/4", "a 2/3 majority"; but "on 3/4", "the 1/6 committee" and "9/11" are not read)."""
    a, _, b = text[start:end].partition("/")
    if not (a.isdigit() and b.isdigit() and 0 < int(a) < int(b) <= 1000):
        return False
    if _FRACTION_AFTER.match(text, end):  # "1/128 of a gallon"
        return True
    if int(b) > 100:
        return False
    if _UNIT_AFTER.match(text, end):
        return True
    if _PRE_QUAL.search(text, max(0, start - 40), start):
        return True
    wb = _WORD_BEFORE.search(text, max(0, start - 20), start)
    return int(b) <= 10 and not (wb and wb.group("w").lower() in _CONTEXT["date_pre"])


def _counted_after(text: str, start: int, end: int) -> bool:
    """A year-like number is an amount when a counted plural noun follows it directly ("1950
    homes were destroyed", "arrested 1850 protesters", "2000 more people") and no year word stands
    before it ("in 2000", "since 1990", "the class of 2010", "spring 2020"); after a determiner, an
    event-like noun makes it a year ("the 2015 attacks") and any other a count ("the 2000 people")."""
    cm = _COUNTED_AFTER.match(text, end)
    if not cm:
        return False
    if cm.group("n") not in _CONTEXT["counted"]:
        mod_noun = cm.group("mod_n")
        if not (mod_noun and cm.group("n") in _CONTEXT["counted_mod"] and mod_noun in _CONTEXT["counted"]):
            return False
    wb = _WORD_BEFORE.search(text, max(0, start - 20), start)
    before = wb.group("w").lower() if wb else ""
    if before in _CONTEXT["year_det"]:  # "the 2015 attacks" is a year, "the 2000 people" a count
        return cm.group("n") not in _CONTEXT["counted_event"] and cm.group("mod_n") not in _CONTEXT["counted_event"]
    return before not in _CONTEXT["year_pre"]


def _is_year_by_context(text: str, start: int, end: int) -> bool:
    """A year that the plain 1800-2100 test misses: an era marker ("A.D. 1000", "800 BC"), a year after a
    year word beyond 2100 ("by 2120"), or one end of "between Y1 and Y2" when the other end is a year
    ("between A.D. 1000 and 1260", "Between 1600 and 1900 temperatures fell")."""
    if _ERA_BEFORE.search(text, max(0, start - 6), start) or _ERA_AFTER.match(text, end):
        return True
    digits = text[start:end].lstrip("+-−")
    if not digits.isdigit():
        return False
    wb = _WORD_BEFORE.search(text, max(0, start - 20), start)
    if len(digits) == 4 and 2100 < int(digits) < 2200 and wb and wb.group("w").lower() in _CONTEXT["year_pre"]:
        cm = _COUNTED_AFTER.match(text, end)  # "by 2150 people": a count whatever stands before it
        return not (cm and cm.group("n") in _CONTEXT["counted"]) and not _UNIT_AFTER.match(text, end)
    if pm := _YEAR_PAIR_BEFORE.search(text, max(0, start - 40), start):  # the second end
        return (int(pm.group("y")) < int(digits) and not _counted_after(text, start, end)
                and not _UNIT_AFTER.match(text, end) and not _CUR_POST.match(text, end)
                and (bool(pm.group("era")) or _LIKELY_YEAR.fullmatch(pm.group("y")) is not None
                     or _LIKELY_YEAR.fullmatch(digits) is not None))
    if wb and wb.group("w").lower() == "between" and (nm := _YEAR_PAIR_AFTER.match(text, end)):  # the first end
        s2, e2 = nm.span(1)
        return (int(digits) < int(nm.group(1)) and _LIKELY_YEAR.fullmatch(nm.group(1)) is not None
                and not _counted_after(text, s2, e2) and not _UNIT_AFTER.match(text, e2)
                and not _CUR_POST.match(text, e2))
    return False


def _counted_pair_after(text: str, start: int, end: int) -> bool:
    """"between 1900 and 2000 people": the first end of a pair whose second end counts something."""
    wb = _WORD_BEFORE.search(text, max(0, start - 20), start)
    if not (wb and wb.group("w").lower() == "between" and (nm := _YEAR_PAIR_AFTER.match(text, end))):
        return False
    s2, e2 = nm.span(1)
    return _counted_after(text, s2, e2) or bool(_UNIT_AFTER.match(text, e2) or _CUR_POST.match(text, e2))


def _bound_before(text: str, pos: int) -> bool:
    qm = _PRE_QUAL.search(text, max(0, pos - 40), pos)
    return bool(qm) and _QUALIFIERS[(qm.group("q").lower(), "pre")][0] not in ("about", "exact")


def _qualify(text: str, atom: _Atom) -> None:
    qm = _PRE_QUAL.search(text, max(0, atom.num_start - 40), atom.num_start)
    age = atom.unit_end is not None and text[atom.unit_end - 3:atom.unit_end].lower() == "old"
    if qm and qm.group("q").lower() in _CONTEXT["period_pre"] and atom.unit in _DURATIONS and not age:
        wb = _WORD_BEFORE.search(text, max(0, qm.start() - 20), qm.start())
        if not (wb and wb.group("w").lower() in _CONTEXT["bound_pre"]):
            qm = None  # "over five years": the period something happens in; "for over two years" is a bound
    if qm and qm.group("q").lower() == "up to":
        wb = _WORD_BEFORE.search(text, max(0, qm.start() - 20), qm.start())
        if wb and wb.group("w").lower() in _CONTEXT["motion_pre"]:
            qm = None  # "inching back up to 4.8 percent": reached, not a ceiling
    if qm:
        atom.qualifier, atom.reading = _QUALIFIERS[(qm.group("q").lower(), "pre")]
        atom.start = qm.start("q")
    pm = _POST_QUAL.match(text, atom.end)
    if pm and _NUMBER_NEXT.match(text, pm.end()):
        pm = None  # "5 and over 10": the words belong to the next figure
    if pm and not (pm.group("q") in ("+", "-plus", "-odd") and pm.start("q") != atom.end):  # glued: "100mph+"
        atom.qualifier, atom.reading = _QUALIFIERS[(pm.group("q").lower(), "post")]
        atom.end = pm.end()


# ----------------------------------------------------------------------------- combining


def _combine(text: str, atoms: list[_Atom]) -> list[_Atom]:
    """Join ranges ("between 1,100 and 1,300", "£10m-£12m", "three- and four-storey") and pass a
    qualifier on to a conversion in brackets ("at least £600m ($775m)")."""
    out: list[_Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        if i + 1 < len(atoms):
            b = atoms[i + 1]
            gap = text[a.end:b.num_start]
            if b.qualifier is None and _GAP_RANGE.match(gap) and (a2 := _share_word_scale(text, a, b)):
                if _is_range(text, a2, b, gap):  # "four to five thousand": 4,000 to 5,000
                    a = a2
            up_to = (b.qualifier == "up_to" and not text[a.end:b.start].strip() and a.qualifier is None
                     and _BETWEEN_FROM.search(text, max(0, a.start - 12), a.start)
                     and _is_range(text, a, b, " to "))  # "sizes from 450 sq ft up to 900 sq ft"
            if up_to or (b.qualifier is None and _is_range(text, a, b, gap)):
                joined = _range(a, b)
                intro = _BETWEEN_FROM.search(text, max(0, a.start - 12), a.start)
                if intro:
                    joined.start = intro.start("w")
                out.append(joined)
                i += 2
                continue
            if _BOUND_PAIR_GAP.match(text, a.end, b.start) and {a.reading, b.reading} == {"above", "under"}:
                lo, hi = (a, b) if a.reading == "above" else (b, a)
                if lo.value < hi.value:  # "above 1,000 and below 1,500", "at most 100 and at least 20"
                    joined = _range(lo, hi)
                    joined.start, joined.end, joined.num_start = a.start, b.end, a.num_start
                    out.append(joined)
                    i += 2
                    continue
            if _CHANGE_GAP.match(gap) and a.unit is None and a.scale == 1.0 and b.qualifier is None:
                if b.scale > 1 and b.raw / 10 <= a.raw <= b.raw * 10:  # "from 10 to 12 million"
                    a.value, a.scale, a.place = a.raw * b.scale, b.scale, a.place * b.scale
                if b.unit and b.unit not in _CURRENCY_CODES:  # "from 4.8 to 4.7 percent"
                    a.unit = b.unit
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
        out.append(a)
        i += 1
    return out


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
    intro = _BETWEEN_FROM.search(text, max(0, a.start - 12), a.start)
    if joiner == "and":
        return bool(intro and intro.group("w").lower() == "between")
    if intro and intro.group("w").lower() == "from":
        # "rose from 99 to 101", "was reduced from 44 to 50", "slow slightly from 4.8 to 4.7": a
        # change, two figures; "ranged from", "is from 200 to 300", "high, from 7 to 10": an interval
        vb = _TWO_WORDS_BEFORE.search(text, max(0, intro.start() - 40), intro.start())
        for w in (vb.group(2), vb.group(1)) if vb else ():
            w = (w or "").lower()
            if w in _CONTEXT["range_verb"]:
                break
            if w in _CONTEXT["change_verb"] or (w.endswith("ed") and len(w) > 4):
                return False
        else:
            # a change verb earlier in the sentence governs a later pair too: "revised up
            # August's numbers by 17,000 jobs, from 142,000 to 159,000"; and a pair written high
            # to low with no range verb is a fall, not an interval ("from 114,000 to 89,000")
            words = _WORDS.findall(text, max(0, intro.start() - 120), intro.start())
            sentence = words[max((i + 1 for i, w in enumerate(words) if w == "."), default=0):]
            if b.value < a.value or any(w.lower() in _CONTEXT["change_verb"] or w.lower() in _CONTEXT["change_noun"]
                                        for w in sentence):
                return False
    if joiner == "or":  # "three or four years": an interval when the two are close
        return a.unit in (None, b.unit) and a.qualifier in (None, "exact") and 0 < a.value < b.value <= 2 * a.value + 1
    if joiner == "to" and not intro:
        vb = _WORD_BEFORE.search(text, max(0, a.start - 20), a.start)
        if vb and vb.group("w").lower() in _CONTEXT["change_verb"]:
            return False  # "rose $1.20 to $84.50": a change and a level, not a range
        if vb and vb.group("w").lower() == "by" and b.value > 2 * abs(a.value) + 1:
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
