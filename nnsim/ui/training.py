"""Training in the window: the controller that bridges the document and the worker thread,
and the panel with Train / Step / Reset and the training settings.

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

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from threadpoolctl import ThreadpoolController

from nnsim.core import Network
from nnsim.core.trainer import TrainingSettings
from nnsim.ui.messages import translate_message
from nnsim.worker import SWITCH_INTERVAL, TrainingWorker, make_worker_thread

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


class _KeyGuard(QObject):
    """Lets the focused slider keep its arrow keys, and a focused button, check box or list
    its Space key, instead of the window-wide training shortcuts taking them."""

    ARROWS = (Qt.Key_Left, Qt.Key_Right, Qt.Key_Up, Qt.Key_Down)

    def eventFilter(self, obj, event):  # noqa: N802
        if event.type() == QEvent.ShortcutOverride and event.modifiers() == Qt.NoModifier:
            key = event.key()
            if (isinstance(obj, QAbstractSlider) and key in self.ARROWS) or (
                    isinstance(obj, (QAbstractButton, QComboBox)) and key == Qt.Key_Space):
                event.accept()  # the widget wants this key: no shortcut
                return True
        return False


class TrainingPanel(QWidget):
    """Train / Step / Reset and the training settings for ``controller``.

    The shortcuts (Space, Right arrow, Ctrl+R) are QActions (``train_action``,
    ``step_action``, ``reset_action``) active anywhere in the panel's window, except while a
    text or number field, a list or a slider has the keyboard focus and wants the key.
    """

    def __init__(self, controller: TrainingController, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("trainingPanel")
        self.setAccessibleName(self.tr("Training"))
        self.controller = controller
        #: the last divergence message box (None before one was shown)
        self.divergence_box: QMessageBox | None = None
        self._watched_window = None
        self._key_guard = _KeyGuard(self)
        self._guarded = None
        self._build()
        self._load_settings(controller.settings)
        controller.runningChanged.connect(self._update_buttons)
        controller.epochChanged.connect(self._show_epoch)
        controller.diverged.connect(self._show_divergence)
        controller.finished.connect(self._show_finished)
        controller.error.connect(self._show_error)
        controller.settingsChanged.connect(self._load_settings)
        controller.pendingChanged.connect(self._show_pending)
        controller.document.dataChanged.connect(self._update_buttons)
        QApplication.instance().focusChanged.connect(self._focus_changed)
        self._update_buttons()
        self._show_epoch(controller.epoch, controller.epochs_per_second)

    # ------------------------------------------------------------------ building
    def _named(self, widget, name: str, accessible: str, tip: str):
        widget.setObjectName(name)
        widget.setAccessibleName(accessible)
        widget.setToolTip(tip)
        if isinstance(widget, QAbstractSpinBox):
            widget.setKeyboardTracking(False)  # apply the typed number once, not each digit
        return widget

    def _make_action(self, name: str, text: str, shortcut: str, slot) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build(self) -> None:
        c = self.controller
        self.train_action = self._make_action("trainAction", self.tr("Train"), "Space", c.toggle)
        self.step_action = self._make_action("stepAction", self.tr("Step one epoch"), "Right", c.step)
        self.reset_action = self._make_action("resetAction", self.tr("Reset weights"), "Ctrl+R", c.reset)

        self.trainButton = self._named(QPushButton(self.tr("Train")), "trainButton", self.tr("Train"),
                                       self.tr("Start training; press again to pause (Space)"))
        self.stepButton = self._named(QPushButton(self.tr("Step")), "stepButton", self.tr("Step one epoch"),
                                      self.tr("Train exactly one epoch while paused (Right arrow)"))
        self.resetButton = self._named(QPushButton(self.tr("Reset")), "resetButton", self.tr("Reset weights"),
                                       self.tr("New random weights and an empty history (Ctrl+R)"))
        self.trainButton.clicked.connect(self.train_action.trigger)
        self.stepButton.clicked.connect(self.step_action.trigger)
        self.resetButton.clicked.connect(self.reset_action.trigger)
        buttons = QHBoxLayout()
        for b in (self.trainButton, self.stepButton, self.resetButton):
            buttons.addWidget(b)

        self.epochLabel = self._named(QLabel(), "epochLabel", self.tr("Epoch"),
                                      self.tr("Epochs trained so far (one epoch = every training example once), "
                                              "and how many per second"))
        font = self.epochLabel.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.epochLabel.setFont(font)
        # A fixed width: a label that grows with its digits would re-lay out the window
        # (and the plots next to it) 30 times a second.
        self.epochLabel.setMinimumWidth(self.epochLabel.fontMetrics().horizontalAdvance(
            self.tr("Epoch {0}").format("10,000,000") + self.tr("  ·  {0} epochs/s").format("10,000")))
        self.epochLabel.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)
        self.statusLabel = self._named(QLabel(), "trainingStatusLabel", self.tr("Training status"),
                                       self.tr("What happened last, and what waits for Reset"))
        self.statusLabel.setWordWrap(True)

        self.learningRateSpin = self._named(
            QDoubleSpinBox(), "learningRateSpin", self.tr("Learning rate"),
            self.tr("How big a step each weight takes against its gradient; applies at once"))
        self.learningRateSpin.setDecimals(5)
        self.learningRateSpin.setRange(0.00001, 10.0)
        self.learningRateSpin.setStepType(QAbstractSpinBox.AdaptiveDecimalStepType)
        self.optimizerCombo = self._named(QComboBox(), "optimizerCombo", self.tr("Optimizer"),
                                          self.tr("How gradients become weight changes; applies at once"))
        for text, key in ((self.tr("SGD"), "sgd"), (self.tr("Momentum"), "momentum"), (self.tr("Adam"), "adam")):
            self.optimizerCombo.addItem(text, key)
        self.batchSizeSpin = self._named(QSpinBox(), "batchSizeSpin", self.tr("Batch size"),
                                         self.tr("Examples per weight update; applies at once"))
        self.batchSizeSpin.setRange(1, 4096)
        self.lossCombo = self._named(QComboBox(), "lossCombo", self.tr("Loss"),
                                     self.tr("How the error is measured; applies at once"))
        for text, key in ((self.tr("Automatic"), "auto"), (self.tr("Cross-entropy"), "cross_entropy"),
                          (self.tr("Squared error"), "mse")):
            self.lossCombo.addItem(text, key)
        self.regularizationCombo = self._named(
            QComboBox(), "regularizationCombo", self.tr("Regularization"),
            self.tr("A penalty that keeps weights small (L2) or sparse (L1); applies at once"))
        for text, key in ((self.tr("None"), "none"), (self.tr("L1"), "l1"), (self.tr("L2"), "l2")):
            self.regularizationCombo.addItem(text, key)
        self.regRateSpin = self._named(QDoubleSpinBox(), "regRateSpin", self.tr("Regularization rate"),
                                       self.tr("Strength of the regularization penalty (λ)"))
        self.regRateSpin.setDecimals(5)
        self.regRateSpin.setRange(0.0, 1.0)
        self.regRateSpin.setStepType(QAbstractSpinBox.AdaptiveDecimalStepType)
        self.testSplitSpin = self._named(QSpinBox(), "testSplitSpin", self.tr("Test split"),
                                         self.tr("Share of the examples kept aside to test the network; "
                                                 "applies on Reset"))
        self.testSplitSpin.setRange(0, 90)
        self.testSplitSpin.setSuffix(" %")
        self.seedSpin = self._named(QSpinBox(), "seedSpin", self.tr("Seed"),
                                    self.tr("Random seed of the starting weights and the example order; "
                                            "applies on Reset (Reset alone takes the next seed)"))
        self.seedSpin.setRange(0, 999_999)
        self.stopCombo = self._named(QComboBox(), "stopCombo", self.tr("Stop condition"),
                                     self.tr("When training pauses by itself"))
        for text, key in ((self.tr("Never"), "never"), (self.tr("After N epochs"), "epochs"),
                          (self.tr("When loss below"), "loss")):
            self.stopCombo.addItem(text, key)
        self.stopEpochsSpin = self._named(QSpinBox(), "stopEpochsSpin", self.tr("Epochs to train"),
                                          self.tr("Pause after this many more epochs"))
        self.stopEpochsSpin.setRange(1, 100_000_000)
        self.stopEpochsSpin.setValue(1000)
        self.stopLossSpin = self._named(QDoubleSpinBox(), "stopLossSpin", self.tr("Target loss"),
                                        self.tr("Pause when an epoch's loss falls below this value"))
        self.stopLossSpin.setDecimals(5)
        self.stopLossSpin.setRange(0.00001, 100.0)
        self.stopLossSpin.setValue(0.05)
        self.stopLossSpin.setStepType(QAbstractSpinBox.AdaptiveDecimalStepType)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Learning rate"), self.learningRateSpin)
        form.addRow(self.tr("Optimizer"), self.optimizerCombo)
        form.addRow(self.tr("Batch size"), self.batchSizeSpin)
        form.addRow(self.tr("Loss"), self.lossCombo)
        reg = QHBoxLayout()
        reg.addWidget(self.regularizationCombo, 1)
        reg.addWidget(self.regRateSpin, 1)
        form.addRow(self.tr("Regularization"), reg)
        form.addRow(self.tr("Test split"), self.testSplitSpin)
        form.addRow(self.tr("Seed"), self.seedSpin)
        stop = QHBoxLayout()
        stop.addWidget(self.stopCombo, 1)
        stop.addWidget(self.stopEpochsSpin, 1)
        stop.addWidget(self.stopLossSpin, 1)
        form.addRow(self.tr("Stop"), stop)
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.LabelRole)
            field = form.itemAt(row, QFormLayout.FieldRole)
            if label is not None and field is not None and field.widget() is not None:
                label.widget().setBuddy(field.widget())
        settings_box = QGroupBox(self.tr("Settings"))
        settings_box.setObjectName("trainingSettingsBox")
        settings_box.setLayout(form)

        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.epochLabel)
        layout.addWidget(self.statusLabel)
        layout.addWidget(settings_box)
        layout.addStretch(1)

        self.learningRateSpin.valueChanged.connect(lambda v: self._apply(learning_rate=float(v)))
        self.batchSizeSpin.valueChanged.connect(lambda v: self._apply(batch_size=int(v)))
        self.optimizerCombo.activated.connect(lambda _: self._apply(optimizer=self.optimizerCombo.currentData()))
        self.lossCombo.activated.connect(lambda _: self._apply(loss=self.lossCombo.currentData()))
        self.regularizationCombo.activated.connect(self._regularization_chosen)
        self.regRateSpin.valueChanged.connect(lambda v: self._apply(reg_rate=float(v)))
        self.testSplitSpin.valueChanged.connect(lambda v: self._apply(test_fraction=v / 100.0))
        self.seedSpin.valueChanged.connect(lambda v: self._apply(seed=int(v)))
        self.stopCombo.activated.connect(lambda _: self._stop_changed())
        self.stopEpochsSpin.valueChanged.connect(lambda _: self._stop_changed())
        self.stopLossSpin.valueChanged.connect(lambda _: self._stop_changed())
        self._stop_changed()

    # ------------------------------------------------------------------ reactions
    def _apply(self, **changes) -> None:
        try:
            self.controller.update_settings(**changes)
        except ValueError as exc:
            self._status(self.tr("Not applied: {0}").format(translate_message(str(exc))), error=True)
            self._load_settings(self.controller.settings)

    def _regularization_chosen(self, _index: int) -> None:
        self._apply(regularization=self.regularizationCombo.currentData())
        self.regRateSpin.setEnabled(self.regularizationCombo.currentData() != "none")

    def _stop_changed(self) -> None:
        mode = self.stopCombo.currentData()
        self.stopEpochsSpin.setVisible(mode == "epochs")
        self.stopLossSpin.setVisible(mode == "loss")
        self.controller.set_stop_condition(
            self.stopEpochsSpin.value() if mode == "epochs" else None,
            self.stopLossSpin.value() if mode == "loss" else None,
        )

    @Slot(object)
    def _load_settings(self, settings) -> None:
        widgets = (self.learningRateSpin, self.batchSizeSpin, self.optimizerCombo, self.lossCombo,
                   self.regularizationCombo, self.regRateSpin, self.testSplitSpin, self.seedSpin)
        blocked = [w.blockSignals(True) for w in widgets]
        try:
            self.learningRateSpin.setValue(settings.learning_rate)
            self.batchSizeSpin.setValue(settings.batch_size)
            self.optimizerCombo.setCurrentIndex(max(0, self.optimizerCombo.findData(settings.optimizer)))
            self.lossCombo.setCurrentIndex(max(0, self.lossCombo.findData(settings.loss)))
            self.regularizationCombo.setCurrentIndex(max(0, self.regularizationCombo.findData(settings.regularization)))
            self.regRateSpin.setValue(settings.reg_rate)
            self.regRateSpin.setEnabled(settings.regularization != "none")
            c = self.controller
            pending_fraction = c._pending_fraction  # noqa: SLF001 - same module
            self.testSplitSpin.setValue(round(100 * (c.test_fraction if pending_fraction is None else pending_fraction)))
            self.seedSpin.setValue(settings.seed if c._pending_seed is None else c._pending_seed)  # noqa: SLF001
        finally:
            for w, b in zip(widgets, blocked):
                w.blockSignals(b)

    @Slot()
    def _update_buttons(self, *_args) -> None:
        running = self.controller.is_running
        can = self.controller.can_train()
        self.trainButton.setText(self.tr("Pause") if running else self.tr("Train"))
        self.trainButton.setAccessibleName(self.tr("Pause") if running else self.tr("Train"))
        self.train_action.setText(self.tr("Pause") if running else self.tr("Train"))
        self.trainButton.setEnabled(can)
        self.train_action.setEnabled(can)
        self.stepButton.setEnabled(can and not running)
        self.step_action.setEnabled(can and not running)
        if not can:
            self._status(self.tr("This network has no data set to learn from: choose one to train."))

    @Slot(int, float)
    def _show_epoch(self, epoch: int, eps: float) -> None:
        locale = QLocale()
        text = self.tr("Epoch {0}").format(locale.toString(int(epoch)))
        if eps > 0 and self.controller.is_running:
            text += self.tr("  ·  {0} epochs/s").format(locale.toString(round(eps)))
        self.epochLabel.setText(text)

    def _status(self, text: str, error: bool = False) -> None:
        self.statusLabel.setText(text)
        self.statusLabel.setStyleSheet("color: #b00020;" if error else "")

    @Slot(str)
    def _show_pending(self, text: str) -> None:
        self._status(text)
        self._load_settings(self.controller.settings)

    @Slot(str)
    def _show_divergence(self, message: str) -> None:
        rate = self.controller.settings.learning_rate
        advice = self.tr("Training paused; the weights are the last ones that were still numbers.\n\n"
                         "What to try: a smaller learning rate (e.g. {0:g} instead of {1:g}), the Adam "
                         "optimizer, or Reset for new weights.").format(rate / 10, rate)
        self._status(self.tr("Training diverged: the learning rate is too large for this network."), error=True)
        box = QMessageBox(QMessageBox.Warning, self.tr("Training diverged"), translate_message(message),
                          QMessageBox.Ok, self)
        box.setObjectName("divergenceMessage")
        box.setInformativeText(advice)
        box.setAttribute(Qt.WA_DeleteOnClose)
        if self.divergence_box is not None:
            try:
                self.divergence_box.close()
            except RuntimeError:
                pass
        self.divergence_box = box
        box.open()  # window-modal, does not block the event loop

    @Slot()
    def _show_finished(self) -> None:
        mode = self.stopCombo.currentData()
        if mode == "loss":
            self._status(self.tr("Paused: the loss fell below {0:g}.").format(self.stopLossSpin.value()))
        else:
            self._status(self.tr("Paused after {0} epochs.").format(self.stopEpochsSpin.value()))

    @Slot(str)
    def _show_error(self, message: str) -> None:
        self._status(self.tr("Training paused: {0}").format(translate_message(message)), error=True)

    # ------------------------------------------------------------------ keys
    @Slot(object, object)
    def _focus_changed(self, old, new) -> None:
        if self._guarded is not None:
            try:
                self._guarded.removeEventFilter(self._key_guard)
            except RuntimeError:  # already deleted
                pass
            self._guarded = None
        if isinstance(new, (QAbstractSlider, QAbstractButton, QComboBox)):
            new.installEventFilter(self._key_guard)
            self._guarded = new

    # ------------------------------------------------------------------ window close
    def showEvent(self, event):  # noqa: N802
        super().showEvent(event)
        window = self
        while window.parentWidget() is not None:  # the main window, even from a floating dock
            window = window.parentWidget()
        if window is not self._watched_window:
            if self._watched_window is not None:
                self._watched_window.removeEventFilter(self)
            window.installEventFilter(self)
            self._watched_window = window

    def eventFilter(self, obj, event):  # noqa: N802
        if obj is self._watched_window and event.type() == QEvent.Close:
            self.controller.shutdown()
        return False
