"""The worker adapter: slots call the session, reports become signals, a zero timer runs the
chunks. No QThread here: the timer runs the chunks in the test's event loop, which is the
logic the thread runs. What training decides is tested in test_session.py."""

import numpy as np
import pytest

from nnsim.core import load_dataset
from nnsim.core.addresses import bias_index
from nnsim.core.trainer import TrainingSettings
from nnsim.core.training_data import default_network, prepare_data
from nnsim.training.snapshot import Snapshot
from nnsim.training.worker import TrainingWorker


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


def test_load_sends_a_loaded_snapshot(worker):
    snap = worker.snaps[-1]
    assert isinstance(snap, Snapshot) and snap.kind == "loaded" and snap.epoch == 0


def test_resume_runs_chunks_from_the_event_loop_until_pause(qtbot, worker):
    worker.resume(None, None)
    qtbot.waitUntil(lambda: worker.session.epoch >= 20, timeout=3000)
    worker.pause()
    last = worker.snaps[-1]
    assert last.kind == "paused" and last.epoch == worker.session.epoch
    count = len(worker.snaps)
    qtbot.wait(30)
    assert len(worker.snaps) == count and worker.session.epoch == last.epoch  # the timer stopped


def test_step_and_edit_commands(worker):
    index = bias_index(worker.session.network.layer_sizes, 1, 3)
    worker.set_parameter(index, -2.5, 4)
    assert worker.session.network.biases[1][3] == -2.5
    worker.step()
    assert worker.snaps[-1].kind == "step" and worker.snaps[-1].epoch == 1 and worker.snaps[-1].edit_serial == 4


def test_the_stop_condition_is_a_signal(qtbot, worker):
    with qtbot.waitSignal(worker.finished, timeout=3000):
        worker.resume(12, None)
    assert worker.session.epoch == 12 and worker.snaps[-1].kind == "finished"


def test_a_refused_command_is_an_error_signal_and_changes_nothing(qtbot, worker):
    before = worker.session.network.params.copy()
    with qtbot.waitSignal(worker.error, timeout=1000) as blocker:
        worker.update_settings({"loss": "cross_entropy", "batch_size": -3})
    assert "batch_size" in blocker.args[0]
    assert np.array_equal(worker.session.network.params, before)
    assert worker.session.trainer.settings.batch_size == 10


def test_divergence_is_a_signal(qtbot):
    data = prepare_data(load_dataset("plane"))
    w = TrainingWorker()
    w.load(default_network(data), data, TrainingSettings(learning_rate=10.0), 0, False)
    with qtbot.waitSignal(w.diverged, timeout=3000) as blocker:
        w.resume(None, None)
    assert "learning rate" in blocker.args[0] and not w.session.running
    w.stop()


def test_stop_forgets_everything(qtbot, worker):
    with qtbot.waitSignal(worker.stopped, timeout=1000):
        worker.stop()
    assert worker.session.network is None and not worker.session.running
