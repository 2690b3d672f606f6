"""Dates and relative times resolved against a pinned publication date (never today)."""
from __future__ import annotations

from datetime import date

import pytest

from figures.timeref import find_time_refs, resolve

BASE = date(2023, 2, 9)  # a Thursday


@pytest.mark.parametrize("expr, expected, precision", [
    ("Thursday", date(2023, 2, 9), "day"),  # the base's own weekday is the base
    ("on Monday", date(2023, 2, 6), "day"),
    ("Monday morning", date(2023, 2, 6), "day"),
    ("Friday", date(2023, 2, 3), "day"),  # the last Friday on or before the base
    ("last Thursday", date(2023, 2, 2), "day"),  # "last" on the base's weekday goes back a week
    ("next Monday", date(2023, 2, 13), "day"),
    ("yesterday", date(2023, 2, 8), "day"),
    ("today", date(2023, 2, 9), "day"),
    ("overnight", date(2023, 2, 9), "day"),
    ("last week", date(2023, 2, 2), "day"),
    ("a week ago", date(2023, 2, 2), "day"),
    ("two weeks ago", date(2023, 1, 26), "day"),
    ("3 days ago", date(2023, 2, 6), "day"),
    ("seven years ago", date(2016, 1, 1), "year"),
    ("last month", date(2023, 1, 1), "month"),
    ("last year", date(2022, 1, 1), "year"),
    ("Feb. 6", date(2023, 2, 6), "day"),
    ("February 6, 2023", date(2023, 2, 6), "day"),
    ("6 February", date(2023, 2, 6), "day"),
    ("21 October 2024", date(2024, 10, 21), "day"),  # an explicit year wins over the base
    ("Oct. 12", date(2022, 10, 12), "day"),  # months ahead of the base: last year's October
    ("Feb. 14", date(2023, 2, 14), "day"),  # up to a week ahead stays this year (embargoed copy)
    ("in June", date(2022, 6, 1), "month"),  # the last June that has begun
    ("in January", date(2023, 1, 1), "month"),
    ("March 2024", date(2024, 3, 1), "month"),
    ("2015", date(2015, 1, 1), "year"),
    ("9/2/2023", date(2023, 2, 9), "day"),  # day-first and month-first: the reading nearest the base
    # counted back from the base when nothing else anchors them (dating counts from the sentence's date)
    ("a month earlier", date(2023, 1, 1), "month"),
    ("two weeks earlier", date(2023, 1, 26), "day"),
    ("a year earlier", date(2022, 2, 1), "month"),
    ("the previous day", date(2023, 2, 8), "day"),
    ("the year before", date(2022, 2, 1), "month"),
    ("a week later", date(2023, 2, 16), "day"),  # forward from the base: dating caps it at the base
    ("the previous three months", date(2022, 11, 1), "month"),
    ("May last year", date(2022, 5, 1), "month"),
    ("March this year", date(2023, 3, 1), "month"),
    ("mid-January", date(2023, 1, 1), "month"),
    ("last weekend", date(2023, 2, 5), "day"),  # the Sunday before a Thursday
    ("over the weekend", date(2023, 2, 5), "day"),
    ("earlier this week", date(2023, 2, 7), "day"),  # Monday to Wednesday gone by before a Thursday: Tuesday
    ("yesterday evening", date(2023, 2, 8), "day"),
    # the end or start of a period: its last (or first) month, where a stock stood then
    ("the end of 2018", date(2018, 12, 1), "month"),
    ("the end of November", date(2022, 11, 1), "month"),
    ("end-2021", date(2021, 12, 1), "month"),
    ("the start of this year", date(2023, 1, 1), "month"),
    ("the beginning of last year", date(2022, 1, 1), "month"),
    # a quarter: its last month; with no year, the last such quarter begun (one still running ends ahead)
    ("Q2 2021", date(2021, 6, 1), "month"),
    ("the third quarter", date(2022, 9, 1), "month"),
    ("first quarter", date(2023, 3, 1), "month"),
    ("fourth quarter of last year", date(2022, 12, 1), "month"),
])
def test_resolve(expr, expected, precision):
    assert resolve(expr, BASE) == (expected, precision)


