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

    def _value_font(self, slot: float) -> QFont:
        """The values' type, smaller (down to 55 %) when the widest value would not fit its bar's
        slot with a gap on each side, as at 20 pt with many bars."""
        font = QFont(self.font())
        widest = max((QFontMetrics(font).horizontalAdvance(str(v)) for v in self.values), default=0)
        room = slot * 0.9
        if widest > room > 0:
            font.setPointSizeF(max(self.font().pointSizeF() * room / widest, self.font().pointSizeF() * 0.55))
        return font

    def value_rects(self) -> list[tuple[float, float]]:
        """Left and right of each drawn value (for tests: neighbours must not touch)."""
        slot = (self.width() - 16) / max(len(self.values), 1)
        metrics = QFontMetrics(self._value_font(slot))
        spans = []
        for n, value in enumerate(self.values):
            centre = 8 + n * slot + slot / 2
            half = metrics.horizontalAdvance(str(value)) / 2
            spans.append((centre - half, centre + half))
        return spans

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
        value_font = self._value_font(slot)
        room = (bottom_space - line) / math.sin(math.radians(35))  # length a slanted label may take
        for n, (label, value) in enumerate(zip(self.labels, self.values)):
            height = (area.height() - line) * value / top
            bar = QRectF(area.left() + n * slot + slot * 0.15, area.bottom() - height, slot * 0.7, height)
            painter.fillRect(bar, QColor("#1f5f9e"))
            painter.setPen(QColor("#212121"))
            painter.setFont(value_font)  # within its own slot: neighbouring values never touch
            painter.drawText(QRectF(area.left() + n * slot, bar.top() - line, slot, line),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, str(value))
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
