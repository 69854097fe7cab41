"""The network's maths: forward pass, gradients against finite differences, files, edits."""

import json

import numpy as np
import pytest

from nnsim.core import Network
from nnsim.core import activations as act

HIDDEN = ["sigmoid", "tanh", "relu", "linear"]


def _data(net, n=7, seed=1, kind="one_hot"):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, net.layer_sizes[0]))
    k = net.layer_sizes[-1]
    if kind == "one_hot":
        Y = np.eye(k)[rng.integers(0, k, size=n)]
    elif kind == "binary":
        Y = rng.integers(0, 2, size=(n, k)).astype(float)
    else:
        Y = rng.normal(size=(n, k))
    return X, Y


def _check_gradients(net, X, Y, loss, numeric_gradient):
    # Nonzero biases keep every z away from ReLU's kink at exactly 0, where a finite
    # difference averages two one-sided slopes.
    for b in net.biases:
        b[...] = np.random.default_rng(4).uniform(0.05, 0.3, size=b.shape)
    value, dW, db = net.loss_and_gradients(X, Y, loss)
    analytic = np.concatenate([np.concatenate([w.ravel(), b]) for w, b in zip(dW, db)])
    numeric = numeric_gradient(lambda: net.loss(X, Y, loss), net.params)
    np.testing.assert_allclose(analytic, numeric, rtol=1e-5, atol=1e-7)
    assert value == pytest.approx(net.loss(X, Y, loss))


@pytest.mark.parametrize("hidden", HIDDEN)
@pytest.mark.parametrize("sizes", [[3, 4, 2], [2, 5, 3, 4], [4, 8, 8, 3], [1, 1]])
def test_gradients_softmax_cross_entropy(hidden, sizes, numeric_gradient):
    acts = [hidden] * (len(sizes) - 2) + ["softmax"]
    net = Network(sizes, acts, seed=3)
    X, Y = _data(net)
    _check_gradients(net, X, Y, "cross_entropy", numeric_gradient)


@pytest.mark.parametrize("output", ["sigmoid", "tanh", "relu", "linear", "softmax"])
@pytest.mark.parametrize("hidden", HIDDEN)
def test_gradients_mse(hidden, output, numeric_gradient):
    net = Network([3, 5, 4, 2], [hidden, hidden, output], seed=5)
    X, Y = _data(net, kind="regression")
    _check_gradients(net, X, Y, "mse", numeric_gradient)


@pytest.mark.parametrize("n_out", [1, 3])
def test_gradients_binary_cross_entropy(n_out, numeric_gradient):
    net = Network([2, 4, n_out], ["tanh", "sigmoid"], seed=6)
    X, Y = _data(net, kind="binary")
    _check_gradients(net, X, Y, "cross_entropy", numeric_gradient)


@pytest.mark.parametrize("threshold", [0.5, -0.2])
def test_step_trains_through_a_sigmoid_surrogate(threshold):
    """A step layer's gradient is that of the same net with sigmoid(z - threshold) there."""
    net = Network([3, 4, 2], ["step", "sigmoid"], seed=7, threshold=threshold)
    X, Y = _data(net, kind="regression")
    value, dW, db = net.loss_and_gradients(X, Y, "mse")
    # The surrogate changes only the derivative: the forward pass keeps the hard 0/1 values,
    # and the chain rule uses sigmoid'(z - threshold) where the step's derivative would be.
    t = net.trace(X)
    assert set(np.unique(t.activations[1])) <= {0.0, 1.0}
    z1 = t.zs[0]
    s = 1 / (1 + np.exp(-(z1 - threshold)))
    out = t.output
    delta2 = (out - Y) / len(X) * out * (1 - out)
    delta1 = (delta2 @ net.weights[1].T) * s * (1 - s)
    np.testing.assert_allclose(dW[1], t.activations[1].T @ delta2, rtol=1e-10)
    np.testing.assert_allclose(dW[0], X.T @ delta1, rtol=1e-10)
    np.testing.assert_allclose(db[0], delta1.sum(0), rtol=1e-10)


