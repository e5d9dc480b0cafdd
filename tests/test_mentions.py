from geo.mentions import find_mentions, tokenize
from geo.records import Place
from geo.sentences import split_sentences
from tests.fakes import TEXAS, FakeGazetteer


def mentions(text):
    found = find_mentions(text, split_sentences(text), FakeGazetteer())
    for m in found:
        assert text[m.start : m.end] == m.text
    return [(m.text, m.kind) for m in found]


def test_offsets_are_valid_and_possessives_are_left_out():
    text = "Azerbaijan's Tovuz district lies north of Fuzuli."
    assert mentions(text) == [("Azerbaijan", "toponym"), ("Tovuz", "toponym"), ("Fuzuli", "toponym")]


def test_longest_name_wins_and_hyphens_and_connectors_join_words():
    assert mentions("Storms crossed the Gulf of Mexico toward Texas.") == [
        ("Gulf of Mexico", "toponym"), ("Texas", "toponym")]
    assert mentions("the Nagorno-Karabakh conflict") == [("Nagorno-Karabakh", "toponym")]


def test_a_hyphenated_pair_of_places_gives_two_mentions():
    assert mentions("the second Armenia-Azerbaijan war") == [("Armenia", "toponym"), ("Azerbaijan", "toponym")]


def test_demonyms_are_marked():
    assert mentions("The Azerbaijani president met Armenian officials.") == [
        ("Azerbaijani", "demonym"), ("Armenian", "demonym")]


def test_titles_months_and_lowercase_words_are_not_places():
    assert mentions("Colonel Trend said in July that paris is lovely.") == []


def test_sentence_indices_follow_the_sentences():
    text = "We left Fuzuli. Then we reached Tovuz."
    found = find_mentions(text, split_sentences(text), FakeGazetteer())
    assert [(m.text, m.sentence_index) for m in found] == [("Fuzuli", 0), ("Tovuz", 1)]


def test_names_do_not_join_across_sentences_or_lines():
    text = "They met in Paris.\nTexas was next."
    assert mentions(text) == [("Paris", "toponym"), ("Texas", "toponym")]


def test_tokenize_keeps_dotted_abbreviations_whole():
    assert [t.text for t in tokenize("W.Va. and the U.S. border")] == ["W.Va.", "and", "the", "U.S.", "border"]


def test_a_continent_by_its_own_name_is_kept_whatever_the_model_says():
    from geo.records import Place
    from tests.fakes import FUZULI

    europe = Place("6255148", "Europe", "continent", 48.69, 9.14, "", "", 0)
    gz = FakeGazetteer([("Europe", europe, "name"), ("Fuzuli", FUZULI, "name")])

    class RejectAll:
        def accepts(self, features):
            return False

    text = "Prices rose across Europe and Fuzuli."  # a town of 17,000: not famous alone (geo.place_cues)
    found = find_mentions(text, split_sentences(text), gz, RejectAll())
    assert [m.text for m in found] == ["Europe"]


# ----------------------------------------------------------------- abbreviated words of names

_STL = Place("4407066", "St. Louis", "city", 38.627, -90.198, "US", "Missouri", 315_685)
_CA = Place("5332921", "California", "adm1", 37.25, -119.75, "US", "California", 37_691_912)
_US = Place("6252001", "United States", "country", 39.76, -98.5, "US", "", 310_232_863)
_FRESNO = Place("5350937", "Fresno", "city", 36.747, -119.772, "US", "California", 510_365)


def _abbreviation_gazetteer():
    return FakeGazetteer([("St. Louis", _STL, "name"), ("Calif.", _CA, "abbreviation"),
                          ("US", _US, "abbreviation"), ("Fresno", _FRESNO, "name")])


def _found(text, gz):
    return [m.text for m in find_mentions(text, split_sentences(text), gz)]


