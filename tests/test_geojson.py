"""GeoJSON writer: RFC 7946 shape, rounding, antimeridian cutting, properties."""

import json

import pytest

from geo.antimeridian import split_geometry, split_line, split_polygon
from geo.geojson import dumps_geojson, to_geojson
from geo.records import Document, Mention, Place, Resolution, Sentence

FIJI = Place("2205218", "Fiji", "country", -17.0, 178.0, "FJ", "", 900000)
SUVA = Place("2198148", "Suva", "city", -18.1416, 178.4415, "FJ", "Central", 77366)
OSLO = Place("3143244", "Oslo", "city", 59.9127300001, 10.7460900004, "NO", "Oslo", 580000)


def _document(outlines=None):
    text = "Fiji and Suva. Suva again, and Fiji. Nowhere-land is unknown."
    def mention(word, start, sentence):
        assert text[start : start + len(word)] == word
        return Mention(start, start + len(word), word, sentence)
    fiji1, suva1 = mention("Fiji", 0, 0), mention("Suva", 9, 0)
    suva2, fiji2 = mention("Suva", 15, 1), mention("Fiji", 31, 1)
    nowhere = mention("Nowhere-land", 37, 2)
    sentences = (Sentence(0, 0, 14), Sentence(1, 15, 36), Sentence(2, 37, len(text)))
    resolutions = (
        Resolution(fiji1, FIJI, 0.7),
        Resolution(suva1, SUVA, 0.8),
        Resolution(suva2, SUVA, 0.95),
        Resolution(fiji2, FIJI, 0.9),
        Resolution(nowhere, None, 0.0),
    )
    mentions = tuple(r.mention for r in resolutions)
    return Document("doc-7", text, sentences, mentions, resolutions, outlines or {})


FIJI_OUTLINE = {  # a box from 177E to 178W: crosses the antimeridian
    "type": "Polygon",
    "coordinates": [[[177.0, -19.0], [-178.0, -19.0], [-178.0, -15.0], [177.0, -15.0], [177.0, -19.0]]],
}


def _edges(geometry):
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    for polygon in polygons:
        for ring in polygon:
            yield from zip(ring, ring[1:])


def test_feature_collection_has_no_crs_and_names_the_document():
    collection = to_geojson(_document())
    assert collection["type"] == "FeatureCollection"
    assert "crs" not in collection
    assert collection["document_id"] == "doc-7"
    assert all("crs" not in f for f in collection["features"])


def test_one_feature_per_resolved_place_with_positions_lon_first():
    features = to_geojson(_document())["features"]
    assert [f["id"] for f in features] == [FIJI.id, SUVA.id]  # tie on count: first mentioned first
    suva = features[1]
    assert suva["geometry"] == {"type": "Point", "coordinates": [178.4415, -18.1416]}
    assert suva["properties"]["point"] == [178.4415, -18.1416]


def test_positions_are_rounded_to_seven_decimals():
    m = Mention(0, 4, "Oslo", 0)
    doc = Document("o", "Oslo", (Sentence(0, 0, 4),), (m,), (Resolution(m, OSLO, 1.0),))
    lon, lat = to_geojson(doc)["features"][0]["geometry"]["coordinates"]
    assert (lon, lat) == (10.7460900, 59.9127300)
    assert "10.7460900004" not in dumps_geojson(doc)


def test_properties_and_mentions():
    props = to_geojson(_document())["features"][1]["properties"]
    assert props["place_id"] == SUVA.id
    assert props["name"] == "Suva"
    assert props["kind"] == "city"
    assert props["country_code"] == "FJ"
    assert props["admin1"] == "Central"
    assert props["population"] == 77366
    assert props["score"] == 0.95  # the best of its resolutions
    assert props["mention_count"] == 2
    assert props["mentions"] == [
        {"start": 9, "end": 13, "text": "Suva", "kind": "toponym", "sentence_index": 0, "sentence": "Fiji and Suva."},
        {"start": 15, "end": 19, "text": "Suva", "kind": "toponym", "sentence_index": 1,
         "sentence": "Suva again, and Fiji."},
    ]


