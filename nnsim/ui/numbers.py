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


def decimal_comma(language: str) -> bool:
    """Does ``language`` ("en", "es") write 0,5 rather than 0.5?"""
    return QLocale(language).decimalPoint() == ","


def typed_numbers(text: str, comma_decimals: bool) -> list[float]:
    """The numbers in ``text``, typed by a person: separated by spaces or semicolons (and by
    commas too where the point is the decimal mark). With ``comma_decimals`` (Spanish)
    "5,0 3,4" is two numbers and a point is read as a decimal mark as well ("5.0"), never as
    a thousands separator; a number with both marks ("1.234,5") is refused. Raises
    ``ValueError`` naming the part that is not a number."""
    separators = text.replace(";", " ").replace("\t", " ")
    if not comma_decimals:
        separators = separators.replace(",", " ")
    values = []
    for part in separators.split():
        token = part.replace(MINUS, "-")
        if comma_decimals:
            if "," in token and "." in token:
                raise ValueError(part)
            token = token.replace(",", ".")
        try:
            values.append(float(token))
        except ValueError:
            raise ValueError(part) from None
    return values
