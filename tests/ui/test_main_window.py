"""The main window as a teacher meets it: Iris network, docks, menus, lessons, files."""

import json

import numpy as np
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QDockWidget,
    QGraphicsView,
    QLabel,
    QMessageBox,
)

from nnsim.core import Network


def test_opens_on_the_iris_network(window):
    assert window.network.layer_sizes == [4, 8, 8, 3]
    assert window.network.activations == ["tanh", "tanh", "softmax"]
    assert window.document.output_names() == ["setosa", "versicolor", "virginica"]
    assert window.document.input_names() == [
        "sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"]
    assert window.findChild(QGraphicsView, "networkView") is window.network_view
    assert window.centralWidget() is window.picture_splitter
    assert window.picture_splitter.widget(0) is window.network_view
    assert window.picture_splitter.widget(1) is window.boundary_view
    assert window.dockWidgetArea(window.parameter_dock) == Qt.RightDockWidgetArea
    assert window.dockWidgetArea(window.neuron_dock) == Qt.RightDockWidgetArea
    assert window.windowTitle() == "untitled[*] — nnsim"  # [*]: Qt's mark for unsaved changes
    assert not window.windowIcon().isNull()
    assert window.width() >= 1000


def test_menus_and_shortcuts(window):
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles == ["File", "Edit", "Lessons", "View", "Help"]
    assert window.save_action.shortcut().toString() == "Ctrl+S"
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"


def test_every_control_has_names(window):
    kinds = (QAbstractButton, QAbstractSlider, QAbstractSpinBox, QComboBox)
    for kind in kinds:
        for widget in window.findChildren(kind):
            if widget.objectName().startswith("qt_") or not widget.isVisibleTo(window):
                continue
            if type(widget).__name__ in ("QToolButton", "QScrollBar", "QDockWidgetTitleButton"):
                continue  # toolbar buttons take their action's name; scroll bars are Qt's
            assert widget.objectName(), widget
            assert widget.accessibleName(), widget.objectName()
    for action in window.findChildren(type(window.save_action)):
        if action.text() and not action.isSeparator() and action.parent() is window:
            assert action.objectName(), action.text()


def test_structure_actions_keep_other_weights(window):
    before = window.network.copy()
    window.selection.select_node(2, 1)
    window.add_neuron_action.trigger()
    net = window.network
    assert net.layer_sizes == [4, 8, 9, 3]
    np.testing.assert_array_equal(net.weights[0], before.weights[0])
    np.testing.assert_array_equal(net.weights[1][:, :8], before.weights[1])
    np.testing.assert_array_equal(net.weights[2][:8], before.weights[2])
    window.remove_neuron_action.trigger()  # the new node (selected) goes again
    assert window.network == before
    window.add_layer_action.trigger()
    assert window.network.layer_sizes == [4, 8, 8, 8, 3]
    np.testing.assert_array_equal(window.network.weights[0], before.weights[0])
    np.testing.assert_array_equal(window.network.weights[1], before.weights[1])
    window.selection.select_node(3, 0)
    window.remove_layer_action.trigger()
    assert window.network.layer_sizes == [4, 8, 8, 3]
    np.testing.assert_array_equal(window.network.weights[1], before.weights[1])
    window.undo_stack.undo()
    assert window.network.layer_sizes == [4, 8, 8, 8, 3]
    window.undo_stack.redo()
    assert window.network.layer_sizes == [4, 8, 8, 3]


def test_actions_follow_the_selected_layer(window):
    window.selection.select_node(0, 0)
    assert not window.add_neuron_action.isEnabled()
    assert not window.remove_layer_action.isEnabled()
    assert not window.activation_combo.isEnabled()
    window.selection.select_node(3, 0)
    assert not window.add_neuron_action.isEnabled()
    assert window.activation_combo.currentText() == "softmax"
    window.selection.select_node(1, 0)
    assert window.add_neuron_action.isEnabled()
    assert window.activation_combo.currentText() == "tanh"
    assert "softmax" not in [window.activation_combo.itemText(i) for i in range(window.activation_combo.count())]


