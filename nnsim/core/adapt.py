"""Fit the network the class is looking at to a new data set, keeping what still has a place.

When the teacher switches from Iris (4 inputs, 3 species) to XOR (2 inputs, 2 classes), the
hidden layers they built stay as they are: only the input layer and the output layer change
size. Every weight whose two nodes still exist keeps its value; the new ones are drawn at
random from the network's own seeded generator (see ``Network.resize_input``). The output
activation follows the task: softmax over k > 1 classes, sigmoid for a single class output
(a step output is kept: it is the source text's neuron), linear for regression.

Pure NumPy, no Qt.
"""

from __future__ import annotations

from nnsim.core.network import Network
from nnsim.core.training_data import default_network


def output_activation(data, current: str | None = None) -> str:
    """The output layer's activation for ``data`` (a TrainingData), given the ``current`` one."""
    if not data.is_classification:
        return "linear"
    if data.n_outputs > 1:
        return "softmax"
    return current if current in ("sigmoid", "step") else "sigmoid"


def network_for_data(network: Network | None, data, seed: int = 0) -> Network:
    """A new network for ``data``: ``network`` resized at both ends, or a fresh default one.

    The default network (``default_network(data, seed)``) is used when there is no network,
    or when resizing this one is impossible. ``network`` itself is never modified.
    """
    if network is None:
        return _default_network(data, seed)
    try:
        net = network
        if net.layer_sizes[0] != data.n_inputs:
            net = net.resize_input(data.n_inputs)
        if net.layer_sizes[-1] != data.n_outputs:
            net = net.resize_output(data.n_outputs)
        wanted = output_activation(data, net.activations[-1])
        if net.activations[-1] != wanted:
            net = net.with_activation(net.n_layers, wanted)
    except ValueError:
        return _default_network(data, seed)
    return net.copy() if net is network else net


def _default_network(data, seed: int) -> Network:
    return default_network(data, seed=seed)

