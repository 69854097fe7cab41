"""The loss and accuracy history the plots show, kept as a document stores it.

``HistoryRecorder`` reads the same snapshots as the plots (``snapshotReceived``) and starts
over with them (``historyCleared``), so what a document saves is what the class saw.
A document's ``History`` (``nnsim.core.document``) is one table: an epoch per row and four
columns (NaN = no value). A row with a train loss is that epoch's mean batch loss (the
train curve); a row with a test loss or an accuracy is an evaluation point (the other
curves). An evaluation made at the end of an epoch shares that epoch's row; one made
mid-epoch (a slow pace) gets its own row at the epoch it was made in.

``history_snapshot(history, ...)`` turns a stored history back into one snapshot's worth of
points, which the controller hands the plots when a document is reopened.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QObject, Slot

from nnsim.core.document import History
from nnsim.training.snapshot import Snapshot

_NAN = math.nan


class HistoryRecorder(QObject):
    """Every history point of ``controller``'s snapshots since the last ``historyCleared``."""

    def __init__(self, controller, parent: QObject | None = None):
        super().__init__(parent)
        self.clear()
        controller.snapshotReceived.connect(self.record)
        controller.historyCleared.connect(self.clear)

    @Slot()
    def clear(self) -> None:
        self._rows: list[list] = []  # [epoch, train_loss, test_loss, train_accuracy, test_accuracy]
        self._open: dict[int, int] = {}  # epoch -> its train-loss row, while no evaluation shares it

    def __len__(self) -> int:
        return len(self._rows)

    @Slot(object)
    def record(self, snap) -> None:
        """Add the points of snapshot ``snap`` (its epochs' losses, its evaluations)."""
        for epoch, loss in zip(np.asarray(snap.epochs).tolist(), np.asarray(snap.train_loss).tolist()):
            self._open[int(epoch)] = len(self._rows)
            self._rows.append([int(epoch), float(loss), _NAN, _NAN, _NAN])
        points = zip(np.asarray(snap.eval_epochs, dtype=float).tolist(), np.asarray(snap.test_loss).tolist(),
                     np.asarray(snap.train_accuracy).tolist(), np.asarray(snap.test_accuracy).tolist())
        for at, *values in points:
            if not math.isfinite(at) or all(math.isnan(v) for v in values):
                continue  # nothing a curve shows (a regression without a test part)
            epoch = max(0, int(math.floor(at)))
            row = self._open.pop(epoch, None) if at == epoch else None
            if row is None:
                self._rows.append([epoch, _NAN, *values])
            else:
                self._rows[row][2:] = values

    def history(self, up_to_epoch: int | None = None) -> History:
        """The points recorded, as a document's ``History`` (rows after ``up_to_epoch`` left
        out: snapshots that arrived but were not shown yet)."""
        rows = self._rows if up_to_epoch is None else [r for r in self._rows if r[0] <= up_to_epoch]
        rows = sorted(rows, key=lambda r: r[0])  # stable: the order they came in within an epoch
        if not rows:
            return History()
        table = np.array([r[1:] for r in rows], dtype=np.float64)
        return History(np.array([r[0] for r in rows], dtype=np.int64), *table.T)


def history_snapshot(history: History, epoch: int, network, generation: int) -> Snapshot:
    """A "loaded" snapshot carrying ``history``'s points, as if training had just sent them:
    the train curve from the rows with a train loss, the evaluation curves from the rows with
    a test loss or an accuracy."""
    train = np.isfinite(history.train_loss)
    evaluated = ~(np.isnan(history.test_loss) & np.isnan(history.train_accuracy) & np.isnan(history.test_accuracy))
    return Snapshot(
        epoch=int(epoch), params=network.params.copy(), layer_sizes=tuple(network.layer_sizes),
        activations=tuple(network.activations), metrics=None,
        epochs=history.epochs[train].copy(), train_loss=history.train_loss[train].copy(),
        eval_epochs=history.epochs[evaluated].astype(np.float64),
        eval_train_loss=history.train_loss[evaluated].copy(), test_loss=history.test_loss[evaluated].copy(),
        train_accuracy=history.train_accuracy[evaluated].copy(),
        test_accuracy=history.test_accuracy[evaluated].copy(),
        kind="loaded", generation=int(generation))
