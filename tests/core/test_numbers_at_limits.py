"""Numbers at their limits (issue 13): standardizing features up to 1.7e308, divergence the
epoch loss cannot see, and data without a test part."""

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nnsim.core import DataError, Dataset, Network, Standardizer, load_dataset
from nnsim.core.datasets import dataset_names
from nnsim.core.trainer import LOSS_LIMIT, Trainer, TrainingSettings, _loss_bound, safe_magnitude
from nnsim.core.training_data import default_network, prepare_data

BIGGEST = np.finfo(np.float64).max  # 1.7976931348623157e308


def _regression_set(X, y, name="limits"):
    X = np.asarray(X, dtype=np.float64)
    X = X[:, None] if X.ndim == 1 else X
    return Dataset(X, np.asarray(y, dtype=np.float64), [f"x{i + 1}" for i in range(X.shape[1])], [],
                   name, "regression", ["y"])


# --------------------------------------------------------------------------- standardizing
def test_features_up_to_6e300_standardize_like_features_up_to_6():
    small = np.linspace(0.0, 6.0, 20)[:, None]
    huge = small * 1e300  # the standard deviation of this used to overflow: every value came out 0
    Z_small = Standardizer().fit_transform(small)
    Z_huge = Standardizer().fit_transform(huge)
    np.testing.assert_allclose(Z_huge, Z_small, rtol=1e-12, atol=1e-12)
    assert Z_huge[0, 0] == pytest.approx(-math.sqrt(3 * 19 / 21), rel=1e-12)  # (0 - 3) / std(0..6)
    assert Z_huge.mean() == pytest.approx(0.0, abs=1e-14) and Z_huge.std() == pytest.approx(1.0, rel=1e-14)


def test_a_mix_of_1e308_and_1_7e308_gives_plus_and_minus_one():
    X = np.array([[1e308, -BIGGEST], [1.7e308, BIGGEST], [1e308, -BIGGEST], [1.7e308, BIGGEST]])
    scaler = Standardizer().fit(X)
    np.testing.assert_array_equal(scaler.transform(X), [[-1, -1], [1, 1], [-1, -1], [1, 1]])
    np.testing.assert_allclose(scaler.mean, [1.35e308, 0.0], rtol=1e-15)
    np.testing.assert_allclose(scaler.std, [0.35e308, BIGGEST], rtol=1e-15)
    np.testing.assert_allclose(scaler.inverse_transform(scaler.transform(X)), X, rtol=1e-15)


def test_values_that_differ_only_in_their_last_digit_still_standardize():
    # The mean of 1 and 1 + 2^-52 lies between two floats; subtracting either one would give
    # (0, 2) or (-2, 0) instead of (-1, 1).
    one_up = np.nextafter(1.0, 2.0)
    X = np.array([[1.0], [one_up], [1.0], [one_up]])
    np.testing.assert_array_equal(Standardizer().fit_transform(X)[:, 0], [-1, 1, -1, 1])


def test_features_below_the_smallest_normal_float_standardize_too():
    # Below 2.2e-308 floats lose digits (5e-324 is the smallest); scaled by 2^1073 they are
    # ordinary numbers again, and 0, 5e-324 becomes -1, 1.
    X = np.array([[0.0, 1e-320], [5e-324, 1e-320], [0.0, 1e-320], [5e-324, 1e-320]])
    data = prepare_data(Dataset(X, np.array([0, 1, 0, 1]), ["tiny", "tiny constant"], ["a", "b"]),
                        test_fraction=0.0)
    np.testing.assert_array_equal(data.X_train, [[-1, 0], [1, 0], [-1, 0], [1, 0]])


def test_a_value_that_is_not_finite_is_refused_by_column():
    with pytest.raises(DataError, match="column 1 holds a value that is not a finite number"):
        Standardizer().fit([[np.inf], [1.0]])
    with pytest.raises(DataError, match="feature 'b' holds a value that is not a finite number"):
        Standardizer().fit([[0.0, np.nan]], names=["a", "b"])


