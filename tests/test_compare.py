"""The comparator on tables of claims: which pairs are flagged, as what, and which are only
related. Claims are written out by hand here (shaped like Store.claims_frame), so these tests
do not depend on the extractor."""
from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from figures.claim_keys import key_claims, source_key
from figures.compare import apply_verdicts, compare, find_conflicts
from figures.config import Settings
from figures.quantity import head_noun, predicate, split_scope
from figures.records import Flag
from figures.store import CLAIM_COLUMNS

_counter = iter(range(1_000_000))


def claim(value, *, article="a1", subject="North Korea", measure="deployed", entity="troops", unit=None,
          qualifier="exact", claimant="Agency", outlet=None, as_of="2024-10-21", published=None,
          modality="actual", location=None, sentence=None, span=None, start=None, low=None, high=None,
          is_change=False) -> dict:
    n = next(_counter)
    start = n * 200 if start is None else start
    span = span or f"{value:,}"
    return {
        "claim_id": f"c{n:04d}", "article_id": article, "start": start, "end": start + len(span), "span": span,
        "sentence": sentence if sentence is not None else f"Sentence {n} says {span}.",
        "value": value, "low": value if low is None and qualifier == "exact" else low,
        "high": value if high is None and qualifier == "exact" else high, "qualifier": qualifier, "unit": unit,
        "entity": entity, "subject": subject, "attributed_to": claimant, "claimant_chain": "",
        "as_of": date.fromisoformat(as_of), "as_of_precision": "day", "measure": measure, "modality": modality,
        "is_change": is_change, "location": location, "pragmatic_low": None, "pragmatic_high": None,
        "outlet": outlet or f"Outlet {article}", "published": date.fromisoformat(published or as_of),
        "url": f"https://example.org/{article}", "title": f"Title {article}",
    }


