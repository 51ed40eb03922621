"""Dialogs of a lift project: moving a stage, adding a group member, a meeting, a diary entry."""

from __future__ import annotations


from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout,
                               QGridLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QPlainTextEdit, QPushButton, QSplitter, QTabWidget, QVBoxLayout, QWidget)

from liftdesk.projects import diary, meetings, objections, projects
from liftdesk.places import registry
from liftdesk.errors import LiftDeskError
from liftdesk.i18n import t
from liftdesk.projects.stages import STAGES
from liftdesk.store import Store

from .. import messages
from ..screen import scroll_body


def _date_edit(value: QDate | None = None, allow_future: bool = False) -> QDateEdit:
    edit = QDateEdit(value or QDate.currentDate())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    if not allow_future:
        edit.setMaximumDate(QDate.currentDate())
    return edit


def _holding(layout) -> QWidget:
    holder = QWidget()
    holder.setLayout(layout)
    return holder


def _iso(edit: QDateEdit) -> str:
    return edit.date().toString("yyyy-MM-dd")


class _SaveDialog(QDialog):
    """OK runs save(); a refusal shows the message and keeps what the user typed."""

    def __init__(self, title: str, parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.box.accepted.connect(self._try)
        self.box.rejected.connect(self.reject)
        body = QVBoxLayout()
        body.addLayout(self.form)
        self.extra = QVBoxLayout()
        body.addLayout(self.extra)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll_body(body), 1)  # scrolls, buttons stay in view, on a small screen
        layout.addWidget(self.box)

    def _try(self) -> None:
        """save() calls one core operation, which is one named undo step; a refusal keeps the dialog open."""
        try:
            self.save()
        except LiftDeskError as exc:
            messages.error(self, str(exc))
            return
        self.accept()

    def save(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class StageDialog(_SaveDialog):
    def __init__(self, store: Store, project_id: str, recorded_by: str = "", parent: QWidget | None = None):
        super().__init__(self.tr("推进项目阶段"), parent)
        self.store, self.project_id = store, project_id
        self.stage = QComboBox()
        for s in STAGES:
            self.stage.addItem(s.label, s.code)
        self.stage.setCurrentIndex(self.stage.findData(projects.next_stage(store, project_id)))
        self.on_date = _date_edit()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("回退、跳过、暂停或终止时必填"))
        self.reason.setToolTip(self.reason.placeholderText())
        self.recorded_by = QLineEdit(recorded_by)
        em = self.fontMetrics().horizontalAdvance("中")
        self.reason.setMinimumWidth(self.reason.fontMetrics().horizontalAdvance(self.reason.placeholderText()) + em)
        self.resize(em * 30, em * 16)
        self.form.addRow(self.tr("阶段"), self.stage)
        self.form.addRow(self.tr("日期"), self.on_date)
        self.form.addRow(self.tr("原因"), self.reason)
        self.form.addRow(self.tr("记录人"), self.recorded_by)
        self.open_objections = objections.open_objections(store, project_id)
        self.override = QLineEdit()  # only asked for when moving to 审批 with objections open
        self.override.setObjectName("objectionOverride")
        self.override.setPlaceholderText(self.tr("有 {n} 条异议未办结：确需推进审批，请写明理由（记录在案）").format(
            n=len(self.open_objections)))
        self.override_label = QLabel(self.tr("带异议推进理由"))
        self.form.addRow(self.override_label, self.override)
        self.details_form = QFormLayout()
        self.extra.addLayout(self.details_form)
        self.detail_edits: dict[str, QLineEdit] = {}
        self.stage.currentIndexChanged.connect(lambda _: self._build_details())
        self._build_details()

    def _build_details(self) -> None:
        while self.details_form.rowCount():
            self.details_form.removeRow(0)
        self.detail_edits = {}
        asks = self.stage.currentData() == "approval" and bool(self.open_objections)
        self.override_label.setVisible(asks)
        self.override.setVisible(asks)
        for name, required, kind in projects.STAGE_FIELDS.get(self.stage.currentData(), ()):
            edit = QLineEdit()
            if kind in ("date", "plan_date"):
                edit.setPlaceholderText("YYYY-MM-DD")
            self.detail_edits[name] = edit
            self.details_form.addRow(t(f"field.{name}") + (" *" if required else ""), edit)

    def save(self) -> None:
        details = {name: edit.text().strip() for name, edit in self.detail_edits.items()}  # yuan as typed
        projects.record_stage(self.store, self.project_id, self.stage.currentData(), _iso(self.on_date), details,
                              self.reason.text(), self.recorded_by.text(),
                              objection_override="" if self.override.isHidden() else self.override.text())


