"""A ruled form grid drawn straight onto the canvas: households as row groups, co-owners as
sub-rows, tick boxes as columns, handwriting cells left white. It repeats its header on every page
it continues onto, never splits a household, and fits any stored value by wrapping, then shrinking,
then cutting with "…". Drawn directly (not a platypus Table) because a street's batch prints
hundreds of these: it costs a fraction of a table's layout time."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from .fonts import TextBatch, draw_text, width as text_width
from .linebreak import break_point
from .template import GRID, HEADER_FILL, RULE

PAD = 1.2 * mm


@dataclass
class Column:
    header: str             # "\n" separates header lines; a header is never broken inside a word
    width: float
    kind: str = "text"      # text | box | blank | proxy | roles
    per_owner: bool = False  # one cell per co-owner sub-row, else one cell spanning the household
    size: float = 10.5
    labels: tuple[str, ...] = ()  # for roles: the tick boxes


@dataclass
class Group:
    """One household: `cells[col]` is the text of a spanning cell, or a list (one per sub-row)."""
    cells: dict[int, object]
    subrows: int = 1
    blank: bool = False  # a walk-in row: every cell empty
    heights: list[float] = field(default_factory=list)


def wrap_chars(text: str, avail: float, size: float) -> list[str]:
    """Greedy wrap for CJK cells: a list of names ("王建国、共有人张喆") breaks between names, a word
    too long for the line breaks between characters, and no line starts with a closing mark."""
    lines: list[str] = []
    for para in text.split("\n"):
        tokens = re.findall(r"[^、，,；;]+[、，,；;]?|[、，,；;]", para) or [""]
        line = ""
        for token in tokens:
            if text_width(line + token, size) <= avail:
                line += token
                continue
            if line and text_width(token, size) <= avail:
                lines.append(line)
                line = token
                continue
            chars = line + token  # too long for any line: break between characters
            widths = [text_width(ch, size) for ch in chars]
            start = 0
            while sum(widths[start:]) > avail:
                end, used = start + 1, widths[start]
                while end < len(chars) and used + widths[end] <= avail:
                    used += widths[end]
                    end += 1
                end = break_point(chars, start, end)
                lines.append(chars[start:end])
                start = end
            line = chars[start:]
        lines.append(line)
    return lines


def fit_lines(text: str, avail: float, size: float, max_h: float) -> tuple[float, list[str]]:
    """Wrap; shrink to 6 pt if too tall; cut with "…" if still too tall."""
    text = text or ""
    if text_width(text, size) <= avail and "\n" not in text:
        return size, [text]
    s = size
    while s >= 6:
        lines = wrap_chars(text, avail, s)
        if len(lines) * s * 1.18 <= max_h:
            return s, lines
        s -= 1
    s = 6
    lines = wrap_chars(text, avail, s)
    keep = max(1, int(max_h / (s * 1.18)))
    last = lines[keep - 1]
    while last and text_width(last + "…", s) > avail:
        last = last[:-1]
    return s, lines[:keep - 1] + [last + "…"]


class FormGrid(Flowable):
    ROW_MIN = 10 * mm       # a signature needs at least 10 mm
    MAX_CELL = 45 * mm      # the tallest a household's cell may grow

    def __init__(self, columns: list[Column], groups: list[Group], header_size: float = 9.5,
                 row_min: float | None = None):
        super().__init__()
        self.columns, self.groups, self.header_size = columns, groups, header_size
        self.row_min = row_min or self.ROW_MIN
        self.width = sum(c.width for c in columns)
        self._header_h = max(len(c.header.split("\n")) for c in columns) * header_size * 1.2 + 2 * PAD
        self._laid = False

    # ---- layout ---------------------------------------------------------------------------------
    def _layout(self) -> None:
        if self._laid:
            return
        for g in self.groups:
            heights = [self.row_min] * g.subrows
            span_need = 0.0
            for i, col in enumerate(self.columns):
                if col.kind != "text" or g.blank:
                    continue
                value = g.cells.get(i, "")
                if col.per_owner:
                    values = value if isinstance(value, list) else [value]
                    for r, v in enumerate(values[:g.subrows]):
                        size, lines = fit_lines(str(v or ""), col.width - 2 * PAD, col.size, self.MAX_CELL / g.subrows)
                        heights[r] = max(heights[r], len(lines) * size * 1.18 + 2 * PAD)
                else:
                    size, lines = fit_lines(str(value or ""), col.width - 2 * PAD, col.size, self.MAX_CELL)
                    span_need = max(span_need, len(lines) * size * 1.18 + 2 * PAD)
            if span_need > sum(heights):
                extra = (span_need - sum(heights)) / g.subrows
                heights = [h + extra for h in heights]
            g.heights = heights
        self._laid = True

    def wrap(self, avail_w, avail_h):
        self._layout()
        self.height = self._header_h + sum(sum(g.heights) for g in self.groups)
        return self.width, self.height

    def split(self, avail_w, avail_h):
        self._layout()
        used, n = self._header_h, 0
        for g in self.groups:
            if used + sum(g.heights) > avail_h:
                break
            used += sum(g.heights)
            n += 1
        blank = next((i for i, g in enumerate(self.groups) if g.blank), None)
        if blank is not None and blank < n < len(self.groups):
            n = blank  # the walk-in rows stay together: all on this page or all on the next
        if n == 0 or n == len(self.groups):
            return []
        first = FormGrid(self.columns, self.groups[:n], self.header_size, self.row_min)
        rest = FormGrid(self.columns, self.groups[n:], self.header_size, self.row_min)
        first._laid = rest._laid = True
        return [first, rest]

    # ---- drawing ----------------------------------------------------------------------------------
    def draw(self):
        c = self.canv
        c.saveState()
        top = self.height
        c.setFillColor(HEADER_FILL)
        c.rect(0, top - self._header_h, self.width, self._header_h, stroke=0, fill=1)
        c.setFillColor(colors.black)
        text = TextBatch(c)
        x = 0.0
        for col in self.columns:
            lines = col.header.split("\n")
            lh = self.header_size * 1.2
            y0 = top - self._header_h / 2 + (len(lines) * lh) / 2 - self.header_size
            for n, line in enumerate(lines):
                text.draw(x + col.width / 2, y0 - n * lh + 1, line, self.header_size, anchor="centre")
            x += col.width
        # every rule as one path of lines (a rule per column edge, per household and per co-owner
        # sub-row), every tick box in a second path: few PDF operators on a page of hundreds of cells
        grid, boxes = c.beginPath(), c.beginPath()
        edges = [0.0]
        for col in self.columns:
            edges.append(edges[-1] + col.width)
        owner_runs = self._owner_runs(edges)
        body_top = top - self._header_h
        for xx in edges[1:-1]:
            grid.moveTo(xx, body_top)
            grid.lineTo(xx, 0)
        y = body_top
        for g in self.groups:
            h = sum(g.heights)
            x = 0.0
            for i, col in enumerate(self.columns):
                if col.per_owner:
                    yy = y
                    values = g.cells.get(i, [""] * g.subrows)
                    if not isinstance(values, list):
                        values = [values] * g.subrows
                    for r, rh in enumerate(g.heights):
                        self._cell(col, "" if g.blank else (values[r] if r < len(values) else ""), x, yy - rh, rh,
                                   boxes, text)
                        yy -= rh
                else:
                    self._cell(col, "" if g.blank else g.cells.get(i, ""), x, y - h, h, boxes, text)
                x += col.width
            yy = y
            for rh in g.heights[:-1]:  # co-owners' sub-rows: rules across the per-owner columns only
                yy -= rh
                for x0, x1 in owner_runs:
                    grid.moveTo(x0, yy)
                    grid.lineTo(x1, yy)
            grid.moveTo(0, y)
            grid.lineTo(self.width, y)
            y -= h
        text.close()
        c.setStrokeColor(GRID)
        c.setLineWidth(0.6)
        c.drawPath(grid, stroke=1, fill=0)
        c.setStrokeColor(colors.black)
        c.setLineWidth(0.8)
        c.drawPath(boxes, stroke=1, fill=0)
        c.setLineWidth(1)
        c.setStrokeColor(RULE)
        c.rect(0, 0, self.width, self.height, stroke=1, fill=0)
        c.restoreState()

    def _owner_runs(self, edges: list[float]) -> list[tuple[float, float]]:
        """x spans of adjacent per-owner columns, where a sub-row's rule is drawn."""
        spans: list[tuple[float, float]] = []
        for i, col in enumerate(self.columns):
            if not col.per_owner:
                continue
            if spans and spans[-1][1] == edges[i]:
                spans[-1] = (spans[-1][0], edges[i + 1])
            else:
                spans.append((edges[i], edges[i + 1]))
        return spans

    def _proxy_form(self, w: float, h: float) -> str:
        """代签 cell's fixed content (tick box, labels, rules) drawn once per PDF as a form XObject."""
        name = f"proxy{int(w * 10)}x{int(h * 10)}"
        c = self.canv
        if name not in getattr(c, "_liftdesk_forms", set()):
            c._liftdesk_forms = getattr(c, "_liftdesk_forms", set()) | {name}
            c.saveState()
            c.beginForm(name, 0, 0, w, h)
            size, box, half = 7, 2.8 * mm, h / 2
            c.setFillColor(colors.black)
            c.setStrokeColor(colors.black)
            c.setLineWidth(0.6)
            c.rect(PAD, half + (half - box) / 2, box, box, stroke=1, fill=0)
            draw_text(c, PAD + box + 0.8 * mm, half + (half - size) / 2 + 1, "代签人", size)
            draw_text(c, PAD, (half - size) / 2 + 1, "委托书号", size)
            c.setStrokeColor(RULE)
            c.setLineWidth(0.4)
            start = PAD + box + 0.8 * mm + text_width("代签人", size) + 0.5 * mm
            c.line(start, half + 1.2 * mm, w - PAD, half + 1.2 * mm)
            start = PAD + text_width("委托书号", size) + 0.5 * mm
            c.line(start, 1.2 * mm, w - PAD, 1.2 * mm)
            c.endForm()
            c.restoreState()
        return name

    def _cell(self, col: Column, value, x: float, y: float, h: float, boxes, text: TextBatch) -> None:
        c = self.canv
        if col.kind == "box":
            box = 4.2 * mm
            boxes.rect(x + (col.width - box) / 2, y + (h - box) / 2, box, box)
        elif col.kind == "proxy":  # 代签: a tick box, the signer's name and the proxy form's number
            name = self._proxy_form(col.width, h)
            c.saveState()
            c.translate(x, y)
            c.doForm(name)
            c.restoreState()
        elif col.kind == "roles":
            size, box = 8, 2.8 * mm
            xx = x + PAD
            for label in col.labels:
                boxes.rect(xx, y + (h - box) / 2, box, box)
                xx += box + 0.6 * mm
                xx += text.draw(xx, y + (h - size) / 2 + 1, label, size) + 1.3 * mm
        elif col.kind == "text" and value:
            size, lines = fit_lines(str(value), col.width - 2 * PAD, col.size, h - 2 * PAD)
            lh = size * 1.18
            y0 = y + h / 2 + len(lines) * lh / 2 - size
            for n, line in enumerate(lines):
                text.draw(x + PAD, y0 - n * lh + 1, line, size)
