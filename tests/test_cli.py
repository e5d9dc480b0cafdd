"""The command line, run in-process through geo.cli.run (the real gazetteer behind it)."""

import json
from pathlib import Path

import pytest

from geo.cli import build_parser, run

SEED = Path(__file__).parents[1] / "seeds" / "fuzuli-2021-01-26.txt"


def test_every_command_has_help_text(capsys):
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # argparse keeps them here
    assert set(commands) >= {"map", "extract", "batch", "lookup", "info", "evaluate"}
    for name, sub in commands.items():
        assert sub.description, name
        assert run([name, "--help"]) == 0
        assert "usage: geo " + name in capsys.readouterr().out


def test_no_command_prints_help_and_exits_2(capsys):
    assert run([]) == 2
    assert "COMMAND" in capsys.readouterr().err


def test_extract_jsonl_contract_on_a_text_file(tmp_path, capsys):
    source = tmp_path / "note.txt"
    source.write_text("Flooding hit Baku, Azerbaijan on Monday.", encoding="utf-8")
    assert run(["extract", str(source)]) == 0
    (line,) = capsys.readouterr().out.strip().split("\n")
    record = json.loads(line)
    assert record["id"] == "note"
    text = source.read_text(encoding="utf-8")
    names = [(t["text"], t["country_code"]) for t in record["toponyms"]]
    assert names == [("Baku", "AZ"), ("Azerbaijan", "AZ")]
    for t in record["toponyms"]:
        assert text[t["start"] : t["end"]] == t["text"]
        assert {"place_id", "name", "kind", "lat", "lon", "score"} <= set(t)


def test_extract_reads_jsonl_from_stdin(monkeypatch, capsys):
    import io
    import sys

    lines = "\n".join(json.dumps({"id": i, "text": t}) for i, t in [("a", "Rain in Paris, Texas."), ("b", "Nothing.")])
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines.encode())))
    assert run(["extract", "--format", "jsonl", "-"]) == 0
    records = [json.loads(x) for x in capsys.readouterr().out.strip().split("\n")]
    assert [r["id"] for r in records] == ["a", "b"]
    paris = records[0]["toponyms"][0]
    assert (paris["text"], paris["country_code"]) == ("Paris", "US")
    assert records[1]["toponyms"] == []


def test_extract_csv_and_geojson(tmp_path, capsys):
    source = tmp_path / "n.txt"
    source.write_text("Shelling near Tovuz, Azerbaijan.", encoding="utf-8")
    assert run(["extract", str(source), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("document_id,")
    assert "Tovuz" in out
    assert run(["extract", str(source), "--format", "geojson", "-o", str(tmp_path / "out.geojson")]) == 0
    collection = json.loads((tmp_path / "out.geojson").read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    assert {f["properties"]["name"] for f in collection["features"]} >= {"Azerbaijan"}


def test_missing_file_is_one_line_and_exit_2(capsys):
    assert run(["extract", "does-not-exist.txt"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "does-not-exist.txt" in err and "Traceback" not in err


def test_undecodable_bytes_get_a_clear_message_and_an_encoding_option(tmp_path, capsys):
    source = tmp_path / "latin.txt"
    source.write_bytes("Caf\xe9 in Paris".encode("latin-1"))
    assert run(["extract", str(source)]) == 2
    err = capsys.readouterr().err
    assert "not valid utf-8 (byte 0xe9" in err and "--encoding" in err
    assert run(["extract", str(source), "--encoding", "latin-1"]) == 0
    assert "Paris" in capsys.readouterr().out


def test_bad_format_lists_the_valid_names(tmp_path, capsys):
    source = tmp_path / "n.txt"
    source.write_text("Baku", encoding="utf-8")
    assert run(["extract", str(source), "--format", "xml"]) == 2
    assert "got 'xml'" in capsys.readouterr().err


def test_map_writes_html_into_the_given_path_and_warns_on_empty_text(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    out = tmp_path / "empty.html"
    assert run(["map", str(empty), "-o", str(out)]) == 0
    assert "warning" in capsys.readouterr().err
    page = out.read_text(encoding="utf-8")
    assert "No places found" in page


def test_map_of_the_seed_names_every_place(tmp_path, capsys):
    out = tmp_path / "seed.geojson"
    assert run(["map", str(SEED), "-o", str(out)]) == 0
    names = {f["properties"]["name"] for f in json.loads(out.read_text(encoding="utf-8"))["features"]}
    assert {"Fuzuli", "Azerbaijan", "Armenia", "Nagorno-Karabakh", "Russia", "South Caucasus"} <= names


def test_lookup_table_json_and_no_match(capsys):
    assert run(["lookup", "Fuzuli", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["place_id"] == "148106" and rows[0]["country_code"] == "AZ"
    assert {"place_id", "name", "kind", "lat", "lon", "country_code", "admin1", "population"} <= set(rows[0])
    assert run(["lookup", "Paris", "--limit", "3"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split()[:3] == ["place_id", "name", "kind"] and len(table) == 4
    assert run(["lookup", "Qxzvblorpt"]) == 1
    assert "no place named" in capsys.readouterr().err
    assert run(["lookup", "Paris", "--limit", "0"]) == 2


def test_info_json_counts(capsys):
    assert run(["info", "--format", "json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["places"] >= 230_000 and info["kinds"]["country"] >= 240
    assert sum(info["kinds"].values()) == info["places"]


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_evaluate_on_a_tiny_gold_file(tmp_path, capsys, fmt):
    text = "Flooding hit Baku, Azerbaijan."
    gold = {"id": "g1", "text": text, "toponyms": [
        {"start": 13, "end": 17, "name": "Baku", "lat": 40.37767, "lon": 49.89201},
        {"start": 19, "end": 29, "name": "Azerbaijan", "lat": 40.5, "lon": 47.5}]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold) + "\n", encoding="utf-8")
    assert run(["evaluate", str(path), "--format", fmt]) == 0
    out = capsys.readouterr().out
    if fmt == "json":
        scores = json.loads(out)
        assert scores["exact"]["f1"] == 1.0
    else:
        assert "recognition F1" in out


def test_extract_in_worker_processes_gives_the_same_lines_in_order(tmp_path, capsys):
    texts = ["Rain in Paris, Texas.", "Snow over Tovuz, Azerbaijan.", "Nothing here.", "Baku and Armenia."] * 3
    source = tmp_path / "many.jsonl"
    source.write_text("\n".join(json.dumps({"id": str(i), "text": t}) for i, t in enumerate(texts)), encoding="utf-8")
    assert run(["extract", str(source), "--jobs", "1"]) == 0
    one = capsys.readouterr().out
    assert run(["extract", str(source), "--jobs", "2"]) == 0
    assert capsys.readouterr().out == one
    assert [json.loads(line)["id"] for line in one.strip().split("\n")] == [str(i) for i in range(len(texts))]
    assert run(["extract", str(source), "--jobs", "-1"]) == 2