def test_saint_mount_and_fort_abbreviations_start_a_name():
    gz = _abbreviation_gazetteer()
    assert _found("She lives in St. Louis now.", gz) == ["St. Louis"]
    assert _found("ST. LOUIS – Police said so.", gz) == ["ST. LOUIS"]
    assert [t.text for t in tokenize("in St. Louis, Mt. Vernon and Ft. Worth")] == [
        "in", "St.", "Louis", "Mt.", "Vernon", "and", "Ft.", "Worth"]
    assert [t.text for t in tokenize("the St. and the Mt.")] == ["the", "St", "and", "the", "Mt"]  # no name follows


def test_an_abbreviation_keeps_its_dot_but_an_upper_case_one_does_not():
    gz = _abbreviation_gazetteer()
    assert _found("Rain in Fresno, Calif. on Monday.", gz) == ["Fresno", "Calif."]
    assert _found("He moved to Fresno, Calif.", gz) == ["Fresno", "Calif."]
    assert _found("She flew back to the US. Then she rested.", gz) == ["US"]


def test_words_joined_by_a_connector_are_not_a_name_around_the_span():
    from geo.mentions import propose_spans

    gz = FakeGazetteer()
    def features(text, name):
        spans = propose_spans(text, split_sentences(text), gz)
        return {k for s in spans if text[s.start : s.end] == name for k, _ in s.features}

    assert {"joined after"} <= features("Talks in Azerbaijan and Armenia went on.", "Azerbaijan")
    assert "run after" not in features("Talks in Azerbaijan and Armenia went on.", "Azerbaijan")
    assert {"joined before"} <= features("Talks in Azerbaijan and Armenia went on.", "Armenia")
    assert {"run after"} <= features("The Paris Hilton hotel.", "Paris")


def test_population_features_count_every_decade_reached():
    from geo.mentions import propose_spans

    text = "Fuzuli and Azerbaijan."
    spans = {text[s.start : s.end]: dict(s.features) for s in propose_spans(text, split_sentences(text), FakeGazetteer())}
    assert [k for k in spans["Fuzuli"] if k.startswith("population")] == [f"population>={n}" for n in range(1, 5)]
    assert [k for k in spans["Azerbaijan"] if k.startswith("population")] == [f"population>={n}" for n in range(1, 7)]


def test_a_curated_alias_counts_as_a_name_for_the_recognizer():
    from geo.mentions import propose_spans

    sea = Place("geo:mediterranean-sea", "Mediterranean Sea", "physical", 35.0, 18.0, "", "", 0)
    town = Place("9999002", "Tovuz", "city", 40.99, 45.63, "AZ", "Tovuz", 12_626)
    gz = FakeGazetteer([("Mediterranean", sea, "alternate"), ("Tauz", town, "alternate")])
    text = "Boats crossed the Mediterranean near Tauz."
    found = {text[s.start : s.end]: dict(s.features) for s in propose_spans(text, split_sentences(text), gz)}
    assert "best match=name" in found["Mediterranean"]  # the sea's curated alias
    assert "best match=alternate" in found["Tauz"]  # a town's other name stays an alternate one


def test_a_word_after_a_given_name_anywhere_in_the_text_is_marked_as_a_likely_surname():
    from geo.mentions import propose_spans

    clark = Place("4254679", "Clark", "city", 39.9, -86.2, "US", "Indiana", 1_000)

    class WithGivenNames(FakeGazetteer):
        def given_names(self):
            return frozenset({"john", "mary"})

    def features(gz, text):
        return {text[s.start : s.end]: dict(s.features) for s in propose_spans(text, split_sentences(text), gz)}

    text = "Sheriff John Clark spoke. Later, Clark said the roads were open."
    found = features(WithGivenNames([("Clark", clark, "name")]), text)
    assert "after a given name" in found["Clark"]
    # Without the given names (a gazetteer built before them), or with no given name before it:
    assert "after a given name" not in features(FakeGazetteer([("Clark", clark, "name")]), text)["Clark"]
    other = "Judge Clark spoke. Later, Clark said the roads were open."
    assert "after a given name" not in features(WithGivenNames([("Clark", clark, "name")]), other)["Clark"]


