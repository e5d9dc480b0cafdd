"""Round 8's fast paths in the named rules (geo.team_cues, geo.span_features) give exactly
the answers of the plain code they stand before."""

from __future__ import annotations

import random
import re

from geo import person_cues, team_cues, tokens

# Verbs of a game (whole, cut short, run into other letters), names, scores and sport words,
# mixed with blanks and punctuation: random sentences full of near misses.
_VERBS = ["beat", "beats", "Beat", "heartbeat", "beaten", "lost", "lost to", "fell", "fell to", "blew", "blew out",
          "traded", "trades", "drafted", "ties", "cities", "tied", "untied", "upset", "held off", "rallied past",
          "drew with", "tops", "stops"]
_NAMES = ["Detroit", "Chicago", "Red Wings", "Boston", "Phoenix", "Sen.", "Ohio Sen. Jane Cole", "Detroit Red Wings",
          "St. Louis", "Wings."]
_OTHERS = ["4-2", "105–98", "overtime", "vote", "to", "from", "with", "in", "at", "the", "x", "", "é"]
_GAPS = [" ", " ", " ", " ", " ", "  ", "\t", "\n", ", ", ". ", "-", "", " (", "\" ", "—", "1"]


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(rng.choice((_VERBS, _NAMES, _NAMES, _OTHERS))) + rng.choice(_GAPS)
                    for _ in range(rng.randint(1, 12))) for _ in range(count)]


def test_a_side_has_its_verb_before_it_or_right_after_it():
    # plays_as_a_team's gate: every side _team_spans finds (or its city before a nickname) has a
    # whole verb before it in the sentence, or right after it (_VERB_AFTER_SIDE), or the
    # sentence starts in lower case.
    rng = random.Random(1)
    sides = 0
    for text in _texts(20000, seed=2):
        # (the sentence starts anywhere: at the text's start, within a word, after a letter)
        floor = rng.choice([0, rng.randint(0, len(text))])
        ceiling = rng.choice([len(text), rng.randint(floor, len(text))])
        for s, e in team_cues._team_spans(text[floor:ceiling]):
            start = floor + s
            ends = [floor + e] + [end for end in range(start + 1, floor + e)
                                  if team_cues._NICKNAME.fullmatch(text, end, floor + e)]
            for end in ends:
                sides += 1
                assert team_cues._WHOLE_VERB.search(text, floor, start) is not None \
                    or text[floor : floor + 1].islower() \
                    or team_cues._VERB_AFTER_SIDE.match(text, end, ceiling) is not None, (text, floor, start, end)
    assert sides > 500


def test_plays_as_a_team_answers_as_its_sentences_sides_say():
    # The plain reading: the span is one of _team_spans' sides, or its city before a nickname.
    rng = random.Random(3)
    teams = 0
    for text in _texts(4000, seed=4):
        floor = rng.choice([0, rng.randint(0, len(text))])
        ceiling = rng.choice([len(text), rng.randint(floor, len(text))])
        spans = team_cues._team_spans(text[floor:ceiling])
        for start in range(floor, ceiling):
            for end in range(start + 1, min(ceiling, start + 12) + 1):
                plain = any(s == start - floor and (e == end - floor or team_cues._NICKNAME.fullmatch(text, end, floor + e))
                            for s, e in spans)
                assert team_cues.plays_as_a_team(text, start, end, floor, ceiling) == plain, (text, start, end)
                teams += plain
    assert teams > 50


def test_the_verbs_grouped_by_first_letter_find_what_a_plain_alternation_finds():
    # team_cues._alternation: the patterns find the very matches of a plain alternation of the
    # verbs, longest first.
    plain = "|".join(sorted((re.escape(v).replace(r"\ ", r"\s+") for v in team_cues.RESULT_VERBS + team_cues.TRADE_VERBS),
                            key=len, reverse=True))
    trades = "|".join(team_cues.TRADE_VERBS)
    patterns = [(team_cues._SUBJECT, re.compile(rf"({team_cues._NAME})\s+(?:{plain})\b")),
                (team_cues._OBJECT, re.compile(rf"\b(?:{plain})\s+({team_cues._NAME}){team_cues._ENDS_OBJECT}")),
                (team_cues._TRADE, re.compile(rf"\b(?:{trades})\b[^.;:!?]*?\b(?:to|from)\s+({team_cues._NAME})"))]
    found = 0
    for text in _texts(4000, seed=9):
        for grouped, general in patterns:
            spans = [m.span(1) for m in grouped.finditer(text)]
            assert spans == [m.span(1) for m in general.finditer(text)], text
            found += len(spans)
    assert found > 1000


def test_a_word_with_connectors_or_the_runs_ends_either_side_is_in_no_persons_name():
    # span_features._plays_or_is_named asks person_in_run only of a word with a word of its
    # run beside it that is no connector: person_in_run's two words lie between connectors.
    from tests.test_fast_paths_p7a import _spans, _texts as _rule_texts

    rng = random.Random(7)
    alone = 0
    for text in _rule_texts(20000, seed=8):
        for run, i, j, start in _spans(text, rng):
            words = run.tokens
            if j != i + 1 or len(words) < 2:
                continue
            if (i == 0 or words[i - 1].text in tokens.CONNECTORS) \
                    and (i + 1 == len(words) or words[i + 1].text in tokens.CONNECTORS):
                alone += 1
                # (every clue given: only the run's shape can say no)
                assert not person_cues.person_in_run(
                    text, words, run.base, i, run.prev, (run.floor, run.ceiling), _EVERYONE, _EVERYONE, frozenset(),
                    _EVERYONE, lambda word: True), (text, start)
    assert alone > 200


class _Everyone:
    """A collection that holds every word (every given name, every surname)."""

    def __contains__(self, word: object) -> bool:
        return True


_EVERYONE = _Everyone()
