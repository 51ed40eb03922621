"""数据同步: export at a station, import with a preview at the district, receipts both ways, the
history of files, and conflicts side by side (保留此值 / 保留彼值 / 手动填写). Work that touches
files runs through ui/tasks.py on its own connection."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QFileDialog, QGridLayout, QGroupBox, QInputDialog, QLabel, QLineEdit,
                               QProgressBar, QPushButton, QSplitter, QTabWidget, QVBoxLayout, QWidget)

from liftdesk.common.dates import local_in_zone, station_zone, zone_label
from liftdesk.errors import LiftDeskError
from liftdesk.i18n import t
from liftdesk.store import Store, open_store
from liftdesk.sync import conflicts, enrol, exchange, ledger, receipts, status

from .. import messages, tasks
from ..save_paths import ask_save_path, check_save_path
from ..models.readonly_table import Column, ReadOnlyTableModel
from ..widgets.flow import FlowLayout
from ..widgets.tables import captioned, data_table

FILTER = "LiftDesk 同步文件 (*.liftsync)"


def _export(db_path: Path, target: str, progress, cancelled):
    store = open_store(db_path, actor="gui")
    try:
        done = exchange.export_bundle(store, target, progress=progress)
        return done.manifest
    finally:
        store.close()


def _import(db_path: Path, source: str, passphrase: str, dry_run: bool, progress, cancelled):
    store = open_store(db_path, actor="gui")
    try:
        keys = enrol.district_keys(store, passphrase)
        return exchange.import_bundle(store, ledger.read_file(source), keys, dry_run=dry_run, progress=progress)
    finally:
        store.close()


def _accept(db_path: Path, station_id: str, fingerprint: str, passphrase: str, progress, cancelled):
    store = open_store(db_path, actor="gui")
    try:
        keys = enrol.district_keys(store, passphrase) if passphrase else None
        return exchange.accept_station(store, station_id, fingerprint, keys)
    finally:
        store.close()


def _receipt(db_path: Path, station_id: str, target: str, progress, cancelled):
    store = open_store(db_path, actor="gui")
    try:
        return receipts.make_receipt(store, station_id, target)[1]
    finally:
        store.close()


def _apply_receipt(db_path: Path, source: str, progress, cancelled):
    store = open_store(db_path, actor="gui")
    try:
        return receipts.apply_receipt(store, ledger.read_file(source))
    finally:
        store.close()


class SyncPage(QWidget):
    task_done = Signal()   # a background step finished (tests wait on it)
    data_changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.last_result = None
        title = QLabel(self.tr("数据同步"))
        title.setObjectName("pageTitle")
        self.role_label = QLabel()
        self.role_label.setWordWrap(True)
        self.role_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # id and fingerprint
        self.export_button = QPushButton(self.tr("导出同步文件…"))
        self.export_button.clicked.connect(lambda: self.export_file())
        self.apply_receipt_button = QPushButton(self.tr("应用回执…"))
        self.apply_receipt_button.clicked.connect(lambda: self.apply_receipt_file())
        self.import_button = QPushButton(self.tr("导入同步文件…"))
        self.import_button.clicked.connect(lambda: self.import_file())
        self.receipt_button = QPushButton(self.tr("给所选工作站写回执…"))
        self.receipt_button.clicked.connect(lambda: self.write_receipt())
        self.district_keys_button = QPushButton(self.tr("设置区密钥…"))
        self.district_keys_button.clicked.connect(lambda: self.set_up_district())
        self.station_enrol_button = QPushButton(self.tr("登记为工作站…"))
        self.station_enrol_button.clicked.connect(lambda: self.enrol_station())
        self.district_recover_button = QPushButton(self.tr("从恢复单恢复区密钥…"))
        self.district_recover_button.clicked.connect(lambda: self.recover_district())
        self.accept_button = QPushButton(self.tr("确认新工作站…"))
        self.accept_button.clicked.connect(lambda: self.accept_station())
        self.scope_button = QPushButton(self.tr("指定范围…"))
        self.scope_button.clicked.connect(lambda: self.set_scope())
        self.held_button = QPushButton(self.tr("待审记录…"))
        self.held_button.clicked.connect(lambda: self.review_held())
        self.revoke_button = QPushButton(self.tr("撤销工作站…"))
        self.revoke_button.clicked.connect(lambda: self.revoke_station())
        self.dialog = None
        buttons = FlowLayout()  # wraps onto a second line at large type
        for b in (self.district_keys_button, self.station_enrol_button, self.district_recover_button):
            buttons.addWidget(b)
        for b in (self.export_button, self.apply_receipt_button, self.import_button, self.receipt_button,
                  self.accept_button, self.scope_button, self.held_button, self.revoke_button):
            buttons.addWidget(b)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)

        zone = station_zone(store)  # stored times are UTC; people read them in the district's zone
        self.history_model = ReadOnlyTableModel([
            Column(self.tr("方向"), lambda f: self.tr("收到") if f["direction"] == "in" else self.tr("发出")),
            Column(self.tr("类型"), lambda f: self.tr("回执") if f["kind"] == "receipt" else self.tr("同步文件")),
            Column(self.tr("工作站"), lambda f: f["station"]),
            Column(self.tr("编号"), lambda f: f["file_no"], align_right=True),
            Column(self.tr("序号范围"), lambda f: f"{f['seq_after'] + 1}–{f['seq_upto']}" if f["seq_upto"] > f["seq_after"] else "—"),
            Column(self.tr("时间（{zone}）").format(zone=zone_label(zone)), lambda f: local_in_zone(f["at"], zone)),
            Column(self.tr("内容"), lambda f: status.counts_text(f["counts"])),
        ], self)
        self.history_view = data_table(self.history_model)

        self.station_model = ReadOnlyTableModel([
            Column(self.tr("工作站"), lambda s: s["name"]),
            Column(self.tr("范围"), lambda s: "、".join(a for a in s["scope"].split("\n") if a) or "—"),
            Column(self.tr("编号"), lambda s: s["station_id"]), Column(self.tr("密钥指纹"), lambda s: s["fingerprint"]),
            Column(self.tr("最后文件"), lambda s: s["last_file"] or "—", align_right=True),
            Column(self.tr("最后收到（{zone}）").format(zone=zone_label(zone)),
                   lambda s: local_in_zone(s["last_received_at"], zone) if s["last_received_at"] else "—"),
            Column(self.tr("缺少"), lambda s: "，".join(t("sync.gap", n=n) for n in s["gaps"]) or "—"),
            Column(self.tr("待审"), lambda s: s["held"], align_right=True),
            Column(self.tr("状态"), lambda s: self.tr("已撤销") if s["revoked"] else (
                self.tr("正常") if s["accepted"] else self.tr("待确认（暂存 {n} 个文件）").format(n=s["pending"]))),
        ], self)
        self.station_view = data_table(self.station_model)

        self.conflict_model = ReadOnlyTableModel([
            Column(self.tr("位置"), lambda c: c.where), Column(self.tr("字段"), lambda c: c.field_label),
            Column(self.tr("此处的值"), lambda c: c.shown(c.district_value)),
            Column(self.tr("对方的值"), lambda c: c.shown(c.station_value)),
            Column(self.tr("对方"), lambda c: c.station),
        ], self)
        self.conflict_view = data_table(self.conflict_model)
        self.conflict_view.selectionModel().currentRowChanged.connect(lambda *_: self._show_conflict())
        side = QGroupBox(self.tr("对照"))
        grid = QGridLayout(side)
        self.mine_value, self.theirs_value = QLabel(), QLabel()
        for label in (self.mine_value, self.theirs_value):
            label.setObjectName("conflictValue")
            label.setWordWrap(True)
            font = label.font()
            font.setPointSizeF(font.pointSizeF() * 1.6)
            font.setBold(True)
            label.setFont(font)
        self.subject = QLabel()
        self.subject.setWordWrap(True)
        grid.addWidget(self.subject, 0, 0, 1, 2)
        grid.addWidget(QLabel(self.tr("此处的值")), 1, 0)
        grid.addWidget(QLabel(self.tr("对方的值")), 1, 1)
        grid.addWidget(self.mine_value, 2, 0)
        grid.addWidget(self.theirs_value, 2, 1)
        grid.setRowStretch(5, 1)
        self.keep_mine = QPushButton(self.tr("保留此值"))
        self.keep_theirs = QPushButton(self.tr("保留彼值"))
        self.keep_manual = QPushButton(self.tr("手动填写…"))
        self.keep_mine.clicked.connect(lambda: self.resolve_current("district"))
        self.keep_theirs.clicked.connect(lambda: self.resolve_current("station"))
        self.keep_manual.clicked.connect(lambda: self.resolve_current(None))
        grid.addWidget(self.keep_mine, 3, 0)
        grid.addWidget(self.keep_theirs, 3, 1)
        grid.addWidget(self.keep_manual, 4, 0, 1, 2)
        conflict_box = QSplitter()
        conflict_box.addWidget(self.conflict_view)
        conflict_box.addWidget(side)
        conflict_box.setStretchFactor(0, 3)
        conflict_box.setStretchFactor(1, 2)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.history_view, self.tr("文件记录"))
        self.tabs.addTab(conflict_box, self.tr("冲突"))
        self.tabs.addTab(captioned(QLabel(self.tr("首次收到工作站文件时登记其密钥指纹；密钥变化或已撤销的工作站，文件一律拒收。")),
                                   self.station_view), self.tr("工作站"))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.role_label)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)

    # --- state ----------------------------------------------------------------------------------
    def role(self) -> str | None:
        return enrol.role(self.store)

    def refresh(self) -> None:
        role = self.role()
        if role == "district":
            public = enrol.district_public(self.store)
            self.role_label.setText(self.tr("本库是区加梯办（{name}）。区密钥指纹：{fp}").format(
                name=public.name, fp=public.fingerprint))
        elif role == "station":
            me = enrol.station_identity(self.store)
            self.role_label.setText(self.tr("本库是工作站“{name}”（编号 {id}，范围 {scope}）。本站密钥指纹：{fp}").format(
                name=me.name, id=me.station_id, scope=me.scope or self.tr("全区"), fp=me.keys.fingerprint))
        else:
            self.role_label.setText(self.tr("本库尚未登记。区加梯办点“设置区密钥…”（只做一次）；"
                                            "工作站点“登记为工作站…”，选择区加梯办发来的区公钥文件。"))
        for button in (self.district_keys_button, self.station_enrol_button, self.district_recover_button):
            button.setVisible(role is None)
        for button in (self.export_button, self.apply_receipt_button):
            button.setVisible(role == "station")
        for button in (self.import_button, self.receipt_button, self.accept_button, self.scope_button,
                       self.held_button, self.revoke_button):
            button.setVisible(role == "district")
        self.history_model.set_items(status.history(self.store))
        self.station_model.set_items(status.stations(self.store) if role == "district" else [])
        waiting = sum(s["held"] for s in self.station_model.items)
        self.held_button.setText(self.tr("待审记录（{n}）…").format(n=waiting) if waiting else self.tr("待审记录…"))
        self.conflict_model.set_items(conflicts.open_conflicts(self.store))
        self.tabs.setTabText(1, self.tr("冲突（{n}）").format(n=len(self.conflict_model.items)))
        if self.conflict_model.items and not self.conflict_view.currentIndex().isValid():
            self.conflict_view.setCurrentIndex(self.conflict_model.index(0, 0))
        self._show_conflict()

    # --- enrolment (dialogs in ui/dialogs/enrol_dialogs.py) ------------------------------------
    def set_up_district(self) -> None:
        from ..dialogs.enrol_dialogs import DistrictKeysDialog

        DistrictKeysDialog(self.store, self).exec()
        self.refresh()

    def recover_district(self) -> None:
        from ..dialogs.enrol_dialogs import DistrictRecoverDialog

        DistrictRecoverDialog(self.store, self).exec()
        self.refresh()

    def enrol_station(self) -> None:
        from ..dialogs.enrol_dialogs import StationEnrolDialog

        StationEnrolDialog(self.store, self).exec()
        self.refresh()
        self.data_changed.emit()  # a scope makes places outside it read-only in the tree

    # --- background steps ---------------------------------------------------------------------
    def _run(self, fn, *args, on_success) -> tasks.Task:
        task = tasks.Task(fn, self.store.path, *args)
        self.progress.setValue(0)
        self.progress.show()
        for b in (self.export_button, self.import_button, self.receipt_button, self.apply_receipt_button):
            b.setEnabled(False)
        task.progress.connect(lambda done, total: self.progress.setValue(int(done * 100 / max(total, 1))))
        task.succeeded.connect(on_success)
        task.failed.connect(lambda text: messages.error(self, text) if text else None)
        task.finished.connect(self._finished)
        self._task = tasks.start(task)
        return task

    def _finished(self) -> None:
        self.progress.hide()
        for b in (self.export_button, self.import_button, self.receipt_button, self.apply_receipt_button):
            b.setEnabled(True)
        self.refresh()
        self.task_done.emit()

    def export_file(self, path: str | None = None) -> None:
        if path is None:
            n = int(self.store.meta("sync.file_no", "0") or 0) + 1
            path = ask_save_path(self, self.store.path, self.tr("导出同步文件"), f"第{n}号.liftsync", FILTER,
                                 (".liftsync",))
        else:
            path = check_save_path(self, self.store.path, path, (".liftsync",))
        if not path:
            return
        path = str(path)

        def done(manifest):
            self.status.setText(t("sync.exported", file_no=manifest["file_no"], path=path, changes=manifest["changes"],
                                  size=Path(path).stat().st_size))
        self._run(_export, path, on_success=done)

    def import_file(self, path: str | None = None, passphrase: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("导入同步文件"), "", FILTER)
        if not path:
            return
        if passphrase is None:
            passphrase, ok = QInputDialog.getText(self, self.tr("区密钥口令"), self.tr("请输入区密钥口令："),
                                                  QLineEdit.EchoMode.Password)
            if not ok or not passphrase:
                return

        def previewed(result):
            d = result.details()
            key = "sync.new_station_preview" if result.new_station else "sync.from_station"
            lines = [t(key, name=d["name"], station=d["station"], fingerprint=d["fingerprint"], file_no=d["file_no"])]
            lines += [t("sync.gap", n=n) for n in result.gaps]
            if result.plaintext:
                lines.append(t("sync.plaintext_received"))
            lines += result.warnings
            lines.append(t("sync.preview", **result.as_json()))
            lines.append(self.tr("现在导入吗？"))
            self.status.setText("\n".join(lines[:-1]))
            if messages.confirm(self, "\n".join(lines)):
                self._pending = (path, passphrase)

        self._pending = None
        task = self._run(_import, path, passphrase, True, on_success=previewed)
        task.finished.connect(self._apply_pending)

    def _apply_pending(self) -> None:
        if not self._pending:
            return
        path, passphrase = self._pending
        self._pending = None

        def applied(result):
            self.last_result = result
            d = result.details()
            self.status.setText(t("sync.new_station_pending", name=d["name"], station=d["station"],
                                  fingerprint=d["fingerprint"]) if result.pending
                                else t("sync.preview", **result.as_json()))
            self.data_changed.emit()
        self._run(_import, path, passphrase, False, on_success=applied)

    def selected_station(self) -> dict | None:
        rows = self.station_view.selectionModel().selectedRows()
        if not rows and len(self.station_model.items) == 1:
            return self.station_model.items[0]
        if rows:
            return self.station_model.items[rows[0].row()]
        messages.error(self, self.tr("请先在“工作站”页选中一个工作站。"))
        return None

    def accept_station(self) -> None:
        """The SSH-style check: the fingerprint shown here against the one read out by the station."""
        from ..dialogs.station_dialogs import AcceptStationDialog
        station = self.selected_station()
        if station is None:
            return
        self.dialog = dialog = AcceptStationDialog(station, station["pending"] > 0, self)

        def accepted():
            def done(results):
                self.status.setText(t("sync.station_accepted", station=station["station_id"],
                                      scope="、".join(a for a in station["scope"].split("\n") if a), n=len(results)))
                self.data_changed.emit()
            self._run(_accept, station["station_id"], dialog.typed.text(), dialog.passphrase.text(), on_success=done)
        dialog.accepted.connect(accepted)
        dialog.open()

    def set_scope(self) -> None:
        from ..dialogs.station_dialogs import StationScopeDialog
        station = self.selected_station()
        if station is None:
            return
        from ..dialogs.enrol_dialogs import scope_choices
        self.dialog = dialog = StationScopeDialog(station, self, scope_choices(self.store))

        def accepted():
            try:
                scope = enrol.set_scope(self.store, station["station_id"], dialog.lines())
            except LiftDeskError as exc:
                messages.error(self, str(exc))
                return
            self.status.setText(t("sync.scope_set", station=station["station_id"], scope="、".join(scope.split("\n"))))
            self.refresh()
        dialog.accepted.connect(accepted)
        dialog.open()

    def review_held(self) -> None:
        """The rows held back from stations, released or rejected one by one or many at once."""
        from ..dialogs.held_dialog import HeldRowsDialog
        self.dialog = dialog = HeldRowsDialog(self.store, self)
        dialog.changed.connect(self.data_changed.emit)
        dialog.finished.connect(lambda _: self.refresh())
        dialog.open()

    def revoke_station(self) -> None:
        from ..dialogs.station_dialogs import RevokeStationDialog
        station = self.selected_station()
        if station is None:
            return
        self.dialog = dialog = RevokeStationDialog(station, self)

        def accepted():
            try:
                enrol.revoke(self.store, station["station_id"])
            except LiftDeskError as exc:
                messages.error(self, str(exc))
                return
            self.status.setText(t("sync.revoked", station=station["station_id"]))
            self.refresh()
        dialog.accepted.connect(accepted)
        dialog.open()

    def write_receipt(self, path: str | None = None) -> None:
        station = self.selected_station()
        if station is None:
            return
        if path is None:
            path = ask_save_path(self, self.store.path, self.tr("写回执"), f"回执-{station['name']}.liftsync", FILTER,
                                 (".liftsync",))
        else:
            path = check_save_path(self, self.store.path, path, (".liftsync",))
        if not path:
            return
        path = str(path)
        self._run(_receipt, station["station_id"], path, on_success=lambda m: self.status.setText(
            t("sync.receipt_written", path=path, ack=m["ack_seq"], changes=m["changes"])))

    def apply_receipt_file(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("应用回执"), "", FILTER)
        if not path:
            return

        def applied(result):
            self.status.setText(t("sync.receipt_applied", ack=result.ack_seq, new=result.counts.new,
                                  updated=result.counts.updated, conflicts=result.counts.conflicts))
            self.data_changed.emit()
        self._run(_apply_receipt, path, on_success=applied)

    # --- conflicts ----------------------------------------------------------------------------
    def current_conflict(self):
        index = self.conflict_view.currentIndex()
        return self.conflict_model.items[index.row()] if index.isValid() else None

    def _show_conflict(self) -> None:
        c = self.current_conflict()
        self.subject.setText(f"{c.where}\n{c.field_label}" if c else self.tr("没有未解决的冲突。"))
        self.mine_value.setText(c.shown(c.district_value) if c else "")
        self.theirs_value.setText(c.shown(c.station_value) if c else "")
        for b in (self.keep_mine, self.keep_theirs, self.keep_manual):
            b.setEnabled(c is not None)

    def resolve_current(self, keep: str | None) -> None:
        c = self.current_conflict()
        if c is None:
            return
        if keep is None:
            text, ok = QInputDialog.getText(self, self.tr("手动填写"), self.tr("{field} 的值：").format(field=c.field_label),
                                            text=c.shown(c.district_value))
            if not ok:
                return
            try:
                keep = conflicts.parse_value(c.table, c.field, text)
            except LiftDeskError as exc:
                messages.error(self, str(exc))
                return
        try:
            value = c.shown(conflicts.resolve(self.store, c.id, keep))
        except LiftDeskError as exc:
            messages.error(self, str(exc))
            return
        self.status.setText(t("sync.resolved", id=c.id, value=value))
        self.refresh()
        self.data_changed.emit()
