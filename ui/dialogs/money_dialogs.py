"""Dialogs of a project's plan and money: a new plan version, a payment, an agreed amount."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QCheckBox, QComboBox, QFileDialog, QLabel, QLineEdit, QPlainTextEdit, QPushButton,
                               QSpinBox, QWidget)

from liftdesk.money import funding, payments
from liftdesk.projects import liftplan
from liftdesk.i18n import t
from liftdesk.common.units import parse_yuan
from liftdesk.store import Store
from liftdesk.common.units import format_fen

from .project_dialogs import _SaveDialog, _date_edit, _iso


class PlanVersionDialog(_SaveDialog):
    def __init__(self, store: Store, project_id: str, recorded_by: str = "", parent: QWidget | None = None):
        super().__init__(self.tr("新方案版本"), parent)
        self.store, self.project_id, self.recorded_by = store, project_id, recorded_by
        current = liftplan.current(store, project_id)
        self.summary = QLineEdit(current.summary if current else "")
        self.position = QComboBox()
        self.entry = QComboBox()
        for combo, codes, prefix in ((self.position, liftplan.POSITIONS, "plan.position."),
                                     (self.entry, liftplan.ENTRIES, "plan.entry.")):
            combo.addItem("", "")
            for code in codes:
                combo.addItem(t(prefix + code), code)
        if current:
            self.position.setCurrentIndex(max(self.position.findData(current.position), 0))
            self.entry.setCurrentIndex(max(self.entry.findData(current.entry), 0))
        self.load = QSpinBox()
        self.load.setRange(0, 5000)
        self.load.setSuffix(" kg")
        self.load.setValue(current.load_kg if current else 630)
        self.stops = QSpinBox()
        self.stops.setRange(0, 60)
        self.stops.setValue(current.stops if current else 0)
        self.design_firm = QLineEdit(current.design_firm if current else "")
        self.maker = QLineEdit(current.maker if current else "")
        self.estimate = QLineEdit(f"{current.estimate_fen / 100:.2f}" if current and current.estimate_fen else "")
        self.estimate.setPlaceholderText(self.tr("元，如 560000"))
        self.change_note = QPlainTextEdit()
        self.change_note.setPlaceholderText(self.tr("改了什么、为什么改（第 1 版可不填）"))
        self.material = QCheckBox(self.tr("重大变更：此前签的书面意见需重新确认"))
        self.day = _date_edit()
        self.files: list[str] = []
        self.attach = QPushButton(self.tr("添加图纸等附件…"))
        self.attach.clicked.connect(self.choose_files)
        self.attached = QLabel(self.tr("（无附件）"))
        self.attached.setWordWrap(True)
        for label, widget in ((self.tr("方案概要"), self.summary), (self.tr("位置"), self.position),
                              (self.tr("入户方式"), self.entry), (self.tr("载重"), self.load),
                              (self.tr("停站数"), self.stops), (self.tr("设计单位"), self.design_firm),
                              (self.tr("电梯厂家"), self.maker), (self.tr("估算造价（元）"), self.estimate),
                              (self.tr("变更说明"), self.change_note), ("", self.material), (self.tr("日期"), self.day),
                              (self.tr("附件"), self.attach), ("", self.attached)):
            self.form.addRow(label, widget)

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("选择图纸等附件"), "",
                                                self.tr("图纸和文档 (*.pdf *.dwg *.jpg *.jpeg *.png *.doc *.docx);;所有文件 (*)"))
        if files:
            self.files = files
            self.attached.setText("\n".join(Path(f).name for f in files))

    def save(self) -> None:
        liftplan.add_version(
            self.store, self.project_id, summary=self.summary.text(), position=self.position.currentData(),
            entry=self.entry.currentData(), load_kg=self.load.value(), stops=self.stops.value(),
            design_firm=self.design_firm.text(), maker=self.maker.text(),
            estimate_fen=parse_yuan(self.estimate.text()) if self.estimate.text().strip() else 0,
            change_note=self.change_note.toPlainText(), material=self.material.isChecked(), on_date=_iso(self.day),
            attachments=self.files, recorded_by=self.recorded_by)


class PaymentDialog(_SaveDialog):
    def __init__(self, store: Store, project_id: str, household_id: str | None = None, recorded_by: str = "",
                 parent: QWidget | None = None):
        super().__init__(self.tr("登记缴费"), parent)
        self.store, self.project_id, self.recorded_by = store, project_id, recorded_by
        self.room = QComboBox()
        for b in payments.balances(store, project_id):
            self.room.addItem(self.tr("{room}（欠缴 {amount}）").format(
                room=b.room, amount=f"¥{b.outstanding_fen / 100:,.2f}"), b.household_id)
        if household_id:
            self.room.setCurrentIndex(max(self.room.findData(household_id), 0))
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("元；退款填负数并写明理由"))
        self.day = _date_edit()
        self.receipt = QLineEdit()
        self.method = QComboBox()
        self.method.setEditable(True)
        self.method.addItems([self.tr("银行转账"), self.tr("现金"), self.tr("微信"), self.tr("支付宝")])
        self.reason = QLineEdit()
        for label, widget in ((self.tr("房号"), self.room), (self.tr("金额（元）"), self.amount),
                              (self.tr("日期"), self.day), (self.tr("收据号"), self.receipt),
                              (self.tr("方式"), self.method), (self.tr("理由"), self.reason)):
            self.form.addRow(label, widget)

    def save(self) -> None:
        amount = parse_yuan(self.amount.text(), allow_negative=True)
        payments.record_payment(self.store, self.project_id, self.room.currentData(),
                                amount, _iso(self.day),
                                receipt_no=self.receipt.text(), method=self.method.currentText(),
                                reason=self.reason.text(), recorded_by=self.recorded_by)


class OverrideDialog(_SaveDialog):
    """An agreed amount for one household instead of its computed share; empty removes it."""

    def __init__(self, store: Store, project_id: str, household_id: str, room: str, parent: QWidget | None = None):
        super().__init__(self.tr("约定金额：{room}").format(room=room), parent)
        self.store, self.project_id, self.household_id, self.room = store, project_id, household_id, room
        current = funding.overrides(store, project_id).get(household_id)
        self.amount = QLineEdit(f"{current.amount_fen / 100:.2f}" if current else "")
        self.amount.setPlaceholderText(self.tr("元；0 = 不参加，负数 = 补偿；留空取消约定"))
        self.reason = QLineEdit(current.reason if current else "")
        self.form.addRow(self.tr("金额（元）"), self.amount)
        self.form.addRow(self.tr("理由"), self.reason)
        if current is not None and current.amount_fen == 0:
            catch_up = funding.late_joiner_amount(store, project_id, household_id)
            self.form.addRow("", QLabel(self.tr("若日后加入，按协议应补缴 {amount}（取消约定即按此金额分摊）。").format(
                amount=format_fen(catch_up))))

    def save(self) -> None:
        text = self.amount.text().strip()
        funding.set_override(self.store, self.project_id, self.household_id,
                             parse_yuan(text, allow_negative=True) if text else None, self.reason.text())
