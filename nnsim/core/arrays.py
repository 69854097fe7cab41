"""Small array helpers shared by the engine and the training session."""

from __future__ import annotations

import numpy as np


def frozen_copy(a, dtype=None) -> np.ndarray:
    """A read-only, C-contiguous copy of ``a``: safe to hand to another thread or to keep in
    a record, because nobody, not even its first owner, can change it afterwards."""
    a = np.array(a, dtype=dtype, order="C", copy=True)
    a.setflags(write=False)
    return a
