"""The neuron explained: the numbers are the engine's, and they follow every edit."""

import numpy as np
from PySide6.QtCore import Qt

from nnsim.ui.panels.neuron_panel import compare_digits, num


def engine_numbers(window, layer, j):
    trace = window.network.trace(window.document.sample[None, :])
    return float(trace.zs[layer - 1][0, j]), float(trace.activations[layer][0, j])


def test_numbers_equal_the_engine(window):
    panel = window.neuron_panel
    z, y = engine_numbers(window, 1, 0)
    assert panel.z_value == z and panel.y_value == y
    assert num(z) in panel.z_label.text()
    assert f"tanh({num(z)}) = <b>{num(y)}</b>" in panel.activation_label.text()
    # the terms shown are the inputs and weights of the node
    x = window.document.sample
    w = window.network.weights[0][:, 0]
    text = panel.formula_label.text()
    for xi, wi in zip(x, w):
        assert num(float(xi)) in text
        assert num(float(abs(wi))) in text
    assert np.isclose(float(x @ w + window.network.biases[0][0]), z)


def test_updates_live_with_sliders(window, find_slider):
    panel = window.neuron_panel
    find_slider("weightSlider_0_0_0").setValue(-900)
    z, y = engine_numbers(window, 1, 0)
    assert panel.z_value == z and panel.y_value == y
    assert num(z) in panel.z_label.text()


def test_output_softmax_node(window):
    window.selection.select_node(3, 2)
    z, y = engine_numbers(window, 3, 2)
    panel = window.neuron_panel
    assert (panel.z_value, panel.y_value) == (z, y)
    assert "softmax" in panel.activation_label.text()
    assert "virginica" in panel.title.text()
    assert not panel.verdict_label.isVisibleTo(panel)


def test_many_inputs_list_the_largest_terms(window):
    window.editor.add_layer(1, size=20)  # hidden layer 2 now has 20 inputs
    window.selection.select_node(3, 0)
    text = window.neuron_panel.formula_label.text()
    assert "smaller terms" in text
    z, _ = engine_numbers(window, 3, 0)
    assert window.neuron_panel.z_value == z


def test_choose_sample_row(window, qtbot):
    spin = window.neuron_panel.sample_spin
    assert spin.maximum() == 149
    spin.setValue(120)
    assert window.document.sample_index == 120
    assert "virginica" in window.neuron_panel.sample_info.text()
    z, _ = engine_numbers(window, 1, 0)
    assert window.neuron_panel.z_value == z


def test_type_sample_values(window, qtbot):
    edit = window.neuron_panel.sample_edit
    edit.clear()
    qtbot.keyClicks(edit, "1 -0.5 0.25 2")
    qtbot.keyClick(edit, Qt.Key_Return)
    np.testing.assert_array_equal(window.document.sample, [1, -0.5, 0.25, 2])
    assert window.document.sample_index == -1
    z, _ = engine_numbers(window, 1, 0)
    assert window.neuron_panel.z_value == z


def test_bad_typed_sample_is_refused(window, qtbot):
    before = window.document.sample
    edit = window.neuron_panel.sample_edit
    edit.setText("1 2 three")
    qtbot.keyClick(edit, Qt.Key_Return)
    np.testing.assert_array_equal(window.document.sample, before)
    assert "4 numbers" in edit.toolTip()


def test_input_node(window):
    window.selection.select_node(0, 2)
    assert "petal length" in window.neuron_panel.title.text()
    assert window.neuron_panel.y_value == window.document.sample[2]


def test_step_neuron_verdict_and_surrogate_note(window):
    window.editor.set_activation(1, "step")
    window.selection.select_node(1, 0)
    panel = window.neuron_panel
    z, y = engine_numbers(window, 1, 0)
    verdict = panel.verdict_label.text()
    if z > 0.5:
        assert "activates" in verdict and ">" in verdict and y == 1.0
    else:
        assert "stays off" in verdict and "≤" in verdict and y == 0.0
    assert "surrogate" in panel.verdict_label.toolTip()
    assert "sigmoid" in panel.activation_label.toolTip()


def test_threshold_spin_changes_threshold_undoably(window):
    window.editor.set_activation(1, "step")
    panel = window.neuron_panel
    panel.threshold_spin.setValue(-0.25)
    assert window.network.threshold == -0.25
    window.undo_stack.undo()
    assert window.network.threshold == 0.5


def test_digits_never_hide_the_comparison():
    assert compare_digits(0.5004, 0.5) == 4
    assert compare_digits(0.62, 0.5) == 2
    assert num(-1.5) == "−1.50"
