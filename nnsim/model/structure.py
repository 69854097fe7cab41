"""Every edit the user makes, as undoable commands on the document.

``NetworkEditor`` is the one place the views go through to change the network: the graph,
the sliders, the toolbar and the context menu all call it, and it pushes the matching
command onto its ``QUndoStack``. The structural edits themselves are the engine's
(``Network.add_neuron`` & co.: kept weights keep their values); the editor only chooses
where, enforces the classroom limits, and keeps a sensible node selected.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from nnsim.core.activations import ACTIVATIONS, OUTPUT_ONLY
from nnsim.core.addresses import bias_index, weight_index
from nnsim.model.messages import translate_message
from nnsim.model.selection import SelectionModel, activation_title
from nnsim.model.undo import ReplaceNetworkCommand, SetParameterCommand

#: the graph stays readable up to this many layers (input and output included) ...
MAX_LAYERS = 10
#: ... and this many nodes in a layer
MAX_NODES = 64

_gestures = itertools.count(1)


def new_gesture() -> int:
    """A token for one user gesture (a slider drag): its edits merge into one undo step."""
    return next(_gestures)


class NetworkEditor(QObject):
    #: an edit could not be made; the message says why (for the status bar)
    failed = Signal(str)

    def __init__(self, document, selection: SelectionModel | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.document = document
        self.selection = selection if selection is not None else SelectionModel(self)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("undoStack")
        document.structureChanged.connect(self._keep_selection_valid)
        # Another data set means other inputs and outputs: older steps no longer fit.
        document.dataChanged.connect(self.undo_stack.clear)

    @property
    def network(self):
        return self.document.network

    def _keep_selection_valid(self) -> None:
        self.selection.validate(self.document.network.layer_sizes)

    # ------------------------------------------------------------ parameters
    def set_weight(self, l: int, i: int, j: int, value: float, gesture=None) -> None:
        if float(self.network.weights[l][i, j]) == float(value):
            return
        text = self.tr("Change weight %1").replace("%1", f"w[{l}][{i},{j}]")
        index = weight_index(self.network.layer_sizes, l, i, j)
        self.undo_stack.push(SetParameterCommand(self.document, index, value, gesture, text))

    def set_bias(self, l: int, j: int, value: float, gesture=None) -> None:
        if float(self.network.biases[l][j]) == float(value):
            return
        text = self.tr("Change bias %1").replace("%1", f"b[{l}][{j}]")
        index = bias_index(self.network.layer_sizes, l, j)
        self.undo_stack.push(SetParameterCommand(self.document, index, value, gesture, text))

    # ------------------------------------------------------------ what can be done
    def is_hidden(self, layer) -> bool:
        return layer is not None and 1 <= layer < len(self.network.layer_sizes) - 1

    def can_add_neuron(self, layer) -> bool:
        return self.is_hidden(layer) and self.network.layer_sizes[layer] < MAX_NODES

    def can_remove_neuron(self, layer) -> bool:
        return self.is_hidden(layer) and self.network.layer_sizes[layer] > 1

    def can_add_layer(self) -> bool:
        return len(self.network.layer_sizes) < MAX_LAYERS

    def can_remove_layer(self, layer) -> bool:
        return self.is_hidden(layer)

    def activation_choices(self, layer) -> list[str]:
        """Activations layer ``layer`` may use (softmax only on an output of 2+ nodes)."""
        if layer is None or layer < 1:
            return []
        is_output = layer == len(self.network.layer_sizes) - 1
        return [
            name for name in ACTIVATIONS
            if name not in OUTPUT_ONLY or (is_output and self.network.layer_sizes[-1] > 1)
        ]

    # ------------------------------------------------------------ structure
    def _replace(self, after, text: str, selection_after) -> None:
        self.undo_stack.push(
            ReplaceNetworkCommand(self.document, self.network, after, self.selection, selection_after, text)
        )

    def _try(self, make):
        try:
            return make()
        except ValueError as error:
            self.failed.emit(translate_message(str(error)))
            return None

    def _layer_or_selected(self, layer):
        return self.selection.layer if layer is None else layer

    def add_neuron(self, layer=None, index=None) -> bool:
        """One more node in hidden ``layer`` (default: the selected one), after ``index``."""
        layer = self._layer_or_selected(layer)
        if not self.can_add_neuron(layer):
            self.failed.emit(self._why_not_neuron(layer, adding=True))
            return False
        at = self.network.layer_sizes[layer] if index is None else int(index) + 1
        after = self._try(lambda: self.network.add_neuron(layer, at))
        if after is None:
            return False
        self._replace(after, self.tr("Add neuron"), ((layer, at), None))
        return True

    def remove_neuron(self, layer=None, index=None) -> bool:
        """Remove node ``index`` (default: the selected one) of hidden ``layer``."""
        layer = self._layer_or_selected(layer)
        if index is None:
            node = self.selection.node
            index = node[1] if node is not None and node[0] == layer else (
                self.network.layer_sizes[layer] - 1 if self.is_hidden(layer) else 0)
        if not self.can_remove_neuron(layer):
            self.failed.emit(self._why_not_neuron(layer, adding=False))
            return False
        after = self._try(lambda: self.network.remove_neuron(layer, index))
        if after is None:
            return False
        self._replace(after, self.tr("Remove neuron"), ((layer, min(index, after.layer_sizes[layer] - 1)), None))
        return True

    def add_layer(self, after_layer=None, size=None, activation=None) -> bool:
        """A new hidden layer after ``after_layer`` (default: the selected layer; an output
        layer gets the new layer before it). Its size and activation follow its neighbour."""
        if not self.can_add_layer():
            self.failed.emit(self.tr("A network here has at most %1 layers.").replace("%1", str(MAX_LAYERS)))
            return False
        sizes = self.network.layer_sizes
        after_layer = self._layer_or_selected(after_layer)
        if after_layer is None:
            after_layer = len(sizes) - 2
        position = min(after_layer + 1, len(sizes) - 1)
        neighbour = position - 1 if position - 1 >= 1 else (position if position < len(sizes) - 1 else None)
        if size is None:
            size = sizes[neighbour] if neighbour is not None else 4
        if activation is None:
            activation = self.network.activations[neighbour - 1] if neighbour is not None else "tanh"
        after = self._try(lambda: self.network.insert_layer(position, int(size), activation))
        if after is None:
            return False
        self._replace(after, self.tr("Add hidden layer"), ((position, 0), None))
        return True

    def remove_layer(self, layer=None) -> bool:
        """Remove hidden ``layer`` (default: the selected one)."""
        layer = self._layer_or_selected(layer)
        if not self.can_remove_layer(layer):
            self.failed.emit(self.tr("Select a hidden layer to remove it: the input and output layers follow the data set."))
            return False
        after = self._try(lambda: self.network.remove_layer(layer))
        if after is None:
            return False
        new_layer = layer - 1 if layer - 1 >= 1 else min(layer, len(after.layer_sizes) - 1)
        self._replace(after, self.tr("Remove hidden layer"), ((new_layer, 0), None))
        return True

    def set_activation(self, layer, name: str) -> bool:
        if layer is None or layer < 1 or name == self.network.activations[layer - 1]:
            return False
        after = self._try(lambda: self.network.with_activation(layer, name))
        if after is None:
            return False
        self._replace(after, self.tr("Set activation to %1").replace("%1", activation_title(name)), self.selection.state())
        return True

    def set_threshold(self, threshold: float) -> bool:
        if float(threshold) == self.network.threshold:
            return False
        after = self._try(lambda: self.network.with_threshold(threshold))
        if after is None:
            return False
        self._replace(after, self.tr("Set step threshold"), self.selection.state())
        return True

    def _why_not_neuron(self, layer, adding: bool) -> str:
        if not self.is_hidden(layer):
            return self.tr("Select a node of a hidden layer: the input and output layers follow the data set.")
        if adding:
            return self.tr("A layer here has at most %1 nodes.").replace("%1", str(MAX_NODES))
        return self.tr("A hidden layer keeps at least one node; remove the layer instead.")
