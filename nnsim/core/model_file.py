"""Model files: a network and its training settings as plain JSON.

    {"format": "nnsim-model", "schema_version": 1,
     "network": {...Network.to_dict()...}, "settings": {...} or null, "extra": {...}}

Why JSON: a teacher can open it in a text editor, and loading it can never run code
(no executable serialization format, no eval). Why so strict on loading: a hand-edited or truncated file must give a
clear ``ModelFileError`` (a ``ValueError``), never a crash or a half-loaded network.
Writing is atomic: the text goes to a temporary file in the same directory which then
replaces the target in one step, so a failed save leaves the old file as it was.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from pathlib import Path

import numpy as np

from nnsim.core.errors import ModelFileError
from nnsim.core.files import FileTooLargeError, NotARegularFileError, read_capped
from nnsim.core.network import Network
from nnsim.core.trainer import TrainingSettings

FORMAT = "nnsim-model"
SCHEMA_VERSION = 1
MAX_BYTES = 64 * 1024 * 1024  # far above any classroom network; refuses to read a huge file whole


# ------------------------------------------------------------------------------ saving
def save_model(path, network: Network, settings: TrainingSettings | dict | None = None,
               extra: dict | None = None) -> None:
    """Write ``network`` (and ``settings``, ``extra``: any JSON object) to ``path`` atomically.

    Raises ``ModelFileError`` before touching the disk if the network has non-finite values
    or ``extra`` is not JSON data, and ``OSError`` if the file cannot be written; in every
    case an existing file at ``path`` is left as it was and no temporary file remains.
    """
    if not np.all(np.isfinite(network.params)):
        raise ModelFileError("the network has NaN or infinite weights or biases; it was not saved")
    if isinstance(settings, dict):
        settings = _settings_from(settings)
    if settings is not None and not isinstance(settings, TrainingSettings):
        raise ModelFileError(f"settings must be TrainingSettings or None, got {type(settings).__name__}")
    if extra is not None and not isinstance(extra, dict):
        raise ModelFileError(f"extra must be a dict or None, got {type(extra).__name__}")
    document = {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "network": network.to_dict(),
        "settings": None if settings is None else settings.to_dict(),
        "extra": {} if extra is None else extra,
    }
    try:
        text = json.dumps(document, indent=1, allow_nan=False, ensure_ascii=False) + "\n"
    except (TypeError, ValueError) as error:
        raise ModelFileError(f"the model cannot be written as JSON: {error}") from None
    _write_atomically(Path(path), text.encode("utf-8"))


def _write_atomically(path: Path, data: bytes) -> None:
    directory = path.parent if str(path.parent) else Path(".")
    try:
        mode = os.stat(path).st_mode & 0o777  # a replaced file keeps its permissions
    except OSError:
        mode = 0o644
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())  # the bytes are on disk before the rename makes them the file
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


# ------------------------------------------------------------------------------ loading
def load_model(path) -> tuple[Network, TrainingSettings | None, dict]:
    """Read a model file: ``(network, settings or None, extra dict)``.

    Every problem raises ``ModelFileError`` with a message saying what is wrong.
    """
    path = Path(path)
    document = _read_json(path)
    where = f"{path.name}"
    if not isinstance(document, dict):
        raise ModelFileError(f"{where} is not an nnsim model: it holds a JSON {_kind(document)}, not an object")
    if document.get("format") != FORMAT:
        if "format" not in document:
            raise ModelFileError(f'{where} is not an nnsim model: it has no "format": "{FORMAT}" marker')
        raise ModelFileError(
            f'{where} is not an nnsim model: its "format" is {document["format"]!r}, expected "{FORMAT}"'
        )
    version = document.get("schema_version")
    if version is None:
        raise ModelFileError(f'{where} has no "schema_version"')
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ModelFileError(f'{where}: "schema_version" must be a whole number >= 1, got {version!r}')
    if version > SCHEMA_VERSION:
        raise ModelFileError(
            f"{where} was written by a newer nnsim (schema version {version}); this nnsim reads "
            f"version {SCHEMA_VERSION}. Update nnsim to open it."
        )
    if "network" not in document:
        raise ModelFileError(f'{where} has no "network"')
    network = _network_from(document["network"], where)
    settings = document.get("settings")
    if settings is not None:
        settings = _settings_from(settings, where)
    extra = document.get("extra")
    if extra is None:
        extra = {}
    if not isinstance(extra, dict):
        raise ModelFileError(f'{where}: "extra" must be an object, got a JSON {_kind(extra)}')
    return network, settings, extra


def _read_json(path: Path):
    try:
        data = read_capped(path, MAX_BYTES)
    except FileTooLargeError as error:
        raise ModelFileError(f"{path.name} is {error.size / 1e6:.0f} MB: too large to be an nnsim model") from None
    except FileNotFoundError:
        raise ModelFileError(f"{path} does not exist") from None
    except IsADirectoryError:
        raise ModelFileError(f"{path} is a folder, not a model file") from None
    except NotARegularFileError as error:
        raise ModelFileError(f"{path} is {error.kind}, not a model file") from None
    except OSError as error:
        raise ModelFileError(f"{path} cannot be read: {error.strerror or error}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ModelFileError(
            f"{path.name} is not a text (UTF-8) file: unreadable byte at position {error.start}"
        ) from None

    def reject_constant(name):  # JSON has no NaN/Infinity, but Python's parser accepts them
        raise ModelFileError(f"{path.name} contains {name}; every value must be a finite number")

    def finite_float(text_value):
        value = float(text_value)
        if not math.isfinite(value):
            raise ModelFileError(f"{path.name} contains the number {text_value}, too large to be a finite number")
        return value

    try:
        return json.loads(text, parse_constant=reject_constant, parse_float=finite_float)
    except json.JSONDecodeError as error:
        raise ModelFileError(
            f"{path.name} is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}"
        ) from None
    except RecursionError:
        raise ModelFileError(f"{path.name} is nested too deeply to be an nnsim model") from None


def _kind(value) -> str:
    return {dict: "object", list: "array", str: "string", bool: "true/false", type(None): "null",
            int: "number", float: "number"}.get(type(value), type(value).__name__)


def _check_layer(name: str, values, shape: tuple[int, ...], layer: int) -> None:
    """Check a nested list has ``shape`` and holds only numbers, before NumPy sees it.

    Shapes are checked against ``layer_sizes`` first so that a hand-edited size cannot make
    the loader allocate a huge network, and strings like "0.5" are not silently converted.
    """
    def fail(detail):
        raise ModelFileError(f"the network's {name} of layer {layer}: {detail}")

    def is_number(v):
        return isinstance(v, (int, float)) and not isinstance(v, bool)

    if len(shape) == 1:
        rows = [values]
    else:
        if not isinstance(values, list) or len(values) != shape[0]:
            got = f"{len(values)} rows" if isinstance(values, list) else f"a JSON {_kind(values)}"
            fail(f"expected {shape[0]} rows of {shape[1]} numbers (shape {shape}), got {got}")
        rows = values
    width = shape[-1]
    for r, row in enumerate(rows):
        if not isinstance(row, list) or len(row) != width:
            got = f"{len(row)} numbers" if isinstance(row, list) else f"a JSON {_kind(row)}"
            where = f"row {r + 1}" if len(shape) == 2 else "the list"
            fail(f"{where} should have {width} numbers (shape {shape}), got {got}")
        for v in row:
            if not is_number(v):
                fail(f"{v!r} is not a number")


def _network_from(d, where: str) -> Network:
    if not isinstance(d, dict):
        raise ModelFileError(f'{where}: "network" must be an object, got a JSON {_kind(d)}')
    sizes = d.get("layer_sizes")
    if (isinstance(sizes, list) and len(sizes) >= 2
            and all(isinstance(s, int) and not isinstance(s, bool) and s >= 1 for s in sizes)):
        for name, key in (("weights", "weights"), ("biases", "biases")):
            arrays = d.get(key)
            if not isinstance(arrays, list) or len(arrays) != len(sizes) - 1:
                raise ModelFileError(
                    f"the network's {name} must be a list of {len(sizes) - 1} layers (one per layer after the input)"
                )
            for l, values in enumerate(arrays):
                shape = (sizes[l], sizes[l + 1]) if name == "weights" else (sizes[l + 1],)
                _check_layer(name, values, shape, l + 1)
    try:
        return Network.from_dict(d)  # checks the rest: activations, threshold, seed, sizes
    except (ValueError, TypeError) as error:
        raise ModelFileError(f"{where}: the network is not valid: {error}") from None


def _settings_from(d, where: str = "the model") -> TrainingSettings:
    try:
        return TrainingSettings.from_dict(d)
    except (ValueError, TypeError) as error:
        raise ModelFileError(f"{where}: bad training settings: {error}") from None
