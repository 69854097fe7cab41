"""Which link the window trains through: a process of its own (the default) or a thread.

``NNSIM_TRAINING=thread`` picks the thread (``ThreadLink``): the benchmarks' peer, and a way
out on a machine where a child process cannot start. A frozen bundle trains in a thread too.
Anything else picks ``ProcessLink``.
"""

from __future__ import annotations

import os
import sys

from nnsim.training.process_link import ProcessLink
from nnsim.training.thread_link import ThreadLink


def link_kind() -> str:
    """"thread" when asked for, or in a frozen bundle (PyInstaller's executable is not a
    Python that a forkserver can run); "process" otherwise."""
    if getattr(sys, "frozen", False):
        return "thread"
    return "thread" if os.environ.get("NNSIM_TRAINING", "").strip().lower() == "thread" else "process"


def make_link(parent=None):
    """A new link of the kind ``link_kind`` names."""
    return ThreadLink(parent) if link_kind() == "thread" else ProcessLink(parent)
