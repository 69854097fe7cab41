"""Edits on their way to the training thread are patched into older snapshots, at their own
flat index (a bias edit once landed on the last bias of the layer instead)."""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from nnsim.core import Network
from nnsim.core.addresses import bias_index, weight_index
from nnsim.training.pending_edits import PendingEdits


def test_a_bias_edit_is_patched_into_an_older_snapshot_at_its_own_node():
    net = Network([4, 8, 8, 3], seed=0)
    edits = PendingEdits()
    serial = edits.add(bias_index(net.layer_sizes, 1, 0), -1.5)
    snapshot_params = net.params.copy()  # taken before the thread applied the edit
    patched = edits.patch(snapshot_params, applied_serial=serial - 1)
    weights, biases = net.views(patched)
    assert biases[1][0] == -1.5
    assert np.array_equal(np.delete(patched, bias_index(net.layer_sizes, 1, 0)),
                          np.delete(snapshot_params, bias_index(net.layer_sizes, 1, 0)))
    assert patched is not snapshot_params and snapshot_params[bias_index(net.layer_sizes, 1, 0)] != -1.5


def test_edits_the_thread_has_applied_are_forgotten():
    edits = PendingEdits()
    first = edits.add(3, 1.0)
    second = edits.add(5, 2.0)
    params = np.zeros(8)
    assert list(edits.patch(params, applied_serial=first)) == [0, 0, 0, 0, 0, 2.0, 0, 0]
    assert len(edits) == 1
    assert edits.patch(params, applied_serial=second) is params and len(edits) == 0


def test_the_newest_edit_of_a_parameter_wins_and_clear_forgets_all():
    edits = PendingEdits()
    edits.add(weight_index([2, 2], 0, 1, 1), 1.0)
    edits.add(weight_index([2, 2], 0, 1, 1), 7.0)
    assert edits.patch(np.zeros(6), 0)[3] == 7.0
    edits.clear()
    assert edits.patch(np.zeros(6), 0).tolist() == [0.0] * 6
    assert edits.add(0, 1.0) == 3  # serials keep growing after a clear


@given(st.lists(st.tuples(st.integers(0, 20), st.floats(allow_nan=False)), max_size=30), st.integers(0, 30))
def test_patching_equals_applying_the_unapplied_edits_in_order(changes, applied):
    edits = PendingEdits()
    serials = [edits.add(i, v) for i, v in changes]
    expected = np.zeros(21)
    for serial, (i, v) in zip(serials, changes):
        if serial > applied:
            expected[i] = v
    # (an edit the thread applied is in the snapshot already, which holds zeros here)
    assert np.array_equal(edits.patch(np.zeros(21), applied), expected)