def test_to_dict_round_trips_the_transform_of_large_values():
    X = np.array([[1e308, 3.0], [1.7e308, 4.0], [1.2e308, 8.0]])
    scaler = Standardizer().fit(X)
    again = Standardizer.from_dict(scaler.to_dict())
    np.testing.assert_array_equal(again.mean, scaler.mean)
    np.testing.assert_array_equal(again.std, scaler.std)
    # The fitted one also keeps what rounding the mean to a float lost (about 1e-16 of it),
    # which moves these values by about 2e-16: the saved mean and std give them to 1e-15.
    np.testing.assert_allclose(again.transform(X), scaler.transform(X), rtol=0, atol=1e-15)


_magnitude = st.one_of(
    st.just(0.0),
    st.floats(min_value=1e-300, max_value=BIGGEST),
    st.floats(min_value=5e-324, max_value=1e-300),  # down among the subnormals
    st.builds(lambda e, f: f * 10.0**e, st.integers(-300, 307), st.floats(1.0, 1.7976)),
)
_value = st.builds(lambda m, negative: -m if negative else m, _magnitude, st.booleans())


@st.composite
def _column(draw, n):
    kind = draw(st.sampled_from(["free", "constant", "last digits", "two values"]))
    if kind == "constant":
        return [draw(_value)] * n
    if kind == "last digits":  # a value and its neighbours a few floats up or down
        base = draw(_value)
        steps = draw(st.lists(st.integers(-3, 3), min_size=n, max_size=n))
        out = []
        for k in steps:
            v = base
            for _ in range(abs(k)):
                v = np.nextafter(v, math.copysign(BIGGEST, k))
            out.append(v)
        return out
    if kind == "two values":
        a, b = draw(_value), draw(_value)
        return [draw(st.sampled_from([a, b])) for _ in range(n)]
    return draw(st.lists(_value, min_size=n, max_size=n))


@st.composite
def _table(draw):
    n = draw(st.integers(1, 25))
    d = draw(st.integers(1, 4))
    return np.array([draw(_column(n)) for _ in range(d)], dtype=np.float64).T


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_table())
def test_every_finite_column_standardizes_to_finite_values_with_mean_0_and_std_1(X):
    scaler = Standardizer().fit(X)
    Z = scaler.transform(X)
    assert np.all(np.isfinite(Z))
    np.testing.assert_allclose(Z.mean(axis=0), 0.0, atol=1e-9)
    constant = np.all(X == X[0], axis=0)
    np.testing.assert_allclose(Z.std(axis=0), np.where(constant, 0.0, 1.0), atol=1e-9)
    # A raw sample on its own (as the what-if panel sends it) gets the training value.
    for i in range(X.shape[0]):
        np.testing.assert_array_equal(scaler.transform(X[i]), Z[i])
    assert np.all(np.isfinite(scaler.mean)) and np.all(np.isfinite(scaler.std)) and np.all(scaler.std >= 0)
    back = scaler.inverse_transform(Z)
    scale = np.abs(X).max(axis=0)
    assert np.all(np.abs(back - X) <= 1e-12 * scale)


# --------------------------------------------------------------------------- divergence
def _million_targets():
    """20 rows whose answer is 1e6: one step at rate 1e150 takes the weights to ~1e156."""
    return prepare_data(_regression_set(np.linspace(0.0, 1.0, 20), np.full(20, 1e6)), test_fraction=0.0)


def test_one_huge_step_with_finite_losses_is_still_divergence():
    data = _million_targets()
    net = Network([1, 1], ["linear"], seed=0)
    start = net.params.copy()
    trainer = Trainer(net, data, TrainingSettings(learning_rate=1e150, batch_size=20))
    metrics = trainer.step(1)
    # The epoch's one loss was measured before the update, at the starting weights: finite.
    # The weights after it (~1e156) have a loss of ~1e312: infinite.
    assert metrics.diverged == trainer.diverged
    assert trainer.diverged.startswith(
        "Training diverged at epoch 1: the weights grew so large that the loss can no longer be computed."
    )
    np.testing.assert_array_equal(trainer.network.params, start)  # the last good weights
    assert trainer.epoch == 0 and metrics.epoch == 0
    assert metrics.train_loss == pytest.approx(0.5 * np.mean((data.X_train @ start[:1] + start[1] - 1e6) ** 2))
    assert math.isfinite(metrics.train_loss)


