"""``accuracyLabel``: "how good is it?" in large numbers beside the loss plot.

Classification: the share of training and of test examples the network classifies right.
Regression: the RMSE (the typical error, in the target's units) and R² (the share of the
targets' spread the network explains: 1 is perfect, 0 is no better than the mean). The
numbers follow the ``PredictionFeed``: live while training runs, at once after an edit.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import QLabel, QSizePolicy

from nnsim.ui.number_text import MISSING, number_text, percent_text

#: the numbers are this many times the window's font size: readable from the back row
SCALE = 1.6
TRAIN_COLOR = "#1f77b4"  # the loss plot's colours, so "train" and "test" match its curves
TEST_COLOR = "#e8700a"


class ScoresLabel(QLabel):
    """The current scores as a small table of large numbers (``accuracyLabel``).
    ``summary`` is the same in one line (its accessible description and tooltip)."""

    def __init__(self, feed, parent=None):
        super().__init__(parent)
        self.setObjectName("accuracyLabel")
        self.setAccessibleName(self.tr("How good the network is"))
        self.setTextFormat(Qt.RichText)
        self.setAlignment(Qt.AlignCenter)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Preferred)
        self.setContentsMargins(6, 2, 6, 2)
        font = self.font()
        self._base_points = font.pointSizeF()
        font.setPointSizeF(font.pointSizeF() * SCALE)
        self.setFont(font)
        self.summary = ""
        self._feed = feed
        feed.changed.connect(self.refresh)
        self.refresh()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().changeEvent(event)
        if event.type() == QEvent.FontChange and hasattr(self, "_feed"):  # the window zoom: words follow
            self._base_points = self.font().pointSizeF() / SCALE
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        data, scores = self._feed.data, self._feed.scores
        if data is None:
            rows = []
            self.summary = self.tr("No data set: nothing to score.")
        elif data.is_classification:
            train = percent_text(scores.train_accuracy if scores else None, locale=self)
            test = percent_text(scores.test_accuracy if scores else None, locale=self)
            rows = [(self.tr("Accuracy"), train, test)]
            self.summary = self.tr("Accuracy: train {0}, test {1}").format(train, test)
        else:
            values = [number_text(getattr(scores, name) if scores else None, locale=self)
                      for name in ("train_rmse", "test_rmse", "train_r2", "test_r2")]
            rows = [(self.tr("RMSE"), values[0], values[1]), (self.tr("R²"), values[2], values[3])]
            self.summary = self.tr("RMSE: train {0}, test {1}; R²: train {2}, test {3}").format(*values)
        self.setText(self._table(rows) if rows else self.summary)
        self.setAccessibleDescription(self.summary)
        self.setToolTip(self._explanation(data) + "\n\n" + self.summary)

    def _table(self, rows) -> str:
        """One column per score, a row for train and one for test: narrow beside the plot."""
        # the words at the window's own size, the numbers large: the label stays narrow
        # in Spanish too ("entrenamiento")
        small = f"font-size:{self._base_points:g}pt"
        head = "<tr><td></td>" + "".join(f"<td align='right' style='{small}'>&nbsp;{name}</td>"
                                         for name, _, _ in rows) + "</tr>"
        body = "".join(
            f"<tr><td style='color:{color}; {small}'>{part}</td>"
            + "".join(f"<td align='right'>&nbsp;<b>{values[k]}</b></td>" for values in rows) + "</tr>"
            for part, color, k in ((self.tr("train"), TRAIN_COLOR, 1), (self.tr("test"), TEST_COLOR, 2)))
        return f"<table cellspacing='2'>{head}{body}</table>"

    def _explanation(self, data) -> str:
        if data is not None and not data.is_classification:
            return self.tr("RMSE: the typical error of a prediction, in the target's units (lower is "
                           "better). R²: how much of the targets' spread the network explains (1 is "
                           "perfect, 0 is no better than always answering the mean).")
        return self.tr("Accuracy: the share of examples the network classifies right, on the training "
                       "examples and on the test examples it never learns from. {0} means there is no "
                       "such part.").format(MISSING)
