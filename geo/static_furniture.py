"""What a static map carries besides its places: land, country names, a scale bar, a locator
inset and edge markers for the places outside the frame.

Every function draws on a matplotlib axes set up by :mod:`geo.static_map` (plate carrée,
longitude on x, latitude on y) and returns the pixel boxes it covers, so the labels drawn
after it keep clear. Boxes are ``(x0, y0, x1, y1)`` in display pixels.

>>> nice_distance(730)
500
>>> nice_distance(0.3)
0.2
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from geo.static_labels import overlaps, text_box

__all__ = [
    "Country",
    "prepare_basemap",
    "add_polygons",
    "country_labels",
    "area_label",
    "scale_bar",
    "inset_box",
    "locator_inset",
    "edge_markers",
    "nice_distance",
    "INSET_WORLD",
]

Box = tuple[float, float, float, float]

OCEAN, LAND, BORDER = "#dfe9f2", "#f4f1ea", "#a7a39b"
ACCENT, INK, MUTED = "#c0392b", "#222222", "#8c877d"
#: The whole world as an inset shows it: (west, east, south, north), without Antarctica.
INSET_WORLD = (-180.0, 180.0, -58.0, 85.0)
_KM_PER_DEGREE = 111.195  # a degree of latitude on the scorer's mean Earth radius


@dataclass(frozen=True, slots=True)
class Country:
    """A basemap country as shapely geometry, split at the antimeridian."""

    name: str
    iso2: str
    geometry: Any


def prepare_basemap(basemap: dict[str, Any]) -> list[Country]:
    """The basemap's polygons as shapely geometries, once per map (the main map, the inset and
    the country names all use them)."""
    from shapely.geometry import shape

    from geo.antimeridian import split_geometry

    countries = []
    for feature in basemap.get("features", ()):
        geometry = feature.get("geometry")
        if not geometry or geometry.get("type") not in ("Polygon", "MultiPolygon", "GeometryCollection"):
            continue
        properties = feature.get("properties") or {}
        polygon = shape(geometry)
        if polygon.bounds[2] - polygon.bounds[0] > 180:
            # The build splits the basemap at ±180 already; only a shape round a pole
            # (Antarctica) or a hand-made basemap still needs it (half the drawing time if done for all).
            polygon = shape(split_geometry(geometry))
        countries.append(Country(str(properties.get("name") or ""), str(properties.get("iso2") or ""), polygon))
    return countries


def add_polygons(axes, geometries: Iterable[Any], view: Box, tolerance: float = 0.0, **style) -> None:
    """Add the polygons among shapely ``geometries``, clipped to ``view`` (west, south, east,
    north, with a little room) and simplified to ``tolerance`` degrees, as one collection."""
    from matplotlib.collections import PathCollection
    from matplotlib.path import Path
    from shapely import clip_by_rect

    x0, y0, x1, y1 = view
    pad_x, pad_y = (x1 - x0) * 0.05 + 0.1, (y1 - y0) * 0.05 + 0.1
    paths = []
    for geometry in geometries:
        clipped = clip_by_rect(geometry, x0 - pad_x, y0 - pad_y, x1 + pad_x, y1 + pad_y)
        if tolerance and not clipped.is_empty:
            clipped = clipped.simplify(tolerance)
        for polygon in _polygons(clipped):
            vertices, codes = [], []
            for ring in (polygon.exterior, *polygon.interiors):
                coords = list(ring.coords)
                vertices += coords
                codes += [Path.MOVETO] + [Path.LINETO] * (len(coords) - 2) + [Path.CLOSEPOLY]
            paths.append(Path(vertices, codes))
    if paths:
        axes.add_collection(PathCollection(paths, **style), autolim=False)


def _polygons(geometry) -> list[Any]:
    if geometry.is_empty:
        return []
    if geometry.geom_type == "Polygon":
        return [geometry]
    return [p for g in getattr(geometry, "geoms", ()) for p in _polygons(g)]


def country_labels(axes, countries: Sequence[Country], view: Box, skip: set[str], taken: list[Box],
                   text_kw: dict) -> int:
    """Light names of the countries in view, each inside the biggest visible piece of its
    country where it fits and is clear of ``taken`` (the places' markers and labels come
    first: a country name is background and gives way). Returns how many were drawn."""
    from shapely import clip_by_rect

    x0, y0, x1, y1 = view
    candidates = []
    for country in countries:
        if not country.name or country.iso2 in skip:
            continue
        pieces = _polygons(clip_by_rect(country.geometry, x0, y0, x1, y1))
        if pieces:
            piece = max(pieces, key=lambda p: p.area)
            candidates.append((-piece.area, country.name, piece))
    style = {"fontsize": 7, "color": MUTED, "zorder": 2.5, "gid": "country-label"}
    return sum(area_label(axes, piece, name.upper(), taken, text_kw, **style)
               for _, name, piece in sorted(candidates, key=lambda c: (c[0], c[1])))


def area_label(axes, geometry, name: str, taken: list[Box], text_kw: dict, **style) -> bool:
    """Write ``name`` inside the biggest piece of ``geometry`` in view, where it fits inside
    that piece and the map and is clear of ``taken``; say whether it was written."""
    from shapely import clip_by_rect
    from shapely.ops import polylabel

    renderer = axes.figure.canvas.get_renderer()
    extent = axes.get_window_extent(renderer)
    frame = (extent.x0, extent.y0, extent.x1, extent.y1)
    (x0, x1), (y0, y1) = axes.get_xlim(), axes.get_ylim()
    pieces = _polygons(clip_by_rect(geometry, x0, y0, x1, y1))
    if not pieces:
        return False
    piece = max(pieces, key=lambda p: p.area)
    px0, py0, px1, py1 = piece.bounds
    corners = axes.transData.transform([(px0, py0), (px1, py1)])
    width, height = corners[1][0] - corners[0][0], corners[1][1] - corners[0][1]
    if width < 30 or height < 10:
        return False  # too small to hold any name
    for x, y in _label_spots(piece, polylabel):
        text = axes.text(x, y, name, ha="center", va="center", **style, **text_kw)
        box = text_box(text, renderer)
        if box.width > width * 0.9 or box.height > height:
            text.remove()
            return False
        bounds = (box.x0 - 2, box.y0 - 2, box.x1 + 2, box.y1 + 2)
        within = frame[0] <= bounds[0] and bounds[2] <= frame[2] and frame[1] <= bounds[1] and bounds[3] <= frame[3]
        if within and not any(overlaps(bounds, other) for other in taken):
            taken.append(bounds)
            return True
        text.remove()
    return False


def _label_spots(piece, polylabel) -> list[tuple[float, float]]:
    """Where a country's name may go, best first: the piece's pole of inaccessibility, then
    points of a coarse grid over it that lie inside it, nearest that pole first."""
    from shapely.geometry import Point

    x0, y0, x1, y1 = piece.bounds
    best = polylabel(piece, tolerance=max(x1 - x0, y1 - y0) / 50)
    grid = [(x0 + (x1 - x0) * fx, y0 + (y1 - y0) * fy) for fy in (0.2, 0.35, 0.5, 0.65, 0.8)
            for fx in (0.15, 0.3, 0.5, 0.7, 0.85)]
    inside = [p for p in grid if piece.contains(Point(p))]
    inside.sort(key=lambda p: ((p[0] - best.x) ** 2 + (p[1] - best.y) ** 2, p))
    return [(best.x, best.y), *inside]


def nice_distance(target_km: float) -> float:
    """The largest 1, 2 or 5 times a power of ten not over ``target_km``."""
    if target_km <= 0:
        return 0.0
    power = 10.0 ** math.floor(math.log10(target_km))
    for step in (5, 2, 1):
        if step * power <= target_km:
            value = step * power
            return int(value) if value >= 1 else round(value, 6)
    return power


def scale_bar(axes, view: Box, corner: str, text_kw: dict) -> Box | None:
    """A bar of a round number of km, true at the map's middle latitude, in the lower ``corner``
    ("left" or "right"). None (no bar) for a view so tall that one scale would mislead."""
    from matplotlib.lines import Line2D

    west, south, east, north = view
    if north - south > 40:
        return None
    mid = (south + north) / 2
    km_per_lon = _KM_PER_DEGREE * math.cos(math.radians(mid))
    length_km = nice_distance((east - west) * km_per_lon / 5)
    if not length_km:
        return None
    length = length_km / km_per_lon  # in degrees of longitude
    margin_x, margin_y = (east - west) * 0.03, (north - south) * 0.05
    x0 = west + margin_x if corner == "left" else east - margin_x - length
    y = south + margin_y
    tick = (north - south) * 0.008
    for xs, ys in (((x0, x0 + length), (y, y)), ((x0, x0), (y - tick, y + tick)),
                   ((x0 + length, x0 + length), (y - tick, y + tick))):
        axes.add_line(Line2D(xs, ys, color=INK, linewidth=1.2, solid_capstyle="butt", zorder=5))
    label = f"{length_km:,} km" if length_km >= 1 else f"{int(length_km * 1000)} m"
    text = axes.text(x0 + length / 2, y + tick * 1.5, label, ha="center", va="bottom", fontsize=7, color=INK,
                     zorder=5, gid="scale-bar", **text_kw)
    renderer = axes.figure.canvas.get_renderer()
    box = text_box(text, renderer)
    (bx0, by0), (bx1, _) = axes.transData.transform([(x0, y - tick), (x0 + length, y)])
    return (min(bx0, box.x0) - 3, by0 - 3, max(bx1, box.x1) + 3, box.y1 + 3)


def inset_extent(view: Box, outside: Sequence[tuple[float, float]]) -> Box:
    """The inset's (west, south, east, north): the frame and the places outside it, with room,
    at least six times the frame's height; the world when that is most of it."""
    west, south, east, north = view
    lons = [west, east, *(lon for lon, _ in outside)]
    lats = [south, north, *(lat for _, lat in outside)]
    x0, x1, y0, y1 = min(lons), max(lons), min(lats), max(lats)
    pad_x, pad_y = max((x1 - x0) * 0.15, 4.0), max((y1 - y0) * 0.15, 4.0)
    x0, x1, y0, y1 = x0 - pad_x, x1 + pad_x, y0 - pad_y, y1 + pad_y
    # Six times the frame's height, at least 20 degrees of latitude: enough coast and
    # neighbours to tell where the frame is (a country for a city, a continent for a region).
    least = max(20.0, 6 * (north - south))
    if y1 - y0 < least:
        grow = (least - (y1 - y0)) / 2
        y0, y1 = y0 - grow, y1 + grow
    stretch = 1 / max(math.cos(math.radians((y0 + y1) / 2)), 0.3)
    want_x = (y1 - y0) * stretch * 1.4  # a landscape inset
    if x1 - x0 < want_x:
        grow = (want_x - (x1 - x0)) / 2
        x0, x1 = x0 - grow, x1 + grow
    if x1 - x0 > 200:
        return (INSET_WORLD[0], INSET_WORLD[2], INSET_WORLD[1], INSET_WORLD[3])
    # Slide (not clip) back inside the world, so a frame by the antimeridian (Fiji) or a pole
    # keeps its neighbours on the other side.
    x0, x1 = _slide(x0, x1, -180.0, 180.0)
    y0, y1 = _slide(y0, y1, -90.0, 90.0)
    return (x0, y0, x1, y1)


