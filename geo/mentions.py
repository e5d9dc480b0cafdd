"""Stage 2: toponym recognition — find the spans of a text that name places.

Capitalised word sequences (with the connectors of place names: "Gulf of Mexico",
"Rio de Janeiro"; geo.tokens finds them) are matched against the gazetteer's name keys,
longest first; text whose case says nothing of names is read through geo.casing's copy,
and what a sentence says outright of a name is geo.place_cues'.
Each proposed span is described by named features — the words around it, how
common it is as an English word, whether a title or a common given name precedes
it here or elsewhere in the text ("Gov. Cuomo", "John Clark ... Clark said"), what kinds of
place the gazetteer has under that name — and a recognizer model
(geo.recognizer) decides which spans are places. A few hard rules hold whatever
the model says: months, weekdays, titles and bare compass words are never a
place on their own, and a name right after a title is a person ("Colonel
Jafarov"). A doubtful name its sentence vouches for (a list of places, a country the
sentence names) is a place too (geo.vouching). Demonyms and adjectives ("Azerbaijani",
"Armenians") become mentions of kind ``"demonym"``.

Nothing here keeps state between calls that could change an answer: per-call memos live
in local variables, the module-level memos of word keys and of a run's pieces remember pure
functions, and what depends on the gazetteer (which spans of a run's words it knows, what it
says of a span's text, how common a word of a name is) is kept in the gazetteer's
per-instance ``derived_memo`` when it offers one; all bounded in size. Names repeat across
documents, so most runs and spans are answered from these memos.

How common a word is comes from the gazetteer's ``word_frequency`` (geo.gazetteer: a table
built from wordfreq into data/), which holds every word of every name key: recognition asks
only about spans whose key the gazetteer knows. A gazetteer without it (test fakes) is
answered by wordfreq itself, the same numbers.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from operator import attrgetter
from typing import Any, Protocol

from geo.casing import cased_view, hashtag_words, joined_view
from geo.gazetteer import summarize_matches
from geo.names import name_key
from geo.place_cues import (
    FAMOUS_POPULATION,
    PERSON_OR_GROUP,
    defined_as_place,
    famous_by_name,
    qualified_by_its_state,
)
from geo.records import Mention, NameMatch, Sentence, draft_class
from geo.span_features import (
    _costly_features,
    _name_features,
    _plays_or_is_named,
    _span_features,
    _spells_a_main_name,
    _SurfaceFacts,
)
from geo.tokens import (
    CONNECTORS,
    _W_START,
    _W_TEXT,
    _W_END,
    _TITLES,
    Token,
    _grams,
    _longest_known,
    _join_known,
    _pieces,
    _possessive_joints,
    _Run,
    _run_between,
    _new_tuple,
    tokenize,
)
from geo.vouching import _whole_member, accept_colocated, accept_listed

__all__ = [
    "find_mentions",
    "propose_spans",
    "SpanCandidate",
    "Token",
    "tokenize",
    "NameIndex",
    "Recognizer",
    "CONNECTORS",
]


class Recognizer(Protocol):
    """What recognition needs from a model (geo.recognizer.RecognizerModel)."""

    def accepts(self, features: Mapping[str, float]) -> bool: ...


class NameIndex(Protocol):
    """What recognition needs from a gazetteer. It may also offer ``word_frequency(word)``,
    ``given_names()`` and ``derived_memo(purpose)``, and a ``summary`` method that recognition
    then asks instead of ``matches`` while judging spans (see geo.gazetteer.Gazetteer)."""

    def known_keys(self, keys: Iterable[str]) -> frozenset[str]: ...

    def matches(self, name: str) -> tuple[NameMatch, ...]: ...


@dataclass(frozen=True, slots=True)
class SpanCandidate:
    """A capitalised span the gazetteer knows, with what recognition needs to judge it."""

    start: int
    end: int
    key: str
    matches: tuple[NameMatch, ...]
    features: tuple[tuple[str, float], ...]

    @property
    def is_demonym(self) -> bool:
        """A people or adjective ("Canadian"), even where a small town shares the word."""
        return any(m.match == "demonym" for m in self.matches) and not any(
            m.match != "demonym" and m.place.kind in ("country", "adm1", "continent") for m in self.matches
        )


class _Context:
    """Facts about the whole document that help judge one span."""

    __slots__ = ("text", "mid_sentence_words", "after_title_words", "after_given_name_words", "given_names",
                 "_lower_memo", "surface_memo", "zipf", "zipf_labels", "surnames", "joined", "lowercase_words")

    def __init__(self, text: str, mid_sentence_words: frozenset[str], after_title_words: frozenset[str],
                 after_given_name_words: frozenset[str] = frozenset(), given_names: frozenset[str] = frozenset()):
        self.text = text
        # What a span's text says wherever it stands (see surface_facts): the gazetteer's own
        # per-instance memo when it offers one (names repeat across documents), else this document's.
        self.surface_memo: dict = {}
        # How common a word is (see the module doc), and its "zipf=N" feature per word:
        # both depend on the gazetteer, so set per call by _proposals.
        self.zipf = _wordfreq_zipf
        self.zipf_labels: dict[str, str] = {}
        self.mid_sentence_words = mid_sentence_words  # capitalised words seen away from a sentence start
        self.after_title_words = after_title_words  # capitalised words seen right after a title: person names
        # capitalised words seen right after a common given name ("John Clark"): surnames here
        self.after_given_name_words = after_given_name_words
        self.given_names = given_names  # common given names, lower case (Gazetteer.given_names)
        self.surnames: frozenset[str] = frozenset()  # common surnames, lower case (the recognizer's)
        self.joined: list[int] = []  # where to part names written as one word (see _named_spans)
        # Words the dictionary lists in lower case only ("reading", "mobile"; Gazetteer.lowercase_words)
        self.lowercase_words: frozenset[str] = frozenset()
        self._lower_memo: dict[str, bool] = {}

    def surface_facts(self, surface: str, key: str, gazetteer: NameIndex) -> _SurfaceFacts | None:
        """What a span's text ``surface`` (of key ``key``) and the gazetteer say of it, in any
        document at any place, remembered in ``surface_memo`` (where the caller looks first);
        None when the gazetteer has no match for it."""
        # A summary of the matches, not their records: the model rejects most names it is asked about.
        summary_of = getattr(gazetteer, "summary", None)
        summary = summary_of(surface) if summary_of is not None else summarize_matches(gazetteer.matches(surface))
        memo = self.surface_memo
        if len(memo) >= _FACTS_MEMO_LIMIT:
            memo.clear()
        words = key.split()
        one_word = len(words) == 1
        if summary is None:
            memo[surface] = _new_tuple(_SurfaceFacts, (key, False, (), False, one_word, surface.lower(), False,
                                                       False, False, False))
            return None
        # The summary's frequency is that of its own key, the key of the whole text.
        zipf = summary.zipf if summary.zipf is not None and name_key(surface) == key else None
        features, demonym, abbreviation = _name_features(surface, words, one_word, summary, zipf, self)
        if "best match=alternate" in features and _spells_a_main_name(surface, gazetteer):
            # A spelling of a main name is how news writes that place: it is not learnt from
            # the other alternate names, mostly common words some place was once called.
            features = tuple("best match=spelling" if f == "best match=alternate" else f for f in features)
        facts = memo[surface] = _new_tuple(_SurfaceFacts, (
            key, True, features, demonym, one_word, surface.lower(), abbreviation,
            one_word and summary.population >= FAMOUS_POPULATION,
            "rule:never" in features, "kind=continent" in features and "best match=name" in features))
        return facts

    def zipf_label(self, word: str) -> str:
        """The feature of a one-word span's frequency, "zipf=N"."""
        label = self.zipf_labels.get(word)
        if label is None:
            labels = self.zipf_labels
            if len(labels) >= _FACTS_MEMO_LIMIT:
                labels.clear()
            label = labels[word] = "zipf=%d" % int(self.zipf(word))
        return label

    def used_in_lower_case(self, word: str) -> bool:
        """Does the text also use ``word`` in lower case ("trend", "park")?

        Found with ``str.find`` for the few words asked instead of collecting every
        lower-case word of the text (tests/test_fast_paths.py checks the two agree).
        """
        hit = self._lower_memo.get(word)
        if hit is None:
            hit = self._lower_memo[word] = _occurs_in_lower_case(self.text, word)
        return hit


