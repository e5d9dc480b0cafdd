"""Many documents on one map: every place they name, with the documents that name it.

:func:`collect_places` is the aggregation, a pure function of finished Documents;
:func:`map_documents` maps texts first (with :func:`geo.batch.map_each`, in this process
or in workers) and then collects. Neither keeps a Document once its places are counted, so an archive costs
the memory of its places and the sentences that name them, not of its texts.

>>> from geo.records import Document, Mention, Place, Resolution, Sentence
>>> baku = Place("587084", "Baku", "city", 40.4093, 49.8671, "AZ")
>>> def doc(doc_id, text):
...     start = text.index("Baku")
...     m = Mention(start, start + 4, "Baku", 0)
...     return Document(doc_id, text, (Sentence(0, 0, len(text)),), (m,), (Resolution(m, baku, 0.9),))
>>> corpus = collect_places([doc("a", "Rain in Baku."), doc("b", "Baku voted.")], titles={"b": "Vote day"})
>>> [(cp.place.name, cp.document_count, [c.label for c in cp.citations]) for cp in corpus.places]
[('Baku', 2, ['a', 'Vote day'])]
>>> corpus.places[0].citations[1].quotes[0].text
'Baku voted.'
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping
from typing import Any

from geo.records import Citation, CorpusMap, CorpusPlace, Document, Place, Quote, SourceDocument, SourceError

__all__ = ["collect_places", "map_documents", "caption", "weighted_places", "to_png", "to_svg"]


def _quotes(document: Document, spans: list[tuple[int, int, int]]) -> tuple[Quote, ...]:
    """The sentences holding these (sentence index, start, end) mention spans, in text order."""
    by_sentence: dict[int, list[tuple[int, int]]] = {}
    for index, start, end in spans:
        by_sentence.setdefault(index, []).append((start, end))
    quotes = []
    for index, marks in by_sentence.items():
        marks.sort()
        if 0 <= index < len(document.sentences):
            sentence = document.sentences[index]
            quotes.append(Quote(sentence.start, sentence.end, document.text[sentence.start : sentence.end], tuple(marks)))
        else:  # a mention outside every sentence (a hand-built document): quote what it says
            quotes.extend(Quote(a, b, document.text[a:b], ((a, b),)) for a, b in marks)
    quotes.sort(key=lambda q: (q.start, q.end))
    return tuple(quotes)


def collect_places(
    documents: Iterable[Document],
    *,
    titles: Mapping[str, str] | None = None,
    corpus_id: str = "corpus",
) -> CorpusMap:
    """Every place the documents name, with one citation per document that names it.

    Places come most widely named first (documents, then mentions, then the first
    named); citations in the order the documents came. ``titles`` maps a document id
    to the title a reader knows it by. Outlines are taken from the documents.
    """
    titles = titles or {}
    return _collect(((d, titles.get(d.id) if isinstance(d, Document) else None) for d in documents), corpus_id)


def _collect(documents: Iterable[tuple[Document, str | None]], corpus_id: str) -> CorpusMap:
    citations: dict[str, list[Citation]] = {}
    places: dict[str, Place] = {}
    outlines: dict[str, dict[str, Any]] = {}
    count = 0
    for document, title in documents:
        if not isinstance(document, Document):
            raise TypeError(f"collect_places takes Documents, got {type(document).__name__}")
        count += 1
        spans: dict[str, list[tuple[int, int, int]]] = {}
        for r in document.resolutions:
            if r.place is None:
                continue
            places.setdefault(r.place.id, r.place)
            m = r.mention
            spans.setdefault(r.place.id, []).append((m.sentence_index, m.start, m.end))
        for place_id, place_spans in spans.items():
            quotes = _quotes(document, place_spans)
            citations.setdefault(place_id, []).append(Citation(document.id, title, quotes, len(place_spans)))
            if place_id not in outlines and place_id in document.outlines:
                outlines[place_id] = document.outlines[place_id]
    first = {place_id: i for i, place_id in enumerate(citations)}
    ranked = sorted(
        (CorpusPlace(places[pid], tuple(cs)) for pid, cs in citations.items()),
        key=lambda cp: (-cp.document_count, -cp.mention_count, first[cp.place.id]),
    )
    return CorpusMap(corpus_id, tuple(ranked), count, outlines)


def _source(item: Any, number: int) -> SourceDocument | SourceError:
    """A SourceDocument (or the SourceError) for one item of :func:`map_documents`."""
    if isinstance(item, (SourceDocument, SourceError)):
        return item
    if isinstance(item, tuple) and len(item) in (2, 3):
        doc_id, text, title = (*item, None)[:3]
    elif hasattr(item, "text") and hasattr(item, "id"):
        doc_id, text, title = item.id, item.text, getattr(item, "title", None)
    else:
        raise TypeError(f"expected an (id, text) pair, an (id, text, title) triple or a SourceDocument, got {item!r:.80}")
    doc_id = str(doc_id if doc_id is not None else number)
    if not isinstance(text, str):
        return SourceError(doc_id, doc_id, f"the text is not a string, got {type(text).__name__}")
    return SourceDocument(doc_id, text, doc_id, str(title) if title not in (None, "") else None)


def map_documents(
    documents: Iterable[Any],
    *,
    corpus_id: str = "corpus",
    gazetteer: Any = None,
    home: Place | None = None,
    outlines: bool = True,
    jobs: int | str = 1,
) -> CorpusMap:
    """One map's worth of places from many texts: :func:`geo.pipeline.map_text` on each, then
    :func:`collect_places`.

    Each item is an ``(id, text)`` or ``(id, text, title)`` tuple, or a
    :class:`~geo.records.SourceDocument` (what :func:`geo.inputs.read_documents` reads; a
    :class:`~geo.records.SourceError` from it is kept in ``errors``, as is a text the
    pipeline fails on: other documents never lose their place on the map). ``home``: the
    readers' home area. ``outlines`` adds the outline of every area place once, from the
    gazetteer. ``jobs``: worker processes, or ``"auto"`` (see :func:`geo.batch.map_each`).

    >>> corpus = map_documents([("a", "Rain over Baku."), ("b", "Snow in Tovuz, Azerbaijan.", "Snow day")])
    >>> [(cp.place.name, [c.label for c in cp.citations]) for cp in corpus.places]
    [('Baku', ['a']), ('Tovuz', ['Snow day']), ('Azerbaijan', ['Snow day'])]
    """
    from geo.batch import map_each
    from geo.gazetteer import default_gazetteer
    from geo.pipeline import OUTLINE_KINDS, OUTLINE_TOLERANCE

    gz = gazetteer if gazetteer is not None else default_gazetteer()
    titles: deque[str | None] = deque()  # results come back in input order: one title per item sent
    errors: list[SourceError] = []

    def sources() -> Iterable[SourceDocument | SourceError]:
        for number, item in enumerate(documents, 1):
            source = _source(item, number)
            titles.append(source.title if isinstance(source, SourceDocument) else None)
            yield source

    def mapped() -> Iterable[tuple[Document, str | None]]:
        for result in map_each(sources(), render=_keep, jobs=jobs, gazetteer=gz, home=home):
            title = titles.popleft()
            if isinstance(result, SourceError):
                errors.append(result)
            else:
                yield result, title

    corpus = _collect(mapped(), corpus_id)
    shapes: dict[str, dict[str, Any]] = {}
    for cp in corpus.places if outlines else ():
        if cp.place.kind in OUTLINE_KINDS:
            outline = gz.outline(cp.place.id)
            if outline is not None:
                shapes[cp.place.id] = outline.simplify(OUTLINE_TOLERANCE).__geo_interface__
    return CorpusMap(corpus.id, corpus.places, corpus.document_count, shapes, tuple(errors))


def _keep(document: Document) -> Document:
    return document


def weighted_places(corpus: CorpusMap) -> list[tuple[Place, float]]:
    """Each place weighted by the number of documents that name it (what framing and marker size use)."""
    return [(cp.place, float(cp.document_count)) for cp in corpus.places]


def caption(corpus: CorpusMap) -> str:
    """The one-line summary a corpus map carries.

    >>> caption(CorpusMap("week", (), 3))
    'no places named in 3 documents'
    """
    def plural(n: int, word: str) -> str:
        return f"{n} {word}" if n == 1 else f"{n} {word}s"

    places = plural(len(corpus.places), "place") if corpus.places else "no places"
    return f"{places} named in {plural(corpus.document_count, 'document')}"


def _image(corpus: CorpusMap, fmt: str, target: Any, title: str | None, width: float, height: float, dpi: float,
           basemap: dict[str, Any] | None) -> bytes:
    from geo.static_map import render_places  # matplotlib: only when an image is asked for

    line = f"{caption(corpus)}; source: {corpus.id}" if corpus.id else caption(corpus)
    data = render_places(weighted_places(corpus), corpus.outlines, fmt=fmt, title=corpus.id if title is None else title,
                         caption=line, width=width, height=height, dpi=dpi, basemap=basemap)
    if target is not None:
        if hasattr(target, "write"):
            target.write(data)
        else:
            with open(target, "wb") as handle:
                handle.write(data)
    return data


def to_png(corpus: CorpusMap, path_or_stream: Any = None, *, title: str | None = None, width: float = 10.0,
           height: float = 6.0, dpi: float = 150, basemap: dict[str, Any] | None = None) -> bytes:
    """The corpus as a static PNG for a report (see :func:`geo.static_map.render_places`): framed
    like the HTML map, markers sized by the documents naming each place, a caption line
    ("12 places named in 20 documents; source: week"). Also written to ``path_or_stream``."""
    return _image(corpus, "png", path_or_stream, title, width, height, dpi, basemap)


def to_svg(corpus: CorpusMap, path_or_stream: Any = None, *, title: str | None = None, width: float = 10.0,
           height: float = 6.0, dpi: float = 150, basemap: dict[str, Any] | None = None) -> bytes:
    """The corpus as SVG; arguments as in :func:`to_png`."""
    return _image(corpus, "svg", path_or_stream, title, width, height, dpi, basemap)
