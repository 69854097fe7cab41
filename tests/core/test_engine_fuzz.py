"""Extreme engine set-ups (issue 13): whatever a class picks, the trainer refuses it with a
message or trains, and never keeps weights it cannot compute with.

Generated: layer sizes 1..64, every activation and loss, every optimizer, learning rates
1e-12..1e300, batch sizes 1..2^31, regularization up to 1e300, step thresholds out to
±1e300, starting weights typed in up to 1.7e308, and data whose values are 0, ±1e300,
tiny (1e-300) or ordinary. Then a few rounds: training (``train_batches``, ``step``,
``train_epochs``), a weight edited to an extreme value mid-run (as the session's
``set_parameter`` does), or a setting changed (``update_settings``: taken, or refused with
nothing changed); after a divergence, what the training session does (clear the flag and
lower the rate). The rules checked after each round:

- ``Trainer(...)`` raises ``ValueError`` with a message, or trains; nothing else escapes
  (no OverflowError, FloatingPointError, or RuntimeWarning: warnings are errors here);
- every parameter is finite after training;
- a loss that is not finite always comes with ``diverged`` set;
- ``evaluate()`` never raises, and its train loss is finite unless the starting weights
  themselves gave a loss too large to compute (then ``diverged`` says so).

200 examples (seeded, a few seconds) by default; ``NNSIM_FUZZ_EXAMPLES=5000`` for a long
run (random; add ``--timeout=0``, the suite's 120 s limit per test stops it otherwise).
"""

import math
import os
import warnings

import numpy as np
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from nnsim.core import Dataset, Network, load_dataset
from nnsim.core.activations import ACTIVATIONS, OUTPUT_ONLY
from nnsim.core.errors import DataError
from nnsim.core.trainer import Trainer, TrainingSettings
from nnsim.core.training_data import prepare_data

EXAMPLES = int(os.environ.get("NNSIM_FUZZ_EXAMPLES", "200"))
HIDDEN = [a for a in ACTIVATIONS if a not in OUTPUT_ONLY]
EXTREMES = [0.0, 1e300, -1e300, 1e-300, -1e-300, 1.7e308, -1.7e308]
CANNOT_START = "The loss of these weights is too large to compute"


def _log_uniform(low_exponent: float, high_exponent: float):
    return st.floats(low_exponent, high_exponent).map(lambda e: 10.0**e)


_ordinary = st.floats(-10.0, 10.0, allow_nan=False)
_extreme_value = st.one_of(st.sampled_from(EXTREMES), _ordinary, st.sampled_from([1e-300, 1e300]))


@st.composite
def _dataset(draw):
    """A small built-in set, or a table with extreme values (classes or regression targets)."""
    if draw(st.booleans()):
        name = draw(st.sampled_from(["iris", "xor", "circles", "spiral", "curve", "plane"]))
        if name == "iris":
            return load_dataset("iris")
        return load_dataset(name, n_samples=draw(st.integers(4, 40)), seed=draw(st.integers(0, 9)))
    n = draw(st.integers(2, 30))
    d = draw(st.integers(1, 4))
    columns = []
    for _ in range(d):
        kind = draw(st.sampled_from(["ordinary", "extreme", "constant"]))
        if kind == "constant":
            columns.append([draw(_extreme_value)] * n)
        elif kind == "extreme":
            columns.append(draw(st.lists(_extreme_value, min_size=n, max_size=n)))
        else:
            columns.append(draw(st.lists(_ordinary, min_size=n, max_size=n)))
    X = np.array(columns).T
    names = [f"x{i + 1}" for i in range(d)]
    if draw(st.booleans()):
        k = draw(st.integers(2, 4))
        y = np.array(draw(st.lists(st.integers(0, k - 1), min_size=n, max_size=n)))
        return Dataset(X, y, names, [f"c{c}" for c in range(k)], "fuzz")
    k = draw(st.integers(1, 2))
    target = st.one_of(_ordinary, st.sampled_from([0.0, 1e300, -1e300, 1e-300, 1e150, 1e6]))
    y = np.array(draw(st.lists(st.lists(target, min_size=k, max_size=k), min_size=n, max_size=n)))
    return Dataset(X, y[:, 0] if k == 1 else y, names, [], "fuzz", "regression")


