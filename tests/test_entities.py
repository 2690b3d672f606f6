"""What a figure counts: entity (what a fact-checker would write) and measure (the predicate the
comparator groups on), as a table of cases: (sentence, figure, entity, measure).

The figure is the claim's span; "115#2" is its second claim with that span. Sentences from the
dev corpus are marked with their article; the others are written for this test, from other kinds
of story (jobs reports, protests, budgets, casualties).
"""
from __future__ import annotations

from datetime import date

import pytest

from figures.claims import extract_claims
from figures.records import Article

CASES = [
    # -- the counted noun as written, the measure normalised -----------------------------------
    ("KAZINFORM 4,300 deaths and 7,600 injuries have been reported in northwestern Syria.",  # eq-10
     "7,600", "injuries", "injured"),
    ("The number of fatalities from the deadly Lahaina fire remains at 115 this week.",  # maui-07
     "115", "fatalities", "killed"),
    ("The fire killed 115 people, officials said.", "115", "people killed", "killed"),
    # "deaths" stays "people killed": the annotators' convention (9 of 10 dev cases)
    ("At least 3,549 deaths have been reported in Turkey.", "At least 3,549", "people killed", "killed"),
    # a verb after the noun says what happened to it: arrests, not the size of a crowd
    ("Police said 1,200 protesters were arrested in the capital.", "1,200", "protesters arrested", "arrested"),
    ("At least 300 troops were killed in the offensive.", "At least 300", "troops killed", "killed"),
    ("The ministry said 2,000 homes were destroyed.", "2,000", "homes destroyed", "destroyed"),
    ("Organisers said 100,000 people marched through the capital.", "100,000", "people marched", "protesters"),
    ("The economy added 256,000 jobs in December, the Labor Department said.", "256,000", "jobs", "jobs"),
    # -- a figure that names no noun counts the people an earlier figure of the sentence counts ----
    ("At least 12 soldiers were killed and over 30 wounded in the ambush.", "over 30", "soldiers wounded", "injured"),
    ("Four miners died and 19 others were hurt in the collapse.", "19", "miners injured", "injured"),
    ("Troops stormed the camp, killing 25 rebels and injuring 40 others.", "40", "rebels injured", "injured"),
    # ... but not a thing, nor when the earlier figure counts plain people
    ("The blast destroyed 300 homes and injured 50.", "50", "people injured", "injured"),
    ("The ministry said 80 people had been killed and 210 wounded.", "210", "people wounded", "injured"),
    # an -ing clause right after a bare count says what those counted do
    ("Of the country's 9 million people, some 400,000 are refugees, with 60,000 living in camps near the border.",
     "60,000", "people living in camps", None),
    ("Some 3,000 people were detained, with 700 facing trial.", "700", "people facing trial", None),
    ("Police counted 5,000 following the procession.", "5,000", None, None),  # a preposition, not a verb
    # a value noun before "of" is not what is counted: the measure of the clause is
    ("The number of dead is disputed, with some estimates of 20,000 or more.", "20,000 or more", "people killed", "killed"),
    ("Unemployment climbed to a four-year high of 6.1% in March.", "6.1%", "unemployment rate", "unemployment"),
    # a passive -ed after the counted noun says what happened to it, even with no measure for it
    ("At least 900 trains were cancelled because of the strike.", "At least 900", "trains cancelled", None),
    ("Some 150 buildings had suffered serious damage.", "Some 150", "buildings", None),  # active: not a passive
    ("Officials said about 60 people were expected to attend.", "about 60", "people", None),
    # a past-tense verb right after a bare count: the people (or the earlier count's noun) who did it
    ("Organisers invited 5,000 guests and police said 3,500 attended.", "3,500", "guests attended", None),
    ("Police said 400 armed men surrounded the town.", "400", "armed men", None),  # a participle before a noun
    # fractions of a whole are shares, like percentages; a place's N people is its population
    ("Nearly a third of the workforce has been laid off.", "Nearly a third", "share of the workforce laid off", "share"),
    ("About half of Chad's 18 million people need aid.", "About half", "share of Chad's population", "share"),
    # "of all" names the whole all the same; a whole of two coordinated nouns is one phrase
    ("About half of all nurses walked out.", "About half", "share of nurses", "share"),
    ("Around a quarter of all nursery and primary school teachers were on strike.", "Around a quarter",
     "share of nursery and primary school teachers", "share"),
    # fleeing one's home is displacement; a place's N people is the whole population, not who fled
    ("Since the floods, 1.2 million people have fled their homes.", "1.2 million", "people displaced", "displaced"),
    ("A fifth of Haiti's 11 million people have been forced to flee.", "11 million", "people", "population"),
    ("The missing list shrank to 40 by Friday.", "40", "people missing", "missing"),
    # "one of N" with no noun after it counts things of the subject's kind
    ("The bridge was one of three that collapsed in the storm.", "three", "bridges", None),
    ("The city is one of 12 that signed the pact.", "12", "cities", None),
    # what follows the counted noun and says which of them are meant
    ("Health officials have recorded 860 cases of measles this year.", "860", "cases of measles", None),
    ("The floods have left 2 million people in need of shelter.", "2 million", "people in need of shelter", None),
    ("The storm left 90,000 without electricity.", "90,000", "people without electricity", None),
    # a distance says from where
    ("The blast was heard 20 miles away.", "20 miles", "distance", "distance"),
    ("The plane came down 60km south of the airport.", "60km", "distance from the airport", "distance"),
    # a multi-word verb right after a bare count is what they did
    ("The police counted 8,000 but the union said 30,000 took part.", "30,000", "people who took part",
     "protesters"),
    # a rate's name ends at the verb before it
    ("The central bank raised rates to 4.75% on Thursday.", "4.75%", "rates", None),
    # a part of a counted whole, named after a copula or "including", shares what happened to the whole
    ("The shelling killed 64 people, 23 of whom were children.", "23", "children killed", None),
    ("Of the injured, 300 were firefighters.", "300", "firefighters injured", None),
    ("At least 90 people were killed, including 31 women.", "31", "women killed", None),
    ("Some 40 were teachers.", "Some 40", "teachers", None),
    ("At least 400 were killed and about 9,000 were displaced by the fighting.", "about 9,000",
     "people displaced", "displaced"),  # a participle, not a part
    # coordinated objects share the verb before the first
    ("The army said it destroyed 12 tanks and 20 armoured trucks.", "20", "armoured trucks destroyed", "destroyed"),
    ("Police arrested 40 men and 12 women.", "12", "women arrested", "arrested"),
    # verbs of dying and of infection
    ("At least 70 migrants drowned off the coast.", "At least 70", "migrants drowned", "killed"),
    ("The virus has infected 5,000 people.", "5,000", "people infected", "infected"),
    # a partitive with a figure counts what the whole counts, with the verb before it
    ("Air defences intercepted 30 of 35 missiles.", "30", "missiles intercepted", "intercepted"),
    # money named by the subject of its verb, or by the words before "of"
    ("The trade deficit widened to $48bn in May.", "$48bn", "trade deficit", None),
    # a bare count or measured amount linked to the noun phrase before its verb
    ("Net migration was 685,000 last year, the statistics office said.", "685,000", "net migration", None),
    ("The number of visa applications rose to 84,000 in March.", "84,000", "visa applications", None),
    ("Rice exports totalled 3 million tonnes.", "3 million tonnes", "rice exports", None),
    # cases are counted for themselves, not as the deaths beside them or the "toll" they raise
    ("More than 17,500 cases and 629 deaths have been reported this year.", "More than 17,500", "cases", "cases"),
    ("The toll has increased to 16,700 cases and 570 deaths.", "16,700", "cases", "cases"),
    ("The agency counted 5,549 confirmed cases of cholera.", "5,549", "confirmed cases of cholera", "cases"),
    # a quotation closing on the figure alone leaves the noun after it to the figure
    ("“More than two million” people demonstrated, the union said.", "More than two million",
     "people demonstrated", "protesters"),
    # "mobilized" people: a crowd where the sentence names a protest, troops otherwise
    ("The day of strikes and demonstrations mobilized 1.12 million people.", "1.12 million", "people mobilized",
     "protesters"),
    ("The army mobilised 300,000 people last year.", "300,000", "people mobilised", "deployed"),
    # "nationwide" after a figure is where, not what, it counts
    ("The unions counted 500,000 marchers in Paris and more than 2.5 million nationwide.", "more than 2.5 million",
     "marchers", None),
    # money paid for what was bought or sold, past the thing itself
    ("The billionaire bought the platform for $44 billion in October.", "$44 billion", "purchase price", None),
    ("The firm acquired three rivals for $5bn.", "$5bn", "purchase price", None),
    ("Acme sold the unit for £2m.", "£2m", "sale price", None),
    # layoffs in every form of the verb: the staff laid off, a jobs measure
    ("The carmaker is laying off roughly 3,700 employees.", "roughly 3,700", "employees laid off", "jobs"),
    ("The bank will lay off 300 staff next year.", "300", "staff laid off", "jobs"),
    ("The airline laid off 200 workers.", "200", "workers laid off", "jobs"),
    # "they were N" refers back to what was counted last, even in the next paragraph
    ("The unions claimed 2.8 million demonstrators.\n\nAccording to the prefectures, they were for example "
     "25,000 in Lyon.", "25,000", "demonstrators", None),
    # two adjectives of one noun, a comma between them
    ("The headcount has fallen to about 1,300 active, working employees.", "about 1,300",
     "active, working employees", None),
    ("It has 500 active, 200 inactive users.", "500", "active", None),  # a second figure: a list, not adjectives
    # a part of a whole its owner has: "of the company's 1,300 employees" counts employees
    ("Around 75 of the company's 1,300 employees are on leave.", "Around 75", "employees", None),
    # an area is the area the verb after or before it names, whatever its unit
    ("About 3.3 million hectares burned this year.", "About 3.3 million hectares", "area burned", "burned"),
    ("Over 38,000 sq km (14,700 sq mi) have been scorched so far.", "Over 38,000 sq km", "area scorched", "burned"),
    ("The fire has burned 12,000 acres.", "12,000 acres", "area burned", "burned"),
    ("Wildfires have consumed 8.8 million hectares, the minister said.", "8.8 million hectares", "area consumed", "burned"),
    ("The farm covers 300 hectares.", "300 hectares", None, None),
    # ... or the land the area is of ("hectares of land have burnt"), a verb form in -t included
    ("The minister said 8.8 million hectares of land have burnt.", "8.8 million hectares", "land burnt", "burned"),
    ("About 2 million hectares of boreal forest were scorched.", "About 2 million hectares", "boreal forest scorched",
     "burned"),
    # ... but not a name's: "Smith was 45" is no count of anything named
    ("Smith was 45 when he joined the board.", "45", None, None),
    ("The airline reported a net loss of $900m.", "$900m", "net loss", None),
    ("He was sentenced to 15 years in prison.", "15 years", "length of sentence", "duration"),
    # a share's whole with what it underwent or is in
    ("About 75% of the houses were destroyed.", "About 75%", "share of the houses destroyed", "share"),
    ("Half of Yemen's population is without power.", "Half", "share of Yemen's population without power", "share"),
    # members of a named group take its name
    ("The army said it killed 45 fighters from the Islamic State group (IS) overnight.", "45", "IS fighters killed",
     "killed"),
    ("About 2,000 workers from Ford walked out.", "About 2,000", "Ford workers", None),
    # a bare figure after a counting verb counts what the sentence's verb says
    ("Tens of thousands rallied in Rome, where police counted 30,000.", "30,000", "people rallied", "protesters"),
    ("The cyclone forced the evacuation of 200,000 people.", "200,000", "people evacuated", "displaced"),
    # "those" with a participle is people
    ("Nearly 60% of those evacuated have returned home.", "Nearly 60%", "share of evacuated people", "share"),
    # -- identified: the verb qualifies a generic "people"; a partitive gives it to the part only --
    ("Maui County has publicly identified 55 people after notifying their families.",  # maui-08
     "55", "people publicly identified", "identified"),
    ("The identities of three people have been confirmed so far.", "three", "people identified", "identified"),
    ("They said 74 of the 97 victims have been identified.", "74", "victims identified", "identified"),  # maui-09
    ("They said 74 of the 97 victims have been identified.", "97", "victims", "killed"),  # the whole: all victims
    ("Only six of the victims have so far been publicly identified.", "Only six", "victims identified", "identified"),
    ("Police arrested 300 people on Sunday.", "300", "people arrested", "arrested"),
    # -- a restatement after "stands at" counts what the figure it repeats counted --------------
    ("The number of fatalities from the fire remains at 115 this week. \u201cOur heartache stands at 115 now,\u201d "
     "he said.", "115#2", "fatalities", "killed"),  # maui-07
    # a change "by" a figure is the change of the measure named before it; the level after "to" is not
    ("The death toll for the wildfire has increased by one, to 99, after police found more remains.",  # maui-10
     "one", "increase in death toll", "killed"),
    ("The death toll for the wildfire has increased by one, to 99, after police found more remains.",
     "99", "people killed", "killed"),
    ("Police said arrests rose by 40, to 250, on Sunday.", "40", "increase in arrests", "arrested"),
    # a collective noun before "of N" with nothing after: its members
    ("It was obviously a family of 4, in the car.", "4", "family", None),  # maui-01
    # -- durations ---------------------------------------------------------------------------------
    ("Survivors said it took two minutes for the shaking to stop.", "two minutes",  # eq-01
     "duration of the shaking", "duration"),
    ("The strike lasted 12 days, union leaders said.", "12 days", "duration of the strike", "duration"),
    ("In Syria, already devastated by nearly 12 years of civil war, aid is scarce.", "nearly 12 years",
     "duration of civil war", "duration"),
    # "for N" after something that lasts; a verb of staying or serving names its length
    ("Rebels kept up the siege for nearly three months.", "nearly three months", "duration of siege", "duration"),
    ("Visitors may stay in Canada for six months without a visa.", "six months", "length of stay", "duration"),
    ("She served for 11 years before retiring.", "11 years", "length of term", "duration"),
    ("Prices are at their highest level for 15 years.", "15 years", "time", "duration"),  # no event lasts here
    # "the N mark" names a level of the measure the sentence speaks of, not a thing counted
    ("Officials fear the death toll could pass the 4,000 mark.", "4,000", "people killed", "killed"),
    # a hyphenated duration before a noun is the length of what the noun names
    ("The rebels lifted a seven-week siege of the port on Sunday.", "seven-week", "duration of siege", "duration"),
    ("The 36-hour strike ended in a pay deal.", "36-hour", "duration of strike", "duration"),
    # "over N" spreads the sentence's money
    ("The city will pay the contractor £4m a year over ten years.", "ten years", "period of payment per year",
     "duration"),
    ("Over the course of three years, the region plans to spend $2bn on roads.", "three years",
     "period of spending", "duration"),
    # -- money: what it is for or of; the measure stays the verb's or noun's -------------------------
    ("Already, about \u00a31.5m has been spent on legal costs for the scheme.", "about \u00a31.5m",  # rw-02
     "legal costs", "spent"),
    ("The UK also expects to spend \u00a328m on set-up costs, \u00a312.6m on training escorts for deportations "
     "next year, as well as \u00a31m a year on staff costs.", "\u00a328m", "set-up costs", "spent"),  # rw-05
    ("The UK also expects to spend \u00a328m on set-up costs, \u00a312.6m on training escorts for deportations "
     "next year, as well as \u00a31m a year on staff costs.", "\u00a312.6m", "training escorts", None),
    ("The UK also expects to spend \u00a328m on set-up costs, \u00a312.6m on training escorts for deportations "
     "next year, as well as \u00a31m a year on staff costs.", "\u00a31m", "staff costs per year", None),
    ("The scheme was costing \u00a3120m in payments to Rwanda for its economic development.", "\u00a3120m",
     "payments to Rwanda", "cost"),  # rw-02
    ("A further \u00a350m will be given to Rwanda next year.", "A further \u00a350m", "payment to Rwanda", None),
    ("An extra \u00a320,000 will be paid to Rwanda for every asylum seeker relocated there.", "\u00a320,000",
     "payment to Rwanda per asylum seeker", "paid"),
    ("It will also spend as much as \u00a3150,874 on processing and operational costs for each asylum seeker.",
     "as much as \u00a3150,874", "processing and operational costs per asylum seeker", "spent"),
    ("The scheme will cost more, with \u00a3169,000 due to be spent on deporting each migrant.", "\u00a3169,000",
     "deporting each migrant", "spent"),
    ("The cost of rebuilding Lahaina is estimated at $6 billion.", "$6 billion", "cost of rebuilding Lahaina", "cost"),
    ("Insurers face a $6 billion bill for storm damage.", "$6 billion", "bill for storm damage", "cost"),
    ("The new stadium will cost $1.2bn.", "$1.2bn", "cost of new stadium", "cost"),
    ("An early estimate projects that $5.5 billion will be needed to repair damaged areas in West Maui.",
     "$5.5 billion", "cost to repair damaged areas", None),  # maui-08
    ("The council spent \u00a32m on road repairs last year.", "\u00a32m", "road repairs", "spent"),
    ("The government has allocated \u00a3500m for flood defences.", "\u00a3500m", "flood defences", None),
    ("The US will give Ukraine $2bn in military aid.", "$2bn", "military aid", "paid"),
    ("The budget includes $3bn for defence.", "$3bn", "defence", "budget"),
    ("Ministers expect a further \u00a350 million cost, which would bring the total to \u00a3290 million.",  # rw-01
     "\u00a3290 million", "total", "cost"),
    ("The government is committed to giving Rwanda another \u00a3120 million.", "another \u00a3120 million",
     "payment", "paid"),  # rw-06
    ("The war has cost Russia $200bn, analysts estimate.", "$200bn", "cost of war", "cost"),
    ("The storm caused $3bn in damage.", "$3bn", "damage", None),
    ("The government will invest \u00a32bn in new schools.", "\u00a32bn", "new schools", None),
    ("Payrolls rose by 150,000 in March.", "150,000", "jobs added", "jobs"),  # a rise in jobs is jobs added
    # -- prepositions and verbs after a bare figure are never what it counts ----------------------
    ("Police counted 12,000 marchers, against 30,000 according to the organisers.", "30,000", "marchers", None),
    ("About 5,000 people took to the streets of Athens on Sunday.", "About 5,000", "people in the streets",
     "protesters"),  # a verb phrase for marching, not "people took"
    # -- bracketed figures in a list count what the sentence's counted figure counts ---------------
    ("Some 20,000 protesters marched in London, with big crowds in Leeds (8,000), Bristol (6,500) and Cardiff "
     "(4,000 according to police).", "4,000", "protesters marched", "protesters"),
    ("Retailers cut jobs in several areas, including clothing (12,000) and electronics (8,500).", "8,500",
     "jobs in electronics", "jobs"),  # a common-noun label is the category the figure is in
    ("Police said 12 people were hurt. Sarah Jones (34) was arrested at the scene.", "34", None, None),  # an age
    # -- percentages take the rate noun of their clause --------------------------------------------
    ("The jobless rate rose from 5.1% to 5.4% in March.", "5.1%", "unemployment rate", "unemployment"),
    ("Inflation eased to 2.9% in June.", "2.9%", "inflation rate", "inflation"),
    ("The bank kept its 2% inflation target.", "2%", "inflation target", None),  # a target, not inflation
    ("In May, the survey showed 4.8% unemployment.", "4.8%", "unemployment rate", "unemployment"),
    # a price index names its inflation rate; RPI is another measure than CPI
    ("The consumer price index rose 2.8% in the year to March.", "2.8%", "CPI inflation rate", "inflation"),
    ("RPI inflation held at 4.1% last month.", "4.1%", "RPI inflation rate", "rpi inflation"),
    # a conjunction after the figure is no counted thing: "the number" is the count named before
    ("The ministry said 300 people had died. Officials later put the number at 250 although others differ.",
     "250", "people killed", None),
    # a cue inside a longer one takes the longer one's measure: "job growth" is jobs, not growth
    ("Job growth for May was revised down to 70,000 from 95,000.", "95,000", "job gains", "jobs"),
    # consumer prices that rise by a percentage are the inflation rate, not a cost
    ("Consumer prices rose 3.1% in October from a year earlier.", "3.1%", "consumer prices", "inflation"),
    # "it" after a copula with modals and reporting words between: the measure named before it
    ("Wholesale CPI was first put at 2.2% but statisticians now say it should have been 2.0%.", "2.0%",
     "CPI inflation rate", "inflation"),
    ("Inflation hit 4% in May. Later the agency said it had been stated as being 4.2% by mistake.", "4.2%",
     "inflation rate", "inflation"),  # nothing in its sentence: the rate the article reported last
    ("Some 40% of voters backed the plan; it was 30% a year ago.", "30%", "share of voters", "share"),
    # an alternative counts what the figure before it counts
    ("The jobless rate was published as 5.1% instead of 4.9%.", "4.9%", "unemployment rate", "unemployment"),
    ("Officials counted 1,200 protesters rather than 2,000.", "2,000", "protesters", "protesters"),
    # burials are their own measure, even of a whole counted as the dead (its counted thing stays)
    ("The death toll rose to 900, and 610 of them were buried, officials said.", "610", "people killed", "buried"),
    # a figure that takes an earlier figure's counted thing takes what it measured too
    ("The union said 40,000 people took to the streets, while police counted 12,000.", "12,000",
     "people in the streets", "protesters"),
    # the value a change started from is the quantity the change reached, whatever comes between
    ("Inflation rose to 6.4% in May from April's 5.9%, the statistics office said.", "5.9%", "inflation rate", "inflation"),
    ("The unemployment rate fell to 4.1% in June, down from 4.3%.", "4.3%", "unemployment rate", "unemployment"),
    # ... and an old value that names its own rate keeps it
    ("Food inflation rose to 12% from 9% while core inflation fell to 5% from 6%.", "9%", "food inflation", None),
    # a published figure's error is an overstatement or understatement of its measure
    ("The error meant GDP growth was understated by 0.3 percentage points.", "0.3 percentage points",
     "understatement of GDP growth", "growth"),
    ("Unemployment was 0.2 percentage points too high in the first release.", "0.2 percentage points",
     "overstatement of unemployment", "unemployment"),
    ("A coding slip led to the bureau overestimating the death toll by 40.", "40", "overstatement of death toll",
     "killed"),
    # a forecast or target of the measure named before it
    ("Inflation came in above the 2.1% market consensus.", "2.1%", "market inflation consensus", "inflation"),
    ("Unemployment rose to 5%, against 4.8% expected by analysts.", "4.8%", "unemployment expected",
     "unemployment"),
    # -- pay, sectors and revisions -------------------------------------------------------------------
    ("Average hourly earnings rose 10 cents to $30.10.", "$30.10", "average hourly earnings", "wages"),
    ("Employment in manufacturing fell by 8,000 in May.", "8,000", "jobs lost in manufacturing", "jobs"),
    ("The statistics office revised March's figure down by 12,000.", "12,000", "downward revision", None),
    ("Car sales were 4,000 more than previously estimated.", "4,000", "revision", "sales"),
    # the levels after a revision are levels of the revised measure, not revisions
    ("The BLS revised payrolls up by 72,000, changing July from 89,000 to 144,000.", "72,000", "upward revision",
     "jobs"),
    ("The BLS revised payrolls up by 72,000, changing July from 89,000 to 144,000.", "144,000", "jobs", "jobs"),
    ("Forecasts were revised higher, boosted by 12,000 new subscribers.", "12,000", "subscribers", None),
    # a price base is not what the money is for
    ("The bridge will cost \u00a32.1bn in 2020 prices.", "\u00a32.1bn", "cost of bridge", "cost"),
    # nothing better than the plain word: the whole programme, a list of purposes, a year
    ("Ministers had intended to spend \u00a310bn on the policy.", "\u00a310bn", "spending", "spent"),
    ("Cooper said \u00a3700 million had already been wasted on unused charter flights, payments to Rwanda, and "
     "civil servant labour.", "\u00a3700 million", "money spent", "spent"),  # rw-10
    ("The Government spent a further \u00a3100 million in the 2023-24 financial year.", "a further \u00a3100 million",
     "money spent", "spent"),  # rw-01
    # a verb right before the amount (or its recipient) says what the money is
    ("The club bet its fans $500 that the stadium would open on time.", "$500", "bet", "bet"),
    ("The watchdog fined the airline €12m for delays.", "€12m", "fine", "fine"),  # a reason, not a purpose
    ("The ministry has already sent the province $80m.", "$80m", "payment", "paid"),
    ("The state owes its contractors £3.2bn.", "£3.2bn", "debt", "debt"),
    ("The bank lent the council £5m for new buses.", "£5m", "new buses", "loan"),  # a purpose says more
    # a change with no measure noun: the subject of the change verb (the claim marks the change)
    ("Exports jumped 12% in March from a year earlier.", "12%", "exports", None),
    ("Average rents fell by 2.5% over the year.", "2.5%", "average rents", None),
    # a price per unit; a value by the words before it
    ("Brent crude climbed to $84 a barrel.", "$84", "price per barrel", None),  # "crude" is no cue: the price is
    ("Copper prices hit $9,800 a tonne on Monday.", "$9,800", "price per tonne", "cost"),
    ("The start-up was valued at $4bn in its latest funding round.", "$4bn", "valuation", "valuation"),
    ("The manuscript sold for £1.1m at auction.", "£1.1m", "sale price", None),
    ("The council agreed to put another £8m into the fund.", "another £8m", "payment", "paid"),
    # an amount named only as "the figure" or "the number" restates the article's last amount
    ("The bridge has cost £200m. Critics call the £450m figure quoted by the mayor a fantasy.",
     "£450m", "cost of bridge", "cost"),
    ("The repairs cost £12m, officials said. The real number was closer to £20m, engineers say.",
     "£20m", "cost of repairs", "cost"),
    ("The trade gap widened by 1.5 percentage points.", "1.5 percentage points", "trade gap", None),
    ("Imports rose fourfold in a decade.", "fourfold", "increase factor of imports", "multiplier"),
    # a price is not spending: "in after-hours trading" names no purpose
    ("Its shares fell 4% to $278.40 in after-hours trading.", "$278.40", "share price", "share price"),
    # a sector is what gains or loses jobs before a jobs verb; the whole economy or an actor is none
    ("Health care added 41,000 jobs in May, while construction added 12,000.", "41,000", "jobs in health care", "jobs"),
    ("Health care added 41,000 jobs in May, while construction added 12,000.", "12,000", "jobs in construction", "jobs"),
    ("Manufacturing lost 9,000 jobs last month.", "9,000", "jobs in manufacturing", "jobs"),
    ("Leisure and hospitality gained 17,000 jobs.", "17,000", "jobs in leisure and hospitality", "jobs"),
    ("Employers added 210,000 jobs in May.", "210,000", "jobs", "jobs"),
    ("The company cut 2,000 jobs in May.", "2,000", "jobs", None),
    # sentences and abductions are measures of their own, not deaths or a crowd
    ("Courts have handed down 12 death sentences so far.", "12", "death sentences", "sentenced"),
    ("Seven protesters were sentenced to death.", "Seven", "protesters sentenced", "sentenced"),
    ("At least 40 people were kidnapped.", "At least 40", "people kidnapped", "abducted"),
    # the verb a counted noun shares past an aside or a coordinated count
    ("At least 240 people, including 31 children, have been killed.", "At least 240", "people killed", "killed"),
    ("At least 160 people and 23 children have been killed.", "At least 160", "people killed", "killed"),
    ("More than 400 people, among them 30 women, were arrested.", "More than 400", "people arrested", "arrested"),
    # a part of a whole named in the sentence before ("N of them were children")
    ("Over 4,000 refugees crossed the border. Officials said 1,300 of them were children.", "1,300", "children", None),
    # a verb of what was done to people before a counted noun outweighs the noun's own measure
    ("Police killed 23 protesters during the march.", "23", "protesters killed", "killed"),
    ("Security forces detained 310 demonstrators.", "310", "demonstrators detained", "arrested"),
    ("About 5,000 protesters marched on Friday.", "About 5,000", "protesters marched", "protesters"),
    # a category in a list, its figure in brackets with a noun of its own or bare
    ("Gains came in retail (31,000 jobs), government (12,000) and mining (4,000).", "31,000", "jobs in retail", "jobs"),
    ("Gains came in retail (31,000 jobs), government (12,000) and mining (4,000).", "12,000", "jobs in government", "jobs"),
    ("Acme added 3,000 jobs in May.", "3,000", "jobs", None),
    # an -ing word that opens no noun phrase ("having been") once crashed the -ing clause reader
    ("The clinic counted 410 patients, with 130 having been discharged on Sunday.", "130", "patients", None),
]


