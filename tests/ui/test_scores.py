""""How good is it?" on screen: the scores beside the loss plot, the confusion matrix, the
data table's predicted column and What if?, each against the engine's own numbers."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QPushButton, QTableWidget

from nnsim.core.scores import answer_probability, regression_scores
from nnsim.core.trainer import Trainer
from nnsim.ui.language import remove_translators
from nnsim.ui.number_spin import NumberSpin, compact_number


def step(qtbot, window):
    """One epoch in the training thread; returns once the step's snapshot is shown."""
    with qtbot.waitSignal(window.training.snapshotApplied, timeout=5000,
                          check_params_cb=lambda s: s.kind == "step"):
        window.training.step()


def engine_metrics(window):
    """What the engine says of the window's network (a fresh trainer's evaluation)."""
    return Trainer(window.network.copy(), window.document.data).evaluate()


def pct(fraction, comma=False):
    text = f"{100 * fraction:.1f} %"
    return text.replace(".", ",") if comma else text


def num(value, comma=False):
    text = compact_number(f"{value:.4g}")
    return text.replace(".", ",") if comma else text


def label(window) -> QLabel:
    found = window.findChild(QLabel, "accuracyLabel")
    assert found is not None
    return found


def matrix(window) -> QTableWidget:
    found = window.findChild(QTableWidget, "confusionMatrix")
    assert found is not None
    return found


def shown_counts(table: QTableWidget) -> np.ndarray:
    k = table.rowCount()
    return np.array([[int(table.item(t, p).text()) for p in range(k)] for t in range(k)])


def engine_counts(window, part):
    data, net = window.document.data, window.network
    X, y = (data.X_test, data.y_test) if part == "test" else (data.X_train, data.y_train)
    predicted = net.predict_classes(X)
    k = len(data.dataset.class_names)
    counts = np.zeros((k, k), dtype=int)
    for t, p in zip(y, predicted):
        counts[t, p] += 1
    return counts


# ------------------------------------------------------------------ the scores
def test_accuracy_label_shows_the_engines_accuracy_and_follows_an_edit(qtbot, window):
    step(qtbot, window)
    m = engine_metrics(window)
    want = f"Accuracy: train {pct(m.train_accuracy)}, test {pct(m.test_accuracy)}"
    qtbot.waitUntil(lambda: label(window).summary == want, timeout=3000)
    assert pct(m.train_accuracy) in label(window).text() and pct(m.test_accuracy) in label(window).text()
    # paused: a weight the user changes changes the scores at once (from the document's network)
    window.document.set_weight(2, 0, 0, -40.0)
    window.document.set_weight(2, 1, 1, -40.0)
    m2 = engine_metrics(window)
    assert (m2.train_accuracy, m2.test_accuracy) != (m.train_accuracy, m.test_accuracy)
    want = f"Accuracy: train {pct(m2.train_accuracy)}, test {pct(m2.test_accuracy)}"
    qtbot.waitUntil(lambda: label(window).summary == want, timeout=3000)


def test_regression_shows_rmse_and_r2_equal_to_numpy(qtbot, window):
    assert window.data_panel.select_dataset("curve")
    step(qtbot, window)
    data, net = window.document.data, window.network
    values = []
    for X, part in ((data.X_train, "train"), (data.X_test, "test")):
        out, y = net.forward(X), data.targets(part)
        rmse = np.sqrt(np.mean((out - y) ** 2))
        r2 = 1 - ((y - out) ** 2).sum() / ((y - y.mean()) ** 2).sum()
        assert regression_scores(out, y) == pytest.approx((rmse, r2), rel=1e-12)
        values.append((rmse, r2))
    (train_rmse, train_r2), (test_rmse, test_r2) = values
    want = (f"RMSE: train {num(train_rmse)}, test {num(test_rmse)}; "
            f"R²: train {num(train_r2)}, test {num(test_r2)}")
    qtbot.waitUntil(lambda: label(window).summary == want, timeout=3000)
    # the engine's own evaluation says the same
    m = engine_metrics(window)
    assert (num(m.train_rmse), num(m.test_rmse), num(m.train_r2), num(m.test_r2)) == \
        (num(train_rmse), num(test_rmse), num(train_r2), num(test_r2))
    # numbers have no confusion matrix: the panel says so instead
    assert not matrix(window).isVisibleTo(window.confusion_panel)
    assert "predicts numbers" in window.confusion_panel.total.text()