def test_activation_combo_sets_the_layer(window):
    window.selection.select_node(2, 0)
    combo = window.activation_combo
    combo.activated.emit(combo.findText("sigmoid"))
    assert window.network.activations == ["tanh", "sigmoid", "softmax"]


def test_last_node_of_a_layer_cannot_go(window):
    messages = []
    window.editor.failed.connect(messages.append)
    window.editor.add_layer(1, size=1)
    assert window.network.layer_sizes == [4, 8, 1, 8, 3]
    assert not window.editor.remove_neuron(2, 0)
    assert messages


def test_one_neuron_lesson_before_and_after(window, find_slider):
    window.one_neuron_action.trigger()  # Lessons ▸ One neuron
    net = window.network
    assert net.layer_sizes == [2, 1] and net.activations == ["step"] and net.threshold == 0.5
    assert window.document.input_names() == ["x1", "x2"]
    panel = window.neuron_panel
    assert window.selection.node == (1, 0)
    assert window.document.trace().output[0, 0] == 0.0
    assert panel.verdict_label.text() == "z = 0.45 ≤ 0.50 → <b>stays off</b>: it passes 0 on"
    assert panel.z_value == pytest.approx(0.45)
    # one slider move: w1 from 0.2 to 0.4
    s = find_slider("weightSlider_0_0_0")
    s.setValue(window.parameter_panel.to_position(0.4))
    assert window.document.trace().output[0, 0] == 1.0
    assert panel.verdict_label.text() == "z = 0.65 > 0.50 → <b>activates</b>: it passes 1 on to the next layer"
    step = window.parameter_panel.to_value(1)
    assert panel.z_value == pytest.approx(0.65, abs=step)  # w1 on the slider's grid
    window.undo_stack.undo()
    assert window.document.trace().output[0, 0] == 0.0


def test_back_to_iris_lesson_then_new(window):
    window.one_neuron_action.trigger()
    window.iris_action.trigger()
    assert window.network.layer_sizes == [4, 6, 5, 3]  # the lesson's four layers
    assert window.document.output_names()[0] == "setosa"
    assert window.neuron_panel.sample_spin.isEnabled()
    window.new_action.trigger()  # File ▸ New: the start-up network
    assert window.network.layer_sizes == [4, 8, 8, 3]
    assert window.windowTitle() == "untitled[*] — nnsim" and not window.isWindowModified()


def test_add_panel_for_the_lead(window):
    dock = window.add_panel(QLabel("plots"), Qt.BottomDockWidgetArea, "Loss", "plotDock")
    assert isinstance(dock, QDockWidget) and dock.objectName() == "plotDock"
    assert window.dockWidgetArea(dock) == Qt.BottomDockWidgetArea
    assert dock.toggleViewAction() in window.view_menu.actions()


def test_geometry_is_remembered(window, isolated_settings, qtbot):
    window.resize(1111, 777)
    window.close()
    settings = QSettings()
    assert settings.fileName().startswith(str(isolated_settings))
    assert not settings.value("mainWindow/geometry").isEmpty()


# ------------------------------------------------------------------ model files
# (these skip until nnsim/core/model_file.py lands)


def test_save_then_open_round_trips(window, tmp_path, find_slider):
    pytest.importorskip("nnsim.core.model_file")
    find_slider("weightSlider_0_1_0").setValue(777)
    saved = window.network.copy()
    path = tmp_path / "model.nnsim.json"
    assert window.save_model_to(path)
    assert path.name in window.windowTitle()
    window.editor.add_neuron(1)
    assert window.network != saved
    assert window.open_model_from(path)
    assert window.network == saved
    assert window.document.output_names() == ["setosa", "versicolor", "virginica"]


def test_one_neuron_round_trips_without_a_data_set(window, tmp_path):
    pytest.importorskip("nnsim.core.model_file")
    window.load_example("one_neuron")
    saved = window.network.copy()
    path = tmp_path / "one.nnsim.json"
    assert window.save_model_to(path)
    window.load_example("iris")
    assert window.open_model_from(path)
    assert window.network == saved
    assert window.document.input_names() == ["x1", "x2"]
    np.testing.assert_array_equal(window.document.sample, [1.0, 0.5])


