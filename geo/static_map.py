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
from geo.static_furniture import (ACCENT, BORDER, INK, LAND, OCEAN, add_polygons, area_label, country_labels,
                                  edge_markers, inset_box, locator_inset, prepare_basemap, scale_bar)
from geo.static_labels import LabelItem, legend_lines, place_labels

__all__ = ["to_png", "to_svg", "render_places", "caption_for", "ATTRIBUTION"]

#: The data credit every map carries.
ATTRIBUTION = "Places: GeoNames (CC BY 4.0), outlines: Natural Earth"

_LEGEND_SIZE = 7.5  # points
_MAX_LABELS = 80  # a corpus map labels its heaviest places; the legend counts the rest
_MAX_NUMBERS = 20  # names in the legend at most; past that the legend only counts them
_MAX_EDGE_MARKERS = 6  # arrows at the frame's edge; other places outside are listed under the map
_MAX_OUTSIDE_LISTED = 15  # outside places named in the line under the map; the rest counted
_INSET_BELOW = 30.0  # degrees of latitude: a frame smaller than this gets a locator inset
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
    for place, weight in weighted:
        if not isinstance(weight, (int, float)) or not math.isfinite(weight) or weight < 0:
            raise InputError(f"a place's weight must be a number of 0 or more: got {weight!r} for {place.name!r}")
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
    title = title if title is not None else _default_title(document, len(weighted))
    return render_places(weighted, outlines, fmt=fmt, title=title,
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
    """The figure, laid out until the legend under the map has the room its entries need."""
    countries = basemap if isinstance(basemap, list) else prepare_basemap(basemap)
    numbered: frozenset[int] = frozenset()
    lines = 0
    while True:
        figure, needed, numbered_now = _layout(weighted, outlines, title, caption, width, height, dpi, countries,
                                               lines, numbered)
        if needed <= lines:
            return figure
        # Room for the legend shrinks the map, which may crowd a label more: the places
        # numbered so far stay numbered, so the legend only grows and this ends.
        lines, numbered = needed, numbered | frozenset(numbered_now)


def _layout(weighted, outlines, title, caption, width, height, dpi, countries, legend_rows, numbered):
    """Draw once with ``legend_rows`` lines of room under the map; return the figure, the lines
    its legend needs and the places that got a number."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from geo.framing import frame_places

    figure = Figure(figsize=(width, height), dpi=dpi, facecolor="white")
    FigureCanvasAgg(figure)  # a renderer to measure labels with
    text_kw = {"parse_math": False, "usetex": False}
    line_in = _LEGEND_SIZE * 1.45 / 72  # one legend line, in inches
    top = 1 - 0.45 / height
    # The caption and the credit share the last line when both fit (0.6 em a character, an
    # estimate that needs no renderer); else the caption goes on a line of its own above.
    shared = (len(caption) * 8 + len(ATTRIBUTION) * 7) * 0.6 / 72 + 0.3 <= width * 0.98
    foot = 0.3 if shared else 0.45  # inches under the legend
    bottom = (foot + legend_rows * line_in) / height
    axes = figure.add_axes((0.01, bottom, 0.98, top - bottom))
    axes.set_axis_off()
    axes.add_patch(_ocean_patch(axes))

    places = [p for p, _ in weighted]
    weights = [float(w) for _, w in weighted]
    frame = frame_places(weighted, outlines, aspect=(width * 0.98) / (height * (top - bottom)))
    view = (frame.west, frame.south, frame.east, frame.north)
    stretch = 1 / max(math.cos(math.radians((frame.south + frame.north) / 2)), 0.2)
    axes.set_xlim(frame.west, frame.east)
    axes.set_ylim(frame.south, frame.north)
    axes.set_aspect(1.0 if frame.is_world else stretch, adjustable="box", anchor="C")
    axes.apply_aspect()

    add_polygons(axes, (c.geometry for c in countries), view, facecolor=LAND, edgecolor=BORDER, linewidth=0.4,
                 zorder=1)
    focus = set(frame.focus)
    shapes = {p.id: shape for p in places if p.id in outlines and (shape := _shape(outlines[p.id])) is not None}
    for p in places:
        if p.id in shapes:
            add_polygons(axes, [shapes[p.id]], view, facecolor=ACCENT, edgecolor=ACCENT, linewidth=0.8,
                         alpha=0.14 if p.id in focus else 0.07, zorder=2)

    _title(figure, title, height, text_kw)
    figure.text(0.01, (0.06 if shared else 0.2) / height, caption, ha="left", va="bottom", fontsize=8,
                color="#444444", **text_kw)
    figure.text(0.99, 0.06 / height, ATTRIBUTION, ha="right", va="bottom", fontsize=7, color="#666666", **text_kw)

    if not places:
        axes.text(0.5, 0.5, "No places found", transform=axes.transAxes, ha="center", va="center",
                  fontsize=16, color="#555555", zorder=5, **text_kw)
        return figure, 0, []

    order = sorted(range(len(places)), key=lambda i: (-weights[i], i))  # heaviest first
    inside = [i for i in order if places[i].id in focus]
    outside = [(places[i].name, places[i].lat, places[i].lon) for i in order if places[i].id not in focus]
    # Many markers shrink together, so a corpus map stays a map and not a blot.
    crowd = min(1.0, math.sqrt(40 / max(len(focus), 1)))
    sizes = [_marker_size(w, crowd) for w in weights]
    # Biggest marker first so a small one is never hidden under a big one.
    drawn = sorted(inside, key=lambda i: (-sizes[i], i))
    axes.scatter([places[i].lon for i in drawn], [places[i].lat for i in drawn], s=[sizes[i] for i in drawn],
                 c=ACCENT, edgecolors="white", linewidths=0.8, zorder=3, clip_on=True)

    taken: list[tuple[float, float, float, float]] = []
    corner = None
    if not frame.is_world and (outside or frame.north - frame.south < _INSET_BELOW):
        markers = [(*axes.transData.transform([(places[i].lon, places[i].lat)])[0], math.sqrt(sizes[i]) / 2 * dpi / 72)
                   for i in inside]
        placement = _inset_placement(figure, axes, view, outside, markers,
                                     _inset_corners(axes, [(places[i].lon, places[i].lat, weights[i]) for i in inside],
                                                    outside))
        if placement is not None:
            corner, box = placement
            taken.append(locator_inset(figure, countries, view, outside, box, text_kw))
    bar = scale_bar(axes, view, "right" if corner == "lower left" else "left", text_kw) if not frame.is_world else None
    if bar is not None:
        taken.append(bar)
    labelled = inside[:_MAX_LABELS]
    items = [LabelItem(places[i].name, (places[i].lon, places[i].lat), sizes[i]) for i in labelled]
    hint = frozenset(k for k, i in enumerate(labelled) if i in numbered)
    # Markers of the places are obstacles for the edge markers too.
    scale = dpi / 72
    for (x, y), i in zip(axes.transData.transform([(places[i].lon, places[i].lat) for i in labelled]), labelled):
        r = math.sqrt(sizes[i]) / 2 * scale
        taken.append((x - r, y - r, x + r, y + r))
    away = [i for i in order if places[i].id not in focus]
    shown = _name_outside(axes, frame, [places[i] for i in away], shapes, taken, text_kw)
    failed, left = place_labels(axes, items, taken, dpi, text_kw, numbered=hint, max_numbers=_MAX_NUMBERS)
    named = focus | {places[away[k]].id for k in shown["inside"]}
    skip = {p.country_code for p in places if p.kind == "country" and p.id in named and p.country_code}
    country_labels(axes, countries, view, skip, taken, text_kw)

    lines = _legend_lines(
        numbered=[items[k].name for k in failed],
        outside=[(places[i].name, weights[i]) for k, i in enumerate(away) if k not in shown["all"]],
        unlabelled=len(inside) - len(labelled) + len(left),
        width=width,
    )
    for row, line in enumerate(lines[:legend_rows]):
        y = (foot + (legend_rows - row - 0.5) * line_in) / height
        figure.text(0.01, y, line, ha="left", va="center", fontsize=_LEGEND_SIZE, color=INK, gid="legend", **text_kw)
    _number_gids([*axes.texts, *figure.texts])
    return figure, len(lines), [labelled[k] for k in failed]


def _title(figure, title: str, height: float, text_kw: dict) -> None:
    """The title at the top, smaller (down to 9 pt) when it is long, and cut with an ellipsis
    when even that does not fit the width."""
    renderer = figure.canvas.get_renderer()
    room = figure.bbox.width * 0.98
    text = figure.text(0.5, 1 - 0.08 / height, title, ha="center", va="top", fontsize=13, color=INK, **text_kw)
    for size in (13, 12, 11, 10, 9):
        text.set_fontsize(size)
        if text.get_window_extent(renderer).width <= room:
            return
    while len(title) > 1 and text.get_window_extent(renderer).width > room:
        title = title[: max(1, int(len(title) * 0.95))]
        text.set_text(title.rstrip() + "…")


def _name_outside(axes, frame, away: list[Place], shapes: dict, taken: list, text_kw: dict) -> dict[str, set[int]]:
    """Name the places outside the frame (heaviest first) on the map where that can be done:
    a place whose outline holds the frame (France round a map of Lyon) inside its visible part,
    like a country; the heaviest others by edge arrows. Returns the indices into ``away`` named
    inside (``"inside"``) and named either way (``"all"``)."""
    from shapely.geometry import Point

    centre = Point((frame.west + frame.east) / 2, (frame.south + frame.north) / 2)
    view = (frame.west, frame.south, frame.east, frame.north)
    inside = {k for k, place in enumerate(away)
              if (shape := shapes.get(place.id)) is not None and shape.covers(centre)
              and area_label(axes, shape, place.name, taken, text_kw, fontsize=9, color=INK, fontstyle="italic",
                             zorder=5, gid="area-label")}
    rest = [k for k in range(len(away)) if k not in inside][:_MAX_EDGE_MARKERS]
    arrows = edge_markers(axes, view, [(away[k].name, away[k].lat, away[k].lon) for k in rest], taken, text_kw)
    return {"inside": inside, "all": inside | {rest[j] for j in arrows}}


def _legend_lines(*, numbered: list[str], outside: list[tuple[str, float]], unlabelled: int, width: float) -> list[str]:
    """The lines under the map: the numbered names, the places outside the map the map itself
    does not name (the heaviest 15, then a count), and how many markers carry no name."""
    room = width * 72 * 0.97
    lines = legend_lines([f"{n} {name}" for n, name in enumerate(numbered, 1)], width_points=room,
                         fontsize=_LEGEND_SIZE)
    if outside:
        listed = [f"{name} ({_num(weight)})" for name, weight in outside[:_MAX_OUTSIDE_LISTED]]
        if len(outside) > _MAX_OUTSIDE_LISTED:  # heaviest first; a corpus may leave hundreds out
            listed.append(f"and {len(outside) - _MAX_OUTSIDE_LISTED} more")
        lines += legend_lines(["Outside the map:", *listed], width_points=room, fontsize=_LEGEND_SIZE)
    if unlabelled:
        lines.append(f"{unlabelled} more {'place' if unlabelled == 1 else 'places'} on the map, not labelled "
                     "(smaller markers, no room)")
    return lines


def _number_gids(texts) -> None:
    """``place-label`` -> ``place-label-1``, ...: the SVG's ids name what each text is and stay
    unique (a page that inlines the SVG needs them so)."""
    for n, text in enumerate((t for t in texts if t.get_gid()), 1):
        text.set_gid(f"{text.get_gid()}-{n}")


def _inset_corners(axes, points, outside) -> list[str]:
    """The corners of the map, the one where an inset hides the least weight of the places in
    it first (an edge marker's direction counts too); on a tie, upper right, lower left, upper
    left, lower right."""
    renderer = axes.figure.canvas.get_renderer()
    box = axes.get_window_extent(renderer)
    pixels = axes.transData.transform([(lon, lat) for lon, lat, _ in points]) if points else []
    centre = ((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2)
    costs = {}
    for corner in ("upper right", "lower left", "upper left", "lower right"):
        right, upper = "right" in corner, "upper" in corner
        cost = sum(w for (x, y), (_, _, w) in zip(pixels, points)
                   if (x > box.x1 - box.width * 0.33 if right else x < box.x0 + box.width * 0.33)
                   and (y > box.y1 - box.height * 0.5 if upper else y < box.y0 + box.height * 0.5))
        for _, lat, lon in outside:  # an edge marker pointing into this corner
            x, y = axes.transData.transform([(lon, lat)])[0]
            if ("right" in corner) == (x > centre[0]) and ("upper" in corner) == (y > centre[1]):
                cost += 0.5
        costs[corner] = cost
    return sorted(costs, key=lambda c: costs[c])


def _inset_placement(figure, axes, view, outside, markers, corners):
    """The first corner, at full size or smaller, where the inset covers no marker; None when
    every corner would (the edge markers and the legend still name the places outside)."""
    for scale in (1.0, 0.8, 0.6):
        for corner in corners:
            box = inset_box(figure, axes, view, outside, corner, scale)
            if not any(box[0] - r - 4 < x < box[2] + r + 4 and box[1] - r - 4 < y < box[3] + r + 4
                       for x, y, r in markers):
                return corner, box
    return None


def _shape(geometry):
    from shapely.geometry import shape

    from geo.antimeridian import split_geometry

    try:
        return shape(split_geometry(geometry))
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


def _default_title(document: Document, count: int) -> str:
    noun = "place" if count == 1 else "places"
    return f"{count} {noun} named in {document.id}" if document.id else f"{count} {noun}"


def _marker_size(weight: float, crowd: float = 1.0) -> float:
    """Marker area in points²: grows with the weight (9 mentions is 3x as wide as one, up to 25),
    times ``crowd`` (below 1 on a map of many places), never under 4."""
    return max(28.0 * min(weight, 25) * crowd, 4.0)


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _ocean_patch(axes):
    from matplotlib.patches import Rectangle

    return Rectangle((0, 0), 1, 1, transform=axes.transAxes, facecolor=OCEAN, edgecolor="#9fb3c8",
                     linewidth=0.6, zorder=0)
