"""The application context: what the parts of one window share, built once by ``nnsim.app``.

It holds the document (the UI's copy of the network and its data), the training controller
that trains it, and the settings store, and it is handed to the main window's constructor,
which hands each panel what it shows. It is also the one owner of shutdown: closing the
window and quitting the application both end in ``shutdown()``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings

from nnsim.model.document import NetworkDocument
from nnsim.training.controller import TrainingController


class AppContext(QObject):
    """``document``, ``training`` (its controller) and ``settings`` (None: nothing is kept)."""

    def __init__(self, document: NetworkDocument, settings: QSettings | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.document = document
        self.settings = settings
        self.training = TrainingController(document, parent=self)

    def shutdown(self) -> None:
        """Stop the training thread and wait for it; safe to call more than once."""
        self.training.shutdown()
