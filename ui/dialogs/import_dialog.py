"""Importing a roster into a unit: column mapping with a preview, a check that writes nothing,
then one transactional import (all rows, or only the good ones). Mappings are remembered by header."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QFileDialog, QGridLayout, QGroupBox, QHBoxLayout,
                               QLabel, QPlainTextEdit, QPushButton, QTableView, QVBoxLayout, QWidget)

from liftdesk.places import registry
from liftdesk.errors import LiftDeskError
from liftdesk.i18n import t
from liftdesk.io import layout, roster
from liftdesk.places.places import resolve_unit
from liftdesk.common.settings import Settings
from liftdesk.store import Store

from .. import messages
from ..models.readonly_table import Column, ReadOnlyTableModel
from ..screen import scroll_body

PREVIEW_ROWS = 8


class ImportRosterDialog(QDialog):
    def __init__(self, store: Store, address: str, parent: QWidget | None = None, settings: Settings | None = None):
        super().__init__(parent)
        self.store, self.address, self.settings = store, address, settings
        self.setWindowTitle(self.tr("导入住户名册 — {address}").format(address=address))
        self.resize(900, 640)
        self.path: Path | None = None
        self.header: list[str] = []
        self.plan: roster.ImportPlan | None = None
        self.file_label = QLabel()
        self.mapping_form = QGridLayout()  # two columns of label + combo: the report keeps its room
        self.combos: dict[str, QComboBox] = {}
        for column in roster.COLUMNS:
            combo = QComboBox()
            combo.setMinimumContentsLength(7)  # "（不导入）" and office names like "建筑面积（㎡）" fit
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            self.combos[column] = combo
            required = column in roster.REQUIRED
            n = len(self.combos) - 1
            half = (len(roster.COLUMNS) + 1) // 2
            row, col = n % half, 2 * (n // half)
            self.mapping_form.addWidget(QLabel(column + (self.tr("（必需）") if required else "")), row, col)
            self.mapping_form.addWidget(combo, row, col + 1)
        self.preview_model = ReadOnlyTableModel([], self)
        self.preview = QTableView()
        self.preview.setModel(self.preview_model)
        self.preview.verticalHeader().setVisible(False)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
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
        buttons = QHBoxLayout()
        for b in (self.check_button, self.import_button, self.good_only_button):
            buttons.addWidget(b)
        buttons.addStretch()
        buttons.addWidget(self.cancel_button)
        top = QHBoxLayout()
        top.addWidget(scroll_body(self.mapping_form))  # scrolls at large type on a small screen
        top.addWidget(self.preview, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addWidget(QLabel(self.tr("列对应（左：标准列，右：文件中的列）和预览：")))
        layout.addLayout(top, 1)
        layout.addWidget(QLabel(self.tr("检查结果：")))
        layout.addWidget(self.report, 1)
        layout.addWidget(self.merge_box)
        layout.addLayout(buttons)
        self._enable(False)

    def _enable(self, on: bool) -> None:
        self.import_button.setEnabled(on)
        self.good_only_button.setEnabled(on and bool(self.plan and self.plan.bad and self.plan.good))

    def choose_file(self) -> bool:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择名册文件"), "",
                                              self.tr("表格 (*.xlsx *.csv);;所有文件 (*)"))
        return bool(path) and self.load_file(path)

    def load_file(self, path: str | Path) -> bool:
        try:
            table = roster.read_table(path)
        except LiftDeskError as exc:
            messages.error(self, str(exc))
            return False
        self.path, self.header = Path(path), table.header
        room = roster.auto_mapping(table.header).get("房号")
        rows = [row for _, row in table.body if not layout.footer_kind(row, room)]
        self.file_label.setText(self.tr("文件：{name}（{n} 行数据）").format(name=self.path.name, n=len(rows)))
        remembered = (self.settings.get("roster_mappings") if self.settings else {}).get("|".join(self.header))
        mapping = remembered or roster.auto_mapping(self.header)
        for column, combo in self.combos.items():
            combo.clear()
            combo.addItem(self.tr("（不导入）"), None)
            for n, name in enumerate(self.header):
                combo.addItem(name or self.tr("第 {n} 列").format(n=n + 1), n)
            combo.setCurrentIndex(combo.findData(mapping[column]) if column in mapping else 0)
            combo.currentIndexChanged.connect(lambda _: self._enable(False))
        self.preview_model.columns = [Column(h, lambda r, n=n: r[n] if n < len(r) else "") for n, h in enumerate(self.header)]
        self.preview_model.set_items(rows[:PREVIEW_ROWS])
        self.check()
        return True

    def mapping(self) -> dict[str, int]:
        return {c: combo.currentData() for c, combo in self.combos.items() if combo.currentData() is not None}

    def _floors(self) -> int | None:
        try:
            return registry.building_floors_of_unit(self.store, resolve_unit(self.store, self.address))
        except LiftDeskError:
            return None

    def check(self) -> None:
        try:
            self.plan = roster.plan_import(self.path, self.mapping(), self._floors())
        except LiftDeskError as exc:
            self.plan = None
            self.report.setPlainText(str(exc))
            self._enable(False)
            return
        self.report.setPlainText("\n".join(self.plan.report()))
        self._show_lookalikes(self.plan.lookalikes)
        self._enable(bool(self.plan.good))

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
        self.summary = result.summary()
        self.result_text = t("import.done", address=self.address, created=result.created, updated=result.changed,
                             positions=result.positions)
        self.accept()
