"""The weekly report, built from hand-made records (not from extraction, which is changing) and a
fake comparator whose flags are written out below, so the golden files only move when the
report itself changes. Regenerate them on purpose: ``pytest tests/test_report.py --regen-golden``.
"""
from __future__ import annotations

import csv
import html.parser
import io
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, strategies as st
from markdown_it import MarkdownIt

from figures.charts import timeline_svg
from figures.claimreview import claim_reviews, claimreview_jsonld
from figures.compare import Comparison
from figures.config import Settings
from figures.errors import ConfigError
from figures.markdown import md_text
from figures.period import Period
from figures.records import Article, Claim, Flag, FlagClaim, Mention, Related, Repeat
from figures.report import ReportOptions, build, choose_period, gather, make_report, previous_period
from figures.report_pages import render_markdown
from figures.report_rows import interval, number, safe_link, split_sentence
from figures.store import Store

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2024, 10, 30)  # a Wednesday: the last complete week is 2024-W43 (21-27 October)

# -- a small world: articles, claims, and the flags a comparator would raise ----------------------
HOSTILE_OUTLET = "=HYPERLINK(\"http://evil.example\")"
HOSTILE_SENTENCE = ("Click [here](javascript:alert(1)) or ![x](http://evil.example/t.png) <img src=x onerror=alert(1)> "
                    "*now*: the ministry said 40 people died, later 45 | # `code`.")


@dataclass(frozen=True)
class Doc:
    id: str
    outlet: str | None
    published: date
    url: str | None
    text: str


DOCS = [
    Doc("seed", "Euromaidan Press", date(2024, 10, 21), "https://euromaidanpress.com/2024/10/21/north-korea-troops/",
        "The South Korean intelligence agency reported that North Korea has decided to send 12,000 special forces "
        "troops to support Russia, with 1,500 already positioned in the Russian Far East. "
        "Zelenskyy said Pyongyang has \u201can intention to prepare 10,000 soldiers\u201d to fight alongside Russia."),
    Doc("nw", "Newsweek", date(2024, 10, 22), "https://www.newsweek.com/north-korea-troops-russia",
        "South Korea's spy agency said North Korea would send 12,000 troops to Russia."),
    Doc("early", "Reuters", date(2024, 10, 16), "https://www.reuters.com/world/asia-pacific/nk-troops/",
        "The intelligence agency said about 3,000 North Korean troops had been sent to Russia."),
    Doc("toll1", "Island News", date(2024, 10, 23), "http://islandnews.example/toll",
        "The county said 115 people had died in the fire."),
    Doc("toll2", "Island News", date(2024, 10, 25), None,
        "The county revised the death toll down to 97 after DNA tests."),
    Doc("evil", HOSTILE_OUTLET, date(2024, 10, 24), "javascript:alert(document.cookie)", HOSTILE_SENTENCE),
    Doc("old1", "Daily Planet", date(2024, 10, 15), "https://dailyplanet.example/a",
        "Officials said 300 homes were destroyed."),
    Doc("old2", "Daily Star", date(2024, 10, 17), "https://dailystar.example/b",
        "Officials said 500 homes were destroyed."),
    Doc("fix", "Daily Planet", date(2024, 10, 22), "https://dailyplanet.example/c",
        "Officials corrected the count: 500 homes were destroyed."),
]


def claim(doc_id: str, span: str, value: float, *, low: float | None = "same", high: float | None = "same",  # type: ignore[assignment]
          who: str | None = None, subject: str = "North Korea", entity: str = "troops", as_of: date | None = None,
          nth: int = 0) -> Claim:
    doc = next(d for d in DOCS if d.id == doc_id)
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(span, start + 1)
    sentence = next(s for s in re.split(r"(?<=[.!?\u201d])\s+(?=[A-Z])", doc.text) if span in s and doc.text.find(s) <= start < doc.text.find(s) + len(s))
    return Claim(article_id=doc.id, start=start, end=start + len(span), span=span, sentence=sentence, value=value,
                 low=value if low == "same" else low, high=value if high == "same" else high, entity=entity,
                 subject=subject, attributed_to=who or doc.outlet, as_of=as_of or doc.published)


CLAIMS = {
    "nk12": claim("seed", "12,000", 12000, who="South Korean intelligence agency"),
    "nk1500": claim("seed", "1,500", 1500, who="South Korean intelligence agency"),
    "nk10": claim("seed", "10,000", 10000, who="Zelenskyy"),
    "nw12": claim("nw", "12,000", 12000, who="South Korean intelligence agency"),
    "early3": claim("early", "about 3,000", 3000, low=2700, high=3300, who="South Korean intelligence agency",
                    as_of=date(2024, 10, 15)),
    "toll115": claim("toll1", "115", 115, who="Maui County", subject="Maui wildfire", entity="deaths"),
    "toll97": claim("toll2", "97", 97, who="Maui County", subject="Maui wildfire", entity="deaths"),
    "evil40": claim("evil", "40", 40, subject="<script>alert(1)</script>", entity="*people*"),
    "evil45": claim("evil", "45", 45, subject="<script>alert(1)</script>", entity="*people*"),
    "homes300": claim("old1", "300", 300, subject="Lahaina", entity="homes"),
    "homes500": claim("old2", "500", 500, subject="Lahaina", entity="homes"),
    "homes500b": claim("fix", "500", 500, subject="Lahaina", entity="homes"),
}
MENTIONS = [Mention("seed", 0, 0, "", "calendar date"), Mention("toll2", 0, 0, "", "calendar date"),
            Mention("nw", 0, 0, "", "no unit"), Mention("old1", 0, 0, "", "no unit")]

