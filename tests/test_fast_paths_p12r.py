"""A resolve memo (geo.resolve.resolve's ``memo``, kept across texts) changes no resolution:
texts that share names resolve the same with one as without, when the memo is emptied on
the way, and when it holds an entry under the id of a tuple that has since died."""

from __future__ import annotations

import pytest

from geo import local_evidence, resolve as resolve_module
from geo.candidates import candidates_for_each
from geo.gazetteer import default_gazetteer
from geo.mentions import find_mentions
from geo.resolve import resolve
from geo.sentences import split_sentences

# Names repeat across these texts (as across a day's news): towns named like their districts,
# qualifiers, sentences that place names, a dateline, a paragraph-long text.
_TEXTS = [
    "Shelling hit Fuzuli and Tovuz. Azerbaijan said Tovuz was calm.",
    "FUZULI (AP) - Fuzuli district was shelled again, officials in Baku said.",
    "We drove from Paris, Texas to Dallas. Paris was hot; Texas hotter.",
    "Granada and Gaza were in the news, with Paris and Georgia.",
    "Macon, Georgia is a city in the US state of Georgia. Atlanta is near.",
    "Flooding hit Baku, Azerbaijan on Monday; Tbilisi in Georgia stayed dry.",
    "Almaty and Granada, Nicaragua. Gaza, Paris and Fuzuli district.",
    "Russia and Lebanon met in Paris. Lebanon, Indiana is near Boone County.",
]


def _resolved(texts, memo):
    gz = default_gazetteer()
    found = []
    for text in texts:
        mentions = find_mentions(text, split_sentences(text), gz)
        found.append(resolve(text, mentions, candidates_for_each(mentions, gz), memo))
    return found


def _same(left, right):
    assert len(left) == len(right)
    for ours, theirs in zip(left, right):
        assert ours == theirs
        assert [(r.place, r.score, r.reason, r.candidates) for r in ours] == \
            [(r.place, r.score, r.reason, r.candidates) for r in theirs]


def test_a_memo_kept_across_texts_changes_no_resolution():
    alone = _resolved(_TEXTS * 2, None)
    memo: dict = {}
    _same(_resolved(_TEXTS * 2, memo), alone)
    assert memo["own evidence"] and memo["contenders"]  # (it was used)
    _same(_resolved(_TEXTS, memo), alone[:len(_TEXTS)])  # (every tuple met before)


def test_a_memo_emptied_on_the_way_changes_no_resolution(monkeypatch):
    alone = _resolved(_TEXTS * 2, None)
    monkeypatch.setattr(resolve_module, "MEMO_LIMIT", 3)
    memo: dict = {}
    _same(_resolved(_TEXTS * 2, memo), alone)
    assert all(len(part) < 3 + 20 for part in memo.values())  # (bounded: a text adds a few)


@pytest.mark.parametrize("part", ["own evidence", "contenders"])
def test_an_entry_of_a_tuple_no_longer_alive_is_not_read(part):
    gz = default_gazetteer()
    text = _TEXTS[0]
    mentions = find_mentions(text, split_sentences(text), gz)
    candidates = candidates_for_each(mentions, gz)
    alone = resolve(text, mentions, candidates)
    # Another tuple's facts under each tuple's id: what the memo would hold had a tuple died
    # and a new one been made at its address.
    other = candidates_for_each(find_mentions("Dallas", split_sentences("Dallas"), gz), gz)[0]
    stale = local_evidence._own_evidence(other) if part == "own evidence" else \
        resolve_module._contenders(other, None, 1.0)
    memo = {part: {id(cands): stale for cands in candidates}}
    _same([resolve(text, mentions, candidates, memo)], [alone])
