"""A plain bar chart drawn with QPainter: values on the bars, labels slanted when crowded."""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
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
        slot_width = (self.width() - 16) / max(len(self.values), 1)
        # Labels wrap between words (CJK between characters), never inside an English word. When a
        # word is wider than its bar's slot, the labels get a smaller type (down to 70 %), and past
        # that they are slanted, with room below for the longest one.
        label_font = QFont(self.font())
        longest_word = max((metrics.horizontalAdvance(w) for label in self.labels for w in label.split()
                            if w.isascii()), default=0)
        crowded = len(self.labels) > 8
        if not crowded and longest_word > slot_width * 0.95:
            scale = slot_width * 0.95 / longest_word
            if scale >= 0.7:
                label_font.setPointSizeF(self.font().pointSizeF() * scale)
            else:
                crowded = True
        label_metrics = QFontMetrics(label_font)
        if crowded:
            longest = max((label_metrics.horizontalAdvance(label) for label in self.labels), default=0)
            bottom_space = min(self.height() * 0.4, longest * math.sin(math.radians(35)) + line * 1.5)
        else:
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
        room = (bottom_space - line) / math.sin(math.radians(35))  # length a slanted label may take
        for n, (label, value) in enumerate(zip(self.labels, self.values)):
            height = (area.height() - line) * value / top
            bar = QRectF(area.left() + n * slot + slot * 0.15, area.bottom() - height, slot * 0.7, height)
            painter.fillRect(bar, QColor("#1f5f9e"))
            painter.setPen(QColor("#212121"))
            painter.setFont(self.font())
            painter.drawText(QRectF(bar.left() - 10, bar.top() - line, bar.width() + 20, line),
                             Qt.AlignmentFlag.AlignCenter, str(value))
            painter.setFont(label_font)
            if crowded:
                painter.save()
                painter.translate(bar.center().x(), area.bottom() + 4)
                painter.rotate(35)
                painter.drawText(0, line - 4, label_metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(room)))
                painter.restore()
            else:  # long labels wrap onto a second line rather than clip
                painter.drawText(QRectF(area.left() + n * slot, area.bottom() + 2, slot, line * 2.4),
                                 int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                                     | Qt.TextFlag.TextWordWrap), label)
        painter.end()
