"""A page layout that fills the window's height. The main window puts each page in a scroll area;
a scroll area sizes a page whose layout has height-for-width (any word-wrapped label) by the
page's *preferred* height, so a page with a tall table scrolled by itself at large type and cut
its last rows and buttons. With this layout the page gets the window's height (more only when its
minimum needs it) and its tables scroll inside."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout


class FillingLayout(QVBoxLayout):
    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return False
