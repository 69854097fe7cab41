"""The link to the training process: its life, and its commands (the window's side).

``ProcessLink`` does for a child process (``nnsim.training.session_server``) what
``ThreadLink`` does for a thread, with the same signals and commands, so the controller does
not know which it has. Why a process: see ``session_server``'s docstring (the window stops
waiting for the interpreter lock the trainer holds).

- The process starts on first use, forked from a *forkserver* that has already imported
  NumPy and the engine (a clean process with no Qt threads in it: forking the window itself
  would copy a half-held lock; spawning would import everything again, about half a second).
- Commands go out in order through a sender thread, so the window never waits for the
  process to read (a big table takes a while to cross): the window's thread only hands the
  message over.
- Reports come back on the window's thread: a ``QSocketNotifier`` on the connection says
  when one is there; each is read, its arrays frozen, and passed on as the same signals the
  thread link emits.
- ``state()`` asks the process what it holds and waits for the answer (tests; saving the
  trainer's own numbers).
- If the process ends unexpectedly (killed, out of memory), the window hears an ``error``
  and the next command starts a fresh process, which the controller loads again.
"""

from __future__ import annotations

import itertools
import multiprocessing
import queue
import threading
import time

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from nnsim.training import wire
from nnsim.training.session_server import KEPT_DATA, DataToken, serve

#: seconds ``shutdown`` waits for the process to say it stopped before it is terminated
STOP_SECONDS = 3.0

_context = None
#: every training process started, until it is seen to have ended (``running_processes``)
_started: list = []


def running_processes() -> list:
    """The training processes still alive (tests check that none is left behind)."""
    _started[:] = [p for p in _started if p.is_alive()]
    return list(_started)


def process_context():
    """The forkserver context, preloaded with the training side's modules (once)."""
    global _context
    if _context is None:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["nnsim.training.session_server"])
        _context = context
    return _context


def warm_up() -> None:
    """Start the forkserver in the background (it imports NumPy and the engine once, about a
    quarter of a second), so the first ``start_thread`` only forks. Harmless when it runs."""
    process_context()

    def start_server():
        try:
            from multiprocessing import forkserver

            forkserver.ensure_running()
        except Exception:  # noqa: BLE001 - the first start_thread tries again and reports
            pass

    threading.Thread(target=start_server, name="nnsim-forkserver-start", daemon=True).start()


