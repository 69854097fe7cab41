"""Engine benchmark: nnsim's training throughput next to scikit-learn's and PyTorch's.

    python benchmarks/engine.py              # every engine that is installed, 5 rounds
    python benchmarks/engine.py --quick      # a few seconds; the smoke test uses it
    python benchmarks/engine.py --repeat 9 --only nnsim torch
    python benchmarks/engine.py --chunks     # nnsim only: train_batches in short chunks
                                             # against train_epochs

Every figure is measured in this run, on the same data, network shape, batch size and
optimizer, in float64: epochs per second (one epoch = every training row once) and samples
per second. The engines take turns within each round (interleaved, so a slow moment of
the machine hits all of them alike) and the tables show medians over the rounds. Ratios
are nnsim's speed divided by the other engine's: above 1, nnsim is faster.

PyTorch trains with one thread (torch.set_num_threads(1)); the decision-boundary grid pass
(200x200 points through 2-16-16-2) compares nnsim in float32, as the window draws it,
with PyTorch on two threads. Environment variables (OPENBLAS_*, OMP_*) are left as the
caller set them: changing them here would measure a machine nobody uses.

scikit-learn has no softmax over two outputs: for two classes it trains the same hidden
layers with a single logistic output (one fewer output node than nnsim and PyTorch).

``--chunks`` measures what batch-granular training costs: a training session calls
``Trainer.train_batches`` with as many batches as fit in a few milliseconds, many times a
second. It trains the same epochs that way (chunks of about 1 and 5 ms) and with
``train_epochs`` in one call, interleaved, and prints epochs per second and their ratio.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout

from nnsim.core.datasets import Dataset, load_dataset  # noqa: E402
from nnsim.core.network import Network  # noqa: E402
from nnsim.core.trainer import Trainer, TrainingSettings  # noqa: E402
from nnsim.core.training_data import prepare_data  # noqa: E402

LEARNING_RATES = {"sgd": 0.05, "adam": 0.001}
ENGINES = ("nnsim", "sklearn", "torch")


@dataclass
class Workload:
    name: str
    make_data: callable
    hidden: list[int]
    activation: str  # hidden layers
    batch_size: int


def _iris():
    return load_dataset("iris")


def _spiral():
    return load_dataset("spiral", n_samples=500, seed=0)


def _random_64():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(2000, 64))
    y = rng.integers(0, 10, size=2000)
    return Dataset(X, y, [f"x{i}" for i in range(64)], [str(c) for c in range(10)], "random")


def _circles_1000():
    return load_dataset("circles", n_samples=1000, seed=0)


WORKLOADS = [
    Workload("Iris 4-8-8-3, full batch", _iris, [8, 8], "tanh", 150),
    Workload("Iris 4-8-8-3, batch 10", _iris, [8, 8], "tanh", 10),
    Workload("spiral 2-16-16-2, 500 pts, batch 10", _spiral, [16, 16], "tanh", 10),
    Workload("2000x64, 64-128-64-10, batch 32", _random_64, [128, 64], "tanh", 32),
    Workload("1000x2, 2-(64x6)-1 relu, batch 32", _circles_1000, [64] * 6, "relu", 32),
]


# ------------------------------------------------------------------------------ engines
class NnsimRunner:
    """nnsim's Trainer on all rows (no test split), exactly as the window trains."""

    def __init__(self, data, workload, optimizer):
        k = data.n_classes
        n_out = 1 if k == 2 and len(workload.hidden) > 2 else k  # the deep net: one sigmoid
        out = "sigmoid" if n_out == 1 else "softmax"
        sizes = [data.n_inputs, *workload.hidden, n_out]
        net = Network(sizes, [workload.activation] * len(workload.hidden) + [out], seed=0)
        settings = TrainingSettings(learning_rate=LEARNING_RATES[optimizer], batch_size=workload.batch_size,
                                    optimizer=optimizer, seed=0)
        self.trainer = Trainer(net, data, settings)

    def run(self, epochs):
        self.trainer.train_epochs(epochs)


class ChunkedRunner(NnsimRunner):
    """nnsim's Trainer through ``train_batches``, ``chunk`` mini-batches per call."""

    def __init__(self, data, workload, optimizer, chunk):
        super().__init__(data, workload, optimizer)
        self.chunk = chunk

    def run(self, epochs):
        trainer = self.trainer
        left = epochs * trainer.batches_per_epoch
        while left > 0:
            left -= trainer.train_batches(min(self.chunk, left)).batches


