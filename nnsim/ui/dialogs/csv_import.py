"""The CSV import dialog: see the first rows of a table, choose how to read it, then load it.

The choices (encoding, separator, decimal mark, the answer column, columns left out, class or
number) start as ``nnsim.core.csv_loader`` detects them; each change re-reads only the start
of the file (`preview_csv`, a quarter of a megabyte, at once) and lists every problem of the
first rows before anything is loaded. Load reads and checks the whole file in a
`BackgroundTask` with a progress bar, so the window keeps painting; Cancel stops it. Nothing
outside the dialog changes until the whole file has been read: then ``loaded`` carries the
result and the dialog closes.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from dataclasses import replace

from PySide6.QtCore import QObject, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nnsim.core import CLASSIFICATION, REGRESSION, DataError
from nnsim.core.csv_loader import PREVIEW_ROWS, CsvOptions, load_csv, preview_csv, read_preview_bytes
from nnsim.model.messages import translate_message
from nnsim.ui.background import BackgroundTask

# progress reports from the reading thread at most this often: a signal per chunk would
# crowd the window's event loop (QT-NOTES: throttle to about 50 Hz)
PROGRESS_INTERVAL = 0.04
# the reading thread's pause between chunks (each a few milliseconds of work)
YIELD_SECONDS = 0.001
# the interpreter's switch interval while a table is read: the window's thread waits at
# most this long for its turn (Python's default 5 ms, paid on every call from Qt into
# Python, adds up to seconds of frozen painting); the training thread's link does the same
SWITCH_INTERVAL = 0.0002
# a problem row's colour in the preview (a pale red that black text reads well on)
PROBLEM_COLOUR = QColor(255, 214, 214)
LEFT_OUT_COLOUR = QColor(150, 150, 150)


# what a dropped file's name ends with for it to be taken as a table
TABLE_SUFFIXES = (".csv", ".tsv", ".txt")


def dropped_table(mime_data) -> str | None:
    """The local table file a drag carries (the first one), or None: a drop of anything
    else (a web link, an image, text) is not for the import dialog."""
    if mime_data is None or not mime_data.hasUrls():
        return None
    for url in mime_data.urls():
        if url.isLocalFile() and url.toLocalFile().lower().endswith(TABLE_SUFFIXES):
            return url.toLocalFile()
    return None


class LoadCancelled(Exception):
    """Raised inside the reading thread when Cancel was pressed: the reading stops there."""


class _Progress(QObject):
    """Carries the reading thread's fraction to the window's thread (a queued signal)."""

    changed = Signal(float)


class CsvImportDialog(QDialog):
    """Choose how to read the CSV file ``path``, see its first rows and their problems, load it.

    ``preparer``, called on the window's thread when Load is pressed, returns the function
    the reading thread applies to the loaded `Dataset` (the data panel prepares the training
    data and the adapted network there); ``loaded`` carries that function's result. Without
    a preparer ``loaded`` carries the Dataset.
    """

    loaded = Signal(object)

    def __init__(self, path, preparer=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("csvImportDialog")
        self.path = os.fspath(path)
        self._preparer = preparer
        self._names: list[str] = []
        self._answer = None  # the answer column the kind was last guessed for
        self.preview = None
        self.loading: BackgroundTask | None = None
        self._cancel = threading.Event()
        self._load_failed = False  # the last Load was refused: wait for another choice
        name = os.path.basename(self.path)
        self.setWindowTitle(self.tr("Import a table: {name}").format(name=name))
        self.setAccessibleName(self.tr("Import a CSV table"))

        self._make_widgets()
        self._lay_out()
        try:
            self._bytes, self._complete = read_preview_bytes(self.path)
        except DataError as exc:
            self._bytes, self._complete = None, True
            self._show_file_refused(str(exc))
            return
        self._refresh(detect=True)
        for combo in (self.encodingCombo, self.separatorCombo, self.decimalCombo, self.answerCombo,
                      self.kindCombo):
            combo.currentIndexChanged.connect(lambda _i: self._refresh())
        self.leaveOutList.itemChanged.connect(lambda _item: self._refresh())

    # ------------------------------------------------------------------ building
    def _make_widgets(self) -> None:
        def named(widget, object_name, accessible, tip):
            widget.setObjectName(object_name)
            widget.setAccessibleName(accessible)
            widget.setToolTip(tip)
            return widget

        self.encodingCombo = named(QComboBox(), "csvEncoding", self.tr("Text encoding"),
                                   self.tr("How the file's letters are stored; if accents look wrong in the "
                                           "preview, try another"))
        self.separatorCombo = named(QComboBox(), "csvSeparator", self.tr("Separator"),
                                    self.tr("The character between the values of a row"))
        self.decimalCombo = named(QComboBox(), "csvDecimalMark", self.tr("Decimal mark"),
                                  self.tr("How the numbers write their decimals: 5.1 or 5,1"))
        self.answerCombo = named(QComboBox(), "csvAnswerColumn", self.tr("Answer column"),
                                 self.tr("The column the network learns to predict: the known answer"))
        self.kindCombo = named(QComboBox(), "csvAnswerKind", self.tr("Kind of answer"),
                               self.tr("A class is a name or a category; a number is a quantity to predict"))
        self.leaveOutList = named(QListWidget(), "csvLeaveOut", self.tr("Columns to leave out"),
                                  self.tr("Tick the columns the network should not learn from, such as names "
                                          "or ids"))
        self.previewTable = named(QTableWidget(), "csvPreviewTable", self.tr("Preview of the first rows"),
                                  self.tr("The first rows of the file, as they will be read"))
        self.previewTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.previewTable.setWordWrap(False)
        # one line of text a row, as the data panel's table: many rows in view
        self.previewTable.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.previewTable.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        self.previewTable.setSelectionMode(QAbstractItemView.NoSelection)
        self.problemsList = named(QListWidget(), "csvProblems", self.tr("Problems"),
                                  self.tr("What must be fixed, in the file or in the choices, before loading"))
        self.problemsList.setWordWrap(True)
        self.statusLabel = named(QLabel(), "csvStatus", self.tr("Status"), "")
        self.statusLabel.setWordWrap(True)
        self.progressBar = named(QProgressBar(), "csvProgress", self.tr("Reading progress"),
                                 self.tr("How much of the file has been read"))
        self.progressBar.setRange(0, 100)
        self.progressBar.hide()

        for code, text in (("utf-8", self.tr("UTF-8")), ("utf-8-sig", self.tr("UTF-8 with a byte-order mark")),
                           ("utf-16-le", self.tr("UTF-16 (little-endian)")),
                           ("utf-16-be", self.tr("UTF-16 (big-endian)")),
                           ("cp1252", self.tr("Windows-1252 (Western Europe)"))):
            self.encodingCombo.addItem(text, code)
        for sep, text in ((",", self.tr("Comma ( , )")), (";", self.tr("Semicolon ( ; )")), ("\t", self.tr("Tab"))):
            self.separatorCombo.addItem(text, sep)
        self.decimalCombo.addItem(self.tr("Point (5.1)"), False)
        self.decimalCombo.addItem(self.tr("Comma (5,1)"), True)
        self.kindCombo.addItem(self.tr("A class (a name or category)"), CLASSIFICATION)
        self.kindCombo.addItem(self.tr("A number (a quantity)"), REGRESSION)

        self.buttons = QDialogButtonBox()
        self.loadButton = self.buttons.addButton(self.tr("Load"), QDialogButtonBox.AcceptRole)
        self.loadButton.setObjectName("csvLoadButton")
        self.loadButton.setAccessibleName(self.tr("Load the table"))
        self.loadButton.setEnabled(False)
        self.cancelButton = self.buttons.addButton(QDialogButtonBox.Cancel)
        self.cancelButton.setObjectName("csvCancelButton")
        self.loadButton.clicked.connect(self.start_loading)
        self.cancelButton.clicked.connect(self.reject)

    def _lay_out(self) -> None:
        reading = QGroupBox(self.tr("Reading the file"))
        form = QFormLayout(reading)
        for label, widget in ((self.tr("&Encoding"), self.encodingCombo), (self.tr("&Separator"), self.separatorCombo),
                              (self.tr("&Decimal mark"), self.decimalCombo)):
            form.addRow(label, widget)
        answer = QGroupBox(self.tr("What to learn"))
        answer_form = QFormLayout(answer)
        answer_form.addRow(self.tr("&Answer column"), self.answerCombo)
        answer_form.addRow(self.tr("&The answer is"), self.kindCombo)
        left_out = QGroupBox(self.tr("Leave out"))
        left_out_layout = QVBoxLayout(left_out)
        left_out_layout.addWidget(self.leaveOutList)
        # the choices take the height they need; the preview gets the rest
        lines = self.fontMetrics().height()
        self.leaveOutList.setMinimumWidth(12 * lines)
        self.leaveOutList.setMaximumHeight(6 * lines)
        self.problemsList.setMinimumHeight(4 * lines)
        for group in (reading, answer, left_out):
            group.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Maximum)
        choices = QHBoxLayout()
        choices.addWidget(reading)
        choices.addWidget(answer)
        choices.addWidget(left_out, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(choices)
        layout.addWidget(QLabel(self.tr("First rows of the file:")))
        layout.addWidget(self.previewTable, 3)
        layout.addWidget(QLabel(self.tr("Problems:")))
        layout.addWidget(self.problemsList, 1)
        layout.addWidget(self.statusLabel)
        layout.addWidget(self.progressBar)
        layout.addWidget(self.buttons)
        self.resize(900, 640)

    # ------------------------------------------------------------------ the choices
    def options(self) -> CsvOptions:
        """The reading the dialog's choices describe."""
        answer = self.answerCombo.currentText() if self.answerCombo.count() else None
        return CsvOptions(separator=self.separatorCombo.currentData(), decimal_comma=self.decimalCombo.currentData(),
                          encoding=self.encodingCombo.currentData(), target=answer,
                          exclude=tuple(self.left_out()), task=self.kindCombo.currentData())

    def left_out(self) -> list[str]:
        """The names of the columns ticked to be left out (never the answer's)."""
        answer = self.answerCombo.currentText()
        return [item.text() for item in map(self.leaveOutList.item, range(self.leaveOutList.count()))
                if item.checkState() == Qt.Checked and item.text() != answer]

    def set_answer_column(self, name: str) -> None:
        self.answerCombo.setCurrentIndex(self.answerCombo.findText(name, Qt.MatchExactly))

    def set_left_out(self, name: str, leave_out: bool = True) -> None:
        items = self.leaveOutList.findItems(name, Qt.MatchExactly)
        if items:
            items[0].setCheckState(Qt.Checked if leave_out else Qt.Unchecked)

    def problems(self) -> list[str]:
        """The problems as the dialog lists them (translated)."""
        return [self.problemsList.item(i).text() for i in range(self.problemsList.count())]

    def _refresh(self, detect: bool = False) -> None:
        """Read the start of the file with the current choices; show its rows and problems."""
        self._load_failed = False
        if detect:
            detected = preview_csv(self._bytes, CsvOptions(), complete=self._complete)
            self._show_detected(detected)
            self._set_columns(detected.names, keep=None)
        options = self.options()
        # the columns this reading gives (without the column choices, which may not fit them)
        reading = CsvOptions(separator=options.separator, decimal_comma=options.decimal_comma,
                             encoding=options.encoding)
        names = preview_csv(self._bytes, reading, rows=0, complete=self._complete).names
        if names != self._names:  # another separator or encoding: keep the choices that still fit
            self._set_columns(names, keep=options)
            options = self.options()
        if options.target != self._answer:  # a new answer column: guess its kind again
            self._answer = options.target
            guess = preview_csv(self._bytes, replace(options, task=None), complete=self._complete).task
            with QSignalBlocker(self.kindCombo):
                self.kindCombo.setCurrentIndex(max(0, self.kindCombo.findData(guess or CLASSIFICATION)))
            options = self.options()
        self.preview = preview_csv(self._bytes, options, complete=self._complete)
        self._show_preview(self.preview)

    def _show_detected(self, preview) -> None:
        """Select what was detected and say so in each combo's entry."""
        for combo, value in ((self.encodingCombo, preview.encoding), (self.separatorCombo, preview.separator),
                             (self.decimalCombo, preview.decimal_comma)):
            with QSignalBlocker(combo):
                index = combo.findData(value)
                if index >= 0:
                    combo.setItemText(index, self.tr("{choice} (detected)").format(choice=combo.itemText(index)))
                    combo.setCurrentIndex(index)
        with QSignalBlocker(self.kindCombo):
            self.kindCombo.setCurrentIndex(max(0, self.kindCombo.findData(preview.task or CLASSIFICATION)))

    def _set_columns(self, names: list[str], keep: CsvOptions | None) -> None:
        """Fill the answer and leave-out choices with ``names``; the answer stays if it is
        still a column (else the last), and so do the columns left out."""
        answer = keep.target if keep is not None and keep.target in names else (names[-1] if names else None)
        excluded = set(keep.exclude) if keep is not None else set()
        self._names = list(names)
        with QSignalBlocker(self.answerCombo), QSignalBlocker(self.leaveOutList):
            self.answerCombo.clear()
            self.answerCombo.addItems(names)
            if answer is not None:
                self.answerCombo.setCurrentIndex(names.index(answer))
            self.leaveOutList.clear()
            for name in names:
                item = QListWidgetItem(name)
                item.setFlags(Qt.ItemIsUserCheckable | Qt.ItemIsEnabled)
                item.setCheckState(Qt.Checked if name in excluded else Qt.Unchecked)
                self.leaveOutList.addItem(item)

    # ------------------------------------------------------------------ showing
    def _show_preview(self, preview) -> None:
        names = preview.names
        answer = self.answerCombo.currentText()
        left_out = set(self.left_out())
        with QSignalBlocker(self.leaveOutList):
            for i in range(self.leaveOutList.count()):
                item = self.leaveOutList.item(i)
                is_answer = item.text() == answer
                # the answer cannot be left out: its box is shown unticked and disabled
                item.setFlags(Qt.ItemIsUserCheckable | (Qt.NoItemFlags if is_answer else Qt.ItemIsEnabled))
                if is_answer:
                    item.setCheckState(Qt.Unchecked)
                item.setToolTip(self.tr("The answer column") if is_answer else "")
        table = self.previewTable
        table.clear()
        table.setColumnCount(len(names))
        table.setRowCount(len(preview.rows))
        headers = []
        for name in names:
            if name == answer:
                headers.append(self.tr("{name} (answer)").format(name=name))
            elif name in left_out:
                headers.append(self.tr("{name} (left out)").format(name=name))
            else:
                headers.append(name)
        table.setHorizontalHeaderLabels(headers)
        table.setVerticalHeaderLabels([str(line) for line, _ in preview.rows])
        bad_lines = set(preview.problem_lines)
        for r, (line, cells) in enumerate(preview.rows):
            for c in range(len(names)):
                item = QTableWidgetItem(cells[c] if c < len(cells) else "")
                if line in bad_lines:
                    item.setBackground(QBrush(PROBLEM_COLOUR))
                    item.setForeground(QBrush(QColor(0, 0, 0)))
                elif names[c] in left_out:
                    item.setForeground(QBrush(LEFT_OUT_COLOUR))
                table.setItem(r, c, item)
        table.resizeColumnsToContents()

        self.problemsList.clear()
        for message in preview.problems:
            self.problemsList.addItem(translate_message(message))
        valid = bool(names) and not preview.problems and self._bytes is not None
        if valid:
            shown = len(preview.rows)
            if preview.complete:
                self.statusLabel.setText(self.tr("No problems in the {n} rows shown.").format(n=shown) if
                                         shown < PREVIEW_ROWS else
                                         self.tr("No problems in the first {n} rows; Load checks the rest.")
                                         .format(n=shown))
            else:
                self.statusLabel.setText(self.tr("No problems in the first {n} rows; Load reads and checks the "
                                                 "whole file.").format(n=shown))
        elif preview.text_columns:
            # the usual case: a name or id column that is not a number
            self.statusLabel.setText(self.tr("Column “{name}” holds words, not numbers: tick it under Leave out, "
                                             "or choose it as the answer.").format(name=preview.text_columns[0]))
        else:
            self.statusLabel.setText(self.tr("Fix the problems above (or change the choices) to load the table."))
        self.loadButton.setEnabled(valid and self.loading is None and not self._load_failed)

    def _show_file_refused(self, message: str) -> None:
        """A file that cannot be read at all (too big, missing): say why; nothing to choose."""
        for widget in (self.encodingCombo, self.separatorCombo, self.decimalCombo, self.answerCombo,
                       self.kindCombo, self.leaveOutList):
            widget.setEnabled(False)
        self.problemsList.clear()
        self.problemsList.addItem(translate_message(message))
        self.statusLabel.setText(self.tr("This file cannot be imported."))
        self.loadButton.setEnabled(False)

    # ------------------------------------------------------------------ loading
    def start_loading(self) -> bool:
        """Read and check the whole file in the background with the current choices."""
        if not self.loadButton.isEnabled() or self.loading is not None:
            return False
        options, path, cancel = self.options(), self.path, self._cancel
        finish = self._preparer() if self._preparer is not None else (lambda dataset: dataset)
        progress = _Progress(self)
        progress.changed.connect(self._show_progress)
        last = [0.0]

        def report(fraction: float) -> None:  # in the reading thread
            if cancel.is_set():
                raise LoadCancelled()
            now = time.monotonic()
            if now - last[0] >= PROGRESS_INTERVAL:
                last[0] = now
                progress.changed.emit(fraction)
            # QT-NOTES: a thread holding the interpreter back to back starves the window's
            # thread; a 1 ms sleep between chunks lets it in
            time.sleep(YIELD_SECONDS)

        def work():
            dataset = load_csv(path, options=options, progress=report)
            report(1.0)
            return finish(dataset)

        self.loading = BackgroundTask(work, "nnsim-csv-import", self)
        self.loading.done.connect(self._loading_done)
        self.loading.failed.connect(self._loading_failed)
        self._set_choices_enabled(False)
        self.loadButton.setEnabled(False)
        self._switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(min(self._switch_interval, SWITCH_INTERVAL))
        self.progressBar.setValue(0)
        self.progressBar.show()
        self.statusLabel.setText(self.tr("Reading {name}…").format(name=os.path.basename(path)))
        self.loading.start()
        return True

    def _show_progress(self, fraction: float) -> None:
        self.progressBar.setValue(round(100 * fraction))

    def _loading_done(self, result) -> None:
        self._end_loading()
        self.result_value = result
        self.loaded.emit(result)
        self.accept()

    def _loading_failed(self, exc: Exception) -> None:
        self._end_loading()
        if isinstance(exc, LoadCancelled):
            return
        if not isinstance(exc, (DataError, ValueError, OSError)):
            raise exc  # not a problem of the file: the application's error hook shows it
        # a problem past the rows the preview checked: listed like theirs; Load waits for a change
        self._load_failed = True
        self.problemsList.clear()
        self.problemsList.addItem(translate_message(str(exc)))
        self.statusLabel.setText(self.tr("Nothing was loaded. Fix the file (or change the choices) and try again."))
        self.loadButton.setEnabled(False)

    def _end_loading(self) -> None:
        if self.loading is not None:
            self.loading.deleteLater()
            if sys.getswitchinterval() == min(self._switch_interval, SWITCH_INTERVAL):
                sys.setswitchinterval(self._switch_interval)  # unless another part changed it since
        self.loading = None
        self.progressBar.hide()
        self._set_choices_enabled(True)

    def _set_choices_enabled(self, enabled: bool) -> None:
        for widget in (self.encodingCombo, self.separatorCombo, self.decimalCombo, self.answerCombo,
                       self.kindCombo, self.leaveOutList):
            widget.setEnabled(enabled)

    def reject(self) -> None:
        """Cancel: stop a reading under way (its result is dropped) and close; nothing changed."""
        if self.loading is not None:
            self._cancel.set()
            task = self.loading
            task.done.disconnect()
            task.wait(5.0)  # the reader stops at its next chunk, within milliseconds
            self._end_loading()
        super().reject()
