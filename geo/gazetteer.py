"""The bundled offline gazetteer: look places up by name, id or country code.

``data/`` holds compact gzip artifacts written by ``python -m geo.data build``. On first
use an index (a SQLite database and a hash file of names) is built from them into the
user cache directory (one line on stderr says so); later runs, and any number of
processes, open that index read-only. Building one deletes the indexes of other data
versions that nothing has opened for :data:`STALE_AFTER_DAYS` days.

Ranking (the "prior" every lookup is ordered by):

1. kind, in this order: country, adm1, continent, region, physical, macroregion, city, adm2
   (areas people name in news first; adm2 last because district names mostly repeat
   their towns' names);
2. except that an adm1 or adm2 that shares the name with a town of the same country and
   first-level subdivision (the district named after its seat: Fuzuli, Tovuz, New York)
   ranks right after the cities;
3. then population, largest first; then place id.

A name matches a place as its ``name``, an ``alternate`` name, an ``abbreviation`` ("U.S.")
or a ``demonym`` ("Azerbaijani"); :meth:`Gazetteer.lookup` leaves demonyms out,
:meth:`Gazetteer.matches` includes them. A name keeps at most :data:`MAX_CANDIDATES` (100)
places, the best by this order: only a handful of names ("Santa Maria", 162 towns) have
more, and the ones cut are villages no resolver would pick.

Speed: per name key, the ranked candidates with their place columns are packed into one
``marshal`` value in a memory-mapped hash file beside the SQLite database
(:mod:`geo.keystore`), so a first-time lookup is one hash probe and one C-level
unpacking, not a join and a row per candidate. The value starts with the key's
:class:`NameSummary` (what recognition asks of a name: kinds, biggest population, the
frequency of its rarest word), which reads without unpacking the candidates. Records are built on first use, each
Place once per instance: :meth:`Gazetteer.lookup` builds no NameMatch, and names of plain
ASCII letters skip most of ``name_key``. ``benchmarks/gazetteer_bench.py``, first-time
lookups: 19k/s with a row per candidate, 40-43k/s with the packed value in a SQLite
table (~10 of ~24 us were the B-tree probe), 67-72k/s from the hash file (~2 us a probe).
The SQLite database keeps places, alternate names, outlines and word frequencies.

It also holds ``word_zipf.tsv.gz``, the English word frequencies of the words of every
name (:meth:`Gazetteer.word_frequency`), which the recognizer's features read.

>>> import tempfile
>>> g = Gazetteer(cache_dir=tempfile.mkdtemp())  # opens nothing yet
>>> g.lookup("Füzuli")[0].id                       # doctest: +SKIP
'148106'
"""

from __future__ import annotations

import dataclasses
import gzip
import hashlib
import itertools
import marshal
import math
import os
import sqlite3
import struct
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Iterable, NamedTuple

from geo.errors import DataError, NotFoundError
from geo.keystore import KeyStore, write_keystore
from geo.names import name_key
from geo.records import CURATED_KINDS, MATCH_KINDS, NameMatch, Place, draft_class

__all__ = ["Gazetteer", "NameSummary", "summarize_matches", "default_gazetteer", "KIND_RANK", "INDEX_VERSION", "MAX_CANDIDATES", "STALE_AFTER_DAYS"]

#: Kind order of the ranking prior (lower ranks first).
KIND_RANK = {k: i for i, k in enumerate(("country", "adm1", "continent", "region", "physical", "macroregion", "city", "adm2", "airport"))}
#: Bump when the index schema or ranking changes, so old cached indexes are not reused.
INDEX_VERSION = 12
#: Places kept per name key, best first (see the module doc).
MAX_CANDIDATES = 100
_ARTIFACTS = ("places.tsv.gz", "names.tsv.gz", "outlines.tsv.gz")
# Optional: data built before it existed has none (word_frequency() then asks wordfreq).
_WORDS_ARTIFACT = "word_zipf.tsv.gz"
_MATCH_RANK = {m: i for i, m in enumerate(MATCH_KINDS)}
assert MATCH_KINDS[3] == "demonym"  # _places_of tests the rank, not the string
_CACHE_LIMIT = 200_000  # lookups remembered per instance before the memo is cleared
# What a name that names nothing has (shared, never changed: its records are the empty tuples).
_MISS = (b"", (), (), (), None)


def _new_entry(packed: bytes) -> list:
    """A name's memo entry (see Gazetteer._entry) for the value ``packed`` of its key."""
    return [packed, None, None, None, None]


_PLACE_COLUMNS = "rowid, id, name, kind, lat, lon, cc, admin1, pop"  # an index row; Place's fields from 1 on
# The name store's other entries, beside the name keys (which never hold control characters):
# _WORD_ENTRY + a word of a name key -> its Zipf frequency, packed as _ZIPF.
_WORD_ENTRY = "\x00"
_OTHER_ENTRIES_END = "\x01"  # every key below this one is such an entry (or empty)
_ZIPF = struct.Struct("<d")
# A name key's value in the name store: its summary's fields, packed as _VALUE_HEAD, then its
# ranked candidate rows (marshal): the summary reads without the candidates, and without an
# object per field beyond the numbers. The fields: the summary's kinds as a byte per kind
# (_kinds_code), its population, places, demonym, zipf (NaN for None) and named_population.
_VALUE_HEAD = struct.Struct("<9sqI?dq")