def _claim(text: str, figure: str):
    span, _, nth = figure.partition("#")
    claims = [c for c in extract_claims(Article(id="t", text=text, outlet="Example Wire",
                                                published=date(2024, 3, 1))).claims if c.span == span]
    assert claims, f"no claim {span!r} in: {text}"
    return claims[int(nth or 1) - 1]


@pytest.mark.parametrize(("text", "figure", "entity", "measure"), CASES,
                         ids=[f"{c[1]}:{c[2]}" for c in CASES])
def test_entity_and_measure(text, figure, entity, measure):
    claim = _claim(text, figure)
    assert claim.entity == entity
    if measure is not None:
        assert claim.measure == measure


@pytest.mark.parametrize(("text", "figure", "entity", "measure"), [c for c in CASES if c[2]],
                         ids=[f"{c[1]}:{c[2]}" for c in CASES if c[2]])
def test_entity_is_short_without_leading_article(text, figure, entity, measure):
    got = _claim(text, figure).entity
    assert len(got.split()) <= 7 and got.split()[0].lower() not in ("the", "a", "an")


@pytest.mark.parametrize(("text", "figure", "entity"), [
    ("The storm killed people in six US states.", "six", "US states"),
    ("Hurricane Mira killed at least 23 in four states.", "four", "states"),
    ("The floods hit 12 southern provinces.", "12", "southern provinces"),
])
def test_a_count_of_regions_counts_the_regions_not_the_dead(text, figure, entity):
    # "killed people in six states": six is how many states, never a toll to compare with tolls
    claim = _claim(text, figure)
    assert (claim.entity, claim.measure) == (entity, None)


