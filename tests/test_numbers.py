"""find_figures: text -> figures (span, value, logical interval, qualifier, unit) and non-figures.

Every row asserts text[start:end] == the expected span. None in low/high means unbounded.
"""
from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figures.numbers import Figure, NonFigure, find_figures

INF = None

# text, span, value, low, high, qualifier, unit
FIGURES = [
    ("North Korea has decided to send 12,000 special forces troops", "12,000", 12000, 12000, 12000, "exact", None),
    ("The toll, which stands at more than 3,000 people, rose.", "more than 3,000", 3000, 3000, INF, "more_than", None),
    ("About 12 hours after the quake", "About 12 hours", 12, INF, INF, "about", "hour"),
    ("The Home Office will pay £140m to Rwanda", "£140m", 140e6, 140e6, 140e6, "exact", "GBP"),
    ("a deal worth $3.5bn over ten years", "$3.5bn", 3.5e9, 3.5e9, 3.5e9, "exact", "USD"),
    ("the fund held 4.2 billion euros", "4.2 billion euros", 4.2e9, 4.2e9, 4.2e9, "exact", "EUR"),
    ("it has cost half a billion pounds", "half a billion pounds", 5e8, 5e8, 5e8, "exact", "GBP"),  # scaled: money
    ("some 800 thousand people fled", "some 800 thousand", 8e5, INF, INF, "about", None),
    ("the toll could reach the region of 9,000", "the region of 9,000", 9000, INF, INF, "about", None),
    ("1.2 million people and 1.2m homes", "1.2 million", 1.2e6, 1.2e6, 1.2e6, "exact", None),
    ("homes: 1.2m homes were hit", "1.2m", 1.2e6, 1.2e6, 1.2e6, "exact", None),  # glued m before a noun: million
    ("the 100m sprint", "100m", 100, 100, 100, "exact", "m"),  # glued m before a spatial word: metres
    ("it sold for $US12.5m last year", "$US12.5m", 12.5e6, 12.5e6, 12.5e6, "exact", "USD"),  # code after "$"
    ("a bill of $A640,000", "$A640,000", 640000, 640000, 640000, "exact", "AUD"),
    ("fares of $NZ35 each", "$NZ35", 35, 35, 35, "exact", "NZD"),
    ("a plan at RM99 a month", "RM99", 99, 99, 99, "exact", "MYR"),  # ringgit glued
    ("losses of RM4.2mil were found", "RM4.2mil", 4.2e6, 4.2e6, 4.2e6, "exact", "MYR"),  # "mil" scale
    ("rooms cost Rp750,000 a night", "Rp750,000", 750000, 750000, 750000, "exact", "IDR"),
    ("bread now costs R18 a loaf", "R18", 18, 18, 18, "exact", "ZAR"),  # "R" after a money word: rand
    ("a R3bn rescue", "R3bn", 3e9, 3e9, 3e9, "exact", "ZAR"),  # or before a glued scale
    ("some 3 hundred million viewers", "some 3 hundred million", 3e8, INF, INF, "about", None),  # scales multiply
    ("a debt of 9 thousand million pounds", "9 thousand million pounds", 9e9, 9e9, 9e9, "exact", "GBP"),
    ("a crowd of six to seven thousand", "six to seven thousand", 6000, 6000, 7000, "range", None),  # shared scale
    ("two to three hundred thousand fled", "two to three hundred thousand", 2e5, 2e5, 3e5, "range", None),
    ("flats from 500 sq ft up to 1,100 sq ft", "from 500 sq ft up to 1,100 sq ft", 500, 500, 1100, "range",
     "square_foot"),  # "from A up to B" with no change verb: an interval
    ("an amp rated 20-50W", "20-50W", 20, 20, 50, "range", "watt"),  # glued unit on the second end
    ("a band between 12kHz and 14kHz", "between 12kHz and 14kHz", 12, 12, 14, "range", "kilohertz"),
    ("a 6- or 7-inch display", "6- or 7-inch", 6, 6, 7, "range", "inch"),
    ("tickets at $15-$20", "$15-$20", 15, 15, 20, "range", "USD"),
    ("growth of 1.5-2% is forecast", "1.5-2%", 1.5, 1.5, 2, "range", "percent"),
    ("it is 1⁄64 of an inch", "1⁄64", 1 / 64, 1 / 64, 1 / 64, "exact", "fraction"),  # fraction slash U+2044
    ("demand for sub-200 sq m offices", "sub-200 sq m", 200, INF, 200, "less_than", "square_metre"),  # a bound
    ("a 4m fence went up", "4m", 4, 4, 4, "exact", "m"),  # a structure: metres
    ("the 20m (66ft) mast", "20m", 20, 20, 20, "exact", "m"),  # converted to feet: metres
    ("the start-up raised 4m in funding", "4m", 4e6, 4e6, 4e6, "exact", None),  # no spatial word: million
    ("a kitchen of 18m2 was added", "18m2", 18, 18, 18, "exact", "square_metre"),  # not 18 million
    ("it ships with 512GB of storage", "512GB", 512, 512, 512, "exact", "gigabyte"),  # glued units
    ("a 144Hz display", "144Hz", 144, 144, 144, "exact", "hertz"),
    ("speeds of 50Mbps at home", "50Mbps", 50, 50, 50, "exact", "megabit_per_second"),
    ("a chip clocked at 3.2Ghz", "3.2Ghz", 3.2, 3.2, 3.2, "exact", "gigahertz"),  # case as written
    ("a 1.5l petrol engine", "1.5l", 1.5, 1.5, 1.5, "exact", "litre"),  # one glued letter
    ("add 30g of butter", "30g", 30, 30, 30, "exact", "gram"),
    ("a 45W charger", "45W", 45, 45, 45, "exact", "watt"),
    ("a lap of 7.4s", "7.4s", 7.4, 7.4, 7.4, "exact", "second"),
    ("bake for 25min", "25min", 25, 25, 25, "exact", "minute"),  # "min" only when glued
    ("a 4500mAh battery", "4500mAh", 4500, 4500, 4500, "exact", "milliampere_hour"),
    ("the engine idles at 800 rpm", "800 rpm", 800, 800, 800, "exact", "rpm"),
    ("it makes 400 lb-ft of torque", "400 lb-ft", 400, 400, 400, "exact", "pound_foot"),
    ("the storm's pressure fell to 960 hPa", "960 hPa", 960, 960, 960, "exact", "hectopascal"),
    ("the alloy withstands 2.5 gigapascals", "2.5 gigapascals", 2.5, 2.5, 2.5, "exact", "gigapascal"),
    ("chips made on a 5 nanometer process", "5 nanometer", 5, 5, 5, "exact", "nanometre"),
    ("fibres 20 μm thick", "20 μm", 20, 20, 20, "exact", "micrometre"),  # Greek mu; the micro sign too
    ("emissions of 36 gigatonnes a year", "36 gigatonnes", 36, 36, 36, "exact", "gigatonne"),
    ("a siren of 110 decibels", "110 decibels", 110, 110, 110, "exact", "decibel"),
    ("clocked at 95 m.p.h. on the motorway", "95 m.p.h.", 95, 95, 95, "exact", "mph"),
    ("a 2,000-calorie diet", "2,000-calorie", 2000, 2000, 2000, "exact", "kilocalorie"),  # food calories
    ("warmed by 1.2deg C", "1.2deg C", 1.2, 1.2, 1.2, "exact", "degree_Celsius"),
    ("payrolls rose by +144,000 in May", "+144,000", 144000, 144000, 144000, "exact", None),
    ("a change of −13,000 jobs", "−13,000", -13000, -13000, -13000, "exact", None),  # U+2212 minus
    ("twelve thousand troops", "twelve thousand", 12000, 12000, 12000, "exact", None),
    ("12-thousand troops", "12-thousand", 12000, 12000, 12000, "exact", None),
    ("15-hundred troops", "15-hundred", 1500, 1500, 1500, "exact", None),
    ("four-thousand-100 troops", "four-thousand-100", 4100, 4100, 4100, "exact", None),  # words and digits mixed
    ("a dozen tanks", "a dozen", 12, 12, 12, "exact", None),
    ("Forty search dogs", "Forty", 40, 40, 40, "exact", None),
    ("two-and-a-half years", "two-and-a-half years", 2.5, 2.5, 2.5, "exact", "year"),
    ("five and a half million fish", "five and a half million", 5.5e6, 5.5e6, 5.5e6, "exact", None),
    ("two-thirds of the homes", "two-thirds", 2 / 3, 2 / 3, 2 / 3, "exact", "fraction"),
    ("Half the flats on the estate are empty", "Half", 0.5, 0.5, 0.5, "exact", "fraction"),  # "half the": a fraction
    ("more than half the staff walked out", "more than half", 0.5, 0.5, INF, "more_than", "fraction"),
    ("the crowd never exceeded 500,000", "exceeded 500,000", 500_000, INF, 500_000, "at_most", None),  # a negated bound
    ("turnout did not exceed 40%", "exceed 40%", 40, INF, 40, "at_most", "percent"),
    ("a quarter of the budget", "a quarter", 0.25, 0.25, 0.25, "exact", "fraction"),
    ("the toll could rise eight-fold", "eight-fold", 8, 8, 8, "exact", "dimensionless"),
    ("an eightfold increase", "eightfold", 8, 8, 8, "exact", "dimensionless"),
    ("turnout was almost double the count before", "almost double", 2, INF, 2, "about", "dimensionless"),
    ("renters face a doubling of their fees", "doubling", 2, 2, 2, "exact", "dimensionless"),
    ("twice as many families applied", "twice", 2, 2, 2, "exact", "dimensionless"),  # a comparison
    ("the ferry left half an hour late", "half an hour", 0.5, 0.5, 0.5, "exact", "hour"),  # half of a unit
    ("rates rose by half a percentage point", "half a percentage point", 0.5, 0.5, 0.5, "exact", "percentage_point"),
    ("aid reached at least one camp", "at least one", 1, 1, INF, "at_least", None),  # a bound makes "one" an amount
    ("traders expect one more rate rise", "one", 1, 1, 1, "exact", None),  # an increment
    ("increase as much as eight times, as rescuers dig", "as much as eight times", 8, INF, 8, "up_to", "dimensionless"),
    ("74% survive", "74%", 74, 74, 74, "exact", "percent"),
    ("10 per cent will leave", "10 per cent", 10, 10, 10, "exact", "percent"),
    ("up 2.5 percentage points", "2.5 percentage points", 2.5, 2.5, 2.5, "exact", "percentage_point"),
    ("a magnitude 7.8 quake", "7.8", 7.8, 7.8, 7.8, "exact", "magnitude"),  # unit before: span is the number
    ("a 7.8-magnitude quake", "7.8-magnitude", 7.8, 7.8, 7.8, "exact", "magnitude"),
    # a magnitude named by its scale after the number; "degrees" there is no angle or temperature
    ("the tremor measured 5.9 on the Richter scale", "5.9", 5.9, 5.9, 5.9, "exact", "magnitude"),
    ("it measured 6 degrees on the Richter scale", "6 degrees", 6, 6, 6, "exact", "magnitude"),
    ("at a depth of 17.9km", "17.9km", 17.9, 17.9, 17.9, "exact", "km"),
    ("7 kilometers away", "7 kilometers", 7, 7, 7, "exact", "km"),
    ("The 66-year-old president", "66-year-old", 66, 66, 66, "exact", "year"),
    ("temperatures up to 2,000 degrees", "up to 2,000 degrees", 2000, INF, 2000, "up_to", "degree"),
    ("nearly £151,000 per person", "nearly £151,000", 151000, INF, 151000, "about", "GBP"),  # nearly: below
    ("almost £300m", "almost £300m", 3e8, INF, 3e8, "about", "GBP"),
    ("just shy of £300m", "just shy of £300m", 3e8, INF, 3e8, "less_than", "GBP"),
    ("The death toll has exceeded 1,760", "exceeded 1,760", 1760, 1760, INF, "more_than", None),
    ("the toll could top 20,000", "could top 20,000", 20000, 20000, INF, "more_than", None),
    ("at least 3,549 people", "at least 3,549", 3549, 3549, INF, "at_least", None),
    ("fewer than 100 people", "fewer than 100", 100, INF, 100, "less_than", None),
    ("at most 40 flights", "at most 40", 40, INF, 40, "at_most", None),
    ("upto 5.3 million people", "upto 5.3 million", 5.3e6, INF, 5.3e6, "up_to", None),
    ("1,000 or more homes", "1,000 or more", 1000, 1000, INF, "at_least", None),  # post qualifier
    ("Within 24 hours of the quake", "Within 24 hours", 24, INF, 24, "at_most", "hour"),
    ("over five years", "five years", 5, 5, 5, "exact", "year"),  # "over" + duration: a period, not a bound
    ("He is over thirty years old.", "over thirty years old", 30, 30, INF, "more_than", "year"),  # an age: a bound
    ("another 500 damaged", "another 500", 500, 500, 500, "exact", None),
    ("around £1.8m million", "around £1.8m million", 1.8e6, INF, INF, "about", "GBP"),  # scale written twice
    ("the death toll rose by one, to 99", "one", 1, 1, 1, "exact", None),
    ("Six people are still missing.", "Six", 6, 6, 6, "exact", None),
    ("at least £600 million ($775 million)", "$775 million", 775e6, 775e6, INF, "at_least", "USD"),  # conversion inherits
    ("between 1,100 and 1,300 people", "between 1,100 and 1,300", 1100, 1100, 1300, "range", None),
    ("between 1,000 to 1,100 people", "between 1,000 to 1,100", 1000, 1000, 1100, "range", None),
    ("10,000–12,000 troops", "10,000–12,000", 10000, 10000, 12000, "range", None),
    ("10,000 to 12,000 troops", "10,000 to 12,000", 10000, 10000, 12000, "range", None),
    ("costs of 10 to 12 million", "10 to 12 million", 10e6, 10e6, 12e6, "range", None),  # scale shared
    ("£10m-£12m a year", "£10m-£12m", 10e6, 10e6, 12e6, "range", "GBP"),
    ("new three- and four-story buildings", "three- and four-story", 3, 3, 4, "range", "storey"),
    ("above 1,000 and below 1,500", "above 1,000 and below 1,500", 1000, 1000, 1500, "range", None),
    ("estimates ranged from 10 to 20 dead", "from 10 to 20", 10, 10, 20, "range", None),
    ("a ⅔ majority", "⅔", 2 / 3, 2 / 3, 2 / 3, "exact", None),
    ("prices fell 15€ today", "15€", 15, 15, 15, "exact", "EUR"),
    ("the answer is minus five percent", "minus five percent", -5, -5, -5, "exact", "percent"),
    ("over the past three or four years", "three or four years", 3, 3, 4, "range", "year"),  # close pair with "or"
    ("one or two people", "one or two", 1, 1, 2, "range", None),
    ("zones are quite high, from 7 to 10, as shown", "from 7 to 10", 7, 7, 10, "range", None),  # no verb: interval
    ("before inching back up to 4.8 percent", "4.8 percent", 4.8, 4.8, 4.8, "exact", "percent"),  # reached
    ("a 24pc discount", "24pc", 24, 24, 24, "exact", "percent"),
    ("can dip down to minus-130 degrees Fahrenheit", "minus-130 degrees Fahrenheit", -130, -130, -130, "exact",
     "degree_Fahrenheit"),
    ("about 2000 - 2500 calories a day", "about 2000 - 2500 calories", 2000, 2000, 2500, "range", "kilocalorie"),  # not a year
    ("The 1520 sq m medical centre", "1520 sq m", 1520, 1520, 1520, "exact", "square_metre"),
    ("came back at 4 ppb", "4 ppb", 4, 4, 4, "exact", "ppb"),
    ("unemployed for over two years", "over two years", 2, 2, INF, "more_than", "year"),  # "for over": a bound
    ("unemployed for one to two years", "one to two years", 1, 1, 2, "range", "year"),
    ("a 640bhp engine", "640bhp", 640, 640, 640, "exact", "horsepower"),
    ("people aged 65 and over", "65 and over", 65, 65, INF, "at_least", None),
    ("children 12 and under", "12 and under", 12, INF, 12, "at_most", None),
    ("valued at north of $5bn", "north of $5bn", 5e9, 5e9, INF, "more_than", "USD"),
    ("just short of 300 seats", "just short of 300", 300, INF, 300, "less_than", None),
    ("~500 people", "~500", 500, INF, INF, "about", None),
    ("a 50p rise in fuel duty", "50p", 50, 50, 50, "exact", "penny"),  # pence: a GBP-dimension unit
    ("shares closed up 99 cents", "99 cents", 99, 99, 99, "exact", "cent"),
    ("10 per cent of staff", "10 per cent", 10, 10, 10, "exact", "percent"),  # not "cent"
    ("a margin of error of plus or minus 3.1 percentage points", "3.1 percentage points", 3.1, 3.1, 3.1, "exact",
     "percentage_point"),  # "plus or minus" is a margin, not a sign
    ("the rate has been at or below 4% for months", "at or below 4%", 4, INF, 4, "at_most", "percent"),
    ("Biden leads 48% to 44% in the poll", "44%", 44, 44, 44, "exact", "percent"),  # high-to-low: two figures
    ("temperatures have risen by 1.1C since", "1.1C", 1.1, 1.1, 1.1, "exact", "degree_Celsius"),  # glued C
    ("between one and two million demonstrators", "between one and two million", 1e6, 1e6, 2e6, "range", None),
    ("Roughly one in three adults", "Roughly one in three", 1 / 3, INF, INF, "about", "fraction"),  # a proportion
    ("9 out of 10 doctors", "9 out of 10", 0.9, 0.9, 0.9, "exact", "fraction"),
    ("33 million people - one in seven Pakistanis", "one in seven", 1 / 7, 1 / 7, 1 / 7, "exact", "fraction"),
    ("The 2-1 win put United 8 points clear", "8", 8, 8, 8, "exact", None),  # a capitalised word is not a label
    ("Trump won 304 votes to Clinton's 227", "227", 227, 227, 227, "exact", None),  # nor is a possessive
    ("employs 13000 workers", "13000", 13000, 13000, 13000, "exact", None),  # five digits: not a year
]


