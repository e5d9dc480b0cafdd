"""The fast paths of candidate ranking and the gazetteer's name store agree with the plain ones.

On the bundled gazetteer, for names drawn at random from its own places' names (and their
first words and two-word prefixes, which name many places or none).
"""

import random

import pytest

from geo.candidates import MAX_CANDIDATES, candidates_for, rank
from geo.gazetteer import KIND_RANK, Gazetteer, summarize_matches
from geo.name_values import _kinds_code, _kinds_of
from geo.records import MATCH_KINDS, Mention


@pytest.fixture(scope="module")
def names(gazetteer):
    rows = gazetteer._db().execute("SELECT name FROM places WHERE rowid % 97 = 5").fetchall()
    rng = random.Random(6)
    picked = rng.sample([r[0] for r in rows], 600)
    words = [n.split()[0] for n in picked] + [" ".join(n.split()[:2]) for n in picked if " " in n]
    return picked + words + ["Paris", "Springfield", "Jackson", "Georgia", "Azerbaijani", "American", "Nowhere Zzq"]


def test_summaries_from_the_store_are_the_summaries_of_the_matches(gazetteer, names):
    fresh = Gazetteer(gazetteer.data_dir, cache_dir=gazetteer.cache_dir)  # (nothing remembered yet)
    for name in names:
        summary = fresh.summary(name)
        assert (summary and summary._replace(zipf=None)) == summarize_matches(gazetteer.matches(name)), name
        if summary is not None:
            assert summary.zipf is not None  # (the bundled data has word frequencies)
            assert fresh.summary(name) is summary


def test_a_summarys_kinds_survive_their_code():
    rng = random.Random(3)
    kinds = list(KIND_RANK)
    for _ in range(2000):
        chosen = rng.sample(kinds, rng.randint(0, len(kinds)))
        written = tuple((k, frozenset(rng.sample(MATCH_KINDS, rng.randint(1, len(MATCH_KINDS))))) for k in chosen)
        code = _kinds_code(written)
        assert _kinds_of(code) == written and _kinds_of(code + bytes(9 - len(code))) == written


def test_counted_matches_are_the_matches_with_their_counts(gazetteer, names):
    fresh = Gazetteer(gazetteer.data_dir, cache_dir=gazetteer.cache_dir)
    for name in names:
        plain = list(zip(gazetteer.matches(name), gazetteer.alternate_name_counts(name)))
        assert len(plain) == len(gazetteer.matches(name)), name
        for demonym in (False, True):
            wanted = [(m.place, m.match, n) for m, n in plain if (m.match == "demonym") == demonym]
            for limit in (None, 1, 2 * MAX_CANDIDATES):
                assert fresh.counted_matches(name, demonym, limit) == wanted[:limit], name
    place = fresh.counted_matches("Paris")[0][0]
    assert fresh.lookup("Paris")[0] is place and fresh.matches("Paris")[0].place is place  # (one record per place)


def test_candidates_read_off_the_rows_are_the_ranking_of_the_matches(gazetteer, names):
    fresh = Gazetteer(gazetteer.data_dir, cache_dir=gazetteer.cache_dir)
    for name in names:
        for kind in ("toponym", "demonym"):
            got = candidates_for(Mention(0, len(name), name, 0, kind), fresh)
            plain = rank(gazetteer.matches(name), demonym=kind == "demonym", is_capital=gazetteer.is_capital,
                         names=gazetteer.alternate_name_counts(name), name=name)
            assert got == plain and [c.features for c in got] == [c.features for c in plain], name


def test_round4_is_round_to_four_places():
    from geo.candidates import _round4

    rng = random.Random(4)
    values = [rng.uniform(-10, 10) for _ in range(20000)] + [rng.uniform(0, 1) for _ in range(20000)]
    values += [n / 10_000 + d for n in range(-20000, 20000, 7) for d in (0.0, 0.00005, -0.00005, 1e-17, -1e-17)]
    # sums of a prior's features in their order, as rank() rounds them (zero sums keep their sign)
    parts = [0.2, -0.3, 0.1, 0.4798, 0.1118, -0.15, 1.6, 0.3, -0.0627, 0.0, 1e-17]
    for _ in range(20000):
        total = 0.0
        for value in rng.sample(parts, rng.randint(1, 6)):
            total += value
        values.append(total)
    for value in values:
        got, want = _round4(value), round(value, 4)
        assert got == want and repr(got) == repr(want), value


def test_records_made_from_drafts_are_the_records_the_constructors_make(gazetteer):
    import dataclasses

    from geo.candidates import _candidates
    from geo.name_values import _new_place
    from geo.records import Candidate, NameMatch, Place, draft_class

    row = (7, "2988507", "Paris", "city", 48.85341, 2.3488, "FR", "Île-de-France", 2138551, 0, 57)
    place = _new_place(row)
    built = Place(*row[1:9])
    assert type(place) is Place and place == built and hash(place) == hash(built) and repr(place) == repr(built)
    (cand,) = _candidates([(-0.9, -2138551, "2988507", (("kind city", 0.2),), place)])
    assert type(cand) is Candidate and cand == Candidate(built, 0.9, (("kind city", 0.2),)) and repr(cand) == repr(
        Candidate(built, 0.9, (("kind city", 0.2),)))
    (match,) = [m for m in gazetteer.matches("Paris") if m.place.id == "2988507"]
    assert type(match) is NameMatch and match == NameMatch(gazetteer.get("2988507"), "name")
    for record, field in ((place, "kind"), (cand, "score"), (match, "match")):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(record, field, "x")

    @dataclasses.dataclass(frozen=True, slots=True)
    class Checked:
        value: int

        def __post_init__(self):
            assert self.value > 0

    @dataclasses.dataclass(frozen=True)
    class Unslotted:
        value: int

    assert draft_class(Checked) is None and draft_class(Unslotted) is None
