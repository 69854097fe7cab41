"""The colours of every picture: one colour-blind safe palette, so a colour means the same
thing in the graph's nodes, the neuron pictures and the decision boundary.

- Classes: Okabe & Ito's palette (class k gets colour k, cycling after eight).
- A neuron's value (a node's fill, a neuron picture): white at 0, blue towards +1, orange
  towards -1, saturating beyond ±1: the graph's node colours (``network_view.value_color``).
- A regression prediction: viridis, dark (low) to yellow (high).

Everything here maps whole NumPy arrays at once (no per-pixel Python), into uint8 RGB that
``rgb_qimage`` wraps for Qt.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QImage

#: Okabe & Ito's colour-blind safe palette (blue, orange, green, purple, sky, vermillion,
#: yellow, black)
CLASS_COLOURS = np.array(
    [
        (0x00, 0x72, 0xB2),
        (0xE6, 0x9F, 0x00),
        (0x00, 0x9E, 0x73),
        (0xCC, 0x79, 0xA7),
        (0x56, 0xB4, 0xE9),
        (0xD5, 0x5E, 0x00),
        (0xF0, 0xE4, 0x42),
        (0x00, 0x00, 0x00),
    ],
    dtype=np.float64,
)
#: a neuron's value: positive blue, negative orange (the graph's POSITIVE and NEGATIVE)
POSITIVE_RGB = np.array((0, 114, 178), dtype=np.float64)
NEGATIVE_RGB = np.array((230, 140, 0), dtype=np.float64)
WHITE = np.array([255.0, 255.0, 255.0])


def class_colours(k: int) -> np.ndarray:
    """(k, 3) RGB floats 0..255 for k classes."""
    return CLASS_COLOURS[np.arange(k) % len(CLASS_COLOURS)]


def value_colours(values: np.ndarray, low: float, high: float) -> np.ndarray:
    """Viridis RGB (…, 3) floats for values mapped from [low, high] (clipped)."""
    span = high - low if high > low else 1.0
    with np.errstate(invalid="ignore", over="ignore"):
        t = np.clip((np.asarray(values, dtype=np.float64) - low) / span, 0.0, 1.0)
    t = np.nan_to_num(t, nan=0.5)
    rgba = pg.colormap.get("viridis").map(t.ravel(), mode="float")
    return (np.asarray(rgba)[:, :3] * 255.0).reshape(t.shape + (3,))


#: neuron values are coloured through a table of this many shades per sign (a look-up per
#: pixel instead of arithmetic in float64: a whole layer's pictures in well under 1 ms)
NEURON_SHADES = 128


def _neuron_table() -> np.ndarray:
    t = np.arange(-NEURON_SHADES, NEURON_SHADES + 1) / NEURON_SHADES
    colour = np.where(t[:, None] >= 0, POSITIVE_RGB, NEGATIVE_RGB)
    table = np.rint(WHITE + (colour - WHITE) * np.abs(t)[:, None]).astype(np.uint8)
    return np.vstack([table, np.full((1, 3), 150, dtype=np.uint8)])  # the last row: NaN, grey


_NEURON_TABLE = _neuron_table()


def neuron_rgb(values: np.ndarray) -> np.ndarray:
    """uint8 RGB (…, 3) of neuron values: white at 0, blue towards +1, orange towards -1
    (``NEURON_SHADES`` steps per sign, values beyond ±1 saturate).

    NaN (a blown-up network) is drawn grey, so a broken picture is never mistaken for 0.
    """
    v = np.asarray(values, dtype=np.float32)
    with np.errstate(invalid="ignore"):
        index = np.rint(np.clip(v, -1.0, 1.0) * NEURON_SHADES).astype(np.intp, copy=False) + NEURON_SHADES
    index[~np.isfinite(v)] = len(_NEURON_TABLE) - 1
    return _NEURON_TABLE[index]


def rgb_qimage(rgb: np.ndarray) -> QImage:
    """A QImage (a copy that owns its pixels) of a uint8 (h, w, 3) array whose row 0 is the
    BOTTOM of the plane (``nnsim.core.grid``): the image is flipped so the top row is on top."""
    rows = np.ascontiguousarray(np.asarray(rgb, dtype=np.uint8)[::-1])
    h, w = rows.shape[:2]
    return QImage(rows.data, w, h, 3 * w, QImage.Format_RGB888).copy()
