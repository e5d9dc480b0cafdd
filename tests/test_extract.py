"""geo extract as people use it: bad documents skipped and reported, input as people save it."""

import json
from pathlib import Path

import pytest

from geo import batch
from geo.cli import EXIT_SOME_FAILED, run
from geo.pipeline import map_text

SEED = Path(__file__).parents[1] / "seeds" / "fuzuli-2021-01-26.txt"


def _records(out):
    return [json.loads(line) for line in out.strip().split("\n") if line]


def test_a_folder_with_a_latin1_file_maps_the_good_ones_and_exits_3(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Flooding hit Baku, Azerbaijan.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes("Caf\xe9 in Paris, France.".encode("latin-1"))
    (tmp_path / "c.txt").write_text("Shelling near Tovuz.", encoding="utf-8")
    assert run(["extract", str(tmp_path)]) == EXIT_SOME_FAILED == 3
    captured = capsys.readouterr()
    assert [r["id"] for r in _records(captured.out)] == ["a", "c"]
    err = captured.err.strip().split("\n")
    assert len(err) == 2 and "Traceback" not in captured.err
    assert err[0].startswith(f"geo: skipped {tmp_path / 'b.txt'} (id b): not valid utf-8 (byte 0xe9")
    assert err[1] == "geo: 2 of 3 documents mapped, 1 failed"
    # --encoding reads it, and then every document maps.
    assert run(["extract", str(tmp_path), "--encoding", "latin-1"]) == 0
    assert [r["id"] for r in _records(capsys.readouterr().out)] == ["a", "b", "c"]


def test_a_broken_last_line_costs_no_other_document(tmp_path, capsys):
    lines = [json.dumps({"id": str(i), "text": "Rain over Baku." if i % 2 else "Snow in Tovuz."}) for i in range(300)]
    source = tmp_path / "c.jsonl"
    source.write_text("\n".join(lines) + '\n{"id": "301", "text": "unterminated\n', encoding="utf-8")
    assert run(["extract", str(source), "--jobs", "1"]) == 3
    captured = capsys.readouterr()
    records = _records(captured.out)
    assert [r["id"] for r in records] == [str(i) for i in range(300)]
    assert records[1]["toponyms"][0]["name"] == "Baku"
    assert f"geo: skipped {source}:301: not JSON" in captured.err
    assert "300 of 301 documents mapped, 1 failed" in captured.err


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_text_the_pipeline_raises_on_is_reported_and_the_rest_mapped(tmp_path, capsys, monkeypatch, jobs):
    # The test hook: a pipeline that raises on one text (forked workers inherit the patch).
    def fragile(text, **options):
        if "BOOM" in text:
            raise RuntimeError("simulated bug\nwith a second line")
        return map_text(text, **options)

    monkeypatch.setattr(batch, "map_text", fragile)
    source = tmp_path / "c.jsonl"
    source.write_text("\n".join(json.dumps({"id": i, "text": t}) for i, t in
                                enumerate(["Rain over Baku.", "BOOM in Tovuz.", "Snow in Armenia."] * 3)), encoding="utf-8")
    assert run(["extract", str(source), "--jobs", jobs]) == 3
    captured = capsys.readouterr()
    assert [r["id"] for r in _records(captured.out)] == ["0", "2", "3", "5", "6", "8"]
    errors = [line for line in captured.err.split("\n") if line.startswith("geo: skipped")]
    assert errors == [f"geo: skipped {source}:{n} (id {n - 1}): geo raised RuntimeError: simulated bug with a second "
                      "line while mapping this text" for n in (2, 5, 8)]


def test_nothing_mapped_exits_2(tmp_path, capsys):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    assert run(["extract", str(tmp_path / "empty.txt")]) == 2
    err = capsys.readouterr().err
    assert "empty text" in err and "0 of 1 documents mapped" in err


def test_crlf_offsets_index_the_text_as_given(tmp_path, capsys):
    text = SEED.read_text(encoding="utf-8").replace("\n", "\r\n")
    source = tmp_path / "windows.txt"
    source.write_bytes(text.encode("utf-8"))
    assert run(["extract", str(source)]) == 0
    (record,) = _records(capsys.readouterr().out)
    given = source.read_bytes().decode("utf-8")
    assert "\r\n" in given and len(record["toponyms"]) == 31
    for t in record["toponyms"]:
        assert given[t["start"] : t["end"]] == t["text"]


def test_a_crlf_text_maps_like_its_lf_form(gazetteer):
    lf = SEED.read_text(encoding="utf-8")
    a = map_text(lf, gazetteer=gazetteer, outlines=False)
    b = map_text(lf.replace("\n", "\r\n"), gazetteer=gazetteer, outlines=False)
    assert len(b.sentences) == len(a.sentences)  # a CRLF blank line still ends a paragraph
    assert [(r.mention.text, r.mention.sentence_index, r.place and r.place.id) for r in b.resolutions] == \
           [(r.mention.text, r.mention.sentence_index, r.place and r.place.id) for r in a.resolutions]


def test_a_utf16_file_with_a_bom_gives_the_utf8_records(tmp_path, capsys):
    text = "Flooding hit Baku, Azerbaijan.\r\nShelling near Tovuz."
    (tmp_path / "u8.txt").write_text(text, encoding="utf-8", newline="")
    (tmp_path / "u16.txt").write_text(text, encoding="utf-16", newline="")
    assert run(["extract", str(tmp_path)]) == 0
    u16, u8 = _records(capsys.readouterr().out)
    assert u16["toponyms"] == u8["toponyms"] and [t["name"] for t in u8["toponyms"]] == ["Baku", "Azerbaijan", "Tovuz"]


def test_field_options_and_the_size_limit(tmp_path, capsys):
    source = tmp_path / "c.jsonl"
    source.write_text(json.dumps({"key": "k1", "body": "Rain over Baku."}) + "\n"
                      + json.dumps({"key": "k2", "body": "Baku. " * 100}) + "\n", encoding="utf-8")
    assert run(["extract", str(source), "--text-field", "body", "--id-field", "key", "--max-chars", "100"]) == 3
    captured = capsys.readouterr()
    assert [r["id"] for r in _records(captured.out)] == ["k1"]
    assert "(id k2): 600 characters, over the limit of 100" in captured.err
    assert run(["extract", str(source), "--text-field", "body", "--id-field", "key", "--max-chars", "0"]) == 0
    assert [r["id"] for r in _records(capsys.readouterr().out)] == ["k1", "k2"]
    assert run(["extract", str(source)]) == 2  # no "text" field in any line
    assert "no 'text' field" in capsys.readouterr().err
    assert run(["extract", str(source), "--max-chars", "-1"]) == 2
    assert "got -1" in capsys.readouterr().err


def test_an_output_that_cannot_be_written_is_one_line(tmp_path, capsys):
    source = tmp_path / "a.txt"
    source.write_text("Rain over Baku.", encoding="utf-8")
    assert run(["extract", str(source), "-o", str(source / "out.jsonl")]) == 1  # a file where a folder should be
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err and str(source) in err
