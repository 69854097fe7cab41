"""Lesson documents (nnsim/core/document.py): exact round trips for built-in and CSV data,
the same split and training after reopening, atomic saves, older model files, and a clear
``ModelFileError`` for every bad file (with a fuzzer over mutated documents)."""

from __future__ import annotations

import copy
import json
import math
import os
import tempfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nnsim.core import ModelFileError, Network, load_csv
from nnsim.core.document import (FORMAT, SCHEMA_VERSION, DataSource, Goal, History, build_document,
                                 document_to_dict, load_document, localized, save_document)
from nnsim.core.model_file import save_model
from nnsim.core.trainer import Trainer, TrainingSettings
from nnsim.core.training_data import default_network, prepare_data

EXAMPLES = int(os.environ.get("NNSIM_FUZZ_EXAMPLES", "200"))
SETTINGS = TrainingSettings(learning_rate=0.05, batch_size=8, optimizer="adam", seed=4)
HISTORY = History([1, 2, 5], [0.9, 0.7, 0.41], [1.0, math.nan, 0.5], [0.5, 0.6, 0.75], [0.4, math.nan, 0.7])
CSV = "height,width,kind\n1.5,2,tall\n1.7,2.2,tall\n0.4,3,wide\n0.5,2.9,wide\n1.6,2.1,tall\n0.3,3.1,wide\n"


def builtin_document(**changes):
    source = DataSource.builtin("spiral", seed=11, n_samples=120, noise=0.05, n_classes=3)
    data = prepare_data(source.load(), 0.25, 7)
    net = Network([2, 6, 5, 3], ["tanh", "relu", "softmax"], seed=2)
    parts = dict(source=source, test_fraction=0.25, split_seed=7, epoch=5, history=HISTORY,
                 title={"en": "Spiral", "es": "Espiral"}, note="ñandú: a note", goal=Goal("train_accuracy", 0.8, 30),
                 selected_node=(1, 4), sample_index=17)
    parts.update(changes)
    return build_document(net, data, SETTINGS, **parts)


def table_document(tmp_path):
    path = tmp_path / "plants.csv"
    path.write_text(CSV, encoding="utf-8")
    data = prepare_data(load_csv(path, target="kind"), 0.34, 1)
    return build_document(default_network(data, seed=5), data, TrainingSettings(), test_fraction=0.34,
                          split_seed=1, selected_node=(2, 0), sample_index=5)


def test_a_builtin_document_round_trips_everything(tmp_path):
    doc = builtin_document()
    save_document(tmp_path / "spiral.nnsim", doc)
    back = load_document(tmp_path / "spiral.nnsim")
    assert back.network == doc.network and np.array_equal(back.network.params, doc.network.params)
    assert back.settings == SETTINGS
    assert back.source == DataSource.builtin("spiral", seed=11, n_samples=120, noise=0.05, n_classes=3)
    assert (back.test_fraction, back.split_seed, back.epoch) == (0.25, 7, 5)
    assert np.array_equal(back.data.train_index, doc.data.train_index)
    assert np.array_equal(back.data.X_test, doc.data.X_test)
    assert back.history.epochs.tolist() == [1, 2, 5]
    assert back.history.train_loss.tolist() == [0.9, 0.7, 0.41]
    assert math.isnan(back.history.test_loss[1]) and back.history.test_accuracy[2] == 0.7
    assert back.title == {"en": "Spiral", "es": "Espiral"} and back.note == "ñandú: a note"
    assert back.goal == Goal("train_accuracy", 0.8, 30)
    assert back.selected_node == (1, 4) and back.sample_index == 17
    stored = json.loads((tmp_path / "spiral.nnsim").read_text(encoding="utf-8"))
    assert stored["format"] == FORMAT and stored["schema_version"] == SCHEMA_VERSION
    assert stored["history"]["test_loss"] == [1.0, None, 0.5]  # NaN is stored as null, never NaN


