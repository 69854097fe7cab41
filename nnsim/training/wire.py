"""Messages between the window and its training process (plain Python, no Qt).

A message is a tuple of plain values (None, bools, numbers, strings, tuples, lists, dicts
with string keys), NumPy arrays, and instances of the few engine classes named in
``_classes`` (settings, data sets, networks, snapshots, reports...). It travels over a
``multiprocessing`` connection as one JSON header, which says what each value is, followed
by one frame per array with the array's bytes, written straight from its memory and read
straight into a fresh ``bytearray`` (the write and the read release the GIL). Decoding
builds only the classes the table names, field by field: nothing in a message can make the
reader run code or build anything else. (Floats keep every bit: JSON writes the shortest
text that reads back as the same float, and NaN and the infinities as such.)

The arrays a reader gets are writable: the training process trains on them, and the window
freezes what it keeps (``freeze_arrays``).
"""

from __future__ import annotations

import dataclasses
import json
import struct

import numpy as np

_COUNT = struct.Struct("<I")
_SIZE = struct.Struct("<Q")
_BIT_GENERATORS = ("PCG64", "PCG64DXSM", "MT19937", "Philox", "SFC64")
#: registered by the modules that own further message classes (``register``)
_extra: dict[str, type] = {}


def register(cls: type) -> type:
    """Let ``cls`` (a dataclass, or a class whose ``__dict__`` is its state) travel."""
    _extra[cls.__name__] = cls
    return cls


def _classes() -> dict[str, type]:
    """The classes a message may hold, by name (imported when first needed)."""
    from nnsim.core.dataset import Dataset
    from nnsim.core.datasets import Standardizer
    from nnsim.core.network import Backprop, Network, Trace
    from nnsim.core.optimizer_state import OptimizerState
    from nnsim.core.scores import RowPredictions
    from nnsim.core.trainer import Metrics, TrainingSettings
    from nnsim.core.training_data import TrainingData
    from nnsim.core.update import Update
    from nnsim.training.pace import Pace
    from nnsim.training.session import Report
    from nnsim.training.snapshot import Snapshot

    known = {cls.__name__: cls for cls in (
        Dataset, Standardizer, Backprop, Network, Trace, OptimizerState, RowPredictions, Metrics,
        TrainingSettings, TrainingData, Update, Pace, Report, Snapshot)}
    known.update(_extra)
    return known


def send(conn, message) -> None:
    """Write ``message`` to ``conn`` (blocks until the other end has room for it)."""
    frames: list[memoryview] = []
    header = json.dumps(_encode(message, frames, _classes()), separators=(",", ":")).encode()
    sizes = b"".join(_SIZE.pack(frame.nbytes) for frame in frames)
    conn.send_bytes(_COUNT.pack(len(frames)) + sizes + header)
    for frame in frames:
        if frame.nbytes:
            conn.send_bytes(frame)


def receive(conn):
    """Read one message from ``conn`` (blocks until it is whole; ``EOFError`` when the other
    end has gone; ``ValueError`` for a message that names what it may not hold)."""
    head = conn.recv_bytes()
    (count,) = _COUNT.unpack_from(head)
    sizes = [_SIZE.unpack_from(head, _COUNT.size + i * _SIZE.size)[0] for i in range(count)]
    frames = []
    for size in sizes:
        frame = bytearray(size)
        if size:
            conn.recv_bytes_into(frame)
        frames.append(frame)
    header = json.loads(bytes(memoryview(head)[_COUNT.size + count * _SIZE.size:]))
    return _decode(header, frames, _classes())


def _encode(value, frames: list, known: dict):
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        array = np.ascontiguousarray(value)
        if array.dtype.hasobject:
            raise TypeError("an array of Python objects cannot travel")
        frames.append(memoryview(array).cast("B") if array.size else memoryview(b""))
        return {"@": "array", "frame": len(frames) - 1, "dtype": array.dtype.str, "shape": list(array.shape)}
    if isinstance(value, tuple):
        return {"@": "tuple", "items": [_encode(v, frames, known) for v in value]}
    if isinstance(value, list):
        return [_encode(v, frames, known) for v in value]
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value):
            raise TypeError("a dict that travels has string keys")
        return {"@": "dict", "items": {k: _encode(v, frames, known) for k, v in value.items()}}
    if isinstance(value, np.random.Generator):
        return {"@": "generator", "state": _encode(value.bit_generator.state, frames, known)}
    name = type(value).__name__
    if known.get(name) is not type(value):
        raise TypeError(f"a {type(value).__qualname__} cannot travel to the training process")
    if dataclasses.is_dataclass(value):
        state = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    else:
        state = value.__getstate__() if hasattr(type(value), "__getstate__") else dict(vars(value))
    return {"@": "object", "class": name, "state": {k: _encode(v, frames, known) for k, v in state.items()}}


def _decode(value, frames: list, known: dict):
    if isinstance(value, list):
        return [_decode(v, frames, known) for v in value]
    if not isinstance(value, dict):
        return value
    kind = value.get("@")
    if kind == "array":
        frame = frames[value["frame"]]
        return np.frombuffer(frame, dtype=np.dtype(value["dtype"])).reshape(value["shape"])
    if kind == "tuple":
        return tuple(_decode(v, frames, known) for v in value["items"])
    if kind == "dict":
        return {k: _decode(v, frames, known) for k, v in value["items"].items()}
    if kind == "generator":
        state = _decode(value["state"], frames, known)
        if state.get("bit_generator") not in _BIT_GENERATORS:
            raise ValueError(f"unknown random generator {state.get('bit_generator')!r}")
        generator = np.random.Generator(getattr(np.random, state["bit_generator"])())
        generator.bit_generator.state = state
        return generator
    if kind == "object" and value.get("class") in known:
        cls = known[value["class"]]
        state = {k: _decode(v, frames, known) for k, v in value["state"].items()}
        instance = object.__new__(cls)
        if hasattr(cls, "__setstate__") and not dataclasses.is_dataclass(cls):
            instance.__setstate__(state)
        else:
            for key, item in state.items():
                object.__setattr__(instance, key, item)  # (frozen dataclasses too)
        return instance
    raise ValueError(f"a message holds something that may not travel: {value.get('@')!r} {value.get('class')!r}")


def freeze_arrays(value, _depth: int = 0):
    """Make every NumPy array inside ``value`` (through dataclasses, tuples, lists and dicts)
    read-only, as the snapshots of a training thread are: what the window keeps from the
    training process then cannot be changed by mistake. Returns ``value``."""
    if _depth > 8:
        return value
    if isinstance(value, np.ndarray):
        value.setflags(write=False)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            freeze_arrays(getattr(value, field.name, None), _depth + 1)
    elif isinstance(value, (tuple, list)):
        for item in value:
            freeze_arrays(item, _depth + 1)
    elif isinstance(value, dict):
        for item in value.values():
            freeze_arrays(item, _depth + 1)
    return value
