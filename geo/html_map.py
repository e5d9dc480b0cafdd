"""A :class:`~geo.records.Document` as one self-contained HTML page with a folium (Leaflet) map.

The page works offline: Leaflet, jQuery and Leaflet.markercluster are inlined from the
installed ``xstatic-*`` packages (see :mod:`geo.assets`) and, by default, the land is
drawn from a GeoJSON basemap of country outlines instead of web tiles. Only
``tiles="osm"`` makes the page load anything from the network.

Every marker has a popup with the place's facts, every sentence that mentions it (the
mentions marked with ``<mark>``) and the runner-up candidates; a panel on the map lists
the places by mentions.

All text from the article, the gazetteer or the caller goes through :func:`escape_html`,
which makes it inert in every context folium puts it: HTML, a JavaScript template
literal, and a Jinja template that folium renders a second time.

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
import html
import json
import math
import re
from pathlib import Path
from typing import Any, Iterable

import folium
from branca.element import Element
from folium.plugins import MarkerCluster
from folium.template import Template

from geo.assets import read_asset
from geo.errors import InputError, UnknownNameError
from geo.records import Document, MappedPlace

__all__ = ["TILES", "CLUSTER_ABOVE", "escape_html", "to_html", "write_html"]

#: Valid ``tiles`` values: ``None``/``"none"`` draws the offline basemap, ``"osm"`` web tiles.
TILES = ("none", "osm")
#: Markers are clustered only when a document has more places than this.
CLUSTER_ABOVE = 100

_MAX_ZOOM = 18  # set on the map itself: MarkerCluster needs it when there is no tile layer
_POINT_ZOOM = 7  # zoom for a map whose places are all at one point
_FIT_MAX_ZOOM = 10
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

# After html.escape, these characters still mean something where folium puts the text:
# ` $ \ inside the JavaScript template literal around popups and tooltips, { } to Jinja
# (folium re-renders MacroElement output as a template), line breaks to folium (it turns
# "\n" into spaces). As numeric character references they are plain text to the HTML
# parser and nothing to JavaScript or Jinja.
_INERT = {ord(c): f"&#{ord(c)};" for c in "`$\\{}\n\r\u2028\u2029"}
_INERT[0] = "\ufffd"  # NUL is dropped or mangled by HTML parsers
_SURROGATE = re.compile("[\ud800-\udfff]")  # lone surrogates cannot be written as UTF-8


def escape_html(value: object) -> str:
    r"""Untrusted text as HTML text or an attribute value, inert inside folium's templates.

    >>> escape_html('<script>alert("x")</script>')
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
    >>> escape_html("${window.pwned=1} `a` \\u0041 {{ 7*7 }}")
    '&#36;&#123;window.pwned=1&#125; &#96;a&#96; &#92;u0041 &#123;&#123; 7*7 &#125;&#125;'
    >>> escape_html("it's\nfine")
    'it&#x27;s&#10;fine'
    """
    text = html.escape(str(value), quote=True).translate(_INERT)
    return _SURROGATE.sub("\ufffd", text)


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
    """The ((south, west), (north, east)) box to fit an outline into view.

    An outline cut at the antimeridian (Russia, the United States, Fiji) spans nearly
    360 degrees of longitude; fitting that would show the whole world, so such an
    outline is fitted by its largest part alone.

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


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _marked_sentence(document: Document, index: int, spans: list[tuple[int, int]]) -> str:
    """The sentence's text, escaped, with the given text spans wrapped in <mark>."""
    sentence = document.sentences[index]
    start, end = sentence.start, sentence.end
    merged: list[list[int]] = []
    for a, b in sorted((max(a, start), min(b, end)) for a, b in spans):  # clamped to the sentence
        if a >= b:
            continue
        if merged and a <= merged[-1][1]:  # overlapping or touching mentions share one mark
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    out, pos = [], start
    for a, b in merged:
        out.append(escape_html(document.text[pos:a]))
        out.append("<mark>" + escape_html(document.text[a:b]) + "</mark>")
        pos = b
    out.append(escape_html(document.text[pos:end]))
    return "".join(out)


def _place_line(name: str, kind: str, country: str, admin1: str = "") -> str:
    # The state or province tells namesakes apart ("Henry County (adm2, Georgia, US)").
    extra = ", ".join(escape_html(v) for v in (kind, admin1 if admin1 != name else "", country) if v)
    return f'<bdi class="geo-name">{escape_html(name)}</bdi>' + (f' <span class="geo-meta">({extra})</span>' if extra else "")


