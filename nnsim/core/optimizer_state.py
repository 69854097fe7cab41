"""The optimizer's memory, frozen: what a document keeps so training goes on exactly.

Momentum remembers a velocity, Adam a step count ``t`` and two moments ``m`` and ``v``
(``nnsim.core.optimizers``); a reopened document that started them from zero would not be
the same training (Adam's first steps after reopening would be large again). The shuffling
generator's state goes along too: the next epoch's order of the examples is then the one an
uninterrupted run draws. With both, training N epochs, saving, reopening and training M more
gives bit-identical weights to N + M epochs in one go (from an epoch's end: the rest of an
epoch under way is abandoned on reopening, as after a batch-size change).

``OptimizerState`` is plain Python and read-only NumPy arrays (no Qt; it travels in the training process's messages): the
training session puts one in every snapshot, the window keeps the latest next to the
parameters, and the document writes it as JSON numbers (``float`` repr: every float64 comes
back exactly). ``state_from_dict`` reads one back *leniently*: a state that does not fit (another
optimizer, a wrong length, NaN, infinite or huge numbers, wrong types) is ignored, with the
reason, and training goes on with a fresh optimizer; the document still opens.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from nnsim.core.arrays import frozen_copy

#: a velocity or moment larger than this is not a trained state (and would overflow soon)
MAX_VALUE = 1e300
MAX_STEPS = 2**53
#: the shuffling generator's state: ``PCG64``'s 128-bit numbers, as hexadecimal texts
_HEX_DIGITS = 32


@dataclass(frozen=True, eq=False)
class OptimizerState:
    """``name``: "sgd", "momentum" or "adam"; ``t``: Adam's step count; ``velocity``
    (Momentum), ``m`` and ``v`` (Adam): read-only float64 arrays, one value per parameter
    (None where the optimizer has none); ``shuffle``: the shuffling generator's PCG64 state
    as ``(state, inc, has_uint32, uinteger)`` or None."""

    name: str
    t: int = 0
    velocity: np.ndarray | None = None
    m: np.ndarray | None = None
    v: np.ndarray | None = None
    shuffle: tuple | None = None

    @property
    def n_params(self) -> int | None:
        """How many parameters the memory is for (None: SGD, which remembers nothing)."""
        for array in (self.velocity, self.m):
            if array is not None:
                return int(array.size)
        return None

    def to_dict(self) -> dict:
        """As JSON values (lists of Python floats: ``json`` writes their exact repr)."""
        d: dict = {"optimizer": self.name}
        if self.name == "momentum":
            d["velocity"] = self.velocity.tolist()
        elif self.name == "adam":
            d.update(t=self.t, m=self.m.tolist(), v=self.v.tolist())
        if self.shuffle is not None:
            state, inc, has_uint32, uinteger = self.shuffle
            d["shuffle"] = {"bit_generator": "PCG64", "state": f"{state:x}", "inc": f"{inc:x}",
                            "has_uint32": has_uint32, "uinteger": uinteger}
        return d

    def generator_state(self) -> dict | None:
        """``shuffle`` as NumPy's ``bit_generator.state`` (None without one)."""
        if self.shuffle is None:
            return None
        state, inc, has_uint32, uinteger = self.shuffle
        return {"bit_generator": "PCG64", "state": {"state": state, "inc": inc},
                "has_uint32": has_uint32, "uinteger": uinteger}


def capture(optimizer, rng: np.random.Generator | None = None) -> OptimizerState:
    """A frozen copy of ``optimizer``'s memory (and of ``rng``'s state, a PCG64 generator)."""
    shuffle = None
    if rng is not None:
        s = rng.bit_generator.state
        if s.get("bit_generator") == "PCG64":
            shuffle = (int(s["state"]["state"]), int(s["state"]["inc"]), int(s["has_uint32"]), int(s["uinteger"]))
    name = optimizer.name
    if name == "momentum":
        return OptimizerState(name, velocity=frozen_copy(optimizer.velocity), shuffle=shuffle)
    if name == "adam":
        return OptimizerState(name, t=int(optimizer.t), m=frozen_copy(optimizer.m), v=frozen_copy(optimizer.v),
                              shuffle=shuffle)
    return OptimizerState(name, shuffle=shuffle)


def restore(optimizer, rng: np.random.Generator, state: OptimizerState) -> bool:
    """Put ``state`` into ``optimizer`` and ``rng``; False (and nothing changed) when it is
    for another optimizer or another number of parameters."""
    problem = fit_problem(state, optimizer.name, _n_params(optimizer))
    if problem:
        return False
    if state.name == "momentum":
        np.copyto(optimizer.velocity, state.velocity)
    elif state.name == "adam":
        optimizer.t = int(state.t)
        np.copyto(optimizer.m, state.m)
        np.copyto(optimizer.v, state.v)
    generator = state.generator_state()
    if generator is not None and rng.bit_generator.state.get("bit_generator") == "PCG64":
        rng.bit_generator.state = generator
    return True


