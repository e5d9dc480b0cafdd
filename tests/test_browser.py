"""The HTML map in a real browser: Debian's Chromium driven by Playwright, fully offline.

Every request the page makes is intercepted: file:// loads go through, anything else
is counted and aborted. Markers are clicked and hovered, popups read back as text.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from geo.html_map import CLUSTER_ABOVE, write_html
from geo.records import Document, Place
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

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs Chromium at /usr/bin/chromium (apt-get install -y chromium)"
)

#: Real cities to put hostile sentences next to, one place per sentence.
CITIES = [
    Place(str(9000 + i), name, "city", lat, lon, cc)
    for i, (name, lat, lon, cc) in enumerate(
        [
            ("Baku", 40.41, 49.87, "AZ"),
            ("Paris", 48.85, 2.35, "FR"),
            ("Tokyo", 35.69, 139.69, "JP"),
            ("Lima", -12.04, -77.03, "PE"),
            ("Cairo", 30.04, 31.24, "EG"),
            ("Nairobi", -1.29, 36.82, "KE"),
            ("Sydney", -33.87, 151.21, "AU"),
            ("Moscow", 55.75, 37.62, "RU"),
            ("Delhi", 28.65, 77.23, "IN"),
            ("Quito", -0.23, -78.52, "EC"),
            ("Oslo", 59.91, 10.75, "NO"),
            ("Dakar", 14.69, -17.44, "SN"),
            ("Lagos", 6.45, 3.39, "NG"),
            ("Toronto", 43.7, -79.42, "CA"),
            ("Santiago", -33.46, -70.65, "CL"),
            ("Jakarta", -6.21, 106.85, "ID"),
        ]
    )
]

#: A one-megabyte line with the usual tricks sprinkled in.
MEGABYTE_LINE = ("plain words ${window.pwned=1} `tick` \\ </script> <b>x</b> " * 20_000)[:1_000_000]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@dataclass
class Loaded:
    page: Any
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def network(self) -> list[str]:
        return [u for u in self.requests if u.startswith(("http:", "https:"))]

    def markers(self):
        return self.page.locator("path.geo-marker")

    def open_popup(self, target) -> Any:
        """Click a marker (or outline) and return the one open popup's content."""
        target.dispatch_event("click")
        self.page.wait_for_function("document.querySelectorAll('.leaflet-popup').length === 1")
        return self.page.locator(".leaflet-popup .leaflet-popup-content")

    def pwned(self) -> Any:
        return self.page.evaluate("typeof window.pwned === 'undefined' ? null : window.pwned")

    def map_zoom(self) -> int:
        return self.page.evaluate("window[document.querySelector('.folium-map').id].getZoom()")


@pytest.fixture
def open_map(browser, tmp_path):
    contexts = []

    def open_(doc: Document, name: str = "map.html", **options) -> Loaded:
        options.setdefault("basemap", TINY_BASEMAP)
        path = write_html(doc, tmp_path / name, **options)
        context = browser.new_context(viewport={"width": 1200, "height": 750})
        contexts.append(context)
        page = context.new_page()
        loaded = Loaded(page)

        def route(r):
            loaded.requests.append(r.request.url)
            if r.request.url.startswith("file:"):
                r.continue_()
            else:
                r.abort()

        page.route("**/*", route)
        page.on("pageerror", lambda e: loaded.errors.append(str(e)))
        page.goto(path.as_uri(), wait_until="load")
        return loaded

    yield open_
    for context in contexts:
        context.close()


def three_cities() -> Document:
    return make_document(
        [
            ["Floods hit ", ("Baku", BAKU), " and ", ("Azerbaijan", AZERBAIJAN), " on Monday."],
            ["Officials in ", ("Paris", PARIS), " and ", ("Baku", BAKU), " met."],
            ["Nothing happened in ", ("Tokyo", TOKYO), " or ", ("Lima", LIMA), "."],
        ],
        doc_id="news-42",
        outlines={AZERBAIJAN.id: AZERBAIJAN_OUTLINE},
    )


