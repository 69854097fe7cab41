"""The engine is pure NumPy: importing all of it loads no Qt."""

import subprocess
import sys


def test_importing_the_engine_loads_no_qt():
    code = (
        "import sys, pkgutil, importlib, nnsim.core as c\n"
        "for m in pkgutil.walk_packages(c.__path__, 'nnsim.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6')]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
