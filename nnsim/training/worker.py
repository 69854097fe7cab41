"""The training worker: core training in a QThread, talking only in signals.

While training runs, ``TrainingWorker`` owns the *live* network and its ``Trainer``. The UI
never touches those arrays: it sends commands (queued signals connected to the slots below:
``load``, ``resume``, ``pause``, ``step``, ``set_weight``, ``set_bias``, ``update_settings``,
``replace_network``, ``stop``), which run in the worker's thread *between* chunks of training,
so no locks are needed. The worker answers with ``snapshot(Snapshot)``: frozen copies of the
parameters, the metrics, the history points since the last snapshot and, for 2-D data, the
decision-boundary picture. However fast it trains, at most ``SNAPSHOT_HZ`` snapshots a second
leave the worker, and no more than ``max_in_flight`` that the UI has not acknowledged yet.

How it keeps the window smooth (see shared/QT-NOTES.md):

- training runs in chunks of about ``CHUNK_SECONDS``, sized from the measured epoch time;
  the next chunk is scheduled with a zero-interval single-shot QTimer, never a ``while``
  loop inside a slot, so queued commands run between chunks;
- while the worker thread exists the interpreter's switch interval is ``SWITCH_INTERVAL``
  (set by the training controller): whenever the UI thread needs the GIL it waits at most
  that long, so the worker need not pause between chunks (``YIELD_SECONDS`` is 0);
- full-set metrics and the boundary picture are computed at the snapshot rate only, and the
  picture (float32) gets at most ``GRID_BUDGET`` of the worker's time.

Everything here is testable without a thread: create a worker, call its slots directly and
drive ``run_chunk()`` (or let the QTimer run it in the test's event loop).
"""

from __future__ import annotations

import dataclasses
import math
import time
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal, Slot

from nnsim.core import grid as core_grid
from nnsim.core.trainer import Metrics, Trainer, TrainingSettings

#: target duration of one chunk of training; an epoch longer than this is a chunk on its own
CHUNK_SECONDS = 0.008
#: sleep after every chunk (0: none). With the short switch interval below the UI thread gets
#: the GIL without it; measured (benchmarks/ui_smoothness.py), a 1 ms sleep per 8 ms chunk
#: cost 10% of the training speed and made the window no smoother.
YIELD_SECONDS = 0.0
#: the interpreter's thread switch interval while training runs (the default is 5 ms): the UI
#: thread waits at most this long for the GIL each time it calls into Python, and a repaint
#: calls into Python dozens of times. Measured: 1 ms gave p99 event-loop gaps of 28 ms, 0.2 ms
#: 14-17 ms at the same training speed. Set by the training controller while its worker
#: thread exists.
SWITCH_INTERVAL = 0.0002
#: snapshots per second, at most
SNAPSHOT_HZ = 30.0
#: the decision-boundary picture takes at most this fraction of the worker's time (with the
#: evaluation below, time not spent training: measured on six hidden layers of 64, 5% + 4%
#: left training at 0.75-0.80 of the engine's speed, 3% + 3% at 0.82-0.84)
GRID_BUDGET = 0.03
#: full-set evaluation (loss and accuracy on both parts) takes at most this fraction; a
#: snapshot between evaluations carries the last metrics and no new evaluation point
EVAL_BUDGET = 0.03
#: cells per side of the decision-boundary picture
GRID_RESOLUTION = core_grid.DEFAULT_RESOLUTION
#: while training runs, a picture that took longer than this at full resolution is drawn at
#: half the resolution (a quarter of the work), so within GRID_BUDGET it refreshes four times
#: as often; pause and step always bring the full picture
GRID_FAST_SECONDS = 0.006
MAX_CHUNK_EPOCHS = 100_000


def _frozen(a, dtype=None) -> np.ndarray:
    a = np.array(a, dtype=dtype, copy=True)
    a.setflags(write=False)
    return a


_EMPTY_I = _frozen(np.zeros(0, dtype=np.int64))
_EMPTY_F = _frozen(np.zeros(0))


