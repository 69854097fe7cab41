"""The sliders of the selected node: names, edits, blocking, range, highlight."""

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDoubleSpinBox, QSlider


def test_first_hidden_node_is_selected_at_start(window, find_slider):
    assert window.selection.node == (1, 0)
    for i in range(4):
        find_slider(f"weightSlider_0_{i}_0")
    find_slider("biasSlider_0_0")
    panel = window.findChild(type(window.parameter_panel), "parameterPanel")
    assert panel is window.parameter_panel
    sliders = panel.findChildren(QSlider)
    assert len(sliders) == 5  # 4 incoming weights and the bias


def test_slider_changes_weight_and_outputs(window, find_slider):
    before = window.document.trace().output.copy()
    s = find_slider("weightSlider_0_2_0")
    s.setValue(800)
    expected = window.parameter_panel.to_value(800)
    assert window.network.weights[0][2, 0] == expected
    after = window.document.trace().output
    assert not np.allclose(before, after)
    # the engine agrees with what the window shows
    np.testing.assert_allclose(after, window.network.forward(window.document.sample))


def test_keyboard_moves_slider_and_weight(window, find_slider, qtbot):
    s = find_slider("weightSlider_0_1_0")
    start = s.value()
    qtbot.keyClick(s, Qt.Key_PageUp)
    assert s.value() == start + s.pageStep()
    assert window.network.weights[0][1, 0] == window.parameter_panel.to_value(start + s.pageStep())


def test_bias_slider(window, find_slider):
    find_slider("biasSlider_0_0").setValue(-500)
    assert window.network.biases[0][0] == window.parameter_panel.to_value(-500)


def test_spin_box_sets_exact_value(window):
    spin = window.findChild(QDoubleSpinBox, "weightSpin_0_3_0")
    spin.setValue(1.234)
    assert window.network.weights[0][3, 0] == 1.234
    assert find_position(window, "weightSlider_0_3_0") == window.parameter_panel.to_position(1.234)


def find_position(window, name):
    return window.findChild(QSlider, name).value()


def test_incoming_updates_are_blocked_and_do_not_echo(window, find_slider):
    edits = []
    window.document.parameterEdited.connect(lambda *args: edits.append(args))
    params = window.network.params.copy()
    params[:] = 0.25
    window.document.apply_parameters(params)  # like a training snapshot
    s = find_slider("weightSlider_0_0_0")
    assert s.value() == window.parameter_panel.to_position(0.25)
    assert edits == []  # moving the controls programmatically edited nothing
    assert window.undo_stack.count() == 0


def test_a_held_slider_is_not_moved_by_snapshots(window, find_slider):
    s = find_slider("weightSlider_0_0_0")
    s.setSliderDown(True)
    s.setValue(300)
    params = window.network.params.copy()
    params[:] = -0.5
    window.document.apply_parameters(params)
    assert s.value() == 300  # the user still holds it
    spin = window.findChild(QDoubleSpinBox, "weightSpin_0_0_0")
    assert spin.value() == -0.5  # the number beside it shows the truth
    s.setSliderDown(False)


def test_range_can_be_widened(window, find_slider):
    panel = window.parameter_panel
    window.findChild(QDoubleSpinBox, "rangeSpin").setValue(10.0)
    assert panel.slider_range == 10.0
    w = float(window.network.weights[0][0, 0])
    assert find_slider("weightSlider_0_0_0").value() == round(w / 10.0 * 1000)
    find_slider("weightSlider_0_0_0").setValue(1000)
    assert window.network.weights[0][0, 0] == 10.0


def test_selecting_other_node_shows_its_sliders(window, find_slider):
    window.selection.select_node(2, 3)
    for i in range(8):
        find_slider(f"weightSlider_1_{i}_3")
    find_slider("biasSlider_1_3")
    assert window.findChild(QSlider, "weightSlider_0_0_0") is None


def test_input_node_has_no_sliders(window):
    window.selection.select_node(0, 1)
    assert window.parameter_panel.findChildren(QSlider) == []
    panel = window.parameter_panel
    assert panel.title.text() == "<b>sepal width (cm)</b> — an input"
    assert panel.empty_label.text() == (
        "An input node has no weights: its value comes from the data (choose the sample below).")


def test_selecting_edge_highlights_its_row(window):
    window.selection.select_edge(1, 5, 2)
    assert window.selection.node == (2, 2)
    assert window.parameter_panel.highlighted_row() == ("weight", 1, 5, 2)
    window.selection.select_edge(1, 6, 2)
    assert window.parameter_panel.highlighted_row() == ("weight", 1, 6, 2)
    window.selection.select_node(2, 2)
    assert window.parameter_panel.highlighted_row() is None


def test_every_control_is_named(window):
    for kind in (QSlider, QDoubleSpinBox):
        for widget in window.parameter_panel.findChildren(kind):
            assert widget.objectName()
            assert widget.accessibleName()


def test_snapshots_of_running_training_reach_the_panels_one_pass_after_the_graph(window, qtbot):
    spin = window.findChild(QDoubleSpinBox, "weightSpin_0_2_0")
    params = window.network.params.copy()
    weights, _ = window.network.views(params)
    weights[0][2, 0] = 1.25
    window.document.apply_parameters(params, live=True)
    assert spin.value() != 1.25  # the graph first; the panels on the next pass
    qtbot.waitUntil(lambda: spin.value() == 1.25, timeout=1000)
    weights[0][2, 0] = -0.5
    window.document.apply_parameters(params)  # paused, or a user's edit: at once
    assert spin.value() == -0.5


def test_a_huge_weight_widens_the_range_as_far_as_floats_go_and_is_shown(qtbot):
    from nnsim.core import Network
    from nnsim.model.document import NetworkDocument
    from nnsim.model.structure import NetworkEditor
    from nnsim.ui.panels.parameter_panel import ParameterPanel

    net = Network([2, 1], ["sigmoid"], seed=0)
    net.weights[0][0, 0] = 1.7e308  # e.g. from a model file: finite, beyond any nice range
    net.biases[0][0] = -2500.0
    doc = NetworkDocument(net)
    editor = NetworkEditor(doc)
    editor.selection.select_node(1, 0)
    panel = ParameterPanel(doc, editor)
    qtbot.addWidget(panel)
    assert panel.slider_range == 1e308  # the largest 1-2-5 range a float holds
    assert panel.findChild(QSlider, "weightSlider_0_0_0").value() == 1000  # pinned at the end
    assert panel.findChild(QSlider, "weightSlider_0_1_0").value() == 0
    assert panel.findChild(QSlider, "biasSlider_0_0").value() == 0  # -2500 is tiny at this range
    spin = panel.findChild(QDoubleSpinBox, "weightSpin_0_0_0")
    assert spin.value() == 1.7e308
    assert spin.text() == "1.7e308"
    bias = panel.findChild(QDoubleSpinBox, "biasSpin_0_0")
    assert bias.value() == -2500.0
    assert bias.text() == "-2500.000"
    range_spin = panel.findChild(QDoubleSpinBox, "rangeSpin")
    assert range_spin.value() == 1e308
    assert range_spin.text() == "± 1e308"
    assert (range_spin.minimum(), range_spin.maximum()) == (0.5, 1e308)  # still no negative range
    assert (spin.minimum(), spin.maximum()) == (-1000.0, 1.7e308)  # typed values: as before
