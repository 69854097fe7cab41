"""The training session on its own: plain method calls and a fake clock, no Qt, no sleeps.

The fake clock moves only when the session trains: every mini-batch "costs" a fixed time,
so a test says exactly how long training takes and checks what the session does with it.
"""

import numpy as np
import pytest

from nnsim.core import Network, load_dataset
from nnsim.core.addresses import bias_index, weight_index
from nnsim.core.trainer import TrainingSettings
from nnsim.core.training_data import default_network, prepare_data
from nnsim.training import session as session_module
from nnsim.training.session import TrainingSession


class FakeClock:
    """Seconds that pass only when the test (or a costly batch) says so."""

    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def charge_per_batch(session, clock, seconds: float) -> None:
    """From now on every mini-batch the session trains moves ``clock`` by ``seconds``."""
    trainer = session.trainer
    real = trainer.train_batches

    def train_batches(n):
        run = real(n)
        clock.now += run.batches * seconds
        return run

    trainer.train_batches = train_batches


@pytest.fixture(scope="module")
def iris():
    return prepare_data(load_dataset("iris"))


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def session(iris, clock):
    s = TrainingSession(clock)
    report = s.load(default_network(iris, seed=0), iris, TrainingSettings(learning_rate=0.1))
    assert report.error is None and report.snapshot.kind == "loaded"
    charge_per_batch(s, clock, 0.001)
    return s


def run_until(session, clock, done, budget=0.008, limit=100_000):
    """Advance in chunks of ``budget`` (acknowledging every snapshot, as the window does)
    until ``done(report)``; returns every report."""
    reports = []
    for _ in range(limit):
        report = session.advance(budget)
        reports.append(report)
        if report.snapshot is not None:
            session.acknowledge(report.snapshot.serial)
        if done(report):
            return reports
        clock.now += 0.0001  # the event loop's own time between two chunks
    raise AssertionError("the condition was never reached")


def snapshots(reports):
    return [r.snapshot for r in reports if r.snapshot is not None]


# ---------------------------------------------------------------------- batches against a clock
def test_advance_trains_batches_within_its_budget_not_whole_epochs(iris, clock):
    s = TrainingSession(clock)
    s.load(default_network(iris), iris, TrainingSettings(batch_size=1))  # 105 batches an epoch
    charge_per_batch(s, clock, 0.004)
    s.resume()
    s.advance(0.010)
    # The first batch measures the batch time; then the session stops as soon as the budget
    # is spent: at most one batch past it, never the rest of the epoch.
    assert clock.now <= 0.010 + 0.004
    assert s.trainer.examples_done == 3 and s.epoch == 0
    s.advance(0.100)
    assert s.trainer.examples_done == 3 + 25 and s.epoch == 0


def test_a_big_data_set_never_blocks_for_longer_than_the_budget(clock):
    big = prepare_data(load_dataset("spiral", n_samples=20_000))
    s = TrainingSession(clock)
    s.load(Network([2, 8, big.n_outputs], seed=0), big, TrainingSettings(batch_size=10))
    charge_per_batch(s, clock, 0.0005)  # an epoch of 1,400 batches: 0.7 s
    s.resume()
    for _ in range(20):
        start = clock.now
        s.advance(0.008)
        assert clock.now - start <= 0.008 + 0.0005
    assert s.epoch == 0 and 0 < s.trainer.batch_position < s.trainer.batches_per_epoch


def test_every_epoch_appears_once_in_the_history_in_order(session, clock):
    first_loss = session.trainer.evaluate().train_loss
    session.resume()
    reports = run_until(session, clock, lambda r: session.epoch >= 60)
    last = session.pause().snapshot
    assert last.kind == "paused" and not last.running and last.epoch == session.epoch
    epochs = np.concatenate([snap.epochs for snap in snapshots(reports) + [last]])
    assert np.array_equal(epochs, np.arange(1, session.epoch + 1))
    assert last.metrics.train_loss < first_loss
    assert session.advance(0.008).snapshot is None and session.epoch == last.epoch  # really paused


