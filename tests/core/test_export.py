"""Exported networks compute what the engine computes: the standalone NumPy file (imported
and run as a script) and ONNX (in onnxruntime), on raw inputs, to 1e-6, for every
activation nnsim has and for classification and regression networks."""

from __future__ import annotations

import builtins
import importlib.util
import subprocess
import sys

import numpy as np
import pytest

from nnsim.core import load_dataset
from nnsim.core.activations import ACTIVATIONS
from nnsim.core.export import ONNX_MISSING, OnnxMissingError, numpy_source, onnx_bytes
from nnsim.core.network import Network
from nnsim.core.trainer import Trainer, TrainingSettings
from nnsim.core.training_data import default_network, prepare_data

HIDDEN = [a for a in ACTIVATIONS if a != "softmax"]
#: (hidden activation, output activation): every activation appears, at both places where it may
CASES = [(h, "softmax") for h in HIDDEN] + [("tanh", o) for o in HIDDEN]

RAW = np.random.default_rng(7).normal(loc=[5.0, -300.0, 0.01], scale=[1.0, 50.0, 0.002], size=(40, 3))


class FakeStandardizer:
    fitted = True
    mean = np.array([5.0, -300.0, 0.01])
    std = np.array([1.0, 50.0, 0.002])


def engine_outputs(network, standardizer, X):
    scaled = X if standardizer is None else (X - standardizer.mean) / standardizer.std
    return network.forward(scaled, dtype=np.float64)


def exported_module(source: str, tmp_path, name="exported"):
    path = tmp_path / f"{name}.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module, path


def network_for(hidden: str, output: str, seed: int = 3) -> Network:
    net = Network([3, 5, 4, 2], [hidden, hidden, output], seed=seed)
    return net.with_threshold(0.1) if "step" in (hidden, output) else net


@pytest.mark.parametrize("hidden, output", CASES)
def test_numpy_source_reproduces_the_engine(hidden, output, tmp_path):
    net = network_for(hidden, output)
    module, _ = exported_module(numpy_source(net, FakeStandardizer()), tmp_path)
    expected = engine_outputs(net, FakeStandardizer(), RAW)
    got = module.predict(RAW)
    assert got.shape == (40, 2)
    np.testing.assert_allclose(got, expected, rtol=0, atol=1e-6)
    if "step" in (hidden, output):  # the step is really exercised: some nodes on, some off
        trace = net.trace((RAW - FakeStandardizer.mean) / FakeStandardizer.std)
        for layer in [l + 1 for l, name in enumerate(net.activations) if name == "step"]:
            on = trace.activations[layer]
            assert 0 < np.count_nonzero(on) < on.size


@pytest.mark.parametrize("hidden, output", CASES)
def test_onnx_reproduces_the_engine(hidden, output):
    ort = pytest.importorskip("onnxruntime")
    net = network_for(hidden, output)
    session = ort.InferenceSession(onnx_bytes(net, FakeStandardizer()), providers=["CPUExecutionProvider"])
    got = session.run(["Y"], {"X": RAW})[0]
    np.testing.assert_allclose(got, engine_outputs(net, FakeStandardizer(), RAW), rtol=0, atol=1e-6)


def trained_iris():
    data = prepare_data(load_dataset("iris"), 0.3, 0)
    trainer = Trainer(default_network(data), data, TrainingSettings(learning_rate=0.1, seed=1))
    trainer.train_epochs(5)
    return trainer.network, data


def trained_curve():
    data = prepare_data(load_dataset("curve", seed=2), 0.2, 0)
    trainer = Trainer(default_network(data), data, TrainingSettings(learning_rate=0.05, seed=1))
    trainer.train_epochs(5)
    return trainer.network, data


