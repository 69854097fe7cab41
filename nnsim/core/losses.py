"""Loss functions: how wrong the network's outputs are, and in which direction to move.

A batch's loss is the mean over its examples. What backpropagation starts from is ``dL/dz``
of the *output layer* (its pre-activation), which for the usual pairings is simpler than
``dL/da`` and numerically stable (``Network.backprop`` and ``fast_step`` compute it):

* ``cross_entropy`` with a ``softmax`` output: ``L = -mean(sum(Y log p))`` and
  ``dL/dz = (p - Y) / n``. ``log p`` is computed as ``z - logsumexp(z)``, never ``log(0)``.
* ``cross_entropy`` with ``sigmoid`` outputs (the binary form, one output or several
  independent ones): ``L = -mean(sum(y log p + (1-y) log(1-p)))`` and again
  ``dL/dz = (p - y) / n``, with the logs computed from ``z`` through softplus.
* ``mse``: ``L = mean over samples of sum((a - y)²) / 2``; ``dL/da = (a - y) / n`` and the
  output activation's derivative does the rest.
"""

from __future__ import annotations

import numpy as np

LOSSES = ("mse", "cross_entropy")


def check(loss: str, output_activation: str) -> None:
    if loss not in LOSSES:
        raise ValueError(f"unknown loss {loss!r}; choose one of {', '.join(LOSSES)}")
    if loss == "cross_entropy" and output_activation not in ("softmax", "sigmoid"):
        raise ValueError(
            "cross_entropy needs a softmax or sigmoid output layer "
            f"(the output layer is {output_activation!r}); use mse instead"
        )


def value(loss: str, output_activation: str, z: np.ndarray, a: np.ndarray, Y: np.ndarray) -> float:
    """The mean loss of a batch whose output layer had pre-activation ``z`` and output ``a``."""
    n = z.shape[0]
    if loss == "mse":
        diff = a - Y
        return float(np.einsum("ij,ij->", diff, diff)) / (2.0 * n)
    check(loss, output_activation)
    if output_activation == "softmax":
        zmax = z.max(axis=1, keepdims=True)
        logsumexp = zmax + np.log(np.exp(z - zmax).sum(axis=1, keepdims=True))
        return -float(np.einsum("ij,ij->", Y, z - logsumexp)) / n
    # Binary cross-entropy from logits: -[y log σ(z) + (1-y) log(1-σ(z))]
    #   = softplus(z) - y z, with softplus(z) = log(1 + e^z) computed stably.
    softplus = np.logaddexp(0.0, z)
    return float((softplus - Y * z).sum()) / n
