"""Quantities as the domain keeps them: areas in integer hundredths of m², money in fen."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from liftdesk.i18n import ValidationError

MAX_AREA_X100 = 1000_00


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


def format_area(x100: int) -> str:
    return f"{x100 // 100}.{x100 % 100:02d}"


def area_decimal(x100: int) -> Decimal:
    return Decimal(x100) / 100


def format_fen(fen: int) -> str:
    sign = "-" if fen < 0 else ""
    fen = abs(fen)
    return f"{sign}¥{fen // 100:,}.{fen % 100:02d}"
