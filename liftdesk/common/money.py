"""Money as people type it (yuan, with at most two decimals) and as LiftDesk keeps it (integer fen)."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from liftdesk.i18n import ValidationError

MAX_FEN = 10**12  # ten billion yuan: anything larger is a typing mistake


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


def yuan_text(fen: int) -> str:
    """Plain yuan for an input field: 36000000 → '360000.00'."""
    sign = "-" if fen < 0 else ""
    return f"{sign}{abs(fen) // 100}.{abs(fen) % 100:02d}"
