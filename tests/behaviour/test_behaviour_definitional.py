"""Capability 6: definitional sentences carry the container to the place.

"X is a city/town/village in Y", "X, the capital of Y", "X in northern Y", "Y's X", "X (Y)"
must place X in Y the way "X, Y" already does. The towns below share their names with
bigger places elsewhere; only the definition says which one is meant.
"""

import places as P
from harness import assert_floor, case

CAPABILITY = "definitional"

CASES = [
    case("Marshall is a city in Harrison County, Texas.", {"Marshall": P.MARSHALL_TX}),
    case("Paris is a small city in northeast Texas, about 100 miles from Dallas.", {"Paris": P.PARIS_TX}),
    case("Paris is a city in Henry County, Tennessee.", {"Paris": P.PARIS_TN}),
    case("Athens is a city in northeast Georgia and home to the state's flagship university.", {"Athens": P.ATHENS_GA}),
    case("Rome is a city in northwest Georgia, where three rivers meet.", {"Rome": P.ROME_GA}),
    case("Florence is a city in South Carolina's Pee Dee region.", {"Florence": P.FLORENCE_SC}),
    case("London is a city in southwestern Ontario, on the Thames River.", {"London": P.LONDON_ON}),
    case("Odessa is a city in West Texas known for its oil fields.", {"Odessa": P.ODESSA_TX}),
    case("Alexandria, a city in northern Virginia, sits across the Potomac from Washington.", {"Alexandria": P.ALEXANDRIA_VA}),
    case("Lafayette, the seat of Tippecanoe County, Indiana, is home to Purdue University.", {"Lafayette": P.LAFAYETTE_IN}),
    case("Victoria, the capital of British Columbia, lies on Vancouver Island.", {"Victoria": P.VICTORIA_BC}),
    case("Charleston, the capital of West Virginia, sits on the Kanawha River.", {"Charleston": P.CHARLESTON_WV}),
    case("Jackson, the capital of Mississippi, has had water problems for years.", {"Jackson": P.JACKSON_MS}),
    case("Gori, a town in central Georgia, was Stalin's birthplace.", {"Gori": P.GORI}),
    case("Tovuz is a town in northwestern Azerbaijan, near the Armenian border.", {"Tovuz": P.TOVUZ}),
    case("Ganja, Azerbaijan's second city, was hit by missiles.", {"Ganja": P.GANJA}),
    case("Texas's Paris has its own Eiffel Tower, topped with a red cowboy hat.", {"Paris": P.PARIS_TX}),
    case("Ontario's London is home to Western University.", {"London": P.LONDON_ON}),
    case("Floods reached Florence (Alabama) on Wednesday.", {"Florence": P.FLORENCE_AL}),
    case("The plant is in Athens (Georgia), not in Greece.", {"Athens": P.ATHENS_GA}),
    case("Sidney is a city in Shelby County, Ohio.", {"Sidney": P.SIDNEY_OH}),
    case("Dayton, a city in southwestern Ohio, was the home of the Wright brothers.", {"Dayton": P.DAYTON}),
    case("Moscow, a small city in northern Idaho, is home to the University of Idaho.", {"Moscow": P.town(46.732, -117.000, "Moscow, Idaho")}),
    case("Birmingham, the largest city in Alabama, was a centre of the civil rights movement.", {"Birmingham": P.BIRMINGHAM_AL}),
    case("Perth, a city in central Scotland, sits on the River Tay.", {"Perth": P.town(56.396, -3.437, "Perth, Scotland")}),
    case("Kingston, the capital of Jamaica, hosted the regional summit.", {"Kingston": P.KINGSTON_JM}),
]


def test_definitional(gazetteer):
    assert_floor(CAPABILITY, CASES, gazetteer)
