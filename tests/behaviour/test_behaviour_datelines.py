"""Works today, keep it working: datelines.

"NEW YORK (AP) —", "KYIV, Ukraine (Reuters) -", "BAKU, Azerbaijan, Jan. 26": the dateline's
town is the city, and it is a place even in capitals.
"""

import places as P
from harness import assert_floor, case

CAPABILITY = "datelines"

CASES = [
    case("NEW YORK (AP) — Stocks fell sharply on Wall Street on Tuesday.", {"NEW YORK": P.NEW_YORK}),
    case("KYIV, Ukraine (Reuters) - Air raid sirens sounded across the country overnight.", {"KYIV": P.KYIV, "Ukraine": P.UKRAINE}),
    case("BAKU, Azerbaijan, Jan. 26 — The government approved a new reconstruction plan.", {"BAKU": P.BAKU, "Azerbaijan": P.AZERBAIJAN}),
    case("PARIS (AFP) - French unions called a new national strike for Thursday.", {"PARIS": P.PARIS}),
    case("WASHINGTON — The Senate passed the spending bill late Friday.", {"WASHINGTON": P.WASHINGTON_DC}),
    case("LONDON, March 3 (Reuters) - British house prices rose for a fifth month.", {"LONDON": P.LONDON}),
    case("TOKYO (AP) — A strong earthquake shook northern Japan on Saturday.", {"TOKYO": P.TOKYO, "Japan": P.JAPAN}),
    case("JOHANNESBURG — Power cuts returned to South Africa this week.", {"JOHANNESBURG": P.JOHANNESBURG, "South Africa": P.SOUTH_AFRICA}),
    case("TBILISI, Georgia (AP) — Tens of thousands rallied outside parliament.", {"TBILISI": P.TBILISI, "Georgia": P.GEORGIA_COUNTRY}),
    case("ATLANTA (AP) — Georgia's governor signed the budget on Monday.", {"ATLANTA": P.ATLANTA, "Georgia": P.GEORGIA_US}),
    case("YEREVAN, Armenia, Sept. 20 — Protesters blocked roads in the capital.", {"YEREVAN": P.YEREVAN, "Armenia": P.ARMENIA}),
    case("MEXICO CITY (AP) — Mexico's president said the border would stay open.", {"MEXICO CITY": P.MEXICO_CITY, "Mexico": P.MEXICO}),
    case("NAIROBI, Kenya — Kenya's parliament passed the finance bill.", {"NAIROBI": P.NAIROBI, "Kenya": P.KENYA}),
    case("BEIRUT (Reuters) - Lebanon's currency fell to a new low.", {"BEIRUT": P.BEIRUT, "Lebanon": P.LEBANON}),
    case("SAN FRANCISCO (AP) — A tech company laid off 10,000 workers.", {"SAN FRANCISCO": P.SAN_FRANCISCO}),
    case("PORTLAND, Ore. (AP) — Protests continued for a third night.", {"PORTLAND": P.PORTLAND_OR}),
    case("PARIS, Texas (AP) — A tornado damaged homes on the north side of town.", {"PARIS": P.PARIS_TX}),
    case("ISTANBUL (AP) — Turkey's central bank raised interest rates.", {"ISTANBUL": P.ISTANBUL, "Turkey": P.TURKEY}),
    case("JERUSALEM (AP) — Israel's parliament dissolved itself on Thursday.", {"JERUSALEM": P.JERUSALEM, "Israel": P.ISRAEL}),
    case("CARACAS, Venezuela (AP) — The opposition named a new candidate.", {"CARACAS": P.CARACAS, "Venezuela": P.VENEZUELA}),
]


def test_datelines(gazetteer):
    assert_floor(CAPABILITY, CASES, gazetteer)