class ProcessLink(QObject):
    """A training process and its commands, started by ``start_thread`` (the name the
    controller knows from ``ThreadLink``)."""

    snapshot = Signal(object)
    diverged = Signal(str)
    finished = Signal()
    error = Signal(str)
    #: the process ended without being asked to (its exit code); ``error`` says so too
    lost = Signal(int)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._process = None
        self._conn = None
        self._notifier: QSocketNotifier | None = None
        self._outbox: queue.SimpleQueue | None = None
        self._sender: threading.Thread | None = None
        self._data: list[tuple[int, object]] = []  # (token, data) the process holds, oldest first
        self._tokens = itertools.count(1)
        self._requests = itertools.count(1)
        self._held: list = []  # messages read while waiting for a state answer, in order
        self._drain_soon = QTimer(self)
        self._drain_soon.setSingleShot(True)
        self._drain_soon.setInterval(0)
        self._drain_soon.timeout.connect(self._read)

    # ------------------------------------------------------------------ the link's life
    @property
    def worker(self):
        """There is no worker object in this process (``state()`` reads the session)."""
        return None

    @property
    def thread(self):
        return None

    @property
    def process(self):
        """The ``multiprocessing`` process (None before ``start_thread``)."""
        return self._process

    @property
    def started(self) -> bool:
        """The process runs (commands reach a session)."""
        return self._process is not None

    def start_thread(self) -> None:
        """Start the training process, unless it runs already."""
        if self._process is not None:
            return
        context = process_context()
        mine, theirs = context.Pipe(duplex=True)
        process = context.Process(target=serve, args=(theirs,), name="nnsim-training", daemon=True)
        process.start()
        _started.append(process)
        theirs.close()  # the child holds its end; ours must not keep it open
        self._process, self._conn = process, mine
        self._data = []
        self._held = []
        self._outbox = queue.SimpleQueue()
        self._sender = threading.Thread(target=_send_all, args=(mine, self._outbox),
                                        name="nnsim-training-sender", daemon=True)
        self._sender.start()
        self._notifier = QSocketNotifier(mine.fileno(), QSocketNotifier.Read, self)
        self._notifier.activated.connect(self._read)

    def _post(self, message) -> None:
        self.start_thread()
        self._outbox.put(message)

    # ------------------------------------------------------------------ commands
    def _call(self, name: str, *args) -> None:
        self._post(("call", name, args))

    def _token(self, data):
        """``data`` as the token the process knows it by (sent first if it does not yet)."""
        if data is None:
            return None
        for token, known in self._data:
            if known is data:
                return DataToken(token)
        token = next(self._tokens)
        self._post(("data", token, data))
        self._data.append((token, data))
        del self._data[:-KEPT_DATA]
        return DataToken(token)

    def load(self, network, data, settings, generation: int, reset: bool, epoch: int | None = None,
             optimizer_state=None) -> None:
        self.start_thread()
        self._call("load", network, self._token(data), settings, generation, reset, epoch, optimizer_state)

    def resume(self, stop_after_epochs, stop_below_loss) -> None:
        self._call("resume", stop_after_epochs, stop_below_loss)

    def pause(self) -> None:
        self._call("pause")

    def step(self) -> None:
        self._call("step_epoch")

    def step_example(self, row: int | None) -> None:
        self._call("step_example", row)

    def step_batch(self) -> None:
        self._call("step_batch")

    def set_pace(self, pace) -> None:
        self._call("set_pace", pace)

    def set_parameter(self, index: int, value: float, serial: int) -> None:
        self._call("set_parameter", int(index), float(value), int(serial))

    def update_settings(self, changes: dict) -> None:
        self._call("update_settings", dict(changes))

    def replace_network(self, network, data, generation: int) -> None:
        self.start_thread()
        self._call("replace_network", network, self._token(data), generation)

    def set_plane_features(self, features) -> None:
        self._call("set_plane_features", tuple(features))

    def state(self, timeout: float = 5.0):
        """What the session holds now (a ``SessionState``), or None when there is no process
        or it did not answer within ``timeout`` seconds. Reports that arrive meanwhile are
        passed on afterwards, in order."""
        if self._process is None:
            return None
        request = next(self._requests)
        self._post(("state", request))
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            try:
                if left <= 0 or not self._conn.poll(left):
                    return None
                message = wire.receive(self._conn)
            except (EOFError, OSError):
                self._drain_soon.start()
                return None
            if message[0] == "state" and message[1] == request:
                if self._held:
                    self._drain_soon.start()
                return message[2]
            self._held.append(message)

    # ------------------------------------------------------------------ reports
    def _read(self, *_args) -> None:
        """Pass on what the process sent: the held messages first, then what is waiting."""
        conn = self._conn
        while self._held:
            self._dispatch(self._held.pop(0))
        if conn is None or conn is not self._conn:
            return
        try:
            while conn is self._conn and conn.poll(0):
                self._dispatch(wire.receive(conn))
        except (EOFError, OSError):
            self._gone()

    def _dispatch(self, message) -> None:
        kind = message[0]
        if kind != "report":
            return  # a late "state" answer or "stopped": nobody waits for it any more
        report = message[1]
        snap = report.snapshot
        if snap is not None:
            wire.freeze_arrays(snap)
            self._post(("ack", snap.serial))
            self.snapshot.emit(snap)
        if report.diverged is not None:
            self.diverged.emit(report.diverged)
        if report.finished:
            self.finished.emit()
        if report.error is not None:
            self.error.emit(report.error)

    def _gone(self) -> None:
        """The process ended without being asked: say so; the next command starts another."""
        process = self._process
        self._close()
        code = -1
        if process is not None:
            process.join(0.5)
            code = process.exitcode if process.exitcode is not None else -1
        self.lost.emit(code)
        self.error.emit(f"training stopped: the training process ended (exit code {code})")

    # ------------------------------------------------------------------ the end
    def shutdown(self) -> None:
        """Stop the process and wait for it (a chunk lasts milliseconds)."""
        process, conn, outbox, sender = self._process, self._conn, self._outbox, self._sender
        if process is None:
            return
        self._close(keep_conn=True)
        outbox.put(("stop",))
        outbox.put(None)  # the sender ends after the stop
        sender.join(STOP_SECONDS)
        deadline = time.monotonic() + STOP_SECONDS
        try:
            while time.monotonic() < deadline and conn.poll(max(0.0, deadline - time.monotonic())):
                if wire.receive(conn)[0] == "stopped":
                    break
        except (EOFError, OSError):
            pass
        conn.close()
        process.join(max(0.1, deadline - time.monotonic()))
        if process.is_alive():
            process.terminate()
            process.join(1.0)
        if process.is_alive():
            process.kill()
            process.join(1.0)

    def _close(self, keep_conn: bool = False) -> None:
        """Forget the process: no notifier, no sender, no data (the connection too, unless
        ``keep_conn``)."""
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if not keep_conn:
            if self._outbox is not None:
                self._outbox.put(None)
            if self._conn is not None:
                try:
                    self._conn.close()
                except OSError:
                    pass
        self._process = self._conn = self._outbox = self._sender = None
        self._data = []
        self._held = []


def _send_all(conn, outbox: queue.SimpleQueue) -> None:
    """The sender thread: write each message in order until ``None`` (or the process has gone)."""
    while True:
        message = outbox.get()
        if message is None:
            return
        try:
            wire.send(conn, message)
        except (OSError, EOFError, ValueError):
            return  # the process has gone: the window's notifier hears it
