"""Search results: households across the whole database; Enter or double-click opens the unit."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from liftdesk.places import search
from liftdesk.store import Store

from ..models.readonly_table import Column, ObjectRole, ReadOnlyTableModel, SortRole
from ..widgets.tables import data_table


class SearchPage(QWidget):
    open_household = Signal(str, str)  # unit id, household id

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
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
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)

    def run(self, query: str) -> int:
        hits = search.search_households(self.store, query)
        self.model.set_items(hits)
        if len(hits) >= search.LIMIT:
            self.title.setText(self.tr("“{q}”：结果较多，只显示前 {n} 条，请输入更多字词缩小范围").format(q=query, n=len(hits)))
        else:
            self.title.setText(self.tr("“{q}”：找到 {n} 户").format(q=query, n=len(hits)))
        if hits:
            self.table.selectRow(0)
        return len(hits)

    def _activate(self, index) -> None:
        hit = index.data(ObjectRole)
        self.open_household.emit(hit.unit_id, hit.household_id)
