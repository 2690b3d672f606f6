"""As-of dates of figures: a date right after a figure, or after the "from … to …" pair it
opens, is that figure's own, even when another date stands nearer before it."""
from datetime import date

import pytest

from figures.claims import extract_claims
from figures.records import Article


def _as_of_by_span(text: str, published: date, spans) -> dict:
    """The as-of date of each named figure of a small article (None for a span not claimed)."""
    art = Article(id="t", text=text, outlet="Example Wire", published=published)
    found = {c.span: c.as_of for c in extract_claims(art).claims}
    return {k: found.get(k) for k in spans}


@pytest.mark.parametrize("text, published, expected", [
    ("Payroll gains were revised from 179,000 to 118,000 in June and from 131,000 to 97,000 in July, "
     "the Labor Department said.", date(2024, 9, 6),
     {"179,000": date(2024, 6, 1), "118,000": date(2024, 6, 1), "97,000": date(2024, 7, 1)}),
    # ... also past the words of what it counts
    ("The price index rose to 131.5 points in March from 118.2 points in February.", date(2024, 4, 20),
     {"131.5": date(2024, 3, 1), "118.2": date(2024, 2, 1)}),
    ("Orders were revised from 1,790 to 1,180 in June and from 1,140 to 1,090 in July.", date(2024, 9, 6),
     {"1,140": date(2024, 7, 1), "1,090": date(2024, 7, 1)}),
    # a date past the start of another coordinated clause is that clause's, when the figure's own
    # clause has a date before it
    ("The estimate for May was raised by 4,000 to 61,000 and the estimate for June by 2,000 to 58,000.",
     date(2024, 8, 2), {"4,000": date(2024, 5, 1), "61,000": date(2024, 5, 1), "58,000": date(2024, 6, 1)}),
    ("Inflation fell to 2.4% in November from 2.9% in October.", date(2024, 1, 10),
     {"2.4%": date(2023, 11, 1), "2.9%": date(2023, 10, 1)}),
    # a count's second value "by" a later day is that day's
    ("The number of displaced rose from 6,500 on Monday to 28,120 by Tuesday night.", date(2023, 9, 27),
     {"6,500": date(2023, 9, 25), "28,120": date(2023, 9, 26)}),
    ("The toll climbed from 20 on Monday to more than 35 by Wednesday.", date(2023, 9, 27),
     {"20": date(2023, 9, 25), "more than 35": date(2023, 9, 27)}),
    ("The toll rose from 99 to 101 on Tuesday, police said.", date(2023, 8, 17),
     {"99": date(2023, 8, 15), "101": date(2023, 8, 15)}),
    ("Exports rose 3% in March, while imports fell 2% in April.", date(2024, 5, 20),
     {"3%": date(2024, 3, 1), "2%": date(2024, 4, 1)}),
    # a date that follows another figure is that figure's, not the next clause's
    ("Police counted 735,000 demonstrators, against 650,000 on January 19, an increase of 20%.",
     date(2023, 1, 31), {"650,000": date(2023, 1, 19), "20%": date(2023, 1, 31)}),
    ("On Friday, the toll rose to 97.", date(2023, 9, 17), {"97": date(2023, 9, 15)}),
    # ... but a month after a figure is a statistic's period and holds for the rest of the sentence
    ("The deficit narrowed by $2bn in June, leaving it at $60bn.", date(2024, 8, 5),
     {"$2bn": date(2024, 6, 1), "$60bn": date(2024, 6, 1)}),
    # the year money is counted in is no date of the figure
    ("Cook estimates that the project requires a budget of £72-78bn at 2015 prices.", date(2020, 1, 20),
     {"£72-78bn": date(2020, 1, 20)}),
    ("Sales were £5bn in 2019.", date(2020, 1, 20), {"£5bn": date(2019, 1, 1)}),
    # a month before a noun names a statistic's period, wherever it stands in the sentence
    ("Statistics Canada said March's jobless rate was 6.1%.", date(2024, 4, 20), {"6.1%": date(2024, 3, 1)}),
    ("Economists had expected January's retail sales to grow 0.4%.", date(2024, 2, 16), {"0.4%": date(2024, 1, 1)}),
    ("Analysts said the December figures showed 1,200 fewer vacancies.", date(2024, 1, 20),
     {"1,200": date(2023, 12, 1)}),
    # a date counted back as a change's base is that change's, not the date of what follows
    ("Orders grew by 3,400 in May from the previous month, while the backlog held at 12,000.", date(2024, 6, 20),
     {"3,400": date(2024, 5, 1), "12,000": date(2024, 5, 1)}),
    # a day before a noun of a count is the day the count stood so ...
    ("Yesterday's tally was 4,120 arrivals at the border.", date(2023, 9, 28), {"4,120": date(2023, 9, 27)}),
    ("Monday's death toll stood at 212, officials said.", date(2023, 9, 28), {"212": date(2023, 9, 25)}),
    # ... not the day of the event whose toll it is
    ("Monday's quake toll rose to 3,000.", date(2023, 9, 28), {"3,000": date(2023, 9, 28)}),
    # ... but not a disaster's or an attack's month: a toll is counted up to the report
    ("The toll from March's earthquake has reached 2,300.", date(2024, 4, 10), {"2,300": date(2024, 4, 10)}),
    # a statistic over the months up to a month: that month
    ("House prices rose 2.1% in the year to October.", date(2024, 11, 20), {"2.1%": date(2024, 10, 1)}),
    ("Pay grew 4.8% in the three months to August, the agency said.", date(2024, 10, 15), {"4.8%": date(2024, 8, 1)}),
    # ... or over a span from one date to another, or that ended at a date: as of its end
    ("The economy created 300,000 fewer jobs than first reported from April 2022 through March of this year.",
     date(2023, 8, 23), {"300,000": date(2023, 3, 1)}),
    ("Exports averaged $4bn a month in the 12 months that ended in June.", date(2024, 8, 9),
     {"$4bn": date(2024, 6, 1)}),
    # a trailing span ("over the previous 12 months") ends at the sentence's date
    ("Hiring slowed to 90,000 in May, below the average of 150,000 over the previous 12 months.",
     date(2024, 6, 10), {"150,000": date(2024, 5, 1)}),
    # when a war began is no date of what has been counted since: that is as of the statement
    ("More than 9 million people have fled since the war began in April 2023, the agency said on Thursday.",
     date(2024, 6, 14), {"More than 9 million": date(2024, 6, 13)}),
    ("The conflict erupted in April 2023 and has killed 20,000.", date(2024, 6, 14), {"20,000": date(2024, 6, 14)}),
    # a date counted back ("a month earlier", "the previous year") counts from the sentence's other date
    ("In March, unemployment was 5.1%, up from 4.9% a month earlier.", date(2024, 4, 12),
     {"5.1%": date(2024, 3, 1), "4.9%": date(2024, 2, 1)}),
    ("Output grew 1.2% in 2023 after shrinking 0.4% the previous year.", date(2024, 2, 1),
     {"1.2%": date(2023, 1, 1), "0.4%": date(2022, 1, 1)}),
    ("On Friday the count stood at 212; the day before, it was 180.", date(2024, 7, 13),
     {"212": date(2024, 7, 12), "180": date(2024, 7, 11)}),
    ("Rallies drew 9,000 on May 4 and 15,000 a week later.", date(2024, 5, 20),
     {"9,000": date(2024, 5, 4), "15,000": date(2024, 5, 11)}),
    ("Prices rose 2.6% in June, against 4.1% in June last year.", date(2024, 7, 17),
     {"2.6%": date(2024, 6, 1), "4.1%": date(2023, 6, 1)}),
    ("The ministry said on Friday it shot down 30 drones the day before.", date(2024, 7, 13),
     {"30": date(2024, 7, 11)}),
    ("Pay rose 5.9% in the three months to May, after 6.1% in the previous three months.", date(2024, 7, 16),
     {"5.9%": date(2024, 5, 1), "6.1%": date(2024, 2, 1)}),
    ("Sales fell 2% in 2023, after rising 4% two years earlier.", date(2024, 3, 1),
     {"2%": date(2023, 1, 1), "4%": date(2021, 1, 1)}),
    # ... but a comparison's base ("than a year ago", "compared with a year earlier") dates no figure
    ("Households pay 40% more for heating than they did a year ago.", date(2024, 3, 5), {"40%": date(2024, 3, 5)}),
    ("Rents are 12% higher compared with a year earlier.", date(2024, 3, 5), {"12%": date(2024, 3, 5)}),
    ("In February 2024, fares were 9% higher than a year ago.", date(2024, 3, 20), {"9%": date(2024, 2, 1)}),
    # ... and from the publication date when the sentence has no other
    ("A year earlier, the deficit was £9bn.", date(2024, 7, 13), {"£9bn": date(2023, 7, 1)}),
    # the end of a period gone by dates the stock then, also after "by"
    ("Reserves stood at $6.2bn at the end of 2018 and fell to $4.4bn by the end of 2019.", date(2021, 6, 1),
     {"$6.2bn": date(2018, 12, 1), "$4.4bn": date(2019, 12, 1)}),
    ("Its debt was put at around $2.3bn at the end of November.", date(2021, 1, 20), {"around $2.3bn": date(2020, 11, 1)}),
    # a quarter gone by dates its figure by its last month; a coming one is a forecast's, as of the report
    ("Sales rose 6% in the second quarter of 2023.", date(2024, 1, 15), {"6%": date(2023, 6, 1)}),
    ("The bank sees unemployment peaking at 5.8% in Q3 2025.", date(2024, 11, 7), {"5.8%": date(2024, 11, 7)}),
    # ... not a date in parentheses closed before the figure
    ("The levy (40p at the start of this year) may reach 95p when it is next set.", date(2023, 5, 2), {"95p": date(2023, 5, 2)}),
    # a first name before "May's" makes it a person
    ("Prime Minister Theresa May's government spent £3bn.", date(2019, 8, 1), {"£3bn": date(2019, 8, 1)}),
    # the day a statement was made or a figure published yields to the month the figure measures
    ("The agency said Wednesday 3.1% was its corrected estimate of January's inflation rate.", date(2024, 2, 21),
     {"3.1%": date(2024, 1, 1)}),
    ("When March's trade figure was first published by the agency, on April 12, it showed a deficit of $4bn.",
     date(2024, 5, 20), {"$4bn": date(2024, 3, 1)}),
    # ... but not to another day: the statement's day stays the nearer date
    ("Officials said on Thursday that 40 people were still unaccounted for after the dam burst on May 2.",
     date(2024, 5, 10), {"40": date(2024, 5, 9)}),
    # a date further on in the sentence dates the figures of the run before it
    ("Three people were killed and 12 wounded, among them children, in a rocket strike on Sunday.",
     date(2024, 3, 5), {"Three": date(2024, 3, 3), "12": date(2024, 3, 3)}),
    # ... not a figure in a relative clause, which is no part of that predicate
    ("The district, which has 4,000 homes, was evacuated on Friday.", date(2024, 3, 12), {"4,000": date(2024, 3, 12)}),
    # a figure in a clause "a day after ..." that follows a date is that span before it
    ("The governor lifted the curfew on Wednesday, a day after 22 people were killed.", date(2024, 6, 27),
     {"22": date(2024, 6, 25)}),
    ("Some 1,000 people marched on Thursday, a week after 23 were shot dead.", date(2024, 6, 27),
     {"Some 1,000": date(2024, 6, 27), "23": date(2024, 6, 20)}),
    # ... not a figure in the main clause after it
    ("A day after the quake, the toll rose to 5,000.", date(2024, 6, 27), {"5,000": date(2024, 6, 27)}),
    # a relative clause on the figure's own noun gives the figure's date
    ("Hiring slowed from the 210,000 jobs that were added in March.", date(2024, 5, 3), {"210,000": date(2024, 3, 1)}),
    ("Rescuers have reached 300 villagers who were cut off on Sunday.", date(2024, 5, 8), {"300": date(2024, 5, 5)}),
    # ... and so does a clause of when something happened that opens right before the figure
    ("The ministry said Sunday that 1,000 refugees were being treated, after 200 were admitted on Friday.",
     date(2023, 10, 1), {"1,000": date(2023, 10, 1), "200": date(2023, 9, 29)}),
    ("Police fired when about 300 people gathered on Thursday.", date(2023, 10, 1),
     {"about 300": date(2023, 9, 28)}),
    # a disaster's date is the figure's when the figure stands between them
    ("The toll from the floods rose to 48 on Monday.", date(2024, 5, 8), {"48": date(2024, 5, 6)}),
    # an event's date dates what it did in the clause right after it ...
    ("An explosion ripped through a market on Tuesday, killing 14 and wounding 30.", date(2024, 6, 13),
     {"14": date(2024, 6, 11), "30": date(2024, 6, 11)}),
    ("Nine soldiers died in Saturday's ambush near the border.", date(2024, 6, 11), {"Nine": date(2024, 6, 8)}),
    ("Unions said 90,000 joined Thursday's rally, while police counted 30,000.", date(2024, 3, 9),
     {"90,000": date(2024, 3, 7), "30,000": date(2024, 3, 7)}),
    ("Fighting erupted on Monday, killing 12 and wounding 30.", date(2024, 6, 13),
     {"12": date(2024, 6, 10), "30": date(2024, 6, 10)}),
    # ... not a disaster's, whose toll keeps rising and is counted up to the report
    ("A cyclone made landfall on Sunday, killing at least 40 people.", date(2024, 6, 11),
     {"at least 40": date(2024, 6, 11)}),
    # ... nor a date in a relative clause on the event's noun, however long: the toll is the report's
    ("At least 900 people died in the cyclone that hit the southern coast of the island late on Tuesday, "
     "according to a toll issued on Wednesday.", date(2024, 3, 14), {"At least 900": date(2024, 3, 13)}),
    ("The toll from the storm, which was recorded yesterday evening, Saturday, and whose centre was near the "
     "coast, rose to 310.", date(2024, 3, 10), {"310": date(2024, 3, 10)}),
    # ... nor, right before "according to", the statement's day
    ("Twelve people are dead and 40 missing after the flooding that followed the collapse of a levee on the "
     "river on May 3, according to the governor.", date(2024, 5, 20), {"40": date(2024, 5, 20)}),
    # ... nor for a toll that names the event
    ("Casualties from the explosion at the depot on Monday may exceed 200.", date(2024, 2, 14),
     {"exceed 200": date(2024, 2, 14)}),
    # "that month", "for the year": the period an earlier sentence named
    ("Inflation was 3.2% in March. Food prices rose 4% that month.", date(2024, 4, 17), {"4%": date(2024, 3, 1)}),
    ("In 2021 the firm hired 300 people. It lost £2m that year.", date(2024, 4, 17), {"£2m": date(2021, 1, 1)}),
    # "the estimate", "this figure": the period a study or figure named before covers
    ("The survey counted 3,000 evictions in March. The estimate includes 400 families with children.",
     date(2024, 5, 2), {"400": date(2024, 3, 1)}),
    ("Exports were first put at £4bn in January. On Friday, the office said this figure should have been £3.8bn.",
     date(2024, 3, 9), {"£3.8bn": date(2024, 1, 1)}),
    # a figure in a relative clause on a date is that date's, whatever the date's role before it
    ("The toll is the highest since 2011, when 1,460 people died in a crush.", date(2024, 6, 18),
     {"1,460": date(2011, 1, 1)}),
    ("Arrivals are down from last year, when 4,300 people crossed.", date(2024, 6, 18), {"4,300": date(2023, 1, 1)}),
    ("Deaths fell this year compared with the previous year, which saw 212 deaths.", date(2024, 6, 18),
     {"212": date(2023, 1, 1)}),
    ("It was the worst flood since 1998, in which 310 people died.", date(2024, 6, 18), {"310": date(1998, 1, 1)}),
    # an incident's day with a later day the toll was stated or released on: the toll as counted then
    ("At least 190 soldiers were killed during the offensive in the valley on May 19-20, the ministry "
     "announced on Wednesday.", date(2023, 6, 3), {"At least 190": date(2023, 5, 31)}),
    ("At least 218 people died in the May 25 explosion at a depot, according to figures released by "
     "investigators on Friday.", date(2023, 6, 3), {"At least 218": date(2023, 6, 2)}),
    # a date in an aside on when a body was set up is the body's, no date of the figures
    ("Sources say at least 230 people died, while the statement from the task force, formed on Thursday and "
     "headed by the premier, said 31 deaths had been confirmed.", date(2024, 6, 23),
     {"at least 230": date(2024, 6, 23), "31": date(2024, 6, 23)}),
    # "of that total": a part of a total given before, counted on the total's day
    ("The registry counted 5,300 arrivals according to data released on May 3.\n\nOf that total, 2,900 are "
     "women, the director told reporters.", date(2023, 5, 9), {"2,900": date(2023, 5, 3)}),
    # ... and only then: a period does not carry into the next sentence by itself (past the lead,
    # where a statistic's month is the article's period: see test_statistic_period)
    ("The board met on Tuesday.\n\nIts chair spoke.\n\nInflation was 3.2% in March. Wages rose 5%.",
     date(2024, 4, 17), {"5%": date(2024, 4, 17)}),
    # the year of publication, named as a figure's period, is the year so far: as of the day written
    ("The region accounts for 97% of all deaths reported in 2024.", date(2024, 8, 21), {"97%": date(2024, 8, 21)}),
    ("The region accounted for 90% of all deaths reported in 2023.", date(2024, 8, 21), {"90%": date(2023, 1, 1)}),
    # a date fronted in a reported clause is its figure's; the next fronted date opens the next figure's clause
    ("The ministry said that on January 19, 1.12 million people marched, and on March 7, 1.28 million.",
     date(2024, 3, 23), {"1.12 million": date(2024, 1, 19), "1.28 million": date(2024, 3, 7)}),
    # ... while "that" after a noun opens a relative clause: the event's own day, not the figure's
    ("The quake that hit on Monday has killed 300 people, officials said on Thursday.", date(2024, 5, 10),
     {"300": date(2024, 5, 9)}),
    # the year of a past event is its toll's: the event's date is passed over only for the story's own event
    ("Hurricane Oskar in 2017 caused $190 billion in damage.", date(2024, 10, 1), {"$190 billion": date(2017, 1, 1)}),
    ("The 1999 earthquake killed 17,000 people.", date(2024, 10, 1), {"17,000": date(1999, 1, 1)}),
    ("Since the 2023 earthquake, 500 homes were rebuilt.", date(2024, 10, 1), {"500": date(2024, 10, 1)}),
    # a change's comparison base ("up 12% from a year earlier") is not the change's date
    ("Sales were up 12% from a year earlier.", date(2024, 6, 20), {"12%": date(2024, 6, 20)}),
    ("Prices fell 3% from a year ago.", date(2024, 6, 20), {"3%": date(2024, 6, 20)}),
])
def test_as_of(text, published, expected):
    art = Article(id="t", text=text, outlet="Example Wire", published=published)
    found = {}
    for c in extract_claims(art).claims:
        found[c.span.split(" to ")[-1]] = c.as_of  # a range's span ends with its upper figure
    assert {k: found.get(k) for k in expected} == expected


