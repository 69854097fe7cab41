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
# Documents and export last: they build on the rest (the trainer, the data sets, model files).
from nnsim.core.document import LessonDocument, load_document, localized, save_document

__all__ = [
    "Backprop",
    "CLASSIFICATION",
    "DATASETS",
    "REGRESSION",
    "DataError",
    "Dataset",
    "LessonDocument",
    "DatasetInfo",
    "ModelFileError",
    "Network",
    "Standardizer",
    "Trace",
    "dataset_names",
    "is_2d",
    "load_csv",
    "load_dataset",
    "load_document",
    "load_iris",
    "localized",
    "parse_csv_bytes",
    "save_document",
    "train_test_split",
]
