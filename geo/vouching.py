"""Doubtful names their sentence vouches for: two named rules of recognition (geo.mentions).

The recognizer turns down a name it is unsure of; its sentence may still say it is a place:

- **a list** (:func:`accept_listed`): "Bangor, Lewiston and Waterville", "Shusha and Lachin",
  "French and German". A list names things of one kind, so an accepted place beside a doubtful
  whole name vouches for it (a demonym for a demonym), at LISTED_THRESHOLD;
- **a country the sentence names** (:func:`accept_colocated`): "Lenkoran ... from Baku". One of
  the doubtful name's places lies in a country an accepted place of the sentence names without
  doubt (a country's own name, or the name of one place), at COLOCATED_THRESHOLD.

Neither overrules a person or team rule (geo.span_features._plays_or_is_named). ``graded``
holds find_mentions' (start, end, name, grade, run, i, j, facts, n) of each span not ruled out;
``doubtful`` maps the index of each span the model turned down that may be a whole member of a
list (_whole_member) to its features.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from geo.place_cues import places_named
from geo.span_features import _costly_features, _plays_or_is_named
from geo.tokens import _Run

if TYPE_CHECKING:  # (only for annotations: geo.mentions imports this module)
    from geo.mentions import NameIndex, Recognizer, _Context

__all__ = ["accept_listed", "accept_colocated", "LISTED_THRESHOLD", "COLOCATED_THRESHOLD"]

_MEMO_LIMIT = 50_000  # names a memo keeps before it starts again


#: A name in a list with places ("Bangor, Lewiston and Waterville", "Shusha and Lachin", "French
#: and German") is a place when the model gives it this probability or more: a list names
#: things of one kind, so its places vouch for a doubtful member.
LISTED_THRESHOLD = 0.2
# What joins the members of a list: a comma, "and", "or", "as well as", "&" ("A, B, and C").
_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:(?:and|or)\s+)?|\s(?:and|or|as well as|&)\s+)")


def accept_listed(graded: list, doubtful: dict[int, list[str]], text: str, model: Recognizer, context: _Context) -> None:
    """Accept, in ``graded``, the doubtful spans a list joins to a place of their own kind (a
    demonym to a demonym) in the same sentence, when the model gives them LISTED_THRESHOLD or
    more and no person or team rule says otherwise; a span so accepted vouches for its own
    neighbours in turn ("Bangor, Lewiston and Waterville").

    A member is a whole name (_whole_member, which find_mentions asks of a doubtful span before
    it goes into ``doubtful``: a span that is none is never vouched for, by a list or a country).
    A place that is also a given name vouches for nothing: "Harvey, Irma and Maria" and "Peter,
    Paul and Mary" are lists of names."""
    # A span is vouched for only by an accepted neighbour in ``graded``: after the first pass,
    # only the neighbours of the spans a pass accepted can be vouched for anew.
    pending = sorted(doubtful)
    while pending:
        accepted = [k for k in pending if _vouched_in_list(graded, k, text, context.given_names)
                    and _accept_if_likely(graded, k, doubtful, LISTED_THRESHOLD, model, context)]
        pending = sorted({n for k in accepted for n in (k - 1, k + 1) if n in doubtful})


#: A doubtful name the model gives this probability or more is a place when its sentence names,
#: as a place already accepted, the country one of its places lies in (accept_colocated).
COLOCATED_THRESHOLD = 0.2


def accept_colocated(graded: list, doubtful: dict[int, list[str]], model: Recognizer, context: _Context,
                      gazetteer: NameIndex) -> None:
    """Accept, in ``graded``, the doubtful spans one of whose places lies in a country that an
    accepted place of the same sentence is ("Lenkoran ... from Baku"; "Shusha and Lachin were
    returned to Azerbaijan"), when the model gives them COLOCATED_THRESHOLD or more and no
    person or team rule says otherwise. An accepted name vouches only for a country it names
    without doubt: a country's own name, or a name whose places all lie in one country."""
    # The doubtful names a country may vouch for: no demonym (the rule is for places), no
    # person's name (one is as likely beside a country as a town is: "Grant", "Moore").
    given_names, surnames = context.given_names, context.surnames
    asked = []
    for k in sorted(doubtful):
        facts = graded[k][7]
        if not facts.demonym and facts.lower not in given_names and facts.lower not in surnames:
            asked.append(k)
    # Only the sentences that hold one need their accepted places' countries.
    wanted = {graded[k][4].floor for k in asked}
    if not wanted:
        return
    derived_memo = getattr(gazetteer, "derived_memo", None)
    # name -> (countries it vouches for, countries of its places other than countries): names repeat
    memo = derived_memo("colocated countries") if derived_memo is not None else {}
    anchors: dict[int, set[str]] = {}  # sentence start -> countries its accepted places vouch for
    for span in graded:
        # (a name vouches for a country only as a country or as the name of one place: the
        # summary says which, so most accepted names need no lookup; most spans are doubtful or
        # stand in another sentence, so the rest of a span is read only past those tests)
        if span[3] and span[4].floor in wanted:
            facts = span[7]
            if not facts.demonym and not _VOUCHING.isdisjoint(facts.features):
                vouched = _countries_of(span[2], gazetteer, memo)[0]
                if vouched:
                    anchors.setdefault(span[4].floor, set()).update(vouched)
    if not anchors:
        return
    for k in asked:
        near = anchors.get(graded[k][4].floor)
        if near and not near.isdisjoint(_countries_of(graded[k][2], gazetteer, memo)[1]):
            _accept_if_likely(graded, k, doubtful, COLOCATED_THRESHOLD, model, context)


