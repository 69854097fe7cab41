"""The window's document on disk: File ▸ New, Open, Open Recent, Save, Save As, the lessons,
unsaved changes, and the recovery copy.

One ``.nnsim`` file (``nnsim.core.document``) holds everything a lesson needs; this module
gathers it from the window's live parts (``current_document``) and puts a file's contents
back into them (``show_document``), so training goes on from the saved epoch without a
Reset. Older model files open too (the engine reads them as documents).

- **Modified.** Training, edits (anything on the undo stack), data and settings changes mark
  the document modified (``setWindowModified``: the title bar's ``*``); opening, saving and
  New mark it clean.
- **Asking first.** Closing, New, Open, Open Recent and a lesson ask Save / Discard / Cancel
  (``ask_unsaved``) when there are unsaved changes; ``open_document(path)`` itself never asks.
- **Saving** is atomic (``QSaveFile``): a failed save says why and the old file is intact.
- **Recent files** are kept in the settings (``RECENT_KEY``), newest first.
- **Recovery**: ``nnsim.ui.recovery`` copies unsaved work every minute and offers it back
  after a crash (``offer_recovery``).
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QDateTime, QLocale, QObject, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from nnsim.core.document import DataSource, build_document, document_bytes, load_document, localized
from nnsim.core.resources import resource_path
from nnsim.core.trainer import TrainingSettings
from nnsim.model.messages import translate_message
from nnsim.ui.language import current_language
from nnsim.ui.number_text import interface_locale
from nnsim.ui.recovery import Recovery, write_file

#: the settings key of the recent files (a list of paths, newest first)
RECENT_KEY = "documents/recent"
MAX_RECENT = 8
#: a table with more values than this is not copied every minute: writing (and checking) it
#: would hold the window for seconds; it is saved when the user saves
AUTOSAVE_MAX_VALUES = 50_000  # about a second of work on a busy two-core machine
SUFFIX = ".nnsim"


def lesson_paths() -> list[Path]:
    """The shipped lessons, in their order (their file names start with a number)."""
    return sorted(resource_path("lessons").glob(f"*{SUFFIX}"))


def lesson_title(path: Path):
    """A lesson's title as stored (a text or {"en": ..., "es": ...}), read cheaply."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8")).get("title") or path.stem
    except (OSError, ValueError, AttributeError):
        return path.stem


