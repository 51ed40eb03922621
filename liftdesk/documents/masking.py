"""Masking personal data on public documents (公示): 黄杞财 → 黄*财, 13812341234 → 138****1234."""

from __future__ import annotations

import re


def mask_name(name: str) -> str:
    name = (name or "").strip()
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def mask_names(names: str) -> str:
    return "、".join(mask_name(n) for n in re.split(r"[、,，]", names or "") if n.strip())


def mask_phone(phone: str) -> str:
    digits = re.sub(r"\D", "", phone or "")
    if len(digits) >= 7:
        return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]
    return "*" * len(digits)
