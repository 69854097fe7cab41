"""Ways out of nnsim for a trained network: a standalone NumPy file and ONNX.

Both take *raw* features (the data's own units) and give the network's outputs, so the
standardization the network was trained behind travels with it: ``(x - mean) / std`` with
the ``Standardizer``'s mean and std (float64; equal to its exact power-of-two transform to
about 1e-16 of mean / std), or nothing when there is no standardizer.

``numpy_source`` writes Python that needs NumPy only (and the standard library's ``csv``
when run as a script). ``onnx_bytes`` builds an ONNX graph (float64 throughout, opset
``ONNX_OPSET``): ``Sub``/``Div`` for the standardization, then per layer a ``Gemm`` and its
activation node; the step is ``Greater(z, threshold)`` cast back to numbers. The ``onnx``
package is optional (``pip install "nnsim[onnx]"``) and imported only inside
``onnx_bytes``; without it ``OnnxMissingError`` says how to get it.
"""

from __future__ import annotations

import numpy as np

from nnsim.core.network import Network

ONNX_OPSET = 17  # Gemm, Softmax(axis) and Greater as today's runtimes read them
ONNX_IR_VERSION = 8  # the IR that opset 17 shipped with: older onnxruntime builds open it too
ONNX_MISSING = ('ONNX export needs the optional package "onnx", which is not installed. '
                'Install it with: pip install "nnsim[onnx]"')


class OnnxMissingError(ImportError):
    """The optional ``onnx`` package is not installed (message: ``ONNX_MISSING``)."""


def _scaling(standardizer) -> tuple[np.ndarray, np.ndarray] | None:
    if standardizer is None or not getattr(standardizer, "fitted", True):
        return None
    return np.asarray(standardizer.mean, dtype=np.float64), np.asarray(standardizer.std, dtype=np.float64)


def _check(network: Network, scaling) -> None:
    if not np.all(np.isfinite(network.params)):
        raise ValueError("the network has NaN or infinite weights or biases: it cannot be exported")
    if scaling is not None:
        mean, std = scaling
        if mean.shape != (network.layer_sizes[0],) or std.shape != mean.shape:
            raise ValueError(f"the standardizer has {mean.size} features but the network has "
                             f"{network.layer_sizes[0]} inputs")
        if not (np.all(np.isfinite(mean)) and np.all(np.isfinite(std)) and np.all(std > 0)):
            raise ValueError("the standardizer's mean and std must be finite, the std above 0")


# ------------------------------------------------------------------------------ NumPy
_SOURCE_TEMPLATE = '''"""A neural network exported from nnsim: layers {sizes}, activations {activations}.

Needs only NumPy. ``predict(X)`` takes raw features (n, {n_inputs}) in the data's own units
and returns the outputs (n, {n_outputs}). Run as a script with the path of a CSV file (a
header row, then one row per example{columns_note}) to print one prediction per row.
"""

import csv
import sys

import numpy as np

FEATURE_NAMES = {feature_names!r}
CLASS_NAMES = {class_names!r}
THRESHOLD = {threshold!r}  # the step activation switches on above it
MEAN = {mean}  # standardization learned from the training data (None: raw inputs)
STD = {std}
ACTIVATIONS = {activations!r}
WEIGHTS = [
{weights}]
BIASES = [
{biases}]


def _activate(name, z):
    if name == "step":
        return (z > THRESHOLD).astype(np.float64)
    if name == "sigmoid":
        return (1.0 + np.tanh(z * 0.5)) * 0.5  # = 1 / (1 + exp(-z)), never overflows
    if name == "tanh":
        return np.tanh(z)
    if name == "relu":
        return np.maximum(z, 0.0)
    if name == "softmax":
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)
    return z  # linear


def predict(X):
    """Outputs (n, {n_outputs}) for raw features X (n, {n_inputs})."""
    a = np.asarray(X, dtype=np.float64).reshape(-1, {n_inputs})
    if MEAN is not None:
        a = (a - np.array(MEAN)) / np.array(STD)
    for W, b, name in zip(WEIGHTS, BIASES, ACTIVATIONS):
        a = _activate(name, a @ np.array(W, dtype=np.float64).reshape(-1, len(b)) + np.array(b))
    return a


def _read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = [row for row in csv.reader(f) if row and any(cell.strip() for cell in row)]
    header, rows = [cell.strip() for cell in rows[0]], rows[1:]
    if FEATURE_NAMES and all(name in header for name in FEATURE_NAMES):
        columns = [header.index(name) for name in FEATURE_NAMES]
    else:
        columns = list(range({n_inputs}))
    return np.array([[float(row[c]) for c in columns] for row in rows], dtype=np.float64).reshape(-1, {n_inputs})


def _label(outputs):
    if not CLASS_NAMES:
        return ",".join(repr(float(v)) for v in outputs)
    index = int(outputs[0] > 0.5) if len(outputs) == 1 else int(np.argmax(outputs))
    return CLASS_NAMES[index]


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python " + sys.argv[0] + " table.csv")
    for outputs in predict(_read_csv(sys.argv[1])):
        print(_label(outputs))
'''