def _occurs_in_lower_case(text: str, word: str) -> bool:
    # A whole word of two or more ASCII lower-case letters, not right after an apostrophe.
    if len(word) < 2 or not (word.isascii() and word.isalpha() and word.islower()):
        return False
    size, end = len(word), len(text)
    i = text.find(word)
    while i >= 0:
        before = text[i - 1] if i > 0 else " "
        after = text[i + size] if i + size < end else " "
        if not (before.isalnum() or before in "_'’") and not (after.isalnum() or after == "_"):
            return True
        i = text.find(word, i + 1)
    return False


def _proposals(
    text: str, sentences: tuple[Sentence, ...], gazetteer: NameIndex, surnames: frozenset[str] = frozenset()
) -> list[tuple[int, int, str, str, tuple[str, ...], list[str], bool]]:
    """(start, end, key, surface, features of its text, its other features, is_demonym) of every
    longest capitalised span the gazetteer knows (``surface``: its text, without a dot
    _with_abbreviation_dot adds; the features are their names, see _span_features)."""
    spans, context = _named_spans(text, sentences, gazetteer, surnames)
    proposals = []
    for run, i, j, start, end, surface, _name, facts, _n in spans:
        features = _span_features(run, i, j, start, facts, context)
        _costly_features(run, j, facts, context, features)
        # What the sentence says outright (find_mentions asks only when the model is unsure).
        cue = 0 if facts.demonym else _says_place(run, end, surface, facts, features, context, gazetteer, {})
        if cue:
            features.append(_CUE_LABELS[cue])
        proposals.append((start, end, facts.key, surface, facts.features, features, facts.demonym))
    return proposals


