"""The district overview: the yearly table by street, the progress funnel (each figure opens the
list behind it), charts, and exports to .xlsx, .csv and PDF."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QComboBox, QGridLayout, QHBoxLayout, QLabel, QPushButton, QSplitter, QTableView, QTabWidget, QVBoxLayout, QWidget)

from liftdesk.places import places
from liftdesk.reports import stats
from liftdesk.errors import LiftDeskError
from liftdesk.i18n import language
from liftdesk.reports import targets as target_report
from liftdesk.projects.stages import stage_label
from liftdesk.store import Store
from liftdesk.sync.status import freshness

from .. import messages
from ..save_paths import ask_save_path, check_save_path
from ..models.readonly_table import Column, ObjectRole, ReadOnlyTableModel
from ..models.sync_models import FreshnessModel
from ..widgets.bar_chart import BarChart
from ..widgets.pager import Pager
from ..widgets.tables import captioned, data_table
from .targets_panel import OpenObjectionsPanel, TargetsPanel
from ..widgets.filling_layout import FillingLayout
from ..screen import scroll_body


STREETS_PER_PAGE = 18  # bars of the street chart at a time: the demo's district fits on one page
ITEMS_PER_PAGE = stats.FUNNEL_PAGE


def step_label(step: str) -> str:
    zh, en = stats.FUNNEL_LABELS[step]
    return en if language() == "en" else zh


class YearTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.table: stats.YearTable | None = None

    def set_table(self, table: stats.YearTable) -> None:
        self.beginResetModel()
        self.table = table
        self.endResetModel()

    def _rows(self):
        return self.table.rows + [self.table.totals] if self.table else []

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._rows())

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() or not self.table else len(self.table.years) + 4

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        years = self.table.years
        if section == 0:
            return self.tr("街道")
        if section <= len(years):
            return str(years[section - 1])
        return (self.tr("在建"), self.tr("合计（含在建）"), self.tr("备注"))[section - len(years) - 1]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, years, col = self._rows()[index.row()], self.table.years, index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return row.street
            if row.note and col <= len(years) + 2:
                return ""
            if col <= len(years):
                return row.by_year[years[col - 1]]
            return (row.under_construction, row.total, row.note)[col - len(years) - 1]
        if role == Qt.ItemDataRole.FontRole and index.row() == len(self.table.rows):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and 0 < col <= len(years) + 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class FunnelModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.funnel: stats.Funnel | None = None

    def set_funnel(self, funnel: stats.Funnel) -> None:
        self.beginResetModel()
        self.funnel = funnel
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() or not self.funnel else len(self.funnel.streets) + 1

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(stats.FUNNEL_STEPS) + 1

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr("街道") if section == 0 else step_label(stats.FUNNEL_STEPS[section - 1])
        return None

    def street_at(self, row: int) -> str | None:
        return self.funnel.streets[row] if row < len(self.funnel.streets) else None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        street = self.street_at(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return street or self.tr("全区合计")
            return self.funnel.count(stats.FUNNEL_STEPS[index.column() - 1], street)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column():
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and index.column():
            return self.tr("双击查看名单")
        return None


class DistrictPage(QWidget):
    open_project = Signal(str)
    open_unit = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.by = QComboBox()
        self.by.addItem(self.tr("按交付年份"), "handover")
        self.by.addItem(self.tr("按开工年份"), "start")
        self.by.currentIndexChanged.connect(lambda _: self.refresh())
        self.export_buttons = {}
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("统计口径：")))
        controls.addWidget(self.by)
        controls.addStretch()
        for suffix, label in ((".xlsx", self.tr("导出 Excel…")), (".csv", self.tr("导出 CSV…")),
                              (".pdf", self.tr("导出 PDF 报表…"))):
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, suffix=suffix: self.export(suffix))
            self.export_buttons[suffix] = button
            controls.addWidget(button)

        self.year_model = YearTableModel(self)
        self.year_view = self._view(self.year_model)
        self.year_total = self._footer(self.year_view)
        self.funnel_model = FunnelModel(self)
        self.funnel_view = self._view(self.funnel_model)
        self.funnel_total = self._footer(self.funnel_view)
        self.funnel_total.activated.connect(self.show_funnel_items)
        self.funnel_view.activated.connect(self.show_funnel_items)
        self.items_title = QLabel(self.tr("双击漏斗中的数字，查看其背后的单元或项目。"))
        self.items_model = ReadOnlyTableModel([
            Column(self.tr("项目"), lambda i: i.name), Column(self.tr("地址"), lambda i: i.address),
            Column(self.tr("阶段"), lambda i: stage_label(i.stage))], self)
        self.items_view = self._view(self.items_model)
        self.items_view.activated.connect(self._open_item)
        self.items_pager = Pager(ITEMS_PER_PAGE)
        self.items_pager.changed.connect(lambda _: self._show_items_page())
        self.current_step: str | None = None
        self.current_ids: list[str] = []
        funnel_box = QSplitter(Qt.Orientation.Vertical)
        funnel_top = QWidget()
        funnel_layout = QVBoxLayout(funnel_top)
        funnel_layout.setContentsMargins(0, 0, 0, 0)
        funnel_layout.setSpacing(0)
        funnel_layout.addWidget(self.funnel_view, 1)
        funnel_layout.addWidget(self.funnel_total)
        funnel_box.addWidget(funnel_top)
        items_box = captioned(self.items_title, self.items_view)
        items_box.layout().addWidget(self.items_pager)
        funnel_box.addWidget(items_box)

        self.year_chart, self.street_chart, self.funnel_chart = BarChart(), BarChart(), BarChart()
        charts = QWidget()
        grid = QGridLayout(charts)
        grid.addWidget(self.year_chart, 0, 0)
        grid.addWidget(self.funnel_chart, 0, 1)
        grid.addWidget(self.street_chart, 1, 0, 1, 2)
        self.street_pager = Pager(STREETS_PER_PAGE)  # 270 streets: a page of bars at a time
        self.street_pager.changed.connect(lambda _: self._show_street_page())
        grid.addWidget(self.street_pager, 2, 0, 1, 2)

        self.tabs = QTabWidget()
        year_box = QWidget()
        year_layout = QVBoxLayout(year_box)
        year_layout.setContentsMargins(0, 0, 0, 0)
        year_layout.setSpacing(0)
        year_layout.addWidget(self.year_view, 1)
        year_layout.addWidget(self.year_total)
        self.tabs.addTab(year_box, self.tr("年度表"))
        self.tabs.addTab(funnel_box, self.tr("进度漏斗"))
        self.tabs.addTab(scroll_body(charts), self.tr("图表"))  # scrolls inside: the page never does
        self.freshness_model = FreshnessModel(self)
        self.freshness_view = self._view(self.freshness_model)
        self.tabs.addTab(self.freshness_view, self.tr("数据新鲜度"))
        self.targets = TargetsPanel(store)
        self.tabs.addTab(self.targets, self.tr("年度目标"))
        self.open_objections = OpenObjectionsPanel(store)
        self.open_objections.open_project.connect(self.open_project)
        self.tabs.addTab(self.open_objections, self.tr("未办结异议"))
        layout = FillingLayout(self)  # never scrolls by itself: the table scrolls inside
        layout.addWidget(self.title)
        layout.addLayout(controls)
        layout.addWidget(self.tabs, 1)

    @staticmethod
    def _view(model) -> QTableView:
        return data_table(model, rows=False)

    @staticmethod
    def _footer(view: QTableView) -> QTableView:
        """The 全区合计 row, pinned under the table so it shows however small the screen: the same
        model, only its last row, columns and horizontal scrolling kept in step with the table."""
        footer = QTableView()
        footer.setModel(view.model())
        footer.horizontalHeader().hide()
        footer.verticalHeader().hide()
        footer.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        footer.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        footer.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        footer.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        view.horizontalHeader().sectionResized.connect(lambda n, _, width: footer.setColumnWidth(n, width))
        view.horizontalScrollBar().valueChanged.connect(footer.horizontalScrollBar().setValue)
        return footer

    def _pin_total(self, view: QTableView | None = None, footer: QTableView | None = None) -> None:
        """The totals row shows in the pinned footer only (270 streets above it scroll)."""
        view, footer = view or self.year_view, footer or self.year_total
        model = view.model()
        last = model.rowCount() - 1
        for row in range(last + 1):
            view.setRowHidden(row, row == last)
            footer.setRowHidden(row, row != last)
        header = view.horizontalHeader()
        for column in range(model.columnCount()):
            footer.setColumnWidth(column, header.sectionSize(column))
        height = footer.rowHeight(last) if last >= 0 else 0
        footer.setFixedHeight(height + 2 * footer.frameWidth())

    def district_name(self) -> str:
        return places.district_name(self.store)

    def refresh(self) -> None:
        self.table = stats.yearly_table(self.store, self.by.currentData())
        self.funnel = stats.funnel(self.store)
        self.title.setText(self.tr("{district} 加装电梯总览").format(district=self.district_name()))
        self.year_model.set_table(self.table)
        self._pin_total()
        self.funnel_model.set_funnel(self.funnel)
        self._pin_total(self.funnel_view, self.funnel_total)
        self.freshness_model.set_items(freshness(self.store))
        self.targets.refresh()
        self.open_objections.refresh()
        years = self.table.years
        self.year_chart.set_data(self.tr("各年电梯数"), [str(y) for y in years],
                                 [self.table.totals.by_year[y] for y in years])
        self.street_pager.set_total(len(self.table.rows), self.street_pager.offset)
        self._show_street_page()
        self.funnel_chart.set_data(self.tr("进度漏斗（全区）"), [step_label(s) for s in stats.FUNNEL_STEPS],
                                   [self.funnel.count(s) for s in stats.FUNNEL_STEPS])

    def _show_street_page(self) -> None:
        """One page of the street chart: a readable bar per street, the pager for the rest."""
        first = self.street_pager.offset
        rows = self.table.rows[first:first + STREETS_PER_PAGE]
        title = self.tr("各街道电梯数（含在建）")
        if self.street_pager.pages > 1:
            title = self.tr("{title}：第 {page}/{pages} 页").format(
                title=title, page=first // STREETS_PER_PAGE + 1, pages=self.street_pager.pages)
        self.street_chart.set_data(title, [r.street.removesuffix("街道") for r in rows], [r.total for r in rows])

    def show_funnel_items(self, index) -> None:
        if index.column() == 0:
            return
        step = stats.FUNNEL_STEPS[index.column() - 1]
        street = self.funnel_model.street_at(index.row())
        ids = self.funnel.ids[step].get(street, []) if street else [i for v in self.funnel.ids[step].values() for i in v]
        self.current_step, self.current_ids = step, ids
        self.items_pager.set_total(len(ids))
        self._show_items_page()
        self.items_title.setText(self.tr("{place} · {step}：{n}").format(
            place=street or self.tr("全区"), step=step_label(step), n=len(ids)))

    def _show_items_page(self) -> None:
        """Only the page shown is looked up: 全区 · 符合条件单元 is thousands of units."""
        self.items_model.set_items(stats.funnel_items(self.store, self.current_step, self.current_ids,
                                                      offset=self.items_pager.offset, limit=ITEMS_PER_PAGE))

    def _open_item(self, index) -> None:
        item = index.data(ObjectRole)
        if self.current_step == "eligible":
            self.open_unit.emit(item.id)
        else:
            self.open_project.emit(item.id)

    def export(self, suffix: str, path: str | None = None) -> str | None:
        if path is None:
            path = ask_save_path(self, self.store.path, self.tr("导出"), f"{self.district_name()}加装电梯统计{suffix}",
                                 f"*{suffix}", (suffix,))
        else:
            path = check_save_path(self, self.store.path, path, (".xlsx", ".csv", ".pdf"))
        if not path:
            return None
        path = str(path)
        try:
            from liftdesk.reports import report  # late: reportlab costs the first paint time

            report.export(self.table, self.funnel, self.district_name(), path, target_report.every_year(self.store))
        except LiftDeskError as exc:
            messages.error(self, str(exc))
            return None
        messages.status(self, self.tr("已导出 {path}").format(path=path))
        return path