def test_step_switches_on_past_the_threshold():
    """The source text's neuron: z = x·w + b, on when z > 0.5."""
    net = Network([2, 1], ["step"], seed=0)
    net.weights[0][...] = [[0.3], [0.2]]
    net.biases[0][...] = [0.0]
    x = np.array([[1.0, 1.0]])
    assert net.forward(x)[0, 0] == 0.0  # z = 0.5: not past the threshold
    net.weights[0][1, 0] = 0.4
    assert net.forward(x)[0, 0] == 1.0  # z = 0.7 > 0.5


def test_forward_matches_the_formula_and_leaves_inputs_alone():
    net = Network([4, 8, 8, 3], activations=["tanh", "tanh", "softmax"], seed=0)
    X = np.random.default_rng(0).normal(size=(10, 4))
    X0 = X.copy()
    p0 = net.params.copy()
    h1 = np.tanh(X @ net.weights[0] + net.biases[0])
    h2 = np.tanh(h1 @ net.weights[1] + net.biases[1])
    z = h2 @ net.weights[2] + net.biases[2]
    expected = np.exp(z) / np.exp(z).sum(1, keepdims=True)
    np.testing.assert_allclose(net.forward(X), expected, rtol=1e-12)
    np.testing.assert_allclose(net.trace(X).output, expected, rtol=1e-12)
    np.testing.assert_allclose(net.forward(X, dtype=np.float32), expected, rtol=1e-4, atol=1e-6)
    Y = np.eye(3)[[0, 1, 2, 0, 1, 2, 0, 1, 2, 0]]
    Y0 = Y.copy()
    net.loss_and_gradients(X, Y)
    assert np.array_equal(X, X0) and np.array_equal(Y, Y0) and np.array_equal(net.params, p0)


def test_weights_are_views_of_the_flat_buffer():
    net = Network([4, 8, 8, 3], seed=0)
    assert net.weights[0].shape == (4, 8) and net.biases[2].shape == (3,)
    net.weights[1][2, 3] = 7.0
    assert 7.0 in net.params
    net.weights[0] = np.ones((4, 8))  # assignment copies into the buffer
    assert np.array_equal(net.weights[0], np.ones((4, 8))) and net.params[:32].sum() == 32
    with pytest.raises(ValueError):
        net.weights[0] = np.ones((3, 3))


def test_cross_entropy_is_stable_for_huge_logits():
    net = Network([1, 3], ["softmax"], seed=0)
    net.weights[0][...] = [[1e4, -1e4, 0.0]]
    loss, dW, db = net.loss_and_gradients([[1.0]], [[0, 1, 0]])
    assert np.isfinite(loss) and loss == pytest.approx(2e4)
    assert all(np.all(np.isfinite(g)) for g in dW + db)
    bnet = Network([1, 1], ["sigmoid"], seed=0)
    bnet.weights[0][...] = [[1e4]]
    loss, _, _ = bnet.loss_and_gradients([[1.0]], [[0.0]])
    assert loss == pytest.approx(1e4)


def test_bad_configurations_are_refused():
    with pytest.raises(ValueError, match="output layer only"):
        Network([2, 3, 2], ["softmax", "softmax"])
    with pytest.raises(ValueError, match="unknown activation"):
        Network([2, 2], ["swish"])
    with pytest.raises(ValueError, match="at least one node"):
        Network([2, 0, 2])
    with pytest.raises(ValueError, match="cross_entropy needs"):
        Network([2, 2], ["linear"]).loss_and_gradients([[1, 2]], [[0, 1]], "cross_entropy")
    with pytest.raises(ValueError, match="inputs per sample"):
        Network([2, 2]).forward([[1, 2, 3]])


