from geo.candidates import candidates_for
from geo.mentions import find_mentions
from geo.resolve import resolve
from geo.sentences import split_sentences
from tests.fakes import AZ, PARIS, PARIS_TX, TEXAS, TOVUZ, FakeGazetteer


def resolved(text):
    gz = FakeGazetteer()
    mentions = find_mentions(text, split_sentences(text), gz)
    candidates = tuple(candidates_for(m, gz) for m in mentions)
    return resolve(text, mentions, candidates)


def test_prior_prefers_the_big_city():
    (r,) = resolved("We flew to Paris.")
    assert r.place == PARIS
    assert [c.place for c in r.candidates] == [PARIS, PARIS_TX]
    assert r.candidates[0].score > r.candidates[1].score


def test_an_explicit_qualifier_overrides_the_prior():
    paris, texas = resolved("We drove to Paris, Texas.")
    assert paris.place == PARIS_TX and texas.place == TEXAS
    assert "qualified by Texas" in paris.reason
    assert PARIS in [c.place for c in paris.candidates[1:]]


def test_a_possessive_qualifies_the_next_place():
    az, tovuz = resolved("Azerbaijan's Tovuz district")
    assert tovuz.place == TOVUZ and az.place == AZ


def test_country_coherence_pulls_towns_and_one_sense_per_document():
    rs = resolved("Shelling hit Tovuz. Azerbaijan said Tovuz was calm.")
    assert [r.place for r in rs] == [TOVUZ, AZ, TOVUZ]
    assert any(name == "country of the text" for name, _ in rs[0].candidates[0].features)


def test_demonyms_resolve_to_their_country():
    (r,) = resolved("The Azerbaijani army advanced.")
    assert r.mention.kind == "demonym" and r.place == AZ


def test_features_add_up_to_the_score():
    for r in resolved("We drove to Paris, Texas, then Azerbaijan's Tovuz."):
        for c in r.candidates:
            assert abs(sum(v for _, v in c.features) - c.score) < 1e-3


def test_mentions_and_candidates_must_align():
    import pytest

    with pytest.raises(ValueError, match="one candidate tuple per mention"):
        resolve("x", (), ((),))


# ----------------------------------------------------------------- neighbours

def _local_news_gazetteer():
    from geo.records import Place

    paris_tn = Place("4655177", "Paris", "city", 36.302, -88.3267, "US", "Tennessee", 10_156)
    henry_tn = Place("4626288", "Henry County", "adm2", 36.33, -88.30, "US", "Tennessee", 32_330)
    henry_ga = Place("4196508", "Henry County", "adm2", 33.45, -84.15, "US", "Georgia", 203_922)
    names = [("Paris", PARIS, "name"), ("Paris", PARIS_TX, "name"), ("Paris", paris_tn, "name"),
             ("Henry County", henry_ga, "name"), ("Henry County", henry_tn, "name")]
    return FakeGazetteer(names), paris_tn, henry_tn


def _resolve_with(gz, text):
    mentions = find_mentions(text, split_sentences(text), gz)
    return resolve(text, mentions, tuple(candidates_for(m, gz) for m in mentions))


def test_a_town_and_a_county_named_together_are_the_neighbours():
    gz, paris_tn, henry_tn = _local_news_gazetteer()
    paris, henry = _resolve_with(gz, "Residents of Paris and Henry County will get a letter.")
    assert (paris.place, henry.place) == (paris_tn, henry_tn)
    assert "near Henry County" in paris.reason and "near Paris" in henry.reason


def test_without_a_neighbour_the_prior_decides():
    gz, _, _ = _local_news_gazetteer()
    (paris,) = _resolve_with(gz, "Residents of Paris wrote.")
    assert paris.place == PARIS and "near" not in paris.reason
    (henry,) = _resolve_with(gz, "Henry County voted.")
    assert henry.place.admin1 == "Georgia" and "near" not in henry.reason


def test_a_name_inside_another_name_is_no_neighbour():
    from geo.records import Place

    richmond_va = Place("4781708", "Richmond", "city", 37.55, -77.46, "US", "Virginia", 220_289)
    richmond_ky = Place("4305504", "Richmond", "city", 37.75, -84.29, "US", "Kentucky", 33_326)
    city_va = Place("4781756", "City of Richmond", "adm2", 37.53, -77.47, "US", "Virginia", 220_289)
    gz = FakeGazetteer([("Richmond", richmond_ky, "name"), ("Richmond", richmond_va, "name"),
                        ("City of Richmond", city_va, "name")])
    richmond, city = _resolve_with(gz, "Richmond grew. The City of Richmond said so.")
    assert "near" not in richmond.reason and "near" not in city.reason


# ----------------------------------------------------------------- one sense, ties

