"""geo.evaluate: figures worked out by hand on the fixtures, and agreement with the reference scorer.

Fixture map (tests/fixtures/eval_gold.jsonl vs eval_system.jsonl, invented texts):
  g1  Estonian (type Demonym): exact, error 0   Tallinn: exact, error 0 (span reported twice)
      Helsinki: overlap-only ("Helsinki at"), 1 degree of latitude off (~111 km, a hit)
  g2  "Snow": false positive   Ridgeford: exact, 2 degrees off (~222 km, > 161)
      "Bay of Kestrel": gold without coordinates, overlapped by the system's "Kestrel"
  g3  Marlow Creek: exact, unresolved by the system
  g4  Dunmore: missed (the system found nothing)
  g5  Varna: missed (document absent from the system output)
  zz  system-only document, ignored
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from geo.errors import InputError
from geo.evaluate import (
    AUC_MAX_ERROR_KM,
    EARTH_RADIUS_KM,
    GoldDocument,
    GoldToponym,
    auc_log_error,
    evaluate,
    format_table,
    haversine_km,
    load_gold,
    load_system,
    score,
)

FIXTURES = Path(__file__).parent / "fixtures"
GOLD = FIXTURES / "eval_gold.jsonl"
SYSTEM = FIXTURES / "eval_system.jsonl"
REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"

ONE_DEG_KM = EARTH_RADIUS_KM * math.pi / 180  # along a meridian
L1, L2 = math.log1p(ONE_DEG_KM), math.log1p(2 * ONE_DEG_KM)  # ln(1 + error) of the two non-zero errors
LMAX, W = math.log1p(AUC_MAX_ERROR_KM), math.log(AUC_MAX_ERROR_KM)


@pytest.fixture(scope="module")
def gold() -> list[GoldDocument]:
    return load_gold(GOLD)


@pytest.fixture(scope="module")
def system() -> list[dict]:
    return load_system(SYSTEM)


# ------------------------------------------------------------------ hand-computed figures


def test_recognition_by_hand(gold, system):
    s = score(gold, system)  # default: gold without coordinates left out
    ex, ov = s.exact, s.overlap
    # 7 gold (Bay of Kestrel left out); 6 system spans (duplicate Tallinn merged, "Kestrel" neutral)
    assert (ex.gold, ex.system, ex.tp) == (7, 6, 4)  # Estonian, Tallinn, Ridgeford, Marlow Creek
    assert (ov.gold, ov.system, ov.tp) == (7, 6, 5)  # + Helsinki
    assert ex.precision == pytest.approx(4 / 6) and ex.recall == pytest.approx(4 / 7)
    assert ex.f1 == pytest.approx(8 / 13)
    assert ov.precision == pytest.approx(5 / 6) and ov.recall == pytest.approx(5 / 7)
    assert ov.f1 == pytest.approx(10 / 13)
    assert (s.documents, s.system_documents_missing, s.system_documents_unknown) == (5, 1, 1)
    assert s.system_spans_ignored_as_excluded == 1


def test_resolution_by_hand(gold, system):
    ex, ov = score(gold, system).exact, score(gold, system).overlap
    # exact: errors 0, 0, 222 km; Marlow Creek unresolved; Dunmore and Varna missed
    assert (ex.gold_with_coords, ex.found_with_coords, ex.unresolved_found, ex.hits) == (7, 4, 1, 2)
    assert (ex.acc_found, ex.acc_all) == (pytest.approx(2 / 4), pytest.approx(2 / 7))
    assert ex.errors_n == 3
    assert ex.mean_error_km == pytest.approx(2 * ONE_DEG_KM / 3)
    assert ex.median_error_km == 0.0
    assert ex.auc == pytest.approx((L2 / 2) / (W * 2))
    # all gold: 0, 0, L2 and four misses at the maximum
    assert ex.auc_all == pytest.approx((L2 + 3 * LMAX + LMAX / 2) / (W * 6))
    # overlap adds Helsinki, 111 km off: a hit
    assert (ov.found_with_coords, ov.unresolved_found, ov.hits, ov.errors_n) == (5, 1, 3, 4)
    assert (ov.acc_found, ov.acc_all) == (pytest.approx(3 / 5), pytest.approx(3 / 7))
    assert ov.mean_error_km == pytest.approx(3 * ONE_DEG_KM / 4)
    assert ov.median_error_km == pytest.approx(ONE_DEG_KM / 2)
    assert ov.auc == pytest.approx((L1 + L2 / 2) / (W * 3))
    assert ov.auc_all == pytest.approx((L1 + L2 + 2 * LMAX + LMAX / 2) / (W * 6))


def test_gold_without_coordinates_counts_for_recognition_when_kept(gold, system):
    s = score(gold, system, ignore_unresolved_gold=False)
    assert (s.exact.gold, s.exact.system, s.exact.tp) == (8, 7, 4)
    assert s.overlap.tp == 6  # "Kestrel" now overlap-matches "Bay of Kestrel"
    assert s.overlap.recall == pytest.approx(6 / 8)
    assert s.exact.gold_with_coords == 7  # resolution figures unchanged
    assert s.overlap.acc_found == pytest.approx(3 / 5)
    assert s.system_spans_ignored_as_excluded == 0


def test_excluded_types_are_neutral(gold, system):
    s = score(gold, system, exclude_types=["Demonym"])
    assert (s.exact.gold, s.exact.system, s.exact.tp) == (6, 5, 3)
    assert s.system_spans_ignored_as_excluded == 2  # "Estonian" and "Kestrel"
    assert s.exclude_types == ("Demonym",)


def test_threshold_changes_hits(gold, system):
    assert score(gold, system, threshold_km=250).exact.hits == 3
    assert score(gold, system, threshold_km=100).overlap.hits == 2


def test_error_zero_and_perfect_system(gold):
    oracle = [
        {"id": d.id, "toponyms": [{"start": t.start, "end": t.end, "lat": t.lat, "lon": t.lon} for t in d.toponyms]}
        for d in gold
    ]
    for m in (score(gold, oracle).exact, score(gold, oracle).overlap):
        assert (m.precision, m.recall, m.f1, m.acc_found, m.acc_all) == (1.0, 1.0, 1.0, 1.0, 1.0)
        assert (m.mean_error_km, m.median_error_km, m.auc, m.auc_all) == (0.0, 0.0, 0.0, 0.0)


def test_nothing_found_gives_zeros_and_none(gold):
    m = score(gold, []).exact
    assert (m.system, m.tp, m.precision, m.recall, m.f1) == (0, 0, 0.0, 0.0, 0.0)
    assert (m.acc_found, m.mean_error_km, m.auc) == (None, None, None)
    assert m.acc_all == 0.0 and m.auc_all == pytest.approx(LMAX / W)


# ------------------------------------------------------------------ agreement with score.py


def _reference(*options: str) -> dict:
    done = subprocess.run(
        [sys.executable, str(REFERENCE), str(GOLD), str(SYSTEM), "--json", "-", *options],
        capture_output=True, text=True, check=True,
    )
    return json.loads(done.stdout)


def _assert_same(ours, theirs, path="scores"):
    if isinstance(theirs, dict):
        assert set(ours) == set(theirs), path
        for key in theirs:
            _assert_same(ours[key], theirs[key], f"{path}.{key}")
    elif isinstance(theirs, float):
        assert ours == pytest.approx(theirs, abs=1e-9), path
    else:
        assert ours == theirs, path


@pytest.mark.skipif(not REFERENCE.exists(), reason=f"reference scorer {REFERENCE} is absent (clean clone)")
@pytest.mark.parametrize(
    ("options", "kwargs"),
    [
        (["--ignore-unresolved-gold"], {}),
        ([], {"ignore_unresolved_gold": False}),
        (["--exclude-types", "Demonym"], {"ignore_unresolved_gold": False, "exclude_types": ["Demonym"]}),
        (["--ignore-unresolved-gold", "--threshold-km", "250"], {"threshold_km": 250.0}),
    ],
)
def test_every_figure_agrees_with_reference_scorer(gold, system, options, kwargs):
    ours = score(gold, system, **kwargs)
    _assert_same(ours.as_dict(), _reference(*options))
    table = subprocess.run(
        [sys.executable, str(REFERENCE), str(GOLD), str(SYSTEM), *options], capture_output=True, text=True, check=True
    ).stdout
    assert format_table(ours) == table.rstrip("\n")


# ------------------------------------------------------------------ evaluate() and output


def test_evaluate_runs_the_extractor_on_id_and_text_only(gold, system):
    by_id = {d["id"]: d for d in system}
    texts = {d.id: d.text for d in gold}
    seen = []

    def fake_extract(doc_id, text):
        assert texts[doc_id] == text
        seen.append(doc_id)
        return {"toponyms": by_id.get(doc_id, {}).get("toponyms", [])}

    s = evaluate(gold, fake_extract)
    assert seen == ["g1", "g2", "g3", "g4", "g5"]
    assert s.system_documents_missing == 0
    assert s.exact == score(gold, system).exact  # g5 returned empty == g5 absent
    assert evaluate(gold, fake_extract, ignore_unresolved_gold=False).exact.gold == 8


def test_evaluate_rejects_a_record_for_another_document(gold):
    with pytest.raises(InputError, match="'other'.*'g1'"):
        evaluate(gold, lambda doc_id, text: {"id": "other", "toponyms": []})


def test_as_dict_is_json_and_table_has_every_row(gold, system):
    s = score(gold, system)
    d = json.loads(json.dumps(s.as_dict()))
    assert d["exact"]["tp"] == 4 and d["overlap"]["tp"] == 5 and d["ignore_unresolved_gold"] is True
    table = format_table(s)
    for label in ("recognition F1", "acc@161km (found)", "acc@161km (all gold)", "median error km", "AUC (found, resolved)"):
        assert label in table
    assert "0.6154" in table and "0.7692" in table  # exact and overlap F1
    assert "system spans ignored: 1" in table


# ------------------------------------------------------------------ geometry


def test_haversine_and_auc_definitions():
    assert haversine_km(10.0, 20.0, 12.0, 20.0) == pytest.approx(2 * ONE_DEG_KM)
    assert haversine_km(0.0, 0.0, 0.0, 180.0) == pytest.approx(math.pi * EARTH_RADIUS_KM)
    assert haversine_km(0.0, 0.0, 0.0, -180.0) == pytest.approx(math.pi * EARTH_RADIUS_KM)
    ys = [math.log1p(e) for e in (1.0, 10.0, 100.0)]
    assert auc_log_error([100.0, 1.0, 10.0]) == pytest.approx((ys[0] / 2 + ys[1] + ys[2] / 2) / (W * 2))
    assert auc_log_error([50000.0]) == pytest.approx(LMAX / W)  # capped at the maximum error


# ------------------------------------------------------------------ input validation


def test_loads_from_lines_or_path_alike(gold):
    assert load_gold(GOLD.read_text(encoding="utf-8").splitlines()) == gold
    assert load_gold(str(GOLD)) == gold
    assert gold[1].toponyms[1] == GoldToponym(34, 48, "Bay of Kestrel", None, None, None)
    assert gold[0].toponyms[0].type == "Demonym"


def test_text_with_line_separator_characters_stays_one_record(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "x\u2028Oslo", "toponyms": []}, ensure_ascii=False) + "\n", encoding="utf-8")
    assert load_gold(path)[0].text == "x\u2028Oslo"


def _line(toponyms, text="Rain over Vidin.", doc_id="a"):
    return json.dumps({"id": doc_id, "text": text, "toponyms": toponyms})


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ([_line([{"start": 10, "end": 14, "name": "Vidin"}])], r"<lines>:1: toponym #0: gold span 10-14 is 'Vidi', not 'Vidin'"),
        (["", _line([]), "{not json"], r"<lines>:3: invalid JSON"),
        (['{"text": "no id"}'], r"<lines>:1: .*'id'"),
        ([_line([]), _line([])], r"<lines>:2: duplicate document id, got 'a'"),
        ([_line([{"start": 10, "end": 10, "name": ""}])], r"<lines>:1: toponym #0: .*start < end, got \(10, 10\)"),
        ([_line([{"start": "10", "end": 15}])], r"<lines>:1: toponym #0: .*integers, got \('10', 15\)"),
        ([_line([{"start": 10, "end": 15, "lat": "north", "lon": 3}])], r"lat must be a number, got 'north'"),
        ([_line([{"start": 10, "end": 15, "lat": 95.0, "lon": 3.0}])], r"out of range, got \(95.0, 3.0\)"),
        ([_line([{"start": 10, "end": 40}])], r"past the text's end, got end=40"),
        ([_line([{"start": 10, "end": 15}, {"start": 10, "end": 15}])], r"<lines>:1: duplicate gold span"),
        ([json.dumps({"id": "a", "toponyms": []})], r"<lines>:1: gold needs a 'text' string, got None"),
    ],
)
def test_bad_gold_raises_input_error_naming_the_line(lines, message):
    with pytest.raises(InputError, match=message) as info:
        load_gold(lines)
    assert "\n" not in str(info.value)


def test_missing_gold_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="cannot read"):
        load_gold(tmp_path / "absent.jsonl")


def test_gold_name_is_optional_and_taken_from_the_text():
    doc = load_gold([_line([{"start": 10, "end": 15, "lat": 44.0, "lon": 22.9}])])[0]
    assert doc.toponyms[0].name == "Vidin"


def test_bad_system_records_raise_input_error(gold):
    with pytest.raises(InputError, match=r"'g1': toponym #0: .*start < end, got \(5, 2\)"):
        score(gold, [{"id": "g1", "toponyms": [{"start": 5, "end": 2}]}])
    with pytest.raises(InputError, match="duplicate system document id, got 'g1'"):
        score(gold, [{"id": "g1"}, {"id": "g1"}])
    with pytest.raises(InputError, match="out of range"):
        score(gold, [{"id": "g1", "toponyms": [{"start": 0, "end": 2, "lat": 0.0, "lon": 190.0}]}])
