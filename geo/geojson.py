"""Write a finished Document (or a CorpusMap of many) as an RFC 7946 GeoJSON FeatureCollection: one Feature per place.

Positions are ``[lon, lat]`` rounded to 7 decimals (about 1 cm), there is no ``crs`` member,
and outlines that cross the antimeridian are cut there (see :mod:`geo.antimeridian`). A Feature's
geometry is the place's outline where the document has one, else its Point; the point is also
kept in the ``point`` property so a reader can always put a marker down.

>>> from geo.records import Document, Mention, Place, Resolution, Sentence
>>> text = "Fuzuli is quiet."
>>> m = Mention(0, 6, "Fuzuli", 0)
>>> fuzuli = Place("148106", "Fuzuli", "city", 39.60094, 47.14313, "AZ", "Fuzuli", 17000)
>>> doc = Document("d1", text, (Sentence(0, 0, 16),), (m,), (Resolution(m, fuzuli, 0.9),))
>>> collection = to_geojson(doc)
>>> collection["document_id"], collection["features"][0]["geometry"]
('d1', {'type': 'Point', 'coordinates': [47.14313, 39.60094]})
>>> collection["features"][0]["properties"]["mentions"]
[{'start': 0, 'end': 6, 'text': 'Fuzuli', 'kind': 'toponym', 'sentence_index': 0, 'sentence': 'Fuzuli is quiet.'}]
>>> dumps_geojson(doc)[:40]
'{"type": "FeatureCollection", "document_'
"""

from __future__ import annotations

import json
from typing import Any

from geo.antimeridian import split_geometry
from geo.records import CorpusMap, CorpusPlace, Document, MappedPlace

__all__ = ["to_geojson", "dumps_geojson", "round_coordinates", "PRECISION"]

#: Decimal places kept in positions: 7 is about 1 cm, finer than any gazetteer point.
PRECISION = 7


def to_geojson(document: Document | CorpusMap) -> dict[str, Any]:
    """A FeatureCollection dict for ``document``: one Feature per place, most mentioned first.

    ``document_id`` is a foreign member (RFC 7946 §6.1) naming the document it came from.
    A :class:`~geo.records.CorpusMap` gives one Feature per place, the most widely named
    first, with ``document_count``, ``mention_count`` and ``documents`` (each naming
    document's ``id``, ``title`` and ``mentions`` of the place), and the foreign members
    ``corpus_id`` and ``document_count``.

    >>> from geo.records import Citation, CorpusMap, CorpusPlace, Place, Quote
    >>> baku = Place("587084", "Baku", "city", 40.4093, 49.8671, "AZ")
    >>> quote = Quote(0, 13, "Rain in Baku.", ((8, 12),))
    >>> corpus = CorpusMap("week", (CorpusPlace(baku, (Citation("a", None, (quote,), 1), Citation("b", "Vote", (quote,), 2))),), 3)
    >>> feature = to_geojson(corpus)["features"][0]
    >>> feature["properties"]["document_count"], feature["properties"]["documents"]
    (2, [{'id': 'a', 'title': None, 'mentions': 1}, {'id': 'b', 'title': 'Vote', 'mentions': 2}])
    """
    if isinstance(document, CorpusMap):
        features = [_corpus_feature(document, cp) for cp in document.places]
        return {"type": "FeatureCollection", "corpus_id": document.id, "document_count": document.document_count,
                "features": features}
    features = [_feature(document, mp) for mp in document.places]
    return {"type": "FeatureCollection", "document_id": document.id, "features": features}


def dumps_geojson(document: Document | CorpusMap, *, indent: int | None = None) -> str:
    """``to_geojson(document)`` as JSON text (UTF-8 safe: non-ASCII names are kept as they are)."""
    return json.dumps(to_geojson(document), ensure_ascii=False, indent=indent, allow_nan=False)


def round_coordinates(coordinates: Any, precision: int = PRECISION) -> Any:
    """Round every number in nested GeoJSON coordinates; tuples become lists.

    >>> round_coordinates(((1.123456789, -0.00000001), [2, 3]))
    [[1.1234568, 0.0], [2.0, 3.0]]
    """
    if isinstance(coordinates, (list, tuple)):
        return [round_coordinates(c, precision) for c in coordinates]
    return round(float(coordinates), precision) + 0.0  # + 0.0 turns -0.0 into 0.0


def _geometry(geometry: dict[str, Any]) -> dict[str, Any]:
    geometry = split_geometry(geometry)
    if geometry["type"] == "GeometryCollection":
        return {"type": "GeometryCollection", "geometries": [_geometry(g) for g in geometry["geometries"]]}
    return {"type": geometry["type"], "coordinates": round_coordinates(geometry["coordinates"])}


def _feature(document: Document, mp: MappedPlace) -> dict[str, Any]:
    place = mp.place
    point = round_coordinates([place.lon, place.lat])
    outline = document.outlines.get(place.id)
    geometry = _geometry(outline) if outline else {"type": "Point", "coordinates": point}
    mentions = [
        {
            "start": r.mention.start,
            "end": r.mention.end,
            "text": r.mention.text,
            "kind": r.mention.kind,
            "sentence_index": r.mention.sentence_index,
            "sentence": _sentence(document, r.mention.sentence_index),
        }
        for r in sorted(mp.resolutions, key=lambda r: (r.mention.start, r.mention.end))
    ]
    properties = {
        "place_id": place.id,
        "name": place.name,
        "kind": place.kind,
        "country_code": place.country_code,
        "admin1": place.admin1,
        "population": place.population,
        "score": max(r.score for r in mp.resolutions),
        "mention_count": mp.mention_count,
        "point": point,
        "mentions": mentions,
    }
    return {"type": "Feature", "id": place.id, "geometry": geometry, "properties": properties}


def _corpus_feature(corpus: CorpusMap, cp: CorpusPlace) -> dict[str, Any]:
    place = cp.place
    point = round_coordinates([place.lon, place.lat])
    outline = corpus.outlines.get(place.id)
    geometry = _geometry(outline) if outline else {"type": "Point", "coordinates": point}
    properties = {
        "place_id": place.id,
        "name": place.name,
        "kind": place.kind,
        "country_code": place.country_code,
        "admin1": place.admin1,
        "population": place.population,
        "document_count": cp.document_count,
        "mention_count": cp.mention_count,
        "point": point,
        "documents": [{"id": c.document_id, "title": c.title, "mentions": c.mention_count} for c in cp.citations],
    }
    return {"type": "Feature", "id": place.id, "geometry": geometry, "properties": properties}


def _sentence(document: Document, index: int) -> str:
    # A mention may point past the sentence list in hand-built documents; say nothing then.
    return document.sentence_text(index) if 0 <= index < len(document.sentences) else ""
