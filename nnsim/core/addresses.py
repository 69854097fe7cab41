"""One address for every parameter: its flat index into ``Network.params``.

A network keeps all its weights and biases in one flat buffer, layer after layer: first
``weights[0]`` row by row (``layer_sizes[0] * layer_sizes[1]`` values), then ``biases[0]``,
then ``weights[1]``, ``biases[1]``, and so on (``Network.views``). Undo, the document's edit
signal, the training session's edit command and the patching of snapshots all name a
parameter by this index, so a bias can never be confused with a weight of another node.
"""

from __future__ import annotations


def _layer_offsets(layer_sizes) -> list[int]:
    """Where each layer's weights start in the flat buffer (and, last, its total size)."""
    offsets, offset = [], 0
    for n_in, n_out in zip(layer_sizes[:-1], layer_sizes[1:]):
        offsets.append(offset)
        offset += n_in * n_out + n_out
    offsets.append(offset)
    return offsets


def _check(name: str, value: int, size: int) -> int:
    value = int(value)
    if not 0 <= value < size:
        raise IndexError(f"{name} {value} is outside 0..{size - 1}")
    return value


def weight_index(layer_sizes, l: int, i: int, j: int) -> int:
    """The flat index of ``weights[l][i, j]`` (node ``i`` of layer ``l`` to node ``j`` of
    layer ``l + 1``)."""
    sizes = [int(s) for s in layer_sizes]
    l = _check("layer", l, len(sizes) - 1)
    i = _check("node", i, sizes[l])
    j = _check("node", j, sizes[l + 1])
    return _layer_offsets(sizes)[l] + i * sizes[l + 1] + j


def bias_index(layer_sizes, l: int, j: int) -> int:
    """The flat index of ``biases[l][j]`` (the bias of node ``j`` of layer ``l + 1``)."""
    sizes = [int(s) for s in layer_sizes]
    l = _check("layer", l, len(sizes) - 1)
    j = _check("node", j, sizes[l + 1])
    return _layer_offsets(sizes)[l] + sizes[l] * sizes[l + 1] + j


def parameter_at(layer_sizes, index: int) -> tuple:
    """What sits at flat ``index``: ``("weight", l, i, j)`` or ``("bias", l, j)``."""
    sizes = [int(s) for s in layer_sizes]
    offsets = _layer_offsets(sizes)
    index = _check("parameter index", index, offsets[-1])
    for l in range(len(sizes) - 1):
        if index < offsets[l + 1]:
            within = index - offsets[l]
            n_weights = sizes[l] * sizes[l + 1]
            if within < n_weights:
                i, j = divmod(within, sizes[l + 1])
                return ("weight", l, i, j)
            return ("bias", l, within - n_weights)
    raise AssertionError("unreachable: the index was checked against the total")
