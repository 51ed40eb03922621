"""The main window's pages, each inside a scroll area: at large type on a small screen a page
scrolls instead of pushing the window off the screen. Callers still deal in pages, not wrappers."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QStackedWidget, QWidget


class PageStack(QStackedWidget):
    def addWidget(self, page: QWidget) -> int:  # noqa: N802 - Qt's name
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(page)
        return super().addWidget(area)

    def setCurrentWidget(self, page: QWidget) -> None:  # noqa: N802
        super().setCurrentWidget(self._wrapper(page))

    def currentWidget(self) -> QWidget | None:  # noqa: N802
        area = super().currentWidget()
        return area.widget() if isinstance(area, QScrollArea) else area

    def indexOf(self, page: QWidget) -> int:  # noqa: N802
        return super().indexOf(self._wrapper(page))

    def page(self, index: int) -> QWidget | None:
        area = self.widget(index)
        return area.widget() if isinstance(area, QScrollArea) else area

    @staticmethod
    def _wrapper(page: QWidget) -> QWidget:
        parent = page.parentWidget()  # the scroll area's viewport
        area = parent.parentWidget() if parent is not None else None
        return area if isinstance(area, QScrollArea) else page
