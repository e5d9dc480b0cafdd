"""Build the gazetteer's index from the artifacts in ``data/``: a SQLite database of places,
alternate names, outlines and word frequencies, and beside it the name store
(:mod:`geo.keystore`) of each name key's packed value (:mod:`geo.name_values`).

Built once per data version into the user cache directory, atomically (temp files, then
renames); a build deletes the indexes of other data versions that nothing has opened for
:data:`STALE_AFTER_DAYS` days. geo.gazetteer opens what this writes, read-only.
"""

from __future__ import annotations

import gzip
import itertools
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Iterable

from geo.errors import DataError
from geo.keystore import write_keystore
from geo.name_values import _MATCH_RANK, _WORD_ENTRY, _ZIPF, KIND_RANK, MAX_CANDIDATES, _pack_value
from geo.names import name_key

__all__ = ["build_index", "STALE_AFTER_DAYS", "WORDS_ARTIFACT"]

#: The optional artifact of word frequencies: data built before it existed has none
#: (Gazetteer.word_frequency then asks wordfreq).
WORDS_ARTIFACT = "word_zipf.tsv.gz"


def tsv_rows(path: Path) -> Iterable[list[str]]:
    """The rows of a gzipped TSV artifact of ``data/``, split on tabs, without its header."""
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
            for n, (pid, name, kind, lat, lon, cc, admin1, pop) in enumerate(tsv_rows(data_dir / "places.tsv.gz"), 1):
                rowids[pid] = n
                yield (n, pid, name, kind, float(lat), float(lon), cc, admin1, int(pop), KIND_RANK[kind])

        # Streamed into SQLite (no big Python lists) to keep the first run's memory low.
        con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,0)", place_rows())
        main_names = con.execute("SELECT rowid, name FROM places").fetchall()
        con.executemany("INSERT INTO raw VALUES (?,?,0)", ((name_key(name), n) for n, name in main_names))
        del main_names
        def alt_rows():  # read twice rather than held: half a million rows cost ~100 MB as a list
            return ((rowids[pid], _MATCH_RANK[m], name) for pid, m, name in tsv_rows(data_dir / "names.tsv.gz") if pid in rowids)

        con.executemany("INSERT OR IGNORE INTO altnames VALUES (?,?,?)", alt_rows())
        # A prominence signal (geo.candidates): how many other names the sources list for a
        # place; the world knows Paris and Lourdes by many, their namesakes by few or none.
        con.execute(f"UPDATE places SET alts = (SELECT COUNT(*) FROM altnames a WHERE a.place = places.rowid "
                    f"AND a.match != {_MATCH_RANK['demonym']})")
        con.executemany("INSERT INTO raw VALUES (?,?,?)", ((name_key(name), p, m) for p, m, name in alt_rows()))
        con.execute("DELETE FROM raw WHERE key = ''")
        con.executemany(
            "INSERT INTO outlines VALUES (?,?)",
            ((rowids[pid], wkt) for pid, wkt in tsv_rows(data_dir / "outlines.tsv.gz") if pid in rowids),
        )
        con.executescript(
            "CREATE INDEX raw_key ON raw (key, place);"
            "CREATE TABLE names (key TEXT, ord INTEGER, place INTEGER, match INTEGER, PRIMARY KEY (key, ord)) WITHOUT ROWID;"
        )
        con.execute(_ORDER.format(city=KIND_RANK["city"]))
        con.execute("INSERT INTO meta VALUES ('names', (SELECT COUNT(*) FROM names))")
        words = data_dir / WORDS_ARTIFACT
        if words.exists():  # the 'words' meta row says the table holds the artifact
            con.executemany("INSERT INTO words VALUES (?,?)", ((w, float(v)) for w, v in tsv_rows(words)))
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
