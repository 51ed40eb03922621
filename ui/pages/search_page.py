"""Search results: households across the whole database; Enter or double-click opens the unit.
Queries run off the UI thread (ui/search_runner.py): typing never waits, only the latest query's
results are shown, and a long list comes a page at a time ("显示更多")."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from liftdesk.places import search
from liftdesk.store import Store

from ..models.readonly_table import Column, ObjectRole, ReadOnlyTableModel, SortRole
from ..search_runner import SearchResult, SearchRunner
from ..widgets.tables import data_table


class SearchPage(QWidget):
    open_household = Signal(str, str)  # unit id, household id
    shown = Signal()  # a query's results are on screen (tests wait on it)

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.query = ""
        self._focus_results = False
        self.hits: list[search.SearchHit] = []
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.model = ReadOnlyTableModel([
            Column(self.tr("街道"), lambda h: h.address.street),
            Column(self.tr("社区"), lambda h: h.address.community),
            Column(self.tr("小区"), lambda h: h.address.estate),
            Column(self.tr("楼栋"), lambda h: h.address.building),
            Column(self.tr("单元"), lambda h: h.address.unit),
            Column(self.tr("房号"), lambda h: h.room),
            Column(self.tr("业主"), lambda h: h.owners),
            Column(self.tr("电话"), lambda h: h.phones),
        ], self)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model)
        proxy.setSortRole(SortRole)
        self.table = data_table(proxy)
        self.table.setSortingEnabled(True)
        self.table.activated.connect(self._activate)
        self.more_button = QPushButton(self.tr("显示更多"))
        self.more_button.hide()
        self.more_button.clicked.connect(self.more)
        self.runner = SearchRunner(store.path, self)
        self.runner.found.connect(self._show)
        self.runner.failed.connect(self._failed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.more_button)
        layout.addLayout(row)

    def run(self, query: str, focus_results: bool = False) -> None:
        """Search in the background; the results replace the list when they come (if still wanted).
        focus_results: the list takes the focus then (Enter in the box), not while typing."""
        self.query = query
        self._focus_results = focus_results
        self.title.setText(self.tr("正在搜索“{q}”…").format(q=query))
        self.more_button.hide()
        self.runner.submit(query)

    def more(self) -> None:
        self.more_button.setEnabled(False)
        self.runner.submit(self.query, offset=len(self.hits))

    def _show(self, result: SearchResult) -> None:
        self.hits = list(result.hits) if result.offset == 0 else self.hits + list(result.hits)
        self.model.set_items(self.hits)
        more = len(result.hits) >= search.LIMIT
        self.more_button.setVisible(more)
        self.more_button.setEnabled(True)
        if more:
            self.title.setText(self.tr("“{q}”：已显示前 {n} 条，可点“显示更多”或输入更多字词缩小范围").format(
                q=result.query, n=len(self.hits)))
        else:
            self.title.setText(self.tr("“{q}”：找到 {n} 户").format(q=result.query, n=len(self.hits)))
        if self.hits and result.offset == 0:
            self.table.selectRow(0)
        if self._focus_results:
            self._focus_results = False
            if self.isVisible():  # the user may have moved on (and be typing elsewhere): no focus stolen
                self.table.setFocus()
        self.shown.emit()

    def _failed(self, text: str) -> None:
        """In the title, not a dialog: a search that fails fails again at the next keystroke."""
        self.title.setText(self.tr("搜索出错：{error}").format(error=text.strip().splitlines()[-1]))

    def close_runner(self) -> None:
        self.runner.close()

    def _activate(self, index) -> None:
        hit = index.data(ObjectRole)
        self.open_household.emit(hit.unit_id, hit.household_id)