def _rows(array: np.ndarray) -> str:
    """An array as Python list text; repr of a float reads back as the same float."""
    return "    " + repr(array.tolist()) + ",\n"


def numpy_source(network: Network, standardizer, feature_names=None, class_names=None) -> str:
    """A standalone Python file (text) that computes ``network`` on raw features.

    ``standardizer``: the data's ``Standardizer`` (``TrainingData.standardizer``) or None.
    ``feature_names`` lets the script pick its columns from a CSV header by name;
    ``class_names`` makes it print the predicted class instead of the output numbers.
    """
    scaling = _scaling(standardizer)
    _check(network, scaling)
    n_inputs, n_outputs = network.layer_sizes[0], network.layer_sizes[-1]
    return _SOURCE_TEMPLATE.format(
        sizes=list(network.layer_sizes), activations=list(network.activations), n_inputs=n_inputs,
        n_outputs=n_outputs, feature_names=list(feature_names or []), class_names=list(class_names or []),
        columns_note=", the feature columns first or named as in FEATURE_NAMES",
        threshold=float(network.threshold),
        mean="None" if scaling is None else repr(scaling[0].tolist()),
        std="None" if scaling is None else repr(scaling[1].tolist()),
        weights="".join(_rows(w) for w in network.weights), biases="".join(_rows(b) for b in network.biases))


# ------------------------------------------------------------------------------ ONNX
def onnx_bytes(network: Network, standardizer) -> bytes:
    """The network as a serialized ONNX model: input ``X`` (n, d) raw features (float64),
    output ``Y`` (n, k). Raises ``OnnxMissingError`` when ``onnx`` is not installed."""
    try:
        import onnx
        from onnx import TensorProto, helper, numpy_helper
    except ImportError:
        raise OnnxMissingError(ONNX_MISSING) from None
    scaling = _scaling(standardizer)
    _check(network, scaling)
    nodes, initializers = [], []

    def constant(name: str, value) -> str:
        initializers.append(numpy_helper.from_array(np.asarray(value, dtype=np.float64), name))
        return name

    current = "X"
    if scaling is not None:
        nodes.append(helper.make_node("Sub", ["X", constant("mean", scaling[0])], ["centred"]))
        nodes.append(helper.make_node("Div", ["centred", constant("std", scaling[1])], ["standardized"]))
        current = "standardized"
    last = len(network.weights) - 1
    for l, (W, b, name) in enumerate(zip(network.weights, network.biases, network.activations)):
        z = f"z{l + 1}"
        out = "Y" if l == last else f"a{l + 1}"
        nodes.append(helper.make_node("Gemm", [current, constant(f"W{l + 1}", W), constant(f"b{l + 1}", b)], [z],
                                      name=f"layer{l + 1}"))
        if name == "step":
            nodes.append(helper.make_node("Greater", [z, constant(f"threshold{l + 1}", network.threshold)],
                                          [f"on{l + 1}"]))
            nodes.append(helper.make_node("Cast", [f"on{l + 1}"], [out], to=TensorProto.DOUBLE))
        elif name == "linear":
            nodes.append(helper.make_node("Identity", [z], [out]))
        elif name == "softmax":
            nodes.append(helper.make_node("Softmax", [z], [out], axis=1))
        else:
            nodes.append(helper.make_node({"sigmoid": "Sigmoid", "tanh": "Tanh", "relu": "Relu"}[name], [z], [out]))
        current = out
    graph = helper.make_graph(
        nodes, "nnsim_network",
        [helper.make_tensor_value_info("X", TensorProto.DOUBLE, ["n", network.layer_sizes[0]])],
        [helper.make_tensor_value_info("Y", TensorProto.DOUBLE, ["n", network.layer_sizes[-1]])],
        initializers)
    model = helper.make_model(graph, producer_name="nnsim", opset_imports=[helper.make_opsetid("", ONNX_OPSET)])
    model.ir_version = ONNX_IR_VERSION
    onnx.checker.check_model(model)
    return model.SerializeToString()
