"""Each mention's own evidence, from its own words and its sentence (part of geo.resolve).

- an explicit qualifier: "Fuzuli, Azerbaijan", "Paris, Texas", "Azerbaijan's Tovuz", and
  the area it qualifies as (geo.qualifiers finds who qualifies whom);
- the other names of its sentence and of a list it stands in (geo.qualifiers);
- a town over the district named after it: "Fuzuli" is the town unless the text says
  "Fuzuli district";
- a dateline names a town: "NEW YORK (AP) —" is the city, not the state.

This evidence never changes once added: geo.resolve adds it first, then the evidence of
the text's other names (neighbours, named states, coherence).
"""

from __future__ import annotations

import re

from geo.distance import haversine_km
from geo.evidence import _key, _round4, _with_each
from geo.qualifiers import contains, listed_areas, qualifying_areas, read_gaps, sentence_areas
from geo.records import Candidate, Mention, Place

__all__ = [
    "QUALIFIER_BONUS",
    "TOWN_OVER_DISTRICT_BONUS",
    "DATELINE_BONUS",
    "DATELINE_ALONE_POPULATION",
    "TOWN_SHARE",
    "SENTENCE_BONUS",
    "ADMIN_WORDS",
]


QUALIFIER_BONUS = 0.8
TOWN_OVER_DISTRICT_BONUS = 0.6
#: For a town named by the dateline a news story opens with ("NEW YORK (AP) —", "BEIRUT
#: (Reuters) -"), at each mention of the name: a dateline names the town the story was
#: filed from, never a state.
DATELINE_BONUS = 0.8
#: A dateline with no state or country after the name ("NEW YORK (AP)", not "SPRINGFIELD,
#: Ill. (AP)") names a city the wire services let stand alone: a big one. So a text that
#: opens "TEXAS - ..." does not make the name a hamlet called Texas.
DATELINE_ALONE_POPULATION = 50_000
#: A town holding at least this share of the people of the district named after it is what
#: the name means, wherever the district's namesakes are.
TOWN_SHARE = 0.5
#: For a reading that holds, or lies in, another name of the mention's sentence ("Ireland's
#: government in Dublin"): the nearest evidence after a qualifier.
SENTENCE_BONUS = 0.3

#: Words after a name that make it the administrative area rather than the town.
ADMIN_WORDS = frozenset(
    "district districts province provinces region regions county counties state states rayon oblast "
    "governorate prefecture municipality department parish territory canton krai okrug voivodeship".split()
)
# What may stand before a dateline's name (the text's start, a bracket) and after it: an
# optional qualifier (", Ill."), then an agency in brackets or a dash.
_BEFORE_DATELINE = re.compile(r"\s*\(?")
_AFTER_DATELINE = re.compile(r"\)?(?:,[^\n(),]{1,30})?\s*(?:\(|[-–—_])")
_NEXT_WORD = re.compile(r"\W*(\w+)")


_TOWN_RULE_KINDS = frozenset(("city", "adm1", "adm2"))
# Kinds that lie in no one area a qualifier names (a qualifier says nothing against them).
_NOT_WITHIN = frozenset(("continent", "macroregion", "physical", "region"))


def _towns(cands: tuple[Candidate, ...]) -> list[Place]:
    """The towns whose district "X district" rules weigh against, or [] when the rule cannot apply.

    "Fuzuli" the town vs "Füzuli" the district around it; not "Armenia" the Colombian town
    vs the country. Only districts and states (adm1/adm2) get the rule's evidence.
    """
    # (one candidate, the usual case, or a first that is no town, district or state: no rule)
    if len(cands) < 2 or cands[0].place.kind not in _TOWN_RULE_KINDS:
        return []
    # Only a mix of towns and areas, all of them towns, districts or states, has a rule to
    # apply: a pass over the kinds, which stops at the first place of another kind, before
    # the towns' features are read (most names are towns alone).
    a_town, an_area = False, False
    for c in cands:
        kind = c.place.kind
        if kind == "city":
            a_town = True
        elif kind == "adm1" or kind == "adm2":
            an_area = True
        else:
            return []
    if not (a_town and an_area):
        return []
    towns = []
    for c in cands:
        if c.place.kind == "city":
            for name, _ in c.features:
                if name == "alternate name":
                    break
            else:
                towns.append(c.place)
    return towns


def _named_after(district: Place, town: Place) -> bool:
    """Whether ``district`` is the area named after ``town``: in its country and within
    100 km of it, or a state or province most of whose people live in the town ("Almaty"
    the region and the city; not "Quebec", whose city holds a small share of the province)."""
    if town.country_code != district.country_code:
        return False
    # (0.9 degrees of latitude are over 100 km: a town further north or south is further away.)
    if abs(town.lat - district.lat) < 0.9 and haversine_km(town.lat, town.lon, district.lat, district.lon) < 100:
        return True
    return district.kind == "adm1" and town.admin1 == district.admin1 and _holds_most_of(town, district)


def _holds_most_of(town: Place, district: Place) -> bool:
    return town.population >= TOWN_SHARE * district.population


