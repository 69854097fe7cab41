"""Optimizers and regularization: how a gradient becomes a change of the weights.

Every optimizer works on the network's whole flat parameter buffer (``Network.params``) with
a handful of in-place NumPy calls, whatever the depth: for networks this small, the number of
NumPy calls, not the arithmetic, sets the pace (see SPEED-NOTES). ``update(params, grad)``
changes ``params`` in place and uses ``grad`` as scratch space: the trainer recomputes the
gradient before every step, so nobody needs it afterwards.

The learning rate (and momentum) are plain attributes: changing them mid-training keeps the
optimizer's memory (velocity, moments). Switching to another optimizer means a new object,
which starts with fresh memory.
"""

from __future__ import annotations

import numpy as np

OPTIMIZERS = ("sgd", "momentum", "adam")
REGULARIZATIONS = ("none", "l1", "l2")

# Adam's moments of a parameter whose gradient stays exactly 0 (a dead ReLU unit) shrink
# geometrically and end up as subnormal floats, on which the CPU is many times slower
# (SPEED-NOTES: 9 ms -> 26 ms per epoch). Values this small change no weight measurably
# (an update of at most ~1e-92), so they are set to exactly 0 now and then; a zero moment
# stays zero while its gradient does.
FLUSH_BELOW = 1e-100
FLUSH_EVERY = 32  # steps between flushes: a value needs far longer than this to get subnormal


class SGD:
    """Plain gradient descent: ``θ ← θ - η·g``."""

    name = "sgd"

    def __init__(self, n_params: int, learning_rate: float):
        self.learning_rate = learning_rate

    def update(self, params: np.ndarray, grad: np.ndarray) -> None:
        grad *= self.learning_rate
        params -= grad


class Momentum:
    """Gradient descent with momentum: ``v ← μ·v - η·g``, ``θ ← θ + v``.

    The velocity ``v`` remembers past steps, so the walk speeds up along a steady slope and
    steadies across a zig-zagging valley.
    """

    name = "momentum"

    def __init__(self, n_params: int, learning_rate: float, momentum: float = 0.9):
        self.learning_rate = learning_rate
        self.momentum = momentum
        self.velocity = np.zeros(n_params)

    def update(self, params: np.ndarray, grad: np.ndarray) -> None:
        v = self.velocity
        v *= self.momentum
        grad *= self.learning_rate
        v -= grad
        params += v


class Adam:
    """Adam (Kingma & Ba, 2015): a step per parameter scaled by its own gradient history.

    With ``t`` the step count (1 at the first step)::

        m ← β1·m + (1 - β1)·g            (mean of the gradient)
        v ← β2·v + (1 - β2)·g²           (mean of its square)
        m̂ = m / (1 - β1^t),  v̂ = v / (1 - β2^t)
        θ ← θ - η·m̂ / (√v̂ + ε)

    The code keeps the sums ``m = Σ β1^(t-k)·g_k`` and ``v = Σ β2^(t-k)·g_k²`` instead, that
    is the paper's moments divided by ``(1 - β1)`` and ``(1 - β2)``: updating them then
    takes no multiplication by ``(1 - β)``. Those constants and both bias corrections go
    into two scalars per step (the paper's "efficient version", rearranged):
    ``θ ← θ - η_t·m / (√v + ε_t)`` with ``c = √((1-β2)/(1-β2^t))``,
    ``η_t = η·(1-β1)/((1-β1^t)·c)`` and ``ε_t = ε/c``. Ten NumPy calls over the flat buffer
    per step instead of fourteen; the first step is still ``η·g / (|g| + ε) ≈ η·sign(g)``.
    """

    name = "adam"

    def __init__(self, n_params: int, learning_rate: float, beta1: float = 0.9,
                 beta2: float = 0.999, eps: float = 1e-8):
        self.learning_rate = learning_rate
        self.beta1, self.beta2, self.eps = beta1, beta2, eps
        self.t = 0
        self.m = np.zeros(n_params)
        self.v = np.zeros(n_params)
        self._tmp = np.empty(n_params)
        self._tiny = np.empty(n_params, dtype=bool)

    def update(self, params: np.ndarray, grad: np.ndarray) -> None:
        self.t = t = self.t + 1
        b1, b2, tmp, m, v = self.beta1, self.beta2, self._tmp, self.m, self.v
        c = ((1.0 - b2) / (1.0 - b2**t)) ** 0.5
        lr_t = self.learning_rate * (1.0 - b1) / ((1.0 - b1**t) * c)
        m *= b1
        m += grad
        grad *= grad
        v *= b2
        v += grad
        np.sqrt(v, out=tmp)
        tmp += self.eps / c
        np.divide(m, tmp, out=tmp)
        tmp *= lr_t
        params -= tmp
        if t % FLUSH_EVERY == 0:
            self.flush_tiny()

    def flush_tiny(self) -> None:
        """Set moments smaller than ``FLUSH_BELOW`` to exactly zero (see the module top)."""
        np.abs(self.m, out=self._tmp)
        np.less(self._tmp, FLUSH_BELOW, out=self._tiny)
        np.putmask(self.m, self._tiny, 0.0)
        np.less(self.v, FLUSH_BELOW, out=self._tiny)  # v >= 0: no abs needed
        np.putmask(self.v, self._tiny, 0.0)


