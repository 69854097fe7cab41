"""Every row's prediction for the views that show "how good is it?" (the scores, the
confusion matrix, the data table's predicted column).

While training runs the predictions come with the snapshots (the session computes them in
its thread with each evaluation: ``Snapshot.predictions``). When no training runs the
document holds the live network, so after an edit (a slider, undo, a loaded file) the feed
computes them itself on the UI thread: a forward pass over the data, about a millisecond
for ``LOCAL_LIMIT`` rows; bigger data keeps the last snapshot's until training runs again.
Changes of one pass of the event loop are computed once (a zero-interval timer).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal, Slot

from nnsim.core.scores import RowPredictions, Scores, predict_rows, summarize

#: the largest data set whose predictions are computed on the UI thread while paused
LOCAL_LIMIT = 10_000


class PredictionFeed(QObject):
    """``predictions`` (a ``RowPredictions`` of ``document.data``, or None) and their
    ``scores``; ``changed`` whenever they are replaced."""

    changed = Signal()

    def __init__(self, document, controller=None, parent: QObject | None = None):
        super().__init__(parent)
        self._document = document
        self._controller = controller
        self.predictions: RowPredictions | None = None
        self.scores: Scores | None = None
        self._data = None  # the data the predictions belong to
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)
        document.parametersChanged.connect(self._document_changed)
        document.structureChanged.connect(self._document_changed)
        document.dataChanged.connect(self._data_changed)
        if controller is not None:
            controller.snapshotApplied.connect(self._snapshot_applied)
        self.refresh()  # at once: the views start with the answers, not a relayout later

    @property
    def data(self):
        """The ``TrainingData`` the predictions are for."""
        return self._data

    def _running(self) -> bool:
        return self._controller is not None and self._controller.is_running

    @Slot()
    def _data_changed(self) -> None:
        self._set(None)
        self._document_changed()

    @Slot()
    def _document_changed(self) -> None:
        # while training runs, the parameters the document receives are the snapshots'
        # (their predictions come with them); only the UI's own edits are computed here
        if not self._running() and not self._document.live:
            self._timer.start()

    @Slot()
    def refresh(self) -> None:
        """Compute the predictions of the document's network now (small data, no training)."""
        self._timer.stop()
        doc = self._document
        data, net = doc.data, doc.network
        if data is None or net.layer_sizes[0] != data.n_inputs or net.layer_sizes[-1] != data.n_outputs:
            self._set(None)
            return
        if data.dataset.n_samples > LOCAL_LIMIT:
            return  # keep the last snapshot's
        try:
            predictions = predict_rows(net, data)
        except ValueError:  # the network does not fit this data (yet): nothing to show
            self._set(None)
            return
        self._set(predictions)

    @Slot(object)
    def _snapshot_applied(self, snapshot) -> None:
        predictions = snapshot.predictions
        doc = self._document
        if predictions is None or doc.data is None or predictions.n_rows != doc.data.dataset.n_samples:
            return
        if not self._running() and not np.array_equal(snapshot.params, doc.network.params):
            return  # an edit made after this snapshot: the feed's own pass is on its way
        self._timer.stop()
        self._set(predictions)

    def _set(self, predictions: RowPredictions | None) -> None:
        data = self._document.data
        self.predictions = predictions
        self._data = data
        self.scores = summarize(predictions, data) if predictions is not None else None
        self.changed.emit()