def _only(text: str, span: str) -> Figure:
    figures, _ = find_figures(text)
    hits = [f for f in figures if text[f.start:f.end] == span]
    assert hits, f"{span!r} not among {[text[f.start:f.end] for f in figures]}"
    return hits[0]


@pytest.mark.parametrize("text,span,value,low,high,qualifier,unit", FIGURES, ids=[r[1] for r in FIGURES])
def test_figure(text, span, value, low, high, qualifier, unit):
    f = _only(text, span)
    assert text[f.start:f.end] == span
    assert math.isclose(f.value, value, rel_tol=1e-9)
    for got, want in ((f.low, low), (f.high, high)):
        assert (got is None and want is None) or math.isclose(got, want, rel_tol=1e-9), (f.low, f.high)
    assert f.qualifier == qualifier
    assert f.unit == unit


# text, span, pragmatic low, pragmatic high: the reading follows the written precision
PRAGMATIC = [
    ("3,000 people", "3,000", 2500, 3500),  # a round figure carries its rounding
    ("3,162 people", "3,162", 3161.5, 3162.5),
    ("about 1,000 people", "about 1,000", 500, 1500),  # never narrower than the bare figure
    ("about 12,000 people", "about 12,000", 10800, 13200),  # 10 %
    ("more than 21,000 people", "more than 21,000", 21000, 23100),
    ("nearly 12 years", "nearly 12 years", 10.8, 12),
    ("£1.5m", "£1.5m", 1.45e6, 1.55e6),
    ("between 1,100 and 1,300", "between 1,100 and 1,300", 1050, 1350),
]


