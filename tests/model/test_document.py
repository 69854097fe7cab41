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


import math  # noqa: E402

import numpy as np  # noqa: E402
import pytest  # noqa: E402


@pytest.mark.parametrize("values", [[math.nan, 0.0], [0.0, math.inf], [-math.inf, 1.0], ["1e400", 0.0], [10**400, 0.0]])
def test_set_sample_refuses_values_that_are_not_finite(qtbot, values):
    doc = _document()
    doc.set_sample([0.5, -0.25])
    changes = []
    doc.sampleChanged.connect(lambda: changes.append("sample"))
    doc.parametersChanged.connect(lambda: changes.append("parameters"))
    with pytest.raises(ValueError) as refused:
        doc.set_sample(values)
    assert str(refused.value) == "a sample's values must be finite numbers (no NaN or infinity)"
    assert doc.sample.tolist() == [0.5, -0.25]
    assert changes == []


def test_set_sample_takes_finite_values_at_the_limits(qtbot):
    doc = _document()
    doc.set_sample([1.7976931348623157e308, 5e-324])
    np.testing.assert_array_equal(doc.sample, [1.7976931348623157e308, 5e-324])
    assert doc.sample_index == -1