def real_basemap() -> dict:
    """The project's basemap when geo.basemap exists, else the tiny fixture."""
    if importlib.util.find_spec("geo.basemap") is None:
        return TINY_BASEMAP
    from geo.basemap import load_basemap

    return load_basemap()


# -- an ordinary map ---------------------------------------------------------------------


def test_map_renders_offline_with_land_markers_outline_and_panel(open_map, tmp_path):
    loaded = open_map(three_cities(), basemap=real_basemap())
    page = loaded.page
    assert loaded.network == []
    assert loaded.requests == [(tmp_path / "map.html").as_uri()]
    assert loaded.errors == []
    assert loaded.markers().count() == 5
    assert page.locator("path.geo-outline").count() == 1
    assert page.locator(".leaflet-geo-land-pane path").count() >= 2
    assert page.locator(".geo-panel .geo-title").inner_text() == "news-42"
    names = page.locator(".geo-legend .geo-name").all_inner_texts()
    assert names == ["Baku", "Azerbaijan", "Paris", "Tokyo", "Lima"]
    assert page.title() == "news-42"
    # Every marker is inside the visible map.
    for box in (loaded.markers().nth(i).bounding_box() for i in range(5)):
        assert 0 <= box["x"] <= 1200 and 0 <= box["y"] <= 750
    shot = tmp_path / "map.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000


def test_popup_shows_facts_and_sentences_with_the_mention_marked(open_map):
    loaded = open_map(three_cities())
    popup = loaded.open_popup(loaded.markers().first)  # Baku: most mentions
    assert popup.locator("h3").inner_text() == "Baku"
    assert popup.locator(".geo-sentence").all_inner_texts() == [
        "Floods hit Baku and Azerbaijan on Monday.",
        "Officials in Paris and Baku met.",
    ]
    assert popup.locator("mark").all_inner_texts() == ["Baku", "Baku"]
    assert "587084" in popup.inner_text() and "40.4093, 49.8671" in popup.inner_text()


def test_outline_click_opens_the_same_popup(open_map):
    loaded = open_map(three_cities())
    popup = loaded.open_popup(loaded.page.locator("path.geo-outline"))
    assert popup.locator("h3").inner_text() == "Azerbaijan"
    assert popup.locator("mark").all_inner_texts() == ["Azerbaijan"]


def test_markers_inside_an_outline_stay_clickable(open_map):
    doc = make_document(
        [["Elections in ", ("Azerbaijan", AZERBAIJAN), " and ", ("Baku", BAKU), "."], [("Baku", BAKU), " voted."]],
        outlines={AZERBAIJAN.id: AZERBAIJAN_OUTLINE},
    )
    loaded = open_map(doc)  # Baku (2 mentions) comes before Azerbaijan, whose outline covers it
    page = loaded.page

    def click_at(x: float, y: float) -> str:
        page.mouse.click(x, y)
        page.wait_for_function("document.querySelectorAll('.leaflet-popup').length === 1")
        text = page.locator(".leaflet-popup h3").inner_text()
        page.locator(".leaflet-popup-close-button").click()
        page.wait_for_function("document.querySelectorAll('.leaflet-popup').length === 0")
        return text

    baku = page.locator("path.geo-marker").first.bounding_box()
    assert click_at(baku["x"] + baku["width"] / 2, baku["y"] + baku["height"] / 2) == "Baku"
    area = page.locator("path.geo-outline").bounding_box()
    # A corner of the outline's part in view (the first view may crop the outline), clear of the zoom buttons.
    assert click_at(max(area["x"], 60) + 15, min(area["y"] + area["height"], 750) - 15) == "Azerbaijan"


def test_tooltip_names_the_place_and_its_mentions(open_map):
    loaded = open_map(three_cities())
    loaded.markers().first.dispatch_event("mouseover")
    assert loaded.page.locator(".leaflet-tooltip").inner_text() == "Baku · 2 mentions"


