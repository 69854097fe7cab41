"""Edits the user made while training runs, until the training thread has applied them.

The window sends an edit (a parameter's flat index and its new value) to the training
thread as a queued command, but the snapshots already on their way were taken before it
arrived. Showing one of those as it is would flicker the edited weight back to its old
value. So every edit gets a serial number; a snapshot says up to which serial it has
applied edits (``Snapshot.edit_serial``), and the edits after that are patched into its
parameters before the window shows them. Plain Python (no Qt).
"""

from __future__ import annotations

import numpy as np


class PendingEdits:
    """``add`` an edit, ``patch`` a snapshot's parameters, ``clear`` on a new network."""

    def __init__(self):
        self._serial = 0
        self._edits: dict[int, tuple[int, float]] = {}  # flat index -> (serial, value)

    def __len__(self) -> int:
        return len(self._edits)

    def add(self, index: int, value: float) -> int:
        """Remember an edit of ``params[index]``; returns its serial (send it along)."""
        self._serial += 1
        self._edits[int(index)] = (self._serial, float(value))
        return self._serial

    def patch(self, params: np.ndarray, applied_serial: int) -> np.ndarray:
        """``params`` with every edit newer than ``applied_serial`` put back in (a copy when
        anything changed; ``params`` itself otherwise). Edits up to ``applied_serial`` are
        in the training thread's network now and are forgotten."""
        for index in [i for i, (serial, _) in self._edits.items() if serial <= applied_serial]:
            del self._edits[index]
        if not self._edits:
            return params
        patched = params.copy()
        for index, (_, value) in self._edits.items():
            if index < patched.size:
                patched[index] = value
        return patched

    def clear(self) -> None:
        """A new network (reset, structure, data): old edits no longer apply. Serials keep
        growing, so a late snapshot can never claim an edit made after this."""
        self._edits.clear()