def _outgrown(district: Place, town: Place, cands: tuple[Candidate, ...]) -> bool:
    """Whether a city elsewhere named like the town has more people than the town's whole
    district: the name then means that city more likely than the district's town, which keeps
    only its own standing ("Granada" is Spain's city of 230,000, not Nicaragua's town of
    90,000 in its department of 200,000)."""
    for c in cands:  # (a loop: no generator made per call)
        if c.place.kind == "city" and c.place is not town and c.place.population > district.population:
            return True
    return False


def _admin_word(text: str, mention: Mention) -> str:
    """The word after the mention if it makes the name an area ("Fuzuli district"), else ""."""
    next_word = _NEXT_WORD.match(text, mention.end)
    return next_word.group(1).lower() if next_word and next_word.group(1).lower() in ADMIN_WORDS else ""


def _local_features(
    admin_word: str, cands: tuple[Candidate, ...], areas: list[Place], towns: list[Place]
) -> list[list[tuple[str, float]]]:
    """Evidence from the mention's own surroundings, per candidate (qualifiers, "X district")."""
    named_after_a_town: set[int] = set()  # id() of the districts named after one of the towns
    # id() of a town -> the best score of a district named after it, most of whose people it
    # holds: such a town takes over the district's standing, so the district's namesakes
    # elsewhere do not inherit it ("Gaza": the city, not Gaza province of Mozambique).
    standing: dict[int, float] = {}
    if towns and not admin_word:
        for district in cands:
            if district.place.kind not in ("adm1", "adm2"):
                continue
            country, lat, a_state = district.place.country_code, district.place.lat, district.place.kind == "adm1"
            for town in towns:
                # (_named_after asks these first too; here they spare the call for most pairs:
                # only a state may lie 0.9 degrees of latitude or more from its town)
                if town.country_code == country and (a_state or abs(town.lat - lat) < 0.9) \
                        and _named_after(district.place, town):
                    named_after_a_town.add(id(district.place))
                    if _holds_most_of(town, district.place) and district.score > standing.get(id(town), 0.0) \
                            and not _outgrown(district.place, town, cands):
                        standing[id(town)] = district.score
    if not areas and not named_after_a_town and not (admin_word and towns):
        return [[]] * len(cands)  # (nothing to add; one empty list, only read: see _own_features)
    result = []
    for cand in cands:
        place, extra = cand.place, []
        if areas:
            for qualifier in areas:  # (the first that holds the place)
                if contains(qualifier, place):
                    extra.append(("qualified by " + qualifier.name, QUALIFIER_BONUS))
                    break
            else:
                if place.kind not in _NOT_WITHIN:
                    # The text says where the name lies, and this place does not: "Lima, Ohio" is
                    # not Peru's capital however famous; "Russia, Ohio" is not the country.
                    extra.append(("not in " + areas[0].name, -QUALIFIER_BONUS))
        if admin_word and towns and place.kind in ("adm1", "adm2"):
            extra.append(("followed by " + admin_word, TOWN_OVER_DISTRICT_BONUS))
        elif named_after_a_town:  # (else no town stands for a district either: most calls)
            if id(place) in named_after_a_town:
                # The town is meant, not the district named after it; other towns keep their chance.
                extra.append(("a district named after its town", -TOWN_OVER_DISTRICT_BONUS))
            elif id(place) in standing and standing[id(place)] > cand.score:
                extra.append(("stands for its district", _round4(standing[id(place)] - cand.score)))
        result.append(extra)
    return result


