"""Sliders for the selected node: one per incoming weight and one for its bias.

Row names follow the engine: ``weightSlider_L_I_J`` moves ``weights[L][I, J]`` and
``biasSlider_L_J`` moves ``biases[L][J]``; beside each slider a spin box shows the exact
value and takes a typed one. Every change goes through the ``NetworkEditor`` so it can be
undone; a whole slider drag is one undo step. Updates coming from elsewhere (training
snapshots, undo, the graph) move the controls with their signals blocked, and never move a
slider the user is holding.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from nnsim.model.document import follow_parameters
from nnsim.model.selection import activation_title, layer_title, node_name
from nnsim.model.structure import new_gesture
from nnsim.ui.rich_text import html_text
from nnsim.ui.number_spin import TYPED_LIMIT, NumberSpin
from nnsim.ui.scales import LARGEST_NICE, nice_ceiling

#: slider positions from -STEPS to +STEPS cover -range .. +range
STEPS = 1000
DEFAULT_RANGE = 3.0
class _Row:
    """One parameter's controls: name label, slider, spin box."""

    def __init__(self, kind, l, i, j, label, slider, spin, frame):
        self.kind, self.l, self.i, self.j = kind, l, i, j
        self.label, self.slider, self.spin, self.frame = label, slider, spin, frame
        self.gesture = None