# The fake comparator's rules: (kind, claims, reason to disappear: a claim whose arrival ends it).
FLAG_RULES = [
    # Newsweek repeats the agency's 12,000: one card for the figure, "repeated in Newsweek"
    ("cross_source", ["nk12", "nk10", "nw12"], None, "confirmed", "Both figures checked against the agency's briefing."),
    ("revision", ["early3", "nk12"], None, None, None),
    ("monotonic", ["toll115", "toll97"], None, None, None),
    ("within_article", ["evil40", "evil45"], None, "needs <b>work</b> [x](javascript:alert(1))", None),
    ("cross_source", ["homes300", "homes500"], "homes500b", "not-a-conflict", "the outlet corrected itself"),
    # closed by a reviewer this week: listed as resolved, not among the week's flags
    ("cross_source", ["early3", "nw12"], None, "resolved", "3,000 was the first contingent"),
]


def _flag_claim(row: dict) -> FlagClaim:
    return FlagClaim(claim_id=row["claim_id"], article_id=row["article_id"], start=row["start"], end=row["end"],
                     span=row["span"], value=row["value"], low=row["low"], high=row["high"], outlet=row["outlet"],
                     published=row["published"], attributed_to=row["attributed_to"], as_of=row["as_of"],
                     sentence=row["sentence"], url=row["url"])


def fake_compare(frame: pd.DataFrame, settings: Settings) -> Comparison:
    """Flags for every rule whose claims are all in the frame (and whose closing claim is not)."""
    rows = {r["claim_id"]: r for r in frame.to_dict("records")}
    present = lambda key: CLAIMS[key].id in rows  # noqa: E731
    fc = lambda key: _flag_claim(rows[CLAIMS[key].id])  # noqa: E731
    flags = []
    for kind, keys, closer, verdict, note in FLAG_RULES:
        if all(map(present, keys)) and not (closer and present(closer)):
            first = CLAIMS[keys[0]]
            flags.append(Flag(id=Flag.make_id(kind, [CLAIMS[k].id for k in keys]), kind=kind, subject=first.subject,
                              entity=first.entity, measure=None, claims=tuple(fc(k) for k in keys), severity=0.18,
                              explanation=f"same {first.entity} of {first.subject}, intervals do not overlap",
                              verdict=verdict, verdict_note=note))
    related = [Related((fc("nk1500"), fc("nk12")), "part of the whole: already positioned vs decided to send")] \
        if present("nk1500") and present("nk12") else []
    repeats = [Repeat("South Korean intelligence agency", 12000, (fc("nk12"), fc("nw12")))] \
        if present("nk12") and present("nw12") else []
    reliability = pd.DataFrame([
        {"attributed_to": "South Korean intelligence agency", "claims": 6, "weight": 0.82, "low": 0.7, "high": 0.9},
        {"attributed_to": "Island News", "claims": 5, "weight": 0.6, "low": 0.4, "high": 0.75},
    ])
    return Comparison(tuple(sorted(flags, key=lambda f: f.id)), tuple(related), tuple(repeats), reliability)


def fill(store: Store) -> None:
    for doc in DOCS:
        article = Article(id=doc.id, text=doc.text, outlet=doc.outlet, published=doc.published, url=doc.url,
                          title=f"About {doc.id}")
        store.save(article, [c for c in CLAIMS.values() if c.article_id == doc.id],
                   [m for m in MENTIONS if m.article_id == doc.id])


@pytest.fixture
def world(tmp_path: Path) -> Store:
    store = Store(f"sqlite:///{tmp_path / 'world.db'}")
    fill(store)
    yield store
    store.close()


def write_world_report(store: Store, out: Path, **options: object) -> list[Path]:
    """The world's report for 2024-W43 (by default) into out; the paths written."""
    result = make_report(store, ReportOptions(out_dir=out, today=TODAY, **options), Settings(), fake_compare, TODAY)  # type: ignore[arg-type]
    return list(result.paths)


_SVG = re.compile(r"<svg\b.*?</svg>\n?", re.S)


def without_svg(text: str) -> str:
    """Charts are checked on their own; the page's golden file must not move with matplotlib."""
    return _SVG.sub("<svg><!-- chart --></svg>\n", text)


# -- golden files --------------------------------------------------------------------------------------
def test_report_matches_golden_files(world: Store, tmp_path: Path, golden) -> None:
    paths = write_world_report(world, tmp_path / "reports")
    names = sorted(p.relative_to(tmp_path / "reports" / "2024-W43").as_posix() for p in paths)
    assert [n for n in names if not n.startswith("charts/")] == ["claims.csv", "flags.csv", "report.html", "report.json", "report.md"]
    assert len([n for n in names if n.startswith("charts/")]) == 4  # one per flag of the week
    folder = tmp_path / "reports" / "2024-W43"
    for name in ("report.md", "report.json", "flags.csv", "claims.csv"):
        golden(name, (folder / name).read_text(encoding="utf-8"))
    golden("report.html", without_svg((folder / "report.html").read_text(encoding="utf-8")))


