"""Fuzzers for the two loaders a user's file reaches: `load_csv` / `parse_csv_bytes` and
`load_model`.

Each either loads cleanly (and a generated valid file round-trips exactly) or raises the
project's own error (`DataError`, `ModelFileError`) saying where and what: nothing else,
no hang, no half-load. The default run is short (about 20 s in all); set
NNSIM_FUZZ_EXAMPLES=10000 for a long one.
"""

from __future__ import annotations

import math
import os
import re
import tempfile
import threading

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nnsim.core import DataError, ModelFileError, Network
from nnsim.core.csv_loader import load_csv, parse_csv_bytes
from nnsim.core.model_file import EXTRA_KEYS, MAX_BATCH_SIZE, MAX_SEED, load_model, save_model
from nnsim.core.trainer import TrainingSettings

EXAMPLES = int(os.environ.get("NNSIM_FUZZ_EXAMPLES", "200"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                            HealthCheck.data_too_large])

finite = st.floats(allow_nan=False, allow_infinity=False, width=64)


# ============================================================================ CSV tables

def _texts(separator: str):
    """Names and class texts a spreadsheet could write: letters, accents, spaces, quotes, a
    line break (the writer quotes those), this file's separator, and commas in a file that
    does not separate by commas ("Largo, cm"). Not the other separators: a text full of
    semicolons in a comma file makes the separator truly ambiguous."""
    alphabet = "abcxyzAZ ñéü\"\n0123456789." + separator + ("," if separator != "," else "")
    return st.text(alphabet=alphabet, min_size=1, max_size=8).map(str.strip).filter(
        lambda s: bool(s) and not s.startswith("sep="))


@st.composite
def tables(draw):
    """(bytes of a valid CSV file, expected X, expected y, expected names, task, expected classes)."""
    separator = draw(st.sampled_from([",", ";", "\t"]))
    decimal_comma = separator != "," and draw(st.booleans())
    d = draw(st.integers(1, 4))
    n = draw(st.integers(2, 12))
    names = draw(st.lists(_texts(separator), min_size=d + 1, max_size=d + 1, unique=True))
    X = draw(st.lists(st.lists(finite, min_size=d, max_size=d), min_size=n, max_size=n))
    kind = draw(st.sampled_from(["text", "int", "regression"]))
    if kind == "text":
        pool = draw(st.lists(_texts(separator).map(lambda s: "c" + s), min_size=2, max_size=4, unique=True))
        labels = [pool[0], pool[1]] + draw(st.lists(st.sampled_from(pool), min_size=n - 2, max_size=n - 2))
        classes = list(dict.fromkeys(labels))
        y = [classes.index(c) for c in labels]
        cells = labels
    elif kind == "int":
        values = [0, 1] + draw(st.lists(st.integers(-3, 5), min_size=n - 2, max_size=n - 2))
        classes = [str(c) for c in sorted(set(values))]
        y = [classes.index(str(v)) for v in values]
        cells = [str(v) for v in values]
    else:
        y = draw(st.lists(finite, min_size=n, max_size=n))
        classes = []
        cells = None

    def number(v: float) -> str:
        text = repr(v)
        return text.replace(".", ",") if decimal_comma else text

    if cells is None:
        cells = [number(v) for v in y]
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))

    def quoted(cell: str) -> str:
        # as a spreadsheet writes it (csv.writer in Python 3.11 leaves a LF unquoted when the
        # line end is a CR)
        if any(c in cell for c in (separator, '"', "\n", "\r")):
            return '"' + cell.replace('"', '""') + '"'
        return cell

    lines = [names] + [[number(v) for v in row] + [cell] for row, cell in zip(X, cells)]
    text = "".join(separator.join(map(quoted, line)) + newline for line in lines)
    encodable = [e for e in ("utf-8", "utf-8-sig", "utf-16", "cp1252") if _encodes(text, e)]
    encoding = draw(st.sampled_from(encodable))
    task = "regression" if kind == "regression" else None
    return text.encode(encoding), X, y, names, task, classes


