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
How a name's value is packed and read is :mod:`geo.name_values`; how the index is built,
:mod:`geo.index_build`; this module opens it and answers lookups.

It also holds ``word_zipf.tsv.gz``, the English word frequencies of the words of every
name (:meth:`Gazetteer.word_frequency`), which the recognizer's features read.

>>> import tempfile
>>> g = Gazetteer(cache_dir=tempfile.mkdtemp())  # opens nothing yet
>>> g.lookup("Füzuli")[0].id                       # doctest: +SKIP
'148106'
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sqlite3
import sys
from pathlib import Path
from typing import Any, Iterable

from geo.errors import DataError, NotFoundError
from geo.index_build import STALE_AFTER_DAYS, WORDS_ARTIFACT, _mark_used, _names_path, build_index, tsv_rows
from geo.keystore import KeyStore
from geo.name_values import (
    _ALTERNATE_RANK,
    _MATCH_RANK,
    _OTHER_ENTRIES_END,
    _PLACE_COLUMNS,
    _VALUE_HEAD,
    _WORD_ENTRY,
    _ZIPF,
    KIND_RANK,
    MAX_CANDIDATES,
    NameSummary,
    _counted_matches_of,
    _kinds_of,
    _matches_of,
    _new_place,
    _new_tuple,
    _places_of,
    _unpack_rows,
    summarize_matches,
)
from geo.names import name_key
from geo.records import NameMatch, Place

__all__ = ["Gazetteer", "NameSummary", "summarize_matches", "default_gazetteer", "KIND_RANK", "INDEX_VERSION", "MAX_CANDIDATES", "STALE_AFTER_DAYS"]

#: Bump when the index schema or ranking changes, so old cached indexes are not reused.
INDEX_VERSION = 12
_ARTIFACTS = ("places.tsv.gz", "names.tsv.gz", "outlines.tsv.gz")
_CACHE_LIMIT = 200_000  # lookups remembered per instance before the memo is cleared
# What a name that names nothing has (shared, never changed: its records are the empty tuples).
_MISS = (b"", (), (), (), None)


def _new_entry(packed: bytes) -> list:
    """A name's memo entry (see Gazetteer._entry) for the value ``packed`` of its key."""
    return [packed, None, None, None, None]



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
            words = self.data_dir / WORDS_ARTIFACT
            if words.exists():
                h.update(f"{WORDS_ARTIFACT}:{words.stat().st_size}".encode())
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
            by_country = {row[0]: row[1] for row in tsv_rows(path)} if path.exists() else {}
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
            self._given_names = frozenset(row[0] for row in tsv_rows(path)) if path.exists() else frozenset()
        return self._given_names

    def lowercase_words(self) -> frozenset[str]:
        """The words of name keys that an English dictionary lists in lower case and not as a
        proper name ("reading", "mobile", "surprise"; not "paris", "milwaukee"), from
        ``lowercase_words.tsv.gz`` (empty when the data has none). Read once, then kept."""
        if self._lowercase_words is None:
            path = self.data_dir / "lowercase_words.tsv.gz"
            self._lowercase_words = frozenset(row[0] for row in tsv_rows(path)) if path.exists() else frozenset()
        return self._lowercase_words

    # ----------------------------------------------------------------- names

    def _entry(self, name: str) -> list | tuple:
        """``[packed value, rows or None, lookup places or None, matches or None, summary or None]``
        of a name (the value as :func:`_pack_value` writes it; b"" for no name): the rest is
        unpacked or built on first use (lookup() needs no NameMatch, matches() all of them,
        summary() neither, nor the rows). A row is ``(rowid, id, name, kind, lat, lon, cc,
        admin1, pop, match rank, alternate name count)``.

        Callers look in ``_memo_raw`` first (``self._memo_raw.get(name) or self._entry(name)``):
        this finds a name not there."""
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
                f"gazetteer data in {self.data_dir} has no {WORDS_ARTIFACT!r} and wordfreq is not installed: "
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
