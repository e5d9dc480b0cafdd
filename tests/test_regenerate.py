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
    repo, fresh = tmp_path / "repo", tmp_path / "fresh"
    for relative in ("seeds", "docs/examples"):  # a copy of the repository's inputs
        for path in [*(ROOT / relative).glob("*.txt"), *(ROOT / relative).glob("*.jsonl")]:
            (repo / relative).mkdir(parents=True, exist_ok=True)
            (repo / relative / path.name).write_bytes(path.read_bytes())
    script.generate(repo, repo)  # what a commit holds
    made = script.generate(fresh, repo)  # what the code makes now
    assert Path("maps/fuzuli-2021-01-26.png") in made and Path("docs/world.png") in made
    assert script.compare(repo, fresh, made) == []
    svg = repo / "maps" / "fuzuli-2021-01-26.svg"  # one committed map changed by a letter, one missing
    svg.write_bytes(svg.read_bytes().replace(b"Fuzuli", b"Fizuli", 1))
    (repo / "docs" / "one-city.png").unlink()
    assert script.compare(repo, fresh, made) == ["maps/fuzuli-2021-01-26.svg", "docs/one-city.png (missing)"]
