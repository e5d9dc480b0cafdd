"""Capability 4: words that only look like abbreviations or place names.

Contractions ("I'll" is not Ill. for Illinois), ordinary words that are also short place
names, and diseases and products named after places ("Ebola", "Lyme disease",
"champagne", "a hamburger"): no place, unless the text uses them as one.
"""

import places as P
from harness import NOWHERE, assert_floor, case

CAPABILITY = "common_words"

CASES = [
    # contractions and words against state abbreviations
    case("I'll call you when I get home, I promise.", {"I'll": NOWHERE}, only=True),
    case("\"We'll see,\" she said. \"I'll believe it when I see it.\"", {"I'll": NOWHERE, "We'll": NOWHERE}, only=True),
    case("He'll wash the car and I'll mow the lawn.", {"wash": NOWHERE, "I'll": NOWHERE}, only=True),
    case("Mass was celebrated at dawn in the old chapel.", {"Mass": NOWHERE}, only=True),
    case("Miss Jones taught English for forty years.", {"Miss": NOWHERE}, only=True),
    case("Ore prices fell as steel demand weakened.", {"Ore": NOWHERE}, only=True),
    case("Ida said she would be late.", {"Ida": NOWHERE}, only=True),
    case("Me and my brother drove all night.", {"Me": NOWHERE}, only=True),
    # abbreviations that are places, in their place
    case("The company is based in Springfield, Ill., and employs 300 people.", {"Springfield": P.SPRINGFIELD_IL, "Ill.": P.ILLINOIS}),
    case("He was born in Tacoma, Wash., and raised in Portland, Ore.", {"Wash.": P.WASHINGTON_STATE, "Ore.": P.OREGON, "Portland": P.PORTLAND_OR}),
    case("Worcester, Mass., will host the regional finals.", {"Worcester": P.WORCESTER, "Mass.": P.MASSACHUSETTS}),
    # ordinary words that are also towns
    case("Surprise! The vote was closer than anyone expected.", {"Surprise": NOWHERE}, only=True),
    case("Hope is not a strategy, the general told lawmakers.", {"Hope": NOWHERE}, only=True),
    case("Normal service will resume on Monday.", {"Normal": NOWHERE}, only=True),
    case("Independence was declared in 1991 after the Soviet collapse.", {"Independence": NOWHERE}),
    case("Liberal and conservative judges split on the ruling.", {"Liberal": NOWHERE}, only=True),
    case("Reading is the best way to build a vocabulary.", {"Reading": NOWHERE}, only=True),
    case("Mobile phone sales rose by 4 percent last year.", {"Mobile": NOWHERE}, only=True),
    case("Nice try, but the referee saw it.", {"Nice": NOWHERE}, only=True),
    case("Aurora borealis lit up the sky over the fjord last night.", {"Aurora": NOWHERE}),
    # ... and the same words as the places they are
    case("Police in Reading, Berkshire, closed the town centre.", {"Reading": P.READING_UK}),
    case("A truck attack in Nice killed 86 people on Bastille Day in 2016.", {"Nice": P.NICE}),
    case("The port of Mobile, Alabama, is expanding its container terminal.", {"Mobile": P.MOBILE}),
    # diseases named after places
    case("Ebola cases rose again this week, health officials said.", {"Ebola": NOWHERE}, only=True),
    case("Lyme disease is spreading north as winters get milder.", {"Lyme": NOWHERE}, only=True),
    case("A Marburg virus outbreak has killed nine people.", {"Marburg": NOWHERE}),
    case("West Nile virus was found in mosquitoes collected last week.", {"West Nile": NOWHERE}, only=True),
    case("The Spanish flu killed millions worldwide in 1918.", {"Spanish": NOWHERE}, only=True),
    case("Zika and dengue are carried by the same mosquito.", {"Zika": NOWHERE}, only=True),
    # products and foods named after places
    case("They opened a bottle of champagne to celebrate.", {"champagne": NOWHERE}, only=True),
    case("He ordered a hamburger and a glass of Bordeaux.", {"hamburger": NOWHERE, "Bordeaux": NOWHERE}, only=True),
    case("A slice of Cheddar and a spoonful of Dijon mustard.", {"Cheddar": NOWHERE, "Dijon": NOWHERE}, only=True),
    case("She wore a Panama hat and a pair of Bermuda shorts.", {"Panama": NOWHERE, "Bermuda": NOWHERE}, only=True),
    case("The Brussels sprouts were overcooked.", {"Brussels": NOWHERE}, only=True),
    case("He sipped a cup of Darjeeling and read the paper.", {"Darjeeling": NOWHERE}, only=True),
    case("Danish pastries and French fries were on the menu.", {"Danish": NOWHERE, "French": NOWHERE}, only=True),
    case("Turkey prices jumped ahead of Thanksgiving dinner.", {"Turkey": NOWHERE}, only=True),
    case("She collects fine china and old silver.", {"china": NOWHERE}, only=True),
    case("The company's new Jersey cows produce richer milk.", {"Jersey": NOWHERE}, only=True),
    case("Many people say Brexit was a mistake.", {"Brexit": NOWHERE}, only=True),
    # more contractions and short words
    case("\"I'll be back by noon,\" he said, \"and we'll talk then.\"", {"I'll": NOWHERE}, only=True),
    case("Wash your hands before you eat.", {"Wash": NOWHERE}, only=True),
    case("Del Potro won the US Open in 2009.", {"Del": NOWHERE}),
    case("Col. Smith and Gen. Jones briefed reporters.", {"Col.": NOWHERE, "Gen.": NOWHERE}, only=True),
    case("Ala. Gov. Kay Ivey signed the bill on Tuesday.", {"Ala.": P.ALABAMA}),
    # more products and brands
    case("He drives a Jeep Cherokee and she drives a Toyota Sienna.", {"Cherokee": NOWHERE, "Sienna": NOWHERE}, only=True),
    case("Sales of the Hyundai Tucson and Kia Sorento rose.", {"Tucson": NOWHERE}, only=True),
    case("A pint of Guinness and a plate of buffalo wings, please.", {"buffalo": NOWHERE}, only=True),
    case("Stilton and Gouda were on the cheese board.", {"Stilton": NOWHERE, "Gouda": NOWHERE}, only=True),
    case("The Lyme disease vaccine is being tested on 10,000 people in Connecticut.", {"Lyme": NOWHERE, "Connecticut": P.area(41.6, -72.7, 120, "Connecticut")}),
]


def test_common_words(gazetteer):
    assert_floor(CAPABILITY, CASES, gazetteer)
