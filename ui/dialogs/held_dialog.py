"""待审记录 at the district: each row a station sent that was held back, with its station, address,
what it would do and why it was held; 采纳 applies the chosen rows (the import's own checks, one
undo step), 拒绝 drops them and keeps the decision. Keyboard: arrows and Shift/Ctrl to choose,
Enter to release, Delete to reject. The rules and messages are liftdesk/sync/held.py's, the same as
`held`, `release-held` and `reject-held`."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QVBoxLayout, QWidget)

from liftdesk.common.dates import local_in_zone, station_zone, zone_label
from liftdesk.errors import LiftDeskError
from liftdesk.i18n import t
from liftdesk.history import actions
from liftdesk.store import Store, open_store
from liftdesk.sync import held

from .. import messages, tasks
from ..models.readonly_table import Column, ReadOnlyTableModel
from ..widgets.tables import data_table


def _release(db_path, actor: str, keys: list, progress, cancelled):
    """Off the UI thread: the release backs the file up first, which takes a while at a district."""
    store = open_store(db_path, actor=actor)
    try:
        return held.release_held(store, keys)
    finally:
        store.close()


class HeldRowsDialog(QDialog):
    changed = Signal()   # rows were applied: pages showing the data refresh
    task_done = Signal()  # a release finished, well or not (tests wait on it)

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("待审记录"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("工作站送来的这些记录没有写入本库：它们在该站范围之外，或编号与本库另一条记录相同。"
                               "“采纳”现在写入（与导入同样检查，可在“编辑”菜单撤销）；“拒绝”丢弃，并记下谁在何时拒绝。"
                               "可多选（Shift/Ctrl）；Enter 采纳，Delete 拒绝。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.pending_label = QLabel()
        self.pending_label.setWordWrap(True)
        layout.addWidget(self.pending_label)
        zone = station_zone(store)
        self.model = ReadOnlyTableModel([
            Column(self.tr("工作站"), lambda h: h["station"]),
            Column(self.tr("地址"), lambda h: h["address"] or "—", elided=True),
            Column(self.tr("内容"), lambda h: h["description"], elided=True),
            Column(self.tr("待审原因"), lambda h: self._why(h), elided=True),
        ], self)
        self.zone = zone
        self.table = data_table(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # an address keeps its street and its room
        header = self.table.horizontalHeader()
        for column in (1, 2, 3):  # at 20 pt the texts are cut to the window; the whole row is shown below
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setObjectName("heldDetail")
        layout.addWidget(self.detail)
        self.show_decided = QCheckBox(self.tr("也显示已拒绝的记录"))
        self.show_decided.toggled.connect(lambda _: self.refresh())
        layout.addWidget(self.show_decided)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        self.release_button = QPushButton(self.tr("采纳所选（Enter）"))
        self.release_button.clicked.connect(self.release_selected)
        self.release_button.setDefault(True)
        self.reject_button = QPushButton(self.tr("拒绝所选…（Delete）"))
        self.reject_button.clicked.connect(self.reject_selected)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.accept)
        buttons.addWidget(self.release_button)
        buttons.addWidget(self.reject_button)
        buttons.addStretch()
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.table.installEventFilter(self)   # Enter releases, Delete rejects, from the table itself
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        width = self.fontMetrics().horizontalAdvance("中") * 60
        self.resize(width, self.fontMetrics().height() * 26)
        self.refresh()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress and not event.modifiers() & ~(
                Qt.KeyboardModifier.KeypadModifier):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.release_selected()
                return True
            if event.key() == Qt.Key.Key_Delete:
                self.reject_selected()
                return True
        return super().eventFilter(watched, event)

    def _why(self, row: dict) -> str:
        if row["decided"] == "rejected":
            when = local_in_zone(row["decided_at"], station_zone(self.store))
            return self.tr("已拒绝（{who}，{when}）").format(who=row["decided_by"] or "—", when=when)
        return row["reason_text"]

    def _show_current(self) -> None:
        """The current row whole: the table cuts long addresses and descriptions to fit."""
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= len(self.model.items):
            self.detail.clear()
            return
        row = self.model.items[index.row()]
        self.detail.setText("\n".join((
            self.tr("{station} · {table} · 收到于 {when}（{zone}）").format(
                station=row["station"], table=row["table_label"], when=local_in_zone(row["received_at"], self.zone),
                zone=zone_label(self.zone)),
            self.tr("地址：{address}").format(address=row["address"] or "—"),
            self.tr("内容：{what}").format(what=row["description"]),
            self.tr("待审原因：{why}").format(why=self._why(row)))))

    def refresh(self) -> None:
        self.model.set_items(held.list_held(self.store, include_decided=self.show_decided.isChecked()))
        pending = held.pending_stations(self.store)
        self.pending_label.setText("\n".join(
            self.tr("工作站“{name}”尚未确认：暂存的 {n} 个文件在“确认新工作站”之后才读取，不在此列。").format(
                name=p["station"], n=p["files"]) for p in pending))
        self.pending_label.setVisible(bool(pending))
        self.status.setText("" if self.model.items else self.tr("没有待审记录。"))
        if self.model.items and self.table.selectionModel().selectedRows() == []:
            self.table.selectRow(0)
        self._show_current()
        self.table.setFocus()
        self._enable()

    def selected(self) -> list[dict]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.items[r] for r in rows if not self.model.items[r]["decided"]]

    def _enable(self) -> None:
        chosen = bool(self.selected())
        self.release_button.setEnabled(chosen)
        self.reject_button.setEnabled(chosen)

    def release_selected(self) -> None:
        rows = self.selected()
        if not rows:
            return
        outside = sum(1 for r in rows if r["reason"] == "scope" and not r["in_scope_now"])
        text = self.tr("采纳所选的 {n} 条记录，现在写入本库？").format(n=len(rows))
        if outside:
            text += "\n" + self.tr("其中 {m} 条在该站范围之外：确认这些记录确实应由该站录入。").format(m=outside)
        if not messages.confirm(self, text):
            return
        task = tasks.Task(_release, self.store.path, self.store.actor, [(r["station_id"], r["seq"]) for r in rows])
        for b in (self.release_button, self.reject_button):
            b.setEnabled(False)
        self.status.setText(self.tr("正在备份并写入…"))

        def done(counts) -> None:
            self.refresh()
            self.status.setText(t("sync.released", counts=t("sync.preview", **counts.as_json())))
            actions.notify(self.store)   # the step was taken on the task's connection: the Edit menu names it
            self.changed.emit()

        def failed(text: str) -> None:
            self.refresh()
            if text:
                messages.error(self, text)
        task.succeeded.connect(done)
        task.failed.connect(failed)
        task.finished.connect(lambda: self.task_done.emit())
        self._task = tasks.start(task)

    def reject_selected(self) -> None:
        rows = self.selected()
        if not rows:
            return
        if not messages.confirm(self, self.tr("拒绝所选的 {n} 条记录？它们不会写入本库；拒绝会记录在案（谁、何时）。").format(
                n=len(rows))):
            return
        try:
            n = held.reject_held(self.store, [(r["station_id"], r["seq"]) for r in rows])
        except LiftDeskError as exc:
            messages.error(self, str(exc))
            return
        self.refresh()
        self.status.setText(t("sync.held_rejected", n=n))
