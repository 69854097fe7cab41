"""Values beyond the widgets: every number a model file or the engine can hold is either
shown truly or refused before anything changes (issue 13)."""

import json
import math

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDoubleSpinBox, QMessageBox, QSlider

from nnsim.core import Network
from nnsim.core.resources import resource_path
from nnsim.core.trainer import TrainingSettings

INT_MAX = 2**31 - 1
from nnsim.core.errors import ModelFileError  # noqa: E402
from nnsim.core.model_file import load_model  # noqa: E402
from nnsim.model.messages import translate_message  # noqa: E402

DIALOG = "{path} is not a model nnsim can open:\n{detail}"


def one_neuron() -> Network:
    with open(resource_path("examples", "one_neuron.json"), encoding="utf-8") as f:
        return Network.from_dict(json.load(f)["network"])


def write_model(path, extra=None, settings=None, network=None):
    """A model file like nnsim writes (the one-neuron network, no data set), then ``extra``
    and ``settings`` (changes to the saved settings) as given, written as raw JSON."""
    from nnsim.core.model_file import save_model

    save_model(path, network or one_neuron(), settings=TrainingSettings(),
               extra={"input_names": ["x1", "x2"], "output_names": ["y"], "sample": [1.0, 0.5]})
    document = json.loads(path.read_text(encoding="utf-8"))
    for key, value in (extra or {}).items():
        if value is KeyError:
            document["extra"].pop(key, None)
        else:
            document["extra"][key] = value
    document["settings"].update(settings or {})
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


@pytest.fixture
def dialogs(monkeypatch):
    """The error dialogs the window shows, as (title, text); none blocks."""
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a, **k: shown.append((title, text)))
    return shown


def window_state(window):
    """Everything an open that is refused must leave as it was."""
    panel = window.training_panel
    return {
        "network": window.network.copy(),
        "data": window.document.data,
        "sample": window.document.sample.tolist(),
        "sample_index": window.document.sample_index,
        "names": (window.document.input_names(), window.document.output_names()),
        "selection": window.selection.node,
        "undo": (window.undo_stack.count(), window.undo_stack.index()),
        "title": window.windowTitle(),
        "settings": window.training.settings,
        "pending": window.training.settings_model.pending_seed,
        "boxes": (panel.learningRateSpin.value(), panel.batchSizeSpin.value(), panel.seedSpin.value()),
    }


@pytest.fixture
def edited_window(window, find_slider):
    """The Iris window after one undoable edit, with a node other than the first selected."""
    find_slider("biasSlider_0_0").setValue(100)
    window.selection.select_node(2, 3)
    return window


# ------------------------------------------------------------------ the open path
BAD_EXTRAS = [
    {"sample": "abc"},
    {"sample": 5},
    {"sample": {"x1": 1}},
    {"sample": None},
    {"sample": [1.0, 2.0, 3.0]},
    {"sample": [1.0]},
    {"sample": []},
    {"sample": ["inf", "nan"]},
    {"sample": [1.0, True]},
    {"sample": [1.0, [2.0]]},
    {"sample": [10**400, 1.0]},
    {"input_names": 5},
    {"input_names": None},
    {"input_names": ["a", "b", "c"]},
    {"input_names": ["a", 3]},
    {"output_names": "y"},
    {"output_names": [None]},
    {"output_names": ["\ud800"]},
    {"dataset": 5},
]


def loader_refusal(path) -> str:
    """What the engine's loader says of the bad file at ``path`` (the dialog shows it)."""
    with pytest.raises(ModelFileError) as refused:
        load_model(path)
    return translate_message(str(refused.value))


@pytest.mark.parametrize("extra", BAD_EXTRAS)
def test_a_bad_extra_is_refused_and_changes_nothing(edited_window, tmp_path, dialogs, extra):
    window = edited_window
    path = write_model(tmp_path / "bad.nnsim.json", extra)
    detail = loader_refusal(path)
    before = window_state(window)
    assert not window.open_model_from(path)
    assert dialogs == [("Could not open the model", DIALOG.format(path=path, detail=detail))]
    assert window_state(window) == before
    assert window.network_view.scene().items()  # the graph still shows the Iris network
    assert window.data_panel.isEnabled()


