"""Model files: exact round trips, atomic writes, and a clear message for every bad file."""

import json
import os

import numpy as np
import pytest

from nnsim.core import ModelFileError, Network
from nnsim.core import model_file
from nnsim.core.model_file import load_model, save_model
from nnsim.core.trainer import TrainingSettings


def _network():
    net = Network([4, 5, 3], ["tanh", "softmax"], seed=3, threshold=0.25)
    net.params[:] = np.random.default_rng(0).normal(size=net.n_params) * np.pi  # awkward floats
    return net


SETTINGS = TrainingSettings(learning_rate=0.0123, batch_size=16, optimizer="adam",
                            regularization="l2", reg_rate=1e-4, seed=9)


def test_round_trip_is_exact(tmp_path):
    path = tmp_path / "model.nnsim.json"
    net = _network()
    extra = {"dataset": "iris", "input_names": ["a", "b", "c", "d"], "note": "ñandú"}
    save_model(path, net, SETTINGS, extra)
    loaded, settings, loaded_extra = load_model(path)
    assert loaded == net
    assert np.array_equal(loaded.params, net.params)
    assert loaded.threshold == 0.25 and loaded.seed == 3
    assert settings == SETTINGS
    assert loaded_extra == extra
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["format"] == "nnsim-model" and document["schema_version"] == 1


def test_without_settings_and_extra(tmp_path):
    path = tmp_path / "m.json"
    save_model(path, _network())
    net, settings, extra = load_model(str(path))
    assert net == _network() and settings is None and extra == {}


def test_settings_may_be_given_as_a_dict(tmp_path):
    save_model(tmp_path / "m.json", _network(), SETTINGS.to_dict())
    assert load_model(tmp_path / "m.json")[1] == SETTINGS


def test_atomic_write_leaves_no_temporary_file_and_replaces_the_old_one(tmp_path):
    path = tmp_path / "m.json"
    save_model(path, _network())
    other = Network([2, 2], seed=1)
    save_model(path, other)
    assert os.listdir(tmp_path) == ["m.json"]
    assert load_model(path)[0] == other


def test_a_network_with_nan_is_refused_before_writing_and_the_old_file_stays(tmp_path):
    path = tmp_path / "m.json"
    save_model(path, _network())
    before = path.read_bytes()
    bad = _network()
    bad.weights[0][1, 2] = np.nan
    with pytest.raises(ModelFileError, match="NaN or infinite weights"):
        save_model(path, bad)
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["m.json"]


def test_extra_that_is_not_json_is_refused_and_the_old_file_stays(tmp_path):
    path = tmp_path / "m.json"
    save_model(path, _network())
    before = path.read_bytes()
    with pytest.raises(ModelFileError, match="cannot be written as JSON"):
        save_model(path, _network(), extra={"when": object()})
    with pytest.raises(ModelFileError, match="cannot be written as JSON"):
        save_model(path, _network(), extra={"x": float("inf")})
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["m.json"]


def test_a_failing_rename_removes_the_temporary_file_and_keeps_the_old_one(tmp_path, monkeypatch):
    path = tmp_path / "m.json"
    save_model(path, _network())
    before = path.read_bytes()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(model_file.os, "replace", broken_replace)
    with pytest.raises(OSError, match="No space left"):
        save_model(path, Network([2, 2]))
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["m.json"]


def test_saving_into_a_missing_folder_raises_oserror(tmp_path):
    with pytest.raises(OSError):
        save_model(tmp_path / "no" / "m.json", _network())


# ------------------------------------------------------------------ bad files


def _valid_document():
    return {
        "format": "nnsim-model",
        "schema_version": 1,
        "network": Network([2, 3, 2], ["tanh", "softmax"], seed=0).to_dict(),
        "settings": TrainingSettings().to_dict(),
        "extra": {},
    }


def _edited(change):
    d = _valid_document()
    change(d)
    return json.dumps(d)


def _set(path, value):
    def change(d):
        target = d
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return change


def _delete(path):
    def change(d):
        target = d
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]
    return change


