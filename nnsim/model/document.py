"""The UI's copy of the network and everything the views show about it.

One ``NetworkDocument`` per window. Views read ``document.network`` and redraw on its
signals; they never keep a reference to arrays across ``structureChanged`` (a structural
edit replaces the network). While training runs the worker thread owns the *live* network:
the document then holds the latest snapshot, and user edits are announced through
``parameterEdited`` / ``structureEdited`` so the training controller can forward them.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal, Slot

from nnsim.core import Network
from nnsim.core.addresses import bias_index, weight_index
from nnsim.model.messages import translate_name


class NetworkDocument(QObject):
    #: parameter values changed (a slider, a snapshot, undo): redraw colours and numbers
    parametersChanged = Signal()
    #: layer sizes or activations changed: rebuild views from ``network``
    structureChanged = Signal()
    #: the chosen input sample changed
    sampleChanged = Signal()
    #: a different data set (``data``) is in use; the structure changed with it
    dataChanged = Signal()
    #: the user edited one parameter: (its flat index into ``network.params``, the new value);
    #: ``nnsim.core.addresses`` says which weight or bias an index is
    parameterEdited = Signal(int, float)
    #: the user changed the structure; the new network is ``network``
    structureEdited = Signal()

    def __init__(self, network: Network, data=None, parent: QObject | None = None):
        super().__init__(parent)
        self._network = network
        self._data = data
        self._sample_index = 0 if data is not None else -1
        self._sample = self._row_input(0) if data is not None else np.zeros(network.layer_sizes[0])
        self._raw = None  # a typed sample in the data's own units (None: a row, or no data)
        self._trace = None
        self._names: tuple[list[str], list[str]] | None = None
        self._live = False

    # ------------------------------------------------------------------ reading
    @property
    def network(self) -> Network:
        """The UI's copy. Read it; change it only through the methods below."""
        return self._network

    @property
    def data(self):
        """The ``nnsim.core.trainer.TrainingData`` the network learns from (or None)."""
        return self._data

    @property
    def sample_index(self) -> int:
        """Row of ``data.dataset`` shown as the sample; -1 when the sample was typed in."""
        return self._sample_index

    @property
    def sample(self) -> np.ndarray:
        """The input (as the network sees it) whose values the graph and panels show."""
        return self._sample.copy()

    @property
    def sample_raw(self) -> np.ndarray | None:
        """The sample in the data's own units (cm for Iris): the row's values, or the values
        typed in those units. None without a data set, or for a sample typed as the network
        sees it (``set_sample``)."""
        if self._data is None or self._data.n_inputs != self._sample.size:
            return None
        if self._sample_index >= 0:
            return np.array(self._data.dataset.X[self._sample_index], dtype=float)
        return None if self._raw is None else self._raw.copy()

    def input_names(self) -> list[str]:
        """A name per input node: the data set's features, or names given with the network."""
        n = self._network.layer_sizes[0]
        names = self._names[0] if self._names else None
        if names is None and self._data is not None:
            names = [translate_name(name) for name in self._data.dataset.feature_names]
        return _fit_names(names, n, "x")

    def output_names(self) -> list[str]:
        """A name per output node: the data set's classes (or targets), or names given."""
        n = self._network.layer_sizes[-1]
        names = self._names[1] if self._names else None
        if names is None and self._data is not None:
            ds = self._data.dataset
            names = list(ds.class_names) if ds.class_names else list(getattr(ds, "target_names", []) or [])
        return _fit_names(names, n, "y")

    def trace(self):
        """Every layer's z and activation for ``sample`` (cached until something changes)."""
        if self._trace is None:
            self._trace = self._network.trace(self._sample[None, :])
        return self._trace

    # ------------------------------------------------------------------ edits
    def set_parameter(self, index: int, value: float, user: bool = True) -> None:
        """Set the parameter at flat ``index`` of ``network.params`` (see
        ``nnsim.core.addresses``); ``user``: announce it as the user's edit."""
        index = int(index)
        if not 0 <= index < self._network.n_params:
            raise IndexError(f"parameter index {index} is outside 0..{self._network.n_params - 1}")
        self._network.params[index] = value
        self._changed()
        if user:
            self.parameterEdited.emit(index, float(value))

    def set_weight(self, l: int, i: int, j: int, value: float, user: bool = True) -> None:
        self.set_parameter(weight_index(self._network.layer_sizes, l, i, j), value, user)

    def set_bias(self, l: int, j: int, value: float, user: bool = True) -> None:
        self.set_parameter(bias_index(self._network.layer_sizes, l, j), value, user)

    def replace_network(self, network: Network, user: bool = True) -> None:
        """A structural change (or a loaded file): views rebuild from the new network."""
        if network.layer_sizes[0] != self._sample.size:
            self._sample = np.zeros(network.layer_sizes[0])
            self._raw = None
        self._network = network
        self._trace = None
        self.structureChanged.emit()
        self.parametersChanged.emit()
        if user:
            self.structureEdited.emit()

    def apply_parameters(self, params: np.ndarray, live: bool = False) -> None:
        """Copy a snapshot's flat parameters in (same structure), then redraw.

        ``live``: one of the stream of snapshots of running training. While the views are
        told, ``live`` reads True and the side panels may follow one pass of the event loop
        later (``follow_parameters``), so the graph and they never repaint in the same pass.
        """
        if params.shape != self._network.params.shape:
            raise ValueError("snapshot does not match the network's structure")
        self._network.params[...] = params
        self._live = bool(live)
        try:
            self._changed()
        finally:
            self._live = False

    @property
    def live(self) -> bool:
        """True while ``parametersChanged`` reports a snapshot of running training."""
        return self._live

    def set_sample(self, x) -> None:
        """Show a typed-in input (as the network sees it, i.e. already standardized). A wrong
        count of values, or one that is NaN or infinite, raises ``ValueError``: nothing changes."""
        try:
            x = np.array(x, dtype=float).ravel()
        except OverflowError:  # an integer beyond any float (10**400)
            raise ValueError("a sample's values must be finite numbers (no NaN or infinity)") from None
        if x.size != self._network.layer_sizes[0]:
            raise ValueError(f"a sample has {self._network.layer_sizes[0]} values, got {x.size}")
        if not np.all(np.isfinite(x)):
            raise ValueError("a sample's values must be finite numbers (no NaN or infinity)")
        self._sample_index = -1
        self._raw = None
        self._show_sample(x)

    def set_sample_raw(self, raw) -> None:
        """Show an input typed in the data's own units (a flower in cm); standardizing it for
        the network is internal. Values the network cannot take (a wrong count, NaN, or so far
        from the data that the standardized value is infinite) raise ``ValueError``: nothing
        changes."""
        if self._data is None:
            raise ValueError("no data set is loaded: type the values the network sees")
        try:
            raw = np.array(raw, dtype=float).ravel()
        except OverflowError:
            raise ValueError("a sample's values must be finite numbers (no NaN or infinity)") from None
        if raw.size != self._network.layer_sizes[0] or raw.size != self._data.n_inputs:
            raise ValueError(f"a sample has {self._network.layer_sizes[0]} values, got {raw.size}")
        if not np.all(np.isfinite(raw)):
            raise ValueError("a sample's values must be finite numbers (no NaN or infinity)")
        with np.errstate(all="ignore"):
            x = np.asarray(self._data.transform(raw[None, :]), dtype=float)[0]
        if not np.all(np.isfinite(x)):
            raise ValueError("these values are too far from the data set's to be standardized")
        self._sample_index = -1
        self._raw = raw
        self._show_sample(x)

    def set_sample_index(self, row: int) -> None:
        """Show row ``row`` of the data set (standardized as the network sees it)."""
        if self._data is None:
            raise ValueError("no data set is loaded")
        self._sample_index = int(row)
        self._raw = None
        self._show_sample(self._row_input(row))

    def set_data(self, data, network: Network, user: bool = True, sample=None, names=None) -> None:
        """Switch data set; ``network`` already has the matching input and output sizes.

        ``data`` may be None (a network on its own, e.g. the "One neuron" example): then
        ``sample`` (as the network sees it; default zeros) is shown, and ``names`` =
        ``(input_names, output_names)`` label the nodes (default x1.., y1..).
        """
        self._data = data
        self._network = network
        self._raw = None
        self._names = (list(names[0]), list(names[1])) if names is not None else None
        if data is not None and sample is None:
            self._sample_index = 0
            self._sample = self._row_input(0)
        else:
            self._sample_index = -1
            x = np.zeros(network.layer_sizes[0]) if sample is None else np.array(sample, dtype=float).ravel()
            if x.size != network.layer_sizes[0]:
                raise ValueError(f"a sample has {network.layer_sizes[0]} values, got {x.size}")
            self._sample = x
        self._trace = None
        self.dataChanged.emit()
        self.structureChanged.emit()
        self.sampleChanged.emit()
        self.parametersChanged.emit()
        if user:
            self.structureEdited.emit()

    def _row_input(self, row: int) -> np.ndarray:
        raw = self._data.dataset.X[row : row + 1]
        return np.asarray(self._data.transform(raw), dtype=float)[0]

    def _show_sample(self, x: np.ndarray) -> None:
        self._sample = x
        self._trace = None
        self.sampleChanged.emit()
        self.parametersChanged.emit()

    def _changed(self) -> None:
        self._trace = None
        self.parametersChanged.emit()