def test_a_given_name_running_into_another_name_is_marked_as_a_likely_person():
    from geo.mentions import propose_spans

    victoria = Place("2158177", "Victoria", "adm1", -37.0, 144.0, "AU", "Victoria", 6_000_000)

    class WithGivenNames(FakeGazetteer):
        def given_names(self):
            return frozenset({"victoria"})

    text = "Victoria Beckham opened a store. Fires burned across Victoria, and in Victoria and Tasmania."
    gz = WithGivenNames([("Victoria", victoria, "name")])
    spans = [(s.start, dict(s.features)) for s in propose_spans(text, split_sentences(text), gz)]
    marked = [start for start, f in spans if "given name before a name" in f]
    assert marked == [0]  # not before a comma, nor before a connector ("and")
    assert len(spans) == 3


def test_the_full_gazetteer_knows_common_given_names_but_not_big_places(gazetteer):
    given = gazetteer.given_names()
    assert {"john", "maria", "james"} <= given
    assert not {"paris", "london", "houston", "azerbaijan"} & given


def test_where_the_model_is_sure_of_a_name_its_other_occurrences_are_places_too():
    from geo.recognizer import RecognizerModel

    text = "Fighting went on in Fuzuli. Fuzuli was retaken."

    def found(weights):
        model = RecognizerModel(weights, threshold=0.5)
        return [m.start for m in find_mentions(text, split_sentences(text), FakeGazetteer(), model)]

    assert found({"bias": -1.0, "prev=in": 3.0}) == [20, 28]  # sure after "in" (p .88): both
    assert found({"bias": -1.0, "prev=in": 1.2}) == [20]  # accepted, not sure (p .55): that one only
    assert found({"bias": -1.0}) == []


# ----------------------------------------------------------------- articles and particles that open names

_DES_MOINES = Place("4853828", "Des Moines", "city", 41.6, -93.6, "US", "Iowa", 203_433)
_BRONX = Place("5110266", "The Bronx", "city", 40.85, -73.87, "US", "New York", 1_385_108)
_AL_HASAKAH = Place("173811", "Al Hasakah", "city", 36.5, 40.7, "SY", "", 188_160)
_ROCK = Place("9999003", "The Rock", "city", -35.3, 147.1, "AU", "", 1_207)
_ROCK_HILL = Place("4598353", "Rock Hill", "city", 34.9, -81.0, "US", "South Carolina", 66_154)
_RIO = Place("9999004", "Rio", "city", 43.9, -89.2, "US", "Wisconsin", 1_000)
_DEL_RIO = Place("5520677", "Del Rio", "city", 29.4, -100.9, "US", "Texas", 36_153)


def _article_gazetteer():
    return FakeGazetteer([("Des Moines", _DES_MOINES, "name"), ("The Bronx", _BRONX, "name"),
                          ("Bronx", _BRONX, "alternate"), ("Al Hasakah", _AL_HASAKAH, "name"),
                          ("The Rock", _ROCK, "name"), ("Rock Hill", _ROCK_HILL, "name"),
                          ("Rio", _RIO, "name"), ("Del Rio", _DEL_RIO, "name"), ("Texas", TEXAS, "name")])


def test_a_capitalised_article_or_particle_opens_a_name_the_gazetteer_holds_whole():
    gz = _article_gazetteer()
    assert _found("He lives in Des Moines, Iowa.", gz) == ["Des Moines"]
    assert _found("She grew up in The Bronx and stayed.", gz) == ["The Bronx"]
    assert _found("Fighting near Al-Hasakah went on.", gz) == ["Al-Hasakah"]
    assert _found("He moved to Del Rio, Texas, in May.", gz) == ["Del Rio", "Texas"]  # not a Rio elsewhere


