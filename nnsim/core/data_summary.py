"""What the window shows about a data set, worked out once per ``TrainingData``.

The boundary's plane, the inputs held off that plane and the "What if?" boxes each need a
pass over every row: a few milliseconds for Iris, but a second of the window's time for an
imported table of 700,000 rows, every time the data, the network or the chosen features
change. ``TrainingData.summary`` computes them once (the CSV import does it in its reading
thread, so the window receives them ready) and keeps them with the data, which never
changes after it is made.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnsim.core.arrays import frozen_copy

#: the most decimals a typed-in box needs (enough for any generated data set's values)
MAX_DECIMALS = 6


@dataclass(frozen=True, eq=False)
class DataSummary:
    """Per input (column), everything below is a read-only array of one value per input.

    ``network_low`` / ``network_high``: the smallest and largest finite value of every row,
    as the network sees it (standardized); NaN for a column with no finite value.
    ``training_mean``: the mean of the training rows as the network sees them (0 where
    there is none): an average example. ``typical_raw``: the median training example in the
    data's own units. ``raw_low`` / ``raw_high``: the training rows' range in those units.
    ``exact_decimals``: the fewest decimals (up to ``MAX_DECIMALS``) that write every
    training value exactly, so a row typed in from the table is the very same input.
    """

    network_low: np.ndarray
    network_high: np.ndarray
    training_mean: np.ndarray
    typical_raw: np.ndarray
    raw_low: np.ndarray
    raw_high: np.ndarray
    exact_decimals: np.ndarray


def summarize(data) -> DataSummary:
    """The ``DataSummary`` of a ``TrainingData`` (see the module's docstring)."""
    d = data.n_inputs
    raw_train = np.asarray(data.dataset.X, dtype=np.float64)[np.asarray(data.train_index, dtype=np.int64)]
    seen = np.asarray(data.transform(data.dataset.X), dtype=np.float64)
    with np.errstate(all="ignore"):
        low, high = _finite_range(seen, d)
        if data.X_train.shape[0]:
            mean = np.nan_to_num(np.nanmean(np.asarray(data.X_train, dtype=np.float64), axis=0),
                                 nan=0.0, posinf=0.0, neginf=0.0)
        else:
            mean = np.zeros(d)
        if raw_train.shape[0]:
            typical = np.median(raw_train, axis=0)
            raw_low, raw_high = raw_train.min(axis=0), raw_train.max(axis=0)
        else:
            typical = raw_low = raw_high = np.zeros(d)
        decimals = np.array([fewest_exact_decimals(raw_train[:, j]) for j in range(d)], dtype=np.int64)
    return DataSummary(*(frozen_copy(a) for a in (low, high, mean, typical, raw_low, raw_high, decimals)))


def fewest_exact_decimals(column: np.ndarray, most: int = MAX_DECIMALS) -> int:
    """The fewest decimals that write every value of ``column`` exactly (``most`` if none do):
    2 for centimetres given to the millimetre's tenth, 0 for counts."""
    column = np.asarray(column, dtype=np.float64)
    with np.errstate(all="ignore"):
        for decimals in range(most):
            if np.all(np.round(column, decimals) == column):
                return decimals
    return most


def _finite_range(X: np.ndarray, d: int) -> tuple[np.ndarray, np.ndarray]:
    """Column-wise (min, max) over the finite values, NaN where a column has none."""
    if X.ndim != 2 or X.shape[0] == 0:
        return np.full(d, np.nan), np.full(d, np.nan)
    finite = np.isfinite(X)
    if finite.all():  # the usual case: no masked copies of a big table
        return X.min(axis=0), X.max(axis=0)
    low = np.where(finite, X, np.inf).min(axis=0)
    high = np.where(finite, X, -np.inf).max(axis=0)
    none = ~finite.any(axis=0)
    low[none], high[none] = np.nan, np.nan
    return low, high
