"""nice_ceiling: one rule for the sliders' range and the plots' axes."""

import bisect
import math
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nnsim.ui.scales import LARGEST_NICE, nice_ceiling

#: every float that is 1, 2 or 5 times a power of ten (the nearest float to it), ascending
NICE = sorted({float(f"{m}e{k}") for m in (1, 2, 5) for k in range(-324, 309)} - {0.0, math.inf})

POSITIVE = st.floats(min_value=5e-324, max_value=LARGEST_NICE, allow_nan=False)


@given(POSITIVE)
def test_the_ceiling_is_the_smallest_nice_number_at_least_value(value):
    result = nice_ceiling(value)
    assert result >= value
    assert result in NICE
    below = bisect.bisect_left(NICE, result) - 1
    assert below < 0 or NICE[below] < value  # no smaller nice number would do


@given(POSITIVE, POSITIVE)
def test_the_ceiling_is_monotone(a, b):
    low, high = sorted((a, b))
    assert nice_ceiling(low) <= nice_ceiling(high)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1.0, 1.0), (1.0000001, 2.0), (2.0, 2.0), (2.5, 5.0), (5.0, 5.0), (5.01, 10.0),
        (7.3, 10.0), (10.0, 10.0), (0.3, 0.5), (0.2, 0.2), (1234.0, 2000.0), (3e-7, 5e-7),
        (5e-324, 5e-324),  # the smallest float is (the float nearest to) 5e-324 itself
        (1e-323, 1e-323), (1.5e-323, 2e-323),
        (1e308, 1e308),
        (sys.float_info.max, math.inf), (1.7e308, math.inf), (math.inf, math.inf),
    ],
)
def test_examples(value, expected):
    assert nice_ceiling(value) == expected


@pytest.mark.parametrize("value", [0.0, -0.0, -1.0, -1.7e308, -math.inf, math.nan])
def test_no_ceiling_gives_the_default(value):
    assert nice_ceiling(value) == 1.0
    assert nice_ceiling(value, default=3.0) == 3.0