@pytest.mark.parametrize("content", ["{not json", json.dumps({"format": "nnsim.model", "network": 3}), ""])
def test_corrupt_model_shows_error_and_keeps_network(window, tmp_path, monkeypatch, content):
    pytest.importorskip("nnsim.core.model_file")
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a, **k: shown.append((title, text)))
    before = window.network.copy()
    path = tmp_path / "bad.nnsim.json"
    path.write_text(content)
    assert not window.open_model_from(path)
    assert len(shown) == 1
    assert "bad.nnsim.json" in shown[0][1]
    assert window.network == before


def test_missing_model_file_shows_error(window, tmp_path, monkeypatch):
    pytest.importorskip("nnsim.core.model_file")
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a, **k: shown.append(text))
    before = window.network.copy()
    assert not window.open_model_from(tmp_path / "nowhere.json")
    assert shown and window.network == before


def test_a_new_data_set_clears_the_history(window, find_slider):
    find_slider("biasSlider_0_0").setValue(100)
    window.editor.add_neuron(1)
    assert window.undo_stack.count() == 2
    window.load_example("one_neuron")
    assert window.undo_stack.count() == 0
    assert not window.undo_action.isEnabled()


def test_command_line(tmp_path, qtbot, isolated_settings):
    from nnsim.app import create_main_window, parse_args
    from nnsim.core.model_file import save_model

    args = parse_args(["nnsim", "model.json", "--lang", "es"])
    assert args.model == "model.json" and args.lang == "es"
    with pytest.raises(SystemExit):
        parse_args(["nnsim", "--version"])
    net = Network([4, 5, 3], ["relu", "softmax"], seed=3)
    path = tmp_path / "m.nnsim.json"
    save_model(path, net, extra={"dataset": "iris"})
    win = create_main_window(["nnsim", str(path)])
    qtbot.addWidget(win)
    assert win.network == net
    assert win.document.output_names() == ["setosa", "versicolor", "virginica"]
    assert win.windowTitle() == "m.nnsim.json[*] — nnsim"
    win.close()


@pytest.mark.parametrize("data_set", ["iris", "xor"])
def test_the_whole_window_fits_a_1280x720_screen(window, qtbot, data_set):
    from nnsim.core import load_dataset
    from nnsim.core.training_data import default_network, prepare_data

    data = prepare_data(load_dataset(data_set))
    window.document.set_data(data, default_network(data), user=False)
    window.resize(1280, 640)
    window.show()
    qtbot.waitExposed(window)
    assert window.minimumSizeHint().height() <= 640
    assert window.height() == 640  # every dock shrank (the forms scroll) instead of growing it


def test_a_dock_layout_saved_by_an_older_version_is_not_restored(window, qtbot):
    from PySide6.QtWidgets import QMainWindow

    from nnsim.ui.main_window import LAYOUT_VERSION

    window.show()
    qtbot.waitExposed(window)
    update = window.findChild(QDockWidget, "updateDock")
    assert window.tabifiedDockWidgets(update)  # shares a tab with the neuron explanation
    window.splitDockWidget(window.neuron_dock, update, Qt.Vertical)  # an old layout: side by side
    window._settings.setValue("mainWindow/state", QMainWindow.saveState(window, LAYOUT_VERSION - 1))
    window.tabifyDockWidget(window.neuron_dock, update)
    window.restore_settings()
    assert window.tabifiedDockWidgets(update)
    window.save_settings()  # the current version is restored
    window.splitDockWidget(window.neuron_dock, update, Qt.Vertical)
    window.restore_settings()
    assert window.tabifiedDockWidgets(update)


def test_at_first_start_the_training_controls_show_whole_and_the_plots_have_room(window, qtbot):
    from PySide6.QtWidgets import QScrollArea

    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    scroll = window.findChild(QScrollArea, "trainingDockScroll")
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().maximum() == 0, timeout=1000)  # nothing hidden
    # (docks tabbed under the graph are laid out one pass after the window shows)
    qtbot.waitUntil(lambda: window.plots.loss_plot.height() >= 150, timeout=1000)
