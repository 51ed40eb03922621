"""Enrolment without a terminal: the district office sets up its keys (the passphrase typed twice,
the recovery sheet printed through the print dialog), a station enrols by choosing the district's
key file and shows its id and fingerprint to read over the phone. A district whose computer was
replaced takes its key back from the recovery sheet. The rules and messages are the core's
(liftdesk/sync/enrol.py), the same as `district-init`, `station-init` and `district-recover`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QComboBox, QDialog, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

from liftdesk.common.paths import data_dir
from liftdesk.errors import LiftDeskError
from liftdesk.i18n import t
from liftdesk.places import places
from liftdesk.store import Store
from liftdesk.sync import enrol
from liftdesk.sync.recovery_sheet import write_sheet

from .. import messages
from ..pdf_printer import render_pdf

KEY_FILTER = "区公钥 (*.key);;所有文件 (*)"


def _big(text: str = "") -> QLabel:
    """A line read out over the phone: large, selectable, wrapping."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.3)
    font.setBold(True)
    label.setFont(font)
    return label


def _widen(dialog: QDialog) -> None:
    """Wide enough for a file path and a fingerprint on one line (ui/screen.py keeps it on screen)."""
    dialog.resize(dialog.fontMetrics().horizontalAdvance("中") * 38, dialog.sizeHint().height())