def _slide(lo: float, hi: float, floor: float, ceiling: float) -> tuple[float, float]:
    if hi - lo >= ceiling - floor:
        return floor, ceiling
    if lo < floor:
        return floor, floor + (hi - lo)
    if hi > ceiling:
        return ceiling - (hi - lo), ceiling
    return lo, hi


def inset_box(figure, main_axes, view: Box, outside: Sequence[tuple[str, float, float]], corner: str,
              scale: float = 1.0) -> Box:
    """The pixel box a locator inset takes in ``corner`` ("upper right", ...) of the main map:
    about a quarter of its width times ``scale``, shaped like the inset's extent."""
    iw, isouth, ie, inorth = inset_extent(view, [(lon, lat) for _, lat, lon in outside])
    stretch = 1 / max(math.cos(math.radians((isouth + inorth) / 2)), 0.3)
    main = main_axes.get_window_extent(figure.canvas.get_renderer())
    width_px = main.width * 0.26 * scale
    height_px = width_px * (inorth - isouth) * stretch / (ie - iw)
    if height_px > main.height * 0.42 * scale:
        height_px = main.height * 0.42 * scale
        width_px = height_px * (ie - iw) / ((inorth - isouth) * stretch)
    pad = 6 * figure.dpi / 72
    x = main.x1 - width_px - pad if "right" in corner else main.x0 + pad
    y = main.y1 - height_px - pad if "upper" in corner else main.y0 + pad
    return (x, y, x + width_px, y + height_px)


