"""The training settings the window shows, and which of them wait for Reset.

Learning rate, optimizer, batch size, loss and regularization apply at once (the running
trainer takes them without a reset). The seed and the test split describe how training
*starts*, so a change waits for Reset ("pending") and the panel says so. The stop
condition applies at the next Train.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QObject, Signal

from nnsim.core import losses
from nnsim.core.trainer import TrainingSettings

#: settings the running trainer takes without a reset
LIVE_SETTINGS = ("learning_rate", "batch_size", "optimizer", "momentum", "loss", "regularization", "reg_rate")


class TrainingSettingsModel(QObject):
    """The settings of ``document``'s training; ``update`` checks each change."""

    #: the settings changed (a TrainingSettings, with the seed of the current weights)
    settingsChanged = Signal(object)
    #: what waits for Reset changed, as text ("" when nothing)
    pendingChanged = Signal(str)

    def __init__(self, document, settings: TrainingSettings | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._document = document
        self._settings = settings or TrainingSettings()
        self._seed = self._settings.seed
        self._pending_seed: int | None = None
        self._pending_fraction: float | None = None
        self.stop_after_epochs: int | None = None
        self.stop_below_loss: float | None = None

    # ------------------------------------------------------------------ reading
    @property
    def settings(self) -> TrainingSettings:
        """The settings in use (the seed is the one of the current weights)."""
        return dataclasses.replace(self._settings, seed=self._seed)

    @property
    def test_fraction(self) -> float:
        """The test part's share of the current data (0 without data or test part)."""
        data = self._document.data
        if data is None:
            return 0.0
        n_test, n_train = len(data.test_index), len(data.train_index)
        return n_test / max(1, n_test + n_train)

    @property
    def pending_seed(self) -> int | None:
        """The seed the next Reset takes (None: the one after the current)."""
        return self._pending_seed

    @property
    def pending_fraction(self) -> float | None:
        """The test split the next Reset applies (None: it stays)."""
        return self._pending_fraction

    def pending_text(self) -> str:
        parts = []
        if self._pending_seed is not None:
            parts.append(self.tr("seed {0}").format(self._pending_seed))
        if self._pending_fraction is not None:
            parts.append(self.tr("test split {0}%").format(round(self._pending_fraction * 100)))
        if not parts:
            return ""
        return self.tr("Press Reset to apply: {0}.").format(", ".join(parts))

    # ------------------------------------------------------------------ changes
    def update(self, **changes) -> dict:
        """Change settings; returns the live changes (for the running trainer). A bad value
        raises ``ValueError`` and changes nothing."""
        seed = changes.pop("seed", None)
        fraction = changes.pop("test_fraction", None)
        unknown = set(changes) - set(LIVE_SETTINGS)
        if unknown:
            raise ValueError(f"unknown training setting {sorted(unknown)[0]!r}")
        new = dataclasses.replace(self._settings, **changes)  # validates
        if "loss" in changes and new.loss != "auto":
            # (only a loss being chosen: one chosen earlier for another network is the
            # session's to refuse when training starts, saying why)
            losses.check(new.loss, self._document.network.activations[-1])
        if seed is not None:
            seed = int(seed)
            if seed < 0:
                raise ValueError("the seed must be a whole number >= 0")
        if fraction is not None:
            fraction = float(fraction)
            if not 0.0 <= fraction < 1.0:
                raise ValueError("the test split must be at least 0 and below 1")
        # Everything is checked: from here on nothing raises.
        if seed is not None:
            self._pending_seed = None if seed == self._seed else seed
        if fraction is not None:
            self._pending_fraction = None if abs(fraction - self.test_fraction) < 1e-9 else fraction
        live = {k: getattr(new, k) for k in LIVE_SETTINGS if getattr(new, k) != getattr(self._settings, k)}
        self._settings = new
        if live:
            self.settingsChanged.emit(self.settings)
        if seed is not None or fraction is not None:
            self.pendingChanged.emit(self.pending_text())
        return live

    def adopt(self, settings: TrainingSettings) -> None:
        """Take every setting of ``settings`` as the ones in use, its seed as the seed of the
        current weights (a reopened document); nothing waits for Reset afterwards."""
        self._settings = settings
        self._seed = settings.seed
        self._pending_seed = self._pending_fraction = None
        self.announce()

    def set_stop_condition(self, after_epochs: int | None = None, loss_below: float | None = None) -> None:
        """Pause after ``after_epochs`` more epochs (counted from Train), or when an epoch's
        loss falls below ``loss_below``. None: no such condition."""
        self.stop_after_epochs = None if after_epochs is None else int(after_epochs)
        self.stop_below_loss = None if loss_below is None else float(loss_below)

    def take_reset(self) -> tuple[int, float | None]:
        """Reset: the seed of the new weights (the pending one, else the next) and the test
        split to apply (None: keep the current one). Nothing is pending afterwards; the
        caller announces the change (``announce``) once the new split is in the document."""
        self._seed = self._pending_seed if self._pending_seed is not None else self._seed + 1
        fraction = self._pending_fraction
        self._pending_seed = self._pending_fraction = None
        return self._seed, fraction

    def announce(self) -> None:
        """Tell the views the settings and what waits for Reset, as they are now."""
        self.settingsChanged.emit(self.settings)
        self.pendingChanged.emit(self.pending_text())

    def forget_pending_split(self) -> None:
        """Other data: a split chosen for the old data does not apply to it."""
        self._pending_fraction = None
        self.pendingChanged.emit(self.pending_text())
