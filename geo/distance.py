"""Great-circle distance: the one formula resolution and evaluation share.

The radius is the mean Earth radius the reference scorer uses (6371.0088 km), so geo's
own figures agree with ``../shared/eval/score.py``.

>>> round(haversine_km(0.0, 0.0, 0.0, 1.0), 3)
111.195
>>> haversine_km(12.5, -7.0, 12.5, -7.0)
0.0
"""

from __future__ import annotations

import math

__all__ = ["EARTH_RADIUS_KM", "haversine_km"]

EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points given in degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    half_dphi = (phi2 - phi1) / 2
    half_dlam = math.radians(lon2 - lon1) / 2
    h = math.sin(half_dphi) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(half_dlam) ** 2
    # rounding can push h a hair above 1 for antipodal points; asin would fail
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))
