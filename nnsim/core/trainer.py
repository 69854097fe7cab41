"""Training: mini-batch gradient descent on a network, a batch or an epoch at a time.

    trainer = Trainer(network, data, TrainingSettings(learning_rate=0.1))
    metrics = trainer.step(10)        # 10 epochs, then train/test loss and accuracy
    trainer.train_epochs(100)         # the fast path: no full-set evaluation
    run = trainer.train_batches(25)   # 25 mini-batches, across epoch ends if need be

One epoch shows the network every training example once, in mini-batches of
``batch_size`` examples in a fresh random order (seeded: the same seed gives bit-identical
weights). After each batch the optimizer moves every weight and bias a little against the
gradient of the batch's loss.

Batch granularity: a training session calls ``train_batches`` many times a second against a
clock, so a big data set never blocks for a whole epoch. The trainer remembers where it is
in the epoch (``batch_position``, ``examples_done``); the epoch's order is drawn when its
first batch is trained. However the batches are chunked, the same seed gives the same
weights as ``train_epochs``. Changing the batch size, the loss or the network mid-epoch
abandons the rest of that epoch: its batches already trained stay trained, the epoch count
does not grow, and training goes on with a fresh epoch (a new order, ``batch_position``
0). Other changes (learning rate, optimizer, regularization, seed) keep the position; a new
seed takes effect at the next epoch's order.

Speed: nothing is allocated per batch. Each epoch permutes the training rows once into
preallocated buffers (``np.take(..., out=)``), so the batches are fixed views into them;
those rows carry a column of ones, the layout the network's fast step wants (its biases
ride along in the weight matmuls), so no batch is copied again. Each batch size gets a step
plan with every array bound in advance (``fast_step.StepPlan``), one flat gradient buffer is
reused, and the optimizer updates the whole flat parameter buffer at once. Full-set
metrics are computed only when asked (``evaluate``, ``step``), at the rate the window
shows them.

Divergence: a loss that is not a finite number means the learning rate was too large.
The trainer then restores the last good parameters, abandons the partial epoch, starts a
fresh optimizer, stops, and says so in ``diverged``. The rule it keeps: the parameters it
keeps (and ``evaluate`` reports on) give a finite loss on the whole training part.

Checking that is the subtle part. An epoch's loss is the mean of its batch losses, each
measured *before* that batch's update, so the weights after the last update of an epoch
have not been measured at all: one huge step (learning rate 1e150) can take finite weights
to 1e156, whose loss overflows, with every measured loss finite. Measuring those weights
would cost a forward pass over the training set every epoch (a third of an epoch's work).
Instead a bound does it almost for free. If every weight and bias lies within ±M and every
input within ±x, a node of a layer with n inputs has ``|z| <= M·(n·|a| + 1)`` where ``|a|``
bounds the layer below (``x`` for the inputs, 1 after sigmoid, tanh, step and softmax, the
``|z|`` bound itself after relu and linear); the loss is then at most ``k·(|a| + |y|)²/2``
for squared error (k outputs, targets within ±y) and ``k·(2|z| + 1)`` for cross-entropy
(targets within 0..1; ``log p = z - logsumexp(z) >= -2·max|z| - log k``). ``safe_magnitude`` finds, once per
network and data, the largest M (a power of two) that keeps every such bound below
``LOSS_LIMIT`` (1e300: room for the sums' rounding below 1.8e308, the largest float). So
after every epoch, and at the end of a ``train_batches`` call that stops mid-epoch, two
reductions over the flat parameters (their largest and smallest value; a NaN fails both
comparisons) usually prove the loss finite. Only when some parameter is beyond M, which
healthy training never comes near (M is about 5e11 for ten ReLU layers of 64 and a linear
output, 1e298 for Iris's tanh net), is the loss measured for real. Weights that pass are the new last good
ones (at epoch ends; mid-epoch the last epoch's stay, see ``_train``).

Starting weights whose loss is already too large to compute (a weight of 1.7e308 typed in)
have nothing better to go back to: ``evaluate`` and the first epoch say so in
``diverged`` and keep them. Targets so large that even a network answering 0 has a squared
error beyond ``LOSS_LIMIT`` (above about 1e150) cannot be trained on at all: refused.

A change the trainer refuses (``update_settings``, ``replace_network``, ``reset`` with a
``ValueError``) leaves it exactly as it was: network, settings, buffers, optimizer, epoch
and position.
"""

