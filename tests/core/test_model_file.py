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
    with pytest.raises(ModelFileError, match=r'^the model was not saved: "extra"\["when"\] holds a value of type '
                                             r'object, which is not JSON data$'):
        save_model(path, _network(), extra={"when": object()})
    with pytest.raises(ModelFileError, match=r'^the model was not saved: "extra"\["x"\]: a number is too large to be '
                                             r'finite \(beyond ±1.8e308\)$'):
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
    ("huge layer", _edited(_set(["network", "layer_sizes"], [2, 10**9, 2])),  # refused before allocating
     r"^bad.nnsim.json: the network is not valid: a layer of 1000000000 nodes is more than a model file can hold$"),
    ("large layer", _edited(_set(["network", "layer_sizes"], [2, 10**6, 2])),
     r"^bad.nnsim.json: the network's weights of layer 1: row 1 should have 1000000 numbers"),
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
     r"^bad.nnsim.json: the network's biases of layer 1: a number is too large to be finite \(beyond ±1.8e308\)$"),
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


# ------------------------------------------------------------------ numbers at their limits

HUGE = "1" + "0" * 400  # 10**400: a JSON integer beyond float64


def _with_literal(path, literal):
    """The valid document with the value at ``path`` written as the raw JSON ``literal``."""
    return _edited(_set(path, "LITERAL_HERE")).replace('"LITERAL_HERE"', literal)


LIMIT_FILES = [
    ("huge int weight", _with_literal(["network", "weights", 0, 1, 2], HUGE),
     r"^bad.nnsim.json: the network's weights of layer 1: the number 100000000000… \(401 digits\) is too large "
     r"\(beyond ±1.8e308\)$"),
    ("huge negative int bias", _with_literal(["network", "biases", 1, 0], "-" + HUGE),
     r"^bad.nnsim.json: the network's biases of layer 2: the number -10000000000… \(401 digits\) is too large"),
    ("huge int threshold", _with_literal(["network", "threshold"], HUGE),
     r"^bad.nnsim.json: the network is not valid: 'threshold': the number 100000000000… \(401 digits\) is too large"),
    ("huge float threshold", _with_literal(["network", "threshold"], "1e400"),
     r"^bad.nnsim.json: the network is not valid: 'threshold': a number is too large to be finite \(beyond ±1.8e308\)$"),
    ("huge int learning rate", _with_literal(["settings", "learning_rate"], HUGE),
     r"^bad.nnsim.json: bad training settings: learning_rate: the number 100000000000… \(401 digits\) is too large"),
    ("huge float learning rate", _with_literal(["settings", "learning_rate"], "-1e400"),
     r"^bad.nnsim.json: bad training settings: learning_rate: a number is too large to be finite"),
    ("huge int momentum", _with_literal(["settings", "momentum"], HUGE), r"momentum: the number 1000"),
    ("batch size 2**40", _edited(_set(["settings", "batch_size"], 2**40)),
     r"^bad.nnsim.json: bad training settings: batch_size must be at most 1,000,000, got 1099511627776$"),
    ("seed 2**40", _edited(_set(["settings", "seed"], 2**40)),
     r"^bad.nnsim.json: bad training settings: seed must be at most 2,147,483,647, got 1099511627776$"),
    ("seed 10**400", _with_literal(["settings", "seed"], HUGE),
     r"^bad.nnsim.json: bad training settings: seed: the number 100000000000… \(401 digits\) is too large"),
    ("5000 digits", _with_literal(["network", "biases", 0, 0], "7" * 5000),
     r"^bad.nnsim.json holds a whole number of 5,000 digits at line 1, column \d+: far too large for any value "
     r"of a model$"),
    ("5000 digits in extra", _with_literal(["extra"], '{"note": -' + "7" * 5000 + "}"),
     r"^bad.nnsim.json holds a whole number of 5,000 digits"),
    ("huge version", _with_literal(["schema_version"], HUGE),
     r"written by a newer nnsim \(schema version 100000000000… \(401 digits\)\)"),
    ("huge layer size", _with_literal(["network", "layer_sizes"], f"[2, {HUGE}, 2]"),
     r"^bad.nnsim.json: the network is not valid: a layer of 100000000000… \(401 digits\) nodes is more than"),
]


@pytest.mark.parametrize("text,message", [case[1:] for case in LIMIT_FILES], ids=[case[0] for case in LIMIT_FILES])
def test_numbers_beyond_what_nnsim_can_hold_are_refused_by_name(tmp_path, text, message):
    path = tmp_path / "bad.nnsim.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ModelFileError, match=message):
        load_model(path)


