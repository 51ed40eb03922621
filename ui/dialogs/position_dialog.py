"""Recording a household's position in a few keystrokes: a digit picks the position, Enter saves."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox,
                               QFormLayout, QHBoxLayout, QLabel, QLineEdit, QRadioButton, QWidget)

from liftdesk.projects import meetings, projects
from liftdesk.consent import positions
from liftdesk.errors import LiftDeskError
from liftdesk.store import Store

from .. import messages

KEYS = ("support", "oppose", "abstain", "none", "conditional")  # digits 1–5


class PositionDialog(QDialog):
    def __init__(self, store: Store, household_id: str, room: str, unit_id: str, preset: str | None = None,
                 recorded_by: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.household_id, self.unit_id, self.room = store, household_id, unit_id, room
        self.setWindowTitle(self.tr("记录意见 — {room}").format(room=room))
        form = QFormLayout(self)
        row = QHBoxLayout()
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for n, code in enumerate(KEYS, start=1):
            button = QRadioButton(f"&{n} {positions.label(positions.POSITIONS, code)}")
            self.group.addButton(button)
            self.buttons[code] = button
            row.addWidget(button)
        self.buttons[preset or "support"].setChecked(True)
        form.addRow(self.tr("意见"), row)
        self.condition = QLineEdit()
        self.condition.setPlaceholderText(self.tr("有条件支持时写明条件，例如“一楼补偿到位”"))
        form.addRow(self.tr("条件"), self.condition)
        self.method = self._combo(positions.METHODS)
        form.addRow(self.tr("了解方式"), self.method)
        self.meeting = QComboBox()  # a position stated at a meeting links to it
        self.meeting.addItem(self.tr("（不关联会议）"), None)
        project = projects.project_of_unit(store, unit_id)
        for m in reversed(meetings.meetings(store, project) if project else []):
            self.meeting.addItem(f"{m.starts_at[:10]} {m.kind_label} {m.topic}", m.id)
        self.meeting.currentIndexChanged.connect(
            lambda _: self.meeting.currentData() and self.method.setCurrentIndex(self.method.findData("meeting")))
        form.addRow(self.tr("会议"), self.meeting)
        self.respondent = self._combo(positions.RESPONDENTS)
        form.addRow(self.tr("答复人"), self.respondent)
        self.respondent_name = QLineEdit()
        form.addRow(self.tr("答复人姓名"), self.respondent_name)
        self.proxy_ref = QLineEdit()
        self.proxy_ref.setPlaceholderText(self.tr("受托人代为表决时必填"))
        form.addRow(self.tr("授权委托书编号"), self.proxy_ref)
        self.written = QCheckBox(self.tr("签字的书面意见（法定有效）"))
        self.form_no = QLineEdit()
        self.form_no.setPlaceholderText(self.tr("征询表或同意书编号"))
        written_row = QHBoxLayout()
        written_row.addWidget(self.written)
        written_row.addWidget(self.form_no)
        form.addRow(self.tr("书面"), written_row)
        self.written.toggled.connect(lambda on: on and self.method.setCurrentIndex(self.method.findData("written")))
        self.reason = QLineEdit()
        form.addRow(self.tr("理由/备注"), self.reason)
        _date_recorder_and_buttons(self, form, self.tr("日期"), self.tr("记录人"), recorded_by)

    def _combo(self, table: dict) -> QComboBox:
        combo = QComboBox()
        for code in table:
            combo.addItem(positions.label(table, code), code)
        return combo

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_5 and not isinstance(self.focusWidget(), QLineEdit):
            self.buttons[KEYS[key - Qt.Key.Key_1]].setChecked(True)
            return
        super().keyPressEvent(event)

    @property
    def position(self) -> str:
        return next(code for code, b in self.buttons.items() if b.isChecked())

    def save(self) -> None:
        details = dict(on_date=self.on_date.date().toString("yyyy-MM-dd"), method=self.method.currentData(),
                       respondent=self.respondent.currentData(), respondent_name=self.respondent_name.text(),
                       proxy_ref=self.proxy_ref.text(), recorded_by=self.recorded_by.text(),
                       reason=self.reason.text(), condition=self.condition.text(), unit_id=self.unit_id,
                       meeting_id=self.meeting.currentData())
        try:
            if self.written.isChecked():
                self.record_id = positions.record_signed_form(
                    self.store, self.household_id, self.position, self.form_no.text(), **details)
            else:
                self.record_id = positions.record_position(self.store, self.household_id, self.position, **details)
        except LiftDeskError as exc:
            messages.error(self, str(exc))
            return
        self.accept()


class SignedFormDialog(QDialog):
    """A signed written form, recorded in a few keys: the position is already chosen (Shift+digit),
    the helper types the form number and presses Enter. Signed by the owner on today's date unless
    changed; anything else (a proxy, a condition) goes through the full dialog."""

    def __init__(self, store: Store, household_id: str, room: str, unit_id: str, position: str,
                 recorded_by: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.household_id, self.unit_id, self.position = store, household_id, unit_id, position
        self.setWindowTitle(self.tr("记录签字的书面意见 — {room}").format(room=room))
        form = QFormLayout(self)
        form.addRow(self.tr("意见"), QLabel(positions.label(positions.POSITIONS, position)))
        self.form_no = QLineEdit()
        self.form_no.setPlaceholderText(self.tr("征询表或同意书编号"))
        form.addRow(self.tr("表格编号"), self.form_no)
        self.condition = QLineEdit()
        self.condition.setPlaceholderText(self.tr("有条件支持时写明条件，例如“一楼补偿到位”"))
        if position == "conditional":
            form.addRow(self.tr("条件"), self.condition)
        _date_recorder_and_buttons(self, form, self.tr("签字日期"), self.tr("记录人"), recorded_by)
        self.form_no.setFocus()

    def save(self) -> None:
        try:
            self.record_id = positions.record_signed_form(
                self.store, self.household_id, self.position, self.form_no.text(),
                on_date=self.on_date.date().toString("yyyy-MM-dd"), respondent="owner",
                recorded_by=self.recorded_by.text(), condition=self.condition.text(), unit_id=self.unit_id)
        except LiftDeskError as exc:
            messages.error(self, str(exc))
            return
        self.accept()


def _date_recorder_and_buttons(dialog: QDialog, form: QFormLayout, date_label: str, recorder_label: str,
                               recorded_by: str) -> None:
    """Both position dialogs end alike: the date (never in the future), who recorded it, Save."""
    dialog.on_date = QDateEdit(QDate.currentDate())
    dialog.on_date.setCalendarPopup(True)
    dialog.on_date.setDisplayFormat("yyyy-MM-dd")
    dialog.on_date.setMaximumDate(QDate.currentDate())
    form.addRow(date_label, dialog.on_date)
    dialog.recorded_by = QLineEdit(recorded_by)
    form.addRow(recorder_label, dialog.recorded_by)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    box.accepted.connect(dialog.save)
    box.rejected.connect(dialog.reject)
    box.button(QDialogButtonBox.StandardButton.Save).setDefault(True)
    form.addRow(box)
    dialog.record_id = None