def test_same_database_gives_the_same_bytes(world: Store, tmp_path: Path) -> None:
    first = write_world_report(world, tmp_path / "a")
    second = write_world_report(world, tmp_path / "b")
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    assert [p.relative_to(tmp_path / "a") for p in first] == [p.relative_to(tmp_path / "b") for p in second]


# -- what the report says ------------------------------------------------------------------------------
def test_content_new_ongoing_resolved_and_verdicts(world: Store, tmp_path: Path) -> None:
    paths = write_world_report(world, tmp_path)
    doc = json.loads(next(p for p in paths if p.name == "report.json").read_text(encoding="utf-8"))
    s = doc["summary"]
    # 7 articles published 21-27 October; outlets among them; 9 claims; 4 flags of the week.
    assert (s["articles"], s["claims"], s["flags"], s["unparsed_mentions"]) == (6, 9, 4, 3)
    assert s["flags_by_kind"] == {"cross_source": 1, "revision": 1, "within_article": 1, "monotonic": 1}
    by_kind = {f["kind"]: f for f in doc["flags"]}
    # every flag of the week is new: the week before, none of their claims had all arrived
    assert {f["status"] for f in doc["flags"]} == {"new"}
    # closed by a reviewer this week (3,000 vs 12,000); and the homes flag, which stood last week
    # and was ended by a corrected figure this week
    resolved = doc["compared_with_previous"]["resolved"]
    assert [(f["subject"], f["verdict"]) for f in resolved] == [("North Korea", "resolved"), ("Lahaina", "not-a-conflict")]
    assert resolved[0]["id"] not in {f["id"] for f in doc["flags"]}
    verdicts = {v["verdict"]: v["status"] for v in doc["compared_with_previous"]["verdicts"]}
    assert verdicts == {"confirmed": "new", "needs <b>work</b> [x](javascript:alert(1))": "new",
                        "resolved": "resolved", "not-a-conflict": "resolved"}
    # every claim is written once, in "claims"; a change names its flag and two of that flag's claims
    claims = {c["claim_id"]: c for c in doc["claims"]}
    assert len(claims) == len(doc["claims"])
    held = {f["id"]: set(f["claim_ids"]) for f in doc["flags"]}
    assert all({s["old"], s["new"]} <= held[s["flag_id"]] for s in doc["changes"] + doc["cumulative_drops"])
    named = {i for f in doc["flags"] + resolved for i in f["claim_ids"]} | {i for r in doc["repeats"] + doc["related"] for i in r["claim_ids"]}
    assert named == set(claims)  # every claim named is written, and only those
    step = lambda s: (claims[s["old"]]["value"], claims[s["new"]]["value"])  # noqa: E731
    assert [step(s) for s in doc["changes"]] == [(3000, 12000)]
    assert claims[doc["changes"][0]["new"]]["attributed_to"] == "South Korean intelligence agency"
    assert [step(s) for s in doc["cumulative_drops"]] == [(115, 97)]
    assert [[claims[i]["outlet"] for i in r["claim_ids"]] for r in doc["repeats"]] == [["Euromaidan Press", "Newsweek"]]
    assert doc["related"][0]["reason"].startswith("part of the whole")
    assert doc["unparsed_mentions"]["by_reason"] == {"calendar date": 2, "no unit": 1}
    sources = {r["outlet"]: r for r in doc["sources"]}
    assert sources["Island News"] == {"outlet": "Island News", "articles": 2, "claims": 2, "flags": 1, "claimants": 1, "reliability": 0.6}
    assert sources["Euromaidan Press"]["claimants"] == 2 and sources["Euromaidan Press"]["reliability"] is None
    assert [c["attributed_to"] for c in doc["claimants"]] == ["South Korean intelligence agency"]
    assert claims[by_kind["cross_source"]["claim_ids"][0]]["sentence"].startswith("The South Korean intelligence agency")


def test_quiet_week_lists_no_flags_and_resolves_nothing(world: Store, tmp_path: Path) -> None:
    # W44 has no articles: W43's flags still stand (no claim arrived to end them), so none is resolved.
    paths = write_world_report(world, tmp_path, week="2024-W44")
    doc = json.loads(next(p for p in paths if p.name == "report.json").read_text(encoding="utf-8"))
    assert doc["flags"] == [] and doc["summary"]["articles"] == 0
    assert doc["compared_with_previous"]["resolved"] == []


