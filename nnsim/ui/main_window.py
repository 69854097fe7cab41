"""The main window: composes the panels; holds no maths and runs no training.

- centre: the network graph (``networkView``);
- right: the sliders of the selected neuron (``parameterPanel``) and the neuron explained;
- a toolbar with the structure edits and undo/redo; menus File, Edit, Lessons, View, Help;
  View ▸ Language chooses the interface language for the next start (``nnsim.ui.language``).
- documents (``.nnsim``): File ▸ New, Open, Open Recent, Save, Save As, the Lessons menu,
  unsaved changes and the recovery copy live in ``nnsim.ui.document_files``; the lesson's
  note is the ``lessonNotePanel`` dock.

The window is built from an application context (``nnsim.ui.context.AppContext``: the
document, the training controller, the settings) and docks every panel itself: training,
data, plots and the decision boundary too. Call ``restore_settings()`` once it is built, so
the saved dock layout finds them (``nnsim.app`` does).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QSettings, QSize, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFileDialog,
    QFrame,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QToolBar,
    QWidget,
)

from nnsim.core import Network
from nnsim.core.resources import resource_path
from nnsim.ui.language import LANGUAGES, current_language, resolve_language, store_language, stored_language
from nnsim.ui.language import language_locale
from nnsim.model.messages import translate_message
from nnsim.ui.background import BackgroundTask
from nnsim.ui.context import AppContext
from nnsim.ui.dialogs.ideas import IdeasDialog, window_ideas
from nnsim.ui.dialogs.csv_import import dropped_table
from nnsim.ui.dialogs.shortcuts import ShortcutsDialog
from nnsim.ui.document_files import DocumentFiles
from nnsim.ui.graph.network_view import NetworkView
from nnsim.ui.panels.neuron_panel import NeuronPanel
from nnsim.ui.panels.confusion_panel import ConfusionPanel
from nnsim.ui.panels.data_panel import DataPanel
from nnsim.ui.panels.lesson_note_panel import LessonNotePanel
from nnsim.ui.panels.parameter_panel import ParameterPanel
from nnsim.ui.panels.training_panel import TrainingPanel
from nnsim.ui.panels.update_panel import UpdatePanel
from nnsim.ui.panels.what_if_panel import WhatIfPanel
from nnsim.ui.plots.boundary import DecisionBoundaryView
from nnsim.ui.plots.curves import TrainingPlots
from nnsim.ui.presentation import Presentation
from nnsim.ui.first_layout import bottom_row, left_column, right_column
from nnsim.ui.exporting import Exporter
from nnsim.model.selection import SelectionModel, activation_title
from nnsim.model.structure import NetworkEditor
from nnsim.training.prediction_feed import PredictionFeed


class _Refused(Exception):
    """A model file the window cannot show: ``detail`` says why, in the user's language."""

    def __init__(self, detail: str):
        super().__init__(detail)
        self.detail = detail


class _PanelScroll(QScrollArea):
    """A panel that scrolls up and down when its dock is short, and is never narrower than
    the panel (a sideways scroll bar would hide half of every field)."""

    def __init__(self, panel: QWidget):
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setWidget(panel)

    def eventFilter(self, watched, event):  # noqa: N802 (Qt)
        # The panel grew wider (a field appeared: "After N epochs" and its box): the dock
        # must widen with it, or the panel's right side is cut off.
        if watched is self.widget() and event.type() == QEvent.LayoutRequest:
            self.updateGeometry()
        return super().eventFilter(watched, event)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt)
        panel = self.widget().minimumSizeHint()
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(panel.width() + bar, min(panel.height(), 80))


#: the version of the dock layout saved in the settings: raise it when the panels change, so
#: a layout saved by an older nnsim (other docks, other tabs) is not restored
LAYOUT_VERSION = 5  # 5: the boundary beside the graph; the scores, the update panel


def app_icon() -> QIcon:
    return QIcon(str(resource_path("icons", "nnsim.svg")))


#: Shown after a language is chosen. Deliberately in both languages and not through tr():
#: the person who just picked a language may not read the one the window is in now.
#: a model file at least this big is read in the background (a 50 MB file takes seconds)
BACKGROUND_FROM_BYTES = 1024 * 1024

LANGUAGE_NOTE = (
    "The new language is used the next time you start nnsim.\n\n"
    "El nuevo idioma se usará la próxima vez que abras nnsim."
)