@st.composite
def _setup(draw):
    ds = draw(_dataset())
    fraction = draw(st.sampled_from([0.0, 0.0, 0.25, 0.5]))
    standardize = draw(st.sampled_from([True, True, True, False]))
    n_out = ds.n_outputs
    if ds.is_classification and n_out == 2 and draw(st.booleans()):
        n_out = 1  # one sigmoid output for two classes
    hidden = draw(st.lists(st.integers(1, 64), max_size=3))
    activations = [draw(st.sampled_from(HIDDEN)) for _ in hidden]
    activations.append(draw(st.sampled_from(ACTIVATIONS)))
    threshold = draw(st.sampled_from([0.5, 0.5, 0.0, -3.0, 1e300, -1e300]))
    seed = draw(st.integers(0, 2**32))
    typed = draw(st.lists(st.tuples(st.integers(0, 10**6), st.sampled_from(EXTREMES + [5.0])), max_size=2))
    train = TrainingSettings(
        learning_rate=draw(st.one_of(_log_uniform(-12, 300), st.sampled_from([1e-12, 1e300, 0.1]))),
        batch_size=draw(st.one_of(st.integers(1, 64), st.integers(1, 2**31), st.just(2**31))),
        optimizer=draw(st.sampled_from(["sgd", "momentum", "adam"])),
        momentum=draw(st.sampled_from([0.0, 0.5, 0.9, 0.999999])),
        loss=draw(st.sampled_from(["auto", "mse", "cross_entropy"])),
        regularization=draw(st.sampled_from(["none", "l1", "l2"])),
        reg_rate=draw(st.one_of(st.just(0.0), _log_uniform(-12, 300), st.just(1e300))),
        seed=draw(st.integers(0, 2**40)),
    )
    change = st.one_of(
        st.fixed_dictionaries({"learning_rate": _log_uniform(-12, 300)}),
        st.fixed_dictionaries({"batch_size": st.integers(1, 2**31)}),
        st.fixed_dictionaries({"loss": st.sampled_from(["auto", "mse", "cross_entropy"])}),
        st.fixed_dictionaries({"optimizer": st.sampled_from(["sgd", "momentum", "adam"])}),
        st.fixed_dictionaries({"regularization": st.sampled_from(["none", "l1", "l2"]),
                               "reg_rate": st.one_of(_log_uniform(-12, 300), st.just(0.0))}),
    )
    rounds = draw(st.lists(
        st.one_of(
            st.tuples(st.just("batches"), st.integers(0, 12)),
            st.tuples(st.just("step"), st.integers(0, 3)),
            st.tuples(st.just("epochs"), st.integers(0, 2)),
            st.tuples(st.just("edit"), st.tuples(st.integers(0, 10**6), st.sampled_from(EXTREMES))),
            st.tuples(st.just("settings"), change),
        ),
        min_size=1, max_size=5,
    ))
    return ds, fraction, standardize, [ds.n_features, *hidden, n_out], activations, threshold, seed, typed, train, rounds


def _raw_loss(net, params, data, loss):
    """The training loss of ``net`` with ``params``, computed apart from the trainer."""
    net = net.copy()
    net.params[:] = params
    with np.errstate(all="ignore"):
        value, _, _ = net.loss_and_gradients(data.X_train, data.targets("train", net.layer_sizes[-1]), loss)
    return value


def _check(trainer, reported_losses, start_loss):
    params = trainer.network.params
    assert np.all(np.isfinite(params)), "a parameter is not finite after training"
    for loss in reported_losses:
        if not math.isfinite(loss):
            assert trainer.diverged is not None, f"loss {loss} without divergence"
    metrics = trainer.evaluate()
    assert metrics.diverged == trainer.diverged
    if not math.isfinite(metrics.train_loss):
        assert metrics.diverged is not None, "evaluate: a non-finite loss without divergence"
        assert metrics.diverged.startswith(CANNOT_START), metrics.diverged
        assert not math.isfinite(start_loss), "the kept weights lost a finite starting loss"
    if metrics.diverged is not None and metrics.diverged.startswith(CANNOT_START):
        assert not math.isfinite(start_loss)
    if trainer.data.X_test.shape[0] == 0:
        assert metrics.test_loss is None and metrics.test_accuracy is None
    for acc in (metrics.train_accuracy, metrics.test_accuracy):
        assert acc is None or 0.0 <= acc <= 1.0
    return metrics


@settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 200,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])
@given(_setup())
def test_extreme_set_ups_train_or_are_refused_and_never_keep_what_cannot_be_computed(case):
    ds, fraction, standardize, sizes, activations, threshold, seed, typed, train, rounds = case
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a RuntimeWarning (overflow, invalid) is a failure
        try:
            data = prepare_data(ds, test_fraction=fraction, seed=0, standardize=standardize)
        except DataError as exc:  # a set that cannot be split or standardized: said why
            assert str(exc)
            event("data refused")
            return
        net = Network(sizes, activations, seed=seed, threshold=threshold)
        for index, value in typed:  # weights typed into the sliders before training
            net.params[index % net.n_params] = value
        try:
            trainer = Trainer(net, data, train)
        except ValueError as exc:
            assert len(str(exc)) > 10
            event("set-up refused: " + str(exc)[:40])
            return
        start = trainer.network.params.copy()
        start_loss = _raw_loss(trainer.network, start, data, trainer.loss)
        for kind, n in rounds:
            if kind == "batches":
                run = trainer.train_batches(n)
                assert 0 <= run.batches <= n and len(run.epochs) == len(run.losses)
                reported = list(run.losses)
            elif kind == "step":
                reported = [trainer.step(n).train_loss]
            elif kind == "epochs":
                reported = [trainer.train_epochs(n)] if n else []  # NaN: diverged, no epoch done
            elif kind == "edit":  # a slider moved while training runs (the session's set_parameter)
                index, value = n
                trainer.network.params[index % trainer.network.n_params] = value
                reported = []
            else:  # a setting changed mid-run: taken, or refused with nothing changed
                before, loss = trainer.settings, trainer.loss
                try:
                    trainer.update_settings(**n)
                except ValueError as exc:
                    assert str(exc) and trainer.settings == before
                if trainer.loss != loss:  # the starting weights' loss is another number now (and
                    # after an epoch, the weights to go back to were checked with the old loss)
                    start_loss = _raw_loss(trainer.network, start, data, trainer.loss) if trainer.epoch == 0 else math.nan
                reported = []
            _check(trainer, reported, start_loss)
            event("diverged" if trainer.diverged is not None else "trained")
            if trainer.diverged is not None:  # what the session does: clear, then a smaller rate
                trainer.diverged = None
                trainer.update_settings(learning_rate=max(trainer.settings.learning_rate * 1e-3, 1e-12))
