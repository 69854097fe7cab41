"""Numbers written the way the interface's language writes them (Spanish: a decimal comma),
and read back the way a person types them.

The system's locale need not be the language nnsim speaks (a Spanish window on an English
system): these helpers take a widget's locale (``locale_of``: each main window sets its own
from its language, and its panels inherit it), else the locale of the interface language
(``nnsim.ui.language.current_language``). Decimal numbers are never written with digit
groups ("1,235" would read as a decimal in Spanish).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QGraphicsItem, QWidget

from nnsim.ui.language import current_language
from nnsim.ui.number_spin import compact_number
from nnsim.ui.typed_number import MINUS  # noqa: F401 - the panels' minus sign, from here

#: what a value that does not exist (no test part, NaN) is written as
MISSING = "—"


_UNGROUPED: dict[str, QLocale] = {}


def ungrouped(locale: QLocale) -> QLocale:
    """``locale`` without digit groups (one shared copy per locale: tables ask per cell)."""
    name = locale.name()
    plain = _UNGROUPED.get(name)
    if plain is None:
        plain = QLocale(locale)
        plain.setNumberOptions(QLocale.OmitGroupSeparator)
        _UNGROUPED[name] = plain
    return plain


def interface_locale() -> QLocale:
    """The locale of the language the interface speaks, without group separators ("1,235"
    would read as a decimal in Spanish)."""
    return ungrouped(QLocale(current_language()))


def locale_of(thing=None) -> QLocale:
    """The locale (without digit groups) to write numbers in for ``thing``: a widget's own
    (its window's language), a graphics item's view's, else the interface language's."""
    if isinstance(thing, QLocale):
        return ungrouped(thing)
    if isinstance(thing, QWidget):
        return ungrouped(thing.locale())
    if isinstance(thing, QGraphicsItem):
        scene = thing.scene()
        views = scene.views() if scene is not None else []
        if views:
            return ungrouped(views[0].locale())
    return interface_locale()


def percent_text(fraction: float | None, decimals: int = 1, locale=None) -> str:
    """0.9556 -> "95.6 %" ("95,6 %" in Spanish); None or NaN -> "—". ``locale``: a
    QLocale, a widget or a graphics item whose locale to use (see ``locale_of``)."""
    if fraction is None or not math.isfinite(fraction):
        return MISSING
    return locale_of(locale).toString(100.0 * float(fraction), "f", decimals) + " %"


def number_text(value: float | None, digits: int = 4, locale=None) -> str:
    """A value with ``digits`` significant digits ("0.1234", "1.5e8"); None or NaN -> "—"."""
    if value is None or math.isnan(value):
        return MISSING
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    return compact_number(locale_of(locale).toString(float(value), "g", digits))


def decimal_text(value: float, decimals: int = 2, locale=None) -> str:
    """``value`` with ``decimals`` decimals in the locale ("0.45", "0,45"), no digit groups."""
    return locale_of(locale).toString(float(value), "f", decimals)




def _locale(locale) -> QLocale:
    """``locale`` (a QLocale, a widget, a graphics item; default: the interface language's)
    without digit groups: "1234.5", never "1,234.5" (a decimal in Spanish eyes)."""
    return locale_of(locale)


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
