"""The date a figure refers to (as-of): the statement's date ("officials said Monday"), else the
nearest date in the figure's clause or sentence (``timeref``), else a date the article sets for
what it reports — the month a statistic article's lead reports on ("employers added 150,000 jobs
in March"), the day an earlier sentence set the scene for ("Yesterday, officials gave varying
tolls."), the day the article's statements were made or its lead's first figure was counted —
else the publication date. Dates of the event itself ("the earthquake before dawn on Monday")
and future deadlines do not date a figure.

This module reads each figure's own date; the dates the article sets, read once per article,
come from ``article_dates``.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date
from functools import cache

from figures.article_dates import (COUNT_PATTERN, EVENT_WORD, FIGURE_BEFORE, WORDS_AFTER, cue_alternation, cue_word, dates_event,
                                   dating_cues, names_period, news_day_for, not_after, opening_period_end,
                                   period_referred_back, release_before, scene_day, statistic_period)
from figures.context import Claimant, Context
from figures.timeref import COUNT_WORDS, TimeRef, earlier_than
from figures.tokens import MAX_CLAUSE_TOKENS, Tok, clause_bounds


def _dates_release(ctx: Context, t: TimeRef, claimants: list[Claimant]) -> bool:
    """The date of a statement about the figure or of its publication ("the ONS said Thursday",
    "the data published on Wednesday") rather than of the period it measures."""
    text = ctx.article.text
    if any(c.start >= 0 and c.day and dates_statement(text, c.start, t) for c in claimants):
        return True
    return bool(release_before().search(text, max(0, t.start - 100), t.start))


def _periods_first(ctx: Context, dates: list[TimeRef], claimants: list[Claimant]) -> list[TimeRef]:
    """A statement's or a release's day yields to a month or year in the same clause: the period
    the figure measures ("the ONS said Thursday the rate was 3.5% in April's figures"). A day
    does not: "officials released on Thursday the names of 388 missing after the fire on Aug. 8";
    a day counted back from the statement does ("said on Thursday it killed 30 the day before")."""
    if not any(t.precision != "day" or t.back for t in dates):
        return dates
    return [t for t in dates if t.precision != "day" or t.back or not _dates_release(ctx, t, claimants)]


def dates_statement(text: str, verb_at: int, t: TimeRef) -> bool:
    """A date right at the claimant's verb: "said Monday", "said in an email Friday",
    "said on its website late on Friday", "Wednesday estimated", "officials on Friday said"."""
    if t.start >= verb_at:
        gap = text[verb_at:t.start]
        return (len(gap) <= 24 or bool(_VERB_MEDIUM.fullmatch(gap))) and not any(ch in gap for ch in ",;:“”\"") \
            and not _THAT_GAP.search(gap)  # "said that on Monday, ...": the reported clause's date
    gap = text[t.end:verb_at]
    # not "the flood that followed the dam's collapse on May 3, according to", nor a date that
    # trails a figure: "down from 5.4 metres on 9 June, according to" is that figure's
    return (len(gap) <= 3 and not dates_event(text, t)
            and not FIGURE_BEFORE.search(text, max(0, t.start - 40), t.start))


_THAT_GAP = re.compile(r"\bthat\s+(?:on\s+|in\s+)?$", re.IGNORECASE)
# a verb and the medium a statement was made in, up to its date: "said on its Telegram channel late "
_VERB_MEDIUM = re.compile(r"[\w-]+\s+(?:in|on|via|through)\s+(?:a|an|its|his|her|their|the)(?:\s+[A-Za-z-]+){1,3}"
                          r"\s+(?:(?:late|early)\s+)?")

_FIRST_WORD = re.compile(r"\W*(\w+)")


def _next_word(text: str, pos: int) -> str:
    m = _FIRST_WORD.match(text, pos, pos + 30)
    return m.group(1).lower() if m else ""


def _names_incident(text: str, t: TimeRef) -> bool:
    """"killed in Thursday's attack": an incident's day, the day its dead were counted for."""
    after = WORDS_AFTER.match(text, t.end, t.end + 40)
    return bool(after and cue_word("incident").search(after.group()))


