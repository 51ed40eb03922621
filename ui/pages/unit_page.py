"""A stairwell unit: its address, project and households, edited in place."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView,
                               QVBoxLayout, QWidget)

from liftdesk import places, recycle, registry
from liftdesk.stages import stage_label
from liftdesk.store import Store
from liftdesk.units import format_area

from .. import messages
from ..dialogs.household_dialogs import AddHouseholdDialog, QuickCreateDialog
from ..models.households import HouseholdTableModel
from ..widgets.delegates import ChoiceDelegate


class UnitPage(QWidget):
    changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.unit_id: str | None = None
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.title.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = HouseholdTableModel(store, self)
        self.model.refused.connect(lambda text: messages.error(self, text))
        self.model.changed.connect(self._on_changed)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setItemDelegateForColumn(
            HouseholdTableModel.COLUMNS.index("occupancy"),
            ChoiceDelegate([registry.occupancy_label(c) for c in registry.OCCUPANCY], self.table))
        self.add_button = QPushButton(self.tr("新增住户"))
        self.quick_button = QPushButton(self.tr("按楼层批量生成"))
        self.delete_button = QPushButton(self.tr("删除住户（移入回收站）"))
        self.add_button.clicked.connect(self.add_household)
        self.quick_button.clicked.connect(self.quick_create)
        self.delete_button.clicked.connect(self.delete_selected)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.delete_selected)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.quick_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

    def show_unit(self, unit_id: str, household_id: str | None = None) -> None:
        self.unit_id = unit_id
        self.title.setText(str(places.unit_address(self.store, unit_id)).replace("/", " / "))
        self.model.load(unit_id)
        self._update_summary()
        if household_id:
            self.select_household(household_id)

    def select_household(self, household_id: str) -> None:
        row = self.model.row_of(household_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        self.table.setFocus()

    def _update_summary(self) -> None:
        rows = self.model._rows
        total = sum(r.area_x100 for r in rows)
        project, stage = places.unit_project(self.store, self.unit_id)
        text = self.tr("共 {n} 户，总面积 {area} m²").format(n=len(rows), area=format_area(total))
        if project:
            text += self.tr("；加梯项目：{name}（{stage}）").format(
                name=project, stage=stage_label(stage) or self.tr("未开始"))
        else:
            text += self.tr("；尚未立项加梯")
        self.summary.setText(text)

    def _on_changed(self) -> None:
        self._update_summary()
        self.changed.emit()

    def _selected_ids(self) -> list[str]:
        rows = {self.proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedRows()}
        return [self.model.row_at(r).id for r in sorted(rows)]

    def add_household(self) -> None:
        dialog = AddHouseholdDialog(self.store, self.unit_id, self)
        if dialog.exec():
            self.model.refresh()
            self._on_changed()
            self.select_household(dialog.household_id)

    def quick_create(self) -> None:
        if QuickCreateDialog(self.store, self.unit_id, self).exec():
            self.model.refresh()
            self._on_changed()

    def delete_selected(self) -> None:
        ids = self._selected_ids()
        if not ids:
            return
        with self.store.db.atomic():
            for household_id in ids:
                recycle.delete(self.store, "household", household_id)
        self.model.refresh()
        self._on_changed()
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(self.tr("已将 {n} 户移入回收站，可在回收站恢复。").format(n=len(ids)), 8000)
