"""Preparing a data set for training: stratified split, standardization, targets, defaults."""

import numpy as np
import pytest

from nnsim.core import Dataset, load_dataset
from nnsim.core.training_data import default_loss, default_network, prepare_data


@pytest.fixture(scope="module")
def iris():
    return load_dataset("iris")


def test_iris_split_is_stratified_disjoint_and_complete(iris):
    data = prepare_data(iris, test_fraction=0.3, seed=0)
    assert data.X_train.shape == (105, 4) and data.X_test.shape == (45, 4)
    assert np.bincount(data.y_test).tolist() == [15, 15, 15]
    assert np.bincount(data.y_train).tolist() == [35, 35, 35]
    both = np.concatenate([data.train_index, data.test_index])
    assert sorted(both.tolist()) == list(range(150))
    assert np.array_equal(data.y_train, iris.y[data.train_index])
    assert np.array_equal(data.y_test, iris.y[data.test_index])


def test_standardizer_is_fitted_on_the_training_part_only(iris):
    data = prepare_data(iris, seed=0)
    np.testing.assert_allclose(data.X_train.mean(axis=0), 0.0, atol=1e-12)
    np.testing.assert_allclose(data.X_train.std(axis=0), 1.0, atol=1e-12)
    raw_train = iris.X[data.train_index]
    np.testing.assert_allclose(data.standardizer.mean, raw_train.mean(axis=0))
    np.testing.assert_allclose(data.X_test, data.transform(iris.X[data.test_index]))
    assert not np.allclose(data.X_test.mean(axis=0), 0.0, atol=1e-3)  # the test part did not leak in


def test_same_seed_same_split_other_seed_other_split(iris):
    a, b, c = prepare_data(iris, seed=3), prepare_data(iris, seed=3), prepare_data(iris, seed=4)
    assert np.array_equal(a.train_index, b.train_index)
    assert not np.array_equal(a.train_index, c.train_index)


def test_preparing_does_not_modify_the_dataset_and_parts_are_read_only(iris):
    before = iris.X.copy()
    data = prepare_data(iris)
    assert np.array_equal(iris.X, before)
    with pytest.raises(ValueError):
        data.X_train[0, 0] = 1.0
    X = iris.X[:3].copy()
    data.transform(X)
    assert np.array_equal(X, iris.X[:3])


def test_one_hot_targets(iris):
    data = prepare_data(iris)
    Y = data.targets("train", 3)
    assert Y.shape == (105, 3)
    assert np.array_equal(Y.argmax(axis=1), data.y_train)
    assert np.all(Y.sum(axis=1) == 1.0)
    assert data.targets("all").shape == (150, 3)


def test_two_classes_and_one_sigmoid_output_give_a_0_1_column():
    data = prepare_data(load_dataset("xor"))
    Y = data.targets("train", 1)
    assert Y.shape == (data.y_train.size, 1)
    assert np.array_equal(Y[:, 0], data.y_train)
    assert data.targets("test", 2).shape == (data.y_test.size, 2)


def test_wrong_number_of_outputs_is_refused_with_a_message(iris):
    data = prepare_data(iris)
    with pytest.raises(ValueError, match="2 output.*3 classes"):
        data.targets("train", 2)
    with pytest.raises(ValueError, match="unknown split"):
        data.targets("validation", 3)


def test_regression_targets_are_columns():
    data = prepare_data(load_dataset("curve"))
    assert not data.is_classification
    Y = data.targets("train", 1)
    assert Y.shape == (data.y_train.size, 1)
    np.testing.assert_array_equal(Y[:, 0], data.y_train)
    with pytest.raises(ValueError, match="2 output.*1 target"):
        data.targets("train", 2)


def test_no_test_part_when_test_fraction_is_zero(iris):
    data = prepare_data(iris, test_fraction=0)
    assert data.X_train.shape == (150, 4) and data.X_test.shape == (0, 4)


def test_without_standardizing_the_network_sees_raw_values(iris):
    data = prepare_data(iris, standardize=False)
    np.testing.assert_array_equal(data.X_train, iris.X[data.train_index])
    np.testing.assert_array_equal(data.transform(iris.X), iris.X)


def test_default_networks(iris):
    net = default_network(prepare_data(iris))
    assert net.layer_sizes == [4, 8, 8, 3]
    assert net.activations == ["tanh", "tanh", "softmax"]
    assert default_loss(net) == "cross_entropy"

    spiral = prepare_data(load_dataset("spiral", n_classes=3))
    net = default_network(spiral)
    assert net.layer_sizes == [2, 8, 8, 3] and net.activations[-1] == "softmax"

    plane = default_network(prepare_data(load_dataset("plane")))
    assert plane.layer_sizes == [2, 8, 8, 1]
    assert plane.activations == ["tanh", "tanh", "linear"]
    assert default_loss(plane) == "mse"


def test_default_network_is_seeded(iris):
    data = prepare_data(iris)
    assert default_network(data, seed=1) == default_network(data, seed=1)
    assert default_network(data, seed=1) != default_network(data, seed=2)


def test_a_users_two_class_table():
    ds = Dataset(np.arange(20.0).reshape(10, 2), np.array([0, 1] * 5), ["a", "b"], ["no", "yes"], "mine")
    data = prepare_data(ds, test_fraction=0.2, seed=0)
    assert np.bincount(data.y_test).tolist() == [1, 1]
    assert default_network(data).layer_sizes == [2, 8, 8, 2]