def test_a_lower_case_article_stays_outside_the_name():
    gz = _article_gazetteer()
    assert _found("She grew up in the Bronx.", gz) == ["Bronx"]
    assert _found("Rain fell on des Moines.", gz) == []  # a joint, never a start: no name without it
    assert _found("They met at The Dam.", gz) == []  # an article alone is never a name


def test_an_opening_article_does_not_cut_a_longer_name_short():
    gz = _article_gazetteer()
    # "The Rock" is a name too, but "Rock Hill" without the article reaches further.
    assert _found("The Rock Hill schools reopened.", gz) == ["Rock Hill"]
    assert _found("They drove to The Rock today.", gz) == ["The Rock"]


def test_french_joints_and_elided_particles_join_a_name():
    port = Place("3718426", "Port-au-Prince", "city", 18.54, -72.34, "HT", "", 1_234_742)
    sables = Place("3006787", "Les Sables-d'Olonne", "city", 46.5, -1.78, "FR", "", 14_000)
    gz = FakeGazetteer([("Port-au-Prince", port, "name"), ("Les Sables-d'Olonne", sables, "name")])
    assert _found("Camps around Port-au-Prince grew.", gz) == ["Port-au-Prince"]
    assert _found("They sailed into Les Sables-d'Olonne at dawn.", gz) == ["Les Sables-d'Olonne"]
    assert [t.text for t in tokenize("the Ballon d'Or")] == ["the", "Ballon", "d'Or"]
    casas = Place("3530180", "San Cristóbal de las Casas", "city", 16.74, -92.64, "MX", "", 158_027)
    gz = FakeGazetteer([("San Cristóbal de las Casas", casas, "name"), ("Los Angeles", casas, "name")])
    assert _found("Rebels took San Cristóbal de las Casas in 1994.", gz) == ["San Cristóbal de las Casas"]
    assert _found("He flew to Los Angeles today.", gz) == ["Los Angeles"]


def test_an_abbreviation_without_its_dot_or_capitals_is_the_word_or_contraction_it_spells():
    illinois = Place("4896861", "Illinois", "adm1", 40.0, -89.25, "US", "Illinois", 12_830_632)
    mass = Place("6254926", "Massachusetts", "adm1", 42.36, -71.1, "US", "Massachusetts", 6_547_629)
    springfield = Place("4250542", "Springfield", "city", 39.8, -89.64, "US", "Illinois", 116_250)
    gz = FakeGazetteer([("Ill.", illinois, "abbreviation"), ("Mass.", mass, "abbreviation"),
                        ("Springfield", springfield, "name")])
    assert _found("I'll call you when I get home.", gz) == []
    assert _found("Mass was celebrated at dawn.", gz) == []
    assert _found("He lives in Springfield, Ill. now.", gz) == ["Springfield", "Ill."]
    assert _found("SPRINGFIELD, Ill (AP) - The governor spoke.", gz) == ["SPRINGFIELD", "Ill"]  # a qualifier
    assert _found("Rep. Jane Doe, D-Mass, spoke.", gz) == ["Mass"]
    assert _found("Of course, I'll be there.", gz) == []  # a contraction is never one


def test_a_given_name_right_before_a_common_surname_is_a_person(tmp_path):
    from geo.recognizer import RecognizerModel

    georgia = Place("614540", "Georgia", "country", 42.0, 43.5, "GE", "", 3_731_000)
    gz = FakeGazetteer([("Georgia", georgia, "name")])
    gz.given_names = lambda: frozenset({"georgia"})
    model = RecognizerModel({"bias": 5.0}, 0.5, surnames=["smith", "harrison"])
    path = tmp_path / "recognizer.json"
    path.write_text(model.dumps(), encoding="utf-8")
    model = RecognizerModel.load(path)  # the surnames travel with the model
    assert model.surnames == {"smith", "harrison"}

    def found(text):
        return [m.text for m in find_mentions(text, split_sentences(text), gz, model)]

    assert found("Georgia Smith and friends sang.") == []
    assert found("Georgia Harrison, who grew up there, won.") == []
    assert found("The Georgia Bureau of Investigation said so.") == ["Georgia"]  # no surname: the model decides
    assert found("Georgia's Smith district voted.") == ["Georgia"]  # a possessive parts the names


