"""Stage 2, the recognizer's features: what describes a capitalised span the gazetteer knows.

geo.mentions finds the spans; this module names what the recognizer model (geo.recognizer)
weighs of each: what its text says wherever it stands (how common its words are in English,
whether a dictionary writes it in lower case, what kinds of place the gazetteer has under it,
how well it matches them, how big the biggest is: ``_name_features``, remembered per text),
where it stands (the words around it, whether it opens a sentence, whether capitalised words
run into it: ``_span_features``) and the two costliest, asked only when they could change the
answer (``_costly_features``). A few named rules say "never a place" whatever the model says
(``rule:never``): months, titles, compass words alone, a name right after a title, a thing
named after a place, an undotted abbreviation, a given name before a common surname, a
generic head after a capitalised word, a person named like a place (geo.person_cues), a
team (geo.team_cues), a thing named after a place (geo.product_cues).

Every feature has the value 1.0; a feature is its name. No feature names a place.
"""

from __future__ import annotations

import functools
import itertools
import math
from typing import TYPE_CHECKING, NamedTuple

from geo.context_words import GENERIC_HEADS, GOVERNS_PLACE
from geo.gazetteer import NameSummary
from geo.names import spelling_of
from geo.person_cues import person_in_run
from geo.product_cues import (EPONYMS, MAKERS, NO_MAKER_BEFORE, THING_HEADS, _maker_before, named_after_a_place,
                               names_a_thing)
from geo.records import CURATED_KINDS
from geo.team_cues import SIDE_AFTER, SIDE_BEFORE, could_be_a_side, plays_as_a_team
from geo.tokens import _W_END, _W_POSSESSIVE, _W_START, _W_TEXT, CONNECTORS, _TITLES, _is_sentence_initial, _Run, _word_after, _word_before

if TYPE_CHECKING:  # (only for annotations: geo.mentions imports this module)
    from geo.mentions import NameIndex, _Context

__all__: list[str] = []  # internal to recognition: geo.mentions is its one user