@pytest.mark.parametrize(("text", "figure", "entity"), [
    # a year between the noun and "of" is when, not what: "premiums in 2022 of £6bn"
    ("The insurer had gross written premiums in 2022 of more than 6 billion pounds.", "more than 6 billion pounds",
     "premiums"),
    # a past tense without -ed ends the noun after the figure
    ("The 985-foot ship lost power as it left the harbour.", "985-foot", "ship"),
    ("Some 300 buildings fell in the quake.", "Some 300", "buildings"),
    # adverbs between what costs and "cost" are no part of it
    ("The port closure alone will probably cost roughly $50m per day.", "roughly $50m", "cost of port closure per day"),
    # a spelled count after "the" re-identifies things ("the two countries") unless a word of counting
    # follows it: "the six missing people" counts the missing
    ("The six missing people who plunged into the water are presumed dead.", "six", "people missing"),
    ("The three injured workers were taken to hospital.", "three", "people injured"),
    # a nationality after an adjective goes on with the noun phrase; "of its" reaches the counted noun
    ("Over 100,000 ethnic Armenians left the enclave within a week.", "Over 100,000", "ethnic Armenians"),
    ("Norland said 192 of its soldiers were killed.", "192", "soldiers killed"),
    # the level a change reached is the changed thing's, past a comparison base ("year on year")
    ("Exports fell 3.2% year on year to $250 billion.", "$250 billion", "exports"),
    ("Exports rose to $250 billion.", "$250 billion", "exports"),
    # ages in a list of people, between a comma and a semicolon
    ("Crews recovered the bodies of Ana Ruiz, 35; Jo Lind, 41; and Kim Vale, 26, last week.", "41", "age of Jo Lind"),
])
def test_entity_past_what_is_not_the_noun(text, figure, entity):
    assert _claim(text, figure).entity == entity


