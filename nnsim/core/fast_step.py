"""The fast training step: backpropagation with every array bound in advance.

Why this module exists: speed. For networks as small as a classroom's, the number of NumPy
calls per step, not the arithmetic, sets the pace (SPEED-NOTES.md beside DESIGN.md: a tiny
matmul costs 1-2 µs, a whole tuned mini-batch step 40-50 µs). So the trainer does not call
the readable ``Network.backprop`` but the step planned here, which computes the very same
numbers (``tests/core/test_backprop.py`` checks both against each other, to ~1e-12, for
every activation and loss, and against finite differences) with:

- no allocation per step: every layer's ``z``, activation and ``delta`` live in a
  ``Workspace`` made once per batch size;
- biases folded into the weights: each layer's inputs carry a column of ones and its
  parameters are stored as one ``(n_in + 1, n_out)`` block ``[W; b]`` (that is how
  ``Network.params`` is laid out), so one matmul computes ``X·W + b`` and one matmul with
  the transpose gives ``dW`` and ``db`` together, straight into the flat gradient buffer;
- every view, name and shape looked up once, when a ``StepPlan`` is built, and kept in a
  named record per layer (``ForwardLayer``, ``BackwardLayer``): the step itself is a plain
  loop of in-place NumPy calls.

Read ``Network.backprop`` (in ``network.py``) to learn the algorithm; read this to see how
it was made fast. One difference of bookkeeping: here the output ``delta`` is already
divided by the batch size ``n`` (so ``dW = aᵀ·delta`` needs no division), while the readable
version keeps each example's own ``delta`` and divides at the end.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from nnsim.core import activations as act
from nnsim.core import losses


def augmented_views(layer_sizes, flat: np.ndarray) -> list[np.ndarray]:
    """Per-layer ``(n_in + 1, n_out)`` views into a buffer laid out like ``Network.params``:
    each layer's weights with its biases as one more row (they are stored just so)."""
    views, offset = [], 0
    for n_in, n_out in zip(layer_sizes[:-1], layer_sizes[1:]):
        size = (n_in + 1) * n_out
        views.append(flat[offset : offset + size].reshape(n_in + 1, n_out))
        offset += size
    return views


class ForwardLayer(NamedTuple):
    """One hidden layer of the forward pass: ``z = [x, 1]·[W; b]``, then ``a = f(z)``."""

    weights: np.ndarray  # [W; b], (n_in + 1, n_out): a view into the network's params
    z: np.ndarray  # (n, n_out) pre-activation
    a: np.ndarray  # (n, n_out) f(z): a view into the next layer's inputs, left of the ones
    next_inputs: np.ndarray  # [a, 1], (n, n_out + 1): what the next layer multiplies
    activation: str
    slope: np.ndarray  # (n, n_out) scratch; for ReLU the slope f'(z), kept for the backward pass


class BackwardLayer(NamedTuple):
    """One layer of the backward pass, from the last layer down to the second.

    With ``delta`` = dL/dz of this layer: ``d[W; b] = [x, 1]ᵀ·delta`` into the gradient, then
    ``delta_below = (delta·Wᵀ) ⊙ f'(z_below)``, the delta of the layer below.
    """

    inputs: np.ndarray  # [x, 1], (n, n_in + 1): what entered this layer
    grad: np.ndarray  # d[W; b], (n_in + 1, n_out): a view into the flat gradient buffer
    weights_t: np.ndarray  # Wᵀ without the bias row, (n_out, n_in)
    delta_below: np.ndarray  # (n, n_in): dL/da of the layer below, then (in place) its dL/dz
    activation_below: str
    z_below: np.ndarray  # (n, n_in) the layer below's pre-activation
    a_below: np.ndarray  # (n, n_in) its activation (= x, left of the ones)
    scratch: np.ndarray  # (n, n_in); for a ReLU below, its slope from the forward pass


