"""A fully connected feed-forward network, in NumPy.

Layer ``l`` of the network (``l = 0`` is the input) has ``layer_sizes[l]`` nodes. Between
layer ``l`` and ``l + 1`` sit ``weights[l]`` (shape ``(layer_sizes[l], layer_sizes[l+1])``;
``weights[l][i, j]`` joins node ``i`` of layer ``l`` to node ``j`` of layer ``l + 1``) and
``biases[l]`` (one per node of layer ``l + 1``). A node of layer ``l + 1`` computes

    z_j = sum_i x_i · W[i, j] + b_j        (x = the values of layer l)
    a_j = f(z_j)                           (f = the layer's activation)

which, for a whole batch at once, is ``Z = X·W + b`` and ``A = f(Z)``.

Speed: all weights and biases live in one flat buffer (``params``); ``weights[l]`` and
``biases[l]`` are views into it. An optimizer then updates every parameter with a handful
of NumPy calls whatever the depth, and a training step allocates almost nothing (see
``gradient_into``). For networks this small, the number of NumPy calls, not arithmetic,
sets the pace.

Structural edits (``add_neuron``, ``insert_layer``, ...) return a *new* network: a weight
keeps its value when both of its nodes still exist and are still neighbours; new weights are
drawn at random (Xavier, or He for ReLU) from the network's seeded generator.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

import numpy as np

from nnsim.core import activations as act
from nnsim.core import losses

FORMAT = "nnsim.network"


class _ViewList(list):
    """A list of views into the flat parameter buffer.

    Assigning ``net.weights[l] = array`` copies the values in, so the buffer stays the one
    source of truth instead of silently detaching from it.
    """

    def __setitem__(self, index, value):  # type: ignore[override]
        if isinstance(index, slice):
            raise TypeError("assign one layer at a time")
        target = list.__getitem__(self, index)
        value = np.asarray(value, dtype=target.dtype)
        if value.shape != target.shape:
            raise ValueError(f"shape {value.shape} does not fit {target.shape}")
        target[...] = value


@dataclass
class Trace:
    """Every layer's values for one batch: what the window shows on the nodes.

    ``zs[l]`` is the pre-activation of layer ``l + 1`` (``X·W + b``) and ``activations[l]``
    the values of layer ``l`` (``activations[0]`` is the input itself).
    """

    zs: list[np.ndarray]
    activations: list[np.ndarray]

    @property
    def output(self) -> np.ndarray:
        return self.activations[-1]


class Network:
    """A feed-forward network: see the module docstring for the maths and the layout."""

    def __init__(
        self,
        layer_sizes,
        activations=None,
        seed: int | None = 0,
        threshold: float = act.DEFAULT_THRESHOLD,
    ):
        sizes = [int(s) for s in layer_sizes]
        if len(sizes) < 2:
            raise ValueError("a network needs at least an input and an output layer")
        if any(s < 1 for s in sizes):
            raise ValueError(f"every layer needs at least one node: {sizes}")
        if activations is None:
            hidden = ["tanh"] * (len(sizes) - 2)
            activations = hidden + ["softmax" if sizes[-1] > 1 else "sigmoid"]
        activations = [act.check_name(a) for a in activations]
        if len(activations) != len(sizes) - 1:
            raise ValueError(
                f"{len(sizes) - 1} layers after the input need {len(sizes) - 1} activations, "
                f"got {len(activations)}"
            )
        for name in activations[:-1]:
            if name in act.OUTPUT_ONLY:
                raise ValueError(f"{name} is for the output layer only")
        threshold = float(threshold)
        if not np.isfinite(threshold):
            raise ValueError("the step threshold must be a finite number")
        self.layer_sizes: list[int] = sizes
        self.activations: list[str] = list(activations)
        self.threshold = threshold
        self.seed = seed
        self.rng = np.random.default_rng(seed)
        self._allocate()
        for l in range(self.n_layers):
            self.weights[l][...] = self._initial_weights(l)

    # ---------------------------------------------------------------- layout
    @property
    def n_layers(self) -> int:
        """Number of weight layers (the input layer has none)."""
        return len(self.layer_sizes) - 1

    @property
    def n_params(self) -> int:
        return self.params.size

    def _allocate(self) -> None:
        sizes = self.layer_sizes
        total = sum(sizes[l] * sizes[l + 1] + sizes[l + 1] for l in range(len(sizes) - 1))
        self.params = np.zeros(total)
        self.weights, self.biases = self.views(self.params)

    def views(self, flat: np.ndarray) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """Per-layer weight and bias views into any buffer laid out like ``params``."""
        weights, biases = _ViewList(), _ViewList()
        offset = 0
        for n_in, n_out in zip(self.layer_sizes[:-1], self.layer_sizes[1:]):
            list.append(weights, flat[offset : offset + n_in * n_out].reshape(n_in, n_out))
            offset += n_in * n_out
            list.append(biases, flat[offset : offset + n_out])
            offset += n_out
        return weights, biases

    def _initial_weights(self, l: int, shape: tuple[int, int] | None = None) -> np.ndarray:
        """Random weights for layer ``l``: He for ReLU, Xavier/Glorot otherwise.

        Both keep the spread of ``z`` about the same from layer to layer, so a fresh deep
        network neither saturates nor fades out.
        """
        n_in, n_out = self.layer_sizes[l], self.layer_sizes[l + 1]
        shape = shape or (n_in, n_out)
        if self.activations[l] == "relu":
            return self.rng.normal(0.0, np.sqrt(2.0 / n_in), size=shape)
        limit = np.sqrt(6.0 / (n_in + n_out))
        return self.rng.uniform(-limit, limit, size=shape)

    # ---------------------------------------------------------------- forward
    def forward(self, X, dtype=None) -> np.ndarray:
        """Outputs for a batch ``X`` of shape ``(n, layer_sizes[0])``; ``X`` is not modified.

        ``dtype=np.float32`` computes in single precision: about four times faster for the
        pictures (decision boundaries), while training stays in float64.
        """
        a = self._check_inputs(X)
        if dtype is not None:
            a = a.astype(dtype, copy=False)
        for l in range(self.n_layers):
            W, b = self.weights[l], self.biases[l]
            if dtype is not None:
                W, b = W.astype(dtype), b.astype(dtype)
            z = a @ W
            z += b
            a = act.forward_into(self.activations[l], z, z, self.threshold)  # in place: z is ours
        return a

    def trace(self, X) -> Trace:
        """Pre-activations and activations of every layer for the batch ``X``."""
        a = self._check_inputs(X).copy()
        zs, values = [], [a]
        for l in range(self.n_layers):
            z = a @ self.weights[l] + self.biases[l]
            a = act.forward(self.activations[l], z, self.threshold)
            zs.append(z)
            values.append(a)
        return Trace(zs, values)

    def predict_classes(self, X) -> np.ndarray:
        out = self.forward(X)
        if out.shape[1] == 1:
            return (out[:, 0] > 0.5).astype(int)
        return out.argmax(axis=1)

    def _check_inputs(self, X) -> np.ndarray:
        X = np.asarray(X, dtype=float)
        if X.ndim == 1:
            X = X[None, :]
        if X.ndim != 2 or X.shape[1] != self.layer_sizes[0]:
            raise ValueError(
                f"the network takes {self.layer_sizes[0]} inputs per sample, got shape {X.shape}"
            )
        return X

    # ---------------------------------------------------------------- gradients
    def loss_and_gradients(self, X, Y, loss: str = "cross_entropy"):
        """``(loss, dW, db)``: the batch's mean loss and its gradient for every parameter.

        ``dW[l]`` and ``db[l]`` have the shapes of ``weights[l]`` and ``biases[l]``. Nothing
        is modified: not the network, not ``X``, not ``Y``.
        """
        X = self._check_inputs(X)
        Y = self._check_targets(Y, X.shape[0])
        grad = np.empty_like(self.params)
        value = self.gradient_into(X, Y, loss, grad, _Workspace(self, X.shape[0]))
        dW, db = self.views(grad)
        return value, list(dW), list(db)

    def loss(self, X, Y, loss: str = "cross_entropy") -> float:
        X = self._check_inputs(X)
        Y = self._check_targets(Y, X.shape[0])
        t = self.trace(X)
        return losses.value(loss, self.activations[-1], t.zs[-1], t.output, Y)

    def _check_targets(self, Y, n: int) -> np.ndarray:
        Y = np.asarray(Y, dtype=float)
        if Y.ndim == 1:
            Y = Y[:, None]
        if Y.shape != (n, self.layer_sizes[-1]):
            raise ValueError(f"targets must have shape {(n, self.layer_sizes[-1])}, got {Y.shape}")
        return Y

    def workspace(self, batch_size: int) -> "_Workspace":
        """Preallocated arrays for training steps of ``batch_size`` samples."""
        return _Workspace(self, batch_size)

    def gradient_into(self, X: np.ndarray, Y: np.ndarray, loss: str, grad: np.ndarray, ws: "_Workspace") -> float:
        """Backpropagation: write the gradient into the flat ``grad`` and return the loss.

        The hot path of training. ``X`` (n, inputs) and ``Y`` (n, outputs) must be float
        arrays and ``ws`` a workspace made for batches of ``n``; the last batch of an epoch
        may be shorter, then the workspace's arrays are used partly. ``X`` is copied into
        the workspace (next to its column of ones, see ``_StepPlan``); the trainer skips
        that copy by keeping its shuffled rows in that layout already.
        """
        losses.check(loss, self.activations[-1])
        plan = ws.plan(self, grad, loss, X.shape[0])
        np.copyto(plan.x_in, X)
        return float(plan.run(plan.inputs, Y))

    def augmented_views(self, flat: np.ndarray) -> list[np.ndarray]:
        """Per-layer ``(n_in + 1, n_out)`` views into a buffer laid out like ``params``:
        each layer's weights with its biases as one more row (they are stored just so)."""
        views, offset = [], 0
        for n_in, n_out in zip(self.layer_sizes[:-1], self.layer_sizes[1:]):
            size = (n_in + 1) * n_out
            views.append(flat[offset : offset + size].reshape(n_in + 1, n_out))
            offset += size
        return views

    # ---------------------------------------------------------------- copies and files
    def copy(self) -> "Network":
        """An independent copy: same parameters, same random-generator state."""
        other = Network.__new__(Network)
        other.layer_sizes = list(self.layer_sizes)
        other.activations = list(self.activations)
        other.threshold = self.threshold
        other.seed = self.seed
        other.rng = copy.deepcopy(self.rng)
        other.params = self.params.copy()
        other.weights, other.biases = other.views(other.params)
        return other

    def to_dict(self) -> dict:
        """Plain JSON-able data; ``Network.from_dict`` restores it exactly.

        Python writes floats with the shortest text that reads back to the same float, so
        the round trip through JSON is exact.
        """
        return {
            "format": FORMAT,
            "layer_sizes": list(self.layer_sizes),
            "activations": list(self.activations),
            "threshold": self.threshold,
            "seed": self.seed,
            "weights": [w.tolist() for w in self.weights],
            "biases": [b.tolist() for b in self.biases],
        }

    @classmethod
    def from_dict(cls, d: dict) -> "Network":
        """Rebuild a network from ``to_dict`` data; a ``ValueError`` says what is wrong."""
        if not isinstance(d, dict):
            raise ValueError("a network must be a JSON object")
        for key in ("layer_sizes", "activations", "weights", "biases"):
            if key not in d:
                raise ValueError(f"the network has no {key!r}")
        sizes = d["layer_sizes"]
        if not isinstance(sizes, list) or not all(isinstance(s, int) and not isinstance(s, bool) for s in sizes):
            raise ValueError("'layer_sizes' must be a list of whole numbers")
        seed = d.get("seed", 0)
        if seed is not None and (not isinstance(seed, int) or isinstance(seed, bool) or seed < 0):
            raise ValueError("'seed' must be a whole number >= 0 or null")
        if not isinstance(d["activations"], list) or not all(isinstance(a, str) for a in d["activations"]):
            raise ValueError("'activations' must be a list of names")
        threshold = d.get("threshold", act.DEFAULT_THRESHOLD)
        if not isinstance(threshold, (int, float)) or isinstance(threshold, bool):
            raise ValueError("'threshold' must be a number")
        net = cls(sizes, d["activations"], seed=seed, threshold=threshold)
        for name, arrays, target in (("weights", d["weights"], net.weights), ("biases", d["biases"], net.biases)):
            if not isinstance(arrays, list) or len(arrays) != net.n_layers:
                raise ValueError(f"{name!r} must hold {net.n_layers} layers")
            for l, values in enumerate(arrays):
                try:
                    arr = np.asarray(values, dtype=float)
                except (TypeError, ValueError):
                    raise ValueError(f"{name} of layer {l + 1} are not all numbers") from None
                if arr.shape != target[l].shape:
                    raise ValueError(
                        f"{name} of layer {l + 1} have shape {arr.shape}, expected {target[l].shape}"
                    )
                if not np.all(np.isfinite(arr)):
                    raise ValueError(f"{name} of layer {l + 1} contain NaN or infinity")
                target[l][...] = arr
        return net

    def __eq__(self, other) -> bool:
        return (
            isinstance(other, Network)
            and self.layer_sizes == other.layer_sizes
            and self.activations == other.activations
            and self.threshold == other.threshold
            and np.array_equal(self.params, other.params)
        )

    __hash__ = None  # mutable

    def __repr__(self) -> str:
        return f"Network({self.layer_sizes}, activations={self.activations})"

    # ---------------------------------------------------------------- structural edits
    def add_neuron(self, layer: int, index: int | None = None) -> "Network":
        """A copy with one more node in hidden ``layer`` (at ``index``, default the end)."""
        self._check_hidden(layer)
        n = self.layer_sizes[layer]
        index = n if index is None else int(index)
        if not 0 <= index <= n:
            raise ValueError(f"index {index} is outside layer {layer} (0..{n})")
        nodes = list(range(n))
        nodes.insert(index, -1)
        return self._rebuild(self._identity_maps(layer, nodes))

    def remove_neuron(self, layer: int, index: int) -> "Network":
        """A copy without node ``index`` of hidden ``layer``; a layer keeps at least one node."""
        self._check_hidden(layer)
        n = self.layer_sizes[layer]
        if n == 1:
            raise ValueError("a hidden layer needs at least one node; remove the layer instead")
        if not 0 <= index < n:
            raise ValueError(f"layer {layer} has no node {index}")
        nodes = [i for i in range(n) if i != index]
        return self._rebuild(self._identity_maps(layer, nodes))

    def insert_layer(self, position: int, size: int, activation: str = "tanh") -> "Network":
        """A copy with a new hidden layer that becomes ``layer_sizes[position]``."""
        if not 1 <= position <= self.n_layers:
            raise ValueError(f"a hidden layer goes between the input and the output (1..{self.n_layers})")
        if size < 1:
            raise ValueError("a layer needs at least one node")
        if act.check_name(activation) in act.OUTPUT_ONLY:
            raise ValueError(f"{activation} is for the output layer only")
        layers = [(l, list(range(s))) for l, s in enumerate(self.layer_sizes)]
        layers.insert(position, (None, [-1] * size))
        acts = list(self.activations)
        acts.insert(position - 1, activation)
        return self._rebuild(layers, acts)

    def remove_layer(self, position: int) -> "Network":
        """A copy without hidden layer ``position``."""
        self._check_hidden(position)
        layers = [(l, list(range(s))) for l, s in enumerate(self.layer_sizes) if l != position]
        acts = [a for l, a in enumerate(self.activations) if l != position - 1]
        return self._rebuild(layers, acts)

    def resize_input(self, n: int) -> "Network":
        """A copy with ``n`` inputs (the first ones keep their weights)."""
        return self._resize_end(0, n)

    def resize_output(self, n: int) -> "Network":
        """A copy with ``n`` outputs (the first ones keep their weights)."""
        return self._resize_end(self.n_layers, n)

    def with_activation(self, layer: int, name: str) -> "Network":
        """A copy whose layer ``layer`` (1..n_layers) uses activation ``name``."""
        if not 1 <= layer <= self.n_layers:
            raise ValueError(f"layer {layer} has no activation (1..{self.n_layers})")
        acts = list(self.activations)
        acts[layer - 1] = name
        other = self.copy()
        checked = Network(self.layer_sizes, acts, seed=0, threshold=self.threshold)  # validates
        other.activations = checked.activations
        return other

    def with_threshold(self, threshold: float) -> "Network":
        other = self.copy()
        other.threshold = Network([1, 1], threshold=threshold).threshold  # validates
        return other

    def _check_hidden(self, layer: int) -> None:
        if not 1 <= layer < len(self.layer_sizes) - 1:
            raise ValueError(f"layer {layer} is not a hidden layer (hidden: 1..{len(self.layer_sizes) - 2})")

    def _identity_maps(self, layer: int, nodes: list[int]):
        layers = [(l, list(range(s))) for l, s in enumerate(self.layer_sizes)]
        layers[layer] = (layer, nodes)
        return layers

    def _resize_end(self, layer: int, n: int) -> "Network":
        if n < 1:
            raise ValueError("a layer needs at least one node")
        old = self.layer_sizes[layer]
        nodes = list(range(min(n, old))) + [-1] * max(0, n - old)
        acts = list(self.activations)
        if layer == self.n_layers and n == 1 and acts[-1] == "softmax":
            acts[-1] = "sigmoid"  # softmax over one output is always 1
        return self._rebuild(self._identity_maps(layer, nodes), acts)

    def _rebuild(self, layers, acts=None) -> "Network":
        """A new network whose layer ``k`` is old layer ``layers[k][0]`` (None: new) with the
        old nodes ``layers[k][1]`` (-1: new node). A weight keeps its value when both of its
        nodes existed and were neighbours; a bias when its node existed."""
        new = Network.__new__(Network)
        new.layer_sizes = [len(nodes) for _, nodes in layers]
        new.activations = list(acts if acts is not None else self.activations)
        Network(new.layer_sizes, new.activations)  # validates sizes and activations
        new.threshold = self.threshold
        new.seed = self.seed
        new.rng = copy.deepcopy(self.rng)
        new._allocate()
        for k in range(new.n_layers):
            (src, src_nodes), (dst, dst_nodes) = layers[k], layers[k + 1]
            W = new._initial_weights(k)
            if src is not None and dst is not None and dst == src + 1:
                rows, cols = np.asarray(src_nodes), np.asarray(dst_nodes)
                keep_r, keep_c = rows >= 0, cols >= 0
                W[np.ix_(keep_r, keep_c)] = self.weights[src][np.ix_(rows[keep_r], cols[keep_c])]
            new.weights[k][...] = W
            if dst is not None:
                cols = np.asarray(dst_nodes)
                keep = cols >= 0
                new.biases[k][keep] = self.biases[dst - 1][cols[keep]]
        return new