def test_the_same_checks_apply_when_the_data_set_is_found(edited_window, tmp_path, dialogs):
    """A file of the current data set keeps its row as the sample, but a bad sample in it is
    still a bad file."""
    window = edited_window
    path = tmp_path / "iris.nnsim.json"
    assert window.save_model_to(path)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["extra"]["sample"] = ["abc"]
    path.write_text(json.dumps(document), encoding="utf-8")
    before = window_state(window)
    detail = loader_refusal(path)
    assert not window.open_model_from(path)
    assert dialogs == [("Could not open the model", DIALOG.format(path=path, detail=detail))]
    assert window_state(window) == before


@pytest.mark.parametrize("settings", [{"batch_size": 2**40}, {"batch_size": 10**400}, {"seed": 2**40}])
def test_settings_beyond_the_engines_limits_are_refused(edited_window, tmp_path, dialogs, settings):
    window = edited_window
    path = write_model(tmp_path / "big.nnsim.json", settings=settings)
    detail = loader_refusal(path)
    before = window_state(window)
    assert not window.open_model_from(path)
    assert dialogs == [("Could not open the model", DIALOG.format(path=path, detail=detail))]
    assert window_state(window) == before


@pytest.mark.parametrize("settings, detail", [
    ({"learning_rate": 5e-324}, "The learning rate 4.94066e-324 is too close to 0 for nnsim to show."),
    ({"reg_rate": 5e-324}, "The regularization rate 4.94066e-324 is too close to 0 for nnsim to show."),
])
def test_settings_the_window_cannot_show_are_refused(edited_window, tmp_path, dialogs, settings, detail):
    window = edited_window
    path = write_model(tmp_path / "big.nnsim.json", settings=settings)
    before = window_state(window)
    assert not window.open_model_from(path)
    assert dialogs == [("Could not open the model", DIALOG.format(path=path, detail=detail))]
    assert window_state(window) == before


def test_settings_at_the_ends_of_the_boxes_are_opened_and_shown_truly(window, tmp_path, dialogs):
    from nnsim.core.model_file import MAX_BATCH_SIZE

    path = write_model(tmp_path / "ends.nnsim.json",
                       settings={"batch_size": MAX_BATCH_SIZE, "seed": INT_MAX, "learning_rate": 1e6, "reg_rate": 5.0})
    assert window.open_model_from(path)
    assert dialogs == []
    panel = window.training_panel
    assert panel.batchSizeSpin.value() == MAX_BATCH_SIZE
    assert panel.seedSpin.value() == INT_MAX
    assert (panel.learningRateSpin.value(), panel.learningRateSpin.text()) == (1e6, "1e6")
    assert (panel.regRateSpin.value(), panel.regRateSpin.text()) == (5.0, "5")
    assert window.training.settings.learning_rate == 1e6
    assert window.training.settings_model.pending_seed == INT_MAX


def test_a_good_sample_and_names_are_opened(edited_window, tmp_path, dialogs):
    window = edited_window
    path = write_model(tmp_path / "good.nnsim.json",
                       {"sample": [0.25, -3], "input_names": ["sun", "rain"], "output_names": ["grows"]})
    assert window.open_model_from(path)
    assert dialogs == []
    assert window.document.sample.tolist() == [0.25, -3.0]
    assert window.document.input_names() == ["sun", "rain"]
    assert window.document.output_names() == ["grows"]
    assert window.document.data is None
    assert window.undo_stack.count() == 0
    assert window.windowTitle() == "good.nnsim.json[*] — nnsim"


def test_without_sample_or_names_the_defaults_are_shown(edited_window, tmp_path, dialogs):
    window = edited_window
    path = write_model(tmp_path / "plain.nnsim.json",
                       {"sample": KeyError, "input_names": KeyError, "output_names": KeyError})
    assert window.open_model_from(path)
    assert dialogs == []
    assert window.document.sample.tolist() == [0.0, 0.0]
    assert window.document.input_names() == ["x1", "x2"]


def test_a_huge_integer_in_the_network_is_refused(edited_window, tmp_path, dialogs):
    window = edited_window
    path = write_model(tmp_path / "huge.nnsim.json")
    text = path.read_text(encoding="utf-8")
    document = json.loads(text)
    document["network"]["weights"][0][0][0] = 10**400
    document["network"]["threshold"] = 10**400
    path.write_text(json.dumps(document), encoding="utf-8")
    before = window_state(window)
    assert not window.open_model_from(path)  # whatever the loader's message, it does not escape
    assert len(dialogs) == 1 and dialogs[0][0] == "Could not open the model"
    assert dialogs[0][1].startswith(f"{path} is not a model nnsim can open:\n")
    assert window_state(window) == before


