"""One update at a time, the readable way: ``Trainer.step_example`` and ``step_batch``.

What a class is shown must be what training did: with plain SGD every weight moves by
exactly -η times the gradient the update reports, that gradient is the true one (central
finite differences), and the epoch's bookkeeping (which example is next, when the epoch
ends) agrees with fast training.
"""

import numpy as np
import pytest

from nnsim.core import load_dataset, losses
from nnsim.core.addresses import bias_index, weight_index
from nnsim.core.trainer import Trainer, TrainingSettings
from nnsim.core.training_data import default_network, prepare_data

from tests.core.conftest import central_differences

IRIS = prepare_data(load_dataset("iris"))  # 105 training flowers
PLANE = prepare_data(load_dataset("plane"))  # regression


def _trainer(data=IRIS, **settings):
    options = dict(learning_rate=0.1, batch_size=10, seed=3) | settings
    return Trainer(default_network(data, seed=1), data, TrainingSettings(**options))


def test_an_example_step_moves_every_weight_by_minus_eta_times_the_true_gradient():
    trainer = _trainer()
    net = trainer.network
    before = net.params.copy()
    update = trainer.step_example()
    row = int(update.rows[0])
    X, Y = IRIS.X_train[row : row + 1], trainer._Y[row : row + 1]

    def loss_of_that_example():
        return losses.value(trainer.loss, net.activations[-1], net.trace(X).zs[-1], net.forward(X), Y)

    probe = net.copy()
    probe.params[...] = before
    net_backup = net.params.copy()
    net.params[...] = before
    numeric = central_differences(loss_of_that_example, net.params)
    net.params[...] = net_backup
    assert np.allclose(update.gradient, numeric, rtol=1e-5, atol=1e-8)
    assert update.plain
    np.testing.assert_array_equal(update.before, before)
    np.testing.assert_array_equal(update.after, net.params)
    # after - before is -η·g up to the rounding of one subtraction per weight
    assert np.allclose(update.applied, -0.1 * update.gradient, rtol=1e-12, atol=4e-16)
    assert (update.kind, update.n_examples, update.in_order) == ("example", 1, True)
    np.testing.assert_array_equal(update.inputs, X)


def test_the_reported_gradient_is_x_times_delta_for_each_weight():
    trainer = _trainer()
    update = trainer.step_example()
    bp, sizes = update.backprop, trainer.network.layer_sizes
    for l in range(len(sizes) - 1):
        for i in range(sizes[l]):
            for j in range(sizes[l + 1]):
                x, delta = bp.activations[l][0, i], bp.deltas[l][0, j]
                assert update.gradient[weight_index(sizes, l, i, j)] == pytest.approx(x * delta, rel=1e-12, abs=1e-300)
        for j in range(sizes[l + 1]):
            assert update.gradient[bias_index(sizes, l, j)] == bp.deltas[l][0, j]


def test_example_steps_walk_the_epoch_in_order_and_hand_over_to_fast_batches():
    trainer = _trainer()
    first = trainer.step_example()
    assert trainer.examples_done == 1 and trainer.batch_position == 0
    upcoming = trainer.next_rows()
    assert len(upcoming) == 9  # the rest of the first batch of 10
    second = trainer.step_example()
    assert second.rows[0] == upcoming[0] and second.rows[0] != first.rows[0]
    for _ in range(9):
        trainer.step_example()
    assert (trainer.examples_done, trainer.batch_position) == (11, 1)
    rest = trainer.next_rows()
    update, run = trainer.step_batch()  # the rest of the second batch
    np.testing.assert_array_equal(update.rows, rest)
    assert (run.batches, trainer.examples_done, trainer.batch_position) == (1, 20, 2)
    trainer.step_example()
    run = trainer.train_batches(9)  # the rest of batch 3, then batches 4..11: the epoch ends
    assert run.epochs == (1,) and trainer.examples_done == 0 and trainer.epoch == 1
    assert np.isfinite(run.losses[0])


def test_a_whole_epoch_of_example_steps_equals_fast_training_with_batches_of_one():
    readable, fast = _trainer(batch_size=1), _trainer(batch_size=1)
    epochs, rows = [], []
    for _ in range(105):
        update = readable.step_example()
        rows.append(int(update.rows[0]))
    assert sorted(rows) == list(range(105))  # every example once
    assert readable.epoch == 1 and readable.examples_done == 0
    loss = fast.train_epochs(1)
    assert np.allclose(readable.network.params, fast.network.params, rtol=1e-9, atol=1e-12)
    assert fast.epoch == 1 and np.isfinite(loss)


def test_a_chosen_example_is_trained_outside_the_epochs_order():
    trainer = _trainer()
    trainer.step_example()
    upcoming = trainer.next_rows()
    update = trainer.step_example(row=7)
    assert (update.rows.tolist(), update.in_order) == ([7], False)
    np.testing.assert_array_equal(update.inputs, IRIS.X_train[7:8])
    assert trainer.examples_done == 1  # the epoch did not move
    np.testing.assert_array_equal(trainer.next_rows(), upcoming)
    with pytest.raises(ValueError, match="105 training examples"):
        trainer.step_example(row=105)


def test_a_batch_step_reports_the_batch_mean_gradient():
    trainer = _trainer()
    net_before = trainer.network.copy()
    update, run = trainer.step_batch()
    assert run.batches == 1 and update.n_examples == 10 and update.kind == "batch"
    Y = IRIS.targets("train", 3)[update.rows]
    _, dW, db = net_before.loss_and_gradients(IRIS.X_train[update.rows], Y, trainer.loss)
    flat = np.concatenate([np.concatenate([w.ravel(), b]) for w, b in zip(dW, db)])
    assert np.allclose(update.gradient, flat, rtol=1e-12, atol=1e-15)
    assert np.allclose(update.applied, -0.1 * update.gradient, rtol=1e-12, atol=4e-16)


@pytest.mark.parametrize("options", [dict(optimizer="momentum"), dict(optimizer="adam"),
                                     dict(regularization="l2", reg_rate=0.1),
                                     dict(regularization="l1", reg_rate=0.1)])
def test_other_optimizers_and_penalties_report_the_change_they_really_applied(options):
    trainer = _trainer(**options)
    for _ in range(3):  # let the optimizer build up memory
        update = trainer.step_example()
    assert not update.plain
    np.testing.assert_array_equal(update.applied, update.after - update.before)
    assert not np.allclose(update.applied, update.sgd_change)


def test_regression_data_and_a_full_batch_work_too():
    trainer = _trainer(PLANE, batch_size=10_000)
    update = trainer.step_example()
    assert trainer.examples_done == 1 and len(trainer.next_rows()) == trainer.n_train - 1
    update, run = trainer.step_batch()
    assert update.n_examples == trainer.n_train - 1 and run.epochs == (1,)


def test_a_diverging_example_step_keeps_the_last_good_weights():
    trainer = _trainer(PLANE, learning_rate=1e300)  # squared error on a linear output blows up
    good = trainer.network.params.copy()
    for _ in range(5):
        if trainer.step_example() is None:
            break
    assert trainer.diverged is not None
    np.testing.assert_array_equal(trainer.network.params, good)
    assert trainer.step_example() is None and trainer.step_batch()[0] is None
    assert trainer.examples_done == 0


def test_update_records_are_read_only():
    update = _trainer().step_example()
    for array in (update.gradient, update.before, update.after, update.applied, update.inputs,
                  update.backprop.deltas[0], update.backprop.activations[1]):
        with pytest.raises(ValueError):
            array[...] = 0