def test_snapshots_come_at_most_thirty_times_a_second(session, clock):
    session.resume()
    times = []
    while clock.now < 1.0:
        report = session.advance(0.008)
        if report.snapshot is not None:
            session.acknowledge(report.snapshot.serial)
            times.append(clock.now)
    assert 25 <= len(times) <= 31
    assert min(np.diff(times)) >= 1 / 30 - 0.009  # at most one chunk early


def test_unacknowledged_snapshots_hold_the_next_ones_back(iris, clock):
    s = TrainingSession(clock, max_in_flight=1)
    s.load(default_network(iris), iris)
    s.acknowledge(1)
    charge_per_batch(s, clock, 0.001)
    s.resume()
    held = [s.advance(0.008) for _ in range(100)]
    assert len(snapshots(held)) == 1  # the window has not caught up: nothing more is sent
    s.acknowledge(snapshots(held)[0].serial)
    later = run_until(s, clock, lambda r: r.snapshot is not None)
    # nothing was lost: the held-back epochs came with the later snapshot
    epochs = np.concatenate([snap.epochs for snap in snapshots(held) + snapshots(later)])
    assert np.array_equal(epochs, np.arange(1, s.epoch + 1))


def test_snapshots_are_read_only_copies(session):
    snap = session.pause().snapshot or session.step_epoch().snapshot
    assert not snap.params.flags.writeable and not snap.train_loss.flags.writeable
    assert not np.shares_memory(snap.params, session.network.params)
    assert snap.layer_sizes == (4, 8, 8, 3)
    # Iris has a picture too: the plane of its first two inputs, the others at their mean
    assert snap.grid.shape[2] == 3 and not snap.grid.flags.writeable and snap.grid_features == (0, 1)
    assert [g.shape[2] for g in snap.neuron_grids] == [8, 8, 3]
    assert not any(g.flags.writeable for g in snap.neuron_grids)
    assert snap.examples_per_epoch == 105


# ---------------------------------------------------------------------- stop conditions and steps
def test_stop_after_epochs_is_exact(session, clock):
    session.resume(stop_after_epochs=37)
    reports = run_until(session, clock, lambda r: r.finished)
    assert session.epoch == 37 and not session.running
    assert reports[-1].snapshot.kind == "finished" and reports[-1].snapshot.epoch == 37


def test_stop_when_an_epochs_loss_is_below_the_target(session, clock):
    session.resume(stop_below_loss=0.3)
    reports = run_until(session, clock, lambda r: r.finished)
    history = np.concatenate([snap.train_loss for snap in snapshots(reports)])
    assert history[-1] < 0.3 and np.all(history[:-1] >= 0.3)  # it stopped at the first one
    assert reports[-1].snapshot.epoch == session.epoch == len(history)


def test_a_step_is_exactly_one_epoch(session):
    for expected in (1, 2, 3):
        snap = session.step_epoch().snapshot
        assert snap.kind == "step" and snap.epoch == session.epoch == expected
        assert list(snap.epochs) == [expected]


def test_a_step_after_a_pause_mid_epoch_completes_that_epoch(iris, clock):
    s = TrainingSession(clock)
    s.load(default_network(iris), iris, TrainingSettings(batch_size=5))  # 21 batches an epoch
    charge_per_batch(s, clock, 0.001)
    s.resume()
    s.advance(0.004)
    s.pause()
    assert s.epoch == 0 and s.trainer.examples_done > 0
    snap = s.step_epoch().snapshot
    assert snap.epoch == 1 and snap.examples_done == 0 and list(snap.epochs) == [1]


# ---------------------------------------------------------------------- commands
def test_an_edit_by_flat_index_lands_on_that_parameter(session):
    before = session.network.params.copy()
    sizes = session.network.layer_sizes
    session.set_parameter(bias_index(sizes, 1, 3), -2.5, serial=7)
    session.set_parameter(weight_index(sizes, 0, 1, 2), 4.5, serial=8)
    net = session.network
    assert net.biases[1][3] == -2.5 and net.weights[0][1, 2] == 4.5
    changed = np.flatnonzero(net.params != before)
    assert sorted(changed) == sorted([bias_index(sizes, 1, 3), weight_index(sizes, 0, 1, 2)])
    assert session.step_epoch().snapshot.edit_serial == 8


