"""Fitting the class's network to a new data set keeps every weight that still has a place."""

import numpy as np

from nnsim.core import load_dataset
from nnsim.core.adapt import network_for_data, output_activation
from nnsim.core.training_data import default_network, prepare_data


def data(name):
    return prepare_data(load_dataset(name))


def test_iris_to_xor_resizes_the_ends_and_keeps_the_rest():
    iris = default_network(data("iris"), seed=0)
    before = iris.copy()
    xor = network_for_data(iris, data("xor"))
    assert xor.layer_sizes == [2, 8, 8, 2]
    assert xor.activations == ["tanh", "tanh", "softmax"]
    np.testing.assert_array_equal(xor.weights[0], iris.weights[0][:2])  # inputs 1 and 2 kept
    np.testing.assert_array_equal(xor.biases[0], iris.biases[0])
    np.testing.assert_array_equal(xor.weights[1], iris.weights[1])  # hidden to hidden: all kept
    np.testing.assert_array_equal(xor.biases[1], iris.biases[1])
    np.testing.assert_array_equal(xor.weights[2], iris.weights[2][:, :2])  # first two outputs
    np.testing.assert_array_equal(xor.biases[2], iris.biases[2][:2])
    assert iris == before  # the original is untouched


def test_back_to_iris_gives_four_inputs_and_three_outputs():
    xor = network_for_data(default_network(data("iris")), data("xor"))
    iris = network_for_data(xor, data("iris"))
    assert iris.layer_sizes == [4, 8, 8, 3]
    assert iris.activations[-1] == "softmax"
    np.testing.assert_array_equal(iris.weights[1], xor.weights[1])


def test_regression_gets_a_linear_output():
    plane = network_for_data(default_network(data("iris")), data("plane"))
    assert plane.layer_sizes == [2, 8, 8, 1]
    assert plane.activations[-1] == "linear"
    spiral = network_for_data(plane, data("spiral"))
    assert spiral.layer_sizes[-1] == 2 and spiral.activations[-1] == "softmax"


def test_same_shape_gives_an_equal_copy():
    d = data("xor")
    net = default_network(d, seed=3)
    again = network_for_data(net, d)
    assert again == net and again is not net
    again.weights[0][0, 0] = 42.0
    assert net.weights[0][0, 0] != 42.0


def test_no_network_gives_the_default_one():
    d = data("circles")
    assert network_for_data(None, d) == default_network(d, seed=0)


def test_single_neuron_becomes_a_small_classifier():
    from nnsim.core import Network

    neuron = Network([2, 1], ["step"])
    net = network_for_data(neuron, data("iris"))
    assert net.layer_sizes == [4, 3] and net.activations == ["softmax"]
    np.testing.assert_array_equal(net.weights[0][:2, :1], neuron.weights[0])


def test_output_activation_rules():
    assert output_activation(data("iris")) == "softmax"
    assert output_activation(data("curve")) == "linear"
