"""Test set-up shared by every test: offscreen Qt, no thread left running, and the window
fixtures (a main window with settings kept in a temporary folder)."""

import os

# Must be set before any QApplication exists: without a display Qt would abort the process.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The tests read English texts: run them in English whatever the machine's language (Qt takes
# the system's languages from LANGUAGE first). tests/ui/test_translation.py loads Spanish itself.
os.environ["LANGUAGE"] = "en"

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def no_thread_left_running(request):
    """Fail any test that leaves a QThread or a training process running (a thread would
    abort pytest later; a process would train on for nobody)."""
    yield
    if "qtbot" not in request.fixturenames:
        return
    from nnsim.training.threads import running_threads

    left = running_threads()
    if left:
        for thread in left:
            thread.quit()
            thread.wait(2000)
        pytest.fail(f"test left {len(left)} QThread(s) running: {left}")
    from nnsim.training.process_link import running_processes

    processes = running_processes()
    if processes:
        for process in processes:
            process.kill()
            process.join(2)
        pytest.fail(f"test left {len(processes)} training process(es) running: {processes}")



class Prompts:
    """What the window's questions are answered in tests (a real QMessageBox would wait for a
    click forever): ``unsaved`` ("save", "discard", "cancel") for Save / Discard / Cancel,
    ``restore`` (True/False) for a recovery copy; ``asked`` records each question."""

    def __init__(self):
        self.unsaved = "discard"
        self.restore = False
        self.asked: list = []


@pytest.fixture(autouse=True)
def prompts(request):
    """For every test with Qt: the unsaved-changes and recovery questions answered without a
    dialog (closing a modified window asks; see ``Prompts``), and the user's data folder
    (recovery copies) in the test's temporary folder."""
    answers = Prompts()
    if not {"qtbot", "qapp"} & set(request.fixturenames):
        yield answers
        return
    monkeypatch = request.getfixturevalue("monkeypatch")
    data = request.getfixturevalue("tmp_path") / "appdata"
    from nnsim.ui import recovery
    from nnsim.ui.document_files import DocumentFiles

    def unsaved(files):
        answers.asked.append(("unsaved", files.display_name()))
        return answers.unsaved

    def restore(files, copy):
        answers.asked.append(("restore", copy))
        return answers.restore

    answers.real_ask_unsaved = DocumentFiles.ask_unsaved
    monkeypatch.setattr(recovery, "data_folder", lambda: data)
    monkeypatch.setattr(DocumentFiles, "ask_unsaved", unsaved)
    monkeypatch.setattr(DocumentFiles, "ask_restore", restore)
    yield answers


@pytest.fixture
def isolated_settings(tmp_path, qapp):
    """QSettings written under tmp_path, so no test reads or writes the user's settings."""
    from PySide6.QtCore import QSettings

    for fmt in (QSettings.NativeFormat, QSettings.IniFormat):
        QSettings.setPath(fmt, QSettings.UserScope, str(tmp_path / "settings"))
    yield tmp_path / "settings"


@pytest.fixture
def window(qtbot, isolated_settings, prompts):
    """The main window as nnsim opens it (Iris network), not shown; training at full speed
    (the window opens at a pace a class can watch: tests of the paces choose theirs). At the
    end it closes whatever the test left unsaved (Discard)."""
    from nnsim.app import create_main_window
    from nnsim.training.pace import FULL_SPEED

    win = create_main_window([])
    qtbot.addWidget(win)
    win.training.set_pace(FULL_SPEED)
    win.resize(1280, 800)
    yield win
    prompts.unsaved = "discard"
    win.close()


@pytest.fixture
def shown_window(window, qtbot):
    """The main window shown (offscreen), for clicks and geometry."""
    window.show()
    qtbot.waitExposed(window)
    window.network_view.fit_to_view()
    return window


@pytest.fixture
def find_slider(window):
    """find_slider("weightSlider_0_1_0") -> the QSlider of that name in the window."""
    from PySide6.QtWidgets import QSlider

    def find(name):
        found = window.findChild(QSlider, name)
        assert found is not None, f"no slider named {name}"
        return found

    return find
