"""File ▸ Export, through the menu's actions: what each file holds reproduces the engine."""

from __future__ import annotations

import builtins
import csv
import json
import subprocess
import sys

import numpy as np
import pytest
from PySide6.QtCore import QByteArray
from PySide6.QtGui import QAction, QImage
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from nnsim.ui.exporting import HISTORY_COLUMNS


@pytest.fixture
def save_as(monkeypatch):
    """save_as(path): the next save dialogs answer ``path`` (None: cancelled); returns the
    titles they were opened with."""
    asked = []
    answer = {"path": None}

    def dialog(parent, title, folder, filters, *args, **kwargs):
        asked.append(title)
        return (str(answer["path"]) if answer["path"] is not None else "", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))

    def choose(path):
        answer["path"] = path
        return asked

    return choose


@pytest.fixture
def errors(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text, *a: shown.append((title, text))))
    return shown


def export(window, name) -> QAction:
    menu = window.findChild(QMenu, "exportMenu")
    assert menu is not None and menu.menuAction() in window.findChild(QMenu, "fileMenu").actions()
    menu.aboutToShow.emit()  # as when the person opens it: what cannot be exported is greyed
    action = window.findChild(QAction, name)
    assert action in menu.actions() and action.isEnabled(), name
    action.trigger()
    return action


@pytest.fixture
def trained(window, qtbot):
    """The window after some epochs of training, paused, with the snapshots it received."""
    snapshots = []
    window.training.snapshotReceived.connect(snapshots.append)
    window.training.start()
    qtbot.waitUntil(lambda: window.training.epoch >= 12, timeout=10000)
    with qtbot.waitSignal(window.training.snapshotApplied, timeout=5000,
                          check_params_cb=lambda s: s.kind == "paused"):
        window.training.pause()
    qtbot.waitUntil(lambda: window.predictions.data is window.document.data, timeout=2000)
    return window, snapshots


def engine_outputs(window, raw):
    return window.network.forward(window.document.data.transform(raw), dtype=np.float64)