def locator_inset(figure, countries: Sequence[Country], view: Box, outside: Sequence[tuple[str, float, float]],
                  box: Box, text_kw: dict) -> Box:
    """A small map in ``box`` (from :func:`inset_box`): the frame drawn on it as a red box and
    the places outside the frame as dots, the heaviest three named. Returns the box it covers."""
    from matplotlib.patches import Rectangle

    west, south, east, north = view
    iw, isouth, ie, inorth = inset_extent(view, [(lon, lat) for _, lat, lon in outside])
    fig_w, fig_h = figure.bbox.width, figure.bbox.height
    x, y = box[0], box[1]
    width_px, height_px = box[2] - box[0], box[3] - box[1]
    inset = figure.add_axes((x / fig_w, y / fig_h, width_px / fig_w, height_px / fig_h))
    inset.set_xlim(iw, ie)
    inset.set_ylim(isouth, inorth)
    inset.set_xticks([])
    inset.set_yticks([])
    inset.set_facecolor(OCEAN)
    for spine in inset.spines.values():
        spine.set_edgecolor("#6f7f8f")
        spine.set_linewidth(0.8)
    inset.set_zorder(7)
    # Simplified to about a pixel: the inset is small, its coastlines need not be exact.
    add_polygons(inset, (c.geometry for c in countries), (iw, isouth, ie, inorth), (ie - iw) / width_px,
                 facecolor=LAND, edgecolor=BORDER, linewidth=0.2, zorder=1)
    # The frame, at least a few pixels wide so a city's frame still shows as a box.
    min_w = (ie - iw) * 4 / width_px
    min_h = (inorth - isouth) * 4 / height_px
    fw, fh = max(east - west, min_w), max(north - south, min_h)
    cx, cy = (west + east) / 2, (south + north) / 2
    inset.add_patch(Rectangle((cx - fw / 2, cy - fh / 2), fw, fh, facecolor="none", edgecolor=ACCENT,
                              linewidth=1.4, zorder=3))
    if outside:
        inset.scatter([lon for _, _, lon in outside], [lat for _, lat, _ in outside], s=10, c=INK,
                      edgecolors="white", linewidths=0.4, zorder=4)
        for name, lat, lon in outside[:3]:
            # The name away from the frame (right-aligned west of it), unless it would run off the inset.
            room_px = width_px * (lon - iw) / (ie - iw)  # left of the dot
            need_px = len(name) * 6 * 0.6 * figure.dpi / 72 + 8
            right = lon < (west + east) / 2
            if (right and room_px < need_px) or (not right and width_px - room_px < need_px):
                right = not right
            inset.annotate(name, (lon, lat), xytext=(-4 if right else 4, 0), textcoords="offset points",
                           ha="right" if right else "left", va="center", fontsize=6, color=INK, zorder=5,
                           bbox={"boxstyle": "round,pad=0.1", "facecolor": "white", "edgecolor": "none",
                                 "alpha": 0.7}, **text_kw)
    return (x - 2, y - 2, x + width_px + 2, y + height_px + 2)


