"""Property tests: extraction and ingest never crash on any text, and what they return is sound.

CI runs the "ci" profile (200 derandomized examples per property). A fuzzing session:

    FIGURES_FUZZ=long .venv/bin/python -m pytest tests/test_fuzz.py -q   # 100,000 examples each

The profiles are registered in tests/conftest.py.
"""
from __future__ import annotations

import json
import math
import signal
from contextlib import contextmanager
from datetime import date

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from figures import Article, Rejection, extract_claims, read_articles
from figures.records import QUALIFIERS

# Pieces of news-like text with the shapes numbers take, and the characters that break parsers.
NUMBERS = st.one_of(
    st.integers(min_value=-10**30, max_value=10**30).map(str),
    st.integers(min_value=0, max_value=10**12).map(lambda n: f"{n:,}"),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),  # "nan", "inf", "1e+308"
    st.sampled_from(["1e308", "1e309", "1E-400", "9" * 400, "0." + "0" * 300 + "1", "1,000,000,000,000,000,000,000",
                     "12,", ",5", "1.2.3", "00012", "½", "¾", "١٢٣", "１２", "²", "−5", "5−", "10⁶", "1 000 000",
                     "12'000", "3.5bn", "$5bn", "€1.2m", "£500m", "40%", "40 percent", "1/3", "2:30", "24/7",
                     "2024-01-02", "7.8-magnitude", "12-year-old", "No. 5", "G7", "covid-19"]),
)
WORDS = st.sampled_from([
    "about", "around", "nearly", "more than", "over", "at least", "up to", "as many as", "less than", "between",
    "and", "to", "or", "-", "–", "—", "million", "billion", "trillion", "thousand", "hundred", "dozens", "k", "m",
    "bn", "people", "troops", "dollars", "euros", "km", "tonnes", "per cent", "percent", "%", "said", "killed",
    "the", "toll", "rose", "fell", "by", "from", "in", "Reuters", "according to", "officials", ".", ",", ";", ":",
    "(", ")", '"', "'", "“", "”", "\n", "\n\n", "\t", " ", "  ",
])
HOSTILE = st.sampled_from([
    "\x00", "\x07", "\x1b[31m", "\r", "\u200b", "\u200e", "\u200f", "\u202e", "\u2066", "\ufeff", "\ufffd",
    "\u0301", "e\u0301", "🇺🇦", "👩‍👩‍👧", "ﷺ", "𝟙𝟚", "\U0010ffff", "<script>", "]]>", "';--", "\\", "{{", "%s",
])
NEWSLIKE = st.lists(st.one_of(NUMBERS, WORDS, HOSTILE, st.text(max_size=8)), max_size=60).map(" ".join)
# Whole sentences, so claimant, entity, subject and date code runs too, with hostile bits spliced in.
SENTENCE = st.builds(
    "{} {} {} {} {} {} {} {} {}.".format,
    st.sampled_from(["The ministry", "Officials", "Reuters", "Ukrainian President Volodymyr Zelenskyy", "He", "",
                     "According to the UN,", "South Korea's intelligence agency"]),
    st.sampled_from(["said", "estimated", "denied that", "told reporters", "reported", "warned", ""]),
    st.sampled_from(["about", "more than", "up to", "between", "at least", "nearly", "", "a further", "another"]),
    NUMBERS,
    st.sampled_from(["", "million", "billion", "and 12,000", "to 3", "-", "per cent", "%", "km", "tonnes"]),
    st.sampled_from(["people", "troops", "homes", "dollars", "pounds", "deaths", "", "of the 40 victims"]),
    st.sampled_from(["were killed", "had been deployed", "were injured", "were missing", "cost", "rose", "fell by 5%"]),
    st.sampled_from(["in Syria", "on Monday", "last week", "by 2030", "since February 6", "in the year to May", ""]),
    # clause tails the entity, subject and claimant readers walk through
    st.sampled_from(["", ", with 130 having been discharged", ", including 31 children,", "and 23 children",
                     ", among them 30 women, were arrested", "crossing borders", "having", ", 20 of whom were children",
                     "of them were", "in Aleppo, Hama and Homs", "(31,000 jobs)", "forecast by economists",
                     "according to figures compiled by", "the worst since Hurricane Oskar", "Storm"]),
)
ARTICLE_TEXT = st.lists(st.one_of(SENTENCE, SENTENCE, HOSTILE), min_size=1, max_size=12).map(" ".join)
ANY_TEXT = st.one_of(st.text(max_size=400), NEWSLIKE, ARTICLE_TEXT)


