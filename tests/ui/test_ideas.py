"""Help ▸ Ideas: the three steps in plain words, pictured by the window itself, each with a
button that shows the step in the window; in English and Spanish."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QLabel, QMenu, QPushButton

from tests.ui.test_translation import spanish_window  # noqa: F401 - a fixture


def open_ideas(win, qtbot):
    win.show()
    qtbot.waitExposed(win)
    win.findChild(type(win.ideas_action), "ideasAction").trigger()
    dialog = win.ideas_dialog
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def texts(dialog, prefix):
    return [dialog.findChild(QLabel, f"{prefix}_{i}").text() for i in range(3)]


def test_the_ideas_page_pictures_the_window_and_shows_each_step(window, qtbot):
    win = window
    assert win.ideas_action.shortcut().toString() == "F1"
    assert win.ideas_action in win.findChild(QMenu, "helpMenu").actions()
    dialog = open_ideas(win, qtbot)
    assert dialog.objectName() == "ideasDialog" and not dialog.isModal()
    assert texts(dialog, "ideaTitle") == ["1. Layers of nodes", "2. W·X + B past a threshold",
                                         "3. Training changes W and B"]
    # each picture is the window's own part, scaled: the graph, the neuron panel, the update panel
    graph = dialog.pictures[0].pixmap()
    assert not graph.isNull()
    shot = win.network_view.grab()
    assert abs(graph.width() / graph.height() - shot.width() / shot.height()) < 0.05

    # "Show me a node's sum" selects the first hidden node and brings its panel forward
    dialog.findChild(QPushButton, "ideaShowMe_1").click()
    assert win.selection.node == (1, 0)
    assert win.neuron_dock.isVisible()

    # "Show me one training step" takes one example step: the update panel gets that update
    with qtbot.waitSignal(win.training.updateShown, timeout=10_000,
                          check_params_cb=lambda update: update is not None) as shown:
        dialog.findChild(QPushButton, "ideaShowMe_2").click()
    update = shown.args[0]
    assert update.kind == "example" and len(update.rows) == 1
    assert not np.array_equal(update.before, update.after)  # W and B changed
    assert win.update_dock.isVisible()


def test_the_ideas_page_speaks_spanish(spanish_window, qtbot):  # noqa: F811 - the fixture
    dialog = open_ideas(spanish_window, qtbot)
    assert dialog.windowTitle() == "Ideas: cómo funciona una red neuronal"
    assert texts(dialog, "ideaTitle") == ["1. Capas de nodos", "2. W·X + B más allá de un umbral",
                                         "3. El entrenamiento cambia W y B"]
    words = texts(dialog, "ideaWords")
    assert "umbral de 0,5" in words[1]  # the number in the interface's language too
    assert "pesos" in words[2] and "sesgo" in words[2]