def _popup_html(document: Document, mp: MappedPlace) -> str:
    place = mp.place
    facts = [
        ("Kind", place.kind),
        ("Country", place.country_code),
        ("Admin1", place.admin1),
        ("Coordinates", f"{place.lat:.4f}, {place.lon:.4f}"),
        ("Gazetteer id", place.id),
        ("Mentions", str(mp.mention_count)),
    ]
    rows = "".join(f"<tr><th>{k}</th><td dir=\"auto\">{escape_html(v)}</td></tr>" for k, v in facts if v)
    parts = [f'<div class="geo-popup"><h3 class="geo-popup-name" dir="auto">{escape_html(place.name)}</h3>']
    parts.append(f'<table class="geo-facts">{rows}</table>')

    spans: dict[int, list[tuple[int, int]]] = {}
    for r in mp.resolutions:
        spans.setdefault(r.mention.sentence_index, []).append((r.mention.start, r.mention.end))
    sentences = []
    for index in sorted(spans):
        if 0 <= index < len(document.sentences):
            body = _marked_sentence(document, index, spans[index])
        else:  # a mention without a sentence: show what the text said
            body = "".join("<mark>" + escape_html(document.text[a:b]) + "</mark>" for a, b in spans[index])
        sentences.append(f'<li><div class="geo-sentence" dir="auto">{body}</div></li>')
    parts.append(f'<h4>{_plural(len(sentences), "sentence")}</h4><ol class="geo-sentences">{"".join(sentences)}</ol>')

    best: dict[str, Any] = {}
    for r in mp.resolutions:
        for c in r.candidates:
            if c.place.id != place.id and (c.place.id not in best or c.score > best[c.place.id].score):
                best[c.place.id] = c
    others = sorted(best.values(), key=lambda c: -c.score)[:3]
    if others:
        items = "".join(
            f'<li>{_place_line(c.place.name, c.place.kind, c.place.country_code, c.place.admin1)} '
            f'<span class="geo-score">{c.score:.2f}</span></li>'
            for c in others
        )
        parts.append(f'<h4>Other candidates</h4><ul class="geo-candidates">{items}</ul>')
    reasons = list(dict.fromkeys(r.reason for r in mp.resolutions if r.reason))
    if reasons:
        parts.append("".join(f'<p class="geo-reason" dir="auto">{escape_html(x)}</p>' for x in reasons))
    parts.append("</div>")
    return "".join(parts)


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
"""


def _panel(panel_id: str, title: str, places: list[MappedPlace], indices: list[int | None]) -> str:
    if places:
        mentions = sum(mp.mention_count for mp in places)
        summary = f'<p class="geo-summary">{_plural(len(places), "place")}, {_plural(mentions, "mention")}</p>'
    else:
        summary = '<p class="geo-empty">No places found</p>'
    items = []
    for mp, i in zip(places, indices):
        p = mp.place
        color = _KIND_COLORS.get(p.kind, _DEFAULT_COLOR)
        attr = f' data-geo-i="{i}"' if i is not None else ""
        items.append(
            f'<li><button type="button"{attr}><span class="geo-dot" style="background:{color}"></span>'
            f"<span>{_place_line(p.name, p.kind, p.country_code)}</span>"
            f'<span class="geo-count" title="mentions">{mp.mention_count}</span></button></li>'
        )
    legend = f'<ol class="geo-legend">{"".join(items)}</ol>' if items else ""
    return (
        f'<div id="{panel_id}" class="geo-panel leaflet-control">'
        f'<h1 class="geo-title" dir="auto">{escape_html(title)}</h1>{summary}{legend}</div>'
    )


def _panel_script(panel_id: str, map_name: str, marker_names: list[str], cluster_name: str | None) -> str:
    # Moves the panel into a Leaflet control; a click on a place shows it and opens its popup.
    return f"""
