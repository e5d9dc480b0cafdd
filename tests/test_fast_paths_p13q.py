"""qualifiers' patterns for the gaps between names match what they matched before (random gaps):
the nouns behind a test of their first letters; the short gaps, "X (Y)", "X is a city in Y",
"X in northern Y" and "the Texas city of X" in one pattern for a gap within a sentence,
without a search for a word "in", "of" or "on" first; a name in a list is told by read_gaps'
lists, as it was by a pattern of its own."""

from __future__ import annotations

import random
import re

from geo import qualifiers
from geo.records import Mention

_PLAIN_NOUN = "(?:" + "|".join(qualifiers.PLACE_NOUNS) + ")"
_WORDS = ["city", "CITY", "Town", "village", "capital", "state", "of", "in", "on", "is", "was", "lies", "a", "the",
          "northern", "north-eastern", "far", "part", "US", "and", "small", "ſtate", "İn", "ın", "cıty", "oblast",
          "Kyiv", "said", "on", "of", "seat", "county", "it", "port", "on"]


def _random_gap(rng: random.Random) -> str:
    gap = rng.choice(["", " ", ", ", ",", " (", "  ", ",in ", ", in ", ",\nin ", " and ", " OR ", " & ", "'s ",
                      "'S ", "’ ", " ( ", "\n(", "  and "])
    for _ in range(rng.randint(0, rng.choice([2, 7]))):  # (a noun-of phrase is two words)
        gap += rng.choice(_WORDS) + rng.choice([" ", " ", "  ", "\n", ", "])
    return gap


def test_the_gap_patterns_match_as_the_plain_patterns_behind_a_phrase_word():
    """What read_gaps asked before: a word "in", "of" or "on" between spaces anywhere in the
    gap, then "X is a city in Y" or "X in northern Y", then "the Texas city of X", each with
    the nouns as a plain alternation."""
    phrase_word = re.compile(r"\s(?:in|of|on)\s", re.IGNORECASE)
    assert _PLAIN_NOUN in qualifiers._NOUN  # (the lookahead stands before the same alternation)
    lookahead = r"(?=[\s\S]*?\s(?:in|of|on)\s)"
    assert qualifiers._IN_DIRECTION.count(lookahead) == 1
    defines = re.compile(qualifiers._DEFINES.replace(qualifiers._NOUN, _PLAIN_NOUN), re.IGNORECASE)
    in_direction = re.compile(qualifiers._IN_DIRECTION.replace(lookahead, ""), re.IGNORECASE)
    noun_of = re.compile(qualifiers._NOUN_OF.replace(qualifiers._NOUN, _PLAIN_NOUN), re.IGNORECASE)
    rng = random.Random(131)
    found = [0, 0, 0]
    for _ in range(30000):
        gap = _random_gap(rng)
        said = phrase_word.search(gap) is not None
        held = said and bool(defines.fullmatch(gap) or in_direction.fullmatch(gap))
        of = said and bool(noun_of.fullmatch(gap))
        assert not (held and of), gap  # (so one pattern tells them apart)
        short = qualifiers._SHORT_GAP.fullmatch(gap)
        if short is not None:
            expected = short.lastgroup  # "comma", "listed" or None ("Y's X")
        elif "(" in gap:
            expected = "bracket" if re.fullmatch(r"\s*\(\s*", gap) else "no match"
        else:
            expected = "held" if held else "noun_of" if of else "no match"
        match = qualifiers._GAP_IN_A_SENTENCE.fullmatch(gap)
        assert (match.lastgroup if match is not None else "no match") == expected, gap
        found[0] += held
        found[1] += of
        found[2] += bool(in_direction.fullmatch(gap)) and not said  # (",in Y": no phrase)
    assert min(found) > 10  # (the random gaps hold each kind of phrase, and ",in Y")