class Workspace:
    """Preallocated per-layer arrays for training steps of up to ``batch_size`` samples.

    ``inputs[l]`` holds the values entering layer ``l`` (the data for ``l = 0``, the
    previous layer's activations otherwise) followed by a column of ones.
    """

    def __init__(self, net, batch_size: int):
        self.batch_size = batch_size
        self.layer_sizes = list(net.layer_sizes)
        sizes = self.layer_sizes
        self.inputs = []
        for n_in in sizes[:-1]:
            arr = np.empty((batch_size, n_in + 1))
            arr[:, n_in] = 1.0
            self.inputs.append(arr)
        outs = sizes[1:]
        self.zs = [np.empty((batch_size, n)) for n in outs]
        self.deltas = [np.empty((batch_size, n)) for n in outs]
        self.scratch = [np.empty((batch_size, n)) for n in outs]
        self.output = np.empty((batch_size, sizes[-1]))
        self.row_max = np.empty((batch_size, 1))
        self.row_sum = np.empty((batch_size, 1))
        self._plans: dict[int, StepPlan] = {}

    def plan(self, net, grad: np.ndarray, loss: str, n: int) -> "StepPlan":
        """The step for ``n`` samples of ``net`` writing into ``grad`` (made once, then reused
        while the network's buffer, ``grad``, the loss, activations and threshold stay)."""
        p = self._plans.get(n)
        if (
            p is None
            or p.params is not net.params
            or p.grad is not grad
            or p.loss != loss
            or p.activations != net.activations
            or p.threshold != net.threshold
        ):
            if n > self.batch_size:
                raise ValueError(f"workspace holds batches of up to {self.batch_size}, got {n}")
            if net.layer_sizes != self.layer_sizes:
                raise ValueError(f"workspace made for layers {self.layer_sizes}, not {net.layer_sizes}")
            if grad.shape != net.params.shape:
                raise ValueError(f"the gradient buffer needs {net.params.size} values, has shape {grad.shape}")
            p = self._plans[n] = StepPlan(net, grad, loss, self, n)
        return p


def gradient_into(net, X: np.ndarray, Y: np.ndarray, loss: str, grad: np.ndarray, ws: Workspace) -> float:
    """Write the gradient of ``net`` for the batch into the flat ``grad``; return the mean loss.

    ``X`` (n, inputs) and ``Y`` (n, outputs) must be float arrays and ``ws`` a workspace made
    for batches of at least ``n``. ``X`` is copied next to the workspace's column of ones;
    the trainer skips that copy by keeping its shuffled rows in that layout already and
    calling the plan's ``run`` itself.
    """
    losses.check(loss, net.activations[-1])
    plan = ws.plan(net, grad, loss, X.shape[0])
    np.copyto(plan.x_in, X)
    return float(plan.run(plan.inputs, Y))


