"""geo: find every place a text names, put it on the Earth, and map the sentences that mention it.

Offline: names are resolved against the gazetteer bundled in ``data/``.

>>> import geo
>>> doc = geo.map_text("Flooding hit Baku, Azerbaijan.")
>>> [mp.place.name for mp in doc.places]
['Baku', 'Azerbaijan']
"""

from geo.errors import DataError, GeoError, InputError, NotFoundError, UnknownNameError
from geo.records import (
    Candidate,
    Citation,
    CorpusMap,
    CorpusPlace,
    Document,
    MappedPlace,
    Mention,
    NameMatch,
    Place,
    Quote,
    Resolution,
    Sentence,
)

__all__ = [
    "map_text",
    "map_documents",
    "find_home",
    "Gazetteer",
    "Document",
    "MappedPlace",
    "Place",
    "NameMatch",
    "Sentence",
    "Mention",
    "Candidate",
    "Resolution",
    "CorpusMap",
    "CorpusPlace",
    "Citation",
    "Quote",
    "GeoError",
    "InputError",
    "DataError",
    "NotFoundError",
    "UnknownNameError",
    "to_html",
    "to_png",
    "to_svg",
    "to_geojson",
]

__version__ = "0.1.0"


def __getattr__(name: str):
    # `import geo.records` runs this file first: keep it free of the gazetteer and the
    # pipeline so a stage or a writer can be imported on its own.
    if name in ("map_text", "find_home"):
        from geo import pipeline

        return getattr(pipeline, name)
    if name == "map_documents":
        from geo.corpus import map_documents

        return map_documents
    if name == "Gazetteer":
        from geo.gazetteer import Gazetteer

        return Gazetteer
    raise AttributeError(f"module 'geo' has no attribute {name!r}")


# The writers pull in folium or matplotlib: import them only when asked for.
def to_html(document: Document | CorpusMap, **options) -> str:
    """The document (or corpus) as a self-contained HTML map (see :func:`geo.html_map.to_html`)."""
    from geo.html_map import to_html as write

    return write(document, **options)


def to_png(document: Document | CorpusMap, path=None, **options) -> bytes:
    """The document (or corpus) as a PNG map (see :func:`geo.static_map.to_png`, :func:`geo.corpus.to_png`)."""
    if isinstance(document, CorpusMap):
        from geo.corpus import to_png as write
    else:
        from geo.static_map import to_png as write
    return write(document, path, **options)


def to_svg(document: Document | CorpusMap, path=None, **options) -> bytes:
    """The document (or corpus) as an SVG map (see :func:`geo.static_map.to_svg`, :func:`geo.corpus.to_svg`)."""
    if isinstance(document, CorpusMap):
        from geo.corpus import to_svg as write
    else:
        from geo.static_map import to_svg as write
    return write(document, path, **options)


def to_geojson(document: Document | CorpusMap) -> dict:
    """The document (or corpus) as an RFC 7946 FeatureCollection (see :func:`geo.geojson.to_geojson`)."""
    from geo.geojson import to_geojson as write

    return write(document)
