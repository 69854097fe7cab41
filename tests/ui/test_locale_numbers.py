"""Numbers in the window's language (issue 12): a decimal comma in every Spanish box, text,
table, axis and message, a point in English; the other mark is taken only where it cannot
be a thousands separator, and refused with a message where it could, never read as another
number. Also Qt's own texts and the plots' menu in Spanish, and the question Train asks
before an unusual learning rate."""

from __future__ import annotations

import copy
import json

import pytest
from PySide6.QtCore import QLibraryInfo, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox

from nnsim.ui.language import remove_translators
from nnsim.ui.number_spin import NumberSpin
from nnsim.ui.typed_number import read_typed_number


def _window(qtbot, lang):
    from nnsim.app import create_main_window
    from nnsim.training.pace import FULL_SPEED

    win = create_main_window(["nnsim", "--lang", lang])
    qtbot.addWidget(win)
    win.training.set_pace(FULL_SPEED)
    win.resize(1280, 800)
    return win


@pytest.fixture
def spanish(qtbot, isolated_settings):
    win = _window(qtbot, "es")
    yield win
    win.close()
    remove_translators(QApplication.instance())


@pytest.fixture
def english(qtbot, isolated_settings):
    win = _window(qtbot, "en")
    yield win
    win.close()
    remove_translators(QApplication.instance())


def type_into(qtbot, spin, text: str) -> None:
    """Select the box's text, type ``text`` key by key, press Enter."""
    spin.setFocus()
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), text)
    qtbot.keyClick(spin.lineEdit(), Qt.Key_Return)


def box(win, name) -> NumberSpin:
    found = win.findChild(NumberSpin, name)
    assert found is not None, name
    return found


# ------------------------------------------------------------------ reading a typed number
@pytest.mark.parametrize("text, comma, state, value", [
    ("0,05", True, "number", 0.05), ("0.05", True, "number", 0.05),  # a point cannot group "05"
    ("0.05", False, "number", 0.05), ("0,05", False, "number", 0.05),
    ("1.000", True, "ambiguous", None), ("12.500", True, "ambiguous", None),  # one, or a thousand?
    ("1,000", False, "ambiguous", None), ("1,000", True, "number", 1.0), ("1.000", False, "number", 1.0),
    ("1.5", True, "number", 1.5), ("0.005", True, "number", 0.005), ("1.0000", True, "number", 1.0),
    ("−2,5", True, "number", -2.5), ("1,5e3", True, "number", 1500.0), ("1e-7", False, "number", 1e-7),
    ("", True, "partial", None), ("-", True, "partial", None), (",", True, "partial", None),
    ("1e", False, "partial", None), ("1e-", False, "partial", None),
    ("1.234,5", True, "invalid", None), ("1,234.5", False, "invalid", None), ("abc", True, "invalid", None),
    ("nan", False, "invalid", None), ("e5", False, "invalid", None),
])
def test_a_typed_number_is_read_for_the_decimal_mark(text, comma, state, value):
    typed = read_typed_number(text, comma)
    assert (typed.state, typed.value) == (state, value)


# ------------------------------------------------------------------ every box, both languages
def _fields(win, qtbot):
    """(name, box, how to read what it set) for every number box a person types into."""
    win.load_example("one_neuron")  # a step neuron: its threshold box is shown
    win.selection.select_node(1, 0)
    panel = win.training_panel
    panel.stopCombo.setCurrentIndex(panel.stopCombo.findData("loss"))
    panel.stopCombo.activated.emit(panel.stopCombo.currentIndex())
    fields = [
        ("learning rate", panel.learningRateSpin, lambda: win.training.settings.learning_rate),
        ("weight", box(win, "weightSpin_0_0_0"), lambda: float(win.network.weights[0][0, 0])),
        ("bias", box(win, "biasSpin_0_0"), lambda: float(win.network.biases[0][0])),
        ("threshold", win.neuron_panel.threshold_spin, lambda: float(win.network.threshold)),
        ("target loss", panel.stopLossSpin, lambda: win.training.settings_model.stop_below_loss),
    ]
    return fields