# ------------------------------------------------------------------ the confusion matrix
@pytest.mark.parametrize("dataset", ["iris", "xor"])
def test_confusion_counts_are_the_engines_on_the_chosen_part(qtbot, window, dataset):
    if dataset != "iris":
        assert window.data_panel.select_dataset(dataset)
    step(qtbot, window)
    table = matrix(window)
    switch = window.findChild(QComboBox, "confusionPartSwitch")
    data = window.document.data
    for part, size in (("test", len(data.test_index)), ("train", len(data.train_index))):
        switch.setCurrentIndex(switch.findData(part))
        qtbot.waitUntil(lambda: table.rowCount() == len(data.dataset.class_names)
                        and np.array_equal(shown_counts(table), engine_counts(window, part)), timeout=3000)
        assert shown_counts(table).sum() == size
        k = table.rowCount()
        for t in range(k):  # the last column: the share of each class the network gets right
            row_total = engine_counts(window, part)[t].sum()
            want = f"{100 * engine_counts(window, part)[t, t] / row_total:.0f} %" if row_total else "—"
            assert table.item(t, k).text() == want
            assert table.item(t, t).font().bold() and not table.item(t, (t + 1) % k).font().bold()


def test_clicking_a_cell_selects_exactly_its_examples(qtbot, window):
    window.show()
    qtbot.waitExposed(window)
    window.confusion_dock.raise_()
    step(qtbot, window)
    table = matrix(window)
    qtbot.waitUntil(lambda: table.rowCount() == 3, timeout=3000)
    data, net = window.document.data, window.network
    predicted = net.predict_classes(data.transform(data.dataset.X))
    test_rows = set(data.test_index.tolist())
    for t, p in ((0, 0), (1, 2), (2, 2), (1, 1)):
        want = [r for r in range(150) if r in test_rows and data.dataset.y[r] == t and predicted[r] == p]
        rect = table.visualItemRect(table.item(t, p))
        qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=rect.center())
        assert window.data_panel.selected_rows() == want
    # the "right" column selects the whole class of that part
    rect = table.visualItemRect(table.item(1, 3))
    qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=rect.center())
    assert window.data_panel.selected_rows() == [r for r in sorted(test_rows) if data.dataset.y[r] == 1]


# ------------------------------------------------------------------ the predicted column
def test_predicted_column_is_the_engines_answer_with_wrong_ones_marked(qtbot, window):
    step(qtbot, window)
    model = window.data_panel.model
    data, net = window.document.data, window.network
    out = net.forward(data.transform(data.dataset.X))
    predicted = net.predict_classes(data.transform(data.dataset.X))
    names = data.dataset.class_names
    qtbot.waitUntil(lambda: model.prediction_text(0) is not None, timeout=3000)
    header = [model.headerData(c, Qt.Horizontal, Qt.ToolTipRole) for c in range(model.columnCount())]
    assert header[4:8] == ["class", "predicted", "probability", "set"]
    wrong = 0
    for row in range(150):
        right = predicted[row] == data.dataset.y[row]
        name = names[predicted[row]]
        assert model.prediction_text(row) == (name if right else f"✗ {name}")
        assert model.data(model.index(row, 6)) == pct(out[row, predicted[row]])
        colour = model.data(model.index(row, 5), Qt.BackgroundRole)
        assert (colour is None) == bool(right)
        wrong += not right
    # the column follows training: another step, other weights, the answers of those
    for _ in range(3):
        step(qtbot, window)
    predicted = window.network.predict_classes(data.transform(data.dataset.X))
    qtbot.waitUntil(lambda: all(model.prediction_text(r).endswith(names[predicted[r]]) for r in range(150)),
                    timeout=3000)


# ------------------------------------------------------------------ what if?
def spins(window):
    panel = window.what_if_panel
    return [panel.findChild(NumberSpin, f"whatIfSpin_{j}") for j in range(4)]


def test_what_if_gives_the_engines_outputs_for_raw_inputs(qtbot, window):
    data, net = window.document.data, window.network
    boxes = spins(window)
    # it starts at a typical flower: the training examples' median, in cm
    median = np.median(data.dataset.X[data.train_index], axis=0)
    assert [b.value() for b in boxes] == pytest.approx(median.tolist())
    assert [b.accessibleName() for b in boxes] == window.document.input_names()
    # Iris row 8, typed in centimetres, gives the outputs of the table's row 8
    for box, value in zip(boxes, (5.0, 3.4, 1.5, 0.2)):
        box.setValue(value)
    want = net.forward(data.transform(data.dataset.X[7:8]))[0]
    assert np.array_equal(window.what_if_panel.outputs, want)
    answer = int(np.argmax(want))
    prediction = window.what_if_panel.findChild(QLabel, "whatIfPrediction")
    p = answer_probability(want[None, :], np.array([answer]), "softmax")[0]
    assert prediction.text() == f"Answer: {data.dataset.class_names[answer]} ({pct(p)} sure)"
    # a weight changes: the answer follows at once
    window.document.set_bias(2, 2, 30.0)
    want = window.network.forward(data.transform(data.dataset.X[7:8]))[0]
    assert np.array_equal(window.what_if_panel.outputs, want)
    assert prediction.text().startswith("Answer: virginica")


