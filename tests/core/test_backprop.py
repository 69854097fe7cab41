"""The readable backpropagation (``Network.backprop``) against the fast path and against
finite differences, for every activation and loss the engine allows."""

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from nnsim.core import Network
from nnsim.core.activations import ACTIVATIONS, OUTPUT_ONLY

HIDDEN = tuple(a for a in ACTIVATIONS if a not in OUTPUT_ONLY)  # step, sigmoid, tanh, relu, linear
# (output activation, loss) pairs the engine accepts: squared error after any activation,
# cross-entropy after probabilities only.
OUTPUT_LOSSES = tuple((out, "mse") for out in ACTIVATIONS) + (("softmax", "cross_entropy"),
                                                              ("sigmoid", "cross_entropy"))
SAME = dict(rtol=1e-12, atol=1e-12)


def _targets(rng, n, k, output, loss):
    """Targets the loss is meant for: one-hot rows for softmax cross-entropy, values in [0, 1]
    for sigmoid cross-entropy, any numbers for squared error."""
    if loss == "cross_entropy" and output == "softmax":
        return np.eye(k)[rng.integers(0, k, size=n)]
    if loss == "cross_entropy":
        return rng.uniform(0.0, 1.0, size=(n, k))
    return rng.normal(size=(n, k))


@st.composite
def problems(draw, hidden_choices=HIDDEN, output_losses=OUTPUT_LOSSES):
    """A random network (0-3 hidden layers of 1-5 nodes, random parameters), batch and targets."""
    n_hidden = draw(st.integers(0, 3))
    sizes = [draw(st.integers(1, 5)) for _ in range(n_hidden + 2)]
    hidden = [draw(st.sampled_from(hidden_choices)) for _ in range(n_hidden)]
    output, loss = draw(st.sampled_from(output_losses))
    threshold = draw(st.floats(-1.0, 1.0, allow_nan=False))
    n = draw(st.integers(1, 8))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    net = Network(sizes, hidden + [output], seed=0, threshold=threshold)
    net.params[:] = rng.normal(size=net.n_params) * draw(st.floats(0.2, 1.5))
    X = rng.normal(size=(n, sizes[0])) * draw(st.floats(0.2, 2.0))
    return net, X, _targets(rng, n, sizes[-1], output, loss), loss


def _flat(dW, db):
    return np.concatenate([np.concatenate([w.ravel(), b]) for w, b in zip(dW, db)])


@settings(max_examples=300, deadline=None)
@given(problems())
def test_backprop_equals_the_fast_path(problem):
    net, X, Y, loss = problem
    value, dW, db = net.backprop(X, Y, loss)
    fast_value, fast_dW, fast_db = net.loss_and_gradients(X, Y, loss)
    assert value == pytest.approx(fast_value, rel=1e-12, abs=1e-12)
    for l in range(net.n_layers):
        assert dW[l].shape == net.weights[l].shape and db[l].shape == net.biases[l].shape
        np.testing.assert_allclose(dW[l], fast_dW[l], **SAME)
        np.testing.assert_allclose(db[l], fast_db[l], **SAME)


@pytest.mark.parametrize("threshold", [-0.7, 0.0, 0.5, 1.3])
@pytest.mark.parametrize("output", ["step", "sigmoid", "linear"])
def test_step_layers_train_through_the_same_surrogate_in_both(threshold, output):
    rng = np.random.default_rng(3)
    net = Network([3, 6, 5, 2], ["step", "tanh", output], seed=1, threshold=threshold)
    X = rng.normal(size=(9, 3))
    Y = rng.normal(size=(9, 2))
    value, dW, db = net.backprop(X, Y, "mse")
    fast_value, fast_dW, fast_db = net.loss_and_gradients(X, Y, "mse")
    assert value == pytest.approx(fast_value, rel=1e-12, abs=1e-12)
    np.testing.assert_allclose(_flat(dW, db), _flat(fast_dW, fast_db), **SAME)
    assert np.any(_flat(dW, db)[: 3 * 6] != 0.0)  # the surrogate lets the error through the step


def _relu_away_from_its_kink(net, X):
    """True when no ReLU node sits within 1e-4 of z = 0, where its slope jumps."""
    zs = net.trace(X).zs
    return all(np.min(np.abs(z)) > 1e-4 for z, name in zip(zs, net.activations) if name == "relu")


@settings(max_examples=150, deadline=None)
@given(problems(hidden_choices=tuple(a for a in HIDDEN if a != "step"),
                output_losses=tuple(p for p in OUTPUT_LOSSES if p[0] != "step")))
