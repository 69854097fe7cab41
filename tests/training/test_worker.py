"""The training worker on its own: slots called directly, chunks run by the test's event loop.

No QThread here: the worker's zero-interval timer runs its chunks in the main thread while
qtbot waits, which is exactly the logic the thread runs.
"""

import numpy as np
import pytest

from nnsim.core import Network, load_dataset
from nnsim.core.trainer import TrainingSettings
from nnsim.core.training_data import default_network, prepare_data
from nnsim.training.worker import Snapshot, TrainingWorker, boundary_grid


@pytest.fixture(scope="module")
def iris():
    return prepare_data(load_dataset("iris"))


@pytest.fixture
def worker(qtbot, iris):
    w = TrainingWorker()
    snaps = []
    w.snapshot.connect(snaps.append)
    w.snaps = snaps
    w.load(default_network(iris, seed=0), iris, TrainingSettings(learning_rate=0.1), 0, False)
    yield w
    w.pause()
    w.stop()


def test_load_sends_a_snapshot_of_copies(worker):
    snap = worker.snaps[-1]
    assert isinstance(snap, Snapshot) and snap.kind == "loaded" and snap.epoch == 0
    assert snap.layer_sizes == (4, 8, 8, 3)
    assert not snap.params.flags.writeable
    assert not np.shares_memory(snap.params, worker.network.params)
    assert snap.metrics.test_loss is not None
    assert snap.grid is None  # Iris is not 2-D


def test_resume_then_pause_trains_and_lowers_the_loss(qtbot, worker):
    first = worker.snaps[-1].metrics.train_loss
    worker.resume(None, None)
    qtbot.waitUntil(lambda: worker.epoch >= 60, timeout=3000)
    worker.pause()
    last = worker.snaps[-1]
    assert last.kind == "paused" and not last.running
    assert last.epoch == worker.epoch >= 60
    assert last.metrics.train_loss < first
    # every epoch trained appears once in the history, in order
    epochs = np.concatenate([s.epochs for s in worker.snaps])
    assert np.array_equal(epochs, np.arange(1, worker.epoch + 1))
    assert np.all(np.isfinite(np.concatenate([s.train_loss for s in worker.snaps])))
    count = len(worker.snaps)
    qtbot.wait(30)
    assert len(worker.snaps) == count and worker.epoch == last.epoch  # really paused


def test_step_adds_exactly_one_epoch(worker):
    worker.step()
    assert worker.epoch == 1 and worker.snaps[-1].kind == "step"
    assert list(worker.snaps[-1].epochs) == [1]
    worker.step()
    assert worker.epoch == 2


def test_commands_between_chunks(qtbot, worker):
    worker.resume(None, None)
    qtbot.waitUntil(lambda: worker.epoch >= 5, timeout=2000)
    worker.update_settings({"learning_rate": 0.01, "optimizer": "adam"})
    worker.set_weight(0, 1, 2, 4.5, 7)
    worker.set_bias(1, 3, -2.5, 8)
    epoch = worker.epoch
    assert worker.trainer.settings.learning_rate == 0.01 and worker.trainer.settings.optimizer == "adam"
    assert worker.network.weights[0][1, 2] == 4.5 and worker.network.biases[1][3] == -2.5
    qtbot.waitUntil(lambda: worker.epoch > epoch + 3, timeout=2000)  # no reset: the count goes on
    worker.pause()
    assert worker.snaps[-1].edit_serial == 8
    assert abs(worker.network.weights[0][1, 2] - 4.5) < 0.5  # trained a little, not replaced


def test_replace_network_keeps_the_epoch(qtbot, worker):
    worker.step()
    bigger = worker.network.copy().add_neuron(1)
    worker.replace_network(bigger, None, 5)
    assert worker.network.layer_sizes == [4, 9, 8, 3] and worker.epoch == 1
    worker.step()
    assert worker.snaps[-1].generation == 5 and worker.snaps[-1].layer_sizes == (4, 9, 8, 3)
    assert worker.epoch == 2


def test_stop_after_epochs_is_exact(qtbot, worker):
    with qtbot.waitSignal(worker.finished, timeout=3000):
        worker.resume(37, None)
    assert worker.epoch == 37 and not worker.running
    assert worker.snaps[-1].kind == "finished"


