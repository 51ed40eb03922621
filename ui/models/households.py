"""The households of one unit as an editable table. Edits go through the core, which validates;
a refusal is reported through `refused` and the cell keeps its old value."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal

from liftdesk.consent import positions
from liftdesk.places import registry
from liftdesk.errors import LiftDeskError
from liftdesk.i18n import t
from liftdesk.places.registry import HouseholdRow
from liftdesk.store import Store
from liftdesk.common.units import format_area

from ..colors import POSITION_COLORS

IdRole = Qt.ItemDataRole.UserRole + 1


class HouseholdTableModel(QAbstractTableModel):
    refused = Signal(str)
    changed = Signal()

    COLUMNS = ("room", "floor", "area", "owners", "position", "phones", "occupancy")

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.unit_id: str | None = None
        self._rows: list[HouseholdRow] = []
        self.confirm = None  # set by the page: asks before saving a room whose number names another floor

    def headers(self) -> list[str]:
        return [self.tr("房号"), self.tr("楼层"), self.tr("面积（m²）"), self.tr("业主"), self.tr("当前意见"),
                self.tr("电话"), self.tr("居住情况")]

    def load(self, unit_id: str | None) -> None:
        self.beginResetModel()
        self.unit_id = unit_id
        self._rows = registry.unit_households(self.store, unit_id) if unit_id else []
        self._latest = positions.latest_in_unit(self.store, unit_id) if unit_id else {}
        self._area_sources = registry.area_sources(self.store, unit_id) if unit_id else {}  # 测绘面积, 合同面积
        self.endResetModel()

    def position_of(self, row: int) -> str:
        rec = self._latest.get(self._rows[row].id)
        return rec.position if rec else "none"

    def _position_text(self, household_id: str) -> str:
        rec = self._latest.get(household_id)
        if rec is None:
            return positions.label(positions.POSITIONS, "none")
        text = positions.label(positions.POSITIONS, rec.position)
        if rec.written:
            text += self.tr("（书面）")
        return text

    def refresh(self) -> None:
        self.load(self.unit_id)

    def row_at(self, row: int) -> HouseholdRow:
        return self._rows[row]

    def row_of(self, household_id: str) -> int:
        return next((n for n, r in enumerate(self._rows) if r.id == household_id), -1)

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def flags(self, index):
        if self.COLUMNS[index.column()] == "position":  # positions are appended, never edited in place
            return super().flags(index)
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == "area":
                return format_area(row.area_x100)
            if column == "occupancy":
                return registry.occupancy_label(row.occupancy)
            if column == "position":
                return self._position_text(row.id)
            return getattr(row, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            return POSITION_COLORS[self.position_of(index.row())]
        if role == Qt.ItemDataRole.ToolTipRole and column == "area" and row.id in self._area_sources:
            return t("household.area_source", source=self._area_sources[row.id])  # "面积来源：合同面积"
        if role == Qt.ItemDataRole.ToolTipRole and column == "position":
            rec = self._latest.get(row.id)
            return positions.describe(rec) if rec else None
        if role == Qt.ItemDataRole.UserRole:  # sort keys
            if column == "position":
                return self.position_of(index.row())
            return {"area": row.area_x100, "floor": row.floor}.get(column, getattr(row, column))
        if role == IdRole:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("floor", "area"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row, column = self._rows[index.row()], self.COLUMNS[index.column()]
        if column in ("room", "floor") and self.confirm is not None:
            room, floor = (value, row.floor) if column == "room" else (row.room, value)
            floors = registry.building_floors_of_unit(self.store, self.unit_id)
            doubt = registry.room_floor_doubt(str(room), floor, floors)
            if doubt and str(floor).strip().isdigit() and 1 <= int(str(floor).strip()) <= floors \
                    and not self.confirm(doubt):
                return False  # a refusal (floor 9 of 6) is said by the core below, not asked here
        try:
            registry.edit_household(self.store, row.id, column, value)
        except LiftDeskError as exc:
            self.refused.emit(str(exc))
            return False
        self._rows[index.row()] = next(r for r in registry.unit_households(self.store, self.unit_id)
                                       if r.id == row.id)
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(self.COLUMNS) - 1))
        self.changed.emit()
        return True
