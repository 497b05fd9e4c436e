"""Quantities read right, case by case: sentences in the styles of many news desks (pure).

Each case is (sentence, [(text, value, unit, kind), ...]). Conventions: a count's text runs to
its counted noun and its unit is that noun as written; money, percentages and measures end at
their unit; a range's value is its lower bound; years, times, ordinals, scores and numbers
that are names are no quantities. `benchmarks/quantities_eval.py` reports accuracy on it.
"""

from __future__ import annotations

import math

import pytest

from extract.extractors.claims.quantities import find_quantities

Expected = tuple[str, float | None, str | None, str]
M = 1e6
B = 1e9

MONEY: list[tuple[str, list[Expected]]] = [
    ("The deal was worth $22.6bn.", [("$22.6bn", 22.6 * B, "USD", "money")]),
    ("The club paid £5m for the striker.", [("£5m", 5 * M, "GBP", "money")]),
    ("Sony wrote off ¥1bn last quarter.", [("¥1bn", 1 * B, "JPY", "money")]),
    ("It cost $2.5 million.", [("$2.5 million", 2.5 * M, "USD", "money")]),
    ("It cost 48 million euros.", [("48 million euros", 48 * M, "EUR", "money")]),
    ("The EU pledged €3bn in aid.", [("€3bn", 3 * B, "EUR", "money")]),
    ("Exports reached US$2bn.", [("US$2bn", 2 * B, "USD", "money")]),
    ("The mine cost A$3.4bn to build.", [("A$3.4bn", 3.4 * B, "AUD", "money")]),
    ("Ottawa set aside C$500 million.", [("C$500 million", 500 * M, "CAD", "money")]),
    ("The flat sold for HK$12m.", [("HK$12m", 12 * M, "HKD", "money")]),
    ("The fine was $300,000.", [("$300,000", 300000, "USD", "money")]),
    ("Tickets cost $45 each.", [("$45", 45, "USD", "money")]),
    ("He earns more than $1m a year.", [("more than $1m", 1 * M, "USD", "money")]),
    ("The fund holds about $1.2tn.", [("about $1.2tn", 1.2e12, "USD", "money")]),
    ("Debt rose to $31 trillion.", [("$31 trillion", 31e12, "USD", "money")]),
    ("She was awarded £250,000 in damages.", [("£250,000", 250000, "GBP", "money")]),
    ("The budget is 2 billion dollars.", [("2 billion dollars", 2 * B, "USD", "money")]),
    ("They raised 5 million pounds.", [("5 million pounds", 5 * M, "GBP", "money")]),
    ("He left 40,000 pounds sterling.", [("40,000 pounds sterling", 40000, "GBP", "money")]),
    ("The stadium cost 300 million yen.", [("300 million yen", 300 * M, "JPY", "money")]),
    ("Beijing spent 1.5 trillion yuan.", [("1.5 trillion yuan", 1.5e12, "CNY", "money")]),
    ("The bill is 20,000 rupees.", [("20,000 rupees", 20000, "INR", "money")]),
    ("A loaf now costs 50p more.", [("50p", 0.5, "GBP", "money")]),
    ("Stamps rose by 10 cents.", [("10 cents", 0.1, "USD", "money")]),
    ("The startup raised $50k.", [("$50k", 50000, "USD", "money")]),
    (
        "Salaries range from $40,000 to $60,000.",
        [("$40,000", 40000, "USD", "money"), ("$60,000", 60000, "USD", "money")],
    ),
    ("Bids of $5bn-$7bn were expected.", [("$5bn-$7bn", 5 * B, "USD", "money")]),
    ("Losses hit €1.3 billion.", [("€1.3 billion", 1.3 * B, "EUR", "money")]),
    ("The bonus pool was nearly £900m.", [("nearly £900m", 900 * M, "GBP", "money")]),
    ("Prices start at ₹999.", [("₹999", 999, "INR", "money")]),
    ("Samsung invested 20 trillion won.", [("20 trillion won", 20e12, "KRW", "money")]),
    (
        "The ruble fell after Moscow spent 3 billion roubles.",
        [("3 billion roubles", 3 * B, "RUB", "money")],
    ),
    ("Apple is worth $3tn.", [("$3tn", 3e12, "USD", "money")]),
    ("The council saved £1.2m.", [("£1.2m", 1.2 * M, "GBP", "money")]),
    ("Fuel duty raises £25bn a year.", [("£25bn", 25 * B, "GBP", "money")]),
    ("He was fined 500 pounds.", [("500 pounds", 500, "GBP", "money")]),
    ("Wages rose to £11.44 an hour.", [("£11.44", 11.44, "GBP", "money")]),
    ("The firm paid $1.5 billion to settle.", [("$1.5 billion", 1.5 * B, "USD", "money")]),
    ("Netflix spent $17bn on content.", [("$17bn", 17 * B, "USD", "money")]),
    ("Investors lost as much as $40bn.", [("as much as $40bn", 40 * B, "USD", "money")]),
]