@pytest.mark.parametrize("text,span,plo,phi", PRAGMATIC, ids=[r[1] for r in PRAGMATIC])
def test_pragmatic_interval(text, span, plo, phi):
    f = _only(text, span)
    assert math.isclose(f.pragmatic_low, plo, rel_tol=1e-9) and math.isclose(f.pragmatic_high, phi, rel_tol=1e-9)


# text, surface of the non-figure, reason; and no figure overlaps it
NON_FIGURES = [
    ("published on 21 October 2024 by", "21 October 2024", "date"),
    ("the quake on Feb. 6 killed", "Feb. 6", "date"),
    ("on October 21, 2024, officials", "October 21, 2024", "date"),
    ("filed 6/2/2023 in court", "6/2/2023", "date"),
    ("rose to 17,500 on Thursday (9), about", "Thursday (9)", "date"),
    ("struck at 4:17 a.m. local time", "4:17 a.m.", "time"),
    ("by 4pm on Monday", "4pm", "time"),
    ("costs rose in 2023 sharply", "2023", "year"),
    ("in the 2022-23 budget", "2022-23", "year"),
    ("since the 1990s, prices", "1990s", "decade"),
    ("the 3rd battalion", "3rd", "ordinal"),
    ("on the 21st day", "21st", "ordinal"),
    ("under Article 5 of the treaty", "Article 5", "identifier"),
    ("a Boeing 737 jet", "Boeing 737", "identifier"),
    ("his plans for a Twitter 2.0 future", "Twitter 2.0", "identifier"),  # a version after a name
    ("the Industry 4.0 push", "Industry 4.0", "identifier"),
    ("the spread of clade 1b in the east", "clade 1b", "identifier"),  # a virus lineage, not 1 billion
    ("the G7 summit", "G7", "identifier"),
    ("during COVID-19 restrictions", "COVID-19", "identifier"),
    ("under Section 3 of", "Section 3", "identifier"),
    ("two F-16 jets", "F-16", "identifier"),
    ("along Route 66 towards", "Route 66", "identifier"),
    ("see https://example.org/a/12345 for", "https://example.org/a/12345", "identifier"),
    ("call (808) 555-1234 now", "(808) 555-1234", "phone"),
    ("one of the survivors", "one", "pronoun"),
    ("One expert said", "One", "pronoun"),
    ("no one knows", "one", "pronoun"),
    ("the two countries agreed", "the two", "reference"),
    ("rescuers at ground zero said", "ground zero", "idiom"),
    ("the three-month average fell", "three-month average", "window"),
    ("burn areas exceeded their 10-year averages", "10-year averages", "window"),
    ("The 2-1 win put United top", "2-1", "score"),  # high-low with small numbers: a score, not a range
    ("a 5-4 ruling", "5-4", "score"),
    ("a 1-1 draw", "1-1", "score"),
    ("which ended 2-2 on aggregate", "2-2", "score"),  # equal ends: never a range
    ("Leeds won the derby 3-1.", "3-1", "score"),  # a score closing the sentence is still a score
    ("The two sides drew 4-4.", "4-4", "score"),  # not a range from 4 to 4
    ("Half of all nurses aged 25 to 34 said they would quit.", "25 to 34", "bracket"),  # who is counted
    ("Pupils ages 11-16 sat the new exam.", "11-16", "bracket"),
    ("The strain is most harmful to children under 15 and women.", "under 15", "bracket"),  # a one-sided age limit
    ("The vaccine targets adults over 65.", "over 65", "bracket"),
    ("Jul 15 2019 | 9:35 PM", "9:35 PM", "time"),
    ("warming could reach 2.7C by 2100.", "2100", "year"),
    ("the Big 12 Conference", "Big 12", "identifier"),
    ("a top 10 finish", "top 10", "identifier"),  # a rank list, not an amount
    ("on the 9/11 anniversary", "9/11", "slash"),  # dates, slogans and slash fractions are not read
    ("open 24/7", "24/7", "slash"),
    ("a 50-50 chance", "50-50", "score"),
    ("the bill passed 219-212 in the House", "219-212", "score"),  # a vote tally
    ("the 80s were", "80s", "decade"),
    ("at 1.56pm: Dow +0.2%", "1.56pm", "time"),
    ("the hunt runs Sept. 20-24 this fall", "Sept. 20-24", "date"),  # a span of days
    ("sampling between 2014-2017 came back", "2014-2017", "year"),
    ("the 5G rollout", "5G", "identifier"),
    ("traffic on the R40 near the town", "R40", "identifier"),  # "R" with no money word is a road  # a capital G is a generation, not grams
    ("S&P 500 +0.3%", "S&P 500", "identifier"),  # an index name  # a number between capitalised words: a name
    # vague amounts: not figures; the reading travels in low/high
    ("hundreds of people", "hundreds", "vague"),
    ("tens of thousands of people", "tens of thousands", "vague"),
    ("several hundred homes", "several hundred", "vague"),
    ("dozens were hurt", "dozens", "vague"),
    ("millions more in costs", "millions more", "vague"),
]