@pytest.mark.parametrize(("text", "figure", "measure"), [
    # a list of counts shares the verb after its last item
    ("At least 14 Malaysians, 165 Indonesians, 68 Jordanians and 98 Indians have died.", "At least 14", "killed"),
    ("Officials report that at least 41 Jordanians, 35 Tunisians, and 11 Iranians have passed away.", "35", "killed"),
    # a part of the figure before ("That figure included ...") counts what it counted
    ("Some 550 pilgrims died. That figure included 323 Egyptians and 60 Jordanians.", "323", "killed"),
    ("Some 550 pilgrims died. That figure included 323 Egyptians and 60 Jordanians.", "60", "killed"),
    # a count coordinated after one with its place between counts the same ("23 in X and 11 in Y")
    ("At least 56 people were killed, including 23 people in Ohio and 11 in Iowa.", "11", "killed"),
    # ... also when a count of the regions stands between ("across five states, including 23 in Ohio")
    ("At least 56 people were killed across five states, including 23 people in Ohio and 11 in Iowa.", "23", "killed"),
    ("Regrettably, the number of mortalities reached 1,301, the agency said.", "1,301", "killed"),
    # a place's count in brackets is no person's age ("North Carolina (73)")
    ("Deaths have been reported in six states: North Carolina (73), South Carolina (36).", "73", "killed"),
    # a bulleted list counts what its heading names
    ("The toll rose.\n\nHere's the breakdown of deaths by state:\n- North Carolina: 56 people\n- Ohio: 33 people",
     "33", "killed"),
    ("Roads:\n- Ohio: 33 closed\n\nThe breakdown of deaths by state:\nThe storm passed.\n- Iowa: 12 buses", "12",
     None),
    # ... but a list with no verb of its own, or one whose verb is after a preposition, takes none
    ("The firm has 500 staff, 20 offices and 3 plants.", "20", None),
    ("The agency has provided 95,000 tarps, 150 ambulances and 30 generators to areas affected by the storm.", "150",
     None),
])
def test_listed_counts_share_the_list_verb(text, figure, measure):
    assert _claim(text, figure).measure == measure
