"""Named islands of the CIA World Data Bank II, and the names news gives them (a build-time tool only).

The R package ``mapdata`` (Debian ``r-cran-mapdata``) ships World Data Bank II as the
``worldHires`` map database: 2,284 polygons named "Country:Island" ("Spain:Majorca",
"UK:Scotland:Island of Skye", "Chagos Archipelago:Diego Garcia"). The named parts after the
country are islands (a few are exclaves or lakes). :func:`read_map_polygons` reads the
database's three files (the layout is that of the R ``maps`` package: ``.N`` names each
polygon, ``.G`` lists each polygon's polylines, ``.L`` holds the polylines' points) and
:func:`add_islands` adds each named island as a place of kind ``physical`` (id ``wdb2:N``,
the polygon's number in the pinned database), at a point inside its outline.
"""

from __future__ import annotations

import math
import struct
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo.data.outlines import point_in
from geo.data.writers import _english_zipf
from geo.records import Place

if TYPE_CHECKING:
    from geo.data.build import _Gazetteer

__all__ = ["read_map_polygons", "island_names", "add_islands", "ISLAND_COMMON_ZIPF", "ISLAND_NEAR_KM", "ISLAND_KNOWN_KM2", "ISLAND_YIELDS_TO", "ISLAND_MIN_LETTERS"]

#: A name none of whose distinctive words is rarer than this in English is a common phrase,
#: not an island's name on its own ("Big Island", "Long Island": the generic "Island" aside,
#: every word is common).
ISLAND_COMMON_ZIPF = 3.5
#: An island whose name a place within this distance already has is left to that place (the
#: town or district named like its island: "Texel", "Cabinda").
ISLAND_NEAR_KM = 60.0
#: A town of this many people anywhere keeps its name from an island named like it.
ISLAND_YIELDS_TO = 1000
#: An island at least this big (km²) is known by its name even when the name is a common
#: English phrase ("Long Island", "North Island"); a smaller one is not ("Snake Island" of
#: Australia, not the Black Sea's).
ISLAND_KNOWN_KM2 = 1000.0
#: A one-word name shorter than this is an abbreviation or a word of some language as often
#: as an island ("Hoy", "Gan", "Epi"), as airports' bare names.
ISLAND_MIN_LETTERS = 4

#: Words that say an island is one, not which: in English and in the languages whose
#: generic word World Data Bank II keeps in names ("Ostrov Paramushir", "Isla Guafo").
_ENGLISH_GENERIC = frozenset("island islands isle isles of the".split())
_FOREIGN_PREFIX = frozenset("ostrov ostrova otok isla islas ile île ilha ilhas pulau nusa".split())
#: Articles and prepositions after such a word: "Isla de la Juventud" is never "la Juventud"
#: nor, safely, "Juventud", so such a name has no bare form.
_LINKS = frozenset("de del la las los da do dos das du des d".split())


def read_map_polygons(stem: Path) -> dict[int, tuple[str, list[list[tuple[float, float]]]]]:
    """Polygon number -> (name, rings of (lon, lat)) of an R ``maps`` database (``stem.N``,
    ``.G``, ``.L``). A polygon is one ring chained from its polylines; a negative polyline
    number means the line is walked backwards."""
    names = {}
    for row in stem.with_suffix(".N").read_text(encoding="latin-1").splitlines():
        name, _, number = row.rpartition("\t")
        if name and number.strip().isdigit():
            names[int(number)] = name.strip()
    gon, lines = stem.with_suffix(".G").read_bytes(), stem.with_suffix(".L").read_bytes()
    order = "<" if 0 <= struct.unpack("<i", lines[:4])[0] <= 10_000 else ">"
    coordtype = struct.unpack(order + "i", lines[:4])[0]
    scale = math.pi / 180 if coordtype in (0, 2) else 1.0  # 0 and 2: points stored in radians
    (total,) = struct.unpack(order + "H", gon[:2])

    def polyline(number: int) -> list[tuple[float, float]]:
        head = 8 + (abs(number) - 1) * 28  # int coordtype, int count, then 28-byte headers
        offset, npair = struct.unpack(order + "IH", lines[head : head + 6])
        xy = struct.unpack(order + f"{2 * npair}f", lines[offset : offset + 8 * npair])
        points = [(xy[2 * i] / scale, xy[2 * i + 1] / scale) for i in range(npair)]
        return points if number > 0 else points[::-1]

    out = {}
    for region in range(1, total + 1):
        head = 2 + (region - 1) * 24  # ushort count, then 24-byte headers
        offset, nline = struct.unpack(order + "IB", gon[head : head + 5])
        numbers = struct.unpack(order + f"{nline}i", gon[offset : offset + 4 * nline])
        ring = [p for n in numbers for p in polyline(n)]
        if region in names and len(ring) >= 3:
            out[region] = (names[region], [ring])
    return out


