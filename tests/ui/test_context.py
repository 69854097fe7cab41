"""The application context: one document and one training controller per window, handed to
the window's constructor, and the one owner of shutdown."""

from PySide6.QtWidgets import QApplication

from nnsim.training.process_link import running_processes
from nnsim.training.threads import running_threads


def test_the_window_is_built_from_its_context(window):
    context = window.context
    assert window.document is context.document and window.training is context.training
    assert window.training.document is window.document
    assert window.training_panel.controller is window.training
    assert context.parent() is window  # the window owns it: they live and die together


def test_quitting_the_application_stops_training(qtbot, window):
    with qtbot.waitSignal(window.training.snapshotReceived, timeout=3000):
        window.training.start()
    process = window.training.link.process
    QApplication.instance().aboutToQuit.emit()  # what app.quit() sends before the loop ends
    assert not process.is_alive() and running_threads() == [] and running_processes() == []
    assert not window.training.is_running and not window.training.link.started


def test_shutting_down_twice_is_harmless(qtbot, window):
    window.training.start()
    window.context.shutdown()
    window.context.shutdown()
    window.close()
    assert running_threads() == [] and running_processes() == []
