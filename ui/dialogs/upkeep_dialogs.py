"""Dialogs after handover and before approval: a maintenance visit, a yearly inspection, an insurance
term, a fault, the lift's manager or maintenance company, a running cost, a year's bills, a payment
against a bill; registering an objection and recording how it was handled. Each saves through one
core operation (one named undo step); a refusal keeps what was typed."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from liftdesk.common.units import format_fen, parse_yuan
from liftdesk.places import registry
from liftdesk.projects import meetings, objections, units
from liftdesk.store import Store
from liftdesk.upkeep import logbook, running

from .project_dialogs import _date_edit, _iso, _SaveDialog


def _year_box(year: int | None = None) -> QSpinBox:
    box = QSpinBox()
    box.setRange(2000, QDate.currentDate().year() + 1)
    box.setValue(year or QDate.currentDate().year())
    return box


class _LiftDialog(_SaveDialog):
    def __init__(self, title: str, store: Store, project_id: str, recorded_by: str, parent: QWidget | None):
        super().__init__(title, parent)
        self.store, self.project_id = store, project_id
        self.recorded_by = QLineEdit(recorded_by)

    def add_recorder(self) -> None:
        self.form.addRow(self.tr("记录人"), self.recorded_by)


class VisitDialog(_LiftDialog):
    def __init__(self, store: Store, project_id: str, recorded_by: str = "", parent: QWidget | None = None):
        super().__init__(self.tr("登记维保"), store, project_id, recorded_by, parent)
        self.on_date = _date_edit()
        current = logbook.current_party(store, project_id, "maintainer")
        self.company = QLineEdit(current.name if current else "")
        self.findings = QLineEdit()
        self.form.addRow(self.tr("维保日期"), self.on_date)
        self.form.addRow(self.tr("维保单位"), self.company)
        self.form.addRow(self.tr("维保情况"), self.findings)
        self.add_recorder()

    def save(self) -> None:
        logbook.record_visit(self.store, self.project_id, _iso(self.on_date), self.company.text(),
                             self.findings.text(), self.recorded_by.text())


class InspectionDialog(_LiftDialog):
    def __init__(self, store: Store, project_id: str, recorded_by: str = "", parent: QWidget | None = None):
        super().__init__(self.tr("登记年检"), store, project_id, recorded_by, parent)
        self.on_date = _date_edit()
        self.result = QComboBox()
        for code in logbook.RESULTS:
            self.result.addItem(logbook.result_label(code), code)
        self.certificate = QLineEdit()
        self.next_due = QLineEdit()
        self.next_due.setPlaceholderText(self.tr("默认一年后（YYYY-MM-DD）"))
        self.form.addRow(self.tr("检验日期"), self.on_date)
        self.form.addRow(self.tr("检验结论"), self.result)
        self.form.addRow(self.tr("检验合格证编号"), self.certificate)
        self.form.addRow(self.tr("下次检验日期"), self.next_due)
        self.add_recorder()

    def save(self) -> None:
        logbook.record_inspection(self.store, self.project_id, _iso(self.on_date), self.result.currentData(),
                                  next_due=self.next_due.text(), certificate_no=self.certificate.text(),
                                  recorded_by=self.recorded_by.text())


class InsuranceDialog(_LiftDialog):
    def __init__(self, store: Store, project_id: str, recorded_by: str = "", parent: QWidget | None = None):
        super().__init__(self.tr("登记保险"), store, project_id, recorded_by, parent)
        self.insurer = QLineEdit()
        self.policy = QLineEdit()
        self.cover = QLineEdit()
        self.cover.setPlaceholderText(self.tr("如“15+2”全生命周期"))
        self.starts = _date_edit(allow_future=True)
        self.ends = _date_edit(QDate.currentDate().addYears(1), allow_future=True)
        for label, widget in ((self.tr("保险公司"), self.insurer), (self.tr("保单号"), self.policy),
                              (self.tr("保障内容"), self.cover), (self.tr("起保日期"), self.starts),
                              (self.tr("终止日期"), self.ends)):
            self.form.addRow(label, widget)
        self.add_recorder()

    def save(self) -> None:
        logbook.record_insurance(self.store, self.project_id, self.insurer.text(), _iso(self.starts), _iso(self.ends),
                                 policy_no=self.policy.text(), cover=self.cover.text(),
                                 recorded_by=self.recorded_by.text())


class FaultDialog(_LiftDialog):
    def __init__(self, store: Store, project_id: str, recorded_by: str = "", parent: QWidget | None = None):
        super().__init__(self.tr("登记故障停梯"), store, project_id, recorded_by, parent)
        self.on_date = _date_edit()
        self.hours = QSpinBox()
        self.hours.setRange(0, 24 * 365)
        self.hours.setSuffix(self.tr(" 小时"))
        self.cause = QLineEdit()
        self.repair = QLineEdit()
        for label, widget in ((self.tr("日期"), self.on_date), (self.tr("停梯时长"), self.hours),
                              (self.tr("故障原因"), self.cause), (self.tr("维修情况"), self.repair)):
            self.form.addRow(label, widget)
        self.add_recorder()

    def save(self) -> None:
        logbook.record_fault(self.store, self.project_id, _iso(self.on_date), self.hours.value(), self.cause.text(),
                             self.repair.text(), self.recorded_by.text())


class PartyDialog(_LiftDialog):
    def __init__(self, store: Store, project_id: str, recorded_by: str = "", parent: QWidget | None = None):
        super().__init__(self.tr("登记使用管理人/维保单位"), store, project_id, recorded_by, parent)
        self.role = QComboBox()
        for code in logbook.ROLES:
            self.role.addItem(logbook.role_label(code), code)
        self.name = QLineEdit()
        self.contact = QLineEdit()
        self.contract = QLineEdit()
        self.from_date = _date_edit()
        self.has_end = QCheckBox(self.tr("合同截止："))
        self.to_date = _date_edit(QDate.currentDate().addYears(2), allow_future=True)
        self.to_date.setEnabled(False)
        self.has_end.toggled.connect(self.to_date.setEnabled)
        for label, widget in ((self.tr("身份"), self.role), (self.tr("名称/姓名"), self.name),
                              (self.tr("联系方式"), self.contact), (self.tr("合同编号"), self.contract),
                              (self.tr("起始日期"), self.from_date), (self.has_end, self.to_date)):
            self.form.addRow(label, widget)
        self.add_recorder()

    def save(self) -> None:
        logbook.record_party(self.store, self.project_id, self.role.currentData(), self.name.text(),
                             _iso(self.from_date), to_date=_iso(self.to_date) if self.has_end.isChecked() else "",
                             contact=self.contact.text(), contract_no=self.contract.text(),
                             recorded_by=self.recorded_by.text())


class CostDialog(_LiftDialog):
    def __init__(self, store: Store, project_id: str, recorded_by: str = "", parent: QWidget | None = None):
        super().__init__(self.tr("登记运行费用"), store, project_id, recorded_by, parent)
        self.year = _year_box()
        self.kind = QComboBox()
        for code in running.KINDS:
            self.kind.addItem(running.kind_label(code), code)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("元，冲减填负数"))
        self.on_date = _date_edit()
        self.note = QLineEdit()
        for label, widget in ((self.tr("年度"), self.year), (self.tr("费用类别"), self.kind),
                              (self.tr("金额（元）"), self.amount), (self.tr("日期"), self.on_date),
                              (self.tr("说明"), self.note)):
            self.form.addRow(label, widget)
        self.add_recorder()

    def save(self) -> None:
        running.record_cost(self.store, self.project_id, self.year.value(), self.kind.currentData(),
                            parse_yuan(self.amount.text(), allow_negative=True), _iso(self.on_date), self.note.text(),
                            self.recorded_by.text())


class BillsDialog(_LiftDialog):
    def __init__(self, store: Store, project_id: str, recorded_by: str = "", parent: QWidget | None = None,
                 year: int | None = None):
        super().__init__(self.tr("出具年度运行费用账单"), store, project_id, recorded_by, parent)
        self.year = _year_box(year)
        self.issued = _date_edit()
        self.replace = QCheckBox(self.tr("费用有变动，撤回已出账单并重新出账"))
        self.form.addRow(self.tr("年度"), self.year)
        self.form.addRow(self.tr("出账日期"), self.issued)
        self.form.addRow("", self.replace)
        self.add_recorder()

    def save(self) -> None:
        running.issue_bills(self.store, self.project_id, self.year.value(), _iso(self.issued),
                            replace=self.replace.isChecked(), recorded_by=self.recorded_by.text())


class RunningPaymentDialog(_LiftDialog):
    def __init__(self, store: Store, project_id: str, recorded_by: str = "", parent: QWidget | None = None,
                 account: running.HouseholdYear | None = None):
        super().__init__(self.tr("登记运行费用缴款"), store, project_id, recorded_by, parent)
        self.account = QComboBox()
        for a in running.accounts(store, project_id):
            self.account.addItem(self.tr("{year} 年 {room}（应缴 {billed}，未缴 {owed}）").format(
                year=a.year, room=a.room, billed=format_fen(a.billed_fen), owed=format_fen(a.owed_fen)), a)
            if account and a.household_id == account.household_id and a.year == account.year:
                self.account.setCurrentIndex(self.account.count() - 1)
        self.amount = QLineEdit()
        chosen = self.account.currentData()
        if chosen is not None and chosen.owed_fen > 0:
            self.amount.setText(format_fen(chosen.owed_fen, plain=True))
        self.paid_on = _date_edit()
        self.receipt = QLineEdit()
        self.method = QComboBox()
        self.method.setEditable(True)
        self.method.addItems([self.tr("银行转账"), self.tr("微信"), self.tr("现金")])
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("退款（负数）时必填"))
        for label, widget in ((self.tr("账单"), self.account), (self.tr("金额（元）"), self.amount),
                              (self.tr("缴款日期"), self.paid_on), (self.tr("收据号"), self.receipt),
                              (self.tr("方式"), self.method), (self.tr("说明"), self.reason)):
            self.form.addRow(label, widget)
        self.add_recorder()

    def save(self) -> None:
        a = self.account.currentData()
        running.record_payment(self.store, self.project_id, a.household_id if a else "", a.year if a else 0,
                               parse_yuan(self.amount.text(), allow_negative=True), _iso(self.paid_on),
                               receipt_no=self.receipt.text(), method=self.method.currentText(),
                               reason=self.reason.text(), recorded_by=self.recorded_by.text())


class ObjectionDialog(_LiftDialog):
    """Register an objection: from a household of the project, or a person named."""

    def __init__(self, store: Store, project_id: str, recorded_by: str = "", parent: QWidget | None = None):
        super().__init__(self.tr("登记异议"), store, project_id, recorded_by, parent)
        self.received = _date_edit()
        self.household = QComboBox()
        self.household.addItem(self.tr("（非本项目住户，填写姓名）"), None)
        for unit_id in units.units_of(store, project_id):
            for h in registry.unit_households(store, unit_id):
                self.household.addItem(f"{h.room} {h.owners}", h.id)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("提出人（非住户时必填）"))
        self.content = QPlainTextEdit()
        self.content.setMinimumHeight(90)
        for label, widget in ((self.tr("收到日期"), self.received), (self.tr("提出住户"), self.household),
                              (self.tr("提出人"), self.name), (self.tr("异议内容"), self.content)):
            self.form.addRow(label, widget)
        self.add_recorder()

    def save(self) -> None:
        objections.register(self.store, self.project_id, _iso(self.received), self.content.toPlainText(),
                            household_id=self.household.currentData(), from_name=self.name.text(),
                            recorded_by=self.recorded_by.text())


class ObjectionStepDialog(_LiftDialog):
    """How an objection was handled: what was done, a mediation meeting, the outcome."""

    def __init__(self, store: Store, project_id: str, objection: objections.Objection, recorded_by: str = "",
                 parent: QWidget | None = None):
        super().__init__(self.tr("异议处理：{who}").format(who=objection.who), store, project_id, recorded_by, parent)
        self.objection = objection
        self.on_date = _date_edit()
        self.text = QLineEdit()
        self.meeting = QComboBox()
        self.meeting.addItem(self.tr("（不关联会议）"), None)
        for m in meetings.meetings(store, project_id):
            self.meeting.addItem(f"{m.starts_at[:10]} {m.topic or m.kind_label}", m.id)
        self.outcome = QComboBox()
        self.outcome.addItem(self.tr("（仍在处理）"), "")
        for code in objections.OUTCOMES:
            self.outcome.addItem(objections.outcome_label(code), code)
        for label, widget in ((self.tr("日期"), self.on_date), (self.tr("处理经过"), self.text),
                              (self.tr("调解会议"), self.meeting), (self.tr("处理结果"), self.outcome)):
            self.form.addRow(label, widget)
        self.add_recorder()

    def save(self) -> None:
        objections.add_step(self.store, self.objection.id, _iso(self.on_date), self.text.text(),
                            outcome=self.outcome.currentData(), meeting_id=self.meeting.currentData(),
                            recorded_by=self.recorded_by.text())
