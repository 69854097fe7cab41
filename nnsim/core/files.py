"""Reading a user's file whole, with a size limit: a wrong pick (a video, a disk image, a
device, a named pipe) must be refused at once, not read into memory or waited on."""

from __future__ import annotations

import os
import stat


class FileTooLargeError(Exception):
    """The file holds more than the reader accepts; ``size`` is what it holds (bytes, at least)."""

    def __init__(self, size: int, limit: int):
        super().__init__(f"{size} bytes, more than the {limit} accepted")
        self.size = size
        self.limit = limit


class NotARegularFileError(OSError):
    """The path names something that is not an ordinary file: a device such as /dev/zero,
    a named pipe (FIFO), a socket. ``kind`` says which, in plain words ("a device")."""

    def __init__(self, path, kind: str):
        super().__init__()
        self.filename = os.fspath(path)
        self.kind = kind

    def __str__(self) -> str:  # OSError's own would read "[Errno None] None: path"
        return f"{self.filename} is {self.kind}, not a file"


def _kind_of(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not an ordinary file"


# O_NONBLOCK: opening a FIFO for reading would otherwise wait until some program opens it
# for writing, that is forever. With it the open returns at once and fstat says what it is.
# (Windows has neither FIFOs nor O_NONBLOCK; O_BINARY keeps its bytes as they are.)
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def read_capped(path, limit: int) -> bytes:
    """The bytes of the regular file at ``path``; ``FileTooLargeError`` if it holds more than ``limit``.

    Anything that is not a regular file (a device, a FIFO, a socket) raises
    ``NotARegularFileError`` before a byte is read; a folder raises ``IsADirectoryError``.
    The size is checked before reading, and the read itself stops after ``limit + 1`` bytes
    whatever the size said, so a file that grows meanwhile (or one that reports no size, as
    /proc files do) cannot fill memory either. Other ``OSError`` (not found, no
    permission...) go to the caller, which knows how to say it.
    """
    fd = os.open(path, _OPEN_FLAGS)
    try:
        info = os.fstat(fd)  # of what was opened: no race with a file swapped after a stat
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(21, "Is a directory", os.fspath(path))
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFileError(path, _kind_of(info.st_mode))
        if info.st_size > limit:
            raise FileTooLargeError(info.st_size, limit)
        # O_NONBLOCK does nothing for a regular file, so this reads like any other open().
        with os.fdopen(fd, "rb") as f:
            fd = -1  # the file object closes it now
            data = f.read(limit + 1)
    finally:
        if fd >= 0:
            os.close(fd)
    if len(data) > limit:
        raise FileTooLargeError(len(data), limit)
    return data
