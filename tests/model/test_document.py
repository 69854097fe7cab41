"""The document's helpers for views: following parameter changes, and ending with the view."""

import shiboken6
from PySide6.QtCore import QObject

from nnsim.core import Network
from nnsim.model.document import NetworkDocument, follow_parameters


def _document():
    return NetworkDocument(Network([2, 2, 1], ["tanh", "sigmoid"], seed=0))


def test_follow_parameters_refreshes_at_once_when_paused(qtbot):
    doc, owner, calls = _document(), QObject(), []
    follow_parameters(doc, owner, lambda: calls.append(doc.network.weights[0][0, 0]))
    doc.set_weight(0, 0, 0, 0.5)
    assert calls == [0.5]


def test_follow_parameters_makes_one_refresh_of_several_live_snapshots(qtbot):
    doc, owner, calls = _document(), QObject(), []
    follow_parameters(doc, owner, lambda: calls.append(float(doc.network.params[0])))
    for value in (0.1, 0.2, 0.3):
        params = doc.network.params.copy()
        params[:] = value
        doc.apply_parameters(params, live=True)
    assert calls == []  # not in the same pass as the graph
    qtbot.waitUntil(lambda: calls == [0.3], timeout=1000)


def test_follow_parameters_ends_with_its_owner(qtbot):
    doc, owner, calls = _document(), QObject(), []
    follow_parameters(doc, owner, lambda: calls.append(1))
    shiboken6.delete(owner)
    with qtbot.capture_exceptions() as exceptions:
        doc.set_weight(0, 0, 0, 0.5)
        params = doc.network.params.copy()
        doc.apply_parameters(params, live=True)
        qtbot.wait(20)
    assert exceptions == []
    assert calls == []
