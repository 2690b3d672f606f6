"""The dates that belong to the article rather than to one figure, which the per-figure reader
(``dating``) falls back on when a figure's sentence gives no date of its own: the news day (the
day the statements were made, when the copy went out a day or two later), the day an earlier
sentence set the scene for, the month a statistic article reports on, a period an earlier
sentence named and a later one refers back to ("that month"), and the end of an opening span
("the first 14 months of the war"). Each is read once per article (or once per sentence) and
cached, however many figures ask.

It also holds what both readers share: the cue table (``data/dating_cues.tsv``), the tests for an
event's date and a period's name, and ``not_after``.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from datetime import date
from functools import cache, lru_cache

from figures.context import Claimant, Context, Read
from figures.lexicon import EVENT_NOUNS, data_lines
from figures.sentences import split_sentences
from figures.timeref import COUNT_WORDS, MONTHS, RELATIVE, WEEKDAYS, TimeRef, alternation, earlier_than, find_time_refs
from figures.tokens import Tok


@cache
def _rows() -> tuple[list[str], ...]:
    """The rows of ``data/dating_cues.tsv``: kind, phrase and, for an anaphor, the precision it refers to."""
    return tuple(line.split("\t") for line in data_lines("dating_cues.tsv"))


@cache
def dating_cues(kind: str) -> tuple[str, ...]:
    """The phrases of one kind in ``data/dating_cues.tsv``."""
    return tuple(row[1] for row in _rows() if row[0] == kind)


def cue_alternation(kind: str) -> str:
    """The phrases of one kind as a regex alternation, longest first."""
    return alternation(dating_cues(kind))


@cache
def cue_word(kind: str) -> re.Pattern[str]:
    """Any phrase of one kind, as whole words."""
    return re.compile(rf"\b(?:{cue_alternation(kind)})\b", re.IGNORECASE)


@cache
def release_before() -> re.Pattern[str]:
    """A verb of publishing right before a date: "published on Wednesday", "first reported by the
    Office for National Statistics (ONS), on May 21", "a report issued here on Tuesday"."""
    return re.compile(rf"\b(?:{cue_alternation('release')})\b(?:\s+by\s+[^;:.–—]{{1,70}}?)?(?:\s+here)?[\s,]*"
                      r"(?:on|in|at)?\s*$", re.IGNORECASE)


def not_after(t: TimeRef, base: date | None) -> tuple[date, str]:
    """``t`` as a date, no later than ``base``."""
    if base and t.day > base:
        return base, "day"  # a future date is a plan's deadline, not the figure's date
    return t.day, t.precision


# (not a modifier's first part: "flood-related deaths on Saturday" are the deaths' day)
_EVENT_BEFORE = re.compile(r"\b(?:" + "|".join(EVENT_NOUNS) + r")\b(?!-)[^,;:.]{0,40}$", re.IGNORECASE)
# a relative clause on the event's noun, however long, up to the date: "the earthquake that rocked
# the province late on Friday", "the flood, which was recorded yesterday"
_EVENT_RELATIVE = re.compile(r"\b(?:" + "|".join(EVENT_NOUNS) + r")\b,?\s+(?:that|which)\s[^,;:.()]{0,100}$",
                             re.IGNORECASE)


_DIGIT = re.compile(r"\d")


def dates_event(text: str, t: TimeRef | int) -> bool:
    """"a devastating earthquake before dawn on Monday", "the quake that rocked the region late on
    Friday": the date (or a date starting at ``text[t]``) of the event, not of the figure — unless a
    figure stands between them ("the wildfires climbed to 111 Wednesday night")."""
    start = t if isinstance(t, int) else t.start
    m = (_EVENT_BEFORE.search(text, max(0, start - 56), start)
         or _EVENT_RELATIVE.search(text, max(0, start - 130), start))
    return bool(m) and not _DIGIT.search(m.group())


WORDS_AFTER = re.compile(r"(?:\W+[\w-]+){1,3}")
EVENT_WORD = re.compile(r"\b(?:" + "|".join(EVENT_NOUNS) + r")\b", re.IGNORECASE)


