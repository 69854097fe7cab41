"""A fully connected feed-forward network, in NumPy: the teaching module.

Layer ``l`` of the network (``l = 0`` is the input) has ``layer_sizes[l]`` nodes. Between
layer ``l`` and ``l + 1`` sit ``weights[l]`` (shape ``(layer_sizes[l], layer_sizes[l+1])``;
``weights[l][i, j]`` joins node ``i`` of layer ``l`` to node ``j`` of layer ``l + 1``) and
``biases[l]`` (one per node of layer ``l + 1``). A node of layer ``l + 1`` computes

    z_j = sum_i x_i · W[i, j] + b_j        (x = the values of layer l)
    a_j = f(z_j)                           (f = the layer's activation)

which, for a whole batch at once, is ``Z = X·W + b`` and ``A = f(Z)``.

Learning needs the gradient of the loss with respect to every weight and bias:
``backprop`` (with ``backprop_trace``, which keeps every intermediate value) computes it the
way a textbook writes it down. Training calls a faster version of the very same maths
(``fast_step.py``, through ``loss_and_gradients``); the tests hold the two to the same
numbers.

Layout: all weights and biases live in one flat buffer (``params``); ``weights[l]`` and
``biases[l]`` are views into it, so an optimizer updates every parameter with a handful of
NumPy calls whatever the depth.

Structural edits (``add_neuron``, ``insert_layer``, ...) return a *new* network: a weight
keeps its value when both of its nodes still exist and are still neighbours; new weights are
drawn at random (Xavier, or He for ReLU) from the network's seeded generator.
"""

from __future__ import annotations

import contextlib
import copy
from dataclasses import dataclass

import numpy as np

from nnsim.core import activations as act
from nnsim.core import fast_step, losses
from nnsim.core.predictions import predicted_classes

FORMAT = "nnsim.network"
_NO_CHANGE = contextlib.nullcontext()


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


