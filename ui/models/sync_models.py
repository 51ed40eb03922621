"""Table models of the sync page and of the district overview's freshness tab."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from liftdesk.sync.status import STALE_DAYS, Freshness

STALE_BRUSH = QBrush(QColor("#fde2e1"))


class FreshnessModel(QAbstractTableModel):
    """Each street: its stations and when their last file arrived; silent for 14 days = red."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.items: list[Freshness] = []

    def set_items(self, items: list[Freshness]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else 3

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return (self.tr("街道"), self.tr("工作站"), self.tr("数据新鲜度"))[section]
        return None

    def last_text(self, item: Freshness) -> str:
        if not item.stations:
            return self.tr("尚无工作站")
        if item.days is None:
            return self.tr("尚未收到文件")
        if item.days == 0:
            return self.tr("最后收到：今天")
        return self.tr("最后收到：{n} 天前").format(n=item.days)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (item.street, item.stations or "—", self.last_text(item))[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and item.stale:
            return STALE_BRUSH
        if role == Qt.ItemDataRole.ToolTipRole and item.stale:
            return self.tr("超过 {n} 天没有收到这个街道的文件").format(n=STALE_DAYS)
        return None