def _accept_if_likely(graded: list, k: int, doubtful: dict[int, list[str]], threshold: float, model: Recognizer,
                      context: _Context) -> bool:
    """Take the doubtful span ``graded[k]`` out of ``doubtful`` and accept it when the model gives
    it ``threshold`` or more (with its costly features, if its grade was settled without them)
    and no person or team rule says otherwise; whether it was accepted."""
    start, end, name, _grade, run, i, j, facts, n = graded[k]
    names = doubtful.pop(k)
    if not any(name.startswith("next=") for name in names):
        _costly_features(run, j, facts, context, names)
    if model.probability(dict.fromkeys([*facts.features, *names], 1.0)) >= threshold \
            and not _plays_or_is_named(run, i, j, start, facts, context):
        graded[k] = (start, end, name, 1, run, i, j, facts, n)
        return True
    return False


_VOUCHING = frozenset({"kind=country", "candidates=1"})


def _countries_of(name: str, gazetteer: NameIndex, memo: dict) -> tuple[frozenset[str], frozenset[str]]:
    """The countries a name vouches for (a country's own name, or a name whose places all lie in
    one country: in practice the name of one place, _VOUCHING) and the countries its places
    other than countries lie in (not as a demonym)."""
    found = memo.get(name)
    if found is None:
        countries, others = set(), set()  # the codes of its countries, of its other places
        for place in places_named(name, gazetteer):
            (countries if place.kind == "country" else others).add(place.country_code)
        if not countries and len(others) == 1:  # (all its places lie in one country)
            countries = others
        if len(memo) >= _MEMO_LIMIT:
            memo.clear()
        found = memo[name] = (frozenset(countries) - _NO_COUNTRY, frozenset(others) - _NO_COUNTRY)
    return found


_NO_COUNTRY = frozenset({""})  # (the country code of a place in none)


def _vouched_in_list(graded: list, k: int, text: str, given_names: frozenset[str]) -> bool:
    """Whether the span ``graded[k]`` stands in a list of its sentence beside an accepted span
    of its own kind (a demonym beside a demonym) that is no given name (see accept_listed)."""
    member = graded[k]
    kind = member[7].demonym
    # The span before it, then the one after (itself between them is doubtful: grade 0). Each
    # pair goes to _listed first span first, as ``graded`` is in text order.
    for other in graded[k - 1 if k else 0 : k + 2]:
        if other[3] and other[7].demonym == kind and other[7].lower not in given_names \
                and (_listed(text, other, member, member[4]) if other[0] < member[0]
                     else _listed(text, member, other, member[4])):
            return True
    return False


def _whole_member(names: list[str], surface: str) -> bool:
    """Whether a span with the features ``names`` (geo.span_features._span_features) and the text
    ``surface`` may be a whole member of a list: not a word of a longer name ("Stoke" of "Stoke
    Newington", "Ayse" of "Ayse Wieting": no capitalised word runs into it, only connectors
    beside it in its run), not an acronym of four letters or fewer ("EU and NATO":
    organisations list as places do)."""
    return "run before" not in names and "run after" not in names and not (surface.isupper() and len(surface) <= 4)


def _listed(text: str, first: tuple, second: tuple, run: _Run) -> bool:
    """Whether two spans, ``first`` before ``second`` in the text, are next to each other in a
    list within one sentence."""
    a_start, a_end, b_start, b_end = first[0], first[1], second[0], second[1]
    if a_start < run.floor or b_end > run.ceiling:
        return False
    joint = _LIST_JOIN.match(text, a_end, b_start)
    return joint is not None and joint.end() == b_start
