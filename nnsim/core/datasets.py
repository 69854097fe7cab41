"""Data sets a class trains on: the real Iris flowers, seeded 2-D toy problems, and two
regression sets; plus the train/test split and the feature standardizer.

Everything here is plain NumPy so a notebook can use it without the window. Each set comes
back as a `Dataset` (the record, in `dataset.py`; also importable from here).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from nnsim.core.csv_loader import parse_csv_bytes
from nnsim.core.dataset import CLASSIFICATION, REGRESSION, Dataset
from nnsim.core.errors import DataError
from nnsim.core.resources import resource_path


def is_2d(ds: Dataset) -> bool:
    """True when the inputs are two numbers, so the UI can draw them (and the model) on a plane."""
    return ds.n_features == 2


# ---------------------------------------------------------------------------------------------
# Iris


IRIS_FEATURES = ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"]


def load_iris() -> Dataset:
    """Fisher's 150 Iris flowers, read from the CSV shipped inside the package.

    It goes through `load_csv`'s parser, so the shipped file is held to the same rules as a
    teacher's own file.
    """
    data = resource_path("datasets", "iris.csv").read_bytes()
    ds = parse_csv_bytes(data, source="iris.csv", target="species")
    return dataclasses.replace(
        ds, name="iris", feature_names=IRIS_FEATURES, description=DATASETS["iris"].description
    )


# ---------------------------------------------------------------------------------------------
# 2-D classification generators. Each lays its points in about [-1.5, 1.5]^2, gives every class
# the same number of points (give or take one), and shuffles the rows so no batch is one class.


def _class_sizes(n_samples: int, n_classes: int) -> np.ndarray:
    """Balanced class sizes that add up to n_samples; the first classes take the remainder."""
    sizes = np.full(n_classes, n_samples // n_classes)
    sizes[: n_samples % n_classes] += 1
    return sizes


def _labels(n_samples: int, n_classes: int) -> np.ndarray:
    return np.repeat(np.arange(n_classes), _class_sizes(n_samples, n_classes))


def _xor(n, noise, rng, **_):
    """Class 1 where x1 and x2 have different signs: no straight line separates it."""
    y = _labels(n, 2)
    s1 = rng.choice([-1.0, 1.0], size=n)
    s2 = np.where(y == 1, -s1, s1)
    X = np.column_stack([s1, s2]) * rng.uniform(0.1, 1.0, size=(n, 2))
    return X + noise * rng.standard_normal((n, 2)), y


def _circles(n, noise, rng, **_):
    """Class 0 is a disc, class 1 a ring around it: the boundary is a circle."""
    y = _labels(n, 2)
    r = np.where(y == 0, rng.uniform(0.0, 0.5, n), rng.uniform(0.7, 1.0, n))
    t = rng.uniform(0.0, 2 * np.pi, n)
    X = np.column_stack([r * np.cos(t), r * np.sin(t)])
    return X + noise * rng.standard_normal((n, 2)), y


def _gaussians(n, noise, rng, n_classes=2, **_):
    """Blobs of spread `noise` with centres on a circle: the easiest set, a line will do."""
    y = _labels(n, n_classes)
    angle = np.pi / 4 + 2 * np.pi * np.arange(n_classes) / n_classes
    centres = 0.8 * np.column_stack([np.cos(angle), np.sin(angle)])
    if n_classes == 2:
        centres = np.array([[-0.6, -0.6], [0.6, 0.6]])
    return centres[y] + noise * rng.standard_normal((n, 2)), y


def _spiral(n, noise, rng, n_classes=2, **_):
    """Arms that wind around each other one and a half turns: needs a deep-ish net."""
    y = _labels(n, n_classes)
    t = rng.uniform(0.05, 1.0, n)  # distance along the arm
    theta = 3 * np.pi * t + 2 * np.pi * y / n_classes
    X = 1.2 * np.column_stack([t * np.sin(theta), t * np.cos(theta)])
    return X + noise * rng.standard_normal((n, 2)), y


def _moons(n, noise, rng, **_):
    """Two interleaved half circles."""
    y = _labels(n, 2)
    t = rng.uniform(0.0, np.pi, n)
    upper = np.column_stack([np.cos(t), np.sin(t)])
    lower = np.column_stack([1.0 - np.cos(t), 0.5 - np.sin(t)])
    X = np.where((y == 0)[:, None], upper, lower) - [0.5, 0.25]
    return X + noise * rng.standard_normal((n, 2)), y


# Regression generators.

CURVE_RANGE = (-3.0, 3.0)
PLANE_COEFFICIENTS = (2.0, -1.0, 0.5)  # y = a*x1 + b*x2 + c


def _curve(n, noise, rng, **_):
    """y = sin(x) + noise on x in [-3, 3]: a single input, a curved answer."""
    x = rng.uniform(*CURVE_RANGE, size=n)
    return x[:, None], np.sin(x) + noise * rng.standard_normal(n)


def _plane(n, noise, rng, **_):
    """y = 2*x1 - x2 + 0.5 + noise: one linear neuron can learn it exactly."""
    a, b, c = PLANE_COEFFICIENTS
    X = rng.uniform(-1.0, 1.0, size=(n, 2))
    return X, a * X[:, 0] + b * X[:, 1] + c + noise * rng.standard_normal(n)


@dataclass(frozen=True)
class DatasetInfo:
    """What the data set chooser shows, and the defaults `load_dataset` uses."""

    name: str
    title: str
    description: str
    task: str
    n_samples: int | None  # None: a fixed table (iris)
    noise: float | None
    generator: Callable | None = field(default=None, repr=False)


DATASETS: dict[str, DatasetInfo] = {
    info.name: info
    for info in [
        DatasetInfo("iris", "Iris flowers", "150 real flowers, 4 measurements, 3 species (Fisher 1936)",
                    CLASSIFICATION, None, None),
        DatasetInfo("xor", "XOR", "2-D, 2 classes in opposite corners: no single line separates them",
                    CLASSIFICATION, 200, 0.1, _xor),
        DatasetInfo("circles", "Circles", "2-D, a disc of one class inside a ring of the other",
                    CLASSIFICATION, 200, 0.05, _circles),
        DatasetInfo("gaussians", "Two blobs", "2-D, two round clouds: a straight line separates them",
                    CLASSIFICATION, 200, 0.3, _gaussians),
        DatasetInfo("spiral", "Spiral", "2-D, two arms winding around each other: the hardest",
                    CLASSIFICATION, 300, 0.05, _spiral),
        DatasetInfo("moons", "Moons", "2-D, two interleaved half circles",
                    CLASSIFICATION, 200, 0.1, _moons),
        DatasetInfo("curve", "Sine curve", "regression, 1 input: y = sin(x) + noise",
                    REGRESSION, 100, 0.1, _curve),
        DatasetInfo("plane", "Plane", "regression, 2 inputs: y = 2*x1 - x2 + 0.5 + noise",
                    REGRESSION, 100, 0.1, _plane),
    ]
}


def dataset_names() -> list[str]:
    """Built-in data set names in the order the chooser lists them."""
    return list(DATASETS)


def load_dataset(name: str, n_samples: int | None = None, noise: float | None = None,
                 seed: int = 0, n_classes: int | None = None) -> Dataset:
    """A built-in data set by name (see `DATASETS`).

    `n_samples` and `noise` default to the set's own values; `noise` is the standard deviation
    of the Gaussian jitter added to each coordinate (for `gaussians`, the spread of each blob;
    for regression sets, of the answers). The same `seed` gives the same points. `n_classes`
    applies to `gaussians` and `spiral` only. Iris is a fixed table and ignores all of these.
    """
    key = str(name).strip().lower()
    if key not in DATASETS:
        raise DataError(f"unknown data set '{name}': choose one of {', '.join(DATASETS)}")
    info = DATASETS[key]
    if info.generator is None:
        return load_iris()
    n = info.n_samples if n_samples is None else int(n_samples)
    noise = info.noise if noise is None else float(noise)
    if info.task == REGRESSION:
        k = 1
    else:
        k = 2 if n_classes is None or key not in ("gaussians", "spiral") else int(n_classes)
    if k < 1 or (info.task == CLASSIFICATION and k < 2):
        raise DataError(f"data set '{key}' needs at least 2 classes, got {k}")
    if n < 2 * k:
        raise DataError(f"data set '{key}' needs at least {2 * k} samples, got {n}")
    if not np.isfinite(noise) or noise < 0:
        raise DataError(f"noise must be a number of 0 or more, got {noise}")
    rng = np.random.default_rng(seed)
    X, y = info.generator(n, noise, rng, n_classes=k)
    order = rng.permutation(n)
    if info.task == CLASSIFICATION:
        return Dataset(X[order], y[order], ["x1", "x2"], [str(c) for c in range(k)], key,
                       description=info.description)
    features = ["x"] if X.shape[1] == 1 else ["x1", "x2"]
    return Dataset(X[order], y[order], features, [], key, REGRESSION, ["y"], info.description)


# ---------------------------------------------------------------------------------------------
# Split and standardization


def train_test_split(ds: Dataset, test_fraction: float = 0.3, seed: int = 0,
                     stratify: bool = True) -> tuple[Dataset, Dataset]:
    """Disjoint (train, test) Datasets that together hold every row once.

    With `stratify` (classification only) each class is split on its own, so both parts keep
    the class proportions and every class with two or more examples appears in both. The rows
    of each part are shuffled; the same seed gives the same split.
    """
    if not 0.0 < test_fraction < 1.0:
        raise DataError(f"the test fraction must be between 0 and 1, got {test_fraction}")
    if ds.n_samples < 2:
        raise DataError(f"data set '{ds.name}' has {ds.n_samples} example(s): too few to split")
    rng = np.random.default_rng(seed)
    if stratify and ds.is_classification:
        groups = [np.flatnonzero(ds.y == c) for c in range(len(ds.class_names))]
    else:
        groups = [np.arange(ds.n_samples)]
    test_parts, train_parts = [], []
    for idx in groups:
        idx = rng.permutation(idx)
        n_test = int(round(test_fraction * idx.size))
        if idx.size >= 2:
            n_test = min(max(n_test, 1), idx.size - 1)
        test_parts.append(idx[:n_test])
        train_parts.append(idx[n_test:])
    test = rng.permutation(np.concatenate(test_parts))
    train = rng.permutation(np.concatenate(train_parts))
    return ds.subset(train), ds.subset(test)


class Standardizer:
    """Shifts and scales each feature to mean 0, standard deviation 1.

    Fit it on the training split only, then transform both splits with the same numbers: the
    test set must not leak into what the model sees. A constant feature gets std 1 so it
    becomes 0 rather than a division by zero.
    """

    def __init__(self, mean=None, std=None) -> None:
        self.mean = None if mean is None else np.asarray(mean, dtype=np.float64).copy()
        self.std = None if std is None else np.asarray(std, dtype=np.float64).copy()

    @property
    def fitted(self) -> bool:
        return self.mean is not None

    def fit(self, X) -> "Standardizer":
        X = np.asarray(X, dtype=np.float64)
        if X.ndim != 2 or X.shape[0] == 0:
            raise DataError(f"cannot fit a standardizer on an array of shape {X.shape}")
        self.mean = X.mean(axis=0)
        std = X.std(axis=0)
        self.std = np.where(std > 0, std, 1.0)
        return self

    def _check(self, X) -> np.ndarray:
        if not self.fitted:
            raise DataError("the standardizer has not been fitted yet: call fit(X_train) first")
        X = np.asarray(X, dtype=np.float64)
        if X.shape[-1] != self.mean.shape[0]:
            raise DataError(f"the standardizer was fitted on {self.mean.shape[0]} features, got {X.shape[-1]}")
        return X

    def transform(self, X) -> np.ndarray:
        """A new array (X - mean) / std; X is left as it was."""
        return (self._check(X) - self.mean) / self.std

    def inverse_transform(self, Z) -> np.ndarray:
        return self._check(Z) * self.std + self.mean

    def fit_transform(self, X) -> np.ndarray:
        return self.fit(X).transform(X)

    def transform_dataset(self, ds: Dataset) -> Dataset:
        """The same Dataset with standardized inputs."""
        return dataclasses.replace(ds, X=self.transform(ds.X))

    def to_dict(self) -> dict:
        """Plain lists, so a saved model file can carry the scaling it was trained with."""
        if not self.fitted:
            return {"mean": None, "std": None}
        return {"mean": self.mean.tolist(), "std": self.std.tolist()}

    @classmethod
    def from_dict(cls, d: dict) -> "Standardizer":
        try:
            mean, std = d["mean"], d["std"]
        except (KeyError, TypeError):
            raise DataError("standardizer data needs 'mean' and 'std'") from None
        if mean is None or std is None:
            return cls()
        mean = np.asarray(mean, dtype=np.float64)
        std = np.asarray(std, dtype=np.float64)
        if mean.ndim != 1 or mean.shape != std.shape or not (np.all(np.isfinite(std)) and np.all(std > 0)):
            raise DataError("standardizer data: 'mean' and 'std' must be lists of the same length, std > 0")
        return cls(mean, std)
