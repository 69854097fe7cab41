"""Numbers written the way the interface's language writes them (Spanish: a decimal comma).

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
