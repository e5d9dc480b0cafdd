"""Draw a finished Document as a static PNG or SVG map: no tiles, no browser, no network.

Land comes from a basemap (a GeoJSON FeatureCollection of country outlines, by default
:func:`geo.basemap.load_basemap`), drawn in plain longitude/latitude (equirectangular) with the
aspect ratio of the map's middle latitude. On top: the outlines the document has, a marker per
place (bigger when mentioned more), and labels placed so they neither overlap nor leave the map.

Output is byte-identical from run to run (no dates, fixed SVG ids), and the text of a place name
is drawn literally: ``$x$`` stays ``$x$`` rather than becoming math. matplotlib and shapely are
imported when a map is drawn, not when this module is imported.
"""

from __future__ import annotations

import io
import math
import os
from typing import IO, Any, Mapping, Sequence

from geo.errors import InputError
from geo.records import Document, Place

__all__ = ["to_png", "to_svg", "render_places", "caption_for", "ATTRIBUTION"]

#: The data credit every map carries.
ATTRIBUTION = "Places: GeoNames (CC BY 4.0), outlines: Natural Earth"

_OCEAN, _LAND, _BORDER = "#dfe9f2", "#f4f1ea", "#a7a39b"
_ACCENT, _INK = "#c0392b", "#222222"
_OFFSETS = (  # label offsets in points around a marker, first choice first; with the text's anchor
    ((1, 0), "left", "center"),
    ((1, 1), "left", "bottom"),
    ((0, 1), "center", "bottom"),
    ((-1, 1), "right", "bottom"),
    ((-1, 0), "right", "center"),
    ((-1, -1), "right", "top"),
    ((0, -1), "center", "top"),
    ((1, -1), "left", "top"),
)
_RC = {  # applied only while drawing, never globally
    "svg.hashsalt": "geo-static-map",  # fixed ids, so SVG bytes repeat
    "svg.fonttype": "none",  # labels stay <text>: searchable, small
    "font.family": "DejaVu Sans",  # ships with matplotlib: the same glyphs everywhere
    "text.usetex": False,
    "path.simplify": True,
}


def to_png(
    document: Document,
    path_or_stream: str | os.PathLike[str] | IO[bytes] | None = None,
    *,
    title: str | None = None,
    width: float = 10.0,
    height: float = 6.0,
    dpi: float = 150,
    basemap: dict[str, Any] | None = None,
) -> bytes:
    """The map as PNG bytes of ``width*dpi`` x ``height*dpi`` pixels; also written to
    ``path_or_stream`` when one is given. ``title`` defaults to one naming the document.
    """
    return _write(_render_document(document, "png", title, width, height, dpi, basemap), path_or_stream)


def to_svg(
    document: Document,
    path_or_stream: str | os.PathLike[str] | IO[bytes] | None = None,
    *,
    title: str | None = None,
    width: float = 10.0,
    height: float = 6.0,
    dpi: float = 150,
    basemap: dict[str, Any] | None = None,
) -> bytes:
    """The map as SVG bytes (UTF-8), labels as ``<text>``; arguments as in :func:`to_png`."""
    return _write(_render_document(document, "svg", title, width, height, dpi, basemap), path_or_stream)


def render_places(
    weighted: Sequence[tuple[Place, float]],
    outlines: Mapping[str, dict],
    *,
    fmt: str,
    title: str,
    caption: str,
    width: float,
    height: float,
    dpi: int,
    basemap: dict[str, Any] | None = None,
) -> bytes:
    """Draw places with weights (mentions, or documents for a corpus map) as ``fmt`` ("png" or
    "svg") bytes: framed by :func:`geo.framing.frame_places`, markers sized by weight, the
    ``outlines`` (place id -> GeoJSON geometry) of the places that have one, ``title`` on top
    and ``caption`` below. ``basemap`` defaults to :func:`geo.basemap.load_basemap`.
    """
    if fmt not in ("png", "svg"):
        raise InputError(f"static map format must be 'png' or 'svg': got {fmt!r}")
    for name, value in (("width", width), ("height", height), ("dpi", dpi)):
        if not isinstance(value, (int, float)) or not value > 0 or not math.isfinite(value):
            raise InputError(f"{name} must be a positive number: got {value!r}")
    if basemap is None:
        from geo.basemap import load_basemap

        basemap = load_basemap()

    import matplotlib

    with matplotlib.rc_context(_RC):
        figure = _draw(list(weighted), dict(outlines), title, caption, width, height, dpi, basemap)
        buffer = io.BytesIO()
        metadata = {"Date": None} if fmt == "svg" else {"Software": None}
        figure.savefig(buffer, format=fmt, dpi=dpi, metadata=metadata)
    return buffer.getvalue()


