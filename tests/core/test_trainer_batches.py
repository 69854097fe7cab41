"""Batch-granular training: where the trainer is in its epoch, ``train_batches`` in any
chunking equals ``train_epochs``, divergence mid-epoch, changes mid-epoch, and changes the
trainer refuses leave it exactly as it was."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nnsim.core import Network, load_dataset
from nnsim.core.trainer import BatchRun, Trainer, TrainingSettings
from nnsim.core.training_data import default_network, prepare_data

IRIS = prepare_data(load_dataset("iris"))  # 105 training flowers
PLANE = prepare_data(load_dataset("plane"))  # 70 training points, regression


def _iris_trainer(**settings):
    options = dict(learning_rate=0.05, batch_size=10, seed=3) | settings
    return Trainer(default_network(IRIS, seed=1), IRIS, TrainingSettings(**options))


def test_the_trainer_says_where_it_is_in_the_epoch():
    trainer = _iris_trainer()
    assert (trainer.n_train, trainer.batches_per_epoch) == (105, 11)  # 10 batches of 10, one of 5
    assert (trainer.batch_position, trainer.examples_done, trainer.epoch) == (0, 0, 0)

    run = trainer.train_batches(3)
    assert run == BatchRun(batches=3, epochs=(), losses=())
    assert (trainer.batch_position, trainer.examples_done, trainer.epoch) == (3, 30, 0)

    run = trainer.train_batches(7)
    assert (run.batches, run.epochs) == (7, ())
    assert (trainer.batch_position, trainer.examples_done) == (10, 100)

    run = trainer.train_batches(1 + 11 + 4)  # the short last batch, one whole epoch, 4 more
    assert run.batches == 16 and run.epochs == (1, 2) and len(run.losses) == 2
    assert all(np.isfinite(run.losses))
    assert (trainer.batch_position, trainer.examples_done, trainer.epoch) == (4, 40, 2)

    assert trainer.train_batches(0) == BatchRun(0, (), ())
    assert trainer.batch_position == 4
    with pytest.raises(ValueError, match="n_batches must be a whole number >= 0"):
        trainer.train_batches(-1)


def test_a_full_batch_epoch_is_one_batch():
    trainer = _iris_trainer(batch_size=500)
    assert trainer.batches_per_epoch == 1
    run = trainer.train_batches(3)
    assert run.epochs == (1, 2, 3) and trainer.batch_position == 0 and trainer.examples_done == 0


def _chunks(total):
    """Chunk sizes (zeros allowed) that add up to ``total``."""
    cuts = st.lists(st.integers(0, total), max_size=12).map(sorted)
    return cuts.map(lambda c: [b - a for a, b in zip([0] + c, c + [total])])


@settings(max_examples=40, deadline=None)
@given(chunks=_chunks(5 * 7), optimizer=st.sampled_from(["sgd", "momentum", "adam"]))
def test_any_chunking_of_batches_gives_the_weights_of_whole_epochs(chunks, optimizer):
    options = dict(batch_size=16, optimizer=optimizer, regularization="l2", reg_rate=0.01)  # 7 batches
    whole = _iris_trainer(**options)
    losses = [whole.train_epochs(1) for _ in range(5)]

    chunked = _iris_trainer(**options)
    runs = [chunked.train_batches(n) for n in chunks]
    assert sum(r.batches for r in runs) == 35
    assert [e for r in runs for e in r.epochs] == [1, 2, 3, 4, 5]
    assert [x for r in runs for x in r.losses] == losses  # the very same floats
    assert chunked.epoch == 5 and chunked.batch_position == 0
    assert np.array_equal(chunked.network.params, whole.network.params)


def test_train_epochs_first_completes_the_epoch_under_way():
    a = _iris_trainer(optimizer="adam", learning_rate=0.01)
    a.train_batches(4)
    loss = a.train_epochs(2)  # the 7 batches left of epoch 1, then epoch 2
    assert a.epoch == 2 and a.batch_position == 0
    b = _iris_trainer(optimizer="adam", learning_rate=0.01)
    assert b.train_epochs(2) == loss
    assert np.array_equal(a.network.params, b.network.params)
    assert np.isnan(a.train_epochs(0)) and a.epoch == 2


def test_divergence_mid_epoch_restores_the_last_epochs_weights_and_abandons_the_epoch():
    # Learning rate 5 on the plane's squared error: the weights blow up within a few dozen
    # epochs; the assertion after the loop checks that a mid-epoch check found it.
    trainer = Trainer(default_network(PLANE), PLANE, TrainingSettings(learning_rate=5.0, batch_size=10,
                                                                       optimizer="momentum", momentum=0.5))
    assert trainer.batches_per_epoch == 7
    checked = trainer.network.params.copy()
    for _ in range(500):
        position, epoch = trainer.batch_position, trainer.epoch
        run = trainer.train_batches(2)
        if trainer.diverged is not None:
            break
        if trainer.batch_position == 0:
            checked = trainer.network.params.copy()  # an epoch's end: the weights kept
    else:
        pytest.fail("learning rate 5 did not diverge")
    assert 0 < position + run.batches < 7, "the test wants a divergence found mid-epoch"
    assert trainer.diverged.startswith(f"Training diverged at epoch {epoch + 1}: ")
    assert np.array_equal(trainer.network.params, checked)
    assert trainer.epoch == epoch and trainer.batch_position == 0 and trainer.examples_done == 0
    assert np.all(trainer._optimizer.velocity == 0.0)  # a fresh optimizer
    assert trainer.train_batches(5) == BatchRun(0, (), ())  # stopped until the settings change
    trainer.update_settings(learning_rate=0.01)
    assert trainer.train_batches(7).epochs == (epoch + 1,)


def test_a_new_batch_size_loss_or_network_mid_epoch_starts_the_next_epoch_fresh():
    trainer = _iris_trainer()
    trainer.train_batches(3)
    trainer.update_settings(learning_rate=0.02, optimizer="momentum", seed=9)  # keeps the place
    assert trainer.batch_position == 3
    trainer.update_settings(batch_size=20)
    assert (trainer.batch_position, trainer.epoch, trainer.batches_per_epoch) == (0, 0, 6)
    assert trainer.train_batches(6).epochs == (1,)

    trainer.train_batches(2)
    trainer.update_settings(loss="mse")
    assert (trainer.batch_position, trainer.epoch) == (0, 1)

    trainer.train_batches(2)
    trainer.replace_network(trainer.network.add_neuron(1))
    assert (trainer.batch_position, trainer.epoch) == (0, 1)
    assert trainer.train_batches(6).epochs == (2,)

    trainer.train_batches(2)
    trainer.reset()
    assert (trainer.batch_position, trainer.epoch) == (0, 0)


def _continues_like_an_untouched_twin(trainer, twin):
    """The trainer has the twin's exact state: the next batches give the same weights."""
    assert trainer.epoch == twin.epoch and trainer.batch_position == twin.batch_position
    assert trainer.settings == twin.settings
    assert np.array_equal(trainer.network.params, twin.network.params)
    a, b = trainer.train_batches(15), twin.train_batches(15)
    assert a == b and np.array_equal(trainer.network.params, twin.network.params)


