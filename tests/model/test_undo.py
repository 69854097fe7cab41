"""Undo and redo for every edit: a slider drag is one step; structure edits restore weights."""

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence


def test_slider_drag_is_one_undo_step(window, find_slider, qtbot):
    s = find_slider("weightSlider_0_0_0")
    original = float(window.network.weights[0][0, 0])
    s.setSliderDown(True)  # what a mouse press on the handle does (emits sliderPressed)
    for position in (100, 200, 300, 400):
        s.setValue(position)
    s.setSliderDown(False)
    assert window.undo_stack.count() == 1
    assert window.network.weights[0][0, 0] == window.parameter_panel.to_value(400)
    window.undo_stack.undo()
    assert window.network.weights[0][0, 0] == original
    assert s.value() == window.parameter_panel.to_position(original)
    window.undo_stack.redo()
    assert window.network.weights[0][0, 0] == window.parameter_panel.to_value(400)


def test_separate_moves_are_separate_steps(window, find_slider):
    s = find_slider("biasSlider_0_0")
    s.setValue(100)
    s.setValue(200)
    assert window.undo_stack.count() == 2
    window.undo_stack.undo()
    assert window.network.biases[0][0] == window.parameter_panel.to_value(100)


def test_shortcuts(window, find_slider, qtbot):
    assert window.undo_action.shortcut() == QKeySequence("Ctrl+Z")
    assert QKeySequence("Ctrl+Shift+Z") in window.redo_action.shortcuts()
    original = float(window.network.weights[0][1, 0])
    find_slider("weightSlider_0_1_0").setValue(900)
    window.undo_action.trigger()
    assert window.network.weights[0][1, 0] == original
    window.redo_action.trigger()
    assert window.network.weights[0][1, 0] == window.parameter_panel.to_value(900)


def test_structure_edit_undo_restores_everything(window):
    before = window.network.copy()
    window.editor.add_neuron(1)
    window.editor.add_layer(2)
    window.editor.remove_neuron(1, 0)
    window.editor.set_activation(1, "relu")
    assert window.network.layer_sizes != before.layer_sizes
    for _ in range(4):
        window.undo_stack.undo()
    assert window.network == before
    for _ in range(4):
        window.undo_stack.redo()
    assert window.network.layer_sizes == [4, 8, 8, 8, 3]
    assert window.network.activations[0] == "relu"


def test_undo_a_structure_edit_then_edit_a_parameter(window, find_slider):
    window.editor.add_neuron(1)
    assert window.selection.node == (1, 8)  # the new neuron is selected
    find_slider("weightSlider_0_0_8").setValue(50)
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert window.network.layer_sizes == [4, 8, 8, 3]


def test_undo_restores_selection(window):
    window.selection.select_node(2, 7)
    window.editor.remove_neuron()
    assert window.network.layer_sizes[2] == 7
    assert window.selection.node == (2, 6)
    window.undo_stack.undo()
    assert window.selection.node == (2, 7)


def test_window_title_marks_unsaved_changes(window, find_slider):
    assert not window.isWindowModified()
    find_slider("biasSlider_0_0").setValue(10)
    assert window.isWindowModified()
    window.undo_stack.undo()
    assert not window.isWindowModified()