def test_numbers_at_the_limits_load_exactly(tmp_path):
    d = _valid_document()
    d["network"]["weights"][0][0][0] = 1.7976931348623157e308
    d["network"]["weights"][0][0][1] = 5e-324
    d["network"]["weights"][0][0][2] = 12345678901234567890  # an int: the nearest float64
    d["network"]["threshold"] = -1e300
    d["settings"].update(batch_size=1_000_000, seed=2**31 - 1, learning_rate=1e300)
    path = tmp_path / "edge.json"
    path.write_text(json.dumps(d), encoding="utf-8")
    net, settings, _ = load_model(path)
    assert net.weights[0][0].tolist() == [1.7976931348623157e308, 5e-324, 12345678901234567890.0]
    assert net.threshold == -1e300
    assert (settings.batch_size, settings.seed, settings.learning_rate) == (1_000_000, 2**31 - 1, 1e300)


def test_settings_beyond_the_limits_are_not_saved(tmp_path):
    path = tmp_path / "m.json"
    with pytest.raises(ModelFileError, match=r"^the model was not saved: bad training settings: batch_size must be "
                                             r"at most 1,000,000, got 1000001$"):
        save_model(path, _network(), TrainingSettings(batch_size=1_000_001))
    with pytest.raises(ModelFileError, match=r"seed must be at most 2,147,483,647, got 2147483648$"):
        save_model(path, _network(), TrainingSettings(seed=2**31))
    assert os.listdir(tmp_path) == []


# ------------------------------------------------------------------ extra, checked and cleaned

def _load_extra(tmp_path, extra):
    d = _valid_document()  # a [2, 3, 2] network
    d["extra"] = extra
    path = tmp_path / "bad.nnsim.json"
    path.write_text(json.dumps(d), encoding="utf-8")
    return load_model(path)[2]


def test_extra_comes_back_cleaned(tmp_path):
    extra = {"input_names": ["largo", "ancho"], "output_names": ["sí", "no"], "sample": [1, -2.5],
             "dataset": "iris", "note": {"a": [1, None, True, "x"]}}
    cleaned = _load_extra(tmp_path, extra)
    assert cleaned == extra
    assert [type(v) for v in cleaned["sample"]] == [float, float]
    assert _load_extra(tmp_path, {"dataset": None}) == {}  # null: no data set
    assert _load_extra(tmp_path, None) == {}


BAD_EXTRA = [
    ("sample text", {"sample": "abc"}, r'"sample" in "extra" must be a list of numbers, got a JSON string$'),
    ("sample number", {"sample": 5}, r'"sample" in "extra" must be a list of numbers, got a JSON number$'),
    ("sample object", {"sample": {"x": 1}}, r'"sample" in "extra" must be a list of numbers, got a JSON object$'),
    ("sample inf text", {"sample": ["inf", "nan"]}, r'"sample" in "extra", value 1: \'inf\' is not a number$'),
    ("sample nan text", {"sample": [1, "nan"]}, r'"sample" in "extra", value 2: \'nan\' is not a number$'),
    ("sample abc", {"sample": ["abc", 1]}, r'"sample" in "extra", value 1: \'abc\' is not a number$'),
    ("sample bool", {"sample": [True, 1]}, r'"sample" in "extra", value 1: True is not a number$'),
    ("sample null", {"sample": [1, None]}, r'"sample" in "extra", value 2: None is not a number$'),
    ("sample nested", {"sample": [[1], [2]]}, r'"sample" in "extra", value 1: \[1\] is not a number$'),
    ("sample huge", {"sample": [1, 10**400]}, r'"sample" in "extra", value 2: the number 100000000000… \(401 digits\) '
                                              r'is too large'),
    ("sample too short", {"sample": [1.0]}, r'"sample" in "extra" has 1 numbers but the network has 2 inputs$'),
    ("names number", {"input_names": 5}, r'"input_names" in "extra" must be a list of names \(texts\), got a JSON number$'),
    ("names null", {"input_names": None}, r'"input_names" in "extra" must be a list of names \(texts\), got a JSON null$'),
    ("names nested", {"output_names": [["a"], "b"]},
     r'"output_names" in "extra" must be a list of names \(texts\), got a list holding a JSON array$'),
    ("names numbers", {"output_names": ["a", 2]},
     r'"output_names" in "extra" must be a list of names \(texts\), got a list holding a JSON number$'),
    ("names too many", {"output_names": ["a", "b", "c"]},
     r'"output_names" in "extra" has 3 names but the network has 2 outputs$'),
    ("dataset number", {"dataset": 3}, r'"dataset" in "extra" must be a data set\'s name \(a text\), got a JSON number$'),
    ("dataset list", {"dataset": ["iris"]}, r'"dataset" in "extra" must be a data set\'s name \(a text\), got a JSON array$'),
    ("deep", {"note": json.loads("[" * 70 + "]" * 70)}, r'"extra" is nested more than 64 levels deep$'),
]


@pytest.mark.parametrize("extra,message", [case[1:] for case in BAD_EXTRA], ids=[case[0] for case in BAD_EXTRA])
def test_each_bad_extra_gets_its_message(tmp_path, extra, message):
    # (10**400 cannot go through json.dumps + a float; it is written as an int literal)
    with pytest.raises(ModelFileError, match="^bad.nnsim.json: " + message):
        _load_extra(tmp_path, extra)
    with pytest.raises(ModelFileError, match="^the model was not saved: " + message):
        save_model(tmp_path / "new.json", Network([2, 3, 2], ["tanh", "softmax"]), extra=extra)
    assert not (tmp_path / "new.json").exists()