def _encodes(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


@FUZZ
@given(tables())
def test_generated_tables_round_trip_exactly(table):
    data, X, y, names, task, classes = table
    ds = parse_csv_bytes(data, source="t.csv", task=task)
    np.testing.assert_array_equal(ds.X, np.array(X, dtype=np.float64))
    assert ds.feature_names == names[:-1]
    if task == "regression":
        assert ds.task == "regression" and ds.target_names == names[-1:]
        np.testing.assert_array_equal(ds.y, np.array(y, dtype=np.float64))
    else:
        assert ds.task == "classification" and ds.class_names == classes
        assert ds.y.tolist() == y


# Tokens a mutation puts into a file: what hand edits, other programs and broken copies do.
CSV_TOKENS = ["", " ", '"', '""', '"a', "nan", "inf", "-Infinity", "1e999", "1_0", "1.234,5", "5,1", "abc",
              "\x00", "\x1e", "\x0c", "\u2028", "\r", "\n", "\r\n", ",", ";", "\t", "sep=;", "ñ", "Ã±", "0x10",
              "1" * 400, "١٢٣", "\ufeff"]


@st.composite
def mutated_tables(draw):
    data = draw(tables())[0]
    for _ in range(draw(st.integers(1, 4))):
        data = draw(_mutation(data, CSV_TOKENS))
    return data


def _mutation(data: bytes, tokens):
    """One random change of ``data``: a byte, a run of bytes, a line, or a token replaced."""
    def change(draw_):
        what = draw_(st.sampled_from(["flip", "insert", "delete", "line", "token", "encode"]))
        n = len(data)
        at = draw_(st.integers(0, n))
        if what == "flip" and n:
            at = min(at, n - 1)
            return data[:at] + bytes([draw_(st.integers(0, 255))]) + data[at + 1:]
        if what == "insert":
            return data[:at] + draw_(st.binary(min_size=1, max_size=4)) + data[at:]
        if what == "delete":
            return data[:at] + data[at + draw_(st.integers(1, 40)):]
        if what == "line":
            lines = data.split(b"\n")
            i, j = draw_(st.integers(0, len(lines) - 1)), draw_(st.integers(0, len(lines) - 1))
            how = draw_(st.sampled_from(["drop", "copy", "swap"]))
            if how == "drop":
                del lines[i]
            elif how == "copy":
                lines.insert(j, lines[i])
            else:
                lines[i], lines[j] = lines[j], lines[i]
            return b"\n".join(lines)
        token = draw_(st.sampled_from(tokens))
        encoded = token.encode(draw_(st.sampled_from(["utf-8", "cp1252"])) if _encodes(token, "cp1252") else "utf-8")
        if what == "token":
            # replace a run between separators (a cell, a number) with the token
            spans = [m.span() for m in re.finditer(rb"[^,;\t\r\n\"{}\[\]:]+", data)]
            if spans:
                a, b = draw_(st.sampled_from(spans))
                return data[:a] + encoded + data[b:]
        return data[:at] + encoded + data[at:]
    return st.composite(lambda draw_: change(draw_))()


def _check_clean_or_data_error(call, data: bytes):
    """A Dataset that holds together, or a DataError saying where: nothing else."""
    try:
        ds = call()
    except DataError as error:
        message = str(error)
        assert message.startswith("m.csv") or message.startswith("unknown task"), message
        line = getattr(error, "line", None)
        if line is not None:
            lines = len(re.findall(rb"\r\n|\r|\n", data)) + 1
            assert 1 <= line <= lines + 1, (line, lines, message)
            assert f", line {line}" in message
        return None
    assert ds.X.ndim == 2 and ds.X.shape[0] == ds.y.shape[0] >= 1
    assert np.isfinite(ds.X).all() and len(ds.feature_names) == ds.X.shape[1]
    assert ds.source_encoding in ("utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "cp1252")
    if ds.task == "classification":
        assert len(ds.class_names) >= 2 and ds.y.min() >= 0 and ds.y.max() < len(ds.class_names)
    else:
        assert np.isfinite(ds.y).all()
    return ds


@FUZZ
@given(mutated_tables())
def test_mutated_tables_load_cleanly_or_say_which_line(data):
    _check_clean_or_data_error(lambda: parse_csv_bytes(data, source="m.csv"), data)


@FUZZ
@given(st.binary(max_size=300))
def test_random_bytes_load_cleanly_or_say_which_line(data):
    _check_clean_or_data_error(lambda: parse_csv_bytes(data, source="m.csv"), data)


@settings(max_examples=max(10, EXAMPLES // 10), deadline=None)
@given(mutated_tables())
def test_mutated_files_on_disk_load_the_same_as_bytes(data):
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "m.csv")
        with open(path, "wb") as f:
            f.write(data)
        from_disk = _check_clean_or_data_error(lambda: load_csv(path), data)
    from_bytes = _check_clean_or_data_error(lambda: parse_csv_bytes(data, source="m.csv"), data)
    assert (from_disk is None) == (from_bytes is None)
    if from_disk is not None:
        np.testing.assert_array_equal(from_disk.X, from_bytes.X)
        np.testing.assert_array_equal(from_disk.y, from_bytes.y)


# ============================================================================ model files

@st.composite
def networks(draw):
    sizes = draw(st.lists(st.integers(1, 5), min_size=2, max_size=4))
    hidden = draw(st.lists(st.sampled_from(["step", "sigmoid", "tanh", "relu", "linear"]),
                           min_size=len(sizes) - 2, max_size=len(sizes) - 2))
    last = draw(st.sampled_from(["step", "sigmoid", "tanh", "relu", "linear", "softmax"]))
    net = Network(sizes, hidden + [last], seed=draw(st.none() | st.integers(0, 2**63)),
                  threshold=draw(finite))
    net.params[:] = draw(st.lists(finite, min_size=net.n_params, max_size=net.n_params))
    return net


training_settings = st.builds(
    TrainingSettings,
    learning_rate=st.floats(min_value=0, max_value=1e308, exclude_min=True),
    batch_size=st.integers(1, MAX_BATCH_SIZE),
    optimizer=st.sampled_from(["sgd", "momentum", "adam"]),
    momentum=st.floats(min_value=0, max_value=1, exclude_max=True),
    loss=st.sampled_from(["auto", "cross_entropy", "mse"]),
    regularization=st.sampled_from(["none", "l1", "l2"]),
    reg_rate=st.floats(min_value=0, max_value=1e308),
    seed=st.integers(0, MAX_SEED),
)

json_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=10)  # no lone surrogates
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**30), 10**30) | finite | json_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(json_text, inner, max_size=4),
    max_leaves=12,
)


