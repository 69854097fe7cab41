"""The scores "how good is it?" shows: RMSE and R² against a direct NumPy computation, every
row's prediction against the engine's own, confusion counts."""

from __future__ import annotations

import math
import os

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nnsim.core import Network, load_dataset
from nnsim.core.scores import confusion_counts, predict_rows, regression_scores, summarize
from nnsim.core.trainer import Trainer, TrainingSettings
from nnsim.core.training_data import default_network, prepare_data

EXAMPLES = int(os.environ.get("NNSIM_FUZZ_EXAMPLES", "100"))


def numpy_rmse_r2(out, y):
    rmse = np.sqrt(np.mean((out - y) ** 2))
    r2 = np.mean(1 - ((y - out) ** 2).sum(axis=0) / ((y - y.mean(axis=0)) ** 2).sum(axis=0))
    return rmse, r2


def test_regression_scores_equal_numpy():
    rng = np.random.default_rng(3)
    y = rng.normal(size=(40, 2)) * [1.0, 50.0]
    out = y + rng.normal(size=(40, 2))
    rmse, r2 = regression_scores(out, y)
    want_rmse, want_r2 = numpy_rmse_r2(out, y)
    assert math.isclose(rmse, want_rmse, rel_tol=1e-12)
    assert math.isclose(r2, want_r2, rel_tol=1e-12)


def test_regression_scores_edge_cases():
    assert regression_scores(np.zeros((0, 1)), np.zeros((0, 1))) == (None, None)
    # one example: the RMSE exists, R² does not (nothing to explain)
    assert regression_scores([[3.0]], [[1.0]]) == (2.0, None)
    # errors of 1e200 do not overflow to infinity
    rmse, r2 = regression_scores([[1e200], [-1e200]], [[0.0], [1.0]])
    assert math.isclose(rmse, 1e200, rel_tol=1e-12) and r2 == -math.inf
    rmse, r2 = regression_scores([[1e150], [-1e150]], [[0.0], [1.0]])
    assert math.isclose(rmse, 1e150, rel_tol=1e-12) and math.isclose(r2, 1 - 2e300 / 0.5, rel_tol=1e-12)
    assert math.isnan(regression_scores([[np.nan], [0.0]], [[0.0], [1.0]])[0])


finite = st.floats(min_value=-1e300, max_value=1e300, allow_nan=False)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(finite, finite), min_size=2, max_size=20))
def test_regression_scores_are_finite_for_every_finite_input(pairs):
    out = np.array([[p[0]] for p in pairs])
    y = np.array([[p[1]] for p in pairs])
    rmse, r2 = regression_scores(out, y)
    assert math.isfinite(rmse) and rmse >= 0
    assert r2 is None or r2 <= 1.0 + 1e-12


def test_metrics_carry_rmse_and_r2_equal_numpy():
    data = prepare_data(load_dataset("curve"))
    trainer = Trainer(default_network(data, seed=1), data, TrainingSettings(learning_rate=0.05))
    m = trainer.step(3)
    net = trainer.network
    for X, part, rmse, r2 in ((data.X_train, "train", m.train_rmse, m.train_r2),
                              (data.X_test, "test", m.test_rmse, m.test_r2)):
        want_rmse, want_r2 = numpy_rmse_r2(net.forward(X), data.targets(part))
        assert math.isclose(rmse, want_rmse, rel_tol=1e-9)
        assert math.isclose(r2, want_r2, rel_tol=1e-9)
    assert m.train_accuracy is None


def test_classification_metrics_have_no_rmse():
    data = prepare_data(load_dataset("iris"))
    m = Trainer(default_network(data), data).step(1)
    assert (m.train_rmse, m.test_rmse, m.train_r2, m.test_r2) == (None, None, None, None)


def test_every_row_prediction_is_the_engines_and_summarize_equals_evaluate():
    data = prepare_data(load_dataset("iris"))
    trainer = Trainer(default_network(data, seed=2), data)
    metrics = trainer.step(5)
    preds = predict_rows(trainer.network, data)
    all_X = data.transform(data.dataset.X)
    out = trainer.network.forward(all_X)
    assert np.array_equal(preds.classes, trainer.network.predict_classes(all_X))
    assert np.allclose(preds.probability, out[np.arange(150), preds.classes], rtol=1e-12)
    scores = summarize(preds, data)
    assert scores.train_accuracy == metrics.train_accuracy
    assert scores.test_accuracy == metrics.test_accuracy


def test_one_sigmoid_output_gives_the_probability_of_its_answer():
    data = prepare_data(load_dataset("xor"))
    net = Network([2, 4, 1], ["tanh", "sigmoid"], seed=0)
    preds = predict_rows(net, data)
    p = net.forward(data.transform(data.dataset.X))[:, 0]
    assert np.array_equal(preds.classes, (p > 0.5).astype(int))
    assert np.allclose(preds.probability, np.where(p > 0.5, p, 1 - p))


def test_confusion_counts():
    counts = confusion_counts([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 0, 2], 3)
    assert counts.tolist() == [[1, 1, 0], [0, 1, 0], [1, 0, 2]]
