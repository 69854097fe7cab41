"""Training from the window: the controller (worker thread) and the panel, on a document."""

import time
import warnings

import numpy as np
import pytest
from PySide6.QtCore import QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import QAbstractButton, QApplication, QSlider, QAbstractSpinBox, QComboBox, QHBoxLayout, QMessageBox, QWidget

from nnsim.core import load_dataset
from nnsim.core.addresses import bias_index
from nnsim.core.training_data import default_network, prepare_data
from nnsim.training.process_link import running_processes
from nnsim.training.threads import running_threads
from nnsim.model.document import NetworkDocument
from nnsim.ui.plots.curves import TrainingPlots
from nnsim.training.controller import TrainingController
from nnsim.training.pace import FULL_SPEED
from nnsim.training.snapshot import Snapshot
from nnsim.ui.panels.training_panel import TrainingPanel


@pytest.fixture(scope="module")
def iris():
    return prepare_data(load_dataset("iris"))


@pytest.fixture
def setup(qtbot, iris):
    """(document, controller, panel, plots) in one window; the thread is stopped at the end."""
    document = NetworkDocument(default_network(iris, seed=0), iris)
    window = QWidget()
    controller = TrainingController(document, parent=window)
    controller.set_pace(FULL_SPEED)  # these tests train many epochs; test_paces.py tests the paces
    panel = TrainingPanel(controller)
    plots = TrainingPlots(controller)
    layout = QHBoxLayout(window)
    layout.addWidget(panel)
    layout.addWidget(plots, 1)
    qtbot.addWidget(window)
    window.resize(1100, 500)
    yield document, controller, panel, plots
    controller.shutdown()


def train_for(qtbot, controller, epochs=100):
    controller.start()
    qtbot.waitUntil(lambda: controller.epoch >= epochs, timeout=3000)


def pause(qtbot, controller):
    with qtbot.waitSignal(controller.snapshotApplied, timeout=2000,
                          check_params_cb=lambda s: s.kind == "paused"):
        controller.pause()


def epoch_text(epoch: int, examples_done: int = 0, per_epoch: int = 105) -> str:
    """What the epoch label says while paused (numbers in the interface's locale): the
    epochs done, and mid-epoch how far the next one is."""
    text = f"Epoch {QLocale().toString(epoch)}"
    if examples_done:
        text += f" · example {examples_done} of {per_epoch}"
    return text


def loss(document, data):
    net = document.network
    return net.loss(data.X_train, data.targets("train", net.layer_sizes[-1]))


def test_train_then_pause_increases_the_epoch_and_lowers_the_loss(qtbot, setup, iris):
    document, controller, panel, _ = setup
    before = loss(document, iris)
    params = document.network.params.copy()
    panel.trainButton.click()
    assert controller.is_running and panel.trainButton.text() == "Pause"
    assert not panel.stepButton.isEnabled()
    qtbot.waitUntil(lambda: controller.epoch >= 100, timeout=3000)
    with qtbot.waitSignal(controller.snapshotApplied, timeout=2000, check_params_cb=lambda s: s.kind == "paused"):
        panel.trainButton.click()
    assert not controller.is_running and panel.trainButton.text() == "Train"
    assert controller.epoch >= 100
    assert loss(document, iris) < before
    assert not np.array_equal(document.network.params, params)
    assert panel.epochLabel.text() == epoch_text(controller.epoch, controller.examples_done)
    # the document holds exactly what the paused worker holds
    assert np.array_equal(document.network.params, controller.session_state().network.params)


def test_step_adds_exactly_one_epoch(qtbot, setup):
    document, controller, panel, _ = setup
    for expected in (1, 2):
        # the step's own snapshot (the first Step also brings a "loaded" one before it)
        with qtbot.waitSignal(controller.snapshotApplied, timeout=2000, check_params_cb=lambda s: s.kind == "step"):
            panel.stepButton.click()
        assert controller.epoch == expected
        assert panel.epochLabel.text() == epoch_text(expected)


