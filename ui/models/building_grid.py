"""The building as a grid: a row per floor (top floor first), a cell per room, coloured by the
household's latest position — how helpers picture a stairwell when planning visits."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from liftdesk.consent import positions
from liftdesk.places import registry
from liftdesk.store import Store

from ..colors import POSITION_COLORS


class BuildingGridModel(QAbstractTableModel):
    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.floors = 0
        self.columns: list[tuple[str, int]] = []  # (unit name, room slot)
        self.cells: dict[tuple[int, int], tuple[str, str, str]] = {}  # (row, col) → (room, position, id)

    def load(self, unit_id: str) -> None:
        self.beginResetModel()
        building = self.store.db.execute("SELECT building_id FROM unit WHERE id = ?", [unit_id]).fetchone()[0]
        self.floors = self.store.db.execute("SELECT floors FROM building WHERE id = ?", [building]).fetchone()[0]
        units = self.store.db.execute("SELECT id, name FROM unit WHERE building_id = ? AND deleted = 0 ORDER BY seq",
                                      [building]).fetchall()
        self.columns, self.cells = [], {}
        for uid, uname in units:
            rows = registry.unit_households(self.store, uid)
            latest = positions.latest_in_unit(self.store, uid)
            slots: dict[int, list] = {}
            for h in rows:
                slots.setdefault(h.floor, []).append(h)
            width = max((len(v) for v in slots.values()), default=0)
            first = len(self.columns)
            self.columns += [(uname, n) for n in range(width)]
            for floor, households in slots.items():
                for n, h in enumerate(households):
                    rec = latest.get(h.id)
                    self.cells[(self.floors - floor, first + n)] = (h.room, rec.position if rec else "none", h.id)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else self.floors

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return self.tr("{n}层").format(n=self.floors - section)
        return self.columns[section][0] if self.columns[section][1] == 0 else ""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        cell = self.cells.get((index.row(), index.column()))
        if cell is None:
            return None
        room, position, household_id = cell
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{room}\n{positions.label(positions.POSITIONS, position)}"
        if role == Qt.ItemDataRole.BackgroundRole:
            return POSITION_COLORS[position]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.UserRole:
            return household_id
        return None
