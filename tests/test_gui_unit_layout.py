"""Must-show: the unit page on a 1366×768 screen at 20 pt and 16 pt. At 20 pt at least 8 roster
rows are in view without scrolling the page, with room, owner, current position and phone whole;
no label of the verdict panel is cut (each text fits its width, or wraps into the height it has).
At 16 pt the spoken-word hint and the first 建议走访 entry are in view too."""

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QScrollArea

from liftdesk.consent import positions
from liftdesk.places import registry
from liftdesk.people import ownership
from liftdesk.common.settings import Settings
from ui import screen
from ui.app import init_app
from ui.main_window import MainWindow
from ui.models.households import HouseholdTableModel


@pytest.fixture
def page_at(qtbot, store, unit, tmp_path):
    """The main window on a 1366×768 screen at the given type size, showing a unit that has not
    passed yet (so there is someone to visit) and whose 302 said yes only by phone."""
    rows = registry.unit_households(store, unit)
    for n, row in enumerate(rows):
        ownership.set_owners(store, row.id, [f"业主{n}号"], f"1381234{n:04d}")
        if n < 6:
            positions.record_position(store, row.id, "支持", on_date="2024-03-01", written=True, form_no=f"F{n}")
    spoken = next(r for r in rows if r.room == "302")
    positions.record_position(store, spoken.id, "支持", method="phone", on_date="2024-03-02")
    windows = []

    def make(points: int):
        init_app("zh", points)
        screen.set_screen_size(QSize(1366, 768))
        w = MainWindow(store, Settings(tmp_path / f"settings{points}.json"))
        qtbot.addWidget(w)
        w.resize(1366, 768)
        w.show()
        qtbot.waitExposed(w)
        w.open_unit(unit)
        w.unit_page.select_room("302")
        qtbot.wait(30)
        QApplication.processEvents()
        windows.append(w)
        return w, w.unit_page

    yield make
    screen.set_screen_size(None)
    init_app("zh", 12)


def _visible_in_window(widget) -> QRect:
    """The part of a widget the user can see: clipped by every scroll area and the window."""
    rect = QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea) or parent.isWindow():
            view = parent.viewport() if isinstance(parent, QScrollArea) else parent
            rect &= QRect(view.mapTo(widget.window(), QPoint(0, 0)), view.size())
        parent = parent.parentWidget()
    return rect


def _fully_visible_rows(page) -> int:
    table = page.table
    view = _visible_in_window(table.viewport())
    shown = 0
    for row in range(page.proxy.rowCount()):
        rect = table.visualRect(page.proxy.index(row, 0))
        top_left = table.viewport().mapTo(table.window(), rect.topLeft())
        if view.contains(QRect(top_left, rect.size()).adjusted(0, 0, 0, -1)):
            shown += 1
    return shown


def _columns_readable(page, names):
    """Each named column is wide enough for its widest text and lies within the visible roster."""
    table, header = page.table, page.table.horizontalHeader()
    view = table.viewport().rect()
    for name in names:
        column = HouseholdTableModel.COLUMNS.index(name)
        assert header.sectionSize(column) >= table.sizeHintForColumn(column) - 1, name
        left = header.sectionViewportPosition(column)
        assert left >= 0 and left + header.sectionSize(column) <= view.width(), name


def _clipped_labels(panel) -> list[str]:
    """Texts of the verdict panel that do not fit where they are shown."""
    body = panel.widget()
    width = panel.viewport().width()
    bad = []
    for widget in body.findChildren(QLabel) + body.findChildren(QAbstractButton):
        if not widget.isVisible() or not widget.text():
            continue
        if widget.geometry().right() > width:  # runs off the panel to the right
            bad.append(widget.text())
        elif isinstance(widget, QLabel) and widget.wordWrap():
            if widget.height() < widget.heightForWidth(widget.width()) - 1:
                bad.append(widget.text())
            longest = max(widget.fontMetrics().horizontalAdvance(word) for word in widget.text().split())
            if not any("\u4e00" <= ch <= "\u9fff" for ch in widget.text()) and longest > widget.width():
                bad.append(widget.text())
        elif widget.fontMetrics().horizontalAdvance(widget.text().replace("&", "")) > widget.width():
            bad.append(widget.text())
    return bad


def test_at_20_pt_eight_roster_rows_and_the_whole_verdict(page_at):
    window, page = page_at(20)
    assert window.width() <= 1366 and window.height() <= 768
    assert _fully_visible_rows(page) >= 8
    _columns_readable(page, ("room", "owners", "position", "phones"))
    assert _clipped_labels(page.verdict) == []
    outer = page.parentWidget().parentWidget()  # the page never scrolls by itself
    assert isinstance(outer, QScrollArea) and not outer.verticalScrollBar().isVisible()
    assert not outer.horizontalScrollBar().isVisible()
    legend = page.legend
    assert legend.height() <= 2 * legend.fontMetrics().height()  # one compact line
    assert all(_visible_in_window(s).width() == s.width() for s in legend.swatches.values())


def test_at_16_pt_the_next_step_is_in_view(page_at):
    window, page = page_at(16)
    assert _fully_visible_rows(page) >= 8
    _columns_readable(page, ("room", "owners", "position", "phones", "area", "occupancy"))
    hint = page.spoken_hint
    assert hint.isVisible() and "302" in hint.text() and "Shift+1–5" in hint.text()
    assert _visible_in_window(hint).height() >= hint.heightForWidth(hint.width()) - 1
    panel = page.verdict
    assert panel.visit_view.isVisible() and panel.visit_model.rowCount() >= 1
    first = panel.visit_view.visualRect(panel.visit_model.index(0))
    seen = _visible_in_window(panel.visit_view.viewport())
    top_left = panel.visit_view.viewport().mapTo(window, first.topLeft())
    assert seen.contains(QRect(top_left, first.size()).adjusted(0, 0, 0, -1)), (seen, first)
    assert _visible_in_window(panel.visit_title).height() == panel.visit_title.height()
    assert _clipped_labels(panel) == []


def test_after_20_then_16_pt_in_settings_the_page_is_as_at_16_pt(page_at, qtbot, monkeypatch):
    from PySide6.QtCore import Qt

    from ui.dialogs import settings_dialog

    window, page = page_at(20)

    def exec_(dialog):  # the real settings dialog, keyed: the size field, 16, Enter
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.font_size.setFocus()
        dialog.font_size.selectAll()
        qtbot.keyClicks(dialog.font_size, "16")
        qtbot.keyClick(dialog.font_size, Qt.Key.Key_Return)
        return dialog.result()
    monkeypatch.setattr(settings_dialog.SettingsDialog, "exec", exec_)
    window.open_settings()
    qtbot.wait(50)
    QApplication.processEvents()
    assert page.font().pointSize() == 16
    em = page.fontMetrics().horizontalAdvance("中")
    assert page.verdict.width() <= 20 * em
    assert _fully_visible_rows(page) >= 8
    _columns_readable(page, ("room", "owners", "position", "phones", "area", "occupancy"))
    panel = page.verdict
    first = panel.visit_view.visualRect(panel.visit_model.index(0))
    seen = _visible_in_window(panel.visit_view.viewport())
    assert seen.contains(QRect(panel.visit_view.viewport().mapTo(window, first.topLeft()), first.size()).adjusted(0, 0, 0, -1))
    assert _clipped_labels(panel) == []