def test_reset_clears_the_plots_and_changes_the_weights(qtbot, setup):
    document, controller, panel, plots = setup
    train_for(qtbot, controller, 30)
    pause(qtbot, controller)
    assert plots.loss_plot.point_count("train") >= 30
    trained = document.network.params.copy()
    panel.resetButton.click()
    assert controller.epoch == 0 and panel.epochLabel.text() == epoch_text(0)
    assert plots.loss_plot.point_count("train") == 0
    assert plots.accuracy_plot.point_count("train") <= 1  # at most the new start point
    assert not np.array_equal(document.network.params, trained)
    assert document.network.layer_sizes == [4, 8, 8, 3]
    # training goes on from the new weights, from epoch 0
    with qtbot.waitSignal(controller.snapshotApplied, timeout=2000, check_params_cb=lambda s: s.kind == "step"):
        controller.step()
    assert controller.epoch == 1


def test_an_edit_during_training_reaches_the_worker(qtbot, setup):
    document, controller, panel, _ = setup
    panel.learningRateSpin.setValue(0.00001)  # so training barely moves the edited weight
    train_for(qtbot, controller, 5)
    document.set_weight(0, 1, 2, 3.0)  # what a slider does
    document.set_bias(1, 0, -1.5)
    epoch = controller.epoch
    qtbot.waitUntil(lambda: controller.epoch > epoch + 5, timeout=2000)
    assert abs(document.network.weights[0][1, 2] - 3.0) < 0.01  # snapshots did not undo it
    pause(qtbot, controller)
    assert abs(controller.session_state().network.weights[0][1, 2] - 3.0) < 0.01
    assert abs(controller.session_state().network.biases[1][0] + 1.5) < 0.01
    assert abs(document.network.weights[0][1, 2] - 3.0) < 0.01


class RecordingLink(QObject):
    """Plays the training thread: records the controller's commands, and the test sends the
    snapshots, so what arrives when is exact."""

    snapshot = Signal(object)
    diverged = Signal(str)
    finished = Signal()
    error = Signal(str)
    worker = thread = None
    started = True

    def __init__(self):
        super().__init__()
        self.commands = []

    def __getattr__(self, name):  # start_thread, load, resume, set_parameter, ...
        if name.startswith("_"):
            raise AttributeError(name)
        return lambda *args: self.commands.append((name, *args))


def test_a_bias_edit_during_training_is_patched_into_older_snapshots_at_its_own_node(qtbot, iris):
    # A bias edit used to be patched into the snapshots on their way as the layer's *last*
    # bias: the edited node flickered back and another node's bias jumped.
    document = NetworkDocument(default_network(iris, seed=0), iris)
    link = RecordingLink()
    controller = TrainingController(document, link=link)
    controller.start()
    generation = next(c for c in link.commands if c[0] == "load")[4]
    taken_before = document.network.params.copy()  # what the thread holds before the edit
    document.set_bias(1, 0, -1.5)
    index = bias_index([4, 8, 8, 3], 1, 0)
    assert link.commands[-1] == ("set_parameter", index, -1.5, 1)

    def snapshot(params, edit_serial, kind="training"):
        params = params.copy()
        params.setflags(write=False)
        return Snapshot(epoch=3, params=params, layer_sizes=(4, 8, 8, 3), activations=("tanh", "tanh", "softmax"),
                        metrics=None, kind=kind, generation=generation, edit_serial=edit_serial)

    with qtbot.waitSignal(controller.snapshotApplied, timeout=2000):
        link.snapshot.emit(snapshot(taken_before, edit_serial=0))  # taken before the edit arrived
    expected = taken_before.copy()
    expected[index] = -1.5
    assert np.array_equal(document.network.params, expected)
    trained = expected.copy()
    trained[index] = -1.4  # the thread applied the edit (serial 1), then trained a little
    with qtbot.waitSignal(controller.snapshotApplied, timeout=2000):
        link.snapshot.emit(snapshot(trained, edit_serial=1, kind="paused"))
    assert np.array_equal(document.network.params, trained)  # the edit is the thread's now


def test_a_structure_edit_during_training_goes_on_training_the_new_network(qtbot, setup):
    document, controller, _, _ = setup
    train_for(qtbot, controller, 5)
    document.replace_network(document.network.add_neuron(1))  # what "+ Neuron" does
    qtbot.waitUntil(lambda: controller.session_state().network.layer_sizes == [4, 9, 8, 3], timeout=2000)
    epoch = controller.epoch
    qtbot.waitUntil(lambda: controller.epoch > epoch, timeout=2000)
    pause(qtbot, controller)
    assert document.network.layer_sizes == [4, 9, 8, 3]
    assert np.array_equal(document.network.params, controller.session_state().network.params)


