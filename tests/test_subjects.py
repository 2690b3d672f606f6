"""What a figure is about: its subject. The comparator groups claims by subject, so one quantity
must get one subject (in every article that reports it) and two quantities must not share one.

Each case is a small article (an optional title, then text), the span of one figure and the
subject expected for it. Earthquake and wildfire rows are paraphrases of dev-corpus sentences;
the protest, economy, flood and war rows are written for these tests.
"""
from __future__ import annotations

from datetime import date

import pytest

from figures.claims import extract_claims
from figures.records import Article

PAIR_LEAD = "A powerful earthquake hit Turkey and Syria on Monday, levelling buildings. "

CASES = [
    # 1. coordinated places are one subject, canonical names in the order written
    (None, "The death toll from earthquakes in Turkiye and Syria has soared above 9,600.", "above 9,600",
     "Turkey and Syria"),
    (None, "The death toll from the earthquake that jolted Turkey and Syria is now at least 15,383 people.",
     "at least 15,383", "Turkey and Syria"),
    (None, "Floods in Pakistan and India have killed 1,200 people since June.", "1,200", "Pakistan and India"),
    (None, "Police said 12,000 people marched in Paris and Lyon on Saturday.", "12,000", "Paris and Lyon"),
    (None, "Casualties in Gaza and Israel rose to 3,000 on Sunday.", "3,000", "Gaza and Israel"),
    # the article's own order wins when the sentence names its pair the other way round
    ("Quake toll in Turkey and Syria passes 20,000",
     "Officials said the death toll in Syria and Turkey could top 20,000.", "could top 20,000", "Turkey and Syria"),
    # a list of places is where a figure was counted, not a pair
    (None, "The government confirmed 812 dead in Aleppo, Latakia, Hama and Tartus.", "812", None),
    # 2. "both countries", "the two countries", "combined" -> the article's pair
    (None, PAIR_LEAD + "More than 5,000 deaths have been confirmed in both countries.", "More than 5,000",
     "Turkey and Syria"),
    (None, PAIR_LEAD + "With Syria's latest toll of 5,914, the combined death toll in the two countries rose "
     "to above 50,000.", "above 50,000", "Turkey and Syria"),
    (None, PAIR_LEAD + "With Syria's latest toll of 5,914, the combined death toll in the two countries rose "
     "to above 50,000.", "5,914", "Syria"),
    # an article that names one country in its lead but both in its body
    (None, "The death toll in Turkey rose again on Thursday. Rescuers in Turkey and Syria kept digging. "
     "From Syria 3,577 deaths were reported, bringing the total death toll in the two countries to 17,591.",
     "17,591", "Turkey and Syria"),
    (None, "Strikes in France and Germany halted trains on Monday. Unions said 40,000 workers walked out "
     "across the region.", "40,000", "France and Germany"),
    # 3. a place in the figure's own clause beats "total" and the article's pair
    (None, PAIR_LEAD + "The total number of deaths has now reached 2,992 in Syria.", "2,992", "Syria"),
    (None, PAIR_LEAD + "In Syria, already devastated by years of civil war, the total number of deaths rose "
     "to 3,162 on Thursday.", "3,162", "Syria"),
    (None, PAIR_LEAD + "The health ministry confirmed 1,347 deaths, bringing the total loss of lives to at "
     "least 5,647 in Syria so far.", "at least 5,647", "Syria"),
    (None, PAIR_LEAD + "Some 5,775 buildings were destroyed in southern Turkey.", "Some 5,775", "Turkey"),
    # 4. "the country's" takes the country the sentence named (a demonym counts)
    (None, PAIR_LEAD + "Turkish President Recep Tayyip Erdogan said the country's death toll had reached "
     "14,351.", "14,351", "Turkey"),
    # a national official's figure with no place, in a story about two countries
    (None, PAIR_LEAD + "Turkish President Recep Tayyip Erdogan visited the region. Erdogan said 6,400 "
     "buildings had been destroyed.", "6,400", "Turkey"),
    # 5. no place in the sentence: the article's main subject, the pair when the lead names one
    (None, PAIR_LEAD + "The toll, which currently stands at more than 3,000 people, has increased rapidly.",
     "more than 3,000", "Turkey and Syria"),
    ("Turkey earthquake toll rises", "An earthquake struck southern Turkey on Monday. The toll now stands at "
     "more than 3,000 people.", "more than 3,000", "Turkey"),
    (None, "The US economy added 250,000 jobs in October, the Labor Department said.", "250,000", "United States"),
    # the nationals a figure counts are its subject, wherever they died; not when they are among a place's dead
    (None, "At least 40 Malaysian pilgrims died of heatstroke in Mecca, officials said.", "At least 40", "Malaysia"),
    (None, "Some 25 Malaysians have died in the heat in Mecca.", "Some 25", "Malaysia"),
    (None, "Five Americans were among those killed in Turkey.", "Five", "Turkey"),
    # "N from X" in a count's breakdown: where those counted are from, listed or not
    (None, "The dead included 12 from Lusaka and five from Chinsali Mpika.", "five", "Chinsali Mpika"),
    # in an article that names no place, a national body's figure is its country's
    ("Jobs report", "Payrolls rose by 90,000 in May, the Bureau of Labor Statistics said.", "90,000", "United States"),
    ("Inflation data", "Annual inflation eased to 3.1%, INDEC said on Thursday.", "3.1%", "Argentina"),
    # of a move from one place to another, the place reached counts the arrivals
    (None, "Some 40,000 people crossed the border from Chile to Peru on Monday.", "Some 40,000", "Peru"),
    # a month that owns a statistic names its period, not what it is about
    (None, "Peru's economy grew. July's job gains came in lower than the 90,000 jobs added in June.", "90,000", "Peru"),
    # a much-reported region is one place under its spellings
    (None, "Officials in Nagorno-Karabakh said 70 people were missing.", "70", "Nagorno-Karabakh"),
    (None, "In Karabakh, 70 people were missing.", "70", "Nagorno-Karabakh"),
    # a place that opens the sentence with a relative clause on it is the main clause's subject
    (None, "Chile reported 30 deaths. Peru, which sent 9,000 pilgrims, raised its toll to 41.", "41", "Peru"),
    # 6. a local event's whole-event counts take the place whose local authority speaks for it
    ("Death toll in Lahaina wildfire rises to 99",
     "The death toll in the fire-ravaged town of Lahaina rose to 99 on Monday as Maui County police "
     "continued the search.", "99", "Maui"),
    ("850 people still missing after Maui wildfires",
     "As of Monday, 850 people are still listed as missing after the Lahaina wildfire, Hawaii officials "
     "said. Maui County police asked relatives to come forward.", "850", "Maui"),
    # a figure with no place in a local event's article: the event's place, not the town in the title
    ("Death toll in Lahaina wildfire rises to 99",
     "The death toll in the town of Lahaina rose to 99 as Maui County police searched. Some 20 cadaver dogs "
     "are now on the ground.", "Some 20", "Maui"),
    # ... but not the figures about one part of it that the clause places
    ("Death toll in Lahaina wildfire rises to 99",
     "Maui County police said on Monday that 2,200 buildings were destroyed in Lahaina.", "2,200", "Lahaina"),
    # 7. a city named as the figure's scene is its subject; a capital as a scene is the city, not its country
    (None, "Strikes spread across France. In Berlin, 12,000 people marched, police said.", "12,000", "Berlin"),
    (None, "Strikes spread across Spain. In Valencia, the city hall counted 9,500 marchers.", "9,500", "Valencia"),
    (None, "Farmers protested across Italy. The Rome police headquarters counted 8,000 tractors.", "8,000", "Rome"),
    ("Teachers strike across Germany", "Teachers walked out in Berlin on Tuesday. Unions said 30,000 marched "
     "in the capital, against 18,000 a month ago.", "18,000", "Berlin"),
    (None, "Fans filled the streets of England. Organisers counted 60,000 people in the Londoner parade.", "60,000",
     "London"),
    # ... but a capital that acts stands for its country
    (None, "Tensions rose on the peninsula. Pyongyang said 500 soldiers were deployed.", "500", "North Korea"),
    # each item of a parenthesised list takes the name right before its parenthesis
    (None, "Turnout rose across Italy, notably in Turin (14,000 to 30,000), Bologna (from 9,000 to 21,000) "
     "and Naples (7,200).", "21,000", "Bologna"),
    (None, "Sales rose in Europe, led by Norway (12%) and Denmark (9%).", "9%", "Denmark"),
    (None, "Strikes hit Spain on Monday; the union counted 6,000 on Saturday (4,000 a week earlier).", "4,000", "Spain"),
    # a "where" clause opens on the place it describes
    (None, "Flooding hit Germany hard. The damage was worst at Erftstadt, where firefighters rescued 170 "
     "residents, against 40 the day before.", "40", "Erftstadt"),
    # a sentence without a figure that sets the scene ("First in Madrid.") places the paragraph's next figures
    (None, "Marches were held across Spain on Sunday.\n\nFirst in Madrid. Some 90,000 people marched, the union "
     "said.", "Some 90,000", "Madrid"),
    # 8. a glued typo in one word is no new place: "Madridthe" is Madrid
    (None, "Protests grew across Spain. A Madridthe police spokesman counted 5,000 marchers.", "5,000", "Madrid"),
    # 9. an organisation that reports a figure is not its subject
    ("US economy adds 200,000 jobs", "The US economy added 200,000 jobs in May. The BLS also revised the "
     "previous two months by a total of 31,000.", "a total of 31,000", "United States"),
    # 10. an unlisted name of several words after a locative is one place, particles included
    (None, "Gunmen killed 23 villagers near Kaura Namoda on Tuesday.", "23", "Kaura Namoda"),
    (None, "Storms left 3,000 families homeless in Ciudad del Este, officials said.", "3,000", "Ciudad del Este"),
    (None, "Police said 9,000 people marched through central Nairobi.", "9,000", "Nairobi"),  # a capital as scene
    # ... a name with a region noun, however many words it has, is that region
    (None, "Torrential rain in Santa Catarina state has forced 8,000 people from their homes.", "8,000",
     "Santa Catarina"),
    # 11. a settlement or area noun introduces a place ("the city of X", "west of X")
    (None, "Flooding in the coastal city of Beira destroyed 9,000 houses.", "9,000", "Beira"),
    (None, "Landslides buried 40 homes in the hill town of Mabira.", "40", "Mabira"),
    # 12. "the city", "the town" refer to the last city or town the article named (an apposition names one)
    (None, "Rebels entered Kalemie, the capital of Tanganyika, on Monday. Aid groups said 300 people were "
     "wounded in the city.", "300", "Kalemie"),
    (None, "Fighting resumed in Kismayo on Sunday.\n\nThe army said 45 fighters were killed north of the town.",
     "45", "Kismayo"),
    # 13. a short aside in brackets does not end the figure's clause
    (None, "Some 70 members of the Allied Democratic Forces (ADF) were killed in Beni.", "Some 70", "Beni"),
    # 14. a figure in a participial clause counts what happened in the main clause's scene
    (None, "A powerful cyclone battered coastal Mozambique on Sunday, killing at least 60 people.", "at least 60",
     "Mozambique"),
    (None, "Gunmen attacked a market west of Maiduguri, killing 19 traders.", "19", "Maiduguri"),
    (None, "The storm hit Tacloban, leaving 5,000 homeless.", "5,000", "Tacloban"),
    # 15. an apposition that makes the figure a share of a place's whole names that place
    (None, "Some 6 million people, a third of Haiti's population, need aid.", "Some 6 million", "Haiti"),
    (None, "Nearly 9 million people - half of Somalia's population - face hunger.", "Nearly 9 million", "Somalia"),
    # 16. a demonym that modifies what the clause measures stands for its country ...
    (None, "Norwegian inflation eased to 3.9% in March.", "3.9%", "Norway"),
    (None, "The Kenyan shilling lost 4% against the dollar on Friday.", "4%", "Kenya"),
    # ... but not one that names who acted or who speaks
    ("Strikes on Gaza kill dozens", "Israeli strikes killed 31 people on Tuesday, medics said.", "31", "Gaza"),
    # 17. a place that owns the speaking body, past a possessive and modifiers, is the subject
    (None, "Floods swept the Sahel. Niger's interior ministry said 54 people had died.", "54", "Niger"),
    (None, "Heavy rain fell for days. The Somali disaster agency said 50 people died.", "50", "Somalia"),
    # ... and the place of "officials in X said" is where they serve
    (None, "Officials in Kandahar said 120 shops were burned.", "120", "Kandahar"),
    # 18. a place in the main clause is not the scene of a figure in an "as ..." clause of its own
    ("Strikes spread across Spain", "Strikers in Bilbao blocked the port as the union said 8,000 workers joined "
     "the walkout.", "8,000", "Spain"),
    # 19. a capital with an area noun is the region ("Kabul province"), not the city or its country
    ("Afghan floods", "Flash floods in Kabul province destroyed 600 homes, officials said.", "600", "Kabul"),
    # 20. asides between dashes or after ", including" do not end the figure's clause
    (None, "About 2 million people – nearly half of those displaced – have fled the besieged capital Sanaa.",
     "About 2 million", "Sanaa"),
    (None, "Eleven people were killed and 30 others hurt, including children, in a blast in the town of Quetta.",
     "30", "Quetta"),
    # 21. a share of a place's whole takes the place; a stretch of its war does not
    ("Drought grips Kenya", "Kenya has suffered drought for years.\n\nAid groups said 4 million people had "
     "been fed during the first 18 months of Somalia's crisis, when Nairobi opened its border.", "18 months",
     "Kenya"),
    # 22. a name that owns the noun a change verb follows is the figure's subject
    (None, "Prices kept rising. Ofwat's water bill cap will rise by 21% next year.", "21%", "Ofwat"),
    # ... but not a source that owns a claimant or document noun
    ("UK payments to Rwanda", "A report from Parliament's spending watchdog projected that £600m would be paid.",
     "£600m", "UK"),
    # 23. a pair that only says where the speakers work is not the story's pair
    ("Yemen war deaths higher than thought", "More than 40,000 people died in Yemen, according to researchers "
     "in Norway and Sweden.", "More than 40,000", "Yemen"),
    # 24. the whole event as the clause's subject is the story's, not the paragraph's last place's
    ("Yemen war deaths higher than thought", "The toll in Aden province reached 9,000. The war has forced "
     "4 million people from their homes.", "4 million", "Yemen"),
    # 25. the phrase that opens a sentence with "In", up to its comma, is the sentence's scene
    (None, "Drones hit power plants overnight. In the southern region of Odesa, 3 people died.", "3", "Odesa"),
    # 26. more settlement and area nouns: "the resort of X", "X camp"
    (None, "The storm battered the Caribbean resort of Punta Cana, where 4,000 tourists sheltered.", "4,000",
     "Punta Cana"),
    (None, "Cholera spread in Kakuma camp, where 1,200 cases were recorded.", "1,200", "Kakuma"),
    # 27. a place named only as a possessive still makes the article's main place
    (None, "Peru's government declared an emergency. Officials said 15 people died in the floods.", "15", "Peru"),
    # 28. an unlisted place in the title is the main place when no listed one is named
    ("Landslide buries 30 homes in Wayanad", "Rescuers dug through mud on Tuesday. At least 30 homes were "
     "buried, officials said.", "At least 30", "Wayanad"),
    # 29. a place that only says where observers work is not the figure's subject
    ("Sudan war deaths", "Fighting spread across Sudan. Research by US scholars puts the toll at 130,000.",
     "130,000", "Sudan"),
    # 30. a place name that modifies what the clause measures is its subject, like a demonym
    ("Bank of Canada holds rates", "Canada inflation eased to 2.9% in March, the statistics agency said.",
     "2.9%", "Canada"),
    # 31. a country that says a figure is its subject, even when the claimant is written "Israeli authorities"
    ("Gaza toll passes 30,000", "The toll in Gaza passed 30,000. Israel says 1,200 people were killed in the "
     "attack.", "1,200", "Israel"),
    # 32. an item of a list of places that ", with" follows owns the figure ...
    ("Quake kills 2,000 in Morocco", "Most deaths were in Al Haouz province, where 1,300 died, and Chichaoua, "
     "with 200.", "200", "Chichaoua"),
    # ... but not an object the sentence's subject acts on
    ("Troops sent abroad", "Pyongyang decided to send 10,000 troops to help Russia, with 2,000 already there.",
     "2,000", "North Korea"),
    # 33. a region a country's possessive introduces is the place, not the country
    (None, "Italy's Marche region lost 12,000 homes to the floods.", "12,000", "Marche"),
    (None, "Heat records fell as temperatures hit 49C in Pakistan's Jacobabad district.", "49C", "Jacobabad"),
    # 34. a "with" clause counts what happened in the main clause's scene
    ("Floods in Spain", "Spain's Valencia region was hit hardest, with 210 deaths.", "210", "Valencia"),
    # 35. a level verb after a place that modifies the measured noun ("the UK rate held at")
    (None, "Unemployment in Wales rose to 4.8%, while the UK rate held at 4.2%.", "4.2%", "UK"),
    # 36. "the Georgian capital" is the country's capital city
    ("Protests in Georgia", "Police detained 300 people in the Georgian capital on Sunday.", "300", "Tbilisi"),
    # 37. an apposition that gives a place's size is about that place
    (None, "Bukavu, a city of 1 million people, fell to the rebels.", "1 million", "Bukavu"),
    # 38. the scene of the clause before a semicolon is the scene of the clause after it
    ("Protests in Serbia", "Tens of thousands marched in Novi Sad on Saturday; police detained 40 people.", "40",
     "Novi Sad"),
    # 39. a sentence without a figure that puts the story somewhere places the paragraph's next figures ...
    ("Floods in Brazil", "Rivers burst their banks across Brazil.\n\nThe worst damage was in Porto Alegre. "
     "About 80,000 people have left their homes, officials said.", "About 80,000", "Porto Alegre"),
    ("Fighting in Sudan", "Fighting raged in Sudan.\n\nRebels attacked Nyala, the capital of South Darfur, "
     "on Monday.\n\nThey seized a camp in the city after clashes. At least 90 civilians were killed.",
     "At least 90", "Nyala"),
    # ... but a month is no place ("in April's figures")
    ("UK inflation revised", "Inflation in the UK was revised.\n\nThe error was in April's figures. The rate "
     "should have been 3.4%.", "3.4%", "UK"),
    # 40. an article that names no place: the name its title opens on, as the text writes it
    ("Rivian Deliveries Slip 8%", "Rivian delivered 13,588 vehicles in the quarter, the company said.",
     "13,588", "Rivian"),
    # 41. "In X," opening a clause after a semicolon is that clause's scene, not the sentence's first one
    ("Wildfires in South America", "In Bolivia, 40 people died; in neighbouring Paraguay, 6 died.", "6", "Paraguay"),
    # 42. "the province", "the region" refer to the last region named ("the state" is left alone: it often
    # means the government)
    ("Floods in India", "Floods hit Assam state hardest.\n\nIn the state, 60 people died.", "60", "India"),
    ("Floods in India", "Floods hit Kerala province hardest.\n\nIn the province, 60 people died.", "60", "Kerala"),
    # 43. a person named as the subject of a verb of doing, or "he"/"she" doing it, is the figure's subject ...
    ("Election in Ghana", "Voting ended in Ghana on Saturday. John Mahama won 56% of the vote, officials said.",
     "56%", "John Mahama"),
    ("Election in Ghana", "Voting ended in Ghana. John Mahama, who led the country before, returned to power, "
     "after he took 56% of the vote.", "56%", "John Mahama"),
    # ... but not a person who only says it
    ("Election in Ghana", "Voting ended in Ghana. John Mahama said turnout reached 60%.", "60%", "Ghana"),
    # 44. an ", including" aside that lists several items does not end the figure's clause
    ("Quake in Turkey", "Rescuers dug on. Some 9,000 workers, including medics, miners, and firefighters, are "
     "deployed in Malatya.", "Some 9,000", "Malatya"),
    # 46. a figure with no place of its own in a story about a named storm is the storm's; a storm of
    # the past the sentence names is that storm's; a missile named "Storm ..." names no storm
    ("Hurricane Mira toll rises", "The death toll from Hurricane Mira rose to 150 on Sunday, officials said.",
     "150", "Hurricane Mira"),
    ("Hurricane Mira toll rises", "Mira's toll reached 150, the worst since Hurricane Oskar, which killed 300 "
     "people. Mira made landfall on Friday.", "300", "Hurricane Oskar"),
    ("Strikes in Ukraine", "Ukraine fired Storm Shadow missiles at the base, killing 12 soldiers.", "12", "Ukraine"),
    # 47. a place inside an institution's name ("Bank of Japan", "University of Ohio") is not where a
    # figure is; a demonym before a measure in a title stands for its country
    ("Bank of England warns of recession", "The Bank of England raised rates. The UK economy is slowing. It "
     "forecast inflation would peak at 13% this year.", "13%", "UK"),
    ("Japanese inflation eases again", "Japanese inflation has slowed for a third month. The statistics bureau "
     "said consumer prices rose 2.4% in May.", "2.4%", "Japan"),
    ("Japanese strikes hit the port", "The storm reached Manila. The harbour authority said 12 cranes were damaged.",
     "12", "Philippines"),
    # 48. no name of one or two letters ("the 6.1 M earthquake"), nor a word a title-cased title
    # capitalises and the text writes small ("Province Dam Flood Toll Hits 30")
    ("Quake update", "After the 6.1 M earthquake in Al Hoceima Province, casualties rose. The national "
     "authorities said 630 people died.", "630", "Al Hoceima"),
    ("Mexico Dam Flood Toll Hits 30", "The toll from flooding after a dam burst rose to 30, officials said.", "30",
     "Mexico"),
    # 49. an item of a breakdown: the place right before a bare count, listed after another count
    ("Floods in Mexico", "The floods killed 716 people: Oaxaca 412, Chiapas (CHP) 206 and Guerrero 98.", "206",
     "Chiapas"),
    ("Floods in Mexico", "The floods killed 716 people: Oaxaca 412, Chiapas (CHP) 206 and Guerrero 98.", "98",
     "Guerrero"),
    ("Floods in Ecuador", "Of 90 deaths, Manabi has reported 40, Quito 30 and Cuenca 20.", "30", "Quito"),
    # 50. "Armenian-held", "Kremlin-appointed": who holds a place or put someone in office, never a place
    ("Flood in Abkhazia", "A Russian-appointed official said 12 people had died in Russian-held territory.", "12",
     "Abkhazia"),
    ("Flood in Abkhazia", "Nine residents of a Russian-occupied town have died, its Kremlin-appointed mayor said.",
     "Nine", "Abkhazia"),
    # 45. the place an event hit after the figure ("left 17,000 dead as it shook X") is the figure's
    ("Quake in Turkey", "Rescuers dug on. The 1999 quake left more than 17,000 dead as it shook Izmit.",
     "more than 17,000", "Izmit"),
    # 46. a listed name of five words, and a country written with "the", after the figure
    (None, "Officials reported 13,791 cases in the Democratic Republic of the Congo.", "13,791", "Congo"),
    (None, "Floods have displaced 9,000 people in the Philippines, officials said.", "9,000", "Philippines"),
    (None, "Congo has recorded 16,700 suspected cases of measles this year.", "16,700", "Congo"),
    (None, "The Republic of the Congo has recorded 300 cases of cholera.", "300", "Republic of the Congo"),
    # 50. a title's first word is capitalised whatever it is: "Forest fires" names no place called Forest
    ("Forest fires | Canada has its worst season", "About 5,000 firefighters have been deployed to fight the blazes.",
     "About 5,000", "Canada"),
    # 49. a place named as such is the subject, whatever newspaper reports it
    (None, "Floods in New York killed 3 people, the Washington Post reported.", "3", "New York"),
    # 48. a part's place ("including 400,000 in Paris") is not the scene of the figures after it
    ("Strikes in France", "Two million marched, including 400,000 in Paris, the union said, while the ministry "
     "counted 1.12 million.", "1.12 million", "France"),
    # 47. a company owning the staff counted, before the figure or after "of"; a country is no company
    (None, "Acme's 7,500 employees were told on Friday that 3,700 would go.", "3,700", "Acme"),
    (None, "The new owner fired about 3,700 of Acme's employees on Friday.", "about 3,700", "Acme"),
    (None, "About half of Acme's staff were laid off.", "About half", "Acme"),
    (None, "About half of Acme's workers were set to lose their jobs.", "About half", "Acme"),
    # a business story that names no place: its figures are about the company it names as one
    ("Layoffs continue", "The layoffs at Acme began on Friday. Managers were told that 3,700 would go.", "3,700",
     "Acme"),
    (None, "Germany's workers earned 5% more last year.", "5%", "Germany"),
    # ... and a company the article names as such, opening the sentence or naming the staff counted
    (None, "Acme's workforce has shrunk. Acme had roughly 7,500 employees before the cuts.", "roughly 7,500", "Acme"),
    (None, "Acme's workforce has shrunk. The new owner fired 3,700 Acme employees.", "3,700", "Acme"),
    (None, "The layoffs at Acme began on Friday. Acme had roughly 7,500 employees before the cuts.", "roughly 7,500",
     "Acme"),
    # 51. a total over several regions is the named storm's, not one region's nor the main place's ...
    ("Hurricane Mira hits Florida", "TAMPA, Fla. - Hurricane Mira swept through Florida. The toll has risen to at "
     "least 23 in four states, officials said.", "at least 23", "Hurricane Mira"),
    ("Hurricane Mira hits Florida", "Hurricane Mira swept through Florida. At least 56 people were killed across "
     "several states.", "At least 56", "Hurricane Mira"),
    ("Hurricane Mira hits Florida", "Hurricane Mira swept through Florida. A tally confirms 201 deaths across "
     "Georgia, Florida and Virginia.", "201", "Hurricane Mira"),
    ("Hurricane Mira hits Florida", "Hurricane Mira swept through Florida. Across the Southeast, the storm caused "
     "more than 215 deaths.", "more than 215", "Hurricane Mira"),
    # ... and a sentence that names the storm is about the storm in a state's paper too
    ("Hurricane Mira hits Florida", "Hurricane Mira swept through Florida. The death toll from Hurricane Mira now "
     "stands at 162.", "162", "Hurricane Mira"),
    # ... while a state's own figure stays the state's
    ("Hurricane Mira hits Florida", "Hurricane Mira swept through Florida. In Florida, 12 people died.", "12",
     "Florida"),
    # 52. a line labelled with a place, and a paragraph that is only a place's name (a section heading)
    ("Mira deaths by state", "Deaths by state:\n\n- Georgia: 25 people\n\n- Florida: 15 people", "15", "Florida"),
    ("Mira deaths by state", "Georgia: Gov. Ana Ruiz said at least 11 people had died in the state.", "at least 11",
     "Georgia"),
    ("Mira deaths by state", "The toll rose to 40 in Georgia.\n\nFlorida\n\nSeven deaths have been confirmed. A "
     "sign fell on a highway.", "Seven", "Florida"),
    # 54. a toll of a country's nationals is that country's, wherever they died
    ("Heat kills pilgrims", "The death toll among Tunisian pilgrims who performed the pilgrimage in Saudi Arabia "
     "has risen to 53.", "53", "Tunisia"),
    ("Heat kills pilgrims", "Egyptian deaths in Mecca reached 658, diplomats said.", "658", "Egypt"),
    # 55. a total over several countries is not the paragraph's last place's
    ("Heat kills pilgrims in Saudi Arabia", "Heat struck the pilgrims in Saudi Arabia.\n\nJordan said 41 of its "
     "citizens died. The new deaths bring the total reported so far by multiple countries to 577.", "577",
     "Saudi Arabia"),
    ("Heat kills pilgrims in Saudi Arabia", "Heat struck the pilgrims in Saudi Arabia.\n\nEgypt said 300 had died. "
     "Ten countries have reported a total of 1,081 deaths.", "a total of 1,081", "Saudi Arabia"),
    # 56. people visiting a place were counted there
    ("Egyptian pilgrims die in heat", "Egypt said 300 of its pilgrims had died. More than 500 people visiting Mecca "
     "for the pilgrimage have died.", "More than 500", "Mecca"),
    # 53. a company that does what the figure counts, by its short name or as "it" right after it is named
    (None, "Orbit Air Lines had a hard week. Orbit canceled about 1,200 flights on Friday, the worst in Canada.",
     "about 1,200", "Orbit Air Lines"),
    (None, "Orbit Air Lines had a hard week. On Friday, it canceled about 1,200 flights.", "about 1,200",
     "Orbit Air Lines"),
    (None, "Zenith Airlines flew on. Zenith was second, with 262 cancellations.", "262", "Zenith Airlines"),
    (None, "Orbit Air Lines has been the worst hit airline, canceling over 5,300 flights since Friday.", "over 5,300",
     "Orbit Air Lines"),
    (None, "Orbit Air Lines said it would sue. The airline cancelled 6,000 flights in six days.", "6,000",
     "Orbit Air Lines"),
]


