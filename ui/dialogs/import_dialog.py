"""Importing a roster into a unit: which sheet, the column mapping beside a preview of the file,
a check that writes nothing and shows — household by household — what the import would change,
then one transactional import (all rows, or only the good ones). Mappings are remembered by header.

Made for a helper's laptop at large type (1366×768, 16–20 pt): the mapping is a two-column
table whose combos take the width they need, the preview keeps at least eight rows, and the
check's results have a tab of their own."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog, QFileDialog, QGroupBox, QHBoxLayout,
                               QHeaderView, QLabel, QPlainTextEdit, QPushButton, QSplitter, QTableView, QTableWidget,
                               QTabWidget, QVBoxLayout, QWidget)

from liftdesk.places import registry
from liftdesk.errors import LiftDeskError
from liftdesk.i18n import t
from liftdesk.io import layout, roster, tables
from liftdesk.io.plan import choose_sheet
from liftdesk.places.places import resolve_unit
from liftdesk.common.settings import Settings
from liftdesk.store import Store

from .. import messages
from ..models.readonly_table import Column, ReadOnlyTableModel

PREVIEW_ROWS = 8


class ImportRosterDialog(QDialog):
    def __init__(self, store: Store, address: str, parent: QWidget | None = None, settings: Settings | None = None):
        super().__init__(parent)
        self.store, self.address, self.settings = store, address, settings
        self.target = roster.target_of(address)
        self.setWindowTitle(self.tr("导入住户名册 — {address}").format(address=address))
        self.resize(1300, 720)
        self.path: Path | None = None
        self.header: list[str] = []
        self.sheets: list[tables.Sheet] = []
        self.plan: roster.ImportPlan | None = None
        self.summary = self.result_text = ""
        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        self.sheet_label = QLabel(self.tr("工作表："))
        self.sheet_combo = QComboBox()
        self.sheet_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.hidden_check = QCheckBox(self.tr("同时导入 Excel 中隐藏或被筛选掉的行"))
        self.mapping_table = QTableWidget(len(roster.COLUMNS), 2)
        self.mapping_table.setHorizontalHeaderLabels([self.tr("标准列"), self.tr("文件中的列")])
        self.mapping_table.verticalHeader().setVisible(False)
        self.mapping_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.mapping_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.mapping_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.combos: dict[str, QComboBox] = {}
        for n, column in enumerate(roster.COLUMNS):
            name = column + (self.tr("（必需）") if column in roster.REQUIRED else "")
            self.mapping_table.setCellWidget(n, 0, QLabel(" " + name + " "))
            combo = QComboBox()
            combo.setMinimumContentsLength(8)  # "（不导入）" and office names like "建筑面积（㎡）" fit
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setAccessibleName(column)
            combo.currentIndexChanged.connect(lambda _: self._enable(False))  # a new mapping needs a new check
            self.combos[column] = combo
            self.mapping_table.setCellWidget(n, 1, combo)
        self.mapping_table.verticalHeader().setDefaultSectionSize(combo.sizeHint().height() + 6)
        self.preview_model = ReadOnlyTableModel([], self)
        self.preview = QTableView()
        self.preview.setModel(self.preview_model)
        self.preview.verticalHeader().setVisible(False)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.changes_model = ReadOnlyTableModel([Column(self.tr("将作的改动（逐户）"), lambda line: line)], self)
        self.changes = QTableView()
        self.changes.setModel(self.changes_model)
        self.changes.verticalHeader().setVisible(False)
        self.changes.horizontalHeader().setStretchLastSection(True)
        self.changes.setWordWrap(True)
        self.merge_box = QGroupBox(self.tr("同名业主：勾选确为同一人的"))
        self.merge_layout = QVBoxLayout(self.merge_box)
        self.merge_checks: dict[str, QCheckBox] = {}
        self.merge_box.hide()
        self.check_button = QPushButton(self.tr("检查（不写入）"))
        self.import_button = QPushButton(self.tr("导入"))
        self.good_only_button = QPushButton(self.tr("只导入正确的行"))
        self.cancel_button = QPushButton(self.tr("取消"))
        self.check_button.clicked.connect(self.check)
        self.import_button.clicked.connect(lambda: self.apply(skip_bad=False))
        self.good_only_button.clicked.connect(lambda: self.apply(skip_bad=True))
        self.cancel_button.clicked.connect(self.reject)
        self.sheet_combo.currentIndexChanged.connect(lambda _: self._load_sheet())
        self.hidden_check.toggled.connect(lambda _: self._load_sheet())
        self._build_layout()
        self._enable(False)

    def _build_layout(self) -> None:
        buttons = QHBoxLayout()
        for b in (self.check_button, self.import_button, self.good_only_button):
            buttons.addWidget(b)
        buttons.addStretch()
        buttons.addWidget(self.cancel_button)
        sheet_row = QHBoxLayout()
        sheet_row.addWidget(self.sheet_label)
        sheet_row.addWidget(self.sheet_combo)
        sheet_row.addWidget(self.hidden_check)
        sheet_row.addStretch()
        mapping_page = QSplitter()
        mapping_page.addWidget(self.mapping_table)
        mapping_page.addWidget(self.preview)
        mapping_page.setStretchFactor(1, 1)
        em = self.fontMetrics().horizontalAdvance("中")
        mapping_page.setSizes([em * 18, em * 30])
        results_page = QWidget()
        results = QVBoxLayout(results_page)
        results.setContentsMargins(0, 0, 0, 0)
        split = QSplitter()
        split.addWidget(self.changes)
        split.addWidget(self.report)
        split.setSizes([em * 30, em * 18])
        results.addWidget(split, 1)
        results.addWidget(self.merge_box)
        self.tabs = QTabWidget()
        self.tabs.addTab(mapping_page, self.tr("列对应和预览"))
        self.tabs.addTab(results_page, self.tr("检查结果和将作的改动"))
        body = QVBoxLayout(self)
        body.addWidget(self.file_label)
        body.addLayout(sheet_row)
        body.addWidget(self.tabs, 1)
        body.addLayout(buttons)

    def _enable(self, on: bool) -> None:
        self.import_button.setEnabled(on)
        self.good_only_button.setEnabled(on and bool(self.plan and self.plan.bad and self.plan.good))

    def choose_file(self) -> bool:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择名册文件"), "",
                                              self.tr("表格 (*.xlsx *.xls *.csv *.txt);;所有文件 (*)"))
        return bool(path) and self.load_file(path)

    def load_file(self, path: str | Path) -> bool:
        try:
            self.sheets = tables.read_book(path)
        except LiftDeskError as exc:
            messages.error(self, str(exc))
            return False
        self.path = Path(path)
        with_data = [s for s in self.sheets if not s.empty]
        try:
            chosen, _ = choose_sheet(self.sheets, None, self.target.unit)
        except LiftDeskError:
            chosen = with_data[0]  # the user picks; the report says why
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        for sheet in with_data:
            self.sheet_combo.addItem(sheet.name, sheet.name)
        self.sheet_combo.setCurrentIndex(self.sheet_combo.findData(chosen.name))
        self.sheet_combo.blockSignals(False)
        for widget in (self.sheet_label, self.sheet_combo):
            widget.setVisible(len(with_data) > 1)
        self._load_sheet()
        return True

    def sheet_name(self) -> str | None:
        return self.sheet_combo.currentData()

    def _load_sheet(self) -> None:
        if self.path is None:
            return
        try:
            table, sheet, _ = roster.read_table(self.path, self.sheet_name(), self.target.unit,
                                                self.hidden_check.isChecked())
        except LiftDeskError as exc:
            self.report.setPlainText(str(exc))
            return
        self.header = table.header
        room = roster.auto_mapping(table.header).get("房号")
        rows = [row for _, row in table.body if not layout.footer_kind(row, room)]
        self.file_label.setText(self.tr("文件：{name}（{n} 行数据）").format(name=self.path.name, n=len(rows)))
        remembered = (self.settings.get("roster_mappings") if self.settings else {}).get("|".join(self.header))
        mapping = remembered or roster.auto_mapping(self.header)
        for column, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("（不导入）"), None)
            for n, name in enumerate(self.header):
                combo.addItem(name or self.tr("第 {n} 列").format(n=n + 1), n)
            combo.setCurrentIndex(combo.findData(mapping[column]) if column in mapping else 0)
            combo.blockSignals(False)
        self.preview_model.columns = [Column(h or self.tr("第 {n} 列").format(n=n + 1),
                                             lambda r, n=n: r[n] if n < len(r) else "") for n, h in enumerate(self.header)]
        self.preview_model.set_items(rows)
        self.preview.resizeColumnsToContents()
        self.preview.setMinimumHeight(self.preview.horizontalHeader().sizeHint().height()
                                      + PREVIEW_ROWS * self.preview.verticalHeader().defaultSectionSize() + 4)
        self.check()

    def mapping(self) -> dict[str, int]:
        return {c: combo.currentData() for c, combo in self.combos.items() if combo.currentData() is not None}

    def _floors(self) -> int | None:
        try:
            return registry.building_floors_of_unit(self.store, resolve_unit(self.store, self.address))
        except LiftDeskError:
            return None

    def check(self) -> None:
        """Read and check the file with this mapping, and show what importing it would change."""
        if self.path is None:
            return
        try:
            self.plan = roster.plan_import(self.path, self.mapping(), self._floors(), sheet=self.sheet_name(),
                                           target=self.target, include_hidden=self.hidden_check.isChecked())
            lines = roster.preview(self.store, self.plan, self.address).lines(self.plan)
        except LiftDeskError as exc:
            self.plan = None
            self.report.setPlainText(str(exc))
            self.changes_model.set_items([])
            self._enable(False)
            return
        self.report.setPlainText("\n".join(self.plan.report()))
        self.changes_model.set_items(lines)
        self.changes.resizeRowsToContents()
        self._show_lookalikes(self.plan.lookalikes)
        self._enable(bool(self.plan.good))
        self.tabs.setCurrentIndex(1)

    def _show_lookalikes(self, lookalikes: list[roster.Lookalike]) -> None:
        """One check box per look-alike name: unticked (two people) unless the user knows better."""
        for box in self.merge_checks.values():
            self.merge_layout.removeWidget(box)
            box.deleteLater()
        self.merge_checks = {}
        for x in lookalikes:
            box = QCheckBox(self.tr("{name}（{rooms}）是同一人").format(name=x.name, rooms="、".join(x.rooms)))
            self.merge_layout.addWidget(box)
            self.merge_checks[x.name] = box
        self.merge_box.setVisible(bool(lookalikes))

    def merge_names(self) -> list[str]:
        return [name for name, box in self.merge_checks.items() if box.isChecked()]

    def apply(self, skip_bad: bool) -> None:
        if self.plan is None:
            return
        try:
            result = roster.apply_import(self.store, self.plan, self.address, skip_bad=skip_bad,
                                         merge=self.merge_names())
        except LiftDeskError as exc:
            messages.error(self, str(exc))
            return
        if self.settings:
            remembered = dict(self.settings.get("roster_mappings"))
            remembered["|".join(self.header)] = self.mapping()
            self.settings.set("roster_mappings", remembered)
        self.summary = "\n".join(result.lines())
        self.result_text = t("import.done", address=self.address, created=result.created, updated=result.changed,
                             positions=result.positions)
        self.accept()