def test_edits_while_paused_are_what_training_resumes_from(qtbot, setup):
    document, controller, _, _ = setup
    with qtbot.waitSignal(controller.snapshotApplied, timeout=2000, check_params_cb=lambda s: s.kind == "step"):
        controller.step()
    document.set_weight(0, 0, 0, 2.0)
    with qtbot.waitSignal(controller.snapshotApplied, timeout=2000, check_params_cb=lambda s: s.kind == "step"):
        controller.step()
    assert controller.epoch == 2
    assert abs(controller.session_state().network.weights[0][0, 0] - 2.0) < 0.5


def test_settings_apply_without_reset(qtbot, setup):
    document, controller, panel, _ = setup
    train_for(qtbot, controller, 10)
    panel.learningRateSpin.setValue(0.05)
    panel.optimizerCombo.setCurrentIndex(panel.optimizerCombo.findData("adam"))
    panel.optimizerCombo.activated.emit(panel.optimizerCombo.currentIndex())
    epoch = controller.epoch
    qtbot.waitUntil(lambda: controller.session_state().settings.optimizer == "adam", timeout=2000)
    assert controller.session_state().settings.learning_rate == 0.05
    assert controller.epoch >= epoch  # no reset


def test_the_split_applies_at_once_keeping_the_weights_and_the_seed_waits_for_reset(qtbot, setup):
    document, controller, panel, _ = setup
    train_for(qtbot, controller, 3)
    pause(qtbot, controller)
    epoch, weights = controller.epoch, document.network.params.copy()
    document.set_sample_index(17)
    panel.testSplitSpin.setValue(20)
    assert len(document.data.test_index) == 30  # re-split now
    assert np.array_equal(document.network.params, weights) and controller.epoch == epoch  # nothing wiped
    assert document.sample_index == 17 and panel.testSplitSpin.value() == 20
    with qtbot.waitSignal(controller.snapshotApplied, timeout=3000, check_params_cb=lambda s: s.kind == "step"):
        controller.step()
    assert controller.epoch == epoch + 1 and controller.session_state().n_train == 120
    panel.seedSpin.setValue(42)
    assert panel.statusLabel.text() == "Press Reset to apply: seed 42."
    panel.resetButton.click()
    assert len(document.data.test_index) == 30
    assert controller.settings.seed == 42 and panel.seedSpin.value() == 42
    assert panel.statusLabel.text() == ""
    train_for(qtbot, controller, 3)  # while training runs, a re-split goes on training
    panel.testSplitSpin.setValue(40)
    epoch = controller.epoch
    assert len(document.data.test_index) == 60
    qtbot.waitUntil(lambda: controller.epoch >= epoch + 3, timeout=3000)
    assert controller.session_state().n_train == 90
    pause(qtbot, controller)
    panel.resetButton.click()  # Reset alone takes the next seed
    assert controller.settings.seed == 43


def test_a_loss_that_does_not_fit_is_refused(qtbot, setup):
    document, controller, panel, _ = setup
    document.replace_network(document.network.with_activation(3, "linear"))
    panel.lossCombo.setCurrentIndex(panel.lossCombo.findData("cross_entropy"))
    panel.lossCombo.activated.emit(panel.lossCombo.currentIndex())
    assert controller.settings.loss == "auto"
    assert panel.lossCombo.currentData() == "auto"
    assert panel.statusLabel.text() == ("Not applied: cross_entropy needs a softmax or sigmoid output layer "
                                        "(the output layer is 'linear'); use mse instead")


def test_stop_condition_pauses_after_n_epochs(qtbot, setup):
    _, controller, panel, _ = setup
    panel.stopCombo.setCurrentIndex(panel.stopCombo.findData("epochs"))
    panel.stopCombo.activated.emit(panel.stopCombo.currentIndex())
    panel.stopEpochsSpin.setValue(40)
    with qtbot.waitSignal(controller.finished, timeout=3000):
        controller.start()
    qtbot.waitUntil(lambda: controller.epoch == 40, timeout=1000)
    assert not controller.is_running and panel.trainButton.text() == "Train"
    assert panel.statusLabel.text() == "Paused after 40 epochs."