def test_a_csv_document_keeps_its_table_and_column_choices(tmp_path):
    doc = table_document(tmp_path)
    save_document(tmp_path / "plants.nnsim", doc)
    (tmp_path / "plants.csv").unlink()  # the document does not need the CSV any more
    back = load_document(tmp_path / "plants.nnsim")
    ds = back.data.dataset
    assert back.source.kind == "table" and back.source.target == ""
    assert ds.feature_names == ["height", "width"] and ds.class_names == doc.data.dataset.class_names
    assert ds.name == "plants" and ds.class_names == ["tall", "wide"]
    assert np.array_equal(ds.X, doc.data.dataset.X) and np.array_equal(ds.y, doc.data.dataset.y)
    assert np.array_equal(back.data.test_index, doc.data.test_index)
    assert back.selected_node == (2, 0) and back.sample_index == 5


def test_a_regression_table_keeps_its_target_names(tmp_path):
    path = tmp_path / "growth.csv"
    path.write_text("days,height\n1,0.5\n2,0.9\n3,1.6\n4,2.0\n5,2.4\n", encoding="utf-8")
    data = prepare_data(load_csv(path, target="height"), 0.2, 0)
    doc = build_document(default_network(data), data, TrainingSettings(), test_fraction=0.2, split_seed=0)
    save_document(tmp_path / "growth.nnsim", doc)
    back = load_document(tmp_path / "growth.nnsim")
    assert back.data.dataset.task == "regression" and back.data.dataset.target_names == ["height"]
    assert back.source.target == "height"
    assert back.data.dataset.y.tolist() == [0.5, 0.9, 1.6, 2.0, 2.4]


def test_training_continues_from_the_saved_state(tmp_path):
    source = DataSource.builtin("xor", seed=3)
    data = prepare_data(source.load(), 0.3, 2)
    trainer = Trainer(default_network(data, seed=1), data, TrainingSettings(seed=6))
    trainer.train_epochs(4)
    doc = build_document(trainer.network, data, trainer.settings, source=source, test_fraction=0.3,
                         split_seed=2, epoch=trainer.epoch)
    save_document(tmp_path / "xor.nnsim", doc)
    back = load_document(tmp_path / "xor.nnsim")
    assert back.epoch == 4
    # the reopened document trains exactly as the saved parts do: same weights, same split
    ours = Trainer(doc.network.copy(), data, doc.settings).step(3)
    theirs = Trainer(back.network.copy(), back.data, back.settings).step(3)
    assert ours == theirs


def test_the_split_must_be_the_one_the_fraction_and_seed_make():
    source = DataSource.builtin("xor", seed=3)
    data = prepare_data(source.load(), 0.3, 2)
    with pytest.raises(ModelFileError, match="split"):
        build_document(default_network(data), data, TrainingSettings(), source=source, test_fraction=0.3, split_seed=9)


def test_a_failed_save_keeps_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "lesson.nnsim"
    save_document(path, builtin_document())
    before = path.read_bytes()

    def full_disk(*_):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(OSError):
        save_document(path, builtin_document(epoch=9))
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lesson.nnsim"]  # no temporary left


def test_nan_weights_are_refused_before_the_disk(tmp_path):
    doc = builtin_document()
    doc.network.params[0] = math.nan
    with pytest.raises(ModelFileError, match="NaN"):
        save_document(tmp_path / "x.nnsim", doc)
    assert not list(tmp_path.iterdir())


def test_an_older_model_file_opens_with_defaults(tmp_path):
    net = Network([4, 5, 3], ["tanh", "softmax"], seed=3)
    save_model(tmp_path / "old.nnsim.json", net, SETTINGS, {"dataset": "iris"})
    doc = load_document(tmp_path / "old.nnsim.json")
    assert doc.network == net and doc.settings == SETTINGS
    assert doc.source == DataSource.builtin("iris") and doc.data.dataset.n_samples == 150
    assert (doc.epoch, len(doc.history), doc.test_fraction, doc.goal, doc.note) == (0, 0, 0.3, None, "")
    save_model(tmp_path / "bare.nnsim.json", Network([2, 1], ["step"], seed=0))
    bare = load_document(tmp_path / "bare.nnsim.json")
    assert bare.data is None and bare.settings == TrainingSettings()


