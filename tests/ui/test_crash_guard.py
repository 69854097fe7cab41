"""An unexpected error in any thread is logged, explained in a dialog that offers to save
the work, and the window keeps running."""

import threading

import pytest
from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton

from nnsim.training.threads import register
from nnsim.ui.crash_guard import CrashGuard


@pytest.fixture
def guard(window, tmp_path):
    g = CrashGuard(window, log_path=tmp_path / "logs" / "errors.log")
    g.install()
    yield g
    g.uninstall()


def raise_and_catch(guard, exc):
    try:
        raise exc
    except type(exc) as caught:
        guard.handle(type(caught), caught, caught.__traceback__)


def test_an_error_is_logged_and_explained_and_the_window_goes_on(qtbot, window, guard):
    raise_and_catch(guard, ZeroDivisionError("division by zero"))
    qtbot.waitUntil(lambda: guard.dialog is not None and guard.dialog.isVisible(), timeout=2000)
    log = guard.log_path.read_text(encoding="utf-8")
    assert "ZeroDivisionError: division by zero" in log and "Traceback (most recent call last)" in log
    box = guard.dialog
    assert box.text() == "Something went wrong in nnsim, but your work is still open and nnsim keeps running."
    assert box.informativeText() == (
        "What happened: ZeroDivisionError: division by zero\n\n"
        f"The details were written to {guard.log_path}.\n\n"
        "To be safe, save your work to a new file.")
    # a second error updates the same dialog instead of stacking another one
    raise_and_catch(guard, KeyError("w"))
    qtbot.waitUntil(lambda: "KeyError" in box.informativeText(), timeout=2000)
    assert guard.dialog is box
    # the window still works
    window.document.set_weight(0, 0, 0, 0.5)
    assert window.network.weights[0][0, 0] == 0.5


def test_save_a_copy_writes_the_work_to_a_new_file(qtbot, window, guard, tmp_path, monkeypatch):
    target = tmp_path / "rescued.nnsim.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    raise_and_catch(guard, RuntimeError("boom"))
    qtbot.waitUntil(lambda: guard.dialog is not None, timeout=2000)
    guard.dialog.findChild(QPushButton, "crashSaveButton").click()
    assert target.is_file() and '"nnsim-document"' in target.read_text(encoding="utf-8")


def test_an_error_in_a_python_thread_reaches_the_guard(qtbot, guard):
    thread = threading.Thread(target=lambda: 1 / 0, name="helper")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: guard.dialog is not None, timeout=2000)
    assert "(thread helper)" in guard.log_path.read_text(encoding="utf-8")


class Failing(QObject):
    ping = Signal()

    @Slot()
    def fail(self):
        raise ValueError("a slot failed in the training thread")


def test_an_error_in_a_qt_slot_of_another_thread_reaches_the_guard(qtbot, guard):
    thread = register(QThread())
    thread.setObjectName("nnsim-test-thread")
    failing = Failing()
    failing.moveToThread(thread)
    failing.ping.connect(failing.fail)
    thread.start()
    try:
        failing.ping.emit()
        qtbot.waitUntil(lambda: guard.dialog is not None, timeout=3000)
        assert "ValueError: a slot failed in the training thread" in guard.dialog.informativeText()
    finally:
        thread.quit()
        thread.wait(2000)


def test_a_log_that_cannot_be_written_still_gives_the_dialog(qtbot, window, tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    g = CrashGuard(window, log_path=blocked / "errors.log")
    raise_and_catch(g, RuntimeError("boom"))
    qtbot.waitUntil(lambda: g.dialog is not None, timeout=2000)
    assert g.dialog.informativeText() == ("What happened: RuntimeError: boom\n\n"
                                          "To be safe, save your work to a new file.")


def test_the_dialog_speaks_spanish_in_a_spanish_window(qtbot, isolated_settings, tmp_path):
    from nnsim.app import create_main_window
    from nnsim.ui.language import remove_translators

    window = create_main_window(["nnsim", "--lang", "es"])
    qtbot.addWidget(window)
    g = CrashGuard(window, log_path=tmp_path / "errors.log")
    try:
        raise_and_catch(g, RuntimeError("boom"))
        qtbot.waitUntil(lambda: g.dialog is not None, timeout=2000)
        assert g.dialog.windowTitle() == "Algo ha fallado"
        assert g.dialog.text() == "Algo ha fallado en nnsim, pero tu trabajo sigue abierto y nnsim sigue funcionando."
        assert g.dialog.findChild(QPushButton, "crashSaveButton").text() == "Guardar una copia…"
    finally:
        window.close()
        remove_translators(QApplication.instance())
