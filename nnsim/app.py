"""Application start-up: QApplication, command line, and the main window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


def create_main_window(argv=None) -> QMainWindow:
    """Build the main window without showing it or entering the event loop."""
    QApplication.instance() or QApplication(list(argv or sys.argv[:1]))
    window = QMainWindow()
    window.setWindowTitle("nnsim")
    window.setCentralWidget(QLabel("nnsim"))
    return window


def main(argv=None) -> int:
    argv = list(sys.argv if argv is None else argv)
    app = QApplication.instance() or QApplication(argv)
    window = create_main_window(argv)
    window.show()
    return app.exec()
