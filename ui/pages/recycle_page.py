"""The recycle bin: what was deleted, and a way back."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget)

from liftdesk.history import recycle
from liftdesk.common.dates import local_time
from liftdesk.errors import LiftDeskError
from liftdesk.store import Store

from .. import messages
from ..models.readonly_table import Column, ReadOnlyTableModel
from ..widgets.tables import data_table


class RecyclePage(QWidget):
    restored = Signal(str, str)  # table, id

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        title = QLabel(self.tr("回收站"))
        title.setObjectName("pageTitle")
        hint = QLabel(self.tr("删除的内容保存在这里，随时可以恢复。"))
        self.model = ReadOnlyTableModel([
            Column(self.tr("类型"), lambda i: i.kind_label),
            Column(self.tr("名称"), lambda i: i.label.replace("/", " / ")),
            Column(self.tr("删除时间"), lambda i: local_time(self.store, i.deleted_at)),
        ], self)
        self.table = data_table(self.model)
        self.restore_button = QPushButton(self.tr("恢复所选"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.table.activated.connect(lambda _: self.restore_selected())
        row = QHBoxLayout()
        row.addWidget(self.restore_button)
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        self.model.set_items(recycle.list_deleted(self.store))

    def restore_selected(self) -> None:
        """Asks first; all selected items come back in one action (one Ctrl+Z), or none do."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        items = [self.model.items[row] for row in rows]
        if not items:
            return
        names = "、".join(i.label.rsplit("/", 1)[-1] for i in items[:6]) + ("…" if len(items) > 6 else "")
        if not messages.confirm(self, self.tr("恢复 {n} 项（{names}）？恢复的住户会重新计入同意比例。").format(
                n=len(items), names=names)):
            return
        try:
            recycle.restore_items(self.store, [(item.table, item.id) for item in items])
        except LiftDeskError as exc:
            messages.error(self, str(exc))
            return
        for item in items:
            self.restored.emit(item.table, item.id)
        self.refresh()

