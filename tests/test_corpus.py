"""Many documents on one map: the aggregation (geo.corpus), its HTML, and its GeoJSON."""

from __future__ import annotations

import html
import re
from types import SimpleNamespace

import pytest

import geo
from geo.corpus import caption, collect_places, map_documents, weighted_places
from geo.geojson import to_geojson
from geo.html_map import to_html
from geo.html_text import DOCUMENTS_PER_POPUP, QUOTES_PER_DOCUMENT, escape_html
from geo.records import CorpusMap, Document, SourceDocument, SourceError
from tests.hostile import (
    AZERBAIJAN,
    AZERBAIJAN_OUTLINE,
    BAKU,
    HOSTILE_TITLE,
    LIMA,
    PARIS,
    TINY_BASEMAP,
    TOKYO,
    make_document,
)


def week() -> list[Document]:
    """Four documents: Baku in three, Paris in two, Tokyo in one, one names nothing."""
    return [
        make_document([["Floods hit ", ("Baku", BAKU), "."], ["Later ", ("Baku", BAKU), " was dry."]], doc_id="d1"),
        make_document([["Talks in ", ("Paris", PARIS), " and ", ("Baku", BAKU), "."]], doc_id="d2"),
        make_document([["Nothing happened."]], doc_id="d3"),
        make_document([["From ", ("Tokyo", TOKYO), " to ", ("Paris", PARIS), " to ", ("Baku", BAKU), "."]], doc_id="d4"),
    ]


def popups(text: str) -> list[str]:
    return re.findall(r"\$\(`(.*?)`\)\[0\]", text, flags=re.DOTALL)


def popup_for(text: str, name: str) -> str:
    return next(p for p in popups(text) if f">{name}</h3>" in p)


# -- aggregation -------------------------------------------------------------------------


def test_places_are_counted_by_the_documents_naming_them():
    corpus = collect_places(week(), corpus_id="week")
    rows = [(cp.place.name, cp.document_count, cp.mention_count) for cp in corpus.places]
    assert rows == [("Baku", 3, 4), ("Paris", 2, 2), ("Tokyo", 1, 1)]
    assert corpus.document_count == 4  # the one naming nothing counts too
    assert corpus.mention_count == 7
    assert corpus.id == "week"
    baku = corpus.places[0]
    assert [c.document_id for c in baku.citations] == ["d1", "d2", "d4"]  # input order
    assert [c.mention_count for c in baku.citations] == [2, 1, 1]


def test_citations_quote_each_sentence_once_with_every_mention_marked():
    doc = make_document([["Floods hit ", ("Baku", BAKU), " and ", ("Baku", BAKU), " again."], ["Calm in ", ("Baku", BAKU), "."]])
    (cp,) = collect_places([doc]).places
    (citation,) = cp.citations
    assert [q.text for q in citation.quotes] == ["Floods hit Baku and Baku again.", "Calm in Baku."]
    for quote in citation.quotes:
        assert quote.text == doc.text[quote.start : quote.end]
        assert all(doc.text[a:b] == "Baku" for a, b in quote.marks)
    assert [len(q.marks) for q in citation.quotes] == [2, 1]


def test_titles_label_citations_and_ids_stay():
    corpus = collect_places(week(), titles={"d2": "Talks day"})
    baku = corpus.places[0]
    assert [(c.document_id, c.title, c.label) for c in baku.citations] == [
        ("d1", None, "d1"), ("d2", "Talks day", "Talks day"), ("d4", None, "d4")]


def test_equal_counts_keep_the_first_named_place_first():
    docs = [make_document([["In ", ("Lima", LIMA), " and ", ("Tokyo", TOKYO), "."]], doc_id=str(i)) for i in range(2)]
    assert [cp.place.name for cp in collect_places(docs).places] == ["Lima", "Tokyo"]


def test_outlines_come_from_the_documents():
    doc = make_document([["Elections in ", ("Azerbaijan", AZERBAIJAN), "."]], outlines={AZERBAIJAN.id: AZERBAIJAN_OUTLINE})
    assert collect_places([doc]).outlines == {AZERBAIJAN.id: AZERBAIJAN_OUTLINE}


def test_collect_places_refuses_what_is_not_a_document():
    with pytest.raises(TypeError, match="got str"):
        collect_places(["Floods hit Baku."])


def test_weights_are_document_counts_and_the_caption_says_so():
    corpus = collect_places(week())
    assert [(p.name, w) for p, w in weighted_places(corpus)] == [("Baku", 3.0), ("Paris", 2.0), ("Tokyo", 1.0)]
    assert caption(corpus) == "3 places named in 4 documents"
    assert caption(collect_places([make_document([["x"]])])) == "no places named in 1 document"


# -- mapping texts -----------------------------------------------------------------------


