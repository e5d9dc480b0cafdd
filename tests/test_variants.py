"""Spellings derived by rule (geo/data/variants.py): each rule's letters, which names a rule
reads, the checks a derived spelling must pass, and what the bundled data answers to."""

from __future__ import annotations

import pytest

from geo.data.build import latin_name
from geo.data.variants import (
    arabic,
    armenian,
    azerbaijani,
    cldr_endonyms,
    cyrillic,
    derived_names,
    georgian,
    romanised_endonym,
    russian,
    ukrainian,
)
from geo.records import Place


@pytest.mark.parametrize("name, english", [
    ("Qəbələ", "Gabala"), ("Xankəndi", "Khankendi"), ("Cəbrayıl", "Jabrayil"), ("Kəlbəcər", "Kalbajar"),
    ("Ağdam", "Aghdam"), ("Ağdam", "Agdam"), ("Qubadlı", "Gubadly"), ("Şəki", "Sheki"), ("Gəncə", "Ganja"),
    ("Xaçmaz", "Khachmaz"), ("Laçın", "Lachin"), ("Şuşa", "Shusha"), ("Naxçıvan", "Nakhchivan"),
])
def test_azerbaijani_latin_in_english_transcription(name, english):
    assert english in azerbaijani(name)


@pytest.mark.parametrize("name", ["Shusha", "Khojaly", "Baku", "Jalilabad", "Calut"])
def test_names_without_azerbaijani_letters_are_left_alone(name):
    # English spellings ("kh", "sh") and names whose c or j may already be English.
    assert azerbaijani(name) == []


@pytest.mark.parametrize("cyr, latin", [
    ("Луганск", "Lugansk"), ("Николаев", "Nikolayev"), ("Днепропетровск", "Dnepropetrovsk"),
    ("Ростов-на-Дону", "Rostov-na-Donu"), ("Кривой Рог", "Krivoy Rog"), ("Ленкорань", "Lenkoran"), ("Орёл", "Oryol"),
])
def test_russian_bgn_pcgn(cyr, latin):
    assert russian(cyr) == latin


@pytest.mark.parametrize("cyr, latin", [
    ("Луганськ", "Luhansk"), ("Миколаїв", "Mykolaiv"), ("Київ", "Kyiv"), ("Запоріжжя", "Zaporizhzhia"),
    ("Одеса", "Odesa"), ("Юрівка", "Yurivka"), ("Згурівка", "Zghurivka"), ("Єнакієве", "Yenakiieve"),
])
def test_ukrainian_national_system(cyr, latin):
    assert ukrainian(cyr) == latin


def test_cyrillic_picks_the_system_by_letters_and_country():
    assert cyrillic("Миколаїв", "UA") == [("ukrainian", "Mykolaiv")]  # ї is Ukrainian only
    assert cyrillic("Николаев", "UA") == [("russian", "Nikolayev")]
    assert cyrillic("Луганськ", "UA") == [("ukrainian", "Luhansk"), ("russian", "Lugansk")]
    assert cyrillic("Габала", "AZ") == [("russian", "Gabala")]
    assert cyrillic("Мінск", "BY") == []  # Belarusian і outside Ukraine: no rule here
    assert cyrillic("Қабала", "KZ") == []  # Kazakh letters
    assert cyrillic("Београд", "RS") == []  # Serbia has its own Latin names in GeoNames
    assert cyrillic("Mykolaiv", "UA") == []


def test_georgian_and_armenian():
    assert (georgian("საქართველო"), georgian("ზუგდიდი")) == ("Sakartvelo", "Zugdidi")
    assert (armenian("Հայաստան"), armenian("Երևան"), armenian("Ոսկեպար")) == ("Hayastan", "Yerevan", "Voskepar")


def test_arabic_article_ending_and_q():
    assert {"Ḩasakah", "El Ḩasakah", "Al Ḩasaka"} <= set(arabic("Al Ḩasakah"))  # keys fold Ḩ to h
    assert {"Raqqa", "Al Raqqah", "Ar Raqqa", "Rakkah"} <= set(arabic("Ar Raqqah"))
    assert "Ash Shaykh Badr" in arabic("Al Shaykh Badr")  # the sun letter takes the article's l
    assert "Kamishli" in arabic("Qamishli")
    assert "Ain" not in arabic("Al Ain")  # a bare name of fewer than five letters is no name
    assert arabic("Mosquée") == []  # French qu
    assert "Sidi Abdalla" not in arabic("Sidi Abdallah")
    assert "Al Ḩasakah" not in arabic("Al Ḩasakah")  # the name itself is not a variant


