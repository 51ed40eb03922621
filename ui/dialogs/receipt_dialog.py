"""录入回执: open a signed form by its serial (typed, or the QR scanner's text plus Enter) and
record each household's choice in a keystroke: 1 同意, 2 不同意, 3 弃权, 0 clear."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, Qt
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget)

from liftdesk.consent import positions
from liftdesk.documents import printed
from liftdesk.errors import LiftDeskError
from liftdesk.store import Store

from .. import messages
from ..colors import POSITION_COLORS
from ..widgets.tables import data_table

KEYS = {Qt.Key.Key_1: "support", Qt.Key.Key_2: "oppose", Qt.Key.Key_3: "abstain", Qt.Key.Key_0: None}


class ReceiptModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[printed.ReceiptRow] = []
        self.choices: dict[str, str | None] = {}

    def load(self, rows) -> None:
        self.beginResetModel()
        self.rows, self.choices = list(rows), {}
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else 4

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return (self.tr("房号"), self.tr("业主"), self.tr("已录入"), self.tr("本次录入"))[section]
        return None

    def set_choice(self, row: int, choice: str | None) -> None:
        self.choices[self.rows[row].household_id] = choice
        self.dataChanged.emit(self.index(row, 0), self.index(row, 3))

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        choice = self.choices.get(row.household_id)
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return row.room
            if index.column() == 1:
                return row.owners
            if index.column() == 2:
                return positions.label(positions.POSITIONS, row.current) if row.current else ""
            return positions.label(positions.POSITIONS, choice) if choice else ""
        if role == Qt.ItemDataRole.BackgroundRole and choice:
            return POSITION_COLORS[choice]
        return None


class _ChoiceKeys(QObject):
    def __init__(self, dialog: "ReceiptDialog"):
        super().__init__(dialog)
        self.dialog = dialog

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.KeyPress and event.key() in KEYS:
            index = self.dialog.table.currentIndex()
            if index.isValid():
                self.dialog.model.set_choice(index.row(), KEYS[event.key()])
                below = self.dialog.model.index(min(index.row() + 1, self.dialog.model.rowCount() - 1), 0)
                self.dialog.table.setCurrentIndex(below)  # next row, ready for the next keystroke
            return True
        return False


class ReceiptDialog(QDialog):
    def __init__(self, store: Store, recorded_by: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.recorded_by = store, recorded_by
        self.setWindowTitle(self.tr("录入回执"))
        self.resize(640, 620)
        self.serial = QLineEdit()
        self.serial.setPlaceholderText(self.tr("输入或扫描表格上的编号，回车打开"))
        self.serial.returnPressed.connect(self.open_serial)
        self.info = QLabel(self.tr("选中一户后按 1 同意、2 不同意、3 弃权、0 清除；自动跳到下一户。"))
        self.info.setWordWrap(True)
        self.model = ReceiptModel(self)
        self.table = data_table(self.model, stretch_all=True)
        self.table.installEventFilter(_ChoiceKeys(self))
        self.save_button = QPushButton(self.tr("保存（记为签字书面意见）"))
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(False)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("编号：")))
        top.addWidget(self.serial, 1)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.info)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.document: printed.PrintedDocument | None = None
        self.saved: list[str] = []

    def open_serial(self) -> bool:
        try:
            self.document, rows = printed.receipt_rows(self.store, self.serial.text())
        except LiftDeskError as exc:
            messages.error(self, str(exc))
            return False
        self.model.load(rows)
        self.info.setText(self.tr("{serial}：共 {n} 户。选中一户后按 1 同意、2 不同意、3 弃权、0 清除。").format(
            serial=self.document.serial, n=len(rows)))
        self.save_button.setEnabled(True)
        self.table.setFocus()
        self.table.setCurrentIndex(self.model.index(0, 0))
        return True

    def save(self) -> None:
        choices = {hid: c for hid, c in self.model.choices.items() if c}
        try:
            self.saved = printed.record_receipt(self.store, self.document.serial, choices,
                                                recorded_by=self.recorded_by)
        except LiftDeskError as exc:
            messages.error(self, str(exc))
            return
        self.accept()
