"""Number boxes that never lie: ``NumberSpin`` shows any value a file or the engine can
hold (1.7e308 as ``1.7e308``, NaN as ``nan``) instead of clamping it to its range, while
typing stays within the sensible range. Shared by the panels and the graph's editor.

It reads and writes numbers in its own locale (``QWidget.locale()``, which a window sets
from its interface language: a decimal comma in Spanish), with nnsim's own parsing
(``nnsim.ui.typed_number.read_typed_number``), not Qt's: Qt's Spanish box reads "0.05" as 5 (the
point being a thousands separator there). The other decimal mark is taken where it cannot
be a thousands separator ("0.05" is 0,05 in Spanish); where it could ("1.000") the box
refuses it on Enter and says what it expects (``refused``, ``refusal``), never reading it
as another number."""

from __future__ import annotations

import math
import re

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDoubleSpinBox, QToolTip, QWidget

from nnsim.ui.typed_number import read_typed_number

#: what a spin box takes when typed into: values beyond come only from elsewhere (a file)
TYPED_LIMIT = 1000.0
#: from this size on a spin box writes values as 1.7e308, so they fit its width
COMPACT_FROM = 1e4


#: how long a refusal stays on screen by the box
REFUSAL_MS = 6000


class NumberSpin(QDoubleSpinBox):
    """A QDoubleSpinBox that writes values of 10,000 and more as ``1.7e308`` (and reads such
    text back), so a huge weight from a file fits the box and reads right, and that shows a
    value from elsewhere truly (``show_value``): beyond its range, infinite, or NaN (as
    "nan"). Below 10,000 it looks and works like any QDoubleSpinBox."""

    # what the box writes for a NaN (a QDoubleSpinBox cannot hold one: it would show its maximum)
    NAN_TEXT = "nan"

    #: a typed text was refused on Enter (or on leaving the box): what the box expects instead
    refused = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._typed_range: tuple[float, float] | None = None
        #: the last refusal's message ("" while the box has refused nothing since the last edit)
        self.refusal = ""
        self._refused_text: str | None = None
        self.lineEdit().textEdited.connect(self._edited)

    def set_typed_range(self, low: float, high: float) -> None:
        """The range a person types and steps within. ``show_value`` stretches it to hold a
        value from elsewhere, and back to this once the value is inside again."""
        self._typed_range = (float(low), float(high))
        self.setRange(low, high)

    def textFromValue(self, value: float) -> str:  # noqa: N802 (Qt)
        if abs(value) < COMPACT_FROM:
            return super().textFromValue(value)  # the locale's decimal mark, no digit groups
        return compact_number(self.locale().toString(float(value), "g", 4))

    def comma_decimals(self) -> bool:
        """Does this box write 0,5 (its locale's decimal mark is a comma)?"""
        return self.locale().decimalPoint() == ","

    def _number(self, text: str) -> str:
        return text.removeprefix(self.prefix()).removesuffix(self.suffix()).strip()

    def valueFromText(self, text: str) -> float:  # noqa: N802 (Qt)
        if self.specialValueText() and text == self.specialValueText():
            return self.minimum()
        typed = read_typed_number(self._number(text), self.comma_decimals())
        return typed.value if typed.state == "number" else self.value()

    def validate(self, text: str, pos: int):
        if self.specialValueText() and text == self.specialValueText():
            return QValidator.Acceptable, text, pos
        typed = read_typed_number(self._number(text), self.comma_decimals())
        if typed.state != "number":
            # "", "-", "0,", "1e-" (typing goes on), or "1.000", "1.234,5", "x" kept in view until
            # Enter refuses them with a message (a dropped key would turn "0.5" into "05")
            return QValidator.Intermediate, text, pos
        value = typed.value
        if typed.decimals > self.decimals():
            return QValidator.Invalid, text, pos  # as a QDoubleSpinBox: no digit beyond its decimals
        if self.minimum() <= value <= self.maximum():
            return QValidator.Acceptable, text, pos
        # beyond an end away from 0 more digits only go further: not taken ("50" in a box to 10)
        if (value > self.maximum() and value > 0) or (value < self.minimum() and value < 0):
            return QValidator.Invalid, text, pos
        return QValidator.Intermediate, text, pos  # "0" in a box from 0,5: "0,7" may follow

    def fixup(self, text: str) -> str:
        """Called by Qt on Enter or on leaving the box while the text is not a number the box
        takes: say why (once per text), and let Qt put the last value back."""
        if text != self._refused_text:
            self._refused_text = text
            message = self.refusal_message(text)
            if message:
                self.refusal = message
                QToolTip.showText(self.mapToGlobal(self.rect().bottomLeft()), message, self, self.rect(), REFUSAL_MS)
                self.refused.emit(message)
        return text

    def refusal_message(self, text: str) -> str:
        """Why ``text`` is not taken, in the interface's words, with what to type instead."""
        number = self._number(text)
        locale = self.locale()
        example = locale.toString(0.05, "f", 2)
        typed = read_typed_number(number, self.comma_decimals())
        if typed.state == "ambiguous":
            whole, _, fraction = number.replace("−", "-").partition("," if not self.comma_decimals() else ".")
            return QCoreApplication.translate(
                "NumberSpin", "«{0}» can be read two ways. For decimals use a point, as in {1}; a whole "
                              "number needs no thousands separator: {2}.").format(
                number, whole + locale.decimalPoint() + fraction, whole + fraction)
        if typed.state == "number":
            if self.minimum() <= typed.value <= self.maximum():
                return ""
            return QCoreApplication.translate("NumberSpin", "«{0}» is outside this box's range: from {1} to {2}.").format(
                number, self.textFromValue(self.minimum()), self.textFromValue(self.maximum()))
        if not number:
            return ""  # an emptied box: the value stays, nothing to explain
        return QCoreApplication.translate(
            "NumberSpin", "«{0}» is not a number. Use a point for decimals, as in {1}.").format(number, example)

    def _edited(self, _text: str) -> None:
        self._refused_text = None
        self.refusal = ""

    def holds(self, value: float) -> bool:
        """Can ``show_value(value)`` show it? A QDoubleSpinBox rounds to its decimals: a
        value that rounds to another number (5e-324 in a box of 323 decimals) it cannot."""
        value = float(value)
        if not math.isfinite(value):
            return True  # shown as "nan", "inf", "-inf"
        return float(f"{value:.{self.decimals()}f}") == value

    def show_value(self, value: float) -> None:
        """Show ``value`` (signals blocked). A value beyond the typed range stretches that
        end of the range to it, and widens the box if its text would not fit (a spin box
        cannot hold a value outside its range: it would show the end instead). NaN is shown
        as "nan" (the box then holds its minimum, which any edit replaces)."""
        value = float(value)
        with QSignalBlocker(self):  # also a range that narrows moves the value: no echo
            if math.isnan(value):
                self.setSpecialValueText(self.NAN_TEXT)  # shown while the value is the minimum
                self.setValue(self.minimum())
                return
            if self.specialValueText():
                self.setSpecialValueText("")
            low, high = self._typed_range or (self.minimum(), self.maximum())
            low, high = min(low, value), max(high, value)
            if (low, high) != (self.minimum(), self.maximum()):
                self.setRange(low, high)
                if self.sizeHint().width() > self.width():  # sizeHint fits the range's ends
                    self.setFixedWidth(self.sizeHint().width())
            self.setValue(value)

    def shows_nan(self) -> bool:
        """Is the box showing "nan" (a NaN given to ``show_value``)?"""
        return bool(self.specialValueText()) and self.value() == self.minimum()


def compact_number(text: str) -> str:
    """"1.7e308" rather than "1.7e+308", "1e6" rather than "1e+06", "1e-7" rather than
    "1e-07": fewer characters in a narrow box."""
    if "e" not in text:
        return text
    return re.sub(r"e([+-]?)0*(\d)", lambda m: "e" + ("-" if m.group(1) == "-" else "") + m.group(2), text)