@pytest.mark.parametrize("base, expected", [
    (date(2023, 2, 12), date(2023, 2, 8)),  # a Sunday: Monday to Saturday gone by, their middle a Wednesday
    (date(2023, 2, 7), date(2023, 2, 6)),  # a Tuesday: Monday
    (date(2023, 2, 6), date(2023, 2, 6)),  # a Monday: the week has only begun
])
def test_earlier_this_week(base, expected):
    assert resolve("earlier this week", base) == (expected, "day")


@pytest.mark.parametrize("expr", [
    "12,000", "troops", "the first step",
    "under Prime Minister Theresa May's plan",  # a first name before "May's": a person
    "May officials said",  # a capitalised month alone needs "in", "since", "last" ... before it
    "for may be",  # the modal verb, lower case
    "the vote was moved to May",  # "to" names a month only after a period: "the year to May"
    "prices were lower a year before the pandemic",  # before an event, not before another date
    "Smith and May said",  # "and" leads a month only after another month
    "lawmakers passed the Finance Bill 2024 on",  # a year in a name
    "fans at the 2023 World Cup final",
])
def test_not_dates(expr):
    assert find_time_refs(expr, BASE) == []


@pytest.mark.parametrize("text, surface, role", [
    ("the toll rose to 111 on Wednesday night", "on Wednesday night", "point"),
    ("officials said Monday that", "Monday", "point"),
    ("since March, prices rose", "March", "since"),
    ("until 2026", "2026", "until"),
    ("in Monday’s massive earthquake", "Monday’s", "attributive"),  # names the event
    ("the 6 February earthquake", "6 February", "attributive"),
    ("A March report from the watchdog", "March", "attributive"),
    ("the quake that struck on Monday killed", "on Monday", "event"),  # the event's own date
    ("aftershocks following the first quake on Feb. 6", "Feb. 6", "since"),
    ("has been asked to attend the committee on Monday", "on Monday", "until"),  # a coming day
    ("retail sales for January rose 0.3%", "January", "point"),  # a monthly statistic's month
    ("during January, 300 jobs went", "January", "point"),
    ("the bureau said April's inflation rate was", "April's", "attributive"),  # names a statistic's month
    ("When August’s jobs figure came out", "August’s", "attributive"),  # "When" opens the sentence, no name
    ("damage in last week's storm", "last week", "attributive"),  # names the storm
    ("since the war broke out in April 2021 more", "April 2021", "onset"),  # when the counting began
    ("fighting erupted on Monday in the", "on Monday", "onset"),
    # a date at the end of a long "since" clause is still the start of what was counted
    ("have fled since the army retook the whole region on Sept. 20", "Sept. 20", "since"),
    # the end of a span a figure is counted over is its date, even in a relative clause
    ("in the 12 months that ended in March, hiring", "March", "point"),
    ("for the year ending June 30, output", "June 30", "point"),
    # a span of time counted up to a past date: the count over it is as of its end, no deadline
    ("2,400 fewer hires in the 12 months through March than", "March", "point"),
    ("a gain of 9,100 over the 12-month period until May 2022, the", "May 2022", "point"),
    # a trailing span: it ends at the figure's date, which it does not give
    ("an average of 210 a month over the previous 12 months", "the previous 12 months", "window"),
])
def test_roles(text, surface, role):
    refs = find_time_refs(text, BASE)
    assert [(r.text, r.role) for r in refs] == [(surface, role)]
    assert all(text[r.start:r.end] == r.text for r in refs)


def test_offsets_are_into_the_whole_text():
    text = "Header line. The death toll rose to 99 on Monday, police said on Tuesday."
    start = text.index("The")
    refs = find_time_refs(text, date(2023, 8, 16), start, len(text))
    assert [text[r.start:r.end] for r in refs] == ["on Monday", "on Tuesday"]
    assert [r.day for r in refs] == [date(2023, 8, 14), date(2023, 8, 15)]


