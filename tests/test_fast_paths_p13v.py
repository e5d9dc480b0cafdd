"""Recognition's cheap forms say what their plain forms say: geo.casing's hashtag pattern,
which puts its '#' before the look back over it (so the pattern is searched for that character
alone), finds what the pattern that looks back first finds."""

from __future__ import annotations

import re

from geo import casing

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
