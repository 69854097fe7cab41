"""The data summary the window reads (ranges, average, typical example, decimals) equals the
plain computations over every row, and is worked out once per data set."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nnsim.core import load_dataset
from nnsim.core.data_summary import MAX_DECIMALS, fewest_exact_decimals
from nnsim.core.dataset import Dataset
from nnsim.core.grid import held_inputs, plane_extent
from nnsim.core.training_data import prepare_data


def test_iris_summary_equals_the_plain_computations():
    data = prepare_data(load_dataset("iris"), test_fraction=0.3, seed=3)
    s = data.summary
    seen = data.transform(data.dataset.X)
    raw_train = data.dataset.X[data.train_index]
    np.testing.assert_array_equal(s.network_low, seen.min(axis=0))
    np.testing.assert_array_equal(s.network_high, seen.max(axis=0))
    np.testing.assert_allclose(s.training_mean, data.X_train.mean(axis=0), rtol=0, atol=1e-15)
    np.testing.assert_array_equal(s.typical_raw, np.median(raw_train, axis=0))
    np.testing.assert_array_equal(s.raw_low, raw_train.min(axis=0))
    np.testing.assert_array_equal(s.raw_high, raw_train.max(axis=0))
    assert list(s.exact_decimals) == [1, 1, 1, 1]  # centimetres to the millimetre
    assert data.summary is s  # worked out once
    assert not s.network_low.flags.writeable


def test_the_plane_spans_every_example_and_the_held_inputs_are_the_training_mean():
    data = prepare_data(load_dataset("iris"))
    seen = data.transform(data.dataset.X)
    for features in [(0, 1), (2, 3), (3, 0)]:
        x0, x1, y0, y1 = plane_extent(data, features=features)
        fx, fy = features
        assert x0 < seen[:, fx].min() and seen[:, fx].max() < x1
        assert y0 < seen[:, fy].min() and seen[:, fy].max() < y1
        assert x1 - x0 == pytest.approx(y1 - y0)
    np.testing.assert_allclose(held_inputs(data), data.X_train.mean(axis=0).astype(np.float32), atol=1e-7)


def test_no_training_rows_gives_zeros_not_a_failure():
    X = np.array([[1.0, 2.0], [3.0, 4.0]])
    data = prepare_data(Dataset(X, np.array([0, 1]), ["a", "b"], ["p", "q"], "t", "classification"),
                        test_fraction=0.5, seed=0)
    assert data.summary.raw_low.shape == (2,)
    empty = Dataset(X[:0], np.zeros(0, dtype=int), ["a", "b"], ["p", "q"], "t", "classification")
    no_rows = prepare_data(empty, test_fraction=0, standardize=False)
    assert list(no_rows.summary.typical_raw) == [0.0, 0.0]
    with pytest.raises(ValueError, match="no rows"):
        plane_extent(no_rows, features=(0, 1))


@pytest.mark.parametrize("column, expected", [
    ([1.0, 2.0, 3.0], 0),
    ([0.5, 0.25], 2),
    ([5.1, 4.9, 7.0], 1),
    ([1 / 3], MAX_DECIMALS),  # never exact: the most
    ([], 0),
    ([1e308, -1e308], 0),
    ([5e-324], MAX_DECIMALS),
])
def test_fewest_exact_decimals(column, expected):
    assert fewest_exact_decimals(np.array(column, dtype=float)) == expected


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(-10**6, 10**6), min_size=1, max_size=30), st.integers(0, MAX_DECIMALS))
def test_values_given_to_d_decimals_need_at_most_d(whole, decimals):
    column = np.round(np.array(whole, dtype=float) / 10.0 ** decimals, decimals)
    found = fewest_exact_decimals(column)
    assert found <= decimals
    assert np.all(np.round(column, found) == column)


def test_values_near_the_end_of_float_give_a_finite_plane_that_holds_them():
    X = np.array([[1.0, 2.0], [3.0, 1e308], [-1e308, 4.0], [0.5, 0.25]])
    data = prepare_data(Dataset(X, np.array([0, 1, 0, 1]), ["a", "b"], ["p", "q"], "t", "classification"),
                        test_fraction=0.5, seed=0)
    seen = data.transform(X)
    np.testing.assert_array_equal(data.summary.network_low, seen.min(axis=0))
    np.testing.assert_array_equal(data.summary.network_high, seen.max(axis=0))
    x0, x1, y0, y1 = plane_extent(data)
    assert all(np.isfinite([x0, x1, y0, y1]))
    assert x0 < seen[:, 0].min() and seen[:, 0].max() < x1
    assert y0 < seen[:, 1].min() and seen[:, 1].max() < y1
    assert np.isfinite(held_inputs(data)).all()