@pytest.mark.parametrize("text, published, expected", [
    # wire copy out the day after: most dated statements name Sunday and the lead does too, so an
    # undated figure is Sunday's
    ("Police said Sunday the search would go on.\n\nThe agency said on Sunday that 40 homes were lost. "
     "Crews have found 12 bodies.\n\nA spokesman said Friday that 300 people had fled.", date(2024, 3, 11),
     {"12": date(2024, 3, 10), "300": date(2024, 3, 8)}),
    # the lead names the day with an event, the statement comes later
    ("A relief convoy with 40 trucks arrived Tuesday in the port.\n\nAbout 500 families remain in shelters.\n\n"
     "Aid groups were stretched.\n\nThe mayor said on Tuesday that 2,000 tents were handed out.", date(2024, 5, 15),
     {"About 500": date(2024, 5, 14)}),
    # ... but not a standing fact in a relative clause ("which has a population of ...")
    ("Police said Sunday the search would go on.\n\nThe agency said on Sunday that 40 homes were lost. "
     "The town, which has a population of about 9,000, was cut off.", date(2024, 3, 11),
     {"about 9,000": date(2024, 3, 11)}),
    # ... but not a figure cited from a document with no date of its own: it is the latest known
    ("Police said Sunday the search would go on.\n\nThe agency said on Sunday that 40 homes were lost. "
     "According to figures from the ministry, 9,000 people have fled the region.", date(2024, 3, 11),
     {"9,000": date(2024, 3, 11)}),
    # no day most statements share: undated figures are the publication's
    ("Police said Sunday the search would go on.\n\nCrews have found 12 bodies.\n\n"
     "A spokesman said Friday that 300 people had fled.", date(2024, 3, 11), {"12": date(2024, 3, 11)}),
    # statements a week old are no copy held over a night
    ("Police said on March 1 the search would go on.\n\nCrews have found 12 bodies.", date(2024, 3, 11),
     {"12": date(2024, 3, 11)}),
    # no dated statements: the day the lead dates its first figure, a day or two back, is the story's
    ("The toll from the landslide passed 700 yesterday.\n\nSome 1,200 people remain in shelters, a "
     "spokesman said.", date(2024, 5, 26), {"Some 1,200": date(2024, 5, 25)}),
    ("The number of confirmed dead stood at 2,114 as of Monday.\n\nSix field clinics with 40 beds are now open.",
     date(2024, 5, 28), {"40": date(2024, 5, 27)}),
    # a report's release day counts as a statement's: "a report released ... on Monday night", "issued here on"
    ("The toll from the floods has reached 1,200.\n\nAccording to a report released by the disaster agency on "
     "Monday night, 300 children were among the dead.\n\nSome 40 districts are affected.", date(2024, 7, 9),
     {"Some 40": date(2024, 7, 8)}),
    ("The toll has risen to 1,481.\n\nAccording to the agency's daily report issued here on Tuesday, 600 of the "
     "dead were in the south.\n\nAbout 6,000 homes were damaged.", date(2024, 7, 10), {"About 6,000": date(2024, 7, 9)}),
    # ... and so does a day that opens a statement's sentence, and one after the medium it was made in
    ("Thousands remain in camps.\n\nOn Sunday, Interior Minister Ana Ruiz said relief work was under way.\n\n"
     "She thanked donors.\n\nRoads are cut.\n\nSome 14 bridges have collapsed.", date(2024, 7, 8),
     {"Some 14": date(2024, 7, 7)}),
    ("The police said on its Telegram channel late on Friday that the search went on.\n\nAbout 45 remain missing.",
     date(2024, 7, 13), {"About 45": date(2024, 7, 12)}),
    # ... and one that opens the sentence after the occasion or document it was made in, even with the
    # date repeated in brackets and more of the opening phrase before the speaker
    ("Some 12 ferries have stopped.\n\nIn a statement on Monday (May 6) marking a month since the fires began, the "
     "park authority said 40 cabins had burned.\n\nIt added that 300 hikers were evacuated.", date(2024, 5, 7),
     {"300": date(2024, 5, 6)}),
    ("Some 2,000 people are cut off.\n\nAt a flood committee meeting held on Saturday, Governor Lina Moss said 16 bridges "
     "had collapsed.\n\nSome 70 schools are shut.", date(2024, 5, 12), {"Some 70": date(2024, 5, 11)}),
    # a word that only starts with the event's noun ("storm-related") does not make the day the event's
    ("At least 19 more deaths were reported in storm-related incidents on Sunday.\n\nSome 700 homes were lost.",
     date(2024, 7, 8), {"Some 700": date(2024, 7, 7)}),
    # ... but not a date that trails a figure, nor a verb of reporting right after one: that figure's date
    ("Some 20 villages remain flooded.\n\nThe river fell to 3 metres, down from 4.2 metres on Monday, according "
     "to the water agency.\n\nAbout 600 people are in shelters.", date(2024, 7, 10),
     {"About 600": date(2024, 7, 10), "4.2 metres": date(2024, 7, 8)}),
    ("Some 15 shelters are open.\n\nAid now reaches 90,000 people, up from 20,000 people reported on Monday.\n\n"
     "About 600 people are in shelters.", date(2024, 7, 10), {"About 600": date(2024, 7, 10)}),
    # a wire dateline's day, a day or two before publication, on a line of its own or opening the lead
    ("LISBON, May 6\n\nOfficials said at least 40 cabins had burned.\n\nFirefighters said 300 hikers were "
     "evacuated.", date(2024, 5, 7), {"at least 40": date(2024, 5, 6), "300": date(2024, 5, 6)}),
    ("TALLINN, Estonia, Feb 3 (Wire) – Some 90 flights were cancelled, the airport said.", date(2024, 2, 4),
     {"Some 90": date(2024, 2, 3)}),
    # ... but not a dateline that is the publication day's
    ("TALLINN, Feb 4 – Some 90 flights were cancelled.\n\nOn Saturday, the airport said 12 were delayed.",
     date(2024, 2, 4), {"Some 90": date(2024, 2, 4)}),
    # ... not when most dated statements were made on the publication day
    ("At least 22 people were killed on Tuesday.\n\nPolice said on Wednesday that 300 were held. "
     "Hospitals treated 160 people.", date(2024, 6, 26), {"160": date(2024, 6, 26)}),
    # ... not the event's day, nor a statement's, nor a first figure with no date
    ("A cyclone that struck on Sunday has killed 60.\n\nAbout 900 homes were lost.", date(2024, 5, 27),
     {"About 900": date(2024, 5, 27)}),
    ("The storm before dawn on Sunday left 60 dead.\n\nAbout 900 homes were lost.", date(2024, 5, 27),
     {"About 900": date(2024, 5, 27)}),
    ("The toll has passed 500.\n\nIt rose to 480 on Sunday. About 900 homes were lost.", date(2024, 5, 27),
     {"About 900": date(2024, 5, 27)}),
])
def test_news_day(text, published, expected):
    assert _as_of_by_span(text, published, expected) == expected


