"""Regression: PySide6 6.12.0 on Python 3.11 killed the process after a few thousand
void-returning Qt calls ("Fatal Python error: none_dealloc"). pyproject pins around it; this
test makes the calls in a child process so a crash shows as a failure, not a dead run."""

import subprocess
import sys

CODE = """
import os, sys
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtGui import QGuiApplication, QImage, QPainter, QPen, QColor
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
image = QImage(64, 64, QImage.Format_ARGB32)
painter = QPainter(image)
pen = QPen(QColor(10, 20, 30))
label = QLabel()
refs = sys.getrefcount(None)
for i in range(20000):
    painter.setPen(pen)
    painter.drawLine(0, 0, i % 64, 63)
    label.setText("x")
painter.end()
print("ok")
"""


def test_twenty_thousand_void_qt_calls_do_not_crash():
    result = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().endswith("ok")
