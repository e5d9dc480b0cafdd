"""Stage 4: choose one place (or none) per mention, using what the document itself says.

Evidence added to each candidate's prior (geo.candidates):
- an explicit qualifier: "Fuzuli, Azerbaijan", "Paris, Texas", "Azerbaijan's Tovuz"; the
  other names of the mention's sentence ("Ireland's government in Dublin");
- coherence (geo.coherence keeps its votes): a text is about a few countries and states.
  Each name's reading is pulled towards the countries and first-level subdivisions that the text's
  *other* names resolve to; one name at a time changes its reading, the one
  that gains most, until none gains, so "Gainesville" and "Hall County" meet in
  Georgia and Tovuz lands in Azerbaijan in an article about Azerbaijan;
- neighbours and named states: a town near a town another name can be ("Paris
  and Henry County"), or in a state another name can be ("Albany ... Georgia");
- a town over the district named after it: "Fuzuli" is the town unless the text
  says "Fuzuli district";
- a dateline names a town: "NEW YORK (AP) —" is the city, not the state;
- one sense per document: the same name resolves to the same place throughout.

Every resolution keeps its score, the runner-up candidates and a short reason.

The stage's parts, by job: geo.local_evidence (each mention's own words and sentence: qualifiers,
"X district", the dateline), geo.qualifiers (who qualifies whom, and as which area),
geo.neighbours (neighbours and named states), geo.coherence (the votes and each name's
readings in the rounds), geo.evidence (adding features to candidates, the country guard);
this module runs them in order and settles each mention.
"""

from __future__ import annotations

import operator
import re

from geo.coherence import (
    _ANY_COUNTRY,
    ADMIN1_CONTEXT_BONUS,
    COUNTRY_CONTEXT_BONUS,
    _coherence_facts,
    _contested,
    _Context,
    _Reading,
    _share_of,
)
from geo.evidence import OUTCLASS_RATIO, _best_of, _key, _new_candidate, _outclassed, _round4
from geo.local_evidence import (
    ADMIN_WORDS,
    DATELINE_ALONE_POPULATION,
    DATELINE_BONUS,
    QUALIFIER_BONUS,
    SENTENCE_BONUS,
    TOWN_OVER_DISTRICT_BONUS,
    TOWN_SHARE,
    _with_local_evidence,
)
from geo.neighbours import NEIGHBOUR_BONUS, NEIGHBOUR_KM, STATE_NAMED_BONUS, _with_neighbours, _with_states_named
from geo.qualifiers import QUALIFIER_REACH
from geo.records import Candidate, Mention, Place, Resolution, candidate_rank, draft_class

__all__ = [
    "resolve",
    "QUALIFIER_BONUS",
    "COUNTRY_CONTEXT_BONUS",
    "ADMIN1_CONTEXT_BONUS",
    "TOWN_OVER_DISTRICT_BONUS",
    "DATELINE_BONUS",
    "DATELINE_ALONE_POPULATION",
    "TOWN_SHARE",
    "ADMIN_WORDS",
    "NEIGHBOUR_BONUS",
    "NEIGHBOUR_KM",
    "STATE_NAMED_BONUS",
    "ROUNDS",
    "OUTCLASS_RATIO",
    "SENTENCE_BONUS",
    "TEXT_WEIGHT_BESIDE_OWN_WORDS",
    "BLOCKS_FROM_MENTIONS",
    "QUALIFIER_REACH",
]

#: What the rest of the text's countries and states weigh at a mention whose own words
#: (a qualifier, another name of its sentence) say where it is: evidence weighs by distance.
TEXT_WEIGHT_BESIDE_OWN_WORDS = 0.5
#: Coherence changes one name's reading at a time; it stops when no name gains, or after
#: twice as many changes as names plus ROUNDS (a guard: changes that gain rarely cycle).
ROUNDS = 3
_first = operator.itemgetter(0)