@pytest.mark.parametrize("error, detail", [
    (OverflowError("int too large to convert to float"),
     "A number in the file is too large (the largest is about 1.8e308)."),
    (TypeError("unhashable type: 'list'"), "unhashable type: 'list'"),
    (RecursionError("maximum recursion depth exceeded"), "maximum recursion depth exceeded"),
])
def test_any_error_of_the_loader_is_caught_and_said(edited_window, tmp_path, dialogs, monkeypatch, error, detail):
    import nnsim.core.model_file as model_file

    def fail(path):
        raise error

    monkeypatch.setattr(model_file, "load_model", fail)
    window = edited_window
    path = tmp_path / "any.nnsim.json"
    before = window_state(window)
    assert not window.open_model_from(path)
    assert dialogs == [("Could not open the model", DIALOG.format(path=path, detail=detail))]
    assert window_state(window) == before


# ------------------------------------------------------------------ the training panel
def test_a_batch_size_or_seed_beyond_the_boxes_never_raises_and_is_said(window):
    panel = window.training_panel
    window.training.set_settings(TrainingSettings(batch_size=2**40, seed=2**40))
    assert window.training.settings.batch_size == 2**40  # the controller took it
    assert panel.batchSizeSpin.value() == INT_MAX
    assert panel.seedSpin.value() == INT_MAX
    assert panel.statusLabel.text() == (
        "The batch size 1,099,511,627,776 is larger than nnsim can show (at most 2,147,483,647). "
        "The seed 1,099,511,627,776 is larger than nnsim can show (at most 2,147,483,647).")
    assert panel.batchSizeSpin.styleSheet() == "QAbstractSpinBox { border: 2px solid #b00020; }"
    assert panel.seedSpin.styleSheet() == "QAbstractSpinBox { border: 2px solid #b00020; }"
    panel._load_settings(window.training.settings)  # again, directly: no OverflowError
    window.training.set_settings(TrainingSettings(batch_size=20, seed=3))
    assert (panel.batchSizeSpin.value(), panel.seedSpin.value()) == (20, 3)
    assert panel.batchSizeSpin.styleSheet() == panel.seedSpin.styleSheet() == ""
    assert panel.statusLabel.text() == "Press Reset to apply: seed 3."


def test_the_boxes_hold_what_the_engine_takes_within_32_bits(window):
    panel = window.training_panel
    assert (panel.batchSizeSpin.minimum(), panel.batchSizeSpin.maximum()) == (1, INT_MAX)
    assert (panel.seedSpin.minimum(), panel.seedSpin.maximum()) == (0, INT_MAX)
    window.training.set_settings(TrainingSettings(batch_size=10_000, seed=10**6))
    assert panel.batchSizeSpin.value() == 10_000  # was shown as 4096
    assert panel.seedSpin.value() == 10**6  # was shown as 999,999


@pytest.mark.parametrize("rate, text", [(1e6, "1e6"), (1e300, "1e300"), (1.7976931348623157e308, "1.79769e308"),
                                        (12.5, "12.5")])
def test_a_large_learning_rate_is_shown_truly_with_a_warning(window, rate, text):
    panel = window.training_panel
    window.training.set_settings(TrainingSettings(learning_rate=rate))
    assert panel.learningRateSpin.value() == rate
    assert panel.learningRateSpin.text() == text
    assert panel.learningRateWarning.isVisibleTo(panel)
    assert panel.learningRateWarning.text() == (
        "Very large: a learning rate above 10 usually makes training diverge. Train asks before using it.")
    window.training.set_settings(TrainingSettings(learning_rate=0.1))
    assert (panel.learningRateSpin.value(), panel.learningRateSpin.text()) == (0.1, "0.1")
    assert (panel.learningRateSpin.minimum(), panel.learningRateSpin.maximum()) == (0.00001, 10.0)
    assert not panel.learningRateWarning.isVisibleTo(panel)


@pytest.mark.parametrize("rate, text", [(1e-7, "1e-7"), (1e-300, "1e-300"), (0.000123, "0.000123"),
                                        (10.0, "10"), (0.00001, "1e-5")])