@pytest.mark.parametrize("text,surface,reason", NON_FIGURES, ids=[r[1] for r in NON_FIGURES])
def test_non_figure(text, surface, reason):
    figures, non = find_figures(text)
    hits = [n for n in non if text[n.start:n.end] == surface]
    assert hits, f"{surface!r} not among {[(text[n.start:n.end], n.reason) for n in non]}"
    assert hits[0].reason == reason
    n = hits[0]
    assert not [f for f in figures if f.start < n.end and n.start < f.end], figures


VAGUE = [("hundreds of homes", 200, 999), ("tens of thousands", 20000, 99900), ("several hundred", 300, 900),
         ("a few thousand", 2000, 5000)]


@pytest.mark.parametrize("text,low,high", VAGUE)
def test_vague_reading(text, low, high):
    _, non = find_figures(text)
    (n,) = [n for n in non if n.reason == "vague"]
    assert math.isclose(n.low, low) and math.isclose(n.high, high)


def test_rose_from_to_is_two_figures_not_a_range():
    text = "the toll had risen from 99 to 101 on Monday"
    figures, _ = find_figures(text)
    assert [(text[f.start:f.end], f.qualifier) for f in figures] == [("99", "exact"), ("101", "exact")]


def test_figures_come_in_text_order_with_distinct_currencies():
    text = "Britain paid £290m ($370m, €340m) and then 4.2 billion euros."
    figures, _ = find_figures(text)
    assert [f.unit for f in figures] == ["GBP", "USD", "EUR", "EUR"]
    assert [f.start for f in figures] == sorted(f.start for f in figures)


def test_numbers_too_large_for_a_float_are_set_aside():
    text = "then " + "9" * 400 + " dollars and 999999999999999999999 trillion"
    figures, non = find_figures(text)
    assert all(math.isfinite(f.value) for f in figures)
    assert [n.reason for n in non] == ["too large"]


def test_empty_and_numberless_text():
    assert find_figures("") == ([], [])
    assert find_figures("No numbers in this sentence at all.") == ([], [])


_NEWSY = st.sampled_from(["12,000", "£140m", "about", "more than", "between", "and", "to", "-", "–", "one", "of",
                          "the", "hundreds", "2023", "Feb.", "6", "7.8", "magnitude", "%", "per cent", "(", ")",
                          "$", "bn", "million", "half", "a", "dozen", "two-thirds", "eightfold", "km", "up to",
                          " ", ",", ".", "−", "+", "1/2", "½", "Article", "5", "4:17", "a.m."])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=80), st.lists(_NEWSY, max_size=20).map(" ".join)))
def test_never_raises_and_offsets_are_valid(text):
    figures, non = find_figures(text)
    last = 0
    for f in figures:
        assert 0 <= f.start < f.end <= len(text)
        assert f.start >= last  # in text order, and no two figures overlap
        last = f.end
        if f.value is not None:
            if f.low is not None:
                assert f.low <= f.value + 1e-9
            if f.high is not None:
                assert f.value <= f.high + 1e-9
        if f.pragmatic_low is not None and f.pragmatic_high is not None:
            assert f.pragmatic_low <= f.pragmatic_high
    for n in non:
        assert isinstance(n, NonFigure) and 0 <= n.start < n.end <= len(text)


@pytest.mark.parametrize("text,span", [
    ("Estimates range from 10,000 to 12,000 troops.", "from 10,000 to 12,000"),
    ("Temperatures will be from 10 to 15 degrees.", "from 10 to 15 degrees"),
    ("Lows ranged from -18 to -34.", "from -18 to -34"),  # a range verb keeps a high-to-low interval
    # a particle in an earlier clause is no change word: "drawn up", "set down", "laid down"
    ("The rules, drawn up in 2019, set fines from $5,000 to $20,000 for each breach.", "from $5,000 to $20,000"),
    ("Laid down last year, the code allows bonuses from 10 to 15 per cent.", "from 10 to 15 per cent"),
])
def test_from_to_without_a_change_is_a_range(text, span):
    figures, _ = find_figures(text)
    assert [(text[f.start:f.end], f.qualifier) for f in figures] == [(span, "range")]


@pytest.mark.parametrize("text,expected", [
    # a change written "from A to B" is two figures; the first borrows the second's unit and scale
    ("Growth will slow slightly from 4.8 to 4.7 percent", [("4.8", 4.8, "percent"), ("4.7 percent", 4.7, "percent")]),
    ("Sales rose from 10 to 12 million", [("10", 10e6, None), ("12 million", 12e6, None)]),
    ("Treatment was reduced from 44 mg to 50 mg", [("44 mg", 44, "mg"), ("50 mg", 50, "mg")]),
    # a change verb earlier in the sentence governs the pairs after it
    ("It also revised up August's numbers by 17,000 jobs, from 142,000 to 159,000 jobs added.",
     [("17,000", 17000, None), ("142,000", 142000, None), ("159,000", 159000, None)]),
    ("The agency revised its figures, changing July's total from 89,000 to 144,000 and August from 142,000 to 159,000.",
     [("89,000", 89000, None), ("144,000", 144000, None), ("142,000", 142000, None), ("159,000", 159000, None)]),
    # ... past a determiner and a word of time after "from", and after "raise"
    ("The plan would raise the retirement age from the current 62 to 64.", [("62", 62, None), ("64", 64, None)]),
    # a particle in the pair's own clause still marks the change
    ("Cases shot up in May from 10 to 20", [("10", 10, None), ("20", 20, None)]),
    ("Output was stepped up in the spring from 300 to 350 tonnes", [("300", 300, "tonne"), ("350 tonnes", 350, "tonne")]),
    # written high to low with no range verb: a fall
    ("Payroll gains for July went from 114,000 to 89,000", [("114,000", 114000, None), ("89,000", 89000, None)]),
    # a chain of levels after a change: each is a level, no two of them a range
    ("Bus fares rose from $2 to $2.50 to $3 in two years.", [("$2", 2, "USD"), ("$2.50", 2.5, "USD"), ("$3", 3, "USD"),
                                                            ("two years", 2, "year")]),
    # the first level borrows the scale of a range that closes the change
    ("Revenue should grow from 12.5 to 14-15 billion dollars.", [("12.5", 12.5e9, None), ("14-15 billion dollars", 14e9, "USD")]),
])
def test_change_from_to(text, expected):
    figures, _ = find_figures(text)
    assert [(text[f.start:f.end], f.value, f.unit) for f in figures] == expected