def _contenders(cands: tuple[Candidate, ...], best: Candidate | None, reach: float) -> tuple:
    """(``cands``, its contenders: the candidates coherence, which adds at most ``reach``, can
    make win; the first of its best (``best``, if found already; None when there are no
    candidates); the others, in ranking order): a pure function of the tuple."""
    if len(cands) == 1:  # one candidate: it is the only contender, and the best
        return cands, cands, cands[0], ()
    if best is None and cands:
        best = _best_of(cands)
    floor = (best.score if best is not None else 0.0) - reach
    if best is not None and best.place.kind == "country":
        near = tuple([c for c in cands if c.score >= floor and not _outclassed(c, best)])
        rest = [c for c in cands if c.score < floor or _outclassed(c, best)] if len(near) < len(cands) else ()
    else:
        near = tuple([c for c in cands if c.score >= floor])
        rest = [c for c in cands if c.score < floor] if len(near) < len(cands) else ()
    if len(rest) > 1 and not _falling(rest):
        rest = sorted(rest, key=candidate_rank)
    return cands, near, best, rest


def _text_feature(found: dict, slot, value: float | None, own_words: bool, label: str) -> tuple[float, tuple]:
    """Coherence's evidence ``value`` (a country's or a state's bonus) at a mention, as (value,
    the feature labelled ``label``, or ()), kept in ``found`` under ``slot``."""
    if own_words:  # nearer evidence first: the rest of the text weighs less
        value = _share_of(value, TEXT_WEIGHT_BESIDE_OWN_WORDS) if value else None  # (a weight below one)
    hit = found[slot] = (0, ()) if value is None else (value, ((label, value),))
    return hit


def _falling(cands: list[Candidate]) -> bool:
    """Do the scores fall strictly from each candidate to the next? They are then in
    candidate_rank's order already (its first key decides every pair): a sort is spared
    (the usual case: coherence adds the same to most of a name's contenders)."""
    after_first = iter(cands)  # (each candidate from the second on, read once, not by index)
    last = next(after_first).score
    for cand in after_first:
        score = cand.score
        if not score < last:
            return False
        last = score
    return True


def _new_resolution(mention: Mention, place: Place | None, score: float, candidates: tuple[Candidate, ...],
                    reason: str, _new=object.__new__, _draft=draft_class(Resolution), _cls=Resolution) -> Resolution:
    """``Resolution(mention, place, score, candidates, reason)`` made from a draft
    (geo.records.draft_class): one per mention."""
    resolution = _new(_draft)
    resolution.mention = mention
    resolution.place = place
    resolution.score = score
    resolution.candidates = candidates
    resolution.reason = reason
    resolution.__class__ = _cls
    return resolution


_BLOCK_BREAK = re.compile(r"\n[ \t\r]*\n")


#: A text is read paragraph by paragraph from this many mentions on: a long file of many
#: stories (a newsletter, a day's wire). A shorter text is one story, whatever its paragraphs.
BLOCKS_FROM_MENTIONS = 40


def _blocks(text: str, mentions: tuple[Mention, ...]) -> list[int] | None:
    """Each mention's paragraph (blocks of text between blank lines) in a long text, or
    None (a short text, or one paragraph: then coherence runs as it always did)."""
    if len(mentions) < BLOCKS_FROM_MENTIONS or "\n" not in text:
        return None
    breaks = [m.start() for m in _BLOCK_BREAK.finditer(text, mentions[0].end, mentions[-1].start)]
    if not breaks:
        return None
    blocks, b = [], 0
    for mention in mentions:
        while b < len(breaks) and breaks[b] < mention.start:
            b += 1
        blocks.append(b)
    return blocks


#: The most candidates tuples a resolve memo keeps facts of, per kind of fact, before it is
#: emptied (bounded as the gazetteer's other derived memos are).
MEMO_LIMIT = 4_000


def _memo_part(memo: dict | None, purpose: str) -> dict:
    """The part of a resolve memo for ``purpose`` (emptied once it holds MEMO_LIMIT tuples'
    facts: a text adds at most one per distinct tuple), or a dict of this text's alone."""
    if memo is None:
        return {}
    part = memo.get(purpose)
    if part is None:
        part = memo[purpose] = {}
    elif len(part) >= MEMO_LIMIT:
        part.clear()
    return part


