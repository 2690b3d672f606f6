"""Change vs level: a figure a quantity moved BY is a change; a figure it moved TO, or a
threshold it crossed, is a level — the comparator must not set "rose above 100" beside "rose by 2"."""
from datetime import date

import pytest

from figures.claims import extract_claims
from figures.records import Article


@pytest.mark.parametrize("text, span, change", [
    ("Shares rose 5% on Monday.", "5%", True),
    ("Shares rose more than 5% on Monday.", "more than 5%", True),  # by more than 5%
    ("The death toll rose by one, to 99.", "99", False),
    ("The death toll rose above 100 on Tuesday.", "above 100", False),  # a threshold crossed
    ("The death toll soared above 9,600 as rescue operations continued.", "above 9,600", False),
    ("Inflation fell below 3% in May.", "below 3%", False),
    ("The toll has risen to more than 3,000.", "more than 3,000", False),
    ("Unemployment rose by 0.2 percentage points to 4.1%.", "0.2 percentage points", True),
    ("Unemployment rose by 0.2 percentage points to 4.1%.", "4.1%", False),
])
def test_change_or_level(text, span, change):
    art = Article(id="t", text=text, outlet="Example Wire", published=date(2024, 3, 1))
    found = {c.span: c.is_change for c in extract_claims(art).claims}
    assert found[span] is change


@pytest.mark.parametrize("text, span, modality", [
    ("The death toll could top 20,000, officials warned.", "could top 20,000", "projected"),  # cue inside the figure
    ("An estimated 500 people attended.", "An estimated 500", "estimated"),
    # forecasts: a forecast noun before the figure; an estimate by those who forecast a statistic
    ("Hiring fell short of analysts' forecasts of 180,000 jobs.", "180,000", "projected"),
    ("Economists polled by Reuters had estimated 150,000 new jobs.", "estimated 150,000", "projected"),
    ("Police estimated 40,000 people took part.", "estimated 40,000", "estimated"),
    # a participle with its agent right after the figure outweighs the clause's verb
    ("That was short of the 205,000 jobs forecast by economists.", "205,000", "projected"),
    ("Inflation was 2.9%, above the 2.6% predicted by the central bank.", "2.6%", "projected"),
    ("Inflation was 2.9%, above the 2.6% predicted by the central bank.", "2.9%", "actual"),
    ("North Korea has decided to send 12,000 troops.", "12,000", "decided"),
    ("More than 3,000 people have died.", "More than 3,000", "actual"),  # a bound is no modality
    ("The toll rose to 500 and is expected to climb.", "500", "actual"),  # the cue is about what comes next
    # a cue whose own figure stands between it and this one ("expectations of 180,000") is that figure's
    ("Hiring fell short of expectations of 180,000 and beat the revised 95,000 of June.", "95,000", "actual"),
    ("The deal would relocate 300 people and pay £120m once 100 are sent.", "100", "projected"),
    # a clause of its own after the figure: the forecast is the economists', not the figure's
    ("Employers added 210,000 jobs in May when economists expected 180,000.", "210,000", "actual"),
    ("Employers added 210,000 jobs in May when economists expected 180,000.", "180,000", "projected"),
    # a cue after the figure that looks at a change still to come leaves the figure as it stands
    ("A toll of more than 800 looked likely to rise further on Monday.", "more than 800", "actual"),
    ("The 40,000 displaced are expected to grow in number.", "40,000", "actual"),
    ("Some 600 jobs are expected to go.", "Some 600", "projected"),  # no change verb: the figure is the forecast
    ("Economists had been expecting a rise in inflation to 3.3% last month.", "3.3%", "projected"),
    # a counterfactual: "have been" inside "would have been" is not read again as "actual"
    ("The rate would have been closer to the 3.3 per cent forecast.", "3.3 per cent", "hypothetical"),
])
def test_modality(text, span, modality):
    art = Article(id="t", text=text, outlet="Example Wire", published=date(2024, 3, 1))
    found = {c.span: c.modality for c in extract_claims(art).claims}
    assert found[span] == modality