def test_a_qualified_mention_carries_the_unqualified_ones():
    first, texas, again = resolved("We drove to Paris, Texas. Paris was hot.")
    assert first.place == again.place == PARIS_TX and texas.place == TEXAS
    assert "qualified by Texas" in first.reason and "qualified by" not in again.reason


def test_equal_scores_go_to_the_first_candidate_for_every_mention():
    import re

    from geo.records import Candidate, Mention, Place

    illinois = Place("4250542", "Springfield", "city", 39.80, -89.64, "US", "Illinois", 116_250)
    missouri = Place("4409896", "Springfield", "city", 37.22, -93.30, "US", "Missouri", 159_498)
    cands = (Candidate(illinois, 0.6, (("prior", 0.6),)), Candidate(missouri, 0.6, (("prior", 0.6),)))
    text = "Springfield, then Springfield and Springfield."
    mentions = tuple(Mention(m.start(), m.end(), "Springfield", 0) for m in re.finditer("Springfield", text))
    for ordered in (cands, cands[::-1]):
        rs = resolve(text, mentions, (ordered,) * 3)
        assert [r.place for r in rs] == [ordered[0].place] * 3
        assert [c.place for c in rs[0].candidates] == [c.place for c in ordered]
        assert rs[0].candidates == rs[2].candidates and rs[0].score == 0.6


# ----------------------------------------------------------------- coherence shares

def _us_gazetteer():
    from geo.records import Place

    georgia_ge = Place("614540", "Georgia", "country", 42.0, 43.5, "GE", "", 3_731_000)
    georgia_us = Place("4197000", "Georgia", "adm1", 32.75, -83.5, "US", "Georgia", 10_711_908)
    florida = Place("4155751", "Florida", "adm1", 28.75, -82.5, "US", "Florida", 21_538_187)
    ocean = Place("geo:atlantic-ocean", "Atlantic Ocean", "physical", 0.0, -25.0, "", "", 0)
    town = Place("4847385", "Atlantic", "city", 41.40, -95.01, "US", "Iowa", 6_833)
    names = [("Georgia", georgia_ge, "name"), ("Georgia", georgia_us, "name"), ("Florida", florida, "name"),
             ("Atlantic", ocean, "alternate"), ("Atlantic", town, "name"), ("Texas", TEXAS, "name")]
    return FakeGazetteer(names), georgia_us, ocean


def test_a_names_own_reading_does_not_dilute_the_others_country():
    gz, georgia_us, _ = _us_gazetteer()
    _, georgia = _resolve_with(gz, "Storms hit Florida. Georgia was spared.")
    assert georgia.place == georgia_us  # Florida's vote is all the context Georgia has
    assert ("country of the text", 0.5) in georgia.candidates[0].features


def test_a_sea_fits_any_country_so_a_namesake_town_gains_nothing_over_it():
    gz, _, ocean = _us_gazetteer()
    atlantic, texas = _resolve_with(gz, "Storms over the Atlantic hit Texas.")
    assert atlantic.place == ocean and "fits any country of the text" in atlantic.reason
    assert texas.place == TEXAS


def test_a_town_and_a_state_another_name_can_be_support_each_other():
    from geo.records import Place
    from geo.resolve import STATE_NAMED_BONUS

    albany_ny = Place("5106834", "Albany", "city", 42.65, -73.76, "US", "New York", 97_856)
    albany_ga = Place("4179320", "Albany", "city", 31.58, -84.16, "US", "Georgia", 73_801)
    georgia_ge = Place("614540", "Georgia", "country", 42.0, 43.5, "GE", "", 3_731_000)
    georgia_us = Place("4197000", "Georgia", "adm1", 32.75, -83.5, "US", "Georgia", 10_711_908)
    gz = FakeGazetteer([("Albany", albany_ny, "name"), ("Albany", albany_ga, "name"),
                        ("Georgia", georgia_ge, "name"), ("Georgia", georgia_us, "name")])
    albany, georgia = _resolve_with(gz, "Police in Albany arrested a man. Georgia agents helped.")
    evidence = {c.place.id: c.features for r in (albany, georgia) for c in r.candidates}
    assert ("in a state the text names", STATE_NAMED_BONUS) in evidence[albany_ga.id]
    assert ("holds a town the text names", STATE_NAMED_BONUS) in evidence[georgia_us.id]
    assert not any("the text names" in label for label, _ in evidence[albany_ny.id] + evidence[georgia_ge.id])
    assert (albany.place, georgia.place) == (albany_ga, georgia_us)