@contextmanager
def at_most(seconds: int):
    """Fail instead of hanging when extraction goes quadratic or worse (a safety net, not a timing)."""
    def stop(*_):
        raise TimeoutError(f"extraction ran for more than {seconds} s")
    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def check_extraction(text: str) -> None:
    article = Article(id="fuzz", text=text, outlet="Fuzz Times", published=date(2024, 5, 1))
    extraction = extract_claims(article)
    for c in extraction.claims:
        assert 0 <= c.start < c.end <= len(text), (c.start, c.end)
        assert text[c.start:c.end] == c.span
        assert c.article_id == "fuzz"
        assert c.qualifier in QUALIFIERS
        for name in ("value", "low", "high", "pragmatic_low", "pragmatic_high"):
            number = getattr(c, name)
            assert number is None or (isinstance(number, (int, float)) and math.isfinite(number)), (name, number)
        if c.low is not None and c.high is not None:
            assert c.low <= c.high
        if c.value is not None:
            assert c.low is None or c.low <= c.value, (c.low, c.value)
            assert c.high is None or c.value <= c.high, (c.value, c.high)
        if c.pragmatic_low is not None and c.pragmatic_high is not None:
            assert c.pragmatic_low <= c.pragmatic_high
        assert c.as_of is None or isinstance(c.as_of, date)
        json.dumps([c.span, c.sentence, c.entity, c.subject, c.attributed_to, c.unit])  # all plain strings
    for m in extraction.mentions:
        assert 0 <= m.start <= m.end <= len(text) and text[m.start:m.end] == m.span


@given(ANY_TEXT)
@example("The toll rose to 1e308 people, then 1e309, then " + "9" * 400 + " dollars.")
@example("\u202eAbout 12,000\u202c troops\u200f and \u2066more than 1,500\u2069 people.")
@example("Between 5 and 3 people; up to −5%; 10⁶ tonnes; ½ of 40; 1 000 000 euros.")
def test_extraction_never_crashes_and_every_claim_is_sound(text: str) -> None:
    with at_most(60):
        check_extraction(text)


@pytest.mark.parametrize("text", [
    "Officials said " + "very " * 20_000 + "many, 12 people, died",  # a 100,000-character sentence, no full stop
    "1" * 100_000,  # one 100,000-digit number
    "1," * 50_000,  # a "thousands separator" that never ends
    ("about 5 " * 12_500),  # 100,000 characters of hedged figures in one sentence
    "(" * 50_000 + "12 people" + ")" * 50_000,
    "\n" * 100_000 + "12 people",
])
def test_enormous_inputs_finish(text: str) -> None:
    with at_most(120):
        check_extraction(text)


# -- ingest ----------------------------------------------------------------------------------------
JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                           max_leaves=8)
RECORDS = st.fixed_dictionaries({}, optional={
    "text": st.one_of(st.text(max_size=60), JSON_VALUES), "id": JSON_VALUES, "outlet": JSON_VALUES,
    "source": JSON_VALUES, "url": JSON_VALUES, "title": JSON_VALUES, "author": JSON_VALUES,
    "published": st.one_of(st.dates().map(str), st.datetimes().map(lambda d: d.isoformat()), st.text(max_size=25), JSON_VALUES),
})
LINES = st.lists(st.one_of(RECORDS.map(json.dumps), st.binary(max_size=40).map(lambda b: b.decode("latin-1"))), max_size=8)


@given(LINES)
@example(['{"text": "\\ud800 12 people", "outlet": "\\udfff"}'])  # lone surrogates via JSON escapes
@example(['{"text": "a\\u0000b 5"}', "\x00\x01\x02"])
def test_ingest_never_crashes_and_every_article_is_storable(tmp_path_factory, lines: list[str]) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "in.jsonl"
    path.write_bytes("\n".join(lines).encode("utf-8", "surrogatepass"))
    items = list(read_articles([str(path)]))
    assert items, "an empty or blank file is a rejection, never silence"
    for item in items:
        assert isinstance(item, (Article, Rejection))
        if isinstance(item, Article):
            for value in (item.id, item.text, item.outlet, item.url, item.title, item.author):
                assert value is None or (isinstance(value, str) and "\x00" not in value)
                if value is not None:
                    value.encode("utf-8")  # storable in SQLite and PostgreSQL, printable
            assert item.text.strip()
        else:
            assert item.origin.startswith(str(path)) and " — " in item.reason
