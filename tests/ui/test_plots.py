"""The live loss and accuracy plots: growing buffers, setData, clear, log scale, hover."""

from types import SimpleNamespace

import numpy as np
import pytest
from PySide6.QtCore import QObject, Signal

from nnsim.ui.plots.curves import AccuracyPlot, GrowingBuffer, LossPlot, TrainingPlots


class FakeSignal:
    def connect(self, slot):
        self.slot = slot


class FakeController(QObject):
    """What the plots read of a training controller: its snapshots and its document."""

    snapshotReceived = Signal(object)
    historyCleared = Signal()
    redrawTurn = Signal(int)

    def __init__(self, document=None):
        super().__init__()
        # a classification document unless a test gives another
        self.document = document or SimpleNamespace(data=None, dataChanged=FakeSignal())


def snapshot(first, count, test=True):
    epochs = np.arange(first, first + count)
    return SimpleNamespace(
        epochs=epochs,
        train_loss=np.exp(-epochs / 100.0),
        eval_epochs=epochs[-1:],
        test_loss=np.array([np.exp(-epochs[-1] / 80.0) if test else np.nan]),
        train_accuracy=np.array([0.9]),
        test_accuracy=np.array([0.8 if test else np.nan]),
        kind="step",
    )


@pytest.fixture
def plots(qtbot):
    controller = FakeController()
    widget = TrainingPlots(controller)
    qtbot.addWidget(widget)
    widget.resize(900, 350)
    widget.show()
    return controller, widget


def curve_len(plot, key):
    x, y = plot.series[key].item.getData()
    return 0 if x is None else len(x)


def test_buffer_grows_by_doubling_and_never_rewrites_what_it_handed_out():
    buf = GrowingBuffer(16)
    buf.append(np.arange(10), np.arange(10) * 2.0)
    x_view, y_view = buf.x(), buf.y()
    assert not y_view.flags.writeable
    for k in range(10):
        buf.append(np.arange(10) + 10 * (k + 1), np.full(10, -1.0))
    assert buf.capacity == 128 and len(buf) == 110
    assert np.array_equal(y_view, np.arange(10) * 2.0)  # the old view still shows what it showed
    assert np.array_equal(buf.x(), np.arange(110))
    buf.clear()
    assert len(buf) == 0
    assert np.array_equal(y_view, np.arange(10) * 2.0)  # clearing starts new arrays


def test_plots_grow_with_set_data_and_clear(qtbot, plots):
    controller, widget = plots
    loss, acc = widget.loss_plot, widget.accuracy_plot
    assert loss.objectName() == "lossPlot" and acc.objectName() == "accuracyPlot"
    controller.snapshotReceived.emit(snapshot(1, 50))
    controller.snapshotReceived.emit(snapshot(51, 50))
    qtbot.waitUntil(lambda: curve_len(loss, "train") == 100, timeout=1000)
    assert curve_len(loss, "test") == 2
    assert curve_len(acc, "train") == 2
    x, y = loss.series["train"].item.getData()
    assert x[-1] == 100 and np.isclose(y[0], np.exp(-0.01))
    _, acc_y = acc.series["test"].item.getData()
    assert np.allclose(acc_y, 80.0)  # percent
    controller.historyCleared.emit()
    assert curve_len(loss, "train") == 0 and curve_len(acc, "test") == 0
    assert loss.point_count("train") == 0


def test_missing_test_values_are_left_out(qtbot, plots):
    controller, widget = plots
    controller.snapshotReceived.emit(snapshot(1, 10, test=False))
    widget.loss_plot.refresh()
    assert widget.loss_plot.point_count("test") == 0 and widget.loss_plot.point_count("train") == 10


def test_log_toggle(qtbot, plots):
    controller, widget = plots
    controller.snapshotReceived.emit(snapshot(1, 500))
    widget.loss_plot.refresh()
    assert not widget.loss_plot.log_y
    widget.logScaleCheck.setChecked(True)
    assert widget.loss_plot.log_y
    assert widget.loss_plot.plotItem.getAxis("left").logMode
    (_, _), (y_lo, y_hi) = widget.loss_plot.plotItem.vb.viewRange()
    assert y_lo <= np.log10(np.exp(-5.0)) and y_hi >= 0  # log10 units, all the data in view
    widget.logScaleCheck.setChecked(False)
    assert not widget.loss_plot.plotItem.getAxis("left").logMode


def test_hover_shows_the_epoch_and_values(qtbot, plots):
    controller, widget = plots
    controller.snapshotReceived.emit(snapshot(1, 200))
    widget.loss_plot.refresh()
    text = widget.loss_plot.show_hover_at(49.6)
    # the nearest epoch of each curve: train has every epoch, test only the snapshot's last (200)
    assert text == f"epoch 50:  train {np.exp(-0.5):.4g},  test {np.exp(-200 / 80):.4g}"
    assert text == "epoch 50:  train 0.6065,  test 0.08208"
    assert widget.loss_plot.plotItem.titleLabel.text == text
    assert widget.accuracy_plot.show_hover_at(10) == "epoch 200:  train 90.0 %,  test 80.0 %"


