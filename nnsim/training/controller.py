"""Training in the window: the controller between the document and the training thread.

Its one job is the traffic between them (shared/DESIGN.md, data flow); the pieces it
composes do the rest: ``ThreadLink`` (the thread and its commands), ``FrameScheduler`` (when
a snapshot is shown, redraw turns), ``TrainingSettingsModel`` (settings, what waits for
Reset), ``PendingEdits`` (edits on their way to the thread).

- **Train** hands the worker a *copy* of ``document.network`` (only when the document changed
  since the worker last saw it) and resumes it. While training runs the session owns the
  live network; snapshots reach the document (``apply_parameters``) when the structure
  matches, and stale ones (an older generation) are dropped.
- A user edit while training (``parameterEdited``: a flat index and a value) becomes a queued
  ``set_parameter`` command, and is patched into the snapshots taken before the session
  applied it, so the value does not flicker back. ``structureEdited`` sends the new network.
- **Pause**: the worker sends a last snapshot; after that the document (the UI) owns the
  parameters again, and edits apply at once.
- **Reset**: new seeded weights (same structure, the next seed unless one was typed in),
  history cleared; the test split and seed chosen since the last reset apply here.
- ``shutdown()`` stops the thread; the application context calls it (window closed, app quit).
"""

from __future__ import annotations

import dataclasses

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot

from nnsim.core import Network
from nnsim.core.trainer import TrainingSettings
from nnsim.core.training_data import prepare_data
from nnsim.training.frames import UI_BUDGET, WATCHED_BUDGET, FrameScheduler
from nnsim.training.history import HistoryRecorder, history_snapshot
from nnsim.training.pace import DEFAULT_PACE, PACES, Pace
from nnsim.training.pending_edits import PendingEdits
from nnsim.training.settings_model import LIVE_SETTINGS, TrainingSettingsModel
from nnsim.training.links import make_link
from nnsim.training.thread_link import ThreadLink


