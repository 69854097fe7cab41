"""Issue 13's worker sequences, played on the real window: a refused set-up leaves the
training thread paused on what it had, says why, and nothing raises in either thread."""

import numpy as np
from PySide6.QtWidgets import QComboBox

from nnsim.core.addresses import weight_index


def choose(window, combo_name, key):
    combo = window.findChild(QComboBox, combo_name)
    index = combo.findData(key)
    assert index >= 0, key
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def pause(qtbot, training):
    with qtbot.waitSignal(training.snapshotApplied, timeout=3000, check_params_cb=lambda s: s.kind == "paused"):
        training.pause()


def train_a_little(qtbot, training):
    with qtbot.waitSignal(training.snapshotApplied, timeout=3000, check_params_cb=lambda s: s.kind == "training"):
        training.start()


def test_a_refused_set_up_leaves_the_thread_paused_on_what_it_had(qtbot, window):
    training, panel = window.training, window.training_panel
    with qtbot.capture_exceptions() as exceptions:
        train_a_little(qtbot, training)
        pause(qtbot, training)
        trained = training.session_state().network.params.copy()
        choose(window, "lossCombo", "cross_entropy")
        choose(window, "datasetCombo", "curve")  # one input, a linear output: no cross-entropy
        window.editor.add_neuron(1)
        with qtbot.waitSignal(training.error, timeout=3000):
            panel.trainButton.click()
        assert not training.is_running and panel.trainButton.text() == "Train"
        assert panel.statusLabel.text() == (
            "Training paused: cross_entropy needs a softmax or sigmoid output layer "
            "(the output layer is 'linear'); use mse instead")
        session = training.session_state()
        assert not session.running
        assert session.network.layer_sizes == [4, 8, 8, 3]  # the refused network never got in
        assert np.array_equal(session.network.params, trained)
        # Train again, and move a weight the refused network has and the old one lacks
        with qtbot.waitSignal(training.error, timeout=3000):
            panel.trainButton.click()
        sizes = window.network.layer_sizes
        window.document.set_weight(0, 0, 8, 0.5)
        assert window.network.params[weight_index(sizes, 0, 0, 8)] == 0.5
        qtbot.wait(50)  # let queued commands run in the training process
        assert not training.session_state().running
        # with a loss that fits, the same window trains the network it shows
        choose(window, "lossCombo", "auto")
        train_a_little(qtbot, training)
        pause(qtbot, training)
        session = training.session_state()
        assert session.network.layer_sizes == window.network.layer_sizes == sizes
        assert np.array_equal(session.network.params, window.network.params)
    assert exceptions == []


def test_a_loss_that_no_longer_fits_the_output_is_refused_whole(qtbot, window):
    training, panel = window.training, window.training_panel
    with qtbot.capture_exceptions() as exceptions:
        choose(window, "lossCombo", "cross_entropy")
        train_a_little(qtbot, training)
        pause(qtbot, training)
        kept = training.session_state().network.params.copy()
        window.editor.set_activation(3, "tanh")  # the output can no longer take cross-entropy
        for _ in range(2):
            with qtbot.waitSignal(training.error, timeout=3000):
                panel.trainButton.click()
            assert not training.is_running
        with qtbot.waitSignal(training.error, timeout=3000):
            training.step()  # a step in that state is refused too, not half-done
        session = training.session_state()
        assert session.network.activations == ["tanh", "tanh", "softmax"]
        assert np.array_equal(session.network.params, kept) and session.epoch == training.epoch
    assert exceptions == []


def test_regression_with_no_test_part_trains(qtbot, window):
    training, panel = window.training, window.training_panel
    choose(window, "datasetCombo", "curve")
    panel.testSplitSpin.setValue(0)
    panel.resetButton.click()
    assert len(window.document.data.test_index) == 0
    with qtbot.waitSignal(training.snapshotApplied, timeout=3000, check_params_cb=lambda s: s.kind == "step"):
        training.step()
    assert training.epoch == 1 and training.latest_snapshot.metrics.test_loss is None