class SklearnRunner:
    """MLPClassifier.fit with max_iter = epochs: its fastest way through many epochs."""

    def __init__(self, data, workload, optimizer):
        from sklearn.neural_network import MLPClassifier

        self.X, self.y = data.X_train, data.y_train
        self.make = lambda epochs: MLPClassifier(
            hidden_layer_sizes=tuple(workload.hidden), activation=workload.activation, solver=optimizer,
            alpha=0.0, batch_size=workload.batch_size, learning_rate_init=LEARNING_RATES[optimizer],
            max_iter=epochs, shuffle=True, random_state=0, tol=0.0, n_iter_no_change=10**9,
            momentum=0.0, nesterovs_momentum=False, early_stopping=False,
        )

    def run(self, epochs):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # ConvergenceWarning: we stop it on purpose
            self.make(epochs).fit(self.X, self.y)


class TorchRunner:
    """The same network in PyTorch, float64, one thread, the usual training loop."""

    def __init__(self, data, workload, optimizer):
        import torch

        torch.set_num_threads(1)
        self.torch = torch
        k = data.n_classes
        n_out = 1 if k == 2 and len(workload.hidden) > 2 else k
        act = {"tanh": torch.nn.Tanh, "relu": torch.nn.ReLU}[workload.activation]
        layers, n_in = [], data.n_inputs
        for h in workload.hidden:
            layers += [torch.nn.Linear(n_in, h), act()]
            n_in = h
        layers.append(torch.nn.Linear(n_in, n_out))
        torch.manual_seed(0)
        self.model = torch.nn.Sequential(*layers).double()
        self.X = torch.from_numpy(np.array(data.X_train))
        if n_out == 1:
            self.Y = torch.from_numpy(data.y_train.astype(np.float64)[:, None])
            self.loss = torch.nn.BCEWithLogitsLoss()  # sigmoid + binary cross-entropy, fused
        else:
            self.Y = torch.from_numpy(np.array(data.y_train))
            self.loss = torch.nn.CrossEntropyLoss()  # softmax + cross-entropy, fused
        cls = {"sgd": torch.optim.SGD, "adam": torch.optim.Adam}[optimizer]
        self.opt = cls(self.model.parameters(), lr=LEARNING_RATES[optimizer])
        self.batch = workload.batch_size
        self.rng = np.random.default_rng(0)

    def run(self, epochs):
        torch, n, B = self.torch, self.X.shape[0], self.batch
        model, loss_fn, opt = self.model, self.loss, self.opt
        for _ in range(epochs):
            order = torch.from_numpy(self.rng.permutation(n))
            X, Y = self.X[order], self.Y[order]
            for s in range(0, n, B):
                opt.zero_grad(set_to_none=True)
                loss_fn(model(X[s : s + B]), Y[s : s + B]).backward()
                opt.step()


RUNNERS = {"nnsim": NnsimRunner, "sklearn": SklearnRunner, "torch": TorchRunner}


def available_engines(wanted):
    engines = []
    for name in wanted:
        if name == "sklearn":
            try:
                import sklearn  # noqa: F401
            except ImportError:
                print("scikit-learn is not installed: its columns stay empty", file=sys.stderr)
                continue
        if name == "torch":
            try:
                import torch  # noqa: F401
            except ImportError:
                print("PyTorch is not installed: its columns stay empty", file=sys.stderr)
                continue
        engines.append(name)
    return engines


# ------------------------------------------------------------------------------ timing
SETTLE = 0.02  # seconds of idling before a measurement (set to 0 by --quick)


def _timed(fn, *args) -> float:
    """Seconds ``fn(*args)`` takes, after a short pause: BLAS and OpenMP worker threads spin
    for a while after their last job, and on a two-core machine the previous engine's
    spinning threads would otherwise slow down the next engine's measurement."""
    if SETTLE:
        time.sleep(SETTLE)
    t0 = time.perf_counter()
    fn(*args)
    return time.perf_counter() - t0


def calibrate(runner, budget: float) -> int:
    """Epochs that take about ``budget`` seconds (after a warm-up epoch)."""
    runner.run(1)
    epochs = 1
    while True:
        t = _timed(runner.run, epochs)
        if t >= budget / 4 or epochs >= 1 << 20:
            return max(1, round(epochs * budget / max(t, 1e-9)))
        epochs *= 4


def median(values):
    return statistics.median(values) if values else math.nan


