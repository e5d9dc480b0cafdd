"""The HTML map writer, checked on the page it writes (no browser: see test_browser.py)."""

from __future__ import annotations

import html
import re
import sys
import types
from html.parser import HTMLParser

import pytest

from geo.assets import read_asset
from geo.errors import InputError, UnknownNameError
from geo.html_map import CLUSTER_ABOVE, escape_html, to_html, write_html
from tests.hostile import (
    AZERBAIJAN,
    AZERBAIJAN_OUTLINE,
    BAKU,
    HOSTILE_NAMES,
    HOSTILE_TEXTS,
    HOSTILE_TITLE,
    LIMA,
    PARIS,
    TINY_BASEMAP,
    TOKYO,
    grid_places,
    make_document,
)
from geo.records import Document, Place

ASSET_NAMES = ("leaflet.js", "leaflet.css", "jquery.js", "markercluster.js", "markercluster.css")


def page(doc: Document, **options) -> str:
    options.setdefault("basemap", TINY_BASEMAP)
    return to_html(doc, **options)


def without_assets(text: str) -> str:
    """The page minus the upstream library code it inlines (which has its own URLs and quirks)."""
    for name in ASSET_NAMES:
        text = text.replace(read_asset(name), "")
    return text


class Tags(HTMLParser):
    """Collects start tags and their attributes the way a browser's tokenizer sees them."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.title = ""
        self._in_title = False
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def three_cities() -> Document:
    return make_document(
        [
            ["Floods hit ", ("Baku", BAKU), " on Monday."],
            ["Officials in ", ("Paris", PARIS), " and ", ("Baku", BAKU), " met."],
            ["Nothing happened in ", ("Tokyo", TOKYO), "."],
        ],
        doc_id="news-42",
    )


def popups(text: str) -> list[str]:
    """The HTML folium hands to jQuery for each popup."""
    return re.findall(r"\$\(`(.*?)`\)\[0\]", text, flags=re.DOTALL)


# -- offline and self-contained ---------------------------------------------------------


def test_default_page_references_nothing_off_the_page():
    text = page(three_cities())
    refs = [
        (tag, attrs.get(key))
        for tag, attrs in Tags(text).tags
        for key in ("src", "href")
        if attrs.get(key) is not None
    ]
    assert refs == []
    # Outside the inlined library code, no attribute points anywhere.
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", without_assets(text), re.I)
    # Any URL left is one the upstream code carries (licence comments, Leaflet's attribution link).
    urls = set(re.findall(r"https?://[^\s\"'<>)]+", without_assets(text)))
    assert urls == set()


def test_leaflet_and_jquery_are_inlined_as_script_and_style_content():
    text = page(three_cities())
    for name in ("leaflet.js", "jquery.js"):
        assert f"<script>{read_asset(name)}</script>" in text
    assert f"<style>{read_asset('leaflet.css')}</style>" in text
    assert "markerClusterGroup" not in text and read_asset("markercluster.js") not in text
    # folium's CDN defaults are gone: no bootstrap, font-awesome or awesome-markers.
    for cdn in ("bootstrap", "font-awesome", "fontawesome", "awesome-markers", "cdn.jsdelivr", "code.jquery"):
        assert cdn not in without_assets(text).lower()


def test_inlined_scripts_never_contain_a_closing_script_tag():
    for name in ("leaflet.js", "jquery.js", "markercluster.js"):
        code = read_asset(name).lower()
        assert "</script" not in code and "<!--" not in code
    text = page(three_cities())
    starts = [tag for tag, _ in Tags(text).tags if tag == "script"]
    # leaflet, jquery, folium's switches, the map: nothing else became a script.
    assert len(starts) == 4 == text.count("</script>")


def test_basemap_land_is_drawn_without_its_properties():
    basemap = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"name": "<b>{{ 7*7 }}</b>"},
                "geometry": {"type": "Polygon", "coordinates": [[[1, 2], [3, 2], [3, 4], [1, 2]]]},
            },
            {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": ["{{x}}", 1]}},
            {"type": "Feature", "properties": {}, "geometry": None},
        ],
    }
    text = to_html(three_cities(), basemap=basemap)
    assert '"geo-land"' in text
    assert "[[[1.0,2.0],[3.0,2.0],[3.0,4.0],[1.0,2.0]]]" in text
    assert "{{" not in without_assets(text) and "7*7" not in text


def test_default_basemap_is_loaded_lazily_from_geo_basemap(monkeypatch):
    calls = []

    def load_basemap(data_dir=None):
        calls.append(data_dir)
        return TINY_BASEMAP

    monkeypatch.setitem(sys.modules, "geo.basemap", types.SimpleNamespace(load_basemap=load_basemap))
    text = to_html(three_cities())
    assert calls == [None]
    assert "[[[-10.0,35.0],[40.0,30.0]" in text


def test_bad_basemap_is_an_input_error():
    with pytest.raises(InputError, match="got str"):
        to_html(three_cities(), basemap="world.geojson")


def test_osm_tiles_are_the_only_network_reference_and_skip_the_basemap(monkeypatch):
    def fail(data_dir=None):
        raise AssertionError("basemap loaded with web tiles")

    monkeypatch.setitem(sys.modules, "geo.basemap", types.SimpleNamespace(load_basemap=fail))
    text = to_html(three_cities(), tiles="osm")
    assert "tile.openstreetmap.org/{z}/{x}/{y}.png" in text
    assert "openstreetmap.org/copyright" in text
    assert 'pane: "geo-land"' not in text
    assert [a for _, a in Tags(text).tags if a.get("src") or a.get("href")] == []  # tiles load from JS only


def test_tiles_none_string_is_the_offline_default():
    assert "tile.openstreetmap" not in page(three_cities(), tiles="none")


def test_unknown_tiles_name_lists_the_valid_ones():
    with pytest.raises(UnknownNameError) as err:
        page(three_cities(), tiles="bogus")
    assert err.value.valid == ("none", "osm")
    assert "got 'bogus'" in str(err.value) and "none, osm" in str(err.value)
    assert isinstance(err.value, KeyError)


# -- markers, popups, tooltips, legend --------------------------------------------------


def test_one_marker_per_place_with_tooltip():
    text = page(three_cities())
    assert text.count("L.circleMarker(") == 3
    assert text.count('"className": "geo-marker"') == 3
    assert without_assets(text).count(".bindPopup(") == 3
    tooltips = re.findall(r"bindTooltip\(\s*`<div>\s*(.*?)\s*</div>`", text, re.DOTALL)
    assert tooltips == ["<bdi>Baku</bdi> · 2 mentions", "<bdi>Paris</bdi> · 1 mention", "<bdi>Tokyo</bdi> · 1 mention"]


def test_popup_has_facts_and_every_sentence_with_the_mention_marked():
    boxes = popups(page(three_cities()))
    baku = next(p for p in boxes if ">Baku</h3>" in p)
    assert "Floods hit <mark>Baku</mark> on Monday." in baku
    assert "Officials in Paris and <mark>Baku</mark> met." in baku
    assert "Nothing happened" not in baku
    for fact in ("city", "AZ", "40.4093, 49.8671", "587084", "<th>Mentions</th><td dir=\"auto\">2</td>"):
        assert fact in baku
    paris = next(p for p in boxes if ">Paris</h3>" in p)
    assert "Officials in <mark>Paris</mark> and Baku met." in paris


def test_popup_lists_runner_up_candidates_and_the_reason():
    paris_tx = Place("4717560", "Paris", "city", 33.66, -95.55, "US", "Texas")
    paris_on = Place("6942553", "Paris", "city", 43.2, -80.38, "CA", "Ontario")
    paris_ky = Place("4303602", "Paris", "city", 38.2, -84.25, "US", "Kentucky")
    paris_tn = Place("4646571", "Paris", "city", 36.3, -88.3, "US", "Tennessee")
    doc = make_document(
        [["Rain in ", ("Paris", PARIS), "."]],
        runners_up={PARIS.id: [(paris_tx, 0.42), (paris_on, 0.1), (paris_ky, 0.2), (paris_tn, 0.05)]},
        reasons={PARIS.id: "capital <beats> small towns"},
    )
    (box,) = popups(page(doc))
    assert "Other candidates" in box
    assert box.index("0.42") < box.index("0.20") < box.index("0.10")
    assert "0.05" not in box  # top three only
    # Namesakes told apart by their state or province.
    assert "(city, Texas, US)" in box and "(city, Ontario, CA)" in box and "(city, Kentucky, US)" in box
    assert "capital &lt;beats&gt; small towns" in box


def test_overlapping_and_out_of_sentence_mentions_still_render():
    doc = make_document([["Flooding in ", ("Baku", BAKU), "."]])
    from geo.records import Mention, Resolution

    extra = (
        Resolution(Mention(12, 14, "Ba", 0), BAKU, 0.5),  # inside the first mention
        Resolution(Mention(0, 4, "Floo", 7), BAKU, 0.5),  # sentence 7 does not exist
    )
    doc = Document(doc.id, doc.text, doc.sentences, doc.mentions, doc.resolutions + extra)
    (box,) = popups(page(doc))
    assert "Flooding in <mark>Baku</mark>." in box
    assert "<mark>Floo</mark>" in box


def test_legend_orders_places_by_mentions_and_links_them_to_markers():
    text = page(three_cities())
    legend = text[text.index('class="geo-legend"') :]
    assert legend.index(">Baku<") < legend.index(">Paris<") < legend.index(">Tokyo<")
    assert 'data-geo-i="0"' in legend and 'data-geo-i="2"' in legend
    assert "3 places, 4 mentions" in text


def test_outline_is_drawn_with_the_same_popup_as_the_marker():
    doc = make_document([["Elections in ", ("Azerbaijan", AZERBAIJAN), "."]], outlines={AZERBAIJAN.id: AZERBAIJAN_OUTLINE})
    text = page(doc)
    assert text.count("L.geoJson(") == 1
    assert '"className": "geo-outline"' in text
    boxes = popups(text)
    assert len(boxes) == 2
    assert all("Elections in <mark>Azerbaijan</mark>." in b for b in boxes)
    # The view fits the outline, not only the marker.
    (south, west), (north, east) = first_view(text)
    assert south <= 38.4 and west <= 44.8 and north >= 41.9 and east >= 50.4


def first_view(text: str) -> tuple[tuple[float, float], tuple[float, float]]:
    """The ((south, west), (north, east)) box the page fits on load."""
    fit = re.search(r"\.fitBounds\(\s*\[\[(.*?)\],\s*\[(.*?)\]\]", without_assets(text), re.DOTALL)
    (south, west), (north, east) = ([float(v) for v in part.split(",")] for part in fit.groups())
    return (south, west), (north, east)


def inside(box, place: Place) -> bool:
    (south, west), (north, east) = box
    return south <= place.lat <= north and west <= place.lon <= east


def test_outline_cut_at_the_antimeridian_does_not_make_a_world_view():
    russia = Place("2017370", "Russia", "country", 60.0, 100.0, "RU")
    cut = {
        "type": "MultiPolygon",
        "coordinates": [
            [[[-180, 64], [-169, 64], [-169, 69], [-180, 64]]],
            [[[27, 41], [180, 50], [180, 78], [27, 70], [27, 41]]],
        ],
    }
    doc = make_document([[("Russia", russia), " voted."]], outlines={russia.id: cut})
    (south, west), (north, east) = first_view(page(doc))
    assert west <= 27 and east >= 179 and east - west < 200  # the main part, not both sides of the world
    assert south <= 41 and north >= 78


def test_first_view_is_the_shared_frame_leaving_a_far_outlier_outside():
    from geo.framing import frame_places

    armenia = Place("174982", "Armenia", "country", 40.25, 45.0, "AM")
    russia = Place("2017370", "Russia", "country", 60.0, 100.0, "RU")
    sentences = [["Fighting in ", ("Azerbaijan", AZERBAIJAN), " and ", ("Armenia", armenia), "."]] * 6
    sentences += [["Shelling near ", ("Baku", BAKU), "."]] * 4 + [["", ("Russia", russia), " called for calm."]]
    doc = make_document(sentences)
    text = page(doc)
    box = first_view(text)
    frame = frame_places([(mp.place, mp.mention_count) for mp in doc.places])
    assert box == frame.bounds
    assert set(frame.focus) == {AZERBAIJAN.id, armenia.id, BAKU.id}
    assert all(inside(box, p) for p in (AZERBAIJAN, armenia, BAKU)) and not inside(box, russia)
    assert box[1][1] < 60  # the South Caucasus, not Siberia
    # Russia keeps its marker, and the panel says it is outside the first view.
    assert text.count("L.circleMarker(") == 4
    outside = text[text.index('class="geo-outside"'):]
    assert re.findall(r'<button type="button" data-geo-i="(\d+)"><bdi class="geo-name">(.*?)</bdi>', outside) == [
        ("3", "Russia")]


def test_view_fits_places_and_a_single_point_zooms_to_its_surroundings():
    text = page(make_document([["In ", ("Lima", LIMA), " and ", ("Tokyo", TOKYO), "."]]))
    box = first_view(text)
    assert inside(box, LIMA) and inside(box, TOKYO)
    assert 'class="geo-outside"' not in text
    single = page(make_document([["In ", ("Lima", LIMA), "."]]))
    box = first_view(single)
    assert inside(box, LIMA) and box[1][0] - box[0][0] < 2  # the city and its surroundings
    options = re.search(r"\.fitBounds\(\s*\[\[.*?\]\],\s*(\{.*?\})", without_assets(single), re.DOTALL).group(1)
    assert re.search(r'"maxZoom":\s*8', options)  # the offline basemap has nothing finer to show
    osm = page(make_document([["In ", ("Lima", LIMA), "."]]), tiles="osm")
    options = re.search(r"\.fitBounds\(\s*\[\[.*?\]\],\s*(\{.*?\})", without_assets(osm), re.DOTALL).group(1)
    assert re.search(r'"maxZoom":\s*10', options)


def test_empty_outline_is_skipped_but_the_marker_stays():
    nowhere = Place("x1", "Nowhere", "region", 1.0, 2.0)
    doc = make_document([["In ", ("Nowhere", nowhere), "."]], outlines={nowhere.id: {"type": "Polygon", "coordinates": []}})
    text = page(doc)
    assert "L.geoJson(" not in text and text.count("L.circleMarker(") == 1


def test_empty_document_is_a_valid_world_page_saying_no_places_found():
    doc = Document("empty", "Nothing here.", (), (), ())
    text = page(doc)
    assert "No places found" in text
    assert "L.circleMarker(" not in text and "fitBounds([[" not in without_assets(text)
    assert '"zoom": 2' in text and "center: [20.0, 0.0]" in text
    assert text.rstrip().endswith("</html>")
    assert "<title>empty</title>" in text


def test_marker_cluster_only_above_the_threshold():
    def doc_with(n: int) -> Document:
        return make_document([[("here", p), "."] for p in grid_places(n)])

    at = page(doc_with(CLUSTER_ABOVE))
    assert "markerClusterGroup" not in at and at.count("L.circleMarker(") == CLUSTER_ABOVE
    above = page(doc_with(CLUSTER_ABOVE + 1))
    assert above.count("L.markerClusterGroup(") == 1
    assert f"<script>{read_asset('markercluster.js')}</script>" in above
    assert f"<style>{read_asset('markercluster.css')}</style>" in above
    assert re.search(r'"maxZoom":\s*18', above)  # folium issue 1395: clusters need a max zoom
    assert "cdnjs" not in without_assets(above)


# -- hostile text ----------------------------------------------------------------------


def hostile_document() -> Document:
    return make_document([[text, " near ", ("Baku", BAKU), "."] for text in HOSTILE_TEXTS])


def test_hostile_sentences_appear_escaped_only():
    text = page(hostile_document())
    rest = without_assets(text)
    for bad in HOSTILE_TEXTS:
        if escape_html(bad) != bad:  # right-to-left and zero-width text is harmless as it is
            assert bad not in text
        assert escape_html(bad) in text
    (box,) = popups(text)
    # Nothing in the popup can end the template literal, interpolate, escape or reach Jinja.
    assert not set(box) & set("`$\\{}\n")
    assert "${" not in rest and "window.pwned" not in rest.replace(escape_html("window.pwned"), "")
    assert [t for t, _ in Tags(text).tags if t in ("script", "img")] == ["script"] * 4
    # {{ 7*7 }} was not evaluated by folium's second Jinja pass.
    assert "jinja &#123;&#123; 7*7 &#125;&#125; &#123;% if true %&#125;x" in box


def test_escaped_popup_decodes_to_the_original_sentences():
    (box,) = popups(page(hostile_document()))
    plain = html.unescape(re.sub(r"</?mark>", "", box))
    for bad in HOSTILE_TEXTS:
        assert f"{bad} near Baku." in plain


def test_hostile_place_names_reach_tooltip_popup_and_legend_only_escaped():
    places = [Place(f"h{i}", name, "city", 10.0 * i, 20.0 * i, "XX") for i, name in enumerate(HOSTILE_NAMES)]
    doc = make_document([["Trouble in ", (p.name, p), "."] for p in places])
    text = page(doc)
    for name in HOSTILE_NAMES:
        assert name not in text
        escaped = escape_html(name)
        assert text.count(escaped) >= 4  # legend, popup heading, popup sentence, tooltip
    assert [t for t, _ in Tags(text).tags if t in ("script", "img")] == ["script"] * 4


def test_hostile_title_is_escaped_in_title_and_heading():
    text = page(three_cities(), title=HOSTILE_TITLE)
    assert HOSTILE_TITLE not in text
    assert Tags(text).title == html.unescape(escape_html(HOSTILE_TITLE)) == HOSTILE_TITLE
    assert f'<h1 class="geo-title" dir="auto">{escape_html(HOSTILE_TITLE)}</h1>' in text
    assert [t for t, _ in Tags(text).tags if t == "script"] == ["script"] * 4


def test_title_defaults_to_the_document_id():
    text = page(three_cities())
    assert Tags(text).title == "news-42"
    assert ">news-42</h1>" in text


def test_lone_surrogates_and_nul_do_not_break_writing(tmp_path):
    doc = make_document([["bad \ud800 bytes \x00 near ", ("Baku", BAKU), "."]])
    path = write_html(doc, tmp_path / "map.html", basemap=TINY_BASEMAP)
    text = path.read_text(encoding="utf-8")
    assert "bad \ufffd bytes \ufffd near <mark>Baku</mark>." in text


def test_write_html_writes_utf8_and_returns_the_path(tmp_path):
    doc = make_document([["Grève à ", ("Paris", PARIS), " — «non»."]])
    path = write_html(doc, tmp_path / "out.html", title="Grève", basemap=TINY_BASEMAP)
    assert path == tmp_path / "out.html"
    text = path.read_bytes().decode("utf-8")
    assert "Grève à <mark>Paris</mark> — «non»." in text
    assert "<title>Grève</title>" in text
    assert text.index('charset=UTF-8') < text.index("<title>")


# -- byte-stable pages -------------------------------------------------------------------


def element_ids(text: str) -> list[str]:
    return re.findall(r"\b(?:map|circle_marker|popup|html|geo_json|tooltip)_([0-9a-f]{32})\b", text)


def test_the_same_document_gives_the_same_bytes_and_ids_from_its_content():
    doc = make_document(
        [["Floods hit ", ("Baku", BAKU), " and ", ("Azerbaijan", AZERBAIJAN), "."]],
        outlines={AZERBAIJAN.id: AZERBAIJAN_OUTLINE},
    )
    first, second = page(doc), page(doc)
    assert first == second
    ids = element_ids(first)
    assert len(set(ids)) >= 8  # map, two markers, an outline, their popups and tooltips
    digest = {i[:20] for i in ids}
    assert len(digest) == 1  # every id is the page's digest and the element's order
    # Another document's page has other ids, so two maps can share one notebook page.
    other = page(make_document([["Floods hit ", ("Lima", LIMA), "."]]))
    assert not set(element_ids(other)) & set(ids)


def test_stable_ids_leave_text_that_only_looks_like_an_id_alone():
    lookalike = "run_" + "ab" * 16
    text = page(make_document([[f"Log {lookalike} from ", ("Baku", BAKU), "."]]))
    assert f"Log {lookalike} from <mark>Baku</mark>." in text
