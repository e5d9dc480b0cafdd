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
