"""Mention rows, CSV writing and the JSON records evaluation reads."""

import csv
import io
import json

from geo.records import Document, Mention, Place, Resolution, Sentence
from geo.tables import CSV_FIELDS, extract_record, mention_rows, to_json_document, write_csv

BAKU = Place("587084", "Baku", "city", 40.37767, 49.89201, "AZ", "Baku", 1116513)
ODD = Place("9", '=SUM(A1), "the" place', "city", -33.5, -70.25, "CL", "-Region", 10)


def _document():
    text = 'Baku,\nthe "capital". Later, Atlantis and =SUM(A1) and Baku. Azerbaijani people.'
    spans = [("Baku", 0, 0), ("Atlantis", 28, 1), ("=SUM(A1)", 41, 1), ("Baku", 54, 1), ("Azerbaijani", 60, 2)]
    mentions = []
    for word, start, sentence in spans:
        assert text[start : start + len(word)] == word
        kind = "demonym" if word == "Azerbaijani" else "toponym"
        mentions.append(Mention(start, start + len(word), word, sentence, kind))
    sentences = (Sentence(0, 0, 20), Sentence(1, 21, 59), Sentence(2, 60, len(text)))
    baku1, atlantis, odd, baku2, azeri = mentions
    # Resolutions out of text order on purpose; "Azerbaijani" was never resolved at all.
    resolutions = (
        Resolution(baku2, BAKU, 0.9),
        Resolution(baku1, BAKU, 0.75),
        Resolution(atlantis, None, 0.1),
        Resolution(odd, ODD, 0.5),
    )
    return Document("news/1", text, sentences, tuple(mentions), resolutions)


def test_one_row_per_mention_in_text_order_with_unresolved():
    rows = mention_rows(_document())
    assert [r["text"] for r in rows] == ["Baku", "Atlantis", "=SUM(A1)", "Baku", "Azerbaijani"]
    assert all(list(r) == list(CSV_FIELDS) for r in rows)
    first = rows[0]
    assert first == {
        "document_id": "news/1", "start": 0, "end": 4, "text": "Baku", "mention_kind": "toponym",
        "place_id": "587084", "name": "Baku", "kind": "city", "lat": 40.37767, "lon": 49.89201,
        "country_code": "AZ", "admin1": "Baku", "score": 0.75, "sentence": 'Baku,\nthe "capital".',
    }  # fmt: skip
    for unresolved in (rows[1], rows[4]):
        place_fields = ("place_id", "name", "kind", "lat", "lon", "country_code", "admin1", "score")
        assert [unresolved[k] for k in place_fields] == [None] * len(place_fields)
    assert rows[4]["mention_kind"] == "demonym"


def test_csv_round_trips_commas_quotes_and_newlines():
    out = io.StringIO()
    assert write_csv([_document(), _document()], out) == 10
    lines = out.getvalue()
    assert lines.count("document_id,start,end") == 1  # the header once
    rows = list(csv.DictReader(io.StringIO(lines)))
    assert len(rows) == 10
    assert rows[0]["sentence"] == 'Baku,\nthe "capital".'  # newline and quotes survive
    assert rows[1]["place_id"] == "" and rows[1]["score"] == ""  # None is an empty cell
    assert rows[2]["lat"] == "-33.5" and rows[2]["lon"] == "-70.25"  # numbers are never escaped


def test_csv_guards_against_formula_injection():
    out = io.StringIO()
    write_csv([_document()], out)
    row = list(csv.DictReader(io.StringIO(out.getvalue())))[2]
    assert row["text"] == "'=SUM(A1)"
    assert row["name"] == "'=SUM(A1), \"the\" place"
    assert row["admin1"] == "'-Region"
    for key, value in row.items():
        if key not in ("lat", "lon"):
            assert not value.startswith(("=", "+", "-", "@")), key


def test_csv_with_no_documents_writes_just_the_header():
    out = io.StringIO()
    assert write_csv([], out) == 0
    assert out.getvalue() == ",".join(CSV_FIELDS) + "\r\n"


def test_extract_record_contract():
    record = extract_record(_document())
    assert list(record) == ["id", "toponyms"]
    assert record["id"] == "news/1"
    keys = ["start", "end", "text", "mention_kind", "place_id", "name", "kind", "lat", "lon", "country_code", "score"]
    assert all(list(t) == keys for t in record["toponyms"])
    assert [t["start"] for t in record["toponyms"]] == [0, 28, 41, 54, 60]
    atlantis = record["toponyms"][1]
    assert atlantis["text"] == "Atlantis" and atlantis["place_id"] is None and atlantis["lat"] is None
    assert record["toponyms"][3]["score"] == 0.9
    line = json.dumps(record)  # one JSONL line: no newline inside
    assert "\n" not in line and json.loads(line) == record


def test_json_document_has_sentence_indices_and_place_summary():
    doc = to_json_document(_document())
    assert [t["sentence"] for t in doc["toponyms"]] == [0, 1, 1, 1, 2]
    assert doc["sentences"][2] == "Azerbaijani people."
    baku = doc["places"][0]
    assert (baku["place_id"], baku["mention_count"], baku["sentences"], baku["score"]) == ("587084", 2, [0, 1], 0.9)
    assert [p["name"] for p in doc["places"]] == ["Baku", ODD.name]
    json.dumps(doc)  # all plain JSON types
