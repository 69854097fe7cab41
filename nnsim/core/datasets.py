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

    Any finite column works, from the smallest float (5e-324) to the largest (1.7e308). The
    textbook ``(x - mean) / std`` overflows up there: the variance squares the values (6e300²
    is far past the largest float, 1.8e308, so every feature of 0..6e300 came out 0), and even
    ``x - mean`` overflows for a column that holds both -1.7e308 and 1.7e308. So each column
    is first brought to magnitudes below 1 by an exact power of two, ``s = x · 2^-e`` with
    ``2^e`` just above the column's largest magnitude. Multiplying by a power of two only
    changes the float's exponent, so it loses nothing (but the last digits of values some
    1e308 times smaller than the column's largest, which move no standardized value), and
    ``(x - mean) / std = (s - mean_s) / std_s`` since the ``2^e`` cancels. The statistics of
    ``s``, all within [-1, 1], cannot overflow.

    The mean of ``s`` is kept in two parts, ``centre + offset``: ``centre`` the nearest
    float, ``offset`` what that rounding lost. For a column whose values differ only in their
    last digits (1, 1.0000000000000002) the true mean lies between two floats, and
    subtracting the nearest one would leave every standardized value off by up to half the
    spread; subtracting the tiny ``offset`` afterwards puts them right (to -1 and 1). It is
    found as the mean of the deviations from a first computed mean: small numbers, so their
    mean is accurate to far below the last digit of ``centre``.
    """

    def __init__(self, mean=None, std=None) -> None:
        self._exponent = self._centre = self._offset = self._spread = None
        if mean is None or std is None:
            return
        mean = np.asarray(mean, dtype=np.float64).copy()
        std = np.asarray(std, dtype=np.float64).copy()
        # From given numbers: the power of two of the larger of |mean| and std (both finite).
        self._exponent = np.frexp(np.maximum(np.abs(mean), std))[1]
        self._centre = np.ldexp(mean, -self._exponent)
        self._offset = np.zeros_like(mean)
        self._spread = np.ldexp(std, -self._exponent)

    @property
    def fitted(self) -> bool:
        return self._exponent is not None

    @property
    def mean(self) -> np.ndarray | None:
        """Each feature's mean, in its own units (a new array)."""
        if not self.fitted:
            return None
        return np.ldexp(self._centre + self._offset, self._exponent)

    @property
    def std(self) -> np.ndarray | None:
        """Each feature's standard deviation (1 for a constant one), in its own units.

        Like ``mean``, a plain float: for a column below 2.2e-308 it has few digits left, or
        none (0). ``transform`` does not use it: it works on the scaled values, exactly.
        """
        if not self.fitted:
            return None
        return np.ldexp(self._spread, self._exponent)

    def fit(self, X, names=None) -> "Standardizer":
        """Learn each column's mean and spread from ``X`` (n, d).

        Every finite column can be standardized; one holding NaN or infinity raises
        ``DataError`` naming it (``names``: the feature names, else "column 1", "column 2"...).
        """
        X = np.asarray(X, dtype=np.float64)
        if X.ndim != 2 or X.shape[0] == 0:
            raise DataError(f"cannot fit a standardizer on an array of shape {X.shape}")
        largest = np.abs(X).max(axis=0)
        for j in np.flatnonzero(~np.isfinite(largest)):
            name = f"'{names[j]}'" if names is not None else f"column {j + 1}"
            raise DataError(f"feature {name} holds a value that is not a finite number (NaN or infinity)")
        # frexp: largest = f · 2^e with 0.5 <= f < 1, so |s| < 1 (an all-zero column: e = 0).
        # This works below 2.2e-308 too, where floats lose digits (5e-324 is 2^-1074): there
        # ldexp lifts them back to full-precision numbers near 1, exactly.
        exponent = np.frexp(largest)[1]
        S = np.ldexp(X, -exponent)
        centre = S.mean(axis=0)
        D = S - centre  # the deviations: at most 2 in size
        offset = D.mean(axis=0)
        D -= offset
        spread = np.sqrt(np.mean(D * D, axis=0))  # the population std (ddof 0), as np.std
        # Fold the offset into the centre (the mean as near as a float gets) and keep only
        # what that rounding lost, exactly (Fast2Sum: |offset| <= |centre| or centre = 0),
        # and only where it matters: below 2^-54 of the spread it moves no standardized
        # value by as much as its own rounding. (So ``to_dict``, the mean and std as floats,
        # gives the transform back to about 1e-16 of mean / std, and exactly when the mean
        # is itself a float, as for most columns of small numbers.)
        mean = centre + offset
        residual = offset - (mean - centre)
        residual[np.abs(residual) <= np.ldexp(spread, -54)] = 0.0
        # A constant column: std 1 in its own units (it then standardizes to 0 whatever the
        # std); at most 2^1023 in scaled ones, so a constant below 1.1e-308 gets a tiny std.
        constant = spread == 0
        spread[constant] = np.ldexp(1.0, np.minimum(-exponent[constant], 1023))
        self._exponent, self._centre, self._offset, self._spread = exponent, mean, residual, spread
        return self

    def _check(self, X) -> np.ndarray:
        if not self.fitted:
            raise DataError("the standardizer has not been fitted yet: call fit(X_train) first")
        X = np.asarray(X, dtype=np.float64)
        if X.shape[-1] != self._exponent.shape[0]:
            raise DataError(f"the standardizer was fitted on {self._exponent.shape[0]} features, got {X.shape[-1]}")
        return X

    def transform(self, X) -> np.ndarray:
        """A new array ``(X - mean) / std``, computed as the fit was; X is left as it was.

        Every training value comes out finite. A new value far outside the training range
        can still give an infinite one (1e308 where the training data went up to 1: its
        standardized value is beyond every float).
        """
        X = self._check(X)
        with np.errstate(over="ignore"):
            Z = np.ldexp(X, -self._exponent)
            Z -= self._centre
            Z -= self._offset
            Z /= self._spread
        return Z

    def inverse_transform(self, Z) -> np.ndarray:
        """Standardized values back to the features' own units."""
        Z = self._check(Z)
        S = Z * self._spread + self._offset + self._centre
        with np.errstate(over="ignore"):
            X = np.ldexp(S, self._exponent)
        # |S| <= 1 is within the column's largest magnitude, so finite in truth: a 1.7976e308
        # whose scaled 0.99999999999999989 came back rounded up to 1 is the largest float,
        # not 2^1024 = inf.
        top = np.finfo(np.float64).max
        return np.where(np.abs(S) <= 1.0, np.clip(X, -top, top), X)

    def fit_transform(self, X, names=None) -> np.ndarray:
        return self.fit(X, names).transform(X)

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
        if (mean.ndim != 1 or mean.shape != std.shape or not np.all(np.isfinite(mean))
                or not (np.all(np.isfinite(std)) and np.all(std > 0))):
            raise DataError("standardizer data: 'mean' and 'std' must be lists of finite numbers "
                            "of the same length, std > 0")
        return cls(mean, std)