class TrainingController(QObject):
    """Runs training for ``document`` in a worker thread. See the module docstring."""

    #: training started (True) or paused/stopped (False)
    runningChanged = Signal(bool)
    #: every accepted snapshot, in order (the plots append its history points)
    snapshotReceived = Signal(object)
    #: the newest snapshot, after its parameters reached the document (at most ~30/s)
    snapshotApplied = Signal(object)
    #: while training runs: view number ``turn`` (0 loss plot, 1 accuracy plot, 2 decision
    #: boundary) may redraw now (``FrameScheduler``)
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
    #: the pace changed (a ``nnsim.training.pace.Pace``)
    paceChanged = Signal(object)
    #: a weight update made the readable way reached the document (an ``nnsim.core.update.Update``;
    #: None when the last one no longer belongs to the network: reset, other data, a new structure)
    updateShown = Signal(object)

    def __init__(self, document, settings: TrainingSettings | None = None, parent: QObject | None = None,
                 link: ThreadLink | None = None):
        """``link``: the training thread's link (a ``ThreadLink`` of its own unless a test
        gives one that records the commands and plays the worker's part)."""
        super().__init__(parent)
        self._document = document
        self.settings_model = TrainingSettingsModel(document, settings, self)
        self.settings_model.settingsChanged.connect(self.settingsChanged)
        self.settings_model.pendingChanged.connect(self.pendingChanged)
        self._link = link if link is not None else make_link()
        self._link.setParent(self)
        self._link.snapshot.connect(self._on_snapshot)
        self._link.diverged.connect(self._on_diverged)
        self._link.finished.connect(self._on_finished)
        self._link.error.connect(self._on_error)
        if isinstance(getattr(type(self._link), "lost", None), Signal):  # a process link
            self._link.lost.connect(self._on_link_lost)
        self._frames = FrameScheduler(self._show, self)
        self._frames.redrawTurn.connect(self.redrawTurn)
        #: the loss and accuracy points since the last reset, as a document stores them
        self.history = HistoryRecorder(self, self)
        self._edits = PendingEdits()
        self._running = False
        self._generation = 0
        self._worker_data = None  # the data the worker was last loaded with
        self._dirty = True  # the document changed since the worker last saw it
        self._applying = False  # the document changes because of a snapshot or a reset
        self._epoch = 0
        self._eps = 0.0
        self._examples = (0, 0)  # (done, per epoch) of the epoch under way
        self._pace = PACES[DEFAULT_PACE]
        self._pace_sent: Pace | None = None  # the pace the worker has
        self._frames.budget = WATCHED_BUDGET
        self._plane_features = (0, 1)  # the inputs on the pictures' axes (set_plane_features)
        self._plane_sent = None  # the ones the worker has
        #: the last weight update shown (an ``Update``), or None
        self.last_update = None
        self._update_waiting = None
        self.latest_snapshot = None
        self._restored_point = None  # a reopened document's last evaluation epoch (restore_progress)
        #: the optimizer's memory that goes with the parameters shown (an ``OptimizerState``
        #: from the latest snapshot shown, or a reopened document's), None: a fresh optimizer
        self.optimizer_state = None
        self._state_to_send = None  # a reopened document's memory, for the worker's next load
        document.parametersChanged.connect(self._on_parameters_changed)
        document.structureChanged.connect(self._on_parameters_changed)
        document.structureChanged.connect(self._forget_update)  # it explained the old network
        document.structureChanged.connect(self._forget_optimizer_state)  # its memory was the old network's
        document.parameterEdited.connect(self._on_parameter_edited)
        document.structureEdited.connect(self._on_structure_edited)
        document.dataChanged.connect(self._on_data_changed)

    # ------------------------------------------------------------------ reading
    @property
    def document(self):
        return self._document

    @property
    def worker(self):
        """The worker (None before the first Train/Step). Tests may read its session while paused."""
        return self._link.worker

    @property
    def thread(self):
        return self._link.thread

    @property
    def link(self):
        """The link to the training side (a ``ProcessLink`` unless ``NNSIM_TRAINING=thread``)."""
        return self._link

    def session_state(self, timeout: float = 5.0):
        """What the training session holds now (``nnsim.training.session_server.SessionState``:
        copies), asked of the training side and waited for; None before the first Train or
        Step. Tests read it; the window itself goes by the snapshots."""
        return self._link.state(timeout)

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
    def examples_done(self) -> int:
        """Training examples of the current epoch already trained (of ``examples_per_epoch``)."""
        return self._examples[0]

    @property
    def examples_per_epoch(self) -> int:
        return self._examples[1]

    @property
    def pace(self) -> Pace:
        return self._pace

    @property
    def settings(self) -> TrainingSettings:
        """The settings in use (the seed is the one of the current weights)."""
        return self.settings_model.settings

    @property
    def test_fraction(self) -> float:
        return self.settings_model.test_fraction

    def can_train(self) -> bool:
        return self._document.data is not None

    def pending_text(self) -> str:
        return self.settings_model.pending_text()

    # ------------------------------------------------------------------ settings
    def update_settings(self, **changes) -> None:
        """Change settings (``TrainingSettingsModel.update``): the live ones reach the
        running trainer at once; ``test_fraction`` re-splits the data at once, keeping the
        weights, the epoch and the history (``resplit``); the seed waits for Reset. A bad
        value raises ``ValueError`` and changes nothing."""
        fraction = changes.pop("test_fraction", None)
        data = self._split_data(fraction) if fraction is not None else None
        live = self.settings_model.update(**changes)
        if "optimizer" in live:  # another optimizer starts with fresh memory
            self.optimizer_state = self._state_to_send = None
        if live and self._link.started:
            self._link.update_settings(live)
        if data is not None:
            self._take_split(data)

    def resplit(self, fraction: float) -> None:
        """Split the same examples again with ``fraction`` of them for testing, without
        wiping the weights: training goes on from the same epoch on the new training part
        (the test curve then jumps to the new test part). ``ValueError`` if it cannot be
        split so; nothing changes then."""
        data = self._split_data(fraction)
        if data is not None:
            self._take_split(data)

    def _split_data(self, fraction):
        """The document's data split again with ``fraction`` (None: no data or the same split)."""
        fraction = float(fraction)
        if not 0.0 <= fraction < 1.0:
            raise ValueError("the test split must be at least 0 and below 1")
        data = self._document.data
        if data is None or abs(fraction - self.test_fraction) < 1e-9:
            return None
        new = prepare_data(data.dataset, test_fraction=fraction, seed=0, standardize=data.standardizer is not None)
        if len(new.train_index) == 0:
            raise ValueError("the test split leaves no examples to train on")
        return new

    def _take_split(self, data) -> None:
        doc = self._document
        row = doc.sample_index
        self._frames.drop()
        self._applying = True  # not "other data": the history and the epoch go on
        try:
            doc.set_data(data, doc.network, user=False)
            if row > 0:
                doc.set_sample_index(row)  # the same example: only its part changed
        finally:
            self._applying = False
        self._forget_update()
        self.settings_model.announce()
        if self._running:
            self._load(reset=False)
        else:
            self._dirty = True

    def set_settings(self, settings: TrainingSettings) -> None:
        """All settings at once (e.g. from a model file); the seed waits for Reset."""
        changes = {k: getattr(settings, k) for k in LIVE_SETTINGS}
        try:
            self.update_settings(**changes, seed=settings.seed)
        except ValueError:  # e.g. a loss that does not fit this network: keep the rest
            changes.pop("loss")
            self.update_settings(**changes, seed=settings.seed)
        self.settingsChanged.emit(self.settings)

    def adopt_settings(self, settings: TrainingSettings) -> None:
        """A reopened document's settings, all of them: its seed is the seed of the weights
        it brings (nothing waits for Reset afterwards)."""
        self.settings_model.adopt(settings)

    def restore_progress(self, epoch: int, history, optimizer_state=None) -> None:
        """A reopened document: training goes on from ``epoch`` (no Reset) with its
        ``optimizer_state`` (an ``OptimizerState`` or None: a fresh optimizer), and the plots
        show its ``history`` (a ``nnsim.core.document.History``) again. Call it after the
        document's data and network are in (``set_data``)."""
        self._forget_the_old_network()
        self.optimizer_state = self._state_to_send = optimizer_state
        self._epoch = int(epoch)
        self._dirty = True
        if len(history):
            snap = history_snapshot(history, epoch, self._document.network, self._generation)
            # the worker evaluates these weights again when it loads them: the curves have that point
            self._restored_point = int(epoch) if np.any(snap.eval_epochs == epoch) else None
            self.snapshotReceived.emit(snap)
        self.epochChanged.emit(self._epoch, 0.0)

    def set_pace(self, pace: Pace) -> None:
        """Train at ``pace`` (one of ``nnsim.training.pace.PACES``); at once, also while
        training runs."""
        if not isinstance(pace, Pace):
            raise ValueError(f"a pace is a Pace, not {pace!r}")
        if pace == self._pace:
            return
        self._pace = pace
        # at full speed the window gives training most of the machine; at a watched pace every
        # update should reach the screen
        self._frames.budget = UI_BUDGET if pace.full_speed else WATCHED_BUDGET
        self._frames.show_every_update = pace.updates_per_second is not None
        if self._link.started and self._pace_sent is not None:
            self._send_pace()
        self.paceChanged.emit(pace)

    @property
    def plane_features(self) -> tuple:
        return self._plane_features

    def set_plane_features(self, x: int, y: int) -> None:
        """Draw the pictures on the plane of inputs ``x`` and ``y`` (the others held at their
        training mean); the worker hears it at once, also while training runs."""
        features = (int(x), int(y))
        if features[0] == features[1] or min(features) < 0:
            raise ValueError(f"the picture needs two different inputs, got {features}")
        self._plane_features = features
        if self._link.started and self._plane_sent is not None:
            self._send_plane()

    def _send_plane(self) -> None:
        self._link.set_plane_features(self._plane_features)
        self._plane_sent = self._plane_features

    def _send_pace(self) -> None:
        self._link.set_pace(self._pace)
        self._pace_sent = self._pace

    def selected_training_row(self) -> int | None:
        """The document's sample as a row of the training part (an index into
        ``data.X_train``), or None when it is a test example or typed in."""
        doc = self._document
        if doc.data is None or doc.sample_index < 0:
            return None
        rows = np.flatnonzero(np.asarray(doc.data.train_index) == doc.sample_index)
        return int(rows[0]) if rows.size else None

    def set_stop_condition(self, after_epochs: int | None = None, loss_below: float | None = None) -> None:
        """Pause after ``after_epochs`` more epochs (counted from Train), or when the epoch's
        loss falls below ``loss_below``. None: no such condition. Applies at the next Train."""
        self.settings_model.set_stop_condition(after_epochs, loss_below)

    # ------------------------------------------------------------------ commands
    @Slot()
    def start(self) -> None:
        if self._running or not self.can_train():
            return
        self._link.start_thread()
        self._sync_worker()
        self._running = True
        model = self.settings_model
        self._link.resume(model.stop_after_epochs, model.stop_below_loss)
        self.runningChanged.emit(True)

    @Slot()
    def pause(self) -> None:
        if not self._running:
            return
        self._running = False
        self._link.pause()
        self.runningChanged.emit(False)

    @Slot()
    def toggle(self) -> None:
        self.pause() if self._running else self.start()

    @Slot()
    def step(self) -> None:
        """Exactly one epoch, while paused."""
        if self._running or not self.can_train():
            return
        self._link.start_thread()
        self._sync_worker()
        self._link.step()

    @Slot()
    def step_example(self) -> None:
        """One gradient step on one training example, while paused: the selected sample when
        it is a training example, otherwise the next one of the epoch's order."""
        if self._running or not self.can_train():
            return
        self._link.start_thread()
        self._sync_worker()
        self._link.step_example(self.selected_training_row())

    @Slot()
    def step_batch(self) -> None:
        """One mini-batch, while paused."""
        if self._running or not self.can_train():
            return
        self._link.start_thread()
        self._sync_worker()
        self._link.step_batch()

    @Slot()
    def reset(self) -> None:
        """New seeded weights (same structure), history cleared; pending seed/split applied."""
        doc = self._document
        seed, fraction = self.settings_model.take_reset()
        old = doc.network
        network = Network(old.layer_sizes, old.activations, seed=seed, threshold=old.threshold)
        self._forget_the_old_network()
        self._applying = True
        try:
            if fraction is not None and doc.data is not None:
                doc.set_data(prepare_data(doc.data.dataset, test_fraction=fraction, seed=0,
                                          standardize=doc.data.standardizer is not None), network, user=False)
            else:
                doc.replace_network(network, user=False)
        finally:
            self._applying = False
        self.settings_model.announce()
        if self._link.started and doc.data is not None:
            self._load(reset=True)
        else:
            self._dirty = True

    @Slot()
    def shutdown(self) -> None:
        """Stop the worker thread and wait for it (a chunk lasts milliseconds)."""
        was_running = self._running
        self._running = False
        self._link.shutdown()
        self._pace_sent = None
        self._plane_sent = None
        self._worker_data = None
        self._dirty = True
        if was_running:
            self.runningChanged.emit(False)

    # ------------------------------------------------------------------ to the worker
    def _sync_worker(self) -> None:
        """Send the document's network when the worker's copy may differ from it (and the
        pace, the first time)."""
        if self._pace_sent != self._pace:
            self._send_pace()
        if self._plane_sent != self._plane_features:
            self._send_plane()
        if self._dirty or self._worker_data is not self._document.data:
            self._load(reset=False)

    def _load(self, reset: bool) -> None:
        doc = self._document
        if self._worker_data is not doc.data:
            self._generation += 1
        # a new trainer goes on from the epoch shown (a reopened document's)
        state, self._state_to_send = self._state_to_send, None
        if state is not None and not reset:  # (with the reopened document's optimizer memory)
            self._link.load(doc.network.copy(), doc.data, self.settings, self._generation, reset, self._epoch, state)
        else:
            self._link.load(doc.network.copy(), doc.data, self.settings, self._generation, reset,
                            0 if reset else self._epoch)
        self._worker_data = doc.data
        self._dirty = False
        self._edits.clear()

    def _forget_the_old_network(self) -> None:
        """Reset or other data: a new generation, an empty history, epoch 0."""
        self._generation += 1
        self._restored_point = None
        self._edits.clear()
        self._frames.drop()
        self._epoch, self._eps, self._examples = 0, 0.0, (0, self._examples[1])
        self.optimizer_state = self._state_to_send = None
        self._forget_update()
        self.historyCleared.emit()
        self.epochChanged.emit(0, 0.0)

    # ------------------------------------------------------------------ from the worker
    @Slot(object)
    def _on_snapshot(self, snap) -> None:
        if snap.generation != self._generation:
            return  # from before a reset or a structural change
        if self._restored_point is not None and snap.kind == "loaded":
            if np.all(snap.eval_epochs == self._restored_point):
                empty = np.zeros(0)
                snap = dataclasses.replace(snap, eval_epochs=empty, eval_train_loss=empty, test_loss=empty,
                                           train_accuracy=empty, test_accuracy=empty)
            self._restored_point = None
        self.latest_snapshot = snap
        if snap.update is not None:  # the frames shown may skip this snapshot: keep its update
            self._update_waiting = snap.update
        self.snapshotReceived.emit(snap)
        self._frames.offer(snap)

    def _show(self, snap) -> None:
        """The frame scheduler's turn: ``snap`` reaches the document and the views."""
        if snap.generation != self._generation:
            return
        self._epoch, self._eps = snap.epoch, snap.epochs_per_second
        self._examples = (snap.examples_done, snap.examples_per_epoch)
        doc = self._document
        net = doc.network
        if (not self._dirty and tuple(net.layer_sizes) == snap.layer_sizes
                and tuple(net.activations) == snap.activations):
            params = self._edits.patch(snap.params, snap.edit_serial)
            self._applying = True
            try:
                doc.apply_parameters(params, live=snap.kind == "training")
            finally:
                self._applying = False
            self.optimizer_state = snap.optimizer_state
        self.snapshotApplied.emit(snap)
        update, self._update_waiting = self._update_waiting, None
        if update is not None and update.fits(doc.network):
            self.last_update = update
            self.updateShown.emit(update)
        self.epochChanged.emit(self._epoch, self._eps)

    def _forget_optimizer_state(self) -> None:
        self.optimizer_state = self._state_to_send = None

    def _forget_update(self) -> None:
        self._update_waiting = None
        if self.last_update is not None:
            self.last_update = None
            self.updateShown.emit(None)

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

    @Slot(int)
    def _on_link_lost(self, _code: int) -> None:
        """The training process ended by itself: the next one knows nothing, so the next
        Train or Step sends it everything again (the ``error`` that follows says why)."""
        self._pace_sent = self._plane_sent = None
        self._worker_data = None
        self._dirty = True

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

    @Slot(int, float)
    def _on_parameter_edited(self, index: int, value: float) -> None:
        if not self._running or not self._link.started:
            self._dirty = True
            return
        self._link.set_parameter(index, value, self._edits.add(index, value))

    @Slot()
    def _on_structure_edited(self) -> None:
        if not self._running or not self._link.started:
            self._dirty = True
            return
        doc = self._document
        if doc.data is None:
            self.pause()
            self._dirty = True
            return
        self._generation += 1
        self._edits.clear()
        self._forget_update()
        self._link.replace_network(doc.network.copy(), doc.data, self._generation)
        self._worker_data = doc.data

    @Slot()
    def _on_data_changed(self) -> None:
        if self._applying:
            return
        self._forget_the_old_network()
        self.settings_model.forget_pending_split()
        if self._document.data is None:
            self.pause()
            self._dirty = True
            return
        if self._running:
            self._load(reset=True)
        else:
            self._dirty = True