@pytest.mark.parametrize("title,text,span,expected", CASES, ids=[c[2] + ":" + c[1][:40] for c in CASES])
def test_subject(title, text, span, expected):
    art = Article(id="t", text=text, title=title, outlet="Example Wire", published=date(2023, 2, 9))
    claims = [c for c in extract_claims(art).claims if c.span == span]
    assert claims, f"no claim with span {span!r}"
    if expected is None:
        assert " and " not in (claims[0].subject or "")
    else:
        assert claims[0].subject == expected


@pytest.mark.parametrize("text,span,location", [
    ("The death toll in rebel-held northwestern Syria is more than 4,300.", "more than 4,300", "rebel-held northwestern"),
    ("Some 5,775 buildings were destroyed in southern Turkey.", "Some 5,775", None),  # a direction is not a scope
    # who holds the part counted, before or after the noun
    ("Officials said 12 people had died in Georgian-held territory.", "12", "Georgian-held territory"),
    ("The toll rose to 30 in areas under rebel control, a monitor said.", "30", "areas under rebel control"),
])
def test_location_held_by(text, span, location):
    art = Article(id="t", text=text, outlet="Example Wire", published=date(2023, 2, 13))
    claim = next(c for c in extract_claims(art).claims if c.span == span)
    assert claim.location == location


