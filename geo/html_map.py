"""A :class:`~geo.records.Document`, or a :class:`~geo.records.CorpusMap` of many, as one
self-contained HTML page with a folium (Leaflet) map.

The page works offline: Leaflet, jQuery and Leaflet.markercluster are inlined from the
installed ``xstatic-*`` packages (see :mod:`geo.assets`) and, by default, the land is
drawn from a GeoJSON basemap of country outlines instead of web tiles. Only
``tiles="osm"`` makes the page load anything from the network.

Every marker has a popup with the place's facts, every sentence that mentions it (the
mentions marked with ``<mark>``) and the runner-up candidates (for a corpus: the documents
that name it, with their sentences); a panel on the map lists the places by mentions (or
documents). All text goes through :func:`geo.html_text.escape_html`. The element ids
folium would draw at random are derived from the page's content (:func:`stable_ids`), so
the same map is the same bytes on every run.

>>> from geo.records import Document, Mention, Place, Resolution, Sentence
>>> text = "Floods hit Baku."
>>> baku = Place("587084", "Baku", "city", 40.4093, 49.8671, "AZ")
>>> m = Mention(11, 15, "Baku", 0)
>>> doc = Document("news-1", text, (Sentence(0, 0, 16),), (m,), (Resolution(m, baku, 0.9),))
>>> page = to_html(doc, basemap={"type": "FeatureCollection", "features": []})
>>> "Floods hit <mark>Baku</mark>." in page, "<title>news-1</title>" in page
(True, True)
>>> to_html(doc, tiles="bogus")
Traceback (most recent call last):
...
geo.errors.UnknownNameError: unknown tiles: got 'bogus'; valid names are none, osm
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import folium
from branca.element import Element
from folium.plugins import MarkerCluster
from folium.template import Template

from geo.assets import read_asset
from geo.errors import InputError, UnknownNameError
from geo.html_text import corpus_popup_html, document_popup_html, escape_html, plural
from geo.map_panel import DEFAULT_COLOR, KIND_COLORS, page_css, panel_html, panel_script
from geo.records import CorpusMap, Document, Place

__all__ = ["TILES", "CLUSTER_ABOVE", "escape_html", "stable_ids", "to_html", "write_html"]

#: Valid ``tiles`` values: ``None``/``"none"`` draws the offline basemap, ``"osm"`` web tiles.
TILES = ("none", "osm")
#: Markers are clustered only when a document has more places than this.
CLUSTER_ABOVE = 100

_MAX_ZOOM = 18  # set on the map itself: MarkerCluster needs it when there is no tile layer
_FIT_MAX_ZOOM = 10  # the closest first view with web tiles
_OFFLINE_MAX_ZOOM = 8  # ... and with the offline basemap
_WORLD = ([20.0, 0.0], 2)
_LAND = {"color": "#a89f91", "weight": 0.6, "fillColor": "#f3efe6", "fillOpacity": 1.0}


class _Raw(Element):
    """Text put on the page as it is: rendered once, never parsed as a template."""

    _template = Template("{{ this.text }}")

    def __init__(self, text: str):
        super().__init__()
        self.text = text


class _Late(Element):
    """A map child that adds raw HTML and script to the page when the map renders.

    Its script runs after the scripts of the map children added before it, so it can
    use their JavaScript variables.
    """

    def __init__(self, html_text: str = "", script: str = ""):
        super().__init__()
        self._name = "GeoLate"
        self.html_text, self.script = html_text, script

    def render(self, **kwargs: Any) -> None:
        figure = self.get_root()
        if self.html_text:
            figure.html.add_child(_Raw(self.html_text), name=self.get_name())
        if self.script:
            figure.script.add_child(_Raw(self.script), name=self.get_name())


def _check_tiles(tiles: str | None) -> str:
    if tiles is None:
        return "none"
    if tiles not in TILES:
        raise UnknownNameError("tiles", tiles, TILES)
    return tiles


def _clean_geometry(geometry: Any) -> dict[str, Any] | None:
    """A GeoJSON geometry rebuilt from numbers only, or None if it is not one.

    Geometry data ends up inside a script, so nothing but numbers may pass.

    >>> _clean_geometry({"type": "Point", "coordinates": [47, "39.5"]})
    {'type': 'Point', 'coordinates': [47.0, 39.5]}
    >>> _clean_geometry({"type": "Polygon", "coordinates": [[["{{x}}", 1]]]}) is None
    True
    """
    depth = {"Point": 0, "MultiPoint": 1, "LineString": 1, "MultiLineString": 2, "Polygon": 2, "MultiPolygon": 3}

    def numbers(value: Any, level: int) -> Any:
        if level == 0:
            if not isinstance(value, (list, tuple)) or len(value) < 2:
                raise ValueError(value)
            point = [float(value[0]), float(value[1])]
            if not all(math.isfinite(v) for v in point):
                raise ValueError(value)
            return point
        if not isinstance(value, (list, tuple)):
            raise ValueError(value)
        return [numbers(v, level - 1) for v in value]

    if not isinstance(geometry, dict):
        return None
    kind = geometry.get("type")
    try:
        if kind == "GeometryCollection":
            parts = [_clean_geometry(g) for g in geometry.get("geometries", ())]
            if any(p is None for p in parts):
                return None
            return {"type": kind, "geometries": parts}
        if kind not in depth:
            return None
        return {"type": kind, "coordinates": numbers(geometry.get("coordinates"), depth[kind])}
    except (TypeError, ValueError):
        return None


def _points(geometry: dict[str, Any]) -> Iterable[list[float]]:
    """Every [lon, lat] position of a cleaned geometry."""
    if geometry["type"] == "GeometryCollection":
        for part in geometry["geometries"]:
            yield from _points(part)
        return
    stack = [geometry["coordinates"]]
    while stack:
        item = stack.pop()
        if item and isinstance(item[0], float):
            yield item
        else:
            stack.extend(item)


def _box(points: Iterable[list[float]]) -> tuple[tuple[float, float], tuple[float, float]]:
    lons, lats = zip(*points)
    return (min(lats), min(lons)), (max(lats), max(lons))


def _view_box(geometry: dict[str, Any]) -> tuple[tuple[float, float], tuple[float, float]]:
    """The ((south, west), (north, east)) box of an outline, to draw the larger ones first.

    An outline cut at the antimeridian (Russia, the United States, Fiji) spans nearly
    360 degrees of longitude; such an outline is measured by its largest part alone.

    >>> cut = {"type": "MultiPolygon", "coordinates": [
    ...     [[[-180, 60], [-170, 60], [-170, 65], [-180, 60]]],
    ...     [[[100, 50], [180, 50], [180, 70], [100, 50]]]]}
    >>> _view_box(_clean_geometry(cut))
    ((50.0, 100.0), (70.0, 180.0))
    """
    box = _box(_points(geometry))
    if box[1][1] - box[0][1] <= 180 or geometry["type"] != "MultiPolygon":
        return box
    boxes = [_box(_points({"type": "Polygon", "coordinates": part})) for part in geometry["coordinates"] if part]
    return max(boxes, key=lambda b: (b[1][0] - b[0][0]) * (b[1][1] - b[0][1]))


def _clean_basemap(basemap: Any) -> dict[str, Any]:
    if not isinstance(basemap, dict) or not isinstance(basemap.get("features"), list):
        raise InputError(f"basemap must be a GeoJSON FeatureCollection dict, got {type(basemap).__name__}")
    features = []
    for feature in basemap["features"]:
        geometry = _clean_geometry(feature.get("geometry")) if isinstance(feature, dict) else None
        if geometry is not None:  # properties are not shown, so they are not copied
            features.append({"type": "Feature", "geometry": geometry, "properties": {}})
    return {"type": "FeatureCollection", "features": features}


def _popup(html_text: str) -> folium.Popup:
    # parse_html=False: folium puts the (already escaped) HTML into the page as it is.
    # The padding keeps an opened popup clear of the zoom buttons at the top left.
    return folium.Popup(html_text, parse_html=False, max_width=460, auto_pan_padding_top_left=(50, 12))


@dataclass(frozen=True, slots=True)
class _Marker:
    """What the page draws for one place: its weight in the framing, the number the legend shows."""

    place: Place
    weight: float
    count: int
    popup: str
    tooltip: str
    radius: float


# folium names every element ``<kind>_<32 random hex digits>``; the page would differ run to run.
_ELEMENT_ID = re.compile(r"(?<=_)[0-9a-f]{32}(?![0-9A-Za-z])")


def _elements(root: Element) -> Iterable[Element]:
    """Every element reachable from ``root``: its children, and the elements it holds as
    attributes (a Figure's header, html and script; a Popup's html), which are not children."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        element = stack.pop()
        if id(element) in seen:
            continue
        seen.add(id(element))
        yield element
        stack.extend(v for v in (*vars(element).values(), *element._children.values()) if isinstance(v, Element))


