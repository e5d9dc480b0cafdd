"""Which part of the Earth a map shows: one framing decision shared by the HTML, PNG and SVG writers.

A map of a story should show the places that carry the story, not every point it names: one
mention of Russia (at GeoNames' point, 60N 100E) in an article about the South Caucasus must not
turn the map into a map of Siberia. :func:`frame_places` takes the places with a weight each
(mentions, for one document; the number of documents naming the place, for a corpus map) and
decides, once, the view and which places are in it.

The rule, in order:

1. **The core.** The smallest group of places, by the area of their bounding box, that are
   near one another and carry at least :data:`CORE_SHARE` (80%) of the weight. Each place in
   turn (the heaviest :data:`MAX_ANCHORS` of them) is the anchor of a group grown by adding
   the places nearest to it until the group holds that share; the group with the smallest box
   wins (ties: the heavier anchor). One far place with a small share stays out; two clusters
   of equal weight are both needed to reach 80%, so both are in. A core wider than
   :data:`WIDE_CORE` (90 degrees of longitude) frames no region, so every place with at least
   half the core's mean weight joins it: a story spread over every continent keeps them all.
2. **Outlines.** A place drawn as an area (a country, a region) frames by its outline's main
   body (the parts at least a quarter the size of its biggest part: mainland France without
   French Guiana, the lower 48 without Alaska). An outline in the core widens the frame when
   it is the heaviest place of the story or at most :data:`MAX_OUTLINE_GROWTH` times the area
   framed so far; a huge country named in passing (Russia beside Armenia) does not.
3. **Near misses.** A place outside the core whose point lies within a quarter of the framed
   box's diagonal from it is taken in rather than left to the inset (the heaviest first; the box
   grows with each).
4. **Margins and shape.** A margin of :data:`MARGIN` of the span goes round (labels need
   room), the view is at least :data:`MIN_SPAN` degrees of latitude high (one city zooms to
   the city and its suburbs), and with ``aspect`` it is widened or heightened to fill a
   box ``aspect`` times wider than high, in the plate carrée the static maps draw (longitudes
   shrunk by the cosine of the middle latitude).
5. **The world.** A frame wider than :data:`WORLD_SPAN` degrees of longitude shows the world
   (without Antarctica unless a place is there).

``focus`` lists every place whose point lies in the frame, ``outside`` the rest: a writer shows
those in a locator inset or with edge markers. Pure functions: no state, no I/O; shapely is
imported only when an outline is given.

>>> from geo.records import Place
>>> caucasus = [(Place("1", "Azerbaijan", "country", 40.5, 47.5), 12),
...             (Place("2", "Armenia", "country", 40.25, 45.0), 10),
...             (Place("3", "Fuzuli", "city", 39.6, 47.15), 4),
...             (Place("4", "Russia", "country", 60.0, 100.0), 1)]
>>> frame = frame_places(caucasus)
>>> frame.focus, frame.outside
(('1', '2', '3'), ('4',))
>>> 39.0 < frame.south < 39.6 and 40.5 < frame.north < 41.5 and frame.east < 50
True
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from geo.distance import haversine_km
from geo.records import Place

__all__ = [
    "Frame",
    "frame_places",
    "outline_extent",
    "CORE_SHARE",
    "MARGIN",
    "MIN_SPAN",
    "WORLD_SPAN",
    "WORLD",
]

#: The share of the total weight the core must carry.
CORE_SHARE = 0.8
#: Only the heaviest places anchor a core (a corpus map may name thousands).
MAX_ANCHORS = 60
#: How many times the framed area an outline in the core may grow it to (unless it is the
#: heaviest place).
MAX_OUTLINE_GROWTH = 2.5
#: How close a near miss lies to the framed box, as a share of the box's diagonal.
NEAR_SHARE = 0.25
#: The margin round the framed places, as a share of the span on each side.
MARGIN = 0.12
#: The least height of a frame, in degrees of latitude (about 67 km: a city and its suburbs).
MIN_SPAN = 0.6
#: A core wider than this (degrees of longitude) frames no region: every place with at least
#: half its mean weight joins it.
WIDE_CORE = 90.0
#: A frame wider than this many degrees of longitude shows the whole world.
WORLD_SPAN = 180.0
#: The world as a frame: (south, west, north, east), without Antarctica.
WORLD = (-58.0, -180.0, 85.0, 180.0)

Box = tuple[float, float, float, float]  # south, west, north, east


@dataclass(frozen=True, slots=True)
class Frame:
    """The main view of a map, in degrees, with the places inside it and those left outside.

    ``west < east`` always: a frame never crosses the antimeridian (a story that would need it
    gets the wider view that doesn't). The bounds include the margin, so a writer fits them as
    they are (Leaflet's ``fitBounds([[south, west], [north, east]])``, matplotlib's limits).
    """

    south: float
    west: float
    north: float
    east: float
    focus: tuple[str, ...]  # ids of the places that carry the story (inside the frame)
    outside: tuple[str, ...]  # ids of places drawn but outside the frame (inset / edge markers)
    reason: str  # one line: how the frame was chosen

    @property
    def bounds(self) -> tuple[tuple[float, float], tuple[float, float]]:
        """``((south, west), (north, east))``, the shape Leaflet's fitBounds takes."""
        return (self.south, self.west), (self.north, self.east)

    @property
    def is_world(self) -> bool:
        return self.east - self.west >= 359.0

    def contains(self, lat: float, lon: float) -> bool:
        return self.south <= lat <= self.north and self.west <= lon <= self.east


def frame_places(
    weighted: Sequence[tuple[Place, float]],
    outlines: Mapping[str, dict] | None = None,
    *,
    aspect: float | None = None,
) -> Frame:
    """The frame for places with weights (see the module's docstring for the rule).

    ``outlines`` maps a place id to its GeoJSON geometry (a document's ``outlines``);
    ``aspect`` is the width / height of the box the map fills, or None to leave the shape to
    the writer (Leaflet fits any box). A place named twice counts once with both weights.

    >>> frame_places([]).reason
    'no places: the world'
    >>> one = frame_places([(Place("1", "Lyon", "city", 45.76, 4.84), 3)], aspect=1.0)
    >>> round(one.north - one.south, 2), one.focus
    (0.6, ('1',))
    """
    if aspect is not None and not (isinstance(aspect, (int, float)) and math.isfinite(aspect) and aspect > 0):
        raise ValueError(f"aspect must be a positive number: got {aspect!r}")
    places, weights = _merge(weighted)
    if not places:
        return _finish(WORLD, [], aspect, "no places: the world")
    total = sum(weights)
    points = [(p.lat, p.lon) for p in places]

    core = _core(points, weights, total)
    box = _points_box([points[i] for i in core])
    if box[3] - box[1] > WIDE_CORE:
        # No regional story to protect: every place of real weight belongs to it.
        mean = sum(weights[i] for i in core) / len(core)
        core = sorted(set(core) | {i for i, w in enumerate(weights) if w >= mean / 2})
        box = _points_box([points[i] for i in core])
    heaviest = max(core, key=lambda i: (weights[i], -i))
    grown_by: list[str] = []
    extents = {i: outline_extent(outlines[p.id]) for i, p in enumerate(places)
               if outlines and i in core and outlines.get(p.id)}
    for i in sorted(extents, key=lambda i: (-weights[i], i)):
        extent = extents[i]
        if extent is None:
            continue
        union = _union(box, extent)
        if i == heaviest or _area(_min_box(union)) <= MAX_OUTLINE_GROWTH * _area(_min_box(box)):
            box = union
            grown_by.append(places[i].name)

    taken_in = []
    for i in sorted(set(range(len(places))) - set(core), key=lambda i: (-weights[i], i)):
        union = _union(box, (points[i][0], points[i][1], points[i][0], points[i][1]))
        if union == box:
            continue  # inside already
        if _distance_km(_min_box(box), points[i]) <= NEAR_SHARE * _diagonal_km(_min_box(box)):
            box = union
            taken_in.append(places[i].name)

    core_weight = sum(weights[i] for i in core)
    how = (f"{len(core)} of {len(places)} places, weight {_num(core_weight)} of {_num(total)}, "
           f"round {places[heaviest].name}")
    if grown_by:
        how += f"; outline of {', '.join(grown_by)}"
    if taken_in:
        how += f"; near: {', '.join(taken_in)}"
    if box[3] - box[1] > WORLD_SPAN:
        south = min(WORLD[0], min(lat for lat, _ in points) - 2)
        return _finish((max(south, -90.0), *WORLD[1:]), places, aspect, f"{how}: spans the world")
    return _finish(_padded(box), places, aspect, how)


def outline_extent(geometry: dict[str, Any]) -> Box | None:
    """The (south, west, north, east) box of an outline's main body: the parts at least a
    quarter the size of its biggest part, sizes in km² (not square degrees, which would
    favour the far north), on the side of the antimeridian of the biggest part. None for a
    geometry with no area.

    >>> square = {"type": "Polygon", "coordinates": [[[0, 0], [4, 0], [4, 3], [0, 3], [0, 0]]]}
    >>> islet = [[[20, 20], [20.5, 20], [20.5, 20.5], [20, 20]]]
    >>> outline_extent({"type": "MultiPolygon", "coordinates": [square["coordinates"], islet]})
    (0.0, 0.0, 3.0, 4.0)
    """
    from shapely.geometry import shape

    from geo.antimeridian import split_geometry

    try:
        geom = shape(split_geometry(geometry))
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    parts = [g for g in getattr(geom, "geoms", [geom]) if g.geom_type in ("Polygon", "MultiPolygon") and not g.is_empty]
    if not parts:
        return None
    sizes = [g.area * math.cos(math.radians(g.centroid.y)) for g in parts]
    biggest = max(sizes)
    main = parts[sizes.index(biggest)]
    kept = [g for g, s in zip(parts, sizes) if s >= 0.25 * biggest]
    if max(g.bounds[2] for g in kept) - min(g.bounds[0] for g in kept) > 180:
        # Cut at the antimeridian (Fiji, Chukotka): frames don't cross it, keep the main side.
        kept = [g for g in kept if (g.centroid.x > 0) == (main.centroid.x > 0)]
    x0 = min(g.bounds[0] for g in kept)
    y0 = min(g.bounds[1] for g in kept)
    x1 = max(g.bounds[2] for g in kept)
    y1 = max(g.bounds[3] for g in kept)
    return (y0, x0, y1, x1)


def _merge(weighted: Sequence[tuple[Place, float]]) -> tuple[list[Place], list[float]]:
    """Places in first-seen order, weights summed per id; no positive weight means equal weights."""
    order: dict[str, int] = {}
    places: list[Place] = []
    weights: list[float] = []
    for place, weight in weighted:
        w = float(weight) if isinstance(weight, (int, float)) and math.isfinite(weight) and weight > 0 else 0.0
        if place.id in order:
            weights[order[place.id]] += w
        else:
            order[place.id] = len(places)
            places.append(place)
            weights.append(w)
    if places and not any(weights):
        weights = [1.0] * len(places)
    return places, weights


def _core(points: list[tuple[float, float]], weights: list[float], total: float) -> list[int]:
    """The indices of the smallest near group carrying CORE_SHARE of the weight (rule 1)."""
    need = CORE_SHARE * total - 1e-9
    anchors = sorted(range(len(points)), key=lambda i: (-weights[i], i))[:MAX_ANCHORS]
    best: tuple[float, int, list[int]] | None = None
    for rank, a in enumerate(anchors):
        lat, lon = points[a]
        by_distance = sorted(range(len(points)),
                             key=lambda j: (haversine_km(lat, lon, *points[j]), -weights[j], j))
        group, carried = [], 0.0
        for j in by_distance:
            group.append(j)
            carried += weights[j]
            if carried >= need:
                break
        cost = _area(_points_box([points[j] for j in group]))
        if best is None or cost < best[0] - 1e-12:
            best = (cost, rank, sorted(group))
    assert best is not None
    return best[2]


def _distance_km(box: Box, point: tuple[float, float]) -> float:
    """From a point to the nearest point of a box (0 inside it)."""
    south, west, north, east = box
    lat, lon = point
    return haversine_km(lat, lon, min(max(lat, south), north), min(max(lon, west), east))


def _diagonal_km(box: Box) -> float:
    south, west, north, east = box
    return haversine_km(south, west, north, east)


def _points_box(points: list[tuple[float, float]]) -> Box:
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    return (min(lats), min(lons), max(lats), max(lons))


def _union(a: Box, b: Box) -> Box:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def _area(box: Box) -> float:
    """Square degrees with longitudes shrunk by the cosine of the middle latitude (~ km²)."""
    south, west, north, east = box
    return (north - south) * (east - west) * max(math.cos(math.radians((south + north) / 2)), 0.2)


def _min_box(box: Box) -> Box:
    """The box grown about its middle to MIN_SPAN on each side (what a lone point frames)."""
    south, west, north, east = box
    mid_lat, mid_lon = (south + north) / 2, (west + east) / 2
    half_lat = max(north - south, MIN_SPAN) / 2
    half_lon = max(east - west, MIN_SPAN / max(math.cos(math.radians(mid_lat)), 0.2)) / 2
    return (mid_lat - half_lat, mid_lon - half_lon, mid_lat + half_lat, mid_lon + half_lon)


def _padded(box: Box) -> Box:
    south, west, north, east = box
    dlat, dlon = (north - south) * MARGIN, (east - west) * MARGIN
    return _min_box((south - dlat, west - dlon, north + dlat, east + dlon))


def _finish(box: Box, places: list[Place], aspect: float | None, reason: str) -> Frame:
    south, west, north, east = box
    if aspect is not None:
        stretch = 1 / max(math.cos(math.radians((south + north) / 2)), 0.2)
        # Shown width / shown height = (lon span) / (lat span * stretch) must equal aspect.
        want_lat = (east - west) / (stretch * aspect)
        if want_lat > north - south:
            south, north = _widen(south, north, want_lat, -90.0, 90.0)
        else:
            west, east = _widen(west, east, (north - south) * stretch * aspect, -180.0, 180.0)
    south, north = _widen(south, north, north - south, -90.0, 90.0)
    west, east = _widen(west, east, east - west, -180.0, 180.0)
    south, west, north, east = (round(v, 4) + 0.0 for v in (south, west, north, east))
    frame = Frame(south, west, north, east, (), (), reason)
    focus = tuple(p.id for p in places if frame.contains(p.lat, p.lon))
    outside = tuple(p.id for p in places if not frame.contains(p.lat, p.lon))
    if outside:
        names = ", ".join(p.name for p in places if p.id in set(outside))
        reason = f"{reason}; outside: {names}"
    return Frame(south, west, north, east, focus, outside, reason)


def _widen(lo: float, hi: float, span: float, floor: float, ceiling: float) -> tuple[float, float]:
    """Grow [lo, hi] to ``span`` about its middle, sliding it back inside [floor, ceiling]."""
    span = min(span, ceiling - floor)
    mid = (lo + hi) / 2
    lo, hi = mid - span / 2, mid + span / 2
    if lo < floor:
        lo, hi = floor, floor + span
    if hi > ceiling:
        lo, hi = ceiling - span, ceiling
    return lo, hi


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
