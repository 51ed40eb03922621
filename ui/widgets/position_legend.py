"""What the roster's row colours mean, in one compact line under the table (the long note is a
tooltip): at 20 pt it must not take the roster's rows away."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from liftdesk.consent import positions

from ..colors import POSITION_COLORS


class PositionLegend(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 1, 0, 1)
        layout.setSpacing(3)
        layout.addWidget(QLabel(self.tr("颜色：")))
        note_text = self.tr("“（书面）”为签字的书面意见，其余为口头意向；"
                            "有条件支持在预测中按支持计，在法定结论中不计为同意")
        self.swatches: dict[str, QLabel] = {}
        for code in ("support", "oppose", "abstain", "conditional", "none"):
            swatch = QLabel(positions.label(positions.POSITIONS, code))
            swatch.setStyleSheet(f"background: {POSITION_COLORS[code].name()}; border: 1px solid #9aa5b1;"
                                 " padding: 0px 3px;")
            swatch.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            swatch.setToolTip(note_text)
            self.swatches[code] = swatch
            layout.addWidget(swatch)
        self.note = QLabel(self.tr("（书面）= 签字"))
        self.note.setToolTip(note_text)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.setToolTip(note_text)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def resizeEvent(self, event) -> None:
        """The note goes (it stays a tooltip) rather than being cut when the line is too narrow."""
        super().resizeEvent(event)
        self.note.setVisible(self.width() >= self.layout().sizeHint().width() + (
            0 if self.note.isVisible() else self.note.sizeHint().width() + self.layout().spacing()))
