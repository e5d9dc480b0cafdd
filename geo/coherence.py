"""Coherence, the part of resolution (geo.resolve) that reads a text's names together.

A text is about a few countries and states. Each name's reading is pulled towards the
countries and first-level subdivisions that the text's *other* names resolve to; one name
at a time changes its reading, the one that gains most, until none gains. This module
keeps the votes (:class:`_Context`) and what each undecided name needs in every round
(:class:`_Reading`); geo.resolve runs the rounds.
"""

from __future__ import annotations

import functools

from geo.evidence import _key, _round4
from geo.records import Candidate, Place

__all__ = ["COUNTRY_CONTEXT_BONUS", "ADMIN1_CONTEXT_BONUS", "FAR_WEIGHT"]

#: At most this much for lying in the country the rest of the text is about (scaled by its share).
COUNTRY_CONTEXT_BONUS = 0.5
#: At most this much for lying in (or being) a state/province other names of the text lie in.
ADMIN1_CONTEXT_BONUS = 0.35
#: In a text of several paragraphs, how many votes of a name's own paragraph the rest of the
#: text counts as (cast by its shares), however long it is: a file of many stories is read
#: story by story, and a paragraph that names nothing else takes the whole text's context.
FAR_WEIGHT = 1.0


# Kinds that get no bonus for lying in the text's country: they are (or hold) countries.
_NO_COUNTRY_BONUS = ("country", "continent", "macroregion")
#: What a sea, an ocean or a region that lies in no one country counts as for coherence: it
#: fits any text, so a town of the same name ("Atlantic", Iowa) gains nothing over it.
_ANY_COUNTRY = "*"
_NO_VOTES: dict = {}  # (shared, never changed) the votes of a block that has none


def _coherence_facts(place: Place) -> tuple[str, tuple[str, str] | None]:
    """(country, state) a place counts for in coherence: the country is "" where lying in one
    does not count (countries, continents) and _ANY_COUNTRY for a sea or region in none; the
    state (country, key of its name) is the place itself for a state, else the state a town or
    district lies in, or None."""
    kind = place.kind
    if kind == "city" or kind == "adm2":  # (first: most places are towns)
        return place.country_code, ((place.country_code, _key(place.admin1)) if place.admin1 else None)
    country = place.country_code
    if kind == "adm1":
        return country, (country, _key(place.name))
    if kind == "country":
        # A country counts as lying in itself: "Georgia" with Tbilisi is the Caucasus, with
        # Atlanta the state; the text's towns speak for the country that holds them too.
        return country, None
    if kind in _NO_COUNTRY_BONUS:
        return "", None
    return (_ANY_COUNTRY if not country and kind in ("physical", "region") else country), None


def _at_most_one(share: float) -> float:
    """``min(1.0, share)``, without the builtin's call through an iterator of its arguments."""
    return share if share < 1.0 else 1.0


@functools.lru_cache(maxsize=1 << 12)
def _share_of(bonus: float, share: float) -> float:
    """``bonus`` times ``share`` (at most one), rounded as scores are. Memoised (a pure
    function; bounded): votes are 1 or 1/2, so texts ask for the same few shares again and again."""
    return _round4(bonus * _at_most_one(share))


def _add(weights: dict, key, weight: float) -> None:
    """Add ``weight`` to ``weights[key]``; a key whose weight comes to nothing leaves the dict."""
    total = weights.get(key, 0.0) + weight
    if total:
        weights[key] = total
    else:
        del weights[key]


