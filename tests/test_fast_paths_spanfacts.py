"""The per-span features' fast paths give exactly the answers of the plain code they replace
(see benchmarks/throughput.py for the speed)."""

from __future__ import annotations

import difflib
import random

from geo import mentions, product_cues, span_features, team_cues, tokens
from geo.names import SPELLING_RATIO, _matched, name_key, spelling_of


def _plain_spelling_of(name: str, main: str) -> bool:
    # The reference: difflib's matcher, its two cheap upper bounds first.
    matcher = difflib.SequenceMatcher(None, name_key(name), name_key(main), autojunk=False)
    return matcher.real_quick_ratio() >= SPELLING_RATIO and matcher.quick_ratio() >= SPELLING_RATIO \
        and matcher.ratio() >= SPELLING_RATIO


def test_the_matched_characters_are_difflibs():
    rng = random.Random(5)
    # Few letters, so that blocks tie and repeat: difflib's choice among them decides the sum.
    for alphabet, longest in (("ab", 12), ("abc", 16), ("ab ", 20), ("abcdefgh", 25), ("aab", 30)):
        for _ in range(4000):
            a = "".join(rng.choice(alphabet) for _ in range(rng.randrange(longest)))
            b = "".join(rng.choice(alphabet) for _ in range(rng.randrange(longest)))
            blocks = difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
            assert _matched(a, b) == sum(block.size for block in blocks), (a, b)


def test_a_spelling_is_difflibs():
    rng = random.Random(7)
    alphabet = "aeiknrsv -'Éé"
    pairs = [("Kiev", "Kyiv"), ("Victoria", "Hong Kong"), ("Kelbajar", "Kalbajar"), ("", ""), ("", "A"),
             ("Montreal East", "Montréal-Est"), ("MORE", "Morez"), ("Barnabas", "Varnávas")]
    pairs += [("".join(rng.choice(alphabet) for _ in range(rng.randrange(10))),
               "".join(rng.choice(alphabet) for _ in range(rng.randrange(10)))) for _ in range(20000)]
    for name, main in pairs:
        assert spelling_of(name, main) is _plain_spelling_of(name, main), (name, main)


def _strings(alphabet: str, count: int, longest: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest))) for _ in range(count)]


def test_the_word_before_a_later_word_of_a_run_is_the_scans():
    # _span_features reads the word before a run's later word off the run's previous token
    # where it can: the answer _word_before's scan of the text gives.
    rng = random.Random(11)
    texts = _strings("AaBb1 -.,'\t\nofde", 4000, 24, seed=12) + [
        "Port Land", "Gulf of Mexico", "U.S. Land", "St. Louis Land", "B52 Land", "x-Ab Cd", "Ab  Cd", "Ab\tCd"]
    for text in texts:
        for match in tokens._RUN.finditer(text):
            words = tokens.tokenize(text, *match.span())
            for i in range(1, len(words)):
                start = words[i].start
                floor = rng.randint(0, start)  # (the sentence may start within the run)
                run = tokens._Run(words, tuple(map(tokens._word_key, (w.text for w in words))), 0, floor, len(text),
                                  False, "<s>")
                lower = words[i].text.lower()
                facts = span_features._SurfaceFacts(
                    lower, True, ("bias", "words=1", "zipf=3"), False, True, lower, False)
                features = span_features._span_features(run, i, i + 1, start, facts, mentions._Context(
                    text, frozenset(), frozenset()), False)
                prev = tokens._word_before(text, start, floor)
                assert "prev=" + prev in features, (text, i, floor)
                initial = words[i - 1].start < floor and tokens._is_sentence_initial(text, start, floor)
                assert ("initial" in features) == initial, (text, i, floor)


def test_the_named_rules_gates_give_the_plain_answers():
    # The plain tests the gates stand before: the maker's name read backwards over the blanks,
    # the word after a name, the word after a run.
    def maker_before(text: str, start: int) -> bool:
        floor = max(0, start - 40)
        end = start - 1 if start > floor and text[start - 1] == "\n" else start
        j = end
        while j > floor and text[j - 1] in " \t":
            j -= 1
        k = j
        while k > floor and (text[k - 1].isalnum() or text[k - 1] in "_'’-"):
            k -= 1
        word = text[k:j]
        first = next((i for i, ch in enumerate(word) if ch.isascii() and ch.isalpha()), None)
        return j < end and first is not None and word[first:] in product_cues.MAKERS

    def names_a_thing(text: str, start: int, end: int) -> bool:
        if maker_before(text, start):
            return True
        after = product_cues._WORD_AFTER.match(text, end, end + 40)
        if after is None:
            return False
        following = after.group(1)
        return following in product_cues.THING_HEADS or (
            text[start:end] in product_cues.MAKERS and following[0].isupper()
            and following.lower() not in product_cues._PLACE_HEADS)

    def could_be_a_side(text: str, end: int, prev: str) -> bool:
        match = team_cues._NEXT_WORD.match(text, end)
        return prev in team_cues.SIDE_AFTER or (
            match is not None and match.group(1) in team_cues.SIDE_BEFORE)

    rng = random.Random(13)
    words = ["Ford", "Kia", "VW", "Toyota", "a-Ford", "9Ford", "the", "than", "fever", "flu", "feverish", "sauce",
             "beat", "beaten", "beats", "fell", "to", "held", "Sienna", "County", "Land", "x", "", "of"]
    gaps = [" ", "  ", "\t", "\n", " \n", ", ", "-", "", "  \t "]
    for _ in range(20000):
        text = "".join(rng.choice(words) + rng.choice(gaps) for _ in range(rng.randint(1, 6)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert product_cues._maker_before(text, start) == maker_before(text, start), (text, start)
        assert product_cues.names_a_thing(text, start, end) == names_a_thing(text, start, end), (text, start, end)
        prev = rng.choice(["in", "to", "from", "of", "beat"])
        assert team_cues.could_be_a_side(text, end, prev) == could_be_a_side(text, end, prev), (text, end, prev)
