"""Numbers written the way the interface's language writes them (Spanish: a decimal comma).

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