def test_legend_click_opens_the_place_popup(open_map):
    loaded = open_map(three_cities())
    loaded.page.locator(".geo-legend button", has_text="Tokyo").click()
    loaded.page.wait_for_function("document.querySelectorAll('.leaflet-popup').length === 1")
    assert loaded.page.locator(".leaflet-popup h3").inner_text() == "Tokyo"


def test_single_place_zooms_in_as_far_as_the_offline_basemap_shows(open_map):
    loaded = open_map(make_document([["Rain in ", ("Lima", LIMA), "."]]))
    assert loaded.map_zoom() == 8
    assert loaded.markers().count() == 1


def test_empty_document_shows_the_world_and_says_no_places_found(open_map):
    loaded = open_map(Document("empty", "Nothing here.", (), (), ()))
    assert loaded.page.locator(".geo-empty").inner_text() == "No places found"
    assert loaded.page.locator(".geo-empty").is_visible()
    assert loaded.markers().count() == 0
    assert loaded.map_zoom() == 2
    assert loaded.errors == [] and loaded.network == []


def test_clustered_map_works_without_tiles(open_map):
    n = CLUSTER_ABOVE + 50
    loaded = open_map(make_document([["Rain in ", (p.name, p), "."] for p in grid_places(n)]))
    page = loaded.page
    assert loaded.errors == [] and loaded.network == []
    assert page.locator(".marker-cluster").count() > 0
    assert page.locator(".geo-legend button").count() == n
    # The panel still reaches a clustered marker.
    page.locator('.geo-legend button[data-geo-i="7"]').click()
    page.wait_for_function("document.querySelectorAll('.leaflet-popup').length === 1", timeout=10_000)
    assert page.locator(".leaflet-popup h3").inner_text() == "Town 7"


def test_osm_tiles_are_requested_only_when_asked_for(open_map):
    loaded = open_map(three_cities(), tiles="osm")
    assert loaded.network and all("tile.openstreetmap.org" in u for u in loaded.network)
    assert loaded.markers().count() == 5


# -- hostile text ------------------------------------------------------------------------


def hostile_sentences() -> list[str]:
    return list(HOSTILE_TEXTS) + [MEGABYTE_LINE]


def test_hostile_sentences_show_literally_and_run_nothing(open_map):
    texts = hostile_sentences()
    doc = make_document([[text, " next to ", (city.name, city), "."] for text, city in zip(texts, CITIES)])
    loaded = open_map(doc, name="hostile.html")
    assert loaded.errors == []
    assert loaded.network == []
    assert loaded.markers().count() == len(texts)
    for i, (text, city) in enumerate(zip(texts, CITIES)):
        popup = loaded.open_popup(loaded.markers().nth(i))
        assert popup.locator("h3").inner_text() == city.name
        (sentence,) = popup.locator(".geo-sentence").all_inner_texts()
        assert sentence == f"{text} next to {city.name}.", f"sentence {i} differs"
        assert popup.locator("mark").all_inner_texts() == [city.name]
        loaded.markers().nth(i).dispatch_event("mouseover")
    assert loaded.page.locator(".geo-popup img, .geo-popup script").count() == 0
    assert loaded.pwned() is None
    assert loaded.errors == []


