"""The pipeline: the one module that calls every stage, in order.

text -> sentences -> mentions -> candidates -> resolutions -> Document.

``map_text`` is a pure function of (text, gazetteer): no stage keeps state between
calls that changes an answer (only memos of pure functions, and the gazetteer's own
per-instance memos, which make names met again cheap), so documents can be mapped in
any order, in any process.
"""

from __future__ import annotations

from typing import Any

from geo.candidates import candidates_for_each
from geo.errors import InputError
from geo.gazetteer import Gazetteer, default_gazetteer
from geo.home import with_home
from geo.mentions import find_mentions
from geo.recognizer import RecognizerModel, default_model
from geo.records import Candidate, Document, Place
from geo.resolve import resolve
from geo.sentences import split_sentences

__all__ = ["map_text", "find_home", "OUTLINE_KINDS", "OUTLINE_TOLERANCE"]

#: Kinds drawn as an area on maps when the gazetteer has their outline.
OUTLINE_KINDS = frozenset({"country", "adm1", "region", "continent", "macroregion"})
#: Outlines are simplified to about 2 km so a map of a few countries stays small.
OUTLINE_TOLERANCE = 0.02


def map_text(
    text: str, *, gazetteer: Gazetteer | None = None, doc_id: str = "text", outlines: bool = True, home: Place | None = None,
    recognizer: RecognizerModel | None = None,
) -> Document:
    """Find, resolve and collect every place ``text`` names.

    ``home``: the readers' home area (see :func:`find_home` and geo.home), if known.
    ``recognizer``: the toponym recognizer to use instead of the one bundled with the
    gazetteer's data (benchmarks/recognizer_cv.py maps each fold with a model fitted without it).

    >>> doc = map_text("Flooding hit Baku, Azerbaijan on Monday.", doc_id="example")
    >>> [(mp.place.name, mp.place.country_code) for mp in doc.places]
    [('Baku', 'AZ'), ('Azerbaijan', 'AZ')]
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    gz = gazetteer if gazetteer is not None else default_gazetteer()
    sentences = split_sentences(text)
    data_dir = getattr(gz, "data_dir", None)
    model = recognizer if recognizer is not None else default_model(str(data_dir)) if data_dir is not None else None
    mentions = find_mentions(text, sentences, gz, model)
    # (candidates_for remembers each name's ranking in the gazetteer: repeats cost a lookup.)
    candidates = candidates_for_each(mentions, gz)
    if home is not None:
        candidates = _with_home(candidates, home)
    # (resolve keeps what depends on a name's candidates alone in the gazetteer too)
    derived_memo = getattr(gz, "derived_memo", None)
    resolutions = resolve(text, mentions, candidates, derived_memo("resolution") if derived_memo is not None else None)
    shapes: dict[str, dict[str, Any]] = {}
    if outlines:
        for r in resolutions:
            place = r.place
            if place is None or place.kind not in OUTLINE_KINDS or place.id in shapes:
                continue
            outline = gz.outline(place.id)
            if outline is not None:
                shapes[place.id] = outline.simplify(OUTLINE_TOLERANCE).__geo_interface__
    return Document(doc_id, text, sentences, mentions, resolutions, shapes)


def _with_home(candidates: tuple[tuple[Candidate, ...], ...], home: Place) -> tuple[tuple[Candidate, ...], ...]:
    # Mentions of one name share one candidates tuple (resolve works per distinct tuple): keep that.
    done: dict[int, tuple[Candidate, ...]] = {}
    result = []
    for cands in candidates:
        if id(cands) not in done:
            done[id(cands)] = with_home(cands, home)
        result.append(done[id(cands)])
    return tuple(result)


# Which of the places a home-area hint names is the home: the most local kind first.
_HOME_ORDER = {kind: rank for rank, kind in enumerate(("city", "adm2", "adm1", "region", "physical", "country"))}


def find_home(hint: str, *, gazetteer: Gazetteer | None = None) -> Place:
    """The place a home-area hint names: "Tennessee", "Columbus, Ohio", "the US state of Georgia".

    Read as a text is ("Columbus, Ohio" is the Ohio one); where it names several places, the
    most local one is the home (the town, not its state); else looked up as one name.

    >>> find_home("Columbus, Ohio").admin1
    'Ohio'
    >>> find_home("the US state of Georgia").kind
    'adm1'
    """
    gz = gazetteer if gazetteer is not None else default_gazetteer()
    if not isinstance(hint, str) or not hint.strip():
        raise InputError(f"a home area must name a place, got {hint!r}")
    places = [r.place for r in map_text(hint, gazetteer=gz, doc_id="home", outlines=False).resolutions if r.place]
    if places:
        home = min(places, key=lambda place: _HOME_ORDER.get(place.kind, len(_HOME_ORDER)))  # first of the most local
    else:
        found = gz.lookup(hint.strip(), limit=1)
        if not found:
            raise InputError(f"no place in the gazetteer is named {hint.strip()!r}")
        home = found[0]
    if not home.country_code:  # a continent or an ocean would lean towards nothing
        raise InputError(f"a home area must lie in one country: {hint.strip()!r} is {home.name} ({home.kind})")
    return home
