"""Numbers that are not claims: the patterns set aside before reading (dates, times, years, addresses,
phones, scores, vague amounts) and the tests that turn a read number into a NonFigure (a year by
context, a label before it, a pronoun "one", a slash that is no fraction)."""
from __future__ import annotations

import re

from figures.number_patterns import (
    _BETWEEN_FROM, _COUNTED_AFTER, _CUR_POST, _ERA_AFTER, _ERA_BEFORE, _FRACTION_AFTER, _LIKELY_YEAR, _NAME_TAIL, _NEXT_WORD,
    _ONE_AMOUNT_AFTER, _ONE_OR_AFTER, _ONE_PRONOUN_AFTER, _pre_qual_before, _TIMES, _UNIT_AFTER, _WORD_BEFORE,
    _word_before, _YEAR_PAIR_AFTER, _YEAR_PAIR_BEFORE,
)
from figures.number_records import NonFigure
from figures.number_vocabulary import _alt, _CONTEXT, _MONTHS, _QUALIFIERS


_MONTH = rf"(?:{_MONTHS})"
_STREET = _alt(w.capitalize() for w in _CONTEXT["street"])
_STREET_FIRST = _alt(w.capitalize() for w in _CONTEXT["street_first"])


class _Gated:
    """A pattern searched only in a text holding one of its hints: cheap patterns that every match
    contains, so a text without them is skipped (a case-blind pattern cannot start with a fast scan)."""

    def __init__(self, rx: re.Pattern, *hints: re.Pattern):
        self.rx, self.hints = rx, hints

    def finditer(self, text: str):
        return self.rx.finditer(text) if any(h.search(text) for h in self.hints) else iter(())


