"""Lesson documents (``.nnsim``): everything a lesson needs, in one JSON file.

    {"format": "nnsim-document", "schema_version": 1,
     "title": "..." or {"en": "...", "es": "..."}, "note": same, "goal": {...} or null,
     "network": {...Network.to_dict()...}, "settings": {...TrainingSettings...},
     "data": {"kind": "builtin", "name": "xor", "n_samples": null, "noise": null,
              "n_classes": null, "seed": 0}
          or {"kind": "table", "name": "plants.csv", "target": "species", "task": ...,
              "feature_names": [...], "class_names": [...], "target_names": [...],
              "X": [[...], ...], "y": [...]}
          or null,
     "split": {"test_fraction": 0.3, "seed": 0, "standardize": true},
     "epoch": 120,
     "history": {"epochs": [...], "train_loss": [...], "test_loss": [...],
                 "train_accuracy": [...], "test_accuracy": [...]},   (null = no value)
     "selection": {"node": [layer, index] or null, "sample_index": int or null},
     "optimizer_state": {"optimizer": "adam", "t": 120, "m": [...], "v": [...],
                         "shuffle": {"bit_generator": "PCG64", "state": "hex", ...}}
                     or {"optimizer": "momentum", "velocity": [...], "shuffle": ...}
                     or null}     (schema version 2; version 1 files have no optimizer_state)

Why the data is stored as its *recipe* (a built-in set's name, generator parameters and
seed) or as the table itself (a teacher's CSV): reopening must give the very same examples
and, with the stored split fraction and seed, the very same train/test split, so training
continues from the saved epoch without a Reset. Model files of the older format
(``model_file.py``, "nnsim-model") open here too, with defaults for what they lack.

Loading is as strict as ``model_file``: every problem raises ``ModelFileError`` naming it,
nothing half-loaded comes back; saving is atomic (the old file is intact on failure).
"""

from __future__ import annotations

import dataclasses
import json
import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from nnsim.core.arrays import frozen_copy
from nnsim.core.dataset import CLASSIFICATION, REGRESSION, Dataset
from nnsim.core.datasets import DATASETS, load_dataset
from nnsim.core.errors import DataError, ModelFileError
from nnsim.core.model_file import FORMAT as MODEL_FORMAT
from nnsim.core.model_file import MAX_SEED, _check_settings_values, _kind, _network_from, _number_problem
from nnsim.core.model_file import _read_json, _settings_from, _short, _surrogate_in, _write_atomically
from nnsim.core.model_file import load_model
from nnsim.core.network import Network
from nnsim.core.optimizer_state import OptimizerState, fit_problem, state_from_dict
from nnsim.core.trainer import Trainer, TrainingSettings
from nnsim.core.training_data import TrainingData, prepare_data

FORMAT = "nnsim-document"
SCHEMA_VERSION = 2  # 2: the optimizer's memory ("optimizer_state"); version 1 files still open
GOAL_METRICS = ("train_accuracy", "test_accuracy", "train_loss")
LANGUAGES = ("en", "es")
MAX_GENERATED_SAMPLES = 100_000  # a generator asked for more would fill memory before training
MAX_NOISE = 1e6
MAX_GOAL_EPOCHS = 1_000_000
MAX_EPOCH = 2**53  # every whole number up to here is exact as a float, as the UI shows it
DEFAULT_TEST_FRACTION = 0.3
HISTORY_KEYS = ("epochs", "train_loss", "test_loss", "train_accuracy", "test_accuracy")


# ------------------------------------------------------------------------------ records
@dataclass(frozen=True)
class Goal:
    """What a lesson asks for: ``metric`` at least ``value`` (``train_loss``: at most)
    within ``epochs`` epochs of training from the document's state."""

    metric: str
    value: float
    epochs: int

    def reached(self, metrics) -> bool:
        """Whether ``metrics`` (a ``trainer.Metrics``) meets the goal."""
        got = getattr(metrics, self.metric)
        if got is None or not math.isfinite(got):
            return False
        return got <= self.value if self.metric == "train_loss" else got >= self.value

    def to_dict(self) -> dict:
        return {"metric": self.metric, "value": self.value, "epochs": self.epochs}