@pytest.mark.parametrize("lang, typed", [("es", "0,05"), ("en", "0.05")])
def test_every_box_takes_the_languages_decimal_mark(qtbot, isolated_settings, lang, typed):
    win = _window(qtbot, lang)
    try:
        win.show()
        qtbot.waitExposed(win)
        for name, spin, read in _fields(win, qtbot):
            type_into(qtbot, spin, typed)
            assert read() == 0.05, name
            shown = spin.text().removeprefix(spin.prefix())
            assert float(shown.replace(",", ".")) == 0.05 and ("," in shown) == (lang == "es"), (name, shown)
            assert spin.refusal == "", name
        # the graph's inline editor
        editor = win.network_view.edit_weight(0, 0, 0)
        qtbot.keyClicks(editor.lineEdit(), typed.replace("05", "25"))  # "0,25" / "0.25"
        qtbot.keyClick(editor.lineEdit(), Qt.Key_Return)
        assert float(win.network.weights[0][0, 0]) == 0.25
        # noise of a generated set, and What if? (its boxes hold the data's decimals)
        assert win.data_panel.select_dataset("moons")
        noise = win.data_panel.noiseSpin
        type_into(qtbot, noise, typed)
        assert noise.value() == 0.05 and noise.text() == ("0,05" if lang == "es" else "0.05")
        what_if = win.what_if_panel.spins[0]  # rebuilt for the new points
        assert what_if.objectName() == "whatIfSpin_0" and what_if.decimals() >= 2
        type_into(qtbot, what_if, typed)
        assert what_if.value() == 0.05
        assert float(what_if.text().replace(",", ".")) == 0.05
    finally:
        win.close()
        remove_translators(QApplication.instance())


def test_in_spanish_a_point_is_taken_only_where_it_cannot_group_digits(qtbot, spanish):
    win = spanish
    spin = box(win, "weightSpin_0_0_0")
    type_into(qtbot, spin, "0.05")  # no thousands separator after a 0: it is 0,05
    assert float(win.network.weights[0][0, 0]) == 0.05 and spin.text() == "0,050"
    type_into(qtbot, spin, "1.5")
    assert float(win.network.weights[0][0, 0]) == 1.5 and spin.text() == "1,500"
    type_into(qtbot, spin, "1.000")  # one, or a thousand? refused, said, never 1000
    assert float(win.network.weights[0][0, 0]) == 1.5 and spin.text() == "1,500"
    assert spin.refusal == ("«1.000» se puede leer de dos maneras. Para los decimales usa la coma, como en "
                            "1,000; un número entero va sin separador de miles: 1000.")
    type_into(qtbot, spin, "1.234,5")  # both marks: refused, the value stays
    assert float(win.network.weights[0][0, 0]) == 1.5
    assert spin.refusal == "«1.234,5» no es un número. Usa la coma para los decimales, como en 0,05."
    rate = win.training_panel.learningRateSpin
    type_into(qtbot, rate, "0.5")
    assert win.training.settings.learning_rate == 0.5 and rate.text() == "0,5"  # not 5, not 0.05


def test_in_english_a_comma_is_taken_only_where_it_cannot_group_digits(qtbot, english):
    win = english
    spin = box(win, "biasSpin_0_0")
    type_into(qtbot, spin, "0,05")
    assert float(win.network.biases[0][0]) == 0.05 and spin.text() == "0.050"
    type_into(qtbot, spin, "1,000")  # refused, never 1000 nor 1
    assert float(win.network.biases[0][0]) == 0.05
    assert spin.refusal == ("«1,000» can be read two ways. For decimals use a point, as in 1.000; a whole "
                            "number needs no thousands separator: 1000.")
    refused = []
    spin.refused.connect(refused.append)
    type_into(qtbot, spin, "x")
    assert refused == ["«x» is not a number. Use a point for decimals, as in 0.05."]
    assert float(win.network.biases[0][0]) == 0.05


