"""The one pass over the gaps between mentions (geo.qualifiers.read_gaps) finds the lists
_LIST_GAP names (the pattern qualifiers had for lists), and the qualifiers the pass did
before it also found lists (random texts)."""

from __future__ import annotations

import random
import re

from geo import qualifiers
from geo.records import Mention

_LIST_GAP = re.compile(r"\s*(?:,|and|or|&)\s*", re.IGNORECASE)

_GAPS = [", ", " and ", " AND ", " or ", " & ", "'s ", "’ ", " is a city in ", " in northern ", " (",
         " in ", ". ", ",\n", " and the state of ", "", " ", " 's ", ", and ", " city of "]


def _random_text(rng: random.Random) -> tuple[str, tuple[Mention, ...]]:
    text, mentions, sentence = rng.choice(["", "the "]), [], 0
    for n in range(rng.randint(0, 6)):
        if n:
            text += rng.choice(_GAPS)
            sentence += rng.random() < 0.3  # (a sentence may break in any gap)
        name = rng.choice(["Georgia", "Paris", "Texas"])
        mentions.append(Mention(len(text), len(text) + len(name), name, sentence))
        text += name
    return text + rng.choice(["", ")", ") votes"]), tuple(mentions)


def test_read_gaps_lists_the_gaps_list_gap_matches():
    rng = random.Random(11)
    for _ in range(3000):
        text, mentions = _random_text(rng)
        listed = [i for i in range(len(mentions) - 1)
                  if _LIST_GAP.fullmatch(text, mentions[i].end, mentions[i + 1].start)]
        assert qualifiers.read_gaps(text, mentions)[1] == listed, text


def test_read_gaps_finds_the_qualifiers_of_the_pass_before_lists():
    comma_or_possessive = re.compile(r"\s*(?:(,)\s*|['’]s?\s+)")
    held_by_next = re.compile(qualifiers._DEFINES + "|" + qualifiers._IN_DIRECTION, re.IGNORECASE)
    noun_of = re.compile(qualifiers._NOUN_OF, re.IGNORECASE)

    def plain(text, mentions):  # qualifier_pairs as it was, with a pattern of its own for "X, Y" and "Y's X"
        pairs = {}
        for i in range(len(mentions) - 1):
            left, right = mentions[i], mentions[i + 1]
            if left.sentence_index != right.sentence_index:
                continue
            start, end = left.end, right.start
            short = comma_or_possessive.fullmatch(text, start, end)
            if short is not None:
                if short.group(1):
                    pairs.setdefault(i, []).append(i + 1)
                else:
                    pairs.setdefault(i + 1, []).append(i)
                continue
            gap = text[start:end]
            if end - start > 120:
                continue
            if "(" in gap:
                if re.fullmatch(r"\s*\(\s*", gap) and qualifiers._CLOSE_BRACKET.match(text, right.end):
                    pairs.setdefault(i, []).append(i + 1)
            elif held_by_next.fullmatch(gap):
                pairs.setdefault(i, []).append(i + 1)
            elif (noun_of.fullmatch(gap)
                  and text[max(0, left.start - 4):left.start].lower().endswith("the ")):
                pairs.setdefault(i + 1, []).append(i)
        return pairs

    rng = random.Random(12)
    for _ in range(3000):
        text, mentions = _random_text(rng)
        assert qualifiers.read_gaps(text, mentions)[0] == plain(text, mentions), text
        assert qualifiers.qualifier_pairs(text, mentions) == plain(text, mentions), text


def test_no_country_bonus_where_the_text_has_no_votes():
    """resolve asks for a country's bonus only where the text's names vote (or any country):
    the others' bonus is None, in a text of one block or of several, after moves too."""
    from geo.coherence import _ANY_COUNTRY, _coherence_facts, _Context
    from geo.records import Place

    rng = random.Random(13)
    places = [Place(str(i), rng.choice([f"P{i}", "Georgia", "Texas"]),
                    rng.choice(["city", "city", "adm2", "adm1", "country", "physical"]), 0.0, 0.0,
                    rng.choice(["US", "US", "GB", "AZ", ""]), rng.choice(["Georgia", "Texas", "Kent", ""]), 1000)
              for i in range(40)]
    facts = {p.id: _coherence_facts(p) for p in places}
    for _ in range(300):
        chosen = {(f"n{k}", "place"): rng.choice(places) for k in range(rng.randint(1, 7))}
        block_of = {name: rng.randint(0, 2) for name, _kind in chosen} if rng.random() < 0.5 else None
        context = _Context(dict(chosen), facts, block_of)
        for _ in range(rng.randint(0, 4)):
            mover = rng.choice(list(chosen))
            new = rng.choice(places)
            context.move(mover[0], chosen[mover], new)
            chosen[mover] = new
        for name, _kind in chosen:
            for country in ("US", "GB", "AZ", "FR", ""):
                if country not in context.countries and country != _ANY_COUNTRY:
                    assert context.country_bonus(country, name) is None


def test_read_gaps_runs_are_the_sentences_of_two_mentions_or_more():
    rng = random.Random(14)
    for _ in range(3000):
        text, mentions = _random_text(rng)
        by_sentence = {}
        for i, mention in enumerate(mentions):
            by_sentence.setdefault(mention.sentence_index, []).append(i)
        assert qualifiers.read_gaps(text, mentions)[2] == [run for run in by_sentence.values() if len(run) > 1]
