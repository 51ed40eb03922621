"""The navigation tree (street → community → estate → building → unit), loaded lazily: the demo
district has thousands of units and the window must paint in well under a second."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

from liftdesk.places import places
from liftdesk.places.places import Node
from liftdesk.store import Store

KindIdRole = Qt.ItemDataRole.UserRole + 1


class _Item:
    __slots__ = ("node", "parent", "children", "fetched")

    def __init__(self, node: Node, parent: "_Item | None"):
        self.node, self.parent = node, parent
        self.children: list[_Item] = []
        self.fetched = False


class PlaceTreeModel(QAbstractItemModel):
    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self._root = _Item(Node("district", None, "", True), None)

    def _item(self, index: QModelIndex | QPersistentModelIndex) -> _Item:
        return index.internalPointer() if index.isValid() else self._root

    def index(self, row, column, parent=QModelIndex()):
        item = self._item(parent)
        if not self.hasIndex(row, column, parent) or row >= len(item.children):
            return QModelIndex()
        return self.createIndex(row, column, item.children[row])

    def parent(self, index=QModelIndex()):
        if not index.isValid():
            return QModelIndex()
        parent = index.internalPointer().parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.parent.children.index(parent), 0, parent)

    def rowCount(self, parent=QModelIndex()):
        return len(self._item(parent).children)

    def columnCount(self, parent=QModelIndex()):
        return 1

    def hasChildren(self, parent=QModelIndex()):
        item = self._item(parent)
        return bool(item.children) if item.fetched else item.node.has_children

    def canFetchMore(self, parent):
        item = self._item(parent)
        return not item.fetched and item.node.has_children

    def fetchMore(self, parent):
        item = self._item(parent)
        if item.fetched:
            return
        item.fetched = True
        nodes = places.children(self.store, item.node.kind, item.node.id)
        if nodes:
            self.beginInsertRows(parent, 0, len(nodes) - 1)
            item.children = [_Item(n, item) for n in nodes]
            self.endInsertRows()

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        node = index.internalPointer().node
        if role == Qt.ItemDataRole.DisplayRole:
            return node.name
        if role == KindIdRole:
            return (node.kind, node.id)
        return None

    def reload(self) -> None:
        self.beginResetModel()
        self._root = _Item(Node("district", None, "", True), None)
        self.endResetModel()

    def index_of(self, kind: str, record_id: str) -> QModelIndex:
        """Fetch down the path to a place and return its index (invalid if not shown)."""
        path = places.ancestors(self.store, kind, record_id)
        parent = QModelIndex()
        for step_kind, step_id in path:
            if self.canFetchMore(parent):
                self.fetchMore(parent)
            item = self._item(parent)
            row = next((n for n, c in enumerate(item.children) if c.node.id == step_id), None)
            if row is None:
                return QModelIndex()
            parent = self.index(row, 0, parent)
        return parent
