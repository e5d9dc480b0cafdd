"""Split GeoJSON geometries that cross the antimeridian (±180° longitude) into parts that don't.

RFC 7946 §3.1.9 asks writers to cut such geometries, because a ring from 170°E to 170°W
would otherwise be read as the long way round the world. Pure functions, standard library only.

An edge whose longitudes differ by more than 180° is taken to cross the antimeridian (the
short way round), so a square from 170°E to 170°W becomes two squares that meet at ±180:

>>> square = [[170, -10], [-170, -10], [-170, 10], [170, 10], [170, -10]]
>>> for polygon in split_polygon([square]):
...     print(polygon)
[[[180.0, 10.0], [170.0, 10.0], [170.0, -10.0], [180.0, -10.0], [180.0, 10.0]]]
[[[-180.0, -10.0], [-170.0, -10.0], [-170.0, 10.0], [-180.0, 10.0], [-180.0, -10.0]]]
>>> split_geometry({"type": "Polygon", "coordinates": [square]})["type"]
'MultiPolygon'

Geometries that don't cross come back unchanged (as lists, longitudes moved into [-180, 180]):

>>> split_geometry({"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]})
{'type': 'Polygon', 'coordinates': [[[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]]]}
"""

from __future__ import annotations

import math
from typing import Any, Sequence

__all__ = ["split_geometry", "split_polygon", "split_line"]

Ring = list[list[float]]
Position = Sequence[float]


def split_geometry(geometry: dict[str, Any]) -> dict[str, Any]:
    """Return a copy of a GeoJSON geometry with every part that crosses ±180 cut there.

    A Polygon that crosses becomes a MultiPolygon, a LineString a MultiLineString.

    >>> split_geometry({"type": "LineString", "coordinates": [[179, 0], [-179, 2]]})
    {'type': 'MultiLineString', 'coordinates': [[[179.0, 0.0], [180.0, 1.0]], [[-180.0, 1.0], [-179.0, 2.0]]]}
    >>> split_geometry({"type": "Point", "coordinates": [190, 5]})
    {'type': 'Point', 'coordinates': [-170.0, 5.0]}
    """
    kind = geometry.get("type")
    coords = geometry.get("coordinates")
    if kind == "Point":
        return {"type": "Point", "coordinates": _position(coords, 0.0)}
    if kind == "MultiPoint":
        return {"type": "MultiPoint", "coordinates": [_position(p, 0.0) for p in coords]}
    if kind in ("LineString", "MultiLineString"):
        lines = [coords] if kind == "LineString" else coords
        parts = [part for line in lines for part in split_line(line)]
        if len(parts) == 1:
            return {"type": "LineString", "coordinates": parts[0]}
        return {"type": "MultiLineString", "coordinates": parts}
    if kind in ("Polygon", "MultiPolygon"):
        polygons = [coords] if kind == "Polygon" else coords
        parts = [part for polygon in polygons for part in split_polygon(polygon)]
        if len(parts) == 1:
            return {"type": "Polygon", "coordinates": parts[0]}
        return {"type": "MultiPolygon", "coordinates": parts}
    if kind == "GeometryCollection":
        return {"type": kind, "geometries": [split_geometry(g) for g in geometry.get("geometries", ())]}
    raise ValueError(f"not a GeoJSON geometry type: got {kind!r}")


def split_line(line: Sequence[Position]) -> list[Ring]:
    """Cut a line at every antimeridian crossing; each part has longitudes in [-180, 180].

    >>> split_line([[170, 0], [175, 0]])
    [[[170.0, 0.0], [175.0, 0.0]]]
    """
    if not line:
        return []
    parts: list[Ring] = [[_position(line[0], 0.0)]]
    for raw in line[1:]:
        a, b = parts[-1][-1], _position(raw, 0.0)
        if abs(b[0] - a[0]) > 180:
            seam = 180.0 if a[0] > 0 else -180.0
            bx = b[0] + (360 if seam > 0 else -360)  # b on a's side of the seam
            lat = a[1] + (seam - a[0]) * (b[1] - a[1]) / (bx - a[0])
            parts[-1].append([seam, lat])
            parts.append([[-seam, lat]])
        parts[-1].append(b)
    return parts


def split_polygon(rings: Sequence[Sequence[Position]]) -> list[list[Ring]]:
    """Cut one GeoJSON Polygon (exterior ring, then holes) into polygons that don't cross ±180.

    Returns a list of polygons (each a list of rings). Exterior rings come back
    counter-clockwise and holes clockwise, as RFC 7946 recommends. A ring that circles a pole
    (its longitudes add up to ±360 going round) is closed along that pole.

    >>> antarctica = [[-180, -70], [-90, -75], [0, -70], [90, -75], [180, -70]]
    >>> [len(p[0]) for p in split_polygon([antarctica])]
    [8]
    """
    rings = [[_position(p) for p in ring] for ring in rings if len(ring) >= 3]
    if not rings:
        return []
    exterior = _unwrap(rings[0], close_at_pole=True)
    if _signed_area(exterior) < 0:
        exterior.reverse()
    lo = min(x for x, _ in exterior)
    hi = max(x for x, _ in exterior)
    holes = []
    for ring in rings[1:]:
        hole = _unwrap(ring, close_at_pole=False)
        if _signed_area(hole) > 0:
            hole.reverse()
        # Put the hole in the same 360° turn as the exterior.
        shift = 360.0 * round(((lo + hi) / 2 - hole[0][0]) / 360)
        holes.append([[x + shift, y] for x, y in hole])
    return [cleaned for polygon in _normalise([exterior, *holes]) if (cleaned := _clean(polygon))]


