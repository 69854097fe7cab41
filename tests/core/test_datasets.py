"""Built-in data sets, the split and the standardizer."""

import json

import numpy as np
import pytest

from nnsim.core.datasets import (
    DATASETS,
    Dataset,
    Standardizer,
    dataset_names,
    is_2d,
    load_dataset,
    train_test_split,
)
from nnsim.core.errors import DataError

GENERATED_2D = ["xor", "circles", "gaussians", "spiral", "moons"]
REGRESSION_SETS = ["curve", "plane"]


def test_names_are_listed_with_descriptions():
    names = dataset_names()
    assert names[0] == "iris"
    assert set(GENERATED_2D + REGRESSION_SETS) <= set(names)
    assert all(DATASETS[n].description for n in names)


def test_iris_is_fishers_table():
    ds = load_dataset("iris")
    assert ds.X.shape == (150, 4) and ds.X.dtype == np.float64
    assert ds.y.shape == (150,) and ds.y.dtype.kind == "i"
    assert ds.class_names == ["setosa", "versicolor", "virginica"]
    assert ds.feature_names == ["sepal length (cm)", "sepal width (cm)",
                                "petal length (cm)", "petal width (cm)"]
    assert ds.class_counts().tolist() == [50, 50, 50]
    np.testing.assert_allclose(ds.X.mean(axis=0), [5.8433, 3.0573, 3.758, 1.1993], atol=5e-4)
    # Per-species petal length means from Fisher's paper.
    np.testing.assert_allclose([ds.X[ds.y == k, 2].mean() for k in range(3)], [1.462, 4.260, 5.552])
    assert ds.task == "classification" and ds.n_features == 4 and ds.n_outputs == 3
    assert not is_2d(ds)


@pytest.mark.parametrize("name", GENERATED_2D)
def test_2d_generators_shapes_balance_and_names(name):
    ds = load_dataset(name, n_samples=101, noise=0.1, seed=3)
    assert ds.X.shape == (101, 2) and ds.y.shape == (101,)
    assert np.all(np.isfinite(ds.X))
    assert ds.feature_names == ["x1", "x2"] and ds.class_names == ["0", "1"]
    assert is_2d(ds) and ds.task == "classification" and ds.n_outputs == 2
    counts = ds.class_counts()
    assert counts.sum() == 101 and counts.max() - counts.min() <= 1
    assert np.abs(ds.X).max() < 3  # a plot can use a fixed, small box
    # Rows are shuffled: the first half is not all one class.
    assert len(set(ds.y[:20].tolist())) == 2


@pytest.mark.parametrize("name", GENERATED_2D + REGRESSION_SETS)
def test_generators_reproducible_by_seed_and_change_with_seed(name):
    a = load_dataset(name, seed=1)
    b = load_dataset(name, seed=1)
    c = load_dataset(name, seed=2)
    np.testing.assert_array_equal(a.X, b.X)
    np.testing.assert_array_equal(a.y, b.y)
    assert not np.array_equal(a.X, c.X)


@pytest.mark.parametrize("name", GENERATED_2D + REGRESSION_SETS)
def test_noise_zero_and_defaults(name):
    ds = load_dataset(name, noise=0.0)
    assert ds.n_samples == DATASETS[name].n_samples
    assert np.all(np.isfinite(ds.X))


def test_noise_moves_points():
    clean = load_dataset("circles", noise=0.0, seed=5)
    noisy = load_dataset("circles", noise=0.2, seed=5)
    r_clean = np.hypot(*clean.X.T)
    assert r_clean[clean.y == 0].max() <= 0.5 and r_clean[clean.y == 1].min() >= 0.7
    assert not np.allclose(clean.X, noisy.X)


@pytest.mark.parametrize("name", ["spiral", "gaussians"])
def test_more_classes(name):
    ds = load_dataset(name, n_samples=90, n_classes=3)
    assert ds.class_names == ["0", "1", "2"] and ds.class_counts().tolist() == [30, 30, 30]


def test_curve_and_plane_are_regression():
    curve = load_dataset("curve", n_samples=50, noise=0.0)
    assert curve.X.shape == (50, 1) and curve.y.shape == (50,)
    assert curve.task == "regression" and curve.class_names == [] and curve.n_outputs == 1
    np.testing.assert_allclose(curve.y, np.sin(curve.X[:, 0]))
    plane = load_dataset("plane", n_samples=40, noise=0.0)
    assert plane.X.shape == (40, 2) and is_2d(plane)
    np.testing.assert_allclose(plane.y, 2 * plane.X[:, 0] - plane.X[:, 1] + 0.5)
    assert plane.targets().shape == (40, 1)


def test_bad_arguments_raise_dataerror():
    with pytest.raises(DataError, match="unknown data set 'nope'"):
        load_dataset("nope")
    with pytest.raises(DataError, match="at least"):
        load_dataset("xor", n_samples=1)
    with pytest.raises(DataError, match="noise"):
        load_dataset("xor", noise=-1)


