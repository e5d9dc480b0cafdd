"""Capability 7: spellings the sources do not list, and places' own names for themselves.

Romanisations differ by system and era: Azerbaijani Latin (Qəbələ / Gabala, Şəki / Sheki,
Şuşa / Shusha), Russian and Ukrainian (Lugansk / Luhansk, Nikolayev / Mykolaiv), Arabic
(Al-/El-/Ar-, Hodeidah / Al Hudaydah); older English names (Bombay, Peking); and the
endonyms a text in another language (or a proud writer) uses: España, Deutschland,
Polska, Azərbaycan. A variant never outranks a place whose main name it is.
"""

import places as P
from harness import assert_floor, case

CAPABILITY = "spellings"

CASES = [
    # Azerbaijani Latin and its English renderings
    case("Tourists returned to Qəbələ for the ski season.", {"Qəbələ": P.GABALA}),
    case("The old silk town of Şəki is on UNESCO's list.", {"Şəki": P.SHAKI}),
    case("Şuşa was declared the cultural capital of the country.", {"Şuşa": P.SHUSHA}),
    case("The carpet museum of Shusha reopened in 2021.", {"Shusha": P.SHUSHA}),
    case("Tea plantations around Lənkəran supply most of the country.", {"Lənkəran": P.LANKARAN}),
    case("Xankəndi's first flights since the war landed on Monday.", {"Xankəndi": P.KHANKENDI}),
    case("Refugees from Ağdam were resettled in new villages.", {"Ağdam": P.AGHDAM}),
    case("The road to Kəlbəcər runs over the Murovdag range.", {"Kəlbəcər": P.KALBAJAR}),
    case("Gəncə was shelled three times in October.", {"Gəncə": P.GANJA}),
    case("A new airport opened in Zəngilan last year.", {"Zəngilan": P.ZANGILAN}),
    case("The Kelbajar district was returned under the ceasefire.", {"Kelbajar": P.KALBAJAR.within(40)}),
    case("Lenkoran's subtropical climate draws tourists from Baku.", {"Lenkoran": P.LANKARAN, "Baku": P.BAKU}),
    # Russian against Ukrainian spellings, old and new
    case("Lugansk and Donetsk declared independence in 2014.", {"Lugansk": P.LUHANSK, "Donetsk": P.DONETSK}),
    case("The shipyard in Nikolayev was hit by a missile.", {"Nikolayev": P.MYKOLAIV}),
    case("Air raid sirens sounded across Kiev overnight.", {"Kiev": P.KYIV}),
    case("Kharkov's metro became a shelter for thousands.", {"Kharkov": P.KHARKIV}),
    case("Rail links between Zaporozhye and the front were cut.", {"Zaporozhye": P.ZAPORIZHZHIA}),
    case("Artemovsk, now Bakhmut, was the scene of months of fighting.", {"Artemovsk": P.BAKHMUT, "Bakhmut": P.BAKHMUT}),
    case("The Odessa opera house was damaged in the strike.", {"Odessa": P.ODESA}),
    case("A drone hit an apartment block in Vinnitsa.", {"Vinnitsa": P.town(49.233, 28.468, "Vinnytsia, Ukraine")}),
    case("Refugees from Lvov crossed into Poland.", {"Lvov": P.LVIV}),
    case("The bridge near Chernigov was blown up.", {"Chernigov": P.CHERNIHIV}),
    # Arabic article and transliteration variants
    case("Saudi-led jets struck the port of Hodeidah.", {"Hodeidah": P.HODEIDAH}),
    case("Fighters withdrew from Ar-Raqqa in 2017.", {"Ar-Raqqa": P.RAQQA}),
    case("Kurdish forces control much of Al-Hasakah province's north.", {"Al-Hasakah": P.AL_HASAKAH.within(80)}),
    case("Protests continued in Sweida for a third month.", {"Sweida": P.SUWAYDA}),
    case("Talks on Idleb were held in Sochi.", {"Idleb": P.town(35.930, 36.633, "Idlib")}),
    case("Sulaimaniya is the second city of Iraqi Kurdistan.", {"Sulaimaniya": P.town(35.561, 45.437, "Sulaymaniyah")}),
    # Older English names
    case("He sailed from Bombay to Aden in 1947.", {"Bombay": P.MUMBAI, "Aden": P.ADEN}),
    case("Nixon landed in Peking in February 1972.", {"Peking": P.BEIJING}),
    case("Rangoon's colonial buildings are being restored.", {"Rangoon": P.YANGON}),
    case("Calcutta was the capital of British India until 1911.", {"Calcutta": P.KOLKATA}),
    case("The battle of Stalingrad lasted five months.", {"Stalingrad": P.VOLGOGRAD}),
    case("Danzig became Gdańsk after the war.", {"Danzig": P.GDANSK, "Gdańsk": P.GDANSK}),
    case("Constantinople fell to the Ottomans in 1453.", {"Constantinople": P.ISTANBUL}),
    # Endonyms
    case("La economía de España creció un 2,5 % el año pasado.", {"España": P.SPAIN}),
    case("Die Wirtschaft in Deutschland schrumpft zum zweiten Mal.", {"Deutschland": P.GERMANY}),
    case("Polska i Litwa podpisały umowę o współpracy.", {"Polska": P.POLAND}),
    case("Azərbaycan Respublikasının paytaxtı Bakı şəhəridir.", {"Azərbaycan": P.AZERBAIJAN}),
    case("Welcome to Sakartvelo, the land of wine and polyphonic song.", {"Sakartvelo": P.GEORGIA_COUNTRY}),
    case("Il governo d'Italia ha approvato la legge di bilancio.", {"Italia": P.ITALY}),
    case("Sverige och Finland ansökte om medlemskap i Nato.", {"Sverige": P.SWEDEN, "Finland": P.FINLAND}),
    case("Türkiye wants to be called by its own name in English too.", {"Türkiye": P.TURKEY}),
    case("The orchestra plays in München and Wien this autumn.", {"München": P.MUNICH, "Wien": P.VIENNA}),
]


def test_spellings(gazetteer):
    assert_floor(CAPABILITY, CASES, gazetteer)
