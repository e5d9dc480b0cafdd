"""Records: geographic interfaces and the Jupyter view, on hand-built documents."""

import html
import re

from shapely.geometry import shape

from geo.records import Document, Mention, Place, Resolution, Sentence

BAKU = Place("587084", "Baku", "city", 40.37767, 49.89201, "AZ", "Baku", 1_116_513)
AZ = Place("587116", "Azerbaijan", "country", 40.5, 47.5, "AZ", "", 9_649_341)


def make_document():
    text = "Flooding hit Baku, Azerbaijan. Baku <script>alert(1)</script> stayed calm."
    sentences = (Sentence(0, 0, 30), Sentence(1, 31, len(text)))
    mentions = (Mention(13, 17, "Baku", 0), Mention(19, 29, "Azerbaijan", 0), Mention(31, 35, "Baku", 1))
    resolutions = tuple(Resolution(m, BAKU if m.text == "Baku" else AZ, 1.0) for m in mentions)
    square = {"type": "Polygon", "coordinates": [[[45, 38], [51, 38], [51, 42], [45, 42], [45, 38]]]}
    return Document("floods", text, sentences, mentions, resolutions, {AZ.id: square})


def test_places_group_resolutions_most_mentioned_first():
    doc = make_document()
    assert [(mp.place.name, mp.mention_count, mp.sentence_indices) for mp in doc.places] == [
        ("Baku", 2, (0, 1)), ("Azerbaijan", 1, (0,))]


def test_geo_interface_gives_features_shapely_and_geopandas_can_read():
    collection = make_document().__geo_interface__
    assert collection["type"] == "FeatureCollection"
    baku, az = collection["features"]
    assert shape(baku["geometry"]).coords[0] == (BAKU.lon, BAKU.lat)
    assert shape(az["geometry"]).geom_type == "Polygon"  # the outline, not the point
    assert baku["properties"]["mentions"] == 2 and az["properties"]["name"] == "Azerbaijan"
    assert shape(BAKU.__geo_interface__["geometry"]).x == BAKU.lon


def test_jupyter_view_is_an_offline_sandboxed_iframe():
    view = make_document()._repr_html_()
    assert view.startswith("<iframe srcdoc=") and 'sandbox="allow-scripts allow-popups"' in view
    srcdoc = html.unescape(re.search(r'srcdoc="([^"]*)"', view).group(1))
    assert "L.map" in srcdoc or "leaflet" in srcdoc.lower()
    assert "<script>alert(1)</script>" not in srcdoc  # the article's text stays text
    assert not re.search(r'<script[^>]+src=["\']https?:', srcdoc)
