"""A registry of the QThreads nnsim starts, so tests and shutdown can find them all."""

from __future__ import annotations

import weakref

from PySide6.QtCore import QThread

_threads: "weakref.WeakSet[QThread]" = weakref.WeakSet()


def register(thread: QThread) -> QThread:
    """Remember ``thread``; return it for chaining."""
    _threads.add(thread)
    return thread


def running_threads() -> list[QThread]:
    """Every registered thread that is still running."""
    alive = []
    for thread in list(_threads):
        try:
            if thread.isRunning():
                alive.append(thread)
        except RuntimeError:  # the C++ object is already gone
            continue
    return alive