def names_period(text: str, t: TimeRef) -> bool:
    """A month or year before a noun names the period of what follows ("April's inflation rate",
    "the March figures", "last year's deficit") unless what follows is a disaster or attack
    ("March's earthquake")."""
    if t.precision == "day":
        return False
    after = WORDS_AFTER.match(text, t.end, t.end + 40)
    return not (after and EVENT_WORD.search(after.group()))


# a count in digits or words, as a regex alternation: "14", "three"
COUNT_PATTERN = r"\d+|" + "|".join(w for w in COUNT_WORDS if " " not in w)


def news_day(published: date | None, reads: list[Read]) -> tuple[date, str] | None:
    """The day the reported statements were made, when the copy went out a day or two later:
    wire style "officials said Friday" in a Saturday paper. The day most dated statements in the
    article name (more than half of them), when the first two paragraphs name it too (a statement
    or an event: "a mobile morgue arrived Tuesday"); undated figures then refer to that day
    rather than to the publication date."""
    if published is None:
        return None
    dateline = _dateline_day(published, reads)
    if dateline:
        return dateline
    lead = [r for r in reads if r.sent.paragraph <= 2]
    said = Counter(c.day for r in reads for c in r.claimants if c.day and c.start >= 0)
    said.update(_release_days(reads))
    if said:
        day, n = said.most_common(1)[0]
        if n * 2 > sum(said.values()) and day[1] == "day":
            if day[0] == published:
                return None  # most statements were made on the publication day: the story is that day's
            if 1 <= (published - day[0]).days <= 2 and (
                    any(c.day == day for r in lead for c in r.claimants if c.start >= 0) or any(
                    t.day == day[0] and t.role == "point" and t.precision == "day" for r in lead for t in r.times)):
                return day
    return _lead_figure_day(published, lead)


# a wire dateline's place before its date: "BENGHAZI, ", "NAIROBI, Kenya, ", "GENEVA (Reuters) - "
_DATELINE_PLACE = re.compile(r"[\s\"“]*[A-Z][A-Z.'’ -]{2,40}(?:,\s+[A-Z][\w.'’ -]{1,30})?(?:\s*\([^()]{1,30}\))?[,\s–—-]+$")


def _dateline_day(published: date, reads: list[Read]) -> tuple[date, str] | None:
    """The day of a wire dateline that opens the article ("BENGHAZI, September 11 —"), when the
    copy went out a day or two later: the dispatch was written that day, and its undated figures
    are that day's."""
    first = reads[0] if reads else None
    if first is None or first.sent.paragraph > 1:
        return None
    text = first.sent.text  # read here: a dateline on a line of its own has no figure, and no times read
    for t in find_time_refs(text, published, 0, min(len(text), 80)):
        if (t.precision == "day" and t.back is None and 1 <= (published - t.day).days <= 2
                and _DATELINE_PLACE.fullmatch(text, 0, t.start)):
            return t.day, "day"
    return None


def _release_days(reads: list[Read]) -> Iterator[tuple[date, str]]:
    """The days a report or a statement came out on, read as statements' days: "a report released
    by the agency on Saturday night", "the situation report issued here on Tuesday" (not a figure's
    own: "up from 35,000 reported on Monday"), and a sentence that opens with its day: "On Sunday,
    the minister for disasters said ..."."""
    for r in reads:
        text = r.sent.text
        for t in r.times:
            if t.role != "point" or t.precision != "day" or t.back is not None:
                continue
            at = t.start - r.sent.start
            release = release_before().search(text, max(0, at - 100), at)
            if release and not FIGURE_BEFORE.search(text, max(0, release.start() - 40), release.start()):
                yield t.day, "day"
            elif _OPENING_WORDS.match(text, 0, at).end() == at and any(
                    c.start >= 0 and not c.day and _OPENS_STATEMENT.fullmatch(text, at + len(t.text), c.start - r.sent.start)
                    for c in r.claimants):
                yield t.day, "day"
            elif _medium_opening().fullmatch(text, 0, at) and any(
                    c.start >= 0 and not c.day and _MEDIUM_TO_SPEAKER.fullmatch(text, at + len(t.text), c.start - r.sent.start)
                    for c in r.claimants):
                yield t.day, "day"