# Words that are never a place on their own in English news, whatever the gazetteer holds.
_NEVER_ALONE = frozenset(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday
    mr mrs ms dr sir madam lord lady president minister governor senator mayor colonel general
    captain sergeant lieutenant major deputy head chief director secretary judge officer
    god christmas easter internet
    north south east west northern southern eastern western central
    """.split()
)
_MATCH_ORDER = ("name", "abbreviation", "alternate", "demonym")


def _spells_a_main_name(surface: str, gazetteer: NameIndex) -> bool:
    """Is the name, an alternate name of the places it matches, a spelling of one's main name
    ("Kelbajar" of Kalbajar, "Idleb" of Idlib, "Kiev" of Kyiv) rather than another name
    ("Farmers" for some town)? Spellings are how news writes a place; other alternate names
    are mostly common words that some place was once called. Asked once per name (the
    caller's memo), of the few names that only an alternate name matches."""
    # The main names straight off the gazetteer's rows when it offers them: the model rejects
    # most of these names, so the records matches() would build are mostly wasted.
    main_names_of = getattr(gazetteer, "alternate_main_names", None)
    if main_names_of is not None:
        main_names = main_names_of(surface)
    else:
        main_names = [m.place.name for m in gazetteer.matches(surface) if m.match == "alternate"]
    return any(spelling_of(surface, main) for main in dict.fromkeys(main_names))


_WORDS_LABEL = {n: "words=%d" % n for n in (1, 2, 3)}


class _SurfaceFacts(NamedTuple):
    """What _Context.surface_facts remembers of a span's text."""

    key: str
    named: bool  # the gazetteer has a match for it
    features: tuple[str, ...]  # the span's features that depend only on its text (_name_features)
    demonym: bool
    one_word: bool  # its key is one word
    lower: str  # the text in lower case
    abbreviation: bool  # some place's abbreviation matches it (see _with_abbreviation_dot)
    # One word, and some place it names has FAMOUS_POPULATION people or more: it may be a
    # famous place by itself (_says_place asks geo.place_cues.famous_by_name, once per name).
    big: bool = False
    never: bool = False  # "rule:never" is among its features: never a place on its own
    continent: bool = False  # a continent by its own name: a place in any sentence (find_mentions)


def _name_features(
    surface: str, words: list[str], one_word: bool, summary: NameSummary, zipf: float | None, context: _Context
) -> tuple[tuple[str, ...], bool, bool]:
    """The features of a span that its text, of key words ``words`` (``one_word``: only one),
    decides wherever it stands (their names, each distinct: every feature has the value 1.0),
    whether it is a demonym (SpanCandidate.is_demonym) and whether some place's abbreviation
    matches it. ``zipf``: the frequency of the rarest of the words when the caller knows it."""
    if one_word:
        f = ["bias", "rule:never", "words=1"] if words[0] in _NEVER_ALONE else ["bias", "words=1"]
    else:
        f = ["bias", _WORDS_LABEL[min(len(words), 3)]]
    if "." in surface:
        f.append("dotted")
    elif surface.isupper() and len(surface) > 1:
        f.append("allcaps" if len(surface) > 3 else "acronym")
    if one_word:
        if zipf is None:
            f.append(context.zipf_label(words[0]))
        else:
            n = int(zipf)
            f.append(_ZIPF_LABELS.get(n) or "zipf=%d" % n)
        # How often a word is written says nothing of whether it is a common word or a name
        # ("reading" and "milwaukee" are both frequent); a dictionary that lists it in lower
        # case only says it is a word ("Reading is...", "Mobile phone sales").
        # The name of a country, a region or a feature of the land is a proper name whatever the
        # dictionary says of the word ("the Arctic", "the Seine", "Galilee").
        if words[0] in context.lowercase_words and not any(
                kind in _PROPER_KINDS for kind, _ in summary.kinds):
            f.append("dictionary word")
    else:
        n = int(min(map(context.zipf, words)) if zipf is None else zipf)
        f.append(_MULTI_ZIPF_LABELS.get(n) or "multi zipf=%d" % n)
    gazetteer_features, demonym, abbreviation = _gazetteer_facts(summary)
    f += gazetteer_features
    return tuple(f), demonym, abbreviation


# The frequency features made once, not formatted per name (a Zipf frequency runs from 0 to 8).
_ZIPF_LABELS = {n: "zipf=%d" % n for n in range(9)}
_MULTI_ZIPF_LABELS = {n: "multi zipf=%d" % n for n in range(9)}
_PROPER_KINDS = frozenset(("country", "continent", "region", "physical", "macroregion"))
_POPULATION_LABELS = ["population>=%d" % n for n in range(1, 11)]


def _gazetteer_facts(summary: NameSummary) -> tuple[list[str], bool, bool]:
    """What the gazetteer says of a name as features (its kinds of place, how it matched, how
    big the biggest is), whether it is a demonym (SpanCandidate.is_demonym) and whether some
    place's abbreviation matches it."""
    # (its fields unpacked once: most are read, each by name costs more)
    kinds, population, places, demonym, _zipf, named_population = summary
    f = ["demonym"] if demonym else []
    kind_features, best_rank, abbreviation, no_country_kind = _kinds_facts(kinds)
    if places:
        f += kind_features
        # Ordinal, so one feature per decade reached ("population>=6" for a million): the
        # few names of the biggest places (China, India) then share what every big place
        # teaches the model instead of resting on a handful of their own examples.
        decades = int(math.log10(population + 1))
        f += _POPULATION_LABELS[:decades]
        # The biggest place is only an abbreviation of it ("Ore": Oregon's abbreviation, a
        # Nigerian town's name): its size says less. (Mostly the biggest place is named by
        # it: no logarithm then.)
        if best_rank != _ABBREVIATION_RANK and named_population < population \
                and int(math.log10(named_population + 1)) < decades:
            f.append("biggest only as an abbreviation")
        f.append(_CANDIDATES_LABELS[places if places < 5 else 5])
    # A people or adjective ("Canadian"), even where a small town shares the word.
    return f, demonym and no_country_kind, abbreviation


@functools.lru_cache(maxsize=2048)  # (LGL's 2,906 names have 105 sets of kinds between them)
def _kinds_facts(kinds: tuple[tuple[str, frozenset[str]], ...]) -> tuple[tuple[str, ...], int, bool, bool]:
    """What a NameSummary's ``kinds`` say: the features of the kinds of place a name matches
    best and of how it matches them, that best rank in _MATCH_ORDER, whether some place's
    abbreviation matches it and whether no place it names is a country, an adm1 or a continent."""
    if not kinds:
        return (), len(_MATCH_ORDER), False, True
    # A curated alias ("Mediterranean", "Pacific") is a name people use, not a variant.
    ranks = [_NAME_RANK if kind in CURATED_KINDS and "alternate" in matches else _BEST_RANK[matches]
             for kind, matches in kinds]
    best_rank = min(ranks)
    # The kinds of the places the name matches best: "Sahara" is the desert's name and
    # only a village's alternate one, so it is no "kind=city".
    features = ["kind=" + kind for (kind, _), rank in zip(kinds, ranks) if rank == best_rank]
    features.append("best match=" + _MATCH_ORDER[best_rank])
    abbreviation = any("abbreviation" in matches for _, matches in kinds)
    return tuple(features), best_rank, abbreviation, all(kind not in ("country", "adm1", "continent") for kind, _ in kinds)


_MATCH_RANK = {match: rank for rank, match in enumerate(_MATCH_ORDER)}
_NAME_RANK = _MATCH_RANK["name"]
_ABBREVIATION_RANK = _MATCH_RANK["abbreviation"]
# The best rank in _MATCH_ORDER of each set of match kinds (a NameSummary's kinds hold such sets).
_BEST_RANK = {
    frozenset(kinds): min(map(_MATCH_RANK.__getitem__, kinds))
    for n in range(1, len(_MATCH_ORDER) + 1)
    for kinds in itertools.combinations(_MATCH_ORDER, n)
}
_CANDIDATES_LABELS = ["candidates=%d" % n for n in range(6)]


def _span_features(run: _Run, i: int, j: int, start: int, facts: _SurfaceFacts, context: _Context,
                   named_rules: bool = True) -> list[str]:
    """The recognizer's features of the span ``run.tokens[i:j]`` (starting at ``start``) besides
    those of its text (``facts.features``) and _costly_features: those of the document and of where it stands.
    Their names, each distinct and none of its text's (every feature has the value 1.0): a
    list is cheaper than a mapping per span; "prev=" always among them, "rule:never" first
    where a named rule rules the span out. ``named_rules=False`` leaves out the costliest
    rules (_plays_or_is_named), which find_mentions asks only of spans that would be places."""
    tokens = run.tokens
    # A later word of a run follows the run's earlier words in the same sentence, so it
    # cannot start one (unless the caller's sentences put the run before the first one).
    if not i:
        prev, initial = run.prev, run.initial
    else:
        before, floor, text = tokens[i - 1], run.floor, context.text
        before_start, before_text = run.base + before[_W_START], before[_W_TEXT]
        # Mostly the run's previous word, one space before: _word_before's answer read off that
        # token (all letters, a whole word of the sentence), without scanning the text.
        if before_start + len(before_text) == start - 1 and text[start - 1] == " " and before_text.isalpha() \
                and before_start >= floor and (before_start == floor or not text[before_start - 1].isalnum()):
            prev = before_text.lower()
        else:
            prev = _word_before(text, start, floor)
        initial = before_start < floor and _is_sentence_initial(text, start, floor)
    never = facts.never  # (a name that is never a place needs none of the named rules)
    ruled = not never and (
        # "Colonel Jafarov", "Gov. Cuomo"
        prev in _TITLES and (i or context.text[start - 2 : start].strip() in (".", ""))
        # "a glass of Bordeaux", "Brussels sprouts" (geo.product_cues)
        or (prev == "of" or facts.key in EPONYMS) and named_after_a_place(
            facts.key, context.text, start, run.base + tokens[j - 1][_W_END], prev)
        or facts.abbreviation and "best match=abbreviation" in facts.features
        and _undotted_abbreviation(context.text, start, run.base + tokens[j - 1][_W_END], facts))
    # (a list made whole: cheaper than appending to an empty one)
    f = ["rule:never", "prev=" + prev] if ruled else ["prev=" + prev]
    if prev in GOVERNS_PLACE:
        f.append("prev governs a place")
    one_word, lower = facts.one_word, facts.lower
    if initial:
        f.append("initial")
        if one_word:
            # A sentence's first word is capitalised whatever it is, so there its frequency as
            # an English word says more ("Reading is...", "Mobile phone sales").
            # (its "zipf=" is the third of its text's features unless a casing feature comes first)
            features = facts.features
            zipf = features[2] if features[2].startswith("zipf=") else next(
                x for x in features if x.startswith("zipf="))
            f.append("initial " + zipf)
    if one_word and lower not in context.mid_sentence_words:
        f.append("only sentence-initial")
    # Capitalised words right beside the span ("Toronto Raptors") say organisation or person;
    # words joined by a connector ("Azerbaijan and Armenia", "Toronto on Monday") much less.
    if i:
        if before_text in CONNECTORS:  # (the token before, read above; they are all written in lower case)
            f.append("joined before")
        else:
            f.append("run before")
            # A named rule: "Island" in "Robben Island" is the head of a name the gazetteer
            # lacks, not a place of its own (geo.context_words).
            if one_word and lower in GENERIC_HEADS and f[0] != "rule:never":
                f.insert(0, "rule:never")
    if j < len(tokens):
        if tokens[j][_W_TEXT] in CONNECTORS:
            f.append("joined after")
        else:
            f.append("run after")
            if one_word and lower in context.given_names:
                f.append("given name before a name")  # "Jordan Peterson", "Victoria Beckham"
                # A named rule: a given name right before a common surname is a person ("Georgia
                # Smith", "Chad Johnson"), whatever place shares the given name.
                if tokens[j][_W_TEXT].lower() in context.surnames and not tokens[i][_W_POSSESSIVE] \
                        and f[0] != "rule:never" and not never:
                    f.insert(0, "rule:never")  # first, where find_mentions looks for it
    if named_rules and f[0] != "rule:never" and not never and _plays_or_is_named(run, i, j, start, facts, context):
        f.insert(0, "rule:never")
    if lower in context.after_title_words:
        f.append("after a title elsewhere")
    if one_word and lower in context.after_given_name_words:
        f.append("after a given name")
    if tokens[j - 1][_W_POSSESSIVE]:
        f.append("possessive")
    return f


def _undotted_abbreviation(text: str, start: int, end: int, facts: _SurfaceFacts) -> bool:
    """A named rule: a name that is only an abbreviation needs its dot or its capitals
    ("Mass.", "Ill.", "US"); without them it is the word or the contraction it spells
    ("Mass was celebrated", "I'll", "Wash your hands"). Undotted, it may still qualify a name
    right after ", " or "-" ("Edmonton, Ky", "D-Calif"), where no contraction stands."""
    surface = text[start:end]
    return text[end : end + 1] != "." and "dotted" not in facts.features and not surface.isupper() and (
        "'" in surface or "’" in surface or text[max(0, start - 2) : start] not in (", ", "-")
        and text[start - 1 : start] != "-")


def _plays_or_is_named(run: _Run, i: int, j: int, start: int, facts: _SurfaceFacts, context: _Context) -> bool:
    """Named rules: a word of a two-word person's name ("Paris Hilton ... her", geo.person_cues),
    a team the sentence says won, lost or traded ("Detroit beat Chicago 4-2", geo.team_cues),
    a thing named after a place ("Hyundai Tucson", "Lassa fever", geo.product_cues)."""
    text, tokens, prev = context.text, run.tokens, run.prev
    end = run.base + tokens[j - 1][_W_END]
    # Each rule is asked only where its own first test could pass: most spans have a comma
    # after them or a word that opens none of the rules' words, and a function word before.
    # A thing needs a blank after the span and then a head noun or a model's name after a
    # maker's name (product_cues.names_a_thing), or a maker's name right before it, which the
    # word before the span's run may show there is not (product_cues.NO_MAKER_BEFORE).
    after = text[end : end + 4]
    opens = after in BLANK_THEN_OPENING or after.startswith(_DOUBLE_BLANKS)
    if opens or facts.lower in MAKER_NAMES:
        if names_a_thing(text, start, end):
            return True
    elif (i or prev not in NO_MAKER_BEFORE) and _maker_before(text, start):
        return True
    # A side needs a verb's last word before its run or a blank and a verb after it
    # (team_cues.could_be_a_side). (Most spans end their run: most runs are one word.)
    end_of_run = end
    if len(tokens) > 1:
        # (a two-word name needs a run of two words or more, and a word of it beside the span
        # that is no connector: person_in_run's name lies between the run's connectors)
        if facts.one_word and (i and tokens[i - 1][_W_TEXT] not in CONNECTORS
                               or i + 1 < len(tokens) and tokens[i + 1][_W_TEXT] not in CONNECTORS) and person_in_run(
                text, tokens, run.base, i, prev, (run.floor, run.ceiling), context.given_names, context.surnames,
                context.lowercase_words, context.after_title_words,
                lambda word: getattr(context.surface_memo.get(word), "named", False)):
            return True
        if j < len(tokens):
            end_of_run = run.base + tokens[-1][_W_END]
            after = text[end_of_run : end_of_run + 4]
            opens = after in BLANK_THEN_OPENING or after.startswith(_DOUBLE_BLANKS)
    if opens or prev in SIDE_AFTER:
        return could_be_a_side(text, end_of_run, prev) and plays_as_a_team(text, start, end, run.floor, run.ceiling)
    return False


# What the rules' words after a name open with: a blank and the first three letters of a head noun
# (product_cues.THING_HEADS) or of a verb of a game's result or a trade (team_cues.SIDE_BEFORE); or
# two blanks (_DOUBLE_BLANKS: the rules' patterns read past any number of them).
_BLANKS = (" ", "\t")  # what the rules' patterns skip after a name ("[ \\t]+")
BLANK_THEN_OPENING = frozenset(blank + word[:3] for blank in _BLANKS for word in THING_HEADS | SIDE_BEFORE)
assert min(map(len, THING_HEADS | SIDE_BEFORE)) >= 3  # (a shorter word would slip past)
_DOUBLE_BLANKS = tuple(one + other for one in _BLANKS for other in _BLANKS)
MAKER_NAMES = frozenset(maker.lower() for maker in MAKERS)  # (a span's text in lower case is one)


def _costly_features(run: _Run, j: int, facts: _SurfaceFacts, context: _Context, f: list[str]) -> None:
    """Add to ``f`` the features of a span ``run.tokens[i:j]`` that cost the most to find, the
    word after it and whether the text also uses it in lower case: the rest of its features
    (_span_features) often decide without them (see find_mentions)."""
    # The word right after the span's last token (a dot _with_abbreviation_dot adds is that word).
    f.append("next=" + _word_after(context.text, run.base + run.tokens[j - 1][_W_END], run.ceiling))
    if facts.one_word and context.used_in_lower_case(facts.lower):
        f.append("also lower case")