def test_small_rates_are_shown_truly(window, rate, text):
    panel = window.training_panel
    window.training.set_settings(TrainingSettings(learning_rate=rate, reg_rate=rate))
    assert (panel.learningRateSpin.value(), panel.learningRateSpin.text()) == (rate, text)
    assert (panel.regRateSpin.value(), panel.regRateSpin.text()) == (rate, text)
    # outside 0.0001 .. 1 the panel says so (no regularization is on: nothing said of its rate)
    warning = panel.learningRateWarning
    if rate < 0.0001:
        assert warning.isVisibleTo(panel) and warning.text() == (
            "Very small: below 0.0001 the weights barely move, and training seems to do nothing.")
    elif rate > 1:
        assert warning.isVisibleTo(panel) and warning.text().startswith("Large: a learning rate above 1 ")
    else:
        assert not warning.isVisibleTo(panel)
    assert not panel.regRateWarning.isVisibleTo(panel)


def test_a_typed_learning_rate_still_stays_within_the_classroom_range(window, qtbot):
    panel = window.training_panel
    spin = panel.learningRateSpin
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), "0.5")
    qtbot.keyClick(spin.lineEdit(), Qt.Key_Return)
    assert window.training.settings.learning_rate == 0.5
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), "1e-3")
    qtbot.keyClick(spin.lineEdit(), Qt.Key_Return)
    assert window.training.settings.learning_rate == 0.001


def test_settings_problem_names_what_the_panel_cannot_show(window):
    panel = window.training_panel
    assert panel.settings_problem(TrainingSettings(batch_size=INT_MAX, seed=INT_MAX, learning_rate=1e308)) is None
    assert panel.settings_problem(TrainingSettings(batch_size=INT_MAX + 1)) == (
        "The batch size 2,147,483,648 is larger than nnsim can show (at most 2,147,483,647).")
    assert panel.settings_problem(TrainingSettings(seed=2**60)) == (
        "The seed ≈1.15e18 is larger than nnsim can show (at most 2,147,483,647).")


def test_an_infinite_training_speed_does_not_raise(window):
    panel = window.training_panel
    window.training._running = True  # the label adds the speed only while training runs
    try:
        panel._show_epoch(12, math.inf)
        assert panel.epochLabel.text() == "Epoch 12"
        panel._show_epoch(12, math.nan)
        assert panel.epochLabel.text() == "Epoch 12"
    finally:
        window.training._running = False


# ------------------------------------------------------------------ the typed sample
@pytest.mark.parametrize("typed", ["nan nan nan nan", "inf 1 2 3", "1e400 0 0 0", "-inf; 0; 0; 0"])
def test_a_typed_sample_that_is_not_finite_is_refused(window, qtbot, typed):
    panel = window.neuron_panel
    before = window.document.sample
    edit = panel.sample_edit
    edit.setText(typed)
    qtbot.keyClick(edit, Qt.Key_Return)
    np.testing.assert_array_equal(window.document.sample, before)
    assert window.document.sample_index == 0
    assert panel.sample_message.isVisibleTo(panel)
    assert panel.sample_message.text() == (
        "Every input must be a finite number (not nan or inf, at most about 1.8e308). "
        "Type 4 numbers, separated by spaces.")
    assert edit.styleSheet() == "QLineEdit { border: 2px solid #D55E00; }"
    edit.setText("1 2 3 4")  # in cm, as the table
    qtbot.keyClick(edit, Qt.Key_Return)
    assert window.document.sample_raw.tolist() == [1.0, 2.0, 3.0, 4.0]
    assert window.document.sample.tolist() == window.document.data.transform([[1.0, 2.0, 3.0, 4.0]])[0].tolist()
    assert not panel.sample_message.isVisibleTo(panel)
    assert edit.styleSheet() == ""


def test_a_typed_sample_of_the_wrong_count_says_so_visibly(window, qtbot):
    panel = window.neuron_panel
    edit = panel.sample_edit
    edit.setText("1 2")
    qtbot.keyClick(edit, Qt.Key_Return)
    assert panel.sample_message.isVisibleTo(panel)
    assert panel.sample_message.text() == "Type 4 numbers, separated by spaces."
    window.document.set_sample_index(3)  # the sample changed elsewhere: the message goes
    assert not panel.sample_message.isVisibleTo(panel)