def _position(p: Position, wrap: float | None = None) -> list[float]:
    """A [lon, lat] list of floats; with ``wrap``, the longitude is moved into [-180, 180]."""
    x, y = float(p[0]), float(p[1])
    if wrap is not None and not -180.0 <= x <= 180.0:
        x = (x + 180.0) % 360.0 - 180.0
    return [x, y]


def _unwrap(ring: Ring, *, close_at_pole: bool) -> Ring:
    """Make longitudes continuous (each step under 180°), so a crossing ring goes past ±180."""
    out = [list(ring[0])]
    for x, y in ring[1:]:
        px = out[-1][0]
        out.append([x + 360.0 * round((px - x) / 360.0), y])
    if out[0] != out[-1]:
        turns = round((out[-1][0] - out[0][0]) / 360.0)
        if turns and close_at_pole:
            # The ring goes once round the pole: close it along the pole on its side.
            pole = 90.0 if sum(y for _, y in out) > 0 else -90.0
            out += [[out[-1][0], pole], [out[0][0], pole]]
        out.append(list(out[0]))
    return out


def _signed_area(ring: Ring) -> float:
    return sum(ax * by - bx * ay for (ax, ay), (bx, by) in zip(ring, ring[1:])) / 2


def _normalise(polygon: list[Ring]) -> list[list[Ring]]:
    """Cut at each seam (180 + 360k) inside the exterior's span, then shift into [-180, 180]."""
    xs = [x for x, _ in polygon[0]]
    lo, hi = min(xs), max(xs)
    seam = 180.0 + 360.0 * math.floor((lo - 180.0) / 360.0 + 1)  # first seam above lo
    if seam < hi:
        return [part for piece in _cut(polygon, seam) for part in _normalise(piece)]
    shift = -360.0 * math.floor((lo + 180.0) / 360.0)
    return [[[[x + shift, y] for x, y in ring] for ring in polygon]] if shift else [polygon]


def _cut(polygon: list[Ring], seam: float) -> list[list[Ring]]:
    """Cut a polygon along the meridian x = seam into pieces on either side.

    Each ring crossing the seam is broken into chains that start and end on it; the chains
    on one side are joined along the seam (going north on the west side, south on the east,
    which keeps the interior on the left as in a counter-clockwise exterior).
    """
    chains: dict[bool, list[Ring]] = {False: [], True: []}  # east of the seam?
    whole: dict[bool, list[Ring]] = {False: [], True: []}
    for ring in polygon:
        pts = ring[:-1]
        east = [x > seam for x, _ in pts]
        if all(east) or not any(east):
            whole[east[0]].append(ring)
            continue
        first = next(i for i in range(len(pts)) if east[i] != east[i - 1])
        pts, east = pts[first:] + pts[:first], east[first:] + east[:first]
        start = _crossing(pts[-1], pts[0], seam)
        chain = [start]
        for j, p in enumerate(pts):
            chain.append(p)
            nxt = (j + 1) % len(pts)
            if east[nxt] != east[j]:
                point = _crossing(p, pts[nxt], seam)
                chain.append(point)
                chains[east[j]].append(chain)
                chain = [point]

    pieces: list[list[Ring]] = []
    for side in (False, True):
        exteriors = _stitch(chains[side], north=not side)
        exteriors += [r for r in whole[side] if _signed_area(r) > 0]  # can't happen for valid input
        holes = [r for r in whole[side] if _signed_area(r) <= 0]
        side_pieces = [[ring] for ring in exteriors]
        for hole in holes:
            home = next((p for p in side_pieces if _inside(hole[0], p[0])), None)
            if home is not None:
                home.append(hole)
        pieces += side_pieces
    return pieces


def _crossing(a: list[float], b: list[float], seam: float) -> list[float]:
    return [seam, a[1] + (seam - a[0]) * (b[1] - a[1]) / (b[0] - a[0])]


def _stitch(chains: list[Ring], *, north: bool) -> list[Ring]:
    """Join chains whose ends lie on the seam into closed rings."""
    rings = []
    unused = list(range(len(chains)))
    while unused:
        head = unused.pop(0)
        ring = list(chains[head])
        while True:
            end = ring[-1][1]
            options = [i for i in [head, *unused] if (chains[i][0][1] >= end if north else chains[i][0][1] <= end)]
            if not options:
                break  # inconsistent orientation: close the ring where it is
            nxt = min(options, key=lambda i: (abs(chains[i][0][1] - end), i != head))
            if nxt == head:
                break
            unused.remove(nxt)
            ring += chains[nxt]
        ring.append(list(ring[0]))
        rings.append(ring)
    return rings


def _inside(point: list[float], ring: Ring) -> bool:
    """Even-odd rule point-in-polygon test."""
    x, y = point
    inside = False
    for (ax, ay), (bx, by) in zip(ring, ring[1:]):
        if (ay > y) != (by > y) and x < ax + (y - ay) * (bx - ax) / (by - ay):
            inside = not inside
    return inside


def _clean(polygon: list[Ring]) -> list[Ring]:
    """Drop repeated consecutive positions and rings too short to enclose anything."""
    out = []
    for ring in polygon:
        kept = [ring[0]]
        for p in ring[1:]:
            if p != kept[-1]:
                kept.append(p)
        if len(kept) >= 4:
            out.append(kept)
        elif not out:
            return []  # the exterior collapsed: nothing left to draw
    return out
