"""Number boxes that never lie: ``NumberSpin`` shows any value a file or the engine can
hold (1.7e308 as ``1.7e308``, NaN as ``nan``) instead of clamping it to its range, while
typing stays within the sensible range. Shared by the panels and the graph's editor."""

from __future__ import annotations

import math
import re

from PySide6.QtCore import QSignalBlocker
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDoubleSpinBox, QWidget

#: what a spin box takes when typed into: values beyond come only from elsewhere (a file)
TYPED_LIMIT = 1000.0
#: from this size on a spin box writes values as 1.7e308, so they fit its width
COMPACT_FROM = 1e4


# a number being typed in the compact form, up to its exponent's sign: "1e", "-2.5e-"
_PARTIAL_EXPONENT = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)[eE][+-]?$")


class NumberSpin(QDoubleSpinBox):
    """A QDoubleSpinBox that writes values of 10,000 and more as ``1.7e308`` (and reads such
    text back), so a huge weight from a file fits the box and reads right, and that shows a
    value from elsewhere truly (``show_value``): beyond its range, infinite, or NaN (as
    "nan"). Below 10,000 it looks and works like any QDoubleSpinBox."""

    # what the box writes for a NaN (a QDoubleSpinBox cannot hold one: it would show its maximum)
    NAN_TEXT = "nan"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._typed_range: tuple[float, float] | None = None

    def set_typed_range(self, low: float, high: float) -> None:
        """The range a person types and steps within. ``show_value`` stretches it to hold a
        value from elsewhere, and back to this once the value is inside again."""
        self._typed_range = (float(low), float(high))
        self.setRange(low, high)

    def textFromValue(self, value: float) -> str:  # noqa: N802 (Qt)
        if abs(value) < COMPACT_FROM:
            return super().textFromValue(value)
        return compact_number(self.locale().toString(float(value), "g", 4))

    def valueFromText(self, text: str) -> float:  # noqa: N802 (Qt)
        value = self._compact_value(text)
        return super().valueFromText(text) if value is None else value

    def validate(self, text: str, pos: int):
        value = self._compact_value(text)
        if value is not None and self.minimum() <= value <= self.maximum():
            return QValidator.Acceptable, text, pos
        number = text.removeprefix(self.prefix()).removesuffix(self.suffix()).strip()
        if value is None and _PARTIAL_EXPONENT.match(number):  # "1e", "1e-": typing goes on
            return QValidator.Intermediate, text, pos
        return super().validate(text, pos)

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

    def _compact_value(self, text: str) -> float | None:
        """The number of a text in the compact form (with an exponent), else None."""
        number = text.removeprefix(self.prefix()).removesuffix(self.suffix()).strip()
        if "e" not in number.lower():
            return None
        value, ok = self.locale().toDouble(number)
        return value if ok else None


def compact_number(text: str) -> str:
    """"1.7e308" rather than "1.7e+308", "1e6" rather than "1e+06", "1e-7" rather than
    "1e-07": fewer characters in a narrow box."""
    return re.sub(r"e([+-]?)0*(\d)", lambda m: "e" + ("-" if m.group(1) == "-" else "") + m.group(2), text)
