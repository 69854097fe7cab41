"""How fast training runs while a class watches (plain Python, no Qt).

A pace is a rate of weight updates: the slowest ones count single updates a second (each
one drawn, so a class can follow a weight as it moves), the middle ones whole epochs a
second (the loss falls over several seconds, the way a web playground shows one epoch per
frame), and full speed trains as fast as the machine can. The session turns a pace into
mini-batches a second for its data (``batches_per_second``).

Iris learns most of what it will in its first 20-50 epochs (measured, learning rate 0.1,
batch 10: loss 0.55 after 1 epoch, 0.08 after 20, 0.04 after 50), so the default of 5
epochs a second shows that fall over 5-10 seconds.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Pace:
    """``key`` names the pace (the window translates it); exactly one of
    ``updates_per_second`` and ``epochs_per_second`` is set, or neither for full speed."""

    key: str
    updates_per_second: float | None = None
    epochs_per_second: float | None = None

    @property
    def full_speed(self) -> bool:
        return self.updates_per_second is None and self.epochs_per_second is None

    def batches_per_second(self, batches_per_epoch: int) -> float | None:
        """Mini-batches (weight updates) a second for data with ``batches_per_epoch``
        batches in an epoch; None at full speed."""
        if self.updates_per_second is not None:
            return float(self.updates_per_second)
        if self.epochs_per_second is not None:
            return float(self.epochs_per_second) * max(1, int(batches_per_epoch))
        return None


#: the paces the window offers, slowest first
PACES = (
    Pace("slow_motion", updates_per_second=1),
    Pace("very_slow", updates_per_second=3),
    Pace("slow", updates_per_second=10),
    Pace("steady", epochs_per_second=1),
    Pace("normal", epochs_per_second=5),
    Pace("quick", epochs_per_second=30),
    Pace("fast", epochs_per_second=300),
    Pace("full_speed"),
)
DEFAULT_PACE = 4  # "normal"
FULL_SPEED = PACES[-1]


def pace_named(key: str) -> Pace:
    """The pace called ``key`` (``ValueError`` for a name that is none)."""
    for pace in PACES:
        if pace.key == key:
            return pace
    raise ValueError(f"unknown pace {key!r} (known: {', '.join(p.key for p in PACES)})")