def test_the_inline_editor_stays_open_on_a_refusal(qtbot, spanish):
    win = spanish
    before = float(win.network.weights[0][0, 0])
    editor = win.network_view.edit_weight(0, 0, 0)
    qtbot.keyClicks(editor.lineEdit(), "2.500")
    qtbot.keyClick(editor.lineEdit(), Qt.Key_Return)
    assert float(win.network.weights[0][0, 0]) == before
    assert win.network_view._editor_widget is editor  # still open, to be corrected
    assert editor.refusal.startswith("«2.500» se puede leer de dos maneras")
    editor.lineEdit().selectAll()
    qtbot.keyClicks(editor.lineEdit(), "2,5")
    qtbot.keyClick(editor.lineEdit(), Qt.Key_Return)
    assert float(win.network.weights[0][0, 0]) == 2.5


def test_each_window_keeps_its_own_languages_numbers(qtbot, isolated_settings):
    spanish = _window(qtbot, "es")
    english = _window(qtbot, "en")  # built second: the process now speaks English
    try:
        es, en = box(spanish, "weightSpin_0_0_0"), box(english, "weightSpin_0_0_0")
        assert spanish.locale().decimalPoint() == "," and english.locale().decimalPoint() == "."
        spanish.document.set_weight(0, 0, 0, 0.25)
        english.document.set_weight(0, 0, 0, 0.25)
        assert (es.text(), en.text()) == ("0,250", "0.250")
        type_into(qtbot, es, "0,75")
        assert float(spanish.network.weights[0][0, 0]) == 0.75
        assert spanish.data_panel.model.data(spanish.data_panel.model.index(0, 0)) == "5,1"
        assert english.data_panel.model.data(english.data_panel.model.index(0, 0)) == "5.1"
        assert spanish.network_view.node_tooltip(1, 0).count(",") >= 2  # z and f(z) with commas
    finally:
        spanish.close()
        english.close()
        remove_translators(QApplication.instance())


# ------------------------------------------------------------------ texts, table, axes
def test_formulas_table_axes_and_tooltips_use_a_comma_in_spanish(spanish):
    win = spanish
    win.load_example("one_neuron")  # z = 0.45
    panel = win.neuron_panel
    assert "0,45" in panel.formula_label.text() and "0,45" in panel.z_label.text()
    assert panel.verdict_label.text().startswith("z = 0,45 ≤ 0,50")
    tip = win.network_view.node_tooltip(1, 0)
    assert "z = 0,4500" in tip
    assert win.data_panel.select_dataset("iris")
    model = win.data_panel.model
    assert model.data(model.index(0, 0)) == "5,1" and model.data(model.index(0, 1)) == "3,5"
    axis = win.plots.loss_plot.plotItem.getAxis("left")
    assert axis.tickStrings([0.4, 0.45, 0.5], 1.0, 0.05) == ["0,40", "0,45", "0,50"]
    assert axis.tickStrings([-0.5, 0.0], 1.0, 0.5) == ["−0,5", "0"]
    boundary_axis = win.boundary_view.plot.getPlotItem().getAxis("bottom")
    assert boundary_axis.tickStrings([-1.5, 1.5], 1.0, 0.5) == ["−1,5", "1,5"]


def test_axes_use_a_point_in_english(english):
    axis = english.plots.loss_plot.plotItem.getAxis("left")
    assert axis.tickStrings([0.4, 0.45, 0.5], 1.0, 0.05) == ["0.40", "0.45", "0.50"]


