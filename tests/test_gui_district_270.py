"""pytest-qt: the district page with 270 streets at 1366×768 (#24): the street chart a page of
bars at a time, the funnel's 全区合计 pinned under its table and whole, its lists a page at a time."""

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from liftdesk.common.settings import Settings
from liftdesk.places import registry
from liftdesk.store import open_store
from ui import screen
from ui.app import init_app
from ui.main_window import MainWindow
from ui.pages import district_page


@pytest.fixture
def city(qtbot, small_district, tmp_path):
    store = open_store(small_district, actor="t")
    district = registry.default_district(store)
    have = store.db.execute("SELECT count(*) FROM street WHERE deleted = 0").fetchone()[0]
    for n in range(270 - have):
        registry.add_street(store, district, f"{n // 18 + 2:02d}区第{n % 18 + 1}街道")
    init_app("zh", 16)
    screen.set_screen_size(QSize(1366, 768))
    w = MainWindow(store, Settings(tmp_path / "settings.json"))
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    w.show_district()
    QApplication.processEvents()
    yield w
    screen.set_screen_size(None)
    init_app("zh", 12)
    store.close()


def _whole(view, row, column):
    """The cell's text fits its column (no "18…")."""
    index = view.model().index(row, column)
    text = str(index.data())
    return QFontMetrics(view.font()).horizontalAdvance(text) + 6 <= view.columnWidth(column)


def test_270_streets_the_chart_pages_and_the_totals_stay_whole(qtbot, city):
    page = city.district_page
    assert len(page.table.rows) == 270
    page.tabs.setCurrentIndex(2)
    QApplication.processEvents()
    chart, pager = page.street_chart, page.street_pager
    assert len(chart.values) == district_page.STREETS_PER_PAGE and pager.isVisible() and pager.pages == 15
    first = list(chart.labels)
    qtbot.mouseClick(pager.next, Qt.MouseButton.LeftButton)
    assert chart.labels != first and chart.labels[0] == page.table.rows[18].street.removesuffix("街道")
    spans = chart.value_rects()
    assert all(a[1] < b[0] for a, b in zip(spans, spans[1:]))  # values never touch
    page.tabs.setCurrentIndex(1)
    QApplication.processEvents()
    footer = page.funnel_total
    last = footer.model().rowCount() - 1
    assert footer.model().index(last, 0).data() == "全区合计" and not footer.isRowHidden(last)
    assert page.funnel_view.isRowHidden(last)
    for column in range(footer.model().columnCount()):
        assert _whole(footer, last, column), column
    page.tabs.setCurrentIndex(0)
    QApplication.processEvents()
    for column in range(page.year_total.model().columnCount() - 1):
        assert _whole(page.year_total, page.year_total.model().rowCount() - 1, column), column


def test_the_funnels_list_is_looked_up_a_page_at_a_time(qtbot, city, monkeypatch):
    page = city.district_page
    page.tabs.setCurrentIndex(1)
    monkeypatch.setattr(district_page, "ITEMS_PER_PAGE", 20)
    page.items_pager.page_size = 20
    footer = page.funnel_total
    index = footer.model().index(footer.model().rowCount() - 1, 1)  # 全区 · 符合条件单元
    QApplication.processEvents()
    footer.setFocus()
    footer.setCurrentIndex(index)
    qtbot.keyClick(footer, Qt.Key.Key_Return)  # activates the cell, like a double click
    total = len(page.current_ids)
    assert total > 20 and page.items_model.rowCount() == 20 and page.items_pager.isVisible()
    qtbot.mouseClick(page.items_pager.next, Qt.MouseButton.LeftButton)
    assert page.items_model.rowCount() == min(20, total - 20) and page.items_pager.offset == 20