def test_the_python_file_reproduces_the_engine_in_another_process(trained, save_as, tmp_path):
    window, _ = trained
    path = tmp_path / "iris_model.py"
    save_as(path)
    export(window, "exportPythonAction")
    raw = window.document.data.dataset.X
    driver = ("import json, runpy, sys; import numpy as np; m = runpy.run_path(sys.argv[1]); "
              "print(json.dumps(m['predict'](np.array(json.loads(sys.stdin.read()))).tolist()))")
    done = subprocess.run([sys.executable, "-c", driver, str(path)], input=json.dumps(raw.tolist()),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    np.testing.assert_allclose(np.array(json.loads(done.stdout)), engine_outputs(window, raw), rtol=0, atol=1e-6)
    # and as a script on the exported data table: one class name per row, the window's answers
    table = tmp_path / "flowers.csv"
    save_as(table)
    export(window, "exportDataCsvAction")
    done = subprocess.run([sys.executable, str(path), str(table)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    names = window.document.data.dataset.class_names
    assert done.stdout.splitlines() == [names[k] for k in window.predictions.predictions.classes]


def test_the_onnx_file_reproduces_the_engine(trained, save_as, tmp_path):
    ort = pytest.importorskip("onnxruntime")
    window, _ = trained
    path = tmp_path / "iris.onnx"
    save_as(path)
    export(window, "exportOnnxAction")
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    raw = window.document.data.dataset.X
    np.testing.assert_allclose(session.run(["Y"], {"X": raw})[0], engine_outputs(window, raw), rtol=0, atol=1e-6)


def test_without_onnx_a_clear_message_and_no_file(window, save_as, errors, tmp_path, monkeypatch):
    real_import = builtins.__import__

    def no_onnx(name, *args, **kwargs):
        if name == "onnx" or name.startswith("onnx."):
            raise ModuleNotFoundError("No module named 'onnx'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_onnx)
    path = tmp_path / "net.onnx"
    asked = save_as(path)
    export(window, "exportOnnxAction")
    assert not path.exists() and asked == []  # said at once, before any file is chosen
    ((title, text),) = errors
    assert title == "ONNX is not installed" and 'pip install "nnsim[onnx]"' in text


def test_the_graph_as_png_and_svg(window, save_as, tmp_path):
    from PySide6.QtSvg import QSvgRenderer

    png, svg = tmp_path / "graph.png", tmp_path / "graph"
    save_as(png)
    export(window, "exportGraphPngAction")
    image = QImage(str(png))
    assert png.stat().st_size > 1000 and not image.isNull()
    rect = window.network_view.scene().sceneRect()
    assert (image.width(), image.height()) == (round(rect.width() * 2), round(rect.height() * 2))
    save_as(svg)  # no suffix typed: ".svg" is added
    export(window, "exportGraphSvgAction")
    svg = tmp_path / "graph.svg"
    data = svg.read_bytes()
    assert len(data) > 1000 and b"<svg" in data and b"setosa" in data  # the output's name, as text
    assert QSvgRenderer(QByteArray(data)).isValid()


@pytest.mark.parametrize("name", ["exportLossPngAction", "exportAccuracyPngAction", "exportBoundaryPngAction"])
def test_each_plot_and_picture_as_png(shown_window, save_as, tmp_path, name):
    path = tmp_path / f"{name}.png"
    save_as(path)
    export(shown_window, name)
    image = QImage(str(path))
    assert not image.isNull() and image.width() > 100 and image.height() > 100


def test_the_history_csv_is_the_engine_history(trained, save_as, tmp_path):
    window, snapshots = trained
    path = tmp_path / "history.csv"
    save_as(path)
    export(window, "exportHistoryCsvAction")
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert tuple(rows[0].keys()) == HISTORY_COLUMNS
    losses = [(float(r["epoch"]), float(r["train_loss"])) for r in rows if r["train_loss"]]
    expected = [(float(e), float(v)) for s in snapshots for e, v in zip(s.epochs, s.train_loss)]
    assert losses == expected and len(losses) >= 12
    evaluations = [tuple(float(r[k]) if r[k] else np.nan for k in HISTORY_COLUMNS if k != "train_loss")
                   for r in rows if not r["train_loss"]]
    wanted = [(float(x), a, b, c, d) for s in snapshots
              for x, a, b, c, d in zip(s.eval_epochs, s.eval_train_loss, s.test_loss, s.train_accuracy,
                                       s.test_accuracy)]
    np.testing.assert_array_equal(np.array(evaluations), np.array(wanted))
    assert len(wanted) >= 1


def test_the_data_csv_holds_the_rows_and_the_answers(trained, save_as, tmp_path):
    window, _ = trained
    path = tmp_path / "data.csv"
    save_as(path)
    export(window, "exportDataCsvAction")
    data, predictions = window.document.data, window.predictions.predictions
    ds = data.dataset
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, rows = rows[0], rows[1:]
    assert header == ds.feature_names + ["class", "part", "predicted_class", "probability"]
    assert len(rows) == ds.n_samples
    np.testing.assert_array_equal(np.array([[float(v) for v in r[:4]] for r in rows]), ds.X)
    assert [r[4] for r in rows] == [ds.class_names[k] for k in ds.y]
    parts = np.array([r[5] for r in rows])
    assert set(np.flatnonzero(parts == "test")) == set(int(i) for i in data.test_index)
    assert [r[6] for r in rows] == [ds.class_names[k] for k in predictions.classes]
    np.testing.assert_array_equal(np.array([float(r[7]) for r in rows]), predictions.probability)


def test_a_regression_data_csv_holds_the_predicted_values(window, save_as, tmp_path):
    from nnsim.core import load_dataset
    from nnsim.core.training_data import default_network, prepare_data

    data = prepare_data(load_dataset("curve", seed=1))
    window.document.set_data(data, default_network(data), user=False)
    window.predictions.refresh()
    path = tmp_path / "curve.csv"
    save_as(path)
    export(window, "exportDataCsvAction")
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0][-1].startswith("predicted_")
    np.testing.assert_array_equal(np.array([float(r[-1]) for r in rows[1:]]),
                                  window.predictions.predictions.values[:, 0])


def test_a_failed_write_says_so_and_writes_nothing(window, save_as, errors, tmp_path):
    path = tmp_path / "no such folder" / "graph.png"
    save_as(path)
    export(window, "exportGraphPngAction")
    assert not path.exists()
    ((title, text),) = errors
    assert title == "Could not export" and str(path) in text


def test_a_failed_write_keeps_the_old_file(window, save_as, errors, tmp_path, monkeypatch):
    from PySide6.QtCore import QSaveFile

    path = tmp_path / "model.py"
    path.write_text("the old file", encoding="utf-8")
    monkeypatch.setattr(QSaveFile, "commit", lambda self: False)  # the disk fills up at the end
    save_as(path)
    export(window, "exportPythonAction")
    assert path.read_text(encoding="utf-8") == "the old file"
    assert errors and errors[0][0] == "Could not export"


def test_a_cancelled_dialog_writes_nothing(window, save_as, errors, tmp_path):
    save_as(None)
    export(window, "exportHistoryCsvAction")
    assert list(tmp_path.iterdir()) == [tmp_path / "settings"] or list(tmp_path.iterdir()) == []
    assert errors == []


def test_a_network_with_nan_weights_is_refused_with_the_reason(window, save_as, errors, tmp_path):
    params = window.document.network.params.copy()
    params[0] = np.nan
    window.document.apply_parameters(params)
    path = tmp_path / "bad.py"
    save_as(path)
    export(window, "exportPythonAction")
    assert not path.exists()
    assert errors and "NaN" in errors[0][1]
