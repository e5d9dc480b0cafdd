"""Capability 10: coherence that overrules the obvious.

Context pulls too hard: "Farmers from Bangor, Lewiston and Waterville said exports to
China had fallen by half" puts China in Maine; "officials from Dayton and Sidney said a
plant owned by a company in Russia would close" puts Russia in Ohio. No amount of
coherence should turn a country of millions into a village without explicit evidence
("Russia, Ohio"). Evidence weighs by distance (sentence, paragraph, text), and one sense
per text yields to a mention's own local evidence. Long texts built from many short
stories are where it goes most wrong.
"""

import places as P
from harness import Expect, assert_floor, case

CAPABILITY = "coherence_limits"

CASES = [
    case(
        "Farmers from Bangor, Lewiston and Waterville said exports to China had fallen by half.",
        {"Bangor": P.BANGOR, "Lewiston": P.LEWISTON_ME, "Waterville": P.WATERVILLE, "China": P.CHINA},
    ),
    case(
        "Officials from Dayton and Sidney said a plant owned by a company in Russia would close.",
        {"Dayton": P.DAYTON, "Sidney": P.SIDNEY_OH, "Russia": P.RUSSIA},
    ),
    case(
        "Officials in Macon, Georgia, said the plant would export peanuts to Egypt and Jordan.",
        {"Macon": P.MACON, "Georgia": P.GEORGIA_US, "Egypt": P.EGYPT, "Jordan": P.JORDAN},
    ),
    case(
        "The mayors of Paris, Texas, and Athens, Texas, met to discuss tourism from Mexico and Canada.",
        {"Paris": P.PARIS_TX, "Athens": P.town(32.205, -95.855, "Athens, Texas"), "Mexico": P.MEXICO, "Canada": P.CANADA},
    ),
    case(
        "Students in Lima, Ohio, raised money for flood victims in Peru.",
        {"Lima": P.town(40.743, -84.105, "Lima, Ohio"), "Peru": P.PERU},
    ),
    case(
        "A dairy in Poland, Maine, began selling cheese to Germany and Poland.",
        [Expect("Poland", P.town(44.060, -70.394, "Poland, Maine", 15), inside="Poland, Maine"), Expect("Maine", P.MAINE), Expect("Germany", P.GERMANY), Expect("Poland", P.POLAND, inside="and Poland")],
    ),
    case(
        "The Lebanon, Pennsylvania, council voted to send aid to Lebanon after the blast in Beirut.",
        [Expect("Lebanon", P.town(40.341, -76.411, "Lebanon, Pennsylvania", 15), inside="Lebanon, Pennsylvania"), Expect("Lebanon", P.LEBANON, inside="to Lebanon"), Expect("Beirut", P.BEIRUT)],
    ),
    case(
        "Officials in Athens, Georgia, and Rome, Georgia, said trade with Italy and Greece was growing.",
        {"Athens": P.ATHENS_GA, "Rome": P.ROME_GA, "Italy": P.ITALY, "Greece": P.GREECE},
    ),
    case(
        "Growers near Mexico, Missouri, compete with imports from Mexico and Brazil.",
        [Expect("Mexico", P.town(39.170, -91.883, "Mexico, Missouri", 15), inside="Mexico, Missouri"), Expect("Mexico", P.MEXICO, inside="from Mexico"), Expect("Brazil", P.BRAZIL)],
    ),
    case(
        "Firefighters from Troy, Ohio, and Piqua were sent to help after the quake in Turkey.",
        {"Troy": P.town(40.039, -84.203, "Troy, Ohio"), "Turkey": P.TURKEY},
    ),
    case(
        "The school board in Paris, Kentucky, hired a teacher from France.",
        {"Paris": P.town(38.210, -84.253, "Paris, Kentucky"), "France": P.FRANCE},
    ),
    case(
        "Police in Moscow, Idaho, said the suspect had never been to Russia.",
        {"Moscow": P.town(46.732, -117.000, "Moscow, Idaho"), "Russia": P.RUSSIA},
    ),
    case(
        "Lawmakers in Tbilisi and Batumi accused Russia of stirring unrest in Georgia's breakaway regions.",
        {"Tbilisi": P.TBILISI, "Batumi": P.BATUMI, "Russia": P.RUSSIA, "Georgia": P.GEORGIA_COUNTRY},
    ),
    case(
        "Macon and Savannah officials met in Atlanta; separately, the president of Georgia flew from Tbilisi to Brussels.",
        [Expect("Macon", P.MACON), Expect("Savannah", P.SAVANNAH), Expect("Georgia", P.GEORGIA_COUNTRY, inside="president of Georgia"), Expect("Tbilisi", P.TBILISI)],
    ),
    case(
        "Students from Canton and Massillon, Ohio, raised money for flood relief in China.",
        {"Canton": P.town(40.799, -81.379, "Canton, Ohio"), "China": P.CHINA},
    ),
    case(
        "Teachers from Berlin, New Hampshire, spent the summer in Germany.",
        {"Berlin": P.town(44.469, -71.185, "Berlin, New Hampshire"), "Germany": P.GERMANY},
    ),
    case(
        "The Paris, Tennessee, factory will ship parts to France, Germany and Spain.",
        {"Paris": P.PARIS_TN, "France": P.FRANCE, "Germany": P.GERMANY, "Spain": P.SPAIN},
    ),
    case(
        "Mills in Rumford and Jay, Maine, are losing business to pulp from Brazil, Peru and Chile.",
        {"Brazil": P.BRAZIL, "Peru": P.PERU, "Chile": P.CHILE},
    ),
    case(
        "A school board in Lima, Ohio, voted to ban phones; in Lima, the capital of Peru, teachers went on strike.",
        [Expect("Lima", P.town(40.743, -84.105, "Lima, Ohio"), inside="Lima, Ohio"), Expect("Lima", P.LIMA, inside="Lima, the capital"), Expect("Peru", P.PERU)],
    ),
    case(
        "Russia, Ohio, a village of 600 people, held its annual homecoming festival.",
        {"Russia": P.town(40.234, -84.410, "Russia, Ohio", 15), "Ohio": P.OHIO},
        note="explicit evidence: the village",
    ),
    case(
        "Residents of China, Maine, voted to keep their town meeting.",
        {"China": P.town(44.478, -69.517, "China, Maine", 15)},
        note="explicit evidence: the town",
    ),
    case(
        "Norway, Maine, is famous for its snowshoes, and Norway the country for its fjords.",
        [Expect("Norway", P.town(44.214, -70.545, "Norway, Maine", 15), inside="Norway, Maine"), Expect("Norway", P.NORWAY, inside="Norway the country")],
    ),
    case(
        "Police in Athens and Marietta, Ohio, said the suspects had come from Columbus. Meanwhile in Greece, Athens braced for a heat wave.",
        [Expect("Athens", P.town(39.329, -82.101, "Athens, Ohio"), inside="Athens and Marietta"), Expect("Athens", P.ATHENS, inside="Greece, Athens"), Expect("Greece", P.GREECE)],
        note="local evidence beats one sense per text",
    ),
    case(
        "Dublin, Ohio, hosts the Memorial golf tournament. Ireland's government in Dublin announced a budget surplus.",
        [Expect("Dublin", P.town(40.099, -83.114, "Dublin, Ohio"), inside="Dublin, Ohio"), Expect("Dublin", P.DUBLIN, inside="government in Dublin"), Expect("Ireland", P.IRELAND)],
        note="local evidence beats one sense per text",
    ),
]