def _half_trained(**settings):
    trainer = _iris_trainer(optimizer="adam", learning_rate=0.01, **settings)
    trainer.train_batches(11 + 4)
    return trainer


BAD_NETWORKS = {
    "too few inputs": Network([2, 8, 3], ["tanh", "softmax"]),
    "too few outputs": Network([4, 8, 2], ["tanh", "softmax"]),
    "an output cross-entropy cannot take": Network([4, 8, 3], ["tanh", "linear"]),
}


@pytest.mark.parametrize("change", ["replace_network", "reset"])
@pytest.mark.parametrize("bad", list(BAD_NETWORKS))
def test_a_refused_network_leaves_the_trainer_exactly_as_it_was(change, bad):
    trainer = _half_trained(loss="cross_entropy")
    before = dict(trainer.__dict__)
    with pytest.raises(ValueError):
        getattr(trainer, change)(BAD_NETWORKS[bad])
    assert trainer.__dict__.keys() == before.keys()
    assert all(trainer.__dict__[k] is v for k, v in before.items())  # the same network, buffers, optimizer
    _continues_like_an_untouched_twin(trainer, _half_trained(loss="cross_entropy"))


@pytest.mark.parametrize("changes,message", [
    ({"learning_rate": -1.0}, "learning_rate must be in"),
    ({"batch_size": 0}, "batch_size must be a whole number"),
    ({"batch_size": 20, "optimizer": "rmsprop"}, "optimizer must be one of"),
    ({"loss": "mse", "momentum": 1.5}, "momentum must be in"),
    ({"learning_rte": 0.1}, "unknown training setting 'learning_rte'"),
])
def test_refused_settings_leave_the_trainer_exactly_as_it_was(changes, message):
    trainer = _half_trained()
    before = dict(trainer.__dict__)
    with pytest.raises(ValueError, match=message):
        trainer.update_settings(**changes)
    assert all(trainer.__dict__[k] is v for k, v in before.items())
    _continues_like_an_untouched_twin(trainer, _half_trained())


def test_a_loss_the_network_cannot_take_is_refused_after_other_changes_were_checked():
    # cross-entropy needs probabilities: on a linear output it is refused, together with the
    # batch size, learning rate and optimizer asked for in the same call.
    trainer = Trainer(default_network(PLANE), PLANE, TrainingSettings(learning_rate=0.01, batch_size=10))
    trainer.train_batches(3)
    before = dict(trainer.__dict__)
    lr = trainer._optimizer.learning_rate
    with pytest.raises(ValueError, match="cross_entropy needs a softmax or sigmoid"):
        trainer.update_settings(loss="cross_entropy", batch_size=5, learning_rate=0.5, optimizer="adam")
    assert all(trainer.__dict__[k] is v for k, v in before.items())
    assert trainer._optimizer.learning_rate == lr and trainer.batch_position == 3