def test_hostile_place_names_show_literally_everywhere(open_map):
    places = [Place(f"h{i}", name, "city", -40 + 15 * i, -120 + 50 * i, "XX") for i, name in enumerate(HOSTILE_NAMES)]
    doc = make_document([["Trouble in ", (p.name, p), " today."] for p in places])
    loaded = open_map(doc, name="names.html")
    page = loaded.page
    assert loaded.errors == [] and loaded.network == []
    assert loaded.markers().count() == len(places)
    assert page.locator(".geo-legend .geo-name").all_inner_texts() == list(HOSTILE_NAMES)
    for i, p in enumerate(places):
        popup = loaded.open_popup(loaded.markers().nth(i))
        assert popup.locator("h3").inner_text() == p.name
        assert popup.locator(".geo-sentence").inner_text() == f"Trouble in {p.name} today."
        loaded.markers().nth(i).dispatch_event("mouseover")
        tooltip = page.locator(".leaflet-tooltip").last
        assert tooltip.inner_text() == f"{p.name} · 1 mention"
        loaded.markers().nth(i).dispatch_event("mouseout")
    assert loaded.pwned() is None
    assert loaded.errors == []


def test_hostile_title_shows_literally(open_map):
    loaded = open_map(three_cities(), title=HOSTILE_TITLE, name="title.html")
    assert loaded.page.title() == HOSTILE_TITLE
    assert loaded.page.locator(".geo-title").inner_text() == HOSTILE_TITLE
    assert loaded.markers().count() == 5
    assert loaded.pwned() is None
    assert loaded.errors == [] and loaded.network == []


# -- the first view follows the framing ------------------------------------------------------


def view_state(loaded: Loaded) -> dict:
    """The map's bounds on load and the panel's box, in the page's coordinates."""
    return loaded.page.evaluate(
        """() => {
        const map = window[document.querySelector('.folium-map').id];
        const b = map.getBounds(), panel = document.querySelector('.geo-panel').getBoundingClientRect();
        return {south: b.getSouth(), west: b.getWest(), north: b.getNorth(), east: b.getEast(),
                panel: {left: panel.left, bottom: panel.bottom}};
    }"""
    )


def settled_view_state(loaded: Loaded) -> dict:
    """view_state once the map has stopped moving: an opened popup pans the map into view
    (animated), and a loaded machine may still be mid-pan when the popup is in the page."""
    loaded.page.wait_for_function(
        """() => {
        const map = window[document.querySelector('.folium-map').id];
        const now = map.getBounds().toBBoxString(), same = now === window.__geoLastBounds;
        window.__geoLastBounds = now;
        return same;
    }""",
        polling=150,
    )
    return view_state(loaded)


def assert_focus_in_view(loaded: Loaded, doc, frame) -> None:
    """Every focus place's marker is inside the map's first view and not under the panel."""
    state = view_state(loaded)
    by_id = {mp.place.id: (i, mp.place) for i, mp in enumerate(doc.places)}
    assert frame.focus
    for place_id in frame.focus:
        i, place = by_id[place_id]
        assert state["south"] <= place.lat <= state["north"], place.name
        assert state["west"] <= place.lon <= state["east"], place.name
        box = loaded.markers().nth(i).bounding_box()
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        assert 0 <= x <= 1200 and 0 <= y <= 750, place.name
        assert x < state["panel"]["left"] or y > state["panel"]["bottom"], f"{place.name} is under the panel"