@pytest.mark.parametrize("text,expected", [
    ("Brent crude rose $1.20 to $84.50 a barrel", [("$1.20", 1.2), ("$84.50", 84.5)]),
    ("The price rose by £7,000 to £285,000 in a year", [("£7,000", 7000), ("£285,000", 285000)]),
])
def test_change_then_level_is_not_a_range(text, expected):
    figures, _ = find_figures(text)
    assert [(text[f.start:f.end], f.value) for f in figures] == expected


@pytest.mark.parametrize("text,expected", [
    # a revised range: the old range and the new one, each with the unit or scale its second end carries
    ("The lender cut its growth outlook from 3 to 4 per cent to 1 to 2 per cent.",
     [("3 to 4 per cent", 3, 4, "percent"), ("1 to 2 per cent", 1, 2, "percent")]),
    ("Damage estimates were raised from $2 to $3 billion to $5 to $6 billion.",
     [("$2 to $3 billion", 2e9, 3e9, "USD"), ("$5 to $6 billion", 5e9, 6e9, "USD")]),
    # a dash-joined pair after "from" is a range even when a change follows
    ("The central bank lowered its forecast from 2-3% to 1.5-2%.",
     [("2-3%", 2, 3, "percent"), ("1.5-2%", 1.5, 2, "percent")]),
    # the age bracket is part of who is counted unless a copula makes it the statement
    ("The victims were aged between 19 and 23.", [("between 19 and 23", 19, 23, None)]),
])
def test_ranges_inside_a_change(text, expected):
    figures, _ = find_figures(text)
    assert [(text[f.start:f.end], f.low, f.high, f.unit) for f in figures] == expected


@pytest.mark.parametrize("text", [
    "She has half a chance of winning.",  # "half a" with no unit after it
    "Costs doubled last year.",  # the verb: the figure is the new level, when given
    "The striker scored twice as his side won.",  # a count of goals with no amount; "as" a conjunction
    "Police are treating it as a double murder.",
    "One of the officers was hurt.",  # a pronoun, still
])
def test_multiplier_and_half_words_that_are_no_amount(text):
    assert find_figures(text)[0] == []


@pytest.mark.parametrize("text,expected", [
    # "and up" before "to <number>" is the next figure's "up to", not this one's bound
    ("Classes take pupils of 4 and up to 11 years.", [("4", "exact"), ("up to 11 years", "up_to")]),
    ("Seats cost $40 and up.", [("$40 and up", "at_least")]),
])
def test_post_qualifier_and_the_next_figure_do_not_overlap(text, expected):
    figures, _ = find_figures(text)
    assert [(text[f.start:f.end], f.qualifier) for f in figures] == expected


@pytest.mark.parametrize("text,expected", [
    # three or more suspended-hyphen items are a list of alternatives; the last item's unit is all of theirs
    ("The tablet ships in 8-, 10- or 12-inch sizes.", [("8", 8, 8, "inch"), ("10", 10, 10, "inch"),
                                                         ("12-inch", 12, 12, "inch")]),
    ("Dealers offer three-, four- and six-cylinder engines.", [("three", 3, 3, None), ("four", 4, 4, None),
                                                                ("six", 6, 6, None)]),
    ("The council approved three- and four-storey blocks.", [("three- and four-storey", 3, 4, "storey")]),  # two: a range
])
def test_suspended_hyphen_lists(text, expected):
    figures, _ = find_figures(text)
    assert [(text[f.start:f.end], f.low, f.high, f.unit) for f in figures] == expected


def test_a_change_can_be_a_range():
    text = "world temperatures dropped by 1 to 1.5 degrees Celsius"
    (f,) = find_figures(text)[0]
    assert (text[f.start:f.end], f.low, f.high, f.unit) == ("1 to 1.5 degrees Celsius", 1, 1.5, "degree_Celsius")


def _spans(text: str) -> list[tuple[str, float, str | None]]:
    return [(text[f.start:f.end], f.value, f.unit) for f in find_figures(text)[0]]


# A four-digit number in 1800-2100 is a year unless a counted plural noun follows it directly
# and no year word (preposition, season, month, "fiscal", "the") stands before it.
@pytest.mark.parametrize("text,span,value", [
    ("2000 people were evacuated overnight", "2000", 2000),  # sentence-initial count
    ("Officials said 1950 homes were destroyed by the fire", "1950", 1950),
    ("Riot police arrested 1850 protesters on Sunday", "1850", 1850),
    ("The plant will cut 2100 jobs", "2100", 2100),  # top of the year range
    ("The ministry reported 1899 new cases", "1899", 1899),  # a modifier between number and noun
    ("It deployed some 2040 troops", "some 2040", 2040),  # qualifier before: a count as well
    ("The floods claimed 1900 lives", "1900", 1900),
    ("with 1850 dead and 1200 injured", "1850", 1850),  # an adjective used as a counted noun
    ("the 2000 people evacuated on Friday", "2000", 2000),  # determiner + a noun for people: a count
])
def test_year_like_number_before_a_counted_noun_is_a_figure(text, span, value):
    assert (span, value, None) in _spans(text)


@pytest.mark.parametrize("text,surface", [
    ("In 2000 people voted differently", "2000"),  # a year preposition wins over the noun
    ("Since 1990 homes have doubled in price", "1990"),
    ("by 2030 cars must be electric", "2030"),
    ("the 2000 election was close", "2000"),  # no counted noun after
    ("the class of 2010 graduates returned", "2010"),
    ("spring 2020 cases were undercounted", "2020"),  # a season before
    ("in fiscal 2024 jobs grew", "2024"),
    ("the 2015 attacks in Paris", "2015"),  # "the" + event noun: a year
    ("its 2019 layoffs hurt morale", "2019"),
    ("the 2020 new cases", "2020"),  # an event noun after a modifier
    ("prices rose in 2023 sharply", "2023"),
    ("the fort was built in 1150 AD", "1150"),  # an era marker after it
    ("a coin minted in A.D. 940", "940"),  # or before it
    ("the city fell in 410 BC", "410"),
    ("coasts could flood by 2140, a study says", "2140"),  # beyond 2100 after a year word
])
def test_year_stays_a_year(text, surface):
    figures, non = find_figures(text)
    assert [(text[n.start:n.end], n.reason) for n in non if n.reason == "year"] == [(surface, "year")]
    assert not [f for f in figures if text[f.start:f.end].endswith(surface)]


@pytest.mark.parametrize("text,years", [
    ("the mounds were raised between A.D. 900 and 1150 by farmers", ["900", "1150"]),  # era on the first end
    ("Between 1550 and 1850 winters were colder", ["1550", "1850"]),  # the second end is a year
])
def test_both_ends_of_a_year_span_are_years(text, years):
    figures, non = find_figures(text)
    assert [text[n.start:n.end] for n in non if n.reason == "year"] == years
    assert not figures


@pytest.mark.parametrize("text,span", [
    ("Between 1900 and 2000 people marched", "Between 1900 and 2000"),  # a counted noun: a range of people
    ("he paid between 1500 and 1800 dollars", "between 1500 and 1800 dollars"),
    ("it could rise by 2150 people", "2150"),  # a counted noun after it
])
def test_year_like_pairs_that_count(text, span):
    assert span in [s for s, _, _ in _spans(text)]


@pytest.mark.parametrize("text,surface", [
    ("a baker's dozen of rolls", "baker's dozen"),  # thirteen by name, not twelve
    ("he scored early in the second half of the game", "second half"),  # a period of play
])
def test_idioms_are_not_figures(text, surface):
    figures, non = find_figures(text)
    assert (surface, "idiom") in [(text[n.start:n.end], n.reason) for n in non]
    assert not figures