def bench_training(engines, repeat, budget):
    cases = []
    for w in WORKLOADS:
        data = prepare_data(w.make_data(), test_fraction=0)
        for optimizer in ("sgd", "adam"):
            runners = {e: RUNNERS[e](data, w, optimizer) for e in engines}
            epochs = {e: calibrate(r, budget) for e, r in runners.items()}
            cases.append((w, optimizer, data.X_train.shape[0], runners, epochs, {e: [] for e in engines}))
    for r in range(repeat):
        for w, optimizer, n, runners, epochs, rates in cases:
            order = engines[r % len(engines):] + engines[: r % len(engines)]  # rotate who goes first
            for e in order:
                rates[e].append(epochs[e] / _timed(runners[e].run, epochs[e]))
    return [(w, opt, n, {e: median(v) for e, v in rates.items()}) for w, opt, n, _, _, rates in cases]


CHUNK_WORKLOADS = ("Iris 4-8-8-3, batch 10", "2000x64, 64-128-64-10, batch 32")
CHUNK_SECONDS = (0.001, 0.005)


def bench_chunks(repeat, budget):
    """``train_epochs`` against ``train_batches`` in chunks of ``CHUNK_SECONDS``: epochs/s.

    Returns rows ``(workload, optimizer, whole rate, [(chunk batches, rate), ...])``.
    """
    cases = []
    for w in (w for w in WORKLOADS if w.name in CHUNK_WORKLOADS):
        data = prepare_data(w.make_data(), test_fraction=0)
        for optimizer in ("sgd", "adam"):
            whole = NnsimRunner(data, w, optimizer)
            epochs = calibrate(whole, budget)
            per_batch = _timed(whole.run, epochs) / (epochs * whole.trainer.batches_per_epoch)
            runners = [whole] + [ChunkedRunner(data, w, optimizer, max(1, round(s / per_batch)))
                                 for s in CHUNK_SECONDS]
            for r in runners[1:]:
                r.run(1)  # warm-up, as calibrate did for the whole-epoch runner
            cases.append((w, optimizer, runners, epochs, [[] for _ in runners]))
    for r in range(repeat):
        for _, _, runners, epochs, rates in cases:
            k = r % len(runners)  # rotate who goes first
            for i in list(range(k, len(runners))) + list(range(k)):
                rates[i].append(epochs / _timed(runners[i].run, epochs))
    return [(w, opt, median(rates[0]), [(run.chunk, median(v)) for run, v in zip(runners[1:], rates[1:])])
            for w, opt, runners, _, rates in cases]


def print_chunks(results):
    head = ["workload", "opt", "train_epochs ep/s"]
    for s in CHUNK_SECONDS:
        head += [f"~{s * 1000:g} ms chunks ep/s", "ratio"]
    rows = [head]
    for w, opt, whole, chunked in results:
        row = [w.name, opt, _fmt(whole)]
        for batches, rate in chunked:
            row += [f"{_fmt(rate)} ({batches} batches)", _fmt(rate / whole, 3)]
        rows.append(row)
    _table(rows)


def bench_grid(engines, repeat, budget):
    """One forward pass over a 200x200 grid through 2-16-16-2: passes per second."""
    net = Network([2, 16, 16, 2], ["tanh", "tanh", "softmax"], seed=0)
    xs = np.linspace(-1.5, 1.5, 200)
    grid64 = np.stack(np.meshgrid(xs, xs), axis=-1).reshape(-1, 2)
    grid32 = grid64.astype(np.float32)

    def repeated(fn):
        return lambda k: [fn() for _ in range(k)]

    runs = {  # name -> run k passes
        "nnsim float32": repeated(lambda: net.forward(grid32, dtype=np.float32)),
        "nnsim float64": repeated(lambda: net.forward(grid64)),
    }
    if "torch" in engines:
        import torch

        layers = []
        for l in range(net.n_layers):
            lin = torch.nn.Linear(net.layer_sizes[l], net.layer_sizes[l + 1])
            with torch.no_grad():
                lin.weight.copy_(torch.from_numpy(net.weights[l].T.copy()))
                lin.bias.copy_(torch.from_numpy(net.biases[l].copy()))
            layers += [lin, torch.nn.Tanh()]
        model = torch.nn.Sequential(*layers[:-1], torch.nn.Softmax(dim=1)).float()
        grid_t = torch.from_numpy(grid32)

        def torch_passes(k):
            # Two threads for the whole measurement: switching the thread count per pass
            # would rebuild PyTorch's thread pool each time and measure that instead.
            torch.set_num_threads(2)
            try:
                with torch.inference_mode():
                    for _ in range(k):
                        model(grid_t)
            finally:
                torch.set_num_threads(1)

        runs["torch 2 threads float32"] = torch_passes
    counts = {}
    for name, run in runs.items():
        run(1)
        k = 1
        while _timed(run, k) < budget / 4 and k < 1 << 16:
            k *= 4
        counts[name] = k
    rates = {name: [] for name in runs}
    for _ in range(repeat):
        for name, run in runs.items():
            rates[name].append(counts[name] / _timed(run, counts[name]))
    return {name: median(v) for name, v in rates.items()}