def _named_spans(
    text: str, sentences: tuple[Sentence, ...], gazetteer: NameIndex, surnames: frozenset[str] = frozenset()
) -> tuple[list[tuple[_Run, int, int, int, int, str, str, _SurfaceFacts, int]], _Context]:
    """(run, i, j, start, end, surface, name, facts, n) of every longest capitalised span
    ``run.tokens[i:j]`` the gazetteer knows (``name``: ``text[start:end]``, past a dot that
    _with_abbreviation_dot adds; ``surface``: its text without that dot; its key is
    ``facts.key``; ``n`` sentences start at or before it), and the document's context to
    judge them in."""
    sentences = sentences or (Sentence(0, 0, len(text)),)
    sentence_starts = tuple(map(_SENTENCE_START, sentences))
    shared: list[int] = []  # pieces that may share a run with the next (few: most runs are one piece)
    pieces = _pieces(text, sentence_starts, shared)
    joints = _possessive_joints(text, pieces, shared) if shared else ()
    if joints:  # few runs hold a possessive before a capitalised word: one more query for them
        pieces = _join_known(pieces, joints, gazetteer.known_keys({key for _, _, keys in joints for key in keys}))
    derived_memo = getattr(gazetteer, "derived_memo", None)
    # Which spans of a run's keys the gazetteer knows: the gazetteer's own per-instance memo
    # when it offers one (runs repeat across documents), else this call's.
    spans_of: dict[tuple[str, ...], tuple[tuple[int, int, str], ...]] = {}
    surface_memo: dict = {}
    zipf_labels: dict[str, str] = {}
    if derived_memo is not None:
        surface_memo, zipf_labels = derived_memo("surface facts"), derived_memo("zipf labels")
        spans_of = derived_memo("known spans")
    # The query asks only about the pieces the memo lacks, each once however often this
    # document repeats it; the memo then holds every piece's spans, read after the query.
    # (Cleared before it is read, if full: what this document adds keeps it bounded.)
    if len(spans_of) >= _FACTS_MEMO_LIMIT:
        spans_of.clear()
    memo_keys = []  # each piece's key in spans_of
    fresh: dict[Any, tuple[tuple[str, ...], Any]] = {}  # a new piece's memo key -> its keys, its n-grams (_grams)
    wanted: set[str] = set()
    parted: dict[str, tuple[str, tuple[int, ...]]] = {}  # a humped word -> its key parted, where it parts
    remember = memo_keys.append
    for piece, _, _ in pieces:
        # A piece's spans follow from its keys and where a capitalised connector stands.
        keys = piece.keys
        opens = piece.opens
        if opens:
            keys = (keys, opens)
        if keys not in spans_of and keys not in fresh:
            fresh[keys] = (piece.keys, _grams(piece.keys, wanted, opens))
        remember(keys)
        if piece.humps:  # a name written as one word ("NewYork"): asked parted in the same query
            for k in piece.humps:
                word = piece.tokens[k][_W_TEXT]
                if word not in parted:
                    parts = hashtag_words(word)
                    parted[word] = (name_key(" ".join(word[i:j] for i, j in parts)), tuple(i for i, _ in parts[1:]))
                    wanted.add(parted[word][0])
    # One query for every n-gram of every run not seen before: the gazetteer answers which keys exist.
    known = gazetteer.known_keys(wanted)
    for memo_key, (keys, by_start) in fresh.items():
        spans_of[memo_key] = _longest_known(keys, known, by_start)

    # The context spans are judged in: what the gazetteer says (set now: a span's text is
    # described as its run is met, from that alone) and what the document says of its
    # capitalised words (set below, once every run is walked). Those sets are asked about spans'
    # texts (after_title_words also about a word beside a span: geo.person_cues), and a span of
    # two words or more holds what no single word holds between them (a space, a hyphen or a
    # digit): so a word counts there only when it stands alone as a span somewhere. No word of a
    # run without a span does: a word's key follows from its lower case (geo.names.name_key), and
    # no key of that run but a connector's is one the gazetteer knows, else it would hold a span
    # (tokens._longest_known). So of such a run only the words after a title are noted
    # (tests/test_fast_paths_p11t.py holds these facts).
    given_names = getattr(gazetteer, "given_names", None)
    given = given_names() if given_names is not None else frozenset()
    context = _Context(text, frozenset(), frozenset(), frozenset(), given)
    joined: list[int] = []  # where to part a name written as one word, outside every span, that the gazetteer knows parted
    context.surnames, context.joined = surnames, joined
    context.surface_memo, context.zipf_labels = surface_memo, zipf_labels
    lowercase_words = getattr(gazetteer, "lowercase_words", None)
    if lowercase_words is not None:
        context.lowercase_words = lowercase_words()
    word_frequency = getattr(gazetteer, "word_frequency", None)
    if word_frequency is not None:
        context.zipf = word_frequency
    mid, titled, after_given = set(), set(), set()
    # A piece's sentence by how many sentences start at or before it, n: bounds[n] to bounds[n + 1]
    # (before the first start, the first sentence; after the last, up to the text's end).
    bounds = (sentence_starts[0], *sentence_starts, len(text))
    named = []
    append_named = named.append
    for (piece, base, n), spans in zip(pieces, map(spans_of.get, memo_keys)):
        tokens, _, lower, after_title, _, humps = piece  # (one unpacking, not an attribute lookup each)
        if humps:
            for k in humps:
                key, cuts = parted[tokens[k][_W_TEXT]]
                if key in known and cuts and not any(i <= k < j for i, j, _ in spans):
                    joined.extend(base + tokens[k][_W_START] + cut for cut in cuts)
        if not spans:
            if after_title:  # (the only words of a run without a span that count: see above)
                titled.update(after_title)
            continue
        if len(lower) > 1:
            mid.update(lower[1:])
            if after_title:
                titled.update(after_title)
            if not given.isdisjoint(lower[:-1]):
                after_given.update(word for previous, word in zip(lower, lower[1:]) if previous in given)
        run = _run_between(text, bounds[n], bounds[n + 1], piece, base)
        # What its first word tells: seen away from a sentence start, seen right after a title.
        if not run.initial:
            mid.add(lower[0])
        if run.prev in _TITLES:
            titled.add(lower[0])
        for i, j, key in spans:
            start, end = base + tokens[i][_W_START], base + tokens[j - 1][_W_END]
            surface = text[start:end]
            facts = surface_memo.get(surface)  # most spans' texts were met before: no call
            if facts is None or facts.key != key:
                facts = context.surface_facts(surface, key, gazetteer)
                if facts is None:
                    continue
            elif not facts.named:
                continue
            name = surface
            if facts.abbreviation and text[end : end + 1] == ".":  # only then can the span take the dot
                end = _with_abbreviation_dot(text, end)
                name = text[start:end]
            append_named((run, i, j, start, end, surface, name, facts, n))
    context.mid_sentence_words, context.after_title_words = frozenset(mid), frozenset(titled)
    context.after_given_name_words = frozenset(after_given)
    return named, context


