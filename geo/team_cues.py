"""Named rule: a city that plays ("Detroit beat Chicago 4-2 in overtime").

Sports copy names a team by its city: "Boston traded its first-round pick to Phoenix" is
about two clubs, not two places. A sentence says so when both hold:

- **a result or a transaction**: a name is the subject or the object of a verb of winning,
  losing or trading players ("Detroit beat Chicago", "Chicago fell to Detroit", "Boston
  traded ... to Phoenix"): the names right before the verb, right after it, and, for a
  trade, after "to" or "from" later in the clause;
- **sport**: a score after the name ("Detroit beat Chicago 4-2", "... fell to Dallas 105–98";
  not a vote's tally) or a word only games use ("overtime", "inning", "playoffs",
  "first-round pick", "roster") in the same sentence.

Without sport the verbs are ordinary news ("Israel beat back the attack", "Ukraine lost to
Russia the town of ...", "Boston traded barbs with Phoenix"), and the names stay places.
Places the sentence puts the game in stay places too ("... in overtime at Denver"): only
the verb's own arguments are teams.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

__all__ = ["plays_as_a_team", "could_be_a_side", "RESULT_VERBS", "TRADE_VERBS", "SPORT_WORDS"]

#: Verbs whose subject and object are sides of a game (past and present, as copy writes them).
RESULT_VERBS = tuple(
    "beat|beats|defeated|defeats|edged|edges|routed|routs|downed|downs|blanked|blanks|topped|tops|"
    "outlasted|outlasts|outscored|swept|sweeps|trounced|trounces|thrashed|thrashes|crushed|crushes|"
    "hammered|hammers|stunned|stuns|upset|upsets|blew out|shut out|held off|rallied past|"
    "lost to|loses to|fell to|falls to|tied|ties|drew with|draws with".split("|")
)
#: Verbs of moving players between clubs: their subject, object and "to"/"from" names are clubs.
TRADE_VERBS = tuple("traded trades drafted drafts waived waives acquired acquires".split())
#: Words only games use (a score counts as well): "season" or "coach" would say as much of politics.
SPORT_WORDS = frozenset("""
overtime inning innings playoff playoffs postseason preseason halftime shootout touchdown touchdowns
quarterback pitcher homer homers roster first-round second-round third-round draft free-agent
""".split())


def _alternation(verbs: Iterable[str]) -> str:
    """A regex alternation of ``verbs`` (a space in one: any blanks) grouped by their first
    letter: sre tries an alternation's words one by one at each character, and a group fails at
    its first letter. (Each pattern here ends a verb at a word's end, so at most one verb
    matches where one starts: their order is moot.)"""
    by_first: dict[str, list[str]] = {}
    for verb in sorted(verbs):
        by_first.setdefault(verb[0], []).append(re.escape(verb[1:]).replace(r"\ ", r"\s+"))
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in by_first.items())


_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*"
_VERB = _alternation(RESULT_VERBS + TRADE_VERBS)
_SUBJECT = re.compile(rf"({_NAME})\s+(?:{_VERB})\b")
# An object ends the verb's phrase: a score, punctuation, or a word that goes on the sentence
# ("beat Chicago 4-2", "beat Chicago in overtime"); not "beat Leeds goalie Tom Hart".
_ENDS_OBJECT = (r"(?=\s*(?:[\d,;:!?)—–]|\.|$)|\s+(?:in|on|at|for|with|and|to|by|after|before|as|from|behind|again|"
                r"last|this|twice|during|despite|without|thanks|when|while|but|or|for)\b)")
_OBJECT = re.compile(rf"\b(?:{_VERB})\s+({_NAME}){_ENDS_OBJECT}")
_TRADE = re.compile(rf"\b(?:{_alternation(TRADE_VERBS)})\b[^.;:!?]*?\b(?:to|from)\s+({_NAME})")
_NICKNAME = re.compile(r"(?:\s+[A-Z][a-z]+){1,2}")
# _SUBJECT's verb after a side's name: after any nickname, and the full stop _team_spans leaves out.
_VERB_AFTER_SIDE = re.compile(rf"(?:{_NICKNAME.pattern})?\.?\s+(?:{_VERB})\b")
_SCORE = re.compile(r"(?<![\d.,/:-])\d{1,3}\s?[-–]\s?\d{1,3}(?![\d:/–-]|[.,]\d)")
_WORD = re.compile(r"[a-z][a-z-]*")
# A verb, whole, between characters that are no lower-case letters: plays_as_a_team's one
# search of a sentence in place.
_WHOLE_VERB = re.compile(rf"[^a-z](?:{_VERB})(?![a-z])")


# The words a side stands right before (a verb's first word) or right after (its last word, or
# the "to"/"from" of a trade): only a name between them is worth asking about the sentence.
SIDE_BEFORE = frozenset(v.split()[0] for v in RESULT_VERBS + TRADE_VERBS)
SIDE_AFTER = frozenset(v.split()[-1] for v in RESULT_VERBS + TRADE_VERBS) | {"to", "from"}
_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)")
_BLANKS = (" ", "\t")  # what _NEXT_WORD must find first
# The first four letters of the verbs' first words: could_be_a_side's gate reads four letters after a name.
_VERB_OPENINGS = frozenset(word[:4] for word in SIDE_BEFORE)
assert min(map(len, SIDE_BEFORE)) >= 4  # (a shorter word would slip past the gate)


def could_be_a_side(text: str, end: int, prev: str) -> bool:
    """Does the capitalised run ending at ``end``, after the word ``prev`` (lower case), stand
    where a side of a game stands ("Detroit beat", "lost to Chicago")? A cheap test first,
    so that plays_as_a_team reads only those sentences."""
    if prev in SIDE_AFTER:
        return True
    if text[end : end + 1] not in _BLANKS:  # (most runs: no word right after)
        return False
    # (after one blank, a verb's first word must start right there: most words are none)
    if text[end + 1 : end + 5] not in _VERB_OPENINGS and text[end + 1 : end + 2] not in _BLANKS:
        return False
    match = _NEXT_WORD.match(text, end)
    return match is not None and match.group(1) in SIDE_BEFORE


def plays_as_a_team(text: str, start: int, end: int, floor: int, ceiling: int) -> bool:
    """Is ``text[start:end]``, in the sentence ``text[floor:ceiling]``, a team the sentence
    says won, lost or traded (see the module doc)?

    >>> t = "Detroit beat Chicago 4-2 in overtime."
    >>> plays_as_a_team(t, 0, 7, 0, len(t)), plays_as_a_team(t, 13, 20, 0, len(t))
    (True, True)
    >>> t = "Israel beat back the attack."
    >>> plays_as_a_team(t, 0, 6, 0, len(t))
    False
    """
    # Most sentences hold no verb of a game. Each pattern's verb has a space or a word boundary
    # either side (and no flag folds case), so it stands in the sentence between characters
    # that are no lower-case letters (or first, and then the sentence starts in lower case):
    # before the span for an object or a trade ("fell to Dallas", "traded ... to Phoenix"),
    # right after it and any nickname for a subject ("Detroit Red Wings beat"). Searched in
    # place: no slice of the sentence, no memo's hash of it.
    if _WHOLE_VERB.search(text, floor, start) is None and not text[floor : floor + 1].islower() \
            and _VERB_AFTER_SIDE.match(text, end, ceiling) is None:
        return False
    # The span is the side's whole name, or its city before a nickname ("Detroit Pistons"):
    # not a word within a longer name ("Ohio Sen. Jane Cole").
    return any(s == start - floor and (e == end - floor or _NICKNAME.fullmatch(text, end, floor + e))
               for s, e in _team_spans(text[floor:ceiling]))


@functools.lru_cache(maxsize=4096)
def _team_spans(sentence: str) -> tuple[tuple[int, int], ...]:
    """The (start, end) of every name the sentence makes a side of a game or a trade
    (plays_as_a_team asks only of a sentence that holds a verb)."""
    if all(pattern.search(sentence) is None for pattern in (_OBJECT, _SUBJECT, _TRADE)):
        return ()
    words = _WORD.findall(sentence.lower())
    sport = not SPORT_WORDS.isdisjoint(words)
    # A tally is a score after the verb ("beat Chicago 4-2"), and outside a vote ("passed 52-48").
    tallied = not ("vote" in words or "votes" in words)
    spans = []
    for pattern in (_SUBJECT, _OBJECT, _TRADE):
        for match in pattern.finditer(sentence):
            if sport or (tallied and _SCORE.search(sentence, match.start(1)) is not None):
                start, end = match.span(1)
                spans.append((start, end - 1 if sentence[end - 1] == "." else end))  # the sentence's full stop
    return tuple(spans)
