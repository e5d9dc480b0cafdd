"""Checks on geo/data/abbreviations.tsv: the style-guide abbreviations news uses for places.

Reads only the file itself (and geo.names), so it runs offline anywhere.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

import geo
from geo.names import name_key

ABBREVIATIONS = Path(geo.__file__).parent / "data" / "abbreviations.tsv"
CODE = re.compile(r"[A-Z]{2}(?:-[A-Z0-9]{1,3})?")


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with ABBREVIATIONS.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        assert reader.fieldnames == ["code", "abbreviation", "source"]
        return list(reader)


def test_rows_are_complete_sorted_and_unique(rows):
    assert len(rows) >= 40
    pairs = [(r["code"], r["abbreviation"]) for r in rows]
    assert pairs == sorted(set(pairs))
    for r in rows:
        assert None not in r and all(v and v.strip() == v for v in r.values()), r
        assert CODE.fullmatch(r["code"]), r


def test_keys_survive_name_key_and_are_not_shared_between_places(rows):
    codes_by_key: dict[str, set[str]] = {}
    for r in rows:
        key = name_key(r["abbreviation"])
        assert key, r
        codes_by_key.setdefault(key, set()).add(r["code"])
    assert name_key("B.C.") in codes_by_key
    assert {k: c for k, c in codes_by_key.items() if len(c) > 1} == {}


@pytest.mark.parametrize("word", ["La.", "Man.", "ACT", "S.A."])
def test_common_words_and_ambiguous_forms_are_left_out(rows, word):
    # "la" (LA is Los Angeles), "man", "act", "S.A." (company suffix, South Africa) would
    # make ordinary tokens resolve to a subdivision.
    assert name_key(word) not in {name_key(r["abbreviation"]) for r in rows}