# a figure, up to two words of what it counts and a preposition, right before a date or a verb:
# "down from 5.4 metres on 9 June", "up from 35,000 people reported on 9 June" — that figure's date
FIGURE_BEFORE = re.compile(r"\d(?:\s*%|\s+[a-z]+){0,2}\s+(?:(?:on|in|at|by|as\s+of)\s+)?$")

# the subject between a sentence's opening day and its verb: ", the country's minister for disasters "
_OPENS_STATEMENT = re.compile(r",\s[^\d,;:“”\"]{1,80}")


@cache
def _medium_opening() -> re.Pattern[str]:
    """A sentence that opens with the medium a statement was made in, up to its day: "In a
    statement on ", "At a news conference held on ", "In its weekly update released on "."""
    return re.compile(rf"[\s\"“‘'(\[]*(?:in|at|during)\s+(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+){{0,4}}?"
                      rf"(?:{cue_alternation('medium')})\s+(?:(?:held|given|made|released|issued|published)\s+)?"
                      r"(?:on\s+)?", re.IGNORECASE)


# after such an opening day, up to the speaker's verb: a date in brackets, the rest of the opening
# phrase, a comma and the subject: " (July 1) marking a month since the strike began, the union "
_MEDIUM_TO_SPEAKER = re.compile(r"(?:\s*\([^()]{1,20}\))?[^,;:.“”\"]{0,80},\s[^\d,;:“”\"]{1,80}")


def _lead_figure_day(published: date, lead: list[Read]) -> tuple[date, str] | None:
    """The day the lead's first figure is dated, when that is a day or two before publication:
    "the death toll passed 3,000 yesterday", "the count stood at 4,000 as of Monday" in a Tuesday
    paper. The story was gathered that day; its undated figures are that day's. (A statement's
    day is left to the statements, counted above.)"""
    first = next((r for r in lead if r.idxs), None)
    if first is None:
        return None
    said = {c.day for c in first.claimants}
    sent = first.sent  # its text, for the event test: "an earthquake before dawn on Monday" is the event's day
    days = [t for t in first.times if t.role == "point" and t.back is None and (t.day, t.precision) not in said
            and not dates_event(sent.text, t.start - sent.start)]
    if days and days[0].precision == "day" and 1 <= (published - days[0].day).days <= 2:
        return days[0].day, "day"
    return None


def news_day_for(ctx: Context, claimants: list[Claimant]) -> tuple[date, str] | None:
    """The news day, unless the figure is sourced in its own sentence to a document with no date
    of its own ("according to recent estimates by the UN"): a document was not stated on the
    news day, and its figures are the latest known when the article went out."""
    if ctx.news_day is None:
        return None
    text = ctx.article.text
    docs = ctx.vocab.document_nouns
    for c in claimants:
        if c.start >= 0 and not c.day:
            m = _CUE_OBJECT.match(text, c.start, c.start + 60)
            if m and any(w.lower() in docs for w in m.group(1).split()):
                return None
    return ctx.news_day


# the words after "according to" / "citing" up to the source: "according to recent estimates by"
_CUE_OBJECT = re.compile(r"(?:according\s+to|citing)\s+((?:[\w-]+\s+){0,3}?)(?:by|from|of)\b", re.IGNORECASE)


def scene_day(ctx: Context, sentence_start: int) -> tuple[date, str] | None:
    """The day an earlier sentence set the scene for: "Yesterday, we received varying figures on the
    dead." — a sentence that opens with a day and gives no figure of its own; the figures reported
    after it are that day's, for two paragraphs past the last that named the day, unless a
    sentence names another date."""
    if ctx.article.published is None:
        return None
    starts, days = _scenes(ctx.article.text, ctx.article.published)
    k = bisect_right(starts, sentence_start) - 1
    return days[k] if k >= 0 else None