def frame(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame.from_records(list(rows), columns=CLAIM_COLUMNS)


def flagged(rows: list[dict], kind: str | None = None) -> set[frozenset[str]]:
    return {frozenset(c.claim_id for c in f.claims) for f in find_conflicts(frame(*rows)) if kind in (None, f.kind)}


def pair_flagged(a: dict, b: dict, kind: str | None = None) -> bool:
    return any({a["claim_id"], b["claim_id"]} <= s for s in flagged([a, b], kind))


# -- pairs with their expected verdict ---------------------------------------------------------
PAIRS = [
    # the seed pair: the agency's 12,000 (decided) against Zelenskyy's 10,000 (intended), same week
    ("seed 12,000 vs 10,000", dict(value=12_000, modality="decided", claimant="NIS", article="s1"),
     dict(value=10_000, modality="intended", entity="soldiers", claimant="Zelenskyy", article="s2"), "cross_source"),
    # rounding: a rounded 63,000 against the exact 62,914
    ("rounding", dict(value=62_914, measure="injured", entity="people", subject="Turkey", article="r1"),
     dict(value=63_000, measure="injured", entity="people", subject="Turkey", article="r2"), None),
    # a hedge of the same figure: "nearly £151,000" against "£150,874"
    ("hedge", dict(value=150_874, unit="GBP", measure="paid", entity="payment per person", article="h1"),
     dict(value=151_000, qualifier="about", unit="GBP", measure="paid", entity="payment per person", article="h2"), None),
    # a hedge that does not cover the gap: "about $6bn" against "$5.5bn"
    ("hedge too narrow", dict(value=6e9, qualifier="about", unit="USD", measure="cost", entity="damage", article="d1"),
     dict(value=5.5e9, unit="USD", measure="cost", entity="damage", article="d2"), "cross_source"),
    # planned against deployed: a plan and what is already there are two quantities
    ("planned vs deployed", dict(value=12_000, modality="decided", article="p1"),
     dict(value=1_500, modality="actual", entity="troops already positioned", article="p2"), None),
    # region against the whole country
    ("region vs nation", dict(value=1_262, measure="killed", entity="people", subject="Syria (government-held areas)", article="g1"),
     dict(value=2_992, measure="killed", entity="people", subject="Syria", article="g2"), None),
    # part against whole: victims identified are part of the dead
    ("part vs whole", dict(value=74, measure="identified", entity="victims", subject="Maui", article="m1"),
     dict(value=97, measure="killed", entity="people", subject="Maui", article="m2"), None),
    # neighbouring measures: injured against killed
    ("neighbouring measures", dict(value=15_384, measure="injured", entity="people", subject="Turkey", article="n1"),
     dict(value=3_549, measure="killed", entity="people", subject="Turkey", article="n2"), None),
    # a different counted thing: buildings against people
    ("different entity", dict(value=6_217, measure="destroyed", entity="buildings", subject="Turkey", article="e1"),
     dict(value=5_000, measure="destroyed", entity="vehicles", subject="Turkey", article="e2"), None),
    # different currencies are never compared
    ("two currencies, two articles", dict(value=700e6, unit="GBP", measure="spent", entity="money", article="u1"),
     dict(value=905e6, unit="USD", measure="spent", entity="money", article="u2"), None),
    # units of one dimension are converted: 17.9 km against 11 miles is the same depth
    ("km vs miles", dict(value=17.9, unit="km", measure="depth", entity="depth", subject="quake", article="k1"),
     dict(value=11.1, unit="mile", measure="depth", entity="depth", subject="quake", article="k2"), None),
    # and a real difference survives the conversion: 7 km against 17.9 km
    ("km vs km", dict(value=17.9, unit="km", measure="depth", entity="depth", subject="quake", article="k3"),
     dict(value=7, unit="km", measure="depth", entity="depth", subject="quake", article="k4"), "cross_source"),
    # a cumulative toll falls between as-of dates
    ("cumulative drop", dict(value=115, measure="killed", entity="people", subject="Maui", as_of="2023-08-22", article="t1"),
     dict(value=97, measure="killed", entity="people", subject="Maui", as_of="2023-09-15", article="t2"), "monotonic"),
    # lower bounds that fit each other: "at least 2,200" then "more than 2,000"
    ("lower bounds", dict(value=2_200, qualifier="at_least", low=2_200, measure="destroyed", entity="structures", as_of="2023-08-18", article="l1"),
     dict(value=2_000, qualifier="more_than", low=2_000, measure="destroyed", entity="structures", as_of="2023-10-20", article="l2"), None),
    # a later, higher figure of the same quantity is a revision
    ("revision", dict(value=290e6, unit="GBP", measure="paid", entity="payments", as_of="2023-12-08", article="v1"),
     dict(value=370e6, unit="GBP", measure="paid", entity="payments", as_of="2024-03-01", article="v2"), "revision"),
    # "up to £600m" against "more than £600m": bounds that exclude each other
    # a payment made to a party is not what a whole scheme costs, in the same story and the same week
    ("payment vs cost", dict(value=370e6, unit="GBP", measure="paid", entity="payment", article="p1"),
     dict(value=576.8e6, unit="GBP", measure="cost", entity="cost", article="p2"), None),
    ("exclusive bounds", dict(value=600e6, qualifier="up_to", high=600e6, unit="GBP", measure="cost", entity="cost", article="b1"),
     dict(value=600e6, qualifier="more_than", low=600e6, unit="GBP", measure="cost", entity="cost", article="b2"), "cross_source"),
    # a figure and a total 1,000 times larger at the same time are two quantities
    ("scale apart", dict(value=10_000, unit="GBP", measure="paid", entity="payment", article="x1"),
     dict(value=600e6, unit="GBP", measure="paid", entity="payment", article="x2"), None),
    # a figure of a past occasion recalled in the story ("the 2015 quake killed 9,000") is not
    # an earlier reading of this story's toll
    ("past occasion", dict(value=9_000, measure="killed", entity="people", subject="Syria", as_of="2015-06-01",
                           published="2023-02-07", article="o1"),
     dict(value=2_992, measure="killed", entity="people", subject="Syria", as_of="2023-02-09", article="o2"), None),
    # a negation after the figure counts the complement: not yet identified vs identified
    ("negated complement", dict(value=55, measure="identified", entity="people", subject="Maui", as_of="2023-09-08",
                                sentence="That leaves 55 people whose remains have not yet been identified.", span="55", article="q1"),
     dict(value=97, measure="identified", entity="victims", subject="Maui", as_of="2023-10-20", article="q2"), None),
    # "five more" is an increment on another figure, not a rival count
    ("n more", dict(value=5, measure="identified", entity="people", subject="Maui", as_of="2023-09-08",
                    sentence="The county says it has identified five more whose relatives must be reached.", span="five", article="w1"),
     dict(value=40, measure="identified", entity="people", subject="Maui", as_of="2023-09-08", article="w2"), None),
    # two rates of one economy are two measures: inflation is not the interest rate
    ("inflation vs interest rate", dict(value=3.5, unit="percent", measure="inflation", entity="inflation rate",
                                        subject="UK", article="ir1"),
     dict(value=4.25, unit="percent", measure="interest rate", entity="interest rate", subject="UK", article="ir2"), None),
    # and one rate worded two ways is one measure: "inflation" and "the inflation rate"
    ("one rate, two wordings", dict(value=3.5, unit="percent", measure="inflation", entity="inflation rate",
                                    subject="UK", article="if1"),
     dict(value=3.4, unit="percent", measure="inflation", entity="inflation", subject="UK", article="if2"),
     "cross_source"),
    # a round floor is near its figure: "more than 20,000" killed against "around 130,000"
    ("round floor far below", dict(value=20_000, qualifier="more_than", low=20_000, measure="killed", entity="people",
                                   subject="Sudan", article="f1", claimant="UN"),
     dict(value=130_000, qualifier="about", measure="killed", entity="people", subject="Sudan", article="f2",
          claimant="Researchers"), "cross_source"),
    # and a figure within reach of the floor fits it: "more than £500m" and £576.8m
    ("round floor fits", dict(value=500e6, qualifier="more_than", low=500e6, unit="GBP", measure="cost",
                              entity="cost", article="f3"),
     dict(value=576.8e6, unit="GBP", measure="cost", entity="cost", article="f4"), None),
    # a round ceiling: "up to 150,000" dead is not a way of saying 15,550
    ("round ceiling far above", dict(value=150_000, qualifier="up_to", high=150_000, measure="killed", entity="people",
                                     subject="Sudan", article="f5", claimant="Envoy"),
     dict(value=15_550, measure="killed", entity="people", subject="Sudan", article="f6", claimant="OCHA"),
     "cross_source"),
    # a precise figure under a bound is the count it states: "at least 15,383" against 17,591
    ("precise bound", dict(value=15_383, qualifier="at_least", low=15_383, measure="killed", entity="people",
                           subject="Turkey and Syria", article="f7"),
     dict(value=17_591, measure="killed", entity="people", subject="Turkey and Syria", article="f8"), "cross_source"),
    # "people" alone says nothing of what happened to them: 11 million and 25 million people
    ("people alone", dict(value=11e6, measure=None, entity="people", subject="Sudan", article="pa1"),
     dict(value=25e6, measure=None, entity="people", subject="Sudan", article="pa2"), None),
    # a figure counted under an earlier report ("1,732 people originally reported as missing
    # have been found") is not the current count of the missing
    ("earlier report named after the figure",
     dict(value=1_732, measure="missing", entity="people", subject="Maui", as_of="2023-08-24", span="1,732",
          sentence="The county said 1,732 people originally reported as unaccounted for have been found safe.",
          article="er1"),
     dict(value=1_000, measure="missing", entity="people", subject="Maui", as_of="2023-08-24", article="er2"), None),
    # a place's population is not a count of what happened to it: "a quarter of Sudan's 48
    # million people have been forced to flee" against 10 million displaced
    ("population", dict(value=48e6, measure="displaced", entity="people", subject="Sudan", span="48 million",
                        sentence="Over a quarter of Sudan's 48 million people have now been forced to flee.",
                        article="pp1"),
     dict(value=10e6, qualifier="more_than", low=10e6, measure="displaced", entity="people", subject="Sudan",
          article="pp2"), None),
    # "time since" grows by itself: 24 hours one day, 72 hours two days later
    ("elapsed time", dict(value=24, unit="hour", measure="duration", entity="time since the quake", subject="quake", as_of="2023-02-07", article="z1"),
     dict(value=72, unit="hour", measure="duration", entity="time since the quake", subject="quake", as_of="2023-02-09", article="z2"), None),
    # two polls of forecasters are two opinions of what is to come, not a dispute ...
    ("two forecasters", dict(value=205_000, measure="jobs", entity="jobs", subject="US", modality="projected",
                             claimant="economists polled by Dow Jones", article="f1"),
     dict(value=195_000, measure="jobs", entity="jobs", subject="US", modality="projected",
          claimant="economists polled by Reuters", article="f2"), None),
    # ... but one projection relayed with two figures is
    ("one projection relayed", dict(value=1.8e6, unit="GBP", measure="cost", entity="cost per person", modality="projected",
                                    claimant="Audit Office", article="f3"),
     dict(value=2.0e6, unit="GBP", measure="cost", entity="cost per person", modality="projected",
          claimant="Daily Paper", article="f4"), "cross_source"),
    # an average over a window is not the month's own figure
    ("an average", dict(value=58_000, measure="jobs", entity="jobs", subject="US", article="g1",
                        sentence="The sector's monthly average of 58,000 over the year.", span="58,000"),
     dict(value=55_000, measure="jobs", entity="jobs", subject="US", article="g2"), None),
    # the dead already buried are a part of the dead: "900 dead, 610 of them buried"
    ("buried vs killed", dict(value=900, measure="killed", entity="people killed", subject="Peru", article="bu1"),
     dict(value=610, measure="buried", entity="people killed", subject="Peru", article="bu2"), None),
    # a divided place: a side's own officials report the toll of the ground it holds ...
    ("a side's officials count its own ground",
     dict(value=1_262, measure="killed", entity="people killed", subject="Yemen", location="government-held areas",
          article="ps1", claimant="Health Ministry"),
     dict(value=1_100, measure="killed", entity="people killed", subject="Yemen", article="ps2",
          claimant="Yemeni government"), "cross_source"),
    # ... and so the other side's toll of its ground is no rival figure
    ("the other side's ground", dict(value=1_262, measure="killed", entity="people killed", subject="Yemen",
                                     location="government-held areas", article="ps3", claimant="Health Ministry"),
     dict(value=3_900, measure="killed", entity="people killed", subject="Yemen", location="rebel-held areas",
          article="ps4", claimant="Rebel health office"), None),
    # the badly hurt are a part of all the injured: "1,100 injured, 310 of whom are in critical condition"
    ("badly hurt vs all injured", dict(value=1_100, measure="injured", entity="people injured", subject="Peru",
                                       article="bh1", span="1,100",
                                       sentence="The quake left 1,100 injured, officials said."),
     dict(value=310, measure="injured", entity="people injured", subject="Peru", article="bh2", span="310",
          sentence="Officials said 310 people were in critical condition in Ica."), None),
    # "N of them" is a part of the figure before it: "700 died, 640 of them pilgrims without permits"
    ("a part of them vs the whole", dict(value=700, measure="killed", entity="people killed", subject="Peru",
                                         article="pt1", span="700", sentence="Officials said 700 people died."),
     dict(value=640, measure="killed", entity="people killed", subject="Peru", article="pt2", span="640",
          sentence="Some 700 died, 640 of them pilgrims without permits."), None),
    # who holds the part, worded two ways, is one scope: its two figures are in dispute
    ("one scope, two wordings", dict(value=29, measure="killed", entity="people", subject="Ukraine",
                                     location="Russian-held territory", article="sc1", claimant="Governor"),
     dict(value=41, measure="killed", entity="people", subject="Ukraine", location="areas under Russian control",
          article="sc2", claimant="Ministry"), "cross_source"),
    # one part of a rate's basket is not the whole: food inflation against headline inflation ...
    ("a component of a rate", dict(value=14.2, unit="percent", measure="inflation", entity="food inflation",
                                   subject="Chile", as_of="2024-05-01", article="i1"),
     dict(value=6.1, unit="percent", measure="inflation", entity="inflation rate", subject="Chile",
          as_of="2024-05-01", article="i2"), None),
    # ... nor food against non-food; but two figures for the same part are in dispute
    ("food vs non-food", dict(value=14.2, unit="percent", measure="inflation", entity="food inflation",
                              subject="Chile", as_of="2024-05-01", article="i3"),
     dict(value=4.9, unit="percent", measure="inflation", entity="non-food inflation", subject="Chile",
          as_of="2024-05-01", article="i4"), None),
    ("the same part", dict(value=14.2, unit="percent", measure="inflation", entity="food inflation",
                           subject="Chile", as_of="2024-05-01", article="i5"),
     dict(value=16.8, unit="percent", measure="inflation", entity="food inflation", subject="Chile",
          as_of="2024-05-01", article="i6"), "cross_source"),
]


@pytest.mark.parametrize("name, a, b, kind", PAIRS, ids=[p[0] for p in PAIRS])
def test_pair_verdict(name, a, b, kind):
    a, b = claim(a.pop("value"), **a), claim(b.pop("value"), **b)
    flags = find_conflicts(frame(a, b))
    both = [f for f in flags if {a["claim_id"], b["claim_id"]} <= {c.claim_id for c in f.claims}]
    if kind is None:
        assert both == [], f"{name}: flagged as {[f.kind for f in both]}"
    else:
        assert kind in {f.kind for f in both}, f"{name}: expected {kind}, got {[f.kind for f in both]}"


# -- the seed article: flagged, related and explained ------------------------------------------
def seed_claims() -> list[dict]:
    return [
        claim(12_000, entity="special forces troops", modality="decided", claimant="South Korean intelligence agency",
              article="seed", outlet="Euromaidan Press"),
        claim(1_500, entity="special forces troops", modality="actual", claimant="South Korean intelligence agency",
              location="Russian Far East", article="seed", outlet="Euromaidan Press"),
        claim(10_000, entity="soldiers", modality="intended", claimant="Volodymyr Zelenskyy", article="seed2",
              outlet="Kyiv Post"),
    ]


def test_seed_flags_12000_against_10000_but_not_1500():
    rows = seed_claims()
    result = compare(frame(*rows))
    cross = [f for f in result.flags if f.kind == "cross_source"]
    assert [{c.span for c in f.claims} for f in cross] == [{"12,000", "10,000"}]
    assert all("1,500" not in {c.span for c in f.claims} for f in result.flags)
    flag = cross[0]
    # the explanation names the fields that matched and the claimants
    for words in ("subject=north korea", "measure=deployed", "unit=count", "modality=planned",
                  "South Korean intelligence agency", "Volodymyr Zelenskyy", "2 distinct claimant"):
        assert words in flag.explanation
    # 12,000 reads as [11,700, 12,300] and 10,000 as [9,750, 10,250]: the gap over the larger
    assert flag.severity == pytest.approx((11_700 - 10_250) / 11_700, rel=1e-3)
    # the 1,500 already positioned comes out as related to the plan, with the reason
    related = [r for r in result.related if {c.span for c in r.claims} == {"12,000", "1,500"}]
    assert related and "planned vs actual" in related[0].reason


def test_flag_ids_are_stable_and_independent_of_row_order():
    rows = seed_claims()
    ids = [f.id for f in find_conflicts(frame(*rows))]
    assert ids == [f.id for f in find_conflicts(frame(*reversed(rows)))]
    assert ids == [Flag.make_id(f.kind, [c.claim_id for c in f.claims]) for f in find_conflicts(frame(*rows))]


def test_input_frame_is_not_modified():
    df = frame(*seed_claims())
    before = df.copy()
    compare(df)
    pd.testing.assert_frame_equal(df, before)


# -- within one article ------------------------------------------------------------------------
def test_within_article_contradiction_across_sentences():
    a = claim(7.8, unit="magnitude", measure="magnitude", entity="magnitude", subject="quake", article="w",
              sentence="The 7.8 quake struck at dawn.")
    b = claim(7.4, unit="magnitude", measure="magnitude", entity="magnitude", subject="quake", article="w",
              sentence="AFAD put it at 7.4.")
    assert frozenset({a["claim_id"], b["claim_id"]}) in flagged([a, b], "within_article")


def test_one_article_quoting_two_claimants_reports_a_cross_source_dispute():
    # the seed article: the agency's 12,000 and Zelenskyy's 10,000, both quoted in one article
    a = claim(12_000, modality="decided", claimant="NIS", article="one", outlet="Euromaidan Press")
    b = claim(10_000, modality="intended", claimant="Zelenskyy", article="one", outlet="Euromaidan Press")
    kinds = {f.kind for f in find_conflicts(frame(a, b))}
    assert kinds == {"cross_source"}


def test_an_article_contradicting_a_source_in_its_own_voice_is_within_article():
    # the article's own 7.8 against the 7.4 it attributes to AFAD two paragraphs later
    a = claim(7.8, measure="magnitude", entity="magnitude", subject="quake", claimant="Wardoon", article="w",
              outlet="Wardoon")
    b = claim(7.4, measure="magnitude", entity="magnitude", subject="quake", claimant="AFAD", article="w",
              outlet="Wardoon")
    kinds = {f.kind for f in find_conflicts(frame(a, b))}
    assert kinds == {"within_article"}


def test_a_flag_never_lumps_figures_of_different_scales():
    # one key, one day: two payments per person and two costs per person a scale apart, each
    # pair disagreeing within itself (the extractor gave them one key)
    rows = [claim(v, unit="GBP", measure="paid", entity="payments", article=f"s{i}", claimant=f"C{i}")
            for i, v in enumerate([150_874, 169_000, 1_800_000, 2_000_000])]
    groups = {frozenset(c.span for c in f.claims) for f in find_conflicts(frame(*rows)) if f.kind == "cross_source"}
    assert groups == {frozenset({"150,874", "169,000"}), frozenset({"1,800,000", "2,000,000"})}


def test_a_breakdown_beside_its_total_leaves_the_timeline_and_does_not_hide_it():
    # a toll revised over three weeks; the middle article also gives two provinces' counts, which
    # the extractor left under the national key: they are parts, not revisions of the total
    toll = dict(measure="killed", entity="people killed", subject="Chile")
    first = claim(900, article="t1", as_of="2024-03-01", claimant="Agency", **toll)
    total = claim(1_400, article="t2", as_of="2024-03-08", claimant="Agency", **toll)
    parts = [claim(v, article="t2", as_of="2024-03-08", claimant="Agency", **toll) for v in (600, 35)]
    last = claim(1_700, article="t3", as_of="2024-03-20", claimant="Agency", **toll)
    revisions = [f for f in find_conflicts(frame(first, total, *parts, last)) if f.kind == "revision"]
    assert [sorted(c.value for c in f.claims) for f in revisions] == [[900, 1_400, 1_700]]


def test_a_part_listed_beside_its_total_is_no_rival_figure():
    # one article gives the nation's toll and, in another sentence, a province's under the same key;
    # another article gives the nation's toll the same day: the province's count disputes nothing
    toll = dict(measure="killed", entity="people killed", subject="Chile", as_of="2024-03-08")
    total = claim(1_730, article="q1", claimant="Agency", **toll)
    part = claim(220, article="q1", claimant="Agency", **toll)
    other = claim(1_720, article="q2", claimant="Paper", **toll)
    assert not [f for f in find_conflicts(frame(total, part, other)) if part["claim_id"] in {c.claim_id for c in f.claims}]


def test_figures_listed_in_one_sentence_are_not_a_contradiction():
    s = "Each person gets £20,000, plus nearly £151,000 for processing."
    a = claim(20_000, unit="GBP", measure="paid", entity="payment per person", article="w2", sentence=s, span="£20,000")
    b = claim(151_000, unit="GBP", measure="paid", entity="payment per person", article="w2", sentence=s,
              span="£151,000", qualifier="about")
    assert flagged([a, b], "within_article") == set()


def test_a_change_the_article_states_is_related_not_flagged():
    s = "Green said the death toll had risen from 99 to 101."
    old = claim(99, measure="killed", entity="people", subject="Maui", article="c", sentence=s, span="99", start=40)
    new = claim(101, measure="killed", entity="people", subject="Maui", article="c", sentence=s, span="101", start=46)
    result = compare(frame(old, new))
    assert result.flags == ()
    assert any("stated change" in r.reason and {c.span for c in r.claims} == {"99", "101"} for r in result.related)


def test_a_conversion_next_to_its_figure_is_related_not_flagged():
    s = "Cooper said £700 million ($905 million) had been spent."
    gbp = claim(700e6, unit="GBP", measure="spent", entity="money", article="cv", sentence=s, span="£700 million", start=12)
    usd = claim(905e6, unit="USD", measure="spent", entity="money", article="cv", sentence=s, span="$905 million", start=26)
    other = claim(300e6, unit="GBP", measure="spent", entity="money", article="cv2", claimant="Cleverly")
    result = compare(frame(gbp, usd, other))
    assert any(r.reason.startswith("conversion") for r in result.related)
    # the dollar figure is set aside; the pound figure is still compared with the rival claim
    assert all(usd["claim_id"] not in {c.claim_id for c in f.claims} for f in result.flags)
    assert any({gbp["claim_id"], other["claim_id"]} <= {c.claim_id for c in f.claims} for f in result.flags)


# -- over time -----------------------------------------------------------------------------------
def test_revision_flag_lists_the_timeline_and_monotonic_the_drop():
    days = ["2023-08-14", "2023-08-16", "2023-08-22", "2023-09-15"]
    values = [99, 111, 115, 97]
    rows = [claim(v, measure="killed", entity="people", subject="Maui", as_of=d, article=f"t{i}", claimant=f"C{i}")
            for i, (v, d) in enumerate(zip(values, days))]
    flags = find_conflicts(frame(*rows))
    by_kind = {f.kind: {c.span for c in f.claims} for f in flags}
    assert by_kind["revision"] == {"99", "111", "115", "97"}
    assert by_kind["monotonic"] >= {"115", "97"}


def test_a_count_of_one_day_is_not_the_running_toll():
    # "60 were killed on Sunday alone" beside "at least 300 have died since the protests began":
    # the day's count and the toll are two quantities; two sources' counts of that day are one
    kw = dict(measure="killed", entity="people", subject="Chile", as_of="2024-08-04")
    toll = claim(300, article="d1", claimant="Agency", sentence="At least 300 people have died since June.", span="300", **kw)
    day = claim(60, article="d1", claimant="Agency", sentence="At least 60 people were killed on Sunday alone.", span="60", **kw)
    other = claim(45, article="d2", claimant="Paper", sentence="Police killed 45 people on Sunday alone, medics said.",
                  span="45", **kw)
    flags = flagged([toll, day, other])
    assert not any(toll["claim_id"] in f and (day["claim_id"] in f or other["claim_id"] in f) for f in flags)
    assert any({day["claim_id"], other["claim_id"]} <= f for f in flags)


def test_each_fall_of_a_cumulative_figure_is_its_own_monotonic_flag():
    # 50 -> 80 -> 70 (a fall from 80) -> 95 -> 85 (a fall from 95): two flags, each the peak and
    # the figure that fell below it; the 50 before any peak is in neither
    days = ["2024-03-01", "2024-03-05", "2024-03-09", "2024-03-13", "2024-03-17"]
    rows = [claim(v, measure="killed", entity="people", subject="Chile", article=f"m{i}", as_of=d, claimant=f"Agency {i}")
            for i, (v, d) in enumerate(zip([50, 80, 70, 95, 85], days))]
    ids = [r["claim_id"] for r in rows]
    assert flagged(rows, "monotonic") == {frozenset({ids[1], ids[2]}), frozenset({ids[3], ids[4]})}


def test_a_source_revising_itself_is_a_revision():
    # the 2022 figure, recalled in a December 2023 article, against the 2024 figure
    a = claim(20e6, unit="GBP", measure="cost", entity="set-up costs", as_of="2022-04-14", published="2023-12-08",
              article="o1", claimant="Home Office")
    b = claim(28e6, unit="GBP", measure="cost", entity="set-up costs", as_of="2024-03-01", article="o2", claimant="Home Office")
    assert frozenset({a["claim_id"], b["claim_id"]}) in flagged([a, b], "revision")


def test_stories_years_apart_are_not_one_timeline():
    # the same key reported in 2015 and again in 2023: two events, not a revision
    a = claim(7.8, unit="magnitude", measure="magnitude", entity="magnitude", subject="earthquake", as_of="2015-04-25",
              article="y1")
    b = claim(7.4, unit="magnitude", measure="magnitude", entity="magnitude", subject="earthquake", as_of="2023-02-06",
              article="y2")
    assert flagged([a, b]) == set()


# -- repeats, reliability, verdicts ----------------------------------------------------------------
def test_repeats_name_one_claimant_and_first_appearance():
    rows = [claim(12_000, claimant="NIS", article=f"o{i}", outlet=f"Outlet {i}", published=f"2024-10-2{i}")
            for i in (3, 1, 2)]
    repeats = compare(frame(*rows)).repeats
    assert len(repeats) == 1
    assert repeats[0].attributed_to == "NIS"
    assert [c.outlet for c in repeats[0].claims] == ["Outlet 1", "Outlet 2", "Outlet 3"]


def test_reliability_ranks_a_careless_claimant_last():
    rng = np.random.default_rng(7)
    rows = []
    for q in range(8):  # eight quantities, each reported by five claimants at the same time
        truth = 1_000 * (q + 1)
        for k in range(5):
            noise = 0.4 if k == 4 else 0.01
            value = float(round(truth * (1 + rng.normal(0, noise))))
            rows.append(claim(value, measure="killed", entity="people", subject=f"Place {q}", claimant=f"Source {k}",
                              article=f"q{q}k{k}"))
    rel = compare(frame(*rows)).reliability
    assert list(rel.columns) == ["attributed_to", "claims", "weight", "low", "high"]
    assert set(rel["attributed_to"]) == {f"Source {k}" for k in range(5)}
    assert rel.iloc[-1]["attributed_to"] == "Source 4"
    assert (rel["low"] <= rel["weight"]).all() and (rel["weight"] <= rel["high"]).all()
    assert (rel["claims"] >= 5).all()


def test_reliability_needs_five_claims():
    rows = seed_claims()
    assert compare(frame(*rows)).reliability.empty


def test_verdicts_apply_to_the_same_claims_and_reopen_on_a_new_one():
    rows = seed_claims()
    flag = [f for f in find_conflicts(frame(*rows)) if f.kind == "cross_source"][0]
    ids = sorted(c.claim_id for c in flag.claims)
    verdicts = pd.DataFrame([{"id": 1, "flag_id": flag.id, "claim_ids": ",".join(ids), "verdict": "not-a-conflict",
                              "note": "plan vs intention", "reviewer": "ann", "decided_at": pd.Timestamp("2024-10-22")}])
    [same] = [f for f in apply_verdicts([flag], verdicts)]
    assert same.verdict == "not-a-conflict" and "ann" in same.verdict_note
    rows.append(claim(9_000, entity="troops", modality="intended", claimant="Pentagon", article="seed3"))
    grown = [f for f in find_conflicts(frame(*rows)) if f.kind == "cross_source"][0]
    assert grown.id != flag.id
    [reopened] = apply_verdicts([grown], verdicts)
    assert reopened.verdict is None and reopened.verdict_note.startswith("reopened")
    assert rows[-1]["claim_id"] in reopened.verdict_note


def test_empty_input():
    result = compare(frame())
    assert result.flags == () and result.related == () and result.repeats == ()
    assert list(result.reliability.columns) == ["attributed_to", "claims", "weight", "low", "high"]


# -- the key's vocabulary --------------------------------------------------------------------------
@pytest.mark.parametrize("text, head", [
    ("special forces troops", "troop"), ("soldiers", "troop"), ("people killed", "person"),
    ("victims publicly identified", "person"), ("buildings collapsed", "building"),
    ("people still missing", "person"), ("Wednesday night", None),
    # a classifier counts instances of what follows "of"; alone it names nothing counted
    ("incidents of arbitrary arrests", "person"), ("incidents", None),
    ("individuals lost", "person"),
    # an event that befalls people counts the people it befell: "627 arrests" are 627 people arrested
    ("arrests", "person"), ("cases of abductions", "person"), ("injuries", "person"),
    # a share is of the whole after "of": the share of teachers is not the share of rail staff
    ("share of teachers", "teacher"), ("proportion of the workers", "personnel"), ("share", None),
    ("wildfires", "fire"), ("active fires", "fire"),
    # land, woodland and forest burnt are all the area burned
    ("area burned", "area"), ("land burnt", "area"), ("boreal forest scorched", "area"),
])
def test_head_noun(text, head):
    assert head_noun(text) == head


@pytest.mark.parametrize("text, pred", [
    ("death toll", "killed"), ("deaths", "killed"), ("fatalities", "killed"), ("people wounded", "injured"),
    ("people unaccounted for", "missing"), ("troops to be sent to Russia", "deployed"), ("payments", "paid"), ("spending", "cost"),
    ("time since the earthquake", "elapsed"), ("earthquake magnitude", "magnitude"),
    # a strong predicate word names the measure over an earlier one: death sentences are not deaths
    ("death sentences", "sentenced"), ("people sentenced to death", "sentenced"), ("executions", "executed"),
    ("people abducted", "abducted"), ("kidnappings", "abducted"), ("enforced disappearances", "disappeared"),
    # a crowd by whatever verb it is counted with
    ("people came", "turnout"), ("people gathered", "turnout"), ("demonstrators", "turnout"),
    ("participants", "turnout"), ("attendees", "turnout"),
    # bodies recovered are the dead
    ("bodies recovered", "killed"), ("deceased", "killed"),
])
def test_predicate(text, pred):
    assert predicate(text) == pred


def test_scope_in_parentheses():
    assert split_scope("Syria (government-held areas)") == ("syria", "government-held areas")
    assert split_scope("the United Kingdom") == ("united kingdom", None)


def test_same_time_days_setting_decides_cross_source():
    a = claim(3_432, measure="killed", entity="people", subject="Turkey", as_of="2023-02-07", article="d1", claimant="A")
    b = claim(12_391, measure="killed", entity="people", subject="Turkey", as_of="2023-02-09", article="d2", claimant="B")
    wide = {f.kind for f in find_conflicts(frame(a, b), Settings(same_time_days=3))}
    narrow = {f.kind for f in find_conflicts(frame(a, b), Settings(same_time_days=0))}
    assert "cross_source" in wide and "cross_source" not in narrow
    assert "revision" in narrow


# -- nested places: one quantity under a town's, its county's and its state's name ----------
def _toll(value, subject, article, as_of, sentence=None):
    return claim(value, measure="killed", entity="people", subject=subject, article=article, as_of=as_of,
                 claimant=f"Officials {article}", sentence=sentence)


def test_a_town_folds_into_the_county_its_articles_name():
    rows = [_toll(99, "Lahaina", "t1", "2023-08-14", sentence="The Maui fire killed 99 in Lahaina."),
            _toll(110, "Maui", "t2", "2023-08-16"), _toll(111, "Maui", "t3", "2023-08-16"),
            _toll(115, "Maui", "t4", "2023-08-24")]
    assert any({rows[0]["claim_id"], rows[3]["claim_id"]} <= s for s in flagged(rows, "revision"))


def test_a_town_its_articles_never_relate_to_the_county_stays_apart():
    rows = [_toll(99, "Lahaina", "t1", "2023-08-14", sentence="The fire killed 99 in the town."),
            _toll(110, "Maui", "t2", "2023-08-16"), _toll(111, "Maui", "t3", "2023-08-16"),
            _toll(115, "Maui", "t4", "2023-08-24")]
    assert not any(rows[0]["claim_id"] in s for s in flagged(rows))


def test_a_town_reported_as_often_as_its_country_folds_into_it_even_above_the_country():
    # half the articles say "in the town", half "in the country"; one article gives the town more
    # dead than the country: a part cannot exceed its whole, so that is one toll in dispute
    rows = [_toll(9_800, "Valdera", "v1", "2023-09-14", sentence="Officials in Chile said 9,800 died in Valdera."),
            _toll(5_000, "Chile", "v1", "2023-09-14", sentence="Chile's envoy put the national toll at 5,000."),
            _toll(3_900, "Chile", "v2", "2023-09-20"),
            _toll(4_000, "Valdera", "v3", "2023-09-21", sentence="The toll in Valdera, Chile, reached 4,000.")]
    assert any({rows[0]["claim_id"], rows[1]["claim_id"]} <= s for s in flagged(rows))
    assert any({rows[0]["claim_id"], rows[2]["claim_id"]} <= s for s in flagged(rows, "revision"))


@pytest.mark.parametrize("subject, key", [
    ("Delta Air Lines Inc", "delta air lines"), ("Acme Co", "acme"), ("Syria (rebel-held)", "syria"),
])
def test_a_company_legal_suffix_is_no_part_of_its_key(subject, key):
    assert split_scope(subject)[0] == key


def test_items_one_sentence_lists_are_compared_item_by_item():
    # two articles list the same services; a third gives another figure for one of them
    def svc(value, entity, article, sentence):
        return claim(value, measure="provided", entity=entity, subject="Norland", article=article,
                     claimant=f"Ministry {article}", sentence=sentence)
    one = "The ministry provided 1,300,000 preventive services and 465,000 treatment services."
    two = "Health workers gave 1,300,000 preventive services and 465,000 treatment services."
    rows = [svc(1_300_000, "preventive services", "s1", one), svc(465_000, "treatment services", "s1", one),
            svc(1_300_000, "preventive services", "s2", two), svc(465_000, "treatment services", "s2", two),
            svc(900_000, "preventive services", "s3", "Officials said 900,000 preventive services were given.")]
    flags = flagged(rows)
    # no flag pairs one item with another ...
    assert not any({rows[0]["claim_id"], rows[3]["claim_id"]} <= s or {rows[1]["claim_id"], rows[2]["claim_id"]} <= s
                   for s in flags)
    # ... each listed item is keyed by its whole phrase (an item given alone keeps its head noun: it
    # meets no listed item, a known loss of recall)
    keys = key_claims(frame(*rows), Settings())["k_entity"].tolist()
    assert keys[:4] == ["preventive service", "treatment service"] * 2 and keys[4] != "preventive service"


def test_one_stray_figure_far_from_the_timeline_does_not_hide_its_revision():
    # a storm's toll rising 23 -> 96 -> 162 -> 227, and on one day a recalled storm's 1,833 under the
    # same key: the stray figure leaves the timeline, the revision is still flagged
    rows = [_toll(23, "Hurricane Mira", "h1", "2024-09-27"), _toll(96, "Hurricane Mira", "h2", "2024-09-29"),
            _toll(162, "Hurricane Mira", "h3", "2024-10-02"), _toll(1_833, "Hurricane Mira", "h3", "2024-10-02"),
            _toll(227, "Hurricane Mira", "h4", "2024-10-05")]
    revisions = flagged(rows, "revision")
    assert any({rows[0]["claim_id"], rows[2]["claim_id"], rows[4]["claim_id"]} <= s for s in revisions)
    assert not any(rows[3]["claim_id"] in s for s in revisions)


def test_a_place_toll_never_folds_into_the_named_storm():
    # the storm's articles name the state, and no article gives both apart: still a state's toll is
    # a part of the storm's, not another name for it
    rows = [_toll(4, "South Carolina", "s1", "2024-09-27", sentence="Four died in South Carolina as Hurricane Mira hit."),
            _toll(24, "Hurricane Mira", "s2", "2024-09-27"), _toll(56, "Hurricane Mira", "s3", "2024-09-28"),
            _toll(90, "Hurricane Mira", "s4", "2024-09-30")]
    keys = key_claims(frame(*rows), Settings())
    assert keys["k_subject"].tolist() == ["south carolina"] + ["hurricane mira"] * 3
    # nor does a county the lists do not know
    rows[0]["subject"] = "Buncombe"
    rows[0]["sentence"] = "Four died in Buncombe as Hurricane Mira hit."
    keys = key_claims(frame(*rows), Settings())
    assert keys["k_subject"].tolist()[0] == "buncombe"


def test_ages_of_different_people_are_never_folded_together():
    # "the 22-year-old Jina Ros" in one article, "the 23-year-old Omid Vale" in another that also
    # names Jina Ros: two people's ages, however their articles name each other
    a = claim(22, unit="year", measure="age", entity="age", subject="Jina Ros", article="p1",
              sentence="The death of 22-year-old Jina Ros sparked protests.")
    b = claim(23, unit="year", measure="age", entity="age", subject="Omid Vale", article="p2",
              sentence="Omid Vale, 23, was the first protester executed after the death of Jina Ros.")
    c = claim(22, unit="year", measure="age", entity="age", subject="Jina Ros", article="p3")
    assert not any(b["claim_id"] in s for s in flagged([a, b, c]))


@pytest.mark.parametrize("minor", [
    "Syria",             # one article gives both places apart: two quantities
    "Turkey and Syria",  # a subject naming several places is never folded into one of them
])
def test_places_an_article_tells_apart_are_not_folded(minor):
    rows = [_toll(3_000, "Turkey", "q1", "2023-02-06"), _toll(1_000, "Syria", "q1", "2023-02-06",
                                                               sentence="In Syria, near Turkey, 1,000 died."),
            _toll(3_500, "Turkey", "q2", "2023-02-07"), _toll(3_600, "Turkey", "q3", "2023-02-07"),
            _toll(1_500, minor, "q4", "2023-02-07", sentence=f"{minor}: 1,500 died, Turkey says.")]
    assert not any({rows[2]["claim_id"], rows[4]["claim_id"]} <= s for s in flagged(rows))


def test_a_toll_first_given_as_more_than_then_higher_is_a_revision():
    # "more than 21,000" allows 62,914, but over days the stated figure was revised
    rows = [claim(21_000, qualifier="more_than", measure="injured", entity="people", subject="Turkey", article="v1",
                  as_of="2023-02-07", low=21_000),
            claim(62_914, measure="injured", entity="people", subject="Turkey", article="v2", as_of="2023-02-09")]
    assert frozenset(r["claim_id"] for r in rows) in flagged(rows, "revision")


def test_an_ordinal_before_the_figure_names_another_event():
    # "the second quake had a magnitude of 7.5" is not the first quake's 7.8
    first = claim(7.8, measure="magnitude", entity="earthquake", subject="earthquake", article="o1",
                  sentence="The quake had a magnitude of 7.8.", span="7.8")
    second = claim(7.5, measure="magnitude", entity="earthquake", subject="earthquake", article="o2",
                   sentence="The second quake had a magnitude of 7.5.", span="7.5")
    rival = claim(7.4, measure="magnitude", entity="earthquake", subject="earthquake", article="o3",
                  sentence="AFAD put the magnitude at 7.4.", span="7.4")
    sets = flagged([first, second, rival])
    assert not any(second["claim_id"] in s for s in sets)
    assert any({first["claim_id"], rival["claim_id"]} <= s for s in sets)


def test_a_part_far_below_its_window_stays_out_of_the_timeline():
    # "five of them were children" (5) beside the identified total (55) is a part, not a revision
    rows = [claim(v, measure="identified", entity="victims", subject="Maui", article=a, as_of=d, claimant=f"Police {a}")
            for v, a, d in ((6, "i1", "2023-08-19"), (27, "i2", "2023-08-21"), (55, "i3", "2023-09-08"),
                            (5, "i4", "2023-09-08"), (55, "i5", "2023-09-08"), (74, "i6", "2023-09-15"))]
    revisions = flagged(rows, "revision")
    assert any({rows[0]["claim_id"], rows[5]["claim_id"]} <= s for s in revisions)
    assert not any(rows[3]["claim_id"] in s for s in revisions)


def test_a_steep_fall_is_two_quantities_not_a_monotonic_violation():
    # a combined 5,000 then a count of 1,602: more than twice lower is not a corrected toll;
    # 115 then 97 is
    steep = [claim(5_000, measure="killed", entity="people", subject="Syria", article="f1", as_of="2023-02-07"),
             claim(1_602, measure="killed", entity="people", subject="Syria", article="f2", as_of="2023-02-12")]
    mild = [claim(115, measure="killed", entity="people", subject="Maui", article="f3", as_of="2023-09-08"),
            claim(97, measure="killed", entity="people", subject="Maui", article="f4", as_of="2023-09-15")]
    assert not flagged(steep, "monotonic")
    assert frozenset(r["claim_id"] for r in mild) in flagged(mild, "monotonic")


def test_generic_sums_of_money_far_apart_are_not_one_flag():
    # "£150m" and "£576.8m" of one scheme, both only "cost": different sums, not a dispute
    rows = [claim(v, unit="GBP", measure="cost", entity="cost", subject="Rwanda", article=a, claimant=f"Src {a}")
            for v, a in ((150e6, "m1"), (576.8e6, "m2"), (600e6, "m3"))]
    sets = flagged(rows)
    assert not any(rows[0]["claim_id"] in s for s in sets)
    assert any({rows[1]["claim_id"], rows[2]["claim_id"]} <= s for s in sets)


def test_a_timeline_that_never_changes_is_not_a_revision():
    rows = [claim(300, measure="relocated", entity="people", subject="Rwanda", article=a, as_of=d, claimant=f"S {a}")
            for a, d in (("n1", "2024-01-01"), ("n2", "2024-02-01"), ("n3", "2024-03-01"))]
    # a stray 25 later on splits off as another quantity; the 300s left together agree
    rows.append(claim(25, measure="relocated", entity="people", subject="Rwanda", article="n4", as_of="2024-04-01"))
    assert not flagged(rows)


def test_generic_sums_spread_wide_over_time_are_not_one_revised_sum():
    # "cost" figures of one scheme over months: £290m, £500m, £600m are several sums (a running
    # total, a projection), not one revised; £290m then £370m (the revision row above) is one
    rows = [claim(v, unit="GBP", measure="cost", entity="cost", subject="Rwanda", article=a, as_of=d, claimant=f"S {a}")
            for v, a, d in ((290e6, "w1", "2023-12-08"), (500e6, "w2", "2024-01-20"), (600e6, "w3", "2024-03-01"))]
    assert not flagged(rows, "revision")


@pytest.mark.parametrize("sentence, span, marker", [
    ("The second quake had a magnitude of 7.5.", "7.5", "nth:second"),
    ("Less than 12 hours later, a second 7.6 magnitude tremor struck.", "7.6", "nth:second"),
    ("The previous record belonged to a magnitude 7.4 earthquake.", "7.4", "previous"),
    ("They accounted for 99 percent of the initial list of 3,200 missing.", "3,200", "previous"),
    # the ordinal sits in another clause: no marker
    ("On the second day, officials said 7.8 was the magnitude.", "7.8", None),
    ("The quake had a magnitude of 7.8.", "7.8", None),
])
def test_ordinal_before(sentence, span, marker):
    from figures.quantity import ordinal_before
    assert ordinal_before(sentence, span) == marker


def test_a_previous_figure_the_sentence_names_is_not_in_the_timeline():
    new = claim(97, measure="killed", entity="people", subject="Maui", article="p1", as_of="2023-09-15", span="97",
                sentence="Police revised the toll to 97, down from their previous toll of 115.")
    old = claim(115, measure="killed", entity="people", subject="Maui", article="p1", as_of="2023-09-15", span="115",
                sentence="Police revised the toll to 97, down from their previous toll of 115.", claimant="Police")
    other = claim(115, measure="killed", entity="people", subject="Maui", article="p2", as_of="2023-09-08")
    assert not any(old["claim_id"] in s for s in flagged([new, old, other]))


def test_one_article_giving_far_apart_figures_is_not_contradicting_itself():
    # "£290m" overall and "£100m" paid last year in one article are two sums it tells apart;
    # "99" then "115" deaths in its own voice is a self-contradiction
    far = [claim(290e6, unit="GBP", measure="paid", entity="payments to Rwanda", article="wa", claimant=None,
                 outlet="Outlet wa", sentence="The UK has paid £290m."),
           claim(100e6, unit="GBP", measure="paid", entity="payments to Rwanda", article="wa", claimant=None,
                 outlet="Outlet wa", sentence="Last year the UK paid £100m.")]
    near = [claim(99, measure="killed", entity="people", subject="Maui", article="wb", claimant=None, outlet="Outlet wb",
                  sentence="The fire killed 99."),
            claim(115, measure="killed", entity="people", subject="Maui", article="wb", claimant=None, outlet="Outlet wb",
                  sentence="Officials now count 115 dead.")]
    assert not flagged(far, "within_article")
    assert frozenset(r["claim_id"] for r in near) in flagged(near, "within_article")


def test_a_fall_is_from_the_peak_not_from_every_earlier_figure():
    # 99, 111, 115, then 97: the toll fell from 115; the early 99 and 111 are the rise
    days = ["2023-08-14", "2023-08-16", "2023-08-22", "2023-09-15"]
    rows = [claim(v, measure="killed", entity="people", subject="Maui", article=f"pk{i}", as_of=d, claimant=f"S{i}")
            for i, (v, d) in enumerate(zip([99, 111, 115, 97], days))]
    mono = flagged(rows, "monotonic")
    assert frozenset([rows[2]["claim_id"], rows[3]["claim_id"]]) in mono
    assert not any(rows[0]["claim_id"] in s or rows[1]["claim_id"] in s for s in mono)


# -- periods and occasions ---------------------------------------------------------------------
def monthly(value, month, published, article, claimant="Labor Department"):
    c = claim(value, article=article, subject="US", measure="jobs", entity="jobs added", claimant=claimant,
              as_of=f"2024-{month:02d}-01", published=published)
    c["as_of_precision"] = "month"
    return c


def test_figures_for_different_months_are_different_quantities():
    # July's payrolls and August's are two statistics, however far apart their figures
    assert not pair_flagged(monthly(89_000, 7, "2024-09-06", "j1"), monthly(142_000, 8, "2024-09-06", "j2"))


def test_payrolls_told_as_a_rise_or_as_jobs_are_one_figure():
    # "payrolls rose by 142,000" (a change, "jobs added") and "159,000 jobs" later for the same month
    first, later = monthly(142_000, 8, "2024-09-06", "j1"), monthly(159_000, 8, "2024-10-04", "j2")
    first["is_change"] = True
    later["entity"] = "jobs"
    assert pair_flagged(first, later, "revision")


def test_a_month_revised_in_a_later_release_is_a_revision():
    first, later = monthly(142_000, 8, "2024-09-06", "j1"), monthly(159_000, 8, "2024-10-04", "j2")
    assert pair_flagged(first, later, "revision")


def protest(value, day, article, claimant):
    return claim(value, article=article, subject="Paris", measure="protesters", entity="demonstrators",
                 claimant=claimant, as_of=f"2023-03-{day:02d}")


def test_crowds_of_different_protest_days_are_no_revision():
    assert not pair_flagged(protest(81_000, 7, "p1", "police"), protest(119_000, 23, "p2", "police"))


def test_police_and_union_counts_of_one_protest_disagree():
    assert pair_flagged(protest(119_000, 23, "p1", "police"), protest(800_000, 23, "p2", "CGT"), "cross_source")


def test_organisers_crowd_and_police_turnout_of_one_march_disagree():
    # one article counts the marchers, another gives the police's "turnout": one quantity
    organisers = claim(1_000_000, article="t1", subject="Paris", measure="protesters", entity="people marched",
                       claimant="organisers", as_of="2023-03-23")
    police = claim(200_000, article="t2", subject="Paris", measure="turnout", entity="turnout",
                   claimant="police", as_of="2023-03-23")
    assert pair_flagged(organisers, police, "cross_source")


def test_an_article_telling_a_budget_in_parts_contradicts_nothing():
    # "£140m already paid", "a further £100m", "bringing the total to £290m": parts and running
    # totals of one programme's money, with no counted thing of their own
    rows = [claim(v, article="b1", subject="Rwanda", measure="cost", entity="cost", unit="GBP", claimant="Home Office")
            for v in (140e6, 100e6, 290e6)]
    assert flagged(rows, "within_article") == set()


def test_a_counted_thing_contradicted_inside_one_article_is_flagged():
    a = claim(99, article="u1", subject="Maui", measure="killed", entity="people killed", claimant="UPI")
    b = claim(115, article="u1", subject="Maui", measure="killed", entity="people killed", claimant="UPI")
    assert frozenset({a["claim_id"], b["claim_id"]}) in flagged([a, b], "within_article")


def test_a_pair_of_places_is_one_subject_in_either_order():
    assert split_scope("Syria and Turkey") == split_scope("Turkey and Syria") == ("syria and turkey", None)
    a = claim(15_383, article="t1", subject="Turkey and Syria", measure="killed", entity="people", claimant="AFAD")
    b = claim(21_000, article="t2", subject="Syria and Turkey", measure="killed", entity="people", claimant="WHO")
    assert pair_flagged(a, b, "cross_source")


def test_a_sector_s_jobs_are_not_the_nation_s():
    whole = claim(254_000, article="s1", subject="US", measure="jobs", entity="jobs added", claimant="BLS")
    sector = claim(45_000, article="s2", subject="US", measure="jobs", entity="jobs added in healthcare", claimant="BLS")
    other = claim(69_000, article="s3", subject="US", measure="jobs", entity="jobs added in food services", claimant="BLS")
    assert flagged([whole, sector, other]) == set()


def test_places_named_in_separate_sentences_are_not_folded_into_one():
    # an article about Kent that mentions Sussex elsewhere is no evidence that Kent lies in Sussex
    sussex = [claim(30, article=f"s{i}", subject="Sussex", measure="killed", entity="people",
                    sentence="30 people were killed in Sussex.") for i in range(3)]
    kent = claim(12, article="k1", subject="Kent", measure="killed", entity="people",
                 sentence="12 people were killed in Kent.")
    roads = claim(5, article="k1", subject="Sussex", measure="closed", entity="roads",
                  sentence="Sussex police said 5 roads were closed.")
    assert not any(kent["claim_id"] in s for s in flagged([*sussex, kent, roads]))


def test_a_town_named_with_its_island_folds_into_it():
    maui = [claim(115, article=f"m{i}", subject="Maui", measure="killed", entity="people",
                  sentence="115 people were killed on Maui.") for i in range(3)]
    town = claim(99, article="l1", subject="Lahaina", measure="killed", entity="people",
                 sentence="99 people were killed in Lahaina, Maui's police chief said.")
    assert any(town["claim_id"] in s for s in flagged([*maui, town]))


def test_another_after_a_figure_of_another_measure_is_a_second_count_not_an_increment():
    # "the toll is more than 4,300, while another 7,600 are injured": 7,600 is the injured count
    text = "The death toll is more than 4,300, while another 7,600 are injured."
    dead = claim(4_300, measure="killed", entity="people", subject="Syria", article="l1", sentence=text,
                 span="more than 4,300", start=10, qualifier="more_than", low=4_300)
    hurt = claim(7_600, measure="injured", entity="people", subject="Syria", article="l1", sentence=text,
                 span="another 7,600", start=50)
    other = claim(7_900, measure="injured", entity="people", subject="Syria", article="l2", claimant="Ministry")
    assert any({hurt["claim_id"], other["claim_id"]} <= s for s in flagged([dead, hurt, other], "cross_source"))


def test_another_after_its_own_measure_in_the_sentence_is_an_increment():
    # "left 910 dead and 400 missing in the city, while another 600 died elsewhere": the 600
    # adds to the dead; it is no rival toll of the city's 910, nor of another article's 930
    text = "The floods left 910 dead and 400 missing in the city, while another 600 died elsewhere."
    dead = claim(910, measure="killed", entity="people", subject="Chile", article="n1", sentence=text,
                 span="910", start=10)
    missing = claim(400, measure="missing", entity="people", subject="Chile", article="n1", sentence=text,
                    span="400", start=30)
    more = claim(600, measure="killed", entity="people", subject="Chile", article="n1", sentence=text,
                 span="another 600", start=70)
    other = claim(930, measure="killed", entity="people", subject="Chile", article="n2", claimant="Ministry")
    assert not any(more["claim_id"] in s for s in flagged([dead, missing, more, other]))


def test_increments_of_two_articles_are_not_one_quantity():
    # each article's "another" / "a further" adds to a base of its own choosing
    a = claim(120e6, unit="GBP", measure="paid", entity="payment", span="another £120m", article="i1")
    b = claim(50e6, unit="GBP", measure="paid", entity="payment", span="a further £50m", article="i2")
    assert flagged([a, b]) == set()


def test_a_claimant_restating_its_figure_in_one_article_is_one_claim():
    # "the ONS said 3.5%" three times in one article, against 3.4% elsewhere: the flag holds
    # the first mention, not every restatement; a restatement with another bound stays
    say = dict(measure="inflation", entity="inflation rate", unit="percent", subject="UK", claimant="ONS")
    first = claim(3.5, article="d1", start=10, **say)
    again = claim(3.5, article="d1", start=400, **say)
    bound = claim(3.5, article="d1", start=800, qualifier="at_least", low=3.5, **say)
    other = claim(3.4, article="d2", **{**say, "claimant": "Bank"})
    held = set().union(*flagged([first, again, bound, other]))
    assert {first["claim_id"], other["claim_id"]} <= held
    assert again["claim_id"] not in held


def test_a_claim_with_no_subject_spelling_names_no_subject():
    # a missing spelling once read as its str() ("nan"), so any sentence holding the word "nan"
    # or "none" would have named the claim's subject and could fold places through it
    from figures.subject_folding import _subject_names
    df = pd.DataFrame({"subject": ["Maui", None]})
    names = _subject_names(df, np.array([True, True]), np.array([0, 0]), ["maui"])
    assert names == [(("maui",), 0)]


@pytest.mark.parametrize("part", ["children killed", "women killed", "children"])
def test_a_group_among_the_dead_is_a_part_not_a_rival_toll(part):
    # "12,000 of the dead were children" is part of the 50,000 killed, not a competing toll
    whole = [claim(50_000, article=f"w{i}", subject="Gaza", measure="killed", entity="people killed",
                   claimant="Health ministry") for i in range(2)]
    group = claim(12_000, article="p1", subject="Gaza", measure="killed", entity=part, claimant="UNICEF")
    assert not any(group["claim_id"] in s for s in flagged([*whole, group]))


def _syria_toll(value, day, article):
    return claim(value, measure="killed", entity="people", subject="Syria", as_of=day, article=article,
                 claimant=f"Agency {article}")


def test_a_figure_sunk_far_below_the_toll_around_it_is_a_part_not_a_revision():
    # a running toll of 1,000 / 3,577 / 5,647 / 5,914; between them one region's 1,414, less
    # than half the toll before and after it, is a part under the key, not a member of the timeline
    rows = [_syria_toll(1_000, "2023-02-06", "s1"), _syria_toll(3_577, "2023-02-09", "s2"), _syria_toll(1_414, "2023-02-13", "s3"),
            _syria_toll(5_647, "2023-02-17", "s4"), _syria_toll(5_914, "2023-02-25", "s5")]
    revisions = flagged(rows, "revision")
    assert frozenset(r["claim_id"] for i, r in enumerate(rows) if i != 2) in revisions
    assert not any(rows[2]["claim_id"] in s for s in revisions)


def test_a_sunk_figure_beside_the_toll_of_its_day_does_not_hide_the_timeline():
    # a toll rising 450 / 524 / 548 / 629 / 859 over weeks; beside the 548 one outlet prints 53
    # (a dropped digit): sunk below the toll around it, the stray figure leaves the timeline and
    # no longer makes its day look like two quantities mixed under one key
    rows = [_syria_toll(450, "2024-08-08", "m0"), _syria_toll(524, "2024-08-14", "m1"), _syria_toll(53, "2024-08-15", "m2"),
            _syria_toll(548, "2024-08-15", "m3"), _syria_toll(629, "2024-09-04", "m4"), _syria_toll(859, "2024-10-05", "m5")]
    revisions = flagged(rows, "revision")
    assert frozenset(r["claim_id"] for i, r in enumerate(rows) if i != 2) in revisions


def test_a_figure_the_next_day_only_bounds_from_below_is_not_sunk():
    # 1,457, then 548, then "more than 570": the 548 is no dip that recovers for certain (the
    # floor of 570 is close to it), so it stays in the timeline with the figures after it
    later = claim(570, measure="killed", entity="people", subject="Syria", as_of="2024-08-20", article="f3",
                  claimant="Agency f3", qualifier="more_than", low=570, high=None)
    rows = [_syria_toll(1_457, "2024-08-01", "f1"), _syria_toll(548, "2024-08-12", "f2"), later,
            _syria_toll(629, "2024-09-04", "f4")]
    assert any(rows[1]["claim_id"] in s for s in flagged(rows, "revision"))


def test_shares_of_different_wholes_are_different_quantities():
    rate = dict(measure="share", unit="percent", subject="France", claimant="Ministry")
    teachers = claim(42.3, entity="share of teachers", article="p1", **rate)
    rail = claim(46.3, entity="share of rail workers", article="p2", **rate)
    again = claim(70.0, entity="share of teachers", article="p3", **{**rate, "claimant": "Union"})
    assert not pair_flagged(teachers, rail)
    assert pair_flagged(teachers, again, "cross_source")


def test_areas_in_hectares_and_square_kilometres_are_one_quantity():
    # the project's unit registry converts both (a default pint registry knows no "km2")
    area = dict(measure="burned", entity="area burned", subject="Canada", claimant="Agency")
    hectares = claim(3_300_000, unit="hectare", article="h1", **area)
    assert pair_flagged(hectares, claim(47_000, unit="km2", article="h2", **{**area, "claimant": "Other"}))
    assert not pair_flagged(hectares, claim(33_000, unit="km2", article="h3", **{**area, "claimant": "Other"}))


def test_a_fall_the_later_figures_stay_near_is_kept_in_the_timeline():
    # 5,000 then 1,602 and 1,700: the toll did not recover, so the early peak is in doubt, not
    # the later figures; all three stay in the timeline
    rows = [_syria_toll(5_000, "2023-02-06", "k1"), _syria_toll(1_602, "2023-02-12", "k2"), _syria_toll(1_700, "2023-02-18", "k3")]
    assert frozenset(r["claim_id"] for r in rows) in flagged(rows, "revision")


@pytest.mark.parametrize("a, b", [
    ("National Audit Office (NAO)", "National Audit Office"),   # the letters a body is also known by
    ("The Guardian (via Yahoo News UK)", "the guardian"),       # a relay note
    ("Red  Cross", "red cross"),                                # case and spacing
])
def test_source_key_compares_names_loosely(a, b):
    assert source_key(a) == source_key(b)


def test_source_key_keeps_a_relayed_agency_named_in_words():
    assert source_key("Hindustan Times (Reuters)") != source_key("Hindustan Times")
