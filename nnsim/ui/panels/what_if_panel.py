""""What if?" (``whatIfPanel``): type an example in the data's own units (cm for the Iris
flowers) and see at once what the network answers.

One ``NumberSpin`` per input, named after its feature, starting at the training examples'
median (a typical example). The standardizer of the data (``TrainingData.transform``) turns
the typed values into what the network sees; the outputs, the predicted class
(``whatIfPrediction``) and how sure the network is follow every change of a box and of the
network (live while training runs). "Take the selected row" copies the data table's
selected example into the boxes.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QSignalBlocker, Qt, Slot
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from nnsim.core.data_summary import MAX_DECIMALS, fewest_exact_decimals
from nnsim.core.predictions import predicted_classes
from nnsim.core.scores import answer_probability
from nnsim.model.document import follow_parameters
from nnsim.model.messages import translate_name
from nnsim.ui.number_spin import NumberSpin
from nnsim.ui.number_text import number_text, percent_text

#: the prediction is this many times the window's font size
PREDICTION_SCALE = 1.5
#: the largest value a box takes (a file's column may hold values near float's end)
LARGEST = 1.7e308


def box_format(column: np.ndarray) -> tuple[int, float, float, float]:
    """(decimals, single step, low, high) of a box for the raw values ``column``."""
    column = np.asarray(column, dtype=np.float64)
    with np.errstate(all="ignore"):
        lo, hi = float(np.min(column)), float(np.max(column))
    return box_format_for(lo, hi, fewest_exact_decimals(column, MAX_DECIMALS))


def box_format_for(lo: float, hi: float, exact_decimals: int) -> tuple[int, float, float, float]:
    """(decimals, single step, low, high) of a box for raw values from ``lo`` to ``hi``, all
    written exactly with ``exact_decimals``.

    The step is a round tenth-ish of the values' spread (0.1 for Iris's centimetres); the
    decimals are the fewest that write every value of the column exactly (so a row taken
    from the table gives the network the very same input), at least the step's; the box
    takes values well beyond the data (ten spreads on each side), what-ifs included.
    """
    with np.errstate(all="ignore"):
        span = hi - lo
        if not math.isfinite(span) or span <= 0:
            span = max(abs(lo), abs(hi), 1.0)
        span = min(span, LARGEST)
        exponent = math.floor(math.log10(span / 20.0))
        decimals = min(max(0, -exponent), MAX_DECIMALS)  # values of 1e-300: six decimals, not 300
        step = max(10.0 ** exponent, 10.0 ** -decimals)
        decimals = max(decimals, min(int(exact_decimals), MAX_DECIMALS))
        low = float(np.clip(lo - 10.0 * span, -LARGEST, LARGEST))
        high = float(np.clip(hi + 10.0 * span, -LARGEST, LARGEST))
    return decimals, step, low, high


class WhatIfPanel(QWidget):
    """Inputs in real units and the network's answer for them, for ``document``'s network."""

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.setObjectName("whatIfPanel")
        self.setAccessibleName(self.tr("What if?"))
        self._document = document
        self.spins: list[NumberSpin] = []
        #: the network's outputs for the boxes' values (None without data)
        self.outputs: np.ndarray | None = None
        self._shape = None  # (data, number of inputs) the boxes were built for

        intro = QLabel(self.tr("What if? Type an example's values in the data's own units and see "
                               "what the network answers."))
        intro.setWordWrap(True)
        self.grid = QGridLayout()
        self.takeRowButton = QPushButton(self.tr("Take the selected row"))
        self.takeRowButton.setObjectName("whatIfTakeRowButton")
        self.takeRowButton.setAccessibleName(self.tr("Take the selected row"))
        self.takeRowButton.setToolTip(self.tr("Copy the example selected in the data table into the boxes"))
        self.takeRowButton.clicked.connect(self.take_selected_row)
        self.whatIfPrediction = QLabel()
        self.whatIfPrediction.setObjectName("whatIfPrediction")
        self.whatIfPrediction.setAccessibleName(self.tr("The network's answer"))
        self.whatIfPrediction.setWordWrap(True)
        font = self.whatIfPrediction.font()
        font.setPointSizeF(font.pointSizeF() * PREDICTION_SCALE)
        font.setBold(True)
        self.whatIfPrediction.setFont(font)
        self.outputLabel = QLabel()
        self.outputLabel.setObjectName("whatIfOutputs")
        self.outputLabel.setAccessibleName(self.tr("The network's outputs"))
        self.outputLabel.setTextFormat(Qt.RichText)

        buttons = QHBoxLayout()
        buttons.addWidget(self.takeRowButton)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(intro)
        layout.addWidget(self.whatIfPrediction)  # the answer first: in view in a short dock
        layout.addLayout(self.grid)
        layout.addLayout(buttons)
        layout.addWidget(self.outputLabel)
        layout.addStretch(1)

        document.dataChanged.connect(self._rebuild)
        document.structureChanged.connect(self._rebuild)
        document.sampleChanged.connect(self._update_button)
        follow_parameters(document, self, self.recompute)
        self._rebuild()

    # ------------------------------------------------------------------ reading and typing
    def raw_inputs(self) -> np.ndarray:
        """The boxes' values, in the data's units."""
        return np.array([spin.value() for spin in self.spins], dtype=np.float64)

    def set_inputs(self, values) -> None:
        """Put ``values`` (data units, one per box) in the boxes, then answer once."""
        for spin, value in zip(self.spins, np.ravel(np.asarray(values, dtype=np.float64))):
            spin.show_value(float(value))  # signals blocked: one answer below, not one per box
        self.recompute()

    @Slot()
    def take_selected_row(self) -> None:
        """The data table's selected example (the document's sample row) into the boxes."""
        doc = self._document
        if doc.data is not None and doc.sample_index >= 0 and self.spins:
            self.set_inputs(doc.data.dataset.X[doc.sample_index])

    # ------------------------------------------------------------------ building
    @Slot()
    def _rebuild(self) -> None:
        data, net = self._document.data, self._document.network
        shape = (data, net.layer_sizes[0])
        if shape == self._shape:
            self.recompute()
            return
        self._shape = shape
        for spin in self.spins:
            spin.deleteLater()
        while self.grid.count():
            widget = self.grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.spins = []
        usable = data is not None and data.n_inputs == net.layer_sizes[0]
        if usable:
            summary = data.summary  # worked out once per data set (a big table: in its reading thread)
            typical = summary.typical_raw
            names = self._document.input_names()
            for j in range(data.n_inputs):
                decimals, step, low, high = box_format_for(
                    float(summary.raw_low[j]), float(summary.raw_high[j]), int(summary.exact_decimals[j]))
                spin = NumberSpin()
                spin.setObjectName(f"whatIfSpin_{j}")
                spin.setAccessibleName(names[j])
                spin.setToolTip(self.tr("{0}, in the data's own units").format(names[j]))
                spin.setDecimals(decimals)
                spin.setSingleStep(step)
                spin.set_typed_range(low, high)
                spin.show_value(float(np.round(typical[j], decimals)))
                spin.valueChanged.connect(self.recompute)
                label = QLabel(names[j])  # the document's names are translated already
                label.setBuddy(spin)
                self.grid.addWidget(label, j, 0)
                self.grid.addWidget(spin, j, 1)
                self.spins.append(spin)
        self._update_button()
        self.recompute()

    @Slot()
    def _update_button(self) -> None:
        doc = self._document
        self.takeRowButton.setEnabled(bool(self.spins) and doc.data is not None and doc.sample_index >= 0)

    # ------------------------------------------------------------------ answering
    @Slot()
    def recompute(self) -> None:
        """The network's answer for the boxes' values."""
        doc = self._document
        data, net = doc.data, doc.network
        if not self.spins or data is None or net.layer_sizes[0] != len(self.spins):
            self.outputs = None
            self.whatIfPrediction.setText(self.tr("Choose a data set to ask the network."))
            self.outputLabel.setText("")
            return
        with np.errstate(all="ignore"):  # huge typed values or weights: inf and NaN are shown
            out = net.forward(data.transform(self.raw_inputs()[None, :]))[0]
        self.outputs = out
        names = doc.output_names()
        if data.is_classification and len(names) >= 1:
            classes = data.dataset.class_names
            answer = int(predicted_classes(out[None, :])[0])
            p = float(answer_probability(out[None, :], np.array([answer]), net.activations[-1])[0])
            name = translate_name(classes[answer]) if answer < len(classes) else names[answer]
            text = self.tr("Answer: {0}").format(name)
            if math.isfinite(p):
                text += self.tr(" ({0} sure)").format(percent_text(p, locale=self))
            self.whatIfPrediction.setText(text)
        else:
            self.whatIfPrediction.setText(", ".join(
                self.tr("{0} = {1}").format(n, number_text(v, locale=self)) for n, v in zip(names, out)))
        self.outputLabel.setText(self._outputs_table(names, out))

    def _outputs_table(self, names, out) -> str:
        rows = "".join(f"<tr><td>{name}&nbsp;</td><td align='right'>{number_text(v, locale=self)}</td></tr>"
                       for name, v in zip(names, out))
        title = self.tr("Outputs")
        return f"<table><tr><td colspan='2'>{title}</td></tr>{rows}</table>"
