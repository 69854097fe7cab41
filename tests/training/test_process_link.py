"""The training process: messages cross whole, the session in the process trains exactly as
one in this process does, and a process that dies is said and replaced."""

import os
import signal
import threading

import numpy as np
import pytest

from nnsim.core import load_dataset
from nnsim.core.trainer import TrainingSettings
from nnsim.core.training_data import default_network, prepare_data
from nnsim.training import wire
from nnsim.training.pace import PACES
from nnsim.training.process_link import ProcessLink, running_processes
from nnsim.training.session import TrainingSession

SETTINGS = TrainingSettings(learning_rate=0.1, batch_size=10, optimizer="adam")


@pytest.fixture
def iris():
    return prepare_data(load_dataset("iris"))


@pytest.fixture
def link(qtbot):
    link = ProcessLink()
    yield link
    link.shutdown()


def test_messages_cross_whole_with_big_arrays_out_of_band():
    import multiprocessing

    mine, theirs = multiprocessing.Pipe()
    big = np.arange(100_000, dtype=np.float64).reshape(1000, 100)  # 800 kB: its own frame
    small = np.array([1.5, np.nan, -np.inf, 1e308])
    frozen = big[::2]  # not contiguous: sent as a contiguous copy
    sender = threading.Thread(target=wire.send, args=(mine, ("report", {"big": big, "small": small,
                                                                         "strided": frozen})))
    sender.start()  # a message bigger than the socket's buffer: someone must read meanwhile
    kind, got = wire.receive(theirs)
    sender.join()
    assert kind == "report"
    assert np.array_equal(got["big"], big) and got["big"].dtype == big.dtype
    assert np.array_equal(got["small"], small, equal_nan=True)
    assert np.array_equal(got["strided"], frozen)
    assert got["big"].flags.writeable  # the training process trains on what it receives
    wire.freeze_arrays(got)
    assert not got["big"].flags.writeable and not got["small"].flags.writeable


def cross(value):
    """``value`` after a trip through the wire, as the training process receives it."""
    import multiprocessing

    mine, theirs = multiprocessing.Pipe()
    sender = threading.Thread(target=wire.send, args=(mine, value))
    sender.start()
    got = wire.receive(theirs)
    sender.join()
    return got


def test_a_network_that_crosses_keeps_its_layers_as_views_of_its_parameters(iris):
    # a view sent on its own arrives as an array of its own: training the flat parameters
    # would then leave the weights the forward pass reads where they were
    original = default_network(iris, seed=1)
    net = cross(original)
    assert np.array_equal(net.params, original.params) and net.layer_sizes == original.layer_sizes
    assert net.rng.bit_generator.state == original.rng.bit_generator.state
    net.params[0] = 7.0
    net.params[-1] = -3.0
    assert net.weights[0][0, 0] == 7.0 and net.biases[-1][-1] == -3.0
    assert all(np.shares_memory(w, net.params) for w in net.weights)


def test_data_and_settings_cross_exactly(iris):
    data = cross(iris)
    assert np.array_equal(data.X_train, iris.X_train) and np.array_equal(data.y_test, iris.y_test)
    assert data.dataset.class_names == iris.dataset.class_names
    raw = iris.dataset.X[:5]
    assert np.array_equal(data.transform(raw), iris.transform(raw))
    assert cross(SETTINGS) == SETTINGS and cross(PACES[0]) == PACES[0]
    extremes = (1e308, -0.0, 2 ** 40, 2 ** 80, float("nan"), float("inf"), "", (), [], {})
    back = cross(extremes)
    assert back[:4] == extremes[:4] and str(back[1]) == "-0.0" and np.isnan(back[4])
    assert back[5:] == extremes[5:]


def test_a_message_may_hold_only_what_the_table_names():
    with pytest.raises(TypeError, match="cannot travel"):
        wire.send(None, ("call", "load", (threading.Lock(),)))  # refused before anything is written
    import multiprocessing

    mine, theirs = multiprocessing.Pipe()
    forged = b'{"@":"object","class":"Popen","state":{}}'
    mine.send_bytes(wire._COUNT.pack(0) + forged)
    with pytest.raises(ValueError, match="may not travel"):
        wire.receive(theirs)


