"""Stage 1: split a text into sentences with character offsets, aware of news text.

A period ends a sentence only when it is not part of an abbreviation ("Jan. 26",
"Sept. 27", "Col.", "U.S.", "W.Va.", initials such as "J. R."), and the next
word starts like a sentence. Blank lines always end a sentence, and so does a
line break after a line that looks finished (a dateline, a heading).

>>> text = "Fuzuli, Azerbaijan, Jan. 26\\n\\nCol. J. Smith met U.S. envoys. They left."
>>> [text[s.start:s.end] for s in split_sentences(text)]
['Fuzuli, Azerbaijan, Jan. 26', 'Col. J. Smith met U.S. envoys.', 'They left.']
"""

from __future__ import annotations

import re

from geo.records import Sentence, draft_class

__all__ = ["split_sentences", "ABBREVIATIONS"]

#: Words that end with a period without ending the sentence (compared lower-case, no dot).
ABBREVIATIONS = frozenset(
    """
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    mr mrs ms dr prof rev fr sr jr st mt ft messrs mme mlle
    col gen lt maj capt cpt sgt cpl pvt adm cmdr cdr brig
    gov sen rep pres supt insp det atty hon amb
    inc corp co ltd llc bros dept univ assn assoc est
    no nos vol pp fig approx vs etc al ca cf
    ave blvd rd hwy rte ste apt
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn
    miss mo mont neb nebr nev okla ore pa penn tenn tex va vt wash wis wisc wyo
    """.split()
)

# Ends a sentence: a run of . ! or ? (with closing quotes/brackets), then space and what
# starts a sentence (an opening quote or bracket, a capital or a digit). The look-ahead rules
# most marks out inside the regex: every match ends at the space after the mark, so nothing
# is lost. Found in two scans: the runs that start with a period, then (in the few
# texts with any) those that start with ! or ?. A pattern that starts with one literal
# character is searched for several times faster than one that starts with a class. A match
# is a whole run of marks (the look-ahead needs a space right after it): one of a scan that
# starts inside a run the other scan finds is passed by. Group 1, the space after the
# marks, ends where the next sentence starts (_split_one_line reads it).
_BOUNDARY_TAIL = r"""[.!?]*["'”’)\]]*(?=(\s+)["'“‘(\[]*[A-Z0-9])"""
_PERIOD_BOUNDARY = re.compile(r"\." + _BOUNDARY_TAIL)
_MARK_BOUNDARY = re.compile(r"[!?]" + _BOUNDARY_TAIL)
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n\s*")  # \r: a CRLF file's blank line
_SPACE = re.compile(r"\s*")  # (\s: the characters str.isspace() is true of)


def _new_sentence(index: int, start: int, end: int, _new=object.__new__, _draft=draft_class(Sentence),
                  _cls=Sentence) -> Sentence:
    """``Sentence(index, start, end)`` made from a draft (geo.records.draft_class): a split
    makes a record per sentence."""
    sentence = _new(_draft)
    sentence.index = index
    sentence.start = start
    sentence.end = end
    sentence.__class__ = _cls
    return sentence


def _is_abbreviation(text: str, dot: int) -> bool:
    """Is the period at ``text[dot]`` part of an abbreviation rather than a sentence end?"""
    # The word is the [\w.] characters right before the dot, at most 20 back (what the
    # regex ([\w.]+)\.$ finds there; tests/test_fast_paths.py checks). Mostly it is all that
    # follows the last space (found in C); else a backwards scan finds it without a regex
    # trying every start in the window.
    floor = dot - 20 if dot > 20 else 0
    word = text[text.rfind(" ", floor, dot) + 1 or floor : dot]  # (rfind: -1 when there is no space)
    if word.isalnum():  # mostly a plain word (no dot in it): an initial or a listed abbreviation?
        return (len(word) == 1 and word.isalpha()) or word.lower() in ABBREVIATIONS
    start = dot
    while start > floor and (text[start - 1].isalnum() or text[start - 1] in "._"):
        start -= 1
    if start == dot:
        return False
    word = text[start:dot]
    if "." in word:  # U.S., W.Va., p.m.
        return True
    if len(word) == 1 and word.isalpha():  # an initial: J. R. Smith
        return True
    return word.lower() in ABBREVIATIONS


