"""Simplified world country outlines for drawing map backgrounds.

The build writes ``data/basemap.geojson.gz``: one feature per country with properties
``name`` and ``iso2``, coordinates rounded to 3 decimals, shapes split at the antimeridian
so Leaflet and matplotlib draw them right. Nothing is cached here (no module state):
a caller that draws many maps keeps the dict it got.

>>> fc = load_basemap()
>>> fc["type"], any(f["properties"]["iso2"] == "AZ" for f in fc["features"])
('FeatureCollection', True)
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

from geo.errors import DataError

__all__ = ["load_basemap"]


def load_basemap(data_dir: str | Path | None = None) -> dict[str, Any]:
    """The basemap as a GeoJSON FeatureCollection dict (``data_dir`` as for the gazetteer)."""
    if data_dir is None:
        from geo.gazetteer import _default_data_dir  # the one rule for where data/ is

        data_dir = _default_data_dir()
    path = Path(data_dir) / "basemap.geojson.gz"
    try:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError as e:
        raise DataError(f"basemap missing: got no {str(path)!r}; run `python -m geo.data build`") from e
