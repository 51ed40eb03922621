"""A read-only table over a list of core dataclasses: columns are (header, value getter, sort key).
Search results, the recycle bin and overviews all use it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

ObjectRole = Qt.ItemDataRole.UserRole + 2
SortRole = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[Any], Any]
    sort: Callable[[Any], Any] | None = None
    align_right: bool = False
    elided: bool = False  # long text, cut to the column with "…": the whole text is its tooltip


class ReadOnlyTableModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self.items: list[Any] = []

    def set_items(self, items: Sequence[Any]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item, column = self.items[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = column.value(item)
            return "" if value is None else str(value)
        if role == SortRole:
            return (column.sort or column.value)(item)
        if role == ObjectRole:
            return item
        if role == Qt.ItemDataRole.ToolTipRole and column.elided:
            value = column.value(item)
            return None if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