@dataclass(frozen=True, eq=False)
class Snapshot:
    """What the UI needs to show the training, as read-only copies nobody will change.

    ``epochs``/``train_loss``: one point per epoch trained since the previous snapshot (the
    cheap loss: mean batch loss during that epoch). ``eval_*``: the full-set metrics, one
    point if this snapshot evaluated, else empty (evaluation gets at most ``EVAL_BUDGET`` of
    the time; NaN where there is no test part or no accuracy). ``metrics``: the latest
    evaluation (from this snapshot or an earlier one; always fresh after pause/step). ``grid`` is ``boundary_image`` of the network (float32, (res, res, k)) over
    ``grid_extent`` for 2-D data, else None. ``generation`` echoes the controller's counter
    of the command that set up this network, so it can drop stale snapshots. ``edit_serial``
    is the serial of the last parameter edit applied. ``kind``: "training", "paused",
    "step", "loaded", "finished" or "diverged".
    """

    epoch: int
    params: np.ndarray
    layer_sizes: tuple
    activations: tuple
    metrics: Metrics | None
    epochs: np.ndarray = field(default_factory=lambda: _EMPTY_I)
    train_loss: np.ndarray = field(default_factory=lambda: _EMPTY_F)
    eval_epochs: np.ndarray = field(default_factory=lambda: _EMPTY_I)
    eval_train_loss: np.ndarray = field(default_factory=lambda: _EMPTY_F)
    test_loss: np.ndarray = field(default_factory=lambda: _EMPTY_F)
    train_accuracy: np.ndarray = field(default_factory=lambda: _EMPTY_F)
    test_accuracy: np.ndarray = field(default_factory=lambda: _EMPTY_F)
    epochs_per_second: float = 0.0
    grid: np.ndarray | None = None
    grid_extent: tuple | None = None
    running: bool = False
    kind: str = "training"
    generation: int = 0
    edit_serial: int = 0
    serial: int = 0


def boundary_grid(network, data, resolution: int = GRID_RESOLUTION, extent=None):
    """``(image, extent)`` for 2-D data (see ``nnsim.core.grid.boundary_image``), else ``(None, None)``."""
    if data is None or network.layer_sizes[0] != 2 or getattr(data, "n_inputs", 2) != 2:
        return None, None
    return core_grid.boundary_image(network, data, resolution, extent)


def _as_settings(settings) -> TrainingSettings:
    if settings is None:
        return TrainingSettings()
    if isinstance(settings, dict):
        return TrainingSettings(**settings)
    return settings


def _same_structure(a, b) -> bool:
    return (
        list(a.layer_sizes) == list(b.layer_sizes)
        and list(a.activations) == list(b.activations)
        and a.threshold == b.threshold
    )