MARKETS: list[tuple[str, list[Expected]]] = [
    ("Prices rose 12% last year.", [("12%", 12, "%", "percent")]),
    ("Shares fell 3% on Tuesday.", [("3%", 3, "%", "percent")]),
    ("The FTSE 100 rose 0.4 percent.", [("0.4 percent", 0.4, "%", "percent")]),
    ("Inflation eased to 6.7 per cent.", [("6.7 per cent", 6.7, "%", "percent")]),
    ("Rates rose by 25 basis points.", [("25 basis points", 25, "bp", "percent")]),
    ("Support fell 4 percentage points.", [("4 percentage points", 4, "pp", "percent")]),
    ("Brent crude rose to $85 a barrel.", [("$85", 85, "USD", "money")]),
    (
        "Opec cut output by 2 million barrels a day.",
        [("2 million barrels", 2 * M, "bbl", "measure")],
    ),
    ("Gold hit $2,000 an ounce.", [("$2,000", 2000, "USD", "money")]),
    (
        "Yields climbed between 10 and 20 percent.",
        [("between 10 and 20 percent", 10, "%", "percent")],
    ),
    ("Analysts expect a 10-20% rise.", [("10-20%", 10, "%", "percent")]),
    ("Growth will be 2 to 3 percent.", [("2 to 3 percent", 2, "%", "percent")]),
    ("The index lost nearly 5%.", [("nearly 5%", 5, "%", "percent")]),
    ("Unemployment fell to 4.1 percent.", [("4.1 percent", 4.1, "%", "percent")]),
    ("The euro slipped 0.2%.", [("0.2%", 0.2, "%", "percent")]),
    ("Tesla sold 1.8 million cars.", [("1.8 million cars", 1.8 * M, "cars", "count")]),
    ("The bank cut 5,000 jobs.", [("5,000 jobs", 5000, "jobs", "count")]),
    ("Output shrank by a third.", [("a third", 0.3333, None, "fraction")]),
    ("Two-thirds of economists expect a recession.", [("Two-thirds", 0.6667, None, "fraction")]),
    ("Nearly half of firms raised prices.", [("Nearly half", 0.5, None, "fraction")]),
    ("The Dow closed at 33,000.", [("33,000", 33000, None, "other")]),
    (
        "Exports grew 7.5% to $3.4bn.",
        [("7.5%", 7.5, "%", "percent"), ("$3.4bn", 3.4 * B, "USD", "money")],
    ),
    ("About 30,000 workers went on strike.", [("About 30,000 workers", 30000, "workers", "count")]),
    (
        "Ryanair carried 168 million passengers.",
        [("168 million passengers", 168 * M, "passengers", "count")],
    ),
    (
        "Amazon employs over 1.5 million people.",
        [("over 1.5 million people", 1.5 * M, "people", "count")],
    ),
    ("Retail sales dropped 1.2% in March.", [("1.2%", 1.2, "%", "percent")]),
    ("The pound fell to $1.05.", [("$1.05", 1.05, "USD", "money")]),
    ("Bitcoin traded at $30,000.", [("$30,000", 30000, "USD", "money")]),
    ("House prices are up 9.8 per cent.", [("9.8 per cent", 9.8, "%", "percent")]),
    ("The firm has 12 stores.", [("12 stores", 12, "stores", "count")]),
]

