"""When something goes wrong anyway: log it, say so in plain words, keep the work.

nnsim should never fail in front of a class, but if an unexpected error slips through (in
the window or in the training thread), ``CrashGuard`` catches it instead of the default
hooks: it appends the details to a log file in the user's data folder, shows one dialog in
the interface's language that says what happened and offers to save the work to a new file,
and the application keeps running. Installed by ``nnsim.app.main`` (tests keep pytest-qt's
own hooks, which turn such an error into a failed test).
"""

from __future__ import annotations

import datetime
import sys
import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal, Slot
from PySide6.QtWidgets import QMessageBox

#: the log's name in the user's data folder
LOG_NAME = "errors.log"


def default_log_path() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.AppDataLocation) or str(Path.home() / ".nnsim")
    return Path(folder) / LOG_NAME


class CrashGuard(QObject):
    """Catches uncaught exceptions of every thread for ``window`` (see the module docstring)."""

    #: an error was caught: (one-line summary, the log's path); queued to the window's thread
    caught = Signal(str, str)

    def __init__(self, window, log_path: Path | None = None):
        super().__init__(window)
        self._window = window
        self.log_path = Path(log_path) if log_path is not None else default_log_path()
        #: the dialog about the last error (None before any), kept so errors do not stack up
        self.dialog: QMessageBox | None = None
        self._lock = threading.Lock()
        self._previous = None
        # Queued even when emitted from the window's own thread: the dialog then opens from
        # the event loop, never from inside whatever code just failed.
        self.caught.connect(self._show, Qt.QueuedConnection)

    def install(self) -> None:
        """Take over ``sys.excepthook`` and ``threading.excepthook``."""
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.handle
        threading.excepthook = lambda args: self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None

    def handle(self, exc_type, exc_value, exc_traceback) -> None:
        """Log the error and tell the window (from any thread; never raises)."""
        if issubclass(exc_type, KeyboardInterrupt):
            return
        summary = "".join(traceback.format_exception_only(exc_type, exc_value)).strip()
        details = "".join(traceback.format_exception(exc_type, exc_value, exc_traceback))
        where = threading.current_thread().name
        try:
            with self._lock:
                self.log_path.parent.mkdir(parents=True, exist_ok=True)
                with open(self.log_path, "a", encoding="utf-8") as log:
                    log.write(f"--- {datetime.datetime.now().isoformat(timespec='seconds')} "
                              f"(thread {where})\n{details}\n")
            logged = str(self.log_path)
        except OSError:
            logged = ""  # a full disk must not turn one error into two
        try:
            self.caught.emit(summary, logged)
        except RuntimeError:  # the window is already gone
            pass

    @Slot(str, str)
    def _show(self, summary: str, logged: str) -> None:
        text = self.tr("Something went wrong in nnsim, but your work is still open and nnsim "
                       "keeps running.")
        info = self.tr("What happened: %1").replace("%1", summary)
        if logged:
            info += "\n\n" + self.tr("The details were written to %1.").replace("%1", logged)
        info += "\n\n" + self.tr("To be safe, save your work to a new file.")
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.setInformativeText(info)  # one dialog, about the latest error
            return
        box = QMessageBox(QMessageBox.Warning, self.tr("Something went wrong"), text, QMessageBox.NoButton,
                          self._window)
        box.setObjectName("crashDialog")
        box.setInformativeText(info)
        save = box.addButton(self.tr("Save a copy…"), QMessageBox.AcceptRole)
        save.setObjectName("crashSaveButton")
        box.addButton(self.tr("Continue"), QMessageBox.RejectRole)
        save.clicked.connect(self._window.files.save_as)
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.destroyed.connect(self._forget_dialog)
        self.dialog = box
        box.open()  # window-modal, does not block the event loop

    @Slot()
    def _forget_dialog(self) -> None:
        self.dialog = None
