"""Write a finished Document as rows: one per mention (CSV), or as the JSON records scripts read.

Every mention gets a row, resolved or not; a mention the resolver was not sure about has
``None`` in its place fields (an empty cell in CSV, ``null`` in JSON).

>>> from geo.records import Document, Mention, Place, Resolution, Sentence
>>> text = "From Tovuz to Xanadu."
>>> tovuz = Place("584649", "Tovuz", "city", 40.9925, 45.6284, "AZ", "Tovuz", 14000)
>>> a, b = Mention(5, 10, "Tovuz", 0), Mention(14, 20, "Xanadu", 0)
>>> doc = Document("d", text, (Sentence(0, 0, 21),), (a, b), (Resolution(a, tovuz, 0.8), Resolution(b, None)))
>>> [(t["text"], t["place_id"]) for t in extract_record(doc)["toponyms"]]
[('Tovuz', '584649'), ('Xanadu', None)]
>>> import io; out = io.StringIO(); write_csv([doc], out)
2
>>> out.getvalue().splitlines()[2]
'd,14,20,Xanadu,toponym,,,,,,,,,From Tovuz to Xanadu.'
"""

from __future__ import annotations

import csv
from typing import IO, Any, Iterable

from geo.records import Document, Resolution

__all__ = ["CSV_FIELDS", "TOPONYM_FIELDS", "mention_rows", "write_csv", "extract_record", "to_json_document"]

#: The columns of :func:`write_csv`, in order.
CSV_FIELDS = (
    "document_id", "start", "end", "text", "mention_kind",
    "place_id", "name", "kind", "lat", "lon", "country_code", "admin1", "score",
    "sentence",
)  # fmt: skip

#: The keys of each toponym in :func:`extract_record`: the stable contract evaluation reads.
TOPONYM_FIELDS = (
    "start", "end", "text", "mention_kind",
    "place_id", "name", "kind", "lat", "lon", "country_code", "score",
)  # fmt: skip

# A spreadsheet treats a cell that starts with one of these as a formula (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def mention_rows(document: Document) -> list[dict[str, Any]]:
    """One dict per mention in text order, with the keys of :data:`CSV_FIELDS`.

    Mentions without a resolution, or whose resolution chose no place, have ``None`` in
    ``place_id`` .. ``score``. ``sentence`` is the sentence's text.
    """
    rows = []
    for r in _resolutions(document):
        m, p = r.mention, r.place
        row = {"document_id": document.id, "start": m.start, "end": m.end, "text": m.text, "mention_kind": m.kind}
        row.update(_place_fields(r))
        row["admin1"] = p.admin1 if p is not None else None
        row["sentence"] = _sentence(document, m.sentence_index)
        rows.append({key: row[key] for key in CSV_FIELDS})
    return rows


def write_csv(documents: Iterable[Document], stream: IO[str]) -> int:
    """Write the :func:`mention_rows` of every document to ``stream`` as CSV; return the row count.

    The header comes once. Fields with commas, quotes or newlines are quoted (``QUOTE_MINIMAL``),
    so open a file with ``newline=""`` as the csv module asks. Against spreadsheet formula
    injection, a text cell that starts with ``= + - @`` (or a tab or carriage return) is written
    with a leading apostrophe: ``=HYPERLINK(...)`` becomes ``'=HYPERLINK(...)``. Numbers are
    never changed, so a longitude of -170 stays ``-170.0``.
    """
    writer = csv.DictWriter(stream, fieldnames=CSV_FIELDS, quoting=csv.QUOTE_MINIMAL)
    writer.writeheader()
    count = 0
    for document in documents:
        for row in mention_rows(document):
            writer.writerow({key: _cell(value) for key, value in row.items()})
            count += 1
    return count


def extract_record(document: Document) -> dict[str, Any]:
    """The one-line JSON record evaluation scripts read: ``{"id", "toponyms": [...]}``.

    One toponym per mention in text order, with the keys of :data:`TOPONYM_FIELDS`;
    the place fields are ``None`` for a mention recognised but not resolved.
    """
    return {"id": document.id, "toponyms": [_toponym(r) for r in _resolutions(document)]}


def to_json_document(document: Document) -> dict[str, Any]:
    """The richer one-document JSON: ``id``, ``toponyms`` (as in :func:`extract_record`, plus
    ``sentence`` index and ``admin1``), ``sentences`` (their text) and ``places`` (one summary per
    resolved place, most mentioned first).
    """
    toponyms = []
    for r in _resolutions(document):
        toponym = _toponym(r)
        toponym["admin1"] = r.place.admin1 if r.place is not None else None
        toponym["sentence"] = r.mention.sentence_index
        toponyms.append(toponym)
    places = [
        {
            "place_id": mp.place.id,
            "name": mp.place.name,
            "kind": mp.place.kind,
            "lat": mp.place.lat,
            "lon": mp.place.lon,
            "country_code": mp.place.country_code,
            "admin1": mp.place.admin1,
            "population": mp.place.population,
            "score": max(r.score for r in mp.resolutions),
            "mention_count": mp.mention_count,
            "sentences": list(mp.sentence_indices),
            "has_outline": mp.place.id in document.outlines,
        }
        for mp in document.places
    ]
    sentences = [document.text[s.start : s.end] for s in document.sentences]
    return {"id": document.id, "toponyms": toponyms, "sentences": sentences, "places": places}


def _resolutions(document: Document) -> list[Resolution]:
    """Every mention's resolution in text order; a mention the resolver never saw gets an empty one."""
    resolved = {r.mention for r in document.resolutions}
    extra = [Resolution(m, None) for m in document.mentions if m not in resolved]
    return sorted([*document.resolutions, *extra], key=lambda r: (r.mention.start, r.mention.end))


def _place_fields(r: Resolution) -> dict[str, Any]:
    p = r.place
    if p is None:
        return dict.fromkeys(("place_id", "name", "kind", "lat", "lon", "country_code", "score"))
    return {
        "place_id": p.id,
        "name": p.name,
        "kind": p.kind,
        "lat": p.lat,
        "lon": p.lon,
        "country_code": p.country_code,
        "score": r.score,
    }


def _toponym(r: Resolution) -> dict[str, Any]:
    m = r.mention
    fields = {"start": m.start, "end": m.end, "text": m.text, "mention_kind": m.kind, **_place_fields(r)}
    return {key: fields[key] for key in TOPONYM_FIELDS}


def _sentence(document: Document, index: int) -> str:
    return document.sentence_text(index) if 0 <= index < len(document.sentences) else ""


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value
