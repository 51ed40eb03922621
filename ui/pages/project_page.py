"""A lift project: its stages, preparation group, meetings (with attendees and follow-ups) and
the diary that merges them all."""

from __future__ import annotations

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (QCheckBox, QDateEdit, QHBoxLayout, QLabel,
                               QPushButton, QSplitter, QTableView, QTabWidget, QVBoxLayout, QWidget)
from PySide6.QtCore import Qt

from liftdesk.projects import diary, meetings, projects, units
from liftdesk.places import places
from liftdesk.store import Store
from liftdesk.common.units import format_fen

from ..dialogs.project_dialogs import DiaryDialog, MeetingDialog, MemberDialog, StageDialog
from .. import messages
from ..models.readonly_table import Column, ObjectRole, ReadOnlyTableModel
from ..widgets.flow import FlowLayout
from ..widgets.tables import data_table
from .money_panel import MoneyPanel
from .objection_panel import ObjectionPanel
from .upkeep_panel import UpkeepPanel


def _view(model) -> QTableView:
    return data_table(model)


def _details_text(event) -> str:
    parts = []
    for key, value in event.details.items():
        parts.append(format_fen(value) if key == "amount_fen" else str(value))
    return "，".join(parts)


class ProjectPage(QWidget):
    open_unit = Signal(str)
    changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.project_id: str | None = None
        self.unit_id: str | None = None
        self._author = ""
        self.settings = None  # set by the main window: the remembered recorder
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.summary = QLabel()
        self.back = QPushButton(self.tr("返回单元名册"))
        self.back.clicked.connect(lambda: self.open_unit.emit(self.unit_id))

        self.stage_model = ReadOnlyTableModel([
            Column(self.tr("日期"), lambda e: e.on_date), Column(self.tr("阶段"), lambda e: e.label),
            Column(self.tr("原因"), lambda e: e.note), Column(self.tr("详情"), _details_text),
            Column(self.tr("记录人"), lambda e: e.recorded_by)], self)
        self.stage_button = QPushButton(self.tr("推进阶段…"))
        self.stage_button.clicked.connect(self.move_stage)
        self.join_button = QPushButton(self.tr("连装/连片：加入单元…"))
        self.join_button.clicked.connect(self.join_unit)

        self.member_model = ReadOnlyTableModel([
            Column(self.tr("姓名"), lambda m: m.name), Column(self.tr("职务"), lambda m: m.role),
            Column(self.tr("起"), lambda m: m.from_date), Column(self.tr("止"), lambda m: m.to_date or "")], self)
        self.member_button = QPushButton(self.tr("添加成员…"))
        self.member_button.clicked.connect(self.add_member)
        self.member_edit_button = QPushButton(self.tr("修改/卸任…"))
        self.member_edit_button.clicked.connect(self.edit_member)
        self.member_delete_button = QPushButton(self.tr("移除（录错时）"))
        self.member_delete_button.clicked.connect(self.delete_member)

        self.meeting_model = ReadOnlyTableModel([
            Column(self.tr("时间"), lambda m: m.starts_at.replace("T", " ")),
            Column(self.tr("类型"), lambda m: m.kind_label), Column(self.tr("地点"), lambda m: m.place),
            Column(self.tr("议题"), lambda m: m.topic), Column(self.tr("决定事项"), lambda m: m.decisions)], self)
        self.meeting_button = QPushButton(self.tr("新建会议…"))
        self.meeting_button.clicked.connect(self.add_meeting)
        self.meeting_edit_button = QPushButton(self.tr("修改会议/补记纪要…"))
        self.meeting_edit_button.clicked.connect(self.edit_meeting)
        self.meeting_delete_button = QPushButton(self.tr("删除会议"))
        self.meeting_delete_button.clicked.connect(self.delete_meeting)
        self.attendee_model = ReadOnlyTableModel([
            Column(self.tr("房号"), lambda a: a.room or ""), Column(self.tr("姓名"), lambda a: a.name),
            Column(self.tr("身份"), lambda a: meetings.label(meetings.ATTENDEE_ROLES, a.role))], self)
        self.followup_model = ReadOnlyTableModel([
            Column(self.tr("待办"), lambda f: f.text), Column(self.tr("负责人"), lambda f: f.owner),
            Column(self.tr("截止"), lambda f: f.due_date), Column(self.tr("完成"), lambda f: f.done_on or "")], self)
        self.signin_button = QPushButton(self.tr("打印签到表"))
        self.minutes_button = QPushButton(self.tr("打印会议纪要"))
        self.signin_button.clicked.connect(lambda: self.print_meeting("signin"))
        self.minutes_button.clicked.connect(lambda: self.print_meeting("minutes"))
        self.done_button = QPushButton(self.tr("标记待办已完成"))
        self.done_button.clicked.connect(self.complete_followup)

        self.diary_model = ReadOnlyTableModel([
            Column(self.tr("日期"), lambda i: i.on_date), Column(self.tr("类别"), lambda i: diary.kind_label(i.kind)),
            Column(self.tr("内容"), lambda i: i.text), Column(self.tr("记录人"), lambda i: i.author)], self)
        self.diary_button = QPushButton(self.tr("写日记…"))
        self.diary_button.clicked.connect(self.add_diary)
        self.diary_edit_button = QPushButton(self.tr("修改日记…"))
        self.diary_edit_button.clicked.connect(self.edit_diary)
        self.diary_delete_button = QPushButton(self.tr("删除日记"))
        self.diary_delete_button.clicked.connect(self.delete_diary)
        self.kind_boxes: dict[str, QCheckBox] = {}
        for kind in diary.KINDS:
            box = QCheckBox(diary.kind_label(kind))
            box.setChecked(True)
            box.toggled.connect(lambda _: self.refresh_diary())
            self.kind_boxes[kind] = box
        self.period_from = QDateEdit(QDate(2015, 1, 1))
        self.period_to = QDateEdit(QDate.currentDate())
        for edit in (self.period_from, self.period_to):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
            edit.dateChanged.connect(lambda _: self.refresh_diary())

        self.tabs = QTabWidget()
        self.tabs.addTab(self._with_buttons(_view(self.stage_model), self.stage_button, self.join_button),
                         self.tr("阶段"))
        self.members_view = _view(self.member_model)
        self.tabs.addTab(self._with_buttons(self.members_view, self.member_button, self.member_edit_button,
                                            self.member_delete_button), self.tr("筹备组"))
        self.meetings_view = _view(self.meeting_model)
        self.meetings_view.selectionModel().currentRowChanged.connect(lambda *_: self._show_meeting())
        self.followups_view = _view(self.followup_model)
        lower = QSplitter()
        lower.addWidget(_view(self.attendee_model))
        lower.addWidget(self._with_buttons(self.followups_view, self.done_button))
        meeting_split = QSplitter(Qt.Orientation.Vertical)
        meeting_split.addWidget(self._with_buttons(self.meetings_view, self.meeting_button, self.meeting_edit_button,
                                                   self.meeting_delete_button, self.signin_button,
                                                   self.minutes_button))
        meeting_split.addWidget(lower)
        self.tabs.addTab(meeting_split, self.tr("会议"))
        filters = FlowLayout()  # wraps at large type
        for box in self.kind_boxes.values():
            filters.addWidget(box)
        filters.addWidget(QLabel(self.tr("从")))
        filters.addWidget(self.period_from)
        filters.addWidget(QLabel(self.tr("到")))
        filters.addWidget(self.period_to)
        filters.addWidget(self.diary_button)
        filters.addWidget(self.diary_edit_button)
        filters.addWidget(self.diary_delete_button)
        diary_box = QWidget()
        dl = QVBoxLayout(diary_box)
        dl.addLayout(filters)
        self.diary_view = _view(self.diary_model)
        dl.addWidget(self.diary_view)
        self.tabs.addTab(diary_box, self.tr("电梯日记"))
        self.money = MoneyPanel(store)
        self.money.changed.connect(self.changed)
        self.tabs.addTab(self.money, self.tr("方案与费用"))
        self.objections = ObjectionPanel(store)
        self.objections.changed.connect(self.changed)
        self.tabs.addTab(self.objections, self.tr("异议"))
        self.upkeep = UpkeepPanel(store)
        self.upkeep.changed.connect(self.changed)
        self.tabs.addTab(self.upkeep, self.tr("使用与维保"))

        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.back)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)

    @property
    def author(self) -> str:
        return self.settings.get("recorded_by") if self.settings else self._author

    @author.setter
    def author(self, name: str) -> None:
        self._author = name

    @staticmethod
    def _with_buttons(view: QWidget, *buttons: QPushButton) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        for b in buttons:
            row.addWidget(b)
        row.addStretch()
        layout.addLayout(row)
        layout.addWidget(view)
        return box

    def show_project(self, project_id: str) -> None:
        self.project_id = project_id
        self.unit_id = projects.project_unit(self.store, project_id)
        self.refresh()

    def refresh(self) -> None:
        name, stage = places.unit_project(self.store, self.unit_id)
        self.title.setText(name or "")
        events = projects.history(self.store, self.project_id)
        self.summary.setText(self.tr("{address}；当前阶段：{stage}").format(
            address=str(places.unit_address(self.store, self.unit_id)).replace("/", " / "),
            stage=events[-1].label + f"（{events[-1].on_date}）" if events else self.tr("未开始")))
        joined = units.extra_units(self.store, self.project_id)
        if joined:  # a 四梯连装 or 连片 project: every unit it covers (one lift each)
            names = [places.unit_address(self.store, u) for u in joined]
            self.summary.setText(self.summary.text() + self.tr("；另含 {n} 个单元：{units}").format(
                n=len(joined), units="、".join(f"{a.building}{a.unit}" for a in names)))
        self.stage_model.set_items(events)
        self.member_model.set_items(meetings.group_members(self.store, self.project_id))
        shown = self._current(self.meetings_view)
        self.meeting_model.set_items(meetings.meetings(self.store, self.project_id))
        row = next((n for n, m in enumerate(self.meeting_model.items) if shown and m.id == shown.id), None)
        if row is not None:  # the meeting being edited stays selected
            self.meetings_view.selectRow(row)
        self._show_meeting()
        self.refresh_diary()
        self.money.author = self.author
        self.money.show_project(self.project_id, self.unit_id)
        self.objections.author = self.upkeep.author = self.author
        self.objections.show_project(self.project_id, self.unit_id)
        self.upkeep.show_project(self.project_id, self.unit_id)

    def refresh_diary(self) -> None:
        if self.project_id is None:
            return
        kinds = {k for k, box in self.kind_boxes.items() if box.isChecked()}
        self.diary_model.set_items(diary.timeline(self.store, self.project_id, kinds,
                                                  self.period_from.date().toString("yyyy-MM-dd"),
                                                  self.period_to.date().toString("yyyy-MM-dd")) if kinds else [])

    def _show_meeting(self) -> None:
        index = self.meetings_view.currentIndex()
        meeting = index.data(ObjectRole) if index.isValid() else None
        self.attendee_model.set_items(meetings.attendees(self.store, meeting.id) if meeting else [])
        self.followup_model.set_items([f for f in meetings.followups(self.store, self.project_id)
                                       if meeting is None or f.meeting_id == meeting.id])

    def _after(self, dialog) -> bool:
        if dialog.exec():
            recorder = getattr(dialog, "recorded_by", None) or getattr(dialog, "author", None)
            if self.settings is not None and hasattr(recorder, "text") and recorder.text().strip():
                self.settings.set("recorded_by", recorder.text().strip())
            self.refresh()
            self.changed.emit()
            return True
        return False

    def join_unit(self) -> None:
        from ..dialogs.units_dialog import JoinUnitDialog

        self._after(JoinUnitDialog(self.store, self.project_id, self))

    def move_stage(self) -> None:
        self._after(StageDialog(self.store, self.project_id, self.author, self))

    def add_member(self) -> None:
        self._after(MemberDialog(self.store, self.project_id, self.unit_id, self))

    def add_meeting(self) -> None:
        self._after(MeetingDialog(self.store, self.project_id, self.unit_id, self))

    def add_diary(self) -> None:
        self._after(DiaryDialog(self.store, self.project_id, self.author, self))

    @staticmethod
    def _current(view: QTableView):
        index = view.currentIndex()
        return index.data(ObjectRole) if index.isValid() else None

    def edit_member(self) -> None:
        member = self._current(self.members_view)
        if member is not None:
            self._after(MemberDialog(self.store, self.project_id, self.unit_id, self, member=member))

    def delete_member(self) -> None:
        member = self._current(self.members_view)
        if member is None or not messages.confirm(self, self.tr(
                "从筹备组移除“{name}”？只用于录错的成员；卸任请用“修改/卸任”填写截止日期。").format(name=member.name)):
            return
        meetings.delete_member(self.store, member.id)
        self._changed()

    def edit_meeting(self) -> None:
        meeting = self._current(self.meetings_view)
        if meeting is not None:
            self._after(MeetingDialog(self.store, self.project_id, self.unit_id, self, meeting_id=meeting.id))

    def delete_meeting(self) -> None:
        meeting = self._current(self.meetings_view)
        if meeting is None:
            return
        n = len(meetings.attendees(self.store, meeting.id))
        if not messages.confirm(self, self.tr("删除会议“{topic}”（{time}，{n} 人参会）及其待办？可按 Ctrl+Z 撤销。").format(
                topic=meeting.topic or meeting.kind_label, time=meeting.starts_at.replace("T", " "), n=n)):
            return
        meetings.delete_meeting(self.store, meeting.id)
        self._changed()

    def _current_entry(self):
        item = self._current(self.diary_view)
        if item is None or item.kind != "entry":
            messages.info(self, self.tr("请选择一条手写的日记（类别为“日记”）。阶段、会议、意见和文书请在各自的页面修改。"))
            return None
        return item

    def edit_diary(self) -> None:
        item = self._current_entry()
        if item is not None:
            self._after(DiaryDialog(self.store, self.project_id, self.author, self, entry=item))

    def delete_diary(self) -> None:
        item = self._current_entry()
        if item is None or not messages.confirm(self, self.tr("删除 {date} 的日记“{text}”？").format(
                date=item.on_date, text=item.text[:30])):
            return
        diary.withdraw_entry(self.store, item.ref)
        self._changed()

    def _changed(self) -> None:
        self.refresh()
        self.changed.emit()

    def print_meeting(self, kind: str) -> None:
        from ..printing import make_and_preview

        index = self.meetings_view.currentIndex()
        if index.isValid():
            make_and_preview(self, self.store, kind, index.data(ObjectRole).id, self.author)
            self.refresh_diary()

    def complete_followup(self) -> None:
        index = self.followups_view.currentIndex()
        if index.isValid():
            followup = index.data(ObjectRole)
            meetings.complete_followup(self.store, followup.id)
            self._changed()
