"""Fonts and the small stylesheet: the bundled CJK font, a size older helpers can read, and check
boxes and radio buttons that grow with that size (indicator size from the font's metrics)."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QApplication

from liftdesk.common.resources import CJK_FONT_FAMILY, cjk_font_path

log = logging.getLogger(__name__)

STYLE = """
QLabel#pageTitle { font-size: %(title)dpt; font-weight: bold; padding: 4px 0; }
QFrame#card { border: 1px solid #c8d0da; border-radius: 6px; background: #f7f9fb; }
QLabel#cardNumber { font-size: %(number)dpt; font-weight: bold; color: #1f5f9e; }
QCheckBox::indicator, QRadioButton::indicator, QAbstractItemView::indicator, QGroupBox::indicator
    { width: %(indicator)dpx; height: %(indicator)dpx; }
"""



def indicator_size(font: QFont) -> int:
    """Check box and radio button size from the font's line height, never below Qt's usual 13 px."""
    return max(13, round(QFontMetrics(font).height() * 0.75))


def register_cjk_font() -> str:
    """Register the bundled font, so Chinese renders on a machine that has no Chinese fonts."""
    font_id = QFontDatabase.addApplicationFont(str(cjk_font_path()))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.warning("bundled CJK font could not be loaded")
        return ""
    return CJK_FONT_FAMILY if CJK_FONT_FAMILY in families else families[0]


def apply_font_size(points: int, family: str | None = None) -> None:
    app = QApplication.instance()
    font = QFont(app.font())
    if family:
        font.setFamilies([family])
    font.setPointSize(points)
    app.setFont(font)
    app.setStyleSheet(STYLE % {"title": points + 6, "number": points + 10, "indicator": indicator_size(font)})