def _names_tally(text: str, t: TimeRef) -> bool:
    """"Yesterday's tally was 4,120", "Monday's death toll stood at 212": a day that names a count
    is the day the count stood so — not "Monday's quake toll", the toll of the day's event."""
    after = WORDS_AFTER.match(text, t.end, t.end + 40)
    return bool(t.precision == "day" and after and cue_word("tally").search(after.group())
                and not EVENT_WORD.search(after.group()))


def _past_year(t: TimeRef, year: int | None) -> bool:
    """A year before the year of publication ("in 2017", "2005's")."""
    return t.precision == "year" and year is not None and t.day.year < year


def _past_event(text: str, t: TimeRef, year: int | None) -> bool:
    """"2005's Hurricane Katrina", "the 1999 earthquake": a past year's event, whose toll is of that year."""
    after = WORDS_AFTER.match(text, t.end, t.end + 40)
    return bool(_past_year(t, year) and t.role in ("point", "attributive") and after
                and EVENT_WORD.search(after.group()))


def _figure_dates(ctx: Context, times: list[TimeRef]) -> list[TimeRef]:
    """The dates of a sentence that can date its figures (once per sentence): points not tied to
    the event ("the earthquake before dawn on Monday"), documents' dates ("a March report") and
    statistics' months ("April's inflation rate")."""
    if ctx.dates_for is not times:
        text = ctx.article.text
        ctx.dates_for = times
        year = ctx.article.published.year if ctx.article.published else None
        # an event's date is not its toll's (counted later), unless the event is of a past year
        # ("Hurricane Harvey in 2017 caused $190 billion", "2005's Hurricane Katrina, which killed 1,392")
        ctx.dates = [t for t in times if (not dates_event(text, t) or _past_year(t, year))
                     and not _founding_before().search(text, max(0, t.start - 40), t.start) and (
            t.role == "point" or (t.role == "attributive" and (
                _next_word(text, t.end) in ctx.vocab.document_nouns or names_period(text, t)
                or _names_incident(text, t) or _names_tally(text, t))) or _past_event(text, t, year))]
    return ctx.dates


def read_as_of(ctx: Context, toks: list[Tok], ti: int, times: list[TimeRef],
           claimants: list[Claimant], kind: str | None = None) -> tuple[date | None, str]:
    """The date the figure refers to: the statement's date ("officials said Monday"), else the
    nearest date in the sentence, else (in a statistic article) the month it reports on, else an
    inherited speaker's date, else the day an earlier sentence set the scene for, else the news
    day, else the publication date. The year of publication named as a period is the year so far:
    "97% of deaths reported in 2024", written in August 2024, is as of that day."""
    day, precision = _read_as_of(ctx, toks, ti, times, claimants, kind)
    base = ctx.article.published
    if precision == "year" and base and day and day.year == base.year and day <= base:
        return base, "day"
    return day, precision


