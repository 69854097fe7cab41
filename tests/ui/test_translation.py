"""nnsim in Spanish: the window's texts, the translation files, and the choice of language.

A QTranslator is process-wide: the ``spanish_window`` fixture takes it out again, so every
other test still sees the English texts.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QDockWidget, QMenu, QMessageBox, QPushButton

from nnsim.ui.language import (
    LANGUAGE_KEY,
    current_language,
    remove_translators,
    resolve_language,
    store_language,
    system_language,
)
from nnsim.core.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "nnsim" / "resources" / "translations" / "nnsim_es.ts"
QM = ROOT / "nnsim" / "resources" / "translations" / "nnsim_es.qm"
BIN = Path(sys.executable).parent


def qt_tool(name: str) -> Path:
    tool = BIN / name
    if not tool.exists():
        pytest.skip(f"{name} is not installed next to {sys.executable}")
    return tool


def translated_sources() -> list[Path]:
    """The files tools/update_translations.sh hands lupdate: nnsim/ but for the engine."""
    package = ROOT / "nnsim"
    return sorted(p for p in package.rglob("*.py") if p.relative_to(package).parts[0] != "core")


def ts_messages(path: Path):
    """(context, source, translation element, message element) for every entry of a .ts."""
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message.findtext("source"), message.find("translation"), message


@pytest.fixture
def spanish_window(qtbot, isolated_settings):
    """The main window started with --lang es; English is back after the test."""
    from nnsim.app import create_main_window

    app = QApplication.instance()
    win = create_main_window(["nnsim", "--lang", "es"])
    qtbot.addWidget(win)
    win.resize(1280, 800)
    yield win
    win.close()
    remove_translators(app)


# ------------------------------------------------------------------ the window in Spanish
def test_the_window_speaks_spanish(spanish_window):
    win = spanish_window
    assert current_language() == "es"
    train = win.findChild(QPushButton, "trainButton")
    assert train.text() == "Entrenar"
    assert "Espacio" in train.toolTip()
    assert win.findChild(QPushButton, "resetButton").text() == "Reiniciar"
    titles = [menu.title() for menu in win.menuBar().findChildren(QMenu) if menu.parent() is win.menuBar()]
    assert {"&Archivo", "&Editar", "&Lecciones", "&Ver", "Ay&uda"} <= set(titles)
    assert win.language_menu.title() == "&Idioma"
    assert win.open_action.text() == "&Abrir…"
    assert win.add_neuron_action.toolTip().startswith("Añade una neurona a la capa oculta")
    assert win.training_panel.learningRateSpin.toolTip().startswith("Lo grande que es el paso que da cada peso")
    docks = {dock.objectName(): dock.windowTitle() for dock in win.findChildren(QDockWidget)}
    assert docks["trainingDock"] == "Entrenamiento"
    assert docks["parameterDock"] == "Pesos y sesgo"
    assert docks["plotsDock"] == "Pérdida y aciertos"
    assert win.parameter_panel.title.text() == "<b>h1.1</b> — Oculta 1, tanh"
    assert win.plots.loss_plot.plotItem.getAxis("bottom").labelText == "época"
    assert win.data_panel.datasetCombo.currentText() == "Flores Iris"
    assert win.document.input_names() == [
        "largo del sépalo (cm)", "ancho del sépalo (cm)", "largo del pétalo (cm)", "ancho del pétalo (cm)"]


def test_the_data_sets_are_named_in_spanish(spanish_window):
    combo = spanish_window.data_panel.datasetCombo
    titles = {combo.itemData(i): combo.itemText(i) for i in range(combo.count())}
    assert titles == {
        "iris": "Flores Iris", "xor": "XOR", "circles": "Círculos", "gaussians": "Dos nubes",
        "spiral": "Espiral", "moons": "Lunas", "curve": "Curva seno", "plane": "Plano",
        None: "", "__open_csv__": "Abrir CSV…",  # None: the separator
    }
    moons = combo.findData("moons")
    assert combo.itemData(moons, Qt.ToolTipRole) == "2-D, dos medias lunas entrelazadas"
    description = spanish_window.data_panel.description.text()
    assert description == "150 flores reales, 4 medidas, 3 especies (Fisher, 1936)"


def test_the_neuron_is_explained_in_spanish(spanish_window):
    win = spanish_window
    win.load_example("one_neuron")  # z = 0.45 <= 0.5: the node stays off
    panel = win.neuron_panel
    assert panel.title.text() == ("<b>y</b> (Salida) multiplica cada entrada x por su peso w, suma el "
                                  "sesgo b y aplica su función de activación:")
    assert panel.verdict_label.text() == "z = 0,45 ≤ 0,50 → <b>no se activa</b>: pasa un 0"
    assert panel.activation_label.text() == (
        "f(z) = escalón: 1 si z > 0,50; si no, 0<br>f(0,45) = <b>0,00</b><br>"
        "<span style='color:#777; font-size:small'>para aprender, el entrenamiento toma prestada la "
        "pendiente de una curva en S suave (pasa el ratón para saber por qué)</span>"
    )
    assert panel.activation_label.toolTip() == (
        "El escalón es plano en todas partes salvo en el umbral, así que su pendiente real no puede "
        "enseñar nada. El entrenamiento usa otra en su lugar: la pendiente de una sigmoide centrada "
        "en el umbral (0,50), un «gradiente sustituto». La neurona sigue dando exactamente 0 o 1."
    )
    combo = win.activation_combo
    assert combo.currentText() == "escalón" and combo.currentData() == "step"
    win.editor.set_weight(0, 0, 0, 0.5)  # z = 0.75 > 0.5
    assert panel.verdict_label.text() == "z = 0,75 > 0,50 → <b>se activa</b>: pasa un 1 a la capa siguiente"


def test_qt_own_buttons_are_spanish(spanish_window):
    folder = Path(QLibraryInfo.path(QLibraryInfo.TranslationsPath))
    if not (folder / "qtbase_es.qm").exists():
        pytest.skip("this PySide6 ships no qtbase_es.qm")
    box = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
    assert box.button(QDialogButtonBox.Cancel).text() == "Cancelar"


def test_engine_errors_reach_the_user_in_spanish(spanish_window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append((title, text)))
    table = tmp_path / "plantas.csv"
    table.write_text("alto,ancho,especie\n1.0,2.0,a\ndos,3.0,b\n", encoding="utf-8")
    assert not spanish_window.data_panel.open_csv(table)
    title, text = shown[-1]
    assert title == "No se pudieron usar los datos"
    assert text == ("nnsim no pudo usar «plantas.csv»:\n\n"
                    "plantas.csv, línea 3, columna «alto»: 'dos' no es un número\n\n"
                    "No se ha cambiado nada.")


def test_engine_message_shapes_match_the_engine(spanish_window, tmp_path):
    """Real engine errors, each translated whole: the templates follow the engine's wording."""
    from nnsim.core import DataError, Network, load_csv
    from nnsim.core import losses
    from nnsim.core.model_file import load_model
    from nnsim.model.messages import translate_message

    def error_of(action) -> str:
        with pytest.raises((DataError, ValueError)) as info:
            action()
        return str(info.value)

    from nnsim.core import load_dataset
    from nnsim.core.trainer import Trainer, TrainingSettings
    from nnsim.core.training_data import prepare_data

    trainer = Trainer(Network([4, 8, 3], activations=["relu", "linear"], seed=0), prepare_data(load_dataset("iris")),
                      TrainingSettings(learning_rate=10.0, loss="mse"))
    trainer.step(1)  # a learning rate this large diverges at once
    assert trainer.diverged
    assert translate_message(trainer.diverged).startswith("El entrenamiento divergió en la época 1: la pérdida")

    empty = tmp_path / "vacio.csv"
    empty.write_bytes(b"")
    one_column = tmp_path / "una.csv"
    one_column.write_text("x\n1\n2\n", encoding="utf-8")
    cases = {
        error_of(lambda: load_csv(str(empty))): "vacio.csv: el archivo está vacío",
        error_of(lambda: load_csv(str(one_column))): "solo se encontró una columna ('x')",
        error_of(lambda: load_model(tmp_path / "nada.nnsim.json")): "no existe",
        error_of(lambda: losses.check("cross_entropy", "tanh")): "la entropía cruzada necesita",
        error_of(lambda: Network([2, 1, 1]).remove_neuron(1, 0)): "una capa oculta necesita al menos un nodo",
    }
    for english, spanish in cases.items():
        assert spanish in translate_message(english), english
    # the loaders' newer refusals, whole
    mixed = tmp_path / "mezcla.csv"
    mixed.write_bytes("nombre,edad\nniño,1\n".encode("utf-8") + "niña,2\n".encode("cp1252"))
    pipe = tmp_path / "tuberia.csv"
    os.mkfifo(pipe)
    assert translate_message(error_of(lambda: load_csv(str(mixed)))) == (
        "mezcla.csv, línea 3: el archivo mezcla dos codificaciones de texto: el byte 0xF1 de esta línea no es "
        "UTF-8, pero el resto de caracteres sí. Guarda la tabla otra vez desde tu hoja de cálculo como CSV UTF-8.")
    assert translate_message(error_of(lambda: load_csv(str(pipe)))) == (
        "tuberia.csv: esto es una tubería con nombre (FIFO), no un archivo: elige una tabla guardada como archivo CSV")
    unknown = "a message the table does not know: 42"
    assert translate_message(unknown) == unknown


