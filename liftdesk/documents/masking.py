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


# a phone, landline or ID number inside free text: 7 or more digits, maybe with +, - or spaces
_NUMBER = re.compile(r"\+?\d[\d\- ]{5,}\d[\dXx]?")
# a name announced by what follows it: "张建国（电话…", "王师傅 手机…"
_NAME_BEFORE_PHONE = re.compile(r"([\u3400-\u9fff]{2,6})(?=\s*[（(]?\s*(?:电话|手机|联系电话|联系方式|tel|Tel|TEL)"
                                r"|\s*[（(]?\s*1[3-9]\d{9})")


def mask_text(text: str, names=()) -> str:
    """Free text for a public document (a plan summary, a note): every known NAME, every name that
    announces a phone, and every long number (phones, ID numbers) masked like the tables are."""
    out = text or ""
    for name in sorted({n.strip() for n in names if n and len(n.strip()) >= 2}, key=len, reverse=True):
        out = out.replace(name, mask_name(name))
    out = _NAME_BEFORE_PHONE.sub(_mask_announced, out)
    return _NUMBER.sub(lambda m: mask_phone(m.group(0)), out)


_LABELS = ("电话", "手机", "联系电话", "联系方式", "号码", "联系人")


def _mask_announced(match: re.Match) -> str:
    word = match.group(1)
    if any(word.endswith(label) for label in _LABELS):  # "电话13812345604": the label, not a name
        return word
    cut = max(word.rfind("人"), word.rfind("系")) + 1  # "联系人刘洋", "负责人张建国": the name follows
    head, name = word[:cut], word[cut:]
    if len(name) > 3:  # most names have two or three characters: what comes before them is text
        head, name = head + name[:-3], name[-3:]
    return head + mask_name(name) if len(name) >= 2 else word


def capped(text: str, limit: int, more: str = "……") -> str:
    """TEXT cut at LIMIT characters with MORE (where the rest can be read) appended."""
    text = (text or "").strip()
    return text if len(text) <= limit else text[:limit].rstrip("，、；：,;: ") + more