def test_the_same_in_a_train_batches_call_that_stops_mid_epoch():
    data = _million_targets()
    net = Network([1, 1], ["linear"], seed=0)
    start = net.params.copy()
    trainer = Trainer(net, data, TrainingSettings(learning_rate=1e150, batch_size=5))
    run = trainer.train_batches(1)
    assert run.batches == 1 and run.epochs == ()
    assert trainer.diverged is not None and trainer.batch_position == 0
    np.testing.assert_array_equal(trainer.network.params, start)
    assert math.isfinite(trainer.evaluate().train_loss)


def test_after_divergence_a_smaller_rate_trains_on():
    data = _million_targets()
    trainer = Trainer(Network([1, 1], ["linear"], seed=0), data, TrainingSettings(learning_rate=1e150, batch_size=20))
    assert trainer.step(1).diverged is not None
    # What the training session does after reporting it: clear the flag, then a new rate.
    trainer.diverged = None
    trainer.update_settings(learning_rate=0.5)
    before = trainer.evaluate().train_loss
    metrics = trainer.step(50)
    assert metrics.diverged is None and trainer.epoch == 50
    assert math.isfinite(metrics.train_loss) and metrics.train_loss < 1e-6 * before  # y = 1e6 learned


def test_weights_edited_to_huge_values_are_divergence_for_evaluate_too():
    data = prepare_data(load_dataset("plane"))
    trainer = Trainer(default_network(data), data, TrainingSettings(learning_rate=0.05))
    trainer.step(3)
    good = trainer.network.params.copy()
    trainer.network.params[-1] = 1e200  # the output's bias, typed into a slider while paused
    metrics = trainer.evaluate()
    assert metrics.diverged is not None and "The last good weights were kept" in metrics.diverged
    np.testing.assert_array_equal(trainer.network.params, good)
    assert math.isfinite(metrics.train_loss)


def test_starting_weights_beyond_computing_are_reported_and_kept():
    data = prepare_data(load_dataset("plane"))
    net = default_network(data)
    net.params[:] = BIGGEST  # every weight 1.7e308: the very first pre-activation overflows
    trainer = Trainer(net, data, TrainingSettings())
    metrics = trainer.evaluate()
    assert metrics.train_loss == math.inf
    assert metrics.diverged.startswith("The loss of these weights is too large to compute")
    assert np.all(trainer.network.params == BIGGEST)
    trainer.diverged = None
    assert math.isnan(trainer.train_epochs(1)) and trainer.diverged is not None and trainer.epoch == 0
    assert np.all(trainer.network.params == BIGGEST)


def test_targets_too_large_for_a_squared_error_are_refused_by_name():
    data = prepare_data(_regression_set(np.arange(10.0), np.full(10, 1e200)), test_fraction=0.0)
    with pytest.raises(ValueError, match=r"the target 'y' reaches 1e\+200: its squared error is too large"):
        Trainer(Network([1, 1], ["linear"]), data)
    # 1e150 is still fine (its square, 1e300, is a float), and trains at a sane rate.
    data = prepare_data(_regression_set(np.arange(10.0), np.full(10, 1e150)), test_fraction=0.0)
    metrics = Trainer(Network([1, 1], ["linear"]), data, TrainingSettings(learning_rate=0.1)).step(5)
    assert metrics.diverged is None and math.isfinite(metrics.train_loss)


def test_cross_entropy_is_refused_for_targets_outside_0_to_1_and_auto_picks_mse():
    # softplus(z) - y·z for y = 1e300 falls without end: found by the fuzz test, where one
    # step took the loss from 0.69 to NaN while every weight stayed below the bound.
    data = prepare_data(_regression_set(np.arange(3.0), [1e300, -1e300, 0.0]), test_fraction=0.0)
    net = Network([1, 1], ["sigmoid"])
    with pytest.raises(ValueError, match=r"cross_entropy needs targets between 0 and 1 \(probabilities\), but "
                                         r"the target 'y' goes from -1e\+300 to 1e\+300; use mse instead"):
        Trainer(net.copy(), data, TrainingSettings(loss="cross_entropy"))
    with pytest.raises(ValueError, match="squared error is too large"):  # auto: mse, whose error overflows
        Trainer(net.copy(), data)
    data = prepare_data(_regression_set(np.arange(4.0), [0.0, 3.0, 1.0, 2.0]), test_fraction=0.0)
    assert Trainer(net.copy(), data).loss == "mse"
    data = prepare_data(_regression_set(np.arange(4.0), [0.0, 0.25, 1.0, 0.5]), test_fraction=0.0)
    assert Trainer(net.copy(), data).loss == "cross_entropy"  # probabilities: as before


