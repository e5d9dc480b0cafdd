"""Static PNG/SVG maps: sizes, valid output, byte-identical renders, labels placed and kept literal,
every place named (on the map, by an edge marker, or numbered in the legend), the inset, the scale bar."""

import io
import math
import struct
import sys
import types
import xml.etree.ElementTree as ET

import pytest

from geo.errors import InputError
from geo.records import Document, Mention, Place, Resolution, Sentence
from geo.static_labels import text_box as _text_extent
from geo.static_map import ATTRIBUTION, caption_for, render_places, to_png, to_svg
from geo.static_map import _draw as _draw_places


def _draw(document, title, width, height, dpi, basemap):
    weighted = [(mp.place, mp.mention_count) for mp in document.places]
    return _draw_places(weighted, document.outlines, title or "", caption_for(document), width, height, dpi, basemap)


def _box(x0, y0, x1, y1):
    return {"type": "Polygon", "coordinates": [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]}


BASEMAP = {  # two hand-made "countries" and one that crosses the antimeridian
    "type": "FeatureCollection",
    "features": [
        {"type": "Feature", "properties": {"name": "West"}, "geometry": _box(40, 35, 46, 45)},
        {"type": "Feature", "properties": {"name": "East"}, "geometry": _box(46, 35, 55, 45)},
        {"type": "Feature", "properties": {"name": "Wrap"}, "geometry": _box(170, -20, -170, -10)},
    ],
}

PLACES = [
    (Place("148106", "Fuzuli", "city", 39.60, 47.14, "AZ"), 2),
    (Place("584649", "Tovuz", "city", 40.99, 45.63, "AZ"), 1),
    (Place("587116", "Azerbaijan", "country", 40.5, 47.5, "AZ"), 3),
    (Place("174982", "Armenia", "country", 40.25, 45.0, "AM"), 1),
    (Place("1", "$x$ Town", "city", 41.5, 46.5, "AZ"), 1),
]


def _document(places=PLACES, outlines=None, doc_id="demo"):
    text, mentions, resolutions = "", [], []
    for place, count in places:
        for _ in range(count):
            start = len(text)
            text += place.name + ". "
            m = Mention(start, start + len(place.name), place.name, 0)
            mentions.append(m)
            resolutions.append(Resolution(m, place, 0.8))
    sentences = (Sentence(0, 0, len(text)),) if text else ()
    return Document(doc_id, text, sentences, tuple(mentions), tuple(resolutions), outlines or {})


def _png_size(data):
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def _svg_texts(data):
    root = ET.fromstring(data)  # raises if not well-formed XML
    return ["".join(el.itertext()) for el in root.iter("{http://www.w3.org/2000/svg}text")]


def test_png_has_magic_and_requested_pixel_size():
    data = to_png(_document(), width=4.0, height=3.0, dpi=50, basemap=BASEMAP)
    assert _png_size(data) == (200, 150)
    assert _png_size(to_png(_document(), basemap=BASEMAP)) == (1500, 900)  # the defaults: 10x6 in at 150 dpi


def test_svg_is_xml_with_labels_title_and_attribution_as_text():
    texts = _svg_texts(to_svg(_document(), title="Caucasus & friends <test>", basemap=BASEMAP))
    for name in ("Fuzuli", "Tovuz", "Azerbaijan", "Armenia"):
        assert name in texts
    assert "Caucasus & friends <test>" in texts
    assert ATTRIBUTION in texts


def test_dollar_signs_are_drawn_literally_not_as_math():
    document = _document()
    assert "$x$ Town" in _svg_texts(to_svg(document, basemap=BASEMAP, title="Cost: $5 and $x$"))
    assert "Cost: $5 and $x$" in _svg_texts(to_svg(document, basemap=BASEMAP, title="Cost: $5 and $x$"))
    to_png(document, basemap=BASEMAP, title="$\\frac{$")  # broken math must not raise either


def test_svg_ids_are_unique_and_name_what_each_text_is():
    root = ET.fromstring(to_svg(_document(), basemap=BASEMAP))
    ids = [el.get("id") for el in root.iter() if el.get("id")]
    assert len(ids) == len(set(ids))
    named = sum(i.startswith(("place-label-", "edge-marker-")) for i in ids)
    assert named == 5 and sum(i.startswith("scale-bar-") for i in ids) == 1  # 4 beside markers, $x$ Town by the edge


