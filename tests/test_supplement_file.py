"""Checks on the team-written data files themselves: geo/data/supplement.tsv, towns.tsv and demonyms.tsv.

These read only the files (no source packages), so they run offline anywhere.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

import geo
from geo.names import name_key
from geo.records import PLACE_KINDS

DATA = Path(geo.__file__).parent / "data"
SUPPLEMENT = DATA / "supplement.tsv"
DEMONYMS = DATA / "demonyms.tsv"
TOWNS = DATA / "towns.tsv"

SUPPLEMENT_COLUMNS = ["id", "name", "kind", "aliases", "country_code", "lat", "lon", "outline", "source"]
DEMONYM_COLUMNS = ["country_code", "demonym", "source", "ambiguous"]
TOWN_COLUMNS = ["id", "name", "aliases", "country_code", "admin1", "lat", "lon", "population", "source"]

ISO2 = re.compile(r"[A-Z]{2}")
SLUG = re.compile(r"geo:[a-z0-9]+(?:-[a-z0-9]+)*")
SUBDIVISION = re.compile(r"[A-Z]{2}-[A-Z0-9]{1,3}")
DECIMAL = re.compile(r"-?\d{1,3}(?:\.\d{1,5})?")  # GeoNames gives up to 5 decimals


def _read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        rows = [dict(zip(header, line, strict=True)) for line in reader]
    return header, rows


@pytest.fixture(scope="module")
def supplement() -> list[dict[str, str]]:
    header, rows = _read(SUPPLEMENT)
    assert header == SUPPLEMENT_COLUMNS
    return rows


@pytest.fixture(scope="module")
def demonyms() -> list[dict[str, str]]:
    header, rows = _read(DEMONYMS)
    assert header == DEMONYM_COLUMNS
    return rows


def _by_name(rows: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    return {r["name"]: r for r in rows}


# --- supplement.tsv ---------------------------------------------------------------


def test_supplement_is_utf8_tab_separated_without_stray_whitespace(supplement):
    assert len(supplement) >= 300
    for row in supplement:
        for column, value in row.items():
            assert value == value.strip(), f"{row['id']} {column}: got {value!r}"
            assert "\t" not in value and "\n" not in value


def test_ids_are_unique_sorted_slugs(supplement):
    ids = [r["id"] for r in supplement]
    assert len(ids) == len(set(ids))
    assert ids == sorted(ids)
    bad = [i for i in ids if not SLUG.fullmatch(i)]
    assert bad == []


def test_kinds_are_region_or_physical_and_known_to_records(supplement):
    kinds = {r["kind"] for r in supplement}
    assert kinds == {"region", "physical"}
    assert kinds <= set(PLACE_KINDS)


def test_every_row_has_a_point_or_an_outline(supplement):
    for row in supplement:
        has_point = bool(row["lat"]) and bool(row["lon"])
        assert has_point or row["outline"], row["id"]
        assert bool(row["lat"]) == bool(row["lon"]), row["id"]


def test_points_are_in_range_with_at_most_five_decimals(supplement):
    for row in supplement:
        if not row["lat"]:
            continue
        assert DECIMAL.fullmatch(row["lat"]) and DECIMAL.fullmatch(row["lon"]), row["id"]
        assert -90 <= float(row["lat"]) <= 90, row["id"]
        assert -180 <= float(row["lon"]) <= 180, row["id"]


def test_country_codes_are_two_upper_case_letters_or_empty(supplement):
    bad = [(r["id"], r["country_code"]) for r in supplement if r["country_code"] and not ISO2.fullmatch(r["country_code"])]
    assert bad == []


def test_outlines_are_well_formed(supplement):
    for row in supplement:
        outline = row["outline"]
        if not outline:
            continue
        scheme, _, codes = outline.partition(":")
        if outline == "nk-oblast-1991":
            assert row["name"] == "Nagorno-Karabakh"
        elif scheme == "countries":
            parts = codes.split(",")
            assert parts and all(ISO2.fullmatch(c) for c in parts), row["id"]
            assert len(parts) == len(set(parts)), row["id"]
        elif scheme in ("adm1", "adm2"):
            parts = codes.split(",")
            assert parts and all(SUBDIVISION.fullmatch(c) for c in parts), row["id"]
            assert len(parts) == len(set(parts)), row["id"]
            if row["country_code"]:
                assert {c[:2] for c in parts} == {row["country_code"]}, row["id"]
        else:
            pytest.fail(f"{row['id']}: unknown outline, got {outline!r}")


def test_aliases_are_distinct_from_the_name_and_each_other(supplement):
    for row in supplement:
        if not row["aliases"]:
            continue
        aliases = row["aliases"].split("|")
        keys = [name_key(a) for a in aliases]
        assert all(keys), f"{row['id']}: empty alias in {row['aliases']!r}"
        assert name_key(row["name"]) not in keys, row["id"]
        assert len(keys) == len(set(keys)), row["id"]


def test_no_bare_the_gulf_alias(supplement):
    # "the Gulf" alone could be the Persian Gulf, the Gulf of Mexico or the Gulf states.
    for row in supplement:
        keys = {name_key(row["name"])} | {name_key(a) for a in row["aliases"].split("|") if a}
        assert not keys & {"gulf", "the gulf"}, row["id"]


def test_names_and_aliases_are_unique_across_rows(supplement):
    seen: dict[str, str] = {}
    for row in supplement:
        for n in [row["name"], *[a for a in row["aliases"].split("|") if a]]:
            key = name_key(n)
            assert seen.setdefault(key, row["id"]) == row["id"], f"{n!r} in {seen[key]} and {row['id']}"


def test_every_row_says_where_it_came_from(supplement):
    assert all(r["source"] for r in supplement)
    for row in supplement:
        if row["outline"].startswith("countries:"):
            assert "Natural Earth country" in row["source"], row["id"]
        if row["outline"].startswith("adm1:"):
            assert "admin-1" in row["source"], row["id"]
        if row["outline"].startswith("adm2:"):
            assert "districts" in row["source"], row["id"]


def test_required_entries(supplement):
    by_name = _by_name(supplement)
    for name in (
        "Nagorno-Karabakh", "Karabakh", "South Caucasus", "Caucasus", "Black Sea", "Caspian Sea", "Middle East",
        "Balkans", "Sahel", "Kashmir", "Donbas", "Gaza Strip", "West Bank",
    ):
        assert name in by_name, name
    nk = by_name["Nagorno-Karabakh"]
    assert (nk["kind"], nk["country_code"], nk["outline"]) == ("region", "AZ", "nk-oblast-1991")
    assert "Artsakh" in nk["aliases"].split("|")
    assert by_name["South Caucasus"]["outline"] == "countries:GE,AM,AZ"
    assert by_name["Donbas"]["outline"] == "adm1:UA-14,UA-09"
    assert by_name["Kashmir"]["country_code"] == ""  # disputed
    assert by_name["Black Sea"]["kind"] == by_name["Caspian Sea"]["kind"] == "physical"
    assert by_name["Karabakh"]["id"] != nk["id"]


def test_known_points_are_where_they_should_be(supplement):
    by_name = _by_name(supplement)

    def point(name: str) -> tuple[float, float]:
        return float(by_name[name]["lat"]), float(by_name[name]["lon"])

    lat, lon = point("Nagorno-Karabakh")  # near Khankendi/Stepanakert, not Fuzuli
    assert abs(lat - 39.82) < 0.1 and abs(lon - 46.75) < 0.1
    lat, lon = point("Black Sea")
    assert 41 < lat < 47 and 28 < lon < 41
    lat, lon = point("Caspian Sea")
    assert 37 < lat < 47 and 47 < lon < 54
    lat, lon = point("Gaza Strip")
    assert 31.2 < lat < 31.6 and 34.2 < lon < 34.6


def test_geonames_points_name_their_feature_and_file(supplement):
    # Rows whose point was read from GeoNames say which feature (geonameid and name) and which public file.
    cited = [r for r in supplement if r["source"].startswith("point: GeoNames ")]
    assert len(cited) >= 30
    for row in cited:
        assert re.match(r"point: GeoNames \d+ \([^)]+\), from \S+", row["source"]), row["id"]
    by_name = _by_name(supplement)
    assert (by_name["Indian Ocean"]["lat"], by_name["Indian Ocean"]["lon"]) == ("-10", "70")
    assert "GeoNames 1545739 (Indian Ocean)" in by_name["Indian Ocean"]["source"]
    assert "GeoNames 630673 (Black Sea)" in by_name["Black Sea"]["source"]
    # an outline row that also got a GeoNames point keeps its outline and the outline's provenance
    balkans = by_name["Balkans"]
    assert balkans["outline"].startswith("countries:") and (balkans["lat"], balkans["lon"]) == ("44", "23")
    assert "GeoNames 685608 (Balkan Peninsula)" in balkans["source"]
    assert "Natural Earth country" in balkans["source"]



def test_non_settlement_features_sit_where_they_are(supplement):
    # One feature of each class news names; each point within ~10 km of the feature.
    by_name = _by_name(supplement)
    expected = {
        "Hoover Dam": (36.02, -114.74), "Three Gorges Dam": (30.82, 111.00), "Kakhovka Dam": (46.78, 33.37),
        "Kruger National Park": (-23.99, 31.55), "Rafah crossing": (31.25, 34.26), "Allenby Bridge": (31.87, 35.54),
        "Snake Island": (45.26, 30.20), "Robben Island": (-33.81, 18.37), "Camp Lejeune": (34.65, -77.35),
        "Zaporizhzhia Nuclear Power Plant": (47.51, 34.59), "Chernobyl Nuclear Power Plant": (51.39, 30.10),
        "Fukushima Daiichi Nuclear Power Plant": (37.42, 141.03), "Pompeii": (40.75, 14.48),
        "Angkor Wat": (13.41, 103.87),
    }
    for name, (lat, lon) in expected.items():
        row = by_name[name]
        assert abs(float(row["lat"]) - lat) < 0.1 and abs(float(row["lon"]) - lon) < 0.1, name
    assert by_name["Kruger National Park"]["kind"] == "region"
    assert by_name["Hoover Dam"]["kind"] == by_name["Snake Island"]["kind"] == "physical"
    aliases = by_name["Zaporizhzhia Nuclear Power Plant"]["aliases"].split("|")
    assert "Zaporizhzhia NPP" in aliases


def test_features_leave_town_names_to_their_towns(supplement):
    # A supplement place outranks a town of the same name, so a feature named after a town
    # (or an ancient site that shares a modern town's name) takes only its full name.
    keys = {name_key(n) for r in supplement for n in [r["name"], *r["aliases"].split("|")] if n}
    for town in ("Troy", "Babylon", "Petra", "Palmyra", "Carthage", "Mosul", "Kariba", "Chernobyl", "Fukushima",
                 "Bagram", "Natanz", "Bushehr", "Zaporizhzhia", "Kursk", "Dimona", "Rafah", "Lampedusa", "Kish"):
        assert name_key(town) not in keys, town

# --- towns.tsv ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def towns() -> list[dict[str, str]]:
    header, rows = _read(TOWNS)
    assert header == TOWN_COLUMNS
    return rows


def test_towns_are_well_formed_and_apart_from_the_supplement(towns, supplement):
    ids = [r["id"] for r in towns]
    assert ids == sorted(set(ids))
    assert not set(ids) & {r["id"] for r in supplement}
    for r in towns:
        assert SLUG.fullmatch(r["id"]) and ISO2.fullmatch(r["country_code"]), r
        assert DECIMAL.fullmatch(r["lat"]) and DECIMAL.fullmatch(r["lon"]), r
        assert int(r["population"]) > 0 and r["admin1"] and r["source"], r
        assert all(a.strip() == a and a for a in r["aliases"].split("|") if r["aliases"]), r


def test_the_customer_regions_villages_are_where_news_puts_them(towns):
    # The issue's own examples: Talysh and Madagiz (Sugovushan since 2020), in the Tartar
    # district, a few km apart; Hadrut in the south of the Karabakh mountains.
    by_name = _by_name(towns)
    madagiz = by_name["Sugovushan"]
    assert "Madagiz" in madagiz["aliases"].split("|")
    talysh = by_name["Talysh"]
    assert madagiz["admin1"] == talysh["admin1"] == "Tərtər"
    assert abs(float(madagiz["lat"]) - float(talysh["lat"])) < 0.2
    assert (round(float(by_name["Hadrut"]["lat"]), 1), round(float(by_name["Hadrut"]["lon"]), 1)) == (39.5, 47.0)


# --- demonyms.tsv -----------------------------------------------------------------


def test_demonyms_are_sorted_unique_and_well_formed(demonyms):
    pairs = [(r["country_code"], r["demonym"]) for r in demonyms]
    assert pairs == sorted(pairs)
    assert len(pairs) == len(set(pairs))
    for row in demonyms:
        assert ISO2.fullmatch(row["country_code"]), row
        assert row["demonym"] and row["demonym"] == row["demonym"].strip(), row
        assert row["demonym"][0].isupper(), row
        assert row["source"], row
        assert row["ambiguous"] in ("", "1"), row


def test_demonyms_cover_most_countries(demonyms):
    assert len({r["country_code"] for r in demonyms}) >= 190


def test_required_demonyms(demonyms):
    have = {(r["country_code"], r["demonym"]) for r in demonyms}
    for pair in [
        ("AZ", "Azerbaijani"), ("AZ", "Azeri"), ("AZ", "Azerbaijanis"), ("AM", "Armenian"), ("AM", "Armenians"),
        ("RU", "Russian"), ("RU", "Russians"), ("US", "American"), ("GB", "British"), ("GB", "Briton"),
        ("PS", "Palestinian"), ("IL", "Israeli"), ("CN", "Chinese"), ("KR", "South Korean"), ("KP", "North Korean"),
        ("NL", "Dutch"),
    ]:
        assert pair in have, pair


def test_country_names_are_not_listed_as_demonyms(demonyms):
    names = {r["demonym"] for r in demonyms}
    assert not names & {"Turkey", "Chad", "Jordan", "Georgia", "Vatican", "Eswatini"}


def test_ordinary_words_are_flagged(demonyms):
    flagged = {r["demonym"] for r in demonyms if r["ambiguous"] == "1"}
    assert {"Polish", "Pole", "Poles"} <= flagged
    assert "Azerbaijani" not in flagged
