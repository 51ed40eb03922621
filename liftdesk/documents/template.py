"""The shared page: A4, a header with the project line and a QR code of the serial, a footer
with page x/y, serial and print date; styles in large, CJK-wrapped type for older readers.

A PDF holds one or more sections (a household's letter, a unit's form in a combined batch); each
section has its own serial, QR code and page count ("第 1/1 页"). Fill-in blanks are drawn rules,
never ＿ characters; handwriting fields are never shaded; any stored value wraps or shrinks to fit."""

from __future__ import annotations

import io
import os
import tempfile
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab import rl_config
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Table, TableStyle
from reportlab.platypus.doctemplate import LayoutError

from liftdesk.errors import LiftDeskError
from . import linebreak
from .fonts import FONT, draw_text, learn, markup, register, seed, width as text_width

rl_config.useA85 = 0  # raw compressed streams: smaller and faster than ASCII85 text
# No printed line begins with "，" or "）", in paragraphs and cells alike (see linebreak.py).
linebreak.install()


@lru_cache(maxsize=16)
def _deflate(data: bytes) -> bytes:
    return zlib.compress(data, 1)


def _fast_flate(self, text):
    """reportlab deflates at zlib's default level 6; level 1 is ~3× faster for ~10 % larger font
    subsets, which is what a street's batch of hundreds of PDFs spends most on. A batch's shared
    first font subset (see fonts.seed) is deflated once."""
    return _deflate(text.encode("utf8") if isinstance(text, str) else text)


pdfdoc.PDFStreamFilterZCompress.encode = _fast_flate
_plain_array_format = pdfdoc.PDFArray.format


@lru_cache(maxsize=32)
def _number_array(values: tuple[float, ...], multiline: bool) -> bytes:
    parts = [fp_str(v).encode() for v in values]
    if multiline:
        return b"[ " + b"\n ".join(parts) + b" ]"
    rows = [b" ".join(parts[i:i + 10]) for i in range(0, len(parts), 10)]
    return b"[ " + b" \n  ".join(rows) + b" ]"


def _array_format(self, document, IND=b"\n "):
    """A font subset's 256 glyph widths were formatted number by number, per PDF: the same bytes
    (reportlab's layout, every 10 on a line), made once for a batch's shared first subset."""
    seq = self.sequence
    if len(seq) > 32 and IND == b"\n " and all(type(v) in (int, float) for v in seq):
        return _number_array(tuple(seq), bool((self.multiline and rl_config.pdfMultiLine) or self.multiline == "forced"))
    return _plain_array_format(self, document, IND)


pdfdoc.PDFArray.format = _array_format
PAGE_W, PAGE_H = A4
MARGIN = 16 * mm
QR_SIZE = 20 * mm
HEADER_FILL = colors.HexColor("#e8edf3")
RULE = colors.HexColor("#222222")
GRID = colors.HexColor("#555555")


@lru_cache(maxsize=1)
def styles() -> dict[str, ParagraphStyle]:
    register()
    base = dict(fontName=FONT, wordWrap="CJK")
    return {
        "title": ParagraphStyle("title", fontSize=19, leading=26, alignment=TA_CENTER, spaceAfter=6, **base),
        "heading": ParagraphStyle("heading", fontSize=13.5, leading=19, spaceBefore=6, spaceAfter=3, keepWithNext=1,
                                  **base),  # a heading never ends a page
        "body": ParagraphStyle("body", fontSize=12, leading=18, spaceAfter=4, **base),
        "cell": ParagraphStyle("cell", fontSize=10.5, leading=14, **base),
        "head": ParagraphStyle("head", fontSize=10.5, leading=13, alignment=TA_CENTER, **base),
        "small": ParagraphStyle("small", fontSize=9, leading=12, textColor=colors.HexColor("#444444"), **base),
    }


@lru_cache(maxsize=8)
def styles_no_keep(style: ParagraphStyle) -> ParagraphStyle:
    """STYLE without keep-with-next: for a heading over a long table that may itself run over pages
    (place a CondPageBreak before it so it never ends a page)."""
    return ParagraphStyle(f"{style.name}-free", parent=style, keepWithNext=0)


