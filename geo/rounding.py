"""Scores rounded to four decimals, as every stage that adds evidence rounds them.

>>> round4(0.12345678), round4(-1.23456), round4(0.2 + 0.1)
(0.1235, -1.2346, 0.3)
"""

from __future__ import annotations

__all__ = ["round4"]


def round4(x: float) -> float:
    """``round(x, 4)``, the same float, at a fraction of the cost: ranking and resolution
    round every score they add to, and float rounding to digits goes through decimal strings.

    The integer nearest to x * 10000 is that of the exact product unless the product lies
    within a hair of a half (then, and for huge or odd values, ``round`` decides); and
    dividing it by 10000 gives the float nearest the decimal, as ``round`` does. The nearest
    integer is found by float arithmetic alone: a sum as large as 1.5 * 2**52 has no bits
    below the units, so adding that rounds ``scaled`` to the nearest integer, and taking it
    away again is exact, as is ``scaled - whole``, the part rounded away (its square is under
    0.2499 when it is under 0.4999 or so: either side of that line is far from a half). A
    value that rounds to zero gives the zero of its sign, as ``round`` does: ``x * 0.0``.
    """
    scaled = x * 10000.0
    if scaled * scaled < 1e18:  # (|scaled| under a billion; not a number fails)
        whole = scaled + 1.5 * 2.0 ** 52 - 1.5 * 2.0 ** 52  # (folded into one constant)
        rounded_away = scaled - whole
        if rounded_away * rounded_away < 0.2499:  # (not within a hair of a half)
            return whole / 10000.0 or x * 0.0
    return round(x, 4)
