"""Airports and military airfields, and the names news gives them (a build-time tool only).

From airportsdata: every airport with an IATA code by its full name and the shorter names news
uses (:func:`airport_names`), and the military airfields (air bases, air stations, RAF
stations) by their names and the forms of :func:`military_base_names`, as places of kind
``airport`` (ids ``iata:XXX``, or ``icao:XXXX`` for an airfield without an IATA code).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from geo.data.sources import Sources, read_airports, read_military_airfields
from geo.data.writers import _english_zipf
from geo.records import Place

if TYPE_CHECKING:
    from geo.data.build import _Gazetteer

__all__ = ["airport_names", "military_base_names", "add_airports", "add_military_airfields", "AIRPORT_BARE_MAX_ZIPF"]


#: Words an airport's name ends with that say what it is, not which it is.
_AIRPORT_WORDS = frozenset("International Intercontinental Regional Municipal National Airport".split())
#: A bare distinctive name ("Heathrow") is added only when it is this rare an English word:
#: "Liberty" (Newark), "Capital" (Beijing) or "Kennedy" alone are not the airport.
AIRPORT_BARE_MAX_ZIPF = 3.5


def airport_names(name: str, city: str, zipf) -> tuple[list[str], str]:
    """The names news uses for an airport besides its full name, and its bare distinctive
    name ("" for none; the caller decides whether it may stand alone). ``zipf``: a word's
    English Zipf frequency, asked in lower case as :func:`word_zipf_tsv` asks it (None counts as 0).

    >>> airport_names("Chicago O'Hare International Airport", "Chicago", lambda w: 2.0)
    (["O'Hare International Airport", "O'Hare Airport", "Chicago O'Hare Airport"], "O'Hare")
    >>> airport_names("Dubai International Airport", "Dubai", lambda w: 2.0)
    (['Dubai Airport'], '')
    """
    words = name.split()
    if len(words) < 2 or words[-1] != "Airport":
        return [], ""
    core = words[:-1]
    international = core[-1] in ("International", "Intercontinental")
    while core and core[-1] in _AIRPORT_WORDS:
        core = core[:-1]
    if not core:
        return [], ""
    town = city.split()
    distinct = core[len(town):] if core[: len(town)] == town and len(core) > len(town) else []
    forms = []
    if distinct:
        if international:
            forms.append(" ".join(distinct) + " International Airport")
        forms.append(" ".join(distinct) + " Airport")
    forms.append(" ".join(core) + " Airport")
    forms = [f for f in dict.fromkeys(forms) if f != name]
    bare = " ".join(distinct)
    if not bare or len(bare) < 4 or max(zipf(w.lower()) or 0.0 for w in distinct) >= AIRPORT_BARE_MAX_ZIPF:
        bare = ""
    return forms, bare


def add_airports(g: _Gazetteer, src: Sources, zipf=None) -> None:
    """Airports with an IATA code, by their full name and the shorter names news uses
    ("Heathrow Airport"; "Heathrow" alone where no country, state or big town has that name)."""
    rows = read_airports(src)
    if not rows:
        return
    zipf = zipf or _english_zipf()
    from geo.names import name_key

    # Names a bare airport name must not take over: areas and towns of 10,000 people or more.
    taken = {name_key(p.name) for p in g.places.values() if p.kind != "city" or p.population >= 10_000}
    for r in rows:
        name = " ".join(r["name"].split())
        if not name.endswith("Airport"):  # an air base, a heliport, a name in another language
            continue
        forms, bare = airport_names(name, r["city"], zipf)
        pid = "iata:" + r["iata"]
        g.add(Place(pid, name, "airport", round(float(r["lat"]), 5), round(float(r["lon"]), 5), r["country"], "", 0))
        for form in forms:
            g.name(pid, form)
        if bare and name_key(bare) not in taken:
            g.name(pid, bare)


#: The other names news gives a military airfield's kind of base.
_BASE_FORMS = (("Air Base", "Airbase"), ("Airbase", "Air Base"), ("Air Force Base", "AFB"),
               ("Army Air Field", "Army Airfield"), ("Army Airfield", "Army Air Field"))
_BRACKETS = re.compile(r"\s*\([^)]*\)")


def military_base_names(name: str) -> tuple[str, list[str]]:
    """A military airfield's name as news writes it (airportsdata's codes in brackets dropped)
    and its other forms; never the bare place name, which is the town's.

    >>> military_base_names("Avord (BA 702) Air Base")
    ('Avord Air Base', ['Avord Airbase'])
    >>> military_base_names("Edwards Air Force Base"), military_base_names("RAF Lakenheath")
    (('Edwards Air Force Base', ['Edwards AFB']), ('RAF Lakenheath', []))
    """
    name = " ".join(_BRACKETS.sub("", name).split())
    forms = [name[: -len(end)] + other for end, other in _BASE_FORMS if name.endswith(" " + end)]
    return name, forms


def add_military_airfields(g: _Gazetteer, src: Sources) -> None:
    """Air bases, air stations and RAF stations (news names them: "Ramstein Air Base"), as
    airports: by IATA code where they have one, else by ICAO code."""
    for r in read_military_airfields(src):
        pid = "iata:" + r["iata"] if r["iata"] else "icao:" + r["icao"]
        if pid in g.places:
            continue
        name, forms = military_base_names(r["name"])
        g.add(Place(pid, name, "airport", round(float(r["lat"]), 5), round(float(r["lon"]), 5), r["country"], "", 0))
        for form in forms:
            g.name(pid, form)
