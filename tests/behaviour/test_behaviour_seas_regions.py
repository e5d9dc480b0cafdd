"""Works today, keep it working: seas, rivers, mountains and regions.

"the Black Sea", "the Caspian", "the Sahel", "the South Caucasus", "the Middle East":
areas with no government, each on its own conventional point.
"""

import places as P
from harness import assert_floor, case

CAPABILITY = "seas_regions"

CASES = [
    case("Grain ships are again crossing the Black Sea.", {"Black Sea": P.BLACK_SEA}),
    case("Oil rigs in the Caspian Sea were shut for the storm.", {"Caspian Sea": P.CASPIAN_SEA}),
    case("Migrant boats keep crossing the Mediterranean.", {"Mediterranean": P.MEDITERRANEAN}),
    case("Houthi attacks in the Red Sea have doubled shipping costs.", {"Red Sea": P.RED_SEA}),
    case("A tanker was seized in the Strait of Hormuz.", {"Strait of Hormuz": P.STRAIT_OF_HORMUZ}),
    case("Drought is spreading across the Sahel.", {"Sahel": P.SAHEL}),
    case("The two South Caucasus countries signed a peace framework.", {"South Caucasus": P.SOUTH_CAUCASUS}),
    case("Tensions in the Middle East pushed oil prices higher.", {"Middle East": P.MIDDLE_EAST}),
    case("China is building islands in the South China Sea.", {"South China Sea": P.SOUTH_CHINA_SEA, "China": P.CHINA}),
    case("A hurricane is forming in the Gulf of Mexico.", {"Gulf of Mexico": P.GULF_OF_MEXICO}),
    case("Pipelines under the Baltic Sea were damaged.", {"Baltic Sea": P.BALTIC_SEA}),
    case("Wind farms in the North Sea produced a record amount of power.", {"North Sea": P.NORTH_SEA}),
    case("Sea ice in the Arctic shrank to its second-lowest extent.", {"Arctic": P.ARCTIC}),
    case("The storm moved across the Atlantic towards Ireland.", {"Atlantic": P.ATLANTIC, "Ireland": P.IRELAND}),
    case("Ukrainian forces crossed the Dnieper near Kherson.", {"Dnieper": P.DNIEPER, "Kherson": P.KHERSON}),
    case("Low water on the Rhine is slowing barges.", {"Rhine": P.RHINE}),
    case("Glaciers in the Alps lost 10 percent of their volume in two years.", {"Alps": P.ALPS}),
    case("Deforestation in the Amazon fell by half.", {"Amazon": P.AMAZON}),
    case("Drought has shrunk Lake Victoria.", {"Lake Victoria": P.LAKE_VICTORIA}),
    case("Migrants died crossing the Sahara.", {"Sahara": P.SAHARA}),
    case("Elections in Central Asia rarely surprise.", {"Central Asia": P.CENTRAL_ASIA}),
    case("Wildfires raged across the Balkans.", {"Balkans": P.BALKANS}),
    case("Famine threatens the Horn of Africa.", {"Horn of Africa": P.HORN_OF_AFRICA}),
    case("Smoke from fires in Siberia reached Alaska.", {"Siberia": P.SIBERIA, "Alaska": P.ALASKA}),
    case("A heat dome settled over the Pacific Northwest.", {"Pacific Northwest": P.PACIFIC_NORTHWEST}),
    case("Ships avoid the Gulf of Aden after the attacks.", {"Gulf of Aden": P.GULF_OF_ADEN}),
    case("Tourists floated in the Dead Sea.", {"Dead Sea": P.DEAD_SEA}),
    case("Climbers died on the way down from the summit in the Himalayas.", {"Himalayas": P.HIMALAYAS}),
    case("Tanks rolled through the Donbas.", {"Donbas": P.DONBAS}),
    case("Fighting flared again in Kashmir.", {"Kashmir": P.KASHMIR}),
]


def test_seas_regions(gazetteer):
    assert_floor(CAPABILITY, CASES, gazetteer)
