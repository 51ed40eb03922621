"""The district's consent rule: which preset, over a unit or a whole building, and whether only
signed written consents count for the legal verdict. Stored in the database, not per machine."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from liftdesk.consent import evaluation
from liftdesk.errors import LiftDeskError
from liftdesk.consent.rules import available_rules, load_rule
from liftdesk.store import Store

from .. import messages


class RuleDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("同意比例规则"))
        current = evaluation.district_rule(store)
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
        form.addRow(self.tr("规则"), self.rule)
        form.addRow("", self.summary)
        form.addRow(self.tr("统计范围"), self.scope)
        form.addRow("", self.written_only)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def save(self) -> None:
        try:
            evaluation.set_district_rule(self.store, self.rule.currentData(), self.scope.currentData(),
                                         self.written_only.isChecked())
        except LiftDeskError as exc:
            messages.error(self, str(exc))
            return
        self.accept()