(function () {{
  var map = {map_name}, cluster = {cluster_name or "null"};
  var markers = [{", ".join(marker_names)}];
  var panel = document.getElementById({json.dumps(panel_id)});
  var Panel = L.Control.extend({{ options: {{ position: "topright" }}, onAdd: function () {{ return panel; }} }});
  new Panel().addTo(map);
  L.DomEvent.disableClickPropagation(panel);
  L.DomEvent.disableScrollPropagation(panel);
  panel.addEventListener("click", function (event) {{
    var item = event.target.closest("[data-geo-i]");
    if (!item) return;
    var marker = markers[Number(item.getAttribute("data-geo-i"))];
    reveal(marker, 30);
  }});
  // MarkerCluster's zoomToShowLayer waits for an icon that circle markers do not have,
  // so zoom into the cluster that hides the marker until the marker itself is shown.
  function reveal(marker, tries) {{
    var parent = cluster ? cluster.getVisibleParent(marker) : null;
    if (!parent || parent === marker || tries <= 0) {{
      map.panTo(marker.getLatLng());
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


def to_html(
    document: Document,
    *,
    title: str | None = None,
    tiles: str | None = None,
    basemap: dict | None = None,
) -> str:
    """The document as a complete HTML page with an interactive map.

    ``title`` (default: the document id) heads the page and the map. ``tiles=None`` or
    ``"none"`` draws land from ``basemap``, a GeoJSON FeatureCollection of outlines
    (default: :func:`geo.basemap.load_basemap`); ``tiles="osm"`` uses OpenStreetMap web
    tiles instead, the only case where the page uses the network.
    """
    tiles = _check_tiles(tiles)
    title = document.id if title is None else str(title)
    title = title if title.strip() else "Map"
    places = [mp for mp in document.places if math.isfinite(mp.place.lat) and math.isfinite(mp.place.lon)]
    clustered = len(places) > CLUSTER_ABOVE

    fmap = folium.Map(location=_WORLD[0], zoom_start=_WORLD[1], tiles=None, maxZoom=_MAX_ZOOM, minZoom=1)
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

    lats: list[float] = []
    lons: list[float] = []
    popups = {mp.place.id: _popup_html(document, mp) for mp in places}
    tooltips = {
        mp.place.id: f'<bdi>{escape_html(mp.place.name)}</bdi> · {_plural(mp.mention_count, "mention")}' for mp in places
    }

    # Outlines sit in their own pane under the markers; larger ones are drawn first so a
    # smaller area inside a larger one (a region in its country) stays clickable.
    outlines = []
    for mp in places:
        outline = _clean_geometry(document.outlines.get(mp.place.id))
        if outline is not None and next(iter(_points(outline)), None) is not None:
            (south, west), (north, east) = _view_box(outline)
            lats += [south, north]
            lons += [west, east]
            outlines.append(((north - south) * (east - west), mp, outline))
    for _, mp, outline in sorted(outlines, key=lambda t: -t[0]):
        color = _KIND_COLORS.get(mp.place.kind, _DEFAULT_COLOR)
        shape = folium.GeoJson(
            {"type": "Feature", "geometry": outline, "properties": {}},
            control=False,
            pane="geo-outlines",
            style={"color": color, "weight": 2, "fillColor": color, "fillOpacity": 0.12, "className": "geo-outline"},
        )
        shape.add_child(_popup(popups[mp.place.id]))
        shape.add_child(folium.Tooltip(tooltips[mp.place.id]))
        shape.add_to(fmap)

    marker_names: list[str] = []
    for mp in places:  # most mentioned first: smaller markers end up on top
        p = mp.place
        marker = folium.CircleMarker(
            [p.lat, p.lon],
            radius=5 + 2 * min(math.sqrt(mp.mention_count), 5),
            color="#222",
            weight=1.5,
            fill=True,
            fill_color=_KIND_COLORS.get(p.kind, _DEFAULT_COLOR),
            fill_opacity=0.85,
            className="geo-marker",
            popup=_popup(popups[p.id]),
            tooltip=folium.Tooltip(tooltips[p.id]),
        )
        marker.add_to(layer)
        marker_names.append(marker.get_name())
        lats.append(p.lat)
        lons.append(p.lon)

    if lats:
        south, north, west, east = min(lats), max(lats), min(lons), max(lons)
        single = south == north and west == east
        fmap.fit_bounds(
            [[south, west], [north, east]],
            padding_top_left=(30, 30),
            padding_bottom_right=(330, 30),  # keep places clear of the panel at the top right
            max_zoom=_POINT_ZOOM if single else _FIT_MAX_ZOOM,
        )

    panel_id = "geo-panel-" + fmap.get_name()
    fmap.add_child(
        _Late(
            html_text=_panel(panel_id, title, places, list(range(len(places)))),
            script=_panel_script(panel_id, fmap.get_name(), marker_names, layer.get_name() if clustered else None),
        )
    )
    return stable_ids(figure, figure.render())


def write_html(
    document: Document,
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
