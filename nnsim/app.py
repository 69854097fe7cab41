"""Application start-up: QApplication, command line, settings, and the main window.

``create_main_window(argv)`` builds the window on the Iris network without showing it (tests
and the lead's integration use it); ``main(argv)`` shows it and runs the event loop.
"""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

import nnsim
from nnsim.core import load_dataset

from nnsim.core.training_data import default_network, prepare_data

APP_NAME = "nnsim"
ORGANIZATION = "nnsim"


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="nnsim", description="A neural-network simulator for classrooms.")
    parser.add_argument("model", nargs="?", help="a model file (.nnsim.json) to open")
    parser.add_argument("--lang", help="interface language, es or en (default: the one chosen in View > Language, else the system's)")
    parser.add_argument("--version", action="version", version=f"nnsim {nnsim.__version__}")
    args, _qt_args = parser.parse_known_args(list(argv[1:]) if argv else [])
    return args


def _ensure_application(argv) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(list(argv or sys.argv[:1]))
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationVersion(nnsim.__version__)
    QGuiApplication.setApplicationDisplayName("nnsim")
    QGuiApplication.setDesktopFileName("nnsim")
    return app


def _install_translation(app, lang: str | None) -> str:
    """Install the translators for ``--lang``, else the saved or the system's language.

    Returns the language code in use ("en", "es"). See ``nnsim.ui.language``.
    """
    from nnsim.ui.language import install_translators, resolve_language

    chosen = resolve_language(lang, QSettings())
    install_translators(app, chosen)
    return chosen


def _add_panels(window, document) -> None:
    """Dock the training controls, the plots, the data chooser and the decision boundary.

    Docks must exist before ``restore_settings`` so the saved layout can find them.
    """
    from PySide6.QtCore import Qt

    from nnsim.ui.boundary import DecisionBoundaryView
    from nnsim.ui.data_panel import DataPanel
    from nnsim.ui.plots import TrainingPlots
    from nnsim.ui.training import TrainingController, TrainingPanel

    training = TrainingController(document, parent=window)
    window.training = training
    window.training_panel = TrainingPanel(training)
    window.data_panel = DataPanel(document)
    window.boundary_view = DecisionBoundaryView(document)
    window.plots = TrainingPlots(training)
    # translate("MainWindow", ...) rather than window.tr(...): lupdate would file the latter
    # under a context named "window", which no translation lookup ever asks for.
    training_dock = window.add_panel(window.training_panel, Qt.LeftDockWidgetArea,
                                     QCoreApplication.translate("MainWindow", "Training"), "trainingDock")
    data_dock = window.add_panel(window.data_panel, Qt.LeftDockWidgetArea,
                                 QCoreApplication.translate("MainWindow", "Data"), "dataDock")
    plots_dock = window.add_panel(window.plots, Qt.BottomDockWidgetArea,
                                  QCoreApplication.translate("MainWindow", "Loss and accuracy"), "plotsDock",
                                  scroll=False)
    boundary_dock = window.add_panel(window.boundary_view, Qt.RightDockWidgetArea,
                                     QCoreApplication.translate("MainWindow", "Decision boundary"),
                                     "boundaryDock", scroll=False)
    # The boundary shares a tab with the neuron explanation: each needs height more than the
    # other is useful at the same moment. A 2-D data set brings the boundary to the front.
    window.tabifyDockWidget(window.neuron_dock, boundary_dock)
    window.neuron_dock.raise_()
    # The left column (training controls, data) runs the window's whole height, so on a
    # short screen the controls are not squeezed by the plots, which sit under the graph and
    # the right-hand panels. First-start proportions follow (a saved layout replaces them).
    window.setCorner(Qt.BottomLeftCorner, Qt.LeftDockWidgetArea)
    window.set_first_dock_sizes(([training_dock, data_dock], [400, 300], Qt.Vertical),
                                ([plots_dock], [250], Qt.Vertical))

    def show_boundary_for_2d_data():
        data = document.data
        two_d = data is not None and data.n_inputs == 2
        (boundary_dock if two_d else window.neuron_dock).raise_()

    document.dataChanged.connect(show_boundary_for_2d_data)
    window.data_panel.test_fraction_provider = lambda: training.test_fraction
    window.boundary_view.follow_training(training, turn=2)
    window.training_settings_provider = lambda: training.settings
    window.modelLoaded.connect(lambda net, s, extra: s is not None and training.set_settings(s))


def create_main_window(argv=None):
    """Build the main window on the Iris network, without showing it."""
    from nnsim.ui.document import NetworkDocument
    from nnsim.ui.main_window import MainWindow, app_icon

    args = parse_args(argv)
    app = _ensure_application(argv)
    _install_translation(app, args.lang)
    app.setWindowIcon(app_icon())
    data = prepare_data(load_dataset("iris"))
    document = NetworkDocument(default_network(data, seed=0), data)
    window = MainWindow(document, settings=QSettings())
    _add_panels(window, document)
    window.restore_settings()
    if args.model:
        window.open_model_from(args.model)
    return window


def main(argv=None) -> int:
    argv = list(sys.argv if argv is None else argv)
    parse_args(argv)  # --version and --help exit here, before any window
    app = _ensure_application(argv)
    window = create_main_window(argv)
    window.show()
    return app.exec()