def test_a_huge_finite_typed_sample_is_shown_as_it_is(window, qtbot):
    panel = window.neuron_panel
    edit = panel.sample_edit
    before = window.document.sample
    edit.setText("1e308 -1e308 5e-324 0")  # in cm: beyond what standardizing can hold
    qtbot.keyClick(edit, Qt.Key_Return)
    np.testing.assert_array_equal(window.document.sample, before)
    assert panel.sample_message.text() == ("These values are too far from the data set's for the network to take. "
                                           "Type 4 numbers, separated by spaces.")
    raw = [1e308, -1e308, 5e-324, 0.0]
    window.document.set_sample(raw)  # as the network sees them
    assert window.document.sample.tolist() == raw
    assert edit.text() == "1e+308  -1e+308  4.94066e-324  0"
    window.selection.select_node(0, 0)
    assert panel.formula_label.text() == "x = <b>1e+308</b>"
    window.selection.select_node(1, 0)
    assert panel.z_label.text() == f"z = <b>{_num(panel.z_value)}</b>"


def _num(v):
    from nnsim.ui.panels.neuron_panel import num

    return num(v)


# ------------------------------------------------------------------ huge and NaN parameters
def _select_again(window, node):
    window.selection.select_node(0, 0)
    window.selection.select_node(*node)


FORMULA = ("<span style='color:#555'>x<sub>1</sub>·w<sub>1</sub> + x<sub>2</sub>·w<sub>2</sub> + b = z</span><br>"
           "<span style='color:#555'>1.00</span>·<b>{w1}</b> + <span style='color:#555'>0.50</span>·<b>0.30</b>"
           " + <b>{b}</b> = <b>{z}</b>")
NOTE = "<br><span style='color:#777; font-size:small'>to learn, training borrows the slope of a smooth S-curve (hover for why)</span>"


@pytest.mark.parametrize("w1, w1_text, spin_text, position, z_text, verdict", [
    (1.7e308, "1.7e+308", "1.7e308", 1000, "1.7e+308",
     "z = 1.7e+308 > 0.50 → <b>activates</b>: it passes 1 on to the next layer"),
    (-1.7e308, "(−1.7e+308)", "-1.7e308", -1000, "−1.7e+308",
     "z = −1.7e+308 ≤ 0.50 → <b>stays off</b>: it passes 0 on"),
    (math.nan, "nan", "nan", 0, "nan", "z is not a number (nan) → <b>stays off</b>: it passes 0 on"),
])
def test_huge_and_nan_weights_through_the_window(window, w1, w1_text, spin_text, position, z_text, verdict):
    from nnsim.model.selection import activation_title, layer_title

    window.load_example("one_neuron")
    window.document.set_weight(0, 0, 0, w1)
    _select_again(window, (1, 0))
    params = window.parameter_panel
    spin = params.findChild(QDoubleSpinBox, "weightSpin_0_0_0")
    assert spin.text() == spin_text
    assert params.findChild(QSlider, "weightSlider_0_0_0").value() == position
    assert params.findChild(QDoubleSpinBox, "weightSpin_0_1_0").text() == "0.300"
    assert params.findChild(QDoubleSpinBox, "biasSpin_0_0").text() == "0.100"
    expected_range = 1.0 if math.isnan(w1) else 1e308
    assert params.slider_range == expected_range
    panel = window.neuron_panel
    assert panel.formula_label.text() == FORMULA.format(w1=w1_text, b="0.10", z=z_text)
    assert panel.z_label.text() == f"z = <b>{z_text}</b>"
    y = "0.00" if w1 != w1 or w1 < 0 else "1.00"
    assert panel.activation_label.text() == f"f(z) = step: 1 if z > 0.50, else 0<br>f({z_text}) = <b>{y}</b>{NOTE}"
    assert panel.verdict_label.text() == verdict
    z = float(window.document.trace().zs[0][0][0])
    assert window.network_view.node_tooltip(1, 0) == (
        f"y ({layer_title(1, 2)})\nz = {format(z, '.4f' if abs(z) < 1e6 else '.4g')}\n"
        f"{activation_title('step')}(z) = {float(y):.4f}")


