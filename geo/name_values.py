"""A name's value in the gazetteer's name store: how the index build packs it and how lookups read it.

Per name key the store (:mod:`geo.keystore`) holds one value: the key's :class:`NameSummary`
packed as fixed fields (what recognition asks of a name: kinds, biggest population, the
frequency of its rarest word), then its ranked candidate rows (``marshal``), each with its
place's columns, how the name matches it and how many other names the place has. The summary
reads without unpacking the rows; rows become records (Place, NameMatch) only when asked.
Beside the name keys the store keeps each word's Zipf frequency (:data:`_WORD_ENTRY`).

geo.index_build writes values with :func:`_pack_value`; geo.gazetteer reads them.
"""

from __future__ import annotations

import dataclasses
import marshal
import math
import struct
from typing import Iterable, NamedTuple

from geo.records import CURATED_KINDS, MATCH_KINDS, NameMatch, Place, draft_class

__all__ = ["NameSummary", "summarize_matches", "KIND_RANK", "MAX_CANDIDATES"]

#: Kind order of the ranking prior (lower ranks first).
KIND_RANK = {k: i for i, k in enumerate(("country", "adm1", "continent", "region", "physical", "macroregion", "city", "adm2", "airport"))}
#: Places kept per name key, best first (see the module doc).
MAX_CANDIDATES = 100
_MATCH_RANK = {m: i for i, m in enumerate(MATCH_KINDS)}
assert MATCH_KINDS[3] == "demonym"  # _places_of tests the rank, not the string


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

    # (each Place is made once per gazetteer and then reused through ``places``: the three
    # loops below call _new_place rather than repeat its field stores)
    def _places_of(rows: tuple, places: dict[int, Place]) -> tuple[Place, ...]:
        """The non-demonym places of packed index rows; Places reused through ``places``."""
        named = []
        for r in rows:
            if r[9] != 3:  # MATCH_KINDS[3] == "demonym"
                p = places.get(r[0])
                if p is None:
                    p = places[r[0]] = _new_place(r)
                named.append(p)
        return tuple(named)

    def _matches_of(rows: tuple, places: dict[int, Place], _new=object.__new__, _MD=_MatchDraft, _N=NameMatch,
                    _kinds=MATCH_KINDS) -> tuple[NameMatch, ...]:
        """The matches of packed index rows; Places reused through ``places``."""
        found = []
        for r in rows:
            p = places.get(r[0])
            if p is None:
                p = places[r[0]] = _new_place(r)
            m = _new(_MD)
            m.place = p
            m.match = _kinds[r[9]]
            m.__class__ = _N
            found.append(m)
        return tuple(found)

    def _counted_matches_of(rows: tuple, places: dict[int, Place], demonym: bool, limit: int | None,
                            _kinds=MATCH_KINDS) -> list[tuple[Place, str, int]]:
        """Gazetteer.counted_matches of packed index rows; Places reused through ``places``."""
        found = []
        for r in rows:
            if (r[9] == 3) is demonym:  # MATCH_KINDS[3] == "demonym"
                if len(found) == limit:
                    break
                p = places.get(r[0])
                if p is None:
                    p = places[r[0]] = _new_place(r)
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
