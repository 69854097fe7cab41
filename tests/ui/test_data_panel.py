"""The data panel: switching data set adapts the network; bad files change nothing."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QMessageBox, QPushButton, QTableView, QWidget

from nnsim.core import DATASETS, Network, load_dataset
from nnsim.core.training_data import default_network, prepare_data
from nnsim.ui.panels.data_panel import DataPanel
from nnsim.model.document import NetworkDocument


@pytest.fixture
def document(qapp):
    data = prepare_data(load_dataset("iris"))
    return NetworkDocument(default_network(data, seed=0), data)


@pytest.fixture
def panel(qtbot, document):
    p = DataPanel(document)
    qtbot.addWidget(p)
    return p


@pytest.fixture
def warnings(monkeypatch):
    """Every QMessageBox.warning as (title, text), instead of a modal dialog."""
    shown = []

    def fake(parent, title, text, *args, **kwargs):
        shown.append((title, text))
        return QMessageBox.Ok

    monkeypatch.setattr(QMessageBox, "warning", fake)
    return shown


def choose(panel, name):
    combo = panel.findChild(QComboBox, "datasetCombo")
    index = combo.findData(name)
    assert index >= 0, name
    combo.setCurrentIndex(index)


def test_combo_lists_the_data_sets_with_descriptions(panel):
    combo = panel.findChild(QComboBox, "datasetCombo")
    keys = [combo.itemData(i) for i in range(combo.count())]
    assert keys[:8] == ["iris", "xor", "circles", "gaussians", "spiral", "moons", "curve", "plane"]
    for name in keys[:8]:  # the engine's own titles and descriptions (in English here)
        index = combo.findData(name)
        assert combo.itemText(index) == DATASETS[name].title
        assert combo.itemData(index, Qt.ToolTipRole) == DATASETS[name].description
    assert combo.itemText(combo.findData("xor")) == "XOR"
    assert combo.itemData(combo.findData("moons"), Qt.ToolTipRole) == "2-D, two interleaved half circles"
    assert keys[-1] == "__open_csv__"
    assert combo.currentData() == "iris"
    assert panel.findChild(QLabel, "datasetDescription").text() == DATASETS["iris"].description


def test_every_control_is_named(panel):
    for cls, name in [(QComboBox, "datasetCombo"), (QPushButton, "openCsvButton"),
                      (QWidget, "noiseSpin"), (QWidget, "samplesSpin"),
                      (QPushButton, "newPointsButton"), (QTableView, "sampleTable")]:
        w = panel.findChild(cls, name)
        assert w is not None, name
        assert w.accessibleName() and w.toolTip(), name


def test_switching_to_xor_adapts_the_network_and_keeps_hidden_weights(panel, document, qtbot):
    old = document.network.copy()
    order = []
    document.dataChanged.connect(lambda: order.append("changed"))
    choose(panel, "xor")
    net = document.network
    assert net.layer_sizes == [2, 8, 8, 2]
    assert document.data.dataset.name == "xor" and document.data.n_classes == 2
    assert net.activations[-1] == "softmax"
    np.testing.assert_array_equal(net.weights[1], old.weights[1])
    np.testing.assert_array_equal(net.weights[0], old.weights[0][:2])
    np.testing.assert_array_equal(net.weights[2], old.weights[2][:, :2])
    assert order == ["changed"]  # one announcement, the document's: the training follows it
    assert not hasattr(panel, "dataAboutToChange")  # the panel's own, never heard, is gone
    assert panel.findChild(QWidget, "generatorControls").isVisibleTo(panel)

    choose(panel, "iris")
    assert document.network.layer_sizes == [4, 8, 8, 3]
    assert document.data.n_classes == 3
    np.testing.assert_array_equal(document.network.weights[1], old.weights[1])
    assert not panel.findChild(QWidget, "generatorControls").isVisibleTo(panel)


def test_regression_set_gets_a_linear_output(panel, document):
    choose(panel, "plane")
    assert document.network.layer_sizes == [2, 8, 8, 1]
    assert document.network.activations[-1] == "linear"
    assert not document.data.is_classification


def test_noise_and_size_regenerate_the_points_and_keep_the_network(panel, document):
    choose(panel, "circles")
    net = document.network.copy()
    first = document.data.dataset.X.copy()
    panel.noiseSpin.setValue(0.3)
    assert document.data.dataset.X.shape == first.shape and not np.allclose(document.data.dataset.X, first)
    assert document.network == net  # same structure: every weight kept
    panel.samplesSpin.setValue(120)
    assert document.data.dataset.n_samples == 120
    before = document.data.dataset.X.copy()
    panel.newPointsButton.click()
    assert document.data.dataset.n_samples == 120 and not np.allclose(document.data.dataset.X, before)
    assert panel.datasetCombo.currentData() == "circles"


def test_bad_csv_warns_with_the_line_and_changes_nothing(panel, document, warnings, tmp_path):
    path = tmp_path / "plants.csv"
    path.write_text("height,width,species\n1.0,2.0,rose\n3.0,4.0\n5.0,6.0,tulip\n")
    net, data, sample = document.network, document.data, document.sample
    params = net.params.copy()
    changed = []
    document.dataChanged.connect(lambda: changed.append(1))
    assert panel.open_csv(path) is False
    assert len(warnings) == 1
    title, text = warnings[0]
    assert title == "Could not use the data"
    assert text == ("nnsim could not use “plants.csv”:\n\n"
                    "plants.csv, line 3: this row has 2 values but the header has 3 columns\n\n"
                    "Nothing was changed.")
    assert document.network is net and np.array_equal(document.network.params, params)
    assert document.data is data
    np.testing.assert_array_equal(document.sample, sample)
    assert changed == []
    assert panel.datasetCombo.currentData() == "iris"


def test_missing_file_warns(panel, document, warnings, tmp_path):
    data = document.data
    assert panel.open_csv(tmp_path / "nope.csv") is False
    missing = tmp_path / "nope.csv"
    assert warnings == [("Could not use the data",
                         f"nnsim could not use “nope.csv”:\n\nfile not found: {missing}\n\nNothing was changed.")]
    assert document.data is data


def test_good_csv_switches_to_it(panel, document, warnings, tmp_path):
    path = tmp_path / "fruit.csv"
    rows = ["weight,diameter,colour,kind"]
    rng = np.random.default_rng(0)
    for k in range(30):
        kind = ["apple", "pear", "plum"][k % 3]
        rows.append(f"{rng.uniform(50, 200):.1f},{rng.uniform(3, 9):.2f},{rng.uniform(0, 1):.2f},{kind}")
    path.write_text("\n".join(rows) + "\n")
    assert panel.open_csv(path) is True
    assert warnings == []
    assert document.data.dataset.feature_names == ["weight", "diameter", "colour"]
    assert document.network.layer_sizes == [3, 8, 8, 3]
    assert panel.datasetCombo.currentData() == f"csv:{path}"
    assert panel.datasetCombo.currentText() == "File: fruit.csv"
    assert panel.model.rowCount() == 30
    # and back to a built-in set
    choose(panel, "moons")
    assert document.network.layer_sizes == [2, 8, 8, 2]


def test_selecting_a_row_sets_the_sample(panel, document):
    table = panel.findChild(QTableView, "sampleTable")
    assert table.model().rowCount() == 150
    table.selectRow(100)
    assert document.sample_index == 100
    np.testing.assert_allclose(document.sample, document.data.transform(document.data.dataset.X[100:101])[0])


def test_table_follows_the_sample_chosen_elsewhere(panel, document):
    document.set_sample_index(42)
    rows = panel.sampleTable.selectionModel().selectedRows()
    assert [r.row() for r in rows] == [42]
    document.set_sample([0.0, 0.0, 0.0, 0.0])
    assert panel.sampleTable.selectionModel().selectedRows() == []


def test_table_shows_raw_values_class_and_split(panel, document):
    model = panel.model
    ds = document.data.dataset
    assert model.columnCount() == 4 + 2
    assert model.data(model.index(0, 0)) == f"{ds.X[0, 0]:.4g}"
    assert model.data(model.index(0, 4)) == ds.class_names[ds.y[0]]
    test_rows = set(document.data.test_index.tolist())
    assert model.data(model.index(next(iter(test_rows)), 5)) == "test"


def test_data_set_changed_elsewhere_updates_the_panel(panel, document):
    data = prepare_data(load_dataset("spiral"))
    document.set_data(data, default_network(data))
    assert panel.datasetCombo.currentData() == "spiral"
    assert panel.model.rowCount() == data.dataset.n_samples


def test_network_without_data_then_a_data_set(qtbot):
    doc = NetworkDocument(Network([2, 1], ["step"]), None)
    p = DataPanel(doc)
    qtbot.addWidget(p)
    assert p.datasetCombo.currentIndex() == -1 and p.model.rowCount() == 0
    p.select_dataset("gaussians")
    assert doc.network.layer_sizes == [2, 2] and doc.data.dataset.name == "gaussians"


def test_open_csv_entry_asks_for_a_file(panel, document, qtbot, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    path = tmp_path / "two.csv"
    path.write_text("a,b,label\n" + "".join(f"{k},{k % 7},{'yes' if k % 2 else 'no'}\n" for k in range(20)))
    answers = iter([("", ""), (str(path), "")])  # first cancelled, then a file
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: next(answers))
    data = document.data
    choose(panel, "__open_csv__")
    assert panel.datasetCombo.currentData() == "iris"  # the entry is an action, not a state
    qtbot.wait(20)
    assert document.data is data  # cancelled: nothing changed
    choose(panel, "__open_csv__")
    qtbot.waitUntil(lambda: panel.import_dialog is not None, timeout=1000)  # the import dialog opens
    assert document.data is data  # nothing is loaded before its Load
    panel.import_dialog.loadButton.click()
    qtbot.waitUntil(lambda: document.data is not data, timeout=3000)
    assert document.data.dataset.feature_names == ["a", "b"]
    assert document.network.layer_sizes == [2, 8, 8, 2]
    assert panel.datasetCombo.currentData() == f"csv:{path}"


def test_new_data_is_split_with_the_training_test_fraction(qtbot, document):
    panel = DataPanel(document, test_fraction=lambda: 0.5)
    qtbot.addWidget(panel)
    choose(panel, "xor")
    assert len(document.data.test_index) == 100


def big_table(path, rows, bad_row=None):
    lines = ["length,width,kind"]
    for k in range(rows):
        lines.append(f"{k % 97 / 10:.1f},{k % 89 / 10:.1f},{'ab'[k % 2]}")
    if bad_row is not None:
        lines[bad_row] = "1.0,oops,a"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert path.stat().st_size >= 1024 * 1024
    return path


def test_a_big_table_is_read_in_the_background(qtbot, panel, document, tmp_path):
    path = big_table(tmp_path / "big.csv", 120_000)
    with qtbot.waitSignal(panel.csvLoaded, timeout=30_000) as outcome:
        assert panel.open_csv(path) is True
        # meanwhile the window goes on: the old data is there, the panel waits
        assert panel.loading is not None and not panel.isEnabled()
        assert document.data.dataset.name == "iris"
        assert panel.summary.text() == "Reading big.csv…"
    assert outcome.args == [True]
    assert document.data.n_inputs == 2 and len(document.data.dataset.X) == 120_000
    assert panel.loading is None and panel.isEnabled()


def test_a_big_table_with_a_bad_row_is_refused_and_changes_nothing(qtbot, panel, document, warnings, tmp_path):
    path = big_table(tmp_path / "bad.csv", 120_000, bad_row=70_000)
    network = document.network.params.copy()
    with qtbot.waitSignal(panel.csvLoaded, timeout=30_000) as outcome:
        panel.open_csv(path)
    assert outcome.args == [False]
    assert document.data.dataset.name == "iris" and np.array_equal(document.network.params, network)
    assert len(warnings) == 1 and "70001" in warnings[0][1].replace(",", "")  # the line is named
    assert panel.isEnabled()


@pytest.mark.parametrize("encoding, codec, shown", [("utf-8", "utf-8", "UTF-8"), ("cp1252", "cp1252", "Windows-1252"),
                                                   ("utf-16", "utf-16", "UTF-16")])
def test_the_panel_says_which_encoding_a_table_was_read_as(panel, tmp_path, encoding, codec, shown):
    path = tmp_path / "niños.csv"
    path.write_bytes("altura,peso,niño\n1.2,30,sí\n1.4,35,no\n1.1,28,sí\n1.5,40,no\n".encode(codec))
    assert panel.open_csv(path)
    assert panel.description.text() == f"Your table “niños”. Read as {shown} text."
    assert list(panel._document.data.dataset.class_names) == ["sí", "no"]  # the accents read right