def test_take_the_selected_row(qtbot, window):
    data = window.document.data
    window.data_panel.select_rows([120])
    assert window.document.sample_index == 120
    window.what_if_panel.findChild(QPushButton, "whatIfTakeRowButton").click()
    assert [b.value() for b in spins(window)] == data.dataset.X[120].tolist()
    want = window.network.forward(data.transform(data.dataset.X[120:121]))[0]
    assert np.array_equal(window.what_if_panel.outputs, want)


# ------------------------------------------------------------------ in Spanish
@pytest.fixture
def spanish_window(qtbot, isolated_settings):
    from nnsim.app import create_main_window

    win = create_main_window(["nnsim", "--lang", "es"])
    qtbot.addWidget(win)
    win.resize(1280, 800)
    yield win
    win.close()
    remove_translators(QApplication.instance())


def test_scores_in_spanish_use_a_decimal_comma(qtbot, spanish_window):
    window = spanish_window
    step(qtbot, window)
    m = engine_metrics(window)
    want = f"Aciertos: entrenamiento {pct(m.train_accuracy, True)}, prueba {pct(m.test_accuracy, True)}"
    qtbot.waitUntil(lambda: label(window).summary == want, timeout=3000)
    correct = int(np.trace(engine_counts(window, "test")))
    assert window.confusion_panel.total.text() == (
        f"45 ejemplos de prueba: {correct} aciertos ({pct(correct / 45, True)}).")
    boxes = spins(window)
    boxes[0].setValue(5.0)
    assert boxes[0].text() == "5,0"
    prediction = window.what_if_panel.findChild(QLabel, "whatIfPrediction")
    assert prediction.text().startswith("Respuesta: ") and "," in prediction.text()


def test_regression_in_spanish(qtbot, spanish_window):
    window = spanish_window
    assert window.data_panel.select_dataset("curve")
    step(qtbot, window)
    m = engine_metrics(window)
    want = (f"RMSE: entrenamiento {num(m.train_rmse, True)}, prueba {num(m.test_rmse, True)}; "
            f"R²: entrenamiento {num(m.train_r2, True)}, prueba {num(m.test_r2, True)}")
    qtbot.waitUntil(lambda: label(window).summary == want, timeout=3000)


# ------------------------------------------------------------------ the table model on its own
def test_the_table_takes_only_predictions_of_its_own_data(qtbot, window):
    from nnsim.core import load_dataset
    from nnsim.core.scores import predict_rows
    from nnsim.core.training_data import prepare_data

    model = window.data_panel.model
    qtbot.waitUntil(lambda: model.prediction_text(0) is not None, timeout=3000)  # predicted while paused
    assert model.columnCount() == 4 + 4
    other = prepare_data(load_dataset("iris"))
    model.set_predictions(predict_rows(window.network, other), other)  # another data object: refused
    assert model.prediction_text(0) is None and model.columnCount() == 4 + 2
    # another data set: the columns come back with that data's predictions
    assert window.data_panel.select_dataset("xor")
    qtbot.waitUntil(lambda: model.prediction_text(0) is not None, timeout=3000)
    data = window.document.data
    predicted = window.network.predict_classes(data.transform(data.dataset.X))
    assert model.columnCount() == 2 + 4
    assert all(model.prediction_text(r).endswith(data.dataset.class_names[predicted[r]])
               for r in range(data.dataset.n_samples))


def test_big_data_keeps_the_last_snapshots_predictions_while_paused(qtbot, window, monkeypatch):
    from nnsim.training import prediction_feed

    feed = window.predictions
    qtbot.waitUntil(lambda: feed.predictions is not None, timeout=3000)
    monkeypatch.setattr(prediction_feed, "LOCAL_LIMIT", 100)  # Iris's 150 rows count as big now
    before = feed.predictions
    window.document.set_weight(2, 0, 0, -40.0)
    feed.refresh()
    assert feed.predictions is before  # not computed on the UI thread
    step(qtbot, window)  # the snapshot's come in
    assert feed.predictions is window.training.latest_snapshot.predictions


def test_what_if_boxes_fit_any_column():
    from nnsim.ui.panels.what_if_panel import MAX_DECIMALS, box_format

    assert box_format(np.array([4.3, 5.0, 7.9])) == pytest.approx((1, 0.1, 4.3 - 36.0, 7.9 + 36.0))
    decimals, step, low, high = box_format(np.array([-1.7e308, 1.7e308]))
    assert decimals == 0 and (low, high) == (-1.7e308, 1.7e308) and np.isfinite(step)
    decimals, step, low, high = box_format(np.array([1e-300, 3e-300]))
    assert decimals == MAX_DECIMALS and step == 10.0 ** -MAX_DECIMALS
    assert box_format(np.array([2.0, 2.0]))[:2] == (1, 0.1)  # one value: a spread of its size