def test_cldr_gives_countries_their_own_names():
    names = {(code, name) for code, _, name in cldr_endonyms(["DE", "ES", "AT", "AZ", "CH", "GE"])}
    assert {("DE", "Deutschland"), ("ES", "España"), ("AT", "Österreich"), ("AZ", "Azərbaycan"),
            ("CH", "Schweiz"), ("CH", "Suisse"), ("CH", "Svizzera")} <= names
    assert romanised_endonym("ka", "საქართველო") == ("georgian", "Sakartvelo")
    assert romanised_endonym("zh", "中国") is None


def _place(pid, name, kind="city", cc="AZ", pop=1000):
    return Place(pid, name, kind, 40.0, 47.0, cc, "", pop)


def _zipf(word):
    return {"lenin": 3.0, "most": 6.0}.get(word, 1.0)


def test_a_variant_never_takes_another_places_main_name():
    places = {"1": _place("1", "Qəbələ", pop=20_000), "2": _place("2", "Gebele", pop=300)}
    _, derived = derived_names(places, set(), [], {}, [], usable=latin_name, zipf=_zipf)
    spelled = {name for pid, _, name in derived if pid == "1"}
    assert "Gabala" in spelled
    assert "Gebele" not in spelled  # the main name of place 2: it stays place 2's alone


def test_known_names_common_words_and_long_lists_are_not_added():
    places = {"1": _place("1", "Most", cc="RU"), "2": _place("2", "Gabala")}
    cities = [
        {"geonameid": 1, "countrycode": "RU", "alternatenames": ["Мост", "Один Два Три Четыре Пять Шесть"]},
        {"geonameid": 2, "countrycode": "AZ", "alternatenames": ["Габала", "Кутка­шен", "Куткашен"]},
    ]
    names = {("2", "alternate", "Qəbələ")}
    _, derived = derived_names(places, names, cities, {}, [], usable=latin_name, zipf=_zipf)
    assert ("2", "russian", "Kutkashen") in derived
    spelled = [name for _, _, name in derived]
    assert "Gabala" not in spelled  # the place's own main name
    assert "Most" not in spelled and not any(len(n.split()) > 5 for n in spelled)
    assert spelled.count("Kutkashen") == 1


def test_listed_endonyms_are_kept_beside_a_towns_main_name():
    places = {"10": _place("10", "Spain", "country", "ES", 46_000_000), "11": _place("11", "España", cc="PH")}
    listed, _ = derived_names(places, set(), [], {"ES": "10"}, [("ES", "es", "España")], usable=latin_name, zipf=_zipf)
    assert listed == [("10", "cldr", "España")]


# --------------------------------------------------------------------------- the bundled data


def _best(gazetteer, name):
    found = gazetteer.lookup(name)
    assert found, f"nothing found for {name!r}"
    return found


@pytest.mark.parametrize("name, country, kinds", [
    ("Gabala", "AZ", {"city", "adm1"}), ("Gubadly", "AZ", {"city", "adm1"}), ("Gusar", "AZ", {"city", "adm1"}),
    ("Deutschland", "DE", {"country"}), ("España", "ES", {"country"}), ("Azərbaycan", "AZ", {"country"}),
    ("Italia", "IT", {"country"}), ("Polska", "PL", {"country"}), ("Oʻzbekiston", "UZ", {"country"}),
    ("Ceylon", "LK", {"country"}), ("Siam", "TH", {"country"}), ("Persia", "IR", {"country"}),
    ("El Hasakah", "SY", {"city", "adm1"}), ("Kamishli", "SY", {"city"}),
])
def test_the_bundled_data_answers_to_derived_and_listed_spellings(gazetteer, name, country, kinds):
    found = _best(gazetteer, name)
    assert any(p.country_code == country and p.kind in kinds for p in found), found[:3]


def test_espana_in_the_bundled_data_names_spain_first(gazetteer):
    assert _best(gazetteer, "España")[0].kind == "country"
