"""Capability 3: case as people really type it.

Lower-case text ("floods in bangladesh and nepal"), ALL-CAPS headlines, hashtags
("#PuertoRico", "#Detroit") and joined names ("NewYork") are real input: social media,
headlines, OCR. A careful reader finds the same places in them as in title case.
"""

import places as P
from harness import NOWHERE, assert_floor, case

CAPABILITY = "case"

CASES = [
    # lower case
    case("floods in bangladesh and nepal have killed dozens", {"bangladesh": P.BANGLADESH, "nepal": P.NEPAL}),
    case("quake near tokyo, no tsunami warning", {"tokyo": P.TOKYO}),
    case("just landed in berlin, it's freezing", {"berlin": P.BERLIN}),
    case("my flight from chicago to denver got cancelled again", {"chicago": P.CHICAGO, "denver": P.DENVER}),
    case("anyone know a good taco place in san antonio?", {"san antonio": P.SAN_ANTONIO}),
    case("protests spreading across iran tonight", {"iran": P.IRAN}),
    case("praying for everyone in ukraine", {"ukraine": P.UKRAINE}),
    case("moving from london to manchester next month, any tips?", {"london": P.LONDON, "manchester": P.MANCHESTER}),
    case("wildfire smoke from canada is drifting over new york", {"canada": P.CANADA, "new york": P.NEW_YORK.within(400)}),
    case("power is still out in most of puerto rico", {"puerto rico": P.PUERTO_RICO}),
    # ALL CAPS
    case("EARTHQUAKE STRIKES OFF COAST OF CHILE", {"CHILE": P.CHILE}),
    case("FLOODS HIT PAKISTAN AS MONSOON INTENSIFIES", {"PAKISTAN": P.PAKISTAN}),
    case("KYIV BRACES FOR NEW WAVE OF STRIKES", {"KYIV": P.KYIV}),
    case("RIOTS ERUPT IN PARIS SUBURBS AFTER POLICE SHOOTING", {"PARIS": P.PARIS}),
    case("BREAKING: EXPLOSION REPORTED NEAR BEIRUT PORT", {"BEIRUT": P.BEIRUT}),
    case("TEXAS GOVERNOR ORDERS NATIONAL GUARD TO BORDER", {"TEXAS": P.TEXAS}),
    case("BRAZIL AND ARGENTINA SIGN TRADE DEAL", {"BRAZIL": P.BRAZIL, "ARGENTINA": P.ARGENTINA}),
    case("HEAT WAVE GRIPS INDIA; DELHI TOPS 48C", {"INDIA": P.INDIA, "DELHI": P.DELHI}),
    # hashtags and handles
    case("#PuertoRico needs help. Donate now.", {"PuertoRico": P.PUERTO_RICO}),
    case("Heavy snow in #Detroit today, stay home if you can", {"Detroit": P.DETROIT}),
    case("Stand with #Ukraine", {"Ukraine": P.UKRAINE}),
    case("Sunset over the harbour #Sydney #Australia", {"Sydney": P.SYDNEY, "Australia": P.AUSTRALIA}),
    case("Traffic is a nightmare right now #LosAngeles", {"LosAngeles": P.LOS_ANGELES}),
    case("Great food and great people #NewOrleans", {"NewOrleans": P.NEW_ORLEANS}),
    case("#Gaza hospitals are running out of fuel", {"Gaza": P.GAZA_STRIP.within(60)}),
    case("Marathon day! #Boston", {"Boston": P.BOSTON}),
    # joined names
    case("Flying NewYork to SanFrancisco tomorrow", {"NewYork": P.NEW_YORK.within(400), "SanFrancisco": P.SAN_FRANCISCO}),
    case("HongKong protests enter their third week", {"HongKong": P.HONG_KONG}),
    # invariance: the same sentence in three cases finds the same place
    case("Heavy rain is expected in Manila tonight.", {"Manila": P.MANILA}),
    case("heavy rain is expected in manila tonight.", {"manila": P.MANILA}),
    case("HEAVY RAIN IS EXPECTED IN MANILA TONIGHT", {"MANILA": P.MANILA}),
    # case must not invent places: ordinary lower-case words stay words
    case("we will mark the date and turn the page, said the chair", {"mark": NOWHERE, "date": NOWHERE, "turn": NOWHERE, "page": NOWHERE}, only=True),
    case("THE MAN WHO SOLD THE WORLD IS STILL MY FAVOURITE SONG", {"WORLD": NOWHERE}, only=True),
    # more lower case, as typed on phones
    case("stuck at the airport in atlanta for 6 hours", {"atlanta": P.ATLANTA}),
    case("visiting family in mexico city this week!!", {"mexico city": P.MEXICO_CITY}),
    case("the heat in phoenix is unreal today", {"phoenix": P.PHOENIX}),
    case("road trip: seattle -> portland -> sacramento", {"seattle": P.SEATTLE, "sacramento": P.SACRAMENTO}),
    case("earthquake felt in lima and callao, no damage reported yet", {"lima": P.LIMA}),
    case("cheap flights to lisbon in march?", {"lisbon": P.LISBON}),
    # headlines in capitals, with the small words
    case("MIGRANT BOAT SINKS OFF LIBYA, DOZENS MISSING", {"LIBYA": P.LIBYA}),
    case("WILDFIRES FORCE EVACUATIONS ACROSS GREECE AND TURKEY", {"GREECE": P.GREECE, "TURKEY": P.TURKEY}),
    case("NIGERIA ELECTION: TINUBU DECLARED WINNER", {"NIGERIA": P.NIGERIA}),
    case("STORM BATTERS NEW ORLEANS; LEVEES HOLD", {"NEW ORLEANS": P.NEW_ORLEANS}),
    case("Baku To Host Climate Talks, UN Says", {"Baku": P.BAKU}),
    # hashtags with more than one name
    case("Sending love to #Morocco after the quake #Marrakech", {"Morocco": P.MOROCCO, "Marrakech": P.MARRAKESH}),
    case("Long queues at the border #Poland #Ukraine", {"Poland": P.POLAND, "Ukraine": P.UKRAINE}),
    case("#MexicoCity marathon this morning, what a crowd", {"MexicoCity": P.MEXICO_CITY}),
    case("So proud of #Kenya today", {"Kenya": P.KENYA}),
    case("#SanDiego beaches are closed after the sewage spill", {"SanDiego": P.SAN_DIEGO}),
]


def test_case(gazetteer):
    assert_floor(CAPABILITY, CASES, gazetteer)
