"""Numbers written the way the interface's language writes them (Spanish: a decimal comma),
and read back the way a person types them.

``QLocale()`` is the system's locale, which need not be the language nnsim speaks (a
Spanish window on an English system): these helpers take the locale of the interface
language (``nnsim.ui.language.current_language``) instead.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QLocale

from nnsim.ui.language import current_language
from nnsim.ui.number_spin import compact_number

#: what a value that does not exist (no test part, NaN) is written as
MISSING = "—"
#: the minus sign the panels write (a real one, not a hyphen)
MINUS = "\u2212"


def interface_locale() -> QLocale:
    """The locale of the language the interface speaks, without group separators ("1,235"
    would read as a decimal in Spanish)."""
    locale = QLocale(current_language())
    locale.setNumberOptions(QLocale.OmitGroupSeparator)
    return locale


def percent_text(fraction: float | None, decimals: int = 1) -> str:
    """0.9556 -> "95.6 %" ("95,6 %" in Spanish); None or NaN -> "—"."""
    if fraction is None or not math.isfinite(fraction):
        return MISSING
    return interface_locale().toString(100.0 * float(fraction), "f", decimals) + " %"


def number_text(value: float | None, digits: int = 4) -> str:
    """A value with ``digits`` significant digits ("0.1234", "1.5e8"); None or NaN -> "—"."""
    if value is None or math.isnan(value):
        return MISSING
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    return compact_number(interface_locale().toString(float(value), "g", digits))


def _locale(locale: QLocale | None) -> QLocale:
    return locale if locale is not None else interface_locale()


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


def decimal_comma(language: str | None = None) -> bool:
    """Does ``language`` ("en", "es"; default: the interface's) write 0,5 rather than 0.5?"""
    return (interface_locale() if language is None else QLocale(language)).decimalPoint() == ","


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
