"""The training process: a ``TrainingSession`` served over a connection (plain Python, no Qt).

Why a process and not a thread: in one process the window and the training share one
interpreter lock. The window calls into Python dozens of times for each repaint, and each
time it may wait for the trainer to let go; measured on two cores, that alone made the
window's event loop miss 20 ms and sometimes 200 ms while the trainer ran (stack samples
showed the UI thread waiting for the lock). In a process of its own the trainer has its own
interpreter and its own core, and the window only pays for reading the snapshots.

``serve(conn)`` is the process's whole life. It runs the session the way
``nnsim.training.worker.TrainingWorker`` runs it in a thread: commands arrive in order and run
between two chunks of training (``session.advance(CHUNK_SECONDS)``); at a slow pace it waits
for the next update with the connection's ``poll`` (a command arriving meanwhile runs at
once). Every report with something in it goes back as ``("report", Report)``.

Messages from the window (``nnsim.training.wire``):

- ``("data", token, TrainingData)``: a data set the next commands refer to by ``token``, so
  a table crosses once and the session sees *the same* object each time (it keeps the
  optimizer and the epoch only while ``data is self.data``);
- ``("call", name, args)``: a session command (``COMMANDS``); ``DataToken`` arguments are
  replaced by their data;
- ``("ack", serial)``: the window has received snapshot ``serial``;
- ``("state", request)``: answer ``("state", request, SessionState)`` (tests, documents);
- ``("stop",)``: forget everything, answer ``("stopped",)`` and end.

Nothing raises out of the loop: the session never raises, and a message that cannot be
read or used comes back as a report with an error. When the window's end of the connection
goes away (the window closed or crashed), the process ends.
"""

from __future__ import annotations

from dataclasses import dataclass

from nnsim.core.trainer import TrainingSettings
from nnsim.training import wire
from nnsim.training.pace import Pace
from nnsim.training.session import Report, TrainingSession

#: target duration of one chunk of training (as in the training thread)
CHUNK_SECONDS = 0.008
#: snapshots the window may not have acknowledged yet before the session holds the next ones
MAX_IN_FLIGHT = 2
#: data sets the process remembers by token (the window remembers the same ones)
KEPT_DATA = 4

#: the session's commands the window may call, and nothing else
COMMANDS = frozenset({
    "load", "resume", "pause", "step_epoch", "step_example", "step_batch", "set_pace",
    "set_parameter", "update_settings", "replace_network", "set_plane_features",
})


@wire.register
@dataclass(frozen=True)
class DataToken:
    """Stands for the data set sent before as ``("data", number, ...)``."""

    number: int


@wire.register
@dataclass(frozen=True)
class SessionState:
    """What the session holds, for whoever asks (tests, and anything that must read the
    training side's own numbers): copies, nothing shared."""

    network: object  # a Network copy, or None before a load
    settings: TrainingSettings | None
    epoch: int
    n_train: int
    pace: Pace
    running: bool
    refused: str | None
    generation: int
    #: the trainer's optimizer memory (``nnsim.core.optimizer_state.OptimizerState``) or None
    optimizer_state: object = None
    batches_per_epoch: int = 0


def session_state(session: TrainingSession) -> SessionState:
    trainer = session.trainer
    return SessionState(
        network=trainer.network.copy() if trainer is not None else None,
        settings=trainer.settings if trainer is not None else None,
        epoch=session.epoch,
        n_train=trainer.n_train if trainer is not None else 0,
        pace=session.pace,
        running=session.running,
        refused=session.refused,
        generation=session.generation,
        optimizer_state=trainer.optimizer_state() if trainer is not None else None,
        batches_per_epoch=trainer.batches_per_epoch if trainer is not None else 0,
    )


def serve(conn, chunk_seconds: float = CHUNK_SECONDS, max_in_flight: int = MAX_IN_FLIGHT) -> None:
    """Serve a session on ``conn`` until ``("stop",)`` or until the other end goes away."""
    _one_blas_thread()
    server = _Server(conn, TrainingSession(max_in_flight=max_in_flight), chunk_seconds)
    server.run()


def _one_blas_thread() -> None:
    """One BLAS thread: on two cores, a multi-threaded matrix product here would take the
    window's core too."""
    try:
        from threadpoolctl import threadpool_limits

        threadpool_limits(limits=1, user_api="blas")
    except Exception:  # noqa: BLE001 - only a speed setting: train anyway
        pass


class _Server:
    def __init__(self, conn, session: TrainingSession, chunk_seconds: float):
        self.conn = conn
        self.session = session
        self.chunk_seconds = chunk_seconds
        self.data: list[tuple[int, object]] = []  # (token, data), oldest first
        self.wait: float | None = None  # seconds until the paced session's next update

    def run(self) -> None:
        while True:
            timeout = (0.0 if self.wait is None else self.wait) if self.session.running else None
            try:
                if self.conn.poll(timeout):
                    if not self._handle(wire.receive(self.conn)):
                        return
                    continue
            except (EOFError, OSError):
                self.session.stop()
                return  # the window has gone
            except Exception as exc:  # noqa: BLE001 - a message that cannot be read: say so
                self.session.running = False
                self._publish(Report(error=f"training stopped: {exc}"))
                continue
            self._publish(self.session.advance(self.chunk_seconds))

    def _handle(self, message) -> bool:
        """Run one message; False when it was ``stop``."""
        kind = message[0]
        if kind == "call":
            _, name, args = message
            if name not in COMMANDS:
                self._publish(Report(error=f"training stopped: unknown command {name!r}"))
            else:
                self._publish(getattr(self.session, name)(*(self._resolve(a) for a in args)))
        elif kind == "ack":
            self.session.acknowledge(message[1])
        elif kind == "data":
            self.data.append((message[1], message[2]))
            del self.data[:-KEPT_DATA]
        elif kind == "state":
            wire.send(self.conn, ("state", message[1], session_state(self.session)))
        elif kind == "stop":
            self.session.stop()
            wire.send(self.conn, ("stopped",))
            return False
        return True

    def _resolve(self, arg):
        if isinstance(arg, DataToken):
            for token, data in self.data:
                if token == arg.number:
                    return data
            return None  # forgotten: the session refuses "no data set"
        return arg

    def _publish(self, report: Report) -> None:
        """Send a report with something in it; remember how long a paced session waits."""
        if (report.snapshot is not None or report.diverged is not None or report.finished
                or report.error is not None):
            wire.send(self.conn, ("report", report))
        self.wait = report.wait if self.session.running else None