def edge_markers(axes, view: Box, outside: Sequence[tuple[str, float, float]], taken: list[Box],
                 text_kw: dict) -> list[int]:
    """An arrow at the frame's edge towards each place outside it, with the place's name; a
    label that would cover something slides along the edge. Returns the indices drawn (a
    place whose label finds no room is left to the legend)."""
    renderer = axes.figure.canvas.get_renderer()
    bounds = axes.get_window_extent(renderer)
    west, south, east, north = view
    centre = axes.transData.transform([((west + east) / 2, (south + north) / 2)])[0]
    inner = (bounds.x0 + 4, bounds.y0 + 4, bounds.x1 - 4, bounds.y1 - 4)
    drawn = []
    for index, (name, lat, lon) in enumerate(outside):
        target = axes.transData.transform([(lon, lat)])[0]
        dx, dy = target[0] - centre[0], target[1] - centre[1]
        if not (dx or dy):
            continue
        tip, side = _edge_point(centre, (dx, dy), inner)
        norm = math.hypot(dx, dy)
        ux, uy = dx / norm, dy / norm
        arrow_len = 22 * axes.figure.dpi / 72
        for shift in _shifts(40):
            tx, ty = tip
            if side in ("left", "right"):
                ty = min(max(ty + shift, inner[1] + 12), inner[3] - 12)
            else:
                tx = min(max(tx + shift, inner[0] + 40), inner[2] - 40)
            tail = (tx - ux * arrow_len, ty - uy * arrow_len)
            ha = {"left": "left", "right": "right"}.get(side, "center")
            va = {"top": "top", "bottom": "bottom"}.get(side, "center")
            if side in ("left", "right"):
                va = "bottom" if uy < -0.3 else "top" if uy > 0.3 else "center"
            xy = axes.transData.inverted().transform([(tx, ty), tail])
            text = axes.annotate(
                name, xy[0], xytext=xy[1], textcoords="data", ha=ha, va=va, fontsize=8, color=INK,
                fontstyle="italic", zorder=6, annotation_clip=False, gid="edge-marker",
                arrowprops={"arrowstyle": "-|>,head_length=0.5,head_width=0.25", "color": ACCENT, "linewidth": 1.2,
                            "shrinkA": 2, "shrinkB": 0},
                bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none", "alpha": 0.85},
                **text_kw,
            )
            box = text_box(text, renderer)
            box_px = (box.x0 - 2, box.y0 - 2, box.x1 + 2, box.y1 + 2)
            arrow_px = (min(tx, tail[0]) - 3, min(ty, tail[1]) - 3, max(tx, tail[0]) + 3, max(ty, tail[1]) + 3)
            inside = box.x0 >= bounds.x0 and box.x1 <= bounds.x1 and box.y0 >= bounds.y0 and box.y1 <= bounds.y1
            if inside and not any(overlaps(box_px, o) or overlaps(arrow_px, o) for o in taken):
                taken += [box_px, arrow_px]
                drawn.append(index)
                break
            text.remove()
    return drawn


def _shifts(steps: int) -> Iterable[float]:
    yield 0.0
    for k in range(1, steps):
        yield 12.0 * k
        yield -12.0 * k


def _edge_point(centre, direction, box: Box) -> tuple[tuple[float, float], str]:
    """Where a ray from ``centre`` along ``direction`` leaves ``box``, and which side."""
    cx, cy = centre
    dx, dy = direction
    best = (math.inf, "right")
    for side, t in (("right", (box[2] - cx) / dx if dx > 0 else math.inf),
                    ("left", (box[0] - cx) / dx if dx < 0 else math.inf),
                    ("top", (box[3] - cy) / dy if dy > 0 else math.inf),
                    ("bottom", (box[1] - cy) / dy if dy < 0 else math.inf)):
        if t < best[0]:
            best = (t, side)
    t, side = best
    return (cx + dx * t, cy + dy * t), side
