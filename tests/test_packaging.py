"""The package installs anywhere: the wheel carries data/ and the installed geo finds it.

The real check builds the wheel and runs it from a fresh virtualenv (.ci/check_wheel, run
by CI); these are the fast parts of the same promise, run with every test run.
"""

import fnmatch
import gzip
import tomllib
from pathlib import Path

from geo import gazetteer

ROOT = Path(__file__).parents[1]


def test_every_file_in_data_is_mapped_into_the_package():
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert "geo._data" in setuptools["packages"]
    assert setuptools["package-dir"]["geo._data"] == "data"
    patterns = setuptools["package-data"]["geo._data"]
    files = sorted(p.name for p in (ROOT / "data").iterdir() if p.is_file())
    assert "manifest.json" in files and "ATTRIBUTION.md" in files
    assert [f for f in files if not any(fnmatch.fnmatch(f, p) for p in patterns)] == []


def fake_install(root: Path, monkeypatch) -> Path:
    """Make geo.gazetteer believe it lives in ``root/geo``; returns that package folder."""
    package = root / "geo"
    package.mkdir(parents=True)
    monkeypatch.setattr(gazetteer, "__file__", str(package / "gazetteer.py"))
    monkeypatch.delenv("GEO_DATA_DIR", raising=False)
    return package


def test_an_installed_package_reads_its_own_copy_of_data(tmp_path, monkeypatch):
    package = fake_install(tmp_path / "site-packages", monkeypatch)
    (package / "_data").mkdir()
    (package / "_data" / "manifest.json").write_text("{}", encoding="utf-8")
    assert gazetteer._default_data_dir() == package / "_data"
    assert gazetteer.Gazetteer().data_dir == package / "_data"


def test_a_checkout_reads_the_top_level_data(tmp_path, monkeypatch):
    package = fake_install(tmp_path / "checkout", monkeypatch)
    (package / "_data").mkdir()  # a folder without a manifest is not the data
    assert gazetteer._default_data_dir() == tmp_path / "checkout" / "data"


def test_geo_data_dir_comes_first(tmp_path, monkeypatch):
    package = fake_install(tmp_path / "site-packages", monkeypatch)
    (package / "_data").mkdir()
    (package / "_data" / "manifest.json").write_text("{}", encoding="utf-8")
    monkeypatch.setenv("GEO_DATA_DIR", str(tmp_path / "mine"))
    assert gazetteer._default_data_dir() == tmp_path / "mine"


def test_this_checkout_reads_its_data(monkeypatch):
    monkeypatch.delenv("GEO_DATA_DIR", raising=False)
    assert gazetteer._default_data_dir() == ROOT / "data"


def test_the_basemap_follows_the_same_rule(tmp_path, monkeypatch):
    from geo.basemap import load_basemap

    package = fake_install(tmp_path / "site-packages", monkeypatch)
    (package / "_data").mkdir()
    (package / "_data" / "manifest.json").write_text("{}", encoding="utf-8")
    (package / "_data" / "basemap.geojson.gz").write_bytes(
        gzip.compress(b'{"type": "FeatureCollection", "features": []}'))
    assert load_basemap() == {"type": "FeatureCollection", "features": []}
