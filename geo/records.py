"""The records that flow between geo's stages: frozen, slotted, typed dataclasses.

Offsets always index the document's text, so ``text[m.start:m.end] == m.text``.
This module imports nothing else from geo at import time: every stage depends on it, it
depends on none (``Document._repr_html_`` borrows the HTML writer only when Jupyter asks).

>>> p = Place("148106", "Fuzuli", "city", 39.6009, 47.1431, "AZ", "Fuzuli", 17000)
>>> p.__geo_interface__["geometry"]
{'type': 'Point', 'coordinates': (47.1431, 39.6009)}
>>> m = Mention(0, 6, "Fuzuli", 0)
>>> Resolution(m, p, 0.9).place.name
'Fuzuli'
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

__all__ = [
    "SourceDocument",
    "SourceError",
    "PLACE_KINDS",
    "MENTION_KINDS",
    "MATCH_KINDS",
    "CURATED_KINDS",
    "Place",
    "NameMatch",
    "Sentence",
    "Mention",
    "Candidate",
    "candidate_rank",
    "Resolution",
    "Document",
    "MappedPlace",
    "Quote",
    "Citation",
    "CorpusPlace",
    "CorpusMap",
    "draft_class",
]

#: Every kind a gazetteer place can have, from the most to the least "area-like".
PLACE_KINDS = (
    "continent",  # Africa, Europe
    "macroregion",  # UN M49 regions: Western Asia, Caribbean
    "country",  # sovereign states and dependencies (ISO 3166-1)
    "adm1",  # first-level subdivisions: states, provinces, oblasts
    "adm2",  # second-level subdivisions: counties, districts, rayons
    "region",  # named areas without a government: South Caucasus, Middle East, Kashmir
    "physical",  # seas, rivers, lakes, mountain ranges, deserts
    "city",  # populated places
    "airport",  # airports with an IATA code: Heathrow, O'Hare
)

#: A toponym names the place; a demonym ("Azerbaijani") links to it by adjective or people.
MENTION_KINDS = ("toponym", "demonym")


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry.

    ``id`` is the GeoNames id as a string where there is one, else a stable slug of
    the team's supplement (``"geo:south-caucasus"``).
    """

    id: str
    name: str
    kind: str
    lat: float
    lon: float
    country_code: str = ""
    admin1: str = ""
    population: int = 0

    @property
    def __geo_interface__(self) -> dict[str, Any]:
        return {
            "type": "Feature",
            "id": self.id,
            "geometry": {"type": "Point", "coordinates": (self.lon, self.lat)},
            "properties": {
                "name": self.name,
                "kind": self.kind,
                "country_code": self.country_code,
                "admin1": self.admin1,
                "population": self.population,
            },
        }


#: How a name matched a place: its main name, an alternate name, an abbreviation
#: ("U.S.", "W.Va."), or a demonym/adjective ("Azerbaijani").
MATCH_KINDS = ("name", "alternate", "abbreviation", "demonym")
#: Kinds whose alternate names are curated, the names people use ("Atlantic" for the
#: Atlantic Ocean, "Britain"), unlike a town's list of variants: matching one is as good
#: as matching the main name.
CURATED_KINDS = frozenset({"country", "continent", "region", "physical", "macroregion", "airport"})


