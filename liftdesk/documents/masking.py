"""Masking personal data on public documents (公示): 黄杞财 → 黄*财, 王 → *, and any phone number —
mobile, 7–8 digit landline, with area code, with + or - — shows at most its last four digits."""

from __future__ import annotations

import re

def mask_name(name: str) -> str:
    name = (name or "").strip()
    if len(name) <= 1:
        return "*" if name else ""
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def mask_names(names: str) -> str:
    return "、".join(mask_name(n) for n in re.split(r"[、,，]", names or "") if n.strip())


def mask_phone(phone: str) -> str:
    """Every digit but the last four becomes *, separators stay; four digits or fewer: all masked."""
    phone = (phone or "").strip()
    digits = sum(ch.isdigit() for ch in phone)
    keep = 4 if digits > 4 else 0
    out, seen = [], 0
    for ch in phone:
        if ch.isdigit():
            seen += 1
            out.append(ch if seen > digits - keep else "*")
        else:
            out.append(ch)
    return "".join(out)