def _figure_outside(text: str, sent, refs: list[TimeRef]) -> bool:
    """A digit in the sentence outside its dates ("On June 25, 19 were killed" has one; "On June 25,
    protesters stormed parliament" has none)."""
    pos = sent.start
    for t in refs:
        if _DIGIT.search(text, pos, t.start):
            return True
        pos = max(pos, t.end)
    return bool(_DIGIT.search(text, pos, sent.end))


_SCENE_PARAGRAPHS = 2
_OPENING_WORDS = re.compile(r"(?:(?:on|early|late|earlier|later)\s+)?", re.IGNORECASE)
# what a sentence that opens with a day can start with: a digit, or a word the date reader's table
# opens a date with (a screen, wider than the days it finds)
_SCENE_OPENER = re.compile(r"[\s\"“‘'(\[]*(?:(?:on|early|late|earlier|later)\s+)?(?:\d|"
                           + alternation([*MONTHS, *WEEKDAYS, *RELATIVE, "last", "this", "next"]) + r")",
                           re.IGNORECASE)


@lru_cache(maxsize=16)
def _scenes(text: str, published: date) -> tuple[list[int], list[tuple[date, str] | None]]:
    """Each sentence's start and the scene's day it stands in."""
    starts: list[int] = []
    days: list[tuple[date, str] | None] = []
    current, last_para = None, 0
    for sent in split_sentences(text):
        if current and sent.paragraph > last_para + _SCENE_PARAGRAPHS:
            current = None  # the scene has run out: paragraphs on without its day
        # a day can set a scene only where a sentence opens with it; other sentences are read
        # only while a scene runs (they may end it)
        found = find_time_refs(text, published, sent.start, sent.end) if (
            current or _SCENE_OPENER.match(text, sent.start)) else []
        refs = [t for t in found if t.role == "point"]
        if refs:
            first = refs[0]
            if (_OPENING_WORDS.match(text, sent.start, first.start).end() == first.start and first.precision == "day"
                    and first.back is None and first.day < published and not _figure_outside(text, sent, found)):
                current, last_para = (first.day, "day"), sent.paragraph
            elif current and any(t.day != current[0] for t in refs):
                current = None
            elif current:
                last_para = sent.paragraph  # the scene's day named again
        starts.append(sent.start)
        days.append(current)
    return starts, days


_LEAD_PARAGRAPHS = 2  # the headline or the lead and the paragraph after it
_STATISTIC_LAG_MONTHS = 6  # a statistic comes out within months of the month it measures


def statistic_period(ctx: Context) -> tuple[date, str] | None:
    """The month a statistic article reports on: the lead gives a monthly statistic for a month
    that has ended ("U.S. employers added 150,000 jobs in March", "the jobless rate rose last
    month"); the article's figures without a date of their own are that month's."""
    if ctx.article.published is None:
        return None
    return _lead_statistic_month(ctx.article.text, ctx.article.published)


@lru_cache(maxsize=16)
def _lead_statistic_month(text: str, published: date) -> tuple[date, str] | None:
    this_month = published.year * 12 + published.month
    months: list[date] = []
    for sent in split_sentences(text):
        if sent.paragraph > _LEAD_PARAGRAPHS:
            break
        word = cue_word("statistic").search(sent.text)
        if not word:
            continue
        refs = find_time_refs(text, published, sent.start, sent.end)
        if not _figure_outside(text, sent, refs) and not _statistic_change().match(sent.text, word.end()) and not (
                _change_before().search(sent.text, max(0, word.start() - 40), word.start())):
            continue  # a word of the economy in a story of another kind: "angered by unemployment, they marched in June"
        for t in refs:
            months_back = this_month - (t.day.year * 12 + t.day.month)
            if (t.precision == "month" and t.back is None and 0 < months_back <= _STATISTIC_LAG_MONTHS
                    and (t.role in ("point", "until") or (t.role == "attributive" and names_period(text, t)))
                    and not dates_event(text, t)):
                months.append(t.day)
    # the latest month the lead gives a statistic for: the report's own; an earlier one is a
    # revised or compared month ("below the revised 89,000 jobs in July; 142,000 were added in August")
    return (max(months), "month") if months else None