@dataclass(frozen=True, slots=True)
class NameMatch:
    """A place a name can refer to, and how the name matched it."""

    place: Place
    match: str = "name"


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the text: ``text[start:end]``, numbered from 0."""

    index: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of the text that names a place (``kind="toponym"``) or its people (``"demonym"``)."""

    start: int
    end: int
    text: str
    sentence_index: int
    kind: str = "toponym"
    # The name as recognition read it where the text writes it joined ("#PuertoRico" is read
    # "Puerto Rico", geo.casing); empty when it is ``text``. Candidates are looked up by it.
    name: str = ""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place a mention could refer to, with its score and the features behind it.

    ``features`` are ``(name, value)`` pairs that add up to the score, so a user can
    see why a place won: ``(("prior", 0.6), ("country in text", 0.3))``.
    """

    place: Place
    score: float
    features: tuple[tuple[str, float], ...] = ()


def candidate_rank(candidate: Candidate) -> tuple[float, int, str]:
    """The sort key that ranks candidates: best score first, then the bigger place, then the
    id (a total order, so every stage that ranks candidates ranks them alike).

    >>> big, small = Place("1", "Paris", "city", 48.85, 2.35, "FR", "", 2_138_551), Place("2", "Paris", "city", 33.66, -95.56, "US", "", 24_171)
    >>> [c.place.id for c in sorted([Candidate(small, 0.9), Candidate(big, 0.9)], key=candidate_rank)]
    ['1', '2']
    """
    return (-candidate.score, -candidate.place.population, candidate.place.id)


@dataclass(frozen=True, slots=True)
class Resolution:
    """The place chosen for one mention, or ``None`` as an honest "not sure".

    ``candidates`` are the places considered, best first (the chosen one included).
    """

    mention: Mention
    place: Place | None
    score: float = 0.0
    candidates: tuple[Candidate, ...] = ()
    reason: str = ""


@dataclass(frozen=True, slots=True)
class MappedPlace:
    """A resolved place with every resolution that chose it: one marker on a map."""

    place: Place
    resolutions: tuple[Resolution, ...]

    @property
    def mention_count(self) -> int:
        return len(self.resolutions)

    @property
    def sentence_indices(self) -> tuple[int, ...]:
        return tuple(sorted({r.mention.sentence_index for r in self.resolutions}))


@dataclass(frozen=True, slots=True)
class Document:
    """A text and everything the pipeline found in it; what every writer takes.

    ``outlines`` maps a place id to a GeoJSON geometry dict for places the gazetteer
    draws as an area (countries, regions); writers draw a point for the others.
    """

    id: str
    text: str
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    resolutions: tuple[Resolution, ...]
    outlines: dict[str, dict[str, Any]] = field(default_factory=dict, compare=False)

    def sentence_text(self, index: int) -> str:
        s = self.sentences[index]
        return self.text[s.start : s.end]

    @property
    def places(self) -> tuple[MappedPlace, ...]:
        """Resolved places, most mentioned first, then by first mention."""
        grouped: dict[str, list[Resolution]] = {}
        first: dict[str, Place] = {}
        for r in self.resolutions:
            if r.place is None:
                continue
            grouped.setdefault(r.place.id, []).append(r)
            first.setdefault(r.place.id, r.place)
        mapped = [MappedPlace(first[pid], tuple(rs)) for pid, rs in grouped.items()]
        mapped.sort(key=lambda mp: (-mp.mention_count, mp.resolutions[0].mention.start))
        return tuple(mapped)

    def _repr_html_(self) -> str:
        """The offline map inline in Jupyter: the page in an iframe's ``srcdoc``, so no network."""
        return _inline_map(self, self.id)

    @property
    def __geo_interface__(self) -> dict[str, Any]:
        """A FeatureCollection with one feature per place (outline where there is one)."""
        features = []
        for mp in self.places:
            feature = mp.place.__geo_interface__
            geometry = self.outlines.get(mp.place.id, feature["geometry"])
            properties = dict(feature["properties"], mentions=mp.mention_count)
            features.append({"type": "Feature", "id": mp.place.id, "geometry": geometry, "properties": properties})
        return {"type": "FeatureCollection", "features": features}


# ---------------------------------------------------------------- many documents on one map


@dataclass(frozen=True, slots=True)
class Quote:
    """A sentence that mentions a place: ``text`` is ``document.text[start:end]`` and
    ``marks`` the mentions' ``(start, end)`` spans, all offsets in the document's text.

    >>> q = Quote(10, 26, "Floods hit Baku.", ((21, 25),))
    >>> [q.text[a - q.start : b - q.start] for a, b in q.marks]
    ['Baku']
    """

    start: int
    end: int
    text: str
    marks: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class Citation:
    """One document's mentions of a place: its id, its title if it has one, and the sentences."""

    document_id: str
    title: str | None
    quotes: tuple[Quote, ...]
    mention_count: int

    @property
    def label(self) -> str:
        """What a reader calls the document: its title, else its id."""
        return self.title if self.title else self.document_id


