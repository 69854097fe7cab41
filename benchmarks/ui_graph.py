"""How fast the network graph and the loss plot redraw.

    python benchmarks/ui_graph.py

Prints (median of several runs, offscreen):
- the time to rebuild the graph of a 10-layer network of 64 nodes each, and to paint it;
- for the Iris window, the time from a weight slider move to repainted outputs: the
  slider's valueChanged, the document edit (an undo command), the forward pass, the graph
  recoloured, the sliders and the explanation updated, and the view repainted;
- the loss plot holding a million epochs: 50 new points and a repaint.
Targets: rebuild < 100 ms; slider move to repainted outputs < 16 ms (one 60 Hz frame); the
million-epoch plot redrawn in < 100 ms.
"""

from __future__ import annotations

import os
import statistics
import sys
import time

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    import tempfile

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QSlider

    app = QApplication.instance() or QApplication(sys.argv[:1])
    settings_dir = tempfile.mkdtemp(prefix="nnsim-bench-")
    QSettings.setPath(QSettings.NativeFormat, QSettings.UserScope, settings_dir)

    from nnsim.core import Network
    from nnsim.model.document import NetworkDocument
    from nnsim.ui.graph.network_view import NetworkView
    from nnsim.model.structure import NetworkEditor

    # --- 10 x 64 graph
    doc = NetworkDocument(Network([64] * 10, seed=0))
    view = NetworkView(doc, NetworkEditor(doc))
    view.resize(1200, 800)
    view.show()
    app.processEvents()
    rebuild = median_ms(view.rebuild, 7)
    paint = median_ms(lambda: view.viewport().repaint(), 7)
    params = doc.network.params.copy()

    def snapshot():
        params[:] *= -1
        doc.apply_parameters(params)
        view.viewport().repaint()

    recolour = median_ms(snapshot, 7)
    print(f"10x64 graph ({sum(a * b for a, b in zip(doc.network.layer_sizes, doc.network.layer_sizes[1:]))} weights):")
    print(f"  rebuild the scene            {rebuild:7.1f} ms   (target < 100 ms)")
    print(f"  paint it                     {paint:7.1f} ms")
    print(f"  new parameters + repaint     {recolour:7.1f} ms   (a training snapshot)")
    view.close()

    # --- the loss plot after a million epochs: a redraw with 50 new points
    from types import SimpleNamespace

    from nnsim.ui.plots.curves import LossPlot

    plot = LossPlot()
    plot.resize(600, 300)
    plot.show()
    app.processEvents()

    def history(first, count):
        epochs = np.arange(first, first + count)
        return SimpleNamespace(epochs=epochs, train_loss=np.exp(-epochs / 1e5), eval_epochs=epochs[-1:],
                               test_loss=np.array([0.5]), train_accuracy=np.array([0.9]),
                               test_accuracy=np.array([0.8]), kind="step")

    for first in range(1, 1_000_000, 100_000):
        plot.append_snapshot(history(first, 100_000))
    plot.refresh()
    plot.grab()
    state = {"next": 1_000_001}

    def grow():
        plot.append_snapshot(history(state["next"], 50))
        state["next"] += 50
        plot.refresh()
        plot.grab()  # paints

    redraw = median_ms(grow, 7)
    print("Loss plot, 1,000,000 epochs:")
    print(f"  50 new points + redraw       {redraw:7.1f} ms   (target < 100 ms)")
    plot.close()

    # --- Iris window: slider move to repainted outputs
    from nnsim.app import create_main_window

    window = create_main_window([])
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    slider = window.findChild(QSlider, "weightSlider_0_2_0")
    state = {"pos": 0}

    def move():
        state["pos"] = (state["pos"] + 37) % 1000
        slider.setValue(state["pos"] - 500)  # valueChanged -> edit -> every view updates
        window.network_view.viewport().repaint()  # the graph painted now, not later

    move()
    slider_ms = median_ms(move, 50)
    whole = median_ms(lambda: (slider.setValue(slider.value() + 10), window.repaint()), 20)
    print("Iris window (4-8-8-3):")
    print(f"  slider move to repainted graph {slider_ms:5.1f} ms   (target < 16 ms)")
    print(f"  slider step, whole window repainted {whole:5.1f} ms")
    if hasattr(window, "files"):  # the main window: a benchmark's training is no work to keep
        window.files.mark_clean()  # (closing a modified window asks first)
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
