"""The network's answer over the plane: grid layout, orientation, and known boundaries."""

import numpy as np
import pytest

from nnsim.core import Network, load_dataset
from nnsim.core.grid import (boundary_image, class_image, grid_points, held_inputs, neuron_images,
                             plane_extent)
from nnsim.core.training_data import prepare_data


def test_grid_points_are_cell_centres_row_by_row():
    pts = grid_points((0, 4), (10, 12), 4)
    assert pts.shape == (16, 2) and pts.dtype == np.float32
    np.testing.assert_allclose(pts[:4, 0], [0.5, 1.5, 2.5, 3.5])  # x along a row
    np.testing.assert_allclose(pts[:4, 1], 10.25)  # the first row is the bottom one
    np.testing.assert_allclose(pts[::4, 1], [10.25, 10.75, 11.25, 11.75])  # y grows row by row


@pytest.mark.parametrize("bad", [((1, 0), (0, 1), 5), ((0, 1), (0, np.inf), 5), ((0, 1), (0, 1), 0)])
def test_grid_points_rejects_bad_ranges(bad):
    with pytest.raises(ValueError):
        grid_points(*bad)


def split_on_x1() -> Network:
    """A hand-made 2-1 neuron, weights [1, 0]: on (class 1) exactly where x1 > 0."""
    net = Network([2, 1], ["sigmoid"], seed=0)
    net.weights[0] = [[1.0], [0.0]]
    net.biases[0] = [0.0]
    return net


def test_hand_made_neuron_splits_the_plane_at_x1_zero():
    image, extent = boundary_image(split_on_x1(), None, resolution=10, extent=(-1, 1, -1, 1))
    assert image.shape == (10, 10, 1) and image.dtype == np.float32
    assert extent == (-1.0, 1.0, -1.0, 1.0)
    classes = class_image(image)
    assert (classes[:, :5] == 0).all()  # left half: class 0
    assert (classes[:, 5:] == 1).all()  # right half: class 1


def test_rows_are_y_and_row_zero_is_the_bottom():
    net = Network([2, 2], ["softmax"], seed=0)
    net.weights[0] = [[0.0, 0.0], [-1.0, 1.0]]  # class 1 where x2 > 0
    net.biases[0] = [0.0, 0.0]
    image, _ = boundary_image(net, None, resolution=8, extent=(-2, 2, -2, 2))
    assert image.shape == (8, 8, 2)
    np.testing.assert_allclose(image.sum(axis=-1), 1.0, rtol=1e-6)
    classes = class_image(image)
    assert (classes[:4] == 0).all() and (classes[4:] == 1).all()


def xor_network() -> Network:
    """Hand-set XOR: signs of x1 and x2 (tanh), |s1 - s2| (two ReLUs), then a sigmoid."""
    net = Network([2, 2, 2, 1], ["tanh", "relu", "sigmoid"], seed=0)
    net.weights[0] = [[10.0, 0.0], [0.0, 10.0]]
    net.biases[0] = [0.0, 0.0]
    net.weights[1] = [[1.0, -1.0], [-1.0, 1.0]]
    net.biases[1] = [0.0, 0.0]
    net.weights[2] = [[5.0], [5.0]]
    net.biases[2] = [-5.0]
    return net


def test_hand_set_xor_network_classifies_the_four_corners():
    image, (x0, x1, y0, y1) = boundary_image(xor_network(), None, resolution=100, extent=(-2, 2, -2, 2))
    classes = class_image(image)

    def at(x, y):
        c = int((x - x0) / (x1 - x0) * 100)
        r = int((y - y0) / (y1 - y0) * 100)
        return classes[r, c]

    assert at(1, 1) == 0 and at(-1, -1) == 0
    assert at(1, -1) == 1 and at(-1, 1) == 1


def test_image_agrees_with_the_network_on_the_xor_data():
    data = prepare_data(load_dataset("xor"))
    net = xor_network()
    image, extent = boundary_image(net, data, resolution=100)
    x0, x1, y0, y1 = extent
    X = data.transform(data.dataset.X)
    # every example lies inside the picture, with some margin
    assert x0 < X[:, 0].min() and X[:, 0].max() < x1 and y0 < X[:, 1].min() and X[:, 1].max() < y1
    # the picture's cell centres are what the network says at those centres
    res = 100
    cols = ((X[:, 0] - x0) / (x1 - x0) * res).astype(int)
    rows = ((X[:, 1] - y0) / (y1 - y0) * res).astype(int)
    centres = np.column_stack([x0 + (cols + 0.5) * (x1 - x0) / res, y0 + (rows + 0.5) * (y1 - y0) / res])
    np.testing.assert_array_equal(class_image(image)[rows, cols], net.predict_classes(centres))
    # and the hand-set network gets the XOR data (nearly) right
    assert (net.predict_classes(X) == data.dataset.y).mean() > 0.95


