"""The teacher's note of the lesson that is open: its title, what to try, and its goal.

``LessonNotePanel`` shows a document's title and note in the interface's language
(``nnsim.core.document.localized``: Spanish or English, else whichever the file has) and,
when the lesson sets one, its goal in words ("Goal: test accuracy of at least 90 % within
60 epochs"). The window docks it as ``lessonNotePanel`` and shows it when a document with a
note opens.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from nnsim.core.document import localized
from nnsim.ui.language import current_language
from nnsim.ui.number_text import interface_locale, number_text, percent_text


class LessonNotePanel(QWidget):
    """Title (``lessonNoteTitle``), note (``lessonNoteText``) and goal (``lessonGoalLabel``)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lessonNote")
        self.setAccessibleName(self.tr("Lesson note"))
        self.title_label = self._label("lessonNoteTitle", self.tr("Lesson title"))
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title_label.setFont(font)
        self.note_label = self._label("lessonNoteText", self.tr("What the lesson asks you to try"))
        self.note_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.goal_label = self._label("lessonGoalLabel", self.tr("The lesson's goal"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.note_label)
        layout.addWidget(self.goal_label)
        layout.addStretch(1)
        self.show_lesson("", "", None)

    def _label(self, name: str, accessible: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setAccessibleName(accessible)
        label.setWordWrap(True)
        label.setTextFormat(Qt.PlainText)
        return label

    def show_lesson(self, title, note, goal, language: str | None = None) -> bool:
        """Show ``title`` and ``note`` (a text or ``{"en": ..., "es": ...}``) in ``language``
        (default: the interface's) and ``goal`` (a ``Goal`` or None). True when there is a
        note or a goal to read."""
        language = language or current_language()
        title_text, note_text = localized(title, language).strip(), localized(note, language).strip()
        goal_text = self.goal_text(goal) if goal is not None else ""
        self.title_label.setText(title_text)
        self.title_label.setVisible(bool(title_text))
        self.note_label.setText(note_text)
        self.note_label.setVisible(bool(note_text))
        self.goal_label.setText(goal_text)
        self.goal_label.setVisible(bool(goal_text))
        return bool(note_text or goal_text)

    def note_text(self) -> str:
        return self.note_label.text()

    def goal_text(self, goal) -> str:
        """The goal in words, numbers in the interface's language."""
        if goal.epochs == 1:
            within = self.tr("within one epoch.")
        else:
            within = self.tr("within %1 epochs.").replace("%1", interface_locale().toString(int(goal.epochs)))
        if goal.metric == "train_loss":
            text = self.tr("Goal: a training loss of at most %1").replace("%1", number_text(goal.value))
        elif goal.metric == "test_accuracy":
            text = self.tr("Goal: a test accuracy of at least %1").replace("%1", percent_text(goal.value, 0))
        else:
            text = self.tr("Goal: a training accuracy of at least %1").replace("%1", percent_text(goal.value, 0))
        return f"{text} {within}"
