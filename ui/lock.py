"""The station lock in the GUI: a login before the window opens, locking after idle minutes (or
Ctrl+L), and the 站点与隐私 dialog that turns it on and keeps the logins. Core: liftdesk/people/accounts.py."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QGroupBox, QHBoxLayout, QInputDialog, QLabel, QLineEdit, QListWidget, QMainWindow,
                               QMenuBar, QProgressDialog, QPushButton, QSpinBox, QToolBar, QVBoxLayout, QWidget)

from liftdesk.people import accounts, privacy
from liftdesk.errors import LiftDeskError
from liftdesk.store import Store, cipher, protection

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


class UnlockDialog(QDialog):
    """Before an encrypted database is opened (#19): a helper's name and password unwrap its key;
    or the printed recovery code does. Nothing of the file is read before this succeeds."""

    def __init__(self, path, parent: QWidget | None = None):
        super().__init__(parent)
        self.path = path
        self.login: tuple[str, str] | None = None  # the login that opened it (None: the recovery code)
        self.setWindowTitle(self.tr("登录 LiftDesk"))
        self.user = QComboBox()
        self.user.addItems(cipher.login_names(path))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.use_code = QCheckBox(self.tr("忘记密码：用打印的恢复码打开"))
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("恢复码（32 个字母和数字，空格可省略）"))
        self.code.hide()
        self.use_code.toggled.connect(self._toggle_code)
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("本数据库已加密（站点锁已开启）：登录后才能打开。")))
        form.addRow(self.tr("登录名"), self.user)
        form.addRow(self.tr("密码"), self.password)
        form.addRow(self.use_code)
        form.addRow(self.code)
        form.addRow(self.message)
        buttons = QDialogButtonBox()
        self.login_button = buttons.addButton(self.tr("登录"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.login_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.password.setFocus()

    def _toggle_code(self, on: bool) -> None:
        self.code.setVisible(on)
        self.password.setEnabled(not on)
        (self.code if on else self.password).setFocus()

    def accept(self) -> None:
        try:
            if self.use_code.isChecked():
                cipher.unlock_with_code(self.path, self.code.text())
                self.login = None
            else:
                cipher.unlock(self.path, self.user.currentText(), self.password.text())
                self.login = (self.user.currentText(), self.password.text())
        except LiftDeskError as exc:
            self.message.setText(str(exc))
            self.password.clear()
            return
        super().accept()


def unlock_at_start(path) -> tuple[bool, tuple[str, str] | None]:
    """(opened, login): an encrypted file whose key this process does not hold asks for a login
    (or the recovery code) first; a plain file, or one already unlocked, needs nothing here."""
    if not cipher.is_encrypted(path) or cipher.key_for(path) is not None:
        return True, None
    dialog = UnlockDialog(path)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False, None
    return True, dialog.login or ("", "")


class RecoveryCodeDialog(QDialog):
    """The recovery code, shown once when the file is first encrypted: to write down or print and
    lock away. It is kept nowhere else."""

    def __init__(self, code: str, code_id: str, database: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.code_text, self.code_id, self.database = cipher.code_groups(code), code_id, database
        self.setWindowTitle(self.tr("数据库已加密：请保管恢复码"))
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("数据库文件和备份现已加密。所有登录的密码都忘记时，只有下面的恢复码能打开它。"
                              "请抄写或打印后锁入保险柜；本程序不保存恢复码，关闭本窗口后无法再次显示。"))
        note.setWordWrap(True)
        self.code = QLabel(self.code_text)
        self.code.setObjectName("recoveryCode")
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code.setStyleSheet("font-family: monospace; font-size: 150%; font-weight: bold;")
        layout.addWidget(note)
        layout.addWidget(QLabel(self.tr("恢复单编号：{code_id}").format(code_id=code_id)))
        layout.addWidget(self.code)
        self.saved = QLabel()
        self.saved.setWordWrap(True)
        layout.addWidget(self.saved)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("我已抄好"))
        self.pdf_button = buttons.addButton(self.tr("存为 PDF 打印…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.pdf_button.setAutoDefault(False)
        self.pdf_button.clicked.connect(self.save_pdf)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def save_pdf(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from liftdesk.documents.recovery_code_sheet import write_sheet

        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存恢复单"), f"恢复单-{self.code_id}.pdf", "PDF (*.pdf)")
        if not path:
            return
        try:
            write_sheet(self.code_text, self.code_id, self.database, path)
        except (OSError, LiftDeskError) as exc:
            self.saved.setText(str(exc))
            return
        self.saved.setText(self.tr("已保存：{path}。打印后请删除这个文件：凭恢复码即可打开数据库。").format(path=path))


def protection_note(store: Store, lock_on: bool) -> str:
    """What 设置 says about the file itself (#19): readable by anyone, or encrypted and where the
    recovery code is."""
    if store.path is None:
        return ""
    if cipher.is_encrypted(store.path):
        info = protection.recovery_info(store.path)
        return QApplication.translate(
            "lock", "数据库文件和备份已加密（SQLCipher）：没有工作人员的密码，拿到文件的人也读不出其中的个人信息。"
            "恢复码在开启站点锁时显示的恢复单上（编号 {code_id}，{created}），请锁在保险柜里。").format(
            code_id=info["code_id"], created=info["created_at"][:10])
    if lock_on:
        return QApplication.translate("lock", "站点锁已开启，但数据库文件还没有加密：点“确定”时加密，需要输入每个登录的密码。")
    return QApplication.translate(
        "lock", "站点锁未开启：数据库文件没有加密，任何能使用这台电脑的人都能打开本程序，或直接读取数据库文件和备份，"
        "看到居民的姓名、电话和意见。")


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
        self.typed: dict[str, str] = {}  # passwords typed in this dialog, by login
        self.recovery_code: str | None = None
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
        self.exposure.setText(protection_note(self.store, on))  # #19: what the file itself reveals

    def add_login(self) -> None:
        try:
            name = accounts.add_account(self.store, self.new_name.text(), self.new_password.text())
        except LiftDeskError as exc:
            self.message.setText(str(exc))
            return
        self.typed[name] = self.new_password.text()  # to wrap the key when the lock is turned on (#19)
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

    def _passwords(self) -> dict[str, str] | None:
        """Every login's password, to wrap the file's key (#19): those typed here, the others asked."""
        passwords = dict(self.typed)
        for name in accounts.names(self.store):
            if name not in passwords:
                text, ok = QInputDialog.getText(
                    self, self.tr("加密数据库"), self.tr("开启站点锁会加密数据库文件。请输入“{name}”的密码：").format(
                        name=name), QLineEdit.EchoMode.Password)
                if not ok:
                    return None
                passwords[name] = text
        return passwords

    def accept(self) -> None:
        encrypting = self.enabled.isChecked() and self.store.path is not None \
            and not cipher.is_encrypted(self.store.path)
        passwords = self._passwords() if encrypting and accounts.names(self.store) else {}
        if passwords is None:
            return
        try:
            self.recovery_code = accounts.set_lock(self.store, self.enabled.isChecked(), self.idle.value(),
                                                   passwords=passwords)
        except LiftDeskError as exc:
            self.message.setText(str(exc))
            return
        if self.recovery_code:
            RecoveryCodeDialog(self.recovery_code, protection.recovery_info(self.store.path)["code_id"],
                               self.store.path.name, self).exec()
        privacy.set_id_policy(self.store, "full" if self.full_ids.isChecked() else "masked")
        super().accept()