@pytest.mark.parametrize("text,span,value", [
    ("a dose of 1/250 of a gram", "1/250", 1 / 250),  # a denominator above 100 needs "of"
    ("rents priced from $900 to $1,400 a month", "from $900 to $1,400", 900),  # "priced from": a band
    ("the first two weeks", "two weeks", 2),  # an ordinal before a count does not make an idiom
])
def test_fraction_band_and_count_edge_cases(text, span, value):
    assert span in [s for s, _, _ in _spans(text)]
    assert value in [v for s, v, _ in _spans(text) if s == span] or math.isclose(
        [v for s, v, _ in _spans(text) if s == span][0], value)


def test_2000_01_is_still_a_year_span():
    _, non = find_figures("the 2000-01 season")
    assert [n.reason for n in non] == ["year"]


# Thousands grouped with spaces: ASCII space, no-break (U+00A0), narrow no-break (U+202F), thin (U+2009)
@pytest.mark.parametrize("text,span,value", [
    ("the population fell to 816 000 people", "816 000", 816000),
    ("Some 1 200 000 voters, officials said", "Some 1 200 000", 1200000),
    ("a budget of €2\u00a0500\u00a0000 was approved", "€2\u00a0500\u00a0000", 2500000),
    ("about 40\u202f000 refugees", "about 40\u202f000", 40000),
    ("it shipped 3\u2009450.5 tonnes", "3\u2009450.5 tonnes", 3450.5),
    ("816 000, the census said", "816 000", 816000),  # a comma after the last group
])
def test_space_grouped_numbers(text, span, value):
    assert [s for s in _spans(text) if s[0] == span and math.isclose(s[1], value)], _spans(text)


@pytest.mark.parametrize("text,expected", [
    ("On May 5 200 people marched", [("200", 200)]),  # the date takes "5"; the count is 200
    ("in 2019 100 people died", [("100", 100)]),  # a four-digit year is never a first group
    ("scores of 12 3456 were", [("12", 12), ("3456", 3456)]),  # groups after the first are three digits
])
def test_space_grouping_does_not_swallow_neighbours(text, expected):
    assert [(s, v) for s, v, _ in _spans(text)] == expected


# Slash fractions: a proper fraction (0 < a < b <= 100) with "of", a unit, a scale or a bound, or a
# small denominator with no date word before it. Dates, slogans and scores stay "slash".
@pytest.mark.parametrize("text,span,value,unit", [
    ("1/4 of the budget went on salaries", "1/4", 0.25, "fraction"),
    ("a 2/3 majority in both houses", "2/3", 2 / 3, "fraction"),  # small denominator, no date word
    ("the council backed 3/4 with a show of hands", "3/4", 0.75, "fraction"),
    ("nearly 1/3 of households", "nearly 1/3", 1 / 3, "fraction"),
    ("roughly 3/20 of the fleet", "roughly 3/20", 0.15, "fraction"),  # larger denominator with "of"
    ("a 1/2 mile stretch of road", "1/2 mile", 0.5, "mile"),  # a unit after it keeps the unit
    ("the index moved -3/4 in a day", "-3/4", -0.75, "fraction"),  # sign
])
def test_slash_fraction(text, span, value, unit):
    hits = [(s, u) for s, v, u in _spans(text) if s == span and math.isclose(v, value)]
    assert hits == [(span, unit)], _spans(text)


@pytest.mark.parametrize("text,surface", [
    ("on the 9/11 anniversary", "9/11"),  # numerator above ten-denominator rule: a date
    ("open 24/7", "24/7"),  # improper: a slogan
    ("the court sits on 3/4 next year", "3/4"),  # a date word before it
    ("the 1/6 committee", "1/6"),
    ("a 7/7 memorial", "7/7"),  # equal ends
    ("a 1/40 share", "1/40"),  # large denominator with nothing to say it is a fraction
    ("measures 2 3/4 0/0 were", "0/0"),  # after a digit the blocker passes it over; still no fraction
])
def test_slash_forms_that_stay_slash(text, surface):
    figures, non = find_figures(text)
    assert (surface, "slash") in [(text[n.start:n.end], n.reason) for n in non]
    assert not [f for f in figures if surface in text[f.start:f.end]]


# Fractions without "of": after "by", or closing a clause; "a third term" is an ordinal
@pytest.mark.parametrize("text,span,value", [
    ("exports grew by a fifth last year", "a fifth", 0.2),
    ("the workforce was cut by a third", "a third", 1 / 3),
    ("prices fell by half in a month", "half", 0.5),
    ("they cut staff by one tenth", "one tenth", 0.1),
    ("the share rose to a tenth.", "a tenth", 0.1),  # clause end
])
def test_fraction_without_of(text, span, value):
    assert (span, pytest.approx(value), "fraction") in _spans(text)


@pytest.mark.parametrize("text", ["he is seeking a third term", "she finished a fifth time", "a quarter century"])
def test_ordinal_words_are_not_fractions(text):
    assert _spans(text) == []


@pytest.mark.parametrize("text,span,value,unit,plo,phi", [
    # spoken decimals: the precision is the digits spoken after "point"
    ("growth slowed to five point five percent", "five point five percent", 5.5, "percent", 5.45, 5.55),
    ("some three point two million voters", "some three point two million", 3.2e6, None, 2.88e6, 3.52e6),
    ("a margin of zero point oh five", "zero point oh five", 0.05, None, 0.045, 0.055),
    ("the answer is minus two point five", "minus two point five", -2.5, None, -2.55, -2.45),
    # scientific notation as news writes it
    ("1.5e6 barrels a day", "1.5e6 barrels", 1.5e6, "barrel", 1.45e6, 1.55e6),
    ("about 2.4×10^6 cells", "about 2.4×10^6", 2.4e6, None, 2.16e6, 2.64e6),
    ("a dose of 3 x 10^-4 grams", "3 x 10^-4 grams", 3e-4, "gram", 2.5e-4, 3.5e-4),
    ("2.48×10−5 seconds", "2.48×10−5 seconds", 2.48e-5, "second", 2.475e-5, 2.485e-5),  # U+2212, no caret
    ("3×10⁶ doses", "3×10⁶", 3e6, None, 2.5e6, 3.5e6),  # superscript exponent
    # finance shorthand
    ("a revenue target of US$ 4MM", "US$ 4MM", 4e6, "USD", 3.5e6, 4.5e6),
    ("Singapore pledged S$2.5bn", "S$2.5bn", 2.5e9, "SGD", 2.45e9, 2.55e9),
    ("the state spent Rs 500 crore", "Rs 500 crore", 5e9, "INR", 4.5e9, 5.5e9),  # crore = 1e7; "500" is round to 100
    ("a grant of ₹2 lakh", "₹2 lakh", 2e5, "INR", 1.5e5, 2.5e5),  # lakh = 1e5
    ("a ¥3 trillion stimulus", "¥3 trillion", 3e12, "JPY", 2.5e12, 3.5e12),
    ("USD 3.2bn in bonds", "USD 3.2bn", 3.2e9, "USD", 3.15e9, 3.25e9),
    ("R$ 40 billion for roads", "R$ 40 billion", 4e10, "BRL", 3.5e10, 4.5e10),
    ("A$5m and C$7m and HK$9m", "C$7m", 7e6, "CAD", 6.5e6, 7.5e6),
])
def test_spoken_decimals_scientific_notation_and_finance_shorthand(text, span, value, unit, plo, phi):
    f = _only(text, span)
    assert math.isclose(f.value, value, rel_tol=1e-9) and f.unit == unit
    assert math.isclose(f.pragmatic_low, plo, rel_tol=1e-9) and math.isclose(f.pragmatic_high, phi, rel_tol=1e-9)


