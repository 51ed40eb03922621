"""The station lock in the GUI: a login before the window opens, locking after idle minutes (or
Ctrl+L), and the 站点与隐私 dialog that turns it on and keeps the logins. Core: liftdesk/people/accounts.py."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QMainWindow, QMenuBar,
                               QProgressDialog, QPushButton, QSpinBox, QToolBar, QVBoxLayout, QWidget)

from liftdesk.people import accounts, privacy
from liftdesk.errors import LiftDeskError
from liftdesk.store import Store

ERROR_STYLE = "color: #b00020;"


class LoginDialog(QDialog):
    """User and password. A wrong password keeps the dialog open with a message; on success the
    store's actor is the login. `locked`: the window behind is locked, Esc does not dismiss it."""

    def __init__(self, store: Store, parent: QWidget | None = None, locked: bool = False):
        super().__init__(parent)
        self.store, self.locked = store, locked
        self.setWindowTitle(self.tr("已锁定 — 请登录") if locked else self.tr("登录 LiftDesk"))
        self.user = QComboBox()
        self.user.addItems(accounts.names(store))
        if store.actor in accounts.names(store):
            self.user.setCurrentText(store.actor)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.note = QLabel()  # what the lock closed, unsaved
        self.note.setWordWrap(True)
        self.note.hide()
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("本站已开启站点锁，居民个人信息只对登录的工作人员显示。")))
        form.addRow(self.note)
        form.addRow(self.tr("登录名"), self.user)
        form.addRow(self.tr("密码"), self.password)
        form.addRow(self.message)
        buttons = QDialogButtonBox()
        self.login_button = buttons.addButton(self.tr("登录"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit_button = buttons.addButton(self.tr("退出程序"), QDialogButtonBox.ButtonRole.RejectRole)
        self.login_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self._quit)
        form.addRow(buttons)
        self.quitting = False
        self.password.setFocus()

    def accept(self) -> None:
        try:
            accounts.login(self.store, self.user.currentText(), self.password.text())
        except LiftDeskError as exc:
            self.message.setText(str(exc))
            self.password.clear()
            self.password.setFocus()
            return
        super().accept()

    def _quit(self) -> None:
        self.quitting = True
        super().reject()

    def reject(self) -> None:  # Esc: a locked station stays locked
        if not self.locked:
            super().reject()


def login_at_start(store: Store) -> bool:
    """Before the window opens: True when there is no lock or the login succeeded."""
    if not accounts.lock_settings(store).enabled:
        return True
    return LoginDialog(store).exec() == QDialog.DialogCode.Accepted


class StationLock(QObject):
    """Locks the main window after the idle minutes of the station lock (and on Ctrl+L): the pages,
    menus and toolbars are hidden until a login succeeds, which also becomes the change-log actor."""

    _INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel}

    def __init__(self, window: QMainWindow, store: Store, idle_ms: int | None = None):
        super().__init__(window)
        self.window, self.store = window, store
        self.locked = False
        self.dialog: LoginDialog | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self._idle_ms = idle_ms
        self.action = QAction(self.tr("锁定"), window)
        self.action.setShortcut(QKeySequence("Ctrl+L"))
        self.action.triggered.connect(self.lock)
        window.addAction(self.action)
        QApplication.instance().installEventFilter(self)
        self.refresh()

    def refresh(self) -> None:
        """Re-read the lock settings (after the 站点与隐私 dialog)."""
        settings = accounts.lock_settings(self.store)
        self.action.setEnabled(settings.enabled)
        if settings.enabled and not self.locked:
            self.timer.start(self._idle_ms or settings.idle_minutes * 60_000)
        else:
            self.timer.stop()

    def eventFilter(self, obj, event):
        if obj is self.window and event.type() == QEvent.Type.Close:
            self.timer.stop()  # the window (and soon its database) is going away
        elif event.type() in self._INPUT and not self.locked and self.timer.isActive():
            self.timer.start()  # any key or mouse input restarts the idle count
        return False

    def _cover(self, hidden: bool) -> None:
        central = self.window.centralWidget()
        if central is not None:
            central.setVisible(not hidden)
        for bar in self.window.findChildren(QToolBar) + self.window.findChildren(QMenuBar):
            bar.setEnabled(not hidden)

    def lock(self) -> None:
        if self.locked or not self.window.isVisible() or not accounts.lock_settings(self.store).enabled:
            return
        self.locked = True
        accounts.lock_station(self.store)  # the core refuses every change until the next login
        self.timer.stop()
        closed = self._close_dialogs()
        self._cover(True)
        self.dialog = LoginDialog(self.store, self.window, locked=True)
        if closed:
            self.dialog.note.setText(self.tr("锁定时关闭了未保存的窗口（输入未保存）：{titles}").format(
                titles="、".join(closed)))
            self.dialog.note.show()
        self.dialog.accepted.connect(self._unlocked)
        self.dialog.rejected.connect(lambda: self.dialog.quitting and self.window.close())
        self.dialog.open()

    def _close_dialogs(self) -> list[str]:
        """Close every dialog open over the window (a position half typed in, a question, a file
        dialog), discarding its input: what was on screen must not stay readable or savable.
        Returns their titles, for the note on the login."""
        closed = []
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog):  # work under way (a batch print): no input, it goes on
                continue
            if isinstance(widget, QDialog) and widget.isVisible() and widget is not self.dialog:
                closed.append(widget.windowTitle() or widget.objectName())
                widget.done(QDialog.DialogCode.Rejected)  # ends its exec(): the caller sees a cancel
                widget.hide()
        return [title for title in closed if title]

    def _unlocked(self) -> None:
        self.locked = False
        self._cover(False)
        self.window.statusBar().showMessage(self.tr("已登录：{name}").format(name=self.store.actor), 8000)
        self.refresh()


