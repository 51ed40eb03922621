"""Position colours, shared by the roster, the building view and the overview."""

from PySide6.QtGui import QColor

POSITION_COLORS = {
    "support": QColor("#c8e6c9"),
    "oppose": QColor("#ffcdd2"),
    "abstain": QColor("#e0e0e0"),
    "conditional": QColor("#ffe0b2"),
    "none": QColor("#ffffff"),
}
STATUS_COLORS = {"passed": QColor("#c8e6c9"), "close": QColor("#fff59d"), "opposed": QColor("#ffcdd2"),
                 "far": QColor("#ffffff")}
