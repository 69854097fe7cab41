"""The network's answer over the whole input plane: the picture behind the decision boundary.

For a data set with two inputs every point ``(x1, x2)`` of the plane is an input the network
can be asked about. Asking it at every cell of a fine grid and colouring each cell by the
answer shows where the network says "class 0" and where "class 1": the line (or curve) where
the colour changes is the *decision boundary*, and it moves while the network trains.

Conventions (shared by the boundary view and the training worker):

- The plane is the one the network sees: inputs standardized by the data's ``transform``.
- An *extent* is ``(x_min, x_max, y_min, y_max)``: the outer edges of the grid.
- ``grid_points`` samples the centre of each of ``resolution x resolution`` cells, row by row:
  point ``r * resolution + c`` lies at column ``c`` (x grows with ``c``) of row ``r`` (y grows
  with ``r``).
- ``boundary_image`` returns the network's outputs on those points as a float32 array
  ``image[r, c, k]`` (row-major: row = y, column = x; row 0 is the bottom of the plane),
  one channel per output node: class probabilities, a single sigmoid/step output, or a
  regression prediction.

Pure NumPy: the worker thread calls it too.
"""

from __future__ import annotations

import numpy as np

from nnsim.core.predictions import predicted_classes

DEFAULT_RESOLUTION = 100
#: the plane shown when there is no data set (a network on its own, e.g. "One neuron")
DEFAULT_EXTENT = (-2.0, 2.0, -2.0, 2.0)
#: how far the plane reaches past the outermost data point, as a fraction of the data's span
MARGIN = 0.15


def grid_points(x_range, y_range, resolution: int = DEFAULT_RESOLUTION) -> np.ndarray:
    """The centres of ``resolution x resolution`` cells covering the rectangle, (res*res, 2).

    float32, row by row (see the module docstring); ``x_range`` and ``y_range`` are
    ``(low, high)`` pairs: the outer edges of the first and last cells.
    """
    res = int(resolution)
    if res < 1:
        raise ValueError(f"the grid needs at least one cell per side, got {resolution}")
    (x0, x1), (y0, y1) = map(float, x_range), map(float, y_range)
    if not (np.isfinite([x0, x1, y0, y1]).all() and x1 > x0 and y1 > y0):
        raise ValueError(f"the grid needs finite ranges low < high, got {x_range} and {y_range}")
    centres = (np.arange(res) + 0.5) / res
    xs = (x0 + centres * (x1 - x0)).astype(np.float32)
    ys = (y0 + centres * (y1 - y0)).astype(np.float32)
    gx, gy = np.meshgrid(xs, ys)  # gx[r, c] = xs[c], gy[r, c] = ys[r]
    return np.column_stack([gx.ravel(), gy.ravel()])


def plane_extent(data=None, margin: float = MARGIN) -> tuple[float, float, float, float]:
    """The rectangle of the standardized plane that holds every example of ``data``, padded.

    It depends on the data only (not on the network), so the picture keeps its place while
    the network trains. ``data`` is a ``TrainingData`` (or None: ``DEFAULT_EXTENT``).
    """
    if data is None:
        return DEFAULT_EXTENT
    X = np.asarray(data.transform(data.dataset.X), dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2 or X.shape[0] == 0:
        raise ValueError(f"the plane needs data with two inputs, got shape {X.shape}")
    lo, hi = X.min(axis=0), X.max(axis=0)
    pad = np.maximum(margin * (hi - lo), 0.25)
    lo, hi = lo - pad, hi + pad
    return (float(lo[0]), float(hi[0]), float(lo[1]), float(hi[1]))


def boundary_image(network, data=None, resolution: int = DEFAULT_RESOLUTION, extent=None):
    """``(image, extent)``: the network's outputs over the plane of ``data``.

    ``image`` is float32 with shape ``(resolution, resolution, k)``, ``k`` the network's
    output count (row-major, row 0 at the bottom: see the module docstring). ``extent``
    defaults to ``plane_extent(data)``. The network must take two inputs. Single precision
    is plenty for a picture and about four times faster.
    """
    if network.layer_sizes[0] != 2:
        raise ValueError(f"the decision boundary needs a network with two inputs, not {network.layer_sizes[0]}")
    if extent is None:
        extent = plane_extent(data)
    x0, x1, y0, y1 = (float(v) for v in extent)
    res = int(resolution)
    points = grid_points((x0, x1), (y0, y1), res)
    out = np.asarray(network.forward(points, dtype=np.float32), dtype=np.float32)
    return out.reshape(res, res, out.shape[1]), (x0, x1, y0, y1)


def class_image(image: np.ndarray) -> np.ndarray:
    """The predicted class of each cell, (res, res) ints (``predictions.predicted_classes``)."""
    return predicted_classes(image)
