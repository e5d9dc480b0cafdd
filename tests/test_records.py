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


def test_the_records_stages_make_in_bulk_have_drafts_that_become_equal_frozen_records():
    # Sentences, mentions, places, matches, candidates and resolutions are made from drafts
    # (draft_class) by the stages; a record that gains a __post_init__ or loses its slots
    # must fail here, not in a stage.
    import dataclasses

    import pytest

    from geo.evidence import _new_candidate
    from geo.mentions import _new_mention
    from geo.records import Candidate, NameMatch, draft_class
    from geo.resolve import _new_resolution
    from geo.sentences import _new_sentence

    for cls in (Sentence, Mention, Place, NameMatch, Candidate, Resolution):
        assert draft_class(cls) is not None, cls
    baku = Place("1", "Baku", "city", 40.4, 49.9, "AZ", "Baku", 2_300_000)
    made = [
        (_new_sentence(0, 0, 12), Sentence(0, 0, 12)),
        (_new_mention(4, 8, "Baku", 0, "toponym"), Mention(4, 8, "Baku", 0, "toponym")),
        (_new_candidate(baku, 0.5, (("kind city", 0.2),)), Candidate(baku, 0.5, (("kind city", 0.2),))),
    ]
    made.append((_new_resolution(made[1][1], baku, 0.5, (made[2][1],), "kind city"),
                 Resolution(made[1][1], baku, 0.5, (made[2][1],), "kind city")))
    for fast, plain in made:
        assert type(fast) is type(plain) and fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(fast, dataclasses.fields(fast)[0].name, None)