@dataclass(frozen=True)
class DataSource:
    """Where a document's examples come from.

    ``kind`` "builtin": ``name`` of a set in ``DATASETS`` with its generator parameters
    (``n_samples``, ``noise``, ``n_classes``: None for the set's defaults) and ``seed``.
    ``kind`` "table": an imported table kept whole (``dataset``) with ``target``, the name
    of the column the answers came from.
    """

    kind: str
    name: str
    seed: int = 0
    n_samples: int | None = None
    noise: float | None = None
    n_classes: int | None = None
    dataset: Dataset | None = field(default=None, repr=False, compare=False)
    target: str = ""

    @classmethod
    def builtin(cls, name: str, seed: int = 0, n_samples=None, noise=None, n_classes=None) -> "DataSource":
        return cls("builtin", name, seed, n_samples, noise, n_classes)

    @classmethod
    def table(cls, dataset: Dataset, target: str = "") -> "DataSource":
        target = target or (dataset.target_names[0] if not dataset.is_classification and dataset.target_names
                            else "")
        return cls("table", dataset.name, dataset=dataset, target=target)

    def load(self) -> Dataset:
        """The examples themselves (a built-in set is generated again, the same for the seed)."""
        if self.kind == "table":
            return self.dataset
        return load_dataset(self.name, n_samples=self.n_samples, noise=self.noise, seed=self.seed,
                            n_classes=self.n_classes)

    def to_dict(self) -> dict:
        if self.kind == "builtin":
            return {"kind": "builtin", "name": self.name, "n_samples": self.n_samples, "noise": self.noise,
                    "n_classes": self.n_classes, "seed": self.seed}
        ds = self.dataset
        return {"kind": "table", "name": ds.name, "target": self.target, "task": ds.task,
                "feature_names": list(ds.feature_names), "class_names": list(ds.class_names),
                "target_names": list(ds.target_names) if not ds.is_classification else [],
                "X": ds.X.tolist(), "y": ds.y.tolist()}


@dataclass(frozen=True, eq=False)
class History:
    """The loss and accuracy curves: one entry per evaluation point (NaN = no value, e.g. no
    test part or a regression's accuracy). Arrays are read-only copies of equal length."""

    epochs: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    train_loss: np.ndarray = field(default_factory=lambda: np.zeros(0))
    test_loss: np.ndarray = field(default_factory=lambda: np.zeros(0))
    train_accuracy: np.ndarray = field(default_factory=lambda: np.zeros(0))
    test_accuracy: np.ndarray = field(default_factory=lambda: np.zeros(0))

    def __post_init__(self) -> None:
        epochs = np.asarray(self.epochs, dtype=np.int64).reshape(-1)
        object.__setattr__(self, "epochs", frozen_copy(epochs))
        for key in HISTORY_KEYS[1:]:
            values = np.asarray(getattr(self, key), dtype=np.float64).reshape(-1)
            if values.shape != epochs.shape:
                raise ValueError(f"history: {key} has {values.size} values but there are {epochs.size} epochs")
            object.__setattr__(self, key, frozen_copy(values))

    def __len__(self) -> int:
        return int(self.epochs.size)

    def to_dict(self) -> dict:
        def plain(values):  # NaN is not JSON: null says "no value"
            return [None if math.isnan(v) else v for v in values.tolist()]
        return {"epochs": self.epochs.tolist(), **{key: plain(getattr(self, key)) for key in HISTORY_KEYS[1:]}}


