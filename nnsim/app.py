"""Application start-up: QApplication, command line, settings, and the main window.

``create_main_window(argv)`` builds the window on the Iris network without showing it (tests
and the lead's integration use it); ``main(argv)`` shows it and runs the event loop, or, with
``--screenshot PATH``, saves a picture of the window as it opens and quits (worksheets, and the
smoke test of the standalone build in ``packaging/build.sh``).
"""

from __future__ import annotations

import argparse
import gc
import sys

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

import nnsim
from nnsim.core import load_dataset

from nnsim.core.training_data import default_network, prepare_data

APP_NAME = "nnsim"
ORGANIZATION = "nnsim"


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="nnsim", description="A neural-network simulator for classrooms.")
    parser.add_argument("model", nargs="?", help="a document or lesson (.nnsim), or an older model file (.nnsim.json), to open")
    parser.add_argument("--lang", help="interface language, es or en (default: the one chosen in View > Language, else the system's)")
    parser.add_argument("--screenshot", metavar="PATH",
                        help="open the window as usual (with the model, if one is given), save a PNG picture "
                             "of it to PATH and quit, without saving any setting (for worksheets)")
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


def create_main_window(argv=None):
    """Build the main window on the Iris network, without showing it.

    The one place where nnsim starts: the application, its language, the document on the
    Iris data, the application context (``nnsim.ui.context``) that the window and its panels
    are built from, and the shutdown when the application quits.
    """
    from nnsim.model.document import NetworkDocument
    from nnsim.ui.context import AppContext
    from nnsim.ui.main_window import MainWindow, app_icon

    args = parse_args(argv)
    app = _ensure_application(argv)
    _install_translation(app, args.lang)
    app.setWindowIcon(app_icon())
    data = prepare_data(load_dataset("iris"))
    document = NetworkDocument(default_network(data, seed=0), data)
    context = AppContext(document, QSettings())
    window = MainWindow(context)
    # Closing the window stops training too (MainWindow.closeEvent); quitting without closing
    # it (the --screenshot run) must as well.
    app.aboutToQuit.connect(context.shutdown)
    window.restore_settings()
    if args.model:
        window.open_document(args.model)
    keep_collections_short()
    warm_up_training()
    return window


def warm_up_training() -> None:
    """Start the training processes' forkserver now, in the background, so that the first
    Train does not wait the quarter of a second it takes to import NumPy and the engine."""
    from nnsim.training.links import link_kind
    from nnsim.training.process_link import warm_up

    if link_kind() == "process":
        warm_up()


def keep_collections_short() -> None:
    """Set aside, for Python's cycle collector, every object alive now (the modules, Qt's
    wrappers, the window's widgets): ``gc.freeze()``.

    The collector's full passes walk every object that has lived long, and a window is made
    of some 80,000 of them: while a table was read or a network trained, a full pass held
    the interpreter for 100-140 ms, a freeze of the window that no work of nnsim's own
    explained (benchmarks/csv_import.py: p99 gap 50-61 ms before, 17-19 ms after). Frozen
    objects are still freed when nothing refers to them; the objects made from here on are
    collected as usual. Earlier frozen ones (a window built before, as tests do) are
    unfrozen and collected first, so nothing piles up.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()


#: after the window's first paint, the event loop runs this long before the picture is taken,
#: so the passes that follow a first show (the first-start dock sizes, the views and the
#: plots' first redraw) are in it
SCREENSHOT_SETTLE_MS = 300
#: a window that is never painted (no screen at all) is pictured after this long anyway
SCREENSHOT_TIMEOUT_MS = 10_000


class _Screenshot(QObject):
    """Waits for the window's first paint, then saves ``window.grab()`` as a PNG and ends the
    event loop with 0, or with 1 (and a message on stderr) when the file cannot be written."""

    def __init__(self, app, window, path: str):
        super().__init__(window)
        self._app, self._window, self._path = app, window, path
        self._scheduled = False
        window.installEventFilter(self)
        QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, self, self._schedule)

    def eventFilter(self, watched, event):  # noqa: N802 (Qt)
        if watched is self._window and event.type() == QEvent.Paint:
            self._schedule()
        return False

    def _schedule(self) -> None:
        if not self._scheduled:
            self._scheduled = True
            QTimer.singleShot(SCREENSHOT_SETTLE_MS, self, self._save)

    def _save(self) -> None:
        self._window.removeEventFilter(self)
        if self._window.grab().save(self._path, "PNG"):
            self._app.exit(0)
        else:
            print(f"nnsim: could not write the screenshot to {self._path!r} "
                  "(does its folder exist, and may nnsim write there?)", file=sys.stderr)
            self._app.exit(1)


def _check_model(path: str) -> bool:
    """With --screenshot nobody is there to close an error dialog: say on stderr instead."""
    from nnsim.core.document import load_document

    try:
        load_document(path)
    except (OSError, ValueError) as error:
        print(f"nnsim: cannot open the model {path!r}: {error}", file=sys.stderr)
        return False
    return True


def main(argv=None) -> int:
    argv = list(sys.argv if argv is None else argv)
    args = parse_args(argv)  # --version and --help exit here, before any window
    if args.screenshot and args.model and not _check_model(args.model):
        return 1
    app = _ensure_application(argv)
    window = create_main_window(argv)
    # An unexpected error anywhere is logged and explained; the work stays open (tests keep
    # pytest-qt's hooks instead: create_main_window does not install this).
    from nnsim.ui.crash_guard import CrashGuard

    CrashGuard(window).install()
    from nnsim.ui.presentation import show_on_start

    show_on_start(window, window.context.settings)  # maximized at a first start
    if not args.screenshot:
        # Work an nnsim that did not close left unsaved is offered back, once the window shows.
        QTimer.singleShot(0, window, window.offer_recovery)
    if args.screenshot:
        # Not closed afterwards: closing saves the window's layout, and a picture changes none.
        # Quitting the event loop stops the training thread (aboutToQuit).
        _Screenshot(app, window, args.screenshot)
    return app.exec()
