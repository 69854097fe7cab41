"""How good a network is on its data: predictions for every row, the confusion counts, and the
regression scores (RMSE, R²).

Pure NumPy, so the training session computes the same numbers in its thread that the window
computes on its own while paused. Every array is in the data set's row order (the order of
the data table), whichever part (train, test) a row belongs to.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from nnsim.core.arrays import frozen_copy
from nnsim.core.predictions import predicted_classes

#: output activations whose values are probabilities (so "how sure" can be said in percent)
PROBABILITY_OUTPUTS = ("softmax", "sigmoid")


@dataclass(frozen=True, eq=False)
class RowPredictions:
    """What the network answers for every row of the data set, read-only.

    Classification: ``classes`` (int64, one per row) and ``probability`` (the probability of
    that answer; NaN when the outputs are not probabilities); ``values`` is None.
    Regression: ``values`` (n, k) the predicted targets; ``classes``/``probability`` None.
    """

    classes: np.ndarray | None
    probability: np.ndarray | None
    values: np.ndarray | None

    @property
    def n_rows(self) -> int:
        return int((self.classes if self.classes is not None else self.values).shape[0])


def answer_probability(outputs: np.ndarray, classes: np.ndarray, output_activation: str) -> np.ndarray:
    """The probability the network gives its own answer, per row: the winning node's softmax
    or sigmoid value; for one sigmoid node answering class 0, one minus its value. NaN for
    outputs that are not probabilities (linear, tanh, ...)."""
    n = outputs.shape[0]
    if output_activation not in PROBABILITY_OUTPUTS:
        return np.full(n, np.nan)
    if outputs.shape[1] == 1:
        p = outputs[:, 0].astype(np.float64)
        return np.where(classes == 1, p, 1.0 - p)
    return outputs[np.arange(n), classes].astype(np.float64)


def row_predictions(data, train_outputs: np.ndarray, test_outputs: np.ndarray,
                    output_activation: str) -> RowPredictions:
    """The predictions of every row of ``data`` (a ``TrainingData``) from the network's outputs
    on its two parts, put back in the data set's row order."""
    n = data.dataset.n_samples
    k = train_outputs.shape[1] if train_outputs.ndim == 2 else test_outputs.shape[1]
    outputs = np.empty((n, k))
    outputs[np.asarray(data.train_index, dtype=np.int64)] = train_outputs
    outputs[np.asarray(data.test_index, dtype=np.int64)] = test_outputs
    if not data.is_classification:
        return RowPredictions(None, None, frozen_copy(outputs))
    with np.errstate(invalid="ignore"):
        classes = predicted_classes(outputs)
        probability = answer_probability(outputs, classes, output_activation)
    return RowPredictions(frozen_copy(classes), frozen_copy(probability), None)


def predict_rows(network, data) -> RowPredictions:
    """Run ``network`` on both parts of ``data`` (as the trainer's evaluation does)."""
    with np.errstate(all="ignore"):  # huge weights give inf or NaN answers, shown as such
        train = network.trace(data.X_train).output
        test = network.trace(data.X_test).output
    return row_predictions(data, train, test, network.activations[-1])


def confusion_counts(true_classes, predicted, n_classes: int) -> np.ndarray:
    """``counts[t, p]``: how many examples of class ``t`` the network calls ``p``."""
    t = np.asarray(true_classes, dtype=np.int64)
    p = np.asarray(predicted, dtype=np.int64)
    counts = np.zeros(n_classes * n_classes, dtype=np.int64)
    np.add.at(counts, t * n_classes + p, 1)
    return counts.reshape(n_classes, n_classes)


def regression_scores(outputs, targets) -> tuple[float | None, float | None]:
    """``(rmse, r2)`` of ``outputs`` against ``targets`` (both (n, k)).

    RMSE is the root of the mean squared error over every value. R² is ``1 - SS_res/SS_tot``
    of each target column, averaged over the columns; None when a column's targets are all
    equal (a part of one example: nothing to explain). Both None for an empty part. The
    errors and the spread are scaled by their largest size first, so errors of 1e200 give an
    RMSE of 1e200, not an overflow; a non-finite output gives NaN.
    """
    y = np.asarray(targets, dtype=np.float64)
    out = np.asarray(outputs, dtype=np.float64).reshape(y.shape)
    if y.shape[0] == 0:
        return None, None
    with np.errstate(all="ignore"):
        error = out - y
        spread = y - y.mean(axis=0)
        e_scale, s_scale = float(np.max(np.abs(error))), float(np.max(np.abs(spread)))
        if not (math.isfinite(e_scale) and math.isfinite(s_scale)):
            return math.nan, math.nan
        if e_scale == 0.0:
            return 0.0, (None if s_scale == 0.0 or np.any(np.all(spread == 0.0, axis=0)) else 1.0)
        e = error / e_scale
        rmse = e_scale * math.sqrt(float(np.mean(e * e)))
        if s_scale == 0.0:
            return rmse, None
        s = spread / s_scale
        ss_res = np.sum(e * e, axis=0)
        ss_tot = np.sum(s * s, axis=0)
        if np.any(ss_tot == 0.0):
            return rmse, None
        # SS_res/SS_tot = (ss_res/ss_tot)·(e_scale/s_scale)²: a ratio beyond floats is -inf
        ratio = (ss_res / ss_tot) * (np.float64(e_scale) / np.float64(s_scale)) ** 2
    return rmse, float(np.mean(1.0 - ratio))


@dataclass(frozen=True)
class Scores:
    """The numbers "how good is it?" answers: accuracies (fractions) for classes, RMSE and R²
    for numbers; None where a value does not exist (no test part, the other kind of task)."""

    train_accuracy: float | None = None
    test_accuracy: float | None = None
    train_rmse: float | None = None
    test_rmse: float | None = None
    train_r2: float | None = None
    test_r2: float | None = None


def summarize(predictions: RowPredictions, data) -> Scores:
    """The scores of ``predictions`` on both parts of ``data``: what the trainer's
    ``evaluate`` reports for the same network."""
    train, test = np.asarray(data.train_index), np.asarray(data.test_index)
    if data.is_classification:
        def accuracy(rows, y):
            return float(np.mean(predictions.classes[rows] == y)) if len(rows) else None

        return Scores(train_accuracy=accuracy(train, data.y_train), test_accuracy=accuracy(test, data.y_test))
    k = predictions.values.shape[1]
    train_rmse, train_r2 = regression_scores(predictions.values[train], data.targets("train", k))
    test_rmse, test_r2 = regression_scores(predictions.values[test], data.targets("test", k))
    return Scores(train_rmse=train_rmse, test_rmse=test_rmse, train_r2=train_r2, test_r2=test_r2)