def caption_for(document: Document) -> str:
    """The caption line of a document's map: "8 places, 31 mentions; source: fuzuli-2021-01-26"."""
    places, mentions = len(document.places), sum(mp.mention_count for mp in document.places)
    line = f"{places} {'place' if places == 1 else 'places'}, {mentions} {'mention' if mentions == 1 else 'mentions'}"
    return f"{line}; source: {document.id}" if document.id else line


def _render_document(document, fmt, title, width, height, dpi, basemap) -> bytes:
    weighted = [(mp.place, mp.mention_count) for mp in document.places]
    outlines = {pid: g for pid, g in document.outlines.items() if any(p.id == pid for p, _ in weighted)}
    return render_places(weighted, outlines, fmt=fmt, title=title if title is not None else _default_title(document, len(weighted)),
                         caption=caption_for(document), width=width, height=height, dpi=dpi, basemap=basemap)


def _write(data: bytes, target) -> bytes:
    if target is not None:
        if hasattr(target, "write"):
            target.write(data)
        else:
            with open(target, "wb") as handle:
                handle.write(data)
    return data


def _draw(weighted, outlines, title, caption, width, height, dpi, basemap):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from geo.framing import frame_places

    figure = Figure(figsize=(width, height), dpi=dpi, facecolor="white")
    FigureCanvasAgg(figure)  # a renderer to measure labels with
    # Room above for the title and below for the caption; sizes in inches stay put.
    top, bottom = 1 - 0.45 / height, 0.3 / height
    axes = figure.add_axes((0.01, bottom, 0.98, top - bottom))
    axes.set_axis_off()
    axes.add_patch(_ocean_patch(axes))

    places = [p for p, _ in weighted]
    weights = [w for _, w in weighted]
    points = [(p.lon, p.lat) for p in places]
    box_w, box_h = width * 0.98, height * (top - bottom)
    frame = frame_places(weighted, outlines, aspect=box_w / box_h)
    lon0, lon1, lat0, lat1 = frame.west, frame.east, frame.south, frame.north
    stretch = 1 / max(math.cos(math.radians((lat0 + lat1) / 2)), 0.2)
    axes.set_xlim(lon0, lon1)
    axes.set_ylim(lat0, lat1)
    axes.set_aspect(stretch, adjustable="box", anchor="C")
    axes.apply_aspect()

    view = (lon0, lat0, lon1, lat1)
    _add_polygons(axes, (f.get("geometry") for f in basemap.get("features", ())), view,
                  facecolor=_LAND, edgecolor=_BORDER, linewidth=0.4, zorder=1)
    for p in places:
        if p.id in outlines:
            _add_polygons(axes, [outlines[p.id]], view, facecolor=_ACCENT, edgecolor=_ACCENT,
                          linewidth=0.8, alpha=0.18, zorder=2)

    text_kw = {"parse_math": False, "usetex": False}
    figure.text(0.5, 1 - 0.08 / height, title, ha="center", va="top", fontsize=13, color=_INK, wrap=False, **text_kw)
    figure.text(0.01, 0.06 / height, caption, ha="left", va="bottom", fontsize=8, color="#444444", **text_kw)
    figure.text(0.99, 0.06 / height, ATTRIBUTION, ha="right", va="bottom", fontsize=7, color="#666666", **text_kw)

    if not places:
        axes.text(0.5, 0.5, "No places found", transform=axes.transAxes, ha="center", va="center",
                  fontsize=16, color="#555555", zorder=5, **text_kw)
        return figure

    sizes = [_marker_size(w) for w in weights]
    # Biggest first so a small marker is never hidden under a big one.
    order = sorted(range(len(places)), key=lambda i: -sizes[i])
    axes.scatter([points[i][0] for i in order], [points[i][1] for i in order], s=[sizes[i] for i in order],
                 c=_ACCENT, edgecolors="white", linewidths=0.8, zorder=3, clip_on=True)
    _place_labels(figure, axes, [p.name for p in places], points, sizes, dpi, text_kw)
    return figure


def _default_title(document: Document, count: int) -> str:
    noun = "place" if count == 1 else "places"
    return f"{count} {noun} named in {document.id}" if document.id else f"{count} {noun}"


