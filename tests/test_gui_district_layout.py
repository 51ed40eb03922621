"""pytest-qt: the district and street pages at 20 pt on a 1366×768 screen — neither page scrolls
by itself, the pinned 全区合计 row is whole, chart values never touch, and the street overview's
long texts (差距, 加梯项目) are cut with "…" inside the table with the whole text as a tooltip."""

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QApplication, QScrollArea

from liftdesk.common.settings import Settings
from liftdesk.places import places
from ui import screen
from ui.app import init_app
from ui.main_window import MainWindow
from ui.widgets.bar_chart import BarChart


@pytest.fixture
def window_20pt(qtbot, store, unit, tmp_path):
    init_app("zh", 20)
    screen.set_screen_size(QSize(1366, 768))
    w = MainWindow(store, Settings(tmp_path / "settings.json"))
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    yield w
    screen.set_screen_size(None)
    init_app("zh", 12)


def _page_scrolls(page) -> bool:
    area = page.parentWidget().parentWidget()
    assert isinstance(area, QScrollArea)
    return area.verticalScrollBar().maximum() > 0 or area.horizontalScrollBar().maximum() > 0


def test_the_district_page_fits_and_keeps_its_total_row(qtbot, window_20pt):
    w = window_20pt
    w.show_district()
    QApplication.processEvents()
    page = w.district_page
    for tab in range(page.tabs.count()):
        page.tabs.setCurrentIndex(tab)
        QApplication.processEvents()
        assert not _page_scrolls(page), page.tabs.tabText(tab)
    page.tabs.setCurrentIndex(0)
    QApplication.processEvents()
    footer = page.year_total
    last = footer.model().rowCount() - 1
    row = footer.visualRect(footer.model().index(last, 0))
    assert footer.viewport().rect().contains(row.adjusted(0, 0, 0, -1))
    top_left = footer.viewport().mapTo(w, row.topLeft())
    assert w.rect().contains(QRect(top_left, row.size()))


def test_chart_values_never_touch_at_20_pt(qtbot, window_20pt):
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(700, 300)
    chart.set_data("各街道电梯数", [f"街道{n}" for n in range(18)], [1000 + 457 * n for n in range(18)])
    chart.show()
    spans = chart.value_rects()
    assert all(left_end < right_start for (_, left_end), (right_start, _) in zip(spans, spans[1:]))


def test_the_street_overview_keeps_every_column_in_the_table(qtbot, window_20pt, store, unit):
    w = window_20pt
    street = places.children(store, "district", None)[0]
    w.open_overview("street", street.id)
    QApplication.processEvents()
    page = w.overview_page
    assert not _page_scrolls(page)
    table, header = page.table, page.table.horizontalHeader()
    right = max(header.sectionViewportPosition(n) + header.sectionSize(n) for n in range(header.count()))
    assert right <= table.viewport().width() + 2  # nothing off to the right
    gap = next(n for n, c in enumerate(page.model.columns) if c.header == "差距")
    index = page.proxy.index(0, gap)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == index.data()
    assert header.sectionSize(gap) >= 6 * page.fontMetrics().horizontalAdvance("中")
    assert QRect(QPoint(0, 0), table.viewport().size()).contains(table.visualRect(index).adjusted(0, 0, -1, -1))
