"""Works today, keep it working: coherence that helps.

Other names in the text settle an ambiguous one: "Paris and Henry County" meet in
Tennessee; "Albany ... Georgia" puts Albany in Georgia; a country named nearby pulls its
towns home. And one sense per text: a name settled once stays settled.
"""

import places as P
from harness import Expect, assert_floor, case

CAPABILITY = "coherence"

CASES = [
    case("Deputies in Paris and Henry County searched for the missing boy.", {"Paris": P.PARIS_TN}),
    case("The storm knocked out power in Albany and Valdosta, in south Georgia.", {"Albany": P.town(31.578, -84.156, "Albany, Georgia"), "Valdosta": P.town(30.833, -83.279, "Valdosta, Georgia")}),
    case("Trains between Albany and Syracuse were delayed by snow across upstate New York.", {"Albany": P.ALBANY_NY, "Syracuse": P.SYRACUSE}),
    case("Azerbaijan said shells had hit Tovuz and Ganja.", {"Tovuz": P.TOVUZ, "Ganja": P.GANJA, "Azerbaijan": P.AZERBAIJAN}),
    case("The Texas towns of Paris and Tyler both voted to raise the sales tax.", {"Paris": P.PARIS_TX, "Texas": P.TEXAS}),
    case("Floods hit Florence, Pisa and Siena as the Arno burst its banks.", {"Florence": P.FLORENCE_IT, "Pisa": P.town(43.716, 10.402, "Pisa")}),
    case("Cardiff, Swansea and Newport all saw record rainfall in Wales this week.", {"Cardiff": P.town(51.481, -3.179, "Cardiff"), "Newport": P.town(51.588, -2.998, "Newport, Wales"), "Swansea": P.town(51.621, -3.944, "Swansea")}),
    case("Portland and Salem in Oregon both ran out of shelter beds.", {"Portland": P.PORTLAND_OR, "Salem": P.town(44.943, -123.035, "Salem, Oregon")}),
    case("Protests spread from Tbilisi to Kutaisi and Batumi.", {"Tbilisi": P.TBILISI, "Kutaisi": P.KUTAISI, "Batumi": P.BATUMI}),
    case("Springfield and Peoria, Illinois, both lost factories.", {"Springfield": P.SPRINGFIELD_IL, "Peoria": P.PEORIA}),
    case("Cambridge and Oxford topped the university league tables in England.", {"Cambridge": P.town(52.205, 0.119, "Cambridge, England"), "Oxford": P.OXFORD}),
    case("Cambridge and Somerville are suburbs of Boston, Massachusetts.", {"Cambridge": P.town(42.373, -71.110, "Cambridge, Massachusetts"), "Boston": P.BOSTON}),
    case("Kherson, Mykolaiv and Odesa in southern Ukraine were shelled.", {"Kherson": P.KHERSON, "Mykolaiv": P.MYKOLAIV, "Odesa": P.ODESA}),
    case("Jackson and Hattiesburg in Mississippi were hit by tornadoes.", {"Jackson": P.JACKSON_MS, "Hattiesburg": P.town(31.327, -89.290, "Hattiesburg")}),
    case("Wildfires burned near Santa Barbara and Ventura in California.", {"Santa Barbara": P.SANTA_BARBARA, "Ventura": P.town(34.275, -119.229, "Ventura, California")}),
    # one sense per text
    case(
        "Paris, Texas, is a small town. The mayor of Paris says tourism is growing, and Paris hopes to double its hotel rooms.",
        {"Paris": P.PARIS_TX},
        note="one sense per text",
    ),
    case(
        "Officials in Athens, Georgia, approved the plan. Athens will spend $4 million on parks.",
        {"Athens": P.ATHENS_GA},
        note="one sense per text",
    ),
    case(
        "London, Ontario, has a river called the Thames. London also has a Covent Garden market.",
        {"London": P.LONDON_ON},
        note="one sense per text",
    ),
    case(
        "The shelling of Tovuz began in July. Azerbaijan said Tovuz had been hit again on Sunday.",
        {"Tovuz": P.TOVUZ, "Azerbaijan": P.AZERBAIJAN},
    ),
    case(
        "Birmingham, Alabama, hosted the World Games. Birmingham spent years preparing.",
        [Expect("Birmingham", P.BIRMINGHAM_AL)],
        note="one sense per text",
    ),
]


def test_coherence(gazetteer):
    assert_floor(CAPABILITY, CASES, gazetteer)
