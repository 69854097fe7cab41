"""Step 3 in front of a class: the pace slider, steps of one example or one batch, the panel
that shows how the update changed W and B, the gradient view and the flash, in the window.
"""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from nnsim.core import losses
from nnsim.core.addresses import bias_index, weight_index
from nnsim.training.pace import DEFAULT_PACE, FULL_SPEED, PACES
from nnsim.ui.number_text import fixed, significant

from tests.ui.test_translation import spanish_window  # noqa: F401 (a fixture)


def _step_example(qtbot, window):
    training = window.training
    with qtbot.waitSignal(training.updateShown, timeout=5000, check_params_cb=lambda u: u is not None) as blocker:
        window.training_panel.stepExampleButton.click()
    return blocker.args[0]


def _stop(qtbot, window):
    training = window.training
    if training.is_running:
        with qtbot.waitSignal(training.snapshotApplied, timeout=5000, check_params_cb=lambda s: s.kind == "paused"):
            training.pause()


def test_the_window_opens_at_a_pace_a_class_can_watch(qtbot, isolated_settings):
    from nnsim.app import create_main_window

    win = create_main_window([])
    qtbot.addWidget(win)
    panel = win.training_panel
    assert win.training.pace is PACES[DEFAULT_PACE]
    assert panel.paceSlider.value() == DEFAULT_PACE
    assert panel.paceLabel.text() == "Normal · 5 epochs a second"
    panel.paceSlider.setValue(0)
    assert win.training.pace is PACES[0] and panel.paceLabel.text() == "Slow motion · 1 weight update a second"
    panel.paceSlider.setValue(len(PACES) - 1)
    assert win.training.pace is FULL_SPEED
    assert panel.paceLabel.text() == "Full speed · as fast as this computer can"
    win.close()


def test_slow_motion_makes_a_handful_of_updates_in_three_seconds_each_reaching_the_graph(qtbot, window):
    training, panel = window.training, window.training_panel
    panel.paceSlider.setValue(0)  # slow motion: one update a second
    shown = []

    def reached(update):
        if update is not None:  # the graph's document holds exactly the weights after it
            shown.append((update, window.document.network.params.copy()))

    training.updateShown.connect(reached)
    panel.trainButton.click()
    qtbot.wait(3000)
    _stop(qtbot, window)
    assert 2 <= len(shown) <= 4  # at 0, 1, 2 (and maybe 3) seconds
    for update, params in shown:
        np.testing.assert_array_equal(update.after, params)
        assert update.kind == "batch" and update.n_examples == 10
    assert training.epoch == 0 and training.examples_done == 10 * len(shown)


def test_a_new_pace_reaches_the_running_training_at_once(qtbot, window):
    training, panel = window.training, window.training_panel
    panel.paceSlider.setValue(0)
    panel.trainButton.click()
    qtbot.waitUntil(lambda: training.session_state() is not None and training.session_state().pace == PACES[0], timeout=3000)
    panel.paceSlider.setValue(len(PACES) - 1)
    qtbot.waitUntil(lambda: training.session_state().epoch >= 50, timeout=5000)  # full speed: fast at once
    _stop(qtbot, window)


def test_an_example_step_moves_every_weight_by_minus_eta_times_the_gradient(qtbot, window):
    doc, training = window.document, window.training
    doc.set_sample_index(149)  # choose a row, then find out whether it is a training example
    before = doc.network.params.copy()
    update = _step_example(qtbot, window)
    assert update.kind == "example" and update.n_examples == 1 and update.plain
    np.testing.assert_array_equal(update.before, before)
    np.testing.assert_array_equal(doc.network.params, update.after)
    assert np.allclose(doc.network.params - before, -0.1 * update.gradient, rtol=1e-12, atol=4e-16)
    # the gradient is the true one: central differences of that example's loss
    row = int(update.rows[0])
    X = doc.data.X_train[row : row + 1]
    Y = doc.data.targets("train", 3)[row : row + 1]
    net = doc.network.copy()
    net.params[...] = before
    index = weight_index(net.layer_sizes, 1, 2, 3)
    eps = 1e-6
    values = []
    for sign in (1, -1):
        net.params[index] = before[index] + sign * eps
        values.append(losses.value("cross_entropy", "softmax", net.trace(X).zs[-1], net.forward(X), Y))
    assert update.gradient[index] == pytest.approx((values[0] - values[1]) / (2 * eps), rel=1e-5)
    in_training = 149 in set(np.asarray(doc.data.train_index).tolist())
    assert update.in_order is not in_training


