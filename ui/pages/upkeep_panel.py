"""使用与维保: a handed-over lift's manager and maintenance company, what is due, its maintenance
visits, yearly inspections, insurance, faults, and its running costs with each household's bill,
payments and what is owed. Every figure and every rule comes from the core (liftdesk/upkeep)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from liftdesk.common.units import format_fen
from liftdesk.places import places
from liftdesk.store import Store
from liftdesk.upkeep import common, due, logbook, running

from ..dialogs.upkeep_dialogs import (
    BillsDialog,
    CostDialog,
    FaultDialog,
    InspectionDialog,
    InsuranceDialog,
    PartyDialog,
    RunningPaymentDialog,
    VisitDialog,
)
from ..models.readonly_table import Column, ObjectRole, ReadOnlyTableModel
from ..widgets.flow import FlowLayout
from ..widgets.tables import data_table

OWING = QColor("#fde2e1")


class AccountModel(ReadOnlyTableModel):
    """Households' running-cost accounts, those still owing highlighted."""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and role == Qt.ItemDataRole.BackgroundRole and self.items[index.row()].owed_fen > 0:
            return OWING
        return super().data(index, role)


class UpkeepPanel(QWidget):
    changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.project_id: str | None = None
        self.unit_id: str | None = None
        self.author = ""
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.due_label = QLabel()
        self.due_label.setWordWrap(True)
        self.due_label.setObjectName("warning")
        self.buttons: dict[str, QPushButton] = {}
        actions = FlowLayout()  # wraps at large type
        for key, text, dialog in (
                ("visit", self.tr("登记维保…"), VisitDialog), ("inspection", self.tr("登记年检…"), InspectionDialog),
                ("insurance", self.tr("登记保险…"), InsuranceDialog), ("fault", self.tr("登记故障…"), FaultDialog),
                ("party", self.tr("管理人/维保单位…"), PartyDialog), ("cost", self.tr("登记运行费用…"), CostDialog),
                ("bills", self.tr("出具年度账单…"), BillsDialog), ("payment", self.tr("登记缴费…"), RunningPaymentDialog)):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, d=dialog: self._open(d))
            actions.addWidget(button)
            self.buttons[key] = button
        self.print_button = QPushButton(self.tr("打印年度维保记录"))
        self.print_button.clicked.connect(self.print_record)
        actions.addWidget(self.print_button)

        self.visit_model = ReadOnlyTableModel([
            Column(self.tr("日期"), lambda v: v.on_date), Column(self.tr("维保单位"), lambda v: v.company),
            Column(self.tr("维保情况"), lambda v: v.findings), Column(self.tr("记录人"), lambda v: v.recorded_by)], self)
        self.inspection_model = ReadOnlyTableModel([
            Column(self.tr("检验日期"), lambda i: i.on_date), Column(self.tr("结论"), lambda i: logbook.result_label(i.result)),
            Column(self.tr("下次检验"), lambda i: i.next_due), Column(self.tr("合格证编号"), lambda i: i.certificate_no)],
            self)
        self.insurance_model = ReadOnlyTableModel([
            Column(self.tr("保险公司"), lambda i: i.insurer), Column(self.tr("保障"), lambda i: i.cover),
            Column(self.tr("起"), lambda i: i.starts_on), Column(self.tr("止"), lambda i: i.ends_on),
            Column(self.tr("年限"), lambda i: i.years, align_right=True), Column(self.tr("保单号"), lambda i: i.policy_no)],
            self)
        self.fault_model = ReadOnlyTableModel([
            Column(self.tr("日期"), lambda f: f.on_date), Column(self.tr("停梯（小时）"), lambda f: f.stopped_hours,
                                                                align_right=True),
            Column(self.tr("原因"), lambda f: f.cause), Column(self.tr("维修"), lambda f: f.repair)], self)
        self.party_model = ReadOnlyTableModel([
            Column(self.tr("身份"), lambda p: logbook.role_label(p.role)), Column(self.tr("名称/姓名"), lambda p: p.name),
            Column(self.tr("起"), lambda p: p.from_date), Column(self.tr("合同截止"), lambda p: p.to_date),
            Column(self.tr("合同编号"), lambda p: p.contract_no)], self)
        self.year_model = ReadOnlyTableModel([
            Column(self.tr("年度"), lambda y: y.year), Column(self.tr("费用"), lambda y: format_fen(y.costs_fen), align_right=True),
            Column(self.tr("已出账"), lambda y: format_fen(y.billed_fen), align_right=True),
            Column(self.tr("已缴"), lambda y: format_fen(y.paid_fen), align_right=True),
            Column(self.tr("未缴"), lambda y: format_fen(y.owed_fen), align_right=True),
            Column(self.tr("欠费户数"), lambda y: y.households_owing, align_right=True)], self)
        self.account_model = AccountModel([
            Column(self.tr("年度"), lambda a: a.year), Column(self.tr("房号"), lambda a: a.room),
            Column(self.tr("应缴"), lambda a: format_fen(a.billed_fen), align_right=True),
            Column(self.tr("已缴"), lambda a: format_fen(a.paid_fen), align_right=True),
            Column(self.tr("未缴"), lambda a: format_fen(a.owed_fen), align_right=True),
            Column(self.tr("出账日期"), lambda a: a.issued_on)], self)
        self.accounts_view = data_table(self.account_model)
        self.accounts_view.activated.connect(lambda index: self._open(RunningPaymentDialog,
                                                                      account=index.data(ObjectRole)))
        self.inner = QTabWidget()
        for model, title in ((self.visit_model, self.tr("维保")), (self.inspection_model, self.tr("年检")),
                             (self.insurance_model, self.tr("保险")), (self.fault_model, self.tr("故障")),
                             (self.party_model, self.tr("管理人与维保单位")), (self.year_model, self.tr("运行费用"))):
            self.inner.addTab(data_table(model), title)
        self.inner.addTab(self.accounts_view, self.tr("各户账单"))
        self.not_yet = QLabel(self.tr("电梯交付使用后，在这里登记维保、年检、保险、故障和运行费用。"))
        self.not_yet.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.not_yet)
        layout.addWidget(self.summary)
        layout.addWidget(self.due_label)
        layout.addLayout(actions)
        layout.addWidget(self.inner, 1)

    def show_project(self, project_id: str, unit_id: str) -> None:
        self.project_id, self.unit_id = project_id, unit_id
        self.refresh()

    def refresh(self) -> None:
        pid = self.project_id
        handed = common.handover_day(self.store, pid) is not None
        self.not_yet.setVisible(not handed)
        for widget in (self.summary, self.due_label, self.inner, self.print_button, *self.buttons.values()):
            widget.setEnabled(handed)
        manager = logbook.current_party(self.store, pid, "manager")
        company = logbook.current_party(self.store, pid, "maintainer")
        inspections, insurances = logbook.inspections(self.store, pid), logbook.insurances(self.store, pid)
        self.summary.setText(self.tr("使用管理人：{manager}；维保单位：{company}{term}；下次年检：{next}；保险：{insurance}").format(
            manager=manager.name if manager else "—", company=company.name if company else "—",
            term=self.tr("（合同至 {date}）").format(date=company.to_date) if company and company.to_date else "",
            next=inspections[-1].next_due if inspections else "—",
            insurance=f"{insurances[-1].insurer} {insurances[-1].cover} {insurances[-1].starts_on}～{insurances[-1].ends_on}"
            if insurances else "—"))
        items = due.compute(self.store, project_id=pid) if handed else []
        self.due_label.setText(self.tr("待办：{items}").format(items="；".join(d.text for d in items)) if items else "")
        self.due_label.setVisible(bool(items))
        self.visit_model.set_items(list(reversed(logbook.visits(self.store, pid))))
        self.inspection_model.set_items(list(reversed(inspections)))
        self.insurance_model.set_items(insurances)
        self.fault_model.set_items(list(reversed(logbook.faults(self.store, pid))))
        self.party_model.set_items(logbook.parties(self.store, pid))
        self.year_model.set_items(running.summary(self.store, pid))
        self.account_model.set_items(running.accounts(self.store, pid))

    def _open(self, dialog_class, **extra) -> None:
        dialog = dialog_class(self.store, self.project_id, self.author, self, **extra)
        if dialog.exec():
            self.refresh()
            self.changed.emit()

    def print_record(self) -> None:
        from ..printing import make_and_preview

        make_and_preview(self, self.store, "upkeep-record", str(places.unit_address(self.store, self.unit_id)),
                         self.author)