@dataclass(frozen=True, eq=False)
class LessonDocument:
    """One document: what ``load_document`` returns and ``save_document`` writes.

    ``data`` is None when the file names no data (an old model file without a data set).
    ``title`` and ``note`` are a text or ``{"en": ..., "es": ...}`` (see ``localized``);
    ``selected_node`` is ``(layer, index)`` or None; ``sample_index`` a row of the data set
    or None. ``standardize`` False: the network sees the raw inputs (the one-neuron lesson,
    whose worked example is about the numbers themselves).
    """

    network: Network
    data: TrainingData | None
    settings: TrainingSettings
    source: DataSource | None = None
    test_fraction: float = DEFAULT_TEST_FRACTION
    split_seed: int = 0
    standardize: bool = True
    epoch: int = 0
    history: History = field(default_factory=History)
    title: str | dict = ""
    note: str | dict = ""
    goal: Goal | None = None
    selected_node: tuple[int, int] | None = None
    sample_index: int | None = None
    #: the optimizer's memory and the shuffling generator at ``epoch`` (None: a fresh
    #: optimizer); ``optimizer_problem`` says why a stored one was ignored ("" if none was)
    optimizer_state: OptimizerState | None = None
    optimizer_problem: str = ""

    def trainer(self) -> Trainer:
        """A trainer that goes on exactly where the document's training stopped: a copy of
        its network on its data with its settings, at its epoch, with its optimizer's
        memory (``ValueError`` without data)."""
        if self.data is None:
            raise ValueError("the document has no data to train on")
        trainer = Trainer(self.network.copy(), self.data, self.settings)
        trainer.epoch = self.epoch
        if self.optimizer_state is not None:
            trainer.restore_optimizer_state(self.optimizer_state)
        return trainer


def localized(text, language: str) -> str:
    """``text`` in ``language``: a plain string as it is; of a ``{"en":..., "es":...}``
    mapping the entry for ``language`` ("es_ES" counts as "es"), else English, else the
    first entry, else ""."""
    if isinstance(text, str):
        return text
    if not isinstance(text, dict) or not text:
        return ""
    short = str(language).replace("-", "_").split("_")[0].lower()
    for key in (language, short, "en"):
        if text.get(key):
            return text[key]
    return next(iter(text.values()))


# ------------------------------------------------------------------------------ building
def build_document(network: Network, data: TrainingData | None, settings: TrainingSettings, *,
                   source: DataSource | None = None, test_fraction: float = DEFAULT_TEST_FRACTION,
                   split_seed: int = 0, epoch: int = 0, history: History | None = None, title="",
                   note="", goal: Goal | None = None, selected_node=None, sample_index=None,
                   optimizer_state: OptimizerState | None = None) -> LessonDocument:
    """A document from the window's live parts (copies: later edits do not reach it).

    ``source`` says how to make ``data`` again; without one the data set is kept whole as a
    table. ``test_fraction`` and ``split_seed`` must be the ones ``data`` was split with
    (checked: re-splitting must give the same rows), so the reopened split is the same.
    ``optimizer_state`` (``Trainer.optimizer_state()``) is kept when it fits the settings'
    optimizer and the network (else left out: the reopened training starts a fresh one).
    Raises ``ModelFileError`` when the parts do not fit together.
    """
    if data is not None:
        if source is None:
            source = DataSource.table(data.dataset)
        standardize = data.standardizer is not None
        remade = prepare_data(source.load(), test_fraction, split_seed, standardize)
        if not (np.array_equal(remade.train_index, data.train_index)
                and np.array_equal(remade.test_index, data.test_index)):
            raise ModelFileError("the data's train/test split is not the one its test fraction and seed make; "
                                 "the document was not built")
        data = remade if source.kind == "builtin" else data
    document = LessonDocument(
        network=network.copy(), data=data, settings=settings, source=source if data is not None else None,
        test_fraction=float(test_fraction), split_seed=int(split_seed),
        standardize=data is None or data.standardizer is not None, epoch=int(epoch),
        history=history if history is not None else History(), title=title, note=note, goal=goal,
        selected_node=None if selected_node is None else (int(selected_node[0]), int(selected_node[1])),
        sample_index=None if sample_index is None else int(sample_index),
        optimizer_state=None if fit_problem(optimizer_state, settings.optimizer, network.n_params) else optimizer_state)
    _check_fit(document, "the document was not built")
    return document