class TrainingWorker(QObject):
    """Owns the live network and trainer while training runs. See the module docstring."""

    #: a Snapshot (at most SNAPSHOT_HZ a second while running; one after every command that
    #: changes what the UI shows: pause, step, load)
    snapshot = Signal(object)
    #: training diverged; the message says what happened and what to try. The last finite
    #: parameters were kept and the worker paused (a "diverged" snapshot was sent first).
    diverged = Signal(str)
    #: the stop condition was reached and the worker paused (a "finished" snapshot came first)
    finished = Signal()
    #: a command failed (e.g. a loss that does not fit the output layer); the worker paused
    error = Signal(str)
    #: ``stop`` ran: the worker holds nothing any more
    stopped = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.trainer: Trainer | None = None
        self.data = None
        self.running = False
        self.generation = 0
        #: at most this many snapshots the UI has not acknowledged (None: no limit)
        self.max_in_flight: int | None = None
        self.chunk_seconds = CHUNK_SECONDS
        self.yield_seconds = YIELD_SECONDS
        self.snapshot_interval = 1.0 / SNAPSHOT_HZ
        self.grid_resolution = GRID_RESOLUTION
        self._timer = QTimer(self)  # a child: moves to the worker's thread with it
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.run_chunk)
        self._sent = 0
        self._acked = 0
        self._edit_serial = 0
        self._stop_epoch: int | None = None
        self._stop_loss: float | None = None
        self._epoch_seconds: float | None = None
        self._chunk_epochs = 1
        self._extent = None
        self._grid_seconds = 0.0
        self._full_grid_seconds = 0.0  # the last picture at full resolution took this long
        self._last_grid = -math.inf
        self._full_grid_seconds = 0.0
        self._eval_seconds = 0.0
        self._last_eval = -math.inf
        self._metrics = None
        self._clear_pending()
        self._last_emit = time.perf_counter()
        self._rate_epoch = 0
        self._rate_time = self._last_emit
        self._eps = 0.0

    # ------------------------------------------------------------------ reading
    @property
    def network(self):
        """The live network (None before ``load``). Read it from the worker's thread only,
        or while the worker is paused."""
        return self.trainer.network if self.trainer is not None else None

    @property
    def epoch(self) -> int:
        return self.trainer.epoch if self.trainer is not None else 0

    @property
    def epochs_per_second(self) -> float:
        return self._eps

    def acknowledge(self, serial: int) -> None:
        """The UI has received snapshot ``serial``. Called from the UI thread: one int write."""
        self._acked = max(self._acked, int(serial))

    # ------------------------------------------------------------------ commands (slots)
    @Slot(object, object, object, int, bool)
    def load(self, network, data, settings=None, generation: int = 0, reset: bool = False) -> None:
        """Take ``network`` (the worker owns it from now on: send a copy) and ``data``.

        With the same data and structure as now, only the parameters are copied in (the
        optimizer keeps its memory, the epoch count stays). ``reset`` starts over at epoch 0.
        Ends with a "loaded" snapshot.
        """
        try:
            settings = _as_settings(settings)
            trainer = self.trainer
            if trainer is not None and data is self.data and not reset:
                if _same_structure(trainer.network, network):
                    trainer.network.params[...] = network.params
                    trainer.diverged = None
                else:
                    trainer.replace_network(network)
                if settings != trainer.settings:
                    trainer.update_settings(**self._changes(trainer.settings, settings))
            elif trainer is not None and data is self.data and reset:
                if settings != trainer.settings:
                    trainer.update_settings(**self._changes(trainer.settings, settings))
                trainer.reset(network)
            else:
                self.trainer = Trainer(network, data, settings)
                self.data = data
                self._extent = None
        except ValueError as exc:
            self._fail(str(exc))
            return
        self._took_network(generation)
        if reset:
            self._epoch_seconds = None
        self._emit_snapshot("loaded", force=True)

    @Slot(object, object)
    def resume(self, stop_after_epochs=None, stop_below_loss=None) -> None:
        """Train until paused, or until the stop condition: ``stop_after_epochs`` more epochs
        (counted from now) or the epoch loss below ``stop_below_loss`` (None: no condition)."""
        if self.trainer is None:
            self._fail("there is no network to train: load one first")
            return
        self._stop_epoch = None if stop_after_epochs is None else self.trainer.epoch + int(stop_after_epochs)
        self._stop_loss = None if stop_below_loss is None else float(stop_below_loss)
        if self._stop_epoch is not None and self._stop_epoch <= self.trainer.epoch:
            self._finish()
            return
        self.running = True
        self._rate_epoch, self._rate_time = self.trainer.epoch, time.perf_counter()
        self._timer.start()

    @Slot(object, object, object)
    def start(self, network, data, settings=None) -> None:
        """``load`` then ``resume``: train ``network`` on ``data`` from where it is."""
        self.load(network, data, settings, self.generation, False)
        if self.trainer is not None:
            self.resume()

    @Slot()
    def pause(self) -> None:
        """Stop after the current chunk and send a "paused" snapshot of where it is."""
        was_running = self.running
        self.running = False
        self._timer.stop()
        if self.trainer is not None and was_running:
            self._emit_snapshot("paused", force=True)

    @Slot()
    def step(self) -> None:
        """Exactly one epoch (only while paused), then a "step" snapshot."""
        if self.trainer is None or self.running:
            return
        loss = self.trainer.train_epochs(1)
        if self.trainer.diverged is not None:
            self._diverge()
            return
        self._record(self.trainer.epoch, loss)
        self._emit_snapshot("step", force=True)

    @Slot(int, int, int, float, int)
    def set_weight(self, l: int, i: int, j: int, value: float, serial: int = 0) -> None:
        if self.trainer is not None:
            self.trainer.network.weights[l][i, j] = value
        self._edit_serial = max(self._edit_serial, int(serial))

    @Slot(int, int, float, int)
    def set_bias(self, l: int, j: int, value: float, serial: int = 0) -> None:
        if self.trainer is not None:
            self.trainer.network.biases[l][j] = value
        self._edit_serial = max(self._edit_serial, int(serial))

    @Slot(object)
    def update_settings(self, changes) -> None:
        """Learning rate, optimizer, batch size, loss, regularization... without a reset."""
        if self.trainer is None or not changes:
            return
        try:
            self.trainer.update_settings(**dict(changes))
        except (ValueError, TypeError) as exc:
            self._fail(str(exc))

    @Slot(object, object, int)
    def replace_network(self, network, data=None, generation: int = 0) -> None:
        """A structural change: go on training ``network`` (a copy the worker now owns),
        keeping the epoch and the settings. ``data`` None keeps the current data."""
        if self.trainer is None:
            return
        try:
            if data is not None and data is not self.data:
                epoch = self.trainer.epoch
                self.trainer = Trainer(network, data, self.trainer.settings)
                self.trainer.epoch = epoch
                self.data = data
                self._extent = None
            else:
                self.trainer.replace_network(network)
        except ValueError as exc:
            self._fail(str(exc))
            return
        self._took_network(generation)

    def _took_network(self, generation: int) -> None:
        """Another network (or data) from command ``generation``: forget what belonged to the
        old one (pending history, metrics, the picture's timing)."""
        self.generation = int(generation)
        self._clear_pending()
        self._metrics = None
        self._last_grid = -math.inf
        self._full_grid_seconds = 0.0

    @Slot()
    def stop(self) -> None:
        """For shutdown: stop training, forget the network, emit ``stopped``."""
        self.running = False
        self._timer.stop()
        self.trainer = None
        self.data = None
        self.stopped.emit()
        # Hand the worker back to the application's thread, so that deleting it after the
        # worker thread has ended is safe (Qt only lets an object's own thread push it away).
        app = QCoreApplication.instance()
        if app is not None and self.thread() is not app.thread() and QThread.currentThread() is self.thread():
            self.moveToThread(app.thread())

    # ------------------------------------------------------------------ training
    @Slot()
    def run_chunk(self) -> None:
        """Train for about ``chunk_seconds``; snapshot if it is time; schedule the next chunk."""
        if not self.running or self.trainer is None:
            return
        trainer = self.trainer
        n = self._chunk_epochs
        if self._stop_epoch is not None:
            n = max(0, min(n, self._stop_epoch - trainer.epoch))
        start = time.perf_counter()
        deadline = start + 2.0 * self.chunk_seconds
        stop_loss = self._stop_loss
        done, finished = 0, False
        epochs, losses = self._epochs, self._losses
        try:
            for _ in range(n):
                loss = trainer.train_epochs(1)
                if trainer.diverged is not None:
                    break
                epochs.append(trainer.epoch)
                losses.append(loss)
                done += 1
                if stop_loss is not None and loss < stop_loss:
                    finished = True
                    break
                if time.perf_counter() > deadline:
                    break
        except Exception as exc:  # noqa: BLE001 - report and pause rather than kill the thread
            self._fail(f"training stopped: {exc}")
            return
        elapsed = time.perf_counter() - start
        if done:
            per_epoch = elapsed / done
            self._epoch_seconds = per_epoch if self._epoch_seconds is None else 0.7 * self._epoch_seconds + 0.3 * per_epoch
            self._chunk_epochs = int(min(MAX_CHUNK_EPOCHS, max(1, self.chunk_seconds / max(self._epoch_seconds, 1e-7))))
        if trainer.diverged is not None:
            self._diverge()
            return
        if finished or (self._stop_epoch is not None and trainer.epoch >= self._stop_epoch):
            self._finish()
            return
        self._emit_snapshot("training")
        if self.yield_seconds > 0:
            time.sleep(self.yield_seconds)
        if self.running:
            self._timer.start()

    # ------------------------------------------------------------------ helpers
    def _record(self, epoch: int, loss: float) -> None:
        self._epochs.append(epoch)
        self._losses.append(loss)

    def _clear_pending(self) -> None:
        self._epochs: list[int] = []
        self._losses: list[float] = []

    def _finish(self) -> None:
        self.running = False
        self._timer.stop()
        self._emit_snapshot("finished", force=True)
        self.finished.emit()

    def _diverge(self) -> None:
        message = self.trainer.diverged or "training diverged"
        self.running = False
        self._timer.stop()
        self._emit_snapshot("diverged", force=True)
        # Going on (e.g. with a smaller rate) must be possible: the trainer restored the last
        # finite parameters and a fresh optimizer; clear the flag so train_epochs works again.
        self.trainer.diverged = None
        self.diverged.emit(message)

    def _fail(self, message: str) -> None:
        self.running = False
        self._timer.stop()
        self.error.emit(message)

    @staticmethod
    def _changes(old: TrainingSettings, new: TrainingSettings) -> dict:
        return {f.name: getattr(new, f.name) for f in dataclasses.fields(new) if getattr(new, f.name) != getattr(old, f.name)}

    def _emit_snapshot(self, kind: str, force: bool = False) -> bool:
        now = time.perf_counter()
        if not force:
            if now - self._last_emit < self.snapshot_interval:
                return False
            if self.max_in_flight is not None and self._sent - self._acked >= self.max_in_flight:
                return False
        trainer = self.trainer
        net = trainer.network
        evaluated = force or self._metrics is None or now - self._last_eval >= self._eval_seconds / EVAL_BUDGET
        if evaluated:
            t0 = time.perf_counter()
            self._metrics = metrics = trainer.evaluate()
            self._last_eval = time.perf_counter()
            self._eval_seconds = self._last_eval - t0
        else:
            metrics = self._metrics
        nan = math.nan
        grid = extent = None
        if net.layer_sizes[0] == 2 and self.data is not None and self.data.n_inputs == 2:
            # The picture may use GRID_BUDGET of the time: skip it when it would cost more.
            due = self._grid_seconds / GRID_BUDGET
            if force or now - self._last_grid >= due:
                t0 = time.perf_counter()
                if self._extent is None:
                    self._extent = core_grid.plane_extent(self.data)
                full = force or self._full_grid_seconds <= GRID_FAST_SECONDS
                resolution = self.grid_resolution if full else max(2, self.grid_resolution // 2)
                with np.errstate(all="ignore"):  # huge weights just before a divergence
                    grid, extent = boundary_grid(net, self.data, resolution, self._extent)
                grid.setflags(write=False)
                self._last_grid = time.perf_counter()
                self._grid_seconds = self._last_grid - t0
                if full:
                    self._full_grid_seconds = self._grid_seconds
        dt = now - self._rate_time
        if self.running and dt > 0.05:
            rate = (trainer.epoch - self._rate_epoch) / dt
            self._eps = rate if self._eps == 0 else 0.5 * self._eps + 0.5 * rate
            self._rate_epoch, self._rate_time = trainer.epoch, now
        self._sent += 1
        snap = Snapshot(
            epoch=trainer.epoch,
            params=_frozen(net.params),
            layer_sizes=tuple(net.layer_sizes),
            activations=tuple(net.activations),
            metrics=metrics,
            epochs=_frozen(self._epochs, np.int64),
            train_loss=_frozen(self._losses, np.float64),
            eval_epochs=_frozen([metrics.epoch] if evaluated else [], np.int64),
            eval_train_loss=_frozen([metrics.train_loss] if evaluated else []),
            test_loss=_frozen([nan if metrics.test_loss is None else metrics.test_loss] if evaluated else []),
            train_accuracy=_frozen(
                [nan if metrics.train_accuracy is None else metrics.train_accuracy] if evaluated else []),
            test_accuracy=_frozen(
                [nan if metrics.test_accuracy is None else metrics.test_accuracy] if evaluated else []),
            epochs_per_second=self._eps if self.running else 0.0,
            grid=grid,
            grid_extent=extent,
            running=self.running,
            kind=kind,
            generation=self.generation,
            edit_serial=self._edit_serial,
            serial=self._sent,
        )
        self._clear_pending()
        self._last_emit = now
        self.snapshot.emit(snap)
        return True


def make_worker_thread(worker: TrainingWorker, name: str = "nnsim-training") -> QThread:
    """A registered QThread with ``worker`` moved into it (not started)."""
    from nnsim.training.threads import register

    thread = QThread()
    thread.setObjectName(name)
    worker.moveToThread(thread)
    return register(thread)