class _Context:
    """The countries and states the names of the text currently resolve to, one vote per
    name, kept up to date as one name changes its reading at a time.

    Votes are 1 or 1/2, so adding and taking them away is exact: the weights are those a
    recount would give.
    """

    def __init__(self, chosen: dict[tuple[str, str], Place], coherence_of: dict[str, tuple[str, tuple[str, str] | None]],
                 block_of: dict[str, int] | None = None):
        self.coherence_of = coherence_of  # place id -> (country, state) for coherence, for every contender
        # For a text of several blocks (paragraphs): each voter's block. Votes from the voter's
        # own block then count in full, the others' FAR_WEIGHT each (see country_bonus).
        self.block_of = block_of
        self.countries_in: dict[int, dict[str, float]] = {}
        self.states_in: dict[int, dict[tuple[str, str], float]] = {}
        self.total_in: dict[int, float] = {}
        self.countries: dict[str, float] = {}
        self.states: dict[tuple[str, str], float] = {}
        self.own_country: dict[tuple[str, str], float] = {}  # (country, name) -> that name's own weight
        self.own_state: dict[tuple[tuple[str, str], str], float] = {}
        self.own_total: dict[str, float] = {}  # name -> its own weight, whatever the country
        # Every name's first vote, cast as _vote() casts it, less its care for weights that come
        # to nothing (here votes only add): this runs for every text, the moves for a few.
        countries, states, own_country, own_state, own_total = (
            self.countries, self.states, self.own_country, self.own_state, self.own_total)
        total = 0.0
        for (name, _kind), place in chosen.items():
            country = place.country_code
            if country:
                w = 1.0 if place.kind == "country" else 0.5
                countries[country] = countries.get(country, 0.0) + w
                pair = (country, name)
                own_country[pair] = own_country.get(pair, 0.0) + w
                own_total[name] = own_total.get(name, 0.0) + w
                total += w
            state = coherence_of[place.id][1]
            if state is not None:
                w = 1.0 if place.kind == "adm1" else 0.5
                states[state] = states.get(state, 0.0) + w
                pair = (state, name)
                own_state[pair] = own_state.get(pair, 0.0) + w
        self.total = total
        if block_of is not None:
            for (name, _kind), place in chosen.items():
                self._vote_in(block_of[name], place, 1.0)
        # (country or state, name) -> the name's bonus there, until a reading changes the votes
        # it stands on: the rounds of coherence and the final scores ask for the same ones.
        self._bonuses: dict[tuple[str | tuple[str, str], str], float | None] = {}

    def _vote(self, name: str, place: Place, sign: float) -> None:
        if place.country_code:
            w = sign * (1.0 if place.kind == "country" else 0.5)
            _add(self.countries, place.country_code, w)
            _add(self.own_country, (place.country_code, name), w)
            _add(self.own_total, name, w)
            self.total += w
        state = self.coherence_of[place.id][1]
        if state is not None:
            w = sign * (1.0 if place.kind == "adm1" else 0.5)
            _add(self.states, state, w)
            _add(self.own_state, (state, name), w)
        if self.block_of is not None:
            self._vote_in(self.block_of[name], place, sign)

    def _vote_in(self, block: int, place: Place, sign: float) -> None:
        """The vote of a name in ``block`` for ``place``, counted in its block's weights."""
        if place.country_code:
            w = sign * (1.0 if place.kind == "country" else 0.5)
            _add(self.countries_in.setdefault(block, {}), place.country_code, w)
            self.total_in[block] = self.total_in.get(block, 0.0) + w
        state = self.coherence_of[place.id][1]
        if state is not None:
            _add(self.states_in.setdefault(block, {}), state, sign * (1.0 if place.kind == "adm1" else 0.5))

    def move(self, name: str, old: Place, new: Place) -> None:
        """``name`` now reads ``new`` instead of ``old``."""
        total = self.total
        self._vote(name, old, -1.0)
        self._vote(name, new, 1.0)
        if self.block_of is not None or self.total != total:
            self._bonuses.clear()  # (every country bonus is a share of a total)
            return
        # The total is as it was (votes are exact): only the bonuses for the countries and
        # states the vote left and joined change, and that for any country (the text's main
        # one); a vote that stays in its country, or in its state with the same weight (a state
        # votes 1 for itself, a town 1/2 for its state), leaves that one's as they were.
        bonuses = self._bonuses
        topics = ()
        if old.country_code != new.country_code:
            topics = (old.country_code, new.country_code, _ANY_COUNTRY)
        old_state, new_state = self.coherence_of[old.id][1], self.coherence_of[new.id][1]
        if old_state != new_state or (old.kind == "adm1") != (new.kind == "adm1"):
            topics += (old_state, new_state)
        if topics:
            for key in [key for key in bonuses if key[0] in topics]:
                del bonuses[key]

    def country_bonus(self, country: str, name: str) -> float | None:
        """Evidence for lying in ``country`` ("" where that does not count), or None."""
        key = (country, name)
        if key in self._bonuses:
            return self._bonuses[key]
        # (worked out here, not by a call: asked for thousands of times a corpus)
        bonus = None
        if self.block_of is not None:
            bonus = self._country_bonus_by_distance(country, name)
        else:
            # The share among the *other* names' votes: a name's own reading must not dilute it
            # ("Florida and Georgia": Florida's vote is all the context Georgia has).
            others = self.total - self.own_total.get(name, 0.0)
            if country and others > 0:
                if country == _ANY_COUNTRY:  # as good as the text's main country
                    weight = max(w - self.own_country.get((c, name), 0.0) for c, w in self.countries.items())
                else:
                    weight = self.countries.get(country, 0.0) - self.own_country.get(key, 0.0)
                if weight > 0:
                    bonus = _share_of(COUNTRY_CONTEXT_BONUS, weight / others)
        self._bonuses[key] = bonus
        return bonus

    def _country_bonus_by_distance(self, country: str, name: str) -> float | None:
        # As country_bonus, with the text beyond the name's block counted as FAR_WEIGHT votes
        # of the block, cast by that text's shares: a name alone in its paragraph takes the
        # text's shares; one among others mostly theirs, however long the text is.
        if not country:
            return None
        block = self.block_of[name]
        near_total = self.total_in.get(block, 0.0)
        far_total = self.total - near_total
        far = FAR_WEIGHT / far_total if far_total > 1e-9 else 0.0  # per vote beyond the block
        others = near_total - self.own_total.get(name, 0.0) + (FAR_WEIGHT if far else 0.0)
        if others <= 1e-9:
            return None
        near_in = self.countries_in.get(block, _NO_VOTES)
        own_country, countries = self.own_country, self.countries
        if country == _ANY_COUNTRY:
            weight = max((near_in.get(c, 0.0) - own_country.get((c, name), 0.0)) + far * (w - near_in.get(c, 0.0))
                         for c, w in countries.items())
        else:
            near = near_in.get(country, 0.0)
            weight = (near - own_country.get((country, name), 0.0)) + far * (countries.get(country, 0.0) - near)
        if weight > 1e-9:
            return _share_of(COUNTRY_CONTEXT_BONUS, weight / others)
        return None

    def state_bonus(self, state: tuple[str, str] | None, name: str) -> float | None:
        """Evidence for lying in (or being) ``state``, or None."""
        key = (state, name)
        if key in self._bonuses:  # (first: callers mostly ask for the states some name lies in)
            return self._bonuses[key]
        if state not in self.states:  # for most candidates it is not (None never is): no more to do
            return None
        # (worked out here, not by a call, as country_bonus's)
        weight = self.states[state] - self.own_state.get(key, 0.0)
        if self.block_of is not None:
            # The text beyond the block counts as FAR_WEIGHT votes cast by its shares, and the
            # weight is a share of the block's other votes and those: the rest of a long file
            # cannot outweigh a paragraph's own names.
            block = self.block_of[name]
            near = self.states_in.get(block, {}).get(state, 0.0)
            near_total = self.total_in.get(block, 0.0)
            far_total = self.total - near_total
            far = FAR_WEIGHT / far_total if far_total > 1e-9 else 0.0
            others = (near_total - self.own_total.get(name, 0.0)) + (FAR_WEIGHT if far else 0.0)
            weight = (near - self.own_state.get(key, 0.0)) + far * (self.states[state] - near)
            weight = weight / others if others > 1e-9 else 0.0
        bonus = self._bonuses[key] = _share_of(ADMIN1_CONTEXT_BONUS, weight) if weight > 1e-9 else None
        return bonus