BAD_FILES = [
    ("empty", "", "not valid JSON: Expecting value at line 1, column 1"),
    ("truncated", json.dumps(_valid_document(), indent=1)[:200],
     r"not valid JSON: .* at line \d+, column \d+"),
    ("not an object", "[1, 2, 3]", "not an nnsim model: it holds a JSON array, not an object"),
    ("no marker", _edited(_delete(["format"])), 'no "format": "nnsim-model" marker'),
    ("wrong marker", _edited(_set(["format"], "keras")), "its \"format\" is 'keras', expected \"nnsim-model\""),
    ("no version", _edited(_delete(["schema_version"])), 'has no "schema_version"'),
    ("version text", _edited(_set(["schema_version"], "1")), '"schema_version" must be a whole number'),
    ("newer version", _edited(_set(["schema_version"], 7)),
     "written by a newer nnsim \\(schema version 7\\); this nnsim reads version 1. Update nnsim"),
    ("no network", _edited(_delete(["network"])), 'has no "network"'),
    ("network not object", _edited(_set(["network"], [1])), '"network" must be an object, got a JSON array'),
    ("no weights", _edited(_delete(["network", "weights"])), "weights must be a list of 2 layers"),
    ("sizes text", _edited(_set(["network", "layer_sizes"], "2,3,2")), "'layer_sizes' must be a list of whole numbers"),
    ("zero size", _edited(_set(["network", "layer_sizes"], [2, 0, 2])), "'layer_sizes' must be a list|at least one node"),
    ("huge layer", _edited(_set(["network", "layer_sizes"], [2, 10**9, 2])),
     r"weights of layer 1: row 1 should have 1000000000 numbers"),  # refused before allocating
    ("weights too few rows", _edited(_set(["network", "weights", 0], [[0.1, 0.2, 0.3]])),
     r"weights of layer 1: expected 2 rows of 3 numbers \(shape \(2, 3\)\), got 1 rows"),
    ("weights short row", _edited(_set(["network", "weights", 1, 2], [0.5])),
     r"weights of layer 2: row 3 should have 2 numbers \(shape \(3, 2\)\), got 1 numbers"),
    ("bias shape", _edited(_set(["network", "biases", 0], [0.0, 0.0])),
     r"biases of layer 1: the list should have 3 numbers"),
    ("weight is text", _edited(_set(["network", "weights", 0, 0, 0], "0.5")), "weights of layer 1: '0.5' is not a number"),
    ("weight is bool", _edited(_set(["network", "biases", 1, 0], True)), "biases of layer 2: True is not a number"),
    ("NaN", _edited(_set(["network", "weights", 0, 0, 0], "NAN_HERE")).replace('"NAN_HERE"', "NaN"),
     "contains NaN; every value must be a finite number"),
    ("Infinity", _edited(_set(["network", "biases", 0, 1], "INF_HERE")).replace('"INF_HERE"', "-Infinity"),
     "contains -Infinity; every value must be a finite number"),
    ("huge number", _edited(_set(["network", "biases", 0, 1], "INF_HERE")).replace('"INF_HERE"', "1e999"),
     "contains the number 1e999, too large to be a finite number"),
    ("unknown activation", _edited(_set(["network", "activations"], ["tanh", "swish"])),
     "the network is not valid: unknown activation 'swish'"),
    ("too few activations", _edited(_set(["network", "activations"], ["tanh"])),
     "the network is not valid: 2 layers after the input need 2 activations, got 1"),
    ("softmax hidden", _edited(_set(["network", "activations"], ["softmax", "softmax"])),
     "softmax is for the output layer only"),
    ("threshold text", _edited(_set(["network", "threshold"], "high")), "'threshold' must be a number"),
    ("bad learning rate", _edited(_set(["settings", "learning_rate"], -1)),
     r"bad training settings: learning_rate must be in \(0, inf\], got -1.0"),
    ("bad optimizer", _edited(_set(["settings", "optimizer"], "rmsprop")),
     "bad training settings: optimizer must be one of sgd, momentum, adam, got 'rmsprop'"),
    ("bad batch", _edited(_set(["settings", "batch_size"], 0.5)), "bad training settings: batch_size must be a whole number"),
    ("unknown setting", _edited(_set(["settings", "learning_rte"], 0.1)), "unknown training setting 'learning_rte'"),
    ("settings not object", _edited(_set(["settings"], 3)), "training settings must be a JSON object"),
    ("extra not object", _edited(_set(["extra"], "notes")), '"extra" must be an object, got a JSON string'),
]


@pytest.mark.parametrize("text,message", [case[1:] for case in BAD_FILES], ids=[case[0] for case in BAD_FILES])
def test_each_bad_file_gets_its_message(tmp_path, text, message):
    path = tmp_path / "bad.nnsim.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ModelFileError, match=message):
        load_model(path)


def test_the_valid_document_used_above_loads(tmp_path):
    path = tmp_path / "ok.json"
    path.write_text(json.dumps(_valid_document()), encoding="utf-8")
    net, settings, extra = load_model(path)
    assert net.layer_sizes == [2, 3, 2] and settings == TrainingSettings() and extra == {}


def test_missing_file(tmp_path):
    with pytest.raises(ModelFileError, match="nope.json does not exist"):
        load_model(tmp_path / "nope.json")


def test_a_folder_is_not_a_model(tmp_path):
    with pytest.raises(ModelFileError, match="is a folder, not a model file"):
        load_model(tmp_path)


def test_binary_garbage(tmp_path):
    path = tmp_path / "garbage.json"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe\x00")
    with pytest.raises(ModelFileError, match=r"not a text \(UTF-8\) file"):
        load_model(path)


def test_deeply_nested_file(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100000 + "]" * 100000)
    with pytest.raises(ModelFileError, match="nested too deeply|not an nnsim model"):
        load_model(path)


def test_model_file_error_is_a_value_error():
    assert issubclass(ModelFileError, ValueError)