@pytest.mark.parametrize("text, published, expected", [
    # "the first six months of the war" ends six months after the day the article says it began
    ("Some 4,000 civilians were killed in the first six months of the war, a monitor said.\n\n"
     "The war began on 3 March 2022.", date(2024, 1, 10), {"Some 4,000": date(2022, 9, 1)}),
    # ... and so does a sentence about the same estimate
    ("Some 4,000 civilians were killed in the first six months of the war, a monitor said. The estimate "
     "includes 900 children.\n\nThe war began on 3 March 2022.", date(2024, 1, 10), {"900": date(2022, 9, 1)}),
    # no start given: the publication date
    ("In the first days after the fire, the list grew to 900.", date(2024, 1, 10), {"900": date(2024, 1, 10)}),
    # a bare "since 1998" starts nothing
    ("It was the worst flood since 1998. In the first weeks after the flood, 300 homes were rebuilt.",
     date(2024, 1, 10), {"300": date(2024, 1, 10)}),
])
def test_opening_period(text, published, expected):
    assert _as_of_by_span(text, published, expected) == expected


@pytest.mark.parametrize("text, published, expected", [
    # the lead reports a monthly statistic for a month that has ended: the article's undated
    # figures are that month's, a release day's ("the agency said Friday") too
    ("Canadian employers added 41,000 jobs in May.\n\nManufacturers shed 9,000 jobs. The jobless rate held "
     "at 6.2%, the agency said Friday.", date(2024, 6, 7), {"9,000": date(2024, 5, 1), "6.2%": date(2024, 5, 1)}),
    # ... the latest month the lead names: an earlier one is a revised or compared month's
    ("Canadian payrolls grew less than the revised 52,000 jobs added in April. Builders added 7,000 jobs in May."
     "\n\nMiners added 2,000 jobs.", date(2024, 6, 7), {"2,000": date(2024, 5, 1), "52,000": date(2024, 4, 1)}),
    ("Retail sales fell 0.8% last month, the bureau said.\n\nOnline sellers gained 3%.", date(2024, 3, 14),
     {"3%": date(2024, 2, 1)}),
    ("Hiring slowed in April.\n\nThe bureau said Thursday that payrolls grew by 95,000.", date(2024, 5, 3),
     {"95,000": date(2024, 4, 1)}),
    # a span counted back from no other date in the sentence counts from that month
    ("Factory output slipped 1.1% in April.\n\nCar makers cut 2,000 jobs in the prior month.", date(2024, 5, 20),
     {"2,000": date(2024, 3, 1)}),
    # a change from one value to another in that month starts from the month before's value ...
    ("Canadian employers added 41,000 jobs in May.\n\nThe jobless rate fell from 6.4% to 6.2%, the agency "
     "said Friday.", date(2024, 6, 7), {"6.4%": date(2024, 4, 1), "6.2%": date(2024, 5, 1)}),
    ("Canadian employers added 41,000 jobs in May.\n\nThe jobless rate fell to 6.2% from 6.4%.",
     date(2024, 6, 7), {"6.2%": date(2024, 5, 1), "6.4%": date(2024, 4, 1)}),
    # ... also when a date trails the old value: that month is the old value's, before the report's
    ("Canadian employers added 41,000 jobs in May.\n\nThe jobless rate dipped to 6.2% from 6.4% in April.",
     date(2024, 6, 7), {"6.2%": date(2024, 5, 1), "6.4%": date(2024, 4, 1)}),
    # ... not a revision, whose old and new values are of the same month
    ("Canadian employers added 41,000 jobs in May.\n\nThe prior month's gain was revised from 22,000 to "
     "17,000.", date(2024, 6, 7), {"22,000": date(2024, 4, 1), "17,000": date(2024, 4, 1)}),
    # "the previous two months": the months before the report's, which end one month back
    ("Canadian employers added 41,000 jobs in May.\n\nThe previous two months' figures were revised lower "
     "by 12,000.", date(2024, 6, 7), {"12,000": date(2024, 4, 1)}),
    # ... but not a standing target, which no month measures
    ("Consumer prices rose 2.9% in March.\n\nThat is still above the bank's 2% target.", date(2024, 4, 10),
     {"2%": date(2024, 4, 10)}),
    ("Consumer prices rose 2.9% in March.\n\nThe bank's target is 2%.", date(2024, 4, 10),
     {"2%": date(2024, 4, 10)}),
    # a lead with no figure gives a month only with a word of change after the statistic's noun
    ("Hiring was weaker than expected in April.\n\nThe bureau said 95,000 jobs were added.", date(2024, 5, 3),
     {"95,000": date(2024, 4, 1)}),
    # ... or before it ("added far more jobs"), when the lead's figure is of a compared month
    ("The economy added far more jobs than forecast in April.\n\nPayrolls rose by 210,000, up from a "
     "revised 150,000 in March. The jobless rate fell to 3.9%.", date(2024, 5, 3),
     {"210,000": date(2024, 4, 1), "3.9%": date(2024, 4, 1)}),
    ("Young people angered by unemployment marched in June.\n\nPolice said 300 were arrested.",
     date(2024, 7, 2), {"300": date(2024, 7, 2)}),
    ("Nurses who lost their jobs marched in June.\n\nPolice said 300 were arrested.",
     date(2024, 7, 2), {"300": date(2024, 7, 2)}),
    # a lead with no statistic, or a month still running, sets no period
    ("Floods in June killed 40 people.\n\nAid groups said 300 homes were lost.", date(2024, 7, 5),
     {"300": date(2024, 7, 5)}),
    ("Inflation eased in July, early figures show.\n\nFuel prices fell 3%.", date(2024, 7, 30),
     {"3%": date(2024, 7, 30)}),
    # ... and so does a statistic named only further down
    ("The minister resigned on Tuesday.\n\nShe said 200 staff would leave.\n\nUnemployment rose to 5% in May.",
     date(2024, 6, 12), {"200": date(2024, 6, 12)}),
])
def test_statistic_period(text, published, expected):
    assert _as_of_by_span(text, published, expected) == expected


