"""One number as a person types it in a box, read for the interface's decimal mark: the
parsing nnsim's spin boxes use instead of Qt's (``nnsim.ui.number_spin``). Qt-free, so
the boxes and the texts can both import it."""

from __future__ import annotations

import re

#: the minus sign the panels write (a real one, not a hyphen), read back as one
MINUS = "\u2212"


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