def _long_text(stories: list[str]) -> str:
    return "\n\n".join(stories)


# A day's wire of short local US stories, with a few world briefs between them: one
# sense per text must not pull the world's countries into Ohio, Maine or Georgia.
_LOCAL = [
    "DAYTON, Ohio - The city council approved a new budget for road repairs on Monday.",
    "Sidney police arrested a man after a chase on Interstate 75.",
    "Bangor's public library will extend its hours in the winter.",
    "A bakery in Lewiston, Maine, won a national award for its bread.",
    "Macon, Georgia, will host the state marching band championship.",
    "Savannah's port handled a record number of containers last month.",
    "A water main broke in Waterville, flooding two streets.",
    "Athens, Georgia, opened a new bike lane downtown.",
]
_WORLD = [
    "Russia said its troops had withdrawn from positions near Kherson.",
    "The president of Georgia met European Union leaders in Brussels to discuss membership.",
    "China reported its slowest growth in decades.",
    "Protesters in Tbilisi waved the flags of Georgia and the European Union.",
    "Moscow accused Ukraine of attacking a bridge in Crimea.",
    "Exports from China to Russia rose by a quarter.",
]
_WIRE = _long_text([s for pair in zip(_LOCAL, _WORLD + _WORLD[:2]) for s in pair] * 3)
CASES.append(
    case(
        _WIRE,
        {
            "Russia": P.RUSSIA,
            "China": P.CHINA,
            "Tbilisi": P.TBILISI,
            "Kherson": P.KHERSON,
            "Brussels": P.BRUSSELS,
            "Ukraine": P.UKRAINE,
            "Crimea": P.CRIMEA,
            "Moscow": P.MOSCOW,
            "DAYTON": P.DAYTON,
            "Macon": P.MACON,
            "Waterville": P.WATERVILLE,
        },
        note="long text of many short stories: world names stay in the world",
    )
)
CASES.append(
    case(
        _WIRE,
        [
            Expect("Georgia", P.GEORGIA_US, inside="Macon, Georgia"),
            Expect("Georgia", P.GEORGIA_US, inside="Athens, Georgia"),
            Expect("Georgia", P.GEORGIA_COUNTRY, inside="president of Georgia"),
            Expect("Georgia", P.GEORGIA_COUNTRY, inside="flags of Georgia"),
        ],
        note="long text: each Georgia follows its own sentence",
    )
)

# A Maine weekly's digest: Maine has towns called China, Peru, Mexico, Poland, Norway,
# Denmark, Belfast, Lisbon and Vienna; the world briefs name the countries and cities.
_MAINE = [
    "AUGUSTA, Maine - The legislature passed a bill to fund rural broadband.",
    "Bangor will repave Main Street this summer.",
    "A Waterville restaurant won a state award for its chowder.",
    "Lewiston's new high school opens in September.",
    "Portland, Maine, saw a record number of cruise ships.",
]
_BRIEFS = [
    "Poland and Norway signed a gas deal in Warsaw.",
    "Floods in Peru destroyed thousands of homes near Lima.",
    "Mexico elected its first woman president.",
    "Denmark will buy more fighter jets from the United States.",
    "China's exports to Europe fell for a third month.",
]
_DIGEST = _long_text([s for pair in zip(_MAINE, _BRIEFS) for s in pair] * 4)
CASES.append(
    case(
        _DIGEST,
        {
            "Poland": P.POLAND,
            "Norway": P.NORWAY,
            "Warsaw": P.WARSAW,
            "Peru": P.PERU,
            "Lima": P.LIMA,
            "Mexico": P.MEXICO,
            "Denmark": P.DENMARK,
            "China": P.CHINA,
            "Europe": P.EUROPE,
            "Bangor": P.BANGOR,
            "Waterville": P.WATERVILLE,
        },
        note="long text: a Maine digest with world briefs",
    )
)


def test_coherence_limits(gazetteer):
    assert_floor(CAPABILITY, CASES, gazetteer)