@pytest.mark.parametrize("text,surface,reason", [
    ("one point of view", "one", "pronoun"),  # "point" followed by no digit word
    ("a 5x10 room", "5x10", "identifier"),  # dimensions, not a power of ten
    ("the E3 summit", "E3", "identifier"),
])
def test_not_spoken_decimals_or_powers(text, surface, reason):
    figures, non = find_figures(text)
    assert (surface, reason) in [(text[n.start:n.end], n.reason) for n in non]
    assert not figures


# A short number right after a capitalised name, with nothing counted after it, is part of the name
@pytest.mark.parametrize("text,surface", [
    ("cases of HIV 2 rose in the region", "HIV 2"),  # a past verb after it is about the name
    ("the Covid 19 pandemic", "Covid 19"),  # a singular noun after it
    ("the club was promoted to Ligue 1.", "Ligue 1"),  # punctuation after it
    ("the firm filed for Chapter 11 bankruptcy", "Chapter 11"),
    ("a new Xbox 360 game", "Xbox 360"),
    ("HIV 2 is rarer than HIV 1", "HIV 2"),  # an acronym may open the sentence; "is" is not a plural
    ("regulators grounded Boeing's own 787 after the fault", "Boeing's own 787"),  # possessive + "own"
    ("a Formula 1 team", "Formula 1"),  # name-kind nouns from the table
    ("traffic on Interstate 95", "Interstate 95"),
    ("flights from Gate 4 and Terminal 2", "Terminal 2"),
    ("a Level 3 lockdown", "Level 3"),
    ("the new iPhone 15 and Windows 11", "Windows 11"),
    ("the Nasdaq 100 and the Stoxx 600 both slipped", "Nasdaq 100"),  # index heads from the table
    ("Sydney's S&P/ASX 200 edged higher", "ASX 200"),
    ("the sp 500 slid on Friday", "sp 500"),  # a lower-cased feed still names the index
    ("the trial moved into phase 3b this spring", "phase 3b"),  # a letter suffix, not 3 billion
    ("she hit the winner in Game 6 of the series", "Game 6"),  # a capitalised head names it
    ("reviewers tried the Pixel 8 to see how it works", "Pixel 8"),
    ("the airline parked three 737 Max jets", "737 Max"),  # a model word after the number
    ("the new 15 Pro costs more", "15 Pro"),
    ("a shortage of COVID -19 kits", "COVID -19"),  # a stray space before the hyphen
    ("it failed the ISO 9001-2 audit", "ISO 9001-2"),  # the whole code, not 9001 and 2
    ("the premier spoke outside 10 Downing Street on Monday", "10 Downing Street"),  # addresses
    ("a flat at 14 Rue de Rivoli was sold", "14 Rue de Rivoli"),  # the street word before the name
    ("the flat at 221 Baker St, London", "221 Baker St"),
    ("a tower at 5 W 57th Street sold", "5 W 57th Street"),
    ("a warehouse at 12-14 Quay Road was let", "12-14 Quay Road"),
])
def test_number_inside_a_name(text, surface):
    figures, non = find_figures(text)
    assert (surface, "identifier") in [(text[n.start:n.end], n.reason) for n in non]
    assert not [f for f in figures if text[f.start:f.end] in surface]


@pytest.mark.parametrize("text,span", [
    ("Labour won 412 seats, the Conservatives 121.", "121"),  # a plural name: an elided count
    ("Democrats hold 51 seats and Republicans 49", "49"),
    ("In Texas 40 were killed", "40"),  # a verb that makes it a count
    ("in Gaza 100 killed overnight", "100"),  # a past form after it
    ("Russia fired 40 missiles", "40"),  # a lower-case verb before it
    ("Trump won 304 votes to Clinton's 227", "227"),  # a possessive alone is not a name
    ("Britain's own 40 were", "40"),  # possessive + "own" with a count verb after
    ("Ukraine 300 tanks", "300"),  # a plural noun after it
    ("they bought 30 Wall Street buildings", "30"),  # a plural noun after a street name: a count
    ("he watched the game 3 times", "3 times"),  # a lower-case head counts
    ("the S&P 500 rose 1.2% to 4,500", "4,500"),  # the index level is a claim
    ("the ASX 200 gained 0.7 percent to 6,410.20", "6,410.20"),  # a change and a level, not a range
    # a name after a listed count opens the next item of a breakdown
    ("officials reported 412 deaths in Oaxaca, Chiapas 206, Guerrero 98.", "206"),
    ("of them, Oaxaca had 412, Chiapas (CHP) 206 and Guerrero 98.", "98"),
])
def test_number_after_a_name_that_is_a_count(text, span):
    assert span in [s for s, _, _ in _spans(text)]


@pytest.mark.parametrize("text,value", [(".00000E0", 0.0), ("0.5e-9", 5e-10), ("3e99 billion", 3e108)])
def test_exponents_at_the_edges(text, value):
    # found by the fuzz test: a place written "1e-05" must not be pasted into a second exponent
    (f,) = find_figures(text)[0]
    assert math.isclose(f.value, value, rel_tol=1e-9) and f.pragmatic_low <= f.value <= f.pragmatic_high


@pytest.mark.parametrize("text,span,value,unit", [
    ("compensation of Rs 1,00,000 per family", "Rs 1,00,000", 1e5, "INR"),  # Indian grouping: one lakh
    ("a loan of 12,34,567.89 rupees", "12,34,567.89 rupees", 1234567.89, "INR"),
    ("1,50,00,000 voters", "1,50,00,000", 1.5e7, None),  # 1.5 crore
    ("1,234,567 people", "1,234,567", 1234567, None),  # Western grouping unchanged
])
def test_indian_digit_grouping(text, span, value, unit):
    f = _only(text, span)
    assert math.isclose(f.value, value, rel_tol=1e-9) and f.unit == unit


@pytest.mark.parametrize("text,span,value,unit", [
    ("losses of 30 MUSD were booked", "30 MUSD", 30e6, "USD"),  # a scale letter glued to an ISO code
    ("an order worth 120 MEUR", "120 MEUR", 120e6, "EUR"),
    ("a profit of MSEK 45.5", "MSEK 45.5", 45.5e6, "SEK"),  # the code before the amount
    ("costs of 400 KNOK", "400 KNOK", 400e3, "NOK"),
    ("They lost 75 USD million last year", "75 USD million", 75e6, "USD"),  # scale after the code
    ("a DKK 3bn package", "DKK 3bn", 3e9, "DKK"),  # ISO codes before amounts
    ("ZAR 500m in bonds", "ZAR 500m", 500e6, "ZAR"),
    # currencies by name and by their usual prefix
    ("a bill to raise 346 billion shillings in taxes", "346 billion shillings", 346e9, "KES"),
    ("spending cut by KSh 346 billion", "KSh 346 billion", 346e9, "KES"),
    ("a fine of 2 million riyals", "2 million riyals", 2e6, "SAR"),
    ("fuel at 500 naira a litre", "500 naira", 500, "NGN"),
])
def test_scaled_currency_codes(text, span, value, unit):
    f = _only(text, span)
    assert math.isclose(f.value, value, rel_tol=1e-9) and f.unit == unit


@pytest.mark.parametrize("text", ["the MUSD line item", "KUSD 5"])  # no amount, or an identifier-like token
def test_scaled_code_needs_an_amount_next_to_it(text):
    figures, _ = find_figures(text)
    assert all(f.unit in (None, "USD") for f in figures)
    assert not [f for f in figures if f.unit == "USD" and text[f.start:f.end] == "MUSD"]


# A time word glued by a hyphen before a number dates the figure; it does not make a name of it
# the way a letter code does ("F-16", "MH-17")
@pytest.mark.parametrize("text,span,value,unit", [
    ("the bakery was run by her now-19 year-old nephew", "19 year-old", 19, "year"),
    ("the then-41-year-old mayor resigned", "41-year-old", 41, "year"),
    ("a now-7 month-old foal was found", "7 month", 7, "month"),
    ("the then-22 staff all signed", "22", 22, None),
])
def test_time_word_hyphened_before_a_number(text, span, value, unit):
    f = _only(text, span)
    assert f.value == value and f.unit == unit


