"""Works today, keep it working: qualifiers ("Paris, Texas", "Azerbaijan's Tovuz").

Directional pairs: adding ", Texas" moves Paris to Texas; the same sentence without
the qualifier keeps Paris in France.
"""

import places as P
from harness import assert_floor, case

CAPABILITY = "qualifiers"

CASES = [
    # directional pairs: the qualifier moves the place, nothing else does
    case("The festival in Paris drew record crowds this year.", {"Paris": P.PARIS}),
    case("The festival in Paris, Texas, drew record crowds this year.", {"Paris": P.PARIS_TX, "Texas": P.TEXAS}),
    case("The festival in Paris, Tennessee, drew record crowds this year.", {"Paris": P.PARIS_TN}),
    case("Flooding closed roads around London on Tuesday.", {"London": P.LONDON}),
    case("Flooding closed roads around London, Ontario, on Tuesday.", {"London": P.LONDON_ON, "Ontario": P.ONTARIO}),
    case("A new hospital opened in Athens last month.", {"Athens": P.ATHENS}),
    case("A new hospital opened in Athens, Georgia, last month.", {"Athens": P.ATHENS_GA, "Georgia": P.GEORGIA_US}),
    case("Students in Florence protested against rising rents.", {"Florence": P.FLORENCE_IT}),
    case("Students in Florence, Alabama, protested against rising rents.", {"Florence": P.FLORENCE_AL}),
    case("Residents of Birmingham voted on the plan.", {"Birmingham": P.BIRMINGHAM_UK}),
    case("Residents of Birmingham, Alabama, voted on the plan.", {"Birmingham": P.BIRMINGHAM_AL, "Alabama": P.ALABAMA}),
    case("Police in Alexandria arrested two men.", {"Alexandria": P.ALEXANDRIA_EG}),
    case("Police in Alexandria, Va., arrested two men.", {"Alexandria": P.ALEXANDRIA_VA}),
    case("The mayor of Rome resigned on Friday.", {"Rome": P.ROME}),
    case("The mayor of Rome, Georgia, resigned on Friday.", {"Rome": P.ROME_GA}),
    case("Snow fell in Moscow overnight.", {"Moscow": P.MOSCOW}),
    case("Snow fell in Moscow, Idaho, overnight.", {"Moscow": P.town(46.732, -117.000, "Moscow, Idaho")}),
    # state abbreviations
    case("She grew up in Portland, Ore., and moved east after college.", {"Portland": P.PORTLAND_OR}),
    case("She grew up in Portland, Maine, and moved west after college.", {"Portland": P.PORTLAND_ME}),
    case("The company is based in Springfield, Ill.", {"Springfield": P.SPRINGFIELD_IL}),
    case("A fire destroyed a warehouse in Charleston, S.C., on Sunday.", {"Charleston": P.CHARLESTON_SC}),
    case("A fire destroyed a warehouse in Charleston, W.Va., on Sunday.", {"Charleston": P.CHARLESTON_WV}),
    case("He was arrested in Columbus, Ohio, after a traffic stop.", {"Columbus": P.COLUMBUS_OH}),
    case("The Clippers' new arena is not in Los Angeles, Calif., but in Inglewood.", {"Los Angeles": P.LOS_ANGELES}),
    # country qualifiers and possessives
    case("Azerbaijan's Tovuz district came under fire in July.", {"Tovuz": P.TOVUZ}),
    case("Ukraine's Kherson was liberated in November 2022.", {"Kherson": P.KHERSON}),
    case("Georgia's Batumi is a busy port on the Black Sea.", {"Batumi": P.BATUMI, "Black Sea": P.BLACK_SEA}),
    case("Valencia, Venezuela, is the country's third-largest city.", {"Valencia": P.town(10.162, -68.008, "Valencia, Venezuela")}),
    case("Valencia, Spain, is famous for its paella.", {"Valencia": P.town(39.470, -0.376, "Valencia, Spain")}),
    case("Córdoba, Argentina, is a university city.", {"Córdoba": P.town(-31.420, -64.188, "Córdoba, Argentina")}),
    case("Córdoba, Spain, is famous for its mosque-cathedral.", {"Córdoba": P.town(37.888, -4.779, "Córdoba, Spain")}),
    case("Santiago, Chile, woke up to its first snow in years.", {"Santiago": P.SANTIAGO_CL}),
    case("Kingston, Ontario, was once the capital of Canada.", {"Kingston": P.town(44.231, -76.486, "Kingston, Ontario")}),
    case("Kingston, Jamaica, is the birthplace of reggae.", {"Kingston": P.KINGSTON_JM}),
    case("San José, Costa Rica, is building a new tram line.", {"San José": P.SAN_JOSE_CR}),
    case("San Jose, California, is the capital of Silicon Valley.", {"San Jose": P.SAN_JOSE_CA}),
]


def test_qualifiers(gazetteer):
    assert_floor(CAPABILITY, CASES, gazetteer)