def test_one_hot_and_targets():
    ds = load_dataset("iris")
    Y = ds.one_hot()
    assert Y.shape == (150, 3)
    np.testing.assert_array_equal(Y.sum(axis=1), 1)
    np.testing.assert_array_equal(Y.argmax(axis=1), ds.y)
    np.testing.assert_array_equal(ds.targets(), Y)
    with pytest.raises(DataError):
        load_dataset("curve").one_hot()


def test_dataset_never_changes_callers_arrays_and_is_read_only():
    X = np.array([[1.0, 2.0], [3.0, 4.0]])
    y = np.array([0, 1])
    ds = Dataset(X, y, ["a", "b"], ["no", "yes"])
    X[0, 0] = 99.0
    assert ds.X[0, 0] == 1.0
    with pytest.raises(ValueError):
        ds.X[0, 0] = 5.0
    Y = ds.one_hot()
    Y[0, 0] = 7.0  # the caller's copy
    assert ds.one_hot()[0, 0] == 1.0


def test_dataset_checks_consistency():
    with pytest.raises(DataError):
        Dataset(np.zeros((3, 2)), np.zeros(2, dtype=int), ["a", "b"], ["x", "y"])
    with pytest.raises(DataError):
        Dataset(np.zeros((2, 2)), np.array([0, 2]), ["a", "b"], ["x", "y"])
    with pytest.raises(DataError):
        Dataset(np.zeros((2, 2)), np.array([0, 1]), ["a"], ["x", "y"])


@pytest.mark.parametrize("seed", [0, 1, 7])
def test_split_is_stratified_disjoint_and_complete(seed):
    ds = load_dataset("iris")
    # Tag each row so we can see which rows went where.
    tagged = Dataset(np.column_stack([ds.X, np.arange(150)]), ds.y,
                     ds.feature_names + ["row"], ds.class_names)
    train, test = train_test_split(tagged, test_fraction=0.3, seed=seed)
    assert train.n_samples == 105 and test.n_samples == 45
    assert test.class_counts().tolist() == [15, 15, 15]
    assert train.class_counts().tolist() == [35, 35, 35]
    rows_train, rows_test = train.X[:, -1].astype(int), test.X[:, -1].astype(int)
    assert set(rows_train).isdisjoint(rows_test)
    assert sorted(np.concatenate([rows_train, rows_test]).tolist()) == list(range(150))
    np.testing.assert_array_equal(train.y, ds.y[rows_train])
    assert train.class_names == ds.class_names and test.feature_names == tagged.feature_names


def test_split_reproducible_and_seeded():
    ds = load_dataset("moons")
    a, _ = train_test_split(ds, seed=4)
    b, _ = train_test_split(ds, seed=4)
    c, _ = train_test_split(ds, seed=5)
    np.testing.assert_array_equal(a.X, b.X)
    assert not np.array_equal(a.X, c.X)


def test_split_regression_and_unstratified():
    ds = load_dataset("curve", n_samples=100)
    train, test = train_test_split(ds, test_fraction=0.25)
    assert (train.n_samples, test.n_samples) == (75, 25)
    assert train.task == "regression"
    train, test = train_test_split(load_dataset("xor", n_samples=100), test_fraction=0.2, stratify=False)
    assert (train.n_samples, test.n_samples) == (80, 20)
    with pytest.raises(DataError, match="between 0 and 1"):
        train_test_split(ds, test_fraction=1.0)


def test_standardizer_on_train_split():
    train, test = train_test_split(load_dataset("iris"), seed=0)
    scaler = Standardizer().fit(train.X)
    Z = scaler.transform(train.X)
    np.testing.assert_allclose(Z.mean(axis=0), 0, atol=1e-12)
    np.testing.assert_allclose(Z.std(axis=0), 1, atol=1e-12)
    assert not np.shares_memory(Z, train.X)
    np.testing.assert_allclose(scaler.inverse_transform(scaler.transform(test.X)), test.X)
    # The test split is scaled with the training numbers, so its mean is near but not exactly 0.
    assert np.abs(scaler.transform(test.X).mean(axis=0)).max() < 0.5
    std_ds = scaler.transform_dataset(test)
    assert std_ds.class_names == test.class_names and std_ds.X.shape == test.X.shape


def test_standardizer_constant_column_and_round_trip():
    X = np.array([[1.0, 5.0], [3.0, 5.0], [5.0, 5.0]])
    before = X.copy()
    scaler = Standardizer().fit(X)
    np.testing.assert_array_equal(X, before)
    assert scaler.std.tolist() == [pytest.approx(np.std([1, 3, 5])), 1.0]
    np.testing.assert_allclose(scaler.transform(X)[:, 1], 0)
    d = json.loads(json.dumps(scaler.to_dict()))
    again = Standardizer.from_dict(d)
    np.testing.assert_array_equal(again.mean, scaler.mean)
    np.testing.assert_array_equal(again.std, scaler.std)
    np.testing.assert_array_equal(again.transform(X), scaler.transform(X))


def test_standardizer_errors():
    with pytest.raises(DataError, match="not been fitted"):
        Standardizer().transform(np.zeros((2, 2)))
    with pytest.raises(DataError, match="2 features"):
        Standardizer().fit(np.zeros((3, 2))).transform(np.zeros((3, 3)))
    with pytest.raises(DataError):
        Standardizer.from_dict({"mean": [0.0], "std": [0.0]})