@pytest.mark.parametrize("text, surface", [
    ("In 2020 the war killed 6,500", "2020"),  # a capitalised word that leads a date
    ("Since 2019 the city has grown", "2019"),
    ("sales in Summer 2022 fell", "2022"),
    ("the 2021 April figures", "2021"),
])
def test_years_after_capitalised_leaders(text, surface):
    assert [r.text for r in find_time_refs(text, BASE)] == [surface]


@pytest.mark.parametrize("text", [
    # "the last year" is the span up to now, not the calendar year before; so "the last week", "month"
    "a monthly average of 5,000 over the last year",
    "more than 300 arrests in the last week",
])
def test_the_last_span_is_no_date(text):
    assert find_time_refs(text, BASE) == []


def test_year_spans_and_amounts_are_not_years():
    # "2023-24" is a financial year, "2,023" an amount: neither dates the figure
    assert find_time_refs("in the 2023-24 financial year", BASE) == []
    assert find_time_refs("about 2,023 people", BASE) == []


@pytest.mark.parametrize("text, surface, day", [
    # a leading word ("in", "since", "by") before a month must not cut off the day or year after it
    ("the strike began in March 2021 and", "March 2021", date(2021, 3, 1)),
    ("rents have doubled since Oct. 3, after", "Oct. 3", date(2022, 10, 3)),
    ("the fund must be spent by June 30, 2024 under", "June 30, 2024", date(2024, 6, 30)),
    ("shipping stalled in Sept. 2019 when", "Sept. 2019", date(2019, 9, 1)),
    # a figure after the month is no day of it
    ("in January 4,500 homes lost power", "January", date(2023, 1, 1)),
])
def test_month_keeps_its_day_and_year(text, surface, day):
    refs = find_time_refs(text, BASE)
    assert [(r.text, r.day) for r in refs] == [(surface, day)]


@pytest.mark.parametrize("text, role", [
    # a past "by" with a perfect tense is when the count stood so, not a deadline
    ("By Monday night, rescuers had found 60 bodies.", "point"),
    ("The levy has raised £2m by January, the council said.", "point"),
    ("The works must be finished by Monday.", "until"),
    ("The site will reopen by next Monday.", "until"),
])
def test_by_a_past_date(text, role):
    refs = find_time_refs(text, BASE)
    assert [r.role for r in refs] == [role]


@pytest.mark.parametrize("text, expected", [
    # a span from one date to another is as of its end ...
    ("1,200 jobs were lost from May 2021 through January of this year.",
     [("May 2021", "since", date(2021, 5, 1)), ("January of this year", "point", date(2023, 1, 1))]),
    ("Sales fell 3% from June 2022 to January 2023.",
     [("June 2022", "since", date(2022, 6, 1)), ("January 2023", "point", date(2023, 1, 1))]),
    # ... not a deadline after a start still to come
    ("The road is closed from Monday until next Friday.",
     [("Monday", "since", date(2023, 2, 6)), ("next Friday", "until", date(2023, 2, 10))]),
    # a count's second value by a later past day, after a first dated value: that day's count
    ("Arrivals rose from 6,500 on Monday to 28,120 by Tuesday night.",
     [("on Monday", "point", date(2023, 2, 6)), ("Tuesday night", "point", date(2023, 2, 7))]),
    # two months named together: each is read
    ("the agency revised the October and November totals by 4,000",
     [("October", "point", date(2022, 10, 1)), ("November", "point", date(2022, 11, 1))]),
])
def test_spans(text, expected):
    assert [(r.text, r.role, r.day) for r in find_time_refs(text, BASE)] == expected


def test_plural_units_open_a_search():
    # "two weeks earlier" holds no singular time word; the search must still look there
    refs = find_time_refs("Prices fell 3%, after rising 2% two weeks earlier.", BASE)
    assert [(r.text, r.back) for r in refs] == [("two weeks earlier", (2, "week"))]