# ------------------------------------------------------------------------------ report
def _fmt(x, digits=0):
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "-"
    return f"{x:,.{digits}f}"


def print_training(results, engines):
    head = ["workload", "opt", "nnsim ep/s", "nnsim samples/s"]
    others = [e for e in engines if e != "nnsim"]
    for e in others:
        head += [f"{e} ep/s", f"x vs {e}"]
    rows = [head]
    ratios = {e: [] for e in others}
    worst = []
    for w, opt, n, rate in results:
        ours = rate.get("nnsim", math.nan)
        row = [w.name, opt, _fmt(ours), _fmt(ours * n)]
        best_other = 0.0
        for e in others:
            ratio = ours / rate[e]
            ratios[e].append(ratio)
            best_other = max(best_other, rate[e])
            row += [_fmt(rate[e], 1), _fmt(ratio, 1)]
        if others:
            worst.append(ours / best_other)
        rows.append(row)
    _table(rows)
    for e in others:
        gm = math.exp(sum(map(math.log, ratios[e])) / len(ratios[e]))
        print(f"nnsim vs {e}: geometric mean {gm:.1f}x, lowest {min(ratios[e]):.1f}x")
    if worst:
        print(f"nnsim vs the faster other engine, per workload: lowest {min(worst):.1f}x (target >= 3x)")


def print_grid(rates):
    rows = [["grid pass 200x200 through 2-16-16-2", "ms/pass", "passes/s"]]
    for name, r in rates.items():
        rows.append([name, _fmt(1000.0 / r, 2), _fmt(r, 0)])
    _table(rows, text_columns=1)
    if "torch 2 threads float32" in rates:
        ratio = rates["nnsim float32"] / rates["torch 2 threads float32"]
        print(f"nnsim float32 vs torch (2 threads): {ratio:.2f}x (target >= 1x)")


def _table(rows, text_columns=2):
    """A Markdown table; the first ``text_columns`` columns are left-aligned, numbers right."""
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    for k, row in enumerate(rows):
        cells = [str(c).ljust(w) if i < text_columns else str(c).rjust(w)
                 for i, (c, w) in enumerate(zip(row, widths))]
        print("| " + " | ".join(cells) + " |")
        if k == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    print()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="short runs (a few seconds), one round")
    parser.add_argument("--repeat", type=int, default=None, help="rounds (default 5, quick 1)")
    parser.add_argument("--seconds", type=float, default=None,
                        help="target seconds per measurement (default 0.25, quick 0.01)")
    parser.add_argument("--only", nargs="+", choices=ENGINES, default=list(ENGINES),
                        help="engines to run (default: all that are installed)")
    parser.add_argument("--chunks", action="store_true",
                        help="instead: nnsim's train_batches in chunks of ~1 and ~5 ms against train_epochs")
    args = parser.parse_args(argv)
    repeat = args.repeat or (1 if args.quick else 5)
    budget = args.seconds or (0.01 if args.quick else 0.25)
    global SETTLE
    if args.quick:
        SETTLE = 0.0
    if args.chunks:
        print(f"nnsim batch-granular training: numpy {np.__version__}; {repeat} round(s), ~{budget:g} s per "
              f"measurement, medians; ratio = chunked / train_epochs\n")
        print_chunks(bench_chunks(repeat, budget))
        return 0
    engines = available_engines(["nnsim"] + [e for e in args.only if e != "nnsim"])
    if "torch" in engines:
        import torch

        torch.set_num_threads(1)
    versions = [f"numpy {np.__version__}"]
    for e in engines[1:]:
        versions.append(f"{e} {__import__({'sklearn': 'sklearn', 'torch': 'torch'}[e]).__version__}")
    print(f"nnsim engine benchmark: {', '.join(versions)}; {repeat} round(s), ~{budget:g} s per measurement, "
          f"medians; float64 training\n")
    print_training(bench_training(engines, repeat, budget), engines)
    print_grid(bench_grid(engines, repeat, budget))
    return 0


if __name__ == "__main__":
    sys.exit(main())
