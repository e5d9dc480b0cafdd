"""Checks on geo/data/area_points.tsv: GeoNames' own points for countries, first-level subdivisions
and UN M49 regions (``m49:CODE``).

Reads only the file itself, so it runs offline anywhere.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

import geo

AREA_POINTS = Path(geo.__file__).parent / "data" / "area_points.tsv"
COLUMNS = ["code", "geonameid", "name", "lat", "lon", "source"]
CODE = re.compile(r"[A-Z]{2}(?:-[A-Z0-9]{1,3})?|m49:(?:\d{3}|[A-Z]{2})")
DECIMAL = re.compile(r"-?\d{1,3}(?:\.\d{1,5})?")


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with AREA_POINTS.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        assert reader.fieldnames == COLUMNS
        return list(reader)


@pytest.fixture(scope="module")
def by_code(rows: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    return {row["code"]: row for row in rows}


def test_every_row_has_all_columns_filled(rows: list[dict[str, str]]) -> None:
    assert len(rows) > 200
    for row in rows:
        assert None not in row, row  # no extra tab-separated fields
        assert all(row[column] and row[column].strip() == row[column] for column in COLUMNS), row


def test_codes_are_unique_well_formed_and_sorted(rows: list[dict[str, str]]) -> None:
    codes = [row["code"] for row in rows]
    assert len(set(codes)) == len(codes)
    assert codes == sorted(codes)
    bad = [code for code in codes if not CODE.fullmatch(code)]
    assert bad == []


def test_geonameids_are_positive_integers_and_unique(rows: list[dict[str, str]]) -> None:
    ids = [row["geonameid"] for row in rows]
    assert all(gid.isdigit() and int(gid) > 0 for gid in ids)
    assert len(set(ids)) == len(ids)


def test_coordinates_are_plain_decimals_in_range(rows: list[dict[str, str]]) -> None:
    for row in rows:
        assert DECIMAL.fullmatch(row["lat"]) and DECIMAL.fullmatch(row["lon"]), row
        assert -90 <= float(row["lat"]) <= 90, row
        assert -180 <= float(row["lon"]) <= 180, row


def test_every_row_names_where_its_point_was_read(rows: list[dict[str, str]]) -> None:
    for row in rows:
        assert row["source"].startswith("GeoNames point, as found in "), row
        assert re.search(r"\((?:\d+ files agree|1 file only)\)$", row["source"]), row


@pytest.mark.parametrize("code", ["CA", "US", "RU", "US-TX", "CA-ON", "GB-ENG", "GB-SCT", "GB-WLS"])
def test_key_rows_are_present(by_code: dict[str, dict[str, str]], code: str) -> None:
    assert code in by_code


@pytest.mark.parametrize(
    ("code", "geonameid", "lat", "lon"),
    [
        # All but RU were read from two or more public files, one of them a GeoNames API response or fixture;
        # RU comes from one file (gvenzl/sample-data), the value the brief also quotes.
        ("CA", "6251999", 60.10867, -113.64258),
        ("US", "6252001", 39.76, -98.5),
        ("US-TX", "4736286", 31.25044, -99.25061),
        ("CA-ON", "6093943", 49.25014, -84.49983),
        ("GB-ENG", "6269131", 52.16045, -0.70312),
        ("RU", "2017370", 60.0, 100.0),
        # Scotland and Wales: a GeoNames-valued lookup table and a childrenJSON fixture for the UK agree.
        ("GB-SCT", "2638360", 56.0, -4.0),
        ("GB-WLS", "2634895", 52.5, -3.5),
        # UN M49 regions and the EU: GeoNames dump rows of no-country.txt (the EU's point is Brussels).
        ("m49:EU", "6695072", 50.83857, 4.37599),
        ("m49:151", "7729884", 51.72703, 28.38867),
    ],
)
def test_known_points(by_code: dict[str, dict[str, str]], code: str, geonameid: str, lat: float, lon: float) -> None:
    row = by_code[code]
    assert row["geonameid"] == geonameid
    assert float(row["lat"]) == pytest.approx(lat, abs=0.01)
    assert float(row["lon"]) == pytest.approx(lon, abs=0.01)


def test_subdivisions_sit_inside_their_country_roughly(by_code: dict[str, dict[str, str]]) -> None:
    # A subdivision point far from its country's point would betray a code mix-up or a swapped lat/lon;
    # 7000 km still lets Hawaii (about 6000 km from the US point) through.
    from math import asin, cos, radians, sin, sqrt

    def km(a: dict[str, str], b: dict[str, str]) -> float:
        la1, lo1, la2, lo2 = map(radians, (float(a["lat"]), float(a["lon"]), float(b["lat"]), float(b["lon"])))
        h = sin((la2 - la1) / 2) ** 2 + cos(la1) * cos(la2) * sin((lo2 - lo1) / 2) ** 2
        return 2 * 6371 * asin(sqrt(h))

    far = [
        code
        for code, row in by_code.items()
        if "-" in code and code[:2] in by_code and km(row, by_code[code[:2]]) > 7000
    ]
    assert far == []
