"""The session's snapshots carry every row's prediction, from the same evaluation as their
metrics: the engine's answers, in the data table's row order."""

from __future__ import annotations

import numpy as np

from nnsim.core import load_dataset
from nnsim.core.scores import summarize
from nnsim.core.training_data import default_network, prepare_data
from nnsim.training.session import TrainingSession


def stepped(name, test_fraction=0.3):
    data = prepare_data(load_dataset(name), test_fraction=test_fraction)
    session = TrainingSession(clock=lambda: 0.0)
    session.load(default_network(data, seed=0), data)
    return session, data, session.step_epoch().snapshot


def test_a_step_snapshot_carries_the_engines_answer_for_every_row():
    session, data, snap = stepped("iris")
    net = session.network
    X = data.transform(data.dataset.X)
    preds = snap.predictions
    assert np.array_equal(preds.classes, net.predict_classes(X))
    out = net.forward(X)
    assert np.allclose(preds.probability, out[np.arange(len(X)), preds.classes], rtol=0, atol=1e-15)
    assert not preds.classes.flags.writeable and not preds.probability.flags.writeable
    scores = summarize(preds, data)
    assert (scores.train_accuracy, scores.test_accuracy) == (snap.metrics.train_accuracy, snap.metrics.test_accuracy)


def test_regression_snapshots_carry_the_predicted_values_and_rmse():
    session, data, snap = stepped("curve")
    net = session.network
    assert snap.predictions.classes is None
    assert np.allclose(snap.predictions.values, net.forward(data.transform(data.dataset.X)), rtol=0, atol=1e-15)
    scores = summarize(snap.predictions, data)
    assert scores.train_rmse == snap.metrics.train_rmse and scores.test_r2 == snap.metrics.test_r2


def test_without_a_test_part_every_row_is_predicted_too():
    session, data, snap = stepped("xor", test_fraction=0)
    assert snap.predictions.n_rows == data.dataset.n_samples
    assert summarize(snap.predictions, data).test_accuracy is None and snap.metrics.test_accuracy is None
