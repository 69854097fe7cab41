"""The data panel: choose the data set (built-in or a CSV file), its noise and size, and the
sample the network graph shows.

Switching data set keeps the network the class built: only its input and output layers are
resized (``nnsim.core.adapt.network_for_data``), then ``document.set_data`` hands both over
(its ``dataChanged`` is what the training follows). A file that cannot be used changes
nothing: a warning says what was wrong and on which line.
"""

from __future__ import annotations

import os

import numpy as np
from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QSignalBlocker,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nnsim.core import DATASETS, DataError, load_csv, load_dataset
from nnsim.core.adapt import network_for_data
from nnsim.core.training_data import prepare_data
from nnsim.model.messages import translate_message, translate_name
from nnsim.ui.answer_style import WRONG_BACKGROUND, WRONG_MARK, WRONG_TEXT
from nnsim.ui.background import BackgroundTask
from nnsim.ui.number_spin import NumberSpin
from nnsim.ui.number_text import locale_of, number_text, percent_text
from nnsim.ui.dialogs.csv_import import CsvImportDialog

OPEN_CSV = "__open_csv__"
CSV_PREFIX = "csv:"
TEST_FRACTION = 0.3
#: how the encodings a table is read as are called in spreadsheets' save dialogs
ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "utf-16-le": "UTF-16", "utf-16-be": "UTF-16",
                  "cp1252": "Windows-1252"}
#: a table at least this big is read in the background, so the window keeps painting while
#: it is parsed (a 20 MB table takes seconds); smaller ones load at once
BACKGROUND_FROM_BYTES = 1024 * 1024
# rows the sample table measures to fit its columns' widths (Qt's default: 1,000; 0, "the visible
# ones", made a hidden table eat all memory)
SIZE_FROM_ROWS = 50
# the roles the table answers: Qt asks for a dozen per cell (fonts, sizes, check states) when
# it fits the columns, and answering the others at once keeps that fitting quick
_ANSWERED_ROLES = frozenset(int(r) for r in (Qt.DisplayRole, Qt.ToolTipRole, Qt.TextAlignmentRole,
                                              Qt.BackgroundRole, Qt.ForegroundRole))


