"""What the roster's row colours mean, in one line under the table."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from liftdesk.consent import positions

from ..colors import POSITION_COLORS


class PositionLegend(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.addWidget(QLabel(self.tr("颜色：")))
        self.swatches: dict[str, QLabel] = {}
        for code in ("support", "oppose", "abstain", "conditional", "none"):
            swatch = QLabel(positions.label(positions.POSITIONS, code))
            swatch.setStyleSheet(f"background: {POSITION_COLORS[code].name()}; border: 1px solid #9aa5b1;"
                                 " padding: 1px 6px;")
            self.swatches[code] = swatch
            layout.addWidget(swatch)
        note = QLabel(self.tr("“（书面）”为签字的书面意见，其余为口头意向；"
                              "有条件支持在预测中按支持计，在法定结论中不计为同意"))
        note.setWordWrap(True)
        layout.addWidget(note, 1)
