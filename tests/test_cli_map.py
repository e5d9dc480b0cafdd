"""Each `geo map` option in the README changes what it should, and the real entry points run.

tests/test_cli.py covers the commands' contracts in-process; here every `map` option is
checked for its effect on the output (a test that only saw exit 0 would not notice
--near dropped on the way to the pipeline, or --width and --height swapped), folder
input to `extract`, and the `geo` console script and `python -m geo` as real processes.
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from geo.cli import build_parser, run

SEED = Path(__file__).parents[1] / "seeds" / "fuzuli-2021-01-26.txt"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) in pixels, from the PNG's IHDR chunk."""
    assert data[:8] == PNG_MAGIC
    return struct.unpack(">II", data[16:24])


def features(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["features"]


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "floods.txt"
    path.write_text("Floods hit Baku, Azerbaijan on Monday.", encoding="utf-8")
    return path


# -- where the output goes and in which format ------------------------------------------


def test_default_output_is_maps_stem_html_under_the_current_directory(article, tmp_path, monkeypatch, capsys):
    work = tmp_path / "elsewhere"
    work.mkdir()
    monkeypatch.chdir(work)
    assert run(["map", str(article)]) == 0
    page = work / "maps" / "floods.html"
    assert "<title>floods</title>" in page.read_text(encoding="utf-8")
    assert capsys.readouterr().err.startswith(str(Path("maps") / "floods.html") + ": 2 places")
    assert sorted(p.name for p in work.rglob("*") if p.is_file()) == ["floods.html"]


def test_default_output_follows_the_format(article, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run(["map", str(article), "--format", "png"]) == 0
    assert (tmp_path / "maps" / "floods.png").read_bytes()[:8] == PNG_MAGIC


@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("out.png", lambda data: data[:8] == PNG_MAGIC),
        ("OUT.PNG", lambda data: data[:8] == PNG_MAGIC),
        ("out.svg", lambda data: data.lstrip().startswith(b"<?xml") and b"<svg" in data),
        ("out.geojson", lambda data: json.loads(data)["type"] == "FeatureCollection"),
        ("out.json", lambda data: json.loads(data)["type"] == "FeatureCollection"),
        ("out.htm", lambda data: data.lstrip().lower().startswith(b"<!doctype html")),
        ("out.html", lambda data: data.lstrip().lower().startswith(b"<!doctype html")),
    ],
)
def test_the_output_suffix_picks_the_format(article, tmp_path, name, check):
    out = tmp_path / name
    assert run(["map", str(article), "-o", str(out)]) == 0
    assert check(out.read_bytes())


def test_format_wins_over_the_suffix(article, tmp_path):
    out = tmp_path / "places.txt"
    assert run(["map", str(article), "--format", "geojson", "-o", str(out)]) == 0
    assert [f["properties"]["name"] for f in features(out)] == ["Baku", "Azerbaijan"]
    out = tmp_path / "picture.out"
    assert run(["map", str(article), "--format", "png", "-o", str(out)]) == 0
    assert out.read_bytes()[:8] == PNG_MAGIC