def stable_ids(figure: Element, page: str) -> str:
    """The rendered ``page`` with folium's random element ids replaced by ids derived from its content.

    Each id becomes a digest of the page (with every id blanked to its order of first
    appearance) followed by that order, so the same map is the same bytes on every run and
    two different maps on one page (a notebook) still have different ids.
    """
    ids = {element._id for element in _elements(figure)}
    order: dict[str, int] = {}
    for match in _ELEMENT_ID.finditer(page):
        if match.group() in ids:
            order.setdefault(match.group(), len(order))
    blanked = _ELEMENT_ID.sub(lambda m: f"{order[m.group()]:032x}" if m.group() in order else m.group(), page)
    digest = hashlib.sha256(blanked.encode("utf-8", "surrogatepass")).hexdigest()[:20]
    return _ELEMENT_ID.sub(lambda m: f"{digest}{order[m.group()]:012x}" if m.group() in order else m.group(), page)


def _add_assets(figure: Any, names: Iterable[str]) -> None:
    for name in names:
        tag = "style" if name.endswith(".css") else "script"
        figure.header.add_child(_Raw(f"<{tag}>{read_asset(name)}</{tag}>"), name=f"geo-{name}")


def _document_markers(document: Document) -> list[_Marker]:
    return [
        _Marker(
            mp.place,
            float(mp.mention_count),
            mp.mention_count,
            document_popup_html(document, mp),
            f'<bdi>{escape_html(mp.place.name)}</bdi> · {plural(mp.mention_count, "mention")}',
            5 + 2 * min(math.sqrt(mp.mention_count), 5),
        )
        for mp in document.places
    ]


