"""Previous / next through a long list a page at a time (a chart's 270 streets, a funnel's
thousands of units): only the page shown is drawn or looked up. Hidden while one page holds all."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget


class Pager(QWidget):
    changed = Signal(int)  # the first row of the page now shown

    def __init__(self, page_size: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.page_size, self.total, self.offset = page_size, 0, 0
        self.previous = QPushButton(self.tr("◀ 上一页"))
        self.next = QPushButton(self.tr("下一页 ▶"))
        self.label = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.previous)
        layout.addWidget(self.label)
        layout.addWidget(self.next)
        layout.addStretch()
        self.previous.clicked.connect(lambda: self.go(self.offset - self.page_size))
        self.next.clicked.connect(lambda: self.go(self.offset + self.page_size))
        self.set_total(0)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))

    def set_total(self, total: int, offset: int = 0) -> None:
        self.total = total
        self._show(offset)

    def go(self, offset: int) -> None:
        self._show(offset)
        self.changed.emit(self.offset)

    def _show(self, offset: int) -> None:
        self.offset = max(0, min(offset, (self.pages - 1) * self.page_size))
        page = self.offset // self.page_size + 1
        self.label.setText(self.tr("第 {first}–{last} 项，共 {total} 项（第 {page}/{pages} 页）").format(
            first=self.offset + 1 if self.total else 0, last=min(self.offset + self.page_size, self.total),
            total=self.total, page=page, pages=self.pages))
        self.previous.setEnabled(page > 1)
        self.next.setEnabled(page < self.pages)
        self.setVisible(self.total > self.page_size)
