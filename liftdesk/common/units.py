"""Quantities as the domain keeps them and as people type them: areas in integer hundredths of m²,
money in integer fen (typed in yuan, with at most two decimals). One module, so one way to read and
one way to show each quantity."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from liftdesk.errors import ValidationError

MAX_AREA_X100 = 1000_00
MAX_FEN = 10**12  # ten billion yuan: anything larger is a typing mistake


def parse_area(value: object) -> int:
    """'63.5' / Decimal / int → 6350 hundredths of m². Refuses floats' rounding surprises by going
    through text, more than two decimals, zero and negatives."""
    text = str(value).strip().replace("㎡", "").replace("m²", "").replace("平方米", "").strip()
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise ValidationError("area.invalid", value=value) from None
    if not amount.is_finite() or amount <= 0 or amount != amount.quantize(Decimal("0.01")):
        raise ValidationError("area.invalid", value=value)
    x100 = int(amount * 100)
    if x100 > MAX_AREA_X100:
        raise ValidationError("area.too_large", value=value)
    return x100


def parse_yuan(value: object, allow_negative: bool = False) -> int:
    """'360000' / '1,234.5' / '¥42,352.94' / Decimal → fen. Refuses floats' surprises by going through
    text, more than two decimals, and (unless allowed) negatives."""
    if isinstance(value, float):
        value = repr(value)
    text = str(value).strip().replace("¥", "").replace("￥", "").replace(",", "").replace("，", "")
    text = text.removesuffix("元").strip()
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", text):
        raise ValidationError("yuan.invalid", value=value)
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise ValidationError("yuan.invalid", value=value) from None
    if not amount.is_finite():
        raise ValidationError("yuan.invalid", value=value)
    if abs(amount) * 100 > MAX_FEN:
        raise ValidationError("yuan.too_large", value=value)
    if amount * 100 != (amount * 100).to_integral_value():
        raise ValidationError("yuan.invalid", value=value)
    if amount < 0 and not allow_negative:
        raise ValidationError("money.negative", value=value)
    return int(amount * 100)


def format_area(x100: int) -> str:
    return f"{x100 // 100}.{x100 % 100:02d}"


def area_decimal(x100: int) -> Decimal:
    return Decimal(x100) / 100


def format_fen(fen: int, plain: bool = False) -> str:
    """For reading: 4235294 → '¥42,352.94'; `plain` for an input field: 36000000 → '360000.00'."""
    sign = "-" if fen < 0 else ""
    fen = abs(fen)
    if plain:
        return f"{sign}{fen // 100}.{fen % 100:02d}"
    return f"{sign}¥{fen // 100:,}.{fen % 100:02d}"