def resolve(
    text: str, mentions: tuple[Mention, ...], candidates: tuple[tuple[Candidate, ...], ...], memo: dict | None = None,
) -> tuple[Resolution, ...]:
    """One resolution per mention, in the same order; ``candidates[i]`` belong to ``mentions[i]``.

    ``memo``: a dict the caller keeps for this function across texts (the pipeline keeps one
    in the gazetteer): what depends on a candidates tuple alone (its towns, its contenders, the
    rest) is then found once per tuple, not once per text, for the tuples that outlive a text
    (the gazetteer keeps each name's). Keyed by id(), each value holds its tuple: an id names
    one object only while it lives. The resolutions are the same with or without it.
    """
    if len(mentions) != len(candidates):
        raise ValueError(f"need one candidate tuple per mention, got {len(candidates)} for {len(mentions)}")
    # Each mention's candidates as a tuple (tuple() of a tuple is the tuple itself: mentions
    # that share one still do).
    candidates = tuple(map(tuple, candidates))
    names = [(_key(m.text), m.kind) for m in mentions]
    own_evidence = _memo_part(memo, "own evidence")
    local, explicit = _with_local_evidence(text, mentions, candidates, own_evidence)
    coherence_of: dict[str, tuple[str, tuple[str, str] | None]] = {}  # place id -> (country, state) for coherence
    # (name, id(candidates)) -> the best of them; the tuples all live on in ``local`` or
    # lived while every later tuple was made (see _with_states_named), so an id names one tuple
    bests: dict[tuple[str, int], Candidate] = {}
    local = _with_states_named(names, _with_neighbours(names, local, bests), coherence_of, bests)
    # A text of several paragraphs is read paragraph by paragraph: one sense per name and
    # paragraph, with the other paragraphs' votes weighing less (geo.coherence.FAR_WEIGHT).
    blocks = _blocks(text, mentions)
    block_of: dict[str, int] | None = None
    if blocks is not None:
        names = [(f"{key}\x1f{block}", kind) for (key, kind), block in zip(names, blocks)]
        block_of = {voter: block for (voter, _kind), block in zip(names, blocks)}
    # Coherence adds at most this much, so a candidate further behind the best can never win.
    reach = COUNTRY_CONTEXT_BONUS + ADMIN1_CONTEXT_BONUS
    # id(local tuple) -> _contenders() of it, for this text; and for the tuples that outlive
    # the text (a name's candidates, or them with its own evidence), across texts
    contenders_of: dict[int, tuple] = {}
    kept_contenders = _memo_part(memo, "contenders")
    # Coherence, settled step by step; each distinct name votes once for its current reading,
    # and a name keeps the reading with the best total over its mentions (one sense per document).
    chosen: dict[tuple[str, str], Place] = {}
    # Each name's contenders, mention by mention (names in order of first mention).
    by_name: dict[tuple[str, str], list[tuple[Candidate, ...]]] = {}
    for name, cands, given in zip(names, local, candidates):
        tuple_id = id(cands)
        hit = contenders_of.get(tuple_id)
        if hit is None:
            hit = kept_contenders.get(tuple_id)
            if hit is None or hit[0] is not cands:
                # (the first of the best scores: found by _with_neighbours, unless evidence has
                # made the tuple since or the name is now its paragraph's)
                hit = _contenders(cands, bests.get((name[0], tuple_id)), reach)
                known = own_evidence.get(id(given))
                if cands is given or known is not None and cands is known[3]:  # (a tuple that outlives the text)
                    kept_contenders[tuple_id] = hit
            contenders_of[tuple_id] = hit
            for c in hit[1]:
                if c.place.id not in coherence_of:
                    coherence_of[c.place.id] = _coherence_facts(c.place)
        near = hit[1]
        nears = by_name.get(name)
        if nears is None:  # (a name's first mention: it has no reading yet)
            by_name[name] = [near]
            if cands:
                chosen[name] = hit[2].place
        else:
            nears.append(near)
            if cands and name not in chosen:
                chosen[name] = hit[2].place
    # Most names have one contending place: their reading is settled from the start, and
    # the rounds need not score them (they still vote through ``chosen``).
    undecided = [_Reading(name, nears, coherence_of) for name, nears in by_name.items() if _contested(nears)]
    context = _Context(chosen, coherence_of, block_of)
    # One name changes its reading at a time, the one that gains most, until none gains: all
    # names changing at once let pairs that lean on each other flip back and forth ("Redding"
    # and "California": each moved to Scotland to join the other's last reading, and back).
    for _ in range(2 * len(undecided) + ROUNDS if undecided else 0):
        move, gain = None, 0.0
        for reading in undecided:
            place, better_by = reading.best_move(context, chosen[reading.name])
            if place is not None and better_by > gain + 1e-9:
                move, gain = (reading.name, place), better_by
        if move is None:
            break
        context.move(move[0][0], chosen[move[0]], move[1])
        chosen[move[0]] = move[1]

    country_bonus, state_bonus = context.country_bonus, context.state_bonus
    context_countries, context_states = context.countries, context.states
    resolutions = []
    # (name, id(local tuple), own words?) -> (best, ordered, reason): the same for every mention that shares them.
    settled: dict[tuple[tuple[str, str], int, bool], tuple[Candidate, tuple[Candidate, ...], str]] = {}
    for i, (mention, name, cands) in enumerate(zip(mentions, names, local)):
        if not cands:
            resolutions.append(_new_resolution(mention, None, 0.0, (), "no gazetteer entry"))
            continue
        own_words = i in explicit
        tuple_id = id(cands)
        alike = (name, tuple_id, own_words)  # (the mentions alike in these settle alike)
        hit = settled.get(alike)
        if hit is None:
            key = name[0]
            _, near, _, rest = contenders_of[tuple_id]
            scored = []
            # country, or (state, whether the place is that state) -> (bonus, its feature):
            # the contenders share a few, found once.
            found: dict = {}
            for cand in near:  # the contenders, with their coherence with the other names' readings
                place = cand.place
                country, state = coherence_of[place.id]
                # (most places lie in no country the text's names are in: no votes there, no
                # bonus to look up; any country, a sea's, is as good as the text's main one)
                if country in context_countries or country == _ANY_COUNTRY:
                    country_value, extra = found.get(country) or _text_feature(
                        found, country, country_bonus(country, key), own_words,
                        "fits any country of the text" if country == _ANY_COUNTRY else "country of the text")
                else:
                    country_value, extra = 0, ()
                # (most places lie in no state the text's names are in: no bonus to look up)
                if state in context_states:
                    is_state = place.kind == "adm1"
                    state_value, state_extra = found.get((state, is_state)) or _text_feature(
                        found, (state, is_state), state_bonus(state, key), own_words,
                        "holds other places of the text" if is_state else "state/province of the text")
                    if state_extra:
                        # The features and their sum, added up as _with() would (0 + a + b is a + b).
                        extra, country_value = (extra + state_extra, country_value + state_value) if extra else (state_extra, state_value)
                scored.append(_new_candidate(place, _round4(cand.score + country_value), cand.features + extra) if extra else cand)
            # Coherence only adds, so every contender still ranks above every other candidate.
            if len(scored) > 1 and not _falling(scored):
                scored.sort(key=candidate_rank)
            scored += rest
            # One sense per document yields to a mention's own evidence ("Paris, Texas" stays
            # in Texas in a text whose other Paris is France's).
            chosen_id = scored[0].place.id if own_words else chosen[name].id
            if scored[0].place.id == chosen_id:
                best, ordered = scored[0], tuple(scored)
            else:
                best = next(c for c in scored if c.place.id == chosen_id)
                ordered = (best,) + tuple([c for c in scored if c is not best])
            reason = ", ".join(map(_first, best.features))  # the features' labels
            hit = settled[alike] = (best, ordered, reason)
        best, ordered, reason = hit
        resolutions.append(_new_resolution(mention, best.place, best.score, ordered, reason))
    return tuple(resolutions)
