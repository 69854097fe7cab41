"""Autosave and recovery: a copy of unsaved work, so a crash loses at most a minute of it.

While a window's document has unsaved changes, ``Recovery`` writes it every minute
(``AUTOSAVE_MS``) to a recovery copy in the user's data folder
(``QStandardPaths.AppDataLocation``/recovery), never over the file the user opened: the
copy ``<id>.nnsim``, and beside it ``<id>.json`` saying which file it is a copy of and when
it was made. While the window lives it holds ``<id>.lock`` (a ``QLockFile``); a normal close
or a save removes all three. At the next start (``nnsim.app.main``) a copy whose lock is
free (its nnsim ended without closing: a crash, a power cut) is offered back; restored, it
opens marked modified, named after its original, which is not touched until the user saves.

``data_folder()`` is the one place that says where; tests point it at a temporary folder.
"""

from __future__ import annotations

import datetime
import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QIODevice, QLockFile, QObject, QSaveFile, QStandardPaths, QTimer, Slot

#: how often unsaved work is copied (milliseconds)
AUTOSAVE_MS = 60_000
RECOVERY_FOLDER = "recovery"


def data_folder() -> Path:
    """The user's data folder for nnsim (errors.log and recovery copies live there)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.AppDataLocation) or str(Path.home() / ".nnsim")
    return Path(folder)


def write_file(path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically with ``QSaveFile`` (a temporary file in the same
    folder, renamed over the old one on commit). ``OSError`` saying why if anything fails;
    an existing file is then left exactly as it was."""
    path = Path(path)
    file = QSaveFile(str(path))
    file.setDirectWriteFallback(False)
    if not file.open(QIODevice.WriteOnly):
        raise OSError(file.errorString() or f"cannot write {path}")
    written = file.write(data)
    if written != len(data):
        problem = file.errorString() or "the disk took only part of the file"
        file.cancelWriting()
        file.commit()  # (cancelled: discards the temporary file)
        raise OSError(problem)
    if not file.commit():
        raise OSError(file.errorString() or "the file could not be put in place")


@dataclass(frozen=True)
class RecoveryCopy:
    """A recovery copy left by an nnsim that did not close: its ``path``, the ``original``
    file it is a copy of (None: an untitled document), when it was ``made``."""

    path: Path
    original: Path | None
    made: datetime.datetime
    title: object = ""


class Recovery(QObject):
    """The recovery copy of one window's document. ``snapshot`` gives the document's bytes
    (or raises), ``modified`` says whether there is anything to keep, ``describe`` gives
    (original path or None, title) for the side file."""

    def __init__(self, snapshot, modified, describe, folder: Path | None = None, parent: QObject | None = None,
                 interval_ms: int = AUTOSAVE_MS):
        super().__init__(parent)
        self._snapshot, self._modified, self._describe = snapshot, modified, describe
        self._folder = folder
        self._id = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self._lock: QLockFile | None = None
        #: this window's recovery copy, once written (None before the first autosave)
        self.path: Path | None = None
        #: why the last autosave failed ("" when it worked)
        self.problem = ""
        self.timer = QTimer(self)
        self.timer.setObjectName("autosaveTimer")
        self.timer.setInterval(int(interval_ms))
        self.timer.timeout.connect(self.autosave)
        self.timer.start()

    @property
    def folder(self) -> Path:
        return Path(self._folder) if self._folder is not None else data_folder() / RECOVERY_FOLDER

    # ------------------------------------------------------------------ writing
    @Slot()
    def autosave(self) -> bool:
        """Copy the document now if it has unsaved changes; True when a copy was written.
        A failure (a full disk) is kept in ``problem`` and tried again next time."""
        if not self._modified():
            return False
        try:
            data = self._snapshot()
            folder = self.folder
            folder.mkdir(parents=True, exist_ok=True)
            if self._lock is None:
                lock = QLockFile(str(folder / f"{self._id}.lock"))
                lock.setStaleLockTime(0)  # only a dead process's lock is stale, however old
                if lock.tryLock(0):
                    self._lock = lock
            path = folder / f"{self._id}.nnsim"
            write_file(path, data)
            original, title = self._describe()
            info = {"original": None if original is None else str(original),
                    "made": datetime.datetime.now().astimezone().isoformat(timespec="seconds"), "title": title}
            write_file(folder / f"{self._id}.json", json.dumps(info, ensure_ascii=False).encode("utf-8"))
        except Exception as error:  # noqa: BLE001 - an autosave must never interrupt the lesson
            self.problem = str(error)
            return False
        self.path, self.problem = path, ""
        return True

    def discard(self) -> None:
        """The work is saved (or closed on purpose): remove this window's copy."""
        folder = self.folder
        for name in (f"{self._id}.nnsim", f"{self._id}.json"):
            try:
                (folder / name).unlink()
            except OSError:
                pass
        self.path = None
        if self._lock is not None:
            self._lock.unlock()  # removes the lock file
            self._lock = None

    def stop(self) -> None:
        self.timer.stop()

    # ------------------------------------------------------------------ after a crash
    def orphans(self) -> list[RecoveryCopy]:
        """Copies that no running nnsim holds, newest first."""
        folder = self.folder
        found = []
        for path in sorted(folder.glob("*.nnsim")) if folder.is_dir() else []:
            stem = path.stem
            if stem == self._id:
                continue
            lock = QLockFile(str(folder / f"{stem}.lock"))
            lock.setStaleLockTime(0)
            if not lock.tryLock(0):
                continue  # another nnsim is running with it
            lock.unlock()
            original, made, title = None, None, ""
            try:
                info = json.loads((folder / f"{stem}.json").read_text(encoding="utf-8"))
                original = Path(info["original"]) if isinstance(info.get("original"), str) else None
                made = datetime.datetime.fromisoformat(info["made"])
                title = info.get("title", "")
            except (OSError, ValueError, KeyError, TypeError):
                pass
            if made is None:
                made = datetime.datetime.fromtimestamp(path.stat().st_mtime).astimezone()
            found.append(RecoveryCopy(path, original, made, title))
        found.sort(key=lambda copy: copy.made, reverse=True)
        return found

    @staticmethod
    def remove(copy: RecoveryCopy) -> None:
        """Delete a recovery copy (restored or declined) and its side files."""
        for suffix in (".nnsim", ".json", ".lock"):
            try:
                copy.path.with_suffix(suffix).unlink()
            except OSError:
                pass