def _read_as_of(ctx: Context, toks: list[Tok], ti: int, times: list[TimeRef],
                claimants: list[Claimant], kind: str | None) -> tuple[date | None, str]:
    base = ctx.article.published
    fig = toks[ti]
    if kind == "event":
        # a magnitude or depth belongs to the event and is dated by the report, unless the
        # sentence is about another year's event ("a 7.8 temblor that killed 9,000 in Nepal in 2015")
        years = [t for t in times if t.precision == "year" and t.role == "point" and base and t.day.year < base.year]
        return (years[0].day, "year") if years else (base, "day")
    when = _date_relative_clause(ctx.article.text, fig, times)
    if when:
        if when.back and when.back[1] == "year":  # "the previous year, which saw ...": that calendar year
            return date(when.day.year, 1, 1), "year"
        return not_after(when, base)
    result = _event_result_date(ctx, toks, ti, times)
    if result:
        return not_after(result, base)
    opening = opening_period_end(ctx, toks)
    if opening:
        return opening
    # the month a statistic article reports on, for figures with no date of their own — not a
    # standing target ("the central bank's 2% target"), which no month measures
    period = None if _names_target(ctx.article.text, fig.start, fig.end) else statistic_period(ctx)
    # "the rate fell from 4.3% to 4.2%": 4.3% was the month before's
    figure_period = earlier_than(*period, (1, "month")) if period and _changed_from(toks, ti) else period
    # "withdrew the bill on Wednesday, a day after 22 people were killed": counted back from the date before
    after = _counted_after(ctx.article.text, toks[0].start, fig.start, times, base)
    if after:
        return after
    own_event = _figure_clause_date(ctx.article.text, fig, times)
    if own_event:
        return not_after(own_event, base)
    # a date that contains the figure ("two years ago") dates something else
    points = [t for t in _figure_dates(ctx, times) if not (t.start < fig.end and fig.start < t.end)]
    if points:
        # 1. the figure's own clause: "fell to 2.4% in November from 2.9% in October"
        lo, hi = clause_bounds(toks, ti)
        if hi == ti + 2 and hi < len(toks) and toks[hi].fig >= 0 and toks[ti + 1].low == "to":
            hi = clause_bounds(toks, hi)[1]  # "from 179,000 to 118,000 in June": the pair shares its date
        c_lo, c_hi = toks[lo].start, toks[hi - 1].end
        own = [t for t in points if c_lo <= t.start < c_hi]
        if len(own) > 1:
            own = _periods_first(ctx, own, claimants)
        if own:
            text = ctx.article.text
            if any(t.end <= fig.start for t in own):
                # "the estimate for July was revised to 137,000 and the estimate for August to
                # 166,000": a date past the start of another coordinated clause is that clause's
                own = [t for t in own if t.start < fig.end or not _NEXT_CLAUSE.search(text, fig.end, t.start)]
            # "revised from 179,000 to 118,000 in June and from 131,000 to 97,000 in July": a
            # date right after the figure (or after the pair it opens) is that figure's own
            trailing = [t for t in own if t.start >= fig.end and _NOUN_TRAILING.fullmatch(text, fig.end, t.start)]
            best = trailing[0] if trailing else min(own, key=lambda t: abs(t.start - fig.start))
            said = next((c.day for c in claimants if c.start >= 0 and c.day), None)
            if said and " ".join(best.text.lower().split()) in dating_cues("deictic"):
                return said  # "launched 40 drones overnight, the air force said on Tuesday": Tuesday's night
            if period and best.precision == "day" and best.back is None and _dates_release(ctx, best, claimants):
                return figure_period  # "the department said Friday that payrolls rose by 200,000": the report's month
            tallied = _tallied_later(ctx, best, times, claimants)
            if tallied:
                return not_after(tallied, base)
            return _dated(best, points, base, period, text)
        # 2. a date further on, past the figure's clause, that no other figure stands before:
        # "five civilians were killed and 40 injured, including women, in shelling yesterday"
        later = _later_date(ctx, toks, ti, c_hi, points, claimants)
        if later:
            if figure_period and later.precision == "month" and (later.day, "month") != period and _from_before(
                    ctx.article.text, toks, ti, later):
                # "the rate dipped to 4.2% from 4.3% in July" in August's report: July is 4.3%'s
                return figure_period
            return _dated(later, points, base, period, ctx.article.text)
        # 3. a period an earlier sentence named, referred back to ("this figure was wrong and should
        # have been 3.4%", "that month"), before a statement's or another day
        referred = period_referred_back(ctx, toks, ti)
        if referred:
            return referred
        # 4. a date before the figure in the sentence: "On Friday, the toll rose to 97"
        # — not a day that dates another figure ("against 650,000 on January 19, an increase of
        # 20%"); a month or year does hold on ("overstated by 0.1 points in April – it should have been 3.4%")
        text = ctx.article.text
        before = [t for t in points if t.end <= fig.start and not _closed_aside(text, toks[0].start, t, fig.start)]
        if before:  # the figure nearest before each date is the only one it can trail
            ends = [x.end for x in toks[:ti] if x.fig >= 0]
            before = [t for t in before if t.precision != "day" or not (
                (k := bisect_right(ends, t.start)) and _TRAILING.fullmatch(text, ends[k - 1], t.start))]
            # "rose by 12,000 in October from the previous month, while the rate held at 4.1%": a
            # date counted back as a change's base is that change's, never the date of what follows
            before = [t for t in before if t.back is None or not _COMPARISON_BASE.search(text, max(0, t.start - 16), t.start)]
        # 5. the statement's date: "officials said Monday", "tweeted on Wednesday" — after a
        # month or year before the figure, the period it measures ("the ONS said on Wednesday
        # April's rate was 3.5%, not 3.4%"), before a day
        said = next((c.day for c in claimants if c.start >= 0 and c.day), None)
        periods = [t for t in before if t.precision != "day"]
        if said and not periods:
            return figure_period or said  # a statistic's release day yields to the month it measures
        if before:
            return _dated(_periods_first(ctx, before, claimants)[-1], points, base, period, text)
    if period:  # "Private payrolls were expected to rise by 125,000": the report's month
        return period_referred_back(ctx, toks, ti) or figure_period
    for c in claimants:
        if c.day:
            return c.day
    back = period_referred_back(ctx, toks, ti)
    if back:
        return back
    if _states_a_fact(toks, ti) and not any(c.start >= 0 for c in claimants):
        return base, "day"  # "the port, which has a population of 120,000": no news of the day, as of publication
    return scene_day(ctx, toks[0].start) or news_day_for(ctx, claimants) or (base, "day")