def _with_abbreviation_dot(text: str, end: int) -> int:
    """The end of a span that some place's abbreviation matches, past the dot that the word
    pattern left out: "Calif." and "Ind." are the names ("Calif" is no word), as "U.S." is.
    Not for upper-case forms ("in the US.": that dot ends the sentence)."""
    if text[end : end + 1] == "." and text[end - 1].islower():
        return end + 1
    return end


def propose_spans(
    text: str, sentences: tuple[Sentence, ...], gazetteer: NameIndex, surnames: frozenset[str] = frozenset()
) -> tuple[SpanCandidate, ...]:
    """Every longest capitalised span the gazetteer knows, described by named features
    (in lower-case text and hashtags, those of the copy geo.casing makes; offsets are ``text``'s).
    ``surnames``: common surnames, lower case, as a recognizer model carries them."""
    view = cased_view(text, sentences, gazetteer)
    scanned, sentences = (text, sentences) if view is None else (view.text, view.sentences)
    return tuple(
        SpanCandidate(*((start, end) if view is None else (view.original(start), view.original_end(end))), key,
                      gazetteer.matches(surface), tuple((name, 1.0) for name in sorted([*fixed, *names])))
        for start, end, key, surface, fixed, names, _ in _proposals(scanned, sentences, gazetteer, surnames)
    )