def run_link(qtbot, link, command, *args, kind="step"):
    """Send ``command`` and wait for the snapshot of ``kind`` it answers with."""
    with qtbot.waitSignal(link.snapshot, timeout=10_000, check_params_cb=lambda s: s.kind == kind) as blocker:
        getattr(link, command)(*args)
    return blocker.args[0]


def test_the_process_trains_exactly_as_a_session_here(qtbot, link, iris):
    net = default_network(iris, seed=3)
    here = TrainingSession()
    here.load(net.copy(), iris, SETTINGS, 1)
    for _ in range(3):
        here.step_epoch()
    here.step_example(None)
    run_link(qtbot, link, "load", net.copy(), iris, SETTINGS, 1, False, None, kind="loaded")
    for _ in range(3):
        run_link(qtbot, link, "step")
    snap = run_link(qtbot, link, "step_example", None)
    assert snap.epoch == here.epoch == 3
    assert np.array_equal(snap.params, here.network.params)  # bit for bit
    assert not snap.params.flags.writeable  # the window gets frozen arrays, as from a thread
    assert snap.update is not None and np.array_equal(snap.update.after, here.network.params)
    state = link.state()
    assert np.array_equal(state.network.params, here.network.params) and state.n_train == here.trainer.n_train


def test_the_same_data_is_the_same_object_in_the_process(qtbot, link, iris):
    # the session keeps its epoch and optimizer only for the very data it trains on: a table
    # sent again with each command would start over each time
    net = default_network(iris, seed=0)
    run_link(qtbot, link, "load", net.copy(), iris, SETTINGS, 1, False, None, kind="loaded")
    run_link(qtbot, link, "step")
    trained = link.state().network
    run_link(qtbot, link, "load", trained.copy(), iris, SETTINGS, 1, False, None, kind="loaded")
    assert link.state().epoch == 1  # same data: goes on
    other = prepare_data(load_dataset("iris"))
    run_link(qtbot, link, "load", trained.copy(), other, SETTINGS, 2, False, None, kind="loaded")
    assert link.state().epoch == 0  # other data: a new trainer


def test_commands_reach_the_session_in_order_while_it_trains(qtbot, link, iris):
    run_link(qtbot, link, "load", default_network(iris, seed=0), iris, SETTINGS, 1, False, None, kind="loaded")
    link.set_pace(PACES[0])
    link.resume(None, None)
    link.set_parameter(0, 2.5, 1)
    snap = run_link(qtbot, link, "pause", kind="paused")
    assert snap.edit_serial == 1
    state = link.state()
    assert state.pace == PACES[0] and not state.running
    assert state.network.params[0] == snap.params[0]


def test_a_refused_command_comes_back_as_an_error(qtbot, link, iris):
    with qtbot.waitSignal(link.error, timeout=10_000) as blocker:
        link.resume(None, None)  # nothing loaded
    assert blocker.args == ["there is no network to train: load one first"]
    with qtbot.waitSignal(link.error, timeout=10_000) as blocker:
        link.set_plane_features((1, 1))
    assert blocker.args == ["the picture needs two different inputs, got (1, 1)"]


def test_a_killed_process_is_said_and_the_next_command_starts_another(qtbot, link, iris):
    run_link(qtbot, link, "load", default_network(iris, seed=0), iris, SETTINGS, 1, False, None, kind="loaded")
    first = link.process
    heard = []
    link.lost.connect(lambda code: heard.append(("lost", code)))
    link.error.connect(lambda message: heard.append(("error", message)))
    os.kill(first.pid, signal.SIGKILL)
    qtbot.waitUntil(lambda: len(heard) == 2, timeout=10_000)
    assert heard == [("lost", -signal.SIGKILL),
                     ("error", f"training stopped: the training process ended (exit code {-signal.SIGKILL})")]
    assert not link.started and link.state() is None
    snap = run_link(qtbot, link, "load", default_network(iris, seed=0), iris, SETTINGS, 1, False, None,
                    kind="loaded")  # the data crosses again: the new process has none
    assert link.process is not first and snap.epoch == 0 and link.state().n_train == snap.examples_per_epoch


def test_shutdown_ends_the_process_cleanly(qtbot, link, iris):
    assert link.state() is None  # no process before the first command
    run_link(qtbot, link, "load", default_network(iris, seed=0), iris, SETTINGS, 1, False, None, kind="loaded")
    link.resume(None, None)
    process = link.process
    link.shutdown()
    assert not process.is_alive() and process.exitcode == 0
    assert process not in running_processes() and not link.started
