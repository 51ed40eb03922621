"""The district's settings: the consent rule (which preset, over a unit or a whole building, only
signed written consents or not), the 公示 period, the office that takes objections and the cost
preset new plans start from. Stored in the database, not per machine; saved as one undo step."""

from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QSpinBox, QWidget)

from liftdesk.consent.rules import available_rules, load_rule
from liftdesk.errors import LiftDeskError
from liftdesk.money import costshare
from liftdesk.places import district_settings
from liftdesk.store import Store

from .. import messages


class RuleDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("本区设置"))
        current = district_settings.read(store)
        form = QFormLayout(self)
        self.rule = QComboBox()
        for rule_id in available_rules():
            self.rule.addItem(load_rule(rule_id).name, rule_id)
        self.rule.setCurrentIndex(self.rule.findData(current.rule))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.rule.currentIndexChanged.connect(lambda _: self.summary.setText(load_rule(self.rule.currentData()).summary))
        self.summary.setText(load_rule(current.rule).summary)
        self.scope = QComboBox()
        self.scope.addItem(self.tr("按单元（一个楼道一部电梯）"), "unit")
        self.scope.addItem(self.tr("按整幢楼"), "building")
        self.scope.setCurrentIndex(self.scope.findData(current.scope))
        self.written_only = QCheckBox(self.tr("法定结论只计签字的书面意见"))
        self.written_only.setChecked(current.written_only)
        self.notice_days = QSpinBox()
        self.notice_days.setRange(district_settings.NOTICE_DAYS.start, district_settings.NOTICE_DAYS.stop - 1)
        self.notice_days.setValue(current.notice_days)
        self.day_kind = QComboBox()
        self.day_kind.addItem(self.tr("个工作日（节假日不计）"), "working")
        self.day_kind.addItem(self.tr("日（自然日，节假日计入）"), "calendar")
        self.day_kind.setCurrentIndex(self.day_kind.findData(current.notice_day_kind))
        period = QHBoxLayout()
        period.addWidget(self.notice_days)
        period.addWidget(self.day_kind, 1)
        self.office_address = QLineEdit(current.office_address)
        self.office_address.setPlaceholderText(self.tr("印在公示上，如：王马社区居委会一楼"))
        self.office_phone = QLineEdit(current.office_phone)
        self.cost_preset = QComboBox()
        for scheme_id in costshare.available_schemes():
            scheme = costshare.load_scheme(scheme_id)
            if scheme.custom:
                continue
            status = self.tr("（%1）").replace("%1", scheme.status_label) if scheme.status_label else ""
            self.cost_preset.addItem(scheme.name + status, scheme_id)
        self.cost_preset.setCurrentIndex(max(self.cost_preset.findData(current.cost_preset), 0))
        self.cost_source = QLabel()
        self.cost_source.setWordWrap(True)
        self.cost_preset.currentIndexChanged.connect(lambda _: self._show_source())
        self._show_source()
        form.addRow(self.tr("规则"), self.rule)
        form.addRow("", self.summary)
        form.addRow(self.tr("统计范围"), self.scope)
        form.addRow("", self.written_only)
        form.addRow(self.tr("公示期"), period)
        form.addRow(self.tr("社区办公地址"), self.office_address)
        form.addRow(self.tr("社区电话"), self.office_phone)
        form.addRow(self.tr("费用分摊方案"), self.cost_preset)
        form.addRow("", self.cost_source)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def _show_source(self) -> None:
        scheme = costshare.load_scheme(self.cost_preset.currentData())
        self.cost_source.setText(self.tr("来源（%1）：%2").replace("%1", scheme.status_label or "—")
                                 .replace("%2", scheme.source_text) if scheme.source else "")

    def save(self) -> None:
        try:
            district_settings.update(self.store, {
                "rule": self.rule.currentData(), "scope": self.scope.currentData(),
                "written_only": self.written_only.isChecked(), "notice_days": self.notice_days.value(),
                "notice_day_kind": self.day_kind.currentData(), "office_address": self.office_address.text(),
                "office_phone": self.office_phone.text(), "cost_preset": self.cost_preset.currentData()})
        except LiftDeskError as exc:
            messages.error(self, str(exc))
            return
        self.accept()
