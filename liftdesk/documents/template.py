"""The shared page: A4, a header with the project line and a QR code of the serial, a footer
with page x/y, serial and print date; styles in large, CJK-wrapped type for older readers."""

from __future__ import annotations

import io
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Table, TableStyle

from ..i18n import LiftDeskError
from .fonts import FONT, register

rl_config.useA85 = 0  # raw compressed streams: smaller and faster than ASCII85 text
PAGE_W, PAGE_H = A4
MARGIN = 16 * mm
QR_SIZE = 20 * mm


def styles() -> dict[str, ParagraphStyle]:
    register()
    base = dict(fontName=FONT, wordWrap="CJK")
    return {
        "title": ParagraphStyle("title", fontSize=19, leading=26, alignment=TA_CENTER, spaceAfter=6, **base),
        "heading": ParagraphStyle("heading", fontSize=13.5, leading=19, spaceBefore=6, spaceAfter=3, **base),
        "body": ParagraphStyle("body", fontSize=12, leading=18, spaceAfter=4, **base),
        "cell": ParagraphStyle("cell", fontSize=10.5, leading=14, **base),
        "small": ParagraphStyle("small", fontSize=9, leading=12, textColor=colors.HexColor("#444444"), **base),
    }


def esc(text: object) -> str:
    return str(text if text is not None else "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class CheckBoxes(Flowable):
    """Drawn boxes with labels (☐同意 ☐不同意 ☐弃权): no glyph needed, ticks stay readable."""

    def __init__(self, labels: list[str], size: float = 10.5, box: float = 3.2 * mm, checked: str | None = None):
        super().__init__()
        self.labels, self.size, self.box, self.checked = labels, size, box, checked
        self.gap = 1.2 * mm

    def wrap(self, avail_w, avail_h):
        from reportlab.pdfbase.pdfmetrics import stringWidth

        self._widths = [self.box + self.gap + stringWidth(label, FONT, self.size) for label in self.labels]
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
        c.setFont(FONT, self.size)
        x, y = 0, self.height - self.size - 1
        for label, w in zip(self.labels, self._widths):
            c.setLineWidth(0.8)
            c.rect(x, y, self.box, self.box, stroke=1, fill=0)
            if label == self.checked:
                c.line(x + 0.6, y + self.box / 2, x + self.box / 2.5, y + 0.6)
                c.line(x + self.box / 2.5, y + 0.6, x + self.box - 0.4, y + self.box - 0.4)
            c.drawString(x + self.box + self.gap, y + 0.3, label)
            if self._vertical:
                y -= self.size + 3
            else:
                x += w + 2.5 * mm


def grid_table(rows: list[list], widths: list[float], header_rows: int = 1, zebra: bool = True) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=header_rows)
    style = [("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTSIZE", (0, 0), (-1, -1), 10.5),
             ("GRID", (0, 0), (-1, -1), 0.6, colors.HexColor("#555555")),
             ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
             ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#e8edf3")),
             ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]
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
    footer_note: str = "LiftDesk 加梯工作台"


def qr_modules(serial: str) -> list[list[bool]]:
    """The QR matrix of the serial (reportlab's encoder); drawn as one path, it costs ~1 ms a page
    where the graphics widget costs ~30."""
    widget = QrCodeWidget(serial, barLevel="M")
    widget.qr.make()
    return [[bool(m) for m in row] for row in widget.qr.modules]


def _draw_qr(canvas, modules: list[list[bool]], x: float, y: float, size: float, border: int = 1) -> None:
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


def _numbered_canvas(info: PageInfo):
    qr = qr_modules(info.serial)

    class NumberedCanvas(pdfcanvas.Canvas):
        """Draws header and footer after the last page is known, for "page x/y"."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            self.setFont(FONT, 9)
            self.setFillColor(colors.HexColor("#333333"))
            top = PAGE_H - MARGIN + 4 * mm
            self.drawString(MARGIN, top, info.project_line[:80])
            _draw_qr(self, qr, PAGE_W - MARGIN - QR_SIZE, PAGE_H - MARGIN - QR_SIZE + 8 * mm, QR_SIZE)
            self.setFillColor(colors.HexColor("#333333"))
            self.drawRightString(PAGE_W - MARGIN, PAGE_H - MARGIN - QR_SIZE + 5 * mm, info.serial)
            self.setStrokeColor(colors.HexColor("#999999"))
            self.line(MARGIN, MARGIN - 3 * mm, PAGE_W - MARGIN, MARGIN - 3 * mm)
            footer = f"第 {self._pageNumber}/{total} 页    编号 {info.serial}    打印日期 {info.printed_on}"
            self.drawString(MARGIN, MARGIN - 8 * mm, footer)
            self.drawRightString(PAGE_W - MARGIN, MARGIN - 8 * mm, info.footer_note)

    return NumberedCanvas


def render(info: PageInfo, story: list) -> tuple[bytes, int]:
    """The PDF bytes and the page count."""
    register()
    buffer = io.BytesIO()
    doc = BaseDocTemplate(buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                          topMargin=MARGIN + 14 * mm, bottomMargin=MARGIN, title=info.title,
                          author="LiftDesk", subject=info.serial, creator="LiftDesk")
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(story, canvasmaker=_numbered_canvas(info))
    return buffer.getvalue(), doc.page


def write_atomic(path: str | Path, data: bytes) -> Path:
    """Write next to the target and rename: no half-written PDF is ever left behind."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.stem}-", suffix=".part")
    except OSError as exc:
        raise LiftDeskError("document.unwritable", path=str(target.parent), reason=exc.strerror or str(exc)) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except OSError as exc:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise LiftDeskError("document.unwritable", path=str(target), reason=exc.strerror or str(exc)) from None
    return target


def paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(esc(text).replace("\n", "<br/>"), style)
