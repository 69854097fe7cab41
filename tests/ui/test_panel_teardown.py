"""A panel that is closed and deleted stops following the document: later edits reach
the views still open and raise nothing."""

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QDoubleSpinBox

from nnsim.core import Network
from nnsim.model.document import NetworkDocument
from nnsim.model.structure import NetworkEditor
from nnsim.ui.panels.neuron_panel import NeuronPanel
from nnsim.ui.panels.parameter_panel import ParameterPanel


def _document_and_editor():
    doc = NetworkDocument(Network([2, 3, 1], ["tanh", "sigmoid"], seed=0))
    editor = NetworkEditor(doc)
    editor.selection.select_node(1, 0)
    return doc, editor


def _delete_later(widget) -> None:
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)


@pytest.mark.parametrize("panel_class", [ParameterPanel, NeuronPanel])
@pytest.mark.parametrize("delete", [shiboken6.delete, _delete_later], ids=["delete", "deleteLater"])
def test_deleted_panel_stops_following_parameters(qtbot, panel_class, delete):
    doc, editor = _document_and_editor()
    gone = panel_class(doc, editor)
    kept = ParameterPanel(doc, editor)
    qtbot.addWidget(kept)
    delete(gone)
    assert not shiboken6.isValid(gone)
    with qtbot.capture_exceptions() as exceptions:
        doc.set_weight(0, 1, 0, 0.75)  # at once (paused)
        params = doc.network.params.copy()
        params[:] = -0.25
        doc.apply_parameters(params, live=True)  # a training snapshot: one pass later
        qtbot.wait(20)
    assert exceptions == []
    spin = kept.findChild(QDoubleSpinBox, "weightSpin_0_1_0")
    assert spin.value() == -0.25  # the panel still open followed both