SPORT: list[tuple[str, list[Expected]]] = [
    ("City won 3-1 on Sunday.", []),
    ("Djokovic beat Nadal 6-4, 6-2.", []),
    (
        "He ran the 100m in 9.58 seconds.",
        [("100m", 100, "m", "measure"), ("9.58 seconds", 9.58, "second", "duration")],
    ),
    ("She swam the 400m freestyle.", [("400m", 400, "m", "measure")]),
    ("The marathon is 26.2 miles long.", [("26.2 miles", 26.2, "mi", "measure")]),
    ("He scored 30 points.", [("30 points", 30, "points", "count")]),
    ("The fighter weighed in at 243 pounds.", [("243 pounds", 243, "lb", "measure")]),
    (
        "The 6ft 5in forward signed on Monday.",
        [("6ft", 6, "ft", "measure"), ("5in", 5, "in", "measure")],
    ),
    ("Some 60,000 fans packed the stadium.", [("Some 60,000 fans", 60000, "fans", "count")]),
    ("He has played 100 games for the club.", [("100 games", 100, "games", "count")]),
    ("The race covered 21 kilometres.", [("21 kilometres", 21, "km", "measure")]),
    ("Bolt reached 44.72 km/h.", [("44.72 km/h", 44.72, "km/h", "measure")]),
    ("The serve was clocked at 130 mph.", [("130 mph", 130, "mph", "measure")]),
    (
        "They have won five of their last six matches.",
        [("five", 5, None, "other"), ("six matches", 6, "matches", "count")],
    ),
    (
        "She finished in two hours and 14 minutes.",
        [("two hours", 2, "hour", "duration"), ("14 minutes", 14, "minute", "duration")],
    ),
    (
        "The 34-year-old striker signed a two-year deal.",
        [("34-year-old", 34, "year", "age"), ("two-year", 2, "year", "duration")],
    ),
    ("Formula 1 returns to Las Vegas.", []),
    (
        "The Super Bowl drew 115 million viewers.",
        [("115 million viewers", 115 * M, "viewers", "count")],
    ),
    ("He threw the javelin 90 metres.", [("90 metres", 90, "m", "measure")]),
    ("The jockey weighs 8 stone.", [("8 stone", 8, "st", "measure")]),
    ("A dozen players tested positive.", [("A dozen players", 12, "players", "count")]),
    ("The transfer fee was £100m.", [("£100m", 100 * M, "GBP", "money")]),
    ("They lost 2-0 at home.", []),
    ("Ticket sales topped 2 million.", [("2 million", 2 * M, None, "other")]),
    ("He has 23 Grand Slam titles.", [("23 Grand Slam titles", 23, "titles", "count")]),
]

WEATHER: list[tuple[str, list[Expected]]] = [
    ("It was -5C in Oslo.", [("-5C", -5, "°C", "temperature")]),
    ("Temperatures hit 40C in Madrid.", [("40C", 40, "°C", "temperature")]),
    ("Phoenix reached 118F.", [("118F", 118, "°F", "temperature")]),
    ("Lows of minus 3C are forecast.", [("minus 3C", -3, "°C", "temperature")]),
    ("It will feel like 25 degrees Celsius.", [("25 degrees Celsius", 25, "°C", "temperature")]),
    ("The thermometer read 30°C.", [("30°C", 30, "°C", "temperature")]),
    ("Temperatures fell to 10 degrees.", [("10 degrees", 10, "°", "temperature")]),
    (
        "Highs of 95 degrees Fahrenheit are expected.",
        [("95 degrees Fahrenheit", 95, "°F", "temperature")],
    ),
    ("Up to 20cm of snow fell overnight.", [("Up to 20cm", 20, "cm", "measure")]),
    ("Gusts of 80 mph battered the coast.", [("80 mph", 80, "mph", "measure")]),
    ("The storm dropped 150mm of rain.", [("150mm", 150, "mm", "measure")]),
    ("Winds reached 120 km/h.", [("120 km/h", 120, "km/h", "measure")]),
    ("Hail the size of 5cm stones fell.", [("5cm", 5, "cm", "measure")]),
    ("The fire burned 10,000 acres.", [("10,000 acres", 10000, "acre", "measure")]),
    ("Flooding forced 3,000 residents to flee.", [("3,000 residents", 3000, "residents", "count")]),
    ("The quake struck 10 kilometers deep.", [("10 kilometers", 10, "km", "measure")]),
    ("The hurricane's winds hit 150 knots.", [("150 knots", 150, "kn", "measure")]),
    ("Snow up to 2 feet deep is likely.", [("up to 2 feet", 2, "ft", "measure")]),
    ("The heatwave lasted nine days.", [("nine days", 9, "day", "duration")]),
    ("About 40,000 hectares burned.", [("About 40,000 hectares", 40000, "ha", "measure")]),
    ("A 30-mile stretch of road was closed.", [("30-mile", 30, "mi", "measure")]),
    ("The lake dropped 3 metres.", [("3 metres", 3, "m", "measure")]),
]

