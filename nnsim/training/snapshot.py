"""What the training session sends the window: frozen copies of where training is.

Plain Python and NumPy (no Qt): the session builds snapshots in the training thread and the
window reads them in its own. Every array is a read-only copy, so neither side can change
what the other sees.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from nnsim.core.arrays import frozen_copy
from nnsim.core.scores import RowPredictions
from nnsim.core.trainer import Metrics
from nnsim.core.update import Update

_EMPTY_I = frozen_copy(np.zeros(0, dtype=np.int64))
_EMPTY_F = frozen_copy(np.zeros(0))

#: what a snapshot reports: running training, or the end of a command
KINDS = ("training", "paused", "step", "loaded", "finished", "diverged")


@dataclass(frozen=True, eq=False)
class Snapshot:
    """What the UI needs to show the training, as read-only copies nobody will change.

    ``epochs``/``train_loss``: one point per epoch completed since the previous snapshot (the
    cheap loss: mean batch loss during that epoch). ``eval_*``: the full-set metrics
    evaluated since the previous snapshot, one point each (on a schedule of epochs and a
    small share of the time; NaN where there is no test part or no accuracy). ``metrics``: the latest evaluation (from
    this snapshot or an earlier one; always fresh after pause and step). ``grid`` is the
    decision-boundary picture (float32, (res, res, k)) over ``grid_extent`` for 2-D data,
    else None. ``generation`` echoes the controller's counter of the command that set up this
    network, so stale snapshots can be dropped. ``edit_serial`` is the serial of the last
    parameter edit applied. ``examples_done`` of ``examples_per_epoch``: how far the current
    epoch is. ``update``: the weight update made the readable way (a step, or training at a
    pace) since the previous snapshot, if any (``nnsim.core.update.Update``; the window keeps
    showing the last one it got). ``eval_epochs`` may be fractional: an evaluation made
    mid-epoch. ``kind``: one of ``KINDS``. ``predictions``: every row's answer (data set
    order) from the same evaluation as ``metrics``.
    """

    epoch: int
    params: np.ndarray
    layer_sizes: tuple
    activations: tuple
    metrics: Metrics | None
    epochs: np.ndarray = field(default_factory=lambda: _EMPTY_I)
    train_loss: np.ndarray = field(default_factory=lambda: _EMPTY_F)
    eval_epochs: np.ndarray = field(default_factory=lambda: _EMPTY_F)
    eval_train_loss: np.ndarray = field(default_factory=lambda: _EMPTY_F)
    test_loss: np.ndarray = field(default_factory=lambda: _EMPTY_F)
    train_accuracy: np.ndarray = field(default_factory=lambda: _EMPTY_F)
    test_accuracy: np.ndarray = field(default_factory=lambda: _EMPTY_F)
    epochs_per_second: float = 0.0
    grid: np.ndarray | None = None
    grid_extent: tuple | None = None
    running: bool = False
    kind: str = "training"
    generation: int = 0
    edit_serial: int = 0
    serial: int = 0
    examples_done: int = 0
    examples_per_epoch: int = 0
    update: Update | None = None
    predictions: RowPredictions | None = None
    #: every hidden and output neuron's map over the same plane as ``grid`` (one float32
    #: (res, res, layer_sizes[l]) array per layer l = 1..n_layers, read-only; the last one
    #: is ``grid``), or None when ``grid`` is None
    neuron_grids: tuple | None = None
    #: the two inputs on the picture's axes (x, y); the others are held at their training mean
    grid_features: tuple = (0, 1)
    #: the optimizer's memory and the shuffling generator with ``params`` (a frozen
    #: ``nnsim.core.optimizer_state.OptimizerState``), for a document to keep; None: unknown
    optimizer_state: object = None


def evaluation_points(evaluations) -> dict:
    """The evaluation curves' points of ``evaluations`` ((epochs done, Metrics) pairs in order:
    the epochs done may be fractional, an evaluation made mid-epoch; NaN where a value does
    not exist), as the snapshot's ``eval_*`` arrays."""

    def points(name) -> np.ndarray:
        return frozen_copy([np.nan if getattr(m, name) is None else getattr(m, name) for _, m in evaluations],
                           np.float64)

    return {
        "eval_epochs": frozen_copy([x for x, _ in evaluations], np.float64),
        "eval_train_loss": points("train_loss"),
        "test_loss": points("test_loss"),
        "train_accuracy": points("train_accuracy"),
        "test_accuracy": points("test_accuracy"),
    }
