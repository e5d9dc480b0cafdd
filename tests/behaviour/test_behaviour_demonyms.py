"""Works today, keep it working: demonyms and adjectives attach to their countries.

"Azerbaijani troops", "the Armenian side", "a Kenyan runner": the word names the people
of a place, and maps to it (a careful reader puts a pin on the country).
"""

import places as P
from harness import NOWHERE, assert_floor, case

CAPABILITY = "demonyms"

CASES = [
    case("Azerbaijani troops entered the district on Friday.", {"Azerbaijani": P.AZERBAIJAN}),
    case("The Armenian foreign ministry rejected the claim.", {"Armenian": P.ARMENIA}),
    case("A Kenyan runner won the Boston Marathon.", {"Kenyan": P.KENYA, "Boston": P.BOSTON}),
    case("French and German leaders met to discuss the budget.", {"French": P.FRANCE, "German": P.GERMANY}),
    case("Ukrainian forces shot down twelve Russian drones overnight.", {"Ukrainian": P.UKRAINE, "Russian": P.RUSSIA}),
    case("The Japanese prime minister will visit Canberra.", {"Japanese": P.JAPAN}),
    case("Georgian wine exports grew by a fifth.", {"Georgian": P.GEORGIA_COUNTRY}),
    case("Chinese and Indian troops clashed in the Himalayas.", {"Chinese": P.CHINA, "Indian": P.INDIA}),
    case("Brazilian police seized two tonnes of cocaine.", {"Brazilian": P.BRAZIL}),
    case("Three Turkish soldiers were wounded.", {"Turkish": P.TURKEY}),
    case("The Nigerian central bank raised rates.", {"Nigerian": P.NIGERIA}),
    case("Iranian state television showed the launch.", {"Iranian": P.IRAN}),
    case("Mexican authorities found the missing students.", {"Mexican": P.MEXICO}),
    case("Polish farmers blocked the border crossing.", {"Polish": P.POLAND}),
    case("An Israeli strike hit a building in southern Lebanon.", {"Israeli": P.ISRAEL, "Lebanon": P.LEBANON}),
    case("Egyptian mediators proposed a ceasefire.", {"Egyptian": P.EGYPT}),
    case("Norwegian salmon prices hit a record.", {"Norwegian": P.NORWAY}),
    case("The Kazakh government cut fuel prices after the protests.", {"Kazakh": P.KAZAKHSTAN}),
    case("Somali pirates seized a cargo ship.", {"Somali": P.SOMALIA}),
    case("Thousands of Afghans fled to Pakistan.", {"Afghans": P.AFGHANISTAN, "Pakistan": P.PAKISTAN}),
    case("Venezuelans queued for hours at the border.", {"Venezuelans": P.VENEZUELA}),
    case("Dutch police detained 40 protesters.", {"Dutch": P.NETHERLANDS}),
    case("The Azerbaijani and Armenian foreign ministers met in Washington.", {"Azerbaijani": P.AZERBAIJAN, "Armenian": P.ARMENIA, "Washington": P.WASHINGTON_DC}),
    case("Canadian wildfires sent smoke as far as Europe.", {"Canadian": P.CANADA, "Europe": P.EUROPE}),
    case("Filipino sailors make up a quarter of the world's crews.", {"Filipino": P.PHILIPPINES}),
]


def test_demonyms(gazetteer):
    assert_floor(CAPABILITY, CASES, gazetteer)