def _finished_line_ends(text: str) -> list[int]:
    """Where each line of ``text`` that looks finished ends (the offset of its line break; the
    last line has none): a single line break ends a sentence after a dateline or heading, not
    mid-sentence. A line looks finished when the last character it has before trailing space
    is neither lower case nor one of ",;:-(" (a blank line has none: not finished).
    One call per text, not per line (a text is mostly lines)."""
    ends = []
    newline = -1
    for line in text.split("\n")[:-1]:
        newline += len(line) + 1
        last = line.rstrip()[-1:]  # ("" for a blank line: "" is in every string, so it is not finished)
        if last not in ",;:-(" and not last.islower():
            ends.append(newline)
    return ends


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Split ``text`` into sentences; offsets index ``text`` and exclude surrounding space."""
    if "\n" in text or "!" in text or "?" in text:
        return _split_at_cuts(text)
    return _split_one_line(text)  # (most news texts: LGL's 531 of 588)


def _split_one_line(text: str) -> tuple[Sentence, ...]:
    """split_sentences of a text without line breaks, ! or ?: only periods end its
    sentences, in the order _PERIOD_BOUNDARY finds them, and each sentence but the last
    ends at its marks and the next starts after the space the look-ahead saw. So no set of
    cuts to sort, and no space to strip but at the text's two ends (what _split_at_cuts
    finds, tests/test_fast_paths.py checks)."""
    sentences: list[Sentence] = []
    start, end = 0, len(text)
    while start < end and text[start].isspace():
        start += 1
    for boundary in _PERIOD_BOUNDARY.finditer(text):
        dot, cut = boundary.span()
        # (a run of marks here is of periods and closing quotes: its last period decides)
        if _is_abbreviation(text, dot if cut - dot == 1 else text.rfind(".", dot, cut)):
            continue
        sentences.append(_new_sentence(len(sentences), start, cut))  # (start <= dot < cut)
        start = boundary.end(1)
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        sentences.append(_new_sentence(len(sentences), start, end))
    return tuple(sentences)


def _split_at_cuts(text: str) -> tuple[Sentence, ...]:
    """split_sentences of any text: every place a sentence may end (_cuts), sorted, then the
    space around each sentence stripped."""
    cuts = _cuts(text)
    sentences: list[Sentence] = []
    ordered = sorted(cuts)
    for start, end in zip(ordered, ordered[1:]):
        # (start < end: the cuts are distinct)
        after = cuts[start]
        if after is not None:
            start = after
        elif text[start].isspace():
            # The space before a sentence is mostly one character; more is often a line break
            # and the next line's indent (some texts wrap their lines): skipped in one match.
            start += 1
            if start < end and text[start].isspace():
                start = _SPACE.match(text, start, end).end()
        if start < end:  # (then text[start] is no space: the scan back stops there at the latest)
            while text[end - 1].isspace():
                end -= 1
            sentences.append(_new_sentence(len(sentences), start, end))
    return tuple(sentences)


def _cuts(text: str) -> dict[int, int | None]:
    """Each place a sentence of ``text`` may end -> where the text after it starts (its first
    character that is no space; past any cut in between, as a sentence there is all space),
    when the finder of that place knows it (the space matched after a sentence's marks, a
    blank line's), else None (the space is skipped when the sentence is made)."""
    cuts: dict[int, int | None] = {0: None, len(text): None}
    if "\n" in text:  # (news on one line, as LGL's, has no line to end)
        cuts.update(dict.fromkeys(_finished_line_ends(text)))  # (first: the finders below know more)
        for block in _BLANK_LINE.finditer(text):  # (all space, and the space after it)
            cuts[block.start()] = cuts[block.end()] = block.end()
    # Sentence ends (see _PERIOD_BOUNDARY); periods after ! or ? are _MARK_BOUNDARY's.
    marks = "!" in text or "?" in text
    for boundary in _PERIOD_BOUNDARY.finditer(text):
        start, end = boundary.span()
        if marks and start and text[start - 1] in "!?":
            continue
        # "Jan. 26" or "U.S. officials": go on unless a sentence visibly starts and the
        # abbreviation is not a title or month that always takes a following word.
        if end - start == 1:  # a period alone, mostly
            if _is_abbreviation(text, start):
                continue
        else:
            mark = text[start:end]
            if "!" not in mark and "?" not in mark and _is_abbreviation(text, start + mark.rfind(".")):
                continue
        cuts[end] = boundary.end(1)
    if marks:
        for boundary in _MARK_BOUNDARY.finditer(text):
            start = boundary.start()
            if not (start and text[start - 1] == "."):
                cuts[boundary.end()] = boundary.end(1)
    return cuts