def _tallied_later(ctx: Context, t: TimeRef, times: list[TimeRef], claimants: list[Claimant]) -> TimeRef | None:
    """``t`` is an incident's day ("killed during the offensive on 19 May", "died in the 25 May
    explosion") and the sentence gives a later day the toll was stated or released on ("the
    ministry announced on Wednesday", "figures released on Friday"): the toll is as counted then."""
    text = ctx.article.text
    if t.precision != "day" or t.back is not None or not (
            _names_incident(text, t) or _incident_before().search(text, max(0, t.start - 80), t.start)):
        return None
    return next((x for x in times if x.precision == "day" and x.back is None and x.day > t.day
                 and _dates_release(ctx, x, claimants)), None)


def _date_relative_clause(text: str, fig: Tok, times: list[TimeRef]) -> TimeRef | None:
    """The figure stands in a relative clause on a date: "the worst since 2015, when 2,070 people
    died", "down from the previous year, which saw 212 deaths" — the clause tells what happened
    then, so the figure is that date's, whatever the date's role in the main clause."""
    for t in times:
        if t.end <= fig.start and _ON_DATE_CLAUSE.fullmatch(text, t.end, fig.start):
            return t
    return None


# from a date to a figure in a relative clause on it: ", when ", ", which saw ", ", in which about "
_ON_DATE_CLAUSE = re.compile(r"\s*,\s+(?:when|(?:in|during)\s+which|which\s+(?:saw|brought|had|recorded))\b[^,;:.()—–\d]{0,40}?",
                             re.IGNORECASE)


def _closed_aside(text: str, sentence_start: int, t: TimeRef, fig_start: int) -> bool:
    """``t`` stands in parentheses closed before the figure: "the cap (1,277 at the start of this
    year) may reach 3,000" — the aside's date is no date of what follows it."""
    opened = text.rfind("(", sentence_start, t.start)
    return opened > text.rfind(")", sentence_start, t.start) and ")" in text[t.end:fig_start]


