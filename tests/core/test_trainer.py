"""The trainer: it learns (Iris, XOR), is reproducible, survives divergence, takes new
settings mid-run, and leaves its inputs alone."""

import dataclasses

import numpy as np
import pytest

from nnsim.core import Dataset, Network, load_dataset
from nnsim.core.trainer import Metrics, Trainer, TrainingSettings
from nnsim.core.training_data import default_network, prepare_data


@pytest.fixture(scope="module")
def iris():
    return load_dataset("iris")


@pytest.mark.parametrize("split_seed", [0, 1])
def test_iris_four_layer_network_reaches_95_percent_on_the_test_split(iris, split_seed):
    # The app's own defaults: its split (seed 0; stratified, 30% test), its 4-8-8-3
    # tanh/softmax network and its training settings (SGD, rate 0.1, batches of 10), with a
    # fixed, seeded budget of 100 epochs (~0.05 s). 95% of 45 test flowers means 43. The
    # seed-0 test part holds two of Iris's overlapping versicolor/virginica flowers (rows 70
    # and 133) that logistic regression and an RBF SVM miss as well: 43/45 is its ceiling.
    data = prepare_data(iris, test_fraction=0.3, seed=split_seed)
    assert data.X_test.shape[0] == 45
    trainer = Trainer(default_network(data), data, TrainingSettings())
    assert trainer.network.layer_sizes == [4, 8, 8, 3]
    assert trainer.network.activations == ["tanh", "tanh", "softmax"]
    first = trainer.evaluate()
    metrics = trainer.step(100)
    assert metrics.epoch == 100
    assert metrics.train_loss < 0.25 * first.train_loss
    assert metrics.test_accuracy >= 0.95
    assert metrics.train_accuracy >= 0.95
    assert metrics.diverged is None


def _xor_data():
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    ds = Dataset(X, np.array([0, 1, 1, 0]), ["a", "b"], ["false", "true"], "xor")
    return prepare_data(ds, test_fraction=0, standardize=False)


@pytest.mark.parametrize("optimizer,lr", [("sgd", 1.0), ("momentum", 0.2), ("adam", 0.05)])
def test_xor_is_learned_by_a_2_4_1_network(optimizer, lr):
    data = _xor_data()
    net = Network([2, 4, 1], ["tanh", "sigmoid"], seed=0)
    trainer = Trainer(net, data, TrainingSettings(learning_rate=lr, batch_size=4, optimizer=optimizer))
    metrics = trainer.step(300)
    assert metrics.train_accuracy == 1.0
    assert metrics.test_accuracy is None and metrics.test_loss is None
    assert np.array_equal(trainer.network.predict_classes(data.X_train), [0, 1, 1, 0])


def _trained_params(data, seed, epochs=7, optimizer="adam"):
    trainer = Trainer(default_network(data, seed=0), data,
                      TrainingSettings(learning_rate=0.01, optimizer=optimizer, batch_size=8, seed=seed))
    trainer.train_epochs(epochs)
    return trainer.network.params.copy()


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
def test_same_seed_gives_bit_identical_parameters(iris, optimizer):
    data = prepare_data(iris)
    a = _trained_params(data, seed=5, optimizer=optimizer)
    b = _trained_params(data, seed=5, optimizer=optimizer)
    c = _trained_params(data, seed=6, optimizer=optimizer)
    assert np.array_equal(a, b)
    assert not np.array_equal(a, c)  # another shuffling order


def test_train_epochs_then_step_equals_step_in_one_go(iris):
    data = prepare_data(iris)
    settings = TrainingSettings(learning_rate=0.05, optimizer="momentum", batch_size=16)
    a = Trainer(default_network(data), data, settings)
    a.train_epochs(3)
    a.step(2)
    b = Trainer(default_network(data), data, settings)
    b.step(5)
    assert a.epoch == b.epoch == 5
    assert np.array_equal(a.network.params, b.network.params)


def test_loss_goes_down_and_metrics_are_consistent(iris):
    data = prepare_data(iris)
    trainer = Trainer(default_network(data), data, TrainingSettings(learning_rate=0.1))
    first = trainer.train_epochs(1)
    later = trainer.train_epochs(30)
    assert np.isfinite(first) and later < first
    m = trainer.evaluate()
    assert isinstance(m, Metrics) and m.epoch == 31
    assert m.train_loss == pytest.approx(trainer.network.loss(data.X_train, data.targets("train"), "cross_entropy"))
    expected = np.mean(trainer.network.predict_classes(data.X_test) == data.y_test)
    assert m.test_accuracy == pytest.approx(expected)