SCIENCE: list[tuple[str, list[Expected]]] = [
    (
        "The probe travelled 6.4 billion kilometres.",
        [("6.4 billion kilometres", 6.4 * B, "km", "measure")],
    ),
    ("The rocket weighs 2,800 tonnes.", [("2,800 tonnes", 2800, "t", "measure")]),
    ("The whale weighed 150 tons.", [("150 tons", 150, "ton", "measure")]),
    ("The telescope cost $10bn.", [("$10bn", 10 * B, "USD", "money")]),
    ("Emissions fell 5% last year.", [("5%", 5, "%", "percent")]),
    ("The meteorite weighed 50 kg.", [("50 kg", 50, "kg", "measure")]),
    ("The chip holds 2 TB.", [("2 TB", 2, "TB", "measure")]),
    ("The plant produces 1,000 MW.", [("1,000 MW", 1000, "MW", "measure")]),
    ("CO2 levels passed 420 ppm.", [("420 ppm", 420, "ppm", "measure")]),
    ("Sea levels rose 20cm over a century.", [("20cm", 20, "cm", "measure")]),
    ("The fossil is 66 million years old.", [("66 million years", 66 * M, "year", "duration")]),
    ("The ice shelf lost 1.5 trillion tonnes.", [("1.5 trillion tonnes", 1.5e12, "t", "measure")]),
    ("Researchers studied 12,000 patients.", [("12,000 patients", 12000, "patients", "count")]),
    ("The virus has 29,903 letters.", [("29,903 letters", 29903, "letters", "count")]),
    ("The craft orbits at 400 km.", [("400 km", 400, "km", "measure")]),
    ("The 737 Max was grounded.", []),
    ("Boeing 737 jets were inspected.", []),
    ("Apollo 11 landed on the Moon.", []),
    ("The Airbus A320 is popular.", []),
    ("The Covid-19 pandemic began.", []),
    ("Spending on 5G networks grew.", []),
    ("The F-35 fleet was grounded.", []),
    ("Windows 11 ships this month.", []),
    (
        "The trial enrolled 30,000 volunteers.",
        [("30,000 volunteers", 30000, "volunteers", "count")],
    ),
    ("The dose was 5mg a day.", [("5mg", 5, "mg", "measure")]),
    ("The battery stores 100 kWh.", [("100 kWh", 100, "kWh", "measure")]),
    ("Light takes eight minutes to arrive.", [("eight minutes", 8, "minute", "duration")]),
    ("Half an hour later the signal returned.", [("Half an hour", 0.5, "hour", "duration")]),
    ("Three-quarters of the glacier has gone.", [("Three-quarters", 0.75, None, "fraction")]),
]