@st.composite
def extras(draw, net):
    extra = draw(st.dictionaries(json_text.filter(lambda k: k not in EXTRA_KEYS), json_values, max_size=3))
    n_in, n_out = net.layer_sizes[0], net.layer_sizes[-1]
    if draw(st.booleans()):
        extra["input_names"] = draw(st.lists(json_text, min_size=n_in, max_size=n_in))
    if draw(st.booleans()):
        extra["output_names"] = draw(st.lists(json_text, min_size=n_out, max_size=n_out))
    if draw(st.booleans()):
        extra["sample"] = draw(st.lists(finite | st.integers(-(10**6), 10**6), min_size=n_in, max_size=n_in))
    if draw(st.booleans()):
        extra["dataset"] = draw(json_text)
    return extra


@st.composite
def models(draw):
    net = draw(networks())
    return net, draw(st.none() | training_settings), draw(extras(net))


def _same_json(a, b) -> bool:
    """Equal as JSON values, with -0.0 and 0.0 told apart (a weight's sign must survive)."""
    if isinstance(a, float) and isinstance(b, float):
        return a == b and math.copysign(1, a) == math.copysign(1, b)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same_json(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same_json(a[k], b[k]) for k in a)
    return type(a) is type(b) and a == b


@FUZZ
@given(models())
def test_generated_models_round_trip_exactly(model):
    net, training, extra = model
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "m.nnsim.json")
        save_model(path, net, training, extra)
        loaded, loaded_settings, loaded_extra = load_model(path)
        assert os.listdir(folder) == ["m.nnsim.json"]
    assert loaded == net and loaded.seed == net.seed
    assert np.array_equal(np.signbit(loaded.params), np.signbit(net.params))
    assert loaded_settings == training
    expected = dict(extra)
    if "sample" in expected:
        expected["sample"] = [float(v) for v in expected["sample"]]
    assert _same_json(loaded_extra, expected)


