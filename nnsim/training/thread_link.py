"""The link to the training thread: its life, its process-wide settings, and its commands.

``ThreadLink`` starts the QThread with a ``TrainingWorker`` in it on first use, sends the
worker commands as queued signals (they run in the worker's thread, between two chunks of
training, in the order they were sent) and passes the worker's signals on. It is the one
place that touches the interpreter's switch interval and the BLAS thread count, and
``shutdown`` puts both back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QThread, Qt, Signal
from threadpoolctl import ThreadpoolController

from nnsim.training.session import TrainingSession
from nnsim.training.session_server import session_state
from nnsim.training.threads import register
from nnsim.training.worker import TrainingWorker

#: the interpreter's thread switch interval while training runs (the default is 5 ms): the UI
#: thread waits at most this long for the GIL each time it calls into Python, and a repaint
#: calls into Python dozens of times. Measured: 1 ms gave p99 event-loop gaps of 28 ms, 0.2 ms
#: 14-17 ms at the same training speed.
SWITCH_INTERVAL = 0.0002

#: snapshots the UI may not have acknowledged yet before the session holds the next ones
MAX_IN_FLIGHT = 2


class ThreadLink(QObject):
    """A training thread and the worker in it, started by ``start_thread``."""

    snapshot = Signal(object)
    diverged = Signal(str)
    finished = Signal()
    error = Signal(str)

    # commands to the worker (queued: they run in its thread, between chunks)
    _load = Signal(object, object, object, int, bool, object, object)
    _resume = Signal(object, object)
    _pause = Signal()
    _step = Signal()
    _step_example = Signal(object)
    _step_batch = Signal()
    _set_pace = Signal(object)
    _set_parameter = Signal(int, float, int)
    _update_settings = Signal(object)
    _replace = Signal(object, object, int)
    _stop = Signal()
    _set_plane_features = Signal(object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._worker: TrainingWorker | None = None
        self._thread: QThread | None = None
        self._saved_switch_interval: float | None = None
        self._blas_limit = None  # threadpoolctl's limiter while the thread exists

    @property
    def worker(self) -> TrainingWorker | None:
        """The worker (None before ``start_thread``). Tests read its session while paused."""
        return self._worker

    @property
    def thread(self) -> QThread | None:
        return self._thread

    @property
    def started(self) -> bool:
        """The thread runs (commands reach a worker)."""
        return self._worker is not None

    def start_thread(self) -> None:
        """Start the training thread, unless it runs already."""
        if self._worker is not None:
            return
        worker = TrainingWorker(TrainingSession(max_in_flight=MAX_IN_FLIGHT))
        thread = QThread()
        thread.setObjectName("nnsim-training")
        worker.moveToThread(thread)
        register(thread)
        queued = Qt.QueuedConnection
        for command, slot in ((self._load, worker.load), (self._resume, worker.resume), (self._pause, worker.pause),
                              (self._step, worker.step), (self._step_example, worker.step_example),
                              (self._step_batch, worker.step_batch), (self._set_pace, worker.set_pace),
                              (self._set_parameter, worker.set_parameter),
                              (self._update_settings, worker.update_settings),
                              (self._replace, worker.replace_network),
                              (self._set_plane_features, worker.set_plane_features)):
            command.connect(slot, queued)
        self._stop.connect(worker.stop, Qt.BlockingQueuedConnection)
        worker.snapshot.connect(self._received, queued)
        worker.diverged.connect(self.diverged, queued)
        worker.finished.connect(self.finished, queued)
        worker.error.connect(self.error, queued)
        self._worker, self._thread = worker, thread
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

    # ------------------------------------------------------------------ commands
    def load(self, network, data, settings, generation: int, reset: bool, epoch: int | None = None,
             optimizer_state=None) -> None:
        self._load.emit(network, data, settings, generation, reset, epoch, optimizer_state)

    def resume(self, stop_after_epochs, stop_below_loss) -> None:
        self._resume.emit(stop_after_epochs, stop_below_loss)

    def pause(self) -> None:
        self._pause.emit()

    def step(self) -> None:
        self._step.emit()

    def step_example(self, row: int | None) -> None:
        self._step_example.emit(row)

    def step_batch(self) -> None:
        self._step_batch.emit()

    def set_pace(self, pace) -> None:
        self._set_pace.emit(pace)

    def set_parameter(self, index: int, value: float, serial: int) -> None:
        self._set_parameter.emit(index, value, serial)

    def update_settings(self, changes: dict) -> None:
        self._update_settings.emit(changes)

    def replace_network(self, network, data, generation: int) -> None:
        self._replace.emit(network, data, generation)

    def set_plane_features(self, features) -> None:
        self._set_plane_features.emit(tuple(features))

    def state(self, timeout: float = 5.0):
        """What the session holds now (a ``SessionState`` of copies), or None before
        ``start_thread``. Read from this thread: call it while training is paused."""
        if self._worker is None:
            return None
        return session_state(self._worker.session)

    def _received(self, snapshot) -> None:
        if self._worker is not None:
            self._worker.acknowledge(snapshot.serial)
        self.snapshot.emit(snapshot)

    # ------------------------------------------------------------------ the end
    def shutdown(self) -> None:
        """Stop the worker thread and wait for it (a chunk lasts milliseconds); put the
        process-wide settings back."""
        thread, worker = self._thread, self._worker
        self._thread = self._worker = None
        if thread is not None:
            if thread.isRunning():
                self._stop.emit()  # blocking: the worker stops and leaves its thread
                thread.quit()
                thread.wait(5000)
            for command in (self._load, self._resume, self._pause, self._step, self._step_example,
                            self._step_batch, self._set_pace, self._set_parameter,
                            self._update_settings, self._replace, self._stop, self._set_plane_features):
                try:
                    command.disconnect()
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