_BLOCKERS = [
    # URLs and addresses: https://..., www..., 192.168.1.2
    # (Each pattern that opens with a digit consumes it first and then looks behind it, so the
    # regex engine can skip to the next digit instead of trying the pattern at every character.)
    (re.compile(r"[hw\d](?:(?<=h)(?<!\w.)ttps?://\S+|(?<=w)(?<!\w.)ww\.\S+|(?<=\d)(?<!\w\d)\d{0,2}(?:\.\d{1,3}){3}\b)"),
     "identifier"),
    # street addresses: 10 Downing Street, 9 E 71st St, 16-18 Harbour Avenue; not "30 Wall Street banks"
    (re.compile(rf"\d(?<![\w.,$£€]\d)(?:\d{{0,4}}(?:[-–]\d{{1,5}})?\s+(?:(?:[A-Z][\w'’.]*|\d+(?:st|nd|rd|th))\s+){{1,3}}"
                rf"(?:{_STREET})\b(?!\s+(?!does\b|goes\b)[a-z]{{3,}}s\b)"
                rf"|\d{{0,4}}\s+(?:{_STREET_FIRST})\.?\s+(?:(?:de|du|des|la|del)\s+)?[A-Z]\w*)"), "identifier"),
    # (808) 555-1234, 808-555-1234, +44 20 7946 0958
    (re.compile(r"[+(\d](?:(?<=\+)\d{1,3}[\s.-]?(?:\(\d{3}\)\s?|\b\d{3}[\s.-])\d{3}[.-]\d{4}\b"
                r"|(?<=\()\d{3}\)\s?\d{3}[.-]\d{4}\b|(?<=\d)(?<!\w\d)\d\d[\s.-]\d{3}[.-]\d{4}\b"
                r"|(?<=\+)\d{1,3}(?:[\s.-]\d{2,4}){2,4}\b)"), "phone"),
    # 6/2/2023, 2023-02-06, 06.02.2023
    (re.compile(r"\d(?<![\d.,/]\d)\d{0,3}[/.-]\d{1,2}[/.-]\d{2,4}(?![\d/])"), "date"),
    # 21 October 2024, Feb. 6, October 21, 2024, March 2024
    (re.compile(rf"\b(?:[0-3]?\d(?:st|nd|rd|th)?(?:\s?[-–]\s?[0-3]?\d(?:st|nd|rd|th)?)?\s+(?:of\s+)?{_MONTH}"
                rf"(?:,?\s+\d{{4}}\b)?"
                rf"|{_MONTH}\s+(?:[0-3]?\d(?:st|nd|rd|th)?(?:\s?[-–]\s?[0-3]?\d\b)?(?![\d,]\d)(?:,?\s+\d{{4}}\b)?"
                rf"|\d{{4}}\b))"), "date"),
    # Thursday (9): a day of the month after a weekday
    (_Gated(re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s*\(\s*[0-3]?\d\s*\)"), re.compile(r"\(")), "date"),
    # 4:17 a.m., 16:30, 4pm, 0400 GMT
    (re.compile(r"\d(?<!\w\d)(?:\d?(?::\d{2}){1,2}(?:\s?[apAP]\.?[mM]\.?)?|\d?(?:[.:]\d{2})?\s?(?:[ap]\.m\.|[apAP][mM]\b)"
                r"|\d{3}\s?(?:GMT|UTC|BST|CET|EST|EDT|PST|HST)\b)"), "time"),
    # 2022-23, 2022–2023, 1990s, '90s, mid-2023
    (re.compile(r"[12](?<!\w[12])(?:(?<=1)[89]|(?<=2)0)\d\d\s?[-–—/]\s?(?:(?:1[89]|20)\d\d|\d\d)(?![\d%]|[,.]\d)"), "year"),
    (_Gated(re.compile(r"\b(?:mid|pre|post|late|early)-(?:1[89]|20)\d\d\b|\b(?:1[89]|20)\d0s\b|(?:'|’|\b)[1-9]0s\b",
                       re.IGNORECASE), re.compile(r"\d0[Ssſ]"), re.compile(r"-(?:1[89]|20)\d\d")), "decade"),
    # 9/11, 24/7, 1/4: slash forms are dates, slogans or fractions; none is read as a figure
    (re.compile(r"\d(?<![\d/.,]\d)(?<!\d\s\d)\d{0,3}/\d{1,4}(?![\d/]|\.\d)"), "slash"),
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

_SCORE = re.compile(r"(\d(?<![\d.,\-–]\d)\d{0,2})\s?[-–]\s?(\d{1,3})(?![\d%]|[.,]\d|\s?(?:[-–]|per\b|percent|million"
                    r"|billion|thousand|hundred|years?\b|months?\b|weeks?\b|days?\b|hours?\b))")
_BRACKET_BEFORE = re.compile(rf"(?:(?P<prev>[A-Za-z]+)\s+)?(?:{_alt(_CONTEXT['bracket_pre'])})\s+$", re.IGNORECASE)
_AND_NEXT = re.compile(r"\s+and\s+(?:\d|two|three|four|five|six|seven|eight|nine|ten)\b", re.IGNORECASE)
# a group of people right before a bound: "children under 15", "people over 65"
_GROUP_BEFORE = re.compile(rf"\b(?:{_alt(_CONTEXT['age_group'])})\s+$", re.IGNORECASE)
# ... and no counted noun after it: "children under 15 and women", "under 5 years old" (not "under 15 cases")
_AGE_BOUND_AFTER = re.compile(r"(?:\s+years?(?:\s+old|\s+of\s+age)?)?(?!\s+[a-z]+s\b)")
_SCORE_WORD = re.compile(rf"\s+(?:{_alt(_CONTEXT['score_after'])})\b", re.IGNORECASE)


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


def _is_group_bracket(text: str, start: int) -> bool:
    """Is the range starting at ``start`` the age bracket that defines a group ("60 per cent of men aged
    18 to 34", "children ages 5-11")? It says who is counted, not how many; but "the victims were aged
    18 to 34" states their ages."""
    m = _BRACKET_BEFORE.search(text, max(0, start - 30), start)
    return bool(m) and (m.group("prev") or "").lower() not in _CONTEXT["copula"]


def _is_age_bound(text: str, start: int, end: int, value: float) -> bool:
    """Is the bound at [start, end) the age limit that defines a group ("children under 15", "adults
    over 65")? It says who is counted, not how many."""
    return value == int(value) and 0 < value <= 120 and bool(_GROUP_BEFORE.search(text, max(0, start - 30), start)) \
        and bool(_AGE_BOUND_AFTER.match(text, end))


def _is_pronoun_one(text: str, start: int, end: int) -> bool:
    """A bare "one" is an amount only with a unit ("one hour"), a qualifier ("only one") or
    after "by"/"to" ("increased by one"); otherwise it is a pronoun or determiner ("one of
    the", "one expert said")."""
    if _BETWEEN_FROM.search(text, max(0, start - 10), start) and _AND_NEXT.match(text, end):
        return False  # "between one and two million": the low end of a range
    if _ONE_PRONOUN_AFTER.match(text, end):
        return True
    if _ONE_OR_AFTER.match(text, end) or _ONE_AMOUNT_AFTER.match(text, end):
        return False  # "one or two people", "one more rate cut"
    qm = _pre_qual_before(text, start)
    if qm and " " in qm.group("q").strip():
        return False  # "at least one camp", "more than one", "fewer than one in"
    before = _word_before(text, start)
    if before in _CONTEXT["pronoun_pre"]:
        return True
    if before in _CONTEXT["by_prep"] or (before, "pre") in _QUALIFIERS:
        return False
    um = _UNIT_AFTER.match(text, end)
    return not (um or _TIMES.match(text, end))


# "... reported 638, Punjab 303 and Sindh 191": a name after a listed count starts the next item
# of a breakdown, its number a count, not part of the name
_COUNT_LISTED_BEFORE = re.compile(r"\d[\d,.]*(?:\s+\([^()]{1,20}\))?(?:,\s*|\s+and\s+|,\s+and\s+)$")


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
    if name_word and text[pos:end].endswith(".0") and text[pos:end - 2].isdigit() and end - pos <= 3:
        return wb.start("w")  # a version after a name: "Web 2.0", "Industry 4.0", "the Twitter 2.0 plan"
    # a short number right after a name with nothing counted after it is part of the name: "HIV 2",
    # "Covid 19 pandemic", "in Ligue 1.", "Chapter 11 bankruptcy"; but "Labour 412 seats", "the
    # Republicans 49" (a plural name), "Texas 40 were killed" and "Gaza 100 killed" are counts
    if (name_word and (not initial or (word.isupper() and len(word) > 1)) and end - pos <= 4
            and not (low.endswith("s") and not word.isupper()) and _names_nothing_after(text, end)
            and not _COUNT_LISTED_BEFORE.search(text, max(0, wb.start("w") - 40), wb.start("w"))):
        return wb.start("w")
    if low == "own":  # "Boeing's own 787": a possessive name, "own", a model number
        pb = _WORD_BEFORE.search(text, max(0, wb.start("w") - 30), wb.start("w"))
        if pb and pb.group("w")[0].isupper() and pb.group("w").endswith(("'s", "’s")) and _names_nothing_after(text, end):
            return pb.start("w")
    return None


def _name_around_words(text: str, start: int, end: int) -> int | None:
    """Where the name or rank holding a spelled number starts, else None. A capitalised number word
    after a capitalised name word is part of the name ("the Lucky Seven comeback", "the Ivy Nine
    said"); one after a label word is a place in a list ("finished in the top five.", "sank into the
    bottom four after"). Only with nothing counted after it: "the top four clubs" counts clubs."""
    wb = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if not wb or start == wb.end("w") or not _names_nothing_after(text, end):
        return None
    word = wb.group("w")
    low = word.lower()
    if low in _CONTEXT["label"]:
        return wb.start("w")
    if not text[start].isupper() or text[start:end].isupper():  # "six" counts; "SIX" is a shouted headline
        return None
    initial = not text[:wb.start("w")].strip() or text[:wb.start("w")].rstrip()[-1] in ".!?\"“‘'•:;"
    name_word = (word[0].isupper() and low not in _CONTEXT["not_label"] and (low, "pre") not in _QUALIFIERS
                 and not word.endswith(("'s", "’s")))
    return wb.start("w") if name_word and not initial else None


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
    if _pre_qual_before(text, start):
        return True
    return int(b) <= 10 and _word_before(text, start) not in _CONTEXT["date_pre"]


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
    before = _word_before(text, start)
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
    before = _word_before(text, start)
    if len(digits) == 4 and 2100 < int(digits) < 2200 and before in _CONTEXT["year_pre"]:
        cm = _COUNTED_AFTER.match(text, end)  # "by 2150 people": a count whatever stands before it
        return not (cm and cm.group("n") in _CONTEXT["counted"]) and not _UNIT_AFTER.match(text, end)
    if pm := _YEAR_PAIR_BEFORE.search(text, max(0, start - 40), start):  # the second end
        return (int(pm.group("y")) < int(digits) and not _counted_after(text, start, end)
                and not _UNIT_AFTER.match(text, end) and not _CUR_POST.match(text, end)
                and (bool(pm.group("era")) or _LIKELY_YEAR.fullmatch(pm.group("y")) is not None
                     or _LIKELY_YEAR.fullmatch(digits) is not None))
    if before == "between" and (nm := _YEAR_PAIR_AFTER.match(text, end)):  # the first end
        s2, e2 = nm.span(1)
        return (int(digits) < int(nm.group(1)) and _LIKELY_YEAR.fullmatch(nm.group(1)) is not None
                and not _counted_after(text, s2, e2) and not _UNIT_AFTER.match(text, e2)
                and not _CUR_POST.match(text, e2))
    return False


def _counted_pair_after(text: str, start: int, end: int) -> bool:
    """"between 1900 and 2000 people": the first end of a pair whose second end counts something."""
    if not (_word_before(text, start) == "between" and (nm := _YEAR_PAIR_AFTER.match(text, end))):
        return False
    s2, e2 = nm.span(1)
    return _counted_after(text, s2, e2) or bool(_UNIT_AFTER.match(text, e2) or _CUR_POST.match(text, e2))
