"""Capability 2: names a person could have, where the text says they are places, and the reverse.

"Tyler, Texas, is known for roses", "Gary, Indiana, lost its mill", "Marshall is a city in
Harrison County, Texas": the town must not be lost because Tyler, Gary and Marshall are
also given names or surnames. The reverse: "Georgia Smith and Florence Welch sang" names
two women, no country and no Italian city.
"""

import places as P
from harness import NOWHERE, Expect, assert_floor, case

CAPABILITY = "person_names"

CASES = [
    # Places with a person's name, said to be places.
    case("Tyler, Texas, is known for its rose gardens.", {"Tyler": P.TYLER, "Texas": P.TEXAS}),
    case("Gary, Indiana, lost its last steel mill in the 1980s.", {"Gary": P.GARY, "Indiana": P.INDIANA}),
    case("Marshall, Texas, holds a fire ant festival every October.", {"Marshall": P.MARSHALL_TX}),
    case("The festival moves to Eugene, Oregon, next summer.", {"Eugene": P.EUGENE, "Oregon": P.OREGON}),
    case("Jackson, Mississippi, went without clean water for weeks.", {"Jackson": P.JACKSON_MS}),
    case("Madison, Wisconsin, was named the best college town in the Midwest.", {"Madison": P.MADISON_WI}),
    case("Flights from Charlotte, North Carolina, were grounded by the storm.", {"Charlotte": P.CHARLOTTE}),
    case("Victoria, British Columbia, has the mildest winters in Canada.", {"Victoria": P.VICTORIA_BC}),
    case("Regina, the capital of Saskatchewan, recorded -40 on Monday.", {"Regina": P.REGINA}),
    case("Irving, Texas, is home to the headquarters of ExxonMobil.", {"Irving": P.IRVING}),
    case("A tornado touched down near Florence, Alabama, late Tuesday.", {"Florence": P.FLORENCE_AL}),
    case("Police in Troy, New York, closed the bridge over the Hudson.", {"Troy": P.TROY_NY}),
    case("The plant in Warren, Michigan, will build electric trucks.", {"Warren": P.WARREN_MI}),
    case("Lafayette, Louisiana, is the heart of Cajun country.", {"Lafayette": P.LAFAYETTE_LA}),
    case("Sidney, Ohio, is a small city on the Great Miami River.", {"Sidney": P.SIDNEY_OH}),
    # People who carry a place's name.
    case("Georgia Smith and Florence Welch sang at the benefit concert.", {"Georgia": NOWHERE, "Florence": NOWHERE}, only=True),
    case("Paris Hilton posted a video from her kitchen.", {"Paris": NOWHERE}, only=True),
    case("Jordan Henderson scored the winner in the 89th minute.", {"Jordan": NOWHERE}, only=True),
    case("Chad Johnson caught two touchdown passes on Sunday.", {"Chad": NOWHERE}, only=True),
    case("Madison Keys reached the quarterfinals after beating the top seed.", {"Madison": NOWHERE}, only=True),
    case("Victoria Beckham unveiled her new collection on Friday.", {"Victoria": NOWHERE}, only=True),
    case("Sydney Sweeney and Austin Butler will star in the remake.", {"Sydney": NOWHERE, "Austin": NOWHERE}, only=True),
    case("Whitney Houston's gowns go on auction next month.", {"Houston": NOWHERE}, only=True),
    case("Israel Adesanya lost his middleweight title on Saturday night.", {"Israel": NOWHERE}, only=True),
    case("Quarterback Troy Aikman joined the broadcast team.", {"Troy": NOWHERE}, only=True),
    case("Lincoln Riley said his players were ready for the rivalry game.", {"Lincoln": NOWHERE}, only=True),
    case("Florence Nightingale trained nurses at St Thomas' Hospital.", {"Florence": NOWHERE}),
    case("The author Washington Irving wrote The Legend of Sleepy Hollow.", {"Washington": NOWHERE}),
    case("Brooklyn Beckham and his wife attended the premiere.", {"Brooklyn": NOWHERE}, only=True),
    case("Kenya Barris is writing a new comedy series.", {"Kenya": NOWHERE}, only=True),
    # Both in one sentence: the person is no place, the place is one.
    case("Georgia Harrison, who grew up in Atlanta, won the award.", {"Georgia": NOWHERE, "Atlanta": P.ATLANTA}),
    case("Dallas Smith played a sold-out show in Dallas on Friday.", [Expect("Dallas", NOWHERE, inside="Dallas Smith"), Expect("Dallas", P.DALLAS, inside="in Dallas")]),
    case("Charlotte Church has moved from Cardiff to a farm in Wales.", {"Charlotte": NOWHERE}),
    case("Austin Powers was filmed partly in Las Vegas.", {"Austin": NOWHERE, "Las Vegas": P.LAS_VEGAS}),
    case("Adelaide Kane flew home to Perth for the holidays.", {"Adelaide": NOWHERE, "Perth": P.PERTH}),
    # more towns that are given names or surnames
    case("Eugene is the second-largest city in Oregon.", {"Eugene": P.EUGENE}),
    case("Tyler is the county seat of Smith County in East Texas.", {"Tyler": P.TYLER}),
    case("Gary sits on the southern shore of Lake Michigan, in Indiana.", {"Gary": P.GARY}),
    case("Regina and Saskatoon both voted for the new budget.", {"Regina": P.REGINA}),
    case("Irving and Garland are suburbs of Dallas.", {"Irving": P.IRVING, "Dallas": P.DALLAS}),
    # more people who carry a place's name
    case("Kendall Jenner and Sofia Richie arrived at the gala together.", {"Sofia": NOWHERE}, only=True),
    case("Chelsea Clinton spoke at the conference on Tuesday.", {"Chelsea": NOWHERE}, only=True),
    case("Phoenix Rivers, a 19-year-old swimmer, broke the junior record.", {"Phoenix": NOWHERE}, only=True),
    case("President Lincoln signed the proclamation in 1863.", {"Lincoln": NOWHERE}, only=True),
    case("Savannah Guthrie opened the show from the studio in New York.", {"Savannah": NOWHERE, "New York": P.NEW_YORK.within(400)}),
    case("Dakota Johnson and Dakota Fanning were both nominated.", {"Dakota": NOWHERE}, only=True),
]


def test_person_names(gazetteer):
    assert_floor(CAPABILITY, CASES, gazetteer)
