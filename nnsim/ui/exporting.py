"""File ▸ Export (``exportMenu``): the ways out of nnsim for what the window shows.

- the graph as a picture: PNG (``exportGraphPngAction``) or SVG (``exportGraphSvgAction``,
  ``QSvgGenerator``), the whole scene whatever part of it the view shows;
- each plot and picture as PNG: the loss (``exportLossPngAction``), the accuracy
  (``exportAccuracyPngAction``), the decision boundary (``exportBoundaryPngAction``);
- tables as CSV: the training history (``exportHistoryCsvAction``: one row per epoch and per
  evaluation, ``HISTORY_COLUMNS``) and the data with the network's answers
  (``exportDataCsvAction``: the raw inputs, the known answer, train or test, the prediction);
- the trained network: a standalone Python file that needs only NumPy
  (``exportPythonAction``, ``nnsim.core.export.numpy_source``), or ONNX
  (``exportOnnxAction``, ``onnx_bytes``; without the optional ``onnx`` package a message
  says how to install it).

Each export asks for a file (``QFileDialog.getSaveFileName``), writes it whole or not at all
(``QSaveFile``: an existing file is replaced only once the new one is complete) and says so
in the status bar; a failed write says why in a dialog and leaves any old file as it was.
Numbers in CSV files are written with a point and full precision (``repr``), whatever the
interface language, so spreadsheets and scripts read them back exactly.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import numpy as np
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRectF, QSaveFile, QSize, Qt, Slot
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from nnsim.model.messages import translate_message

#: the history table's columns (a cell is empty where that row has no such value)
HISTORY_COLUMNS = ("epoch", "train_loss", "eval_train_loss", "test_loss", "train_accuracy", "test_accuracy")
#: the graph's PNG: this many pixels per scene unit (sharp on a projector or a printed page)
GRAPH_PNG_SCALE = 2.0


def _number(value) -> str:
    """A CSV cell: the float as Python reads it back exactly; empty for NaN or None."""
    if value is None:
        return ""
    value = float(value)
    if value != value:
        return ""
    if value.is_integer() and abs(value) < 2**53:
        return str(int(value))
    return repr(value)


class HistoryRecorder(QObject):
    """Every history point the training controller's snapshots carry, in order, as the
    engine reported it (``epochs``/``train_loss`` one per epoch; the evaluations
    ``eval_epochs`` with their losses and accuracies). Starts over on ``historyCleared``."""

    def __init__(self, controller, parent: QObject | None = None):
        super().__init__(parent)
        self.clear()
        controller.snapshotReceived.connect(self.append)
        controller.historyCleared.connect(self.clear)

    @Slot()
    def clear(self) -> None:
        self._epochs: list[np.ndarray] = []
        self._evaluations: list[tuple[np.ndarray, ...]] = []

    @Slot(object)
    def append(self, snapshot) -> None:
        if len(snapshot.epochs):
            self._epochs.append(np.column_stack([snapshot.epochs, snapshot.train_loss]).astype(np.float64))
        if len(snapshot.eval_epochs):
            self._evaluations.append(np.column_stack(
                [snapshot.eval_epochs, snapshot.eval_train_loss, snapshot.test_loss,
                 snapshot.train_accuracy, snapshot.test_accuracy]).astype(np.float64))

    def epochs(self) -> np.ndarray:
        """(n, 2): epoch, that epoch's mean training loss."""
        return np.concatenate(self._epochs) if self._epochs else np.zeros((0, 2))

    def evaluations(self) -> np.ndarray:
        """(m, 5): epochs done, train loss, test loss, train accuracy, test accuracy (0..1)."""
        return np.concatenate(self._evaluations) if self._evaluations else np.zeros((0, 5))

    def rows(self) -> list[list[str]]:
        """The history as CSV rows under ``HISTORY_COLUMNS``, in the order of the epochs (an
        evaluation after its epoch's loss)."""
        rows = [(e, 0, [e, loss, None, None, None, None]) for e, loss in self.epochs()]
        rows += [(x, 1, [x, *values]) for x, *values in self.evaluations()]
        rows.sort(key=lambda r: (r[0], r[1]))
        out = []
        for _, kind, (x, *values) in rows:
            if kind == 0:
                out.append([_number(x), _number(values[0]), "", "", "", ""])
            else:
                out.append([_number(x), ""] + [_number(v) for v in values])
        return out


