"""Fitting windows to the screen they open on. Helpers' laptops are often 1366×768 and many use
large type, so every top-level window and dialog passes through `fit_window()` when it is first
shown (an application-wide filter installed by `install()`): it is never larger than the
available screen and never placed off it. Dialogs with long forms put their body in
`scroll_body()` so their minimum size stays small whatever the font."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QFrame, QLayout, QScrollArea, QWidget

_override: QSize | None = None
FRAME_GUESS = QSize(8, 38)  # a window manager's title bar and borders, before the frame is known


def set_screen_size(size: QSize | None) -> None:
    """Pretend the screen is this size (--screenshot --size, and tests of small screens)."""
    global _override
    _override = QSize(size) if size is not None else None


def available_geometry(widget: QWidget | None = None) -> QRect:
    if _override is not None:
        return QRect(QPoint(0, 0), _override)
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen else QRect(0, 0, 1366, 768)


def _frame_extra(window: QWidget) -> QSize:
    frame, inner = window.frameGeometry(), window.geometry()
    extra = QSize(frame.width() - inner.width(), frame.height() - inner.height())
    return extra if extra.height() > 0 else FRAME_GUESS


def fit_size(window: QWidget, preferred: QSize | None = None) -> QSize:
    """The size a window gets: what it asks for, bounded by the screen less its frame."""
    area, extra = available_geometry(window), _frame_extra(window)
    wanted = QSize(preferred) if preferred is not None else window.size()
    wanted = wanted.expandedTo(window.minimumSizeHint())
    return wanted.boundedTo(QSize(area.width() - extra.width(), area.height() - extra.height()))


def fit_window(window: QWidget, preferred: QSize | None = None) -> None:
    """Resize to fit the screen and move fully onto it (centred on its parent when it has one)."""
    area, extra = available_geometry(window), _frame_extra(window)
    size = fit_size(window, preferred)
    if size != window.size():
        window.resize(size)
    parent = window.parentWidget().window() if window.parentWidget() else None
    centre = parent.geometry().center() if parent is not None and parent.isVisible() else area.center()
    x = centre.x() - (size.width() + extra.width()) // 2
    y = centre.y() - (size.height() + extra.height()) // 2
    x = max(area.left(), min(x, area.right() + 1 - size.width() - extra.width()))
    y = max(area.top(), min(y, area.bottom() + 1 - size.height() - extra.height()))
    window.move(x, y)


def scroll_body(content: QWidget | QLayout) -> QScrollArea:
    """A frameless scroll area around a dialog's form: it scrolls only when the screen is too small."""
    if isinstance(content, QLayout):
        holder = QWidget()
        holder.setLayout(content)
        content = holder
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    area.setWidget(content)
    return area


class _Fitter(QObject):
    """Fits each top-level window the first time it is shown."""

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Show and isinstance(obj, QWidget) and obj.isWindow() \
                and not obj.property("liftdesk_fitted") \
                and obj.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog):
            obj.setProperty("liftdesk_fitted", True)
            fit_window(obj, obj.size().expandedTo(obj.sizeHint()))
        return False


_fitter: _Fitter | None = None


def install(app: QApplication) -> None:
    global _fitter
    if _fitter is None:
        _fitter = _Fitter(app)
        app.installEventFilter(_fitter)
