"""A city the sentence says won, lost or traded is a team, not a place (geo.team_cues)."""

import pytest

from geo import map_text
from geo.team_cues import plays_as_a_team


def _places(text, gazetteer):
    return [m.text for m in map_text(text, gazetteer=gazetteer, outlines=False).mentions]


def _team(text, name):
    start = text.index(name)
    return plays_as_a_team(text, start, start + len(name), 0, len(text))


def test_the_sides_of_a_result_with_a_score_are_teams():
    text = "Denver edged Dallas 105-98 on Tuesday night."
    assert _team(text, "Denver") and _team(text, "Dallas")
    text = "Seattle fell to Minnesota 3–1 at home."
    assert _team(text, "Seattle") and _team(text, "Minnesota")


def test_a_trade_or_a_word_only_games_use_makes_teams_without_a_score():
    text = "Toronto traded two draft picks to Calgary for a winger."
    assert _team(text, "Toronto") and _team(text, "Calgary")
    text = "Memphis routed Utah in the playoffs."
    assert _team(text, "Memphis") and _team(text, "Utah")


def test_the_city_before_a_nickname_is_the_team_but_a_place_in_the_sentence_is_not():
    text = "The Texas Rangers blanked Oakland 6-0 in Arlington."
    assert _team(text, "Oakland")
    assert not _team(text, "Arlington")  # where the game was played
    text = "Brazil beat Germany 7-1 in the semifinal in Belo Horizonte."
    assert _team(text, "Brazil") and not _team(text, "Belo Horizonte")


@pytest.mark.parametrize("text, name", [
    ("Israel beat back the attack near Gaza.", "Israel"),  # no sport
    ("Boston traded barbs with Phoenix over the budget.", "Phoenix"),
    ("Ukraine lost to Russia the town of Bakhmut after months of fighting.", "Russia"),
    ("The Senate passed the bill 52-48 after Ohio beat the deadline.", "Ohio"),  # the tally comes before
    ("Chicago defeated Milwaukee's bid on a vote of 30-20.", "Chicago"),  # a vote, not a score
    ("Smith lost to Ohio Sen. Jane Cole 2-1 in the count.", "Ohio"),  # a word within a longer name
    ("Jones beat Leeds goalie Tom Hart 2-1.", "Leeds"),  # a modifier, not the object
])
def test_ordinary_news_keeps_its_places(text, name):
    assert not _team(text, name)


def test_teams_are_not_found_as_places_and_the_places_of_ordinary_news_are(gazetteer):
    assert _places("Denver edged Dallas 105-98 on Tuesday night.", gazetteer) == []
    assert _places("Toronto traded two draft picks to Calgary for a winger.", gazetteer) == []
    assert _places("Brazil beat Germany 7-1 in the semifinal in Belo Horizonte.", gazetteer) == ["Belo Horizonte"]
    assert _places("Israel beat back the attack near Gaza.", gazetteer) == ["Israel", "Gaza"]
    assert _places("Boston traded barbs with Phoenix over the budget.", gazetteer) == ["Boston", "Phoenix"]


def test_could_be_a_side_answers_as_its_pattern_does():
    # Its shortcuts (no pattern where no blank, or no verb's first word, follows) give what the
    # plain test gives.
    import random
    import re

    from geo.team_cues import SIDE_BEFORE, SIDE_AFTER, could_be_a_side

    next_word = re.compile(r"[ \t]+([a-z]+)")

    def plain(text, end, prev):
        match = next_word.match(text, end)
        return prev in SIDE_AFTER or (match is not None and match.group(1) in SIDE_BEFORE)

    pieces = [*"ab T\t\n-.,", "beat", "beaten", "lost", "to", "fell", "Detroit", "  "]
    rng = random.Random(3)
    found = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        for end in range(len(text) + 1):
            for prev in ("in", "to"):
                expected = plain(text, end, prev)
                assert could_be_a_side(text, end, prev) == expected, (text, end, prev)
                found += expected and prev == "in"
    assert found > 500
