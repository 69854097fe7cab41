"""The optimizer's memory in a document: training N epochs, saving, reopening and training M
more gives exactly the weights of N + M epochs in one go (Momentum, Adam, and the shuffled
order of the examples); a stored memory that does not fit is ignored and the document opens."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nnsim.core.document import SCHEMA_VERSION, build_document, load_document, save_document, DataSource
from nnsim.core.errors import ModelFileError
from nnsim.core.network import Network
from nnsim.core.optimizer_state import OptimizerState, state_from_dict
from nnsim.core.trainer import Trainer, TrainingSettings
from nnsim.core.training_data import prepare_data


def spiral():
    source = DataSource.builtin("spiral", seed=3, n_samples=120)
    return source, prepare_data(source.load(), 0.25, 0)


def network():
    return Network([2, 6, 5, 2], ["tanh", "relu", "softmax"], seed=4)


def run(optimizer, epochs, batch_size=16):
    _, data = spiral()
    trainer = Trainer(network(), data, TrainingSettings(optimizer=optimizer, learning_rate=0.02,
                                                        batch_size=batch_size, seed=5))
    trainer.train_epochs(epochs)
    return trainer


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
def test_n_epochs_saved_reopened_and_m_more_equal_n_plus_m_in_one_go(tmp_path, optimizer):
    source, data = spiral()
    first = run(optimizer, 3)
    doc = build_document(first.network, first.data, first.settings, source=source, test_fraction=0.25,
                         epoch=first.epoch, optimizer_state=first.optimizer_state())
    path = tmp_path / "spiral.nnsim"
    save_document(path, doc)
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert stored["schema_version"] == SCHEMA_VERSION == 2
    assert stored["optimizer_state"]["optimizer"] == optimizer
    reopened = load_document(path)
    assert reopened.optimizer_problem == "" and reopened.epoch == 3
    state = reopened.optimizer_state
    if optimizer == "adam":
        assert state.t == first._optimizer.t == 3 * 6  # 90 training rows in batches of 16: 6 a epoch
        np.testing.assert_array_equal(state.m, first._optimizer.m)
        np.testing.assert_array_equal(state.v, first._optimizer.v)
    if optimizer == "momentum":
        np.testing.assert_array_equal(state.velocity, first._optimizer.velocity)
    again = reopened.trainer()
    again.train_epochs(4)
    whole = run(optimizer, 7)
    assert again.epoch == whole.epoch == 7
    np.testing.assert_array_equal(again.network.params, whole.network.params)


@pytest.mark.parametrize("optimizer", ["momentum", "adam"])
def test_without_the_memory_the_training_is_not_the_same(tmp_path, optimizer):
    # what the stored memory is for: a fresh optimizer (an old document) trains otherwise
    source, _ = spiral()
    first = run(optimizer, 3)
    doc = build_document(first.network, first.data, first.settings, source=source, test_fraction=0.25,
                         epoch=3)
    path = tmp_path / "old.nnsim"
    save_document(path, doc)
    reopened = load_document(path)
    assert reopened.optimizer_state is None and reopened.optimizer_problem == ""
    again = reopened.trainer()
    again.train_epochs(4)
    assert not np.array_equal(again.network.params, run(optimizer, 7).network.params)


def test_a_version_1_document_without_the_field_still_opens(tmp_path):
    source, _ = spiral()
    first = run("adam", 2)
    path = tmp_path / "v1.nnsim"
    save_document(path, build_document(first.network, first.data, first.settings, source=source,
                                       test_fraction=0.25, epoch=2, optimizer_state=first.optimizer_state()))
    d = json.loads(path.read_text(encoding="utf-8"))
    del d["optimizer_state"]
    d["schema_version"] = 1
    path.write_text(json.dumps(d), encoding="utf-8")
    doc = load_document(path)
    assert doc.epoch == 2 and doc.optimizer_state is None and doc.optimizer_problem == ""
    np.testing.assert_array_equal(doc.network.params, first.network.params)


def test_a_memory_for_another_optimizer_or_network_is_not_written():
    source, _ = spiral()
    first = run("adam", 1)
    other = TrainingSettings(optimizer="momentum", learning_rate=0.02, batch_size=16, seed=5)
    doc = build_document(first.network, first.data, other, source=source, test_fraction=0.25,
                         epoch=1, optimizer_state=first.optimizer_state())
    assert doc.optimizer_state is None and other.optimizer == "momentum"
    small = Trainer(Network([2, 3, 2], ["tanh", "softmax"], seed=1), first.data, first.settings)
    doc = build_document(first.network, first.data, first.settings, source=source, test_fraction=0.25,
                         epoch=1, optimizer_state=small.optimizer_state())
    assert doc.optimizer_state is None


def _stored(tmp_path, optimizer="adam"):
    source, _ = spiral()
    first = run(optimizer, 2)
    path = tmp_path / "doc.nnsim"
    save_document(path, build_document(first.network, first.data, first.settings, source=source,
                                       test_fraction=0.25, epoch=2, optimizer_state=first.optimizer_state()))
    return path, json.loads(path.read_text(encoding="utf-8")), first


N_PARAMS = network().n_params


@pytest.mark.parametrize("edit, why", [
    (lambda s: s.update(optimizer="momentum"), "it is the memory of momentum, but the training uses adam"),
    (lambda s: s.update(m=s["m"][:-1]), f"its m must be a list of {N_PARAMS} numbers"),
    (lambda s: s["v"].__setitem__(0, -1.0), "its v holds -1.0, outside 0 to 1e+300"),
    (lambda s: s["m"].__setitem__(3, 1e301), "its m holds 1e+301, outside -1e+300 to 1e+300"),
    (lambda s: s["m"].__setitem__(3, "0.5"), "its m holds something that is not a number"),
    (lambda s: s["m"].__setitem__(3, True), "its m holds something that is not a number"),
    (lambda s: s.update(t=-1), "its step count t must be a whole number from 0 to 9007199254740992"),
    (lambda s: s.update(t=2.0), "its step count t must be a whole number from 0 to 9007199254740992"),
    (lambda s: s.update(extra=1), "it has an unknown entry 'extra'"),
    (lambda s: s["shuffle"].update(inc="2"), "its shuffling inc must be odd"),
    (lambda s: s["shuffle"].update(state="x" * 40), "its shuffling state must be a hexadecimal text of at most 32 digits"),
    (lambda s: s["shuffle"].update(bit_generator="MT19937"), "its shuffle is not for the PCG64 generator"),
])
def test_a_memory_that_does_not_fit_is_ignored_and_the_document_opens(tmp_path, edit, why):
    path, d, first = _stored(tmp_path)
    edit(d["optimizer_state"])
    path.write_text(json.dumps(d), encoding="utf-8")
    doc = load_document(path)
    assert doc.optimizer_state is None
    assert doc.optimizer_problem == f"the optimizer's memory in the file was ignored ({why})"
    np.testing.assert_array_equal(doc.network.params, first.network.params)
    assert doc.trainer().epoch == 2


def test_overflowing_numbers_are_ignored_and_nan_is_refused_as_anywhere_in_a_document(tmp_path):
    path, d, _ = _stored(tmp_path)
    text = json.dumps(d)
    m = json.dumps(d["optimizer_state"]["m"])

    def with_first(bad):  # the list's first number replaced by ``bad`` (same length)
        path.write_text(text.replace(m, "[" + bad + ", " + m[1:].split(", ", 1)[1]), encoding="utf-8")

    for bad, why in (("1e400", "its m holds inf, outside -1e+300 to 1e+300"),
                     ("1" + "0" * 400, "its m holds a number too large")):
        with_first(bad)
        doc = load_document(path)
        assert doc.optimizer_state is None
        assert doc.optimizer_problem == f"the optimizer's memory in the file was ignored ({why})", bad
    for bad in ("NaN", "Infinity"):
        with_first(bad)
        with pytest.raises(ModelFileError, match=f"doc.nnsim contains {bad}; every value must be a finite number"):
            load_document(path)


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                    max_leaves=12)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=JSON, key=st.sampled_from(["optimizer_state", "m", "v", "t", "shuffle", "state", "inc", "uinteger"]))
def test_whatever_the_file_holds_the_reader_gives_a_fitting_memory_or_none(value, key):
    base = {"optimizer": "adam", "t": 3, "m": [0.5] * 4, "v": [0.25] * 4,
            "shuffle": {"bit_generator": "PCG64", "state": "ff", "inc": "7", "has_uint32": 0, "uinteger": 0}}
    if key == "optimizer_state":
        stored = value
    elif key in ("state", "inc", "uinteger"):
        stored = {**base, "shuffle": {**base["shuffle"], key: value}}
    else:
        stored = {**base, key: value}
    state, problem = state_from_dict(stored, "adam", 4)
    if state is None:
        assert stored is None or problem.startswith("the optimizer's memory in the file was ignored (")
    else:
        assert problem == "" and isinstance(state, OptimizerState) and state.name == "adam"
        assert state.m.shape == state.v.shape == (4,) and np.isfinite(state.m).all() and (state.v >= 0).all()
        assert not state.m.flags.writeable and 0 <= state.t <= 2**53


@settings(max_examples=60, deadline=None)
@given(values=st.lists(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e300, max_value=1e300),
                       min_size=3, max_size=3), t=st.integers(0, 2**53))
def test_every_float64_comes_back_exactly(values, t):
    state = OptimizerState("adam", t=t, m=np.array(values), v=np.abs(np.array(values)))
    back, problem = state_from_dict(json.loads(json.dumps(state.to_dict())), "adam", 3)
    assert problem == "" and back.t == t
    assert back.m.tolist() == values and back.v.tolist() == [abs(v) for v in values]
    assert all(math.copysign(1, a) == math.copysign(1, b) for a, b in zip(back.m.tolist(), values))
