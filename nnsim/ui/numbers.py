"""Numbers as the panels write them: in the widget's locale (a decimal comma in Spanish), with
a real minus sign, short enough to read from the back of a classroom."""

from __future__ import annotations

import math

from PySide6.QtCore import QLocale

MINUS = "\u2212"


def _locale(locale: QLocale | None) -> QLocale:
    return locale if locale is not None else QLocale()


def fixed(value: float, digits: int = 2, locale: QLocale | None = None) -> str:
    """``value`` with ``digits`` decimals ("0.45", "−1.20"); large values in short scientific
    form ("2.5e+04"); "nan" and "∞" as such."""
    value = float(value)
    if not math.isfinite(value):
        return "nan" if math.isnan(value) else ("∞" if value > 0 else MINUS + "∞")
    loc = _locale(locale)
    text = loc.toString(value, "f", digits) if abs(value) < 1e4 else loc.toString(value, "g", 3)
    return text.replace("-", MINUS)


def significant(value: float, digits: int = 3, locale: QLocale | None = None) -> str:
    """``value`` with ``digits`` significant digits ("0.0123", "−4.56e-05"): for gradients
    and changes, which are often far below 0.01."""
    value = float(value)
    if not math.isfinite(value):
        return fixed(value, locale=locale)
    if value == 0:
        return "0"
    text = _locale(locale).toString(value, "g", digits)
    return text.replace("-", MINUS)


def in_brackets(value: float, digits: int = 2, locale: QLocale | None = None) -> str:
    """A negative number in brackets, as a term of a sum: "(−0.30)"."""
    text = fixed(value, digits, locale)
    return f"({text})" if text.startswith(MINUS) else text