POLITICS: list[tuple[str, list[Expected]]] = [
    ("The bill passed with 218 votes.", [("218 votes", 218, "votes", "count")]),
    ("Turnout was 67.3%.", [("67.3%", 67.3, "%", "percent")]),
    ("The G20 summit opened in Delhi.", []),
    ("He lives at 10 Downing Street.", []),
    ("The Article 50 deadline passed.", []),
    ("Section 230 protects platforms.", []),
    ("No one has claimed responsibility.", []),
    ("One of the ministers resigned.", []),
    ("Two-thirds of MPs backed the motion.", [("Two-thirds", 0.6667, None, "fraction")]),
    ("A third of voters are undecided.", [("A third", 0.3333, None, "fraction")]),
    ("He won a third term.", []),
    ("The party won 326 seats.", [("326 seats", 326, "seats", "count")]),
    ("Half a million people marched.", [("Half a million people", 0.5 * M, "people", "count")]),
    ("Nearly 4,000 migrants crossed.", [("Nearly 4,000 migrants", 4000, "migrants", "count")]),
    (
        "The senator served five-and-a-half years.",
        [("five-and-a-half years", 5.5, "year", "duration")],
    ),
    ("In 2019, 300 people died.", [("300 people", 300, "people", "count")]),
    ("The 2019 election was close.", []),
    ("He has led the party since 2015.", []),
    ("The poll surveyed 1,004 adults.", [("1,004 adults", 1004, "adults", "count")]),
    ("The rally drew tens of thousands.", []),
    ("A 12-member jury heard the case.", [("12-member", 12, "member", "count")]),
    ("The treaty has 193 signatories.", [("193 signatories", 193, "signatories", "count")]),
    ("The minister met 27 EU leaders.", [("27 EU leaders", 27, "leaders", "count")]),
    ("About 45% of voters backed him.", [("About 45%", 45, "%", "percent")]),
    ("The Route 66 bypass was approved.", []),
    ("Traffic on I-95 was halted.", []),
    ("Flight 370 vanished.", []),
    ("He spent 27 years in prison.", [("27 years", 27, "year", "duration")]),
    ("The summit lasted three days.", [("three days", 3, "day", "duration")]),
    ("Some 2 million refugees fled.", [("Some 2 million refugees", 2 * M, "refugees", "count")]),
    ("The wall is 3,145 km long.", [("3,145 km", 3145, "km", "measure")]),
    ("Parliament has 650 members.", [("650 members", 650, "members", "count")]),
    ("The talks ran from 9am until midnight.", []),
    ("Voting closes at 10pm.", []),
    ("The meeting starts at 10:30.", []),
    ("On March 3 the law took effect.", []),
    ("The 9/11 attacks changed policy.", []),
]

HEALTH: list[tuple[str, list[Expected]]] = [
    ("911 calls rose sharply.", []),
    ("Doctors saw 999 calls double.", []),
    ("The drug cut deaths by 30%.", [("30%", 30, "%", "percent")]),
    ("The patient lost 40 pounds.", [("40 pounds", 40, "lb", "measure")]),
    ("He weighed 243 pounds at his death.", [("243 pounds", 243, "lb", "measure")]),
    ("A 243-pound man was arrested.", [("243-pound", 243, "lb", "measure")]),
    ("Adults should walk 10,000 steps a day.", [("10,000 steps", 10000, "steps", "count")]),
    (
        "The NHS treated 1.2 million patients.",
        [("1.2 million patients", 1.2 * M, "patients", "count")],
    ),
    ("The baby weighed 7lbs.", [("7lbs", 7, "lb", "measure")]),
    ("Drink 2 litres of water.", [("2 litres", 2, "L", "measure")]),
    ("The vaccine is 95% effective.", [("95%", 95, "%", "percent")]),
    ("Waiting lists hit 7.6 million.", [("7.6 million", 7.6 * M, None, "other")]),
    ("She was in hospital for six weeks.", [("six weeks", 6, "week", "duration")]),
    ("A dozen nurses quit.", [("A dozen nurses", 12, "nurses", "count")]),
    ("Obesity affects one in four adults.", [("one in four", 0.25, None, "fraction")]),
    ("The trust spent £5m on agency staff.", [("£5m", 5 * M, "GBP", "money")]),
    ("A pill costs 3 dollars.", [("3 dollars", 3, "USD", "money")]),
    ("Babies need 500 calories a day.", [("500 calories", 500, "kcal", "measure")]),
    ("Sugar intake should stay below 30g.", [("below 30g", 30, "g", "measure")]),
    ("The clinic opens 24 hours a day.", [("24 hours", 24, "hour", "duration")]),
    ("Cases have doubled in two months.", [("two months", 2, "month", "duration")]),
    ("About 1 in 10 people carry the gene.", [("About 1 in 10", 0.1, None, "fraction")]),
    ("Over 5m people are on waiting lists.", [("Over 5m people", 5 * M, "people", "count")]),
    ("The ward has 30 beds.", [("30 beds", 30, "beds", "count")]),
    ("Smoking fell to 12.9 percent of adults.", [("12.9 percent", 12.9, "%", "percent")]),
]

