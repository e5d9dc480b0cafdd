"""Adding evidence to candidates: what every step of resolution (geo.resolve) shares.

Each step adds named features to candidates (``_with``, ``_with_each``), builds records by
filling their slots (the same records ``Candidate(...)`` builds, without the frozen class's
checked ``__setattr__`` per field: resolution builds thousands per text), and respects one
limit: a town far smaller than the country its name is first (``_outclassed``) is no
contender for the text's other names to pull it to.
"""

from __future__ import annotations

import functools

from geo.names import name_key
from geo.records import Candidate, Place, draft_class
from geo.rounding import round4 as _round4

__all__ = ["OUTCLASS_RATIO"]

#: A country this many times the size of a town or district named like it is what the name
#: means whatever the text's other names are, unless the mention itself says otherwise.
OUTCLASS_RATIO = 1_000
_POINT_KINDS = ("city", "adm2")  # places small enough for "near each other" to mean something


@functools.lru_cache(maxsize=1 << 16)
def _key(name: str) -> str:
    """``name_key``, memoised (a pure function; bounded): names and admin1 names repeat across
    documents. One memo for every step of resolution, so each name is keyed once."""
    return name_key(name)


def _new_candidate(place: Place, score: float, features: tuple[tuple[str, float], ...],
                   _new=object.__new__, _draft=draft_class(Candidate), _cls=Candidate) -> Candidate:
    """``Candidate(place, score, features)`` made from a draft (geo.records.draft_class):
    resolution makes one for every candidate that gains evidence."""
    cand = _new(_draft)
    cand.place = place
    cand.score = score
    cand.features = features
    cand.__class__ = _cls
    return cand


def _with(cand: Candidate, extra) -> Candidate:
    """``cand`` with the features ``extra`` (one or more: callers pass over a candidate that
    gains none) added to its features and score."""
    value = extra[0][1] if len(extra) == 1 else sum([v for _, v in extra])  # (the same sum: 0 + v is v)
    return _new_candidate(cand.place, _round4(cand.score + value), cand.features + tuple(extra))


def _with_each(cands: tuple[Candidate, ...], extras: list[list[tuple[str, float]]]) -> tuple[Candidate, ...]:
    """``cands`` with ``extras[i]`` added to the i-th; the tuple itself when none gains a
    feature (the mentions that share it then share later steps' work too)."""
    if not any(extras):
        return cands
    return tuple([_with(c, extra) if extra else c for c, extra in zip(cands, extras)])


def _outclassed(cand: Candidate, best: Candidate) -> bool:
    """Is ``cand`` a town or district behind ``best``, its name's best reading, a country at
    least OUTCLASS_RATIO times its size? The text's other names cannot make it win: no amount
    of context turns Russia (144 million) into Russia, Ohio (656 people); only the mention's
    own evidence can ("Russia, Ohio" puts the town ahead already). A town of some size stays
    a contender: local news means Lebanon, Indiana by "Lebanon" near Boone County."""
    place = best.place
    return (place.kind == "country" and cand.score < best.score and cand.place.kind in _POINT_KINDS
            and place.population >= OUTCLASS_RATIO * max(cand.place.population, 1))


def _best_of(cands: tuple[Candidate, ...]) -> Candidate:
    """The first of the best-scoring candidates (what max() by score picks).

    A loop, not ``max(cands, key=attrgetter("score"))``: the interpreter reads a slot far
    faster than the C getter does, and max() with a keyword is a costly call (a few times
    the loop's cost for a name's handful of candidates)."""
    if not cands:
        raise ValueError("_best_of() of no candidates")
    best = cands[0]
    top = best.score
    for cand in cands:
        if cand.score > top:  # (strictly: the first of equal scores stays, as with max())
            best, top = cand, cand.score
    return best
