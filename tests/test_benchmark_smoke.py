"""The engine benchmark runs (nnsim only, short runs) and prints measured figures."""

import re
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "engine.py"


def test_quick_benchmark_prints_figures_for_every_workload():
    out = subprocess.run(
        [sys.executable, str(SCRIPT), "--quick", "--only", "nnsim"],
        capture_output=True, text=True, timeout=60, check=True,
    ).stdout
    for workload in ("Iris 4-8-8-3, full batch", "Iris 4-8-8-3, batch 10", "spiral 2-16-16-2",
                     "64-128-64-10", "2-(64x6)-1", "grid pass 200x200"):
        assert workload in out, out
    # Each training row: workload | optimizer | epochs/s | samples/s, both positive numbers.
    rows = re.findall(r"^\| .+? \| (sgd|adam) +\| +([\d,]+) \| +([\d,]+) \|$", out, re.MULTILINE)
    assert len(rows) == 10, out
    for _, epochs, samples in rows:
        assert int(epochs.replace(",", "")) > 0 and int(samples.replace(",", "")) > 0
    assert re.search(r"^\| nnsim float32 +\| +[\d.]+ \| +[\d,]+ \|$", out, re.MULTILINE), out