def test_the_next_example_step_walks_the_epoch_and_the_label_says_how_far(qtbot, window):
    doc, panel = window.document, window.training_panel
    doc.set_sample([0.0, 0.0, 0.0, 0.0])  # a typed sample is no training example
    for k in range(1, 4):
        update = _step_example(qtbot, window)
        assert update.in_order
        assert panel.epochLabel.text() == f"Epoch 0 · example {k} of 105"
    with qtbot.waitSignal(window.training.updateShown, timeout=5000):
        panel.stepBatchButton.click()  # the rest of the first batch of 10
    assert window.training.last_update.n_examples == 7
    assert panel.epochLabel.text() == "Epoch 0 · example 10 of 105"
    with qtbot.waitSignal(window.training.updateShown, timeout=5000):
        panel.stepButton.click()  # the rest of the epoch
    assert panel.epochLabel.text() == "Epoch 1"


def test_the_step_shortcuts(qtbot, shown_window):
    window = shown_window
    window.document.set_sample([0.0, 0.0, 0.0, 0.0])
    window.network_view.setFocus()
    with qtbot.waitSignal(window.training.updateShown, timeout=5000):
        qtbot.keyClick(window.network_view, Qt.Key_Right, Qt.ShiftModifier)
    assert window.training.last_update.kind == "example"
    with qtbot.waitSignal(window.training.updateShown, timeout=5000):
        qtbot.keyClick(window.network_view, Qt.Key_Right, Qt.ControlModifier)
    assert window.training.last_update.kind == "batch" and window.training.examples_done == 10


def test_the_update_panel_shows_the_engines_numbers_for_the_selected_node(qtbot, window):
    doc, panel = window.document, window.update_panel
    doc.set_sample([0.0, 0.0, 0.0, 0.0])
    window.selection.select_node(2, 1)  # h2.2
    update = _step_example(qtbot, window)
    net_before = doc.network.copy()
    net_before.params[...] = update.before
    record = net_before.backprop_trace(update.inputs, update.targets, "cross_entropy")  # independently
    sizes = net_before.layer_sizes
    delta = record.deltas[1][0, 1]
    assert panel.delta_value == pytest.approx(delta, rel=1e-12)
    assert significant(delta, 3) in panel.delta_label.text()
    assert panel.table.columnCount() == 5  # from, x, ∂L/∂w, −η·∂L/∂w, before → after
    for i in range(sizes[1]):
        index = weight_index(sizes, 1, i, 1)
        x = record.activations[1][0, i]
        assert panel.cell_text(i, 0) == f"h1.{i + 1}"
        assert panel.cell_text(i, 1) == fixed(x, 3)
        assert panel.cell_text(i, 2) == significant(x * delta, 3)
        assert panel.cell_text(i, 3) == significant(-0.1 * x * delta, 3)
        assert panel.cell_text(i, 4) == f"{fixed(update.before[index], 4)} → {fixed(doc.network.params[index], 4)}"
    b = bias_index(sizes, 1, 1)
    assert panel.cell_text(sizes[1], 0) == "bias b"
    assert panel.cell_text(sizes[1], 2) == significant(delta, 3)
    assert panel.cell_text(sizes[1], 4) == f"{fixed(update.before[b], 4)} → {fixed(doc.network.params[b], 4)}"
    assert "Plain gradient descent" in panel.note_label.text()
    window.selection.select_node(3, 0)  # the output setosa: δ = a − y
    out, y = record.activations[-1][0, 0], update.targets[0, 0]
    assert panel.delta_value == pytest.approx(out - y, rel=1e-12)
    window.selection.select_node(0, 0)
    assert panel.table.rowCount() == 0 and "inputs have none" in panel.title.text()


def test_with_momentum_the_panel_shows_the_change_made(qtbot, window):
    panel = window.training_panel
    panel.optimizerCombo.setCurrentIndex(panel.optimizerCombo.findData("momentum"))
    panel.optimizerCombo.activated.emit(panel.optimizerCombo.currentIndex())
    assert window.training.settings.optimizer == "momentum"
    window.selection.select_node(1, 0)
    _step_example(qtbot, window)
    update = _step_example(qtbot, window)
    table = window.update_panel.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers[-2] == "change made"
    index = weight_index(window.document.network.layer_sizes, 0, 0, 0)
    assert window.update_panel.cell_text(0, len(headers) - 2) == significant(update.applied[index], 3)
    assert "not −η·∂L/∂w" in window.update_panel.note_label.text()


