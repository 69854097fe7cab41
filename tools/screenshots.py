"""Pictures of the window as a person sees it, on a screen of a given size, offscreen.

    .venv/bin/python tools/screenshots.py shots/ [--sizes 1920x1080,1280x720] [--langs en,es]
                                          [--presentation] [--train N]

For each size and language: a fresh process with an offscreen screen of that size (Qt's
``offscreen:configfile=``), the window opened as at a first start (settings in a temporary
folder), after N training epochs, then saved as ``window-<lang>-<size>.png`` (or
``presentation-...png`` with ``--presentation``). Prints the node value text height in pixels.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path


def shoot(out: Path, size: str, lang: str, presentation: bool, train: int) -> None:
    width, height = (int(v) for v in size.split("x"))
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "screen.json"
        config.write_text(json.dumps({"screens": [{"name": "shot", "x": 0, "y": 0, "width": width,
                                                   "height": height, "logicalDpi": 96, "logicalBaseDpi": 96,
                                                   "dpr": 1}]}))
        env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", HOME=tmp,
                   XDG_CONFIG_HOME=str(Path(tmp) / "config"), LANGUAGE=lang)
        name = f"{'presentation' if presentation else 'window'}-{lang}-{size}.png"
        args = [sys.executable, __file__, "--one", str(out / name), "--langs", lang, "--train", str(train)]
        if presentation:
            args.append("--presentation")
        subprocess.run(args, env=env, check=True, timeout=120)


def one(path: str, lang: str, presentation: bool, train: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from nnsim.app import create_main_window
    from nnsim.training.pace import FULL_SPEED

    from nnsim.ui.presentation import show_on_start

    window = create_main_window(["nnsim", "--lang", lang])
    app = QApplication.instance()
    show_on_start(window, None)  # as at a first start: maximized
    if presentation:
        window.presentation.presentationAction.trigger()
    for _ in range(20):
        app.processEvents()
    if train:
        import time

        window.training.set_pace(FULL_SPEED)
        window.training.start()
        end = time.monotonic() + 30
        while window.training.epoch < train and time.monotonic() < end:
            app.processEvents()
        window.training.pause()
        window.document.set_sample_index(0)
    loop = QEventLoop()  # (QApplication.quit would close the window first)
    QTimer.singleShot(600, loop.quit)
    loop.exec()
    window.grab().save(path)
    view = window.network_view
    texts = [t for t in view._value_texts if t.isVisible()]
    if texts:
        heights = [t.boundingRect().height() * view.transform().m22() for t in texts]
        print(f"{path}: window {window.width()}x{window.height()}, node value text {min(heights):.1f} px high")
    window.context.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", nargs="?", default="shots")
    parser.add_argument("--sizes", default="1920x1080,1280x720")
    parser.add_argument("--langs", default="en,es")
    parser.add_argument("--presentation", action="store_true")
    parser.add_argument("--train", type=int, default=0)
    parser.add_argument("--one")
    args = parser.parse_args()
    if args.one:
        one(args.one, args.langs, args.presentation, args.train)
        return
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for size in args.sizes.split(","):
        for lang in args.langs.split(","):
            shoot(out, size, lang, args.presentation, args.train)


if __name__ == "__main__":
    main()
