"""Dates and relative times in a sentence -> the date a figure refers to.

Every expression is resolved against an explicit base, the article's publication date, never
``now()``: "on Friday" is the last Friday on or before the base, "in June" the last June that
has begun, "last week" seven days back. A regex finds the candidates; the common shapes are
resolved by table, and only what the tables do not cover (numeric dates such as "9/2/2023")
goes to dateparser with ``RELATIVE_BASE``, cached per (candidate, base) because it is slow.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from importlib import resources

log = logging.getLogger(__name__)

PRECISIONS = ("day", "month", "year")


def _rows() -> list[list[str]]:
    text = resources.files("figures").joinpath("data/time_words.tsv").read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _words(kind: str) -> list[list[str]]:
    """The rows of one kind in ``data/time_words.tsv``, without the kind."""
    return [r[1:] for r in _ROWS if r[0] == kind]


def alternation(phrases) -> str:
    """Phrases as a regex alternation, longest first, any run of spaces between their words."""
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))


_ROWS = _rows()
MONTHS = {name: int(n) for name, n in _words("month")}
WEEKDAYS = {name: int(n) for name, n in _words("weekday")}
COUNT_WORDS = {word: int(n) for word, n in _words("count")}
QUARTERS = {word: int(n) for word, n in _words("quarter")}
UNIT_DAYS = {unit: int(n) for unit, n in _words("unit")}
# words before a date that change what it means for a figure
ROLE_BEFORE = dict(_words("role"))
# relative expressions by table: (days back, precision); "month", "year", "weekend" count by the calendar
RELATIVE = {expr: (int(back) if back.isdigit() else back, precision) for expr, back, precision in _words("relative")}
_FORWARD = frozenset(w for (w,) in _words("forward"))

_MON = f"(?:{alternation(MONTHS)})"
_CAP_MON = f"(?:{alternation(name.capitalize() for name in MONTHS)})"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_WD = f"(?:{alternation(WEEKDAYS)})"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_UNIT = f"(?:{alternation(UNIT_DAYS)})"
_COUNT = rf"(?:\d+|{alternation(COUNT_WORDS)})"

# the end or start of a month or year: "at the end of March", "by the end of 2020", "end-2019",
# "at the start of this year" — the month a stock stood at then
_EDGE = (rf"(?:\bthe\s+)?\b(?:end|start|beginning|close)\s+of\s+(?:{_MON}\.?(?:,?\s+{_YEAR})?|{_YEAR}|(?:this|last)\s+year)\b"
         rf"|\bend-(?:{_MON}|{_YEAR})\b")
# a quarter of a year: "Q4 2022", "the third quarter", "the fourth quarter of this year" (not the
# modifier "second-quarter revenue", which the claims' golden file dates by the report)
_QUARTER = (rf"\b(?:Q[1-4]|(?:{alternation(QUARTERS)})\s+quarter)\b"
            rf"(?:(?:\s+of)?\s+(?:{_YEAR}|this\s+year|last\s+year)\b)?")
_QUARTER_RX = re.compile(rf"(?:the )?(?:q([1-4])|({alternation(QUARTERS)}) quarter)(?: of)?(?: ({_YEAR}|this year|last year))?")
_EDGE_RX = re.compile(rf"(?:the )?(end|start|beginning|close)(?: of |-)(.+)")

_CANDIDATE = re.compile(
    "|".join([
        rf"(?P<edge>{_EDGE})",
        rf"(?P<quarter>{_QUARTER})",
        rf"(?P<dmy>\b{_DAY}\s+{_MON}\.?(?:,?\s+{_YEAR})?\b)",
        rf"(?P<mdy>\b{_MON}\.?\s+{_DAY}\b(?![,.]\d)(?:,?\s+{_YEAR}\b)?)",
        rf"(?P<my>\b{_MON}\.?,?\s+{_YEAR}\b)",
        rf"(?P<mon>(?-i:\b(?:(?:[Ii]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Tt]hrough|[Bb]y|[Ll]ast|[Tt]his|[Nn]ext|[Ee]arly|[Ll]ate|[Ff]or"
        rf"|[Dd]uring|[Tt]he|mid|and)\s+|[A]\s+|mid-"
        rf"|(?:year|months|weeks|quarter)\s+to\s+)"
        rf"{_CAP_MON}\b(?!\.?,?\s+(?:{_DAY}|{_YEAR})\b(?![,.]\d))(?!\s+(?:of\s+)?(?:last|this)\s+year)))",
        rf"(?P<mly>(?-i:\b{_CAP_MON})\s+(?:of\s+)?(?:last|this)\s+year\b)",  # "in May last year", "March of this year"
        rf"(?P<pos>(?-i:\b{_CAP_MON}['’]s\b))",  # "April's inflation rate": a monthly statistic's month
        rf"(?P<back>\b(?:{_COUNT}\s+{_UNIT}s?\s+(?:earlier|later)"
        rf"|the\s+(?:previous|preceding|prior|following|next)\s+(?:{_COUNT}\s+)?{_UNIT}s?"
        rf"|(?:{_COUNT}|the)\s+{_UNIT}s?\s+(?:before|after)\b(?=\s*(?:[,.;:)—–]|$)))\b)",
        rf"(?P<ago>\b{_COUNT}\s+{_UNIT}s?\s+ago\b)",
        rf"(?P<wd>\b(?:(?:last|this|next|on|early|late)\s+)?{_WD}(?:['’]s)?{_PART}\b)",
        rf"(?P<rel>\b(?:{alternation(RELATIVE)})\b)",
        rf"(?P<num>\b\d{{1,2}}/\d{{1,2}}/(?:\d{{4}}|\d{{2}})\b)",
        rf"(?P<year>(?<![\d,.£$€-])(?<!\d\s)\b{_YEAR}\b(?![\d,.]\d|[-–/]\d|\s*(?:%|per|people|troops)))",
    ]),
    re.IGNORECASE,
)


# a capitalised word before the month that does not open a sentence: a first name ("Theresa May's")
_NAME_BEFORE = re.compile(r"(?<![.!?\n“\"]\s)(?<![.!?\n“\"])(?<=\s)[A-Z][\w.'’-]*\s+$")
_MONTH_BEFORE = re.compile(rf"(?-i:{_CAP_MON})\.?\s+$")
_CLAUSE_SPLIT = re.compile(r"[,;:()“”\"]")
_LOWER_NEXT = re.compile(r"\s+[a-z]")
_AGO = re.compile(rf"({_COUNT}) ({_UNIT})s? ago")
_YEAR_RX = re.compile(_YEAR)
_DAY_RX = re.compile(r"\d{1,2}(?:st|nd|rd|th)?")
_NUMERIC_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}")


@dataclass(frozen=True, slots=True)
class TimeRef:
    """A date expression at ``text[start:end]``, resolved: ``day`` with ``precision``.

    ``role``: "point" (the figure's date), "since" (a start: "since March"), "until" (a deadline),
    "onset" (when something began: "the war broke out in April 2023"),
    "event" (an event's date in a relative clause: "the quake that struck on Monday"),
    "attributive" (it names an event: "the 6 February earthquake", "Monday's quake") or
    "window" (a span that ends at the figure's date: "an average of 200 over the previous 12 months") or
    "comparison" (the base a change is measured from: "40% more than a year ago").
    ``back`` marks a date counted back from another ("a month earlier", "the previous year"):
    ``day`` is then counted from the base, and ``earlier_than`` counts it from the date it follows.
    """

    start: int
    end: int
    text: str
    day: date
    precision: str
    role: str = "point"
    back: tuple[int, str] | None = None  # "a year earlier": (1, "year") before the date it follows from


# Every date expression holds one of these words; the full pattern runs only around them.
_TRIGGER = re.compile(
    rf"\b(?:{alternation(MONTHS)}|{alternation(WEEKDAYS)}|today|tonight|yesterday|overnight|ago"
    rf"|(?:{alternation(UNIT_DAYS)}|weekend|morning|afternoon|evening|night)s?"
    r"|1[89]\d\d|20\d\d|\d{1,2}/\d{1,2}/\d+|Q[1-4])\b",
    re.IGNORECASE)


def find_time_refs(text: str, base: date, start: int = 0, end: int | None = None) -> list[TimeRef]:
    """Date expressions in ``text[start:end]``, resolved against ``base``, with offsets into ``text``."""
    end = len(text) if end is None else end
    out: list[TimeRef] = []
    windows: list[list[int]] = []
    for m in _TRIGGER.finditer(text, start, end):
        lo, hi = max(start, m.start() - 22), min(end, m.end() + 16)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    for lo, hi in windows:
        _find_in(text, base, lo, hi, out)
    return out


def _find_in(text: str, base: date, start: int, end: int, out: list[TimeRef]) -> None:
    for m in _CANDIDATE.finditer(text, start, end):
        surface = m.group()
        lead = 0
        kind = m.lastgroup
        if kind == "mon":  # the leading word was only context: keep it out of the span
            lead = len(surface) - len(surface.split()[-1])
        s, e = m.start() + lead, m.end()
        if kind == "pos" and _NAME_BEFORE.search(text, max(0, s - 30), s):
            continue  # "Theresa May's government": a name, not a month
        if kind == "rel" and surface.lower().startswith("last") and _THE_BEFORE.search(text, max(0, s - 8), s):
            continue  # "over the last year", "in the last week": the span up to now, not the year or week before
        if kind == "year" and _in_name(text, s, e):
            continue  # "the Finance Bill 2024", "the 2023 World Cup": part of a name, not a date
        if kind == "mon" and surface.startswith("and") and not _MONTH_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "and" leads a month only after another: "the May and June totals", not "Smith and May"
        resolved = resolve(text[s:e] if kind != "mon" else surface, base)
        if resolved is None:
            continue
        day, precision = resolved
        if out and s < out[-1].end:
            continue
        back = _back_of(surface) if kind == "back" else None
        role = _role(text, m.start(), e, kind, surface)
        if out and out[-1].day == day and _APPOSITION.fullmatch(text, out[-1].end, s):
            role = out[-1].role  # "recorded yesterday evening, Friday,": the same day named again, in the same role
        if role == "until" and kind == "edge" and (day.year, day.month) < (base.year, base.month):
            role = "point"  # "fell to $5bn by the end of 2020": a period gone by is when the count stood so
        if role == "until" and day <= base and _reached_by(text, m.start(), e):
            role = "point"  # "by Friday evening the count had reached 4,000": as of Friday
        if role == "until" and day <= base and out and out[-1].role == "since" and day >= out[-1].day and _SPAN_TO.fullmatch(text, out[-1].end, s):
            role = "point"  # "from April 2023 through March": a count over a span is as of its end
        if role == "until" and day <= base and _COUNTED_SPAN_TO.search(text, max(0, s - 40), s):
            role = "point"  # "in the 12 months through March": a count over a span is as of its end
        if role == "until" and day <= base and out and out[-1].role == "point" and day > out[-1].day and _RISE_TO.fullmatch(text, out[-1].end, s):
            role = "point"  # "rose from 6,500 on Monday to 28,120 by Tuesday night": the second count's date
        out.append(TimeRef(s, e, text[s:e], day, precision, role, back))


_APPOSITION = re.compile(r"\s*,\s*")
# a span of time counted up to the date after it: "the 12 months through ", "the 12-month period until "
_COUNTED_SPAN_TO = re.compile(rf"\b{_COUNT}[\s-]+{_UNIT}s?(?:\s+period)?\s+(?:through|until|till|up\s+to)\s+$", re.IGNORECASE)
_OVER_BEFORE = re.compile(r"\b(?:over|across|throughout)\s+$", re.IGNORECASE)
_SPAN_TO = re.compile(r"\s*(?:(?:through|to|until|till|and)\s+)?", re.IGNORECASE)
# a capitalised word right before a year, and "the" + a year + a capitalised word: a name's parts
_CAPITAL_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+$")
_THE_YEAR_CAPITAL = re.compile(r"\s+[A-Z][a-z]")
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
# capitalised words that lead a date, not a name: "In 2020", "Since 2019", "Summer 2024"
_DATE_LEADERS = frozenset(w for (w,) in _words("year leader"))


def _in_name(text: str, s: int, e: int) -> bool:
    before = _CAPITAL_BEFORE.search(text, max(0, s - 20), s)
    if before and before.group(1).lower() not in _DATE_LEADERS and before.group(1).lower() not in MONTHS:
        return True
    return bool(_THE_BEFORE.search(text, max(0, s - 6), s) and _THE_YEAR_CAPITAL.match(text, e)
                and not _THE_YEAR_CAPITAL_MONTH.match(text, e))


_THE_YEAR_CAPITAL_MONTH = re.compile(rf"\s+(?-i:{_CAP_MON})\b")


# a count's second value and "by" before its date, after a first dated value: " to 28,120 by "
_RISE_TO = re.compile(r"\s*to\s+\S+(?:\s+\S+){0,2}\s+by\s+", re.IGNORECASE)
_BY_BEFORE = re.compile(r"\bby\s+$", re.IGNORECASE)
_PERFECT = re.compile(r"\b(?:had|has|have)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?]\s")


def _reached_by(text: str, s: int, e: int) -> bool:
    """"By Friday, 4,000 had fled", "had spent £40m by March": a past "by" with a perfect tense
    in its sentence is the date the count stood at, not a deadline."""
    if not _BY_BEFORE.search(text, max(0, s - 6), s) and not text[s:s + 3].lower() == "by ":
        return False
    lo = max(0, s - 100)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, s)]
    hi_m = _SENTENCE_END.search(text, e, e + 100)
    return bool(_PERFECT.search(text, ends[-1] if ends else lo, hi_m.start() if hi_m else min(len(text), e + 100)))


# an event's own date in a relative clause: "the quake that struck on Monday", "following the first quake on Feb. 6"
_CLAUSE_ROLE = dict(_words("clause"))
_EVENT_CLAUSE = re.compile(rf"\b(?:{alternation(_CLAUSE_ROLE)})\s+(?:\S+\s+){{0,4}}$", re.IGNORECASE)
_FUTURE = re.compile(rf"\b(?:{alternation(w for (w,) in _words('future'))})\s+(?:\S+\s+){{0,5}}$", re.IGNORECASE)
_ONSET = re.compile(rf"\b(?:{alternation(w for (w,) in _words('onset'))})\s+(?:(?:on|in|at|around|during)\s+)?$",
                    re.IGNORECASE)
_SPAN_END = re.compile(rf"\b(?:{alternation(w for (w,) in _words('span end'))})\s+(?:(?:on|in|at)\s+)?$", re.IGNORECASE)
_SINCE_CLAUSE = re.compile(r"\bsince\s+(?:\S+\s+){0,9}$", re.IGNORECASE)
# a date fronted in a reported clause, set off by a comma: "said that on Monday, ..." (not "the quake that hit on Monday")
_FRONTED = re.compile(r"\bthat\s+(?:on|in)\s+$", re.IGNORECASE)
# a comparison's base right before a date, with no figure between: "than they were ", "compared with "
_COMPARED = re.compile(r"\b(?:than|compared\s+(?:with|to)|versus)\s+(?:[^\d\s,;:]+\s+){0,4}$"
                       r"|\b(?:up|down|rose|fell|higher|lower)\b[^,;:]{0,30}\bfrom\s+$", re.IGNORECASE)  # "up 12% from"
_PRICE_BASE = re.compile(rf"\s+(?:{alternation(w for (w,) in _words('price base'))})\b", re.IGNORECASE)


def _role(text: str, s: int, e: int, kind: str, surface: str) -> str:
    if kind == "pos":
        return "attributive"  # "April's inflation figures": it names what it stands before, wherever it stands
    if kind in ("ago", "back") and _COMPARED.search(_CLAUSE_SPLIT.split(text[max(0, s - 60):s])[-1]):
        return "comparison"  # "88% more than they were a year ago": the base a change is measured from
    if kind == "back":
        if _OVER_BEFORE.search(text, max(0, s - 8), s):
            return "window"  # "a monthly average of 63,000 over the prior 12 months": a span up to the figure's date
        return "point"  # "after rising 6% the previous year": counted from another date, never a start or deadline
    window = text[max(0, s - 60):s]
    clause = _CLAUSE_SPLIT.split(window)[-1]
    if _SPAN_END.search(clause):
        return "point"  # "in the 12 months that ended in March": a count over a span is as of its end
    if _FUTURE.search(clause):
        return "until"  # "has been asked to attend the committee on Monday": a coming day
    if _ONSET.search(clause):
        return "onset"  # "since the war broke out in April 2023": when the counting began
    if _SINCE_CLAUSE.search(clause):
        return "since"  # "have fled since the army retook the region on Sept. 20": a start, however far back "since" stands
    if _FRONTED.search(clause) and text.startswith(",", e):
        return "point"  # "the ministry said that on January 19, 1.12 million marched": the reported clause's date
    m = _EVENT_CLAUSE.search(clause)
    if m:
        return _CLAUSE_ROLE[m.group().split()[0].lower()]
    before = text[max(0, s - 14):s].lower().split()
    first = surface.split()[0].lower()
    prev = before[-1] if before else ""
    word = first if first in ROLE_BEFORE else prev
    if word in ROLE_BEFORE:
        return ROLE_BEFORE[word]
    after = text[e:e + 24]
    if _PRICE_BASE.match(after):
        return "price base"  # "£72bn at 2015 prices": the year money is counted in, not a date of the figure
    if surface.lower().endswith(("'s", "’s")) or after.startswith(("'s", "’s")):
        return "attributive"  # "Monday's massive earthquake", "last week's fires", "yesterday's figures"
    if kind == "mon" and first == "a":
        return "attributive"  # "A March report"
    if prev in ("the", "a") and _LOWER_NEXT.match(after) and kind in ("dmy", "mdy", "mon"):
        return "attributive"  # "the 6 February earthquake", "the Aug. 8 fire", "A March report"
    return "point"


def resolve(expr: str, base: date) -> tuple[date, str] | None:
    """The date ``expr`` names, seen from ``base``, and its precision; None when it is not a date."""
    return _resolve(" ".join(expr.lower().replace("’", "'").split()), base)


@lru_cache(maxsize=4096)
def _resolve(expr: str, base: date) -> tuple[date, str] | None:
    words = [w.removesuffix("'s").removeprefix("mid-") for w in expr.replace(",", " ").replace(".", " ").split()]
    words = [w for w in words if w not in ("on", "in", "since", "until", "by", "early", "late", "mid", "mid-", "a")] or words
    quarter = _QUARTER_RX.fullmatch(expr)
    if quarter:
        return _quarter_end(int(quarter[1]) if quarter[1] else QUARTERS[quarter[2]], quarter[3], base)
    edge = _EDGE_RX.fullmatch(expr)
    if edge:
        return _edge_month(edge[1], edge[2], base)
    if expr in RELATIVE:
        back, precision = RELATIVE[expr]
        if back == "month":
            first = base.replace(day=1) - timedelta(days=1)
            return first.replace(day=1), "month"
        if back == "year":
            return date(base.year - 1, 1, 1), "year"
        if back == "weekend":  # the last Sunday, or today on a Saturday
            return base - timedelta(days=0 if base.weekday() == 5 else (base.weekday() + 1) % 7), "day"
        if back == "midweek":  # "earlier this week": the middle of the days since Monday, the likeliest day
            elapsed = base.weekday()
            return base - timedelta(days=elapsed // 2 + 1 if elapsed else 0), "day"
        return base - timedelta(days=back), precision
    back = _back_of(expr)
    if back:
        return earlier_than(base, "day", back)
    ago = _AGO.fullmatch(expr)
    if ago:
        n = int(ago[1]) if ago[1].isdigit() else COUNT_WORDS[ago[1]]
        unit = ago[2]
        if unit == "year":
            return date(base.year - n, 1, 1), "year"
        if unit == "month":
            y, mo = divmod(base.year * 12 + base.month - 1 - n, 12)
            return date(y, mo + 1, 1), "month"
        return base - timedelta(days=n * UNIT_DAYS[unit]), "day"
    wd = [w for w in words if w in WEEKDAYS]
    if wd and not any(w in MONTHS for w in words):
        return _weekday(WEEKDAYS[wd[0]], base, words[0]), "day"
    month = next((MONTHS[w] for w in words if w in MONTHS), None)
    year = next((int(w) for w in words if _YEAR_RX.fullmatch(w)), None)
    day = next((int(w.rstrip("stndrh")) for w in words if _DAY_RX.fullmatch(w)), None)
    if month and day:
        return _day_in_year(year, month, day, base)
    if month:
        if year is None and words[-1:] == ["year"] and words[-2] in ("last", "this"):
            year = base.year - (words[-2] == "last")  # "May last year"
        if year is None:
            year = base.year if month <= base.month else base.year - 1
        return date(year, month, 1), "month"
    if year and len(words) == 1:
        return date(year, 1, 1), "year"
    if _NUMERIC_DATE.fullmatch(expr):
        return _dateparser(expr, base)
    return None


def _quarter_end(n: int, year: str | None, base: date) -> tuple[date, str]:
    """The last month of quarter ``n``, where a quarter's figure stands (as a span is as of its
    end); with no year, of the last such quarter begun by ``base`` — one still running ends after
    the base, and dating then holds the figure to the publication date (a forecast)."""
    if year in ("this year", "last year"):
        y = base.year - (year == "last year")
    elif year:
        y = int(year)
    else:
        y = base.year if 3 * n - 2 <= base.month else base.year - 1
    return date(y, 3 * n, 1), "month"


def _edge_month(edge: str, period: str, base: date) -> tuple[date, str] | None:
    """The month at the end (or start) of ``period``: a month is its own; a year's is December
    (or January)."""
    if period in ("this year", "last year"):
        year = base.year - (period == "last year")
    else:
        found = _resolve(period, base)
        if found is None:
            return None
        if found[1] == "month":
            return found
        year = found[0].year
    return date(year, 12 if edge in ("end", "close") else 1, 1), "month"


_BACK = re.compile(rf"(?:({_COUNT})\s+({_UNIT})s?\s+(earlier|before|later|after)"
                   rf"|the\s+(previous|preceding|prior|following|next)\s+(?:({_COUNT})\s+)?({_UNIT})s?"
                   rf"|the\s+({_UNIT})\s+(before|after))", re.IGNORECASE)


def _back_of(expr: str) -> tuple[int, str] | None:
    """"two months earlier" -> (2, "month"); "the previous year" -> (1, "year"); "the previous
    three months" -> (3, "month"); "a week later" -> (-1, "week"): counted forward."""
    m = _BACK.fullmatch(" ".join(expr.lower().split()))
    if m is None:
        return None
    count = m[1] or m[5]
    n = (int(count) if count.isdigit() else COUNT_WORDS[count]) if count else 1
    return (-n if (m[3] or m[4] or m[8]) in _FORWARD else n), m[2] or m[6] or m[7]


def earlier_than(anchor: date, precision: str, back: tuple[int, str]) -> tuple[date, str]:
    """The date ``back`` before ``anchor`` (of ``precision``): days and weeks to the day, months
    and quarters to the month, years to the month or, from a year, to the year ("In May ... a
    year earlier" is May of the year before)."""
    n, unit = back
    if unit in ("day", "week", "fortnight"):
        return anchor - timedelta(days=n * UNIT_DAYS[unit]), "day"
    y, m = divmod(anchor.year * 12 + anchor.month - 1 - n * {"month": 1, "quarter": 3, "year": 12}[unit], 12)
    return date(y, m + 1, 1), "year" if unit == "year" and precision == "year" else "month"


def _weekday(weekday: int, base: date, lead: str) -> date:
    back = (base.weekday() - weekday) % 7
    if lead == "last" and back == 0:
        back = 7
    if lead == "next":
        return base + timedelta(days=(weekday - base.weekday()) % 7 or 7)
    return base - timedelta(days=back)


def _day_in_year(year: int | None, month: int, day: int, base: date) -> tuple[date, str] | None:
    try:
        if year is not None:
            return date(year, month, day), "day"
        found = date(base.year, month, day)
    except ValueError:
        return None
    if found > base + timedelta(days=7):  # news looks back: "on Oct. 12" in a January story
        try:
            found = found.replace(year=base.year - 1)
        except ValueError:
            return None
    return found, "day"


def _dateparser(expr: str, base: date) -> tuple[date, str] | None:
    import dateparser  # slow to import; only numeric dates need it

    found = []
    for order in ("DMY", "MDY"):  # day-first and month-first: keep the reading nearest the base
        settings = {"RELATIVE_BASE": datetime(base.year, base.month, base.day), "PREFER_DATES_FROM": "past",
                    "DATE_ORDER": order, "STRICT_PARSING": True}
        parsed = dateparser.parse(expr, languages=["en"], settings=settings)
        if parsed is not None and parsed.date() <= base + timedelta(days=7):
            found.append(parsed.date())
    if not found:
        log.debug("dateparser could not read %r as a date near %s", expr, base)
        return None
    return min(found, key=lambda d: abs((base - d).days)), "day"
