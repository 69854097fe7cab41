"""Flat parameter addresses agree with the network's own weight and bias views."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from nnsim.core import Network
from nnsim.core.addresses import bias_index, parameter_at, weight_index

sizes = st.lists(st.integers(1, 6), min_size=2, max_size=5)


@given(sizes)
def test_every_index_names_the_value_the_views_show(layer_sizes):
    net = Network(layer_sizes, seed=0)
    net.params[...] = np.arange(net.n_params)  # each parameter's value is its own index
    seen = []
    for l in range(net.n_layers):
        for i in range(layer_sizes[l]):
            for j in range(layer_sizes[l + 1]):
                k = weight_index(layer_sizes, l, i, j)
                assert net.weights[l][i, j] == k and parameter_at(layer_sizes, k) == ("weight", l, i, j)
                seen.append(k)
        for j in range(layer_sizes[l + 1]):
            k = bias_index(layer_sizes, l, j)
            assert net.biases[l][j] == k and parameter_at(layer_sizes, k) == ("bias", l, j)
            seen.append(k)
    assert sorted(seen) == list(range(net.n_params))  # one address each, none shared


@pytest.mark.parametrize("call", [
    lambda: weight_index([4, 8, 3], 2, 0, 0), lambda: weight_index([4, 8, 3], 0, 4, 0),
    lambda: weight_index([4, 8, 3], 0, 0, 8), lambda: bias_index([4, 8, 3], 1, 3),
    lambda: bias_index([4, 8, 3], -1, 0), lambda: parameter_at([4, 8, 3], 4 * 8 + 8 + 8 * 3 + 3),
    lambda: parameter_at([4, 8, 3], -1), lambda: weight_index([4, 8, 3], 0, 2**40, 0),
])
def test_an_address_outside_the_network_is_refused(call):
    with pytest.raises(IndexError):
        call()
