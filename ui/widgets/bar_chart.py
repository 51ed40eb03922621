"""A plain bar chart drawn with QPainter: values on the bars, labels slanted when crowded."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QWidget


class BarChart(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title, self.labels, self.values = "", [], []
        self.setMinimumHeight(220)

    def sizeHint(self) -> QSize:
        return QSize(600, 260)

    def set_data(self, title: str, labels: list[str], values: list[int]) -> None:
        self.title, self.labels, self.values = title, list(labels), list(values)
        self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        crowded = len(self.labels) > 8
        bottom_space = line * 3
        area = QRectF(8, line * 1.8, self.width() - 16, self.height() - line * 1.8 - bottom_space)
        painter.drawText(QRectF(0, 0, self.width(), line * 1.5), Qt.AlignmentFlag.AlignCenter, self.title)
        painter.setPen(QPen(QColor("#9aa5b1")))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        if not self.values:
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self.tr("（无数据）"))
            return
        top = max(max(self.values), 1)
        slot = area.width() / len(self.values)
        for n, (label, value) in enumerate(zip(self.labels, self.values)):
            height = (area.height() - line) * value / top
            bar = QRectF(area.left() + n * slot + slot * 0.15, area.bottom() - height, slot * 0.7, height)
            painter.fillRect(bar, QColor("#1f5f9e"))
            painter.setPen(QColor("#212121"))
            painter.drawText(QRectF(bar.left() - 10, bar.top() - line, bar.width() + 20, line),
                             Qt.AlignmentFlag.AlignCenter, str(value))
            if crowded:
                painter.save()
                painter.translate(bar.center().x(), area.bottom() + 4)
                painter.rotate(35)
                painter.drawText(0, line - 4, label)
                painter.restore()
            else:  # long labels wrap onto a second line rather than clip
                painter.drawText(QRectF(area.left() + n * slot, area.bottom() + 2, slot, line * 2.4),
                                 int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                                     | Qt.TextFlag.TextWrapAnywhere), label)
        painter.end()