def esc(text: object) -> str:
    """Markup for a stored value: escaped, rare characters in the fallback font."""
    return markup(text)


def paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(esc(text).replace("\n", "<br/>"), style)


@lru_cache(maxsize=64)
def _sized(style: ParagraphStyle, size: float) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-{size}", parent=style, fontSize=size, leading=size * 1.25)


def fitted(text: object, avail_w: float, style: ParagraphStyle | None = None, max_h: float = 80 * mm) -> Paragraph:
    """A cell paragraph that is never taller than MAX_H: long values shrink, then are cut with
    "……（共 N 字）" so a 2,000-character note can never break the layout."""
    style = style or styles()["cell"]
    value = str(text if text is not None else "")
    lines_fit = max_h / style.leading
    if len(value) * style.fontSize <= avail_w * lines_fit * 0.9 and "\n" not in value:
        return Paragraph(esc(value), style)
    for size in (style.fontSize, 9, 8, 7):
        s = _sized(style, size) if size != style.fontSize else style
        p = Paragraph(esc(value).replace("\n", "<br/>"), s)
        if p.wrap(avail_w, max_h * 4)[1] <= max_h:
            return p
    s = _sized(style, 7)
    keep = int(len(value) * max_h / max(p.wrap(avail_w, max_h * 4)[1], 1) * 0.9)
    while keep > 0:
        p = Paragraph(esc(value[:keep]).replace("\n", "<br/>") + f"……（共 {len(value)} 字）", s)
        if p.wrap(avail_w, max_h * 4)[1] <= max_h:
            return p
        keep = int(keep * 0.85)
    return Paragraph("……", s)


class CheckBoxes(Flowable):
    """Drawn boxes with labels (☐同意 ☐不同意 ☐弃权): no glyph needed, ticks stay readable."""

    def __init__(self, labels: list[str], size: float = 10.5, box: float = 3.2 * mm, checked: str | None = None):
        super().__init__()
        self.labels, self.size, self.box, self.checked = labels, size, box, checked
        self.gap = 1.2 * mm

    def wrap(self, avail_w, avail_h):
        self._widths = [self.box + self.gap + text_width(label, self.size) for label in self.labels]
        total = sum(self._widths) + 2.5 * mm * (len(self.labels) - 1)
        if total > avail_w:  # stack vertically in a narrow column
            self._vertical = True
            self.width, self.height = max(self._widths), len(self.labels) * (self.size + 3)
        else:
            self._vertical = False
            self.width, self.height = total, self.size + 3
        return self.width, self.height

    def draw(self):
        c = self.canv
        x, y = 0, self.height - self.size - 1
        for label, w in zip(self.labels, self._widths):
            c.setLineWidth(0.8)
            c.setStrokeColor(colors.black)
            c.rect(x, y, self.box, self.box, stroke=1, fill=0)
            if label == self.checked:
                c.line(x + 0.6, y + self.box / 2, x + self.box / 2.5, y + 0.6)
                c.line(x + self.box / 2.5, y + 0.6, x + self.box - 0.4, y + self.box - 0.4)
            c.setFillColor(colors.black)
            draw_text(c, x + self.box + self.gap, y + 0.3, label, self.size)
            if self._vertical:
                y -= self.size + 3
            else:
                x += w + 2.5 * mm


class FillLine(Flowable):
    """A line of labels and blanks drawn as solid rules: FillLine(["委托人（签名）", 45*mm, "日期", 40*mm]).
    A number is a blank of that width (None: to the end of the line); wraps when the line is full."""

    def __init__(self, parts: list, size: float = 12, leading: float = 10 * mm, space_before: float = 0):
        super().__init__()
        self.parts, self.size, self.leading, self.space_before = parts, size, leading, space_before

    def _layout(self, avail_w: float) -> list[list[tuple]]:
        lines, line, x = [], [], 0.0
        for part in self.parts:
            if isinstance(part, str):
                w = text_width(part, self.size)
            else:
                w = (avail_w - x) if part is None else part
                w = max(w, 8 * mm)
            if x + w > avail_w + 0.1 and line:
                lines.append(line)
                line, x = [], 0.0
                if part is None:
                    w = avail_w
            line.append((part, x, w))
            x += w + (1 * mm if isinstance(part, str) else 1.5 * mm)
        if line:
            lines.append(line)
        return lines

    def wrap(self, avail_w, avail_h):
        self._lines = self._layout(avail_w)
        self.width, self.height = avail_w, len(self._lines) * self.leading + self.space_before
        return self.width, self.height

    def draw(self):
        c = self.canv
        c.setStrokeColor(RULE)
        c.setLineWidth(0.7)
        c.setFillColor(colors.black)
        for n, line in enumerate(self._lines):
            base = self.height - self.space_before - (n + 1) * self.leading + 2
            for part, x, w in line:
                if isinstance(part, str):
                    draw_text(c, x, base + 1, part, self.size)
                else:
                    c.line(x, base - 1, x + w, base - 1)


