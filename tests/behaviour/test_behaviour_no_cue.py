"""Capability 8: a well-known place with no cue at all.

"Detroit has a new mayor." finds nothing today, while "In Detroit, the mayor spoke."
works. A big city as the subject of a sentence, or a country in a headline with no
preposition before it, is a place unless the text says otherwise (a team, a company,
a person).
"""

import places as P
from harness import NOWHERE, assert_floor, case, variants

CAPABILITY = "no_cue"

CASES = [
    case("Detroit has a new mayor.", {"Detroit": P.DETROIT}),
    case("Chicago reported 40 shootings over the holiday weekend.", {"Chicago": P.CHICAGO}),
    case("Houston is bracing for another hurricane.", {"Houston": P.HOUSTON}),
    case("Phoenix broke its heat record for the third day running.", {"Phoenix": P.PHOENIX}),
    case("Baltimore's murder rate fell to a 50-year low.", {"Baltimore": P.BALTIMORE}),
    case("Nairobi wants to ban plastic bags entirely.", {"Nairobi": P.NAIROBI}),
    case("Lagos floods every rainy season.", {"Lagos": P.LAGOS}),
    case("Kabul fell to the Taliban in August 2021.", {"Kabul": P.KABUL}),
    case("Mumbai's trains carry seven million people a day.", {"Mumbai": P.MUMBAI}),
    case("Jakarta is sinking faster than any other big city.", {"Jakarta": P.JAKARTA}),
    case("Tehran rejected the proposal on Sunday.", {"Tehran": P.TEHRAN}),
    case("Beijing warned of consequences.", {"Beijing": P.BEIJING}),
    case("Seoul and Tokyo agreed to share intelligence.", {"Seoul": P.SEOUL, "Tokyo": P.TOKYO}),
    case("Baghdad has had no power for two days.", {"Baghdad": P.BAGHDAD}),
    case("Johannesburg recorded its coldest night in a decade.", {"Johannesburg": P.JOHANNESBURG}),
    case("Pittsburgh approved a new budget on Tuesday.", {"Pittsburgh": P.PITTSBURGH}),
    case("Cleveland will host the convention.", {"Cleveland": P.CLEVELAND}),
    case("Nashville keeps growing.", {"Nashville": P.NASHVILLE}),
    case("Bangkok is expected to flood by the end of the century.", {"Bangkok": P.BANGKOK}),
    case("Caracas ran out of water again.", {"Caracas": P.CARACAS}),
    case("Bogotá elected its first female mayor.", {"Bogotá": P.BOGOTA}),
    case("Kinshasa is now Africa's largest city.", {"Kinshasa": P.KINSHASA}),
    case("Toronto's housing market cooled in the spring.", {"Toronto": P.TORONTO}),
    case("Karachi's port is running at half capacity.", {"Karachi": P.KARACHI}),
    case("Mogadishu was calm on Friday.", {"Mogadishu": P.MOGADISHU}),
    # Countries as subjects, headline style
    case("Norway raises interest rates again", {"Norway": P.NORWAY}),
    case("Peru declares state of emergency", {"Peru": P.PERU}),
    case("Ghana seeks IMF bailout", {"Ghana": P.GHANA}),
    case("Vietnam cuts fuel taxes", {"Vietnam": P.VIETNAM}),
    # ... and where the text says it is not the place: a team, a company
    case("Detroit beat Chicago 4-2 in overtime.", {"Detroit": NOWHERE, "Chicago": NOWHERE}, only=True, note="teams"),
    case("Boston traded its first-round pick to Phoenix.", {"Boston": NOWHERE, "Phoenix": NOWHERE}, only=True, note="teams"),
    # encyclopedia-style openings
    case("Montevideo is the capital and largest city of Uruguay.", {"Montevideo": P.MONTEVIDEO, "Uruguay": P.URUGUAY}),
    case("Almaty was the capital of Kazakhstan until 1997.", {"Almaty": P.ALMATY, "Kazakhstan": P.KAZAKHSTAN}),
    case("Rotterdam has the largest port in Europe.", {"Rotterdam": P.ROTTERDAM, "Europe": P.EUROPE}),
    # wire-copy subjects
    case("Islamabad summoned the Afghan envoy.", {"Islamabad": P.ISLAMABAD, "Afghan": P.AFGHANISTAN}),
    case("Ankara and Damascus restored diplomatic ties.", {"Ankara": P.ANKARA, "Damascus": P.DAMASCUS}),
    case("Riyadh is hosting the talks.", {"Riyadh": P.RIYADH}),
    # social media
    case("Minneapolis is so cold today lol", {"Minneapolis": P.MINNEAPOLIS}),
    case("Honestly Lisbon is the best city in Europe", {"Lisbon": P.LISBON, "Europe": P.EUROPE}),
]
# Invariance: the same frame, one big city after another.
CASES += variants(
    "{x} has a new mayor.",
    {"Philadelphia": P.PHILADELPHIA, "Dallas": P.DALLAS, "Atlanta": P.ATLANTA, "Denver": P.DENVER, "Seattle": P.SEATTLE, "Milwaukee": P.MILWAUKEE},
    only=True,
)


def test_no_cue(gazetteer):
    assert_floor(CAPABILITY, CASES, gazetteer)
