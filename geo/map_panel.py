"""The map page's own furniture (part of geo.html_map): the panel that names the map and lists
its places, the places the first view leaves out and the edge markers that point at them, the
page's style, and the script that ties them to the map (a click on a place goes there and opens
its popup).
"""

from __future__ import annotations

import json
from typing import Any

from geo.html_text import escape_html, place_line

__all__ = ["page_css", "panel_html", "panel_script", "KIND_COLORS", "DEFAULT_COLOR", "SEA"]

#: The sea behind the offline basemap.
SEA = "#cfe0ea"
#: Marker colours by kind of place (DEFAULT_COLOR for the others).
KIND_COLORS = {
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
DEFAULT_COLOR = "#c05621"


def page_css(tiles: str) -> str:
    """The page's style: the panel, the popups, the edge markers (and the sea, on the offline basemap).

    >>> "background: #cfe0ea" in page_css("none"), "background: #cfe0ea" in page_css("osm")
    (True, False)
    """
    sea = f".folium-map.leaflet-container {{ background: {SEA}; }}" if tiles == "none" else ""
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


def panel_html(panel_id: str, title: str, summary: str, count_title: str, markers: list, outside: list[int]) -> str:
    """The panel: the title, a summary, the places the first view leaves out (``outside``:
    indices into ``markers``) and the legend, one button per marker (its place and count)."""
    if markers:
        summary = f'<p class="geo-summary">{escape_html(summary)}</p>'
    else:
        summary = '<p class="geo-empty">No places found</p>'
    items = []
    for i, m in enumerate(markers):
        p = m.place
        color = KIND_COLORS.get(p.kind, DEFAULT_COLOR)
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


def panel_script(panel_id: str, map_name: str, marker_names: list[str], cluster_name: str | None,
                 view: dict[str, Any] | None) -> str:
    """The script that fits the first view (``view``), makes the panel a map control and a click on
    a place in it (or on an edge marker) go there and open the place's popup."""
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