def test_nan_bias_and_weights_a_slider_can_then_repair(window, find_slider):
    window.load_example("one_neuron")
    window.document.set_bias(0, 0, math.nan)
    window.document.set_weight(0, 1, 0, 2.5)
    _select_again(window, (1, 0))
    params = window.parameter_panel
    bias = params.findChild(QDoubleSpinBox, "biasSpin_0_0")
    assert bias.text() == "nan"
    assert params.slider_range == 5.0  # the NaN does not hide the 2.5 from the range
    assert find_slider("biasSlider_0_0").value() == 0
    find_slider("biasSlider_0_0").setValue(200)  # the person moves it: a number again
    assert window.network.biases[0][0] == 1.0
    assert bias.text() == "1.000"
    assert window.neuron_panel.verdict_label.text() == "z = 2.45 > 0.50 → <b>activates</b>: it passes 1 on to the next layer"


@pytest.mark.parametrize("value, text", [(1e308, "1e308"), (-1e308, "-1e308"), (2.0**40, "1.1e12"),
                                         (5e-324, "0.000"), (math.inf, "inf"), (-math.inf, "-inf")])
def test_every_weight_box_shows_the_limits(window, value, text):
    window.load_example("one_neuron")
    window.document.set_weight(0, 1, 0, value)
    _select_again(window, (1, 0))
    spin = window.parameter_panel.findChild(QDoubleSpinBox, "weightSpin_0_1_0")
    assert spin.text() == text
    window.document.set_weight(0, 1, 0, 0.3)  # and back: the box shows the new value
    assert spin.text() == "0.300"


@pytest.mark.parametrize("threshold, text", [(1e6, "1e6"), (-1e308, "-1e308"), (250.0, "250.00"),
                                             (5e-324, "0.00"), (0.5, "0.50")])
def test_the_threshold_box_shows_thresholds_beyond_its_typed_range(window, threshold, text):
    window.load_example("one_neuron")
    window.editor.set_threshold(threshold)
    spin = window.neuron_panel.threshold_spin
    assert spin.text() == text
    assert window.network.threshold == threshold  # showing it did not change it
    window.editor.set_threshold(0.25)
    assert spin.text() == "0.25"
    assert (spin.minimum(), spin.maximum()) == (-100.0, 100.0)


def test_training_at_a_learning_rate_of_1e300_then_select_a_node(window, qtbot):
    window.training.update_settings(learning_rate=1e300)
    assert window.training_panel.learningRateSpin.text() == "1e300"
    heard = []  # what the window heard, to say so if the step's snapshot never comes
    window.training.snapshotApplied.connect(lambda s: heard.append(s.kind))
    window.training.error.connect(lambda message: heard.append(f"error: {message}"))
    try:
        try:
            # (a generous wait: late in a loaded suite this step has taken over 5 s to arrive)
            with qtbot.waitSignal(window.training.snapshotApplied, timeout=20_000,
                                  check_params_cb=lambda s: s.kind in ("step", "diverged")):
                window.training.step()
        except AssertionError as exc:
            raise AssertionError(f"no step snapshot; the window heard {heard}") from exc
        for node in ((1, 0), (2, 3), (3, 2)):
            window.selection.select_node(*node)
            params = window.parameter_panel
            l, j = node[0] - 1, node[1]
            values = list(window.network.weights[l][:, j]) + [window.network.biases[l][j]]
            spins = [params.findChild(QDoubleSpinBox, f"weightSpin_{l}_{i}_{j}") for i in range(len(values) - 1)]
            spins.append(params.findChild(QDoubleSpinBox, f"biasSpin_{l}_{j}"))
            for spin, value in zip(spins, values):
                assert spin.text() == spin.textFromValue(round(float(value), 3))
    finally:
        window.training.shutdown()
        if window.training_panel.divergence_box is not None:
            window.training_panel.divergence_box.close()


def test_reset_past_the_largest_seed_never_raises_and_is_said(window):
    panel = window.training_panel
    try:
        window.training.update_settings(seed=INT_MAX)
        window.training.reset()  # takes the pending seed
        assert panel.seedSpin.value() == INT_MAX and panel.seedSpin.styleSheet() == ""
        window.training.reset()  # Reset alone takes the next seed: 2**31
        assert window.training.settings.seed == 2**31
        assert panel.seedSpin.value() == INT_MAX
        assert panel.seedSpin.styleSheet() == "QAbstractSpinBox { border: 2px solid #b00020; }"
        assert panel.statusLabel.text() == (
            "The seed 2,147,483,648 is larger than nnsim can show (at most 2,147,483,647).")
    finally:
        window.training.shutdown()