@pytest.mark.parametrize("text, span, subject", [
    ("The UN said 60,229 people were injured in Region 100 on Monday.", "60,229", "Region 100"),
    ("Fighting in Sector 4 killed 12 people.", "12", "Sector 4"),
])
def test_a_numbered_name_is_one_place_and_its_number_no_figure(text, span, subject):
    claims = extract_claims(Article(id="t", text=text, outlet="Example Wire", published=date(2024, 10, 21))).claims
    assert [(c.span, c.subject) for c in claims] == [(span, subject)]


@pytest.mark.parametrize("title,text,span,not_subject", [
    # a title in Title Case capitalises every word: "Latest Round" after "In" is no place the text knows
    ("In Latest Round of Job Cuts, Acme Is Said to Lay Off at Least 200 Employees",
     "The carmaker laid off at least 200 of its employees on Saturday.", "at least 200", "Latest Round"),
    # a place in a newspaper's name is no subject, nor the article's main place
    (None, "The New York Times reports that nearly 1,200 employees have resigned.", "nearly 1,200", "New York"),
    # a place's possessive on a deed names who acted; the article's story is not about it
    (None, "As a result of the flooding caused by Georgia's destruction of the dam, ten people died, officials said.",
     "ten", "Georgia"),
    # a title's first word is capitalised whatever it is: "Dam" is no place where the text writes "dam"
    ("Dam flood toll rises", "After the dam burst, the river flooded the valley. Officials said ten people died.",
     "ten", "Dam"),
    # a storm named in a jobs report is no subject of its statistics
    ("Jobs report", "Employers added 90,000 jobs in July. Officials said Hurricane Oskar had no effect on the data.",
     "90,000", "Hurricane Oskar"),
    # a headline's name before a colon credits a source ("Rights Watch: ..."); it is not the story's subject
    ("Rights Watch: 12 died in protests", "Rights Watch has reported that 12 people died. Police arrested 300 people.",
     "300", "Rights Watch"),
])
def test_who_acted_and_a_capitalised_common_noun_are_no_subject(title, text, span, not_subject):
    art = Article(id="t", text=text, title=title, outlet="Example Wire", published=date(2023, 6, 9))
    claim = next(c for c in extract_claims(art).claims if c.span == span)
    assert claim.subject != not_subject