WORDS: list[tuple[str, list[Expected]]] = [
    ("They waited twelve days.", [("twelve days", 12, "day", "duration")]),
    ("Twenty-four hostages were freed.", [("Twenty-four hostages", 24, "hostages", "count")]),
    (
        "Two hundred and fifty homes flooded.",
        [("Two hundred and fifty homes", 250, "homes", "count")],
    ),
    ("A million people signed.", [("A million people", 1 * M, "people", "count")]),
    ("Three million jobs are at risk.", [("Three million jobs", 3 * M, "jobs", "count")]),
    (
        "One and a half million viewers tuned in.",
        [("One and a half million viewers", 1.5 * M, "viewers", "count")],
    ),
    ("Two and a half hours passed.", [("Two and a half hours", 2.5, "hour", "duration")]),
    ("Half a dozen shops closed.", [("Half a dozen shops", 6, "shops", "count")]),
    ("A quarter of staff left.", [("A quarter", 0.25, None, "fraction")]),
    ("One-fifth of homes lack heating.", [("One-fifth", 0.2, None, "fraction")]),
    ("Three-fifths of the budget went on pay.", [("Three-fifths", 0.6, None, "fraction")]),
    ("Eleven miners were rescued.", [("Eleven miners", 11, "miners", "count")]),
    ("Ninety-nine runners finished.", [("Ninety-nine runners", 99, "runners", "count")]),
    ("She spent a decade abroad.", []),
    ("The firm has a hundred stores.", [("a hundred stores", 100, "stores", "count")]),
    ("Forty percent of trains ran late.", [("Forty percent", 40, "%", "percent")]),
    ("Seven in 10 voters agree.", [("Seven in 10", 0.7, None, "fraction")]),
    ("He often visits the network.", []),
    ("Tenants face higher rents.", []),
    ("Someone called the police.", []),
    ("They met one another.", []),
    ("It is one of the worst years.", []),
    ("Every one of them was saved.", []),
    ("A two-week strike began.", [("two-week", 2, "week", "duration")]),
    ("A five-year plan was agreed.", [("five-year", 5, "year", "duration")]),
    ("The 10-year yield rose.", [("10-year", 10, "year", "duration")]),
    ("A six-month ban was imposed.", [("six-month", 6, "month", "duration")]),
    ("He spent two-and-a-half years in jail.", [("two-and-a-half years", 2.5, "year", "duration")]),
    ("Four-fifths of the town voted.", [("Four-fifths", 0.8, None, "fraction")]),
    ("He was one of three candidates.", [("three candidates", 3, "candidates", "count")]),
]