# ------------------------------------------------------------------ Qt's own texts, the plot menu
def test_qts_own_buttons_and_file_dialog_speak_spanish(spanish):
    from pathlib import Path

    if not (Path(QLibraryInfo.path(QLibraryInfo.TranslationsPath)) / "qtbase_es.qm").exists():
        pytest.skip("this PySide6 ships no qtbase_es.qm")
    box_ = QMessageBox(QMessageBox.Question, "?", "?", QMessageBox.Ok | QMessageBox.Cancel, spanish)
    assert box_.button(QMessageBox.Cancel).text() == "Cancelar"
    box_.deleteLater()
    dialog = QFileDialog(spanish)
    dialog.setOption(QFileDialog.DontUseNativeDialog)
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons.button(QDialogButtonBox.Cancel).text() == "Cancelar"
    dialog.deleteLater()
    # a text box's own context menu (the sample's inputs): Qt's words and shortcuts
    menu = spanish.neuron_panel.sample_edit.createStandardContextMenu()
    texts = [action.text() for action in menu.actions()]
    assert "&Deshacer\tControl+Z" in texts and "&Pegar\tControl+V" in texts
    menu.deleteLater()


def test_the_plots_menu_is_nnsims_own_and_spanish(spanish, tmp_path, monkeypatch):
    win = spanish
    for menu_owner in (win.plots.loss_plot.plot_menu, win.plots.accuracy_plot.plot_menu, win.boundary_view.plot_menu):
        menu = menu_owner.menu()
        assert [a.text() for a in menu.actions() if not a.isSeparator()] == [
            "Ver todo", "Exportar como PNG…", "Copiar imagen"]
        assert not menu_owner.plot.getPlotItem().menuEnabled()  # pyqtgraph's English menu is off
        menu.deleteLater()
    target = tmp_path / "perdida"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "Imágenes PNG (*.png)"))
    assert win.plots.loss_plot.plot_menu.export_png()
    assert (tmp_path / "perdida.png").read_bytes().startswith(b"\x89PNG")


def test_view_all_follows_the_data_again(window):
    plot = window.plots.loss_plot
    plot._follow = False
    plot.plot_menu.view_all_action.trigger()
    assert plot._follow


# ------------------------------------------------------------------ unusual settings
def test_a_large_learning_rate_warns_and_train_asks_once(qtbot, window):
    panel, training = window.training_panel, window.training
    window.show()
    qtbot.waitExposed(window)
    type_into(qtbot, panel.learningRateSpin, "5")
    assert panel.learningRateWarning.isVisible()
    panel.trainButton.click()
    question = panel.settings_question
    assert question is not None and question.isVisible() and question.objectName() == "settingsQuestion"
    assert not training.is_running
    question.button(QMessageBox.No).click()  # Do not train
    assert not training.is_running and panel.settings_question is None
    panel.trainButton.click()  # asked again: it was not confirmed
    question = panel.settings_question
    assert question.button(QMessageBox.Yes).text() == "Train anyway"
    with qtbot.waitSignal(training.runningChanged, timeout=3000):
        question.button(QMessageBox.Yes).click()
    assert training.is_running
    panel.trainButton.click()  # pause
    assert not training.is_running
    panel.trainButton.click()  # the same rate: not asked again
    assert panel.settings_question is None and training.is_running
    panel.trainButton.click()
    type_into(qtbot, panel.learningRateSpin, "0.1")
    assert not panel.learningRateWarning.isVisible()


def test_a_strong_regularization_is_warned_in_spanish(qtbot, spanish):
    panel = spanish.training_panel
    spanish.training.update_settings(regularization="l2", reg_rate=0.5)
    assert panel.regRateWarning.isVisibleTo(panel)
    assert panel.regRateWarning.text() == (
        "Fuerte: una tasa de regularización mayor que 0,1 empuja todos los pesos hacia 0 y la red aprende "
        "poco. Entrenar pregunta antes de usarla.")
    spanish.training.update_settings(learning_rate=0.00005)
    assert panel.learningRateWarning.text() == (
        "Muy pequeña: por debajo de 0,0001 los pesos apenas se mueven y parece que el entrenamiento no hace nada.")
    panel.trainButton.click()
    question = panel.settings_question
    assert question.windowTitle() == "¿Entrenar con estos ajustes?"
    assert question.informativeText() == (  # every unusual setting, the tiny rate too
        "Muy pequeña: por debajo de 0,0001 los pesos apenas se mueven y parece que el entrenamiento no hace "
        "nada.\n\nFuerte: una tasa de regularización mayor que 0,1 empuja todos los pesos hacia 0 y la red "
        "aprende poco.")
    question.button(QMessageBox.No).click()
    assert not spanish.training.is_running


