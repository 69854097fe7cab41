"""Messages between the window and its training process (plain Python, no Qt).

A message is a tuple of plain values, dataclasses and NumPy arrays, pickled with protocol 5
over a ``multiprocessing`` connection. Pickle is safe here, and only here: both ends are
nnsim's own processes, started together and joined by a private socket pair; no file, no
network and no user input is ever unpickled (documents and models are JSON).

Large arrays (a big CSV table, the pictures of a wide network) travel **out of band**: the
pickle holds a reference and the array's bytes follow as separate frames, written straight
from the array's memory and read straight into a fresh ``bytearray`` (no extra copies; the
write and the read release the GIL). The arrays a reader gets are writable: the training
process trains on them, and the window freezes what it keeps (``freeze_arrays``).
"""

from __future__ import annotations

import dataclasses
import pickle
import struct

import numpy as np

#: arrays of at least this many bytes travel as frames of their own (smaller ones inside the pickle)
OUT_OF_BAND_BYTES = 64 * 1024

_COUNT = struct.Struct("<I")
_SIZE = struct.Struct("<Q")


def send(conn, message) -> None:
    """Write ``message`` to ``conn`` (blocks until the other end has room for it)."""
    frames = []

    def out_of_band(buffer: pickle.PickleBuffer):
        view = buffer.raw()
        if view.nbytes < OUT_OF_BAND_BYTES:
            return True  # in band: inside the pickle
        frames.append(view)
        return None

    body = pickle.dumps(message, protocol=5, buffer_callback=out_of_band)
    sizes = b"".join(_SIZE.pack(frame.nbytes) for frame in frames)
    conn.send_bytes(_COUNT.pack(len(frames)) + sizes + body)
    for frame in frames:
        conn.send_bytes(frame)


def receive(conn):
    """Read one message from ``conn`` (blocks until it is whole; ``EOFError`` when the other
    end has gone)."""
    head = conn.recv_bytes()
    (count,) = _COUNT.unpack_from(head)
    sizes = [_SIZE.unpack_from(head, _COUNT.size + i * _SIZE.size)[0] for i in range(count)]
    frames = []
    for size in sizes:
        frame = bytearray(size)
        if size:
            conn.recv_bytes_into(frame)
        else:
            conn.recv_bytes()
        frames.append(frame)
    body = memoryview(head)[_COUNT.size + count * _SIZE.size:]
    return pickle.loads(body, buffers=frames)


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