def _with_local_evidence(
    text: str, mentions: tuple[Mention, ...], candidates: tuple[tuple[Candidate, ...], ...], own_evidence: dict
) -> tuple[list[tuple[Candidate, ...]], set[int]]:
    """Each mention's candidates with their local evidence added (it never changes: added once),
    and the indices of the mentions whose own words say which place they are (a qualifier,
    the area they qualify, "X district"): one sense per document yields to those.

    A mention with no local evidence keeps its candidates tuple itself, so mentions of a
    name that share a tuple (the pipeline ranks a name once) share the work of later steps.
    ``own_evidence``: id(candidates tuple) -> _own_evidence() of it (see resolve's memo).
    """
    pairs, listed, runs = read_gaps(text, mentions)
    areas_of, holds = qualifying_areas(text, mentions, candidates, pairs, listed)
    in_sentence = listed_areas(text, mentions, candidates, sentence_areas(mentions, candidates, areas_of, runs), listed)
    # The name of the dateline, if the text opens with one: it names a town wherever the text
    # uses it again (one sense per document); without a qualifier, a big town.
    dateline = _dateline(text, mentions[0]) if mentions else None
    # Without a qualifier the evidence depends only on the candidates and the word after the
    # name: mentions alike share one tuple, found once (later steps work per distinct tuple).
    unqualified: dict[tuple[int, str], tuple[Candidate, ...]] = {}
    # (id(candidates), word after) -> _local_features() without a qualifier (_own_features):
    # a name's mentions with evidence of their sentence share it too
    own_features: dict[tuple[int, str], list[list[tuple[str, float]]]] = {}
    by_sentence: dict[tuple, tuple[Candidate, ...]] = {}  # the same for evidence from a sentence
    local: list[tuple[Candidate, ...]] = []
    explicit = set(areas_of) | set(holds) | set(in_sentence)
    said = frozenset(explicit)  # the mentions of which their sentence says something (a few)
    for i, (mention, cands) in enumerate(zip(mentions, candidates)):
        known = own_evidence.get(id(cands))
        if known is None or known[0] is not cands:  # (an id names one tuple only while it lives)
            known = own_evidence[id(cands)] = _own_evidence(cands)
        towns = known[1]
        if i not in said:
            if not towns:
                local.append(cands)
                continue
            admin_word = _admin_word(text, mention)
            if not admin_word:
                local.append(known[3])
                continue
            explicit.add(i)
            hit = unqualified.get((id(cands), admin_word))
            if hit is None:
                hit = unqualified[(id(cands), admin_word)] = _with_each(
                    cands, _own_features(own_features, cands, admin_word, towns))
            local.append(hit)
            continue
        areas = areas_of.get(i, ())
        if i in holds or i in in_sentence:
            # the area that qualifies another name ("Macon, Georgia": the US state); readings
            # that hold or lie in another name of the sentence
            held, near = holds.get(i, {}), in_sentence.get(i, {})
            admin_word = _admin_word(text, mention)
            alike = None
            if not held and not areas:  # the same evidence at another mention: the same tuple
                alike = (id(cands), admin_word, tuple(sorted(near.items())))
                hit = by_sentence.get(alike)
                if hit is not None:
                    local.append(hit)
                    continue
            if areas:
                extras = _local_features(admin_word, cands, areas, towns)
            elif towns:
                extras = _own_features(own_features, cands, admin_word, towns) if admin_word else known[2]
            else:  # (no qualifier and no town: no evidence of the name's own but its sentence's)
                extras = [[]] * len(cands)  # (one empty list: only read)
            extras = [
                extra + [("holds " + held[c.place.id], QUALIFIER_BONUS)] if c.place.id in held
                else extra + [(near[c.place.id], SENTENCE_BONUS)] if c.place.id in near
                else extra
                for c, extra in zip(cands, extras)]
            local.append(_with_each(cands, extras))
            if alike is not None:
                by_sentence[alike] = local[-1]
            continue
        # qualified ("Macon, Georgia": the town)
        local.append(_with_each(cands, _local_features(_admin_word(text, mention), cands, areas, towns)))
    if dateline is not None:
        _add_dateline(local, mentions, _key(mentions[0].text), dateline)
    return local, explicit


def _own_evidence(cands: tuple[Candidate, ...]) -> tuple:
    """What a candidates tuple's local evidence is, whatever the text, as (``cands``, its
    _towns(), the _local_features() of a mention that no word after and no qualifier
    speaks for (None without towns: there are none), ``cands`` with them): pure functions
    of the tuple, which a resolve memo keeps."""
    towns = _towns(cands)
    if not towns:
        return cands, (), None, cands  # (kept: one empty tuple for all, not a list each)
    extras = _local_features("", cands, [], towns)
    return cands, towns, extras, _with_each(cands, extras)


def _own_features(memo: dict, cands: tuple[Candidate, ...], admin_word: str,
                  towns: list[Place]) -> list[list[tuple[str, float]]]:
    """_local_features() of a name without a qualifier, kept in ``memo`` under (id(cands),
    admin_word): it depends on nothing else, and the lists are only read."""
    extras = memo.get((id(cands), admin_word))
    if extras is None:
        extras = memo[(id(cands), admin_word)] = _local_features(admin_word, cands, [], towns)
    return extras


def _add_dateline(local: list[tuple[Candidate, ...]], mentions: tuple[Mention, ...], key: str, smallest: int) -> None:
    """Evidence for the towns (of ``smallest`` people or more) that the dateline's name can
    be, at every mention of that name, on top of each mention's other local evidence; the
    mentions that shared a tuple still do."""
    added: dict[int, tuple[Candidate, ...]] = {}  # id(a mention's tuple) -> it with the evidence
    for i, mention in enumerate(mentions):
        if _key(mention.text) != key:
            continue
        cands = local[i]
        hit = added.get(id(cands))
        if hit is None:
            hit = added[id(cands)] = _with_each(cands, [
                [("dateline", DATELINE_BONUS)] if c.place.kind == "city" and c.place.population >= smallest else []
                for c in cands])
        local[i] = hit


def _dateline(text: str, mention: Mention) -> int | None:
    """If the text opens with ``mention`` as a dateline ("NEW YORK (AP) —", "(BEIRUT) -",
    "SPRINGFIELD, Ill. (AP)"), the least population a town it names can have (0 when a
    qualifier follows the name), else None. Datelines are in capitals; the test reads the
    text's first characters only."""
    if not mention.text.isupper() or _BEFORE_DATELINE.fullmatch(text, 0, mention.start) is None:
        return None
    after = _AFTER_DATELINE.match(text, mention.end)
    if after is None:
        return None
    return 0 if "," in after.group() else DATELINE_ALONE_POPULATION