def test_in_list_reads_the_lists_of_read_gaps_as_list_gap_did():
    list_gap = re.compile(r"\s*(?:,|and|or|&)\s*", re.IGNORECASE)

    def plain(text, mentions, i):
        before = i > 0 and list_gap.fullmatch(text, mentions[i - 1].end, mentions[i].start) is not None
        after_next = (i + 2 < len(mentions)
                      and list_gap.fullmatch(text, mentions[i + 1].end, mentions[i + 2].start) is not None)
        return before or after_next

    rng = random.Random(132)
    for _ in range(3000):
        text, mentions = "", []
        for n in range(rng.randint(0, 6)):
            if n:
                text += rng.choice([", ", " and ", " AND ", " or ", " & ", "'s ", " in ", ". ", ",\n", " ", ", and "])
            mentions.append(Mention(len(text), len(text) + 5, "Paris", 0))
            text += "Paris"
        listed = qualifiers.read_gaps(text, tuple(mentions))[1]
        for i in range(len(mentions)):
            assert qualifiers._in_list(listed, i) == plain(text, mentions, i), text


def test_a_town_stands_for_its_district_only_beside_a_district_named_after_a_town():
    """_local_features reads "stands for its district" only where some district is named after
    a town: a text's other names never give a town its district's standing alone."""
    from geo.local_evidence import _local_features, _towns
    from geo.records import Candidate, Place

    rng = random.Random(133)
    stood = 0
    for _ in range(3000):
        cands = tuple(sorted(
            (Candidate(Place(str(k), "Gaza", rng.choice(["city", "city", "adm1", "adm2"]), rng.uniform(30, 32),
                             rng.uniform(34, 35), rng.choice(["PS", "MZ"]), rng.choice(["Gaza", "North"]),
                             rng.choice([100, 10_000, 500_000])), round(rng.uniform(0, 3), 4), ())
             for k in range(rng.randint(1, 5))), key=lambda c: -c.score))
        towns = _towns(cands)
        areas = [c.place for c in cands if c.place.kind == "adm1"][:rng.randint(0, 1)]
        extras = _local_features(rng.choice(["", "", "district"]), cands, areas, towns)
        names = [name for extra in extras for name, _ in extra]
        if "stands for its district" in names:
            stood += 1
            assert "a district named after its town" in names
    assert stood > 20


def test_read_gaps_reads_long_gaps_and_gaps_between_sentences_as_before():
    """Gaps over 120 characters hold no phrase and no "X (Y)", and a gap between sentences
    only a list, however the one pattern for a gap within a sentence matches them."""
    short, bracket = qualifiers._SHORT_GAP, re.compile(r"\s*\(\s*")
    phrase = re.compile(qualifiers._DEFINES + "|" + qualifiers._IN_DIRECTION + "|(?P<noun_of>" + qualifiers._NOUN_OF + ")",
                        re.IGNORECASE)

    def plain(text, mentions):  # read_gaps as it was, before its one pattern
        pairs, listed, by_sentence = {}, [], {}
        for i, mention in enumerate(mentions):
            by_sentence.setdefault(mention.sentence_index, []).append(i)
        for i in range(len(mentions) - 1):
            left, right = mentions[i], mentions[i + 1]
            start, end = left.end, right.start
            found = short.fullmatch(text, start, end)
            if found is not None and found.lastgroup is not None:
                listed.append(i)
            if left.sentence_index != right.sentence_index:
                continue
            if found is not None:
                if found.lastgroup == "comma":
                    pairs.setdefault(i, []).append(i + 1)
                elif found.lastgroup is None:
                    pairs.setdefault(i + 1, []).append(i)
                continue
            gap = text[start:end]
            if end - start > 120:
                continue
            if "(" in gap:
                if bracket.fullmatch(gap) and qualifiers._CLOSE_BRACKET.match(text, right.end):
                    pairs.setdefault(i, []).append(i + 1)
            elif (said := phrase.fullmatch(gap)) is not None:
                if said.lastgroup is None:
                    pairs.setdefault(i, []).append(i + 1)
                elif text[max(0, left.start - 4):left.start].lower().endswith("the "):
                    pairs.setdefault(i + 1, []).append(i)
        return pairs, listed, [run for run in by_sentence.values() if len(run) > 1]

    rng = random.Random(134)
    for _ in range(5000):
        text, mentions, sentence = rng.choice(["", "the "]), [], 0
        for n in range(rng.randint(0, 5)):
            if n:
                text += rng.choice(["", " " * 60, "\n" * 120]) + _random_gap(rng)
                sentence += rng.random() < 0.3
            mentions.append(Mention(len(text), len(text) + 5, "Paris", sentence))
            text += "Paris"
        text += rng.choice(["", ")", " )"])
        assert qualifiers.read_gaps(text, tuple(mentions)) == plain(text, mentions), text