def test_seed_first_view_shows_every_focus_place_and_names_russia_outside(open_map, gazetteer):
    from geo.framing import frame_places
    from geo.pipeline import map_text

    seed = Path(__file__).parents[1] / "seeds" / "fuzuli-2021-01-26.txt"
    doc = map_text(seed.read_text(encoding="utf-8"), gazetteer=gazetteer, doc_id="seed")
    loaded = open_map(doc, basemap=real_basemap())
    assert loaded.errors == [] and loaded.network == []
    frame = frame_places([(mp.place, mp.mention_count) for mp in doc.places], doc.outlines)
    names = {mp.place.id: mp.place.name for mp in doc.places}
    assert {names[i] for i in frame.focus} >= {"Azerbaijan", "Armenia", "Fuzuli", "Tovuz"}
    assert [names[i] for i in frame.outside] == ["Russia"]
    assert_focus_in_view(loaded, doc, frame)
    state = view_state(loaded)
    assert state["east"] < 60 and state["north"] < 50  # the South Caucasus, not Siberia
    # Russia is outside the first view and still has its marker; the panel names it, and an edge
    # marker on the view's border (clear of the panel) points towards it.
    page = loaded.page
    assert page.locator(".geo-outside button").all_inner_texts() == ["Russia"]
    assert loaded.markers().count() == len(doc.places)
    edge = page.locator(".geo-edge")
    assert edge.all_inner_texts() == ["Russia"] and edge.is_visible()
    box = edge.bounding_box()
    panel = page.locator(".geo-panel").bounding_box()
    assert 0 <= box["x"] and box["x"] + box["width"] <= 1200 and 0 <= box["y"] and box["y"] + box["height"] <= 750
    assert box["y"] >= panel["y"] + panel["height"] or box["x"] + box["width"] <= panel["x"]
    assert box["x"] + box["width"] > 900 and box["y"] < 375  # on the right, upper half: Russia lies north-east
    rotation = page.evaluate("document.querySelector('.geo-edge-arrow').style.transform")
    assert -90 < float(rotation.removeprefix("rotate(").removesuffix("deg)")) < 0  # the arrow points up and right
    edge.click()
    page.wait_for_function("document.querySelectorAll('.leaflet-popup').length === 1")
    assert page.locator(".leaflet-popup h3").inner_text() == "Russia"
    assert not edge.is_visible()  # Russia is in view now
    # Zoomed out to show Russia beside the story, with room above it for its popup: once the map
    # has stopped moving, the story's places, Russia and the whole popup are all in view.
    state = settled_view_state(loaded)
    assert state["west"] <= 45 and state["east"] >= 100
    for mp in doc.places:
        if mp.place.id in frame.focus or mp.place.name == "Russia":
            assert state["south"] <= mp.place.lat <= state["north"], mp.place.name
            assert state["west"] <= mp.place.lon <= state["east"], mp.place.name
    popup = page.locator(".leaflet-popup").bounding_box()
    assert popup["y"] >= 0 and popup["x"] >= 0 and popup["x"] + popup["width"] <= 1200


@pytest.mark.parametrize(
    "places",
    [
        # two clusters of equal weight: both in view
        [(PARIS, 3), (Place("x1", "Lyon", "city", 45.76, 4.84, "FR"), 1), (TOKYO, 3),
         (Place("x2", "Osaka", "city", 34.69, 135.5, "JP"), 1)],
        # one city
        [(LIMA, 4)],
        # a story that spans the world
        [(p, 1) for p in CITIES[:8]],
        # one far outlier
        [(BAKU, 5), (Place("x3", "Ganja", "city", 40.68, 46.36, "AZ"), 4), (Place("x4", "Quito", "city", -0.23, -78.52, "EC"), 1)],
    ],
    ids=["two-clusters", "one-city", "world", "far-outlier"],
)
def test_first_view_contains_every_focus_place(open_map, places):
    from geo.framing import frame_places

    doc = make_document([[("x", p), "."] for p, n in places for _ in range(n)])
    loaded = open_map(doc)
    frame = frame_places([(mp.place, mp.mention_count) for mp in doc.places], doc.outlines)
    assert_focus_in_view(loaded, doc, frame)
    assert loaded.page.locator(".geo-outside button").all_inner_texts() == [
        mp.place.name for mp in doc.places if mp.place.id in frame.outside]


# -- a corpus on one map ---------------------------------------------------------------------