@dataclass
class Backprop:
    """Everything backpropagation computed for one batch of ``n`` examples (``backprop_trace``).

    Layer numbering as in ``Trace``: ``zs[l]`` (n, layer_sizes[l + 1]) is ``X·W + b`` of
    layer ``l + 1`` and ``activations[l]`` the values of layer ``l`` (``activations[0]`` is
    the input ``X``). ``deltas[l]`` (shaped like ``zs[l]``) is ``dL/dz`` of layer ``l + 1``,
    one row per example: row ``i`` belongs to that example's own loss ``L_i``, so for one
    example and the weight ``weights[l][i, j]``::

        x = activations[l][example, i]      delta = deltas[l][example, j]
        dL/dw = x · delta                   the step would change w by -η · x · delta

    ``dW`` and ``db`` are the batch means of those per-example gradients (shapes of
    ``weights`` and ``biases``), and ``loss`` the batch's mean loss: exactly what
    ``loss_and_gradients`` returns.
    """

    loss: float
    zs: list[np.ndarray]
    activations: list[np.ndarray]
    deltas: list[np.ndarray]
    dW: list[np.ndarray]
    db: list[np.ndarray]

    def example_gradients(self, layer: int, example: int) -> tuple[np.ndarray, np.ndarray]:
        """``(dW, db)`` of weight layer ``layer`` for one example alone: ``dL/dW = outer(x, delta)``
        (``x`` the values entering the layer, ``delta`` its dL/dz), ``dL/db = delta``."""
        delta = self.deltas[layer][example]
        return np.outer(self.activations[layer][example], delta), delta.copy()


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
        # Single precision holds at most about 3.4e38: larger weights (a blow-up, a file's
        # 1e300) become inf there, and the picture saturates, as it should. No warning.
        with np.errstate(over="ignore", invalid="ignore") if dtype is not None else _NO_CHANGE:
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
        """The class the network answers for each row of ``X`` (see ``predicted_classes``)."""
        return predicted_classes(self.forward(X))

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
    def backprop(self, X, Y, loss: str = "cross_entropy"):
        """``(loss, dW, db)`` by backpropagation, written to be read: see ``backprop_trace``.

        The same numbers as ``loss_and_gradients`` (the fast version training uses).
        """
        record = self.backprop_trace(X, Y, loss)
        return record.loss, record.dW, record.db

    def backprop_trace(self, X, Y, loss: str = "cross_entropy") -> Backprop:
        """Backpropagation for the batch ``X`` (n, inputs) with known answers ``Y``, step by step.

        Nothing is modified. Returns a ``Backprop`` record with every layer's ``z``,
        activation and ``delta``, and the gradients.
        """
        X = self._check_inputs(X)
        Y = self._check_targets(Y, X.shape[0])
        losses.check(loss, self.activations[-1])
        n, last = X.shape[0], self.n_layers - 1
        # 1. Forward pass, keeping every layer's z = a·W + b and a = f(z): the backward
        #    pass needs them. a[0] is the input X.
        forward = self.trace(X)
        zs, a = forward.zs, forward.activations
        # 2. The output layer's delta = dL/dz, for each example's own loss (one row each).
        deltas: list = [None] * self.n_layers  # filled from the output backwards
        deltas[last] = self._output_delta(loss, zs[last], a[-1], Y)
        # 3. Back through the layers, by the chain rule. z of layer l+1 depends on the
        #    values a of layer l through W (z = a·W + b), and a = f(z_l), so
        #        delta_l = (delta_{l+1} · W_lᵀ) ⊙ f'(z_l)
        #    (⊙: node by node; l counts node layers, input = 0, so delta_l is deltas[l - 1]
        #    and z_l is zs[l - 1]). f' is the slope of the layer's activation at z; a step
        #    layer has slope 0 almost everywhere, so it trains through the slope of a
        #    sigmoid centred on its threshold instead (a "surrogate gradient").
        for l in range(last, 0, -1):
            slope = act.derivative(self.activations[l - 1], zs[l - 1], a[l], self.threshold)
            deltas[l - 1] = (deltas[l] @ self.weights[l].T) * slope
        # 4. The gradients. A weight w_ij adds a_i·w_ij to z_j, so for one example
        #    dL/dw_ij = a_i · delta_j and dL/db_j = delta_j. The batch's loss is the mean
        #    of the examples' losses, so its gradient is the mean of theirs:
        #        dW = aᵀ·delta / n,   db = mean of delta over the examples.
        dW = [a[l].T @ deltas[l] / n for l in range(self.n_layers)]
        db = [deltas[l].mean(axis=0) for l in range(self.n_layers)]
        value = losses.value(loss, self.activations[-1], zs[last], a[-1], Y)
        return Backprop(value, zs, a, deltas, dW, db)

    def _output_delta(self, loss: str, z: np.ndarray, out: np.ndarray, Y: np.ndarray) -> np.ndarray:
        """dL/dz of the output layer, one row per example (not divided by the batch size)."""
        name = self.activations[-1]
        if loss == "cross_entropy":
            # Softmax with cross-entropy, and sigmoid with (binary) cross-entropy: the
            # activation's slope cancels against the log in the loss, leaving the famous
            #     delta = output - target.
            return out - Y
        # Squared error L = sum((a - y)²) / 2: dL/da = a - y, then the chain rule through f.
        error = out - Y
        if name == "softmax":
            # Each softmax output depends on every z of its row: da_k/dz_j = a_k (1[k=j] - a_j),
            # so delta_j = a_j · (error_j - sum_k error_k · a_k).
            return out * (error - np.sum(error * out, axis=1, keepdims=True))
        return error * act.derivative(name, z, out, self.threshold)  # (a - y) · f'(z)

    def loss_and_gradients(self, X, Y, loss: str = "cross_entropy"):
        """``(loss, dW, db)``: the batch's mean loss and its gradient for every parameter.

        ``dW[l]`` and ``db[l]`` have the shapes of ``weights[l]`` and ``biases[l]``. Nothing
        is modified: not the network, not ``X``, not ``Y``. The fast path (``fast_step``);
        ``backprop`` gives the same numbers and shows how.
        """
        X = self._check_inputs(X)
        Y = self._check_targets(Y, X.shape[0])
        grad = np.empty_like(self.params)
        value = fast_step.gradient_into(self, X, Y, loss, grad, fast_step.Workspace(self, X.shape[0]))
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

    def workspace(self, batch_size: int) -> fast_step.Workspace:
        """Preallocated arrays for fast training steps of up to ``batch_size`` samples."""
        return fast_step.Workspace(self, batch_size)

    def gradient_into(self, X: np.ndarray, Y: np.ndarray, loss: str, grad: np.ndarray,
                      ws: fast_step.Workspace) -> float:
        """The fast path: write the gradient into the flat ``grad``, return the mean loss
        (``fast_step.gradient_into``; ``X``, ``Y`` float arrays, ``ws`` from ``workspace``)."""
        return fast_step.gradient_into(self, X, Y, loss, grad, ws)

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

    def __getstate__(self) -> dict:
        """For the training process's messages (``nnsim.training.wire``): the layer views
        are left out and rebuilt by ``__setstate__``, because a view sent on its own
        arrives as an array of its own, and training the flat ``params`` would no longer
        move the ``weights`` that the forward pass reads."""
        state = dict(self.__dict__)
        state.pop("weights", None)
        state.pop("biases", None)
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self.weights, self.biases = self.views(self.params)

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
