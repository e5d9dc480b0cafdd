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
    within a hair of a half (then, and for zero, huge or odd values, ``round`` decides); and
    dividing it by 10000 gives the float nearest the decimal, as ``round`` does. The nearest
    integer is found by float arithmetic alone: a sum as large as 1.5 * 2**52 has no bits
    below the units, so adding that rounds ``scaled`` to the nearest integer, and taking it
    away again is exact.
    """
    scaled = x * 10000.0
    if scaled * scaled < 1e18:  # (|scaled| under a billion; not a number fails)
        whole = scaled + 1.5 * 2.0 ** 52 - 1.5 * 2.0 ** 52  # (folded into one constant)
        if -0.499999 < scaled - whole < 0.499999 and whole:  # (round keeps the sign of a zero)
            return whole / 10000.0
    return round(x, 4)