def test_names_that_lean_on_each_other_settle_together_not_flip_flop():
    from geo.records import Place

    california = Place("5332921", "California", "adm1", 37.25, -119.75, "US", "California", 37_691_912)
    village = Place("2654083", "California", "city", 55.99, -3.75, "GB", "Scotland", 800)
    redding = Place("5570160", "Redding", "city", 40.59, -122.39, "US", "California", 91_119)
    redding_gb = Place("2639713", "Redding", "city", 55.99, -3.76, "GB", "Scotland", 2_540)
    gz = FakeGazetteer([("California", california, "name"), ("California", village, "name"),
                        ("Redding", redding, "name"), ("Redding", redding_gb, "name")])
    text = "A missing California mother was found. Her abduction in Redding, northern California, is unclear."
    rs = _resolve_with(gz, text)
    assert [r.place for r in rs] == [california, redding, california]
    # Each reason is that of the chosen place under the final readings: its best candidate.
    assert all(r.candidates[0].place == r.place for r in rs)


# ----------------------------------------------------------------- a town and its district

def _districts_gazetteer():
    from geo.records import Place

    gaza_city = Place("281133", "Gaza", "city", 31.50, 34.47, "PS", "Gaza Strip", 410_000)
    gaza_ps = Place("11184609", "Gaza", "adm1", 31.50, 34.47, "PS", "Gaza", 419_328)
    gaza_mz = Place("1046058", "Gaza", "adm1", -23.31, 32.79, "MZ", "Gaza", 384_964)
    quebec_city = Place("6325494", "Québec", "city", 46.81, -71.21, "CA", "Quebec", 531_902)
    quebec = Place("6115047", "Quebec", "adm1", 52.00, -72.00, "CA", "Quebec", 8_164_361)
    almaty_city = Place("1526384", "Almaty", "city", 43.25, 76.91, "KZ", "Almaty", 1_977_011)
    almaty = Place("1526395", "Almaty", "adm1", 44.96, 77.97, "KZ", "Almaty", 1_984_885)
    names = [("Gaza", p, "name") for p in (gaza_ps, gaza_mz, gaza_city)]
    names += [("Quebec", quebec, "name"), ("Quebec", quebec_city, "name"),
              ("Almaty", almaty, "name"), ("Almaty", almaty_city, "name")]
    return FakeGazetteer(names), gaza_city, quebec, almaty_city


def test_a_town_stands_for_the_district_named_after_it_not_its_namesakes_abroad():
    gz, gaza_city, _, _ = _districts_gazetteer()
    (gaza,) = _resolve_with(gz, "Shelling hit Gaza again.")
    # Before: the district around the town lost to the town, and Mozambique's Gaza won.
    assert gaza.place == gaza_city and "stands for its district" in gaza.reason


def test_a_town_does_not_stand_for_its_district_against_a_city_bigger_than_the_district():
    from geo.records import Place

    granada_ni = Place("3619136", "Granada", "city", 11.93, -85.96, "NI", "Granada", 89_409)
    department = Place("3619135", "Granada", "adm1", 11.83, -85.97, "NI", "Granada", 168_186)
    granada_es = Place("2517117", "Granada", "city", 37.19, -3.61, "ES", "Andalusia", 233_532)
    gz = FakeGazetteer([("Granada", p, "name") for p in (department, granada_ni, granada_es)])
    (granada,) = _resolve_with(gz, "Tourists flocked to Granada.")
    # Nicaragua's town holds most of its department, but Spain's city outnumbers the whole
    # department: the department's standing would have carried the small town past it.
    assert granada.place == granada_es
    assert not any("stands for its district" in str(c.features) for c in granada.candidates)


def test_a_region_mostly_living_in_its_city_is_named_after_it_even_far_from_its_centre():
    gz, _, _, almaty_city = _districts_gazetteer()
    (almaty,) = _resolve_with(gz, "Talks were held in Almaty.")
    assert almaty.place == almaty_city  # the region's point lies 200 km from the city


def test_a_province_whose_city_holds_a_small_share_keeps_its_name():
    gz, _, quebec, _ = _districts_gazetteer()
    (mention,) = _resolve_with(gz, "Voters in Quebec went to the polls.")
    assert mention.place == quebec


def test_a_dateline_names_the_town_at_every_mention_of_its_name():
    gz, _, quebec, _ = _districts_gazetteer()
    quebec_city = next(c.place for c in _resolve_with(gz, "Quebec")[0].candidates if c.place.kind == "city")
    for opening in ("QUEBEC (Reuters) - ", "(QUEBEC) — ", "QUEBEC, Canada (AP) — "):
        rs = _resolve_with(gz, opening + "Quebec officials said so.")
        quebecs = [r for r in rs if r.mention.text.lower() == "quebec"]
        assert [r.place for r in quebecs] == [quebec_city, quebec_city], opening
        assert "dateline" in quebecs[0].reason
    # Capitals without a dash or an agency after them are not a dateline, nor a name further in.
    for text in ("QUEBEC voters went to the polls.", "Polls closed. QUEBEC (AP) - x"):
        assert _resolve_with(gz, text)[0].place == quebec, text


