"""The committed maps/ files and docs figures are what the code makes now (docs/regenerate.py)."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _script():
    spec = importlib.util.spec_from_file_location("regenerate", ROOT / "docs" / "regenerate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_maps_and_figures_are_not_stale():
    stale = _script().stale()
    assert stale == [], f"stale: {stale}; run `python docs/regenerate.py` and commit the result"


def test_the_check_notices_a_stale_file(tmp_path):
    script = _script()
    # A copy of the repository's inputs with one committed map changed by a byte.
    for relative in ("seeds", "docs/examples"):
        for path in (ROOT / relative).glob("*.txt"):
            (tmp_path / relative).mkdir(parents=True, exist_ok=True)
            (tmp_path / relative / path.name).write_bytes(path.read_bytes())
    written = script.generate(tmp_path, tmp_path)
    assert Path("maps/fuzuli-2021-01-26.png") in written and Path("docs/world.png") in written
    assert script.stale(tmp_path) == []
    svg = tmp_path / "maps" / "fuzuli-2021-01-26.svg"
    svg.write_bytes(svg.read_bytes().replace(b"Fuzuli", b"Fizuli", 1))
    (tmp_path / "docs" / "one-city.png").unlink()
    assert script.stale(tmp_path) == ["maps/fuzuli-2021-01-26.svg", "docs/one-city.png (missing)"]