def test_corpus_popups_list_the_documents_that_name_each_place(open_map):
    from geo.corpus import collect_places

    docs = [
        make_document([["Floods hit ", ("Baku", BAKU), "."], ["Later ", ("Baku", BAKU), " was dry."]], doc_id="d1"),
        make_document([["Talks in ", ("Paris", PARIS), " and ", ("Baku", BAKU), "."]], doc_id="d2"),
        make_document([["Nothing happened."]], doc_id="d3"),
        make_document([["From ", ("Tokyo", TOKYO), " to ", ("Paris", PARIS), "."]], doc_id="d4"),
    ]
    corpus = collect_places(docs, titles={"d2": "Talks <b>day</b>", "d4": HOSTILE_TITLE}, corpus_id="week")
    loaded = open_map(corpus)
    page = loaded.page
    assert loaded.errors == [] and loaded.network == []
    assert page.locator(".geo-legend .geo-name").all_inner_texts() == ["Baku", "Paris", "Tokyo"]
    assert page.locator(".geo-legend .geo-count").all_inner_texts() == ["2", "2", "1"]
    assert page.locator(".geo-summary").inner_text() == "3 places named in 4 documents"
    expected = {
        "Baku": (["d1", "Talks <b>day</b>"], ["Floods hit Baku.", "Later Baku was dry.", "Talks in Paris and Baku."]),
        "Paris": (["Talks <b>day</b>", HOSTILE_TITLE], ["Talks in Paris and Baku.", "From Tokyo to Paris."]),
        "Tokyo": ([HOSTILE_TITLE], ["From Tokyo to Paris."]),
    }
    for i, name in enumerate(["Baku", "Paris", "Tokyo"]):
        popup = loaded.open_popup(loaded.markers().nth(i))
        labels, sentences = expected[name]
        assert popup.locator("h3").inner_text() == name
        assert popup.locator(".geo-doc-label").all_inner_texts() == labels
        assert popup.locator(".geo-sentence").all_inner_texts() == sentences
        assert set(popup.locator("mark").all_inner_texts()) == {name}
        page.locator(".leaflet-popup-close-button").dispatch_event("click")  # the panel may cover it
        page.wait_for_function("document.querySelectorAll('.leaflet-popup').length === 0")
    assert loaded.pwned() is None


def test_corpus_popup_caps_documents_with_a_more_line(open_map):
    from geo.corpus import collect_places
    from geo.html_text import DOCUMENTS_PER_POPUP

    docs = [make_document([[f"Report {i} from ", ("Lima", LIMA), "."]], doc_id=f"r{i:02d}") for i in range(DOCUMENTS_PER_POPUP + 5)]
    loaded = open_map(collect_places(docs))
    popup = loaded.open_popup(loaded.markers().first)
    assert popup.locator(".geo-doc-label").all_inner_texts() == [f"r{i:02d}" for i in range(DOCUMENTS_PER_POPUP)]
    assert popup.locator(".geo-more").all_inner_texts() == ["+5 more documents"]


def test_a_place_the_frame_leaves_out_but_the_window_shows_is_not_listed_outside(open_map):
    from geo.framing import frame_places

    # A tall, narrow story (towns down one meridian) in a wide window: the view is wider than
    # the frame, so a place just east of it is in sight, and one across the ocean is not.
    towns = [Place(f"t{i}", f"Town {i}", "city", lat, -70.5, "CL") for i, lat in enumerate([-20, -27, -33, -38, -45, -50])]
    near = Place("n1", "Near Point", "city", -35.0, -50.0, "XX")
    far = Place("f1", "Lagos", "city", 6.45, 3.39, "NG")
    doc = make_document([[("x", p), "."] for p in towns for _ in range(5)] + [[("x", near), "."], [("x", far), "."]])
    frame = frame_places([(mp.place, mp.mention_count) for mp in doc.places], doc.outlines)
    assert set(frame.outside) == {"n1", "f1"}
    loaded = open_map(doc)
    assert_focus_in_view(loaded, doc, frame)
    state = view_state(loaded)
    assert state["west"] <= near.lon <= state["east"] and not state["west"] <= far.lon <= state["east"]
    assert loaded.page.locator(".geo-outside button").all_inner_texts() == ["Lagos"]
    edges = loaded.page.locator(".geo-edge")
    assert edges.all_inner_texts() == ["Near Point", "Lagos"]
    assert [edges.nth(i).is_visible() for i in range(2)] == [False, True]
