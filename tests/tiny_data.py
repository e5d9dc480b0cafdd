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


def write_map_database(stem: Path, polygons: list[tuple[str, list[tuple[float, float]]]]) -> Path:
    """An R ``maps`` database (``stem.N``, ``.G``, ``.L``, little-endian, points in radians, as
    the ``mapdata`` package ships World Data Bank II) with one polyline per named polygon; the
    second half of each ring is stored as its own polyline walked backwards, as the format allows."""
    import math
    import struct

    lines: list[list[tuple[float, float]]] = []
    regions: list[list[int]] = []
    for _name, ring in polygons:
        half = len(ring) // 2
        lines.append(ring[: half + 1])
        lines.append(list(reversed(ring[half:])))
        regions.append([len(lines) - 1, -len(lines)])
    head = 8 + 28 * len(lines)
    body, offsets = b"", []
    for line in lines:
        offsets.append(head + len(body))
        body += b"".join(struct.pack("<2f", math.radians(x), math.radians(y)) for x, y in line)
    data = struct.pack("<ii", 0, len(lines))
    for offset, line in zip(offsets, lines):
        data += struct.pack("<IH", offset, len(line)).ljust(28, b"\0")
    stem.with_suffix(".L").write_bytes(data + body)
    head = 2 + 24 * len(regions)
    body, gon = b"", struct.pack("<H", len(regions))
    for numbers in regions:
        gon += struct.pack("<IB", head + len(body), len(numbers)).ljust(24, b"\0")
        body += struct.pack(f"<{len(numbers)}i", *numbers)
    stem.with_suffix(".G").write_bytes(gon + body)
    stem.with_suffix(".N").write_text("".join(f"{name}\t{i}\n" for i, (name, _) in enumerate(polygons, 1)), encoding="latin-1")
    return stem
