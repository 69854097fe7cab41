"""A seeded monkey at the real window while it trains.

Random actions of every kind a class can do (sliders, selections, structure edits,
activations, losses, optimizers, batch sizes, extreme learning rates, data sets, test
splits, seeds, train / pause / step / reset, undo / redo, save / open), with the event loop
running between them. After every pause it checks that the window shows exactly the
network the training thread holds, and at the end that nothing reached an exception hook
in either thread.

    NNSIM_MONKEY_ACTIONS=20000 NNSIM_MONKEY_SEED=7 ./dev.sh test tests/ui/test_monkey.py

The default run (a few hundred actions per seed) takes well under a minute.
"""

import os
import random

import numpy as np
import pytest
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QMessageBox, QSlider, QSpinBox

ACTIONS = int(os.environ.get("NNSIM_MONKEY_ACTIONS", "250"))
SEEDS = [int(s) for s in os.environ.get("NNSIM_MONKEY_SEED", "1,2").split(",")]

DATA_SETS = ("iris", "xor", "circles", "spiral", "gaussians", "curve", "plane")
ACTIVATIONS = ("sigmoid", "tanh", "relu", "linear", "step", "softmax")
RATES = (1e-5, 0.001, 0.01, 0.1, 0.5, 3.0, 10.0)


class Monkey:
    def __init__(self, qtbot, window, rng, tmp_path):
        self.qtbot, self.window, self.rng, self.tmp = qtbot, window, rng, tmp_path
        self.training = window.training
        self.pauses_checked = 0
        self.done = []

    # ------------------------------------------------------------------ helpers
    def combo(self, name, key=None):
        combo = self.window.findChild(QComboBox, name)
        index = combo.findData(key) if key is not None else self.rng.randrange(combo.count())
        if index >= 0:
            combo.setCurrentIndex(index)
            combo.activated.emit(index)

    def node(self):
        sizes = self.window.network.layer_sizes
        layer = self.rng.randrange(1, len(sizes))
        return layer, self.rng.randrange(sizes[layer])

    # ------------------------------------------------------------------ actions
    def slider(self):
        sliders = self.window.parameter_panel.findChildren(QSlider)
        if sliders:
            s = self.rng.choice(sliders)
            s.setValue(self.rng.randint(s.minimum(), s.maximum()))

    def select(self):
        self.window.selection.select_node(*self.node())

    def structure(self):
        editor = self.window.editor
        layer, index = self.node()
        what = self.rng.randrange(5)
        if what == 0:
            editor.add_neuron(layer)
        elif what == 1:
            editor.remove_neuron(layer, index)
        elif what == 2:
            editor.add_layer()
        elif what == 3:
            editor.set_activation(layer, self.rng.choice(ACTIVATIONS))
        else:
            editor.set_threshold(self.rng.choice((0.0, 0.5, 1.0)))

    def settings(self):
        panel = self.window.training_panel
        what = self.rng.randrange(6)
        if what == 0:
            self.combo("lossCombo")
        elif what == 1:
            self.combo("optimizerCombo")
        elif what == 2:
            panel.findChild(QSpinBox, "batchSizeSpin").setValue(self.rng.choice((1, 2, 10, 32, 4096)))
        elif what == 3:
            panel.findChild(QDoubleSpinBox, "learningRateSpin").setValue(self.rng.choice(RATES))
        elif what == 4:
            self.combo("regularizationCombo")
        else:
            panel.findChild(QSpinBox, "testSplitSpin").setValue(self.rng.choice((0, 10, 30, 90)))

    def data(self):
        self.combo("datasetCombo", self.rng.choice(DATA_SETS))

    def train_or_pause(self):
        if self.training.is_running:
            self.pause_and_check()
        else:
            self.training.start()

    def step(self):
        if not self.training.is_running:
            self.training.step()

    def small_step(self):
        """One example (the selected row, a typed one, or the next) or one batch."""
        if self.training.is_running:
            return
        if self.rng.random() < 0.3 and self.window.document.data is not None:
            self.window.document.set_sample_index(self.rng.randrange(self.window.document.data.dataset.n_samples))
        (self.training.step_example if self.rng.random() < 0.6 else self.training.step_batch)()

    def pace(self):
        slider = self.window.training_panel.paceSlider
        slider.setValue(self.rng.randrange(slider.minimum(), slider.maximum() + 1))

    def gradient_view(self):
        self.window.gradient_view_action.trigger()

    def reset(self):
        self.training.reset()

    def undo_redo(self):
        stack = self.window.undo_stack
        (stack.undo if self.rng.random() < 0.6 else stack.redo)()

    def save_open(self):
        path = self.tmp / f"monkey{self.rng.randrange(3)}.nnsim.json"
        if self.rng.random() < 0.5 or not path.exists():
            self.window.save_model_to(path)
        else:
            self.window.open_model_from(path)

    # ------------------------------------------------------------------ the check
    def pause_and_check(self):
        """Pause; wait until the window hears where training stands (the paused snapshot,
        or the message of a refusal that was on its way); then compare."""
        training = self.training
        heard = []
        listeners = [(training.snapshotApplied, lambda s: s.kind == "paused" and heard.append("paused")),
                     (training.error, lambda message: heard.append("error"))]
        for signal, listener in listeners:
            signal.connect(listener)
        try:
            training.pause()
            try:
                self.qtbot.waitUntil(lambda: bool(heard), timeout=5000)
            except AssertionError as exc:
                session = training.session_state()
                raise AssertionError(
                    f"no paused snapshot nor message after Pause; last actions {self.done[-12:]}, session "
                    f"running={session.running} refused={session.refused!r} generation={session.generation}"
                ) from exc
        finally:
            for signal, listener in listeners:
                signal.disconnect(listener)
        session = training.session_state()
        if "paused" not in heard or session.refused is not None or session.network is None:
            return  # the window's set-up was refused (and said so): nothing trains
        doc = self.window.network
        assert list(session.network.layer_sizes) == list(doc.layer_sizes)
        assert list(session.network.activations) == list(doc.activations)
        assert np.array_equal(session.network.params, doc.params), "the window shows another network"
        self.pauses_checked += 1

    def run(self, n):
        actions = [self.slider, self.select, self.structure, self.settings, self.data, self.train_or_pause,
                   self.train_or_pause, self.step, self.small_step, self.small_step, self.pace,
                   self.gradient_view, self.reset, self.undo_redo, self.save_open]
        for _ in range(n):
            action = self.rng.choice(actions)
            self.done.append(action.__name__)
            action()
            self.qtbot.wait(self.rng.choice((0, 1, 5, 20)))
        if self.training.is_running:
            self.pause_and_check()


@pytest.mark.parametrize("seed", SEEDS)
def test_a_monkey_at_the_training_window(qtbot, window, tmp_path, monkeypatch, seed):
    # Message boxes would wait for a click: count them instead.
    shown = []
    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, lambda *args, kind=kind: shown.append(kind) or QMessageBox.Ok)
    monkey = Monkey(qtbot, window, random.Random(seed), tmp_path)
    with qtbot.capture_exceptions() as exceptions:
        monkey.run(ACTIONS)
    assert exceptions == [], (exceptions[0], monkey.done[-10:])
    assert monkey.pauses_checked >= 1
