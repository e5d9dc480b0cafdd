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
from geo.html_text import corpus_popup_html, document_popup_html, escape_html, place_line, plural
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
_SEA = "#cfe0ea"
_LAND = {"color": "#a89f91", "weight": 0.6, "fillColor": "#f3efe6", "fillOpacity": 1.0}
_KIND_COLORS = {
    "continent": "#1f4e79",
    "macroregion": "#1f4e79",
    "country": "#2b6cb0",
    "adm1": "#3182ce",
    "adm2": "#4299e1",
    "region": "#6b46c1",
    "physical": "#2f855a",
    "city": "#c53030",
    "airport": "#4a5568",
}
_DEFAULT_COLOR = "#c05621"

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


def _css(tiles: str) -> str:
    sea = f".folium-map.leaflet-container {{ background: {_SEA}; }}" if tiles == "none" else ""
    return f"""{sea}
.geo-panel {{ background: rgba(255,255,255,.94); padding: 8px 10px; border-radius: 6px;
  box-shadow: 0 1px 5px rgba(0,0,0,.35); max-width: 300px; max-height: 70vh; overflow: auto;
  font: 13px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }}
.geo-title {{ font-size: 16px; margin: 0 0 2px; overflow-wrap: anywhere; }}
.geo-summary, .geo-empty {{ margin: 0 0 6px; color: #555; }}
.geo-empty {{ font-weight: 600; color: #9b2c2c; }}
.geo-legend {{ list-style: none; margin: 0; padding: 0; }}
.geo-legend button {{ all: unset; cursor: pointer; display: flex; gap: 6px; align-items: baseline;
  width: 100%; padding: 2px 0; overflow-wrap: anywhere; }}
.geo-legend button:hover, .geo-legend button:focus {{ background: #eef3f8; }}
.geo-dot {{ flex: none; width: 9px; height: 9px; border-radius: 50%; border: 1px solid #333; }}
.geo-count {{ margin-left: auto; font-variant-numeric: tabular-nums; color: #333; padding-left: 6px; }}
.geo-meta {{ color: #666; }}
.geo-popup {{ max-height: 55vh; overflow: auto; min-width: 260px; font-size: 13px; }}
.geo-popup h3 {{ margin: 0 0 4px; font-size: 15px; overflow-wrap: anywhere; }}
.geo-popup h4 {{ margin: 8px 0 2px; font-size: 12px; text-transform: uppercase; color: #555; }}
.geo-facts th {{ text-align: left; font-weight: 600; padding-right: 8px; vertical-align: top; }}
.geo-facts td {{ overflow-wrap: anywhere; }}
.geo-sentences, .geo-candidates {{ margin: 0; padding-left: 18px; }}
.geo-sentence {{ white-space: pre-wrap; overflow-wrap: anywhere; max-height: 12em; overflow: auto; }}
.geo-sentence mark {{ background: #ffe066; padding: 0 1px; }}
.geo-reason {{ margin: 4px 0 0; color: #555; font-style: italic; }}
.geo-documents {{ margin: 0; padding-left: 18px; }}
.geo-doc {{ margin: 4px 0; }}
.geo-doc .geo-sentences {{ list-style: none; padding-left: 8px; border-left: 2px solid #e2e8f0; }}
.geo-doc-head {{ font-weight: 600; overflow-wrap: anywhere; }}
.geo-doc-id {{ font-weight: normal; }}
.geo-more {{ list-style: none; color: #555; font-style: italic; }}
.geo-outside {{ margin: 0 0 6px; border-bottom: 1px solid #ddd; padding-bottom: 4px; color: #555; }}
.geo-outside p {{ margin: 0; }}
.geo-outside ul {{ list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 2px 10px; }}
.geo-outside button {{ all: unset; cursor: pointer; color: #1f4e79; text-decoration: underline; }}
.geo-edge {{ position: absolute; z-index: 650; display: flex; gap: 4px; align-items: center; cursor: pointer;
  background: rgba(255,255,255,.92); border: 1px solid #888; border-radius: 10px; padding: 1px 8px 1px 4px;
  font: 12px/1.3 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1f4e79;
  box-shadow: 0 1px 3px rgba(0,0,0,.3); max-width: 180px; white-space: nowrap; overflow: hidden; }}
.geo-edge:hover, .geo-edge:focus {{ background: #eef3f8; }}
.geo-edge-arrow {{ display: inline-flex; }}
"""


