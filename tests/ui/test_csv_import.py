"""The CSV import dialog, in English and Spanish: it previews, lists the problems of each line
before anything is loaded, lets the answer be any column and a name column be left out, loads
through the data panel's own path, reads a big file in the background, and Cancel changes
nothing. File ▸ Import CSV and a file dropped on the window open it."""

from __future__ import annotations

import time

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QComboBox, QListWidget, QProgressBar, QPushButton, QTableWidget

from nnsim.core.csv_loader import MAX_FILE_BYTES
from nnsim.ui.dialogs.csv_import import CsvImportDialog
from nnsim.ui.language import remove_translators

CLASS_TABLE = (
    "name,height,sex,weight\n"
    "Ana0,150.5,f,50\n"
    "Ana1,160,m,61.25\n"
    "Ana2,171,f,70\n"
    "Ana3,149,m,45.5\n"
    "Ana4,155,f,52\n"
)

# the texts a person reads, in each language
TEXTS = {
    "en": {"title": "Import a table: class.csv", "not_a_number": "line 2, column 'name': 'Ana0' is not a number",
           "width": "line 6: this row has 6 values but the header has 5 columns", "detected": " (detected)",
           "answer": "sex (answer)", "left_out": "name (left out)", "too_big": "the file is too big (50 MB); "
           "nnsim reads tables up to 50 MB"},
    "es": {"title": "Importar una tabla: class.csv",
           "not_a_number": "línea 2, columna «name»: 'Ana0' no es un número",
           "width": "línea 6: esta fila tiene 6 valores, pero la cabecera tiene 5 columnas",
           "detected": " (detectado)", "answer": "sex (respuesta)", "left_out": "name (fuera)",
           "too_big": "el archivo es demasiado grande (50 MB); nnsim lee tablas de hasta 50 MB"},
}


@pytest.fixture(params=["en", "es"])
def lang(request):
    return request.param


@pytest.fixture
def win(qtbot, isolated_settings, lang):
    """The main window in ``lang``; English is back after the test."""
    from nnsim.app import create_main_window

    window = create_main_window(["nnsim", "--lang", lang])
    qtbot.addWidget(window)
    window.resize(1280, 800)
    yield window
    # a dialog a test left open is modal: it would take the pointer of every later window
    for dialog in window.findChildren(CsvImportDialog):
        dialog.reject()
    window.close()
    remove_translators(QApplication.instance())