def find_mentions(
    text: str, sentences: tuple[Sentence, ...], gazetteer: NameIndex, model: Recognizer | None = None
) -> tuple[Mention, ...]:
    """Every span of ``text`` that names a place, in text order; ``text[m.start:m.end] == m.text``.

    With a ``model`` (geo.recognizer), a span is kept when the model accepts its
    features; without one, only the hard rules decide. Text whose case says nothing of
    names (all lower case; hashtags) is read through the copy geo.casing makes of it.
    """
    view = cased_view(text, sentences, gazetteer)
    if view is None:
        found, joined = _find_mentions(text, sentences, gazetteer, model)
        # A name written as one word ("NewYork") outside every span: read again, parted, when
        # the gazetteer knows it so (rare: the common case pays nothing more).
        view = joined_view(text, sentences, joined) if joined else None
        if view is None:
            return found
    original, original_end = view.original, view.original_end
    return tuple(
        # A name the text writes joined ("PuertoRico") keeps the copy's reading for the lookup.
        Mention(start, end, text[start:end], m.sentence_index, m.kind, "" if end - start == m.end - m.start else m.text)
        for m in _find_mentions(view.text, view.sentences, gazetteer, model)[0]
        for start, end in [(original(m.start), original_end(m.end))]
    )


def _find_mentions(
    text: str, sentences: tuple[Sentence, ...], gazetteer: NameIndex, model: Recognizer | None
) -> tuple[tuple[Mention, ...], list[int]]:
    """find_mentions in text the mention finder can read as it is, and where to part the names
    it writes as one word ("NewYork") that the gazetteer knows parted (geo.casing.joined_view)."""
    # The word after a span and whether the text uses it in lower case cost the most to find:
    # a model that can say whether they could change a span's grade (most often they cannot)
    # is asked first, with the least and the most their weights can add; when they could, it
    # grades them with the sum it has read (grade_with_more). Every feature recognition makes
    # has the value 1.0: such a model (geo.recognizer.RecognizerModel) takes their names alone,
    # in any order, and is spared a mapping and a sort per span.
    open_grade = getattr(model, "open_grade", None)
    if open_grade is not None:
        grade_with_more = model.grade_with_more
        next_low, next_high = model.weight_range("next=")
        lower_low, lower_high = model.weight_range("also lower case")
        # (a span of one word may be used in lower case too, a longer one not)
        one_word_range, longer_range = (next_low + lower_low, next_high + lower_high), (next_low, next_high)
    # (start, end, name, grade, run, i, j, facts, n) of each span not ruled out (see _named_spans)
    graded: list[tuple[int, int, str, int, _Run, int, int, _SurfaceFacts, int]] = []
    doubtful: dict[int, list[str]] = {}  # index in graded -> features, of the spans the model turned down
    # (a list's places vouch for its doubtful members by the model's probability: a model that
    # only accepts or rejects has none to give)
    listable = callable(getattr(model, "probability", None))
    sure: set[str] = set()  # texts of spans the model is sure of (grade 2)
    spans, context = _named_spans(text, sentences, gazetteer, getattr(model, "surnames", frozenset()))
    derived_memo = getattr(gazetteer, "derived_memo", None)
    cue_memo = derived_memo("place cues") if derived_memo is not None else {}
    for run, i, j, start, end, surface, name, facts, n in spans:
        if facts.never:
            continue
        # (the person and team rules cost the most of the rules: asked below, only of spans that
        # would be places)
        names = _span_features(run, i, j, start, facts, context, False)  # (without the named rules)
        if names[0] == "rule:never":  # _span_features puts it first when it adds it (never empty: "prev=")
            continue
        # A continent named by its own name is a place in any sentence ("across Europe"); the
        # training corpus marks continents too rarely for the model to learn it.
        if model is None or facts.continent:
            grade = 1
        else:
            if open_grade is not None:
                low, high = one_word_range if facts.one_word else longer_range
                grade, z = open_grade(facts.features, names, low, high)
                if grade is None:
                    summed = len(names)  # (open_grade summed these: grade_with_more adds the rest)
                    _costly_features(run, j, facts, context, names)
                    grade = grade_with_more(z, facts.features, names, summed)
            else:
                _costly_features(run, j, facts, context, names)
                # The model sees the features in propose_spans' (sorted) order: the same sum, to the bit.
                grade = int(model.accepts(dict.fromkeys(sorted([*facts.features, *names]), 1.0)))
            # What the sentence says outright (geo.place_cues), asked only where it may say something.
            if grade < 2 and not facts.demonym and (facts.big or text.startswith(_CUE_OPENERS, end)):
                grade = max(grade, _says_place(run, end, surface, facts, names, context, gazetteer, cue_memo))
        if grade and _plays_or_is_named(run, i, j, start, facts, context):
            continue
        if grade == 2:
            sure.add(name)
        graded.append((start, end, name, grade, run, i, j, facts, n))
        if not grade and listable and _whole_member(names, name):  # (else none vouches for it)
            doubtful[len(graded) - 1] = names
    if doubtful:
        accept_listed(graded, doubtful, text, model, context)
    if doubtful:
        accept_colocated(graded, doubtful, model, context, gazetteer)
    mentions = []
    for start, end, name, grade, run, i, j, facts, n in graded:
        # One sense per document: where the model is sure of a name, its other occurrences
        # are places too ("fighting in Fuzuli ... Fuzuli was retaken"), unless a person or a team.
        if grade or (sure and name in sure and not _plays_or_is_named(run, i, j, start, facts, context)):
            kind = "demonym" if facts.demonym else "toponym"
            # (its sentence's index: n sentences start at or before the span)
            mentions.append(_new_mention(start, end, name, n - 1 if n else 0, kind))
    return tuple(mentions), context.joined