def grid_table(rows: list[list], widths: list[float], header_rows: int = 1, zebra: bool = False,
               label_cols: tuple[int, ...] = (), padding: float = 4) -> Table:
    """A ruled table; string cells become wrapped paragraphs that never outgrow a page. Only header
    rows and LABEL_COLS (printed labels) are shaded: cells meant for handwriting stay white."""
    s = styles()
    cells = []
    for r, row in enumerate(rows):
        out = []
        for c, cell in enumerate(row):
            if isinstance(cell, str):
                style = s["head"] if r < header_rows else s["cell"]
                cell = fitted(cell, widths[c] - 2 * 3, style, 60 * mm) if cell else ""
            out.append(cell)
        cells.append(out)
    table = Table(cells, colWidths=widths, repeatRows=header_rows, hAlign="LEFT")
    style = [("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTSIZE", (0, 0), (-1, -1), 10.5),
             ("GRID", (0, 0), (-1, -1), 0.6, GRID),
             ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
             ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
             ("TOPPADDING", (0, 0), (-1, -1), padding), ("BOTTOMPADDING", (0, 0), (-1, -1), padding)]
    if header_rows:
        style.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL))
    for c in label_cols:
        style.append(("BACKGROUND", (c, 0), (c, -1), HEADER_FILL))
    if zebra:
        style += [("BACKGROUND", (0, r), (-1, r), colors.HexColor("#f7f9fb"))
                  for r in range(header_rows + 1, len(rows), 2)]
    table.setStyle(TableStyle(style))
    return table


@dataclass(frozen=True)
class PageInfo:
    title: str
    project_line: str
    serial: str
    printed_on: str
    footer_note: str = ""  # no product name on what residents and officials read


@lru_cache(maxsize=4096)
def qr_modules(serial: str) -> tuple[tuple[bool, ...], ...]:
    """The QR matrix of the serial (reportlab's encoder). One fixed mask pattern: any mask gives a
    valid code, and trying all eight costs ~6 ms a page; drawn as one path, not a widget."""
    qr = QrCodeWidget(serial, barLevel="M").qr
    qr.version = qr.calculate_version()
    qr.makeImpl(False, 0)
    return tuple(tuple(bool(m) for m in row) for row in qr.modules)


def _draw_qr(canvas, modules, x: float, y: float, size: float, border: int = 1) -> None:
    box = size / (len(modules) + 2 * border)
    path = canvas.beginPath()
    for r, row in enumerate(modules):
        c = 0
        while c < len(row):
            if row[c]:
                start = c
                while c < len(row) and row[c]:
                    c += 1
                path.rect(x + (start + border) * box, y + size - (r + border + 1) * box, (c - start) * box, box)
            else:
                c += 1
    canvas.setFillColor(colors.black)
    canvas.drawPath(path, stroke=0, fill=1)


class Section(Flowable):
    """Marks where a section (its own serial and page count) starts; draws nothing."""

    def __init__(self, index: int):
        super().__init__()
        self.index = index
        self.width = self.height = 0

    def wrap(self, avail_w, avail_h):
        return 0, 0

    def draw(self):
        self.canv._section = self.index


def _fit_line(text: str, size: float, room: float) -> str:
    if text_width(text, size) <= room:
        return text
    while text and text_width(text + "…", size) > room:
        text = text[:-1]
    return text + "…"