# ------------------------------------------------------------------ the translation files
def test_every_entry_is_translated():
    entries = list(ts_messages(TS))
    assert len(entries) > 300
    for context, source, translation, message in entries:
        assert translation is not None, (context, source)
        assert translation.get("type") not in ("unfinished", "obsolete", "vanished"), (context, source)
        forms = translation.findall("numerusform") if message.get("numerus") == "yes" else [translation]
        assert all((form.text or "").strip() for form in forms), (context, source)


def test_translations_keep_placeholders_and_accelerators():
    placeholder = re.compile(r"%\d|%n|\{\w*(?::[^}]*)?\}")
    accelerator = re.compile(r"&(?!&|amp;|nbsp;|lt;|gt;)\w")
    for context, source, translation, _ in ts_messages(TS):
        text = translation.text or ""
        assert sorted(placeholder.findall(source)) == sorted(placeholder.findall(text)), (context, source, text)
        assert len(accelerator.findall(source)) == len(accelerator.findall(text)), (context, source, text)


def test_the_qm_is_compiled_from_the_ts(tmp_path):
    lrelease = qt_tool("pyside6-lrelease")
    fresh = tmp_path / "nnsim_es.qm"
    subprocess.run([str(lrelease), "-silent", str(TS), "-qm", str(fresh)], check=True, timeout=60)
    assert QM.read_bytes() == fresh.read_bytes(), "run tools/update_translations.sh"