class _Workspace:
    """Preallocated per-layer arrays for training steps of up to ``batch_size`` samples.

    ``inputs[l]`` holds the values entering layer ``l`` (the data for ``l = 0``, the
    previous layer's activations otherwise) followed by a column of ones, so that one
    matmul with the layer's ``(n_in + 1, n_out)`` weights-and-biases block computes
    ``X·W + b``, and one matmul with its transpose gives both ``dW`` and ``db``.
    """

    def __init__(self, net: Network, batch_size: int):
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
        self._plans: dict[int, _StepPlan] = {}

    def plan(self, net: Network, grad: np.ndarray, loss: str, n: int) -> "_StepPlan":
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
            p = self._plans[n] = _StepPlan(net, grad, loss, self, n)
        return p


class _StepPlan:
    """One training step's forward and backward pass with every array bound in advance.

    Building the per-layer views, names and shapes once (per network, gradient buffer,
    loss and batch size) leaves the step itself a plain loop of in-place NumPy calls:
    for networks this small, each saved call or attribute lookup is measurable.
    ``run(inputs, Y)`` writes the gradient into ``grad`` and returns the batch's mean loss.
    """

    def __init__(self, net: Network, grad: np.ndarray, loss: str, ws: _Workspace, n: int):
        self.params, self.grad, self.loss = net.params, grad, loss
        self.activations = list(net.activations)
        self.threshold = net.threshold
        self.n = n
        names, sizes, L = self.activations, net.layer_sizes, net.n_layers
        wb, dwb = net.augmented_views(net.params), net.augmented_views(grad)
        inputs = [arr[:n] for arr in ws.inputs]
        zs = [arr[:n] for arr in ws.zs]
        deltas = [arr[:n] for arr in ws.deltas]
        scratch = [arr[:n] for arr in ws.scratch]
        # The data's rows go into inputs[0] (all but its column of ones).
        self.inputs, self.x_in = inputs[0], inputs[0][:, : sizes[0]]
        # Hidden layers: z = [a, 1]·[W; b], then f(z) straight into the next layer's inputs.
        self.hidden = [
            (wb[l], zs[l], inputs[l + 1][:, : sizes[l + 1]], inputs[l + 1], names[l], scratch[l])
            for l in range(L - 1)
        ]
        self.wb_out, self.z_out, self.delta_out = wb[L - 1], zs[L - 1], deltas[L - 1]
        self.a_out, self.s_out = ws.output[:n], scratch[L - 1]
        self.row_max, self.row_sum = ws.row_max[:n], ws.row_sum[:n]
        k = sizes[-1]
        # Row maxima of a few columns: pairwise np.maximum over the column views beats a
        # reduction along rows (measured 2.3 vs 9 µs for 150x3). Row sums as a matmul with
        # ones (1.3 vs 4 µs), but only while OpenBLAS keeps that on one thread: its threads
        # spin after a job and slow down everything else on a two-core machine.
        self.out_columns = [zs[L - 1][:n, j] for j in range(k)] if k <= 4 else None
        self.ones_k = np.ones((k, 1)) if n * k <= 2048 else None
        self.inv_n = 1.0 / n
        # Backward, from the last layer to the second: d[W; b] = [a, 1]ᵀ·delta, then delta
        # goes back through W (without the bias row) and the previous activation's slope.
        self.backward = [
            (inputs[l], dwb[l], wb[l][:-1].T, deltas[l - 1], names[l - 1], zs[l - 1], inputs[l][:, : sizes[l]],
             scratch[l - 1])
            for l in range(L - 1, 0, -1)
        ]
        self.dwb_first = dwb[0]
        out = names[-1]
        if loss == "cross_entropy":
            self.output_kind = "softmax_ce" if out == "softmax" else "sigmoid_ce"
        else:
            self.output_kind = "mse"

    def run(self, inputs: np.ndarray, Y: np.ndarray):
        matmul, threshold = np.matmul, self.threshold
        a = inputs
        for wb, z, out, nxt, name, s in self.hidden:
            matmul(a, wb, out=z)
            if name == "tanh":
                np.tanh(z, out=out)
            elif name == "relu":
                # The slope (1 where z > 0, else 0) is kept for the backward pass, which
                # then takes one multiplication; a = z·slope is max(z, 0) for every finite
                # z (and NaN for z = -inf, which only a diverging run reaches).
                np.greater(z, 0.0, out=s)
                np.multiply(z, s, out=out)
            else:
                act.forward_into(name, z, out, threshold)
            a = nxt
        z, d = self.z_out, self.delta_out
        matmul(a, self.wb_out, out=z)
        kind = self.output_kind
        if kind == "softmax_ce":
            value = self._softmax_cross_entropy(z, d, Y)
        elif kind == "sigmoid_ce":
            value = self._sigmoid_cross_entropy(z, d, Y)
        else:
            value = self._squared_error(z, d, Y)
        delta = d
        for a_in, dwb, w_t, g, name, z, a, s in self.backward:
            matmul(a_in.T, delta, out=dwb)
            matmul(delta, w_t, out=g)
            # g ← dL/da · f'(z) in place, for the common activations without a function call.
            if name == "tanh":  # f' = 1 - a², as g - g·a²
                np.multiply(a, a, out=s)
                np.multiply(s, g, out=s)
                np.subtract(g, s, out=g)
            elif name == "relu":  # s holds the slope from the forward pass
                np.multiply(g, s, out=g)
            else:
                act.backward_into(name, g, z, a, g, s, threshold)
            delta = g
        matmul(inputs.T, delta, out=self.dwb_first)
        return value

    # The output layer: write dL/dz into d and return the mean loss (losses.py has the maths).
    def _softmax_cross_entropy(self, z, d, Y):
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
        np.exp(z, out=d)
        if self.ones_k is not None:
            np.matmul(d, self.ones_k, out=s)
        else:
            np.add.reduce(d, axis=1, keepdims=True, out=s)
        np.divide(d, s, out=d)  # the softmax p
        np.log(s, out=s)
        np.subtract(z, s, out=z)  # log p
        value = -np.vdot(Y, z) * self.inv_n
        np.subtract(d, Y, out=d)
        d *= self.inv_n
        return value

    def _sigmoid_cross_entropy(self, z, d, Y):
        # -[y log σ(z) + (1-y) log(1-σ(z))] = softplus(z) - y·z, softplus computed stably.
        s = self.s_out
        np.logaddexp(0.0, z, out=s)
        value = (np.add.reduce(s, axis=None) - np.vdot(Y, z)) * self.inv_n
        # σ(z) = exp(z - softplus(z)): the softplus is at hand, and z - softplus(z) <= 0
        # so exp never overflows (two calls instead of the four of the tanh form).
        np.subtract(z, s, out=d)
        np.exp(d, out=d)
        np.subtract(d, Y, out=d)
        d *= self.inv_n
        return value

    def _squared_error(self, z, d, Y):
        name, a = self.activations[-1], self.a_out
        act.forward_into(name, z, a, self.threshold)
        np.subtract(a, Y, out=d)
        d *= self.inv_n
        # sum((a - Y)²) / 2n, from d = (a - Y)/n
        value = np.vdot(d, d) * (0.5 * self.n)
        act.backward_into(name, d, z, a, d, self.s_out, self.threshold)
        return value