# ------------------------------------------------------------------ the engine's messages
def test_every_problem_of_a_bad_file_is_said_in_spanish(spanish, tmp_path):
    """Each part of a lesson document and of a model file spoiled in turn: the refusal the
    window would show is Spanish, whole."""
    from nnsim.core.document import build_document, load_document, save_document
    from nnsim.core.model_file import load_model, save_model
    from nnsim.core.trainer import TrainingSettings
    from nnsim.model.messages import translate_message

    data, net = spanish.document.data, spanish.network
    save_model(tmp_path / "m.nnsim.json", net, TrainingSettings(),
               {"sample": [1, 2, 3, 4], "input_names": ["a", "b", "c", "d"], "dataset": "iris"})
    save_document(tmp_path / "d.nnsim", build_document(net, data, TrainingSettings()))
    spoilers = ["x", -1, 1.5, None, [], {}, True]
    untranslated = set()
    for name, loader in (("m.nnsim.json", load_model), ("d.nnsim", load_document)):
        good = json.loads((tmp_path / name).read_text(encoding="utf-8"))
        for key, value in good.items():
            if key == "format":
                continue
            parts = [(key,)] + ([(key, k) for k in value] if isinstance(value, dict) else [])
            for path in parts:
                for spoiled in spoilers:
                    bad = copy.deepcopy(good)
                    place = bad
                    for step in path[:-1]:
                        place = place[step]
                    place[path[-1]] = spoiled
                    (tmp_path / f"bad_{name}").write_text(json.dumps(bad), encoding="utf-8")
                    try:
                        loader(tmp_path / f"bad_{name}")
                    except ValueError as error:
                        if translate_message(str(error)) == str(error):
                            untranslated.add(str(error))
    assert not untranslated, sorted(untranslated)[:5]


def test_numbers_in_engine_messages_take_the_comma(spanish):
    from nnsim.model.messages import translate_message

    assert translate_message("d.nnsim: the test fraction: 1.5 is outside 0.0 to 0.9") == (
        "d.nnsim: la parte de prueba: 1,5 está fuera de 0,0 a 0,9")
    assert translate_message(
        "d.nnsim: the split's seed must be a whole number from 0 to 2,147,483,647, got 'x'") == (
        "d.nnsim: la semilla de la división debe ser un número entero de 0 a 2.147.483.647, pero es 'x'")
    assert translate_message('m.nnsim.json: "network" must be an object, got a JSON array') == (
        "m.nnsim.json: «network» debe ser un objeto, pero es una lista JSON")


# ------------------------------------------------------------------ Help ▸ Keyboard shortcuts
def test_the_shortcuts_dialog_lists_every_shortcut_in_spanish(qtbot, spanish):
    from PySide6.QtWidgets import QDialog

    win = spanish
    assert win.shortcuts_action in win.findChild(type(win.language_menu), "helpMenu").actions()
    win.shortcuts_action.trigger()
    dialog = win.findChild(QDialog, "shortcutsDialog")
    assert dialog is not None and dialog.windowTitle() == "Atajos de teclado"
    rows = dialog.rows()
    assert ("Entrenar", "Espacio") in rows
    assert ("Un paso con un ejemplo", "Mayúsculas+Derecha") in rows
    assert ("Deshacer", "Control+Z") in rows
    assert ("Rehacer", "Control+Mayúsculas+Z, Control+Y") in rows
    assert len(rows) == len(set(rows)) >= 15
    dialog.close()