def test_a_newer_document_says_so(tmp_path):
    d = document_to_dict(builtin_document())
    d["schema_version"] = SCHEMA_VERSION + 1
    (tmp_path / "new.nnsim").write_text(json.dumps(d), encoding="utf-8")
    with pytest.raises(ModelFileError, match=r"newer nnsim \(document version 3\).*Update nnsim"):
        load_document(tmp_path / "new.nnsim")


def _mutated(tmp_path, change):
    d = document_to_dict(builtin_document())
    change(d)
    path = tmp_path / "bad.nnsim"
    path.write_text(json.dumps(d), encoding="utf-8")
    return path


BAD = {
    "input count": (lambda d: d["network"].update(layer_sizes=[3, 6, 5, 3], weights=[
        [[0.0] * 6] * 3, *d["network"]["weights"][1:]]), "3 inputs but the data has 2 features"),
    "sample out of range": (lambda d: d["selection"].update(sample_index=120), "selected sample 120"),
    "node out of range": (lambda d: d["selection"].update(node=[1, 6]), r"selected node \(1, 6\)"),
    "unknown set": (lambda d: d["data"].update(name="mnist"), "unknown data set 'mnist'"),
    "set name a list": (lambda d: d["data"].update(name=[]), r"unknown data set \[\]"),
    "huge generator": (lambda d: d["data"].update(n_samples=2**40), "n_samples must be a whole number"),
    "goal metric": (lambda d: d["goal"].update(metric="f1"), "goal's metric"),
    "goal above 1": (lambda d: d["goal"].update(value=1.5), "goal's value"),
    "history length": (lambda d: d["history"]["train_loss"].pop(), "train_loss must be a list of 3"),
    "history past the epoch": (lambda d: d.update(epoch=4), "epochs outside 0..4"),
    "bad epoch": (lambda d: d.update(epoch=-1), '"epoch" must be'),
    "title type": (lambda d: d.update(title=7), '"title" must be a text'),
    "split fraction": (lambda d: d["split"].update(test_fraction=1e308), "test fraction"),
    "unknown key": (lambda d: d.update(pickle="x"), "unknown entry 'pickle'"),
    "split not an object": (lambda d: d.update(split=0), '"split" must be an object'),
    "standardize not a flag": (lambda d: d["split"].update(standardize=1), "standardize must be true or false"),
    "data of other sizes": (lambda d: d.update(data={"kind": "builtin", "name": "curve"}),
                            "2 inputs but the data has 1 features"),
    "outputs for other classes": (lambda d: d["data"].update(n_classes=4), "3 outputs but the data has 4 classes"),
    "settings": (lambda d: d["settings"].update(learning_rate=-1), "bad training settings"),
}


@pytest.mark.parametrize("name", BAD)
def test_a_bad_document_names_the_problem(name, tmp_path):
    change, message = BAD[name]
    with pytest.raises(ModelFileError, match=message):
        load_document(_mutated(tmp_path, change))


def test_a_table_with_a_class_out_of_range_is_refused(tmp_path):
    d = document_to_dict(table_document(tmp_path))
    d["data"]["y"][0] = 2
    (tmp_path / "t.nnsim").write_text(json.dumps(d), encoding="utf-8")
    with pytest.raises(ModelFileError, match="not a class number from 0 to 1"):
        load_document(tmp_path / "t.nnsim")
    d["data"]["y"][0] = 0
    d["data"]["X"][1][0] = "1.7"
    (tmp_path / "t.nnsim").write_text(json.dumps(d), encoding="utf-8")
    with pytest.raises(ModelFileError, match="X, row 2: '1.7' is not a number"):
        load_document(tmp_path / "t.nnsim")


def test_files_that_are_not_documents(tmp_path):
    cases = {"list.nnsim": "[1, 2]", "other.nnsim": '{"format": "zip"}', "nan.nnsim": '{"format": "nnsim-document", "x": NaN}',
             "broken.nnsim": '{"format": '}
    for name, text in cases.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(ModelFileError, match="not an object"):
        load_document(tmp_path / "list.nnsim")
    with pytest.raises(ModelFileError, match="expected \"nnsim-document\""):
        load_document(tmp_path / "other.nnsim")
    with pytest.raises(ModelFileError, match="NaN"):
        load_document(tmp_path / "nan.nnsim")
    with pytest.raises(ModelFileError, match="not valid JSON"):
        load_document(tmp_path / "broken.nnsim")
    with pytest.raises(ModelFileError, match="does not exist"):
        load_document(tmp_path / "missing.nnsim")


