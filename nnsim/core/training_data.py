"""A data set made ready to train on: split into train/test, standardized, with targets.

``prepare_data(dataset)`` splits the examples (stratified for classification, so both parts
keep the class proportions), fits the standardizer on the *training* part only (the test
part must not leak into what the model learns from) and keeps both parts standardized.
``default_network`` and ``default_loss`` give what the window opens with for that data.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from nnsim.core.arrays import frozen_copy
from nnsim.core.data_summary import DataSummary, summarize
from nnsim.core.dataset import Dataset
from nnsim.core.datasets import Standardizer, train_test_split
from nnsim.core.network import Network

SPLITS = ("train", "test", "all")


@dataclass(frozen=True, eq=False)
class TrainingData:
    """``dataset`` split into train/test parts, inputs standardized as the network sees them.

    ``X_train``/``X_test`` are standardized (read-only) and ``y_train``/``y_test`` the
    matching answers; ``train_index``/``test_index`` are their rows in ``dataset``.
    """

    dataset: Dataset
    standardizer: Standardizer | None
    train_index: np.ndarray
    test_index: np.ndarray
    X_train: np.ndarray
    X_test: np.ndarray
    y_train: np.ndarray
    y_test: np.ndarray

    @cached_property
    def summary(self) -> DataSummary:
        """Ranges, an average and a typical example of the inputs, worked out on first use
        and kept (the data never changes): see ``nnsim.core.data_summary``."""
        return summarize(self)

    @property
    def n_inputs(self) -> int:
        return self.dataset.n_features

    @property
    def n_outputs(self) -> int:
        """Output nodes the default network has: one per class, or one per target."""
        return self.dataset.n_outputs

    @property
    def is_classification(self) -> bool:
        return self.dataset.is_classification

    @property
    def n_classes(self) -> int:
        return len(self.dataset.class_names)

    def transform(self, X_raw) -> np.ndarray:
        """Raw feature values -> what the network takes (a new array; ``X_raw`` untouched)."""
        if self.standardizer is None:
            return np.array(X_raw, dtype=np.float64)
        return self.standardizer.transform(X_raw)

    def split(self, split: str) -> tuple[np.ndarray, np.ndarray]:
        """``(X, y)`` of "train", "test" or "all" (every row of the data set, in order)."""
        if split == "train":
            return self.X_train, self.y_train
        if split == "test":
            return self.X_test, self.y_test
        if split == "all":
            return self.transform(self.dataset.X), self.dataset.y
        raise ValueError(f"unknown split {split!r}; choose one of {', '.join(SPLITS)}")

    def targets(self, split: str, n_outputs: int | None = None) -> np.ndarray:
        """The target matrix ``Y`` (n, n_outputs) a network with ``n_outputs`` outputs learns.

        Classification: one-hot rows when there is one output per class; for two classes and
        a single (sigmoid) output, a column of 0/1 (1 = the second class). Regression: the
        targets as (n, k) columns.
        """
        _, y = self.split(split)
        n_outputs = self.n_outputs if n_outputs is None else int(n_outputs)
        if self.is_classification:
            k = self.n_classes
            if n_outputs == k:
                Y = np.zeros((y.shape[0], k))
                Y[np.arange(y.shape[0]), y] = 1.0
                return Y
            if n_outputs == 1 and k == 2:
                return y.astype(np.float64).reshape(-1, 1)
            raise ValueError(
                f"the network has {n_outputs} output(s) but the data has {k} classes: "
                f"give it {k} outputs" + (" (or 1 for two classes)" if k == 2 else "")
            )
        # A column per target, taken from the data set rather than guessed from the part:
        # an empty part (no test rows) has nothing to guess from, and reshape(0, -1) fails.
        Y = np.array(y, dtype=np.float64).reshape(y.shape[0], self.dataset.n_outputs)
        if Y.shape[1] != n_outputs:
            raise ValueError(
                f"the network has {n_outputs} output(s) but the data has {Y.shape[1]} target(s)"
            )
        return Y


def _split_indices(dataset: Dataset, test_fraction: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Row indices of ``datasets.train_test_split``'s parts.

    That function returns Datasets, not indices; splitting a stand-in whose only feature is
    the row number (same answers, so the same stratification) gives the indices back.
    """
    n = dataset.n_samples
    stand_in = Dataset(np.arange(n, dtype=np.float64)[:, None], dataset.y, ["row"],
                       dataset.class_names, dataset.name, dataset.task)
    train, test = train_test_split(stand_in, test_fraction, seed)
    return train.X[:, 0].astype(np.int64), test.X[:, 0].astype(np.int64)


def prepare_data(dataset: Dataset, test_fraction: float = 0.3, seed: int = 0,
                 standardize: bool = True) -> TrainingData:
    """Split ``dataset`` (stratified for classes) and standardize it on its training part.

    ``test_fraction=0`` keeps every row for training (no test part).
    """
    if test_fraction == 0:
        train_index = np.arange(dataset.n_samples)
        test_index = np.zeros(0, dtype=np.int64)
    else:
        train_index, test_index = _split_indices(dataset, test_fraction, seed)
    X_train, X_test = dataset.X[train_index], dataset.X[test_index]
    standardizer = Standardizer().fit(X_train, dataset.feature_names) if standardize else None
    if standardizer is not None:
        X_train, X_test = standardizer.transform(X_train), standardizer.transform(X_test)
    y = dataset.y
    return TrainingData(
        dataset=dataset,
        standardizer=standardizer,
        train_index=frozen_copy(train_index),
        test_index=frozen_copy(test_index),
        X_train=frozen_copy(X_train),
        X_test=frozen_copy(X_test),
        y_train=frozen_copy(y[train_index]),
        y_test=frozen_copy(y[test_index]),
    )


HIDDEN = [8, 8]


def default_network(data: TrainingData, seed: int = 0) -> Network:
    """The network the window opens with for ``data``.

    Two hidden layers of 8 tanh nodes (for Iris: the source text's four-layer 4-8-8-3 net);
    a softmax output with one node per class, or a linear output per regression target.
    """
    sizes = [data.n_inputs, *HIDDEN, data.n_outputs]
    hidden = ["tanh"] * len(HIDDEN)
    if data.is_classification:
        return Network(sizes, hidden + ["softmax"], seed=seed)
    return Network(sizes, hidden + ["linear"], seed=seed)


def default_loss(network: Network) -> str:
    """Cross-entropy for probability outputs (softmax, sigmoid), squared error otherwise."""
    return "cross_entropy" if network.activations[-1] in ("softmax", "sigmoid") else "mse"