@pytest.mark.parametrize("make", [trained_iris, trained_curve], ids=["classification", "regression"])
def test_trained_networks_export_with_their_data_standardizer(make, tmp_path):
    ort = pytest.importorskip("onnxruntime")
    net, data = make()
    raw = data.dataset.X
    expected = net.forward(data.transform(raw), dtype=np.float64)
    module, _ = exported_module(numpy_source(net, data.standardizer), tmp_path)
    np.testing.assert_allclose(module.predict(raw), expected, rtol=0, atol=1e-6)
    session = ort.InferenceSession(onnx_bytes(net, data.standardizer), providers=["CPUExecutionProvider"])
    np.testing.assert_allclose(session.run(["Y"], {"X": raw})[0], expected, rtol=0, atol=1e-6)


def test_without_a_standardizer_the_inputs_go_in_as_they_are(tmp_path):
    ort = pytest.importorskip("onnxruntime")
    net = Network([3, 2], ["sigmoid"], seed=1)
    X = RAW / 100
    module, _ = exported_module(numpy_source(net, None), tmp_path)
    np.testing.assert_allclose(module.predict(X), net.forward(X, dtype=np.float64), rtol=0, atol=1e-6)
    session = ort.InferenceSession(onnx_bytes(net, None), providers=["CPUExecutionProvider"])
    np.testing.assert_allclose(session.run(["Y"], {"X": X})[0], net.forward(X, dtype=np.float64), atol=1e-6)


def test_the_script_prints_one_prediction_per_csv_row(tmp_path):
    net, data = trained_iris()
    names = data.dataset.feature_names
    source = numpy_source(net, data.standardizer)
    _, script = exported_module(source, tmp_path, "iris_model")
    rows = data.dataset.X[:12]
    table = tmp_path / "flowers.csv"
    table.write_text(",".join(names) + "\n" + "".join(",".join(repr(float(v)) for v in r) + "\n" for r in rows),
                     encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), str(table)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    printed = np.array([[float(v) for v in line.split(",")] for line in done.stdout.splitlines()])
    np.testing.assert_allclose(printed, net.forward(data.transform(rows), dtype=np.float64), rtol=0, atol=1e-6)


def test_the_script_picks_named_columns_and_prints_class_names(tmp_path):
    net, data = trained_iris()
    names = data.dataset.feature_names
    source = numpy_source(net, data.standardizer, feature_names=names, class_names=data.dataset.class_names)
    _, script = exported_module(source, tmp_path, "iris_named")
    rows = data.dataset.X[::15]
    # the columns in another order and a target column beside them: picked by name
    order = [2, 0, 3, 1]
    table = tmp_path / "shuffled.csv"
    table.write_text("species," + ",".join(names[i] for i in order) + "\n"
                     + "".join("x," + ",".join(repr(float(r[i])) for i in order) + "\n" for r in rows), encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), str(table)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    expected = [data.dataset.class_names[k] for k in net.predict_classes(data.transform(rows))]
    assert done.stdout.splitlines() == expected


def test_the_exported_file_needs_only_numpy():
    source = numpy_source(Network([2, 1], ["step"], seed=0), None)
    imports = sorted({line.split()[1] for line in source.splitlines() if line.startswith(("import ", "from "))})
    assert imports == ["csv", "numpy", "sys"]


def test_onnx_missing_gives_the_clear_message(monkeypatch):
    real_import = builtins.__import__

    def no_onnx(name, *args, **kwargs):
        if name == "onnx" or name.startswith("onnx."):
            raise ModuleNotFoundError("No module named 'onnx'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_onnx)
    with pytest.raises(OnnxMissingError) as caught:
        onnx_bytes(Network([2, 1], ["sigmoid"], seed=0), None)
    assert str(caught.value) == ONNX_MISSING
    assert 'pip install "nnsim[onnx]"' in str(caught.value)


def test_the_engine_does_not_import_onnx_until_asked():
    code = "import sys, nnsim.core.export, nnsim.core.document; print('onnx' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "False"


def test_a_network_with_nan_weights_is_refused():
    net = Network([2, 1], ["sigmoid"], seed=0)
    net.weights[0][0, 0] = np.nan
    with pytest.raises(ValueError, match="NaN or infinite"):
        numpy_source(net, None)
    with pytest.raises(ValueError, match="NaN or infinite"):
        onnx_bytes(net, None)