# A frozen dataclass's __init__ routes every field through object.__setattr__: records are
# built as drafts filled by plain stores and then made records (geo.records.draft_class),
# which matters when a first-time lookup builds a few records per name (a Place: ~2.6k
# instructions, against ~7k with a setter call per slot and ~15k with the constructor).
# Used only while the records keep exactly these fields; otherwise the normal constructors.
_PLACE_FIELDS = ("id", "name", "kind", "lat", "lon", "country_code", "admin1", "population")
_PlaceDraft, _MatchDraft = draft_class(Place), draft_class(NameMatch)
_FAST_RECORDS = (
    tuple(f.name for f in dataclasses.fields(Place)) == _PLACE_FIELDS
    and tuple(f.name for f in dataclasses.fields(NameMatch)) == ("place", "match")
    and _PlaceDraft is not None
    and _MatchDraft is not None
)


if _FAST_RECORDS:

    def _new_place(r: tuple, _new=object.__new__, _D=_PlaceDraft, _P=Place) -> Place:
        """Place from an index row ``(rowid, id, name, kind, lat, lon, cc, admin1, pop, ...)``."""
        p = _new(_D)
        p.id = r[1]; p.name = r[2]; p.kind = r[3]; p.lat = r[4]  # noqa: E702
        p.lon = r[5]; p.country_code = r[6]; p.admin1 = r[7]; p.population = r[8]  # noqa: E702
        p.__class__ = _P
        return p

    def _places_of(rows: tuple, places: dict[int, Place], _new=object.__new__, _D=_PlaceDraft, _P=Place) -> tuple[Place, ...]:
        """The non-demonym places of packed index rows; Places reused through ``places``.

        Written out inline (here and in the next two): this loop is most of a first-time
        lookup's Python work.
        """
        named = []
        for r in rows:
            if r[9] != 3:  # MATCH_KINDS[3] == "demonym"
                p = places.get(r[0])
                if p is None:
                    p = places[r[0]] = _new(_D)
                    p.id = r[1]; p.name = r[2]; p.kind = r[3]; p.lat = r[4]  # noqa: E702
                    p.lon = r[5]; p.country_code = r[6]; p.admin1 = r[7]; p.population = r[8]  # noqa: E702
                    p.__class__ = _P
                named.append(p)
        return tuple(named)

    def _matches_of(rows: tuple, places: dict[int, Place], _new=object.__new__, _D=_PlaceDraft, _P=Place, _MD=_MatchDraft,
                    _N=NameMatch, _kinds=MATCH_KINDS):
        """The matches of packed index rows; Places reused through ``places``."""
        found = []
        for r in rows:
            p = places.get(r[0])
            if p is None:
                p = places[r[0]] = _new(_D)
                p.id = r[1]; p.name = r[2]; p.kind = r[3]; p.lat = r[4]  # noqa: E702
                p.lon = r[5]; p.country_code = r[6]; p.admin1 = r[7]; p.population = r[8]  # noqa: E702
                p.__class__ = _P
            m = _new(_MD)
            m.place = p
            m.match = _kinds[r[9]]
            m.__class__ = _N
            found.append(m)
        return tuple(found)

    def _counted_matches_of(rows: tuple, places: dict[int, Place], demonym: bool, limit: int | None,
                            _new=object.__new__, _D=_PlaceDraft, _P=Place, _kinds=MATCH_KINDS) -> list[tuple[Place, str, int]]:
        """Gazetteer.counted_matches of packed index rows; Places reused through ``places``."""
        found = []
        for r in rows:
            if (r[9] == 3) is demonym:  # MATCH_KINDS[3] == "demonym"
                if len(found) == limit:
                    break
                p = places.get(r[0])
                if p is None:
                    p = places[r[0]] = _new(_D)
                    p.id = r[1]; p.name = r[2]; p.kind = r[3]; p.lat = r[4]  # noqa: E702
                    p.lon = r[5]; p.country_code = r[6]; p.admin1 = r[7]; p.population = r[8]  # noqa: E702
                    p.__class__ = _P
                found.append((p, _kinds[r[9]], r[10]))
        return found

else:  # pragma: no cover - only if records.py changes shape

    def _new_place(r: tuple) -> Place:
        return Place(*r[1:9])

    def _place_of(r: tuple, places: dict[int, Place]) -> Place:
        p = places.get(r[0])
        if p is None:
            p = places[r[0]] = _new_place(r)
        return p

    def _places_of(rows: tuple, places: dict[int, Place]) -> tuple[Place, ...]:
        return tuple(_place_of(r, places) for r in rows if r[9] != 3)

    def _matches_of(rows: tuple, places: dict[int, Place]) -> tuple[NameMatch, ...]:
        return tuple(NameMatch(_place_of(r, places), MATCH_KINDS[r[9]]) for r in rows)

    def _counted_matches_of(rows: tuple, places: dict[int, Place], demonym: bool, limit: int | None) -> list[tuple[Place, str, int]]:
        kept = [r for r in rows if (r[9] == 3) is demonym]
        return [(_place_of(r, places), MATCH_KINDS[r[9]], r[10]) for r in kept[:limit]]


