"""The engine: pure NumPy, never Qt. Usable from a notebook or a script."""

from nnsim.core.csv_loader import load_csv, parse_csv_bytes
from nnsim.core.dataset import CLASSIFICATION, REGRESSION, Dataset
from nnsim.core.datasets import (
    DATASETS,
    DatasetInfo,
    Standardizer,
    dataset_names,
    is_2d,
    load_dataset,
    load_iris,
    train_test_split,
)
from nnsim.core.errors import DataError, ModelFileError
from nnsim.core.network import Backprop, Network, Trace

__all__ = [
    "Backprop",
    "CLASSIFICATION",
    "DATASETS",
    "REGRESSION",
    "DataError",
    "Dataset",
    "DatasetInfo",
    "ModelFileError",
    "Network",
    "Standardizer",
    "Trace",
    "dataset_names",
    "is_2d",
    "load_csv",
    "load_dataset",
    "load_iris",
    "parse_csv_bytes",
    "train_test_split",
]
