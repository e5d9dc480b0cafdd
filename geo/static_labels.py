"""Labels for the static maps: every place gets its name beside its marker, or a number.

Greedy placement, heaviest place first: eight spots round the marker, the first that stays
inside the map and clear of the other labels, the markers and whatever the map already holds
(inset, scale bar, edge markers) wins; then spots further out with a thin leader line that
crosses no other label; then all again at a smaller size. A name that finds no room at all is never dropped: the
marker gets a small number and the name goes into the legend under the map
(:func:`legend_lines`). Boxes are in display pixels, ``(x0, y0, x1, y1)``.

>>> legend_lines(["1 Karabakh", "2 Fuzuli"], width_points=400, fontsize=8)
['1 Karabakh   2 Fuzuli']
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

__all__ = ["LabelItem", "place_labels", "legend_lines", "text_box", "overlaps"]

Box = tuple[float, float, float, float]

INK = "#222222"
LEADER = "#777777"
_OFFSETS = (  # unit offsets round a marker, first choice first; with the text's anchor
    ((1, 0), "left", "center"),
    ((1, 1), "left", "bottom"),
    ((0, 1), "center", "bottom"),
    ((-1, 1), "right", "bottom"),
    ((-1, 0), "right", "center"),
    ((-1, -1), "right", "top"),
    ((0, -1), "center", "top"),
    ((1, -1), "left", "top"),
)
_SIZES = (9.0, 7.5)  # points: the label's size, then the smaller try
_NUMBER_SIZE = 7.0
_BOX_STYLE = {"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.8}


@dataclass(frozen=True, slots=True)
class LabelItem:
    """A marker to label: its name, its point in data coordinates, its marker area in points²."""

    name: str
    point: tuple[float, float]
    marker_size: float


def place_labels(axes, items: Sequence[LabelItem], obstacles: list[Box], dpi: float, text_kw: dict,
                 numbered: frozenset[int] = frozenset(), max_numbers: int = 20) -> tuple[list[int], list[int]]:
    """Label every item (heaviest first: the order given). Returns the indices that got a number
    instead of a name, in the order their numbers run (1, 2, ...), and those past the first
    ``max_numbers`` failures, which get neither (a corpus map's legend would outgrow the map;
    the caller counts them under the map). Items in ``numbered`` are numbered without trying
    their name (a second pass keeps the first pass's numbers). ``obstacles`` gains every box placed.
    """
    renderer = axes.figure.canvas.get_renderer()
    bounds = axes.get_window_extent(renderer)
    frame = (bounds.x0, bounds.y0, bounds.x1, bounds.y1)
    scale = dpi / 72.0
    pixels = axes.transData.transform([item.point for item in items]) if items else []
    markers = []
    for (x, y), item in zip(pixels, items):
        r = math.sqrt(item.marker_size) / 2 * scale
        markers.append((x - r, y - r, x + r, y + r))
    placed = list(obstacles)
    leaders: list[tuple[tuple[float, float], tuple[float, float]]] = []  # drawn so far, in pixels
    failed: list[int] = []
    for i, item in enumerate(items):
        others = markers[:i] + markers[i + 1 :]
        gap = math.sqrt(item.marker_size) / 2 + 2.5  # points from the marker's centre
        box = None
        if i not in numbered:
            for fontsize in _SIZES:
                for distance in (gap, gap + 14, gap + 28):
                    box = _try_spots(axes, renderer, item.name, item.point, distance, fontsize, frame,
                                     placed + others, scale, text_kw, leader=distance > gap, crossing=placed,
                                     leaders=leaders)
                    if box is not None:
                        break
                if box is not None:
                    break
        if box is None:
            failed.append(i)
        else:
            placed.append(box)
    failed, left = failed[:max_numbers], failed[max_numbers:]
    for number, i in enumerate(failed, 1):
        item = items[i]
        gap = math.sqrt(item.marker_size) / 2 + 1.5
        others = markers[:i] + markers[i + 1 :]
        box = None
        # Clear of labels and markers, then of labels only, then (crowded even for a number) on
        # top, readable, beside its marker.
        for taken, distance, leader in ((placed + others, gap, False), (placed + others, gap + 10, True),
                                        (placed + others, gap + 20, True), (placed, gap, False),
                                        (placed, gap + 10, True), ([], gap, False)):
            box = _try_spots(axes, renderer, str(number), item.point, distance, _NUMBER_SIZE, frame, taken, scale,
                             text_kw, leader=leader, weight="bold", crossing=placed, leaders=leaders)
            if box is not None:
                break
        if box is not None:
            placed.append(box)
    obstacles[:] = placed
    return failed, left


def _try_spots(axes, renderer, name, point, gap, fontsize, frame, taken, scale, text_kw, leader, weight="normal",
               crossing=(), leaders=None):
    """The first of eight spots ``gap`` points from ``point`` where the text fits inside
    ``frame``, clear of ``taken`` and of the leader lines in ``leaders`` (and, with a leader line
    of its own, where that line crosses none of the boxes in ``crossing`` and no other leader);
    the text is left drawn there, its leader added to ``leaders``, and its padded box returned."""
    leaders = [] if leaders is None else leaders
    pad = 2 * scale  # the white box round a label, and a little air
    anchor = axes.transData.transform([point])[0] if leader else None
    arrow = {"arrowstyle": "-", "color": LEADER, "linewidth": 0.6, "shrinkA": 0, "shrinkB": 3} if leader else None
    for (dx, dy), ha, va in _OFFSETS:
        norm = math.hypot(dx, dy)
        text = axes.annotate(
            name, point, xytext=(dx / norm * gap, dy / norm * gap), textcoords="offset points", arrowprops=arrow,
            ha=ha, va=va, fontsize=fontsize, color=INK, fontweight=weight, zorder=6, annotation_clip=False,
            bbox=_BOX_STYLE, **text_kw,
        )
        box = text_box(text, renderer)
        bounds = (box.x0 - pad, box.y0 - pad, box.x1 + pad, box.y1 + pad)
        inside = bounds[0] >= frame[0] and bounds[1] >= frame[1] and bounds[2] <= frame[2] and bounds[3] <= frame[3]
        clear = inside and not any(overlaps(bounds, other) for other in taken)
        clear = clear and not any(_line_crosses(a, b, (0, 0, -1, -1), [bounds]) for a, b in leaders)
        centre = ((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2)
        if clear and leader and (_line_crosses(anchor, centre, bounds, crossing)
                                 or any(_segments_cross(anchor, centre, a, b) for a, b in leaders)):
            clear = False
        if clear:
            text.set_gid("place-label")
            if leader:
                leaders.append((tuple(anchor), centre))
            return bounds
        text.remove()
    return None


def _line_crosses(start, end, own: Box, boxes: Sequence[Box]) -> bool:
    """Whether the segment from ``start`` to ``end`` (outside the label's ``own`` box) passes
    through any of ``boxes`` (but those it starts in: the marker's own); checked at a dozen points
    along it, enough for labels' sizes."""
    boxes = [b for b in boxes if not (b[0] <= start[0] <= b[2] and b[1] <= start[1] <= b[3])]
    for k in range(1, 12):
        t = k / 12
        x, y = start[0] + (end[0] - start[0]) * t, start[1] + (end[1] - start[1]) * t
        if own[0] <= x <= own[2] and own[1] <= y <= own[3]:
            break  # reached the label itself
        if any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes):
            return True
    return False


def _segments_cross(p1, p2, q1, q2) -> bool:
    """Whether segments p1-p2 and q1-q2 cross (touching ends do not count)."""
    def side(a, b, c):
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])

    d1, d2 = side(q1, q2, p1), side(q1, q2, p2)
    d3, d4 = side(p1, p2, q1), side(p1, p2, q2)
    return d1 * d2 < 0 and d3 * d4 < 0


def text_box(annotation, renderer):
    """The pixel box of a text, or of an annotation's text alone (its own extent includes the leader line)."""
    from matplotlib.text import Text

    if hasattr(annotation, "update_positions"):
        annotation.update_positions(renderer)  # where an annotation goes depends on the renderer's dpi
    return Text.get_window_extent(annotation, renderer)


def overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def legend_lines(entries: Sequence[str], *, width_points: float, fontsize: float) -> list[str]:
    """Entries joined three spaces apart into lines that fit ``width_points`` (an estimate of
    DejaVu Sans' average advance, 0.6 em, so the layout needs no renderer)."""
    per_line = max(int(width_points / (0.6 * fontsize)), 10)
    lines: list[str] = []
    for entry in entries:
        if lines and len(lines[-1]) + 3 + len(entry) <= per_line:
            lines[-1] += "   " + entry
        else:
            lines.append(entry)
    return lines