def _figure_clause_date(text: str, fig: Tok, times: list[TimeRef]) -> TimeRef | None:
    """An event's date (or a start's) that is the figure's own: a relative clause on the figure's
    noun ("the 236,000 jobs that were added in September"), or a clause of when something happened
    that opens right before the figure ("after 200 were admitted on Friday", "when 300 people
    gathered on Sunday")."""
    for t in times:
        if t.start < fig.end:
            continue
        if t.role == "event" and _FIGURE_RELATIVE.fullmatch(text, fig.end, t.start):
            return t
        if (t.role in ("event", "since") and _IN_WHEN_CLAUSE.search(text, max(0, fig.start - 40), fig.start)
                and _CLAUSE_GAP.fullmatch(text, fig.end, t.start)):
            return t
    return None


def _from_before(text: str, toks: list[Tok], ti: int, t: TimeRef) -> bool:
    """The figure is a change's new value and ``t`` trails the old one: "to 4.2% from 4.3% in July"."""
    j = ti + 2
    return (toks[ti - 1].low == "to" and j < len(toks) and toks[ti + 1].low == "from" and toks[j].fig >= 0
            and bool(_TRAILING.fullmatch(text, toks[j].end, t.start)))


def _changed_from(toks: list[Tok], ti: int) -> bool:
    """"rose from 3.6% to 3.8%", "fell to 5.2% from 5.7%": the figure a change starts from, the last period's value — not the
    old value of a revision ("was revised from 131,000 to 97,000"), which is of the same period."""
    if ti == 0 or toks[ti - 1].low != "from":
        return False
    new_after = ti + 2 < len(toks) and toks[ti + 1].low == "to" and toks[ti + 2].fig >= 0  # "from 3.6% to 3.8%"
    new_before = ti >= 3 and toks[ti - 2].fig >= 0 and toks[ti - 3].low == "to"  # "to 3.8% from 3.6%"
    if not (new_after or new_before):
        return False
    return not any(t.low in dating_cues("revision") for t in toks[max(0, ti - MAX_CLAUSE_TOKENS):ti])


def _names_target(text: str, start: int, end: int) -> bool:
    """"the central bank's 2% inflation target", "its target is 2%": the figure is a standing target."""
    after = WORDS_AFTER.match(text, end, end + 40)
    return bool(after and cue_word("target").search(after.group())) or bool(
        _target_before().search(text, max(0, start - 30), start))


@cache
def _founding_before() -> re.Pattern[str]:
    """An aside on a noun, up to a date, of when the body was set up: "the unit, formed on "."""
    return re.compile(rf",\s+(?:{cue_alternation('founding')})\s+(?:(?:on|in|at|last)\s+)?$", re.IGNORECASE)


@cache
def _target_before() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{cue_alternation('target')})\s+(?:is|was|remains|of)\s+$", re.IGNORECASE)


@cache
def _incident_before() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{cue_alternation('incident')})\b[^,;:]{{0,50}}$", re.IGNORECASE)


def _event_result_date(ctx: Context, toks: list[Tok], ti: int, times: list[TimeRef]) -> TimeRef | None:
    """An incident's date right before a clause of what it did: "repelled an attack west of the
    city yesterday, killing 60 and injuring 52" — the figures count that day's dead. (A disaster's
    toll, "an earthquake struck on Friday, killing 2,012", is counted up to the report.)"""
    k = _run_start(toks, ti)
    if k == 0 or toks[k - 1].text != "," or toks[k].low not in dating_cues("result"):
        return None
    comma = toks[k - 1].start
    text = ctx.article.text
    return next((t for t in times if t.role in ("point", "onset") and not text[t.end:comma].strip()
                 and _incident_before().search(text, max(0, t.start - 80), t.start)), None)


def _run_start(toks: list[Tok], ti: int) -> int:
    k, floor = ti, max(0, ti - MAX_CLAUSE_TOKENS)
    while k > floor and toks[k - 1].text not in _RUN_BREAK:
        k -= 1
    return k


