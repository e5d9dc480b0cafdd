"""geo.home and --near: the readers' home area leans ambiguous names towards it, and no further."""

from __future__ import annotations

import json

import pytest

from geo.batch import map_each, summary
from geo.cli import run
from geo.errors import InputError
from geo.home import HOME_COUNTRY_BONUS, HOME_STATE_BONUS, with_home
from geo.pipeline import find_home, map_text
from geo.records import Candidate, Place

TENNESSEE = Place("t", "Tennessee", "adm1", 35.75, -86.25, "US", "Tennessee", 6_346_105)
PARIS_FR = Candidate(Place("fr", "Paris", "city", 48.85, 2.35, "FR", "Île-de-France", 2_138_551), 0.92, (("kind city", 0.2),))
PARIS_TN = Candidate(Place("tn", "Paris", "city", 36.30, -88.33, "US", "Tennessee", 10_156), 0.66, (("kind city", 0.2),))
PARIS_TX = Candidate(Place("tx", "Paris", "city", 33.66, -95.56, "US", "Texas", 24_171), 0.70, (("kind city", 0.2),))
GEORGIA_COUNTRY = Candidate(Place("ge", "Georgia", "country", 42.0, 43.5, "GE", "", 3_700_000), 1.6, ())


def test_a_place_in_the_home_state_gains_both_bonuses_and_the_list_is_reranked():
    ranked = with_home((PARIS_FR, PARIS_TX, PARIS_TN), TENNESSEE)
    assert [c.place.id for c in ranked] == ["tn", "fr", "tx"]  # 1.16, 0.92, 0.90
    by_id = {c.place.id: c for c in ranked}
    assert by_id["tn"].score == pytest.approx(0.66 + HOME_COUNTRY_BONUS + HOME_STATE_BONUS)
    assert by_id["tn"].features[-2:] == (("home country US", HOME_COUNTRY_BONUS), ("home state Tennessee", HOME_STATE_BONUS))
    assert by_id["tx"].features[-1] == ("home country US", HOME_COUNTRY_BONUS)
    assert by_id["fr"] is PARIS_FR  # untouched outside the home country


def test_a_town_as_home_area_lends_its_state():
    memphis = Place("m", "Memphis", "city", 35.15, -90.05, "US", "Tennessee", 650_000)
    assert with_home((PARIS_FR, PARIS_TN), memphis)[0].features[-1] == ("home state Tennessee", HOME_STATE_BONUS)


def test_countries_and_areas_without_a_country_gain_nothing():
    assert with_home((GEORGIA_COUNTRY,), Place("g", "Georgia", "country", 42.0, 43.5, "GE"))[0] is GEORGIA_COUNTRY
    atlantic = Place("a", "Atlantic Ocean", "physical", 0.0, -25.0)
    assert with_home((PARIS_FR, PARIS_TN), atlantic) == (PARIS_FR, PARIS_TN)


# --- with the full gazetteer ---------------------------------------------------------------

TEXT = "Police in Paris said the fire began downtown. Dublin firefighters helped."


def _read(doc):
    return {r.mention.text: (r.place.admin1, r.place.country_code) for r in doc.resolutions if r.place}


def test_without_a_home_paris_is_france_and_with_one_it_is_the_local_town(gazetteer):
    assert _read(map_text(TEXT, gazetteer=gazetteer, outlines=False))["Paris"] == ("Île-de-France", "FR")
    local = _read(map_text(TEXT, gazetteer=gazetteer, outlines=False, home=find_home("Tennessee", gazetteer=gazetteer)))
    assert local["Paris"] == ("Tennessee", "US")
    ohio = _read(map_text(TEXT, gazetteer=gazetteer, outlines=False, home=find_home("Columbus, Ohio", gazetteer=gazetteer)))
    assert ohio["Dublin"] == ("Ohio", "US")


def test_what_the_text_says_still_wins_over_the_home_area(gazetteer):
    doc = map_text("Talks opened in Paris, France on Monday.", gazetteer=gazetteer, outlines=False,
                   home=find_home("Tennessee", gazetteer=gazetteer))
    assert _read(doc)["Paris"] == ("Île-de-France", "FR")


def test_find_home_reads_qualifiers_and_refuses_what_names_no_place(gazetteer):
    assert find_home("Paris, Texas", gazetteer=gazetteer).admin1 == "Texas"
    assert find_home("Tennessee", gazetteer=gazetteer).kind == "adm1"
    with pytest.raises(InputError, match="'Xyzzyq'"):
        find_home("Xyzzyq", gazetteer=gazetteer)
    with pytest.raises(InputError, match="got ' '"):
        find_home(" ", gazetteer=gazetteer)
    with pytest.raises(InputError, match=r"one country: 'Europe' is Europe \(continent\)"):
        find_home("Europe", gazetteer=gazetteer)


def test_find_home_takes_the_most_local_place_a_hint_names(gazetteer):
    assert (find_home("the US state of Georgia", gazetteer=gazetteer).kind,
            find_home("the US state of Georgia", gazetteer=gazetteer).country_code) == ("adm1", "US")
    assert find_home("Columbus, Ohio", gazetteer=gazetteer).kind == "city"


def test_the_home_area_reaches_worker_processes(gazetteer):
    items = [(str(i), "Snow fell on Paris overnight.") for i in range(3)]
    home = find_home("Paris, Texas", gazetteer=gazetteer)
    one = list(map_each(items, render=_paris_state, jobs=1, home=home, gazetteer=gazetteer))
    two = list(map_each(items, render=_paris_state, jobs=2, home=home, gazetteer=gazetteer))
    assert one == two == ["Texas"] * 3


def _paris_state(document):  # module level: it runs in the workers
    return next(r.place.admin1 for r in document.resolutions if r.mention.text == "Paris")


def test_cli_near_leans_extract_towards_the_home_area(tmp_path, capsys):
    source = tmp_path / "story.txt"
    source.write_text(TEXT, encoding="utf-8")
    assert run(["extract", str(source), "--near", "Tennessee"]) == 0
    record = json.loads(capsys.readouterr().out)
    paris = next(t for t in record["toponyms"] if t["text"] == "Paris")
    assert paris["country_code"] == "US"


def test_cli_an_unknown_near_is_a_one_line_error_and_the_output_file_is_kept(tmp_path, capsys):
    source, output = tmp_path / "story.txt", tmp_path / "out.jsonl"
    source.write_text(TEXT, encoding="utf-8")
    output.write_text("earlier work\n", encoding="utf-8")
    assert run(["extract", str(source), "--near", "Xyzzyq", "-o", str(output)]) == 2
    assert capsys.readouterr().err.strip() == "geo: --near: no place in the gazetteer is named 'Xyzzyq'"
    assert output.read_text(encoding="utf-8") == "earlier work\n"
    assert run(["map", str(source), "--near", "Xyzzyq", "-o", str(tmp_path / "m.html")]) == 2
    assert not (tmp_path / "m.html").exists()


def test_cli_map_says_which_home_area_it_leaned_towards(tmp_path):
    source, output = tmp_path / "story.txt", tmp_path / "story.html"
    source.write_text(TEXT, encoding="utf-8")
    assert run(["map", str(source), "--near", "Tennessee", "-o", str(output)]) == 0
    assert "story (home area: Tennessee)" in output.read_text(encoding="utf-8")
