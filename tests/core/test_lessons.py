"""The shipped lessons (nnsim/resources/lessons/*.nnsim): each opens through load_document,
says its title and note in English and Spanish, and its own settings reach its goal."""

from __future__ import annotations

import time

import numpy as np
import pytest

from nnsim.core.document import load_document, localized
from nnsim.core.resources import resource_path
from nnsim.core.trainer import Trainer

LESSONS = sorted(resource_path("lessons").glob("*.nnsim"))
NAMES = [p.stem for p in LESSONS]


def test_there_are_the_lessons_the_issue_asks_for():
    assert len(LESSONS) >= 7
    docs = {p.stem: load_document(p) for p in LESSONS}
    sources = {name: (doc.source.kind, doc.source.name) for name, doc in docs.items()}
    sizes = {name: doc.network.layer_sizes for name, doc in docs.items()}
    assert sizes["01_one_neuron"] == [2, 1] and docs["01_one_neuron"].network.activations == ["step"]
    assert sizes["02_and"] == [2, 1] and sizes["03_or"] == [2, 1]
    assert sources["04_xor"] == ("builtin", "xor") and len(sizes["04_xor"]) == 3  # one hidden layer
    assert sources["05_iris"] == ("builtin", "iris") and len(sizes["05_iris"]) == 4
    assert sizes["05_iris"][0] == 4 and sizes["05_iris"][-1] == 3
    assert sources["06_circles"] == ("builtin", "circles")
    assert sources["07_spiral"] == ("builtin", "spiral") and len(sizes["07_spiral"]) >= 4  # two or more hidden
    assert sources["08_sine_curve"] == ("builtin", "curve") and not docs["08_sine_curve"].data.is_classification


def test_the_one_neuron_lesson_is_the_source_texts_worked_example():
    doc = load_document(resource_path("lessons", "01_one_neuron.nnsim"))
    net = doc.network
    assert net.threshold == 0.5 and net.weights[0][:, 0].tolist() == [0.2, 0.3] and net.biases[0].tolist() == [0.1]
    X = doc.data.transform(doc.data.dataset.X)  # not standardized: the network sees the numbers themselves
    assert X.tolist() == [[1.0, 0.5], [1.0, 1.0]]
    z = net.trace(X).zs[0][:, 0]
    np.testing.assert_allclose(z, [0.45, 0.6], rtol=0, atol=1e-15)
    assert net.forward(X, dtype=np.float64)[:, 0].tolist() == [0.0, 1.0]  # off, then on
    assert doc.selected_node == (1, 0) and doc.sample_index == 0


@pytest.mark.parametrize("path", LESSONS, ids=NAMES)
def test_every_lesson_speaks_english_and_spanish(path):
    doc = load_document(path)
    for text in (doc.title, doc.note):
        assert isinstance(text, dict) and set(text) == {"en", "es"}
        assert text["en"].strip() and text["es"].strip() and text["en"] != text["es"]
        assert localized(text, "es") == text["es"] and localized(text, "en") == text["en"]


@pytest.mark.parametrize("path", LESSONS, ids=NAMES)
def test_every_lesson_reaches_its_goal_with_its_own_settings(path):
    doc = load_document(path)
    goal = doc.goal
    assert goal is not None and goal.metric in ("train_accuracy", "test_accuracy", "train_loss")
    assert doc.epoch == 0 and len(doc.history) == 0  # a lesson starts untrained
    start = time.process_time()  # CPU time: a busy shared machine does not make it fail
    trainer = Trainer(doc.network.copy(), doc.data, doc.settings)
    trainer.train_epochs(goal.epochs)
    metrics = trainer.evaluate()
    assert trainer.epoch == goal.epochs and metrics.diverged is None
    assert goal.reached(metrics), f"{path.stem}: {goal.metric} = {getattr(metrics, goal.metric)}, goal {goal.value}"
    assert time.process_time() - start < 6  # about 1 s for the slowest (spiral) on an idle machine
