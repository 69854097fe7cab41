"""The neuron explained: what the selected node computes for the chosen sample, in numbers.

    x1·w1 + x2·w2 + … + b = z        then        f(z) = y

and for a step neuron the source text's verdict: ``z = 0.62 > 0.5 → activates`` or
``z = 0.31 ≤ 0.5 → stays off``. The numbers are the engine's (``Network.trace`` for the
document's sample); the terms ``x·w`` are the products of the values shown.

The sample is a row of the data set (a spin box, counting from 1 as the table does) or
values typed in the data's own units (a flower in cm); standardizing them for the network is
internal, and an input's explanation shows both ("5.1 cm → −0.90"). Without a data set the
values typed are the ones the network sees.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QLocale, QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nnsim.model.document import follow_parameters
from nnsim.model.selection import activation_title, layer_title, node_name
from nnsim.ui.number_spin import NumberSpin
from nnsim.ui.number_text import decimal_comma, fixed, locale_of, typed_numbers
from nnsim.ui.rich_text import html_text

#: the formula lists every term up to this many inputs, then the largest ones
MAX_TERMS = 12

ACTIVATION_FORMULAS = {
    "tanh": "tanh(z)",
    "sigmoid": "1 / (1 + e<sup>−z</sup>)",
    "relu": "max(0, z)",
    "linear": "z",
    "softmax": "e<sup>z</sup> / Σ e<sup>z<sub>k</sub></sup>",
}


def num(v: float, digits: int = 2, locale: QLocale | None = None) -> str:
    """A number as the panel writes it: two decimals ("0.45"; "0,45" in a Spanish
    ``locale``), a real minus sign."""
    return fixed(float(v), digits, locale)


def compare_digits(z: float, threshold: float) -> int:
    """Enough decimals that z and the threshold do not print the same (at most 6)."""
    digits = 2
    while digits < 6 and f"{z:.{digits}f}" == f"{threshold:.{digits}f}" and z != threshold:
        digits += 1
    return digits


class NeuronPanel(QWidget):
    def __init__(self, document, editor, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.editor = editor
        self.selection = editor.selection
        self.setObjectName("neuronPanel")
        self.setAccessibleName(self.tr("What the selected neuron computes"))
        #: the numbers shown, for tests and screen readers: z and y = f(z) (None for inputs)
        self.z_value: float | None = None
        self.y_value: float | None = None

        # --- the sample
        self.sample_spin = QSpinBox()
        self.sample_spin.setObjectName("sampleSpin")
        self.sample_spin.setAccessibleName(self.tr("Sample row of the data set"))
        self.sample_spin.setToolTip(self.tr("Which example of the data set the graph and the formula show"))
        self.sample_spin.valueChanged.connect(self._sample_row_chosen)
        self.sample_info = QLabel()
        self.sample_info.setObjectName("sampleInfo")
        self.sample_edit = QLineEdit()
        self.sample_edit.setObjectName("sampleEdit")
        self.sample_edit.setAccessibleName(self.tr("Input values of the sample"))
        self.sample_edit.setToolTip(
            self.tr("Type one value per input, separated by spaces or semicolons, and press Enter: "
                    "in the data's own units (a flower in cm), as in the table.")
        )
        self.sample_edit.returnPressed.connect(self._sample_typed)
        self._sample_tip = self.sample_edit.toolTip()
        # why typed values were refused (hidden while nothing is wrong)
        self.sample_message = QLabel()
        self.sample_message.setObjectName("sampleMessage")
        self.sample_message.setWordWrap(True)
        self.sample_message.setStyleSheet("color: #b00020;")
        self.sample_message.hide()
        row_box = QHBoxLayout()
        row_box.addWidget(self.sample_spin)
        row_box.addWidget(self.sample_info, 1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.row_label = QLabel(self.tr("Sample &row:"))
        self.row_label.setBuddy(self.sample_spin)
        form.addRow(self.row_label, row_box)
        inputs_label = QLabel(self.tr("&Inputs x:"))
        inputs_label.setBuddy(self.sample_edit)
        form.addRow(inputs_label, self.sample_edit)
        form.addRow(self.sample_message)  # the whole row: room for its lines

        # --- the explanation
        self.title = QLabel()
        self.title.setObjectName("neuronTitle")
        self.title.setWordWrap(True)
        self.formula_label = _rich_label("formulaLabel", self.tr("The weighted sum of the inputs plus the bias"))
        self.z_label = _rich_label("zLabel", self.tr("The result z of the weighted sum"))
        self.activation_label = _rich_label("activationLabel", self.tr("The activation function applied to z"))
        self.verdict_label = _rich_label("verdictLabel", self.tr("Whether the neuron activates"))
        self.verdict_label.setFrameShape(QFrame.StyledPanel)
        self.verdict_label.setMargin(4)

        self.threshold_spin = NumberSpin()  # a threshold from a file may lie beyond the typed range
        self.threshold_spin.setObjectName("thresholdSpin")
        self.threshold_spin.setAccessibleName(self.tr("Step threshold"))
        self.threshold_spin.setToolTip(self.tr("A step neuron switches on when z is above this threshold (0.5 in the worked example)"))
        self.threshold_spin.set_typed_range(-100.0, 100.0)
        self.threshold_spin.setDecimals(2)
        self.threshold_spin.setSingleStep(0.1)
        self.threshold_spin.setKeyboardTracking(False)
        self.threshold_spin.valueChanged.connect(self.editor.set_threshold)
        self.threshold_row = QWidget()
        tbox = QHBoxLayout(self.threshold_row)
        tbox.setContentsMargins(0, 0, 0, 0)
        tlabel = QLabel(self.tr("Step &threshold:"))
        tlabel.setBuddy(self.threshold_spin)
        tbox.addWidget(tlabel)
        tbox.addWidget(self.threshold_spin)
        tbox.addStretch(1)

        body = QWidget()
        body.setObjectName("neuronBody")
        v = QVBoxLayout(body)
        v.setContentsMargins(0, 0, 0, 0)
        v.addWidget(self.title)
        v.addWidget(self.formula_label)
        v.addWidget(self.z_label)
        v.addWidget(self.activation_label)
        v.addWidget(self.verdict_label)
        v.addWidget(self.threshold_row)
        v.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("neuronScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setWidget(body)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(form)
        layout.addWidget(scroll, 1)

        self.selection.changed.connect(self.refresh)
        follow_parameters(document, self, self.refresh)  # a pass after the graph while training
        document.sampleChanged.connect(self._sync_sample_controls)
        document.dataChanged.connect(self._sync_sample_controls)
        document.structureChanged.connect(self._sync_sample_controls)
        self._sync_sample_controls()
        self.refresh()

    # ------------------------------------------------------------ the sample
    def _sync_sample_controls(self) -> None:
        data = self.document.data
        with QSignalBlocker(self.sample_spin):
            if data is None:
                self.sample_spin.setRange(0, 0)
                self.sample_spin.setEnabled(False)
            else:
                n = data.dataset.X.shape[0]
                self.sample_spin.setRange(1, n)  # rows count from 1 on screen, as in the table
                self.sample_spin.setEnabled(True)
                if self.document.sample_index >= 0:
                    self.sample_spin.setValue(self.document.sample_index + 1)
        self.sample_info.setText(self._sample_description())
        raw = self.document.sample_raw
        shown = self.document.sample if raw is None else raw
        self.sample_edit.setText("  ".join(self._typed_text(v) for v in shown))
        self._sample_refused(None)

    def _sample_description(self) -> str:
        data = self.document.data
        if data is None:
            return self.tr("(values typed in)")
        row = self.document.sample_index
        if row < 0:
            return self.tr("(values typed in)")
        ds = data.dataset
        n = ds.X.shape[0]
        if ds.class_names:
            answer = ds.class_names[int(ds.y[row])]
        else:
            locale = locale_of(self)
            answer = "; ".join(locale.toString(float(t), "g", 3) for t in np.atleast_1d(ds.y[row]))
        return self.tr("of %1 · answer: %2").replace("%1", str(n)).replace("%2", answer)

    def _typed_text(self, value: float) -> str:
        """A value as the sample box shows it (and reads it back): up to 6 digits, a decimal
        comma in Spanish."""
        return locale_of(self).toString(float(value), "g", 6)

    def _sample_row_chosen(self, row: int) -> None:
        if self.document.data is not None:
            self.document.set_sample_index(row - 1)

    def _sample_typed(self) -> None:
        """Show the typed values; refuse (saying why, keeping the sample) anything but one
        finite number per input."""
        n = self.document.network.layer_sizes[0]
        count = self.tr("Type %1 numbers, separated by spaces.").replace("%1", str(n))
        comma = self.locale().decimalPoint() == ","
        try:
            values = typed_numbers(self.sample_edit.text(), comma)
        except ValueError as exc:
            example = self.tr("use a comma for decimals: 5,1") if comma else self.tr("use a point for decimals: 5.1")
            self._sample_refused(self.tr("'%1' is not a number (%2).").replace("%1", str(exc)).replace("%2", example)
                                 + " " + count)
            return
        if len(values) != n:
            self._sample_refused(count)
            return
        if not all(math.isfinite(v) for v in values):  # "nan", "inf", "1e400" (parsed as inf)
            self._sample_refused(self.tr("Every input must be a finite number (not nan or inf, at most about "
                                         "1.8e308).") + " " + count)
            return
        try:
            if self.document.data is not None:
                self.document.set_sample_raw(values)  # in the data's units, as the table
            else:
                self.document.set_sample(values)
        except ValueError:
            self._sample_refused(self.tr("These values are too far from the data set's for the network "
                                         "to take.") + " " + count)
            return
        self._sample_refused(None)

    def _sample_refused(self, message: str | None) -> None:
        """Say why typed values were refused (None: nothing is wrong)."""
        self.sample_message.setVisible(message is not None)
        self.sample_message.setText(message or "")
        self.sample_edit.setStyleSheet("" if message is None else "QLineEdit { border: 2px solid #D55E00; }")
        self.sample_edit.setToolTip(self._sample_tip if message is None else message)

    # ------------------------------------------------------------ the explanation
    def refresh(self) -> None:
        node = self.selection.node
        net = self.document.network
        self.z_value = self.y_value = None
        for label in (self.formula_label, self.z_label, self.activation_label, self.verdict_label):
            label.clear()
        self.verdict_label.hide()
        self.threshold_row.hide()
        if node is None or node[0] >= len(net.layer_sizes) or node[1] >= net.layer_sizes[node[0]]:
            self.title.setText(self.tr("Click a neuron in the graph to see what it computes."))
            return
        layer, j = node
        trace = self.document.trace()
        name = node_name(self.document, layer, j)
        if layer == 0:
            x = float(trace.activations[0][0][j])
            self.title.setText(self.tr("<b>%1</b> is an input: it passes the sample's value on.").replace("%1", html_text(name)))
            raw = self.document.sample_raw
            if raw is None:
                self.formula_label.setText(f"x = <b>{self._num(x)}</b>")
            else:
                unit = unit_of(name)
                self.formula_label.setText(
                    f"{html_text(self._typed_text(raw[j]))}{' ' + html_text(unit) if unit else ''} → x = <b>{self._num(x)}</b><br>"
                    + "<span style='color:#555'>"
                    + self.tr("standardized for the network: (value − mean) / spread of the training examples")
                    + "</span>")
            self.y_value = x
            return
        l = layer - 1
        activation = net.activations[l]
        x = trace.activations[l][0]
        w = net.weights[l][:, j]
        b = float(net.biases[l][j])
        z = float(trace.zs[l][0][j])
        y = float(trace.activations[layer][0][j])
        self.z_value, self.y_value = z, y
        self.title.setText(
            self.tr("<b>%1</b> (%2) multiplies each input x by its weight w, adds the bias b, "
                    "then applies its activation:")
            .replace("%1", html_text(name)).replace("%2", html_text(layer_title(layer, len(net.layer_sizes))))
        )
        self.formula_label.setText(self._sum_html(x, w, b, z))
        self.z_label.setText(f"z = <b>{self._num(z)}</b>")
        self.activation_label.setText(self._activation_html(activation, z, y, net.threshold))
        if activation == "step":
            self.verdict_label.show()
            self.threshold_row.show()
            self.threshold_spin.show_value(net.threshold)  # signals blocked
            t = net.threshold
            d = compare_digits(z, t)
            if math.isnan(z):  # neither above nor below: the step outputs 0 (NaN > t is false)
                text = self.tr("z is not a number (nan) → <b>stays off</b>: it passes 0 on")
                style = "QLabel { background: #F1F1F1; color: #333; }"
            elif z > t:
                text = self.tr("z = %1 > %2 → <b>activates</b>: it passes 1 on to the next layer")
                style = "QLabel { background: #DCEEFB; color: #00426B; }"
            else:
                text = self.tr("z = %1 ≤ %2 → <b>stays off</b>: it passes 0 on")
                style = "QLabel { background: #F1F1F1; color: #333; }"
            self.verdict_label.setText(text.replace("%1", self._num(z, d)).replace("%2", self._num(t, d)))
            self.verdict_label.setStyleSheet(style)
            self.verdict_label.setToolTip(self._surrogate_note(t))
            self.activation_label.setToolTip(self._surrogate_note(t))
        else:
            self.activation_label.setToolTip("")

    def _sum_html(self, x, w, b, z) -> str:
        n = len(x)
        index = list(range(n))
        note = ""
        if n > MAX_TERMS:  # the largest contributions, so the sum still reads
            index = sorted(np.argsort(-np.abs(x * w))[:MAX_TERMS].tolist())
            rest = float(np.sum(x * w) - np.sum((x * w)[index]))
            note = self.tr(" + (%1 smaller terms: %2)").replace("%1", str(n - MAX_TERMS)).replace("%2", self._num(rest))
        terms = [
            f"<span style='color:#555'>{self._num(float(x[i]))}</span>·<b>{self._signed(float(w[i]))}</b>" for i in index
        ]
        lines = " + ".join(terms) + note + f" + <b>{self._signed(b)}</b>"
        symbols = " + ".join(f"x<sub>{i + 1}</sub>·w<sub>{i + 1}</sub>" for i in range(min(n, 3)))
        if n > 3:
            symbols += " + …"
        return (
            f"<span style='color:#555'>{symbols} + b = z</span><br>"
            f"{lines} = <b>{self._num(z)}</b>"
        )

    def _activation_html(self, activation: str, z: float, y: float, threshold: float) -> str:
        if activation == "step":
            rule = self.tr("step: 1 if z > %1, else 0").replace("%1", self._num(threshold))
            note = self.tr("to learn, training borrows the slope of a smooth S-curve (hover for why)")
            return (f"f(z) = {rule}<br>f({self._num(z)}) = <b>{self._num(y)}</b>"
                    f"<br><span style='color:#777; font-size:small'>{note}</span>")
        formula = ACTIVATION_FORMULAS.get(activation, activation)
        if activation == "softmax":
            text = self.tr("softmax over the outputs: %1 (the outputs add up to 1)").replace("%1", formula)
            return f"f(z) = {text}<br>y = <b>{self._num(y)}</b>"
        title = html_text(activation_title(activation))
        return f"f(z) = {title}: {formula}<br>{title}({self._num(z)}) = <b>{self._num(y)}</b>"

    def _num(self, v: float, digits: int = 2) -> str:
        """``num`` in this panel's locale (its window's language: "0,45" in Spanish)."""
        return num(v, digits, self.locale())

    def _signed(self, v: float) -> str:
        """A term of the sum: a negative number in brackets, "(−0.30)"."""
        return f"({self._num(v)})" if v < 0 else self._num(v)

    def _surrogate_note(self, threshold: float) -> str:
        return self.tr(
            "The step is flat everywhere except at the threshold, so its true slope cannot "
            "teach anything. Training uses a stand-in instead: the slope of a sigmoid centred "
            "on the threshold (%1), a 'surrogate gradient'. The neuron itself still outputs "
            "exactly 0 or 1."
        ).replace("%1", self._num(threshold))


def unit_of(name: str) -> str:
    """The unit in a feature's name: "sepal length (cm)" -> "cm" ("" when there is none)."""
    name = str(name).strip()
    if name.endswith(")") and "(" in name:
        return name[name.rindex("(") + 1 : -1].strip()
    return ""


def _rich_label(name: str, accessible: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setAccessibleName(accessible)
    label.setTextFormat(Qt.RichText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextSelectableByMouse)
    return label