def _regression():
    return prepare_data(load_dataset("plane"))


def test_regression_metrics_have_no_accuracy():
    data = _regression()
    trainer = Trainer(default_network(data), data, TrainingSettings(learning_rate=0.05))
    assert trainer.loss == "mse"
    m = trainer.step(20)
    assert m.train_accuracy is None and m.test_accuracy is None
    assert m.test_loss < 0.2


def test_divergence_stops_reports_and_keeps_the_last_finite_parameters():
    data = _regression()
    settings = TrainingSettings(learning_rate=5.0, batch_size=10, seed=0)
    trainer = Trainer(default_network(data), data, settings)
    metrics = trainer.step(1000)

    assert trainer.diverged is not None
    assert metrics.diverged == trainer.diverged
    bad_epoch = trainer.epoch + 1
    assert trainer.diverged.startswith(f"Training diverged at epoch {bad_epoch}: the loss")
    assert "The last good weights were kept" in trainer.diverged
    assert "Try a smaller learning rate (now 5)" in trainer.diverged
    assert np.all(np.isfinite(trainer.network.params))
    assert metrics.epoch == trainer.epoch < 1000

    # The same run, an epoch at a time, up to the last finite epoch: the very same parameters.
    reference = Trainer(default_network(data), data, settings)
    for _ in range(trainer.epoch):
        reference.train_epochs(1)
    assert reference.diverged is None
    assert np.array_equal(reference.network.params, trainer.network.params)

    # Stopped: nothing more happens until the settings change.
    assert np.isnan(trainer.train_epochs(5))
    assert trainer.epoch == bad_epoch - 1
    trainer.update_settings(learning_rate=0.01)
    assert trainer.diverged is None
    assert np.isfinite(trainer.train_epochs(5))
    assert trainer.epoch == bad_epoch + 4


def test_update_settings_changes_the_learning_rate_without_a_reset(iris):
    data = prepare_data(iris)
    trainer = Trainer(default_network(data), data, TrainingSettings(learning_rate=0.01, optimizer="adam"))
    trainer.train_epochs(5)
    optimizer = trainer._optimizer
    m_before = optimizer.m.copy()
    steps = optimizer.t
    trainer.update_settings(learning_rate=0.001)
    assert trainer.epoch == 5
    assert trainer.settings.learning_rate == 0.001
    assert trainer._optimizer is optimizer and optimizer.learning_rate == 0.001
    assert np.array_equal(optimizer.m, m_before) and optimizer.t == steps  # moments kept

    # Continuing with the new rate equals a run that changed it at the same point.
    trainer.train_epochs(3)
    twin = Trainer(default_network(data), data, TrainingSettings(learning_rate=0.01, optimizer="adam"))
    twin.train_epochs(5)
    twin._optimizer.learning_rate = 0.001
    twin.settings = dataclasses.replace(twin.settings, learning_rate=0.001)
    twin.train_epochs(3)
    assert np.array_equal(trainer.network.params, twin.network.params)
    assert trainer.epoch == 8


def test_switching_optimizer_starts_fresh_moments_and_keeps_the_epoch(iris):
    data = prepare_data(iris)
    trainer = Trainer(default_network(data), data, TrainingSettings(optimizer="adam", learning_rate=0.01))
    trainer.train_epochs(3)
    trainer.update_settings(optimizer="momentum", momentum=0.5)
    assert trainer._optimizer.name == "momentum" and trainer._optimizer.momentum == 0.5
    assert np.all(trainer._optimizer.velocity == 0)
    trainer.update_settings(optimizer="adam")
    assert trainer._optimizer.t == 0 and np.all(trainer._optimizer.m == 0)
    assert trainer.epoch == 3


def test_other_settings_change_mid_run(iris):
    data = prepare_data(iris)
    trainer = Trainer(default_network(data), data, TrainingSettings())
    trainer.train_epochs(2)
    trainer.update_settings(batch_size=32, regularization="l2", reg_rate=0.01, loss="cross_entropy")
    assert trainer._regularization.active and trainer._regularization.rate == 0.01
    assert np.isfinite(trainer.train_epochs(2)) and trainer.epoch == 4
    trainer.update_settings(batch_size=1000)  # larger than the set: one full batch
    assert np.isfinite(trainer.train_epochs(2)) and trainer.epoch == 6
    with pytest.raises(ValueError, match="learning_rate"):
        trainer.update_settings(learning_rate=-1.0)
    assert trainer.settings.learning_rate == 0.1
    with pytest.raises(ValueError, match="cross_entropy needs a softmax or sigmoid"):
        Trainer(default_network(_regression()), _regression(), TrainingSettings(loss="cross_entropy"))