def _check_fit(doc: LessonDocument, where: str) -> None:
    """The parts of ``doc`` agree: data and network sizes, selection in range, settings
    trainable on the data."""
    sizes = doc.network.layer_sizes
    if doc.data is not None:
        ds = doc.data.dataset
        if sizes[0] != ds.n_features:
            raise ModelFileError(f"{where}: the network has {sizes[0]} inputs but the data has "
                                 f"{ds.n_features} features")
        outputs_ok = [ds.n_outputs] + ([1] if ds.is_classification and len(ds.class_names) == 2 else [])
        if sizes[-1] not in outputs_ok:
            what = f"{len(ds.class_names)} classes" if ds.is_classification else f"{ds.n_outputs} target(s)"
            raise ModelFileError(f"{where}: the network has {sizes[-1]} outputs but the data has {what}")
        if doc.sample_index is not None and not 0 <= doc.sample_index < ds.n_samples:
            raise ModelFileError(f"{where}: the selected sample {doc.sample_index} is not a row of the data "
                                 f"(0 to {ds.n_samples - 1})")
        if doc.data.X_train.shape[0] > 0:
            try:
                Trainer(doc.network.copy(), doc.data, doc.settings)
            except ValueError as error:
                raise ModelFileError(f"{where}: the settings cannot train this network on this data: {error}") from None
    elif doc.sample_index is not None:
        raise ModelFileError(f"{where}: a sample is selected but there is no data")
    if doc.selected_node is not None:
        layer, index = doc.selected_node
        if not 0 <= layer < len(sizes) or not 0 <= index < sizes[layer]:
            raise ModelFileError(f"{where}: the selected node ({layer}, {index}) is not in the network")
    if len(doc.history) and (doc.history.epochs.min() < 0 or doc.history.epochs.max() > doc.epoch):
        raise ModelFileError(f"{where}: the history has epochs outside 0..{doc.epoch}")


# ------------------------------------------------------------------------------ saving
def document_to_dict(doc: LessonDocument) -> dict:
    return {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "title": doc.title,
        "note": doc.note,
        "goal": None if doc.goal is None else doc.goal.to_dict(),
        "network": doc.network.to_dict(),
        "settings": doc.settings.to_dict(),
        "data": None if doc.source is None else doc.source.to_dict(),
        "split": {"test_fraction": doc.test_fraction, "seed": doc.split_seed, "standardize": doc.standardize},
        "epoch": doc.epoch,
        "history": doc.history.to_dict(),
        "selection": {"node": None if doc.selected_node is None else list(doc.selected_node),
                      "sample_index": doc.sample_index},
        "optimizer_state": None if doc.optimizer_state is None else doc.optimizer_state.to_dict(),
    }


def save_document(path, document: LessonDocument) -> None:
    """Write ``document`` to ``path`` atomically (a temporary file in the same folder,
    fsync, rename). ``ModelFileError`` before touching the disk if it could not be loaded
    back (non-finite weights, bad values); ``OSError`` if the disk refuses. Either way an
    existing file is left as it was."""
    _write_atomically(Path(path), document_bytes(document))


def document_bytes(document: LessonDocument) -> bytes:
    """The file's bytes for ``document`` (UTF-8 JSON), for a caller that writes them its own
    atomic way (the window's ``QSaveFile``). ``ModelFileError`` if the text would not load
    back, with the loader's message."""
    where = "the document was not saved"
    if not np.all(np.isfinite(document.network.params)):
        raise ModelFileError("the network has NaN or infinite weights or biases; the document was not saved")
    _check_settings_values(document.settings.to_dict(), where)
    d = document_to_dict(document)
    _parse(d, where)  # what would not load back is refused now, with the loader's message
    try:
        data = (json.dumps(d, indent=1, allow_nan=False, ensure_ascii=False) + "\n").encode("utf-8")
    except (TypeError, ValueError, UnicodeEncodeError) as error:
        raise ModelFileError(f"the document cannot be written as JSON: {error}") from None
    return data


# ------------------------------------------------------------------------------ loading
def load_document(path) -> LessonDocument:
    """Read a ``.nnsim`` document (or an older model file); ``ModelFileError`` names any problem."""
    path = Path(path)
    raw = _read_json(path)
    where = path.name
    if not isinstance(raw, dict):
        raise ModelFileError(f"{where} is not an nnsim document: it holds a JSON {_kind(raw)}, not an object")
    if raw.get("format") == MODEL_FORMAT:
        return _from_model_file(path)
    if raw.get("format") != FORMAT:
        if "format" not in raw:
            raise ModelFileError(f'{where} is not an nnsim document: it has no "format": "{FORMAT}" marker')
        raise ModelFileError(f'{where} is not an nnsim document: its "format" is {_short(raw["format"])}, '
                             f'expected "{FORMAT}"')
    return _parse(raw, where)