def island_names(name: str) -> tuple[str, list[str]]:
    """An island's name as news writes it and its other forms: "Isle of X" and "Island of X"
    are one another's; a name with a foreign generic word is also the bare name.

    >>> island_names("Island of Skye"), island_names("Ostrov Paramushir"), island_names("Majorca")
    (('Island of Skye', ['Isle of Skye']), ('Ostrov Paramushir', ['Paramushir']), ('Majorca', []))
    >>> island_names("Isla de la Juventud")
    ('Isla de la Juventud', [])
    """
    name = " ".join(name.split())
    words = name.split()
    forms = []
    if len(words) > 2 and words[0] in ("Isle", "Island") and words[1] == "of":
        forms.append(("Island" if words[0] == "Isle" else "Isle") + " " + " ".join(words[1:]))
    if len(words) > 1 and words[0].lower() in _FOREIGN_PREFIX:
        if words[1].lower().rstrip("'") not in _LINKS:
            forms.append(" ".join(words[1:]))
    return name, forms


def _common(name: str, zipf) -> bool:
    """Whether every distinctive word of a name is a common English word. A name with a
    possessive is a proper name whatever its words ("Martha's Vineyard", "Fisher's Island":
    somebody's island, not a phrase)."""
    if "'s " in name or name.endswith("'s"):
        return False
    words = [w for w in name.lower().split() if w not in _ENGLISH_GENERIC]
    return not words or all((zipf(w) or 0.0) >= ISLAND_COMMON_ZIPF for w in words)


_COMPASS = frozenset("north south east west northeast northwest southeast southwest central".split())
#: A polygon named for a lake, sea, bay or peninsula, not an island ("Great Lakes:Erie", "USSR:Lake Baikal").
_NOT_ISLAND = frozenset("lake lakes sea penninsula peninsula bight bay gulf".split())


def _island_name(parts: list[str]) -> bool:
    """Whether a polygon's "Country:...:Name" names an island: not a list, a compass part of
    an island ("Novaya Zemlya:South"), a lake or an unnamed polygon."""
    from geo.data.build import latin_name  # build imports this module

    last = parts[-1]
    words = {w.lower() for part in parts for w in part.split()}
    return ("," not in last and "?" not in last and last.lower() not in _COMPASS and not words & _NOT_ISLAND
            and latin_name(last))


def _holds(place: Place, lat: float, lon: float) -> bool:
    """Whether a place with an island's name keeps the name from it: any place near it (the
    town or district named like its island: "Texel"), and anywhere an area or a town of
    :data:`ISLAND_YIELDS_TO` people or more (Alaska, Ontario, Shannon in Ireland, Trindade in
    Brazil): the record has no size to weigh an island against them, and its kind's prior
    would outrank every town."""
    from geo.data.build import haversine_km

    if place.kind not in ("city", "adm2", "airport") or place.population >= ISLAND_YIELDS_TO:
        return True
    return haversine_km(lat, lon, place.lat, place.lon) <= ISLAND_NEAR_KM


