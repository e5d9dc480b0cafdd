"""geo.inputs: every kind of input, as people save it; a bad document is reported and reading goes on."""

import gzip
import io
import json
import sys

import pytest

from geo.errors import InputError
from geo.inputs import read_documents, read_text, sniff_encoding
from geo.records import SourceDocument, SourceError


def _ids(items):
    return [(type(i).__name__, i.id) for i in items]


def test_a_folder_is_read_recursively_in_path_order_with_bad_documents_reported(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Snow in Tovuz.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Rain over Baku.", encoding="utf-8")
    (tmp_path / "c.txt").write_bytes("Caf\xe9 in Paris".encode("latin-1"))  # undecodable as UTF-8
    (tmp_path / "d.txt").write_text("  \n", encoding="utf-8")  # empty
    (tmp_path / "e.jpg").write_bytes(b"\xff\xd8")  # not a text: not read
    (tmp_path / "_SUCCESS").write_text("{}")  # hidden and underscore files are not input
    (tmp_path / ".notes.txt").write_text("Secret in Oslo.")
    items = list(read_documents(str(tmp_path)))
    assert _ids(items) == [("SourceDocument", "a"), ("SourceDocument", "b/two"), ("SourceError", "c"), ("SourceError", "d")]
    assert items[1].text == "Snow in Tovuz." and items[1].location == str(tmp_path / "b" / "two.txt")
    assert "not valid utf-8 (byte 0xe9 at offset 3)" in items[2].reason
    assert items[3].reason == "empty text"


def test_utf16_and_utf32_with_a_bom_are_read_and_crlf_is_kept(tmp_path):
    text = "Rain over Baku.\r\nSnow in Tovuz, Azerbaijan.\r\n"
    for encoding in ("utf-16", "utf-16-be", "utf-32", "utf-8-sig"):
        path = tmp_path / f"{encoding}.txt"
        data = text.encode(encoding)
        if encoding == "utf-16-be":
            data = b"\xfe\xff" + data  # the BE codec writes no BOM of its own
        path.write_bytes(data)
        (doc,) = read_documents(str(path))
        assert doc.text == text, encoding
        assert read_text(str(path)) == (encoding, text)
    assert sniff_encoding(b"\xff\xfe\x00\x00") == "utf-32" and sniff_encoding(b"\xff\xfeR\x00") == "utf-16"


def test_an_explicit_encoding_reads_latin1(tmp_path):
    (tmp_path / "l.txt").write_bytes("Caf\xe9 in Paris".encode("latin-1"))
    (doc,) = read_documents(str(tmp_path / "l.txt"), encoding="latin-1")
    assert doc.text == "Café in Paris"
    with pytest.raises(InputError, match="unknown encoding: got 'klingon'"):
        list(read_documents(str(tmp_path / "l.txt"), encoding="klingon"))


def test_jsonl_bad_lines_are_reported_and_every_good_line_is_read(tmp_path):
    lines = [
        json.dumps({"id": "a", "text": "Rain over Baku.", "title": "Weather"}),
        '{"id": "broken", "text": ',  # not JSON
        json.dumps({"id": "b"}),  # no text
        json.dumps({"id": "c", "text": ""}),  # empty text
        json.dumps({"id": "d", "text": 42}),  # not a string
        "[1, 2]",  # not an object
        "",  # blank lines are skipped
        json.dumps({"text": "No id in Oslo."}),  # the line number is the id
    ]
    path = tmp_path / "c.jsonl"
    path.write_bytes("\n".join(lines).encode() + b"\n" + b'{"id": "e", "text": "Caf\xe9"}\n' + b'{"id": "z", "text": "Last."}')
    items = list(read_documents(str(path)))
    assert _ids(items) == [("SourceDocument", "a"), ("SourceError", None), ("SourceError", "b"), ("SourceError", "c"),
                           ("SourceError", "d"), ("SourceError", None), ("SourceDocument", "8"), ("SourceError", None),
                           ("SourceDocument", "z")]
    assert items[0].title == "Weather" and items[0].location == f"{path}:1"
    assert [i.location for i in items if isinstance(i, SourceError)] == [f"{path}:{n}" for n in (2, 3, 4, 5, 6, 9)]
    reasons = [i.reason for i in items if isinstance(i, SourceError)]
    assert reasons[0].startswith("not JSON") and reasons[1] == "no 'text' field" and reasons[2] == "empty text"
    assert "not a string, got int" in reasons[3] and "expected a JSON object, got list" in reasons[4]
    assert reasons[5] == "not valid utf-8 (byte 0xe9 at column 25)"


def test_jsonl_gz_and_other_field_names(tmp_path):
    path = tmp_path / "c.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for i in range(3):
            f.write(json.dumps({"doc": f"n{i}", "body": f"Story {i} from Baku.", "headline": f"H{i}"}) + "\n")
    items = list(read_documents(str(path), text_field="body", id_field="doc", title_field="headline"))
    assert [(d.id, d.text, d.title) for d in items] == [(f"n{i}", f"Story {i} from Baku.", f"H{i}") for i in range(3)]


def test_a_damaged_gzip_keeps_what_came_before_and_reports_the_rest(tmp_path):
    data = gzip.compress(b"".join(json.dumps({"id": str(i), "text": "Baku " * 200}).encode() + b"\n" for i in range(200)))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    items = list(read_documents(str(path)))
    assert isinstance(items[-1], SourceError) and "damaged" in items[-1].reason
    assert all(isinstance(i, SourceDocument) for i in items[:-1]) and len(items) > 1


def test_utf16_jsonl_is_read(tmp_path):
    path = tmp_path / "w.jsonl"
    path.write_bytes("\r\n".join(json.dumps({"id": str(i), "text": f"Rain {i} in Baku."}) for i in range(3)).encode("utf-16"))
    assert [d.text for d in read_documents(str(path))] == [f"Rain {i} in Baku." for i in range(3)]


def test_parquet_rows_with_nulls_and_a_missing_text_column(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    path = tmp_path / "c.parquet"
    pq.write_table(pa.table({"id": ["a", None, "c"], "text": ["Rain over Baku.", "Snow in Tovuz.", None]}), path)
    items = list(read_documents(str(path)))
    assert _ids(items) == [("SourceDocument", "a"), ("SourceDocument", "1"), ("SourceError", "c")]
    assert items[2].location == f"{path}[2]" and items[2].reason == "no 'text' field"
    with pytest.raises(InputError, match="no 'body' column"):
        list(read_documents(str(path), text_field="body"))
    # In a folder, a Parquet file without the column is one error; the folder goes on.
    (tmp_path / "z.txt").write_text("Fog over Oslo.")
    items = list(read_documents(str(tmp_path), text_field="body"))
    assert _ids(items) == [("SourceError", None), ("SourceDocument", "z")]


def test_the_size_limit(tmp_path):
    (tmp_path / "big.txt").write_text("Baku. " * 1000)
    (tmp_path / "huge.txt").write_text("x" * 50_000)
    items = list(read_documents(str(tmp_path), max_chars=5000))
    assert [i.reason for i in items] == ["6,000 characters, over the limit of 5,000",
                                         "50,000 bytes, over the limit of 5,000 characters"]
    assert [d.id for d in read_documents(str(tmp_path), max_chars=None)] == ["big", "huge"]
    with pytest.raises(InputError, match="got 0"):
        list(read_documents(str(tmp_path), max_chars=0))


@pytest.mark.parametrize("payload, expected", [
    (b'{"id": "a", "text": "Rain over Baku."}\n{"id": "b", "text": "Snow."}\n', [("a", "Rain over Baku."), ("b", "Snow.")]),
    (b"\xef\xbb\xbf{\"id\": \"a\", \"text\": \"Rain.\"}\n", [("a", "Rain.")]),
    (b"Plain text\r\nfrom Baku.", [("stdin", "Plain text\r\nfrom Baku.")]),
    ("Rain over Baku.".encode("utf-16"), [("stdin", "Rain over Baku.")]),
])
def test_stdin_jsonl_or_text(monkeypatch, payload, expected):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(payload)))
    assert [(d.id, d.text) for d in read_documents("-")] == expected


def test_a_missing_path_and_an_empty_folder_raise(tmp_path):
    with pytest.raises(FileNotFoundError, match="no-such"):
        list(read_documents(str(tmp_path / "no-such")))
    with pytest.raises(InputError, match="the folder has no files to read"):
        list(read_documents(str(tmp_path)))
