"""Works today, keep it working: the first customer's seed article, and short texts of its region.

The seed (seeds/fuzuli-2021-01-26.txt) must map exactly: its places, each in its spot,
and nothing else. tests/test_seed.py checks it in detail; here it counts in the suite,
beside short sentences about the same places.
"""

from pathlib import Path

import places as P
from harness import assert_floor, case

CAPABILITY = "seed"

SEED = Path(__file__).parents[2] / "seeds" / "fuzuli-2021-01-26.txt"

CASES = [
    case(
        SEED.read_text(encoding="utf-8"),
        {
            "Fuzuli": P.FUZULI,
            "Azerbaijan": P.AZERBAIJAN,
            "Armenia": P.ARMENIA,
            "Nagorno-Karabakh": P.NAGORNO_KARABAKH,
            "Karabakh": P.KARABAKH,
            "Russia": P.RUSSIA,
            "Tovuz": P.TOVUZ,
            "South Caucasus": P.SOUTH_CAUCASUS,
            "Armenian": P.ARMENIA,
            "Azerbaijani": P.AZERBAIJAN,
        },
        only=True,
        note="the seed article",
    ),
    case("Fuzuli, Azerbaijan, Jan. 26: engineers are rebuilding the bridges.", {"Fuzuli": P.FUZULI, "Azerbaijan": P.AZERBAIJAN}),
    case("The new airport at Fuzuli received its first passenger flight.", {"Fuzuli": P.FUZULI}),
    case("Shells fell on Tovuz, a district on the border with Armenia.", {"Tovuz": P.TOVUZ, "Armenia": P.ARMENIA}),
    case("The Nagorno-Karabakh conflict began in 1988.", {"Nagorno-Karabakh": P.NAGORNO_KARABAKH}),
    case("Peacekeepers from Russia were deployed in Karabakh.", {"Russia": P.RUSSIA, "Karabakh": P.KARABAKH}),
    case("Shusha and Lachin were returned to Azerbaijan.", {"Shusha": P.SHUSHA, "Lachin": P.LACHIN, "Azerbaijan": P.AZERBAIJAN}),
    case("Armenia and Azerbaijan have fought two wars over the region.", {"Armenia": P.ARMENIA, "Azerbaijan": P.AZERBAIJAN}),
    case("The exclave of Nakhchivan borders Turkey, Iran and Armenia.", {"Nakhchivan": P.NAKHCHIVAN.within(150), "Turkey": P.TURKEY, "Iran": P.IRAN, "Armenia": P.ARMENIA}),
    case("A gas pipeline runs from Baku through Tbilisi to Ceyhan.", {"Baku": P.BAKU, "Tbilisi": P.TBILISI, "Ceyhan": P.town(37.028, 35.813, "Ceyhan")}),
    case("Yerevan and Baku accused each other of breaking the ceasefire.", {"Yerevan": P.YEREVAN, "Baku": P.BAKU}),
    case("The Armenian Armed Forces withdrew from Aghdam in November.", {"Armenian": P.ARMENIA, "Aghdam": P.AGHDAM}),
    case("Ganja, Azerbaijan's second city, was struck by a missile.", {"Ganja": P.GANJA}),
    case("Azerbaijan's Fuzuli district was liberated in October 2020.", {"Fuzuli": P.FUZULI.within(30), "Azerbaijan": P.AZERBAIJAN}),
    case("Tovuz lies on the highway from Ganja to the Georgian border.", {"Tovuz": P.TOVUZ, "Ganja": P.GANJA, "Georgian": P.GEORGIA_COUNTRY}),
    case("Russian peacekeepers left Khankendi in 2024.", {"Russian": P.RUSSIA, "Khankendi": P.KHANKENDI}),
    case("Jabrayil and Zangilan lie along the Iranian border.", {"Jabrayil": P.JABRAYIL, "Zangilan": P.ZANGILAN, "Iranian": P.IRAN}),
    case("Kalbajar was handed back to Azerbaijan in November 2020.", {"Kalbajar": P.KALBAJAR, "Azerbaijan": P.AZERBAIJAN}),
    case("A train from Baku to Tbilisi and Kars started running in 2017.", {"Baku": P.BAKU, "Tbilisi": P.TBILISI, "Kars": P.town(40.608, 43.097, "Kars, Turkey")}),
    case("Gyumri hosts Russia's only military base in Armenia.", {"Gyumri": P.GYUMRI, "Russia": P.RUSSIA, "Armenia": P.ARMENIA}),
    case("Sumgait is an industrial city just north of Baku on the Caspian Sea.", {"Sumgait": P.SUMGAIT, "Baku": P.BAKU, "Caspian Sea": P.CASPIAN_SEA}),
    case("Armenian and Azerbaijani negotiators met in Almaty.", {"Armenian": P.ARMENIA, "Azerbaijani": P.AZERBAIJAN, "Almaty": P.ALMATY}),
    case("The ceasefire in Karabakh was brokered by Moscow.", {"Karabakh": P.KARABAKH, "Moscow": P.MOSCOW}),
    case("Trucks from Turkey cross Georgia to reach Azerbaijan and Central Asia.", {"Turkey": P.TURKEY, "Georgia": P.GEORGIA_COUNTRY, "Azerbaijan": P.AZERBAIJAN, "Central Asia": P.CENTRAL_ASIA}),
    case("Mingachevir's reservoir is the largest in the South Caucasus.", {"Mingachevir": P.town(40.764, 47.060, "Mingachevir"), "South Caucasus": P.SOUTH_CAUCASUS}),
]


def test_seed(gazetteer):
    assert_floor(CAPABILITY, CASES, gazetteer)
