"""World Data Bank II's named islands: reading the R ``maps`` database and choosing names."""

from __future__ import annotations

import pytest

from geo.data.islands import island_names, read_map_polygons
from tests.tiny_data import write_map_database


def _square(lon: float, lat: float, size: float) -> list[tuple[float, float]]:
    return [(lon, lat), (lon + size, lat), (lon + size, lat + size), (lon, lat + size), (lon, lat)]


def test_a_map_database_reads_back_names_and_rings_in_degrees(tmp_path):
    stem = write_map_database(tmp_path / "world", [("Spain:Majorca", _square(2.5, 39.3, 0.7)),
                                                   ("USA:New York:Long Island", _square(-73.5, 40.6, 1.0))])
    polygons = read_map_polygons(stem)
    assert sorted(polygons) == [1, 2]
    name, rings = polygons[1]
    assert name == "Spain:Majorca"
    # the second polyline is walked backwards, so the ring comes back whole and in order
    assert [(round(x, 4), round(y, 4)) for x, y in rings[0][:3]] == [(2.5, 39.3), (3.2, 39.3), (3.2, 40.0)]
    assert polygons[2][0] == "USA:New York:Long Island"


@pytest.mark.parametrize("name, main, forms", [
    ("Isle of Skye", "Isle of Skye", ["Island of Skye"]),
    ("Ostrov Paramushir", "Ostrov Paramushir", ["Paramushir"]),
    ("Isla de la Juventud", "Isla de la Juventud", []),  # never "la Juventud"
    ("  Majorca ", "Majorca", []),
])
def test_island_names(name, main, forms):
    assert island_names(name) == (main, forms)