def test_the_safe_magnitude_of_a_single_linear_neuron():
    # One input within ±2, squared error, target 0: loss <= (M·(2 + 1))² / 2 < 1e300
    # for M < sqrt(2e300) / 3 = 4.71e149; the largest power of two below that is 2^497.
    assert safe_magnitude([1, 1], ["linear"], 2.0, 0.0, "mse") == 2.0**497
    assert 2.0**497 < math.sqrt(2 * LOSS_LIMIT) / 3 < 2.0**498
    # tanh between: |z| <= M·(4·3 + 1), then M·(8·1 + 1) at the output; cross-entropy over
    # 3 outputs <= 3·(2·9M + 1) < 1e300 for M < 1.85e298, and 2^990 = 1.05e298.
    assert safe_magnitude([4, 8, 3], ["tanh", "softmax"], 3.0, 1.0, "cross_entropy") == 2.0**990


@pytest.mark.parametrize("sizes, activations, loss", [
    ([3, 5, 1], ["relu", "linear"], "mse"),
    ([2, 64, 64, 64, 2], ["linear", "relu", "linear", "softmax"], "cross_entropy"),
    ([4, 6, 2], ["tanh", "sigmoid"], "cross_entropy"),
    ([2, 7, 7, 3], ["step", "relu", "sigmoid"], "mse"),
])
def test_parameters_at_the_safe_magnitude_give_a_finite_loss_in_the_worst_case(sizes, activations, loss):
    # The worst case: every parameter +M and every input +x_max, so all the sums add up.
    x_max, y_max = 3.0, 1.0
    M = safe_magnitude(sizes, activations, x_max, y_max, loss)
    net = Network(sizes, activations)
    net.params[:] = M
    X = np.full((4, sizes[0]), x_max)
    Y = np.zeros((4, sizes[-1]))
    Y[:, 0] = y_max if loss == "mse" else 1.0
    value, _, _ = net.loss_and_gradients(X, -Y if loss == "mse" else Y, loss=loss)
    assert math.isfinite(value) and value < LOSS_LIMIT
    assert _loss_bound(M, sizes, activations, x_max, y_max, loss) < LOSS_LIMIT
    assert _loss_bound(2 * M, sizes, activations, x_max, y_max, loss) >= LOSS_LIMIT  # the largest


# --------------------------------------------------------------------------- an empty part
@pytest.mark.parametrize("name", dataset_names())
def test_every_data_set_trains_without_a_test_part(name):
    data = prepare_data(load_dataset(name), test_fraction=0.0)
    n_out = data.n_outputs
    assert data.targets("test", n_out).shape == (0, n_out)
    assert data.targets("train", n_out).shape == (data.dataset.n_samples, n_out)
    assert data.X_test.shape == (0, data.n_inputs)
    trainer = Trainer(default_network(data), data, TrainingSettings(learning_rate=0.05))
    metrics = trainer.step(2)
    assert metrics.epoch == 2 and metrics.diverged is None and math.isfinite(metrics.train_loss)
    assert metrics.test_loss is None and metrics.test_accuracy is None
    if data.is_classification:
        assert 0.0 <= metrics.train_accuracy <= 1.0
    else:
        assert metrics.train_accuracy is None


def test_an_empty_part_with_a_single_sigmoid_output():
    data = prepare_data(load_dataset("xor"), test_fraction=0.0)
    assert data.targets("test", 1).shape == (0, 1)
    net = Network([2, 4, 1], ["tanh", "sigmoid"], seed=0)
    assert Trainer(net, data).evaluate().test_loss is None