class NameSummary(NamedTuple):
    """What a name's matches say in sum (:meth:`Gazetteer.summary`): what recognition asks
    of a name, with no record per match."""

    kinds: tuple[tuple[str, frozenset[str]], ...]  # each kind of place it names (not as a demonym), with how it matches them
    population: int  # of the biggest place it names (not as a demonym)
    places: int  # matches other than demonyms
    demonym: bool  # some match is a demonym
    # The English Zipf frequency of the rarest word of the name's key (see Gazetteer.word_frequency);
    # None where the summary was not read from the index.
    zipf: float | None = None
    # Of the biggest place it names other than as an abbreviation: "Ore" names Nigeria's Ore
    # and is only Oregon's abbreviation, so this is Ore's 13,905, not 3 million.
    named_population: int = 0


# The match kinds of a bit mask (bit i: MATCH_KINDS[i]), one frozenset per mask.
_MATCH_SETS = tuple(frozenset(m for i, m in enumerate(MATCH_KINDS) if mask >> i & 1) for mask in range(1 << len(MATCH_KINDS)))
_KIND_NAMES = tuple(KIND_RANK)  # a kind by its rank
assert len(KIND_RANK) <= 16 and len(MATCH_KINDS) <= 4  # a kind and its match kinds fit in a byte


def _kinds_code(kinds: tuple[tuple[str, frozenset[str]], ...]) -> bytes:
    """A NameSummary's ``kinds`` as a byte per kind (its rank, times 16, plus the bit mask of
    its match kinds: never 0, as every kind matches some way), in their order."""
    return bytes(KIND_RANK[kind] << 4 | sum(1 << MATCH_KINDS.index(m) for m in matches) for kind, matches in kinds)


def _kinds_of(code: bytes) -> tuple[tuple[str, frozenset[str]], ...]:
    """The ``kinds`` that _kinds_code wrote as ``code`` (its zero bytes are padding)."""
    return tuple([(_KIND_NAMES[byte >> 4], _MATCH_SETS[byte & 15]) for byte in code if byte])


def summarize_matches(matches: Iterable[NameMatch]) -> NameSummary | None:
    """The summary of these matches, None when there are none (what :meth:`Gazetteer.summary` gives)."""
    rows = [(m.place.kind, m.place.population, _MATCH_RANK[m.match]) for m in matches]
    return _summary(rows) if rows else None


def _summary_of(rows: tuple) -> NameSummary:
    """summarize_matches of the matches of packed index rows (not empty), read off the rows
    (while the index is built: the name store keeps each key's summary)."""
    return _summary([(r[3], r[8], r[9]) for r in rows])


_DEMONYM_RANK = MATCH_KINDS.index("demonym")
_ALTERNATE_RANK = MATCH_KINDS.index("alternate")
# How well a match kind names a place (recognition's order, geo.mentions): by name, then as
# an abbreviation, then by an alternate name.
_PREFERENCE = {MATCH_KINDS.index(m): i for i, m in enumerate(("name", "abbreviation", "alternate"))}
_ABBREVIATION_PREFERENCE = 1


def _summary(rows: list[tuple[str, int, int]]) -> NameSummary:
    """The NameSummary of (place kind, population, match rank) rows, not empty."""
    kinds: dict[str, int] = {}  # place kind -> bit mask of its match kinds
    biggest: dict[int, int] = {}  # best match rank -> population of the biggest place so matched
    places = 0
    demonym = False
    for kind, population, match in rows:
        if match == _DEMONYM_RANK:
            demonym = True
            continue
        kinds[kind] = kinds.get(kind, 0) | 1 << match
        rank = 0 if match == _ALTERNATE_RANK and kind in CURATED_KINDS else _PREFERENCE[match]
        if population > biggest.get(rank, -1):
            biggest[rank] = population
        places += 1
    named = max((population for rank, population in biggest.items() if rank != _ABBREVIATION_PREFERENCE), default=0)
    return NameSummary(tuple((kind, _MATCH_SETS[mask]) for kind, mask in kinds.items()), max(biggest.values(), default=0),
                       places, demonym, None, named)


_new_tuple = tuple.__new__


def _unpack_rows(entry: list) -> tuple:
    """The ranked candidate rows of a memo entry (see Gazetteer._entry), unpacked once."""
    rows = entry[1] = marshal.loads(entry[0][_VALUE_HEAD.size :])
    return rows


def _pack_value(key: str, rows: tuple, zipf: dict[str, float] | None) -> bytes:
    """A name key's value in the name store (see _VALUE_HEAD) from its ranked candidate rows
    and the Zipf frequencies of words (Gazetteer.word_frequency's table: 0.0 for a word it
    lacks; None when the data has none, and the summaries then give none)."""
    kinds, population, places, demonym, _, named = _summary_of(rows)
    rarest = min(zipf.get(word, 0.0) for word in key.split()) if zipf is not None else math.nan
    head = _VALUE_HEAD.pack(_kinds_code(kinds), population, places, demonym, rarest, named)
    return head + marshal.dumps(rows)


def _default_data_dir() -> Path:
    """``$GEO_DATA_DIR``; else the copy of ``data/`` an installed wheel carries (``geo/_data``,
    mapped there by pyproject.toml); else the checkout's top-level ``data/`` (a checkout, or an
    editable install, which has no ``geo/_data``)."""
    env = os.environ.get("GEO_DATA_DIR")
    if env:
        return Path(env)
    package = Path(__file__).resolve().parent
    installed = package / "_data"
    return installed if (installed / "manifest.json").is_file() else package.parent / "data"


def _default_cache_dir() -> Path:
    env = os.environ.get("GEO_CACHE_DIR")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "geo"