class DatasetTableModel(QAbstractTableModel):
    """The rows of a data set as the student wrote them (raw values), with their answer and
    split; given the network's predictions (``set_predictions``), its answer beside the true
    one (and for classes how sure it is), wrong answers marked with colour and a ✗."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._data = None
        self._headers: list[str] = []
        self._split = np.zeros(0, dtype=bool)  # True: test row
        self._predictions = None  # a RowPredictions of this data, or None

    def _locale(self):
        """The locale of the view's panel (its window's language): "5,1" in Spanish."""
        return locale_of(self.parent() if isinstance(self.parent(), QWidget) else None)

    def set_training_data(self, data) -> None:
        self.beginResetModel()
        self._data = data
        self._predictions = None
        if data is None:
            self._headers = []
            self._split = np.zeros(0, dtype=bool)
        else:
            ds = data.dataset
            answer = self.tr("class") if ds.is_classification else ", ".join(ds.target_names)
            self._headers = [translate_name(n) for n in ds.feature_names] + [answer, self.tr("set")]
            self._split = np.zeros(ds.n_samples, dtype=bool)
            test_index = getattr(data, "test_index", None)
            if test_index is not None:
                self._split[np.asarray(test_index, dtype=int)] = True
        self.endResetModel()

    # ------------------------------------------------------------------ predictions
    def _prediction_columns(self) -> int:
        """How many columns the predictions take: the answer, and for classes its probability."""
        if self._predictions is None or self._data is None:
            return 0
        return 2 if self._data.dataset.is_classification else 1

    def set_predictions(self, predictions, data=None) -> None:
        """Show ``predictions`` (a ``RowPredictions`` of ``data``; None: none) right after the
        true answer. Predictions of other data than the table's are ignored."""
        if predictions is not None and (self._data is None or (data is not None and data is not self._data)
                                        or predictions.n_rows != self._data.dataset.n_samples):
            predictions = None
        before = self._prediction_columns()
        first = self._data.dataset.n_features + 1 if self._data is not None else 0
        if before and predictions is None:
            self.beginRemoveColumns(QModelIndex(), first, first + before - 1)
            self._predictions = None
            self.endRemoveColumns()
        elif not before and predictions is not None:
            self._predictions = predictions
            count = self._prediction_columns()
            self._predictions = None
            self.beginInsertColumns(QModelIndex(), first, first + count - 1)
            self._predictions = predictions
            self.endInsertColumns()
        elif predictions is not None:
            self._predictions = predictions
            if self.rowCount():
                self.dataChanged.emit(self.index(0, first), self.index(self.rowCount() - 1, first + before - 1))

    def prediction_text(self, row: int) -> str | None:
        """What the predicted column shows for ``row`` (None without predictions)."""
        if self._prediction_columns() == 0:
            return None
        return self.data(self.index(row, self._data.dataset.n_features + 1))

    def is_wrong(self, row: int) -> bool:
        """Is the network's answer for ``row`` not its class? (False for regression.)"""
        p = self._predictions
        if p is None or p.classes is None:
            return False
        return int(p.classes[row]) != int(self._data.dataset.y[row])

    # ------------------------------------------------------------------ Qt
    def _header(self, section: int) -> str | None:
        n_answer = self._data.dataset.n_features + 1 if self._data is not None else 0
        extra = self._prediction_columns()
        if n_answer <= section < n_answer + extra:
            return self.tr("predicted") if section == n_answer else self.tr("probability")
        if section >= n_answer + extra:
            section -= extra
        return self._headers[section] if 0 <= section < len(self._headers) else None

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt)
        return 0 if self._data is None or parent.isValid() else self._data.dataset.n_samples

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt)
        return 0 if parent.isValid() else len(self._headers) + self._prediction_columns()

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802 (Qt)
        if role not in (Qt.DisplayRole, Qt.ToolTipRole):
            return None
        if orientation == Qt.Horizontal:
            text = self._header(section)
            if text is None:
                return None
            return _two_lines(text) if role == Qt.DisplayRole else text
        return str(section + 1)

    def data(self, index, role=Qt.DisplayRole):
        if int(role) not in _ANSWERED_ROLES or not index.isValid() or self._data is None:
            return None
        ds = self._data.dataset
        row, col = index.row(), index.column()
        n_features = ds.n_features
        extra = self._prediction_columns()
        if n_features < col <= n_features + extra:
            return self._prediction_data(row, col - n_features - 1, role)
        if col > n_features + extra:
            col -= extra
        if role == Qt.TextAlignmentRole:
            return int(Qt.AlignRight | Qt.AlignVCenter) if col < n_features else int(Qt.AlignLeft | Qt.AlignVCenter)
        if role not in (Qt.DisplayRole, Qt.ToolTipRole):
            return None
        if col < n_features:
            return number_text(float(ds.X[row, col]), 4, self._locale())
        if col == n_features:
            if ds.is_classification:
                return ds.class_names[int(ds.y[row])]
            locale = self._locale()
            return "; ".join(number_text(float(v), 4, locale) for v in np.ravel(ds.y[row]))
        return self.tr("test") if self._split[row] else self.tr("train")

    def _prediction_data(self, row: int, which: int, role):
        """The predicted answer (``which`` 0) or its probability (1) of ``row``."""
        p, ds = self._predictions, self._data.dataset
        wrong = self.is_wrong(row)
        if role == Qt.TextAlignmentRole:
            return int(Qt.AlignLeft | Qt.AlignVCenter) if which == 0 and p.classes is not None \
                else int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.BackgroundRole:
            return QBrush(QColor(WRONG_BACKGROUND)) if wrong else None
        if role == Qt.ForegroundRole:
            return QBrush(QColor(WRONG_TEXT)) if wrong else None
        if role not in (Qt.DisplayRole, Qt.ToolTipRole):
            return None
        if p.classes is None:
            locale = self._locale()
            return "; ".join(number_text(v, 4, locale) for v in np.ravel(p.values[row]))
        if which == 1:
            return percent_text(float(p.probability[row]), locale=self._locale())
        name = ds.class_names[int(p.classes[row])]
        if role == Qt.ToolTipRole:
            return (self.tr("Wrong: the network answers {0}, the example is {1}") if wrong
                    else self.tr("Right: the network answers {0}")).format(name, ds.class_names[int(ds.y[row])])
        return f"{WRONG_MARK} {name}" if wrong else name