def test_an_edit_for_a_parameter_the_network_does_not_have_is_ignored(session):
    before = session.network.params.copy()
    assert session.set_parameter(10_000, 1.0, serial=3).error is None
    assert session.set_parameter(-1, 1.0, serial=4).error is None
    assert np.array_equal(session.network.params, before)


def test_settings_change_without_a_reset(session, clock):
    session.resume()
    run_until(session, clock, lambda r: session.epoch >= 5)
    epoch = session.epoch
    assert session.update_settings({"learning_rate": 0.01, "optimizer": "adam"}).error is None
    assert session.trainer.settings.learning_rate == 0.01 and session.trainer.settings.optimizer == "adam"
    run_until(session, clock, lambda r: session.epoch > epoch + 3)  # the count goes on


def test_replace_network_keeps_the_epoch(session):
    session.step_epoch()
    bigger = session.network.copy().add_neuron(1)
    session.replace_network(bigger, None, generation=5)
    snap = session.step_epoch().snapshot
    assert session.network.layer_sizes == [4, 9, 8, 3] and snap.epoch == 2
    assert snap.generation == 5 and snap.layer_sizes == (4, 9, 8, 3)


# ---------------------------------------------------------------------- refusals change nothing
def _state(session):
    t = session.trainer
    return (t.network.params.copy(), list(t.network.layer_sizes), list(t.network.activations),
            t.settings, t.epoch, session.data, session.generation)


def _assert_same(a, b):
    assert np.array_equal(a[0], b[0]) and a[1:] == b[1:]


def test_a_loss_that_does_not_fit_the_new_output_is_refused_and_nothing_changes(iris, clock):
    s = TrainingSession(clock)
    s.load(default_network(iris), iris, TrainingSettings(loss="cross_entropy"))
    charge_per_batch(s, clock, 0.001)
    s.resume()
    run_until(s, clock, lambda r: s.epoch >= 2)
    s.pause()
    before = _state(s)
    tanh_out = s.network.copy().with_activation(3, "tanh")
    report = s.replace_network(tanh_out, None, generation=9)
    assert "cross_entropy" in report.error and not s.running
    _assert_same(_state(s), before)
    report = s.load(tanh_out, iris, TrainingSettings(loss="cross_entropy"), generation=9)
    assert report.error is not None and report.snapshot is None
    _assert_same(_state(s), before)
    assert s.step_epoch().error is not None and s.epoch == 2  # and nothing trains meanwhile


def test_refused_settings_change_nothing(session):
    before = _state(session)
    for changes in ({"learning_rate": -1.0}, {"batch_size": 0}, {"nonsense": 1}, {"optimizer": "magic"}):
        report = session.update_settings(changes)
        assert report.error is not None
        _assert_same(_state(session), before)


def test_a_network_that_does_not_fit_the_data_is_refused(session):
    before = _state(session)
    report = session.load(Network([3, 4, 3]), session.data, TrainingSettings(), generation=4)
    assert "inputs" in report.error
    _assert_same(_state(session), before)


def test_nothing_raises_out_of_the_session(session, clock):
    def broken(n):
        raise RuntimeError("disk on fire")

    session.resume()
    session.trainer.train_batches = broken
    report = session.advance(0.008)
    assert report.error == "training stopped: disk on fire" and not session.running


def test_resume_without_a_network_is_refused(clock):
    report = TrainingSession(clock).resume()
    assert report.error is not None


# ---------------------------------------------------------------------- divergence and pictures
def test_divergence_pauses_with_finite_weights_and_can_go_on(clock):
    data = prepare_data(load_dataset("plane"))
    s = TrainingSession(clock)
    s.load(default_network(data), data, TrainingSettings(learning_rate=10.0))
    charge_per_batch(s, clock, 0.001)
    s.resume()
    reports = run_until(s, clock, lambda r: r.diverged is not None)
    assert "learning rate" in reports[-1].diverged and not s.running
    assert reports[-1].snapshot.kind == "diverged"
    assert np.all(np.isfinite(reports[-1].snapshot.params)) and np.all(np.isfinite(s.network.params))
    s.update_settings({"learning_rate": 0.01})
    assert np.isfinite(s.step_epoch().snapshot.metrics.train_loss)


