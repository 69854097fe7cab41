"""The `Dataset` record: examples to learn from and their known answers.

Its own module because everything that makes data sets needs it (the built-in sets in
`datasets.py`, a teacher's CSV file in `csv_loader.py`) and each of those stays free to
use the others. A `Dataset` never changes after it is built (its arrays are read-only
copies), so a snapshot, a plot and the trainer can all hold the same one without anyone's
view shifting under them.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import numpy as np

from nnsim.core.arrays import frozen_copy
from nnsim.core.errors import DataError

CLASSIFICATION = "classification"
REGRESSION = "regression"


@dataclass(frozen=True, eq=False)
class Dataset:
    """Examples to learn from: inputs `X` (n, d) and the known answers `y`.

    For classification `y` holds class indices (n,) into `class_names`; for regression it
    holds float targets, (n,) or (n, k), named by `target_names`. `task` defaults to
    classification when `class_names` is given, regression otherwise. `source_encoding` is
    the codec a table read from a file was decoded with ("utf-8", "utf-8-sig", "utf-16-le",
    "utf-16-be", "cp1252"; see `csv_loader`), "" for data not read from a text file.
    """

    X: np.ndarray
    y: np.ndarray
    feature_names: list[str]
    class_names: list[str] = field(default_factory=list)
    name: str = ""
    task: str = ""
    target_names: list[str] = field(default_factory=list)
    description: str = ""
    source_encoding: str = ""

    def __post_init__(self) -> None:
        X = np.asarray(self.X, dtype=np.float64)
        if X.ndim != 2:
            raise DataError(f"data set '{self.name}': X must be a table (n, d), got shape {X.shape}")
        if not np.all(np.isfinite(X)):
            raise DataError(f"data set '{self.name}': X contains NaN or infinity")
        task = self.task or (CLASSIFICATION if self.class_names else REGRESSION)
        if task not in (CLASSIFICATION, REGRESSION):
            raise DataError(f"unknown task '{task}': use 'classification' or 'regression'")
        if task == CLASSIFICATION:
            y = np.asarray(self.y)
            if y.ndim != 1 or (y.size and not np.all(np.equal(np.mod(y, 1), 0))):
                raise DataError(f"data set '{self.name}': class labels must be whole numbers (n,)")
            y = y.astype(np.int64)
            k = len(self.class_names)
            if y.size and (y.min() < 0 or y.max() >= k):
                raise DataError(f"data set '{self.name}': a class index is outside 0..{k - 1}")
            target_names: list[str] = []
        else:
            y = np.asarray(self.y, dtype=np.float64)
            if y.ndim not in (1, 2) or not np.all(np.isfinite(y)):
                raise DataError(f"data set '{self.name}': targets must be finite numbers (n,) or (n, k)")
            k = 1 if y.ndim == 1 else y.shape[1]
            target_names = list(self.target_names) or (["y"] if k == 1 else [f"y{i + 1}" for i in range(k)])
            if len(target_names) != k:
                raise DataError(f"data set '{self.name}': {k} target columns but {len(target_names)} names")
        if y.shape[0] != X.shape[0]:
            raise DataError(f"data set '{self.name}': {X.shape[0]} inputs but {y.shape[0]} answers")
        if len(self.feature_names) != X.shape[1]:
            raise DataError(f"data set '{self.name}': {X.shape[1]} features but {len(self.feature_names)} names")
        # frozen=True: assign through object.__setattr__, once, at construction.
        object.__setattr__(self, "X", frozen_copy(X))
        object.__setattr__(self, "y", frozen_copy(y))
        object.__setattr__(self, "feature_names", [str(s) for s in self.feature_names])
        object.__setattr__(self, "class_names", [str(s) for s in self.class_names] if task == CLASSIFICATION else [])
        object.__setattr__(self, "target_names", target_names)
        object.__setattr__(self, "task", task)

    @property
    def n_samples(self) -> int:
        return int(self.X.shape[0])

    @property
    def n_features(self) -> int:
        return int(self.X.shape[1])

    @property
    def n_outputs(self) -> int:
        """Output nodes a network needs: one per class, or one per regression target."""
        if self.task == CLASSIFICATION:
            return len(self.class_names)
        return 1 if self.y.ndim == 1 else int(self.y.shape[1])

    @property
    def is_classification(self) -> bool:
        return self.task == CLASSIFICATION

    def one_hot(self) -> np.ndarray:
        """(n, n_classes) float matrix with a 1 in each row's class column."""
        if self.task != CLASSIFICATION:
            raise DataError(f"data set '{self.name}' is a regression set: it has no classes to one-hot")
        Y = np.zeros((self.n_samples, len(self.class_names)))
        Y[np.arange(self.n_samples), self.y] = 1.0
        return Y

    def targets(self) -> np.ndarray:
        """The Y matrix a network trains on, (n, n_outputs): one-hot classes or the targets."""
        if self.task == CLASSIFICATION:
            return self.one_hot()
        return np.array(self.y.reshape(self.n_samples, -1), dtype=np.float64)

    def subset(self, indices) -> "Dataset":
        """The rows at `indices` (in that order) as a new Dataset with the same names."""
        idx = np.asarray(indices, dtype=np.int64)
        return dataclasses.replace(self, X=self.X[idx], y=self.y[idx])

    def class_counts(self) -> np.ndarray:
        """How many examples each class has (empty for regression)."""
        if self.task != CLASSIFICATION:
            return np.zeros(0, dtype=np.int64)
        return np.bincount(self.y, minlength=len(self.class_names))
