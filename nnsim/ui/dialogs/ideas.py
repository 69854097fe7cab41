"""Help ▸ Ideas: the source text's three steps in plain words, each beside a picture of the
window's own part that shows it, and a button that shows it in the window.

1. a network is layers of nodes (the graph);
2. a node adds up W·X + B and switches on past a threshold (the neuron panel);
3. training changes W and B using the known answers (one example's update).

The pictures are taken from the window each time the page opens, so they show the network
the class is looking at, not a drawing of some other one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

#: the pictures' width, in the page's font's average characters (readable, not a poster)
PICTURE_CHARS = 46


@dataclass
class Idea:
    """One step of the page: its title and words, the window's part it pictures, and what
    its "Show me" button does."""

    title: str
    words: str
    pictured: Callable[[], QWidget]
    show_me: Callable[[], None]
    show_me_text: str


class IdeasDialog(QDialog):
    """The Ideas page (``ideasDialog``): not modal, so the window stays usable beside it."""

    def __init__(self, ideas: list[Idea], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ideasDialog")
        self.setWindowTitle(self.tr("Ideas: how a neural network works"))
        self.setModal(False)
        self._ideas = ideas
        self.pictures: list[QLabel] = []
        self.show_me_buttons: list[QPushButton] = []

        page = QWidget()
        grid = QGridLayout(page)
        grid.setColumnStretch(1, 1)
        heading = QFont(self.font())
        heading.setPointSizeF(self.font().pointSizeF() * 1.4)
        heading.setBold(True)
        for row, idea in enumerate(ideas):
            title = QLabel(f"{row + 1}. {idea.title}")
            title.setObjectName(f"ideaTitle_{row}")
            title.setFont(heading)
            title.setWordWrap(True)
            words = QLabel(idea.words)
            words.setObjectName(f"ideaWords_{row}")
            words.setWordWrap(True)
            words.setTextFormat(Qt.PlainText)
            picture = QLabel()
            picture.setObjectName(f"ideaPicture_{row}")
            picture.setFrameShape(QFrame.StyledPanel)
            picture.setAlignment(Qt.AlignCenter)
            button = QPushButton(idea.show_me_text)
            button.setObjectName(f"ideaShowMe_{row}")
            button.clicked.connect(idea.show_me)
            text = QVBoxLayout()
            text.addWidget(title)
            text.addWidget(words)
            text.addWidget(button, 0, Qt.AlignLeft)
            text.addStretch(1)
            grid.addWidget(picture, row, 0, Qt.AlignTop)
            grid.addLayout(text, row, 1)
            self.pictures.append(picture)
            self.show_me_buttons.append(button)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)
        width = self.fontMetrics().averageCharWidth()
        self.resize(width * (PICTURE_CHARS + 60), self.fontMetrics().height() * 40)

    def refresh_pictures(self) -> None:
        """Take each picture from the window again (the network as it is now)."""
        side = self.fontMetrics().averageCharWidth() * PICTURE_CHARS
        for idea, label in zip(self._ideas, self.pictures):
            widget = idea.pictured()
            shot = widget.grab() if widget.isVisible() and widget.width() > 0 else QPixmap()
            if shot.isNull():
                label.setText(self.tr("(shown in the window when its panel is open)"))
                label.setPixmap(QPixmap())
            else:
                label.setPixmap(shot.scaled(side, side, Qt.KeepAspectRatio, Qt.SmoothTransformation))

    def showEvent(self, event):  # noqa: N802 (Qt)
        self.refresh_pictures()
        super().showEvent(event)


def window_ideas(window) -> list[Idea]:
    """The three steps, pictured by ``window`` (a MainWindow) and shown in it."""

    def show_layers() -> None:
        window.network_view.fit_to_view()
        window.network_view.setFocus()

    def show_sum() -> None:
        sizes = window.network.layer_sizes
        window.selection.select_node(1 if len(sizes) > 2 else len(sizes) - 1, 0)
        window.neuron_dock.show()
        window.neuron_dock.raise_()

    def show_training() -> None:
        window.update_dock.show()
        window.update_dock.raise_()
        window.training.step_example()

    return [
        Idea(QCoreApplication.translate("IdeasDialog", "Layers of nodes"),
             QCoreApplication.translate("IdeasDialog", "A network is layers of nodes joined by arrows. The nodes on the left take one "
                 "example's measurements (for the Iris flowers: four lengths, in cm). Each node of a "
                 "hidden layer listens to every node of the layer before it. The nodes on the right "
                 "give the answer: one node per kind of flower, and the one that lights up most is "
                 "the network's guess."),
             lambda: window.network_view, show_layers, QCoreApplication.translate("IdeasDialog", "Show me the layers")),
        Idea(QCoreApplication.translate("IdeasDialog", "W·X + B past a threshold"),
             QCoreApplication.translate("IdeasDialog", "A node multiplies each input x by its weight w (how much that input counts), adds "
                 "them up, and adds its bias b (how easily the node switches on): z = W·X + B. Then it "
                 "decides how much to switch on; with a step at a threshold of 0.5 it is on when the "
                 "sum is past 0.5 and off when it is not. Click a node and drag a weight's slider to "
                 "watch the sum cross the threshold."),
             lambda: window.neuron_panel, show_sum, QCoreApplication.translate("IdeasDialog", "Show me a node's sum")),
        Idea(QCoreApplication.translate("IdeasDialog", "Training changes W and B"),
             QCoreApplication.translate("IdeasDialog", "Training shows the network examples whose right answer is known. For each one it "
                 "measures the error (how far the output is from the right answer) and moves every "
                 "weight and bias a little in the direction that makes the error smaller: by −η × "
                 "the gradient, where η, the learning rate, says how big the steps are. Step one "
                 "example at a time to see every change, then speed up and watch the loss fall."),
             lambda: window.update_panel, show_training, QCoreApplication.translate("IdeasDialog", "Show me one training step")),
    ]
