"""What the user has selected in the network: one node, and maybe one of its incoming weights.

Selecting an edge (weight ``weights[l][i, j]``) also selects the node it feeds (node ``j``
of layer ``l + 1``), so the parameter panel shows that node's sliders with the edge's row
highlighted. Layers are numbered as in ``Network.layer_sizes``: 0 is the input layer.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal


def node_name(document, layer: int, index: int) -> str:
    """The name a person reads for a node: a feature, a class, or h<layer>.<node> (1-based)."""
    sizes = document.network.layer_sizes
    if layer == 0:
        return document.input_names()[index]
    if layer == len(sizes) - 1:
        return document.output_names()[index]
    return f"h{layer}.{index + 1}"


def layer_title(layer: int, n_layers_total: int) -> str:
    """"Input", "Hidden 2", "Output": a layer's name, translated."""
    if layer == 0:
        return QCoreApplication.translate("Network", "Input")
    if layer == n_layers_total - 1:
        return QCoreApplication.translate("Network", "Output")
    return QCoreApplication.translate("Network", "Hidden %1").replace("%1", str(layer))


#: the activation functions as a person reads them (the engine's names are the keys); marked
#: here so lupdate finds them, translated in ``activation_title``
ACTIVATION_TITLES = {
    "step": QT_TRANSLATE_NOOP("Network", "step"),
    "sigmoid": QT_TRANSLATE_NOOP("Network", "sigmoid"),
    "tanh": QT_TRANSLATE_NOOP("Network", "tanh"),
    "relu": QT_TRANSLATE_NOOP("Network", "relu"),
    "linear": QT_TRANSLATE_NOOP("Network", "linear"),
    "softmax": QT_TRANSLATE_NOOP("Network", "softmax"),
}


def activation_title(name: str) -> str:
    """An activation's name in the interface's language ("step" is "escalón" in Spanish)."""
    source = ACTIVATION_TITLES.get(name)
    return QCoreApplication.translate("Network", source) if source else name


class SelectionModel(QObject):
    #: the selected node or edge changed
    changed = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._node: tuple[int, int] | None = None
        self._edge: tuple[int, int, int] | None = None

    @property
    def node(self) -> tuple[int, int] | None:
        """(layer, index) of the selected node, or None."""
        return self._node

    @property
    def edge(self) -> tuple[int, int, int] | None:
        """(l, i, j) of the selected weight ``weights[l][i, j]``, or None."""
        return self._edge

    @property
    def layer(self) -> int | None:
        return None if self._node is None else self._node[0]

    def select_node(self, layer: int, index: int) -> None:
        new = (int(layer), int(index))
        if new == self._node and self._edge is None:
            return
        self._node, self._edge = new, None
        self.changed.emit()

    def select_edge(self, l: int, i: int, j: int) -> None:
        edge = (int(l), int(i), int(j))
        if edge == self._edge:
            return
        self._node, self._edge = (edge[0] + 1, edge[2]), edge
        self.changed.emit()

    def clear(self) -> None:
        if self._node is None and self._edge is None:
            return
        self._node = self._edge = None
        self.changed.emit()

    def state(self):
        return (self._node, self._edge)

    def restore(self, state, layer_sizes) -> None:
        """Go back to a ``state()`` (after undo/redo), if it still fits ``layer_sizes``."""
        node, edge = state
        self._node, self._edge = node, edge
        self.validate(layer_sizes, force_signal=True)

    def validate(self, layer_sizes, force_signal: bool = False) -> None:
        """Keep the selection inside the network after a structural change."""
        before = (self._node, self._edge)
        if self._edge is not None:
            l, i, j = self._edge
            if not (l + 1 < len(layer_sizes) and i < layer_sizes[l] and j < layer_sizes[l + 1]):
                self._edge = None
        if self._node is not None:
            layer, index = self._node
            layer = min(layer, len(layer_sizes) - 1)
            index = min(index, layer_sizes[layer] - 1)
            self._node = (layer, index)
            if self._edge is not None and (self._edge[0] + 1, self._edge[2]) != self._node:
                self._edge = None
        if force_signal or before != (self._node, self._edge):
            self.changed.emit()