class ParameterPanel(QWidget):
    def __init__(self, document, editor, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.editor = editor
        self.selection = editor.selection
        self.setObjectName("parameterPanel")
        self.setAccessibleName(self.tr("Weights and bias of the selected neuron"))
        self._rows: list[_Row] = []
        self._node = None
        self._range = DEFAULT_RANGE

        self.title = QLabel()
        self.title.setObjectName("parameterTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.RichText)

        self.range_spin = NumberSpin()
        self.range_spin.setObjectName("rangeSpin")
        self.range_spin.setAccessibleName(self.tr("Slider range"))
        self.range_spin.setToolTip(self.tr("The sliders go from minus this value to plus this value. Widen it for larger weights."))
        self.range_spin.setPrefix("± ")
        self.range_spin.set_typed_range(0.5, 1000.0)
        self.range_spin.setDecimals(1)
        self.range_spin.setSingleStep(1.0)
        self.range_spin.setValue(DEFAULT_RANGE)
        self.range_spin.setKeyboardTracking(False)
        self.range_spin.valueChanged.connect(self.set_range)
        range_label = QLabel(self.tr("Slider &range:"))
        range_label.setBuddy(self.range_spin)

        top = QHBoxLayout()
        top.addWidget(range_label)
        top.addWidget(self.range_spin)
        top.addStretch(1)

        self.scroll = QScrollArea()
        self.scroll.setObjectName("parameterScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self._new_rows_widget()
        self._show_rows()

        self.empty_label = QLabel()
        self.empty_label.setObjectName("parameterHint")
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: #555;")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addLayout(top)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.scroll, 1)

        self.selection.changed.connect(self._selection_changed)
        document.structureChanged.connect(self._rebuild)
        follow_parameters(document, self, self.refresh)  # a pass after the graph while training
        self._rebuild()

    # ------------------------------------------------------------ public
    @property
    def slider_range(self) -> float:
        return self._range

    def set_range(self, value: float) -> None:
        """Sliders cover ``-value .. +value`` (spin boxes take any value)."""
        self._range = float(value)
        if self.range_spin.value() != self._range:
            self.range_spin.show_value(self._range)
        for row in self._rows:
            self._place_slider(row, force=True)

    def slider(self, name: str) -> QSlider | None:
        return self.findChild(QSlider, name)

    def highlighted_row(self):
        """(kind, l, i, j) of the highlighted row, or None."""
        for row in self._rows:
            if row.frame.property("highlighted"):
                return (row.kind, row.l, row.i, row.j)
        return None

    def to_position(self, value: float) -> int:
        """The slider position of ``value``: pinned at an end beyond the range; a NaN (no
        position is true for it) sits in the middle, where a move makes it a number again."""
        if math.isnan(value):
            return 0
        return int(round(max(-1.0, min(1.0, value / self._range)) * STEPS))

    def to_value(self, position: int) -> float:
        return position / STEPS * self._range

    # ------------------------------------------------------------ building rows
    def _selection_changed(self) -> None:
        if self.selection.node != self._node:
            self._rebuild()
        else:
            self._highlight()

    def _new_rows_widget(self) -> None:
        """A fresh widget for the rows (the scroll area deletes the old one with its rows)."""
        self._rows_widget = QWidget()
        self._rows_widget.setObjectName("parameterRows")
        self._grid = QGridLayout(self._rows_widget)
        self._grid.setContentsMargins(2, 2, 2, 2)
        self._grid.setVerticalSpacing(2)
        self._grid.setColumnStretch(1, 1)

    def _show_rows(self) -> None:
        # Handing the scroll area a widget whose rows are all in lays it out at full height
        # (rows added to a widget it already shows were squeezed to nothing).
        self.scroll.setWidget(self._rows_widget)

    def _rebuild(self) -> None:
        self._rows = []
        self._new_rows_widget()
        net = self.document.network
        self._node = node = self.selection.node
        if node is None:
            self.title.setText(self.tr("<b>No neuron selected</b>"))
            self.empty_label.setText(self.tr("Click a node in the graph to see and change its weights."))
            self.empty_label.show()
            self._show_rows()
            return
        layer, j = node
        name = node_name(self.document, layer, j)
        where = layer_title(layer, len(net.layer_sizes))
        if layer == 0:
            self.title.setText(self.tr("<b>%1</b> — an input").replace("%1", html_text(name)))
            self.empty_label.setText(
                self.tr("An input node has no weights: its value comes from the data (choose the sample below).")
            )
            self.empty_label.show()
            self._show_rows()
            return
        self.empty_label.hide()
        self.title.setText(
            self.tr("<b>%1</b> — %2, %3").replace("%1", html_text(name)).replace("%2", html_text(where))
            .replace("%3", html_text(activation_title(net.activations[layer - 1])))
        )
        l = layer - 1
        values = [float(v) for v in net.weights[l][:, j]] + [float(net.biases[l][j])]
        biggest = max((abs(v) for v in values if not math.isnan(v)), default=0.0)  # max() and NaN: order-dependent
        if biggest > self._range:  # a node with large weights: widen so no slider is pinned
            # (beyond 1e308 no range is both round and finite: that slider stays at its end)
            self.set_range(min(nice_ceiling(biggest), LARGEST_NICE))
        for i in range(net.layer_sizes[l]):
            source = node_name(self.document, l, i)
            self._add_row("weight", l, i, j, f"{source} → w", self.tr("Weight from %1 to %2").replace("%1", source).replace("%2", name))
        self._add_row("bias", l, -1, j, self.tr("bias b"), self.tr("Bias of %1").replace("%1", name))
        self._grid.setRowStretch(len(self._rows), 1)
        width = min(180, max(row.label.sizeHint().width() for row in self._rows) + 12)  # room for bold
        for row in self._rows:  # one column of names: the sliders line up
            row.label.setFixedWidth(width)
        self._show_rows()
        self.refresh()
        self._highlight()

    def _add_row(self, kind: str, l: int, i: int, j: int, text: str, accessible: str) -> None:
        r = len(self._rows)
        ident = f"{l}_{i}_{j}" if kind == "weight" else f"{l}_{j}"
        frame = QFrame(self._rows_widget)
        frame.setObjectName(f"{kind}Row_{ident}")
        frame.setProperty("highlighted", False)
        # what the number means, in plain words, under its name
        idea = (self.tr("How much this input counts for the node: drag it and watch the sum W·X + B change.")
                if kind == "weight" else
                self.tr("How easily the node switches on, whatever its inputs: added to the sum W·X."))
        tip = f"{accessible}\n{idea}"
        label = QLabel(text)
        label.setObjectName(f"{kind}Label_{ident}")
        label.setToolTip(tip)
        slider = QSlider(Qt.Horizontal)
        slider.setObjectName(f"{kind}Slider_{ident}")
        slider.setAccessibleName(accessible)
        slider.setToolTip(tip)
        slider.setRange(-STEPS, STEPS)
        slider.setSingleStep(10)
        slider.setPageStep(100)
        slider.setMinimumWidth(90)
        spin = NumberSpin()
        spin.setObjectName(f"{kind}Spin_{ident}")
        spin.setAccessibleName(accessible)
        spin.setToolTip(self.tr("Type an exact value and press Enter"))
        spin.set_typed_range(-TYPED_LIMIT, TYPED_LIMIT)
        spin.setDecimals(3)
        spin.setSingleStep(0.01)
        spin.setKeyboardTracking(False)
        spin.setFixedWidth(78)
        label.setBuddy(slider)
        row = _Row(kind, l, i, j, label, slider, spin, frame)
        slider.sliderPressed.connect(lambda row=row: self._drag_started(row))
        slider.sliderReleased.connect(lambda row=row: self._drag_ended(row))
        slider.valueChanged.connect(lambda pos, row=row: self._slider_moved(row, pos))
        spin.valueChanged.connect(lambda value, row=row: self._commit(row, value, None))
        box = QHBoxLayout(frame)
        box.setContentsMargins(3, 1, 3, 1)
        box.addWidget(label)
        box.addWidget(slider, 1)
        box.addWidget(spin)
        self._grid.addWidget(frame, r, 0, 1, 2)
        self._rows.append(row)

    # ------------------------------------------------------------ user edits
    def _drag_started(self, row: _Row) -> None:
        row.gesture = new_gesture()

    def _drag_ended(self, row: _Row) -> None:
        row.gesture = None

    def _slider_moved(self, row: _Row, position: int) -> None:
        gesture = row.gesture if row.slider.isSliderDown() else None
        self._commit(row, self.to_value(position), gesture)

    def _commit(self, row: _Row, value: float, gesture) -> None:
        if row.kind == "weight":
            self.editor.set_weight(row.l, row.i, row.j, value, gesture)
        else:
            self.editor.set_bias(row.l, row.j, value, gesture)

    # ------------------------------------------------------------ updates from the document
    def _value(self, row: _Row) -> float:
        net = self.document.network
        if row.kind == "weight":
            return float(net.weights[row.l][row.i, row.j])
        return float(net.biases[row.l][row.j])

    def _place_slider(self, row: _Row, force: bool = False) -> None:
        if row.slider.isSliderDown() and not force:
            return  # the user is holding it: incoming values do not move it
        with QSignalBlocker(row.slider):
            row.slider.setValue(self.to_position(self._value(row)))

    def refresh(self) -> None:
        """Move every control to the document's values (signals blocked: nothing echoes)."""
        net = self.document.network
        for row in self._rows:
            if row.l >= net.n_layers or row.j >= net.layer_sizes[row.l + 1] or row.i >= net.layer_sizes[row.l]:
                return  # a structure change is on its way
            self._place_slider(row)
            value = self._value(row)
            spin = row.spin
            if spin.hasFocus() and spin.lineEdit().isModified():
                continue  # the user is typing in it
            if spin.shows_nan() or spin.value() != round(value, spin.decimals()):
                spin.show_value(value)

    def _highlight(self) -> None:
        edge = self.selection.edge
        for row in self._rows:
            on = edge is not None and row.kind == "weight" and (row.l, row.i, row.j) == edge
            if bool(row.frame.property("highlighted")) != on:
                row.frame.setProperty("highlighted", on)
                row.frame.setStyleSheet(
                    "QFrame { background: #FFE9A8; border: 1px solid #C89B00; border-radius: 3px; }"
                    "QLabel { border: none; background: transparent; font-weight: bold; }" if on else ""
                )
            if on:
                self.scroll.ensureWidgetVisible(row.frame)
