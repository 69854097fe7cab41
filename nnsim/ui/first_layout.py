"""The dock sizes of a first start (no saved layout), from the window's size: the training
controls whole without scrolling, the data table under them with the rest of the column,
and the plots' row low enough on a short screen that the graph keeps most of the height."""

from __future__ import annotations

from PySide6.QtWidgets import QDockWidget, QMainWindow, QScrollArea

#: the plots' row: this share of the window's height, within these bounds (pixels)
BOTTOM_SHARE = 0.29
BOTTOM_MIN, BOTTOM_MAX = 190, 250
#: the right-hand column (the weights, the neuron explained): this share of the window's width
RIGHT_SHARE = 0.21
RIGHT_MIN, RIGHT_MAX = 340, 400  # (below 340 the weight boxes of "sepal length (cm) → w" are cut)
#: the data table keeps at least this height under the training controls
DATA_MIN = 150


def training_height(dock: QDockWidget) -> int:
    """The training dock's height that shows its whole panel: the panel's height, the dock's
    title and the scroll area's frame."""
    scroll = dock.widget()
    panel = scroll.widget() if isinstance(scroll, QScrollArea) else scroll
    need = max(panel.sizeHint().height(), panel.minimumSizeHint().height())
    if isinstance(scroll, QScrollArea):
        need += 2 * scroll.frameWidth()
    return need + 4 + (dock.height() - scroll.height() if dock.height() > scroll.height() else 0)


def left_column(window: QMainWindow, training: QDockWidget) -> list[int]:
    """[training, data] heights: the training panel whole, the data table the rest."""
    need = training_height(training)
    total = max(training.height() + (window.findChild(QDockWidget, "dataDock").height() or 0), need + DATA_MIN)
    return [need, max(DATA_MIN, total - need)]


def bottom_row(window: QMainWindow) -> int:
    """The plots' row height for this window's height."""
    return round(min(BOTTOM_MAX, max(BOTTOM_MIN, window.height() * BOTTOM_SHARE)))


def right_column(window: QMainWindow) -> int:
    """The right-hand column's width for this window's width."""
    return round(min(RIGHT_MAX, max(RIGHT_MIN, window.width() * RIGHT_SHARE)))
