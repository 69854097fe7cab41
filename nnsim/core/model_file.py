"""Model files: a network and its training settings as plain JSON.

    {"format": "nnsim-model", "schema_version": 1,
     "network": {...Network.to_dict()...}, "settings": {...} or null, "extra": {...}}

Why JSON: a teacher can open it in a text editor, and loading it can never run code
(no executable serialization format, no eval). Why so strict on loading: a hand-edited or
truncated file must give a clear ``ModelFileError`` (a ``ValueError``), never a crash or a
half-loaded network. Every value the file holds either loads as exactly what it says (a
number in the file is the float64 nearest to it, as Python reads any decimal) or the file is
refused with a message that names it; ``save_model`` refuses, before touching the disk,
anything it could not load back.

``extra`` is the window's own record beside the network; its known keys are checked and
returned cleaned (``EXTRA_KEYS``): ``input_names`` and ``output_names`` lists of texts, one
per input and output node; ``sample`` a list of finite numbers, one per input (returned as
floats); ``dataset`` a data set's name (null counts as absent). Other keys are kept as the
file has them.

Writing is atomic: the text goes to a temporary file in the same folder, named
``.<name>.nnsim-tmp-XXXXXXXX``, which then replaces the target in one step, so a failed
save leaves the old file as it was. A save killed before that step leaves its temporary
file behind; each save removes those of any model in its folder older than
``STALE_TEMPORARY_SECONDS``.

Limits (refused with a message saying so, on loading and on saving):
- ``MAX_BYTES``: 64 MiB of file, far above any classroom network (about 3 million weights);
- ``MAX_BATCH_SIZE`` (1,000,000) and ``MAX_SEED`` (2**31 - 1, what a 32-bit spin box holds)
  for the training settings; every other number must be finite in float64 (±1.8e308);
- whole numbers of at most ``MAX_INTEGER_DIGITS`` digits (Python's own limit for turning
  text into int), ``extra`` nested at most ``MAX_EXTRA_DEPTH`` levels.
Memory: loading peaks near 3 times the file (its text, the parsed JSON, the network).
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from nnsim.core.errors import ModelFileError
from nnsim.core.files import FileTooLargeError, NotARegularFileError, read_capped
from nnsim.core.network import Network
from nnsim.core.trainer import TrainingSettings

FORMAT = "nnsim-model"
SCHEMA_VERSION = 1
MAX_BYTES = 64 * 1024 * 1024  # far above any classroom network; refuses to read a huge file whole
MAX_BATCH_SIZE = 1_000_000
MAX_SEED = 2**31 - 1
MAX_INTEGER_DIGITS = 4300
MAX_EXTRA_DEPTH = 64
EXTRA_KEYS = ("input_names", "output_names", "sample", "dataset")
STALE_TEMPORARY_SECONDS = 3600
_TEMPORARY_MARK = ".nnsim-tmp-"
_FLOAT_MAX = sys.float_info.max


# ------------------------------------------------------------------------------ checks shared
def _kind(value) -> str:
    return {dict: "object", list: "array", str: "string", bool: "true/false", type(None): "null",
            int: "number", float: "number"}.get(type(value), type(value).__name__)


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _short(value) -> str:
    """A value for a message: a whole number of hundreds of digits is cut to its start."""
    text = repr(value)
    if isinstance(value, int) and len(text) > 24:
        return f"{text[:12]}… ({len(text.lstrip('-'))} digits)"
    return text if len(text) <= 60 else text[:59] + "…"


def _number_problem(value) -> str | None:
    """Why ``value`` cannot be a float64 number (not a number, too large, NaN), or None."""
    if not _is_number(value):
        return f"{_short(value)} is not a number"
    if isinstance(value, int):
        if not -_FLOAT_MAX <= value <= _FLOAT_MAX:  # exact: Python compares int and float exactly
            return f"the number {_short(value)} is too large (beyond ±1.8e308)"
    elif not math.isfinite(value):
        return "a number is too large to be finite (beyond ±1.8e308)" if not math.isnan(value) else "a number is NaN"
    return None


def _check_settings_values(d, where: str) -> None:
    """What TrainingSettings does not check itself: numbers beyond float64 (they would raise
    OverflowError there) and the limits the window can show (``MAX_BATCH_SIZE``, ``MAX_SEED``)."""
    if not isinstance(d, dict):
        return  # TrainingSettings.from_dict says what is wrong
    for key, value in d.items():
        if _is_number(value):
            problem = _number_problem(value)
            if problem is not None:
                raise ModelFileError(f"{where}: bad training settings: {key}: {problem}")
    for key, limit in (("batch_size", MAX_BATCH_SIZE), ("seed", MAX_SEED)):
        value = d.get(key)
        if _is_number(value) and value > limit:
            raise ModelFileError(f"{where}: bad training settings: {key} must be at most {limit:,}, got {_short(value)}")


def _settings_from(d, where: str = "the model was not saved") -> TrainingSettings:
    _check_settings_values(d, where)
    try:
        return TrainingSettings.from_dict(d)
    except (ValueError, TypeError, OverflowError) as error:
        raise ModelFileError(f"{where}: bad training settings: {error}") from None


def _surrogate_in(text: str) -> str | None:
    """A lone UTF-16 surrogate in ``text`` (JSON's "\\ud800" escape gives one), or None:
    such a string is not text, cannot be written as UTF-8 nor shown."""
    if text.isascii():
        return None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        return error.object[error.start]
    return None


def _walk_extra(extra: dict, where: str) -> None:
    """Refuse what JSON would not give back as it is: nesting deeper than ``MAX_EXTRA_DEPTH``,
    keys that are not text, text with a lone surrogate, numbers beyond float64, values of
    other types. Iterative, so a 100,000-deep value gives this message and not a
    RecursionError."""
    def check_text(text: str, path: str) -> None:
        bad = _surrogate_in(text)
        if bad is not None:
            raise ModelFileError(f"{where}: {path} holds {bad!r}, which is not a character "
                                 "(half of a UTF-16 surrogate pair)")

    stack = [(extra, 1, '"extra"')]
    while stack:
        value, depth, path = stack.pop()
        if depth > MAX_EXTRA_DEPTH:
            raise ModelFileError(f'{where}: "extra" is nested more than {MAX_EXTRA_DEPTH} levels deep')
        if isinstance(value, dict):
            for key, item in value.items():
                if not isinstance(key, str):
                    raise ModelFileError(f"{where}: {path} has the key {_short(key)}; keys must be text")
                check_text(key, f"a key of {path}")
                stack.append((item, depth + 1, f'{path}["{key}"]' if depth < 4 else path))
        elif isinstance(value, (list, tuple)):
            stack.extend((item, depth + 1, path) for item in value)
        elif _is_number(value):
            problem = _number_problem(value)
            if problem is not None:
                raise ModelFileError(f"{where}: {path}: {problem}")
        elif isinstance(value, str):
            check_text(value, path)
        elif not isinstance(value, (str, bool, type(None))):
            raise ModelFileError(f"{where}: {path} holds a value of type {type(value).__name__}, which is not JSON data")


def _names_from(value, key: str, count: int, role: str, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        got = f"a JSON {_kind(value)}" if not isinstance(value, list) else \
            f"a list holding a JSON {_kind(next(v for v in value if not isinstance(v, str)))}"
        raise ModelFileError(f'{where}: "{key}" in "extra" must be a list of names (texts), got {got}')
    if len(value) != count:
        raise ModelFileError(f'{where}: "{key}" in "extra" has {len(value)} names but the network has {count} {role}')
    return [str(v) for v in value]


def _sample_from(value, count: int, where: str) -> list[float]:
    if not isinstance(value, list):
        raise ModelFileError(f'{where}: "sample" in "extra" must be a list of numbers, got a JSON {_kind(value)}')
    for k, v in enumerate(value):
        problem = _number_problem(v)
        if problem is not None:
            raise ModelFileError(f'{where}: "sample" in "extra", value {k + 1}: {problem}')
    if len(value) != count:
        raise ModelFileError(f'{where}: "sample" in "extra" has {len(value)} numbers but the network has {count} inputs')
    return [float(v) for v in value]


def _extra_from(extra, network: Network, where: str) -> dict:
    """``extra`` checked against the network and cleaned (see the module docstring)."""
    if extra is None:
        return {}
    if not isinstance(extra, dict):
        raise ModelFileError(f'{where}: "extra" must be an object, got a JSON {_kind(extra)}')
    cleaned = dict(extra)
    if "input_names" in extra:
        cleaned["input_names"] = _names_from(extra["input_names"], "input_names", network.layer_sizes[0],
                                             "inputs", where)
    if "output_names" in extra:
        cleaned["output_names"] = _names_from(extra["output_names"], "output_names", network.layer_sizes[-1],
                                              "outputs", where)
    if "sample" in extra:
        cleaned["sample"] = _sample_from(extra["sample"], network.layer_sizes[0], where)
    if "dataset" in extra:
        if extra["dataset"] is None:
            del cleaned["dataset"]
        elif not isinstance(extra["dataset"], str):
            raise ModelFileError(f'{where}: "dataset" in "extra" must be a data set\'s name (a text), '
                                 f'got a JSON {_kind(extra["dataset"])}')
    _walk_extra(cleaned, where)  # the other keys (the known ones, checked above, pass)
    return cleaned


# ------------------------------------------------------------------------------ saving
def save_model(path, network: Network, settings: TrainingSettings | dict | None = None,
               extra: dict | None = None) -> None:
    """Write ``network`` (and ``settings``, ``extra``: any JSON object) to ``path`` atomically.

    Raises ``ModelFileError`` before touching the disk if the network has non-finite values,
    the settings are beyond the limits, or ``extra`` is not JSON data that ``load_model``
    would accept (see the module docstring) or is not UTF-8 text (a lone surrogate); and
    ``OSError`` if the file cannot be written. In every case an existing file at ``path`` is
    left as it was and no temporary file remains.
    """
    where = "the model was not saved"
    if not np.all(np.isfinite(network.params)):
        raise ModelFileError("the network has NaN or infinite weights or biases; it was not saved")
    if isinstance(settings, dict):
        settings = _settings_from(settings)
    if settings is not None and not isinstance(settings, TrainingSettings):
        raise ModelFileError(f"settings must be TrainingSettings or None, got {type(settings).__name__}")
    if settings is not None:
        _check_settings_values(settings.to_dict(), where)
    if extra is not None and not isinstance(extra, dict):
        raise ModelFileError(f"extra must be a dict or None, got {type(extra).__name__}")
    extra = _extra_from(extra, network, where)
    document = {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "network": network.to_dict(),
        "settings": None if settings is None else settings.to_dict(),
        "extra": extra,
    }
    try:
        text = json.dumps(document, indent=1, allow_nan=False, ensure_ascii=False) + "\n"
    except (TypeError, ValueError, RecursionError) as error:
        raise ModelFileError(f"the model cannot be written as JSON: {error}") from None
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ModelFileError(
            f"the model cannot be written as UTF-8 text: it holds {error.object[error.start]!r}, which is "
            "not a character (half of a UTF-16 surrogate pair)"
        ) from None
    _write_atomically(Path(path), data)


def _remove_stale_temporaries(directory: Path, target: Path) -> None:
    """Delete temporary files that killed saves left in ``directory``: ours of any model
    (``.<name>.nnsim-tmp-*``) and older nnsim's for this target (``.<name>.XXXXXXXX.tmp``),
    if older than ``STALE_TEMPORARY_SECONDS``: a save in progress is only seconds old."""
    old_style = re.compile(re.escape(f".{target.name}.") + r"[A-Za-z0-9_]{8}\.tmp\Z")
    now = time.time()
    try:
        entries = os.scandir(directory)
    except OSError:
        return
    with entries:
        for entry in entries:
            name = entry.name
            if not name.startswith(".") or not (_TEMPORARY_MARK in name or old_style.match(name)):
                continue
            try:
                info = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(info.st_mode) and now - info.st_mtime > STALE_TEMPORARY_SECONDS:
                    os.unlink(entry.path)
            except OSError:
                pass  # gone already, or not ours to delete: the save goes on


def _write_atomically(path: Path, data: bytes) -> None:
    directory = path.parent if str(path.parent) else Path(".")
    try:
        mode = os.stat(path).st_mode & 0o777  # a replaced file keeps its permissions
    except OSError:
        mode = 0o644
    _remove_stale_temporaries(directory, path)
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{path.name}{_TEMPORARY_MARK}")
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

    Every problem raises ``ModelFileError`` with a message saying what is wrong; ``extra``
    comes back checked and cleaned as the module docstring says.
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
            f'{where} is not an nnsim model: its "format" is {_short(document["format"])}, expected "{FORMAT}"'
        )
    version = document.get("schema_version")
    if version is None:
        raise ModelFileError(f'{where} has no "schema_version"')
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ModelFileError(f'{where}: "schema_version" must be a whole number >= 1, got {_short(version)}')
    if version > SCHEMA_VERSION:
        raise ModelFileError(
            f"{where} was written by a newer nnsim (schema version {_short(version)}); this nnsim reads "
            f"version {SCHEMA_VERSION}. Update nnsim to open it."
        )
    if "network" not in document:
        raise ModelFileError(f'{where} has no "network"')
    network = _network_from(document.pop("network"), where)  # pop: its lists can go once converted
    settings = document.get("settings")
    if settings is not None:
        settings = _settings_from(settings, where)
    extra = _extra_from(document.get("extra"), network, where)
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
    del data  # the text is all we need now

    def reject_constant(name):  # JSON has no NaN/Infinity, but Python's parser accepts them
        raise ModelFileError(f"{path.name} contains {name}; every value must be a finite number")

    def whole_number(digits: str) -> int:
        # Python refuses to read more than 4,300 digits (a plain ValueError, and without the
        # limit reading them would take quadratic time); no value of a model needs them.
        if len(digits) - digits.startswith("-") > MAX_INTEGER_DIGITS:
            at = text.find(digits)
            line = text.count("\n", 0, at) + 1
            column = at - text.rfind("\n", 0, at)
            raise ModelFileError(
                f"{path.name} holds a whole number of {len(digits.lstrip('-')):,} digits at line {line}, "
                f"column {column}: far too large for any value of a model"
            )
        return int(digits)

    # Floats are read by the parser's own C code (a Python hook per number made loading
    # several times slower); one too large for float64 becomes inf there, and the checks
    # of each part below refuse it, saying where.
    try:
        return json.loads(text, parse_constant=reject_constant, parse_int=whole_number)
    except json.JSONDecodeError as error:
        raise ModelFileError(
            f"{path.name} is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}"
        ) from None
    except RecursionError:
        raise ModelFileError(f"{path.name} is nested too deeply to be an nnsim model") from None


def _layer_array(name: str, values, shape: tuple[int, ...], layer: int, where: str) -> np.ndarray:
    """A nested list checked to have ``shape`` and hold only finite numbers, as float64.

    Shapes are checked against ``layer_sizes`` first so that a hand-edited size cannot make
    the loader allocate a huge network, and strings like "0.5" or true are refused, not
    converted. Types are checked a row at a time (set(map(type, row)) runs at C speed).
    """
    def fail(detail):
        raise ModelFileError(f"{where}: the network's {name} of layer {layer}: {detail}")

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
            which = f"row {r + 1}" if len(shape) == 2 else "the list"
            fail(f"{which} should have {width} numbers (shape {shape}), got {got}")
        types = set(map(type, row))
        if types - {float, int} or int in types:
            for v in row:
                problem = _number_problem(v)
                if problem is not None:
                    fail(problem)
    array = np.array(rows, dtype=np.float64).reshape(shape)
    if not np.isfinite(array).all():  # a float literal beyond float64 was read as inf
        fail("a number is too large to be finite (beyond ±1.8e308)")
    return array


def _network_from(d, where: str) -> Network:
    if not isinstance(d, dict):
        raise ModelFileError(f'{where}: "network" must be an object, got a JSON {_kind(d)}')
    sizes = d.get("layer_sizes")
    if (isinstance(sizes, list) and len(sizes) >= 2
            and all(isinstance(s, int) and not isinstance(s, bool) and s >= 1 for s in sizes)):
        big = next((s for s in sizes if s > MAX_BYTES), None)
        if big is not None:  # even one weight per node would not fit in a model file
            raise ModelFileError(f"{where}: the network is not valid: a layer of {_short(big)} nodes "
                                 "is more than a model file can hold")
        d = dict(d)
        for name in ("weights", "biases"):
            arrays = d.get(name)
            if not isinstance(arrays, list) or len(arrays) != len(sizes) - 1:
                raise ModelFileError(
                    f"{where}: the network's {name} must be a list of {len(sizes) - 1} layers "
                    "(one per layer after the input)"
                )
            converted = []
            for l in range(len(arrays)):
                shape = (sizes[l], sizes[l + 1]) if name == "weights" else (sizes[l + 1],)
                converted.append(_layer_array(name, arrays[l], shape, l + 1, where))
                arrays[l] = None  # the JSON lists of this layer can go: peak memory stays near the file
            d[name] = converted
    threshold = d.get("threshold")
    if _is_number(threshold) and _number_problem(threshold) is not None:  # float() would overflow
        raise ModelFileError(f"{where}: the network is not valid: 'threshold': {_number_problem(threshold)}")
    try:
        return Network.from_dict(d)  # checks the rest: activations, threshold, seed, sizes
    except (ValueError, TypeError, OverflowError) as error:
        raise ModelFileError(f"{where}: the network is not valid: {error}") from None
