"""Capability 1: names that open with an article or a particle.

"La Coruña", "El Alto", "The Bronx", "Le Touquet", "Al-Hasakah", "Des Moines", "Del Rio":
the article or particle is part of the name; dropping it loses the place or moves it to
another continent. Every language's openers: The, La, Le, Les, L', Los, Las, El, Al-/Ar-/As-,
Den, De, Het, San/Santa/São, Saint/St./Ste., Port, Fort, Mount.
"""

import places as P
from harness import NOWHERE, assert_floor, case, variants

CAPABILITY = "articles"

CASES = [
    case("Deportivo fans filled the streets of La Coruña after the final whistle.", {"La Coruña": P.A_CORUNA}),
    case("El Alto, which sits above La Paz on the Altiplano, has grown faster than the capital.", {"El Alto": P.EL_ALTO, "La Paz": P.LA_PAZ}),
    case("A four-alarm fire tore through an apartment building in The Bronx early Sunday.", {"The Bronx": P.THE_BRONX}),
    case("Macron voted in Le Touquet, the seaside resort where he keeps a house.", {"Le Touquet": P.LE_TOUQUET}),
    case("Kurdish-led forces said they had retaken a prison in Al-Hasakah.", {"Al-Hasakah": P.AL_HASAKAH}),
    case("He lives in Des Moines, Iowa, with his wife and two dogs.", {"Des Moines": P.DES_MOINES, "Iowa": P.IOWA}),
    case("Border Patrol agents in Del Rio reported a sharp rise in crossings.", {"Del Rio": P.DEL_RIO}),
    case("The ferry from Le Havre to Portsmouth was cancelled because of the storm.", {"Le Havre": P.LE_HAVRE}),
    case("Sailors crossed the finish line at Les Sables-d'Olonne after 80 days at sea.", {"Les Sables-d'Olonne": P.LES_SABLES}),
    case("The 2009 earthquake destroyed much of the old centre of L'Aquila.", {"L'Aquila": P.L_AQUILA}),
    case("Tourists returning from Las Palmas were stuck at the airport for hours.", {"Las Palmas": P.LAS_PALMAS}),
    case("The Dutch government sits in The Hague, not in Amsterdam.", {"The Hague": P.THE_HAGUE, "Amsterdam": P.AMSTERDAM}),
    case("The navy's main base is at Den Helder, on the tip of North Holland.", {"Den Helder": P.DEN_HELDER}),
    case("A new bridge over the Columbia opened at The Dalles on Friday.", {"The Dalles": P.THE_DALLES}),
    case("Police in Fort Worth are searching for a missing teenager.", {"Fort Worth": P.FORT_WORTH}),
    case("The Cardinals returned to St. Louis after a long road trip.", {"St. Louis": P.ST_LOUIS}),
    case("Residents of São Paulo queued for hours to be vaccinated.", {"São Paulo": P.SAO_PAULO}),
    case("Lawmakers returned to the capitol in Santa Fe for the start of the New Mexico session.", {"Santa Fe": P.SANTA_FE}),
    case("Los Alamos, the New Mexico town where the bomb was built, is marking the anniversary.", {"Los Alamos": P.LOS_ALAMOS}),
    case("A cholera outbreak spread through camps around Port-au-Prince.", {"Port-au-Prince": P.PORT_AU_PRINCE}),
    case("The rally in Las Cruces drew a crowd of about 2,000.", {"Las Cruces": P.LAS_CRUCES}),
    case("Fighting resumed around El Fasher, the last army stronghold in Darfur.", {"El Fasher": P.EL_FASHER}),
    case("Shelling hit Ar-Raqqa overnight, a monitoring group said.", {"Ar-Raqqa": P.RAQQA}),
    case("The Druze city of As-Suwayda has seen weeks of protests.", {"As-Suwayda": P.SUWAYDA}),
    case("The company moved its headquarters to The Woodlands, north of Houston.", {"The Woodlands": P.THE_WOODLANDS, "Houston": P.HOUSTON}),
    case("A farmers' market in Le Mars drew shoppers from across Plymouth County.", {"Le Mars": P.LE_MARS}),
    case("Fans in La Crosse watched the Packers game on a big screen downtown.", {"La Crosse": P.LA_CROSSE}),
    case("A cargo ship ran aground near Port Said at the mouth of the Suez Canal.", {"Port Said": P.PORT_SAID}),
    case("Police in El Cajon arrested two men after a chase.", {"El Cajon": P.EL_CAJON}),
    case("She grew up in San Sebastián and studied in Bilbao.", {"San Sebastián": P.SAN_SEBASTIAN}),
    case("The Basque fishing fleet docked at La Rochelle for the night.", {"La Rochelle": P.LA_ROCHELLE}),
    case("Flights to Fort Lauderdale were diverted because of thunderstorms.", {"Fort Lauderdale": P.FORT_LAUDERDALE}),
    case("Ste. Genevieve, the oldest town in Missouri, flooded again this spring.", {"Ste. Genevieve": P.STE_GENEVIEVE}),
    case("The Dutch weather service in De Bilt issued a code orange for wind.", {"De Bilt": P.DE_BILT}),
    case("Our train to Den Bosch was delayed by 40 minutes.", {"Den Bosch": P.DEN_BOSCH}),
    case("Sugar beet harvests around Saint-Étienne fell by a third.", {"Saint-Étienne": P.SAINT_ETIENNE}),
    case("The research ship left El Jadida for the Canary Islands.", {"El Jadida": P.EL_JADIDA}),
    case("A power cut left half of La Plata without electricity.", {"La Plata": P.LA_PLATA}),
    case("A mine near Mount Isa in outback Queensland will close next year.", {"Mount Isa": P.town(-20.726, 139.493, "Mount Isa, Queensland")}),
    case("Mount Gambier's Blue Lake turns a vivid blue every November.", {"Mount Gambier": P.town(-37.829, 140.783, "Mount Gambier, South Australia")}),
    case("Temperatures in Al Ain reached 50 degrees on Sunday.", {"Al Ain": P.AL_AIN}),
    case("Aid convoys gathered in El-Arish before heading to the border.", {"El-Arish": P.town(31.132, 33.803, "El-Arish, Egypt")}),
    case("A storm flooded the promenade at De Panne on the Belgian coast.", {"De Panne": P.DE_PANNE}),
    case("Shipbuilders in Saint-Nazaire launched the world's largest cruise ship.", {"Saint-Nazaire": P.town(47.273, -2.214, "Saint-Nazaire, France")}),
    case("Oil workers in Port Harcourt went on strike.", {"Port Harcourt": P.town(4.816, 7.050, "Port Harcourt, Nigeria")}),
    case("Wildfires forced the evacuation of Fort McMurray in 2016.", {"Fort McMurray": P.town(56.726, -111.381, "Fort McMurray, Alberta")}),
    case("The ferry from St. John's to Halifax takes about 36 hours.", {"St. John's": P.ST_JOHNS_NL}),
    case("Zapatista rebels took San Cristóbal de las Casas in 1994.", {"San Cristóbal de las Casas": P.town(16.737, -92.638, "San Cristóbal de las Casas")}),
    case("Students from Fort Collins won the state robotics prize.", {"Fort Collins": P.FORT_COLLINS}),
]
# Invariance: the particle city in the slot changes nothing else in the sentence.
CASES += variants(
    "Officials in {x} and in Madrid said the agreement would be signed next week.",
    {"La Coruña": P.A_CORUNA, "Las Palmas": P.LAS_PALMAS, "San Sebastián": P.SAN_SEBASTIAN, "Seville": P.SEVILLE},
    {"Madrid": P.MADRID},
    only=True,
)


def test_articles(gazetteer):
    assert_floor(CAPABILITY, CASES, gazetteer)