class DataPanel(QWidget):
    """Data set chooser, noise and size of the generated sets, and the sample chooser.

    Takes the ``NetworkDocument``; reads ``document.data`` and ``document.network`` and
    changes them only through ``document.set_data`` and ``document.set_sample_index``.
    """

    #: a table read in the background has been taken in (True) or refused (False)
    csvLoaded = Signal(bool)

    def __init__(self, document, test_fraction=None, parent: QWidget | None = None):
        """``test_fraction``: a callable giving the share of examples new data keeps aside
        for testing (the training's current split); None: ``TEST_FRACTION``."""
        super().__init__(parent)
        self.setObjectName("dataPanel")
        self.setAccessibleName(self.tr("Data"))
        self._document = document
        self._syncing = False
        self._seed = 0
        self._csv_path: str | None = None
        self._csv_options = None  # how the last CSV file was read (None: as detected)
        #: the CSV import dialog last opened (None before the first)
        self.import_dialog: CsvImportDialog | None = None
        self._last = (None, None)  # (dataset this panel loaded, its combo key)
        self._adopted = None  # (dataset, DataSource) a document brought (adopt_source)
        self._test_fraction = test_fraction
        #: the table being read in the background (None when there is none)
        self.loading: BackgroundTask | None = None

        self.datasetCombo = QComboBox()
        self._name("datasetCombo", self.datasetCombo, self.tr("Data set"),
                   self.tr("The examples the network learns from"))
        self._fill_combo()
        self.openCsvButton = QPushButton(self.tr("Open CSV…"))
        self._name("openCsvButton", self.openCsvButton, self.tr("Open a CSV file"),
                   self.tr("Learn from your own table: one row per example; you choose the answer column"))
        self.description = QLabel()
        self._name("datasetDescription", self.description, self.tr("Data set description"),
                   self.tr("What this data set is"))
        self.description.setWordWrap(True)

        self.noiseSpin = NumberSpin()
        self._name("noiseSpin", self.noiseSpin, self.tr("Noise"),
                   self.tr("How much the points are shaken off their perfect places: more noise makes the "
                           "pattern harder to learn"))
        self.noiseSpin.setDecimals(2)
        self.noiseSpin.set_typed_range(0.0, 1.0)
        self.noiseSpin.setSingleStep(0.05)
        self.noiseSpin.setKeyboardTracking(False)
        self.samplesSpin = QSpinBox()
        self._name("samplesSpin", self.samplesSpin, self.tr("Number of examples"),
                   self.tr("How many points to generate"))
        self.samplesSpin.setRange(10, 5000)
        self.samplesSpin.setSingleStep(50)
        self.samplesSpin.setKeyboardTracking(False)
        self.newPointsButton = QPushButton(self.tr("New points"))
        self._name("newPointsButton", self.newPointsButton, self.tr("New points"),
                   self.tr("Draw a fresh set of points with the same noise and size"))

        self.summary = QLabel()
        self._name("dataSummary", self.summary, self.tr("Data set summary"),
                   self.tr("How many examples, inputs and classes, and how they are split"))
        self.summary.setWordWrap(True)

        self.model = DatasetTableModel(self)
        self.sampleTable = QTableView()
        self._name("sampleTable", self.sampleTable, self.tr("Examples"),
                   self.tr("Select a row to feed that example to the network"))
        self.sampleTable.setModel(self.model)
        self.sampleTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        # several rows at once: the examples of a confusion-matrix cell (``select_rows``);
        # the sample follows when exactly one row is selected
        self.sampleTable.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.sampleTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.sampleTable.setAlternatingRowColors(True)
        self.sampleTable.setWordWrap(False)
        self.sampleTable.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.sampleTable.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        header = self.sampleTable.horizontalHeader()
        # Fitted to the contents once per data set (``_fit_columns``), not kept fitted: a
        # column kept fitted reads every row again at each change, and the predicted column
        # changes many times a second while training runs. Long names go on two lines.
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setResizeContentsPrecision(SIZE_FROM_ROWS)  # the first rows' widths will do
        header.setStretchLastSection(True)
        self.model.columnsInserted.connect(self._fit_prediction_columns)

        top = QHBoxLayout()
        top.addWidget(self.datasetCombo, 1)
        top.addWidget(self.openCsvButton)
        self.generatorControls = QWidget()  # only for the generated sets
        self.generatorControls.setObjectName("generatorControls")
        generated = QHBoxLayout(self.generatorControls)
        generated.setContentsMargins(0, 0, 0, 0)
        noise_label = QLabel(self.tr("Noise"))
        noise_label.setBuddy(self.noiseSpin)
        points_label = QLabel(self.tr("Points"))
        points_label.setBuddy(self.samplesSpin)
        generated.addWidget(noise_label)
        generated.addWidget(self.noiseSpin)
        generated.addWidget(points_label)
        generated.addWidget(self.samplesSpin)
        generated.addWidget(self.newPointsButton)
        generated.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.description)
        layout.addWidget(self.generatorControls)
        layout.addWidget(self.summary)
        layout.addWidget(self.sampleTable, 1)

        self.datasetCombo.currentIndexChanged.connect(self._on_combo)
        self.openCsvButton.clicked.connect(self.open_csv_dialog)
        self.noiseSpin.valueChanged.connect(self._on_generator_setting)
        self.samplesSpin.valueChanged.connect(self._on_generator_setting)
        self.newPointsButton.clicked.connect(self.new_points)
        self.sampleTable.selectionModel().selectionChanged.connect(self._on_row_selected)
        document.dataChanged.connect(self._sync_from_document)
        document.sampleChanged.connect(self._sync_sample)
        self._sync_from_document()

    # ------------------------------------------------------------------ public
    def select_dataset(self, name: str) -> bool:
        """Switch to the built-in data set ``name`` (with this panel's noise and size)."""
        index = self.datasetCombo.findData(name)
        if index >= 0 and index != self.datasetCombo.currentIndex():
            self.datasetCombo.setCurrentIndex(index)  # -> _on_combo -> _load_builtin
            return self.current_key() == name
        return self._load_builtin(name, defaults=True)

    def data_source(self):
        """How to make the data in use again, for a document: a built-in set with the
        generator's size, noise and seed shown here, or the table itself (a CSV, or data set
        elsewhere) with its answer column. None without data. A generated set that the
        parameters shown would not give again exactly is kept as a table."""
        from nnsim.core.document import DataSource

        data = self._document.data
        if data is None:
            return None
        ds = data.dataset
        if self._adopted is not None and self._adopted[0] is ds:
            return self._adopted[1]  # as the document brought it
        key = self._last[1] if ds is self._last[0] else (ds.name if ds.name in DATASETS else None)
        info = DATASETS.get(key) if key else None
        if info is not None:
            if info.generator is None:
                source = DataSource.builtin(key)
            else:
                seed = self._seed if ds is self._last[0] else 0
                source = DataSource.builtin(key, seed=seed, n_samples=ds.n_samples, noise=self.noiseSpin.value())
            try:
                again = source.load()
            except (DataError, ValueError):
                again = None
            if again is not None and np.array_equal(again.X, ds.X) and np.array_equal(again.y, ds.y):
                return source
        target = ""
        if key and key.startswith(CSV_PREFIX) and self._csv_options is not None:
            target = self._csv_options.target or ""
        return DataSource.table(ds, target)

    def adopt_source(self, source, data) -> None:
        """A document brings ``data`` made from ``source`` (a ``DataSource`` or None): show
        its set, and for a generated one its size, noise and seed, so New points and the
        controls go on from there. Call it before the document takes the data."""
        if data is None or source is None:
            self._last, self._adopted = (None, None), None
            return
        ds = data.dataset
        self._adopted = (ds, source)
        if source.kind == "builtin" and source.name in DATASETS:
            info = DATASETS[source.name]
            self._seed = int(source.seed)
            if info.generator is not None:
                self._set_generator_controls(source.n_samples or ds.n_samples,
                                             info.noise if source.noise is None else source.noise)
            self._last = (ds, source.name)
        else:
            self._last = (ds, None)

    def select_rows(self, rows) -> None:
        """Select the data set rows ``rows`` in the table (e.g. a confusion-matrix cell's
        examples) and scroll to the first; an empty list clears the selection."""
        rows = sorted({int(r) for r in rows if 0 <= int(r) < self.model.rowCount()})
        selection = QItemSelection()
        last_column = self.model.columnCount() - 1
        start = None
        for k, row in enumerate(rows):  # one range per run of consecutive rows
            if start is None:
                start = row
            if k + 1 == len(rows) or rows[k + 1] != row + 1:
                selection.select(self.model.index(start, 0), self.model.index(row, last_column))
                start = None
        self.sampleTable.selectionModel().select(
            selection, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
        if rows:
            self.sampleTable.scrollTo(self.model.index(rows[0], 0))

    def selected_rows(self) -> list[int]:
        """The data set rows selected in the table, in order."""
        return sorted(index.row() for index in self.sampleTable.selectionModel().selectedRows())

    def _fit_columns(self) -> None:
        """Every column as wide as its title and its first ``SIZE_FROM_ROWS`` values.

        Measured here rather than by Qt's ResizeToContents, which asks the model a dozen
        questions per cell through Python: a tenth of a second of the window's time at every
        data switch, for the same widths."""
        header, model = self.sampleTable.horizontalHeader(), self.model
        metrics = self.sampleTable.fontMetrics()
        margin = 2 * metrics.averageCharWidth()
        rows = range(min(model.rowCount(), SIZE_FROM_ROWS))
        for column in range(model.columnCount()):
            texts = [str(model.data(model.index(row, column)) or "") for row in rows]
            title = str(model.headerData(column, Qt.Horizontal) or "")
            widest = max((metrics.horizontalAdvance(text) for text in [*texts, *title.split("\n")]), default=0)
            header.resizeSection(column, max(widest + margin, header.minimumSectionSize()))

    def _fit_prediction_columns(self, _parent, first: int, last: int) -> None:
        """The predicted columns get a fixed width once: measuring them to their contents
        would read every row again each time training brings new answers (many a second)."""
        header = self.sampleTable.horizontalHeader()
        metrics = self.sampleTable.fontMetrics()
        data = self._document.data
        if data is None:
            return
        ds = data.dataset
        if ds.is_classification:
            samples = [f"{WRONG_MARK} {name}" for name in ds.class_names] + ["100.0 %"]
        else:
            samples = [", ".join(["-0.0000e-00"] * ds.n_outputs)]
        widest = max(metrics.horizontalAdvance(text) for text in samples) + 2 * metrics.averageCharWidth()
        for column in range(first, last + 1):
            title = str(self.model.headerData(column, Qt.Horizontal) or "")
            width = max(widest if column == first else metrics.horizontalAdvance("100.0 %"),
                        max((metrics.horizontalAdvance(line) for line in title.split("\n")), default=0))
            header.resizeSection(column, width + 2 * metrics.averageCharWidth())

    def current_key(self) -> str | None:
        """The combo's entry: a built-in name, "csv:<path>", or None."""
        return self.datasetCombo.currentData()

    def open_csv_dialog(self) -> bool:
        """Ask for a CSV file, then open the import dialog on it. False when cancelled."""
        start = os.path.dirname(self._csv_path) if self._csv_path else ""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a data table"), start, self.tr("CSV tables (*.csv *.txt *.tsv);;All files (*)"))
        return bool(path) and self.import_csv(path) is not None

    def import_csv(self, path) -> CsvImportDialog | None:
        """Open the import dialog on ``path`` (window-modal, not blocking): its Load takes the
        table in as ``open_csv`` does, with the reading chosen there; None while a table is
        being read."""
        if self.loading is not None:
            return None
        if self.import_dialog is not None:
            self.import_dialog.deleteLater()
        path = os.fspath(path)

        def preparer():  # on Load: the network and split as they are then
            network, fraction = self._document.network.copy(), self._split()
            return lambda dataset: self._prepare(dataset, network, fraction)

        dialog = CsvImportDialog(path, preparer, self.window())
        dialog.loaded.connect(lambda result: self._take(path, *result, options=dialog.options()))
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def open_csv(self, path, options=None) -> bool:
        """Switch to the table in the CSV file ``path``; True on success.

        If the file cannot be used, a warning names the line and the problem and nothing
        changes: not the data, not the network, not the sample. A table of
        ``BACKGROUND_FROM_BYTES`` or more is read in the background: then this returns True
        at once (the reading has started), the panel says so and waits, and ``csvLoaded``
        tells the outcome.
        """
        path = os.fspath(path)
        if self.loading is not None:
            return False  # one table at a time
        if options is None and path == self._csv_path:
            options = self._csv_options  # the file again, read as it was chosen
        try:
            big = os.path.getsize(path) >= BACKGROUND_FROM_BYTES
        except OSError:
            big = False  # the loader says what is wrong with it
        if big:
            self._read_in_background(path, options)
            return True
        try:
            data, network = self._read(path, self._document.network, self._split(), options)
        except (DataError, ValueError, OSError) as exc:
            self._refuse(path, str(exc))
            return False
        self._take(path, data, network, options)
        return True

    def _read(self, path: str, network, fraction: float, options=None):
        """(TrainingData, network) for the table at ``path``: pure engine work, so it may
        run in the background thread (``network`` is a copy when it does)."""
        return self._prepare(load_csv(path, options=options), network, fraction)

    def _read_in_background(self, path: str, options=None) -> None:
        network, fraction = self._document.network.copy(), self._split()
        task = BackgroundTask(lambda: self._read(path, network, fraction, options), "nnsim-csv", self)
        task.done.connect(lambda result: self._background_done(path, result, options))
        task.failed.connect(lambda exc: self._background_failed(path, exc))
        self.loading = task
        self.setEnabled(False)
        self._status_before = self.summary.text()
        self.summary.setText(self.tr("Reading %1…").replace("%1", os.path.basename(path)))
        task.start()

    def _background_done(self, path: str, result, options=None) -> None:
        self._end_background()
        data, network = result
        self._take(path, data, network, options)
        self.csvLoaded.emit(True)

    def _background_failed(self, path: str, exc: Exception) -> None:
        self._end_background()
        self.summary.setText(self._status_before)
        if not isinstance(exc, (DataError, ValueError, OSError)):
            raise exc  # not a problem of the file: the application's error hook shows it
        self._refuse(path, str(exc))
        self.csvLoaded.emit(False)

    def _end_background(self) -> None:
        if self.loading is not None:
            self.loading.deleteLater()
        self.loading = None
        self.setEnabled(True)

    def _take(self, path: str, data, network, options=None) -> None:
        self._csv_path = path
        self._csv_options = options  # the import dialog's reading, kept for reopening the file
        self._apply(data, network, CSV_PREFIX + path)

    def new_points(self) -> bool:
        """Draw the current generated data set again with a new seed."""
        key = self.current_key()
        if key not in DATASETS or DATASETS[key].generator is None:
            return False
        self._seed += 1
        return self._load_builtin(key)

    # ------------------------------------------------------------------ switching
    def _load_builtin(self, name: str, defaults: bool = False) -> bool:
        info = DATASETS.get(name)
        if info is None:
            return False
        if defaults and info.generator is not None:
            self._set_generator_controls(info.n_samples, info.noise)
        try:
            if info.generator is None:
                dataset = load_dataset(name)
            else:
                dataset = load_dataset(name, n_samples=self.samplesSpin.value(),
                                       noise=self.noiseSpin.value(), seed=self._seed)
            data, network = self._prepare(dataset, self._document.network, self._split())
        except (DataError, ValueError) as exc:
            self._refuse(name, str(exc))
            return False
        self._apply(data, network, name)
        return True

    def _split(self) -> float:
        """The share of the examples new data keeps aside for testing."""
        return self._test_fraction() if self._test_fraction is not None else TEST_FRACTION

    def _prepare(self, dataset, network, fraction: float):
        """(TrainingData, network) for ``dataset``, the network adapted from ``network``;
        raises before anything has changed."""
        data = prepare_data(dataset, test_fraction=fraction, seed=0)
        if data.n_inputs < 1 or data.n_outputs < 1:
            raise DataError(self.tr("the data set has no inputs or no answers to learn"))
        data.summary  # noqa: B018 - worked out here, in the reading thread for a big table, not in the window
        return data, network_for_data(network, data)

    def _apply(self, data, network, key: str) -> None:
        self._last = (data.dataset, key)
        self._document.set_data(data, network)  # -> dataChanged -> _sync_from_document

    def _refuse(self, what: str, message: str) -> None:
        name = os.path.basename(what) or what
        QMessageBox.warning(
            self,
            self.tr("Could not use the data"),
            self.tr("nnsim could not use “{name}”:\n\n{message}\n\nNothing was changed.").format(
                name=name, message=translate_message(message)),
        )
        self._sync_from_document()  # put the combo back on what is really loaded

    # ------------------------------------------------------------------ controls
    def _on_combo(self, index: int) -> None:
        if self._syncing:
            return
        key = self.datasetCombo.itemData(index)
        if key == OPEN_CSV:
            self._sync_from_document()  # the entry is an action, not a state
            QTimer.singleShot(0, self, self.open_csv_dialog)  # after the popup has closed
        elif isinstance(key, str) and key.startswith(CSV_PREFIX):
            if not self.open_csv(key[len(CSV_PREFIX):]):
                self._sync_from_document()
        elif key in DATASETS:
            self._seed = 0
            self._load_builtin(key, defaults=True)

    def _on_generator_setting(self, _value) -> None:
        if self._syncing:
            return
        key = self.current_key()
        if key in DATASETS and DATASETS[key].generator is not None:
            self._load_builtin(key)

    def _set_generator_controls(self, n_samples, noise) -> None:
        with QSignalBlocker(self.samplesSpin), QSignalBlocker(self.noiseSpin):
            if n_samples is not None:
                self.samplesSpin.setValue(int(n_samples))
            if noise is not None:
                self.noiseSpin.setValue(float(noise))

    def _on_row_selected(self, *_args) -> None:
        if self._syncing or self._document.data is None:
            return
        rows = self.sampleTable.selectionModel().selectedRows()
        if len(rows) == 1 and rows[0].row() != self._document.sample_index:
            self._document.set_sample_index(rows[0].row())

    # ------------------------------------------------------------------ from the document
    def _sync_from_document(self) -> None:
        """Show what the document holds: combo entry, controls, summary, rows, sample."""
        data = self._document.data
        ds = data.dataset if data is not None else None
        self._syncing = True
        try:
            key = None
            if ds is not None and ds is self._last[0]:
                key = self._last[1]
            elif ds is not None and ds.name in DATASETS:
                key = ds.name  # set elsewhere (an example, a model file)
            if key and key.startswith(CSV_PREFIX):
                self._set_csv_entry(key[len(CSV_PREFIX):])
            self.datasetCombo.setCurrentIndex(self.datasetCombo.findData(key) if key else -1)
            info = DATASETS.get(key) if key else None
            generated = info is not None and info.generator is not None
            self.generatorControls.setVisible(generated)
            if generated and ds is not None:
                # a set loaded elsewhere was made with the default noise
                noise = None if ds is self._last[0] else info.noise
                self._set_generator_controls(ds.n_samples, noise)
            self.description.setText(self._describe(key, ds))
            self.summary.setText(self._summarize(data))
            self.model.set_training_data(data)
            self._fit_columns()
        finally:
            self._syncing = False
        self._sync_sample()

    def _sync_sample(self) -> None:
        row = self._document.sample_index
        self._syncing = True
        try:
            selection = self.sampleTable.selectionModel()
            if 0 <= row < self.model.rowCount():
                current = [r.row() for r in selection.selectedRows()]
                if current != [row]:
                    self.sampleTable.selectRow(row)
                self.sampleTable.scrollTo(self.model.index(row, 0))
            else:
                selection.clearSelection()
        finally:
            self._syncing = False

    # ------------------------------------------------------------------ texts
    def _fill_combo(self) -> None:
        for name, info in DATASETS.items():
            self.datasetCombo.addItem(translate_name(info.title), name)
            self.datasetCombo.setItemData(self.datasetCombo.count() - 1, translate_name(info.description),
                                          Qt.ToolTipRole)
        self.datasetCombo.insertSeparator(self.datasetCombo.count())
        self.datasetCombo.addItem(self.tr("Open CSV…"), OPEN_CSV)
        self.datasetCombo.setItemData(self.datasetCombo.count() - 1,
                                      self.tr("Learn from your own table (a CSV file)"), Qt.ToolTipRole)

    def _set_csv_entry(self, path: str) -> None:
        """One entry for the last CSV file, just above "Open CSV…"; choosing it reloads the file."""
        key = CSV_PREFIX + path
        old = next((i for i in range(self.datasetCombo.count())
                    if str(self.datasetCombo.itemData(i) or "").startswith(CSV_PREFIX)), -1)
        text = self.tr("File: {name}").format(name=os.path.basename(path))
        if old >= 0:
            self.datasetCombo.setItemText(old, text)
            self.datasetCombo.setItemData(old, key)
            index = old
        else:
            index = self.datasetCombo.findData(OPEN_CSV)
            self.datasetCombo.insertItem(index, text, key)
        self.datasetCombo.setItemData(index, path, Qt.ToolTipRole)

    def _describe(self, key, ds) -> str:
        if ds is None:
            return self.tr("No data set: the network on its own.")
        if key in DATASETS:
            return translate_name(DATASETS[key].description)
        text = self.tr("Your table “{name}”.").format(name=ds.name)
        encoding = ENCODING_NAMES.get(getattr(ds, "source_encoding", ""))
        if encoding:
            # which text encoding the file was read as: if accents look wrong, this says why
            text += " " + self.tr("Read as {encoding} text.").format(encoding=encoding)
        return text

    def _summarize(self, data) -> str:
        if data is None:
            return ""
        ds = data.dataset
        n_test = len(getattr(data, "test_index", ())) if getattr(data, "test_index", None) is not None \
            else len(np.ravel(data.y_test))
        if ds.is_classification:
            what = self.tr("{k} classes").format(k=len(ds.class_names))
        else:
            what = self.tr("predicts {names}").format(names=", ".join(ds.target_names))
        return self.tr("{n} examples, {d} inputs, {what}; {train} to train on, {test} to test.").format(
            n=ds.n_samples, d=ds.n_features, what=what, train=ds.n_samples - n_test, test=n_test)

    @staticmethod
    def _name(object_name: str, widget: QWidget, accessible: str, tooltip: str) -> None:
        widget.setObjectName(object_name)
        widget.setAccessibleName(accessible)
        widget.setToolTip(tooltip)


def _two_lines(text: str) -> str:
    """A long column name split at the space nearest its middle, so columns stay narrow."""
    if len(text) <= 10 or " " not in text:
        return text
    middle = len(text) / 2
    cut = min((i for i, ch in enumerate(text) if ch == " "), key=lambda i: abs(i - middle))
    return text[:cut] + "\n" + text[cut + 1:]