def _outline(rings):
    """A valid polygon of the rings; one that crosses the antimeridian is shifted east first."""
    from shapely.geometry import Polygon

    ring = rings[0]
    if max(x for x, _ in ring) - min(x for x, _ in ring) > 180:
        ring = [(x + 360 if x < 0 else x, y) for x, y in ring]
    return Polygon(ring).buffer(0)


def _area_km2(outline, lat: float) -> float:
    """An outline's area in square kilometres (degrees squared, scaled at its latitude)."""
    return outline.area * 111.32 * 111.32 * math.cos(math.radians(lat))


def add_islands(g: _Gazetteer, stem: Path | None, zipf=None) -> int:
    """The named islands of World Data Bank II as ``physical`` places; returns how many.

    One island per name, the biggest: the record has no size to rank namesakes by, and the
    biggest is the one news means ("Long Island" is New York's, "North Island" New Zealand's),
    as an island cut by a border (Borneo, Timor) is its biggest part. Left out: unnamed
    polygons ("?"), lakes, names that are a list ("Superior, Huron, Michigan"), one-word names
    under :data:`ISLAND_MIN_LETTERS` letters, names a place already holds (:func:`_holds`),
    and common English phrases (:func:`_common`) unless the island is big enough to be
    known by them (:data:`ISLAND_KNOWN_KM2`). Its country is that of the country outline it
    lies in or nearest to (within about 100 km).
    """
    if stem is None:
        return 0
    from shapely import STRtree
    from shapely.geometry import Point

    from geo.data.build import latin_name
    from geo.names import name_key

    zipf = zipf or _english_zipf()
    countries = [(p.country_code, g.outlines[p.id]) for p in g.places.values() if p.kind == "country" and p.id in g.outlines]
    tree = STRtree([o for _, o in countries])
    holders: dict[str, list[Place]] = defaultdict(list)  # name key -> places with that name
    for p in g.places.values():
        holders[name_key(p.name)].append(p)
    for pid, _match, n in g.names:
        if pid in g.places:
            holders[name_key(n)].append(g.places[pid])

    biggest: dict[str, tuple[float, int, Any]] = {}  # name -> (km2, polygon number, outline)
    for number, (full, rings) in sorted(read_map_polygons(stem).items()):
        parts = full.split(":")
        if len(parts) < 2 or not _island_name(parts):
            continue
        name, _ = island_names(parts[-1])
        if " " not in name and len(name) < ISLAND_MIN_LETTERS:
            continue
        outline = _outline(rings)
        if outline.is_empty:
            continue
        km2 = _area_km2(outline, outline.centroid.y)
        if name not in biggest or km2 > biggest[name][0]:
            biggest[name] = (km2, number, outline)
    added = 0
    for name, (km2, number, outline) in sorted(biggest.items(), key=lambda item: item[1][1]):
        if _common(name, zipf) and (km2 < ISLAND_KNOWN_KM2 or not _ENGLISH_GENERIC & set(name.lower().split())):
            continue
        lat, lon = point_in(outline)
        lon = lon - 360 if lon > 180 else lon
        point = Point(lon, lat)
        hits = tree.query(point, predicate="intersects")
        if len(hits) == 0:
            hits = tree.query(point, predicate="dwithin", distance=1.0)  # ~100 km
        country = countries[min(hits, key=lambda i: countries[i][1].distance(point))][0] if len(hits) else ""
        _, forms = island_names(name)
        taken = lambda n: any(_holds(p, lat, lon) for p in holders.get(name_key(n), []))  # noqa: E731
        if taken(name):
            continue
        pid = f"wdb2:{number}"
        g.add(Place(pid, name, "physical", round(lat, 5), round(lon, 5), country, "", 0))
        for form in forms:
            if latin_name(form) and not _common(form, zipf) and not taken(form) and (" " in form or len(form) >= ISLAND_MIN_LETTERS):
                g.name(pid, form)
        added += 1
    return added
