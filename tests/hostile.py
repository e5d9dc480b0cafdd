"""Hand-built Documents and hostile text for the map writer's tests (no pipeline, no gazetteer).

>>> doc = make_document([["Floods hit ", ("Baku", BAKU), "."], ["Calm in ", ("Paris", PARIS), "."]])
>>> doc.sentence_text(1), [mp.place.name for mp in doc.places]
('Calm in Paris.', ['Baku', 'Paris'])
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from geo.records import Candidate, Document, Mention, Place, Resolution, Sentence

__all__ = [
    "BAKU",
    "PARIS",
    "TOKYO",
    "LIMA",
    "AZERBAIJAN",
    "AZERBAIJAN_OUTLINE",
    "HOSTILE_TEXTS",
    "HOSTILE_NAMES",
    "HOSTILE_TITLE",
    "TINY_BASEMAP",
    "Chunk",
    "make_document",
    "grid_places",
]

BAKU = Place("587084", "Baku", "city", 40.4093, 49.8671, "AZ", "Baku", 2_181_800)
PARIS = Place("2988507", "Paris", "city", 48.8534, 2.3488, "FR", "Île-de-France", 2_138_551)
TOKYO = Place("1850147", "Tokyo", "city", 35.6895, 139.6917, "JP", "Tokyo", 8_336_599)
LIMA = Place("3936456", "Lima", "city", -12.0432, -77.0282, "PE", "Lima", 7_737_002)
AZERBAIJAN = Place("587116", "Azerbaijan", "country", 40.5, 47.5, "AZ", "", 9_649_341)

#: A rough outline of Azerbaijan (a box is enough to draw and fit).
AZERBAIJAN_OUTLINE = {
    "type": "Polygon",
    "coordinates": [[[44.8, 38.4], [50.4, 38.4], [50.4, 41.9], [44.8, 41.9], [44.8, 38.4]]],
}

#: Two crude "continents": enough land for the offline basemap to draw something.
TINY_BASEMAP: dict[str, Any] = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "properties": {"name": "Eurasia-ish", "iso2": "EU"},
            "geometry": {
                "type": "Polygon",
                "coordinates": [[[-10, 35], [40, 30], [145, 30], [140, 60], [60, 70], [-10, 60], [-10, 35]]],
            },
        },
        {
            "type": "Feature",
            "properties": {"name": "South America-ish", "iso2": "SA"},
            "geometry": {
                "type": "Polygon",
                "coordinates": [[[-80, 10], [-35, -5], [-55, -40], [-70, -55], [-80, -15], [-80, 10]]],
            },
        },
    ],
}

#: Text that would run as code, break out of a script, or render wrongly if not escaped.
HOSTILE_TEXTS: tuple[str, ...] = (
    "<script>window.pwned=1</script>",
    "<img src=x onerror=window.pwned=1>",
    "${window.pwned=1}",
    "`${window.pwned=1}` and a `backtick`",
    "a lone \\ backslash and a trailing one \\",
    "escapes \\u0041 \\x41 \\n \\t \\0 \\` \\${x}",
    "</script><script>window.pwned=1</script>",
    "</SCRIPT ><!-- <script> -->",
    "entities &amp;lt; &lt;b&gt; &#36; &#x60; &nbsp;",
    "quotes \" and apostrophes ' \u201ccurly\u201d \u2018single\u2019 onclick=\"window.pwned=1\"",
    "right-to-left \u202eevil\u202c \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 \u200f and zero\u200bwidth\u200c\u200d\ufeff",
    "jinja {{ 7*7 }} {% if true %}x{% endif %} {# c #} {{ self.__init__ }}",
    "line separators \u2028 and \u2029 and a\ttab",
)

#: Place names with the same tricks (the gazetteer is data too).
HOSTILE_NAMES: tuple[str, ...] = (
    "<img src=x onerror=window.pwned=1>",
    "${window.pwned=1}`\\",
    "</script><script>window.pwned=1</script>",
    "{{ 7*7 }}\u202eevil",
    "O'Brien \"Town\" &amp;",
)

HOSTILE_TITLE = "</title><script>window.pwned=1</script>${window.pwned=1}`\\ {{ 7*7 }} & \u202etitle"

#: A sentence chunk: plain text, or ``(mention text, place)`` for a mention resolved to the place.
Chunk = str | tuple[str, Place]


def make_document(
    sentences: Iterable[Sequence[Chunk]],
    *,
    doc_id: str = "doc",
    outlines: Mapping[str, dict[str, Any]] | None = None,
    runners_up: Mapping[str, Sequence[tuple[Place, float]]] | None = None,
    reasons: Mapping[str, str] | None = None,
    separator: str = " ",
) -> Document:
    """A Document whose sentences are built from chunks; each (text, place) chunk is a resolved mention.

    ``runners_up`` maps a place id to the other candidates its mentions had, ``reasons``
    a place id to a resolution reason.
    """
    runners_up = runners_up or {}
    reasons = reasons or {}
    text_parts: list[str] = []
    pos = 0
    sents: list[Sentence] = []
    mentions: list[Mention] = []
    resolutions: list[Resolution] = []
    for index, chunks in enumerate(sentences):
        if index:
            text_parts.append(separator)
            pos += len(separator)
        start = pos
        for chunk in chunks:
            if isinstance(chunk, str):
                text_parts.append(chunk)
                pos += len(chunk)
                continue
            words, place = chunk
            mention = Mention(pos, pos + len(words), words, index)
            text_parts.append(words)
            pos += len(words)
            candidates = (Candidate(place, 0.9),) + tuple(Candidate(p, s) for p, s in runners_up.get(place.id, ()))
            mentions.append(mention)
            resolutions.append(Resolution(mention, place, 0.9, candidates, reasons.get(place.id, "")))
        sents.append(Sentence(index, start, pos))
    return Document(
        doc_id, "".join(text_parts), tuple(sents), tuple(mentions), tuple(resolutions), dict(outlines or {})
    )


def grid_places(n: int) -> list[Place]:
    """``n`` distinct cities spread over the world (for marker counts and clustering).

    >>> len({(p.lat, p.lon) for p in grid_places(150)})
    150
    """
    return [
        Place(f"grid-{i}", f"Town {i}", "city", -50 + (i // 20) * 9.5, -170 + (i % 20) * 17.0, "XX")
        for i in range(n)
    ]
