"""The training session: everything training does, in plain Python and NumPy (no Qt).

A ``TrainingSession`` owns the trainer while training runs, and decides everything about
it: how many mini-batches to train before looking at the clock again, when to stop (after N
epochs, below a loss, on divergence), when the full-set evaluation and the decision-boundary
picture are worth their time, and what goes into each ``Snapshot`` for the window.

Every command is a plain method call that returns a ``Report`` (a snapshot to show, and
whether training finished, diverged or refused the command). No method raises: a refused
command leaves the session exactly as it was and says why in ``Report.error``.

``advance(budget_seconds)`` is the heartbeat. It trains **batches**, not whole epochs,
against an injectable clock, and returns once the budget is spent: a data set whose epoch
takes seconds still hands control back within about one batch of the budget, so the commands
waiting in the worker's queue (pause, an edit, closing the window) run at once. Tests drive
it with a fake clock: no sleeps, no threads, no Qt. ``nnsim.training.worker`` runs the same
session in a QThread.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import time
from dataclasses import dataclass

import numpy as np

from nnsim.core import grid as core_grid
from nnsim.core.arrays import frozen_copy
from nnsim.core.scores import row_predictions
from nnsim.core.trainer import Trainer, TrainingSettings
from nnsim.training.pace import FULL_SPEED, Pace
from nnsim.training.snapshot import Snapshot, evaluation_points

#: snapshots per second, at most, while training runs
SNAPSHOT_HZ = 30.0
#: the decision-boundary picture takes at most this fraction of the session's time (with the
#: evaluation below, time not spent training: measured on six hidden layers of 64, 5% + 4%
#: left training at 0.75-0.80 of the engine's speed, 3% + 3% at 0.82-0.84)
GRID_BUDGET = 0.03
#: pictures that cost little (a small network: at most SMOOTH_PICTURE_BUDGET of the time at
#: SMOOTH_PICTURE_HZ) refresh at SMOOTH_PICTURE_HZ, so every neuron's picture moves smoothly
#: (issue 10: >= 20 a second); dearer ones keep to GRID_BUDGET
SMOOTH_PICTURE_HZ = 25.0
SMOOTH_PICTURE_BUDGET = 0.10
#: at a pace the worker waits between updates anyway: pictures may take this share of the time
PACED_PICTURE_BUDGET = 0.5
#: full-set evaluation (loss and accuracy on both parts) takes at most this fraction; a
#: snapshot between evaluations carries the last metrics and no new evaluation point
EVAL_BUDGET = 0.03
#: besides the time budget, the full sets are evaluated on a schedule of epochs, so the
#: curves show the start of training as well as the rest: at every epoch until
#: ``EVAL_EVERY_EPOCH_UNTIL``, then whenever the epoch count grew by ``EVAL_SPACING`` of
#: itself (2%: no two points of the test curve further apart than 2% of the epochs shown).
#: Past ``EVAL_EVERY_EPOCH_UNTIL`` a scheduled evaluation also waits for the time budget.
EVAL_EVERY_EPOCH_UNTIL = 100
EVAL_SPACING = 0.02
#: cells per side of the decision-boundary picture
GRID_RESOLUTION = core_grid.DEFAULT_RESOLUTION
#: while training runs, a picture that took longer than this at full resolution is drawn at
#: half the resolution (a quarter of the work), so within GRID_BUDGET it refreshes four times
#: as often; pause and step always bring the full picture
GRID_FAST_SECONDS = 0.006
#: at most this many batches between two looks at the clock (a guard while the batch time is
#: still being learned, and against a clock that stands still)
MAX_BATCHES_PER_CALL = 100_000
#: a paced session that fell behind (a busy machine, a long picture) catches up at most this
#: many seconds' worth of updates at once, so a stall never turns into a sudden burst
PACE_CATCH_UP = 0.1


@dataclass(frozen=True)
class Report:
    """What a command or an ``advance`` produced: a snapshot to show (or None), and whether
    training reached its stop condition, diverged (the message) or refused the command (the
    message). After ``finished``, ``diverged`` or ``error`` the session is paused. ``wait``:
    see below."""

    snapshot: Snapshot | None = None
    finished: bool = False
    diverged: str | None = None
    error: str | None = None
    #: at a pace, the seconds until the next update is due (the worker sleeps that long);
    #: None: call ``advance`` again at once
    wait: float | None = None


NOTHING = Report()


def settings_changes(old: TrainingSettings, new: TrainingSettings) -> dict:
    """The fields of ``new`` that differ from ``old``."""
    return {f.name: getattr(new, f.name) for f in dataclasses.fields(new) if getattr(new, f.name) != getattr(old, f.name)}


def _never_raises(command):
    """Nothing may raise in the training thread: an unexpected error in ``command`` pauses the
    session and comes back as ``Report.error`` (the window shows it) instead."""

    @functools.wraps(command)
    def guarded(self, *args, **kwargs):
        try:
            return command(self, *args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - report and pause rather than kill the thread
            self.running = False
            return Report(error=f"training stopped: {exc}")

    return guarded


def _same_structure(a, b) -> bool:
    return (
        list(a.layer_sizes) == list(b.layer_sizes)
        and list(a.activations) == list(b.activations)
        and a.threshold == b.threshold
    )


class TrainingSession:
    """Trains one network on one data set, a budget of seconds at a time. See the module
    docstring; ``clock`` returns seconds (``time.perf_counter`` unless a test fakes it)."""

    def __init__(self, clock=time.perf_counter, *, max_in_flight: int | None = None,
                 snapshot_hz: float = SNAPSHOT_HZ, grid_resolution: int = GRID_RESOLUTION):
        self.clock = clock
        #: at most this many snapshots the UI has not acknowledged (None: no limit)
        self.max_in_flight = max_in_flight
        self.snapshot_interval = 1.0 / snapshot_hz
        self.grid_resolution = grid_resolution
        self.trainer: Trainer | None = None
        self.data = None
        self.running = False
        self.generation = 0
        #: why the window's last set-up (load, structure) was refused; until one is accepted,
        #: the session will not train (it would train something the window does not show)
        self.refused: str | None = None
        self._sent = 0
        self._acked = 0
        self._edit_serial = 0
        self._stop_epoch: int | None = None
        self._stop_loss: float | None = None
        self.pace: Pace = FULL_SPEED
        self._pace_credit = 0.0  # updates due and not yet made (a fraction of the next one)
        self._pace_time = self.clock()
        self._batch_seconds: float | None = None  # smoothed time of one mini-batch
        self._plane_features = (0, 1)  # the inputs on the pictures' axes (set_plane_features)
        self._forget_pictures()
        self._last_emit = -math.inf
        self._rate_epoch = 0
        self._rate_time = self.clock()
        self._eps = 0.0

    # ------------------------------------------------------------------ reading
    @property
    def network(self):
        """The live network (None before ``load``)."""
        return self.trainer.network if self.trainer is not None else None

    @property
    def epoch(self) -> int:
        return self.trainer.epoch if self.trainer is not None else 0

    @property
    def epochs_per_second(self) -> float:
        return self._eps

    def acknowledge(self, serial: int) -> None:
        """The UI has received snapshot ``serial`` (the worker calls this from the UI thread:
        one int write)."""
        self._acked = max(self._acked, int(serial))

    # ------------------------------------------------------------------ commands
    @_never_raises
    def load(self, network, data, settings: TrainingSettings | None = None, generation: int = 0,
             reset: bool = False, epoch: int | None = None, optimizer_state=None) -> Report:
        """Take ``network`` (the session owns it from now on: pass a copy) and ``data``.

        With the same data and structure as now, only the parameters are copied in (the
        optimizer keeps its memory, the epoch count stays). ``reset`` starts over at epoch
        0. ``epoch``: the count a new trainer (other data) starts from, so a reopened
        document goes on from its saved epoch (None: 0). ``optimizer_state``: a reopened
        document's optimizer memory (``OptimizerState``) to go on with (ignored with
        ``reset``, or when it does not fit: then the optimizer is as it would be). Answers with a "loaded" snapshot,
        or refuses and keeps everything as it was.
        """
        settings = settings or TrainingSettings()
        refused = self._refusal(network, data, settings)
        if refused:
            return self._refuse_set_up(refused)
        trainer = self.trainer
        if trainer is None or data is not self.data:
            self.trainer, self.data = Trainer(network, data, settings), data
            if epoch is not None and not reset:
                self.trainer.epoch = max(0, int(epoch))
            self._extent = None
        else:
            if settings != trainer.settings:
                trainer.update_settings(**settings_changes(trainer.settings, settings))
            if reset:
                trainer.reset(network)
            elif _same_structure(trainer.network, network):
                trainer.network.params[...] = network.params
                trainer.diverged = None
            else:
                trainer.replace_network(network)
        if optimizer_state is not None and not reset:
            self.trainer.restore_optimizer_state(optimizer_state)
        self._took_network(generation)
        if reset:
            self._batch_seconds = None
        return Report(self._snapshot("loaded", force=True))

    @_never_raises
    def replace_network(self, network, data=None, generation: int = 0) -> Report:
        """A structural change: go on training ``network`` (a copy the session now owns),
        keeping the epoch and the settings. ``data`` None keeps the current data."""
        if self.trainer is None:
            return NOTHING
        data = self.data if data is None else data
        refused = self._refusal(network, data, self.trainer.settings)
        if refused:
            return self._refuse_set_up(refused)
        if data is not self.data:
            epoch = self.trainer.epoch
            self.trainer = Trainer(network, data, self.trainer.settings)
            self.trainer.epoch = epoch
            self.data = data
            self._extent = None
        else:
            self.trainer.replace_network(network)
        self._took_network(generation)
        return NOTHING

    @_never_raises
    def update_settings(self, changes: dict) -> Report:
        """Learning rate, optimizer, batch size, loss, regularization... without a reset."""
        if self.trainer is None or not changes:
            return NOTHING
        try:
            new = dataclasses.replace(self.trainer.settings, **dict(changes))
        except (TypeError, ValueError) as exc:
            return self._refuse(str(exc))
        refused = self._refusal(self.trainer.network, self.data, new)
        if refused:
            return self._refuse(refused)
        self.trainer.update_settings(**dict(changes))
        return NOTHING

    @_never_raises
    def set_parameter(self, index: int, value: float, serial: int = 0) -> Report:
        """Set ``network.params[index]`` (the one address of a weight or bias:
        ``nnsim.core.addresses``). An index this network does not have is ignored, and so is
        every edit while a set-up is refused (it was made on the refused network)."""
        if self.trainer is not None and self.refused is None and 0 <= int(index) < self.trainer.network.n_params:
            self.trainer.network.params[int(index)] = float(value)
            self._changes += 1
        self._edit_serial = max(self._edit_serial, int(serial))
        return NOTHING

    @_never_raises
    def set_pace(self, pace: Pace) -> Report:
        """Train at ``pace`` from now on (``nnsim.training.pace``); takes effect at once, also
        while training runs."""
        if not isinstance(pace, Pace):
            return self._refuse(f"a pace is a Pace, not {pace!r}")
        self.pace = pace
        self._pace_credit, self._pace_time = min(self._pace_credit, 1.0), self.clock()
        return NOTHING

    @_never_raises
    def resume(self, stop_after_epochs: int | None = None, stop_below_loss: float | None = None) -> Report:
        """Train (in later ``advance`` calls) until paused, or until ``stop_after_epochs``
        more epochs (counted from now) or an epoch's loss below ``stop_below_loss``."""
        if self.trainer is None:
            return self._refuse("there is no network to train: load one first")
        if self.refused is not None:
            return self._refuse(self.refused)
        self._stop_epoch = None if stop_after_epochs is None else self.trainer.epoch + int(stop_after_epochs)
        self._stop_loss = None if stop_below_loss is None else float(stop_below_loss)
        if self._stop_epoch is not None and self._stop_epoch <= self.trainer.epoch:
            return self._finish()
        self.running = True
        self._rate_epoch, self._rate_time = self.trainer.epoch, self.clock()
        # at a pace, the first update comes at once, the next ones at the pace's rate
        self._pace_credit, self._pace_time = 1.0, self.clock()
        return NOTHING

    @_never_raises
    def pause(self) -> Report:
        """Stop training and answer with a "paused" snapshot of where it is: always, also
        when training had already stopped by itself (finished, diverged, refused) while the
        window's Pause was on its way, so the window always hears where training stands."""
        self.running = False
        if self.trainer is None:
            return NOTHING
        return Report(self._snapshot("paused", force=True))

    @_never_raises
    def step_epoch(self) -> Report:
        """While paused: train to the end of the current epoch (a whole epoch when it has
        not begun), then a "step" snapshot."""
        if self.trainer is None or self.running:
            return NOTHING
        if self.refused is not None:
            return self._refuse(self.refused)
        trainer = self.trainer
        # The epoch's last batch the readable way, so the window can show that update.
        run = trainer.train_batches(trainer.batches_per_epoch - trainer.batch_position - 1)
        self._changes += 1
        self._record(run.epochs, run.losses)
        if trainer.diverged is None:
            self._readable_batch()
        if trainer.diverged is not None:
            return self._diverge()
        return self._report(self._snapshot("step", force=True))

    @_never_raises
    def step_example(self, row: int | None = None) -> Report:
        """While paused: one gradient step on a single training example (``row``: an index
        into the training part, trained outside the epoch's order; None: the next example of
        the epoch), then a "step" snapshot carrying the ``Update``."""
        if self.trainer is None or self.running:
            return NOTHING
        if self.refused is not None:
            return self._refuse(self.refused)
        before = self.trainer.epoch
        try:
            update = self.trainer.step_example(row)
        except ValueError as exc:
            return self._refuse(str(exc))
        self._changes += 1
        if self.trainer.diverged is not None:
            return self._diverge()
        self._update = update
        if self.trainer.epoch > before:  # the epoch's last example
            self._record((self.trainer.epoch,), (self.trainer.last_epoch_loss,))
        return self._report(self._snapshot("step", force=True))

    @_never_raises
    def step_batch(self) -> Report:
        """While paused: one mini-batch (the rest of the current one after example steps),
        then a "step" snapshot carrying the ``Update``."""
        if self.trainer is None or self.running:
            return NOTHING
        if self.refused is not None:
            return self._refuse(self.refused)
        self._readable_batch()
        if self.trainer.diverged is not None:
            return self._diverge()
        return self._report(self._snapshot("step", force=True))

    def _readable_batch(self) -> None:
        """One batch the readable way; its ``Update`` is the one the next snapshot carries."""
        update, run = self.trainer.step_batch()
        self._changes += 1
        if update is not None:
            self._update = update
            self._record(run.epochs, run.losses)

    def stop(self) -> None:
        """For shutdown: stop training and forget the network and the data."""
        self.running = False
        self.trainer = None
        self.data = None

    # ------------------------------------------------------------------ the heartbeat
    @_never_raises
    def advance(self, budget_seconds: float) -> Report:
        """Train mini-batches for about ``budget_seconds`` of the clock (at least one batch),
        then a "training" snapshot if one is due; or finish, or diverge."""
        if not self.running or self.trainer is None:
            return NOTHING
        rate = self.pace.batches_per_second(self.trainer.batches_per_epoch)
        if rate is not None:
            return self._advance_paced(rate, budget_seconds)
        trainer = self.trainer
        start = self.clock()
        deadline = start + budget_seconds
        finished = False
        now = start
        while True:
            n = self._batches_for(deadline - now)
            if n == 0:
                finished = True  # the stop epoch is reached
                break
            n = min(n, self._batches_to_next_evaluation())
            run = trainer.train_batches(n)
            self._changes += 1
            self._record(run.epochs, run.losses)
            if run.epochs and trainer.diverged is None and self._evaluation_due():
                self._evaluate()
            later = self.clock()
            if run.batches:
                per_batch = (later - now) / run.batches
                self._batch_seconds = (per_batch if self._batch_seconds is None
                                       else 0.7 * self._batch_seconds + 0.3 * per_batch)
            now = later
            if trainer.diverged is not None:
                break
            if self._stop_loss is not None and any(loss < self._stop_loss for loss in run.losses):
                finished = True
                break
            if self._stop_epoch is not None and trainer.epoch >= self._stop_epoch:
                finished = True
                break
            if now >= deadline:
                break
        if trainer.diverged is not None:
            return self._diverge()
        if finished:
            return self._finish()
        snap = self._snapshot("training")
        return self._report(snap) if snap is not None else NOTHING

    def _advance_paced(self, rate: float, budget_seconds: float) -> Report:
        """``advance`` at a pace of ``rate`` updates a second: the updates due by now (at
        most ``budget_seconds`` of them), the last one the readable way so the window can
        show it. Below the snapshot rate every update gets its own snapshot (each one is
        drawn). The report says how long to wait for the next one."""
        trainer = self.trainer
        now = self.clock()
        catch_up = max(1.0, rate * PACE_CATCH_UP)
        self._pace_credit = min(self._pace_credit + rate * (now - self._pace_time), catch_up)
        self._pace_time = now
        due = int(self._pace_credit + 1e-9)  # (a sum of rate·dt may fall short of 1 by a rounding)
        if due == 0:
            return Report(wait=(1.0 - self._pace_credit) / rate)
        n = min(due, self._batches_for(budget_seconds))
        if n == 0:
            return self._finish()  # the stop epoch is reached
        start = self.clock()
        run = trainer.train_batches(n - 1)
        self._record(run.epochs, run.losses)
        losses = list(run.losses)
        if trainer.diverged is None:
            epochs_before = len(self._epochs)
            self._readable_batch()
            losses += self._losses[epochs_before:]
        self._changes += 1
        self._pace_credit -= n
        if n > 1:
            per_batch = (self.clock() - start) / n
            self._batch_seconds = (per_batch if self._batch_seconds is None
                                   else 0.7 * self._batch_seconds + 0.3 * per_batch)
        if trainer.diverged is not None:
            return self._diverge()
        if self._epochs and self._evaluation_due():
            self._evaluate()
        if (self._stop_loss is not None and any(loss < self._stop_loss for loss in losses)) or (
                self._stop_epoch is not None and trainer.epoch >= self._stop_epoch):
            return self._finish()
        snap = self._snapshot("training", force=rate <= 1.0 / self.snapshot_interval)
        wait = max(0.0, (1.0 - self._pace_credit) / rate)
        if snap is None:
            return Report(wait=wait)
        report = self._report(snap)
        return report if report.diverged is not None else dataclasses.replace(report, wait=wait)

    def _next_evaluation_epoch(self) -> int:
        """The epoch at which the schedule (``EVAL_SPACING``) evaluates next."""
        last = self._metrics.epoch if self._metrics is not None else 0
        return max(last + 1, math.ceil(last * (1.0 + EVAL_SPACING)))

    def _batches_to_next_evaluation(self) -> int:
        """Train at most up to the end of the epoch the schedule evaluates next."""
        trainer = self.trainer
        epochs_ahead = self._next_evaluation_epoch() - trainer.epoch
        return max(1, epochs_ahead * trainer.batches_per_epoch - trainer.batch_position)

    def _evaluation_due(self) -> bool:
        epoch = self.trainer.epoch
        if epoch < self._next_evaluation_epoch():
            return False
        if epoch <= EVAL_EVERY_EPOCH_UNTIL:
            return True
        return self.clock() - self._last_eval >= self._eval_seconds / EVAL_BUDGET

    def _evaluate(self) -> None:
        """Evaluate the full sets now: one more point of the evaluation curves."""
        start = self.clock()
        self._metrics = self.trainer.evaluate()
        # every row's answer, from the outputs the evaluation computed (no second pass)
        self._predictions = row_predictions(self.data, *self.trainer.last_outputs,
                                            self.trainer.network.activations[-1])
        self._evaluated = self._changes
        self._last_eval = self.clock()
        self._eval_seconds = self._last_eval - start
        # where on the epoch axis: mid-epoch evaluations (one update at a time) sit between
        # the epochs, so the curves move with every update a class watches
        trainer = self.trainer
        self._evaluations.append((trainer.epoch + trainer.examples_done / max(1, trainer.n_train), self._metrics))

    def _batches_for(self, seconds: float) -> int:
        """How many batches fit in ``seconds``: from the measured batch time, capped so that
        training stops exactly at the stop condition."""
        trainer = self.trainer
        if self._batch_seconds is None or self._batch_seconds <= 0:
            n = 1
        else:
            n = int(min(MAX_BATCHES_PER_CALL, max(1, seconds / self._batch_seconds)))
        left_in_epoch = trainer.batches_per_epoch - trainer.batch_position
        if self._stop_epoch is not None:
            n = min(n, (self._stop_epoch - trainer.epoch - 1) * trainer.batches_per_epoch + left_in_epoch)
        if self._stop_loss is not None:
            n = min(n, left_in_epoch)  # look at each epoch's loss as it completes
        return max(0, n)

    # ------------------------------------------------------------------ helpers
    def _refusal(self, network, data, settings) -> str | None:
        """Why ``Trainer(network, data, settings)`` would be refused (None: it would not),
        found on a throwaway trainer so that nothing of the session changes."""
        if data is None:
            return "there is no data set to train on"
        try:
            Trainer(network.copy(), data, settings)
        except (ValueError, TypeError) as exc:
            return str(exc)
        return None

    def _refuse(self, message: str) -> Report:
        self.running = False
        return Report(error=message)

    def _refuse_set_up(self, message: str) -> Report:
        """The window's network or data cannot be trained: keep what the session has, but
        train nothing (not even on Train or Step) until a set-up is accepted."""
        self.refused = message
        return self._refuse(message)

    def _took_network(self, generation: int) -> None:
        """Another network (or data) from command ``generation``: forget what belonged to
        the old one (pending history, metrics, the picture's timing)."""
        self.refused = None
        self.generation = int(generation)
        self._forget_pictures()

    def _forget_pictures(self) -> None:
        self._epochs: list[int] = []
        self._losses: list[float] = []
        self._metrics = None
        self._predictions = None
        self._evaluations: list = []  # Metrics evaluated since the last snapshot, in order
        self._changes = 0  # counts changes of the parameters (training, edits, loads)
        self._evaluated = -1  # the value of _changes when the last evaluation was made
        self._extent = None
        self._neuron_grids = None
        self._grid_seconds = 0.0
        self._full_grid_seconds = 0.0  # the last picture at full resolution took this long
        self._last_grid = -math.inf
        self._eval_seconds = 0.0
        self._last_eval = -math.inf
        self._update = None  # the last readable update, until a snapshot carries it

    def _record(self, epochs, losses) -> None:
        self._epochs.extend(epochs)
        self._losses.extend(losses)

    def _report(self, snap: Snapshot) -> Report:
        """``snap`` as a report; a divergence the snapshot's evaluation found (the trainer
        restored the last good weights then) is reported as one, with a snapshot of those."""
        if self.trainer.diverged is not None:
            return self._diverge()
        return Report(snap)

    def _finish(self) -> Report:
        self.running = False
        return Report(self._snapshot("finished", force=True), finished=True)

    def _diverge(self) -> Report:
        message = self.trainer.diverged or "training diverged"
        self.running = False
        snap = self._snapshot("diverged", force=True)
        # Going on (e.g. with a smaller rate) must be possible: the trainer restored the last
        # finite parameters and a fresh optimizer; clear the flag so training works again.
        self.trainer.diverged = None
        return Report(snap, diverged=message)

    def _snapshot(self, kind: str, force: bool = False) -> Snapshot | None:
        """A snapshot of now, or None when it is not due (rate limit, or the UI has not
        caught up with the ones in flight). ``force``: always (end of a command)."""
        now = self.clock()
        if not force:
            if now - self._last_emit < self.snapshot_interval:
                return None
            if self.max_in_flight is not None and self._sent - self._acked >= self.max_in_flight:
                return None
        trainer, net = self.trainer, self.trainer.network
        # (an evaluation of these very parameters exists already: no second point for them)
        fresh = self._metrics is not None and self._evaluated == self._changes
        if not fresh and (force or self._metrics is None
                          or now - self._last_eval >= self._eval_seconds / EVAL_BUDGET):
            self._evaluate()
        grid, extent = self._picture(force)
        dt = now - self._rate_time
        if self.running and dt > 0.05:
            rate = (trainer.epoch - self._rate_epoch) / dt
            self._eps = rate if self._eps == 0 else 0.5 * self._eps + 0.5 * rate
            self._rate_epoch, self._rate_time = trainer.epoch, now
        self._sent += 1
        snap = Snapshot(
            epoch=trainer.epoch,
            params=frozen_copy(net.params),
            layer_sizes=tuple(net.layer_sizes),
            activations=tuple(net.activations),
            metrics=self._metrics,
            predictions=self._predictions,
            epochs=frozen_copy(self._epochs, np.int64),
            train_loss=frozen_copy(self._losses, np.float64),
            **evaluation_points(self._evaluations),
            epochs_per_second=self._eps if self.running else 0.0,
            grid=grid,
            grid_extent=extent,
            running=self.running,
            kind=kind,
            generation=self.generation,
            edit_serial=self._edit_serial,
            serial=self._sent,
            examples_done=trainer.examples_done,
            examples_per_epoch=trainer.n_train,
            update=self._update,
            neuron_grids=self._neuron_grids if grid is not None else None,
            grid_features=self._plane_features,
            optimizer_state=trainer.optimizer_state(),
        )
        self._epochs, self._losses, self._evaluations = [], [], []
        self._update = None
        self._last_emit = now
        return snap

    def _picture(self, force: bool):
        """The decision-boundary picture (and every neuron's, kept in ``_neuron_grids``) for
        data on a plane, when it fits its share of the time (``GRID_BUDGET``); ``(None,
        None)`` otherwise. One float32 forward pass over the grid gives them all."""
        net, data = self.trainer.network, self.data
        if net.layer_sizes[0] < 2 or data.n_inputs != net.layer_sizes[0] \
                or max(self._plane_features) >= data.n_inputs:
            return None, None
        now = self.clock()
        if not force and now - self._last_grid < self._picture_interval():
            return None, None
        if self._extent is None:
            self._extent = core_grid.plane_extent(data, features=self._plane_features)
        full = force or self._full_grid_seconds <= GRID_FAST_SECONDS
        resolution = self.grid_resolution if full else max(2, self.grid_resolution // 2)
        with np.errstate(all="ignore"):  # huge weights just before a divergence
            layers, extent = core_grid.neuron_images(net, data, resolution, self._extent,
                                                     features=self._plane_features)
        for layer in layers:
            layer.setflags(write=False)  # fresh arrays of this pass: frozen, nobody else has them
        self._neuron_grids = tuple(layers)
        grid = layers[-1]
        self._last_grid = self.clock()
        self._grid_seconds = self._last_grid - now
        if full:
            self._full_grid_seconds = self._grid_seconds
        return grid, extent

    def _picture_interval(self) -> float:
        """Seconds between two pictures while training runs (see the budgets above)."""
        seconds = self._grid_seconds
        if not self.pace.full_speed:
            return seconds / PACED_PICTURE_BUDGET
        if seconds * SMOOTH_PICTURE_HZ <= SMOOTH_PICTURE_BUDGET:
            return 1.0 / SMOOTH_PICTURE_HZ
        return seconds / GRID_BUDGET

    @_never_raises
    def set_plane_features(self, features) -> Report:
        """Show the plane of the inputs ``features`` (x, y) in the pictures from now on; the
        other inputs are held at their training mean. Bad indices change nothing."""
        fx, fy = (int(f) for f in features)
        n = self.data.n_inputs if self.data is not None else None
        if fx == fy or min(fx, fy) < 0 or (n is not None and max(fx, fy) >= n):
            return self._refuse(f"the picture needs two different inputs, got {tuple(features)}")
        self._plane_features = (fx, fy)
        self._extent, self._last_grid = None, -math.inf  # the next snapshot brings the new plane
        return NOTHING