class DocumentFiles(QObject):
    """Files for ``window`` (a ``MainWindow``): see the module docstring."""

    #: the document became modified (True) or clean (False)
    modifiedChanged = Signal(bool)
    #: a document was opened or a lesson loaded (its path, "" for a lesson or New)
    documentOpened = Signal(str)

    def __init__(self, window, parent: QObject | None = None):
        super().__init__(parent or window)
        self._window = window
        #: the file the document was opened from or saved to (None: untitled, or a lesson)
        self.path: Path | None = None
        #: the lesson's title, teacher's note and goal, kept when it is saved again
        self.title, self.note, self.goal = "", "", None
        self._split = None  # (data, test fraction, split seed) of the data in use
        self._modified = False
        self._changed = False  # a change the undo stack does not hold (training, data, settings)
        self.recent_menu: QMenu | None = None
        self.recovery = Recovery(self.document_bytes, self._worth_a_copy, lambda: (self.path, self.title),
                                 parent=self)
        training, document = window.training, window.document
        window.undo_stack.cleanChanged.connect(self._update_modified)  # undoing every edit is clean again
        document.dataChanged.connect(self.changed)
        training.historyCleared.connect(self.changed)
        training.settingsChanged.connect(self.changed)
        training.snapshotApplied.connect(self._snapshot_shown)

    # ------------------------------------------------------------------ modified
    @property
    def modified(self) -> bool:
        return self._modified

    @Slot()
    def changed(self, *_args) -> None:
        """Something a document stores changed: the document has unsaved changes."""
        self._changed = True
        self._update_modified()

    def _snapshot_shown(self, snap) -> None:
        if snap.kind != "loaded":  # training moved the weights (a load only shows them)
            self.changed()

    @Slot()
    def _update_modified(self, *_args) -> None:
        try:
            clean = self._window.undo_stack.isClean()
        except RuntimeError:  # the window is being destroyed
            return
        self._set_modified(self._changed or not clean)

    def _worth_a_copy(self) -> bool:
        """Unsaved changes, and data small enough to copy without holding the window."""
        data = self._window.document.data
        return self._modified and (data is None or data.dataset.X.size <= AUTOSAVE_MAX_VALUES)

    def mark_clean(self) -> None:
        """The document is as on disk (opened, saved, or new)."""
        self._changed = False
        self._window.undo_stack.setClean()
        self._set_modified(False)
        self._window._update_title()

    def _set_modified(self, on: bool) -> None:
        try:
            self._window.setWindowModified(on)
        except RuntimeError:  # the window is being destroyed (its undo stack says goodbye)
            return
        if on != self._modified:
            self._modified = on
            self.modifiedChanged.emit(on)

    def display_name(self) -> str:
        """What the title bar calls the document: its file, a lesson's title, or "untitled"."""
        if self.path is not None:
            return self.path.name
        title = localized(self.title, current_language()).strip()
        return title or self.tr("untitled")

    # ------------------------------------------------------------------ asking first
    def ask_unsaved(self) -> str:
        """Ask whether to save the unsaved changes: "save", "discard" or "cancel"."""
        box = QMessageBox(QMessageBox.Warning, self.tr("Unsaved changes"),
                          self.tr("Save the changes to “%1”?").replace("%1", self.display_name()),
                          QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, self._window)
        box.setObjectName("unsavedPrompt")
        box.setInformativeText(self.tr("If you do not save them, the training and the changes made since "
                                       "the last save are lost."))
        box.setDefaultButton(QMessageBox.Save)
        box.button(QMessageBox.Save).setObjectName("unsavedSaveButton")
        box.button(QMessageBox.Discard).setObjectName("unsavedDiscardButton")
        box.button(QMessageBox.Cancel).setObjectName("unsavedCancelButton")
        answer = box.exec()
        box.deleteLater()
        return {QMessageBox.Save: "save", QMessageBox.Discard: "discard"}.get(QMessageBox.StandardButton(answer),
                                                                             "cancel")

    def may_discard(self) -> bool:
        """True when the document may be replaced or closed now: nothing unsaved, or the
        user saved it or chose to discard it. False: Cancel (or a save that failed)."""
        if not self._modified:
            return True
        answer = self.ask_unsaved()
        if answer == "save":
            return self.save()
        return answer == "discard"

    def closing(self) -> None:
        """The window closes for good (the user agreed): no recovery copy is needed."""
        self.recovery.stop()
        self.recovery.discard()

    # ------------------------------------------------------------------ the actions
    @Slot()
    def new_document(self) -> bool:
        """File ▸ New: the Iris flowers on a fresh network with the default settings, as at
        start-up (after asking about unsaved changes)."""
        if not self.may_discard():
            return False
        from nnsim.core.training_data import default_network, prepare_data

        source = DataSource.builtin("iris")
        data = prepare_data(source.load())
        doc = build_document(default_network(data, seed=0), data, TrainingSettings(), source=source)
        self.show_document(doc, None)
        self._window.statusBar().showMessage(self.tr("A new document"), 5000)
        return True

    @Slot()
    def open_dialog(self) -> bool:
        """File ▸ Open: ask about unsaved changes, then for a file, and open it."""
        if not self.may_discard():
            return False
        path, _ = QFileDialog.getOpenFileName(
            self._window, self.tr("Open"), self._dialog_dir(),
            self.tr("nnsim documents (*.nnsim *.nnsim.json *.json);;All files (*)"),
            options=QFileDialog.DontUseNativeDialog)
        return self.open_document(path) if path else False

    def open_recent(self, path) -> bool:
        if not self.may_discard():
            return False
        return self.open_document(path)

    @Slot()
    def save(self) -> bool:
        """File ▸ Save: to the document's file, or ask for one (Save As)."""
        if self.path is None:
            return self.save_as()
        return self.save_document(self.path)

    @Slot()
    def save_as(self) -> bool:
        """File ▸ Save As: ask for a file (``.nnsim`` is added when the name has no suffix)."""
        start = str(self.path) if self.path is not None else str(Path(self._dialog_dir()) / self._suggested_name())
        path, _ = QFileDialog.getSaveFileName(self._window, self.tr("Save as"), start,
                                              self.tr("nnsim documents (*.nnsim);;All files (*)"),
                                              options=QFileDialog.DontUseNativeDialog)
        if not path:
            return False
        if not path.endswith((SUFFIX, ".json")):
            path += SUFFIX
        return self.save_document(path)

    def open_lesson(self, path) -> bool:
        """A lesson from the Lessons menu (after asking about unsaved changes). It opens
        untitled, so Save asks where: the shipped file stays as it is."""
        if not self.may_discard():
            return False
        return self.open_document(path, lesson=True)

    def _suggested_name(self) -> str:
        title = localized(self.title, current_language()).strip()
        safe = "".join(ch for ch in title if ch.isalnum() or ch in " -_").strip()
        return (safe or self.tr("untitled")) + SUFFIX

    def _dialog_dir(self) -> str:
        if self.path is not None:
            return str(self.path.parent)
        recent = self.recent_files()
        return str(Path(recent[0]).parent) if recent else str(Path.home())

    # ------------------------------------------------------------------ open
    def open_document(self, path, lesson: bool = False) -> bool:
        """Open the document (or older model file) at ``path`` without asking. A file that
        cannot be opened (broken, from a newer nnsim, missing) gets a message saying why
        and changes nothing."""
        window = self._window
        try:
            doc = load_document(path)
            problem = window.training_panel.settings_problem(doc.settings)
            if problem:
                raise ValueError(problem)
        except OverflowError:
            detail = self.tr("A number in the file is too large (the largest is about 1.8e308).")
        except Exception as error:  # noqa: BLE001 - a bad file must never escape the open action
            detail = translate_message(str(error)) or type(error).__name__
        else:
            self.show_document(doc, None if lesson else Path(path))
            if lesson:
                window.statusBar().showMessage(self.tr("Lesson: %1").replace("%1", self.display_name()), 5000)
            else:
                self.add_recent(path)
                window.statusBar().showMessage(self.tr("Opened %1").replace("%1", str(path)), 5000)
            if doc.optimizer_problem:  # the document opened; its training goes on with a fresh optimizer
                window.statusBar().showMessage(
                    self.tr("Opened %1. The optimizer's memory in it did not fit, so training goes on "
                            "with a fresh optimizer.").replace("%1", str(path)), 10000)
            return True
        window._show_error(self.tr("Could not open the file"),
                           self.tr("%1 is not a file nnsim can open:\n%2\n\nNothing was changed.")
                           .replace("%1", str(path)).replace("%2", detail))
        return False

    def show_document(self, doc, path: Path | None, modified: bool = False) -> None:
        """Put everything ``doc`` stores into the window: network, data, settings, split,
        epoch and history (training goes on from there), selection, note."""
        window = self._window
        training, document = window.training, window.document
        training.pause()
        data = doc.data
        window.data_panel.adopt_source(doc.source, data)
        document.set_data(data, doc.network.copy(), user=False)
        if data is not None and doc.sample_index is not None:
            document.set_sample_index(doc.sample_index)
        training.adopt_settings(doc.settings)
        training.restore_progress(doc.epoch, doc.history, doc.optimizer_state)
        self._split = (data, doc.test_fraction, doc.split_seed) if data is not None else None
        if doc.selected_node is not None:
            window.selection.select_node(*doc.selected_node)
        else:
            window._select_first_hidden()
        window.undo_stack.clear()
        window.network_view.fit_to_view()
        self.title, self.note, self.goal = doc.title, doc.note, doc.goal
        window.show_lesson_note(doc.title, doc.note, doc.goal)
        self.path = path
        self.recovery.discard()
        self.mark_clean()
        if modified:
            self.changed()
        self.documentOpened.emit("" if path is None else str(path))

    # ------------------------------------------------------------------ save
    def current_document(self):
        """The window's state as a ``LessonDocument`` (``ModelFileError`` if it cannot be one)."""
        window = self._window
        training, document = window.training, window.document
        data = document.data
        fraction, seed = self._split_of(data)
        epoch = training.epoch
        sample = document.sample_index if data is not None and document.sample_index >= 0 else None
        return build_document(
            document.network, data, training.settings, source=window.data_panel.data_source(),
            test_fraction=fraction, split_seed=seed, epoch=epoch, history=training.history.history(epoch),
            title=self.title, note=self.note, goal=self.goal, selected_node=window.selection.node,
            sample_index=sample, optimizer_state=training.optimizer_state)

    def document_bytes(self) -> bytes:
        return document_bytes(self.current_document())

    def _split_of(self, data) -> tuple[float, int]:
        """The test fraction and seed that split ``data`` (a document needs them to make the
        same split again)."""
        if data is None:
            return 0.3, 0
        if self._split is not None and self._split[0] is data:
            return self._split[1], self._split[2]
        from nnsim.core.training_data import prepare_data

        n_test, n = len(data.test_index), len(data.test_index) + len(data.train_index)
        ratio = n_test / max(1, n)
        spin = self._window.training_panel.testSplitSpin.value() / 100.0
        for fraction in dict.fromkeys((ratio, round(ratio, 2), spin, 0.3, round(ratio, 1))):
            if not 0.0 <= fraction <= 0.9:
                continue
            try:
                again = prepare_data(data.dataset, fraction, 0, data.standardizer is not None)
            except ValueError:
                continue
            if len(again.test_index) == n_test and (again.test_index == data.test_index).all() \
                    and (again.train_index == data.train_index).all():
                self._split = (data, fraction, 0)
                return fraction, 0
        return ratio, 0  # build_document then says the split cannot be made again

    def save_document(self, path) -> bool:
        """Write the document to ``path`` atomically. True when saved; otherwise a message
        says why and the old file (if any) is exactly as it was."""
        window = self._window
        path = Path(path)
        try:
            write_file(path, self.document_bytes())
        except Exception as error:  # noqa: BLE001 - a failed save must say so, never crash
            detail = translate_message(str(error)) or type(error).__name__
            window._show_error(self.tr("Could not save"),
                               self.tr("The document could not be saved to %1:\n%2\n\n"
                                       "The file that was there is unchanged.")
                               .replace("%1", str(path)).replace("%2", detail))
            return False
        self.path = path
        self.recovery.discard()
        self.add_recent(path)
        self.mark_clean()
        window.statusBar().showMessage(self.tr("Saved to %1").replace("%1", str(path)), 5000)
        return True

    # ------------------------------------------------------------------ recent files
    def recent_files(self) -> list[str]:
        settings = self._window._settings
        if settings is None:
            return []
        value = settings.value(RECENT_KEY, [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or []) if isinstance(v, str) and v][:MAX_RECENT]

    def add_recent(self, path) -> None:
        settings = self._window._settings
        if settings is None:
            return
        path = str(Path(path).absolute())
        files = [path] + [p for p in self.recent_files() if p != path]
        settings.setValue(RECENT_KEY, files[:MAX_RECENT])
        self._fill_recent_menu()

    def clear_recent(self) -> None:
        settings = self._window._settings
        if settings is not None:
            settings.setValue(RECENT_KEY, [])
        self._fill_recent_menu()

    def make_recent_menu(self, parent_menu: QMenu) -> QMenu:
        """File ▸ Open Recent (``recentMenu``), filled from the settings."""
        menu = parent_menu.addMenu(self.tr("Open &Recent"))
        menu.setObjectName("recentMenu")
        self.recent_menu = menu
        self._fill_recent_menu()
        return menu

    def _fill_recent_menu(self) -> None:
        menu = self.recent_menu
        if menu is None:
            return
        menu.clear()
        files = self.recent_files()
        for k, path in enumerate(files):
            action = menu.addAction(f"&{k + 1} {Path(path).name}")
            action.setObjectName(f"recentAction_{k}")
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda checked=False, p=path: self.open_recent(p))
        if files:
            menu.addSeparator()
        clear = menu.addAction(self.tr("&Clear the list"))
        clear.setObjectName("clearRecentAction")
        clear.setEnabled(bool(files))
        clear.triggered.connect(self.clear_recent)

    # ------------------------------------------------------------------ lessons
    def make_lessons_menu(self, menu: QMenu) -> dict:
        """One action per shipped lesson (``lessonAction_<file name>``), titled in the
        interface's language; returns them by file name."""
        actions = {}
        language = current_language()
        for path in lesson_paths():
            title = lesson_title(path)
            action = menu.addAction(localized(title, language) or path.stem)
            action.setObjectName(f"lessonAction_{path.stem}")
            tip = self.tr("Open the lesson “%1”").replace("%1", localized(title, language))
            action.setToolTip(tip)
            action.setStatusTip(tip)
            action.triggered.connect(lambda checked=False, p=path: self.open_lesson(p))
            actions[path.stem] = action
        return actions

    # ------------------------------------------------------------------ recovery
    def offer_recovery(self) -> bool:
        """After a crash: offer each recovery copy left behind (newest first). A restored
        copy opens marked modified under its original's name (the original untouched);
        restored or declined, the copy is removed. True when one was restored."""
        for copy in self.recovery.orphans():
            if not self.ask_restore(copy):
                Recovery.remove(copy)
                continue
            try:
                doc = load_document(copy.path)
            except Exception as error:  # noqa: BLE001 - a broken copy: say so, keep the window as it is
                self._window._show_error(self.tr("Could not restore"),
                                         self.tr("The recovery copy could not be opened:\n%1")
                                         .replace("%1", translate_message(str(error))))
                Recovery.remove(copy)
                continue
            Recovery.remove(copy)
            self.show_document(doc, copy.original, modified=True)
            self._window.statusBar().showMessage(self.tr("Restored from the recovery copy of %1")
                                                 .replace("%1", self.display_name()), 8000)
            return True
        return False

    def recovery_question(self, copy) -> str:
        name = copy.original.name if copy.original is not None else (
            localized(copy.title, current_language()).strip() or self.tr("untitled"))
        made = QDateTime.fromSecsSinceEpoch(int(copy.made.timestamp()))
        locale = interface_locale()
        when = locale.toString(made.date(), QLocale.LongFormat) + ", " + locale.toString(made.time(), QLocale.ShortFormat)
        return (self.tr("nnsim did not close properly last time. A recovery copy of “%1” was made on %2.")
                .replace("%1", name).replace("%2", when))

    def ask_restore(self, copy) -> bool:
        """Ask whether to restore ``copy`` (a ``RecoveryCopy``)."""
        box = QMessageBox(QMessageBox.Question, self.tr("Restore unsaved work?"), self.recovery_question(copy),
                          QMessageBox.NoButton, self._window)
        box.setObjectName("recoveryPrompt")
        box.setInformativeText(self.tr("Restore it? The original file is not changed until you save."))
        restore = box.addButton(self.tr("Restore"), QMessageBox.AcceptRole)
        restore.setObjectName("recoveryRestoreButton")
        discard = box.addButton(self.tr("Discard it"), QMessageBox.DestructiveRole)
        discard.setObjectName("recoveryDiscardButton")
        box.setDefaultButton(restore)
        box.exec()
        box.deleteLater()
        return box.clickedButton() is restore