def _file_row(edit: QLineEdit, button: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    row.addWidget(button)
    return row


class DistrictKeysDialog(QDialog):
    """区加梯办: make the district's keys once; then print the recovery sheet and hand out the key file."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.keyfile: Path | None = None
        self.sheet: Path | None = None
        self.setWindowTitle(self.tr("设置区密钥"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("区加梯办只做一次。口令保护区私钥：导入工作站文件时要输入它。"
                               "口令至少 8 个字符，请另行保管，不要写在恢复单上。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.passphrase, self.again = QLineEdit(), QLineEdit()
        for edit in (self.passphrase, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("口令"), self.passphrase)
        form.addRow(self.tr("再输一次"), self.again)
        name = places.district_name(store) or "district"
        self.keyfile_edit = QLineEdit(str(data_dir() / f"{name}-区公钥.key"))
        self.choose_button = QPushButton(self.tr("选择…"))
        self.choose_button.clicked.connect(self._choose)
        form.addRow(self.tr("公钥文件（发给各工作站）"), _file_row(self.keyfile_edit, self.choose_button))
        layout.addLayout(form)
        self.result_label = _big()
        self.result_label.hide()
        layout.addWidget(self.result_label)
        buttons = QHBoxLayout()
        buttons.addStretch()
        self.create_button = QPushButton(self.tr("生成区密钥"))
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create_keys)
        self.print_button = QPushButton(self.tr("打印恢复单…"))
        self.print_button.clicked.connect(self.print_sheet)
        self.print_button.hide()
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.clicked.connect(self.accept)
        for b in (self.create_button, self.print_button, self.close_button):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        _widen(self)

    def _choose(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("公钥文件"), self.keyfile_edit.text(), KEY_FILTER)
        if path:
            self.keyfile_edit.setText(path)

    def create_keys(self) -> None:
        if self.passphrase.text() != self.again.text():
            messages.error(self, self.tr("两次输入的口令不一致，请重新输入。"))
            self.again.clear()
            self.again.setFocus()
            return
        target = self.keyfile_edit.text().strip()
        if not target:
            messages.error(self, self.tr("请选择公钥文件的位置。"))
            return
        try:
            public, code = enrol.district_init(self.store, self.passphrase.text())
            self.keyfile = enrol.write_keyfile(public, target)
            self.sheet = write_sheet(public, code, f"{self.keyfile}.recovery.pdf")
        except LiftDeskError as exc:
            messages.error(self, str(exc))
            return
        for edit in (self.passphrase, self.again):
            edit.clear()
            edit.setEnabled(False)
        self.keyfile_edit.setEnabled(False)
        self.choose_button.setEnabled(False)
        self.create_button.hide()
        self.print_button.show()
        self.print_button.setDefault(True)
        self.result_label.setText(t("sync.district_ready", keyfile=self.keyfile, sheet=self.sheet,
                                    fingerprint=public.fingerprint))
        self.result_label.show()

    def print_sheet(self) -> int:
        """Through the system's print dialog; returns the pages sent (0 when cancelled)."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return 0
        return self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        sent = render_pdf(self.sheet, printer)
        if not sent:
            messages.error(self, self.tr("无法开始打印，请检查打印机。恢复单已保存：{path}").format(path=self.sheet))
        return sent


def scope_choices(store: Store) -> list[str]:
    """The streets and their communities this database knows, as 街道 and 街道/社区."""
    found = []
    for street in places.children(store, "district", None):
        found.append(street.name)
        found += [f"{street.name}/{c.name}" for c in places.children(store, "street", street.id)]
    return found


class StationEnrolDialog(QDialog):
    """工作站: enrol with the district's key file; then read the id and fingerprint to the district."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.identity = None
        self.setWindowTitle(self.tr("登记为工作站"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("用区加梯办发来的区公钥文件登记本库。登记后导出第一个同步文件交给区加梯办，"
                               "并在电话里把下面显示的编号和密钥指纹念给对方核对。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("例如 潮鸣街道工作站"))
        form.addRow(self.tr("工作站名称"), self.name)
        self.keyfile_edit = QLineEdit()
        self.keyfile_edit.setReadOnly(True)
        self.keyfile_edit.setPlaceholderText(self.tr("尚未选择"))
        self.choose_button = QPushButton(self.tr("选择…"))
        self.choose_button.clicked.connect(self._choose)
        form.addRow(self.tr("区公钥文件"), _file_row(self.keyfile_edit, self.choose_button))
        self.district_label = QLabel()
        self.district_label.setWordWrap(True)
        self.district_label.hide()  # shown with the district's name and fingerprint once a file is chosen
        form.addRow("", self.district_label)
        self.scope = QComboBox()
        self.scope.setEditable(True)
        self.scope.addItem("")
        self.scope.addItems(scope_choices(store))
        self.scope.lineEdit().setPlaceholderText(self.tr("由区里确认时指定（可留空）"))
        form.addRow(self.tr("范围（街道[/社区]）"), self.scope)
        layout.addLayout(form)
        self.result_label = _big()
        self.result_label.hide()
        layout.addWidget(self.result_label)
        buttons = QHBoxLayout()
        buttons.addStretch()
        self.enrol_button = QPushButton(self.tr("登记"))
        self.enrol_button.setDefault(True)
        self.enrol_button.clicked.connect(self.enrol)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.clicked.connect(self.accept)
        buttons.addWidget(self.enrol_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        _widen(self)

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择区公钥文件"), "", KEY_FILTER)
        if path:
            self.set_keyfile(path)

    def set_keyfile(self, path: str) -> None:
        self.keyfile_edit.setText(path)
        self.district_label.show()
        try:
            district = enrol.read_keyfile(path)
        except LiftDeskError as exc:
            self.district_label.setText(str(exc))
            return
        self.district_label.setText(self.tr("{name} 区加梯办，区密钥指纹 {fp}").format(
            name=district.name or "—", fp=district.fingerprint))

    def enrol(self) -> None:
        if not self.keyfile_edit.text():
            messages.error(self, self.tr("请先选择区公钥文件。"))
            return
        try:
            district = enrol.read_keyfile(self.keyfile_edit.text())
            me = enrol.station_init(self.store, self.name.text(), district, self.scope.currentText())
        except LiftDeskError as exc:
            messages.error(self, str(exc))
            return
        self.identity = me
        for w in (self.name, self.choose_button, self.scope, self.enrol_button):
            w.setEnabled(False)
        lines = [self.tr("工作站“{name}”已登记。导出第一个同步文件交给区加梯办，并在电话里念出：").format(name=me.name),
                 self.tr("编号　{id}").format(id=me.station_id), self.tr("指纹　{fp}").format(fp=me.keys.fingerprint)]
        if me.scope and not enrol.has_places(self.store):
            lines.append(t("sync.scope_later", scope=me.scope))
        self.result_label.setText("\n".join(lines))
        self.result_label.show()
        self.close_button.setDefault(True)


class DistrictRecoverDialog(QDialog):
    """区加梯办, on a new or restored computer: the district key back from the printed recovery
    sheet (its code typed or read from a file) and the passphrase; stations need not enrol again."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.public = None
        self.setWindowTitle(self.tr("从恢复单恢复区密钥"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("输入恢复单上的恢复码（空格和换行不要紧），或读取扫描二维码得到的文本文件，"
                               "再输入区密钥口令。恢复后请核对密钥指纹与恢复单上的一致。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.code = QPlainTextEdit()
        self.code.setPlaceholderText(self.tr("恢复码"))
        self.code.setTabChangesFocus(True)
        layout.addWidget(self.code, 1)
        form = QFormLayout()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("口令"), self.passphrase)
        layout.addLayout(form)
        self.result_label = _big()
        self.result_label.hide()
        layout.addWidget(self.result_label)
        buttons = QHBoxLayout()
        self.file_button = QPushButton(self.tr("从文件读取恢复码…"))
        self.file_button.clicked.connect(self._read_file)
        buttons.addWidget(self.file_button)
        buttons.addStretch()
        self.recover_button = QPushButton(self.tr("恢复"))
        self.recover_button.setDefault(True)
        self.recover_button.clicked.connect(self.recover)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.clicked.connect(self.accept)
        buttons.addWidget(self.recover_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        _widen(self)

    def _read_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("恢复码文件"), "",
                                              self.tr("文本文件 (*.txt);;所有文件 (*)"))
        if not path:
            return
        try:
            self.code.setPlainText(Path(path).read_text(encoding="utf-8", errors="replace"))
        except OSError as exc:
            messages.error(self, self.tr("无法读取：{reason}").format(reason=exc.strerror or str(exc)))

    def recover(self) -> None:
        try:
            self.public = enrol.district_recover(self.store, self.code.toPlainText(), self.passphrase.text())
        except LiftDeskError as exc:
            messages.error(self, str(exc))
            return
        self.passphrase.clear()
        for w in (self.code, self.passphrase, self.file_button, self.recover_button):
            w.setEnabled(False)
        self.result_label.setText(self.tr("区密钥已恢复（{name}）。密钥指纹：{fp}").format(
            name=self.public.name or "—", fp=self.public.fingerprint))
        self.result_label.show()
        self.close_button.setDefault(True)
