"""`geo map FOLDER|corpus.jsonl`: one map of every place a corpus names (run in-process, real gazetteer)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from geo.cli import run

WEEK = [
    {"id": "mon", "title": "Monday: floods", "text": "Floods hit Baku, Azerbaijan on Monday. Later Baku was dry."},
    {"id": "tue", "text": "Talks in Paris and Baku ended."},
    {"id": "wed", "title": "Wednesday", "text": "Nothing to report today."},
    {"id": "thu", "title": "Thursday: shelling", "text": "Shelling near Tovuz, Azerbaijan."},
]


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def features(path: Path) -> dict[str, dict]:
    return {f["properties"]["name"]: f["properties"] for f in json.loads(path.read_text(encoding="utf-8"))["features"]}


def test_jsonl_corpus_geojson_counts_documents_and_keeps_titles(tmp_path, capsys):
    source = write_jsonl(tmp_path / "week.jsonl", WEEK)
    out = tmp_path / "week.geojson"
    assert run(["map", str(source), "-o", str(out)]) == 0
    collection = json.loads(out.read_text(encoding="utf-8"))
    assert (collection["corpus_id"], collection["document_count"]) == ("week", 4)
    places = features(out)
    assert (places["Baku"]["document_count"], places["Baku"]["mention_count"]) == (2, 3)
    assert places["Baku"]["documents"] == [{"id": "mon", "title": "Monday: floods", "mentions": 2},
                                           {"id": "tue", "title": None, "mentions": 1}]
    assert [d["id"] for d in places["Azerbaijan"]["documents"]] == ["mon", "thu"]
    assert places["Azerbaijan"]["kind"] == "country"
    assert list(places)[:2] == ["Baku", "Azerbaijan"]  # the most widely named first
    assert capsys.readouterr().err.strip().endswith(f"{out}: 4 places named in 4 documents")


def test_folder_corpus_html_goes_to_maps_by_default_with_documents_in_popups(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "dispatches"
    folder.mkdir()
    for record in WEEK:
        (folder / f"{record['id']}.txt").write_text(record["text"], encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run(["map", "dispatches"]) == 0
    page = (tmp_path / "maps" / "dispatches.html").read_text(encoding="utf-8")
    assert "<title>dispatches</title>" in page
    assert "4 places named in 4 documents" in page
    baku = next(p for p in re.findall(r"\$\(`(.*?)`\)\[0\]", page, re.DOTALL) if ">Baku</h3>" in p)
    assert re.findall(r'<bdi class="geo-doc-label">(.*?)</bdi>', baku) == ["mon", "tue"]  # file stems
    assert "Floods hit <mark>Baku</mark>, Azerbaijan on Monday." in baku
    assert "maps/dispatches.html: 4 places named in 4 documents" in capsys.readouterr().err


def test_title_option_heads_the_corpus_map(tmp_path):
    source = write_jsonl(tmp_path / "week.jsonl", WEEK)
    out = tmp_path / "m.html"
    assert run(["map", str(source), "-o", str(out), "--title", "This week's coverage"]) == 0
    assert "<title>This week&#x27;s coverage</title>" in out.read_text(encoding="utf-8")


def test_field_options_read_other_field_names(tmp_path):
    records = [{"key": "k1", "headline": "Rain report", "body": "Rain in Baku."},
               {"key": "k2", "body": "Snow in Baku."}]
    source = write_jsonl(tmp_path / "feed.jsonl", records)
    out = tmp_path / "feed.geojson"
    argv = ["map", str(source), "-o", str(out), "--text-field", "body", "--id-field", "key", "--title-field", "headline"]
    assert run(argv) == 0
    assert features(out)["Baku"]["documents"] == [{"id": "k1", "title": "Rain report", "mentions": 1},
                                                  {"id": "k2", "title": None, "mentions": 1}]
    # Without --text-field there is no text to read: every record is reported, no map is written.
    other = tmp_path / "none.geojson"
    assert run(["map", str(source), "-o", str(other)]) == 2
    assert not other.exists()


def test_near_reaches_every_document_of_a_corpus(tmp_path):
    source = write_jsonl(tmp_path / "local.jsonl", [{"id": "a", "text": "The fair in Paris opened."},
                                                     {"id": "b", "text": "Paris schools closed."}])
    plain, near = tmp_path / "plain.geojson", tmp_path / "near.geojson"
    assert run(["map", str(source), "-o", str(plain)]) == 0
    assert run(["map", str(source), "-o", str(near), "--near", "Tennessee"]) == 0
    assert features(plain)["Paris"]["country_code"] == "FR"
    assert (features(near)["Paris"]["admin1"], features(near)["Paris"]["document_count"]) == ("Tennessee", 2)


def test_bad_records_are_one_line_each_and_the_rest_is_mapped(tmp_path, capsys):
    source = tmp_path / "week.jsonl"
    source.write_text(json.dumps(WEEK[0]) + "\nnot json\n" + json.dumps({"id": "x", "text": ""}) + "\n"
                      + json.dumps(WEEK[1]) + "\n", encoding="utf-8")
    out = tmp_path / "week.geojson"
    assert run(["map", str(source), "-o", str(out)]) == 3
    err = capsys.readouterr().err.strip().split("\n")
    assert err[:2] == [f"geo: skipped {source}:2: not JSON (Expecting value)",
                       f"geo: skipped {source}:3 (id x): empty text"]
    assert err[-1] == "geo: 2 of 4 documents mapped, 2 failed"
    assert "Traceback" not in "\n".join(err)
    assert features(out)["Baku"]["document_count"] == 2


def test_missing_and_empty_corpus_inputs_are_one_line_errors(tmp_path, capsys):
    assert run(["map", str(tmp_path / "gone.jsonl")]) == 2
    assert capsys.readouterr().err.strip() == f"geo: {tmp_path / 'gone.jsonl'}: no such file"
    (tmp_path / "empty").mkdir()
    assert run(["map", str(tmp_path / "empty")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"geo: {tmp_path / 'empty'}: the folder has no files to read") and "\n" not in err


def test_python_m_geo_maps_a_corpus(tmp_path):
    source = write_jsonl(tmp_path / "week.jsonl", WEEK)
    out = tmp_path / "week.html"
    done = subprocess.run([sys.executable, "-m", "geo", "map", str(source), "-o", str(out)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "Thursday: shelling" in out.read_text(encoding="utf-8")


def test_corpus_png_and_svg_for_a_report(tmp_path):
    import struct

    source = write_jsonl(tmp_path / "week.jsonl", WEEK)
    png, again, svg = tmp_path / "a.png", tmp_path / "b.png", tmp_path / "week.svg"
    assert run(["map", str(source), "-o", str(png), "--width", "8", "--height", "5", "--dpi", "100"]) == 0
    assert run(["map", str(source), "-o", str(again), "--width", "8", "--height", "5", "--dpi", "100"]) == 0
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data == again.read_bytes()  # the same bytes on every run
    assert struct.unpack(">II", data[16:24]) == (800, 500)
    assert run(["map", str(source), "-o", str(svg), "--title", "Coverage"]) == 0
    text = svg.read_text(encoding="utf-8")
    assert ">Coverage<" in text
    assert "4 places named in 4 documents; source: week" in text
    for name in ("Baku", "Azerbaijan", "Tovuz"):
        assert f">{name}<" in text


def test_python_api_draws_a_corpus_as_png_and_svg(gazetteer):
    import geo

    corpus = geo.map_documents([(r["id"], r["text"], r.get("title")) for r in WEEK], gazetteer=gazetteer, corpus_id="w")
    assert geo.to_png(corpus, dpi=50)[:4] == b"\x89PNG"
    svg = geo.to_svg(corpus, title="This week").decode("utf-8")
    assert ">This week<" in svg and "4 places named in 4 documents; source: w" in svg


def test_a_corpus_naming_no_place_still_gets_a_map_and_a_warning(tmp_path, capsys):
    source = write_jsonl(tmp_path / "quiet.jsonl", [{"id": "a", "text": "Nothing to report."},
                                                    {"id": "b", "text": "All quiet today."}])
    out = tmp_path / "quiet.html"
    assert run(["map", str(source), "-o", str(out)]) == 0
    assert capsys.readouterr().err.startswith("warning: quiet: no places found in 2 documents\n")
    assert "No places found" in out.read_text(encoding="utf-8")