@pytest.mark.parametrize("text,surface", [("two F-16 jets landed", "F-16"), ("the MH-17 inquiry", "MH-17")])
def test_letter_code_hyphened_before_a_number_stays_a_name(text, surface):
    assert (surface, "identifier") in [(text[n.start:n.end], n.reason) for n in find_figures(text)[1]]


# A spelled number inside a name or a rank: a capitalised number word after a capitalised name word,
# or a number word after a label word ("top", "bottom", "category"), with nothing counted after it
@pytest.mark.parametrize("text,surface", [
    ("fans still talk about the Lucky Seven comeback", "Lucky Seven"),
    ("the Ivy Nine said on Monday it would", "Ivy Nine"),
    ("the side sank into the bottom four after the defeat", "bottom four"),
    ("she finished in the top five.", "top five"),
    ("forecasters upgraded it to a Category Three storm", "Category Three"),
])
def test_number_word_inside_a_name_or_rank(text, surface):
    figures, non = find_figures(text)
    assert (surface, "identifier") in [(text[n.start:n.end], n.reason) for n in non]
    assert not figures


@pytest.mark.parametrize("text,span", [
    ("the top four clubs each gained", "four"),  # a counted noun after it: an amount
    ("Officials said Six bodies were found", "Six"),  # a lower-case word before it: no name
    ("Rescuers counted six in the river", "six"),  # a lower-case number word after a name counts
    ("at least Three were hurt", "at least Three"),
])
def test_number_word_after_a_name_that_is_a_count(text, span):
    assert span in [s for s, _, _ in _spans(text)]


# "to" written inside a hyphened compound joins an interval ("a 10-to-12-week course"), even after a
# change verb; written high to low it is a ratio or a tally, and its second number no figure
@pytest.mark.parametrize("text,span,low,high,unit", [
    ("patients need a 6-to-8-week recovery", "6-to-8-week", 6, 8, "week"),
    ("judges handed down 3-to-5-year terms", "3-to-5-year", 3, 5, "year"),
    ("the coupe's 0-to-100-km/h time", "0-to-100-km/h", 0, 100, "kph"),
    ("a one-to-two-hour delay is likely", "one-to-two-hour", 1, 2, "hour"),
    ("rents climbed 15-to-20 percent", "15-to-20 percent", 15, 20, "percent"),
    ("a 150,000-to-180,000-year-old fossil", "150,000-to-180,000-year-old", 150000, 180000, "year"),
    ("a 150,000 to-180,000 year-old fossil", "150,000 to-180,000 year-old", 150000, 180000, "year"),  # a hyphen lost
])
def test_hyphened_to_range(text, span, low, high, unit):
    f = _only(text, span)
    assert (f.qualifier, f.low, f.high, f.unit) == ("range", low, high, unit)


@pytest.mark.parametrize("text", ["the board backed it by a 5-to-2 margin", "a 4-to-1 split of the shares"])
def test_hyphened_to_ratio_is_no_range(text):
    assert all(f.qualifier != "range" and f.value != 1 and f.value != 2 for f in find_figures(text)[0])


# ASCII-folded text writes the pound sign "PS" (unidecode: "£" -> "PS"): pounds before a scale or after
# a money word, like the rand's "R"; alone it is a name ("PS5")
@pytest.mark.parametrize("text,span,value", [
    ("a bonus worth up to PS3.4m a year", "up to PS3.4m", 3.4e6),
    ("a PS9bn takeover bid", "PS9bn", 9e9),
    ("the ticket cost PS40 at the door", "PS40", 40),
    ("a fee of €40 (PS35) applies", "PS35", 35),  # the conversion in brackets of an amount
])
def test_ascii_folded_pound_sign(text, span, value):
    f = _only(text, span)
    assert f.value == value and f.unit == "GBP"


def test_letter_currency_in_brackets_after_an_amount():
    f = _only("the fare was $12 (R210) one way", "R210")
    assert f.value == 210 and f.unit == "ZAR"


@pytest.mark.parametrize("text,surface", [("sales of the PS5 rose", "PS5"), ("the PS4 and its games", "PS4"),
                                          ("the PS5 (PS4 in Europe)", "PS4"), ("Route 5 (R40) is shut", "R40")])
def test_console_name_is_no_pound_amount(text, surface):
    figures, non = find_figures(text)
    assert (surface, "identifier") in [(text[n.start:n.end], n.reason) for n in non] and not figures


# A scale letter set apart by a space: after an amount of money, or a capital B or M before a counted noun
@pytest.mark.parametrize("text,span,value", [
    ("the lab raised $1.2 B in new funding", "$1.2 B", 1.2e9),
    ("a €450 M takeover offer", "€450 M", 450e6),
    ("he was paid $40 K.", "$40 K", 40e3),
    ("some 2 B people lack safe water", "some 2 B", 2e9),
])
def test_spaced_scale_letter(text, span, value):
    assert _only(text, span).value == value


@pytest.mark.parametrize("text,value", [("she won a 10 K race", 10), ("Type 1 B cells were counted", 1),
                                        ("a $5 M&A fee", 5)])
def test_letter_after_a_number_that_is_no_scale(text, value):
    assert [f.value for f in find_figures(text)[0]] == [value]


# US customary and imperial measures, with "US" or "imperial" written before the unit
@pytest.mark.parametrize("text,span,value,unit", [
    ("the recipe calls for 8 fl oz of stock", "8 fl oz", 8, "fluid_ounce"),
    ("One imperial pint of stock was added", "One imperial pint", 1, "imperial_pint"),  # "one" with a unit
    ("a 5 US gallon drum", "5 US gallon", 5, "gallon"),
    ("he drank 2 imperial pints", "2 imperial pints", 2, "imperial_pint"),
    ("a 12 ounce steak", "12 ounce", 12, "ounce"),
    ("add 3 drams of tincture", "3 drams", 3, "dram"),
    ("the hybrid returns 52 miles per gallon", "52 miles per gallon", 52, "mpg"),  # not 52 miles
    ("a 45-mpg city rating", "45-mpg", 45, "mpg"),
])
def test_customary_measures(text, span, value, unit):
    f = _only(text, span)
    assert f.value == value and f.unit == unit


@pytest.mark.parametrize("text,span,value,unit", [
    ("the probe moved at 300 metres per second", "300 metres per second", 300, "metre_per_second"),  # not metres
    ("gusts reached 40 m/s", "40 m/s", 40, "metre_per_second"),
    ("a top speed of 90km/hr", "90km/hr", 90, "kph"),
    ("a 27″ monitor", "27″", 27, "inch"),  # the inch sign
    ("the bid values it at HK $2.1 billion", "HK $2.1 billion", 2.1e9, "HKD"),  # country letters set apart
    ("an offer of C $7 a share", "C $7", 7, "CAD"),
    ("tickets at NZ $45 each", "NZ $45", 45, "NZD"),
    ("A $5 fee was charged", "$5", 5, "USD"),  # "A" is an article, not Australia
    ("a forecast of US $14 to $16 billion", "US $14 to $16 billion", 14e9, "USD"),  # not "S $14" (Singapore)
    ("the stock closed at Y=4,120", "Y=4,120", 4120, "JPY"),  # the wire's ASCII yen sign
])
def test_spelled_rates_signs_and_spaced_currency_prefixes(text, span, value, unit):
    f = _only(text, span)
    assert f.value == value and f.unit == unit


def test_prime_used_as_apostrophe_is_no_unit():
    assert [f.unit for f in find_figures("the 20-year-old′s 40 goals")[0]] == ["year", None]