def test_renders_are_byte_identical():
    document = _document(outlines={"587116": _box(44.8, 38.4, 50.3, 41.9)})
    assert to_png(document, basemap=BASEMAP, dpi=60) == to_png(document, basemap=BASEMAP, dpi=60)
    assert to_svg(document, basemap=BASEMAP) == to_svg(document, basemap=BASEMAP)
    assert b"<dc:date>" not in to_svg(document, basemap=BASEMAP)


def test_empty_document_renders_a_world_map_saying_so():
    empty = Document("nothing", "No places here.", (Sentence(0, 0, 15),), (), ())
    texts = _svg_texts(to_svg(empty, basemap=BASEMAP))
    assert "No places found" in texts
    assert _png_size(to_png(empty, basemap=BASEMAP, dpi=40)) == (400, 240)


def test_writes_to_a_path_or_a_stream(tmp_path):
    path = tmp_path / "map.png"
    data = to_png(_document(), path, basemap=BASEMAP, dpi=40)
    assert path.read_bytes() == data
    stream = io.BytesIO()
    data = to_svg(_document(), stream, basemap=BASEMAP)
    assert stream.getvalue() == data and data.startswith(b"<?xml")
    path = tmp_path / "map.svg"
    to_svg(_document(), str(path), basemap=BASEMAP)
    assert path.read_bytes() == data


def test_outlines_are_drawn_including_one_across_the_antimeridian():
    fiji = Place("2205218", "Fiji", "country", -17.0, 178.0, "FJ")
    document = _document([(fiji, 1)], outlines={"2205218": _box(177, -19, -178, -15)})
    figure = _draw(document, None, 6.0, 4.0, 50, BASEMAP)
    axes = figure.axes[0]  # the main map; an inset follows
    outline = axes.collections[1]  # land, outline, markers
    xs = [x for path in outline.get_paths() for x, _ in path.vertices]
    assert min(xs) >= 177 and max(xs) <= 180  # only the part east of 177E is in view, none wraps


def test_labels_stay_inside_the_map_and_do_not_overlap():
    # Places at the far corners of the extent: their labels must turn inwards.
    corners = [
        (Place(str(i), name, "city", lat, lon, "XX"), 1)
        for i, (name, lat, lon) in enumerate(
            [("Northwest Long Name", 45.0, 40.0), ("Northeast Long Name", 45.0, 55.0),
             ("Southwest Long Name", 35.0, 40.0), ("Southeast Long Name", 35.0, 55.0),
             ("Middle", 40.0, 47.5), ("Middle Twin", 40.05, 47.55)]
        )
    ]  # fmt: skip
    figure = _draw(_document(corners), None, 6.0, 4.0, 100, BASEMAP)
    renderer = figure.canvas.get_renderer()
    axes = figure.axes[0]
    frame = axes.get_window_extent(renderer)
    boxes = {t.get_text(): _text_extent(t, renderer) for t in axes.texts if _kind(t) == "place-label"}
    assert {"Northwest Long Name", "Northeast Long Name", "Southwest Long Name", "Southeast Long Name"} <= set(boxes)
    for name, box in boxes.items():
        assert frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1, name
    items = list(boxes.values())
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            assert not a.overlaps(b)


def _kind(text):
    return (text.get_gid() or "").rsplit("-", 1)[0]


def _labels(figure, gid="place-label"):
    return [t.get_text() for t in figure.axes[0].texts if _kind(t) == gid]


def _legend(figure):
    return [t.get_text() for t in figure.texts if _kind(t) == "legend"]


