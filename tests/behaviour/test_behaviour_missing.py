"""Capability 9: places the gazetteer lacks.

Places of the first customer's region that news names (Talysh, Madagiz, Hadrut) are
missing because GeoNames' cities500 leaves out villages under 500 people or without a
population; news also names places that are not settlements at all: military bases,
national parks, islands, dams, border crossings, power plants.
"""

import places as P
from harness import assert_floor, case

CAPABILITY = "missing"

CASES = [
    # villages of the Karabakh front line and around it
    case("Heavy fighting was reported near Talysh and Madagiz in the Tartar district.", {"Talysh": P.TALYSH_VILLAGE, "Madagiz": P.MADAGIZ}),
    case("Azerbaijani troops entered Hadrut on October 9.", {"Hadrut": P.HADRUT}),
    case("Residents of Sugovushan returned to their homes for the first time in 27 years.", {"Sugovushan": P.MADAGIZ}),
    case("Mines were cleared from the road between Aghdam and Khojaly.", {"Aghdam": P.AGHDAM, "Khojaly": P.town(39.911, 46.790, "Khojaly, Azerbaijan")}),
    case("The village of Robotyne was retaken in late August.", {"Robotyne": P.town(47.445, 35.838, "Robotyne, Ukraine")}),
    # military bases
    case("Wounded soldiers were flown to Ramstein Air Base in Germany.", {"Ramstein Air Base": P.RAMSTEIN_AB}),
    case("The last US troops left Bagram Airfield in the night.", {"Bagram Airfield": P.BAGRAM_AB}),
    case("Detainees at Guantanamo Bay have been held for two decades without trial.", {"Guantanamo Bay": P.GUANTANAMO}),
    case("US nuclear weapons are said to be stored at Incirlik Air Base.", {"Incirlik Air Base": P.INCIRLIK}),
    case("Iran fired missiles at Al Udeid Air Base in Qatar.", {"Al Udeid Air Base": P.AL_UDEID}),
    case("Paratroopers from Fort Bragg were put on alert.", {"Fort Bragg": P.FORT_BRAGG}),
    case("B-52 bombers were moved to Diego Garcia.", {"Diego Garcia": P.DIEGO_GARCIA}),
    # parks and landmarks
    case("Yellowstone National Park reopened after the floods.", {"Yellowstone National Park": P.YELLOWSTONE}),
    case("A climber fell to his death in Yosemite on Sunday.", {"Yosemite": P.YOSEMITE}),
    case("Poachers killed three rhinos in Kruger National Park last month.", {"Kruger National Park": P.KRUGER_PARK}),
    case("The wildebeest migration crosses the Serengeti every year.", {"Serengeti": P.SERENGETI}),
    case("Two hikers were rescued in Banff National Park.", {"Banff National Park": P.BANFF_PARK}),
    case("Rafting trips through the Grand Canyon were cancelled.", {"Grand Canyon": P.GRAND_CANYON}),
    # dams
    case("Water levels behind the Hoover Dam fell to a record low.", {"Hoover Dam": P.HOOVER_DAM}),
    case("The Three Gorges Dam released water to ease the flooding downstream.", {"Three Gorges Dam": P.THREE_GORGES_DAM}),
    case("The Kakhovka dam was destroyed in June 2023, flooding dozens of villages.", {"Kakhovka": P.KAKHOVKA_DAM}),
    case("Engineers warned that the Mosul Dam could collapse.", {"Mosul Dam": P.MOSUL_DAM}),
    case("Egypt and Ethiopia failed to agree on the Grand Ethiopian Renaissance Dam.", {"Grand Ethiopian Renaissance Dam": P.GERD}),
    case("Lake Nasser formed behind the Aswan High Dam in the 1960s.", {"Aswan High Dam": P.ASWAN_DAM}),
    # border crossings and corridors
    case("Aid trucks lined up at the Rafah crossing.", {"Rafah": P.RAFAH_CROSSING}),
    case("Torkham, the main crossing between Pakistan and Afghanistan, reopened.", {"Torkham": P.TORKHAM}),
    case("The Bab al-Hawa crossing is the only route for UN aid into northwest Syria.", {"Bab al-Hawa": P.BAB_AL_HAWA}),
    case("Palestinians travel to Jordan through the Allenby Bridge crossing.", {"Allenby Bridge": P.ALLENBY_BRIDGE}),
    case("Traffic through the Lachin corridor stopped in December.", {"Lachin corridor": P.LACHIN_CORRIDOR}),
    # islands
    case("A boat carrying 40 migrants reached Lampedusa at dawn.", {"Lampedusa": P.LAMPEDUSA}),
    case("The camp on Lesbos burned down in 2020.", {"Lesbos": P.LESBOS}),
    case("Wildfires forced tourists to leave hotels on Rhodes and Crete.", {"Crete": P.CRETE, "Rhodes": P.area(36.2, 28.0, 60, "Rhodes")}),
    case("Hotels on Mallorca are fully booked for August.", {"Mallorca": P.MALLORCA}),
    case("The ferry to the Isle of Skye was cancelled.", {"Isle of Skye": P.ISLE_OF_SKYE}),
    case("Ukrainian troops retook Snake Island in the Black Sea.", {"Snake Island": P.SNAKE_ISLAND}),
    case("Mandela spent 18 of his 27 years in prison on Robben Island.", {"Robben Island": P.ROBBEN_ISLAND}),
    case("Immigrants were processed at Ellis Island until 1954.", {"Ellis Island": P.ELLIS_ISLAND}),
    case("The president spent August on Martha's Vineyard.", {"Martha's Vineyard": P.MARTHAS_VINEYARD}),
    case("Alcatraz closed as a prison in 1963.", {"Alcatraz": P.ALCATRAZ}),
    # plants and installations
    case("Inspectors visited the Zaporizhzhia Nuclear Power Plant on Thursday.", {"Zaporizhzhia Nuclear Power Plant": P.town(47.51, 34.585, "Zaporizhzhia NPP")}),
    case("Radioactive water from Fukushima will be released into the sea.", {"Fukushima": P.area(37.42, 141.03, 80, "Fukushima (plant and prefecture)")}),
    case("Defenders held out in the Azovstal steel works for weeks.", {"Azovstal": P.MARIUPOL}),
]


def test_missing(gazetteer):
    assert_floor(CAPABILITY, CASES, gazetteer)