from __future__ import annotations

import contextlib
import dataclasses
import math
import numbers
from dataclasses import dataclass

import numpy as np

from nnsim.core import losses
from nnsim.core import optimizer_state as memory
from nnsim.core.optimizers import OPTIMIZERS, REGULARIZATIONS, Regularization, make_optimizer, weight_mask
from nnsim.core.predictions import predicted_classes
from nnsim.core.scores import regression_scores
from nnsim.core.training_data import TrainingData, default_loss
from nnsim.core.update import Update, readable_update

LOSS_CHOICES = ("auto",) + losses.LOSSES

# Losses and pre-activations proved to stay below this are finite with room to spare: the
# largest float is about 1.8e308, and summing a batch's terms can round up a little.
LOSS_LIMIT = 1e300
UNBOUNDED = ("relu", "linear")  # activations whose output is as large as their input


def _loss_bound(magnitude: float, layer_sizes, activations, x_max: float, y_max: float, loss: str) -> float:
    """An upper bound of every pre-activation and of the loss, for parameters within
    ``±magnitude``, inputs within ``±x_max`` and targets within ``±y_max`` (see the module
    docstring for the maths). Python floats: an overflow gives inf, never an exception."""
    a, worst, z = x_max, 0.0, 0.0
    for n_in, activation in zip(layer_sizes[:-1], activations):
        z = magnitude * n_in * a + magnitude  # |Σ w·a + b| <= M·n·|a| + M (M = 0: 0, never 0·inf)
        worst = max(worst, z)
        a = z if activation in UNBOUNDED else 1.0
    k = layer_sizes[-1]
    if loss == "mse":
        error = a + y_max
        return max(worst, 0.5 * k * error * error)
    # Cross-entropy, targets within 0..1 (``Trainer`` refuses others): per output
    # softplus(z) - y·z <= |z| + log 2 + |z|; softmax: -Σ y·(z - logsumexp z) <= k·(2|z| + log k).
    return max(worst, k * (2.0 * z + 1.0))


def safe_magnitude(layer_sizes, activations, x_max: float, y_max: float, loss: str) -> float:
    """The largest power of two M such that parameters within ±M surely give a finite loss
    (every bound of ``_loss_bound`` below ``LOSS_LIMIT``); -1.0 when not even M = 0 does.

    The bound grows with M, so a binary search over the exponents of two finds it: M = 2^e
    for e from -1074 (the smallest float) to 1023 (the largest power of two), 11 steps.
    """
    def safe(m: float) -> bool:
        return _loss_bound(m, layer_sizes, activations, x_max, y_max, loss) < LOSS_LIMIT

    if not safe(0.0):
        return -1.0
    lo, hi = -1075, 1024  # safe(2^lo) (2^-1075 rounds to 0), not yet known for 2^hi
    if safe(math.ldexp(1.0, 1023)):
        return math.ldexp(1.0, 1023)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if safe(math.ldexp(1.0, mid)):
            lo = mid
        else:
            hi = mid
    return math.ldexp(1.0, lo)


def _number(name: str, value, low: float, high: float = math.inf, *, low_open=False, high_open=False) -> float:
    if not isinstance(value, numbers.Real) or isinstance(value, bool):
        raise ValueError(f"{name} must be a number, got {value!r}")
    value = float(value)
    too_low = value <= low if low_open else value < low
    too_high = value >= high if high_open else value > high
    if not math.isfinite(value) or too_low or too_high:
        lo, hi = ("(" if low_open else "["), (")" if high_open else "]")
        raise ValueError(f"{name} must be in {lo}{low:g}, {high:g}{hi}, got {value!r}")
    return value


def _whole(name: str, value, low: int) -> int:
    if not isinstance(value, numbers.Integral) or isinstance(value, bool) or value < low:
        raise ValueError(f"{name} must be a whole number >= {low}, got {value!r}")
    return int(value)


def _choice(name: str, value, choices) -> str:
    if value not in choices:
        raise ValueError(f"{name} must be one of {', '.join(choices)}, got {value!r}")
    return value