def test_crowded_places_are_numbered_and_listed_never_dropped():
    crowd = [(Place(str(i), f"Crowded place {i}", "city", 40.0 + i * 0.001, 45.0, "XX"), 1) for i in range(12)]
    figure = _draw(_document(crowd), None, 4.0, 3.0, 50, BASEMAP)
    renderer = figure.canvas.get_renderer()
    texts = [t for t in figure.axes[0].texts if _kind(t) == "place-label"]
    named = {t.get_text() for t in texts if not t.get_text().isdigit()}
    numbers = sorted(int(t.get_text()) for t in texts if t.get_text().isdigit())
    legend = "   ".join(_legend(figure))
    assert 1 <= len(named) < 12 and numbers == list(range(1, 13 - len(named)))
    for n in numbers:  # each number on the map stands for one name in the legend
        (entry,) = [e for e in legend.split("   ") if e.split(" ", 1)[0] == str(n)]
        assert entry.split(" ", 1)[1] not in named
    listed = {e.split(" ", 1)[1] for e in legend.split("   ")}
    assert named | listed == {f"Crowded place {i}" for i in range(12)}  # every place, once
    names = [_text_extent(t, renderer) for t in texts if not t.get_text().isdigit()]
    assert not any(a.overlaps(b) for i, a in enumerate(names) for b in names[i + 1 :])