def _features_of(text, gz, surface):
    from geo.mentions import propose_spans

    spans = [s for s in propose_spans(text, split_sentences(text), gz) if text[s.start : s.end] == surface]
    assert spans, surface
    return {name for name, _ in spans[0].features}


def test_a_word_that_governs_a_place_before_a_name_is_one_feature_whatever_the_verb():
    from tests.fakes import FUZULI

    gz = FakeGazetteer([("Fuzuli", FUZULI, "name")])
    for verb in ("reached", "shelled", "visited", "near", "towards"):
        assert "prev governs a place" in _features_of(f"Soldiers {verb} Fuzuli at dawn.", gz, "Fuzuli"), verb
    for word in ("said", "told", "and"):
        assert "prev governs a place" not in _features_of(f"Soldiers {word} Fuzuli at dawn.", gz, "Fuzuli"), word


def test_a_sentence_initial_word_also_carries_its_frequency_as_a_feature_of_its_own():
    from tests.fakes import FUZULI

    gz = FakeGazetteer([("Fuzuli", FUZULI, "name")])
    opening = _features_of("Fuzuli was retaken.", gz, "Fuzuli")
    inside = _features_of("They retook Fuzuli.", gz, "Fuzuli")
    zipf = next(f for f in opening if f.startswith("zipf="))
    assert "initial " + zipf in opening and not any(f.startswith("initial zipf") for f in inside)


def test_a_generic_head_after_a_capitalised_word_is_the_end_of_a_name_not_a_place():
    # "Island" is an alternate name of Iceland (its own name for itself): in "Robben Island" and
    # "Snake Island" it is the head of a name the gazetteer lacks, never Iceland.
    iceland = Place("2629691", "Iceland", "country", 65.0, -18.0, "IS", "", 350_000)
    gz = FakeGazetteer([("Island", iceland, "alternate"), ("Iceland", iceland, "name")])
    assert mentions_with("Mandela was held on Robben Island for years.", gz) == []
    assert mentions_with("Troops retook Snake Island and flew to Iceland.", gz) == [("Iceland", "toponym")]


def mentions_with(text, gz):
    return [(m.text, m.kind) for m in find_mentions(text, split_sentences(text), gz)]


def test_a_word_the_dictionary_writes_in_lower_case_is_marked_as_a_dictionary_word():
    from tests.fakes import FUZULI

    reading = Place("2639577", "Reading", "city", 51.46, -0.97, "GB", "England", 318_014)

    class WithDictionary(FakeGazetteer):
        def lowercase_words(self):
            return frozenset({"reading"})

    gz = WithDictionary([("Reading", reading, "name"), ("Fuzuli", FUZULI, "name")])
    assert "dictionary word" in _features_of("Reading is a skill.", gz, "Reading")
    assert "dictionary word" not in _features_of("Reading is a skill near Fuzuli.", gz, "Fuzuli")


def test_the_bundled_dictionary_words_are_common_words_not_names(gazetteer):
    words = gazetteer.lowercase_words()
    assert {"reading", "mobile", "surprise", "independence"} <= words
    assert words.isdisjoint({"paris", "milwaukee", "edinburgh", "tovuz", "fuzuli", "azerbaijan"})


def test_an_alternate_name_that_spells_the_main_name_is_a_spelling_not_another_name():
    kalbajar = Place("586268", "Kalbajar", "city", 40.11, 46.04, "AZ", "Kəlbəcər", 8_400)
    village = Place("1", "Oakdale", "city", 40.0, -80.0, "US", "Pennsylvania", 900)
    gz = FakeGazetteer([("Kelbajar", kalbajar, "alternate"), ("Farmers", village, "alternate")])
    assert "best match=spelling" in _features_of("Troops left Kelbajar.", gz, "Kelbajar")
    farmers = _features_of("Farmers left Kelbajar.", gz, "Farmers")
    assert "best match=alternate" in farmers and "best match=spelling" not in farmers


