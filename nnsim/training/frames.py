"""Frame pacing: when the window shows the newest snapshot, and which view redraws when.

While training runs, snapshots arrive up to 30 times a second. Showing one (the document's
views recolour and repaint) costs UI time, and the UI's Python time is taken from the
training thread too (one GIL). So the ``FrameScheduler`` shows the newest snapshot only when
the UI's budget allows (``UI_BUDGET`` of its time, measured), drops the older ones, and
then gives each heavy view a turn of its own (``redrawTurn``), evenly spaced before the
next frame, so no single pass of the event loop repaints two of them.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal

#: showing a snapshot may take at most this share of the UI thread's time while training
#: runs; heavier views get snapshots less often. Measured on six hidden layers of 64, 0.15
#: let training run at 0.72 of the engine's speed, 0.08 at 0.83.
UI_BUDGET = 0.08
#: ... but at a pace a class watches (not full speed) training needs little of the machine,
#: and every update should reach the screen: the window may then take half of its time
WATCHED_BUDGET = 0.5
MAX_APPLY_HZ = 30.0
#: views that take turns between frames (0 loss plot, 1 accuracy plot, 2 decision boundary)
REDRAW_TURNS = 3


class FrameScheduler(QObject):
    """Calls ``show(snapshot)`` for the newest snapshot at the pace the UI affords."""

    #: while training runs: view number ``turn`` may redraw now
    redrawTurn = Signal(int)

    def __init__(self, show, parent: QObject | None = None):
        super().__init__(parent)
        self._show = show
        self._waiting = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.show_waiting)
        self._turn_timers = []
        for turn in range(REDRAW_TURNS):
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.timeout.connect(lambda turn=turn: self.redrawTurn.emit(turn))
            self._turn_timers.append(timer)
        self._last_frame = -1.0
        self._cost = 0.0  # seconds the UI needs to show one snapshot (smoothed)
        #: the share of the UI thread's time showing snapshots may take (``UI_BUDGET`` at
        #: full speed, ``WATCHED_BUDGET`` at a watched pace)
        self.budget = UI_BUDGET
        #: in slow motion every update is drawn: a snapshot carrying one is shown at once
        self.show_every_update = False

    @property
    def interval(self) -> float:
        """Seconds between two frames while training runs."""
        return max(1.0 / MAX_APPLY_HZ, self._cost / self.budget)

    def offer(self, snapshot) -> None:
        """The newest snapshot: shown now when it ends a command (pause, step...), else when
        the budget allows (a newer one offered meanwhile replaces it)."""
        self._waiting = snapshot
        if snapshot.kind != "training" or (self.show_every_update and snapshot.update is not None):
            self.show_waiting()
        elif not self._timer.isActive():
            wait = self._last_frame + self.interval - time.perf_counter()
            self._timer.start(max(0, int(wait * 1000)))

    def drop(self) -> None:
        """Forget the snapshot waiting to be shown (it belongs to a network that is gone)."""
        self._timer.stop()
        self._waiting = None

    def show_waiting(self) -> None:
        self._timer.stop()
        snapshot, self._waiting = self._waiting, None
        if snapshot is None:
            return
        start = time.perf_counter()
        self._show(snapshot)
        # The repaints come after this slot; a zero timer fires once they are done.
        QTimer.singleShot(0, self, lambda: self._measured(start))
        self._last_frame = time.perf_counter()
        if snapshot.kind == "training":
            share = self.interval * 1000 / (REDRAW_TURNS + 1)
            for k, timer in enumerate(self._turn_timers):
                timer.start(round(share * (k + 1)))

    def _measured(self, start: float) -> None:
        cost = time.perf_counter() - start
        self._cost = cost if self._cost == 0 else 0.8 * self._cost + 0.2 * cost