def test_a_corpus_map_names_what_fits_numbers_twenty_and_counts_the_rest():
    grid = [(Place(f"g{i}", f"Grid town {i}", "city", 40.0 + (i // 12) * 0.08, 45.0 + (i % 12) * 0.1, "XX"), 1 + i % 3)
            for i in range(144)]
    figure = _draw(_document(grid), None, 6.0, 4.0, 60, BASEMAP)
    texts = _labels(figure)
    named = [t for t in texts if not t.isdigit()]
    numbers = [t for t in texts if t.isdigit()]
    assert len(numbers) == 20
    (count_line,) = [line for line in _legend(figure) if "not labelled" in line]
    assert len(named) + len(numbers) + int(count_line.split()[0]) == 144  # every place accounted for


def test_a_far_outlier_gets_an_edge_marker_and_the_inset_and_stays_out_of_the_frame():
    russia = Place("ru", "Russia", "country", 60.0, 100.0, "RU")
    document = _document([*PLACES[:4], (russia, 1)], outlines={"ru": _box(28, 41, 180, 78)})
    figure = _draw(document, None, 8.0, 5.0, 60, BASEMAP)
    main, inset = figure.axes
    assert main.get_xlim()[1] < 60 and main.get_ylim()[1] < 50  # the frame is the Caucasus
    assert _labels(figure, "edge-marker") == ["Russia"]
    assert {"Fuzuli", "Tovuz", "Azerbaijan", "Armenia"} <= set(_labels(figure))
    x0, x1 = inset.get_xlim()
    y0, y1 = inset.get_ylim()
    assert x0 < 45 and x1 > 100 and y0 < 40 and y1 > 60  # the inset shows the frame and Russia
    (frame_box,) = [p for p in inset.patches if p.get_edgecolor()[0] > 0.5 and p.get_facecolor()[3] == 0]
    assert frame_box.get_x() == pytest.approx(main.get_xlim()[0], abs=0.5)
    assert "Russia" in [t.get_text() for t in inset.texts]


def test_an_outlier_with_no_room_for_an_edge_marker_is_listed_under_the_map():
    far = [(Place(f"f{i}", f"Far town {i}", "city", -30.0 - i, 150.0 + i, "AU"), 1) for i in range(8)]
    near = [(Place(f"n{i}", f"Near town {i}", "city", 40.0 + i * 0.3, 45.0 + i * 0.3, "AZ"), 8) for i in range(4)]
    figure = _draw(_document(near + far), None, 8.0, 5.0, 60, BASEMAP)
    edged = set(_labels(figure, "edge-marker"))
    legend = "   ".join(_legend(figure))
    assert "Outside the map:" in legend
    for i in range(8):
        name = f"Far town {i}"
        assert (name in edged) != (f"{name} (1)" in legend), name  # each one once, one way or the other


def test_an_area_round_the_frame_is_named_inside_it_rather_than_pointed_at():
    quarters = [(Place(f"q{i}", f"Quarter {i}", "city", 45.76 + i * 0.03, 4.84 + i * 0.04, "FR"), 3) for i in range(4)]
    france = Place("fr", "France", "country", 46.0, 2.0, "FR")
    figure = _draw(_document([*quarters, (france, 1)], outlines={"fr": _box(-5, 42, 8, 51)}), None, 8.0, 5.0, 60,
                   BASEMAP)
    assert figure.axes[0].get_xlim()[0] > 2.0  # France's point is outside the frame...
    assert _labels(figure, "area-label") == ["France"]  # ...but the frame lies in France: named there
    assert _labels(figure, "edge-marker") == [] and not any("France" in line for line in _legend(figure))


def test_country_names_in_view_are_drawn_except_the_places_own():
    west = Place("w", "West", "country", 40.0, 43.0, "WW")
    figure = _draw(_document([(west, 3), (Place("c", "Town", "city", 41.0, 47.0, "EE"), 1)]), None, 8.0, 5.0, 60,
                   {"type": "FeatureCollection", "features": [
                       {"type": "Feature", "properties": {"name": "West", "iso2": "WW"}, "geometry": _box(40, 35, 46, 45)},
                       {"type": "Feature", "properties": {"name": "East", "iso2": "EE"}, "geometry": _box(46, 35, 55, 45)},
                   ]})
    assert _labels(figure, "country-label") == ["EAST"]  # West is a place of the story, labelled as such


def test_a_scale_bar_of_a_round_length_true_at_the_middle_latitude():
    figure = _draw(_document(), None, 8.0, 5.0, 60, BASEMAP)
    (label,) = _labels(figure, "scale-bar")
    km = int(label.removesuffix(" km").replace(",", ""))
    assert str(km)[0] in "125" and set(str(km)[1:]) <= {"0"}
    axes = figure.axes[0]
    (bar, *_ticks) = axes.lines
    (x0, x1), (y, _) = bar.get_xdata(), bar.get_ydata()
    assert (x1 - x0) * 111.195 * math.cos(math.radians(sum(axes.get_ylim()) / 2)) == pytest.approx(km, rel=0.01)


def test_render_places_draws_weighted_places_with_the_caption():
    weighted = [(place, count * 2) for place, count in PLACES]
    data = render_places(weighted, {}, fmt="svg", title="Week 49", caption="5 places, 16 documents; source: wire",
                         width=6.0, height=4.0, dpi=72, basemap=BASEMAP)
    texts = _svg_texts(data)
    assert "Week 49" in texts and "5 places, 16 documents; source: wire" in texts
    assert {"Fuzuli", "Tovuz", "Azerbaijan", "Armenia", "$x$ Town"} <= set(texts)
    with pytest.raises(InputError, match="got nan for 'Fuzuli'"):
        render_places([(PLACES[0][0], float("nan"))], {}, fmt="png", title="", caption="", width=6.0, height=4.0,
                      dpi=72, basemap=BASEMAP)
    with pytest.raises(InputError, match="got 'pdf'"):
        render_places(weighted, {}, fmt="pdf", title="", caption="", width=6.0, height=4.0, dpi=72, basemap=BASEMAP)


def test_caption_counts_places_and_mentions_and_names_the_source():
    assert caption_for(_document()) == "5 places, 8 mentions; source: demo"
    assert caption_for(_document(PLACES[:1], doc_id="")) == "1 place, 2 mentions"


def test_bad_sizes_are_refused_with_the_value():
    with pytest.raises(InputError, match="got -1"):
        to_png(_document(), width=-1, basemap=BASEMAP)
    with pytest.raises(InputError, match="got nan"):
        to_svg(_document(), dpi=float("nan"), basemap=BASEMAP)


def test_default_basemap_comes_from_geo_basemap(monkeypatch):
    calls = []

    def load_basemap(data_dir=None):
        calls.append(data_dir)
        return BASEMAP

    monkeypatch.setitem(sys.modules, "geo.basemap", types.SimpleNamespace(load_basemap=load_basemap))
    assert to_svg(_document()) == to_svg(_document(), basemap=BASEMAP)
    assert calls == [None]


def test_the_seed_map_frames_the_south_caucasus_and_names_every_place():
    from pathlib import Path

    import geo
    from geo.basemap import load_basemap

    seed = Path(__file__).resolve().parents[1] / "seeds" / "fuzuli-2021-01-26.txt"
    document = geo.map_text(seed.read_text(encoding="utf-8"), doc_id="fuzuli-2021-01-26")
    figure = _draw(document, "seed", 10.0, 6.0, 60, load_basemap())
    main, inset = figure.axes
    (west, east), (south, north) = main.get_xlim(), main.get_ylim()
    # Georgia, Armenia and Azerbaijan (40-50.4E, 38.4-43.6N) in view; not Siberia.
    assert west < 40.5 and east > 50.4 and south < 38.5 and north > 43.5
    assert east - west < 20 and north - south < 12
    names = {mp.place.name for mp in document.places}
    assert "Russia" in names and len(names) == 8
    assert _labels(figure, "edge-marker") == ["Russia"]
    assert "Russia" in [t.get_text() for t in inset.texts]
    assert set(_labels(figure)) == names - {"Russia"}  # every other place by its name, none numbered
    assert _legend(figure) == []


def test_the_inset_never_covers_a_marker():
    corners = [(Place(f"c{i}", f"Corner {i}", "city", lat, lon, "XX"), 3)
               for i, (lat, lon) in enumerate([(35, 40), (35, 55), (45, 40), (45, 55), (40, 47.5)])]
    far = (Place("far", "Far away", "city", -30.0, 150.0, "AU"), 1)
    for places in (corners, corners[:4] + [far], corners[:1] + [far]):
        figure = _draw(_document(places), None, 8.0, 5.0, 60, BASEMAP)
        main = figure.axes[0]
        markers = main.transData.transform([(p.lon, p.lat) for p, _ in places if p.id != "far"])
        for inset in figure.axes[1:]:
            box = inset.get_window_extent(figure.canvas.get_renderer())
            assert not any(box.x0 <= x <= box.x1 and box.y0 <= y <= box.y1 for x, y in markers)
        if places[-1][0].id == "far":  # the far town is named, in the frame or outside it
            named = _labels(figure) + _labels(figure, "edge-marker") + ["   ".join(_legend(figure))]
            assert any("Far away" in text for text in named)


def test_inset_extent_is_about_a_continent_slides_inside_the_world_and_becomes_the_world():
    from geo.static_furniture import INSET_WORLD, inset_extent

    west, south, east, north = inset_extent((44.0, 38.0, 51.0, 44.0), [])  # the Caucasus alone
    assert north - south >= 36 and west < 44 and east > 51  # six times the frame's height
    west, south, east, north = inset_extent((176.0, -19.0, 180.0, -15.0), [])  # Fiji
    assert east == 180.0 and west < 150  # slid back, not clipped to a sliver
    assert inset_extent((44.0, 38.0, 51.0, 44.0), [(-77.0, 38.9), (151.2, -33.9)]) == (
        INSET_WORLD[0], INSET_WORLD[2], INSET_WORLD[1], INSET_WORLD[3])  # Washington and Sydney: the world


def test_caption_and_credit_never_overlap_on_a_narrow_map():
    for width in (10.0, 5.0, 3.5):
        figure = _draw(_document(), "t", width, 3.0, 80, BASEMAP)
        renderer = figure.canvas.get_renderer()
        caption, credit = (t.get_window_extent(renderer) for t in figure.texts
                           if t.get_text() in ("5 places, 8 mentions; source: demo", ATTRIBUTION))
        assert not caption.overlaps(credit), width
        assert caption.y0 >= 0 and credit.y0 >= 0


def test_a_long_title_shrinks_then_is_cut_but_stays_on_the_figure():
    long = "A very long title about " + "many places " * 20
    figure = _draw(_document(), long, 5.0, 3.0, 80, BASEMAP)
    renderer = figure.canvas.get_renderer()
    (title,) = [t for t in figure.texts if t.get_text().startswith("A very long title")]
    box = title.get_window_extent(renderer)
    assert box.x0 >= 0 and box.x1 <= figure.bbox.width
    assert title.get_fontsize() == 9 and title.get_text().endswith("…")
    short = _draw(_document(), "Short", 5.0, 3.0, 80, BASEMAP)
    assert [t.get_fontsize() for t in short.texts if t.get_text() == "Short"] == [13]