class MainWindow(QMainWindow):
    #: a model file read in the background was opened (True) or refused (False)
    modelOpened = Signal(bool)
    #: an example replaced the network and data (its name: "one_neuron", "iris")
    exampleLoaded = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        # Numbers in the window's language (a decimal comma in Spanish): every panel inherits it.
        self.setLocale(language_locale())
        #: what this window's parts share; the window owns it from now on
        self.context = context
        context.setParent(self)
        document = context.document
        self._document = document
        self._settings = context.settings
        self._model_loading: BackgroundTask | None = None  # a big model file being read
        self._first_dock_sizes: list = []  # see set_first_dock_sizes
        self._layout_restored = False
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)  # a CSV file dropped on the window: dropEvent
        self.setDockOptions(QMainWindow.AnimatedDocks | QMainWindow.AllowTabbedDocks | QMainWindow.AllowNestedDocks)

        self.selection = SelectionModel(self)
        self.editor = NetworkEditor(document, self.selection, self)
        self.undo_stack = self.editor.undo_stack

        self.network_view = NetworkView(document, self.editor)
        # The graph and the decision boundary side by side in the middle of the window: the
        # pictures are what a class looks at, so they get the large central area.
        self.picture_splitter = QSplitter(Qt.Horizontal)
        self.picture_splitter.setObjectName("pictureSplitter")
        self.picture_splitter.setChildrenCollapsible(False)
        self.picture_splitter.addWidget(self.network_view)
        self.setCentralWidget(self.picture_splitter)
        self.parameter_panel = ParameterPanel(document, self.editor)
        self.neuron_panel = NeuronPanel(document, self.editor)
        # These two scroll inside already (their rows, the explanation's text).
        self.parameter_dock = self.add_panel(self.parameter_panel, Qt.RightDockWidgetArea,
                                             self.tr("Weights and bias"), "parameterDock", scroll=False)
        self.neuron_dock = self.add_panel(self.neuron_panel, Qt.RightDockWidgetArea,
                                          self.tr("The neuron explained"), "neuronDock", scroll=False)
        self.splitDockWidget(self.parameter_dock, self.neuron_dock, Qt.Vertical)
        self.resizeDocks([self.parameter_dock], [400], Qt.Horizontal)
        self.resizeDocks([self.parameter_dock, self.neuron_dock], [330, 420], Qt.Vertical)

        self._add_training_panels()
        #: the document's file, unsaved changes, recent files, lessons, recovery
        self.files = DocumentFiles(self)
        self.lesson_note_panel = LessonNotePanel()
        self.lesson_note_dock = self.add_panel(self.lesson_note_panel, Qt.RightDockWidgetArea, self.tr("Lesson"),
                                               "lessonNotePanel")
        self.tabifyDockWidget(self.neuron_dock, self.lesson_note_dock)
        self.lesson_note_dock.hide()
        self._make_actions()
        self._make_menus_and_toolbar()
        # View ▸ Presentation mode (F11), high contrast, the zoom of the whole window (Ctrl +/-)
        self.presentation = Presentation(self, self._settings)
        self.presentation.add_to_menu(self.view_menu)
        self.status_label = QLabel()
        self.statusBar().addWidget(self.status_label, 1)
        self.editor.failed.connect(self._show_status)

        self.selection.changed.connect(self._update_actions)
        document.structureChanged.connect(self._update_actions)
        self._select_first_hidden()
        self._update_title()
        self._update_actions()
        self.resize(self._default_size())

    @property
    def training(self):
        """The training controller of this window's document."""
        return self.context.training

    @property
    def _path(self) -> Path | None:
        """The document's file (None: untitled): ``files.path``."""
        return self.files.path

    @_path.setter
    def _path(self, path) -> None:
        self.files.path = None if path is None else Path(path)

    def open_document(self, path) -> bool:
        """Open the document (or older model file) at ``path``, without asking about unsaved
        changes; a bad file gets a message and changes nothing. What File ▸ Open calls."""
        return self.files.open_document(path)

    def save_document(self, path) -> bool:
        """Save the document to ``path`` (atomically). What File ▸ Save calls."""
        return self.files.save_document(path)

    def offer_recovery(self) -> bool:
        """At start-up: offer back the work an nnsim that crashed left unsaved."""
        return self.files.offer_recovery()

    def show_lesson_note(self, title, note, goal) -> None:
        """Show a document's note in the ``lessonNotePanel`` dock (hidden when it has none)."""
        if self.lesson_note_panel.show_lesson(title, note, goal):
            self.lesson_note_dock.show()
            self.lesson_note_dock.raise_()
        else:
            self.lesson_note_dock.hide()

    def _add_training_panels(self) -> None:
        """Dock the training controls, the plots, the data chooser and the decision boundary."""
        training, document = self.context.training, self._document
        self.training_panel = TrainingPanel(training)
        self.data_panel = DataPanel(document, test_fraction=lambda: training.test_fraction)
        self.boundary_view = DecisionBoundaryView(document)
        self.boundary_view.follow_training(training, turn=2)
        # every row's prediction, for the scores, the confusion matrix and the data table
        self.predictions = PredictionFeed(document, training, self)
        self.plots = TrainingPlots(training, feed=self.predictions)
        self.confusion_panel = ConfusionPanel(self.predictions)
        self.what_if_panel = WhatIfPanel(document)
        self.predictions.changed.connect(self._show_predictions_in_table)
        self._show_predictions_in_table()
        self.confusion_panel.rowsChosen.connect(self.data_panel.select_rows)
        self.picture_splitter.addWidget(self.boundary_view)
        self.picture_splitter.setStretchFactor(0, 1)
        self.picture_splitter.setStretchFactor(1, 1)
        self.picture_splitter.setSizes([500, 560])  # the boundary a little wider than the graph
        # A picture in every neuron (the boundary view computes them, or brings the worker's),
        # and the neuron under the pointer (or clicked) shown large.
        self.boundary_view.neuronImagesChanged.connect(self.network_view.show_neuron_pictures)
        self.network_view.nodeHovered.connect(self._show_hovered_neuron)
        self.network_view.nodeClicked.connect(self.boundary_view.show_neuron)
        training_dock = self.add_panel(self.training_panel, Qt.LeftDockWidgetArea, self.tr("Training"), "trainingDock")
        data_dock = self.add_panel(self.data_panel, Qt.LeftDockWidgetArea, self.tr("Data"), "dataDock")
        plots_dock = self.add_panel(self.plots, Qt.BottomDockWidgetArea, self.tr("Loss and accuracy"), "plotsDock",
                                    scroll=False)
        self.confusion_dock = self.add_panel(self.confusion_panel, Qt.BottomDockWidgetArea,
                                             self.tr("Confusion matrix"), "confusionDock")
        self.what_if_dock = self.add_panel(self.what_if_panel, Qt.BottomDockWidgetArea, self.tr("What if?"),
                                           "whatIfDock")
        # beside the plots, under the graph, sharing a tab (a 1280x720 screen has room for one)
        self.splitDockWidget(plots_dock, self.confusion_dock, Qt.Horizontal)
        self.tabifyDockWidget(self.confusion_dock, self.what_if_dock)
        self.confusion_dock.raise_()
        # How the last update changed W and B: next to the neuron it explains.
        self.update_panel = UpdatePanel(document, self.selection, training)
        self.update_dock = self.add_panel(self.update_panel, Qt.RightDockWidgetArea,
                                          self.tr("How training changed W and B"), "updateDock", scroll=False)
        self.tabifyDockWidget(self.neuron_dock, self.update_dock)
        self.update_dock.visibilityChanged.connect(self.update_panel.catch_up)
        self.neuron_dock.raise_()
        training.updateShown.connect(self._update_shown)
        for button in (self.training_panel.stepExampleButton, self.training_panel.stepBatchButton):
            button.clicked.connect(self.update_dock.raise_)
        # The left column (training controls, data) runs the window's whole height, so on a
        # short screen the controls are not squeezed by the plots, which sit under the graph
        # and the right-hand panels. First-start proportions follow (a saved layout replaces them).
        self.setCorner(Qt.BottomLeftCorner, Qt.LeftDockWidgetArea)
        self.set_first_dock_sizes(([training_dock, data_dock], lambda: left_column(self, training_dock), Qt.Vertical),
                                  ([plots_dock], lambda: [bottom_row(self)], Qt.Vertical),
                                  ([plots_dock, self.confusion_dock], [560, 420], Qt.Horizontal),
                                  ([self.parameter_dock], lambda: [right_column(self)], Qt.Horizontal))
        document.dataChanged.connect(self._show_boundary_for_2d_data)
        document.structureChanged.connect(self._show_boundary_for_2d_data)
        self._show_boundary_for_2d_data()

    def _update_shown(self, update) -> None:
        """A weight update reached the document: the gradient view shows it, and after a step
        or at a pace slow enough to follow each update, its changed weights flash."""
        self.network_view.show_update(update)
        training = self.context.training
        if update is not None and (not training.is_running or training.pace.updates_per_second is not None):
            self.network_view.flash_update(update)

    def _show_predictions_in_table(self) -> None:
        self.data_panel.model.set_predictions(self.predictions.predictions, self.predictions.data)

    def _show_boundary_for_2d_data(self) -> None:
        """The boundary view takes room only when it has a picture (a plane or a curve)."""
        view = self.boundary_view
        view.setVisible(view.is_showing_boundary() or view.is_showing_curve())
        self.neuron_dock.raise_()

    def _show_hovered_neuron(self, layer: int, index: int) -> None:
        if layer < 0:
            self.boundary_view.show_output()
        else:
            self.boundary_view.show_neuron(layer, index)

    def _default_size(self) -> QSize:
        """Nearly the whole available screen (1280x800 without one), leaving room for the
        window's title bar and the desktop's panels."""
        size = QSize(1280, 800)
        screen = self.screen()
        if screen is not None:  # nearly the whole screen (nnsim.app then shows it maximized)
            free = screen.availableGeometry()
            size = QSize(free.width() - 16, free.height() - 48)
        return size.expandedTo(self.minimumSizeHint())

    # ------------------------------------------------------------ what others read
    @property
    def document(self):
        return self._document

    @property
    def network(self) -> Network:
        """The UI's current copy of the network."""
        return self._document.network

    def add_panel(self, widget: QWidget, area=Qt.BottomDockWidgetArea, title: str = "",
                  object_name: str | None = None, scroll: bool = True) -> QDockWidget:
        """Dock ``widget`` in ``area`` with a title; its show/hide toggle goes in View.

        The dock's objectName (default: the widget's + "Dock") keys the saved layout. With
        ``scroll`` the panel sits in a scroll area: a dock squeezed below the panel's natural
        height scrolls instead of making the whole window taller than a small screen (a
        1280x720 projector). Views that shrink well themselves (plots) pass ``scroll=False``.
        """
        dock = QDockWidget(title, self)
        dock.setObjectName(object_name or f"{widget.objectName() or 'panel'}Dock")
        dock.setAccessibleName(title)
        if scroll:
            area_widget = _PanelScroll(widget)
            area_widget.setObjectName(f"{dock.objectName()}Scroll")
            dock.setWidget(area_widget)
        else:
            dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetFloatable | QDockWidget.DockWidgetClosable)
        self.addDockWidget(area, dock)
        if hasattr(self, "view_menu"):
            self._add_dock_toggle(dock)
        return dock

    # ------------------------------------------------------------ actions
    def _action(self, name: str, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        tip = tip or text.replace("&", "").rstrip("…")
        if shortcut is not None:
            tip += f" ({action.shortcut().toString(QKeySequence.NativeText)})"
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _make_actions(self) -> None:
        ed = self.editor
        files = self.files
        self.new_action = self._action("newAction", self.tr("&New"), files.new_document,
                                       tip=self.tr("A new document: the Iris flowers on a fresh network"))
        self.open_action = self._action("openAction", self.tr("&Open…"), files.open_dialog, QKeySequence.Open)
        self.save_action = self._action("saveAction", self.tr("&Save"), files.save, QKeySequence.Save)
        self.save_as_action = self._action("saveAsAction", self.tr("Save &As…"), files.save_as,
                                           QKeySequence("Ctrl+Shift+S"))
        self.quit_action = self._action("quitAction", self.tr("&Quit"), self.close, QKeySequence.Quit)
        self.import_csv_action = self._action(
            "importCsvAction", self.tr("&Import CSV…"), self.data_panel.open_csv_dialog, QKeySequence("Ctrl+I"),
            self.tr("Learn from your own table: see its first rows and choose the answer column"))

        # Own actions rather than createUndoAction: the toolbar keeps a steady "Undo" / "Redo"
        # and the tooltip names the edit.
        stack = self.undo_stack
        self.undo_action = self._action("undoAction", self.tr("&Undo"), stack.undo, QKeySequence("Ctrl+Z"))
        self.redo_action = self._action("redoAction", self.tr("&Redo"), stack.redo, QKeySequence("Ctrl+Shift+Z"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        stack.undoTextChanged.connect(self._undo_text_changed)
        stack.redoTextChanged.connect(self._redo_text_changed)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)

        self.add_neuron_action = self._action(
            "addNeuronAction", self.tr("+ Neuron"), lambda: ed.add_neuron(), QKeySequence("Ctrl+N"),
            self.tr("Add a neuron to the selected hidden layer"))
        self.remove_neuron_action = self._action(
            "removeNeuronAction", self.tr("− Neuron"), lambda: ed.remove_neuron(), QKeySequence("Ctrl+Shift+N"),
            self.tr("Remove the selected neuron"))
        self.add_layer_action = self._action(
            "addLayerAction", self.tr("+ Layer"), lambda: ed.add_layer(), QKeySequence("Ctrl+L"),
            self.tr("Add a hidden layer after the selected layer"))
        self.remove_layer_action = self._action(
            "removeLayerAction", self.tr("− Layer"), lambda: ed.remove_layer(), QKeySequence("Ctrl+Shift+L"),
            self.tr("Remove the selected hidden layer"))
        self.activation_combo = QComboBox()
        self.activation_combo.setObjectName("activationCombo")
        self.activation_combo.setAccessibleName(self.tr("Activation of the selected layer"))
        self.activation_combo.setToolTip(self.tr("Activation function of the selected layer"))
        self.activation_combo.setMinimumContentsLength(8)
        self.activation_combo.activated.connect(self._activation_chosen)

        view = self.network_view
        self.fit_action = self._action("fitAction", self.tr("&Fit network to window"), view.fit_to_view,
                                       QKeySequence("Ctrl+0"))
        # Ctrl + / Ctrl - zoom the whole window, the graph with it (nnsim.ui.presentation)
        self.zoom_in_action = self._action(
            "zoomInAction", self.tr("Zoom the graph &in"), lambda: view.zoom(1.25), QKeySequence("Ctrl+Alt++"),
            self.tr("Magnify the graph alone (also the mouse wheel); Ctrl + makes the whole window larger"))
        self.zoom_out_action = self._action(
            "zoomOutAction", self.tr("Zoom the graph &out"), lambda: view.zoom(0.8), QKeySequence("Ctrl+Alt+-"),
            self.tr("Shrink the graph alone (also the mouse wheel); Ctrl - makes the whole window smaller"))
        self.about_action = self._action("aboutAction", self.tr("&About nnsim"), self.show_about)
        self.ideas_action = self._action(
            "ideasAction", self.tr("&Ideas: how a network works"), self.show_ideas, QKeySequence.HelpContents,
            self.tr("The three steps of a neural network in plain words, with pictures of this window"))
        self.ideas_dialog = None
        self.gradient_view_action = self._action(
            "gradientViewAction", self.tr("&Gradient view"), view.set_gradient_view, QKeySequence("Ctrl+G"),
            self.tr("Colour the edges by the last update's gradient and the nodes by their delta, to see "
                    "which weights the known answer pushes, and which way"))
        self.gradient_view_action.setCheckable(True)

    def _make_menus_and_toolbar(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.setObjectName("fileMenu")
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.open_action)
        self.files.make_recent_menu(file_menu)
        file_menu.addAction(self.save_action)
        file_menu.addAction(self.save_as_action)
        file_menu.addSeparator()
        file_menu.addAction(self.import_csv_action)
        # File ▸ Export: pictures, tables, the network as Python or ONNX (nnsim.ui.exporting)
        self.exporter = Exporter(self)
        file_menu.addMenu(self.exporter.menu)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.setObjectName("editMenu")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        for a in (self.add_neuron_action, self.remove_neuron_action, self.add_layer_action, self.remove_layer_action):
            edit_menu.addAction(a)
        self.lessons_menu = bar.addMenu(self.tr("&Lessons"))
        self.lessons_menu.setObjectName("lessonsMenu")
        self.lesson_actions = self.files.make_lessons_menu(self.lessons_menu)
        self.one_neuron_action = self.lesson_actions.get("01_one_neuron")
        self.iris_action = self.lesson_actions.get("05_iris")
        self.view_menu = bar.addMenu(self.tr("&View"))
        self.view_menu.setObjectName("viewMenu")
        for a in (self.fit_action, self.zoom_in_action, self.zoom_out_action):
            self.view_menu.addAction(a)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.gradient_view_action)
        self.view_menu.addSeparator()
        self._make_language_menu()
        self.view_menu.addSeparator()
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.setObjectName("helpMenu")
        self.shortcuts_action = self._action("shortcutsAction", self.tr("&Keyboard shortcuts"), self.show_shortcuts,
                                             tip=self.tr("Every key that does something in this window"))
        help_menu.addAction(self.ideas_action)
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self.about_action)

        tools = QToolBar(self.tr("Structure"), self)
        tools.setObjectName("structureToolBar")
        tools.setAccessibleName(self.tr("Structure and undo"))
        tools.setToolButtonStyle(Qt.ToolButtonTextOnly)
        tools.addAction(self.undo_action)
        tools.addAction(self.redo_action)
        tools.addSeparator()
        for a in (self.add_neuron_action, self.remove_neuron_action, self.add_layer_action, self.remove_layer_action):
            tools.addAction(a)
        tools.addSeparator()
        label = QLabel(self.tr(" Activation: "))
        label.setBuddy(self.activation_combo)
        tools.addWidget(label)
        tools.addWidget(self.activation_combo)
        tools.addSeparator()
        tools.addAction(self.gradient_view_action)
        tools.addSeparator()
        tools.addAction(self.fit_action)
        self.addToolBar(Qt.TopToolBarArea, tools)
        self.structure_toolbar = tools
        self.view_menu.addAction(tools.toggleViewAction())
        for dock in self.findChildren(QDockWidget):
            self._add_dock_toggle(dock)

    def _make_language_menu(self) -> None:
        """View ▸ Language: the system's language, or one nnsim speaks (kept in QSettings)."""
        menu = self.view_menu.addMenu(self.tr("&Language"))
        menu.setObjectName("languageMenu")
        self.language_menu = menu
        group = QActionGroup(menu)
        group.setExclusive(True)
        stored = stored_language(self._settings) if self._settings is not None else ""
        self.language_actions: dict[str, QAction] = {}
        # The languages are named in their own language, untranslated, so anyone finds theirs.
        choices = [("", self.tr("Automatic (system language)"))] + list(LANGUAGES.items())
        for code, text in choices:
            action = QAction(text, menu)
            action.setObjectName(f"languageAction_{code or 'system'}")
            action.setCheckable(True)
            action.setChecked(code == stored)
            action.setData(code)
            action.triggered.connect(lambda checked=False, c=code: self.choose_language(c))
            group.addAction(action)
            menu.addAction(action)
            self.language_actions[code] = action

    def choose_language(self, code: str) -> None:
        """Keep ``code`` ("" = the system's) for the next start; say so if it will change."""
        if self._settings is not None:
            store_language(code, self._settings)
        action = self.language_actions.get(code)
        if action is not None:
            action.setChecked(True)
        next_language = resolve_language(None, self._settings)
        if next_language != current_language():
            QMessageBox.information(self, "Language · Idioma", LANGUAGE_NOTE)

    def _add_dock_toggle(self, dock: QDockWidget) -> None:
        toggle = dock.toggleViewAction()
        toggle.setObjectName(f"{dock.objectName()}Toggle")
        self.view_menu.addAction(toggle)

    def _update_actions(self) -> None:
        ed = self.editor
        layer = self.selection.layer
        self.add_neuron_action.setEnabled(ed.can_add_neuron(layer))
        self.remove_neuron_action.setEnabled(ed.can_remove_neuron(layer))
        self.add_layer_action.setEnabled(ed.can_add_layer() and layer is not None)
        self.remove_layer_action.setEnabled(ed.can_remove_layer(layer))
        choices = ed.activation_choices(layer)
        with QSignalBlocker(self.activation_combo):
            self.activation_combo.clear()
            for name in choices:
                self.activation_combo.addItem(activation_title(name), name)
            if choices:
                self.activation_combo.setCurrentIndex(
                    self.activation_combo.findData(self.network.activations[layer - 1]))
        self.activation_combo.setEnabled(bool(choices))

    def _activation_chosen(self, index: int) -> None:
        layer = self.selection.layer
        if layer is not None and layer >= 1:
            self.editor.set_activation(layer, self.activation_combo.itemData(index))

    def _select_first_hidden(self) -> None:
        sizes = self.network.layer_sizes
        self.selection.select_node(1 if len(sizes) > 2 else len(sizes) - 1, 0)

    # ------------------------------------------------------------ files
    def _undo_text_changed(self, text: str) -> None:
        tip = self.tr("Undo: %1").replace("%1", text) if text else self.tr("Undo")
        self.undo_action.setToolTip(tip + " (Ctrl+Z)")
        self.undo_action.setStatusTip(tip)

    def _redo_text_changed(self, text: str) -> None:
        tip = self.tr("Redo: %1").replace("%1", text) if text else self.tr("Redo")
        self.redo_action.setToolTip(tip + " (Ctrl+Shift+Z)")
        self.redo_action.setStatusTip(tip)

    def _show_status(self, message: str) -> None:
        self.statusBar().showMessage(message, 6000)

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.files.display_name()}[*] — nnsim")

    def _dialog_dir(self) -> str:
        if self._path is not None:
            return str(self._path.parent)
        return str(Path.home())

    def _model_filter(self) -> str:
        return self.tr("nnsim models (*.nnsim.json *.json);;All files (*)")

    def open_model(self) -> bool:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open model"), self._dialog_dir(), self._model_filter(),
                                              options=QFileDialog.DontUseNativeDialog)
        return self.open_model_from(path) if path else False

    def save_model(self) -> bool:
        if self._path is None:
            return self.save_model_as()
        return self.save_model_to(self._path)

    def save_model_as(self) -> bool:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save model"), self._dialog_dir(), self._model_filter(),
                                              options=QFileDialog.DontUseNativeDialog)
        if not path:
            return False
        if not path.endswith(".json"):
            path += ".nnsim.json"
        return self.save_model_to(path)

    def _model_extra(self) -> dict:
        doc = self._document
        extra = {"input_names": doc.input_names(), "output_names": doc.output_names(),
                 "sample": [float(v) for v in doc.sample]}
        if doc.data is not None:
            extra["dataset"] = doc.data.dataset.name
        return extra

    def save_model_to(self, path) -> bool:
        """Write the network and the training settings to ``path``."""
        from nnsim.core.model_file import save_model

        settings = self.context.training.settings
        try:
            save_model(path, self.network, settings=settings, extra=self._model_extra())
        except (OSError, ValueError) as error:
            self._show_error(self.tr("Could not save the model"),
                             self.tr("The model could not be saved to %1:\n%2").replace("%1", str(path)).replace("%2", translate_message(str(error))))
            return False
        self._path = Path(path)
        self.undo_stack.setClean()
        self._update_title()
        self.files.mark_clean()
        self.statusBar().showMessage(self.tr("Saved to %1").replace("%1", str(path)), 5000)
        return True

    def open_model_from(self, path) -> bool:
        """Load a model file. Everything the window needs from it is checked first; a bad
        file (whatever it holds) changes nothing and a dialog says what is wrong.

        A file of ``BACKGROUND_FROM_BYTES`` or more is read in the background, so the window
        keeps painting: then this returns True at once and ``modelOpened`` tells the outcome.
        """
        if self._model_loading is not None:
            return False  # one file at a time
        try:
            big = os.path.getsize(path) >= BACKGROUND_FROM_BYTES
        except (OSError, TypeError, ValueError):
            big = False  # the loader says what is wrong with it
        if big:
            from nnsim.core.model_file import load_model

            task = BackgroundTask(lambda: load_model(path), "nnsim-model", self)
            task.done.connect(lambda loaded: self._model_read(path, loaded))
            task.failed.connect(lambda error: self._model_read(path, error))
            self._model_loading = task
            self.statusBar().showMessage(self.tr("Reading %1…").replace("%1", os.path.basename(path)))
            task.start()
            return True
        try:
            from nnsim.core.model_file import load_model

            loaded = load_model(path)
        except Exception as error:  # noqa: BLE001 - a bad file must never escape the open action
            loaded = error
        return self._model_read(path, loaded)

    def _model_read(self, path, loaded) -> bool:
        """The file at ``path`` was read: ``loaded`` is what ``load_model`` returned, or the
        exception it raised. Check it, then show it or say what is wrong."""
        if self._model_loading is not None:
            self._model_loading.deleteLater()
            self._model_loading = None
            self.statusBar().clearMessage()
        try:
            if isinstance(loaded, BaseException):
                raise loaded
            plan = self._read_model(*loaded)
        except _Refused as refusal:
            detail = refusal.detail
        except OverflowError:  # an integer beyond any float (10**400), from a loader that let it through
            detail = self.tr("A number in the file is too large (the largest is about 1.8e308).")
        except Exception as error:  # noqa: BLE001 - a bad file must never escape the open action
            detail = translate_message(str(error)) or type(error).__name__
        else:
            self._open_plan(path, *plan)
            self.modelOpened.emit(True)
            return True
        self._show_error(self.tr("Could not open the model"),
                         self.tr("%1 is not a model nnsim can open:\n%2").replace("%1", str(path)).replace("%2", detail))
        self.modelOpened.emit(False)
        return False

    def _read_model(self, network, settings, extra):
        """Check a loaded model file without changing anything: (network, settings, data
        or None, sample or None, names or None, keep_data). Raises ``_Refused`` with the
        reason when the window cannot show what the file holds."""
        # load_model checked the file's extra and returned it cleaned: a sample of finite
        # numbers, one per input; names, one text per node; the data set's name as a text
        extra = extra or {}
        sizes = network.layer_sizes
        sample = extra.get("sample")
        input_names, output_names = extra.get("input_names"), extra.get("output_names")
        dataset = extra.get("dataset")
        if settings is not None:
            problem = self.training_panel.settings_problem(settings)
            if problem:
                raise _Refused(problem)
        data = self._document.data
        keep_data = data is not None and sizes[0] == data.n_inputs and sizes[-1] == data.n_outputs \
            and (dataset or data.dataset.name) == data.dataset.name
        if not keep_data:
            data = self._data_for(dataset, network)
        names = None
        if data is None and input_names is not None and output_names is not None:
            names = (input_names, output_names)
        return network, settings, data, (sample if data is None else None), names, keep_data

    def _open_plan(self, path, network, settings, data, sample, names, keep_data) -> None:
        """Show a checked model file (``_read_model``)."""
        doc = self._document
        if keep_data:
            doc.replace_network(network)
        else:
            doc.set_data(data, network, sample=sample, names=names)
        self.undo_stack.clear()
        self._path = Path(path)
        self._update_title()
        self._select_first_hidden()
        if settings is not None:
            self.context.training.set_settings(settings)
        self.files.mark_clean()
        self.statusBar().showMessage(self.tr("Opened %1").replace("%1", str(path)), 5000)

    @staticmethod
    def _data_for(name, network):
        """The named data set, prepared, if it fits the network's inputs and outputs."""
        if not name:
            return None
        try:
            from nnsim.core.training_data import prepare_data
            from nnsim.core import load_dataset

            data = prepare_data(load_dataset(name))
        except Exception:  # an unknown or unloadable data set: show the network on its own
            return None
        if data.n_inputs == network.layer_sizes[0] and data.n_outputs == network.layer_sizes[-1]:
            return data
        return None

    def _show_error(self, title: str, text: str) -> None:
        QMessageBox.critical(self, title, text)

    # ------------------------------------------------------------ examples
    def load_example(self, name: str) -> None:
        """"one_neuron": the worked example; "iris": the start-up network."""
        doc = self._document
        if name == "iris":
            from nnsim.core.training_data import default_network, prepare_data
            from nnsim.core import load_dataset

            data = prepare_data(load_dataset("iris"))
            doc.set_data(data, default_network(data, seed=0))
        else:
            with open(resource_path("examples", f"{name}.json"), encoding="utf-8") as f:
                example = json.load(f)
            network = Network.from_dict(example["network"])
            doc.set_data(None, network, sample=example.get("sample"),
                         names=(example["input_names"], example["output_names"]))
            if "slider_range" in example:
                self.parameter_panel.set_range(float(example["slider_range"]))
        self.undo_stack.clear()
        self._path = None
        self._update_title()
        self._select_first_hidden()
        self.network_view.fit_to_view()
        self.files.title = self.files.note = ""
        self.files.goal = None
        self.show_lesson_note("", "", None)
        self.files.mark_clean()
        self.exampleLoaded.emit(name)

    # ------------------------------------------------------------ help
    def show_ideas(self) -> IdeasDialog:
        """Help ▸ Ideas: the page beside the window (made once, its pictures taken anew)."""
        if self.ideas_dialog is None:
            self.ideas_dialog = IdeasDialog(window_ideas(self), self)
        if self.ideas_dialog.isVisible():
            self.ideas_dialog.refresh_pictures()
        self.ideas_dialog.show()
        self.ideas_dialog.raise_()
        return self.ideas_dialog

    def show_shortcuts(self) -> ShortcutsDialog:
        """Help ▸ Keyboard shortcuts: a window-modal list of every shortcut (``shortcutsDialog``)."""
        dialog = ShortcutsDialog(self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_about(self) -> None:
        from nnsim import __version__

        QMessageBox.about(
            self, self.tr("About nnsim"),
            self.tr("<h3>nnsim %1</h3><p>A neural-network simulator for the classroom.</p>"
                    "<p>Each neuron multiplies its inputs by their weights, adds its bias and "
                    "activates when the result passes a threshold. Training changes the weights "
                    "and biases so that the right outputs activate.</p>").replace("%1", __version__),
        )

    # ------------------------------------------------------------ settings
    def set_first_dock_sizes(self, *sizes) -> None:
        """Dock proportions for a first start: ``(docks, pixels, orientation)`` triples, applied
        once the window first shows (Qt sizes docks only then), unless a saved layout was
        restored."""
        self._first_dock_sizes = list(sizes)

    def showEvent(self, event):  # noqa: N802
        super().showEvent(event)
        sizes, self._first_dock_sizes = self._first_dock_sizes, []
        if sizes and not self._layout_restored:
            for docks, pixels, orientation in sizes:
                self.resizeDocks(docks, pixels() if callable(pixels) else pixels, orientation)
        self.presentation.first_show()  # the graph wider than the boundary beside it

    def restore_settings(self) -> None:
        """Put back the saved geometry and dock layout (call once every panel is added)."""
        if self._settings is None:
            return
        geometry = self._settings.value("mainWindow/geometry")
        state = self._settings.value("mainWindow/state")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray) and not state.isEmpty():
            # A layout saved by an older nnsim is ignored (restoreState returns False).
            self._layout_restored = self.restoreState(state, LAYOUT_VERSION)
        self.show_lesson_note(self.files.title, self.files.note, self.files.goal)  # not a note saved open

    def save_settings(self) -> None:
        if self._settings is None:
            return
        self._settings.setValue("mainWindow/geometry", self.saveGeometry())
        self._settings.setValue("mainWindow/state", self.saveState(LAYOUT_VERSION))
        self._settings.sync()

    # A table dropped on the window opens the same import dialog as File ▸ Import CSV.
    def dragEnterEvent(self, event):  # noqa: N802 (Qt)
        if dropped_table(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dropEvent(self, event):  # noqa: N802 (Qt)
        path = dropped_table(event.mimeData())
        if path is None:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        self.data_panel.import_csv(path)

    def closeEvent(self, event):  # noqa: N802
        if not self.files.may_discard():  # unsaved changes, and the user chose Cancel
            event.ignore()
            return
        self.files.closing()
        # Stop a running training thread first: a QThread destroyed while running aborts.
        self.context.shutdown()
        self.presentation.set_presenting(False)  # the usual layout is the one kept
        self.save_settings()
        super().closeEvent(event)