@dataclass(frozen=True, slots=True)
class _Marker:
    """What the page draws for one place: its weight in the framing, the number the legend shows."""

    place: Place
    weight: float
    count: int
    popup: str
    tooltip: str
    radius: float


def _panel(panel_id: str, title: str, summary: str, count_title: str, markers: list[_Marker], outside: list[int]) -> str:
    if markers:
        summary = f'<p class="geo-summary">{escape_html(summary)}</p>'
    else:
        summary = '<p class="geo-empty">No places found</p>'
    items = []
    for i, m in enumerate(markers):
        p = m.place
        color = _KIND_COLORS.get(p.kind, _DEFAULT_COLOR)
        items.append(
            f'<li><button type="button" data-geo-i="{i}"><span class="geo-dot" style="background:{color}"></span>'
            f"<span>{place_line(p.name, p.kind, p.country_code)}</span>"
            f'<span class="geo-count" title="{count_title}">{m.count}</span></button></li>'
        )
    legend = f'<ol class="geo-legend">{"".join(items)}</ol>' if items else ""
    away = ""
    if outside:  # the first view leaves these out: say so, and let a click go there
        names = "".join(f'<li><button type="button" data-geo-i="{i}">{place_line(markers[i].place.name, "", "")}</button></li>'
                        for i in outside)
        away = f'<div class="geo-outside"><p>Outside the first view (click to go there):</p><ul>{names}</ul></div>'
    return (
        f'<div id="{panel_id}" class="geo-panel leaflet-control">'
        f'<h1 class="geo-title" dir="auto">{escape_html(title)}</h1>{summary}{away}{legend}</div>'
    )