SIGNS_AND_RANGES: list[tuple[str, list[Expected]]] = [
    ("The balance was -5 at the close.", [("-5", -5, None, "other")]),
    ("It was minus 3 at dawn.", [("minus 3", -3, None, "other")]),
    ("Temperatures of -20C are expected.", [("-20C", -20, "°C", "temperature")]),
    ("Between 10 and 20 people came.", [("Between 10 and 20 people", 10, "people", "count")]),
    (
        "Between 5,000 and 6,000 troops moved.",
        [("Between 5,000 and 6,000 troops", 5000, "troops", "count")],
    ),
    ("Estimates range 3-4 million.", [("3-4 million", 3 * M, None, "other")]),
    ("Wait times are 10-15 minutes.", [("10-15 minutes", 10, "minute", "duration")]),
    ("Expect 15 to 20cm of snow.", [("15 to 20cm", 15, "cm", "measure")]),
    ("The cut was 0.25 percentage points.", [("0.25 percentage points", 0.25, "pp", "percent")]),
    ("Profit fell 3% to $2bn.", [("3%", 3, "%", "percent"), ("$2bn", 2 * B, "USD", "money")]),
    ("Sales rose from 5% to 7%.", [("5%", 5, "%", "percent"), ("7%", 7, "%", "percent")]),
    ("The rate is 4.75%-5%.", [("4.75%-5%", 4.75, "%", "percent")]),  # a range, as "10-20%"
    ("At least 12 people died.", [("At least 12 people", 12, "people", "count")]),
    ("Up to 300 jobs will go.", [("Up to 300 jobs", 300, "jobs", "count")]),
    ("Fewer than 100 remain.", [("Fewer than 100", 100, None, "other")]),
    ("Roughly 7,000 homes lost power.", [("Roughly 7,000 homes", 7000, "homes", "count")]),
    ("As many as 40 people were hurt.", [("As many as 40 people", 40, "people", "count")]),
    (
        "An estimated 2,000 protesters gathered.",
        [("An estimated 2,000 protesters", 2000, "protesters", "count")],
    ),
    (
        "Well over 1,000 flights were cancelled.",
        [("Well over 1,000 flights", 1000, "flights", "count")],
    ),
]

NAMES: list[tuple[str, list[Expected]]] = [
    ("He works at a 7-Eleven store.", []),
    ("The Soyuz MS-19 spacecraft docked.", []),
    ("Kubrick's 2001: A Space Odyssey is old.", []),
    ("It was the 39th festival.", []),
    ("She came 2nd in the race.", []),
    ("The iPhone 15 went on sale.", []),
    ("The M25 was closed.", []),
    ("The B-52 bombers flew.", []),
    ("The H1N1 virus spread.", []),
    ("Talks at COP28 ended.", []),
    ("He watched it on Channel 4.", []),
    ("The Category 5 storm hit.", []),
    ("Stage 4 cancer is hard to treat.", []),
    ("He was No. 1 in the world.", []),
    ("The 4K TV is cheap.", []),
    ("Open 24/7 from June.", []),
    ("The PS5 sold out.", []),
    ("A Tesla Model 3 crashed.", []),
    ("MH17 was shot down.", []),
    ("The World War 2 veteran died.", []),
    ("Hurricane season peaks in September.", []),
    ("The Interstate 5 bridge collapsed.", []),
    ("His 1999 debut album sold well.", []),
    ("Her Area 51 theory spread online.", []),
    ("The 49ers won.", []),
    ("The meeting ran until 6pm.", []),
    ("They met at 7 a.m. on Monday.", []),
    ("He called 911 from the car.", []),  # the emergency number, no quantity
]

ALL: list[tuple[str, list[Expected]]] = [
    *MONEY,
    *MARKETS,
    *SPORT,
    *WEATHER,
    *SCIENCE,
    *POLITICS,
    *HEALTH,
    *WORDS,
    *SIGNS_AND_RANGES,
    *NAMES,
]


Found = tuple[str, float | None, str | None, str | None]


def matches(found: list[Found], expected: list[Expected]) -> bool:
    """Same spans, values within 0.5% and units (kind checked separately by the test)."""
    if len(found) != len(expected):
        return False
    for (text, value, unit, _), (want_text, want_value, want_unit, _) in zip(
        found, expected, strict=True
    ):
        if text != want_text or unit != want_unit:
            return False
        if (value is None) != (want_value is None):
            return False
        close = value is None or math.isclose(value, want_value or 0.0, rel_tol=0.005, abs_tol=1e-9)
        if not close:
            return False
    return True


@pytest.mark.parametrize(("sentence", "expected"), ALL, ids=[s[:40] for s, _ in ALL])
def test_quantity_table(sentence: str, expected: list[Expected]) -> None:
    found = [(q.text, q.value, q.unit, q.kind) for q in find_quantities(sentence)]
    assert matches(found, expected), found
    assert [q[3] for q in found] == [e[3] for e in expected]
    for q in find_quantities(sentence):
        assert sentence[q.start : q.end] == q.text


def test_table_is_large_and_varied() -> None:
    assert len(ALL) >= 250