def test_map_text_takes_another_recognizer_instead_of_the_bundled_one(gazetteer):
    from geo.pipeline import map_text
    from geo.recognizer import RecognizerModel

    text = "Shelling hit Tovuz and Fuzuli."
    bundled = [r.mention.text for r in map_text(text, gazetteer=gazetteer, outlines=False).resolutions]
    rejects_all = RecognizerModel({"bias": -30.0}, threshold=0.5)
    other = [r.mention.text for r in map_text(text, gazetteer=gazetteer, outlines=False, recognizer=rejects_all).resolutions]
    assert bundled == ["Tovuz", "Fuzuli"] and other == []


def _mapped(text, gazetteer):
    from geo import map_text

    return [m.text for m in map_text(text, gazetteer=gazetteer, outlines=False).mentions]


def test_a_list_vouches_for_its_doubtful_members(gazetteer, monkeypatch):
    import geo.vouching

    text = "Shelling hit Stepanakert, Shusha and Lachin."
    assert _mapped(text, gazetteer) == ["Stepanakert", "Shusha", "Lachin"]
    monkeypatch.setattr(geo.vouching, "LISTED_THRESHOLD", 1.1)  # the list rule off: only the sure one
    assert _mapped(text, gazetteer) == ["Shusha"]


def test_names_of_people_acronyms_and_words_of_longer_names_are_not_vouched_for(gazetteer):
    assert _mapped("Hurricanes Harvey, Irma and Maria struck the coast.", gazetteer) == []  # given names
    assert _mapped("Leaders of the EU and NATO met in Brussels.", gazetteer) == ["EU", "Brussels"]  # an acronym
    # "Stoke" is a word of "Stoke Newington", "Ayse" of "Ayse Wieting": neither is a member
    assert _mapped("Fire crews from Hornsey, Stoke Newington and Walthamstow responded.", gazetteer) == ["Hornsey", "Walthamstow"]
    assert _mapped("Philip Issa in Beirut and Ayse Wieting in Istanbul contributed.", gazetteer) == ["Beirut", "Istanbul"]

def test_a_name_may_hold_a_possessive_the_gazetteer_knows(gazetteer):
    # "King's Lynn" and "Martha's Vineyard" are names; "Azerbaijan's Tovuz" is a possessor
    # and its town (no place is called "Azerbaijan's Tovuz"), so that run stays cut.
    assert _mapped("He grew up in King's Lynn, Norfolk.", gazetteer) == ["King's Lynn", "Norfolk"]
    assert _mapped("The president spent August on Martha’s Vineyard.", gazetteer) == ["Martha’s Vineyard"]
    assert _mapped("Shelling hit Azerbaijan's Tovuz district.", gazetteer)[:2] == ["Azerbaijan", "Tovuz"]
    from geo import map_text

    (county,) = map_text("Schools in Prince George's County closed.", gazetteer=gazetteer, outlines=False).places
    assert (county.place.name, county.place.admin1) == ("Prince George's County", "Maryland")


def test_a_place_in_a_country_its_sentence_names_is_vouched_for(gazetteer, monkeypatch):
    import geo.vouching

    text = "Lenkoran's subtropical climate draws tourists from Baku."
    assert _mapped(text, gazetteer) == ["Lenkoran", "Baku"]
    # A person's name is as likely beside a place as a town is: Anderson, Indiana stays a person.
    assert _mapped("Officials said Anderson would visit Indiana next week.", gazetteer) == ["Indiana"]
    monkeypatch.setattr(geo.vouching, "COLOCATED_THRESHOLD", 1.1)  # the rule off
    assert _mapped(text, gazetteer) == ["Baku"]