def test_a_learning_rate_typed_beyond_10_is_not_taken(window, qtbot):
    spin = window.training_panel.learningRateSpin
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), "50")  # the "0" would make it 50: the box does not take it
    qtbot.keyClick(spin.lineEdit(), Qt.Key_Return)
    assert window.training.settings.learning_rate == 5.0
    assert spin.text() == "5"
    warning = window.training_panel.learningRateWarning
    assert warning.isVisibleTo(window.training_panel) and warning.text() == (
        "Large: a learning rate above 1 often makes training diverge. Train asks before using it.")


def test_the_rate_arrows_step_as_before_near_zero(window):
    panel = window.training_panel
    window.training.set_settings(TrainingSettings(regularization="l2", reg_rate=0.0, learning_rate=0.00001))
    panel.regRateSpin.stepBy(1)
    assert window.training.settings.reg_rate == 0.00001
    panel.regRateSpin.stepBy(1)
    assert window.training.settings.reg_rate == 0.00002  # adaptive: a tenth of the value's decade
    panel.regRateSpin.stepBy(-1)
    panel.regRateSpin.stepBy(-1)
    assert window.training.settings.reg_rate == 0.0
    panel.learningRateSpin.stepBy(-1)
    assert window.training.settings.learning_rate == 0.00001  # the typed minimum
    panel.learningRateSpin.stepBy(1)
    assert window.training.settings.learning_rate == 0.00002
    for start, steps, expected in ((0.1, 1, 0.11), (0.1, -1, 0.099), (0.1, -2, 0.098), (0.95, 10, 1.05),
                                   (10.0, 1, 10.0), (1e6, 1, 1e6), (1e6, -1, 990000.0), (0.0003, -3, 0.00027), (0.5, 1, 0.51)):  # as Qt's steps
        window.training.set_settings(TrainingSettings(learning_rate=start))
        panel.learningRateSpin.stepBy(steps)
        assert window.training.settings.learning_rate == expected, (start, steps)


def test_a_rate_too_close_to_zero_from_the_controller_is_said(window):
    panel = window.training_panel
    window.training.set_settings(TrainingSettings(learning_rate=5e-324))
    assert panel.learningRateSpin.text() == "0.1"  # left as it was: it cannot hold 5e-324
    assert panel.learningRateSpin.styleSheet() == "QAbstractSpinBox { border: 2px solid #b00020; }"
    assert panel.statusLabel.text() == "The learning rate 4.94066e-324 is too close to 0 for nnsim to show."


# ------------------------------------------------------------------ big files
def big_model(path) -> Network:
    network = Network([100] * 8, seed=3)  # 70,000 weights: over a megabyte of JSON
    from nnsim.core.model_file import save_model

    save_model(path, network, settings=TrainingSettings())
    assert path.stat().st_size >= 1024 * 1024
    return network


def test_a_big_model_file_is_read_in_the_background(qtbot, edited_window, tmp_path, dialogs):
    window = edited_window
    path = tmp_path / "big.nnsim.json"
    network = big_model(path)
    before = window.network.layer_sizes
    with qtbot.waitSignal(window.modelOpened, timeout=30_000) as outcome:
        assert window.open_model_from(path) is True
        assert window.network.layer_sizes == before  # meanwhile the window shows what it showed
    assert outcome.args == [True] and dialogs == []
    assert window.network == network and window.windowTitle() == "big.nnsim.json[*] — nnsim"


def test_a_big_broken_model_file_changes_nothing(qtbot, edited_window, tmp_path, dialogs):
    window = edited_window
    path = tmp_path / "broken.nnsim.json"
    big_model(path)
    path.write_bytes(path.read_bytes()[:-5000])  # cut short, as by a full disk
    before = window_state(window)
    with qtbot.waitSignal(window.modelOpened, timeout=30_000) as outcome:
        window.open_model_from(path)
    assert outcome.args == [False]
    assert dialogs == [("Could not open the model", DIALOG.format(path=path, detail=loader_refusal(path)))]
    assert window_state(window) == before