class Gazetteer:
    """Places by name, id and country code. Lazy: constructing it opens nothing.

    ``data_dir`` defaults to ``$GEO_DATA_DIR``, else the installed package's copy of
    ``data/``, else the repository's ``data/``;
    ``cache_dir`` (where the SQLite index lives) to ``$GEO_CACHE_DIR``, else
    ``$XDG_CACHE_HOME/geo`` or ``~/.cache/geo``.
    """

    def __init__(self, data_dir: str | Path | None = None, *, cache_dir: str | Path | None = None):
        self.data_dir = Path(data_dir) if data_dir is not None else _default_data_dir()
        self.cache_dir = Path(cache_dir) if cache_dir is not None else _default_cache_dir()
        self._con: sqlite3.Connection | None = None
        self._names: KeyStore | None = None  # name key -> packed ranked candidates
        self._index: Path | None = None
        self._places: dict[int, Place] = {}
        self._capitals: tuple[dict[str, str], frozenset[str]] | None = None  # read once, on first use
        self._given_names: frozenset[str] | None = None  # read once, on first use
        self._lowercase_words: frozenset[str] | None = None  # read once, on first use
        # name key -> (matches, lookup places); and the same by the name as given, which
        # spares name_key() for names seen before.
        self._memo: dict[str, list] = {}  # see _entry()
        self._memo_raw: dict[str, list] = {}
        # known_keys() answers, the keys that name a place and those that do not: a corpus
        # repeats most of its capitalised words and n-grams, and most n-grams name nothing
        # (never in _memo).
        self._named_keys: set[str] = set()
        self._unnamed_keys: set[str] = set()
        self._derived: dict[str, dict[Any, Any]] = {}  # see derived_memo()
        self._kinds: dict[bytes, tuple] = {}  # summary(): the kinds of a summary by their code (_kinds_code)
        self._words: dict[str, float] = {}  # word_frequency() answers
        self._word_source: Any = None  # how word_frequency() finds a word it has not seen

    def __repr__(self) -> str:
        return f"Gazetteer(data_dir={str(self.data_dir)!r}, cache_dir={str(self.cache_dir)!r})"

    # ----------------------------------------------------------------- index

    def index_path(self) -> Path:
        """Where this data directory's index lives (name carries a hash of the artifacts)."""
        manifest = self.data_dir / "manifest.json"
        # marshal's format may change between Python versions: an index per version.
        h = hashlib.sha256(f"v{INDEX_VERSION} py{sys.version_info[0]}.{sys.version_info[1]} m{marshal.version}".encode())
        # Keys are name_key()s: a changed geo/names.py must not reuse an old index.
        h.update(Path(__file__).with_name("names.py").read_bytes())
        try:
            h.update(manifest.read_bytes())
            for name in _ARTIFACTS:
                h.update(f"{name}:{(self.data_dir / name).stat().st_size}".encode())
            words = self.data_dir / _WORDS_ARTIFACT
            if words.exists():
                h.update(f"{_WORDS_ARTIFACT}:{words.stat().st_size}".encode())
        except FileNotFoundError as e:
            raise DataError(f"gazetteer data missing in {self.data_dir}: got no {Path(e.filename).name!r}; run `python -m geo.data build`") from e
        return self.cache_dir / f"gazetteer-{h.hexdigest()[:16]}.sqlite"

    def _db(self) -> sqlite3.Connection:
        if self._con is None:
            path = self.index_path()
            if not path.exists():
                build_index(self.data_dir, path)
            # The name store is renamed into place before the database: a database that
            # exists has its store (a missing one is a damaged cache: rebuild).
            names = _names_path(path)
            if not names.exists():
                build_index(self.data_dir, path)
            self._names = KeyStore(names)
            _mark_used(path)
            self._con = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False)
            # No SQLite mmap: it makes its probes ~10% faster but every page touched then
            # counts in the process's memory (60 -> 138 MB peak in the benchmark).
            self._index = path
        return self._con

    def _name_store(self) -> KeyStore:
        # (``is None``, not truth: a store's truth would call its __len__)
        if self._names is None:
            self._db()
        return self._names  # type: ignore[return-value]

    def ensure_index(self) -> Path:
        """Open the index now, building it first if it is missing; its path.

        For a parent process about to start workers that open the same index: cheap
        when it exists (unlike :meth:`info`, which counts every place).
        """
        self._db()
        assert self._index is not None
        return self._index

    # ----------------------------------------------------------------- places

    def _place(self, row: tuple) -> Place:
        rowid = row[0]
        place = self._places.get(rowid)
        if place is None:
            place = self._places[rowid] = _new_place(row)
        return place

    def _rowid(self, place_id: str) -> int:
        row = self._db().execute("SELECT rowid FROM places WHERE id = ?", (str(place_id),)).fetchone()
        if row is None:
            raise NotFoundError(f"no place with id: got {place_id!r}")
        return row[0]

    def get(self, place_id: str) -> Place:
        """The place with this id; raises :class:`geo.errors.NotFoundError`."""
        row = self._db().execute(
            f"SELECT {_PLACE_COLUMNS} FROM places WHERE id = ?", (str(place_id),)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no place with id: got {place_id!r}")
        return self._place(row)

    def country(self, code: str) -> Place | None:
        """The country with this ISO 3166-1 alpha-2 code, or ``None``."""
        row = self._db().execute(
            f"SELECT {_PLACE_COLUMNS} FROM places WHERE kind = 'country' AND cc = ?",
            (code.strip().upper(),),
        ).fetchone()
        return self._place(row) if row else None

    # ----------------------------------------------------------------- capitals

    def _capital_ids(self) -> tuple[dict[str, str], frozenset[str]]:
        """(country code -> capital's id, the set of those ids) from ``capitals.tsv.gz``.

        Data built before the capitals artifact existed has none: no place is a capital.
        """
        if self._capitals is None:
            path = self.data_dir / "capitals.tsv.gz"
            by_country = {row[0]: row[1] for row in _tsv(path)} if path.exists() else {}
            self._capitals = (by_country, frozenset(by_country.values()))
        return self._capitals

    def is_capital(self, place_id: str) -> bool:
        """Whether the place is a national capital (of a country or dependency). Cheap: a set lookup."""
        return str(place_id) in self._capital_ids()[1]

    def capital(self, country_code: str) -> Place | None:
        """The national capital of the country with this ISO 3166-1 alpha-2 code, or ``None``."""
        pid = self._capital_ids()[0].get(country_code.strip().upper())
        return self.get(pid) if pid is not None else None

    def given_names(self) -> frozenset[str]:
        """Common given names in lower case ("john", "maria"), from ``given_names.tsv.gz``:
        a word that follows one in a text is likely a surname there ("John Clark ... Clark
        said"). Data built before the artifact existed has none."""
        if self._given_names is None:
            path = self.data_dir / "given_names.tsv.gz"
            self._given_names = frozenset(row[0] for row in _tsv(path)) if path.exists() else frozenset()
        return self._given_names

    def lowercase_words(self) -> frozenset[str]:
        """The words of name keys that an English dictionary lists in lower case and not as a
        proper name ("reading", "mobile", "surprise"; not "paris", "milwaukee"), from
        ``lowercase_words.tsv.gz`` (empty when the data has none). Read once, then kept."""
        if self._lowercase_words is None:
            path = self.data_dir / "lowercase_words.tsv.gz"
            self._lowercase_words = frozenset(row[0] for row in _tsv(path)) if path.exists() else frozenset()
        return self._lowercase_words

    # ----------------------------------------------------------------- names

    def _entry(self, name: str) -> list | tuple:
        """``[packed value, rows or None, lookup places or None, matches or None, summary or None]``
        of a name (the value as :func:`_pack_value` writes it; b"" for no name): the rest is
        unpacked or built on first use (lookup() needs no NameMatch, matches() all of them,
        summary() neither, nor the rows). A row is ``(rowid, id, name, kind, lat, lon, cc,
        admin1, pop, match rank, alternate name count)``."""
        entry = self._memo_raw.get(name)
        if entry is not None:
            return entry
        key = name_key(name)
        entry = self._memo.get(key)
        if entry is None:
            packed = self._name_store().get(key)
            entry = _new_entry(packed) if packed is not None else _MISS
            if len(self._memo) >= _CACHE_LIMIT:
                self._memo.clear()
                self._memo_raw.clear()
                self._derived.clear()
            self._memo[key] = entry
        self._memo_raw[name] = entry
        return entry

    def word_frequency(self, word: str) -> float:
        """English Zipf frequency of a word of a name key, as ``wordfreq.zipf_frequency(word, "en")``
        gives it; 0.0 for a word it does not hold.

        Read from ``word_zipf.tsv.gz`` (copied into the index), which holds every word of
        every name key: recognition asks only about those (spans whose key the gazetteer
        knows), so geo needs no wordfreq at run time. Data built before that artifact
        existed asks wordfreq itself (a :class:`geo.errors.DataError` if it is missing).
        """
        value = self._words.get(word)
        if value is None:
            source = self._word_source
            if source is None:
                source = self._word_source = self._word_lookup()
            value = source(word)
            if len(self._words) >= _CACHE_LIMIT:
                self._words.clear()
            self._words[word] = value
        return value

    def _word_lookup(self):
        con = self._db()
        if con.execute("SELECT 1 FROM meta WHERE name = 'words'").fetchone() is not None:
            get, unpack = self._name_store().get, _ZIPF.unpack

            def from_index(word: str) -> float:
                packed = get(_WORD_ENTRY + word)
                return unpack(packed)[0] if packed is not None else 0.0

            return from_index
        try:
            from wordfreq import zipf_frequency
        except ImportError:
            raise DataError(
                f"gazetteer data in {self.data_dir} has no {_WORDS_ARTIFACT!r} and wordfreq is not installed: "
                "run `python -m geo.data build`"
            ) from None
        return lambda word: zipf_frequency(word, "en")

    def derived_memo(self, purpose: str) -> dict[Any, Any]:
        """A dict, one per ``purpose``, where a caller may keep what it derives from this
        instance's answers (geo.candidates keeps each name's ranked candidates): the data
        never changes, so neither do such values. Emptied with the lookup memo; a caller
        bounds what it adds."""
        memo = self._derived.get(purpose)
        if memo is None:
            memo = self._derived[purpose] = {}
        return memo

    def matches(self, name: str) -> tuple[NameMatch, ...]:
        """Every place the name can refer to, with how it matched, best first (see module doc)."""
        entry = self._memo_raw.get(name) or self._entry(name)  # entries are never empty
        found = entry[3]
        if found is None:
            found = entry[3] = _matches_of(entry[1] or _unpack_rows(entry), self._places)
        return found

    def alternate_main_names(self, name: str) -> tuple[str, ...]:
        """The main names of the places the name matches as an alternate name, in
        :meth:`matches`' order: ``[m.place.name for m in self.matches(name) if m.match ==
        "alternate"]`` read off the index rows, without a record per match (recognition asks
        it of names it mostly rejects)."""
        entry = self._memo_raw.get(name) or self._entry(name)
        if not entry[0]:
            return ()
        return tuple([r[2] for r in entry[1] or _unpack_rows(entry) if r[9] == _ALTERNATE_RANK])

    def alternate_name_counts(self, name: str) -> tuple[int, ...]:
        """For each of :meth:`matches` ``(name)``, how many names other than its main name and
        demonyms the place has: a signal of how well known it is (geo.candidates' prior).

        Read off the index rows the matches come from (no query); counted when the index is built.
        """
        entry = self._memo_raw.get(name) or self._entry(name)
        return tuple([r[10] for r in entry[1] or _unpack_rows(entry)]) if entry[0] else ()

    def counted_matches(self, name: str, demonym: bool = False, limit: int | None = None) -> list[tuple[Place, str, int]]:
        """``(m.place, m.match, count)`` for each ``m`` of :meth:`matches` ``(name)`` that is a demonym
        match if ``demonym``, else not, with the :meth:`alternate_name_counts` ``count`` of its
        place, in that order; the first ``limit`` of them. What candidate ranking reads
        (geo.candidates), with no NameMatch, nor a Place for a row past the limit."""
        entry = self._memo_raw.get(name) or self._entry(name)
        if not entry[0]:
            return []
        return _counted_matches_of(entry[1] or _unpack_rows(entry), self._places, demonym, limit)

    def alternate_name_count(self, place_id: str) -> int:
        """How many names other than its main name and demonyms the place has (see
        :meth:`alternate_name_counts`)."""
        row = self._db().execute("SELECT alts FROM places WHERE id = ?", (str(place_id),)).fetchone()
        if row is None:
            raise NotFoundError(f"no place with id: got {place_id!r}")
        return row[0]

    def summary(self, name: str) -> NameSummary | None:
        """What the name's matches say in sum (see :class:`NameSummary`), None when it names
        nothing: ``summarize_matches(self.matches(name))`` without a record per match (the
        mention finder asks it of every name it meets, and rejects most of them)."""
        entry = self._memo_raw.get(name) or self._entry(name)
        found = entry[4]
        if found is None and entry[0]:
            code, population, places, demonym, zipf, named = _VALUE_HEAD.unpack_from(entry[0])
            kinds = self._kinds.get(code)
            if kinds is None:  # (each code's tuple of kinds is built once, and shared)
                kinds = self._kinds[code] = _kinds_of(code)
            found = entry[4] = _new_tuple(NameSummary, (kinds, population, places, demonym, zipf if zipf == zipf else None, named))
        return found

    def lookup(self, name: str, *, limit: int | None = None) -> tuple[Place, ...]:
        """Places the name refers to (demonym matches excluded), best first."""
        entry = self._memo_raw.get(name) or self._entry(name)
        places = entry[2]
        if places is None:
            places = entry[2] = _places_of(entry[1] or _unpack_rows(entry), self._places)
        return places if limit is None else places[:limit]

    def known_keys(self, keys: Iterable[str]) -> frozenset[str]:
        """Which of these name keys (see :func:`geo.names.name_key`) name any place at all."""
        wanted = keys if type(keys) is set or type(keys) is frozenset else set(keys)
        if not wanted:
            return frozenset()
        # Keys already asked are answered by set operations (a corpus repeats most of its
        # n-grams), keys looked up by their memo entries; the rest by one probe each of the
        # name store. (A probe costs about what ruling a multi-word key out by its first word
        # did, from an entry per first word: LGL's new keys took 79 ms with that test, 51 without.)
        named, unnamed, memo = self._named_keys, self._unnamed_keys, self._memo
        known = named & wanted  # (a set, whatever wanted is)
        ask = wanted - named - unnamed  # (not difference_update's way: that walks the bigger set)
        if not ask:
            return frozenset(known)
        looked_up = ask & memo.keys()
        if looked_up:
            known.update([k for k in looked_up if memo[k][0]])  # (a value; b"" for a miss)
            ask -= looked_up
            if not ask:
                return frozenset(known)
        # The values of the keys found are kept as lookups keep them: most are looked up next.
        if len(memo) >= _CACHE_LIMIT - len(ask):
            memo.clear()
            self._memo_raw.clear()
            self._derived.clear()
        found = set()
        for k, packed in self._name_store().get_many(ask):
            if k < _OTHER_ENTRIES_END:  # the store's other entries name nothing
                continue
            found.add(k)
            memo[k] = _new_entry(packed)
        if len(named) + len(unnamed) + len(ask) > _CACHE_LIMIT:
            named.clear()
            unnamed.clear()
        named |= found
        unnamed |= ask - found
        known |= found
        return frozenset(known)

    def _names_of(self, place_id: str, match: str) -> tuple[str, ...]:
        rowid = self._rowid(place_id)
        rows = self._db().execute(
            "SELECT name FROM altnames WHERE place = ? AND match = ? ORDER BY name", (rowid, _MATCH_RANK[match])
        ).fetchall()
        return tuple(r[0] for r in rows)

    def alternate_names(self, place_id: str) -> tuple[str, ...]:
        """Alternate names and abbreviations of a place (not its main name, not demonyms)."""
        return self._names_of(place_id, "alternate") + self._names_of(place_id, "abbreviation")

    def demonyms(self, place_id: str) -> tuple[str, ...]:
        """Demonyms and adjectives of a place ("Azerbaijani")."""
        return self._names_of(place_id, "demonym")

    def outline(self, place_id: str):
        """The place's outline as a shapely geometry, or ``None`` if it has none."""
        import shapely

        rowid = self._rowid(place_id)
        row = self._db().execute("SELECT wkt FROM outlines WHERE place = ?", (rowid,)).fetchone()
        return shapely.from_wkt(row[0]) if row else None

    def info(self) -> dict[str, Any]:
        """Counts and paths: ``{"places", "names", "kinds", "data_dir", "index"}``."""
        con = self._db()
        kinds = dict(con.execute("SELECT kind, COUNT(*) FROM places GROUP BY kind ORDER BY kind").fetchall())
        return {
            "places": sum(kinds.values()),
            "names": con.execute("SELECT value FROM meta WHERE name = 'names'").fetchone()[0],
            "kinds": kinds,
            "data_dir": str(self.data_dir),
            "index": str(self._index),
        }

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None
        if self._names is not None:
            self._names.close()
            self._names = None
        self._memo.clear()
        self._memo_raw.clear()
        self._named_keys.clear()
        self._unnamed_keys.clear()
        self._derived.clear()
        self._kinds.clear()
        self._words.clear()
        self._word_source = None


def default_gazetteer() -> Gazetteer:
    """A new :class:`Gazetteer` on the default data and cache directories.

    Deliberately not a singleton (no module state): keep the instance you get.
    """
    return Gazetteer()


# --------------------------------------------------------------------------- index build


def _tsv(path: Path) -> Iterable[list[str]]:
    with gzip.open(path, "rt", encoding="utf-8", newline="\n") as f:
        next(f, None)  # header
        for line in f:
            yield line.rstrip("\n").split("\t")


_SCHEMA = """
CREATE TABLE places (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT, kind TEXT, lat REAL, lon REAL,
                     cc TEXT, admin1 TEXT, pop INTEGER, rank INTEGER, alts INTEGER NOT NULL DEFAULT 0);
CREATE INDEX places_cc ON places (cc, kind);
CREATE TABLE altnames (place INTEGER, match INTEGER, name TEXT, PRIMARY KEY (place, match, name)) WITHOUT ROWID;
CREATE TABLE outlines (place INTEGER PRIMARY KEY, wkt TEXT);
CREATE TABLE raw (key TEXT, place INTEGER, match INTEGER);
CREATE TABLE meta (name TEXT PRIMARY KEY, value) WITHOUT ROWID;
CREATE TABLE words (word TEXT PRIMARY KEY, zipf REAL) WITHOUT ROWID;
"""

# Rank within a key: kind rank, with an adm1/adm2 moved after the cities when a town of
# the same country and subdivision carries the same key; then population, then id.
_ORDER = """
INSERT INTO names (key, ord, place, match)
SELECT key, ROW_NUMBER() OVER (PARTITION BY key ORDER BY adj, pop DESC, id) - 1, place, match FROM (
  SELECT d.key, d.place, d.match, p.pop, p.id,
         CASE WHEN p.kind IN ('adm1', 'adm2') AND EXISTS (
                SELECT 1 FROM raw r2 JOIN places c ON c.rowid = r2.place
                WHERE r2.key = d.key AND c.kind = 'city' AND c.cc = p.cc AND c.admin1 = p.admin1)
              THEN {city} * 2 + 1 ELSE p.rank * 2 END AS adj
  FROM (SELECT key, place, MIN(match) AS match FROM raw GROUP BY key, place) d
  JOIN places p ON p.rowid = d.place)
"""


#: An index not opened for this many days is deleted when another one is built beside it.
STALE_AFTER_DAYS = 30
_DAY = 86_400


def _mark_used(index: Path) -> None:
    """Record that ``index`` is in use (its mtime; at most once a day): builds of other
    indexes delete only the unused ones. Best effort: a read-only cache just skips it."""
    try:
        if time.time() - index.stat().st_mtime > _DAY:
            os.utime(index)
    except OSError:
        pass


def _remove_stale_indexes(cache_dir: Path, keep: Path) -> None:
    """Delete the indexes in ``cache_dir`` (other data versions, older geo versions) that
    no process has opened for :data:`STALE_AFTER_DAYS` days, and temp files of builds
    that died a day ago or more. A process still using one keeps its open files."""
    now, freed, count = time.time(), 0, 0
    for index in cache_dir.glob("gazetteer-*.sqlite"):
        try:
            if index == keep or now - index.stat().st_mtime < STALE_AFTER_DAYS * _DAY:
                continue
            for part in (index, _names_path(index)):
                if part.exists():
                    freed += part.stat().st_size
                    part.unlink()
            count += 1
        except OSError:
            continue
    for tmp in cache_dir.glob("gazetteer-*.tmp"):
        try:
            if now - tmp.stat().st_mtime > _DAY:
                tmp.unlink()
        except OSError:
            continue
    if count:
        print(f"geo: removed {count} gazetteer index(es) unused for {STALE_AFTER_DAYS} days from {cache_dir} "
              f"({freed / 1e6:.0f} MB)", file=sys.stderr)


def _names_path(index: Path) -> Path:
    """The name store (:mod:`geo.keystore`) that belongs to the SQLite index at ``index``."""
    return index.with_suffix(".names")


def build_index(data_dir: Path, path: Path) -> None:
    """Build the index for ``data_dir``: the SQLite database at ``path`` and its name store
    beside it (atomically: temp files, then renames)."""
    t0 = time.perf_counter()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
        os.close(fd)
        fd, tmp_names = tempfile.mkstemp(prefix=_names_path(path).name + ".", suffix=".tmp", dir=path.parent)
        os.close(fd)
    except OSError as e:
        raise DataError(f"cannot write the gazetteer index in {str(path.parent)!r}: {e}") from e
    print(f"geo: building the gazetteer index in {path} (once; takes about half a minute)", file=sys.stderr)
    try:
        con = sqlite3.connect(tmp)
        con.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -200000;" + _SCHEMA)
        rowids: dict[str, int] = {}

        def place_rows():
            for n, (pid, name, kind, lat, lon, cc, admin1, pop) in enumerate(_tsv(data_dir / "places.tsv.gz"), 1):
                rowids[pid] = n
                yield (n, pid, name, kind, float(lat), float(lon), cc, admin1, int(pop), KIND_RANK[kind])

        # Streamed into SQLite (no big Python lists) to keep the first run's memory low.
        con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,0)", place_rows())
        main_names = con.execute("SELECT rowid, name FROM places").fetchall()
        con.executemany("INSERT INTO raw VALUES (?,?,0)", ((name_key(name), n) for n, name in main_names))
        del main_names
        def alt_rows():  # read twice rather than held: half a million rows cost ~100 MB as a list
            return ((rowids[pid], _MATCH_RANK[m], name) for pid, m, name in _tsv(data_dir / "names.tsv.gz") if pid in rowids)

        con.executemany("INSERT OR IGNORE INTO altnames VALUES (?,?,?)", alt_rows())
        # A prominence signal (geo.candidates): how many other names the sources list for a
        # place; the world knows Paris and Lourdes by many, their namesakes by few or none.
        con.execute(f"UPDATE places SET alts = (SELECT COUNT(*) FROM altnames a WHERE a.place = places.rowid "
                    f"AND a.match != {_MATCH_RANK['demonym']})")
        con.executemany("INSERT INTO raw VALUES (?,?,?)", ((name_key(name), p, m) for p, m, name in alt_rows()))
        con.execute("DELETE FROM raw WHERE key = ''")
        con.executemany(
            "INSERT INTO outlines VALUES (?,?)",
            ((rowids[pid], wkt) for pid, wkt in _tsv(data_dir / "outlines.tsv.gz") if pid in rowids),
        )
        con.executescript(
            "CREATE INDEX raw_key ON raw (key, place);"
            "CREATE TABLE names (key TEXT, ord INTEGER, place INTEGER, match INTEGER, PRIMARY KEY (key, ord)) WITHOUT ROWID;"
        )
        con.execute(_ORDER.format(city=KIND_RANK["city"]))
        con.execute("INSERT INTO meta VALUES ('names', (SELECT COUNT(*) FROM names))")
        words = data_dir / _WORDS_ARTIFACT
        if words.exists():  # the 'words' meta row says the table holds the artifact
            con.executemany("INSERT INTO words VALUES (?,?)", ((w, float(v)) for w, v in _tsv(words)))
            con.execute("INSERT INTO meta VALUES ('words', (SELECT COUNT(*) FROM words))")
        # The name store: per key, its summary and its best MAX_CANDIDATES candidates with
        # their place columns, how each matches and how many other names it has, packed in
        # one value (_pack_value).
        has_words = con.execute("SELECT 1 FROM meta WHERE name = 'words'").fetchone() is not None
        zipf_of = dict(con.execute("SELECT word, zipf FROM words").fetchall()) if has_words else None
        ranked = con.execute(
            f"SELECT n.key, p.rowid, p.id, p.name, p.kind, p.lat, p.lon, p.cc, p.admin1, p.pop, n.match, p.alts "
            f"FROM names n JOIN places p ON p.rowid = n.place WHERE n.ord < {MAX_CANDIDATES} ORDER BY n.key, n.ord"
        )

        def store_entries():
            for key, rows in itertools.groupby(ranked, key=lambda r: r[0]):
                yield key, _pack_value(key, tuple([r[1:] for r in rows]), zipf_of)
            # Word frequencies, a hash probe each (~2 us) instead of a SQLite query (~17 us).
            for word, zipf in con.execute("SELECT word, zipf FROM words ORDER BY word"):
                yield _WORD_ENTRY + word, _ZIPF.pack(zipf)

        write_keystore(tmp_names, store_entries())
        con.executescript("DROP TABLE raw; DROP TABLE names; ANALYZE;")
        con.commit()
        con.execute("VACUUM")
        con.close()
        # mkstemp makes them private; the index is shared, read-only. The store goes first:
        # readers take an existing database to mean a complete index.
        for done, final in ((tmp_names, _names_path(path)), (tmp, path)):
            os.chmod(done, 0o644)
            os.replace(done, final)
    except BaseException:
        for leftover in (tmp, tmp_names):
            try:
                os.unlink(leftover)
            except OSError:
                pass
        raise
    print(f"geo: gazetteer index ready ({time.perf_counter() - t0:.1f} s)", file=sys.stderr)
    _remove_stale_indexes(path.parent, keep=path)
