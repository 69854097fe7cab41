"""Activation functions of a layer, written for speed: each works in place on a batch.

A layer computes ``z = x·W + b`` and then ``a = f(z)``. Training needs ``f'(z)`` to pass
the error back (the chain rule): ``dL/dz = dL/da * f'(z)``. ``forward_into`` and
``backward_into`` take preallocated arrays so a training step allocates almost nothing;
``derivative`` gives ``f'(z)`` plainly, for the readable ``Network.backprop``.

``step`` is the source text's neuron: it switches on (1) when ``z`` passes a threshold
(0.5 in the worked example) and stays off (0) otherwise. Its true derivative is zero
almost everywhere, so nothing could learn through it; training uses the derivative of a
sigmoid centred on the threshold instead (a *surrogate gradient*), and the UI says so.
"""

from __future__ import annotations

import numpy as np

ACTIVATIONS = ("step", "sigmoid", "tanh", "relu", "linear", "softmax")
OUTPUT_ONLY = ("softmax",)
DEFAULT_THRESHOLD = 0.5


def check_name(name: str) -> str:
    if name not in ACTIVATIONS:
        raise ValueError(f"unknown activation {name!r}; choose one of {', '.join(ACTIVATIONS)}")
    return name


def _sigmoid_into(z: np.ndarray, out: np.ndarray) -> np.ndarray:
    # 1/(1+e^-z) == (1 + tanh(z/2)) / 2: one transcendental call and no overflow for big |z|.
    np.multiply(z, 0.5, out=out)
    np.tanh(out, out=out)
    out += 1.0
    out *= 0.5
    return out


def _row_reduce(ufunc, x: np.ndarray) -> np.ndarray:
    """``ufunc.reduce(x, axis=1, keepdims=True)``, faster for a few columns.

    NumPy reduces along short rows one row at a time; with up to four columns (two or three
    classes, as in the decision-boundary picture over 40,000 points) combining whole columns
    is several times faster (measured 2.9 -> 0.8 ms for the 200x200 grid's softmax) and
    adds in the same order, so the result is identical.
    """
    k = x.shape[1]
    if not 2 <= k <= 4:
        return ufunc.reduce(x, axis=1, keepdims=True)
    acc = ufunc(x[:, 0], x[:, 1])
    for j in range(2, k):
        ufunc(acc, x[:, j], out=acc)
    return acc[:, None]


def forward_into(name: str, z: np.ndarray, out: np.ndarray, threshold: float = DEFAULT_THRESHOLD) -> np.ndarray:
    """Write ``f(z)`` into ``out`` (which may be ``z`` itself, except for ``step``)."""
    if name == "tanh":
        np.tanh(z, out=out)
    elif name == "sigmoid":
        _sigmoid_into(z, out)
    elif name == "relu":
        np.maximum(z, 0.0, out=out)
    elif name == "linear":
        if out is not z:
            out[...] = z
    elif name == "step":
        np.greater(z, threshold, out=out)  # writes 1.0 / 0.0 into a float array
    elif name == "softmax":
        # Subtracting the row maximum keeps exp() finite; the result is unchanged.
        np.subtract(z, _row_reduce(np.maximum, z), out=out)
        np.exp(out, out=out)
        out /= _row_reduce(np.add, out)
    else:
        check_name(name)
    return out


def forward(name: str, z: np.ndarray, threshold: float = DEFAULT_THRESHOLD) -> np.ndarray:
    """``f(z)`` as a new array; ``z`` is left untouched."""
    return forward_into(name, z, np.empty_like(z), threshold)


def backward_into(
    name: str,
    grad_a: np.ndarray,
    z: np.ndarray,
    a: np.ndarray,
    out: np.ndarray,
    scratch: np.ndarray | None = None,
    threshold: float = DEFAULT_THRESHOLD,
) -> np.ndarray:
    """Write ``dL/dz`` into ``out`` given ``dL/da``, the layer's ``z`` and ``a = f(z)``.

    ``out`` may be ``grad_a`` itself. ``scratch`` (shaped like ``a``) saves an allocation;
    the caller owns it, so two threads training two networks never share one.
    """
    s = np.empty_like(a) if scratch is None else scratch
    if name == "tanh":
        # f' = 1 - a²
        np.multiply(a, a, out=s)
        np.subtract(1.0, s, out=s)
        np.multiply(grad_a, s, out=out)
    elif name == "sigmoid":
        # f' = a (1 - a)
        np.subtract(1.0, a, out=s)
        s *= a
        np.multiply(grad_a, s, out=out)
    elif name == "relu":
        np.greater(z, 0.0, out=s)
        np.multiply(grad_a, s, out=out)
    elif name == "linear":
        if out is not grad_a:
            out[...] = grad_a
    elif name == "step":
        # Surrogate: the derivative of sigmoid(z - threshold), largest at the threshold.
        np.subtract(z, threshold, out=s)
        _sigmoid_into(s, s)
        s -= s * s  # s (1 - s)
        np.multiply(grad_a, s, out=out)
    elif name == "softmax":
        # Jacobian-vector product: dz_i = a_i (g_i - sum_j g_j a_j)
        dot = np.einsum("ij,ij->i", grad_a, a)[:, None]
        np.subtract(grad_a, dot, out=out)
        out *= a
    else:
        check_name(name)
    return out


def derivative(name: str, z: np.ndarray, a: np.ndarray, threshold: float = DEFAULT_THRESHOLD) -> np.ndarray:
    """The slope ``f'(z)`` of an element-wise activation, as a new array (the readable
    ``Network.backprop`` uses it; training uses ``backward_into``). ``a`` is ``f(z)``.

    Softmax is not element-wise (each output depends on the whole row), so it has no slope
    per node here: ``Network.backprop`` handles it where it occurs, at the output.
    """
    if name == "sigmoid":
        return a * (1.0 - a)  # σ' = σ (1 - σ)
    if name == "tanh":
        return 1.0 - a * a  # tanh' = 1 - tanh²
    if name == "relu":
        return (z > 0.0).astype(z.dtype)  # 1 where the node is on, else 0
    if name == "linear":
        return np.ones_like(z)
    if name == "step":
        # The step's true slope is 0 (except at the threshold, where it jumps), so no error
        # could flow back through it. Training uses the slope of σ(z - threshold), a sigmoid
        # centred on the threshold, instead: a "surrogate gradient".
        s = forward("sigmoid", z - threshold)
        return s * (1.0 - s)
    check_name(name)
    raise ValueError(f"{name} is not element-wise: it has no slope per node")
