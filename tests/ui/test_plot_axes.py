"""The plots' axes on a small plot: tick labels that do not run together, and a title cut
with an ellipsis instead of past the picture's edge."""

import pytest
from PySide6.QtGui import QFontMetricsF

from nnsim.ui.plots.plot_menu import LocaleAxis, next_round_step


def test_next_round_step_follows_one_two_five():
    steps = [1.0]
    for _ in range(6):
        steps.append(next_round_step(steps[-1]))
    assert steps == [1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0]
    assert next_round_step(0.25) == 0.5


@pytest.mark.parametrize("size", [90, 140, 220, 400, 900])
@pytest.mark.parametrize("high", [9.0, 889.0, 12_345.0, 2.0 ** 40])
def test_tick_labels_along_a_narrow_axis_keep_apart(qtbot, size, high):
    axis = LocaleAxis("bottom")
    (spacing, values), *_ = axis.tickValues(0.0, high, size)
    texts = axis.tickStrings(values, 1.0, spacing)
    metrics = QFontMetricsF(axis.font())
    room = max(metrics.horizontalAdvance(t) for t in texts) + metrics.horizontalAdvance("00")
    assert len(values) >= 1
    assert (len(values) - 1) * room <= size  # every pair of neighbours has a gap between them


def test_a_long_axis_title_is_cut_with_an_ellipsis_and_kept_whole(qtbot):
    axis = LocaleAxis("bottom")
    whole = "ancho del sépalo (cm) (estandarizada)"
    axis.setLabel(whole)
    axis.resize(120, 40)
    assert axis.labelText == whole
    assert "…" in axis.labelString() and whole not in axis.labelString()
    axis.resize(900, 40)
    assert whole in axis.labelString()