@cache
def _statistic_change() -> re.Pattern[str]:
    """A word of change or level within a few words after a statistic's noun: "job growth slowed"."""
    return re.compile(rf"(?:\W+[\w-]+){{0,5}}?\W+(?:{cue_alternation('change')})\b", re.IGNORECASE)


@cache
def _change_before() -> re.Pattern[str]:
    """A word of change a few words before a statistic's noun: "the economy added far more jobs" —
    not a person's: "workers who lost their jobs marched in June" is no jobs report."""
    return re.compile(rf"\b(?:{cue_alternation('change')})(?:\W+(?!(?:their|his|her|our|my|your)\b)[\w-]+){{0,3}}?\W+$",
                      re.IGNORECASE)


@cache
def _anaphors() -> tuple[re.Pattern[str], dict[str, str]]:
    precision = {r[1].lower(): r[2] for r in _rows() if r[0] == "anaphor"}
    return cue_word("anaphor"), precision


_LOOK_BACK = 600  # characters: the sentences just before, where the period was named


def period_referred_back(ctx: Context, toks: list[Tok], ti: int) -> tuple[date, str] | None:
    """"that month", "for the month": the last month (or year) named in the sentences before
    ("Inflation was 3.2% in March. Food prices rose 4% that month."); "the estimate", "this
    figure": the last period named before, a month, a year or the end of an opening span ("the
    first 14 months of the war")."""
    if ctx.article.published is None:
        return None
    return _referred_period(ctx.article.text, ctx.article.published, toks[0].start, toks[-1].end)


@lru_cache(maxsize=64)
def _referred_period(text: str, base: date, start: int, end: int) -> tuple[date, str] | None:
    """The period the sentence ``text[start:end]`` refers back to, once per sentence."""
    pattern, precision = _anaphors()
    m = pattern.search(text, start, end)
    if m is None:
        return None
    wanted = precision[" ".join(m.group().lower().split())]
    lo = max(0, start - _LOOK_BACK)
    refs = [(t.start, not_after(t, base)) for t in find_time_refs(text, base, lo, start)
            if (t.precision == wanted or wanted == "date" or (wanted == "period" and t.precision != "day"))
            and not dates_event(text, t)
            and (t.role == "point" or (t.role == "attributive" and names_period(text, t)))]
    if wanted == "period":
        spans = list(_OPENING.finditer(text, lo, start))
        if spans and (opening := _span_end(text, base, spans[-1])):
            refs.append((spans[-1].start(), opening))
    return max(refs)[1] if refs else None


_OPENING = re.compile(rf"\b(?:{cue_alternation('opening')})\s+(?:({COUNT_PATTERN})\s+)?(day|week|month|year)s?\s+"
                      r"(?:of|since|after)\b", re.IGNORECASE)


def opening_period_end(ctx: Context, toks: list[Tok]) -> tuple[date, str] | None:
    """"during the first 14 months of the war": the end of that span, counted from the day the
    article says the war began ("erupted in April 2023", "since 15 April 2023")."""
    text = ctx.article.text
    m = _search_once(_OPENING, text, toks[0].start, toks[-1].end)
    if m is None or ctx.article.published is None:
        return None
    return _span_end(text, ctx.article.published, m)


def _span_end(text: str, base: date, m: re.Match[str]) -> tuple[date, str] | None:
    onset = _onset(text, base)
    if onset is None:
        return None
    count = (m[1] or "one").lower()
    n = int(count) if count.isdigit() else COUNT_WORDS[count]
    return earlier_than(onset.day, onset.precision, (-n, m[2].lower()))


@lru_cache(maxsize=16)
def _onset(text: str, published: date) -> TimeRef | None:
    """The earliest date the article gives for the start of something with a verb of starting:
    "the war erupted in April 2023", "since fighting began on 15 April 2023" (not a bare "since
    1918": "the deadliest since 1918" starts nothing)."""
    starts = [t for t in find_time_refs(text, published) if t.role == "onset"]
    return min(starts, key=lambda t: t.day) if starts else None


@lru_cache(maxsize=64)
def _search_once(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> re.Match[str] | None:
    """``pattern.search`` over one sentence, once for all its figures (a sentence may hold thousands)."""
    return pattern.search(text, lo, hi)