@dataclass(frozen=True)
class TrainingSettings:
    """How to train. Every value is checked on construction (a ``ValueError`` says what).

    ``loss`` "auto" picks cross-entropy for softmax/sigmoid outputs and squared error
    otherwise (``training_data.default_loss``); squared error too for regression targets
    outside 0..1, which cross-entropy cannot measure (``Trainer`` refuses that pairing).
    ``reg_rate`` (λ) applies when ``regularization`` is "l1" or "l2". ``momentum`` is used
    by the "momentum" optimizer.
    """

    learning_rate: float = 0.1
    batch_size: int = 10
    optimizer: str = "sgd"
    momentum: float = 0.9
    loss: str = "auto"
    regularization: str = "none"
    reg_rate: float = 0.001
    seed: int = 0

    def __post_init__(self) -> None:
        checked = {
            "learning_rate": _number("learning_rate", self.learning_rate, 0.0, low_open=True),
            "batch_size": _whole("batch_size", self.batch_size, 1),
            "optimizer": _choice("optimizer", self.optimizer, OPTIMIZERS),
            "momentum": _number("momentum", self.momentum, 0.0, 1.0, high_open=True),
            "loss": _choice("loss", self.loss, LOSS_CHOICES),
            "regularization": _choice("regularization", self.regularization, REGULARIZATIONS),
            "reg_rate": _number("reg_rate", self.reg_rate, 0.0),
            "seed": _whole("seed", self.seed, 0),
        }
        for key, value in checked.items():
            object.__setattr__(self, key, value)

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "TrainingSettings":
        """Settings from ``to_dict`` data; unknown or ill-typed entries raise ``ValueError``."""
        if not isinstance(d, dict):
            raise ValueError("training settings must be a JSON object")
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(d) - known)
        if unknown:
            raise ValueError(f"unknown training setting {unknown[0]!r} (known: {', '.join(sorted(known))})")
        return cls(**d)


@dataclass(frozen=True)
class Metrics:
    """What the window shows after some training. Accuracies are fractions in [0, 1], None
    for regression; test values are None when there is no test part. RMSE and R² (see
    ``nnsim.core.scores.regression_scores``) are for regression only, None for classes."""

    epoch: int
    train_loss: float
    test_loss: float | None
    train_accuracy: float | None
    test_accuracy: float | None
    diverged: str | None = None
    train_rmse: float | None = None
    test_rmse: float | None = None
    train_r2: float | None = None
    test_r2: float | None = None


@dataclass(frozen=True)
class BatchRun:
    """What one ``train_batches`` call did.

    ``batches``: mini-batches trained. ``epochs``: the epoch numbers (``trainer.epoch``
    after each) completed during the call, in order; ``losses``: each of those epochs'
    mean batch loss (what ``train_epochs`` returns for it).
    """

    batches: int
    epochs: tuple[int, ...]
    losses: tuple[float, ...]