def test_plane_extent_depends_on_the_data_only():
    data = prepare_data(load_dataset("circles"))
    assert plane_extent(data) == plane_extent(data)
    assert plane_extent(None) == (-2.0, 2.0, -2.0, 2.0)
    with pytest.raises(ValueError, match="two different inputs"):
        plane_extent(prepare_data(load_dataset("iris")), features=(0, 4))
    with pytest.raises(ValueError, match="two different inputs"):
        plane_extent(prepare_data(load_dataset("iris")), features=(2, 2))


def test_needs_a_network_with_two_inputs():
    with pytest.raises(ValueError, match="two inputs"):
        boundary_image(Network([1, 3]), None)


# ---------------------------------------------------------------- pictures of every neuron
def test_extent_fits_the_data_with_a_small_margin_and_equal_scale():
    data = prepare_data(load_dataset("spiral"))
    X = data.transform(data.dataset.X)
    x0, x1, y0, y1 = plane_extent(data)
    assert x1 - x0 == pytest.approx(y1 - y0)  # equal spans: a square picture, equal scale
    span = max(np.ptp(X[:, 0]), np.ptp(X[:, 1]))
    margin = max(0.08 * span, 0.25)
    # the wider side touches the data plus exactly the margin; nothing like -10..10
    assert x1 - x0 == pytest.approx(span + 2 * margin)
    assert x0 <= X[:, 0].min() - margin + 1e-9 and X[:, 0].max() + margin - 1e-9 <= x1
    assert y0 <= X[:, 1].min() - margin + 1e-9 and X[:, 1].max() + margin - 1e-9 <= y1
    assert (x1 - x0) < 1.5 * span


def test_each_neuron_picture_is_that_neurons_activation_over_the_grid():
    net = Network([2, 5, 4, 3], ["tanh", "relu", "softmax"], seed=3)
    extent = (-1.5, 2.0, -1.0, 2.5)
    layers, got_extent = neuron_images(net, None, 12, extent)
    assert got_extent == extent
    assert [im.shape for im in layers] == [(12, 12, 5), (12, 12, 4), (12, 12, 3)]
    assert all(im.dtype == np.float32 for im in layers)
    trace = net.trace(grid_points(extent[:2], extent[2:], 12))
    for l, im in enumerate(layers, start=1):
        for j in range(net.layer_sizes[l]):
            np.testing.assert_allclose(im[:, :, j], trace.activations[l][:, j].reshape(12, 12), atol=2e-6)
    # the last layer is the decision boundary's picture, bit for bit
    image, _ = boundary_image(net, None, 12, extent)
    np.testing.assert_array_equal(layers[-1], image)


def test_boundary_image_is_the_engine_forward_pass_on_its_grid():
    data = prepare_data(load_dataset("spiral"))
    net = Network([2, 16, 16, 2], ["tanh", "tanh", "softmax"], seed=1)
    image, extent = boundary_image(net, data, 20)
    expected = net.forward(grid_points(extent[:2], extent[2:], 20)).reshape(20, 20, 2)
    np.testing.assert_allclose(image, expected, atol=2e-6)


def test_more_inputs_hold_the_others_at_their_training_mean():
    data = prepare_data(load_dataset("iris"))
    net = Network([4, 6, 3], ["tanh", "softmax"], seed=0)
    held = held_inputs(data)
    np.testing.assert_allclose(held, np.asarray(data.X_train).mean(axis=0), atol=1e-6)
    layers, extent = neuron_images(net, data, 10, features=(2, 3))
    X = data.transform(data.dataset.X)
    assert extent[0] < X[:, 2].min() and X[:, 2].max() < extent[1]
    pts = grid_points(extent[:2], extent[2:], 10).astype(np.float64)
    inputs = np.repeat(held[None, :].astype(np.float64), 100, axis=0)
    inputs[:, 2], inputs[:, 3] = pts[:, 0], pts[:, 1]
    trace = net.trace(inputs)
    np.testing.assert_allclose(layers[0], trace.activations[1].reshape(10, 10, 6), atol=2e-6)
    image, _ = boundary_image(net, data, 10, features=(2, 3))
    np.testing.assert_allclose(image, trace.output.reshape(10, 10, 3), atol=2e-6)


@pytest.mark.parametrize("value", [1e308, -1e308, np.nan, 2.0**40])
def test_extreme_weights_give_a_picture_without_warnings(value):
    net = Network([2, 3, 1], ["tanh", "sigmoid"], seed=0)
    net.weights[0][0, 0] = value
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        layers, _ = neuron_images(net, None, 6)
    assert layers[-1].shape == (6, 6, 1)
