"""The behavioural suite as a whole: its size, its overall floor, and the harness itself.

The harness is checked on hand-built documents, so a bug in it cannot make cases pass
(or fail) unseen.
"""

import subprocess
import sys
from pathlib import Path

import pytest

from floors import FLOORS, OVERALL_FLOOR, TARGETS
from geo.records import Document, Mention, Place, Resolution
from harness import NOWHERE, Expect, Where, case, check, failure_report, load_capabilities, pass_rate, run_cases

PARIS = Where(48.857, 2.352, 30, "Paris, France")
TEXAS = Where(31.0, -99.0, 700, "Texas")


def _document(text: str, found: list[tuple[str, Place | None]]) -> Document:
    resolutions = []
    for name, place in found:
        start = text.index(name)
        resolutions.append(Resolution(Mention(start, start + len(name), name, 0), place, 1.0))
    return Document("t", text, (), tuple(r.mention for r in resolutions), tuple(resolutions))


def _place(name: str, lat: float, lon: float, kind: str = "city", cc: str = "FR") -> Place:
    return Place(name, name, kind, lat, lon, cc)


def test_a_place_within_its_tolerance_passes_and_one_beyond_fails():
    c = case("Rain in Paris today.", {"Paris": PARIS})
    assert check(c, _document(c.text, [("Paris", _place("Paris", 48.85, 2.35))])).passed
    outcome = check(c, _document(c.text, [("Paris", _place("Paris", 33.66, -95.56, cc="US"))]))
    assert not outcome.passed
    assert "Paris, France" in outcome.problems[0] and "km off" in outcome.problems[0]


def test_an_unrecognised_mention_says_so():
    c = case("Rain in Paris today.", {"Paris": PARIS})
    outcome = check(c, _document(c.text, []))
    assert outcome.problems == ("'Paris' should be Paris, France (±30 km): not recognised",)


def test_nowhere_fails_on_any_place_and_passes_on_none_or_unresolved():
    c = case("Paris Hilton sang.", {"Paris": NOWHERE})
    assert check(c, _document(c.text, [])).passed
    assert check(c, _document(c.text, [("Paris", None)])).passed
    assert not check(c, _document(c.text, [("Paris", _place("Paris", 48.85, 2.35))])).passed


def test_only_rejects_places_nobody_expected():
    c = case("Paris Hilton flew to Texas.", {"Paris": NOWHERE}, only=True)
    outcome = check(c, _document(c.text, [("Texas", _place("Texas", 31.0, -99.0, "adm1", "US"))]))
    assert not outcome.passed and outcome.problems[0].startswith("unexpected places: 'Texas'")
    loose = case("Paris Hilton flew to Texas.", {"Paris": NOWHERE})
    assert check(loose, _document(c.text, [("Texas", _place("Texas", 31.0, -99.0, "adm1", "US"))])).passed


def test_a_wider_mention_over_the_expected_words_counts():
    # "Paris, Texas" found as one mention still answers for "Paris".
    c = case("Paris, Texas is quiet.", {"Paris": Where(33.66, -95.56, 25)})
    assert check(c, _document(c.text, [("Paris, Texas", _place("Paris", 33.66, -95.55, cc="US"))])).passed


def test_every_occurrence_must_meet_the_expectation_unless_narrowed():
    text = "Georgia Smith left Georgia."
    person_and_state = [("Georgia Smith", None)]
    doc = _document(text, person_and_state)
    # neither "Georgia" is a place: the person is unresolved, the state was not found
    assert check(case(text, {"Georgia": NOWHERE}), doc).passed
    state = case(text, [Expect("Georgia", Where(32.7, -83.4, 300), inside="left Georgia")])
    assert not check(state, doc).passed
    assert check(case(text, [Expect("Georgia", NOWHERE, inside="Georgia Smith")]), doc).passed


def test_an_occurrence_inside_a_longer_expected_name_belongs_to_it():
    c = case("China patrols the South China Sea.", {"China": Where(35, 105, 2000), "South China Sea": Where(12, 114, 1300)})
    doc = _document(c.text, [("China", _place("China", 35, 105, "country", "CN")), ("South China Sea", _place("SCS", 12, 114, "physical", ""))])
    assert check(c, doc).passed


def test_a_case_whose_mention_is_not_in_its_text_is_refused():
    with pytest.raises(ValueError, match="'Lyon' does not occur"):
        case("Rain in Paris.", {"Lyon": PARIS})
    with pytest.raises(ValueError, match="not a point on Earth"):
        Where(95, 0, 10)


def test_the_failure_report_shows_the_text_and_what_was_found():
    c = case("Rain in Paris today.", {"Paris": PARIS})
    report = failure_report([check(c, _document(c.text, []))])
    assert report.splitlines() == ["  - Rain in Paris today.", "      'Paris' should be Paris, France (±30 km): not recognised"]


def test_every_capability_has_a_floor_and_a_target():
    capabilities = load_capabilities()
    assert set(capabilities) == set(FLOORS)
    assert all(0.0 <= FLOORS[c] <= 1.0 and TARGETS[c] == 0.90 for c in capabilities)
    assert TARGETS["*"] == 0.95


def test_the_suite_is_big_and_each_case_is_told_once():
    capabilities = load_capabilities()
    texts = [(c.text, c.expects) for cases in capabilities.values() for c in cases]
    assert len(texts) >= 400, f"the suite has {len(texts)} cases, the issue asks for at least 400"
    assert len(set(texts)) == len(texts)
    assert all(len(cases) >= 13 for cases in capabilities.values())


def test_the_whole_suite_does_not_fall_below_its_overall_floor(gazetteer):
    outcomes = [o for cases in load_capabilities().values() for o in run_cases(cases, gazetteer)]
    rate = pass_rate(outcomes)
    assert rate >= OVERALL_FLOOR, f"{rate:.1%} of {len(outcomes)} cases pass, below the overall floor {OVERALL_FLOOR:.1%}"


def test_the_benchmark_prints_each_capability_and_lists_failures():
    script = Path(__file__).parents[2] / "benchmarks" / "behaviour.py"
    run = subprocess.run([sys.executable, str(script), "-v", "-k", "common_words"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].split() == ["capability", "cases", "passed", "rate", "floor", "target"]
    name, cases, passed = lines[1].split()[:3]
    assert name == "common_words" and lines[2].split()[0] == "overall"
    # -v lists exactly as many failing cases as the row says fail, each with what was found
    listed = [line for line in lines if line.startswith("  - ")]
    assert len(listed) == int(cases) - int(passed)
    assert ("common_words: failing cases" in run.stdout) == bool(listed)
