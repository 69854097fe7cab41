"""What import-linter cannot check (it cannot name a part of an external package): which
parts of Qt each layer loads, proved by importing every module of the layer in a fresh
interpreter. The arrows between nnsim's own layers are checked by `lint-imports`
(pyproject.toml), which the test command runs first."""

import subprocess
import sys

import pytest

#: import every module of these packages (or just these modules), then print what of Qt
#: and pyqtgraph the interpreter holds
_PROBE = (
    "import sys, pkgutil, importlib\n"
    "for name in sys.argv[1:]:\n"
    "    m = importlib.import_module(name)\n"
    "    for sub in pkgutil.walk_packages(getattr(m, '__path__', []), name + '.'):\n"
    "        importlib.import_module(sub.name)\n"
    "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6'))))\n"
)


def _qt_modules_loaded_by(*modules: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", _PROBE, *modules], capture_output=True, text=True, check=True)
    return {m for m in out.stdout.strip().split(",") if m}


@pytest.mark.parametrize("modules", [("nnsim.core",), ("nnsim.training.session", "nnsim.training.pending_edits")])
def test_the_engine_and_the_training_session_load_no_qt(modules):
    assert _qt_modules_loaded_by(*modules) == set()


def test_the_models_and_the_training_layer_load_no_widgets():
    loaded = _qt_modules_loaded_by("nnsim.model", "nnsim.training")
    assert "PySide6.QtCore" in loaded  # the probe sees Qt when it is there
    assert not {m for m in loaded if m.startswith(("PySide6.QtWidgets", "pyqtgraph"))}