def _corpus_markers(corpus: CorpusMap) -> list[_Marker]:
    # Sized by the documents that name a place: what a corpus map is read for.
    return [
        _Marker(
            cp.place,
            float(cp.document_count),
            cp.document_count,
            corpus_popup_html(cp),
            f'<bdi>{escape_html(cp.place.name)}</bdi> · {plural(cp.document_count, "document")}',
            5 + 3 * min(math.sqrt(cp.document_count), 6),
        )
        for cp in corpus.places
    ]


def _first_view(markers: list[_Marker], outlines: dict[str, dict[str, Any]]) -> tuple[list[list[float]], list[int]] | None:
    """The box the page opens on ([[south, west], [north, east]]) and the markers left outside it,
    by :func:`geo.framing.frame_places`, the rule the static maps follow too; None for no places."""
    from geo.framing import frame_places

    if not markers:
        return None
    frame = frame_places([(m.place, m.weight) for m in markers], outlines)
    outside = set(frame.outside)
    return [[frame.south, frame.west], [frame.north, frame.east]], [i for i, m in enumerate(markers) if m.place.id in outside]


def to_html(
    source: Document | CorpusMap,
    *,
    title: str | None = None,
    tiles: str | None = None,
    basemap: dict | None = None,
) -> str:
    """A document, or a corpus of them, as a complete HTML page with an interactive map.

    A :class:`~geo.records.Document` gets one marker per place, sized by its mentions,
    its popup every sentence naming it; a :class:`~geo.records.CorpusMap` (see
    :func:`geo.corpus.map_documents`) one marker per place sized by the documents naming
    it, its popup those documents (title or id) with their sentences.
    ``title`` (default: the document's or corpus's id) heads the page and the map.
    ``tiles=None`` or ``"none"`` draws land from ``basemap``, a GeoJSON FeatureCollection
    of outlines (default: :func:`geo.basemap.load_basemap`); ``tiles="osm"`` uses
    OpenStreetMap web tiles instead, the only case where the page uses the network.
    """
    tiles = _check_tiles(tiles)
    if isinstance(source, CorpusMap):
        from geo.corpus import caption

        markers, summary, count_title = _corpus_markers(source), caption(source), "documents"
    elif isinstance(source, Document):
        markers, count_title = _document_markers(source), "mentions"
        summary = f"{plural(len(markers), 'place')}, {plural(sum(m.count for m in markers), 'mention')}"
    else:
        raise TypeError(f"to_html takes a Document or a CorpusMap, got {type(source).__name__}")
    title = source.id if title is None else str(title)
    title = title if title.strip() else "Map"
    markers = [m for m in markers if math.isfinite(m.place.lat) and math.isfinite(m.place.lon)]
    return _page(markers, source.outlines, title=title, summary=summary, count_title=count_title, tiles=tiles,
                 basemap=basemap)