def test_unresolved_mentions_make_no_feature():
    text = dumps_geojson(_document())
    assert "Nowhere-land" not in text


def test_outline_is_the_geometry_and_is_cut_at_the_antimeridian():
    feature = to_geojson(_document({FIJI.id: FIJI_OUTLINE}))["features"][0]
    geometry = feature["geometry"]
    assert geometry["type"] == "MultiPolygon"
    assert len(geometry["coordinates"]) == 2
    for (x1, _), (x2, _) in _edges(geometry):
        assert abs(x2 - x1) <= 180, "an edge still crosses the antimeridian"
        assert -180 <= x1 <= 180
    xs = sorted({x for polygon in geometry["coordinates"] for ring in polygon for x, _ in ring})
    assert xs == [-180.0, -178.0, 177.0, 180.0]
    assert feature["properties"]["point"] == [178.0, -17.0]


def test_outline_that_does_not_cross_is_kept():
    square = {"type": "Polygon", "coordinates": [[[1, 1], [2, 1], [2, 2], [1, 2], [1, 1]]]}
    feature = to_geojson(_document({FIJI.id: square}))["features"][0]
    assert feature["geometry"] == {"type": "Polygon", "coordinates": [[[1.0, 1.0], [2.0, 1.0], [2.0, 2.0],
                                                                       [1.0, 2.0], [1.0, 1.0]]]}


def test_json_round_trip_and_unicode_kept():
    place = Place("1", "Şəki $x$ \"quoted\"", "city", 41.19, 47.17, "AZ")
    m = Mention(0, 4, "Şəki", 0)
    doc = Document("ü", "Şəki", (Sentence(0, 0, 4),), (m,), (Resolution(m, place, 0.5),))
    text = dumps_geojson(doc, indent=2)
    assert "Şəki" in text
    assert json.loads(text) == to_geojson(doc)


def test_empty_document_is_an_empty_collection():
    doc = Document("empty", "", (), (), ())
    assert to_geojson(doc) == {"type": "FeatureCollection", "document_id": "empty", "features": []}


def test_split_polygon_concave_shape_gives_three_valid_parts():
    # A "C" open to the east of the seam: the east side falls apart into two pieces.
    c = [[170, -10], [-170, -10], [-170, -5], [175, -5], [175, 5], [-170, 5], [-170, 10], [170, 10], [170, -10]]
    parts = split_polygon([c])
    assert len(parts) == 3
    from shapely.geometry import Polygon

    areas = sorted(Polygon(p[0]).area for p in parts)
    assert all(Polygon(p[0]).is_valid for p in parts)
    assert areas == [50.0, 50.0, 150.0]  # nothing lost: 20x20 minus the 15x10 notch


def test_split_polygon_keeps_holes_on_their_side():
    outer = [[170, -10], [-170, -10], [-170, 10], [170, 10], [170, -10]]
    hole = [[172, -2], [172, 2], [174, 2], [174, -2], [172, -2]]
    west, east = split_polygon([outer, hole])
    assert len(west) == 2 and len(east) == 1
    assert west[1][0] == [172.0, -2.0]


def test_split_polygon_closes_a_ring_around_the_pole():
    ring = [[-180, -70], [-90, -75], [0, -70], [90, -75], [180, -70]]
    (polygon,) = split_polygon([ring])
    assert [-180.0, -90.0] in polygon[0] and [180.0, -90.0] in polygon[0]


def test_split_line_and_other_geometries():
    assert split_line([[179, 0], [-179, 2]]) == [[[179.0, 0.0], [180.0, 1.0]], [[-180.0, 1.0], [-179.0, 2.0]]]
    assert split_geometry({"type": "MultiPoint", "coordinates": [[181, 0]]})["coordinates"] == [[-179.0, 0.0]]
    with pytest.raises(ValueError, match="got 'Blob'"):
        split_geometry({"type": "Blob"})