def test_the_gradient_view_colours_the_graph_by_the_last_update(qtbot, window):
    view = window.network_view
    action = window.gradient_view_action
    assert not action.isChecked() and not view.gradient_view  # off by default
    window.document.set_sample([0.0, 0.0, 0.0, 0.0])
    weights_paths = [item.path().elementCount() for item in view._edges.items.values()]
    update = _step_example(qtbot, window)
    action.trigger()
    assert view.gradient_view and view.legend.mode == "gradient"
    label = view.node_item(2, 1).value_text.text()
    assert label == significant(update.backprop.deltas[1][0, 1], 2)
    gradient_paths = [item.path().elementCount() for item in view._edges.items.values()]
    assert gradient_paths != weights_paths  # regrouped by the gradient's sizes and signs
    action.trigger()
    assert not view.gradient_view and view.legend.mode == "weights"
    assert view.node_item(2, 1).value_text.text() != label


def test_a_step_flashes_the_changed_weights(qtbot, window):
    view = window.network_view
    window.document.set_sample([0.0, 0.0, 0.0, 0.0])
    update = _step_example(qtbot, window)
    overlay = view.flash_overlay
    assert overlay.active
    changed = np.abs(view.document.network.views(np.asarray(update.applied))[0][0]).ravel()
    lit = overlay.lit[0]
    assert changed.argmax() in lit  # the most changed weight of the first layer lights up
    qtbot.waitUntil(lambda: not overlay.active, timeout=3000)
    assert overlay.frames >= 10


def test_the_update_panel_and_the_pace_in_spanish(qtbot, spanish_window):
    win = spanish_window
    panel = win.training_panel
    assert panel.paceLabel.text() == "Normal · 5 épocas por segundo"
    assert panel.stepExampleButton.text() == "Ejemplo"
    win.training.set_pace(FULL_SPEED)
    win.document.set_sample([0.0, 0.0, 0.0, 0.0])
    win.selection.select_node(1, 0)
    _step_example(qtbot, win)
    update_panel = win.update_panel
    assert update_panel.title.text().startswith("Cómo cambió")
    assert "Descenso de gradiente simple" in update_panel.note_label.text()
    assert panel.epochLabel.text() == "Época 0 · ejemplo 1 de 105"
    # the numbers with a decimal comma, as Spanish writes them
    update = win.training.last_update
    x = update.backprop.activations[0][0, 0]
    assert update_panel.cell_text(0, 1) == f"{x:.3f}".replace(".", ",").replace("-", "−")
    before, after = update.before[0], update.after[0]
    assert update_panel.cell_text(0, 4) == (f"{before:.4f} → {after:.4f}".replace(".", ",").replace("-", "−"))
    y = update.targets[0]
    assert f"y = {'; '.join(f'{v:.2f}'.replace('.', ',') for v in y)}" in update_panel.example_label.text()


def test_in_spanish_a_flower_is_typed_with_decimal_commas(qtbot, spanish_window):
    win = spanish_window
    doc, edit = win.document, win.neuron_panel.sample_edit
    doc.set_sample_index(7)  # row 8: 5.0 3.4 1.5 0.2
    from_row = doc.trace().output.copy()
    assert edit.text() == "5  3,4  1,5  0,2"
    doc.set_sample([0.0, 0.0, 0.0, 0.0])
    edit.setText("5,0 3,4 1,5 0,2")  # four numbers, not eight
    qtbot.keyClick(edit, Qt.Key_Return)
    np.testing.assert_array_equal(doc.sample_raw, [5.0, 3.4, 1.5, 0.2])
    np.testing.assert_array_equal(doc.trace().output, from_row)
    edit.setText("5,0 3.4 1,5 0,2")  # a point is a decimal mark too, never a thousands separator
    qtbot.keyClick(edit, Qt.Key_Return)
    np.testing.assert_array_equal(doc.sample_raw, [5.0, 3.4, 1.5, 0.2])
    edit.setText("1.234,5 3,4 1,5 0,2")
    qtbot.keyClick(edit, Qt.Key_Return)
    assert edit.toolTip() == ("«1.234,5» no es un número (usa la coma para los decimales: 5,1). "
                              "Escribe 4 números separados por espacios.")
    np.testing.assert_array_equal(doc.sample_raw, [5.0, 3.4, 1.5, 0.2])


def test_the_update_panel_behind_a_tab_catches_up_when_it_comes_to_the_front(qtbot, shown_window):
    window = shown_window
    window.neuron_dock.raise_()
    qtbot.waitUntil(lambda: not window.update_panel.seen(), timeout=2000)
    window.document.set_sample([0.0, 0.0, 0.0, 0.0])
    window.selection.select_node(1, 0)
    with qtbot.waitSignal(window.training.updateShown, timeout=5000):
        window.training.step_example()  # not the button: the dock stays behind its tab
    assert window.update_panel.table.rowCount() == 0  # not drawn while nobody sees it
    window.update_dock.raise_()
    qtbot.waitUntil(lambda: window.update_panel.table.rowCount() == 5, timeout=2000)  # 4 inputs and the bias
    assert window.update_panel.update_record is window.training.last_update
