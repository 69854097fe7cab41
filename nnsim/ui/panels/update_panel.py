"""How training changed W and B: the last weight update, for the selected node, in numbers.

The source text's third step ("training changes W and B using the known answers") written
out for one update of one node, with the numbers the engine used (an ``nnsim.core.update.Update``):

    the known answer y, the network's output a, the error a − y and the loss
    the node's delta δ = ∂L/∂z: at the output the error (cross-entropy) or the error times
        the activation's slope; in a hidden layer the next layer's deltas sent back through
        their weights, Σ_k w_jk·δ_k, times the slope f'(z)
    for each incoming weight: x, δ, the gradient ∂L/∂w = x·δ, the change −η·∂L/∂w, and the
        weight before → after (the bias is a weight whose input is always 1)

For a batch the gradient is the mean of x·δ over its examples. With momentum, Adam or an
L1/L2 penalty the change is not −η·gradient: the panel says so and shows the change made.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nnsim.core import activations as act
from nnsim.core.addresses import bias_index, weight_index
from nnsim.model.selection import node_name
from nnsim.ui.number_text import decimal_comma, fixed, in_brackets, interface_locale, significant
from nnsim.ui.rich_text import html_text

#: a hidden node's delta lists the terms of its sum up to this many, then "+ …"
MAX_DELTA_TERMS = 6
#: weights are shown with this many decimals: one update moves them by about 0.001
WEIGHT_DECIMALS = 4


class UpdatePanel(QWidget):
    """The last update (``controller.last_update``) for the selected node."""

    def __init__(self, document, selection, controller, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("updatePanel")
        self.setAccessibleName(self.tr("How training changed W and B"))
        self.document = document
        self.selection = selection
        self.controller = controller
        #: the update shown (None: none yet)
        self.update_record = None
        #: for tests and screen readers: the selected node's delta in the update shown
        self.delta_value: float | None = None
        self._stale = False  # an update arrived while the panel was hidden

        self.title = _rich_label("updateTitle")
        self.example_label = _rich_label("updateExampleLabel")
        self.delta_label = _rich_label("updateDeltaLabel")
        self.delta_label.setFrameShape(QFrame.StyledPanel)
        self.delta_label.setMargin(4)
        self.table = QTableWidget(0, 0)
        self.table.setObjectName("updateTable")
        self.table.setAccessibleName(self.tr("How each incoming weight and the bias changed"))
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.NoSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.setWordWrap(False)  # "−0.1747 → −0.1634" on one line; the table scrolls instead
        self.table.setTextElideMode(Qt.ElideNone)  # and never "0.2298 → 0.2…": the numbers are the point
        # at least a few rows even in a short dock: the words around it scroll away instead
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 5)
        self.note_label = _rich_label("updateNoteLabel")

        body = QWidget()
        body.setObjectName("updateBody")
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        for widget in (self.title, self.example_label, self.delta_label):
            column.addWidget(widget)
        column.addWidget(self.table, 1)
        column.addWidget(self.note_label)
        scroll = QScrollArea()
        scroll.setObjectName("updateScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(scroll)

        controller.updateShown.connect(self.show_update)
        selection.changed.connect(self.refresh)
        self.show_update(controller.last_update)

    # ------------------------------------------------------------------ showing
    @Slot(object)
    def show_update(self, update) -> None:
        self.update_record = update
        if self.seen():
            self.refresh()
        else:  # behind another tab of a shown window: filled in when it comes to the front
            # (a table 30 times a second costs the window time it has better uses for)
            self._stale = True

    def seen(self) -> bool:
        """Can anybody see the panel? Not behind another tab of a shown window (a hidden
        window, as in tests, counts as seen: it shows what it would show)."""
        return not self.window().isVisible() or (self.isVisible() and not self.visibleRegion().isEmpty())

    @Slot(bool)
    def catch_up(self, visible: bool = True) -> None:
        """The panel came to the front (its dock's ``visibilityChanged``): draw what it missed."""
        if visible and self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        update, net = self.update_record, self.document.network
        self.delta_value = None
        self.table.setRowCount(0)
        self.table.setColumnCount(0)
        for label in (self.example_label, self.delta_label, self.note_label):
            label.clear()
        self.delta_label.hide()
        if update is None or not update.fits(net):
            self.title.setText(self.tr(
                "Nothing trained yet. Press <b>Example</b> (Shift+Right) to take one learning step from one "
                "example, and see here how it changed the selected neuron's weights and bias."))
            return
        self.example_label.setText(self._example_html(update))
        node = self.selection.node
        if node is None or node[0] == 0 or node[0] >= len(net.layer_sizes) or node[1] >= net.layer_sizes[node[0]]:
            self.title.setText(self.tr("Click a neuron of a hidden or the output layer to see how this update "
                                       "changed its weights and bias (inputs have none)."))
            return
        layer, j = node
        self.title.setText(self.tr("How this update changed the weights and the bias of <b>%1</b>:")
                           .replace("%1", html_text(node_name(self.document, layer, j))))
        self.delta_label.show()
        self.delta_label.setText(self._delta_html(update, layer, j))
        self._fill_table(update, layer, j)
        self.note_label.setText(self._note_html(update))

    # ------------------------------------------------------------------ the example
    def _table_row(self, training_row: int) -> int:
        """The data table's row (counted from 1) of a training example."""
        return int(np.asarray(self.document.data.train_index)[training_row]) + 1

    def _vector(self, values) -> str:
        # "1,00; 0,00" in Spanish: a comma between numbers that have decimal commas would not read
        separator = "; " if decimal_comma() else ", "
        return separator.join(fixed(v, 2) for v in np.ravel(values))

    def _example_html(self, update) -> str:
        loc = interface_locale()
        data = self.document.data
        per_epoch = len(data.train_index) if data is not None else 0
        if update.n_examples == 1:
            row = int(update.rows[0])
            where = self.tr("table row %1").replace("%1", loc.toString(self._table_row(row))) if data else ""
            if update.in_order:
                where += self.tr(", example %1 of %2 of this epoch").replace(
                    "%1", loc.toString(max(1, update.examples_done) if update.examples_done else per_epoch)
                ).replace("%2", loc.toString(per_epoch))
            else:
                where += self.tr(", the selected example (outside the epoch's order)")
            out = update.backprop.activations[-1][0]
            y = update.targets[0]
            answer = self._answer_name(y)
            return (self.tr("<b>One example</b> (%1).").replace("%1", where) + "<br>"
                    + self.tr("known answer y = %1%2 · output a = %3<br>error a − y = %4 · loss = %5")
                    .replace("%1", self._vector(y)).replace("%2", f" ({html_text(answer)})" if answer else "")
                    .replace("%3", self._vector(out)).replace("%4", self._vector(out - y))
                    .replace("%5", significant(update.backprop.loss, 3, loc)))
        rows = [self._table_row(int(r)) for r in update.rows[:5]] if data else []
        listed = ", ".join(loc.toString(r) for r in rows) + (", …" if update.n_examples > 5 else "")
        return (self.tr("<b>A batch of %1 examples</b> (table rows %2).").replace("%1", loc.toString(update.n_examples))
                .replace("%2", listed) + "<br>"
                + self.tr("mean loss of the batch = %1; each gradient is the mean of x·δ over its examples")
                .replace("%1", significant(update.backprop.loss, 3, loc)))

    def _answer_name(self, y) -> str:
        data = self.document.data
        names = data.dataset.class_names if data is not None else None
        if not names:
            return ""
        if len(y) == 1:
            return names[int(y[0] > 0.5)] if len(names) == 2 else ""
        return names[int(np.argmax(y))] if int(np.argmax(y)) < len(names) else ""

    # ------------------------------------------------------------------ the delta
    def _delta_html(self, update, layer: int, j: int) -> str:
        loc = interface_locale()
        bp, net = update.backprop, self.document.network
        l = layer - 1
        deltas = bp.deltas[l][:, j]
        delta = float(deltas.mean())
        self.delta_value = delta
        head = self.tr("δ = ∂L/∂z, how much the loss changes when this neuron's z grows")
        if update.n_examples > 1:
            return (f"{head}:<br>" + self.tr("mean δ over the batch = <b>%1</b>").replace("%1", significant(delta, 3, loc)))
        name = net.activations[l]
        z, a = float(bp.zs[l][0, j]), float(bp.activations[layer][0, j])
        if layer == len(net.layer_sizes) - 1:
            y = float(update.targets[0, j])
            if update.loss_name == "cross_entropy":
                text = self.tr("at the output, with cross-entropy the activation's slope cancels: "
                               "δ = a − y = %1 − %2 = <b>%3</b>")
                return f"{head}:<br>" + (text.replace("%1", fixed(a, 3, loc)).replace("%2", fixed(y, 3, loc))
                                         .replace("%3", significant(delta, 3, loc)))
            if name == "softmax":
                return f"{head}:<br>" + self.tr("at the output (squared error through the softmax): δ = <b>%1</b>") \
                    .replace("%1", significant(delta, 3, loc))
            slope = float(act.derivative(name, np.array([z]), np.array([a]), net.threshold)[0])
            text = self.tr("at the output, with squared error: δ = (a − y) · f′(z) = %1 · %2 = <b>%3</b>")
            return f"{head}:<br>" + (text.replace("%1", in_brackets(a - y, 3, loc))
                                     .replace("%2", significant(slope, 3, loc)).replace("%3", significant(delta, 3, loc)))
        # a hidden node: the next layer's deltas, back through the weights that leave this node
        before_weights, _ = net.views(np.asarray(update.before))
        w_out = before_weights[layer][j, :]
        d_next = bp.deltas[layer][0]
        total = float(w_out @ d_next)
        slope = float(act.derivative(name, np.array([z]), np.array([a]), net.threshold)[0])
        terms = [f"{in_brackets(w_out[k], 2, loc)}·{in_brackets(d_next[k], 3, loc)}" for k in range(min(len(w_out), MAX_DELTA_TERMS))]
        if len(w_out) > MAX_DELTA_TERMS:
            terms.append("…")
        text = self.tr("in a hidden layer, the next layer's deltas come back through the weights that leave "
                       "this neuron: Σ w·δ = %1 = %2; times the slope f′(z) = %3: δ = <b>%4</b>")
        return f"{head}:<br>" + (text.replace("%1", " + ".join(terms)).replace("%2", significant(total, 3, loc))
                                 .replace("%3", significant(slope, 3, loc)).replace("%4", significant(delta, 3, loc)))

    # ------------------------------------------------------------------ the weights
    def parameter_indices(self, layer: int, j: int) -> list[int]:
        """Flat indices (``nnsim.core.addresses``) of the node's incoming weights, then its bias."""
        sizes = self.document.network.layer_sizes
        return [weight_index(sizes, layer - 1, i, j) for i in range(sizes[layer - 1])] + [bias_index(sizes, layer - 1, j)]

    def _fill_table(self, update, layer: int, j: int) -> None:
        loc = interface_locale()
        one = update.n_examples == 1
        bp = update.backprop
        eta = update.learning_rate
        headers = [self.tr("from")]
        if one:  # (δ is the node's own, the same in every row: said above the table)
            headers.append(self.tr("x"))
        headers += [self.tr("∂L/∂w = x·δ") if one else self.tr("∂L/∂w (mean x·δ)"), self.tr("−η·∂L/∂w")]
        if not update.plain:
            headers.append(self.tr("change made"))
        headers.append(self.tr("before → after"))
        indices = self.parameter_indices(layer, j)
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(indices))
        n_in = len(indices) - 1
        for r, index in enumerate(indices):
            bias = r == n_in
            cells = [self.tr("bias b") if bias else node_name(self.document, layer - 1, r)]
            if one:
                x = 1.0 if bias else float(bp.activations[layer - 1][0, r])
                cells.append(fixed(x, 3, loc))
            g = float(update.gradient[index])
            cells += [significant(g, 3, loc), significant(-eta * g, 3, loc)]
            if not update.plain:
                cells.append(significant(float(update.applied[index]), 3, loc))
            cells.append(f"{fixed(update.before[index], WEIGHT_DECIMALS, loc)} → "
                         f"{fixed(update.after[index], WEIGHT_DECIMALS, loc)}")
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c > 0:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.table.setItem(r, c, item)

    def _note_html(self, update) -> str:
        loc = interface_locale()
        eta = significant(update.learning_rate, 3, loc)
        if update.plain:
            return self.tr("Plain gradient descent (SGD, no penalty): every weight moved by exactly −η·∂L/∂w, "
                           "with η = %1. A negative gradient means the loss falls if the weight grows, so the "
                           "weight grows.").replace("%1", eta)
        reasons = []
        if update.optimizer == "momentum":
            reasons.append(self.tr("momentum adds part of the previous steps"))
        elif update.optimizer == "adam":
            reasons.append(self.tr("Adam scales each step by the gradient's recent size"))
        if update.regularization == "l2":
            reasons.append(self.tr("the L2 penalty also pulls every weight towards 0"))
        elif update.regularization == "l1":
            reasons.append(self.tr("the L1 penalty also pushes every weight towards 0 by a fixed amount"))
        return (self.tr("The change made is not −η·∂L/∂w (η = %1): %2. The column \"change made\" shows "
                        "what really happened.").replace("%1", eta).replace("%2", "; ".join(reasons)))

    def cell_text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""


def _rich_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setTextFormat(Qt.RichText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextSelectableByMouse)
    return label