def test_dict_round_trip_is_exact_through_json():
    net = Network([4, 8, 8, 3], ["relu", "step", "softmax"], seed=11, threshold=0.3)
    net.params[...] += np.random.default_rng(2).normal(size=net.n_params) * 1e-3
    back = Network.from_dict(json.loads(json.dumps(net.to_dict())))
    assert back == net
    assert back.threshold == 0.3 and back.activations == net.activations
    for w, w2 in zip(net.weights, back.weights):
        assert np.array_equal(w, w2)


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda d: d.pop("weights"), "no 'weights'"),
        (lambda d: d.__setitem__("layer_sizes", [4, "8", 3]), "whole numbers"),
        (lambda d: d["weights"].pop(), "must hold 2 layers"),
        (lambda d: d["weights"][0].pop(), "shape"),
        (lambda d: d["biases"][1].__setitem__(0, "x"), "not all numbers"),
        (lambda d: d["biases"][1].__setitem__(0, float("nan")), "NaN"),
        (lambda d: d.__setitem__("activations", ["tanh", "magic"]), "unknown activation"),
    ],
)
def test_from_dict_explains_what_is_wrong(change, message):
    d = Network([4, 5, 3], seed=0).to_dict()
    change(d)
    with pytest.raises(ValueError, match=message):
        Network.from_dict(d)


def _assert_kept(old, new, layer_map, node_maps):
    """Every weight whose two nodes survive as neighbours has its old value."""
    for k in range(new.n_layers):
        src, dst = layer_map[k], layer_map[k + 1]
        if src is None or dst is None or dst != src + 1:
            continue
        for i, oi in enumerate(node_maps[k]):
            for j, oj in enumerate(node_maps[k + 1]):
                if oi >= 0 and oj >= 0:
                    assert new.weights[k][i, j] == old.weights[src][oi, oj]


def test_add_and_remove_neuron_keep_the_other_weights():
    net = Network([4, 8, 8, 3], seed=0)
    grown = net.add_neuron(1, index=2)
    assert grown.layer_sizes == [4, 9, 8, 3] and net.layer_sizes == [4, 8, 8, 3]
    nodes1 = [0, 1, -1, 2, 3, 4, 5, 6, 7]
    _assert_kept(net, grown, [0, 1, 2, 3], [list(range(4)), nodes1, list(range(8)), list(range(3))])
    assert np.array_equal(grown.biases[0][[0, 1, 3]], net.biases[0][[0, 1, 2]])
    assert np.any(grown.weights[0][:, 2] != 0)  # the new node got random weights
    shrunk = net.remove_neuron(2, 0)
    assert shrunk.layer_sizes == [4, 8, 7, 3]
    _assert_kept(net, shrunk, [0, 1, 2, 3], [list(range(4)), list(range(8)), list(range(1, 8)), list(range(3))])
    with pytest.raises(ValueError, match="not a hidden layer"):
        net.add_neuron(0)
    with pytest.raises(ValueError, match="at least one node"):
        Network([2, 1, 2]).remove_neuron(1, 0)


def test_insert_and_remove_layer_keep_the_other_weights():
    net = Network([4, 8, 8, 3], ["relu", "tanh", "softmax"], seed=0)
    deeper = net.insert_layer(2, 5, "sigmoid")
    assert deeper.layer_sizes == [4, 8, 5, 8, 3]
    assert deeper.activations == ["relu", "sigmoid", "tanh", "softmax"]
    assert np.array_equal(deeper.weights[0], net.weights[0])
    assert np.array_equal(deeper.weights[3], net.weights[2])
    assert np.array_equal(deeper.biases[2], net.biases[1])
    shallower = net.remove_layer(1)
    assert shallower.layer_sizes == [4, 8, 3] and shallower.activations == ["tanh", "softmax"]
    assert np.array_equal(shallower.weights[1], net.weights[2])


def test_resizing_input_and_output():
    net = Network([4, 6, 3], seed=0)
    wide = net.resize_input(6)
    assert wide.layer_sizes == [6, 6, 3]
    assert np.array_equal(wide.weights[0][:4], net.weights[0])
    narrow = net.resize_output(2)
    assert narrow.layer_sizes == [4, 6, 2]
    assert np.array_equal(narrow.weights[1], net.weights[1][:, :2])
    single = net.resize_output(1)
    assert single.activations[-1] == "sigmoid"


def test_edits_are_reproducible_from_the_seed():
    a = Network([2, 3, 1], seed=42).add_neuron(1)
    b = Network([2, 3, 1], seed=42).add_neuron(1)
    assert a == b
    assert Network([2, 3, 1], seed=1) != Network([2, 3, 1], seed=2)