def test_divergence_pauses_with_a_message_and_finite_weights(qtbot):
    data = prepare_data(load_dataset("plane"))
    document = NetworkDocument(default_network(data), data)
    controller = TrainingController(document)
    controller.set_pace(FULL_SPEED)
    panel = TrainingPanel(controller)
    qtbot.addWidget(panel)
    panel.show()
    panel.learningRateSpin.setValue(10.0)
    try:
        panel.trainButton.click()  # a learning rate this large: Train asks first
        question = panel.settings_question
        assert question is not None and question.isVisible() and not controller.is_running
        assert question.informativeText() == (
            "Large: a learning rate above 1 often makes training diverge.")
        with qtbot.waitSignal(controller.diverged, timeout=3000):
            question.button(QMessageBox.Yes).click()
        qtbot.waitUntil(lambda: panel.divergence_box is not None and panel.divergence_box.isVisible(), timeout=1000)
        box = panel.divergence_box
        assert isinstance(box, QMessageBox) and "learning rate" in (box.text() + box.informativeText())
        assert not controller.is_running and panel.trainButton.text() == "Train"
        qtbot.waitUntil(lambda: controller.latest_snapshot.kind == "diverged", timeout=1000)
        assert np.all(np.isfinite(document.network.params))
        box.close()
    finally:
        controller.shutdown()


def test_closing_the_window_during_training_stops_the_thread(qtbot, window):
    controller = window.training
    window.show()
    qtbot.waitExposed(window)
    controller.start()
    # the thread's own epoch count (a shown window under load may paint before it hears)
    qtbot.waitUntil(lambda: controller.session_state().epoch > 20, timeout=5000)
    process = controller.link.process
    window.close()  # the application context shuts training down
    assert not process.is_alive() and process.exitcode == 0  # it stopped when asked, not killed
    assert running_threads() == [] and running_processes() == []
    assert not controller.link.started and not controller.is_running


def test_shortcuts(qtbot, setup):
    _, controller, panel, _ = setup
    window = panel.window()
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    with warnings.catch_warnings():  # deprecated, but the offscreen platform needs it
        warnings.simplefilter("ignore", DeprecationWarning)
        QApplication.setActiveWindow(window)
    qtbot.waitUntil(window.isActiveWindow, timeout=1000)
    panel.epochLabel.setFocus()
    assert panel.train_action.shortcut().toString() == "Space"
    assert panel.step_action.shortcut().toString() == "Right"
    assert panel.reset_action.shortcut().toString() == "Ctrl+R"
    with qtbot.waitSignal(controller.snapshotApplied, timeout=2000, check_params_cb=lambda s: s.kind == "step"):
        qtbot.keyClick(window, Qt.Key_Right)
    assert controller.epoch == 1
    # a focused slider keeps its arrow keys; a focused button its Space key
    slider = QSlider(Qt.Horizontal)
    window.layout().addWidget(slider)
    qtbot.waitUntil(slider.isVisible, timeout=1000)
    slider.setFocus()
    assert slider.hasFocus()
    qtbot.keyClick(slider, Qt.Key_Right)
    assert slider.value() == 1
    panel.stepButton.setFocus()
    with qtbot.waitSignal(controller.snapshotApplied, timeout=2000, check_params_cb=lambda s: s.kind == "step"):
        qtbot.keyClick(panel.stepButton, Qt.Key_Space)  # clicks the button: one step, no training
    assert controller.epoch == 2 and not controller.is_running
    # while a number field has the focus, Right moves its cursor instead of stepping
    panel.learningRateSpin.setFocus()
    qtbot.keyClick(panel.learningRateSpin, Qt.Key_Right)
    qtbot.wait(50)
    assert controller.epoch == 2
    panel.learningRateSpin.clearFocus()
    qtbot.keyClick(window, Qt.Key_Space)
    assert controller.is_running
    controller.pause()


def test_every_control_is_named_and_explained(setup):
    _, _, panel, _ = setup
    controls = panel.findChildren(QAbstractButton) + panel.findChildren(QAbstractSpinBox) + panel.findChildren(QComboBox)
    assert len(controls) >= 12
    for widget in controls:
        if widget.parent() is not None and isinstance(widget.parent(), QAbstractSpinBox):
            continue
        assert widget.objectName(), widget
        assert widget.accessibleName(), widget.objectName()
        assert widget.toolTip(), widget.objectName()
    for name in ("trainButton", "stepButton", "resetButton", "learningRateSpin", "epochLabel"):
        assert panel.findChild(QWidget, name) is not None
