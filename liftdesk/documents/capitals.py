"""Amounts in Chinese capitals as contracts write them (人民币伍拾陆万元整): from integer fen, never
a float. 零 stands for a run of zeros inside a number and before a lone 分; 整 closes an amount
with no 角 or 分."""

from __future__ import annotations

DIGITS = "零壹贰叁肆伍陆柒捌玖"
SMALL = ("", "拾", "佰", "仟")
BIG = ("", "万", "亿", "万亿")


def _section(n: int) -> str:
    """0 < n < 10000 → "壹仟零伍" (zeros between digits become one 零, trailing zeros vanish)."""
    out, zero = [], False
    for place in range(3, -1, -1):
        digit = n // 10 ** place % 10
        if digit:
            if zero and out:
                out.append("零")
            out.append(DIGITS[digit] + SMALL[place])
            zero = False
        else:
            zero = True
    return "".join(out)


def yuan_capitals(yuan: int) -> str:
    """Whole yuan: 100005 → "壹拾万零伍"; 0 → "零"."""
    if yuan == 0:
        return "零"
    sections = []
    while yuan:
        sections.append(yuan % 10000)
        yuan //= 10000
    out = ""
    need_zero = False
    for index in range(len(sections) - 1, -1, -1):
        value = sections[index]
        if value == 0:
            need_zero = bool(out)
            continue
        if out and (need_zero or value < 1000):
            out += "零"
        out += _section(value) + BIG[index]
        need_zero = False
    return out


def capitals(fen: int) -> str:
    """56000000 → "人民币伍拾陆万元整"; 1050 → "人民币壹拾元伍角"; 5 → "人民币伍分"."""
    if not isinstance(fen, int) or isinstance(fen, bool):
        raise TypeError("capitals() takes integer fen")
    sign = "负" if fen < 0 else ""
    fen = abs(fen)
    yuan, jiao, cents = fen // 100, fen // 10 % 10, fen % 10
    text = ""
    if yuan:
        text = yuan_capitals(yuan) + "元"
    if not jiao and not cents:
        return f"人民币{sign}{text or '零元'}整"
    if jiao:
        text += DIGITS[jiao] + "角"
    elif yuan:
        text += "零"
    if cents:
        text += DIGITS[cents] + "分"
    return f"人民币{sign}{text}"