def test_backprop_agrees_with_central_finite_differences(numeric_gradient, problem):
    # The step is left out: its true slope is 0, and training uses a surrogate on purpose.
    net, X, Y, loss = problem
    assume(_relu_away_from_its_kink(net, X))
    value, dW, db = net.backprop(X, Y, loss)
    numeric = numeric_gradient(lambda: net.loss(X, Y, loss), net.params)
    np.testing.assert_allclose(_flat(dW, db), numeric, rtol=1e-5, atol=1e-7)
    assert value == pytest.approx(net.loss(X, Y, loss), rel=1e-12)


def _iris_like():
    rng = np.random.default_rng(0)
    net = Network([4, 8, 8, 3], ["tanh", "tanh", "softmax"], seed=0)
    X = rng.normal(size=(5, 4))
    Y = np.eye(3)[[0, 1, 2, 1, 0]]
    return net, X, Y


def test_the_record_holds_every_layer_for_every_example():
    net, X, Y = _iris_like()
    X0, Y0, params0 = X.copy(), Y.copy(), net.params.copy()
    record = net.backprop_trace(X, Y, "cross_entropy")
    assert np.array_equal(X, X0) and np.array_equal(Y, Y0) and np.array_equal(net.params, params0)

    assert [a.shape for a in record.activations] == [(5, 4), (5, 8), (5, 8), (5, 3)]
    assert [z.shape for z in record.zs] == [(5, 8), (5, 8), (5, 3)]
    assert [d.shape for d in record.deltas] == [(5, 8), (5, 8), (5, 3)]
    np.testing.assert_array_equal(record.activations[0], X)
    for l in range(3):
        np.testing.assert_allclose(record.zs[l], record.activations[l] @ net.weights[l] + net.biases[l], rtol=1e-14)
    # Softmax with cross-entropy: delta at the output = output - target, example by example.
    np.testing.assert_allclose(record.deltas[-1], net.forward(X) - Y, rtol=1e-14, atol=1e-15)
    # One layer down: delta = (delta above · Wᵀ) ⊙ tanh'(z) = ... ⊙ (1 - a²).
    a2 = record.activations[2]
    np.testing.assert_allclose(record.deltas[1], (record.deltas[2] @ net.weights[2].T) * (1 - a2 * a2),
                               rtol=1e-14, atol=1e-16)
    assert record.loss == pytest.approx(-np.mean(np.sum(Y * np.log(net.forward(X)), axis=1)), rel=1e-12)


def test_one_examples_gradient_is_x_times_delta_and_the_batch_takes_their_mean():
    net, X, Y = _iris_like()
    record = net.backprop_trace(X, Y, "cross_entropy")
    for l in range(net.n_layers):
        per_example = [record.example_gradients(l, i) for i in range(X.shape[0])]
        dW_1, db_1 = per_example[1]
        # weights[l][i, j]: dL/dw = x_i · delta_j for this example alone.
        assert dW_1[2 % dW_1.shape[0], 1] == pytest.approx(
            record.activations[l][1, 2 % dW_1.shape[0]] * record.deltas[l][1, 1], rel=1e-14)
        np.testing.assert_array_equal(db_1, record.deltas[l][1])
        np.testing.assert_allclose(np.mean([g for g, _ in per_example], axis=0), record.dW[l], rtol=1e-13, atol=1e-16)
        np.testing.assert_allclose(np.mean([g for _, g in per_example], axis=0), record.db[l], rtol=1e-13, atol=1e-16)
    # The record's arrays are its own: changing one leaves the next record alone.
    record.deltas[0][...] = 0.0
    assert np.any(net.backprop_trace(X, Y, "cross_entropy").deltas[0] != 0.0)


def test_squared_error_delta_is_the_error_times_the_slope():
    net = Network([2, 3, 2], ["relu", "sigmoid"], seed=4)
    X = np.array([[0.5, -1.0], [2.0, 0.3]])
    Y = np.array([[1.0, 0.0], [0.0, 1.0]])
    record = net.backprop_trace(X, Y, "mse")
    a = record.activations[-1]
    np.testing.assert_allclose(record.deltas[-1], (a - Y) * a * (1 - a), rtol=1e-14)
    assert record.loss == pytest.approx(np.sum((a - Y) ** 2) / 2 / 2, rel=1e-14)


def test_backprop_refuses_what_the_fast_path_refuses():
    net = Network([2, 3, 1], ["tanh", "linear"], seed=0)
    with pytest.raises(ValueError, match="cross_entropy needs a softmax or sigmoid"):
        net.backprop(np.zeros((2, 2)), np.zeros((2, 1)), "cross_entropy")
    with pytest.raises(ValueError, match="unknown loss"):
        net.backprop(np.zeros((2, 2)), np.zeros((2, 1)), "hinge")
    with pytest.raises(ValueError, match="targets must have shape"):
        net.backprop(np.zeros((2, 2)), np.zeros((3, 1)), "mse")
