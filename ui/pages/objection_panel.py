"""异议: the project's objection register during the public notice — who objected, what they said,
how it was handled (mediation meetings linked) and the outcome — with the notice's last day. An
open objection keeps the project from moving to 审批 (the core's rule, shown here)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from liftdesk.places import places
from liftdesk.projects import objections, projects
from liftdesk.store import Store

from ..dialogs.upkeep_dialogs import ObjectionDialog, ObjectionStepDialog
from ..models.readonly_table import Column, ObjectRole, ReadOnlyTableModel
from ..widgets.tables import data_table

OPEN = QColor("#fff1d6")

class ObjectionModel(ReadOnlyTableModel):
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and role == Qt.ItemDataRole.BackgroundRole and self.items[index.row()].is_open:
            return OPEN
        return super().data(index, role)

class ObjectionPanel(QWidget):
    changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.project_id: str | None = None
        self.unit_id: str | None = None
        self.author = ""
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.model = ObjectionModel([
            Column(self.tr("收到日期"), lambda o: o.received_on), Column(self.tr("提出人"), lambda o: o.who),
            Column(self.tr("异议内容"), lambda o: o.content),
            Column(self.tr("状态"), lambda o: self.tr("未办结") if o.is_open else self.tr("已办结")),
            Column(self.tr("结果"), lambda o: objections.outcome_label(o.outcome))], self)
        self.step_model = ReadOnlyTableModel([
            Column(self.tr("日期"), lambda s: s.on_date), Column(self.tr("处理经过"), lambda s: s.text),
            Column(self.tr("调解会议"), lambda s: s.meeting), Column(self.tr("结果"), lambda s: objections.outcome_label(s.outcome)),
            Column(self.tr("记录人"), lambda s: s.recorded_by)], self)
        self.view = data_table(self.model)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_steps())
        self.register_button = QPushButton(self.tr("登记异议…"))
        self.register_button.clicked.connect(self.register)
        self.step_button = QPushButton(self.tr("处理/结果…"))
        self.step_button.clicked.connect(self.add_step)
        self.print_button = QPushButton(self.tr("打印异议处理记录"))
        self.print_button.clicked.connect(self.print_register)
        row = QHBoxLayout()
        for b in (self.register_button, self.step_button, self.print_button):
            row.addWidget(b)
        row.addStretch()
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        split.addWidget(data_table(self.step_model))
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addLayout(row)
        layout.addWidget(split, 1)

    def show_project(self, project_id: str, unit_id: str) -> None:
        self.project_id, self.unit_id = project_id, unit_id
        self.refresh()

    def refresh(self) -> None:
        register = objections.register_of(self.store, self.project_id)
        shown = self._current()
        self.model.set_items(register)
        row = next((n for n, o in enumerate(register) if shown and o.id == shown.id), None)
        if row is None and register:
            row = next((n for n, o in enumerate(register) if o.is_open), 0)  # show one's handling at once
        if row is not None:
            self.view.selectRow(row)
        notice = [e for e in projects.history(self.store, self.project_id) if e.stage == "notice"]
        open_n = sum(1 for o in register if o.is_open)
        end = objections.notice_end(notice[-1].on_date, notice[-1].details) if notice else ""
        text = self.tr("公示：{start} 至 {end}。").format(start=notice[-1].on_date, end=end) if notice else \
            self.tr("尚未公示。")
        text += self.tr("共 {n} 条异议，{open} 条未办结").format(n=len(register), open=open_n)
        if open_n:
            text += self.tr("——未办结时不能转入“审批”。")
        self.notice.setText(text)
        self._show_steps()

    def _current(self):
        index = self.view.currentIndex()
        return index.data(ObjectRole) if index.isValid() else None

    def _show_steps(self) -> None:
        current = self._current()
        self.step_model.set_items(current.steps if current else [])

    def _after(self, dialog) -> None:
        if dialog.exec():
            self.refresh()
            self.changed.emit()

    def register(self) -> None:
        self._after(ObjectionDialog(self.store, self.project_id, self.author, self))

    def add_step(self) -> None:
        current = self._current()
        if current is not None:
            self._after(ObjectionStepDialog(self.store, self.project_id, current, self.author, self))

    def print_register(self) -> None:
        from ..printing import make_and_preview

        make_and_preview(self, self.store, "objection-record", str(places.unit_address(self.store, self.unit_id)),
                         self.author)
