"""Slow file work off the window's thread: a big table or model is read and checked in a
plain Python thread (the engine's loaders are pure Python and NumPy), and the result comes
back to the window's thread as a queued signal, so the window keeps painting meanwhile."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal


class BackgroundTask(QObject):
    """Runs ``work()`` in a thread of its own; ``done(result)`` or ``failed(exception)``
    arrive in the thread this object lives in. ``work`` must not touch Qt objects."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(self, work, name: str = "nnsim-background", parent: QObject | None = None):
        super().__init__(parent)
        self._work = work
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def wait(self, seconds: float | None = None) -> bool:
        """Wait for the work to end (tests, shutdown); True if it did."""
        self._thread.join(seconds)
        return not self._thread.is_alive()

    def _run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # noqa: BLE001 - every failure goes back to the window
            self._emit(self.failed, exc)
        else:
            self._emit(self.done, result)

    @staticmethod
    def _emit(signal, value) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the window closed meanwhile: nobody is waiting any more
            pass
