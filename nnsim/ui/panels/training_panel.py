"""The training panel: Train / Step / Reset and the training settings, a view of the
training controller (``nnsim.training.controller``) that shows what it says and sends what
the person chooses."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nnsim.model.messages import translate_message
from nnsim.training.controller import TrainingController
from nnsim.training.pace import PACES
from nnsim.ui.number_spin import NumberSpin, compact_number
from nnsim.ui.number_text import locale_of, number_text

# the largest batch size and seed the boxes hold (a QSpinBox holds 32-bit whole numbers);
# a model file with a larger one is refused on opening (``settings_problem``)
LARGEST_WHOLE = 2**31 - 1
# a learning rate above this is beyond the typed range, and the panel warns about it
LARGE_LEARNING_RATE = 10.0
#: the learning rates a class usually trains with: outside, the panel warns (and above,
#: Train asks once before training with it)
SENSIBLE_LEARNING_RATE = (0.0001, 1.0)
#: a regularization rate above this pushes every weight towards 0: warned, and asked on Train
SENSIBLE_REG_RATE = 0.1
# a box's look while it cannot show the value in use (see ``_load_settings``)
OUT_OF_RANGE_STYLE = "QAbstractSpinBox { border: 2px solid #b00020; }"


class RateSpin(NumberSpin):
    """A rate (learning rate, regularization): typed and stepped within a classroom range,
    showing any rate from a file or the engine truly (from 1.8e308 down to about 1e-322,
    what a box of 323 decimals holds), with up to six significant digits ("0.1",
    "0.000123", "1e-7", "1e6")."""

    #: the arrows step no finer than this near 0 (as the five-decimal box did)
    SMALLEST_STEP = 0.00001

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        # As many decimals as a double has: setValue rounds to them, and 1e-7 must stay 1e-7.
        self.setDecimals(323)
        self.setStepType(QAbstractSpinBox.AdaptiveDecimalStepType)

    def textFromValue(self, value: float) -> str:  # noqa: N802 (Qt)
        return compact_number(self.locale().toString(float(value), "g", 6))

    def stepBy(self, steps: int) -> None:  # noqa: N802 (Qt)
        """Arrows and wheel step as the five-decimal box did (Qt's adaptive steps): a tenth
        of the value's power of ten, at least 1e-5 (0.1 -> 0.11, 0.1 -> 0.099 going down),
        rounded to that step, so no 0.11000000000000001 reaches training. Near 0 they jump
        between 1e-5 and 0 (or the minimum): Qt's own adaptive step would start at 1e-323 in
        a box of 323 decimals, and never reach 0 going down."""
        value = self.value()
        if steps > 0 and value < self.SMALLEST_STEP:
            new = self.SMALLEST_STEP
        elif steps < 0 and value <= self.SMALLEST_STEP:
            new = self.minimum()
        else:
            exponent = math.floor(math.log10(value))
            if steps < 0 and value <= float(f"1e{exponent}"):  # down from 0.1: steps of 0.001
                exponent -= 1
            step = max(exponent - 1, -5)
            new = round(value + steps * float(f"1e{step}"), -step)
        self.setValue(min(max(new, self.minimum()), self.maximum()))


def whole_text(n: int, locale: QLocale | None = None) -> str:
    """A whole number of any size as the panel writes it: "1,099,511,627,776" (the
    interface's digit grouping; "1.099.511.627.776" in Spanish), or "≈1.15e18" beyond 2**53
    (10**400 is no float)."""
    locale = locale if locale is not None else QLocale()
    if n <= 2**53:
        return locale.toString(int(n))
    exponent = math.floor(math.log10(n))
    mantissa = 10 ** (math.log10(n) - exponent)
    return f"≈{locale_of(locale).toString(mantissa, 'g', 3)}e{exponent}"


class _KeyGuard(QObject):
    """Lets the focused slider keep its arrow keys, and a focused button, check box or list
    its Space key, instead of the window-wide training shortcuts taking them."""

    ARROWS = (Qt.Key_Left, Qt.Key_Right, Qt.Key_Up, Qt.Key_Down)

    def eventFilter(self, obj, event):  # noqa: N802
        if event.type() == QEvent.ShortcutOverride and event.modifiers() == Qt.NoModifier:
            key = event.key()
            if (isinstance(obj, QAbstractSlider) and key in self.ARROWS) or (
                    isinstance(obj, (QAbstractButton, QComboBox)) and key == Qt.Key_Space):
                event.accept()  # the widget wants this key: no shortcut
                return True
        return False


class TrainingPanel(QWidget):
    """Train / Step / Reset and the training settings for ``controller``.

    The shortcuts (Space, Shift+Right for one example, Ctrl+Right for one batch, Right for
    one epoch, Ctrl+R) are QActions (``train_action``, ``step_example_action``,
    ``step_batch_action``, ``step_action``, ``reset_action``) active anywhere in the panel's
    window, except while a text or number field, a list or a slider has the keyboard focus
    and wants the key. The pace slider (``paceSlider``) sets how fast training runs.
    """

    def __init__(self, controller: TrainingController, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("trainingPanel")
        self.setAccessibleName(self.tr("Training"))
        self.controller = controller
        #: the last divergence message box (None before one was shown)
        self.divergence_box: QMessageBox | None = None
        #: the question Train asks before training with unusual settings (None: not asked)
        self.settings_question: QMessageBox | None = None
        self._confirmed: set = set()  # unusual settings the person chose to train with
        self._key_guard = _KeyGuard(self)
        self._guarded = None
        self._build()
        self._load_settings(controller.settings)
        controller.runningChanged.connect(self._update_buttons)
        controller.epochChanged.connect(self._show_epoch)
        controller.diverged.connect(self._show_divergence)
        controller.finished.connect(self._show_finished)
        controller.error.connect(self._show_error)
        controller.settingsChanged.connect(self._load_settings)
        controller.pendingChanged.connect(self._show_pending)
        controller.paceChanged.connect(self._show_pace)
        controller.document.dataChanged.connect(self._update_buttons)
        controller.document.dataChanged.connect(self._reserve_epoch_width)
        controller.settingsChanged.connect(self._reserve_epoch_width)
        QApplication.instance().focusChanged.connect(self._focus_changed)
        self._reserve_epoch_width()
        self._update_buttons()
        self._show_epoch(controller.epoch, controller.epochs_per_second)

    # ------------------------------------------------------------------ building
    def _named(self, widget, name: str, accessible: str, tip: str):
        widget.setObjectName(name)
        widget.setAccessibleName(accessible)
        widget.setToolTip(tip)
        if isinstance(widget, QAbstractSpinBox):
            widget.setKeyboardTracking(False)  # apply the typed number once, not each digit
        return widget

    def _make_action(self, name: str, text: str, shortcut: str, slot) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build(self) -> None:
        c = self.controller
        self.train_action = self._make_action("trainAction", self.tr("Train"), "Space", self.train_pressed)
        self.step_action = self._make_action("stepAction", self.tr("Step one epoch"), "Right", c.step)
        self.step_example_action = self._make_action("stepExampleAction", self.tr("Step one example"),
                                                     "Shift+Right", c.step_example)
        self.step_batch_action = self._make_action("stepBatchAction", self.tr("Step one batch"),
                                                   "Ctrl+Right", c.step_batch)
        self.reset_action = self._make_action("resetAction", self.tr("Reset weights"), "Ctrl+R", c.reset)

        self.trainButton = self._named(QPushButton(self.tr("Train")), "trainButton", self.tr("Train"),
                                       self.tr("Start training; press again to pause (Space)"))
        self.stepExampleButton = self._named(
            QPushButton(self.tr("Example")), "stepExampleButton", self.tr("Step one example"),
            self.tr("One small learning step from a single flower or point: the selected row if it is "
                    "a training example, otherwise the next one (Shift+Right)"))
        self.stepBatchButton = self._named(
            QPushButton(self.tr("Batch")), "stepBatchButton", self.tr("Step one batch"),
            self.tr("One learning step from the next few examples together, as many as the batch size "
                    "(Ctrl+Right)"))
        self.stepButton = self._named(QPushButton(self.tr("Epoch")), "stepButton", self.tr("Step one epoch"),
                                      self.tr("Train until every training example has been used once "
                                              "more: one epoch (Right arrow)"))
        self.resetButton = self._named(QPushButton(self.tr("Reset")), "resetButton", self.tr("Reset weights"),
                                       self.tr("New random weights and an empty history (Ctrl+R)"))
        self.trainButton.clicked.connect(self.train_action.trigger)
        self.stepExampleButton.clicked.connect(self.step_example_action.trigger)
        self.stepBatchButton.clicked.connect(self.step_batch_action.trigger)
        self.stepButton.clicked.connect(self.step_action.trigger)
        self.resetButton.clicked.connect(self.reset_action.trigger)
        buttons = QHBoxLayout()
        buttons.addWidget(self.trainButton, 2)
        buttons.addWidget(self.resetButton, 1)
        steps = QHBoxLayout()
        step_label = QLabel(self.tr("Step:"))
        step_label.setToolTip(self.tr("Train a little while paused, and see what changed"))
        steps.addWidget(step_label)
        for b in (self.stepExampleButton, self.stepBatchButton, self.stepButton):
            steps.addWidget(b, 1)

        self.paceSlider = self._named(
            QSlider(Qt.Horizontal), "paceSlider", self.tr("Pace"),
            self.tr("How fast training runs: from slow motion, one weight update a second so the class "
                    "can follow each one, to full speed; applies at once"))
        self.paceSlider.setRange(0, len(PACES) - 1)
        self.paceSlider.setPageStep(1)
        self.paceSlider.setTickPosition(QSlider.TicksBelow)
        self.paceSlider.setTickInterval(1)
        self.paceLabel = self._named(QLabel(), "paceLabel", self.tr("Pace"), self.paceSlider.toolTip())
        self.paceLabel.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        self.paceSlider.valueChanged.connect(lambda v: self.controller.set_pace(PACES[v]))
        pace = QHBoxLayout()
        pace_title = QLabel(self.tr("Pace"))
        pace_title.setBuddy(self.paceSlider)
        pace.addWidget(pace_title)
        pace.addWidget(self.paceSlider, 1)

        self.epochLabel = self._named(QLabel(), "epochLabel", self.tr("Epoch"),
                                      self.tr("Epochs trained so far (one epoch = every training example once), "
                                              "and how far the next one is"))
        font = self.epochLabel.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.epochLabel.setFont(font)
        # A fixed width: a label that grows with its digits would re-lay out the window
        # (and the plots next to it) 30 times a second.
        # (wide enough for 100,000 epochs and this data's examples: ``_reserve_epoch_width``)
        self.epochLabel.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)
        self.epochLabel.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)
        self.statusLabel = self._named(QLabel(), "trainingStatusLabel", self.tr("Training status"),
                                       self.tr("What happened last, and what waits for Reset"))
        self.statusLabel.setWordWrap(True)

        self.learningRateSpin = self._named(
            RateSpin(), "learningRateSpin", self.tr("Learning rate"),
            self.tr("How big a step every weight and bias takes each time the network learns: too small and "
                    "learning crawls, too big and it jumps past the answer. Applies at once."))
        self.learningRateSpin.set_typed_range(0.00001, LARGE_LEARNING_RATE)
        self.learningRateWarning = QLabel()
        self.learningRateWarning.setObjectName("learningRateWarning")
        self.learningRateWarning.setWordWrap(True)
        self.learningRateWarning.setStyleSheet("color: #b00020;")
        self.learningRateWarning.hide()
        self.regRateWarning = QLabel()
        self.regRateWarning.setObjectName("regRateWarning")
        self.regRateWarning.setWordWrap(True)
        self.regRateWarning.setStyleSheet("color: #b00020;")
        self.regRateWarning.hide()
        self.optimizerCombo = self._named(QComboBox(), "optimizerCombo", self.tr("Optimizer"),
                                          self.tr("How each step is taken: SGD steps straight downhill, Momentum keeps some speed from "
                                                  "the steps before, Adam sizes every weight's step by itself. Applies at once."))
        for text, key in ((self.tr("SGD"), "sgd"), (self.tr("Momentum"), "momentum"), (self.tr("Adam"), "adam")):
            self.optimizerCombo.addItem(text, key)
        self.batchSizeSpin = self._named(QSpinBox(), "batchSizeSpin", self.tr("Batch size"),
                                         self.tr("How many examples the network looks at before it changes its weights once: 1 "
                                                 "learns from each example alone, more gives calmer steps. Applies at once."))
        self.batchSizeSpin.setRange(1, LARGEST_WHOLE)
        self.lossCombo = self._named(QComboBox(), "lossCombo", self.tr("Loss"),
                                     self.tr("How the network's mistakes are scored: the number training tries to make "
                                             "smaller. Applies at once."))
        for text, key in ((self.tr("Automatic"), "auto"), (self.tr("Cross-entropy"), "cross_entropy"),
                          (self.tr("Squared error"), "mse")):
            self.lossCombo.addItem(text, key)
        self.regularizationCombo = self._named(
            QComboBox(), "regularizationCombo", self.tr("Regularization"),
            self.tr("A push that keeps the weights small (L2) or sets the unneeded ones to zero (L1), so "
                    "the network does not learn the examples by heart. Applies at once."))
        for text, key in ((self.tr("None"), "none"), (self.tr("L1"), "l1"), (self.tr("L2"), "l2")):
            self.regularizationCombo.addItem(text, key)
        self.regRateSpin = self._named(RateSpin(), "regRateSpin", self.tr("Regularization rate"),
                                       self.tr("How strong that push is (λ); 0 turns it off"))
        self.regRateSpin.set_typed_range(0.0, 1.0)
        self.testSplitSpin = self._named(QSpinBox(), "testSplitSpin", self.tr("Test split"),
                                         self.tr("Examples kept aside, never learned from, to check the network on examples it has "
                                                 "not seen; applies at once, the weights stay"))
        self.testSplitSpin.setRange(0, 90)
        self.testSplitSpin.setSuffix(" %")
        self.seedSpin = self._named(QSpinBox(), "seedSpin", self.tr("Seed"),
                                    self.tr("The number that picks the random starting weights and the order of the examples: the "
                                            "same seed gives the same run again; applies on Reset (Reset alone takes the next seed)"))
        self.seedSpin.setRange(0, LARGEST_WHOLE)
        self.stopCombo = self._named(QComboBox(), "stopCombo", self.tr("Stop condition"),
                                     self.tr("When training pauses by itself"))
        for text, key in ((self.tr("Never"), "never"), (self.tr("After N epochs"), "epochs"),
                          (self.tr("When loss below"), "loss")):
            self.stopCombo.addItem(text, key)
        self.stopEpochsSpin = self._named(QSpinBox(), "stopEpochsSpin", self.tr("Epochs to train"),
                                          self.tr("Pause after this many more epochs"))
        self.stopEpochsSpin.setRange(1, 100_000_000)
        self.stopEpochsSpin.setValue(1000)
        self.stopLossSpin = self._named(NumberSpin(), "stopLossSpin", self.tr("Target loss"),
                                        self.tr("Pause when an epoch's loss falls below this value"))
        self.stopLossSpin.setDecimals(5)
        self.stopLossSpin.set_typed_range(0.00001, 100.0)
        self.stopLossSpin.setValue(0.05)
        self.stopLossSpin.setStepType(QAbstractSpinBox.AdaptiveDecimalStepType)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Learning rate"), self.learningRateSpin)
        form.addRow(self.learningRateWarning)  # the whole row: room for its two lines
        form.addRow(self.tr("Optimizer"), self.optimizerCombo)
        form.addRow(self.tr("Batch size"), self.batchSizeSpin)
        form.addRow(self.tr("Loss"), self.lossCombo)
        reg = QHBoxLayout()
        reg.addWidget(self.regularizationCombo, 1)
        reg.addWidget(self.regRateSpin, 1)
        form.addRow(self.tr("Regularization"), reg)
        form.addRow(self.regRateWarning)
        form.addRow(self.tr("Test split"), self.testSplitSpin)
        form.addRow(self.tr("Seed"), self.seedSpin)
        stop = QHBoxLayout()
        stop.addWidget(self.stopCombo, 1)
        stop.addWidget(self.stopEpochsSpin, 1)
        stop.addWidget(self.stopLossSpin, 1)
        form.addRow(self.tr("Stop"), stop)
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.LabelRole)
            field = form.itemAt(row, QFormLayout.FieldRole)
            if label is not None and field is not None and field.widget() is not None:
                label.widget().setBuddy(field.widget())
        settings_box = QGroupBox(self.tr("Settings"))
        settings_box.setObjectName("trainingSettingsBox")
        settings_box.setLayout(form)

        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addLayout(steps)
        layout.addLayout(pace)
        layout.addWidget(self.paceLabel)
        layout.addWidget(self.epochLabel)
        layout.addWidget(self.statusLabel)
        layout.addWidget(settings_box)
        layout.addStretch(1)

        self.learningRateSpin.valueChanged.connect(lambda v: self._apply(learning_rate=float(v)))
        self.batchSizeSpin.valueChanged.connect(lambda v: self._apply(batch_size=int(v)))
        self.optimizerCombo.activated.connect(lambda _: self._apply(optimizer=self.optimizerCombo.currentData()))
        self.lossCombo.activated.connect(lambda _: self._apply(loss=self.lossCombo.currentData()))
        self.regularizationCombo.activated.connect(self._regularization_chosen)
        self.regRateSpin.valueChanged.connect(lambda v: self._apply(reg_rate=float(v)))
        self.testSplitSpin.valueChanged.connect(lambda v: self._apply(test_fraction=v / 100.0))
        self.seedSpin.valueChanged.connect(lambda v: self._apply(seed=int(v)))
        self.stopCombo.activated.connect(lambda _: self._stop_changed())
        self.stopEpochsSpin.valueChanged.connect(lambda _: self._stop_changed())
        self.stopLossSpin.valueChanged.connect(lambda _: self._stop_changed())
        self._stop_changed()
        self._show_pace(self.controller.pace)

    def _reserve_epoch_width(self, *_) -> None:
        """The epoch label keeps one width however its digits change (a label that grew with
        them would lay the window out again 30 times a second): room for "Epoch 100,000 ·
        example 105 of 105" with this data's number of training examples, not more (a
        thousand-example reserve made the training column too wide for a 1280x720 screen)."""
        locale = self.locale()
        n = locale.toString(int(max(1, min(self.controller.examples_per_epoch, 10**9))))
        metrics = self.epochLabel.fontMetrics()
        self.epochLabel.setMinimumWidth(metrics.horizontalAdvance(
            self.tr("Epoch {0}").format(locale.toString(100000)) + self.tr(" · example {0} of {1}").format(n, n)))

    # ------------------------------------------------------------------ reactions
    def pace_text(self, pace) -> str:
        """A pace in words and numbers: "Normal · 5 epochs a second"."""
        names = {
            "slow_motion": self.tr("Slow motion"), "very_slow": self.tr("Very slow"), "slow": self.tr("Slow"),
            "steady": self.tr("Steady"), "normal": self.tr("Normal"), "quick": self.tr("Quick"),
            "fast": self.tr("Fast"), "full_speed": self.tr("Full speed"),
        }
        name = names.get(pace.key, pace.key)
        locale = locale_of(self)
        if pace.updates_per_second is not None:
            n = pace.updates_per_second
            rate = (self.tr("1 weight update a second") if n == 1 else
                    self.tr("{0} weight updates a second").format(locale.toString(float(n), "g", 6)))
        elif pace.epochs_per_second is not None:
            n = pace.epochs_per_second
            rate = (self.tr("1 epoch a second") if n == 1 else
                    self.tr("{0} epochs a second").format(locale.toString(float(n), "g", 6)))
        else:
            rate = self.tr("as fast as this computer can")
        return f"{name} · {rate}"

    @Slot(object)
    def _show_pace(self, pace) -> None:
        blocked = self.paceSlider.blockSignals(True)
        try:
            self.paceSlider.setValue(PACES.index(pace) if pace in PACES else len(PACES) - 1)
        finally:
            self.paceSlider.blockSignals(blocked)
        self.paceLabel.setText(self.pace_text(pace))

    def _apply(self, **changes) -> None:
        try:
            self.controller.update_settings(**changes)
        except ValueError as exc:
            self._status(self.tr("Not applied: {0}").format(translate_message(str(exc))), error=True)
            self._load_settings(self.controller.settings)

    def _regularization_chosen(self, _index: int) -> None:
        self._apply(regularization=self.regularizationCombo.currentData())
        self.regRateSpin.setEnabled(self.regularizationCombo.currentData() != "none")

    def _stop_changed(self) -> None:
        mode = self.stopCombo.currentData()
        self.stopEpochsSpin.setVisible(mode == "epochs")
        self.stopLossSpin.setVisible(mode == "loss")
        self.controller.set_stop_condition(
            self.stopEpochsSpin.value() if mode == "epochs" else None,
            self.stopLossSpin.value() if mode == "loss" else None,
        )

    def settings_problem(self, settings) -> str | None:
        """Why this panel cannot show ``settings`` truly, in plain words (None: it can).
        The window refuses to open a model file whose settings have a problem."""
        problems = self._unshowable(settings, settings.seed)
        return " ".join(text for _, text in problems) or None

    def _unshowable(self, settings, seed: int) -> list[tuple[QWidget, str]]:
        """(box, why) for each value of ``settings`` (and ``seed``) its box cannot hold."""
        problems = []
        for box, value, text in (
                (self.batchSizeSpin, settings.batch_size,
                 self.tr("The batch size %1 is larger than nnsim can show (at most %2).")),
                (self.seedSpin, seed, self.tr("The seed %1 is larger than nnsim can show (at most %2)."))):
            if value > box.maximum():
                problems.append((box, text.replace("%1", whole_text(value, self.locale()))
                                 .replace("%2", whole_text(box.maximum(), self.locale()))))
        for box, value, text in (
                (self.learningRateSpin, settings.learning_rate,
                 self.tr("The learning rate %1 is too close to 0 for nnsim to show.")),
                (self.regRateSpin, settings.reg_rate,
                 self.tr("The regularization rate %1 is too close to 0 for nnsim to show."))):
            if not box.holds(value):
                problems.append((box, text.replace("%1", number_text(value, 6, self))))
        return problems

    @Slot(object)
    def _load_settings(self, settings) -> None:
        """Show ``settings`` (and what waits for Reset). Never raises: a value a box cannot
        hold (a batch size or seed beyond 32 bits, from ``TrainingController.set_settings``
        or Reset; a file with one is refused on opening) leaves the box at its end, marked,
        and the status says the value in use."""
        widgets = (self.learningRateSpin, self.batchSizeSpin, self.optimizerCombo, self.lossCombo,
                   self.regularizationCombo, self.regRateSpin, self.testSplitSpin, self.seedSpin)
        blocked = [w.blockSignals(True) for w in widgets]
        try:
            model = self.controller.settings_model
            seed = settings.seed if model.pending_seed is None else model.pending_seed
            problems = self._unshowable(settings, seed)
            unshown = {box for box, _ in problems}
            if self.learningRateSpin not in unshown:
                self.learningRateSpin.show_value(settings.learning_rate)
            self._show_warnings(settings)
            self.batchSizeSpin.setValue(min(settings.batch_size, self.batchSizeSpin.maximum()))
            self.optimizerCombo.setCurrentIndex(max(0, self.optimizerCombo.findData(settings.optimizer)))
            self.lossCombo.setCurrentIndex(max(0, self.lossCombo.findData(settings.loss)))
            self.regularizationCombo.setCurrentIndex(max(0, self.regularizationCombo.findData(settings.regularization)))
            if self.regRateSpin not in unshown:
                self.regRateSpin.show_value(settings.reg_rate)
            self.regRateSpin.setEnabled(settings.regularization != "none")
            fraction = model.test_fraction if model.pending_fraction is None else model.pending_fraction
            self.testSplitSpin.setValue(round(100 * fraction))
            self.seedSpin.setValue(min(seed, self.seedSpin.maximum()))
            for box in (self.learningRateSpin, self.batchSizeSpin, self.regRateSpin, self.seedSpin):
                box.setStyleSheet(OUT_OF_RANGE_STYLE if box in unshown else "")
            if problems:
                self._status(" ".join(text for _, text in problems), error=True)
        finally:
            for w, b in zip(widgets, blocked):
                w.blockSignals(b)

    @Slot()
    def _update_buttons(self, *_args) -> None:
        running = self.controller.is_running
        can = self.controller.can_train()
        self.trainButton.setText(self.tr("Pause") if running else self.tr("Train"))
        self.trainButton.setAccessibleName(self.tr("Pause") if running else self.tr("Train"))
        self.train_action.setText(self.tr("Pause") if running else self.tr("Train"))
        self.trainButton.setEnabled(can)
        self.train_action.setEnabled(can)
        for widget in (self.stepButton, self.step_action, self.stepExampleButton, self.step_example_action,
                       self.stepBatchButton, self.step_batch_action):
            widget.setEnabled(can and not running)
        if not can:
            self._status(self.tr("This network has no data set to learn from: choose one to train."))

    @Slot(int, float)
    def _show_epoch(self, epoch: int, eps: float) -> None:
        locale = self.locale()
        text = self.tr("Epoch {0}").format(locale.toString(int(epoch)))
        done, per_epoch = self.controller.examples_done, self.controller.examples_per_epoch
        if 0 < done < per_epoch:  # mid-epoch: how far the next one is
            text += self.tr(" · example {0} of {1}").format(locale.toString(int(done)), locale.toString(int(per_epoch)))
        self.epochLabel.setText(text)
        # At full speed the pace label says how fast that is here (the other paces say their rate).
        pace = self.controller.pace
        if pace.full_speed and math.isfinite(eps) and eps > 0 and self.controller.is_running:
            self.paceLabel.setText(self.tr("Full speed · {0} epochs a second").format(locale.toString(round(eps))))
        elif self.paceLabel.text() != self.pace_text(pace):
            self.paceLabel.setText(self.pace_text(pace))

    # ------------------------------------------------------------------ unusual settings
    def unusual_settings(self, settings=None) -> tuple[list[str], list[str]]:
        """(learning-rate warnings, regularization warnings) for ``settings`` (default: the
        controller's), in the interface's words and numbers; empty lists when all is sensible."""
        settings = settings if settings is not None else self.controller.settings
        low, high = SENSIBLE_LEARNING_RATE
        rate, rates = settings.learning_rate, []
        if rate > LARGE_LEARNING_RATE:
            rates.append(self.tr("Very large: a learning rate above {0} usually makes training diverge.")
                         .format(number_text(LARGE_LEARNING_RATE, 6, self)))
        elif rate > high:
            rates.append(self.tr("Large: a learning rate above {0} often makes training diverge.")
                         .format(number_text(high, 6, self)))
        elif rate < low:
            rates.append(self.tr("Very small: below {0} the weights barely move, and training "
                                 "seems to do nothing.").format(number_text(low, 6, self)))
        regs = []
        if settings.regularization != "none" and settings.reg_rate > SENSIBLE_REG_RATE:
            regs.append(self.tr("Strong: a regularization rate above {0} pushes every weight towards 0, "
                                "and the network learns little.").format(number_text(SENSIBLE_REG_RATE, 6, self)))
        return rates, regs

    def _show_warnings(self, settings) -> None:
        rates, regs = self.unusual_settings(settings)
        risky = {key for key, _ in self._risky(settings)}
        asks = self.tr("Train asks before using it.")
        for label, texts, key in ((self.learningRateWarning, rates, "learning_rate"),
                                  (self.regRateWarning, regs, "reg_rate")):
            label.setText(" ".join(texts + ([asks] if key in risky else [])))
            label.setVisible(bool(texts))

    def _risky(self, settings) -> tuple:
        """The settings Train asks about before training: a large learning rate, a strong
        regularization (a key per value, so each is asked about once)."""
        risky = []
        if settings.learning_rate > SENSIBLE_LEARNING_RATE[1]:
            risky.append(("learning_rate", settings.learning_rate))
        if settings.regularization != "none" and settings.reg_rate > SENSIBLE_REG_RATE:
            risky.append(("reg_rate", settings.reg_rate))
        return tuple(risky)

    @Slot()
    def train_pressed(self) -> None:
        """Train (or Pause). Before training with an unusual setting for the first time it
        asks, in a window-modal question (``settingsQuestion``); Yes trains, No does not."""
        c = self.controller
        if c.is_running:
            c.pause()
            return
        settings = c.settings
        risky = self._risky(settings)
        if not risky or risky in self._confirmed:
            c.start()
            return
        if self.settings_question is not None and self.settings_question.isVisible():
            return  # already asking
        rates, regs = self.unusual_settings(settings)
        box = QMessageBox(QMessageBox.Warning, self.tr("Train with these settings?"),
                          self.tr("Some settings are outside the range that usually trains well:"),
                          QMessageBox.Yes | QMessageBox.No, self)
        box.setObjectName("settingsQuestion")
        box.setInformativeText("\n\n".join(rates + regs))
        box.button(QMessageBox.Yes).setText(self.tr("Train anyway"))
        box.button(QMessageBox.No).setText(self.tr("Do not train"))
        box.setDefaultButton(QMessageBox.No)
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.finished.connect(lambda result, risky=risky, box=box: self._question_answered(box, risky))
        self.settings_question = box
        box.open()  # window-modal, does not block the event loop

    def _question_answered(self, box: QMessageBox, risky: tuple) -> None:
        yes = box.clickedButton() is box.button(QMessageBox.Yes)
        self.settings_question = None
        if yes and self._risky(self.controller.settings) == risky:  # the same settings still
            self._confirmed.add(risky)
            if not self.controller.is_running:
                self.controller.start()

    def _status(self, text: str, error: bool = False) -> None:
        self.statusLabel.setText(text)
        self.statusLabel.setStyleSheet("color: #b00020;" if error else "")

    @Slot(str)
    def _show_pending(self, text: str) -> None:
        self._status(text)
        self._load_settings(self.controller.settings)

    @Slot(str)
    def _show_divergence(self, message: str) -> None:
        rate = self.controller.settings.learning_rate
        advice = self.tr("Training paused; the weights are the last ones that were still numbers.\n\n"
                         "What to try: a smaller learning rate (e.g. {0} instead of {1}), the Adam "
                         "optimizer, or Reset for new weights.").format(number_text(rate / 10, 6, self),
                                                                        number_text(rate, 6, self))
        self._status(self.tr("Training diverged: the learning rate is too large for this network."), error=True)
        box = QMessageBox(QMessageBox.Warning, self.tr("Training diverged"), translate_message(message),
                          QMessageBox.Ok, self)
        box.setObjectName("divergenceMessage")
        box.setInformativeText(advice)
        box.setAttribute(Qt.WA_DeleteOnClose)
        if self.divergence_box is not None:
            try:
                self.divergence_box.close()
            except RuntimeError:
                pass
        self.divergence_box = box
        box.open()  # window-modal, does not block the event loop

    @Slot()
    def _show_finished(self) -> None:
        mode = self.stopCombo.currentData()
        if mode == "loss":
            self._status(self.tr("Paused: the loss fell below {0}.").format(number_text(self.stopLossSpin.value(), 6, self)))
        else:
            self._status(self.tr("Paused after {0} epochs.").format(self.stopEpochsSpin.value()))

    @Slot(str)
    def _show_error(self, message: str) -> None:
        self._status(self.tr("Training paused: {0}").format(translate_message(message)), error=True)

    # ------------------------------------------------------------------ keys
    @Slot(object, object)
    def _focus_changed(self, old, new) -> None:
        if self._guarded is not None:
            try:
                self._guarded.removeEventFilter(self._key_guard)
            except RuntimeError:  # already deleted
                pass
            self._guarded = None
        if isinstance(new, (QAbstractSlider, QAbstractButton, QComboBox)):
            new.installEventFilter(self._key_guard)
            self._guarded = new
