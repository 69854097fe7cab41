"""Round numbers for the ends of scales: the parameter sliders' range, the plots' axes."""

from __future__ import annotations

import math

#: the mantissas of a "nice" number: 1, 2 or 5 times a power of ten
NICE_STEPS = (1, 2, 5)
#: the largest nice number a float can hold (the next one, 2e308, is beyond float range)
LARGEST_NICE = 1e308


def nice_ceiling(value: float, default: float = 1.0) -> float:
    """The smallest of 1, 2, 5, 10, 20, 50 ... (times any power of ten) that is >= ``value``.

    Zero, negative values and NaN have no such ceiling: ``default`` is returned. Above
    ``LARGEST_NICE`` (1.7e308, inf) the ceiling is beyond float range: ``math.inf``, so a
    caller that needs a finite end takes ``min(nice_ceiling(x), LARGEST_NICE)``.
    """
    value = float(value)
    if not value > 0:  # also NaN
        return default
    if value > LARGEST_NICE:
        return math.inf
    # Each candidate is parsed from its decimal text ("5e-324", "2e307"), not computed as
    # step * 10.0 ** k: that would underflow to 0 for the smallest values, and the parsed
    # float is the one nearest to the decimal number, so 0.2 is 0.2 and not 0.2000...04.
    exponent = math.floor(math.log10(value))
    for k in (exponent - 1, exponent, exponent + 1):  # log10 may round across a power of ten
        for step in NICE_STEPS:
            candidate = float(f"{step}e{k}")
            if candidate >= value:
                return candidate
    return float(f"1e{exponent + 2}")  # not reached: 1e(exponent + 1) > value
