"""How fast the network graph redraws.

    python benchmarks/ui_graph.py

Prints (median of several runs, offscreen):
- the time to rebuild the graph of a 10-layer network of 64 nodes each, and to paint it;
- for the Iris window, the time from a weight slider move to repainted outputs: the
  slider's valueChanged, the document edit (an undo command), the forward pass, the graph
  recoloured, the sliders and the explanation updated, and the view repainted.
Targets: rebuild < 100 ms; slider move to repainted outputs < 16 ms (one 60 Hz frame).
"""

from __future__ import annotations

import os
import statistics
import sys
import time

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
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
