"""Named rule: a city that plays ("Detroit beat Chicago 4-2 in overtime").

Sports copy names a team by its city: "Boston traded its first-round pick to Phoenix" is
about two clubs, not two places. A sentence says so when both hold:

- **a result or a transaction**: a name is the subject or the object of a verb of winning,
  losing or trading players ("Detroit beat Chicago", "Chicago fell to Detroit", "Boston
  traded ... to Phoenix"): the names right before the verb, right after it, and, for a
  trade, after "to" or "from" later in the clause;
- **sport**: a score ("4-2", "105–98") or a word only games use ("overtime", "inning",
  "playoffs", "first-round pick", "roster") in the same sentence.

Without sport the verbs are ordinary news ("Israel beat back the attack", "Ukraine lost to
Russia the town of ...", "Boston traded barbs with Phoenix"), and the names stay places.
Places the sentence puts the game in stay places too ("... in overtime at Denver"): only
the verb's own arguments are teams.
"""

from __future__ import annotations

import functools
import re

__all__ = ["plays_as_a_team", "RESULT_VERBS", "TRADE_VERBS", "SPORT_WORDS"]

#: Verbs whose subject and object are sides of a game (past and present, as copy writes them).
RESULT_VERBS = (
    "beat beats defeated defeats edged edges routed routs downed downs blanked blanks topped tops "
    "outlasted outlasts outscored swept sweeps trounced trounces thrashed thrashes crushed crushes "
    "hammered hammers stunned stuns upset upsets blew out shut out held off rallied past "
    "lost to loses to fell to falls to tied ties drew with draws with"
).split(" ")
#: Verbs of moving players between clubs: their subject, object and "to"/"from" names are clubs.
TRADE_VERBS = "traded trades drafted drafts waived waives acquired acquires".split()
#: Words only games use (a score counts as well).
SPORT_WORDS = frozenset("""
overtime inning innings playoff playoffs postseason preseason roster touchdown touchdowns halftime
shootout quarterback pitcher goalkeeper goalie coach coaches season game games match matches
tournament semifinal semifinals quarterfinal quarterfinals standings pick picks draft first-round
second-round third-round free-agent homer homers rebound rebounds assists goals points win streak
""".split())

_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*"
_VERB = "|".join(sorted((re.escape(v).replace(r"\ ", r"\s+") for v in RESULT_VERBS + TRADE_VERBS), key=len, reverse=True))
_SUBJECT = re.compile(rf"({_NAME})\s+(?:{_VERB})\b")
_OBJECT = re.compile(rf"\b(?:{_VERB})\s+({_NAME})")
_TRADE = re.compile(rf"\b(?:{'|'.join(TRADE_VERBS)})\b[^.;:!?]*?\b(?:to|from)\s+({_NAME})")
_SCORE = re.compile(r"(?<![\d.,/:-])\d{1,3}\s?[-–]\s?\d{1,3}(?![\d:/–-]|[.,]\d)")
_WORD = re.compile(r"[a-z][a-z-]*")


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
    return any(s <= start - floor and end - floor <= e for s, e in _team_spans(text[floor:ceiling]))


@functools.lru_cache(maxsize=4096)
def _team_spans(sentence: str) -> tuple[tuple[int, int], ...]:
    """The (start, end) of every name the sentence makes a side of a game or a trade."""
    # Most sentences hold no such verb: one search each, then nothing more.
    if _OBJECT.search(sentence) is None and _SUBJECT.search(sentence) is None:
        return ()
    if _SCORE.search(sentence) is None and SPORT_WORDS.isdisjoint(_WORD.findall(sentence.lower())):
        return ()
    spans = [m.span(1) for pattern in (_SUBJECT, _OBJECT, _TRADE) for m in pattern.finditer(sentence)]
    return tuple(spans)
