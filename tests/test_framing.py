"""The framing rule on synthetic stories: a far outlier, two equal clusters, one city, the world."""

import math

import pytest

from geo.framing import MIN_SPAN, WORLD, Frame, frame_places, outline_extent
from geo.records import Place


def _box(west, south, east, north):
    return {"type": "Polygon", "coordinates": [[[west, south], [east, south], [east, north], [west, north], [west, south]]]}


def _city(pid, lat, lon, name=None):
    return Place(pid, name or f"town {pid}", "city", lat, lon, "XX")


def _inside(frame: Frame, lat, lon):
    return frame.south <= lat <= frame.north and frame.west <= lon <= frame.east


CAUCASUS = [
    (_city("baku", 40.41, 49.87), 5),
    (_city("yerevan", 40.18, 44.51), 4),
    (_city("tbilisi", 41.69, 44.83), 3),
    (_city("ganja", 40.68, 46.36), 2),
    (_city("fuzuli", 39.60, 47.15), 2),
]


def test_one_far_outlier_stays_out_and_its_outline_does_not_widen_the_frame():
    russia = Place("ru", "Russia", "country", 60.0, 100.0, "RU")
    outlines = {"ru": _box(28, 41, 180, 78)}
    frame = frame_places([*CAUCASUS, (russia, 1)], outlines)
    assert frame.outside == ("ru",)
    assert set(frame.focus) == {p.id for p, _ in CAUCASUS}
    assert 38 < frame.south < 39.6 and 41.7 < frame.north < 43.5
    assert 43 < frame.west < 44.5 and 49.9 < frame.east < 51.5
    assert "Russia" in frame.reason


def test_an_outlier_with_a_fifth_of_the_weight_still_stays_out():
    stories = [(_city(str(i), 48.0 + i * 0.1, 2.0 + i * 0.1), 1) for i in range(4)]
    frame = frame_places([*stories, (_city("far", -33.9, 151.2), 1)])
    assert frame.outside == ("far",)


def test_two_clusters_of_equal_weight_are_both_in_the_frame():
    europe = [(_city("paris", 48.86, 2.35), 3), (_city("lyon", 45.76, 4.84), 2)]
    asia = [(_city("tokyo", 35.68, 139.69), 3), (_city("osaka", 34.69, 135.50), 2)]
    frame = frame_places(europe + asia)
    assert frame.outside == ()
    for place, _ in europe + asia:
        assert _inside(frame, place.lat, place.lon)
    assert not frame.is_world  # 2 to 140E: a wide frame, not the whole world


def test_two_unequal_clusters_frame_the_heavy_one():
    europe = [(_city("paris", 48.86, 2.35), 8), (_city("lyon", 45.76, 4.84), 5)]
    asia = [(_city("tokyo", 35.68, 139.69), 1), (_city("osaka", 34.69, 135.50), 1)]
    frame = frame_places(europe + asia)
    assert set(frame.outside) == {"tokyo", "osaka"}
    assert frame.east < 20


def test_one_city_zooms_to_the_city():
    frame = frame_places([(_city("lyon", 45.76, 4.84, "Lyon"), 4)], aspect=1.5)
    assert frame.focus == ("lyon",)
    assert frame.north - frame.south == pytest.approx(MIN_SPAN)
    assert _inside(frame, 45.76, 4.84)
    shown = (frame.east - frame.west) * math.cos(math.radians(45.76))
    assert shown / (frame.north - frame.south) == pytest.approx(1.5, rel=0.01)


def test_a_city_and_its_quarters_frame_the_city_not_the_country():
    quarters = [(_city(str(i), 51.50 + i * 0.02, -0.12 + i * 0.03), 1) for i in range(5)]
    france = Place("fr", "France", "country", 46.0, 2.0, "FR")
    frame = frame_places([*quarters, (france, 1)], {"fr": _box(-5, 42, 8, 51)})
    assert frame.north - frame.south == pytest.approx(MIN_SPAN)  # London's size, not France's
    assert frame.outside == ("fr",)


def test_a_world_spanning_story_shows_the_world():
    spread = [(_city("ny", 40.7, -74.0), 2), (_city("lagos", 6.5, 3.4), 2), (_city("delhi", 28.6, 77.2), 2),
              (_city("sydney", -33.9, 151.2), 2), (_city("lima", -12.0, -77.0), 2)]
    frame = frame_places(spread)
    assert (frame.south, frame.west, frame.north, frame.east) == WORLD
    assert frame.is_world and frame.outside == ()
    assert "world" in frame.reason


def test_the_heaviest_place_frames_by_its_whole_outline():
    country = Place("az", "Azerbaijan", "country", 40.5, 47.5, "AZ")
    frame = frame_places([(country, 5), (_city("baku", 40.41, 49.87), 1)], {"az": _box(44.8, 38.4, 50.4, 41.9)})
    assert frame.south < 38.4 and frame.north > 41.9 and frame.west < 44.8 and frame.east > 50.4


def test_a_near_miss_is_taken_in_rather_than_left_out():
    core = [(_city("a", 40.0, 40.0), 5), (_city("b", 42.0, 44.0), 5)]
    frame = frame_places([*core, (_city("c", 42.2, 44.3), 1)])
    assert frame.outside == () and "near: town c" in frame.reason


def test_no_places_is_the_world_and_repeats_merge():
    assert frame_places([]).is_world
    lyon = _city("lyon", 45.76, 4.84)
    frame = frame_places([(lyon, 1), (lyon, 2), (_city("far", -40, 170), 0.5)])
    assert frame.focus == ("lyon",) and frame.outside == ("far",)  # 3 of 3.5: Lyon alone carries 80%
    frame = frame_places([(lyon, 0), (_city("far", -40, 170), 0)])  # no positive weight: all count alike
    assert frame.outside == ()


def test_bad_aspect_is_refused_with_the_value():
    with pytest.raises(ValueError, match="got -2"):
        frame_places([(_city("a", 0, 0), 1)], aspect=-2)


def test_outline_extent_is_the_main_body():
    usa = {"type": "MultiPolygon", "coordinates": [_box(-125, 25, -67, 49)["coordinates"],
                                                    _box(-168, 55, -141, 71)["coordinates"]]}
    south, west, north, east = outline_extent(usa)
    assert (south, west, north, east) == (25, -125, 49, -67)  # Alaska (this box) is under a quarter
    assert outline_extent({"type": "Point", "coordinates": [0, 0]}) is None
