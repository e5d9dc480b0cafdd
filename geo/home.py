"""Between candidates and resolution: the reader's home area, when the caller knows it.

A local paper writes "Paris" and "Columbus" for the towns its readers know, and it
seldom names its own state: nothing in the text tells the Paris in Tennessee from the
one in France. A newsroom that maps its own archive knows where its readers live
(``geo map --near Tennessee``); that home area adds a little to each candidate lying in
it, before the text's own evidence is weighed. The bonuses are small on purpose: a
qualifier ("Paris, France") or a text about another country still wins.
"""

from __future__ import annotations

from geo.names import name_key
from geo.records import Candidate, Place, candidate_rank

__all__ = ["with_home", "HOME_COUNTRY_BONUS", "HOME_STATE_BONUS"]

#: For a town, district, state or feature in the home area's country ...
HOME_COUNTRY_BONUS = 0.2
#: ... and this much more in its state or province (when the home area has one).
HOME_STATE_BONUS = 0.3
# Kinds that are (or hold) countries: a country named is that country wherever the reader is.
_NO_BONUS = ("country", "continent", "macroregion")


def _state_of(place: Place) -> str:
    """The key of the state a place is or lies in ("" for none)."""
    if place.kind == "adm1":
        return name_key(place.name)
    return name_key(place.admin1) if place.admin1 and place.kind not in _NO_BONUS else ""


def with_home(candidates: tuple[Candidate, ...], home: Place) -> tuple[Candidate, ...]:
    """``candidates`` with evidence for lying in ``home``'s country and state, best first.

    >>> home = Place("4662168", "Tennessee", "adm1", 35.75, -86.25, "US", "Tennessee", 6_346_105)
    >>> france = Candidate(Place("2988507", "Paris", "city", 48.85, 2.35, "FR", "Île-de-France", 2_138_551), 0.92, ())
    >>> tennessee = Candidate(Place("4647963", "Paris", "city", 36.30, -88.33, "US", "Tennessee", 10_156), 0.66, ())
    >>> [(c.place.country_code, c.score) for c in with_home((france, tennessee), home)]
    [('US', 1.16), ('FR', 0.92)]
    """
    country = home.country_code
    state = _state_of(home)
    if not country:  # a sea or a continent: no country to favour
        return candidates
    result = []
    for cand in candidates:
        place = cand.place
        if place.kind in _NO_BONUS or place.country_code != country:
            result.append(cand)
            continue
        extra = [("home country " + country, HOME_COUNTRY_BONUS)]
        if state and _state_of(place) == state:
            extra.append(("home state " + (home.name if home.kind == "adm1" else home.admin1), HOME_STATE_BONUS))
        score = round(cand.score + sum(value for _, value in extra), 4)
        result.append(Candidate(place, score, cand.features + tuple(extra)))
    result.sort(key=candidate_rank)
    return tuple(result)