def test_map_documents_maps_texts_with_titles(gazetteer):
    source = SourceDocument("s1", "Shelling near Tovuz, Azerbaijan.", "news/s1.txt", "Border news")
    corpus = map_documents(
        [("t1", "Floods hit Baku, Azerbaijan."), ("t2", "Rain in Baku.", "Rain report"), source,
         SimpleNamespace(id="o1", text="Talks in Paris and Baku.")],
        gazetteer=gazetteer,
        corpus_id="mixed",
    )
    by_name = {cp.place.name: cp for cp in corpus.places}
    assert (corpus.id, corpus.document_count, corpus.errors) == ("mixed", 4, ())
    assert [c.label for c in by_name["Azerbaijan"].citations] == ["t1", "Border news"]
    assert by_name["Azerbaijan"].place.country_code == "AZ"
    assert [c.label for c in by_name["Baku"].citations] == ["t1", "Rain report", "o1"]
    assert by_name["Tovuz"].citations[0].quotes[0].text == "Shelling near Tovuz, Azerbaijan."
    assert "Paris" in by_name
    # Areas get their outline once, from the gazetteer; cities do not.
    assert by_name["Azerbaijan"].place.id in corpus.outlines
    assert by_name["Baku"].place.id not in corpus.outlines
    assert corpus.outlines[by_name["Azerbaijan"].place.id]["type"] in ("Polygon", "MultiPolygon")


def test_unreadable_documents_are_kept_as_errors_and_the_rest_mapped(gazetteer):
    bad = SourceError(None, "week.jsonl:2", "not JSON (Expecting value)")
    corpus = map_documents([("a", "Rain in Baku."), bad, ("c", 42), ("d", "Snow in Baku.")], gazetteer=gazetteer)
    assert corpus.document_count == 2
    assert [c.document_id for c in corpus.places[0].citations] == ["a", "d"]
    assert corpus.errors[0] == bad
    assert (corpus.errors[1].id, corpus.errors[1].reason) == ("c", "the text is not a string, got int")


def test_worker_processes_give_the_same_corpus(gazetteer):
    texts = [(f"n{i}", f"Rain in Baku and Tovuz, day {i}.", f"Day {i}") for i in range(12)]
    assert map_documents(texts, gazetteer=gazetteer, jobs=2) == map_documents(texts, gazetteer=gazetteer, jobs=1)


def test_map_documents_is_exported_and_the_home_area_reaches_the_pipeline(gazetteer):
    assert geo.map_documents is map_documents
    texts = [("a", "The fair in Paris opened."), ("b", "Paris schools closed.")]
    plain = geo.map_documents(texts, gazetteer=gazetteer)
    near = geo.map_documents(texts, gazetteer=gazetteer, home=geo.find_home("Tennessee", gazetteer=gazetteer))
    assert [(cp.place.country_code, cp.document_count) for cp in plain.places] == [("FR", 2)]
    assert [(cp.place.admin1, cp.document_count) for cp in near.places] == [("Tennessee", 2)]


def test_map_documents_refuses_an_unknown_item_naming_it(gazetteer):
    with pytest.raises(TypeError, match="got 42"):
        map_documents([42], gazetteer=gazetteer)


# -- HTML --------------------------------------------------------------------------------


def corpus_page(corpus: CorpusMap, **options) -> str:
    options.setdefault("basemap", TINY_BASEMAP)
    return to_html(corpus, **options)


def test_corpus_popup_lists_each_document_with_its_sentences_marked():
    page = corpus_page(collect_places(week(), titles={"d2": "Talks <day>"}, corpus_id="week"))
    baku = popup_for(page, "Baku")
    labels = re.findall(r'<bdi class="geo-doc-label">(.*?)</bdi>', baku)
    assert labels == ["d1", escape_html("Talks <day>"), "d4"]
    assert '<span class="geo-meta geo-doc-id">(d2)</span>' in baku  # a titled document keeps its id
    assert "Floods hit <mark>Baku</mark>." in baku and "Later <mark>Baku</mark> was dry." in baku
    assert "From Tokyo to Paris to <mark>Baku</mark>." in baku
    assert "<th>Documents</th><td dir=\"auto\">3</td>" in baku and "<th>Mentions</th><td dir=\"auto\">4</td>" in baku
    assert "Named in 3 documents" in baku
    assert "geo-more" not in baku
    tokyo = popup_for(page, "Tokyo")
    assert re.findall(r'<bdi class="geo-doc-label">(.*?)</bdi>', tokyo) == ["d4"]