def test_the_view_follows_the_data(qtbot, plots):
    controller, widget = plots
    controller.snapshotReceived.emit(snapshot(1, 300))
    widget.loss_plot.refresh()
    (x_lo, x_hi), (y_lo, y_hi) = widget.loss_plot.plotItem.vb.viewRange()
    # round ends (nice_ceiling) a little beyond the data: epochs 300 * 1.1 -> 500; the top
    # loss exp(-0.01) * 1.05 -> 2; then pyqtgraph's 2% padding on each side
    assert (x_lo, x_hi) == pytest.approx((-10.0, 510.0))
    assert (y_lo, y_hi) == pytest.approx((-0.04, 2.04))


def test_accuracy_plot_only_for_classification(qtbot):
    regression = SimpleNamespace(data=SimpleNamespace(is_classification=False), dataChanged=FakeSignal())
    controller = FakeController(regression)
    widget = TrainingPlots(controller)
    qtbot.addWidget(widget)
    widget.show()
    assert not widget.accuracy_plot.isVisible() and widget.loss_plot.isVisible()


def test_a_million_epochs_are_all_kept(qtbot):
    # How fast such a plot redraws is a figure of benchmarks/ui_graph.py.
    plot = LossPlot(FakeController())
    qtbot.addWidget(plot)
    plot.resize(600, 300)
    plot.show()
    qtbot.waitExposed(plot)
    n = 1_000_000
    for start in range(1, n, 100_000):
        plot.append_snapshot(snapshot(start, 100_000))
    for k in range(5):
        plot.append_snapshot(snapshot(n + 1 + 50 * k, 50))
    plot.refresh()
    plot.grab()
    assert plot.point_count("train") == n + 250


def test_accuracy_plot_alone(qtbot):
    plot = AccuracyPlot()
    qtbot.addWidget(plot)
    plot.append_snapshot(snapshot(1, 5))
    plot.refresh()
    assert plot.point_count("train") == 1


def test_while_training_runs_each_plot_redraws_on_its_own_turn(qtbot):
    controller = FakeController()
    widget = TrainingPlots(controller)
    qtbot.addWidget(widget)
    widget.show()
    loss, accuracy = widget.loss_plot, widget.accuracy_plot
    running = snapshot(1, 50)
    running.kind = "training"
    controller.snapshotReceived.emit(running)
    qtbot.wait(150)  # longer than a plot's own refresh interval: nothing redraws by itself
    assert curve_len(loss, "train") == 0 and curve_len(accuracy, "train") == 0
    controller.redrawTurn.emit(1)  # the accuracy plot's turn (one point per evaluation)
    assert curve_len(accuracy, "train") == 1 and curve_len(loss, "train") == 0
    controller.redrawTurn.emit(0)
    assert curve_len(loss, "train") == 50
    paused = snapshot(51, 1)
    paused.kind = "paused"  # not running: shown without waiting for a turn
    controller.snapshotReceived.emit(paused)
    qtbot.waitUntil(lambda: curve_len(loss, "train") == 51 and curve_len(accuracy, "train") == 2, timeout=1000)


def test_a_long_history_draws_about_two_points_per_pixel_column(plots, qtbot):
    controller, widget = plots
    loss = widget.loss_plot
    n = 200_000
    controller.snapshotReceived.emit(snapshot(1, n))
    qtbot.waitUntil(lambda: loss.point_count("train") == n, timeout=1000)
    loss.refresh()
    widget.grab()  # paint: pyqtgraph decimates for the view it is drawn in
    x, y = loss.series["train"].item.curve.getData()
    width = loss.plotItem.vb.width()
    assert len(x) <= 2 * width + 8  # "peak": the lowest and highest value of each column
    assert y.max() == pytest.approx(np.exp(-1 / 100.0)) and y.min() == pytest.approx(np.exp(-n / 100.0))


def test_a_loss_near_the_largest_float_keeps_a_finite_view(qtbot, plots):
    controller, widget = plots
    huge = snapshot(1, 10)
    huge.train_loss = np.full(10, 1.5e308)  # finite, but 5% headroom above it is not
    with qtbot.capture_exceptions() as exceptions:
        controller.snapshotReceived.emit(huge)
        widget.loss_plot.refresh()
    assert exceptions == []
    (_, _), (y_lo, y_hi) = widget.loss_plot.plotItem.vb.viewRange()
    assert np.isfinite(y_lo) and np.isfinite(y_hi)