def _states_a_fact(toks: list[Tok], ti: int) -> bool:
    """The figure stands in a relative clause of what a place or thing has or is ("the port, which
    has a population of 120,000", "the region, which is home to 30,000"): a standing fact, not a
    count of the day's news (unlike "the storm, which killed 40")."""
    k = _run_start(toks, ti)
    return (any(toks[j].low in dating_cues("aside") for j in range(k, min(k + 2, ti)))
            and any(toks[j].low in dating_cues("standing") for j in range(k, min(k + 4, ti))))


def _in_aside(toks: list[Tok], ti: int) -> bool:
    """The figure stands in a relative or subordinate clause: the words from the last comma up
    to the figure open with "which", "who", "when" ..."""
    k = _run_start(toks, ti)
    return any(toks[j].low in dating_cues("aside") for j in range(k, min(k + 2, ti)))


_RUN_BREAK = frozenset({",", ";", ":", "—", "–", "(", ")"})


# a date set before the next figure of its clause: "..., and on March 7, 1.28 million"
_FRONTS_FIGURE = re.compile(r",?\s*(?:(?:about|some|around|nearly|almost|over|more than|at least)\s+)?[\d$€£]")


def _later_date(ctx: Context, toks: list[Tok], ti: int, clause_end: int, points: list[TimeRef],
                claimants: list[Claimant]) -> TimeRef | None:
    """The first date after the figure's clause, when the figures between them, if any, stand in
    the figure's own run up to the next comma ("five were killed and 40 injured ... yesterday"):
    a figure after that run takes the date for itself ("735,000, against 650,000 on January 19").
    A date that times a statement is left to the statement."""
    later = [t for t in points if t.start >= clause_end]
    if not later or _in_aside(toks, ti):
        return None
    text = ctx.article.text
    k, ceiling = ti + 1, min(len(toks), ti + MAX_CLAUSE_TOKENS)
    while k < ceiling and toks[k].text not in _RUN_BREAK:
        k += 1
    run_end = toks[k].start if k < len(toks) else toks[-1].end
    first = later[0]
    for x in toks[k:]:
        if x.start >= first.start:
            break
        if x.fig >= 0 and x.start >= run_end:
            return None
    if any(c.start >= 0 and dates_statement(text, c.start, first) for c in claimants):
        return None
    if _FRONTS_FIGURE.match(text, first.end) and not _NOUN_TRAILING.fullmatch(text, toks[ti].end, first.start):
        return None  # "1.12 million on January 19, and on March 7, 1.28 million": March 7 opens the next figure's clause
    return first


def _counted_after(text: str, sentence_start: int, fig_start: int, times: list[TimeRef],
                   base: date | None) -> tuple[date, str] | None:
    """A figure in a clause "a day after ..." that follows a date: "the bill was withdrawn on
    Wednesday, a day after 22 people were killed" — the figure is that span before the date."""
    m = _AFTER_SPAN.search(text, max(sentence_start, fig_start - 80), fig_start)
    if m is None:
        return None
    anchors = [t for t in times if t.end <= m.start() and t.role == "point" and t.back is None]
    if not anchors:
        return None
    count = m[1].lower()
    n = int(count) if count.isdigit() else COUNT_WORDS[count]
    return earlier_than(*not_after(anchors[-1], base), (n, m[2].lower()))


# the word before the base a change is measured from: "up 3% from ", "higher than ", "on "
_COMPARISON_BASE = re.compile(r"\b(?:from|than|on|over|versus|against|compared\s+(?:with|to))\s+$", re.IGNORECASE)

_AFTER_SPAN = re.compile(rf"\b({COUNT_PATTERN})\s+(day|week|month|year)s?\s+after\s+[^,;:.()—–]*$", re.IGNORECASE)

