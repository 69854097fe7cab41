"""Numbers as the panels write them: in the widget's locale (a decimal comma in Spanish), with
a real minus sign, short enough to read from the back of a classroom."""

from __future__ import annotations

import math
import re

from PySide6.QtCore import QLocale

MINUS = "\u2212"


def _locale(locale: QLocale | None) -> QLocale:
    """``locale`` (default: the default locale, which follows the interface language) without
    digit groups: "1234.5", never "1,234.5" (a decimal in Spanish eyes)."""
    plain = QLocale(locale) if locale is not None else QLocale()
    plain.setNumberOptions(plain.numberOptions() | QLocale.OmitGroupSeparator)
    return plain


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


# ------------------------------------------------------------------ one typed number
#: a number as a person types it: sign, digits, one decimal mark (either), an exponent
_TYPED = re.compile(r"^(?P<sign>[+-]?)(?P<whole>\d*)(?:(?P<mark>[.,])(?P<fraction>\d*))?"
                    r"(?:(?P<e>[eE])(?P<exp_sign>[+-]?)(?P<exponent>\d*))?$")
#: the other mark, read as a thousands separator, would make a different number: "1.000", "12.500"
_GROUPED = re.compile(r"^[1-9]\d{0,2}$")


class TypedNumber:
    """What a typed text is: ``state`` "number" (``value`` holds it), "partial" (typing may
    go on: "", "-", "0,", "1e-"), "ambiguous" (the other decimal mark where it could also be
    a thousands separator: "1.000" in Spanish, "1,500" in English) or "invalid"."""

    __slots__ = ("state", "value", "decimals")

    def __init__(self, state: str, value: float | None = None, decimals: int = 0):
        self.state, self.value, self.decimals = state, value, decimals

    def __repr__(self) -> str:
        return f"TypedNumber({self.state!r}, {self.value!r})"


def read_typed_number(text: str, comma_decimals: bool) -> TypedNumber:
    """One number typed in a box, read for the interface's decimal mark (a comma when
    ``comma_decimals``). The other mark is read as a decimal mark too when it cannot be a
    thousands separator ("0.05" in Spanish is 0,05), and is "ambiguous" when it could
    ("1.000": one, or a thousand?): never read silently as another number. Digit groups are
    never taken. ``decimals`` counts the digits after the mark (none with an exponent)."""
    token = text.strip().replace(MINUS, "-")
    match = _TYPED.match(token)
    if match is None:
        return TypedNumber("invalid")
    whole, mark, fraction = match["whole"], match["mark"], match["fraction"] or ""
    if not whole and not fraction:
        return TypedNumber("invalid" if match["e"] else "partial")  # "", "-", ",": typing goes on
    if match["e"] and not match["exponent"]:
        return TypedNumber("partial")  # "1e", "1e-"
    own = "," if comma_decimals else "."
    if mark is not None and mark != own and not match["e"] and len(fraction) == 3 and _GROUPED.match(whole):
        return TypedNumber("ambiguous")
    number = f"{match['sign']}{whole or '0'}.{fraction or '0'}"
    if match["e"]:
        number += f"e{match['exp_sign']}{match['exponent']}"
    try:
        value = float(number)
    except (ValueError, OverflowError):
        return TypedNumber("invalid")
    return TypedNumber("number", value, 0 if match["e"] else len(fraction))
