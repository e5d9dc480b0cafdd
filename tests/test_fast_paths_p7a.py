"""The per-span loop's fast paths (geo.mentions._find_mentions, geo.span_features) give exactly
the answers of the plain code they replace (see benchmarks/throughput.py for the speed)."""

from __future__ import annotations

import random

from geo import mentions, person_cues, product_cues, span_features, team_cues, tokens

# Words that open or close the named rules, and others that do not, mixed with blanks and
# punctuation: random texts full of near misses.
_WORDS = ["Ford", "Kia", "VW", "Toyota", "Sienna", "Porsche", "Fiat", "a-Ford", "9Ford", "Ford's", "the", "in",
          "at", "a", "an", "to", "from", "of", "and", "fever", "flu", "feverish", "sauce", "beat", "beats", "fell",
          "traded", "drafted", "held", "Detroit", "Chicago", "Paris", "Hilton", "Smith", "said", "her", "County",
          "Lassa", "Brussels", "sprouts", "4-2", "overtime", "Land", "x", "", "’s", "Mr.", "é"]
_GAPS = [" ", " ", " ", "  ", "\t", "\n", " \n", ", ", ". ", "-", "", "  \t ", " (", "\" "]


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_WORDS) + rng.choice(_GAPS) for _ in range(rng.randint(1, 9))) for _ in range(count)]


def _spans(text: str, rng: random.Random):
    """(run, i, j, start) of every span of every capitalised run of ``text``, each run in a
    sentence with a random start (at or before the run) and end (at or after it)."""
    for match in tokens._RUN.finditer(text):
        words = tokens.tokenize(text, *match.span())
        if not words:
            continue
        first = words[0].start
        # (the sentence may start inside the word before the run: "Fi|at Sienna")
        floor = max(0, rng.choice([0, first, rng.randint(0, first), first - 2, first - 3, first - 4]))
        ceiling = rng.choice([len(text), rng.randint(words[-1].end, len(text))])
        prev = tokens._word_before(text, first, floor)
        run = tokens._Run(words, tuple(tokens._word_key(w.text) for w in words), 0, floor, ceiling,
                          tokens._initial_after(text, first, floor, prev), prev)
        for i in range(len(words)):
            for j in range(i + 1, len(words) + 1):
                yield run, i, j, words[i].start


def test_no_maker_before_a_run_after_the_words_that_say_so():
    # product_cues.NO_MAKER_BEFORE: after these words (as the run's "prev"), _maker_before is False.
    rng = random.Random(3)
    said = 0
    for text in _texts(6000, seed=4):
        for run, i, _, start in _spans(text, rng):
            if i == 0 and run.prev in product_cues.NO_MAKER_BEFORE:
                said += 1
                assert not product_cues._maker_before(text, start), (text, start, run.prev)
    assert said > 1000


def _plain_plays_or_is_named(run, i, j, start, facts, context) -> bool:
    # The three rules asked in turn, each whole (what span_features._plays_or_is_named gates).
    text, words = context.text, run.tokens
    end = run.base + words[j - 1].end
    if product_cues.names_a_thing(text, start, end):
        return True
    if facts.one_word and len(words) > 1 and person_cues.person_in_run(
            text, words, run.base, i, run.prev, (run.floor, run.ceiling), context.given_names, context.surnames,
            context.lowercase_words, context.after_title_words,
            lambda word: getattr(context.surface_memo.get(word), "named", False)):
        return True
    end_of_run = end if j == len(words) else run.base + words[-1].end
    return team_cues.could_be_a_side(text, end_of_run, run.prev) and team_cues.plays_as_a_team(
        text, start, end, run.floor, run.ceiling)


def test_the_named_rules_are_asked_wherever_they_could_say_yes():
    rng = random.Random(5)
    said = 0
    for text in _texts(6000, seed=6):
        context = mentions._Context(text, frozenset(), frozenset(), frozenset(), frozenset({"paris", "chicago"}))
        context.surnames = frozenset({"hilton", "smith"})
        for run, i, j, start in _spans(text, rng):
            surface = text[start : run.base + run.tokens[j - 1][1]]  # (a word's end)
            facts = span_features._SurfaceFacts(tokens._word_key(surface), True, ("bias",), False, j == i + 1,
                                                surface.lower(), False)
            expected = _plain_plays_or_is_named(run, i, j, start, facts, context)
            said += expected
            assert span_features._plays_or_is_named(run, i, j, start, facts, context) == expected, (text, i, j)
    assert said > 100