def test_a_dateline_alone_names_a_big_town_not_a_hamlet():
    from geo.records import Place

    texas = Place("4736286", "Texas", "adm1", 31.25, -99.25, "US", "Texas", 22_875_689)
    hamlet = Place("2146219", "Texas", "city", -28.85, 151.17, "AU", "Queensland", 900)
    gz = FakeGazetteer([("Texas", texas, "name"), ("Texas", hamlet, "name")])
    (alone,) = _resolve_with(gz, "TEXAS - Lawmakers met on Monday.")
    assert alone.place == texas and "dateline" not in alone.reason
    # With a qualifier after it, a dateline may name a small town ("INNISFAIL, Alta. -").
    (qualified,) = _resolve_with(gz, "TEXAS, Queensland - Rain fell.")[:1]
    assert qualified.place == hamlet and "dateline" in qualified.reason


def test_a_dateline_keeps_its_qualifier():
    (paris, texas, *_) = resolved("PARIS, Texas (AP) — Paris officials said so.")
    assert paris.place == PARIS_TX and texas.place == TEXAS
    assert "qualified by Texas" in paris.reason and "dateline" in paris.reason


# ----------------------------------------------------------------- speed-ups keep the answers

def test_context_updated_by_moves_equals_a_recount():
    from geo.coherence import _coherence_facts, _Context

    places = [PARIS, PARIS_TX, TEXAS, TOVUZ, AZ]
    facts = {p.id: _coherence_facts(p) for p in places}
    chosen = {("paris", "toponym"): PARIS, ("texas", "toponym"): TEXAS, ("tovuz", "toponym"): TOVUZ,
              ("azerbaijan", "demonym"): AZ}
    moved = _Context(chosen, facts)
    moved.move("paris", PARIS, PARIS_TX)
    moved.move("tovuz", TOVUZ, AZ)
    moved.move("tovuz", AZ, TOVUZ)
    recount = _Context({**chosen, ("paris", "toponym"): PARIS_TX}, facts)
    for field in ("countries", "states", "own_country", "own_state", "own_total", "total"):
        assert getattr(moved, field) == getattr(recount, field), field
    for country in ("US", "FR", "AZ", "*", ""):
        assert moved.country_bonus(country, "paris") == recount.country_bonus(country, "paris")


def test_records_built_through_their_slots_equal_the_constructed_ones():
    from geo.records import Candidate, Mention, Resolution
    from geo.evidence import _new_candidate
    from geo.resolve import _new_resolution

    features = (("kind city", 0.2),)
    assert _new_candidate(PARIS, 0.5, features) == Candidate(PARIS, 0.5, features)
    mention = Mention(0, 5, "Paris", 0)
    assert _new_resolution(mention, PARIS, 0.5, (), "x") == Resolution(mention, PARIS, 0.5, (), "x")


def test_scores_rounded_the_quick_way_are_the_floats_round_gives():
    import random
    import struct

    from geo.evidence import _round4

    rng = random.Random(12)
    values = [0.0, -0.0, 1e-5, -1e-5, 5e-5, -5e-5, 1.5e-4, 2.5e-4, 0.5, 99999.99995, 1e300, -1e300, 5e-324,
              float("inf"), float("-inf"), float("nan")]
    for _ in range(100_000):
        values += [
            rng.uniform(-5, 5),
            round(rng.uniform(-3, 3), rng.randint(1, 6)) + rng.choice([0.35, 0.5, 0.25, 0.1, 0.175, -0.8, 0.6]),
            (rng.randint(-40_000, 40_000) + 0.5) / 10_000 + rng.choice([0, 1e-17, -1e-17, 1e-12, -1e-12]),
            0.5 * min(1.0, rng.randint(1, 40) / rng.randint(1, 80)),
            rng.uniform(-1e6, 1e6) * 10 ** rng.randint(-12, 3),
        ]
    for x in values:  # the same float to the bit (the sign of a zero included), or both not a number
        assert struct.pack("<d", _round4(x)) == struct.pack("<d", round(x, 4)) or x != x, x


def test_a_curated_sea_or_region_outranks_a_province_named_after_it():
    from geo.records import Place

    sea = Place("geo:red-sea", "Red Sea", "physical", 20.27, 38.53, "", "", 0)
    state = Place("408664", "Red Sea", "adm1", 19.5, 36.0, "SD", "Red Sea", 646_800)
    gz = FakeGazetteer([("Red Sea", state, "name"), ("Red Sea", sea, "name")])
    (mention,) = _resolve_with(gz, "Ships crossed the Red Sea on Monday.")
    assert mention.place == sea
    assert [c.place for c in mention.candidates] == [sea, state]
