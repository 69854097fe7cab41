"""Training in the window: the controller that bridges the document and the worker thread.

``TrainingController(document)`` owns the QThread and the ``TrainingWorker`` (created on the
first Train or Step). Data flow (shared/DESIGN.md):

- **Train** hands the worker a *copy* of ``document.network`` (only when the document changed
  since the worker last saw it) and resumes it. While training runs the worker owns the live
  network; the controller applies its snapshots to the document (``apply_parameters``) when
  the structure matches and drops stale ones (older generation, or an older snapshot when a
  newer one is already waiting).
- A user edit while training (``parameterEdited``) becomes a queued ``set_weight``/``set_bias``
  command; a snapshot taken before the worker applied it gets the edit patched in, so the
  value does not flicker back. ``structureEdited`` sends the new network.
- **Pause**: the worker sends a last snapshot; after that the document (the UI) owns the
  parameters again, and edits apply at once.
- **Reset**: new seeded weights (same structure, the next seed unless one was typed in),
  history cleared; the test split and seed chosen since the last reset apply here.
- ``shutdown()`` stops the thread (quit + wait); the panel calls it when its window closes
  and the application calls it when it quits.
"""

from __future__ import annotations

import dataclasses
import sys
import time

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot

from threadpoolctl import ThreadpoolController

from nnsim.core import Network
from nnsim.core.trainer import TrainingSettings
from nnsim.training.worker import SWITCH_INTERVAL, TrainingWorker, make_worker_thread

#: showing a snapshot (the document's views recolour and repaint) may take at most this share
#: of the UI thread's time while training runs; heavier views get snapshots less often. The
#: UI's Python time is taken from the training thread too (one GIL): measured on six hidden
#: layers of 64, 0.15 let training run at 0.72 of the engine's speed, 0.08 at 0.83.
UI_BUDGET = 0.08
MAX_APPLY_HZ = 30.0
#: views that take turns between snapshot applications (see ``redrawTurn``)
REDRAW_TURNS = 3

#: settings the running trainer takes without a reset
LIVE_SETTINGS = ("learning_rate", "batch_size", "optimizer", "momentum", "loss", "regularization", "reg_rate")