def test_stop_when_the_loss_is_below(qtbot, worker):
    with qtbot.waitSignal(worker.finished, timeout=3000):
        worker.resume(None, 0.3)
    assert worker.snaps[-1].train_loss[-1] < 0.3
    assert not worker.running


def test_divergence_pauses_with_finite_weights(qtbot):
    data = prepare_data(load_dataset("plane"))
    w = TrainingWorker()
    snaps = []
    w.snapshot.connect(snaps.append)
    w.load(default_network(data), data, TrainingSettings(learning_rate=10.0), 0, False)
    with qtbot.waitSignal(w.diverged, timeout=3000) as blocker:
        w.resume(None, None)
    assert "learning rate" in blocker.args[0]
    assert not w.running and snaps[-1].kind == "diverged"
    assert np.all(np.isfinite(snaps[-1].params)) and np.all(np.isfinite(w.network.params))
    # a smaller rate goes on from the kept weights
    w.update_settings({"learning_rate": 0.01})
    w.step()
    assert np.isfinite(snaps[-1].metrics.train_loss)
    w.stop()


def test_snapshots_are_rate_limited(qtbot, worker):
    worker.resume(None, None)
    qtbot.wait(500)
    worker.pause()
    training = [s for s in worker.snaps if s.kind == "training"]
    assert worker.epoch > 50
    assert 3 <= len(training) <= 0.5 * 30 + 3


def test_unacknowledged_snapshots_hold_back(qtbot, worker):
    worker.max_in_flight = 1
    worker._acked = worker._sent  # noqa: SLF001 - everything so far was received
    worker.resume(None, None)
    qtbot.wait(250)
    assert len([s for s in worker.snaps if s.kind == "training"]) == 1
    worker.acknowledge(worker.snaps[-1].serial)
    qtbot.waitUntil(lambda: len([s for s in worker.snaps if s.kind == "training"]) == 2, timeout=1000)
    worker.pause()
    # nothing was lost: the held-back epochs came with the later snapshots
    epochs = np.concatenate([s.epochs for s in worker.snaps])
    assert np.array_equal(epochs, np.arange(1, worker.epoch + 1))


def test_two_d_data_gets_a_float32_boundary_grid(qtbot):
    data = prepare_data(load_dataset("circles"))
    net = Network([2, 6, data.n_outputs], seed=1)
    w = TrainingWorker()
    snaps = []
    w.snapshot.connect(snaps.append)
    w.load(net, data, TrainingSettings(), 0, False)
    grid = snaps[-1].grid
    assert grid.dtype == np.float32 and grid.shape == (100, 100, data.n_outputs)
    assert not grid.flags.writeable
    assert np.allclose(grid.sum(axis=-1), 1.0, atol=1e-4)  # softmax probabilities
    image, extent = boundary_grid(net, data, 20)
    assert image.shape == (20, 20, data.n_outputs) and len(extent) == 4
    w.stop()


def test_a_slow_picture_is_drawn_at_half_resolution_while_training_runs(qtbot, monkeypatch):
    import nnsim.training.worker as worker_module

    monkeypatch.setattr(worker_module, "GRID_FAST_SECONDS", 0.0)  # every picture counts as slow
    monkeypatch.setattr(worker_module, "GRID_BUDGET", 1.0)  # and may be drawn every snapshot
    data = prepare_data(load_dataset("xor"))
    w = TrainingWorker()
    w.snapshot_interval = 0.0
    snaps = []
    w.snapshot.connect(snaps.append)
    w.load(Network([2, 4, data.n_outputs], seed=1), data, TrainingSettings(), 0, False)
    full = w.grid_resolution
    assert snaps[-1].grid.shape[:2] == (full, full)  # loading: the whole picture
    w.resume(None, None)
    qtbot.waitUntil(lambda: sum(s.grid is not None and s.running for s in snaps) >= 3, timeout=5000)
    w.pause()
    live = [s.grid.shape[:2] for s in snaps if s.running and s.grid is not None]
    assert set(live) == {(full // 2, full // 2)}
    assert snaps[-1].kind == "paused" and snaps[-1].grid.shape[:2] == (full, full)
    w.stop()


def test_stop_forgets_everything(qtbot, worker):
    with qtbot.waitSignal(worker.stopped, timeout=1000):
        worker.stop()
    assert worker.network is None and not worker.running
