"""The neuron explained: the numbers are the engine's, and they follow every edit."""

import numpy as np
from PySide6.QtCore import Qt

from nnsim.ui.panels.neuron_panel import compare_digits, num


def engine_numbers(window, layer, j):
    trace = window.network.trace(window.document.sample[None, :])
    return float(trace.zs[layer - 1][0, j]), float(trace.activations[layer][0, j])


def signed(v: float) -> str:
    """A term's weight as the formula writes it: negative ones in brackets."""
    return f"({num(v)})" if v < 0 else num(v)


def formula(x, w, b, z, index=None, note="") -> str:
    """The formula label's whole text for inputs x, weights w, bias b and result z: the
    symbols line, then one x·w term per input of ``index`` (default all), ``note``, b, z."""
    n = len(x)
    index = range(n) if index is None else index
    symbols = " + ".join(f"x<sub>{i + 1}</sub>·w<sub>{i + 1}</sub>" for i in range(min(n, 3)))
    symbols += " + …" if n > 3 else ""
    terms = " + ".join(f"<span style='color:#555'>{num(float(x[i]))}</span>·<b>{signed(float(w[i]))}</b>"
                       for i in index)
    return (f"<span style='color:#555'>{symbols} + b = z</span><br>"
            f"{terms}{note} + <b>{signed(b)}</b> = <b>{num(z)}</b>")


def test_numbers_equal_the_engine(window):
    panel = window.neuron_panel
    z, y = engine_numbers(window, 1, 0)
    assert panel.z_value == z and panel.y_value == y
    assert panel.z_label.text() == f"z = <b>{num(z)}</b>"
    assert panel.activation_label.text() == f"f(z) = tanh: tanh(z)<br>tanh({num(z)}) = <b>{num(y)}</b>"
    # the terms shown are the inputs and weights of the node
    x = window.document.sample
    w = window.network.weights[0][:, 0]
    b = float(window.network.biases[0][0])
    assert panel.formula_label.text() == formula(x, w, b, z)
    assert np.isclose(float(x @ w + b), z)


def test_updates_live_with_sliders(window, find_slider):
    panel = window.neuron_panel
    find_slider("weightSlider_0_0_0").setValue(-900)
    z, y = engine_numbers(window, 1, 0)
    assert panel.z_value == z and panel.y_value == y
    assert panel.z_label.text() == f"z = <b>{num(z)}</b>"


def test_output_softmax_node(window):
    window.selection.select_node(3, 2)
    z, y = engine_numbers(window, 3, 2)
    panel = window.neuron_panel
    assert (panel.z_value, panel.y_value) == (z, y)
    assert panel.activation_label.text() == (
        "f(z) = softmax over the outputs: e<sup>z</sup> / Σ e<sup>z<sub>k</sub></sup> "
        f"(the outputs add up to 1)<br>y = <b>{num(y)}</b>"
    )
    assert panel.title.text() == ("<b>virginica</b> (Output) multiplies each input x by its weight w, "
                                  "adds the bias b, then applies its activation:")
    assert not panel.verdict_label.isVisibleTo(panel)


def test_many_inputs_list_the_largest_terms(window):
    window.editor.add_layer(1, size=20)  # hidden layer 2 now has 20 inputs
    window.selection.select_node(3, 0)
    z, _ = engine_numbers(window, 3, 0)
    assert window.neuron_panel.z_value == z
    trace = window.network.trace(window.document.sample[None, :])
    x, w, b = trace.activations[2][0], window.network.weights[2][:, 0], float(window.network.biases[2][0])
    largest = sorted(np.argsort(-np.abs(x * w))[:12].tolist())  # the 12 largest |x·w|, in order
    rest = float(np.sum(x * w) - np.sum((x * w)[largest]))
    expected = formula(x, w, b, z, largest, f" + (8 smaller terms: {num(rest)})")
    assert window.neuron_panel.formula_label.text() == expected


def test_choose_sample_row(window, qtbot):
    spin = window.neuron_panel.sample_spin
    assert (spin.minimum(), spin.maximum()) == (1, 150)  # rows count from 1, as in the table
    spin.setValue(121)
    assert window.document.sample_index == 120
    ds = window.document.data.dataset
    assert ds.class_names[ds.y[120]] == "virginica"
    assert window.neuron_panel.sample_info.text() == "of 150 · answer: virginica"
    z, _ = engine_numbers(window, 1, 0)
    assert window.neuron_panel.z_value == z


def test_type_sample_values(window, qtbot):
    edit = window.neuron_panel.sample_edit
    edit.clear()
    qtbot.keyClicks(edit, "6.1 2.5 4.75 1.5")  # a flower in cm
    qtbot.keyClick(edit, Qt.Key_Return)
    data = window.document.data
    np.testing.assert_array_equal(window.document.sample, data.transform([[6.1, 2.5, 4.75, 1.5]])[0])
    np.testing.assert_array_equal(window.document.sample_raw, [6.1, 2.5, 4.75, 1.5])
    assert window.document.sample_index == -1
    z, _ = engine_numbers(window, 1, 0)
    assert window.neuron_panel.z_value == z