class MemberDialog(_SaveDialog):
    """Adds a member, or edits one (`member` given): name, role, term with an end date."""

    def __init__(self, store: Store, project_id: str, unit_id: str, parent: QWidget | None = None,
                 member: meetings.GroupMember | None = None):
        super().__init__(self.tr("修改筹备组成员") if member else self.tr("添加筹备组成员"), parent)
        self.store, self.project_id, self.unit_id, self.member = store, project_id, unit_id, member
        self.household = QComboBox()
        self.household.addItem(self.tr("（非本单元住户，如帮帮团志愿者）"), None)
        for h in registry.unit_households(store, unit_id):
            self.household.addItem(f"{h.room} {h.owners}", (h.id, h.owners.split("、")[0]))
        self.name = QLineEdit()
        self.household.currentIndexChanged.connect(
            lambda _: self.household.currentData() and self.name.setText(self.household.currentData()[1]))
        self.role = QComboBox()
        self.role.addItems(meetings.GROUP_ROLES)
        self.role.setEditable(True)
        self.from_date = _date_edit()
        self.ended = QCheckBox(self.tr("已卸任，截止日期："))
        self.to_date = _date_edit(allow_future=True)
        self.to_date.setEnabled(False)
        self.ended.toggled.connect(self.to_date.setEnabled)
        end_row = QHBoxLayout()
        end_row.addWidget(self.ended)
        end_row.addWidget(self.to_date, 1)
        if member is None:
            self.form.addRow(self.tr("住户"), self.household)
        self.form.addRow(self.tr("姓名"), self.name)
        self.form.addRow(self.tr("职务"), self.role)
        self.form.addRow(self.tr("任职起始"), self.from_date)
        self.form.addRow(self.tr("任职截止"), end_row)
        if member is not None:
            self.name.setText(member.name)
            self.role.setCurrentText(member.role)
            self.from_date.setDate(QDate.fromString(member.from_date, "yyyy-MM-dd"))
            if member.to_date:
                self.ended.setChecked(True)
                self.to_date.setDate(QDate.fromString(member.to_date, "yyyy-MM-dd"))

    def save(self) -> None:
        to_date = _iso(self.to_date) if self.ended.isChecked() else None
        if self.member is not None:
            meetings.update_member(self.store, self.member.id, self.name.text(), self.role.currentText(),
                                   _iso(self.from_date), to_date)
            return
        data = self.household.currentData()
        meetings.add_member(self.store, self.project_id, self.name.text(), self.role.currentText(),
                            _iso(self.from_date), to_date, household_id=data[0] if data else None)