@dataclass(frozen=True, slots=True)
class CorpusPlace:
    """A place and every document that names it (in input order): one marker on a corpus map."""

    place: Place
    citations: tuple[Citation, ...]

    @property
    def document_count(self) -> int:
        return len(self.citations)

    @property
    def mention_count(self) -> int:
        return sum(c.mention_count for c in self.citations)

    @property
    def __geo_interface__(self) -> dict[str, Any]:
        feature = self.place.__geo_interface__
        documents = [{"id": c.document_id, "title": c.title, "mentions": c.mention_count} for c in self.citations]
        properties = dict(feature["properties"], document_count=self.document_count,
                          mention_count=self.mention_count, documents=documents)
        return {"type": "Feature", "id": self.place.id, "geometry": feature["geometry"], "properties": properties}


@dataclass(frozen=True, slots=True)
class CorpusMap:
    """Every place a set of documents names, the most widely named first; what corpus writers take.

    ``document_count`` counts every document mapped, those that named no place too;
    ``outlines`` maps a place id to a GeoJSON geometry, as on :class:`Document`; ``errors``
    are the documents that could not be read or mapped (they are not on the map).
    """

    id: str
    places: tuple[CorpusPlace, ...]
    document_count: int
    outlines: dict[str, dict[str, Any]] = field(default_factory=dict, compare=False)
    errors: tuple[SourceError, ...] = ()

    @property
    def mention_count(self) -> int:
        return sum(cp.mention_count for cp in self.places)

    def _repr_html_(self) -> str:
        """The corpus map inline in Jupyter, as for a Document."""
        return _inline_map(self, self.id)

    @property
    def __geo_interface__(self) -> dict[str, Any]:
        """A FeatureCollection with one feature per place (outline where there is one)."""
        features = []
        for cp in self.places:
            feature = cp.__geo_interface__
            features.append(dict(feature, geometry=self.outlines.get(cp.place.id, feature["geometry"])))
        return {"type": "FeatureCollection", "features": features}


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """One document as read from an input (geo.inputs), before any mapping.

    ``location`` says where it came from (``folder/a.txt``, ``corpus.jsonl:17``,
    ``corpus.parquet[3]``); ``title`` is the input's title field, if it has one.
    """

    id: str
    text: str
    location: str
    title: str | None = None


@dataclass(frozen=True, slots=True)
class SourceError:
    """A document that could not be read or mapped: where it was, and why, in one line.

    ``id`` is None when the input broke before the id could be read (a line that is not JSON).
    """

    id: str | None
    location: str
    reason: str


def _inline_map(source: Document | CorpusMap, title: str) -> str:
    """A map page inside an iframe's ``srcdoc``, for Jupyter. The writer is imported here, not
    at the top: records stay free of folium."""
    import html

    from geo.html_map import to_html

    page = to_html(source)
    return (f'<iframe srcdoc="{html.escape(page, quote=True)}" style="width:100%;height:480px;border:0" '
            f'sandbox="allow-scripts allow-popups" title="{html.escape(title, quote=True)}"></iframe>')


def draft_class(cls: type) -> type | None:
    """A plain class with the slots of the frozen, slotted record class ``cls``, for a stage
    that builds many records: an instance filled by plain attribute stores becomes a ``cls``
    record by setting its ``__class__`` (the two layouts are the same), at about a third of
    the cost of a checked setter call per field (the stores are what the interpreter does
    fastest). None for a class whose __post_init__ checks would be skipped, or where this
    Python refuses the swap.

    >>> draft = object.__new__(draft_class(NameMatch))
    >>> draft.place, draft.match = Place("1", "Baku", "city", 40.4, 49.9), "name"
    >>> draft.__class__ = NameMatch
    >>> draft == NameMatch(Place("1", "Baku", "city", 40.4, 49.9)), type(draft).__name__
    (True, 'NameMatch')
    """
    names = tuple(f.name for f in fields(cls))
    if hasattr(cls, "__post_init__") or tuple(cls.__dict__.get("__slots__", ())) != names:
        return None
    draft = type(f"_{cls.__name__}Draft", (), {"__slots__": names})
    try:
        object.__new__(draft).__class__ = cls
    except TypeError:
        return None
    return draft