def test_an_unknown_suffix_is_a_clear_error_that_lists_the_formats(article, tmp_path, capsys):
    out = tmp_path / "map.xyz"
    assert run(["map", str(article), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "got 'xyz'" in err and "png" in err and "geojson" in err
    assert not out.exists()


# -- PNG/SVG size ------------------------------------------------------------------------


def test_width_and_height_are_inches_times_dpi_and_not_swapped(article, tmp_path):
    out = tmp_path / "map.png"
    assert run(["map", str(article), "-o", str(out), "--width", "4", "--height", "3", "--dpi", "50"]) == 0
    assert png_size(out.read_bytes()) == (200, 150)
    assert run(["map", str(article), "-o", str(out), "--width", "3", "--height", "5", "--dpi", "50"]) == 0
    assert png_size(out.read_bytes()) == (150, 250)


def test_the_defaults_are_10_by_6_inches_at_150_dpi(article, tmp_path):
    out = tmp_path / "map.png"
    assert run(["map", str(article), "-o", str(out)]) == 0
    assert png_size(out.read_bytes()) == (1500, 900)


def test_dpi_scales_the_pixels_only(article, tmp_path):
    out = tmp_path / "map.png"
    assert run(["map", str(article), "-o", str(out), "--width", "4", "--height", "3", "--dpi", "100"]) == 0
    assert png_size(out.read_bytes()) == (400, 300)


def test_svg_size_is_in_points(article, tmp_path):
    out = tmp_path / "map.svg"
    assert run(["map", str(article), "-o", str(out), "--width", "4", "--height", "3"]) == 0
    head = out.read_text(encoding="utf-8")[:2000]
    assert 'width="288pt"' in head and 'height="216pt"' in head  # 72 points an inch


@pytest.mark.parametrize(("option", "value", "message"),
                         [("--width", "0", "width must be a positive number: got 0.0"),
                          ("--height", "-2", "height must be a positive number: got -2.0"),
                          ("--dpi", "0", "dpi must be a positive number: got 0")])
def test_a_size_that_is_not_positive_is_a_clear_error(article, tmp_path, capsys, option, value, message):
    assert run(["map", str(article), "-o", str(tmp_path / "map.png"), option, value]) == 2
    err = capsys.readouterr().err
    assert err == f"geo: {message}\n"


# -- what the map says -----------------------------------------------------------------


def test_title_heads_the_html_page(article, tmp_path):
    out = tmp_path / "map.html"
    assert run(["map", str(article), "-o", str(out), "--title", "Morning brief"]) == 0
    page = out.read_text(encoding="utf-8")
    assert "<title>Morning brief</title>" in page
    assert '<h1 class="geo-title" dir="auto">Morning brief</h1>' in page
    assert "<title>floods</title>" not in page


def test_title_heads_the_static_map(article, tmp_path):
    out = tmp_path / "map.svg"
    assert run(["map", str(article), "-o", str(out), "--title", "Morning brief"]) == 0
    assert "Morning brief" in out.read_text(encoding="utf-8")
    assert run(["map", str(article), "-o", str(out)]) == 0
    assert "Morning brief" not in out.read_text(encoding="utf-8")


def test_near_reaches_the_pipeline_and_moves_an_ambiguous_name(tmp_path):
    source = tmp_path / "fair.txt"
    source.write_text("The county fair opened in Paris on Saturday.", encoding="utf-8")
    plain, near = tmp_path / "plain.geojson", tmp_path / "near.geojson"
    assert run(["map", str(source), "-o", str(plain)]) == 0
    assert run(["map", str(source), "-o", str(near), "--near", "Tennessee"]) == 0
    (paris,) = [f["properties"] for f in features(plain)]
    assert (paris["name"], paris["country_code"]) == ("Paris", "FR")
    (paris,) = [f["properties"] for f in features(near)]
    assert (paris["name"], paris["country_code"], paris["admin1"]) == ("Paris", "US", "Tennessee")
    assert abs(paris["point"][1] - 36.3) < 0.1 and abs(paris["point"][0] + 88.33) < 0.1


def test_near_is_named_in_the_title(tmp_path):
    source = tmp_path / "fair.txt"
    source.write_text("The county fair opened in Paris on Saturday.", encoding="utf-8")
    out = tmp_path / "map.html"
    assert run(["map", str(source), "-o", str(out), "--near", "Tennessee", "--title", "Fair"]) == 0
    assert "<title>Fair (home area: Tennessee)</title>" in out.read_text(encoding="utf-8")


def test_an_unknown_near_is_one_line_and_writes_nothing(article, tmp_path, capsys):
    out = tmp_path / "map.html"
    assert run(["map", str(article), "-o", str(out), "--near", "Qxzvblorpt"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("geo: --near:") and "Qxzvblorpt" in err
    assert not out.exists()


def test_encoding_reads_a_latin_1_file(tmp_path, capsys):
    source = tmp_path / "cafe.txt"
    text = "Crowds gathered in Zürich and Montréal on Sunday."
    source.write_bytes(text.encode("latin-1"))
    out = tmp_path / "cafe.geojson"
    assert run(["map", str(source), "-o", str(out)]) == 2
    assert "--encoding" in capsys.readouterr().err and not out.exists()
    assert run(["map", str(source), "-o", str(out), "--encoding", "latin-1"]) == 0
    found = [(f["properties"]["country_code"], f["properties"]["mentions"][0]) for f in features(out)]
    assert [(cc, m["text"], m["sentence"]) for cc, m in found] == [("CH", "Zürich", text), ("CA", "Montréal", text)]
    assert all(text[m["start"] : m["end"]] == m["text"] for _, m in found)


def test_tiles_osm_loads_web_tiles_and_the_default_does_not(article, tmp_path):
    offline, osm = tmp_path / "offline.html", tmp_path / "osm.html"
    assert run(["map", str(article), "-o", str(offline)]) == 0
    assert run(["map", str(article), "-o", str(osm), "--tiles", "osm"]) == 0
    assert "tile.openstreetmap.org" in osm.read_text(encoding="utf-8")
    assert "tile.openstreetmap.org" not in offline.read_text(encoding="utf-8")


def test_tiles_takes_only_known_names(article, capsys):
    assert run(["map", str(article), "--tiles", "google"]) == 2
    assert "invalid choice: 'google'" in capsys.readouterr().err


# -- extract reads folders -------------------------------------------------------------


def test_extract_reads_every_text_file_of_a_folder(tmp_path, capsys):
    folder = tmp_path / "news"
    folder.mkdir()
    texts = {"a": "Flooding hit Baku on Monday.", "b": "Snow fell over Tovuz, Azerbaijan."}
    for stem, text in texts.items():
        (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
    (folder / "notes.csv").write_text("Paris,Texas\n", encoding="utf-8")  # not a text file: not read
    assert run(["extract", str(folder)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in records] == ["a", "b"]
    assert [[(t["text"], t["country_code"]) for t in r["toponyms"]] for r in records] == [
        [("Baku", "AZ")], [("Tovuz", "AZ"), ("Azerbaijan", "AZ")]]
    for record in records:
        text = texts[record["id"]]
        assert all(text[t["start"] : t["end"]] == t["text"] for t in record["toponyms"])


def test_extract_of_a_folder_without_text_files_is_one_line(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert run(["extract", str(tmp_path / "empty")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "empty" in err and "Traceback" not in err


# -- the real entry points -----------------------------------------------------------------


def geo_script() -> str:
    """The `geo` console script of the environment running the tests (installed with it)."""
    script = Path(sys.executable).with_name("geo")
    assert script.exists(), f"no console script beside {sys.executable}: install with pip install -e '.[test]'"
    return str(script)


def run_process(args: list[str], cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # what an installed geo sees
    return subprocess.run(args, cwd=cwd, input=stdin, capture_output=True, text=True, env=env, timeout=300)


def test_the_geo_console_script_maps_the_seed_from_another_directory(tmp_path):
    (tmp_path / SEED.name).write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    done = run_process([geo_script(), "map", SEED.name], cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().endswith(f"{Path('maps') / SEED.stem}.html: 8 places, 31 mentions")
    page = (tmp_path / "maps" / f"{SEED.stem}.html").read_text(encoding="utf-8")
    for name in ("Azerbaijan", "Armenia", "Nagorno-Karabakh", "Fuzuli", "Tovuz", "South Caucasus"):
        assert name in page


def test_python_m_geo_reads_stdin_and_exits_with_the_documented_codes(tmp_path):
    python = [sys.executable, "-m", "geo"]
    done = run_process([*python, "map", "-", "--title", "Morning brief", "-o", "brief.html"], cwd=tmp_path,
                       stdin="Floods hit Baku, Azerbaijan on Monday.")
    assert done.returncode == 0, done.stderr
    assert "<title>Morning brief</title>" in (tmp_path / "brief.html").read_text(encoding="utf-8")

    done = run_process([*python, "lookup", "Tovuz", "--format", "json"], cwd=tmp_path)
    assert done.returncode == 0 and json.loads(done.stdout)[0]["place_id"] == "584821"
    done = run_process([*python, "lookup", "Qxzvblorpt"], cwd=tmp_path)
    assert done.returncode == 1 and "no place named" in done.stderr

    done = run_process([*python, "extract", "missing.txt"], cwd=tmp_path)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == "geo: missing.txt: no such file\n"


def test_every_command_has_help_through_both_entry_points(tmp_path):
    commands = build_parser()._subparsers._group_actions[0].choices  # argparse keeps them here
    for entry in ([geo_script()], [sys.executable, "-m", "geo"]):
        done = run_process([*entry, "--help"], cwd=tmp_path)
        assert done.returncode == 0 and done.stdout.startswith("usage: geo ")
        assert all(name in done.stdout for name in commands)
        done = run_process(entry, cwd=tmp_path)  # no command: the help, on stderr, and exit 2
        assert done.returncode == 2 and "COMMAND" in done.stderr
    for name, parser in commands.items():
        done = run_process([geo_script(), name, "--help"], cwd=tmp_path)
        assert done.returncode == 0 and done.stdout.startswith(f"usage: geo {name}")
        assert parser.description.split()[0] in done.stdout
