"""Training at a pace a class can follow, and one update at a time: the session with a fake
clock (no Qt, no sleeps). The clock moves as the worker would let it: by the session's own
``Report.wait`` between two paced updates."""

import numpy as np
import pytest

from nnsim.core import load_dataset
from nnsim.core.trainer import TrainingSettings
from nnsim.core.training_data import default_network, prepare_data
from nnsim.training.pace import DEFAULT_PACE, FULL_SPEED, PACES, Pace, pace_named
from nnsim.training.session import TrainingSession

from tests.training.test_session import FakeClock, charge_per_batch


@pytest.fixture(scope="module")
def iris():
    return prepare_data(load_dataset("iris"))  # 105 training flowers: 11 batches of 10


@pytest.fixture
def clock():
    return FakeClock()


def _session(iris, clock, pace):
    session = TrainingSession(clock)
    session.load(default_network(iris, seed=0), iris, TrainingSettings(learning_rate=0.1, batch_size=10))
    charge_per_batch(session, clock, 0.0001)
    session.set_pace(pace)
    return session


def run_for(session, clock, seconds, budget=0.008):
    """What the worker does for ``seconds`` of the clock: advance, then wait as told (or
    a little, the event loop's own time); every snapshot acknowledged. Returns the reports."""
    reports, end = [], clock.now + seconds
    while clock.now < end:
        report = session.advance(budget)
        reports.append(report)
        if report.snapshot is not None:
            session.acknowledge(report.snapshot.serial)
        if not session.running:
            break
        clock.now += report.wait if report.wait is not None else 0.0001
    return reports


def updates_in(reports):
    return [r.snapshot.update for r in reports if r.snapshot is not None and r.snapshot.update is not None]


def test_the_paces_run_from_one_update_a_second_to_full_speed():
    assert PACES[0] == Pace("slow_motion", updates_per_second=1)
    assert PACES[DEFAULT_PACE].key == "normal" and PACES[DEFAULT_PACE].batches_per_second(11) == 55.0
    assert PACES[-1] is FULL_SPEED and FULL_SPEED.full_speed and FULL_SPEED.batches_per_second(11) is None
    rates = [p.batches_per_second(11) for p in PACES[:-1]]
    assert rates == sorted(rates) and len(set(rates)) == len(rates)
    assert pace_named("slow") is PACES[2]
    with pytest.raises(ValueError, match="unknown pace 'warp'"):
        pace_named("warp")


def test_slow_motion_makes_one_update_a_second_and_each_one_reaches_the_window(iris, clock):
    session = _session(iris, clock, PACES[0])
    session.resume()
    reports = run_for(session, clock, 3.0)
    updates = updates_in(reports)
    # at 0 s (at once, on Train), 1 s and 2 s; the one due at 3 s is past the end
    assert len(updates) == 3
    assert session.trainer.examples_done == 30  # three batches of 10
    assert [u.examples_done for u in updates] == [10, 20, 30]
    assert all(u.kind == "batch" and u.n_examples == 10 for u in updates)
    # between two updates the worker sleeps: it was told to wait about a second each time
    waits = [r.wait for r in reports if r.wait is not None and r.wait > 0.5]
    assert len(waits) >= 2 and all(w == pytest.approx(1.0, abs=0.01) for w in waits)


def test_the_default_pace_shows_five_epochs_a_second(iris, clock):
    session = _session(iris, clock, PACES[DEFAULT_PACE])
    session.resume()
    run_for(session, clock, 2.0)
    assert 9 <= session.epoch <= 11  # 5 epochs a second, 2 seconds


def test_a_new_pace_takes_effect_at_once_while_training_runs(iris, clock):
    session = _session(iris, clock, PACES[0])
    session.resume()
    run_for(session, clock, 1.5)
    assert session.epoch == 0
    session.set_pace(FULL_SPEED)
    report = session.advance(0.05)  # at full speed: a budget's worth of batches at once
    assert report.wait is None
    assert session.epoch >= 40  # 0.05 s at 0.1 ms a batch: about 45 epochs of 11 batches
    session.set_pace(PACES[0])
    epoch = session.epoch
    run_for(session, clock, 0.5)
    assert session.epoch - epoch <= 1  # slow again at once: one update at most in half a second


def test_a_pace_stops_exactly_after_n_epochs(iris, clock):
    session = _session(iris, clock, PACES[5])  # 30 epochs a second
    session.resume(stop_after_epochs=7)
    reports = run_for(session, clock, 10.0)
    assert reports[-1].finished and session.epoch == 7 and not session.running


def test_in_slow_motion_the_curves_move_with_every_update(iris, clock):
    session = _session(iris, clock, PACES[1])  # 3 updates a second
    session.resume()
    reports = run_for(session, clock, 2.0)
    points = np.concatenate([r.snapshot.eval_epochs for r in reports if r.snapshot is not None])
    assert len(points) >= 6  # one evaluation per update
    assert np.all(np.diff(points) > 0) and points[0] == pytest.approx(10 / 105)  # a tenth of an epoch


def test_an_example_step_trains_one_example_and_carries_its_update(iris, clock):
    session = _session(iris, clock, FULL_SPEED)
    before = session.network.params.copy()
    report = session.step_example()
    snap = report.snapshot
    assert snap.kind == "step" and snap.examples_done == 1 and snap.examples_per_epoch == 105
    update = snap.update
    assert update.kind == "example" and update.n_examples == 1 and update.in_order
    np.testing.assert_array_equal(update.before, before)
    np.testing.assert_array_equal(update.after, snap.params)
    assert np.allclose(update.applied, -0.1 * update.gradient, rtol=1e-12, atol=4e-16)
    chosen = session.step_example(row=42).snapshot
    assert chosen.update.rows.tolist() == [42] and not chosen.update.in_order
    assert chosen.examples_done == 1  # a chosen example is outside the epoch's order
    refused = session.step_example(row=105)
    assert refused.error is not None and "105 training examples" in refused.error


def test_a_batch_step_and_an_epoch_step_carry_their_last_update(iris, clock):
    session = _session(iris, clock, FULL_SPEED)
    session.step_example()
    snap = session.step_batch().snapshot
    assert snap.update.n_examples == 9 and snap.examples_done == 10  # the rest of the first batch
    snap = session.step_epoch().snapshot
    assert snap.epoch == 1 and snap.examples_done == 0
    assert snap.update.n_examples == 5  # the epoch's last, short batch (105 = 10·10 + 5)
    assert list(snap.epochs) == [1]


def test_the_last_example_of_an_epoch_completes_it(iris, clock):
    session = _session(iris, clock, FULL_SPEED)
    session.step_epoch()
    for _ in range(104):
        session.step_example()
    snap = session.step_example().snapshot
    assert snap.epoch == 2 and snap.examples_done == 0 and list(snap.epochs) == [2]
    assert np.isfinite(snap.train_loss[0])


def test_steps_wait_while_training_runs_and_a_bad_pace_is_refused(iris, clock):
    session = _session(iris, clock, FULL_SPEED)
    session.resume()
    assert session.step_example().snapshot is None and session.step_batch().snapshot is None
    report = session.set_pace("fast")
    assert report.error is not None and session.pace is FULL_SPEED