def test_localized_picks_the_language_with_fallback():
    text = {"en": "One neuron", "es": "Una neurona"}
    assert localized(text, "es") == "Una neurona"
    assert localized(text, "es_AR") == "Una neurona"
    assert localized(text, "fr") == "One neuron"
    assert localized({"es": "Sólo"}, "en") == "Sólo"
    assert localized("plain", "es") == "plain"
    assert localized({}, "es") == ""


# ------------------------------------------------------------------------------ fuzz
BASE = document_to_dict(builtin_document())
EXTREMES = st.sampled_from([1e308, -1e308, 2**40, -(2**40), 0, -1, 0.5, math.nan, math.inf, "", "0.5", None,
                            True, [], {}, [[]], 10**400])
VALUES = st.one_of(EXTREMES, st.integers(), st.floats(), st.text(max_size=5),
                   st.lists(st.one_of(st.integers(-3, 3), st.floats(-2, 2)), max_size=4))


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, prefix + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value[:4]):  # the first items stand for the rest
            yield from _paths(item, prefix + (i,))


PATHS = [p for p in _paths(BASE) if p]


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(PATHS), st.one_of(VALUES, st.just("<delete>"))), min_size=1, max_size=3))
def test_fuzz_mutated_documents_raise_only_model_file_error(mutations):
    d = copy.deepcopy(BASE)
    for path, value in mutations:
        parent = d
        try:
            for key in path[:-1]:
                parent = parent[key]
            if value == "<delete>":
                del parent[path[-1]]
            else:
                parent[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation took that part away
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.nnsim"
        path.write_text(json.dumps(d, allow_nan=True), encoding="utf-8")
        try:
            doc = load_document(path)
        except ModelFileError:
            return
        save_document(path, doc)  # what loads also saves and loads back the same
        again = load_document(path)
        assert again.network == doc.network and again.epoch == doc.epoch


# ------------------------------------------------------------------------------ in Spanish
def test_document_errors_reach_the_user_in_spanish(qapp, tmp_path):
    """Real refusals of load_document and onnx_bytes match the templates of
    nnsim/model/messages.py whole, so the window can say them in Spanish."""
    from PySide6.QtCore import QTranslator

    from nnsim.core.export import ONNX_MISSING
    from nnsim.core.resources import resource_path
    from nnsim.model.messages import translate_message

    translator = QTranslator()
    assert translator.load(str(resource_path("translations", "nnsim_es.qm")))
    qapp.installTranslator(translator)
    try:
        newer = _mutated(tmp_path, lambda d: d.update(schema_version=7))
        with pytest.raises(ModelFileError) as caught:
            load_document(newer)
        assert translate_message(str(caught.value)) == (
            "bad.nnsim se guardó con un nnsim más nuevo (versión de documento 7); este nnsim lee la versión 2. "
            "Actualiza nnsim para abrirlo.")
        with pytest.raises(ModelFileError) as caught:
            load_document(_mutated(tmp_path, BAD["input count"][0]))
        assert translate_message(str(caught.value)) == (
            "bad.nnsim: la red tiene 3 entradas, pero los datos tienen 2 características")
        with pytest.raises(ModelFileError) as caught:
            load_document(_mutated(tmp_path, BAD["sample out of range"][0]))
        assert translate_message(str(caught.value)) == (
            "bad.nnsim: la muestra elegida 120 no es una fila de los datos (de 0 a 119)")
        (tmp_path / "list.nnsim").write_text("[]", encoding="utf-8")
        with pytest.raises(ModelFileError) as caught:
            load_document(tmp_path / "list.nnsim")
        assert translate_message(str(caught.value)) == (
            "list.nnsim no es un documento de nnsim: contiene un array de JSON, no un objeto")
        assert translate_message(ONNX_MISSING).startswith('Exportar a ONNX necesita el paquete opcional "onnx"')
    finally:
        qapp.removeTranslator(translator)
