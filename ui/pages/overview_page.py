"""All units under a street, community, estate or building with their verdicts: sortable, and
filterable to what helpers ask for — 已达标, 差 1–2 户, 有反对."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QHeaderView, QLabel, QMenu, QPushButton, QRadioButton,
                               QWidget)

from liftdesk.consent import evaluation
from liftdesk.consent.evaluation import FORECAST, LEGAL, UnitVerdict
from liftdesk.places.places import sort_text
from liftdesk.store import Store

from ..colors import STATUS_COLORS
from ..models.readonly_table import Column, ObjectRole, ReadOnlyTableModel, SortRole
from ..widgets.flow import FlowLayout
from ..widgets.tables import data_table
from ..widgets.filling_layout import FillingLayout


class _VerdictModel(ReadOnlyTableModel):
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid():
            return STATUS_COLORS[self.items[index.row()].status]
        return super().data(index, role)


class _StatusFilter(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.status: str | None = None

    def set_status(self, status: str | None) -> None:
        self.beginFilterChange()  # Qt ≥ 6.9: the replacement for invalidateRowsFilter()
        self.status = status
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row, parent):
        if self.status is None:
            return True
        item: UnitVerdict = self.sourceModel().items[row]
        if self.status == "opposed":
            return bool(item.verdict.opposed)
        return item.status == self.status


class OverviewPage(QWidget):
    open_unit = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.address: str | None = None
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.counts = QLabel()
        self.filter = QComboBox()
        for label, status in ((self.tr("全部单元"), None), (self.tr("已达标"), "passed"),
                              (self.tr("差 1–2 户"), "close"), (self.tr("有反对"), "opposed"),
                              (self.tr("差距较大"), "far")):
            self.filter.addItem(label, status)
        self.legal = QRadioButton(self.tr("法定（书面）"))
        self.forecast = QRadioButton(self.tr("预测（含意向）"))
        self.legal.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.legal)
        group.addButton(self.forecast)
        self.legal.toggled.connect(lambda _: self.refresh())
        self.model = _VerdictModel([
            Column(self.tr("社区"), lambda v: v.address.community),
            Column(self.tr("小区"), lambda v: v.address.estate),
            Column(self.tr("楼栋"), lambda v: v.address.building, lambda v: sort_text(v.address.building)),
            Column(self.tr("单元"), lambda v: v.address.unit, lambda v: sort_text(v.address.unit)),
            Column(self.tr("户数"), lambda v: v.households, align_right=True),
            Column(self.tr("结论"), lambda v: self.tr("已达标") if v.verdict.passed else self.tr("未达标")),
            Column(self.tr("差距"), lambda v: v.verdict.shortfall_text, lambda v: (v.verdict.shortfall_households
                   if v.verdict.achievable else 999), elided=True),
            Column(self.tr("反对"), lambda v: len(v.verdict.opposed), align_right=True),  # households against
            Column(self.tr("项目"), lambda v: v.project or "", elided=True),  # the lift project
        ], self)
        self.proxy = _StatusFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.filter.currentIndexChanged.connect(lambda _: self._apply_filter())
        self.table = data_table(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the tree's order until a header is clicked
        self.table.activated.connect(lambda index: self.open_unit.emit(index.data(ObjectRole).unit_id))
        # the long texts (差距, 加梯项目) share what the short columns leave, cut with "…" and whole in
        # their tooltips, so no column is pushed off to the right at large type
        self.long_columns = [n for n, column in enumerate(self.model.columns) if column.elided]
        for n in self.long_columns:
            self.table.horizontalHeader().setSectionResizeMode(n, QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(False)
        controls = FlowLayout()  # wraps at large type
        controls.addWidget(QLabel(self.tr("筛选：")))
        controls.addWidget(self.filter)
        controls.addWidget(self.legal)
        controls.addWidget(self.forecast)
        self.batch_button = QPushButton(self.tr("批量打印…"))
        menu = QMenu(self.batch_button)
        for kind, label in (("consent-form", self.tr("各单元意见征询表")), ("consent-letters", self.tr("各单元书面同意书")),
                            ("notice", self.tr("各单元公示"))):
            menu.addAction(label, lambda kind=kind: self.batch_print(kind))
        self.batch_button.setMenu(menu)
        controls.addWidget(self.batch_button)
        layout = FillingLayout(self)  # never scrolls by itself: the table scrolls inside
        layout.addWidget(self.title)
        layout.addWidget(self.counts)
        layout.addLayout(controls)
        layout.addWidget(self.table, 1)

    def show_place(self, address: str) -> None:
        self.address = address
        self.title.setText(self.tr("{place}：各单元同意情况").format(place=address.replace("/", " / ")))
        self.refresh()

    def refresh(self) -> None:
        if self.address is None:
            return
        mode = LEGAL if self.legal.isChecked() else FORECAST
        verdicts = evaluation.verdicts_under(self.store, self.address, mode=mode)
        self.model.set_items(verdicts)
        self._fit_long_columns()
        tally = {s: sum(1 for v in verdicts if v.status == s) for s in ("passed", "close", "far")}
        opposed = sum(1 for v in verdicts if v.verdict.opposed)
        self.counts.setText(self.tr("共 {n} 个单元：已达标 {passed}，差 1–2 户 {close}，有反对 {opposed}").format(
            n=len(verdicts), passed=tally["passed"], close=tally["close"], opposed=opposed))
        self._apply_filter()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_long_columns()

    def _fit_long_columns(self) -> None:
        """项目 gets room for its header (its name repeats the address), 差距 the rest of the width
        the short columns leave (at least 6 characters): together they end at the right edge."""
        header = self.table.horizontalHeader()
        em = self.fontMetrics().horizontalAdvance("中")
        short = sum(header.sectionSize(n) for n in range(header.count()) if n not in self.long_columns)
        free = self.table.viewport().width() - short - 2
        gap, project = self.long_columns
        narrow = max(header.sectionSizeHint(project), free // 3)
        header.resizeSection(project, narrow)
        header.resizeSection(gap, max(em * 6, free - narrow))

    def shown_unit_ids(self) -> list[str]:
        """The units the table shows now: the filter (e.g. only 差 1–2 户) decides what a batch prints."""
        return [self.proxy.index(r, 0).data(ObjectRole).unit_id for r in range(self.proxy.rowCount())]

    def batch_print(self, kind: str, folder: str | None = None, mode: str | None = None,
                    combined: str | None = None):
        from ..printing import batch_print

        return batch_print(self, self.store, kind, self.address, folder=folder, unit_ids=self.shown_unit_ids(),
                           mode=mode, combined=combined)

    def _apply_filter(self) -> None:
        self.proxy.set_status(self.filter.currentData())
