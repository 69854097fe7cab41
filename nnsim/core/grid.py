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

from nnsim.core import activations as act
from nnsim.core.predictions import predicted_classes

DEFAULT_RESOLUTION = 100
#: the plane shown when there is no data set (a network on its own, e.g. "One neuron")
DEFAULT_EXTENT = (-2.0, 2.0, -2.0, 2.0)
#: how far the plane reaches past the outermost data point, as a fraction of the data's span
MARGIN = 0.08


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


def plane_extent(data=None, margin: float = MARGIN, features=(0, 1)) -> tuple[float, float, float, float]:
    """The square of the standardized plane that holds every example of ``data``, padded.

    It depends on the data only (not on the network), so the picture keeps its place while
    the network trains. ``data`` is a ``TrainingData`` (or None: ``DEFAULT_EXTENT``);
    ``features`` the two inputs on the axes (x, y). Both sides get the same span (the
    larger one, centred on the data): the view draws both axes at the same scale, and a
    square picture in a square plot leaves no empty band beside the data.
    """
    if data is None:
        return DEFAULT_EXTENT
    fx, fy = _check_features(features, data.n_inputs)
    if data.dataset.n_samples == 0:
        raise ValueError("the plane needs data with two inputs, got no rows")
    # each axis spans its input's finite values (worked out once per data set: a table of
    # 700,000 rows takes a pass of a second)
    summary = data.summary
    lo, hi = summary.network_low[[fx, fy]], summary.network_high[[fx, fy]]
    if not np.isfinite(lo).all():
        return DEFAULT_EXTENT
    centre = (lo + hi) / 2.0
    span = float((hi - lo).max())
    half = span / 2.0 + max(margin * span, 0.25)  # a point alone still gets a plane around it
    return (float(centre[0] - half), float(centre[0] + half), float(centre[1] - half), float(centre[1] + half))


def _check_features(features, n_inputs: int) -> tuple[int, int]:
    fx, fy = (int(f) for f in features)
    if not (0 <= fx < n_inputs and 0 <= fy < n_inputs and fx != fy):
        raise ValueError(f"the plane needs two different inputs of {n_inputs}, got {tuple(features)}")
    return fx, fy


def held_inputs(data) -> np.ndarray:
    """Where the inputs off the plane are held: their training mean (standardized), float32.

    For data with more than two inputs the picture shows two of them; every other input
    keeps the value of an average training example, so the picture is one slice of the
    input space through the middle of the data.
    """
    return data.summary.training_mean.astype(np.float32)


def plane_inputs(n_inputs: int, points: np.ndarray, features=(0, 1), held=None) -> np.ndarray:
    """The network's inputs for the plane's ``points`` (m, 2): ``features`` from the points,
    every other input at ``held`` (its value per input; default 0), float32 (m, n_inputs)."""
    fx, fy = _check_features(features, n_inputs)
    if n_inputs == 2 and (fx, fy) == (0, 1):
        return points
    base = np.zeros(n_inputs, dtype=np.float32) if held is None else np.asarray(held, dtype=np.float32)
    X = np.repeat(base[None, :], points.shape[0], axis=0)
    X[:, fx], X[:, fy] = points[:, 0], points[:, 1]
    return X


def _plane_grid(network, data, resolution, extent, features, held):
    """(the network's inputs at the grid's cells, the extent, the resolution): the plane of
    ``features`` over ``extent`` (default: ``plane_extent(data)``), the other inputs at
    ``held`` (default: the training mean)."""
    n_in = network.layer_sizes[0]
    if extent is None:
        extent = plane_extent(data, features=features)
    if held is None and data is not None and n_in > 2:
        held = held_inputs(data)
    x0, x1, y0, y1 = (float(v) for v in extent)
    res = int(resolution)
    return plane_inputs(n_in, grid_points((x0, x1), (y0, y1), res), features, held), (x0, x1, y0, y1), res


def boundary_image(network, data=None, resolution: int = DEFAULT_RESOLUTION, extent=None,
                   features=(0, 1), held=None):
    """``(image, extent)``: the network's outputs over the plane of ``data``.

    ``image`` is float32 with shape ``(resolution, resolution, k)``, ``k`` the network's
    output count (row-major, row 0 at the bottom: see the module docstring). ``extent``
    defaults to ``plane_extent(data)``. A network with more than two inputs is shown on the
    plane of ``features``, the other inputs held at ``held`` (see ``neuron_images``). Single
    precision is plenty for a picture and about four times faster.
    """
    if network.layer_sizes[0] < 2:
        raise ValueError(f"the decision boundary needs a network with two inputs, not {network.layer_sizes[0]}")
    points, (x0, x1, y0, y1), res = _plane_grid(network, data, resolution, extent, features, held)
    out = np.asarray(network.forward(points, dtype=np.float32), dtype=np.float32)
    return out.reshape(res, res, out.shape[1]), (x0, x1, y0, y1)


def neuron_images(network, data=None, resolution: int = DEFAULT_RESOLUTION, extent=None,
                  features=(0, 1), held=None):
    """``(layers, extent)``: every hidden and output neuron's value over the plane, from ONE
    float32 forward pass over the grid.

    ``layers[l - 1]`` is float32 ``(resolution, resolution, layer_sizes[l])`` for layer
    ``l = 1 .. n_layers`` (row-major, row 0 at the bottom); the map of neuron ``j`` of layer
    ``l`` is ``layers[l - 1][:, :, j]``, and ``layers[-1]`` is ``boundary_image``'s picture.
    ``features``: the two inputs on the axes; the others are held at ``held`` (default: the
    training mean, ``held_inputs(data)``; zero without data).
    """
    if network.layer_sizes[0] < 2:
        raise ValueError(f"the plane needs a network with at least two inputs, not {network.layer_sizes[0]}")
    a, (x0, x1, y0, y1), res = _plane_grid(network, data, resolution, extent, features, held)
    layers = []
    # The same arithmetic as Network.forward(dtype=float32), keeping every layer's values.
    with np.errstate(over="ignore", invalid="ignore"):
        for l in range(network.n_layers):
            z = a @ network.weights[l].astype(np.float32)
            z += network.biases[l].astype(np.float32)
            a = act.forward_into(network.activations[l], z, z, network.threshold)
            layers.append(a.reshape(res, res, a.shape[1]))
    return layers, (x0, x1, y0, y1)


def class_image(image: np.ndarray) -> np.ndarray:
    """The predicted class of each cell, (res, res) ints (``predictions.predicted_classes``)."""
    return predicted_classes(image)