class TrainingController(QObject):
    """Runs training for ``document`` in a worker thread. See the module docstring."""

    #: training started (True) or paused/stopped (False)
    runningChanged = Signal(bool)
    #: every accepted snapshot, in order (the plots append its history points)
    snapshotReceived = Signal(object)
    #: the newest snapshot, after its parameters reached the document (at most ~30/s)
    snapshotApplied = Signal(object)
    #: while training runs: view number ``turn`` (0 loss plot, 1 accuracy plot, 2 decision
    #: boundary) may redraw now. The turns fall evenly spaced between two snapshot
    #: applications, so the graph and each of these views repaint in different passes of the
    #: event loop, and no single pass keeps the window busy for long.
    redrawTurn = Signal(int)
    #: the history starts over (reset, other data)
    historyCleared = Signal()
    #: (epoch, epochs per second)
    epochChanged = Signal(int, float)
    #: training diverged and paused; the message says what happened and what to try
    diverged = Signal(str)
    #: the stop condition was reached; training paused
    finished = Signal()
    #: a command failed (message); training paused
    error = Signal(str)
    #: the settings changed (a TrainingSettings)
    settingsChanged = Signal(object)
    #: what waits for Reset, as text ("" when nothing)
    pendingChanged = Signal(str)

    # commands to the worker (queued: they run in its thread, between chunks)
    _cmd_load = Signal(object, object, object, int, bool)
    _cmd_resume = Signal(object, object)
    _cmd_pause = Signal()
    _cmd_step = Signal()
    _cmd_set_weight = Signal(int, int, int, float, int)
    _cmd_set_bias = Signal(int, int, float, int)
    _cmd_update_settings = Signal(object)
    _cmd_replace = Signal(object, object, int)
    _cmd_stop = Signal()

    def __init__(self, document, settings: TrainingSettings | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._document = document
        self._settings = settings or TrainingSettings()
        self._seed = self._settings.seed
        self._pending_seed: int | None = None
        self._pending_fraction: float | None = None
        self.stop_after_epochs: int | None = None
        self.stop_below_loss: float | None = None
        self._worker: TrainingWorker | None = None
        self._thread = None
        self._saved_switch_interval: float | None = None
        self._blas_limit = None  # threadpoolctl's limiter while the worker thread exists
        self._running = False
        self._generation = 0
        self._worker_data = None  # the data the worker was last loaded with
        self._dirty = True  # the document changed since the worker last saw it
        self._applying = False
        self._edit_serial = 0
        self._pending_edits: dict[tuple, tuple[int, float]] = {}
        self._latest = None
        self._apply_timer = QTimer(self)
        self._apply_timer.setSingleShot(True)
        self._apply_timer.timeout.connect(self._apply_latest)
        self._turn_timers = []
        for turn in range(REDRAW_TURNS):
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.timeout.connect(lambda turn=turn: self.redrawTurn.emit(turn))
            self._turn_timers.append(timer)
        self._last_apply = -1.0
        self._apply_cost = 0.0  # seconds the UI needs to show one snapshot (smoothed)
        self._epoch = 0
        self._eps = 0.0
        self.latest_snapshot = None
        document.parametersChanged.connect(self._on_parameters_changed)
        document.structureChanged.connect(self._on_parameters_changed)
        document.parameterEdited.connect(self._on_parameter_edited)
        document.structureEdited.connect(self._on_structure_edited)
        document.dataChanged.connect(self._on_data_changed)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    # ------------------------------------------------------------------ reading
    @property
    def document(self):
        return self._document

    @property
    def worker(self) -> TrainingWorker | None:
        """The worker (None before the first Train/Step). Tests may read its network while paused."""
        return self._worker

    @property
    def thread(self):
        return self._thread

    @property
    def is_running(self) -> bool:
        return self._running

    @property
    def epoch(self) -> int:
        return self._epoch

    @property
    def epochs_per_second(self) -> float:
        return self._eps

    @property
    def settings(self) -> TrainingSettings:
        """The settings in use (the seed is the one of the current weights)."""
        return dataclasses.replace(self._settings, seed=self._seed)

    @property
    def test_fraction(self) -> float:
        """The test part's share of the current data (0 without data or test part)."""
        data = self._document.data
        if data is None:
            return 0.0
        n_test, n_train = len(data.test_index), len(data.train_index)
        return n_test / max(1, n_test + n_train)

    def can_train(self) -> bool:
        return self._document.data is not None

    def pending_text(self) -> str:
        parts = []
        if self._pending_seed is not None:
            parts.append(self.tr("seed {0}").format(self._pending_seed))
        if self._pending_fraction is not None:
            parts.append(self.tr("test split {0}%").format(round(self._pending_fraction * 100)))
        if not parts:
            return ""
        return self.tr("Press Reset to apply: {0}.").format(", ".join(parts))

    # ------------------------------------------------------------------ settings
    def update_settings(self, **changes) -> None:
        """Change settings. Learning rate, optimizer, batch size, loss and regularization apply
        at once, without a reset; ``seed`` and ``test_fraction`` wait for Reset. A bad value
        raises ``ValueError`` and changes nothing."""
        seed = changes.pop("seed", None)
        fraction = changes.pop("test_fraction", None)
        unknown = set(changes) - set(LIVE_SETTINGS)
        if unknown:
            raise ValueError(f"unknown training setting {sorted(unknown)[0]!r}")
        new = dataclasses.replace(self._settings, **changes)  # validates
        if new.loss != "auto":
            from nnsim.core import losses

            losses.check(new.loss, self._document.network.activations[-1])
        if seed is not None:
            seed = int(seed)
            if seed < 0:
                raise ValueError("the seed must be a whole number >= 0")
            self._pending_seed = None if seed == self._seed else seed
        if fraction is not None:
            fraction = float(fraction)
            if not 0.0 <= fraction < 1.0:
                raise ValueError("the test split must be at least 0 and below 1")
            self._pending_fraction = None if abs(fraction - self.test_fraction) < 1e-9 else fraction
        live = {k: getattr(new, k) for k in LIVE_SETTINGS if getattr(new, k) != getattr(self._settings, k)}
        self._settings = new
        if live and self._worker is not None:
            self._cmd_update_settings.emit(live)
        if live:
            self.settingsChanged.emit(self.settings)
        if seed is not None or fraction is not None:
            self.pendingChanged.emit(self.pending_text())

    def set_settings(self, settings: TrainingSettings) -> None:
        """All settings at once (e.g. from a model file); the seed waits for Reset."""
        changes = {k: getattr(settings, k) for k in LIVE_SETTINGS}
        try:
            self.update_settings(**changes, seed=settings.seed)
        except ValueError:  # e.g. a loss that does not fit this network: keep the rest
            changes.pop("loss")
            self.update_settings(**changes, seed=settings.seed)
        self.settingsChanged.emit(self.settings)

    def set_stop_condition(self, after_epochs: int | None = None, loss_below: float | None = None) -> None:
        """Pause after ``after_epochs`` more epochs (counted from Train), or when the epoch's
        loss falls below ``loss_below``. None: no such condition. Applies at the next Train."""
        self.stop_after_epochs = None if after_epochs is None else int(after_epochs)
        self.stop_below_loss = None if loss_below is None else float(loss_below)

    # ------------------------------------------------------------------ commands
    @Slot()
    def start(self) -> None:
        if self._running or not self.can_train():
            return
        self._ensure_worker()
        self._sync_worker()
        self._running = True
        self._cmd_resume.emit(self.stop_after_epochs, self.stop_below_loss)
        self.runningChanged.emit(True)

    @Slot()
    def pause(self) -> None:
        if not self._running:
            return
        self._running = False
        self._cmd_pause.emit()
        self.runningChanged.emit(False)

    @Slot()
    def toggle(self) -> None:
        self.pause() if self._running else self.start()

    @Slot()
    def step(self) -> None:
        """Exactly one epoch, while paused."""
        if self._running or not self.can_train():
            return
        self._ensure_worker()
        self._sync_worker()
        self._cmd_step.emit()

    @Slot()
    def reset(self) -> None:
        """New seeded weights (same structure), history cleared; pending seed/split applied."""
        doc = self._document
        if self._pending_seed is not None:
            self._seed = self._pending_seed
        else:
            self._seed += 1
        self._pending_seed = None
        old = doc.network
        network = Network(old.layer_sizes, old.activations, seed=self._seed, threshold=old.threshold)
        data = doc.data
        new_data = None
        if self._pending_fraction is not None and data is not None:
            from nnsim.core.training_data import prepare_data

            new_data = prepare_data(data.dataset, test_fraction=self._pending_fraction, seed=0)
        self._pending_fraction = None
        self._generation += 1
        self._pending_edits.clear()
        self._latest = None
        self._epoch, self._eps = 0, 0.0
        self._applying = True
        try:
            if new_data is not None:
                doc.set_data(new_data, network, user=False)
            else:
                doc.replace_network(network, user=False)
        finally:
            self._applying = False
        self.historyCleared.emit()
        self.epochChanged.emit(0, 0.0)
        self.settingsChanged.emit(self.settings)
        self.pendingChanged.emit("")
        if self._worker is not None and doc.data is not None:
            self._load(reset=True)
        else:
            self._dirty = True

    @Slot()
    def shutdown(self) -> None:
        """Stop the worker thread and wait for it (a chunk lasts milliseconds)."""
        was_running = self._running
        self._running = False
        thread, worker = self._thread, self._worker
        self._thread = self._worker = None
        self._worker_data = None
        self._dirty = True
        if thread is not None:
            if thread.isRunning():
                self._cmd_stop.emit()  # blocking: the worker stops and leaves its thread
                thread.quit()
                thread.wait(5000)
            for signal in (self._cmd_load, self._cmd_resume, self._cmd_pause, self._cmd_step, self._cmd_set_weight,
                           self._cmd_set_bias, self._cmd_update_settings, self._cmd_replace, self._cmd_stop):
                try:
                    signal.disconnect()
                except (RuntimeError, TypeError):
                    pass
        if worker is not None:
            worker.deleteLater()
        if self._saved_switch_interval is not None:
            sys.setswitchinterval(self._saved_switch_interval)
            self._saved_switch_interval = None
        if self._blas_limit is not None:
            self._blas_limit.restore_original_limits()
            self._blas_limit = None
        if was_running:
            self.runningChanged.emit(False)

    # ------------------------------------------------------------------ worker plumbing
    def _ensure_worker(self) -> None:
        if self._worker is not None:
            return
        worker = TrainingWorker()
        worker.max_in_flight = 2
        thread = make_worker_thread(worker)
        queued = Qt.QueuedConnection
        self._cmd_load.connect(worker.load, queued)
        self._cmd_resume.connect(worker.resume, queued)
        self._cmd_pause.connect(worker.pause, queued)
        self._cmd_step.connect(worker.step, queued)
        self._cmd_set_weight.connect(worker.set_weight, queued)
        self._cmd_set_bias.connect(worker.set_bias, queued)
        self._cmd_update_settings.connect(worker.update_settings, queued)
        self._cmd_replace.connect(worker.replace_network, queued)
        self._cmd_stop.connect(worker.stop, Qt.BlockingQueuedConnection)
        worker.snapshot.connect(self._on_snapshot, queued)
        worker.diverged.connect(self._on_diverged, queued)
        worker.finished.connect(self._on_finished, queued)
        worker.error.connect(self._on_error, queued)
        self._worker, self._thread = worker, thread
        self._worker_data = None
        # A short GIL switch interval while a training thread exists: each time the UI
        # thread calls into Python it waits at most this long (QT-NOTES; benchmarks/ui_smoothness.py).
        if self._saved_switch_interval is None:
            self._saved_switch_interval = sys.getswitchinterval()
            sys.setswitchinterval(min(SWITCH_INTERVAL, self._saved_switch_interval))
        # One BLAS thread meanwhile: on two cores a multi-threaded matrix product in the
        # worker (a deep network's decision boundary) would leave the UI thread no core and
        # stall the window for tens of milliseconds (benchmarks/ui_smoothness.py).
        if self._blas_limit is None:
            self._blas_limit = ThreadpoolController().limit(limits=1, user_api="blas")
        thread.start()

    def _sync_worker(self) -> None:
        """Send the document's network when the worker's copy may differ from it."""
        if self._dirty or self._worker_data is not self._document.data:
            self._load(reset=False)

    def _load(self, reset: bool) -> None:
        doc = self._document
        if self._worker_data is not doc.data:
            self._generation += 1
        self._cmd_load.emit(doc.network.copy(), doc.data, self.settings, self._generation, reset)
        self._worker_data = doc.data
        self._dirty = False
        self._pending_edits.clear()

    # ------------------------------------------------------------------ from the worker
    @Slot(object)
    def _on_snapshot(self, snap) -> None:
        if self._worker is not None:
            self._worker.acknowledge(snap.serial)
        if snap.generation != self._generation:
            return  # from before a reset or a structural change
        self.latest_snapshot = snap
        self.snapshotReceived.emit(snap)
        self._latest = snap
        if snap.kind != "training":
            self._apply_latest()  # pause, step, stop condition: show it now
        elif not self._apply_timer.isActive():
            # Show it when the UI's budget allows: the views' cost sets the rate.
            wait = self._last_apply + self._apply_interval() - time.perf_counter()
            self._apply_timer.start(max(0, int(wait * 1000)))

    def _apply_interval(self) -> float:
        return max(1.0 / MAX_APPLY_HZ, self._apply_cost / UI_BUDGET)

    @Slot()
    def _apply_latest(self) -> None:
        self._apply_timer.stop()
        snap, self._latest = self._latest, None
        if snap is None or snap.generation != self._generation:
            return
        self._epoch, self._eps = snap.epoch, snap.epochs_per_second
        doc = self._document
        net = doc.network
        if (not self._dirty and tuple(net.layer_sizes) == snap.layer_sizes
                and tuple(net.activations) == snap.activations):
            params = snap.params
            # Edits the worker had not applied when it took this snapshot: patch them in.
            for key in [k for k, (serial, _) in self._pending_edits.items() if serial <= snap.edit_serial]:
                del self._pending_edits[key]
            if self._pending_edits:
                params = params.copy()
                weights, biases = net.views(params)
                for (kind, l, i, j), (_, value) in self._pending_edits.items():
                    if kind == "weight":
                        weights[l][i, j] = value
                    else:
                        biases[l][j] = value
            start = time.perf_counter()
            self._applying = True
            try:
                doc.apply_parameters(params, live=snap.kind == "training")
            finally:
                self._applying = False
            # The repaints come after this slot; a zero timer fires once they are done.
            QTimer.singleShot(0, lambda: self._measured(start))
        self._last_apply = time.perf_counter()
        self.snapshotApplied.emit(snap)
        self.epochChanged.emit(self._epoch, self._eps)
        if snap.kind == "training":
            share = self._apply_interval() * 1000 / (REDRAW_TURNS + 1)
            for k, timer in enumerate(self._turn_timers):
                timer.start(round(share * (k + 1)))

    def _measured(self, start: float) -> None:
        cost = time.perf_counter() - start
        self._apply_cost = cost if self._apply_cost == 0 else 0.8 * self._apply_cost + 0.2 * cost

    def _stopped_by_worker(self) -> None:
        if self._running:
            self._running = False
            self.runningChanged.emit(False)

    @Slot(str)
    def _on_diverged(self, message: str) -> None:
        self._stopped_by_worker()
        self.diverged.emit(message)

    @Slot()
    def _on_finished(self) -> None:
        self._stopped_by_worker()
        self.finished.emit()

    @Slot(str)
    def _on_error(self, message: str) -> None:
        self._stopped_by_worker()
        self._dirty = True
        self.error.emit(message)

    # ------------------------------------------------------------------ from the document
    @Slot()
    def _on_parameters_changed(self) -> None:
        if not self._applying and not self._running:
            self._dirty = True

    @Slot(str, int, int, int, float)
    def _on_parameter_edited(self, kind: str, l: int, i: int, j: int, value: float) -> None:
        if not self._running or self._worker is None:
            self._dirty = True
            return
        self._edit_serial += 1
        if kind == "weight":
            self._pending_edits[("weight", l, i, j)] = (self._edit_serial, value)
            self._cmd_set_weight.emit(l, i, j, value, self._edit_serial)
        else:
            self._pending_edits[("bias", l, i, -1)] = (self._edit_serial, value)
            self._cmd_set_bias.emit(l, i, value, self._edit_serial)

    @Slot()
    def _on_structure_edited(self) -> None:
        if not self._running or self._worker is None:
            self._dirty = True
            return
        doc = self._document
        if doc.data is None:
            self.pause()
            self._dirty = True
            return
        self._generation += 1
        self._pending_edits.clear()
        self._cmd_replace.emit(doc.network.copy(), doc.data, self._generation)
        self._worker_data = doc.data

    @Slot()
    def _on_data_changed(self) -> None:
        if self._applying:
            return
        self._generation += 1
        self._pending_edits.clear()
        self._epoch, self._eps = 0, 0.0
        self._pending_fraction = None
        self.historyCleared.emit()
        self.epochChanged.emit(0, 0.0)
        self.pendingChanged.emit(self.pending_text())
        if self._document.data is None:
            self.pause()
            self._dirty = True
            return
        if self._running:
            self._load(reset=True)
        else:
            self._dirty = True