def _page(
    markers: list[_Marker],
    outlines: dict[str, dict[str, Any]],
    *,
    title: str,
    summary: str,
    count_title: str,
    tiles: str,
    basemap: dict | None,
) -> str:
    clustered = len(markers) > CLUSTER_ABOVE
    # Quarter zoom steps let the first view fit the frame closely (web tiles would blur between steps).
    snap = 1 if tiles == "osm" else 0.25
    fmap = folium.Map(location=_WORLD[0], zoom_start=_WORLD[1], tiles=None, maxZoom=_MAX_ZOOM, minZoom=1, zoomSnap=snap)
    fmap.default_js, fmap.default_css = [], []  # on the instance: folium's lists are shared
    figure = fmap.get_root()
    figure.header.add_child(_Raw(f"<title>{escape_html(title)}</title>"), name="geo-title")
    assets = ["leaflet.css", "leaflet.js", "jquery.js"]
    if clustered:
        assets += ["markercluster.css", "markercluster.js"]
    _add_assets(figure, assets)
    figure.header.add_child(_Raw(f"<style>{page_css(tiles)}</style>"), name="geo-css")

    # Panes below Leaflet's overlay pane (z-index 400): land under outlines under markers.
    name = fmap.get_name()
    panes = f'{name}.createPane("geo-land").style.zIndex = 350;\n{name}.createPane("geo-outlines").style.zIndex = 390;\n'
    if tiles == "osm":
        folium.TileLayer("OpenStreetMap", max_zoom=19).add_to(fmap)
        fmap.add_child(_Late(script=panes))
    else:
        if basemap is None:
            from geo.basemap import load_basemap  # lazily: it reads a data file

            basemap = load_basemap()
        land = json.dumps(_clean_basemap(basemap), separators=(",", ":"))
        style = json.dumps(_LAND)
        fmap.add_child(
            _Late(script=f'{panes}L.geoJSON({land}, {{ pane: "geo-land", interactive: false, style: {style} }}).addTo({name});\n')
        )

    layer: Any = fmap
    if clustered:
        layer = MarkerCluster(control=False)
        layer.default_js, layer.default_css = [], []
        layer.add_to(fmap)

    # Outlines sit in their own pane under the markers; larger ones are drawn first so a
    # smaller area inside a larger one (a region in its country) stays clickable.
    shapes: dict[str, dict[str, Any]] = {}
    drawn = []
    for m in markers:
        outline = _clean_geometry(outlines.get(m.place.id))
        if outline is not None and next(iter(_points(outline)), None) is not None:
            shapes[m.place.id] = outline
            (south, west), (north, east) = _view_box(outline)
            drawn.append(((north - south) * (east - west), m, outline))
    for _, m, outline in sorted(drawn, key=lambda t: -t[0]):
        color = KIND_COLORS.get(m.place.kind, DEFAULT_COLOR)
        shape = folium.GeoJson(
            {"type": "Feature", "geometry": outline, "properties": {}},
            control=False,
            pane="geo-outlines",
            style={"color": color, "weight": 2, "fillColor": color, "fillOpacity": 0.12, "className": "geo-outline"},
        )
        shape.add_child(_popup(m.popup))
        shape.add_child(folium.Tooltip(m.tooltip))
        shape.add_to(fmap)

    marker_names: list[str] = []
    for m in markers:  # the heaviest first: smaller markers end up on top
        marker = folium.CircleMarker(
            [m.place.lat, m.place.lon],
            radius=m.radius,
            color="#222",
            weight=1.5,
            fill=True,
            fill_color=KIND_COLORS.get(m.place.kind, DEFAULT_COLOR),
            fill_opacity=0.85,
            className="geo-marker",
            popup=_popup(m.popup),
            tooltip=folium.Tooltip(m.tooltip),
        )
        marker.add_to(layer)
        marker_names.append(marker.get_name())

    first = _first_view(markers, shapes)
    outside: list[int] = []
    view = None
    if first is not None:
        box, outside = first
        # Padding keeps places clear of the panel at the top right; the offline basemap has
        # nothing finer than country borders to show past zoom 8.
        view = {"box": box, "max_zoom": _FIT_MAX_ZOOM if tiles == "osm" else _OFFLINE_MAX_ZOOM}

    panel_id = "geo-panel-" + fmap.get_name()
    fmap.add_child(
        _Late(
            html_text=panel_html(panel_id, title, summary, count_title, markers, outside),
            script=panel_script(panel_id, fmap.get_name(), marker_names, layer.get_name() if clustered else None, view),
        )
    )
    return stable_ids(figure, figure.render())


def write_html(
    document: Document | CorpusMap,
    path: str | Path,
    *,
    title: str | None = None,
    tiles: str | None = None,
    basemap: dict | None = None,
) -> Path:
    """Write :func:`to_html` of the document to ``path`` (UTF-8) and return the path."""
    path = Path(path)
    path.write_text(to_html(document, title=title, tiles=tiles, basemap=basemap), encoding="utf-8")
    return path
