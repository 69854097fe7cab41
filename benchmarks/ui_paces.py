"""Does the window stay smooth at every pace, and does the flash of the changed weights
animate smoothly?

    python benchmarks/ui_paces.py [--seconds 6]

The main window (offscreen, 1280x800) trains the Iris network (4-8-8-3, SGD, batch 10) at
the slowest pace (slow motion: one update a second), the default (5 epochs a second) and
full speed. A 5 ms precise QTimer on the UI thread records the event loop's gaps. Printed
per pace: the gaps' p50 / p99 / max (targets: p99 < 20 ms, max < 50 ms), the updates that
reached the window and the epochs per second; at full speed the ratio to the engine alone
(target >= 0.8); in slow motion the frames a second of the flash animation (target >= 30).
"""

from __future__ import annotations

import argparse
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import numpy as np  # noqa: E402

from ui_smoothness import build_window, close_window, engine_alone, workload  # noqa: E402


def at_pace(app, pace, seconds: float) -> dict:
    from PySide6.QtCore import QEventLoop, Qt, QTimer

    data, network, settings = workload("iris")
    window, controller = build_window(app, False, data, network)
    controller.set_pace(pace)
    controller.update_settings(learning_rate=settings.learning_rate, batch_size=settings.batch_size,
                               optimizer=settings.optimizer)
    app.processEvents()
    ticks, updates, epochs, frames = [], [], [], []
    controller.updateShown.connect(lambda u: u is not None and updates.append(time.perf_counter()))
    controller.snapshotReceived.connect(lambda s: epochs.append(
        (time.perf_counter(), s.epoch + s.examples_done / max(1, s.examples_per_epoch))))
    # each change of the flash's opacity is one frame of it drawn (the fade skips the ticks
    # of Qt's animation clock that come sooner than FRAME_SECONDS)
    overlay = window.network_view.flash_overlay
    overlay.animation.valueChanged.connect(
        lambda _v: frames.append(time.perf_counter()) if overlay.group.opacity() == _v else None)
    timer = QTimer()
    timer.setTimerType(Qt.PreciseTimer)
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    controller.start()
    loop = QEventLoop()
    QTimer.singleShot(300, loop.quit)
    loop.exec()
    timer.start()
    start = time.perf_counter()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
    end = time.perf_counter()
    timer.stop()
    close_window(app, window, controller)
    gaps = np.diff(np.asarray(ticks)) * 1000.0
    inside = [(t, e) for t, e in epochs if start <= t <= end]
    eps = (inside[-1][1] - inside[0][1]) / (inside[-1][0] - inside[0][0]) if len(inside) > 1 else 0.0
    # the flash's frame rate: frames within each flash (one per update shown), per second
    from nnsim.ui.graph.update_overlay import FLASH_SECONDS

    frame_rates, frame_times = [], np.asarray(frames)
    for t0 in updates:
        if start <= t0 and t0 + FLASH_SECONDS <= end:
            n = np.count_nonzero((frame_times >= t0) & (frame_times <= t0 + FLASH_SECONDS))
            frame_rates.append(n / FLASH_SECONDS)
    return {
        "p50": float(np.percentile(gaps, 50)), "p99": float(np.percentile(gaps, 99)), "max": float(gaps.max()),
        "updates_per_s": len([t for t in updates if start <= t <= end]) / (end - start),
        "eps": eps, "flash_fps": float(np.median(frame_rates)) if frame_rates else None,
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=6.0, help="training time per pace (default 6)")
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    from nnsim.training.pace import DEFAULT_PACE, FULL_SPEED, PACES

    app = QApplication.instance() or QApplication(sys.argv[:1])
    data, network, settings = workload("iris")
    alone = engine_alone(data, network, settings, args.seconds)
    ok = True
    for pace in (PACES[0], PACES[DEFAULT_PACE], FULL_SPEED):
        r = at_pace(app, pace, args.seconds)
        print(f"Iris 4-8-8-3, SGD, batch 10, pace {pace.key} ({args.seconds:g} s, main window)")
        print(f"  UI event-loop gaps (5 ms timer): p50 {r['p50']:.1f} ms, p99 {r['p99']:.1f} ms, "
              f"max {r['max']:.1f} ms   [target p99 < 20, max < 50]")
        print(f"  updates shown in the window with their numbers: {r['updates_per_s']:.2f}/s; epochs/s {r['eps']:.1f}")
        ok &= r["p99"] < 20 and r["max"] < 50
        if pace is FULL_SPEED:
            ratio = r["eps"] / alone if alone else 0.0
            print(f"  epochs/s: window {r['eps']:.0f}, engine alone {alone:.0f}, ratio {ratio:.2f}   [target >= 0.8]")
            ok &= ratio >= 0.8
        if r["flash_fps"] is not None:
            print(f"  flash of the changed weights: {r['flash_fps']:.0f} frames/s   [target >= 30]")
            ok &= r["flash_fps"] >= 30
    print("all targets met" if ok else "some targets missed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
