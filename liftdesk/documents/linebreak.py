"""Chinese line breaking for every paragraph and table cell: no line starts with a closing mark
（，。、；：）》” …) and none ends with an opening one (（《“ …), and a Latin word or number is not cut
in two where a better break is near.

reportlab's CJK wrappers (paragraph.cjkFragSplit for mixed fragments, textsplit.dumbSplit for a
one-fragment paragraph or cell) hang at most one closing mark in the margin, so "（代签）。" still
began a line with "。". These replacements push characters down instead (the line ends a little
short, never past its width); installed once when the template is imported."""

from __future__ import annotations

from reportlab.lib import textsplit as _textsplit
from reportlab.platypus import paragraph as _paragraph

CANNOT_START = "，。、；：！？）》」』】〕〉”’％·…—,.;:!?)]}%"
CANNOT_END = "（《「『【〔〈“‘([{"


def _latin(ch: str) -> bool:
    """Part of a Latin word or a figure ("¥360,000.00", "LD-2026"): kept on one line if possible."""
    return ord(ch) < 0x3000 and not ch.isspace() and ch not in "()[]{}"


def _good(chars, k: int, words: bool) -> bool:
    prev, nxt = chars[k - 1], chars[k]
    if not prev or not nxt:  # an image or a mark between fragments
        return True
    if nxt in CANNOT_START or prev in CANNOT_END:
        return False
    return not (words and _latin(prev) and _latin(nxt))


def break_point(chars, start: int, end: int) -> int:
    """Where to end the line that holds chars[start:end] (chars[end] did not fit): the latest
    position > start whose next character may start a line; a Latin word is kept whole if a
    break within the last half of the line allows it."""
    if end <= start + 1:
        return start + 1
    if end >= len(chars):
        return len(chars)
    half = max(start + 1, (start + end) // 2)
    for words, lowest in ((True, half), (False, start + 1)):
        for k in range(end, lowest - 1, -1):
            if _good(chars, k, words):
                return k
    return end


def dumb_split(word, widths, max_widths):
    """textsplit.dumbSplit with the rule above: [[extra space, text], …]."""
    if not isinstance(max_widths, (list, tuple)):
        max_widths = [max_widths]
    lines = []
    start, n = 0, len(word)
    while start < n:
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        used, i = 0.0, start
        while i < n and (used + widths[i] <= max_width + _textsplit._FUZZ or i == start):
            used += widths[i]
            i += 1
        if i < n:
            i = break_point(word, start, i)
        line_width = sum(widths[start:i])
        text = word[start:i]
        lines.append([max_width - line_width, text.strip() if i < n else text])
        start = i
    return lines


def cjk_frag_split(frags, max_widths, calc_bounds, encoding="utf8"):
    """paragraph.cjkFragSplit with the rule above (explicit <br/> breaks kept)."""
    units = []
    for f in frags:
        text = f.text
        if isinstance(text, bytes):
            text = text.decode(encoding)
        if text:
            units.extend(_paragraph.cjkU(t, f, encoding) for t in text)
        else:
            units.append(_paragraph.cjkU(text, f, encoding))
    lines = []
    start, n = 0, len(units)

    def width(u, max_width):
        w = u.width
        if hasattr(w, "normalizedValue"):
            w._normalizer = max_width
            w = w.normalizedValue(max_width)
        return w

    while start < n:
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        used, i, forced = 0.0, start, False
        while i < n:
            w = width(units[i], max_width)
            if used + w > max_width + _paragraph._FUZZ and i > start:
                break
            used += w
            i += 1
            if hasattr(units[i - 1].frag, "lineBreak"):
                forced = True
                break
        if i < n and not forced:
            i = break_point(units, start, i)
            used = sum(width(u, max_width) for u in units[start:i])
        lines.append(_paragraph.makeCJKParaLine(units[start:i], max_width, used, max_width - used, forced,
                                                calc_bounds))
        start = i
    return _paragraph.ParaLines(kind=1, lines=lines)


def install() -> None:
    _textsplit.dumbSplit = dumb_split
    _paragraph.cjkFragSplit = cjk_frag_split