class MeetingDialog(_SaveDialog):
    """A meeting with its attendees and follow-ups, saved in one transaction."""

    FOLLOWUPS = 3

    def __init__(self, store: Store, project_id: str, unit_id: str, parent: QWidget | None = None,
                 meeting_id: str | None = None):
        super().__init__(self.tr("修改会议（补记纪要、参会人）") if meeting_id else self.tr("新建会议"), parent)
        self.store, self.project_id, self.unit_id = store, project_id, unit_id
        self.kind = QComboBox()
        for code in meetings.MEETING_KINDS:
            self.kind.addItem(meetings.label(meetings.MEETING_KINDS, code), code)
        now = QDateTime(QDate.currentDate(), QTime(19, 0))
        self.starts = QDateTimeEdit(now)
        self.ends = QDateTimeEdit(now.addSecs(5400))
        for edit in (self.starts, self.ends):
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
            edit.setCalendarPopup(True)
        self.place = QLineEdit()
        self.topic = QLineEdit()
        self.agenda = QPlainTextEdit()
        self.agenda.setPlaceholderText(self.tr("每行一项议程"))
        self.minutes = QPlainTextEdit()
        self.decisions = QLineEdit()
        self.others = QLineEdit()
        self.others.setPlaceholderText(self.tr("设计方、施工方等，用“、”分隔"))
        self.chair = QLineEdit()
        self.recorder = QLineEdit()
        # Two columns at any type size: the meeting on the left (its facts, then agenda, minutes
        # and follow-ups on a second tab), who came on the right with the list taking the height.
        facts = QFormLayout()
        for label, widget in ((self.tr("类型"), self.kind), (self.tr("开始"), self.starts), (self.tr("结束"), self.ends),
                              (self.tr("地点"), self.place), (self.tr("议题"), self.topic),
                              (self.tr("主持人"), self.chair), (self.tr("记录人"), self.recorder),
                              (self.tr("其他参会方"), self.others)):
            facts.addRow(label, widget)
        notes = QFormLayout()
        for label, widget in ((self.tr("议程"), self.agenda), (self.tr("纪要"), self.minutes),
                              (self.tr("决定事项"), self.decisions)):
            notes.addRow(label, widget)
        notes.addRow(QLabel(self.tr("待办事项（内容 / 负责人 / 截止日期）：")))
        grid = QGridLayout()
        self.followups = []
        for n in range(self.FOLLOWUPS):
            text, owner, due = QLineEdit(), QLineEdit(), _date_edit(QDate.currentDate().addDays(7), allow_future=True)
            text.setPlaceholderText(self.tr("待办内容"))
            owner.setPlaceholderText(self.tr("负责人"))
            grid.addWidget(text, n, 0)
            grid.addWidget(owner, n, 1)
            grid.addWidget(due, n, 2)
            grid.setColumnStretch(0, 3)
            grid.setColumnStretch(1, 1)
            self.followups.append((text, owner, due))
        notes.addRow(grid)
        self.sections = QTabWidget()
        self.sections.addTab(_holding(facts), self.tr("会议"))
        self.sections.addTab(_holding(notes), self.tr("议程、纪要与待办"))

        self.attendees = QListWidget()
        self.attendees.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        for h in registry.unit_households(store, unit_id):
            item = QListWidgetItem()
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, h.id)
            item.setData(self.LABEL_ROLE, f"{h.room}  {h.owners}")
            self._set_role(item, "owner")
            self.attendees.addItem(item)
        self.role = QComboBox()
        for code in ("owner", "proxy", "tenant"):
            self.role.addItem(meetings.label(meetings.ATTENDEE_ROLES, code), code)
        self.attendee_name = QLineEdit()
        self.attendee_name.setPlaceholderText(self.tr("到会人本人姓名"))
        self.attendee_name.setToolTip(self.tr("到会人姓名（代理人、租户填本人姓名）"))
        apply_role = QPushButton(self.tr("设为所选住户的到会身份"))
        apply_role.clicked.connect(self.apply_role)
        role_row = QHBoxLayout()
        role_row.addWidget(self.role)
        role_row.addWidget(self.attendee_name, 1)
        who = QVBoxLayout()
        who.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(self.tr("参会住户（勾选到会的户；代理人或租户到会时，选中后改身份）："))
        caption.setWordWrap(True)
        who.addWidget(caption)
        who.addWidget(self.attendees, 1)
        who.addLayout(role_row)
        who.addWidget(apply_role)
        columns = QSplitter()
        columns.addWidget(self.sections)
        columns.addWidget(_holding(who))
        columns.setChildrenCollapsible(False)
        columns.setStretchFactor(0, 3)
        columns.setStretchFactor(1, 2)
        self.extra.addWidget(columns, 1)
        em = self.fontMetrics().horizontalAdvance("中")
        self.resize(em * 56, em * 30)  # fitted to the screen when shown
        self.meeting_id: str | None = meeting_id
        if meeting_id:
            self._fill(meeting_id)

    def _fill(self, meeting_id: str) -> None:
        """Show a saved meeting as it is, ready to complete (minutes written up afterwards)."""
        m = meetings.get_meeting(self.store, meeting_id)
        self.kind.setCurrentIndex(self.kind.findData(m.kind))
        self.starts.setDateTime(QDateTime.fromString(m.starts_at, "yyyy-MM-ddTHH:mm"))
        self.ends.setDateTime(QDateTime.fromString(m.ends_at, "yyyy-MM-ddTHH:mm"))
        self.place.setText(m.place)
        self.topic.setText(m.topic)
        self.agenda.setPlainText("\n".join(m.agenda))
        self.minutes.setPlainText(m.minutes)
        self.decisions.setText(m.decisions)
        self.chair.setText(m.chair)
        self.recorder.setText(m.recorder)
        present = meetings.attendees(self.store, meeting_id)
        roles = {a.household_id: a.role for a in present if a.household_id}
        names = {a.household_id: a.name for a in present if a.household_id and a.role != "owner"}
        self.others.setText("、".join(a.name for a in present if not a.household_id and not a.helper_id
                                      and a.role == "other"))
        for n in range(self.attendees.count()):
            item = self.attendees.item(n)
            household_id = item.data(Qt.ItemDataRole.UserRole)
            if household_id in roles:
                self._set_role(item, roles[household_id], names.get(household_id, ""))
                item.setCheckState(Qt.CheckState.Checked)

    ROLE = Qt.ItemDataRole.UserRole + 1
    LABEL_ROLE = Qt.ItemDataRole.UserRole + 2
    NAME_ROLE = Qt.ItemDataRole.UserRole + 3

    def _set_role(self, item: QListWidgetItem, role: str, name: str = "") -> None:
        """A proxy or tenant attends as themselves: their own name is kept with the role."""
        name = name.strip() if role != "owner" else ""
        item.setData(self.ROLE, role)
        item.setData(self.NAME_ROLE, name)
        who = f"{name}（{meetings.label(meetings.ATTENDEE_ROLES, role)}）" if name else \
            meetings.label(meetings.ATTENDEE_ROLES, role)
        item.setText(f"{item.data(self.LABEL_ROLE)}  — {who}")

    def apply_role(self) -> None:
        for item in self.attendees.selectedItems():
            self._set_role(item, self.role.currentData(), self.attendee_name.text())
            item.setCheckState(Qt.CheckState.Checked)

    def checked_households(self) -> list[tuple[str, str]]:
        """(household id, role) of every household ticked as present."""
        return [(h, role) for h, role, _ in self.checked_attendees()]

    def checked_attendees(self) -> list[tuple[str, str, str]]:
        """(household id, role, attendee's own name or "") of every household ticked as present."""
        items = [self.attendees.item(n) for n in range(self.attendees.count())]
        return [(i.data(Qt.ItemDataRole.UserRole), i.data(self.ROLE), i.data(self.NAME_ROLE) or "") for i in items
                if i.checkState() == Qt.CheckState.Checked]

    def _other_names(self) -> list[str]:
        return [n for n in self.others.text().replace(",", "、").replace("，", "、").split("、") if n.strip()]

    def save(self) -> None:
        self.meeting_id = meetings.save_meeting(
            self.store, self.project_id, self.meeting_id, kind=self.kind.currentData(),
            starts_at=self.starts.dateTime().toString("yyyy-MM-dd HH:mm"),
            ends_at=self.ends.dateTime().toString("yyyy-MM-dd HH:mm"), place=self.place.text(),
            topic=self.topic.text(), agenda=self.agenda.toPlainText().splitlines(), minutes=self.minutes.toPlainText(),
            decisions=self.decisions.text(), chair=self.chair.text(), recorder=self.recorder.text(),
            attendees=self.checked_attendees(), others=self._other_names(),
            followups=[(text.text(), owner.text(), _iso(due)) for text, owner, due in self.followups])


class DiaryDialog(_SaveDialog):
    """Writes an entry, or corrects one (`entry` given: the old one is retracted, a new one written)."""

    def __init__(self, store: Store, project_id: str, author: str = "", parent: QWidget | None = None,
                 entry=None):
        super().__init__(self.tr("修改电梯日记") if entry else self.tr("写电梯日记"), parent)
        self.store, self.project_id, self.entry = store, project_id, entry
        self.on_date = _date_edit(QDate.fromString(entry.on_date, "yyyy-MM-dd") if entry else None)
        self.text = QPlainTextEdit(entry.text if entry else "")
        self.author = QLineEdit(entry.author if entry else author)
        self.form.addRow(self.tr("日期"), self.on_date)
        self.form.addRow(self.tr("内容"), self.text)
        self.form.addRow(self.tr("记录人"), self.author)

    def save(self) -> None:
        if self.entry is not None:
            diary.replace_entry(self.store, self.entry.ref, _iso(self.on_date), self.text.toPlainText(),
                                self.author.text())
            return
        diary.add_entry(self.store, self.project_id, _iso(self.on_date), self.text.toPlainText(), self.author.text())