def test_flag_seen_last_week_is_ongoing(world: Store, tmp_path: Path) -> None:
    store = world
    extra = Doc("late", "Kyiv Independent", date(2024, 10, 29), "https://kyivindependent.com/x",
                "Zelenskyy said 10,000 soldiers were being prepared.")
    DOCS.append(extra)
    try:
        late = claim("late", "10,000", 10000, who="Zelenskyy")
        store.save(Article(id="late", text=extra.text, outlet=extra.outlet, published=extra.published, url=extra.url), [late])
        def compare_late(frame: pd.DataFrame, settings: Settings) -> Comparison:
            base = fake_compare(frame, settings)
            ids = set(frame["claim_id"])
            if late.id not in ids:
                return base
            rows = {r["claim_id"]: r for r in frame.to_dict("records")}
            grown = next(f for f in base.flags if CLAIMS["nk10"].id in {c.claim_id for c in f.claims})
            bigger = replace(grown, id=Flag.make_id("cross_source", [c.claim_id for c in grown.claims] + [late.id]),
                             claims=grown.claims + (_flag_claim(rows[late.id]),))
            return replace(base, flags=tuple(f for f in base.flags if f is not grown) + (bigger,))

        # the seed flag gains the late claim and so a new id, yet it is the flag seen in W43
        result = make_report(store, ReportOptions(out_dir=tmp_path, week="2024-W44"), Settings(), compare_late, TODAY)
        doc = json.loads(next(p for p in result.paths if p.name == "report.json").read_text(encoding="utf-8"))
        assert [(f["kind"], f["status"], len(f["claim_ids"])) for f in doc["flags"]] == [("cross_source", "ongoing", 4)]
    finally:
        DOCS.remove(extra)


# -- escaping ---------------------------------------------------------------------------------------------
class _Tags(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_article_text_stays_inert_in_html(world: Store, tmp_path: Path) -> None:
    page = next(p for p in write_world_report(world, tmp_path) if p.name == "report.html").read_text(encoding="utf-8")
    parser = _Tags()
    parser.feed(page)
    tags = {t for t, _ in parser.tags}
    assert not tags & {"script", "img", "iframe", "object", "embed", "link", "base", "form"}
    for tag, attrs in parser.tags:
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        for name in ("href", "src", "xlink:href"):
            value = attrs.get(name) or ""
            assert not value or value.startswith(("https://", "http://", "#")), (tag, attrs)
    text = "".join(parser.text)
    assert "<img src=x onerror=alert(1)>" in text  # shown as text, escaped in the source
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "javascript:" not in "".join(str(v) for _, attrs in parser.tags for v in attrs.values())


def test_article_text_stays_inert_in_markdown(world: Store, tmp_path: Path) -> None:
    md = next(p for p in write_world_report(world, tmp_path) if p.name == "report.md").read_text(encoding="utf-8")
    tokens = MarkdownIt("commonmark").enable("table").parse(md)
    inline = [t for tok in tokens for t in (tok.children or [])]
    links = [t.attrGet("href") for t in inline if t.type == "link_open"]
    images = [t.attrGet("src") for t in inline if t.type == "image"]
    assert all(h.startswith(("https://", "http://")) for h in links), links
    assert all(src.startswith("charts/") and src.endswith(".svg") for src in images), images
    assert not [t for t in tokens + inline if t.type in {"html_inline", "html_block"}]
    rendered = MarkdownIt("commonmark").enable("table").render(md)
    assert "&lt;img src=x onerror=alert(1)&gt;" in rendered and "<img src=x" not in rendered


def test_csv_cells_cannot_run_as_formulas(world: Store, tmp_path: Path) -> None:
    paths = write_world_report(world, tmp_path)
    for name in ("flags.csv", "claims.csv"):
        rows = list(csv.DictReader(io.StringIO(next(p for p in paths if p.name == name).read_text(encoding="utf-8"))))
        outlets = {r["outlet"] for r in rows}
        assert "'" + HOSTILE_OUTLET in outlets and HOSTILE_OUTLET not in outlets, name
        for r in rows:
            assert not any(v.startswith(("=", "+", "@")) for v in r.values()), r


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=60)
       | st.from_regex(r"[\[\]()!*_`<>#|\\&:./@a-z0-9 -]{0,40}", fullmatch=True))