def _from_model_file(path: Path) -> LessonDocument:
    """An older model file as a document: its data set by name (the default generator, seed
    0, split 0.3), default settings if it has none, epoch 0, no history."""
    network, settings, extra = load_model(path)
    settings = settings or TrainingSettings()
    data = source = None
    name = extra.get("dataset")
    if name is not None:
        if name not in DATASETS:
            raise ModelFileError(f"{path.name}: unknown data set {_short(name)}")
        source = DataSource.builtin(name)
        data = prepare_data(source.load(), DEFAULT_TEST_FRACTION, 0)
    doc = LessonDocument(network=network, data=data, settings=settings, source=source)
    try:
        _check_fit(doc, path.name)
    except ModelFileError:
        if data is None:
            raise
        doc = dataclasses.replace(doc, data=None, source=None)  # data of other sizes: open the network alone
    return doc


def _is_whole(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _whole(value, name: str, low: int, high: int, where: str, allow_none: bool = False):
    if value is None and allow_none:
        return None
    if not _is_whole(value) or not low <= value <= high:
        raise ModelFileError(f"{where}: {name} must be a whole number from {low:,} to {high:,}, got {_short(value)}")
    return value


def _finite(value, name: str, where: str, low=-math.inf, high=math.inf, allow_none=False):
    if value is None and allow_none:
        return None
    problem = _number_problem(value)
    if problem is None and not low <= value <= high:
        problem = f"{_short(value)} is outside {low} to {high}"
    if problem is not None:
        raise ModelFileError(f"{where}: {name}: {problem}")
    return float(value)


def _text(value, name: str, where: str) -> str:
    if not isinstance(value, str):
        raise ModelFileError(f"{where}: {name} must be a text, got a JSON {_kind(value)}")
    bad = _surrogate_in(value)
    if bad is not None:
        raise ModelFileError(f"{where}: {name} holds {bad!r}, which is not a character")
    return value


def _object(value, name: str, where: str, keys: tuple) -> dict:
    if not isinstance(value, dict):
        raise ModelFileError(f"{where}: {name} must be an object, got a JSON {_kind(value)}")
    unknown = sorted(set(value) - set(keys))
    if unknown:
        raise ModelFileError(f"{where}: {name} has an unknown entry {_short(unknown[0])}")
    return value


def _localized_text(value, name: str, where: str):
    """A title or note: a text, or an object of language code -> text."""
    if value is None:
        return ""
    if isinstance(value, dict):
        for key, text in value.items():
            _text(key, f"a language of {name}", where)
            _text(text, f'{name}["{key}"]', where)
        return dict(value)
    return _text(value, name, where)


def _names(value, name: str, where: str) -> list[str]:
    if not isinstance(value, list):
        raise ModelFileError(f"{where}: {name} must be a list of texts, got a JSON {_kind(value)}")
    return [_text(v, name, where) for v in value]


def _goal_from(value, where: str) -> Goal | None:
    if value is None:
        return None
    g = _object(value, '"goal"', where, ("metric", "value", "epochs"))
    metric = g.get("metric")
    if metric not in GOAL_METRICS:
        raise ModelFileError(f'{where}: the goal\'s metric must be one of {", ".join(GOAL_METRICS)}, '
                             f"got {_short(metric)}")
    high = math.inf if metric == "train_loss" else 1.0
    value = _finite(g.get("value"), "the goal's value", where, 0.0, high)
    epochs = _whole(g.get("epochs"), "the goal's epochs", 1, MAX_GOAL_EPOCHS, where)
    return Goal(metric, value, epochs)


def _number_table(values, rows_name: str, width: int | None, where: str) -> np.ndarray:
    """A list of rows of finite numbers (all of one width) as a float64 array."""
    if not isinstance(values, list) or not values:
        raise ModelFileError(f"{where}: {rows_name} must be a non-empty list of rows of numbers")
    for r, row in enumerate(values):
        if not isinstance(row, list) or (width is not None and len(row) != width) or not row:
            raise ModelFileError(f"{where}: {rows_name}, row {r + 1}: expected {width} numbers")
        width = len(row)
        for v in row:
            problem = _number_problem(v)
            if problem is not None:
                raise ModelFileError(f"{where}: {rows_name}, row {r + 1}: {problem}")
    array = np.array(values, dtype=np.float64)
    if not np.isfinite(array).all():
        raise ModelFileError(f"{where}: {rows_name}: a number is too large to be finite")
    return array


def _source_from(value, where: str) -> DataSource | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise ModelFileError(f'{where}: "data" must be an object, got a JSON {_kind(value)}')
    kind = value.get("kind")
    if kind == "builtin":
        d = _object(value, '"data"', where, ("kind", "name", "n_samples", "noise", "n_classes", "seed"))
        name = d.get("name")
        if not isinstance(name, str) or name not in DATASETS:  # (a list is not even hashable)
            raise ModelFileError(f"{where}: unknown data set {_short(name)}; known: {', '.join(DATASETS)}")
        source = DataSource.builtin(
            name, seed=_whole(d.get("seed", 0), "the data's seed", 0, 2**63 - 1, where),
            n_samples=_whole(d.get("n_samples"), "the data's n_samples", 4, MAX_GENERATED_SAMPLES, where, True),
            noise=_finite(d.get("noise"), "the data's noise", where, 0.0, MAX_NOISE, True),
            n_classes=_whole(d.get("n_classes"), "the data's n_classes", 2, 10, where, True))
    elif kind == "table":
        d = _object(value, '"data"', where, ("kind", "name", "target", "task", "feature_names", "class_names",
                                              "target_names", "X", "y"))
        task = d.get("task")
        if task not in (CLASSIFICATION, REGRESSION):
            raise ModelFileError(f'{where}: the data\'s task must be "{CLASSIFICATION}" or "{REGRESSION}", '
                                 f"got {_short(task)}")
        features = _names(d.get("feature_names"), "the data's feature_names", where)
        X = _number_table(d.get("X"), "the data's X", len(features), where)
        y_raw = d.get("y")
        if not isinstance(y_raw, list) or len(y_raw) != X.shape[0]:
            raise ModelFileError(f"{where}: the data's y must be a list of {X.shape[0]} answers, one per row of X")
        classes = _names(d.get("class_names", []), "the data's class_names", where)
        if task == CLASSIFICATION:
            for v in y_raw:
                if not _is_whole(v) or not 0 <= v < len(classes):
                    raise ModelFileError(f"{where}: the data's y holds {_short(v)}, not a class number "
                                         f"from 0 to {len(classes) - 1}")
            y = np.array(y_raw, dtype=np.int64)
            target_names = []
        else:
            y = _number_table([r if isinstance(r, list) else [r] for r in y_raw], "the data's y", None, where)
            if not any(isinstance(r, list) for r in y_raw):
                y = y[:, 0]
            target_names = _names(d.get("target_names", []), "the data's target_names", where)
        try:
            dataset = Dataset(X, y, features, classes, _text(d.get("name", ""), "the data's name", where), task,
                              target_names)
        except DataError as error:
            raise ModelFileError(f"{where}: the data is not valid: {error}") from None
        source = DataSource.table(dataset, _text(d.get("target", ""), "the data's target", where))
    else:
        raise ModelFileError(f'{where}: the data\'s kind must be "builtin" or "table", got {_short(kind)}')
    return source


def _history_from(value, where: str) -> History:
    if value is None:
        return History()
    h = _object(value, '"history"', where, HISTORY_KEYS)
    epochs = h.get("epochs", [])
    if not isinstance(epochs, list) or not all(_is_whole(e) for e in epochs):
        raise ModelFileError(f"{where}: the history's epochs must be a list of whole numbers")
    columns = {}
    for key in HISTORY_KEYS[1:]:
        column = h.get(key, [None] * len(epochs))
        if not isinstance(column, list) or len(column) != len(epochs):
            raise ModelFileError(f"{where}: the history's {key} must be a list of {len(epochs)} values (or null)")
        for v in column:
            if v is not None and _number_problem(v) is not None:
                raise ModelFileError(f"{where}: the history's {key}: {_number_problem(v)}")
        columns[key] = [math.nan if v is None else float(v) for v in column]
    if any(not 0 <= e <= MAX_EPOCH for e in epochs):
        raise ModelFileError(f"{where}: the history's epochs must be from 0 to {MAX_EPOCH:,}")
    return History(np.array(epochs, dtype=np.int64), **columns)


def _selection_from(value, where: str) -> tuple:
    if value is None:
        return None, None
    s = _object(value, '"selection"', where, ("node", "sample_index"))
    node = s.get("node")
    if node is not None:
        if not isinstance(node, list) or len(node) != 2 or not all(_is_whole(v) for v in node):
            raise ModelFileError(f"{where}: the selected node must be [layer, index], got {_short(node)}")
        node = (node[0], node[1])
    sample = _whole(s.get("sample_index"), "the selected sample", 0, 2**53, where, True)
    return node, sample


def _parse(raw: dict, where: str) -> LessonDocument:
    """A document from its parsed JSON (``raw`` is not changed)."""
    keys = ("format", "schema_version", "title", "note", "goal", "network", "settings", "data", "split",
            "epoch", "history", "selection", "optimizer_state")
    version = raw.get("schema_version")
    if version is None:
        raise ModelFileError(f'{where} has no "schema_version"')
    if not _is_whole(version) or version < 1:
        raise ModelFileError(f'{where}: "schema_version" must be a whole number >= 1, got {_short(version)}')
    if version > SCHEMA_VERSION:
        raise ModelFileError(f"{where} was written by a newer nnsim (document version {_short(version)}); this "
                             f"nnsim reads version {SCHEMA_VERSION}. Update nnsim to open it.")
    _object(raw, "the document", where, keys)
    if "network" not in raw:
        raise ModelFileError(f'{where} has no "network"')
    net = raw["network"]
    if isinstance(net, dict):  # _network_from empties the lists it converts: give it copies
        net = {k: list(v) if k in ("weights", "biases") and isinstance(v, list) else v for k, v in net.items()}
    network = _network_from(net, where)
    settings = raw.get("settings")
    settings = TrainingSettings() if settings is None else _settings_from(settings, where)
    split = raw.get("split")
    split = _object({} if split is None else split, '"split"', where, ("test_fraction", "seed", "standardize"))
    test_fraction = _finite(split.get("test_fraction", DEFAULT_TEST_FRACTION), "the test fraction", where, 0.0, 0.9)
    split_seed = _whole(split.get("seed", 0), "the split's seed", 0, MAX_SEED, where)
    standardize = split.get("standardize", True)
    if not isinstance(standardize, bool):
        raise ModelFileError(f"{where}: the split's standardize must be true or false, got {_short(standardize)}")
    source = _source_from(raw.get("data"), where)
    data = None
    if source is not None:
        try:
            data = prepare_data(source.load(), test_fraction, split_seed, standardize)
        except (DataError, ValueError) as error:
            raise ModelFileError(f"{where}: the data cannot be made: {error}") from None
    node, sample = _selection_from(raw.get("selection"), where)
    document = LessonDocument(
        network=network, data=data, settings=settings, source=source, test_fraction=test_fraction,
        split_seed=split_seed, standardize=standardize, epoch=_whole(raw.get("epoch", 0), '"epoch"', 0, MAX_EPOCH, where),
        history=_history_from(raw.get("history"), where),
        title=_localized_text(raw.get("title"), '"title"', where),
        note=_localized_text(raw.get("note"), '"note"', where),
        goal=_goal_from(raw.get("goal"), where), selected_node=node, sample_index=sample)
    _check_fit(document, where)
    state, problem = state_from_dict(raw.get("optimizer_state"), settings.optimizer, network.n_params)
    if state is not None or problem:
        document = dataclasses.replace(document, optimizer_state=state, optimizer_problem=problem)
    return document