# the figure's noun and a relative clause up to its date: " jobs that were added in "
_FIGURE_RELATIVE = re.compile(r"(?:\s+[\w-]+){0,2}\s+(?:that|which|who)\s+(?:(?:were|was|had|have|has|been)\s+){0,2}"
                              r"[\w-]+\s+(?:(?:in|on|at|during)\s+)?", re.IGNORECASE)

# a clause of when something happened opened right before the figure, and the words from the
# figure to its date in that clause: "after 200 were admitted on Friday"
_IN_WHEN_CLAUSE = re.compile(r"\b(?:after|when|as)\s+(?:(?:about|some|nearly|more\s+than|at\s+least|another)\s+)?$",
                             re.IGNORECASE)
_CLAUSE_GAP = re.compile(r"[^,;:.()—–]{1,50}?\s(?:(?:on|in|at|by)\s+)?", re.IGNORECASE)

# a conjunction and a determiner: another clause with a subject of its own starts there
_NEXT_CLAUSE = re.compile(r"\s(?:and|but|while|whereas)\s+(?:the|its|their|his|her)\s", re.IGNORECASE)

# what may stand between a figure and the date that belongs to it: the other end of a
# "from … to …" pair (a number may have thousands commas: "to 97,000") and a preposition,
# nothing that starts another clause
_TRAILING = re.compile(r"(?:\s+to\s+(?:[$£€]?\d[\d,.]*\d%?|[^\s,;:]+)(?:\s+(?:million|billion|thousand|percent|per\s+cent))?)?"
                       r"\s*(?:in|for|during|on|over|by|as\s+of)?\s*", re.IGNORECASE)
# ... or up to two words of what the figure counts: "from 208.7 index points in May"
_NOUN_TRAILING = re.compile(rf"(?:\s+[a-z]+){{1,2}}\s+(?:(?:in|for|during|on|over|by|as\s+of)\s+)?|{_TRAILING.pattern}",
                            re.IGNORECASE)



def _dated(t: TimeRef, points: list[TimeRef], base: date | None,
           period: tuple[date, str] | None = None, text: str = "") -> tuple[date, str]:
    """``t`` as a date; one counted back ("down from 3.5% a month earlier") is counted from the
    sentence's other date ("In May"), the nearest before it, else from the month a statistic
    article reports on ("a loss of 27,000 in the prior month"), else from a date after it, else
    from the base."""
    if t.back is None:
        return not_after(t, base)
    anchors = [p for p in points if p.back is None]
    before = [p for p in anchors if p.end <= t.start]
    if before:
        return earlier_than(*not_after(before[-1], base), _span_back(t, before[-1], text))
    if period:
        return earlier_than(*period, _span_back(t, None, text))
    if not anchors:
        return not_after(t, base)
    anchor = min(anchors, key=lambda p: p.start - t.end)
    return earlier_than(*not_after(anchor, base), _span_back(t, anchor, text))


_PREVIOUS_SPAN = re.compile(rf"the\s+(?:previous|preceding|prior)\s+(?:{COUNT_PATTERN})\s+\w+s", re.IGNORECASE)
_SPAN_TO_ANCHOR = re.compile(rf"\b({COUNT_PATTERN})\s+(?:day|week|month|quarter|year)s?\s+to\s+$", re.IGNORECASE)


def _span_back(t: TimeRef, anchor: TimeRef | None, text: str) -> tuple[int, str] | None:
    """How far back a date counted back ends. "the previous two months' figures" in a month's report
    is the span of months before it, which ends one month back; after "the three months to May"
    the previous three months end three months back. Any other ("two months earlier") is ``t.back``."""
    if t.back is None or not _PREVIOUS_SPAN.fullmatch(t.text):
        return t.back
    length = 1
    if anchor is not None and (m := _SPAN_TO_ANCHOR.search(text, max(0, anchor.start - 30), anchor.start)):
        length = int(m[1]) if m[1].isdigit() else COUNT_WORDS[m[1].lower()]
    return length, t.back[1]