class StationDialog(QDialog):
    """站点与隐私: the station lock (on/off, idle minutes), its logins, and whether whole ID numbers
    are kept. Logins are added and removed at once; the rest is saved on OK. Errors show inside."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("站点与隐私"))
        settings = accounts.lock_settings(store)
        self.enabled = QCheckBox(self.tr("开启站点锁（打开程序时和离开一段时间后需要登录）"))
        self.enabled.setChecked(settings.enabled)
        self.idle = QSpinBox()
        self.idle.setRange(1, 240)
        self.idle.setValue(settings.idle_minutes)
        self.idle.setSuffix(self.tr(" 分钟无操作后自动锁定"))
        self.logins = QListWidget()
        self.logins.addItems(accounts.names(store))
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(self.tr("登录名（如 王姐）"))
        self.new_password = QLineEdit()
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_password.setPlaceholderText(self.tr("密码（至少 6 位）"))
        self.add_button = QPushButton(self.tr("添加登录"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_login)
        self.remove_button = QPushButton(self.tr("删除所选登录"))
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_login)
        self.full_ids = QCheckBox(self.tr("保存完整身份证号（默认只保存后四位和校验码）"))
        self.full_ids.setChecked(privacy.id_policy(store) == "full")
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)

        # Said plainly: what the lock does not do (the file itself is not encrypted).
        self.exposure = QLabel()
        self.exposure.setObjectName("exposureNote")
        self.exposure.setWordWrap(True)
        self.enabled.toggled.connect(self._show_exposure)
        self._show_exposure(self.enabled.isChecked())

        lock_box = QGroupBox(self.tr("站点锁"))
        lock_layout = QVBoxLayout(lock_box)
        lock_layout.addWidget(self.enabled)
        lock_layout.addWidget(self.exposure)
        lock_layout.addWidget(self.idle)
        lock_layout.addWidget(QLabel(self.tr("登录（每位工作人员一个，变更记录里记下是谁改的）")))
        lock_layout.addWidget(self.logins)
        row = QHBoxLayout()
        row.addWidget(self.new_name)
        row.addWidget(self.new_password)
        row.addWidget(self.add_button)
        lock_layout.addLayout(row)
        lock_layout.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(lock_box)
        layout.addWidget(self.full_ids)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _show_exposure(self, on: bool) -> None:
        self.exposure.setText(
            self.tr("注意：站点锁只锁住本程序的界面；数据库文件和备份本身没有加密，拿到文件的人仍能读取其中的个人信息。")
            if on else
            self.tr("站点锁未开启：任何能使用这台电脑的人都能打开本程序，或直接读取数据库文件，"
                    "看到居民的姓名、电话和意见。"))

    def add_login(self) -> None:
        try:
            name = accounts.add_account(self.store, self.new_name.text(), self.new_password.text())
        except LiftDeskError as exc:
            self.message.setText(str(exc))
            return
        self.logins.addItem(name)
        self.new_name.clear()
        self.new_password.clear()
        self.message.clear()

    def remove_login(self) -> None:
        item = self.logins.currentItem()
        if item is None:
            return
        try:
            accounts.remove_account(self.store, item.text())
        except LiftDeskError as exc:
            self.message.setText(str(exc))
            return
        self.logins.takeItem(self.logins.row(item))

    def accept(self) -> None:
        try:
            accounts.set_lock(self.store, self.enabled.isChecked(), self.idle.value())
        except LiftDeskError as exc:
            self.message.setText(str(exc))
            return
        privacy.set_id_policy(self.store, "full" if self.full_ids.isChecked() else "masked")
        super().accept()