def test_bad_typed_sample_is_refused(window, qtbot):
    before = window.document.sample
    edit = window.neuron_panel.sample_edit
    edit.setText("1 2 three")
    qtbot.keyClick(edit, Qt.Key_Return)
    np.testing.assert_array_equal(window.document.sample, before)
    assert edit.toolTip() == "'three' is not a number (use a point for decimals: 5.1). Type 4 numbers, separated by spaces."
    edit.setText("1 2 3")
    qtbot.keyClick(edit, Qt.Key_Return)
    np.testing.assert_array_equal(window.document.sample, before)
    assert edit.toolTip() == "Type 4 numbers, separated by spaces."


def test_input_node(window):
    window.selection.select_node(0, 2)
    panel = window.neuron_panel
    assert panel.title.text() == "<b>petal length (cm)</b> is an input: it passes the sample's value on."
    assert panel.y_value == window.document.sample[2]
    assert panel.formula_label.text().startswith(f"1.4 cm → x = <b>{num(float(window.document.sample[2]))}</b>")
    window.document.set_sample([0.5, 0.5, 0.5, 0.5])  # as the network sees it: no units to show
    assert panel.formula_label.text() == "x = <b>0.50</b>"


def test_a_flower_in_cm_gives_the_same_outputs_as_its_table_row(window, qtbot):
    # Row 8 of the table (index 7) is 5.0 3.4 1.5 0.2, a setosa.
    doc = window.document
    np.testing.assert_array_equal(doc.data.dataset.X[7], [5.0, 3.4, 1.5, 0.2])
    doc.set_sample_index(7)
    from_row = doc.trace().output.copy()
    edit = window.neuron_panel.sample_edit
    assert edit.text() == "5  3.4  1.5  0.2"
    doc.set_sample([0.0, 0.0, 0.0, 0.0])
    edit.setText("5.0 3.4 1.5 0.2")
    qtbot.keyClick(edit, Qt.Key_Return)
    np.testing.assert_array_equal(doc.trace().output, from_row)
    assert window.network_view.node_item(0, 0).value_text.text() == "5.00"  # the graph shows cm too
    tip = window.network_view.node_tooltip(0, 0)
    assert tip.startswith("sepal length (cm) (input)\n5 in the data's units → x = ")


def test_far_values_are_refused_and_change_nothing(window, qtbot):
    before = window.document.sample
    edit = window.neuron_panel.sample_edit
    edit.setText("1e308 -1e308 1e308 1e308")
    qtbot.keyClick(edit, Qt.Key_Return)
    np.testing.assert_array_equal(window.document.sample, before)
    assert window.neuron_panel.sample_message.isVisibleTo(window.neuron_panel)


def test_step_neuron_verdict_and_surrogate_note(window):
    window.editor.set_activation(1, "step")
    window.selection.select_node(1, 0)
    panel = window.neuron_panel
    z, y = engine_numbers(window, 1, 0)
    verdict = panel.verdict_label.text()
    d = compare_digits(z, 0.5)
    if z > 0.5:
        assert verdict == f"z = {num(z, d)} > 0.{'5'.ljust(d, '0')} → <b>activates</b>: it passes 1 on to the next layer"
        assert y == 1.0
    else:
        assert verdict == f"z = {num(z, d)} ≤ 0.{'5'.ljust(d, '0')} → <b>stays off</b>: it passes 0 on"
        assert y == 0.0
    note = ("The step is flat everywhere except at the threshold, so its true slope cannot teach "
            "anything. Training uses a stand-in instead: the slope of a sigmoid centred on the "
            "threshold (0.50), a 'surrogate gradient'. The neuron itself still outputs exactly 0 or 1.")
    assert panel.verdict_label.toolTip() == note
    assert panel.activation_label.toolTip() == note
    assert panel.activation_label.text() == (
        f"f(z) = step: 1 if z > 0.50, else 0<br>f({num(z)}) = <b>{num(y)}</b>"
        "<br><span style='color:#777; font-size:small'>to learn, training borrows the slope of a "
        "smooth S-curve (hover for why)</span>"
    )


def test_threshold_spin_changes_threshold_undoably(window):
    window.editor.set_activation(1, "step")
    panel = window.neuron_panel
    panel.threshold_spin.setValue(-0.25)
    assert window.network.threshold == -0.25
    window.undo_stack.undo()
    assert window.network.threshold == 0.5


def test_digits_never_hide_the_comparison():
    assert compare_digits(0.5004, 0.5) == 4
    assert compare_digits(0.62, 0.5) == 2
    assert num(-1.5) == "−1.50"