class StepPlan:
    """One training step's forward and backward pass with every array bound in advance.

    ``run(inputs, Y)`` writes the gradient into ``grad`` and returns the batch's mean loss;
    ``inputs`` is the batch ``[X, 1]`` (n, n_inputs + 1).
    """

    def __init__(self, net, grad: np.ndarray, loss: str, ws: Workspace, n: int):
        self.params, self.grad, self.loss = net.params, grad, loss
        self.activations = list(net.activations)
        self.threshold = net.threshold
        self.n = n
        names, sizes, L = self.activations, net.layer_sizes, net.n_layers
        wb, dwb = augmented_views(sizes, net.params), augmented_views(sizes, grad)
        inputs = [arr[:n] for arr in ws.inputs]
        zs = [arr[:n] for arr in ws.zs]
        deltas = [arr[:n] for arr in ws.deltas]
        scratch = [arr[:n] for arr in ws.scratch]
        # The data's rows go into inputs[0] (all but its column of ones).
        self.inputs, self.x_in = inputs[0], inputs[0][:, : sizes[0]]
        # Hidden layers: f(z) goes straight into the next layer's inputs, beside its ones.
        self.forward_layers = [
            ForwardLayer(weights=wb[l], z=zs[l], a=inputs[l + 1][:, : sizes[l + 1]], next_inputs=inputs[l + 1],
                         activation=names[l], slope=scratch[l])
            for l in range(L - 1)
        ]
        self.weights_out, self.z_out, self.delta_out = wb[L - 1], zs[L - 1], deltas[L - 1]
        self.a_out, self.scratch_out = ws.output[:n], scratch[L - 1]
        self.row_max, self.row_sum = ws.row_max[:n], ws.row_sum[:n]
        k = sizes[-1]
        # Row maxima of a few columns: pairwise np.maximum over the column views beats a
        # reduction along rows (measured 2.3 vs 9 µs for 150x3). Row sums as a matmul with
        # ones (1.3 vs 4 µs), but only while OpenBLAS keeps that on one thread: its threads
        # spin after a job and slow down everything else on a two-core machine.
        self.out_columns = [zs[L - 1][:n, j] for j in range(k)] if k <= 4 else None
        self.ones_k = np.ones((k, 1)) if n * k <= 2048 else None
        self.inv_n = 1.0 / n
        self.backward_layers = [
            BackwardLayer(inputs=inputs[l], grad=dwb[l], weights_t=wb[l][:-1].T, delta_below=deltas[l - 1],
                          activation_below=names[l - 1], z_below=zs[l - 1], a_below=inputs[l][:, : sizes[l]],
                          scratch=scratch[l - 1])
            for l in range(L - 1, 0, -1)
        ]
        self.grad_first = dwb[0]
        # ``run`` loops over the same records as plain tuples: CPython unpacks an exact tuple
        # about twice as fast as a NamedTuple (measured 30 ns less per layer and step).
        self._forward_loop = [tuple(layer) for layer in self.forward_layers]
        self._backward_loop = [tuple(layer) for layer in self.backward_layers]
        out = names[-1]
        if loss == "cross_entropy":
            self.output_kind = "softmax_ce" if out == "softmax" else "sigmoid_ce"
        else:
            self.output_kind = "mse"

    def run(self, inputs: np.ndarray, Y: np.ndarray):
        matmul, threshold = np.matmul, self.threshold
        x = inputs
        for weights, z, a, next_inputs, activation, slope in self._forward_loop:
            matmul(x, weights, out=z)
            if activation == "tanh":
                np.tanh(z, out=a)
            elif activation == "relu":
                # The slope (1 where z > 0, else 0) is kept for the backward pass, which
                # then takes one multiplication; a = z·slope is max(z, 0) for every finite
                # z (and NaN for z = -inf, which only a diverging run reaches).
                np.greater(z, 0.0, out=slope)
                np.multiply(z, slope, out=a)
            else:
                act.forward_into(activation, z, a, threshold)
            x = next_inputs
        z, delta = self.z_out, self.delta_out
        matmul(x, self.weights_out, out=z)
        kind = self.output_kind
        if kind == "softmax_ce":
            value = self._softmax_cross_entropy(z, delta, Y)
        elif kind == "sigmoid_ce":
            value = self._sigmoid_cross_entropy(z, delta, Y)
        else:
            value = self._squared_error(z, delta, Y)
        for inputs_l, grad, weights_t, delta_below, activation, z, a, s in self._backward_loop:
            matmul(inputs_l.T, delta, out=grad)  # d[W; b] = [x, 1]ᵀ·delta
            matmul(delta, weights_t, out=delta_below)  # dL/da below = delta·Wᵀ
            # dL/dz = dL/da · f'(z) in place, for the common activations without a function call.
            if activation == "tanh":  # f' = 1 - a², as g - g·a²
                np.multiply(a, a, out=s)
                np.multiply(s, delta_below, out=s)
                np.subtract(delta_below, s, out=delta_below)
            elif activation == "relu":  # s holds the slope from the forward pass
                np.multiply(delta_below, s, out=delta_below)
            else:
                act.backward_into(activation, delta_below, z, a, delta_below, s, threshold)
            delta = delta_below
        matmul(inputs.T, delta, out=self.grad_first)
        return value

    # The output layer: write dL/dz (already divided by n) into ``delta`` and return the
    # mean loss (losses.py has the maths).
    def _softmax_cross_entropy(self, z, delta, Y):
        # The loss comes from the forward pass's own row maxima and sums of exponentials:
        # log p = (z - max) - log(sum), with no second pass of exp.
        m, s, columns = self.row_max, self.row_sum, self.out_columns
        if columns is None:
            np.maximum.reduce(z, axis=1, keepdims=True, out=m)
        else:
            m1 = m[:, 0]
            if len(columns) == 1:
                np.copyto(m1, columns[0])
            else:
                np.maximum(columns[0], columns[1], out=m1)
                for c in columns[2:]:
                    np.maximum(m1, c, out=m1)
        np.subtract(z, m, out=z)
        np.exp(z, out=delta)
        if self.ones_k is not None:
            np.matmul(delta, self.ones_k, out=s)
        else:
            np.add.reduce(delta, axis=1, keepdims=True, out=s)
        np.divide(delta, s, out=delta)  # the softmax p
        np.log(s, out=s)
        np.subtract(z, s, out=z)  # log p
        value = -np.vdot(Y, z) * self.inv_n
        np.subtract(delta, Y, out=delta)  # p - y
        delta *= self.inv_n
        return value

    def _sigmoid_cross_entropy(self, z, delta, Y):
        # -[y log σ(z) + (1-y) log(1-σ(z))] = softplus(z) - y·z, softplus computed stably.
        s = self.scratch_out
        np.logaddexp(0.0, z, out=s)
        value = (np.add.reduce(s, axis=None) - np.vdot(Y, z)) * self.inv_n
        # σ(z) = exp(z - softplus(z)): the softplus is at hand, and z - softplus(z) <= 0
        # so exp never overflows (two calls instead of the four of the tanh form).
        np.subtract(z, s, out=delta)
        np.exp(delta, out=delta)
        np.subtract(delta, Y, out=delta)  # σ(z) - y
        delta *= self.inv_n
        return value

    def _squared_error(self, z, delta, Y):
        name, a = self.activations[-1], self.a_out
        act.forward_into(name, z, a, self.threshold)
        np.subtract(a, Y, out=delta)
        delta *= self.inv_n
        # sum((a - Y)²) / 2n, from delta = (a - Y)/n
        value = np.vdot(delta, delta) * (0.5 * self.n)
        act.backward_into(name, delta, z, a, delta, self.scratch_out, self.threshold)  # · f'(z)
        return value