def _contested(nears: list[tuple[Candidate, ...]]) -> bool:
    """Do a name's mentions have more than one contending place between them?"""
    first = nears[0]
    if len(first) > 1:  # (a tuple holds a place once: two contenders are two places)
        return True
    for near in nears:
        if near is not first:
            return len({c.place.id for near in nears for c in near}) > 1
    return False  # the usual case: one tuple for all mentions, of one contender or none


class _Reading:
    """One undecided name: what its mentions' contenders need in every round, found once."""

    def __init__(self, name: tuple[str, str], nears: list[tuple[Candidate, ...]],
                 coherence_of: dict[str, tuple[str, tuple[str, str] | None]]):
        self.name = name
        # Distinct contenders tuples (mentions of a name mostly share one), and per mention which.
        index: dict[int, int] = {}
        self.tuples: list[tuple[Candidate, ...]] = []
        self.sequence = []
        for near in nears:
            i = index.get(id(near))
            if i is None:
                i = index[id(near)] = len(self.tuples)
                self.tuples.append(near)
            self.sequence.append(i)
        # Per candidate: (prior and local score, its country, its state), the country (""
        # where lying in it does not count) as it is and the state as an index into the list
        # of the distinct ones (a string keeps its hash, a tuple does not): a round finds each
        # bonus once, not once per candidate.
        countries: dict[str, None] = {}
        states: dict[tuple[str, str] | None, int] = {}
        self.rows = []
        for near in self.tuples:
            rows = []
            for c in near:
                country, state = coherence_of[c.place.id]
                countries[country] = None
                rows.append((c.score, country, states.setdefault(state, len(states))))
            self.rows.append(rows)
        self.countries, self.states = countries, list(states)
        self._last: tuple[dict[str, float], list[float], Place | None] | None = None  # the previous round's

    def best(self, context: _Context) -> Place | None:
        """The place with the best total score over the name's mentions, or None if it has none.

        Totals add up mention by mention, in text order; ties go to the best single score.
        """
        name = self.name[0]
        # A missing bonus adds 0: the same sums as adding up the features (none, one or both).
        # (Each move clears the bonuses, and nearly every round follows one: each is asked for.)
        # (a country no name votes for, but for any country, has no bonus: none to look up)
        countries, country_bonus = context.countries, context.country_bonus
        by_country = {country: (country_bonus(country, name) or 0) if country in countries or country == _ANY_COUNTRY else 0
                      for country in self.countries}
        # (a state no other name lies in, the usual case, has no bonus to look up)
        states, state_bonus = context.states, context.state_bonus
        by_state = [(state_bonus(state, name) or 0) if state in states else 0 for state in self.states]
        # A round that changed other names' readings mostly leaves this name's bonuses as they were.
        if self._last is None or self._last[:2] != (by_country, by_state):
            self._last = (by_country, by_state, self._best(by_country, by_state))
        return self._last[2]

    def best_move(self, context: _Context, current: Place) -> tuple[Place | None, float]:
        """The best place (as :meth:`best`) and how much its total beats ``current``'s."""
        place = self.best(context)
        if place is None or place.id == current.id:
            return None, 0.0
        by_country, by_state = self._last[0], self._last[1]
        totals: dict[str, float] = {}
        for i in self.sequence:
            for (score, country, s), cand in zip(self.rows[i], self.tuples[i]):
                if cand.place.id in (place.id, current.id):
                    totals[cand.place.id] = totals.get(cand.place.id, 0.0) + score + (by_country[country] + by_state[s])
        if current.id not in totals:  # the current reading no longer contends
            return place, float("inf")
        return place, totals[place.id] - totals[current.id]

    def _best(self, by_country: dict[str, float], by_state: list[float]) -> Place | None:
        if len(self.tuples) == 1:  # the usual case: every mention has the same contenders
            near = self.tuples[0]
            if not near:
                return None
            single = [score + (by_country[country] + by_state[j]) for score, country, j in self.rows[0]]
            # The total is the score added once per mention, and rounding keeps order: the
            # best total (ties to the best single score, then the first) is the first best score.
            return near[single.index(max(single))].place
        scores = [[score + (by_country[country] + by_state[j]) for score, country, j in rows] for rows in self.rows]
        total: dict[str, float] = {}
        best_single: dict[str, float] = {}
        places: dict[str, Place] = {}
        for i in self.sequence:
            for c, score in zip(self.tuples[i], scores[i]):
                pid = c.place.id
                total[pid] = total.get(pid, 0.0) + score
                seen = best_single.get(pid, score)
                best_single[pid] = score if score > seen else seen  # (max(seen, score))
                places[pid] = c.place
        if not total:
            return None
        return places[max(total, key=lambda pid: (round(total[pid], 6), best_single[pid]))]
