"""Undo commands for every edit the user makes to the network.

- ``SetParameterCommand``: one weight or bias, by its flat index. Commands that belong to the same *gesture*
  (one slider drag) merge into one undo step through ``QUndoCommand.mergeWith``.
- ``ReplaceNetworkCommand``: a structural edit (neuron, layer, activation, threshold). It
  stores independent copies of the network before and after, and of the selection, so undo
  puts back exactly what was there, weights included.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

PARAMETER_COMMAND_ID = 0x6E6E  # "nn"


class SetParameterCommand(QUndoCommand):
    """Set the parameter at flat ``index`` of ``document.network.params`` (a weight or a bias:
    ``nnsim.core.addresses``), the one address every layer uses for it."""

    def __init__(self, document, index: int, new: float, gesture=None, text: str = ""):
        super().__init__(text)
        self.document = document
        self.index = int(index)
        self.old = float(document.network.params[self.index])
        self.new = float(new)
        self.gesture = gesture

    def redo(self) -> None:
        self.document.set_parameter(self.index, self.new)

    def undo(self) -> None:
        self.document.set_parameter(self.index, self.old)

    def id(self) -> int:  # noqa: A003 - Qt's name
        return PARAMETER_COMMAND_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, SetParameterCommand):
            return False
        if self.gesture is None or other.gesture != self.gesture or other.index != self.index:
            return False
        self.new = other.new
        return True


class ReplaceNetworkCommand(QUndoCommand):
    """A structural edit: the document's network goes from ``before`` to ``after``."""

    def __init__(self, document, before, after, selection=None, selection_after=None, text: str = ""):
        super().__init__(text)
        self.document = document
        self.before = before.copy()
        self.after = after.copy()
        self.selection = selection
        self.selection_before = selection.state() if selection is not None else None
        self.selection_after = selection_after

    def _apply(self, network, state) -> None:
        self.document.replace_network(network.copy())
        if self.selection is not None and state is not None:
            self.selection.restore(state, self.document.network.layer_sizes)

    def redo(self) -> None:
        self._apply(self.after, self.selection_after)

    def undo(self) -> None:
        self._apply(self.before, self.selection_before)
