"""Capability 5: famous places over their namesakes.

With no country in the text, "Pilgrims visited Lourdes and Fatima" are the shrines in
France and Portugal, not Brazilian towns; "Jerusalem" is the city, not the governorate;
"Lugansk" is Luhansk, not a village in Kazakhstan. A city of millions beats a same-named
state or province unless the text says otherwise.
"""

import places as P
from harness import assert_floor, case, variants

CAPABILITY = "famous"

CASES = [
    case("Pilgrims visited Lourdes and Fatima on a two-week tour.", {"Lourdes": P.LOURDES, "Fatima": P.FATIMA_PT}),
    case("Thousands prayed at the Western Wall in Jerusalem on Friday.", {"Jerusalem": P.JERUSALEM}),
    case("Separatists in Lugansk announced a referendum.", {"Lugansk": P.LUHANSK}),
    case("Christmas celebrations in Bethlehem were muted this year.", {"Bethlehem": P.BETHLEHEM}),
    case("Hajj pilgrims began arriving in Mecca and Medina.", {"Mecca": P.MECCA, "Medina": P.MEDINA}),
    case("The Olympic torch was lit in Athens and flown to Tokyo.", {"Athens": P.ATHENS, "Tokyo": P.TOKYO}),
    case("The opposition leader was arrested in Moscow on Saturday.", {"Moscow": P.MOSCOW}),
    case("Tourists flocked to Venice despite the new entry fee.", {"Venice": P.VENICE}),
    case("Talks in Geneva ended without an agreement.", {"Geneva": P.GENEVA}),
    case("The ancient library of Alexandria was said to hold 400,000 scrolls.", {"Alexandria": P.ALEXANDRIA_EG}),
    case("Missiles struck Odessa overnight, damaging the port.", {"Odessa": P.ODESA}),
    case("Cairo's metro is getting a new line.", {"Cairo": P.CAIRO}),
    case("The festival in Cannes opens with a French comedy this year.", {"Cannes": P.CANNES}),
    case("The treaty was signed in Vienna in 2015.", {"Vienna": P.VIENNA}),
    case("He studied medieval history at Oxford before joining the Foreign Office.", {"Oxford": P.OXFORD}),
    case("São Paulo's mayor announced free buses on Sundays.", {"São Paulo": P.SAO_PAULO}),
    case("Mexico City is sinking by up to 50 centimetres a year.", {"Mexico City": P.MEXICO_CITY}),
    case("Havana's old town is crumbling, residents say.", {"Havana": P.HAVANA}),
    case("Flights to Lima were cancelled after the protests at the airport.", {"Lima": P.LIMA}),
    case("The exhibition moves from Berlin to Dublin in the spring.", {"Berlin": P.BERLIN, "Dublin": P.DUBLIN}),
    case("Manchester is bidding to host the games in 2036.", {"Manchester": P.MANCHESTER}),
    case("Smog shut schools in Delhi for a week.", {"Delhi": P.DELHI}),
    case("Ferries between Lagos and the islands were suspended.", {"Lagos": P.LAGOS}),
    case("Sydney's Opera House turns fifty.", {"Sydney": P.SYDNEY}),
    case("Perth had its hottest December day on record.", {"Perth": P.PERTH}),
    case("Shelling in Donetsk killed three civilians, local authorities said.", {"Donetsk": P.DONETSK}),
    case("Warsaw will host the summit next June.", {"Warsaw": P.WARSAW}),
    case("Damascus airport was closed after the strike.", {"Damascus": P.DAMASCUS}),
    case("Kandahar has fallen, a Taliban spokesman said.", {"Kandahar": P.KANDAHAR}),
    case("The manuscripts of Timbuktu were smuggled out in rice sacks.", {"Timbuktu": P.TIMBUKTU}),
    case("Rome's mayor wants fewer cars in the historic centre.", {"Rome": P.ROME}),
    case("Salzburg's Mozart week sold out in an hour.", {"Salzburg": P.SALZBURG}),
]
# Invariance: one frame, many famous cities; the frame's other place never moves.
CASES += variants(
    "The delegation flew from {x} to Brussels for the summit.",
    {"Paris": P.PARIS, "Lyon": P.LYON, "Athens": P.ATHENS, "Moscow": P.MOSCOW, "Cairo": P.CAIRO, "Dublin": P.DUBLIN, "Rome": P.ROME, "Berlin": P.BERLIN},
    {"Brussels": P.BRUSSELS},
    only=True,
)


def test_famous(gazetteer):
    assert_floor(CAPABILITY, CASES, gazetteer)