def make_optimizer(name: str, n_params: int, learning_rate: float, momentum: float = 0.9):
    """A fresh optimizer by name ("sgd", "momentum" or "adam") for ``n_params`` parameters."""
    if name == "sgd":
        return SGD(n_params, learning_rate)
    if name == "momentum":
        return Momentum(n_params, learning_rate, momentum)
    if name == "adam":
        return Adam(n_params, learning_rate)
    raise ValueError(f"unknown optimizer {name!r}; choose one of {', '.join(OPTIMIZERS)}")


def weight_mask(network) -> np.ndarray:
    """1.0 where ``network.params`` holds a weight, 0.0 where it holds a bias."""
    mask = np.zeros_like(network.params)
    weights, _ = network.views(mask)
    for W in weights:
        W[...] = 1.0
    return mask


class Regularization:
    """A penalty on large weights, added to the loss: it keeps the network simple.

    * ``l2``: ``λ/2 · ΣW²``, gradient ``λ·W`` ("weight decay": every weight shrinks a little
      each step, in proportion to its size).
    * ``l1``: ``λ · Σ|W|``, gradient ``λ·sign(W)`` (every weight is pushed toward 0 by the
      same amount, so unneeded ones become exactly small and the network sparse).

    Only weights are penalized, never biases: a bias moves a node's threshold (where it
    switches on), not how steeply it reacts to its inputs, so shrinking it would pull every
    threshold toward 0 without making the function any simpler. ``mask`` (1 on weights, 0 on
    biases, from ``weight_mask``) selects them in the flat buffer.
    """

    def __init__(self, kind: str, rate: float, mask: np.ndarray):
        if kind not in REGULARIZATIONS:
            raise ValueError(f"unknown regularization {kind!r}; choose one of {', '.join(REGULARIZATIONS)}")
        self.kind = kind
        self.rate = float(rate)
        self.mask = mask
        self._scaled_mask = self.rate * mask  # λ on weights, 0 on biases: one multiply per step
        self._tmp = np.empty_like(mask)

    @property
    def active(self) -> bool:
        return self.kind != "none" and self.rate > 0.0

    def penalty(self, params: np.ndarray) -> float:
        """The value added to the loss for these parameters."""
        if not self.active:
            return 0.0
        if self.kind == "l2":
            return 0.5 * self.rate * float(np.dot(params * params, self.mask))
        return self.rate * float(np.dot(np.abs(params), self.mask))

    def add_gradient(self, params: np.ndarray, grad: np.ndarray) -> None:
        """``grad += d(penalty)/d(params)``, in place."""
        if not self.active:
            return
        tmp = self._tmp
        if self.kind == "l2":
            np.multiply(params, self._scaled_mask, out=tmp)
        else:
            np.sign(params, out=tmp)  # the subgradient 0 at W = 0
            tmp *= self._scaled_mask
        grad += tmp
