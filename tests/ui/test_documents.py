"""Documents in the window (nnsim/ui/document_files.py, nnsim/ui/recovery.py): save and open
round-trip everything a lesson needs and training goes on from the saved epoch; failed
saves keep the old file; unsaved changes are asked about on every path; recovery copies;
broken and newer files change nothing."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QSaveFile, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from nnsim.core.csv_loader import CsvOptions
from nnsim.core.document import load_document
from nnsim.core.resources import resource_path

CSV = ("name,height,kind,width\n" + "".join(
    f"p{k},{1.4 + 0.05 * (k % 5)},tall,{2.0 + 0.03 * k}\n" if k % 2 else f"p{k},{0.3 + 0.04 * (k % 4)},wide,{3.0 - 0.02 * k}\n"
    for k in range(24)))


def step(qtbot, window, n=1):
    training = window.training
    for _ in range(n):
        with qtbot.waitSignal(training.snapshotApplied, timeout=5000, check_params_cb=lambda s: s.kind == "step"):
            training.step()


@pytest.fixture
def errors(monkeypatch):
    """The error dialogs the window shows, as (title, text)."""
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a, **k: shown.append((title, text)))
    return shown


def state(window):
    """What a document stores, as the window shows it."""
    doc, training = window.document, window.training
    data = doc.data
    return {
        "params": window.network.params.copy(), "sizes": list(window.network.layer_sizes),
        "activations": list(window.network.activations), "settings": training.settings,
        "epoch": training.epoch, "history": training.history.history(),
        "X": None if data is None else data.dataset.X.copy(), "y": None if data is None else data.dataset.y.copy(),
        "features": None if data is None else list(data.dataset.feature_names),
        "test_index": None if data is None else np.asarray(data.test_index).copy(),
        "node": window.selection.node, "sample": doc.sample_index,
        "train_points": window.plots.loss_plot.point_count("train"),
        "test_points": window.plots.loss_plot.point_count("test"),
    }


def assert_same_state(got, want):
    for key in ("sizes", "activations", "settings", "epoch", "features", "node", "sample", "train_points",
                "test_points"):
        assert got[key] == want[key], key
    for key in ("params", "X", "y", "test_index"):
        np.testing.assert_array_equal(got[key], want[key], err_msg=key)
    for column in ("epochs", "train_loss", "test_loss", "train_accuracy", "test_accuracy"):
        np.testing.assert_array_equal(getattr(got["history"], column), getattr(want["history"], column))


# ------------------------------------------------------------------ round trips
def test_a_generated_set_round_trips_and_training_goes_on_from_the_saved_epoch(window, qtbot, tmp_path):
    panel, training = window.data_panel, window.training
    panel.select_dataset("spiral")
    panel.samplesSpin.setValue(300)
    panel.noiseSpin.setValue(0.15)
    panel.new_points()  # seed 1
    window.training_panel.testSplitSpin.setValue(20)
    window.training_panel.resetButton.click()  # the split applies, seed 1 for the weights
    training.update_settings(learning_rate=0.05, optimizer="adam", batch_size=16)
    step(qtbot, window, 3)
    window.selection.select_node(2, 1)
    window.document.set_sample_index(7)
    assert window.isWindowModified()
    saved = state(window)
    # an evaluation point at epoch 0 (before the first step), then one per epoch
    assert saved["epoch"] == 3 and saved["history"].epochs.tolist() == [0, 1, 2, 3]
    assert (saved["train_points"], saved["test_points"]) == (3, 4)
    path = tmp_path / "spiral.nnsim"
    assert window.save_document(path)
    assert window.windowTitle() == "spiral.nnsim[*] — nnsim" and not window.isWindowModified()
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert stored["data"] == {"kind": "builtin", "name": "spiral", "n_samples": 300, "noise": 0.15,
                              "n_classes": None, "seed": 1}
    assert stored["split"] == {"test_fraction": 0.2, "seed": 0, "standardize": True}
    assert stored["epoch"] == 3 and stored["selection"] == {"node": [2, 1], "sample_index": 7}

    window.new_action.trigger()  # something else in between
    assert window.network.layer_sizes == [4, 8, 8, 3] and training.epoch == 0
    assert window.open_document(path)
    assert_same_state(state(window), saved)
    assert window.training_panel.epochLabel.text() == "Epoch 3"
    assert window.training_panel.testSplitSpin.value() == 20 and window.training_panel.seedSpin.value() == 1
    assert (panel.current_key(), panel.samplesSpin.value(), panel.noiseSpin.value()) == ("spiral", 300, 0.15)
    assert window.training_panel.statusLabel.text() == ""  # nothing waits for Reset
    assert not window.isWindowModified() and window.windowTitle() == "spiral.nnsim[*] — nnsim"

    step(qtbot, window)  # on from epoch 3, not from 0
    assert training.epoch == 4 and training.session_state().epoch == 4
    assert window.training_panel.epochLabel.text() == "Epoch 4"
    assert training.history.history().epochs.tolist() == [0, 1, 2, 3, 4]
    assert window.plots.loss_plot.point_count("train") == 4 and window.plots.loss_plot.point_count("test") == 5
    assert window.isWindowModified()


def test_a_csv_table_round_trips_with_its_column_choices_without_the_file(window, qtbot, tmp_path):
    table = tmp_path / "plants.csv"
    table.write_text(CSV, encoding="utf-8")
    assert window.data_panel.open_csv(table, options=CsvOptions(target="kind", exclude=("name",)))
    assert window.document.data.dataset.feature_names == ["height", "width"]
    step(qtbot, window, 2)
    window.selection.select_node(0, 1)
    window.document.set_sample_index(4)
    saved = state(window)
    path = tmp_path / "plants.nnsim"
    assert window.save_document(path)
    table.unlink()  # the document holds the table itself
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert stored["data"]["kind"] == "table" and stored["data"]["target"] == "kind"
    assert stored["data"]["feature_names"] == ["height", "width"] and len(stored["data"]["X"]) == 24
    window.new_action.trigger()
    assert window.open_document(path)
    assert_same_state(state(window), saved)
    assert window.document.data.dataset.class_names == ["wide", "tall"]  # in the order the rows name them
    assert window.data_panel.description.text() == "Your table “plants”."
    step(qtbot, window)
    assert window.training.epoch == 3


def test_an_older_model_file_still_opens(window, tmp_path):
    from nnsim.core import Network
    from nnsim.core.model_file import save_model

    net = Network([4, 5, 3], ["relu", "softmax"], seed=3)
    path = tmp_path / "old.nnsim.json"
    save_model(path, net, extra={"dataset": "iris"})
    assert window.open_document(path)
    assert window.network == net and window.document.output_names()[0] == "setosa"
    assert window.windowTitle() == "old.nnsim.json[*] — nnsim" and window.training.epoch == 0


def test_the_command_line_opens_a_document(window, tmp_path, qtbot):
    from nnsim.app import create_main_window

    path = tmp_path / "start.nnsim"
    window.selection.select_node(2, 3)
    assert window.save_document(path)
    other = create_main_window(["nnsim", str(path)])
    qtbot.addWidget(other)
    assert other.windowTitle() == "start.nnsim[*] — nnsim" and other.selection.node == (2, 3)
    np.testing.assert_array_equal(other.network.params, window.network.params)
    other.close()


# ------------------------------------------------------------------ failed saves
def test_a_failed_commit_keeps_the_old_file_and_says_so(window, qtbot, tmp_path, monkeypatch, errors):
    path = tmp_path / "lesson.nnsim"
    assert window.save_document(path)
    before = path.read_bytes()
    step(qtbot, window)
    monkeypatch.setattr(QSaveFile, "commit", lambda self: (self.cancelWriting(), False)[1])
    assert not window.save_document(path)
    assert path.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["lesson.nnsim"]
    assert len(errors) == 1 and errors[0][0] == "Could not save" and str(path) in errors[0][1]
    assert "The file that was there is unchanged." in errors[0][1]
    assert window.isWindowModified()  # still unsaved


def test_a_save_into_a_folder_that_cannot_be_written_says_so(window, tmp_path, errors):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    assert not window.save_document(blocked / "lesson.nnsim")
    assert len(errors) == 1 and blocked.read_text() == "not a folder"


# ------------------------------------------------------------------ unsaved changes
def _ways_to_leave(window, tmp_path, monkeypatch):
    """name -> (do it, did it happen?)"""
    from nnsim.core.document import save_document

    other = tmp_path / "other.nnsim"
    save_document(other, window.files.current_document())
    window.files.add_recent(other)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    return {
        "close": (window.close, lambda: not window.isVisible()),
        "new": (window.new_action.trigger, lambda: window.network.layer_sizes == [4, 8, 8, 3]),
        "open": (window.open_action.trigger, lambda: window.files.path == other),
        "recent": (lambda: window.files.recent_menu.actions()[0].trigger(), lambda: window.files.path == other),
        "lesson": (window.lesson_actions["04_xor"].trigger, lambda: window.network.layer_sizes == [2, 4, 2]),
    }


@pytest.mark.parametrize("way", ["close", "new", "open", "recent", "lesson"])
def test_cancel_keeps_everything(shown_window, qtbot, tmp_path, monkeypatch, prompts, way):
    window = shown_window
    do, _ = _ways_to_leave(window, tmp_path, monkeypatch)[way]
    window.editor.add_neuron(1)
    step(qtbot, window)
    assert window.isWindowModified() and window.windowTitle() == "untitled[*] — nnsim"
    before = state(window)
    prompts.unsaved = "cancel"
    do()
    assert prompts.asked == [("unsaved", "untitled")]
    assert window.isVisible() and window.isWindowModified() and window.files.path is None
    assert_same_state(state(window), before)
    assert window.undo_stack.count() == 1  # the edit can still be undone


@pytest.mark.parametrize("way", ["close", "new", "open", "recent", "lesson"])
def test_discard_goes_on_and_save_saves_first(shown_window, qtbot, tmp_path, monkeypatch, prompts, way):
    window = shown_window
    do, done = _ways_to_leave(window, tmp_path, monkeypatch)[way]
    target = tmp_path / "kept.nnsim"
    window.files.path = target  # Save writes here without asking where
    step(qtbot, window)
    prompts.unsaved = "save"
    do()
    assert prompts.asked == [("unsaved", "kept.nnsim")] and done()
    assert load_document(target).epoch == 1


def test_nothing_is_asked_without_changes_and_open_document_never_asks(window, tmp_path, prompts):
    path = tmp_path / "a.nnsim"
    assert window.save_document(path)
    window.new_action.trigger()
    window.editor.add_neuron(1)
    assert window.open_document(path)  # what tests and the command line call: no question
    window.lesson_actions["02_and"].trigger()
    window.close()
    assert prompts.asked == []


def test_the_real_question_offers_save_discard_and_cancel(window, qtbot, prompts, monkeypatch):
    monkeypatch.setattr(type(window.files), "ask_unsaved", prompts.real_ask_unsaved)
    window.editor.add_neuron(1)
    seen = []

    def answer():
        box = QApplication.activeModalWidget()
        if box is None:  # not open yet
            QTimer.singleShot(10, answer)
            return
        seen.append((box.objectName(), box.text(), sorted(b.objectName() for b in box.buttons())))
        box.button(QMessageBox.Cancel).click()

    QTimer.singleShot(0, answer)
    assert window.files.may_discard() is False
    assert seen == [("unsavedPrompt", "Save the changes to “untitled”?",
                     ["unsavedCancelButton", "unsavedDiscardButton", "unsavedSaveButton"])]
    monkeypatch.setattr(type(window.files), "ask_unsaved", lambda files: "discard")


def test_training_edits_and_data_mark_the_document_modified(window, qtbot, tmp_path):
    path = tmp_path / "m.nnsim"
    marks = []
    for change in (lambda: step(qtbot, window), lambda: window.editor.add_neuron(1),
                   lambda: window.data_panel.select_dataset("xor"),
                   lambda: window.training.update_settings(learning_rate=0.5),
                   lambda: window.training_panel.resetButton.click()):
        assert window.save_document(path) and not window.isWindowModified()
        change()
        marks.append(window.isWindowModified())
    assert marks == [True] * 5
    assert window.windowTitle() == "m.nnsim[*] — nnsim"  # Qt draws [*] as "*" when modified


# ------------------------------------------------------------------ recent files
def test_open_recent_lists_the_newest_first_and_a_missing_file_says_so(window, tmp_path, errors):
    for name in ("a.nnsim", "b.nnsim"):
        assert window.save_document(tmp_path / name)
    actions = window.files.recent_menu.actions()
    assert [a.text() for a in actions if a.objectName().startswith("recentAction_")] == ["&1 b.nnsim", "&2 a.nnsim"]
    (tmp_path / "a.nnsim").unlink()
    before = window.network.copy()
    window.findChild(type(actions[0]), "recentAction_1").trigger()
    assert len(errors) == 1 and "a.nnsim" in errors[0][1] and window.network == before
    window.findChild(type(actions[0]), "clearRecentAction").trigger()
    assert window.files.recent_files() == []


# ------------------------------------------------------------------ lessons
LESSONS = sorted(p.stem for p in resource_path("lessons").glob("*.nnsim"))


@pytest.mark.parametrize("stem", LESSONS)
def test_each_lesson_opens_from_the_menu_with_its_note(window, stem):
    doc = load_document(resource_path("lessons", f"{stem}.nnsim"))
    action = window.lesson_actions[stem]
    assert action.objectName() == f"lessonAction_{stem}" and action in window.lessons_menu.actions()
    assert action.text() == doc.title["en"]
    action.trigger()
    assert window.network == doc.network and window.network.activations == doc.network.activations
    assert window.training.settings == doc.settings and window.training.epoch == 0
    assert window.document.data.dataset.n_samples == doc.data.dataset.n_samples
    np.testing.assert_array_equal(window.document.data.test_index, doc.data.test_index)
    assert window.training_panel.testSplitSpin.value() == round(100 * doc.test_fraction)
    assert window.selection.node == doc.selected_node and window.document.sample_index == doc.sample_index
    dock = window.lesson_note_dock
    assert dock.objectName() == "lessonNotePanel" and not dock.isHidden()
    assert window.lesson_note_panel.note_text() == doc.note["en"]
    assert window.lesson_note_panel.title_label.text() == doc.title["en"]
    assert window.lesson_note_panel.goal_label.text().startswith("Goal: ")
    assert window.windowTitle() == f"{doc.title['en']}[*] — nnsim" and window.files.path is None
    assert not window.isWindowModified()


def test_xor_after_one_neuron_keeps_nothing_of_it(window):
    window.lesson_actions["01_one_neuron"].trigger()
    assert window.network.layer_sizes == [2, 1] and window.training_panel.testSplitSpin.value() == 0
    assert window.lesson_note_panel.goal_label.text() == "Goal: a training accuracy of at least 100 % within one epoch."
    assert window.statusBar().currentMessage() == "Lesson: One neuron"
    window.training.update_settings(learning_rate=0.7, seed=9)  # a seed waiting for Reset
    window.lesson_actions["04_xor"].trigger()
    assert window.network.layer_sizes == [2, 4, 2]  # its hidden layer
    assert window.training_panel.testSplitSpin.value() == 30 and len(window.document.data.test_index) > 0
    assert window.training.settings.learning_rate == 0.1 and window.training.settings.optimizer == "adam"
    assert window.training.settings_model.pending_seed is None and window.training_panel.seedSpin.value() == 0
    assert window.document.data.standardizer is not None  # One neuron's raw inputs are not kept either
    xor = load_document(resource_path("lessons", "04_xor.nnsim"))
    assert window.lesson_note_panel.note_text() == xor.note["en"]


def test_the_note_goes_when_a_document_without_one_opens(window, tmp_path):
    window.lesson_actions["06_circles"].trigger()
    assert not window.lesson_note_dock.isHidden()
    window.new_action.trigger()
    assert window.lesson_note_dock.isHidden()


def test_a_saved_lesson_keeps_its_note_title_and_goal(window, tmp_path):
    window.lesson_actions["07_spiral"].trigger()
    path = tmp_path / "mine.nnsim"
    assert window.save_document(path)
    doc = load_document(path)
    assert doc.title["es"] == "Espiral: la profundidad ayuda" and doc.goal.epochs == 150
    window.new_action.trigger()
    assert window.open_document(path)
    assert window.lesson_note_panel.title_label.text() == "Spiral: depth helps"


@pytest.fixture
def spanish_window(qtbot, isolated_settings):
    from nnsim.app import create_main_window
    from nnsim.ui.language import remove_translators

    win = create_main_window(["nnsim", "--lang", "es"])
    qtbot.addWidget(win)
    yield win
    win.close()
    remove_translators(QApplication.instance())


def test_the_lessons_speak_spanish_in_a_spanish_window(spanish_window):
    win = spanish_window
    assert win.lessons_menu.title() == "&Lecciones"
    for stem in LESSONS:
        doc = load_document(resource_path("lessons", f"{stem}.nnsim"))
        action = win.lesson_actions[stem]
        assert action.text() == doc.title["es"]
        action.trigger()
        assert win.lesson_note_panel.note_text() == doc.note["es"]
        assert win.lesson_note_panel.goal_label.text().startswith("Objetivo: ")
    assert win.lesson_note_panel.goal_label.text() == \
        "Objetivo: una pérdida de entrenamiento de 0,02 como mucho en 300 épocas."


# ------------------------------------------------------------------ recovery
def test_a_recovery_copy_is_offered_after_a_crash_and_removed_after_a_normal_close(window, qtbot, tmp_path,
                                                                                   prompts):
    from nnsim.app import create_main_window
    from nnsim.ui import recovery

    path = tmp_path / "lesson.nnsim"
    assert window.save_document(path)
    original = path.read_bytes()
    files = window.files
    assert files.recovery.timer.isActive() and files.recovery.timer.interval() == 60_000
    assert not files.recovery.autosave()  # nothing unsaved: no copy
    step(qtbot, window, 2)
    assert files.recovery.autosave()
    copy = files.recovery.path
    folder = recovery.data_folder() / "recovery"
    assert copy.parent == folder and copy.is_file() and path.read_bytes() == original  # never over the file
    assert load_document(copy).epoch == 2
    assert files.recovery.orphans() == []  # this window is alive
    crashed = folder / "crashed-1"  # what an nnsim that died leaves: the copy and its note, no live lock
    shutil.copy(copy, crashed.with_suffix(".nnsim"))
    shutil.copy(copy.with_suffix(".json"), crashed.with_suffix(".json"))
    saved_state = state(window)
    prompts.unsaved = "discard"
    window.close()
    assert not copy.exists() and not copy.with_suffix(".json").exists()  # a normal close removes it
    assert crashed.with_suffix(".nnsim").exists()

    later = create_main_window(["nnsim"])
    qtbot.addWidget(later)
    prompts.restore = True
    assert later.offer_recovery()
    (kind, offered), = [a for a in prompts.asked if a[0] == "restore"]
    assert offered.original == path
    assert later.files.recovery_question(offered).startswith(
        "nnsim did not close properly last time. A recovery copy of “lesson.nnsim” was made on ")
    assert later.isWindowModified() and later.windowTitle() == "lesson.nnsim[*] — nnsim"
    assert later.training.epoch == 2 and later.files.path == path
    np.testing.assert_array_equal(later.network.params, saved_state["params"])
    assert path.read_bytes() == original  # untouched until the user saves
    assert not crashed.with_suffix(".nnsim").exists()  # offered once
    assert not later.offer_recovery()
    later.close()


def test_a_declined_copy_is_removed(window, prompts):
    from nnsim.ui import recovery

    files = window.files
    window.editor.add_neuron(1)
    assert files.recovery.autosave()
    folder = recovery.data_folder() / "recovery"
    shutil.copy(files.recovery.path, folder / "old.nnsim")
    before = window.network.copy()
    prompts.restore = False
    assert not window.offer_recovery()
    assert not (folder / "old.nnsim").exists() and window.network == before


# ------------------------------------------------------------------ bad files
def _good_document_text(window, tmp_path) -> str:
    path = tmp_path / "good.nnsim"
    window.save_document(path)
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("breakage", ["newer", "garbage", "empty", "bad network", "wrong sizes"])
def test_a_broken_or_newer_file_gets_a_message_and_changes_nothing(window, qtbot, tmp_path, errors, breakage):
    d = json.loads(_good_document_text(window, tmp_path))
    text = {
        "newer": lambda: json.dumps({**d, "schema_version": 99}),
        "garbage": lambda: "{not json",
        "empty": lambda: "",
        "bad network": lambda: json.dumps({**d, "network": 3}),
        "wrong sizes": lambda: json.dumps({**d, "selection": {"node": [9, 9], "sample_index": None}}),
    }[breakage]()
    step(qtbot, window)
    before, title = state(window), window.windowTitle()
    path = tmp_path / "bad.nnsim"
    path.write_text(text, encoding="utf-8")
    assert not window.open_document(path)
    assert len(errors) == 1 and "bad.nnsim" in errors[0][1] and errors[0][1].endswith("Nothing was changed.")
    if breakage == "newer":
        assert "newer nnsim" in errors[0][1] and "Update nnsim" in errors[0][1]
    assert_same_state(state(window), before)
    assert window.windowTitle() == title and window.isWindowModified()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_fuzzed_files_never_escape_the_open_path(window, tmp_path, monkeypatch, data):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a, **k: shown.append(text))
    good = _good_document_text(window, tmp_path).encode("utf-8")
    cut = data.draw(st.integers(0, len(good)))
    flips = data.draw(st.lists(st.tuples(st.integers(0, len(good) - 1), st.integers(0, 255)), max_size=4))
    text = bytearray(good)
    for at, value in flips:
        text[at] = value
    text = bytes(text[:cut]) if data.draw(st.booleans()) else bytes(text)
    path = tmp_path / "fuzz.nnsim"
    path.write_bytes(text)
    before = window.network.copy()
    opened = window.open_document(path)
    if not opened:
        assert len(shown) == 1 and window.network == before


def test_only_a_copy_whose_nnsim_died_is_offered(window, tmp_path):
    """A copy whose lock a live nnsim holds is not offered; one whose nnsim died without
    closing (its lock file left behind, the process gone) is."""
    import subprocess
    import sys

    from nnsim.ui import recovery

    window.editor.add_neuron(1)
    assert window.files.recovery.autosave()
    folder = recovery.data_folder() / "recovery"
    for name in ("alive", "dead"):
        shutil.copy(window.files.recovery.path, folder / f"{name}.nnsim")
    held = recovery.QLockFile(str(folder / "alive.lock"))
    held.setStaleLockTime(0)
    assert held.tryLock(0)  # as another running nnsim would
    crash = ("import os, sys\nfrom PySide6.QtCore import QLockFile\n"
             "lock = QLockFile(sys.argv[1]); lock.setStaleLockTime(0); assert lock.tryLock(0)\nos._exit(3)\n")
    done = subprocess.run([sys.executable, "-c", crash, str(folder / "dead.lock")], timeout=60)
    assert done.returncode == 3 and (folder / "dead.lock").exists()  # it died holding it
    assert [copy.path.name for copy in window.files.recovery.orphans()] == ["dead.nnsim"]
    held.unlock()


def test_opening_while_training_runs_pauses_and_goes_on_from_the_file(window, qtbot, tmp_path):
    training = window.training
    step(qtbot, window, 2)
    path = tmp_path / "two.nnsim"
    assert window.save_document(path)
    saved = window.network.params.copy()
    training.start()
    qtbot.waitUntil(lambda: training.epoch >= 5, timeout=5000)
    assert window.open_document(path)
    assert not training.is_running and training.epoch == 2
    np.testing.assert_array_equal(window.network.params, saved)
    qtbot.wait(100)  # snapshots of the training that was running arrive, and are dropped
    np.testing.assert_array_equal(window.network.params, saved)
    assert training.epoch == 2 and not window.isWindowModified()
    step(qtbot, window)
    assert training.epoch == 3


def test_a_note_left_open_at_the_last_close_does_not_come_back_empty(window, qtbot):
    from nnsim.app import create_main_window

    window.lesson_actions["03_or"].trigger()
    assert not window.lesson_note_dock.isHidden()
    window.close()  # the layout is saved with the note's dock open
    later = create_main_window(["nnsim"])
    qtbot.addWidget(later)
    assert later.lesson_note_dock.isHidden() and later.network.layer_sizes == [4, 8, 8, 3]
    later.close()


def test_a_huge_table_is_not_copied_every_minute(window, tmp_path, monkeypatch):
    from nnsim.ui import document_files

    table = tmp_path / "plants.csv"
    table.write_text(CSV, encoding="utf-8")
    assert window.data_panel.open_csv(table, options=CsvOptions(target="kind", exclude=("name",)))
    monkeypatch.setattr(document_files, "AUTOSAVE_MAX_VALUES", 24 * 2 - 1)  # one number fewer than the table holds
    assert window.isWindowModified() and not window.files.recovery.autosave()
    monkeypatch.setattr(document_files, "AUTOSAVE_MAX_VALUES", 24 * 2)
    assert window.files.recovery.autosave()


# ------------------------------------------------------------------ the optimizer's memory
@pytest.mark.parametrize("optimizer", ["momentum", "adam"])
def test_training_after_reopening_is_the_same_training_as_without_saving(window, qtbot, tmp_path, optimizer):
    # N epochs, save; M more (the uninterrupted run); reopen the file and train the same M:
    # the very same weights, so the optimizer's memory and the examples' order came back
    window.data_panel.select_dataset("spiral")
    window.training.update_settings(learning_rate=0.02, optimizer=optimizer, batch_size=16)
    step(qtbot, window, 3)
    path = tmp_path / "memory.nnsim"
    assert window.save_document(path)
    stored = json.loads(path.read_text(encoding="utf-8"))["optimizer_state"]
    assert stored["optimizer"] == optimizer and stored["shuffle"]["bit_generator"] == "PCG64"
    assert len(stored["m" if optimizer == "adam" else "velocity"]) == window.network.n_params
    step(qtbot, window, 2)
    uninterrupted = window.network.params.copy()
    assert window.training.epoch == 5

    window.new_action.trigger()  # something else in between
    assert window.open_document(path) and window.training.epoch == 3
    step(qtbot, window, 2)
    assert window.training.epoch == 5
    np.testing.assert_array_equal(window.network.params, uninterrupted)
    np.testing.assert_array_equal(window.training.session_state().network.params, uninterrupted)


def test_reset_and_another_optimizer_start_a_fresh_memory(window, qtbot, tmp_path):
    window.training.update_settings(optimizer="adam", batch_size=16)
    step(qtbot, window, 2)
    assert window.training.optimizer_state.name == "adam" and window.training.optimizer_state.t > 0
    window.training.update_settings(optimizer="momentum")
    assert window.training.optimizer_state is None
    path = tmp_path / "fresh.nnsim"
    assert window.save_document(path)
    assert json.loads(path.read_text(encoding="utf-8"))["optimizer_state"] is None
    step(qtbot, window)
    assert window.training.optimizer_state.name == "momentum"
    window.training_panel.resetButton.click()
    assert window.training.optimizer_state is None and window.training.epoch == 0


def test_a_memory_that_does_not_fit_opens_the_document_with_a_fresh_optimizer_and_says_so(window, qtbot, tmp_path):
    window.training.update_settings(optimizer="adam")
    step(qtbot, window, 2)
    path = tmp_path / "odd.nnsim"
    assert window.save_document(path)
    d = json.loads(path.read_text(encoding="utf-8"))
    d["optimizer_state"]["m"] = d["optimizer_state"]["m"][:5]
    path.write_text(json.dumps(d), encoding="utf-8")
    params = np.array(d["network"]["weights"][0]).ravel()
    assert window.open_document(path) and window.training.epoch == 2
    assert window.training.optimizer_state is None
    assert window.statusBar().currentMessage() == (
        f"Opened {path}. The optimizer's memory in it did not fit, so training goes on with a fresh optimizer.")
    assert window.network.weights[0].ravel().tolist() == params.tolist()
    step(qtbot, window)
    state = window.training.session_state()
    assert window.training.epoch == 3 and state.optimizer_state.t == state.batches_per_epoch