@pytest.mark.parametrize("extra, message", [
    ('{"note": "a\\ud800"}', r'"extra"\["note"\] holds \'\\ud800\''),
    ('{"\\udfff": 1}', r'a key of "extra" holds \'\\udfff\''),
    ('{"input_names": ["x", "\\ud800"]}', r'"extra"\["input_names"\] holds \'\\ud800\''),
    ('{"dataset": "\\udc00iris"}', r'"extra"\["dataset"\] holds \'\\udc00\''),
])
def test_a_lone_surrogate_escape_is_refused_on_loading(tmp_path, extra, message):
    # (found by the fuzzer: such a file loaded, and then could not be saved again)
    path = tmp_path / "bad.nnsim.json"
    path.write_text(_with_literal(["extra"], extra), encoding="utf-8")
    with pytest.raises(ModelFileError, match=r"^bad.nnsim.json: " + message +
                       r", which is not a character \(half of a UTF-16 surrogate pair\)$"):
        load_model(path)
    # a surrogate pair is one character, and loads
    path.write_text(_with_literal(["extra"], '{"note": "\\ud83d\\ude00"}'), encoding="utf-8")
    assert load_model(path)[2] == {"note": "\U0001f600"}


def test_a_huge_float_in_an_unknown_extra_key_is_refused(tmp_path):
    path = tmp_path / "bad.nnsim.json"
    path.write_text(_with_literal(["extra"], '{"note": {"x": [1e999]}}'), encoding="utf-8")
    with pytest.raises(ModelFileError, match=r'^bad.nnsim.json: "extra"\["note"\]\["x"\]: a number is too large to '
                                             r'be finite \(beyond ±1.8e308\)$'):
        load_model(path)


# ------------------------------------------------------------------ saves that cannot be written

def test_text_that_is_not_utf8_and_deep_nesting_are_refused_and_the_old_file_stays(tmp_path):
    path = tmp_path / "m.json"
    save_model(path, _network())
    before = path.read_bytes()
    with pytest.raises(ModelFileError, match=r"^the model was not saved: \"extra\"\[\"note\"\] holds '\\ud800', which "
                                             r"is not a character \(half of a UTF-16 surrogate pair\)$"):
        save_model(path, _network(), extra={"note": "a\ud800b"})
    with pytest.raises(ModelFileError, match=r"^the model was not saved: a key of \"extra\" holds '\\udc00'"):
        save_model(path, _network(), extra={"\udc00": 1})
    deep: list = []
    for _ in range(100_000):
        deep = [deep]
    with pytest.raises(ModelFileError, match=r'^the model was not saved: "extra" is nested more than 64 levels deep$'):
        save_model(path, _network(), extra={"note": deep})
    with pytest.raises(ModelFileError, match=r'has the key 3; keys must be text$'):
        save_model(path, _network(), extra={3: "x"})
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["m.json"]


# ------------------------------------------------------------------ temporary files

def test_temporary_files_are_named_recognisably(tmp_path, monkeypatch):
    path = tmp_path / "m.json"
    seen = []
    real_replace = os.replace

    def spy(src, dst):
        seen.append(os.path.basename(src))
        real_replace(src, dst)

    monkeypatch.setattr(model_file.os, "replace", spy)
    save_model(path, _network())
    assert len(seen) == 1 and seen[0].startswith(".m.json.nnsim-tmp-") and len(seen[0]) == len(".m.json.nnsim-tmp-") + 8


def test_a_save_removes_stale_temporary_files_and_keeps_fresh_ones_and_others(tmp_path):
    stale_time = os.stat(tmp_path).st_mtime - 2 * 3600
    names = {
        ".m.json.nnsim-tmp-abcd1234": True,      # a killed save of this model, two hours ago
        ".other.json.nnsim-tmp-zz99_x1q": True,  # of another model in the folder
        ".m.json.k3j5h2g1.tmp": True,            # an older nnsim's temporary file for this model
        ".x.json.k3j5h2g1.tmp": False,           # not ours to judge
        "m.json.nnsim-tmp-notes": False,         # not hidden: a user's file
        ".notes.txt": False,
    }
    for name in names:
        (tmp_path / name).write_text("partial")
        os.utime(tmp_path / name, (stale_time, stale_time))
    (tmp_path / ".m.json.nnsim-tmp-fresh123").write_text("a save in progress")
    (tmp_path / ".dir.nnsim-tmp-abcd1234").mkdir()  # not a regular file
    os.utime(tmp_path / ".dir.nnsim-tmp-abcd1234", (stale_time, stale_time))
    save_model(tmp_path / "m.json", _network())
    kept = sorted(os.listdir(tmp_path))
    assert kept == sorted(["m.json", ".m.json.nnsim-tmp-fresh123", ".dir.nnsim-tmp-abcd1234"]
                          + [name for name, stale in names.items() if not stale])