def _fit_names(names, n: int, prefix: str) -> list[str]:
    """``names`` when there is one per node, otherwise x1, x2, ... (or y1, ...)."""
    if names is not None and len(names) == n:
        return [str(name) for name in names]
    if n == 1 and prefix == "y":
        return ["y"]
    return [f"{prefix}{k + 1}" for k in range(n)]


class _ParameterFollower(QObject):
    """What ``follow_parameters`` connects: a child of the owner, so Qt cuts the connection
    when the owner is destroyed (a plain closure would outlive it and call its dead timer)."""

    def __init__(self, document: NetworkDocument, owner: QObject, refresh):
        super().__init__(owner)
        self._document = document
        self._refresh = refresh
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._refresh_now)
        document.parametersChanged.connect(self.changed)

    @Slot()
    def changed(self) -> None:
        if self._document.live:
            self._timer.start()
        else:
            self._timer.stop()
            self._refresh()

    @Slot()
    def _refresh_now(self) -> None:
        self._refresh()


def follow_parameters(document: NetworkDocument, owner: QObject, refresh) -> QObject:
    """Call ``refresh`` on ``document.parametersChanged``: at once, or, for a snapshot of
    running training (``document.live``), from a zero-interval timer, that is one pass of the
    event loop later, after the graph has repainted (several snapshots in a row make one
    refresh). Following ends when ``owner`` is destroyed.

    Returns the follower (a child of ``owner``); deleting it ends following sooner."""
    return _ParameterFollower(document, owner, refresh)
