"""Backups: make one now, choose a second folder (a USB stick) and how many to keep, and restore
one after seeing what it holds (counts, newest change, when it was made)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QPushButton, QSpinBox, QVBoxLayout, QWidget)

from liftdesk.errors import LiftDeskError
from liftdesk.common.settings import Settings
from liftdesk.store import Store, backup

from .. import messages, tasks

PathRole = Qt.ItemDataRole.UserRole


class BackupDialog(QDialog):
    restored = Signal(str)

    def __init__(self, store: Store, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.settings = store, settings
        self.setWindowTitle(self.tr("备份与恢复"))
        self.resize(720, 520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.folder_label = QLabel(str(backup.backup_folder(store.path)))
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label.setWordWrap(True)
        form.addRow(self.tr("备份文件夹"), self.folder_label)
        self.second = QLineEdit(settings.get("backup_dir2"))
        self.second.setReadOnly(True)
        self.second.setPlaceholderText(self.tr("未设置（可选 U 盘上的文件夹）"))
        self.second.setMinimumWidth(self.fontMetrics().horizontalAdvance(self.second.placeholderText()) + 24)
        self.choose_button = QPushButton(self.tr("选择…"))
        self.clear_button = QPushButton(self.tr("不用"))
        row = QHBoxLayout()
        row.addWidget(self.second, 1)
        row.addWidget(self.choose_button)
        row.addWidget(self.clear_button)
        form.addRow(self.tr("第二个备份文件夹"), row)
        self.keep = QSpinBox()
        self.keep.setRange(1, 100)
        self.keep.setValue(settings.get("backup_keep"))
        form.addRow(self.tr("保留最近备份的份数（另按天、周、月各留一份）"), self.keep)
        self.max_size = QSpinBox()  # retention by size too: the oldest go first, the newest always stays
        self.max_size.setRange(1, 1000)
        self.max_size.setSuffix(" GB")
        self.max_size.setValue(max(1, round(settings.get("backup_max_mb") / 1024)))
        form.addRow(self.tr("备份文件夹总大小上限（超出时先删最旧的）"), self.max_size)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("已有的备份（最新的在上）：")))
        self.list = QListWidget()
        layout.addWidget(self.list, 1)
        self.preview = QLabel(self.tr("选中一份备份，查看其中的内容。"))
        self.preview.setWordWrap(True)
        layout.addWidget(self.preview)
        self.backup_button = QPushButton(self.tr("立即备份"))
        self.restore_button = QPushButton(self.tr("恢复所选备份…"))
        self.restore_button.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.choose_button.clicked.connect(self.choose_second)
        self.clear_button.clicked.connect(lambda: self._set_second(""))
        self.keep.valueChanged.connect(lambda value: self.settings.set("backup_keep", value))
        self.max_size.valueChanged.connect(lambda value: self.settings.set("backup_max_mb", value * 1024))
        self.list.currentItemChanged.connect(self.show_preview)
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.reload()

    def _second(self) -> Path | None:
        return Path(self.second.text()) if self.second.text() else None

    def _set_second(self, folder: str) -> None:
        self.second.setText(folder)
        self.settings.set("backup_dir2", folder)

    def choose_second(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择第二个备份文件夹"), self.second.text())
        if folder:
            self._set_second(folder)

    def reload(self) -> None:
        self.list.clear()
        folders = backup.folders_for(self.store.path, self._second() or False)
        for item in backup.list_backups(self.store.path, folders):
            text = self.tr("{when}  {reason}  {folder}").format(
                when=item.when_local, reason=self._reason(item.reason), folder=item.path.parent)
            entry = QListWidgetItem(text)
            entry.setData(PathRole, str(item.path))
            self.list.addItem(entry)
        self.restore_button.setEnabled(False)

    def _reason(self, reason: str) -> str:
        names = {"start": self.tr("启动时"), "daily": self.tr("每日"), "import": self.tr("导入名册前"),
                 "merge": self.tr("合并前"), "manual": self.tr("手动"), "before-restore": self.tr("恢复前")}
        if reason.endswith("migration"):
            return self.tr("升级前")
        return names.get(reason, reason)

    def show_preview(self, current: QListWidgetItem | None, _previous=None) -> None:
        """Checked and counted off the UI thread (at 15× a backup decompresses to 4.5 GB); only
        the answer for the backup still selected is shown."""
        self.restore_button.setEnabled(False)
        if current is None:
            return
        path = current.data(PathRole)
        self.preview.setText(self.tr("正在读取这份备份…"))
        self.preview_task = task = tasks.Task(_checked_preview, Path(path))
        task.succeeded.connect(lambda info: self._previewed(path, info))
        task.failed.connect(lambda message: self._unusable(path, message))
        tasks.start(task)

    def _selected_path(self) -> str | None:
        item = self.list.currentItem()
        return item.data(PathRole) if item is not None else None

    def _unusable(self, path: str, message: str) -> None:
        if path == self._selected_path():
            reason = message.splitlines()[-1] if message else ""
            self.preview.setText(self.tr("这份备份不能用：{reason}").format(reason=reason))

    def _previewed(self, path: str, info: dict) -> None:
        if path != self._selected_path():
            return
        c = info["counts"]
        self.preview.setText(self.tr(
            "备份时间 {taken}；最近一次修改 {newest}\n{households} 户、{units} 个单元、{projects} 个加梯项目、"
            "{people} 人、{positions} 条意见记录、{changes} 条修改记录").format(
            taken=info["taken_at_local"], newest=info["newest_change_local"] or "—", households=c.get("household", 0),
            units=c.get("unit", 0), projects=c.get("project", 0), people=c.get("person", 0),
            positions=c.get("position", 0), changes=info["changes"]))
        self.restore_button.setEnabled(True)

    def backup_now(self) -> None:
        """Made, compressed and verified off the UI thread."""
        self.backup_button.setEnabled(False)
        self.backup_task = task = tasks.Task(_make_backup, self.store.path, self._second() or False,
                                             self.keep.value())
        task.succeeded.connect(self._backed_up)
        task.failed.connect(lambda message: message and messages.error(self, message.splitlines()[-1]))
        task.finished.connect(lambda: self.backup_button.setEnabled(True))
        self.preview.setText(self.tr("正在备份并校验…"))
        tasks.start(task)

    def _backed_up(self, made) -> None:
        messages.status(self.parentWidget() or self, self.tr("已备份：{path}").format(path=made))
        self.reload()
        self.list.setCurrentRow(0)

    def restore_selected(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        if not messages.confirm(self, self.tr("用这份备份替换当前数据库？\n{preview}\n当前数据库会先另存一份备份。")
                                .format(preview=self.preview.text())):
            return
        try:
            done = backup.restore(self.store.path, Path(item.data(PathRole)))
        except LiftDeskError as exc:
            messages.error(self, str(exc))
            return
        messages.info(self, self.tr("已恢复。恢复前的数据库已保存为：{kept}").format(kept=done["kept"] or "—"))
        self.restored.emit(done["restored"])
        self.reload()


def _checked_preview(path: Path, progress, cancelled) -> dict:
    return backup.checked_preview(path)


def _make_backup(path: Path, second, keep: int, progress, cancelled) -> Path:
    return backup.make_backup(path, "manual", second=second, keep=keep)
