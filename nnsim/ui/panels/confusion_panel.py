"""The confusion matrix: which classes the network mixes up (``confusionMatrix``).

Rows are the true class, columns the class the network answers, each cell the number of
examples; the diagonal (right answers) is highlighted, and the last column says how many of
each class are right. It shows the test examples (what the network never learned from), or
with ``confusionPartSwitch`` the training examples. Clicking a cell selects those examples in
the data table (``rowsChosen``). The counts come from the ``PredictionFeed``.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nnsim.core.scores import confusion_counts
from nnsim.model.messages import translate_name
from nnsim.ui.answer_style import RIGHT_BACKGROUND, WRONG_BACKGROUND  # the diagonal is bold too
from nnsim.ui.number_text import MISSING, locale_of, percent_text

PARTS = ("test", "train")


class ConfusionPanel(QWidget):
    """The confusion matrix of one part of the data, from ``feed`` (a ``PredictionFeed``)."""

    #: the data set rows (in the data table's order) of the clicked cell
    rowsChosen = Signal(list)

    def __init__(self, feed, parent=None):
        super().__init__(parent)
        self.setObjectName("confusionPanel")
        self.setAccessibleName(self.tr("Confusion matrix"))
        self._feed = feed
        self._counts = np.zeros((0, 0), dtype=np.int64)

        self.confusionPartSwitch = QComboBox()
        self.confusionPartSwitch.setObjectName("confusionPartSwitch")
        self.confusionPartSwitch.setAccessibleName(self.tr("Examples counted"))
        self.confusionPartSwitch.setToolTip(self.tr("Count the test examples (never learned from) or "
                                                    "the training examples"))
        self.confusionPartSwitch.addItem(self.tr("Test examples"), "test")
        self.confusionPartSwitch.addItem(self.tr("Training examples"), "train")
        self.caption = QLabel(self.tr("Rows: the true class · columns: the network's answer"))
        self.caption.setObjectName("confusionCaption")
        self.caption.setWordWrap(True)
        self.table = QTableWidget()
        self.table.setObjectName("confusionMatrix")
        self.table.setAccessibleName(self.tr("Confusion matrix"))
        self.table.setToolTip(self.tr("How many examples of each true class (row) the network gives each "
                                      "answer (column). Click a cell to select those examples in the data table."))
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        font = self.table.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)  # counts read from afar
        self.table.setFont(font)
        self.total = QLabel()
        self.total.setObjectName("confusionTotal")
        self.total.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.confusionPartSwitch)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addLayout(top)
        layout.addWidget(self.caption)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total)

        self.confusionPartSwitch.currentIndexChanged.connect(self.refresh)
        self.table.cellClicked.connect(self._cell_clicked)
        feed.changed.connect(self.refresh)
        self.refresh()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().changeEvent(event)
        if event.type() == QEvent.FontChange:  # the window zoom: the cells take the table's new font
            QTimer.singleShot(0, self, self.refresh)

    # ------------------------------------------------------------------ reading
    @property
    def part(self) -> str:
        """"test" or "train": the examples counted."""
        return self.confusionPartSwitch.currentData()

    def set_part(self, part: str) -> None:
        self.confusionPartSwitch.setCurrentIndex(PARTS.index(part))

    @property
    def counts(self) -> np.ndarray:
        """``counts[true, predicted]`` as shown (a copy)."""
        return self._counts.copy()

    def rows_of(self, true_class: int, predicted: int | None) -> list[int]:
        """The data set rows of the shown part whose class is ``true_class`` and whose answer
        is ``predicted`` (None: any answer)."""
        data, predictions = self._feed.data, self._feed.predictions
        if data is None or predictions is None or predictions.classes is None:
            return []
        index = np.asarray(data.test_index if self.part == "test" else data.train_index, dtype=np.int64)
        keep = data.dataset.y[index] == true_class
        if predicted is not None:
            keep &= predictions.classes[index] == predicted
        return [int(r) for r in index[keep]]

    # ------------------------------------------------------------------ showing
    @Slot()
    def refresh(self) -> None:
        data, predictions = self._feed.data, self._feed.predictions
        if data is None or not data.is_classification:
            self._show_message(self.tr("The confusion matrix counts classes: this data set predicts numbers.")
                               if data is not None else self.tr("No data set."))
            return
        names = [translate_name(name) for name in data.dataset.class_names]
        k = len(names)
        index = np.asarray(data.test_index if self.part == "test" else data.train_index, dtype=np.int64)
        if predictions is None or predictions.classes is None:
            self._show_message(self.tr("Press Train or Step to see the network's answers."))
            return
        self.table.show()
        self.caption.show()
        counts = confusion_counts(data.dataset.y[index], predictions.classes[index], k)
        self._counts = counts
        self._fill(names, counts)
        right = int(np.trace(counts))
        n = int(counts.sum())
        locale = locale_of(self)
        if n == 0:
            self.total.setText(self.tr("There are no test examples: every example is used for training."))
        else:
            what = self.tr("{n} test examples") if self.part == "test" else self.tr("{n} training examples")
            self.total.setText(self.tr("{what}: {right} right ({percent}).").format(
                what=what.format(n=locale.toString(n)), right=locale.toString(right),
                percent=percent_text(right / n, locale=self)))

    def _show_message(self, text: str) -> None:
        self._counts = np.zeros((0, 0), dtype=np.int64)
        self.table.clear()
        self.table.setRowCount(0)
        self.table.setColumnCount(0)
        self.table.hide()
        self.caption.hide()
        self.total.setText(text)

    def _fill(self, names: list[str], counts: np.ndarray) -> None:
        k = len(names)
        table = self.table
        if table.rowCount() != k or table.columnCount() != k + 1:
            table.setRowCount(k)
            table.setColumnCount(k + 1)
        table.setHorizontalHeaderLabels(names + [self.tr("right")])
        table.setVerticalHeaderLabels(names)
        locale = locale_of(self)
        bold = QFont(table.font())
        bold.setBold(True)
        per_class = counts.sum(axis=1)
        for t in range(k):
            for p in range(k):
                n = int(counts[t, p])
                item = self._item(t, p)
                item.setText(locale.toString(n))
                if t == p:
                    item.setBackground(QBrush(QColor(RIGHT_BACKGROUND)))
                    item.setFont(bold)
                    tip = self.tr("{n} examples of {true} called {true}: right")
                else:
                    item.setBackground(QBrush(QColor(WRONG_BACKGROUND)) if n else QBrush())
                    item.setFont(table.font())
                    tip = self.tr("{n} examples of {true} called {predicted}: wrong")
                item.setToolTip(tip.format(n=locale.toString(n), true=names[t], predicted=names[p]))
            item = self._item(t, k)
            total = int(per_class[t])
            item.setText(percent_text(counts[t, t] / total, decimals=0, locale=self) if total else MISSING)
            item.setToolTip(self.tr("Share of the {true} examples the network gets right").format(true=names[t]))

    def _item(self, row: int, column: int) -> QTableWidgetItem:
        item = self.table.item(row, column)
        if item is None:
            item = QTableWidgetItem()
            item.setTextAlignment(Qt.AlignCenter)
            item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable)
            self.table.setItem(row, column, item)
        return item

    @Slot(int, int)
    def _cell_clicked(self, row: int, column: int) -> None:
        k = self._counts.shape[0]
        if not 0 <= row < k:
            return
        self.rowsChosen.emit(self.rows_of(row, column if column < k else None))