def test_two_d_data_gets_a_float32_boundary_picture(clock):
    data = prepare_data(load_dataset("circles"))
    s = TrainingSession(clock)
    grid = s.load(Network([2, 6, data.n_outputs], seed=1), data).snapshot.grid
    assert grid.dtype == np.float32 and grid.shape == (100, 100, data.n_outputs)
    assert not grid.flags.writeable
    assert np.allclose(grid.sum(axis=-1), 1.0, atol=1e-4)  # softmax probabilities


def test_a_slow_picture_is_drawn_at_half_resolution_while_training_runs(clock, monkeypatch):
    monkeypatch.setattr(session_module, "GRID_FAST_SECONDS", -1.0)  # every picture counts as slow
    monkeypatch.setattr(session_module, "GRID_BUDGET", 1.0)  # and may be drawn every snapshot
    data = prepare_data(load_dataset("xor"))
    s = TrainingSession(clock)
    full = s.grid_resolution
    assert s.load(Network([2, 4, data.n_outputs], seed=1), data).snapshot.grid.shape[:2] == (full, full)
    charge_per_batch(s, clock, 0.001)
    s.resume()
    reports = run_until(s, clock, lambda r: r.snapshot is not None and r.snapshot.grid is not None)
    assert reports[-1].snapshot.grid.shape[:2] == (full // 2, full // 2)
    assert s.pause().snapshot.grid.shape[:2] == (full, full)  # pause: the whole picture


def test_stop_forgets_everything(session):
    session.stop()
    assert session.network is None and not session.running and session.data is None


def test_after_a_refused_set_up_nothing_trains_until_one_is_accepted(iris, clock):
    # The window sends its network, then Train: with the network refused, Train must not
    # go on training the old one (it would train what the window no longer shows).
    s = TrainingSession(clock)
    s.load(default_network(iris), iris, TrainingSettings(loss="cross_entropy"))
    before = _state(s)
    tanh_out = s.network.copy().with_activation(3, "tanh")
    assert s.load(tanh_out, iris, TrainingSettings(loss="cross_entropy")).error is not None
    for command in (s.resume, s.step_epoch):
        report = command()
        assert "cross_entropy" in report.error and not s.running
    s.set_parameter(0, 99.0, serial=1)  # an edit of the refused network: not this one's
    assert s.advance(0.008) is session_module.NOTHING
    _assert_same(_state(s), before)
    assert s.load(tanh_out, iris, TrainingSettings(loss="auto"), generation=2).error is None
    assert s.refused is None and s.step_epoch().snapshot.epoch == 1


def test_the_evaluation_curves_show_the_start_and_have_no_long_straight_lines(iris, clock):
    # At full speed Iris trains thousands of epochs a second; evaluated at the snapshot
    # rate only, its first 200 epochs got 3-4 test points: straight lines on the plot.
    s = TrainingSession(clock)
    s.load(default_network(iris), iris)
    charge_per_batch(s, clock, 0.00003)  # ~3,000 epochs a second, as measured in the window
    real_evaluate = s.trainer.evaluate

    def costly_evaluate():
        clock.now += 0.0002  # what a full-set evaluation of Iris costs
        return real_evaluate()

    s.trainer.evaluate = costly_evaluate
    s.resume()
    reports = run_until(s, clock, lambda r: s.epoch >= 1500)
    points = np.concatenate([snap.eval_epochs for snap in snapshots(reports)])
    assert np.all(np.diff(points) > 0)  # one point per epoch at most, in order
    for shown in (50, 200, 1500):  # the epochs on the plot at some moment
        visible = points[points <= shown]
        assert np.sum(visible <= max(20, 0.05 * shown)) >= 5
        assert np.max(np.diff(np.concatenate([[0], visible]))) <= shown / 5
    # and evaluating did not take more than its share of the time
    assert len(points) * 0.0002 <= 0.1 * clock.now


def test_a_divergence_found_by_the_evaluation_is_reported_at_once(session):
    real = session.trainer.evaluate

    def evaluate_finds_divergence():
        session.trainer.diverged = "Training diverged at epoch 1: the loss became infinite."
        return real()

    session.trainer.evaluate = evaluate_finds_divergence
    report = session.step_epoch()
    assert report.diverged == "Training diverged at epoch 1: the loss became infinite."
    assert report.snapshot.kind == "diverged" and not session.running