def test_l2_regularization_keeps_weights_smaller(iris):
    data = prepare_data(iris)
    plain = Trainer(default_network(data), data, TrainingSettings(learning_rate=0.1))
    decayed = Trainer(default_network(data), data,
                      TrainingSettings(learning_rate=0.1, regularization="l2", reg_rate=0.05))
    plain.train_epochs(50)
    decayed.train_epochs(50)
    norm = lambda t: sum(float(np.sum(W * W)) for W in t.network.weights)
    assert norm(decayed) < 0.7 * norm(plain)


def test_the_engine_does_not_modify_its_inputs(iris):
    iris_X = iris.X.copy()
    for batch_size in (10, 1000):  # mini-batches, and the full-batch path that uses X itself
        data = prepare_data(iris)
        X_train, X_test, y_train = data.X_train.copy(), data.X_test.copy(), data.y_train.copy()
        trainer = Trainer(default_network(data), data, TrainingSettings(batch_size=batch_size))
        trainer.step(3)
        assert np.array_equal(data.X_train, X_train)
        assert np.array_equal(data.X_test, X_test)
        assert np.array_equal(data.y_train, y_train)
    assert np.array_equal(iris.X, iris_X)


def test_replace_network_keeps_epoch_and_settings(iris):
    data = prepare_data(iris)
    trainer = Trainer(default_network(data), data, TrainingSettings(optimizer="adam", learning_rate=0.01))
    trainer.train_epochs(4)
    bigger = trainer.network.add_neuron(1)
    trainer.replace_network(bigger)
    assert trainer.network is bigger and trainer.epoch == 4
    assert np.isfinite(trainer.train_epochs(2)) and trainer.epoch == 6
    trainer.reset()
    assert trainer.epoch == 0


def test_a_network_that_does_not_fit_the_data_is_refused(iris):
    data = prepare_data(iris)
    with pytest.raises(ValueError, match="takes 2 inputs but the data has 4"):
        Trainer(Network([2, 3]), data)
    with pytest.raises(ValueError, match="2 output"):
        Trainer(Network([4, 2]), data)


def test_a_single_sigmoid_output_learns_two_classes():
    data = prepare_data(load_dataset("gaussians"))
    net = Network([2, 4, 1], ["tanh", "sigmoid"], seed=0)
    metrics = Trainer(net, data, TrainingSettings(learning_rate=0.1)).step(30)
    assert metrics.test_accuracy >= 0.9


@pytest.mark.parametrize(
    "changes,message",
    [
        ({"learning_rate": 0}, "learning_rate must be in"),
        ({"learning_rate": float("nan")}, "learning_rate must be in"),
        ({"learning_rate": "fast"}, "learning_rate must be a number"),
        ({"batch_size": 0}, "batch_size must be a whole number >= 1"),
        ({"batch_size": 2.5}, "batch_size must be a whole number"),
        ({"optimizer": "rmsprop"}, "optimizer must be one of sgd, momentum, adam"),
        ({"momentum": 1.0}, "momentum must be in"),
        ({"loss": "hinge"}, "loss must be one of auto, mse, cross_entropy"),
        ({"regularization": "l3"}, "regularization must be one of none, l1, l2"),
        ({"reg_rate": -0.1}, "reg_rate must be in"),
        ({"seed": -1}, "seed must be a whole number >= 0"),
        ({"seed": True}, "seed must be a whole number"),
    ],
)
def test_bad_settings_are_refused_with_a_message(changes, message):
    with pytest.raises(ValueError, match=message):
        TrainingSettings(**changes)


def test_settings_round_trip_through_a_dict():
    s = TrainingSettings(learning_rate=0.2, batch_size=7, optimizer="adam", regularization="l1", seed=3)
    assert TrainingSettings.from_dict(s.to_dict()) == s
    with pytest.raises(ValueError, match="unknown training setting 'learning_rte'"):
        TrainingSettings.from_dict({"learning_rte": 0.1})
