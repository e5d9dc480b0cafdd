"""Tiny gazetteer data directories for index tests: the artifacts `python -m geo.data build`
writes (gzip TSV with a header line, and a manifest), holding only the rows a test gives."""

from __future__ import annotations

import gzip
import json
from pathlib import Path


def write_gz(path: Path, lines: list[str]) -> None:
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def write_data_dir(root: Path, places: list[str], names: list[str] = (), outlines: list[str] = ()) -> Path:
    """``root/data`` with these place, name and outline rows (tab-separated, headers added)."""
    d = root / "data"
    d.mkdir()
    write_gz(d / "places.tsv.gz", ["id\tname\tkind\tlat\tlon\tcountry_code\tadmin1\tpopulation", *places])
    write_gz(d / "names.tsv.gz", ["id\tmatch\tname", *names])
    write_gz(d / "outlines.tsv.gz", ["id\twkt", *outlines])
    (d / "manifest.json").write_text(json.dumps({"v": 1}))
    return d
