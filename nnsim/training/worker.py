"""The training worker: a thin QObject that runs a ``TrainingSession`` in a QThread.

Everything training decides lives in the Qt-free session (``nnsim.training.session``); the
worker only turns queued signals into session calls and the session's reports into
signals. While training runs it calls ``session.advance(CHUNK_SECONDS)`` from a
single-shot QTimer (zero interval at full speed; at a slow pace, the session's
``Report.wait`` until the next update), never a ``while`` loop inside a slot, so the commands
waiting in its thread's queue (pause, an edit, stop) run between two chunks, without locks.

The UI thread waits for the GIL at most the switch interval each time it calls into Python
(``nnsim.training.thread_link.SWITCH_INTERVAL``, set while a worker thread exists), so
the worker need not sleep between chunks (measured: a 1 ms sleep per 8 ms chunk cost 10% of
the training speed and made the window no smoother).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal, Slot

from nnsim.training.session import Report, TrainingSession

#: target duration of one chunk of training (the session stops within about a batch of it)
CHUNK_SECONDS = 0.008


class TrainingWorker(QObject):
    """Runs ``session`` in the thread this object lives in. See the module docstring."""

    #: a Snapshot (at most SNAPSHOT_HZ a second while running; one after every command that
    #: changes what the UI shows: pause, step, load)
    snapshot = Signal(object)
    #: training diverged; the last finite parameters were kept and the session paused
    diverged = Signal(str)
    #: the stop condition was reached and the session paused
    finished = Signal()
    #: a command was refused or training failed (message); the session paused
    error = Signal(str)
    #: ``stop`` ran: the worker holds nothing any more
    stopped = Signal()

    def __init__(self, session: TrainingSession | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session if session is not None else TrainingSession()
        self.chunk_seconds = CHUNK_SECONDS
        self._timer = QTimer(self)  # a child: moves to the worker's thread with it
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.run_chunk)

    def acknowledge(self, serial: int) -> None:
        """The UI has received snapshot ``serial`` (called from the UI thread)."""
        self.session.acknowledge(serial)

    # ------------------------------------------------------------------ commands (slots)
    @Slot(object, object, object, int, bool, object, object)
    def load(self, network, data, settings=None, generation: int = 0, reset: bool = False, epoch=None,
             optimizer_state=None) -> None:
        self._publish(self.session.load(network, data, settings, generation, reset, epoch, optimizer_state))

    @Slot(object, object)
    def resume(self, stop_after_epochs=None, stop_below_loss=None) -> None:
        self._publish(self.session.resume(stop_after_epochs, stop_below_loss))

    @Slot()
    def pause(self) -> None:
        self._publish(self.session.pause())

    @Slot()
    def step(self) -> None:
        self._publish(self.session.step_epoch())

    @Slot(object)
    def step_example(self, row=None) -> None:
        self._publish(self.session.step_example(row))

    @Slot()
    def step_batch(self) -> None:
        self._publish(self.session.step_batch())

    @Slot(object)
    def set_pace(self, pace) -> None:
        self._publish(self.session.set_pace(pace))

    @Slot(object)
    def set_plane_features(self, features) -> None:
        self._publish(self.session.set_plane_features(features))

    @Slot(int, float, int)
    def set_parameter(self, index: int, value: float, serial: int = 0) -> None:
        self._publish(self.session.set_parameter(index, value, serial))

    @Slot(object)
    def update_settings(self, changes) -> None:
        self._publish(self.session.update_settings(changes))

    @Slot(object, object, int)
    def replace_network(self, network, data=None, generation: int = 0) -> None:
        self._publish(self.session.replace_network(network, data, generation))

    @Slot()
    def stop(self) -> None:
        """For shutdown: stop training, forget the network, emit ``stopped``."""
        self._timer.stop()
        self.session.stop()
        self.stopped.emit()
        # Hand the worker back to the application's thread, so that deleting it after the
        # worker thread has ended is safe (Qt only lets an object's own thread push it away).
        app = QCoreApplication.instance()
        if app is not None and self.thread() is not app.thread() and QThread.currentThread() is self.thread():
            self.moveToThread(app.thread())

    @Slot()
    def run_chunk(self) -> None:
        """One heartbeat: the session trains for about ``chunk_seconds``."""
        self._publish(self.session.advance(self.chunk_seconds))

    # ------------------------------------------------------------------ reports to signals
    def _publish(self, report: Report) -> None:
        if report.snapshot is not None:
            self.snapshot.emit(report.snapshot)
        if report.diverged is not None:
            self.diverged.emit(report.diverged)
        if report.finished:
            self.finished.emit()
        if report.error is not None:
            self.error.emit(report.error)
        if self.session.running:
            # the next chunk, after the commands waiting in the queue; at a slow pace, when
            # the next update is due (a command arriving meanwhile still runs at once)
            wait = report.wait
            self._timer.start(0 if wait is None else max(0, min(1000, round(wait * 1000))))
        else:
            self._timer.stop()
