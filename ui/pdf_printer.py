"""Sending a PDF to a printer with Qt: each page painted at the printer's resolution. The preview
dialog and the batch print both use it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter


def render_pdf(pdf: Path, printer: QPrinter) -> int:
    """Paint every page of a PDF on the printer at its resolution; returns the pages sent."""
    document = QPdfDocument()
    document.load(str(pdf))
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        for n in range(document.pageCount()):
            if n:
                printer.newPage()
            size = document.pagePointSize(n).toSize()
            scale = min(area.width() / size.width(), area.height() / size.height())
            painter.drawImage(0, 0, document.render(n, QSize(int(size.width() * scale), int(size.height() * scale))))
    finally:
        painter.end()
    return document.pageCount()