def test_corpus_popup_is_capped_with_more_lines():
    docs = [make_document([[f"Day {i}: rain in ", ("Lima", LIMA), "."]] * (QUOTES_PER_DOCUMENT + 3), doc_id=f"n{i:02d}")
            for i in range(DOCUMENTS_PER_POPUP + 7)]
    box = popup_for(corpus_page(collect_places(docs)), "Lima")
    labels = re.findall(r'<bdi class="geo-doc-label">(.*?)</bdi>', box)
    assert labels == [f"n{i:02d}" for i in range(DOCUMENTS_PER_POPUP)]
    assert '<li class="geo-more">+7 more documents</li>' in box
    assert box.count('<li class="geo-more">+3 more sentences</li>') == DOCUMENTS_PER_POPUP
    assert box.count('class="geo-sentence"') == DOCUMENTS_PER_POPUP * QUOTES_PER_DOCUMENT


def test_corpus_markers_are_sized_and_the_legend_counted_by_documents():
    page = corpus_page(collect_places(week(), corpus_id="week"))
    radii = [float(r) for r in re.findall(r'"radius": ([0-9.]+)', page)]
    assert len(radii) == 3 and radii[0] > radii[1] > radii[2]  # Baku (3 documents), Paris (2), Tokyo (1)
    legend = page[page.index('class="geo-legend"'):]
    counts = re.findall(r'<span class="geo-count" title="documents">(\d+)</span>', legend)
    assert counts == ["3", "2", "1"]
    assert "3 places named in 4 documents" in page
    assert "<title>week</title>" in page
    tooltips = re.findall(r"bindTooltip\(\s*`<div>\s*(.*?)\s*</div>`", page, re.DOTALL)
    assert tooltips == ["<bdi>Baku</bdi> · 3 documents", "<bdi>Paris</bdi> · 2 documents", "<bdi>Tokyo</bdi> · 1 document"]


def test_corpus_page_is_byte_stable_and_escapes_hostile_titles():
    corpus = collect_places(week(), titles={"d1": HOSTILE_TITLE, "d4": "${window.pwned=1}`"})
    first, second = corpus_page(corpus), corpus_page(corpus)
    assert first == second
    baku = popup_for(first, "Baku")
    assert not set(baku) & set("`$\\{}\n")
    assert HOSTILE_TITLE not in first
    assert html.unescape(escape_html(HOSTILE_TITLE)) == HOSTILE_TITLE
    assert escape_html(HOSTILE_TITLE) in baku


def test_an_empty_corpus_is_a_world_page_saying_no_places_found():
    page = corpus_page(collect_places([], corpus_id="none"))
    assert "No places found" in page and "L.circleMarker(" not in page


def test_to_html_refuses_other_things_naming_them():
    with pytest.raises(TypeError, match="got str"):
        to_html("Floods hit Baku.")


# -- GeoJSON -----------------------------------------------------------------------------


def test_corpus_geojson_has_per_document_counts():
    doc = make_document([["Elections in ", ("Azerbaijan", AZERBAIJAN), " and ", ("Baku", BAKU), "."]], doc_id="d5",
                        outlines={AZERBAIJAN.id: AZERBAIJAN_OUTLINE})
    collection = to_geojson(collect_places([*week(), doc], titles={"d2": "Talks"}, corpus_id="week"))
    assert (collection["corpus_id"], collection["document_count"]) == ("week", 5)
    features = {f["properties"]["name"]: f for f in collection["features"]}
    baku = features["Baku"]["properties"]
    assert (baku["document_count"], baku["mention_count"]) == (4, 5)
    assert baku["documents"] == [
        {"id": "d1", "title": None, "mentions": 2},
        {"id": "d2", "title": "Talks", "mentions": 1},
        {"id": "d4", "title": None, "mentions": 1},
        {"id": "d5", "title": None, "mentions": 1},
    ]
    assert features["Baku"]["geometry"] == {"type": "Point", "coordinates": [49.8671, 40.4093]}
    assert features["Azerbaijan"]["geometry"]["type"] == "Polygon"
    assert features["Azerbaijan"]["properties"]["point"] == [47.5, 40.5]
    assert [f["properties"]["name"] for f in collection["features"]] == ["Baku", "Paris", "Tokyo", "Azerbaijan"]


def test_corpus_geo_interface_matches():
    corpus = collect_places(week())
    features = corpus.__geo_interface__["features"]
    assert [(f["properties"]["name"], f["properties"]["document_count"]) for f in features] == [
        ("Baku", 3), ("Paris", 2), ("Tokyo", 1)]
    assert features[0]["geometry"]["coordinates"] == (BAKU.lon, BAKU.lat)


def test_jupyter_shows_a_corpus_map_in_a_sandboxed_iframe():
    view = collect_places(week(), corpus_id="week")._repr_html_()
    assert view.startswith("<iframe srcdoc=") and 'sandbox="allow-scripts allow-popups"' in view and 'title="week"' in view
    srcdoc = html.unescape(re.search(r'srcdoc="([^"]*)"', view).group(1))
    assert "3 places named in 4 documents" in srcdoc and "L.circleMarker(" in srcdoc
