"""Recognition's cheap forms say what their plain forms say: geo.casing's hashtag pattern,
which puts its '#' before the look back over it (so the pattern is searched for that character
alone), finds what the pattern that looks back first finds; casing._view, which copies the
characters of a text only where some change and keeps the sentences before the first space it
puts in, makes the copy the plain character-by-character reading makes; a one-word name's
NameSummary holds the frequency Gazetteer.word_frequency gives its word (geo.place_cues.famous_by_name
reads it)."""

from __future__ import annotations

import random
import re
from bisect import bisect_right

from geo import casing
from geo.gazetteer import default_gazetteer
from geo.names import name_key
from geo.place_cues import famous_by_name
from geo.records import Sentence
from geo.sentences import split_sentences

# The plain form: '#' not inside a word (not "C#", not "&#39;"), then a letter and word characters.
_PLAIN_HASHTAG = re.compile(r"(?<![\w&])#([^\W\d_][^\W_]*(?:_[^\W_]+)*)")

_TAGGED = [
    "#PuertoRico", "x#a", "&#39;", "floods in #puertorico and #NewYorkCity", "C# and F#", "##a", "#_a", "#a_b_c",
    "é#x", "(#x)", "#", "a #1x", "#x#y", "\n#é", "#PrayForParis!", "at #2 on the list", "&#x27;#Baku_2024",
    "Rubio tweeted #SecretaryOfState - MR", "_#tag", "#tag_ #tag__x", "",
]


def _found(pattern, text):
    return [(m.span(), m.span(1), m.group(1)) for m in pattern.finditer(text)]


def test_the_hashtag_pattern_finds_what_the_look_back_first_finds():
    for text in _TAGGED:
        assert _found(casing._HASHTAG, text) == _found(_PLAIN_HASHTAG, text), text
        assert (casing._HASHTAG.search(text) is None) == (_PLAIN_HASHTAG.search(text) is None)
    assert _found(casing._HASHTAG, "x #a") == [((2, 4), (3, 4), "a")]  # (the match starts at the '#')


# Names _says_place asks famous_by_name about, and a few more: big places, common words, people.
_FAMOUS_ASKED = ["Detroit", "Vancouver", "Winnipeg", "Paris", "Mobile", "Reading", "Tokyo", "Baku", "Kennedy",
                 "Brent", "Ten", "Drug", "Molotov", "Saskatoon", "Toronto", "Georgia", "Jordan", "Nice", "Houston",
                 "Aleppo", "Kyiv", "Kiev", "Mexico", "China", "Europe", "Texas", "Alberta", "Calgary", "Edmonton"]


def test_a_summary_holds_the_frequency_of_a_one_word_key():
    # famous_by_name reads a one-word name's frequency off its NameSummary (mentions._says_place
    # passes it) instead of asking Gazetteer.word_frequency: the index wrote it from that table.
    gz = default_gazetteer()
    for name in _FAMOUS_ASKED:
        summary = gz.summary(name)
        assert summary is not None and summary.zipf == gz.word_frequency(name_key(name)), name
        assert famous_by_name(name, gz.matches(name), gz.word_frequency, summary.zipf) == \
            famous_by_name(name, gz.matches(name), gz.word_frequency), name
    # (a key of two words: the summary's is the rarer word's, so the key's own is asked)
    asked = []
    famous_by_name("Winston-salem", gz.matches("Detroit"), lambda w: asked.append(w) or 9.0, 0.0)
    assert asked == ["winston salem"]


def _plain_view(text, sentences, upper, spaces, inserts):
    # casing._view read character by character: the copy, its sentences and, for each offset of
    # the copy and one past its end, the original's (an inserted space: of the character after it).
    chars = list(text)
    for i in spaces:
        chars[i] = " "
    for i in upper:
        capital = chars[i].upper()
        if len(capital) == 1:
            chars[i] = capital
    pieces, to_original, previous = [], [], 0
    for i in sorted(inserts):
        pieces.append("".join(chars[previous:i]))
        to_original.extend(range(previous, i))
        pieces.append(" ")
        to_original.append(i)
        previous = i
    pieces.append("".join(chars[previous:]))
    to_original.extend(range(previous, len(text) + 1))
    # (the copy's offset of an original offset: the last that maps to it)
    moved = tuple(Sentence(s.index, bisect_right(to_original, s.start) - 1, bisect_right(to_original, s.end) - 1)
                  for s in sentences)
    return "".join(pieces), moved, to_original


def test_the_view_is_the_plain_reading():
    rng = random.Random(13)
    words = ["floods", "in", "bangladesh", "#PuertoRico", "NewYork", "ß", "straße", "Tokyo.", "said", "a", "\n", "."]
    for _ in range(2000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 12)))
        sentences = tuple(split_sentences(text))
        offsets = range(len(text) + 1)
        upper = set(rng.sample(range(len(text)), rng.randint(0, min(3, len(text)))))
        spaces = set(rng.sample(range(len(text)), rng.randint(0, min(2, len(text)))))
        inserts = set(rng.sample(offsets, rng.randint(0, min(3, len(offsets)))))
        for args in ((upper, spaces, inserts), (set(), set(), inserts), (upper, spaces, set())):
            view = casing._view(text, sentences, *args)
            if not any(args):
                assert view is None
                continue
            copy, moved, to_original = _plain_view(text, sentences, *args)
            assert (view.text, view.sentences) == (copy, moved), (text, args)
            assert [view.original(i) for i in range(len(copy) + 1)] == to_original, (text, args)
            assert [view.original_end(i) for i in range(1, len(copy) + 1)] == [to_original[i - 1] + 1 for i in range(1, len(copy) + 1)]