class NumberedCanvas(pdfcanvas.Canvas):
    """Draws header and footer after the last page is known, for "page x/y" within each section."""

    infos: list[PageInfo] = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pages = []
        self._section = 0
        seed(self._doc, self.infos[0].title)

    def showPage(self):
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        learn(self._doc, self.infos[0].title)
        counts: dict[int, int] = {}
        for state in self._pages:
            counts[state["_section"]] = counts.get(state["_section"], 0) + 1
        seen: dict[int, int] = {}
        for state in self._pages:
            self.__dict__.update(state)
            seen[self._section] = seen.get(self._section, 0) + 1
            self._decorate(self.infos[self._section], seen[self._section], counts[self._section])
            super().showPage()
        self.section_pages = [counts.get(n, 0) for n in range(len(self.infos))]
        super().save()

    def _decorate(self, info: PageInfo, page: int, total: int) -> None:
        self.setFillColor(colors.HexColor("#333333"))
        top = PAGE_H - MARGIN + 4 * mm
        draw_text(self, MARGIN, top, _fit_line(info.project_line, 9, PAGE_W - 2 * MARGIN - QR_SIZE - 4 * mm), 9)
        _draw_qr(self, qr_modules(info.serial), PAGE_W - MARGIN - QR_SIZE, PAGE_H - MARGIN - QR_SIZE + 8 * mm, QR_SIZE)
        self.setFillColor(colors.HexColor("#333333"))
        self.setFont(FONT, 9)
        self.drawRightString(PAGE_W - MARGIN, PAGE_H - MARGIN - QR_SIZE + 5 * mm, info.serial)
        self.setStrokeColor(colors.HexColor("#999999"))
        self.setLineWidth(0.5)
        self.line(MARGIN, MARGIN - 3 * mm, PAGE_W - MARGIN, MARGIN - 3 * mm)
        self.drawString(MARGIN, MARGIN - 8 * mm, f"第 {page}/{total} 页    编号 {info.serial}    打印日期 {info.printed_on}")
        self.drawRightString(PAGE_W - MARGIN, MARGIN - 8 * mm, info.footer_note)


def render_sections(sections: list[tuple[PageInfo, list]]) -> tuple[bytes, list[int]]:
    """One PDF of several sections, each starting on a new page: the bytes and each one's pages."""
    from reportlab.platypus import PageBreak

    register()
    story: list = []
    for n, (_, part) in enumerate(sections):
        if n:
            story.append(PageBreak())
        story.append(Section(n))
        story += part
    buffer = io.BytesIO()
    first = sections[0][0]
    doc = BaseDocTemplate(buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                          topMargin=MARGIN + 14 * mm, bottomMargin=MARGIN, title=first.title,
                          author="LiftDesk", subject=first.serial, creator="LiftDesk", invariant=0)
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    made: list = []

    def maker(*args, **kwargs):
        canvas = type("Canvas", (NumberedCanvas,), {"infos": [info for info, _ in sections]})(*args, **kwargs)
        made.append(canvas)
        return canvas
    try:
        doc.build(story, canvasmaker=maker)
    except LayoutError as exc:  # a last guard: a clear message, never a traceback
        raise LiftDeskError("document.layout", title=first.title, reason=str(exc)[:120]) from None
    return buffer.getvalue(), made[-1].section_pages


def render(info: PageInfo, story: list) -> tuple[bytes, int]:
    """The PDF bytes and the page count of a single-section document."""
    data, pages = render_sections([(info, story)])
    return data, pages[0]


def write_atomic(path: str | Path, data: bytes, sync: bool = False) -> Path:
    """Write next to the target and rename: no half-written PDF is ever left behind. SYNC forces it
    to disk first (one file the user waits for); a batch skips it and syncs the folder once."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.stem[:40]}-", suffix=".part")
    except OSError as exc:
        raise LiftDeskError("document.unwritable", path=str(target.parent), reason=exc.strerror or str(exc)) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if sync:
                fh.flush()
                os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise LiftDeskError("document.unwritable", path=str(target), reason=exc.strerror or str(exc)) from None
    return target


def sync_folder(folder: str | Path) -> None:
    """One fsync of a folder after a batch of renames (POSIX); harmless where unsupported."""
    try:
        fd = os.open(str(folder), os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