def _new_mention(start: int, end: int, text: str, sentence_index: int, kind: str, name: str = "",
                 _new=object.__new__, _draft=draft_class(Mention), _cls=Mention) -> Mention:
    """``Mention(start, end, text, sentence_index, kind, name)`` made from a draft
    (geo.records.draft_class): recognition makes a record per mention."""
    mention = _new(_draft)
    mention.start = start
    mention.end = end
    mention.text = text
    mention.sentence_index = sentence_index
    mention.kind = kind
    mention.name = name
    mention.__class__ = _cls
    return mention


def _says_place(run: _Run, end: int, surface: str, facts: _SurfaceFacts, names: list[str],
                context: _Context, gazetteer: NameIndex, memo: dict) -> int:
    """What the sentence says outright of a span the model is not sure of (geo.place_cues):
    2, surely a place, when it is qualified by its own state or defined as a place; 1 when it
    is a famous place standing alone; else 0. Nothing, when its neighbours say person or group."""
    text, ceiling = context.text, run.ceiling
    famous = facts.big
    # Most spans have no cue to ask about (the tests are in C): the person test comes after.
    if not famous and not text.startswith(_CUE_OPENERS, end):
        return 0
    if not _PERSON_OR_GROUP.isdisjoint(names):
        return 0
    if end < ceiling and text[end] == "," and qualified_by_its_state(surface, text, end, ceiling, gazetteer, memo):
        return 2
    if defined_as_place(text, end, ceiling):
        return 2
    if famous and "possessive" not in names:
        found = memo.get(surface)  # the name's own say, remembered per name (the gazetteer's memo)
        if found is None:
            if len(memo) >= _FACTS_MEMO_LIMIT:
                memo.clear()
            # (the summary's frequency of its word, when there is one: the word is not looked up)
            summary_of = getattr(gazetteer, "summary", None)
            found = memo[surface] = famous_by_name(surface, gazetteer.matches(surface), context.zipf,
                                                   summary_of(surface).zipf if summary_of is not None else None)
        return 1 if found else 0
    return 0


#: The features that tell propose_spans' callers what _says_place said: a span is then at
#: least as sure a place as this (no model weighs them; training leaves them out).
_CUE_LABELS = {1: "rule:famous alone", 2: "rule:place"}
# What follows a name that a qualifier or a definition may follow (see geo.place_cues).
_CUE_OPENERS = (",", " ,", " is ", " was ", " remains ", " became ", " has been ", " lies ", " lay ", " sits ", " sat ",
                " straddle")
_PERSON_OR_GROUP = frozenset(PERSON_OR_GROUP)
def _wordfreq_zipf(word: str) -> float:
    """English Zipf frequency of a word from wordfreq itself: for a gazetteer without
    ``word_frequency`` (wordfreq keeps its own bounded memo of words asked)."""
    from wordfreq import zipf_frequency  # imported lazily: its tables load on first use

    return zipf_frequency(word, "en")


_FACTS_MEMO_LIMIT = 50_000
_SENTENCE_START = attrgetter("start")