def _panel_script(panel_id: str, map_name: str, marker_names: list[str], cluster_name: str | None,
                  view: dict[str, Any] | None) -> str:
    # Moves the panel into a Leaflet control; a click on a place shows it and opens its popup.
    # The first view is fitted here, without animation: a zoom animation started while the
    # page loads can leave Chromium painting only part of the map.
    fit = ""
    if view is not None:
        options = {"paddingTopLeft": [30, 30], "paddingBottomRight": [330, 30], "maxZoom": view["max_zoom"],
                   "animate": False}
        fit = f"map.fitBounds({json.dumps(view['box'])}, {json.dumps(options)});"
    return f"""
(function () {{
  var map = {map_name}, cluster = {cluster_name or "null"};
  var markers = [{", ".join(marker_names)}];
  var panel = document.getElementById({json.dumps(panel_id)});
  var Panel = L.Control.extend({{ options: {{ position: "topright" }}, onAdd: function () {{ return panel; }} }});
  new Panel().addTo(map);
  L.DomEvent.disableClickPropagation(panel);
  L.DomEvent.disableScrollPropagation(panel);
  {fit}
  // The first view is wider than the frame where the window's shape asks for it: a place
  // the frame left out may be in sight after all, and is then not listed as outside.
  var outside = panel.querySelector(".geo-outside");
  var edges = [];
  if (outside) {{
    outside.querySelectorAll("[data-geo-i]").forEach(function (item) {{
      var i = Number(item.getAttribute("data-geo-i"));
      edges.push(edgeMarker(i, item.querySelector("bdi").cloneNode(true)));
      if (map.getBounds().contains(markers[i].getLatLng())) item.parentNode.remove();
    }});
    if (!outside.querySelector("[data-geo-i]")) outside.remove();
  }}
  // Edge markers: at the border of the view, an arrow and the name of each place left out,
  // pointing to where it lies (clear of the panel); a click goes there.
  function edgeMarker(i, name) {{
    var edge = L.DomUtil.create("button", "geo-edge", map.getContainer());
    edge.type = "button";
    edge.setAttribute("data-geo-i", String(i));
    var arrow = L.DomUtil.create("span", "geo-edge-arrow", edge);
    arrow.innerHTML = '<svg width="10" height="10" viewBox="0 0 10 10"><path d="M1 5 H8.5 M5 1.5 L8.5 5 L5 8.5" fill="none" stroke="#c05621" stroke-width="1.8"/></svg>';
    edge.appendChild(name);
    L.DomEvent.disableClickPropagation(edge);
    L.DomEvent.on(edge, "click", function () {{ reveal(markers[i], 30); }});
    return {{ i: i, el: edge, arrow: arrow }};
  }}
  function placeEdges() {{
    var size = map.getSize(), bounds = map.getBounds(), box = map.getContainer().getBoundingClientRect();
    var cx = size.x / 2, cy = size.y / 2, inset = 12;
    var p = panel.getBoundingClientRect();
    var pl = p.left - box.left, pb = p.bottom - box.top;
    edges.forEach(function (edge) {{
      var ll = markers[edge.i].getLatLng();
      if (bounds.contains(ll)) {{ edge.el.style.display = "none"; return; }}
      edge.el.style.display = "";
      var at = map.latLngToContainerPoint(ll), dx = at.x - cx, dy = at.y - cy;
      var s = Math.min((cx - inset) / Math.max(Math.abs(dx), 1e-9), (cy - inset) / Math.max(Math.abs(dy), 1e-9));
      var x = cx + dx * s, y = cy + dy * s;
      var w = edge.el.offsetWidth, h = edge.el.offsetHeight;
      var left = Math.min(Math.max(x - w / 2, inset), size.x - w - inset);
      var top = Math.min(Math.max(y - h / 2, inset), size.y - h - inset);
      if (left + w > pl && top < pb) {{  // under the panel: below it on the right, left of it at the top
        if (x >= size.x - inset - 1) top = pb + inset; else left = pl - w - inset;
      }}
      if (left < 52 && top < 80) {{  // under the zoom buttons: beside them at the top, below them on the left
        if (y <= inset + 1) left = 52; else top = 80;
      }}
      edge.el.style.left = left + "px";
      edge.el.style.top = top + "px";
      edge.arrow.style.transform = "rotate(" + Math.atan2(dy, dx) * 180 / Math.PI + "deg)";
    }});
  }}
  if (edges.length) {{
    map.on("move zoom resize", placeEdges);
    placeEdges();
  }}
  panel.addEventListener("click", function (event) {{
    var item = event.target.closest("[data-geo-i]");
    if (!item) return;
    var marker = markers[Number(item.getAttribute("data-geo-i"))];
    reveal(marker, 30);
  }});
  // The room a marker's popup takes above and beside it: measured open, without panning to it.
  function popupRoom(marker) {{
    var popup = marker.getPopup();
    if (!popup) return {{ x: 0, y: 0 }};
    var autoPan = popup.options.autoPan;
    popup.options.autoPan = false;
    marker.openPopup();
    var box = popup.getElement();
    // (its tip and the marker below it: about 40 px more than the box)
    var room = box ? {{ x: box.offsetWidth / 2 + 10, y: box.offsetHeight + 40 }} : {{ x: 0, y: 0 }};
    marker.closePopup();
    popup.options.autoPan = autoPan;
    return room;
  }}
  // MarkerCluster's zoomToShowLayer waits for an icon that circle markers do not have,
  // so zoom into the cluster that hides the marker until the marker itself is shown.
  function reveal(marker, tries) {{
    var parent = cluster ? cluster.getVisibleParent(marker) : null;
    if (!parent || parent === marker || tries <= 0) {{
      if (map.getBounds().contains(marker.getLatLng())) {{
        map.panTo(marker.getLatLng());
      }} else {{  // far away: zoom out to show it beside what was in view, with room for its popup
        // and clear of the panel (else the popup's pan into view pushes what was in view out of it)
        var room = popupRoom(marker);
        map.fitBounds(map.getBounds().extend(marker.getLatLng()), {{
          animate: false, paddingTopLeft: [room.x, room.y], paddingBottomRight: [room.x + panel.offsetWidth, 0] }});
      }}
      marker.openPopup();
    }} else if (map.getZoom() >= map.getMaxZoom()) {{
      cluster.once("spiderfied", function () {{ marker.openPopup(); }});
      parent.spiderfy();
    }} else {{
      cluster.once("animationend", function () {{ reveal(marker, tries - 1); }});
      parent.zoomToBounds();
    }}
  }}
}})();
"""


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
    figure.header.add_child(_Raw(f"<style>{_css(tiles)}</style>"), name="geo-css")

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
        color = _KIND_COLORS.get(m.place.kind, _DEFAULT_COLOR)
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
            fill_color=_KIND_COLORS.get(m.place.kind, _DEFAULT_COLOR),
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
            html_text=_panel(panel_id, title, summary, count_title, markers, outside),
            script=_panel_script(panel_id, fmap.get_name(), marker_names, layer.get_name() if clustered else None, view),
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