def _marker_size(weight: float) -> float:
    """Marker area in points²: grows with the weight, so 9 mentions is 3x as wide as one."""
    return 28.0 * min(weight, 25)


def _ocean_patch(axes):
    from matplotlib.patches import Rectangle

    return Rectangle((0, 0), 1, 1, transform=axes.transAxes, facecolor=_OCEAN, edgecolor="#9fb3c8",
                     linewidth=0.6, zorder=0)


def _add_polygons(axes, geometries, view, **style) -> None:
    """Add the polygons among ``geometries`` (GeoJSON dicts) clipped to the view, as one collection."""
    from matplotlib.collections import PathCollection
    from matplotlib.path import Path
    from shapely import clip_by_rect
    from shapely.geometry import shape

    from geo.antimeridian import split_geometry

    x0, y0, x1, y1 = view
    pad_x, pad_y = (x1 - x0) * 0.05 + 0.1, (y1 - y0) * 0.05 + 0.1
    paths = []
    for geometry in geometries:
        if not geometry or geometry.get("type") not in ("Polygon", "MultiPolygon", "GeometryCollection"):
            continue
        clipped = clip_by_rect(shape(split_geometry(geometry)), x0 - pad_x, y0 - pad_y, x1 + pad_x, y1 + pad_y)
        for polygon in getattr(clipped, "geoms", [clipped]):
            if polygon.geom_type != "Polygon" or polygon.is_empty:
                continue
            vertices, codes = [], []
            for ring in (polygon.exterior, *polygon.interiors):
                coords = list(ring.coords)
                vertices += coords
                codes += [Path.MOVETO] + [Path.LINETO] * (len(coords) - 2) + [Path.CLOSEPOLY]
            paths.append(Path(vertices, codes))
    if paths:
        axes.add_collection(PathCollection(paths, **style), autolim=False)


def _place_labels(figure, axes, names, points, sizes, dpi, text_kw) -> None:
    """Greedy label placement: most mentioned place first, 8 spots around its marker, the first
    spot that stays inside the map and clear of other labels and markers wins; if none does, try
    8 spots further out (with a thin leader line), then both again at a smaller size, then leave
    the label out."""
    renderer = figure.canvas.get_renderer()
    frame = axes.get_window_extent(renderer)
    scale = dpi / 72.0  # points to pixels
    to_pixels = axes.transData.transform(points)
    obstacles = []
    for (x, y), size in zip(to_pixels, sizes):
        r = math.sqrt(size) / 2 * scale
        obstacles.append((x - r, y - r, x + r, y + r))
    placed: list[tuple[float, float, float, float]] = []
    for i, name in enumerate(names):
        gap = math.sqrt(sizes[i]) / 2 + 2.5  # points from the marker's centre
        for fontsize, distance in ((9.0, gap), (9.0, gap + 14), (7.5, gap), (7.5, gap + 14)):
            label = _try_spots(axes, renderer, name, points[i], distance, fontsize, frame, placed,
                               obstacles[:i] + obstacles[i + 1 :], scale, text_kw, leader=distance > gap)
            if label is not None:
                placed.append(label)
                break


def _try_spots(axes, renderer, name, point, gap, fontsize, frame, placed, obstacles, scale, text_kw, leader):
    pad = 2 * scale  # the white box round a label, and a little air
    arrow = {"arrowstyle": "-", "color": "#777777", "linewidth": 0.6, "shrinkA": 0, "shrinkB": 3} if leader else None
    for (dx, dy), ha, va in _OFFSETS:
        norm = math.hypot(dx, dy)
        text = axes.annotate(
            name, point, xytext=(dx / norm * gap, dy / norm * gap), textcoords="offset points", arrowprops=arrow,
            ha=ha, va=va, fontsize=fontsize, color=_INK, zorder=4, annotation_clip=False,
            bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.75},
            **text_kw,
        )
        box = _text_extent(text, renderer)
        bounds = (box.x0 - pad, box.y0 - pad, box.x1 + pad, box.y1 + pad)
        inside = (bounds[0] >= frame.x0 and bounds[1] >= frame.y0 and bounds[2] <= frame.x1 and bounds[3] <= frame.y1)
        if inside and not any(_overlap(bounds, other) for other in (*placed, *obstacles)):
            return bounds
        text.remove()
    return None


def _text_extent(annotation, renderer):
    """The pixel box of an annotation's text alone (its own extent includes the leader line)."""
    from matplotlib.text import Text

    annotation.update_positions(renderer)  # where the text goes depends on the renderer's dpi
    return Text.get_window_extent(annotation, renderer)


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
