"""pytest-qt: the district overview on the demo district."""

import csv

import pytest
from PySide6.QtCore import Qt
from openpyxl import load_workbook

from liftdesk.common.settings import Settings
from liftdesk.store import open_store
from ui import messages
from ui.app import init_app
from ui.main_window import MainWindow

from .test_report import seed_rows

pytestmark = pytest.mark.slow  # the full demo district


@pytest.fixture
def window(qtbot, demo_copy, tmp_path, monkeypatch):
    init_app("zh", 12)
    monkeypatch.setattr(messages, "error", lambda parent, text: pytest.fail(text))
    store = open_store(demo_copy)
    w = MainWindow(store, Settings(tmp_path / "settings.json"))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    store.close()


def test_district_overview_table_funnel_charts_and_exports(qtbot, window, tmp_path):
    window.district_action.trigger()
    page = window.district_page
    assert window.pages.currentWidget() is page and "拱墅区" in page.title.text()
    model = page.year_model
    assert model.rowCount() == 19 and model.headerData(1, Qt.Orientation.Horizontal) == "2018"
    for row, expected in enumerate(seed_rows()):
        shown = [str(model.index(row, c).data()) for c in range(model.columnCount())]
        assert shown[0] == expected[1]
        assert shown[1:] == [("" if v is None else v) for v in expected[2:]] or shown[-1] == "无任务"
    page.by.setCurrentIndex(page.by.findData("start"))
    assert page.table.by == "start" and model.index(18, len(page.table.years) + 2).data() == 1000
    page.by.setCurrentIndex(0)

    page.tabs.setCurrentIndex(1)
    funnel = page.funnel_model
    chaoming = next(r for r in range(funnel.rowCount()) if funnel.index(r, 0).data() == "潮鸣街道")
    in_use = 1 + list(page.funnel.ids).index("in_use")
    assert funnel.index(chaoming, in_use).data() == 167
    page.funnel_view.setCurrentIndex(funnel.index(chaoming, in_use))
    page.show_funnel_items(funnel.index(chaoming, in_use))
    assert page.items_model.rowCount() == 167 and "潮鸣街道 · 交付使用：167" in page.items_title.text()
    item = page.items_model.index(0, 0)
    page.items_view.setCurrentIndex(item)
    with qtbot.waitSignal(page.open_project):
        page.items_view.activated.emit(item)
    assert window.pages.currentWidget() is window.project_page

    assert page.year_chart.values == [55, 123, 181, 165, 205, 201]
    assert len(page.street_chart.values) == 18 and page.funnel_chart.values[0] == 6515

    xlsx = page.export(".xlsx", str(tmp_path / "d.xlsx"))
    rows = [[("" if c.value is None else str(c.value)) for c in r]
            for r in load_workbook(xlsx)["年度表"].iter_rows(min_row=2, max_row=20)]
    assert rows == seed_rows()
    path = page.export(".csv", str(tmp_path / "d.csv"))
    with open(path, encoding="utf-8-sig") as fh:
        assert list(csv.reader(fh))[1:] == seed_rows()
    assert page.export(".pdf", str(tmp_path / "d.pdf"))
    assert "已导出" in window.statusBar().currentMessage()
