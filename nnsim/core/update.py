"""One weight update, computed the readable way and kept so that a person can see it.

Training usually runs the fast path (``fast_step``). When a class watches one update at a
time (a step of one example or one batch, or training in slow motion), the trainer makes
that update here instead, with the textbook backpropagation (``Network.backprop_trace``),
and keeps everything it computed in an ``Update``:

    for each example:   z, a of every layer, and delta = dL/dz of every node
    for each weight:    dL/dw = mean over the examples of  x · delta
    the change:         plain SGD moves w by -η · dL/dw; momentum, Adam and the L1/L2
                        penalty change that step, and ``applied`` is what really happened

``gradient`` is the very array the optimizer was handed (before the regularization's part
was added), so the numbers a panel shows are the ones training used, not a recomputation.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnsim.core.arrays import frozen_copy
from nnsim.core.network import Backprop

#: what an update was made of
KINDS = ("example", "batch")


@dataclass(frozen=True, eq=False)
class Update:
    """A weight update with everything that explains it (read-only copies throughout).

    ``rows``: the training examples it used (indices into ``TrainingData.X_train``, in the
    order used). ``inputs``/``targets``: those examples as the network saw them (standardized)
    and their known answers. ``backprop``: the readable backprop of the batch, made before the
    update (``zs``, ``activations``, per-example ``deltas``, mean ``dW``/``db``, ``loss``).
    ``gradient``, ``before``, ``after``, ``applied`` (= after - before): flat, laid out like
    ``Network.params`` (``nnsim.core.addresses`` gives each parameter's index).
    ``plain``: plain SGD without regularization, so ``applied`` is exactly
    ``-learning_rate · gradient`` (up to the rounding of the subtraction).
    ``in_order``: the examples were the next ones of the epoch's order (False: a chosen
    example, trained outside the epoch's order). ``epoch``/``examples_done``: where the epoch
    stood after the update.
    """

    kind: str
    rows: np.ndarray
    inputs: np.ndarray
    targets: np.ndarray
    backprop: Backprop
    gradient: np.ndarray
    before: np.ndarray
    after: np.ndarray
    applied: np.ndarray
    learning_rate: float
    optimizer: str
    regularization: str
    reg_rate: float
    loss_name: str
    in_order: bool = True
    epoch: int = 0
    examples_done: int = 0

    @property
    def n_examples(self) -> int:
        return int(self.rows.shape[0])

    @property
    def layer_sizes(self) -> tuple[int, ...]:
        """The sizes of the network the update was made on (its values only fit that one)."""
        return tuple(int(a.shape[1]) for a in self.backprop.activations)

    def fits(self, network) -> bool:
        """Was the update made on a network of ``network``'s structure?"""
        return self.layer_sizes == tuple(network.layer_sizes)

    @property
    def plain(self) -> bool:
        return self.optimizer == "sgd" and self.regularization == "none"

    @property
    def sgd_change(self) -> np.ndarray:
        """``-η · dL/dθ``: the change plain gradient descent makes (``applied`` when ``plain``)."""
        return -self.learning_rate * self.gradient

    def at(self, epoch: int, examples_done: int) -> "Update":
        """The same update, saying where the epoch stood after it."""
        return Update(**{**self.__dict__, "epoch": int(epoch), "examples_done": int(examples_done)})


def frozen_backprop(record: Backprop) -> Backprop:
    """``record`` with read-only copies of every array (an update crosses threads)."""
    return Backprop(
        float(record.loss),
        [frozen_copy(z) for z in record.zs],
        [frozen_copy(a) for a in record.activations],
        [frozen_copy(d) for d in record.deltas],
        [frozen_copy(w) for w in record.dW],
        [frozen_copy(b) for b in record.db],
    )


def readable_update(network, X, Y, loss: str, optimizer, regularization, grad: np.ndarray,
                    rows, kind: str, settings, in_order: bool = True) -> Update:
    """Train ``network`` one step on the examples ``X`` (standardized, (n, inputs)) with known
    answers ``Y``, by the readable backprop, and return what happened.

    ``grad`` is the trainer's flat gradient buffer (overwritten); ``optimizer`` and
    ``regularization`` are the trainer's own, so their memory (momentum's velocity, Adam's
    moments) moves on exactly as in fast training.
    """
    if kind not in KINDS:
        raise ValueError(f"an update is one of {KINDS}, not {kind!r}")
    with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
        record = network.backprop_trace(X, Y, loss)
        weights, biases = network.views(grad)
        for l in range(network.n_layers):
            weights[l][...] = record.dW[l]
            biases[l][...] = record.db[l]
        gradient = frozen_copy(grad)
        before = frozen_copy(network.params)
        if regularization.active:
            regularization.add_gradient(network.params, grad)  # + the penalty's slope
        optimizer.update(network.params, grad)
        after = frozen_copy(network.params)
        applied = frozen_copy(after - before)
    return Update(
        kind=kind,
        rows=frozen_copy(np.asarray(rows, dtype=np.int64)),
        inputs=frozen_copy(X),
        targets=frozen_copy(Y),
        backprop=frozen_backprop(record),
        gradient=gradient,
        before=before,
        after=after,
        applied=applied,
        learning_rate=float(settings.learning_rate),
        optimizer=settings.optimizer,
        regularization=settings.regularization,
        reg_rate=float(settings.reg_rate),
        loss_name=loss,
        in_order=in_order,
    )