def history_csv(recorder: HistoryRecorder) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HISTORY_COLUMNS)
    writer.writerows(recorder.rows())
    return buffer.getvalue()


def data_csv(data, predictions) -> str:
    """The data set's rows in its own units with their known answer, the part they are in
    ("train" or "test") and the network's answer (the class and its probability, or the
    predicted values)."""
    ds = data.dataset
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    part = np.full(ds.n_samples, "", dtype=object)
    part[np.asarray(data.train_index, dtype=np.int64)] = "train"
    part[np.asarray(data.test_index, dtype=np.int64)] = "test"
    classification = bool(data.is_classification)
    if classification:
        target_names = ["class"]
        predicted_names = ["predicted_class", "probability"]
    else:
        target_names = list(ds.target_names) or [f"target_{k + 1}" for k in range(data.n_outputs)]
        predicted_names = [f"predicted_{name}" for name in target_names]
    writer.writerow(list(ds.feature_names) + target_names + ["part"] + predicted_names)
    y = np.asarray(ds.y)
    for row in range(ds.n_samples):
        cells = [_number(v) for v in ds.X[row]]
        if classification:
            cells.append(ds.class_names[int(y[row])])
        else:
            cells += [_number(v) for v in np.atleast_1d(y[row])]
        cells.append(part[row])
        if predictions is None:
            cells += [""] * len(predicted_names)
        elif classification:
            cells += [ds.class_names[int(predictions.classes[row])], _number(predictions.probability[row])]
        else:
            cells += [_number(v) for v in predictions.values[row]]
        writer.writerow(cells)
    return buffer.getvalue()


def image_bytes(image, fmt: str = "PNG") -> bytes:
    """A QImage or QPixmap encoded (PNG); b"" if Qt could not encode it."""
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.WriteOnly)
    ok = image.save(buffer, fmt)
    buffer.close()
    return bytes(array.data()) if ok else b""


def scene_png(scene, scale: float = GRAPH_PNG_SCALE, background=None) -> bytes:
    rect = scene.sceneRect()
    size = QSize(max(1, round(rect.width() * scale)), max(1, round(rect.height() * scale)))
    image = QImage(size, QImage.Format_ARGB32)
    image.fill(background if background is not None else Qt.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.Antialiasing)
    painter.setRenderHint(QPainter.TextAntialiasing)
    scene.render(painter, QRectF(0, 0, size.width(), size.height()), rect)
    painter.end()
    return image_bytes(image)


def scene_svg(scene, title: str, description: str, background=None) -> bytes:
    from PySide6.QtSvg import QSvgGenerator

    rect = scene.sceneRect()
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(round(rect.width()), round(rect.height())))
    generator.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
    generator.setTitle(title)
    generator.setDescription(description)
    painter = QPainter(generator)
    if background is not None:
        painter.fillRect(QRectF(0, 0, rect.width(), rect.height()), background)
    scene.render(painter, QRectF(0, 0, rect.width(), rect.height()), rect)
    painter.end()
    buffer.close()
    return bytes(array.data())


