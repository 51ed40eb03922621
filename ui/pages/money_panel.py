"""方案与费用: a project's plan versions, funding plan, sharing scheme, shares with their explanations,
a per-floor chart, and payments into the collective account. Every number comes from the core."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWidgets import (QComboBox, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QScrollArea, QSplitter, QVBoxLayout, QWidget)

from liftdesk.money import costshare, funding, payments
from liftdesk.projects import liftplan
from liftdesk.places import places
from liftdesk.errors import LiftDeskError
from liftdesk.i18n import t
from liftdesk.common.units import format_fen, parse_yuan
from liftdesk.store import Store

from .. import messages
from ..dialogs.money_dialogs import OverrideDialog, PaymentDialog, PlanVersionDialog
from ..models.readonly_table import Column, ObjectRole, ReadOnlyTableModel
from ..widgets.bar_chart import BarChart
from ..widgets.tables import data_table

OUTSTANDING = QColor("#fde2e1")


class BalanceModel(ReadOnlyTableModel):
    """Balances with the households that still owe highlighted."""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and role == Qt.ItemDataRole.BackgroundRole and self.items[index.row()].outstanding_fen > 0:
            return OUTSTANDING
        return super().data(index, role)


def _money_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText("0.00")
    edit.setAlignment(Qt.AlignmentFlag.AlignRight)
    return edit


class MoneyPanel(QWidget):
    changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.project_id: str | None = None
        self.unit_id: str | None = None
        self.author = ""

        # plan versions
        self.plan_model = ReadOnlyTableModel([
            Column(self.tr("版本"), lambda v: v.version), Column(self.tr("日期"), lambda v: v.on_date),
            Column(self.tr("方案"), lambda v: v.line), Column(self.tr("设计 / 厂家"),
                                                               lambda v: " / ".join(x for x in (v.design_firm, v.maker) if x)),
            Column(self.tr("变更说明"), lambda v: v.change_note),
            Column(self.tr("重大变更"), lambda v: self.tr("是") if v.material else ""),
            Column(self.tr("附件"), lambda v: "、".join(a.rsplit("/", 1)[-1] for a in v.attachments))], self)
        self.plan_view = data_table(self.plan_model)
        self.plan_view.doubleClicked.connect(lambda _: self.open_attachments())
        self.plan_button = QPushButton(self.tr("新方案版本…"))
        self.plan_button.clicked.connect(self.add_version)
        self.plan_state = QLabel()
        self.plan_state.setWordWrap(True)

        # funding plan
        self.fields: dict[str, QLineEdit] = {}
        grid = QGridLayout()
        money_fields = (("total_fen", self.tr("总价")), ("subsidy_fen", self.tr("政府补贴")),
                        ("maintenance_fund_fen", self.tr("专项维修资金")), ("provident_fund_fen", self.tr("公积金提取")),
                        ("other_fen", self.tr("其他来源")), ("yearly_maintenance_fen", self.tr("年维保费")),
                        ("yearly_electricity_fen", self.tr("年电费")))
        for n, (name, label) in enumerate(money_fields):
            self.fields[name] = _money_edit()
            grid.addWidget(QLabel(label + self.tr("（元）")), n // 2, (n % 2) * 2)
            grid.addWidget(self.fields[name], n // 2, (n % 2) * 2 + 1)
        self.status = QComboBox()
        for code in funding.SUBSIDY_STATUSES:
            self.status.addItem(t(f"funding.status.{code}"), code)
        text_fields = (("subsidy_credited_on", self.tr("补贴到账日期")), ("other_note", self.tr("其他来源说明")),
                       ("account_name", self.tr("集体账户户名")), ("account_bank", self.tr("开户行")),
                       ("account_no", self.tr("账号")), ("manager", self.tr("使用管理人")),
                       ("schedule", self.tr("缴款安排")))
        row = (len(money_fields) + 1) // 2
        grid.addWidget(QLabel(self.tr("补贴状态")), row, 0)
        grid.addWidget(self.status, row, 1)
        for n, (name, label) in enumerate(text_fields, start=1):
            self.fields[name] = QLineEdit()
            r, c = row + (n // 2), (n % 2) * 2
            grid.addWidget(QLabel(label), r, c)
            grid.addWidget(self.fields[name], r, c + 1)
        self.owners_part = QLabel()
        self.owners_part.setObjectName("ownersPart")
        self.save_button = QPushButton(self.tr("保存资金方案"))
        self.save_button.clicked.connect(self.save_funding)

        # shares
        self.scheme = QComboBox()
        for scheme_id in costshare.available_schemes():
            scheme = costshare.load_scheme(scheme_id)
            status = self.tr("（%1）").replace("%1", scheme.status_label) if scheme.status_label else ""
            self.scheme.addItem(scheme.name + status, scheme_id)
            self.scheme.setItemData(self.scheme.count() - 1, scheme.source_text, Qt.ItemDataRole.ToolTipRole)
        self.scheme.activated.connect(lambda _: self.change_scheme())
        self.scheme_source = QLabel()  # where the figures come from: 官方 or only 参考
        self.scheme_source.setWordWrap(True)
        self.scheme.currentIndexChanged.connect(lambda _: self._show_source())
        self.coefficients = QLineEdit()
        self.coefficients.setPlaceholderText(self.tr("自定义系数，如 3=1 4=1.2 5=1.4 6=1.6"))
        self.coefficients.editingFinished.connect(self.change_coefficients)
        self.share_model = ReadOnlyTableModel([
            Column(self.tr("房号"), lambda s: s.flat.room), Column(self.tr("楼层"), lambda s: s.flat.floor),
            Column(self.tr("系数"), lambda s: "" if s.coefficient is None else str(s.coefficient)),
            Column(self.tr("应摊金额"), lambda s: format_fen(s.amount_fen), lambda s: s.amount_fen, True),
            Column(self.tr("年维保费"), lambda s: self._running_text("maintenance", s), None, True),
            Column(self.tr("年电费"), lambda s: self._running_text("electricity", s), None, True),
            Column(self.tr("计算说明"), lambda s: s.explanation)], self)
        self._running: dict[str, dict[str, int]] = {}
        self.share_view = data_table(self.share_model)
        self.share_view.selectionModel().currentRowChanged.connect(lambda *_: self._explain_current())
        self.explanation = QLabel(self.tr("选中一户，这里显示它的分摊金额是怎么算出来的。"))
        self.explanation.setObjectName("shareExplanation")
        self.explanation.setWordWrap(True)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.share_view.doubleClicked.connect(lambda _: self.edit_override())
        self.override_button = QPushButton(self.tr("约定金额…"))
        self.override_button.clicked.connect(self.edit_override)
        self.share_state = QLabel()
        self.share_state.setWordWrap(True)
        self.chart = BarChart()

        # payments
        self.balance_model = BalanceModel([
            Column(self.tr("房号"), lambda b: b.room), Column(self.tr("应缴"), lambda b: format_fen(b.due_fen),
                                                              lambda b: b.due_fen, True),
            Column(self.tr("已缴"), lambda b: format_fen(b.paid_fen), lambda b: b.paid_fen, True),
            Column(self.tr("欠缴"), lambda b: format_fen(b.outstanding_fen), lambda b: b.outstanding_fen, True)], self)
        self.balance_view = data_table(self.balance_model)
        self.payment_model = ReadOnlyTableModel([
            Column(self.tr("日期"), lambda p: p.paid_on), Column(self.tr("房号"), lambda p: p.room),
            Column(self.tr("金额"), lambda p: format_fen(p.amount_fen), lambda p: p.amount_fen, True),
            Column(self.tr("收据号"), lambda p: p.receipt_no), Column(self.tr("方式"), lambda p: p.method),
            Column(self.tr("理由"), lambda p: p.reason)], self)
        self.payment_view = data_table(self.payment_model)
        self.pay_button = QPushButton(self.tr("登记缴费…"))
        self.pay_button.clicked.connect(self.add_payment)
        self.totals = QLabel()
        self.totals.setObjectName("paymentTotals")
        self.print_button = QPushButton(self.tr("打印费用分摊协议"))
        self.print_button.clicked.connect(self.print_agreement)

        plan_box = QGroupBox(self.tr("加梯方案"))
        pl = QVBoxLayout(plan_box)
        pl.addLayout(self._row(self.plan_button, self.plan_state))
        pl.addWidget(self.plan_view)
        fund_box = QGroupBox(self.tr("资金方案"))
        fl = QVBoxLayout(fund_box)
        fl.addLayout(grid)
        fl.addLayout(self._row(self.save_button, self.owners_part))
        share_box = QGroupBox(self.tr("费用分摊"))
        sl = QVBoxLayout(share_box)
        pick = QFormLayout()
        pick.addRow(self.tr("分摊方案"), self.scheme)
        pick.addRow("", self.scheme_source)
        pick.addRow(self.tr("自定义系数"), self.coefficients)
        sl.addLayout(pick)
        sl.addLayout(self._row(self.override_button, self.print_button, self.share_state))
        split = QSplitter()
        split.addWidget(self.share_view)
        split.addWidget(self.chart)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setMinimumHeight(260)
        sl.addWidget(split)
        sl.addWidget(self.explanation)
        pay_box = QGroupBox(self.tr("集体账户缴费"))
        ql = QVBoxLayout(pay_box)
        ql.addLayout(self._row(self.pay_button, self.totals))
        pay_split = QSplitter()
        pay_split.addWidget(self.balance_view)
        pay_split.addWidget(self.payment_view)
        pay_split.setMinimumHeight(200)
        ql.addWidget(pay_split)

        body = QWidget()
        bl = QVBoxLayout(body)
        for box in (plan_box, fund_box, share_box, pay_box):
            bl.addWidget(box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    @staticmethod
    def _row(*widgets: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        for w in widgets:
            row.addWidget(w, 1 if isinstance(w, QLabel) else 0)
        return row

    def show_project(self, project_id: str, unit_id: str) -> None:
        self.project_id, self.unit_id = project_id, unit_id
        self.refresh()

    def refresh(self) -> None:
        if self.project_id is None:
            return
        versions = liftplan.versions(self.store, self.project_id)
        self.plan_model.set_items(list(reversed(versions)))
        self._fit_rows(self.plan_view, 4)
        if versions:
            self.plan_state.setText(self.tr("当前：{label}，{line}").format(label=versions[-1].label, line=versions[-1].line))
        else:
            self.plan_state.setText(self.tr("尚无加梯方案：点“新方案版本…”录入第 1 版。"))
        plan = funding.funding_plan(self.store, self.project_id)
        for name, edit in self.fields.items():
            value = getattr(plan, name)
            edit.setText(format_fen(value, plain=True) if name.endswith("_fen") and value else ("" if name.endswith("_fen") else value))
        self.status.setCurrentIndex(max(self.status.findData(plan.subsidy_status), 0))
        self.scheme.setCurrentIndex(max(self.scheme.findData(plan.scheme), 0))
        self.coefficients.setText(" ".join(f"{k}={v}" for k, v in sorted((plan.coefficients or {}).items(),
                                                                          key=lambda kv: int(kv[0]))))
        self.coefficients.setEnabled(costshare.load_scheme(plan.scheme).custom)  # they only count for 自定义
        self.owners_part.setText(self.tr("业主承担：{amount}").format(amount=format_fen(plan.owners_part_fen))
                                 if plan.id else self.tr("尚无资金方案：填写总价与补贴后保存。"))
        self.refresh_shares()
        self.refresh_payments()

    def _show_source(self) -> None:
        scheme_id = self.scheme.currentData()
        if not scheme_id:
            self.scheme_source.setText("")
            return
        scheme = costshare.load_scheme(scheme_id)
        if not scheme.source:
            self.scheme_source.setText("")
            return
        self.scheme_source.setText(self.tr("来源（%1）：%2").replace("%1", scheme.status_label or "—")
                                   .replace("%2", scheme.source_text))

    def refresh_shares(self) -> None:
        plan = funding.funding_plan(self.store, self.project_id)
        if plan.id is None:
            self.share_model.set_items([])
            self.chart.set_data(self.tr("各层分摊（元）"), [], [])
            self.share_state.setText("")
            return
        try:
            table = funding.shares(self.store, self.project_id)
        except LiftDeskError as exc:
            self.share_model.set_items([])
            self.chart.set_data(self.tr("各层分摊（元）"), [], [])
            self.share_state.setText(str(exc))
            return
        try:
            self._running = {name: {sh.flat.id: sh.amount_fen for sh in t_.shares}
                             for name, t_ in funding.running_costs(self.store, self.project_id).items()}
        except LiftDeskError:
            self._running = {}
        self.share_model.set_items(table.shares)
        floors = sorted(table.by_floor)
        self.chart.set_data(self.tr("各层分摊（元）"), [self.tr("{n}楼").format(n=f) for f in floors],
                            [table.by_floor[f] // 100 for f in floors])
        self.share_state.setText(self.tr("合计 {sum} = 业主承担 {part}。{rule}").format(
            sum=format_fen(table.sum_fen), part=format_fen(table.owners_part_fen), rule=t("share.tie_break")))

    def refresh_payments(self) -> None:
        self.balance_model.set_items(payments.balances(self.store, self.project_id))
        self.payment_model.set_items(payments.list_payments(self.store, self.project_id))
        totals = payments.reconcile(self.store, self.project_id)
        self.totals.setText(self.tr("应缴 {due}，已缴 {paid}，欠缴 {owed}（{n} 户）").format(
            due=format_fen(totals.due_fen), paid=format_fen(totals.paid_fen), owed=format_fen(totals.outstanding_fen),
            n=totals.households_outstanding))

    @staticmethod
    def _fit_rows(view, most: int) -> None:
        """As tall as its rows (at most `most` of them): no empty band under a short list."""
        view.resizeRowsToContents()
        rows = max(1, min(view.model().rowCount(), most))
        height = view.horizontalHeader().sizeHint().height() + rows * view.verticalHeader().defaultSectionSize()
        view.setMaximumHeight(height + 2 * view.frameWidth() + view.horizontalScrollBar().sizeHint().height() + 4)
        view.setMinimumHeight(0)

    def _explain_current(self) -> None:
        index = self.share_view.currentIndex()
        if index.isValid():
            self.explanation.setText(index.data(ObjectRole).explanation)

    def _running_text(self, name: str, share) -> str:
        amount = self._running.get(name, {}).get(share.flat.id)
        return "" if not amount else format_fen(amount)

    def open_attachments(self) -> None:
        index = self.plan_view.currentIndex()
        version = index.data(ObjectRole) if index.isValid() else None
        if version is None or not version.attachments:
            return
        folder = liftplan.attachments_dir(self.store, self.project_id) / f"v{version.version}"
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _done(self) -> None:
        self.refresh()
        self.changed.emit()

    def save_funding(self) -> None:
        try:
            values = {}
            for name, edit in self.fields.items():
                text = edit.text().strip()
                values[name] = (parse_yuan(text) if text else 0) if name.endswith("_fen") else text
            values["subsidy_status"] = self.status.currentData()
            values["scheme"] = self.scheme.currentData()
            funding.save_funding_plan(self.store, self.project_id, **values)
        except LiftDeskError as exc:
            messages.error(self, str(exc))
            return
        self._done()

    def change_scheme(self) -> None:
        if funding.funding_plan(self.store, self.project_id).id is None:
            messages.error(self, t("funding.none"))
            self.refresh()
            return
        try:
            funding.change_scheme(self.store, self.project_id, self.scheme.currentData())
        except LiftDeskError as exc:
            messages.error(self, str(exc))
        self._done()

    def change_coefficients(self) -> None:
        if funding.funding_plan(self.store, self.project_id).id is None:
            return
        try:
            funding.change_coefficients(self.store, self.project_id, self.coefficients.text().strip())
        except LiftDeskError as exc:
            messages.error(self, str(exc))
            return
        self._done()

    def edit_override(self) -> None:
        index = self.share_view.currentIndex()
        if not index.isValid():
            messages.info(self, self.tr("请先在分摊表中选中一户。"))
            return
        share = index.data(ObjectRole)
        if OverrideDialog(self.store, self.project_id, share.flat.id, share.flat.room, self).exec():
            self._done()

    def add_payment(self) -> None:
        index = self.balance_view.currentIndex()
        household = index.data(ObjectRole).household_id if index.isValid() else None
        if PaymentDialog(self.store, self.project_id, household, self.author, self).exec():
            self._done()

    def add_version(self) -> None:
        if PlanVersionDialog(self.store, self.project_id, self.author, self).exec():
            self._done()

    def print_agreement(self) -> None:
        from ..printing import make_and_preview

        if make_and_preview(self, self.store, "cost-agreement", str(places.unit_address(self.store, self.unit_id)),
                            self.author):
            self._done()
