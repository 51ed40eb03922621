"""The district page's yearly targets (target, done and gap per street, for a chosen year, with the
district's total) and the open objections across the district. Figures and rules are the core's."""

from __future__ import annotations

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from liftdesk.places import places
from liftdesk.projects import objections, targets
from liftdesk.reports import stats
from liftdesk.reports import targets as target_report
from liftdesk.store import Store

from ..dialogs.project_dialogs import _SaveDialog
from ..models.readonly_table import Column, ObjectRole, ReadOnlyTableModel
from ..widgets.tables import data_table


def _n(value) -> str:
    return "—" if value is None else str(value)


class TargetDialog(_SaveDialog):
    def __init__(self, store: Store, year: int, parent: QWidget | None = None, street: str | None = None):
        super().__init__(self.tr("设定年度目标"), parent)
        self.store = store
        self.street = QComboBox()
        for street_id, name in stats.streets(store):
            self.street.addItem(name, street_id)
            if name == street:
                self.street.setCurrentIndex(self.street.count() - 1)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(year)
        self.started, self.handed = QSpinBox(), QSpinBox()
        for box in (self.started, self.handed):
            box.setRange(0, 100_000)
            box.setSuffix(self.tr(" 台"))
        self.street.currentIndexChanged.connect(lambda _: self._load())
        self.year.valueChanged.connect(lambda _: self._load())
        for label, widget in ((self.tr("街道"), self.street), (self.tr("年度"), self.year),
                              (self.tr("开工目标"), self.started), (self.tr("交付目标"), self.handed)):
            self.form.addRow(label, widget)
        self._load()

    def _load(self) -> None:
        goal = targets.targets(self.store, self.year.value()).get(self.street.currentData())
        self.started.setValue(goal.started if goal else 0)
        self.handed.setValue(goal.handed_over if goal else 0)

    def save(self) -> None:
        targets.set_target(self.store, self.street.currentData(), self.year.value(), self.started.value(),
                           self.handed.value())


class TargetsPanel(QWidget):
    changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(QDate.currentDate().year())
        self._year_chosen = False
        self.year.valueChanged.connect(self._choose_year)
        self.set_button = QPushButton(self.tr("设定目标…"))
        self.set_button.clicked.connect(self.set_target)
        self.model = ReadOnlyTableModel([
            Column(self.tr("街道"), lambda r: r.street),
            Column(self.tr("开工目标"), lambda r: _n(r.started_target), align_right=True),
            Column(self.tr("已开工"), lambda r: r.started, align_right=True),
            Column(self.tr("开工差额"), lambda r: _n(r.started_gap), align_right=True),
            Column(self.tr("交付目标"), lambda r: _n(r.handed_target), align_right=True),
            Column(self.tr("已交付"), lambda r: r.handed_over, align_right=True),
            Column(self.tr("交付差额"), lambda r: _n(r.handed_gap), align_right=True)], self)
        self.view = data_table(self.model)
        self.view.activated.connect(lambda index: self.set_target(index.data(ObjectRole).street))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("年度：")))
        row.addWidget(self.year)
        row.addWidget(self.set_button)
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)

    def _choose_year(self, _year: int) -> None:
        self._year_chosen = True
        self.refresh()

    def rows(self) -> list[target_report.TargetRow]:
        rows = target_report.progress(self.store, self.year.value())
        return rows + [target_report.total(rows, self.year.value())]

    def refresh(self) -> None:
        if not self._year_chosen:  # the latest year the district set targets for, until the user picks one
            years = targets.years(self.store)
            self.year.blockSignals(True)
            self.year.setValue(years[-1] if years else QDate.currentDate().year())
            self.year.blockSignals(False)
        self.model.set_items(self.rows())

    def set_target(self, street: str | None = None) -> None:
        if TargetDialog(self.store, self.year.value(), self, street if isinstance(street, str) else None).exec():
            self.refresh()
            self.changed.emit()


class OpenObjectionsPanel(QWidget):
    """Every open objection in the district: where, since when, from whom, what it says."""
    open_project = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.model = ReadOnlyTableModel([
            Column(self.tr("收到日期"), lambda o: o[0].received_on), Column(self.tr("项目"), lambda o: o[1]),
            Column(self.tr("提出人"), lambda o: o[0].who), Column(self.tr("异议内容"), lambda o: o[0].content),
            Column(self.tr("最近处理"), lambda o: o[0].steps[-1].text if o[0].steps else "")], self)
        self.view = data_table(self.model)
        self.view.activated.connect(lambda index: self.open_project.emit(index.data(ObjectRole)[0].project_id))
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)

    def refresh(self) -> None:
        names = {}
        items = []
        for o in objections.all_open(self.store):
            if o.project_id not in names:
                unit = self.store.db.execute("SELECT unit_id FROM project WHERE id = ?", [o.project_id]).fetchone()[0]
                names[o.project_id] = places.unit_project(self.store, unit)[0] or ""
            items.append((o, names[o.project_id]))
        self.model.set_items(items)