def _n_params(optimizer) -> int | None:
    for name in ("velocity", "m"):
        array = getattr(optimizer, name, None)
        if array is not None:
            return int(array.size)
    return None


def fit_problem(state, optimizer: str, n_params: int | None) -> str:
    """Why ``state`` does not fit an ``optimizer`` (a name) over ``n_params`` parameters
    ("" when it fits)."""
    if not isinstance(state, OptimizerState):
        return "it is not an optimizer state"
    if state.name != optimizer:
        return f"it is the memory of {state.name}, but the training uses {optimizer}"
    if n_params is not None and state.n_params is not None and state.n_params != n_params:
        return f"it holds {state.n_params} values per moment, but the network has {n_params} parameters"
    return ""


# ------------------------------------------------------------------------------ reading
class _Unfit(Exception):
    pass


def _values(value, name: str, n_params: int, low: float) -> np.ndarray:
    if not isinstance(value, list) or len(value) != n_params:
        raise _Unfit(f"its {name} must be a list of {n_params} numbers")
    for x in value:
        if isinstance(x, bool) or not isinstance(x, (int, float)):
            raise _Unfit(f"its {name} holds something that is not a number")
        try:
            x = float(x)
        except OverflowError:
            raise _Unfit(f"its {name} holds a number too large") from None
        if not (math.isfinite(x) and low <= x <= MAX_VALUE):
            raise _Unfit(f"its {name} holds {x!r}, outside {low:g} to {MAX_VALUE:g}")
    return frozen_copy(np.array(value, dtype=np.float64))


def _whole(value, name: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _Unfit(f"its {name} must be a whole number from {low} to {high}")
    return value


def _hex(value, name: str) -> int:
    if not isinstance(value, str) or not 0 < len(value) <= _HEX_DIGITS:
        raise _Unfit(f"its shuffling {name} must be a hexadecimal text of at most {_HEX_DIGITS} digits")
    try:
        return int(value, 16)
    except ValueError:
        raise _Unfit(f"its shuffling {name} is not a hexadecimal number") from None


def _shuffle_from(value):
    if value is None:
        return None
    if not isinstance(value, dict) or set(value) != {"bit_generator", "state", "inc", "has_uint32", "uinteger"}:
        raise _Unfit("its shuffle must be an object with bit_generator, state, inc, has_uint32 and uinteger")
    if value["bit_generator"] != "PCG64":
        raise _Unfit("its shuffle is not for the PCG64 generator")
    inc = _hex(value["inc"], "inc")
    if inc % 2 == 0:
        raise _Unfit("its shuffling inc must be odd")
    return (_hex(value["state"], "state"), inc, _whole(value["has_uint32"], "has_uint32", 0, 1),
            _whole(value["uinteger"], "uinteger", 0, 2**32 - 1))


def state_from_dict(value, optimizer: str, n_params: int) -> tuple[OptimizerState | None, str]:
    """The stored ``value`` (a parsed JSON value, or None) as the memory of ``optimizer``
    over ``n_params`` parameters: ``(state, "")``, or ``(None, why)`` when it does not fit
    (then training starts with a fresh optimizer). ``(None, "")``: nothing was stored.
    Never raises."""
    if value is None:
        return None, ""
    try:
        if not isinstance(value, dict):
            raise _Unfit("it is not an object")
        name = value.get("optimizer")
        if name != optimizer:
            shown = name if isinstance(name, str) and len(name) <= 20 else "another optimizer"
            raise _Unfit(f"it is the memory of {shown}, but the training uses {optimizer}")
        allowed = {"optimizer", "shuffle"} | {"momentum": {"velocity"}, "adam": {"t", "m", "v"}}.get(name, set())
        unknown = sorted(set(value) - allowed)
        if unknown:
            raise _Unfit(f"it has an unknown entry {str(unknown[0])[:20]!r}")
        shuffle = _shuffle_from(value.get("shuffle"))
        if name == "momentum":
            state = OptimizerState(name, velocity=_values(value.get("velocity"), "velocity", n_params, -MAX_VALUE),
                                   shuffle=shuffle)
        elif name == "adam":
            state = OptimizerState(name, t=_whole(value.get("t"), "step count t", 0, MAX_STEPS),
                                   m=_values(value.get("m"), "m", n_params, -MAX_VALUE),
                                   v=_values(value.get("v"), "v", n_params, 0.0), shuffle=shuffle)
        else:
            state = OptimizerState(name, shuffle=shuffle)
    except _Unfit as unfit:
        return None, f"the optimizer's memory in the file was ignored ({unfit})"
    return state, ""