def test_every_text_in_the_code_is_in_the_ts(tmp_path):
    lupdate = qt_tool("pyside6-lupdate")
    fresh = tmp_path / "fresh_es.ts"
    sources = [str(p) for p in translated_sources()]
    subprocess.run([str(lupdate), "-silent", *sources, "-ts", str(fresh)], check=True, timeout=120)
    in_code = {(c, s) for c, s, _, _ in ts_messages(fresh)}
    in_ts = {(c, s) for c, s, _, _ in ts_messages(TS)}
    assert in_code, "lupdate found no texts"
    assert not in_code - in_ts, f"untranslated, run tools/update_translations.sh: {sorted(in_code - in_ts)[:5]}"
    assert not in_ts - in_code, f"no longer in the code: {sorted(in_ts - in_code)[:5]}"


def test_the_qm_ships_with_the_package():
    assert resource_path("translations", "nnsim_es.qm").is_file()


# ------------------------------------------------------------------ choosing the language
def test_the_language_is_chosen_in_order(isolated_settings):
    settings = QSettings()
    english, mexican, german = QLocale("en_US"), QLocale("es_MX"), QLocale("de_DE")
    assert resolve_language(None, settings, german) == "en"  # not spoken: English
    assert resolve_language(None, settings, mexican) == "es"  # the system's
    store_language("en", settings)
    assert resolve_language(None, settings, mexican) == "en"  # the saved choice beats the system
    assert resolve_language("es", settings, english) == "es"  # --lang beats both
    assert resolve_language("fr", settings, mexican) == "en"  # an unknown --lang is ignored
    store_language("", settings)
    assert settings.value(LANGUAGE_KEY) == ""
    assert resolve_language(None, settings, mexican) == "es"


def test_system_language_takes_the_first_one_spoken():
    assert system_language(QLocale("es_AR")) == "es"
    assert system_language(QLocale("en_GB")) == "en"
    assert system_language(QLocale(QLocale.Japanese, QLocale.Japan)) == "en"


def test_the_language_menu_keeps_the_choice_for_the_next_start(window, isolated_settings, monkeypatch, qtbot):
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a, **k: shown.append(text))
    assert window.language_actions[""].isChecked()  # default: the system's language
    window.language_actions["es"].trigger()
    assert QSettings().value(LANGUAGE_KEY) == "es"
    assert window.language_actions["es"].isChecked()
    assert len(shown) == 1
    assert "next time you start nnsim" in shown[0] and "próxima vez que abras nnsim" in shown[0]
    window.language_actions["en"].trigger()  # back to the language in use: nothing to say
    assert QSettings().value(LANGUAGE_KEY) == "en" and len(shown) == 1

    # The next start reads the choice; --lang still overrides it.
    from nnsim.app import create_main_window

    store_language("es", QSettings())
    app = QApplication.instance()
    try:
        spanish = create_main_window(["nnsim"])
        qtbot.addWidget(spanish)
        assert spanish.findChild(QPushButton, "trainButton").text() == "Entrenar"
        assert spanish.language_actions["es"].isChecked()
        spanish.close()
        english = create_main_window(["nnsim", "--lang", "en"])
        qtbot.addWidget(english)
        assert english.findChild(QPushButton, "trainButton").text() == "Train"
        english.close()
    finally:
        remove_translators(app)
