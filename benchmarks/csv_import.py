"""Does the window stay responsive while the CSV import dialog reads a big table?

    python benchmarks/csv_import.py [--mb 50] [--runs 1]

Writes a table of about ``--mb`` megabytes (four numeric columns and a class, made with
NumPy), opens the main window offscreen (1280x800, as the app builds it) and its import
dialog on the file, presses Load and, while the table is read and checked in the background,
records the gaps between the ticks of a 5 ms precise QTimer on the window's thread. Printed
for each run: rows, seconds to read, p50 / p99 / worst gap (target: worst < 50 ms on a quiet
machine) and the five worst gaps with when they came (seconds after Load).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

import numpy as np  # noqa: E402


def write_table(path: str, megabytes: float) -> int:
    """A table of about ``megabytes``: one block of 20,000 rows made once, written again and again."""
    rng = np.random.default_rng(0)
    values = np.round(rng.normal(size=(20_000, 4)) * 100, 2)
    block = ("\n".join(f"{a},{b},{c},{d},{'ab'[k % 2]}" for k, (a, b, c, d) in enumerate(values.tolist()))
             + "\n").encode()
    copies = max(1, int(megabytes * 2**20 // len(block)))
    with open(path, "wb") as f:
        f.write(b"w,x,y,z,kind\n")
        for _ in range(copies):
            f.write(block)
    return 20_000 * copies


def run_once(window, path: str, expected_rows: int) -> dict:
    from PySide6.QtCore import QEventLoop, QTimer, Qt

    dialog = window.data_panel.import_csv(path)
    loop = QEventLoop()
    gaps: list[tuple[float, float]] = []
    start = time.perf_counter()
    last = [start]

    def tick():
        now = time.perf_counter()
        gaps.append((now - start, now - last[0]))
        last[0] = now

    timer = QTimer()
    timer.setTimerType(Qt.PreciseTimer)
    timer.setInterval(5)
    timer.timeout.connect(tick)
    dialog.loaded.connect(lambda _result: loop.quit())
    dialog.finished.connect(lambda _code: loop.quit())
    dialog.loadButton.click()
    start = last[0] = time.perf_counter()
    timer.start()
    loop.exec()
    timer.stop()
    seconds = time.perf_counter() - start
    rows = window.document.data.dataset.n_samples
    assert rows == expected_rows, (rows, expected_rows)
    values = np.array([g for _, g in gaps]) * 1000
    return {"rows": rows, "seconds": seconds, "p50": float(np.percentile(values, 50)),
            "p99": float(np.percentile(values, 99)), "worst": float(values.max()),
            "worst_five": sorted(gaps, key=lambda g: -g[1])[:5]}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50.0, help="size of the table (at most 50)")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from nnsim.app import create_main_window

    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "big.csv")
        t0 = time.perf_counter()
        rows = write_table(path, min(args.mb, 49.9))
        print(f"table: {os.path.getsize(path) / 2**20:.1f} MB, {rows:,} rows (written in "
              f"{time.perf_counter() - t0:.1f} s)")
        window = create_main_window([])
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        print("| run | rows | read s | gap p50 ms | gap p99 ms | worst ms | worst five (at s: ms) |")
        print("| --- | --- | --- | --- | --- | --- | --- |")
        for run in range(args.runs):
            window.data_panel.select_dataset("iris")
            r = run_once(window, path, rows)
            five = ", ".join(f"{at:.2f}: {gap * 1000:.0f}" for at, gap in r["worst_five"])
            print(f"| {run + 1} | {r['rows']:,} | {r['seconds']:.1f} | {r['p50']:.1f} | {r['p99']:.1f} | "
                  f"{r['worst']:.0f} | {five} |")
        if hasattr(window, "files"):  # the main window: a benchmark's training is no work to keep
            window.files.mark_clean()  # (closing a modified window asks first)
        window.close()
        window.context.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
