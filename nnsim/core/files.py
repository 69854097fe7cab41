"""Reading a user's file whole, with a size limit: a wrong pick (a video, a disk image)
must be refused at once, not read into memory."""

from __future__ import annotations

import os


class FileTooLargeError(Exception):
    """The file holds more than the reader accepts; ``size`` is what it holds (bytes, at least)."""

    def __init__(self, size: int, limit: int):
        super().__init__(f"{size} bytes, more than the {limit} accepted")
        self.size = size
        self.limit = limit


def read_capped(path, limit: int) -> bytes:
    """The bytes of the file at ``path``; ``FileTooLargeError`` if it holds more than ``limit``.

    The size is checked before reading, and the read itself stops after ``limit + 1`` bytes,
    so a file that grows meanwhile (or a device that reports no size) cannot fill memory
    either. ``OSError`` (not found, a folder, no permission...) goes to the caller, which
    knows how to say it.
    """
    with open(path, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        if size > limit:
            raise FileTooLargeError(size, limit)
        data = f.read(limit + 1)
    if len(data) > limit:
        raise FileTooLargeError(len(data), limit)
    return data
