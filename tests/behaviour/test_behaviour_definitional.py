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
    # "X is a city in (northern) Y", "X, the capital of Y"
    case("Tripoli is the largest city in northern Lebanon.", {"Tripoli": P.town(34.437, 35.850, "Tripoli, Lebanon")}),
    case("Hyderabad is a city in Pakistan's Sindh province, on the Indus.", {"Hyderabad": P.town(25.396, 68.377, "Hyderabad, Pakistan")}),
    case("Toledo, a city in central Spain, is famous for its swords.", {"Toledo": P.town(39.863, -4.027, "Toledo, Spain")}),
    case("Toledo is a port city in northwest Ohio on Lake Erie.", {"Toledo": P.TOLEDO_OH}),
    case("Dublin is a suburb of Columbus in central Ohio.", {"Dublin": P.town(40.099, -83.114, "Dublin, Ohio")}),
    case("Lagos is a resort town in the Algarve, in southern Portugal.", {"Lagos": P.town(37.102, -8.674, "Lagos, Portugal")}),
    case("Victoria, the capital of the Seychelles, is one of the smallest capitals in the world.", {"Victoria": P.town(-4.620, 55.455, "Victoria, Seychelles")}),
    case("Georgetown, the capital of Guyana, sits below sea level.", {"Georgetown": P.town(6.801, -58.155, "Georgetown, Guyana")}),
    case("Hamilton is a steel city in Ontario, on the western tip of Lake Ontario.", {"Hamilton": P.town(43.256, -79.869, "Hamilton, Ontario")}),
    case("Hamilton, a city in New Zealand's Waikato region, hosted the cricket test.", {"Hamilton": P.town(-37.787, 175.279, "Hamilton, New Zealand")}),
    case("Newcastle, a coal port in New South Wales, shipped a record tonnage.", {"Newcastle": P.town(-32.927, 151.776, "Newcastle, New South Wales")}),
    case("Sydney is a former steel town on Cape Breton Island in Nova Scotia.", {"Sydney": P.town(46.136, -60.194, "Sydney, Nova Scotia")}),
    case("Halifax is a minster town in West Yorkshire, in the north of England.", {"Halifax": P.town(53.725, -1.863, "Halifax, England")}),
    case("Boston, a market town in Lincolnshire, voted most strongly to leave the EU.", {"Boston": P.town(52.976, -0.026, "Boston, Lincolnshire")}),
    case("Worcester is a cathedral city in the West Midlands of England, on the River Severn.", {"Worcester": P.town(52.192, -2.220, "Worcester, England")}),
    case("Waterloo is a town in central Belgium, south of Brussels.", {"Waterloo": P.town(50.715, 4.399, "Waterloo, Belgium")}),
    case("Bethlehem is a city in Pennsylvania's Lehigh Valley, long known for its steel.", {"Bethlehem": P.town(40.626, -75.370, "Bethlehem, Pennsylvania")}),
    case("Kent is a city in northeast Ohio, home to Kent State University.", {"Kent": P.town(41.154, -81.358, "Kent, Ohio")}),
    case("Nassau, the capital of the Bahamas, was hit by the hurricane.", {"Nassau": P.town(25.060, -77.345, "Nassau, Bahamas")}),
    case("Santiago is the second city of the Dominican Republic.", {"Santiago": P.town(19.451, -70.697, "Santiago de los Caballeros")}),
    # "Y's X" and "X (Y)"
    case("Spain's Mérida has some of the best Roman ruins outside Italy.", {"Mérida": P.town(38.916, -6.344, "Mérida, Spain")}),
    case("Venezuela's Mérida sits high in the Andes.", {"Mérida": P.town(8.589, -71.144, "Mérida, Venezuela")}),
    case("Canada's Windsor faces Detroit across the river.", {"Windsor": P.town(42.317, -83.036, "Windsor, Ontario"), "Detroit": P.DETROIT}),
    case("England's Windsor Castle is the oldest occupied castle in the world.", {"Windsor": P.town(51.483, -0.604, "Windsor, England")}),
    case("Rosario (Argentina) is the birthplace of Lionel Messi.", {"Rosario": P.town(-32.947, -60.639, "Rosario, Argentina")}),
    case("Trujillo (Peru) is known for its marinera dance festival.", {"Trujillo": P.town(-8.112, -79.029, "Trujillo, Peru")}),
    case("The ferry leaves Plymouth (Massachusetts) for Provincetown at nine.", {"Plymouth": P.town(41.958, -70.667, "Plymouth, Massachusetts")}),
    case("Richmond, in North Yorkshire, is one of the prettiest towns in England.", {"Richmond": P.town(54.403, -1.737, "Richmond, North Yorkshire")}),
]


def test_definitional(gazetteer):
    assert_floor(CAPABILITY, CASES, gazetteer)