def write(tmp_path, text, name="class.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def open_dialog(win, path, qtbot) -> CsvImportDialog:
    dialog = win.data_panel.import_csv(path)
    assert dialog is not None and dialog.objectName() == "csvImportDialog"
    qtbot.waitExposed(dialog)
    return dialog


def child(dialog, cls, name):
    found = dialog.findChild(cls, name)
    assert found is not None, name
    return found


def problems(dialog):
    box = child(dialog, QListWidget, "csvProblems")
    return [box.item(i).text() for i in range(box.count())]


def choose(combo: QComboBox, text: str) -> None:
    """Pick the entry ``text`` as a person would (the combo's own signal fires)."""
    index = combo.findText(text, Qt.MatchExactly)
    assert index >= 0, (text, [combo.itemText(i) for i in range(combo.count())])
    combo.setCurrentIndex(index)


def tick(dialog, column: str) -> None:
    box = child(dialog, QListWidget, "csvLeaveOut")
    (item,) = box.findItems(column, Qt.MatchExactly)
    item.setCheckState(Qt.Checked)


def header_texts(table: QTableWidget):
    return [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]


def test_a_middle_answer_column_and_a_name_left_out_load_the_right_data(win, qtbot, tmp_path, lang):
    text = TEXTS[lang]
    path = write(tmp_path, CLASS_TABLE)
    before = win.document.data
    dialog = open_dialog(win, path, qtbot)
    assert dialog.windowTitle() == text["title"]
    load = child(dialog, QPushButton, "csvLoadButton")
    # as detected: the answer is the last column, and the names are not numbers
    assert child(dialog, QComboBox, "csvAnswerColumn").currentText() == "weight"
    assert child(dialog, QComboBox, "csvEncoding").currentText().endswith(text["detected"])
    assert problems(dialog)[0] == text["not_a_number"] and len(problems(dialog)) == 5
    assert not load.isEnabled()

    choose(child(dialog, QComboBox, "csvAnswerColumn"), "sex")
    tick(dialog, "name")
    table = child(dialog, QTableWidget, "csvPreviewTable")
    assert header_texts(table) == [text["left_out"], "height", text["answer"], "weight"]
    assert table.rowCount() == 5 and table.item(0, 0).text() == "Ana0" and table.item(4, 3).text() == "52"
    assert problems(dialog) == [] and load.isEnabled()
    assert win.document.data is before  # nothing loaded yet

    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        load.click()
    ds = win.document.data.dataset
    assert ds.feature_names == ["height", "weight"] and ds.class_names == ["f", "m"]
    np.testing.assert_array_equal(ds.X, [[150.5, 50], [160, 61.25], [171, 70], [149, 45.5], [155, 52]])
    assert ds.y.tolist() == [0, 1, 0, 1, 0]
    assert win.network.layer_sizes[0] == 2 and win.network.layer_sizes[-1] == 2
    assert win.data_panel.current_key() == f"csv:{path}"
    assert not dialog.isVisible()
    # the file chosen again from the data set list is read with the same choices
    win.data_panel.select_dataset("iris")
    assert win.data_panel.open_csv(path)
    assert win.document.data.dataset.feature_names == ["height", "weight"]


def test_a_bad_file_lists_the_problem_of_each_line_and_loads_nothing(win, qtbot, tmp_path, lang):
    bad = "a,b,c,d,e\n1,2,3,4,x\n1,2,3,4,y\n1,2,3,4,x\n1,2,3,4,y\n1,2,3,4,5,x\n1,2,3,4,y\n"
    before, network = win.document.data, win.network.to_dict()
    dialog = open_dialog(win, write(tmp_path, bad), qtbot)
    assert problems(dialog) == [TEXTS[lang]["width"]]
    table = child(dialog, QTableWidget, "csvPreviewTable")
    assert [table.verticalHeaderItem(r).text() for r in range(table.rowCount())] == ["2", "3", "4", "5", "6", "7"]
    assert table.item(4, 0).background().color().red() == 255  # line 6 is marked
    load = child(dialog, QPushButton, "csvLoadButton")
    assert not load.isEnabled()
    load.click()  # a disabled button does nothing
    assert not dialog.start_loading()
    assert win.document.data is before and win.network.to_dict() == network


def test_cancel_changes_nothing(win, qtbot, tmp_path):
    before, network = win.document.data, win.network.to_dict()
    dialog = open_dialog(win, write(tmp_path, CLASS_TABLE), qtbot)
    choose(child(dialog, QComboBox, "csvAnswerColumn"), "sex")
    tick(dialog, "name")
    assert child(dialog, QPushButton, "csvLoadButton").isEnabled()
    child(dialog, QPushButton, "csvCancelButton").click()
    assert not dialog.isVisible()
    assert win.document.data is before and win.network.to_dict() == network
    assert win.data_panel.current_key() == "iris"


def test_a_semicolon_file_with_decimal_commas_is_read_right(win, qtbot, tmp_path, lang):
    text = "sep=;\nlargo;ancho;especie\n5,1;3,5;setosa\n7;3,2;versicolor\n6,3;3,3;virginica\n"
    dialog = open_dialog(win, write(tmp_path, text.encode("cp1252"), "es.csv"), qtbot)
    detected = TEXTS[lang]["detected"]
    assert child(dialog, QComboBox, "csvSeparator").currentData() == ";"
    assert child(dialog, QComboBox, "csvSeparator").currentText().endswith(detected)
    assert child(dialog, QComboBox, "csvDecimalMark").currentData() is True
    assert child(dialog, QComboBox, "csvEncoding").currentData() == "utf-8"  # plain ASCII is UTF-8 too
    table = child(dialog, QTableWidget, "csvPreviewTable")
    assert table.item(0, 0).text() == "5,1"
    # the point chosen instead: "5,1" is no longer a number, said for its line
    choose(child(dialog, QComboBox, "csvDecimalMark"), child(dialog, QComboBox, "csvDecimalMark").itemText(0))
    assert len(problems(dialog)) == 3 and problems(dialog)[0].startswith(("line 3", "línea 3"))
    choose(child(dialog, QComboBox, "csvDecimalMark"), child(dialog, QComboBox, "csvDecimalMark").itemText(1))
    assert problems(dialog) == []
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        child(dialog, QPushButton, "csvLoadButton").click()
    ds = win.document.data.dataset
    np.testing.assert_array_equal(ds.X, [[5.1, 3.5], [7.0, 3.2], [6.3, 3.3]])
    assert ds.class_names == ["setosa", "versicolor", "virginica"]


@pytest.mark.parametrize("lang", ["en"])
def test_another_separator_gives_other_columns_and_keeps_what_fits(win, qtbot, tmp_path):
    dialog = open_dialog(win, write(tmp_path, CLASS_TABLE), qtbot)
    choose(child(dialog, QComboBox, "csvAnswerColumn"), "sex")
    separator = child(dialog, QComboBox, "csvSeparator")
    separator.setCurrentIndex(separator.findData(";"))
    # the whole header is one name: no columns to choose from, and the problem says why
    assert child(dialog, QComboBox, "csvAnswerColumn").count() == 0
    assert len(problems(dialog)) == 1 and "only one column ('name,height,sex,weight')" in problems(dialog)[0]
    assert not child(dialog, QPushButton, "csvLoadButton").isEnabled()
    separator.setCurrentIndex(separator.findData(","))
    assert child(dialog, QComboBox, "csvAnswerColumn").currentText() == "weight"  # the last again


def test_a_file_over_the_limit_says_the_limit_and_cannot_be_loaded(win, qtbot, tmp_path, lang):
    path = tmp_path / "huge.csv"
    with open(path, "wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)
    dialog = open_dialog(win, path, qtbot)
    assert problems(dialog) == ["huge.csv: " + TEXTS[lang]["too_big"]]
    assert not child(dialog, QPushButton, "csvLoadButton").isEnabled()
    assert not child(dialog, QComboBox, "csvSeparator").isEnabled()


def big_table(path, target_bytes: int) -> int:
    """A table of about ``target_bytes``, written fast: one NumPy-made block, repeated."""
    rng = np.random.default_rng(0)
    values = np.round(rng.normal(size=(20_000, 4)) * 100, 2)
    lines = "\n".join(f"{a},{b},{c},{d},{'ab'[k % 2]}" for k, (a, b, c, d) in enumerate(values.tolist()))
    block = (lines + "\n").encode()
    with open(path, "wb") as f:
        f.write(b"w,x,y,z,kind\n")
        for _ in range(max(1, target_bytes // len(block))):
            f.write(block)
    return 20_000 * max(1, target_bytes // len(block))


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory):
    path = tmp_path_factory.mktemp("big") / "big.csv"
    rows = big_table(path, 20 * 2**20)
    return path, rows


@pytest.mark.parametrize("lang", ["en"])
def test_a_big_file_is_read_in_the_background_and_the_window_keeps_running(win, qtbot, big_csv):
    path, rows = big_csv
    dialog = open_dialog(win, path, qtbot)
    assert problems(dialog) == []
    # the windows of the tests before are deleted in the event loop's next turn: a few
    # hundred milliseconds that are not this window's reading
    QApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    gaps, last = [], [time.perf_counter()]

    def tick():
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    progress = child(dialog, QProgressBar, "csvProgress")
    seen = []
    progress.valueChanged.connect(seen.append)
    with qtbot.waitSignal(dialog.loaded, timeout=60_000):
        child(dialog, QPushButton, "csvLoadButton").click()
        assert progress.isVisible() and not child(dialog, QComboBox, "csvSeparator").isEnabled()
        last[0] = time.perf_counter()
        timer.start()
    timer.stop()
    assert win.document.data.dataset.n_samples == rows
    assert len(seen) >= 3 and seen == sorted(seen)  # the bar moved forward while reading
    # lenient: the strict figure (< 50 ms) is benchmarks/csv_import.py's, on a quiet machine
    assert max(gaps) < 0.25, f"the window froze for {max(gaps) * 1000:.0f} ms"


@pytest.mark.parametrize("lang", ["en"])
def test_cancel_while_reading_stops_and_loads_nothing(win, qtbot, big_csv):
    before = win.document.data
    dialog = open_dialog(win, big_csv[0], qtbot)
    child(dialog, QPushButton, "csvLoadButton").click()
    assert dialog.loading is not None
    task = dialog.loading
    child(dialog, QPushButton, "csvCancelButton").click()
    assert task.wait(5.0)  # the reading thread has stopped
    assert dialog.loading is None and not dialog.isVisible()
    qtbot.wait(50)  # anything queued by the thread has been delivered by now
    assert win.document.data is before


def drop_event(path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    return mime, QDropEvent(QPointF(200, 200), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)


def test_a_csv_dropped_on_the_window_opens_the_dialog(win, qtbot, tmp_path, lang):
    path = write(tmp_path, CLASS_TABLE)
    mime, _ = drop_event(path)
    enter = QDragEnterEvent(QPoint(200, 200), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(win, enter)
    assert enter.isAccepted()
    mime, drop = drop_event(path)
    QApplication.sendEvent(win, drop)
    dialog = win.data_panel.import_dialog
    assert dialog is not None and dialog.isVisible() and dialog.path == str(path)
    assert dialog.windowTitle() == TEXTS[lang]["title"]
    # an image is not a table: not taken
    other = QMimeData()
    other.setUrls([QUrl.fromLocalFile(str(tmp_path / "photo.png"))])
    enter = QDragEnterEvent(QPoint(200, 200), Qt.CopyAction, other, Qt.LeftButton, Qt.NoModifier)
    enter.ignore()
    QApplication.sendEvent(win, enter)
    assert not enter.isAccepted()


def test_file_import_csv_asks_for_a_file_then_opens_the_dialog(win, qtbot, tmp_path, monkeypatch, lang):
    from PySide6.QtWidgets import QFileDialog

    path = write(tmp_path, CLASS_TABLE)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    action = win.import_csv_action
    assert action.shortcut().toString() == "Ctrl+I"
    assert action in win.findChild(object, "fileMenu").actions()
    action.trigger()
    dialog = win.data_panel.import_dialog
    assert dialog is not None and dialog.isVisible() and dialog.path == str(path)
