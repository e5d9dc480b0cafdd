"""The speed-ups' helpers give exactly the answers of the plain code they replace, and the
gazetteer's memos answer as the index does (see benchmarks/throughput.py for the speed)."""

from __future__ import annotations

import math
import random
import re

import pytest

from geo import mentions, sentences, span_features, vouching
from geo import tokens as runs
from geo.candidates import candidates_for
from geo.gazetteer import Gazetteer, summarize_matches
from geo.names import name_key
from geo.records import CURATED_KINDS, MATCH_KINDS, PLACE_KINDS, Mention, NameMatch, Place
from tests.fakes import FakeGazetteer
from tests.tiny_data import write_data_dir, write_gz


# The regexes the production scans replaced: the reference answers the scans must give.
LOWER_WORD = re.compile(r"(?<![\w'’])[a-z][a-z]+(?![\w])")
WORD_BEFORE_PERIOD = re.compile(r"([\w.]+)\.$")
MARK_THEN_SPACE = re.compile(r"""[.!?]+["'”’)\]]*(?=\s)""")
STARTS_SENTENCE = re.compile(r"""\s+["'“‘(\[]*[A-Z0-9]""")
# The one class-led boundary scan split_sentences made before its two literal-led scans.
ONE_SCAN_BOUNDARY = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]*[A-Z0-9])""")


def _strings(alphabet: str, count: int, longest: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest))) for _ in range(count)]


def test_lower_case_use_is_the_regex_answer():
    for text in _strings("ab'’_ -1éA\n", 3000, 20, seed=1) + ["trend Trend", "o'ab ab", "ab_ab", "abé ab1 xab"]:
        words = set(LOWER_WORD.findall(text))
        for word in ["ab", "ba", "abab", "a", "aB", "é", "", "trend", "xab"]:
            assert mentions._occurs_in_lower_case(text, word) == (word in words), (text, word)


def test_sentence_initial_read_off_the_word_before_is_the_scan():
    rng = random.Random(3)
    for text in _strings("a. ,\n1_(İé²\"'B", 3000, 12, seed=2):
        offset = rng.randint(0, len(text))
        floor = rng.randint(0, offset)
        prev = runs._word_before(text, offset, floor)
        assert runs._initial_after(text, offset, floor, prev) == runs._is_sentence_initial(text, offset, floor)


def test_word_before_is_the_plain_backward_scan():
    def scanned(text: str, start: int, floor: int) -> str:
        i = start - 1
        while i >= floor and text[i].isspace():
            i -= 1
        if i < floor:
            return "<s>"
        if text[i] == "." and i > floor and text[i - 1].isalpha():
            i -= 1
        if not text[i].isalnum():
            return text[i]
        j = i
        while j > floor and text[j - 1].isalnum():
            j -= 1
        word = text[j : i + 1]
        return "<num>" if word.isdigit() else word.lower()

    rng = random.Random(7)
    for text in _strings("aB1 .-,\n\t²é", 3000, 14, seed=8):
        start = rng.randint(0, len(text))
        floor = rng.randint(0, start)
        assert runs._word_before(text, start, floor) == scanned(text, start, floor), (text, start, floor)


def test_word_after_is_the_pattern_answer():
    def by_pattern(text: str, end: int, ceiling: int) -> str:
        match = runs._FIRST_WORD.match(text, end, min(end + 40, ceiling))
        if match is None:
            return "</s>"
        word = match.group(1)
        return "<num>" if word.isdigit() else word.lower()

    rng = random.Random(9)
    for text in _strings("aB1 .-,_\n\t²éⒶ", 3000, 14, seed=10) + _strings("ab    ,", 2000, 90, seed=15):
        end = rng.randint(0, len(text))
        ceiling = rng.randint(end, len(text))
        assert runs._word_after(text, end, ceiling) == by_pattern(text, end, ceiling), (text, end, ceiling)


def test_run_scan_finds_the_look_ahead_pattern_runs():
    # The pattern _RUN replaced: a look-ahead and look-behind before the first capitalised word,
    # and no possessive quantifier.
    m = runs
    capitalised = rf"(?:[A-Z][a-z]{{0,2}}\.){{2,}}|{m._NAME_PREFIX}|[{m._UPPER}][^\W_]*(?:['’][^\W\d_]+)*['’]?"
    separator = r"(?:[ \t]+|[ \t]*-[ \t]*)"
    connector = "|".join(sorted(m.CONNECTORS | {"los", "las"}, key=len, reverse=True))  # (not grouped by first letter)
    reference = re.compile(
        rf"(?=[{m._UPPER}])(?<![\w.])(?:{capitalised})"
        rf"(?:{separator}(?:(?:{connector}){separator}){{0,2}}(?:{capitalised})|{m._ELIDED})*"
    )
    texts = _strings("StTeMFfAaBb .-'’\t\nofde1_ÉéxUdl", 20000, 25, seed=11) + [
        "St. Louis", "Mt. Vernon and Ft. Worth", "U.S.-based W.Va. Land", "x.Land", "Rio de la Plata", "ÉLand",
        "Les Sables-d'Olonne", "San Cristóbal de las Casas", "Rio deLa Plata", "A - de  -B", "U.S.A.  - Land",
        "Ab del Cd", "Ab dell Cd", "Ab della Cd", "Ab des la Cd", "Ab de las Cd", "Ab aux Cd", "Ab au Cd", "Ab los Cd",
        "Ab upon-Cd", "Ab sur Cd", "Ab y Cd", "Ab im-Cd", "Ab du di do Cd"]
    for text in texts:
        assert [x.span() for x in m._RUN.finditer(text)] == [x.span() for x in reference.finditer(text)], text


def test_abbreviation_scan_finds_the_regex_word():
    def by_regex(text: str, dot: int) -> bool:
        match = WORD_BEFORE_PERIOD.search(text, max(0, dot - 20), dot + 1)
        if match is None:
            return False
        word = match.group(1)
        return "." in word or (len(word) == 1 and word.isalpha()) or word.lower() in sentences.ABBREVIATIONS

    texts = _strings("aB._ \n1é-'x", 3000, 30, seed=4) + ["Jan. 26", "U.S. envoys", "a" * 30 + ".", "Col. J. Smith"]
    for text in texts:
        for dot, ch in enumerate(text):
            if ch == ".":
                assert sentences._is_abbreviation(text, dot) == by_regex(text, dot), (text, dot)


def test_find_mentions_agrees_with_propose_spans():
    text = "Azerbaijan's Tovuz and Paris, Texas. The Azerbaijani army crossed the Gulf of Mexico."
    sents = sentences.split_sentences(text)
    gz = FakeGazetteer()
    spans = mentions.propose_spans(text, sents, gz)
    expected = [(s.start, s.end, "demonym" if s.is_demonym else "toponym") for s in spans
                if "rule:never" not in dict(s.features)]
    assert [(m.start, m.end, m.kind) for m in mentions.find_mentions(text, sents, gz)] == expected


@pytest.fixture()
def tiny(tmp_path):
    d = write_data_dir(tmp_path, ["10\tLand\tcountry\t10.0\t20.0\tLD\t\t5000",
                                  "11\tPort Land\tcity\t10.5\t20.5\tLD\tNorth\t900"],
                       names=["10\tdemonym\tLandish"])
    return Gazetteer(d, cache_dir=tmp_path / "cache")


def test_known_keys_remembers_both_answers(tiny):
    assert tiny.known_keys(["land", "nowhere", "port land"]) == {"land", "port land"}
    assert (tiny._named_keys, tiny._unnamed_keys) == ({"land", "port land"}, {"nowhere"})
    assert tiny.known_keys(["nowhere", "land"]) == {"land"}  # from the memo
    tiny.close()
    assert tiny._named_keys == tiny._unnamed_keys == set() and tiny.known_keys(["landish"]) == {"landish"}


def test_multi_word_grams_and_the_stores_other_entries(tiny):
    # Multi-word keys are probed like any other; control-character entries are no names.
    assert tiny.known_keys(["port land", "port nowhere", "nowhere land", "port", "\x01port"]) == {"port land"}
    assert tiny.lookup("\x01port") == () and tiny.lookup("Port Land")[0].id == "11"


def test_ensure_index_opens_and_returns_the_index(tiny):
    path = tiny.ensure_index()
    assert path == tiny.index_path() and path.exists()
    assert tiny.ensure_index() == path


def test_derived_memo_is_per_purpose_and_keeps_candidates(tiny):
    memo = tiny.derived_memo("candidates")
    assert tiny.derived_memo("candidates") is memo and tiny.derived_memo("other") is not memo
    first = candidates_for(Mention(0, 4, "Land", 0), tiny)
    assert memo[("Land", False)] is first
    assert candidates_for(Mention(9, 13, "Land", 1), tiny) is first
    assert [c.place.id for c in candidates_for(Mention(0, 7, "Landish", 0, "demonym"), tiny)] == ["10"]
    tiny.close()
    assert tiny.derived_memo("candidates") == {}


def test_remembered_run_pieces_are_the_split_run():
    # _run_pieces (memoised, offsets from the run's start) must give what _split_run gives
    # in place for a run no sentence starts inside.
    texts = _strings("AaBb's’ -.1The", 3000, 16, seed=5) + _strings("AaÉéB \t-", 2000, 16, seed=6) + [
        "Azerbaijan's Tovuz", "The Gulf of Mexico", "W.Va. Land", "Colonel Jafarov", "Gov Mr Land"]
    # Runs of plain words with titles, openers, abbreviations and case changes among them.
    rng = random.Random(7)
    words = ["Mr", "St", "Ste", "Mt", "Des", "La", "El", "of", "Colonel", "Land", "NewYork", "PORT", "Élan", "Sé"]
    texts += [rng.choice([" ", "-"]).join(rng.choice(words) for _ in range(rng.randint(1, 5))) for _ in range(3000)]
    for text in texts:
        for match in runs._RUN.finditer(text):
            start, end = match.span()
            plain = runs._split_run(text, start, end, (0,))
            pieces = runs._run_pieces(match.group())
            if type(pieces) is runs._Piece:  # (one piece: itself)
                pieces = (pieces,)
            assert [[(at + start, to + start, word, possessive) for at, to, word, possessive in p.tokens] for p in pieces] == [
                [tuple(t) for t in tokens] for tokens in plain
            ], text
            for piece, tokens in zip(pieces, plain):
                assert piece.keys == tuple(runs._word_key(t.text) for t in tokens)
                assert piece.lower == tuple(t.text.lower() for t in tokens)
                assert piece.after_title == tuple(
                    b.text.lower() for a, b in zip(tokens, tokens[1:]) if a.text.lower() in runs._TITLES
                )
                opens = tuple(i for i, t in enumerate(tokens) if t.text.lower() in runs._OPENERS and t.text[0].isupper())
                assert piece.opens == opens, text
                assert piece.humps == tuple(i for i, t in enumerate(tokens) if runs._humped(t.text))


def test_pieces_are_the_runs_split_at_sentence_starts():
    # _pieces (remembered run pieces, runs without any passed by) must give what splitting
    # every run at the sentence starts gives.
    from bisect import bisect_right

    rng = random.Random(12)
    texts = _strings("AaBb's’ -.The It", 3000, 24, seed=13) + ["The Gulf. It's Land's Port", "He It's The"]
    for text in texts:
        starts = tuple(sorted({0, *(rng.randint(0, len(text)) for _ in range(rng.randint(0, 3)))}))
        got = [([(base + at, base + to, word, possessive) for at, to, word, possessive in piece.tokens], n)
               for piece, base, n in runs._pieces(text, starts)]
        expected = [([tuple(t) for t in tokens], bisect_right(starts, tokens[0].start))
                    for match in runs._RUN.finditer(text)
                    for tokens in runs._split_run(text, *match.span(), starts)]
        assert got == expected, (text, starts)


def test_possessive_joints_of_the_shared_pieces_are_those_of_all_pieces():
    # _possessive_joints looks only at the pieces _pieces says may share a run with the next
    # (those of a run in pieces, those counted from the text's start): the same joints as all.
    rng = random.Random(15)
    words = ["Land's", "King’s", "Port", "Port's", "of", "The", "it's", " ", " ", "\n", ". ", "-"]
    texts = ["".join(rng.choice(words) for _ in range(rng.randint(0, 12))) for _ in range(3000)]
    found = 0
    for text in texts:
        starts = tuple(sorted({0, *(rng.randint(0, len(text)) for _ in range(rng.randint(0, 3)))}))
        shared: list[int] = []
        pieces = runs._pieces(text, starts, shared)
        assert pieces == runs._pieces(text, starts)
        joints = runs._possessive_joints(text, pieces)
        assert runs._possessive_joints(text, pieces, shared) == joints, (text, starts)
        found += bool(joints)
    assert found > 100


def test_longest_known_spans_are_the_plain_search():
    connectors = runs.CONNECTORS

    def longest(keys, known, opens, i):
        for j in range(min(len(keys), i + runs._MAX_WORDS), i, -1):
            gram = " ".join(keys[i:j])
            if (keys[i] not in connectors or (i in opens and j > i + 1)) and keys[j - 1] not in connectors \
                    and gram in known:
                return j
        return 0

    def plain(keys, known, opens):
        spans, i = [], 0
        while i < len(keys):
            j = longest(keys, known, opens, i)
            if j and keys[i] in connectors and longest(keys, known, opens, i + 1) > j:
                j = 0  # an opening article that would cut a longer name short
            if j:
                spans.append((i, j, " ".join(keys[i:j])))
                i = j
            else:
                i += 1
        return tuple(spans)

    rng = random.Random(14)
    words = ["port", "land", "of", "the", "new", "u s", "de"]
    for _ in range(3000):
        keys = tuple(rng.choice(words) for _ in range(rng.randint(1, 9)))
        opens = tuple(i for i, k in enumerate(keys) if k in connectors and rng.random() < 0.5) if len(keys) > 1 else ()
        grams = {" ".join(keys[i:j]) for i in range(len(keys)) for j in range(i + 1, min(len(keys), i + 6) + 1)
                 if (keys[i] not in connectors or (i in opens and j > i + 1)) and keys[j - 1] not in connectors}
        wanted: set[str] = set()
        by_start = runs._grams(keys, wanted, opens)
        assert wanted == grams
        if by_start is not None:  # (by where they start: none where a connector no capital opens starts,
            # None in place of a gram that ends with a connector)
            assert by_start == [() if keys[i] in connectors and i not in opens else
                                [None if keys[j - 1] in connectors else " ".join(keys[i:j])
                                 for j in range(i + 1, min(len(keys), i + 6) + 1)]
                                for i in range(len(keys))]
        known = frozenset(g for g in grams if rng.random() < 0.3)
        assert runs._longest_known(keys, known, by_start) == plain(keys, known, opens), (keys, opens, known)


def test_spans_remembered_by_the_gazetteer_are_those_found_afresh(tiny):
    text = "Port Land's Landish fans. They left Port Land for Land. Mr. Land and LAND stayed in Land."
    sents = sentences.split_sentences(text)
    first = mentions.propose_spans(text, sents, tiny)
    assert tiny.derived_memo("known spans") and tiny.derived_memo("surface facts")
    assert mentions.propose_spans(text, sents, tiny) == first  # from the memos
    tiny.close()  # empties the memos
    assert mentions.propose_spans(text, sents, tiny) == first
    assert [text[s.start : s.end] for s in first] == ["Port Land", "Landish", "Port Land", "Land", "Land", "LAND", "Land"]


def test_binary_acceptance_is_the_mapping_acceptance():
    from geo.recognizer import RecognizerModel

    rng = random.Random(6)
    names = ["bias", "prev=in", "next=,", "zipf=3", "kind=city", "initial", "unweighted"]
    for _ in range(2000):
        weights = {n: rng.uniform(-3, 3) for n in names[:-1] if rng.random() < 0.8}
        model = RecognizerModel(weights, threshold=rng.uniform(0.05, 0.95))
        present = sorted(rng.sample(names, rng.randint(0, len(names))))
        features = dict.fromkeys(present, 1.0)
        assert model.accepts_binary(present) == model.accepts(features)
        z = sum(weights.get(n, 0.0) for n in present)
        assert (model.threshold <= 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))) == model.accepts_binary(present)
    # Sums right at the threshold's logit, and thresholds past the clamp at +-30: the probability decides.
    for threshold in (0.3, 0.5, 0.77, 1e-14, 1 - 1e-14):
        logit = math.log(threshold / (1.0 - threshold))
        for step in range(-40, 41):
            z = logit + step * 1e-7 * max(1.0, abs(logit))
            model = RecognizerModel({"bias": z}, threshold=threshold)
            assert model.accepts_binary(["bias"]) == model.accepts({"bias": 1.0}), (threshold, z)


def test_boundary_look_ahead_finds_the_marks_the_two_step_test_kept():
    texts = _strings(".!?\"')] \n(Aa1”’“‘", 5000, 14, seed=7) + ["Jan. 26", "He left.\" Then", "Oh?! No. yes. \"Go"]
    for text in texts:
        kept = [m.span() for m in MARK_THEN_SPACE.finditer(text) if STARTS_SENTENCE.match(text, m.end())]
        assert [m.span() for m in ONE_SCAN_BOUNDARY.finditer(text)] == kept, text


def stripped_spans(text: str, cuts: set[int]) -> list[tuple[int, int]]:
    """The text between each two consecutive cuts, stripped of space by a scan per character,
    as (start, end); empty ones left out (the reference splitters' last step)."""
    found, ordered = [], sorted(cuts)
    for start, end in zip(ordered, ordered[1:]):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            found.append((start, end))
    return found


def _split_with_one_scan(text):
    """split_sentences as it was with one ONE_SCAN_BOUNDARY scan, before the two literal-led scans."""
    cuts = {0, len(text)}
    for block in re.finditer(r"\n[ \t]*\n\s*", text):
        cuts.update(block.span())
    line_start = 0
    for newline in re.finditer(r"\n", text):
        line = text[line_start : newline.start()].rstrip()
        if line and not line[-1].islower() and line[-1] not in ",;:-(":  # (a line that looks finished)
            cuts.add(newline.start())
        line_start = newline.end()
    for boundary in ONE_SCAN_BOUNDARY.finditer(text):
        mark = boundary.group()
        if "!" not in mark and "?" not in mark:
            last_dot = text.rfind(".", boundary.start(), boundary.end())
            if last_dot >= 0 and sentences._is_abbreviation(text, last_dot):
                continue
        cuts.add(boundary.end())
    return stripped_spans(text, cuts)


def test_two_boundary_scans_split_as_the_one_did():
    texts = _strings(".!?\"')] \n(Aa1”’“‘", 5000, 14, seed=7) + _strings("a.B!?\" ", 5000, 20, seed=17) + [
        "Jan. 26", "Hi!. There", "x?!.\" Y", ".!.. A", "!? B", "?.!A", "a ... B", "a !.!. C", "U.S. Army. It"]
    for text in texts:
        assert [(s.start, s.end) for s in sentences.split_sentences(text)] == _split_with_one_scan(text), text


def test_one_line_texts_split_as_any_text_is():
    # _split_one_line, for texts without line breaks, ! or ?, against the general _split_at_cuts.
    texts = _strings(". \t\xa0\u2003\"')](Aa1”’“‘b..", 5000, 16, seed=11) + _strings("a.B \"J", 5000, 24, seed=19) + [
        "", " ", ". A", "  . A", "Jan. 26. Then", "U.S. Army. It", "a ... B", "He left.\" Then", "x. ", " x. Y. "]
    for text in texts:
        assert sentences._split_one_line(text) == sentences._split_at_cuts(text), text


def _gazetteer_facts_of_matches(matches):
    """The plain walk over a name's matches that _gazetteer_facts replaced (it reads a summary):
    the kinds of the places the name matches best, the biggest place's size, and whether that
    place is only an abbreviation of it."""
    order = ("name", "abbreviation", "alternate", "demonym")
    ranked, has_demonym = [], False
    for m in matches:
        if m.match == "demonym":
            has_demonym = True
            continue
        rank = 0 if m.match == "alternate" and m.place.kind in CURATED_KINDS else order.index(m.match)
        ranked.append((rank, m.place))
    kinds = {p.kind for _, p in ranked}
    f = ["demonym"] if has_demonym else []
    if ranked:
        best = min(rank for rank, _ in ranked)
        top = max(p.population for _, p in ranked)
        named = max((p.population for m, (_, p) in zip([m for m in matches if m.match != "demonym"], ranked)
                     if m.match != "abbreviation"), default=0)
        f += ["kind=" + p.kind for rank, p in ranked if rank == best] + ["best match=" + order[best]]
        decades = int(math.log10(top + 1))
        f += ["population>=%d" % n for n in range(1, decades + 1)]
        if best != 1 and int(math.log10(named + 1)) < decades:
            f.append("biggest only as an abbreviation")
        f.append("candidates=%d" % min(len(ranked), 5))
    return sorted(set(f)), has_demonym and kinds.isdisjoint(("country", "adm1", "continent"))


def test_gazetteer_facts_read_off_a_summary_are_those_of_the_matches():
    rng = random.Random(5)
    places = [Place(str(i), "P", kind, 0.0, 0.0, "", "", pop) for i, (kind, pop) in enumerate(
        (k, p) for k in PLACE_KINDS for p in (0, 9, 12_000, 3_000_000))]
    for _ in range(3000):
        matches = [NameMatch(rng.choice(places), rng.choice(MATCH_KINDS)) for _ in range(rng.randint(1, 6))]
        summary = summarize_matches(matches)
        features, demonym, abbreviation = span_features._gazetteer_facts(summary)
        assert (sorted(features), demonym) == _gazetteer_facts_of_matches(matches), matches
        assert abbreviation == any(m.match == "abbreviation" for m in matches)
    assert summarize_matches([]) is None


def _gazetteer_facts_plain(summary):
    """_gazetteer_facts as it was before it remembered what each set of kinds says (the
    reference, features in their order)."""
    order = span_features._MATCH_ORDER
    f = ["demonym"] if summary.demonym else []
    abbreviation = False
    if summary.places:
        ranks = []
        for kind, matches in summary.kinds:
            ranks.append(0 if kind in CURATED_KINDS and "alternate" in matches else min(map(order.index, matches)))
            if "abbreviation" in matches:
                abbreviation = True
        best_rank = min(ranks)
        f += ["kind=" + kind for (kind, _), rank in zip(summary.kinds, ranks) if rank == best_rank]
        f.append("best match=" + order[best_rank])
        decades = int(math.log10(summary.population + 1))
        f += ["population>=%d" % n for n in range(1, decades + 1)]
        if best_rank != 1 and int(math.log10(summary.named_population + 1)) < decades:
            f.append("biggest only as an abbreviation")
        f.append("candidates=%d" % min(summary.places, 5))
    demonym = summary.demonym and all(kind not in ("country", "adm1", "continent") for kind, _ in summary.kinds)
    return f, demonym, abbreviation


def test_gazetteer_facts_are_the_plain_walks_in_the_same_order():
    rng = random.Random(8)
    places = [Place(str(i), "P", kind, 0.0, 0.0, "", "", pop) for i, (kind, pop) in enumerate(
        (k, p) for k in PLACE_KINDS for p in (0, 9, 99, 12_000, 3_000_000))]
    for _ in range(5000):
        matches = [NameMatch(rng.choice(places), rng.choice(MATCH_KINDS)) for _ in range(rng.randint(1, 6))]
        summary = summarize_matches(matches)
        assert span_features._gazetteer_facts(summary) == _gazetteer_facts_plain(summary), matches


def test_alternate_main_names_are_those_of_the_alternate_matches(tmp_path, gazetteer):
    d = write_data_dir(tmp_path, ["10\tLand\tcountry\t10.0\t20.0\tLD\t\t5000",
                                  "11\tPort Land\tcity\t10.5\t20.5\tLD\tNorth\t900",
                                  "12\tLandia\tcity\t10.5\t20.5\tLD\tNorth\t90"],
                       names=["10\tdemonym\tLandish", "11\talternate\tLandia", "10\talternate\tPort"])
    tiny = Gazetteer(d, cache_dir=tmp_path / "cache")
    for gz, names in ((tiny, ["Land", "Landia", "LANDIA", "Port", "Landish", "nowhere"]),
                      (gazetteer, ["Kiev", "Idleb", "Kelbajar", "Farmers", "Paris", "Georgia", "Nowhereville"])):
        for name in names:
            main_names = gz.alternate_main_names(name)  # (first: it unpacks the rows itself)
            assert main_names == tuple(m.place.name for m in gz.matches(name) if m.match == "alternate"), name
    assert tiny.alternate_main_names("Landia") == ("Port Land",) and tiny.alternate_main_names("Land") == ()


def test_gazetteer_summary_is_the_summary_of_its_matches(tiny):
    for name in ["Land", "Landish", "Port Land", "Port", "nowhere", "LAND"]:
        summary = tiny.summary(name)
        assert (summary and summary._replace(zipf=None)) == summarize_matches(tiny.matches(name)), name
        assert summary is None or summary.zipf is None  # data without word frequencies
    assert tiny.summary("Landish").demonym and tiny.summary("nowhere") is None


def test_summaries_hold_the_frequency_of_the_rarest_word_of_the_key(tmp_path):
    d = write_data_dir(tmp_path, ["10\tLand\tcountry\t10.0\t20.0\tLD\t\t5000",
                                  "11\tPort Land\tcity\t10.5\t20.5\tLD\tNorth\t900",
                                  "12\tOld Port Zzq\tcity\t10.5\t20.5\tLD\tNorth\t90"])
    write_gz(d / "word_zipf.tsv.gz", ["word\tzipf", "land\t4.96", "port\t4.5", "old\t5.5"])
    g = Gazetteer(d, cache_dir=tmp_path / "cache")
    for name in ["Land", "Port Land", "PORT-LAND", "Old Port Zzq"]:
        assert g.summary(name).zipf == min(map(g.word_frequency, name_key(name).split())), name
    assert g.summary("Old Port Zzq").zipf == 0.0 and g.summary("Port Land").zipf == 4.5


def _often_at_an_edge(rng, weights: dict, threshold: float, present: list, more: list = ()) -> list:
    """``present``, half the time with a "bias" whose weight puts the sorted sum of ``present``
    and ``more`` right at the threshold's or SURE's logit (or 1e-6 either side): where the order
    of summing could decide a grade."""
    from geo.recognizer import SURE

    if rng.random() < 0.5 and "bias" in weights:
        edge = rng.choice([threshold, SURE])
        rest = sum(weights.get(n, 0.0) for n in sorted((set(present) | set(more)) - {"bias"}))
        weights["bias"] = math.log(edge / (1 - edge)) - rest + rng.choice([0, 1, -1]) * 1e-6
        present = list(set(present) | {"bias"})
        rng.shuffle(present)
    return present


def test_unordered_grading_is_the_sorted_binary_grading():
    from geo.recognizer import RecognizerModel

    rng = random.Random(8)
    names = ["bias", "prev=in", "next=,", "zipf=3", "kind=city", "initial", "words=1", "unweighted"]
    for _ in range(3000):
        weights = {n: rng.uniform(-3, 3) * 10 ** rng.randint(-3, 3) for n in names[:-1] if rng.random() < 0.8}
        threshold = rng.uniform(0.05, 0.95)
        present = rng.sample(names, rng.randint(0, len(names)))
        present = _often_at_an_edge(rng, weights, threshold, present)
        model = RecognizerModel(weights, threshold=threshold)
        cut = rng.randint(0, len(present))
        fixed, features = tuple(present[:cut]), present[cut:]
        for _ in range(2):  # the second time, the sum of the first features is remembered
            z = model.open_grade(fixed, features, 0.0, 0.0)[1]
            assert model.grade_with_more(z, fixed, features, len(features)) == model.grade_binary(sorted(present)), (
                weights, present)


def test_open_grade_is_the_grade_of_any_features_it_leaves_open():
    from geo.recognizer import RecognizerModel

    rng = random.Random(9)
    names = ["bias", "prev=in", "zipf=3", "kind=city", "initial", "unweighted"]
    open_names = ["next=,", "next=the", "next=said", "also lower case"]
    for _ in range(3000):
        weights = {n: rng.uniform(-3, 3) for n in names[:-1] + open_names if rng.random() < 0.8}
        threshold = rng.uniform(0.05, 0.95)
        present = rng.sample(names, rng.randint(0, len(names)))
        present = _often_at_an_edge(rng, weights, threshold, present)
        model = RecognizerModel(weights, threshold=threshold)
        next_low, next_high = model.weight_range("next=")
        lower_low, lower_high = model.weight_range("also lower case")
        cut = rng.randint(0, len(present))
        grade = model.open_grade(tuple(present[:cut]), present[cut:], next_low + lower_low, next_high + lower_high)[0]
        if grade is not None:
            for more in ([], ["also lower case"], *([n] for n in open_names[:3]), *([n, "also lower case"] for n in open_names[:3])):
                assert model.grade_binary(sorted(present + more)) == grade, (weights, present, more)


def test_find_mentions_grades_as_propose_spans_features_do(monkeypatch):
    from geo.recognizer import RecognizerModel

    # The fast paths must grade as the model does; the list rule, which accepts more on top of
    # the grades ("Tovuz and Paris"), is tested in test_mentions.
    monkeypatch.setattr(vouching, "LISTED_THRESHOLD", 1.1)

    text = ("Azerbaijan's Tovuz and Paris, Texas. The Azerbaijani army crossed the Gulf of Mexico. "
            "Land said Paris was in Texas; in paris, the Gulf stood still. Tovuz.")
    sents = sentences.split_sentences(text)
    gz = FakeGazetteer()
    spans = mentions.propose_spans(text, sents, gz)
    features = sorted({name for s in spans for name, _ in s.features if not name.startswith("rule:")})
    assert any(("rule:place", 1.0) in s.features for s in spans)  # "Paris, Texas": the sentence says so
    rng = random.Random(3)
    cue = {"rule:place": 2, "rule:famous alone": 1}
    for _ in range(300):
        model = RecognizerModel({name: rng.uniform(-2, 2) for name in features}, threshold=rng.uniform(0.1, 0.9))
        kept = [s for s in spans if "rule:never" not in dict(s.features)]
        grades = [1 if {"kind=continent", "best match=name"} <= dict(s.features).keys()
                  else max([model.grade_binary([name for name, _ in s.features if not name.startswith("rule:")]),
                            *(cue.get(name, 0) for name, _ in s.features)]) for s in kept]
        sure = {text[s.start : s.end] for s, g in zip(kept, grades) if g == 2}
        expected = [(s.start, s.end) for s, g in zip(kept, grades) if g or text[s.start : s.end] in sure]
        assert [(m.start, m.end) for m in mentions.find_mentions(text, sents, gz, model)] == expected


def test_known_keys_keep_the_rows_of_the_keys_found(tiny):
    assert tiny.known_keys(["land", "port land", "port nowhere"]) == {"land", "port land"}
    assert tiny._memo["port land"][0] and "port nowhere" not in tiny._memo
    assert tiny.lookup("Port Land")[0].id == "11" and tiny.summary("Land").places == 1
    assert tiny.known_keys(["nowhere land", "\x01port", "\x00land"]) == frozenset()


def test_sentences_made_without_init_are_the_records_the_constructor_makes():
    import dataclasses

    from geo.records import Sentence

    made = sentences._new_sentence(1, 2, 3)
    assert type(made) is Sentence and made == Sentence(1, 2, 3) and hash(made) == hash(Sentence(1, 2, 3))
    assert repr(made) == "Sentence(index=1, start=2, end=3)"
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.start = 5


def test_prior_features_are_the_plain_list_of_named_features():
    import math

    from geo.candidates import (CAPITAL_BONUS, KIND_PRIOR, MATCH_PENALTY, METROPOLIS_BONUS, METROPOLIS_FROM,
                                POPULATION_WEIGHT, PROMINENCE_NAMES, PROMINENCE_WEIGHT, SMALL_STATE, SMALL_STATE_PENALTY,
                                prior_features)
    from geo.records import CURATED_KINDS, MATCH_KINDS, Place

    def plain(place, match, capital, names, spelling, state_too):  # the reference: every feature appended to a list
        own = match != "alternate" or spelling
        features = [("kind " + place.kind, KIND_PRIOR.get(place.kind, 0.2))]
        if place.kind == "adm1" and place.population < SMALL_STATE:
            features.append(("small state", -round(SMALL_STATE_PENALTY * math.log10(SMALL_STATE / max(place.population, 1)), 4)))
        weight = POPULATION_WEIGHT.get(place.kind, 0.0)
        if weight and place.population > 0:
            features.append(("population", round(weight * min(1.0, math.log10(place.population) / 7), 4)))
        if state_too and own and place.kind == "city" and place.population > METROPOLIS_FROM:
            ramp = min(1.0, math.log10(place.population / METROPOLIS_FROM) / math.log10(4))
            features.append(("city of millions", round(METROPOLIS_BONUS * ramp, 4)))
        if capital and own:
            features.append(("national capital", CAPITAL_BONUS[0] if place.population >= 100_000 else CAPITAL_BONUS[1]))
        if names and place.kind in ("city", "adm2"):
            features.append(("well known", round(PROMINENCE_WEIGHT * min(1.0, math.log1p(names) / math.log1p(PROMINENCE_NAMES)), 4)))
        if MATCH_PENALTY.get(match) and place.kind not in CURATED_KINDS:
            features.append((match + " name", MATCH_PENALTY[match] / 2 if spelling else MATCH_PENALTY[match]))
        return tuple(features)

    for kind in ("country", "adm1", "adm2", "city", "physical", "region", "continent", "macroregion", "other"):
        for population in (0, 1, 950, 2_138_551, 10**9):
            place = Place("1", "X", kind, 0.0, 0.0, "", "", population)
            for match in MATCH_KINDS:
                for capital in (False, True):
                    for names, spelling, state_too in ((0, False, False), (3, False, True), (80, True, True)):
                        assert (prior_features(place, match, capital, names, spelling, state_too)
                                == plain(place, match, capital, names, spelling, state_too))


def test_grade_with_more_grades_as_the_sorted_sum_does():
    from geo.recognizer import RecognizerModel

    # find_mentions grades a span whose costly features could matter from open_grade's sum of
    # the others plus theirs: the grade of the whole sorted sum, even right at the margins.
    rng = random.Random(11)
    names = ["bias", "prev=in", "zipf=3", "kind=city", "initial", "unweighted"]
    more_names = ["next=,", "next=the", "also lower case", "unweighted too"]
    for _ in range(3000):
        weights = {n: rng.uniform(-3, 3) for n in names[:-1] + more_names[:-1] if rng.random() < 0.8}
        threshold = rng.uniform(0.05, 0.95)
        present = rng.sample(names, rng.randint(0, len(names)))
        more = rng.sample(more_names, rng.randint(0, 2))
        present = _often_at_an_edge(rng, weights, threshold, present, more)
        model = RecognizerModel(weights, threshold=threshold)
        cut = rng.randint(0, len(present))
        fixed, features = tuple(present[:cut]), present[cut:]
        grade, z = model.open_grade(fixed, features, -10.0, 10.0)
        assert grade in (None, model.grade_binary(sorted(present + more)))
        summed = len(features)
        assert model.grade_with_more(z, fixed, features + more, summed) == model.grade_binary(sorted(present + more)), (
            weights, present, more)


def test_connectors_are_lower_case():
    # Recognition tests a word for a connector by membership alone ("Of" in a headline is none).
    from geo.tokens import CONNECTORS

    assert all(word.islower() for word in CONNECTORS)