MODEL_TOKENS = ["1" + "0" * 400, "-1" + "0" * 400, "7" * 5000, "1e999", "-1e999", "NaN", "Infinity", "true",
                "null", '"x"', '"0.5"', "[]", "{}", "[1, 2]", '{"a": 1}', "0", "-1", "1.5", "2199023255552",
                '"\\ud800"', "[" * 200 + "]" * 200, '"', ",", "", "1e-400", "0.0", "-0.0"]


@st.composite
def mutated_models(draw):
    net, training, extra = draw(models())
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "m.json")
        save_model(path, net, training, extra)
        with open(path, "rb") as f:
            data = f.read()
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["token", "token", "token", "bytes"]))
        if kind == "bytes":
            data = draw(_mutation(data, MODEL_TOKENS))
            continue
        tokens = [m.span() for m in re.finditer(rb'-?\d[\d.eE+-]*|"(?:[^"\\]|\\.)*"|true|false|null|[\[\]{}]', data)]
        a, b = draw(st.sampled_from(tokens))
        data = data[:a] + draw(st.sampled_from(MODEL_TOKENS)).encode() + data[b:]
    return data


def _check_clean_or_model_error(path):
    """A network, settings and extra that hold together, or a ModelFileError: nothing else."""
    try:
        net, training, extra = load_model(path)
    except ModelFileError as error:
        assert str(error)
        return
    assert isinstance(net, Network) and np.isfinite(net.params).all() and math.isfinite(net.threshold)
    assert training is None or isinstance(training, TrainingSettings)
    if training is not None:
        assert training.batch_size <= MAX_BATCH_SIZE and training.seed <= MAX_SEED
    assert isinstance(extra, dict)
    if "sample" in extra:
        assert len(extra["sample"]) == net.layer_sizes[0]
        assert all(type(v) is float and math.isfinite(v) for v in extra["sample"])
    for key, count in (("input_names", net.layer_sizes[0]), ("output_names", net.layer_sizes[-1])):
        if key in extra:
            assert len(extra[key]) == count and all(isinstance(v, str) for v in extra[key])
    assert isinstance(extra.get("dataset", ""), str)
    # whatever loaded can be saved again and loads the same
    with tempfile.TemporaryDirectory() as folder:
        again = os.path.join(folder, "again.json")
        save_model(again, net, training, extra)
        net2, training2, extra2 = load_model(again)
    assert net2 == net and training2 == training and _same_json(extra2, extra)


@FUZZ
@given(mutated_models())
def test_mutated_models_load_cleanly_or_say_what_is_wrong(data):
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "m.json")
        with open(path, "wb") as f:
            f.write(data)
        _check_clean_or_model_error(path)


@FUZZ
@given(st.binary(max_size=200) | st.text(max_size=200).map(lambda s: s.encode("utf-8", "surrogatepass")))
def test_random_bytes_are_not_a_model(data):
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "m.json")
        with open(path, "wb") as f:
            f.write(data)
        _check_clean_or_model_error(path)


# ============================================================================ special paths

def _special_paths(folder):
    """Paths that are not a usable file, each with the start of the expected message."""
    paths = {"missing": os.path.join(folder, "missing.csv"), "folder": folder,
             "empty": os.path.join(folder, "empty.csv"), "device": "/dev/zero"}
    open(paths["empty"], "wb").close()
    if hasattr(os, "mkfifo"):
        paths["fifo"] = os.path.join(folder, "pipe.csv")
        os.mkfifo(paths["fifo"])
    return paths


@pytest.mark.parametrize("loader, error", [(load_csv, DataError), (load_model, ModelFileError)],
                         ids=["csv", "model"])
def test_special_paths_are_refused_at_once(tmp_path, loader, error):
    for kind, path in _special_paths(str(tmp_path)).items():
        outcome = []
        thread = threading.Thread(target=lambda: outcome.append(_raised(loader, path)), daemon=True)
        thread.start()
        thread.join(5)
        assert outcome, f"{loader.__name__} still reading {kind} after 5 s"
        assert type(outcome[0]) is error, (kind, outcome[0])


def _raised(loader, path):
    try:
        loader(path)
    except Exception as caught:  # noqa: BLE001 - the test checks its type
        return caught
    return None

