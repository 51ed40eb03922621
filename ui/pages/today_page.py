"""Today: what needs doing across the station."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from liftdesk.projects import meetings, today
from liftdesk.projects.stages import stage_label
from liftdesk.store import Store

from .. import messages
from ..models.readonly_table import Column, ObjectRole, ReadOnlyTableModel
from ..widgets.tables import captioned, data_table


class TodayPage(QWidget):
    open_project = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.inactive_days = 30
        self.title = QLabel(self.tr("今日"))
        self.title.setObjectName("pageTitle")
        where = Column(self.tr("项目"), lambda i: i.project)
        self.sections = {
            "overdue": (self.tr("逾期待办"), [Column(self.tr("截止"), lambda i: i.on_date), where,
                                           Column(self.tr("待办"), lambda i: i.text),
                                           Column(self.tr("逾期天数"), lambda i: i.days, align_right=True)]),
            "upcoming": (self.tr("近 7 天待办"), [Column(self.tr("截止"), lambda i: i.on_date), where,
                                              Column(self.tr("待办"), lambda i: i.text)]),
            "meetings": (self.tr("本周会议"), [Column(self.tr("时间"), lambda i: i.on_date), where,
                                           Column(self.tr("议题"), lambda i: i.text)]),
            "idle": (self.tr("长期无进展"), [where, Column(self.tr("最近活动"), lambda i: i.on_date),
                                         Column(self.tr("无进展天数"), lambda i: i.days, align_right=True),
                                         Column(self.tr("阶段"), lambda i: stage_label(i.text))]),
            "waiting": (self.tr("阶段停留过久"), [where, Column(self.tr("阶段"), lambda i: stage_label(i.text)),
                                             Column(self.tr("自"), lambda i: i.on_date),
                                             Column(self.tr("天数"), lambda i: i.days, align_right=True)]),
            "upkeep": (self.tr("使用与维保到期"), [where, Column(self.tr("事项"), lambda i: i.text),
                                               Column(self.tr("逾期天数"), lambda i: i.days if i.days > 0 else "",
                                                      align_right=True)]),
            "notice": (self.tr("公示与异议"), [where, Column(self.tr("事项"), lambda i: i.text),
                                             Column(self.tr("日期"), lambda i: i.on_date)]),
        }
        self.models: dict[str, ReadOnlyTableModel] = {}
        self.views: dict[str, QTableView] = {}
        self.labels: dict[str, QLabel] = {}
        grid = QGridLayout()
        for n, (key, (caption, columns)) in enumerate(self.sections.items()):
            model = ReadOnlyTableModel(columns, self)
            view = data_table(model)
            view.activated.connect(lambda index: self.open_project.emit(index.data(ObjectRole).project_id))
            label = QLabel(caption)
            grid.addWidget(captioned(label, view), n // 2, n % 2)
            self.models[key], self.labels[key], self.views[key] = model, label, view
        self.done_button = QPushButton(self.tr("所选待办已完成（空格键）"))
        self.done_button.clicked.connect(self.tick_selected)
        for key in ("overdue", "upcoming"):
            self.views[key].installEventFilter(self)
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.done_button)
        layout.addLayout(head)
        layout.addLayout(grid, 1)

    def eventFilter(self, obj, event):
        """Space on a follow-up in the overdue or upcoming list ticks it done."""
        if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Space and not event.modifiers():
            self.tick_selected()
            return True
        return super().eventFilter(obj, event)

    def _selected_followup(self):
        """The follow-up under the cursor in the overdue or upcoming list (the one last focused)."""
        for key in ("overdue", "upcoming"):
            view = self.views[key]
            if view.hasFocus() and view.currentIndex().isValid():
                return view.currentIndex().data(ObjectRole)
        for key in ("overdue", "upcoming"):
            if self.views[key].currentIndex().isValid():
                return self.views[key].currentIndex().data(ObjectRole)
        return None

    def tick_selected(self) -> None:
        """Tick a follow-up done from here (today's date); one Ctrl+Z opens it again."""
        item = self._selected_followup()
        if item is None:
            return
        text = item.text[:20]
        meetings.complete_followup(self.store, item.ref)
        self.refresh()
        messages.status(self, self.tr("已完成：{text}（按 Ctrl+Z 撤销）").format(text=text))

    def refresh(self) -> None:
        result = today.compute(self.store, inactive_days=self.inactive_days)
        for key, (caption, _) in self.sections.items():
            items = getattr(result, key)
            self.models[key].set_items(items)
            self.labels[key].setText(self.tr("{caption}（{n}）").format(caption=caption, n=len(items)))