class Exporter(QObject):
    """File ▸ Export of a ``MainWindow``: ``menu`` (``exportMenu``) and one action per export."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.history = HistoryRecorder(window.training, self)
        self.menu = QMenu(self.tr("&Export"), window)
        self.menu.setObjectName("exportMenu")
        self.menu.setToolTipsVisible(True)
        self.actions = {}
        entries = (
            ("exportGraphPngAction", self.tr("The graph as a &PNG picture…"), self.export_graph_png,
             self.tr("The whole network graph as a PNG picture, twice the screen's size")),
            ("exportGraphSvgAction", self.tr("The graph as an &SVG drawing…"), self.export_graph_svg,
             self.tr("The whole network graph as an SVG drawing: sharp at any size, editable in Inkscape")),
            None,
            ("exportLossPngAction", self.tr("The &loss plot as PNG…"), lambda: self.export_widget_png("loss"),
             self.tr("The loss plot as it is on screen")),
            ("exportAccuracyPngAction", self.tr("The &accuracy plot as PNG…"), lambda: self.export_widget_png("accuracy"),
             self.tr("The accuracy plot as it is on screen")),
            ("exportBoundaryPngAction", self.tr("The &decision boundary as PNG…"),
             lambda: self.export_widget_png("boundary"), self.tr("The picture of the network's answer at each point")),
            None,
            ("exportHistoryCsvAction", self.tr("The training &history as CSV…"), self.export_history_csv,
             self.tr("Every epoch's loss and every evaluation, one row each, for a spreadsheet")),
            ("exportDataCsvAction", self.tr("The data with the network's &answers as CSV…"), self.export_data_csv,
             self.tr("Every example in its own units, its known answer, train or test, and the network's answer")),
            None,
            ("exportPythonAction", self.tr("The network as P&ython (NumPy only)…"), self.export_python,
             self.tr("A Python file that computes this network on raw inputs with NumPy alone; run it on a CSV "
                "table to print one prediction per row")),
            ("exportOnnxAction", self.tr("The network as &ONNX…"), self.export_onnx,
             self.tr("The network in the ONNX format, for other tools (onnxruntime, Netron)")),
        )
        for entry in entries:
            if entry is None:
                self.menu.addSeparator()
                continue
            name, text, slot, tip = entry
            action = self.menu.addAction(text)
            action.setObjectName(name)
            action.setToolTip(tip)
            action.setStatusTip(tip)
            action.triggered.connect(slot)
            self.actions[name] = action
        self.menu.aboutToShow.connect(self._update_actions)

    # ------------------------------------------------------------ what can be exported
    def _widget(self, which: str):
        w = self.window
        return {"loss": w.plots.loss_plot, "accuracy": w.plots.accuracy_plot, "boundary": w.boundary_view}[which]

    @Slot()
    def _update_actions(self) -> None:
        data = self.window.document.data
        self.actions["exportAccuracyPngAction"].setEnabled(data is not None and bool(data.is_classification))
        boundary = self.window.boundary_view
        self.actions["exportBoundaryPngAction"].setEnabled(boundary.is_showing_boundary() or boundary.is_showing_curve())
        self.actions["exportDataCsvAction"].setEnabled(data is not None)

    # ------------------------------------------------------------ asking and writing
    def _ask(self, title: str, suffix: str, kind: str) -> str | None:
        """The file chosen in a save dialog (with ``suffix`` added when it has none), or None."""
        w = self.window
        folder = w._dialog_dir() if hasattr(w, "_dialog_dir") else str(Path.home())
        path, _ = QFileDialog.getSaveFileName(w, title, str(Path(folder) / f"nnsim{suffix}"),
                                              f"{kind} (*{suffix});;" + self.tr("All files (*)"),
                                              options=QFileDialog.DontUseNativeDialog)
        if not path:
            return None
        if not Path(path).suffix:
            path += suffix
        return path

    def write(self, path: str, content: bytes) -> bool:
        """``content`` into ``path`` whole or not at all; a failure says why, in a dialog."""
        saver = QSaveFile(path)
        ok = saver.open(QIODevice.WriteOnly)
        if ok:
            ok = saver.write(content) == len(content)
            if ok:
                ok = saver.commit()
            else:
                saver.cancelWriting()
                saver.commit()
        if not ok:
            self._error(self.tr("Could not export"),
                        self.tr("%1 could not be written:\n%2").replace("%1", path).replace("%2", saver.errorString()))
            return False
        self.window.statusBar().showMessage(self.tr("Exported to %1").replace("%1", path), 6000)
        return True

    def _error(self, title: str, text: str) -> None:
        QMessageBox.critical(self.window, title, text)

    def _export(self, title: str, suffix: str, kind: str, make) -> bool:
        """Ask for a file, make the content (a refusal from the engine says why), write it."""
        path = self._ask(title, suffix, kind)
        if path is None:
            return False
        try:
            content = make()
        except ValueError as error:
            self._error(self.tr("Could not export"), translate_message(str(error)))
            return False
        return self.write(path, content)

    # ------------------------------------------------------------ the exports
    def _background(self):
        return self.window.network_view.backgroundBrush().color()

    def export_graph_png(self) -> bool:
        scene = self.window.network_view.scene()
        return self._export(self.tr("Export the graph as PNG"), ".png", self.tr("PNG pictures"),
                            lambda: scene_png(scene, background=self._background()))

    def export_graph_svg(self) -> bool:
        scene = self.window.network_view.scene()
        sizes = "-".join(str(n) for n in self.window.network.layer_sizes)
        return self._export(self.tr("Export the graph as SVG"), ".svg", self.tr("SVG drawings"),
                            lambda: scene_svg(scene, self.tr("Network %1").replace("%1", sizes),
                                              self.tr("Drawn by nnsim"), self._background()))

    def export_widget_png(self, which: str) -> bool:
        widget = self._widget(which)
        titles = {"loss": self.tr("Export the loss plot as PNG"), "accuracy": self.tr("Export the accuracy plot as PNG"),
                  "boundary": self.tr("Export the decision boundary as PNG")}

        def make() -> bytes:
            content = image_bytes(widget.grab())
            if not content:
                raise ValueError(self.tr("The picture could not be made."))
            return content

        return self._export(titles[which], ".png", self.tr("PNG pictures"), make)

    def export_history_csv(self) -> bool:
        return self._export(self.tr("Export the training history"), ".csv", self.tr("CSV tables"),
                            lambda: history_csv(self.history).encode("utf-8"))

    def export_data_csv(self) -> bool:
        w = self.window
        data = w.document.data
        if data is None:
            return False
        feed = w.predictions
        predictions = feed.predictions if feed.data is data else None
        return self._export(self.tr("Export the data with the network's answers"), ".csv", self.tr("CSV tables"),
                            lambda: data_csv(data, predictions).encode("utf-8"))

    def _standardizer(self):
        data = self.window.document.data
        return None if data is None else data.standardizer

    def _names(self):
        doc = self.window.document
        data = doc.data
        classes = list(data.dataset.class_names) if data is not None and data.is_classification else None
        return doc.input_names(), classes

    def export_python(self) -> bool:
        from nnsim.core.export import numpy_source

        features, classes = self._names()
        return self._export(self.tr("Export the network as Python"), ".py", self.tr("Python files"),
                            lambda: numpy_source(self.window.network, self._standardizer(), feature_names=features,
                                                 class_names=classes).encode("utf-8"))

    def export_onnx(self) -> bool:
        from nnsim.core.export import OnnxMissingError, onnx_bytes

        try:
            import onnx  # noqa: F401 - only to say at once that it is missing
        except ImportError:
            self._onnx_missing()
            return False
        try:
            return self._export(self.tr("Export the network as ONNX"), ".onnx", self.tr("ONNX models"),
                                lambda: onnx_bytes(self.window.network, self._standardizer()))
        except OnnxMissingError:
            self._onnx_missing()
            return False

    def _onnx_missing(self) -> None:
        self._error(self.tr("ONNX is not installed"),
                    self.tr("Exporting to ONNX needs the optional Python package \"onnx\", which is not "
                            "installed. Install it with:\n\npip install \"nnsim[onnx]\"\n\nThe other exports "
                            "(Python with NumPy, pictures, tables) work without it."))
