"""Preview a generated PDF inside the app (QtPdf), print it through the system dialog, or save it."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from .. import messages
from ..pdf_printer import render_pdf
from ..save_paths import ask_save_path


class PreviewDialog(QDialog):
    def __init__(self, pdf: Path, serial: str, parent: QWidget | None = None, db_path: Path | None = None):
        super().__init__(parent)
        self.pdf = Path(pdf)
        self.db_path = db_path  # "save as" never lands on it, its WAL or its backups
        self.setWindowTitle(self.tr("预览 — {name}").format(name=self.pdf.name))
        self.resize(820, 900)
        self.document = QPdfDocument(self)
        self.document.load(str(self.pdf))
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.info = QLabel(self.tr("编号 {serial}，共 {n} 页").format(serial=serial, n=self.document.pageCount()))
        self.print_button = QPushButton(self.tr("打印…"))
        self.save_button = QPushButton(self.tr("另存为 PDF…"))
        close = QPushButton(self.tr("关闭"))
        self.print_button.clicked.connect(self.print_pdf)
        self.save_button.clicked.connect(self.save_as)
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.info)
        row.addStretch()
        for b in (self.print_button, self.save_button, close):
            row.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)

    def save_as(self) -> Path | None:
        target = ask_save_path(self, self.db_path, self.tr("另存为 PDF"), self.pdf.name, "PDF (*.pdf)", (".pdf",))
        if not target:
            return None
        try:
            shutil.copyfile(self.pdf, target)
        except OSError as exc:
            messages.error(self, self.tr("无法保存：{reason}").format(reason=exc.strerror or str(exc)))
            return None
        return Path(target)

    def print_pdf(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.render_to(printer)

    def render_to(self, printer: QPrinter) -> int:
        """Paint each page at the printer's resolution; returns the pages sent."""
        sent = render_pdf(self.pdf, printer)
        if not sent and self.document.pageCount():
            messages.error(self, self.tr("无法开始打印，请检查打印机。"))
        return sent