@pytest.mark.parametrize("text, published, expected", [
    # a sentence that opens with a day and gives no figure sets the scene: what follows is that day's
    ("The storm has moved inland.\n\nYesterday, officials gave conflicting tolls.\n\nThe governor said 140 "
     "people had died. A relief agency put the figure at 210.", date(2024, 3, 9),
     {"140": date(2024, 3, 8), "210": date(2024, 3, 8)}),
    ("On June 25, protesters stormed the assembly. Police opened fire, killing at least 19 people.",
     date(2024, 6, 27), {"at least 19": date(2024, 6, 25)}),
    # ... until a sentence names another date: the scene is over, not Monday's
    ("On Monday, rescuers reached the valley.\n\nOn Wednesday the army said 35 bodies were found. "
     "Medics treated 80 people.", date(2024, 3, 9), {"80": date(2024, 3, 9)}),
    # ... or the story moves on, paragraphs past the last that named the day
    ("On Monday, rescuers reached the valley.\n\nRoads were cut.\n\nRain fell.\n\nPower failed.\n\n"
     "Some 600 families have been moved.", date(2024, 3, 9), {"Some 600": date(2024, 3, 9)}),
    # a sentence with a figure of its own, or a day not at its start, sets no scene
    ("On Monday, 12 rescuers reached the valley.\n\nSome 600 families have been moved.", date(2024, 3, 9),
     {"Some 600": date(2024, 3, 9)}),
    ("Rescuers reached the valley on Monday.\n\nSome 600 families have been moved.", date(2024, 3, 9),
     {"Some 600": date(2024, 3, 9)}),
])
def test_scene_day(text, published, expected):
    assert _as_of_by_span(text, published, expected) == expected