class Trainer:
    """Trains ``network`` (which it owns from now on) on ``data`` with ``settings``."""

    def __init__(self, network, data: TrainingData, settings: TrainingSettings | None = None):
        self.network = network
        self.data = data
        self.settings = settings or TrainingSettings()
        self.epoch = 0
        self.diverged: str | None = None
        #: the mean batch loss of the last epoch completed (NaN before the first)
        self.last_epoch_loss = math.nan
        self.last_outputs = None  # (train, test) outputs of the last ``evaluate``
        self._rng = np.random.default_rng(self.settings.seed)
        self._setup_network()

    # ------------------------------------------------------------------ where we are
    @property
    def n_train(self) -> int:
        """Training examples per epoch."""
        return int(self._X.shape[0])

    @property
    def batches_per_epoch(self) -> int:
        return len(self._batches)

    @property
    def batch_position(self) -> int:
        """Batches of the current epoch already trained (0 at an epoch's start)."""
        return self._position

    @property
    def examples_done(self) -> int:
        """Training examples of the current epoch already seen (0 .. n_train)."""
        return min(self._position * self._batch_size + self._offset, self.n_train)

    @property
    def batch_size(self) -> int:
        """Examples per batch (the setting, at most the training set's size)."""
        return self._batch_size

    def next_rows(self, n: int | None = None) -> np.ndarray:
        """The training rows (indices into ``data.X_train``) the next update takes, in
        order: the rest of the current batch, or the next ``n`` examples of it (``n=1``: the
        next example). Before an epoch's first update its order is not drawn yet: empty."""
        if self._order is None or (self._position == 0 and self._offset == 0):
            return np.zeros(0, dtype=np.int64)
        return self._rows_ahead(n).copy()

    def _rows_ahead(self, n: int | None) -> np.ndarray:
        start = self._position * self._batch_size + self._offset
        end = min((self._position + 1) * self._batch_size, self.n_train)
        if n is not None:
            end = min(end, start + n)
        return self._order[start:end]

    # ------------------------------------------------------------------ set-up
    def _setup_network(self) -> None:
        """Everything that depends on the network's shape: targets, buffers, optimizer."""
        net, data = self.network, self.data
        if net.layer_sizes[0] != data.n_inputs:
            raise ValueError(f"the network takes {net.layer_sizes[0]} inputs but the data has {data.n_inputs} features")
        self._X = data.X_train
        self._Y = data.targets("train", net.layer_sizes[-1])
        self._Y_test = data.targets("test", net.layer_sizes[-1])
        self._grad = np.empty_like(net.params)
        self._last_good = net.params.copy()
        self._mask = weight_mask(net)
        self._resolve_loss()
        self._setup_check()
        self._setup_batches()
        self._setup_optimizer()
        self._setup_regularization()

    def _resolve_loss(self) -> None:
        """The loss to train with: the setting, or for "auto" cross-entropy on probability
        outputs (softmax, sigmoid) when the targets are probabilities too, else squared error.

        Cross-entropy ``-[y·log p + (1 - y)·log(1 - p)]`` is a loss only for targets ``y``
        between 0 and 1: for y = 3 it is ``softplus(z) - 3z``, which falls without end as
        ``z`` grows, so training would chase it to -inf. Such targets (regression answers)
        with cross-entropy asked for by name are refused.
        """
        loss, output = self.settings.loss, self.network.activations[-1]
        dataset = self.data.dataset
        outside = []  # regression target columns that are not probabilities
        if not dataset.is_classification and dataset.y.size:
            Y = dataset.y.reshape(dataset.n_samples, -1)
            outside = np.flatnonzero((Y.min(axis=0) < 0.0) | (Y.max(axis=0) > 1.0))
        if loss == "auto":
            loss = "mse" if len(outside) else default_loss(self.network)
        losses.check(loss, output)
        if loss == "cross_entropy" and len(outside):
            j = int(outside[0])
            column = Y[:, j]
            raise ValueError(
                f"cross_entropy needs targets between 0 and 1 (probabilities), but the target "
                f"'{dataset.target_names[j]}' goes from {column.min():.3g} to {column.max():.3g}; "
                f"use mse instead"
            )
        self.loss = loss

    def _setup_check(self) -> None:
        """The bound below which the parameters surely give a finite loss (module docstring);
        refuses targets too large for any loss to be computed. Depends on the network, the
        data and the loss: called again when the loss changes."""
        x_max = float(np.abs(self._X).max(initial=0.0))
        Y = self._Y
        y_max = float(np.abs(Y).max(initial=0.0))
        sizes, activations = self.network.layer_sizes, self.network.activations
        safe = safe_magnitude(sizes, activations, x_max, y_max, self.loss)
        if safe < 0:  # only squared error on regression targets (others are 0..1) gets here
            name = self.data.dataset.target_names[int(np.abs(Y).max(axis=0).argmax())]
            limit = math.sqrt(2.0 * LOSS_LIMIT / sizes[-1])
            raise ValueError(
                f"the target '{name}' reaches {y_max:.3g}: its squared error is too large for the "
                f"computer to compute (the largest number it holds is about 1.8e308). Rescale the "
                f"target, say to other units, so that its values stay below {limit:.2g}"
            )
        self._safe = safe

    def _setup_batches(self) -> None:
        """Preallocated shuffled copies of the training set, the batch views into them and
        each batch's step plan (which depends on the loss: call again when it changes)."""
        X, Y, net = self._X, self._Y, self.network
        n, d = X.shape
        if n == 0:
            raise ValueError("there are no training examples")
        size = min(self.settings.batch_size, n)
        self._batch_size = size
        self._full_batch = size == n  # the order of a full batch does not change its gradient
        self._ws = net.workspace(size)
        # The training rows with a column of ones (see fast_step), made once.
        self._Xa = np.empty((n, d + 1))
        self._Xa[:, :d] = X
        self._Xa[:, d] = 1.0
        if self._full_batch:
            self._X_epoch, self._Y_epoch = self._Xa, Y
        else:
            self._X_epoch, self._Y_epoch = np.empty_like(self._Xa), np.empty_like(Y)
        batches = []
        for s in range(0, n, size):
            m = min(size, n - s)
            plan = self._ws.plan(net, self._grad, self.loss, m)
            batches.append((self._X_epoch[s : s + m], self._Y_epoch[s : s + m], m, plan.run))
        self._batches = batches
        # New batches: whatever epoch was under way is abandoned, the next one starts fresh.
        self._position = 0
        self._offset = 0  # examples of the current batch already trained one at a time
        self._order = None  # the current epoch's order of the training rows, once drawn
        self._epoch_total = 0.0

    def _setup_optimizer(self) -> None:
        s = self.settings
        self._optimizer = make_optimizer(s.optimizer, self.network.n_params, s.learning_rate, s.momentum)

    def _setup_regularization(self) -> None:
        s = self.settings
        self._regularization = Regularization(s.regularization, s.reg_rate, self._mask)

    # ------------------------------------------------------------------ changes
    @contextlib.contextmanager
    def _all_or_nothing(self):
        """Undo every attribute change of the block if it raises.

        The set-up methods assign new objects (arrays, optimizer, generator, batches) and
        never change the old ones in place, so putting the old attributes back restores the
        trainer exactly: network, settings, buffers, optimizer memory, epoch and position.
        """
        saved = dict(self.__dict__)
        try:
            yield
        except BaseException:
            self.__dict__.clear()
            self.__dict__.update(saved)
            raise

    def update_settings(self, **changes) -> None:
        """Change settings mid-training, without a reset.

        A new learning rate or momentum keeps the optimizer's memory; another optimizer
        starts with fresh memory; a new seed restarts the shuffling sequence (from the next
        epoch's order). The epoch count stays; a new batch size or loss abandons a partial
        epoch (see the module docstring). Clears ``diverged``, so training can go on (say,
        with a smaller rate). A refused change (``ValueError``) changes nothing.
        """
        known = {f.name for f in dataclasses.fields(TrainingSettings)}
        unknown = sorted(set(changes) - known)
        if unknown:
            raise ValueError(f"unknown training setting {unknown[0]!r} (known: {', '.join(sorted(known))})")
        with self._all_or_nothing():
            old = self.settings
            self.settings = new = dataclasses.replace(old, **changes)
            if new.loss != old.loss:
                self._resolve_loss()
                self._setup_check()
            if new.batch_size != old.batch_size or new.loss != old.loss:
                self._setup_batches()
            if (new.regularization, new.reg_rate) != (old.regularization, old.reg_rate):
                self._setup_regularization()
            if new.seed != old.seed:
                self._rng = np.random.default_rng(new.seed)
            if new.optimizer != old.optimizer:
                self._setup_optimizer()
            else:  # last: the only change made in place, once nothing else can fail
                self._optimizer.learning_rate = new.learning_rate
                if hasattr(self._optimizer, "momentum"):
                    self._optimizer.momentum = new.momentum
            self.diverged = None

    def replace_network(self, network) -> None:
        """Go on training a new network (after a structural edit), keeping epoch and settings.

        The optimizer starts with fresh memory: the old one belongs to other parameters. A
        partial epoch is abandoned. A network that does not fit the data or the loss is
        refused with a ``ValueError`` and the old one kept.
        """
        with self._all_or_nothing():
            self.network = network
            self._setup_network()
            self.diverged = None

    def reset(self, network=None) -> None:
        """Start over: epoch 0, fresh optimizer and shuffling (optionally on a new network).

        A network that does not fit is refused (``ValueError``) and nothing is reset.
        """
        with self._all_or_nothing():
            if network is not None:
                self.network = network
            self.epoch = 0
            self.diverged = None
            self._rng = np.random.default_rng(self.settings.seed)
            self._setup_network()

    # ------------------------------------------------------------------ the optimizer's memory
    def optimizer_state(self):
        """A frozen copy of the optimizer's memory and of the shuffling generator
        (``nnsim.core.optimizer_state``), for a document to keep."""
        return memory.capture(self._optimizer, self._rng)

    def restore_optimizer_state(self, state) -> bool:
        """Go on with ``state`` (an ``OptimizerState``, e.g. a reopened document's): the
        optimizer's memory and the next epochs' order as they were. False, and nothing
        changed, when it is for another optimizer or another number of parameters."""
        return memory.restore(self._optimizer, self._rng, state)

    # ------------------------------------------------------------------ training
    def train_epochs(self, n_epochs: int = 1) -> float:
        """Train ``n_epochs`` epochs; the fast path, with no full-set evaluation.

        Finishing the epoch under way (after ``train_batches``) counts as the first. Returns
        the mean loss of the last epoch's batches (each as it was when its step was taken),
        or NaN if no epoch completed (diverged). Stops early on divergence.
        """
        n_epochs = _whole("n_epochs", n_epochs, 0)
        if n_epochs == 0:
            return math.nan
        per_epoch = len(self._batches)
        _, _, epoch_losses = self._train((per_epoch - self._position) + (n_epochs - 1) * per_epoch)
        return epoch_losses[-1] if epoch_losses else math.nan

    def train_batches(self, n_batches: int) -> BatchRun:
        """Train up to ``n_batches`` mini-batches, crossing epoch ends as needed.

        Each epoch starts with a fresh seeded order of the examples. Fewer batches are
        trained when training diverges (or had diverged already: then none).
        """
        batches, epochs, epoch_losses = self._train(_whole("n_batches", n_batches, 0))
        return BatchRun(batches, tuple(epochs), tuple(epoch_losses))

    def _train(self, n_batches: int) -> tuple[int, list[int], list[float]]:
        """The training loop: ``(batches trained, epochs completed, their mean losses)``."""
        done, epochs, epoch_losses = 0, [], []
        if self.diverged is not None or n_batches == 0:
            return done, epochs, epoch_losses
        if self._offset:  # examples stepped one at a time: the rest of their batch first
            self._update_rows(None, "batch", epochs, epoch_losses)
            done = 1
            if self.diverged is not None or done == n_batches:
                return done, epochs, epoch_losses
        params, grad, last_good = self.network.params, self._grad, self._last_good
        batches = self._batches
        update, regularize = self._optimizer.update, self._regularization.add_gradient
        regularized = self._regularization.active
        isfinite = math.isfinite
        # Not a BLAS dot (params·0 would also say "finite"): OpenBLAS runs dots of more than
        # ~10,000 values on two threads whose spinning afterwards halved the speed of every
        # later step here (measured: 2000x64 net, 71 -> 32 ep/s). Two plain reductions.
        largest, smallest, safe, computes = np.maximum.reduce, np.minimum.reduce, self._safe, self._computes
        n, per_epoch = self._Xa.shape[0], len(batches)
        position, total = self._position, self._epoch_total
        with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
            while done < n_batches:
                if position == 0:  # an epoch starts: its order, its loss sum
                    self._start_epoch()
                    total = 0.0
                stop = position + n_batches - done
                if stop > per_epoch:
                    stop = per_epoch
                for Xb, Yb, m, run in batches if stop - position == per_epoch else batches[position:stop]:
                    total += m * run(Xb, Yb)
                    if regularized:
                        regularize(params, grad)
                    update(params, grad)
                done += stop - position
                position = stop
                if position < per_epoch:
                    break
                position = 0
                if not self._close_epoch(total, epochs, epoch_losses):
                    return done, epochs, epoch_losses
            if position:  # stopped mid-epoch: the same check, on the batches so far
                partial_loss = float(total) / min(position * self._batch_size, n)
                if not (isfinite(partial_loss)
                        and (largest(params) <= safe and smallest(params) >= -safe or computes())):
                    self._diverge(partial_loss)
                    return done, epochs, epoch_losses
                # The kept weights stay those of the last epoch's end: weights that are still
                # finite mid-way through a blow-up can be so large that no smaller learning
                # rate recovers from them (measured on "plane" at rate 10).
        self._position, self._epoch_total = position, total
        return done, epochs, epoch_losses

    def _start_epoch(self) -> None:
        """An epoch starts: draw its order of the training rows and lay the rows out in it
        (the batches are fixed views into that layout)."""
        n = self._Xa.shape[0]
        if self._full_batch:  # one batch of everything: its gradient ignores the order
            self._order = np.arange(n)
        else:
            self._order = order = self._rng.permutation(n)
            # mode="clip": the indices are valid anyway, and the default ("raise") makes
            # np.take buffer the whole output and copy it twice.
            np.take(self._Xa, order, axis=0, out=self._X_epoch, mode="clip")
            np.take(self._Y, order, axis=0, out=self._Y_epoch, mode="clip")

    def _params_ok(self, loss: float) -> bool:
        """The loss seen was finite, and so is the loss of the weights the last update left:
        by the bound (a NaN fails it), else measured (module docstring)."""
        params = self.network.params
        return math.isfinite(loss) and (
            np.maximum.reduce(params) <= self._safe and np.minimum.reduce(params) >= -self._safe
            or self._computes())

    def _close_epoch(self, total: float, epochs: list, epoch_losses: list) -> bool:
        """The epoch's last batch was trained (``total``: the sum of its examples' losses):
        check the weights, count the epoch, keep them as the last good ones. False when it
        diverged instead."""
        epoch_loss = float(total) / self._Xa.shape[0]
        if not self._params_ok(epoch_loss):
            self._diverge(epoch_loss)
            return False
        np.copyto(self._last_good, self.network.params)
        self.epoch += 1
        self.last_epoch_loss = epoch_loss
        epochs.append(self.epoch)
        epoch_losses.append(epoch_loss)
        return True

    # ------------------------------------------------------------------ one update, readable
    def step_example(self, row: int | None = None) -> Update | None:
        """One gradient step on a single training example, made the readable way
        (``nnsim.core.update``) and returned as an ``Update``.

        ``row`` None: the next example of the epoch's order (the epoch moves on by one; its
        last example completes it). ``row`` an index into ``data.X_train``: that example,
        outside the epoch's order (the epoch stays where it is), e.g. the one a person chose.
        None when nothing was trained (diverged now or before: see ``diverged``).
        """
        if row is None:
            return self._update_rows(1, "example", [], [])
        row = _whole("row", row, 0)
        if row >= self.n_train:
            raise ValueError(f"there are {self.n_train} training examples: no example {row}")
        if self.diverged is not None:
            return None
        X, Y = self._X[row : row + 1], self._Y[row : row + 1]
        update = readable_update(self.network, X, Y, self.loss, self._optimizer, self._regularization,
                                 self._grad, [row], "example", self.settings, in_order=False)
        if not self._params_ok(update.backprop.loss):
            self._diverge(update.backprop.loss)
            return None
        return update.at(self.epoch, self.examples_done)

    def step_batch(self) -> tuple[Update | None, BatchRun]:
        """One mini-batch (the rest of the current one, after example steps), the readable
        way: ``(the Update, what it did as a BatchRun)``. The Update is None when nothing was
        trained (diverged)."""
        epochs, losses_ = [], []
        update = self._update_rows(None, "batch", epochs, losses_)
        return update, BatchRun(0 if update is None else 1, tuple(epochs), tuple(losses_))

    def _update_rows(self, n: int | None, kind: str, epochs: list, epoch_losses: list) -> Update | None:
        """Train the next ``n`` examples of the current batch (None: the rest of it) in the
        epoch's order, readably; move the epoch on; close it after its last example."""
        if self.diverged is not None:
            return None
        if self._position == 0 and self._offset == 0:
            self._start_epoch()
            self._epoch_total = 0.0
        rows = self._rows_ahead(n)
        start = self._position * self._batch_size + self._offset
        X = self._X_epoch[start : start + len(rows), :-1]  # without the column of ones
        Y = self._Y_epoch[start : start + len(rows)]
        update = readable_update(self.network, X, Y, self.loss, self._optimizer, self._regularization,
                                 self._grad, rows, kind, self.settings)
        loss = update.backprop.loss
        self._epoch_total += len(rows) * loss
        self._offset += len(rows)
        if start + len(rows) >= min((self._position + 1) * self._batch_size, self.n_train):
            self._position, self._offset = self._position + 1, 0  # the batch is complete
        if self._position == len(self._batches):
            self._position = 0
            if not self._close_epoch(self._epoch_total, epochs, epoch_losses):
                return None
        elif not self._params_ok(loss):  # mid-epoch: the same check as after fast batches
            self._diverge(loss)
            return None
        return update.at(self.epoch, self.examples_done)

    def _computes(self) -> bool:
        """True when the current parameters are finite and their loss on the whole training
        part is a finite number: the slow, exact check, for parameters beyond the bound.

        Both, because a finite loss alone proves nothing about NaN weights: a step output
        layer turns the NaN of ``NaN > threshold`` into a plain 0 (found by the fuzz test).
        """
        if not np.isfinite(self.network.params).all():
            return False
        with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
            return math.isfinite(self._loss(self._X, self._Y)[0])

    def _diverge(self, loss: float) -> None:
        """Back to the last good parameters, a fresh optimizer, a fresh epoch; say why.

        ``loss``: the non-finite loss that was seen, or a finite one when it was the weights
        the last update left that failed the check.
        """
        params = self.network.params
        if math.isnan(loss):
            what = "the loss grew too large to compute (NaN)"
        elif math.isinf(loss):
            what = "the loss became infinite"
        elif not np.isfinite(params).all():
            what = "some weights became infinite or NaN"
        else:
            what = "the weights grew so large that the loss can no longer be computed"
        np.copyto(params, self._last_good)
        self._setup_optimizer()  # its memory holds the non-finite steps
        self._position, self._offset, self._epoch_total = 0, 0, 0.0  # the partial epoch is abandoned
        if self._computes():
            self.diverged = (
                f"Training diverged at epoch {self.epoch + 1}: {what}. The last good weights were "
                f"kept. Try a smaller learning rate (now {self.settings.learning_rate:g})."
            )
        else:  # the starting weights were already beyond computing: nothing to go back to
            self.diverged = (
                "The loss of these weights is too large to compute, so training cannot start from "
                "them. Make the largest weights or biases smaller, or press Reset for new random "
                "weights."
            )

    def step(self, n_epochs: int = 1) -> Metrics:
        """Train ``n_epochs`` epochs (fewer if it diverges), then evaluate."""
        self.train_epochs(n_epochs)
        return self.evaluate()

    # ------------------------------------------------------------------ metrics
    def evaluate(self) -> Metrics:
        """Loss (without the regularization penalty) and accuracy on both parts.

        A training loss that is not finite, or weights that are not (edited to huge values
        since the last check), are divergence like any other: the last good weights come back, ``diverged``
        says so, and the metrics are those of the weights kept. ``test_loss`` and
        ``test_accuracy`` are None without a test part.
        """
        train_loss, train_acc, train_out = self._loss_and_accuracy(self._X, self._Y, self.data.y_train)
        bad = not (math.isfinite(train_loss) and np.isfinite(self.network.params).all())
        if bad and self.diverged is None:
            self._diverge(train_loss)
            train_loss, train_acc, train_out = self._loss_and_accuracy(self._X, self._Y, self.data.y_train)
        test_loss = test_acc = None
        test_out = np.zeros((0, self.network.layer_sizes[-1]))
        if self._Y_test.shape[0]:
            test_loss, test_acc, test_out = self._loss_and_accuracy(self.data.X_test, self._Y_test, self.data.y_test)
        #: the outputs this evaluation computed on (train, test): the session turns them into
        #: every row's prediction without a second forward pass
        self.last_outputs = (train_out, test_out)
        regression = {}
        if not self.data.is_classification:
            train_rmse, train_r2 = regression_scores(train_out, self._Y)
            test_rmse, test_r2 = regression_scores(test_out, self._Y_test)
            regression = dict(train_rmse=train_rmse, test_rmse=test_rmse, train_r2=train_r2, test_r2=test_r2)
        return Metrics(self.epoch, train_loss, test_loss, train_acc, test_acc, self.diverged, **regression)

    def _loss(self, X, Y) -> tuple[float, np.ndarray]:
        """The loss of the current parameters on ``X``, ``Y`` and the network's outputs.
        Overflows give inf or NaN, never warnings: the callers check."""
        net = self.network
        with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
            trace = net.trace(X)
            out = trace.output
            return losses.value(self.loss, net.activations[-1], trace.zs[-1], out, Y), out

    def _loss_and_accuracy(self, X, Y, y) -> tuple[float, float | None, np.ndarray]:
        loss, out = self._loss(X, Y)
        if not self.data.is_classification:
            return loss, None, out
        with np.errstate(invalid="ignore"):
            return loss, float(np.mean(predicted_classes(out) == y)), out