def test_md_text_renders_as_the_same_words(text: str) -> None:
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    tokens = md.parseInline(md_text(text))[0].children or []
    assert {t.type for t in tokens} <= {"text", "text_special"}, (text, md_text(text), tokens)
    expected = re.sub(r"\s+", " ", re.sub(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]", " ", text)).strip()
    assert "".join(t.content for t in tokens).replace("\ufffd", "\x00") == expected.replace("\ufffd", "\x00")


# -- pieces ----------------------------------------------------------------------------------------------------
W43 = Period.week("2024-W43")


@pytest.mark.parametrize("options, has, latest, label, noted, given", [
    (ReportOptions(week="2024-W40"), True, None, "2024-W40", False, None),
    # articles given to report on: the weeks they were published in, whatever today is
    (ReportOptions(), True, None, "2023-W06", False, (date(2023, 2, 7), date(2023, 2, 9))),
    (ReportOptions(), True, None, "2023-02-06_2024-10-27", True, (date(2023, 2, 7), date(2024, 10, 21))),
    (ReportOptions(week="2024-W40"), True, None, "2024-W40", False, (date(2023, 2, 7), date(2024, 10, 21))),  # asked wins
    (ReportOptions(since=date(2024, 10, 1), until=date(2024, 10, 31)), True, None, "2024-10-01_2024-10-31", False, None),
    (ReportOptions(), True, date(2024, 10, 29), "2024-W43", False, None),  # the last complete week before 30 Oct
    # the last complete week is empty: the latest week with articles, and a note saying so
    (ReportOptions(), False, date(2023, 8, 16), "2023-W33", True, None),
    (ReportOptions(), False, None, "2024-W43", True, None),  # an empty database still gets a (noted) report
])
def test_choose_period(options: ReportOptions, has: bool, latest: date | None, label: str, noted: bool,
                       given: tuple[date, date] | None) -> None:
    period = choose_period(options, TODAY, lambda p: has, latest, given)
    assert period.label == label and bool(period.note) == noted


@pytest.mark.parametrize("options", [
    {"week": "2024-W43", "since": date(2024, 1, 1)},
    {"formats": ("md", "pdf")},
    {"formats": ()},
])
def test_bad_options_raise_config_errors(options: dict) -> None:
    with pytest.raises(ConfigError):
        ReportOptions(**options)


@pytest.mark.parametrize("period, expected", [
    (Period.week("2024-W01"), "2023-W52"),  # across a year boundary
    (Period.week("2021-W01"), "2020-W53"),  # into a 53-week year
    (Period.between(date(2024, 10, 11), date(2024, 10, 20)), "2024-10-01_2024-10-10"),
])
def test_previous_period(period: Period, expected: str) -> None:
    assert previous_period(period).label == expected  # type: ignore[union-attr]


@pytest.mark.parametrize("since, until", [(None, date(2024, 1, 1)), (date(2024, 1, 1), None), (None, None)])
def test_open_ended_period_has_no_previous(since: date | None, until: date | None) -> None:
    assert previous_period(Period.between(since, until)) is None


def test_report_since_a_date_with_no_end(world: Store, tmp_path: Path) -> None:
    paths = write_world_report(world, tmp_path, since=date(2024, 10, 20), formats=("json",))
    doc = json.loads(paths[0].read_text(encoding="utf-8"))
    assert doc["period"]["label"] == "2024-10-20_2999-12-31" and doc["previous_period"] is None
    assert doc["summary"]["articles"] == 6


def _fc(value: float | None, low: float | None, high: float | None, **kw: object) -> FlagClaim:
    base = dict(claim_id="c", article_id="a", start=0, end=1, span="x", value=value, low=low, high=high, outlet="O",
                published=date(2024, 1, 1), attributed_to="A", as_of=date(2024, 1, 1))
    return FlagClaim(**{**base, **kw})  # type: ignore[arg-type]


@pytest.mark.parametrize("claim_, text", [
    (_fc(12000, 12000, 12000), "12,000"),
    (_fc(1000, 1000, None), "≥ 1,000"),  # "more than 1,000": open above
    (_fc(600e6, None, 600e6), "≤ 600,000,000"),  # "up to £600m"
    (_fc(10, 9, 11), "9–11"),
    (_fc(2.5, 2.45, 2.55), "2.45–2.55"),
    (_fc(None, None, None), "unbounded"),
])
def test_interval(claim_: FlagClaim, text: str) -> None:
    assert interval(claim_) == text


@pytest.mark.parametrize("value, text", [(576.8e6, "576,800,000"), (0.25, "0.25"), (None, "?"), (-3, "-3"), (1234.5, "1,234.5")])
def test_number(value: float | None, text: str) -> None:
    assert number(value) == text


@pytest.mark.parametrize("url, linked", [
    ("https://example.org/a?b=1#c", "https://example.org/a?b=1#c"),
    ("HTTP://Example.org/x", "HTTP://Example.org/x"),
    ("javascript:alert(1)", None),
    ("data:text/html,<script>", None),
    ("file:///etc/passwd", None),
    ("//evil.example/x", None),  # scheme-relative: not http(s) as written
    ("https://example.org/a b\"><script>", "https://example.org/a%20b%22%3E%3Cscript%3E"),  # quoted, not broken out of
    ("https:///nohost", None),
    ("", None),
    (None, None),
])
def test_safe_link(url: str | None, linked: str | None) -> None:
    assert safe_link(url) == linked


@pytest.mark.parametrize("sentence, span, parts", [
    ("It sent 12,000 troops.", "12,000", ("It sent ", "12,000", " troops.")),
    ("From 5 to 50 people.", "50", ("From 5 to ", "50", " people.")),  # the first exact occurrence of the span
    ("", "12,000", ("", "12,000", "")),  # no sentence stored: the figure alone
    ("It sent troops.", "12,000", ("It sent troops. ", "12,000", "")),  # span not in sentence: shown after it
])
def test_split_sentence(sentence: str, span: str, parts: tuple[str, str, str]) -> None:
    assert split_sentence(sentence, span) == parts


# -- charts -----------------------------------------------------------------------------------------------------
def test_chart_is_deterministic_valid_svg_with_one_mark_per_claimant() -> None:
    claims = [_fc(12000, 12000, 12000, claim_id="a", attributed_to="South Korean intelligence agency"),
              _fc(10000, 10000, 10000, claim_id="b", attributed_to="Zelenskyy $x$ <script>--> _hidden",
                  as_of=date(2024, 1, 3)),
              _fc(11000, 11000, None, claim_id="c", attributed_to="South Korean intelligence agency", as_of=date(2024, 1, 5))]
    svg = timeline_svg(claims, "flag1", "North Korea — troops")
    assert svg == timeline_svg(claims, "flag1", "North Korea — troops")
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert not list(root.iter(f"{ns}script"))
    texts = ["".join(t.itertext()) for t in root.iter(f"{ns}text")]
    assert "Zelenskyy $x$ <script>--> _hidden" in texts  # as text: escaped, not mathtext, not hidden
    assert texts.count("South Korean intelligence agency") == 1  # one legend entry per claimant
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    assert ids and all(i.startswith("cflag1-") for i in ids)  # unique within a page of many charts
    other = timeline_svg(claims, "flag2", "North Korea — troops")
    assert not set(ids) & {e.get("id") for e in ET.fromstring(other).iter() if e.get("id")}


def test_chart_without_dated_values_is_still_an_svg() -> None:
    svg = timeline_svg([_fc(None, None, None, published=None, as_of=None)], "x")
    assert ET.fromstring(svg).tag.endswith("svg")


# -- ClaimReview ------------------------------------------------------------------------------------------------
def _flags_for_review() -> list[Flag]:
    a = _fc(12000, 12000, 12000, claim_id="a", outlet="Euromaidan Press", attributed_to="South Korean intelligence agency",
            url="https://euromaidanpress.com/x", published=date(2024, 10, 21), sentence="The agency said 12,000.",
            span="12,000")
    a2 = replace(a, claim_id="a2", outlet="Newsweek", url="javascript:alert(1)", published=date(2024, 10, 22))
    b = _fc(10000, 10000, 10000, claim_id="b", outlet="Euromaidan Press", attributed_to="Zelenskyy",
            url="https://euromaidanpress.com/x", published=date(2024, 10, 21), sentence="Zelenskyy said 10,000.",
            span="10,000")
    confirmed = Flag("f1", "cross_source", "North Korea", "troops", None, (a2, b, a), verdict="confirmed",
                     verdict_note="checked")
    dismissed = Flag("f2", "cross_source", "North Korea", "troops", None, (a, b), verdict="dismissed")
    open_ = Flag("f3", "revision", "North Korea", "troops", None, (a, b))
    return [confirmed, dismissed, open_]


def test_claimreview_reviews_each_figure_of_confirmed_flags() -> None:
    reviews = claim_reviews(_flags_for_review())
    assert len(reviews) == 2  # 12,000 and 10,000 of the one confirmed flag
    by_author = {r["itemReviewed"]["author"]["name"]: r for r in reviews}
    agency, zelenskyy = by_author["South Korean intelligence agency"], by_author["Zelenskyy"]
    assert agency["itemReviewed"]["author"]["@type"] == "Organization" and zelenskyy["itemReviewed"]["author"]["@type"] == "Person"
    assert agency["claimReviewed"] == "The agency said 12,000."
    assert agency["itemReviewed"]["datePublished"] == "2024-10-21"
    assert agency["itemReviewed"]["firstAppearance"]["publisher"]["name"] == "Euromaidan Press"
    assert [a.get("url") for a in agency["itemReviewed"]["appearance"]] == ["https://euromaidanpress.com/x", None]
    assert "10,000 (Zelenskyy" in agency["reviewRating"]["ratingExplanation"]
    assert agency["reviewRating"]["@type"] == "Rating" and agency["reviewBody"] == "checked"
    assert agency["@id"] != zelenskyy["@id"]
    assert [r["@id"] for r in claim_reviews(list(reversed(_flags_for_review())))] == [r["@id"] for r in reviews]  # stable
    doc = json.loads(claimreview_jsonld(_flags_for_review()))
    assert doc["@context"] == "https://schema.org" and len(doc["@graph"]) == 2


# -- through the command line -------------------------------------------------------------------------------
def figures(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "figures", *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_cli_report_on_an_empty_database_notes_why_and_writes_every_file(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'empty.db'}"
    run = figures("report", "--db", db, "--out", str(tmp_path / "out"), "--today", "2024-10-30", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    written = [Path(line) for line in run.stdout.splitlines()]
    assert [p.name for p in written] == ["report.md", "report.html", "flags.csv", "claims.csv", "report.json"]
    assert all(p.parent == tmp_path / "out" / "2024-W43" and p.exists() for p in written)
    assert "no dated articles" in run.stderr
    assert "no dated articles" in written[0].read_text(encoding="utf-8")


def test_cli_report_ingests_paths_and_reports_rejections(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "Police said 300 people were arrested.", "outlet": "X", "published": "2024-05-01"}\n'
                   "{broken\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'x.db'}"
    run = figures("report", str(src), "--db", db, "--out", str(tmp_path / "out"), "--format", "json", "--today",
                  "2024-06-10", cwd=tmp_path)
    assert run.returncode == 1, run.stderr
    assert f"{src}:2" in run.stderr and "1 articles read, 1 new" in run.stderr and "1 rejected" in run.stderr
    written = [Path(line) for line in run.stdout.splitlines()]
    assert [p.name for p in written] == ["report.json"]
    doc = json.loads(written[0].read_text(encoding="utf-8"))
    # the report covers the week the given article was published in, not the week before --today
    assert doc["period"]["label"] == "2024-W18"
    assert doc["summary"]["articles"] == 1


@pytest.mark.parametrize("args", [["--format", "md,pdf"], ["--week", "2024-W43", "--since", "2024-10-01"], ["--week", "2024-W99"]])
def test_cli_report_usage_errors_exit_2(tmp_path: Path, args: list[str]) -> None:
    run = figures("report", "--db", f"sqlite:///{tmp_path / 'x.db'}", "--out", str(tmp_path), *args, cwd=tmp_path)
    assert run.returncode == 2, (run.stdout, run.stderr)
    assert run.stderr.startswith("error: ") and "—" in run.stderr  # one line saying what to do


def test_cli_export_claimreview_writes_a_jsonld_file(tmp_path: Path) -> None:
    out = tmp_path / "cr" / "reviews.jsonld"
    run = figures("export", "claimreview", "--db", f"sqlite:///{tmp_path / 'x.db'}", "--out", str(out), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == str(out)
    assert json.loads(out.read_text(encoding="utf-8")) == {"@context": "https://schema.org", "@graph": []}


def test_render_markdown_without_flags_says_so(world: Store) -> None:
    inputs = gather(world, Period.week("2024-W30"), Settings(), fake_compare)
    md = render_markdown(build(inputs))
    assert "No flags in this period." in md and "| 0 | 0 | 0 | 0 |" in md


def test_claims_csv_is_what_formats_to_csv_writes(world: Store) -> None:
    from figures import formats
    from figures.report_data import render_claims_csv

    report = build(gather(world, W43, Settings(), fake_compare), detail=0)
    frame = report.claims.sort_values(["published", "article_id", "start"], kind="stable")
    odd = pd.DataFrame({"published": [date(2024, 1, 1)] * 3, "article_id": ["x", "y", "z"], "start": [0, 1, 2],
                        "value": [1.5, float("nan"), 3.0], "flag": [True, False, True], "text": ["-1", None, "@a"]})
    assert render_claims_csv(report) == formats.to_csv(frame.to_dict("records"), list(frame.columns))
    odd_report = replace(report, claims=odd)
    assert render_claims_csv(odd_report) == formats.to_csv(odd.to_dict("records"), list(odd.columns))


def test_only_the_most_severe_flags_get_quotes_and_charts(world: Store, tmp_path: Path) -> None:
    result = make_report(world, ReportOptions(out_dir=tmp_path, week="2024-W43", detail=1), Settings(), fake_compare, TODAY)
    page = next(p for p in result.paths if p.name == "report.html").read_text(encoding="utf-8")
    md = next(p for p in result.paths if p.name == "report.md").read_text(encoding="utf-8")
    doc = json.loads(next(p for p in result.paths if p.name == "report.json").read_text(encoding="utf-8"))
    assert len(doc["flags"]) == 4  # every flag stays in the data
    assert page.count("data-flag=") == 1 and page.count("data-brief-flag=") == 3 and page.count("<svg") == 1
    assert md.count("![timeline") == 1 and "### Further flags" in md
    assert len([p for p in result.paths if p.suffix == ".svg"]) == 1


def test_charts_drawn_in_parallel_are_the_charts_drawn_serially() -> None:
    from figures.charts import timeline_svgs

    jobs = [((_fc(100 + i, 90 + i, 110 + i, claim_id=f"a{i}"), _fc(200 + i, 200 + i, None, claim_id=f"b{i}",
                                                                   attributed_to="B", as_of=date(2024, 1, 9))),
             f"f{i}", f"quantity {i}") for i in range(20)]
    assert timeline_svgs(jobs, workers=2) == timeline_svgs(jobs, workers=1)


def test_cli_review_confirmed_then_export_claimreview(tmp_path: Path) -> None:
    """Through the real pipeline: the seed's flag, confirmed by a reviewer, becomes one
    ClaimReview per claimant's figure, with the same @ids on every export."""
    seed = ROOT / "samples" / "euromaidan-2024-10-21-north-korea-troops.txt"
    db = f"sqlite:///{tmp_path / 'cr.db'}"
    assert figures("ingest", str(seed), "--db", db, cwd=tmp_path).returncode == 0
    flags = json.loads(figures("conflicts", "--format", "json", "--db", db, cwd=tmp_path).stdout)
    assert flags, "the seed article must give a flag"
    flag = flags[0]
    run = figures("review", flag["id"], "--verdict", "confirmed", "--note", "checked", "--db", db, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    exports = []
    for name in ("a.jsonld", "b.jsonld"):
        run = figures("export", "claimreview", "--out", str(tmp_path / name), "--db", db, cwd=tmp_path)
        assert run.returncode == 0, run.stderr
        exports.append(json.loads((tmp_path / name).read_text(encoding="utf-8")))
    graph = exports[0]["@graph"]
    figures_in_flag = {(c["attributed_to"], c["value"]) for c in flag["claims"]}
    assert len(graph) == len(figures_in_flag) >= 2
    assert {r["identifier"] for r in graph} == {flag["id"]}
    assert {(r["itemReviewed"]["author"]["name"]) for r in graph} == {a for a, _ in figures_in_flag}
    assert all("checked" in r["reviewBody"] and r["itemReviewed"]["firstAppearance"]["datePublished"] == "2024-10-21"
               for r in graph)
    assert exports[0] == exports[1]


def test_cards_and_chart_share_each_claimants_colour_and_order() -> None:
    from figures.charts import _style, claimant_colours, claimant_order
    from figures.report import _quotes

    claims = [_fc(10 + k, 10 + k, 10 + k, claim_id=f"c{k}", attributed_to=f"claimant {k:02d}",
                  as_of=date(2024, 1, 1 + k)) for k in range(12)]
    claims.append(_fc(5, 5, 5, claim_id="undated", attributed_to="claimant 00", as_of=None, published=None))
    order = claimant_order(claims)
    assert list(order) == [f"claimant {k:02d}" for k in range(12)]
    assert len({_style(k) for k in range(16)}) == 16  # past eight claimants the marker changes too
    assert {q.claim.attributed_to: q.colour for q in _quotes(claims)} == claimant_colours(claims)
    ns = "{http://www.w3.org/2000/svg}"
    texts = ["".join(t.itertext()) for t in ET.fromstring(timeline_svg(claims, "x")).iter(f"{ns}text")]
    legend = [t for t in texts if t.startswith("claimant ")]
    assert legend == list(order)  # the legend lists the claimants in the cards' order


def test_a_flag_with_many_figures_shows_twelve_cards_and_counts_the_rest(world: Store) -> None:
    from figures.report_data import render_flags_csv
    from figures.report_pages import render_html

    inputs = gather(world, W43, Settings(), fake_compare)
    many = tuple(_fc(100 + k, 100 + k, 100 + k, claim_id=f"m{k}", article_id=f"a{k}", attributed_to=f"source {k}",
                     published=date(2024, 10, 22), as_of=date(2024, 10, 22)) for k in range(20))
    big = Flag("big", "cross_source", "Somewhere", "people", None, many, severity=5.0)
    report = build(replace(inputs, comparison=replace(inputs.comparison, flags=inputs.comparison.flags + (big,))))
    page, md = render_html(report), render_markdown(report)
    card_html = page[page.index('data-flag="big"'):]
    assert card_html[:card_html.index("</article>")].count('class="claim"') == 12
    assert "and 8 more figures" in page and "and 8 more figures" in md
    csv_rows = [r for r in csv.DictReader(io.StringIO(render_flags_csv(report))) if r["flag_id"] == "big"]
    assert len(csv_rows) == 20  # every claim stays in the data


def test_report_json_keeps_one_line_per_flag_whatever_the_text(world: Store) -> None:
    from figures.report_data import render_json

    report = build(gather(world, W43, Settings(), fake_compare))
    odd = replace(report.flags[0], flag=replace(report.flags[0].flag, explanation="a\u2028b\u2029c\x85d\ne"))
    text = render_json(replace(report, flags=(odd,) + report.flags[1:]))
    assert json.loads(text)["flags"][0]["explanation"] == "a\u2028b\u2029c\x85d\ne"
    lines = text.splitlines()
    assert len(lines) == len(text.split("\n")) - 1  # no line breaks but the layout's own
    assert sum(line.lstrip().startswith('{"id": ') for line in lines) == len(report.flags) + len(report.resolved)


def test_long_sections_show_the_first_rows_and_count_the_rest(world: Store) -> None:
    """Repeats, related figures, changes and drops: the page and the Markdown show SHOWN_ROWS rows
    (a repeat names REPEAT_OUTLETS outlets) and say how many more; report.json keeps them all."""
    from figures.report_data import render_json
    from figures.report_pages import REPEAT_OUTLETS, SHOWN_ROWS, render_html

    inputs = gather(world, W43, Settings(), fake_compare)
    day = date(2024, 10, 22)
    repeats = tuple(Repeat(f"source {k:02d}", 100.0 + k, tuple(
        _fc(100 + k, 100 + k, 100 + k, claim_id=f"r{k}-{j}", article_id=f"a{j}", outlet=f"Outlet {j:02d}", published=day)
        for j in range(REPEAT_OUTLETS + 3))) for k in range(SHOWN_ROWS + 7))
    related = tuple(Related((_fc(k, k, k, claim_id=f"x{k}", published=day), _fc(k + 1, k + 1, k + 1, claim_id=f"y{k}", published=day)),
                            f"part of a whole {k:02d}") for k in range(SHOWN_ROWS + 2))
    report = build(replace(inputs, comparison=replace(inputs.comparison, repeats=repeats, related=related)))
    page, md, doc = render_html(report), render_markdown(report), json.loads(render_json(report))
    section = page[page.index('<section id="repeats">'):page.index('<section id="related">')]
    assert section.count("<tr><td><b>") == SHOWN_ROWS
    assert "and 7 more figures repeated" in section and "and 7 more figures repeated" in md
    assert section.count(" and 2 more</td>") == SHOWN_ROWS  # outlets past REPEAT_OUTLETS are counted
    assert "and 2 more related figures" in page and "and 2 more related figures" in md
    assert len(doc["repeats"]) == SHOWN_ROWS + 7 and len(doc["related"]) == SHOWN_ROWS + 2
    assert all(len(r["claim_ids"]) == REPEAT_OUTLETS + 3 for r in doc["repeats"])
